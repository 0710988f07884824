//! Relevance by meaning against a local fake OpenAI-compatible embeddings server: the real
//! client code, HTTP included. The fake points a text the same way as the question when it
//! speaks of partitions and consumers, at right angles otherwise, so what is measured is the
//! plumbing and the rules around it, not a model.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::server::coach::engine::{CoachEngine, OfflineCoach};
use app::server::coach::rubric::{Asked, assess};
use app::server::coach::semantic::{OpenAiEmbedder, SemanticRelevance, SimilarityScale};
use app::server::config::EmbeddingsSettings;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// How the fake answers.
#[derive(Clone, Copy, PartialEq)]
enum Behaviour {
    Embed,
    Fail,
    Hang,
}

#[derive(Clone)]
struct Fake {
    behaviour: Behaviour,
    requests: Arc<Mutex<Vec<Value>>>,
}

fn vector(text: &str) -> Value {
    let on_topic = ["partition", "consumer", "What was asked"].iter().any(|w| text.contains(w));
    if on_topic { json!([1.0, 0.0, 0.0]) } else { json!([0.0, 1.0, 0.0]) }
}

async fn embeddings(State(fake): State<Fake>, Json(body): Json<Value>) -> Response {
    fake.requests.lock().unwrap().push(body.clone());
    match fake.behaviour {
        Behaviour::Fail => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": {"message": "no such model", "type": "invalid_request_error", "param": null, "code": null}})),
            )
                .into_response();
        }
        Behaviour::Hang => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            return StatusCode::GATEWAY_TIMEOUT.into_response();
        }
        Behaviour::Embed => {}
    }
    let inputs = body["input"].as_array().cloned().unwrap_or_default();
    // Listed last first: the client must put them back in order by index.
    let data: Vec<Value> = inputs
        .iter()
        .enumerate()
        .rev()
        .map(|(index, text)| json!({"object": "embedding", "index": index, "embedding": vector(text.as_str().unwrap_or(""))}))
        .collect();
    Json(json!({"object": "list", "model": "fake-embed", "data": data,
                "usage": {"prompt_tokens": 42, "total_tokens": 42}}))
    .into_response()
}

async fn coach_with(behaviour: Behaviour) -> (SemanticRelevance, Fake) {
    let fake = Fake { behaviour, requests: Arc::default() };
    let router =
        axum::Router::new().route("/v1/embeddings", axum::routing::post(embeddings)).with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let settings = EmbeddingsSettings {
        api_key: Some(secrecy::SecretString::from("sk-test")),
        base_url: Some(url::Url::parse(&format!("http://{address}/v1")).unwrap()),
        model: "fake-embed".into(),
        timeout: Duration::from_secs(2),
        unrelated: 0.2,
        same_topic: 0.6,
    };
    let scale = SimilarityScale { unrelated: settings.unrelated, same_topic: settings.same_topic };
    let coach =
        SemanticRelevance::new(Arc::new(OfflineCoach), Arc::new(OpenAiEmbedder::new(&settings)), scale);
    (coach, fake)
}

/// A skill the taxonomy has no words for, asked about in words the answer does not repeat.
const ASKED: Asked<'static> = Asked {
    question: "What was asked: how did you keep a busy event pipeline in order?",
    skill: "Event backbone ownership",
    job_description: "Platform engineer\n- Owns the event backbone end to end",
};
const ANSWER: &str = "Orders arrived out of order at peak. I keyed each partition by customer so ordering \
    held per customer, gave each service its own consumer group and alerted on lag. Lost orders fell from \
    300 a day to none in six months.";

#[tokio::test]
async fn an_answer_is_compared_by_meaning_with_the_skill_the_question_and_the_vacancy() {
    let (coach, fake) = coach_with(Behaviour::Embed).await;

    let rules = assess(ASKED, ANSWER);
    let verdict = coach.evaluate(ASKED, ANSWER).await.expect("scored");

    assert!(rules.role_relevance < 100, "{}", rules.role_relevance);
    assert_eq!(verdict.role_relevance, 100);
    assert_eq!(verdict.correctness, rules.correctness);
    let requests = fake.requests.lock().unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0]["model"], "fake-embed");
    let input = requests[0]["input"].as_array().expect("an array of texts");
    assert_eq!(input.len(), 2);
    assert_eq!(input[0], ANSWER);
    let asked = input[1].as_str().unwrap();
    assert!(asked.starts_with("Event backbone ownership: What was asked"), "{asked}");
    assert!(asked.contains("Owns the event backbone end to end"), "{asked}");
}

#[tokio::test]
async fn an_off_topic_answer_keeps_the_rules_relevance() {
    let (coach, _fake) = coach_with(Behaviour::Embed).await;
    let off_topic = "Most weekends I walk in the hills with friends and then we cook a long dinner together.";

    let verdict = coach.evaluate(ASKED, off_topic).await.expect("scored");

    assert_eq!(verdict, assess(ASKED, off_topic));
    assert!(verdict.role_relevance <= 25, "{}", verdict.role_relevance);
}

#[tokio::test]
async fn an_endpoint_that_refuses_or_hangs_leaves_the_rules_verdict() {
    for behaviour in [Behaviour::Fail, Behaviour::Hang] {
        let (coach, fake) = coach_with(behaviour).await;

        let verdict = coach.evaluate(ASKED, ANSWER).await.expect("still scored");

        assert_eq!(verdict, assess(ASKED, ANSWER));
        assert!(!fake.requests.lock().unwrap().is_empty(), "the endpoint was asked");
    }
}

#[tokio::test]
async fn junk_is_never_sent_to_the_endpoint() {
    let (coach, fake) = coach_with(Behaviour::Embed).await;

    let verdict =
        coach.evaluate(ASKED, "partition partition partition partition partition").await.expect("scored");

    assert_eq!((verdict.correctness, verdict.role_relevance), (0, 0));
    assert!(fake.requests.lock().unwrap().is_empty());
}
