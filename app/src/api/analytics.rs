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
            let caller = auth::caller().await?;
            analytics::analytics(&caller.state, &caller.request_id, &caller.user).await
        }
        .await,
    )
}
