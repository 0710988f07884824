//! Text a candidate wrote, handled so that no offset is ever used on a string it was not found
//! in: lower-casing that remembers where each character came from, and shortening by
//! characters.
//!
//! Lower-casing can change a character's length in bytes (`K` KELVIN SIGN is three bytes, its
//! `k` one; `Ⱥ` is two, its `ⱥ` three; `İ` becomes two characters), so a byte offset found in
//! `text.to_lowercase()` means nothing in `text`, even when both happen to have the same length.
//! [`LowerCased`] keeps the map back.

use std::ops::Range;

/// `original` lower-cased one character at a time, with a map from the lower-cased text's
/// offsets back to the original's.
///
/// Unlike [`str::to_lowercase`], a final `Σ` becomes `σ`, not `ς`: every character is folded on
/// its own, which is what makes the map exact. The coach only looks for ASCII phrases in it, so
/// typographic apostrophes become `'` too ([`plain_apostrophe`]).
#[derive(Debug, Clone)]
pub struct LowerCased<'a> {
    original: &'a str,
    lower: String,
    /// For every character of `original`, where its lower case starts in `lower` and where it
    /// starts in `original`; empty when no character changed length (the offsets are the same).
    starts: Vec<(usize, usize)>,
}

/// A phone keyboard or a word processor writes "didn\u{2019}t" where the coach's phrases say
/// "didn't": both quotation-mark apostrophes read as the ASCII one.
pub fn plain_apostrophe(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' => '\'',
        other => other,
    }
}

/// `text` lower-cased for matching the coach's ASCII phrases, with [`plain_apostrophe`]s. For
/// finding words only: offsets in it do not hold in `text` (see [`LowerCased`] for those).
pub fn lower_plain(text: &str) -> String {
    text.chars().map(plain_apostrophe).collect::<String>().to_lowercase()
}

impl<'a> LowerCased<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut lower = String::with_capacity(original.len());
        let mut starts = Vec::new();
        let mut shifted = false;
        for (at, c) in original.char_indices() {
            starts.push((lower.len(), at));
            let before = lower.len();
            lower.extend(plain_apostrophe(c).to_lowercase());
            shifted |= lower.len() - before != c.len_utf8();
        }
        if !shifted {
            starts = Vec::new();
        }
        Self { original, lower, starts }
    }

    /// The lower-cased text; offsets found in it go through [`LowerCased::original_range`].
    pub fn as_str(&self) -> &str {
        &self.lower
    }

    /// The byte range of the original text whose lower case is `lower[range]`, widened to
    /// whole characters of the original when the range starts or ends inside the lower case of
    /// one character (such as the `i` of `İ`, which lower-cases to `i` and a combining dot).
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        if self.starts.is_empty() {
            return range;
        }
        // The character whose lower case holds `range.start`: the last one starting at or before it.
        let first = self.starts.partition_point(|&(lower_at, _)| lower_at <= range.start);
        let start = first.checked_sub(1).map_or(0, |i| self.starts[i].1);
        // The first character whose lower case starts at or after `range.end` begins just past the match.
        let after = self.starts.partition_point(|&(lower_at, _)| lower_at < range.end);
        let end = self.starts.get(after).map_or(self.original.len(), |&(_, original_at)| original_at);
        start..end.max(start)
    }

    /// The byte offsets in the original text where `needle` (lower case) is found, first to last.
    pub fn find_all<'s>(&'s self, needle: &'s str) -> impl Iterator<Item = Range<usize>> + 's {
        self.find_all_lower(needle).map(|range| self.original_range(range))
    }

    /// The byte offsets in the lower-cased text where `needle` (lower case) is found, first to
    /// last: ranges of [`LowerCased::as_str`], for [`LowerCased::original_range`].
    pub fn find_all_lower<'s>(&'s self, needle: &'s str) -> impl Iterator<Item = Range<usize>> + 's {
        self.lower.match_indices(needle).map(|(at, found)| at..at + found.len())
    }
}

/// The first `max_chars` characters of `text` (all of it when shorter), cut on a character
/// boundary.
pub(crate) fn first_chars(text: &str, max_chars: usize) -> &str {
    text.char_indices().nth(max_chars).map_or(text, |(end, _)| &text[..end])
}

/// `text` cut to `max_chars` characters, ending in "…" when it was longer (the "…" counts).
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_owned(),
        Some(_) if max_chars == 0 => String::new(),
        Some(_) => {
            // `nth(max_chars - 1)` exists because `nth(max_chars)` does: a char boundary.
            let cut = text.char_indices().nth(max_chars - 1).map_or(0, |(at, _)| at);
            format!("{}…", &text[..cut])
        }
    }
}

/// Whether `line` is a list of names ("Rust, PostgreSQL, Kubernetes, Terraform") rather than a
/// sentence about something done: at least three comma- or bar-separated items of at most three
/// words each, or a longer list (five items or more) whose items are nearly all short ("German
/// labour law, collective agreements (IG Metall / ERA), works council relations, change
/// management, SAP HCM, SuccessFactors"). Such a line shows that a skill is claimed, not what
/// was done with it.
pub(crate) fn is_name_list(line: &str) -> bool {
    let items: Vec<&str> =
        line.split([',', '|', ';', '\u{b7}']).map(str::trim).filter(|i| !i.is_empty()).collect();
    let words = |item: &&str| item.split_whitespace().count();
    let short = items.iter().filter(|item| words(item) <= 4).count();
    (items.len() >= 3 && items.iter().all(|item| words(item) <= 3))
        || (items.len() >= 5 && short * 5 >= items.len() * 4)
}

#[cfg(test)]
mod tests {

    #[test]
    fn first_chars_respects_character_boundaries() {
        assert_eq!(first_chars("héllo wörld", 4), "héll");
        assert_eq!(first_chars("short", 300), "short");
    }

    use super::*;

    #[test]
    fn lists_of_names_are_told_from_sentences() {
        assert!(is_name_list("Rust, PostgreSQL, Kubernetes, Terraform"));
        assert!(is_name_list("Skills: Rust | Go | SQL"));
        assert!(!is_name_list(
            "Reduced p95 latency of the payments API from 420 ms to 90 ms by rewriting it in Rust"
        ));
        assert!(!is_name_list("Built the billing service, the ledger and the reports, cutting costs by 40%"));
        assert!(!is_name_list("Rust and Go"));
        // A long list with an item or two of more words is still a list.
        assert!(is_name_list(
            "German labour law, collective agreements (IG Metall / ERA), works council relations, change \
             management, SAP HCM, SuccessFactors"
        ));
        assert!(!is_name_list(
            "Led hiring, onboarding and training for a store of 28, cut staff turnover from 40% to 15%, \
             and grew sales 14% in 2023"
        ));
    }

    #[test]
    fn offsets_found_in_the_lower_case_map_back_to_the_original_characters() {
        // Kelvin sign (3 bytes → 1), then "Ⱥ" twice (2 bytes → 3): the same total length.
        let text = "\u{212A} Everyone \u{23A}\u{23A}";
        let lower = LowerCased::new(text);
        assert_eq!(lower.as_str().len(), text.len(), "the lengths agree, the offsets do not");

        let found: Vec<&str> = lower.find_all("everyone").map(|range| &text[range]).collect();
        let kelvin: Vec<&str> = lower.find_all("k").map(|range| &text[range]).collect();

        assert_eq!(found, ["Everyone"]);
        assert_eq!(kelvin, ["\u{212A}"]);
    }

    #[test]
    fn a_match_inside_one_characters_lower_case_quotes_the_whole_character() {
        // "İ" lower-cases to "i" and U+0307 COMBINING DOT ABOVE.
        let text = "xİy";
        let lower = LowerCased::new(text);

        let i: Vec<&str> = lower.find_all("i").map(|range| &text[range]).collect();
        let iy: Vec<&str> = lower.find_all("\u{307}y").map(|range| &text[range]).collect();

        assert_eq!(i, ["İ"]);
        assert_eq!(iy, ["İy"]);
    }

    #[test]
    fn text_whose_lower_case_keeps_every_length_maps_to_itself() {
        let lower = LowerCased::new("Ünïcode TEXT");
        assert_eq!(lower.as_str(), "ünïcode text");
        assert_eq!(lower.original_range(3..9), 3..9);
    }

    #[test]
    fn shortening_counts_characters_and_never_splits_one() {
        assert_eq!(shorten("héllo wörld", 5), "héll…");
        assert_eq!(shorten("héllo", 5), "héllo");
        assert_eq!(shorten("👩‍💻👩‍💻", 2), "👩…");
        assert_eq!(shorten("abc", 1), "…");
        assert_eq!(shorten("abc", 0), "");
        assert_eq!(shorten("", 0), "");
    }
}
