//! `users`: one row per person, matched by lower-cased e-mail (without the CV's text).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub user_id: i64,
    #[sea_orm(unique)]
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub created_at: DateTime,
    pub last_login_at: Option<DateTime>,
    pub oidc_issuer: Option<String>,
    pub oidc_subject: Option<String>,
    /// Whether an identity provider vouched for `email` (a typed address is not verified).
    pub email_verified: bool,
    #[sea_orm(column_type = "Text", nullable)]
    pub profile_json: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub top_skills_json: Option<String>,
    pub cv_file_hash: Option<String>,
    pub cv_file_name: Option<String>,
    // `cv_text` (LONGTEXT) is left out on purpose: this row is read on every request, the CV's
    // text only where it is used (`db::users::cv_text`, `db::users::save_cv`). `cv_file_hash`
    // is set exactly when it is.
    pub cv_uploaded_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::user_vacancies::Entity")]
    UserVacancies,
}

impl Related<super::user_vacancies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UserVacancies.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
