//! Child processes the tests start: the server binary itself and the test OIDC provider.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output};
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
