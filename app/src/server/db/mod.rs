//! The database: connecting, migrating, and every SQL statement the app runs.
//!
//! Area modules (`db::users`, `db::answers`, ...) arrive with the features that need them; each
//! holds plain async functions over `&DatabaseConnection`. Entities live in [`entities`] and are
//! written once, then left alone.

pub mod account_data;
pub mod analytics;
pub mod entities;
pub mod events;
pub mod interviews;
pub mod sessions;
pub mod usage_events;
pub mod users;
pub mod vacancies;

use crate::server::coach::text::first_chars;
use std::cell::Cell;
use std::future::Future;
use std::time::Duration;

use chrono::Timelike;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, SqlErr, TransactionTrait,
};
use secrecy::ExposeSecret;

use super::config::Settings;

/// How long a readiness probe waits for the database before calling it unavailable.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// How long a pooled connection may sit unused before it is pinged on its way out of the pool.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(30);

/// Opens the connection pool described by the settings. For SQLite the data directory is
/// created first and the file switched to WAL, so readers never wait for a writer.
pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    if settings.uses_sqlite() {
        std::fs::create_dir_all(&settings.data_dir)
            .map_err(|e| anyhow::anyhow!("cannot create DATA_DIR={}: {e}", settings.data_dir.display()))?;
    }
    let mut options = ConnectOptions::new(settings.database_url.expose_secret().to_owned());
    options
        .max_connections(settings.db_max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        // A connection used in the last half minute is not pinged before it is handed out:
        // pinging every one added a round trip to each statement (sqlx pings each connection
        // it takes back into the pool anyway). One idle longer is, as a server, a proxy or a
        // firewall may have dropped it.
        .test_before_acquire_if_idle_for(IDLE_BEFORE_PING)
        .sqlx_logging(false);
    let mut db = Database::connect(options).await.map_err(|e| {
        anyhow::anyhow!("cannot connect to the database at {}: {e}", settings.database_display())
    })?;
    if settings.uses_sqlite() {
        db.execute_unprepared("PRAGMA journal_mode = WAL").await?;
    }
    log_slow_statements(&mut db, settings.db_slow_statement);
    Ok(db)
}

tokio::task_local! {
    /// The statements run so far by the request this task is answering (see
    /// [`counting_statements`]). Background work the request spawns is not counted: a task-local
    /// value does not pass to a spawned task.
    static REQUEST_STATEMENTS: Cell<u32>;
}

/// Runs `request` and counts the database statements it runs itself. The count goes into each
/// response's Server-Timing header and request log line; tests hold the hot paths to their
/// statement budgets with it.
pub async fn counting_statements<F: Future>(request: F) -> (F::Output, u32) {
    REQUEST_STATEMENTS
        .scope(Cell::new(0), async move {
            let output = request.await;
            (output, REQUEST_STATEMENTS.with(Cell::get))
        })
        .await
}

/// Logs every statement slower than `threshold` (and every failed one at debug level), with
/// its duration, and counts it for the request running it. Only the SQL text is logged: bound
/// values may hold personal data.
fn log_slow_statements(db: &mut DatabaseConnection, threshold: Duration) {
    db.set_metric_callback(move |info| {
        // Outside a counted request (start-up, background work) there is nothing to count.
        let _ = REQUEST_STATEMENTS.try_with(|count| count.set(count.get() + 1));
        if info.elapsed >= threshold {
            tracing::warn!(
                db.duration_ms = info.elapsed.as_millis() as u64,
                db.failed = info.failed,
                db.statement = %first_chars(&info.statement.sql, 300),
                "slow database statement"
            );
        }
    });
}

/// The current time as stored in the database: UTC, microsecond precision.
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    // MySQL keeps microseconds; truncating here makes a saved row equal to its reloaded copy.
    now.with_nanosecond(now.nanosecond() / 1_000 * 1_000).unwrap_or(now)
}

/// Applies every pending migration; running it again is a no-op.
///
/// On MySQL, instances that start together take turns: each holds the named lock
/// `interview_coach_migrations` (`GET_LOCK`, on one pinned connection) while it migrates, and
/// the later ones find nothing left to do. SQLite is the embedded single-instance case.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() != sea_orm::DbBackend::MySql {
        return Migrator::up(db, None).await;
    }
    // A transaction pins one connection: the named lock belongs to that connection's session.
    let pinned = db.begin().await?;
    let locked = pinned
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::MySql,
            format!("SELECT GET_LOCK('{MIGRATION_LOCK}', {MIGRATION_LOCK_WAIT_SECS}) AS locked"),
        ))
        .await?
        .and_then(|row| row.try_get::<Option<i64>>("", "locked").ok().flatten());
    if locked != Some(1) {
        return Err(DbErr::Custom(format!(
            "another instance held the migration lock for more than {MIGRATION_LOCK_WAIT_SECS} s"
        )));
    }
    let migrated = Migrator::up(&pinned, None).await;
    let released =
        pinned.execute_unprepared(&format!("DO RELEASE_LOCK('{MIGRATION_LOCK}')")).await.map(|_| ());
    pinned.commit().await?;
    migrated.and(released)
}

const MIGRATION_LOCK: &str = "interview_coach_migrations";
const MIGRATION_LOCK_WAIT_SECS: u32 = 120;

/// Answers whether the database takes queries right now, within a short time limit.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    match tokio::time::timeout(PING_TIMEOUT, db.ping()).await {
        Ok(result) => result,
        Err(_) => Err(DbErr::Custom(format!("no answer within {PING_TIMEOUT:?}"))),
    }
}

/// A rule the database refused to break, told apart from other failures so callers can turn it
/// into the right message (for example "already submitted" instead of a server error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConstraintViolation {
    /// A unique key already holds this value.
    Unique,
    /// A referenced row does not exist (or a referenced row is still in use).
    ForeignKey,
}

/// Classifies a database error as a constraint violation, on MySQL/MariaDB and SQLite alike.
pub fn constraint_violation(error: &DbErr) -> Option<ConstraintViolation> {
    match error.sql_err()? {
        SqlErr::UniqueConstraintViolation(_) => Some(ConstraintViolation::Unique),
        SqlErr::ForeignKeyConstraintViolation(_) => Some(ConstraintViolation::ForeignKey),
        _ => None,
    }
}

/// A write the database refused because a unique key already holds the value: the row is
/// already there (another tab, another instance, a replay got there first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate;

/// Tells "a unique key already holds this value" apart from other database failures, so the
/// caller decides what it means (a `Conflict`, the existing row, nothing) and every other failure
/// still flows with `?`:
///
/// ```ignore
/// db::interviews::insert_question(db, new)
///     .await
///     .or_duplicate()
///     .context("saving the new question")?
///     .map_err(|Duplicate| AppError::Conflict(messages::MOVED_ON_ELSEWHERE.into()))?;
/// ```
pub trait UniqueKeyExt<T> {
    fn or_duplicate(self) -> Result<Result<T, Duplicate>, DbErr>;
}

impl<T> UniqueKeyExt<T> for Result<T, DbErr> {
    fn or_duplicate(self) -> Result<Result<T, Duplicate>, DbErr> {
        match self {
            Ok(value) => Ok(Ok(value)),
            Err(error) if constraint_violation(&error) == Some(ConstraintViolation::Unique) => {
                Ok(Err(Duplicate))
            }
            Err(error) => Err(error),
        }
    }
}

/// Whether the database gave up on a transaction because of another one (a deadlock, a lock
/// wait timeout, SQLite busy): running the same transaction again is the remedy.
pub fn is_transient(error: &DbErr) -> bool {
    let text = error.to_string();
    ["Deadlock found", "1213", "Lock wait timeout", "1205", "database is locked"]
        .iter()
        .any(|sign| text.contains(sign))
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn only_a_unique_key_violation_becomes_a_duplicate() {
        use sea_orm::{ConnectionTrait, Database};

        use super::{Duplicate, UniqueKeyExt};
        let db = Database::connect("sqlite::memory:").await.expect("in-memory SQLite");
        db.execute_unprepared("CREATE TABLE answers (question_id INTEGER NOT NULL UNIQUE)")
            .await
            .expect("table");
        let insert = || db.execute_unprepared("INSERT INTO answers (question_id) VALUES (7)");

        assert!(matches!(insert().await.or_duplicate(), Ok(Ok(_))));
        assert!(matches!(insert().await.or_duplicate(), Ok(Err(Duplicate))));
        let broken = db.execute_unprepared("INSERT INTO missing (question_id) VALUES (7)").await;
        assert!(broken.or_duplicate().is_err(), "a missing table is a failure, not a duplicate");
    }
}
