//! The coach: which skill to ask about next, the fallacy catalog, the skills taxonomy, the
//! offline answer rubric, and the engines behind [`engine::CoachEngine`].

pub mod coverage;
pub mod engine;
pub mod fallacies;
#[cfg(test)]
mod labelled_answers;
pub mod llm;
pub mod profile;
pub mod questions;
pub mod rubric;
pub mod taxonomy;

/// `text` cut to `max_chars` characters, ending in "…" when it was longer.
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() > max_chars {
        format!("{}…", text.chars().take(max_chars - 1).collect::<String>())
    } else {
        text.to_owned()
    }
}
