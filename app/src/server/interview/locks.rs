//! One lease per interview, in the database, for moving on and generating questions.
//!
//! A prefetch in flight and a "Next Question" click, on this instance or any other, must never
//! ask the coach twice for the same slot. So whoever moves an interview on first takes its
//! lease (`interviews.lease_token` / `lease_until`) with one conditional UPDATE; everyone else
//! waits, polling, until it is given back, then reads what was stored meanwhile. A lease
//! expires on its own after the coach's time limit and a margin, so an instance that dies
//! holding one delays others by that much at most; at shutdown an instance gives back all of
//! its leases at once (their tokens start with its own id). SQLite, with one writer, needs
//! nothing else; MySQL's row lock on the UPDATE decides races between instances.

use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;

use crate::error::{AppError, ResultExt};
use crate::server::db;

/// How soon a waiting request first looks again whether the lease is free: a prefetch by the
/// offline coach holds it for a few milliseconds. The wait doubles up to [`POLL_MAX`] for
/// holders that wait on a language model.
const POLL_FIRST: Duration = Duration::from_millis(2);
const POLL_MAX: Duration = Duration::from_millis(50);
/// Added to the coach's time limit: how long a lease may outlive its holder.
const MARGIN: Duration = Duration::from_secs(10);

/// Hands out interview leases for this instance.
#[derive(Clone)]
pub struct QuestionLocks {
    db: DatabaseConnection,
    /// This instance's id: the prefix of every token it hands out.
    instance: Arc<str>,
    /// How long a lease lasts unless given back (the coach's time limit plus a margin).
    lifetime: Duration,
}

/// A held lease; dropping it gives it back (in the background).
pub struct QuestionLock {
    db: DatabaseConnection,
    interview_id: i64,
    token: String,
}

impl QuestionLocks {
    pub fn new(db: DatabaseConnection, coach_timeout: Duration) -> Self {
        let instance: Arc<str> = uuid::Uuid::new_v4().simple().to_string().into();
        Self { db, instance, lifetime: coach_timeout + MARGIN }
    }

    /// Waits for the interview's lease and takes it. A lease is only granted while the interview
    /// is active: a reset interview is a conflict ("reset elsewhere"). Gives up (as "try again")
    /// when it could not be had within one lease lifetime: by then any holder's lease has expired.
    pub async fn lock(&self, interview_id: i64) -> Result<QuestionLock, AppError> {
        let token = format!("{}:{}", self.instance, uuid::Uuid::new_v4().simple());
        let deadline = tokio::time::Instant::now() + self.lifetime + MARGIN;
        let mut poll = POLL_FIRST;
        loop {
            let until = db::now()
                + chrono::TimeDelta::from_std(self.lifetime)
                    .unwrap_or_else(|_| chrono::TimeDelta::seconds(70));
            if db::interviews::take_lease(&self.db, interview_id, &token, until)
                .await
                .context("taking the interview's lease")?
            {
                return Ok(QuestionLock { db: self.db.clone(), interview_id, token });
            }
            let interview =
                db::interviews::find(&self.db, interview_id).await.context("reading the interview")?;
            if interview.is_none_or(|i| i.status != db::entities::interviews::STATUS_ACTIVE) {
                return Err(AppError::Conflict(crate::messages::RESET_ELSEWHERE.into()));
            }
            if tokio::time::Instant::now() >= deadline {
                return Err(AppError::Unavailable(crate::messages::QUESTION_FAILED.into()));
            }
            tokio::time::sleep(poll).await;
            poll = (poll * 2).min(POLL_MAX);
        }
    }

    /// Gives back every lease this instance holds (at shutdown).
    pub async fn release_all(&self) {
        match db::interviews::release_leases_of(&self.db, &format!("{}:", self.instance)).await {
            Ok(0) => {}
            Ok(released) => tracing::info!(released, "interview leases given back at shutdown"),
            Err(error) => tracing::warn!(%error, "could not give back interview leases at shutdown"),
        }
    }
}

impl QuestionLock {
    /// Gives the lease back now (dropping it does the same, in the background).
    pub async fn release(mut self) {
        let token = std::mem::take(&mut self.token);
        if let Err(error) = db::interviews::release_lease(&self.db, self.interview_id, &token).await {
            tracing::warn!(interview.id = self.interview_id, %error, "could not give back an interview lease; it expires on its own");
        }
    }
}

impl Drop for QuestionLock {
    fn drop(&mut self) {
        if self.token.is_empty() {
            return; // released already
        }
        let (db, interview_id, token) = (self.db.clone(), self.interview_id, std::mem::take(&mut self.token));
        let release = async move {
            if let Err(error) = db::interviews::release_lease(&db, interview_id, &token).await {
                tracing::warn!(interview.id = interview_id, %error, "could not give back an interview lease; it expires on its own");
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(release);
            }
            Err(_) => tracing::warn!(
                interview.id = interview_id,
                "no runtime to give back a lease; it expires on its own"
            ),
        }
    }
}
