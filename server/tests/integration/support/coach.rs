//! A scripted stand-in for the language-model coach: questions and profiles come from the
//! offline coach, scores from the answer text itself ("correctness 80 relevance 60 flags 2"), so
//! analytics tests know every number in advance.

use app::server::coach::engine::{CoachEngine, CoachError, OfflineCoach, ProfileAnalysis};
use app::server::coach::questions::{QuestionRequest, QuestionSpec};
use app::server::coach::rubric::{Asked, Assessment, RedFlag};

pub struct ScriptedCoach;

/// The answer that makes [`ScriptedCoach`] give these scores.
pub fn scripted_answer(correctness: u8, relevance: u8, flags: usize) -> String {
    format!("correctness {correctness} relevance {relevance} flags {flags}")
}

fn number_after(text: &str, word: &str) -> Option<u64> {
    let mut words = text.split_whitespace();
    words.find(|w| *w == word)?;
    words.next()?.parse().ok()
}

#[async_trait::async_trait]
impl CoachEngine for ScriptedCoach {
    fn label(&self) -> String {
        "Scripted coach".into()
    }

    fn prompt_version(&self) -> &'static str {
        "scripted-1"
    }

    async fn extract_profile(&self, cv: &str, jd: &str) -> Result<ProfileAnalysis, CoachError> {
        OfflineCoach.extract_profile(cv, jd).await
    }

    async fn next_question(&self, request: &QuestionRequest<'_>) -> Result<QuestionSpec, CoachError> {
        OfflineCoach.next_question(request).await
    }

    async fn evaluate(&self, _asked: Asked<'_>, answer: &str) -> Result<Assessment, CoachError> {
        let score = |word| number_after(answer, word).unwrap_or(0).min(100) as u8;
        let flags = number_after(answer, "flags").unwrap_or(0) as usize;
        Ok(Assessment {
            correctness: score("correctness"),
            role_relevance: score("relevance"),
            improvements: vec!["Say what you measured.".into()],
            red_flags: (0..flags)
                .map(|i| RedFlag { quote: String::new(), issue: format!("flag {i}") })
                .collect(),
            suggested_rewrite: "A better answer.".into(),
            followup_question: None,
            coach_hint: "Be specific.".into(),
            fallacy: None,
        })
    }
}

/// What a test coach does before the offline coach asks a question or evaluates an answer:
/// count, wait, stall or fail. Everything else is the offline coach's.
#[async_trait::async_trait]
pub trait Hooks: Send + Sync {
    async fn before_question(&self) {}

    async fn before_evaluation(&self) -> Result<(), CoachError> {
        Ok(())
    }
}

/// The offline coach with [`Hooks`] (`coach.0` is the hooks' state, for the test to read).
pub struct OfflineWith<H>(pub H);

#[async_trait::async_trait]
impl<H: Hooks> CoachEngine for OfflineWith<H> {
    fn label(&self) -> String {
        OfflineCoach.label()
    }

    fn prompt_version(&self) -> &'static str {
        OfflineCoach.prompt_version()
    }

    async fn extract_profile(&self, cv: &str, jd: &str) -> Result<ProfileAnalysis, CoachError> {
        OfflineCoach.extract_profile(cv, jd).await
    }

    async fn next_question(&self, request: &QuestionRequest<'_>) -> Result<QuestionSpec, CoachError> {
        self.0.before_question().await;
        OfflineCoach.next_question(request).await
    }

    async fn evaluate(&self, asked: Asked<'_>, answer: &str) -> Result<Assessment, CoachError> {
        self.0.before_evaluation().await?;
        OfflineCoach.evaluate(asked, answer).await
    }
}
