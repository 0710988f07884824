//! `candidate_stats`: a candidate's maintained totals (see `db::analytics`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidate_stats")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    /// Questions answered or skipped.
    pub attempted: i64,
    pub skipped: i64,
    /// Answers with a suggestion.
    pub evaluated: i64,
    pub correctness_sum: i64,
    pub relevance_sum: i64,
    pub red_flags_sum: i64,
    /// Average correctness in hundredths of a percent; `None` before the first evaluation.
    pub rank_key: Option<i32>,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::UserId"
    )]
    User,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
