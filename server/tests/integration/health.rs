//! Probes, the request id, and the pages every visitor can reach.

use reqwest::StatusCode;

use crate::support::spawn_app;

#[tokio::test]
async fn healthz_and_readyz_answer_when_the_database_is_up() {
    let app = spawn_app().await;

    let health = app.get("/healthz").await;
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(health.text().await.unwrap(), "ok");

    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn readyz_fails_when_the_database_is_gone_but_healthz_does_not() {
    let app = spawn_app().await;
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);

    app.db.close_by_ref().await.expect("close the server's pool");

    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(ready.text().await.unwrap(), "database unavailable");
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = spawn_app().await;

    let first = app.get("/").await;
    let second = app.get("/").await;

    let id = |r: &reqwest::Response| r.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id(&first).len(), 36, "a UUID: {}", id(&first));
    assert_ne!(id(&first), id(&second), "ids are per request");
}

#[tokio::test]
async fn a_well_formed_incoming_request_id_is_kept_and_junk_is_replaced() {
    let app = spawn_app().await;

    let kept = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "lb-trace-0123456789")
        .send()
        .await
        .unwrap();
    assert_eq!(kept.headers()["x-request-id"], "lb-trace-0123456789");

    let replaced =
        app.client.get(app.url("/healthz")).header("x-request-id", "<script>").send().await.unwrap();
    assert_ne!(replaced.headers()["x-request-id"], "<script>");
}

#[tokio::test]
async fn the_landing_page_is_server_rendered_with_the_hydration_bundle() {
    let app = spawn_app().await;

    let page = app.get("/").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();

    assert!(html.contains("Practise the interview for the job you want"), "{html}");
    assert!(html.contains("/pkg/interview-coach.js"), "hydration script missing");
    assert!(html.contains("/pkg/interview-coach.css"), "stylesheet missing");
    assert!(html.contains(r#"data-hydrated="false""#), "server render must not claim hydration");
}

#[tokio::test]
async fn unknown_pages_get_a_real_404_with_a_way_back() {
    let app = spawn_app().await;

    let page = app.get("/no/such/page").await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let html = page.text().await.unwrap();
    assert!(html.contains("Page not found"));
    assert!(html.contains(r#"href="/""#));
}

#[tokio::test]
async fn responses_are_compressed_for_clients_that_ask() {
    let app = spawn_app().await;

    let br = app.client.get(app.url("/")).header("accept-encoding", "br").send().await.unwrap();
    let plain = app.client.get(app.url("/")).send().await.unwrap();

    assert_eq!(br.headers().get("content-encoding").map(|v| v.to_str().unwrap()), Some("br"));
    assert!(plain.headers().get("content-encoding").is_none());
    assert!(plain.text().await.unwrap().contains("Practise the interview"));
}
