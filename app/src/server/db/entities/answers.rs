//! `answers`: at most one per question (database-enforced); a skip has no text.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub answer_id: i64,
    #[sea_orm(unique)]
    pub question_id: i64,
    #[sea_orm(column_type = "Text", nullable)]
    pub answer_text: Option<String>,
    pub is_skipped: bool,
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
