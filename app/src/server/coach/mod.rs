//! The coach: which skill to ask about next, the fallacy catalog, the skills taxonomy, the
//! offline answer rubric, and the engines behind [`engine::CoachEngine`].

pub mod budget;
pub mod coverage;
pub mod delivery;
pub mod engine;
pub mod evaluation;
pub mod fallacies;
mod fallacy_classifier;
mod fallacy_cues;
#[cfg(test)]
mod hostile_input;
#[cfg(test)]
mod labelled_answers;
pub mod llm;
pub mod profile;
pub mod questions;
pub mod rubric;
pub mod semantic;
pub mod taxonomy;
pub mod text;
