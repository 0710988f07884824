//! Logging: tracing to stdout (pretty or JSON) and to `<LOG_DIR>/app.log`.
//!
//! Policy, after crates.io: a failure is logged once, where it is handled (the HTTP boundary or
//! the task that gives up), with its cause chain. Field names are dotted (`user.id`,
//! `vacancy.id`, `request.id`); audit events carry `event = "AUTH_LOGIN"` and friends.

use std::io::IsTerminal;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::{EnvFilter, Layer, Registry, layer::SubscriberExt, util::SubscriberInitExt};

use super::config::{LogFormat, Settings};
use super::log_file::DailyLogFile;

/// Days of rotated `app.<date>.log` files kept on disk.
const LOG_RETENTION_DAYS: u32 = 14;

/// Keeps the background log writer alive; dropping it flushes what is buffered.
#[must_use = "logs are lost unless the guard lives until the process exits"]
pub struct TelemetryGuard {
    _file: Option<WorkerGuard>,
}

/// Installs the global subscriber. Call once, before anything logs.
pub fn init(settings: &Settings) -> anyhow::Result<TelemetryGuard> {
    let filter = EnvFilter::try_new(&settings.log_filter)
        .map_err(|e| anyhow::anyhow!("invalid setting RUST_LOG: {e}"))?;
    // Colours only on a terminal: piped output (CI, `make run | tee`) stays plain text.
    let mut layers =
        vec![format_layer(settings.log_format, std::io::stdout, std::io::stdout().is_terminal())];
    let mut guard = None;
    if let Some(log_dir) = &settings.log_dir {
        let file = DailyLogFile::open(log_dir, LOG_RETENTION_DAYS)
            .map_err(|e| anyhow::anyhow!("cannot open the log file in LOG_DIR={}: {e}", log_dir.display()))?;
        let (file_writer, file_guard) = tracing_appender::non_blocking(file);
        layers.push(format_layer(settings.log_format, file_writer, false));
        guard = Some(file_guard);
    }

    tracing_subscriber::registry()
        .with(layers)
        .with(filter)
        .try_init()
        .map_err(|e| anyhow::anyhow!("logging was already initialised: {e}"))?;
    Ok(TelemetryGuard { _file: guard })
}

type BoxedLayer = Box<dyn Layer<Registry> + Send + Sync>;

/// One output: JSON lines carry the current span's fields (request id, user id) on every line;
/// the pretty form prints them as the span prefix.
fn format_layer<W>(format: LogFormat, writer: W, ansi: bool) -> BoxedLayer
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    let layer = tracing_subscriber::fmt::layer().with_writer(writer).with_target(true);
    match format {
        LogFormat::Json => {
            layer.json().flatten_event(true).with_current_span(true).with_span_list(false).boxed()
        }
        LogFormat::Pretty => layer.with_ansi(ansi).boxed(),
    }
}
