//! A real OpenID provider for the sign-in tests: `end2end/oidc/provider.mjs` (the npm package
//! `oidc-provider`) on a free port of 127.0.0.1, and the provider side of a browser's sign-in.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use url::Url;

use super::process::wait_for_line;
use super::{Browser, TestApp, location, spawn_app_on};

/// The provider process; killed when dropped.
pub struct TestProvider {
    pub issuer: String,
    child: Child,
}

/// How the provider should behave.
#[derive(Default, Clone, Copy)]
pub struct ProviderOptions {
    /// Put e-mail and names into the ID token (Google/Entra style) rather than only userinfo.
    pub claims_in_id_token: bool,
    /// Register an https redirect URI (the app then uses `__Host-` Secure cookies).
    pub https_redirect: bool,
}

impl TestProvider {
    pub fn start(redirect_uri: &str, post_logout_uri: &str, options: ProviderOptions) -> Self {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/oidc/provider.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .env("OIDC_PORT", "0")
            .env("OIDC_REDIRECT_URIS", redirect_uri)
            .env("OIDC_POST_LOGOUT_URIS", post_logout_uri)
            .env("OIDC_CLAIMS_IN_ID_TOKEN", options.claims_in_id_token.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start node end2end/oidc/provider.mjs (Node.js on PATH, `make node` run once)");
        let issuer = wait_for_line(&mut child, "oidc-provider listening on ", Duration::from_secs(30));
        Self { issuer, child }
    }

    /// Makes the provider corrupt the next ID token it issues (`nonce`, `expired`, `foreign`,
    /// `issuer`, `audience`).
    pub async fn tamper_next_id_token(&self, mode: &str) {
        let response = reqwest::Client::new()
            .post(format!("{}/__test/tamper", self.issuer))
            .form(&[("mode", mode)])
            .send()
            .await
            .expect("reach the provider");
        assert!(response.status().is_success());
    }
}

impl Drop for TestProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An app configured for OIDC against a fresh provider.
pub async fn spawn_oidc_app(options: ProviderOptions) -> (TestApp, TestProvider) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let port = listener.local_addr().expect("bound").port();
    let scheme = if options.https_redirect { "https" } else { "http" };
    let redirect = format!("{scheme}://127.0.0.1:{port}/auth/callback");
    let provider = TestProvider::start(&redirect, &format!("{scheme}://127.0.0.1:{port}/"), options);
    let app = spawn_app_on(
        listener,
        &[
            ("OIDC_ISSUER_URL", provider.issuer.clone()),
            ("OIDC_CLIENT_ID", "interview-coach".into()),
            ("OIDC_CLIENT_SECRET", "test-secret".into()),
            ("OIDC_REDIRECT_URL", redirect),
        ],
    )
    .await;
    (app, provider)
}

/// Plays the browser from `GET /auth/login` through the provider's login page as `account`,
/// and returns the callback URL the provider sends the browser to (not yet visited).
pub async fn authorize(app: &TestApp, browser: &Browser, account: &str) -> Url {
    let login = browser.get(&app.url("/auth/login")).await;
    let mut next = Url::parse(&location(&login)).expect("absolute provider URL");
    let callback_prefix = app.url("/auth/callback");
    let mut logged_in = false;
    for _ in 0..10 {
        if next.as_str().starts_with(&callback_prefix) {
            return next;
        }
        let response = if next.path().starts_with("/interaction/") && !logged_in {
            logged_in = true;
            // The login page's form posts to <interaction>/login.
            let page = browser.get(next.as_str()).await;
            assert!(page.status().is_success(), "provider login page: {}", page.status());
            let post_to = next.join(&format!("{}/login", next.path())).expect("login URL");
            browser.post_form(post_to.as_str(), &[("login", account)]).await
        } else {
            browser.get(next.as_str()).await
        };
        next = next.join(&location(&response)).expect("redirect URL");
    }
    panic!("the provider never redirected back to the app");
}

/// A full sign-in as `account`; returns the app's answer to the callback (a redirect).
pub async fn sign_in(app: &TestApp, browser: &Browser, account: &str) -> reqwest::Response {
    let callback = authorize(app, browser, account).await;
    browser.get(callback.as_str()).await
}
