//! PDF files, read with lopdf under explicit decompression limits.
//!
//! A few kilobytes of nested FlateDecode can inflate to gigabytes of page operators, so every
//! stream lopdf decodes is bounded: object and cross-reference streams while loading, each
//! page's content while extracting, and the pages read in all. (pdf-extract, used before, has
//! no limits at all and is gone; lopdf's own text extraction reads ToUnicode maps and the
//! standard encodings.) These limits are the first layer; the process that runs this code is
//! the second (see `server::extraction`).

use super::normalise::meaningful_chars;
use super::{DocumentError, DocumentKind};

/// Largest size any one stream may inflate to, while loading or for one page's content.
pub const MAX_STREAM_BYTES: usize = 16 * 1024 * 1024;
/// Pages read at most: a CV or a job description that needs more is not one.
pub const MAX_PAGES: usize = 100;
/// Raw text collected at most; normalisation keeps far less (`normalise::MAX_TEXT_CHARS`).
const MAX_RAW_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// Text and page count.
pub fn extract(bytes: &[u8]) -> Result<(String, usize), DocumentError> {
    let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_STREAM_BYTES);
    let document = lopdf::Document::load_mem_with_options(bytes, options).map_err(read_error)?;
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(DocumentError::Unreadable("the PDF has no pages".into()));
    }
    let mut text = String::new();
    for page in pages.iter().take(MAX_PAGES) {
        match document.extract_text_with_limit(&[*page], MAX_STREAM_BYTES) {
            Ok(page_text) => text.push_str(&page_text),
            Err(error) => {
                // One bomb page spoils the file (it was made to overwhelm readers); a damaged
                // page loses only its own text.
                let error = read_error(error);
                if matches!(error, DocumentError::ExpandsTooMuch { .. }) {
                    return Err(error);
                }
            }
        }
        if text.len() > MAX_RAW_TEXT_BYTES {
            break;
        }
    }
    if meaningful_chars(&text) == 0 {
        // A file cut short (an interrupted download) also shows no text; say it is damaged.
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        let complete = tail.windows(5).any(|w| w == b"%%EOF");
        return Err(if complete {
            DocumentError::NoSelectableText
        } else {
            DocumentError::Unreadable("the PDF ends early (no %%EOF)".into())
        });
    }
    Ok((text, pages.len()))
}

/// lopdf's error, with decompression bombs told apart from damage (wherever in the chain of
/// causes lopdf reports the limit).
fn read_error(error: lopdf::Error) -> DocumentError {
    let mut cause: Option<&dyn std::error::Error> = Some(&error);
    while let Some(current) = cause {
        if current
            .downcast_ref::<lopdf::DecompressError>()
            .is_some_and(|e| matches!(e, lopdf::DecompressError::MemoryLimitExceeded { .. }))
        {
            return DocumentError::ExpandsTooMuch { kind: DocumentKind::Pdf };
        }
        cause = current.source();
    }
    DocumentError::Unreadable(error.to_string())
}
