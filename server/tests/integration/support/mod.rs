//! Test harness shared by every integration test (and by the issues that follow).

pub mod coach;
pub mod files;
pub mod oidc;
pub mod process;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use app::server::config::Settings;
use app::server::startup::Application;
use sea_orm::{ConnectionTrait, Database, DatabaseBackend, DatabaseConnection};
use tempfile::TempDir;
use tokio::sync::oneshot;

/// A database that exists only for one test: a SQLite file in a temporary directory, or a new
/// database on the MySQL server named by `TEST_MYSQL_URL`, dropped when this value is dropped.
pub struct TestDatabase {
    pub url: String,
    pub backend: DatabaseBackend,
    dir: TempDir,
    mysql: Option<MySqlCleanup>,
}

struct MySqlCleanup {
    server_url: String,
    name: String,
}

impl TestDatabase {
    pub async fn fresh() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        match std::env::var("TEST_MYSQL_URL").ok().filter(|v| !v.trim().is_empty()) {
            Some(url) => Self::fresh_mysql(&url, dir).await,
            None => Self {
                url: format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display()),
                backend: DatabaseBackend::Sqlite,
                dir,
                mysql: None,
            },
        }
    }

    async fn fresh_mysql(url: &str, dir: TempDir) -> Self {
        let mut parsed = url::Url::parse(url).expect("TEST_MYSQL_URL is a URL");
        let prefix = parsed.path().trim_start_matches('/').to_owned();
        let prefix = if prefix.is_empty() { "interview_coach_test".to_owned() } else { prefix };
        let name = format!("{prefix}_{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
        parsed.set_path("");
        let server_url = parsed.to_string();

        let admin = Database::connect(&server_url).await.expect("connect to TEST_MYSQL_URL");
        admin
            .execute_unprepared(&format!(
                "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
            ))
            .await
            .expect("create the test database");
        admin.close().await.ok();

        parsed.set_path(&name);
        Self {
            url: parsed.to_string(),
            backend: DatabaseBackend::MySql,
            dir,
            mysql: Some(MySqlCleanup { server_url, name }),
        }
    }

    pub async fn connect(&self) -> DatabaseConnection {
        Database::connect(&self.url).await.expect("connect to the test database")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some(cleanup) = self.mysql.take() else {
            return;
        };
        // Drop runs inside the test's runtime, which cannot be blocked on: use a thread of its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            runtime.block_on(async {
                let admin = Database::connect(&cleanup.server_url).await?;
                admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS `{}`", cleanup.name)).await?;
                admin.close().await
            })?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: could not drop a test database: {dropped:?}");
        }
    }
}

/// Longest a test request may take: a request that hangs fails its test with a clear error
/// instead of stalling the whole suite (seen once, not reproduced: see the session notes).
const REQUEST_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// A running server and what a test needs to talk to it.
pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    /// The server's own pool: closing it simulates losing the database.
    pub db: DatabaseConnection,
    /// Keeps the test database alive (and drops it) with the app.
    _database: std::sync::Arc<TestDatabase>,
    stop: oneshot::Sender<()>,
    served: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl TestApp {
    /// Shuts the application down as SIGTERM does (stop taking requests, finish in-flight ones,
    /// give back what it holds) and waits until it has.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        self.served.await.expect("the server task ends").expect("the server shuts down cleanly");
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request reaches the server")
    }

    /// A client that behaves like one browser: keeps cookies, does not follow redirects (tests
    /// look at each hop), sends this site's `Origin` on form posts.
    pub fn browser(&self) -> Browser {
        let client = reqwest::Client::builder()
            .timeout(REQUEST_LIMIT)
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("build a client");
        Browser { client, origin: format!("http://{}", self.address) }
    }

    /// Signs in through the development form with a client that keeps no cookies, and returns
    /// the session's `Cookie` header value, for requests sent anywhere (another instance, a raw
    /// connection).
    pub async fn session_cookie(&self, first_name: &str, email: &str) -> String {
        let fields = [("first_name", first_name), ("last_name", "Tester"), ("email", email)];
        let response = self.browser().post_form(&self.url("/auth/dev"), &fields).await;
        let set_cookie = response.headers()["set-cookie"].to_str().expect("an ASCII cookie");
        set_cookie.split(';').next().expect("a cookie pair").to_owned()
    }

    /// A browser signed in through the development form.
    pub async fn signed_in(&self, first_name: &str, email: &str) -> Browser {
        let browser = self.browser();
        let fields = [("first_name", first_name), ("last_name", "Tester"), ("email", email)];
        let response = browser.post_form(&self.url("/auth/dev"), &fields).await;
        assert_eq!(location(&response), "/", "development sign-in of {email} should land on /");
        browser
    }
}

/// One simulated browser (see [`TestApp::browser`]).
pub struct Browser {
    pub client: reqwest::Client,
    pub origin: String,
}

impl Browser {
    /// A page request, with the `Accept` header a browser sends (server-side redirects
    /// depend on it).
    pub async fn get(&self, url: &str) -> reqwest::Response {
        self.client
            .get(url)
            .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .send()
            .await
            .expect("GET reaches the server")
    }

    /// The page's HTML with Leptos' hydration markers removed, so text can be matched.
    pub async fn page(&self, url: &str) -> String {
        visible_html(&self.get(url).await.text().await.expect("page body"))
    }

    pub async fn post_form(&self, url: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(url)
            .header("origin", &self.origin)
            .form(fields)
            .send()
            .await
            .expect("POST reaches the server")
    }

    /// Calls a server function (`/api/<name>`) the way the hydrated page does.
    pub async fn server_fn(&self, name: &str) -> reqwest::Response {
        self.call(name, &[]).await
    }

    /// Calls a server function with form arguments, the way the hydrated page's forms do.
    pub async fn call(&self, name: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}/api/{name}", self.origin))
            .header("origin", &self.origin)
            .form(fields)
            .send()
            .await
            .expect("server function call reaches the server")
    }

    /// Calls a server function and decodes its successful JSON result (panics, with the body,
    /// on an error).
    pub async fn call_ok<T: serde::de::DeserializeOwned>(&self, name: &str, fields: &[(&str, &str)]) -> T {
        let response = self.call(name, fields).await;
        let status = response.status();
        let body = response.text().await.expect("response body");
        assert!(status.is_success(), "{name} failed with {status}: {body}");
        serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{name} returned unexpected JSON ({e}): {body}"))
    }

    /// Calls a server function that must fail and returns the error it sent.
    pub async fn call_err(&self, name: &str, fields: &[(&str, &str)]) -> app::error::AppError {
        let response = self.call(name, fields).await;
        let status = response.status();
        let body = response.text().await.expect("response body");
        assert!(!status.is_success(), "{name} should have failed: {body}");
        serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{name} sent an unexpected error ({e}): {body}"))
    }

    /// Uploads a document through the setup form and returns where it redirected.
    pub async fn upload(&self, path: &str, file_name: &str, bytes: Vec<u8>, title: Option<&str>) -> String {
        let mut form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()));
        if let Some(title) = title {
            form = form.text("position_title", title.to_owned());
        }
        let response = self
            .client
            .post(format!("{}{path}", self.origin))
            .header("origin", &self.origin)
            .multipart(form)
            .send()
            .await
            .expect("upload reaches the server");
        location(&response)
    }
}

/// The `Location` of a redirect response (panics on anything else, naming the status).
pub fn location(response: &reqwest::Response) -> String {
    assert!(response.status().is_redirection(), "expected a redirect, got {}", response.status());
    response.headers()["location"].to_str().expect("ASCII location").to_owned()
}

/// Removes the comment markers Leptos puts between text nodes (`Welcome, <!>Ada`).
pub fn visible_html(html: &str) -> String {
    html.replace("<!>", "").replace("<!-- -->", "")
}

/// The settings a test server runs with: port 0, its own directories, the given database.
pub fn test_env(database: &TestDatabase, dir: &Path) -> HashMap<String, String> {
    let sub = |name: &str| -> String { dir.join(name).display().to_string() };
    HashMap::from([
        ("DATABASE_URL".into(), database.url.clone()),
        ("PORT".into(), "0".into()),
        ("DATA_DIR".into(), sub("data")),
        ("LOG_DIR".into(), sub("logs")),
        ("REPORTS_DIR".into(), sub("reports")),
        ("LEPTOS_SITE_ROOT".into(), sub("site")),
    ])
}

/// Starts the real application in this test's runtime on a free port (development sign-in).
pub async fn spawn_app() -> TestApp {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    spawn_app_on(listener, &[]).await
}

/// Starts the application on a listener the test bound (so it knows the port in advance), with
/// extra settings on top of [`test_env`].
pub async fn spawn_app_on(listener: std::net::TcpListener, extra: &[(&str, String)]) -> TestApp {
    start(listener, extra, None).await
}

/// Starts the application with the given coach instead of the one the settings choose.
pub async fn spawn_app_with_coach(
    coach: std::sync::Arc<dyn app::server::coach::engine::CoachEngine>,
) -> TestApp {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    start(listener, &[], Some(coach)).await
}

/// Two instances of the application on one database, each with its own data and reports
/// directory (as two Cloud Run instances), sharing the given coach.
pub async fn spawn_two_instances(
    coach: std::sync::Arc<dyn app::server::coach::engine::CoachEngine>,
) -> (TestApp, TestApp) {
    let database = std::sync::Arc::new(TestDatabase::fresh().await);
    let first = start_on(database.clone(), "first", &[], Some(coach.clone())).await;
    let second = start_on(database, "second", &[], Some(coach)).await;
    (first, second)
}

async fn start(
    listener: std::net::TcpListener,
    extra: &[(&str, String)],
    coach: Option<std::sync::Arc<dyn app::server::coach::engine::CoachEngine>>,
) -> TestApp {
    let database = std::sync::Arc::new(TestDatabase::fresh().await);
    start_listening(listener, database, "app", extra, coach).await
}

async fn start_on(
    database: std::sync::Arc<TestDatabase>,
    instance: &str,
    extra: &[(&str, String)],
    coach: Option<std::sync::Arc<dyn app::server::coach::engine::CoachEngine>>,
) -> TestApp {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    start_listening(listener, database, instance, extra, coach).await
}

async fn start_listening(
    listener: std::net::TcpListener,
    database: std::sync::Arc<TestDatabase>,
    instance: &str,
    extra: &[(&str, String)],
    coach: Option<std::sync::Arc<dyn app::server::coach::engine::CoachEngine>>,
) -> TestApp {
    let mut env = test_env(&database, &database.dir.path().join(instance));
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
    let mut settings = Settings::from_lookup(|name| env.get(name).cloned()).expect("test settings are valid");
    settings.document_reader = document_reader();
    let app = match coach {
        Some(coach) => Application::build_with_coach(settings, listener, coach).await,
        None => Application::build_on(settings, listener).await,
    }
    .expect("the application starts");
    let address = app.local_addr();
    let db = app.db().clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let served = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder().timeout(REQUEST_LIMIT).build().expect("build a client");
    TestApp { address, client, db, _database: database, stop, served }
}

/// The server binary, which reads documents in its `read-document` mode (the test process
/// itself cannot: it is the test harness).
pub fn document_reader() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_server"))
}

/// A directory inside the test database's temporary directory.
pub fn scratch_dir(database: &TestDatabase, name: &str) -> PathBuf {
    let path = database.dir.path().join(name);
    std::fs::create_dir_all(&path).expect("create scratch directory");
    path
}
