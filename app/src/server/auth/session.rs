//! What the sign-in keeps in the session, under typed helpers so no key is spelled twice.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use tower_sessions::session::Error;

use super::identity::Identity;
use super::oidc::PendingLogin;
use crate::model::account::FormFeedback;

/// A session is idle-expired after this long without a request (the cookie and the row).
pub const IDLE_LIFETIME: time::Duration = time::Duration::hours(12);
/// A session ends this long after sign-in however active it is; the user signs in again.
pub const ABSOLUTE_LIFETIME_SECS: i64 = 7 * 24 * 60 * 60;
/// How often activity pushes the idle expiry forward. The session row and cookie are written
/// again at most this often, not on every request.
pub const ACTIVITY_REFRESH_SECS: i64 = 5 * 60;

const USER: &str = "auth.user";
const PENDING_LOGIN: &str = "auth.pending_login";
const PENDING_PROFILE: &str = "auth.pending_profile";
const FEEDBACK: &str = "auth.feedback";

/// The signed-in user, as stored in the session.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SignedIn {
    user_id: i64,
    signed_in_at: i64,
    /// When activity last pushed the idle expiry forward (absent in sessions made before).
    #[serde(default)]
    seen_at: i64,
    /// The provider's ID token, sent back as a hint when signing out at the provider.
    id_token: Option<String>,
}

/// A sign-in that still needs the one-time profile form before it completes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingProfile {
    pub identity: Identity,
    /// Set when the person already has a row (only their names are missing).
    pub user_id: Option<i64>,
    pub id_token: Option<String>,
}

/// The signed-in user's id, if the session holds one that has not outlived its absolute limit.
/// Activity slides the idle expiry: every [`ACTIVITY_REFRESH_SECS`] a request marks the session
/// changed, so it is saved with a new expiry and its cookie sent again.
pub async fn user_id(session: &Session) -> Result<Option<i64>, Error> {
    let Some(mut signed_in) = session.get::<SignedIn>(USER).await? else { return Ok(None) };
    let now = chrono::Utc::now().timestamp();
    if now - signed_in.signed_in_at > ABSOLUTE_LIFETIME_SECS {
        session.flush().await?;
        return Ok(None);
    }
    if now - signed_in.seen_at >= ACTIVITY_REFRESH_SECS {
        signed_in.seen_at = now;
        session.insert(USER, &signed_in).await?;
    }
    Ok(Some(signed_in.user_id))
}

pub async fn id_token(session: &Session) -> Result<Option<String>, Error> {
    Ok(session.get::<SignedIn>(USER).await?.and_then(|s| s.id_token))
}

/// Completes a sign-in: a new session id (so an id planted before sign-in is worthless), the
/// user recorded, anything pending cleared.
pub async fn sign_in(session: &Session, user_id: i64, id_token: Option<String>) -> Result<(), Error> {
    session.cycle_id().await?;
    session.remove_value(PENDING_LOGIN).await?;
    session.remove_value(PENDING_PROFILE).await?;
    session.remove_value(FEEDBACK).await?;
    let now = chrono::Utc::now().timestamp();
    let signed_in = SignedIn { user_id, signed_in_at: now, seen_at: now, id_token };
    session.insert(USER, signed_in).await
}

pub async fn set_pending_login(session: &Session, pending: PendingLogin) -> Result<(), Error> {
    session.insert(PENDING_LOGIN, pending).await
}

/// The pending OIDC sign-in, left in place: only a callback that matches it ends it
/// ([`end_pending_login`]), so a stray or forged callback cannot cancel a real sign-in.
pub async fn pending_login(session: &Session) -> Result<Option<PendingLogin>, Error> {
    session.get(PENDING_LOGIN).await
}

/// Ends the pending OIDC sign-in: a callback that matched it is accepted once.
pub async fn end_pending_login(session: &Session) -> Result<(), Error> {
    session.remove_value(PENDING_LOGIN).await.map(|_| ())
}

pub async fn set_pending_profile(session: &Session, pending: PendingProfile) -> Result<(), Error> {
    session.insert(PENDING_PROFILE, pending).await
}

pub async fn pending_profile(session: &Session) -> Result<Option<PendingProfile>, Error> {
    session.get(PENDING_PROFILE).await
}

/// Keeps a form's message and values for the page the browser is sent back to.
pub async fn set_feedback(session: &Session, feedback: FormFeedback) -> Result<(), Error> {
    set_flash(session, FEEDBACK, feedback).await
}

/// The form message, removed so it shows once.
pub async fn take_feedback(session: &Session) -> Result<Option<FormFeedback>, Error> {
    take_flash(session, FEEDBACK).await
}

/// Keeps a value for the next page only (the answer to a form post that redirects).
pub async fn set_flash<T: Serialize>(session: &Session, key: &str, value: T) -> Result<(), Error> {
    session.insert(key, value).await
}

/// The flashed value, removed so it shows once.
pub async fn take_flash<T: serde::de::DeserializeOwned>(
    session: &Session,
    key: &str,
) -> Result<Option<T>, Error> {
    session.remove(key).await
}
