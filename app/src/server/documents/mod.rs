//! Reading uploaded documents (CV and job description): recognising the type, extracting the
//! text safely, and normalising it.
//!
//! Files come from strangers. Every extraction runs on a dedicated thread (off the async
//! runtime, like `spawn_blocking`, but with a 64 MiB stack so a deeply nested file cannot
//! overflow it), inside `catch_unwind`, under a time limit, and at most two at a time. A panic
//! or a timeout becomes "We could not read this file"; the server keeps serving. (A thread that
//! runs past its time limit cannot be stopped; its result is dropped when it ends.)

pub mod docx;
pub mod normalise;
pub mod pdf;
pub mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

/// Largest upload accepted, per file.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// A document needs at least this many letters and digits to be worth reading.
pub const MIN_MEANINGFUL_CHARS: usize = 80;
const TIME_LIMIT: Duration = Duration::from_secs(20);
const EXTRACTION_STACK: usize = 64 * 1024 * 1024;
static EXTRACTION_SLOTS: LazyLock<Arc<Semaphore>> = LazyLock::new(|| Arc::new(Semaphore::new(2)));

/// The document types the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Pdf,
    Docx,
    Txt,
}

impl DocumentKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "Word document",
            Self::Txt => "text file",
        }
    }
}

/// Why a document could not be used. [`DocumentError::user_message`] is what the candidate sees.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("empty file")]
    Empty,
    #[error("file over the size limit")]
    TooLarge,
    #[error("unsupported type (name {extension:?}, contents {found})")]
    Unsupported { extension: String, found: &'static str },
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
    #[error("extraction took longer than {TIME_LIMIT:?}")]
    TimedOut,
}

impl DocumentError {
    /// The explanation shown to the candidate, in plain words.
    pub fn user_message(&self) -> String {
        const ACCEPTED: &str = "We accept PDF, Word (.docx) and plain text (.txt) files.";
        match self {
            Self::Empty => "This file is empty. Please choose the file with your document in it.".into(),
            Self::TooLarge => "This file is larger than 10 MB. Please upload a smaller version.".into(),
            Self::Unsupported { extension, found } if extension.is_empty() || *found == "unknown" => {
                format!("This file is not one we can read. {ACCEPTED}")
            }
            Self::Unsupported { extension, found } => {
                format!("This file's name ends in .{extension} but its contents are {found}. {ACCEPTED}")
            }
            Self::Unreadable(_) | Self::Panicked | Self::TimedOut => {
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
        _ => return Err(DocumentError::Unsupported { extension, found }),
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

/// Extracts and normalises the text, synchronously. Call [`extract`] from async code.
pub fn extract_blocking(kind: DocumentKind, bytes: &[u8]) -> Result<Extracted, DocumentError> {
    let (raw, pages) = match kind {
        DocumentKind::Pdf => pdf::extract(bytes).map(|(text, pages)| (text, Some(pages)))?,
        DocumentKind::Docx => (docx::extract(bytes)?, None),
        DocumentKind::Txt => (
            text::decode(bytes)
                .ok_or(DocumentError::Unsupported { extension: "txt".into(), found: "unknown" })?,
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

/// Extracts on a dedicated thread, with a panic guard and a time limit.
///
/// The thread keeps its slot until it really ends, so files that run past the limit cannot pile
/// up threads: later uploads wait for a slot (within the same limit) instead.
pub async fn extract(kind: DocumentKind, bytes: Arc<Vec<u8>>) -> Result<Extracted, DocumentError> {
    let work = async {
        let slot =
            Arc::clone(&EXTRACTION_SLOTS).acquire_owned().await.map_err(|_| DocumentError::Panicked)?;
        let (sender, receiver) = tokio::sync::oneshot::channel();
        std::thread::Builder::new()
            .name("document-extract".into())
            .stack_size(EXTRACTION_STACK)
            .spawn(move || {
                let _slot = slot;
                let result = catch_unwind(AssertUnwindSafe(|| extract_blocking(kind, &bytes)))
                    .unwrap_or(Err(DocumentError::Panicked));
                let _ = sender.send(result);
            })
            .map_err(|_| DocumentError::Unreadable("no thread for extraction".into()))?;
        receiver.await.unwrap_or(Err(DocumentError::Panicked))
    };
    tokio::time::timeout(TIME_LIMIT, work).await.unwrap_or(Err(DocumentError::TimedOut))
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
        assert_eq!(png, DocumentError::Unsupported { extension: "pdf".into(), found: "a PNG image" });
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

    #[tokio::test]
    async fn a_panic_inside_extraction_becomes_an_error() {
        // A truncated zip header makes the archive reader fail; whatever the library does
        // (error or panic), the caller gets a DocumentError and the runtime survives.
        let result = extract(DocumentKind::Docx, Arc::new(b"PK\x03\x04\x14\0\0\0".to_vec())).await;
        assert!(result.is_err());
    }
}
