//! The analytics screen's server function: the caller's own metrics and standing.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::analytics::Analytics;

/// The caller's analytics; refused until they have answered or skipped a question.
#[server(endpoint = "analytics")]
pub async fn get_analytics() -> Result<Analytics, AppError> {
    use crate::server::{analytics, auth, respond};
    respond::with_status(
        async {
            let (state, user) = (auth::app_state()?, auth::require_user().await?);
            let request_id = auth::current_request_id().await?;
            analytics::analytics(&state, &request_id, &user).await
        }
        .await,
    )
}
