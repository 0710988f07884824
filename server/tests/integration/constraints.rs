//! Invariants the database itself enforces, told apart by the app's classifier.

use app::server::db::{self, ConstraintViolation, constraint_violation, entities::*};
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, Set};

use crate::support::TestDatabase;

async fn migrated() -> (TestDatabase, DatabaseConnection) {
    let database = TestDatabase::fresh().await;
    let conn = database.connect().await;
    db::migrate(&conn).await.expect("migrations apply");
    (database, conn)
}

async fn insert_user(conn: &DatabaseConnection, email: &str) -> Result<users::Model, DbErr> {
    users::ActiveModel {
        email: Set(email.to_owned()),
        first_name: Set("Ada".into()),
        last_name: Set("Lovelace".into()),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
}

/// A user, a vacancy, their link, an interview and one question; returns the question id.
async fn seed_question(conn: &DatabaseConnection) -> i64 {
    let user = insert_user(conn, "ada@example.com").await.unwrap();
    let now = db::now();
    let vacancy = vacancies::ActiveModel {
        position_title: Set("Backend Engineer".into()),
        jd_file_hash: Set("a".repeat(64)),
        jd_text: Set("We need Rust and SQL.".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .unwrap();
    let link = user_vacancies::ActiveModel {
        user_id: Set(user.user_id),
        vacancy_id: Set(vacancy.vacancy_id),
        created_at: Set(now),
        last_used_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .unwrap();
    let interview = interviews::ActiveModel {
        user_vacancy_id: Set(link.user_vacancy_id),
        status: Set(interviews::STATUS_ACTIVE.into()),
        started_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .unwrap();
    questions::ActiveModel {
        interview_id: Set(interview.interview_id),
        user_vacancy_id: Set(link.user_vacancy_id),
        question_text: Set("Tell me about a Rust service you built.".into()),
        category: Set("technical".into()),
        difficulty: Set("medium".into()),
        skill_tag: Set("Rust".into()),
        skill_tags_json: Set(r#"["Rust"]"#.into()),
        question_order: Set(1),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
    .unwrap()
    .question_id
}

async fn insert_answer(
    conn: &DatabaseConnection,
    question_id: i64,
    text: &str,
) -> Result<answers::Model, DbErr> {
    answers::ActiveModel {
        question_id: Set(question_id),
        answer_text: Set(Some(text.to_owned())),
        is_skipped: Set(false),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
}

#[tokio::test]
async fn duplicate_email_in_another_case_is_rejected_as_unique() {
    let (_database, conn) = migrated().await;
    insert_user(&conn, "ada@example.com").await.expect("first user");

    let error = insert_user(&conn, "ADA@Example.COM").await.expect_err("same address, other case");

    assert_eq!(constraint_violation(&error), Some(ConstraintViolation::Unique), "{error}");
}

#[tokio::test]
async fn second_answer_for_the_same_question_is_rejected_as_unique() {
    let (_database, conn) = migrated().await;
    let question_id = seed_question(&conn).await;
    insert_answer(&conn, question_id, "First and only answer").await.expect("first answer");

    let error = insert_answer(&conn, question_id, "A second try").await.expect_err("second answer");

    assert_eq!(constraint_violation(&error), Some(ConstraintViolation::Unique), "{error}");
}

#[tokio::test]
async fn answer_to_a_missing_question_is_rejected_as_foreign_key() {
    let (_database, conn) = migrated().await;

    let error = insert_answer(&conn, 987_654, "Dangling").await.expect_err("no such question");

    assert_eq!(constraint_violation(&error), Some(ConstraintViolation::ForeignKey), "{error}");
}

#[tokio::test]
async fn other_errors_are_not_mistaken_for_constraint_violations() {
    let (_database, conn) = migrated().await;
    use sea_orm::ConnectionTrait;

    let error = conn.execute_unprepared("SELECT no_such_column FROM users").await.expect_err("bad SQL");

    assert_eq!(constraint_violation(&error), None, "{error}");
}

#[tokio::test]
async fn timestamps_after_2038_round_trip_unchanged() {
    let (_database, conn) = migrated().await;
    let far = chrono::DateTime::parse_from_rfc3339("2040-05-06T07:08:09.123456Z").unwrap().naive_utc();
    let user = users::ActiveModel {
        email: Set("future@example.com".into()),
        first_name: Set("Fu".into()),
        last_name: Set("Ture".into()),
        created_at: Set(far),
        ..Default::default()
    }
    .insert(&conn)
    .await
    .unwrap();

    use sea_orm::EntityTrait;
    let back = users::Entity::find_by_id(user.user_id).one(&conn).await.unwrap().unwrap();
    assert_eq!(back.created_at, far);
}
