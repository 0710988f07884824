//! The history: every interview, running and reset, listed per vacancy with what happened in it,
//! and each one opened read-only as it was; only the caller's own.

use app::error::AppError;
use app::model::history::{History, PastInterview};
use app::model::interview::Reply;

use crate::interview::{current, next, running, started, submit};
use crate::support::spawn_app;

const ANSWER: &str = "At Acme I led the rewrite of our payment service in Rust. I profiled it, replaced the \
    blocking calls with an async pool and added back-pressure; p99 fell from 900 ms to 120 ms.";

#[tokio::test]
async fn reset_interviews_stay_listed_and_open_read_only_as_they_were() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let first = current(&run).question_id;
    submit(&ada, first, ANSWER).await;
    next(&ada, first).await;
    let reset = ada.call_ok::<app::model::interview::InterviewScreen>("interview/reset", &[]).await;
    assert!(matches!(reset.stage, app::model::interview::Stage::NotStarted));
    let second = running(ada.call_ok("interview/start", &[]).await);
    next(&ada, current(&second).question_id).await;

    let history: History = ada.call_ok("history", &[]).await;
    let first_interview: PastInterview = ada.call_ok("history/interview", &[("number", "1")]).await;
    let page = ada.page(&app.url("/history")).await;
    let past_page = ada.page(&app.url("/history/1")).await;

    assert_eq!(history.vacancies.len(), 1);
    let listed: Vec<(u32, bool, u32, u32, u32)> = history.vacancies[0]
        .interviews
        .iter()
        .map(|i| (i.number, i.running, i.asked, i.answered, i.skipped))
        .collect();
    assert_eq!(listed, [(2, true, 2, 0, 1), (1, false, 2, 1, 0)], "newest first; the reset one is kept");
    assert!(history.vacancies[0].interviews[1].avg_correctness.is_some());
    assert!(first_interview.status.starts_with("reset on"), "{}", first_interview.status);
    assert_eq!(first_interview.turns.len(), 2);
    let Reply::Answered { text, feedback: Some(feedback), .. } = &first_interview.turns[0].reply else {
        panic!("the answer and its feedback: {:?}", first_interview.turns[0].reply);
    };
    assert_eq!(text, ANSWER);
    assert!(!feedback.suggested_rewrite.is_empty());
    assert_eq!(first_interview.turns[1].reply, Reply::Open, "asked, then the interview was reset");
    assert!(page.contains("Interview 1") && page.contains("Interview 2") && page.contains("reset"), "{page}");
    assert!(past_page.contains("Read-only") && past_page.contains("p99 fell from 900 ms to 120 ms"));
    assert!(
        !past_page.contains("Submit Answer") && !past_page.contains("Retry feedback"),
        "nothing to act on"
    );
}

#[tokio::test]
async fn interview_numbers_are_per_candidate_and_reach_only_their_own() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    submit(&ada, current(&run).question_id, ANSWER).await;
    let (ben, _) = started(&app, "Ben", "ben@example.com").await;

    let bens_first: PastInterview = ben.call_ok("history/interview", &[("number", "1")]).await;
    let missing = ben.call_err("history/interview", &[("number", "2")]).await;
    let zero = ben.call_err("history/interview", &[("number", "0")]).await;
    let garbage = ben.call_err("history/interview", &[("number", "-1; DROP TABLE")]).await;

    assert!(
        bens_first.turns.iter().all(|t| !matches!(&t.reply, Reply::Answered { text, .. } if text == ANSWER)),
        "Ben's interview 1 is his own"
    );
    assert_eq!((missing, zero), (AppError::NotFound, AppError::NotFound));
    assert_eq!(
        garbage,
        AppError::validation("request", app::messages::CHECK_AND_RETRY),
        "not a fault of ours"
    );
    let visitor = app.browser().get(&app.url("/history")).await;
    assert!(visitor.status().is_redirection() || visitor.status().is_success());
}
