//! `questions`: what the coach asked, with the skill it targets and its place in the run.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub question_id: i64,
    pub interview_id: i64,
    pub user_vacancy_id: i64,
    #[sea_orm(column_type = "Text")]
    pub question_text: String,
    pub category: String,
    pub difficulty: String,
    /// The primary skill; `skill_tags_json` lists every skill the question touches.
    pub skill_tag: String,
    #[sea_orm(column_type = "Text")]
    pub skill_tags_json: String,
    pub question_order: i32,
    pub created_at: DateTime,
    /// When the candidate was shown it; `None` while it is the prefetched next question.
    pub asked_at: Option<DateTime>,
    /// The question this one tries again ("Try again"), if it is a retake.
    pub retake_of_question_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::interviews::Entity",
        from = "Column::InterviewId",
        to = "super::interviews::Column::InterviewId"
    )]
    Interview,
    #[sea_orm(
        belongs_to = "super::user_vacancies::Entity",
        from = "Column::UserVacancyId",
        to = "super::user_vacancies::Column::UserVacancyId"
    )]
    UserVacancy,
    #[sea_orm(has_one = "super::answers::Entity")]
    Answer,
    #[sea_orm(has_one = "super::suggestions::Entity")]
    Suggestion,
}

impl Related<super::interviews::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Interview.def()
    }
}

impl Related<super::user_vacancies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UserVacancy.def()
    }
}

impl Related<super::answers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Answer.def()
    }
}

impl Related<super::suggestions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Suggestion.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
