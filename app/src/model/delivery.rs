//! How a spoken answer was delivered: speaking time, pace, filler words and long pauses, and the
//! plain-words judgement of each against common interview guidance. Shared by the interview
//! screen, the analytics page and the PDF report, so all three say the same thing.

use serde::{Deserialize, Serialize};

/// The guideline for a spoken answer: one to two minutes.
pub const GUIDELINE_SECONDS: std::ops::RangeInclusive<u32> = 60..=120;
/// Below this many words per minute an answer sounds slow; above the upper one, rushed.
pub const COMFORTABLE_PACE: std::ops::RangeInclusive<u32> = 110..=170;
/// A silence between two words at least this long counts as a long pause.
pub const LONG_PAUSE_SECONDS: f32 = 3.0;
/// The longest recording the browser makes.
pub const MAX_RECORDING_SECONDS: u32 = 300;

/// The delivery figures of one spoken answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Delivery {
    /// How long the candidate spoke, in whole seconds.
    pub seconds: u32,
    pub words_per_minute: u32,
    /// Filler words heard, the most frequent first.
    pub fillers: Vec<FillerCount>,
    /// Long pauses, when the transcriber reported word timings; `None` when it could not.
    pub pauses: Option<u32>,
}

/// How often one filler word or phrase was heard.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FillerCount {
    pub word: String,
    pub count: u32,
}

/// The speaking pace against [`COMFORTABLE_PACE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    Slow,
    Comfortable,
    Rushed,
}

/// One line of the delivery feedback: what was measured and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryLine {
    pub label: &'static str,
    pub value: String,
    pub advice: String,
}

impl Delivery {
    pub fn filler_count(&self) -> u32 {
        self.fillers.iter().map(|f| f.count).sum()
    }

    pub fn pace(&self) -> Pace {
        if self.words_per_minute < *COMFORTABLE_PACE.start() {
            Pace::Slow
        } else if self.words_per_minute > *COMFORTABLE_PACE.end() {
            Pace::Rushed
        } else {
            Pace::Comfortable
        }
    }

    /// The feedback on delivery, one line per measure.
    pub fn lines(&self) -> Vec<DeliveryLine> {
        let mut lines = vec![self.time_line(), self.pace_line(), self.filler_line()];
        if let Some(pauses) = self.pauses {
            lines.push(pause_line(pauses));
        }
        lines
    }

    fn time_line(&self) -> DeliveryLine {
        let advice = if self.seconds < *GUIDELINE_SECONDS.start() {
            "Shorter than the one-to-two-minute guideline: add the situation, what you did and the result."
        } else if self.seconds > *GUIDELINE_SECONDS.end() {
            "Longer than the one-to-two-minute guideline: lead with the result and cut the background."
        } else {
            "Within the one-to-two-minute guideline."
        };
        DeliveryLine { label: "Speaking time", value: clock(self.seconds), advice: advice.into() }
    }

    fn pace_line(&self) -> DeliveryLine {
        let advice = match self.pace() {
            Pace::Slow => "A slow pace: keep going between points so the interviewer stays with you.",
            Pace::Comfortable => "A comfortable pace for an interview.",
            Pace::Rushed => "Rushed: slow down and let each point land before the next.",
        };
        DeliveryLine {
            label: "Pace",
            value: format!("{} words per minute", self.words_per_minute),
            advice: advice.into(),
        }
    }

    fn filler_line(&self) -> DeliveryLine {
        let count = self.filler_count();
        let heard = self
            .fillers
            .iter()
            .map(|f| format!("\u{201c}{}\u{201d} \u{d7}{}", f.word, f.count))
            .collect::<Vec<_>>();
        let (value, advice) = match count {
            0 => ("none heard".to_owned(), "No filler words: clean delivery.".to_owned()),
            n => (
                format!("{n}: {}", heard.join(", ")),
                if n * 60 > self.seconds.max(1) * 4 {
                    "Frequent fillers: a short silence sounds more confident than \u{201c}um\u{201d}."
                        .to_owned()
                } else {
                    "A few fillers; fine in conversation.".to_owned()
                },
            ),
        };
        DeliveryLine { label: "Filler words", value, advice }
    }
}

fn pause_line(pauses: u32) -> DeliveryLine {
    let threshold = LONG_PAUSE_SECONDS as u32;
    let (value, advice) = match pauses {
        0 => ("none".to_owned(), format!("No silence of {threshold} seconds or more.")),
        1 => (
            "1".to_owned(),
            format!("One silence of {threshold} seconds or more; fine if you were thinking."),
        ),
        n => (
            n.to_string(),
            format!(
                "{n} silences of {threshold} seconds or more: outline the answer (situation, action, result) before you start."
            ),
        ),
    };
    DeliveryLine { label: "Long pauses", value, advice }
}

/// `95` → "1:35".
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery(
        seconds: u32,
        words_per_minute: u32,
        fillers: &[(&str, u32)],
        pauses: Option<u32>,
    ) -> Delivery {
        Delivery {
            seconds,
            words_per_minute,
            fillers: fillers.iter().map(|(w, c)| FillerCount { word: (*w).into(), count: *c }).collect(),
            pauses,
        }
    }

    #[test]
    fn pace_is_judged_against_the_comfortable_range() {
        assert_eq!(delivery(90, 90, &[], None).pace(), Pace::Slow);
        assert_eq!(delivery(90, 140, &[], None).pace(), Pace::Comfortable);
        assert_eq!(delivery(90, 210, &[], None).pace(), Pace::Rushed);
    }

    #[test]
    fn lines_say_what_was_measured_and_quote_the_fillers() {
        let lines = delivery(45, 150, &[("um", 3), ("you know", 1)], Some(2)).lines();
        let labels: Vec<_> = lines.iter().map(|l| l.label).collect();
        assert_eq!(labels, ["Speaking time", "Pace", "Filler words", "Long pauses"]);
        assert_eq!(lines[0].value, "0:45");
        assert!(lines[0].advice.starts_with("Shorter"), "{}", lines[0].advice);
        assert_eq!(lines[2].value, "4: \u{201c}um\u{201d} \u{d7}3, \u{201c}you know\u{201d} \u{d7}1");
        assert!(lines[2].advice.starts_with("Frequent"), "4 fillers in 45 s: {}", lines[2].advice);
        assert_eq!(lines[3].value, "2");
    }

    #[test]
    fn without_word_timings_pauses_are_not_claimed() {
        let lines = delivery(100, 140, &[], None).lines();
        assert!(lines.iter().all(|l| l.label != "Long pauses"));
        assert!(lines[0].advice.starts_with("Within"));
        assert_eq!(lines[2].value, "none heard");
    }
}
