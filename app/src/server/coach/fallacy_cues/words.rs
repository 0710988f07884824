//! The vocabulary of the fallacy cues: groups of words and phrases, lower-case, matched inside
//! one sentence of the answer (`super::cues` says which groups make which fallacy).
//!
//! A phrase with a leading or trailing space must stand as a word ("once ", " all "): the
//! sentence is padded with spaces and its commas, colons, brackets and quotes read as spaces.

/// Words that show the candidate questioned a superior instead of deferring (besides evidence).
pub(super) const QUESTIONED: &[&str] = &[
    "but i asked",
    "but i wanted",
    "asked for evidence",
    "data first",
    "pushed back",
    // The candidate's own word ("so I said no") is not a superior's.
    "i said",
    "we said",
    "i checked",
    "what specifically",
    "asked her what",
    "asked him what",
    "asked them what",
    "checked his",
    "checked her",
    "checked their",
    "i verified",
];

/// Words that show a claim made earlier in the answer was then put to the test (besides
/// evidence). Not the candidate's own say-so ("I said we should roll it back"): that checks nothing.
pub(super) const CHECKED: &[&str] = &[
    "i checked",
    "i verified",
    "asked for evidence",
    "data first",
    "to be sure",
    "to make sure",
    "to check",
    "we checked",
    "reverted",
    "rolled back",
    "control arm",
    "compared",
    "replayed",
    "evidence",
    "sat with",
    "sat down with",
    "asked to see",
    "reviewed",
    "looked back",
    "a trial",
    "week trial",
    "actually checked",
    "checked it against",
    "rolled it back",
    "rolled the change back",
];

/// "Lazy" as a technical term, not a trait of a person.
pub(super) const LAZY_TECHNIQUE: &[&str] = &["lazy load", "lazy-load", "lazy evaluat", "lazy initiali"];

/// Words that show both sides of a choice were tried, which makes it a comparison.
pub(super) const BOTH_TRIED: &[&str] = &[
    "tested both",
    "test both",
    "tried both",
    "try both",
    "ran both",
    "piloted both",
    "both variants",
    "both arms",
];

/// A comparison that isolates a cause.
pub(super) const CONTROLLED: &[&str] =
    &["a/b test", "control group", "control arm", "holdout", "held-out", "randomi", "experiment"];

/// A plan for the future (a chain of consequences), not a rule drawn from one past case.
pub(super) const FUTURE: &[&str] = &[" will ", "end up"];

/// Words that show a claim was checked, which turn most cues off.
pub(super) const EVIDENCE: &[&str] = &[
    "measured",
    "benchmark",
    "a/b test",
    "experiment",
    "control group",
    "holdout",
    "we tested",
    "the data showed",
    "measuring",
    "verified",
    "fault-injection",
    "fault injection",
    "confirm",
    "reproduced",
    "simulated",
];

pub(super) const CROWD: &[&str] = &[
    "whole industry",
    "the industry has",
    "everyone in the industry",
    "whole market",
    "every serious company",
    "all the startups",
    "all the big",
    "followed the crowd",
    "everybody is on",
    "everyone is on",
    "what everyone does",
    "like everyone else",
    "everyone else does",
    "everyone else is doing",
    "everyone else uses",
    "everyone else was doing",
    "everyone else was using",
    "what everyone else",
    "most companies",
    "the trend",
    "serious companies",
    "all the serious",
    "everybody uses",
    "everyone uses",
    "nobody writes",
    "nobody uses anything else",
    "all the cool",
    "every big tech",
    "every company does",
    "so many people",
    "can't all be wrong",
    "cannot all be wrong",
    "all the popular",
    "most popular",
    "everyone recommends",
    "everybody recommends",
    "what most people do",
    "modern companies",
    "what companies do",
    "what everybody does",
    "what all companies",
];
pub(super) const SUPERIOR: &[&str] = &[
    "director",
    "manager",
    "boss",
    "cto",
    "ceo",
    "vp ",
    "vp of",
    "head of",
    "principal",
    "architect",
    "professor",
    "expert",
    "my lead",
    "senior partner",
    "chief",
    "officer",
    "founder",
];
/// A superior's word taken as settling it.
pub(super) const DEFERS: &[&str] = &[
    "said",
    "was sure",
    "was certain",
    "track record",
    "years of experience",
    "reputation",
    "does not make mistakes",
    "doesn't make mistakes",
    "is never wrong",
    "cannot be wrong",
    "can't be wrong",
    "told us",
    "told me",
    "insisted",
    "decided",
    "knows best",
    "knows the users best",
    "settled",
    "wrote it",
    "must be correct",
    "must be right",
    "without reading",
    "without question",
];
pub(super) const CONCLUDES: &[&str] = &[
    "because",
    "so we",
    "so it",
    "so i",
    "so that",
    "settled",
    "not my place",
    "do not argue",
    "don't argue",
    "without looking",
    "had to be",
    "no reason to",
    "no need to",
    "did not need to",
    "didn't need to",
    "never looked",
    "without testing",
    "without checking",
];
pub(super) const ONE_CASE: &[&str] = &[
    "once ",
    "one time",
    "for one ",
    "one bootcamp",
    "one graduate",
    "one intern",
    "one project",
    "one incident",
    "the one time",
    "one sprint",
];
/// Words that turn one case into a rule ("which taught me that …").
pub(super) const GENERALISES: &[&str] = &[
    "concluded",
    "taught me",
    "showed me",
    "proves",
    "proved that",
    "from then on",
    "i know that",
    "i learned that",
    "i learnt that",
];
pub(super) const SWEEPING: &[&str] = &[
    " never ",
    "always",
    "useless",
    "can't be trusted",
    "cannot be trusted",
    " all ",
    "any audience",
    "nobody",
];
pub(super) const FORCED_CHOICE: &[&str] = &[
    "two choices",
    "two paths",
    "two options",
    "just two",
    "only two",
    "nothing in between",
    "no middle ground",
    "no third option",
    "or go back to",
    "or they could leave",
    "two moves",
    "really got two",
    "only got two",
];
pub(super) const CHAIN: &[&str] =
    &["then ", "next ", "soon ", "before long", "eventually", "in a year", "until "];
pub(super) const CATASTROPHE: &[&str] = &[
    "goes under",
    "go under",
    "collapse",
    "no business",
    "nobody",
    "everything",
    "terrible",
    "destroy",
    "ruin",
    "shipped nothing",
    "chaos",
    "unusable",
    "garbage",
    "disaster",
    "fall apart",
    "grind to a halt",
    "worthless",
    "out of business",
    "lose all",
    "lost all",
    "lost our biggest",
    "bankrupt",
    "on fire",
    "burns out",
    "burn out",
    "quits",
    "tanks",
    "flooded",
    "renegotiat",
    "lawyers",
    "every department",
    "stops trusting",
    "stop trusting",
];
pub(super) const PERSONAL: &[&str] = &[
    "arrogant",
    "lazy",
    "idiot",
    "incompetent",
    "famously difficult",
    "disorganised",
    "disorganized",
    "always late",
    "bad with computers",
    "failed her",
    "failed his",
    "only been here",
    "seemed lost",
    "are just salespeople",
    "never written a line",
    "what do you expect from",
    "no clue",
];
pub(super) const AFTER: &[&str] = &[
    "right after i",
    "after i ",
    "once i ",
    "the next week",
    "the next month",
    "the next day",
    "on tuesday",
    "on monday",
    "since i ",
    "as soon as i",
    // A change, then a later month in the same sentence: "switched in May and in June ...".
    "and in january",
    "by january",
    "and in february",
    "by february",
    "and in march",
    "by march",
    "and in april",
    "by april",
    "and in may",
    "by may",
    "and in june",
    "by june",
    "and in july",
    "by july",
    "and in august",
    "by august",
    "and in september",
    "by september",
    "and in october",
    "by october",
    "and in november",
    "by november",
    "and in december",
    "by december",
    "after we ",
    "after switching",
    "since we ",
];
pub(super) const SO_CAUSED: &[&str] =
    &["so ", "which shows", "clearly", "was what drove", "must have", "that's why", "proves"];
/// A causal claim stated outright (stronger than a plain "so").
pub(super) const CLAIMS_CAUSE: &[&str] =
    &["clearly", "obviously", "which shows", "proves", "must have", "was what", "were what", "that's why"];
pub(super) const HABIT: &[&str] = &[
    "always been",
    "had always",
    "has always",
    "always worked",
    "the way things have always",
    "had done it for",
    "been that way",
    "used to it",
    "previous manager did",
    "since the company started",
    "always use",
    "how it has been done",
    "how it's been done",
    "how we have always",
    "since the beginning",
    "since day one",
    "ritual",
    "since back when",
    "since well before",
    "since before i joined",
    "long history",
    "how it's done",
    "how it is done",
    "for over ten years",
    "twenty-plus years",
    "for decades",
    "part of our culture",
    "before me did",
    "has run it since",
    "from day one",
    "habit has been",
    "how the founders",
    "how our shop works",
    "how we do things here",
    "house style",
];
/// "…since it is what we have done for years": the habit itself given as the reason.
pub(super) const HABIT_AS_REASON: &[&str] = &[
    "since it is what",
    "since they are what",
    "since that is what",
    "because it is what we",
    "because they are what we",
    "because that is what we",
];
pub(super) const LONG_TIME: &[&str] =
    &["years", "always", "decade", "beginning", "day one", "ever since", "long time"];
/// A habit given as the reason to keep it. "Because" counts only before the habit: "we kept it
/// because it had always been done that way" defends the habit, while "the team had always done
/// it, because it was quick" only describes one (see `because_of_habit`).
pub(super) const JUSTIFIES: &[&str] = &["so i kept", "so we kept", "kept", "served us", "worked that way"];
pub(super) const PIVOT: &[&str] = &[
    "proudest",
    "rather highlight",
    "more importantly",
    "more interesting story",
    "really stands out",
    "tell you instead",
    "instead about",
    "what really matters",
    "rather talk about",
    "the important thing is",
    "the main thing is",
    "what matters more",
    "on the bright side",
    "let me tell you about",
    "the bigger story",
    "the bigger picture",
    "more important thing",
    "let me answer that by talking",
    "what i find really interesting",
    "i want to mention",
    "something i'm really proud of",
];
pub(super) const CONCEDES: &[&str] = &["but", "though", "however", "anyway"];
/// The answer admits that what was asked about did not work, then turns to something else.
pub(super) const FAILURE: &[&str] =
    &["did not", "didn't", "never ", "wasn't", "was not", "failed", "still slow"];
/// Traits of a person, not of their argument …
pub(super) const TRAIT: &[&str] = &[
    "only joined",
    "just joined",
    "new here",
    "too junior",
    "a junior",
    "inexperienced",
    "no experience",
    "never worked",
    "did not understand",
    "didn't understand",
    "does not understand",
    "doesn't understand",
    "what would he know",
    "what would she know",
    "nobody respects",
    "no one respects",
    "always looking for someone",
    "always blaming",
    "always complain",
    "very junior",
    "promotion too fast",
    "promoted too fast",
    "doesn't even",
    "does not even",
    "couldn't even",
    "could not even",
    "can't even",
    "never understood",
    "loner",
    "someone like that",
    "people like that",
    "clueless",
    "has no idea",
];
/// … used to dismiss what they said.
pub(super) const THEIR_POINT: &[&str] = &[
    "numbers",
    "idea",
    "point",
    "argument",
    "theory",
    "suggestion",
    "proposal",
    "objection",
    "request",
    "opinion",
    "concern",
    "data",
    "analysis",
    "review",
    "feedback",
    "judgement",
    "judgment",
    "blamed",
    "claim",
    "complaint",
    "checks",
    "test suite",
    "tests",
    "view",
    "argue",
    "pushing it",
    "advocate",
];
pub(super) const DISMISSED: &[&str] = &[
    "ignored",
    "did not listen",
    "didn't listen",
    "not take",
    "dismiss",
    "did not count",
    "didn't count",
    "not worth",
    "so i kept",
    "so i rejected",
    "so we kept",
    "so we ignored",
    "did not look into",
    "didn't look into",
    "did not take",
    "didn't take",
    "switched them off",
    "turned them off",
    "wasn't going to let",
    "watch out for",
    "wasn't the most reliable",
    "so we kept",
    "we kept the",
];
pub(super) const RECAST: &[&str] = &[
    "basically means",
    "basically saying",
    "really arguing",
    "really saying",
    "in other words",
    "amounts to saying",
    "amounts to",
    "which means they wanted",
    "what they are really",
    "what they're really",
    "basically want",
    "really want everyone",
    "want everyone to",
];
pub(super) const OTHERS: &[&str] = &[
    "they",
    "people",
    "team",
    "analysts",
    "those",
    "colleague",
    " he ",
    " she ",
    "my report",
    "someone",
    "manager",
    "designer",
    "engineer",
    "developer",
    "director",
    "architect",
    "client",
    "customer",
    "colleagues",
    "fans",
    "advocates",
];
pub(super) const PURITY: &[&str] = &[
    "real ",
    "true ",
    "proper ",
    "genuine ",
    "truly ",
    "no good ",
    "aren't really",
    "not really in",
    "isn't a proper",
];
pub(super) const MEMBER: &[&str] = &[
    "engineer",
    "developer",
    "programmer",
    "data people",
    "statistician",
    "product manager",
    "product people",
    "in the field",
    "data scientist",
    "analyst",
];
pub(super) const EXCLUDES: &[&str] = &["never", "isn't", "aren't", "not really", "would never", "no "];

/// Others, counted in numbers: "every SaaS company I follow", "half the conference talks".
pub(super) const CROWD_QUANTIFIER: &[&str] = &["every", "all", "half", "most", "everybody's", "everyone's"];
/// Who the crowd is, in the few words after the number: other companies, posts and people the
/// candidate followed.
pub(super) const CROWD_MEMBERS: &[&str] = &[
    "compan",
    "startup",
    "blog",
    "medium",
    "job post",
    "job ad",
    "talk",
    "youtuber",
    "influencer",
    "competitor",
    "saas",
    "peer",
    "conference",
    "vendor",
    "player",
    "article",
    "tutorial",
    "friends",
    "engineer i ",
    "team i ",
    "people i ",
];
/// Following the crowd taken as the reason.
pub(super) const FOLLOWED: &[&str] = &[
    "so ",
    "because",
    "seemed",
    "figured",
    "no-brainer",
    "safe bet",
    "the move",
    "heading",
    "felt like",
    "obvious",
    "on that train",
    "had it",
];

/// Who is held up as the authority: a credential instead of a reason.
pub(super) const CREDENTIAL: &[&str] = &[
    "founded the company",
    "invented",
    "turing award",
    "an award",
    "wrote the book",
    "the creator",
    "the guy who wrote",
    "the person who wrote",
    "the woman who wrote",
    "more experience than",
    "knows better",
    "knows more than",
    "years on us",
    "ex-google",
    "ex-amazon",
    "ex-facebook",
    "ex-microsoft",
];
/// The credential taken as settling it.
pub(super) const DEFERENCE: &[&str] = &[
    "so ",
    "goes ",
    "word for word",
    "didn't see a reason",
    "don't see why",
    "do not see why",
    "no need",
    "not need",
    "don't need",
    "justify",
    "if she is happy",
    "if he is happy",
    "if she's happy",
    "if he's happy",
    "better source",
    "i follow",
    "i trust",
];

/// One case or a few, anywhere in the two sentences around a lesson drawn from it.
pub(super) const FEW_CASES: &[&str] = &[
    "once ",
    "one time",
    "one incident",
    "after one",
    "one stale",
    "one bad",
    "two bad",
    "a single",
    "just one",
    "one customer",
    "one client",
    "one partner",
    "one project",
];
/// The lesson drawn from it, stated as settled.
pub(super) const LESSON: &[&str] = &[
    "taught me",
    "settled it",
    "that told me",
    "proven",
    "proved",
    "so i understand",
    "i decided",
    "i concluded",
    "so now i",
    "so now we",
    "now we don't",
    "now i don't",
    "i've banned",
    "i have banned",
    "never again",
    "from then on",
    "so i learned",
    "i learned my lesson",
    "that's when i learned",
];
/// A lesson that was checked beyond the one case.
pub(super) const LOOKED_WIDER: &[&str] = &[
    "looked at",
    "checked",
    "profiled",
    "reviewed",
    "across all",
    "audited",
    "check all",
    "check every",
    "went looking",
];
/// A chain of consequences imagined for the future, not a lesson drawn from a past case.
pub(super) const HYPOTHETICAL: &[&str] =
    &["once you", "once we", "if you", "sooner or later", "before long", "next thing"];

/// Two options framed as the only ones.
pub(super) const ONLY_TWO: &[&str] = &[
    "all or nothing",
    "or better not",
    "choose between",
    "only two ways",
    "two ways to play",
    "given those two",
    "or you live with",
    "or you accept",
    "or we accept",
    "there's no in-between",
    "no in-between",
];
/// Options that were actually weighed.
pub(super) const WEIGHED: &[&str] =
    &["compared", "weighed", "trade-off", "spike", "prototype", "pros and cons", "third", "middle"];

/// A first small step, or the moment one thing is allowed.
pub(super) const FIRST_STEP: &[&str] = &[
    "once you",
    "once we",
    "if you",
    "if we",
    "if they",
    "if stakeholders",
    "if one",
    "let one",
    "the moment",
];
/// The steps of a chain of consequences.
pub(super) const STEPS: &[&str] = &[
    "then ",
    "next thing",
    "before long",
    "sooner or later",
    "within a year",
    "within months",
    "eventually",
    "and soon",
    "in no time",
];

/// A stretch of time between the change and the result.
pub(super) const TIME_PASSED: &[&str] = &[
    "then in ",
    "months later",
    "weeks later",
    "a month later",
    "a quarter later",
    "the month after",
    "the quarter after",
    "since then",
    "that same week",
    "the same week",
    "the next milestone",
    "the next sprint",
    "the next quarter",
    "the week after",
    "the year after",
    "that quarter",
];
/// The later change claimed as caused by the earlier one.
pub(super) const CREDITED: &[&str] = &[
    "so clearly",
    "is what really",
    "was what really",
    "is what made",
    "is what got",
    "so i'd say",
    "so that's my",
    "made users",
    "did the trick",
    "thanks to",
    "was the cause",
    "that shows",
    "clearly fixed",
    "clearly made",
    "clearly drove",
    "clearly caused",
    "clearly solved",
    "is what fixed",
    "was what fixed",
    "is what drove",
    "must be why",
];

/// The habit kept because it is a habit.
pub(super) const KEEPS: &[&str] = &[
    "stays",
    "keep ",
    "kept",
    "don't see why",
    "do not see why",
    "counts for",
    "stick with",
    "stuck with",
    "why change",
    "did the same",
    "i'd never start",
];
/// The habit put in question rather than kept ("I was asked whether to keep that rule").
pub(super) const QUESTIONS_THE_HABIT: &[&str] = &["whether to", "whether we", "whether it", "whether the"];
/// A choice between two options that something outside the candidate's reasoning imposed: a
/// contract, a regulator, a procurement rule ("the contract only allowed two tiers").
pub(super) const IMPOSED_CHOICE: &[&str] = &[
    "only allowed",
    "only allows",
    "only allow ",
    "only permitted",
    "only permits",
    "contract",
    "procurement",
    "regulator",
    "by law",
    "legally",
    "really was binary",
    "really was a or b",
    "genuinely binary",
];
/// The habit described only to say it was changed.
pub(super) const CHANGED_IT: &[&str] =
    &["until i", "but when i", "i rebuilt", "i replaced", "i changed", "instead", "so i moved", "i measured"];

/// A group of people arguing for something …
pub(super) const CAMP: &[&str] =
    &["fans", "advocates", "people who", "those who", "anyone who", "the camp", "colleagues who"];
/// … given a position they did not hold.
pub(super) const EXTREME_VIEW: &[&str] = &[
    "are fine with",
    "is fine with",
    "basically want",
    "just want",
    "don't care",
    "do not care",
    "would happily",
];

/// A counterexample met by redefining the group: "if one did, it wasn't well designed".
pub(super) const COUNTEREXAMPLE: &[&str] = &[
    "if one did",
    "if it did",
    "if they did",
    "if he did",
    "if she did",
    "that just shows",
    "which just shows",
    "by definition",
];
pub(super) const NOT_MEMBER: &[&str] =
    &["wasn't", "weren't", "isn't", "aren't", "was not", "were not", "not a "];

/// Turning to another topic instead of the one asked about.
pub(super) const CHANGES_TOPIC: &[&str] = &[
    "let me answer that by talking",
    "what i find really interesting",
    "i want to mention",
    "rather talk about",
    "let me talk about something",
    "the bigger issue in our",
    "the real issue in our",
];
