//! Queries on `vacancies` (one per job-description file) and `user_vacancies` (a candidate
//! preparing for one).

use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::entities::{user_vacancies, vacancies};

/// The text of a vacancy's job description (read where the coach needs it, never on the
/// screens' hot paths).
pub async fn jd_text(db: &DatabaseConnection, vacancy_id: i64) -> Result<Option<String>, DbErr> {
    vacancies::Entity::find_by_id(vacancy_id)
        .select_only()
        .column(vacancies::Column::JdText)
        .into_tuple::<String>()
        .one(db)
        .await
}

pub async fn find_by_hash(
    db: &DatabaseConnection,
    jd_file_hash: &str,
) -> Result<Option<vacancies::Model>, DbErr> {
    vacancies::Entity::find().filter(vacancies::Column::JdFileHash.eq(jd_file_hash)).one(db).await
}

/// A new vacancy; a JD hash already stored fails with a unique-constraint error.
pub async fn create(
    db: &DatabaseConnection,
    position_title: &str,
    jd_file_hash: &str,
    jd_file_name: &str,
    jd_text: &str,
) -> Result<vacancies::Model, DbErr> {
    vacancies::ActiveModel {
        position_title: Set(position_title.to_owned()),
        jd_file_hash: Set(jd_file_hash.to_owned()),
        jd_file_name: Set(Some(jd_file_name.to_owned())),
        jd_text: Set(jd_text.to_owned()),
        created_at: Set(super::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Makes `vacancy_id` the user's current vacancy with the title they gave it and the name of
/// the file they uploaded: links them (once), or updates their link, and marks it most recent.
pub async fn link_current(
    db: &DatabaseConnection,
    user_id: i64,
    vacancy_id: i64,
    position_title: &str,
    jd_file_name: &str,
) -> Result<(), DbErr> {
    let now = super::now();
    user_vacancies::Entity::insert(user_vacancies::ActiveModel {
        user_id: Set(user_id),
        vacancy_id: Set(vacancy_id),
        created_at: Set(now),
        last_used_at: Set(now),
        position_title: Set(position_title.to_owned()),
        jd_file_name: Set(Some(jd_file_name.to_owned())),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([user_vacancies::Column::UserId, user_vacancies::Column::VacancyId])
            .update_columns([
                user_vacancies::Column::LastUsedAt,
                user_vacancies::Column::PositionTitle,
                user_vacancies::Column::JdFileName,
            ])
            .to_owned(),
    )
    .exec(db)
    .await
    .map(|_| ())
}

/// The user's current vacancy (the most recently used link) with its link row.
pub async fn current(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<Option<(user_vacancies::Model, vacancies::Model)>, DbErr> {
    let found = user_vacancies::Entity::find()
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .order_by_desc(user_vacancies::Column::LastUsedAt)
        .order_by_desc(user_vacancies::Column::UserVacancyId)
        .find_also_related(vacancies::Entity)
        .one(db)
        .await?;
    Ok(found.and_then(|(link, vacancy)| vacancy.map(|v| (link, v))))
}
