//! Benchmark (not a test): what reading a document in an isolated child process costs.
//!
//! Reads the two-page PDF CV fixture (and the DOCX and TXT ones) `BENCH_ROUNDS` times (default
//! 30) in this process, as the server did before the isolation, and through
//! [`DocumentReader`] with the release server binary (`SERVER_BIN`, which `make bench` sets),
//! as the server does now, and prints p50/p95 of both and the difference.
//!
//!     SERVER_BIN=target/release/server cargo bench -p server --bench documents

use std::path::PathBuf;
use std::time::{Duration, Instant};

use app::server::documents::{self, DocumentKind};
use app::server::extraction::DocumentReader;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn percentile(samples: &mut [Duration], q: f64) -> f64 {
    samples.sort();
    let index = ((samples.len() as f64 * q) as usize).min(samples.len() - 1);
    samples[index].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let rounds: usize = std::env::var("BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(30);
    let program =
        PathBuf::from(std::env::var("SERVER_BIN").unwrap_or_else(|_| "target/release/server".into()));
    assert!(program.exists(), "{} is missing: run `make build` first (or set SERVER_BIN)", program.display());
    let reader = DocumentReader::new(program, 1);
    println!("Document reading, {rounds} rounds each (in this process vs an isolated reader process)");
    for (name, kind) in [
        ("cv-two-pages.pdf", DocumentKind::Pdf),
        ("cv-with-table.docx", DocumentKind::Docx),
        ("jd.txt", DocumentKind::Txt),
    ] {
        let bytes = fixture(name);
        let mut inline = Vec::with_capacity(rounds);
        let mut isolated = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let started = Instant::now();
            documents::extract_blocking(kind, &bytes).expect("the fixture reads");
            inline.push(started.elapsed());
            let started = Instant::now();
            reader.read(kind, bytes.clone()).await.expect("the fixture reads in the reader");
            isolated.push(started.elapsed());
        }
        let (in_p50, in_p95) = (percentile(&mut inline, 0.5), percentile(&mut inline, 0.95));
        let (iso_p50, iso_p95) = (percentile(&mut isolated, 0.5), percentile(&mut isolated, 0.95));
        println!(
            "  {name:<20} in-process p50 {in_p50:6.2} ms p95 {in_p95:6.2} ms | isolated p50 {iso_p50:6.2} ms \
             p95 {iso_p95:6.2} ms | overhead p50 {:+.2} ms",
            iso_p50 - in_p50
        );
    }
}
