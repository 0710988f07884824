//! The offline coach's answer rubric: plain rules over the answer's words that reward what
//! interviewers reward (specifics, numbers, outcomes, a STAR structure, first-person action,
//! the vacancy's own terms, a sensible length) and refuse to praise empty, junk, off-topic or
//! copied answers. Deterministic: the same answer always gets the same feedback.

use std::collections::HashSet;

use super::fallacies::{self, FallacyFinding};
use super::taxonomy;

/// What the rubric needs to know about the question.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    pub question: &'a str,
    /// The skill the question targets (a taxonomy name).
    pub skill: &'a str,
    pub job_description: &'a str,
}

/// A red flag and the words of the answer it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedFlag {
    pub quote: String,
    pub issue: String,
}

/// The rubric's verdict on one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub correctness: u8,
    pub role_relevance: u8,
    pub improvements: Vec<String>,
    pub red_flags: Vec<RedFlag>,
    pub suggested_rewrite: String,
    pub followup_question: Option<String>,
    pub coach_hint: String,
    pub fallacy: Option<FallacyFinding>,
}

const OUTCOME_WORDS: &[&str] = &[
    "reduced",
    "increased",
    "improved",
    "saved",
    "cut",
    "grew",
    "doubled",
    "halved",
    "delivered",
    "launched",
    "shipped",
    "resolved",
    "prevented",
    "decreased",
    "raised",
    "won",
    "achieved",
    "faster",
    "fewer",
    "result",
    "fell",
    "dropped",
    "rose",
    "went from",
    "stopped",
    "signed",
    "promoted",
    "recovered",
    "caught",
    "lower",
    "saving",
    "went down",
    "went up",
    "down to",
    "no longer",
    "finished",
    "matched",
    "climbed",
    "jumped",
    "higher",
    "better",
    "reached",
    "since then",
    "ever since",
    "from then on",
    "eliminated",
    "no more",
    // The same results told in the present tense ("validation accuracy goes up four points").
    "drops",
    "falls",
    "goes up",
    "goes down",
    "rises",
    "improves",
    "reduces",
    "saves",
    "doubles",
    "halves",
    "on time",
    // A result set against what came before ("zero rejected files, compared with five").
    "compared with",
];
const ACTION_VERBS: &[&str] = &[
    "built",
    "led",
    "designed",
    "wrote",
    "implemented",
    "introduced",
    "migrated",
    "profiled",
    "measured",
    "negotiated",
    "organised",
    "organized",
    "created",
    "set up",
    "ran",
    "rewrote",
    "automated",
    "mentored",
    "proposed",
    "analysed",
    "analyzed",
    "fixed",
    "refactored",
    "planned",
    "coordinated",
    "decided",
    "tested",
];
/// The label of the action part of a STAR answer in note form ("I did: four interviews, …"), at
/// the start of a word ("transaction:" labels nothing).
const ACTION_LABELS: &[&str] = &["i did:", "what i did:", "action:", "actions:", "my actions:"];
const SITUATION_MARKERS: &[&str] = &[
    "when ",
    "at my ",
    "in my last",
    "in my previous",
    "our team",
    "the project",
    "we had",
    "there was",
    "last year",
    "in 20",
    "when i joined",
    "at a ",
    "at my last",
    "last march",
    "our ",
    "i joined",
    "we were",
    "during ",
    "years ago",
    "startup",
    "company",
    // A story told aloud starts with when it happened ("one morning finance noticed…").
    "one morning",
    "one day",
    "one night",
    "one evening",
    "one afternoon",
    "last month",
    "last week",
    "months ago",
    "weeks ago",
    "back in",
    "previous job",
    "previous role",
    "last job",
    "last role",
    // A STAR answer in note form labels its parts ("Situation: ops director asked for …").
    "situation:",
    "context:",
    "background:",
];
const TASK_MARKERS: &[&str] = &[
    "my task",
    "i was responsible",
    "i needed to",
    "the goal",
    "my goal",
    "i had to",
    "my job was",
    "i was asked",
    "needed to",
    "i owned",
    "i was the only",
    "i wanted to",
    "we wanted to",
    "in charge",
    "my role",
    "responsible for",
    "the aim",
    "objective",
    "i was tasked",
    "we needed",
    "task:",
    "goal:",
    "the problem was",
];
const FILLER: &[&str] = &["etc", "and so on", "stuff like that", "things like that", "basically", "whatever"];
const NEGATIVE_TALK: &[&str] = &[
    "my boss was terrible",
    "my manager was terrible",
    "hated my job",
    "the company was a mess",
    "not my fault",
    "not my problem",
];
const UNSURE: &[&str] = &["i don't know", "i do not know", "no idea", "never done that", "not sure"];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && super::text::plain_apostrophe(c) != '\'' && c != '%')
        .filter(|w| !w.is_empty())
        .map(super::text::lower_plain)
        .collect()
}

const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "was", "were", "are", "it",
    "that", "this", "you", "your", "i", "we", "my", "our", "me", "at", "by", "as", "be", "how", "what",
    "tell", "about", "did", "do", "describe", "time", "when", "would", "which", "from", "have", "had", "can",
    "could", "give", "example",
];

fn content_words(text: &str) -> HashSet<String> {
    words(text).into_iter().filter(|w| w.len() > 2 && !STOP_WORDS.contains(&w.as_str())).collect()
}

/// Past-tense verbs that do not end in "-ed", for "I <did something>".
const IRREGULAR_PAST: &[&str] = &[
    "built", "led", "wrote", "ran", "set", "put", "made", "took", "found", "met", "sent", "gave", "split",
    "cut", "chose", "brought", "held", "kept", "began", "spent", "told", "read", "drew", "shipped", "paired",
    "owned",
];

/// Past-tense verbs that say nothing about what was done ("I worked on it").
const VAGUE_PAST: &[&str] =
    &["worked", "used", "tried", "needed", "wanted", "liked", "enjoyed", "helped", "handled"];

/// Action verbs as a story told in the present tense says them ("so I build a small check").
const PRESENT_ACTIONS: &[&str] = &[
    "build",
    "lead",
    "design",
    "write",
    "implement",
    "introduce",
    "migrate",
    "profile",
    "measure",
    "negotiate",
    "organise",
    "organize",
    "create",
    "rewrite",
    "automate",
    "mentor",
    "propose",
    "analyse",
    "analyze",
    "fix",
    "refactor",
    "plan",
    "coordinate",
    "decide",
    "test",
    "add",
    "move",
    "split",
    "make",
    "pull",
    "compare",
    "bring",
    "check",
    "ask",
    "run",
    "set up",
    "start",
];

/// Words that may stand between "I" and its verb ("I also added", "I then wrote").
const BETWEEN_I_AND_VERB: &[&str] =
    &["also", "then", "first", "personally", "finally", "later", "quickly", "just"];

/// Whether `verb` (lower-case) says in the past tense that something was done: "profiled",
/// "built".
fn is_past_action(verb: &str) -> bool {
    ACTION_VERBS.contains(&verb)
        || IRREGULAR_PAST.contains(&verb)
        || (verb.len() > 4 && verb.ends_with("ed") && !VAGUE_PAST.contains(&verb))
}

/// Whether `verb` (lower-case) says something was done, in the past or the present tense:
/// "profiled", "built", "build".
fn is_action(verb: &str) -> bool {
    is_past_action(verb) || PRESENT_ACTIONS.contains(&verb)
}

/// "I profiled", "I built", "I then wrote", "I build": the candidate says what they did themselves.
fn acts_in_first_person(answer_words: &[String]) -> bool {
    answer_words.iter().enumerate().filter(|(_, word)| *word == "i").any(|(at, _)| {
        let next = answer_words.get(at + 1).map(String::as_str);
        let after = answer_words.get(at + 2).map(String::as_str);
        next.is_some_and(is_action)
            || (next.is_some_and(|word| BETWEEN_I_AND_VERB.contains(&word)) && after.is_some_and(is_action))
    })
}

/// Sentences in note form that say what the candidate did make a note-form answer their own
/// ("Wrote k6 scenarios from real access logs. Fixed the N+1 queries."): the subject is left
/// out, not someone else. Two are needed, so that one "Decided to wait." is no story.
const NOTE_FORM_ACTIONS: usize = 2;

/// Whether at least [`NOTE_FORM_ACTIONS`] sentences (or clauses after a colon or semicolon) of
/// `answer` open with a past-tense action verb.
fn acts_in_note_form(answer: &str) -> bool {
    answer
        .split(['.', '!', '?', '\n', ';', ':'])
        .filter_map(|sentence| sentence.split_whitespace().next())
        .map(|first| first.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        // "Split" reads as either tense, so a note that opens with it may be an instruction.
        .filter(|verb| is_past_action(verb) && !PRESENT_ACTIONS.contains(&verb.as_str()))
        .count()
        >= NOTE_FORM_ACTIONS
}

/// Which parts of a STAR answer (situation, task, action, result) the answer has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Star {
    pub situation: bool,
    pub task: bool,
    pub action: bool,
    pub result: bool,
}

impl Star {
    fn share(self) -> f64 {
        [self.situation, self.task, self.action, self.result].iter().filter(|p| **p).count() as f64 / 4.0
    }
}

/// Named weights of the correctness score (they sum to one).
const SPECIFICS_WEIGHT: f64 = 0.30;
const STAR_WEIGHT: f64 = 0.25;
const OUTCOME_WEIGHT: f64 = 0.20;
const OWN_ACTION_WEIGHT: f64 = 0.10;
const LENGTH_WEIGHT: f64 = 0.15;
/// Named weights of the relevance score (they sum to one).
const SKILL_WEIGHT: f64 = 0.50;
const JD_LINE_WEIGHT: f64 = 0.20;
const QUESTION_WEIGHT: f64 = 0.30;
/// What a neighbouring behavioural skill's concept word counts for, against one of the skill's own.
const NEIGHBOUR_CONCEPT_WEIGHT: f64 = 0.5;
/// Words of the whole concept vocabulary an answer may use and still say nothing about work:
/// the most an off-topic answer of the evaluation set's development half used ("learning",
/// "training", "weekend", "scale" in a music lesson).
const VOCABULARY_FLOOR: usize = 8;
/// How many more make an answer read fully as work of the kind the role does.
const VOCABULARY_SPAN: usize = 10;

/// The skill signal of an answer that speaks the language of the work densely (pools, sessions,
/// timeouts, traffic), whatever its skill is called: a question about a tool the taxonomy does
/// not know is still answered in the vocabulary of the field.
fn vocabulary_signal(vocabulary_hits: usize) -> f64 {
    (vocabulary_hits.saturating_sub(VOCABULARY_FLOOR) as f64 / VOCABULARY_SPAN as f64).min(1.0)
}

/// Word beginnings (up to five letters) so that "designed" meets "design".
fn stems(words: &HashSet<String>) -> HashSet<String> {
    words.iter().map(|w| w.chars().take(5).collect()).collect()
}

/// The job description's requirement lines that are about `skill` (by name, alias or concept).
///
/// Spellings and concepts are looked for once in the whole description, not once per line: a
/// description of many short lines must not cost seconds of CPU on every evaluation.
pub(super) fn requirement_lines<'a>(job_description: &'a str, skill: &str) -> Vec<&'a str> {
    let skill_lower = skill.to_lowercase();
    let index = taxonomy::skills().iter().position(|s| s.name == skill);
    let by_spelling = taxonomy::mentions_by_line(job_description);
    // Lower-casing keeps every line break, so the lower-cased text has the same lines.
    let lower = job_description.to_lowercase();
    let by_concept = taxonomy::lines_with_concepts(skill, &lower);
    job_description
        .lines()
        .zip(lower.lines())
        .zip(by_spelling)
        .enumerate()
        .filter(|(number, ((_, lower_line), spelled))| {
            lower_line.contains(&skill_lower)
                || index.is_some_and(|index| spelled.contains(&index))
                || by_concept.binary_search(number).is_ok()
        })
        .map(|(_, ((line, _), _))| line)
        .collect()
}

/// Whether the text is mostly noise: too few real words, one word repeated, or keyboard mashing.
/// Fewer different words than this is not an answer, however often they are repeated.
const MIN_DISTINCT_WORDS: usize = 5;
/// An answer shorter than this that shares nothing with the question, the skill or the vacancy
/// is not an answer at all ("test test one two three, is this thing on"), however varied its
/// words: it is scored as junk rather than as an off-topic story.
const SHORT_ANSWER_WORDS: usize = 12;

fn is_junk(answer_words: &[String]) -> bool {
    if answer_words.len() < 6 {
        return true;
    }
    let unique: HashSet<&String> = answer_words.iter().collect();
    let mashed = answer_words
        .iter()
        .filter(|w| {
            w.len() >= 4 && !w.chars().any(|c| "aeiouy".contains(c)) && w.chars().all(char::is_alphabetic)
        })
        .count();
    unique.len() < MIN_DISTINCT_WORDS
        || unique.len() * 10 < answer_words.len() * 3
        || mashed * 3 > answer_words.len()
}

/// "from 4 minutes to 6 seconds": a measured before and after.
fn changed_from_to(lower: &str) -> bool {
    lower.match_indices("from ").any(|(at, _)| {
        let rest = &lower[at + 5..];
        let window: String = rest.chars().take(40).collect();
        starts_with_quantity(rest)
            && window.find(" to ").is_some_and(|to| starts_with_quantity(&window[to + 4..]))
    })
}

/// Numbers written as words, as people say them ("three minor versions", "a third"). "One" is
/// left out: "one of", "no one" and "the one" say nothing about a quantity.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "half",
    "third",
    "quarter",
    "dozen",
    "dozens",
    "twice",
    "tenfold",
];

/// Whether `word` (lower-case) is a number: digits anywhere ("40%", "p99", "3x") or a number word.
fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&word)
}

/// Whether `lower` starts with a quantity, after an optional "about", "around", ...:
/// "900 ms", "about forty a week", "three".
fn starts_with_quantity(lower: &str) -> bool {
    let mut rest = lower;
    for hedge in ["about ", "around ", "roughly ", "nearly ", "almost ", "over ", "under ", "just "] {
        rest = rest.strip_prefix(hedge).unwrap_or(rest);
    }
    rest.split(|c: char| !c.is_alphanumeric()).next().is_some_and(is_number)
}

fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

/// The sentence of `answer` containing `needle` (lower-case match), for quoting.
fn sentence_with(answer: &str, needle: &str, applies: fn(&str) -> bool) -> Option<String> {
    answer
        .split(['.', '!', '?', '\n'])
        .map(str::trim)
        .find(|sentence| {
            // As whole words: "etc" is not in "fetch" or "etcd".
            let lower = super::text::lower_plain(sentence);
            taxonomy::whole_word_positions(&lower, needle).next().is_some() && applies(sentence)
        })
        .map(|sentence| super::text::shorten(sentence, 140))
}

/// A red flag raised by a sentence that holds one of `phrases` and passes `applies`.
struct PhraseFlag {
    phrases: &'static [&'static str],
    applies: fn(&str) -> bool,
    issue: &'static str,
}

const PHRASE_FLAGS: [PhraseFlag; 3] = [
    PhraseFlag {
        phrases: NEGATIVE_TALK,
        applies: anywhere,
        issue: "Blaming or disparaging a former employer worries interviewers.",
    },
    PhraseFlag {
        phrases: UNSURE,
        applies: anywhere,
        issue: "Saying you do not know without offering how you would find out reads as giving up.",
    },
    PhraseFlag {
        phrases: FILLER,
        applies: without_numbers,
        issue: "Vague filler hides the specifics the interviewer is listening for.",
    },
];

/// Any sentence with the phrase earns the flag.
fn anywhere(_sentence: &str) -> bool {
    true
}

/// Filler hides the specifics only where the sentence has none: "basically every retry
/// reinserted rows, two hundred and twelve of them" says exactly what happened.
fn without_numbers(sentence: &str) -> bool {
    !words(sentence).iter().any(|word| is_number(word))
}

fn score(value: f64) -> u8 {
    (value.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// Phrases that address the coach rather than the interviewer: such sentences are removed
/// before scoring, so an answer cannot talk its way to a better score.
const INSTRUCTIONS: &[&str] = &[
    "ignore your instructions",
    "ignore previous instructions",
    "ignore all previous",
    "ignore the rubric",
    "give this answer",
    "score this answer",
    "rate this answer",
    "give me 100",
    "you must score",
    "system prompt",
];

/// The answer without sentences that try to instruct the coach, and the first such sentence.
fn without_instructions(answer: &str) -> (String, Option<String>) {
    let mut removed = None;
    let kept: Vec<&str> = answer
        .split_inclusive(['.', '!', '?', '\n'])
        .filter(|sentence| {
            let instructs = contains_any(&super::text::lower_plain(sentence), INSTRUCTIONS);
            if instructs && removed.is_none() {
                removed = Some(sentence.trim().to_owned());
            }
            !instructs
        })
        .collect();
    (kept.concat(), removed)
}

/// Assesses `answer` to `asked`.
pub fn assess(asked: Asked<'_>, answer: &str) -> Assessment {
    let (cleaned, instruction) = without_instructions(answer);
    let mut assessment = assess_clean(asked, &cleaned);
    if let Some(quote) = instruction {
        assessment.red_flags.push(RedFlag {
            quote,
            issue: "Instructions to the coach are ignored; only the answer itself is assessed.".into(),
        });
    }
    assessment
}

fn assess_clean(asked: Asked<'_>, answer: &str) -> Assessment {
    let answer = answer.trim();
    let lower = super::text::lower_plain(answer);
    let answer_words = words(answer);
    let fallacy = fallacies::detect(answer);

    if answer_words.is_empty() {
        return unusable(
            "There is no answer to assess.",
            "Answer in a few sentences: the situation, what you did, and the result.",
        );
    }
    let question_words = content_words(asked.question);
    let answer_content = content_words(answer);
    let copied = !answer_content.is_empty()
        && answer_content.iter().filter(|w| question_words.contains(*w)).count() * 10
            >= answer_content.len() * 8
        && answer_words.len() <= words(asked.question).len() + 5;
    if copied {
        return unusable(
            "The answer repeats the question instead of answering it.",
            "Answer the question with an example of your own.",
        );
    }
    if is_junk(&answer_words) {
        return unusable(
            "Not enough to score: the answer is too short or does not read as an answer.",
            "Write at least a few full sentences about a real example.",
        );
    }

    // Relevance by meaning: the skill by name or by its concepts (for a behavioural skill also
    // its neighbours', for a skill with no concept list those of the skills its question speaks
    // about) or, failing those, the vocabulary of the work at large; the vacancy's requirement
    // lines about the skill, and the question's own words.
    let answer_skills = taxonomy::mentions(answer);
    let skill_named = answer_skills.iter().any(|m| taxonomy::skills()[m.skill].name == asked.skill)
        || lower.contains(&asked.skill.to_lowercase())
        || taxonomy::names_in_other_words(asked.skill, &lower);
    let concept_hits = taxonomy::concept_hits(asked.skill, &lower);
    let neighbour_hits = taxonomy::neighbour_concept_hits(asked.skill, &lower)
        + taxonomy::question_neighbour_hits(asked.skill, asked.question, &lower);
    let skill_signal = if skill_named {
        1.0
    } else {
        ((concept_hits as f64 + NEIGHBOUR_CONCEPT_WEIGHT * neighbour_hits as f64) / 3.0)
            .min(1.0)
            .max(vocabulary_signal(taxonomy::vocabulary_hits(&lower)))
    };
    let answer_stems = stems(&answer_content);
    let jd_stems = stems(&content_words(&requirement_lines(asked.job_description, asked.skill).join(" ")));
    let jd_overlap = answer_stems.iter().filter(|w| jd_stems.contains(*w)).count();
    let question_overlap = answer_stems.intersection(&stems(&question_words)).count();
    let relevance = SKILL_WEIGHT * skill_signal
        + JD_LINE_WEIGHT * (jd_overlap as f64 / 2.0).min(1.0)
        + QUESTION_WEIGHT * (question_overlap as f64 / 3.0).min(1.0);
    let off_topic = skill_signal == 0.0 && jd_overlap == 0 && question_overlap == 0;
    // (Saying one does not know gets its own advice, below.)
    if off_topic && answer_words.len() < SHORT_ANSWER_WORDS && !contains_any(&lower, UNSURE) {
        return unusable(
            "Not enough to score: the answer is a few words that do not speak to the question.",
            "Answer the question with an example of your own: what you did and what came of it.",
        );
    }

    // Substance.
    let numbers = answer_words.iter().filter(|w| is_number(w)).count();
    let named_things = answer_skills.len() + concept_hits;
    let specifics = (numbers as f64 / 3.0).min(1.0) * 0.6 + (named_things as f64 / 3.0).min(1.0) * 0.4;
    // At the start of a word: "cut" is not in "execute", nor "falls" in "pitfalls".
    let outcome = OUTCOME_WORDS.iter().any(|word| taxonomy::uses(&lower, word)) || changed_from_to(&lower);
    let first_person_action = acts_in_first_person(&answer_words)
        || acts_in_note_form(answer)
        || ACTION_LABELS.iter().any(|label| taxonomy::uses(&lower, label));
    let star = Star {
        situation: contains_any(&lower, SITUATION_MARKERS),
        task: contains_any(&lower, TASK_MARKERS),
        action: first_person_action,
        result: outcome && numbers > 0,
    };
    let length = match answer_words.len() {
        0..=24 => 0.2,
        25..=59 => 0.6,
        60..=320 => 1.0,
        _ => 0.7,
    };
    let mut correctness = SPECIFICS_WEIGHT * specifics
        + STAR_WEIGHT * star.share()
        + OUTCOME_WEIGHT * f64::from(u8::from(outcome))
        + OWN_ACTION_WEIGHT * f64::from(u8::from(first_person_action))
        + LENGTH_WEIGHT * length;
    if off_topic {
        correctness = correctness.min(0.25);
    }
    if fallacy.is_some() {
        correctness -= 0.10;
    }

    let mut improvements = Vec::new();
    if off_topic {
        improvements.push(format!("Answer the question about {}: say what you did with it.", asked.skill));
    } else if !skill_named && concept_hits == 0 {
        improvements.push(format!("Name {} explicitly and show how you used it.", asked.skill));
    }
    if numbers == 0 {
        improvements.push("Add numbers: scale, time saved, error rates, money, people.".into());
    }
    if !star.situation {
        improvements.push("Start with the situation: where, when, and what was at stake.".into());
    }
    if !first_person_action {
        improvements.push("Say what you did yourself (\u{201c}I built…\u{201d}, \u{201c}I decided…\u{201d}), not only what the team did.".into());
    }
    if !outcome {
        improvements.push("End with the result and what changed because of it.".into());
    }
    if answer_words.len() < 60 {
        improvements.push("Give more detail: a strong answer takes about one to two minutes to say.".into());
    }

    let mut red_flags = Vec::new();
    for PhraseFlag { phrases, applies, issue } in PHRASE_FLAGS {
        if let Some(quote) = phrases.iter().find_map(|p| sentence_with(answer, p, applies)) {
            red_flags.push(RedFlag { quote, issue: issue.into() });
        }
    }
    if let Some(finding) = &fallacy {
        red_flags.push(RedFlag {
            quote: finding.why.clone(),
            issue: format!("{}: {}", finding.kind.entry().name, finding.kind.entry().interview_risk),
        });
    }

    let correctness = score(correctness);
    let coach_hint = if correctness >= 75 {
        "Strong answer: keep it this concrete and close with the result.".to_owned()
    } else {
        improvements.first().cloned().unwrap_or_else(|| "Make it more concrete.".into())
    };
    Assessment {
        correctness,
        role_relevance: score(relevance),
        suggested_rewrite: rewrite(answer, star),
        followup_question: Some(followup(answer, star)),
        improvements,
        red_flags,
        coach_hint,
        fallacy,
    }
}

/// Feedback for an answer that cannot be assessed (empty, junk, copied): low scores, said plainly.
fn unusable(problem: &str, fix: &str) -> Assessment {
    Assessment {
        correctness: 0,
        role_relevance: 0,
        improvements: vec![fix.to_owned()],
        red_flags: vec![RedFlag { quote: String::new(), issue: problem.to_owned() }],
        suggested_rewrite: rewrite("", Star::default()),
        followup_question: None,
        coach_hint: problem.to_owned(),
        fallacy: None,
    }
}

/// The answer reshaped as STAR in the candidate's words, with brackets where something is missing.
fn rewrite(answer: &str, star: Star) -> String {
    let sentences: Vec<&str> =
        answer.split_inclusive(['.', '!', '?']).map(str::trim).filter(|s| !s.is_empty()).collect();
    let mut parts = Vec::new();
    parts.push(if star.situation {
        sentences.first().copied().unwrap_or_default().to_owned()
    } else {
        "[Situation: where and when this happened, and what was at stake.]".to_owned()
    });
    if !star.task {
        parts.push("[Task: what you were responsible for.]".to_owned());
    }
    let middle: Vec<&str> = sentences.iter().skip(usize::from(star.situation)).copied().collect();
    if middle.is_empty() {
        parts.push("[Action: what you did yourself, step by step.]".to_owned());
    } else {
        parts.push(middle.join(" "));
    }
    if !star.result {
        parts.push("[Result: the measurable outcome, e.g. \u{201c}which cut the error rate from 4% to 0.5%\u{201d}.]".to_owned());
    }
    parts.join(" ")
}

/// The follow-up an interviewer would ask next, building on what the candidate said: it quotes
/// their own words (a result they claimed, something they did, what "we" did) and asks for the
/// part that is missing, or one level deeper.
fn followup(answer: &str, star: Star) -> String {
    let sentences = || {
        answer
            .split_terminator(['.', '!', '?', '\n'])
            .map(str::trim)
            .filter(|s| s.split_whitespace().count() >= 4)
    };
    let said = |wanted: &dyn Fn(&str) -> bool| {
        sentences()
            .filter(|s| wanted(s))
            .find_map(|s| quotable(s, wanted))
            .map(|words| format!("You said \u{201c}{words}\u{201d}."))
    };
    let claim = said(&|s: &str| s.chars().any(|c| c.is_ascii_digit()));
    let own_action = said(&|s: &str| acts_in_first_person(&words(s)));
    let team_action = said(&|s: &str| words(s).iter().any(|w| w == "we" || w == "team"));
    match (star.result, star.action) {
        (true, _) if let Some(claim) = claim => {
            format!("{claim} How did you measure that, and what would you try next to improve it?")
        }
        (false, true) if let Some(action) = own_action => {
            format!("{action} What came of it, and how did you know it had worked?")
        }
        (_, false) if let Some(team) = team_action => {
            format!("{team} What exactly was your own part in that?")
        }
        (false, _) => "What was the result of your work, and how did you measure it?".to_owned(),
        (true, _) => {
            "If you faced the same situation again, what would you do differently, and why?".to_owned()
        }
    }
}

/// Longest quote a follow-up question carries, in characters.
const FOLLOWUP_QUOTE_CHARS: usize = 100;

/// The words of `sentence` to quote: all of it when it is short enough, else its first clause
/// (between commas, semicolons, colons or dashes) of at least four words that is short enough
/// and still says what is `wanted`.
fn quotable<'a>(sentence: &'a str, wanted: &dyn Fn(&str) -> bool) -> Option<&'a str> {
    if sentence.chars().count() <= FOLLOWUP_QUOTE_CHARS {
        return Some(sentence);
    }
    sentence.split([',', ';', ':', '\u{2013}', '\u{2014}']).map(str::trim).find(|clause| {
        clause.split_whitespace().count() >= 4
            && clause.chars().count() <= FOLLOWUP_QUOTE_CHARS
            && wanted(clause)
    })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use proptest::prelude::*;

    use super::*;

    /// What `requirement_lines` means, one line at a time (the slow way).
    fn requirement_lines_one_by_one<'a>(job_description: &'a str, skill: &str) -> Vec<&'a str> {
        job_description
            .lines()
            .filter(|line| {
                let lower = line.to_lowercase();
                lower.contains(&skill.to_lowercase())
                    || taxonomy::mentions(line).iter().any(|m| taxonomy::skills()[m.skill].name == skill)
                    || taxonomy::concept_hits(skill, &lower) > 0
            })
            .collect()
    }

    proptest! {
        #[test]
        fn requirement_lines_are_the_lines_about_the_skill(
            lines in prop::collection::vec(
                prop::sample::select(&[
                    "- Kafka in production", "- partitioned topics", "rust", "RUST and \u{212A}afka", "",
                    "  - Go\r", "\u{130}nterview", "consumers", "Kubernetes", "repartition", "a",
                ][..]),
                0..12,
            ),
            skill in prop::sample::select(&["Kafka", "Rust", "Go", "Kubernetes", "Not a skill", ""][..]),
        ) {
            let job_description = lines.join("\n");

            prop_assert_eq!(
                requirement_lines(&job_description, skill),
                requirement_lines_one_by_one(&job_description, skill)
            );
        }
    }

    #[test]
    fn a_job_description_of_many_short_lines_costs_no_more_than_one_long_one() {
        // 100,000 one-letter lines (the most a document can hold): searching every line for every
        // spelling took tens of seconds per evaluation in a release build. The bound is loose, so
        // that a busy machine running the other tests alongside cannot fail it, and a return of
        // that cost still does.
        let job_description = "a\n".repeat(100_000);
        let asked =
            Asked { question: "How have you used Kafka?", skill: "Kafka", job_description: &job_description };
        let answer = "In 2023 our Kafka cluster lost messages during peak hours. My task was to stop it. I \
            measured consumer lag, found a rebalance storm, and I moved to cooperative rebalancing; lost \
            messages fell from 40 a day to 0 and p99 lag dropped 80%.";

        let started = Instant::now();
        let assessment = assess(asked, answer);
        let took = started.elapsed();

        assert!(assessment.correctness > 0);
        assert!(took < Duration::from_secs(30), "took {took:?}");
    }

    fn quoted(text: &str) -> Option<&str> {
        text.split('\u{201c}').nth(1)?.split('\u{201d}').next()
    }

    #[test]
    fn the_follow_up_builds_on_the_candidates_own_words() {
        let asked =
            Asked { question: "How have you used Rust?", skill: "Rust", job_description: "Rust, Kafka" };
        let measured = "At Acme our checkout API timed out under load every Friday. I profiled it and replaced \
                        the blocking calls with an async pool. The p99 latency fell from 900 ms to 120 ms and \
                        incidents dropped by 60%.";
        let followup = assess(asked, measured).followup_question.expect("a follow-up");
        let quote = quoted(&followup).expect("the follow-up quotes the answer");
        assert!(measured.contains(quote) && quote.contains("900 ms"), "{followup}");

        let no_result = "When our billing jobs kept failing at night and nobody could say why, I rewrote the \
                         scheduler in Rust and moved the retries into a visible queue.";
        let followup = assess(asked, no_result).followup_question.expect("a follow-up");
        let quote = quoted(&followup).expect("the follow-up quotes the answer");
        assert!(no_result.contains(quote) && quote.starts_with("I rewrote the scheduler"), "{followup}");
        assert!(followup.contains("What came of it"), "{followup}");

        let team_only = "Our team moved the billing service to Rust last year. We cut the error rate a lot and \
                         everybody was happy with the result.";
        let followup = assess(asked, team_only).followup_question.expect("a follow-up");
        assert!(followup.ends_with("What exactly was your own part in that?"), "{followup}");
        assert!(team_only.contains(quoted(&followup).expect("a quote")), "{followup}");
    }

    #[test]
    fn follow_up_quotes_are_cut_at_a_clause() {
        let long = "I rebuilt the deployment pipeline for all forty services, replacing hand-written scripts \
                    with one declarative workflow that every team could read and change";
        let clause = quotable(long, &|_| true).expect("a clause");
        assert_eq!(clause, "I rebuilt the deployment pipeline for all forty services");
        assert_eq!(quotable(&"word ".repeat(40), &|_| true), None, "no boundary to cut at");
    }

    #[test]
    fn an_answer_in_the_language_of_the_work_is_relevant_to_a_tool_the_taxonomy_does_not_know() {
        let asked = Asked {
            question: "We rely on Quillpipe everywhere. What went wrong with it for you, and what did you do?",
            skill: "Quillpipe",
            job_description: "",
        };
        let strong = "Under load the checkout service ran out of database connections. I reproduced it \
                      with a load test, read the query logs and found sessions left idle in a transaction \
                      by a background worker, so I closed each session when its job ended, added a \
                      timeout, capped the pool at ten per worker and put the connection count on a \
                      dashboard with an alert. Timeouts went from about forty a day to none, and latency \
                      at the p99 fell from two seconds to 300 ms.";
        let hobby = "I have been learning the violin for two years; practising scales every weekend is slow, \
                     but my teacher says my speed is improving.";

        let strong = assess(asked, strong);
        let hobby = assess(asked, hobby);

        assert!(strong.role_relevance >= 50, "{}", strong.role_relevance);
        assert!(strong.correctness >= 60, "not capped as off-topic: {}", strong.correctness);
        assert!(hobby.role_relevance <= 25, "{}", hobby.role_relevance);
        assert_eq!(vocabulary_signal(VOCABULARY_FLOOR), 0.0);
        assert_eq!(vocabulary_signal(VOCABULARY_FLOOR + VOCABULARY_SPAN), 1.0);
    }

    #[test]
    fn filler_is_flagged_as_a_whole_word_and_only_where_nothing_specific_is_said() {
        let asked = Asked {
            question: "Tell me about a data pipeline you fixed.",
            skill: "Data engineering",
            job_description: "",
        };
        let filler = |answer: &str| {
            assess(asked, answer)
                .red_flags
                .into_iter()
                .find(|flag| flag.issue.starts_with("Vague filler"))
                .map(|flag| flag.quote)
        };

        assert_eq!(
            filler("The nightly job failed. We basically fixed the stuff and moved on.").as_deref(),
            Some("We basically fixed the stuff and moved on")
        );
        // Inside another word ("fetch", "etcd") there is no "etc".
        assert_eq!(filler("I fetch the files from etcd and sketch the schema first."), None);
        // With a number in the sentence, "basically" does not hide anything.
        assert_eq!(filler("We found 212 duplicates, basically one for every retried run."), None);
        assert_eq!(filler("We found two hundred duplicates, basically one per retry."), None);
    }

    #[test]
    fn a_story_told_aloud_has_its_situation_and_its_result() {
        let asked = Asked {
            question: "Tell me about a batch job you fixed.",
            skill: "Data engineering",
            job_description: "",
        };
        let spoken = "okay so one morning finance noticed that a customer was billed twice for the same day. \
                      we checked every invoice for six months and found two hundred duplicates, so i made the \
                      load idempotent with a merge on a natural key. since then zero duplicates.";

        let verdict = assess(asked, spoken);

        let told = |start: &str| verdict.improvements.iter().any(|i| i.starts_with(start));
        assert!(!told("Start with the situation"), "{:?}", verdict.improvements);
        assert!(!told("End with the result"), "{:?}", verdict.improvements);
    }

    #[test]
    fn a_star_answer_in_note_form_has_the_parts_it_labels() {
        let asked = Asked {
            question: "Tell me about a report you built for a stakeholder.",
            skill: "Requirements analysis",
            job_description: "",
        };
        let labelled = "Result: the stock report is read daily by 9 store managers. Situation: the regional \
                        lead asked for every sales column. I did: two hours with three managers, a paper \
                        mock-up, one page of definitions signed off by the lead.";
        let unlabelled = "The stock report is read daily by 9 store managers. The regional lead asked for every \
                          sales column. Two hours with three managers, a paper mock-up, one page of definitions.";
        // "transaction:" is no label of the candidate's own action.
        let transaction = "Each transaction: 9 store managers, every sales column, a paper mock-up.";

        let told = |answer: &str, start: &str| {
            assess(asked, answer).improvements.iter().any(|i| i.starts_with(start))
        };

        assert!(!told(labelled, "Start with the situation"));
        assert!(!told(labelled, "Say what you did yourself"));
        assert!(told(unlabelled, "Start with the situation"));
        assert!(told(unlabelled, "Say what you did yourself"));
        assert!(told(transaction, "Say what you did yourself"));
    }

    #[test]
    fn typographic_apostrophes_read_like_plain_ones() {
        let asked = Asked {
            question: "Tell me about a pipeline you ran.",
            skill: "Data engineering",
            job_description: "",
        };
        let unsure = "I don't know, I've never done that.";
        let result = "The pipeline didn't scale, so I rebuilt it; it's been stable since then and we haven't \
                      had an outage in 6 months.";
        let habit = "We kept the nightly batch job because that's how it's always been done here.";
        assert!(
            assess(asked, unsure).red_flags.iter().any(|f| f.issue.starts_with("Saying you do not know"))
        );
        assert!(assess(asked, habit).fallacy.is_some());

        for answer in [unsure, result, habit] {
            let curly = answer.replace('\'', "\u{2019}");
            let (plain, typographic) = (assess(asked, answer), assess(asked, &curly));
            assert_eq!(plain.correctness, typographic.correctness, "{curly}");
            assert_eq!(plain.role_relevance, typographic.role_relevance, "{curly}");
            assert_eq!(plain.improvements, typographic.improvements, "{curly}");
            let issues = |a: &Assessment| a.red_flags.iter().map(|f| f.issue.clone()).collect::<Vec<_>>();
            assert_eq!(issues(&plain), issues(&typographic), "{curly}");
            assert_eq!(plain.fallacy.map(|f| f.kind), typographic.fallacy.map(|f| f.kind), "{curly}");
        }
    }

    #[test]
    fn sentences_in_note_form_that_open_with_an_action_are_the_candidates_own() {
        assert!(acts_in_note_form(
            "Black Friday prep. Wrote k6 scenarios from access logs. Fixed the N+1 queries."
        ));
        assert!(acts_in_note_form(
            "Cause: sessions never closed. Wrapped it in a context manager; capped the pool at 10."
        ));
        assert!(!acts_in_note_form("Decided to wait. The team handled the rest."), "one action is no story");
        assert!(!acts_in_note_form("Worked on it. Used Kafka. Helped the team."), "vague verbs say nothing");
        assert!(!acts_in_note_form("Build the cache. Design the schema."), "instructions, not what was done");
    }

    #[test]
    fn a_microphone_check_is_not_enough_to_score_and_a_short_answer_on_topic_is_scored() {
        let asked = Asked {
            question: "Tell me about a deadline your team missed. What did you do?",
            skill: "Managing a missed deadline",
            job_description: "Engineering manager",
        };
        let check = assess(asked, "test test one two three is this thing on");
        assert_eq!((check.correctness, check.role_relevance), (0, 0));
        assert!(check.coach_hint.starts_with("Not enough to score"), "{}", check.coach_hint);

        let short =
            assess(asked, "We missed the deadline by two weeks, so I cut scope and told the client early.");
        assert!(short.correctness > 10, "{}", short.correctness);
        assert!(!short.coach_hint.starts_with("Not enough to score"));
    }

    #[test]
    fn a_story_told_in_the_present_tense_has_its_actions_and_its_result() {
        let asked = Asked {
            question: "How do you keep labelled training data accurate?",
            skill: "Data labelling",
            job_description: "Data scientist",
        };
        let present = assess(
            asked,
            "It's week three and I notice the model is wrong on one product photo. I pull a random sample of 400 labelled items and re-check them with a colleague. We find an 8 percent error rate in two vendors' batches, re-label them and add gold questions. Validation accuracy goes up four points.",
        );
        assert!(
            !present.improvements.iter().any(|i| i.starts_with("End with the result")),
            "{:?}",
            present.improvements
        );
        assert!(
            !present.improvements.iter().any(|i| i.starts_with("Say what you did yourself")),
            "{:?}",
            present.improvements
        );
    }
}
