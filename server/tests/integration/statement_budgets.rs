//! The hot paths' database budgets: a read of the interview screen runs at most 3 statements,
//! "Next Question" at most 7, as counted by the server itself for every request (its
//! Server-Timing header says `db;desc="N statements"`). Background work a request starts (the
//! prefetch of the next question) is not the request's. On MySQL/MariaDB neither path makes the
//! server write a temporary table to disk (as sorting rows that carry long text columns does).

use app::model::interview::InterviewScreen;
use app::server::db::entities::questions;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, Statement};

use crate::interview::{current, running};
use crate::support::files::fixture;
use crate::support::{Browser, TestApp, spawn_app};

const SCREEN_READ_BUDGET: u32 = 3;
const NEXT_QUESTION_BUDGET: u32 = 7;

/// The statement count the server reported for a response.
fn statements(response: &reqwest::Response) -> u32 {
    let timing: Vec<&str> =
        response.headers().get_all("server-timing").iter().filter_map(|value| value.to_str().ok()).collect();
    timing
        .iter()
        .flat_map(|value| value.split(','))
        .find_map(|part| part.trim().strip_prefix("db;desc=\"")?.strip_suffix(" statements\"")?.parse().ok())
        .unwrap_or_else(|| panic!("no statement count in Server-Timing: {timing:?}"))
}

async fn current_question(response: reqwest::Response) -> i64 {
    assert!(response.status().is_success(), "the call failed: {}", response.status());
    let screen: InterviewScreen = response.json().await.unwrap();
    current(&running(screen)).question_id
}

/// Waits until the interview's next question is prefetched (stored, not yet asked).
async fn prefetched(app: &TestApp) {
    for _ in 0..200 {
        let waiting = questions::Entity::find()
            .filter(questions::Column::AskedAt.is_null())
            .count(&app.db)
            .await
            .unwrap();
        if waiting == 1 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the next question was never prefetched");
}

/// How many temporary tables the MySQL/MariaDB server has written to disk since it started
/// (every connection's, so only meaningful while this test is the only one running: the suite
/// runs one test at a time), or `None` on SQLite. (In-memory ones are not counted: asking for
/// the status builds one itself.)
async fn temporary_tables_on_disk(app: &TestApp) -> Option<u64> {
    if app.db.get_database_backend() != DbBackend::MySql {
        return None;
    }
    let sql = "SHOW GLOBAL STATUS LIKE 'Created_tmp_disk_tables'";
    let row = app.db.query_one_raw(Statement::from_string(DbBackend::MySql, sql)).await.unwrap().unwrap();
    Some(row.try_get::<String>("", "Value").unwrap().parse().unwrap())
}

async fn interview_started(app: &TestApp) -> (Browser, i64) {
    let browser = app.signed_in("Ada", "ada@example.com").await;
    browser.upload("/documents/cv", "cv.pdf", fixture("cv-two-pages.pdf"), None).await;
    browser.upload("/documents/jd", "jd.txt", fixture("jd.txt"), Some("Backend Engineer")).await;
    let first = current_question(browser.server_fn("interview/start").await).await;
    (browser, first)
}

#[tokio::test]
async fn reading_the_interview_screen_stays_within_its_statement_budget() {
    let app = spawn_app().await;
    let (browser, first) = interview_started(&app).await;
    prefetched(&app).await;

    let tables_before = temporary_tables_on_disk(&app).await;
    let read = browser.server_fn("interview").await;
    let used = statements(&read);
    println!("interview screen read: {used} statements");
    let tables_after = temporary_tables_on_disk(&app).await;
    assert_eq!(tables_before, tables_after, "a screen read wrote temporary tables to disk");
    assert_eq!(current_question(read).await, first);
    assert!(used <= SCREEN_READ_BUDGET, "a screen read ran {used} statements (budget {SCREEN_READ_BUDGET})");

    // After a skip, analytics are open: the budget still holds.
    let fields = [("question_id", first.to_string())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    current_question(browser.call("interview/next", &fields).await).await;
    prefetched(&app).await;
    let read = browser.server_fn("interview").await;
    let used = statements(&read);
    current_question(read).await;
    assert!(used <= SCREEN_READ_BUDGET, "a screen read ran {used} statements (budget {SCREEN_READ_BUDGET})");
}

#[tokio::test]
async fn next_question_stays_within_its_statement_budget() {
    let app = spawn_app().await;
    let (browser, mut current) = interview_started(&app).await;
    prefetched(&app).await;
    // Next Question and the prefetch it starts in the background, three times over.
    let tables_before = temporary_tables_on_disk(&app).await;
    for _ in 0..3 {
        let id = current.to_string();
        let next = browser.call("interview/next", &[("question_id", id.as_str())]).await;
        let used = statements(&next);
        println!("Next Question: {used} statements");
        let shown = current_question(next).await;
        assert_ne!(shown, current, "Next moved on");
        assert!(
            used <= NEXT_QUESTION_BUDGET,
            "Next Question ran {used} statements (budget {NEXT_QUESTION_BUDGET})"
        );
        current = shown;
        prefetched(&app).await;
    }
    let tables_after = temporary_tables_on_disk(&app).await;
    assert_eq!(tables_before, tables_after, "Next Question or its prefetch wrote temporary tables to disk");
}
