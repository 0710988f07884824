//! The home page's data: for a candidate who has started, where they are, so they can go on.

use serde::{Deserialize, Serialize};

use super::interview::Progress;

/// What the home page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Home {
    /// A visitor, or a candidate who has not uploaded anything yet: the introduction.
    Introduction,
    /// A candidate who has started: where they are.
    Returning(Returning),
}

/// Where a returning candidate is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Returning {
    pub first_name: String,
    /// The position title of their current vacancy (empty before a job description).
    pub position_title: String,
    pub step: NextStep,
    /// Whether they have answered or skipped a question (analytics open then).
    pub analytics_available: bool,
}

/// What the candidate does next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextStep {
    /// A document is missing; the reason says which.
    Upload { reason: String },
    /// Both documents are in and no interview is running.
    Start,
    /// An interview is running: `question` is the one on screen.
    Continue { question: usize, progress: Progress },
}
