//! Audit events: one log line (`event = "AUTH_LOGIN"`, ...) and one `events` row each.
//! Failing to store an event is logged and never fails the action it describes.

use std::time::Duration;

use sea_orm::DatabaseConnection;

use super::db::{self, events::NewEvent};
use super::request_id::RequestId;

/// A user signed in (any method).
pub const AUTH_LOGIN: &str = "AUTH_LOGIN";
/// A CV was read (or the same file was recognised and its stored text reused).
pub const CV_PARSED: &str = "CV_PARSED";
/// A job description was read (or recognised and reused).
pub const JD_PARSED: &str = "JD_PARSED";
/// The coach wrote a question (asked at once, or prefetched).
pub const QUESTION_GENERATED: &str = "QUESTION_GENERATED";
/// A candidate's answer was stored.
pub const ANSWER_SAVED: &str = "ANSWER_SAVED";
/// A candidate moved on without answering.
pub const ANSWER_SKIPPED: &str = "ANSWER_SKIPPED";
/// The coach's feedback on an answer was stored (duration: the coach's own time).
pub const FEEDBACK_SAVED: &str = "FEEDBACK_SAVED";
/// The feedback names a logical fallacy.
pub const FALLACY_DETECTED: &str = "FALLACY_DETECTED";
/// An interview was archived by "Reset Interview".
pub const INTERVIEW_RESET: &str = "INTERVIEW_RESET";
/// A candidate's analytics were computed (duration: the whole computation).
pub const ANALYTICS_RENDERED: &str = "ANALYTICS_RENDERED";
/// A PDF report was written (detail: its path).
pub const REPORT_EXPORTED: &str = "REPORT_EXPORTED";
/// A candidate downloaded the archive of all their data.
pub const DATA_EXPORTED: &str = "DATA_EXPORTED";
/// A candidate deleted their account. Stored without a user id or request id: nothing in it
/// leads back to the person (the detail holds row counts only).
pub const ACCOUNT_DELETED: &str = "ACCOUNT_DELETED";
/// An account was bound to a new provider identity (issuer, subject) through a verified e-mail.
pub const ACCOUNT_LINKED: &str = "ACCOUNT_LINKED";
/// An e-mail no provider verified was taken from an account for its verified owner.
pub const EMAIL_RELEASED: &str = "EMAIL_RELEASED";
/// A candidate asked an answered or skipped question again ("Try again").
pub const QUESTION_RETAKEN: &str = "QUESTION_RETAKEN";
/// A candidate made another of their vacancies the current one.
pub const VACANCY_SWITCHED: &str = "VACANCY_SWITCHED";
/// A candidate removed one of their vacancies with its interviews.
pub const VACANCY_REMOVED: &str = "VACANCY_REMOVED";

/// An event about to be recorded.
#[derive(Debug, Clone)]
pub struct Event {
    pub name: &'static str,
    pub user_id: Option<i64>,
    pub vacancy_id: Option<i64>,
    pub duration: Option<Duration>,
    pub detail: Option<String>,
}

impl Event {
    pub fn new(name: &'static str) -> Self {
        Self { name, user_id: None, vacancy_id: None, duration: None, detail: None }
    }

    pub fn user(mut self, user_id: i64) -> Self {
        self.user_id = Some(user_id);
        self
    }

    pub fn vacancy(mut self, vacancy_id: i64) -> Self {
        self.vacancy_id = Some(vacancy_id);
        self
    }

    pub fn duration(mut self, duration: Duration) -> Self {
        self.duration = Some(duration);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// Logs the event and stores it.
pub async fn record(db: &DatabaseConnection, request_id: Option<&RequestId>, event: Event) {
    let duration_ms = event.duration.map(|d| d.as_millis() as i64);
    tracing::info!(
        event = event.name,
        user.id = event.user_id,
        vacancy.id = event.vacancy_id,
        duration_ms,
        detail = event.detail.as_deref(),
        "audit event"
    );
    let row = NewEvent {
        name: event.name,
        user_id: event.user_id,
        vacancy_id: event.vacancy_id,
        request_id: request_id.map(|r| r.0.clone()),
        duration_ms,
        detail: event.detail,
    };
    if let Err(error) = db::events::insert(db, row).await {
        tracing::error!(event = event.name, %error, "could not store an audit event");
    }
}
