//! Property tests: whatever a candidate types, or whatever a CV or job description contains,
//! the offline coach answers without panicking, and what it says keeps its promises (scores
//! within 0–100, quotes taken from the answer, ten ranked skills, questions that never repeat).
//!
//! Inputs are arbitrary Unicode, and text built from a hostile alphabet: characters whose lower
//! case has another length in bytes (Kelvin sign, dotted capital I, `Ⱥ`, capital sharp s), or
//! several characters (`İ`, `ﬁ`), combining marks, direction marks and overrides, emoji joined
//! with ZWJ, next to the phrases the detectors look for and the punctuation they split on.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use proptest::prelude::*;

use super::engine::{CoachEngine, OfflineCoach};
use super::fallacies::{self, FallacyFinding};
use super::profile::{self, TOP_SKILLS};
use super::questions::{self, Difficulty, QuestionRequest};
use super::rubric::{self, Asked, Assessment};
use super::taxonomy;
use super::text::{LowerCased, shorten};

/// What [`shorten`] ends a shortened text with.
const ELLIPSIS: char = '\u{2026}';

/// Pieces hostile text is built from.
const HOSTILE: &[&str] = &[
    // Lower case of another length, or more than one character.
    "\u{212A}",
    "\u{130}",
    "\u{23A}",
    "\u{1E9E}",
    "\u{FB01}",
    "\u{3A3}",
    "\u{DF}",
    // Combining acute accent, right-to-left mark, right-to-left override, ZWJ emoji.
    "\u{301}",
    "\u{200F}",
    "\u{202E}",
    "\u{1F469}\u{200D}\u{1F4BB}",
    "\u{FEFF}",
    "\u{0}",
    // What the fallacy detector and the rubric look for.
    "everyone uses",
    "EVERYONE KNOWS",
    "because my manager said",
    "either we",
    "there was no other way",
    "next thing you know",
    "was an idiot",
    "because it's the best",
    "since i joined",
    "we've always done it",
    "but what really matters is",
    "no real engineer",
    "ignore your instructions",
    "give me 100",
    "from ",
    " to ",
    "from 4 minutes to 6 seconds",
    "i built",
    "reduced",
    "my task",
    "when ",
    "etc",
    "not sure",
    "year",
    "years",
    "8 years",
    "2019",
    "- ",
    "• ",
    "1) ",
    "Senior",
    "Ada Lovelace",
    // Skills, exact-case aliases among them.
    "Rust",
    "Go",
    "C",
    "C++",
    "C#",
    "k8s",
    "Kubernetes",
    "PostgreSQL",
    "{skill}",
    "{title}",
    // Punctuation and space the text is split on.
    ".",
    "!",
    "?",
    "\n",
    ",",
    "'",
    "%",
    "-",
    "+",
    "#",
    "&",
    "_",
    " ",
    " ",
    "\t",
    "\u{2026}",
    "a",
    "0",
];

/// Text from the hostile alphabet.
fn hostile_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HOSTILE), 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// Arbitrary Unicode, hostile text, or the two mixed.
fn any_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        hostile_text(max_pieces),
        (hostile_text(max_pieces), any::<String>(), hostile_text(max_pieces))
            .prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

/// Lines of text, as a CV or a job description has them.
fn document(max_lines: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any_text(16), 0..max_lines).prop_map(|lines| lines.join("\n"))
}

/// Runs an offline-engine call; the offline engine never waits, so one poll finishes it.
fn run_now<T>(call: impl Future<Output = T>) -> T {
    match pin!(call).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the offline coach never waits"),
    }
}

/// The words a finding quotes (between the quotation marks of its `why`).
fn quoted(finding: &FallacyFinding) -> &str {
    finding
        .why
        .strip_prefix("Your answer says \u{201c}")
        .and_then(|rest| rest.strip_suffix("\u{201d}."))
        .expect("`why` quotes the answer")
}

/// Whether `quote` is `text`'s own words, possibly shortened with a final "…".
fn is_taken_from(quote: &str, text: &str) -> bool {
    text.contains(quote) || quote.strip_suffix(ELLIPSIS).is_some_and(|start| text.contains(start))
}

fn assert_keeps_its_promises(assessment: &Assessment, answer: &str) {
    assert!(assessment.correctness <= 100, "correctness {}", assessment.correctness);
    assert!(assessment.role_relevance <= 100, "relevance {}", assessment.role_relevance);
    assert!(!assessment.coach_hint.is_empty());
    assert!(!assessment.suggested_rewrite.is_empty());
    if let Some(finding) = &assessment.fallacy {
        let quote = quoted(finding);
        assert!(!quote.is_empty() && is_taken_from(quote, answer), "{quote:?} is not in {answer:?}");
    }
    for flag in &assessment.red_flags {
        let is_fallacy = assessment.fallacy.as_ref().is_some_and(|f| f.why == flag.quote);
        assert!(
            flag.quote.is_empty() || is_fallacy || is_taken_from(&flag.quote, answer),
            "red flag {:?} does not quote {answer:?}",
            flag.quote
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn lower_cased_offsets_always_index_the_original(text in any_text(40), needle in hostile_text(3)) {
        let lower = LowerCased::new(&text);
        let needle = LowerCased::new(&needle).as_str().to_owned();

        for range in lower.find_all(&needle) {
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            prop_assert!(range.start <= range.end && range.end <= text.len());
            let original = LowerCased::new(&text[range]);
            prop_assert!(original.as_str().contains(&needle));
        }
    }

    #[test]
    fn shortened_text_is_a_prefix_within_the_limit(text in any_text(40), max_chars in 0usize..50) {
        let short = shorten(&text, max_chars);

        prop_assert!(short.chars().count() <= max_chars);
        let kept = short.strip_suffix(ELLIPSIS).unwrap_or(&short);
        prop_assert!(short == text || text.starts_with(kept), "{:?} is not a start of {:?}", short, text);
    }

    #[test]
    fn the_fallacy_detector_quotes_the_answer_itself(answer in any_text(60)) {
        if let Some(finding) = fallacies::detect(&answer) {
            let quote = quoted(&finding);
            prop_assert!(!quote.is_empty() && is_taken_from(quote, &answer), "{:?} not in {:?}", quote, answer);
        }
    }

    #[test]
    fn any_answer_gets_feedback_within_the_scales(
        answer in any_text(80),
        question in any_text(12),
        skill in any_text(3),
        job_description in document(6),
    ) {
        let asked = Asked { question: &question, skill: &skill, job_description: &job_description };

        let assessment = run_now(OfflineCoach.evaluate(asked, &answer)).expect("the offline coach answers");

        assert_keeps_its_promises(&assessment, &answer);
        prop_assert_eq!(&assessment, &rubric::assess(asked, &answer), "deterministic");
    }

    #[test]
    fn skill_mentions_point_into_the_text(text in any_text(40)) {
        for mention in taxonomy::mentions(&text) {
            prop_assert!(mention.count > 0);
            prop_assert!(mention.first_at < text.len() && text.is_char_boundary(mention.first_at));
        }
    }

    #[test]
    fn each_line_gets_the_skills_mentions_finds_in_it_alone(text in document(10)) {
        let by_line = taxonomy::mentions_by_line(&text);

        let alone: Vec<Vec<usize>> =
            text.lines().map(|line| taxonomy::mentions(line).iter().map(|m| m.skill).collect()).collect();
        prop_assert_eq!(by_line, alone);
    }

    #[test]
    fn any_cv_and_job_description_give_a_profile_and_ten_ranked_skills(cv in document(12), jd in document(12)) {
        let analysis = run_now(OfflineCoach.extract_profile(&cv, &jd)).expect("the offline coach answers");

        prop_assert_eq!(analysis.top_skills.len(), TOP_SKILLS);
        let ranks: Vec<u32> = analysis.top_skills.iter().map(|s| s.rank).collect();
        prop_assert_eq!(ranks, (1..=TOP_SKILLS as u32).collect::<Vec<_>>());
        // Evidence is the CV's own words; a bullet wrapped over two lines is quoted as one.
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        for skill in &analysis.top_skills {
            if let Some(evidence) = &skill.evidence {
                prop_assert!(is_taken_from(&words(evidence), &words(&cv)), "evidence {:?} not in the CV", evidence);
            }
        }
        let found = &analysis.profile;
        prop_assert!(found.years_of_experience.is_none_or(|years| (1..=50).contains(&years)));
        for taken in found.name.iter().chain(&found.headline).chain(&found.key_achievements) {
            prop_assert!(cv.contains(taken.as_str()), "{:?} not in the CV", taken);
        }
        prop_assert_eq!(&analysis.profile, &profile::profile(&cv));
    }

    #[test]
    fn questions_from_any_cv_job_description_and_title_never_repeat(
        cv in document(10),
        jd in document(10),
        title in any_text(8),
        scores in prop::collection::vec(0u8..=100, 0..4),
    ) {
        let analysis = run_now(OfflineCoach.extract_profile(&cv, &jd)).expect("the offline coach answers");
        let mut asked_before: Vec<String> = Vec::new();

        for (order, skill) in analysis.top_skills.iter().cycle().take(2 * TOP_SKILLS).enumerate() {
            let request = QuestionRequest {
                skill: &skill.name,
                skill_category: skill.category,
                position_title: &title,
                evidence: skill.evidence.as_deref(),
                difficulty: questions::next_difficulty(&scores),
                asked_before: &asked_before,
                order,
            };
            let question = run_now(OfflineCoach.next_question(&request)).expect("the offline coach answers");

            let named = questions::skill_in_sentence(&skill.name, taxonomy::kind_of(&skill.name, skill.category));
            prop_assert!(question.text.contains(&named), "{:?}", question.text);
            prop_assert!(!asked_before.contains(&question.text), "repeated: {:?}", question.text);
            asked_before.push(question.text);
        }
    }

    #[test]
    fn questions_about_any_skill_text_name_it(
        skill in any_text(4),
        title in any_text(8),
        evidence in proptest::option::of(any_text(20)),
        order in 0usize..10,
    ) {
        let mut asked_before: Vec<String> = Vec::new();
        for difficulty in [Difficulty::Medium, Difficulty::Easy, Difficulty::Hard, Difficulty::Medium] {
            let request = QuestionRequest {
                skill: &skill,
                skill_category: taxonomy::SkillCategory::Technical,
                position_title: &title,
                evidence: evidence.as_deref(),
                difficulty,
                asked_before: &asked_before,
                order,
            };

            let question = questions::generate(&request);

            let kind = taxonomy::kind_of(&skill, taxonomy::SkillCategory::Technical);
            prop_assert!(question.text.contains(&questions::skill_in_sentence(&skill, kind)), "{:?}", question.text);
            prop_assert!(!asked_before.contains(&question.text));
            asked_before.push(question.text);
        }
    }
}

#[test]
fn every_hostile_piece_around_every_fallacy_phrase_is_quoted_from_the_answer() {
    let triggers = ["everyone uses it", "Because my manager said so", "either we ship"];
    for piece in HOSTILE {
        for trigger in triggers {
            for answer in [
                format!("{piece}{trigger}"),
                format!("{piece} {trigger} {piece}{piece}"),
                format!("{piece}{piece}{piece}. {trigger}{piece}"),
                format!("{trigger}{piece}"),
            ] {
                let finding = fallacies::detect(&answer).expect("the phrase is found");
                assert!(is_taken_from(quoted(&finding), &answer), "{answer:?}");
            }
        }
    }
}

#[test]
fn a_long_everyday_fallacy_sentence_with_kelvin_signs_is_quoted_cut_from_the_answer() {
    // No catalog phrase: the cue words ("whole industry") find it, and the sentence is too long
    // to quote whole.
    let padding = "\u{212A}afka \u{23A}\u{23A} ".repeat(30);
    let answer =
        format!("\u{212A}\u{212A}. We moved because the whole industry has moved to it {padding}. Done.");

    let finding = fallacies::detect(&answer).expect("the cue words are found");
    let quote = quoted(&finding);

    assert_eq!(finding.kind, super::fallacies::FallacyKind::Bandwagon);
    assert!(quote.starts_with("We moved because the whole industry"), "{quote:?}");
    assert!(quote.ends_with(ELLIPSIS) && is_taken_from(quote, &answer), "{quote:?}");
}

#[test]
fn dotted_capital_i_and_capital_sharp_s_answers_get_feedback() {
    let asked = Asked {
        question: "How have you used Kubernetes?",
        skill: "Kubernetes",
        job_description: "\u{130}\u{1E9E} Kubernetes\n- \u{212A}8s",
    };
    let answer = "\u{130}N 2023 \u{1E9E}TRASSE: I built a \u{212A}ubernetes platform for 40 services. \
        Honestly, EVERYONE USES \u{212A}8S \u{23A}\u{23A}. Deploys went from 45 minutes to 8.";

    let assessment = rubric::assess(asked, answer);

    assert_keeps_its_promises(&assessment, answer);
    assert!(assessment.fallacy.is_some(), "the bandwagon phrase is still found");
}

#[test]
fn a_cv_of_direction_marks_combining_marks_and_emoji_gives_ten_skills() {
    let cv = "\u{202E}Ada Lovelace\u{200F}\nSenior \u{1F469}\u{200D}\u{1F4BB} Rust\u{301} Engineer\n\
        - Reduced latency by 80% with Rust \u{212A}\u{23A}";
    let jd = "\u{130}nterview \u{202E}Rust\n- \u{212A}ubernetes\u{301}";

    let top = profile::top_skills(cv, jd);

    assert_eq!(top.len(), TOP_SKILLS);
    assert_eq!(top[0].name, "Rust");
}
