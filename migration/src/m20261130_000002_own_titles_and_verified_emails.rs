//! Identity and privacy:
//!
//! - `users.email_verified`: whether an identity provider vouched for the account's e-mail.
//!   An address typed into the profile form is not verified, and never lets a later sign-in
//!   into the account by e-mail. Existing rows count as verified (the rules before this one
//!   trusted them).
//! - `user_vacancies.position_title` and `.jd_file_name`: the title a candidate typed and the
//!   name of the file they uploaded belong to their own link, not to the vacancy that every
//!   candidate with the same JD file shares. Existing links get the vacancy's values.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

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
                    .table(Users::Table)
                    .add_column(ColumnDef::new(Users::EmailVerified).boolean().not_null().default(true))
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(UserVacancies::Table)
                    .add_column(s.string(UserVacancies::PositionTitle, 200).not_null().default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(UserVacancies::Table)
                    .add_column(s.string(UserVacancies::JdFileName, 255).null())
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_raw(Statement::from_string(
            manager.get_database_backend(),
            "UPDATE user_vacancies SET \
               position_title = (SELECT v.position_title FROM vacancies v WHERE v.vacancy_id = user_vacancies.vacancy_id), \
               jd_file_name = (SELECT v.jd_file_name FROM vacancies v WHERE v.vacancy_id = user_vacancies.vacancy_id)",
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [UserVacancies::JdFileName, UserVacancies::PositionTitle] {
            manager
                .alter_table(Table::alter().table(UserVacancies::Table).drop_column(column).to_owned())
                .await?;
        }
        manager
            .alter_table(Table::alter().table(Users::Table).drop_column(Users::EmailVerified).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    EmailVerified,
}

#[derive(DeriveIden, Clone, Copy)]
enum UserVacancies {
    Table,
    PositionTitle,
    JdFileName,
}
