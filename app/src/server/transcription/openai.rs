//! Transcription over any OpenAI-compatible `/v1/audio/transcriptions` endpoint (OpenAI's
//! models, and the self-hosted servers that speak the same API: faster-whisper servers, LocalAI,
//! vLLM), through async-openai like the coach.
//!
//! Word timestamps are asked for (`verbose_json` with word granularity); an endpoint that refuses
//! that format is asked once more for plain `json`, and delivery then goes without pauses. The
//! reply is read leniently (only `text` is required), since self-hosted servers leave out fields
//! OpenAI sends. async-openai retries a 429 or 5xx with backoff; the whole call, retries
//! included, is bounded by `TRANSCRIBE_TIMEOUT_SECS`.

use std::time::{Duration, Instant};

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::types::audio::{
    AudioInput, AudioResponseFormat, CreateTranscriptionRequest, TimestampGranularity,
};
use serde::Deserialize;

use super::{Recording, TranscribeError, Transcriber, Transcript};
use crate::server::coach::text::first_chars;
use crate::server::config::TranscribeSettings;

/// Longest transcript kept from a reply: far more than five minutes of speech.
const MAX_TRANSCRIPT_CHARS: usize = 20_000;

pub struct OpenAiTranscriber {
    client: Client<OpenAIConfig>,
    model: String,
    timeout: Duration,
}

impl OpenAiTranscriber {
    pub fn new(settings: &TranscribeSettings) -> Self {
        let client = crate::server::openai::client(settings.api_key.as_ref(), settings.base_url.as_ref());
        Self { client, model: settings.model.clone(), timeout: settings.timeout }
    }

    async fn request(
        &self,
        recording: &Recording,
        format: AudioResponseFormat,
    ) -> Result<Vec<u8>, OpenAIError> {
        let request = CreateTranscriptionRequest {
            file: AudioInput::from_vec_u8(
                format!("answer.{}", recording.format.extension()),
                recording.audio.clone(),
            ),
            model: self.model.clone(),
            response_format: Some(format),
            timestamp_granularities: (format == AudioResponseFormat::VerboseJson)
                .then(|| vec![TimestampGranularity::Word]),
            ..Default::default()
        };
        self.client.audio().transcription().create_raw(request).await.map(|reply| reply.to_vec())
    }

    async fn verbose_then_plain(&self, recording: &Recording) -> Result<Vec<u8>, TranscribeError> {
        match self.request(recording, AudioResponseFormat::VerboseJson).await {
            Ok(reply) => Ok(reply),
            // A 4xx: this endpoint does not do verbose JSON (OpenAI's newer models, some servers).
            Err(OpenAIError::ApiError(error))
                if error.status_code.is_client_error() && error.status_code != 429 =>
            {
                tracing::info!(status = %error.status_code, "transcription: no word timestamps here, asking for plain JSON");
                self.request(recording, AudioResponseFormat::Json).await.map_err(unavailable)
            }
            Err(error) => Err(unavailable(error)),
        }
    }
}

/// The failure in words for the candidate; the details (which may name the endpoint's address)
/// go to the log only.
fn unavailable(error: OpenAIError) -> TranscribeError {
    tracing::warn!(%error, "transcription request failed");
    TranscribeError::Unavailable(match error {
        OpenAIError::ApiError(api) => format!("it answered {}", api.status_code),
        OpenAIError::Reqwest(e) if e.is_connect() => "it could not be reached".into(),
        OpenAIError::Reqwest(e) if e.is_timeout() => "it took too long to answer".into(),
        OpenAIError::Reqwest(_) => "the connection to it failed".into(),
        _ => "its reply could not be read".into(),
    })
}

/// The fields read from a transcription reply; only `text` must be there.
#[derive(Debug, Deserialize)]
struct Reply {
    text: String,
    #[serde(default)]
    duration: Option<f32>,
    #[serde(default)]
    words: Option<Vec<TimedWord>>,
}

#[derive(Debug, Deserialize)]
struct TimedWord {
    start: f32,
    end: f32,
}

/// Reads an endpoint's reply into a transcript, or says why it cannot.
pub fn parse_reply(body: &[u8]) -> Result<Transcript, TranscribeError> {
    let reply: Reply = serde_json::from_slice(body)
        .map_err(|e| TranscribeError::BadReply(format!("not a transcription ({e})")))?;
    Ok(Transcript {
        text: first_chars(&reply.text, MAX_TRANSCRIPT_CHARS).trim().to_owned(),
        duration_seconds: reply.duration.filter(|d| d.is_finite() && *d >= 0.0),
        word_timings: reply.words.map(|words| words.into_iter().map(|w| (w.start, w.end)).collect()),
    })
}

#[async_trait::async_trait]
impl Transcriber for OpenAiTranscriber {
    fn label(&self) -> String {
        self.model.clone()
    }

    async fn transcribe(&self, recording: Recording) -> Result<Transcript, TranscribeError> {
        let started = Instant::now();
        let reply = tokio::time::timeout(self.timeout, self.verbose_then_plain(&recording))
            .await
            .map_err(|_| TranscribeError::TimedOut(self.timeout))??;
        let transcript = parse_reply(&reply)?;
        tracing::info!(
            agent.task = "transcription",
            agent.model = %self.model,
            agent.duration_ms = started.elapsed().as_millis() as u64,
            audio.bytes = recording.audio.len(),
            audio.seconds = transcript.duration_seconds,
            transcript.words = transcript.text.split_whitespace().count(),
            "transcribed"
        );
        Ok(transcript)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verbose_reply_gives_text_duration_and_word_timings() {
        let body =
            br#"{"task":"transcribe","language":"english","duration":4.5,"text":" We sharded the queue. ",
            "words":[{"word":"We","start":0.0,"end":0.2},{"word":"sharded","start":0.3,"end":0.8}]}"#;
        let transcript = parse_reply(body).unwrap();
        assert_eq!(transcript.text, "We sharded the queue.");
        assert_eq!(transcript.duration_seconds, Some(4.5));
        assert_eq!(transcript.word_timings, Some(vec![(0.0, 0.2), (0.3, 0.8)]));
    }

    #[test]
    fn a_plain_reply_has_no_timings_and_garbage_is_refused() {
        let plain = parse_reply(br#"{"text":"hello"}"#).unwrap();
        assert_eq!((plain.duration_seconds, plain.word_timings), (None, None));
        for garbage in [&b"<html>502</html>"[..], b"{\"words\":[]}", b"", b"{\"text\":42}"] {
            assert!(matches!(parse_reply(garbage), Err(TranscribeError::BadReply(_))), "{garbage:?}");
        }
    }

    #[test]
    fn an_endless_transcript_is_cut() {
        let body = format!(r#"{{"text":"{}"}}"#, "é".repeat(MAX_TRANSCRIPT_CHARS + 10));
        assert_eq!(parse_reply(body.as_bytes()).unwrap().text.chars().count(), MAX_TRANSCRIPT_CHARS);
    }
}
