//! The maintained analytics aggregates (`candidate_stats`, `correctness_histogram`) and the
//! per-candidate reads analytics needs. The aggregates change only inside the transaction that
//! stores the answer or the suggestion they count, so they always agree with those rows;
//! [`recompute`] derives them from scratch for checks and repairs.

use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    JoinType, QueryFilter, QueryOrder, QuerySelect, RelationTrait, Statement,
};

use super::entities::{
    answers, candidate_stats, correctness_histogram, questions, suggestions, user_vacancies,
};
use crate::server::analytics::metrics::rank_key;

/// Counts one more attempted question (answered, or skipped when `skipped`).
pub async fn record_attempt(db: &impl ConnectionTrait, user_id: i64, skipped: bool) -> Result<(), DbErr> {
    let now = super::now();
    candidate_stats::Entity::insert(candidate_stats::ActiveModel {
        user_id: Set(user_id),
        attempted: Set(1),
        skipped: Set(i64::from(skipped)),
        evaluated: Set(0),
        correctness_sum: Set(0),
        relevance_sum: Set(0),
        red_flags_sum: Set(0),
        rank_key: Set(None),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(candidate_stats::Column::UserId)
            .value(candidate_stats::Column::Attempted, Expr::col(candidate_stats::Column::Attempted).add(1))
            .value(
                candidate_stats::Column::Skipped,
                Expr::col(candidate_stats::Column::Skipped).add(i64::from(skipped)),
            )
            .value(candidate_stats::Column::UpdatedAt, Expr::value(now))
            .to_owned(),
    )
    .exec(db)
    .await
    .map(|_| ())
}

/// Adds one evaluated answer to the candidate's sums and moves them in the histogram.
/// Call inside the transaction that stores the suggestion (after [`record_attempt`]).
pub async fn record_evaluation(
    db: &impl ConnectionTrait,
    user_id: i64,
    correctness: i32,
    relevance: i32,
    red_flags: i32,
) -> Result<(), DbErr> {
    use candidate_stats::Column as C;
    // The update takes the row lock first, so concurrent evaluations of one candidate queue here.
    candidate_stats::Entity::update_many()
        .col_expr(C::Evaluated, Expr::col(C::Evaluated).add(1))
        .col_expr(C::CorrectnessSum, Expr::col(C::CorrectnessSum).add(i64::from(correctness)))
        .col_expr(C::RelevanceSum, Expr::col(C::RelevanceSum).add(i64::from(relevance)))
        .col_expr(C::RedFlagsSum, Expr::col(C::RedFlagsSum).add(i64::from(red_flags)))
        .col_expr(C::UpdatedAt, Expr::value(super::now()))
        .filter(C::UserId.eq(user_id))
        .exec(db)
        .await?;
    let stats = candidate_stats::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("candidate_stats for user {user_id}")))?;
    let new_key = rank_key(stats.correctness_sum, stats.evaluated);
    if new_key == stats.rank_key {
        return Ok(());
    }
    candidate_stats::Entity::update_many()
        .col_expr(C::RankKey, Expr::value(new_key))
        .filter(C::UserId.eq(user_id))
        .exec(db)
        .await?;
    move_in_histogram(db, stats.rank_key, new_key).await?;
    Ok(())
}

/// Moves one candidate from the histogram row of `from` to that of `to` (either may be `None`:
/// not ranked). Two candidates crossing in opposite directions touch the same two rows; taking
/// them in key order keeps their transactions from deadlocking.
pub(super) async fn move_in_histogram(
    db: &impl ConnectionTrait,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<(), DbErr> {
    if from == to {
        return Ok(());
    }
    let mut moves = [(from, -1_i64), (to, 1)];
    moves.sort_by_key(|(key, _)| *key);
    for (key, change) in moves {
        let Some(key) = key else { continue };
        correctness_histogram::Entity::insert(correctness_histogram::ActiveModel {
            rank_key: Set(key),
            candidates: Set(Ord::max(change, 0)),
        })
        .on_conflict(
            OnConflict::column(correctness_histogram::Column::RankKey)
                .value(
                    correctness_histogram::Column::Candidates,
                    Expr::col(correctness_histogram::Column::Candidates).add(change),
                )
                .to_owned(),
        )
        .exec(db)
        .await?;
    }
    Ok(())
}

/// The candidate's totals, if they have attempted anything.
pub async fn stats(db: &DatabaseConnection, user_id: i64) -> Result<Option<candidate_stats::Model>, DbErr> {
    candidate_stats::Entity::find_by_id(user_id).one(db).await
}

/// Every non-empty histogram row as `(rank_key, candidates)`: at most 10,001 rows.
pub async fn histogram(db: &DatabaseConnection) -> Result<Vec<(i32, i64)>, DbErr> {
    let rows = correctness_histogram::Entity::find()
        .filter(correctness_histogram::Column::Candidates.gt(0))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|row| (row.rank_key, row.candidates)).collect())
}

/// One candidate's evaluated answers for one vacancy: the sum of their correctness and how
/// many there are.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct CohortMember {
    pub user_id: i64,
    pub correctness_sum: i64,
    pub evaluated: i64,
}

/// Every candidate with an evaluated answer for `vacancy_id` (a cohort: candidates who uploaded
/// the same job description), from the base tables through their indexes.
pub async fn cohort(db: &DatabaseConnection, vacancy_id: i64) -> Result<Vec<CohortMember>, DbErr> {
    let sql = "SELECT uv.user_id AS user_id, \
                 CAST(SUM(s.correctness) AS SIGNED) AS correctness_sum, \
                 CAST(COUNT(s.suggestion_id) AS SIGNED) AS evaluated \
               FROM user_vacancies uv \
               JOIN questions q ON q.user_vacancy_id = uv.user_vacancy_id \
               JOIN suggestions s ON s.question_id = q.question_id \
               WHERE uv.vacancy_id = ? \
               GROUP BY uv.user_id";
    CohortMember::find_by_statement(portable(db.get_database_backend(), sql, vec![vacancy_id.into()]))
        .all(db)
        .await
}

/// One attempted question of a candidate, with its scores when evaluated.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Attempt {
    pub question_id: i64,
    pub skill_tag: String,
    pub question_text: String,
    pub is_skipped: bool,
    pub correctness: Option<i32>,
    pub role_relevance: Option<i32>,
    pub red_flags_count: Option<i32>,
    pub coach_model: Option<String>,
    pub prompt_version: Option<String>,
    pub input_mode: String,
    pub speaking_seconds: Option<i32>,
    pub words_per_minute: Option<i32>,
    pub filler_count: Option<i32>,
    pub pause_count: Option<i32>,
}

/// Everything the candidate answered or skipped, in the order they did it.
pub async fn attempts(db: &DatabaseConnection, user_id: i64) -> Result<Vec<Attempt>, DbErr> {
    answers::Entity::find()
        .select_only()
        .column(answers::Column::QuestionId)
        .column(questions::Column::SkillTag)
        .column(questions::Column::QuestionText)
        .column(answers::Column::IsSkipped)
        .column(suggestions::Column::Correctness)
        .column(suggestions::Column::RoleRelevance)
        .column(suggestions::Column::RedFlagsCount)
        .column(suggestions::Column::CoachModel)
        .column(suggestions::Column::PromptVersion)
        .column(answers::Column::InputMode)
        .column(answers::Column::SpeakingSeconds)
        .column(answers::Column::WordsPerMinute)
        .column(answers::Column::FillerCount)
        .column(answers::Column::PauseCount)
        .join(JoinType::InnerJoin, answers::Relation::Question.def())
        .join(JoinType::InnerJoin, questions::Relation::UserVacancy.def())
        .join(JoinType::LeftJoin, questions::Relation::Suggestion.def())
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .order_by_asc(answers::Column::AnswerId)
        .into_model::<Attempt>()
        .all(db)
        .await
}

/// The aggregates derived from the base tables alone (answers, suggestions), per candidate.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Recomputed {
    pub user_id: i64,
    pub attempted: i64,
    pub skipped: i64,
    pub evaluated: i64,
    pub correctness_sum: i64,
    pub relevance_sum: i64,
    pub red_flags_sum: i64,
}

/// The totals of [`recompute`], per candidate, from the base tables; `filter` narrows the rows.
const RECOMPUTE: &str = "SELECT uv.user_id AS user_id, \
                 CAST(COUNT(a.answer_id) AS SIGNED) AS attempted, \
                 CAST(COALESCE(SUM(CASE WHEN a.is_skipped THEN 1 ELSE 0 END), 0) AS SIGNED) AS skipped, \
                 CAST(COUNT(s.suggestion_id) AS SIGNED) AS evaluated, \
                 CAST(COALESCE(SUM(s.correctness), 0) AS SIGNED) AS correctness_sum, \
                 CAST(COALESCE(SUM(s.role_relevance), 0) AS SIGNED) AS relevance_sum, \
                 CAST(COALESCE(SUM(s.red_flags_count), 0) AS SIGNED) AS red_flags_sum \
               FROM answers a \
               JOIN questions q ON q.question_id = a.question_id \
               JOIN user_vacancies uv ON uv.user_vacancy_id = q.user_vacancy_id \
               LEFT JOIN suggestions s ON s.question_id = a.question_id";

/// `sql` for `backend`: SQLite spells MySQL's `CAST(… AS SIGNED)` as `AS INTEGER`.
fn portable(backend: sea_orm::DbBackend, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    let sql = if backend == sea_orm::DbBackend::Sqlite {
        sql.replace(" AS SIGNED)", " AS INTEGER)")
    } else {
        sql.to_owned()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// Recomputes every candidate's totals from scratch (a full scan: for checks, never per request).
pub async fn recompute(db: &DatabaseConnection) -> Result<Vec<Recomputed>, DbErr> {
    let sql = format!("{RECOMPUTE} GROUP BY uv.user_id ORDER BY uv.user_id");
    Recomputed::find_by_statement(portable(db.get_database_backend(), &sql, Vec::new())).all(db).await
}

/// Recomputes one candidate's totals from their rows and stores them as their `candidate_stats`
/// row (after the old row was deleted and some of their rows with it, in the same transaction);
/// returns their rank key, for [`move_in_histogram`].
pub async fn restore_stats(txn: &impl ConnectionTrait, user_id: i64) -> Result<Option<i32>, DbErr> {
    let sql = format!("{RECOMPUTE} WHERE uv.user_id = ? GROUP BY uv.user_id");
    let statement = portable(txn.get_database_backend(), &sql, vec![user_id.into()]);
    let Some(totals) = Recomputed::find_by_statement(statement).one(txn).await? else {
        return Ok(None);
    };
    let key = rank_key(totals.correctness_sum, totals.evaluated);
    candidate_stats::Entity::insert(candidate_stats::ActiveModel {
        user_id: Set(user_id),
        attempted: Set(totals.attempted),
        skipped: Set(totals.skipped),
        evaluated: Set(totals.evaluated),
        correctness_sum: Set(totals.correctness_sum),
        relevance_sum: Set(totals.relevance_sum),
        red_flags_sum: Set(totals.red_flags_sum),
        rank_key: Set(key),
        updated_at: Set(super::now()),
    })
    .exec(txn)
    .await?;
    Ok(key)
}

/// Every stored aggregate row, for comparison with [`recompute`].
pub async fn all_stats(db: &DatabaseConnection) -> Result<Vec<candidate_stats::Model>, DbErr> {
    candidate_stats::Entity::find().order_by_asc(candidate_stats::Column::UserId).all(db).await
}
