//! The data export's archive: `data.json` (see [`super::export`]), `answers.csv` (one row per
//! question the candidate was shown), the documents' extracted text as `.txt` files, and a
//! `README.txt` saying what each file is. Plain functions, no I/O.
//!
//! The CSV is for spreadsheets: a text cell that starts like a formula (`=`, `+`, `-`, `@`) gets a
//! leading `'` so opening the file never runs it; `data.json` keeps every text exactly.

use std::io::{Cursor, Write};

use chrono::{Datelike, Timelike};

use super::export::Export;

/// The archive's name when downloaded.
pub const FILE_NAME: &str = "interview-coach-data.zip";

/// The columns of `answers.csv`.
pub const CSV_HEADER: [&str; 14] = [
    "vacancy",
    "interview",
    "interview_status",
    "question_number",
    "date",
    "skill",
    "category",
    "question",
    "answer",
    "skipped",
    "correctness",
    "relevance",
    "red_flags",
    "fallacy",
];

/// `answers.csv`: one row per question the candidate was shown (or answered), in order.
pub fn answers_csv(export: &Export) -> String {
    let mut out = String::from("\u{feff}"); // so spreadsheets read the file as UTF-8
    push_row(&mut out, CSV_HEADER.iter().map(|h| Cell::Number(h.to_string())));
    for vacancy in &export.vacancies {
        for interview in &vacancy.interviews {
            for question in interview.questions.iter().filter(|q| q.asked_at.is_some() || q.answer.is_some())
            {
                let feedback = question.feedback.as_ref();
                let number = |n: Option<i32>| Cell::Number(n.map(|n| n.to_string()).unwrap_or_default());
                push_row(
                    &mut out,
                    [
                        Cell::Text(vacancy.position_title.clone()),
                        Cell::Number(interview.number.to_string()),
                        Cell::Text(interview.status.clone()),
                        Cell::Number(question.number.to_string()),
                        Cell::Number(
                            question.asked_at.clone().unwrap_or_else(|| question.created_at.clone()),
                        ),
                        Cell::Text(question.skill.clone()),
                        Cell::Text(question.category.clone()),
                        Cell::Text(question.question.clone()),
                        Cell::Text(question.answer.as_ref().and_then(|a| a.text.clone()).unwrap_or_default()),
                        Cell::Number(
                            match &question.answer {
                                Some(answer) if answer.skipped => "yes",
                                Some(_) => "no",
                                None => "",
                            }
                            .into(),
                        ),
                        number(feedback.map(|f| f.correctness)),
                        number(feedback.map(|f| f.role_relevance)),
                        number(feedback.map(|f| f.red_flags_count)),
                        Cell::Text(
                            feedback
                                .and_then(|f| f.fallacy.as_ref())
                                .map(|f| f.name.clone())
                                .unwrap_or_default(),
                        ),
                    ],
                );
            }
        }
    }
    out
}

/// A CSV cell: text a person wrote (guarded against formulas) or a value the app made.
enum Cell {
    Text(String),
    Number(String),
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = Cell>) {
    let cells: Vec<String> = cells
        .into_iter()
        .map(|cell| match cell {
            Cell::Text(text) => quoted(&formula_safe(&text)),
            Cell::Number(value) => quoted(&value),
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Text a spreadsheet would take for a formula gets a leading apostrophe.
fn formula_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

const README: &str = "Interview Coach: your data\n\
\n\
data.json      Everything the app keeps about you: your profile, your CV's text, each vacancy\n\
               you prepared for (its job description's text, your title and file name), every\n\
               interview (active and archived) with every question, your answer or skip, and the\n\
               coach's feedback; your analytics totals and the activity recorded for you.\n\
answers.csv    One row per question you were shown, for spreadsheets.\n\
documents/     The text read from your CV and from each job description.\n\
\n\
Times are in UTC.\n";

/// The zip archive: `README.txt`, `data.json`, `answers.csv` and `documents/*.txt`.
pub fn zip(export: &Export) -> anyhow::Result<Vec<u8>> {
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("README.txt".into(), README.as_bytes().to_vec()),
        ("data.json".into(), serde_json::to_vec_pretty(export)?),
        ("answers.csv".into(), answers_csv(export).into_bytes()),
    ];
    if let Some(cv) = &export.cv {
        files.push(("documents/cv.txt".into(), cv.text.clone().into_bytes()));
    }
    for (n, vacancy) in export.vacancies.iter().enumerate() {
        files
            .push((format!("documents/job-description-{}.txt", n + 1), vacancy.jd_text.clone().into_bytes()));
    }

    let now = chrono::Utc::now().naive_utc();
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let mut archive = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        archive.start_file(name, options)?;
        archive.write_all(&bytes)?;
    }
    Ok(archive.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::model::interview::FallacyNote;
    use crate::server::account_data::export::{
        Answer, Cv, FORMAT, Feedback, Interview, Profile, Question, Vacancy,
    };

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_eq!(quoted("plain"), "plain");
        assert_eq!(quoted("a, b"), "\"a, b\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quoted("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn text_that_looks_like_a_formula_is_defused() {
        assert_eq!(formula_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(formula_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(formula_safe("I led the team"), "I led the team");
    }

    fn sample() -> Export {
        let question =
            |number: i32, asked: bool, answer: Option<Answer>, feedback: Option<Feedback>| Question {
                number,
                created_at: "2026-11-30T10:00:00Z".into(),
                asked_at: asked.then(|| "2026-11-30T10:01:00Z".into()),
                skill: "Rust".into(),
                skills: serde_json::json!(["Rust"]),
                category: "technical".into(),
                difficulty: "medium".into(),
                question: "Tell me, briefly, about Rust.".into(),
                answer,
                feedback,
            };
        let feedback = Feedback {
            correctness: 72,
            role_relevance: 64,
            red_flags_count: 1,
            red_flags: vec!["Vague.".into()],
            improvements: vec![],
            suggested_rewrite: String::new(),
            followup_question: None,
            coach_hint: String::new(),
            fallacy: Some(FallacyNote {
                name: "Bandwagon".into(),
                definition: String::new(),
                why: String::new(),
                interview_risk: String::new(),
            }),
            coach: "Offline coach (rules)".into(),
            prompt_version: "rules-1".into(),
            at: "2026-11-30T10:02:00Z".into(),
        };
        let answered = Answer {
            skipped: false,
            text: Some("=1+1, \"quoted\"".into()),
            at: String::new(),
            input_mode: "typed".into(),
            delivery: None,
        };
        let skipped = Answer {
            skipped: true,
            text: None,
            at: String::new(),
            input_mode: "typed".into(),
            delivery: None,
        };
        Export {
            format: FORMAT,
            exported_at: "2026-11-30T11:00:00Z".into(),
            profile: Profile {
                first_name: "Ada".into(),
                last_name: "Lovelace".into(),
                email: "ada@example.com".into(),
                email_verified: true,
                sign_in_issuer: None,
                sign_in_subject: None,
                created_at: String::new(),
                last_login_at: None,
                coach_profile: None,
                top_skills: None,
            },
            cv: Some(Cv { file_name: Some("cv.pdf".into()), uploaded_at: None, text: "CV TEXT".into() }),
            vacancies: vec![Vacancy {
                position_title: "Backend Engineer".into(),
                jd_file_name: Some("jd.txt".into()),
                linked_at: String::new(),
                last_used_at: String::new(),
                jd_text: "JD TEXT".into(),
                top_skills: None,
                interviews: vec![Interview {
                    number: 1,
                    status: "archived".into(),
                    started_at: String::new(),
                    archived_at: None,
                    questions: vec![
                        question(1, true, Some(answered), Some(feedback)),
                        question(2, true, Some(skipped), None),
                        question(3, false, None, None),
                    ],
                }],
            }],
            statistics: None,
            activity: vec![],
            usage: vec![],
        }
    }

    #[test]
    fn the_csv_has_a_row_per_shown_question_with_scores_skips_and_fallacies() {
        let csv = answers_csv(&sample());

        let lines: Vec<&str> =
            csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3, "the header and two shown questions, not the prepared one: {csv}");
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(
            lines[1],
            "Backend Engineer,1,archived,1,2026-11-30T10:01:00Z,Rust,technical,\"Tell me, briefly, about Rust.\",\
             \"'=1+1, \"\"quoted\"\"\",no,72,64,1,Bandwagon"
        );
        assert!(lines[2].ends_with(",,yes,,,,"), "a skip has no answer and no scores: {}", lines[2]);
    }

    #[test]
    fn the_archive_holds_the_json_the_csv_and_the_documents() {
        let export = sample();

        let bytes = zip(&export).expect("an archive");

        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a readable zip");
        let mut names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        names.sort();
        assert_eq!(
            names,
            ["README.txt", "answers.csv", "data.json", "documents/cv.txt", "documents/job-description-1.txt"]
        );
        let mut json = String::new();
        archive.by_name("data.json").unwrap().read_to_string(&mut json).unwrap();
        let data: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(data["format"], FORMAT);
        assert_eq!(
            data["vacancies"][0]["interviews"][0]["questions"][0]["feedback"]["fallacy"]["name"],
            "Bandwagon"
        );
        assert!(json.contains("\n  \"profile\": {"), "pretty-printed");
    }
}
