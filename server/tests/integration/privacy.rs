//! Privacy between candidates and sessions that end when they should: a title typed for a
//! shared job description stays its candidate's own; signing out cannot be undone by a request
//! that started before; the idle expiry slides with activity; a forged callback cannot cancel a
//! real sign-in.

use app::server::db::entities::sessions;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, PaginatorTrait, Set};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::interview::{current, next, running};
use crate::support::files::fixture;
use crate::support::oidc::{ProviderOptions, authorize, spawn_oidc_app};
use crate::support::{Browser, TestApp, location, spawn_app, visible_html};

async fn with_jd(app: &TestApp, name: &str, title: &str) -> Browser {
    let browser = app.signed_in(name, &format!("{}@example.com", name.to_lowercase())).await;
    browser.upload("/documents/cv", "cv.pdf", fixture("cv-two-pages.pdf"), None).await;
    browser.upload("/documents/jd", &format!("{name}-jd.txt"), fixture("jd.txt"), Some(title)).await;
    browser
}

fn pdf_text(pdf: &[u8]) -> String {
    let kind = app::server::documents::detect("report.pdf", pdf).expect("a PDF");
    app::server::documents::extract_blocking(kind, pdf).expect("readable").text
}

#[tokio::test]
async fn candidates_with_the_same_jd_file_each_see_only_their_own_title_and_file_name() {
    let app = spawn_app().await;
    let ada = with_jd(&app, "Ada", "Staff Payments Engineer").await;
    let ben = with_jd(&app, "Ben", "Backend Developer II").await;

    // Ben is told what any upload tells; nothing says that someone uploaded it before.
    let ben_setup = ben.page(&app.url("/setup")).await;
    assert!(ben_setup.contains("Read Ben-jd.txt"), "{ben_setup}");
    assert!(!ben_setup.contains("already know") && !ben_setup.contains("Staff Payments Engineer"));
    assert!(!ben_setup.contains("Ada-jd.txt"));
    let ada_setup = ada.page(&app.url("/setup")).await;
    assert!(ada_setup.contains("Staff Payments Engineer") && !ada_setup.contains("Backend Developer II"));

    for (who, mine, theirs) in [
        (&ada, "Staff Payments Engineer", "Backend Developer II"),
        (&ben, "Backend Developer II", "Staff Payments Engineer"),
    ] {
        let screen = running(who.call_ok("interview/start", &[]).await);
        next(who, current(&screen).question_id).await; // a skip: analytics start

        let interview: app::model::interview::InterviewScreen = who.call_ok("interview", &[]).await;
        assert_eq!(interview.position_title, mine);
        let analytics: app::model::analytics::Analytics = who.call_ok("analytics", &[]).await;
        assert_eq!(analytics.position_title, mine);
        let pdf = who.post_form(&app.url("/analytics/report"), &[]).await.bytes().await.unwrap();
        let text = pdf_text(&pdf);
        assert!(text.contains(mine) && !text.contains(theirs), "the report carries only {mine}");
    }
    let vacancies = app::server::db::entities::vacancies::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(vacancies, 1, "one shared vacancy for the one file");
}

#[tokio::test]
async fn signing_out_during_a_slow_upload_leaves_no_session_behind() {
    let app = spawn_app().await;
    let cookie = app.session_cookie("Ada", "ada@example.com").await;
    assert_eq!(sessions::Entity::find().count(&app.db).await.unwrap(), 1);

    // An upload whose body arrives slowly: the request has loaded the session already.
    let boundary = "slowboundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.txt\"\r\n\
         Content-Type: text/plain\r\n\r\n{}\r\n--{boundary}--\r\n",
        String::from_utf8(fixture("jd.txt")).unwrap()
    );
    let mut upload = tokio::net::TcpStream::connect(app.address).await.unwrap();
    let head = format!(
        "POST /documents/cv HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len(),
        host = app.address,
    );
    let (first, rest) = body.as_bytes().split_at(body.len() / 2);
    upload.write_all(head.as_bytes()).await.unwrap();
    upload.write_all(first).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let out = app
        .browser()
        .client
        .post(app.url("/auth/logout"))
        .header("origin", app.url(""))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert!(out.status().is_redirection());
    assert_eq!(sessions::Entity::find().count(&app.db).await.unwrap(), 0, "signed out");

    upload.write_all(rest).await.unwrap();
    let mut response = String::new();
    upload.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 303") || response.starts_with("HTTP/1.1 302"), "{response}");
    assert_eq!(sessions::Entity::find().count(&app.db).await.unwrap(), 0, "the upload did not bring it back");
    let home =
        app.client.get(app.url("/")).header("cookie", &cookie).send().await.unwrap().text().await.unwrap();
    assert!(!home.contains("Welcome,"), "the old cookie signs nobody in");
}

#[tokio::test]
async fn an_idle_session_expires_and_activity_pushes_the_expiry_forward() {
    let app = spawn_app().await;
    let cookie = app.session_cookie("Ada", "ada@example.com").await;
    let home = |cookie: String| {
        let client = app.client.clone();
        let url = app.url("/");
        async move { client.get(url).header("cookie", cookie).send().await.unwrap() }
    };

    // Active again after a while: the row's expiry moves forward and the cookie is sent again.
    let row = sessions::Entity::find().one(&app.db).await.unwrap().unwrap();
    let mut data: serde_json::Value = serde_json::from_slice(&row.data).unwrap();
    let seen = data["auth.user"]["seen_at"].as_i64().expect("seen_at is stored");
    data["auth.user"]["seen_at"] = serde_json::json!(seen - 600);
    let soon = chrono::Utc::now().naive_utc() + chrono::TimeDelta::minutes(30);
    let mut aged = row.clone().into_active_model();
    aged.data = Set(serde_json::to_vec(&data).unwrap());
    aged.expiry_date = Set(soon);
    aged.update(&app.db).await.unwrap();

    let response = home(cookie.clone()).await;
    assert!(response.headers().get("set-cookie").is_some(), "the cookie is refreshed");
    assert!(visible_html(&response.text().await.unwrap()).contains("Welcome, Ada"));
    let refreshed = sessions::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(refreshed.expiry_date > soon + chrono::TimeDelta::hours(11), "expiry slid to ~12 h from now");

    // Idle past the expiry: signed out.
    let mut idle = refreshed.into_active_model();
    idle.expiry_date = Set(chrono::Utc::now().naive_utc() - chrono::TimeDelta::seconds(1));
    idle.update(&app.db).await.unwrap();
    assert!(!home(cookie).await.text().await.unwrap().contains("Welcome,"), "an idle session has expired");
}

#[tokio::test]
async fn a_forged_callback_does_not_cancel_the_sign_in_in_progress() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let browser = app.browser();
    let callback = authorize(&app, &browser, "ada").await;

    // A link planted elsewhere makes the same browser hit the callback with another state.
    let forged = browser.get(&app.url("/auth/callback?state=forged&code=whatever")).await;
    assert!(location(&forged).starts_with("/signin/failed"));

    let real = browser.get(callback.as_str()).await;
    assert_eq!(location(&real), "/", "the real callback still completes the sign-in");
}
