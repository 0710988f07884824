//! Reading uploaded documents (CV and job description): recognising the type, extracting the
//! text safely, and normalising it.
//!
//! Files come from strangers. The readers here bound what they decode themselves (zip sizes
//! and ratios, PDF stream sizes); the server never calls them in its own process but in a child
//! with hard memory and CPU limits that is killed at its time limit (`server::extraction`).
//! This module stays free of I/O so that the fuzz targets can compile it on its own.

pub mod docx;
pub mod normalise;
pub mod pdf;
pub mod text;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Largest upload accepted, per file.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// A document needs at least this many letters and digits to be worth reading.
pub const MIN_MEANINGFUL_CHARS: usize = 80;
/// Longest the reading of one document may take, in seconds (wall clock and CPU).
pub const TIME_LIMIT_SECS: u64 = 15;
/// Most memory the reading of one document may use, in MiB (the reader's address space).
pub const MEMORY_LIMIT_MIB: u64 = 256;

/// The document types the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    Pdf,
    Docx,
    Txt,
}

impl DocumentKind {
    /// How a sentence names a file of this kind ("This PDF …").
    pub fn short_label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "Word file",
            Self::Txt => "text file",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "Word document",
            Self::Txt => "text file",
        }
    }
}

/// Why a document could not be used. [`DocumentError::user_message`] is what the candidate sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DocumentError {
    #[error("empty file")]
    Empty,
    #[error("file over the size limit")]
    TooLarge,
    #[error("unsupported type (name {extension:?}, contents {found})")]
    Unsupported { extension: String, found: Cow<'static, str> },
    #[error("unreadable: {0}")]
    Unreadable(String),
    #[error("unsafe archive: {0}")]
    UnsafeArchive(String),
    #[error("PDF without selectable text")]
    NoSelectableText,
    #[error("too little text ({0} letters and digits)")]
    TooLittleText(usize),
    #[error("extraction panicked")]
    Panicked,
    #[error("extraction took longer than {TIME_LIMIT_SECS} s")]
    TimedOut,
    #[error("{kind:?} inflates past the reading limits")]
    ExpandsTooMuch { kind: DocumentKind },
    #[error("the document reader failed: {0}")]
    ReaderFailed(String),
}

impl DocumentError {
    /// The explanation shown to the candidate, in plain words.
    pub fn user_message(&self) -> String {
        const ACCEPTED: &str = "We accept PDF, Word (.docx) and plain text (.txt) files.";
        match self {
            Self::Empty => "This file is empty. Please choose the file with your document in it.".into(),
            Self::TooLarge => "This file is larger than 10 MB. Please upload a smaller version.".into(),
            Self::Unsupported { extension, found } if extension.is_empty() || found == "unknown" => {
                format!("This file is not one we can read. {ACCEPTED}")
            }
            Self::Unsupported { extension, found } => {
                format!("This file's name ends in .{extension} but its contents are {found}. {ACCEPTED}")
            }
            Self::TimedOut => format!(
                "This file takes more than {TIME_LIMIT_SECS} seconds to open, so we stopped reading \
                 it. Save it again as a simpler PDF, DOCX or TXT file, then upload it."
            ),
            Self::ExpandsTooMuch { kind } => format!(
                "This {} expands to more than {MEMORY_LIMIT_MIB} MB when opened, far more than any \
                 CV or job description needs, so we did not read it. Save it again (for example \
                 with Print → Save as PDF) or upload a TXT version.",
                kind.short_label()
            ),
            Self::ReaderFailed(_) => {
                "We could not read this file just now. Please try again in a moment.".into()
            }
            Self::Unreadable(_) | Self::Panicked => {
                "We could not read this file. It may be damaged: open it and save it again as PDF, \
                 DOCX or TXT, then upload it."
                    .into()
            }
            Self::UnsafeArchive(why) => format!(
                "We could not open this Word file safely ({why}). Save it again from Word, or upload \
                 a PDF or TXT version."
            ),
            Self::NoSelectableText => "This PDF has no selectable text; it may be a scan or a picture. \
                 Please upload a DOCX or TXT version."
                .into(),
            Self::TooLittleText(_) => "We found only a few characters in this file. Please upload a \
                 DOCX or TXT version with the full text."
                .into(),
        }
    }
}

/// What was read from a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    pub kind: DocumentKind,
    pub text: String,
    /// Pages, for PDFs.
    pub pages: Option<usize>,
    pub chars: usize,
    /// True when the text was cut at [`normalise::MAX_TEXT_CHARS`].
    pub truncated: bool,
}

/// The SHA-256 of the file's bytes, in lower-case hex: a document's identity.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Recognises the type from the file name and the contents, which must agree.
pub fn detect(file_name: &str, bytes: &[u8]) -> Result<DocumentKind, DocumentError> {
    if bytes.is_empty() {
        return Err(DocumentError::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(DocumentError::TooLarge);
    }
    let extension = file_name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    let found = sniff(bytes);
    let kind = match (extension.as_str(), found) {
        ("pdf", "a PDF") => DocumentKind::Pdf,
        ("docx", "a Word document") => DocumentKind::Docx,
        ("txt" | "text", "text") => DocumentKind::Txt,
        _ => return Err(DocumentError::Unsupported { extension, found: found.into() }),
    };
    Ok(kind)
}

/// What the first bytes say the file is.
fn sniff(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        "a PDF"
    } else if bytes.starts_with(b"PK\x03\x04") {
        "a Word document"
    } else if bytes.starts_with(b"\x89PNG") {
        "a PNG image"
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if bytes.starts_with(b"GIF8") {
        "a GIF image"
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        "an old Word (.doc) file"
    } else if text::looks_like_text(bytes) {
        "text"
    } else {
        "unknown"
    }
}

/// Extracts and normalises the text, in this thread. The server calls it only inside the
/// isolated reader process (`server::extraction`).
pub fn extract_blocking(kind: DocumentKind, bytes: &[u8]) -> Result<Extracted, DocumentError> {
    let (raw, pages) = match kind {
        DocumentKind::Pdf => pdf::extract(bytes).map(|(text, pages)| (text, Some(pages)))?,
        DocumentKind::Docx => (docx::extract(bytes)?, None),
        DocumentKind::Txt => (
            text::decode(bytes)
                .ok_or(DocumentError::Unsupported { extension: "txt".into(), found: "unknown".into() })?,
            None,
        ),
    };
    let (text, truncated) = normalise::normalise(&raw);
    let meaningful = normalise::meaningful_chars(&text);
    if meaningful < MIN_MEANINGFUL_CHARS {
        return Err(if kind == DocumentKind::Pdf && meaningful == 0 {
            DocumentError::NoSelectableText
        } else {
            DocumentError::TooLittleText(meaningful)
        });
    }
    Ok(Extracted { kind, chars: text.chars().count(), text, pages, truncated })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_contents_must_agree() {
        assert_eq!(detect("cv.pdf", b"%PDF-1.7\n..."), Ok(DocumentKind::Pdf));
        assert_eq!(detect("CV.DOCX", b"PK\x03\x04rest"), Ok(DocumentKind::Docx));
        assert_eq!(detect("jd.txt", b"Senior Rust engineer"), Ok(DocumentKind::Txt));
        let png = detect("cv.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(png, DocumentError::Unsupported { extension: "pdf".into(), found: "a PNG image".into() });
        assert!(png.user_message().contains("ends in .pdf but its contents are a PNG image"));
        assert!(matches!(detect("cv.exe", b"MZ\x90\0"), Err(DocumentError::Unsupported { .. })));
        assert!(matches!(detect("notes.txt", b"%PDF-1.4"), Err(DocumentError::Unsupported { .. })));
    }

    #[test]
    fn empty_and_oversized_files_are_refused_first() {
        assert_eq!(detect("cv.pdf", b""), Err(DocumentError::Empty));
        assert_eq!(detect("cv.txt", &vec![b'a'; MAX_UPLOAD_BYTES + 1]), Err(DocumentError::TooLarge));
    }

    #[test]
    fn a_short_text_is_refused_rather_than_stored() {
        let error = extract_blocking(DocumentKind::Txt, b"Rust").unwrap_err();
        assert_eq!(error, DocumentError::TooLittleText(4));
        assert!(error.user_message().contains("only a few characters"));
    }

    #[test]
    fn hashes_are_lower_case_sha256() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
