//! Queries on `events`, the audit log.

use sea_orm::{DatabaseConnection, DbErr, EntityTrait, Set};

use super::entities::events;

/// One audit event as stored.
#[derive(Debug, Clone, Default)]
pub struct NewEvent {
    pub name: &'static str,
    pub user_id: Option<i64>,
    pub vacancy_id: Option<i64>,
    pub request_id: Option<String>,
    pub duration_ms: Option<i64>,
    pub detail: Option<String>,
}

/// Stores an event (one statement: nothing is read back).
pub async fn insert(db: &DatabaseConnection, event: NewEvent) -> Result<(), DbErr> {
    let row = events::ActiveModel {
        name: Set(event.name.to_owned()),
        user_id: Set(event.user_id),
        vacancy_id: Set(event.vacancy_id),
        request_id: Set(event.request_id),
        duration_ms: Set(event.duration_ms),
        detail: Set(event.detail),
        created_at: Set(super::now()),
        ..Default::default()
    };
    events::Entity::insert(row).exec(db).await.map(|_| ())
}
