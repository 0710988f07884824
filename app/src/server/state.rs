//! The state every handler and server function can reach: built once at start-up.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::auth::SignIn;
use super::coach::engine::CoachEngine;
use super::config::Settings;
use super::extraction::DocumentReader;
use super::interview::QuestionLocks;
use super::transcription::Transcriber;

/// Shared application state. Cloning is cheap (reference counts only).
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub sign_in: SignIn,
    /// The coach every analysis goes through (offline rules, or a language model).
    pub coach: Arc<dyn CoachEngine>,
    /// Reads uploaded documents in isolated child processes.
    pub documents: DocumentReader,
    /// Serialises question generation per interview (see [`super::interview`]).
    pub question_locks: QuestionLocks,
    /// Turns recorded answers into text; `None` when no endpoint is configured (the browser's
    /// own speech recognition is used then).
    pub transcriber: Option<Arc<dyn Transcriber>>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
