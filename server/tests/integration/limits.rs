//! Per-candidate limits: uploads read and coach calls per hour, questions per interview. Each is
//! a clear refusal for the candidate who reached it (429 from server functions) and nothing for
//! anyone else; a refused action stores nothing.

use app::error::AppError;
use app::server::db::entities::{answers, usage_events};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::interview::{current, next, ready_candidate, running, started};
use crate::support::{TestApp, spawn_app_on};

async fn app_with(limits: &[(&str, &str)]) -> TestApp {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let extra: Vec<(&str, String)> = limits.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
    spawn_app_on(listener, &extra).await
}

/// A text CV that differs by `n`, so each upload is a new file to read.
fn cv(n: usize) -> Vec<u8> {
    format!(
        "Ada Lovelace {n}\nSenior Rust Engineer\nLed the rewrite of the payments API in Rust, cutting p95 \
         latency from 420 ms to 90 ms. Kubernetes, Terraform, PostgreSQL and on-call leadership."
    )
    .into_bytes()
}

#[tokio::test]
async fn uploads_past_the_hourly_limit_are_refused_for_that_candidate_only() {
    let app = app_with(&[("UPLOADS_PER_HOUR", "2")]).await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let bob = app.signed_in("Bob", "bob@example.com").await;

    for n in 0..2 {
        ada.upload("/documents/cv", "cv.txt", cv(n), None).await;
        assert!(!ada.page(&app.url("/setup")).await.contains("You have uploaded"), "upload {n} is allowed");
    }
    ada.upload("/documents/cv", "cv.txt", cv(2), None).await;
    let page = ada.page(&app.url("/setup")).await;
    assert!(page.contains("You have uploaded 2 documents in the last hour"), "no refusal on the page");
    assert!(page.contains("Please try again in"), "the refusal says when");

    // Bob is not affected, and the refusal did not count for Ada.
    bob.upload("/documents/cv", "cv.txt", cv(7), None).await;
    assert!(!bob.page(&app.url("/setup")).await.contains("You have uploaded"));
    let rows = usage_events::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(rows, 3, "two reads for Ada, one for Bob; the refused one left no row");
}

#[tokio::test]
async fn coach_calls_past_the_hourly_limit_get_429_and_store_no_answer() {
    // Profile (1) + first question (1) + its prefetched successor (1) leave one call.
    let app = app_with(&[("COACH_CALLS_PER_HOUR", "4")]).await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let question_id = current(&run).question_id.to_string();
    // Let the prefetch (a background coach call) finish, so the count is settled.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let answer = "I profiled the service, replaced blocking calls and cut p99 from 900 ms to 120 ms.";
    let first = ada.call("interview/answer", &[("question_id", &question_id), ("answer", answer)]).await;
    assert!(first.status().is_success(), "the fourth call is allowed: {}", first.status());

    let next_run = next(&ada, current(&run).question_id).await;
    let second_id = current(&next_run).question_id.to_string();
    let refused = ada.call("interview/answer", &[("question_id", &second_id), ("answer", answer)]).await;
    assert_eq!(refused.status(), 429);
    let error: AppError = serde_json::from_str(&refused.text().await.unwrap()).unwrap();
    let AppError::TooManyRequests(message) = error else { panic!("expected TooManyRequests, got {error:?}") };
    assert!(message.contains("asked the coach 4 times in the last hour"), "{message}");
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 1, "the refused answer was not stored");

    // Another candidate still has their whole allowance.
    let bob = ready_candidate(&app, "Bob", "bob@example.com").await;
    let bob_run = running(bob.call_ok("interview/start", &[]).await);
    assert!(bob_run.current().is_some(), "Bob gets his first question");
}

#[tokio::test]
async fn an_interview_stops_asking_at_its_question_cap() {
    let app = app_with(&[("QUESTIONS_PER_INTERVIEW", "10")]).await;
    let (ada, mut run) = started(&app, "Ada", "ada@example.com").await;
    for _ in 1..10 {
        run = next(&ada, current(&run).question_id).await;
    }
    assert_eq!(run.turns.len(), 10);
    let response =
        ada.call("interview/next", &[("question_id", &current(&run).question_id.to_string())]).await;
    assert_eq!(response.status(), 409);
    let error: AppError = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert!(error.to_string().contains("reached its 10 questions"), "{error}");
}

#[tokio::test]
async fn reports_past_the_hourly_limit_get_429_for_that_candidate_only() {
    let app = app_with(&[("REPORTS_PER_HOUR", "1")]).await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    next(&ada, current(&run).question_id).await;
    let (ben, run) = started(&app, "Ben", "ben@example.com").await;
    next(&ben, current(&run).question_id).await;

    let first = ada.post_form(&app.url("/analytics/report"), &[]).await;
    let second = ada.post_form(&app.url("/analytics/report"), &[]).await;
    let bens = ben.post_form(&app.url("/analytics/report"), &[]).await;

    assert_eq!(first.status(), 200);
    assert_eq!(second.status(), 429);
    let message = second.text().await.unwrap();
    assert!(message.starts_with("You have downloaded 1 reports in the last hour"), "{message}");
    assert_eq!(bens.status(), 200, "one candidate's limit is not another's");
}
