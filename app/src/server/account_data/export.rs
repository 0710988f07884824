//! `data.json` of the data export: every row of a candidate as plain nested objects (profile →
//! vacancies → interviews → questions → answer and feedback), built from their rows with no I/O.
//! Database ids are left out: the nesting says what belongs to what.

use std::collections::HashMap;

use chrono::{NaiveDateTime, SecondsFormat};
use serde::Serialize;

use crate::model::interview::FallacyNote;
use crate::server::analytics::metrics;
use crate::server::db::account_data::AccountRows;
use crate::server::db::entities::{answers, questions, suggestions};
use crate::server::interview::stored;

/// Names the layout of `data.json`, so a reader can tell future changes apart.
pub const FORMAT: &str = "interview-coach-export/1";

/// `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    pub format: &'static str,
    pub exported_at: String,
    pub profile: Profile,
    pub cv: Option<Cv>,
    pub vacancies: Vec<Vacancy>,
    /// The totals analytics are computed from; `None` before the first attempted question.
    pub statistics: Option<Statistics>,
    /// What the audit log recorded about the candidate.
    pub activity: Vec<Activity>,
    /// Costly actions counted for the hourly limits (kept for a day).
    pub usage: Vec<Usage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub email_verified: bool,
    /// The identity provider and the subject it knows the candidate by (none for development
    /// sign-in).
    pub sign_in_issuer: Option<String>,
    pub sign_in_subject: Option<String>,
    pub created_at: String,
    pub last_login_at: Option<String>,
    /// The coach's reading of the CV.
    pub coach_profile: Option<serde_json::Value>,
    /// The ten skills of the current vacancy, most important first.
    pub top_skills: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cv {
    pub file_name: Option<String>,
    pub uploaded_at: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Vacancy {
    /// The title the candidate gave it.
    pub position_title: String,
    pub jd_file_name: Option<String>,
    pub linked_at: String,
    pub last_used_at: String,
    pub jd_text: String,
    /// The ten skills the coach ranked for this vacancy.
    pub top_skills: Option<serde_json::Value>,
    pub interviews: Vec<Interview>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Interview {
    /// 1-based, in the order the candidate started them for this vacancy.
    pub number: usize,
    /// `active` or `archived` (by "Reset Interview").
    pub status: String,
    pub started_at: String,
    pub archived_at: Option<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// Place in the interview, 1-based.
    pub number: i32,
    pub created_at: String,
    /// `None` for a question prepared in advance and never shown.
    pub asked_at: Option<String>,
    pub skill: String,
    pub skills: serde_json::Value,
    pub category: String,
    pub difficulty: String,
    pub question: String,
    pub answer: Option<Answer>,
    pub feedback: Option<Feedback>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub skipped: bool,
    /// `None` when skipped.
    pub text: Option<String>,
    pub at: String,
    /// "typed" or "spoken".
    pub input_mode: String,
    /// How a spoken answer was delivered (the audio itself was never kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<crate::model::delivery::Delivery>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Feedback {
    pub correctness: i32,
    pub role_relevance: i32,
    pub red_flags_count: i32,
    pub red_flags: Vec<String>,
    pub improvements: Vec<String>,
    pub suggested_rewrite: String,
    pub followup_question: Option<String>,
    pub coach_hint: String,
    pub fallacy: Option<FallacyNote>,
    pub coach: String,
    pub prompt_version: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Statistics {
    pub attempted: i64,
    pub skipped: i64,
    pub evaluated: i64,
    pub average_correctness: Option<f64>,
    pub average_relevance: Option<f64>,
    pub red_flags: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    pub event: String,
    pub at: String,
    pub duration_ms: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Usage {
    pub action: String,
    pub at: String,
}

/// A time as the export writes it: RFC 3339 in UTC, to the second.
fn utc(time: NaiveDateTime) -> String {
    time.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Stored JSON, decoded; text that is not JSON is kept as a string rather than lost.
fn decoded(json: &str) -> serde_json::Value {
    serde_json::from_str(json).unwrap_or_else(|_| serde_json::Value::String(json.to_owned()))
}

/// Arranges the candidate's rows as `data.json` holds them.
pub fn export(rows: &AccountRows, exported_at: NaiveDateTime) -> Export {
    let user = &rows.user;
    let answers: HashMap<i64, &answers::Model> = rows.answers.iter().map(|a| (a.question_id, a)).collect();
    let suggestions: HashMap<i64, &suggestions::Model> =
        rows.suggestions.iter().map(|s| (s.question_id, s)).collect();
    let mut by_interview: HashMap<i64, Vec<&questions::Model>> = HashMap::new();
    for question in &rows.questions {
        by_interview.entry(question.interview_id).or_default().push(question);
    }
    let question = |row: &questions::Model| Question {
        number: row.question_order,
        created_at: utc(row.created_at),
        asked_at: row.asked_at.map(utc),
        skill: row.skill_tag.clone(),
        skills: decoded(&row.skill_tags_json),
        category: row.category.clone(),
        difficulty: row.difficulty.clone(),
        question: row.question_text.clone(),
        answer: answers.get(&row.question_id).map(|a| Answer {
            skipped: a.is_skipped,
            text: a.answer_text.clone(),
            at: utc(a.created_at),
            input_mode: a.input_mode.clone(),
            delivery: crate::server::interview::stored::delivery(a),
        }),
        feedback: suggestions.get(&row.question_id).map(|s| feedback(s)),
    };
    let vacancies = rows
        .vacancies
        .iter()
        .map(|linked| Vacancy {
            position_title: linked.link.position_title.clone(),
            jd_file_name: linked.link.jd_file_name.clone(),
            linked_at: utc(linked.link.created_at),
            last_used_at: utc(linked.link.last_used_at),
            jd_text: linked.vacancy.jd_text.clone(),
            top_skills: linked.link.top_skills_json.as_deref().map(decoded),
            interviews: rows
                .interviews
                .iter()
                .filter(|i| i.user_vacancy_id == linked.link.user_vacancy_id)
                .enumerate()
                .map(|(n, interview)| Interview {
                    number: n + 1,
                    status: interview.status.clone(),
                    started_at: utc(interview.started_at),
                    archived_at: interview.archived_at.map(utc),
                    questions: by_interview
                        .get(&interview.interview_id)
                        .map(|asked| asked.iter().map(|q| question(q)).collect())
                        .unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    Export {
        format: FORMAT,
        exported_at: utc(exported_at),
        profile: Profile {
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            email: user.email.clone(),
            email_verified: user.email_verified,
            sign_in_issuer: user.oidc_issuer.clone(),
            sign_in_subject: user.oidc_subject.clone(),
            created_at: utc(user.created_at),
            last_login_at: user.last_login_at.map(utc),
            coach_profile: user.profile_json.as_deref().map(decoded),
            top_skills: user.top_skills_json.as_deref().map(decoded),
        },
        cv: rows.cv_text.as_ref().map(|text| Cv {
            file_name: user.cv_file_name.clone(),
            uploaded_at: user.cv_uploaded_at.map(utc),
            text: text.clone(),
        }),
        vacancies,
        statistics: rows.stats.as_ref().map(|s| Statistics {
            attempted: s.attempted,
            skipped: s.skipped,
            evaluated: s.evaluated,
            average_correctness: metrics::average(s.correctness_sum, s.evaluated),
            average_relevance: metrics::average(s.relevance_sum, s.evaluated),
            red_flags: s.red_flags_sum,
        }),
        activity: rows
            .events
            .iter()
            .map(|e| Activity { event: e.name.clone(), at: utc(e.created_at), duration_ms: e.duration_ms })
            .collect(),
        usage: rows.usage.iter().map(|u| Usage { action: u.action.clone(), at: utc(u.at) }).collect(),
    }
}

fn feedback(row: &suggestions::Model) -> Feedback {
    let shown = stored::feedback(row);
    Feedback {
        correctness: row.correctness,
        role_relevance: row.role_relevance,
        red_flags_count: row.red_flags_count,
        red_flags: shown.red_flags,
        improvements: shown.improvements,
        suggested_rewrite: shown.suggested_rewrite,
        followup_question: shown.followup_question,
        coach_hint: shown.coach_hint,
        fallacy: shown.fallacy,
        coach: shown.coach,
        prompt_version: row.prompt_version.clone(),
        at: utc(row.created_at),
    }
}
