//! Benchmark (not a test): requests per second, p50 and p99 of the interview screen's read
//! (`POST /api/interview`) and of "Next Question" (`POST /api/interview/next`) on MariaDB, against
//! one instance and against two instances behind the round-robin proxy, at 10 and 200
//! connections; then each instance's memory.
//!
//! The release server runs as in production: `end2end/scale-out/cluster.mjs` starts two instances
//! on a fresh MySQL database behind its proxy. "One instance" is instance A addressed directly
//! (B idles); "two instances" is the proxy. Every connection is one candidate with their own
//! session and interview (signed in, CV and JD uploaded, interview started, over HTTP), and runs
//! closed-loop: the next request leaves when the previous answer arrived. "Next Question" sends
//! the question on the candidate's screen, so every call really skips it and asks a new one.
//!
//!     SERVER_BIN=target/release/server SITE_ROOT=target/site \
//!       cargo bench -p server --bench throughput        (make bench runs it)
//!
//! Settings: BENCH_MYSQL_URL (else TEST_MYSQL_URL, else the local MariaDB), BENCH_SECONDS per
//! run (default 10), BENCH_PORT for the proxy (default 3300; the instances take the next two).
//! Everything shares the machine's cores: load generator, proxy, instances and database.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;

const CONNECTIONS: [usize; 2] = [10, 200];
/// Every "Next Question" run gets candidates of its own (each skip adds a question, and an
/// interview asks at most QUESTIONS_PER_INTERVIEW); the screen reads use the first 200.
const CANDIDATES: usize = 2 * (10 + 200);

/// One signed-in candidate with a running interview.
struct Candidate {
    cookie: String,
    question_id: i64,
}

#[derive(Clone, Copy)]
enum Call {
    ReadScreen,
    NextQuestion,
}

impl Call {
    fn label(self) -> &'static str {
        match self {
            Self::ReadScreen => "interview screen read",
            Self::NextQuestion => "Next Question",
        }
    }
}

/// What one run measured.
struct Outcome {
    latencies: Vec<Duration>,
    /// Failed calls by HTTP status (0: no usable response).
    failures: BTreeMap<u16, usize>,
    elapsed: Duration,
}

impl Outcome {
    fn percentile(&self, q: f64) -> f64 {
        let index = ((self.latencies.len() as f64 * q) as usize).min(self.latencies.len().saturating_sub(1));
        self.latencies.get(index).map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    }

    fn failures(&self) -> String {
        let total: usize = self.failures.values().sum();
        if total == 0 {
            return "0".into();
        }
        let by_status: Vec<String> =
            self.failures.iter().map(|(status, n)| format!("{n}x{status}")).collect();
        format!("{total} ({})", by_status.join(", "))
    }
}

fn main() {
    let seconds: u64 = std::env::var("BENCH_SECONDS").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let proxy_port: u16 = std::env::var("BENCH_PORT").ok().and_then(|v| v.parse().ok()).unwrap_or(3300);
    let mysql = std::env::var("BENCH_MYSQL_URL")
        .or_else(|_| std::env::var("TEST_MYSQL_URL"))
        .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/interview_coach_test".into());
    let end2end = Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end");

    let cluster = Cluster::start(&end2end, &mysql, proxy_port);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a Tokio runtime");
    runtime.block_on(async {
        let direct = format!("http://127.0.0.1:{}", proxy_port + 1);
        let proxied = format!("http://127.0.0.1:{proxy_port}");
        println!("Interview throughput on MariaDB: {CANDIDATES} candidates, {seconds} s per run, closed loop");
        let mut candidates = Vec::with_capacity(CANDIDATES);
        for n in 0..CANDIDATES {
            candidates.push(prepare(&direct, n).await);
        }
        let candidates: Vec<_> = candidates.into_iter().map(|c| Arc::new(tokio::sync::Mutex::new(c))).collect();
        let mut used = 0;
        for call in [Call::ReadScreen, Call::NextQuestion] {
            for (label, base) in [("1 instance", &direct), ("2 instances + proxy", &proxied)] {
                for connections in CONNECTIONS {
                    let taking = match call {
                        Call::ReadScreen => &candidates[..connections],
                        Call::NextQuestion => {
                            used += connections;
                            &candidates[used - connections..used]
                        }
                    };
                    // A short warm-up fills the pools and the caches, then the measured run.
                    run(base, call, taking, Duration::from_secs(1)).await;
                    let outcome = run(base, call, taking, Duration::from_secs(seconds)).await;
                    println!(
                        "  {:<22} {label:<20} {connections:>3} connections: {:>7.0} req/s  p50 {:>6.1} ms  p99 {:>6.1} ms  failed {}",
                        call.label(),
                        outcome.latencies.len() as f64 / outcome.elapsed.as_secs_f64(),
                        outcome.percentile(0.50),
                        outcome.percentile(0.99),
                        outcome.failures(),
                    );
                }
            }
        }
    });
    for (port, pid) in cluster.instances() {
        let (rss, peak) = memory(pid);
        println!("  instance on port {port}: memory now {rss} MB, peak {peak} MB");
    }
}

/// Signs candidate `n` in through the development form, uploads the CV and the JD, starts the
/// interview and returns their session and the question on their screen.
async fn prepare(base: &str, n: usize) -> Candidate {
    let client = client();
    let fields =
        [("first_name", "Bench"), ("last_name", "Candidate"), ("email", &format!("bench{n}@example.com"))];
    let response = client.post(format!("{base}/auth/dev")).header("origin", base).form(&fields).send().await;
    let response = response.expect("the development sign-in answers");
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("the sign-in sets a session cookie")
        .to_owned();
    for (path, file, title) in
        [("/documents/cv", "cv-two-pages.pdf", None), ("/documents/jd", "jd.txt", Some("Backend Engineer"))]
    {
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(file))
            .expect("the fixture exists");
        let mut form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name(file.to_owned()));
        if let Some(title) = title {
            form = form.text("position_title", title);
        }
        let response = client
            .post(format!("{base}{path}"))
            .header("origin", base)
            .header("cookie", &cookie)
            .multipart(form)
            .send()
            .await
            .expect("the upload answers");
        assert!(response.status().is_redirection(), "uploading {file} failed: {}", response.status());
    }
    let screen = call(&client, base, &cookie, "interview/start", &[]).await.expect("the interview starts");
    Candidate { question_id: current_question(&screen).expect("a question is on screen"), cookie }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a client")
}

/// Calls a server function and returns its JSON, or the error status (0: no usable response).
async fn call(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    name: &str,
    fields: &[(&str, String)],
) -> Result<Value, u16> {
    let sent = client
        .post(format!("{base}/api/{name}"))
        .header("origin", base)
        .header("cookie", cookie)
        .form(fields);
    let response = sent.send().await.map_err(|_| 0u16)?;
    if !response.status().is_success() {
        return Err(response.status().as_u16());
    }
    response.json().await.map_err(|_| 0u16)
}

/// The id of the last question in a screen's running interview.
fn current_question(screen: &Value) -> Option<i64> {
    screen["stage"]["Running"]["turns"].as_array()?.last()?["question_id"].as_i64()
}

/// `connections` candidates calling `call` in a closed loop for `length`.
async fn run(
    base: &str,
    call_kind: Call,
    candidates: &[Arc<tokio::sync::Mutex<Candidate>>],
    length: Duration,
) -> Outcome {
    let started = Instant::now();
    let deadline = started + length;
    let tasks: Vec<_> = candidates
        .iter()
        .map(|candidate| {
            let (base, candidate) = (base.to_owned(), Arc::clone(candidate));
            tokio::spawn(async move {
                let client = client();
                let mut candidate = candidate.lock().await;
                let (mut latencies, mut failures) = (Vec::new(), BTreeMap::new());
                while Instant::now() < deadline {
                    let sent = Instant::now();
                    let answer = match call_kind {
                        Call::ReadScreen => call(&client, &base, &candidate.cookie, "interview", &[]).await,
                        Call::NextQuestion => {
                            let fields = [("question_id", candidate.question_id.to_string())];
                            call(&client, &base, &candidate.cookie, "interview/next", &fields).await
                        }
                    };
                    match answer.and_then(|screen| current_question(&screen).ok_or(0u16)) {
                        Ok(question_id) => {
                            latencies.push(sent.elapsed());
                            candidate.question_id = question_id;
                        }
                        Err(status) => *failures.entry(status).or_insert(0) += 1,
                    }
                }
                (latencies, failures)
            })
        })
        .collect();
    let mut outcome = Outcome { latencies: Vec::new(), failures: BTreeMap::new(), elapsed: Duration::ZERO };
    for task in tasks {
        let (latencies, failures) = task.await.expect("a load task finishes");
        outcome.latencies.extend(latencies);
        for (status, n) in failures {
            *outcome.failures.entry(status).or_insert(0) += n;
        }
    }
    outcome.elapsed = started.elapsed();
    outcome.latencies.sort();
    outcome
}

/// The two instances and the proxy (`end2end/scale-out/cluster.mjs`), stopped on drop.
struct Cluster {
    child: Child,
    proxy_port: u16,
}

impl Cluster {
    fn start(end2end: &Path, mysql: &str, proxy_port: u16) -> Self {
        let server =
            std::env::var("SERVER_BIN").map(PathBuf::from).expect("SERVER_BIN names the release server");
        assert!(server.exists(), "{} is missing: run `make build` first", server.display());
        let child = Command::new("node")
            .current_dir(end2end)
            .args(["scale-out/cluster.mjs", &proxy_port.to_string()])
            // Every candidate makes hundreds of coach calls a minute here, far past the hourly
            // limit that protects a real deployment.
            .args([
                "COACH_CALLS_PER_HOUR=100000000",
                "UPLOADS_PER_HOUR=1000",
                "QUESTIONS_PER_INTERVIEW=1000",
                "RUST_LOG=warn",
            ])
            .env("TEST_MYSQL_URL", mysql)
            .env("CLUSTER_NAME", "bench_throughput")
            .stdout(Stdio::null())
            .spawn()
            .expect("node starts the cluster");
        let cluster = Self { child, proxy_port };
        let ready = format!("http://127.0.0.1:{proxy_port}/readyz");
        for _ in 0..600 {
            if std::process::Command::new("curl")
                .args(["-sf", "-o", "/dev/null", &ready])
                .status()
                .is_ok_and(|s| s.success())
            {
                return cluster;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the cluster did not become ready on port {proxy_port}");
    }

    fn instances(&self) -> Vec<(u16, u32)> {
        let url = format!("http://127.0.0.1:{}/__proxy/instances", self.proxy_port);
        let output = Command::new("curl").args(["-sf", &url]).output().expect("curl runs");
        let instances: Value = serde_json::from_slice(&output.stdout).expect("the proxy lists its instances");
        instances
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| {
                Some((u16::try_from(i["port"].as_u64()?).ok()?, u32::try_from(i["pid"].as_u64()?).ok()?))
            })
            .collect()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // cluster.mjs stops its instances on SIGTERM.
        let _ = Command::new("kill").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}

/// Resident and peak resident memory of a process, in MB, from /proc.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
