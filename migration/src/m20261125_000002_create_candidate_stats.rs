//! The maintained analytics aggregates, so a candidate's metrics and rank never scan other
//! candidates' rows:
//!
//! - `candidate_stats`: one row per candidate with attempt counts and score sums, updated in the
//!   same transaction as each answer and suggestion; `rank_key` is the average correctness in
//!   hundredths of a percent (0–10000), NULL until the first evaluated answer.
//! - `correctness_histogram`: how many candidates have each `rank_key`. Rank and percentile are
//!   sums over at most 10,001 rows of it, whatever the number of candidates.

use sea_orm_migration::prelude::*;

use crate::columns::{Schema, foreign_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let s = Schema::new(manager);
        let count =
            |name: CandidateStats| ColumnDef::new(name).big_integer().not_null().default(0).to_owned();
        manager
            .create_table(
                s.table(CandidateStats::Table)
                    .col(ColumnDef::new(CandidateStats::UserId).big_integer().not_null().primary_key())
                    .col(count(CandidateStats::Attempted))
                    .col(count(CandidateStats::Skipped))
                    .col(count(CandidateStats::Evaluated))
                    .col(count(CandidateStats::CorrectnessSum))
                    .col(count(CandidateStats::RelevanceSum))
                    .col(count(CandidateStats::RedFlagsSum))
                    .col(ColumnDef::new(CandidateStats::RankKey).integer().null())
                    .col(s.timestamp(CandidateStats::UpdatedAt).not_null())
                    .foreign_key(&mut foreign_key(
                        "fk_candidate_stats_user",
                        (CandidateStats::Table, CandidateStats::UserId),
                        (Users::Table, Users::UserId),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_candidate_stats_rank_key")
                    .table(CandidateStats::Table)
                    .col(CandidateStats::RankKey)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                s.table(CorrectnessHistogram::Table)
                    .col(ColumnDef::new(CorrectnessHistogram::RankKey).integer().not_null().primary_key())
                    .col(ColumnDef::new(CorrectnessHistogram::Candidates).big_integer().not_null().default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CorrectnessHistogram::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(CandidateStats::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidateStats {
    Table,
    UserId,
    Attempted,
    Skipped,
    Evaluated,
    CorrectnessSum,
    RelevanceSum,
    RedFlagsSum,
    RankKey,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CorrectnessHistogram {
    Table,
    RankKey,
    Candidates,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    UserId,
}
