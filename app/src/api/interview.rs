//! The interview screen's server functions. Each one learns the caller from the session and
//! passes only that user to `server::interview`, which scopes every row by it; question ids
//! from the browser are looked up among the caller's own questions.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::interview::{InterviewScreen, Submitted};

/// The caller's interview as it stands (asking the first question if none is on screen yet).
#[server(endpoint = "interview")]
pub async fn get_interview() -> Result<InterviewScreen, AppError> {
    use crate::server::{auth, interview, respond};
    respond::with_status(
        async { interview::screen(&auth::app_state()?, auth::require_user_id().await?).await }.await,
    )
}

/// "Start Interview": begins (or resumes) the interview for the current vacancy.
#[server(endpoint = "interview/start")]
pub async fn start_interview() -> Result<InterviewScreen, AppError> {
    use crate::server::{auth, interview, respond};
    respond::with_status(
        async {
            let state = auth::app_state()?;
            let user = interview::start(&state, &auth::require_user().await?).await?;
            interview::screen(&state, user.user_id).await
        }
        .await,
    )
}

/// "Submit Answer": stores the answer to `question_id` once, then the coach's feedback. A
/// spoken answer also sends what was heard (`spoken_*`), from which its delivery is measured.
#[server(endpoint = "interview/answer")]
pub async fn submit_answer(
    question_id: i64,
    answer: String,
    spoken_seconds: Option<u32>,
    spoken_transcript: Option<String>,
    spoken_pauses: Option<u32>,
) -> Result<Submitted, AppError> {
    use crate::model::interview::SpokenTake;
    use crate::server::{auth, interview};
    let spoken = spoken_seconds.zip(spoken_transcript).map(|(seconds, transcript)| SpokenTake {
        seconds,
        transcript,
        pauses: spoken_pauses,
    });
    evaluated(
        async {
            let caller = auth::caller().await?;
            let user = &caller.user;
            interview::submit(&caller.state, &caller.request_id, user, question_id, &answer, spoken.as_ref())
                .await
        }
        .await,
    )
}

/// "Next Question": skips `question_id` if unanswered and shows the next question.
#[server(endpoint = "interview/next")]
pub async fn next_question(question_id: i64) -> Result<InterviewScreen, AppError> {
    use crate::server::{auth, interview, respond};
    respond::with_status(
        async {
            // The caller's id only: `interview::next` reads their row with where they stand.
            let (state, request_id) = (auth::app_state()?, auth::current_request_id().await?);
            interview::next(&state, &request_id, auth::require_user_id().await?, question_id).await
        }
        .await,
    )
}

/// "Retry feedback": asks the coach again about a saved answer that has no feedback.
#[server(endpoint = "interview/retry")]
pub async fn retry_feedback(question_id: i64) -> Result<Submitted, AppError> {
    use crate::server::{auth, interview};
    evaluated(
        async {
            let caller = auth::caller().await?;
            interview::retry_feedback(&caller.state, &caller.request_id, &caller.user, question_id).await
        }
        .await,
    )
}

/// "Try again": asks an answered or skipped question once more, as a new attempt.
#[server(endpoint = "interview/retake")]
pub async fn retake_question(question_id: i64) -> Result<InterviewScreen, AppError> {
    use crate::server::{auth, interview, respond};
    respond::with_status(
        async {
            let caller = auth::caller().await?;
            interview::retake(&caller.state, &caller.request_id, &caller.user, question_id).await
        }
        .await,
    )
}

/// "Reset Interview": archives the running interview; the CV and JD stay.
#[server(endpoint = "interview/reset")]
pub async fn reset_interview() -> Result<InterviewScreen, AppError> {
    use crate::server::{auth, interview, respond};
    respond::with_status(
        async {
            let caller = auth::caller().await?;
            interview::reset(&caller.state, &caller.request_id, &caller.user).await
        }
        .await,
    )
}

/// The coach's share of the time goes into Server-Timing; the candidate gets the screen.
#[cfg(feature = "ssr")]
fn evaluated(result: Result<crate::server::interview::Evaluated, AppError>) -> Result<Submitted, AppError> {
    use crate::server::respond;
    if let Ok(done) = &result {
        respond::server_timing("coach", done.coach_time);
    }
    respond::with_status(result.map(|done| done.submitted))
}
