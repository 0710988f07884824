//! Reading an uploaded document in a child process with hard limits.
//!
//! The readers in [`documents`] bound what they decode, but a parser bug or a file shape nobody
//! thought of can still loop for ever or allocate without end, and a thread cannot be stopped
//! from outside. So the server never reads a document in its own process. It starts a child,
//! the server binary itself in its `read-document` mode ([`run_child`]), which first limits
//! its own memory ([`MEMORY_LIMIT_MIB`] of data and stack), CPU time, file writes and core
//! dumps, then reads the file from stdin and writes the result as JSON to stdout. The parent
//! kills the child at the time limit, and reads at most [`MAX_REPLY_BYTES`] of its reply, so
//! whatever the file, the server holds no more than the upload and that reply, and the slot
//! is free again the moment the child is gone. The child gets an empty environment: no
//! database URL or API key is ever within reach of a hostile file.

use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::{ExitCode, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;
use tokio::sync::Semaphore;

use super::documents::{
    self, DocumentError, DocumentKind, Extracted, MAX_UPLOAD_BYTES, MEMORY_LIMIT_MIB, TIME_LIMIT_SECS,
};

/// The server binary's argument that makes it a document reader.
pub const COMMAND: &str = "read-document";
/// Largest reply read from the child: the normalised text is capped far below this.
pub const MAX_REPLY_BYTES: u64 = 8 * 1024 * 1024;
/// Stack of the child's reading thread: a deeply nested file must not overflow it (the memory
/// limit counts it).
const READER_STACK: usize = 32 * 1024 * 1024;
/// How much of the child's stderr is kept for the log.
const MAX_STDERR_BYTES: u64 = 4 * 1024;

/// Starts isolated document readers, a few at a time.
#[derive(Clone)]
pub struct DocumentReader {
    program: Arc<PathBuf>,
    slots: Arc<Semaphore>,
    time_limit: Duration,
}

impl DocumentReader {
    /// Readers run `program read-document <kind>`; at most `concurrent` at once.
    pub fn new(program: PathBuf, concurrent: usize) -> Self {
        Self {
            program: Arc::new(program),
            slots: Arc::new(Semaphore::new(concurrent.max(1))),
            time_limit: Duration::from_secs(TIME_LIMIT_SECS),
        }
    }

    /// The same reader with another time limit (tests).
    pub fn with_time_limit(mut self, time_limit: Duration) -> Self {
        self.time_limit = time_limit;
        self
    }

    /// Reads the document in a child process. Waiting for a free slot counts against the same
    /// time limit; the child is killed (and reaped) when the limit passes.
    pub async fn read(&self, kind: DocumentKind, bytes: Vec<u8>) -> Result<Extracted, DocumentError> {
        let work = async {
            let _slot = self.slots.acquire().await.map_err(|_| reader_failed("no reader slots"))?;
            self.run(kind, bytes).await
        };
        tokio::time::timeout(self.time_limit, work).await.unwrap_or(Err(DocumentError::TimedOut))
    }

    async fn run(&self, kind: DocumentKind, bytes: Vec<u8>) -> Result<Extracted, DocumentError> {
        let mut child = Command::new(self.program.as_ref())
            .arg(COMMAND)
            .arg(kind_arg(kind))
            .env_clear()
            // The server's allocator is mimalloc (server/src/main.rs). By default it maps its
            // arenas (1 GiB each) writable up front, which RLIMIT_DATA counts in full, so the
            // reader could not allocate at all; this way an arena is only reserved, and pages
            // count against the limit as they are used.
            .env("MIMALLOC_ARENA_EAGER_COMMIT", "0")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Dropping this future (time limit, client gone) kills the child.
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| reader_failed(format!("cannot start {}: {e}", self.program.display())))?;
        let (Some(mut stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(reader_failed("the reader's pipes are missing"));
        };
        let feed = async move {
            // A child that stops reading early (it failed, or was killed) closes the pipe: fine.
            let _ = stdin.write_all(&bytes).await;
        };
        let mut reply = Vec::new();
        let mut diagnostics = Vec::new();
        let mut stdout = stdout.take(MAX_REPLY_BYTES);
        let mut stderr = stderr.take(MAX_STDERR_BYTES);
        let (_, replied, _) =
            tokio::join!(feed, stdout.read_to_end(&mut reply), stderr.read_to_end(&mut diagnostics));
        if replied.is_ok() && reply.len() as u64 >= MAX_REPLY_BYTES {
            let _ = child.start_kill();
        }
        let status = child.wait().await.map_err(|e| reader_failed(format!("waiting for the reader: {e}")))?;
        outcome(kind, status, &reply, &String::from_utf8_lossy(&diagnostics))
    }
}

fn reader_failed(why: impl Into<String>) -> DocumentError {
    DocumentError::ReaderFailed(why.into())
}

fn kind_arg(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Pdf => "pdf",
        DocumentKind::Docx => "docx",
        DocumentKind::Txt => "txt",
    }
}

/// What the child's exit means for the candidate.
fn outcome(
    kind: DocumentKind,
    status: ExitStatus,
    reply: &[u8],
    stderr: &str,
) -> Result<Extracted, DocumentError> {
    use std::os::unix::process::ExitStatusExt;
    const SIGKILL: i32 = 9;
    const SIGABRT: i32 = 6;
    const SIGXCPU: i32 = 24;
    if status.success() {
        return serde_json::from_slice::<Result<Extracted, DocumentError>>(reply)
            .unwrap_or_else(|e| Err(reader_failed(format!("unreadable reply ({e})"))));
    }
    match status.signal() {
        // Rust aborts when an allocation fails: the memory limit was reached.
        Some(SIGABRT) if stderr.contains("memory allocation") => Err(DocumentError::ExpandsTooMuch { kind }),
        Some(SIGXCPU | SIGKILL) => Err(DocumentError::TimedOut),
        _ => Err(reader_failed(format!("the reader ended with {status}: {}", stderr.trim()))),
    }
}

/// The child's side: limits itself, reads the file from stdin, writes
/// `Result<Extracted, DocumentError>` as JSON to stdout. `kind` is `pdf`, `docx` or `txt`.
pub fn run_child(kind: Option<&str>) -> ExitCode {
    let kind = match kind {
        Some("pdf") => DocumentKind::Pdf,
        Some("docx") => DocumentKind::Docx,
        Some("txt") => DocumentKind::Txt,
        other => {
            eprintln!("usage: server {COMMAND} pdf|docx|txt (got {other:?})");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = limit_this_process() {
        // Never read a hostile file without the limits.
        eprintln!("cannot limit the reader: {error}");
        return ExitCode::from(71);
    }
    let mut bytes = Vec::new();
    if let Err(error) = std::io::stdin().lock().take(MAX_UPLOAD_BYTES as u64 + 1).read_to_end(&mut bytes) {
        eprintln!("cannot read the document: {error}");
        return ExitCode::from(74);
    }
    let result = if bytes.len() > MAX_UPLOAD_BYTES {
        Err(DocumentError::TooLarge)
    } else {
        std::thread::Builder::new()
            .name("document-reader".into())
            .stack_size(READER_STACK)
            .spawn(move || {
                catch_unwind(AssertUnwindSafe(|| documents::extract_blocking(kind, &bytes)))
                    .unwrap_or(Err(DocumentError::Panicked))
            })
            .map_or(Err(DocumentError::Panicked), |reader| {
                reader.join().unwrap_or(Err(DocumentError::Panicked))
            })
    };
    let mut stdout = std::io::stdout().lock();
    match serde_json::to_writer(&mut stdout, &result)
        .and_then(|()| stdout.flush().map_err(serde_json::Error::io))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write the result: {error}");
            ExitCode::from(74)
        }
    }
}

/// Memory (data segment, anonymous mappings and stacks), CPU seconds, no files written, no
/// core dump.
fn limit_this_process() -> std::io::Result<()> {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let limit = |resource, value: u64| {
        setrlimit(resource, Rlimit { current: Some(value), maximum: Some(value) })
            .map_err(std::io::Error::from)
    };
    limit(Resource::Data, MEMORY_LIMIT_MIB * 1024 * 1024)?;
    setrlimit(Resource::Cpu, Rlimit { current: Some(TIME_LIMIT_SECS), maximum: Some(TIME_LIMIT_SECS + 1) })
        .map_err(std::io::Error::from)?;
    limit(Resource::Fsize, 0)?;
    limit(Resource::Core, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::time::Instant;

    use super::*;

    /// A stand-in reader program: a shell script (real processes, real signals).
    fn script(dir: &tempfile::TempDir, body: &str) -> PathBuf {
        let path = dir.path().join("reader.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("make it executable");
        path
    }

    #[tokio::test]
    async fn a_reader_that_runs_past_the_limit_is_killed_and_frees_its_slot() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let reader = DocumentReader::new(script(&dir, "echo $$ > \"$0.pid\"; exec sleep 60"), 1)
            .with_time_limit(Duration::from_millis(500));
        let started = Instant::now();
        let result = reader.read(DocumentKind::Pdf, b"%PDF-1.7".to_vec()).await;
        assert_eq!(result, Err(DocumentError::TimedOut));
        assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());

        // The child is gone, not abandoned.
        let pid =
            std::fs::read_to_string(dir.path().join("reader.sh.pid")).expect("the script wrote its pid");
        let mut gone = false;
        for _ in 0..50 {
            let status = std::fs::read_to_string(format!("/proc/{}/status", pid.trim())).unwrap_or_default();
            if status.is_empty() || status.contains("State:\tZ") {
                gone = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(gone, "reader process {} still runs", pid.trim());
        // The only slot is free again: the next read starts (and times out) instead of waiting.
        assert!(reader.slots.available_permits() == 1);
    }

    #[tokio::test]
    async fn an_allocation_failure_reads_as_a_file_that_expands_too_much() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let body = "cat > /dev/null; echo 'memory allocation of 268435456 bytes failed' >&2; kill -ABRT $$";
        let reader = DocumentReader::new(script(&dir, body), 1);
        let error = reader.read(DocumentKind::Pdf, vec![b'x'; 1024]).await.unwrap_err();
        assert_eq!(error, DocumentError::ExpandsTooMuch { kind: DocumentKind::Pdf });
        assert!(error.user_message().starts_with("This PDF expands to more than 256 MB when opened"));
    }

    #[tokio::test]
    async fn a_cpu_limit_kill_reads_as_a_timeout() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let reader = DocumentReader::new(script(&dir, "kill -XCPU $$"), 1);
        assert_eq!(reader.read(DocumentKind::Docx, vec![1, 2, 3]).await, Err(DocumentError::TimedOut));
    }

    #[tokio::test]
    async fn garbage_or_a_crash_is_a_reader_failure_not_a_verdict_on_the_file() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let garbage = DocumentReader::new(script(&dir, "cat > /dev/null; echo '{not json'"), 1);
        assert!(matches!(
            garbage.read(DocumentKind::Txt, b"hello".to_vec()).await,
            Err(DocumentError::ReaderFailed(_))
        ));
        let missing = DocumentReader::new(dir.path().join("no-such-program"), 1);
        let error = missing.read(DocumentKind::Txt, b"hello".to_vec()).await.unwrap_err();
        assert!(matches!(error, DocumentError::ReaderFailed(_)));
        assert!(error.user_message().contains("try again"), "{}", error.user_message());
    }

    #[tokio::test]
    async fn a_reply_is_decoded_into_the_extracted_text() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let extracted = Extracted {
            kind: DocumentKind::Txt,
            text: "Senior engineer".into(),
            pages: None,
            chars: 15,
            truncated: false,
        };
        let json = serde_json::to_string(&Ok::<_, DocumentError>(extracted.clone())).expect("serialises");
        let reader = DocumentReader::new(script(&dir, &format!("cat > /dev/null; printf '%s' '{json}'")), 1);
        assert_eq!(reader.read(DocumentKind::Txt, b"hello".to_vec()).await, Ok(extracted));
    }

    #[tokio::test]
    async fn the_reader_gets_an_empty_environment() {
        let dir = tempfile::tempdir().expect("temporary directory");
        // The script fails (exit 3) if any variable but the allocator's and the shell's own is set.
        let body = "cat > /dev/null; env | grep -v -E '^(MIMALLOC_ARENA_EAGER_COMMIT|PWD|SHLVL|_)=' | grep -q . && exit 3; exit 4";
        let reader = DocumentReader::new(script(&dir, body), 1);
        let error = reader.read(DocumentKind::Txt, b"x".to_vec()).await.unwrap_err();
        let DocumentError::ReaderFailed(why) = error else {
            panic!("expected a reader failure, got {error:?}")
        };
        assert!(why.contains("exit status: 4"), "{why}");
    }
}
