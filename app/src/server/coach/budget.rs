//! Cutting a CV or a job description to the budget a language model is sent.
//!
//! Documents can hold up to 200,000 characters; a model needs far less and is paid per token.
//! Each is cut to [`DOCUMENT_BUDGET_CHARS`]: the lines under requirement and skill headings
//! first (what questions and scores depend on), then the rest in reading order, with a note
//! saying that the text was cut.

/// Characters of each document sent to a model.
pub const DOCUMENT_BUDGET_CHARS: usize = 12_000;

/// Headings whose section matters most for questions and scoring.
const PRIORITY_HEADINGS: &[&str] = &[
    "requirement",
    "qualification",
    "skill",
    "must have",
    "must-have",
    "what you",
    "you have",
    "you will",
    "responsibilit",
    "experience",
    "competenc",
    "technolog",
    "stack",
];

/// `text` unchanged when it fits in `max_chars`, else its most relevant lines within it.
pub fn within_budget(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut priority = vec![false; lines.len()];
    let mut in_priority_section = false;
    for (index, line) in lines.iter().enumerate() {
        if is_heading(line) {
            let lower = line.to_lowercase();
            in_priority_section = PRIORITY_HEADINGS.iter().any(|h| lower.contains(h));
        }
        priority[index] = in_priority_section;
    }
    const NOTE: &str = "[… cut to fit: the most relevant parts first]";
    let room = max_chars.saturating_sub(NOTE.chars().count() + 1);
    let mut chosen = vec![false; lines.len()];
    let mut used = 0;
    for pass_wants_priority in [true, false] {
        for (index, line) in lines.iter().enumerate() {
            if chosen[index] || priority[index] != pass_wants_priority {
                continue;
            }
            let cost = line.chars().count() + 1;
            if used + cost <= room {
                chosen[index] = true;
                used += cost;
            }
        }
    }
    if used == 0 {
        // One enormous line: its beginning is better than nothing.
        let start: String = text.chars().take(room).collect();
        return format!("{start}\n{NOTE}");
    }
    let mut out: Vec<&str> = lines.iter().zip(&chosen).filter(|(_, c)| **c).map(|(l, _)| *l).collect();
    out.push(NOTE);
    out.join("\n")
}

/// A short line that reads like a section heading ("Requirements", "What you'll do:").
fn is_heading(line: &str) -> bool {
    let trimmed = line.trim();
    let words = trimmed.split_whitespace().count();
    (1..=6).contains(&words)
        && !trimmed.starts_with(['-', '*', '•'])
        && (trimmed.ends_with(':') || !trimmed.ends_with(['.', ',', ';']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_document_is_sent_whole() {
        assert_eq!(
            within_budget("Rust engineer\nRequirements\n- Rust", 100),
            "Rust engineer\nRequirements\n- Rust"
        );
    }

    #[test]
    fn a_long_document_keeps_its_requirements_first_and_stays_within_the_budget() {
        let mut jd = String::from("About us\n");
        for i in 0..400 {
            jd.push_str(&format!("We are a company with a long story, chapter {i}, told at length.\n"));
        }
        jd.push_str("Requirements\n- 5 years of Rust in production\n- Kafka consumers and partitions\n");
        let cut = within_budget(&jd, 2_000);
        assert!(cut.chars().count() <= 2_000, "{} characters", cut.chars().count());
        assert!(
            cut.contains("- 5 years of Rust in production") && cut.contains("- Kafka consumers"),
            "{cut}"
        );
        assert!(cut.ends_with("[… cut to fit: the most relevant parts first]"));
    }

    #[test]
    fn cutting_counts_characters_not_bytes() {
        let text = "é".repeat(50_000);
        let cut = within_budget(&text, 12_000);
        assert!(cut.chars().count() <= 12_000);
        assert!(cut.starts_with("éé"), "the beginning of one long line is kept");
    }
}
