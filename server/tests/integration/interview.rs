//! The interview through its server functions, as the hydrated page calls them (and its forms
//! without JavaScript): questions over the ten skills, submit once, skip, retry after a coach
//! failure, reset, resume, and one candidate never reaching another's questions.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use app::error::AppError;
use app::model::interview::{InterviewScreen, Reply, Run, Stage, Submitted, Turn};
use app::server::coach::engine::CoachError;
use app::server::db::entities::{answers, events, interviews, questions, suggestions, users, vacancies};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};

use crate::support::coach::{Hooks, OfflineWith};
use crate::support::files::fixture;
use crate::support::{Browser, TestApp, location, spawn_app, spawn_app_with_coach};

const STRONG: &str = "At Acme I led the rewrite of our payment service in Rust. The old service timed out \
    under load, so I profiled it, replaced the blocking database calls with an async pool and added \
    back-pressure. As a result p99 latency fell from 900 ms to 120 ms and we cut incidents by 60% in a quarter.";
const FALLACY: &str = "Everyone uses Kubernetes these days, so it is obviously the right choice for every team \
    and I would use it for this service too.";

/// A signed-in candidate with the CV and the job description uploaded.
pub(crate) async fn ready_candidate(app: &TestApp, first_name: &str, email: &str) -> Browser {
    let browser = app.signed_in(first_name, email).await;
    browser.upload("/documents/cv", "cv.pdf", fixture("cv-two-pages.pdf"), None).await;
    browser.upload("/documents/jd", "jd.txt", fixture("jd.txt"), Some("Backend Engineer")).await;
    browser
}

pub(crate) fn running(screen: InterviewScreen) -> Run {
    match screen.stage {
        Stage::Running(run) => run,
        other => panic!("expected a running interview, got {other:?}"),
    }
}

/// A candidate whose interview has started, and its first screen.
pub(crate) async fn started(app: &TestApp, first_name: &str, email: &str) -> (Browser, Run) {
    let browser = ready_candidate(app, first_name, email).await;
    let run = running(browser.call_ok("interview/start", &[]).await);
    (browser, run)
}

pub(crate) fn current(run: &Run) -> &Turn {
    run.current().expect("a question is on screen")
}

pub(crate) async fn submit(browser: &Browser, question_id: i64, answer: &str) -> Submitted {
    browser
        .call_ok("interview/answer", &[("question_id", &question_id.to_string()), ("answer", answer)])
        .await
}

pub(crate) async fn next(browser: &Browser, question_id: i64) -> Run {
    running(browser.call_ok("interview/next", &[("question_id", &question_id.to_string())]).await)
}

async fn count_events(app: &TestApp, name: &str) -> u64 {
    events::Entity::find().filter(events::Column::Name.eq(name)).count(&app.db).await.unwrap()
}

#[tokio::test]
async fn start_shows_the_first_question_with_its_skill_and_the_progress() {
    let app = spawn_app().await;
    let ada = ready_candidate(&app, "Ada", "ada@example.com").await;

    let response = ada.post_form(&app.url("/setup/start"), &[]).await;
    assert_eq!(location(&response), "/interview", "Start Interview leads to the interview");
    let run = running(ada.call_ok("interview", &[]).await);

    assert_eq!(run.turns.len(), 1);
    let first = current(&run);
    assert_eq!(first.skill, "Rust", "the most important skill comes first");
    assert!(!first.question.is_empty() && !first.category.is_empty());
    assert_eq!(first.reply, Reply::Open);
    assert_eq!((run.progress.covered, run.progress.total), (1, 10));
    assert_eq!(run.coach, "Offline coach (rules)");
    let page = ada.page(&app.url("/interview")).await;
    assert!(page.contains("Skill 1 of 10 covered"), "the page shows the progress");
    assert!(page.contains("Submit Answer") && page.contains("Next Question"));
}

#[tokio::test]
async fn an_answer_is_stored_once_with_its_feedback_and_a_second_submit_is_refused() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let question_id = current(&run).question_id;

    let response =
        ada.call("interview/answer", &[("question_id", &question_id.to_string()), ("answer", STRONG)]).await;
    let timing = response
        .headers()
        .get_all("server-timing")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    let submitted: Submitted = response.json().await.unwrap();
    let again = ada
        .call_err(
            "interview/answer",
            &[("question_id", &question_id.to_string()), ("answer", "A better answer")],
        )
        .await;

    assert_eq!(submitted.coach_problem, None);
    let run = running(submitted.screen);
    let Reply::Answered { text, feedback: Some(feedback), .. } = &current(&run).reply else {
        panic!("expected an answer with feedback, got {:?}", current(&run).reply)
    };
    assert_eq!(text, STRONG);
    assert!(
        feedback.correctness >= 60,
        "a specific answer with numbers scores well: {}",
        feedback.correctness
    );
    assert!(!feedback.suggested_rewrite.is_empty() && !feedback.coach_hint.is_empty());
    assert_eq!(feedback.coach, "Offline coach (rules)");
    assert_eq!(again, AppError::Conflict("You already submitted an answer to this question.".into()));
    assert!(timing.iter().any(|t| t.starts_with("coach;dur=")), "the coach's time is reported: {timing:?}");
    assert!(timing.iter().any(|t| t.starts_with("total;dur=")), "the server's time is reported: {timing:?}");
    let stored = answers::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].answer_text.as_deref(), Some(STRONG), "the first answer is kept");
    let suggestion = suggestions::Entity::find().one(&app.db).await.unwrap().expect("feedback stored");
    assert_eq!(suggestion.correctness, i32::from(feedback.correctness));
    assert_eq!(suggestion.coach_model, "Offline coach (rules)");
    assert!(suggestion.prompt_version.starts_with("rules-"));
    assert_eq!(count_events(&app, "ANSWER_SAVED").await, 1);
    assert_eq!(count_events(&app, "FEEDBACK_SAVED").await, 1);
}

#[tokio::test]
async fn twenty_simultaneous_submits_store_one_answer_and_one_suggestion() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let question_id = current(&run).question_id.to_string();

    let mut attempts = tokio::task::JoinSet::new();
    for i in 0..20 {
        let fields = [("question_id", question_id.clone()), ("answer", format!("{STRONG} (attempt {i})"))];
        let request =
            ada.client.post(app.url("/api/interview/answer")).header("origin", &ada.origin).form(&fields);
        attempts.spawn(async move {
            let response = request.send().await.expect("reaches the server");
            (response.status().as_u16(), response.text().await.expect("a body"))
        });
    }
    let outcomes = attempts.join_all().await;

    let accepted = outcomes.iter().filter(|(status, _)| *status == 200).count();
    assert_eq!(accepted, 1, "exactly one submit wins: {outcomes:?}");
    for (status, body) in outcomes.iter().filter(|(status, _)| *status != 200) {
        assert_eq!(*status, 409, "the others are told it is a conflict");
        let error: AppError = serde_json::from_str(body).expect("a typed error");
        assert_eq!(error, AppError::Conflict("You already submitted an answer to this question.".into()));
    }
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(suggestions::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn next_question_skips_an_unanswered_question_with_no_text() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let first = current(&run).question_id;

    let run = next(&ada, first).await;

    assert_eq!(run.turns.len(), 2);
    assert_eq!(run.turns[0].reply, Reply::Skipped);
    assert_eq!(current(&run).reply, Reply::Open);
    assert_ne!(current(&run).skill, run.turns[0].skill, "the next question covers another skill");
    let skipped = answers::Entity::find().one(&app.db).await.unwrap().expect("the skip is stored");
    assert_eq!((skipped.question_id, skipped.is_skipped, skipped.answer_text), (first, true, None));
    assert_eq!(suggestions::Entity::find().count(&app.db).await.unwrap(), 0, "a skip gets no feedback");
    assert_eq!(count_events(&app, "ANSWER_SKIPPED").await, 1);
    let refused =
        ada.call_err("interview/answer", &[("question_id", &first.to_string()), ("answer", STRONG)]).await;
    assert_eq!(
        refused,
        AppError::Conflict("You skipped this question, so it can no longer be answered.".into())
    );
}

#[tokio::test]
async fn a_double_click_on_next_moves_on_once() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let first = current(&run).question_id;

    let (a, b) = tokio::join!(next(&ada, first), next(&ada, first));
    let again = next(&ada, first).await;

    assert_eq!(a.turns.len(), 2);
    assert_eq!(b.turns.len(), 2);
    assert_eq!(again.turns.len(), 2, "a replayed Next from an old question changes nothing");
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn questions_cover_all_ten_skills_before_any_repeats() {
    let app = spawn_app().await;
    let (ada, mut run) = started(&app, "Ada", "ada@example.com").await;

    for _ in 0..10 {
        run = next(&ada, current(&run).question_id).await;
    }

    let skills: Vec<&str> = run.turns.iter().map(|t| t.skill.as_str()).collect();
    let first_ten: std::collections::HashSet<&str> = skills[..10].iter().copied().collect();
    assert_eq!(first_ten.len(), 10, "ten different skills first: {skills:?}");
    assert_eq!(skills[10], skills[0], "then the most important skill again");
    assert_eq!((run.progress.covered, run.progress.total), (10, 10));
    let texts: std::collections::HashSet<&str> = run.turns.iter().map(|t| t.question.as_str()).collect();
    assert_eq!(texts.len(), run.turns.len(), "no question is asked twice");
}

#[tokio::test]
async fn the_next_question_is_prepared_while_the_candidate_answers() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;

    let prefetched = wait_for_prefetch(&app).await;
    let run_after = next(&ada, current(&run).question_id).await;

    assert_eq!(current(&run_after).question_id, prefetched.question_id, "Next shows the prepared question");
    assert_eq!(
        questions::Entity::find()
            .filter(questions::Column::AskedAt.is_not_null())
            .count(&app.db)
            .await
            .unwrap(),
        2
    );
    let page = ada.page(&app.url("/interview")).await;
    assert!(page.contains("Question 2"), "the page shows it");
}

/// Waits until a question is stored but not yet asked.
async fn wait_for_prefetch(app: &TestApp) -> questions::Model {
    for _ in 0..100 {
        let waiting = questions::Entity::find()
            .filter(questions::Column::AskedAt.is_null())
            .one(&app.db)
            .await
            .unwrap();
        if let Some(question) = waiting {
            return question;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no question was prefetched within 2 s");
}

#[tokio::test]
async fn a_fallacy_is_named_with_its_explanation() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;

    let run = running(submit(&ada, current(&run).question_id, FALLACY).await.screen);

    let Reply::Answered { feedback: Some(feedback), .. } = &current(&run).reply else {
        panic!("no feedback")
    };
    let fallacy = feedback.fallacy.as_ref().expect("the bandwagon is detected");
    assert_eq!(fallacy.name, "Bandwagon");
    assert!(fallacy.why.contains("Everyone uses Kubernetes"), "why quotes the answer: {}", fallacy.why);
    assert!(!fallacy.definition.is_empty() && !fallacy.interview_risk.is_empty());
    assert_eq!(count_events(&app, "FALLACY_DETECTED").await, 1);
    let page = ada.page(&app.url("/interview")).await;
    assert!(page.contains("Fallacy Detected \u{2014} Bandwagon"));
    assert!(page.contains("Read more") && page.contains("Probabilistic coaching, not truth."));
}

#[tokio::test]
async fn reloading_resumes_the_interview_with_all_feedback() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    submit(&ada, current(&run).question_id, STRONG).await;
    let run = next(&ada, current(&run).question_id).await;
    let before = next(&ada, current(&run).question_id).await;

    let after_reload = running(ada.call_ok("interview", &[]).await);
    let after_sign_in_again = {
        let again = app.signed_in("Ada", "ada@example.com").await;
        running(again.call_ok("interview", &[]).await)
    };

    assert_eq!(after_reload, before);
    assert_eq!(after_sign_in_again, before);
    assert!(matches!(before.turns[0].reply, Reply::Answered { feedback: Some(_), .. }));
    assert_eq!(before.turns[1].reply, Reply::Skipped);
}

#[tokio::test]
async fn reset_archives_the_interview_and_keeps_the_documents() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    submit(&ada, current(&run).question_id, STRONG).await;

    let screen: InterviewScreen = ada.call_ok("interview/reset", &[]).await;

    assert_eq!(screen.stage, Stage::NotStarted);
    assert_eq!((screen.cv_file_name.as_str(), screen.jd_file_name.as_str()), ("cv.pdf", "jd.txt"));
    let archived = interviews::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].status, "archived");
    assert!(archived[0].archived_at.is_some());
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 1, "the archived answers are kept");
    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(app::server::db::users::cv_text(&app.db, user.user_id).await.unwrap().is_some(), "the CV stays");
    assert_eq!(count_events(&app, "INTERVIEW_RESET").await, 1);

    let fresh = running(ada.call_ok("interview/start", &[]).await);
    assert_eq!(fresh.turns.len(), 1, "the next start is a new interview");
    assert_eq!(interviews::Entity::find().count(&app.db).await.unwrap(), 2);
    let setup = ada.page(&app.url("/setup")).await;
    assert!(setup.contains("cv.pdf") && setup.contains("jd.txt"));
}

#[tokio::test]
async fn answers_are_checked_before_anything_is_stored() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let id = current(&run).question_id.to_string();

    let empty = ada.call_err("interview/answer", &[("question_id", &id), ("answer", "   ")]).await;
    let huge =
        ada.call_err("interview/answer", &[("question_id", &id), ("answer", &"word ".repeat(5_000))]).await;
    let unknown = ada.call_err("interview/answer", &[("question_id", "999999"), ("answer", STRONG)]).await;
    let garbled = ada.call("interview/answer", &[("question_id", "one"), ("answer", STRONG)]).await;

    assert!(matches!(empty, AppError::Validation { ref field, .. } if field == "answer"), "{empty:?}");
    assert!(matches!(huge, AppError::Validation { .. }), "{huge:?}");
    assert_eq!(unknown, AppError::NotFound);
    assert!(garbled.status().is_client_error() || garbled.status().is_server_error());
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_candidate_cannot_answer_skip_or_retry_another_candidates_question() {
    let app = spawn_app().await;
    let (ada, ada_run) = started(&app, "Ada", "ada@example.com").await;
    let (grace, grace_run) = started(&app, "Grace", "grace@example.com").await;
    let adas_question = current(&ada_run).question_id.to_string();

    let answer =
        grace.call_err("interview/answer", &[("question_id", &adas_question), ("answer", STRONG)]).await;
    let skip = grace.call_err("interview/next", &[("question_id", &adas_question)]).await;
    let retry = grace.call_err("interview/retry", &[("question_id", &adas_question)]).await;
    let visitor = app.browser().call_err("interview", &[]).await;

    assert_eq!((answer, skip, retry), (AppError::NotFound, AppError::NotFound, AppError::NotFound));
    assert_eq!(visitor, AppError::Unauthorized);
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 0);
    let ada_now = running(ada.call_ok("interview", &[]).await);
    assert_eq!(ada_now.turns, ada_run.turns, "Ada's interview is untouched");
    let grace_now = running(grace.call_ok("interview", &[]).await);
    assert_eq!(grace_now.turns, grace_run.turns);
    assert_ne!(current(&grace_run).question_id, current(&ada_run).question_id);
}

#[tokio::test]
async fn without_documents_the_interview_says_what_is_missing() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;

    let screen: InterviewScreen = ada.call_ok("interview", &[]).await;
    let start = ada.call_err("interview/start", &[]).await;

    assert_eq!(
        screen.stage,
        Stage::NotReady { reason: "Upload your CV and the job description to start.".into() }
    );
    assert!(matches!(start, AppError::Validation { .. }), "{start:?}");
    assert_eq!(interviews::Entity::find().count(&app.db).await.unwrap(), 0);
}

/// Evaluation fails while `failing` is set.
struct Flaky {
    failing: AtomicBool,
}

#[async_trait::async_trait]
impl Hooks for Flaky {
    async fn before_evaluation(&self) -> Result<(), CoachError> {
        if self.failing.load(Ordering::SeqCst) {
            return Err(CoachError::Unavailable("connection refused (os error 111) at 10.0.0.7".into()));
        }
        Ok(())
    }
}

#[tokio::test]
async fn when_the_coach_fails_the_answer_is_kept_and_retry_feedback_evaluates_it() {
    let coach = Arc::new(OfflineWith(Flaky { failing: AtomicBool::new(true) }));
    let app = spawn_app_with_coach(coach.clone()).await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let id = current(&run).question_id.to_string();

    let failed = submit(&ada, current(&run).question_id, STRONG).await;
    let still_failing: Submitted = ada.call_ok("interview/retry", &[("question_id", &id)]).await;
    coach.0.failing.store(false, Ordering::SeqCst);
    let retried: Submitted = ada.call_ok("interview/retry", &[("question_id", &id)]).await;

    let problem = failed.coach_problem.expect("the candidate is told");
    assert!(problem.contains("Your answer is saved") && problem.contains("Retry feedback"), "{problem}");
    assert!(!problem.contains("os error") && !problem.contains("10.0.0.7"), "no technical detail: {problem}");
    assert!(matches!(&current(&running(failed.screen)).reply, Reply::Answered { feedback: None, .. }));
    assert!(still_failing.coach_problem.is_some());
    assert_eq!(retried.coach_problem, None);
    assert!(matches!(&current(&running(retried.screen)).reply, Reply::Answered { feedback: Some(_), .. }));
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(suggestions::Entity::find().count(&app.db).await.unwrap(), 1);
    let page = ada.page(&app.url("/interview")).await;
    assert!(!page.contains("Retry feedback"), "the retry button goes once feedback is in");
}

/// Seed 5.2: after a scripted run, one join answers who practised for which vacancy, which
/// questions were asked, what was answered or skipped, and the feedback and flags.
#[tokio::test]
async fn one_query_joins_who_which_vacancy_questions_answers_and_feedback() {
    let app = spawn_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    submit(&ada, current(&run).question_id, STRONG).await;
    let run = next(&ada, current(&run).question_id).await;
    let run = next(&ada, current(&run).question_id).await;
    submit(&ada, current(&run).question_id, FALLACY).await;

    let sql = "SELECT u.email, v.position_title, q.question_order, q.skill_tag, q.question_text, \
               a.is_skipped, a.answer_text, s.correctness, s.role_relevance, s.red_flags_count, \
               s.fallacy_name, i.status \
               FROM users u \
               JOIN user_vacancies uv ON uv.user_id = u.user_id \
               JOIN vacancies v ON v.vacancy_id = uv.vacancy_id \
               JOIN interviews i ON i.user_vacancy_id = uv.user_vacancy_id \
               JOIN questions q ON q.interview_id = i.interview_id AND q.asked_at IS NOT NULL \
               LEFT JOIN answers a ON a.question_id = q.question_id \
               LEFT JOIN suggestions s ON s.question_id = q.question_id \
               ORDER BY q.question_order";
    let backend = app.db.get_database_backend();
    let rows = app.db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap();

    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(row.try_get::<String>("", "email").unwrap(), "ada@example.com");
        assert_eq!(row.try_get::<String>("", "position_title").unwrap(), "Backend Engineer");
        assert_eq!(row.try_get::<String>("", "status").unwrap(), "active");
    }
    let skipped: Vec<bool> = rows.iter().map(|r| r.try_get::<bool>("", "is_skipped").unwrap()).collect();
    assert_eq!(skipped, [false, true, false]);
    assert_eq!(rows[0].try_get::<Option<String>>("", "answer_text").unwrap().as_deref(), Some(STRONG));
    assert_eq!(rows[1].try_get::<Option<String>>("", "answer_text").unwrap(), None);
    assert!(rows[0].try_get::<Option<i32>>("", "correctness").unwrap().is_some());
    assert_eq!(rows[1].try_get::<Option<i32>>("", "correctness").unwrap(), None, "a skip has no feedback");
    assert_eq!(rows[2].try_get::<Option<String>>("", "fallacy_name").unwrap().as_deref(), Some("Bandwagon"));
    assert!(rows[2].try_get::<Option<i32>>("", "red_flags_count").unwrap().unwrap() >= 1);
    let vacancy = vacancies::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(vacancy.position_title, "Backend Engineer");
}

#[tokio::test]
async fn two_simultaneous_starts_leave_one_active_interview() {
    let app = spawn_app().await;
    let ada = ready_candidate(&app, "Ada", "ada@example.com").await;

    let (first, second) = tokio::join!(
        ada.call_ok::<InterviewScreen>("interview/start", &[]),
        ada.call_ok::<InterviewScreen>("interview/start", &[])
    );
    let reset: InterviewScreen = ada.call_ok("interview/reset", &[]).await;

    assert_eq!(
        current(&running(first)).question_id,
        current(&running(second)).question_id,
        "both see one interview"
    );
    assert_eq!(reset.stage, Stage::NotStarted, "one reset ends it: no second interview comes back");
    let active = interviews::Entity::find()
        .filter(interviews::Column::Status.eq("active"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(active, 0);
}
