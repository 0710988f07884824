//! How the coach's feedback is kept in `suggestions` and read back for the screen.
//!
//! Lists are stored one item per line, so the table reads well in plain SQL (seed 5.2 asks one
//! join to show "what feedback and flags"); a red flag line quotes the answer first. The fallacy
//! keeps the catalog name and the combined explanation; the screen splits it back into the
//! catalog's definition and interview risk and the coach's own "why".

use sea_orm::Set;

use crate::model::delivery::{Delivery, FillerCount};
use crate::model::interview::{FallacyNote, Feedback};
use crate::server::coach::fallacies::CATALOG;
use crate::server::coach::rubric::{Assessment, RedFlag};
use crate::server::db::entities::{answers, suggestions};

/// One list item per line, each on a single line.
fn to_lines<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|item| item.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|item| !item.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn from_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

fn red_flag_line(flag: &RedFlag) -> String {
    let quote = flag.quote.trim();
    if quote.is_empty() {
        flag.issue.clone()
    } else {
        format!("\u{201c}{quote}\u{201d} \u{2014} {}", flag.issue)
    }
}

/// The row for a reply to `question_id`: a skip (`text` is `None`), a typed answer, or a spoken
/// one with its delivery. The id is the database's to assign.
pub fn answer_row(question_id: i64, text: Option<String>, delivery: Option<&Delivery>) -> answers::Model {
    let figure = |n: u32| Some(i32::try_from(n).unwrap_or(i32::MAX));
    answers::Model {
        answer_id: 0,
        question_id,
        is_skipped: text.is_none(),
        answer_text: text,
        created_at: crate::server::db::now(),
        input_mode: if delivery.is_some() { answers::INPUT_SPOKEN } else { answers::INPUT_TYPED }.to_owned(),
        speaking_seconds: delivery.and_then(|d| figure(d.seconds)),
        words_per_minute: delivery.and_then(|d| figure(d.words_per_minute)),
        filler_count: delivery.and_then(|d| figure(d.filler_count())),
        filler_words: delivery.map(|d| filler_words(&d.fillers)),
        pause_count: delivery.and_then(|d| d.pauses.and_then(figure)),
    }
}

/// `word=count` pairs, cut to the column's 255 characters at a whole pair.
fn filler_words(fillers: &[FillerCount]) -> String {
    let mut out = String::new();
    for filler in fillers {
        let pair = format!("{}={}", filler.word.replace([',', '='], " "), filler.count);
        if out.len() + pair.len() + 1 > 255 {
            break;
        }
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(&pair);
    }
    out
}

/// The delivery a stored spoken answer shows; `None` for a typed answer or a skip.
pub fn delivery(row: &answers::Model) -> Option<Delivery> {
    if row.input_mode != answers::INPUT_SPOKEN {
        return None;
    }
    let figure = |n: Option<i32>| n.map_or(0, |n| n.max(0) as u32);
    let fillers = row
        .filler_words
        .as_deref()
        .unwrap_or("")
        .split(',')
        .filter_map(|pair| {
            let (word, count) = pair.rsplit_once('=')?;
            Some(FillerCount { word: word.to_owned(), count: count.parse().ok()? })
        })
        .collect();
    Some(Delivery {
        seconds: figure(row.speaking_seconds),
        words_per_minute: figure(row.words_per_minute),
        fillers,
        pauses: row.pause_count.map(|n| n.max(0) as u32),
    })
}

/// The row for an assessment of `question_id`, naming the coach and its prompt version.
pub fn suggestion_row(
    question_id: i64,
    assessment: &Assessment,
    coach: String,
    prompt_version: &str,
) -> suggestions::ActiveModel {
    let flags: Vec<String> = assessment.red_flags.iter().map(red_flag_line).collect();
    suggestions::ActiveModel {
        question_id: Set(question_id),
        correctness: Set(i32::from(assessment.correctness.min(100))),
        role_relevance: Set(i32::from(assessment.role_relevance.min(100))),
        red_flags_count: Set(flags.len() as i32),
        red_flags_text: Set(to_lines(flags.iter().map(String::as_str))),
        improvements_text: Set(to_lines(assessment.improvements.iter().map(String::as_str))),
        suggested_rewrite: Set(assessment.suggested_rewrite.clone()),
        followup_question: Set(assessment.followup_question.clone()),
        fallacy_detected: Set(assessment.fallacy.is_some()),
        fallacy_name: Set(assessment.fallacy.as_ref().map(|f| f.kind.entry().name.to_owned())),
        fallacy_explanation: Set(assessment.fallacy.as_ref().map(|f| f.explanation())),
        coach_hint: Set(assessment.coach_hint.clone()),
        coach_model: Set(coach),
        prompt_version: Set(prompt_version.to_owned()),
        created_at: Set(crate::server::db::now()),
        ..Default::default()
    }
}

/// The feedback a stored suggestion shows.
pub fn feedback(row: &suggestions::Model) -> Feedback {
    Feedback {
        correctness: row.correctness.clamp(0, 100) as u8,
        role_relevance: row.role_relevance.clamp(0, 100) as u8,
        improvements: from_lines(&row.improvements_text),
        red_flags: from_lines(&row.red_flags_text),
        suggested_rewrite: row.suggested_rewrite.clone(),
        followup_question: row.followup_question.clone().filter(|q| !q.trim().is_empty()),
        coach_hint: row.coach_hint.clone(),
        fallacy: row
            .fallacy_detected
            .then(|| {
                fallacy_note(row.fallacy_name.as_deref()?, row.fallacy_explanation.as_deref().unwrap_or(""))
            })
            .flatten(),
        coach: row.coach_model.clone(),
    }
}

/// Splits a stored explanation back into the catalog's parts and the coach's "why". A name the
/// catalog does not know (an older version) still shows, with the whole explanation as "why".
fn fallacy_note(name: &str, explanation: &str) -> Option<FallacyNote> {
    let explanation = explanation.trim();
    let Some(entry) = CATALOG.iter().find(|entry| entry.name == name) else {
        return Some(FallacyNote {
            name: name.to_owned(),
            definition: String::new(),
            why: explanation.to_owned(),
            interview_risk: String::new(),
        });
    };
    let why = explanation
        .strip_prefix(entry.definition)
        .and_then(|rest| rest.strip_suffix(entry.interview_risk))
        .unwrap_or(explanation)
        .trim();
    Some(FallacyNote {
        name: entry.name.to_owned(),
        definition: entry.definition.to_owned(),
        why: why.to_owned(),
        interview_risk: entry.interview_risk.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use sea_orm::ActiveValue;

    use super::*;
    use crate::server::coach::fallacies::{FallacyFinding, FallacyKind};

    #[test]
    fn a_spoken_answer_keeps_its_delivery_and_a_typed_one_has_none() {
        let spoken = Delivery {
            seconds: 95,
            words_per_minute: 142,
            fillers: vec![
                FillerCount { word: "um".into(), count: 3 },
                FillerCount { word: "you know".into(), count: 1 },
            ],
            pauses: Some(2),
        };
        let row = answer_row(7, Some("We sharded it.".into()), Some(&spoken));
        assert_eq!(
            (row.input_mode.as_str(), row.filler_count, row.pause_count),
            ("spoken", Some(4), Some(2))
        );
        assert_eq!(row.filler_words.as_deref(), Some("um=3,you know=1"));
        assert_eq!(delivery(&row), Some(spoken));

        let typed = answer_row(7, Some("We sharded it.".into()), None);
        assert_eq!(
            (typed.input_mode.as_str(), typed.speaking_seconds, delivery(&typed)),
            ("typed", None, None)
        );
        let skip = answer_row(7, None, None);
        assert!(skip.is_skipped && skip.answer_text.is_none());
    }

    #[test]
    fn the_stored_filler_list_fits_its_column() {
        let many: Vec<_> = (0..100).map(|i| FillerCount { word: format!("filler,{i}"), count: 1 }).collect();
        let stored = filler_words(&many);
        assert!(stored.len() <= 255, "{}", stored.len());
        assert!(stored.split(',').all(|pair| pair.ends_with("=1")), "{stored}");
    }

    fn assessment() -> Assessment {
        Assessment {
            correctness: 72,
            role_relevance: 64,
            improvements: vec!["Say what you measured.".into(), "  Name the\nresult. ".into()],
            red_flags: vec![
                RedFlag {
                    quote: "everyone does it".into(),
                    issue: "Bandwagon: popularity is not a reason.".into(),
                },
                RedFlag { quote: String::new(), issue: "The answer is very short.".into() },
            ],
            suggested_rewrite: "Situation: …".into(),
            followup_question: Some("What would you do differently?".into()),
            coach_hint: "Lead with the outcome.".into(),
            fallacy: Some(FallacyFinding {
                kind: FallacyKind::Bandwagon,
                why: "Your answer says \u{201c}everyone does it\u{201d}.".into(),
            }),
        }
    }

    /// The stored row as the database would hand it back.
    fn stored(row: suggestions::ActiveModel) -> suggestions::Model {
        let value = |v: ActiveValue<String>| v.unwrap();
        suggestions::Model {
            suggestion_id: 1,
            question_id: row.question_id.unwrap(),
            correctness: row.correctness.unwrap(),
            role_relevance: row.role_relevance.unwrap(),
            red_flags_count: row.red_flags_count.unwrap(),
            red_flags_text: value(row.red_flags_text),
            improvements_text: value(row.improvements_text),
            suggested_rewrite: value(row.suggested_rewrite),
            followup_question: row.followup_question.unwrap(),
            fallacy_detected: row.fallacy_detected.unwrap(),
            fallacy_name: row.fallacy_name.unwrap(),
            fallacy_explanation: row.fallacy_explanation.unwrap(),
            coach_hint: value(row.coach_hint),
            coach_model: value(row.coach_model),
            prompt_version: value(row.prompt_version),
            created_at: row.created_at.unwrap(),
        }
    }

    #[test]
    fn feedback_reads_back_what_was_stored() {
        let row = stored(suggestion_row(7, &assessment(), "Offline coach (rules)".into(), "rules-1"));

        let feedback = feedback(&row);

        assert_eq!((feedback.correctness, feedback.role_relevance), (72, 64));
        assert_eq!(feedback.improvements, ["Say what you measured.", "Name the result."]);
        assert_eq!(
            feedback.red_flags,
            [
                "\u{201c}everyone does it\u{201d} \u{2014} Bandwagon: popularity is not a reason.",
                "The answer is very short."
            ]
        );
        assert_eq!(row.red_flags_count, 2);
        assert_eq!(feedback.coach, "Offline coach (rules)");
        assert_eq!(row.prompt_version, "rules-1");
        let fallacy = feedback.fallacy.expect("the fallacy is kept");
        let entry = FallacyKind::Bandwagon.entry();
        assert_eq!(fallacy.name, entry.name);
        assert_eq!(fallacy.definition, entry.definition);
        assert_eq!(fallacy.interview_risk, entry.interview_risk);
        assert_eq!(fallacy.why, "Your answer says \u{201c}everyone does it\u{201d}.");
    }

    #[test]
    fn an_unknown_fallacy_name_still_shows_its_explanation() {
        let note = fallacy_note("Gambler's fallacy", "Past luck was taken as a trend.").unwrap();
        assert_eq!(note.name, "Gambler's fallacy");
        assert_eq!(note.why, "Past luck was taken as a trend.");
    }

    #[test]
    fn scores_outside_the_range_are_clamped_on_the_way_out() {
        let mut row = stored(suggestion_row(7, &assessment(), "m".into(), "v"));
        row.correctness = 140;
        row.role_relevance = -3;
        let feedback = feedback(&row);
        assert_eq!((feedback.correctness, feedback.role_relevance), (100, 0));
    }
}
