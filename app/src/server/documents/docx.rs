//! Word (.docx) files: a zip of XML parts. The archive is inspected before anything is
//! inflated for real (entry count, total size, compression ratio, paths), then docx-rust parses
//! it and the text is collected in reading order: headers, body (paragraphs, list items, every
//! table cell), footers. docx-rust's own `text()` skips tables, hence the walk here.

use std::io::{self, Cursor, Read};

use docx_rust::DocxFile;
use docx_rust::document::{BodyContent, Paragraph, TableCellContent, TableRowContent};

use super::DocumentError;

pub const MAX_ENTRIES: usize = 1_000;
pub const MAX_TOTAL_UNCOMPRESSED: u64 = 50 * 1024 * 1024;
pub const MAX_RATIO: u64 = 100;
/// Entries smaller than this cannot hurt whatever their ratio (a tiny XML part compresses well).
const RATIO_FLOOR: u64 = 64 * 1024;

/// Refuses archives that could exhaust memory or write outside a folder if unpacked.
pub fn check_archive(bytes: &[u8]) -> Result<(), DocumentError> {
    let unsafe_archive = |why: &str| DocumentError::UnsafeArchive(why.to_owned());
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocumentError::Unreadable(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(unsafe_archive("it has more than 1,000 parts"));
    }
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).map_err(|e| DocumentError::Unreadable(e.to_string()))?;
        if entry.enclosed_name().is_none() {
            return Err(unsafe_archive("a part's path points outside the document"));
        }
        let declared = entry.size();
        if declared > RATIO_FLOOR && declared / entry.compressed_size().max(1) > MAX_RATIO {
            return Err(unsafe_archive("a part inflates more than 100 times"));
        }
        total = total.saturating_add(declared);
        if total > MAX_TOTAL_UNCOMPRESSED {
            return Err(unsafe_archive("it unpacks to more than 50 MB"));
        }
        // Sizes in the archive's directory can lie: inflate and count, never beyond the claim.
        let actual = io::copy(&mut (&mut entry).take(declared + 1), &mut io::sink())
            .map_err(|e| DocumentError::Unreadable(e.to_string()))?;
        if actual > declared {
            return Err(unsafe_archive("a part is larger than it claims"));
        }
    }
    Ok(())
}

/// The document's text in reading order.
pub fn extract(bytes: &[u8]) -> Result<String, DocumentError> {
    check_archive(bytes)?;
    let file =
        DocxFile::from_reader(Cursor::new(bytes)).map_err(|e| DocumentError::Unreadable(e.to_string()))?;
    let docx = file.parse().map_err(|e| DocumentError::Unreadable(e.to_string()))?;

    let mut lines = Vec::new();
    let mut headers: Vec<_> = docx.headers.iter().collect();
    headers.sort_by(|a, b| a.0.cmp(b.0));
    for (_, header) in headers {
        walk(&header.content, &mut lines);
    }
    walk(&docx.document.body.content, &mut lines);
    let mut footers: Vec<_> = docx.footers.iter().collect();
    footers.sort_by(|a, b| a.0.cmp(b.0));
    for (_, footer) in footers {
        walk(&footer.content, &mut lines);
    }
    Ok(lines.join("\n"))
}

fn walk(content: &[BodyContent<'_>], lines: &mut Vec<String>) {
    for item in content {
        match item {
            BodyContent::Paragraph(paragraph) => lines.push(paragraph_text(paragraph)),
            BodyContent::Table(table) => {
                for row in &table.rows {
                    let cells: Vec<String> = row
                        .cells
                        .iter()
                        .map(|cell| match cell {
                            TableRowContent::TableCell(cell) => cell
                                .content
                                .iter()
                                .map(|TableCellContent::Paragraph(p)| paragraph_text(p))
                                .collect::<Vec<_>>()
                                .join(" "),
                            TableRowContent::SDT(sdt) => sdt.text(),
                        })
                        .collect();
                    lines.push(cells.join(" | "));
                }
            }
            BodyContent::Sdt(sdt) => lines.push(sdt.text()),
            BodyContent::TableCell(cell) => {
                for TableCellContent::Paragraph(p) in &cell.content {
                    lines.push(paragraph_text(p));
                }
            }
            BodyContent::Run(run) => lines.push(run.text()),
            BodyContent::SectionProperty(_) => {}
        }
    }
}

/// A paragraph's text; list items get a bullet so lists stay lists. Word marks them with
/// numbering on the paragraph or through a list style ("List Bullet", "List Number", ...).
fn paragraph_text(paragraph: &Paragraph<'_>) -> String {
    let text = paragraph.text();
    let is_list_item = paragraph.property.as_ref().is_some_and(|p| {
        p.numbering.is_some() || p.style_id.as_ref().is_some_and(|s| s.value.starts_with("List"))
    });
    if is_list_item && !text.trim().is_empty() { format!("• {text}") } else { text }
}
