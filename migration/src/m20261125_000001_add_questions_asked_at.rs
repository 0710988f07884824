//! `questions.asked_at`: when the candidate was first shown the question.
//!
//! The next question is generated while the candidate answers the current one, so a question
//! row can exist before it is asked. Rows with `asked_at` NULL are that prefetched question:
//! they count for skill coverage (so the one after it targets another skill) but are not on
//! the candidate's screen, in their progress or in their attempts yet.

use sea_orm_migration::prelude::*;

use crate::columns::Schema;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let s = Schema::new(manager);
        manager
            .alter_table(
                Table::alter()
                    .table(Questions::Table)
                    .add_column(s.timestamp(Questions::AskedAt).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Questions::Table).drop_column(Questions::AskedAt).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Questions {
    Table,
    AskedAt,
}
