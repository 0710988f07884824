//! One lock per interview for moving on and generating questions.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One lock per interview for moving on and generating questions, so a prefetch in flight and
/// a "Next Question" click never ask the coach twice for the same slot. Entries are removed
/// when nobody holds or waits for them.
#[derive(Clone, Default)]
pub struct QuestionLocks(Arc<Mutex<HashMap<i64, Arc<tokio::sync::Mutex<()>>>>>);

/// Holds one interview's lock; releasing it forgets the entry if nobody else wants it.
pub struct QuestionLock {
    guard: Option<tokio::sync::OwnedMutexGuard<()>>,
    interview_id: i64,
    locks: QuestionLocks,
}

impl QuestionLocks {
    pub async fn lock(&self, interview_id: i64) -> QuestionLock {
        let entry = {
            let mut map = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            map.entry(interview_id).or_default().clone()
        };
        QuestionLock { guard: Some(entry.lock_owned().await), interview_id, locks: self.clone() }
    }

    /// How many interviews have a lock entry (held or waited for); for the tests.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).len()
    }

    #[cfg(test)]
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for QuestionLock {
    fn drop(&mut self) {
        drop(self.guard.take());
        let mut map = self.locks.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if map.get(&self.interview_id).is_some_and(|entry| Arc::strong_count(entry) == 1) {
            map.remove(&self.interview_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_lock_is_forgotten_once_released_and_serialises_while_held() {
        let locks = QuestionLocks::default();
        let first = locks.lock(1).await;
        let waiting = {
            let locks = locks.clone();
            tokio::spawn(async move { locks.lock(1).await.interview_id })
        };
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished(), "the second lock waits for the first");
        assert_eq!(locks.len(), 1);
        drop(first);
        assert_eq!(waiting.await.unwrap(), 1);
        assert!(locks.is_empty(), "no entry is left behind");
    }
}
