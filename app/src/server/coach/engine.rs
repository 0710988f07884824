//! The coach engine interface and the offline (rules) engine.
//!
//! Engines sit behind [`CoachEngine`] in the app state, chosen once at start-up. This first
//! operation, profile extraction, is what the setup screen needs; question generation and
//! answer evaluation join the trait with the interview screen.

use serde::{Deserialize, Serialize};

use super::profile::{self, Profile, TopSkill};

/// What the coach understood from a CV and a job description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileAnalysis {
    pub profile: Profile,
    pub top_skills: Vec<TopSkill>,
}

/// Why the coach could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoachError {
    #[error("the coach is unavailable: {0}")]
    Unavailable(String),
}

/// A coach: the offline rules engine, or a language model.
#[async_trait::async_trait]
pub trait CoachEngine: Send + Sync {
    /// How the UI and every stored suggestion name this coach.
    fn label(&self) -> String;

    /// The candidate's profile and the ten skills that matter most for this vacancy.
    async fn extract_profile(&self, cv: &str, jd: &str) -> Result<ProfileAnalysis, CoachError>;
}

/// The deterministic rules engine: the default, and the one the tests use.
#[derive(Debug, Clone, Copy, Default)]
pub struct OfflineCoach;

pub const OFFLINE_LABEL: &str = "Offline coach (rules)";

#[async_trait::async_trait]
impl CoachEngine for OfflineCoach {
    fn label(&self) -> String {
        OFFLINE_LABEL.to_owned()
    }

    async fn extract_profile(&self, cv: &str, jd: &str) -> Result<ProfileAnalysis, CoachError> {
        Ok(ProfileAnalysis { profile: profile::profile(cv), top_skills: profile::top_skills(cv, jd) })
    }
}
