//! Per-candidate limits on costly actions: documents read and coach calls, per hour.
//!
//! The count lives in the database (`usage_events`), so a limit holds however many instances
//! serve the candidate. An action is recorded first and counted after, so concurrent requests
//! on different instances see each other and cannot overshoot together; a refused action
//! removes its own row again, so refusals cost the candidate nothing.

use std::time::Duration;

use chrono::TimeDelta;

use super::config::Limits;
use super::db;
use super::state::AppState;
use crate::error::AppError;
use crate::messages;

/// The window every limit counts over.
const WINDOW: TimeDelta = TimeDelta::hours(1);
/// Rows older than this are swept.
const KEPT: TimeDelta = TimeDelta::days(1);

/// A costly action a candidate can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A document read by the isolated reader.
    DocumentRead,
    /// A call to the coach: a profile, a question, an evaluation.
    CoachCall,
    /// A recorded answer sent to the transcription endpoint.
    Transcription,
    /// A PDF report laid out and compressed.
    ReportExport,
}

impl Action {
    fn key(self) -> &'static str {
        match self {
            Self::DocumentRead => "document_read",
            Self::CoachCall => "coach_call",
            Self::Transcription => "transcription",
            Self::ReportExport => "report_export",
        }
    }

    fn per_hour(self, limits: &Limits) -> u32 {
        match self {
            Self::DocumentRead => limits.uploads_per_hour,
            Self::CoachCall => limits.coach_calls_per_hour,
            Self::Transcription => limits.transcriptions_per_hour,
            Self::ReportExport => limits.reports_per_hour,
        }
    }
}

/// Counts `action` for the user, or refuses it with a "slow down" message
/// ([`AppError::TooManyRequests`]) when the hourly limit is reached.
pub async fn take(state: &AppState, user_id: i64, action: Action) -> Result<(), AppError> {
    let limit = action.per_hour(&state.settings.limits);
    let now = db::now();
    let id = db::usage_events::record(&state.db, user_id, action.key(), now).await?;
    let (count, earliest) = db::usage_events::since(&state.db, user_id, action.key(), now - WINDOW).await?;
    if count <= u64::from(limit) {
        return Ok(());
    }
    db::usage_events::remove(&state.db, id).await?;
    let wait = earliest.map_or(WINDOW, |at| at + WINDOW - now).to_std().unwrap_or(Duration::ZERO);
    tracing::info!(user.id = user_id, action = action.key(), limit, "limit reached");
    Err(AppError::TooManyRequests(refusal(action, limit, wait)))
}

/// The candidate's message: what the limit is and when to try again.
fn refusal(action: Action, limit: u32, wait: Duration) -> String {
    let when = messages::in_minutes(wait.as_secs().div_ceil(60));
    match action {
        Action::DocumentRead => messages::too_many_uploads(limit, &when),
        Action::CoachCall => messages::too_many_coach_calls(limit, &when),
        Action::Transcription => messages::too_many_transcriptions(limit, &when),
        Action::ReportExport => messages::too_many_reports(limit, &when),
    }
}

/// Deletes usage rows that no limit counts any more (called by the hourly sweep).
pub async fn sweep(db: &sea_orm::DatabaseConnection) -> Result<u64, sea_orm::DbErr> {
    db::usage_events::delete_before(db, db::now() - KEPT).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_says_the_limit_and_when_to_come_back() {
        let message = refusal(Action::CoachCall, 200, Duration::from_secs(61));
        assert!(message.contains("200 times") && message.ends_with("try again in 2 minutes."), "{message}");
        let message = refusal(Action::DocumentRead, 30, Duration::from_secs(5));
        assert!(message.contains("30 documents") && message.ends_with("try again in a minute."), "{message}");
    }
}
