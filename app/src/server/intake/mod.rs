//! The candidate's documents: receiving a CV or a job description, reading it once per file
//! content, storing it, and describing what was understood.
//!
//! A file whose SHA-256 matches what is already stored is not read again: the CV's stored text
//! (and profile) is kept; a JD already known, even from another candidate, is the same vacancy.
//! A file that cannot be used changes nothing that was saved before.

pub mod highlights;
pub mod routes;

use std::time::Instant;

use crate::error::{AppError, ResultExt};
use crate::messages;
use crate::model::setup::{CvSummary, DocumentSlot, JdSummary, Setup, UploadNotice, VacancyItem};
use crate::server::audit::{self, Event};
use crate::server::coach::profile::TopSkill;
use crate::server::db::entities::{user_vacancies, users};
use crate::server::db::{self, Duplicate, UniqueKeyExt};
use crate::server::documents::{self, DocumentError};
use crate::server::limits::{self, Action};
use crate::server::request_id::RequestId;
use crate::server::state::AppState;

/// Longest position title kept (the column holds 200 characters).
pub const MAX_TITLE_CHARS: usize = 200;
const SHOWN_REQUIREMENTS: usize = 8;

/// An uploaded file.
#[derive(Debug)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

fn notice(slot: DocumentSlot, message: impl Into<String>, is_error: bool) -> UploadNotice {
    UploadNotice { slot, message: message.into(), is_error, title_draft: None }
}

/// Only the last path component of what the browser calls the file, cut to the column size.
fn display_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    base.chars().filter(|c| !c.is_control()).take(255).collect()
}

/// Reads and stores a CV for `user`, or explains why it cannot be used.
pub async fn receive_cv(
    state: &AppState,
    request_id: &RequestId,
    user: users::Model,
    upload: Upload,
) -> Result<UploadNotice, AppError> {
    let slot = DocumentSlot::Cv;
    let started = Instant::now();
    let file_name = display_name(&upload.file_name);
    let hash = documents::sha256_hex(&upload.bytes);
    let user_id = user.user_id;
    if user.cv_file_hash.as_deref() == Some(hash.as_str()) {
        db::users::touch_cv(&state.db, user, &file_name).await.context("keeping the same CV")?;
        audit::record(
            &state.db,
            Some(request_id),
            Event::new(audit::CV_PARSED).user(user_id).detail("same file: stored text reused"),
        )
        .await;
        return Ok(notice(slot, format!("{file_name} is the CV we already have; nothing changed."), false));
    }
    if let Err(refused) = limits::take(state, user_id, Action::DocumentRead).await {
        return refused_upload(slot, refused).map(|message| notice(slot, message, true));
    }
    let extracted = match read(state, &file_name, upload.bytes).await {
        Ok(extracted) => extracted,
        Err(error) => {
            tracing::info!(user.id = user_id, reason = %error, "CV refused");
            return Ok(notice(slot, error.user_message(), true));
        }
    };
    let stored =
        db::users::StoredCv { file_hash: hash, file_name: file_name.clone(), text: extracted.text.clone() };
    db::users::save_cv(&state.db, user, stored).await.context("saving the CV")?;
    let detail = read_detail(&extracted);
    audit::record(
        &state.db,
        Some(request_id),
        Event::new(audit::CV_PARSED).user(user_id).duration(started.elapsed()).detail(detail),
    )
    .await;
    Ok(notice(slot, read_message(&file_name, &extracted), false))
}

/// Reads and stores a job description with its position title, or explains the problem.
pub async fn receive_jd(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
    position_title: &str,
    upload: Option<Upload>,
) -> Result<UploadNotice, AppError> {
    let slot = DocumentSlot::JobDescription;
    let title: String = position_title.split_whitespace().collect::<Vec<_>>().join(" ");
    let refuse = |message: String| {
        let mut refused = notice(slot, message, true);
        refused.title_draft = Some(title.chars().take(MAX_TITLE_CHARS).collect());
        Ok(refused)
    };
    if title.is_empty() {
        return refuse("Enter the position title of the job description.".into());
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return refuse(format!(
            "The position title is longer than {MAX_TITLE_CHARS} characters; shorten it."
        ));
    }
    let Some(upload) = upload.filter(|u| !u.file_name.is_empty() || !u.bytes.is_empty()) else {
        return refuse("Choose the job description file (PDF, DOCX or TXT).".into());
    };
    let started = Instant::now();
    let file_name = display_name(&upload.file_name);
    let hash = documents::sha256_hex(&upload.bytes);

    let known =
        db::vacancies::find_by_hash(&state.db, &hash).await.context("looking up the job description")?;
    let (vacancy, message, event) = match known {
        Some(vacancy) => {
            // Worded as for a file read now: whether another candidate uploaded it is theirs.
            let message = jd_message(&file_name, vacancy.jd_text.chars().count(), false);
            (vacancy, message, Event::new(audit::JD_PARSED).detail("known file: stored text reused"))
        }
        None => {
            if let Err(refused) = limits::take(state, user.user_id, Action::DocumentRead).await {
                return refused_upload(slot, refused).and_then(refuse);
            }
            let extracted = match read(state, &file_name, upload.bytes).await {
                Ok(extracted) => extracted,
                Err(error) => {
                    tracing::info!(user.id = user.user_id, reason = %error, "job description refused");
                    return refuse(error.user_message());
                }
            };
            let created = db::vacancies::create(&state.db, &title, &hash, &file_name, &extracted.text)
                .await
                .or_duplicate()
                .context("saving the job description")?;
            let vacancy = match created {
                Ok(vacancy) => vacancy,
                // Another candidate stored the same file a moment ago: it is the same vacancy.
                Err(Duplicate) => db::vacancies::find_by_hash(&state.db, &hash)
                    .await
                    .context("reading the job description stored first")?
                    .ok_or_else(|| {
                        AppError::internal(anyhow::anyhow!("the file's hash is taken, yet no vacancy has it"))
                    })?,
            };
            let event =
                Event::new(audit::JD_PARSED).duration(started.elapsed()).detail(read_detail(&extracted));
            (vacancy, jd_message(&file_name, extracted.chars, extracted.truncated), event)
        }
    };
    audit::record(&state.db, Some(request_id), event.user(user.user_id).vacancy(vacancy.vacancy_id)).await;
    db::vacancies::link_current(&state.db, user.user_id, vacancy.vacancy_id, &title, &file_name)
        .await
        .context("making the vacancy the current one")?;
    Ok(notice(slot, message, false))
}

/// A limit's refusal becomes the upload's notice; any other failure stays an error.
fn refused_upload(slot: DocumentSlot, error: AppError) -> Result<String, AppError> {
    match error {
        AppError::TooManyRequests(message) => {
            tracing::info!(slot = ?slot, "upload refused: limit reached");
            Ok(message)
        }
        other => Err(other),
    }
}

async fn read(
    state: &AppState,
    file_name: &str,
    bytes: Vec<u8>,
) -> Result<documents::Extracted, DocumentError> {
    let kind = documents::detect(file_name, &bytes)?;
    state.documents.read(kind, bytes).await
}

fn pages(pages: Option<usize>) -> String {
    match pages {
        Some(1) => "1 page".into(),
        Some(n) => format!("{n} pages"),
        None => String::new(),
    }
}

/// The audit detail of a document that was read.
fn read_detail(extracted: &documents::Extracted) -> String {
    format!("{} {}, {} characters", extracted.kind.label(), pages(extracted.pages), extracted.chars)
}

/// What the candidate is told about a job description they uploaded: the same words whether
/// it was read now or was already known.
fn jd_message(file_name: &str, chars: usize, truncated: bool) -> String {
    let cut = if truncated { TRUNCATED_NOTE } else { "" };
    format!("Read {file_name} ({chars} characters).{cut}")
}

const TRUNCATED_NOTE: &str = " It is very long, so only the first 200,000 characters are used.";

fn read_message(file_name: &str, extracted: &documents::Extracted) -> String {
    let size = match extracted.pages {
        Some(_) => format!("{}, {} characters", pages(extracted.pages), extracted.chars),
        None => format!("{} characters", extracted.chars),
    };
    let cut = if extracted.truncated { TRUNCATED_NOTE } else { "" };
    format!("Read {file_name} ({size}).{cut}")
}

/// What `profile_json` holds: the profile and the inputs it was computed from, so the coach
/// runs once per (CV file, vacancy) pair.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct StoredProfile {
    cv_file_hash: String,
    vacancy_id: i64,
    coach: String,
    profile: crate::server::coach::profile::Profile,
}

impl StoredProfile {
    /// The profile stored for a vacancy link, if any (and readable).
    fn of(link: &user_vacancies::Model) -> Option<Self> {
        serde_json::from_str(link.profile_json.as_deref()?).ok()
    }
}

/// The ten skills stored for a vacancy link, most important first (none until the coach has
/// ranked them).
pub fn top_skills(link: &user_vacancies::Model) -> Vec<TopSkill> {
    link.top_skills_json.as_deref().and_then(|json| serde_json::from_str(json).ok()).unwrap_or_default()
}

/// Whether the coach should rank the skills for `link` (again): never ranked, or ranked from
/// another CV than the user's current one.
pub fn needs_ranking(link: &user_vacancies::Model, user: &users::Model) -> bool {
    top_skills(link).is_empty()
        || StoredProfile::of(link)
            .is_none_or(|stored| Some(&stored.cv_file_hash) != user.cv_file_hash.as_ref())
}

/// Copies the current link's profile and skills to the user's row (the seed columns mirror the
/// current vacancy), unless they are there already.
pub(crate) async fn mirror_current(
    state: &AppState,
    user: users::Model,
    link: &user_vacancies::Model,
) -> Result<(), AppError> {
    if user.top_skills_json == link.top_skills_json && user.profile_json == link.profile_json {
        return Ok(());
    }
    db::users::mirror_profile(
        &state.db,
        user.user_id,
        link.profile_json.as_deref(),
        link.top_skills_json.as_deref(),
    )
    .await
    .context("mirroring the current vacancy's skills")
}

/// Runs the coach's profile extraction when the user has a CV and a current vacancy and the
/// stored profile was made from other documents. A coach failure leaves the documents saved and
/// returns a message for the candidate; uploading either document again retries.
pub async fn refresh_profile(state: &AppState, user_id: i64) -> Result<Option<String>, AppError> {
    let Some(user) = db::users::find(&state.db, user_id).await.context("reading the user")? else {
        return Ok(None);
    };
    let Some(cv_hash) = user.cv_file_hash.clone() else {
        return Ok(None);
    };
    let Some((link, vacancy)) =
        db::vacancies::current(&state.db, user_id).await.context("reading the current vacancy")?
    else {
        return Ok(None);
    };
    // Made for this link from this CV already: nothing to ask the coach.
    if StoredProfile::of(&link)
        .is_some_and(|s| s.cv_file_hash == cv_hash && s.vacancy_id == vacancy.vacancy_id)
    {
        mirror_current(state, user, &link).await?;
        return Ok(None);
    }
    if let Err(error) = limits::take(state, user_id, Action::CoachCall).await {
        return refused_upload(DocumentSlot::JobDescription, error).map(Some);
    }
    let Some(cv_text) = db::users::cv_text(&state.db, user_id).await.context("reading the CV")? else {
        return Ok(None);
    };
    let started = Instant::now();
    let analysis = match state.coach.extract_profile(&cv_text, &vacancy.jd_text).await {
        Ok(analysis) => analysis,
        Err(error) => {
            tracing::warn!(user.id = user_id, %error, "profile extraction failed");
            return Ok(Some(
                "The coach is not available right now, so your skills are not ranked yet. Your documents \
                 are saved; upload either of them again in a moment to retry."
                    .into(),
            ));
        }
    };
    tracing::info!(
        user.id = user_id,
        vacancy.id = vacancy.vacancy_id,
        agent.duration_ms = started.elapsed().as_millis() as u64,
        coach = %state.coach.label(),
        "profile extracted"
    );
    let stored = StoredProfile {
        cv_file_hash: cv_hash,
        vacancy_id: vacancy.vacancy_id,
        coach: state.coach.label(),
        profile: analysis.profile,
    };
    let profile_json = serde_json::to_string(&stored).context("encoding the profile")?;
    let skills_json = serde_json::to_string(&analysis.top_skills).context("encoding the top skills")?;
    db::vacancies::save_profile(&state.db, link.user_vacancy_id, &profile_json, &skills_json)
        .await
        .context("saving the profile")?;
    db::users::mirror_profile(&state.db, user_id, Some(&profile_json), Some(&skills_json))
        .await
        .context("mirroring the profile")?;
    Ok(None)
}

/// "Switch to this vacancy": makes one of the user's vacancies the current one, with its own
/// skills and interviews (ranking the skills if they never were, or the CV changed since).
pub async fn switch_vacancy(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
    key: i64,
) -> Result<UploadNotice, AppError> {
    let link = db::vacancies::make_current(&state.db, user.user_id, key)
        .await
        .context("switching the vacancy")?
        .ok_or(AppError::NotFound)?;
    let event = Event::new(audit::VACANCY_SWITCHED).user(user.user_id).vacancy(link.vacancy_id);
    audit::record(&state.db, Some(request_id), event).await;
    let mut message = format!("You are now preparing for {}.", link.position_title);
    if let Some(warning) = refresh_profile(state, user.user_id).await? {
        message = format!("{message} {warning}");
    }
    Ok(notice(DocumentSlot::Vacancies, message, false))
}

/// "Remove": deletes one of the user's vacancies with its interviews, answers and feedback.
/// The next most recent vacancy becomes the current one.
pub async fn remove_vacancy(
    state: &AppState,
    request_id: &RequestId,
    user: &users::Model,
    key: i64,
) -> Result<UploadNotice, AppError> {
    let links = db::vacancies::links_of(&state.db, user.user_id).await.context("listing the vacancies")?;
    let Some(removed) = links.iter().find(|l| l.link.user_vacancy_id == key) else {
        return Err(AppError::NotFound);
    };
    let title = removed.link.position_title.clone();
    if !db::account_data::delete_link(&state.db, user.user_id, key).await.context("removing the vacancy")? {
        return Err(AppError::NotFound);
    }
    let event = Event::new(audit::VACANCY_REMOVED)
        .user(user.user_id)
        .detail(format!("{} interviews, {} answers", removed.interviews, removed.answered));
    audit::record(&state.db, Some(request_id), event).await;
    // The seed columns follow the vacancy that is current now (or are cleared with the last one).
    match db::vacancies::current(&state.db, user.user_id).await.context("reading the current vacancy")? {
        Some((link, _)) => mirror_current(state, user.clone(), &link).await?,
        None => db::users::mirror_profile(&state.db, user.user_id, None, None)
            .await
            .context("clearing the skills")?,
    }
    Ok(notice(DocumentSlot::Vacancies, format!("Removed {title} with its interviews and answers."), false))
}

/// Why the interview cannot start yet, or `None` when it can. The server checks this before
/// starting; the page shows it next to the disabled button.
pub fn blocked_reason(has_cv: bool, has_jd: bool) -> Option<String> {
    match (has_cv, has_jd) {
        (true, true) => None,
        (false, false) => Some(messages::UPLOAD_BOTH.into()),
        (false, true) => Some(messages::UPLOAD_CV.into()),
        (true, false) => Some(messages::UPLOAD_JD.into()),
    }
}

/// The setup screen for `user`.
pub async fn setup(
    state: &AppState,
    user: &users::Model,
    notice: Option<UploadNotice>,
) -> Result<Setup, AppError> {
    let cv_text = db::users::cv_text(&state.db, user.user_id).await.context("reading the CV")?;
    let current =
        db::vacancies::current(&state.db, user.user_id).await.context("reading the current vacancy")?;
    let link = current.as_ref().map(|(link, _)| link);
    let cv = cv_text.as_deref().map(|text| {
        let (name, headline) = highlights::cv_name_and_headline(text);
        CvSummary {
            file_name: user.cv_file_name.clone().unwrap_or_default(),
            characters: text.chars().count(),
            words: highlights::word_count(text),
            name,
            headline,
            top_skills: link
                .map(top_skills)
                .unwrap_or_default()
                .into_iter()
                .map(|skill| skill.name)
                .collect(),
            ranked_by: link.and_then(StoredProfile::of).map(|stored| stored.coach),
        }
    });
    let interview_started = match &current {
        Some((link, _)) => db::interviews::active(&state.db, link.user_vacancy_id)
            .await
            .context("reading the active interview")?
            .map(|interview| interview.started_at.format("%-d %b %Y, %H:%M UTC").to_string()),
        None => None,
    };
    let jd = current.map(|(link, vacancy)| JdSummary {
        file_name: link.jd_file_name.clone().unwrap_or_default(),
        characters: vacancy.jd_text.chars().count(),
        words: highlights::word_count(&vacancy.jd_text),
        key_requirements: highlights::key_requirements(&vacancy.jd_text, SHOWN_REQUIREMENTS),
        position_title: link.position_title,
    });
    let vacancies = db::vacancies::links_of(&state.db, user.user_id)
        .await
        .context("listing the vacancies")?
        .into_iter()
        .enumerate()
        .map(|(i, summary)| VacancyItem {
            key: summary.link.user_vacancy_id,
            added: summary.link.created_at.format("%-d %b %Y").to_string(),
            interviews: summary.interviews.max(0) as u64,
            answered: summary.answered.max(0) as u64,
            skills_ranked: !top_skills(&summary.link).is_empty(),
            current: i == 0,
            jd_file_name: summary.link.jd_file_name.unwrap_or_default(),
            position_title: summary.link.position_title,
        })
        .collect();
    Ok(Setup {
        vacancies,
        blocked_reason: blocked_reason(cv.is_some(), jd.is_some()),
        cv,
        jd,
        notice,
        interview_started,
    })
}

/// Starts (or resumes) the interview for the user's current vacancy, if the gate allows it.
pub async fn start_interview(state: &AppState, user: &users::Model) -> Result<(), AppError> {
    let current =
        db::vacancies::current(&state.db, user.user_id).await.context("reading the current vacancy")?;
    if let Some(reason) = blocked_reason(user.cv_file_hash.is_some(), current.is_some()) {
        return Err(AppError::validation("interview", reason));
    }
    let Some((link, _)) = current else {
        return Err(AppError::internal(anyhow::anyhow!("the gate passed without a current vacancy")));
    };
    let active = db::interviews::active(&state.db, link.user_vacancy_id)
        .await
        .context("reading the active interview")?;
    if active.is_none() {
        db::interviews::create(&state.db, link.user_vacancy_id).await.context("starting the interview")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_names_what_is_missing() {
        assert_eq!(blocked_reason(true, true), None);
        assert!(blocked_reason(false, true).unwrap().contains("CV"));
        assert!(blocked_reason(true, false).unwrap().contains("position title"));
    }

    #[test]
    fn only_the_file_name_is_kept_from_a_path() {
        assert_eq!(display_name("C:\\Users\\ada\\CV final.pdf"), "CV final.pdf");
        assert_eq!(display_name("../../etc/passwd"), "passwd");
    }
}
