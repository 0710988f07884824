//! Child processes the tests start: the server binary itself and the test OIDC provider.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The server binary with an empty environment (configuration comes only from what the test
/// sets, as in a container), run from `dir`.
pub fn server_command(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.env_clear().current_dir(dir);
    command
}

/// Runs the server binary with `vars` until it exits (start-up refusals).
pub fn run_server(vars: &[(&str, &str)]) -> Output {
    server_command(&std::env::temp_dir()).envs(vars.iter().copied()).output().expect("run the server binary")
}

/// Reads the child's piped stdout until a line starts with `prefix`; returns the rest of it.
pub fn wait_for_line(child: &mut Child, prefix: &'static str, limit: Duration) -> String {
    let stdout = child.stdout.take().expect("stdout is piped");
    let (sender, receiver) = std::sync::mpsc::channel();
    // Keeps draining stdout afterwards so the child never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix(prefix) {
                let _ = sender.send(rest.to_owned());
            }
        }
    });
    receiver.recv_timeout(limit).unwrap_or_else(|_| panic!("no line starting {prefix:?} within {limit:?}"))
}

/// Waits for the child to exit; kills it and returns `None` after `limit`.
pub fn wait_with_timeout(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
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

/// Every stdout line of a child started with `LOG_FORMAT=json`, collected as they arrive.
#[derive(Clone, Default)]
pub struct JsonStdout(Arc<Mutex<Vec<String>>>);

impl JsonStdout {
    pub fn lines(&self) -> Vec<String> {
        self.0.lock().expect("stdout lines").clone()
    }
}

/// Waits for the JSON log line announcing that the server listens; returns its URL and the
/// collector that keeps reading stdout.
pub fn wait_until_listening(child: &mut Child, limit: Duration) -> (String, JsonStdout) {
    let stdout = child.stdout.take().expect("stdout is piped");
    let collected = JsonStdout::default();
    let (sender, receiver) = std::sync::mpsc::channel();
    let lines = collected.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(entry) = serde_json::from_str::<serde_json::Value>(&line)
                && entry["message"] == "Interview Coach is listening"
                && let Some(url) = entry["url"].as_str()
            {
                let _ = sender.send(url.to_owned());
            }
            lines.0.lock().expect("stdout lines").push(line);
        }
    });
    let url =
        receiver.recv_timeout(limit).unwrap_or_else(|_| panic!("the server did not listen within {limit:?}"));
    (url, collected)
}
