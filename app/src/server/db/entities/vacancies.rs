//! `vacancies`: one per job-description file (deduplicated by its SHA-256), shared by every
//! candidate who practises for it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "vacancies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub vacancy_id: i64,
    /// The title given when the vacancy was first created (a seed column). Never shown and never
    /// sent to a coach: each candidate's own title is on their `user_vacancies` link.
    pub position_title: String,
    #[sea_orm(unique)]
    pub jd_file_hash: String,
    pub jd_file_name: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub jd_text: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub jd_summary_json: Option<String>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::user_vacancies::Entity")]
    UserVacancies,
}

impl Related<super::user_vacancies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UserVacancies.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
