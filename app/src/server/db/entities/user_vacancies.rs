//! `user_vacancies`: a candidate preparing for a vacancy (unique per pair).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_vacancies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub user_vacancy_id: i64,
    pub user_id: i64,
    pub vacancy_id: i64,
    pub created_at: DateTime,
    /// The most recently used link is the candidate's current vacancy.
    pub last_used_at: DateTime,
    /// The position title this candidate gave the vacancy (theirs alone).
    pub position_title: String,
    /// The name of the file this candidate uploaded.
    pub jd_file_name: Option<String>,
    /// The coach's profile of the candidate for this vacancy, with the CV and vacancy it was
    /// made from (`intake::StoredProfile` as JSON).
    #[sea_orm(column_type = "Text", nullable)]
    pub profile_json: Option<String>,
    /// The ten skills for this vacancy, most important first (JSON).
    #[sea_orm(column_type = "Text", nullable)]
    pub top_skills_json: Option<String>,
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
    #[sea_orm(has_many = "super::interviews::Entity")]
    Interviews,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::vacancies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Vacancy.def()
    }
}

impl Related<super::interviews::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Interviews.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
