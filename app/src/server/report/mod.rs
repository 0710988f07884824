//! The PDF report: made on request from the caller's analytics, compressed, saved under
//! `REPORTS_DIR/<user>/<random>.pdf`, and downloaded through a route that looks only in the
//! caller's own directory, so another user's link is a 404. Reports older than
//! `REPORT_RETENTION_HOURS` are pruned whenever a new one is made.
//!
//! `POST /analytics/report` makes one and redirects (303) to `GET /reports/<name>.pdf`.

pub mod layout;

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use axum::Router;
use axum::body::Body;
use axum::extract::{Extension, Path as UrlPath, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use http::{StatusCode, header};
use tower_sessions::Session;

use self::layout::{QuestionLine, ReportData};
use crate::error::{AppError, ResultExt};
use crate::server::analytics;
use crate::server::audit::{self, Event};
use crate::server::auth;
use crate::server::db::entities::users;
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/analytics/report", post(export)).route("/reports/{name}", get(download))
}

/// Renders and compresses the report (CPU work: run it off the async threads).
pub fn build_pdf(data: &ReportData) -> anyhow::Result<Vec<u8>> {
    let rendered = layout::render(data).map_err(|e| anyhow::anyhow!("rendering the report: {e}"))?;
    compress(&rendered)
}

/// Compresses every stream of a PDF (genpdf writes them uncompressed).
pub fn compress(pdf: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut document = lopdf::Document::load_mem(pdf)?;
    document.compress();
    let mut out = Vec::new();
    document.save_to(&mut out)?;
    Ok(out)
}

async fn export(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
) -> Response {
    let Ok(Some(user)) = auth::session_user(&state, &session).await else {
        return Redirect::to("/signin").into_response();
    };
    match make_report(&state, &request_id, &user).await {
        Ok(name) => Redirect::to(&format!("/reports/{name}")).into_response(),
        Err(AppError::Conflict(_)) => Redirect::to("/analytics").into_response(),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    }
}

/// Makes, saves and logs the caller's report; returns its file name.
pub async fn make_report(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
) -> Result<String, AppError> {
    let started = Instant::now();
    let (analytics, attempts) = analytics::compute(state, user).await?;
    let questions = attempts
        .iter()
        .enumerate()
        .map(|(i, attempt)| QuestionLine {
            number: i + 1,
            skill: attempt.skill_tag.clone(),
            question: attempt.question_text.clone(),
            status: match (attempt.is_skipped, attempt.correctness) {
                (true, _) => "skipped",
                (false, Some(_)) => "answered",
                (false, None) => "awaiting feedback",
            },
            correctness: attempt.correctness.map(|c| c.clamp(0, 100) as u8),
            relevance: attempt.role_relevance.map(|r| r.clamp(0, 100) as u8),
        })
        .collect();
    let data = ReportData {
        candidate_name: format!("{} {}", user.first_name, user.last_name).trim().to_owned(),
        email: user.email.clone(),
        date: chrono::Utc::now().format("%-d %B %Y").to_string(),
        analytics,
        questions,
    };
    let pdf = tokio::task::spawn_blocking(move || build_pdf(&data))
        .await
        .context("running the report builder")?
        .context("building the report")?;

    let directory = user_directory(&state.settings.reports_dir, user.user_id);
    tokio::fs::create_dir_all(&directory).await.context("creating the reports directory")?;
    let name = format!("{}.pdf", uuid::Uuid::new_v4());
    let path = directory.join(&name);
    tokio::fs::write(&path, &pdf).await.context("saving the report")?;
    let event = Event::new(audit::REPORT_EXPORTED)
        .user(user.user_id)
        .duration(started.elapsed())
        .detail(format!("{} ({} bytes)", path.display(), pdf.len()));
    audit::record(&state.db, Some(request_id), event).await;

    let reports_dir = state.settings.reports_dir.clone();
    let retention = state.settings.report_retention;
    tokio::task::spawn_blocking(move || prune(&reports_dir, retention));
    Ok(name)
}

fn user_directory(reports_dir: &Path, user_id: i64) -> PathBuf {
    reports_dir.join(user_id.to_string())
}

/// A report name as this module makes them: a UUID and `.pdf`, nothing that could leave the
/// directory.
fn is_report_name(name: &str) -> bool {
    name.strip_suffix(".pdf")
        .is_some_and(|stem| stem.len() == 36 && stem.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'))
}

async fn download(
    State(state): State<AppState>,
    session: Session,
    UrlPath(name): UrlPath<String>,
) -> Response {
    let Ok(Some(user)) = auth::session_user(&state, &session).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !is_report_name(&name) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let path = user_directory(&state.settings.reports_dir, user.user_id).join(&name);
    match tokio::fs::read(&path).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"interview-coach-report.pdf\""),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            Body::from(bytes),
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Deletes reports older than `retention` (and empty user directories).
pub fn prune(reports_dir: &Path, retention: std::time::Duration) {
    let Ok(users) = std::fs::read_dir(reports_dir) else { return };
    let now = SystemTime::now();
    for user_dir in users.flatten().map(|entry| entry.path()).filter(|path| path.is_dir()) {
        let Ok(files) = std::fs::read_dir(&user_dir) else { continue };
        for file in files.flatten() {
            let old = file
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age > retention);
            if old && let Err(error) = std::fs::remove_file(file.path()) {
                tracing::warn!(path = %file.path().display(), %error, "could not prune an old report");
            }
        }
        let _ = std::fs::remove_dir(&user_dir); // only succeeds when empty
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_generated_names_are_served() {
        assert!(is_report_name("0b7e2c8e-6f1a-4c5e-9d2b-3f4a5b6c7d8e.pdf"));
        assert!(!is_report_name("../1/0b7e2c8e-6f1a-4c5e-9d2b-3f4a5b6c7d8e.pdf"));
        assert!(!is_report_name("report.pdf"));
        assert!(!is_report_name("0b7e2c8e-6f1a-4c5e-9d2b-3f4a5b6c7d8e.txt"));
    }

    #[test]
    fn pruning_removes_only_old_reports() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("7");
        std::fs::create_dir_all(&user).unwrap();
        std::fs::write(user.join("old.pdf"), b"%PDF").unwrap();
        std::fs::write(user.join("new.pdf"), b"%PDF").unwrap();
        let two_hours_ago = SystemTime::now() - std::time::Duration::from_secs(7200);
        std::fs::File::options()
            .write(true)
            .open(user.join("old.pdf"))
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();

        prune(dir.path(), std::time::Duration::from_secs(3600));

        assert!(!user.join("old.pdf").exists());
        assert!(user.join("new.pdf").exists());
    }
}
