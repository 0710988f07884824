//! The home page's server function.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::home::Home;

/// Where the caller is: the introduction for a visitor or a candidate who has not started,
/// otherwise their current vacancy and next step.
#[server(endpoint = "home")]
pub async fn get_home() -> Result<Home, AppError> {
    use crate::server::{auth, interview};
    let state = auth::app_state()?;
    match auth::signed_in_user_id().await? {
        None => Ok(Home::Introduction),
        // A session that outlived its account is a visitor's.
        Some(user_id) => match interview::home(&state, user_id).await {
            Err(AppError::Unauthorized) => Ok(Home::Introduction),
            other => other,
        },
    }
}
