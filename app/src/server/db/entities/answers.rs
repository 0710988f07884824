//! `answers`: at most one per question (database-enforced); a skip has no text. A spoken
//! answer also keeps how it was delivered.

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
    /// [`INPUT_TYPED`] or [`INPUT_SPOKEN`].
    pub input_mode: String,
    /// The delivery of a spoken answer (all `None` for a typed one or a skip).
    pub speaking_seconds: Option<i32>,
    pub words_per_minute: Option<i32>,
    pub filler_count: Option<i32>,
    /// The fillers heard, as `word=count` pairs separated by commas, the most frequent first.
    pub filler_words: Option<String>,
    /// `None` also for a spoken answer whose transcriber gave no word timings.
    pub pause_count: Option<i32>,
}

pub const INPUT_TYPED: &str = "typed";
pub const INPUT_SPOKEN: &str = "spoken";

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
