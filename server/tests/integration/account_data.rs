//! The candidate's data is theirs: the archive holds every row of the caller and nothing of anyone
//! else; deleting an account removes every row of it, table by table, keeps a vacancy another
//! candidate still uses, leaves everyone else's rank right, ends every session of it, and lets
//! the same e-mail sign up afresh. A wrong confirmation deletes nothing.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use app::error::AppError;
use app::model::account::AccountDetails;
use app::model::analytics::{Analytics, Comparison};
use app::server::analytics::metrics::rank_key;
use app::server::db::analytics::{all_stats, histogram, recompute};
use app::server::db::entities::{events, users, vacancies};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement};

use crate::interview::{current, next, running, submit};
use crate::support::files::fixture;
use crate::support::{Browser, TestApp, location, spawn_app_on, visible_html};

const ADA_EMAIL: &str = "ada.lovelace@example.com";
const ADA_TITLE: &str = "Staff Payments Engineer";
const ADA_OWN_TITLE: &str = "Analytical Engine Designer";
const ZED_EMAIL: &str = "zed.marker@example.com";
const ZED_TITLE: &str = "Quasar Platform Wrangler";
/// Words only Ada's answers (and her unshared job description) contain.
const ADA_MARK: &str = "Adamarker";
/// Words only Zed's answers contain.
const ZED_MARK: &str = "Zedsmarker";

fn strong(mark: &str) -> String {
    format!(
        "At Acme I led the rewrite of our payment service in Rust ({mark}). The old service timed out \
         under load, so I profiled it, replaced the blocking database calls with an async pool and added \
         back-pressure. As a result p99 latency fell from 900 ms to 120 ms and we cut incidents by 60% in a \
         quarter."
    )
}

fn bandwagon(mark: &str) -> String {
    format!(
        "Everyone uses Kubernetes these days, so it is obviously the right choice for every team and I \
         would use it for this service too ({mark})."
    )
}

/// The application with its reports written where the test can look.
async fn app_with_reports() -> (TestApp, tempfile::TempDir) {
    let reports = tempfile::tempdir().expect("a reports directory");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let app = spawn_app_on(listener, &[("REPORTS_DIR", reports.path().display().to_string())]).await;
    (app, reports)
}

async fn upload(browser: &Browser, file_name: &str, jd: Vec<u8>, title: &str) {
    browser.upload("/documents/jd", file_name, jd, Some(title)).await;
}

/// Ada and Zed share one job description file (Ada uploaded it first, under her own title and
/// file name); Ada also prepares for a second one nobody else has. Both answer, skip and get a
/// fallacy named; Ada resets her first interview, so she has an archived and an active one.
/// Zed signs up first, so Ada holds the highest user id (a reused id would show).
async fn two_candidates(app: &TestApp) -> (Browser, Browser) {
    let zed = app.signed_in("Zed", ZED_EMAIL).await;
    let ada = app.signed_in("Ada", ADA_EMAIL).await;
    for browser in [&ada, &zed] {
        browser.upload("/documents/cv", "cv.pdf", fixture("cv-two-pages.pdf"), None).await;
    }
    upload(&ada, "ada-jd.txt", fixture("jd.txt"), ADA_TITLE).await;
    upload(&zed, "zed-jd.txt", fixture("jd.txt"), ZED_TITLE).await;

    let run = running(ada.call_ok("interview/start", &[]).await);
    let run = running(submit(&ada, current(&run).question_id, &strong(ADA_MARK)).await.screen);
    let run = next(&ada, current(&run).question_id).await;
    let run = next(&ada, current(&run).question_id).await; // the second question is skipped
    submit(&ada, current(&run).question_id, &bandwagon(ADA_MARK)).await;
    let _: app::model::interview::InterviewScreen = ada.call_ok("interview/reset", &[]).await;
    let mut own_jd = fixture("jd.txt");
    own_jd.extend_from_slice(format!("\nAlso welcome: {ADA_MARK} experience.\n").as_bytes());
    upload(&ada, "ada-own-jd.txt", own_jd, ADA_OWN_TITLE).await;
    let run = running(ada.call_ok("interview/start", &[]).await);
    submit(&ada, current(&run).question_id, &strong(ADA_MARK)).await;

    let run = running(zed.call_ok("interview/start", &[]).await);
    let run = running(submit(&zed, current(&run).question_id, &bandwagon(ZED_MARK)).await.screen);
    let run = next(&zed, current(&run).question_id).await;
    next(&zed, current(&run).question_id).await; // the second question is skipped
    settle(&app.db).await;
    (ada, zed)
}

/// Waits until background work (the next question prepared in advance) has stopped writing.
async fn settle(db: &DatabaseConnection) {
    let mut last = -1;
    for _ in 0..100 {
        let now = count(db, "SELECT COUNT(*) AS n FROM questions").await
            + count(db, "SELECT COUNT(*) AS n FROM events").await;
        if now == last {
            return;
        }
        last = now;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("background writes did not stop within 20 s");
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.to_owned()))
        .await
        .expect("a count")
        .expect("one row");
    row.try_get::<i64>("", "n").expect("a number")
}

async fn ids(db: &DatabaseConnection, sql: String) -> Vec<i64> {
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("ids");
    rows.iter().map(|row| row.try_get::<i64>("", "id").expect("an id")).collect()
}

async fn user_id(db: &DatabaseConnection, email: &str) -> i64 {
    users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .expect("the user")
        .user_id
}

/// The ids of every row of one user, taken while they exist, so the rows can be counted again by
/// id after a deletion (counting through the user's links would miss orphans).
struct Footprint {
    user_id: i64,
    links: Vec<i64>,
    interviews: Vec<i64>,
    questions: Vec<i64>,
}

async fn footprint(db: &DatabaseConnection, user_id: i64) -> Footprint {
    let links =
        ids(db, format!("SELECT user_vacancy_id AS id FROM user_vacancies WHERE user_id = {user_id}")).await;
    let interviews = ids(
        db,
        format!(
            "SELECT i.interview_id AS id FROM interviews i \
             JOIN user_vacancies uv ON uv.user_vacancy_id = i.user_vacancy_id WHERE uv.user_id = {user_id}"
        ),
    )
    .await;
    let questions = ids(
        db,
        format!(
            "SELECT q.question_id AS id FROM questions q \
             JOIN user_vacancies uv ON uv.user_vacancy_id = q.user_vacancy_id WHERE uv.user_id = {user_id}"
        ),
    )
    .await;
    Footprint { user_id, links, interviews, questions }
}

fn list(ids: &[i64]) -> String {
    if ids.is_empty() { "-1".into() } else { ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",") }
}

/// Rows per table that belong to the user of `f`, by the ids taken before.
async fn rows_per_table(db: &DatabaseConnection, f: &Footprint) -> BTreeMap<&'static str, i64> {
    let (user, links, interviews, questions) =
        (f.user_id, list(&f.links), list(&f.interviews), list(&f.questions));
    let checks = [
        ("users", format!("SELECT COUNT(*) AS n FROM users WHERE user_id = {user}")),
        (
            "user_vacancies",
            format!(
                "SELECT COUNT(*) AS n FROM user_vacancies WHERE user_id = {user} OR user_vacancy_id IN ({links})"
            ),
        ),
        (
            "interviews",
            format!(
                "SELECT COUNT(*) AS n FROM interviews WHERE interview_id IN ({interviews}) \
                 OR user_vacancy_id IN ({links})"
            ),
        ),
        (
            "questions",
            format!(
                "SELECT COUNT(*) AS n FROM questions WHERE question_id IN ({questions}) \
                 OR user_vacancy_id IN ({links}) OR interview_id IN ({interviews})"
            ),
        ),
        ("answers", format!("SELECT COUNT(*) AS n FROM answers WHERE question_id IN ({questions})")),
        ("suggestions", format!("SELECT COUNT(*) AS n FROM suggestions WHERE question_id IN ({questions})")),
        ("events", format!("SELECT COUNT(*) AS n FROM events WHERE user_id = {user}")),
        ("usage_events", format!("SELECT COUNT(*) AS n FROM usage_events WHERE user_id = {user}")),
        ("candidate_stats", format!("SELECT COUNT(*) AS n FROM candidate_stats WHERE user_id = {user}")),
    ];
    let mut rows = BTreeMap::new();
    for (table, sql) in checks {
        rows.insert(table, count(db, &sql).await);
    }
    rows
}

/// The files of a zip archive, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("a file");
        let mut content = Vec::new();
        file.read_to_end(&mut content).expect("readable");
        files.insert(file.name().to_owned(), content);
    }
    files
}

async fn download(app: &TestApp, browser: &Browser) -> BTreeMap<String, Vec<u8>> {
    let response = browser.get(&app.url("/account/export")).await;
    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "application/zip");
    assert_eq!(header("content-disposition"), "attachment; filename=\"interview-coach-data.zip\"");
    assert!(header("cache-control").contains("no-store"), "personal data is never cached");
    unzip(&response.bytes().await.expect("the archive"))
}

/// CSV records (a quoted field may hold a line break), without the header.
fn csv_records(csv: &str) -> usize {
    let (mut records, mut quoted) = (0, false);
    for c in csv.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => records += 1,
            _ => {}
        }
    }
    records - 1
}

/// (question, answer, skipped, correctness, fallacy) for every question with an answer or skip.
type Attempt = (String, Option<String>, bool, Option<i64>, Option<String>);

async fn attempts_in_sql(db: &DatabaseConnection, user_id: i64) -> Vec<Attempt> {
    let sql = format!(
        "SELECT q.question_text, a.answer_text, a.is_skipped, s.correctness, s.fallacy_name FROM answers a \
         JOIN questions q ON q.question_id = a.question_id \
         JOIN user_vacancies uv ON uv.user_vacancy_id = q.user_vacancy_id \
         LEFT JOIN suggestions s ON s.question_id = a.question_id WHERE uv.user_id = {user_id}"
    );
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap();
    let mut attempts: Vec<Attempt> = rows
        .iter()
        .map(|r| {
            (
                r.try_get("", "question_text").unwrap(),
                r.try_get("", "answer_text").unwrap(),
                r.try_get("", "is_skipped").unwrap(),
                r.try_get::<Option<i32>>("", "correctness").unwrap().map(i64::from),
                r.try_get("", "fallacy_name").unwrap(),
            )
        })
        .collect();
    attempts.sort();
    attempts
}

fn attempts_in_json(data: &serde_json::Value) -> Vec<Attempt> {
    let mut attempts: Vec<Attempt> = Vec::new();
    for vacancy in data["vacancies"].as_array().unwrap() {
        for interview in vacancy["interviews"].as_array().unwrap() {
            for question in interview["questions"].as_array().unwrap() {
                let answer = &question["answer"];
                if answer.is_null() {
                    continue;
                }
                let feedback = &question["feedback"];
                attempts.push((
                    question["question"].as_str().unwrap().to_owned(),
                    answer["text"].as_str().map(str::to_owned),
                    answer["skipped"].as_bool().unwrap(),
                    feedback["correctness"].as_i64(),
                    feedback["fallacy"]["name"].as_str().map(str::to_owned),
                ));
            }
        }
    }
    attempts.sort();
    attempts
}

fn json_count(data: &serde_json::Value, pick: impl Fn(&serde_json::Value) -> bool) -> i64 {
    let mut n = 0;
    for vacancy in data["vacancies"].as_array().unwrap() {
        for interview in vacancy["interviews"].as_array().unwrap() {
            n += interview["questions"].as_array().unwrap().iter().filter(|q| pick(q)).count() as i64;
        }
    }
    n
}

fn archive_text(files: &BTreeMap<String, Vec<u8>>) -> String {
    files.values().map(|bytes| String::from_utf8_lossy(bytes).into_owned()).collect::<Vec<_>>().join("\n")
}

#[tokio::test]
async fn the_archive_holds_every_row_of_the_caller_and_nothing_of_anyone_else() {
    let (app, _reports) = app_with_reports().await;
    let (ada, zed) = two_candidates(&app).await;
    let ada_id = user_id(&app.db, ADA_EMAIL).await;

    let files = download(&app, &ada).await;
    let zed_files = download(&app, &zed).await;
    let visitor = app.browser().get(&app.url("/account/export")).await;

    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "README.txt",
            "answers.csv",
            "data.json",
            "documents/cv.txt",
            "documents/job-description-1.txt",
            "documents/job-description-2.txt"
        ]
    );
    let data: serde_json::Value = serde_json::from_slice(&files["data.json"]).expect("data.json is JSON");
    let rows = rows_per_table(&app.db, &footprint(&app.db, ada_id).await).await;
    let vacancies = data["vacancies"].as_array().unwrap();
    let interviews: Vec<&serde_json::Value> =
        vacancies.iter().flat_map(|v| v["interviews"].as_array().unwrap()).collect();
    assert_eq!(vacancies.len() as i64, rows["user_vacancies"]);
    assert_eq!(interviews.len() as i64, rows["interviews"]);
    assert_eq!(json_count(&data, |_| true), rows["questions"]);
    assert_eq!(json_count(&data, |q| !q["answer"].is_null()), rows["answers"]);
    assert_eq!(json_count(&data, |q| !q["feedback"].is_null()), rows["suggestions"]);
    assert_eq!(
        data["activity"].as_array().unwrap().len() as i64,
        rows["events"],
        "every audit row, the download included"
    );
    assert_eq!(data["usage"].as_array().unwrap().len() as i64, rows["usage_events"]);
    assert!(rows["usage_events"] > 0);
    let statuses: Vec<&str> = interviews.iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["archived", "active"]);
    let titles: Vec<(&str, &str)> = vacancies
        .iter()
        .map(|v| (v["position_title"].as_str().unwrap(), v["jd_file_name"].as_str().unwrap()))
        .collect();
    assert_eq!(titles, [(ADA_TITLE, "ada-jd.txt"), (ADA_OWN_TITLE, "ada-own-jd.txt")]);
    assert!(vacancies[1]["jd_text"].as_str().unwrap().contains(ADA_MARK), "the job description's text");
    let attempts = attempts_in_json(&data);
    assert_eq!(attempts, attempts_in_sql(&app.db, ada_id).await, "every answer, skip, score and fallacy");
    assert!(attempts.iter().any(|a| a.2), "a skip");
    assert!(attempts.iter().any(|a| a.4.is_some()), "a fallacy");
    let feedback = &interviews[0]["questions"][0]["feedback"];
    for field in ["improvements", "red_flags", "suggested_rewrite", "coach_hint", "prompt_version"] {
        assert!(!feedback[field].is_null(), "feedback has {field}: {feedback}");
    }
    let profile = &data["profile"];
    assert_eq!((profile["email"].as_str(), profile["first_name"].as_str()), (Some(ADA_EMAIL), Some("Ada")));
    assert!(
        profile["top_skills"].is_array(),
        "the skills are decoded, not a string: {}",
        profile["top_skills"]
    );
    assert!(profile["coach_profile"].is_object());
    let cv = app::server::db::users::cv_text(&app.db, ada_id).await.unwrap().unwrap();
    assert_eq!(data["cv"]["text"].as_str(), Some(cv.as_str()));
    assert_eq!(files["documents/cv.txt"], cv.as_bytes());
    let csv = String::from_utf8(files["answers.csv"].clone()).unwrap();
    let shown = count(
        &app.db,
        &format!(
            "SELECT COUNT(*) AS n FROM questions q JOIN user_vacancies uv ON uv.user_vacancy_id = q.user_vacancy_id \
             WHERE uv.user_id = {ada_id} AND q.asked_at IS NOT NULL"
        ),
    )
    .await;
    assert_eq!(csv_records(&csv) as i64, shown, "one CSV row per question shown: {csv}");
    assert!(csv.contains(ADA_MARK) && csv.contains(",yes,"), "answers and skips in the CSV");

    let everything = archive_text(&files);
    for theirs in [ZED_EMAIL, ZED_TITLE, ZED_MARK, "zed-jd.txt"] {
        assert!(!everything.contains(theirs), "Ada's archive must not hold {theirs}");
    }
    let zeds = archive_text(&zed_files);
    for hers in [ADA_EMAIL, ADA_TITLE, ADA_OWN_TITLE, ADA_MARK, "ada-jd.txt"] {
        assert!(!zeds.contains(hers), "Zed's archive must not hold {hers}");
    }
    assert!(zeds.contains(ZED_MARK) && zeds.contains(ZED_TITLE), "Zed gets his own");
    assert_eq!(location(&visitor), "/signin", "a visitor is sent to sign in");
}

#[tokio::test]
async fn nothing_is_deleted_without_the_accounts_own_email_from_this_site() {
    let (app, _reports) = app_with_reports().await;
    let (ada, _zed) = two_candidates(&app).await;
    let ada_id = user_id(&app.db, ADA_EMAIL).await;
    let before = rows_per_table(&app.db, &footprint(&app.db, ada_id).await).await;

    let wrong = ada.post_form(&app.url("/account/delete"), &[("email", ZED_EMAIL)]).await;
    let empty = ada.post_form(&app.url("/account/delete"), &[("email", "")]).await;
    let page = visible_html(&ada.get(&app.url("/account")).await.text().await.unwrap());
    let cross_site = ada
        .client
        .post(app.url("/account/delete"))
        .header("origin", "http://evil.example")
        .form(&[("email", ADA_EMAIL)])
        .send()
        .await
        .unwrap();
    let visitor = app.browser().post_form(&app.url("/account/delete"), &[("email", ADA_EMAIL)]).await;

    assert_eq!(location(&wrong), "/account");
    assert_eq!(location(&empty), "/account");
    assert!(page.contains("so nothing was deleted"), "the page says why: {page}");
    assert!(page.contains("href=\"/account/export\"") && page.contains("action=\"/account/delete\""));
    assert_eq!(cross_site.status(), 403);
    assert_eq!(location(&visitor), "/signin");
    assert_eq!(rows_per_table(&app.db, &footprint(&app.db, ada_id).await).await, before);
    let details: AccountDetails = ada.call_ok("account_details", &[]).await;
    assert_eq!(details.email, ADA_EMAIL, "still signed in");
    assert_eq!(details.notice, None, "the message shows once");
}

#[tokio::test]
async fn deleting_an_account_removes_every_row_and_leaves_everyone_else_right() {
    let (app, reports) = app_with_reports().await;
    let (ada, zed) = two_candidates(&app).await;
    let ada_phone = app.signed_in("Ada", ADA_EMAIL).await;
    let report = ada.post_form(&app.url("/analytics/report"), &[]).await;
    assert!(report.status().is_success() || report.status().is_redirection(), "{}", report.status());
    let (ada_id, zed_id) = (user_id(&app.db, ADA_EMAIL).await, user_id(&app.db, ZED_EMAIL).await);
    let ada_rows = footprint(&app.db, ada_id).await;
    let zed_rows = footprint(&app.db, zed_id).await;
    let before = rows_per_table(&app.db, &ada_rows).await;
    let zed_analytics_before: Analytics = zed.call_ok("analytics", &[]).await;
    let zed_before = rows_per_table(&app.db, &zed_rows).await;
    let shared =
        vacancies::Entity::find().filter(vacancies::Column::JdFileName.eq("ada-jd.txt")).one(&app.db).await;
    let shared = shared.unwrap().expect("the shared vacancy, first uploaded by Ada");
    assert_eq!(shared.position_title, ADA_TITLE);
    assert!(before.values().all(|&n| n > 0), "Ada has rows in every table: {before:?}");
    assert!(reports_of(reports.path(), ada_id).exists(), "Ada has a report on disk");
    assert_eq!(zed_analytics_before.overall, Comparison::TooFew, "two candidates are too few to compare");

    let deleted =
        ada.post_form(&app.url("/account/delete"), &[("email", "  Ada.Lovelace@Example.com ")]).await;

    assert_eq!(location(&deleted), "/account/deleted");
    assert!(ada.page(&app.url("/account/deleted")).await.contains("Your account is deleted"));
    let after = rows_per_table(&app.db, &ada_rows).await;
    assert!(after.values().all(|&n| n == 0), "no row of Ada is left, table by table: {after:?}");
    assert_eq!(rows_per_table(&app.db, &zed_rows).await, zed_before, "Zed's rows are untouched");
    let kept = vacancies::Entity::find_by_id(shared.vacancy_id).one(&app.db).await.unwrap();
    let kept = kept.expect("the vacancy Zed still uses is kept");
    assert_eq!(
        (kept.position_title.as_str(), kept.jd_file_name.as_deref()),
        (ZED_TITLE, Some("zed-jd.txt")),
        "nothing Ada typed stays on the shared vacancy"
    );
    assert_eq!(vacancies::Entity::find().all(&app.db).await.unwrap().len(), 1, "Ada's own vacancy is gone");
    assert!(!reports_of(reports.path(), ada_id).exists(), "Ada's reports are gone");
    let audit =
        events::Entity::find().filter(events::Column::Name.eq("ACCOUNT_DELETED")).all(&app.db).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!((audit[0].user_id, audit[0].vacancy_id, audit[0].request_id.as_deref()), (None, None, None));
    assert!(
        !audit[0].detail.as_deref().unwrap_or_default().contains("ada"),
        "anonymous: {:?}",
        audit[0].detail
    );

    // Everyone else's standing is as if Ada had never been there.
    let zed_analytics: Analytics = zed.call_ok("analytics", &[]).await;
    assert_eq!(zed_analytics.overall, Comparison::TooFew);
    assert_eq!(zed_analytics.summary, zed_analytics_before.summary);
    let recomputed = recompute(&app.db).await.unwrap();
    let mut expected: BTreeMap<i32, i64> = BTreeMap::new();
    for key in recomputed.iter().filter_map(|r| rank_key(r.correctness_sum, r.evaluated)) {
        *expected.entry(key).or_default() += 1;
    }
    let stored: BTreeMap<i32, i64> = histogram(&app.db).await.unwrap().into_iter().collect();
    assert_eq!(stored, expected, "the histogram counts exactly the remaining candidates");
    assert_eq!(all_stats(&app.db).await.unwrap().len(), recomputed.len());

    // Every session of Ada's has ended; the address is free for a new account.
    assert_eq!(ada.call_err("account_details", &[]).await, AppError::Unauthorized);
    assert_eq!(ada_phone.call_err("account_details", &[]).await, AppError::Unauthorized);
    assert_eq!(location(&ada_phone.get(&app.url("/account/export")).await), "/signin");
    let again = app.signed_in("Ada", ADA_EMAIL).await;
    let fresh: AccountDetails = again.call_ok("account_details", &[]).await;
    assert_eq!(fresh.email, ADA_EMAIL);
    assert!(user_id(&app.db, ADA_EMAIL).await > ada_id, "a new account, never the old id");
    assert!(matches!(again.call_err("analytics", &[]).await, AppError::Conflict(_)), "with nothing in it");
    assert_eq!(
        ada_phone.call_err("account_details", &[]).await,
        AppError::Unauthorized,
        "old sessions stay ended"
    );
    let data: serde_json::Value = serde_json::from_slice(&download(&app, &again).await["data.json"]).unwrap();
    assert_eq!(data["vacancies"].as_array().map(Vec::len), Some(0));
    let zed_still: AccountDetails = zed.call_ok("account_details", &[]).await;
    assert_eq!(zed_still.email, ZED_EMAIL);
}

fn reports_of(reports_dir: &Path, user_id: i64) -> PathBuf {
    reports_dir.join(user_id.to_string())
}
