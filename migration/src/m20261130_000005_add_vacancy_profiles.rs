//! `user_vacancies.profile_json` and `.top_skills_json`: the profile and the ten skills are
//! computed for one vacancy link, so a candidate with several vacancies keeps each one's skills
//! when switching between them. `users.top_skills_json` and `.profile_json` stay as the seed
//! columns, mirroring the current vacancy's.
//!
//! Existing rows: the user's profile was made for their current vacancy (the most recently used
//! link), so it is copied there.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

use crate::columns::Schema;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let s = Schema::new(manager);
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        for column in [UserVacancies::ProfileJson, UserVacancies::TopSkillsJson] {
            manager
                .alter_table(
                    Table::alter()
                        .table(UserVacancies::Table)
                        .add_column(s.long_text(column).null())
                        .to_owned(),
                )
                .await?;
        }
        // The most recent link of each user, read through a derived table: MySQL refuses a
        // subquery on the table an UPDATE changes, but not one it has materialised.
        manager
            .get_connection()
            .execute_raw(Statement::from_string(
                manager.get_database_backend(),
                "UPDATE user_vacancies SET \
                   profile_json = (SELECT u.profile_json FROM users u WHERE u.user_id = user_vacancies.user_id), \
                   top_skills_json = (SELECT u.top_skills_json FROM users u WHERE u.user_id = user_vacancies.user_id) \
                 WHERE user_vacancy_id IN (SELECT latest.id FROM ( \
                   SELECT uv.user_vacancy_id AS id FROM user_vacancies uv \
                   WHERE NOT EXISTS (SELECT 1 FROM user_vacancies later \
                     WHERE later.user_id = uv.user_id \
                       AND (later.last_used_at > uv.last_used_at \
                         OR (later.last_used_at = uv.last_used_at AND later.user_vacancy_id > uv.user_vacancy_id))) \
                 ) AS latest)",
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [UserVacancies::TopSkillsJson, UserVacancies::ProfileJson] {
            manager
                .alter_table(Table::alter().table(UserVacancies::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum UserVacancies {
    Table,
    ProfileJson,
    TopSkillsJson,
}
