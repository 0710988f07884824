//! Upload endpoints: plain multipart form posts that answer with a redirect to `/setup`, so
//! they work with JavaScript off; the hydrated page submits the same forms by itself as soon
//! as a file is chosen.
//!
//! `POST /documents/cv` (field `file`), `POST /documents/jd` (fields `position_title`, `file`),
//! `POST /setup/start`. The 10 MB limit is checked against `Content-Length` before any of the
//! body is read, and again while it streams in.

use axum::extract::rejection::FormRejection;
use axum::extract::{DefaultBodyLimit, Form, FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Router};
use http::header;
use tower_sessions::Session;

use super::{Upload, receive_cv, receive_jd};
use crate::error::AppError;
use crate::model::setup::{DocumentSlot, UploadNotice};
use crate::server::auth::extract::SignedInUser;
use crate::server::auth::session;
use crate::server::documents::{DocumentError, MAX_UPLOAD_BYTES};
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// Where the setup screen lives, and the flash key for its notices.
pub const SETUP_PAGE: &str = "/setup";
pub const NOTICE_KEY: &str = "setup.notice";
/// Where "Start Interview" leads.
pub const INTERVIEW_PAGE: &str = "/interview";
/// Room for the multipart framing and the title around a maximal file.
const ENVELOPE: usize = 64 * 1024;
const MAX_FIELD_CHARS: usize = 4 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents/cv", post(upload_cv))
        .route("/documents/jd", post(upload_jd))
        .route("/setup/start", post(start))
        .route("/vacancies/{action}", post(on_vacancy))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES + ENVELOPE))
}

/// The form's fields: the file, and any small text fields.
#[derive(Default)]
struct Fields {
    file: Option<Upload>,
    position_title: String,
}

async fn read_fields(state: &AppState, request: Request) -> Result<Fields, DocumentError> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_UPLOAD_BYTES + ENVELOPE) {
        return Err(DocumentError::TooLarge);
    }
    let garbled = |e: axum::extract::multipart::MultipartError| {
        if e.status() == http::StatusCode::PAYLOAD_TOO_LARGE {
            DocumentError::TooLarge
        } else {
            DocumentError::Unreadable(format!("upload: {e}"))
        }
    };
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|e| DocumentError::Unreadable(e.body_text()))?;
    let mut fields = Fields::default();
    while let Some(mut field) = multipart.next_field().await.map_err(garbled)? {
        match field.name() {
            Some("file") => {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(garbled)? {
                    if bytes.len() + chunk.len() > MAX_UPLOAD_BYTES {
                        return Err(DocumentError::TooLarge);
                    }
                    bytes.extend_from_slice(&chunk);
                }
                fields.file = Some(Upload { file_name, bytes });
            }
            Some("position_title") => {
                let text = field.text().await.map_err(garbled)?;
                fields.position_title = text.chars().take(MAX_FIELD_CHARS).collect();
            }
            _ => {}
        }
    }
    Ok(fields)
}

async fn upload_cv(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
    SignedInUser(user): SignedInUser,
    request: Request,
) -> Response {
    let slot = DocumentSlot::Cv;
    let result = match read_fields(&state, request).await {
        Ok(Fields { file: Some(upload), .. }) if !upload.file_name.is_empty() || !upload.bytes.is_empty() => {
            let user_id = user.user_id;
            let received = receive_cv(&state, &request_id, user, upload).await;
            with_profile(&state, user_id, received).await
        }
        Ok(_) => Ok(refused(slot, "Choose your CV file (PDF, DOCX or TXT).".into())),
        Err(error) => Ok(refused(slot, error.user_message())),
    };
    back_to_setup(&session, slot, result).await
}

async fn upload_jd(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
    SignedInUser(user): SignedInUser,
    request: Request,
) -> Response {
    let slot = DocumentSlot::JobDescription;
    let result = match read_fields(&state, request).await {
        Ok(fields) => {
            let received = receive_jd(&state, &request_id, &user, &fields.position_title, fields.file).await;
            with_profile(&state, user.user_id, received).await
        }
        Err(error) => Ok(refused(slot, error.user_message())),
    };
    back_to_setup(&session, slot, result).await
}

/// After a document was accepted, brings the coach's profile up to date.
async fn with_profile(
    state: &AppState,
    user_id: i64,
    received: Result<UploadNotice, AppError>,
) -> Result<UploadNotice, AppError> {
    let mut received = received?;
    if !received.is_error
        && let Some(warning) = super::refresh_profile(state, user_id).await?
    {
        received.message = format!("{} {warning}", received.message);
    }
    Ok(received)
}

async fn start(
    State(state): State<AppState>,
    session: Session,
    SignedInUser(user): SignedInUser,
) -> Response {
    match crate::server::interview::start(&state, &user).await {
        Ok(_) => Redirect::to(INTERVIEW_PAGE).into_response(),
        Err(error) => {
            let _ = session::set_flash(
                &session,
                NOTICE_KEY,
                refused(DocumentSlot::JobDescription, error.to_string()),
            )
            .await;
            Redirect::to(SETUP_PAGE).into_response()
        }
    }
}

/// The form of "Switch to this vacancy" and "Remove".
#[derive(serde::Deserialize)]
struct VacancyForm {
    vacancy: i64,
}

/// `POST /vacancies/switch` and `POST /vacancies/remove`.
async fn on_vacancy(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    Path(action): Path<String>,
    session: Session,
    SignedInUser(user): SignedInUser,
    form: Result<Form<VacancyForm>, FormRejection>,
) -> Response {
    let result = match (form, action.as_str()) {
        (Ok(Form(form)), "switch") => super::switch_vacancy(&state, &request_id, &user, form.vacancy).await,
        (Ok(Form(form)), "remove") => super::remove_vacancy(&state, &request_id, &user, form.vacancy).await,
        // Not a number, or not an action: nothing of theirs answers to it.
        _ => Err(AppError::NotFound),
    };
    back_to_setup(&session, DocumentSlot::Vacancies, result).await
}

fn refused(slot: DocumentSlot, message: String) -> UploadNotice {
    UploadNotice { slot, message, is_error: true, title_draft: None }
}

async fn back_to_setup(
    session: &Session,
    slot: DocumentSlot,
    result: Result<UploadNotice, AppError>,
) -> Response {
    let notice = result.unwrap_or_else(|error| refused(slot, error.to_string()));
    if let Err(error) = session::set_flash(session, NOTICE_KEY, notice).await {
        tracing::error!(%error, "could not keep the upload notice");
    }
    Redirect::to(SETUP_PAGE).into_response()
}
