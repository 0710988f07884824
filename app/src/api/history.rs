//! The history screens' server functions: the caller's own interviews only.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::history::{History, PastInterview};

/// Every interview of the caller, by vacancy.
#[server(endpoint = "history")]
pub async fn get_history() -> Result<History, AppError> {
    use crate::server::{auth, interview, respond};
    respond::with_status(
        async { interview::history::history(&auth::app_state()?, &auth::require_user().await?).await }.await,
    )
}

/// The caller's interview `number` (1 is their first), read-only.
#[server(endpoint = "history/interview")]
pub async fn get_past_interview(number: u32) -> Result<PastInterview, AppError> {
    use crate::server::{auth, interview, respond};
    respond::with_status(
        async {
            interview::history::past_interview(&auth::app_state()?, &auth::require_user().await?, number)
                .await
        }
        .await,
    )
}
