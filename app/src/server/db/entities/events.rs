//! `events`: the audit log (`AUTH_LOGIN`, `CV_PARSED`, `ANSWER_SAVED`, ...).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub event_id: i64,
    pub name: String,
    pub user_id: Option<i64>,
    pub vacancy_id: Option<i64>,
    pub request_id: Option<String>,
    pub duration_ms: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub detail: Option<String>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::UserId"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::vacancies::Entity",
        from = "Column::VacancyId",
        to = "super::vacancies::Column::VacancyId"
    )]
    Vacancy,
}

impl ActiveModelBehavior for ActiveModel {}
