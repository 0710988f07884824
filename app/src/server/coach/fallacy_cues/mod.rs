//! Fallacies in ordinary wording: for each catalog kind, combinations of cue words that must all
//! occur in one sentence (one word from each group), unless the sentence also gives evidence.
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
    fn fits(&self, sentence: &str) -> bool {
        self.all.iter().all(|group| contains_any(sentence, group))
            && !self.unless.iter().any(|group| contains_any(sentence, group))
    }
}

fn cues(kind: FallacyKind) -> &'static [Cue] {
    match kind {
        FallacyKind::Bandwagon => &[Cue { all: &[CROWD], unless: &[EVIDENCE] }],
        FallacyKind::AppealToAuthority => {
            &[Cue { all: &[SUPERIOR, DEFERS, CONCLUDES], unless: &[EVIDENCE, QUESTIONED] }]
        }
        FallacyKind::HastyGeneralisation => &[
            Cue { all: &[ONE_CASE, SWEEPING], unless: &[EVIDENCE, FUTURE] },
            // Here the one case may be an experiment: "one experiment … so I concluded …".
            Cue { all: &[&["one ", "single"], GENERALISES, SWEEPING], unless: &[FUTURE, &["measured"]] },
        ],
        FallacyKind::FalseDilemma => &[
            Cue { all: &[FORCED_CHOICE], unless: &[] },
            Cue {
                all: &[&["either "], &[" or "], &["forever", "never", "only", "had to", "leave", "no other"]],
                unless: &[],
            },
        ],
        FallacyKind::SlipperySlope => &[
            Cue { all: &[&["if "], CHAIN, CATASTROPHE], unless: &[EVIDENCE] },
            Cue {
                all: &[&["once we", "once you", "the moment we", "as soon as we"], &[" will "], CATASTROPHE],
                unless: &[EVIDENCE],
            },
        ],
        FallacyKind::AdHominem => &[
            Cue { all: &[PERSONAL], unless: &[] },
            Cue { all: &[TRAIT, THEIR_POINT, DISMISSED], unless: &[] },
        ],
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
        ],
        FallacyKind::AppealToTradition => &[
            Cue { all: &[HABIT, JUSTIFIES], unless: &[EVIDENCE] },
            Cue { all: &[HABIT_AS_REASON, LONG_TIME], unless: &[EVIDENCE] },
        ],
        FallacyKind::RedHerring => &[
            Cue { all: &[CONCEDES, PIVOT], unless: &[] },
            Cue { all: &[FAILURE, &["but on the other hand"]], unless: &[] },
        ],
        FallacyKind::StrawMan => &[Cue { all: &[RECAST, OTHERS], unless: &[] }],
        FallacyKind::NoTrueScotsman => &[Cue { all: &[PURITY, MEMBER, EXCLUDES], unless: &[] }],
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
/// either X or Y, but I did not accept that framing").
const REJECTED: &[&str] = &[
    "did not accept",
    "didn't accept",
    "did not buy",
    "didn't buy",
    "false choice",
    "third option",
    "a middle option",
    "looked like either",
    "seemed like either",
    "i pushed back on that",
];

/// Whether `sentence` (lower-cased) states a fallacy's reasoning only to reject it.
pub(super) fn rejects_the_reasoning(sentence: &str) -> bool {
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

/// Fallacies recognised by the shape of the sentence rather than by a set of words.
fn has_the_shape_of(kind: FallacyKind, sentence: &str) -> bool {
    match kind {
        FallacyKind::CircularReasoning => {
            restates_itself(sentence) || reasons_in_a_circle(sentence) || reason_repeats_the_claim(sentence)
        }
        FallacyKind::NoTrueScotsman => excludes_from_a_pure_group(sentence),
        FallacyKind::AppealToTradition => because_of_habit(sentence) && !contains_any(sentence, EVIDENCE),
        _ => false,
    }
}

/// The first catalog kind whose cues all occur in one sentence of `lower` (lower-cased text),
/// with the byte range of that sentence in `lower`.
pub(super) fn detect_in(lower: &str) -> Option<(FallacyKind, std::ops::Range<usize>)> {
    let mut start = 0;
    for piece in lower.split_inclusive(['.', '!', '?', '\n', ';']) {
        let range = start..start + piece.len();
        start = range.end;
        // Commas, colons, brackets and quotes read as spaces: "once, which" has "once ".
        let sentence = format!(" {} ", piece.trim_end_matches(['.', '!', '?', '\n', ';']))
            .replace([',', ':', '(', ')', '"', '\u{201c}', '\u{201d}'], " ");
        for entry in super::fallacies::CATALOG {
            let fits = cues(entry.kind).iter().any(|cue| cue.fits(&sentence))
                || has_the_shape_of(entry.kind, &sentence);
            if fits && !rejects_the_reasoning(&sentence) {
                return Some((entry.kind, range));
            }
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
    fn the_same_words_with_evidence_are_not_a_fallacy() {
        for answer in [
            "Everyone on the team agreed after we measured it: the brokers were the bottleneck.",
            "My director asked for three launches; I showed the risk and she agreed to delay one.",
            "Most companies use it, so we measured it against two others before choosing.",
        ] {
            assert_eq!(detect_in(&answer.to_lowercase()), None, "{answer}");
        }
    }
}
