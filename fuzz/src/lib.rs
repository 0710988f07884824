//! The app's document readers, compiled on their own for fuzzing.
//!
//! `app/src/server/documents` depends on nothing else in the app, so it is included by path
//! rather than pulling Leptos, axum and sea-orm into every sanitizer build.

#[path = "../../app/src/server/documents/mod.rs"]
pub mod documents;

/// Replaces libfuzzer's abort-on-panic hook with a silent one, once, so that panics are
/// contained by `catch_unwind` exactly as in the server.
pub fn contain_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
