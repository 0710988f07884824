//! The container contract: the server binary run exactly as the image runs it (the Dockerfile's
//! `app` stage). Configuration only from environment variables, `PORT` chosen by the platform,
//! a read-only site directory, JSON logs on stdout, `/healthz` and `/readyz`, and on SIGTERM an
//! in-flight request still completes and the process exits cleanly within 10 seconds.
//!
//! `make test-container` runs this against the release binary (`SERVER_BIN`); `cargo test` runs
//! it against the debug build of the same code.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::support::process::{wait_until_listening, wait_with_timeout};
use crate::support::{TestDatabase, scratch_dir};

fn server_binary() -> PathBuf {
    std::env::var_os("SERVER_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_server")), PathBuf::from)
}

/// A site directory like the image's: the public files, read-only.
fn read_only_site(workdir: &Path) -> PathBuf {
    let site = workdir.join("site");
    std::fs::create_dir_all(&site).unwrap();
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
    for entry in std::fs::read_dir(public).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), site.join(entry.file_name())).unwrap();
        }
    }
    set_read_only(&site);
    site
}

fn set_read_only(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        std::fs::set_permissions(entry.unwrap().path(), std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
}

/// Names, sizes and modification times of every file under `dir`.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let metadata = entry.as_ref().unwrap().metadata().unwrap();
            (entry.unwrap().path(), metadata.len(), metadata.modified().unwrap())
        })
        .collect();
    files.sort();
    files
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test]
async fn the_binary_honours_the_container_contract() {
    let database = TestDatabase::fresh().await;
    let workdir = scratch_dir(&database, "container");
    let site = read_only_site(&workdir);
    let site_before = snapshot(&site);
    let port = free_port();

    // The image's environment (Dockerfile `app` stage), plus the database and, as compose does
    // without an identity provider, development sign-in.
    let mut child = Command::new(server_binary())
        .env_clear()
        .current_dir(&workdir)
        .envs([
            ("HOST", "0.0.0.0"),
            ("PORT", &port.to_string()),
            ("LOG_FORMAT", "json"),
            ("RUST_LOG", "info"),
            ("LEPTOS_SITE_ROOT", "site"),
            ("DATA_DIR", "data"),
            ("LOG_DIR", "logs"),
            ("REPORTS_DIR", "reports"),
            ("DATABASE_URL", &database.url),
            ("ALLOW_DEV_SIGNIN", "true"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server binary");
    let (url, stdout) = wait_until_listening(&mut child, Duration::from_secs(60));
    assert!(url.ends_with(&format!(":{port}")), "listens on PORT: {url}");
    let local = format!("http://127.0.0.1:{port}");

    for probe in ["/healthz", "/readyz", "/favicon.svg"] {
        let response = reqwest::get(format!("{local}{probe}")).await.expect("the server answers");
        assert_eq!(response.status(), 200, "{probe}");
    }
    let healthcheck =
        Command::new(server_binary()).arg("healthcheck").env_clear().env("PORT", port.to_string()).output();
    assert!(healthcheck.expect("run the healthcheck").status.success(), "the image's HEALTHCHECK passes");

    // A request still arriving when SIGTERM comes: the server lets it finish, then exits.
    let mut in_flight = TcpStream::connect(("127.0.0.1", port)).unwrap();
    in_flight.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = format!(
        "POST /api/interview HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {local}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\nConnection: close\r\n\r\nabcde"
    );
    in_flight.write_all(head.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let terminated = Instant::now();
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    std::thread::sleep(Duration::from_millis(500));
    in_flight.write_all(b"fghij").unwrap();
    let mut response = String::new();
    let _ = in_flight.read_to_string(&mut response);
    let exited = wait_with_timeout(&mut child, Duration::from_secs(10));

    assert!(response.starts_with("HTTP/1.1 401"), "the in-flight request completed: {response:?}");
    assert!(exited.is_some_and(|status| status.success()), "clean exit on SIGTERM: {exited:?}");
    assert!(terminated.elapsed() < Duration::from_secs(10), "stopped within 10 s");
    let lines = stdout.lines();
    assert!(lines.len() >= 5, "the server logged to stdout: {lines:?}");
    for line in &lines {
        let entry: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {line}"));
        assert!(entry["level"].is_string() && entry["timestamp"].is_string(), "{line}");
    }
    assert!(lines.iter().any(|l| l.contains("stopped cleanly")));
    assert_eq!(snapshot(&site), site_before, "nothing was written into the site directory");
    assert!(workdir.join("logs").join("app.log").exists(), "the optional log file is written under ./logs");
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(stderr.trim().is_empty(), "nothing on stderr: {stderr}");
}
