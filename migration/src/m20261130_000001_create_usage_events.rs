//! `usage_events`: one row per costly action a candidate starts (an upload read, a coach call), so
//! per-candidate limits hold across every instance: a limit is a count of this candidate's
//! rows in the last hour, on the index `(user_id, action, at)`. Rows older than a day are
//! deleted by the hourly sweep.

use sea_orm_migration::prelude::*;

use crate::columns::{Schema, foreign_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let s = Schema::new(manager);
        manager
            .create_table(
                s.table(UsageEvents::Table)
                    .col(s.id(UsageEvents::UsageId))
                    .col(s.reference(UsageEvents::UserId))
                    .col(s.string(UsageEvents::Action, 32).not_null())
                    .col(s.timestamp(UsageEvents::At).not_null())
                    .foreign_key(&mut foreign_key(
                        "fk_usage_events_user",
                        (UsageEvents::Table, UsageEvents::UserId),
                        (Users::Table, Users::UserId),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_usage_events_user_action_at")
                    .table(UsageEvents::Table)
                    .col(UsageEvents::UserId)
                    .col(UsageEvents::Action)
                    .col(UsageEvents::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_usage_events_at")
                    .table(UsageEvents::Table)
                    .col(UsageEvents::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(UsageEvents::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum UsageEvents {
    Table,
    UsageId,
    UserId,
    Action,
    At,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    UserId,
}
