//! The offline coach's questions: templates per category (technical, behavioural, situational)
//! and difficulty, filled with the target skill, the position and, when the CV shows the skill,
//! the CV's own words. Difficulty follows the candidate's recent scores; no question repeats.

use serde::{Deserialize, Serialize};

use super::taxonomy::{self, SkillCategory, SkillKind};
use crate::server::intake::highlights;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionCategory {
    Technical,
    Behavioural,
    Situational,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl QuestionCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Technical => "technical",
            Self::Behavioural => "behavioural",
            Self::Situational => "situational",
        }
    }
}

impl Difficulty {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Easy => "easy",
            Self::Medium => "medium",
            Self::Hard => "hard",
        }
    }
}

/// What the next question must be about.
#[derive(Debug, Clone)]
pub struct QuestionRequest<'a> {
    pub skill: &'a str,
    pub skill_category: SkillCategory,
    pub position_title: &'a str,
    /// The CV line that shows the skill, if any.
    pub evidence: Option<&'a str>,
    pub difficulty: Difficulty,
    /// Questions already asked in this interview (never repeated).
    pub asked_before: &'a [String],
    /// Questions asked so far (rotates the category).
    pub order: usize,
}

/// A generated question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionSpec {
    pub text: String,
    pub skill: String,
    pub category: QuestionCategory,
    pub difficulty: Difficulty,
}

/// The difficulty for the next question from the last scores (correctness 0–100): two strong
/// answers in a row raise it, a weak one lowers it; the interview starts at medium.
pub fn next_difficulty(recent_scores: &[u8]) -> Difficulty {
    match recent_scores {
        [] => Difficulty::Medium,
        [.., last] if *last < 40 => Difficulty::Easy,
        [.., a, b] if *a >= 75 && *b >= 75 => Difficulty::Hard,
        _ => Difficulty::Medium,
    }
}

/// The question templates for a kind of skill, category and difficulty. Each is a sentence for
/// any skill of its kind: tools are used, practices done, domains known, behaviours shown.
fn templates(kind: SkillKind, category: QuestionCategory, difficulty: Difficulty) -> &'static [&'static str] {
    use Difficulty::*;
    use QuestionCategory::*;
    match (kind, category, difficulty) {
        (SkillKind::Tool, Technical, Easy) => {
            &["How have you used {skill} in your work, and what did you use it for?"]
        }
        (SkillKind::Tool, Technical, Medium) => &[
            "Tell me about a problem you solved with {skill}. What made it hard, and what was the result?",
            "Walk me through how you would explain your approach to {skill} to a new colleague on your team.",
        ],
        (SkillKind::Tool, Technical, Hard) => &[
            "Describe a trade-off you made with {skill} under real constraints. What alternatives did you weigh, and how did you decide?",
            "What is the hardest failure you have seen involving {skill}, how did you find the root cause, and what did you change so it could not happen again?",
        ],
        (SkillKind::Tool, Behavioural, Easy) => {
            &["Tell me about a time you had to learn {skill} quickly. How did you go about it?"]
        }
        (SkillKind::Tool, Behavioural, _) => &[
            "Tell me about a time you disagreed with a colleague about how to use {skill}. How did you resolve it, and what was the outcome?",
            "Describe a time your work with {skill} did not go as planned. What did you do, and what did you learn?",
        ],
        (SkillKind::Tool, Situational, Hard) => &[
            "Imagine that in your first month as {title} a critical part of our work that depends on {skill} fails the night before a major launch. Walk me through your next three hours.",
        ],
        (SkillKind::Tool, Situational, _) => &[
            "Imagine you join us as {title} and find that the way we use {skill} is slowing the team down. What would you do in your first month?",
        ],
        (SkillKind::Practice, Technical, Easy) => {
            &["Tell me about your experience with {skill}: what was your part, and what did it change?"]
        }
        (SkillKind::Practice, Technical, Medium) => &[
            "Tell me about a problem where {skill} mattered. What made it hard, what did you do, and what was the result?",
            "Walk me through how you would explain your approach to {skill} to a new colleague on your team.",
        ],
        (SkillKind::Practice, Technical, Hard) => &[
            "Describe a hard trade-off you faced in your {skill} work. What alternatives did you weigh, and how did you decide?",
            "What is the hardest failure you have seen involving {skill}, how did you find the root cause, and what did you change so it could not happen again?",
        ],
        (SkillKind::Practice, Behavioural, Easy) => {
            &["Tell me about a time you had to get better at {skill} quickly. How did you go about it?"]
        }
        (SkillKind::Practice, Behavioural, _) => &[
            "Tell me about a time you disagreed with a colleague about {skill}. How did you resolve it, and what was the outcome?",
            "Describe a time your {skill} work did not go as planned. What did you do, and what did you learn?",
        ],
        (SkillKind::Practice, Situational, Hard) => &[
            "Imagine that in your first month as {title} a critical part of our work that depends on {skill} fails the night before a major launch. Walk me through your next three hours.",
        ],
        (SkillKind::Practice, Situational, _) => &[
            "Imagine you join us as {title} and find that the way we approach {skill} is slowing the team down. What would you do in your first month?",
        ],
        (SkillKind::Domain, Technical, Easy) => {
            &["What do you know about {skill} that matters for this role, and where did you learn it?"]
        }
        (SkillKind::Domain, Technical, Medium) => &[
            "Tell me about a piece of work where understanding {skill} changed what you did or decided. What was the result?",
            "Walk me through how you would explain the essentials of {skill} to a new colleague without that background.",
        ],
        (SkillKind::Domain, Technical, Hard) => &[
            "Which rule or constraint in {skill} is easiest to get wrong, and how have you made sure your work gets it right?",
            "Describe a time a requirement specific to {skill} surprised you late in a project. What did it cost, and what do you do differently now?",
        ],
        (SkillKind::Domain, Behavioural, Easy) => &[
            "Tell me about a time you had to explain something about {skill} to a colleague without that background. How did you go about it?",
        ],
        (SkillKind::Domain, Behavioural, _) => &[
            "Describe a time you disagreed with an expert in {skill}. How did you resolve it, and what was the outcome?",
            "Tell me about a time you had to learn the rules of {skill} quickly. How did you go about it, and how did you check you had them right?",
        ],
        (SkillKind::Domain, Situational, Hard) => &[
            "Imagine that in your first month as {title} we find, the week before a launch, that a product decision ignored an important rule of {skill}. Walk me through your next steps.",
        ],
        (SkillKind::Domain, Situational, _) => &[
            "Imagine you join us as {title} and the team knows little about {skill}. What would you do in your first month to close that gap?",
        ],
        (SkillKind::Behavioural, _, Easy) => {
            &["Tell me about a recent example of {skill} in your work. What did you do, and what happened?"]
        }
        (SkillKind::Behavioural, Situational, Hard) => &[
            "Imagine that in your first month as {title} two senior colleagues pull the team in opposite directions the week before a launch. What would {skill} look like from you that week?",
        ],
        (SkillKind::Behavioural, Situational, _) => &[
            "Imagine you join us as {title} and a project you depend on is falling behind. What would {skill} look like from you in the first two weeks?",
        ],
        (SkillKind::Behavioural, _, _) => &[
            "Tell me about a situation where {skill} made the difference to the outcome. What exactly did you do?",
            "Describe a time when your {skill} fell short. What happened, and what do you do differently now?",
        ],
    }
}

/// The skill's name as it reads inside a sentence: tools are names ("Kafka", "Google Cloud")
/// and keep their capitals, unless the rest of the name is in lower case, which makes it a kind
/// of tool ("warehouse management systems", "point of sale"); other skills are common nouns
/// ("on-call", "finance", "leadership") and lose the capital a list gives them, unless their
/// first word is an acronym or is written with inner capitals ("CI/CD", "UX design", "MLOps").
pub fn skill_in_sentence(skill: &str, kind: SkillKind) -> String {
    let mut words = skill.split_whitespace();
    let first_word = words.next().unwrap_or_default();
    let written_with_capitals = first_word.chars().skip(1).any(char::is_uppercase);
    let later_words: Vec<&str> = words.collect();
    let named_product =
        later_words.is_empty() || later_words.iter().any(|word| word.chars().any(char::is_uppercase));
    if (kind == SkillKind::Tool && named_product) || written_with_capitals {
        return skill.to_owned();
    }
    let mut chars = skill.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

/// The next question for the request, never one already asked.
pub fn generate(request: &QuestionRequest<'_>) -> QuestionSpec {
    let kind = taxonomy::kind_of(request.skill, request.skill_category);
    let technical = request.skill_category == SkillCategory::Technical;
    let rotation =
        [QuestionCategory::Technical, QuestionCategory::Behavioural, QuestionCategory::Situational];
    let first_category =
        if technical { rotation[request.order % 3] } else { rotation[1 + request.order % 2] };
    let title = if request.position_title.trim().is_empty() {
        "a new member of the team"
    } else {
        request.position_title.trim()
    };
    let skill = skill_in_sentence(request.skill, kind);
    let fill = |template: &str| fill(template, &skill, title);
    let unused = |text: &String| !request.asked_before.contains(text);

    // The CV's own words make the first, medium question personal, once per CV line, when what
    // is quoted still names the skill ("the critical care part of" a sentence about kindness
    // would make no sense).
    let quote = request
        .evidence
        .and_then(cv_quote)
        .filter(|quote| names_the_skill(quote, request.skill))
        .filter(|quote| !request.asked_before.iter().any(|q| q.contains(quote.as_str())));
    if let (Some(quote), Difficulty::Medium) = (quote, request.difficulty) {
        let personal = format!(
            "Your CV says \u{201c}{quote}\u{201d}. Walk me through the {skill} part of it: what was the situation, what did you do, and what was the result?"
        );
        if unused(&personal) {
            return spec(personal, request, QuestionCategory::Technical.min_for(technical));
        }
    }
    let difficulties = [request.difficulty, Difficulty::Medium, Difficulty::Hard, Difficulty::Easy];
    let categories = std::iter::once(first_category).chain(rotation);
    for category in categories.filter(|c| technical || *c != QuestionCategory::Technical) {
        for difficulty in difficulties {
            for template in templates(kind, category, difficulty) {
                let text = fill(template);
                if unused(&text) {
                    return QuestionSpec { text, skill: request.skill.to_owned(), category, difficulty };
                }
            }
        }
    }
    // Every template for this skill has been used: ask for another example, numbered.
    let text = format!(
        "Give me another example from your work that shows {skill} (example {}), different from the ones you have told me.",
        request.asked_before.len() + 1
    );
    spec(text, request, first_category)
}

/// Whether `text` names `skill`, by its name or a spelling the taxonomy knows for it.
fn names_the_skill(text: &str, skill: &str) -> bool {
    text.to_lowercase().contains(&skill.to_lowercase())
        || taxonomy::mentions(text).iter().any(|mention| taxonomy::skills()[mention.skill].name == skill)
}

/// Words of a CV line about a degree, a school or a certificate rather than work done: there is
/// no situation, action or result to walk through in "B.S. in Supply Chain Management, Lewis
/// University" or "AWS Certified Developer (2020)".
const QUALIFICATIONS: &[&str] = &[
    "university",
    "college",
    "b.s.",
    "b.a.",
    "bsc",
    "msc",
    "mba",
    "phd",
    "bachelor",
    "master's",
    "masters",
    "diploma",
    "school of",
    "gcse",
    "a-levels",
    "certified",
    "certification",
    "certificate",
];

fn names_a_qualification(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .any(|word| QUALIFICATIONS.contains(&word))
        || QUALIFICATIONS.iter().filter(|words| words.contains(' ')).any(|words| lower.contains(words))
}

/// The spaces between two columns of a CV that reached us as one line.
const COLUMN_GAP: &str = "     ";

/// Longest CV quote a question carries, in characters.
const QUOTE_CHARS: usize = 140;

/// The furthest of `ends` (byte offsets in `line`) that keeps `line[..end]` within
/// [`QUOTE_CHARS`].
fn longest_fitting(line: &str, ends: impl Iterator<Item = usize>) -> Option<usize> {
    ends.filter(|&end| end > 0 && line[..end].chars().count() <= QUOTE_CHARS).max()
}

/// The words of a CV line fit to quote in a question: without a list marker, and when the line
/// is long, its longest run of whole sentences (else of whole clauses) from the start that keeps
/// within [`QUOTE_CHARS`]: never a cut in the middle of a phrase; of a line laid out in two
/// columns, the first. `None` for a list of names (it shows no work to ask about) and when
/// nothing quotable is left.
pub fn cv_quote(line: &str) -> Option<String> {
    if names_a_qualification(line) {
        return None;
    }
    // A CV laid out in two columns reaches us as one line with a wide gap (or a tab): the first
    // column. A narrower gap is a justified line's spacing: it is read as one space.
    let line = line.trim();
    let line = line.split(COLUMN_GAP).next().unwrap_or(line).split('\t').next().unwrap_or(line);
    let line = &line.split_whitespace().collect::<Vec<_>>().join(" ");
    if super::text::is_name_list(line) {
        return None;
    }
    let line = highlights::bullet_item(line).unwrap_or(line);
    let line = line.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != '"').trim();
    let quote = if line.chars().count() <= QUOTE_CHARS {
        line
    } else {
        // The longest run of whole sentences, then of whole clauses, from the start.
        let sentence_ends = line
            .match_indices(['.', ';', '!', '?'])
            .map(|(at, _)| at)
            .filter(|&at| line[at + 1..].starts_with(char::is_whitespace));
        let clause_ends = line
            .match_indices([',', ':', '(', '\u{2013}', '\u{2014}'])
            .map(|(at, _)| at)
            .chain(line.match_indices(" - ").map(|(at, _)| at));
        let end = longest_fitting(line, sentence_ends).or_else(|| longest_fitting(line, clause_ends))?;
        &line[..end]
    };
    let quote = quote.trim().trim_end_matches(['.', ',', ';', ':', '\u{2013}', '\u{2014}', '-']).trim();
    (quote.split_whitespace().count() >= 3).then(|| quote.to_owned())
}

/// `template` with `{skill}` and `{title}` filled in one pass, so a skill or a position title
/// that itself contains a placeholder ("{title}") is shown as written, not filled again.
fn fill(template: &str, skill: &str, title: &str) -> String {
    let mut filled = String::with_capacity(template.len() + skill.len() + title.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let placeholder = &rest[open..];
        let (value, after) = if let Some(after) = placeholder.strip_prefix("{skill}") {
            (skill, after)
        } else if let Some(after) = placeholder.strip_prefix("{title}") {
            (title, after)
        } else {
            ("{", &placeholder[1..])
        };
        filled.push_str(value);
        rest = after;
    }
    filled.push_str(rest);
    filled
}

impl QuestionCategory {
    /// Behavioural skills have no "technical" questions.
    fn min_for(self, technical: bool) -> Self {
        if technical { self } else { Self::Behavioural }
    }
}

fn spec(text: String, request: &QuestionRequest<'_>, category: QuestionCategory) -> QuestionSpec {
    QuestionSpec { text, skill: request.skill.to_owned(), category, difficulty: request.difficulty }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request<'a>(
        asked: &'a [String],
        evidence: Option<&'a str>,
        difficulty: Difficulty,
        order: usize,
    ) -> QuestionRequest<'a> {
        QuestionRequest {
            skill: "Kubernetes",
            skill_category: SkillCategory::Technical,
            position_title: "Backend Engineer",
            evidence,
            difficulty,
            asked_before: asked,
            order,
        }
    }

    #[test]
    fn the_cv_evidence_makes_the_question_personal() {
        let q = generate(&request(&[], Some("Ran Kubernetes for 40 services."), Difficulty::Medium, 0));
        assert!(
            q.text.starts_with("Your CV says \u{201c}Ran Kubernetes for 40 services\u{201d}"),
            "{}",
            q.text
        );
        assert_eq!(q.skill, "Kubernetes");
    }

    #[test]
    fn a_quote_cut_before_the_skill_makes_no_personal_question() {
        let line = "Compassionate and well-organised nurse, trusted by families and colleagues alike, with \
                    six years on a busy ward and the last three of them running Kubernetes for the hospital's \
                    own bed-management platform";
        let q = generate(&request(&[], Some(line), Difficulty::Medium, 0));
        assert!(!q.text.starts_with("Your CV says"), "{}", q.text);
    }

    #[test]
    fn questions_never_repeat_within_an_interview() {
        let mut asked: Vec<String> = Vec::new();
        for order in 0..15 {
            let q = generate(&request(&asked, Some("Ran Kubernetes."), Difficulty::Medium, order));
            assert!(!asked.contains(&q.text), "repeated: {}", q.text);
            assert!(q.text.contains("Kubernetes"));
            asked.push(q.text);
        }
    }

    #[test]
    fn placeholders_inside_a_skill_or_title_are_not_filled_again() {
        let asked: Vec<String> = Vec::new();
        let q = generate(&QuestionRequest {
            skill: "{title} {skill}",
            skill_category: SkillCategory::Technical,
            position_title: "{skill} Engineer",
            evidence: None,
            difficulty: Difficulty::Medium,
            asked_before: &asked,
            order: 0,
        });

        assert!(q.text.contains("with {title} {skill}. What made it hard"), "{}", q.text);
    }

    #[test]
    fn difficulty_follows_recent_scores() {
        assert_eq!(next_difficulty(&[]), Difficulty::Medium);
        assert_eq!(next_difficulty(&[80, 90]), Difficulty::Hard);
        assert_eq!(next_difficulty(&[90, 30]), Difficulty::Easy);
        assert_eq!(next_difficulty(&[90, 60]), Difficulty::Medium);
        let hard = generate(&request(&[], None, Difficulty::Hard, 0));
        assert_eq!(hard.difficulty, Difficulty::Hard);
    }

    #[test]
    fn behavioural_skills_get_behavioural_or_situational_questions() {
        let asked: Vec<String> = Vec::new();
        for order in 0..4 {
            let q = generate(&QuestionRequest {
                skill: "Mentoring",
                skill_category: SkillCategory::Behavioural,
                position_title: "Backend Engineer",
                evidence: None,
                difficulty: Difficulty::Medium,
                asked_before: &asked,
                order,
            });
            assert_ne!(q.category, QuestionCategory::Technical, "{}", q.text);
        }
    }

    fn questions_about(skill: &str, category: SkillCategory, evidence: Option<&str>) -> Vec<String> {
        let mut asked: Vec<String> = Vec::new();
        for order in 0..12 {
            let difficulty = [Difficulty::Medium, Difficulty::Easy, Difficulty::Hard][order % 3];
            let q = generate(&QuestionRequest {
                skill,
                skill_category: category,
                position_title: "Platform Engineer",
                evidence,
                difficulty,
                asked_before: &asked,
                order,
            });
            asked.push(q.text);
        }
        asked
    }

    #[test]
    fn skills_read_as_the_words_they_are_inside_a_sentence() {
        assert_eq!(skill_in_sentence("On-call", SkillKind::Practice), "on-call");
        assert_eq!(
            skill_in_sentence("Site reliability engineering", SkillKind::Practice),
            "site reliability engineering"
        );
        assert_eq!(skill_in_sentence("Finance", SkillKind::Domain), "finance");
        assert_eq!(skill_in_sentence("E-commerce", SkillKind::Domain), "e-commerce");
        assert_eq!(skill_in_sentence("Leadership", SkillKind::Behavioural), "leadership");
        assert_eq!(skill_in_sentence("CI/CD", SkillKind::Practice), "CI/CD");
        assert_eq!(skill_in_sentence("UX design", SkillKind::Practice), "UX design");
        assert_eq!(skill_in_sentence("MLOps", SkillKind::Practice), "MLOps");
        assert_eq!(skill_in_sentence("Kafka", SkillKind::Tool), "Kafka");
        assert_eq!(skill_in_sentence("Google Cloud", SkillKind::Tool), "Google Cloud");
        assert_eq!(skill_in_sentence("Ruby on Rails", SkillKind::Tool), "Ruby on Rails");
        // A kind of tool, not a product's name.
        assert_eq!(
            skill_in_sentence("Warehouse management systems", SkillKind::Tool),
            "warehouse management systems"
        );
    }

    #[test]
    fn practices_are_done_not_learned_like_a_tool() {
        for text in questions_about("On-call", SkillCategory::Technical, None) {
            assert!(text.contains("on-call"), "{text}");
            assert!(!text.contains("On-call"), "a capital inside the sentence: {text}");
            assert!(!text.contains("learn on-call"), "{text}");
            assert!(!text.contains("used on-call"), "{text}");
        }
    }

    #[test]
    fn domains_are_known_not_used() {
        for text in questions_about("Finance", SkillCategory::Technical, None) {
            assert!(text.contains("finance"), "{text}");
            for wrong in ["used finance", "with finance", "Finance", "solved with", "learn finance quickly"] {
                assert!(!text.contains(wrong), "{wrong:?} in {text}");
            }
        }
    }

    #[test]
    fn behavioural_skills_are_shown_not_used() {
        for text in questions_about("Hiring", SkillCategory::Behavioural, None) {
            assert!(text.contains("hiring"), "{text}");
            for wrong in ["use hiring", "used hiring", "showed hiring", "got hiring wrong"] {
                assert!(!text.contains(wrong), "{wrong:?} in {text}");
            }
        }
    }

    #[test]
    fn every_question_is_one_sentence_or_two_that_end_properly() {
        for (skill, category) in [
            ("Kafka", SkillCategory::Technical),
            ("Code review", SkillCategory::Technical),
            ("Payments", SkillCategory::Technical),
            ("Stakeholder management", SkillCategory::Behavioural),
        ] {
            for text in questions_about(
                skill,
                category,
                Some("- Reviewed 30 pull requests a week for Kafka and payments"),
            ) {
                assert!(text.ends_with('?') || text.ends_with('.'), "{text}");
                assert!(!text.contains("  ") && !text.contains(" ,") && !text.contains("the the"), "{text}");
                assert!(
                    !text.contains("\u{201c}-") && !text.contains("\u{201c} "),
                    "a list marker in the quote: {text}"
                );
            }
        }
    }

    #[test]
    fn cv_quotes_lose_list_markers_and_are_cut_at_a_boundary() {
        assert_eq!(
            cv_quote("- Designed the billing pipeline").as_deref(),
            Some("Designed the billing pipeline")
        );
        assert_eq!(
            cv_quote("\u{2022} Ran Kubernetes for 40 services.").as_deref(),
            Some("Ran Kubernetes for 40 services")
        );
        assert_eq!(cv_quote("3) Led the on-call rota;").as_deref(), Some("Led the on-call rota"));
        assert_eq!(cv_quote("- Rust"), None, "too little to quote");
        assert_eq!(
            cv_quote("User research & usability testing            Maze, Dovetail, UserTesting").as_deref(),
            Some("User research & usability testing"),
            "the first of two columns"
        );
        assert_eq!(
            cv_quote("   - Ran Kubernetes for 40 services").as_deref(),
            Some("Ran Kubernetes for 40 services")
        );
        assert_eq!(
            cv_quote("Ran   Kubernetes for  40 services").as_deref(),
            Some("Ran Kubernetes for 40 services"),
            "a justified line's spacing"
        );
        assert_eq!(
            cv_quote("B.S. in Supply Chain Management \u{2014} Lewis University, 2013"),
            None,
            "a degree"
        );
        assert_eq!(cv_quote("MSc Computer Science (distinction)"), None, "a degree");
        assert_eq!(cv_quote("AWS Certified Developer \u{2013} Associate (2020)"), None, "a certificate");

        let long = "Designed the event pipeline for per-customer invoices at Acme. It replaced a nightly batch \
                    job that failed every week, cut the cost of running it by 40% and the time to invoice from \
                    two days to ten minutes";
        assert_eq!(
            cv_quote(long).as_deref(),
            Some("Designed the event pipeline for per-customer invoices at Acme")
        );

        let one_sentence = "Designed and built the event pipeline for per-customer invoices, replacing a nightly \
                            batch job that failed every week, cutting the cost of running it by 40 percent and the \
                            time to invoice from two days to ten minutes";
        let quote = cv_quote(one_sentence).expect("a clause to quote");
        assert!(quote.chars().count() <= QUOTE_CHARS);
        assert!(one_sentence.starts_with(&quote));
        assert!(one_sentence[quote.len()..].starts_with(','), "cut at a clause boundary: {quote}");
    }

    #[test]
    fn a_list_of_skills_is_not_quoted_and_no_cv_line_is_quoted_twice() {
        assert_eq!(cv_quote("- Rust, PostgreSQL, Kubernetes, Terraform"), None);

        let line = "Led a team of six engineers and introduced code review and on-call rotations";
        let first = generate(&QuestionRequest {
            skill: "Code review",
            skill_category: SkillCategory::Technical,
            position_title: "Backend Engineer",
            evidence: Some(line),
            difficulty: Difficulty::Medium,
            asked_before: &[],
            order: 0,
        });
        assert!(first.text.contains(line), "{}", first.text);
        let asked = [first.text];
        let second = generate(&QuestionRequest {
            skill: "On-call",
            skill_category: SkillCategory::Technical,
            position_title: "Backend Engineer",
            evidence: Some(line),
            difficulty: Difficulty::Medium,
            asked_before: &asked,
            order: 1,
        });
        assert!(!second.text.contains(line), "quoted twice: {}", second.text);
        assert!(second.text.contains("on-call"), "{}", second.text);
    }
}
