//! Settings: one typed struct, read once from environment variables at start-up.
//!
//! Every variable is documented in `.env.example` and the README. A value that cannot be used
//! stops start-up with a [`SettingsError`] naming the variable; secrets are wrapped in
//! [`SecretString`] so they never reach a log line or a `Debug` dump.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use url::Url;

/// The name cargo-leptos gives the WASM, JS and CSS bundle (`[[workspace.metadata.leptos]] name`).
pub const DEFAULT_OUTPUT_NAME: &str = "interview-coach";
const DEFAULT_PORT: u16 = 3000;
const DEFAULT_MODEL: &str = "gpt-4o-mini";
const DEFAULT_TRANSCRIBE_MODEL: &str = "whisper-1";
const DEFAULT_EMBEDDINGS_MODEL: &str = "text-embedding-3-small";

/// All settings of one server process.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Address the HTTP server listens on (`HOST`/`PORT`, else `LEPTOS_SITE_ADDR`).
    pub addr: SocketAddr,
    /// Connection string; a SQLite file under `data_dir` unless `DATABASE_URL` is set.
    pub database_url: SecretString,
    pub db_max_connections: u32,
    /// Statements slower than this are logged with their duration.
    pub db_slow_statement: Duration,
    pub data_dir: PathBuf,
    /// Where `app.log` is written; `None` (`LOG_DIR=off`) logs to stdout only.
    pub log_dir: Option<PathBuf>,
    pub log_format: LogFormat,
    /// `RUST_LOG`-style filter.
    pub log_filter: String,
    pub reports_dir: PathBuf,
    /// How long a generated PDF report is kept before it is pruned.
    pub report_retention: Duration,
    /// Where cargo-leptos put the compiled site (WASM, JS, CSS, `public/`).
    pub site_root: PathBuf,
    pub site_pkg_dir: String,
    pub output_name: String,
    /// Present when an OIDC issuer is configured; otherwise development sign-in may apply.
    pub oidc: Option<OidcSettings>,
    pub allow_dev_signin: bool,
    pub coach: CoachSettings,
    /// The speech-to-text endpoint for spoken answers; `None` leaves transcription to the
    /// browser's own speech recognition.
    pub transcribe: Option<TranscribeSettings>,
    /// The embeddings endpoint the offline coach may use to judge relevance by meaning; `None`
    /// leaves relevance to its rules.
    pub embeddings: Option<EmbeddingsSettings>,
    /// What one candidate (or one instance) may use.
    pub limits: Limits,
    /// The program that reads uploaded documents in a child process (`<program> read-document`):
    /// this server binary. Not an environment variable; tests point it at the built binary.
    pub document_reader: PathBuf,
}

/// Per-candidate and per-instance limits: abuse costs the abuser, not the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Documents read at once on one instance (`DOCUMENT_READERS`); each may use 256 MiB.
    pub document_readers: usize,
    /// Uploads per candidate in any hour (`UPLOADS_PER_HOUR`).
    pub uploads_per_hour: u32,
    /// Coach calls per candidate in any hour: questions, evaluations, retries, profiles
    /// (`COACH_CALLS_PER_HOUR`).
    pub coach_calls_per_hour: u32,
    /// Questions one interview may ask (`QUESTIONS_PER_INTERVIEW`).
    pub questions_per_interview: u32,
    /// Recordings transcribed per candidate in any hour (`TRANSCRIPTIONS_PER_HOUR`).
    pub transcriptions_per_hour: u32,
    /// PDF reports made per candidate in any hour (`REPORTS_PER_HOUR`).
    pub reports_per_hour: u32,
}

/// How log lines are written to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable, coloured on a terminal.
    Pretty,
    /// One JSON object per line, as Cloud Logging expects.
    Json,
}

/// The identity provider the app signs users in with.
#[derive(Debug, Clone)]
pub struct OidcSettings {
    pub issuer_url: Url,
    pub client_id: String,
    pub client_secret: Option<SecretString>,
    pub redirect_url: Url,
    pub scopes: Vec<String>,
}

/// Which coach scores answers: an OpenAI-compatible endpoint when a key is set, else offline.
#[derive(Debug, Clone)]
pub struct CoachSettings {
    pub api_key: Option<SecretString>,
    pub base_url: Option<Url>,
    pub model: String,
    /// Longest a model call may take, retries included.
    pub timeout: Duration,
}

/// An OpenAI-compatible `/v1/audio/transcriptions` endpoint (OpenAI, or a self-hosted
/// faster-whisper server, LocalAI, vLLM), configured by `TRANSCRIBE_BASE_URL` and/or
/// `TRANSCRIBE_API_KEY`.
#[derive(Debug, Clone)]
pub struct TranscribeSettings {
    pub api_key: Option<SecretString>,
    pub base_url: Option<Url>,
    pub model: String,
    /// Longest a transcription may take, retries included.
    pub timeout: Duration,
}

/// An OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Ollama, vLLM, LocalAI, a gateway),
/// configured by `EMBEDDINGS_BASE_URL` and/or `EMBEDDINGS_API_KEY`.
#[derive(Debug, Clone)]
pub struct EmbeddingsSettings {
    pub api_key: Option<SecretString>,
    pub base_url: Option<Url>,
    pub model: String,
    /// Longest one embeddings call may take; after it the rules' relevance stands.
    pub timeout: Duration,
    /// Cosine similarity at or below which an answer is unrelated to what was asked (0% by
    /// meaning) and at or above which it is on the same topic (100%). Models differ in how
    /// similar unrelated texts look, so both can be set (`EMBEDDINGS_UNRELATED`,
    /// `EMBEDDINGS_SAME_TOPIC`).
    pub unrelated: f32,
    pub same_topic: f32,
}

/// A setting that cannot be used, with the variable that holds it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid setting {var}: {message}")]
pub struct SettingsError {
    pub var: &'static str,
    pub message: String,
}

impl SettingsError {
    fn new(var: &'static str, message: impl Into<String>) -> Self {
        Self { var, message: message.into() }
    }
}

impl Settings {
    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, SettingsError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup` (the environment in production, a map in tests).
    /// Empty values count as unset, so `FOO=` in an env file does not override a default.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());

        let data_dir = PathBuf::from(get("DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = match get("DATABASE_URL") {
            Some(url) => {
                check_database_url(&url)?;
                url
            }
            None => format!("sqlite://{}?mode=rwc", data_dir.join("interview-coach.db").display()),
        };

        let settings = Self {
            addr: listen_addr(&get)?,
            database_url: SecretString::from(database_url),
            db_max_connections: parse_or("DB_MAX_CONNECTIONS", get("DB_MAX_CONNECTIONS"), 10, 1..=1000)?,
            db_slow_statement: Duration::from_millis(parse_or(
                "DB_SLOW_STATEMENT_MS",
                get("DB_SLOW_STATEMENT_MS"),
                100,
                0..=3_600_000,
            )?),
            log_dir: match get("LOG_DIR").as_deref() {
                Some("off") => None,
                other => Some(PathBuf::from(other.unwrap_or("logs"))),
            },
            log_format: match get("LOG_FORMAT").as_deref() {
                None | Some("pretty") => LogFormat::Pretty,
                Some("json") => LogFormat::Json,
                Some(other) => {
                    return Err(SettingsError::new(
                        "LOG_FORMAT",
                        format!("`{other}` is not a log format; use `pretty` or `json`"),
                    ));
                }
            },
            log_filter: get("RUST_LOG").unwrap_or_else(|| "info".into()),
            reports_dir: PathBuf::from(get("REPORTS_DIR").unwrap_or_else(|| "reports".into())),
            report_retention: Duration::from_secs(
                3600 * parse_or("REPORT_RETENTION_HOURS", get("REPORT_RETENTION_HOURS"), 24, 1..=8760)?,
            ),
            site_root: PathBuf::from(get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into())),
            site_pkg_dir: get("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()),
            output_name: get("LEPTOS_OUTPUT_NAME").unwrap_or_else(|| DEFAULT_OUTPUT_NAME.into()),
            oidc: oidc_settings(&get)?,
            allow_dev_signin: parse_bool("ALLOW_DEV_SIGNIN", get("ALLOW_DEV_SIGNIN"))?,
            coach: CoachSettings {
                api_key: get("OPENAI_API_KEY").map(SecretString::from),
                base_url: get("OPENAI_BASE_URL").map(|v| parse_url("OPENAI_BASE_URL", &v)).transpose()?,
                model: get("COACH_MODEL").unwrap_or_else(|| DEFAULT_MODEL.into()),
                timeout: seconds(&get, "COACH_TIMEOUT_SECS", 60, 600)?,
            },
            transcribe: transcribe_settings(&get)?,
            embeddings: embeddings_settings(&get)?,
            limits: Limits {
                document_readers: parse_or("DOCUMENT_READERS", get("DOCUMENT_READERS"), 2, 1..=64)?,
                uploads_per_hour: parse_or("UPLOADS_PER_HOUR", get("UPLOADS_PER_HOUR"), 30, PER_HOUR)?,
                coach_calls_per_hour: parse_or(
                    "COACH_CALLS_PER_HOUR",
                    get("COACH_CALLS_PER_HOUR"),
                    200,
                    PER_HOUR,
                )?,
                questions_per_interview: parse_or(
                    "QUESTIONS_PER_INTERVIEW",
                    get("QUESTIONS_PER_INTERVIEW"),
                    50,
                    10..=1000,
                )?,
                transcriptions_per_hour: parse_or(
                    "TRANSCRIPTIONS_PER_HOUR",
                    get("TRANSCRIPTIONS_PER_HOUR"),
                    60,
                    PER_HOUR,
                )?,
                reports_per_hour: parse_or("REPORTS_PER_HOUR", get("REPORTS_PER_HOUR"), 30, PER_HOUR)?,
            },
            document_reader: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("server")),
            data_dir,
        };
        settings.check_sign_in()?;
        Ok(settings)
    }

    /// Development sign-in lets anyone claim any e-mail address: it is allowed only when no
    /// identity provider is configured and the server cannot be reached from other machines
    /// (a loopback address), or when an operator opts in explicitly with `ALLOW_DEV_SIGNIN`.
    fn check_sign_in(&self) -> Result<(), SettingsError> {
        match (&self.oidc, self.allow_dev_signin) {
            (Some(_), true) => Err(SettingsError::new(
                "ALLOW_DEV_SIGNIN",
                "development sign-in cannot be enabled while OIDC_ISSUER_URL is set; remove one of them",
            )),
            (None, false) if !self.addr.ip().is_loopback() => Err(SettingsError::new(
                "OIDC_ISSUER_URL",
                format!(
                    "the server listens on {}, which other machines can reach, and no identity \
                     provider is configured. Set OIDC_ISSUER_URL, OIDC_CLIENT_ID, \
                     OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL (see README, \"Sign-in\"), or set \
                     ALLOW_DEV_SIGNIN=true to accept development sign-in on this address",
                    self.addr.ip()
                ),
            )),
            _ => Ok(()),
        }
    }

    /// True when users sign in with the development form instead of an identity provider.
    pub fn dev_signin(&self) -> bool {
        self.oidc.is_none()
    }

    /// Cookies get `Secure` and the `__Host-` prefix when the public address is HTTPS, which
    /// the OIDC redirect URL tells (TLS usually ends at a proxy, so the socket cannot).
    pub fn serves_https(&self) -> bool {
        self.oidc.as_ref().is_some_and(|oidc| oidc.redirect_url.scheme() == "https")
    }

    /// True for SQLite (the embedded default), false for MySQL/MariaDB.
    pub fn uses_sqlite(&self) -> bool {
        self.database_url.expose_secret().starts_with("sqlite:")
    }

    /// The database location without credentials, for log lines.
    pub fn database_display(&self) -> String {
        redact_url(self.database_url.expose_secret())
    }
}

/// `HOST`/`PORT` win (Cloud Run sets `PORT`); `LEPTOS_SITE_ADDR` (set by `cargo leptos watch`)
/// supplies whatever they leave out; the default is the loopback address `127.0.0.1:3000`.
fn listen_addr(get: &impl Fn(&str) -> Option<String>) -> Result<SocketAddr, SettingsError> {
    let site = get("LEPTOS_SITE_ADDR")
        .map(|v| {
            v.parse::<SocketAddr>().map_err(|_| {
                SettingsError::new("LEPTOS_SITE_ADDR", format!("`{v}` is not an address like 127.0.0.1:3000"))
            })
        })
        .transpose()?;
    let host = match get("HOST") {
        Some(v) => v
            .parse::<IpAddr>()
            .map_err(|_| SettingsError::new("HOST", format!("`{v}` is not an IP address such as 0.0.0.0")))?,
        None => site.map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |a| a.ip()),
    };
    let port = match get("PORT") {
        Some(v) => v
            .parse::<u16>()
            .map_err(|_| SettingsError::new("PORT", format!("`{v}` is not a port number (0-65535)")))?,
        None => site.map_or(DEFAULT_PORT, |a| a.port()),
    };
    Ok(SocketAddr::new(host, port))
}

/// The transcription endpoint, when `TRANSCRIBE_BASE_URL` or `TRANSCRIBE_API_KEY` is set (the
/// key alone means OpenAI itself).
/// An OpenAI-compatible endpoint's key and address (either may be left to its default).
struct Endpoint {
    api_key: Option<SecretString>,
    base_url: Option<Url>,
}

/// An optional endpoint: `None` when neither variable is set, which leaves the feature it serves
/// off.
fn endpoint(
    get: &impl Fn(&str) -> Option<String>,
    key_var: &'static str,
    url_var: &'static str,
) -> Result<Option<Endpoint>, SettingsError> {
    let api_key = get(key_var).map(SecretString::from);
    let base_url = get(url_var).map(|v| parse_url(url_var, &v)).transpose()?;
    Ok((api_key.is_some() || base_url.is_some()).then_some(Endpoint { api_key, base_url }))
}

/// A time limit in whole seconds, from 1 to `max`.
fn seconds(
    get: &impl Fn(&str) -> Option<String>,
    var: &'static str,
    default: u64,
    max: u64,
) -> Result<Duration, SettingsError> {
    parse_or(var, get(var), default, 1..=max).map(Duration::from_secs)
}

fn transcribe_settings(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<Option<TranscribeSettings>, SettingsError> {
    let Some(Endpoint { api_key, base_url }) = endpoint(get, "TRANSCRIBE_API_KEY", "TRANSCRIBE_BASE_URL")?
    else {
        return Ok(None);
    };
    Ok(Some(TranscribeSettings {
        api_key,
        base_url,
        model: get("TRANSCRIBE_MODEL").unwrap_or_else(|| DEFAULT_TRANSCRIBE_MODEL.into()),
        timeout: seconds(get, "TRANSCRIBE_TIMEOUT_SECS", 60, 600)?,
    }))
}

fn embeddings_settings(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<Option<EmbeddingsSettings>, SettingsError> {
    let Some(Endpoint { api_key, base_url }) = endpoint(get, "EMBEDDINGS_API_KEY", "EMBEDDINGS_BASE_URL")?
    else {
        return Ok(None);
    };
    let unrelated = parse_or("EMBEDDINGS_UNRELATED", get("EMBEDDINGS_UNRELATED"), 0.2, 0.0..=1.0)?;
    let same_topic = parse_or("EMBEDDINGS_SAME_TOPIC", get("EMBEDDINGS_SAME_TOPIC"), 0.6, 0.0..=1.0)?;
    if same_topic <= unrelated {
        return Err(SettingsError::new(
            "EMBEDDINGS_SAME_TOPIC",
            format!("must be above EMBEDDINGS_UNRELATED ({unrelated})"),
        ));
    }
    Ok(Some(EmbeddingsSettings {
        api_key,
        base_url,
        model: get("EMBEDDINGS_MODEL").unwrap_or_else(|| DEFAULT_EMBEDDINGS_MODEL.into()),
        timeout: seconds(get, "EMBEDDINGS_TIMEOUT_SECS", 10, 120)?,
        unrelated,
        same_topic,
    }))
}

fn oidc_settings(get: &impl Fn(&str) -> Option<String>) -> Result<Option<OidcSettings>, SettingsError> {
    let Some(issuer) = get("OIDC_ISSUER_URL") else {
        for var in ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URL"] {
            if get(var).is_some() {
                return Err(SettingsError::new(
                    "OIDC_ISSUER_URL",
                    format!("{var} is set but OIDC_ISSUER_URL is not; set both or neither"),
                ));
            }
        }
        return Ok(None);
    };
    let required = |var: &'static str| {
        get(var).ok_or_else(|| SettingsError::new(var, "required when OIDC_ISSUER_URL is set"))
    };
    let scopes: Vec<String> = get("OIDC_SCOPES")
        .unwrap_or_else(|| "openid email profile".into())
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if !scopes.iter().any(|s| s == "openid") {
        return Err(SettingsError::new("OIDC_SCOPES", "must include `openid`"));
    }
    Ok(Some(OidcSettings {
        issuer_url: parse_url("OIDC_ISSUER_URL", &issuer)?,
        client_id: required("OIDC_CLIENT_ID")?,
        client_secret: get("OIDC_CLIENT_SECRET").map(SecretString::from),
        redirect_url: parse_url("OIDC_REDIRECT_URL", &required("OIDC_REDIRECT_URL")?)?,
        scopes,
    }))
}

fn check_database_url(url: &str) -> Result<(), SettingsError> {
    let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or_default();
    match scheme {
        "sqlite" | "mysql" | "mariadb" => Ok(()),
        _ => Err(SettingsError::new(
            "DATABASE_URL",
            format!(
                "`{}` is not a supported database; use mysql://user:password@host/db or sqlite://path",
                redact_url(url)
            ),
        )),
    }
}

fn parse_url(var: &'static str, value: &str) -> Result<Url, SettingsError> {
    let url =
        Url::parse(value).map_err(|e| SettingsError::new(var, format!("`{value}` is not a URL ({e})")))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(SettingsError::new(var, format!("scheme `{other}` is not http or https"))),
    }
}

fn parse_bool(var: &'static str, value: Option<String>) -> Result<bool, SettingsError> {
    match value.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("false" | "0" | "no") => Ok(false),
        Some("true" | "1" | "yes") => Ok(true),
        Some(other) => Err(SettingsError::new(var, format!("`{other}` is not true or false"))),
    }
}

/// The range of every hourly allowance: at least one, and a bound that no honest use reaches.
const PER_HOUR: RangeInclusive<u32> = 1..=1_000_000_000;

/// A number setting within `valid`, or `default` when unset; the message for a bad value names
/// the range, so an operator can fix it at once.
fn parse_or<T: std::str::FromStr + PartialOrd + Copy + std::fmt::Display>(
    var: &'static str,
    value: Option<String>,
    default: T,
    valid: RangeInclusive<T>,
) -> Result<T, SettingsError> {
    let Some(value) = value else {
        return Ok(default);
    };
    match value.trim().parse::<T>() {
        Ok(n) if valid.contains(&n) => Ok(n),
        _ => Err(SettingsError::new(
            var,
            format!(
                "`{value}` is not a number from {} to {} (the default is {default})",
                valid.start(),
                valid.end()
            ),
        )),
    }
}

/// Removes the password from a connection string, for log lines and error messages.
pub fn redact_url(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            // Setting a password only fails on URLs that cannot have one, which this one has.
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => "<unparseable URL>".into(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn log_dir_off_means_stdout_only() {
        let off = Settings::from_lookup(|name| (name == "LOG_DIR").then(|| "off".to_owned())).unwrap();
        let default = Settings::from_lookup(|_| None).unwrap();
        assert_eq!(off.log_dir, None);
        assert_eq!(default.log_dir, Some(std::path::PathBuf::from("logs")));
    }

    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_are_the_embedded_local_mode() {
        let s = settings(&[]).expect("defaults are valid");
        assert_eq!(s.addr, "127.0.0.1:3000".parse().unwrap());
        assert!(s.uses_sqlite());
        assert_eq!(s.database_url.expose_secret(), "sqlite://data/interview-coach.db?mode=rwc");
        assert_eq!(s.log_format, LogFormat::Pretty);
        assert!(s.oidc.is_none());
        assert!(s.coach.api_key.is_none());
        assert!(s.transcribe.is_none(), "voice goes to the browser's own speech recognition");
    }

    #[test]
    fn a_transcription_endpoint_is_configured_by_its_url_or_its_key() {
        let s = settings(&[("TRANSCRIBE_BASE_URL", "http://127.0.0.1:8000/v1")]).unwrap();
        let transcribe = s.transcribe.expect("configured");
        assert_eq!(transcribe.model, "whisper-1");
        assert!(transcribe.api_key.is_none());
        let s =
            settings(&[("TRANSCRIBE_API_KEY", "sk-x"), ("TRANSCRIBE_MODEL", "gpt-4o-transcribe")]).unwrap();
        let transcribe = s.transcribe.expect("configured by the key alone");
        assert_eq!(transcribe.model, "gpt-4o-transcribe");
        assert!(transcribe.base_url.is_none());
        let error =
            settings(&[("TRANSCRIBE_API_KEY", "sk-x"), ("TRANSCRIBE_TIMEOUT_SECS", "0")]).unwrap_err();
        assert_eq!(error.var, "TRANSCRIBE_TIMEOUT_SECS");
    }

    #[test]
    fn an_embeddings_endpoint_is_optional_and_its_scale_must_rise() {
        assert!(settings(&[]).unwrap().embeddings.is_none(), "relevance by the rules alone");
        let s = settings(&[("EMBEDDINGS_BASE_URL", "http://127.0.0.1:11434/v1")]).unwrap();
        let embeddings = s.embeddings.expect("configured");
        assert_eq!(embeddings.model, "text-embedding-3-small");
        assert_eq!((embeddings.unrelated, embeddings.same_topic), (0.2, 0.6));
        assert_eq!(embeddings.timeout, Duration::from_secs(10));
        let s = settings(&[("EMBEDDINGS_API_KEY", "sk-x"), ("EMBEDDINGS_UNRELATED", "0.35")]).unwrap();
        assert_eq!(s.embeddings.expect("configured by the key alone").unrelated, 0.35);
        let error =
            settings(&[("EMBEDDINGS_API_KEY", "sk-x"), ("EMBEDDINGS_SAME_TOPIC", "0.1")]).unwrap_err();
        assert_eq!(error.var, "EMBEDDINGS_SAME_TOPIC");
        let error = settings(&[("EMBEDDINGS_API_KEY", "sk-x"), ("EMBEDDINGS_UNRELATED", "1.5")]).unwrap_err();
        assert_eq!(error.var, "EMBEDDINGS_UNRELATED");
    }

    #[test]
    fn port_alone_keeps_the_host_and_changes_the_port() {
        let s = settings(&[("PORT", "8080")]).unwrap();
        assert_eq!(s.addr, "127.0.0.1:8080".parse().unwrap());
        let s = settings(&[("HOST", "0.0.0.0"), ("PORT", "8080"), ("ALLOW_DEV_SIGNIN", "1")]).unwrap();
        assert_eq!(s.addr, "0.0.0.0:8080".parse().unwrap());
        let s = settings(&[("LEPTOS_SITE_ADDR", "127.0.0.1:4000")]).unwrap();
        assert_eq!(s.addr.port(), 4000);
    }

    #[test]
    fn invalid_values_name_their_variable() {
        for (var, value) in [
            ("PORT", "eighty"),
            ("HOST", "example.com"),
            ("LOG_FORMAT", "xml"),
            ("DATABASE_URL", "postgres://x/y"),
            ("DB_MAX_CONNECTIONS", "0"),
            ("ALLOW_DEV_SIGNIN", "maybe"),
            ("OPENAI_BASE_URL", "not a url"),
            ("COACH_TIMEOUT_SECS", "0"),
            ("TRANSCRIBE_BASE_URL", "whisper"),
        ] {
            let error = settings(&[(var, value)]).expect_err(var);
            assert_eq!(error.var, var, "{error}");
            assert!(error.to_string().contains(var));
        }
    }

    #[test]
    fn a_number_out_of_range_is_told_its_range_and_default() {
        let error =
            settings(&[("EMBEDDINGS_BASE_URL", "http://127.0.0.1:1/v1"), ("EMBEDDINGS_TIMEOUT_SECS", "300")])
                .expect_err("over the limit");
        assert_eq!(error.var, "EMBEDDINGS_TIMEOUT_SECS");
        assert!(error.to_string().contains("from 1 to 120 (the default is 10)"), "{error}");

        let padded = settings(&[("DOCUMENT_READERS", " 4 ")]).expect("spaces around a number are fine");
        assert_eq!(padded.limits.document_readers, 4);

        // The throughput bench lifts the coach's hourly allowance out of its way.
        let lifted = settings(&[("COACH_CALLS_PER_HOUR", "100000000")]).expect("a large allowance is valid");
        assert_eq!(lifted.limits.coach_calls_per_hour, 100_000_000);
    }

    #[test]
    fn oidc_needs_client_id_and_redirect_url() {
        let error = settings(&[("OIDC_ISSUER_URL", "https://id.example.com")]).unwrap_err();
        assert_eq!(error.var, "OIDC_CLIENT_ID");
        let error = settings(&[("OIDC_CLIENT_ID", "app")]).unwrap_err();
        assert_eq!(error.var, "OIDC_ISSUER_URL");
        let s = settings(&[
            ("OIDC_ISSUER_URL", "https://id.example.com"),
            ("OIDC_CLIENT_ID", "app"),
            ("OIDC_REDIRECT_URL", "https://coach.example.com/auth/callback"),
        ])
        .unwrap();
        assert_eq!(s.oidc.unwrap().scopes, ["openid", "email", "profile"]);
    }

    #[test]
    fn secrets_never_appear_in_debug_output() {
        let s = settings(&[
            ("DATABASE_URL", "mysql://coach:hunter2@db/coach"),
            ("OPENAI_API_KEY", "sk-live-abcdef"),
            ("OIDC_ISSUER_URL", "https://id.example.com"),
            ("OIDC_CLIENT_ID", "app"),
            ("OIDC_CLIENT_SECRET", "client-s3cret"),
            ("OIDC_REDIRECT_URL", "https://coach.example.com/auth/callback"),
        ])
        .unwrap();
        let dump = format!("{s:?}");
        for secret in ["hunter2", "sk-live-abcdef", "client-s3cret"] {
            assert!(!dump.contains(secret), "{secret} leaked into {dump}");
        }
        assert_eq!(s.database_display(), "mysql://coach:***@db/coach");
    }

    #[test]
    fn dev_signin_needs_loopback_or_an_explicit_opt_in() {
        let error = settings(&[("HOST", "0.0.0.0")]).unwrap_err();
        assert_eq!(error.var, "OIDC_ISSUER_URL");
        assert!(error.message.contains("ALLOW_DEV_SIGNIN=true"), "{error}");

        assert!(settings(&[("HOST", "0.0.0.0"), ("ALLOW_DEV_SIGNIN", "true")]).unwrap().dev_signin());
        assert!(settings(&[("HOST", "::1")]).unwrap().dev_signin());
    }

    #[test]
    fn dev_signin_is_never_combined_with_oidc() {
        let oidc = [
            ("OIDC_ISSUER_URL", "https://id.example.com"),
            ("OIDC_CLIENT_ID", "app"),
            ("OIDC_REDIRECT_URL", "https://coach.example.com/auth/callback"),
        ];
        let s = settings(&oidc).unwrap();
        assert!(!s.dev_signin());
        assert!(s.serves_https());

        let mut with_flag = oidc.to_vec();
        with_flag.push(("ALLOW_DEV_SIGNIN", "true"));
        assert_eq!(settings(&with_flag).unwrap_err().var, "ALLOW_DEV_SIGNIN");
    }

    #[test]
    fn blank_values_fall_back_to_defaults() {
        let s = settings(&[("PORT", " "), ("LOG_FORMAT", "")]).unwrap();
        assert_eq!(s.addr.port(), 3000);
        assert_eq!(s.log_format, LogFormat::Pretty);
    }
}
