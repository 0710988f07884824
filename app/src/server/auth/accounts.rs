//! One account per person, bound to who signed in: the rules that turn an identity into it.
//!
//! - An account is found by the provider's (issuer, subject) first; that binding never
//!   changes silently.
//! - Otherwise by e-mail, and only when the provider says `email_verified: true` for it. Then
//!   the account is bound to this (issuer, subject) from now on, an `ACCOUNT_LINKED` event.
//!   A missing or false claim never links and never rebinds: the person is told that an
//!   account with this e-mail exists and to sign in the way they did before.
//! - An address nobody verified (typed into the profile form, or sent unverified) can create an
//!   account but never capture one: when its verified owner signs in later, the address moves
//!   to them (a new account) and the typing account keeps its data under a placeholder
//!   address (`EMAIL_RELEASED`).
//! - A new person gets an account once the app knows an e-mail and both names; until then the
//!   one-time profile form asks for what is missing.

use sea_orm::DatabaseConnection;

use super::identity::Identity;
use super::session::PendingProfile;
use crate::error::{AppError, ResultExt};
use crate::model::account::{FormFeedback, ProfileDraft};
use crate::server::audit::{self, Event};
use crate::server::db::entities::users;
use crate::server::db::users::NewUser;
use crate::server::db::{self, Duplicate, UniqueKeyExt};

/// Where a sign-in stands once the identity is known.
#[derive(Debug)]
pub enum Outcome {
    /// The person has a complete account: they are signed in.
    SignedIn(users::Model),
    /// The profile form must be filled first; `existing` is their account if they have one.
    NeedsProfile { existing: Option<users::Model> },
    /// An account with this e-mail exists and this sign-in may not enter it (its provider did
    /// not verify the address).
    EmailBelongsToAnotherAccount,
}

/// Finds or creates the person's account for an identity.
pub async fn resolve(db: &DatabaseConnection, identity: &Identity) -> Result<Outcome, AppError> {
    if let (Some(issuer), Some(subject)) = (&identity.issuer, &identity.subject)
        && let Some(user) = db::users::find_by_subject(db, issuer, subject)
            .await
            .context("finding the user by provider subject")?
    {
        return returning(db, user, identity).await;
    }
    let Some(email) = identity.email.as_deref() else {
        return Ok(Outcome::NeedsProfile { existing: None });
    };
    let holder = db::users::find_by_email(db, email).await.context("finding the user by e-mail")?;
    match holder {
        None if identity.has_names() => create(db, identity, email).await,
        None => Ok(Outcome::NeedsProfile { existing: None }),
        Some(holder) if identity.email_trusted && !holder.email_verified => {
            // The holder typed an address its owner now proves is theirs: the owner gets it.
            let released =
                db::users::release_email(db, holder).await.context("releasing an unverified e-mail")?;
            audit::record(db, None, Event::new(audit::EMAIL_RELEASED).user(released.user_id)).await;
            if identity.has_names() {
                create(db, identity, email).await
            } else {
                Ok(Outcome::NeedsProfile { existing: None })
            }
        }
        Some(holder) if identity.email_trusted => {
            let holder = match (&identity.issuer, &identity.subject) {
                (Some(issuer), Some(subject)) => {
                    let linked = db::users::bind_subject(db, holder, issuer, subject)
                        .await
                        .context("binding the account to the provider identity")?;
                    let event = Event::new(audit::ACCOUNT_LINKED)
                        .user(linked.user_id)
                        .detail(format!("bound to a new subject at {issuer} through a verified e-mail"));
                    audit::record(db, None, event).await;
                    linked
                }
                // Development sign-in: no provider identity to bind.
                _ => holder,
            };
            returning(db, holder, identity).await
        }
        Some(_) => Ok(Outcome::EmailBelongsToAnotherAccount),
    }
}

/// Signs a known account in (or asks for its missing names).
async fn returning(
    db: &DatabaseConnection,
    user: users::Model,
    identity: &Identity,
) -> Result<Outcome, AppError> {
    let user = db::users::record_login(db, user, &identity.first_name, &identity.last_name)
        .await
        .context("recording the sign-in")?;
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
        email_verified: identity.trusted_email() == Some(email),
    }
}

/// Creates the person's account and signs them in. When the e-mail was taken a moment ago (a
/// parallel sign-in of the same person), the account this identity owns is used; an account
/// it does not own is never handed over.
async fn create(db: &DatabaseConnection, identity: &Identity, email: &str) -> Result<Outcome, AppError> {
    let new = new_user(identity, email, &identity.first_name, &identity.last_name);
    match db::users::create(db, new).await.or_duplicate().context("creating the user")? {
        Ok(user) => Ok(Outcome::SignedIn(user)),
        Err(Duplicate) => {
            let own = match (&identity.issuer, &identity.subject) {
                (Some(issuer), Some(subject)) => db::users::find_by_subject(db, issuer, subject).await,
                _ if identity.email_trusted => db::users::find_by_email(db, email).await,
                _ => Ok(None),
            }
            .context("reading the account a parallel sign-in created")?;
            Ok(own.map_or(Outcome::EmailBelongsToAnotherAccount, Outcome::SignedIn))
        }
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
