//! How a page shows a failed server call: a visitor who must sign in is sent to the sign-in
//! page; anything else is shown in plain words (never JSON or internal detail).

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::error::AppError;

/// The view for an error from a server function.
pub fn problem_view(error: AppError) -> AnyView {
    match error {
        AppError::Unauthorized => view! { <Redirect path="/signin"/> }.into_any(),
        other => view! { <p class="form-error" role="alert">{other.to_string()}</p> }.into_any(),
    }
}
