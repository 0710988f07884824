//! `suggestions`: the coach's evaluation of one answer (at most one per question).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "suggestions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub suggestion_id: i64,
    #[sea_orm(unique)]
    pub question_id: i64,
    /// 0–100.
    pub correctness: i32,
    /// 0–100.
    pub role_relevance: i32,
    pub red_flags_count: i32,
    #[sea_orm(column_type = "Text")]
    pub red_flags_text: String,
    #[sea_orm(column_type = "Text")]
    pub improvements_text: String,
    #[sea_orm(column_type = "Text")]
    pub suggested_rewrite: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub followup_question: Option<String>,
    pub fallacy_detected: bool,
    pub fallacy_name: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub fallacy_explanation: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub coach_hint: String,
    /// "Offline coach (rules)" or the model name.
    pub coach_model: String,
    pub prompt_version: String,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::questions::Entity",
        from = "Column::QuestionId",
        to = "super::questions::Column::QuestionId"
    )]
    Question,
}

impl Related<super::questions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Question.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
