//! `POST /voice/transcribe`: the page's recorder sends the audio as the request body and gets
//! back what was heard, as JSON the page reads (never shows): `{"text", "seconds", "pauses"}`, or
//! `{"message"}` with a 4xx/5xx status, a sentence for the candidate.
//!
//! Checked in this order, so a bad request costs little: the caller is signed in, an engine is
//! configured (both before a byte of the body is read), the body is within
//! [`MAX_RECORDING_BYTES`] and is audio, then the hourly limit is taken and the engine called.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use http::StatusCode;
use serde::Serialize;

use super::{AudioFormat, MAX_RECORDING_BYTES, Recording};
use crate::error::AppError;
use crate::messages;
use crate::paths;
use crate::server::auth::extract::SignedInUser;
use crate::server::coach::delivery::long_pauses;
use crate::server::db::entities::users;
use crate::server::limits::{self, Action};
use crate::server::respond::status_of;
use crate::server::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route(paths::TRANSCRIBE, post(transcribe)).layer(DefaultBodyLimit::max(MAX_RECORDING_BYTES))
}

/// What was heard, for the page.
#[derive(Debug, Serialize)]
struct Heard {
    text: String,
    /// The recording's length as the engine measured it, in whole seconds.
    seconds: Option<u32>,
    /// Long pauses between words, when the engine timed them.
    pauses: Option<u32>,
}

#[derive(Debug, Serialize)]
struct Refusal {
    message: String,
}

fn refuse(status: StatusCode, message: String) -> Response {
    (status, Json(Refusal { message })).into_response()
}

async fn transcribe(
    State(state): State<AppState>,
    caller: Result<SignedInUser, Response>,
    request: Request,
) -> Response {
    // A fetch follows the sign-in redirect a page gets; the recorder needs a status instead.
    let Ok(SignedInUser(user)) = caller else {
        return refuse(StatusCode::UNAUTHORIZED, messages::VOICE_SIGNED_OUT.into());
    };
    match hear(&state, &user, request).await {
        Ok(heard) => ([(http::header::CACHE_CONTROL, "no-store")], Json(heard)).into_response(),
        Err(error) => refuse(status_of(&error), error.to_string()),
    }
}

async fn hear(state: &AppState, user: &users::Model, request: Request) -> Result<Heard, AppError> {
    let Some(transcriber) = &state.transcriber else {
        return Err(AppError::Unavailable(messages::VOICE_NOT_SET_UP.into()));
    };
    // Read only now, after the caller and the engine are known: a request that would be refused
    // anyway never gets to make the server hold 32 MB.
    let too_large = || {
        AppError::validation("recording", messages::recording_too_large(MAX_RECORDING_BYTES / (1024 * 1024)))
    };
    let declared = request
        .headers()
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_RECORDING_BYTES) {
        return Err(too_large());
    }
    // A body without a length that runs past the limit fails with http-body's "length limit
    // exceeded"; any other failure is a broken upload.
    let audio: Bytes =
        axum::body::to_bytes(request.into_body(), MAX_RECORDING_BYTES).await.map_err(|error| {
            if error.to_string().contains("length limit") {
                too_large()
            } else {
                AppError::validation("recording", messages::RECORDING_NOT_AUDIO)
            }
        })?;
    if audio.is_empty() {
        return Err(AppError::validation("recording", messages::RECORDING_EMPTY));
    }
    let format = AudioFormat::sniff(&audio)
        .ok_or_else(|| AppError::validation("recording", messages::RECORDING_NOT_AUDIO))?;
    limits::take(state, user.user_id, Action::Transcription).await?;
    let transcript =
        transcriber.transcribe(Recording { audio: audio.into(), format }).await.map_err(|error| {
            tracing::warn!(user.id = user.user_id, %error, "transcription failed");
            let why = error.to_string();
            AppError::Unavailable(messages::transcription_failed(&why))
        })?;
    if !transcript.text.chars().any(char::is_alphanumeric) {
        return Err(AppError::validation("recording", messages::NO_SPEECH_HEARD));
    }
    Ok(Heard {
        seconds: transcript.duration_seconds.map(|s| s.round() as u32),
        pauses: transcript.word_timings.as_deref().map(long_pauses),
        text: transcript.text,
    })
}
