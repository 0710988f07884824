//! The one OpenAI-compatible client the coach and the transcriber share: async-openai with an
//! optional key and base URL (OpenAI itself, Azure-compatible gateways, Ollama, vLLM, LocalAI,
//! self-hosted Whisper servers).

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

/// A client for `base_url` (OpenAI's when `None`) with `api_key`, if any.
pub fn client(api_key: Option<&SecretString>, base_url: Option<&Url>) -> Client<OpenAIConfig> {
    // async-openai's rustls has no built-in crypto provider: install ring once per process.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut config = OpenAIConfig::new();
    if let Some(key) = api_key {
        config = config.with_api_key(key.expose_secret());
    }
    if let Some(base) = base_url {
        config = config.with_api_base(base.as_str().trim_end_matches('/'));
    }
    Client::with_config(config)
}
