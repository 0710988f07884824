//! The interview: questions that cover the vacancy's ten skills (least covered next), each
//! answered once or skipped, the coach's feedback stored with every answer, and reset.
//!
//! Rules the code keeps:
//! - "Submit once" is the database's unique key on `answers.question_id`: whoever inserts first
//!   wins, every other attempt (double click, second tab, replay) is told "already submitted",
//!   and only the winner asks the coach, so there is one suggestion too.
//! - The answer is stored before the coach runs; a coach failure loses nothing and "Retry
//!   feedback" evaluates the stored answer again.
//! - The next question is generated in the background as soon as a question is on screen (a
//!   question row with `asked_at` NULL), so "Next Question" usually only marks it asked. Moving on
//!   happens under a per-interview lock and only from the question currently on screen, so a
//!   double click never skips two questions.

mod asking;
pub mod history;
mod locks;
mod retakes;
pub mod stored;

use std::time::{Duration, Instant};

use crate::error::{AppError, ResultExt};
use crate::messages;
use crate::model::home::{Home, NextStep, Returning};
use crate::model::interview::{
    InterviewScreen, Progress, Reply, Retake, Run, Scores, SpokenTake, Stage, Submitted, Turn, VoiceInput,
};
use crate::server::audit::{self, Event};
use crate::server::coach::profile::TopSkill;
use crate::server::coach::rubric::Asked;
use crate::server::coach::{delivery, engine};
use crate::server::db::entities::{interviews, questions, user_vacancies, users};
use crate::server::db::interviews::QuestionRecord;
use crate::server::db::{self, Duplicate, UniqueKeyExt};
use crate::server::intake;
use crate::server::limits::{self, Action};
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// Longest answer kept, in characters (about ten minutes of speaking, many times over).
pub const MAX_ANSWER_CHARS: usize = 20_000;

use asking::{move_on, prefetch};
pub use locks::{QuestionLock, QuestionLocks};
pub use retakes::retake;

/// The candidate's current vacancy and its active interview.
#[derive(Clone)]
pub(super) struct Running {
    user: users::Model,
    link: user_vacancies::Model,
    interview: interviews::Model,
    /// Whether the candidate had answered or skipped any question before this request.
    attempted: bool,
}

/// Where the candidate stands before any question is involved.
/// `attempted`: whether the candidate had answered or skipped any question before this request.
enum Situation {
    NotReady { reason: String, link: Option<user_vacancies::Model>, attempted: bool },
    NotStarted { link: user_vacancies::Model, attempted: bool },
    Running(Box<Running>),
}

/// Where the candidate `user_id` stands, with their row, in one statement (the user, their
/// current vacancy link with its active interview, and their totals). A user who no longer
/// exists is not signed in.
async fn situation(state: &AppState, user_id: i64) -> Result<(users::Model, Situation), AppError> {
    let standing = db::interviews::standing(&state.db, user_id)
        .await
        .context("reading the candidate, their current vacancy and interview")?
        .ok_or(AppError::Unauthorized)?;
    let db::interviews::Standing { user, current, stats } = standing;
    let attempted = stats.is_some_and(|stats| stats.attempted > 0);
    if let Some(reason) = intake::blocked_reason(user.cv_file_hash.is_some(), current.is_some()) {
        let link = current.map(|(link, _)| link);
        return Ok((user, Situation::NotReady { reason, link, attempted }));
    }
    let Some((link, active)) = current else {
        return Err(AppError::internal(anyhow::anyhow!("the gate passed without a current vacancy")));
    };
    let situation = match active {
        None => Situation::NotStarted { link, attempted },
        Some(interview) => {
            Situation::Running(Box::new(Running { user: user.clone(), link, interview, attempted }))
        }
    };
    Ok((user, situation))
}

/// The interview screen for the candidate `user_id`. An interview with nothing asked yet gets
/// its first question here; once a question is on screen, the next one is prepared in the
/// background (unless it is waiting already). A read of a running interview is three
/// statements: the session, [`situation`] and the questions with their answers and feedback.
pub async fn screen(state: &AppState, user_id: i64) -> Result<InterviewScreen, AppError> {
    let running = match situation(state, user_id).await? {
        (_, Situation::Running(running)) => running,
        (user, other) => return render(state, &user, other).await,
    };
    let mut records = records(state, running.interview.interview_id).await?;
    if !records.iter().any(is_asked) {
        records = move_on(state, &running, records, None).await?;
    }
    prefetch_unless_waiting(state, &running, &records);
    Ok(running_screen(state, &running, &records))
}

/// Starts preparing the next question in the background unless one is prepared already.
fn prefetch_unless_waiting(state: &AppState, running: &Running, records: &[QuestionRecord]) {
    if !records.iter().any(|r| !is_asked(r)) {
        prefetch(state, running);
    }
}

/// The screen for `situation`, reading the running interview's questions.
async fn render(
    state: &AppState,
    user: &users::Model,
    situation: Situation,
) -> Result<InterviewScreen, AppError> {
    Ok(match situation {
        Situation::NotReady { reason, link, attempted } => {
            InterviewScreen { stage: Stage::NotReady { reason }, ..documents(user, link.as_ref(), attempted) }
        }
        Situation::NotStarted { link, attempted } => documents(user, Some(&link), attempted),
        Situation::Running(running) => {
            let records = records(state, running.interview.interview_id).await?;
            running_screen(state, &running, &records)
        }
    })
}

/// The screen of a running interview whose questions are `records`.
fn running_screen(state: &AppState, running: &Running, records: &[QuestionRecord]) -> InterviewScreen {
    let run = Run {
        progress: progress(&top_skills(&running.link), records),
        turns: turns(records),
        coach: state.coach.label(),
        voice: if state.transcriber.is_some() { VoiceInput::Transcriber } else { VoiceInput::Browser },
    };
    let analytics = analytics_available(running.attempted, records);
    InterviewScreen { stage: Stage::Running(run), ..documents(&running.user, Some(&running.link), analytics) }
}

/// The screen's frame: the title and file names are the candidate's own (their link), never
/// the shared vacancy's.
fn documents(
    user: &users::Model,
    link: Option<&user_vacancies::Model>,
    analytics_available: bool,
) -> InterviewScreen {
    InterviewScreen {
        position_title: link.map(|l| l.position_title.clone()).unwrap_or_default(),
        cv_file_name: user.cv_file_name.clone().unwrap_or_default(),
        jd_file_name: link.and_then(|l| l.jd_file_name.clone()).unwrap_or_default(),
        stage: Stage::NotStarted,
        analytics_available,
    }
}

/// Whether the candidate has answered or skipped a question (analytics open then): they had
/// before this request (`attempted`), or `records` (the running interview as it now is) holds
/// a reply.
fn analytics_available(attempted: bool, records: &[QuestionRecord]) -> bool {
    attempted || records.iter().any(|r| r.answer.is_some())
}

/// The home page for the candidate `user_id`: the introduction until they have uploaded
/// something, then where they are in their current vacancy.
pub async fn home(state: &AppState, user_id: i64) -> Result<Home, AppError> {
    let (user, situation) = situation(state, user_id).await?;
    let (link, step, records, attempted) = match situation {
        Situation::NotReady { link: None, .. } if user.cv_file_hash.is_none() => {
            return Ok(Home::Introduction);
        }
        Situation::NotReady { reason, link, attempted } => {
            (link, NextStep::Upload { reason }, Vec::new(), attempted)
        }
        Situation::NotStarted { link, attempted } => (Some(link), NextStep::Start, Vec::new(), attempted),
        Situation::Running(running) => {
            let records = records(state, running.interview.interview_id).await?;
            let question = records.iter().filter(|r| is_asked(r)).count().max(1);
            let step =
                NextStep::Continue { question, progress: progress(&top_skills(&running.link), &records) };
            (Some(running.link), step, records, running.attempted)
        }
    };
    Ok(Home::Returning(Returning {
        first_name: user.first_name.clone(),
        position_title: link.map(|l| l.position_title).unwrap_or_default(),
        step,
        analytics_available: analytics_available(attempted, &records),
    }))
}

pub(super) fn is_asked(record: &QuestionRecord) -> bool {
    record.question.asked_at.is_some()
}

/// The turns on screen: the asked questions of `records`, numbered, each retake pointing at the
/// question it tries again.
fn turns(records: &[QuestionRecord]) -> Vec<Turn> {
    let asked: Vec<&QuestionRecord> = records.iter().filter(|r| is_asked(r)).collect();
    asked
        .iter()
        .enumerate()
        .map(|(i, record)| {
            let retake = record.question.retake_of_question_id.and_then(|original| {
                let position = asked.iter().position(|r| r.question.question_id == original)?;
                let before =
                    asked[position].suggestion.as_ref().map(|row| Scores::of(&stored::feedback(row)));
                Some(Retake { of_number: position + 1, before })
            });
            Turn { retake, ..turn(i + 1, record) }
        })
        .collect()
}

fn turn(number: usize, record: &QuestionRecord) -> Turn {
    let question = &record.question;
    let reply = match &record.answer {
        None => Reply::Open,
        Some(answer) => match (&answer.answer_text, answer.is_skipped) {
            (Some(text), false) => Reply::Answered {
                text: text.clone(),
                feedback: record.suggestion.as_ref().map(|row| Box::new(stored::feedback(row))),
                delivery: stored::delivery(answer),
            },
            _ => Reply::Skipped,
        },
    };
    Turn {
        question_id: question.question_id,
        number,
        question: question.question_text.clone(),
        skill: question.skill_tag.clone(),
        category: question.category.clone(),
        difficulty: question.difficulty.clone(),
        reply,
        retake: None,
    }
}

/// How many of the top skills the questions on screen have covered.
fn progress(top: &[TopSkill], records: &[QuestionRecord]) -> Progress {
    let covered = top
        .iter()
        .filter(|skill| records.iter().any(|r| is_asked(r) && r.question.skill_tag == skill.name))
        .count();
    Progress { covered, total: top.len() }
}

pub(super) fn top_skills(link: &user_vacancies::Model) -> Vec<TopSkill> {
    intake::top_skills(link)
}

pub(super) async fn records(state: &AppState, interview_id: i64) -> Result<Vec<QuestionRecord>, AppError> {
    db::interviews::records(&state.db, interview_id).await.context("reading the interview's questions")
}

/// Starts an interview for the current vacancy (or keeps the running one). The coach ranks the
/// skills first if an earlier attempt to do so failed. Returns the user's row as it now is (with
/// the skills), for showing the screen.
pub async fn start(state: &AppState, user: &users::Model) -> Result<users::Model, AppError> {
    let current =
        db::vacancies::current(&state.db, user.user_id).await.context("reading the current vacancy")?;
    let Some((link, _)) = current else {
        intake::start_interview(state, user).await?;
        return Ok(user.clone());
    };
    // A new CV since the skills were ranked: rank them again (if the coach cannot now, the
    // earlier ranking, made for the same job description, still serves).
    let link = if user.cv_file_hash.is_some() && intake::needs_ranking(&link, user) {
        intake::refresh_profile(state, user.user_id).await?;
        db::vacancies::current(&state.db, user.user_id)
            .await
            .context("reading the current vacancy")?
            .map_or(link, |(link, _)| link)
    } else {
        link
    };
    if top_skills(&link).is_empty() && user.cv_file_hash.is_some() {
        return Err(AppError::Unavailable(messages::SKILLS_NOT_RANKED_YET.into()));
    }
    intake::start_interview(state, user).await?;
    Ok(user.clone())
}

/// "Next Question" from the question on screen: skips it if it has no answer yet, then shows
/// the next one. From any other question (a second click, an old tab) it changes nothing.
pub async fn next(
    state: &AppState,
    request_id: &RequestId,
    user_id: i64,
    question_id: i64,
) -> Result<InterviewScreen, AppError> {
    let opened = open_question(state, user_id, question_id).await?;
    let records = move_on(state, &opened.running, opened.records, Some((request_id, question_id))).await?;
    prefetch_unless_waiting(state, &opened.running, &records);
    Ok(running_screen(state, &opened.running, &records))
}

/// A question of the caller's running interview, with that interview and all its questions.
struct OpenQuestion {
    running: Running,
    records: Vec<QuestionRecord>,
    question: questions::Model,
}

/// The caller's question `question_id`, asked in their running interview. Another candidate's
/// question is not found; one of the caller's earlier interviews is closed.
async fn open_question(state: &AppState, user_id: i64, question_id: i64) -> Result<OpenQuestion, AppError> {
    if let (_, Situation::Running(running)) = situation(state, user_id).await? {
        let records = records(state, running.interview.interview_id).await?;
        let found = records.iter().find(|r| r.question.question_id == question_id && is_asked(r));
        if let Some(question) = found.map(|r| r.question.clone()) {
            return Ok(OpenQuestion { running: *running, records, question });
        }
    }
    let owned = db::interviews::owned_question(&state.db, user_id, question_id)
        .await
        .context("reading the question")?
        .filter(|q| q.asked_at.is_some());
    Err(match owned {
        Some(_) => AppError::Conflict(messages::INTERVIEW_CLOSED.into()),
        None => AppError::NotFound,
    })
}

/// What "Submit Answer" and "Retry feedback" did, and how much of the time the coach took.
pub struct Evaluated {
    pub submitted: Submitted,
    pub coach_time: Duration,
}

/// "Submit Answer": stores the answer once, then the coach's feedback.
pub async fn submit(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
    question_id: i64,
    answer: &str,
    spoken: Option<&SpokenTake>,
) -> Result<Evaluated, AppError> {
    let answer = answer.trim();
    if answer.is_empty() {
        return Err(AppError::validation("answer", messages::ANSWER_EMPTY));
    }
    if answer.chars().count() > MAX_ANSWER_CHARS {
        return Err(AppError::validation("answer", messages::answer_too_long(MAX_ANSWER_CHARS)));
    }
    let OpenQuestion { running, question, .. } = open_question(state, user.user_id, question_id).await?;
    // Counted before the answer is stored: a refusal leaves nothing half-done.
    limits::take(state, user.user_id, Action::CoachCall).await?;
    let delivery = spoken.map(|take| delivery::analyse(&take.transcript, take.seconds, take.pauses));
    let row = stored::answer_row(question_id, Some(answer.to_owned()), delivery.as_ref());
    let inserted = db::interviews::insert_answer(&state.db, user.user_id, row)
        .await
        .or_duplicate()
        .context("saving the answer")?;
    if let Err(Duplicate) = inserted {
        let skipped = db::interviews::answer_of(&state.db, question_id)
            .await
            .context("reading the answer stored first")?
            .is_some_and(|existing| existing.is_skipped);
        return Err(AppError::Conflict(if skipped {
            messages::ALREADY_SKIPPED.into()
        } else {
            messages::ALREADY_ANSWERED.into()
        }));
    }
    let event =
        Event::new(audit::ANSWER_SAVED).user(user.user_id).vacancy(running.link.vacancy_id).detail(format!(
            "question {}, {} characters{}",
            question.question_order,
            answer.chars().count(),
            if delivery.is_some() { ", spoken" } else { "" }
        ));
    audit::record(&state.db, Some(request_id), event).await;
    let (coach_problem, coach_time) = evaluate(state, request_id, &running, &question, answer).await?;
    let screen = render(state, user, Situation::Running(Box::new(running))).await?;
    Ok(Evaluated { submitted: Submitted { screen, coach_problem }, coach_time })
}

/// "Retry feedback": evaluates a stored answer that has no feedback yet.
pub async fn retry_feedback(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
    question_id: i64,
) -> Result<Evaluated, AppError> {
    let OpenQuestion { running, records, question } = open_question(state, user.user_id, question_id).await?;
    let record = records.iter().find(|r| r.question.question_id == question_id);
    let Some(text) = record.and_then(|r| r.answer.as_ref()).and_then(|a| a.answer_text.clone()) else {
        return Err(AppError::Conflict(messages::NO_ANSWER_TO_EVALUATE.into()));
    };
    let has_feedback = record.is_some_and(|r| r.suggestion.is_some());
    let (coach_problem, coach_time) = if has_feedback {
        (None, Duration::ZERO)
    } else {
        limits::take(state, user.user_id, Action::CoachCall).await?;
        evaluate(state, request_id, &running, &question, &text).await?
    };
    let screen = render(state, user, Situation::Running(Box::new(running))).await?;
    Ok(Evaluated { submitted: Submitted { screen, coach_problem }, coach_time })
}

/// Asks the coach about a stored answer and stores its feedback. A coach failure (a panic in
/// the engine included) is returned as a message for the candidate (the answer stays saved); a
/// second evaluation racing this one keeps whichever was stored first. Also returns the time the
/// coach took.
async fn evaluate(
    state: &AppState,
    request_id: &RequestId,
    running: &Running,
    question: &questions::Model,
    answer: &str,
) -> Result<(Option<String>, Duration), AppError> {
    let job_description = db::vacancies::jd_text(&state.db, running.link.vacancy_id)
        .await
        .context("reading the job description")?
        .unwrap_or_default();
    let asked = Asked {
        question: &question.question_text,
        skill: &question.skill_tag,
        job_description: &job_description,
    };
    let started = Instant::now();
    let evaluated = engine::contained("evaluation", state.coach.evaluate(asked, answer)).await;
    let coach_time = started.elapsed();
    let assessment = match evaluated {
        Ok(assessment) => assessment,
        Err(error) => {
            tracing::warn!(user.id = running.user.user_id, question.id = question.question_id, %error, "evaluation failed");
            let problem = "Your answer is saved, but the coach could not evaluate it just now. Use Retry \
                 feedback to try again.";
            return Ok((Some(problem.into()), coach_time));
        }
    };
    let row = stored::suggestion_row(
        question.question_id,
        &assessment,
        state.coach.label(),
        state.coach.prompt_version(),
    );
    let inserted = db::interviews::insert_suggestion(&state.db, running.user.user_id, row)
        .await
        .or_duplicate()
        .context("saving the feedback")?;
    // A `Duplicate` means a second evaluation stored its feedback first; that one is kept.
    if let Ok(saved) = inserted {
        let event = |name| Event::new(name).user(running.user.user_id).vacancy(running.link.vacancy_id);
        let detail = format!(
            "question {}: correctness {}%, relevance {}%, {} red flags, by {}",
            question.question_order,
            saved.correctness,
            saved.role_relevance,
            saved.red_flags_count,
            saved.coach_model
        );
        audit::record(
            &state.db,
            Some(request_id),
            event(audit::FEEDBACK_SAVED).duration(coach_time).detail(detail),
        )
        .await;
        if let Some(name) = saved.fallacy_name {
            audit::record(&state.db, Some(request_id), event(audit::FALLACY_DETECTED).detail(name)).await;
        }
    }
    Ok((None, coach_time))
}

/// "Reset Interview": archives the running interview (its rows stay); the documents stay.
pub async fn reset(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
) -> Result<InterviewScreen, AppError> {
    if let (_, Situation::Running(running)) = situation(state, user.user_id).await? {
        // No question lock: a slow coach preparing the next question must not hold up a reset;
        // question generation checks under the lock that the interview is still open.
        let interview_id = running.interview.interview_id;
        if db::interviews::archive(&state.db, interview_id).await.context("archiving the interview")? {
            let answered = records(state, interview_id).await?.iter().filter(|r| r.answer.is_some()).count();
            let event = Event::new(audit::INTERVIEW_RESET)
                .user(user.user_id)
                .vacancy(running.link.vacancy_id)
                .detail(format!("{answered} questions attempted"));
            audit::record(&state.db, Some(request_id), event).await;
        }
    }
    screen(state, user.user_id).await
}
