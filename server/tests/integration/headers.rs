//! What every response tells the browser: the Content-Security-Policy (with a fresh nonce on
//! pages), nosniff, the referrer policy, HSTS only over HTTPS, and `no-store` on everything
//! that may carry personal data while static files keep their caching.

use reqwest::Response;
use reqwest::header::HeaderMap;

use crate::support::files::fixture;
use crate::support::oidc::{ProviderOptions, spawn_oidc_app};
use crate::support::{Browser, spawn_app, spawn_app_on};

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).map(|v| v.to_str().expect("ASCII header"))
}

fn policy(headers: &HeaderMap) -> &str {
    header(headers, "content-security-policy").expect("a Content-Security-Policy")
}

/// The headers every response carries, whatever it is.
fn assert_common_headers(response: &Response) {
    let headers = response.headers();
    let csp = policy(headers);
    for directive in [
        "default-src 'self'",
        "'wasm-unsafe-eval'",
        "style-src 'self';",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{} lacks {directive}: {csp}", response.url());
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(header(headers, "x-content-type-options"), Some("nosniff"), "{}", response.url());
    assert_eq!(header(headers, "referrer-policy"), Some("same-origin"), "{}", response.url());
    assert_eq!(header(headers, "strict-transport-security"), None, "plain HTTP: {}", response.url());
}

fn assert_not_stored(response: &Response) {
    assert_eq!(header(response.headers(), "cache-control"), Some("no-store"), "{}", response.url());
}

/// The nonce the page's policy allows inline scripts with.
fn nonce_of(headers: &HeaderMap) -> String {
    let csp = policy(headers);
    let start =
        csp.find("'nonce-").unwrap_or_else(|| panic!("a page policy has a nonce: {csp}")) + "'nonce-".len();
    let end = start + csp[start..].find('\'').expect("the nonce source is quoted");
    csp[start..end].to_owned()
}

/// The opening tags of the inline scripts (those without `src`) in `html`.
fn inline_script_tags(html: &str) -> Vec<&str> {
    html.match_indices("<script")
        .map(|(at, _)| &html[at..at + html[at..].find('>').expect("a closed tag")])
        .filter(|tag| !tag.contains(" src="))
        .collect()
}

async fn page(browser: &Browser, url: &str) -> (HeaderMap, String) {
    let response = browser.get(url).await;
    assert!(response.status().is_success(), "{url}: {}", response.status());
    assert_common_headers(&response);
    assert_not_stored(&response);
    let headers = response.headers().clone();
    (headers, response.text().await.expect("page body"))
}

#[tokio::test]
async fn a_page_allows_exactly_its_own_inline_scripts() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;

    let (first_headers, first_html) = page(&ada, &app.url("/setup")).await;
    let (second_headers, _) = page(&ada, &app.url("/setup")).await;

    let nonce = nonce_of(&first_headers);
    assert!(nonce.len() >= 22, "a nonce of at least 128 bits: {nonce}");
    let scripts = inline_script_tags(&first_html);
    assert!(!scripts.is_empty(), "the hydration script is inline");
    for tag in scripts {
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")),
            "an inline script without the page's nonce: {tag}"
        );
    }
    assert_ne!(nonce_of(&second_headers), nonce, "every response has a nonce of its own");
}

#[tokio::test]
async fn server_functions_and_uploads_are_not_stored() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;

    let call = ada.server_fn("setup").await;
    assert!(call.status().is_success(), "{}", call.status());
    assert_common_headers(&call);
    assert_not_stored(&call);
    assert!(!policy(call.headers()).contains("nonce"), "only pages have inline scripts");

    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(fixture("cv-two-pages.pdf")).file_name("cv.pdf"));
    let upload = ada
        .client
        .post(app.url("/documents/cv"))
        .header("origin", &ada.origin)
        .multipart(form)
        .send()
        .await
        .expect("upload reaches the server");
    assert!(upload.status().is_redirection(), "{}", upload.status());
    assert_common_headers(&upload);
    assert_not_stored(&upload);
}

#[tokio::test]
async fn refusals_carry_the_headers_too() {
    let app = spawn_app().await;

    let cross_site = app
        .client
        .post(app.url("/auth/logout"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("reaches the server");

    assert_eq!(cross_site.status(), 403);
    assert_common_headers(&cross_site);
}

#[tokio::test]
async fn static_files_keep_their_caching_and_the_not_found_page_does_not() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("charts.js"), "export function drawChart() {}\n").unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let app = spawn_app_on(listener, &[("LEPTOS_SITE_ROOT", site.path().display().to_string())]).await;
    let browser = app.browser();

    let file = browser.get(&app.url("/charts.js")).await;
    assert_eq!(file.status(), 200);
    assert_common_headers(&file);
    assert_eq!(header(file.headers(), "cache-control"), None, "static files keep the browser's caching");

    let missing = browser.get(&app.url("/no-such-page")).await;
    assert_eq!(missing.status(), 404);
    assert_common_headers(&missing);
    assert_not_stored(&missing);
    let headers = missing.headers().clone();
    let nonce = nonce_of(&headers);
    let html = missing.text().await.unwrap();
    assert!(inline_script_tags(&html).iter().all(|tag| tag.contains(&format!("nonce=\"{nonce}\""))));
}

#[tokio::test]
async fn over_https_the_browser_is_told_to_stay_on_https_and_may_sign_out_at_the_provider() {
    let (app, provider) =
        spawn_oidc_app(ProviderOptions { https_redirect: true, ..Default::default() }).await;

    let response = app.get("/healthz").await;

    let headers = response.headers();
    assert_eq!(header(headers, "strict-transport-security"), Some("max-age=31536000; includeSubDomains"));
    let provider_origin = url::Url::parse(&provider.issuer).unwrap().origin().ascii_serialization();
    // Sign-out is a form post that the app redirects to the provider's end-session endpoint.
    assert!(
        policy(headers).contains(&format!("form-action 'self' {provider_origin};")),
        "{}",
        policy(headers)
    );
}
