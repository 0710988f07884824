//! Builds the whole HTTP application from [`Settings`]: the binary and the integration tests go
//! through the same [`Application::build`], so a test on port 0 runs what production runs.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::routing::get;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use super::auth::oidc::OidcProvider;
use super::auth::session_store::DbSessionStore;
use super::auth::{self, SignIn};
use super::coach::engine::{CoachEngine, OfflineCoach};
use super::coach::llm::LlmCoach;
use super::coach::semantic::{OpenAiEmbedder, SemanticRelevance, SimilarityScale};
use super::config::Settings;
use super::extraction::DocumentReader;
use super::interview::QuestionLocks;
use super::security_headers::{self, SecurityHeaders};
use super::state::AppState;
use super::transcription::Transcriber;
use super::transcription::openai::OpenAiTranscriber;
use super::{db, health, intake, request_id};
use crate::{App, shell};

/// A bound, migrated, ready-to-serve application.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    sessions: DbSessionStore,
}

impl Application {
    /// Binds `HOST`/`PORT`, connects and migrates the database, and assembles the routes.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let listener = std::net::TcpListener::bind(settings.addr)
            .with_context(|| format!("cannot listen on {} (HOST/PORT)", settings.addr))?;
        Self::build_on(settings, listener).await
    }

    /// Like [`build`](Self::build) on a listener bound by the caller (tests that must know the
    /// port before the app starts, e.g. for an OIDC redirect URL).
    pub async fn build_on(settings: Settings, listener: std::net::TcpListener) -> anyhow::Result<Self> {
        let coach = coach_for(&settings);
        Self::build_with_coach(settings, listener, coach).await
    }

    /// Like [`build_on`](Self::build_on) with a coach chosen by the caller instead of by the
    /// settings (tests use it to make the coach fail on purpose).
    pub async fn build_with_coach(
        settings: Settings,
        listener: std::net::TcpListener,
        coach: Arc<dyn CoachEngine>,
    ) -> anyhow::Result<Self> {
        listener.set_nonblocking(true)?;
        let listener = TcpListener::from_std(listener)?;
        let db = db::connect(&settings).await?;
        db::migrate(&db).await.context("applying database migrations")?;
        let sign_in = match &settings.oidc {
            Some(oidc) => SignIn::Provider(Arc::new(OidcProvider::discover(oidc).await?)),
            None => {
                tracing::warn!(
                    "no OIDC_ISSUER_URL: development sign-in is on (anyone can sign in as anyone)"
                );
                SignIn::Development
            }
        };
        let documents =
            DocumentReader::new(settings.document_reader.clone(), settings.limits.document_readers);
        let question_locks = QuestionLocks::new(db.clone(), settings.coach.timeout);
        let transcriber = transcriber_for(&settings);
        let state = AppState {
            leptos_options: leptos_options(&settings, listener.local_addr()?),
            db,
            settings: Arc::new(settings),
            sign_in,
            coach,
            documents,
            question_locks,
            transcriber,
        };
        let sessions = DbSessionStore::new(state.db.clone());
        let router = router(state.clone(), sessions.clone());
        Ok(Self { listener, router, state, sessions })
    }

    /// The address actually bound (the real port when `PORT=0`).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound TCP listener has a local address")
    }

    /// The database pool the application uses.
    pub fn db(&self) -> &DatabaseConnection {
        &self.state.db
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests and returns.
    /// Expired sessions are swept while it serves.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let sweeper = self.sessions.spawn_expiry_sweeper(SESSION_SWEEP_PERIOD);
        let coach = Arc::clone(&self.state.coach);
        tokio::task::spawn_blocking(move || coach.warm_up());
        let served = axum::serve(self.listener, self.router).with_graceful_shutdown(shutdown).await;
        sweeper.abort();
        // A prefetch cut short must not keep other instances waiting for its lease.
        self.state.question_locks.release_all().await;
        served
    }
}

/// The language-model coach when an endpoint or key is configured, the offline rules otherwise.
fn coach_for(settings: &Settings) -> Arc<dyn CoachEngine> {
    if settings.coach.api_key.is_some() || settings.coach.base_url.is_some() {
        tracing::info!(model = %settings.coach.model, "coach: language model");
        Arc::new(LlmCoach::new(&settings.coach))
    } else {
        tracing::info!("coach: offline rules (no OPENAI_API_KEY)");
        offline_coach(settings)
    }
}

/// The offline rules coach, judging relevance by meaning as well when an embeddings endpoint is
/// configured.
pub fn offline_coach(settings: &Settings) -> Arc<dyn CoachEngine> {
    let Some(embeddings) = &settings.embeddings else {
        return Arc::new(OfflineCoach);
    };
    tracing::info!(model = %embeddings.model, "coach: relevance by meaning through an embeddings endpoint");
    let scale = SimilarityScale { unrelated: embeddings.unrelated, same_topic: embeddings.same_topic };
    Arc::new(SemanticRelevance::new(Arc::new(OfflineCoach), Arc::new(OpenAiEmbedder::new(embeddings)), scale))
}

/// The transcription endpoint when one is configured; `None` leaves spoken answers to the
/// browser's own speech recognition.
fn transcriber_for(settings: &Settings) -> Option<Arc<dyn Transcriber>> {
    let transcribe = settings.transcribe.as_ref()?;
    tracing::info!(model = %transcribe.model, "transcription: OpenAI-compatible endpoint");
    Some(Arc::new(OpenAiTranscriber::new(transcribe)))
}

fn leptos_options(settings: &Settings, bound: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(settings.output_name.as_str())
        .site_root(settings.site_root.to_string_lossy().as_ref())
        .site_pkg_dir(settings.site_pkg_dir.as_str())
        .site_addr(bound)
        .build()
}

/// How often expired sessions are deleted from the database.
const SESSION_SWEEP_PERIOD: Duration = Duration::from_secs(60 * 60);

fn router(state: AppState, store: DbSessionStore) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let shell_options = state.leptos_options.clone();
    let security = Arc::new(SecurityHeaders::for_app(&state));
    let page_security = security.clone();
    let not_found_security = security.clone();

    let https = state.settings.serves_https();
    // `__Host-` makes the browser insist on Secure, Path=/ and no Domain: no subdomain can
    // plant or read the cookie. It is only valid over HTTPS.
    let sessions = SessionManagerLayer::new(store)
        .with_name(if https { "__Host-ic_session" } else { "ic_session" })
        .with_secure(https)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(auth::session::IDLE_LIFETIME));

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .merge(auth::routes::routes(&state.sign_in))
        .merge(intake::routes::routes())
        .merge(super::report::routes())
        .merge(super::transcription::routes::routes())
        .merge(super::account_data::routes::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context_state.clone());
                security_headers::page_headers(&page_security);
            },
            move || shell(shell_options.clone()),
        )
        // Everything routed so far may answer with personal data; the fallback below serves
        // the static files (their caching unchanged) and the not-found page (a page: no-store).
        .route_layer(axum::middleware::from_fn(security_headers::forbid_storing))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || security_headers::page_headers(&not_found_security),
            shell,
        ))
        // Each layer wraps the ones above it: the request span is outermost, so panics and
        // refusals are logged with the request id.
        .layer(sessions)
        .layer(axum::middleware::from_fn(auth::origin::require_same_origin))
        // Brotli or gzip for whoever asks: the WASM bundle is ~740 KB raw, ~220 KB as brotli.
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(CatchPanicLayer::new())
        // Inside the request span, outside everything else: panics and refusals get them too.
        .layer(axum::middleware::from_fn_with_state(security, security_headers::add_security_headers))
        .layer(axum::middleware::from_fn(request_id::trace_request))
        .with_state(state)
}

/// Completes on Ctrl-C or SIGTERM (what Cloud Run and `docker stop` send).
///
/// The SIGTERM handler is installed when this is called, not when the future is first polled:
/// `axum::serve` polls it from a task of its own, and a SIGTERM that came before that task ran
/// took the default action and killed the process (seen once in CI, exit by signal 15). Call it
/// before the server starts answering.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
    async move {
        let ctrl_c = async {
            if let Err(error) = tokio::signal::ctrl_c().await {
                tracing::error!(%error, "cannot listen for Ctrl-C");
                std::future::pending::<()>().await;
            }
        };
        #[cfg(unix)]
        let terminate = async move {
            match terminate {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(error) => {
                    tracing::error!(%error, "cannot listen for SIGTERM");
                    std::future::pending::<()>().await;
                }
            }
        };
        #[cfg(not(unix))]
        let terminate = std::future::pending::<()>();
        tokio::select! {
            () = ctrl_c => {},
            () = terminate => {},
        }
        tracing::info!("shutdown signal received, finishing in-flight requests");
    }
}
