//! Uploading the CV and the job description: read once per file, stored, summarised, refused
//! with a clear message when unusable, and the interview gate.

use app::server::db::entities::{events, interviews, user_vacancies, users, vacancies};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::support::files::{fixture, png};
use crate::support::{Browser, TestApp, location, spawn_app};

async fn upload_cv(browser: &Browser, file_name: &str, bytes: Vec<u8>) -> String {
    browser.upload("/documents/cv", file_name, bytes, None).await
}

async fn upload_jd(browser: &Browser, file_name: &str, bytes: Vec<u8>, title: &str) -> String {
    browser.upload("/documents/jd", file_name, bytes, Some(title)).await
}

async fn events_named(app: &TestApp, name: &str) -> Vec<events::Model> {
    events::Entity::find()
        .filter(events::Column::Name.eq(name))
        .order_by_asc(events::Column::EventId)
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_cv_is_read_stored_and_summarised() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;

    assert_eq!(upload_cv(&ada, "Ada CV.pdf", fixture("cv-two-pages.pdf")).await, "/setup");

    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(user.cv_file_name.as_deref(), Some("Ada CV.pdf"));
    assert_eq!(user.cv_file_hash.as_deref().map(str::len), Some(64));
    assert!(
        app::server::db::users::cv_text(&app.db, user.user_id)
            .await
            .unwrap()
            .unwrap()
            .contains("Reduced p95 latency")
    );
    let parsed = events_named(&app, "CV_PARSED").await;
    assert_eq!(parsed.len(), 1);
    assert!(parsed[0].duration_ms.is_some() && parsed[0].detail.as_deref().unwrap().contains("2 pages"));

    let page = ada.page(&app.url("/setup")).await;
    for shown in
        ["Read Ada CV.pdf (2 pages", "Ada CV.pdf", "Ada Lovelace", "Senior Rust Engineer", "characters"]
    {
        assert!(page.contains(shown), "{shown:?} not on the setup page");
    }
    assert!(!page.contains("{\""), "no JSON on the page");
}

#[tokio::test]
async fn the_same_cv_twice_is_read_once() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    upload_cv(&ada, "cv.docx", fixture("cv-with-table.docx")).await;

    upload_cv(&ada, "cv-again.docx", fixture("cv-with-table.docx")).await;

    let parsed = events_named(&app, "CV_PARSED").await;
    assert_eq!(parsed.len(), 2);
    assert!(parsed[0].duration_ms.is_some(), "the first upload is read");
    assert_eq!(parsed[1].detail.as_deref(), Some("same file: stored text reused"));
    assert!(parsed[1].duration_ms.is_none(), "the second is not read again");
    assert!(ada.page(&app.url("/setup")).await.contains("is the CV we already have"));
}

#[tokio::test]
async fn an_unusable_file_is_explained_and_the_saved_cv_is_kept() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    upload_cv(&ada, "cv.pdf", fixture("cv-two-pages.pdf")).await;

    upload_cv(&ada, "photo.pdf", png()).await;

    let page = ada.page(&app.url("/setup")).await;
    assert!(page.contains("ends in .pdf but its contents are a PNG image"), "{page}");
    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(user.cv_file_name.as_deref(), Some("cv.pdf"));
    assert!(
        app::server::db::users::cv_text(&app.db, user.user_id)
            .await
            .unwrap()
            .unwrap()
            .contains("Ada Lovelace")
    );
}

#[tokio::test]
async fn an_upload_over_10_mb_is_refused_and_the_server_keeps_serving() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;

    let landed = upload_cv(&ada, "huge.txt", vec![b'a'; 11 * 1024 * 1024]).await;

    assert_eq!(landed, "/setup");
    assert!(ada.page(&app.url("/setup")).await.contains("larger than 10 MB"));
    assert!(app.get("/healthz").await.status().is_success());
    assert_eq!(events_named(&app, "CV_PARSED").await.len(), 0);
}

#[tokio::test]
async fn a_job_description_needs_its_position_title() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;

    upload_jd(&ada, "jd.txt", fixture("jd.txt"), "  ").await;

    assert!(ada.page(&app.url("/setup")).await.contains("Enter the position title"));
    assert_eq!(vacancies::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn one_job_description_file_is_one_vacancy_for_every_candidate() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let bob = app.signed_in("Bob", "bob@example.com").await;

    upload_jd(&ada, "jd.txt", fixture("jd.txt"), "Backend Engineer").await;
    upload_jd(&bob, "copy of jd.txt", fixture("jd.txt"), "Rust Developer").await;

    assert_eq!(vacancies::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(user_vacancies::Entity::find().count(&app.db).await.unwrap(), 2);
    let parsed = events_named(&app, "JD_PARSED").await;
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[1].detail.as_deref(), Some("known file: stored text reused"));
    let bob_page = bob.page(&app.url("/setup")).await;
    assert!(bob_page.contains("Rust Developer"), "Bob sees the title he gave it");
    assert!(!bob_page.contains("Backend Engineer"), "and nothing of Ada's");
    assert!(bob_page.contains("5+ years building backend services"), "key requirements are listed");
}

#[tokio::test]
async fn the_interview_starts_only_with_both_documents() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let page = ada.page(&app.url("/setup")).await;
    assert!(page.contains("Upload your CV and the job description to start."));
    assert!(page.contains("disabled"), "the button is disabled");

    upload_cv(&ada, "cv.pdf", fixture("cv-two-pages.pdf")).await;
    let refused = ada.post_form(&app.url("/setup/start"), &[]).await;
    assert_eq!(location(&refused), "/setup");
    assert!(
        ada.page(&app.url("/setup")).await.contains("Upload the job description, with its position title")
    );
    assert_eq!(interviews::Entity::find().count(&app.db).await.unwrap(), 0, "the server enforces the gate");

    upload_jd(&ada, "jd.txt", fixture("jd.txt"), "Backend Engineer").await;
    ada.post_form(&app.url("/setup/start"), &[]).await;
    ada.post_form(&app.url("/setup/start"), &[]).await;

    let started = interviews::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(started.len(), 1, "starting twice resumes the same interview");
    assert_eq!(started[0].status, "active");
    assert!(ada.page(&app.url("/setup")).await.contains("Your interview for this vacancy started"));
}

#[tokio::test]
async fn replacing_the_job_description_keeps_the_old_vacancy_and_its_interview() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    upload_cv(&ada, "cv.pdf", fixture("cv-two-pages.pdf")).await;
    upload_jd(&ada, "jd.txt", fixture("jd.txt"), "Backend Engineer").await;
    ada.post_form(&app.url("/setup/start"), &[]).await;

    upload_jd(&ada, "other.txt", fixture("jd-utf16.txt"), "Backend Engineer Zürich").await;

    assert_eq!(vacancies::Entity::find().count(&app.db).await.unwrap(), 2);
    assert_eq!(interviews::Entity::find().count(&app.db).await.unwrap(), 1, "the first interview is kept");
    let page = ada.page(&app.url("/setup")).await;
    assert!(page.contains("Backend Engineer Zürich") && page.contains("other.txt"), "the new JD is current");
}

#[tokio::test]
async fn each_candidate_sees_only_their_own_documents() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let bob = app.signed_in("Bob", "bob@example.com").await;
    upload_cv(&ada, "ada-cv.pdf", fixture("cv-two-pages.pdf")).await;
    upload_jd(&ada, "jd.txt", fixture("jd.txt"), "Backend Engineer").await;

    let as_bob: serde_json::Value = bob.server_fn("setup").await.json().await.unwrap();
    let bob_page = bob.page(&app.url("/setup")).await;

    assert!(as_bob["cv"].is_null() && as_bob["jd"].is_null(), "{as_bob}");
    assert!(!bob_page.contains("ada-cv.pdf") && !bob_page.contains("Ada Lovelace"));
    let as_ada: serde_json::Value = ada.server_fn("setup").await.json().await.unwrap();
    assert_eq!(as_ada["cv"]["file_name"], "ada-cv.pdf");
}

#[tokio::test]
async fn visitors_cannot_upload_or_read_a_setup() {
    let app = spawn_app().await;
    let visitor = app.browser();

    let landed = upload_cv(&visitor, "cv.pdf", fixture("cv-two-pages.pdf")).await;
    let setup = visitor.get(&app.url("/setup")).await;

    assert_eq!(landed, "/signin");
    assert_eq!(location(&setup), "/signin");
    assert!(!visitor.server_fn("setup").await.status().is_success());
    assert_eq!(events_named(&app, "CV_PARSED").await.len(), 0);
}

#[tokio::test]
async fn every_malformed_upload_is_explained_and_the_server_keeps_serving() {
    use crate::support::files::{deep_page_tree_pdf, flipped, path_escaping_docx, zip_bomb_docx};
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let pdf = fixture("cv-two-pages.pdf");
    let docx = fixture("cv-with-table.docx");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.pdf", Vec::new(), "This file is empty"),
        ("truncated.pdf", pdf[..pdf.len() / 2].to_vec(), "could not read this file"),
        ("flipped.pdf", flipped(pdf.clone()), "could not read this file"),
        ("flipped.docx", flipped(docx.clone()), "could not read this file"),
        ("deep.pdf", deep_page_tree_pdf(5_000), "DOCX or TXT"),
        ("bomb.docx", zip_bomb_docx(), "inflates more than 100 times"),
        ("escape.docx", path_escaping_docx(), "points outside the document"),
        ("scan.pdf", fixture("scanned.pdf"), "no selectable text"),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(upload_cv(&ada, name, bytes).await, "/setup", "{name}");
        let page = ada.page(&app.url("/setup")).await;
        assert!(page.contains(expected), "{name}: expected {expected:?} on the page");
        assert!(app.get("/healthz").await.status().is_success(), "{name}: server down");
    }
    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(
        app::server::db::users::cv_text(&app.db, user.user_id).await.unwrap().is_none(),
        "nothing unusable was stored"
    );
}

#[tokio::test]
async fn with_both_documents_the_coach_ranks_ten_skills_shown_as_chips() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    upload_cv(&ada, "cv.pdf", fixture("cv-two-pages.pdf")).await;
    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(user.top_skills_json.is_none(), "no skills without a job description");

    upload_jd(&ada, "jd.txt", fixture("jd.txt"), "Backend Engineer").await;

    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    let skills: Vec<serde_json::Value> =
        serde_json::from_str(user.top_skills_json.as_deref().unwrap()).unwrap();
    assert_eq!(skills.len(), 10);
    assert_eq!(skills[0]["name"], "Rust");
    let kubernetes = skills.iter().find(|s| s["name"] == "Kubernetes").expect("Kubernetes is a requirement");
    assert!(
        kubernetes["evidence"].as_str().unwrap().contains("Kubernetes"),
        "the CV's skills line is the evidence"
    );
    let profile: serde_json::Value = serde_json::from_str(user.profile_json.as_deref().unwrap()).unwrap();
    assert_eq!(profile["profile"]["name"], "Ada Lovelace");
    assert_eq!(profile["coach"], "Offline coach (rules)");

    let page = ada.page(&app.url("/setup")).await;
    assert!(page.contains("Top skills for this vacancy"));
    assert!(page.contains("<li>Terraform</li>") && page.contains("<li>PostgreSQL</li>"), "{page}");
    assert!(page.contains("Ranked by: Offline coach (rules)"));
}
