//! Any text as an answer (and as the question, skill and job description it answers) must get
//! the offline coach's feedback without a panic, with scores in 0–100 and quotes taken from the
//! answer (a long sentence may be cut, ending in "…").
//!
//! Unlike the document targets, panics are not contained here: the coach is plain code over
//! text, and a panic in it is the bug being looked for. The input is the answer, then the
//! question, the skill and the job description, separated by NUL bytes.
#![no_main]

use interview_coach_fuzz::server::coach::fallacies::{self, FallacyFinding};
use interview_coach_fuzz::server::coach::rubric::{Asked, assess};
use interview_coach_fuzz::texts;
use libfuzzer_sys::fuzz_target;

/// Whether `quote` is `text`'s own words, possibly cut with a final "…".
fn is_taken_from(quote: &str, text: &str) -> bool {
    text.contains(quote) || quote.strip_suffix('\u{2026}').is_some_and(|start| text.contains(start))
}

/// The words a finding quotes, between the quotation marks of its `why`.
fn quoted(finding: &FallacyFinding) -> &str {
    finding
        .why
        .strip_prefix("Your answer says \u{201c}")
        .and_then(|rest| rest.strip_suffix("\u{201d}."))
        .expect("`why` quotes the answer")
}

fuzz_target!(|data: &[u8]| {
    let [answer, question, skill, job_description] = texts::<4>(data);

    if let Some(finding) = fallacies::detect(&answer) {
        let quote = quoted(&finding);
        assert!(!quote.is_empty() && is_taken_from(quote, &answer), "{quote:?} is not in the answer");
    }

    let asked = Asked { question: &question, skill: &skill, job_description: &job_description };
    let assessment = assess(asked, &answer);
    assert!(assessment.correctness <= 100 && assessment.role_relevance <= 100);
    if let Some(finding) = &assessment.fallacy {
        assert!(is_taken_from(quoted(finding), &answer), "the rubric's fallacy quote is not in the answer");
    }
    for flag in &assessment.red_flags {
        let is_fallacy = assessment.fallacy.as_ref().is_some_and(|f| f.why == flag.quote);
        let from_answer = is_taken_from(&flag.quote, &answer);
        assert!(is_fallacy || from_answer, "red flag {:?} does not quote the answer", flag.quote);
    }
});
