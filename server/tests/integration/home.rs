//! The home page: the introduction for a visitor and for a candidate who has not started; for
//! a returning candidate, where they are ("Continue: question 2", skills covered) and the way on.

use app::model::home::{Home, NextStep, Returning};
use app::model::interview::Progress;

use crate::interview::{current, next, started};
use crate::support::files::fixture;
use crate::support::spawn_app;

fn returning(home: Home) -> Returning {
    match home {
        Home::Returning(returning) => returning,
        Home::Introduction => panic!("expected a returning candidate's home"),
    }
}

#[tokio::test]
async fn visitors_and_candidates_who_have_not_started_get_the_introduction() {
    let app = spawn_app().await;
    let visitor = app.browser();
    let ada = app.signed_in("Ada", "ada@example.com").await;

    assert_eq!(visitor.call_ok::<Home>("home", &[]).await, Home::Introduction);
    assert_eq!(ada.call_ok::<Home>("home", &[]).await, Home::Introduction);
    let page = visitor.page(&app.url("/")).await;
    assert!(page.contains("Practise the interview for the job you want"), "{page}");
}

#[tokio::test]
async fn a_returning_candidate_sees_where_they_are_and_only_their_own_interview() {
    let app = spawn_app().await;

    // Only the CV: the next step is the job description.
    let grace = app.signed_in("Grace", "grace@example.com").await;
    grace.upload("/documents/cv", "cv.pdf", fixture("cv-two-pages.pdf"), None).await;
    let home = returning(grace.call_ok("home", &[]).await);
    assert!(matches!(home.step, NextStep::Upload { .. }), "{home:?}");
    assert_eq!((home.first_name.as_str(), home.position_title.as_str()), ("Grace", ""));

    // An interview under way, two questions asked, the first skipped.
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;
    let second = next(&ada, current(&run).question_id).await;
    let home = returning(ada.call_ok("home", &[]).await);
    assert_eq!(home.position_title, "Backend Engineer");
    assert_eq!(home.step, NextStep::Continue { question: 2, progress: Progress { covered: 2, total: 10 } });
    assert_eq!(second.turns.len(), 2);
    assert!(home.analytics_available, "a skip opens analytics");

    let page = ada.page(&app.url("/")).await;
    for shown in [
        "Welcome back, Ada",
        "Practising for: Backend Engineer",
        "Continue: question 2",
        "2 of 10 skills covered so far.",
    ] {
        assert!(page.contains(shown), "{shown:?} missing from {page}");
    }

    // Grace's home is still her own.
    let home = returning(grace.call_ok("home", &[]).await);
    assert!(matches!(home.step, NextStep::Upload { .. }) && !home.analytics_available, "{home:?}");
}

#[tokio::test]
async fn after_a_reset_the_home_page_offers_to_start_again() {
    let app = spawn_app().await;
    let (ada, _) = started(&app, "Ada", "ada@example.com").await;

    let _: app::model::interview::InterviewScreen = ada.call_ok("interview/reset", &[]).await;

    assert_eq!(returning(ada.call_ok("home", &[]).await).step, NextStep::Start);
}
