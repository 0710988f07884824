//! The analytics screen (and the PDF report): a candidate's metrics, standing among all
//! candidates, per-skill results and the data the charts draw.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analytics {
    pub position_title: String,
    pub summary: Summary,
    /// `None` until the candidate has an evaluated answer.
    pub standing: Option<Standing>,
    /// Correctness and relevance of each evaluated answer, in the order given.
    pub series: Vec<Point>,
    /// The vacancy's ten skills, in rank order.
    pub skills: Vec<SkillResult>,
    /// The skills to practise next.
    pub weakest: Vec<String>,
    /// All ranked candidates' average correctness in ten bins of 10 %.
    pub distribution: Vec<Bin>,
    /// Which coach (and prompt or rules version) produced the scores.
    pub coaches: Vec<String>,
    /// The delivery of each spoken answer, in the order given (empty when all were typed).
    pub spoken: Vec<SpokenPoint>,
}

/// How one spoken answer was delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenPoint {
    /// 1-based position among everything attempted (answers and skips).
    pub number: usize,
    pub skill: String,
    pub seconds: u32,
    pub words_per_minute: u32,
    pub fillers: u32,
    /// `None` when the transcriber gave no word timings.
    pub pauses: Option<u32>,
}

/// The seed metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Answered or skipped.
    pub attempted: u64,
    pub skipped: u64,
    pub evaluated: u64,
    /// Average over evaluated answers, 0–100.
    pub avg_correctness: Option<f64>,
    pub avg_relevance: Option<f64>,
    /// Red flags per attempted question.
    pub avg_red_flags: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub rank: u64,
    pub candidates: u64,
    /// Share of ranked candidates with a lower average correctness, 0–100.
    pub percentile: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// 1-based position among the evaluated answers.
    pub number: usize,
    pub skill: String,
    pub correctness: u8,
    pub relevance: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillResult {
    pub skill: String,
    /// Questions attempted on it.
    pub questions: u32,
    /// Average correctness of its evaluated answers.
    pub avg_correctness: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bin {
    /// Lower and upper bound in percent.
    pub from: u8,
    pub to: u8,
    pub candidates: u64,
    /// Whether the candidate's own average falls in it.
    pub yours: bool,
}

impl SpokenPoint {
    /// The column headings of [`SpokenPoint::cells`].
    pub const HEADERS: [&'static str; 6] =
        ["Answer", "Skill", "Time", "Words per minute", "Fillers", "Long pauses"];

    /// The point as a table row, as the analytics page and the PDF report show it.
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.number.to_string(),
            self.skill.clone(),
            super::delivery::clock(self.seconds),
            self.words_per_minute.to_string(),
            self.fillers.to_string(),
            self.pauses.map_or_else(|| "\u{2014}".to_owned(), |n| n.to_string()),
        ]
    }
}

/// A percentage for display, one decimal ("72.5 %"), or a dash.
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "\u{2014}".to_owned(), |v| format!("{v:.1} %"))
}
