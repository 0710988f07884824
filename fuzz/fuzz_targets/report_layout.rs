//! Any names, titles, skills and questions, with any scores and counts, must lay out as a PDF
//! report or come back as a genpdf error, never a panic.
//!
//! `report::layout` is pure (data in, PDF bytes out) and needs only `model::analytics`, so it is
//! compiled here without the app. The input is read with `arbitrary` into a `ReportData` whose
//! numbers stay within what the server produces (scores 0–100, averages 0–100, counts).
#![no_main]

use interview_coach_fuzz::model::analytics::{
    Analytics, Bin, Comparison, Point, SkillResult, SpokenPoint, Standing, Summary,
};
use interview_coach_fuzz::model::delivery::{Delivery, FillerCount};
use interview_coach_fuzz::model::interview::{FallacyNote, Feedback};
use interview_coach_fuzz::server::report::layout::{QuestionLine, ReportData, render};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(u.arbitrary::<&str>()?.to_owned())
}

fn percent(u: &mut Unstructured<'_>) -> Result<f64> {
    Ok(f64::from(u.int_in_range(0..=1000u16)?) / 10.0)
}

fn list<T>(
    u: &mut Unstructured<'_>,
    max: usize,
    mut item: impl FnMut(&mut Unstructured<'_>, usize) -> Result<T>,
) -> Result<Vec<T>> {
    let len = u.int_in_range(0..=max)?;
    (0..len).map(|i| item(u, i)).collect()
}

fn feedback(u: &mut Unstructured<'_>) -> Result<Feedback> {
    Ok(Feedback {
        correctness: u.int_in_range(0..=100)?,
        role_relevance: u.int_in_range(0..=100)?,
        improvements: list(u, 5, |u, _| text(u))?,
        red_flags: list(u, 5, |u, _| text(u))?,
        suggested_rewrite: text(u)?,
        followup_question: None,
        coach_hint: text(u)?,
        fallacy: if u.arbitrary()? {
            Some(FallacyNote { name: text(u)?, definition: text(u)?, why: text(u)?, interview_risk: text(u)? })
        } else {
            None
        },
        coach: text(u)?,
    })
}

fn report(u: &mut Unstructured<'_>) -> Result<ReportData> {
    let summary = Summary {
        attempted: u.int_in_range(0..=500)?,
        skipped: u.int_in_range(0..=500)?,
        evaluated: u.int_in_range(0..=500)?,
        avg_correctness: if u.arbitrary()? { Some(percent(u)?) } else { None },
        avg_relevance: if u.arbitrary()? { Some(percent(u)?) } else { None },
        avg_red_flags: f64::from(u.int_in_range(0..=600u16)?) / 100.0,
    };
    let comparison = |u: &mut Unstructured<'_>| -> Result<Comparison> {
        Ok(match u.int_in_range(0..=2u8)? {
            0 => Comparison::NotRanked,
            1 => Comparison::TooFew,
            _ => {
                let candidates = u.int_in_range(6..=1_000_000)?;
                Comparison::Ranked(Standing { rank: u.int_in_range(1..=candidates)?, candidates, percentile: percent(u)? })
            }
        })
    };
    let overall = comparison(u)?;
    let in_vacancy = comparison(u)?;
    let analytics = Analytics {
        position_title: text(u)?,
        summary,
        overall,
        in_vacancy,
        series: list(u, 40, |u, i| {
            Ok(Point {
                number: i + 1,
                skill: text(u)?,
                correctness: u.int_in_range(0..=100)?,
                relevance: u.int_in_range(0..=100)?,
            })
        })?,
        skills: list(u, 12, |u, _| {
            Ok(SkillResult {
                skill: text(u)?,
                questions: u.int_in_range(0..=50)?,
                avg_correctness: if u.arbitrary()? { Some(percent(u)?) } else { None },
                first_and_latest: if u.arbitrary()? {
                    Some((u.int_in_range(0..=100)?, u.int_in_range(0..=100)?))
                } else {
                    None
                },
            })
        })?,
        weakest: list(u, 3, |u, _| text(u))?,
        distribution: if u.arbitrary()? { Vec::new() } else { (0..10u8)
            .map(|i| {
                Ok(Bin {
                    from: i * 10,
                    to: i * 10 + 10,
                    candidates: u.int_in_range(0..=1_000_000)?,
                    yours: u.arbitrary()?,
                })
            })
            .collect::<Result<_>>()? },
        coaches: list(u, 3, |u, _| text(u))?,
        spoken: list(u, 20, |u, i| {
            Ok(SpokenPoint {
                number: i + 1,
                skill: text(u)?,
                seconds: u.int_in_range(0..=330)?,
                words_per_minute: u.int_in_range(0..=600)?,
                fillers: u.int_in_range(0..=500)?,
                pauses: if u.arbitrary()? { Some(u.int_in_range(0..=330)?) } else { None },
            })
        })?,
    };
    Ok(ReportData {
        candidate_name: text(u)?,
        email: text(u)?,
        date: text(u)?,
        analytics,
        questions: list(u, 30, |u, i| {
            Ok(QuestionLine {
                number: i + 1,
                skill: text(u)?,
                question: text(u)?,
                status: *u.choose(&["answered", "skipped", "awaiting feedback"])?,
                correctness: if u.arbitrary()? { Some(u.int_in_range(0..=100)?) } else { None },
                relevance: if u.arbitrary()? { Some(u.int_in_range(0..=100)?) } else { None },
                answer: if u.arbitrary()? { Some(text(u)?) } else { None },
                feedback: if u.arbitrary()? { Some(feedback(u)?) } else { None },
                delivery: if u.arbitrary()? {
                    Some(Delivery {
                        seconds: u.int_in_range(0..=330)?,
                        words_per_minute: u.int_in_range(0..=600)?,
                        fillers: list(u, 5, |u, _| Ok(FillerCount { word: text(u)?, count: u.int_in_range(1..=99)? }))?,
                        pauses: if u.arbitrary()? { Some(u.int_in_range(0..=330)?) } else { None },
                    })
                } else {
                    None
                },
            })
        })?,
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(report) = report(&mut Unstructured::new(data)) else { return };
    // An error is an answer (the export says it failed); only a panic or an abort is a finding.
    if let Ok(bytes) = render(&report) {
        assert!(bytes.starts_with(b"%PDF-"));
    }
});
