//! How an answer was given: typed, or spoken and transcribed, with the delivery figures of a
//! spoken one (`answers.input_mode`, `.speaking_seconds`, `.words_per_minute`, `.filler_count`,
//! `.filler_words`, `.pause_count`). Existing answers were all typed.
//!
//! The audio itself is never stored; only these figures are.

use sea_orm_migration::prelude::*;

use crate::columns::Schema;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let s = Schema::new(manager);
        // SQLite adds one column per ALTER TABLE.
        let columns = [
            s.string(Answers::InputMode, 8).not_null().default("typed").to_owned(),
            ColumnDef::new(Answers::SpeakingSeconds).integer().null().to_owned(),
            ColumnDef::new(Answers::WordsPerMinute).integer().null().to_owned(),
            ColumnDef::new(Answers::FillerCount).integer().null().to_owned(),
            s.string(Answers::FillerWords, 255).null().to_owned(),
            ColumnDef::new(Answers::PauseCount).integer().null().to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(Table::alter().table(Answers::Table).add_column(&mut column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Answers::PauseCount,
            Answers::FillerWords,
            Answers::FillerCount,
            Answers::WordsPerMinute,
            Answers::SpeakingSeconds,
            Answers::InputMode,
        ] {
            manager.alter_table(Table::alter().table(Answers::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Answers {
    Table,
    InputMode,
    SpeakingSeconds,
    WordsPerMinute,
    FillerCount,
    FillerWords,
    PauseCount,
}
