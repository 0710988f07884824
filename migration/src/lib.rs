//! Database migrations for Interview Coach, identical in meaning on MySQL/MariaDB and SQLite.
//!
//! Migrations are named `mYYYYMMDD_HHMMSS_verb_table`. They run at server start and through
//! `server migrate`. Backend differences (fractional-second UTC datetimes, 4 GB text, case-folded
//! e-mail uniqueness) are kept in [`columns`] so each migration reads as the schema it creates.

pub use sea_orm_migration::prelude::*;

mod columns;
mod m20261124_000001_create_core_tables;
mod m20261125_000001_add_questions_asked_at;
mod m20261125_000002_create_candidate_stats;
mod m20261130_000001_create_usage_events;
mod m20261130_000002_own_titles_and_verified_emails;
mod m20261130_000003_add_interview_leases;
mod m20261130_000004_add_answer_delivery;
mod m20261130_000005_add_vacancy_profiles;
mod m20261130_000006_add_question_retakes;

/// Every migration of the product, in the order it must run.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_create_core_tables::Migration),
            Box::new(m20261125_000001_add_questions_asked_at::Migration),
            Box::new(m20261125_000002_create_candidate_stats::Migration),
            Box::new(m20261130_000001_create_usage_events::Migration),
            Box::new(m20261130_000002_own_titles_and_verified_emails::Migration),
            Box::new(m20261130_000003_add_interview_leases::Migration),
            Box::new(m20261130_000004_add_answer_delivery::Migration),
            Box::new(m20261130_000005_add_vacancy_profiles::Migration),
            Box::new(m20261130_000006_add_question_retakes::Migration),
        ]
    }
}
