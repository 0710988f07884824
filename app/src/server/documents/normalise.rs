//! Cleans extracted text before it is stored or scored: control characters removed, the
//! private-use glyphs PDF fonts use for bullets turned into "•", spaces collapsed, blank lines
//! squeezed, and the length capped.

/// Longest text kept from one document.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// Normalised text, and whether it was cut at [`MAX_TEXT_CHARS`].
pub fn normalise(raw: &str) -> (String, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut blank_run = 0;
    for line in raw.lines() {
        let cleaned: String = line
            .chars()
            .map(|c| match c {
                // Private-use area: icon fonts (Wingdings, Symbol, FontAwesome) put bullets here.
                '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}' => '•',
                '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\t' => ' ',
                _ => c,
            })
            .filter(|c| !c.is_control() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{FFFD}'))
            .collect();
        let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            blank_run += 1;
            if blank_run == 1 && !lines.is_empty() {
                lines.push(String::new());
            }
        } else {
            blank_run = 0;
            lines.push(collapsed);
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let text = lines.join("\n");
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => (text[..cut].to_owned(), true),
        None => (text, false),
    }
}

/// How much real content the text has: letters and digits.
pub fn meaningful_chars(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_collapsed_and_blank_lines_squeezed() {
        let (text, cut) = normalise("  Senior\t Engineer \r\n\n\n\nRust   and SQL\n\n");
        assert_eq!(text, "Senior Engineer\n\nRust and SQL");
        assert!(!cut);
    }

    #[test]
    fn private_use_bullets_become_real_bullets_and_controls_vanish() {
        let (text, _) = normalise("\u{F0B7} Led a team\u{0007}\n\u{F0A7}\u{00A0}Shipped\u{200B} v2");
        assert_eq!(text, "• Led a team\n• Shipped v2");
    }

    #[test]
    fn long_text_is_capped_and_says_so() {
        let (text, cut) = normalise(&"word ".repeat(MAX_TEXT_CHARS));
        assert!(cut);
        assert_eq!(text.chars().count(), MAX_TEXT_CHARS);
    }

    #[test]
    fn meaningful_chars_ignore_punctuation_and_space() {
        assert_eq!(meaningful_chars("• - . , A1 b"), 3);
    }
}
