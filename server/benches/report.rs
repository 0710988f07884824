//! Benchmark (not a test): the PDF report of a ten-question interview, with every answer and its
//! feedback, as `POST /analytics/report` builds it (layout, then lopdf compression). Prints the
//! time per report and its size, for a Latin-script name and for a Cyrillic one (the same
//! embedded fonts either way).
//!
//!     cargo bench -p server --bench report

use std::time::{Duration, Instant};

use app::model::analytics::{Analytics, Bin, Comparison, Point, SkillResult, Standing, Summary};
use app::model::delivery::{Delivery, FillerCount};
use app::model::interview::{FallacyNote, Feedback};
use app::server::report::build_pdf;
use app::server::report::layout::{QuestionLine, ReportData};

const SKILLS: [&str; 10] = [
    "Rust",
    "PostgreSQL",
    "Kafka",
    "Kubernetes",
    "Observability",
    "gRPC",
    "Terraform",
    "On-call",
    "Mentoring",
    "SQL",
];

const ANSWER: &str = "At Acme I led the rewrite of our payment service in Rust. The old service timed out \
    under load at the end of every month, so I profiled it, found that the blocking database calls held \
    the worker threads, replaced them with an async connection pool and added back-pressure at the edge. \
    I wrote a load test that replayed a month of traffic in an hour, and we rolled out behind a flag to \
    five per cent of merchants first. As a result p99 latency fell from 900 ms to 120 ms, the timeouts \
    stopped, and incidents dropped by 60 per cent in the following quarter. I wrote up what we learned \
    and the team now profiles every service before a peak season.";

fn report(name: &str) -> ReportData {
    let questions: Vec<QuestionLine> = SKILLS
        .iter()
        .enumerate()
        .map(|(i, skill)| QuestionLine {
            number: i + 1,
            skill: (*skill).to_owned(),
            question: format!("Tell me about a time {skill} made the difference in something you shipped. What was the result?"),
            status: "answered",
            correctness: Some(60 + i as u8 * 3),
            relevance: Some(55 + i as u8 * 4),
            answer: Some(ANSWER.to_owned()),
            feedback: Some(Feedback {
                correctness: 60 + i as u8 * 3,
                role_relevance: 55 + i as u8 * 4,
                improvements: vec![
                    "Say how you measured the latency, and over what period.".into(),
                    format!("Name the {skill} decision you made yourself, not only the team's."),
                ],
                red_flags: if i % 3 == 0 { vec!["\u{201c}everyone uses it\u{201d} \u{2014} popularity is not a reason.".into()] } else { Vec::new() },
                suggested_rewrite: format!("Situation: monthly peaks timed out. Task: make {skill} hold. Action: profiled, pooled, back-pressure. Result: p99 900 ms \u{2192} 120 ms, incidents \u{2212}60 %."),
                followup_question: Some("What would you do differently?".into()),
                coach_hint: "Lead with the result, then how you got there.".into(),
                fallacy: (i % 3 == 0).then(|| FallacyNote {
                    name: "Bandwagon".into(),
                    definition: "Treating popularity as proof.".into(),
                    why: "\u{201c}everyone uses it\u{201d} stands in for a reason.".into(),
                    interview_risk: "It sounds like the choice was not thought through.".into(),
                }),
                coach: "Offline coach (rules)".into(),
            }),
            delivery: (i % 2 == 0).then(|| Delivery {
                seconds: 95,
                words_per_minute: 142,
                fillers: vec![FillerCount { word: "um".into(), count: 3 }],
                pauses: Some(1),
            }),
        })
        .collect();
    ReportData {
        candidate_name: name.to_owned(),
        email: "candidate@example.com".into(),
        date: "30 November 2026".into(),
        analytics: Analytics {
            position_title: "Senior Backend Engineer".into(),
            summary: Summary {
                attempted: 10,
                skipped: 0,
                evaluated: 10,
                avg_correctness: Some(73.5),
                avg_relevance: Some(73.0),
                avg_red_flags: 0.4,
            },
            overall: Comparison::Ranked(Standing { rank: 12, candidates: 340, percentile: 96.2 }),
            in_vacancy: Comparison::TooFew,
            series: questions
                .iter()
                .map(|q| Point {
                    number: q.number,
                    skill: q.skill.clone(),
                    correctness: q.correctness.unwrap_or(0),
                    relevance: q.relevance.unwrap_or(0),
                })
                .collect(),
            skills: SKILLS
                .iter()
                .map(|s| SkillResult {
                    skill: (*s).into(),
                    questions: 2,
                    avg_correctness: Some(70.0),
                    first_and_latest: Some((60, 80)),
                })
                .collect(),
            weakest: vec!["Mentoring".into(), "SQL".into()],
            distribution: (0..10u8)
                .map(|i| Bin { from: i * 10, to: i * 10 + 10, candidates: u64::from(i) * 7, yours: i == 7 })
                .collect(),
            coaches: vec!["Offline coach (rules), rules-2026-11-30.1".into()],
            spoken: Vec::new(),
        },
        questions,
    }
}

fn main() {
    let rounds = 5;
    println!("PDF report, ten questions with answers and feedback ({rounds} rounds each)");
    for name in ["Ada Lovelace", "\u{410}\u{434}\u{430} \u{41b}\u{430}\u{432}\u{43b}\u{435}\u{439}\u{441}"] {
        let data = report(name);
        let mut times: Vec<Duration> = Vec::new();
        let mut size = 0;
        for _ in 0..rounds {
            let started = Instant::now();
            let pdf = build_pdf(&data).expect("the report builds");
            times.push(started.elapsed());
            size = pdf.len();
        }
        times.sort();
        println!(
            "  candidate {name:?}: {:.0} KB, p50 {:.0} ms, max {:.0} ms (layout, fonts and compression)",
            size as f64 / 1024.0,
            times[rounds / 2].as_secs_f64() * 1000.0,
            times[rounds - 1].as_secs_f64() * 1000.0,
        );
    }
}
