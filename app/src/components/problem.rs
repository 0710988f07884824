//! Pages that load data from a server function: a short "Loading…" while it runs, the page
//! once it is there, and a failure shown as the candidate should see it: a visitor who must
//! sign in is sent to the sign-in page; anything else in plain words (never JSON or detail).

use leptos::prelude::*;
use leptos_router::components::Redirect;
use serde::{Serialize, de::DeserializeOwned};

use crate::error::AppError;
use crate::paths;

/// The view for an error from a server function.
pub fn problem_view(error: AppError) -> AnyView {
    match error {
        AppError::Unauthorized => view! { <Redirect path=paths::SIGN_IN/> }.into_any(),
        other => view! { <p class="form-error" role="alert">{other.to_string()}</p> }.into_any(),
    }
}

/// Renders `resource` with `render` once loaded, or the problem if it failed.
pub fn loaded<T, F>(resource: Resource<Result<T, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => render(data),
                        Err(error) => problem_view(error),
                    }
                })
            }}
        </Suspense>
    }
}
