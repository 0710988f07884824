//! Spoken answers: the recorder's upload through `/voice/transcribe` to a scripted fake
//! OpenAI-compatible transcription server (the real client code, HTTP and multipart included),
//! every way it can fail, and a spoken answer's delivery stored, shown and counted in analytics.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::messages;
use app::model::analytics::Analytics;
use app::model::interview::{Reply, VoiceInput};
use app::paths;
use app::server::db::entities::answers;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::interview::{current, ready_candidate, running, started};
use crate::support::{Browser, TestApp, spawn_app, spawn_app_on};

/// The first bytes of a WebM file, as MediaRecorder writes them; the fake does not decode audio.
const WEBM: &[u8] = &[0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01];

/// What the fake transcription server answers next.
enum Heard {
    /// `verbose_json` with these words, each (word, start, end).
    Verbose(&'static [(&'static str, f32, f32)]),
    /// Plain JSON: text only.
    Plain(&'static str),
    Status(u16),
    Garbage,
    Hang,
}

/// One request the fake received: its text fields and the uploaded file's name and size.
#[derive(Debug, Clone, Default)]
struct Received {
    fields: Vec<(String, String)>,
    file_name: Option<String>,
    file_bytes: usize,
}

impl Received {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Default)]
struct Fake {
    script: Arc<Mutex<VecDeque<Heard>>>,
    received: Arc<Mutex<Vec<Received>>>,
}

async fn transcriptions(State(fake): State<Fake>, mut form: Multipart) -> Response {
    let mut received = Received::default();
    while let Ok(Some(field)) = form.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            received.file_name = field.file_name().map(str::to_owned);
            received.file_bytes = field.bytes().await.map_or(0, |b| b.len());
        } else {
            received.fields.push((name, field.text().await.unwrap_or_default()));
        }
    }
    fake.received.lock().unwrap().push(received);
    let next = fake.script.lock().unwrap().pop_front();
    match next {
        Some(Heard::Verbose(words)) => {
            let text = words.iter().map(|(w, _, _)| *w).collect::<Vec<_>>().join(" ");
            let timed: Vec<Value> =
                words.iter().map(|(w, start, end)| json!({"word": w, "start": start, "end": end})).collect();
            let duration = words.last().map_or(0.0, |(_, _, end)| *end);
            axum::Json(json!({"task": "transcribe", "language": "english", "duration": duration, "text": text, "words": timed}))
                .into_response()
        }
        Some(Heard::Plain(text)) => axum::Json(json!({"text": text})).into_response(),
        Some(Heard::Status(code)) => (
            StatusCode::from_u16(code).unwrap(),
            axum::Json(json!({"error": {"message": "no", "type": "invalid_request_error", "param": null, "code": null}})),
        )
            .into_response(),
        Some(Heard::Garbage) => (StatusCode::OK, "<html>502 Bad Gateway</html>").into_response(),
        Some(Heard::Hang) => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        None => (StatusCode::INTERNAL_SERVER_ERROR, "script exhausted").into_response(),
    }
}

/// The fake transcription server, and the app configured to use it.
async fn app_with_fake(script: Vec<Heard>, extra: &[(&str, String)]) -> (TestApp, Fake) {
    let fake = Fake { script: Arc::new(Mutex::new(script.into())), ..Default::default() };
    let router = axum::Router::new()
        .route("/v1/audio/transcriptions", axum::routing::post(transcriptions))
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024 * 1024))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let mut settings = vec![
        ("TRANSCRIBE_BASE_URL", format!("http://{address}/v1")),
        ("TRANSCRIBE_MODEL", "fake-whisper".to_owned()),
        ("TRANSCRIBE_TIMEOUT_SECS", "2".to_owned()),
    ];
    settings.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    (spawn_app_on(listener, &settings).await, fake)
}

/// Uploads `audio` as the recorder does and returns the status and the JSON reply.
async fn transcribe(browser: &Browser, audio: Vec<u8>) -> (StatusCode, Value) {
    let response = browser
        .client
        .post(format!("{}{}", browser.origin, paths::TRANSCRIBE))
        .header("origin", &browser.origin)
        .header("content-type", "audio/webm;codecs=opus")
        .body(audio)
        .send()
        .await
        .expect("the upload reaches the server");
    let status = response.status();
    let body = response.text().await.expect("a body");
    let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    (status, json)
}

fn message(reply: &Value) -> &str {
    reply["message"].as_str().unwrap_or_else(|| panic!("no message in {reply}"))
}

#[tokio::test]
async fn a_recording_is_transcribed_with_word_timings_and_long_pauses() {
    let words: &[(&str, f32, f32)] =
        &[("We", 0.0, 0.3), ("sharded", 0.4, 0.9), ("um", 1.0, 1.2), ("the", 4.6, 4.8), ("queue.", 4.9, 5.6)];
    let (app, fake) = app_with_fake(vec![Heard::Verbose(words)], &[]).await;
    let browser = app.signed_in("Ada", "ada@example.com").await;

    let (status, reply) = transcribe(&browser, WEBM.to_vec()).await;

    assert_eq!(status, StatusCode::OK, "{reply}");
    assert_eq!(reply["text"], "We sharded um the queue.");
    assert_eq!(reply["seconds"], 6, "the endpoint's duration, rounded");
    assert_eq!(reply["pauses"], 1, "1.2 s → 4.6 s is the one silence of three seconds or more");
    let received = fake.received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].field("model"), Some("fake-whisper"));
    assert_eq!(received[0].field("response_format"), Some("verbose_json"));
    assert_eq!(received[0].field("timestamp_granularities[]"), Some("word"));
    assert_eq!(received[0].file_name.as_deref(), Some("answer.webm"));
    assert_eq!(received[0].file_bytes, WEBM.len());
}

#[tokio::test]
async fn an_endpoint_without_word_timestamps_is_asked_for_plain_json_and_pauses_stay_unknown() {
    let (app, fake) =
        app_with_fake(vec![Heard::Status(400), Heard::Plain("We sharded the queue.")], &[]).await;
    let browser = app.signed_in("Ada", "ada@example.com").await;

    let (status, reply) = transcribe(&browser, WEBM.to_vec()).await;

    assert_eq!(status, StatusCode::OK, "{reply}");
    assert_eq!(reply["text"], "We sharded the queue.");
    assert!(reply["pauses"].is_null() && reply["seconds"].is_null(), "{reply}");
    let formats: Vec<_> =
        fake.received.lock().unwrap().iter().map(|r| r.field("response_format").map(str::to_owned)).collect();
    assert_eq!(formats, [Some("verbose_json".to_owned()), Some("json".to_owned())]);
}

#[tokio::test]
async fn endpoint_failures_get_plain_messages_and_a_5xx_is_tried_again() {
    let (app, fake) = app_with_fake(
        vec![
            Heard::Status(500),
            Heard::Plain("Recovered on the second try."),
            // A refused key: asked once with word timings, once without, then given up.
            Heard::Status(401),
            Heard::Status(401),
            Heard::Garbage,
            Heard::Plain("  ...  "),
            Heard::Hang,
        ],
        &[],
    )
    .await;
    let browser = app.signed_in("Ada", "ada@example.com").await;

    let (retried, reply) = transcribe(&browser, WEBM.to_vec()).await;
    assert_eq!((retried, reply["text"].as_str()), (StatusCode::OK, Some("Recovered on the second try.")));

    let (refused, reply) = transcribe(&browser, WEBM.to_vec()).await;
    assert_eq!(refused, StatusCode::SERVICE_UNAVAILABLE);
    assert!(message(&reply).contains("it answered 401"), "{reply}");
    assert!(message(&reply).contains("could not be turned into text"), "{reply}");
    assert!(message(&reply).contains("Nothing you typed is lost"), "{reply}");

    let (garbage, reply) = transcribe(&browser, WEBM.to_vec()).await;
    assert_eq!(garbage, StatusCode::SERVICE_UNAVAILABLE, "{reply}");
    assert!(!message(&reply).contains('{') && !message(&reply).contains("serde"), "no internals: {reply}");

    let (silence, reply) = transcribe(&browser, WEBM.to_vec()).await;
    assert_eq!(silence, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(message(&reply), messages::NO_SPEECH_HEARD);

    let started = Instant::now();
    let (hung, reply) = transcribe(&browser, WEBM.to_vec()).await;
    assert_eq!(hung, StatusCode::SERVICE_UNAVAILABLE);
    assert!(message(&reply).contains("did not answer within 2 seconds"), "{reply}");
    assert!(started.elapsed() < Duration::from_secs(10), "bounded by TRANSCRIBE_TIMEOUT_SECS");
    assert_eq!(fake.received.lock().unwrap().len(), 7);
}

#[tokio::test]
async fn empty_oversized_and_non_audio_uploads_are_refused_before_the_endpoint_is_called() {
    let (app, fake) = app_with_fake(vec![], &[]).await;
    let browser = app.signed_in("Ada", "ada@example.com").await;
    let mut oversized = WEBM.to_vec();
    oversized.resize(33 * 1024 * 1024, 0);

    for (audio, expected) in [
        (Vec::new(), messages::RECORDING_EMPTY.to_owned()),
        (b"%PDF-1.7 not audio at all".to_vec(), messages::RECORDING_NOT_AUDIO.to_owned()),
        (oversized, messages::recording_too_large(32)),
    ] {
        let (status, reply) = transcribe(&browser, audio).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
        assert_eq!(message(&reply), expected);
    }
    assert!(fake.received.lock().unwrap().is_empty(), "nothing reached the transcription service");
}

#[tokio::test]
async fn a_signed_out_recorder_gets_a_status_not_the_sign_in_page() {
    let (app, fake) = app_with_fake(vec![Heard::Plain("hello")], &[]).await;

    let (status, reply) = transcribe(&app.browser(), WEBM.to_vec()).await;

    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(message(&reply), messages::VOICE_SIGNED_OUT);
    assert!(fake.received.lock().unwrap().is_empty());
}

#[tokio::test]
async fn transcriptions_are_limited_per_candidate_per_hour() {
    let (app, _fake) = app_with_fake(
        vec![Heard::Plain("one"), Heard::Plain("two"), Heard::Plain("for Grace")],
        &[("TRANSCRIPTIONS_PER_HOUR", "1".to_owned())],
    )
    .await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let grace = app.signed_in("Grace", "grace@example.com").await;

    let (first, _) = transcribe(&ada, WEBM.to_vec()).await;
    let (second, reply) = transcribe(&ada, WEBM.to_vec()).await;
    let (other, _) = transcribe(&grace, WEBM.to_vec()).await;

    assert_eq!(first, StatusCode::OK);
    assert_eq!(second, StatusCode::TOO_MANY_REQUESTS);
    assert!(message(&reply).contains("slow"), "{reply}");
    assert_eq!(other, StatusCode::OK, "one candidate's limit is not another's");
}

#[tokio::test]
async fn without_an_endpoint_the_page_uses_the_browsers_speech_recognition() {
    let app = spawn_app().await;
    let (browser, run) = started(&app, "Ada", "ada@example.com").await;

    let (status, reply) = transcribe(&browser, WEBM.to_vec()).await;

    assert_eq!(run.voice, VoiceInput::Browser);
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(message(&reply), messages::VOICE_NOT_SET_UP);
}

#[tokio::test]
async fn a_spoken_answer_is_stored_with_its_delivery_shown_with_it_and_counted_in_analytics() {
    let (app, _fake) = app_with_fake(vec![], &[]).await;
    let browser = ready_candidate(&app, "Ada", "ada@example.com").await;
    let run = running(browser.call_ok("interview/start", &[]).await);
    assert_eq!(run.voice, VoiceInput::Transcriber);
    let question = current(&run).question_id.to_string();
    // What was heard (with its fillers) and what the candidate corrected it to.
    let heard = "Um, so we, you know, sharded the queue by tenant and, um, p99 fell from 900 to 120 ms. \
        I'd like to add that we measured it for a month.";
    let corrected =
        "We sharded the queue by tenant and p99 fell from 900 ms to 120 ms; we measured it for a month.";

    let done: app::model::interview::Submitted = browser
        .call_ok(
            "interview/answer",
            &[
                ("question_id", &question),
                ("answer", corrected),
                ("spoken_seconds", "30"),
                ("spoken_transcript", heard),
                ("spoken_pauses", "1"),
            ],
        )
        .await;

    let answered = running(done.screen);
    let Reply::Answered { text, feedback, delivery: Some(delivery) } = &current(&answered).reply else {
        panic!("a spoken answer shows its delivery: {:?}", current(&answered).reply);
    };
    assert_eq!(text, corrected, "the submitted text is what is scored and kept");
    assert!(feedback.is_some());
    assert_eq!(delivery.seconds, 30);
    assert_eq!(delivery.words_per_minute, 60, "30 words heard in 30 seconds");
    let fillers: Vec<_> = delivery.fillers.iter().map(|f| (f.word.as_str(), f.count)).collect();
    assert_eq!(fillers, [("um", 2), ("you know", 1)], "\"I'd like to\" is not a filler");
    assert_eq!(delivery.pauses, Some(1));

    let row = answers::Entity::find()
        .filter(answers::Column::QuestionId.eq(current(&run).question_id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(
        (
            row.input_mode.as_str(),
            row.speaking_seconds,
            row.words_per_minute,
            row.filler_count,
            row.pause_count
        ),
        ("spoken", Some(30), Some(60), Some(3), Some(1))
    );

    let analytics: Analytics = browser.call_ok("analytics", &[]).await;
    assert_eq!(analytics.spoken.len(), 1);
    assert_eq!((analytics.spoken[0].number, analytics.spoken[0].fillers), (1, 3));

    let pdf = browser.post_form(&app.url("/analytics/report"), &[]).await.bytes().await.unwrap();
    let kind = app::server::documents::detect("report.pdf", &pdf).expect("a PDF");
    let text = app::server::documents::extract_blocking(kind, &pdf).expect("readable").text;
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Spoken answers"), "{words}");
    assert!(words.contains("Words per minute"), "{words}");
    assert!(words.contains("0:30 60 3 1"), "the spoken answer's row: {words}");
}

#[tokio::test]
async fn a_typed_answer_has_no_delivery_and_spoken_fields_cannot_reach_another_candidates_question() {
    let (app, _fake) = app_with_fake(vec![], &[]).await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let (grace, _) = started(&app, "Grace", "grace@example.com").await;
    let question = current(&run).question_id.to_string();

    let refused = grace
        .call_err(
            "interview/answer",
            &[
                ("question_id", &question),
                ("answer", "Mine now"),
                ("spoken_seconds", "20"),
                ("spoken_transcript", "um"),
            ],
        )
        .await;
    let typed: app::model::interview::Submitted = ada
        .call_ok(
            "interview/answer",
            &[("question_id", &question), ("answer", "We sharded the queue by tenant.")],
        )
        .await;

    assert_eq!(refused, app::error::AppError::NotFound);
    assert!(matches!(current(&running(typed.screen)).reply, Reply::Answered { delivery: None, .. }));
}
