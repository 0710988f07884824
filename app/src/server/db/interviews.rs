//! Queries on an interview and what happens in it: `interviews`, `questions`, `answers` and
//! `suggestions`. Every read that starts from an id the browser sent is scoped by the caller's
//! user id here, so a question of another candidate is simply not found.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, IdenStatic,
    IntoActiveModel, Iterable, JoinType, NotSet, QueryFilter, QueryOrder, QueryResult, QuerySelect,
    RelationTrait, Select, Set, TransactionTrait,
    sea_query::{
        Alias, Expr, ExprTrait, IntoCondition, Order, Query, QueryStatementBuilder, SelectStatement,
        SimpleExpr,
    },
};

use super::entities::{answers, candidate_stats, interviews, questions, suggestions, user_vacancies, users};

/// A user with where they stand: see [`standing`].
#[derive(Debug, Clone)]
pub struct Standing {
    pub user: users::Model,
    /// Their current vacancy link (the one used last) with its active interview, if one runs.
    pub current: Option<(user_vacancies::Model, Option<interviews::Model>)>,
    /// Their totals, once they have attempted anything.
    pub stats: Option<candidate_stats::Model>,
}

/// The user `user_id` with their current vacancy link, its active interview and their totals,
/// in one statement: the interview screen reads this on every request. `None`: no such user.
///
/// The link is the one used last and the interview, should a race have started two, the
/// oldest (as in [`active`]); each is chosen by a subquery in its join, on
/// `ix_user_vacancies_user_last_used` and `ix_interviews_user_vacancy_status`, so nothing is
/// sorted: sorting the joined rows made MariaDB copy them, long text columns and all, into an
/// on-disk temporary table on every read of the screen.
pub async fn standing(db: &DatabaseConnection, user_id: i64) -> Result<Option<Standing>, DbErr> {
    let latest = Alias::new("latest_link");
    let latest_link = Query::select()
        .column((latest.clone(), user_vacancies::Column::UserVacancyId))
        .from_as(user_vacancies::Entity, latest.clone())
        .and_where(
            Expr::col((latest.clone(), user_vacancies::Column::UserId))
                .equals((users::Entity, users::Column::UserId)),
        )
        .order_by((latest.clone(), user_vacancies::Column::LastUsedAt), Order::Desc)
        .order_by((latest.clone(), user_vacancies::Column::UserVacancyId), Order::Desc)
        .limit(1)
        .to_owned();
    let oldest = Alias::new("oldest_active");
    let oldest_active = Query::select()
        .expr(Expr::col((oldest.clone(), interviews::Column::InterviewId)).min())
        .from_as(interviews::Entity, oldest.clone())
        .and_where(
            Expr::col((oldest.clone(), interviews::Column::UserVacancyId))
                .equals((user_vacancies::Entity, user_vacancies::Column::UserVacancyId)),
        )
        .and_where(Expr::col((oldest.clone(), interviews::Column::Status)).eq(interviews::STATUS_ACTIVE))
        .to_owned();
    let latest_only = users::Relation::UserVacancies.def().on_condition(move |_, link| {
        Expr::col((link, user_vacancies::Column::UserVacancyId)).eq(subquery(&latest_link)).into_condition()
    });
    let oldest_only = user_vacancies::Relation::Interviews.def().on_condition(move |_, interview| {
        Expr::col((interview, interviews::Column::InterviewId)).eq(subquery(&oldest_active)).into_condition()
    });
    let select = users::Entity::find_by_id(user_id)
        .join(JoinType::LeftJoin, latest_only)
        .join(JoinType::LeftJoin, oldest_only)
        .join(JoinType::LeftJoin, candidate_stats::Relation::User.def().rev());
    let select = also(select, user_vacancies::Entity, LINK);
    let select = also(select, interviews::Entity, INTERVIEW);
    let select = also(select, candidate_stats::Entity, STATS);
    select.into_model::<Standing>().one(db).await
}

/// The column prefixes of [`standing`]'s joined tables (the user's columns have none).
const LINK: &str = "link_";
const INTERVIEW: &str = "interview_";
const STATS: &str = "stats_";

/// `select` with every column of `entity` added, named with `prefix`.
fn also<E: EntityTrait, J: EntityTrait>(select: Select<E>, _entity: J, prefix: &str) -> Select<E> {
    J::Column::iter()
        .fold(select, |select, column| select.column_as(column, format!("{prefix}{}", column.as_str())))
}

impl FromQueryResult for Standing {
    fn from_query_result(row: &QueryResult, _prefix: &str) -> Result<Self, DbErr> {
        let link = user_vacancies::Model::from_query_result_optional(row, LINK)?;
        let interview = interviews::Model::from_query_result_optional(row, INTERVIEW)?;
        Ok(Self {
            user: users::Model::from_query_result(row, "")?,
            current: link.map(|link| (link, interview)),
            stats: candidate_stats::Model::from_query_result_optional(row, STATS)?,
        })
    }
}

/// `select` as a subquery that yields one value.
fn subquery(select: &SelectStatement) -> SimpleExpr {
    SimpleExpr::SubQuery(None, Box::new(select.clone().into_sub_query_statement()))
}

/// The active interview of a user-vacancy, if one is running. Should a race have started two,
/// every caller sees the same (the oldest) one, and [`create`] archives the newer.
pub async fn active(
    db: &DatabaseConnection,
    user_vacancy_id: i64,
) -> Result<Option<interviews::Model>, DbErr> {
    interviews::Entity::find()
        .filter(interviews::Column::UserVacancyId.eq(user_vacancy_id))
        .filter(interviews::Column::Status.eq(interviews::STATUS_ACTIVE))
        .order_by_asc(interviews::Column::InterviewId)
        .one(db)
        .await
}

/// Starts an interview for a user-vacancy. Two starts racing (two tabs, two server instances)
/// may both insert; each then archives every active interview newer than the oldest, so exactly
/// one stays active and both callers get it.
pub async fn create(db: &DatabaseConnection, user_vacancy_id: i64) -> Result<interviews::Model, DbErr> {
    interviews::ActiveModel {
        user_vacancy_id: Set(user_vacancy_id),
        status: Set(interviews::STATUS_ACTIVE.to_owned()),
        started_at: Set(super::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let kept = active(db, user_vacancy_id).await?.ok_or_else(|| DbErr::RecordNotFound("interview".into()))?;
    interviews::Entity::update_many()
        .col_expr(interviews::Column::Status, Expr::value(interviews::STATUS_ARCHIVED))
        .col_expr(interviews::Column::ArchivedAt, Expr::value(super::now()))
        .filter(interviews::Column::UserVacancyId.eq(user_vacancy_id))
        .filter(interviews::Column::Status.eq(interviews::STATUS_ACTIVE))
        .filter(interviews::Column::InterviewId.gt(kept.interview_id))
        .exec(db)
        .await?;
    Ok(kept)
}

/// Archives an interview if it is still active; `false` when it was not (already reset).
pub async fn archive(db: &DatabaseConnection, interview_id: i64) -> Result<bool, DbErr> {
    let result = interviews::Entity::update_many()
        .col_expr(interviews::Column::Status, Expr::value(interviews::STATUS_ARCHIVED))
        .col_expr(interviews::Column::ArchivedAt, Expr::value(super::now()))
        .filter(interviews::Column::InterviewId.eq(interview_id))
        .filter(interviews::Column::Status.eq(interviews::STATUS_ACTIVE))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Takes the interview's lease for `token` until `until`, if the interview is active and its
/// lease is free or has expired; returns whether it was taken. One conditional UPDATE: of two
/// instances racing, exactly one wins.
pub async fn take_lease(
    db: &DatabaseConnection,
    interview_id: i64,
    token: &str,
    until: chrono::NaiveDateTime,
) -> Result<bool, DbErr> {
    let now = super::now();
    let result = interviews::Entity::update_many()
        .col_expr(interviews::Column::LeaseToken, Expr::value(token))
        .col_expr(interviews::Column::LeaseUntil, Expr::value(until))
        .filter(interviews::Column::InterviewId.eq(interview_id))
        .filter(interviews::Column::Status.eq(interviews::STATUS_ACTIVE))
        .filter(
            sea_orm::Condition::any()
                .add(interviews::Column::LeaseUntil.is_null())
                .add(interviews::Column::LeaseUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Gives the lease back, if `token` still holds it.
pub async fn release_lease(db: &DatabaseConnection, interview_id: i64, token: &str) -> Result<(), DbErr> {
    interviews::Entity::update_many()
        .col_expr(interviews::Column::LeaseToken, Expr::value(Option::<String>::None))
        .col_expr(interviews::Column::LeaseUntil, Expr::value(Option::<chrono::NaiveDateTime>::None))
        .filter(interviews::Column::InterviewId.eq(interview_id))
        .filter(interviews::Column::LeaseToken.eq(token))
        .exec(db)
        .await
        .map(|_| ())
}

/// Gives back every lease whose token starts with `prefix` (one instance's, at shutdown).
pub async fn release_leases_of(db: &DatabaseConnection, prefix: &str) -> Result<u64, DbErr> {
    let result = interviews::Entity::update_many()
        .col_expr(interviews::Column::LeaseToken, Expr::value(Option::<String>::None))
        .col_expr(interviews::Column::LeaseUntil, Expr::value(Option::<chrono::NaiveDateTime>::None))
        .filter(interviews::Column::LeaseToken.starts_with(prefix))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// A question, only if it belongs to `user_id`.
pub async fn owned_question(
    db: &DatabaseConnection,
    user_id: i64,
    question_id: i64,
) -> Result<Option<questions::Model>, DbErr> {
    questions::Entity::find_by_id(question_id)
        .join(JoinType::InnerJoin, questions::Relation::UserVacancy.def())
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .one(db)
        .await
}

pub async fn find(db: &DatabaseConnection, interview_id: i64) -> Result<Option<interviews::Model>, DbErr> {
    interviews::Entity::find_by_id(interview_id).one(db).await
}

/// A question with what the candidate did with it and the coach's feedback.
#[derive(Debug, Clone)]
pub struct QuestionRecord {
    pub question: questions::Model,
    pub answer: Option<answers::Model>,
    pub suggestion: Option<suggestions::Model>,
}

/// Every question of an interview (asked or prefetched) in order, with answers and feedback,
/// in one statement (each question has at most one answer and one suggestion).
pub async fn records(db: &DatabaseConnection, interview_id: i64) -> Result<Vec<QuestionRecord>, DbErr> {
    with_replies(db, questions::Entity::find().filter(questions::Column::InterviewId.eq(interview_id))).await
}

/// The questions `select` finds, in order, each with its answer and feedback, in one statement.
async fn with_replies(
    db: &DatabaseConnection,
    select: sea_orm::Select<questions::Entity>,
) -> Result<Vec<QuestionRecord>, DbErr> {
    let rows = select
        .find_also_related(answers::Entity)
        .find_also_related(suggestions::Entity)
        .order_by_asc(questions::Column::QuestionOrder)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(question, answer, suggestion)| QuestionRecord { question, answer, suggestion })
        .collect())
}

/// Every interview of the user (running and archived), oldest first, with its link.
pub async fn all_of_user(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<Vec<(interviews::Model, user_vacancies::Model)>, DbErr> {
    let rows = interviews::Entity::find()
        .find_also_related(user_vacancies::Entity)
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .order_by_asc(interviews::Column::StartedAt)
        .order_by_asc(interviews::Column::InterviewId)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(interview, link)| Some((interview, link?))).collect())
}

/// Every question the user was asked, in every interview, with answers and feedback (the
/// history adds them up per interview).
pub async fn asked_of_user(db: &DatabaseConnection, user_id: i64) -> Result<Vec<QuestionRecord>, DbErr> {
    let asked = questions::Entity::find()
        .join(JoinType::InnerJoin, questions::Relation::UserVacancy.def())
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .filter(questions::Column::AskedAt.is_not_null());
    with_replies(db, asked).await
}

/// A question about to be stored.
#[derive(Debug, Clone)]
pub struct NewQuestion {
    pub interview_id: i64,
    pub user_vacancy_id: i64,
    pub text: String,
    pub category: String,
    pub difficulty: String,
    pub skill: String,
    pub order: i32,
    /// Asked straight away, or kept as the prefetched next question.
    pub asked: bool,
}

/// Stores a question; an order already taken in the interview fails with a unique-key error.
pub async fn insert_question(db: &DatabaseConnection, new: NewQuestion) -> Result<questions::Model, DbErr> {
    let now = super::now();
    let tags = serde_json::to_string(&[&new.skill]).map_err(|e| DbErr::Custom(e.to_string()))?;
    questions::ActiveModel {
        interview_id: Set(new.interview_id),
        user_vacancy_id: Set(new.user_vacancy_id),
        question_text: Set(new.text),
        category: Set(new.category),
        difficulty: Set(new.difficulty),
        skill_tag: Set(new.skill),
        skill_tags_json: Set(tags),
        question_order: Set(new.order),
        created_at: Set(now),
        asked_at: Set(new.asked.then_some(now)),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Asks `original` again as a retake in its interview: the prefetched next question, if there is
/// one, becomes the retake (so the order of questions stays the order they were asked in);
/// otherwise a new question is added after the last. Call holding the interview's lease.
/// Returns `false`, asking nothing, when "Next Question" (which takes no lease) asked the
/// prefetched question a moment ago: a new question is on screen then.
pub async fn ask_retake(
    db: &DatabaseConnection,
    original: &questions::Model,
    at: chrono::NaiveDateTime,
) -> Result<bool, DbErr> {
    let prefetched = questions::Entity::find()
        .filter(questions::Column::InterviewId.eq(original.interview_id))
        .filter(questions::Column::AskedAt.is_null())
        .order_by_asc(questions::Column::QuestionOrder)
        .one(db)
        .await?;
    if let Some(prefetched) = prefetched {
        let taken = questions::Entity::update_many()
            .col_expr(questions::Column::QuestionText, Expr::value(original.question_text.clone()))
            .col_expr(questions::Column::Category, Expr::value(original.category.clone()))
            .col_expr(questions::Column::Difficulty, Expr::value(original.difficulty.clone()))
            .col_expr(questions::Column::SkillTag, Expr::value(original.skill_tag.clone()))
            .col_expr(questions::Column::SkillTagsJson, Expr::value(original.skill_tags_json.clone()))
            .col_expr(questions::Column::RetakeOfQuestionId, Expr::value(original.question_id))
            .col_expr(questions::Column::AskedAt, Expr::value(at))
            .filter(questions::Column::QuestionId.eq(prefetched.question_id))
            .filter(questions::Column::AskedAt.is_null())
            .exec(db)
            .await?;
        return Ok(taken.rows_affected > 0);
    }
    let last: Option<i32> = questions::Entity::find()
        .select_only()
        .column_as(questions::Column::QuestionOrder.max(), "last")
        .filter(questions::Column::InterviewId.eq(original.interview_id))
        .into_tuple()
        .one(db)
        .await?
        .flatten();
    questions::ActiveModel {
        interview_id: Set(original.interview_id),
        user_vacancy_id: Set(original.user_vacancy_id),
        question_text: Set(original.question_text.clone()),
        category: Set(original.category.clone()),
        difficulty: Set(original.difficulty.clone()),
        skill_tag: Set(original.skill_tag.clone()),
        skill_tags_json: Set(original.skill_tags_json.clone()),
        question_order: Set(last.unwrap_or(0) + 1),
        created_at: Set(at),
        asked_at: Set(Some(at)),
        retake_of_question_id: Set(Some(original.question_id)),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| true)
}

/// Marks a prefetched question as shown to the candidate at `at`. Returns whether this call did
/// (`false`: it was asked already, by a request racing this one).
pub async fn mark_asked(
    db: &DatabaseConnection,
    question_id: i64,
    at: chrono::NaiveDateTime,
) -> Result<bool, DbErr> {
    let result = questions::Entity::update_many()
        .col_expr(questions::Column::AskedAt, Expr::value(at))
        .filter(questions::Column::QuestionId.eq(question_id))
        .filter(questions::Column::AskedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Stores the candidate's answer (or skip) `answer`, and counts the attempt in the same
/// transaction; returns it with the id the database assigned. A second answer to the same
/// question fails with a unique-key error: that is what makes "submit once" hold under races.
pub async fn insert_answer(
    db: &DatabaseConnection,
    user_id: i64,
    mut answer: answers::Model,
) -> Result<answers::Model, DbErr> {
    // Every column as in `answer`, except the id the database assigns.
    let row = answers::ActiveModel { answer_id: NotSet, ..answer.clone().into_active_model() };
    let txn = db.begin().await?;
    // `exec` rather than `insert`: the row is known, so it is not read back (one statement).
    answer.answer_id = answers::Entity::insert(row).exec(&txn).await?.last_insert_id;
    super::analytics::record_attempt(&txn, user_id, answer.is_skipped).await?;
    txn.commit().await?;
    Ok(answer)
}

/// The answers and the feedback of `question_ids` (the report prints them in full). The ids
/// come from the caller's own attempts.
pub async fn answers_and_suggestions(
    db: &DatabaseConnection,
    question_ids: &[i64],
) -> Result<(Vec<answers::Model>, Vec<suggestions::Model>), DbErr> {
    let ids = question_ids.iter().copied();
    let answers =
        answers::Entity::find().filter(answers::Column::QuestionId.is_in(ids.clone())).all(db).await?;
    let suggestions =
        suggestions::Entity::find().filter(suggestions::Column::QuestionId.is_in(ids)).all(db).await?;
    Ok((answers, suggestions))
}

pub async fn answer_of(db: &DatabaseConnection, question_id: i64) -> Result<Option<answers::Model>, DbErr> {
    answers::Entity::find().filter(answers::Column::QuestionId.eq(question_id)).one(db).await
}

/// Stores the coach's feedback and adds it to the candidate's aggregates in one transaction; a
/// second one for the same question fails with a unique-key error. A transaction the database
/// broke off (deadlock, lock timeout) is run again, up to three times.
pub async fn insert_suggestion(
    db: &DatabaseConnection,
    user_id: i64,
    suggestion: suggestions::ActiveModel,
) -> Result<suggestions::Model, DbErr> {
    let mut attempt = 1;
    loop {
        match store_suggestion(db, user_id, suggestion.clone()).await {
            Err(error) if attempt < 3 && super::is_transient(&error) => {
                tracing::warn!(attempt, %error, "storing feedback collided with another transaction; retrying");
                attempt += 1;
            }
            result => return result,
        }
    }
}

async fn store_suggestion(
    db: &DatabaseConnection,
    user_id: i64,
    suggestion: suggestions::ActiveModel,
) -> Result<suggestions::Model, DbErr> {
    let txn = db.begin().await?;
    let saved = suggestion.insert(&txn).await?;
    super::analytics::record_evaluation(
        &txn,
        user_id,
        saved.correctness,
        saved.role_relevance,
        saved.red_flags_count,
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}
