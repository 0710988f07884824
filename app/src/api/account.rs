//! Who is signed in, and the state of the sign-in forms.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::account::{AccountDetails, ProfileDraft, SignInPage, Visitor};

/// The visitor: their account when signed in, and how this deployment signs people in.
#[server(endpoint = "visitor")]
pub async fn get_visitor() -> Result<Visitor, AppError> {
    use crate::model::account::Account;
    use crate::server::auth;

    let state = auth::app_state()?;
    let account = auth::current_user().await?.map(|user| Account {
        first_name: user.first_name,
        last_name: user.last_name,
        email: user.email,
    });
    Ok(Visitor { account, method: state.sign_in.method() })
}

/// The sign-in page: method, whether already signed in, and the last form message (shown once).
#[server(endpoint = "sign_in_page")]
pub async fn get_sign_in_page() -> Result<SignInPage, AppError> {
    use crate::error::ResultExt;
    use crate::server::auth::{self, session};

    let state = auth::app_state()?;
    let session = auth::current_session().await?;
    let signed_in = auth::session_user(&state, &session).await?.is_some();
    let feedback = session::take_feedback(&session).await.context("reading the form message")?;
    Ok(SignInPage { method: state.sign_in.method(), signed_in, feedback })
}

/// The one-time profile form, pre-filled from the provider; `None` when no sign-in awaits it.
#[server(endpoint = "profile_draft")]
pub async fn get_profile_draft() -> Result<Option<ProfileDraft>, AppError> {
    use crate::error::ResultExt;
    use crate::server::auth::{self, session};

    let session = auth::current_session().await?;
    let Some(pending) = session::pending_profile(&session).await.context("reading the pending sign-in")?
    else {
        return Ok(None);
    };
    let feedback = session::take_feedback(&session).await.context("reading the form message")?;
    let state = auth::app_state()?;
    Ok(Some(auth::accounts::profile_draft(&state.db, pending, feedback).await?))
}

/// The signed-in person's own account; [`AppError::Unauthorized`] for visitors.
#[server(endpoint = "account_details")]
pub async fn get_account_details() -> Result<AccountDetails, AppError> {
    use crate::error::ResultExt;
    use crate::server::account_data::routes::NOTICE_KEY;
    use crate::server::auth::{self, session};

    let state = auth::app_state()?;
    let user = auth::require_user().await?;
    let notice = session::take_flash::<String>(&auth::current_session().await?, NOTICE_KEY)
        .await
        .context("reading the account page's message")?;
    let date = |t: chrono::NaiveDateTime| t.format("%-d %b %Y").to_string();
    Ok(AccountDetails {
        first_name: user.first_name,
        last_name: user.last_name,
        email: user.email,
        method: state.sign_in.method(),
        member_since: date(user.created_at),
        last_sign_in: user.last_login_at.map(date),
        notice,
    })
}
