//! The app's document readers, its offline coach and its report layout, compiled on their own
//! for fuzzing.
//!
//! `app/src/server/documents`, the coach's rules and the report layout depend on nothing else in
//! the app, so they are included by path rather than pulling Leptos, axum and sea-orm into every
//! sanitizer build.

#[path = "../../app/src/server/documents/mod.rs"]
pub mod documents;

/// The offline coach's rules and the PDF report's layout at the module paths the app gives
/// them, so their `crate::server::…` and `crate::model::…` imports resolve here unchanged. (A
/// `path` on an inline module names the directory of the modules declared inside it.)
#[path = "../../app/src/server"]
pub mod server {
    pub mod coach {
        pub mod fallacies;
        mod fallacy_cues;
        pub mod profile;
        pub mod questions;
        pub mod rubric;
        pub mod taxonomy;
        pub mod text;
    }

    pub mod intake {
        pub mod highlights;
    }

    pub mod report {
        pub mod layout;
    }
}

/// The analytics and delivery types the report layout draws.
#[path = "../../app/src/model"]
pub mod model {
    pub mod analytics;
    pub mod delivery;
    pub mod interview;
}

/// A fuzz input cut into `N` texts at NUL bytes (the last one keeps any further NULs), each
/// valid UTF-8 as a browser sends it; missing parts are empty.
pub fn texts<const N: usize>(data: &[u8]) -> [String; N] {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(N, '\0');
    std::array::from_fn(|_| parts.next().unwrap_or_default().to_owned())
}

/// Replaces libfuzzer's abort-on-panic hook with a silent one, once, so that panics are
/// contained by `catch_unwind` exactly as in the server.
pub fn contain_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
