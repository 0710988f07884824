//! The Interview Coach server: settings → telemetry → application → serve.
//!
//! `server` (or `server serve`) runs the web app, applying migrations first;
//! `server migrate` only applies migrations and exits (for a one-off job before a deploy);
//! `server healthcheck` asks a running server's `/healthz` (the container's HEALTHCHECK);
//! `server coach-eval` prints the coach's figures on its labelled answers (`make coach-eval`);
//! `server read-document <kind>` is the isolated document reader the server starts for each
//! upload (see `app::server::extraction`), not a command for people.

mod healthcheck;

use std::process::ExitCode;
use std::sync::Arc;

use app::server::coach::engine::CoachEngine;
use app::server::coach::evaluation;
use app::server::coach::llm::LlmCoach;
use app::server::config::{LogFormat, Settings};
use app::server::startup::{Application, offline_coach, shutdown_signal};
use app::server::{db, extraction, telemetry};

/// mimalloc: glibc's malloc and free were the largest share of the server's own time under load
/// (README, development notes). The document reader, this same binary under `RLIMIT_DATA`, is
/// started with `MIMALLOC_ARENA_EAGER_COMMIT=0` so that the limit counts only what it uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

enum Command {
    Serve,
    Migrate,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    // The document reader starts no runtime and reads no settings: it limits itself and reads.
    if args.get(1).map(String::as_str) == Some(extraction::COMMAND) {
        return extraction::run_child(args.get(2).map(String::as_str));
    }
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(run(args.get(1).map(String::as_str))),
        Err(error) => {
            eprintln!("Interview Coach cannot start: no async runtime ({error})");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Option<&str>) -> ExitCode {
    let command = match command {
        None | Some("serve") => Command::Serve,
        Some("migrate") => Command::Migrate,
        Some("healthcheck") => {
            return match healthcheck::check() {
                Ok(()) => ExitCode::SUCCESS,
                Err(problem) => {
                    eprintln!("unhealthy: {problem}");
                    ExitCode::FAILURE
                }
            };
        }
        Some("coach-eval") => return coach_eval().await,
        Some("-h" | "--help" | "help") => {
            println!(
                "usage: server [serve|migrate|healthcheck|coach-eval]\n\nConfiguration comes from environment variables; see .env.example."
            );
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("unknown command `{other}`; usage: server [serve|migrate|healthcheck|coach-eval]");
            return ExitCode::from(2);
        }
    };

    let settings = match settings("Interview Coach cannot start") {
        Ok(settings) => settings,
        Err(exit) => return exit,
    };
    let _telemetry = match telemetry::init(&settings) {
        Ok(guard) => guard,
        Err(error) => {
            eprintln!("Interview Coach cannot start: {error:#}");
            return ExitCode::from(2);
        }
    };

    let result = match command {
        Command::Serve => serve(settings).await,
        Command::Migrate => migrate(settings).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "Interview Coach stopped with an error");
            ExitCode::FAILURE
        }
    }
}

/// The settings from the environment, or, after saying why not (prefixed by `context`), the exit
/// code for a configuration error. A local `.env` is a convenience for development; real
/// environment variables win.
fn settings(context: &str) -> Result<Settings, ExitCode> {
    let _ = dotenvy::dotenv();
    Settings::from_env().map_err(|error| {
        eprintln!("{context}: {error}");
        ExitCode::from(2)
    })
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    // Before the listener exists: a SIGTERM from then on ends the server cleanly.
    let shutdown = shutdown_signal();
    let database = settings.database_display();
    let settings_log_format = settings.log_format;
    let app = Application::build(settings).await?;
    let url = format!("http://{}", app.local_addr());
    tracing::info!(%url, %database, "Interview Coach is listening");
    // In JSON mode stdout carries only JSON lines (the log line above says the same).
    if settings_log_format == LogFormat::Pretty {
        println!("Interview Coach is ready at {url}");
    }
    app.run_until(shutdown).await?;
    tracing::info!("stopped cleanly");
    Ok(())
}

async fn migrate(settings: Settings) -> anyhow::Result<()> {
    let database = db::connect(&settings).await?;
    db::migrate(&database).await?;
    tracing::info!(database = %settings.database_display(), "migrations applied");
    Ok(())
}

/// `server coach-eval`: the labelled answers through the offline coach (with relevance by meaning
/// when `EMBEDDINGS_BASE_URL` or `EMBEDDINGS_API_KEY` is set), or with `COACH=llm` through the
/// language model the settings configure (`OPENAI_BASE_URL`, `OPENAI_API_KEY`, `COACH_MODEL`),
/// and the figures of both halves.
async fn coach_eval() -> ExitCode {
    let settings = match settings("coach-eval") {
        Ok(settings) => settings,
        Err(exit) => return exit,
    };
    let coach: Arc<dyn CoachEngine> = match std::env::var("COACH").as_deref() {
        Err(_) | Ok("" | "offline") => offline_coach(&settings),
        Ok("llm") if settings.coach.api_key.is_some() || settings.coach.base_url.is_some() => {
            Arc::new(LlmCoach::new(&settings.coach))
        }
        Ok("llm") => {
            eprintln!(
                "coach-eval: COACH=llm needs a language model: set OPENAI_BASE_URL and/or OPENAI_API_KEY (and COACH_MODEL)"
            );
            return ExitCode::from(2);
        }
        Ok(other) => {
            eprintln!(
                "coach-eval: COACH={other} is not a coach; use COACH=offline (the default) or COACH=llm"
            );
            return ExitCode::from(2);
        }
    };
    let report = evaluation::run(coach).await;
    if std::env::args().any(|arg| arg == "--misses") {
        println!("coach-eval {}, development half, what missed a target:", report.coach);
        report.development_misses.iter().for_each(|miss| println!("{miss}"));
    }
    println!("{report}");
    ExitCode::SUCCESS
}
