//! The release-shaped process: configuration by environment only, JSON logs, `logs/app.log`,
//! and a clean exit on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{TestDatabase, scratch_dir, test_env};

/// Starts the server binary and returns it with the URL it announced on stdout.
fn start_server(database: &TestDatabase, workdir: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .envs(test_env(database, workdir))
        .env("LOG_FORMAT", "json")
        .current_dir(workdir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the server binary");
    let stdout = child.stdout.take().expect("piped stdout");
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("Interview Coach is ready at ") {
                let _ = sender.send(url.to_owned());
            }
        }
    });
    let url = receiver.recv_timeout(Duration::from_secs(60)).expect("the server announces its URL");
    (child, url)
}

fn terminate(child: &Child) {
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("run kill");
    assert!(status.success());
}

#[tokio::test]
async fn request_id_appears_in_the_header_and_in_app_log() {
    let database = TestDatabase::fresh().await;
    let workdir = scratch_dir(&database, "run");
    let (mut child, url) = start_server(&database, &workdir);

    let response = reqwest::get(format!("{url}/")).await.expect("GET /");
    let id = response.headers()["x-request-id"].to_str().unwrap().to_owned();

    let log_path = workdir.join("logs").join("app.log");
    let deadline = Instant::now() + Duration::from_secs(10);
    let line = loop {
        let log = std::fs::read_to_string(&log_path).unwrap_or_default();
        if let Some(line) = log.lines().find(|l| l.contains(&id) && l.contains("request finished")) {
            break line.to_owned();
        }
        assert!(Instant::now() < deadline, "request id {id} never reached {}:\n{log}", log_path.display());
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let entry: serde_json::Value = serde_json::from_str(&line).expect("log lines are JSON");
    assert_eq!(entry["span"]["request.id"], id.as_str());
    assert_eq!(entry["http.status"], 200);

    terminate(&child);
    let stopped = wait_with_timeout(&mut child, Duration::from_secs(10));
    assert!(stopped.is_some_and(|s| s.success()), "the server must exit cleanly on SIGTERM: {stopped:?}");
}

#[test]
fn invalid_settings_stop_start_up_naming_the_variable() {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .env("LOG_FORMAT", "xml")
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run the server binary");

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("LOG_FORMAT"), "{stderr}");
}

fn wait_with_timeout(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("poll the child") {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    None
}

#[test]
fn development_sign_in_on_a_public_address_stops_start_up() {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .env("HOST", "0.0.0.0")
        .env("PORT", "0")
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run the server binary");

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("OIDC_ISSUER_URL") && stderr.contains("ALLOW_DEV_SIGNIN=true"), "{stderr}");
}

#[tokio::test]
async fn an_unreachable_identity_provider_stops_start_up_with_a_clear_error() {
    let database = TestDatabase::fresh().await;
    let workdir = scratch_dir(&database, "run");
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .envs(test_env(&database, &workdir))
        .env("OIDC_ISSUER_URL", "http://127.0.0.1:9")
        .env("OIDC_CLIENT_ID", "interview-coach")
        .env("OIDC_REDIRECT_URL", "http://127.0.0.1:3000/auth/callback")
        .current_dir(&workdir)
        .output()
        .expect("run the server binary");

    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("cannot reach the identity provider at OIDC_ISSUER_URL=http://127.0.0.1:9"),
        "{stdout}"
    );
}
