//! Analytics: a candidate's metrics, standing among all candidates, per-skill results and the
//! data behind the charts and the PDF report. The maths is in [`metrics`] (plain functions);
//! the numbers come from the maintained aggregates in `db::analytics`, so a request reads the
//! caller's own rows plus the histogram (at most 10,001 rows), whatever the number of candidates.

pub mod metrics;

use std::time::Instant;

use crate::error::{AppError, ResultExt};
use crate::model::analytics::{Analytics, Bin, Comparison, Point, SkillResult, SpokenPoint, Summary};
use crate::server::audit::{self, Event};
use crate::server::coach::profile::TopSkill;
use crate::server::db;
use crate::server::db::analytics::{Attempt, CohortMember};
use crate::server::db::entities::{answers, users};
use crate::server::intake;
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// Bins of the distribution chart (10 % each).
pub const BINS: usize = 10;
/// How many weakest skills are suggested.
const WEAKEST: usize = 3;

/// Said when a candidate asks for analytics before attempting anything.
pub const NOTHING_YET: &str = "Analytics start after your first answered or skipped question.";

/// The caller's analytics; refused until they have attempted a question. Records
/// `ANALYTICS_RENDERED` with the time it took.
pub async fn analytics(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
) -> Result<Analytics, AppError> {
    let started = Instant::now();
    let (analytics, _) = compute(state, user).await?;
    let event =
        Event::new(audit::ANALYTICS_RENDERED).user(user.user_id).duration(started.elapsed()).detail(format!(
            "{} attempted, rank {} overall, {} for the vacancy",
            analytics.summary.attempted,
            analytics.overall.rank_text(),
            analytics.in_vacancy.rank_text(),
        ));
    audit::record(&state.db, Some(request_id), event).await;
    Ok(analytics)
}

/// The caller's analytics and their attempts in order (the report lists them).
pub async fn compute(state: &AppState, user: &users::Model) -> Result<(Analytics, Vec<Attempt>), AppError> {
    let stats = db::analytics::stats(&state.db, user.user_id)
        .await
        .context("reading the candidate's statistics")?
        .filter(|stats| stats.attempted > 0)
        .ok_or_else(|| AppError::Conflict(NOTHING_YET.into()))?;
    let histogram = db::analytics::histogram(&state.db).await.context("reading the score histogram")?;
    let attempts = db::analytics::attempts(&state.db, user.user_id).await.context("reading the attempts")?;
    let current =
        db::vacancies::current(&state.db, user.user_id).await.context("reading the current vacancy")?;
    let in_vacancy = match &current {
        Some((link, _)) => {
            let cohort = db::analytics::cohort(&state.db, link.vacancy_id)
                .await
                .context("reading the vacancy's cohort")?;
            let key = |m: &CohortMember| metrics::rank_key(m.correctness_sum, m.evaluated);
            let mine = cohort.iter().find(|m| m.user_id == user.user_id).and_then(key);
            let keys: Vec<(i32, i64)> = cohort.iter().filter_map(key).map(|k| (k, 1)).collect();
            metrics::compare(mine, &keys)
        }
        None => Comparison::NotRanked,
    };
    let top: Vec<TopSkill> = current.as_ref().map(|(link, _)| intake::top_skills(link)).unwrap_or_default();
    let position_title = current.map(|(link, _)| link.position_title).unwrap_or_default();

    let summary = Summary {
        attempted: stats.attempted as u64,
        skipped: stats.skipped as u64,
        evaluated: stats.evaluated as u64,
        avg_correctness: metrics::average(stats.correctness_sum, stats.evaluated),
        avg_relevance: metrics::average(stats.relevance_sum, stats.evaluated),
        avg_red_flags: metrics::average(stats.red_flags_sum, stats.attempted).unwrap_or(0.0),
    };
    let overall = metrics::compare(stats.rank_key, &histogram);
    let yours = stats.rank_key.map(|key| metrics::bin_of(key, BINS));
    let distribution = if metrics::enough_to_compare(&histogram) {
        metrics::distribution(&histogram, BINS)
            .into_iter()
            .enumerate()
            .map(|(i, candidates)| Bin {
                from: (i * 100 / BINS) as u8,
                to: ((i + 1) * 100 / BINS) as u8,
                candidates,
                yours: yours == Some(i),
            })
            .collect()
    } else {
        Vec::new()
    };
    let skills = per_skill(&top, &attempts);
    let weakest = metrics::weakest(&skills, WEAKEST);
    let analytics = Analytics {
        position_title,
        summary,
        overall,
        in_vacancy,
        series: series(&attempts),
        skills,
        weakest,
        distribution,
        coaches: coaches(&attempts),
        spoken: spoken(&attempts),
    };
    Ok((analytics, attempts))
}

fn series(attempts: &[Attempt]) -> Vec<Point> {
    attempts
        .iter()
        .filter_map(|a| Some((a, a.correctness?, a.role_relevance?)))
        .enumerate()
        .map(|(i, (attempt, correctness, relevance))| Point {
            number: i + 1,
            skill: attempt.skill_tag.clone(),
            correctness: correctness.clamp(0, 100) as u8,
            relevance: relevance.clamp(0, 100) as u8,
        })
        .collect()
}

/// The delivery figures of the spoken answers, numbered by their place among all attempts.
fn spoken(attempts: &[Attempt]) -> Vec<SpokenPoint> {
    let figure = |n: Option<i32>| n.map_or(0, |n| n.max(0) as u32);
    attempts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.input_mode == answers::INPUT_SPOKEN)
        .map(|(i, a)| SpokenPoint {
            number: i + 1,
            skill: a.skill_tag.clone(),
            seconds: figure(a.speaking_seconds),
            words_per_minute: figure(a.words_per_minute),
            fillers: figure(a.filler_count),
            pauses: a.pause_count.map(|n| n.max(0) as u32),
        })
        .collect()
}

/// Questions and average correctness for each of the vacancy's skills (attempts on other
/// skills, from an earlier vacancy, are left out).
fn per_skill(top: &[TopSkill], attempts: &[Attempt]) -> Vec<SkillResult> {
    top.iter()
        .map(|skill| {
            let on_skill: Vec<&Attempt> = attempts.iter().filter(|a| a.skill_tag == skill.name).collect();
            let scores: Vec<i64> = on_skill.iter().filter_map(|a| a.correctness.map(i64::from)).collect();
            let percent = |score: &i64| (*score).clamp(0, 100) as u8;
            SkillResult {
                skill: skill.name.clone(),
                questions: on_skill.len() as u32,
                avg_correctness: metrics::average(scores.iter().sum(), scores.len() as i64),
                first_and_latest: (scores.len() >= 2)
                    .then(|| Some((percent(scores.first()?), percent(scores.last()?))))
                    .flatten(),
            }
        })
        .collect()
}

/// "Offline coach (rules), rules-2026-11-25.2" for each distinct coach and version used.
fn coaches(attempts: &[Attempt]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for attempt in attempts {
        if let (Some(model), Some(version)) = (&attempt.coach_model, &attempt.prompt_version) {
            let label = format!("{model}, {version}");
            if !seen.contains(&label) {
                seen.push(label);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::coach::taxonomy::SkillCategory;

    fn attempt(skill: &str, correctness: Option<i32>) -> Attempt {
        Attempt {
            question_id: 0,
            skill_tag: skill.into(),
            question_text: String::new(),
            is_skipped: correctness.is_none(),
            correctness,
            role_relevance: correctness.map(|c| c / 2),
            red_flags_count: correctness.map(|_| 1),
            coach_model: correctness.map(|_| "Offline coach (rules)".into()),
            prompt_version: correctness.map(|_| "rules-1".into()),
            input_mode: answers::INPUT_TYPED.into(),
            speaking_seconds: None,
            words_per_minute: None,
            filler_count: None,
            pause_count: None,
        }
    }

    #[test]
    fn spoken_answers_keep_their_place_among_all_attempts() {
        let spoken = Attempt {
            input_mode: answers::INPUT_SPOKEN.into(),
            speaking_seconds: Some(95),
            words_per_minute: Some(142),
            filler_count: Some(3),
            pause_count: None,
            ..attempt("SQL", Some(70))
        };
        let points = super::spoken(&[attempt("Rust", Some(80)), attempt("Rust", None), spoken]);
        assert_eq!(
            points,
            [SpokenPoint {
                number: 3,
                skill: "SQL".into(),
                seconds: 95,
                words_per_minute: 142,
                fillers: 3,
                pauses: None
            }]
        );
    }

    fn skill(name: &str) -> TopSkill {
        TopSkill { name: name.into(), rank: 1, category: SkillCategory::Technical, evidence: None }
    }

    #[test]
    fn per_skill_counts_attempts_and_averages_evaluated_answers() {
        let attempts = [
            attempt("Rust", Some(80)),
            attempt("Rust", None),
            attempt("Rust", Some(61)),
            attempt("SQL", None),
        ];
        let results = per_skill(&[skill("Rust"), skill("SQL"), skill("Go")], &attempts);
        assert_eq!(
            results[0],
            SkillResult {
                skill: "Rust".into(),
                questions: 3,
                avg_correctness: Some(70.5),
                first_and_latest: Some((80, 61)),
            }
        );
        assert_eq!(
            results[1],
            SkillResult { skill: "SQL".into(), questions: 1, avg_correctness: None, first_and_latest: None }
        );
        assert_eq!(results[2].questions, 0);
    }

    #[test]
    fn the_series_numbers_evaluated_answers_only() {
        let attempts = [attempt("Rust", Some(80)), attempt("SQL", None), attempt("Go", Some(40))];
        let points = series(&attempts);
        assert_eq!(points.len(), 2);
        assert_eq!(
            (points[1].number, points[1].skill.as_str(), points[1].correctness, points[1].relevance),
            (2, "Go", 40, 20)
        );
        assert_eq!(coaches(&attempts), ["Offline coach (rules), rules-1"]);
    }
}
