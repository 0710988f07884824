//! The coach: which skill to ask about next, the fallacy catalog, the skills taxonomy, and the
//! engines behind [`engine::CoachEngine`].

pub mod coverage;
pub mod engine;
pub mod fallacies;
pub mod profile;
pub mod taxonomy;
