//! PDF files: lopdf first (it survives more damaged files), pdf-extract when lopdf finds no
//! text (it understands more font encodings).

use super::DocumentError;
use super::normalise::meaningful_chars;

/// Text and page count.
pub fn extract(bytes: &[u8]) -> Result<(String, usize), DocumentError> {
    let document = lopdf::Document::load_mem(bytes).map_err(|e| DocumentError::Unreadable(e.to_string()))?;
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(DocumentError::Unreadable("the PDF has no pages".into()));
    }
    let from_lopdf = document.extract_text(&pages).unwrap_or_default();
    if meaningful_chars(&from_lopdf) >= super::MIN_MEANINGFUL_CHARS {
        return Ok((from_lopdf, pages.len()));
    }
    let from_pdf_extract = pdf_extract::extract_text_from_mem(bytes).unwrap_or_default();
    let best = if meaningful_chars(&from_pdf_extract) > meaningful_chars(&from_lopdf) {
        from_pdf_extract
    } else {
        from_lopdf
    };
    if meaningful_chars(&best) == 0 {
        // A file cut short (an interrupted download) also shows no text; say it is damaged.
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        let complete = tail.windows(5).any(|w| w == b"%%EOF");
        return Err(if complete {
            DocumentError::NoSelectableText
        } else {
            DocumentError::Unreadable("the PDF ends early (no %%EOF)".into())
        });
    }
    Ok((best, pages.len()))
}
