//! The coach's evaluation harness: the labelled answers in `eval/answers.txt` (written apart
//! from the rules, split once into a development and a held-out half by block parity), run
//! through a coach, with the figures `make coach-eval` (`server coach-eval`) prints for both
//! halves: the offline rules by default, the configured language model with `COACH=llm`.
//!
//! The held-out figures are the ones that count; rules are tuned on the development half only.

use std::sync::Arc;

use super::engine::CoachEngine;
use super::fallacies::FallacyKind;
use super::rubric::{Asked, Assessment};

/// The vacancy each role's questions are asked for: requirement lines as a job ad writes them.
fn job_description(role: &str) -> &'static str {
    match role {
        "backend" => {
            "Senior Backend Engineer\n- Design and run event-driven services (Kafka) at scale\n\
             - PostgreSQL schema design and query tuning\n- Kubernetes in production, on-call rotation\n\
             - REST API design for partners\n- Caching and performance work\n- Incident management and SLOs"
        }
        "data" => {
            "Senior Data Engineer / Analyst\n- SQL and data modelling for analytics\n\
             - Build reliable data pipelines (Airflow, dbt)\n- Machine learning models in production\n\
             - A/B testing and statistics\n- Dashboards that leaders use (Tableau, Looker)"
        }
        _ => {
            "Engineering Manager / Product Lead\n- Stakeholder management across sales, legal and engineering\n\
             - Mentoring and growing people\n- Prioritisation of a roadmap\n- Hiring and building teams\n\
             - Conflict resolution and feedback"
        }
    }
}

/// What an answer is, as a person labelled it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    Junk,
    OffTopic,
    Weak,
    Strong,
}

/// One labelled answer.
#[derive(Debug, Clone)]
pub struct Item {
    pub block: usize,
    pub role: &'static str,
    pub skill: &'static str,
    pub question: &'static str,
    pub label: Label,
    pub fallacy: Option<FallacyKind>,
    pub answer: &'static str,
}

impl Item {
    pub fn held_out(&self) -> bool {
        self.block % 2 == 1
    }

    pub fn asked(&self) -> Asked<'static> {
        Asked { question: self.question, skill: self.skill, job_description: job_description(self.role) }
    }
}

fn fallacy_key(key: &str) -> Option<FallacyKind> {
    (key != "-").then(|| FallacyKind::from_key(key).unwrap_or_else(|| panic!("unknown fallacy key {key}")))
}

/// Every labelled answer in file order.
pub fn items() -> Vec<Item> {
    let mut items = Vec::new();
    let mut block: Option<(usize, &str, &str, &str)> = None;
    let mut blocks = 0;
    for line in include_str!("eval/answers.txt").lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.splitn(4, " | ").collect();
        if fields[0] == "Q" {
            assert_eq!(fields.len(), 4, "bad block line {line}");
            block = Some((blocks, fields[1], fields[2], fields[3]));
            blocks += 1;
            continue;
        }
        let fields: Vec<&str> = line.splitn(3, " | ").collect();
        assert_eq!(fields.len(), 3, "bad answer line {line}");
        let (index, role, skill, question) = block.expect("an answer follows a Q line");
        let label = match fields[0] {
            "strong" => Label::Strong,
            "weak" => Label::Weak,
            "off-topic" => Label::OffTopic,
            "junk" => Label::Junk,
            other => panic!("unknown label {other}"),
        };
        items.push(Item {
            block: index,
            role,
            skill,
            question,
            label,
            fallacy: fallacy_key(fields[1]),
            answer: fields[2],
        });
    }
    items
}

/// The targets a single verdict is held to (the figures count how many meet them).
const STRONG_CORRECTNESS: u8 = 60;
const STRONG_RELEVANCE: u8 = 50;
const OFF_TOPIC_RELEVANCE: u8 = 25;
const JUNK_SCORE: u8 = 10;

/// The figures for one half.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub answers: usize,
    pub strong_over_weak: (usize, usize),
    pub mean: [(f64, f64); 4],
    pub strong_correct_60: (usize, usize),
    pub strong_relevant_50: (usize, usize),
    pub off_topic_relevance_25: (usize, usize),
    pub junk_10: (usize, usize),
    pub fallacy_recall: (usize, usize),
    pub fallacy_precision: (usize, usize),
    pub strong_without_fallacy: (usize, usize),
    pub spearman: f64,
}

fn share((hit, of): (usize, usize)) -> String {
    if of == 0 { "n/a".to_owned() } else { format!("{:5.1}% ({hit}/{of})", 100.0 * hit as f64 / of as f64) }
}

/// Average ranks (ties share the mean rank), for Spearman's correlation.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end) as f64 / 2.0;
        for &i in &order[start..=end] {
            ranks[i] = rank;
        }
        start = end + 1;
    }
    ranks
}

fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

/// The figures for `scored`: labelled answers with the coach's verdict on each.
pub fn figures(scored: &[(&Item, Assessment)]) -> Figures {
    let items: Vec<&Item> = scored.iter().map(|(item, _)| *item).collect();
    let verdicts: Vec<&Assessment> = scored.iter().map(|(_, verdict)| verdict).collect();
    let mut f = Figures { answers: items.len(), ..Figures::default() };
    let mut sums = [(0.0, 0.0, 0usize); 4];
    for (item, verdict) in items.iter().zip(verdicts.iter().copied()) {
        let (c, r) = (verdict.correctness, verdict.role_relevance);
        let slot = &mut sums[item.label as usize];
        *slot = (slot.0 + f64::from(c), slot.1 + f64::from(r), slot.2 + 1);
        let count = |pair: &mut (usize, usize), hit: bool| {
            pair.0 += usize::from(hit);
            pair.1 += 1;
        };
        match item.label {
            Label::Strong => {
                count(&mut f.strong_correct_60, c >= STRONG_CORRECTNESS);
                count(&mut f.strong_relevant_50, r >= STRONG_RELEVANCE);
                count(&mut f.strong_without_fallacy, verdict.fallacy.is_none());
            }
            Label::OffTopic => count(&mut f.off_topic_relevance_25, r <= OFF_TOPIC_RELEVANCE),
            Label::Junk => count(&mut f.junk_10, c <= JUNK_SCORE && r <= JUNK_SCORE),
            Label::Weak => {}
        }
        if let Some(expected) = item.fallacy {
            count(&mut f.fallacy_recall, verdict.fallacy.as_ref().is_some_and(|v| v.kind == expected));
        }
        if let Some(found) = &verdict.fallacy {
            count(&mut f.fallacy_precision, item.fallacy == Some(found.kind));
        }
        if item.label == Label::Strong {
            for (other, other_verdict) in items.iter().zip(verdicts.iter().copied()) {
                if other.block == item.block && other.label == Label::Weak {
                    count(&mut f.strong_over_weak, c > other_verdict.correctness);
                }
            }
        }
    }
    for (mean, (c, r, n)) in f.mean.iter_mut().zip(sums) {
        let n = n.max(1) as f64;
        *mean = (c / n, r / n);
    }
    let labels: Vec<f64> = items.iter().map(|i| i.label as usize as f64).collect();
    let scores: Vec<f64> = verdicts.iter().map(|v| f64::from(v.correctness)).collect();
    f.spearman = spearman(&labels, &scores);
    f
}

impl std::fmt::Display for Figures {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(out, "  answers                          {}", self.answers)?;
        writeln!(out, "  strong > weak (same question)    {}   target >= 95%", share(self.strong_over_weak))?;
        for (name, (c, r)) in ["junk", "off-topic", "weak", "strong"].iter().zip(self.mean) {
            writeln!(out, "  mean {name:<10} correctness {c:5.1}  relevance {r:5.1}")?;
        }
        writeln!(out, "  strong correctness >= 60         {}", share(self.strong_correct_60))?;
        writeln!(out, "  strong relevance >= 50           {}", share(self.strong_relevant_50))?;
        writeln!(out, "  off-topic relevance <= 25        {}", share(self.off_topic_relevance_25))?;
        writeln!(out, "  junk <= 10 (both scores)         {}", share(self.junk_10))?;
        writeln!(out, "  fallacy recall                   {}   target >= 80%", share(self.fallacy_recall))?;
        writeln!(
            out,
            "  fallacy precision                {}   target >= 90%",
            share(self.fallacy_precision)
        )?;
        writeln!(
            out,
            "  strong answers with no fallacy   {}   target >= 95%",
            share(self.strong_without_fallacy)
        )?;
        write!(out, "  Spearman(label, correctness)     {:.3}", self.spearman)
    }
}

/// How many answers are with the coach at once (a language model is slow, and rate-limited).
const CONCURRENT: usize = 4;

/// What one run of the harness measured.
#[derive(Debug, Clone)]
pub struct Report {
    /// Which coach scored ("Offline coach (rules)" or the model's label).
    pub coach: String,
    pub development: Figures,
    pub held_out: Figures,
    /// Answers the coach could not score (a model's errors); left out of the figures.
    pub failed: usize,
    /// What the coach got wrong on the development half (`coach-eval --misses`). The held-out
    /// half is never listed, so nobody tunes to it by accident.
    pub development_misses: Vec<String>,
}

/// What is wrong about one verdict, in words, or `None` when it meets every target.
fn miss(item: &Item, verdict: &Assessment) -> Option<String> {
    let (c, r) = (verdict.correctness, verdict.role_relevance);
    let mut wrong = Vec::new();
    match item.label {
        Label::Strong if c < STRONG_CORRECTNESS => wrong.push(format!("strong scored {c} correctness")),
        Label::OffTopic if r > OFF_TOPIC_RELEVANCE => wrong.push(format!("off-topic scored {r} relevance")),
        Label::Junk if c > JUNK_SCORE || r > JUNK_SCORE => wrong.push(format!("junk scored {c}/{r}")),
        _ => {}
    }
    if item.label == Label::Strong && r < STRONG_RELEVANCE {
        wrong.push(format!("strong scored {r} relevance"));
    }
    let found = verdict.fallacy.as_ref().map(|finding| finding.kind);
    if found != item.fallacy {
        wrong.push(format!("fallacy {found:?}, labelled {:?}", item.fallacy));
    }
    (!wrong.is_empty()).then(|| {
        format!(
            "  block {} {} ({:?}): {}
    {}",
            item.block,
            item.skill,
            item.label,
            wrong.join("; "),
            item.answer
        )
    })
}

/// Runs every labelled answer through `coach` and computes the figures of both halves.
pub async fn run(coach: Arc<dyn CoachEngine>) -> Report {
    let items = items();
    let slots = Arc::new(tokio::sync::Semaphore::new(CONCURRENT));
    let mut running = tokio::task::JoinSet::new();
    for (index, item) in items.iter().cloned().enumerate() {
        let (coach, slots) = (Arc::clone(&coach), Arc::clone(&slots));
        running.spawn(async move {
            let _slot = slots.acquire_owned().await;
            (index, coach.evaluate(item.asked(), item.answer).await)
        });
    }
    let mut verdicts: Vec<Option<Assessment>> = vec![None; items.len()];
    let mut failed = 0;
    while let Some(done) = running.join_next().await {
        match done {
            Ok((index, Ok(verdict))) => verdicts[index] = Some(verdict),
            Ok((_, Err(error))) => {
                failed += 1;
                tracing::warn!(%error, "coach-eval: the coach could not score an answer");
            }
            Err(error) => {
                failed += 1;
                tracing::warn!(%error, "coach-eval: an evaluation panicked");
            }
        }
    }
    let half = |held_out: bool| {
        let scored: Vec<(&Item, Assessment)> = items
            .iter()
            .zip(&verdicts)
            .filter(|(item, _)| item.held_out() == held_out)
            .filter_map(|(item, verdict)| Some((item, verdict.clone()?)))
            .collect();
        figures(&scored)
    };
    let development_misses = items
        .iter()
        .zip(&verdicts)
        .filter(|(item, _)| !item.held_out())
        .filter_map(|(item, verdict)| miss(item, verdict.as_ref()?))
        .collect();
    Report {
        coach: coach.label(),
        development: half(false),
        held_out: half(true),
        failed,
        development_misses,
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(out, "coach-eval {}, development half:\n{}", self.coach, self.development)?;
        writeln!(
            out,
            "coach-eval {}, HELD-OUT half (the figures that count):\n{}",
            self.coach, self.held_out
        )?;
        write!(out, "  answers the coach could not score: {}", self.failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::coach::engine::OfflineCoach;
    use crate::server::coach::rubric::assess;

    #[test]
    fn the_set_is_large_varied_and_split_once() {
        let items = items();
        let skills: std::collections::HashSet<&str> = items.iter().map(|i| i.skill).collect();
        let roles: std::collections::HashSet<&str> = items.iter().map(|i| i.role).collect();
        assert!(items.len() >= 150, "{} answers", items.len());
        assert!(skills.len() >= 15 && roles.len() == 3);
        for entry in crate::server::coach::fallacies::CATALOG {
            let of_kind: Vec<&Item> = items.iter().filter(|i| i.fallacy == Some(entry.kind)).collect();
            assert!(of_kind.len() >= 5, "{}: {} paraphrases", entry.name, of_kind.len());
            assert!(
                of_kind.iter().any(|i| i.held_out()) && of_kind.iter().any(|i| !i.held_out()),
                "{}",
                entry.name
            );
        }
        let held_out = items.iter().filter(|i| i.held_out()).count();
        assert!(held_out * 3 >= items.len() && held_out * 3 <= items.len() * 2);
    }

    /// The offline coach's held-out figures do not fall below what they are today (the targets
    /// they already meet, and floors for the two they do not yet).
    #[tokio::test]
    async fn the_offline_coach_keeps_its_held_out_figures() {
        let report = run(Arc::new(OfflineCoach)).await;
        println!("{report}");
        let held_out = &report.held_out;
        let rate = |(hit, of): (usize, usize)| hit as f64 / of.max(1) as f64;

        assert_eq!(report.failed, 0);
        assert_eq!(held_out.answers + report.development.answers, items().len());
        assert!(rate(held_out.strong_over_weak) >= 0.95, "{held_out}");
        // Fallacies in wording no rule was written for are the weak point: the sixth, eighth and
        // ninth rules-blind batches brought recall down; the floor is the target (81.8% measured;
        // README, "How good it is").
        assert!(rate(held_out.fallacy_recall) >= 0.80, "{held_out}");
        // The target; 91.3% measured since a cue the classifier leans against gives way to the
        // fallacy it is sure of (89.3% before).
        assert!(rate(held_out.fallacy_precision) >= 0.90, "{held_out}");
        assert!(rate(held_out.off_topic_relevance_25) >= 0.95, "{held_out}");
        assert!(rate(held_out.junk_10) >= 0.95, "{held_out}");
        // The target is all of them; the floors are the measured figures (89.5% and 93.9%; the
        // tenth rules-blind batch, 24 of 30 as written, took relevance from 90.8%). Skills the
        // taxonomy has no words for are the weak point (README, "How good it is").
        assert!(rate(held_out.strong_relevant_50) >= 0.89, "{held_out}");
        assert!(rate(held_out.strong_correct_60) >= 0.93, "{held_out}");
        // Below the 95% target: a strong answer that mentions a superior or a result after a
        // change, and then checks it, is still flagged now and then (README, "How good it is").
        // The floor is under the measured figure (94.3%).
        assert!(rate(held_out.strong_without_fallacy) >= 0.93, "{held_out}");
        assert!(held_out.spearman >= 0.75, "{held_out}");
    }

    #[test]
    fn spearman_is_one_for_the_same_order_and_minus_one_for_the_reverse() {
        let x = [1.0, 2.0, 2.0, 3.0];
        assert!((spearman(&x, &[10.0, 20.0, 20.0, 30.0]) - 1.0).abs() < 1e-9);
        assert!((spearman(&x, &[30.0, 20.0, 20.0, 10.0]) + 1.0).abs() < 1e-9);
    }

    #[test]
    fn advice_to_name_the_skill_or_state_the_situation_is_true_of_every_answer_it_is_given_to() {
        for item in items() {
            let verdict = assess(item.asked(), item.answer);
            let lower = item.answer.to_lowercase();
            let told_to_name = verdict.improvements.iter().any(|i| i.starts_with("Name "));
            let told_situation =
                verdict.improvements.iter().any(|i| i.starts_with("Start with the situation"));

            if told_to_name {
                assert!(!lower.contains(&item.skill.to_lowercase()), "{}", item.answer);
                assert_eq!(
                    crate::server::coach::taxonomy::concept_hits(item.skill, &lower),
                    0,
                    "{}",
                    item.answer
                );
            }
            if told_situation {
                assert!(!lower.contains("when i joined") && !lower.contains("at my last"), "{}", item.answer);
            }
            if verdict.improvements.iter().any(|i| i.starts_with("Add numbers")) {
                let spelled =
                    ["two", "three", "four", "five", "six", "ten", "twenty", "forty", "half", "third"];
                assert!(!item.answer.contains(|c: char| c.is_ascii_digit()), "{}", item.answer);
                let mut words = lower.split(|c: char| !c.is_alphanumeric());
                assert!(!words.any(|w| spelled.contains(&w)), "told to add numbers: {}", item.answer);
            }
        }
    }

    #[test]
    fn a_streaming_answer_about_partitions_and_consumers_is_about_kafka() {
        let items = items();
        let kafka =
            items.iter().find(|i| i.skill == "Kafka" && i.label == Label::Strong).expect("a Kafka answer");

        let verdict = assess(kafka.asked(), kafka.answer);

        assert!(!kafka.answer.contains("Kafka"), "the answer never names the skill");
        assert!(verdict.role_relevance >= 50 && verdict.correctness >= 60, "{verdict:?}");
        assert!(
            !verdict
                .improvements
                .iter()
                .any(|i| i.contains("Name Kafka") || i.contains("Start with the situation"))
        );
    }
}
