//! Two instances on one database, with no affinity: one browser's requests alternate between
//! them, and two tabs on different instances race. Nothing may depend on which instance served
//! the request before, and the coach is asked once per question and once per answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use app::model::interview::{InterviewScreen, Run, Stage};
use app::server::coach::engine::CoachError;
use app::server::db::entities::{answers, interviews, questions, suggestions};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};

use crate::support::coach::{Hooks, OfflineWith};
use crate::support::files::fixture;
use crate::support::{TestApp, spawn_two_instances};

/// Counts the coach's calls (shared by both instances), each taking a moment: long enough for
/// the other instance to arrive meanwhile.
#[derive(Default)]
struct Counting {
    questions: AtomicUsize,
    evaluations: AtomicUsize,
}

#[async_trait::async_trait]
impl Hooks for Counting {
    async fn before_question(&self) {
        self.questions.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    async fn before_evaluation(&self) -> Result<(), CoachError> {
        self.evaluations.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(50)).await;
        Ok(())
    }
}

/// One browser's session, sent to whichever instance a request goes to (no affinity).
struct Tab {
    client: reqwest::Client,
    cookie: String,
}

impl Tab {
    async fn signed_in(app: &TestApp) -> Self {
        Self { client: app.browser().client, cookie: app.session_cookie("Ada", "ada@example.com").await }
    }

    async fn call(&self, app: &TestApp, name: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(app.url(&format!("/api/{name}")))
            .header("origin", app.url(""))
            .header("cookie", &self.cookie)
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    async fn run(&self, app: &TestApp, name: &str, fields: &[(&str, &str)]) -> Run {
        let response = self.call(app, name, fields).await;
        let status = response.status();
        let body = response.text().await.unwrap();
        assert!(status.is_success(), "{name} failed with {status}: {body}");
        let screen: InterviewScreen = serde_json::from_str(&body).unwrap();
        match screen.stage {
            Stage::Running(run) => run,
            other => panic!("expected a running interview, got {other:?}"),
        }
    }

    async fn upload(&self, app: &TestApp, path: &str, file: &str, title: Option<&str>) {
        let mut form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(fixture(file)).file_name(file.to_owned()));
        if let Some(title) = title {
            form = form.text("position_title", title.to_owned());
        }
        let response = self
            .client
            .post(app.url(path))
            .header("origin", app.url(""))
            .header("cookie", &self.cookie)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_redirection());
    }
}

async fn count<E: EntityTrait>(app: &TestApp) -> u64
where
    E::Model: Sync,
{
    E::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn one_browser_alternating_between_instances_goes_through_the_whole_journey() {
    let coach = Arc::new(OfflineWith(Counting::default()));
    let (a, b) = spawn_two_instances(coach.clone()).await;
    let tab = Tab::signed_in(&a).await;
    tab.upload(&b, "/documents/cv", "cv-two-pages.pdf", None).await;
    tab.upload(&a, "/documents/jd", "jd.txt", Some("Backend Engineer")).await;

    let mut run = tab.run(&b, "interview/start", &[]).await;
    let answer = "I profiled the payments service, replaced blocking calls with an async pool and cut p99 \
                  latency from 900 ms to 120 ms in a quarter.";
    for round in 0..4 {
        let (here, there) = if round % 2 == 0 { (&a, &b) } else { (&b, &a) };
        let id = run.current().expect("a question").question_id.to_string();
        let submitted = tab.call(here, "interview/answer", &[("question_id", &id), ("answer", answer)]).await;
        assert!(submitted.status().is_success(), "round {round}: {}", submitted.status());
        run = tab.run(there, "interview/next", &[("question_id", &id)]).await;
    }
    assert_eq!(run.turns.len(), 5);

    let analytics = tab.call(&b, "analytics", &[]).await;
    assert!(analytics.status().is_success());
    let report = tab
        .client
        .post(a.url("/analytics/report"))
        .header("origin", a.url(""))
        .header("cookie", &tab.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(report.status(), 200);
    assert!(report.bytes().await.unwrap().starts_with(b"%PDF"));

    assert_eq!(count::<answers::Entity>(&a).await, 4);
    assert_eq!(count::<suggestions::Entity>(&a).await, 4);
    assert_eq!(coach.0.evaluations.load(Ordering::SeqCst), 4, "one evaluation per answer");
}

#[tokio::test]
async fn tabs_on_two_instances_racing_ask_the_coach_once_per_question_and_answer() {
    let coach = Arc::new(OfflineWith(Counting::default()));
    let (a, b) = spawn_two_instances(coach.clone()).await;
    let tab = Tab::signed_in(&a).await;
    tab.upload(&a, "/documents/cv", "cv-two-pages.pdf", None).await;
    tab.upload(&b, "/documents/jd", "jd.txt", Some("Backend Engineer")).await;
    let mut run = tab.run(&a, "interview/start", &[]).await;

    for _ in 0..5 {
        let id = run.current().expect("a question").question_id.to_string();
        // Both tabs submit the same question at once, then both click "Next" at once.
        let fields =
            [("question_id", id.as_str()), ("answer", "I shipped it and measured a 40% drop in p99.")];
        let (first, second) = tokio::join!(
            tab.call(&a, "interview/answer", &fields),
            tab.call(&b, "interview/answer", &fields)
        );
        let statuses = [first.status().as_u16(), second.status().as_u16()];
        assert!(statuses.contains(&200) && statuses.contains(&409), "one submit wins: {statuses:?}");
        let next = [("question_id", id.as_str())];
        let (left, right) =
            tokio::join!(tab.run(&a, "interview/next", &next), tab.run(&b, "interview/next", &next));
        assert_eq!(
            left.current().map(|t| t.question_id),
            right.current().map(|t| t.question_id),
            "both tabs show the same next question"
        );
        run = left;
    }
    // Let the last prefetch finish.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let stored_questions = count::<questions::Entity>(&a).await as usize;
    assert_eq!(coach.0.questions.load(Ordering::SeqCst), stored_questions, "one coach call per question");
    assert_eq!(count::<answers::Entity>(&a).await, 5);
    assert_eq!(count::<suggestions::Entity>(&a).await, 5);
    assert_eq!(coach.0.evaluations.load(Ordering::SeqCst), 5, "one evaluation per answer");
    assert_eq!(run.turns.len(), 6, "no question was skipped twice or asked twice");
}

/// The coach's second question (the first prefetch) never comes: the instance asking for it is
/// stopped while it waits.
#[derive(Default)]
struct Stalling {
    questions: AtomicUsize,
}

#[async_trait::async_trait]
impl Hooks for Stalling {
    async fn before_question(&self) {
        if self.questions.fetch_add(1, Ordering::SeqCst) + 1 == 2 {
            std::future::pending::<()>().await;
        }
    }
}

async fn lease_token(app: &TestApp) -> Option<String> {
    let interview = interviews::Entity::find().one(&app.db).await.unwrap().expect("an interview");
    interview.lease_token
}

/// SIGTERM in the middle of a prefetch: the instance still stops at once, and gives the
/// interview's lease back, so the candidate's next click on another instance is served now
/// rather than after the lease expires (the coach's time limit plus a margin, over a minute).
#[tokio::test]
async fn an_instance_stopped_during_a_prefetch_leaves_no_lease_behind() {
    let coach = Arc::new(OfflineWith(Stalling::default()));
    let (a, b) = spawn_two_instances(coach.clone()).await;
    let tab = Tab::signed_in(&a).await;
    tab.upload(&a, "/documents/cv", "cv-two-pages.pdf", None).await;
    tab.upload(&a, "/documents/jd", "jd.txt", Some("Backend Engineer")).await;
    let run = tab.run(&a, "interview/start", &[]).await;
    let first = run.current().expect("a first question").question_id.to_string();
    for _ in 0..200 {
        if coach.0.questions.load(Ordering::SeqCst) >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(coach.0.questions.load(Ordering::SeqCst), 2, "the prefetch is waiting on the coach");
    assert!(lease_token(&b).await.is_some(), "the prefetch holds the interview's lease");

    let stopping = Instant::now();
    a.stop().await;
    assert!(stopping.elapsed() < Duration::from_secs(5), "shutdown waited for the stalled prefetch");
    assert_eq!(lease_token(&b).await, None, "the stopped instance gave its lease back");

    let clicked = Instant::now();
    let next = tab.run(&b, "interview/next", &[("question_id", first.as_str())]).await;
    assert!(clicked.elapsed() < Duration::from_secs(5), "Next waited {:?} for a lease", clicked.elapsed());
    assert_eq!(next.turns.len(), 2, "the skipped question and a new one");
    assert_eq!(coach.0.questions.load(Ordering::SeqCst), 3, "the other instance asked the coach itself");
}

/// Ten instances starting at the same moment on an empty MySQL database all come up: the
/// migrations run under a named lock, once. (SQLite is the embedded single-instance case.)
#[tokio::test]
async fn ten_instances_starting_together_on_an_empty_database_all_come_up() {
    use crate::support::{TestDatabase, document_reader, test_env};
    use app::server::config::Settings;
    use app::server::startup::Application;

    let database = TestDatabase::fresh().await;
    if database.backend != sea_orm::DatabaseBackend::MySql {
        return;
    }
    let starts = (0..10).map(|i| {
        let env = test_env(&database, &crate::support::scratch_dir(&database, &format!("instance-{i}")));
        async move {
            let mut settings = Settings::from_lookup(|name| env.get(name).cloned()).expect("valid settings");
            settings.document_reader = document_reader();
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
            Application::build_on(settings, listener).await.map(|_| ())
        }
    });
    let results = futures_util::future::join_all(starts).await;
    for (i, result) in results.iter().enumerate() {
        assert!(result.is_ok(), "instance {i} did not come up: {:?}", result.as_ref().err());
    }
    let conn = database.connect().await;
    let applied = conn
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::MySql,
            "SELECT COUNT(*) AS n FROM seaql_migrations",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(applied as usize, <migration::Migrator as migration::MigratorTrait>::migrations().len());
}
