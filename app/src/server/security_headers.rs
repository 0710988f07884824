//! What every response tells the browser it may do: the Content-Security-Policy, no MIME
//! sniffing, no Referer to other sites, HTTPS only (when served over HTTPS), and no copies of
//! responses that may carry personal data.
//!
//! Where each header is set:
//! - [`page_headers`] runs while a page renders (the Leptos context of every page, the
//!   not-found page included): the policy with the nonce Leptos puts on the inline scripts of
//!   that one response (its hydration script and resolved data), and `no-store`.
//! - [`forbid_storing`] wraps every routed handler (server functions, uploads, the report,
//!   sign-in): `no-store` unless the handler chose otherwise. The fallback that serves static
//!   files is not routed, so `/pkg`, `/vendor` and the icons keep the browser's usual caching.
//! - [`add_security_headers`] wraps everything: the other headers, and the policy without a
//!   nonce wherever no page set one (server functions, redirects, files, errors).
//!
//! The policy allows no inline script but Leptos' own (by nonce), no inline style at all (the
//! views have no `style` attributes; D3 draws with SVG presentation attributes and the CSSOM,
//! which CSP does not restrict), and `'wasm-unsafe-eval'` so the browser may compile the WASM.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS,
};
use http::{HeaderMap, HeaderValue};
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use url::Url;

use super::auth::SignIn;
use super::state::AppState;

const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
const NOSNIFF: HeaderValue = HeaderValue::from_static("nosniff");
const SAME_ORIGIN: HeaderValue = HeaderValue::from_static("same-origin");
/// One year, subdomains included: the usual value, and what HSTS preload lists ask for.
const HSTS: HeaderValue = HeaderValue::from_static("max-age=31536000; includeSubDomains");

/// The security headers of this deployment, worked out once at start-up.
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    sources: Sources,
    /// The policy of every response that is not a page (no nonce, so no inline script at all).
    without_nonce: HeaderValue,
    strict_transport: bool,
}

/// Other sites the policy allows, per directive.
#[derive(Debug, Clone)]
struct Sources {
    form_action: Vec<String>,
    connect: Vec<String>,
}

impl SecurityHeaders {
    /// `sign_out_target`: where sign-out sends the browser after its form post (the identity
    /// provider's end-session endpoint); Chrome checks `form-action` on a form post's
    /// redirects too, so without it signing out would stop at a blocked redirect.
    /// `live_reload_port`: the port of `cargo leptos watch`'s live-reload socket, when watching.
    /// `https`: whether the public address is HTTPS (then `Strict-Transport-Security`).
    pub fn new(sign_out_target: Option<&Url>, live_reload_port: Option<u32>, https: bool) -> Self {
        let sources = Sources {
            form_action: sign_out_target
                .map(Url::origin)
                .filter(url::Origin::is_tuple)
                .map(|origin| origin.ascii_serialization())
                .into_iter()
                .collect(),
            connect: live_reload_port
                .map(|port| vec![format!("ws://*:{port}"), format!("wss://*:{port}")])
                .unwrap_or_default(),
        };
        let without_nonce = header_value(sources.policy(None));
        Self { sources, without_nonce, strict_transport: https }
    }

    /// The headers for the application in `state`: its sign-out target, `LEPTOS_WATCH` (the
    /// variable Leptos' own live-reload script looks at) and its public scheme.
    pub fn for_app(state: &AppState) -> Self {
        let sign_out_target = match &state.sign_in {
            SignIn::Provider(provider) => provider.logout_url(None),
            SignIn::Development => None,
        };
        let live_reload_port = std::env::var_os("LEPTOS_WATCH").map(|_| state.leptos_options.reload_port);
        Self::new(sign_out_target.as_ref(), live_reload_port, state.settings.serves_https())
    }

    /// The Content-Security-Policy, allowing the inline scripts that carry `nonce` if given.
    pub fn content_security_policy(&self, nonce: Option<&str>) -> String {
        self.sources.policy(nonce)
    }

    /// Adds the headers every response carries; a policy already set (a page's) is kept.
    pub fn apply(&self, headers: &mut HeaderMap) {
        headers.entry(CONTENT_SECURITY_POLICY).or_insert_with(|| self.without_nonce.clone());
        headers.insert(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
        headers.insert(REFERRER_POLICY, SAME_ORIGIN);
        if self.strict_transport {
            headers.insert(STRICT_TRANSPORT_SECURITY, HSTS);
        }
    }
}

/// The policy is built from quoted keywords, a base64url nonce and ASCII-serialised origins.
fn header_value(policy: String) -> HeaderValue {
    HeaderValue::try_from(policy).expect("a policy of ASCII source expressions is a valid header value")
}

impl Sources {
    fn policy(&self, nonce: Option<&str>) -> String {
        let nonce = nonce.map(|nonce| format!(" 'nonce-{nonce}'")).unwrap_or_default();
        let others = |sources: &[String]| sources.iter().map(|s| format!(" {s}")).collect::<String>();
        format!(
            "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; \
             connect-src 'self'{connect}; object-src 'none'; base-uri 'self'; \
             form-action 'self'{forms}; frame-ancestors 'none'",
            connect = others(&self.connect),
            forms = others(&self.form_action),
        )
    }
}

/// axum middleware: the headers of [`SecurityHeaders::apply`] on every response.
pub async fn add_security_headers(
    State(headers): State<Arc<SecurityHeaders>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    headers.apply(response.headers_mut());
    response
}

/// axum middleware for routed handlers: `Cache-Control: no-store` unless the handler set its own.
pub async fn forbid_storing(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response.headers_mut().entry(CACHE_CONTROL).or_insert(NO_STORE);
    response
}

/// Part of the Leptos context of every page: the policy with this response's nonce (Leptos
/// makes a fresh one per response and puts it on its inline scripts), and `no-store`, since
/// every page of a signed-in person shows who they are. Outside a page render (a server
/// function, a static file) there is no nonce and nothing is set here.
pub fn page_headers(headers: &SecurityHeaders) {
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    response
        .insert_header(CONTENT_SECURITY_POLICY, header_value(headers.content_security_policy(Some(&nonce))));
    response.insert_header(CACHE_CONTROL, NO_STORE);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers_of(headers: &SecurityHeaders) -> HeaderMap {
        let mut map = HeaderMap::new();
        headers.apply(&mut map);
        map
    }

    #[test]
    fn development_policy_allows_only_this_site() {
        let headers = SecurityHeaders::new(None, None, false);
        assert_eq!(
            headers.content_security_policy(None),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
             frame-ancestors 'none'"
        );
    }

    #[test]
    fn a_page_policy_allows_inline_scripts_with_its_nonce_only() {
        let policy = SecurityHeaders::new(None, None, false).content_security_policy(Some("abc_-1"));
        assert!(policy.contains("script-src 'self' 'nonce-abc_-1' 'wasm-unsafe-eval';"), "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
    }

    #[test]
    fn forms_may_reach_the_end_session_endpoint_of_the_provider() {
        let end_session = Url::parse("https://login.example.com:8443/oidc/logout?client_id=x").unwrap();
        let policy = SecurityHeaders::new(Some(&end_session), None, true).content_security_policy(None);
        assert!(policy.contains("form-action 'self' https://login.example.com:8443;"), "{policy}");
    }

    #[test]
    fn live_reload_may_connect_to_its_socket() {
        let policy = SecurityHeaders::new(None, Some(3001), false).content_security_policy(None);
        assert!(policy.contains("connect-src 'self' ws://*:3001 wss://*:3001;"), "{policy}");
    }

    #[test]
    fn strict_transport_security_only_over_https() {
        let https = headers_of(&SecurityHeaders::new(None, None, true));
        assert_eq!(https[STRICT_TRANSPORT_SECURITY], "max-age=31536000; includeSubDomains");
        let http = headers_of(&SecurityHeaders::new(None, None, false));
        assert!(!http.contains_key(STRICT_TRANSPORT_SECURITY));
        assert_eq!(http[X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(http[REFERRER_POLICY], "same-origin");
    }

    #[test]
    fn a_policy_set_by_the_page_is_kept() {
        let headers = SecurityHeaders::new(None, None, false);
        let mut map = HeaderMap::new();
        map.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'"));
        headers.apply(&mut map);
        assert_eq!(map[CONTENT_SECURITY_POLICY], "default-src 'none'");
    }
}
