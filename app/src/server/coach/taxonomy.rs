//! The skills taxonomy (`skills.txt`, kept as data) and finding its skills in a text.

use std::sync::LazyLock;

use super::text::LowerCased;

/// Whether a skill is a technique or tool, or a way of working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillCategory {
    Technical,
    Behavioural,
}

/// One skill and the spellings that mean it.
#[derive(Debug, Clone)]
pub struct Skill {
    pub name: String,
    pub category: SkillCategory,
    /// Names a kind of role more than a skill ("Backend development"): ranks lower.
    pub broad: bool,
    aliases: Vec<Alias>,
}

#[derive(Debug, Clone)]
struct Alias {
    text: String,
    exact_case: bool,
}

/// How often, and first where, a skill appears in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub skill: usize,
    pub count: usize,
    pub first_at: usize,
}

static TAXONOMY: LazyLock<Vec<Skill>> = LazyLock::new(|| parse(include_str!("skills.txt")));

/// Every skill the coach knows, in file order.
pub fn skills() -> &'static [Skill] {
    &TAXONOMY
}

static CONCEPTS: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    include_str!("concepts.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (name, words) = line.split_once('|')?;
            let words = words.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect();
            Some((name.trim().to_lowercase(), words))
        })
        .collect()
});

/// The words an answer about `skill` uses without naming it (`concepts.txt`): "partition",
/// "consumer" and "dead-letter" for Kafka. Empty for a skill with no list.
pub fn concepts(skill: &str) -> &'static [String] {
    let skill = skill.to_lowercase();
    CONCEPTS.iter().find(|(name, _)| *name == skill).map_or(&[], |(_, words)| words.as_slice())
}

/// How many of `skill`'s concept words `lower` (lower-cased text) uses, each counted once; a
/// concept matches at the start of a word, so "partition" finds "partitioned".
pub fn concept_hits(skill: &str, lower: &str) -> usize {
    concepts(skill)
        .iter()
        .filter(|concept| {
            lower
                .match_indices(concept.as_str())
                .any(|(at, _)| !lower[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric()))
        })
        .count()
}

fn parse(data: &str) -> Vec<Skill> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('|').map(str::trim);
            let (name, category, aliases) =
                (fields.next()?, fields.next()?, fields.next().unwrap_or_default());
            let category =
                if category == "behavioural" { SkillCategory::Behavioural } else { SkillCategory::Technical };
            let spellings =
                std::iter::once(name).chain(aliases.split(',').map(str::trim)).filter(|a| !a.is_empty());
            let aliases = spellings.map(alias).collect();
            let broad = name.starts_with('~');
            let name = name.trim_start_matches(['~', '=']).to_owned();
            Some(Skill { name, category, broad, aliases })
        })
        .collect()
}

fn alias(spelling: &str) -> Alias {
    let marked = spelling.starts_with('=');
    let text = spelling.trim_start_matches('=');
    let short_with_capital =
        text.chars().filter(|c| c.is_alphabetic()).count() <= 3 && text.chars().any(char::is_uppercase);
    let exact_case = marked || short_with_capital;
    Alias { text: if exact_case { text.to_owned() } else { text.to_lowercase() }, exact_case }
}

/// The taxonomy's skills mentioned in `text`, with counts, in order of first appearance.
/// `first_at` is a byte offset in `text` itself, whichever spelling matched.
pub fn mentions(text: &str) -> Vec<Mention> {
    let lower = LowerCased::new(text);
    let mut found: Vec<Mention> = skills()
        .iter()
        .enumerate()
        .filter_map(|(index, skill)| {
            let mut count = 0;
            let mut first_at = usize::MAX;
            for alias in &skill.aliases {
                // Positions in the lower-cased text are mapped back, so that every `first_at`
                // indexes `text` and the order of first appearance is the same for both kinds.
                let positions: Vec<usize> = if alias.exact_case {
                    whole_word_positions(text, &alias.text).collect()
                } else {
                    whole_word_positions(lower.as_str(), &alias.text)
                        .map(|at| lower.original_range(at..at).start)
                        .collect()
                };
                for position in positions {
                    count += 1;
                    first_at = first_at.min(position);
                }
            }
            (count > 0).then_some(Mention { skill: index, count, first_at })
        })
        .collect();
    found.sort_by_key(|m| m.first_at);
    found
}

/// Positions where `needle` stands as a whole word in `haystack` (offsets into `haystack`): not
/// glued to letters or digits, and for language names not followed by `+`, `#` or `-` ("C" is
/// not "C++", "Go" is not "go-to").
fn whole_word_positions<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    haystack.match_indices(needle).filter_map(move |(at, found)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + found.len()..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let extends =
            after.is_some_and(|c| matches!(c, '+' | '#' | '-' | '&')) && !needle.ends_with(['+', '#']);
        (!glued(before) && !glued(after) && !extends).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        mentions(text).iter().map(|m| skills()[m.skill].name.as_str()).collect()
    }

    #[test]
    fn the_taxonomy_is_large_and_well_formed() {
        assert!(skills().len() >= 150, "{} skills", skills().len());
        let behavioural = skills().iter().filter(|s| s.category == SkillCategory::Behavioural).count();
        assert!(behavioural >= 20);
        let mut seen = std::collections::HashSet::new();
        for skill in skills() {
            assert!(seen.insert(skill.name.to_lowercase()), "duplicate skill {}", skill.name);
        }
    }

    #[test]
    fn aliases_find_their_skill() {
        assert_eq!(
            names("Experience with k8s, Postgres and golang services"),
            ["Kubernetes", "PostgreSQL", "Go"]
        );
    }

    #[test]
    fn ordinary_words_are_not_skills() {
        assert!(
            names("I had to go and rest before we could go-live; C-level sponsors; R&D budget").is_empty()
        );
        assert_eq!(names("We write Go and C, not C++ or C#"), ["Go", "C", "C++", "C#"]);
    }

    #[test]
    fn first_appearance_is_an_offset_in_the_text_whichever_spelling_matched() {
        // Each Kelvin sign lower-cases from three bytes to one: in the lower-cased text "Rust"
        // comes eight bytes earlier than in the text, before the exact-case "Go".
        let text = "\u{212A}\u{212A}\u{212A}\u{212A} Go and Rust";

        let found = mentions(text);

        assert_eq!(names(text), ["Go", "Rust"]);
        assert_eq!(found.iter().map(|m| m.first_at).collect::<Vec<_>>(), [13, 20]);
        assert_eq!(&text[found[1].first_at..], "Rust");
    }

    #[test]
    fn concept_words_are_found_at_word_starts() {
        let lower = "we partitioned the topic, added consumers and a dead-letter queue";

        assert_eq!(concept_hits("Kafka", lower), 4);
        assert_eq!(concept_hits("kafka", "a repartition"), 0);
        assert_eq!(concept_hits("Not a skill", lower), 0);
    }

    #[test]
    fn every_concept_list_names_a_skill_of_the_taxonomy() {
        for (name, words) in CONCEPTS.iter() {
            assert!(skills().iter().any(|s| s.name.to_lowercase() == *name), "{name} is not in skills.txt");
            assert!(!words.is_empty());
        }
    }

    #[test]
    fn mentions_are_counted() {
        let found = mentions("Rust, more Rust, and tokio");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].count, 3);
    }
}
