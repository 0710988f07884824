//! Who is calling a plain axum route (uploads, reports, account data): the [`SignedInUser`]
//! extractor. Server functions learn it through [`super::caller`]; both read the same session
//! through [`super::session_user`].

use axum::extract::FromRequestParts;
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use tower_sessions::Session;

use super::session_user;
use crate::error::AppError;
use crate::paths;
use crate::server::db::entities::users;
use crate::server::respond::status_of;
use crate::server::state::AppState;

/// The signed-in user of a plain route. A visitor is sent to the sign-in page; a failure to
/// read the session is answered with its status and plain words.
pub struct SignedInUser(pub users::Model);

impl FromRequestParts<AppState> for SignedInUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(session) = parts.extensions.get::<Session>().cloned() else {
            let error = AppError::internal(anyhow::anyhow!("no session layer in front of this route"));
            return Err((status_of(&error), error.to_string()).into_response());
        };
        match session_user(state, &session).await {
            Ok(Some(user)) => Ok(Self(user)),
            Ok(None) => Err(Redirect::to(paths::SIGN_IN).into_response()),
            Err(error) => Err((status_of(&error), error.to_string()).into_response()),
        }
    }
}
