//! `AppError`: the only error type the browser ever sees, and the policy for errors and logs.
//!
//! - **What the browser sees.** Every variant carries a message written for the candidate.
//!   Internal details (SQL, file paths, upstream responses) never enter this type: a fault of
//!   ours reaches the browser as the opaque [`AppError::Internal`], a database that cannot be
//!   reached as [`AppError::Unavailable`] ("try again in a moment").
//! - **Who logs, and when.** A failure is logged once, where it becomes an `AppError`, and not
//!   again on its way out: [`ResultExt::context`] (or [`AppError::failed`]) logs it with what
//!   the server was doing ("saving the answer") and the whole cause chain. Nothing returns
//!   `Internal` without that line; the request span adds the request id and the user.
//! - **One rule for the database.** `From<DbErr>` and `context` share [`AppError::failed`]:
//!   connection and pool failures become `Unavailable`, everything else a logged `Internal`.
//!   A unique key the caller expects to hit is not a failure at all: `db::UniqueKeyExt` turns
//!   it into a value the caller branches on.
//! - **Outcomes the candidate can act on** (`Validation`, `Conflict`, `TooManyRequests`,
//!   `NotFound`) are not faults: whoever decides them logs at `info` if at all.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What went wrong, in words a candidate can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or is not the caller's to see).
    #[error("We could not find that. It may have been removed.")]
    NotFound,
    /// The caller is not signed in.
    #[error("Please sign in to continue.")]
    Unauthorized,
    /// The caller is signed in but may not do this.
    #[error("You do not have access to that.")]
    Forbidden,
    /// Input the caller can correct; `field` names the form field it belongs to.
    #[error("{message}")]
    Validation { field: String, message: String },
    /// The action clashes with what is already saved (for example an answer already submitted).
    #[error("{0}")]
    Conflict(String),
    /// The caller reached a limit on how often this may be done; the message says when to
    /// come back.
    #[error("{0}")]
    TooManyRequests(String),
    /// A dependency (database, coach, network) is not answering; trying later may work.
    #[error("{0}")]
    Unavailable(String),
    /// A fault on our side; the details are in the server log under the request id.
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
}

impl AppError {
    /// A validation error for one form field.
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation { field: field.into(), message: message.into() }
    }
}

impl AppError {
    /// The error a plain form post put in the page's URL (`?__err=`). Anyone can write a URL,
    /// so only the server's own vocabulary survives: a message that is not one the server
    /// sends ([`crate::messages::is_known`]) becomes its variant's generic wording, and text
    /// that is no `AppError` at all becomes [`AppError::Internal`]'s.
    pub fn from_url(encoded: &str) -> Self {
        use leptos::server_fn::error::ServerFnUrlError;
        let known = |message: &String| crate::messages::is_known(message);
        match ServerFnUrlError::<AppError>::decode_err(encoded) {
            Self::Validation { field, message } if !known(&message) => {
                Self::Validation { field, message: crate::messages::CHECK_AND_RETRY.into() }
            }
            Self::Conflict(message) if !known(&message) => Self::Conflict(
                "Something changed in the meantime. Reload the page to see where you are.".into(),
            ),
            Self::Unavailable(message) if !known(&message) => {
                Self::Unavailable("This is not available just now. Please try again in a moment.".into())
            }
            Self::TooManyRequests(message) if !known(&message) => {
                Self::TooManyRequests("Please slow down and try again in a few minutes.".into())
            }
            vetted => vetted,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The request never reached the server or the answer never came back.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => {
                Self::Unavailable(crate::messages::SERVER_UNREACHABLE.into())
            }
            // Arguments the server could not read (a hand-made or garbled request): the sender's
            // to correct, not a fault of ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                Self::validation("request", crate::messages::CHECK_AND_RETRY)
            }
            _other => {
                // On the server: a call the framework could not decode (often a garbled or forged
                // body) or answer; logged here, as it reaches no `context`.
                #[cfg(feature = "ssr")]
                tracing::warn!(error = %_other, "server function call failed outside its body");
                Self::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Logs an unexpected failure once, with its whole cause chain, and returns the opaque
    /// [`AppError::Internal`] that is safe to send to the browser. Prefer [`ResultExt::context`],
    /// which also says what failed.
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        let error = error.into();
        tracing::error!(error = format!("{error:#}"), "internal error");
        Self::Internal
    }

    /// The one place a failure becomes what the browser sees, logged once with `what` the
    /// server was doing: a database that cannot be reached (connection refused or lost, pool
    /// exhausted) is `Unavailable`, since trying again may work; anything else is `Internal`.
    pub fn failed(what: &'static str, error: impl Into<anyhow::Error>) -> Self {
        use sea_orm::DbErr;
        let error = error.into();
        let chain = format!("{error:#}");
        if matches!(error.downcast_ref::<DbErr>(), Some(DbErr::ConnectionAcquire(_) | DbErr::Conn(_))) {
            tracing::error!(failed = what, error = chain, "database unreachable");
            return Self::Unavailable(crate::messages::DATABASE_UNREACHABLE.into());
        }
        tracing::error!(failed = what, error = chain, "internal error");
        Self::Internal
    }
}

/// A database error with no better context: the rule of [`AppError::failed`].
#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::failed("a database statement", error)
    }
}

/// `?` with context: `.context("saving the answer")?` logs a failure once, saying what failed,
/// and turns it into the `AppError` the browser may see ([`AppError::failed`]).
#[cfg(feature = "ssr")]
pub trait ResultExt<T> {
    fn context(self, what: &'static str) -> Result<T, AppError>;
}

#[cfg(feature = "ssr")]
impl<T, E: Into<anyhow::Error>> ResultExt<T> for Result<T, E> {
    fn context(self, what: &'static str) -> Result<T, AppError> {
        self.map_err(|error| AppError::failed(what, error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_failures_read_as_unavailable_not_internal() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Request("timeout".into()));
        assert!(matches!(error, AppError::Unavailable(_)));
        assert!(!error.to_string().contains("timeout"), "transport detail leaked: {error}");
    }

    #[test]
    fn server_side_failures_hide_their_details() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::ServerError("SQL syntax near".into()));
        assert_eq!(error, AppError::Internal);
        assert!(!error.to_string().contains("SQL"));
    }

    #[test]
    fn validation_message_is_shown_as_written() {
        let error = AppError::validation("position_title", "Enter the position title.");
        assert_eq!(error.to_string(), "Enter the position title.");
    }

    #[test]
    fn a_url_can_carry_only_the_servers_own_messages() {
        use leptos::server_fn::error::ServerFnUrlError;
        let encode = |error: AppError| {
            let url = ServerFnUrlError::new("/api/interview/answer", error)
                .to_url("http://localhost/interview")
                .expect("a URL");
            url.query_pairs().find(|(k, _)| k == "__err").map(|(_, v)| v.into_owned()).expect("__err")
        };
        let genuine = AppError::Conflict(crate::messages::ALREADY_ANSWERED.into());
        assert_eq!(AppError::from_url(&encode(genuine.clone())), genuine);

        let forged = AppError::Conflict("Your account is suspended; call +1 555 0100.".into());
        let shown = AppError::from_url(&encode(forged)).to_string();
        assert!(!shown.contains("555") && !shown.contains("suspended"), "{shown}");

        let garbage = AppError::from_url("%7B%22not%22%3A%22an%20error%22%7D");
        assert_eq!(garbage, AppError::Internal);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_lost_database_is_unavailable_and_other_database_errors_are_internal() {
        use sea_orm::{DbErr, RuntimeErr};
        let lost = || DbErr::Conn(RuntimeErr::Internal("connection reset".into()));
        let unavailable = AppError::Unavailable(crate::messages::DATABASE_UNREACHABLE.into());

        assert_eq!(AppError::from(lost()), unavailable);
        assert_eq!(Err::<(), _>(lost()).context("saving the answer"), Err(unavailable));
        let broken =
            Err::<(), _>(DbErr::Custom("syntax error near SELECT".into())).context("saving the answer");
        assert_eq!(broken, Err(AppError::Internal));
    }

    #[test]
    fn errors_survive_the_wire_round_trip() {
        let error = AppError::Conflict("You already submitted an answer to this question.".into());
        let json = serde_json::to_string(&error).expect("serialises");
        let back: AppError = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, error);
    }
}
