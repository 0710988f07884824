//! `AppError`: the only error type the browser ever sees.
//!
//! Every variant carries a message written for the candidate. Internal details (SQL, file
//! paths, upstream responses) never enter this type: the server logs them once, at the boundary,
//! with [`AppError::internal`] and sends only [`AppError::Internal`].

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

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The request never reached the server or the answer never came back.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => Self::Unavailable(
                "We could not reach the server. Check your connection and try again.".into(),
            ),
            _ => Self::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Logs an unexpected failure once, with its whole cause chain, and returns the opaque
    /// [`AppError::Internal`] that is safe to send to the browser.
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        let error = error.into();
        tracing::error!(error = format!("{error:#}"), "internal error");
        Self::Internal
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
    fn errors_survive_the_wire_round_trip() {
        let error = AppError::Conflict("You already submitted an answer to this question.".into());
        let json = serde_json::to_string(&error).expect("serialises");
        let back: AppError = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, error);
    }
}
