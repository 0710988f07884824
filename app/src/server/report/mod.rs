//! The PDF report: made on request from the caller's analytics, compressed, and sent in the
//! response to the request that asked for it (`POST /analytics/report`), so the download never
//! depends on which instance made it or on its disk. A copy is written under
//! `REPORTS_DIR/<user>/<random>.pdf` as a record (its path is in the `REPORT_EXPORTED` event);
//! copies older than `REPORT_RETENTION_HOURS` are pruned whenever a new one is made. Failing to
//! write the copy is logged and does not stop the download.

pub mod layout;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use axum::Router;
use axum::body::Body;
use axum::extract::{Extension, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use http::header;

use self::layout::{QuestionLine, ReportData};
use crate::error::{AppError, ResultExt};
use crate::server::analytics;
use crate::server::audit::{self, Event};
use crate::server::auth::extract::SignedInUser;
use crate::server::db;
use crate::server::db::entities::{answers, suggestions, users};
use crate::server::interview::stored;
use crate::server::limits::{self, Action};
use crate::server::request_id::RequestId;
use crate::server::respond::status_of;
use crate::server::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/analytics/report", post(export))
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
    SignedInUser(user): SignedInUser,
) -> Response {
    match make_report(&state, &request_id, &user).await {
        Ok(pdf) => (
            [
                (header::CONTENT_TYPE, "application/pdf"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"interview-coach-report.pdf\""),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            Body::from(pdf),
        )
            .into_response(),
        // Nothing to report yet: back to the page that says so.
        Err(AppError::Conflict(_)) => Redirect::to("/analytics").into_response(),
        Err(error) => (status_of(&error), error.to_string()).into_response(),
    }
}

/// Makes, logs and returns the caller's report, keeping a copy as a record.
pub async fn make_report(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
) -> Result<Vec<u8>, AppError> {
    let started = Instant::now();
    let (analytics, attempts) = analytics::compute(state, user).await?;
    // Counted once there is something to report: laying a report out is the costly part.
    limits::take(state, user.user_id, Action::ReportExport).await?;
    let ids: Vec<i64> = attempts.iter().map(|a| a.question_id).collect();
    let (answers, suggestions) = db::interviews::answers_and_suggestions(&state.db, &ids)
        .await
        .context("reading the answers and feedback")?;
    let answers: HashMap<i64, answers::Model> = answers.into_iter().map(|a| (a.question_id, a)).collect();
    let suggestions: HashMap<i64, suggestions::Model> =
        suggestions.into_iter().map(|s| (s.question_id, s)).collect();
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
            answer: answers.get(&attempt.question_id).and_then(|a| a.answer_text.clone()),
            feedback: suggestions.get(&attempt.question_id).map(stored::feedback),
            delivery: answers.get(&attempt.question_id).and_then(stored::delivery),
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

    let copy = keep_copy(&state.settings.reports_dir, user.user_id, &pdf).await;
    let where_kept = match &copy {
        Ok(path) => path.display().to_string(),
        Err(error) => {
            tracing::warn!(user.id = user.user_id, %error, "could not keep a copy of the report");
            "no copy kept".to_owned()
        }
    };
    let event = Event::new(audit::REPORT_EXPORTED)
        .user(user.user_id)
        .duration(started.elapsed())
        .detail(format!("{where_kept} ({} bytes)", pdf.len()));
    audit::record(&state.db, Some(request_id), event).await;

    let reports_dir = state.settings.reports_dir.clone();
    let retention = state.settings.report_retention;
    tokio::task::spawn_blocking(move || prune(&reports_dir, retention));
    Ok(pdf)
}

/// Writes the record copy of a report: `REPORTS_DIR/<user>/<random>.pdf`.
async fn keep_copy(reports_dir: &Path, user_id: i64, pdf: &[u8]) -> std::io::Result<PathBuf> {
    let directory = user_directory(reports_dir, user_id);
    tokio::fs::create_dir_all(&directory).await?;
    let path = directory.join(format!("{}.pdf", uuid::Uuid::new_v4()));
    tokio::fs::write(&path, pdf).await?;
    Ok(path)
}

/// Where the reports of one user are kept.
pub fn user_directory(reports_dir: &Path, user_id: i64) -> PathBuf {
    reports_dir.join(user_id.to_string())
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
