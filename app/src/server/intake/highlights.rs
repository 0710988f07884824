//! What a reader sees first in a CV or a job description: plain heuristics over the text,
//! shown as a summary so the candidate can check the file was read correctly.

/// The name and headline at the top of a CV: the first line that reads like a name (two to
/// four capitalised words, no digits or punctuation), and the line after it.
pub fn cv_name_and_headline(text: &str) -> (Option<String>, Option<String>) {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(8);
    while let Some(line) = lines.next() {
        if looks_like_name(line) {
            let headline = lines.next().filter(|l| l.chars().count() <= 120).map(str::to_owned);
            return (Some(line.to_owned()), headline);
        }
    }
    (None, None)
}

fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        })
}

/// The text of a bulleted or numbered line ("- Rust", "2) On-call"), or `None` for prose.
pub fn bullet_item(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = line.strip_prefix(['-', '•', '*', '–']).or_else(|| {
        let digits = line.find(|c: char| !c.is_ascii_digit())?;
        (digits > 0).then(|| line[digits..].strip_prefix(['.', ')']))?
    })?;
    Some(rest.trim())
}

/// The bulleted lines of a job description (its requirements, in practice), at most `max`.
pub fn key_requirements(text: &str, max: usize) -> Vec<String> {
    text.lines()
        .filter_map(bullet_item)
        .filter(|item| item.chars().count() >= 3)
        .take(max)
        .map(str::to_owned)
        .collect()
}

/// Words in a text, for the summary line.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_headline_come_from_the_top_of_the_cv() {
        let cv = "Curriculum Vitae 2024\nAda Lovelace\nSenior Rust Engineer\nExperience";
        assert_eq!(
            cv_name_and_headline(cv),
            (Some("Ada Lovelace".into()), Some("Senior Rust Engineer".into()))
        );
    }

    #[test]
    fn no_name_is_invented() {
        assert_eq!(cv_name_and_headline("experience: 10 years\nrust, sql"), (None, None));
    }

    #[test]
    fn requirements_are_the_bulleted_lines() {
        let jd = "Backend Engineer\n- 5+ years of Rust\n• PostgreSQL\n1. Kubernetes\n2) On-call\nNice to have: Kafka\n-";
        assert_eq!(key_requirements(jd, 10), ["5+ years of Rust", "PostgreSQL", "Kubernetes", "On-call"]);
        assert_eq!(key_requirements(jd, 2).len(), 2);
    }
}
