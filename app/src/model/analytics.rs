//! The analytics screen (and the PDF report): a candidate's metrics, standing among all
//! candidates, per-skill results and the data the charts draw.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analytics {
    pub position_title: String,
    pub summary: Summary,
    /// Where the candidate stands among everyone with an evaluated answer.
    pub overall: Comparison,
    /// Where the candidate stands among the candidates who practised for the same vacancy (the
    /// same job description file), on their answers for it.
    pub in_vacancy: Comparison,
    /// Correctness and relevance of each evaluated answer, in the order given.
    pub series: Vec<Point>,
    /// The vacancy's ten skills, in rank order.
    pub skills: Vec<SkillResult>,
    /// The skills to practise next.
    pub weakest: Vec<String>,
    /// All ranked candidates' average correctness in ten bins of 10 %; empty while fewer than
    /// [`MIN_OTHER_CANDIDATES`] others are ranked (the bins would show where they are).
    pub distribution: Vec<Bin>,
    /// Which coach (and prompt or rules version) produced the scores.
    pub coaches: Vec<String>,
    /// The delivery of each spoken answer, in the order given (empty when all were typed).
    pub spoken: Vec<SpokenPoint>,
}

impl Analytics {
    /// The summary metrics as label and value, as the page and the PDF report show them.
    pub fn summary_rows(&self) -> Vec<(&'static str, String)> {
        let summary = &self.summary;
        vec![
            ("Questions attempted", summary.attempted.to_string()),
            ("Average correctness", percent(summary.avg_correctness)),
            ("Average role relevance", percent(summary.avg_relevance)),
            ("Red flags per question", format!("{:.2}", summary.avg_red_flags)),
            ("Rank among all candidates", self.overall.rank_text()),
            ("Candidates you outperform", self.overall.percentile_text()),
            ("Rank among candidates for this vacancy", self.in_vacancy.rank_text()),
            ("Of them, you outperform", self.in_vacancy.percentile_text()),
        ]
    }
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

/// A comparison needs this many other candidates in the group, so that no one can work out
/// another person's scores from it.
pub const MIN_OTHER_CANDIDATES: u64 = 5;

/// Shown instead of a rank while a group is too small.
pub const TOO_FEW_TO_COMPARE: &str = "not enough candidates yet to compare";

/// A candidate's place in one group of candidates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Comparison {
    /// The candidate has no evaluated answer (in this group) yet.
    NotRanked,
    /// Fewer than [`MIN_OTHER_CANDIDATES`] others are ranked in the group.
    TooFew,
    Ranked(Standing),
}

impl Comparison {
    /// "2 of 40", or why there is no rank.
    pub fn rank_text(&self) -> String {
        match self {
            Self::NotRanked => "not ranked yet".to_owned(),
            Self::TooFew => TOO_FEW_TO_COMPARE.to_owned(),
            Self::Ranked(s) => format!("{} of {}", s.rank, s.candidates),
        }
    }

    /// "25.0 %", or a dash.
    pub fn percentile_text(&self) -> String {
        match self {
            Self::Ranked(s) => format!("{:.1} %", s.percentile),
            _ => "\u{2014}".to_owned(),
        }
    }

    pub fn ranked(&self) -> Option<Standing> {
        match self {
            Self::Ranked(s) => Some(*s),
            _ => None,
        }
    }
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
    /// Correctness of the first and of the latest evaluated answer on it, once there are two
    /// (retakes included): the progress over attempts.
    pub first_and_latest: Option<(u8, u8)>,
}

impl SkillResult {
    /// "42 % → 71 %", or a dash before a second evaluated attempt.
    pub fn progress_text(&self) -> String {
        self.first_and_latest
            .map_or_else(|| "\u{2014}".to_owned(), |(first, latest)| format!("{first} % \u{2192} {latest} %"))
    }
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
