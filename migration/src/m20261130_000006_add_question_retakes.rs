//! `questions.retake_of_question_id`: a retake is a question of its own (so "one answer per
//! question", the unique key on `answers.question_id`, keeps every attempt submit-once) that
//! points at the question it tries again. Not a foreign key: deleting a candidate's questions in
//! one statement must not depend on the order MySQL deletes the rows in.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Questions::Table)
                    .add_column(ColumnDef::new(Questions::RetakeOfQuestionId).big_integer().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Questions::Table).drop_column(Questions::RetakeOfQuestionId).to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Questions {
    Table,
    RetakeOfQuestionId,
}
