//! Asking questions: the next one by skill coverage and recent scores, prefetched in the
//! background while the candidate answers, and moving on only from the question on screen.

use std::collections::HashMap;
use std::time::Instant;

use super::{Running, is_asked, records, stored, top_skills};
use crate::error::{AppError, ResultExt};
use crate::messages;
use crate::server::audit::{self, Event};
use crate::server::coach::coverage::next_target_skill;
use crate::server::coach::engine;
use crate::server::coach::questions::{QuestionRequest, next_difficulty};
use crate::server::db::entities::{answers, questions};
use crate::server::db::interviews::{NewQuestion, QuestionRecord};
use crate::server::db::{self, Duplicate, UniqueKeyExt};
use crate::server::limits::{self, Action};
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// How many recent scores steer the next question's difficulty.
const RECENT_SCORES: usize = 2;

/// Asks the next question and returns the interview's questions as they are then. With
/// `from = Some(question)`, only if that question is still the one on screen, skipping it first
/// when unanswered. `records` are the interview's questions as the caller read them.
///
/// When the next question is prefetched already (the usual case), moving on needs no lease:
/// the skip is decided by the unique key on `answers.question_id` and the asking by a
/// conditional update, so of two racing clicks each does its part at most once and both show
/// the same question. Otherwise the interview's lease serialises generating it, across
/// instances.
pub(super) async fn move_on(
    state: &AppState,
    running: &Running,
    records: Vec<QuestionRecord>,
    from: Option<(&RequestId, i64)>,
) -> Result<Vec<QuestionRecord>, AppError> {
    if let Some((request_id, from_id)) = from {
        // Questions only ever move forward: once `from` is not on screen, it never is again.
        if on_screen(&records).is_none_or(|current| current.question.question_id != from_id) {
            return Ok(records);
        }
        if records.iter().any(|r| !is_asked(r)) {
            return move_on_to_prefetched(state, running, records, request_id).await;
        }
    }
    let lock = state.question_locks.lock(running.interview.interview_id).await?;
    let moved = move_on_holding_the_lease(state, running, from).await;
    lock.release().await;
    moved?;
    records_of(state, running).await
}

/// The question on screen: the last one asked.
fn on_screen(records: &[QuestionRecord]) -> Option<&QuestionRecord> {
    records.iter().rev().find(|r| is_asked(r))
}

async fn records_of(state: &AppState, running: &Running) -> Result<Vec<QuestionRecord>, AppError> {
    records(state, running.interview.interview_id).await
}

/// Moves from the question on screen to the prefetched one (see [`move_on`]). The returned
/// questions are `records` with both changes applied, or read again when another request
/// changed either meanwhile.
async fn move_on_to_prefetched(
    state: &AppState,
    running: &Running,
    mut records: Vec<QuestionRecord>,
    request_id: &RequestId,
) -> Result<Vec<QuestionRecord>, AppError> {
    let mut raced = false;
    if let Some(current) = records.iter_mut().rev().find(|r| is_asked(r))
        && current.answer.is_none()
    {
        match skip(state, running, request_id, &current.question).await? {
            Ok(skipped) => current.answer = Some(skipped),
            Err(Duplicate) => raced = true,
        }
    }
    if let Some(prefetched) = records.iter_mut().find(|r| !is_asked(r)) {
        let now = db::now();
        if db::interviews::mark_asked(&state.db, prefetched.question.question_id, now)
            .await
            .context("asking the prefetched question")?
        {
            prefetched.question.asked_at = Some(now);
        } else {
            raced = true;
        }
    }
    if raced { records_of(state, running).await } else { Ok(records) }
}

/// Stores a skip of `question`, or `Duplicate` when it was answered or skipped a moment ago
/// (another tab): then it stays as it is.
async fn skip(
    state: &AppState,
    running: &Running,
    request_id: &RequestId,
    question: &questions::Model,
) -> Result<Result<answers::Model, Duplicate>, AppError> {
    let skipped = db::interviews::insert_answer(
        &state.db,
        running.user.user_id,
        stored::answer_row(question.question_id, None, None),
    )
    .await
    .or_duplicate()
    .context("skipping the question")?;
    if skipped.is_ok() {
        let event = Event::new(audit::ANSWER_SKIPPED)
            .user(running.user.user_id)
            .vacancy(running.link.vacancy_id)
            .detail(format!("question {}", question.question_order));
        audit::record(&state.db, Some(request_id), event).await;
    }
    Ok(skipped)
}

/// The slow path of [`move_on`], under the interview's lease (which is only granted while the
/// interview is active): reads the questions again, skips `from` if it is still on screen and
/// unanswered, then asks the prefetched question or generates one.
async fn move_on_holding_the_lease(
    state: &AppState,
    running: &Running,
    from: Option<(&RequestId, i64)>,
) -> Result<(), AppError> {
    let records = records_of(state, running).await?;
    match (from, on_screen(&records)) {
        (None, Some(_)) => return Ok(()),
        (Some((_, from_id)), Some(current)) if current.question.question_id != from_id => return Ok(()),
        (Some((request_id, _)), Some(current)) if current.answer.is_none() => {
            // A `Duplicate` means it was answered a moment ago (another tab): it stays
            // answered, and we move on.
            let _ = skip(state, running, request_id, &current.question).await?;
        }
        _ => {}
    }
    if let Some(prefetched) = records.iter().find(|r| !is_asked(r)) {
        db::interviews::mark_asked(&state.db, prefetched.question.question_id, db::now())
            .await
            .context("asking the prefetched question")?;
        return Ok(());
    }
    generate(state, running, &records, true).await.map(|_| ())
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
    let Ok(records) = records_of(state, running).await else { return };
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
    let top = top_skills(&running.link);
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
        .vacancy(running.link.vacancy_id)
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
