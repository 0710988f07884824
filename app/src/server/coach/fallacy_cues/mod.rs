//! Fallacies in ordinary wording: for each catalog kind, combinations of cue words that must all
//! occur in one sentence (one word from each group), unless that sentence or the next gives
//! evidence; a few kinds of reasoning may also spread over two sentences in a row.
//!
//! The catalog's fixed phrases catch the textbook wording; these cues catch the everyday one
//! ("the whole industry has moved to it", "my director said so, so we did").

mod words;

use super::fallacies::FallacyKind;
use words::*;

/// One way of saying a fallacy: a word from every group of `all`, and none from any group of
/// `unless`.
struct Cue {
    all: &'static [&'static [&'static str]],
    unless: &'static [&'static [&'static str]],
}

impl Cue {
    /// Whether `passage` holds a word of every group of `all`, and `context` (the passage with
    /// the sentence after it) none of any group of `unless`: "we kept the ritual for years. Then
    /// I measured it" describes a habit that was checked, not one defended.
    fn fits(&self, passage: &str, context: &str) -> bool {
        self.all.iter().all(|group| contains_any(passage, group))
            && !self.unless.iter().any(|group| contains_any(context, group))
    }
}

/// The cues of reasoning often spread over two sentences (see [`ACROSS_TWO_SENTENCES`]).
const REDEFINED_GROUP: Cue = Cue { all: &[COUNTEREXAMPLE, NOT_MEMBER], unless: &[] };
const CREDENTIAL_THEN_DEFERENCE: Cue = Cue { all: &[CREDENTIAL, DEFERENCE], unless: &[EVIDENCE, QUESTIONED] };
const LESSON_FROM_A_FEW_CASES: Cue =
    Cue { all: &[FEW_CASES, LESSON], unless: &[EVIDENCE, LOOKED_WIDER, HYPOTHETICAL] };
const ONLY_TWO_OPTIONS: Cue = Cue { all: &[ONLY_TWO, &[" or "]], unless: &[EVIDENCE, WEIGHED] };
const TRAIT_AGAINST_THEIR_POINT: Cue = Cue { all: &[TRAIT, THEIR_POINT, DISMISSED], unless: &[] };
const LATER_CHANGE_CREDITED: Cue = Cue { all: &[TIME_PASSED, CREDITED], unless: &[EVIDENCE] };
const HABIT_KEPT: Cue = Cue { all: &[HABIT, KEEPS], unless: &[EVIDENCE, CHANGED_IT, QUESTIONS_THE_HABIT] };

fn cues(kind: FallacyKind) -> &'static [Cue] {
    match kind {
        FallacyKind::Bandwagon => &[Cue { all: &[CROWD], unless: &[EVIDENCE] }],
        FallacyKind::AppealToAuthority => &[
            Cue { all: &[SUPERIOR, DEFERS, CONCLUDES], unless: &[EVIDENCE, QUESTIONED] },
            CREDENTIAL_THEN_DEFERENCE,
        ],
        FallacyKind::HastyGeneralisation => &[
            Cue { all: &[ONE_CASE, SWEEPING], unless: &[EVIDENCE, FUTURE, HYPOTHETICAL, LOOKED_WIDER] },
            // Here the one case may be an experiment: "one experiment … so I concluded …".
            Cue { all: &[&["one ", "single"], GENERALISES, SWEEPING], unless: &[FUTURE, &["measured"]] },
            LESSON_FROM_A_FEW_CASES,
        ],
        FallacyKind::FalseDilemma => &[
            Cue { all: &[FORCED_CHOICE], unless: &[] },
            Cue {
                all: &[&["either "], &[" or "], &["forever", "never", "only", "had to", "leave", "no other"]],
                unless: &[],
            },
            ONLY_TWO_OPTIONS,
        ],
        FallacyKind::SlipperySlope => &[
            Cue { all: &[&["if "], CHAIN, CATASTROPHE], unless: &[EVIDENCE] },
            Cue {
                all: &[&["once we", "once you", "the moment we", "as soon as we"], &[" will "], CATASTROPHE],
                unless: &[EVIDENCE],
            },
            Cue { all: &[STEPS, CATASTROPHE], unless: &[EVIDENCE] },
        ],
        FallacyKind::AdHominem => {
            &[Cue { all: &[PERSONAL], unless: &[LAZY_TECHNIQUE] }, TRAIT_AGAINST_THEIR_POINT]
        }
        FallacyKind::CircularReasoning => &[Cue {
            all: &[&[
                "because that is where",
                "where they belong",
                "because it was the correct",
                "because it was the one that was",
            ]],
            unless: &[],
        }],
        FallacyKind::PostHoc => &[
            Cue { all: &[AFTER, SO_CAUSED], unless: &[EVIDENCE] },
            // "…and two months later X doubled, so clearly the talks did it": a later change
            // claimed as caused, with no check of the cause.
            Cue { all: &[&[" later "], CLAIMS_CAUSE], unless: &[EVIDENCE] },
            LATER_CHANGE_CREDITED,
        ],
        FallacyKind::AppealToTradition => &[
            Cue { all: &[HABIT, JUSTIFIES], unless: &[EVIDENCE] },
            Cue { all: &[HABIT_AS_REASON, LONG_TIME], unless: &[EVIDENCE] },
            HABIT_KEPT,
        ],
        FallacyKind::RedHerring => &[
            Cue { all: &[CONCEDES, PIVOT], unless: &[] },
            Cue { all: &[FAILURE, &["but on the other hand"]], unless: &[] },
            Cue { all: &[CHANGES_TOPIC], unless: &[] },
        ],
        FallacyKind::StrawMan => {
            &[Cue { all: &[RECAST, OTHERS], unless: &[] }, Cue { all: &[CAMP, EXTREME_VIEW], unless: &[] }]
        }
        FallacyKind::NoTrueScotsman => {
            &[Cue { all: &[PURITY, MEMBER, EXCLUDES], unless: &[] }, REDEFINED_GROUP]
        }
    }
}

/// Words that mean the same judgement: one on each side of "because" is circular.
const SAME_JUDGEMENT: &[&[&str]] =
    &[&["right", "correct", "proper"], &["fair"], &["trust", "reliab"], &["best", "good", "better"]];

/// "X is right because it is correct": the same judgement on both sides of "because".
fn restates_itself(sentence: &str) -> bool {
    sentence.split_once("because").is_some_and(|(claim, reason)| {
        SAME_JUDGEMENT
            .iter()
            .any(|group| group.iter().any(|w| claim.contains(w)) && group.iter().any(|w| reason.contains(w)))
    })
}

/// Words that show the candidate named the reasoning in order to reject it ("it looked like
/// either X or Y, but I did not accept that framing"; "everyone uses it. That's not a reason by
/// itself, so we trialled three"). None of them is a verdict on a person ("his view didn't
/// matter" is the ad hominem itself), nor something the candidate merely said ("I pointed out
/// that everyone uses it").
const REJECTED: &[&str] = &[
    "did not accept",
    "didn't accept",
    "did not buy",
    "didn't buy",
    "false choice",
    "third option",
    "third way",
    "a middle option",
    "looked like either",
    "seemed like either",
    "as if those were",
    "as if these were",
    "as if there were only",
    "i pushed back on that",
    "not a reason ",
    "isn't a reason ",
    "wasn't a reason ",
    "not really a reason ",
    "not a good reason ",
    "not by itself",
    "not on its own",
    "not automatically",
    "doesn't mean",
    "does not mean",
    "didn't mean",
    "did not mean",
    "doesn't tell you",
    "does not tell you",
    "doesn't tell us",
    "does not tell us",
    "isn't evidence",
    "is not evidence",
    "wasn't evidence",
    "was not evidence",
    "not proof ",
    "isn't proof ",
    "proves nothing",
    "what mattered was whether",
    "what matters is whether",
    "didn't trust it",
    "did not trust it",
    "wasn't convinced",
    "was not convinced",
    "wary of giving",
    "wary of crediting",
    "a fair position",
    "a fair point",
    "that's fair",
];

/// Whether `sentence` (lower-cased and [`padded`], so a word ends in a space: "not a reason " is
/// not in "not a reasonable") states a fallacy's reasoning only to reject it.
fn rejects_the_reasoning(sentence: &str) -> bool {
    contains_any(sentence, REJECTED)
}

/// "…because the company had always done it that way": the habit is the reason given.
fn because_of_habit(sentence: &str) -> bool {
    sentence.find("because").is_some_and(|at| contains_any(&sentence[at..], HABIT))
}

fn contains_any(text: &str, needles: &[&str]) -> bool {
    needles.iter().any(|w| text.contains(w))
}

/// Words of a sentence that carry meaning, for comparing a claim with its reason.
fn meaning_words(text: &str) -> std::collections::HashSet<&str> {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "a", "an", "and", "it", "is", "was", "were", "we", "our", "i", "my", "they", "their", "that",
        "this", "knew", "know", "so", "of", "to", "be", "had", "has", "have",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !FUNCTION_WORDS.contains(w))
        .collect()
}

/// "X because Y, and Y because X": the last reason given is the first claim again.
fn reasons_in_a_circle(sentence: &str) -> bool {
    let parts: Vec<&str> = sentence.split("because").collect();
    let [first, _, .., last] = parts.as_slice() else { return false };
    let (claim, reason) = (meaning_words(first), meaning_words(last));
    reason.len() >= 2 && reason.iter().filter(|w| claim.contains(*w)).count() * 3 >= reason.len() * 2
}

/// "X was the cause because the cause was X": every word of the reason is already in the claim.
fn reason_repeats_the_claim(sentence: &str) -> bool {
    let stems = |text: &str| -> std::collections::HashSet<String> {
        meaning_words(text).into_iter().filter(|w| w.len() > 2).map(|w| w.chars().take(5).collect()).collect()
    };
    let mut parts = sentence.split("because");
    let (Some(claim), Some(reason), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    let (claim, reason) = (stems(claim), stems(reason));
    reason.len() >= 2 && reason.is_subset(&claim)
}

/// Adjectives that make a group "true" ("no real engineer …").
const PURE: &[&str] = &[
    "real",
    "true",
    "serious",
    "proper",
    "genuine",
    "professional",
    "competent",
    "decent",
    "self-respecting",
];
/// Groups a candidate redefines to leave a counterexample out.
const GROUPS: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "developers",
    "programmer",
    "programmers",
    "company",
    "companies",
    "team",
    "teams",
    "business",
    "businesses",
    "scientist",
    "scientists",
    "analyst",
    "analysts",
    "manager",
    "managers",
    "leader",
    "leaders",
    "professional",
    "professionals",
    "startup",
    "startups",
];

/// "no serious company …", "they are not real engineers", "isn't a proper team": a group
/// defined so that the counterexample cannot belong to it.
fn excludes_from_a_pure_group(sentence: &str) -> bool {
    let words: Vec<&str> =
        sentence.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(at, word)| {
        if !matches!(*word, "no" | "not" | "aren't" | "isn't" | "never") {
            return false;
        }
        let mut rest = words[at + 1..].iter().copied().skip_while(|w| matches!(*w, "a" | "an" | "really"));
        rest.next().is_some_and(|w| PURE.contains(&w)) && rest.take(2).any(|w| GROUPS.contains(&w))
    })
}

/// "every SaaS company I follow started doing it, so …": others counted in numbers, and
/// following them given as the reason.
fn follows_a_crowd(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let counted = words.iter().enumerate().any(|(at, word)| {
        // "can't deliver at all and the company loses" counts nobody.
        let at_all = *word == "all" && at > 0 && words[at - 1] == "at";
        CROWD_QUANTIFIER.contains(word) && !at_all && {
            let after = words[at + 1..words.len().min(at + 5)].join(" ") + " ";
            contains_any(&after, CROWD_MEMBERS)
        }
    });
    counted && contains_any(sentence, FOLLOWED) && !contains_any(sentence, EVIDENCE)
}

/// "once you let one key expire, users get logged out, then support gets flooded, and before
/// long …": a first step and at least two more, none of them shown.
fn chain_of_steps(sentence: &str) -> bool {
    let steps: usize = STEPS.iter().map(|step| sentence.matches(step).count()).sum();
    contains_any(sentence, FIRST_STEP) && steps >= 2 && !contains_any(sentence, EVIDENCE)
}

/// Fallacies recognised by the shape of the sentence rather than by a set of words.
fn has_the_shape_of(kind: FallacyKind, sentence: &str) -> bool {
    match kind {
        FallacyKind::Bandwagon => follows_a_crowd(sentence),
        FallacyKind::SlipperySlope => chain_of_steps(sentence),
        FallacyKind::CircularReasoning => {
            restates_itself(sentence) || reasons_in_a_circle(sentence) || reason_repeats_the_claim(sentence)
        }
        FallacyKind::NoTrueScotsman => excludes_from_a_pure_group(sentence),
        FallacyKind::AppealToTradition => because_of_habit(sentence) && !contains_any(sentence, EVIDENCE),
        _ => false,
    }
}

/// The order kinds are tried in on one passage: a redefined group or a recast view is named
/// before an attack on a person or a circle, whose words its passage may also hold ("a proper
/// org … because …" is not circular, "what they are really saying is … lazy" is not an attack
/// on a person), and a recast view before a sweeping claim ("which basically means he wanted us
/// to deploy everything at once" recasts a colleague; "everything" is his alleged view).
const ORDER: [FallacyKind; 12] = [
    FallacyKind::Bandwagon,
    FallacyKind::AppealToAuthority,
    FallacyKind::StrawMan,
    FallacyKind::HastyGeneralisation,
    FallacyKind::FalseDilemma,
    FallacyKind::SlipperySlope,
    FallacyKind::NoTrueScotsman,
    FallacyKind::AdHominem,
    FallacyKind::CircularReasoning,
    FallacyKind::PostHoc,
    FallacyKind::AppealToTradition,
    FallacyKind::RedHerring,
];

/// Where one sentence (or clause after a semicolon) ends.
const PASSAGE_ENDS: [char; 5] = ['.', '!', '?', '\n', ';'];

/// A passage as the cues read it: padded with spaces, and its sentence ends, commas, colons,
/// brackets and quotes read as spaces ("once, which" has "once ").
fn padded(passage: &str) -> String {
    format!(" {passage} ")
        .replace(PASSAGE_ENDS, " ")
        .replace([',', ':', '(', ')', '"', '\u{201c}', '\u{201d}'], " ")
}

fn fallacy_in(passage: &str, context: &str) -> Option<FallacyKind> {
    if rejects_the_reasoning(passage) {
        return None;
    }
    ORDER.into_iter().find(|&kind| {
        cues(kind).iter().any(|cue| cue.fits(passage, context)) || has_the_shape_of(kind, passage)
    })
}

/// Reasoning that is often spread over two sentences: a credential, then the deference to it; one
/// case, then the lesson drawn; a habit, then keeping it. Only these cues are tried on two
/// sentences together: the others would find their words scattered across unrelated sentences.
const ACROSS_TWO_SENTENCES: &[(FallacyKind, Cue)] = &[
    (FallacyKind::NoTrueScotsman, REDEFINED_GROUP),
    (FallacyKind::AppealToAuthority, CREDENTIAL_THEN_DEFERENCE),
    (FallacyKind::HastyGeneralisation, LESSON_FROM_A_FEW_CASES),
    (FallacyKind::FalseDilemma, ONLY_TWO_OPTIONS),
    (FallacyKind::AdHominem, TRAIT_AGAINST_THEIR_POINT),
    (FallacyKind::PostHoc, LATER_CHANGE_CREDITED),
    (FallacyKind::AppealToTradition, HABIT_KEPT),
];

fn fallacy_across(passage: &str, context: &str) -> Option<FallacyKind> {
    if rejects_the_reasoning(passage) {
        return None;
    }
    ACROSS_TWO_SENTENCES.iter().find(|(_, cue)| cue.fits(passage, context)).map(|(kind, _)| *kind)
}

/// Fallacies whose flaw is a missing check: a cause read from the order of events, a rule
/// drawn from a case or two, a person's word or traits, or what is popular or customary, taken
/// in place of evidence ("the most popular, but we ran a two week trial" checked it).
const WANT_A_CHECK: &[FallacyKind] = &[
    FallacyKind::Bandwagon,
    FallacyKind::AppealToTradition,
    FallacyKind::PostHoc,
    FallacyKind::HastyGeneralisation,
    FallacyKind::AppealToAuthority,
    FallacyKind::AdHominem,
];

/// Whether `lower` (the lower-cased answer) shows that the reasoning of `passage`, the range a
/// `kind` was read in, was rejected or put to the test:
/// - for every kind, the passage or the sentence after it rejects the reasoning: "…because
///   everyone uses it. And that's not really a reason by itself, so we trialled three vendors";
///   "…as if those were the only two choices";
/// - for the kinds whose flaw is a missing check, the answer after the passage shows the
///   candidate went on to check the claim ("Latency improved right after the change, but we had
///   upgraded the hardware that week too. To be sure, I reverted it on one of two clusters…"),
///   or the passage does after a "but" ("her last manager said she was lazy, but I wanted
///   evidence, so I sat with her"): an answer that checks what it first assumed does not rest
///   on the assumption;
/// - for a choice between two options, the passage or the rest says both were tried ("either we
///   discounted or we fixed activation, and we tested both"): a comparison, not a forced choice;
///   or the passage or the sentence after it says something outside imposed the two ("the
///   contract only allowed two tiers"): a fact, not a framing;
/// - for a later result credited to a change, the answer has already described a controlled
///   comparison (an A/B test, a holdout) that isolates the cause.
pub(super) fn checked_or_rejected(kind: FallacyKind, lower: &str, passage: std::ops::Range<usize>) -> bool {
    let (before, rest, passage) = (&lower[..passage.start], &lower[passage.end..], &lower[passage]);
    // The passage may end before its full stop: the next sentence is the first with words.
    let next_sentence =
        rest.split_inclusive(PASSAGE_ENDS).find(|text| text.chars().any(char::is_alphanumeric)).unwrap_or("");
    if rejects_the_reasoning(&padded(passage)) || rejects_the_reasoning(&padded(next_sentence)) {
        return true;
    }
    if kind == FallacyKind::FalseDilemma {
        return [passage, rest].iter().any(|text| contains_any(&padded(text), BOTH_TRIED))
            || [passage, next_sentence].iter().any(|text| contains_any(&padded(text), IMPOSED_CHOICE));
    }
    if !WANT_A_CHECK.contains(&kind) {
        return false;
    }
    // A cause already tested by a controlled comparison earlier in the answer ("we A/B tested it
    // for three weeks … so I added a gate") is not read from the order of events.
    if kind == FallacyKind::PostHoc && contains_any(&padded(before), CONTROLLED) {
        return true;
    }
    let after_but = passage.find(" but ").map_or("", |at| &passage[at..]);
    [rest, after_but].iter().any(|text| {
        let text = padded(text);
        contains_any(&text, EVIDENCE) || contains_any(&text, CHECKED)
    })
}

/// The byte ranges of the sentences of `text` (and of clauses after a semicolon), in order, each
/// with its end mark.
pub(super) fn passages(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut start = 0;
    text.split_inclusive(PASSAGE_ENDS)
        .flat_map(|piece| {
            start += piece.len();
            spoken_clauses(piece, start - piece.len())
        })
        .collect()
}

/// A run-on sentence longer than this many words is read a clause at a time.
const MAX_SENTENCE_WORDS: usize = 45;
/// Where a transcribed speaker pauses: a speech recogniser writes no full stops, so a spoken
/// answer arrives as one sentence of a hundred words, and cue words from unrelated parts of it
/// would meet in one "sentence".
const SPOKEN_PAUSES: &[&str] = &[" um ", " uh ", " erm ", " you know ", " okay so ", " anyway "];

/// The byte ranges (offset by `at`) of `piece`: itself, or its clauses between spoken pauses when
/// it is a run-on sentence.
fn spoken_clauses(piece: &str, at: usize) -> Vec<std::ops::Range<usize>> {
    let run_on = piece.split_whitespace().count() > MAX_SENTENCE_WORDS;
    let mut cuts: Vec<usize> = SPOKEN_PAUSES
        .iter()
        .filter(|_| run_on)
        .flat_map(|pause| piece.match_indices(pause).map(|(found, _)| found + 1))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut ranges = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        ranges.push(at + from..at + cut);
        from = cut;
    }
    ranges.push(at + from..at + piece.len());
    ranges
}

/// The first fallacy found in `lower` (lower-cased text), with the byte range in `lower` of the
/// passage it was found in: one sentence, or two in a row when the reasoning spans them ("We
/// once had a clock bug. That settled it: timestamps are unreliable everywhere.").
pub(super) fn detect_in(lower: &str) -> Option<(FallacyKind, std::ops::Range<usize>)> {
    let pieces = passages(lower);
    let read = |range: std::ops::Range<usize>| padded(&lower[range]);
    for (at, range) in pieces.iter().enumerate() {
        let context_end = pieces.get(at + 1).map_or(range.end, |next| next.end);
        if let Some(kind) = fallacy_in(&read(range.clone()), &read(range.start..context_end)) {
            return Some((kind, range.clone()));
        }
        let Some(before) = at.checked_sub(1).map(|previous| pieces[previous].start) else { continue };
        if let Some(kind) = fallacy_across(&read(before..range.end), &read(before..context_end)) {
            return Some((kind, before..range.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_wording_is_recognised() {
        for (kind, answer) in [
            (FallacyKind::Bandwagon, "We moved because the whole industry has moved to it."),
            (
                FallacyKind::AppealToAuthority,
                "My director said so, so we did it without looking at the graphs.",
            ),
            (
                FallacyKind::HastyGeneralisation,
                "I tried one sprint of pairing and it was slow, so pairing never works.",
            ),
            (FallacyKind::AdHominem, "His design was wrong anyway, he is lazy and arrogant."),
            (FallacyKind::CircularReasoning, "The plan was right because it was the correct plan."),
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()).map(|(k, _)| k), Some(kind), "{answer}");
        }
    }

    #[test]
    fn the_shape_of_the_argument_is_recognised_in_new_words() {
        for (kind, answer) in [
            (
                FallacyKind::CircularReasoning,
                "The service was reliable because we ran it carefully, and we knew we ran it carefully because the service was reliable.",
            ),
            (
                FallacyKind::NoTrueScotsman,
                "They ship without a design review, so they are not a serious business.",
            ),
            (FallacyKind::NoTrueScotsman, "No proper team deploys on a Friday."),
            (
                FallacyKind::PostHoc,
                "We renamed the squads and a quarter later churn fell, which shows the names mattered.",
            ),
            (FallacyKind::HastyGeneralisation, "It failed once, so contractors can never be trusted."),
            (
                FallacyKind::AdHominem,
                "Her analysis said the launch failed, but she had just joined, so we ignored it.",
            ),
            (
                FallacyKind::AppealToAuthority,
                "The founder was sure it would sell, so there was no need to ask users.",
            ),
            (
                FallacyKind::AppealToTradition,
                "We kept the weekly report since it is what the board has read for years.",
            ),
            (FallacyKind::Bandwagon, "We picked it because so many people use it."),
            (
                FallacyKind::CircularReasoning,
                "The queue was the bottleneck because the bottleneck was in the queue.",
            ),
            (
                FallacyKind::SlipperySlope,
                "Once we allow one exception, we will allow them all and the product will be unusable.",
            ),
            (
                FallacyKind::RedHerring,
                "The migration did not finish, but on the other hand I ran the office quiz.",
            ),
            (
                FallacyKind::StrawMan,
                "The designer wanted one more round of tests, which amounts to never shipping, so I said no.",
            ),
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()).map(|(k, _)| k), Some(kind), "{answer}");
        }
    }

    #[test]
    fn the_same_shapes_used_innocently_are_not_a_fallacy() {
        for answer in [
            "We chose the queue because it was cheaper, and cheaper mattered because the budget was cut in half.",
            "The team had no serious incidents in the following year.",
            "It was not a real problem for the team until traffic doubled.",
            "Two months later the error rate had halved, and we checked it against a control group.",
            "A week later latency was down to 90 ms, so we rolled it out to every region.",
            "It seemed like either we rewrote it or kept it, but I did not accept that and found a third option.",
            "The support team had always used a spreadsheet, because it was quick, so I ran a pilot of a ticket tool.",
            "My director told me to drop the feature, but I asked to see the usage data first.",
            "She had just joined and did not understand the billing code yet, so I paired with her for a week.",
            "We cached the results because the results took minutes to compute.",
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()), None, "{answer}");
        }
    }

    #[test]
    fn reasoning_spread_over_two_sentences_is_recognised() {
        for (kind, answer) in [
            (
                FallacyKind::HastyGeneralisation,
                "A contractor once broke our build on release day. That taught me contractors are a risk.",
            ),
            (
                FallacyKind::AppealToAuthority,
                "Our chief scientist wrote the book on it. If she's happy with the model, so am I.",
            ),
            (
                FallacyKind::AppealToTradition,
                "The monthly offsite stays. It is a ritual the team has kept since the first office.",
            ),
            (
                FallacyKind::NoTrueScotsman,
                "A well-run team never misses a sprint goal. If it did, it wasn't well run.",
            ),
            (
                FallacyKind::PostHoc,
                "I moved the stand-up to 10 am. Two months later velocity was up, so clearly the time did it.",
            ),
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()).map(|(k, _)| k), Some(kind), "{answer}");
        }
    }

    #[test]
    fn crowds_chains_and_recast_views_are_recognised_in_new_words() {
        for (kind, answer) in [
            (
                FallacyKind::Bandwagon,
                "Every fintech startup in our building had switched, so it felt like the move.",
            ),
            (
                FallacyKind::SlipperySlope,
                "If we let one team skip reviews, then the others will ask, then quality slips, and before long we are firefighting.",
            ),
            (FallacyKind::StrawMan, "The microservice fans are fine with ten network hops for one page."),
            (FallacyKind::FalseDilemma, "It was all or nothing: rewrite the app, or leave it to rot."),
            (FallacyKind::RedHerring, "Good question. I want to mention that I also run the company choir."),
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()).map(|(k, _)| k), Some(kind), "{answer}");
        }
    }

    #[test]
    fn words_scattered_over_unrelated_sentences_are_not_a_fallacy() {
        for answer in [
            // One case, then a wider look before any lesson.
            "A single customer reported slow exports. I profiled all 40 export jobs and fixed the two slowest.",
            // A credential, then the candidate's own check.
            "The architect who wrote the book on it proposed sharding. I checked his numbers against our traffic first.",
            // A habit, described only to say it was changed.
            "We had kept the manual release ritual for years. Then I measured it and automated it.",
            // One piece of an answer naming every service, the next an incident.
            "We ran all services in one region. One time the region went down, so I set up a failover.",
            // A choice between two options that were weighed.
            "We had to choose between a queue or a cron job, so I compared both on a prototype.",
            "Everyone at the conference talked about it, so we measured it on our own workload first.",
            // "at all" quantifies nothing: no crowd is followed here.
            "Without the fix we could not ship at all, and the company would roll back, so the release slipped a week.",
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()), None, "{answer}");
        }
    }

    #[test]
    fn the_same_words_with_evidence_are_not_a_fallacy() {
        for answer in [
            "Everyone on the team agreed after we measured it: the brokers were the bottleneck.",
            "My director asked for three launches; I showed the risk and she agreed to delay one.",
            "Most companies use it, so we measured it against two others before choosing.",
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()), None, "{answer}");
        }
    }

    #[test]
    fn a_run_on_spoken_sentence_is_read_a_clause_at_a_time_and_a_written_one_whole() {
        let spoken = "so we had this migration um and it went fine you know but the thing is we never checked the old reports and um somebody found a gap in march and after that we wrote a checklist for every migration and nobody skipped it again and it saved us a lot of pain later on with the billing data";
        assert!(spoken.split_whitespace().count() > MAX_SENTENCE_WORDS);
        let clauses: Vec<&str> = passages(spoken).into_iter().map(|range| &spoken[range]).collect();
        assert_eq!(clauses.len(), 4, "{clauses:?}");
        assert_eq!(clauses.concat(), spoken);
        assert!(clauses[1].starts_with("um and it went fine"));
        let written = "We had a migration, um, and it went fine. Then we wrote a checklist.";
        assert_eq!(passages(written).len(), 2);
    }
}
