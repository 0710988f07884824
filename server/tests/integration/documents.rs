//! Reading real documents, and refusing damaged or hostile ones with a clear message.

use app::server::documents::{self, DocumentError, DocumentKind, MAX_UPLOAD_BYTES};
use app::server::extraction::DocumentReader;

use crate::support::document_reader;
use crate::support::files::{deep_page_tree_pdf, fixture, flipped, path_escaping_docx, png, zip_bomb_docx};

/// Reads a file the way the server does: type check, then the isolated reader process.
pub async fn read(name: &str, bytes: Vec<u8>) -> Result<documents::Extracted, DocumentError> {
    let kind = documents::detect(name, &bytes)?;
    DocumentReader::new(document_reader(), 2).read(kind, bytes).await
}

#[tokio::test]
async fn a_two_page_pdf_cv_is_read_page_by_page() {
    let cv = read("cv.pdf", fixture("cv-two-pages.pdf")).await.expect("readable");

    assert_eq!(cv.kind, DocumentKind::Pdf);
    assert_eq!(cv.pages, Some(2));
    for phrase in ["Ada Lovelace", "Senior Rust Engineer", "420 ms to 90 ms", "Kubernetes", "MSc Mathematics"]
    {
        assert!(cv.text.contains(phrase), "{phrase:?} missing from:\n{}", cv.text);
    }
}

#[tokio::test]
async fn a_docx_cv_gives_header_list_items_and_table_cells_in_order() {
    let cv = read("Grace CV.docx", fixture("cv-with-table.docx")).await.expect("readable");

    assert_eq!(cv.kind, DocumentKind::Docx);
    let text = &cv.text;
    for phrase in [
        "Grace Hopper - Curriculum Vitae",
        "• Designed the first compiler",
        "COBOL | Expert",
        "Team leadership | Advanced",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing from:\n{text}");
    }
    let order = ["Curriculum Vitae", "Principal Compiler Engineer", "COBOL", "References available"]
        .map(|p| text.find(p).unwrap_or_else(|| panic!("{p} missing")));
    assert!(order.windows(2).all(|w| w[0] < w[1]), "reading order broken:\n{text}");
}

#[tokio::test]
async fn text_job_descriptions_in_utf8_and_utf16_are_read() {
    let utf8 = read("jd.txt", fixture("jd.txt")).await.expect("UTF-8");
    let utf16 = read("jd.txt", fixture("jd-utf16.txt")).await.expect("UTF-16");

    assert!(utf8.text.starts_with("Backend Engineer (Rust)\n\nWe are hiring"), "{}", utf8.text);
    assert!(utf8.text.contains("- Kubernetes and Terraform in production"));
    assert!(utf16.text.starts_with("Backend Engineer (Rust) für Zürich"), "{}", utf16.text);
}

#[tokio::test]
async fn a_scanned_pdf_is_refused_with_advice() {
    let error = read("scan.pdf", fixture("scanned.pdf")).await.unwrap_err();

    assert_eq!(error, DocumentError::NoSelectableText);
    assert!(error.user_message().contains("DOCX or TXT"));
}

#[tokio::test]
async fn malformed_files_each_get_their_clear_message() {
    let pdf = fixture("cv-two-pages.pdf");
    let docx = fixture("cv-with-table.docx");
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        ("empty", "cv.pdf", Vec::new(), "This file is empty"),
        ("truncated PDF", "cv.pdf", pdf[..pdf.len() / 2].to_vec(), "could not read this file"),
        ("flipped PDF", "cv.pdf", flipped(pdf.clone()), "could not read this file"),
        ("truncated DOCX", "cv.docx", docx[..docx.len() / 2].to_vec(), "could not read this file"),
        ("flipped DOCX", "cv.docx", flipped(docx.clone()), "could not read this file"),
        // The one page at the bottom is blank: refused either as damaged or as textless, but
        // without a stack overflow on the way down.
        ("deep page tree", "cv.pdf", deep_page_tree_pdf(5_000), "DOCX or TXT"),
        ("zip bomb", "cv.docx", zip_bomb_docx(), "inflates more than 100 times"),
        ("path escape", "cv.docx", path_escaping_docx(), "points outside the document"),
        ("PNG renamed", "cv.pdf", png(), "contents are a PNG image"),
        ("11 MB", "cv.txt", vec![b'a'; MAX_UPLOAD_BYTES + 1024 * 1024], "larger than 10 MB"),
    ];
    for (case, name, bytes, expected) in cases {
        let error = read(name, bytes).await.expect_err(case);
        assert!(error.user_message().contains(expected), "{case}: got {:?}: {}", error, error.user_message());
    }
}
