//! The candidate's data is theirs (GDPR articles 15, 17 and 20): one archive of everything the
//! app keeps about them, and deleting their account.
//!
//! - **Export**: every row of the caller ([`crate::server::db::account_data::read`]) as
//!   `data.json` and `answers.csv` plus the documents' text, zipped ([`export`], [`archive`]).
//! - **Deletion**: after the caller typed their own e-mail, every row of theirs goes in one
//!   transaction, they leave the score histogram (everyone else's rank stays right), vacancies
//!   nobody else links to go and shared ones stay, then their reports directory is removed and an
//!   anonymous `ACCOUNT_DELETED` event is recorded. Their other sessions stop working because the
//!   caller lookup finds no user row for them (ids are never reused: both backends'
//!   auto-increment keys only grow).
//!
//! The routes in [`routes`] only learn the caller and turn outcomes into responses.

pub mod archive;
pub mod export;
pub mod routes;

use crate::error::{AppError, ResultExt};
use crate::server::audit::{self, Event};
use crate::server::db;
use crate::server::db::account_data::DeletedRows;
use crate::server::db::entities::users;
use crate::server::report;
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// Said when the typed e-mail is not the account's.
pub const WRONG_EMAIL: &str = "That is not the e-mail address of this account, so nothing was deleted. \
     Type the address shown above to confirm.";

/// The caller's archive (zip bytes). Records `DATA_EXPORTED` first, so the archive lists the
/// download it is part of.
pub async fn archive_for(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
) -> Result<Vec<u8>, AppError> {
    audit::record(&state.db, Some(request_id), Event::new(audit::DATA_EXPORTED).user(user.user_id)).await;
    let rows = db::account_data::read(&state.db, user.user_id)
        .await
        .context("reading the candidate's data")?
        .ok_or(AppError::Unauthorized)?;
    let export = export::export(&rows, db::now());
    tokio::task::spawn_blocking(move || archive::zip(&export))
        .await
        .context("running the archive builder")?
        .context("building the data archive")
}

/// Whether `typed` is the account's e-mail; spaces around it and letter case do not matter.
pub fn confirms(typed: &str, email: &str) -> bool {
    let typed = typed.trim();
    !typed.is_empty() && typed.to_lowercase() == email.trim().to_lowercase()
}

/// Deletes the caller's account once they typed its e-mail ([`WRONG_EMAIL`] as a validation
/// error otherwise, with nothing deleted). Signing the browser out is the caller's part.
pub async fn delete_account(
    state: &AppState,
    user: &users::Model,
    typed_email: &str,
) -> Result<DeletedRows, AppError> {
    if !confirms(typed_email, &user.email) {
        tracing::info!("account deletion refused: the typed e-mail is not the account's");
        return Err(AppError::validation("email", WRONG_EMAIL));
    }
    let deleted = db::account_data::delete(&state.db, user.user_id).await.context("deleting the account")?;
    let reports = report::user_directory(&state.settings.reports_dir, user.user_id);
    match tokio::fs::remove_dir_all(&reports).await {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        // The rows are gone; what is left on disk is pruned with the other old reports.
        Err(error) => {
            tracing::warn!(path = %reports.display(), %error, "could not remove a deleted account's reports")
        }
    }
    let event = Event::new(audit::ACCOUNT_DELETED).detail(summary(&deleted));
    audit::record(&state.db, None, event).await;
    Ok(deleted)
}

/// Row counts for the audit event: what went, without anything that identifies whose.
fn summary(deleted: &DeletedRows) -> String {
    format!(
        "{} user, {} vacancy links, {} interviews, {} questions, {} answers, {} feedback, {} events, \
         {} usage rows, {} statistics rows; vacancies: {} deleted, {} kept (shared)",
        deleted.users,
        deleted.user_vacancies,
        deleted.interviews,
        deleted.questions,
        deleted.answers,
        deleted.suggestions,
        deleted.events,
        deleted.usage_events,
        deleted.candidate_stats,
        deleted.vacancies_deleted,
        deleted.vacancies_kept,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_ignores_case_and_surrounding_spaces_only() {
        assert!(confirms("  Ada@Example.com ", "ada@example.com"));
        assert!(!confirms("ada@example.co", "ada@example.com"));
        assert!(!confirms("", ""), "an empty confirmation never matches");
        assert!(!confirms("ada @example.com", "ada@example.com"));
    }
}
