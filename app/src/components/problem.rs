//! Pages that load data from a server function: a short "Loading…" while it runs, the page
//! once it is there, and a failure shown as the candidate should see it: a visitor who must
//! sign in is sent to the sign-in page; anything else in plain words (never JSON or detail).

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use leptos_router::components::Redirect;
use serde::{Serialize, de::DeserializeOwned};

use crate::error::AppError;
use crate::paths;

/// How a page's data travels from the server to the browser inside the page: JSON, read back
/// through the same serde_json reader (`from_slice`) that server functions use for their
/// replies. Leptos' default codec reads with `from_str`, a second reader type, and so a second
/// copy of every type's deserialiser in the browser bundle.
pub struct PageJson;

impl<T: Serialize> Encoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(value: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(value.as_bytes())
    }
}

/// A page's data: a server function's result, loaded on the server and read in the browser
/// from the page.
pub type PageData<T> = Resource<Result<T, AppError>, PageJson>;

/// Loads a page's data with `fetch` (a server function) for each value of `source`.
pub fn page_data<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageData<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new_with_options(source, fetch, false)
}

/// The view for an error from a server function.
pub fn problem_view(error: AppError) -> AnyView {
    match error {
        AppError::Unauthorized => view! { <Redirect path=paths::SIGN_IN/> }.into_any(),
        other => view! { <p class="form-error" role="alert">{other.to_string()}</p> }.into_any(),
    }
}

/// Renders `resource` with `render` once loaded, or the problem if it failed.
pub fn loaded<T, F>(resource: PageData<T>, render: F) -> impl IntoView
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
