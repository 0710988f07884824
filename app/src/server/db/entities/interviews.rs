//! `interviews`: one practice run of a user-vacancy. Reset archives it instead of deleting.

use sea_orm::entity::prelude::*;

/// `interviews.status` while the run is the one shown to the candidate.
pub const STATUS_ACTIVE: &str = "active";
/// `interviews.status` after "Reset Interview"; the rows stay for analytics and audit.
pub const STATUS_ARCHIVED: &str = "archived";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub interview_id: i64,
    pub user_vacancy_id: i64,
    pub status: String,
    pub started_at: DateTime,
    pub archived_at: Option<DateTime>,
    /// Who is moving the interview on right now (see `interview::locks`), and until when.
    pub lease_token: Option<String>,
    pub lease_until: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user_vacancies::Entity",
        from = "Column::UserVacancyId",
        to = "super::user_vacancies::Column::UserVacancyId"
    )]
    UserVacancy,
    #[sea_orm(has_many = "super::questions::Entity")]
    Questions,
}

impl Related<super::user_vacancies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UserVacancy.def()
    }
}

impl Related<super::questions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Questions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
