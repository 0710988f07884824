//! The offline coach's questions: templates per category (technical, behavioural, situational)
//! and difficulty, filled with the target skill, the position and, when the CV shows the skill,
//! the CV's own words. Difficulty follows the candidate's recent scores; no question repeats.

use serde::{Deserialize, Serialize};

use super::taxonomy::SkillCategory;

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

fn templates(category: QuestionCategory, difficulty: Difficulty, technical: bool) -> &'static [&'static str] {
    use Difficulty::*;
    use QuestionCategory::*;
    match (category, difficulty, technical) {
        (Technical, Easy, _) => &["How have you used {skill} in your work, and what did you use it for?"],
        (Technical, Medium, _) => &[
            "Tell me about a problem you solved with {skill}. What made it hard, and what was the result?",
            "Walk me through how you would explain your approach to {skill} to a new colleague on the {title} team.",
        ],
        (Technical, Hard, _) => &[
            "Describe a trade-off you made with {skill} under real constraints. What alternatives did you weigh, and how did you decide?",
            "What is the hardest failure you have seen involving {skill}, how did you find the root cause, and what did you change so it could not happen again?",
        ],
        (Behavioural, Easy, true) => {
            &["Tell me about a time you had to learn {skill} quickly. How did you go about it?"]
        }
        (Behavioural, Easy, false) => &["Tell me about a time you showed {skill} at work. What happened?"],
        (Behavioural, _, true) => &[
            "Tell me about a time you disagreed with a colleague about how to use {skill}. How did you resolve it, and what was the outcome?",
            "Describe a time your work with {skill} did not go as planned. What did you do, and what did you learn?",
        ],
        (Behavioural, _, false) => &[
            "Tell me about a situation where {skill} made the difference to the outcome. What exactly did you do?",
            "Describe a time you got {skill} wrong. What happened, and what do you do differently now?",
        ],
        (Situational, Hard, _) => &[
            "Imagine that in your first month as {title} a critical part of our work that depends on {skill} fails the night before a major launch. Walk me through your next three hours.",
        ],
        (Situational, _, true) => &[
            "Imagine you join us as {title} and find our use of {skill} is slowing the team down. What would you do in your first month?",
        ],
        (Situational, _, false) => &[
            "Imagine you join us as {title} and two senior colleagues pull the team in different directions. How would you use {skill} to move things forward?",
        ],
    }
}

/// The next question for the request, never one already asked.
pub fn generate(request: &QuestionRequest<'_>) -> QuestionSpec {
    let technical = request.skill_category == SkillCategory::Technical;
    let rotation =
        [QuestionCategory::Technical, QuestionCategory::Behavioural, QuestionCategory::Situational];
    let first_category =
        if technical { rotation[request.order % 3] } else { rotation[1 + request.order % 2] };
    let title = if request.position_title.trim().is_empty() {
        "a new member of the team"
    } else {
        request.position_title
    };
    let fill = |template: &str| fill(template, request.skill, title);
    let unused = |text: &String| !request.asked_before.contains(text);

    // The CV's own line makes the first, medium question personal.
    if let (Some(evidence), Difficulty::Medium) = (request.evidence, request.difficulty) {
        let personal = format!(
            "Your CV says \u{201c}{}\u{201d}. Walk me through it: what was the situation, what did you do with {}, and what was the result?",
            evidence.trim_end_matches('.'),
            request.skill
        );
        if unused(&personal) {
            return spec(personal, request, QuestionCategory::Technical.min_for(technical));
        }
    }
    let difficulties = [request.difficulty, Difficulty::Medium, Difficulty::Hard, Difficulty::Easy];
    let categories = std::iter::once(first_category).chain(rotation);
    for category in categories {
        for difficulty in difficulties {
            for template in templates(category, difficulty, technical) {
                let text = fill(template);
                if unused(&text) {
                    return QuestionSpec { text, skill: request.skill.to_owned(), category, difficulty };
                }
            }
        }
    }
    // Every template for this skill has been used: ask for another example, numbered.
    let text = format!(
        "Give me another example of your work with {} (example {}), different from the ones you have told me.",
        request.skill,
        request.asked_before.len() + 1
    );
    spec(text, request, first_category)
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
}
