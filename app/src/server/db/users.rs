//! Queries on `users`. E-mail addresses arrive here already normalised (trimmed, lower-case).

use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};

use super::entities::users;

/// What a sign-in knows about a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub oidc_issuer: Option<String>,
    pub oidc_subject: Option<String>,
    /// Whether an identity provider vouched for the e-mail.
    pub email_verified: bool,
}

pub async fn find(db: &DatabaseConnection, user_id: i64) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find_by_id(user_id).one(db).await
}

pub async fn find_by_email(db: &DatabaseConnection, email: &str) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find().filter(users::Column::Email.eq(email)).one(db).await
}

pub async fn find_by_subject(
    db: &DatabaseConnection,
    issuer: &str,
    subject: &str,
) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find()
        .filter(users::Column::OidcIssuer.eq(issuer))
        .filter(users::Column::OidcSubject.eq(subject))
        .one(db)
        .await
}

/// Inserts a user; a taken e-mail fails with a unique-constraint error.
pub async fn create(db: &DatabaseConnection, user: NewUser) -> Result<users::Model, DbErr> {
    let now = super::now();
    users::ActiveModel {
        email: Set(user.email),
        first_name: Set(user.first_name),
        last_name: Set(user.last_name),
        created_at: Set(now),
        last_login_at: Set(Some(now)),
        oidc_issuer: Set(user.oidc_issuer),
        oidc_subject: Set(user.oidc_subject),
        email_verified: Set(user.email_verified),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Marks a returning user as signed in now, filling in names the row does not have yet (names
/// the user typed are never overwritten). The account's provider subject is not touched here:
/// see [`bind_subject`].
pub async fn record_login(
    db: &DatabaseConnection,
    user: users::Model,
    first_name: &str,
    last_name: &str,
) -> Result<users::Model, DbErr> {
    let fill_first = user.first_name.is_empty() && !first_name.is_empty();
    let fill_last = user.last_name.is_empty() && !last_name.is_empty();
    let mut row: users::ActiveModel = user.into();
    row.last_login_at = Set(Some(super::now()));
    if fill_first {
        row.first_name = Set(first_name.to_owned());
    }
    if fill_last {
        row.last_name = Set(last_name.to_owned());
    }
    row.update(db).await
}

/// Binds the account to the provider identity (issuer, subject) that just proved, with a
/// verified e-mail, that the address is theirs; the e-mail counts as verified from now on.
pub async fn bind_subject(
    db: &DatabaseConnection,
    user: users::Model,
    issuer: &str,
    subject: &str,
) -> Result<users::Model, DbErr> {
    let mut row: users::ActiveModel = user.into();
    row.oidc_issuer = Set(Some(issuer.to_owned()));
    row.oidc_subject = Set(Some(subject.to_owned()));
    row.email_verified = Set(true);
    row.update(db).await
}

/// Takes an address that no provider verified away from the account that typed it, so that
/// its verified owner can have it. The account keeps everything else and is reached as before
/// (by its provider subject), under a placeholder address that cannot receive mail.
pub async fn release_email(db: &DatabaseConnection, user: users::Model) -> Result<users::Model, DbErr> {
    let placeholder = format!("released-{}@unverified.invalid", user.user_id);
    let mut row: users::ActiveModel = user.into();
    row.email = Set(placeholder);
    row.email_verified = Set(false);
    row.update(db).await
}

/// Saves the names a user typed in the one-time profile form.
pub async fn set_names(
    db: &DatabaseConnection,
    user: users::Model,
    first_name: &str,
    last_name: &str,
) -> Result<users::Model, DbErr> {
    let mut row: users::ActiveModel = user.into();
    row.first_name = Set(first_name.to_owned());
    row.last_name = Set(last_name.to_owned());
    row.update(db).await
}

/// A CV as stored on the user's row.
#[derive(Debug, Clone)]
pub struct StoredCv {
    pub file_hash: String,
    pub file_name: String,
    pub text: String,
}

/// The column holding the CV's text, which the entity leaves out (see `entities::users`).
fn cv_text_column() -> Alias {
    Alias::new("cv_text")
}

/// The text of the user's CV, if they uploaded one.
pub async fn cv_text(db: &DatabaseConnection, user_id: i64) -> Result<Option<String>, DbErr> {
    let query = Query::select()
        .column(cv_text_column())
        .from(users::Entity)
        .and_where(users::Column::UserId.eq(user_id))
        .to_owned();
    let row = db.query_one(&query).await?;
    Ok(row.map(|row| row.try_get::<Option<String>>("", "cv_text")).transpose()?.flatten())
}

/// Replaces the user's CV, in one statement. The profile and skills derived from the old one
/// are cleared: they are recomputed from the new text.
pub async fn save_cv(
    db: &DatabaseConnection,
    mut user: users::Model,
    cv: StoredCv,
) -> Result<users::Model, DbErr> {
    let uploaded_at = super::now();
    users::Entity::update_many()
        .col_expr(users::Column::CvFileHash, Expr::value(cv.file_hash.clone()))
        .col_expr(users::Column::CvFileName, Expr::value(cv.file_name.clone()))
        .col_expr(cv_text_column(), Expr::value(cv.text))
        .col_expr(users::Column::CvUploadedAt, Expr::value(uploaded_at))
        .col_expr(users::Column::ProfileJson, Expr::value(Option::<String>::None))
        .col_expr(users::Column::TopSkillsJson, Expr::value(Option::<String>::None))
        .filter(users::Column::UserId.eq(user.user_id))
        .exec(db)
        .await?;
    user.cv_file_hash = Some(cv.file_hash);
    user.cv_file_name = Some(cv.file_name);
    user.cv_uploaded_at = Some(uploaded_at);
    user.profile_json = None;
    user.top_skills_json = None;
    Ok(user)
}

/// Notes that the same CV was uploaded again (its text and profile are kept).
pub async fn touch_cv(
    db: &DatabaseConnection,
    user: users::Model,
    file_name: &str,
) -> Result<users::Model, DbErr> {
    let mut row: users::ActiveModel = user.into();
    row.cv_file_name = Set(Some(file_name.to_owned()));
    row.cv_uploaded_at = Set(Some(super::now()));
    row.update(db).await
}

/// Sets the seed columns `profile_json` and `top_skills_json` to the current vacancy's (the
/// profiles themselves live on each vacancy link).
pub async fn mirror_profile(
    db: &DatabaseConnection,
    user_id: i64,
    profile_json: Option<&str>,
    top_skills_json: Option<&str>,
) -> Result<(), DbErr> {
    users::Entity::update_many()
        .col_expr(users::Column::ProfileJson, Expr::value(profile_json.map(str::to_owned)))
        .col_expr(users::Column::TopSkillsJson, Expr::value(top_skills_json.map(str::to_owned)))
        .filter(users::Column::UserId.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}
