//! "Try again": an answered or skipped question of the running interview asked once more, as a
//! question of its own that points at the original, so every attempt is submit-once.

use super::{Running, is_asked, open_question, prefetch_unless_waiting, records, running_screen};
use crate::error::{AppError, ResultExt};
use crate::messages;
use crate::model::interview::InterviewScreen;
use crate::server::audit::{self, Event};
use crate::server::db;
use crate::server::db::entities::users;
use crate::server::db::interviews::QuestionRecord;
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// "Try again": asks an answered or skipped question of the running interview once more, as a
/// question of its own, once the question on screen has been answered or skipped. Two clicks
/// racing (two tabs, two instances) ask it once: the second finds the retake on screen, open.
pub async fn retake(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
    question_id: i64,
) -> Result<InterviewScreen, AppError> {
    let opened = open_question(state, user.user_id, question_id).await?;
    let lock = state.question_locks.lock(opened.running.interview.interview_id).await?;
    let asked = ask_retake(state, &opened.running, question_id).await;
    lock.release().await;
    let records = asked?;
    let event = Event::new(audit::QUESTION_RETAKEN)
        .user(user.user_id)
        .vacancy(opened.running.link.vacancy_id)
        .detail(format!("question {}", opened.question.question_order));
    audit::record(&state.db, Some(request_id), event).await;
    prefetch_unless_waiting(state, &opened.running, &records);
    Ok(running_screen(state, &opened.running, &records))
}

/// Reads the interview again under its lease and asks the retake if the rules allow it.
async fn ask_retake(
    state: &AppState,
    running: &Running,
    question_id: i64,
) -> Result<Vec<QuestionRecord>, AppError> {
    let before = records(state, running.interview.interview_id).await?;
    let original = before.iter().find(|r| r.question.question_id == question_id && is_asked(r));
    let Some(original) = original.filter(|r| r.answer.is_some()) else {
        return Err(AppError::Conflict(messages::RETAKE_UNANSWERED.into()));
    };
    if before.iter().rev().find(|r| is_asked(r)).is_some_and(|current| current.answer.is_none()) {
        return Err(AppError::Conflict(messages::RETAKE_AFTER_CURRENT.into()));
    }
    let asked = db::interviews::ask_retake(&state.db, &original.question, db::now())
        .await
        .context("asking the question again")?;
    if !asked {
        return Err(AppError::Conflict(messages::RETAKE_AFTER_CURRENT.into()));
    }
    records(state, running.interview.interview_id).await
}
