//! The setup screen: the candidate's CV and job description as the app understood them.

use serde::{Deserialize, Serialize};

/// Which document an upload was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentSlot {
    Cv,
    JobDescription,
    /// The list of vacancies (a switch or a removal).
    Vacancies,
}

/// What the app read from the CV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvSummary {
    pub file_name: String,
    pub characters: usize,
    pub words: usize,
    /// The person's name and headline as detected at the top of the CV.
    pub name: Option<String>,
    pub headline: Option<String>,
    /// The ten skills that matter most for this vacancy, once the coach has run.
    pub top_skills: Vec<String>,
    /// Which coach ranked them ("Offline coach (rules)" or the model name).
    pub ranked_by: Option<String>,
}

/// What the app read from the job description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JdSummary {
    pub file_name: String,
    pub position_title: String,
    pub characters: usize,
    pub words: usize,
    pub key_requirements: Vec<String>,
}

/// The outcome of the last upload, shown once next to the form it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadNotice {
    pub slot: DocumentSlot,
    pub message: String,
    pub is_error: bool,
    /// The position title typed with a JD that could not be used, so it need not be retyped.
    pub title_draft: Option<String>,
}

/// Everything the setup screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    pub cv: Option<CvSummary>,
    pub jd: Option<JdSummary>,
    pub notice: Option<UploadNotice>,
    /// Why the interview cannot start yet; `None` when it can.
    pub blocked_reason: Option<String>,
    /// When the active interview for this vacancy started, if one has.
    pub interview_started: Option<String>,
    /// Every vacancy the candidate holds, the current one first.
    pub vacancies: Vec<VacancyItem>,
}

/// One vacancy the candidate prepares for, as the list on the setup screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyItem {
    /// Identifies the vacancy in the switch and remove forms; never shown.
    pub key: i64,
    pub position_title: String,
    pub jd_file_name: String,
    /// When it was added, e.g. "30 Nov 2026".
    pub added: String,
    pub interviews: u64,
    pub answered: u64,
    /// Whether the coach has ranked its ten skills.
    pub skills_ranked: bool,
    pub current: bool,
}
