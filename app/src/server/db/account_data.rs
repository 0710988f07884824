//! Everything stored about one candidate, read in one go for their data export, and deleted in
//! one transaction when they delete their account.
//!
//! Every read and delete here is scoped by the user id alone: the rows of a candidate are their
//! `users` row, `candidate_stats`, `usage_events`, `events` with their id, their
//! `user_vacancies` links and what hangs off those (`interviews`, `questions`, `answers`,
//! `suggestions`). A vacancy is shared by every candidate with the same JD file, so it is theirs
//! only while nobody else links to it.
//!
//! Deletion removes children before parents and never counts on `ON DELETE` actions: they differ
//! between the migrations' intent and what a given SQLite connection enforces.

use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, JoinType, QueryFilter,
    QueryOrder, QuerySelect, RelationTrait, TransactionTrait,
};

use super::entities::{
    answers, candidate_stats, events, interviews, questions, suggestions, usage_events, user_vacancies,
    users, vacancies,
};

/// One vacancy the candidate linked to, with their own link row.
#[derive(Debug, Clone)]
pub struct LinkedVacancy {
    pub link: user_vacancies::Model,
    pub vacancy: vacancies::Model,
}

/// Every stored row of one candidate.
#[derive(Debug, Clone)]
pub struct AccountRows {
    pub user: users::Model,
    pub cv_text: Option<String>,
    pub vacancies: Vec<LinkedVacancy>,
    pub interviews: Vec<interviews::Model>,
    /// Ordered by interview, then by place in the interview.
    pub questions: Vec<questions::Model>,
    pub answers: Vec<answers::Model>,
    pub suggestions: Vec<suggestions::Model>,
    pub stats: Option<candidate_stats::Model>,
    pub events: Vec<events::Model>,
    pub usage: Vec<usage_events::Model>,
}

/// Reads every row of the candidate; `None` when the user does not exist.
pub async fn read(db: &DatabaseConnection, user_id: i64) -> Result<Option<AccountRows>, DbErr> {
    let Some(user) = users::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let links = user_vacancies::Entity::find()
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .order_by_asc(user_vacancies::Column::UserVacancyId)
        .find_also_related(vacancies::Entity)
        .all(db)
        .await?;
    let vacancies = links
        .into_iter()
        .filter_map(|(link, vacancy)| Some(LinkedVacancy { link, vacancy: vacancy? }))
        .collect();
    let interviews = interviews::Entity::find()
        .join(JoinType::InnerJoin, interviews::Relation::UserVacancy.def())
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .order_by_asc(interviews::Column::InterviewId)
        .all(db)
        .await?;
    let questions = questions::Entity::find()
        .filter(questions::Column::QuestionId.in_subquery(question_ids(user_id)))
        .order_by_asc(questions::Column::InterviewId)
        .order_by_asc(questions::Column::QuestionOrder)
        .all(db)
        .await?;
    let answers = answers::Entity::find()
        .filter(answers::Column::QuestionId.in_subquery(question_ids(user_id)))
        .order_by_asc(answers::Column::AnswerId)
        .all(db)
        .await?;
    let suggestions = suggestions::Entity::find()
        .filter(suggestions::Column::QuestionId.in_subquery(question_ids(user_id)))
        .order_by_asc(suggestions::Column::SuggestionId)
        .all(db)
        .await?;
    let stats = candidate_stats::Entity::find_by_id(user_id).one(db).await?;
    let events = events::Entity::find()
        .filter(events::Column::UserId.eq(user_id))
        .order_by_asc(events::Column::EventId)
        .all(db)
        .await?;
    let usage = usage_events::Entity::find()
        .filter(usage_events::Column::UserId.eq(user_id))
        .order_by_asc(usage_events::Column::UsageId)
        .all(db)
        .await?;
    let cv_text = super::users::cv_text(db, user_id).await?;
    Ok(Some(AccountRows {
        cv_text,
        user,
        vacancies,
        interviews,
        questions,
        answers,
        suggestions,
        stats,
        events,
        usage,
    }))
}

/// `SELECT user_vacancy_id FROM user_vacancies WHERE user_id = ?`
fn link_ids(user_id: i64) -> SelectStatement {
    Query::select()
        .column(user_vacancies::Column::UserVacancyId)
        .from(user_vacancies::Entity)
        .and_where(user_vacancies::Column::UserId.eq(user_id))
        .to_owned()
}

/// The candidate's interviews, by their links.
fn interview_ids(user_id: i64) -> SelectStatement {
    Query::select()
        .column(interviews::Column::InterviewId)
        .from(interviews::Entity)
        .and_where(interviews::Column::UserVacancyId.in_subquery(link_ids(user_id)))
        .to_owned()
}

/// The candidate's questions: those of their links, and those of their interviews (the same
/// set while `questions.user_vacancy_id` agrees with its interview's, and complete if not).
fn question_ids(user_id: i64) -> SelectStatement {
    Query::select()
        .column(questions::Column::QuestionId)
        .from(questions::Entity)
        .cond_where(
            questions::Column::UserVacancyId
                .in_subquery(link_ids(user_id))
                .or(questions::Column::InterviewId.in_subquery(interview_ids(user_id))),
        )
        .to_owned()
}

/// How many rows a deletion removed from each table, and what happened to the vacancies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeletedRows {
    pub users: u64,
    pub user_vacancies: u64,
    pub interviews: u64,
    pub questions: u64,
    pub answers: u64,
    pub suggestions: u64,
    pub events: u64,
    pub usage_events: u64,
    pub candidate_stats: u64,
    /// Vacancies nobody links to any more, deleted.
    pub vacancies_deleted: u64,
    /// Vacancies other candidates still link to, kept.
    pub vacancies_kept: u64,
}

/// Deletes every row of the candidate in one transaction and takes them out of the score
/// histogram, so everyone else's rank and percentile stay right.
pub async fn delete(db: &DatabaseConnection, user_id: i64) -> Result<DeletedRows, DbErr> {
    retried(db, "deleting an account", |txn| Box::pin(delete_in(txn, user_id))).await
}

/// Deletes one of the candidate's vacancy links with its interviews, questions, answers and
/// feedback (and the vacancy itself when nobody else links to it), and recomputes their totals
/// from what is left. `false` when the link is not theirs (or gone already).
pub async fn delete_link(db: &DatabaseConnection, user_id: i64, user_vacancy_id: i64) -> Result<bool, DbErr> {
    retried(db, "removing a vacancy", |txn| Box::pin(delete_link_in(txn, user_id, user_vacancy_id))).await
}

type InTransaction<'t, T> = std::pin::Pin<Box<dyn Future<Output = Result<T, DbErr>> + Send + 't>>;

/// Runs `work` in a transaction and commits it; a transaction the database broke off (deadlock,
/// lock timeout) is run again, up to three times.
async fn retried<T>(
    db: &DatabaseConnection,
    what: &str,
    work: impl for<'t> Fn(&'t DatabaseTransaction) -> InTransaction<'t, T>,
) -> Result<T, DbErr> {
    let mut attempt = 1;
    loop {
        let txn = db.begin().await?;
        match work(&txn).await {
            Ok(done) => {
                txn.commit().await?;
                return Ok(done);
            }
            Err(error) => {
                // The work's own error is the one worth returning.
                if let Err(rollback) = txn.rollback().await {
                    tracing::warn!(error = %rollback, "could not roll back after {what} failed");
                }
                if attempt < 3 && super::is_transient(&error) {
                    tracing::warn!(attempt, %error, "{what} collided with another transaction; retrying");
                    attempt += 1;
                    continue;
                }
                return Err(error);
            }
        }
    }
}

async fn delete_link_in(
    txn: &DatabaseTransaction,
    user_id: i64,
    user_vacancy_id: i64,
) -> Result<bool, DbErr> {
    let Some(link) = user_vacancies::Entity::find_by_id(user_vacancy_id)
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .one(txn)
        .await?
    else {
        return Ok(false);
    };
    let before = delete_stats(txn, user_id).await?.and_then(|stats| stats.rank_key);
    let questions_of_link = || {
        Query::select()
            .column(questions::Column::QuestionId)
            .from(questions::Entity)
            .and_where(questions::Column::UserVacancyId.eq(user_vacancy_id))
            .to_owned()
    };
    suggestions::Entity::delete_many()
        .filter(suggestions::Column::QuestionId.in_subquery(questions_of_link()))
        .exec(txn)
        .await?;
    answers::Entity::delete_many()
        .filter(answers::Column::QuestionId.in_subquery(questions_of_link()))
        .exec(txn)
        .await?;
    questions::Entity::delete_many()
        .filter(questions::Column::UserVacancyId.eq(user_vacancy_id))
        .exec(txn)
        .await?;
    interviews::Entity::delete_many()
        .filter(interviews::Column::UserVacancyId.eq(user_vacancy_id))
        .exec(txn)
        .await?;
    user_vacancies::Entity::delete_by_id(user_vacancy_id).exec(txn).await?;
    delete_unshared_vacancy(txn, link.vacancy_id).await?;
    let after = super::analytics::restore_stats(txn, user_id).await?;
    super::analytics::move_in_histogram(txn, before, after).await?;
    Ok(true)
}

async fn delete_in(txn: &DatabaseTransaction, user_id: i64) -> Result<DeletedRows, DbErr> {
    // Lock the user first: a link, a statistics row or a usage row inserted for them from now on
    // waits for this transaction and then fails its foreign key (on SQLite the write lock does
    // the same). The assignment changes nothing.
    users::Entity::update_many()
        .col_expr(users::Column::LastLoginAt, Expr::col(users::Column::LastLoginAt))
        .filter(users::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;

    let mut deleted =
        DeletedRows { candidate_stats: leave_histogram(txn, user_id).await?, ..Default::default() };
    let linked: Vec<i64> = user_vacancies::Entity::find()
        .select_only()
        .column(user_vacancies::Column::VacancyId)
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .into_tuple()
        .all(txn)
        .await?;

    deleted.suggestions = suggestions::Entity::delete_many()
        .filter(suggestions::Column::QuestionId.in_subquery(question_ids(user_id)))
        .exec(txn)
        .await?
        .rows_affected;
    deleted.answers = answers::Entity::delete_many()
        .filter(answers::Column::QuestionId.in_subquery(question_ids(user_id)))
        .exec(txn)
        .await?
        .rows_affected;
    // The question set is read from `questions` itself, which MySQL refuses in a DELETE on it:
    // delete by the two conditions directly instead.
    deleted.questions = questions::Entity::delete_many()
        .filter(
            questions::Column::UserVacancyId
                .in_subquery(link_ids(user_id))
                .or(questions::Column::InterviewId.in_subquery(interview_ids(user_id))),
        )
        .exec(txn)
        .await?
        .rows_affected;
    deleted.interviews = interviews::Entity::delete_many()
        .filter(interviews::Column::UserVacancyId.in_subquery(link_ids(user_id)))
        .exec(txn)
        .await?
        .rows_affected;
    deleted.user_vacancies = user_vacancies::Entity::delete_many()
        .filter(user_vacancies::Column::UserId.eq(user_id))
        .exec(txn)
        .await?
        .rows_affected;
    for vacancy_id in linked {
        if delete_unshared_vacancy(txn, vacancy_id).await? {
            deleted.vacancies_deleted += 1;
        } else {
            deleted.vacancies_kept += 1;
        }
    }
    deleted.usage_events = usage_events::Entity::delete_many()
        .filter(usage_events::Column::UserId.eq(user_id))
        .exec(txn)
        .await?
        .rows_affected;
    deleted.events = events::Entity::delete_many()
        .filter(events::Column::UserId.eq(user_id))
        .exec(txn)
        .await?
        .rows_affected;
    deleted.users =
        users::Entity::delete_many().filter(users::Column::UserId.eq(user_id)).exec(txn).await?.rows_affected;
    Ok(deleted)
}

/// Deletes the candidate's `candidate_stats` row (locked first, as `record_evaluation` does, so
/// an evaluation running now cannot move them to another bucket unseen) and returns it; the
/// histogram is the caller's to update.
async fn delete_stats(
    txn: &DatabaseTransaction,
    user_id: i64,
) -> Result<Option<candidate_stats::Model>, DbErr> {
    use candidate_stats::Column as C;
    candidate_stats::Entity::update_many()
        .col_expr(C::UpdatedAt, Expr::value(super::now()))
        .filter(C::UserId.eq(user_id))
        .exec(txn)
        .await?;
    let stats = candidate_stats::Entity::find_by_id(user_id).one(txn).await?;
    candidate_stats::Entity::delete_many().filter(C::UserId.eq(user_id)).exec(txn).await?;
    Ok(stats)
}

/// Deletes the candidate's `candidate_stats` row and takes them out of their histogram bucket;
/// returns the rows deleted (0 when they never attempted a question).
async fn leave_histogram(txn: &DatabaseTransaction, user_id: i64) -> Result<u64, DbErr> {
    let Some(stats) = delete_stats(txn, user_id).await? else {
        return Ok(0);
    };
    super::analytics::move_in_histogram(txn, stats.rank_key, None).await?;
    Ok(1)
}

/// Deletes a vacancy nobody links to any more (`true`). One that another candidate still uses is
/// kept, and its seed columns (the first uploader's title and file name) are set to those of the
/// earliest remaining link, so nothing the deleted candidate typed stays behind (`false`).
async fn delete_unshared_vacancy(txn: &DatabaseTransaction, vacancy_id: i64) -> Result<bool, DbErr> {
    let remaining = user_vacancies::Entity::find()
        .filter(user_vacancies::Column::VacancyId.eq(vacancy_id))
        .order_by_asc(user_vacancies::Column::UserVacancyId)
        .one(txn)
        .await?;
    if remaining.is_none() {
        // Audit events outlive the vacancy they mention.
        events::Entity::update_many()
            .col_expr(events::Column::VacancyId, Expr::value(None::<i64>))
            .filter(events::Column::VacancyId.eq(vacancy_id))
            .exec(txn)
            .await?;
        let no_links = Query::select()
            .expr(Expr::val(1))
            .from(user_vacancies::Entity)
            .and_where(
                Expr::col((user_vacancies::Entity, user_vacancies::Column::VacancyId))
                    .equals((vacancies::Entity, vacancies::Column::VacancyId)),
            )
            .to_owned();
        let removed = vacancies::Entity::delete_many()
            .filter(vacancies::Column::VacancyId.eq(vacancy_id))
            .filter(Expr::exists(no_links).not())
            .exec(txn)
            .await?
            .rows_affected;
        if removed > 0 {
            return Ok(true);
        }
    }
    // Linked again in the meantime, or still shared.
    let Some(first) = user_vacancies::Entity::find()
        .filter(user_vacancies::Column::VacancyId.eq(vacancy_id))
        .order_by_asc(user_vacancies::Column::UserVacancyId)
        .one(txn)
        .await?
    else {
        return Ok(false);
    };
    vacancies::Entity::update_many()
        .col_expr(vacancies::Column::PositionTitle, Expr::value(first.position_title))
        .col_expr(vacancies::Column::JdFileName, Expr::value(first.jd_file_name))
        .filter(vacancies::Column::VacancyId.eq(vacancy_id))
        .exec(txn)
        .await?;
    Ok(false)
}
