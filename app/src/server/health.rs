//! Probes for orchestrators: `/healthz` says the process serves HTTP, `/readyz` says it can
//! also reach its database (Cloud Run and Kubernetes stop routing traffic when it fails).

use axum::extract::State;
use http::StatusCode;

use super::{db, state::AppState};

/// Liveness: the process is up and serving.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers within the ping time limit.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match db::ping(&state.db).await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(error = %error, "readiness check failed: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
