//! Any bytes given to the TXT reader must come back as text or an error.
//!
//! Production runs every extraction inside `catch_unwind` (see `documents::extract`), so a
//! panic in a parsing library costs one upload, not the server; this target does the same.
//! What it looks for is what that guard cannot contain: aborts, stack overflows, runaway memory
//! (`-rss_limit_mb`) and hangs (`-timeout`).
#![no_main]

use std::panic::{AssertUnwindSafe, catch_unwind};

use interview_coach_fuzz::documents::{DocumentKind, extract_blocking};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    interview_coach_fuzz::contain_panics();
    let _ = catch_unwind(AssertUnwindSafe(|| extract_blocking(DocumentKind::Txt, data)));
});
