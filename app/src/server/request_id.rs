//! A request id for every HTTP request: taken from a well-formed incoming `x-request-id`
//! (a load balancer's), otherwise generated. It names the request's span, so every log line of
//! the request carries it, and it is returned in the response header for support questions.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use tracing::{Instrument, field::Empty};

/// The header that carries the id both ways.
pub const REQUEST_ID_HEADER: &str = "x-request-id";
/// The W3C Server-Timing header.
pub const SERVER_TIMING_HEADER: &str = "server-timing";

/// The id of the current request, available to handlers as an extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// axum middleware: assigns the id, opens the request span, logs the outcome.
pub async fn trace_request(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_well_formed(v))
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned);
    request.extensions_mut().insert(RequestId(id.clone()));

    let path = request.uri().path().to_owned();
    // The query string is left out on purpose: OIDC callbacks carry codes in it.
    let span = tracing::info_span!(
        "request",
        request.id = %id,
        http.method = %request.method(),
        http.path = %path,
        user.id = Empty,
        vacancy.id = Empty,
    );
    let started = Instant::now();
    let (mut response, statements) =
        super::db::counting_statements(next.run(request).instrument(span.clone())).await;

    let status = response.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| {
        if path == "/healthz" || path == "/readyz" {
            tracing::debug!(http.status = status, elapsed_ms, db.statements = statements, "request finished");
        } else if status >= 500 {
            tracing::warn!(http.status = status, elapsed_ms, db.statements = statements, "request failed");
        } else {
            tracing::info!(http.status = status, elapsed_ms, db.statements = statements, "request finished");
        }
    });

    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    // The server's own time and its database statements, for browsers' dev tools, the latency
    // benchmark and the statement-budget tests (handlers may add their parts, e.g. the coach's
    // time).
    if let Ok(value) =
        HeaderValue::from_str(&format!("total;dur={elapsed_ms:.2}, db;desc=\"{statements} statements\""))
    {
        response.headers_mut().append(SERVER_TIMING_HEADER, value);
    }
    response
}

/// Accepts ids a proxy would send (UUIDs, hex, trace ids) and refuses anything that could
/// garble a log line or be used to flood it.
fn is_well_formed(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::is_well_formed;

    #[test]
    fn accepts_uuids_and_refuses_junk() {
        assert!(is_well_formed("0b7e2c8e-6f1a-4c5e-9d2b-3f4a5b6c7d8e"));
        assert!(!is_well_formed("short"));
        assert!(!is_well_formed("has space in it"));
        assert!(!is_well_formed("line\nbreak-injection"));
        assert!(!is_well_formed(&"a".repeat(65)));
    }
}
