//! The coach's pure core: which skill to ask about next, and the fallacy catalog. The engines
//! (offline rules and LLM) build on these.

pub mod coverage;
pub mod fallacies;
