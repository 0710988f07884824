//! OpenID Connect authorization code flow with PKCE (S256), `state` and `nonce`, written to the
//! standard only (discovery, ID token, userinfo, RP-initiated logout), so Google, Microsoft
//! Entra, Keycloak, Auth0 and `oidc-provider` all work without provider-specific code.
//!
//! openidconnect verifies the ID token (signature against the provider's JWKS, issuer,
//! audience, expiry, nonce). It does not look at the callback's `iss` parameter (RFC 9207),
//! which defends against mix-up attacks: [`OidcProvider::finish`] checks it.

use std::str::FromStr;
use std::time::Duration;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreIdToken, CoreIdTokenVerifier, CoreJsonWebKeySet,
    CoreUserInfoClaims,
};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    EndSessionUrl, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, JsonWebKeySetUrl, LogoutRequest,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, SignatureVerificationError, TokenResponse,
};
use serde::{Deserialize, Serialize};
use url::Url;

use super::identity::{Identity, normalise_email, split_names};
use crate::server::config::OidcSettings;

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How long a started sign-in may take before its callback is refused.
const PENDING_LIFETIME: Duration = Duration::from_secs(15 * 60);
const DISCOVERY_ATTEMPTS: u32 = 5;
/// Fetching the provider's keys again is refused more often than this (a stream of tokens with
/// made-up key ids must not become a stream of requests to the provider).
const KEY_REFRESH_INTERVAL: Duration = Duration::from_secs(60);

struct SigningKeys {
    set: CoreJsonWebKeySet,
    /// When the keys were last fetched again after discovery.
    refreshed: Option<std::time::Instant>,
}

/// The parts of the standard claims the app uses. ID-token claims and userinfo claims expose
/// them through same-named methods but share no trait, hence the macro.
struct ClaimValues<'a> {
    subject: &'a str,
    email: Option<&'a str>,
    email_verified: Option<bool>,
    given_name: Option<&'a str>,
    family_name: Option<&'a str>,
    name: Option<&'a str>,
}

macro_rules! claim_values {
    ($claims:expr) => {{
        let claims = $claims;
        ClaimValues {
            subject: claims.subject().as_str(),
            email: claims.email().map(|e| e.as_str()),
            email_verified: claims.email_verified(),
            given_name: claims.given_name().and_then(|n| n.get(None)).map(|n| n.as_str()),
            family_name: claims.family_name().and_then(|n| n.get(None)).map(|n| n.as_str()),
            name: claims.name().and_then(|n| n.get(None)).map(|n| n.as_str()),
        }
    }};
}

/// A configured identity provider, discovered at start-up.
pub struct OidcProvider {
    client: Client,
    /// The provider's signing keys, fetched again when a token names a key id not among them
    /// (the provider rotated its keys), at most once per [`KEY_REFRESH_INTERVAL`].
    keys: std::sync::RwLock<SigningKeys>,
    jwks_uri: JsonWebKeySetUrl,
    client_id: ClientId,
    client_secret: Option<ClientSecret>,
    issuer_url: IssuerUrl,
    http: reqwest::Client,
    issuer: String,
    scopes: Vec<String>,
    end_session: Option<EndSessionUrl>,
    post_logout_redirect: Url,
}

/// What the app remembers (in the session) between sending the browser to the provider and
/// its return.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingLogin {
    state: String,
    nonce: String,
    pkce_verifier: String,
    started_at: i64,
}

impl PendingLogin {
    /// Whether `callback` answers this sign-in (its `state` is ours), compared in constant time.
    pub fn answered_by(&self, callback: &Callback) -> bool {
        callback
            .state
            .as_deref()
            .is_some_and(|state| constant_time_eq(state.as_bytes(), self.state.as_bytes()))
    }
}

/// The query string of `GET /auth/callback`.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub iss: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// Why a sign-in was refused. Logged; the user sees only "Sign-in failed".
#[derive(Debug, thiserror::Error)]
pub enum SignInFailure {
    #[error("the provider returned an error: {0}")]
    ProviderError(String),
    #[error("no sign-in was in progress in this session (expired, or started in another browser)")]
    NoPendingLogin,
    #[error("the sign-in took longer than {PENDING_LIFETIME:?}")]
    Expired,
    #[error("the state parameter does not match the one sent")]
    StateMismatch,
    #[error("the callback names issuer {found:?}, expected {expected:?}")]
    IssuerMismatch { found: String, expected: String },
    #[error("the callback has no authorization code")]
    MissingCode,
    #[error("exchanging the code failed: {0}")]
    Exchange(String),
    #[error("the token response has no ID token")]
    NoIdToken,
    #[error("the ID token is not valid: {0}")]
    InvalidIdToken(String),
}

impl OidcProvider {
    /// Fetches the provider's discovery document, retrying with backoff while it is unreachable.
    pub async fn discover(settings: &OidcSettings) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            // Following redirects from an identity provider is a known SSRF vector.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .build()?;
        let issuer_url = IssuerUrl::new(settings.issuer_url.to_string().trim_end_matches('/').to_owned())
            .map_err(|e| anyhow::anyhow!("invalid setting OIDC_ISSUER_URL: {e}"))?;

        let mut delay = Duration::from_millis(500);
        let mut attempt = 1;
        let metadata = loop {
            match ProviderMetadataWithLogout::discover_async(issuer_url.clone(), &http).await {
                Ok(metadata) => break metadata,
                Err(error) if attempt < DISCOVERY_ATTEMPTS => {
                    tracing::warn!(attempt, error = %error_chain(&error), "identity provider discovery failed, retrying");
                    tokio::time::sleep(delay).await;
                    delay *= 2;
                    attempt += 1;
                }
                Err(error) => {
                    anyhow::bail!(
                        "cannot reach the identity provider at OIDC_ISSUER_URL={}: {}",
                        issuer_url.as_str(),
                        error_chain(&error)
                    )
                }
            }
        };
        let end_session = metadata.additional_metadata().end_session_endpoint.clone();
        let issuer = metadata.issuer().as_str().to_owned();
        let keys = SigningKeys { set: metadata.jwks().clone(), refreshed: None };
        let jwks_uri = metadata.jwks_uri().clone();
        let issuer_url = metadata.issuer().clone();
        let client_id = ClientId::new(settings.client_id.clone());
        let client_secret = settings
            .client_secret
            .as_ref()
            .map(|s| ClientSecret::new(secrecy::ExposeSecret::expose_secret(s).to_owned()));
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(settings.client_id.clone()),
            settings
                .client_secret
                .as_ref()
                .map(|s| ClientSecret::new(secrecy::ExposeSecret::expose_secret(s).to_owned())),
        )
        .set_redirect_uri(RedirectUrl::from_url(settings.redirect_url.clone()));
        let mut post_logout_redirect = settings.redirect_url.clone();
        post_logout_redirect.set_path("/");
        post_logout_redirect.set_query(None);

        tracing::info!(issuer = %issuer, logout = end_session.is_some(), "identity provider discovered");
        Ok(Self {
            client,
            keys: std::sync::RwLock::new(keys),
            jwks_uri,
            client_id,
            client_secret,
            issuer_url,
            http,
            issuer,
            scopes: settings.scopes.clone(),
            end_session,
            post_logout_redirect,
        })
    }

    /// The provider's authorization URL for a new sign-in, and what to remember until it returns.
    pub fn start(&self) -> (Url, PendingLogin) {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = self
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        // `openid` is always sent by the library; the others come from OIDC_SCOPES.
        for scope in self.scopes.iter().filter(|s| *s != "openid") {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        let pending = PendingLogin {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            started_at: chrono::Utc::now().timestamp(),
        };
        (url, pending)
    }

    /// Checks the callback against the pending sign-in, exchanges the code and verifies the ID
    /// token. Returns who signed in and the raw ID token (kept for the logout hint).
    pub async fn finish(
        &self,
        pending: Option<PendingLogin>,
        callback: Callback,
    ) -> Result<(Identity, String), SignInFailure> {
        if let Some(error) = callback.error {
            let description = callback.error_description.unwrap_or_default();
            return Err(SignInFailure::ProviderError(format!("{error} {description}").trim().to_owned()));
        }
        let pending = pending.ok_or(SignInFailure::NoPendingLogin)?;
        let age = chrono::Utc::now().timestamp() - pending.started_at;
        if !(0..=PENDING_LIFETIME.as_secs() as i64).contains(&age) {
            return Err(SignInFailure::Expired);
        }
        let state = callback.state.unwrap_or_default();
        if !constant_time_eq(state.as_bytes(), pending.state.as_bytes()) {
            return Err(SignInFailure::StateMismatch);
        }
        if let Some(iss) = callback.iss
            && iss.trim_end_matches('/') != self.issuer.trim_end_matches('/')
        {
            return Err(SignInFailure::IssuerMismatch { found: iss, expected: self.issuer.clone() });
        }
        let code = callback.code.filter(|c| !c.is_empty()).ok_or(SignInFailure::MissingCode)?;

        let token = self
            .client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| SignInFailure::Exchange(error_chain(&e)))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| SignInFailure::Exchange(error_chain(&e)))?;
        let id_token = token.id_token().ok_or(SignInFailure::NoIdToken)?;
        let nonce = Nonce::new(pending.nonce);
        let mut verifier = self.verifier();
        let claims = match id_token.claims(&verifier, &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )) if self.refresh_keys().await => {
                verifier = self.verifier();
                id_token.claims(&verifier, &nonce)
            }
            verified => verified,
        }
        .map_err(|e| SignInFailure::InvalidIdToken(error_chain(&e)))?;
        if let Some(expected) = claims.access_token_hash() {
            let invalid = |e: &dyn std::error::Error| SignInFailure::InvalidIdToken(error_chain(e));
            let alg = id_token.signing_alg().map_err(|e| invalid(&e))?;
            let key = id_token.signing_key(&verifier).map_err(|e| invalid(&e))?;
            let actual =
                AccessTokenHash::from_token(token.access_token(), alg, key).map_err(|e| invalid(&e))?;
            if actual != *expected {
                return Err(SignInFailure::InvalidIdToken("the access token hash does not match".into()));
            }
        }

        let mut identity = identity_from(claim_values!(claims), claims.issuer().as_str());
        // Providers that follow the spec strictly put e-mail and names only in userinfo.
        if identity.email.is_none() || !identity.has_names() {
            self.fill_from_userinfo(&mut identity, token.access_token().clone(), claims.subject().clone())
                .await;
        }
        Ok((identity, id_token.to_string()))
    }

    async fn fill_from_userinfo(
        &self,
        identity: &mut Identity,
        access_token: openidconnect::AccessToken,
        subject: openidconnect::SubjectIdentifier,
    ) {
        let Ok(request) = self.client.user_info(access_token, Some(subject)) else {
            return; // the provider has no userinfo endpoint
        };
        let info: CoreUserInfoClaims = match request.request_async(&self.http).await {
            Ok(info) => info,
            Err(error) => {
                // Not fatal: the profile form asks for whatever is still missing.
                tracing::warn!(error = %error_chain(&error), "userinfo request failed");
                return;
            }
        };
        let from_userinfo =
            identity_from(claim_values!(&info), identity.issuer.as_deref().unwrap_or_default());
        if identity.email.is_none() {
            identity.email = from_userinfo.email;
            identity.email_trusted = from_userinfo.email_trusted;
        }
        if identity.first_name.is_empty() {
            identity.first_name = from_userinfo.first_name;
        }
        if identity.last_name.is_empty() {
            identity.last_name = from_userinfo.last_name;
        }
    }

    /// A verifier over the signing keys known now.
    fn verifier(&self) -> CoreIdTokenVerifier<'static> {
        let keys = self.keys.read().unwrap_or_else(|poisoned| poisoned.into_inner()).set.clone();
        match &self.client_secret {
            Some(secret) => CoreIdTokenVerifier::new_confidential_client(
                self.client_id.clone(),
                secret.clone(),
                self.issuer_url.clone(),
                keys,
            ),
            None => {
                CoreIdTokenVerifier::new_public_client(self.client_id.clone(), self.issuer_url.clone(), keys)
            }
        }
    }

    /// Fetches the provider's keys again, unless that was done less than
    /// [`KEY_REFRESH_INTERVAL`] ago; returns whether new keys were loaded.
    async fn refresh_keys(&self) -> bool {
        let refreshed = self.keys.read().unwrap_or_else(|p| p.into_inner()).refreshed;
        let recently = refreshed.is_some_and(|at| at.elapsed() < KEY_REFRESH_INTERVAL);
        if recently {
            tracing::warn!(
                "an ID token names an unknown signing key; keys were fetched less than a minute ago"
            );
            return false;
        }
        match CoreJsonWebKeySet::fetch_async(&self.jwks_uri, &self.http).await {
            Ok(set) => {
                tracing::info!(
                    keys = set.keys().len(),
                    "the identity provider's signing keys were fetched again"
                );
                *self.keys.write().unwrap_or_else(|p| p.into_inner()) =
                    SigningKeys { set, refreshed: Some(std::time::Instant::now()) };
                true
            }
            Err(error) => {
                tracing::warn!(error = %error_chain(&error), "fetching the provider's signing keys failed");
                false
            }
        }
    }

    /// Where to send the browser after the local session is gone: the provider's end-session
    /// endpoint when it advertises one, so the provider's session ends too.
    pub fn logout_url(&self, id_token: Option<&str>) -> Option<Url> {
        let endpoint = self.end_session.clone()?;
        let mut request = LogoutRequest::from(endpoint)
            .set_client_id(self.client.client_id().clone())
            .set_post_logout_redirect_uri(PostLogoutRedirectUrl::from_url(self.post_logout_redirect.clone()));
        if let Some(token) = id_token.and_then(|raw| CoreIdToken::from_str(raw).ok()) {
            request = request.set_id_token_hint(&token);
        }
        Some(request.http_get_url())
    }
}

fn identity_from(claims: ClaimValues<'_>, issuer: &str) -> Identity {
    let email = claims.email.and_then(normalise_email);
    let (first_name, last_name) = split_names(claims.given_name, claims.family_name, claims.name);
    Identity {
        issuer: Some(issuer.to_owned()),
        subject: Some(claims.subject.to_owned()),
        // Only an explicit `email_verified: true` vouches for the address (Entra, for one,
        // sends `email` without it).
        email_trusted: email.is_some() && claims.email_verified == Some(true),
        email,
        first_name,
        last_name,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn state_comparison_needs_equal_length_and_bytes() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
