//! The schema: migrations apply twice without harm and leave every seed column in place, read
//! back from the database's own catalog.

use std::collections::{BTreeMap, BTreeSet};

use app::server::db;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};

use crate::support::TestDatabase;

/// The seed data model (DESIGN.md §3), plus the product's own tables.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "users",
        &[
            "user_id",
            "email",
            "first_name",
            "last_name",
            "created_at",
            "last_login_at",
            "profile_json",
            "top_skills_json",
            "cv_file_hash",
            "cv_text",
        ],
    ),
    ("vacancies", &["vacancy_id", "position_title", "jd_file_hash", "jd_text", "created_at"]),
    ("user_vacancies", &["user_vacancy_id", "user_id", "vacancy_id", "created_at"]),
    ("interviews", &["interview_id", "user_vacancy_id", "status", "started_at", "archived_at"]),
    (
        "questions",
        &[
            "question_id",
            "interview_id",
            "user_vacancy_id",
            "question_text",
            "category",
            "difficulty",
            "skill_tag",
            "skill_tags_json",
            "question_order",
            "created_at",
            "asked_at",
        ],
    ),
    ("answers", &["answer_id", "question_id", "answer_text", "is_skipped", "created_at"]),
    (
        "suggestions",
        &[
            "suggestion_id",
            "question_id",
            "correctness",
            "role_relevance",
            "red_flags_count",
            "red_flags_text",
            "improvements_text",
            "suggested_rewrite",
            "followup_question",
            "fallacy_detected",
            "fallacy_name",
            "fallacy_explanation",
            "coach_hint",
            "coach_model",
            "prompt_version",
            "created_at",
        ],
    ),
    (
        "events",
        &["event_id", "name", "user_id", "vacancy_id", "request_id", "duration_ms", "detail", "created_at"],
    ),
    ("sessions", &["id", "data", "expiry_date"]),
    (
        "candidate_stats",
        &[
            "user_id",
            "attempted",
            "skipped",
            "evaluated",
            "correctness_sum",
            "relevance_sum",
            "red_flags_sum",
            "rank_key",
            "updated_at",
        ],
    ),
    ("correctness_histogram", &["rank_key", "candidates"]),
    ("usage_events", &["usage_id", "user_id", "action", "at"]),
];

/// (table, column) → (declared type, nullable), from the catalog.
async fn catalog(
    db: &DatabaseConnection,
    backend: DatabaseBackend,
) -> BTreeMap<(String, String), (String, bool)> {
    let sql = match backend {
        DatabaseBackend::MySql => {
            "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS ty, IS_NULLABLE = 'YES' AS n \
             FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
        }
        _ => {
            "SELECT m.name AS t, p.name AS c, p.type AS ty, p.\"notnull\" = 0 AS n \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
        }
    };
    let rows = db.query_all_raw(Statement::from_string(backend, sql)).await.expect("read the catalog");
    rows.iter()
        .map(|row| {
            let get = |c: &str| row.try_get::<String>("", c).expect(c);
            let nullable =
                row.try_get::<bool>("", "n").or_else(|_| row.try_get::<i64>("", "n").map(|n| n != 0));
            ((get("t"), get("c")), (get("ty").to_lowercase(), nullable.expect("n")))
        })
        .collect()
}

#[tokio::test]
async fn migrations_apply_twice_and_every_seed_column_exists() {
    let database = TestDatabase::fresh().await;
    let conn = database.connect().await;

    db::migrate(&conn).await.expect("first run applies the schema");
    db::migrate(&conn).await.expect("second run is a no-op");

    let columns = catalog(&conn, database.backend).await;
    let mut missing = BTreeSet::new();
    for (table, expected) in EXPECTED {
        for column in *expected {
            if !columns.contains_key(&(table.to_string(), column.to_string())) {
                missing.insert(format!("{table}.{column}"));
            }
        }
    }
    assert!(missing.is_empty(), "missing columns: {missing:?}");

    let nullable = |t: &str, c: &str| columns[&(t.to_owned(), c.to_owned())].1;
    assert!(nullable("answers", "answer_text"), "a skip has no text");
    assert!(!nullable("users", "email"));
    assert!(!nullable("answers", "is_skipped"));
}

#[tokio::test]
async fn mysql_uses_microsecond_datetimes_and_long_text() {
    let database = TestDatabase::fresh().await;
    if database.backend != DatabaseBackend::MySql {
        // The SQLite run has no such types; the MySQL run (TEST_MYSQL_URL) checks them.
        return;
    }
    let conn = database.connect().await;
    db::migrate(&conn).await.unwrap();
    let columns = catalog(&conn, database.backend).await;
    let ty = |t: &str, c: &str| columns[&(t.to_owned(), c.to_owned())].0.clone();

    for (table, column) in [
        ("users", "created_at"),
        ("answers", "created_at"),
        ("sessions", "expiry_date"),
        ("usage_events", "at"),
    ] {
        assert_eq!(ty(table, column), "datetime(6)", "{table}.{column}");
    }
    for (table, column) in [("users", "cv_text"), ("vacancies", "jd_text"), ("answers", "answer_text")] {
        assert_eq!(ty(table, column), "longtext", "{table}.{column}");
    }
    assert_eq!(ty("users", "user_id"), "bigint(20)");

    let engines = conn
        .query_all_raw(Statement::from_string(
            database.backend,
            "SELECT TABLE_NAME AS t, ENGINE AS e, TABLE_COLLATION AS co FROM information_schema.TABLES \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'seaql_migrations'",
        ))
        .await
        .unwrap();
    assert_eq!(engines.len(), EXPECTED.len());
    for row in engines {
        let table: String = row.try_get("", "t").unwrap();
        assert_eq!(row.try_get::<String>("", "e").unwrap(), "InnoDB", "{table}");
        assert!(row.try_get::<String>("", "co").unwrap().starts_with("utf8mb4"), "{table}");
    }
}

#[tokio::test]
async fn existing_skills_move_to_the_candidates_most_recent_vacancy() {
    use migration::{Migrator, MigratorTrait};
    let database = TestDatabase::fresh().await;
    let conn = database.connect().await;
    let before_vacancy_profiles = Migrator::migrations()
        .iter()
        .position(|m| m.name().contains("add_vacancy_profiles"))
        .expect("the migration exists") as u32;
    Migrator::up(&conn, Some(before_vacancy_profiles)).await.expect("the schema before per-vacancy skills");
    let run =
        |sql: &str| conn.execute_raw(Statement::from_string(conn.get_database_backend(), sql.to_owned()));
    run("INSERT INTO users (user_id, email, first_name, last_name, created_at, last_login_at, email_verified, \
         profile_json, top_skills_json) VALUES (1, 'ada@example.com', 'Ada', 'L', '2026-11-01 10:00:00', \
         '2026-11-01 10:00:00', 1, '{\"p\":1}', '[{\"name\":\"Rust\"}]')")
        .await
        .unwrap();
    for (id, hash) in [(1, "a"), (2, "b")] {
        run(&format!(
            "INSERT INTO vacancies (vacancy_id, position_title, jd_file_hash, jd_text, created_at) \
             VALUES ({id}, 'T', '{hash}', 'jd', '2026-11-01 10:00:00')"
        ))
        .await
        .unwrap();
    }
    run("INSERT INTO user_vacancies (user_vacancy_id, user_id, vacancy_id, created_at, last_used_at, position_title) \
         VALUES (1, 1, 1, '2026-11-01 10:00:00', '2026-11-03 10:00:00', 'Newer'), \
                (2, 1, 2, '2026-11-02 10:00:00', '2026-11-02 10:00:00', 'Older')")
        .await
        .unwrap();

    Migrator::up(&conn, None).await.expect("per-vacancy skills");

    let rows = conn
        .query_all_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT position_title, top_skills_json, profile_json FROM user_vacancies ORDER BY user_vacancy_id",
        ))
        .await
        .unwrap();
    let read = |i: usize, column: &str| rows[i].try_get::<Option<String>>("", column).unwrap();
    assert_eq!(
        read(0, "top_skills_json").as_deref(),
        Some("[{\"name\":\"Rust\"}]"),
        "the most recently used link"
    );
    assert_eq!(read(0, "profile_json").as_deref(), Some("{\"p\":1}"));
    assert_eq!(read(1, "top_skills_json"), None, "another vacancy's skills were never computed");
}
