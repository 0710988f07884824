//! "Try again": an answered or skipped question is asked again as a new attempt of its own (a
//! question row pointing at the original), submit-once per attempt, with the change in scores
//! shown and counted in the analytics' per-skill progress.

use std::sync::Arc;

use app::error::AppError;
use app::messages;
use app::model::analytics::Analytics;
use app::model::interview::{Reply, Retake, Run, Scores};
use app::server::db::entities::{answers, questions};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::interview::{current, next, running, started, submit};
use crate::support::coach::{ScriptedCoach, scripted_answer};
use crate::support::{Browser, TestApp, spawn_app_with_coach};

async fn retake(browser: &Browser, question_id: i64) -> Run {
    running(browser.call_ok("interview/retake", &[("question_id", &question_id.to_string())]).await)
}

async fn scripted() -> TestApp {
    spawn_app_with_coach(Arc::new(ScriptedCoach)).await
}

#[tokio::test]
async fn a_retake_is_a_new_attempt_and_its_feedback_shows_the_change() {
    let app = scripted().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let first = current(&run).clone();
    submit(&ada, first.question_id, &scripted_answer(42, 50, 2)).await;

    let again = retake(&ada, first.question_id).await;
    let attempt = current(&again).clone();
    let done = submit(&ada, attempt.question_id, &scripted_answer(71, 64, 0)).await;
    let after = running(done.screen);
    let analytics: Analytics = ada.call_ok("analytics", &[]).await;

    assert_eq!(again.turns.len(), 2);
    assert_ne!(attempt.question_id, first.question_id, "a question of its own");
    assert_eq!(
        (attempt.question.as_str(), attempt.skill.as_str()),
        (first.question.as_str(), first.skill.as_str())
    );
    let expected =
        Retake { of_number: 1, before: Some(Scores { correctness: 42, role_relevance: 50, red_flags: 2 }) };
    assert_eq!(attempt.retake, Some(expected.clone()));
    assert_eq!(attempt.reply, Reply::Open);
    let Reply::Answered { feedback: Some(feedback), .. } = &current(&after).reply else { panic!("scored") };
    assert_eq!(
        expected.change(feedback).as_deref(),
        Some("Correctness 42 % \u{2192} 71 %, role relevance 50 % \u{2192} 64 %, red flags 2 \u{2192} 0")
    );
    let page = ada.page(&app.url("/interview")).await;
    assert!(
        page.contains("Trying question 1 again.") && page.contains("Correctness 42 % \u{2192} 71 %"),
        "{page}"
    );
    let skill = analytics.skills.iter().find(|s| s.skill == first.skill).expect("the skill");
    assert_eq!((skill.questions, skill.first_and_latest), (2, Some((42, 71))), "progress over attempts");
    let stored = questions::Entity::find_by_id(attempt.question_id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(stored.retake_of_question_id, Some(first.question_id));
}

#[tokio::test]
async fn a_retake_waits_for_the_question_on_screen_and_needs_an_answer_or_a_skip() {
    let app = scripted().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let first = current(&run).question_id;

    let unanswered = ada.call_err("interview/retake", &[("question_id", &first.to_string())]).await;
    let moved = next(&ada, first).await; // skips the first question
    let second = current(&moved).question_id;
    let while_open = ada.call_err("interview/retake", &[("question_id", &first.to_string())]).await;
    submit(&ada, second, &scripted_answer(60, 60, 0)).await;
    let after_skip = retake(&ada, first).await;

    assert_eq!(unanswered, AppError::Conflict(messages::RETAKE_UNANSWERED.into()));
    assert_eq!(while_open, AppError::Conflict(messages::RETAKE_AFTER_CURRENT.into()));
    assert_eq!(
        current(&after_skip).retake,
        Some(Retake { of_number: 1, before: None }),
        "a skip has no scores"
    );
    assert_eq!(after_skip.turns.len(), 3);
}

#[tokio::test]
async fn twenty_simultaneous_retakes_and_submits_make_one_attempt_with_one_answer() {
    let app = scripted().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let first = current(&run).question_id;
    submit(&ada, first, &scripted_answer(40, 40, 1)).await;

    let mut clicks = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let request = ada
            .client
            .post(app.url("/api/interview/retake"))
            .header("origin", &ada.origin)
            .form(&[("question_id", first.to_string())]);
        clicks.spawn(async move { request.send().await.expect("reaches the server").status().as_u16() });
    }
    let statuses = clicks.join_all().await;
    let retakes = questions::Entity::find()
        .filter(questions::Column::RetakeOfQuestionId.eq(first))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(retakes.len(), 1, "one retake however many clicks: {statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 409), "{statuses:?}");

    let attempt = retakes[0].question_id.to_string();
    let mut submits = tokio::task::JoinSet::new();
    for i in 0..20 {
        let fields = [
            ("question_id", attempt.clone()),
            ("answer", format!("{} (try {i})", scripted_answer(80, 80, 0))),
        ];
        let request =
            ada.client.post(app.url("/api/interview/answer")).header("origin", &ada.origin).form(&fields);
        submits.spawn(async move { request.send().await.expect("reaches the server").status().as_u16() });
    }
    let statuses = submits.join_all().await;

    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(
        answers::Entity::find()
            .filter(answers::Column::QuestionId.eq(retakes[0].question_id))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 2, "the first attempt's answer stays");
}

#[tokio::test]
async fn nobody_can_retake_another_candidates_question() {
    let app = scripted().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let adas = current(&run).question_id;
    submit(&ada, adas, &scripted_answer(50, 50, 0)).await;
    let (ben, _) = started(&app, "Ben", "ben@example.com").await;

    let refused = ben.call_err("interview/retake", &[("question_id", &adas.to_string())]).await;

    assert_eq!(refused, AppError::NotFound);
    assert_eq!(
        questions::Entity::find()
            .filter(questions::Column::RetakeOfQuestionId.is_not_null())
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}
