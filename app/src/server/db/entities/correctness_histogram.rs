//! `correctness_histogram`: how many candidates have each average correctness (`rank_key`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "correctness_histogram")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub rank_key: i32,
    pub candidates: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
