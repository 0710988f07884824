//! The catalog of logical fallacies the coach flags in interview answers, and the offline
//! coach's detector (catalog phrases, then cues, then a classifier).
//!
//! Each entry has a plain definition and why it can be a red flag in an interview. A detection
//! names a catalog key and why this answer fits (quoting its words); the UI shows both with the
//! disclaimer "Probabilistic coaching, not truth".

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::text::LowerCased;

/// Every fallacy the coach knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FallacyKind {
    Bandwagon,
    AppealToAuthority,
    HastyGeneralisation,
    FalseDilemma,
    SlipperySlope,
    AdHominem,
    CircularReasoning,
    PostHoc,
    AppealToTradition,
    RedHerring,
    StrawMan,
    NoTrueScotsman,
}

/// One catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fallacy {
    pub kind: FallacyKind,
    pub name: &'static str,
    pub definition: &'static str,
    pub interview_risk: &'static str,
    /// Lower-case phrases that suggest it (the offline detector).
    patterns: &'static [&'static str],
}

pub const CATALOG: &[Fallacy] = &[
    Fallacy {
        kind: FallacyKind::Bandwagon,
        name: "Bandwagon",
        definition: "Treating something as right or best because many people do it or believe it.",
        interview_risk: "It suggests the choice was not weighed on its merits for this situation.",
        patterns: &[
            "everyone uses",
            "everybody uses",
            "everyone knows",
            "everybody knows",
            "everyone does",
            "everybody does",
            "all the big companies",
            "most companies use",
            "everyone is moving to",
        ],
    },
    Fallacy {
        kind: FallacyKind::AppealToAuthority,
        name: "Appeal to Authority",
        definition: "Claiming something is true or right because an authority said so, instead of giving the reasons.",
        interview_risk: "Interviewers want your own reasoning; deferring to rank hides whether you understood the trade-offs.",
        patterns: &[
            "because my manager said",
            "because my boss said",
            "my boss told me",
            "my manager told me",
            "the cto said",
            "because google does",
            "because the experts say",
            "an expert told",
            "because the architect said",
            "my lead told me",
        ],
    },
    Fallacy {
        kind: FallacyKind::HastyGeneralisation,
        name: "Hasty Generalisation",
        definition: "Drawing a broad conclusion from one or a few cases.",
        interview_risk: "It signals conclusions drawn without enough evidence, a risk in debugging and design decisions.",
        patterns: &[
            "tried it once and",
            "one time it",
            "after one project",
            "it always fails",
            "it never works",
            "all junior developers",
            "all managers are",
            "every tester",
            "that proves that all",
        ],
    },
    Fallacy {
        kind: FallacyKind::FalseDilemma,
        name: "False Dilemma",
        definition: "Presenting two options as the only ones when others exist.",
        interview_risk: "It suggests a narrow view of solutions; strong candidates explore the option space.",
        patterns: &[
            "either we",
            "either you",
            "the only two options",
            "only two choices",
            "only two options",
            "there was no other way",
            "there is no other way",
            "no other option",
            "it was that or",
        ],
    },
    Fallacy {
        kind: FallacyKind::SlipperySlope,
        name: "Slippery Slope",
        definition: "Claiming a small step will inevitably lead to an extreme outcome, without showing the chain.",
        interview_risk: "It can read as alarmism; interviewers look for proportionate, evidence-based risk assessment.",
        patterns: &[
            "next thing you know",
            "before you know it",
            "will inevitably lead",
            "would inevitably lead",
            "it's a slippery slope",
            "it is a slippery slope",
            "would end up destroying",
            "will end up destroying",
            "the whole company would collapse",
        ],
    },
    Fallacy {
        kind: FallacyKind::AdHominem,
        name: "Ad Hominem",
        definition: "Attacking the person rather than their argument or work.",
        interview_risk: "Blaming or disparaging colleagues is a strong negative signal about collaboration.",
        patterns: &[
            "was an idiot",
            "were idiots",
            "is an idiot",
            "are idiots",
            "was incompetent",
            "were incompetent",
            "is incompetent",
            "are incompetent",
            "was clueless",
            "were clueless",
            "is stupid",
            "was stupid",
            "too lazy to",
        ],
    },
    Fallacy {
        kind: FallacyKind::CircularReasoning,
        name: "Circular Reasoning",
        definition: "Using the conclusion as its own reason.",
        interview_risk: "It gives no actual justification, which interviewers read as not knowing the why.",
        patterns: &[
            "because it is the best",
            "because it's the best",
            "works because it works",
            "good because it is good",
            "right because it is right",
            "better because it is better",
        ],
    },
    Fallacy {
        kind: FallacyKind::PostHoc,
        name: "Post Hoc",
        definition: "Assuming that because B followed A, A caused B.",
        interview_risk: "Claiming credit for outcomes without evidence of cause undermines the credibility of your results.",
        patterns: &[
            "ever since i joined",
            "since i joined",
            "after i joined",
            "as soon as i arrived",
            "right after i started",
            "after i took over",
        ],
    },
    Fallacy {
        kind: FallacyKind::AppealToTradition,
        name: "Appeal to Tradition",
        definition: "Arguing something is right because it has always been done that way.",
        interview_risk: "It suggests resistance to improvement and change.",
        patterns: &[
            "always done it this way",
            "always done it that way",
            "always been done this way",
            "always been done that way",
            "the way we have always",
            "the way we've always",
            "how it has always been done",
            "we've always done it",
        ],
    },
    Fallacy {
        kind: FallacyKind::RedHerring,
        name: "Red Herring",
        definition: "Steering away from the question to a different, easier topic.",
        interview_risk: "Avoiding the question makes interviewers suspect a gap in the skill being asked about.",
        patterns: &[
            "but what really matters is",
            "anyway, the real issue",
            "that's not really important, what",
            "instead, let me talk about",
            "more importantly, let me tell you about",
            "let me change the subject",
        ],
    },
    Fallacy {
        kind: FallacyKind::StrawMan,
        name: "Straw Man",
        definition: "Misrepresenting an opposing view to make it easier to dismiss.",
        interview_risk: "It suggests you do not engage fairly with other people's ideas, which hurts teamwork.",
        patterns: &[
            "so they were basically saying",
            "people who want tests just want",
            "they wanted us to never",
            "as if we should never",
            "their idea was basically to do nothing",
            "they just want to slow everything down",
        ],
    },
    Fallacy {
        kind: FallacyKind::NoTrueScotsman,
        name: "No True Scotsman",
        definition: "Dismissing counter-examples by redefining the group to exclude them.",
        interview_risk: "It reads as dogmatic and can signal gatekeeping, a culture red flag.",
        patterns: &[
            "no real engineer",
            "no true engineer",
            "no real developer",
            "no real programmer",
            "a real engineer would never",
            "a real developer would never",
            "real programmers don't",
            "real engineers don't",
            "no serious developer",
        ],
    },
];

impl FallacyKind {
    /// The kind a catalog key names ("post_hoc"), as stored and as the models write it.
    pub fn from_key(key: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(key.to_owned())).ok()
    }

    /// The catalog entry for this kind.
    pub fn entry(self) -> &'static Fallacy {
        CATALOG.iter().find(|f| f.kind == self).expect("every FallacyKind has a catalog entry")
    }
}

/// A fallacy found in an answer: which one, and why this answer fits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FallacyFinding {
    pub kind: FallacyKind,
    pub why: String,
}

impl FallacyFinding {
    /// The text stored in `suggestions.fallacy_explanation`: what the fallacy is, why the answer
    /// fits, and why it matters in an interview.
    pub fn explanation(&self) -> String {
        let entry = self.kind.entry();
        format!("{} {} {}", entry.definition, self.why, entry.interview_risk)
    }
}

/// The offline detector, quoting the answer back: the first catalog phrase found in it; else the
/// first passage whose wording fits a cue (`fallacy_cues`); else the passage the classifier
/// trained on labelled passages is surest of (`fallacy_classifier`), if it is sure enough.
pub fn detect(answer: &str) -> Option<FallacyFinding> {
    let lower = LowerCased::new(answer);
    let by_phrase = CATALOG.iter().find_map(|fallacy| {
        fallacy.patterns.iter().find_map(|pattern| {
            let matched = lower.find_all_lower(pattern).find(|at| {
                let sentence = sentence_range(lower.as_str(), at.clone());
                !super::fallacy_cues::checked_or_rejected(fallacy.kind, lower.as_str(), sentence)
            })?;
            let quote = quote_around(answer, lower.original_range(matched));
            Some(FallacyFinding {
                kind: fallacy.kind,
                why: format!("Your answer says \u{201c}{quote}\u{201d}."),
            })
        })
    });
    by_phrase.or_else(|| {
        let (kind, passage) = cue_or_classifier(lower.as_str()).filter(|(kind, passage)| {
            !super::fallacy_cues::checked_or_rejected(*kind, lower.as_str(), passage.clone())
        })?;
        let passage = lower.original_range(passage);
        let quote = answer[passage].trim();
        let quote = if quote.chars().count() <= MAX_QUOTE_CHARS {
            quote.to_owned()
        } else {
            super::text::shorten(quote, MAX_QUOTE_CHARS)
        };
        Some(FallacyFinding { kind, why: format!("Your answer says \u{201c}{quote}\u{201d}.") })
    })
}

/// A cue's finding is dropped when the classifier finds its passage this much likelier (as a
/// natural logarithm) to be sound reasoning than the cue's fallacy.
const CUE_VETO_LOG_ODDS: f64 = 20.0;

/// The fallacy the cue words find in `lower`, weighed by the classifier, or else the classifier's
/// own finding:
/// - a cue the classifier finds far likelier sound than fallacious is dropped
///   ([`CUE_VETO_LOG_ODDS`]);
/// - a cue the classifier leans against (odds below even) gives way to a different fallacy the
///   classifier is confident of: cue words of one kind often sit inside another kind's reasoning
///   ("if you take one little change … the team's working weekends and people burn out" holds a
///   crowd's words in a slippery slope).
fn cue_or_classifier(lower: &str) -> Option<(FallacyKind, Range<usize>)> {
    let by_classifier = || super::fallacy_classifier::detect_in(lower);
    let Some((kind, passage)) = super::fallacy_cues::detect_in(lower) else {
        return by_classifier();
    };
    let log_odds = super::fallacy_classifier::log_odds(kind, &lower[passage.clone()]);
    if log_odds <= -CUE_VETO_LOG_ODDS {
        return by_classifier();
    }
    if log_odds < 0.0
        && let Some(other) = by_classifier().filter(|(other, _)| *other != kind)
    {
        return Some(other);
    }
    Some((kind, passage))
}

/// Where one sentence ends and the next begins, for quoting.
const SENTENCE_ENDS: [char; 4] = ['.', '!', '?', '\n'];
/// Longer sentences are not quoted whole: only the words that matched.
const MAX_QUOTE_CHARS: usize = 160;

/// The sentence of `text` around `matched` (a range of `text` itself, on character boundaries).
fn sentence_around(text: &str, matched: Range<usize>) -> &str {
    text[sentence_range(text, matched)].trim()
}

/// The byte range of the sentence of `text` around `matched`, without its end mark.
fn sentence_range(text: &str, matched: Range<usize>) -> Range<usize> {
    let begin = text[..matched.start].rfind(SENTENCE_ENDS).map_or(0, |i| i + 1);
    let end = text[matched.end..].find(SENTENCE_ENDS).map_or(text.len(), |i| matched.end + i);
    begin..end
}

/// The sentence of `answer` around `matched` (a range of `answer` itself, on character
/// boundaries), or only the matched words when the sentence is too long to quote.
fn quote_around(answer: &str, matched: Range<usize>) -> &str {
    let sentence = sentence_around(answer, matched.clone());
    if sentence.chars().count() <= MAX_QUOTE_CHARS { sentence } else { &answer[matched] }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two labelled examples per fallacy.
    const EXAMPLES: &[(FallacyKind, &str)] = &[
        (FallacyKind::Bandwagon, "We picked Kubernetes because everyone uses it nowadays."),
        (
            FallacyKind::Bandwagon,
            "Everybody knows microservices are the right architecture, so we split the monolith.",
        ),
        (FallacyKind::AppealToAuthority, "I chose MongoDB because my manager said it scales better."),
        (FallacyKind::AppealToAuthority, "We rewrote it in Go because Google does it that way."),
        (
            FallacyKind::HastyGeneralisation,
            "I tried it once and pair programming slowed us down, so it never helps.",
        ),
        (FallacyKind::HastyGeneralisation, "In my experience all junior developers write untested code."),
        (FallacyKind::FalseDilemma, "Either we shipped without tests or we missed the deadline."),
        (FallacyKind::FalseDilemma, "There were only two options: rewrite everything or keep the bugs."),
        (
            FallacyKind::SlipperySlope,
            "If we allow one exception to the code review rule, next thing you know nobody reviews anything.",
        ),
        (FallacyKind::SlipperySlope, "Skipping one retro will inevitably lead to the team falling apart."),
        (FallacyKind::AdHominem, "The other team's proposal was bad because their lead was an idiot."),
        (FallacyKind::AdHominem, "I ignored the QA findings since the testers were incompetent."),
        (FallacyKind::CircularReasoning, "Rust is the right choice because it is the best language."),
        (FallacyKind::CircularReasoning, "Our process works because it works, so we never changed it."),
        (
            FallacyKind::PostHoc,
            "Ever since I joined, customer churn has gone down, so my work reduced churn.",
        ),
        (FallacyKind::PostHoc, "After I took over the project, sales went up by 20%."),
        (FallacyKind::AppealToTradition, "We deploy on Fridays because we've always done it that way."),
        (
            FallacyKind::AppealToTradition,
            "That is how it has always been done here, so I kept the manual release.",
        ),
        (
            FallacyKind::RedHerring,
            "About the outage, but what really matters is that our team has great culture.",
        ),
        (
            FallacyKind::RedHerring,
            "I did not finish the migration. Instead, let me talk about my open-source work.",
        ),
        (FallacyKind::StrawMan, "The people who want tests just want to slow everything down."),
        (
            FallacyKind::StrawMan,
            "The security team wanted stricter reviews; they just want to slow everything down.",
        ),
        // A recast view that sweeps ("everything", "all") is still the recast, not a sweep.
        (
            FallacyKind::StrawMan,
            "The tech lead argued against canary releases because of the extra tooling, which \
             basically means he wanted us to ship everything to all users at once and pray.",
        ),
        (FallacyKind::NoTrueScotsman, "No real engineer would ever use a GUI for git."),
        (FallacyKind::NoTrueScotsman, "Real programmers don't need code comments."),
    ];

    /// Strong answers: specific, reasoned, and free of fallacies.
    const STRONG: &[&str] = &[
        "In 2022 our checkout API had a p95 of 800 ms. I profiled it, found N+1 queries in the cart \
         service, batched them and added an index; p95 fell to 120 ms and conversion rose 3% over \
         the next quarter, which we confirmed with an A/B test.",
        "When two engineers disagreed on the queue technology, I set up a one-day spike measuring \
         throughput and operational cost for Kafka and SQS. The data favoured SQS for our volume, \
         we documented the trade-offs, and both engineers signed off.",
        "I led the migration to PostgreSQL: I wrote a dual-write plan, ran shadow reads for two \
         weeks, fixed 14 mismatches, and cut over with 4 minutes of read-only time.",
    ];

    #[test]
    fn the_catalog_has_at_least_twelve_complete_entries() {
        assert!(CATALOG.len() >= 12);
        for entry in CATALOG {
            assert!(
                !entry.name.is_empty() && !entry.definition.is_empty() && !entry.interview_risk.is_empty()
            );
            assert!(!entry.patterns.is_empty(), "{} has no patterns", entry.name);
            assert_eq!(entry.kind.entry().name, entry.name);
        }
    }

    #[test]
    fn every_fallacy_is_detected_on_its_examples() {
        let mut hits = 0;
        for (expected, answer) in EXAMPLES {
            let found = detect(answer).map(|f| f.kind);
            assert_eq!(found, Some(*expected), "{answer}");
            hits += 1;
        }
        println!("fallacy detection: {hits}/{} labelled examples", EXAMPLES.len());
    }

    #[test]
    fn strong_answers_are_not_flagged() {
        for answer in STRONG {
            assert_eq!(detect(answer), None, "{answer}");
        }
    }

    #[test]
    fn an_assumption_the_answer_goes_on_to_check_is_not_a_fallacy() {
        let assumed = "We moved the nightly import to a bigger machine in May. In June the support \
                       queue was half as long, so the bigger machine is what fixed support.";
        assert_eq!(detect(assumed).map(|f| f.kind), Some(FallacyKind::PostHoc));
        let checked =
            format!("{assumed} To be sure, I moved one region back for two weeks and its queue grew again.");
        assert_eq!(detect(&checked), None, "{checked}");
        // Saying something afterwards is not checking it.
        let said = format!("{assumed} I said we should keep the bigger machine.");
        assert_eq!(detect(&said).map(|f| f.kind), Some(FallacyKind::PostHoc));
        // Check words before the claim, or inside it, do not clear it.
        let before = format!("I compared two vendors last year. {assumed}");
        assert_eq!(detect(&before).map(|f| f.kind), Some(FallacyKind::PostHoc));
        // A check after a "but" in the same sentence comes after the claim too.
        let label =
            "Her last manager said her reports were late because she was lazy, so I moved her off reporting.";
        assert!(detect(label).is_some(), "{label}");
        let but_checked = "Her last manager said her reports were late because she was lazy, but I \
                           compared her queue with the others' and found twice the load.";
        assert_eq!(detect(but_checked), None, "{but_checked}");
        // Only for fallacies whose flaw is a missing check: a false choice stays one.
        let dilemma = "It was either a full rewrite or living with the outages forever. To be sure, I compared the two.";
        assert_eq!(detect(dilemma).map(|f| f.kind), Some(FallacyKind::FalseDilemma));
        // Unless both sides of the choice were tried, in the same sentence or after it.
        let both = "It was either a full rewrite or living with the outages, and we tested both on one service each.";
        assert_eq!(detect(both), None, "{both}");
        let later = format!("{dilemma} We tried both for a month.");
        assert_eq!(detect(&later), None, "{later}");
    }

    #[test]
    fn reasoning_stated_only_to_be_rejected_is_not_a_fallacy() {
        let stated = "The team wanted the vendor because everyone uses it.";
        assert_eq!(detect(stated).map(|f| f.kind), Some(FallacyKind::Bandwagon));
        // Rejected in the sentence after it (the phrase's sentence ends before its full stop).
        let rejected = format!("{stated} That is not a reason by itself, so we wrote down our requirements.");
        assert_eq!(detect(&rejected), None, "{rejected}");
        // Rejected in the same sentence: two options named as a false framing.
        let framed = "We argued about whether to rewrite it or to keep patching it forever, as if those were \
                      the only two choices.";
        assert_eq!(detect(framed), None, "{framed}");
        // Two sentences on, it is no longer an answer to that reasoning.
        let later = format!("{stated} We signed in May. The price was not a reason to leave.");
        assert_eq!(detect(&later).map(|f| f.kind), Some(FallacyKind::Bandwagon));
        // A verdict on a person is the ad hominem itself, not a rejection of it.
        let dismissed = "He is lazy, so his view didn't matter to me.";
        assert_eq!(detect(dismissed).map(|f| f.kind), Some(FallacyKind::AdHominem));
    }

    #[test]
    fn a_cue_the_classifier_leans_against_gives_way_to_the_fallacy_it_is_sure_of() {
        // "At one of our offices … never" has the words of a sweeping claim from one case; the
        // classifier leans against that reading and is sure of the dodge two sentences before.
        let dodge = "Code review, sure. I'd actually say the bigger issue in our industry is how underpaid \
                     testers are. At one of our offices the only tester was covering three teams at once \
                     while also on call, and directors never account for that in their plans.";
        assert_eq!(detect(dodge).map(|f| f.kind), Some(FallacyKind::RedHerring), "{dodge}");
    }

    #[test]
    fn lazy_loading_is_a_technique_not_a_trait() {
        let lazy = "The lazy loading default was wrong for our order list, so I switched that query to \
                    eager loading and the page went from 300 queries to 3.";
        assert_eq!(detect(lazy), None, "{lazy}");
        assert_eq!(
            detect("He is lazy, so I redid his query myself.").map(|f| f.kind),
            Some(FallacyKind::AdHominem)
        );
    }

    /// The quoted words of a finding (what `why` puts between the quotation marks).
    fn quote(finding: &FallacyFinding) -> &str {
        finding
            .why
            .strip_prefix("Your answer says \u{201c}")
            .and_then(|rest| rest.strip_suffix("\u{201d}."))
            .expect("`why` quotes the answer")
    }

    #[test]
    fn kelvin_sign_and_capital_a_stroke_do_not_panic_the_fallacy_quote() {
        // Lower-cased, the Kelvin sign loses two bytes and each "Ⱥ" gains one: the total length
        // stays, but the match is found two bytes earlier than it is in the answer, inside the
        // Kelvin sign.
        let answer = "\u{212A} everyone uses it \u{23A}\u{23A}";
        assert_eq!(answer.to_lowercase().len(), answer.len());

        let finding = detect(answer).expect("the bandwagon phrase is found");

        assert_eq!(finding.kind, FallacyKind::Bandwagon);
        assert_eq!(quote(&finding), answer);
    }

    #[test]
    fn a_sentence_too_long_to_quote_gives_exactly_the_matched_words_after_a_kelvin_sign() {
        let long = "we compared many queue technologies over several weeks of careful measurement ".repeat(3);
        let answer = format!("\u{212A}afka. In the end {long}and everyone uses it anyway \u{23A}\u{23A}.");
        assert_eq!(answer.to_lowercase().len(), answer.len());

        let finding = detect(&answer).expect("the bandwagon phrase is found");

        assert_eq!(quote(&finding), "everyone uses");
    }

    #[test]
    fn the_quote_keeps_the_answers_own_capitals_when_lower_casing_changes_its_length() {
        // "İ" lower-cases to two characters, so the lower-cased answer is longer.
        let answer = "İstanbul office. EVERYONE KNOWS microservices scale \u{1E9E}. Done.";

        let finding = detect(answer).expect("the bandwagon phrase is found");

        assert_eq!(quote(&finding), "EVERYONE KNOWS microservices scale \u{1E9E}");
    }

    #[test]
    fn a_phrase_spelt_with_a_kelvin_sign_is_detected_and_quoted_as_written() {
        let answer = "Everyone \u{212A}nows it is the right architecture";

        let finding = detect(answer).expect("the Kelvin sign lower-cases to k");

        assert_eq!(quote(&finding), answer);
    }

    #[test]
    fn the_explanation_quotes_the_answer_and_says_why_it_matters() {
        let finding = detect("We use Kafka. Honestly, everyone uses it. It was easy.").unwrap();
        assert_eq!(finding.why, "Your answer says \u{201c}Honestly, everyone uses it\u{201d}.");
        let explanation = finding.explanation();
        assert!(explanation.starts_with("Treating something as right"));
        assert!(explanation.contains("weighed on its merits"));
    }

    #[test]
    fn popularity_or_habit_that_was_then_put_to_the_test_is_no_fallacy() {
        for answer in [
            "We looked at Airflow because it is the most popular, but we ran a two week trial of Airflow and Prefect on our three most painful pipelines.",
            "Our team had always budgeted cloud as last year plus ten percent. I was asked whether to keep that rule. I reviewed three years of actuals against it.",
            "We had always kept lineage by hand in a spreadsheet, but when we actually checked it against the parsed SQL it was 94 percent right.",
        ] {
            assert_eq!(detect(answer), None, "{answer}");
        }
        let unchecked = "We moved to Kafka because the whole industry has moved to it.";
        assert_eq!(detect(unchecked).map(|f| f.kind), Some(FallacyKind::Bandwagon));
    }

    #[test]
    fn two_options_imposed_by_a_contract_or_a_rule_are_no_false_dilemma() {
        let imposed = "The contract only allowed two options at renewal, stay on the 50 seat tier or go to unlimited, so it really was A or B.";
        assert_eq!(detect(imposed), None);
        let framed = "Either we shipped without tests or we missed the deadline.";
        assert_eq!(detect(framed).map(|f| f.kind), Some(FallacyKind::FalseDilemma));
    }

    #[test]
    fn a_cue_is_dropped_when_the_classifier_reads_its_passage_as_sound_by_a_wide_margin() {
        // "one time" and "all" meet in a run-on spoken sentence about a late file: the cue words
        // of a hasty generalisation, in a passage that draws no rule at all.
        let spoken = "um there was this one time the vendor file came late and before the split the whole thing would just fail at 2am and someone reran it all by hand at like 7 which took four hours but afterwards the later steps just waited for the file and ran when it landed";
        let cue = super::super::fallacy_cues::detect_in(spoken);
        assert_eq!(cue.as_ref().map(|(kind, _)| *kind), Some(FallacyKind::HastyGeneralisation));
        let (kind, passage) = cue.expect("checked above");
        assert!(super::super::fallacy_classifier::log_odds(kind, &spoken[passage]) <= -CUE_VETO_LOG_ODDS);
        assert_eq!(detect(spoken), None);
    }
}
