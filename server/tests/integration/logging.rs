//! The release-shaped process: configuration by environment only, JSON logs, `logs/app.log`,
//! and a clean exit on SIGTERM.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::process::{run_server, server_command, wait_until_listening, wait_with_timeout};
use crate::support::{TestDatabase, scratch_dir, test_env};

/// Starts the server binary and returns it with the URL it announced on stdout.
fn start_server(database: &TestDatabase, workdir: &std::path::Path) -> (Child, String) {
    let mut child = server_command(workdir)
        .envs(test_env(database, workdir))
        .env("LOG_FORMAT", "json")
        // Every statement counts as slow, so the slow-statement log is exercised.
        .env("DB_SLOW_STATEMENT_MS", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the server binary");
    let (url, _) = wait_until_listening(&mut child, Duration::from_secs(60));
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
    let log = std::fs::read_to_string(&log_path).unwrap();
    let slow =
        log.lines().find(|l| l.contains("slow database statement")).expect("slow statements are logged");
    let slow: serde_json::Value = serde_json::from_str(slow).unwrap();
    assert!(slow["db.duration_ms"].is_u64() && slow["db.statement"].is_string(), "{slow}");

    terminate(&child);
    let stopped = wait_with_timeout(&mut child, Duration::from_secs(10));
    assert!(stopped.is_some_and(|s| s.success()), "the server must exit cleanly on SIGTERM: {stopped:?}");
}

#[test]
fn invalid_settings_stop_start_up_naming_the_variable() {
    let output = run_server(&[("LOG_FORMAT", "xml")]);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("LOG_FORMAT"), "{stderr}");
}

#[test]
fn development_sign_in_on_a_public_address_stops_start_up() {
    let output = run_server(&[("HOST", "0.0.0.0"), ("PORT", "0")]);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("OIDC_ISSUER_URL") && stderr.contains("ALLOW_DEV_SIGNIN=true"), "{stderr}");
}

#[tokio::test]
async fn an_unreachable_identity_provider_stops_start_up_with_a_clear_error() {
    let database = TestDatabase::fresh().await;
    let workdir = scratch_dir(&database, "run");
    let output = server_command(&workdir)
        .envs(test_env(&database, &workdir))
        .env("OIDC_ISSUER_URL", "http://127.0.0.1:9")
        .env("OIDC_CLIENT_ID", "interview-coach")
        .env("OIDC_REDIRECT_URL", "http://127.0.0.1:3000/auth/callback")
        .output()
        .expect("run the server binary");

    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("cannot reach the identity provider at OIDC_ISSUER_URL=http://127.0.0.1:9"),
        "{stdout}"
    );
}

#[tokio::test]
async fn the_migrate_command_applies_the_schema_and_exits() {
    let database = TestDatabase::fresh().await;
    let workdir = scratch_dir(&database, "run");

    let output =
        server_command(&workdir).envs(test_env(&database, &workdir)).arg("migrate").output().unwrap();

    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    use sea_orm::EntityTrait;
    let conn = database.connect().await;
    let users = app::server::db::entities::users::Entity::find().all(&conn).await;
    assert!(users.is_ok_and(|u| u.is_empty()), "the users table exists and is empty");
}
