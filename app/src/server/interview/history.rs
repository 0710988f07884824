//! The history: every interview of the caller, running or reset, by vacancy, with what happened
//! in it; and one of them as it was, read-only. Interviews are numbered per candidate (1 is the
//! first they ever started), so no database id reaches the page or its address.

use std::collections::HashMap;

use super::{records, turns};
use crate::error::{AppError, ResultExt};
use crate::model::history::{History, InterviewSummary, PastInterview, VacancyHistory};
use crate::server::analytics::metrics::average;
use crate::server::db;
use crate::server::db::entities::{interviews, users};
use crate::server::state::AppState;

/// The caller's interviews by vacancy, the current vacancy first, newest interview first.
pub async fn history(state: &AppState, user: &users::Model) -> Result<History, AppError> {
    let interviews =
        db::interviews::all_of_user(&state.db, user.user_id).await.context("listing the interviews")?;
    let asked =
        db::interviews::asked_of_user(&state.db, user.user_id).await.context("reading the questions")?;
    let links = db::vacancies::links_of(&state.db, user.user_id).await.context("listing the vacancies")?;
    let mut by_interview: HashMap<i64, Vec<&db::interviews::QuestionRecord>> = HashMap::new();
    for record in &asked {
        by_interview.entry(record.question.interview_id).or_default().push(record);
    }
    let numbered: Vec<(u32, &interviews::Model, i64)> = interviews
        .iter()
        .enumerate()
        .map(|(i, (interview, link))| (i as u32 + 1, interview, link.user_vacancy_id))
        .collect();
    let vacancies = links
        .iter()
        .enumerate()
        .map(|(position, summary)| VacancyHistory {
            position_title: summary.link.position_title.clone(),
            current: position == 0,
            interviews: numbered
                .iter()
                .rev()
                .filter(|(_, _, link)| *link == summary.link.user_vacancy_id)
                .map(|(number, interview, _)| {
                    summarise(
                        *number,
                        interview,
                        by_interview.get(&interview.interview_id).map_or(&[][..], Vec::as_slice),
                    )
                })
                .collect(),
        })
        .collect();
    Ok(History { vacancies })
}

fn summarise(
    number: u32,
    interview: &interviews::Model,
    records: &[&db::interviews::QuestionRecord],
) -> InterviewSummary {
    let answered = records.iter().filter(|r| r.answer.as_ref().is_some_and(|a| !a.is_skipped)).count();
    let skipped = records.iter().filter(|r| r.answer.as_ref().is_some_and(|a| a.is_skipped)).count();
    let scores: Vec<(i64, i64)> = records
        .iter()
        .filter_map(|r| r.suggestion.as_ref())
        .map(|s| (i64::from(s.correctness), i64::from(s.role_relevance)))
        .collect();
    let evaluated = scores.len() as i64;
    InterviewSummary {
        number,
        started: interview.started_at.format("%-d %b %Y").to_string(),
        running: interview.status == interviews::STATUS_ACTIVE,
        asked: records.len() as u32,
        answered: answered as u32,
        skipped: skipped as u32,
        avg_correctness: average(scores.iter().map(|s| s.0).sum(), evaluated),
        avg_relevance: average(scores.iter().map(|s| s.1).sum(), evaluated),
    }
}

/// The caller's interview `number` (their own numbering) with every question, answer and piece
/// of feedback as it was.
pub async fn past_interview(
    state: &AppState,
    user: &users::Model,
    number: u32,
) -> Result<PastInterview, AppError> {
    let interviews =
        db::interviews::all_of_user(&state.db, user.user_id).await.context("listing the interviews")?;
    let index = (number as usize).checked_sub(1).ok_or(AppError::NotFound)?;
    let (interview, link) = interviews.get(index).ok_or(AppError::NotFound)?;
    let records = records(state, interview.interview_id).await?;
    Ok(PastInterview {
        number,
        position_title: link.position_title.clone(),
        started: interview.started_at.format("%-d %b %Y, %H:%M UTC").to_string(),
        status: match interview.archived_at {
            Some(at) if interview.status != interviews::STATUS_ACTIVE => {
                format!("reset on {}", at.format("%-d %b %Y"))
            }
            _ => "in progress".to_owned(),
        },
        turns: turns(&records),
    })
}
