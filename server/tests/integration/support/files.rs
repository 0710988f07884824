//! Document fixtures: the committed real files (made by `tests/fixtures/generate.py`) and
//! malformed ones built on the fly.

use std::io::{Cursor, Write};

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

/// A syntactically valid PDF whose page tree nests `depth` levels deep.
pub fn deep_page_tree_pdf(depth: usize) -> Vec<u8> {
    let mut objects = vec!["<< /Type /Catalog /Pages 2 0 R >>".to_owned()];
    for level in 0..depth {
        let id = level + 2;
        objects.push(format!("<< /Type /Pages /Kids [{} 0 R] /Count 1 >>", id + 1));
    }
    objects.push(format!("<< /Type /Page /Parent {} 0 R /MediaBox [0 0 612 792] >>", depth + 1));
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", index + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    pdf
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        writer.start_file(*name, options).expect("start entry");
        writer.write_all(content).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

/// A .docx-shaped zip with one part that inflates from a few KB to 60 MB.
pub fn zip_bomb_docx() -> Vec<u8> {
    zip_with(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", &vec![b' '; 60 * 1024 * 1024])])
}

/// A .docx-shaped zip with a part whose path climbs out of the archive.
pub fn path_escaping_docx() -> Vec<u8> {
    zip_with(&[("[Content_Types].xml", b"<Types/>"), ("../../etc/evil.xml", b"<x/>")])
}

/// The first bytes of a real PNG image.
pub fn png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    png
}

/// The file with every byte in its middle third inverted.
pub fn flipped(mut bytes: Vec<u8>) -> Vec<u8> {
    let (start, end) = (bytes.len() / 3, 2 * bytes.len() / 3);
    for byte in &mut bytes[start..end] {
        *byte = !*byte;
    }
    bytes
}
