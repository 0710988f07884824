//! Asking questions: the next one by skill coverage and recent scores, prefetched in the
//! background while the candidate answers, and moving on only from the question on screen.

use std::collections::HashMap;
use std::time::Instant;

use super::{Running, is_asked, records, top_skills};
use crate::error::{AppError, ResultExt};
use crate::messages;
use crate::server::audit::{self, Event};
use crate::server::coach::coverage::next_target_skill;
use crate::server::coach::engine;
use crate::server::coach::questions::{QuestionRequest, next_difficulty};
use crate::server::db::entities::questions;
use crate::server::db::interviews::{NewQuestion, QuestionRecord};
use crate::server::db::{self, Duplicate, UniqueKeyExt};
use crate::server::limits::{self, Action};
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// How many recent scores steer the next question's difficulty.
const RECENT_SCORES: usize = 2;

/// Asks the next question: the prefetched one if it is ready, a new one otherwise. With
/// `from = Some(question)`, only if that question is still the one on screen, skipping it first
/// when unanswered.
pub(super) async fn move_on(
    state: &AppState,
    running: &Running,
    from: Option<(&RequestId, i64)>,
) -> Result<(), AppError> {
    let lock = state.question_locks.lock(running.interview.interview_id).await?;
    let moved = move_on_holding_the_lease(state, running, from).await;
    lock.release().await;
    moved
}

async fn move_on_holding_the_lease(
    state: &AppState,
    running: &Running,
    from: Option<(&RequestId, i64)>,
) -> Result<(), AppError> {
    let interview_id = running.interview.interview_id;
    if !still_open(state, interview_id).await? {
        return Err(AppError::Conflict(messages::RESET_ELSEWHERE.into()));
    }
    let records = records(state, interview_id).await?;
    let on_screen = records.iter().rev().find(|r| is_asked(r));
    match (from, on_screen) {
        (None, Some(_)) => return Ok(()),
        (Some((_, from_id)), Some(current)) if current.question.question_id != from_id => return Ok(()),
        (Some((request_id, from_id)), Some(current)) if current.answer.is_none() => {
            let skipped = db::interviews::insert_answer(&state.db, running.user.user_id, from_id, None)
                .await
                .or_duplicate()
                .context("skipping the question")?;
            // A `Duplicate` means it was answered a moment ago (another tab): it stays answered,
            // and we move on.
            if skipped.is_ok() {
                let event = Event::new(audit::ANSWER_SKIPPED)
                    .user(running.user.user_id)
                    .vacancy(running.vacancy.vacancy_id)
                    .detail(format!("question {}", current.question.question_order));
                audit::record(&state.db, Some(request_id), event).await;
            }
        }
        _ => {}
    }
    if let Some(prefetched) = records.iter().find(|r| !is_asked(r)) {
        return db::interviews::mark_asked(&state.db, prefetched.question.question_id)
            .await
            .context("asking the prefetched question");
    }
    generate(state, running, &records, true).await.map(|_| ())
}

/// Whether the interview is still active (a reset may have come while waiting for the lock).
async fn still_open(state: &AppState, interview_id: i64) -> Result<bool, AppError> {
    let interview = db::interviews::find(&state.db, interview_id).await.context("reading the interview")?;
    Ok(interview.is_some_and(|i| i.status == db::entities::interviews::STATUS_ACTIVE))
}

/// Prepares the next question in the background, unless one is already waiting.
pub(super) fn prefetch(state: &AppState, running: &Running) {
    let state = state.clone();
    let running = running.clone();
    tokio::spawn(async move {
        let interview_id = running.interview.interview_id;
        let Ok(lock) = state.question_locks.lock(interview_id).await else { return };
        prefetch_holding_the_lease(&state, &running).await;
        lock.release().await;
    });
}

async fn prefetch_holding_the_lease(state: &AppState, running: &Running) {
    let interview_id = running.interview.interview_id;
    if !matches!(still_open(state, interview_id).await, Ok(true)) {
        return;
    }
    let Ok(records) = records(state, interview_id).await else { return };
    if records.iter().any(|r| !is_asked(r)) || !records.iter().any(is_asked) {
        return;
    }
    if let Err(error) = generate(state, running, &records, false).await {
        tracing::warn!(interview.id = interview_id, %error, "prefetching the next question failed; it will be made on request");
    }
}

/// Asks the coach for the question after `records` and stores it (asked now, or prefetched).
async fn generate(
    state: &AppState,
    running: &Running,
    records: &[QuestionRecord],
    asked: bool,
) -> Result<questions::Model, AppError> {
    let top = top_skills(&running.user);
    let names: Vec<String> = top.iter().map(|skill| skill.name.clone()).collect();
    let mut coverage: HashMap<String, u32> = HashMap::new();
    for record in records {
        *coverage.entry(record.question.skill_tag.clone()).or_default() += 1;
    }
    let Some(target) =
        next_target_skill(&names, &coverage).and_then(|name| top.iter().find(|s| s.name == name))
    else {
        return Err(AppError::Unavailable(messages::SKILLS_NOT_RANKED.into()));
    };
    let recent: Vec<u8> = records
        .iter()
        .filter_map(|r| r.suggestion.as_ref().map(|s| s.correctness.clamp(0, 100) as u8))
        .collect();
    let asked_before: Vec<String> = records.iter().map(|r| r.question.question_text.clone()).collect();
    let request = QuestionRequest {
        skill: &target.name,
        skill_category: target.category,
        position_title: &running.link.position_title,
        evidence: target.evidence.as_deref(),
        difficulty: next_difficulty(&recent[recent.len().saturating_sub(RECENT_SCORES)..]),
        asked_before: &asked_before,
        order: records.len(),
    };
    let asked_so_far = records.len();
    let cap = state.settings.limits.questions_per_interview as usize;
    if asked_so_far >= cap {
        return Err(AppError::Conflict(messages::question_cap_reached(cap)));
    }
    limits::take(state, running.user.user_id, Action::CoachCall).await?;
    let started = Instant::now();
    let spec = engine::contained("question", state.coach.next_question(&request)).await.map_err(|error| {
        tracing::warn!(interview.id = running.interview.interview_id, %error, "question generation failed");
        AppError::Unavailable(messages::QUESTION_FAILED.into())
    })?;
    let order = records.iter().map(|r| r.question.question_order).max().unwrap_or(0) + 1;
    let new = NewQuestion {
        interview_id: running.interview.interview_id,
        user_vacancy_id: running.link.user_vacancy_id,
        text: spec.text,
        category: spec.category.as_str().to_owned(),
        difficulty: spec.difficulty.as_str().to_owned(),
        skill: target.name.clone(),
        order,
        asked,
    };
    let question = db::interviews::insert_question(&state.db, new)
        .await
        .or_duplicate()
        .context("saving the new question")?
        // Another server instance stored this slot first; the next request shows it.
        .map_err(|Duplicate| AppError::Conflict(messages::MOVED_ON_ELSEWHERE.into()))?;
    let event = Event::new(audit::QUESTION_GENERATED)
        .user(running.user.user_id)
        .vacancy(running.vacancy.vacancy_id)
        .duration(started.elapsed())
        .detail(format!(
            "question {order}, {} ({}, {}){}",
            question.skill_tag,
            question.category,
            question.difficulty,
            if asked { "" } else { ", prefetched" }
        ));
    audit::record(&state.db, None, event).await;
    Ok(question)
}
