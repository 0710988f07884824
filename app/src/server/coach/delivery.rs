//! Delivery of a spoken answer, measured from its transcript: words per minute, filler words
//! (told apart from the same words used as words: "like" in "I'd like to" or "tools like Kafka"
//! is not a filler) and long pauses from word timings.
//!
//! The transcript measured is the one the transcriber (or the browser) heard, before the
//! candidate corrected it: delivery is about what was said, the content score about what was
//! submitted. When a rule cannot tell, it does not count: the coach never blames a candidate
//! for a filler they did not use.

use crate::model::delivery::{Delivery, FillerCount, LONG_PAUSE_SECONDS, MAX_RECORDING_SECONDS};

/// The longest transcript measured (a five-minute answer is far shorter).
const MAX_TRANSCRIPT_CHARS: usize = 20_000;
/// Faster than any human speaks: a higher figure means the timing was wrong, not the speaker.
const MAX_WORDS_PER_MINUTE: u32 = 600;

/// Fillers that are never anything else, with the spelling they are reported under.
const ALWAYS_FILLERS: &[(&str, &str)] = &[
    ("um", "um"),
    ("umm", "um"),
    ("ummm", "um"),
    ("uhm", "um"),
    ("uh", "uh"),
    ("uhh", "uh"),
    ("er", "er"),
    ("erm", "erm"),
    ("ah", "ah"),
    ("hmm", "hmm"),
    ("mm", "hmm"),
    ("basically", "basically"),
    ("literally", "literally"),
];

/// Words before "sort of" / "kind of" that make it a noun phrase ("a kind of cache").
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "what",
    "which",
    "any",
    "some",
    "one",
    "every",
    "no",
    "same",
    "each",
    "another",
    "these",
    "those",
    "right",
    "wrong",
    "different",
    "particular",
    "specific",
    "certain",
    "new",
    "first",
    "whatever",
];

/// Words after "you know" that make it a verb ("you know how", "you know the schema").
const KNOW_OBJECTS: &[&str] = &[
    "how",
    "that",
    "what",
    "which",
    "when",
    "where",
    "why",
    "who",
    "whether",
    "if",
    "the",
    "a",
    "an",
    "it",
    "him",
    "her",
    "them",
    "this",
    "about",
    "each",
    "everything",
    "more",
    "your",
    "my",
    "our",
    "their",
    "its",
    "his",
];

/// Words before "you know" that make it a question or a clause ("do you know", "as you know").
const KNOW_SUBJECT_CUES: &[&str] = &[
    "do", "did", "don't", "didn't", "if", "as", "would", "will", "might", "may", "could", "should", "what",
    "unless",
];

/// A form of "to be" before a quotative "like" ("he was like, we need a rollback").
const TO_BE: &[&str] =
    &["was", "were", "is", "are", "am", "i'm", "we're", "they're", "he's", "she's", "it's"];

/// What follows a quotative "like": a speaker or an intensifier, never a noun phrase.
const QUOTATIVE_NEXT: &[&str] =
    &["i", "we", "you", "they", "he", "she", "so", "super", "really", "totally", "oh", "wow", "okay", "ok"];

/// One spoken word of a transcript, lower-cased, with the punctuation around it that the
/// transcriber wrote (speech transcribers often write none).
#[derive(Debug, Clone, PartialEq)]
struct Token {
    word: String,
    /// A comma (or dash, or ellipsis) right after the word.
    pause_after: bool,
    /// The first word of the transcript or of a sentence.
    starts_sentence: bool,
}

fn tokens(transcript: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut sentence_ended = true;
    for raw in transcript.split_whitespace() {
        let word: String = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        let tail = raw.trim_end_matches(|c: char| c.is_alphanumeric());
        let leading_break = raw.starts_with(['-', '\u{2014}', '\u{2026}']);
        if leading_break && let Some(previous) = out.last_mut() {
            previous.pause_after = true;
        }
        if word.is_empty() {
            continue;
        }
        out.push(Token {
            word,
            pause_after: tail.ends_with([',', ';', '-', '\u{2014}', '\u{2026}']),
            starts_sentence: sentence_ended,
        });
        sentence_ended = tail.ends_with(['.', '!', '?']);
    }
    out
}

/// The filler words and phrases in `transcript`, the most frequent first (ties alphabetically).
pub fn fillers(transcript: &str) -> Vec<FillerCount> {
    let tokens = tokens(transcript);
    let word = |i: usize| tokens.get(i).map(|t| t.word.as_str());
    let mut counts: Vec<FillerCount> = Vec::new();
    let mut count = |name: &str| match counts.iter_mut().find(|c| c.word == name) {
        Some(existing) => existing.count += 1,
        None => counts.push(FillerCount { word: name.to_owned(), count: 1 }),
    };
    let mut i = 0;
    while i < tokens.len() {
        let previous = i.checked_sub(1).and_then(word);
        let token = &tokens[i];
        let next = word(i + 1);
        if let Some((_, name)) = ALWAYS_FILLERS.iter().find(|(spelling, _)| *spelling == token.word) {
            count(name);
        } else if token.word == "you" && next == Some("know") {
            if is_filler_you_know(previous, &tokens[i + 1], word(i + 2)) {
                count("you know");
                i += 1;
            }
        } else if matches!(token.word.as_str(), "sort" | "kind") && next == Some("of") {
            if !previous.is_some_and(|p| DETERMINERS.contains(&p)) {
                count(if token.word == "sort" { "sort of" } else { "kind of" });
                i += 1;
            }
        } else if token.word == "like" && is_filler_like(&tokens, i) {
            count("like");
        }
        i += 1;
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
    counts
}

fn is_filler_you_know(previous: Option<&str>, know: &Token, after: Option<&str>) -> bool {
    if previous.is_some_and(|p| KNOW_SUBJECT_CUES.contains(&p)) {
        return false;
    }
    know.pause_after || after.is_none_or(|a| !KNOW_OBJECTS.contains(&a))
}

/// "like" is a filler only where nothing else fits: set off by pauses ("it was, like, slow"),
/// before another filler, or quoting someone ("he was like, we need a rollback").
fn is_filler_like(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let previous = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(i + 1).map(|t| t.word.as_str());
    let set_off_before = previous.is_none_or(|p| p.pause_after) || token.starts_sentence;
    let next_is_filler = next.is_some_and(|n| n == "like" || ALWAYS_FILLERS.iter().any(|(s, _)| *s == n));
    let quotative = previous.is_some_and(|p| TO_BE.contains(&p.word.as_str()))
        && next.is_some_and(|n| QUOTATIVE_NEXT.contains(&n));
    (set_off_before && token.pause_after) || next_is_filler || quotative
}

/// Words in a transcript (fillers included: they take time too).
pub fn word_count(transcript: &str) -> usize {
    transcript.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Words per minute over `seconds` of speech.
pub fn words_per_minute(words: usize, seconds: u32) -> u32 {
    let per_minute = words as u64 * 60 / u64::from(seconds.max(1));
    per_minute.min(u64::from(MAX_WORDS_PER_MINUTE)) as u32
}

/// The silences of [`LONG_PAUSE_SECONDS`] or more between consecutive words, given each word's
/// start and end in seconds. Timings out of order or not finite are skipped, not trusted.
pub fn long_pauses(words: &[(f32, f32)]) -> u32 {
    words
        .windows(2)
        .filter(|pair| {
            let (ended, started) = (pair[0].1, pair[1].0);
            ended.is_finite() && started.is_finite() && started - ended >= LONG_PAUSE_SECONDS
        })
        .count() as u32
}

/// The delivery of a spoken answer: `transcript` as heard, `seconds` of recording, and the long
/// pauses when the transcriber timed its words. Out-of-range figures are clamped.
pub fn analyse(transcript: &str, seconds: u32, pauses: Option<u32>) -> Delivery {
    let transcript = super::text::first_chars(transcript, MAX_TRANSCRIPT_CHARS);
    let seconds = seconds.clamp(1, MAX_RECORDING_SECONDS + 30);
    Delivery {
        seconds,
        words_per_minute: words_per_minute(word_count(transcript), seconds),
        fillers: fillers(transcript),
        pauses: pauses.map(|p| p.min(seconds)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heard(transcript: &str) -> Vec<(String, u32)> {
        fillers(transcript).into_iter().map(|f| (f.word, f.count)).collect()
    }

    #[test]
    fn hesitation_sounds_are_always_fillers() {
        assert_eq!(
            heard("Um, so we, uh, moved the queue. Umm... it worked, uh"),
            [("uh".into(), 2), ("um".into(), 2)]
        );
    }

    #[test]
    fn like_as_a_verb_or_a_comparison_is_not_a_filler() {
        for innocent in [
            "I'd like to talk about the migration",
            "I would like to lead the team",
            "We like Rust because it catches bugs early",
            "Tools like Kafka and Pulsar keep order per partition",
            "It looked like a memory leak at first",
            "It was like a fire drill every Friday",
            "i'd like to explain how we sharded it",
        ] {
            assert_eq!(heard(innocent), [], "{innocent}");
        }
    }

    #[test]
    fn like_set_off_by_pauses_or_quoting_someone_is_a_filler() {
        assert_eq!(heard("It was, like, really slow"), [("like".into(), 1)]);
        assert_eq!(heard("Like, we had no tests"), [("like".into(), 1)]);
        assert_eq!(heard("and my manager was like we need a rollback now"), [("like".into(), 1)]);
        assert_eq!(heard("the deploy was like um broken"), [("like".into(), 1), ("um".into(), 1)]);
    }

    #[test]
    fn you_know_sort_of_and_kind_of_count_only_as_hedges() {
        assert_eq!(heard("It was, you know, a hard week"), [("you know".into(), 1)]);
        assert_eq!(
            heard("we sort of rewrote it and it kind of worked"),
            [("kind of".into(), 1), ("sort of".into(), 1)]
        );
        assert_eq!(
            heard(
                "Do you know the schema? You know how partitions work. A kind of cache, the same sort of bug"
            ),
            []
        );
    }

    #[test]
    fn words_per_minute_follows_words_and_time() {
        let answer = "word ".repeat(150);
        assert_eq!(words_per_minute(word_count(&answer), 60), 150);
        assert_eq!(words_per_minute(word_count(&answer), 90), 100);
        assert_eq!(words_per_minute(10, 0), 600, "zero seconds is clamped, not a division by zero");
        assert_eq!(word_count("  — ... um, it's 42 ok  "), 4);
    }

    #[test]
    fn long_pauses_are_gaps_of_three_seconds_or_more_between_words() {
        let words =
            [(0.0, 0.4), (0.5, 0.9), (4.0, 4.3), (4.4, 4.8), (7.7, 8.0), (f32::NAN, f32::NAN), (20.0, 21.0)];
        // 0.9 → 4.0 is 3.1 s; 4.8 → 7.7 is 2.9 s; the NaN word is skipped both ways.
        assert_eq!(long_pauses(&words), 1);
        assert_eq!(long_pauses(&[]), 0);
        assert_eq!(long_pauses(&[(1.0, 2.0)]), 0);
    }

    #[test]
    fn analysis_clamps_what_the_browser_sent() {
        let delivery = analyse("um so we shipped it", 10_000, Some(5_000));
        assert_eq!(delivery.seconds, MAX_RECORDING_SECONDS + 30);
        assert_eq!(delivery.pauses, Some(MAX_RECORDING_SECONDS + 30));
        assert_eq!(delivery.fillers, [FillerCount { word: "um".into(), count: 1 }]);
        let none = analyse("", 0, None);
        assert_eq!((none.seconds, none.words_per_minute, none.pauses), (1, 0, None));
    }
}
