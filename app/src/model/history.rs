//! The history screens: every interview of every vacancy (running and reset ones), and one past
//! interview as it was, read-only.

use serde::{Deserialize, Serialize};

use super::interview::Turn;

/// Every interview the candidate has had, by vacancy (the current vacancy first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub vacancies: Vec<VacancyHistory>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VacancyHistory {
    pub position_title: String,
    pub current: bool,
    /// Newest first.
    pub interviews: Vec<InterviewSummary>,
}

/// One interview in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewSummary {
    /// The candidate's own numbering of their interviews (1 is the first they ever started); it
    /// is what `/history/<number>` opens.
    pub number: u32,
    /// e.g. "30 Nov 2026".
    pub started: String,
    pub running: bool,
    pub asked: u32,
    pub answered: u32,
    pub skipped: u32,
    pub avg_correctness: Option<f64>,
    pub avg_relevance: Option<f64>,
}

/// One past interview, as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastInterview {
    pub number: u32,
    pub position_title: String,
    pub started: String,
    /// "in progress", or when it was reset.
    pub status: String,
    pub turns: Vec<Turn>,
}
