//! `interviews.lease_token` and `.lease_until`: who is moving this interview on right now.
//!
//! Asking the next question (skipping the one on screen, generating one with the coach,
//! marking a prefetched one asked) must happen once per interview at a time, whichever instance
//! serves the request. An instance takes the lease with one conditional UPDATE (free, or
//! expired), works, and clears it; another waits for it, then reads what the first one stored.
//! A lease expires on its own after the coach's time limit, so an instance that dies holding
//! one blocks nobody for long.

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
                    .table(Interviews::Table)
                    .add_column(s.string(Interviews::LeaseToken, 80).null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Interviews::Table)
                    .add_column(s.timestamp(Interviews::LeaseUntil).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Interviews::LeaseUntil, Interviews::LeaseToken] {
            manager
                .alter_table(Table::alter().table(Interviews::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Interviews {
    Table,
    LeaseToken,
    LeaseUntil,
}
