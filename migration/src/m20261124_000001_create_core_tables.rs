//! The whole product schema (DESIGN.md §3): the seed tables and columns, plus interviews,
//! events and sessions, with the invariants the database itself enforces.
//!
//! - `users.email` is unique regardless of case (the app also stores it lower-cased);
//! - one answer and one suggestion per question (`UNIQUE question_id`): "submit once" holds
//!   under double clicks and races;
//! - one link per (user, vacancy); one vacancy per JD file hash, so a JD forms a cohort;
//! - foreign keys everywhere, and an index for every lookup the app makes.

use sea_orm_migration::prelude::*;

use crate::columns::{Schema, foreign_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let s = Schema::new(manager);
        for table in tables(s) {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Children before parents, so no foreign key is left dangling.
        for table in [
            Alias::new("sessions"),
            Alias::new("events"),
            Alias::new("suggestions"),
            Alias::new("answers"),
            Alias::new("questions"),
            Alias::new("interviews"),
            Alias::new("user_vacancies"),
            Alias::new("vacancies"),
            Alias::new("users"),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

fn tables(s: Schema) -> Vec<TableCreateStatement> {
    vec![
        s.table(Users::Table)
            .col(s.id(Users::UserId))
            .col(s.email(Users::Email))
            .col(s.string(Users::FirstName, 100).not_null())
            .col(s.string(Users::LastName, 100).not_null())
            .col(s.timestamp(Users::CreatedAt).not_null())
            .col(s.timestamp(Users::LastLoginAt).null())
            .col(s.string(Users::OidcIssuer, 255).null())
            .col(s.string(Users::OidcSubject, 255).null())
            .col(s.long_text(Users::ProfileJson).null())
            .col(s.long_text(Users::TopSkillsJson).null())
            .col(s.sha256(Users::CvFileHash).null())
            .col(s.string(Users::CvFileName, 255).null())
            .col(s.long_text(Users::CvText).null())
            .col(s.timestamp(Users::CvUploadedAt).null())
            .to_owned(),
        s.table(Vacancies::Table)
            .col(s.id(Vacancies::VacancyId))
            .col(s.string(Vacancies::PositionTitle, 200).not_null())
            .col(s.sha256(Vacancies::JdFileHash).not_null())
            .col(s.string(Vacancies::JdFileName, 255).null())
            .col(s.long_text(Vacancies::JdText).not_null())
            .col(s.long_text(Vacancies::JdSummaryJson).null())
            .col(s.timestamp(Vacancies::CreatedAt).not_null())
            .to_owned(),
        s.table(UserVacancies::Table)
            .col(s.id(UserVacancies::UserVacancyId))
            .col(s.reference(UserVacancies::UserId))
            .col(s.reference(UserVacancies::VacancyId))
            .col(s.timestamp(UserVacancies::CreatedAt).not_null())
            .col(s.timestamp(UserVacancies::LastUsedAt).not_null())
            .foreign_key(&mut foreign_key(
                "fk_user_vacancies_user",
                (UserVacancies::Table, UserVacancies::UserId),
                (Users::Table, Users::UserId),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut foreign_key(
                "fk_user_vacancies_vacancy",
                (UserVacancies::Table, UserVacancies::VacancyId),
                (Vacancies::Table, Vacancies::VacancyId),
                ForeignKeyAction::Restrict,
            ))
            .to_owned(),
        s.table(Interviews::Table)
            .col(s.id(Interviews::InterviewId))
            .col(s.reference(Interviews::UserVacancyId))
            .col(s.string(Interviews::Status, 16).not_null())
            .col(s.timestamp(Interviews::StartedAt).not_null())
            .col(s.timestamp(Interviews::ArchivedAt).null())
            .foreign_key(&mut foreign_key(
                "fk_interviews_user_vacancy",
                (Interviews::Table, Interviews::UserVacancyId),
                (UserVacancies::Table, UserVacancies::UserVacancyId),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        s.table(Questions::Table)
            .col(s.id(Questions::QuestionId))
            .col(s.reference(Questions::InterviewId))
            .col(s.reference(Questions::UserVacancyId))
            .col(s.long_text(Questions::QuestionText).not_null())
            .col(s.string(Questions::Category, 32).not_null())
            .col(s.string(Questions::Difficulty, 16).not_null())
            .col(s.string(Questions::SkillTag, 120).not_null())
            .col(s.long_text(Questions::SkillTagsJson).not_null())
            .col(ColumnDef::new(Questions::QuestionOrder).integer().not_null())
            .col(s.timestamp(Questions::CreatedAt).not_null())
            .foreign_key(&mut foreign_key(
                "fk_questions_interview",
                (Questions::Table, Questions::InterviewId),
                (Interviews::Table, Interviews::InterviewId),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut foreign_key(
                "fk_questions_user_vacancy",
                (Questions::Table, Questions::UserVacancyId),
                (UserVacancies::Table, UserVacancies::UserVacancyId),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        s.table(Answers::Table)
            .col(s.id(Answers::AnswerId))
            .col(s.reference(Answers::QuestionId))
            .col(s.long_text(Answers::AnswerText).null())
            .col(ColumnDef::new(Answers::IsSkipped).boolean().not_null().default(false))
            .col(s.timestamp(Answers::CreatedAt).not_null())
            .foreign_key(&mut foreign_key(
                "fk_answers_question",
                (Answers::Table, Answers::QuestionId),
                (Questions::Table, Questions::QuestionId),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        s.table(Suggestions::Table)
            .col(s.id(Suggestions::SuggestionId))
            .col(s.reference(Suggestions::QuestionId))
            .col(ColumnDef::new(Suggestions::Correctness).integer().not_null())
            .col(ColumnDef::new(Suggestions::RoleRelevance).integer().not_null())
            .col(ColumnDef::new(Suggestions::RedFlagsCount).integer().not_null())
            .col(s.long_text(Suggestions::RedFlagsText).not_null())
            .col(s.long_text(Suggestions::ImprovementsText).not_null())
            .col(s.long_text(Suggestions::SuggestedRewrite).not_null())
            .col(s.long_text(Suggestions::FollowupQuestion).null())
            .col(ColumnDef::new(Suggestions::FallacyDetected).boolean().not_null().default(false))
            .col(s.string(Suggestions::FallacyName, 100).null())
            .col(s.long_text(Suggestions::FallacyExplanation).null())
            .col(s.long_text(Suggestions::CoachHint).not_null())
            .col(s.string(Suggestions::CoachModel, 120).not_null())
            .col(s.string(Suggestions::PromptVersion, 32).not_null())
            .col(s.timestamp(Suggestions::CreatedAt).not_null())
            .foreign_key(&mut foreign_key(
                "fk_suggestions_question",
                (Suggestions::Table, Suggestions::QuestionId),
                (Questions::Table, Questions::QuestionId),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        s.table(Events::Table)
            .col(s.id(Events::EventId))
            .col(s.string(Events::Name, 64).not_null())
            .col(ColumnDef::new(Events::UserId).big_integer().null())
            .col(ColumnDef::new(Events::VacancyId).big_integer().null())
            .col(s.string(Events::RequestId, 64).null())
            .col(ColumnDef::new(Events::DurationMs).big_integer().null())
            .col(s.long_text(Events::Detail).null())
            .col(s.timestamp(Events::CreatedAt).not_null())
            // The audit log outlives what it describes: deleting a user keeps the events.
            .foreign_key(&mut foreign_key(
                "fk_events_user",
                (Events::Table, Events::UserId),
                (Users::Table, Users::UserId),
                ForeignKeyAction::SetNull,
            ))
            .foreign_key(&mut foreign_key(
                "fk_events_vacancy",
                (Events::Table, Events::VacancyId),
                (Vacancies::Table, Vacancies::VacancyId),
                ForeignKeyAction::SetNull,
            ))
            .to_owned(),
        s.table(Sessions::Table)
            .col(s.string(Sessions::Id, 128).not_null().primary_key())
            .col(s.long_blob(Sessions::Data).not_null())
            .col(s.timestamp(Sessions::ExpiryDate).not_null())
            .to_owned(),
    ]
}

/// One index per lookup; `unique` ones are invariants, the others serve queries.
fn indexes() -> Vec<IndexCreateStatement> {
    let unique = |name: &str, table: Alias, columns: &[&str]| index(name, table, columns, true);
    let plain = |name: &str, table: Alias, columns: &[&str]| index(name, table, columns, false);
    vec![
        unique("ux_users_email", Alias::new("users"), &["email"]),
        plain("ix_users_oidc_subject", Alias::new("users"), &["oidc_issuer", "oidc_subject"]),
        plain("ix_users_cv_file_hash", Alias::new("users"), &["cv_file_hash"]),
        unique("ux_vacancies_jd_file_hash", Alias::new("vacancies"), &["jd_file_hash"]),
        unique("ux_user_vacancies_user_vacancy", Alias::new("user_vacancies"), &["user_id", "vacancy_id"]),
        plain("ix_user_vacancies_user_last_used", Alias::new("user_vacancies"), &["user_id", "last_used_at"]),
        plain("ix_user_vacancies_vacancy", Alias::new("user_vacancies"), &["vacancy_id"]),
        plain("ix_interviews_user_vacancy_status", Alias::new("interviews"), &["user_vacancy_id", "status"]),
        unique("ux_questions_interview_order", Alias::new("questions"), &["interview_id", "question_order"]),
        plain("ix_questions_user_vacancy", Alias::new("questions"), &["user_vacancy_id"]),
        unique("ux_answers_question", Alias::new("answers"), &["question_id"]),
        unique("ux_suggestions_question", Alias::new("suggestions"), &["question_id"]),
        plain("ix_events_user_created", Alias::new("events"), &["user_id", "created_at"]),
        plain("ix_events_name_created", Alias::new("events"), &["name", "created_at"]),
        plain("ix_events_vacancy", Alias::new("events"), &["vacancy_id"]),
        plain("ix_sessions_expiry", Alias::new("sessions"), &["expiry_date"]),
    ]
}

fn index(name: &str, table: Alias, columns: &[&str], unique: bool) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for column in columns {
        index.col(Alias::new(*column));
    }
    if unique {
        index.unique();
    }
    index
}

#[derive(DeriveIden)]
enum Users {
    Table,
    UserId,
    Email,
    FirstName,
    LastName,
    CreatedAt,
    LastLoginAt,
    OidcIssuer,
    OidcSubject,
    ProfileJson,
    TopSkillsJson,
    CvFileHash,
    CvFileName,
    CvText,
    CvUploadedAt,
}

#[derive(DeriveIden)]
enum Vacancies {
    Table,
    VacancyId,
    PositionTitle,
    JdFileHash,
    JdFileName,
    JdText,
    JdSummaryJson,
    CreatedAt,
}

#[derive(DeriveIden)]
enum UserVacancies {
    Table,
    UserVacancyId,
    UserId,
    VacancyId,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum Interviews {
    Table,
    InterviewId,
    UserVacancyId,
    Status,
    StartedAt,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum Questions {
    Table,
    QuestionId,
    InterviewId,
    UserVacancyId,
    QuestionText,
    Category,
    Difficulty,
    SkillTag,
    SkillTagsJson,
    QuestionOrder,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Answers {
    Table,
    AnswerId,
    QuestionId,
    AnswerText,
    IsSkipped,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Suggestions {
    Table,
    SuggestionId,
    QuestionId,
    Correctness,
    RoleRelevance,
    RedFlagsCount,
    RedFlagsText,
    ImprovementsText,
    SuggestedRewrite,
    FollowupQuestion,
    FallacyDetected,
    FallacyName,
    FallacyExplanation,
    CoachHint,
    CoachModel,
    PromptVersion,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Events {
    Table,
    EventId,
    Name,
    UserId,
    VacancyId,
    RequestId,
    DurationMs,
    Detail,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    Data,
    ExpiryDate,
}
