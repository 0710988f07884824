//! One user row per person: the rules that turn a verified identity into that row.
//!
//! - A trusted e-mail (lower-cased) finds the person's row whatever provider they used.
//! - Without a trusted e-mail, the provider's issuer + subject find it.
//! - A new person gets a row once the app knows an e-mail and both names; until then the
//!   one-time profile form asks for what is missing.
//! - An e-mail typed into that form (or marked unverified by the provider) can create a row but
//!   never claim an existing one: that would hand over another person's account.

use sea_orm::DatabaseConnection;

use super::identity::Identity;
use super::session::PendingProfile;
use crate::error::{AppError, ResultExt};
use crate::model::account::{FormFeedback, ProfileDraft};
use crate::server::db::entities::users;
use crate::server::db::users::NewUser;
use crate::server::db::{self, Duplicate, UniqueKeyExt};

/// Where a sign-in stands once the identity is known.
#[derive(Debug)]
pub enum Outcome {
    /// The person has a complete row: they are signed in.
    SignedIn(users::Model),
    /// The profile form must be filled first; `existing` is their row if they have one.
    NeedsProfile { existing: Option<users::Model> },
}

/// Finds or creates the person's row for a verified identity.
pub async fn resolve(db: &DatabaseConnection, identity: &Identity) -> Result<Outcome, AppError> {
    let found = match identity.trusted_email() {
        Some(email) => db::users::find_by_email(db, email).await.context("finding the user by e-mail")?,
        None => None,
    };
    let found = match (found, &identity.issuer, &identity.subject) {
        (Some(user), _, _) => Some(user),
        (None, Some(issuer), Some(subject)) => db::users::find_by_subject(db, issuer, subject)
            .await
            .context("finding the user by provider subject")?,
        _ => None,
    };

    let user = match found {
        Some(user) => db::users::record_login(
            db,
            user,
            identity.issuer.clone(),
            identity.subject.clone(),
            &identity.first_name,
            &identity.last_name,
        )
        .await
        .context("recording the sign-in")?,
        None => match identity.trusted_email() {
            Some(email) if identity.has_names() => create(db, identity, email).await?,
            _ => return Ok(Outcome::NeedsProfile { existing: None }),
        },
    };
    if user.first_name.is_empty() || user.last_name.is_empty() {
        return Ok(Outcome::NeedsProfile { existing: Some(user) });
    }
    Ok(Outcome::SignedIn(user))
}

fn new_user(identity: &Identity, email: &str, first_name: &str, last_name: &str) -> NewUser {
    NewUser {
        email: email.to_owned(),
        first_name: first_name.to_owned(),
        last_name: last_name.to_owned(),
        oidc_issuer: identity.issuer.clone(),
        oidc_subject: identity.subject.clone(),
    }
}

/// Inserts the person's row; when a parallel sign-in inserted it first, uses that one.
async fn create(db: &DatabaseConnection, identity: &Identity, email: &str) -> Result<users::Model, AppError> {
    let new = new_user(identity, email, &identity.first_name, &identity.last_name);
    match db::users::create(db, new).await.or_duplicate().context("creating the user")? {
        Ok(user) => Ok(user),
        Err(Duplicate) => db::users::find_by_email(db, email)
            .await
            .context("reading the user a parallel sign-in created")?
            .ok_or_else(|| {
                AppError::internal(anyhow::anyhow!("the user's e-mail is taken, yet no user has it"))
            }),
    }
}

/// Saves the one-time profile form and returns the completed row.
///
/// `email` is the typed address, already normalised; it is used only when the identity has no
/// trusted one. The database's unique e-mail key is the check that it belongs to no one yet.
pub async fn complete_profile(
    db: &DatabaseConnection,
    identity: &Identity,
    existing_user_id: Option<i64>,
    first_name: &str,
    last_name: &str,
    email: &str,
) -> Result<users::Model, AppError> {
    if let Some(user_id) = existing_user_id {
        let user =
            db::users::find(db, user_id).await.context("reading the user")?.ok_or(AppError::NotFound)?;
        return db::users::set_names(db, user, first_name, last_name)
            .await
            .context("saving the user's names");
    }
    let email = identity.trusted_email().unwrap_or(email);
    db::users::create(db, new_user(identity, email, first_name, last_name))
        .await
        .or_duplicate()
        .context("creating the user")?
        .map_err(|Duplicate| {
            AppError::validation(
                "email",
                "This e-mail address belongs to another account. Sign in the way that account \
                 normally signs in, or use a different address.",
            )
        })
}

/// The one-time profile form for a pending sign-in: pre-filled from the provider, or with what
/// was typed when the last submission was refused. A provider-confirmed e-mail, or the one on a
/// returning person's row, is shown but not editable.
pub async fn profile_draft(
    db: &DatabaseConnection,
    pending: PendingProfile,
    feedback: Option<FormFeedback>,
) -> Result<ProfileDraft, AppError> {
    let identity = pending.identity;
    let email_editable = pending.user_id.is_none() && identity.trusted_email().is_none();
    let (first_name, last_name, typed_email) = match &feedback {
        Some(f) => (f.first_name.clone(), f.last_name.clone(), f.email.clone()),
        None => (identity.first_name, identity.last_name, identity.email.clone().unwrap_or_default()),
    };
    let email = match pending.user_id {
        _ if email_editable => typed_email,
        Some(user_id) => db::users::find(db, user_id)
            .await
            .context("reading the user's e-mail")?
            .map(|u| u.email)
            .unwrap_or_default(),
        None => identity.email.unwrap_or_default(),
    };
    Ok(ProfileDraft { first_name, last_name, email, email_editable, feedback })
}
