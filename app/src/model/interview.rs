//! The interview screen: the questions asked so far, what the candidate did with each, and the
//! coach's feedback, as the browser shows them.

use serde::{Deserialize, Serialize};

use super::delivery::Delivery;

/// Everything the interview screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewScreen {
    pub position_title: String,
    pub cv_file_name: String,
    pub jd_file_name: String,
    pub stage: Stage,
    /// Whether the candidate has answered or skipped a question (analytics open then).
    pub analytics_available: bool,
}

/// Where the candidate is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// The CV or the job description is missing; the reason says which.
    NotReady { reason: String },
    /// Both documents are in and no interview is running (never started, or reset).
    NotStarted,
    /// An interview is running.
    Running(Run),
}

/// A running interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The questions asked so far, oldest first; the last one is the current question.
    pub turns: Vec<Turn>,
    pub progress: Progress,
    /// Which coach asks and scores ("Offline coach (rules)" or the model name).
    pub coach: String,
    /// How a spoken answer becomes text.
    pub voice: VoiceInput,
}

/// How the page turns a spoken answer into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoiceInput {
    /// The server's transcription endpoint: the page records the answer and uploads it.
    Transcriber,
    /// The browser's own speech recognition, where the browser has one.
    Browser,
}

impl Run {
    /// The question on screen: the most recently asked one.
    pub fn current(&self) -> Option<&Turn> {
        self.turns.last()
    }
}

/// Coverage of the vacancy's top skills by the questions asked so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub covered: usize,
    pub total: usize,
}

/// One question and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Turn {
    /// Identifies the question in forms; never shown.
    pub question_id: i64,
    /// 1-based position in the interview.
    pub number: usize,
    pub question: String,
    pub skill: String,
    pub category: String,
    pub difficulty: String,
    pub reply: Reply,
    /// Set when this question tries an earlier one again.
    pub retake: Option<Retake>,
}

/// A question tried again ("Try again"), and how the attempt before it went.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Retake {
    /// The number on screen of the question it tries again.
    pub of_number: usize,
    /// The scores of the attempt before; `None` when it was skipped or never evaluated.
    pub before: Option<Scores>,
}

/// The scores of one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scores {
    pub correctness: u8,
    pub role_relevance: u8,
    pub red_flags: usize,
}

impl Scores {
    pub fn of(feedback: &Feedback) -> Self {
        Self {
            correctness: feedback.correctness,
            role_relevance: feedback.role_relevance,
            red_flags: feedback.red_flags.len(),
        }
    }
}

impl Retake {
    /// "Trying question 2 again. Last time: …".
    pub fn note(&self) -> String {
        let last = match self.before {
            Some(s) => format!(
                "correctness {} %, role relevance {} %, {} red flag{}",
                s.correctness,
                s.role_relevance,
                s.red_flags,
                if s.red_flags == 1 { "" } else { "s" }
            ),
            None => "skipped or not scored".to_owned(),
        };
        format!("Trying question {} again. Last time: {last}.", self.of_number)
    }

    /// "Correctness 42 % → 71 %, role relevance 50 % → 64 %, red flags 2 → 0", once the retake has
    /// feedback and the attempt before had scores.
    pub fn change(&self, now: &Feedback) -> Option<String> {
        let before = self.before?;
        let now = Scores::of(now);
        Some(format!(
            "Correctness {} % \u{2192} {} %, role relevance {} % \u{2192} {} %, red flags {} \u{2192} {}",
            before.correctness,
            now.correctness,
            before.role_relevance,
            now.role_relevance,
            before.red_flags,
            now.red_flags
        ))
    }
}

/// What the candidate did with a question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reply {
    /// Not answered yet.
    Open,
    /// Moved on without answering.
    Skipped,
    /// Answered; `feedback` is `None` when the coach could not evaluate it yet, `delivery` is
    /// `Some` when the answer was spoken.
    Answered { text: String, feedback: Option<Box<Feedback>>, delivery: Option<Delivery> },
}

/// What the browser heard when the candidate spoke their answer, sent with "Submit Answer":
/// the delivery is measured from it (the answer box may since have been corrected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenTake {
    /// How long the recording ran.
    pub seconds: u32,
    /// The transcript as heard, before any correction.
    pub transcript: String,
    /// Long pauses, when the transcriber timed the words.
    pub pauses: Option<u32>,
}

/// The coach's evaluation of one answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Feedback {
    /// 0–100.
    pub correctness: u8,
    /// 0–100.
    pub role_relevance: u8,
    pub improvements: Vec<String>,
    pub red_flags: Vec<String>,
    pub suggested_rewrite: String,
    pub followup_question: Option<String>,
    pub coach_hint: String,
    pub fallacy: Option<FallacyNote>,
    /// Which coach produced it.
    pub coach: String,
}

/// A logical fallacy the coach thinks the answer shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FallacyNote {
    pub name: String,
    pub definition: String,
    /// Why this answer likely fits the pattern.
    pub why: String,
    /// Why it can be a red flag in an interview.
    pub interview_risk: String,
}

/// The outcome of "Submit Answer" or "Retry feedback": the screen as it now is, and, when the
/// coach failed, what happened (the answer itself is saved either way).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted {
    pub screen: InterviewScreen,
    pub coach_problem: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feedback(correctness: u8, role_relevance: u8, red_flags: usize) -> Feedback {
        Feedback {
            correctness,
            role_relevance,
            improvements: Vec::new(),
            red_flags: vec!["flag".into(); red_flags],
            suggested_rewrite: String::new(),
            followup_question: None,
            coach_hint: String::new(),
            fallacy: None,
            coach: "Offline coach (rules)".into(),
        }
    }

    #[test]
    fn a_retake_says_what_changed_since_the_attempt_before() {
        let retake = Retake { of_number: 2, before: Some(Scores::of(&feedback(42, 50, 2))) };
        assert_eq!(
            retake.note(),
            "Trying question 2 again. Last time: correctness 42 %, role relevance 50 %, 2 red flags."
        );
        assert_eq!(
            retake.change(&feedback(71, 64, 0)).as_deref(),
            Some("Correctness 42 % \u{2192} 71 %, role relevance 50 % \u{2192} 64 %, red flags 2 \u{2192} 0")
        );
        let after_skip = Retake { of_number: 1, before: None };
        assert_eq!(after_skip.change(&feedback(71, 64, 0)), None, "nothing to compare with");
        assert!(after_skip.note().ends_with("skipped or not scored."));
    }
}
