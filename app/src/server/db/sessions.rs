//! Queries on `sessions`, the sign-in session records shared by every app instance.

use chrono::NaiveDateTime;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set};

use super::entities::sessions;

/// Inserts a new session; an id already in use fails with a unique-constraint error.
pub async fn insert(
    db: &DatabaseConnection,
    id: &str,
    data: Vec<u8>,
    expires: NaiveDateTime,
) -> Result<(), DbErr> {
    sessions::Entity::insert(row(id, data, expires)).exec(db).await.map(|_| ())
}

/// Saves an existing session's data and expiry; returns whether the row still existed. A
/// session deleted meanwhile (signed out, expired and swept) stays deleted: saving never
/// inserts.
pub async fn update(
    db: &DatabaseConnection,
    id: &str,
    data: Vec<u8>,
    expires: NaiveDateTime,
) -> Result<bool, DbErr> {
    let result = sessions::Entity::update_many()
        .col_expr(sessions::Column::Data, Expr::value(data))
        .col_expr(sessions::Column::ExpiryDate, Expr::value(expires))
        .filter(sessions::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// The session's data, unless it does not exist or has expired.
pub async fn load(
    db: &DatabaseConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<Option<sessions::Model>, DbErr> {
    sessions::Entity::find_by_id(id.to_owned()).filter(sessions::Column::ExpiryDate.gt(now)).one(db).await
}

pub async fn delete(db: &DatabaseConnection, id: &str) -> Result<(), DbErr> {
    sessions::Entity::delete_by_id(id.to_owned()).exec(db).await.map(|_| ())
}

/// Removes expired sessions; returns how many.
pub async fn delete_expired(db: &DatabaseConnection, now: NaiveDateTime) -> Result<u64, DbErr> {
    let result =
        sessions::Entity::delete_many().filter(sessions::Column::ExpiryDate.lte(now)).exec(db).await?;
    Ok(result.rows_affected)
}

fn row(id: &str, data: Vec<u8>, expires: NaiveDateTime) -> sessions::ActiveModel {
    sessions::ActiveModel { id: Set(id.to_owned()), data: Set(data), expiry_date: Set(expires) }
}
