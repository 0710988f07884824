//! Refuses state-changing requests sent from other sites (CSRF): a POST, PUT, PATCH or DELETE
//! must carry an `Origin` (or, failing that, a `Referer`) whose host matches the `Host` it was
//! sent to. Browsers always send `Origin` on such requests; `SameSite=Lax` cookies are the
//! second line of defence.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode, header};

/// axum middleware enforcing same-origin state changes.
pub async fn require_same_origin(request: Request, next: Next) -> Response {
    if changes_state(request.method()) && !is_same_origin(request.headers()) {
        tracing::warn!(
            origin = ?request.headers().get(header::ORIGIN),
            referer_present = request.headers().contains_key(header::REFERER),
            "cross-origin request refused"
        );
        return (StatusCode::FORBIDDEN, "This request came from another site and was refused.")
            .into_response();
    }
    next.run(request).await
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// True when the request's `Origin` (else `Referer`) names the host it was sent to.
pub fn is_same_origin(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else { return false };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok());
    let Some(source) = source else { return false };
    let Some(source_host) = source.host_str() else { return false };
    let authority = match source.port() {
        Some(port) => format!("{source_host}:{port}"),
        None => source_host.to_owned(),
    };
    authority.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (http::HeaderName::from_static(k), v.parse().unwrap())).collect()
    }

    #[test]
    fn same_host_and_port_is_accepted() {
        assert!(is_same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")])));
        assert!(is_same_origin(&headers(&[
            ("host", "coach.example.com"),
            ("origin", "https://coach.example.com")
        ])));
    }

    #[test]
    fn referer_stands_in_for_a_missing_origin() {
        assert!(is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("referer", "http://127.0.0.1:3000/signin")
        ])));
    }

    #[test]
    fn other_sites_ports_and_missing_headers_are_refused() {
        assert!(!is_same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", "http://evil.example")])));
        assert!(!is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:4000")
        ])));
        assert!(!is_same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", "null")])));
        assert!(!is_same_origin(&headers(&[("host", "127.0.0.1:3000")])));
    }

    #[test]
    fn reads_are_not_checked() {
        assert!(!changes_state(&Method::GET));
        assert!(changes_state(&Method::POST));
        assert!(changes_state(&Method::DELETE));
    }
}
