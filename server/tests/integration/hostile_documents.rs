//! Documents built to overwhelm readers (tests/fixtures/hostile, made by its generate.py):
//! each is refused with its own message within the time limit, the server's memory does not
//! grow with them, nothing saved before is lost, and a normal upload works right after.

use std::time::{Duration, Instant};

use app::server::db::entities::users;
use app::server::documents::{DocumentError, DocumentKind, TIME_LIMIT_SECS};
use sea_orm::EntityTrait;

use crate::documents::read;
use crate::support::files::fixture;
use crate::support::spawn_app;

fn hostile(name: &str) -> Vec<u8> {
    fixture(&format!("hostile/{name}"))
}

/// This process's resident memory in KiB (Linux).
fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .expect("VmRSS in /proc/self/status")
}

/// Longest a refusal may take: the reader's own limit plus process start-up.
const DEADLINE: Duration = Duration::from_secs(TIME_LIMIT_SECS + 5);

#[tokio::test]
async fn each_bomb_is_refused_within_the_time_limit_with_its_own_message() {
    let cases = [
        ("nested-flate.pdf", "expands to more than 256 MB when opened"),
        ("object-stream-bomb.pdf", "expands to more than 256 MB when opened"),
        ("lying-sizes.docx", "a part is larger than it claims"),
        // Within every limit of the archive; only the reader's memory limit stops this one.
        ("many-paragraphs.docx", "expands to more than 256 MB when opened"),
    ];
    for (name, expected) in cases {
        let started = Instant::now();
        let error = read(name, hostile(name)).await.expect_err(name);
        let took = started.elapsed();
        assert!(error.user_message().contains(expected), "{name}: {error:?}: {}", error.user_message());
        assert!(took < DEADLINE, "{name} took {took:?}");
    }
}

/// A cross-reference loop, and object streams decoded while loading whose peak depends on the
/// allocator: lopdf may get through them (the page says "Rust engineer", too short for a CV),
/// give up, or reach a limit; either way a clear refusal, never a hang or a crash.
#[tokio::test]
async fn files_a_reader_may_get_through_end_as_a_refusal_not_a_hang() {
    for name in ["xref-loop.pdf", "many-object-streams.pdf"] {
        let started = Instant::now();
        let result = read(name, hostile(name)).await;
        let took = started.elapsed();
        assert!(took < DEADLINE, "{name} took {took:?}");
        let error = result.expect_err("a few words are not a CV");
        assert!(
            matches!(
                error,
                DocumentError::TooLittleText(_)
                    | DocumentError::Unreadable(_)
                    | DocumentError::TimedOut
                    | DocumentError::ExpandsTooMuch { kind: DocumentKind::Pdf }
            ),
            "{name}: {error:?}"
        );
    }
}

#[tokio::test]
async fn the_memory_limit_is_named_for_the_kind_of_file() {
    let error = read("many-paragraphs.docx", hostile("many-paragraphs.docx")).await.unwrap_err();
    assert_eq!(error, DocumentError::ExpandsTooMuch { kind: DocumentKind::Docx });
    assert!(error.user_message().starts_with("This Word file expands to more than 256 MB when opened"));
}

#[tokio::test]
async fn bombs_through_the_server_leave_its_memory_and_saved_cv_alone() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let upload_cv = |name: &'static str, bytes: Vec<u8>| {
        let ada = &ada;
        async move { ada.upload("/documents/cv", name, bytes, None).await }
    };
    assert_eq!(upload_cv("cv.pdf", fixture("cv-two-pages.pdf")).await, "/setup");
    let before = resident_kib();

    for name in ["nested-flate.pdf", "object-stream-bomb.pdf", "many-paragraphs.docx", "lying-sizes.docx"] {
        let started = Instant::now();
        assert_eq!(upload_cv(name, hostile(name)).await, "/setup", "{name}");
        assert!(started.elapsed() < DEADLINE, "{name} took {:?}", started.elapsed());
        let page = ada.page(&app.url("/setup")).await;
        assert!(
            page.contains("expands to more than 256 MB") || page.contains("larger than it claims"),
            "{name}: no clear message on the page"
        );
        assert!(app.get("/healthz").await.status().is_success(), "{name}: server down");
    }
    let grown_mib = resident_kib().saturating_sub(before) / 1024;
    // The readers run in child processes: the test process (which is the server here) holds
    // only the uploads and the replies.
    assert!(grown_mib < 64, "the server grew by {grown_mib} MiB");

    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(
        app::server::db::users::cv_text(&app.db, user.user_id)
            .await
            .unwrap()
            .is_some_and(|t| t.contains("Ada Lovelace")),
        "the saved CV was kept"
    );

    // A normal upload right after works (the reader slots are free).
    let started = Instant::now();
    assert_eq!(upload_cv("grace.docx", fixture("cv-with-table.docx")).await, "/setup");
    assert!(started.elapsed() < Duration::from_secs(10));
    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(
        app::server::db::users::cv_text(&app.db, user.user_id)
            .await
            .unwrap()
            .is_some_and(|t| t.contains("Grace Hopper")),
        "the new CV was read"
    );
}
