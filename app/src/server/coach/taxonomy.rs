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

/// What kind of thing a skill is, which decides how a sentence can name it: a tool is used
/// ("How have you used Kafka"), a practice is done ("your on-call work"), a domain is known
/// ("what you know about finance"), a behavioural skill is shown ("an example of leadership").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillKind {
    Tool,
    Practice,
    Domain,
    Behavioural,
}

impl SkillKind {
    /// The kind of a skill the taxonomy does not know (a language model's name for it).
    pub fn from_category(category: SkillCategory) -> Self {
        match category {
            SkillCategory::Technical => Self::Tool,
            SkillCategory::Behavioural => Self::Behavioural,
        }
    }
}

/// The kind of the skill named `name` (any case), else the one its category implies.
pub fn kind_of(name: &str, category: SkillCategory) -> SkillKind {
    skills()
        .iter()
        .find(|skill| skill.name.eq_ignore_ascii_case(name))
        .map_or_else(|| SkillKind::from_category(category), |skill| skill.kind)
}

/// One skill and the spellings that mean it.
#[derive(Debug, Clone)]
pub struct Skill {
    pub name: String,
    pub category: SkillCategory,
    pub kind: SkillKind,
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

/// The first letters of a word that its other forms share ("leadership", "leader").
fn stem(word: &str) -> String {
    word.chars().take(5).collect()
}

/// The words of a skill's name worth matching on their own ("remote", "team", "leadership").
fn name_stems(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4).map(stem).collect()
}

/// The concept words of `skill` however it is spelt: its own list; for a spelling the taxonomy
/// knows as another skill's alias ("Airflow" is Data engineering), that skill's list; for a
/// skill the taxonomy has no list for, the words of its name ("incident", "communication") and
/// the lists of the skills whose names or concept words share one of them ("Remote team
/// leadership": Leadership; "Message queues": Kafka and RabbitMQ, which speak of messages).
fn concepts_of(skill: &str) -> Vec<&str> {
    let own = concepts(skill);
    if !own.is_empty() {
        return own.iter().map(String::as_str).collect();
    }
    let named = mentions(skill).first().map_or(&[][..], |m| concepts(&skills()[m.skill].name));
    if !named.is_empty() {
        return named.iter().map(String::as_str).collect();
    }
    let lower = skill.to_lowercase();
    let stems = name_stems(&lower);
    let mut words: Vec<&str> = CONCEPTS
        .iter()
        .filter(|(name, words)| {
            std::iter::once(name).chain(words).flat_map(|w| name_stems(w)).any(|s| stems.contains(&s))
        })
        .flat_map(|(_, words)| words.iter().map(String::as_str))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// A word without the endings its other forms add ("tests", "testing", "tested": "test").
fn without_ending(word: &str) -> &str {
    ["ing", "ed", "es", "s"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending).filter(|stem| stem.chars().count() >= 3))
        .unwrap_or(word)
}

/// Whether `lower` names a skill of two or more words in another form of those words, in the same
/// order: "we load tested it" and "our load tests" name Load testing, "code reviews" Code review.
pub fn names_in_other_words(skill: &str, lower: &str) -> bool {
    let name: Vec<String> =
        skill.to_lowercase().split_whitespace().map(|word| without_ending(word).to_owned()).collect();
    if name.len() < 2 {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(name.len())
        .any(|window| window.iter().zip(&name).all(|(word, stem)| without_ending(word) == stem))
}

/// How many of the words of `skill`'s name (those of four letters or more, by their first five)
/// `lower` uses: for a skill the taxonomy has no concept list for.
fn name_word_hits(skill: &str, lower: &str) -> usize {
    if !concepts(skill).is_empty() {
        return 0;
    }
    name_stems(&skill.to_lowercase()).iter().filter(|s| uses(lower, s)).count()
}

/// Whether `lower` uses `concept` at the start of a word ("partition" finds "partitioned").
pub fn uses(lower: &str, concept: &str) -> bool {
    lower
        .match_indices(concept)
        .any(|(at, _)| !lower[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric()))
}

/// How many of `skill`'s concept words `lower` (lower-cased text) uses, each counted once; a
/// concept matches at the start of a word, so "partition" finds "partitioned".
pub fn concept_hits(skill: &str, lower: &str) -> usize {
    concepts_of(skill).iter().filter(|concept| uses(lower, concept)).count() + name_word_hits(skill, lower)
}

/// For a behavioural skill, how many concept words of the *other* behavioural skills `lower`
/// uses (each once, none of the skill's own). Ways of working share their vocabulary: an answer
/// about weighing options with a founder before a deadline is about decision making, and also
/// speaks the language of stakeholder management and prioritisation. Zero for other skills,
/// whose neighbours' words (an index, a topic) would say nothing about this one.
pub fn neighbour_concept_hits(skill: &str, lower: &str) -> usize {
    let skill = skill.to_lowercase();
    NEIGHBOUR_CONCEPTS
        .iter()
        .find(|(name, _)| *name == skill)
        .map_or(0, |(_, words)| words.iter().filter(|word| uses(lower, word)).count())
}

/// For a skill the taxonomy has no concept list for, how many concept words of the skills its
/// question speaks about (those with a concept word in the question) `lower` uses, each once,
/// none of the skill's own fallback words. The question is the interviewer's own description of
/// what they want to hear: "admit mistakes or disagree with you" is about feedback and conflict,
/// whatever the skill is called.
pub fn question_neighbour_hits(skill: &str, question: &str, lower: &str) -> usize {
    if !concepts(skill).is_empty() {
        return 0;
    }
    let question = question.to_lowercase();
    let own = concepts_of(skill);
    let mut words: Vec<&str> = CONCEPTS
        .iter()
        .filter(|(_, words)| words.iter().any(|word| uses(&question, word)))
        .flat_map(|(_, words)| words.iter().map(String::as_str))
        .filter(|word| !own.contains(word))
        .collect();
    words.sort_unstable();
    words.dedup();
    words.iter().filter(|word| uses(lower, word)).count()
}

/// Every concept word of the taxonomy, once: the vocabulary of the work the coach knows.
static VOCABULARY: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&'static str> =
        CONCEPTS.iter().flat_map(|(_, words)| words.iter().map(String::as_str)).collect();
    words.sort_unstable();
    words.dedup();
    words
});

/// How many words of the whole concept vocabulary `lower` (lower-cased text) uses, each once,
/// matched as word beginnings like every concept.
pub fn vocabulary_hits(lower: &str) -> usize {
    VOCABULARY.iter().filter(|word| uses(lower, word)).count()
}

/// Each behavioural skill (lower-cased) with the concept words of the other behavioural skills
/// that are not its own, once each: worked out once, not on every evaluation.
static NEIGHBOUR_CONCEPTS: LazyLock<Vec<(String, Vec<&'static str>)>> = LazyLock::new(|| {
    let behavioural: Vec<&(String, Vec<String>)> = CONCEPTS
        .iter()
        .filter(|(name, _)| {
            skills().iter().any(|s| s.name.to_lowercase() == *name && s.kind == SkillKind::Behavioural)
        })
        .collect();
    behavioural
        .iter()
        .map(|(skill, own)| {
            let mut words: Vec<&'static str> = behavioural
                .iter()
                .filter(|(name, _)| name != skill)
                .flat_map(|(_, words)| words.iter().map(String::as_str))
                .filter(|word| !own.iter().any(|mine| mine == word))
                .collect();
            words.sort_unstable();
            words.dedup();
            (skill.clone(), words)
        })
        .collect()
});

/// The lines of `lower` (a lower-cased text, whose lines are the text's lines) that use one of
/// `skill`'s concept words at the start of a word, in order, each once. Each concept is searched
/// for once in the whole text, not once per line (see [`mentions_by_line`]).
pub fn lines_with_concepts(skill: &str, lower: &str) -> Vec<usize> {
    let line_starts = line_starts(lower);
    let mut lines: Vec<usize> = concepts_of(skill)
        .into_iter()
        .flat_map(|concept| {
            lower
                .match_indices(concept)
                .filter(|(at, _)| !lower[..*at].chars().next_back().is_some_and(|c| c.is_alphanumeric()))
                .map(|(at, _)| line_starts.partition_point(|&start| start <= at) - 1)
        })
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

fn parse(data: &str) -> Vec<Skill> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('|').map(str::trim);
            let (name, kind, aliases) = (fields.next()?, fields.next()?, fields.next().unwrap_or_default());
            let kind = match kind {
                "tool" => SkillKind::Tool,
                "practice" => SkillKind::Practice,
                "domain" => SkillKind::Domain,
                "behavioural" => SkillKind::Behavioural,
                _ => return None,
            };
            let category = if kind == SkillKind::Behavioural {
                SkillCategory::Behavioural
            } else {
                SkillCategory::Technical
            };
            let spellings =
                std::iter::once(name).chain(aliases.split(',').map(str::trim)).filter(|a| !a.is_empty());
            let aliases = spellings.map(alias).collect();
            let broad = name.starts_with('~');
            let name = name.trim_start_matches(['~', '=']).to_owned();
            Some(Skill { name, category, kind, broad, aliases })
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
            let (count, first_at) = positions(skill, text, &lower)
                .fold((0, usize::MAX), |(count, first), at| (count + 1, first.min(at)));
            (count > 0).then_some(Mention { skill: index, count, first_at })
        })
        .collect();
    found.sort_by_key(|m| m.first_at);
    found
}

/// For every line of `text` (as [`str::lines`] cuts it), the skills it mentions in order of
/// first appearance: what [`mentions`] would say of each line on its own.
///
/// Each spelling is searched for once in the whole text rather than once per line, so that a
/// document of a hundred thousand one-letter lines costs what one long line costs (searching
/// every line for every spelling took tens of seconds of CPU on such a document).
pub fn mentions_by_line(text: &str) -> Vec<Vec<usize>> {
    let line_starts = line_starts(text);
    let lower = LowerCased::new(text);
    // (first position, skill) per line; skills are visited in taxonomy order, which the stable
    // sort below keeps for ties, as `mentions` does.
    let mut found: Vec<Vec<(usize, usize)>> = vec![Vec::new(); text.lines().count()];
    for (index, skill) in skills().iter().enumerate() {
        for at in positions(skill, text, &lower) {
            let line = line_starts.partition_point(|&start| start <= at) - 1;
            let Some(in_line) = found.get_mut(line) else { continue };
            match in_line.iter_mut().find(|(_, seen)| *seen == index) {
                Some(entry) => entry.0 = entry.0.min(at),
                None => in_line.push((at, index)),
            }
        }
    }
    found
        .into_iter()
        .map(|mut in_line| {
            in_line.sort_by_key(|&(at, _)| at);
            in_line.into_iter().map(|(_, skill)| skill).collect()
        })
        .collect()
}

/// Where each line of `text` starts (the first is 0); a line holds the offsets from its start
/// up to the next one.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect()
}

/// The offsets in `text` (whose lower case is `lower`) where one of `skill`'s spellings stands
/// as a whole word. Positions found in the lower-cased text are mapped back, so that every
/// offset indexes `text`, whichever kind of spelling matched.
fn positions<'a>(
    skill: &'a Skill,
    text: &'a str,
    lower: &'a LowerCased<'_>,
) -> impl Iterator<Item = usize> + 'a {
    skill.aliases.iter().flat_map(move |alias| {
        let haystack = if alias.exact_case { text } else { lower.as_str() };
        let one_letter = alias.text.chars().count() == 1;
        whole_word_positions(haystack, &alias.text)
            .filter(move |&at| !(one_letter && labels_a_letter(&haystack[..at])))
            .map(move |at| if alias.exact_case { at } else { lower.original_range(at..at).start })
    })
}

/// Words after which a capital letter is a label, not a language: "Series C", "Plan C",
/// "vitamin C", "grade C".
const LETTER_LABELS: &[&str] = &[
    "series", "plan", "vitamin", "grade", "type", "class", "option", "section", "part", "round", "tier",
    "phase", "team",
];

/// Whether `before` (the text up to a one-letter name) ends with a [`LETTER_LABELS`] word and a space.
fn labels_a_letter(before: &str) -> bool {
    before.strip_suffix(' ').is_some_and(|before| {
        let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
        LETTER_LABELS.iter().any(|label| word.eq_ignore_ascii_case(label))
    })
}

/// Positions where `needle` stands as a whole word in `haystack` (offsets into `haystack`): not
/// glued to letters or digits, and for language names not followed by `+`, `#` or `-` ("C" is
/// not "C++", "Go" is not "go-to").
pub(super) fn whole_word_positions<'a>(
    haystack: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    haystack.match_indices(needle).filter_map(move |(at, found)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + found.len()..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let extends =
            after.is_some_and(|c| matches!(c, '+' | '#' | '-' | '&')) && !needle.ends_with(['+', '#']);
        // The end of a hyphenated word is not a word of its own: "Objective-C" is not C.
        let ends_a_compound =
            before == Some('-') && haystack[..at - 1].chars().next_back().is_some_and(char::is_alphanumeric);
        (!glued(before) && !glued(after) && !extends && !ends_a_compound).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        mentions(text).iter().map(|m| skills()[m.skill].name.as_str()).collect()
    }

    #[test]
    fn every_concept_list_belongs_to_a_skill_of_the_taxonomy() {
        for (at, (name, words)) in CONCEPTS.iter().enumerate() {
            assert!(skills().iter().any(|s| s.name.to_lowercase() == *name), "{name} is not a skill");
            // Only a skill's first list is read: a second one would be silently ignored.
            assert!(CONCEPTS[..at].iter().all(|(earlier, _)| earlier != name), "{name} is listed twice");
            // A concept matches at the start of any word: two letters would match far too much.
            assert!(words.iter().all(|w| w.len() >= 2), "{name}: {words:?}");
        }
    }

    #[test]
    fn the_taxonomy_is_large_and_well_formed() {
        assert!(skills().len() >= 150, "{} skills", skills().len());
        let lines = include_str!("skills.txt").lines().map(str::trim);
        let entries = lines.filter(|line| !line.is_empty() && !line.starts_with('#')).count();
        assert_eq!(skills().len(), entries, "a line of skills.txt has an unknown kind");
        for kind in [SkillKind::Tool, SkillKind::Practice, SkillKind::Domain, SkillKind::Behavioural] {
            assert!(skills().iter().filter(|s| s.kind == kind).count() >= 10, "few skills of kind {kind:?}");
        }
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
        // Words of other trades, and the end of a hyphenated name.
        assert!(
            names(
                "Menu costing with the chef; full training provided; assembly line shifts; \
                 end-of-night reporting; the maths PLC meets weekly"
            )
            .is_empty()
        );
        assert_eq!(names("close NEWS2 monitoring"), ["Patient assessment"], "not observability");
        assert!(!names("Built iOS apps in Objective-C and Swift").contains(&"C"));
        assert!(!names("Plan-C, then Objective-C").contains(&"C"));
        assert!(names("We're a Series C company; plan C; vitamin C").is_empty());
        assert_eq!(names("Strong C and R skills"), ["C", "R"]);
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
    fn a_skill_spelt_as_an_alias_or_unknown_to_the_taxonomy_still_has_concept_words() {
        // "Airflow" is an alias of Data engineering: its words are that skill's.
        assert_eq!(
            concept_hits("Airflow", "the nightly dag backfill"),
            concept_hits("Data engineering", "the nightly dag backfill")
        );
        assert!(concept_hits("Airflow", "the nightly dag backfill") >= 2);
        // Unknown: the words of its name, and the lists of skills that share one of them.
        let answer = "i ran a remote team across four time zones and set one goal per quarter";
        assert!(concept_hits("Remote team leadership", answer) >= 3);
        assert_eq!(concept_hits("Remote team leadership", "we hiked up the hill"), 0);
        // A skill with its own list does not also count the words of its name.
        assert_eq!(concept_hits("Kafka", "kafka"), 0);
    }

    #[test]
    fn behavioural_skills_count_their_neighbours_words_and_technical_ones_do_not() {
        // "options" is Decision making's own word; "stakeholder"-ish "director" and
        // prioritisation's "delay" belong to its behavioural neighbours.
        let lower = "i listed the options with the director and we agreed to delay the launch";

        let for_decisions = neighbour_concept_hits("Decision making", lower);
        let for_kafka = neighbour_concept_hits("Kafka", "we agreed to delay the topic rebalance");

        assert!(for_decisions >= 2, "{for_decisions}");
        assert_eq!(concept_hits("Decision making", lower), 1);
        assert_eq!(for_kafka, 0);
        assert_eq!(neighbour_concept_hits("Decision making", "we hiked up the hill"), 0);
    }

    #[test]
    fn a_skill_without_a_list_borrows_the_words_of_the_skills_its_question_is_about() {
        // "Ways of working" has no list; the question speaks of incidents, which are the words
        // of on-call and site reliability.
        let skill = "Ways of working";
        let question = "How did your team handle incidents?";
        let answer = "i wrote the runbook, we held a postmortem after every outage and rotated the pager";

        let hits = question_neighbour_hits(skill, question, answer);

        assert!(hits >= 3, "{hits}");
        assert_eq!(concept_hits(skill, answer), 0);
        // Words of skills the question does not speak about do not count.
        assert_eq!(question_neighbour_hits(skill, question, "we rebalanced the topic partitions"), 0);
        // A skill with its own list keeps to it.
        assert_eq!(question_neighbour_hits("Kafka", question, answer), 0);
    }

    #[test]
    fn every_concept_list_names_a_skill_of_the_taxonomy() {
        for (name, words) in CONCEPTS.iter() {
            assert!(skills().iter().any(|s| s.name.to_lowercase() == *name), "{name} is not in skills.txt");
            assert!(!words.is_empty());
        }
    }

    #[test]
    fn each_line_gets_the_skills_mentions_finds_in_it_alone() {
        let text = "Rust and k8s\r\n\n  Go, then \u{212A}afka and Rust\nC++ or C#\nnothing here";

        let by_line = mentions_by_line(text);

        let alone: Vec<Vec<usize>> =
            text.lines().map(|line| mentions(line).iter().map(|m| m.skill).collect()).collect();
        assert_eq!(by_line, alone);
        let named = |line: &[usize]| line.iter().map(|&s| skills()[s].name.as_str()).collect::<Vec<_>>();
        assert_eq!(named(&by_line[0]), ["Rust", "Kubernetes"]);
        assert_eq!(named(&by_line[2]), ["Go", "Kafka", "Rust"]);
        assert_eq!(named(&by_line[3]), ["C++", "C#"]);
    }

    #[test]
    fn concept_lines_are_the_lines_that_use_a_concept_word() {
        let lower = "we partitioned topics\nnothing\na dead-letter queue\nrepartition\n";

        assert_eq!(lines_with_concepts("Kafka", lower), [0, 2]);
        assert!(lines_with_concepts("Not a skill", lower).is_empty());
    }

    #[test]
    fn mentions_are_counted() {
        let found = mentions("Rust, more Rust, and tokio");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].count, 3);
    }

    #[test]
    fn a_skill_of_several_words_is_named_in_their_other_forms_in_order() {
        assert!(names_in_other_words("Load testing", "we load tested the checkout before black friday"));
        assert!(names_in_other_words("Load testing", "our load tests ran nightly"));
        assert!(names_in_other_words("Code review", "i changed how our code reviews worked"));
        assert!(!names_in_other_words("Load testing", "we tested the load balancer"), "not in order");
        assert!(!names_in_other_words("Kafka", "kafkas"), "a one-word name is matched as written");
        assert!(!names_in_other_words("Load testing", "the loader was testing it"), "another word");
    }
}
