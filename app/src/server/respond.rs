//! How a server function's outcome becomes an HTTP response beyond its body: the status code
//! that matches the error, and Server-Timing parts.
//!
//! A plain HTML form post (JavaScript off) is answered with a redirect back to the page, with
//! the error in the URL; its status must stay a redirect, so only calls from the hydrated page
//! (which do not ask for HTML) get the error's status.

use std::time::Duration;

use http::{HeaderMap, HeaderValue, StatusCode, header};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use super::request_id::SERVER_TIMING_HEADER;
use crate::error::AppError;

/// The status code an error is sent with.
pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
        AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Passes `result` through, giving an error its own status code when the caller is the
/// hydrated page (not a plain form post, which must stay a redirect).
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        let form_post =
            use_context::<http::request::Parts>().is_some_and(|parts| accepts_html(&parts.headers));
        if let (false, Some(response)) = (form_post, use_context::<ResponseOptions>()) {
            response.set_status(status_of(error));
        }
    }
    result
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// Adds a named part to the response's Server-Timing header.
pub fn server_timing(name: &str, duration: Duration) {
    let value = format!("{name};dur={:.2}", duration.as_secs_f64() * 1000.0);
    if let (Some(response), Ok(value)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(&value)) {
        response.append_header(http::HeaderName::from_static(SERVER_TIMING_HEADER), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_its_own_status() {
        assert_eq!(status_of(&AppError::Conflict("x".into())), StatusCode::CONFLICT);
        assert_eq!(status_of(&AppError::validation("f", "m")), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(status_of(&AppError::Unauthorized), StatusCode::UNAUTHORIZED);
        assert_eq!(status_of(&AppError::Internal), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
