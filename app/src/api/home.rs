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
    match auth::current_user().await? {
        None => Ok(Home::Introduction),
        Some(user) => interview::home(&state, &user).await,
    }
}
