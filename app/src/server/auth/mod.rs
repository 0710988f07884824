//! Sign-in and "who is calling": OIDC or development sign-in, sessions, and the one helper
//! every server function uses to learn the current user.
//!
//! Authentication says who someone is; everything else in the app scopes its queries by the
//! user id that [`require_user`] returns, never by an id the browser sends.
//!
//! The identity provider is an enum, not a trait object: both variants are real (tests run a
//! real OIDC provider), so there is nothing to swap.

pub mod accounts;
pub mod extract;
pub mod identity;
pub mod oidc;
pub mod origin;
pub mod routes;
pub mod session;
pub mod session_store;

use std::sync::Arc;

use leptos::prelude::use_context;
use tower_sessions::Session;

use crate::error::{AppError, ResultExt};
use crate::model::account::SignInMethod;
use crate::server::db::{self, entities::users};
use crate::server::state::AppState;

/// How this deployment signs people in.
#[derive(Clone)]
pub enum SignIn {
    Provider(Arc<oidc::OidcProvider>),
    Development,
}

impl SignIn {
    pub fn method(&self) -> SignInMethod {
        match self {
            Self::Provider(_) => SignInMethod::IdentityProvider,
            Self::Development => SignInMethod::Development,
        }
    }
}

/// The application state, inside a server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("AppState missing from context")))
}

/// The caller's session, inside a server function.
pub async fn current_session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| AppError::internal(anyhow::anyhow!("no session: {e:?}")))
}

/// Who is calling a server function, with what the call needs to act for them.
pub struct Caller {
    pub state: AppState,
    pub user: users::Model,
    pub request_id: crate::server::request_id::RequestId,
}

/// The signed-in caller of a server function, or [`AppError::Unauthorized`].
pub async fn caller() -> Result<Caller, AppError> {
    Ok(Caller { state: app_state()?, user: require_user().await?, request_id: current_request_id().await? })
}

/// The id of the request a server function is answering (for audit events).
pub async fn current_request_id() -> Result<crate::server::request_id::RequestId, AppError> {
    leptos_axum::extract::<axum::Extension<crate::server::request_id::RequestId>>()
        .await
        .map(|axum::Extension(id)| id)
        .map_err(|e| AppError::internal(anyhow::anyhow!("no request id: {e:?}")))
}

/// The id of the signed-in user, or `None` for a visitor, from the session alone (the user's row
/// is not read: for a server function that reads it with the rest of what it needs).
pub async fn signed_in_user_id() -> Result<Option<i64>, AppError> {
    session_user_id(&current_session().await?).await
}

/// The id of the user `session` belongs to, recorded on the request's span.
async fn session_user_id(session: &Session) -> Result<Option<i64>, AppError> {
    let user_id = session::user_id(session).await.context("reading the session")?;
    if let Some(user_id) = user_id {
        tracing::Span::current().record("user.id", user_id);
    }
    Ok(user_id)
}

/// The id of the signed-in user, or [`AppError::Unauthorized`]; see [`signed_in_user_id`].
pub async fn require_user_id() -> Result<i64, AppError> {
    signed_in_user_id().await?.ok_or(AppError::Unauthorized)
}

/// The signed-in user, or `None` for a visitor.
pub async fn current_user() -> Result<Option<users::Model>, AppError> {
    session_user(&app_state()?, &current_session().await?).await
}

/// The user a session belongs to (for axum handlers, which have the session already).
pub async fn session_user(state: &AppState, session: &Session) -> Result<Option<users::Model>, AppError> {
    let Some(user_id) = session_user_id(session).await? else {
        return Ok(None);
    };
    db::users::find(&state.db, user_id).await.context("reading the signed-in user")
}

/// The signed-in user, or [`AppError::Unauthorized`]. Every server function that touches a
/// user's data starts here and scopes its queries by the returned row's id.
pub async fn require_user() -> Result<users::Model, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}
