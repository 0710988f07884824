//! Queries on `vacancies` (one per job-description file) and `user_vacancies` (a candidate
//! preparing for one).

use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, Set,
};

use super::entities::{answers, interviews, questions, user_vacancies, vacancies};

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

/// Stores the coach's profile and ten skills for one vacancy link of the user.
pub async fn save_profile(
    db: &DatabaseConnection,
    user_vacancy_id: i64,
    profile_json: &str,
    top_skills_json: &str,
) -> Result<(), DbErr> {
    user_vacancies::Entity::update_many()
        .col_expr(user_vacancies::Column::ProfileJson, Expr::value(profile_json))
        .col_expr(user_vacancies::Column::TopSkillsJson, Expr::value(top_skills_json))
        .filter(user_vacancies::Column::UserVacancyId.eq(user_vacancy_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// One of the user's vacancy links with how much happened in it.
#[derive(Debug, Clone)]
pub struct LinkSummary {
    pub link: user_vacancies::Model,
    pub interviews: i64,
    /// Questions answered (not skipped) in all its interviews.
    pub answered: i64,
}

/// The user's vacancy links, the current one first, with their interview and answer counts
/// (three statements however many links there are).
pub async fn links_of(db: &DatabaseConnection, user_id: i64) -> Result<Vec<LinkSummary>, DbErr> {
    let links = user_vacancies::Entity::find()
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .order_by_desc(user_vacancies::Column::LastUsedAt)
        .order_by_desc(user_vacancies::Column::UserVacancyId)
        .all(db)
        .await?;
    let ids: Vec<i64> = links.iter().map(|l| l.user_vacancy_id).collect();
    let interviews: Vec<(i64, i64)> = interviews::Entity::find()
        .select_only()
        .column(interviews::Column::UserVacancyId)
        .column_as(interviews::Column::InterviewId.count(), "n")
        .filter(interviews::Column::UserVacancyId.is_in(ids.clone()))
        .group_by(interviews::Column::UserVacancyId)
        .into_tuple()
        .all(db)
        .await?;
    let answered: Vec<(i64, i64)> = questions::Entity::find()
        .select_only()
        .column(questions::Column::UserVacancyId)
        .column_as(answers::Column::AnswerId.count(), "n")
        .join(JoinType::InnerJoin, questions::Relation::Answer.def())
        .filter(questions::Column::UserVacancyId.is_in(ids))
        .filter(answers::Column::IsSkipped.eq(false))
        .group_by(questions::Column::UserVacancyId)
        .into_tuple()
        .all(db)
        .await?;
    let count =
        |rows: &[(i64, i64)], id: i64| rows.iter().find(|(link, _)| *link == id).map_or(0, |(_, n)| *n);
    Ok(links
        .into_iter()
        .map(|link| LinkSummary {
            interviews: count(&interviews, link.user_vacancy_id),
            answered: count(&answered, link.user_vacancy_id),
            link,
        })
        .collect())
}

/// Makes one of the user's links the current vacancy; `None` when it is not theirs.
pub async fn make_current(
    db: &DatabaseConnection,
    user_id: i64,
    user_vacancy_id: i64,
) -> Result<Option<user_vacancies::Model>, DbErr> {
    let updated = user_vacancies::Entity::update_many()
        .col_expr(user_vacancies::Column::LastUsedAt, Expr::value(super::now()))
        .filter(user_vacancies::Column::UserVacancyId.eq(user_vacancy_id))
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Ok(None);
    }
    user_vacancies::Entity::find_by_id(user_vacancy_id).one(db).await
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
