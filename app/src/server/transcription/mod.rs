//! Spoken answers: the recording the browser made goes to a speech-to-text engine behind
//! [`Transcriber`], and the transcript goes back to the answer box for the candidate to read and
//! correct. Only an OpenAI-compatible endpoint implements it ([`openai::OpenAiTranscriber`]);
//! with none configured the page uses the browser's own speech recognition and never calls
//! this module.
//!
//! The audio is never stored: it lives in this request's memory until the engine answers and is
//! dropped with the request. Logs carry its size and length, never its content or transcript.

pub mod openai;
pub mod routes;

use std::time::Duration;

/// Longest recording accepted, in bytes: five minutes of the browser's opus is about 2.5 MB and
/// of 16-bit 48 kHz WAV about 29 MB; 32 MiB covers both and keeps one upload's memory bounded.
pub const MAX_RECORDING_BYTES: usize = 32 * 1024 * 1024;

/// An audio container the engines accept, recognised from the file's first bytes (the content
/// type a browser sends is a claim, not a fact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudioFormat {
    Webm,
    Ogg,
    Wav,
    Mp4,
    Mp3,
    Flac,
}

impl AudioFormat {
    /// The format of `bytes`, or `None` when they are not audio any engine reads.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        match bytes {
            [0x1A, 0x45, 0xDF, 0xA3, ..] => Some(Self::Webm),
            [b'O', b'g', b'g', b'S', ..] => Some(Self::Ogg),
            [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'A', b'V', b'E', ..] => Some(Self::Wav),
            [_, _, _, _, b'f', b't', b'y', b'p', ..] => Some(Self::Mp4),
            [b'I', b'D', b'3', ..] => Some(Self::Mp3),
            [0xFF, second, ..] if second & 0xE0 == 0xE0 => Some(Self::Mp3),
            [b'f', b'L', b'a', b'C', ..] => Some(Self::Flac),
            _ => None,
        }
    }

    /// The file extension engines use to tell the format.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Webm => "webm",
            Self::Ogg => "ogg",
            Self::Wav => "wav",
            Self::Mp4 => "m4a",
            Self::Mp3 => "mp3",
            Self::Flac => "flac",
        }
    }
}

/// One recording to transcribe.
#[derive(Debug)]
pub struct Recording {
    pub audio: Vec<u8>,
    pub format: AudioFormat,
}

/// What the engine heard.
#[derive(Debug, Clone, PartialEq)]
pub struct Transcript {
    pub text: String,
    /// The recording's length as the engine measured it, when it says.
    pub duration_seconds: Option<f32>,
    /// Each word's start and end in seconds, when the engine offers word timestamps.
    pub word_timings: Option<Vec<(f32, f32)>>,
}

/// Why a recording could not be transcribed. The message of each is for the candidate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TranscribeError {
    #[error("the transcription service did not answer within {} seconds", .0.as_secs())]
    TimedOut(Duration),
    #[error("the transcription service failed: {0}")]
    Unavailable(String),
    #[error("the transcription service's reply could not be read: {0}")]
    BadReply(String),
}

/// A speech-to-text engine.
#[async_trait::async_trait]
pub trait Transcriber: Send + Sync {
    /// How the README and the logs name it (the model).
    fn label(&self) -> String;

    async fn transcribe(&self, recording: Recording) -> Result<Transcript, TranscribeError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audio_is_recognised_by_its_first_bytes_not_its_name() {
        assert_eq!(AudioFormat::sniff(&[0x1A, 0x45, 0xDF, 0xA3, 0x9F]), Some(AudioFormat::Webm));
        assert_eq!(AudioFormat::sniff(b"OggS\0\x02"), Some(AudioFormat::Ogg));
        assert_eq!(AudioFormat::sniff(b"RIFF\x24\0\0\0WAVEfmt "), Some(AudioFormat::Wav));
        assert_eq!(AudioFormat::sniff(b"\0\0\0\x20ftypM4A "), Some(AudioFormat::Mp4));
        assert_eq!(AudioFormat::sniff(b"ID3\x04"), Some(AudioFormat::Mp3));
        assert_eq!(AudioFormat::sniff(&[0xFF, 0xFB, 0x90]), Some(AudioFormat::Mp3));
        assert_eq!(AudioFormat::sniff(b"fLaC"), Some(AudioFormat::Flac));
        for not_audio in [&b"%PDF-1.7"[..], b"RIFF\x24\0\0\0AVI ", b"<html>", b"", &[0xFF, 0x10]] {
            assert_eq!(AudioFormat::sniff(not_audio), None, "{not_audio:?}");
        }
    }
}
