//! Queries on `usage_events`: the costly actions a candidate started, counted per hour.

use chrono::NaiveDateTime;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::entities::usage_events::{self, Column, Entity};

/// Records one action and returns its row id (one statement: nothing is read back).
pub async fn record(
    db: &DatabaseConnection,
    user_id: i64,
    action: &str,
    at: NaiveDateTime,
) -> Result<i64, DbErr> {
    let row = usage_events::ActiveModel {
        user_id: Set(user_id),
        action: Set(action.to_owned()),
        at: Set(at),
        ..Default::default()
    };
    Ok(Entity::insert(row).exec(db).await?.last_insert_id)
}

/// How many of this action the user started after `since`, and when the earliest of them was.
pub async fn since(
    db: &DatabaseConnection,
    user_id: i64,
    action: &str,
    since: NaiveDateTime,
) -> Result<(u64, Option<NaiveDateTime>), DbErr> {
    let in_window = || {
        Entity::find()
            .filter(Column::UserId.eq(user_id))
            .filter(Column::Action.eq(action))
            .filter(Column::At.gt(since))
    };
    let count = in_window().count(db).await?;
    let earliest: Option<NaiveDateTime> =
        in_window().select_only().column(Column::At).order_by_asc(Column::At).into_tuple().one(db).await?;
    Ok((count, earliest))
}

/// Forgets one recorded action (one that was refused after all).
pub async fn remove(db: &DatabaseConnection, usage_id: i64) -> Result<(), DbErr> {
    Entity::delete_by_id(usage_id).exec(db).await.map(|_| ())
}

/// Deletes the rows no limit looks at any more.
pub async fn delete_before(db: &DatabaseConnection, before: NaiveDateTime) -> Result<u64, DbErr> {
    Ok(Entity::delete_many().filter(Column::At.lt(before)).exec(db).await?.rows_affected)
}
