//! A tower-sessions store on the app's own database, so every instance behind a load balancer
//! sees the same sessions. (The published sqlx store does not build with sea-orm 2's sqlx.)
//! Records are stored as JSON bytes; expired rows are never loaded and are swept periodically.

use std::time::Duration;

use chrono::NaiveDateTime;
use sea_orm::DatabaseConnection;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use crate::server::db::{self, Duplicate, UniqueKeyExt};

/// Sessions in the `sessions` table.
#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: DatabaseConnection,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Deletes expired sessions (and usage rows no limit counts any more) every `period`, for as
    /// long as the process runs.
    pub fn spawn_expiry_sweeper(&self, period: Duration) -> tokio::task::JoinHandle<()> {
        let db = self.db.clone();
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(period);
            loop {
                ticker.tick().await;
                match db::sessions::delete_expired(&db, db::now()).await {
                    Ok(0) => {}
                    Ok(removed) => tracing::debug!(removed, "expired sessions removed"),
                    Err(error) => tracing::warn!(%error, "could not remove expired sessions"),
                }
                // The per-candidate limits' old rows go with the same sweep.
                if let Err(error) = crate::server::limits::sweep(&db).await {
                    tracing::warn!(%error, "could not remove old usage rows");
                }
            }
        })
    }
}

fn backend(error: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

fn encode(record: &Record) -> session_store::Result<(String, Vec<u8>, NaiveDateTime)> {
    let data = serde_json::to_vec(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    Ok((record.id.to_string(), data, to_naive_utc(record.expiry_date)))
}

fn to_naive_utc(time: OffsetDateTime) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(time.unix_timestamp(), time.nanosecond()).unwrap_or_default().naive_utc()
}

fn to_offset(time: NaiveDateTime) -> OffsetDateTime {
    let utc = time.and_utc();
    OffsetDateTime::from_unix_timestamp(utc.timestamp())
        .map(|t| t + time::Duration::nanoseconds(i64::from(utc.timestamp_subsec_nanos())))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // Ids are 128 random bits; a collision is practically impossible but must not let one
        // visitor take over another's session, so it gets a fresh id instead of an overwrite.
        loop {
            let (id, data, expires) = encode(record)?;
            match db::sessions::insert(&self.db, &id, data, expires).await.or_duplicate().map_err(backend)? {
                Ok(()) => return Ok(()),
                Err(Duplicate) => record.id = Id::default(),
            }
        }
    }

    /// Updates the session's row, never re-creates it: a request that began before sign-out
    /// (a slow upload, say) must not bring the signed-out session back when it ends.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let (id, data, expires) = encode(record)?;
        if !db::sessions::update(&self.db, &id, data, expires).await.map_err(backend)? {
            tracing::debug!("a session ended while a request was using it; not saved");
        }
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let Some(row) = db::sessions::load(&self.db, &id.to_string(), db::now()).await.map_err(backend)?
        else {
            return Ok(None);
        };
        let data =
            serde_json::from_slice(&row.data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record { id: *id, data, expiry_date: to_offset(row.expiry_date) }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        db::sessions::delete(&self.db, &id.to_string()).await.map_err(backend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_survives_the_conversion_to_the_column_and_back() {
        let expiry = OffsetDateTime::from_unix_timestamp(2_000_000_000).unwrap()
            + time::Duration::microseconds(123_456);
        assert_eq!(to_offset(to_naive_utc(expiry)), expiry);
    }
}
