//! The account's data routes, plain GET and form POST so they work with JavaScript off:
//!
//! - `GET /account/export`: the caller's archive as a download (`Cache-Control: no-store`).
//! - `POST /account/delete` (field `email`, the account's e-mail typed to confirm): deletes the
//!   account, ends the session and redirects to `/account/deleted`; a wrong e-mail goes back to
//!   `/account` with the message. Cross-site posts are refused by the same-origin middleware.
//!
//! The caller comes from the [`SignedInUser`] extractor: a visitor is sent to the sign-in page.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use http::header;
use serde::Deserialize;
use tower_sessions::Session;

use super::archive::FILE_NAME;
use crate::error::AppError;
use crate::paths;
use crate::server::auth::extract::SignedInUser;
use crate::server::auth::session;
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// Flash key for the account page's message (a refused deletion, a failed export).
pub const NOTICE_KEY: &str = "account.notice";

pub fn routes() -> Router<AppState> {
    Router::new().route(paths::ACCOUNT_EXPORT, get(download)).route(paths::ACCOUNT_DELETE, post(delete))
}

async fn download(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    SignedInUser(user): SignedInUser,
    session: Session,
) -> Response {
    match super::archive_for(&state, &request_id, &user).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/zip".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{FILE_NAME}\"")),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => back_to_account(&session, &error).await,
    }
}

/// The deletion form.
#[derive(Debug, Deserialize)]
struct Confirmation {
    #[serde(default)]
    email: String,
}

async fn delete(
    State(state): State<AppState>,
    SignedInUser(user): SignedInUser,
    session: Session,
    Form(form): Form<Confirmation>,
) -> Response {
    match super::delete_account(&state, &user, &form.email).await {
        Ok(_) => {
            if let Err(error) = session.flush().await {
                // The user row is gone, so the session no longer signs anyone in either way.
                tracing::error!(%error, "could not end the session of a deleted account");
            }
            Redirect::to(paths::ACCOUNT_DELETED).into_response()
        }
        Err(error) => back_to_account(&session, &error).await,
    }
}

/// Back to the account page, which shows the message once.
async fn back_to_account(session: &Session, error: &AppError) -> Response {
    if let Err(failure) = session::set_flash(session, NOTICE_KEY, error.to_string()).await {
        tracing::error!(error = %failure, "could not keep the account page's message");
    }
    Redirect::to(paths::ACCOUNT).into_response()
}
