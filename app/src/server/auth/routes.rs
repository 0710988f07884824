//! The sign-in endpoints: plain HTML form posts and redirects, so they work with JavaScript off.
//!
//! `GET /auth/login` → provider → `GET /auth/callback`; `POST /auth/logout`;
//! `POST /auth/dev` (development sign-in, only routed when it is allowed);
//! `POST /auth/profile` (the one-time profile form).

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;
use tower_sessions::Session;

use super::SignIn;
use super::accounts::{self, Outcome};
use super::identity::{Identity, clean_name, normalise_email};
use super::oidc::{Callback, SignInFailure};
use super::session::{self, PendingProfile};
use crate::error::AppError;
use crate::model::account::FormFeedback;
use crate::server::audit::{self, Event};
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// Where a failed sign-in lands: a plain page with a retry link.
pub const FAILED_PAGE: &str = "/signin/failed";
pub const SIGN_IN_PAGE: &str = crate::paths::SIGN_IN;
pub const PROFILE_PAGE: &str = "/welcome";
/// The failed-sign-in page saying that an account with this e-mail exists (see `accounts`).
pub const ACCOUNT_EXISTS_PAGE: &str = "/signin/failed?reason=account-exists";

/// The `/auth/*` routes for this deployment's sign-in method.
pub fn routes(sign_in: &SignIn) -> Router<AppState> {
    let router = Router::new()
        .route("/auth/login", get(login))
        .route("/auth/logout", post(logout))
        .route("/auth/profile", post(save_profile));
    match sign_in {
        SignIn::Provider(_) => router.route("/auth/callback", get(callback)),
        // Never routed when OIDC is configured: the endpoint does not exist there.
        SignIn::Development => router.route("/auth/dev", post(dev_sign_in)),
    }
}

/// Fields of the development sign-in and profile forms.
#[derive(Debug, Deserialize)]
pub struct PersonForm {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    email: String,
}

/// A checked form: cleaned names and a normalised e-mail, or what to tell the user.
struct Checked {
    first_name: String,
    last_name: String,
    email: Option<String>,
}

fn check(form: &PersonForm, email_required: bool) -> Result<Checked, FormFeedback> {
    let first_name = clean_name(&form.first_name);
    let last_name = clean_name(&form.last_name);
    let email = normalise_email(&form.email);
    let problem = if first_name.is_empty() {
        Some(("first_name", "Enter your first name."))
    } else if last_name.is_empty() {
        Some(("last_name", "Enter your last name."))
    } else if email_required && email.is_none() {
        Some(("email", "Enter a valid e-mail address, like name@example.com."))
    } else {
        None
    };
    match problem {
        None => Ok(Checked { first_name, last_name, email }),
        Some((field, message)) => Err(FormFeedback {
            field: Some(field.into()),
            message: message.into(),
            first_name: form.first_name.chars().take(200).collect(),
            last_name: form.last_name.chars().take(200).collect(),
            email: form.email.chars().take(400).collect(),
        }),
    }
}

async fn login(State(state): State<AppState>, session: Session) -> Result<Response, Response> {
    let SignIn::Provider(provider) = &state.sign_in else {
        return Ok(Redirect::to(SIGN_IN_PAGE).into_response());
    };
    let (url, pending) = provider.start();
    session::set_pending_login(&session, pending).await.map_err(failed)?;
    Ok(Redirect::to(url.as_str()).into_response())
}

async fn callback(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
    Query(callback): Query<Callback>,
) -> Result<Response, Response> {
    let SignIn::Provider(provider) = &state.sign_in else {
        return Ok(Redirect::to(SIGN_IN_PAGE).into_response());
    };
    let pending = session::pending_login(&session).await.map_err(failed)?;
    // Only the callback that answers this browser's sign-in ends it; a stray or forged one
    // (another state) leaves it for the real callback.
    if pending.as_ref().is_some_and(|p| p.answered_by(&callback)) {
        session::end_pending_login(&session).await.map_err(failed)?;
    }
    match provider.finish(pending, callback).await {
        Ok((identity, id_token)) => complete(&state, &request_id, &session, identity, Some(id_token)).await,
        Err(failure) => {
            let reason = failure.to_string();
            if matches!(failure, SignInFailure::ProviderError(_)) {
                tracing::info!(reason, "sign-in cancelled or refused at the provider");
            } else {
                tracing::warn!(reason, "sign-in failed");
            }
            Ok(Redirect::to(FAILED_PAGE).into_response())
        }
    }
}

async fn dev_sign_in(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
    Form(form): Form<PersonForm>,
) -> Result<Response, Response> {
    let checked = match check(&form, true) {
        Ok(checked) => checked,
        Err(feedback) => return back_with(&session, SIGN_IN_PAGE, feedback).await,
    };
    let identity = Identity {
        issuer: None,
        subject: None,
        email: checked.email,
        email_trusted: true,
        first_name: checked.first_name,
        last_name: checked.last_name,
    };
    complete(&state, &request_id, &session, identity, None).await
}

/// Signs the person in, or sends them to the one-time profile form.
async fn complete(
    state: &AppState,
    request_id: &RequestId,
    session: &Session,
    identity: Identity,
    id_token: Option<String>,
) -> Result<Response, Response> {
    match accounts::resolve(&state.db, &identity)
        .await
        .map_err(|_| Redirect::to(FAILED_PAGE).into_response())?
    {
        Outcome::SignedIn(user) => {
            let method = if identity.issuer.is_some() { "oidc" } else { "development" };
            signed_in(state, request_id, session, user.user_id, id_token, method).await
        }
        Outcome::EmailBelongsToAnotherAccount => {
            tracing::info!("sign-in refused: the e-mail belongs to an account this identity may not enter");
            Ok(Redirect::to(ACCOUNT_EXISTS_PAGE).into_response())
        }
        Outcome::NeedsProfile { existing } => {
            let pending = PendingProfile { identity, user_id: existing.map(|u| u.user_id), id_token };
            session::set_pending_profile(session, pending).await.map_err(failed)?;
            Ok(Redirect::to(PROFILE_PAGE).into_response())
        }
    }
}

/// The last step of every sign-in: a fresh session id for the user, the `AUTH_LOGIN` event, home.
async fn signed_in(
    state: &AppState,
    request_id: &RequestId,
    session: &Session,
    user_id: i64,
    id_token: Option<String>,
    how: &str,
) -> Result<Response, Response> {
    session::sign_in(session, user_id, id_token).await.map_err(failed)?;
    audit::record(&state.db, Some(request_id), Event::new(audit::AUTH_LOGIN).user(user_id).detail(how)).await;
    Ok(Redirect::to("/").into_response())
}

async fn save_profile(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
    Form(form): Form<PersonForm>,
) -> Result<Response, Response> {
    let Some(pending) = session::pending_profile(&session).await.map_err(failed)? else {
        return Ok(Redirect::to(SIGN_IN_PAGE).into_response());
    };
    let email_required = pending.user_id.is_none() && pending.identity.trusted_email().is_none();
    let checked = match check(&form, email_required) {
        Ok(checked) => checked,
        Err(feedback) => return back_with(&session, PROFILE_PAGE, feedback).await,
    };
    let email = checked.email.unwrap_or_default();
    let saved = accounts::complete_profile(
        &state.db,
        &pending.identity,
        pending.user_id,
        &checked.first_name,
        &checked.last_name,
        &email,
    )
    .await;
    match saved {
        Ok(user) => signed_in(&state, &request_id, &session, user.user_id, pending.id_token, "profile").await,
        Err(AppError::Validation { field, message }) => {
            let feedback = FormFeedback {
                field: Some(field),
                message,
                first_name: form.first_name,
                last_name: form.last_name,
                email: form.email,
            };
            back_with(&session, PROFILE_PAGE, feedback).await
        }
        Err(_) => Ok(Redirect::to(FAILED_PAGE).into_response()),
    }
}

async fn logout(State(state): State<AppState>, session: Session) -> Result<Response, Response> {
    let id_token = session::id_token(&session).await.unwrap_or_default();
    session.flush().await.map_err(failed)?;
    let target = match &state.sign_in {
        SignIn::Provider(provider) => provider.logout_url(id_token.as_deref()),
        SignIn::Development => None,
    };
    Ok(Redirect::to(target.as_ref().map_or("/", |u| u.as_str())).into_response())
}

async fn back_with(session: &Session, page: &str, feedback: FormFeedback) -> Result<Response, Response> {
    session::set_feedback(session, feedback).await.map_err(failed)?;
    Ok(Redirect::to(page).into_response())
}

/// A session store failure: logged once here; the user gets the sign-in-failed page.
fn failed(error: tower_sessions::session::Error) -> Response {
    tracing::error!(error = %error, "session store failure during sign-in");
    Redirect::to(FAILED_PAGE).into_response()
}
