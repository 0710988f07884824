//! Plain-text files: UTF-8 (with or without BOM), UTF-16 with a BOM, else Latin-1.

/// Decodes a text file. `None` when it looks binary (NUL bytes outside UTF-16).
pub fn decode(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some(utf16(rest, u16::from_be_bytes));
    }
    if bytes.contains(&0) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        // Not UTF-8: Latin-1 maps every byte to the code point of the same value.
        Err(_) => Some(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

/// Whether the bytes could be a text file at all (used to recognise `.txt` uploads).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    decode(&bytes[..bytes.len().min(4096)]).is_some_and(|sample| {
        let controls = sample.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
        controls * 20 <= sample.chars().count().max(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Zürich".as_bytes()).unwrap(), "Zürich");
        assert_eq!(decode(b"\xEF\xBB\xBFplain").unwrap(), "plain");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Straße".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Straße".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "Straße");
        assert_eq!(decode(&be).unwrap(), "Straße");
    }

    #[test]
    fn latin1_is_the_fallback() {
        assert_eq!(decode(b"caf\xE9 cr\xE8me").unwrap(), "café crème");
    }

    #[test]
    fn binary_is_not_text() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
        assert!(!looks_like_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_like_text(b"Job description: Rust engineer"));
    }
}
