//! Several vacancies for one candidate: each keeps its own ten skills and interviews when the
//! candidate switches between them, one can be removed with everything under it (the totals
//! and the histogram follow), and nobody can switch to or remove another candidate's vacancy.

use std::sync::Arc;

use app::model::analytics::Analytics;
use app::model::setup::Setup;
use app::server::db::analytics::{all_stats, recompute};
use app::server::db::entities::{answers, interviews, user_vacancies, users, vacancies};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};

use crate::interview::{current, ready_candidate, running, submit};
use crate::support::coach::{ScriptedCoach, scripted_answer};
use crate::support::files::fixture;
use crate::support::{Browser, TestApp, location, spawn_app, spawn_app_with_coach};

/// A second job description, for another vacancy (another file, another hash).
fn data_jd() -> Vec<u8> {
    fixture("jd-data.txt")
}

async fn setup_of(browser: &Browser) -> Setup {
    browser.call_ok("setup", &[]).await
}

fn skills_of(link: &user_vacancies::Model) -> Vec<String> {
    let skills: Vec<serde_json::Value> =
        serde_json::from_str(link.top_skills_json.as_deref().expect("ranked")).expect("JSON");
    skills.iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect()
}

async fn links(app: &TestApp, email: &str) -> Vec<user_vacancies::Model> {
    let user =
        users::Entity::find().filter(users::Column::Email.eq(email)).one(&app.db).await.unwrap().unwrap();
    user_vacancies::Entity::find()
        .filter(user_vacancies::Column::UserId.eq(user.user_id))
        .all(&app.db)
        .await
        .unwrap()
}

async fn post_vacancy(browser: &Browser, app: &TestApp, action: &str, key: i64) -> String {
    location(&browser.post_form(&app.url(action), &[("vacancy", &key.to_string())]).await)
}

#[tokio::test]
async fn each_vacancy_keeps_its_skills_and_interviews_when_the_candidate_switches() {
    let app = spawn_app().await;
    let ada = ready_candidate(&app, "Ada", "ada@example.com").await;
    let backend = running(ada.call_ok("interview/start", &[]).await);
    let first = current(&backend).question_id;
    submit(&ada, first, "At Acme I rewrote the payment service in Rust; p99 fell from 900 ms to 120 ms.")
        .await;

    // A second vacancy: uploading its job description makes it current, with skills of its own.
    ada.upload("/documents/jd", "data.txt", data_jd(), Some("Data Engineer")).await;
    let both = links(&app, "ada@example.com").await;
    let backend_link = both.iter().find(|l| l.position_title == "Backend Engineer").unwrap().clone();
    let data_link = both.iter().find(|l| l.position_title == "Data Engineer").unwrap().clone();
    assert_ne!(skills_of(&backend_link), skills_of(&data_link), "each vacancy ranks its own skills");
    let setup = setup_of(&ada).await;
    let titles: Vec<(&str, bool)> =
        setup.vacancies.iter().map(|v| (v.position_title.as_str(), v.current)).collect();
    assert_eq!(titles, [("Data Engineer", true), ("Backend Engineer", false)]);
    assert_eq!((setup.vacancies[1].interviews, setup.vacancies[1].answered), (1, 1));
    assert_eq!(setup.cv.as_ref().unwrap().top_skills, skills_of(&data_link));
    let data_run = running(ada.call_ok("interview/start", &[]).await);
    assert_eq!(data_run.turns.len(), 1, "a new interview for the new vacancy");
    assert!(skills_of(&data_link).contains(&current(&data_run).skill));

    // Back to the first vacancy: its skills were not recomputed, its interview is where it was.
    let profile_events_before = count_profiles(&app).await;
    let back = post_vacancy(&ada, &app, "/vacancies/switch", backend_link.user_vacancy_id).await;
    let resumed = running(ada.call_ok("interview", &[]).await);
    let after = links(&app, "ada@example.com").await;

    assert_eq!(back, "/setup");
    assert_eq!(resumed.turns[0].question_id, first, "the interview stayed with its vacancy");
    assert_eq!(
        skills_of(after.iter().find(|l| l.user_vacancy_id == backend_link.user_vacancy_id).unwrap()),
        skills_of(&backend_link)
    );
    assert_eq!(count_profiles(&app).await, profile_events_before, "switching asked the coach nothing");
    let user = users::Entity::find()
        .filter(users::Column::Email.eq("ada@example.com"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        user.top_skills_json, backend_link.top_skills_json,
        "the seed column mirrors the current vacancy"
    );
    let page = ada.page(&app.url("/setup")).await;
    assert!(page.contains("You are now preparing for Backend Engineer."), "{page}");

    // The seed's one join still answers who, which vacancy, which questions and answers.
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT u.email, uv.position_title, q.question_text, a.answer_text FROM users u \
             JOIN user_vacancies uv ON uv.user_id = u.user_id \
             JOIN interviews i ON i.user_vacancy_id = uv.user_vacancy_id \
             JOIN questions q ON q.interview_id = i.interview_id AND q.asked_at IS NOT NULL \
             LEFT JOIN answers a ON a.question_id = q.question_id ORDER BY uv.position_title",
        ))
        .await
        .unwrap();
    let titles: Vec<String> =
        rows.iter().map(|r| r.try_get::<String>("", "position_title").unwrap()).collect();
    assert_eq!(titles, ["Backend Engineer", "Data Engineer"]);
}

/// How often the coach ranked skills: each ranking stores a profile, so count the links that have
/// one and the times a link's profile changed is what matters; the offline coach logs nothing, so
/// count the rows instead.
async fn count_profiles(app: &TestApp) -> Vec<Option<String>> {
    user_vacancies::Entity::find().all(&app.db).await.unwrap().into_iter().map(|l| l.profile_json).collect()
}

#[tokio::test]
async fn removing_a_vacancy_deletes_its_interviews_and_the_totals_follow() {
    let app = spawn_app_with_coach(Arc::new(ScriptedCoach)).await;
    let ada = ready_candidate(&app, "Ada", "ada@example.com").await;
    let run = running(ada.call_ok("interview/start", &[]).await);
    submit(&ada, current(&run).question_id, &scripted_answer(90, 80, 0)).await;
    ada.upload("/documents/jd", "data.txt", data_jd(), Some("Data Engineer")).await;
    let run = running(ada.call_ok("interview/start", &[]).await);
    submit(&ada, current(&run).question_id, &scripted_answer(40, 30, 2)).await;
    let before: Analytics = ada.call_ok("analytics", &[]).await;
    let data_link = links(&app, "ada@example.com")
        .await
        .into_iter()
        .find(|l| l.position_title == "Data Engineer")
        .unwrap();

    let back = post_vacancy(&ada, &app, "/vacancies/remove", data_link.user_vacancy_id).await;
    let page = ada.page(&app.url("/setup")).await;
    let after: Analytics = ada.call_ok("analytics", &[]).await;
    let setup = setup_of(&ada).await;

    assert_eq!(back, "/setup");
    assert_eq!(before.summary.avg_correctness, Some(65.0));
    assert_eq!(after.summary.avg_correctness, Some(90.0), "only the remaining vacancy's answer counts");
    assert_eq!((after.summary.attempted, after.summary.evaluated), (1, 1));
    let titles: Vec<(&str, bool)> =
        setup.vacancies.iter().map(|v| (v.position_title.as_str(), v.current)).collect();
    assert_eq!(titles, [("Backend Engineer", true)], "the other vacancy is current again");
    assert_eq!(setup.jd.unwrap().position_title, "Backend Engineer");
    assert!(
        interviews::Entity::find()
            .filter(interviews::Column::UserVacancyId.eq(data_link.user_vacancy_id))
            .count(&app.db)
            .await
            .unwrap()
            == 0
    );
    assert!(
        vacancies::Entity::find_by_id(data_link.vacancy_id).one(&app.db).await.unwrap().is_none(),
        "nobody else used it"
    );
    assert_eq!(answers::Entity::find().count(&app.db).await.unwrap(), 1);
    // The maintained aggregates equal a full recomputation.
    let recomputed = recompute(&app.db).await.unwrap();
    let stored = all_stats(&app.db).await.unwrap();
    assert_eq!(recomputed.len(), stored.len());
    for (r, s) in recomputed.iter().zip(&stored) {
        assert_eq!(
            (r.attempted, r.evaluated, r.correctness_sum),
            (s.attempted, s.evaluated, s.correctness_sum)
        );
    }
    assert!(page.contains("Removed Data Engineer with its interviews and answers."), "{page}");
}

#[tokio::test]
async fn a_candidate_cannot_switch_to_or_remove_another_candidates_vacancy() {
    let app = spawn_app().await;
    let ada = ready_candidate(&app, "Ada", "ada@example.com").await;
    let ben = app.signed_in("Ben", "ben@example.com").await;
    ben.upload("/documents/cv", "cv.pdf", fixture("cv-two-pages.pdf"), None).await;
    ben.upload("/documents/jd", "data.txt", data_jd(), Some("Data Engineer")).await;
    let bens = links(&app, "ben@example.com").await.remove(0);

    let switched = post_vacancy(&ada, &app, "/vacancies/switch", bens.user_vacancy_id).await;
    let removed = post_vacancy(&ada, &app, "/vacancies/remove", bens.user_vacancy_id).await;
    let garbage = location(&ada.post_form(&app.url("/vacancies/remove"), &[("vacancy", "DROP TABLE")]).await);

    assert_eq!((switched.as_str(), removed.as_str(), garbage.as_str()), ("/setup", "/setup", "/setup"));
    assert!(ada.page(&app.url("/setup")).await.contains("We could not find that"));
    assert_eq!(links(&app, "ben@example.com").await, [bens], "Ben's vacancy is untouched");
    let adas = setup_of(&ada).await;
    assert_eq!(adas.vacancies.len(), 1);
    assert_eq!(adas.vacancies[0].position_title, "Backend Engineer");
}
