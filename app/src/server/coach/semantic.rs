//! Relevance by meaning, for the offline coach: an optional layer over any OpenAI-compatible
//! embeddings endpoint (`EMBEDDINGS_BASE_URL` and/or `EMBEDDINGS_API_KEY`), through the same
//! client as the chat coach, never a model fetched at run time.
//!
//! The rubric judges relevance by words: the skill's name, its concept words, the question's and
//! the vacancy's. Where they run out (a skill the taxonomy has no words for, an answer in words
//! of its own), the answer's embedding is compared with one of what was asked: the skill, the
//! question and the vacancy's requirement lines about the skill. Meaning can only raise the
//! rules' relevance, never lower it, and an answer the rules found unusable (empty, junk, the
//! question copied) is not sent at all. An endpoint that fails or is slow costs nothing but the
//! layer: the rules' verdict stands, and the failure is logged.

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::types::embeddings::{CreateEmbeddingRequest, EmbeddingInput};

use super::engine::{CoachEngine, CoachError, ProfileAnalysis};
use super::questions::{QuestionRequest, QuestionSpec};
use super::rubric::{self, Asked, Assessment};
use crate::server::config::EmbeddingsSettings;

/// The longest part of an answer that is embedded: embedding models read a few thousand tokens
/// at most, and the start of an answer says what it is about.
const MAX_EMBEDDED_CHARS: usize = 4_000;

/// The most of a model's name the coach's label shows.
const MAX_MODEL_CHARS: usize = 60;

/// Turns texts into vectors: the embeddings endpoint, or a fake in tests.
#[async_trait::async_trait]
pub trait Embedder: Send + Sync {
    /// The model's name, as the coach's label shows it.
    fn model(&self) -> &str;

    /// One vector per text, in order.
    async fn embed(&self, texts: Vec<String>) -> Result<Vec<Vec<f32>>, CoachError>;
}

/// An OpenAI-compatible `/v1/embeddings` endpoint.
pub struct OpenAiEmbedder {
    client: Client<OpenAIConfig>,
    model: String,
    timeout: Duration,
}

impl OpenAiEmbedder {
    pub fn new(settings: &EmbeddingsSettings) -> Self {
        let client = crate::server::openai::client(settings.api_key.as_ref(), settings.base_url.as_ref());
        Self { client, model: settings.model.clone(), timeout: settings.timeout }
    }
}

#[async_trait::async_trait]
impl Embedder for OpenAiEmbedder {
    fn model(&self) -> &str {
        &self.model
    }

    async fn embed(&self, texts: Vec<String>) -> Result<Vec<Vec<f32>>, CoachError> {
        let wanted = texts.len();
        let request = CreateEmbeddingRequest {
            model: self.model.clone(),
            input: EmbeddingInput::StringArray(texts),
            encoding_format: None,
            user: None,
            dimensions: None,
        };
        let started = Instant::now();
        let reply = tokio::time::timeout(self.timeout, self.client.embeddings().create(request))
            .await
            .map_err(|_| {
                CoachError::Unavailable(format!("no embeddings within {} seconds", self.timeout.as_secs()))
            })?
            .map_err(|error| CoachError::Unavailable(error.to_string()))?;
        tracing::info!(
            agent.task = "embed",
            agent.model = %self.model,
            agent.duration_ms = started.elapsed().as_millis() as u64,
            agent.prompt_tokens = reply.usage.prompt_tokens,
            "embeddings computed"
        );
        let mut data = reply.data;
        data.sort_by_key(|embedding| embedding.index);
        if data.len() != wanted {
            return Err(CoachError::Unavailable(format!("{} embeddings for {wanted} texts", data.len())));
        }
        Ok(data.into_iter().map(|embedding| embedding.embedding).collect())
    }
}

/// How cosine similarity maps to relevance: at or below `unrelated` 0%, at or above
/// `same_topic` 100%, in a straight line between.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarityScale {
    pub unrelated: f32,
    pub same_topic: f32,
}

impl SimilarityScale {
    /// Relevance in percent for a cosine similarity.
    pub fn relevance(self, similarity: f32) -> u8 {
        let share = (similarity - self.unrelated) / (self.same_topic - self.unrelated);
        (share.clamp(0.0, 1.0) * 100.0).round() as u8
    }
}

/// The cosine similarity of two vectors; 0 when either is all zeros or they differ in length.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() {
        return 0.0;
    }
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norms = a.iter().map(|x| x * x).sum::<f32>().sqrt() * b.iter().map(|y| y * y).sum::<f32>().sqrt();
    if norms == 0.0 || !norms.is_finite() { 0.0 } else { (dot / norms).clamp(-1.0, 1.0) }
}

/// What an answer is compared with: the skill, the question, and the vacancy's lines about the
/// skill.
fn what_was_asked(asked: &Asked<'_>) -> String {
    let lines = rubric::requirement_lines(asked.job_description, asked.skill);
    format!("{}: {}\n{}", asked.skill, asked.question, lines.join("\n"))
}

/// The rules coach with relevance also judged by meaning.
pub struct SemanticRelevance {
    rules: Arc<dyn CoachEngine>,
    embedder: Arc<dyn Embedder>,
    scale: SimilarityScale,
}

impl SemanticRelevance {
    pub fn new(rules: Arc<dyn CoachEngine>, embedder: Arc<dyn Embedder>, scale: SimilarityScale) -> Self {
        Self { rules, embedder, scale }
    }

    /// Relevance by meaning, or why it could not be had.
    async fn relevance_by_meaning(&self, asked: &Asked<'_>, answer: &str) -> Result<u8, CoachError> {
        let answer: String = answer.chars().take(MAX_EMBEDDED_CHARS).collect();
        let vectors = self.embedder.embed(vec![answer, what_was_asked(asked)]).await?;
        let [answer, asked] = vectors.as_slice() else {
            return Err(CoachError::Unavailable("the endpoint returned no pair of vectors".into()));
        };
        Ok(self.scale.relevance(cosine(answer, asked)))
    }
}

#[async_trait::async_trait]
impl CoachEngine for SemanticRelevance {
    fn label(&self) -> String {
        // Stored with every suggestion (120 characters at most): a model name is cut short.
        let model: String = self.embedder.model().chars().take(MAX_MODEL_CHARS).collect();
        format!("{}, relevance by meaning ({model})", self.rules.label())
    }

    fn prompt_version(&self) -> &'static str {
        self.rules.prompt_version()
    }

    async fn extract_profile(&self, cv: &str, jd: &str) -> Result<ProfileAnalysis, CoachError> {
        self.rules.extract_profile(cv, jd).await
    }

    async fn next_question(&self, request: &QuestionRequest<'_>) -> Result<QuestionSpec, CoachError> {
        self.rules.next_question(request).await
    }

    async fn evaluate(&self, asked: Asked<'_>, answer: &str) -> Result<Assessment, CoachError> {
        let mut verdict = self.rules.evaluate(asked, answer).await?;
        // An answer the rules could not score (empty, junk, the question copied back) is not one
        // that meaning could rescue.
        if verdict.correctness == 0 && verdict.role_relevance == 0 {
            return Ok(verdict);
        }
        match self.relevance_by_meaning(&asked, answer).await {
            Ok(by_meaning) => verdict.role_relevance = verdict.role_relevance.max(by_meaning),
            Err(error) => {
                tracing::warn!(%error, "relevance by meaning unavailable: the rules' relevance stands")
            }
        }
        Ok(verdict)
    }

    fn warm_up(&self) {
        self.rules.warm_up();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::coach::engine::OfflineCoach;

    const SCALE: SimilarityScale = SimilarityScale { unrelated: 0.2, same_topic: 0.6 };

    #[test]
    fn similarity_maps_to_relevance_in_a_straight_line_between_the_two_thresholds() {
        assert_eq!(SCALE.relevance(-0.5), 0);
        assert_eq!(SCALE.relevance(0.2), 0);
        assert_eq!(SCALE.relevance(0.4), 50);
        assert_eq!(SCALE.relevance(0.6), 100);
        assert_eq!(SCALE.relevance(0.95), 100);
    }

    #[test]
    fn cosine_is_one_for_the_same_direction_and_zero_for_nothing_to_compare() {
        assert!((cosine(&[1.0, 2.0], &[2.0, 4.0]) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 1.0]), 0.0);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 1.0]), 0.0);
        assert_eq!(cosine(&[1.0], &[1.0, 1.0]), 0.0);
        assert_eq!(cosine(&[f32::NAN, 1.0], &[1.0, 1.0]), 0.0);
    }

    /// Answers with "partition" in them point the same way as what was asked; others at right
    /// angles; the endpoint may also fail.
    struct Scripted {
        fails: bool,
    }

    #[async_trait::async_trait]
    impl Embedder for Scripted {
        fn model(&self) -> &str {
            "scripted"
        }

        async fn embed(&self, texts: Vec<String>) -> Result<Vec<Vec<f32>>, CoachError> {
            if self.fails {
                return Err(CoachError::Unavailable("down".into()));
            }
            Ok(texts
                .iter()
                .map(|text| {
                    let on_topic = text.contains("partition") || text.starts_with("Event streaming:");
                    if on_topic { vec![1.0, 0.0] } else { vec![0.0, 1.0] }
                })
                .collect())
        }
    }

    fn coach(fails: bool) -> SemanticRelevance {
        SemanticRelevance::new(Arc::new(OfflineCoach), Arc::new(Scripted { fails }), SCALE)
    }

    const ASKED: Asked<'static> = Asked {
        question: "How did you keep a busy event pipeline in order?",
        skill: "Event streaming",
        job_description: "Platform engineer",
    };
    const ON_TOPIC: &str = "Orders arrived out of order at peak. I keyed each partition by customer so \
        ordering held per customer, moved poison messages aside after three retries and alerted on lag. \
        Lost orders fell from 300 a day to none in six months.";

    #[tokio::test]
    async fn meaning_raises_the_relevance_the_rules_gave_and_never_lowers_it() {
        let rules = rubric::assess(ASKED, ON_TOPIC);
        let with_meaning = coach(false).evaluate(ASKED, ON_TOPIC).await.expect("scored");
        assert!(rules.role_relevance < 100, "{}", rules.role_relevance);
        assert_eq!(with_meaning.role_relevance, 100);
        assert_eq!(with_meaning.correctness, rules.correctness, "only relevance changes");

        let off_topic = "I spend my weekends hiking in the hills and cooking long dinners with friends.";
        let rules = rubric::assess(ASKED, off_topic);
        let with_meaning = coach(false).evaluate(ASKED, off_topic).await.expect("scored");
        assert_eq!(with_meaning.role_relevance, rules.role_relevance);
    }

    #[tokio::test]
    async fn a_failing_endpoint_leaves_the_rules_verdict_and_junk_is_not_sent() {
        let rules = rubric::assess(ASKED, ON_TOPIC);
        let verdict = coach(true).evaluate(ASKED, ON_TOPIC).await.expect("still scored");
        assert_eq!(verdict, rules);

        let junk =
            coach(false).evaluate(ASKED, "partition partition partition partition").await.expect("scored");
        assert_eq!((junk.correctness, junk.role_relevance), (0, 0));
    }

    #[test]
    fn the_label_names_both_the_rules_and_the_embeddings_model() {
        assert_eq!(coach(false).label(), "Offline coach (rules), relevance by meaning (scripted)");
    }
}
