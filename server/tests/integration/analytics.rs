//! Analytics through the server: refused before the first attempt, metrics and standing equal to
//! a hand computation, maintained aggregates equal to a full recomputation after a random run,
//! and the PDF report (opens, holds the numbers, renders, belongs to its owner only).

use std::sync::Arc;

use app::error::AppError;
use app::model::analytics::{Analytics, Comparison, TOO_FEW_TO_COMPARE};
use app::model::interview::{InterviewScreen, Run};
use app::server::db::analytics::{all_stats, histogram, recompute};
use sea_orm::EntityTrait;

use crate::interview::{current, next, running, started, submit};
use crate::support::coach::{ScriptedCoach, scripted_answer};
use crate::support::files::fixture;
use crate::support::{Browser, TestApp, location, spawn_app_with_coach};

async fn scripted_app() -> TestApp {
    spawn_app_with_coach(Arc::new(ScriptedCoach)).await
}

/// Plays a candidate: each entry answers the question on screen with those scores (`Some`) or
/// skips it (`None`), moving to the next question after each.
async fn play(app: &TestApp, name: &str, script: &[Option<(u8, u8, usize)>]) -> Browser {
    let (browser, run) = started(app, name, &format!("{}@example.com", name.to_lowercase())).await;
    play_from(browser, run, script).await
}

/// Like [`play`] for a candidate practising for another vacancy (a job description of their own).
async fn play_elsewhere(app: &TestApp, name: &str, script: &[Option<(u8, u8, usize)>]) -> Browser {
    let browser = app.signed_in(name, &format!("{}@example.com", name.to_lowercase())).await;
    browser.upload("/documents/cv", "cv.pdf", fixture("cv-two-pages.pdf"), None).await;
    let mut jd = fixture("jd.txt");
    jd.extend_from_slice(format!("\nTeam: {name}'s platform group.\n").as_bytes());
    browser.upload("/documents/jd", "other-jd.txt", jd, Some("Platform Engineer")).await;
    let run = running(browser.call_ok("interview/start", &[]).await);
    play_from(browser, run, script).await
}

async fn play_from(browser: Browser, mut run: Run, script: &[Option<(u8, u8, usize)>]) -> Browser {
    for step in script {
        let id = current(&run).question_id;
        if let Some((correctness, relevance, flags)) = step {
            submit(&browser, id, &scripted_answer(*correctness, *relevance, *flags)).await;
        }
        run = next(&browser, id).await;
    }
    browser
}

#[tokio::test]
async fn analytics_open_only_after_the_first_attempt_and_skips_count_without_a_rank() {
    let app = scripted_app().await;
    let (ada, run) = started(&app, "Ada", "ada@example.com").await;

    let refused = ada.call_err("analytics", &[]).await;
    let before: InterviewScreen = ada.call_ok("interview", &[]).await;
    next(&ada, current(&run).question_id).await;
    let after: InterviewScreen = ada.call_ok("interview", &[]).await;
    let analytics: Analytics = ada.call_ok("analytics", &[]).await;

    assert_eq!(
        refused,
        AppError::Conflict("Analytics start after your first answered or skipped question.".into())
    );
    assert!(!before.analytics_available && after.analytics_available);
    assert_eq!(
        (analytics.summary.attempted, analytics.summary.skipped, analytics.summary.evaluated),
        (1, 1, 0)
    );
    assert_eq!(analytics.summary.avg_correctness, None);
    assert_eq!(analytics.overall, Comparison::NotRanked, "only skips: not ranked");
    assert_eq!(analytics.in_vacancy, Comparison::NotRanked);
    assert_eq!(analytics.skills.len(), 10);
    assert_eq!(analytics.skills[0].questions, 1, "the skipped question counts for its skill");
    let page = ada.page(&app.url("/interview")).await;
    assert!(page.contains("href=\"/analytics\""), "the Analytics button appears");
}

#[tokio::test]
async fn metrics_and_standing_match_a_hand_computation() {
    let app = scripted_app().await;
    // Ada: 80 and 60 correctness, one skip; Ben ties her average at 70; Cy leads; Di trails;
    // Eve only skips.
    let ada = play(&app, "Ada", &[Some((80, 60, 1)), Some((60, 40, 0)), None]).await;
    let ben = play(&app, "Ben", &[Some((70, 70, 2))]).await;
    let cy = play(&app, "Cy", &[Some((90, 90, 0))]).await;
    let di = play(&app, "Di", &[Some((50, 20, 3))]).await;
    let eve = play(&app, "Eve", &[None]).await;

    let ada_view: Analytics = ada.call_ok("analytics", &[]).await;
    let ben_view: Analytics = ben.call_ok("analytics", &[]).await;
    let cy_view: Analytics = cy.call_ok("analytics", &[]).await;
    let di_view: Analytics = di.call_ok("analytics", &[]).await;
    let eve_view: Analytics = eve.call_ok("analytics", &[]).await;

    let summary = &ada_view.summary;
    assert_eq!((summary.attempted, summary.skipped, summary.evaluated), (3, 1, 2));
    assert_eq!(summary.avg_correctness, Some(70.0));
    assert_eq!(summary.avg_relevance, Some(50.0));
    assert_eq!(format!("{:.2}", summary.avg_red_flags), "0.33", "1 red flag over 3 attempted");
    // Four ranked candidates: each has three others, too few to compare with.
    for view in [&ada_view, &ben_view, &cy_view, &di_view] {
        assert_eq!((view.overall, view.in_vacancy), (Comparison::TooFew, Comparison::TooFew));
    }
    assert_eq!(eve_view.overall, Comparison::NotRanked);
    assert!(ada_view.distribution.is_empty(), "the bins would show where the three others are");
    let page = ada.page(&app.url("/analytics")).await;
    assert!(page.contains(TOO_FEW_TO_COMPARE) && !page.contains("of 4"), "{page}");

    // Two more make six: everyone now has five others.
    play(&app, "Fay", &[Some((95, 90, 0))]).await;
    play(&app, "Gus", &[Some((40, 40, 1))]).await;
    let ada_view: Analytics = ada.call_ok("analytics", &[]).await;
    let ben_view: Analytics = ben.call_ok("analytics", &[]).await;
    let cy_view: Analytics = cy.call_ok("analytics", &[]).await;
    let di_view: Analytics = di.call_ok("analytics", &[]).await;
    let rank =
        |a: &Analytics| a.overall.ranked().map(|s| (s.rank, s.candidates, format!("{:.1}", s.percentile)));
    assert_eq!(rank(&cy_view), Some((2, 6, "66.7".into())), "Cy beats four of six");
    assert_eq!(rank(&ada_view), Some((3, 6, "33.3".into())), "Ada and Ben tie at 70 and share rank 3");
    assert_eq!(rank(&ben_view), Some((3, 6, "33.3".into())));
    assert_eq!(rank(&di_view), Some((5, 6, "16.7".into())), "the next rank after a tie skips");
    assert_eq!(ada_view.in_vacancy, ada_view.overall, "everyone practised the same job description");
    let bins: Vec<u64> = ada_view.distribution.iter().map(|b| b.candidates).collect();
    assert_eq!(bins, [0, 0, 0, 0, 1, 1, 0, 2, 0, 2]);
    assert!(ada_view.distribution[7].yours && !ada_view.distribution[5].yours);
    let points: Vec<(usize, u8, u8)> =
        ada_view.series.iter().map(|p| (p.number, p.correctness, p.relevance)).collect();
    assert_eq!(points, [(1, 80, 60), (2, 60, 40)]);
    let practised: Vec<(u32, Option<f64>)> =
        ada_view.skills.iter().take(3).map(|s| (s.questions, s.avg_correctness)).collect();
    assert_eq!(practised, [(1, Some(80.0)), (1, Some(60.0)), (1, None)]);
    assert_eq!(ada_view.weakest.len(), 3);
    assert!(!ada_view.weakest.contains(&ada_view.skills[0].skill), "the best skill is not the weakest");
    assert_eq!(ada_view.coaches, ["Scripted coach, scripted-1"]);
    let page = ada.page(&app.url("/analytics")).await;
    assert!(
        page.contains("70.0 %") && page.contains("3 of 6") && page.contains("33.3 %"),
        "the page shows them"
    );
    assert!(page.contains("Correctness per skill") && page.contains("<table class=\"chart-data\""));
}

#[tokio::test]
async fn the_vacancy_rank_needs_five_others_who_practised_the_same_job_description() {
    let app = scripted_app().await;
    let ada = play(&app, "Ada", &[Some((70, 60, 0))]).await;
    for (name, score) in [("Ben", 80), ("Cy", 60), ("Di", 50), ("Eve", 90)] {
        play(&app, name, &[Some((score, 50, 0))]).await;
    }
    // Two more candidates for another vacancy: enough for the overall rank only.
    play_elsewhere(&app, "Fay", &[Some((40, 40, 0))]).await;
    play_elsewhere(&app, "Gus", &[Some((30, 40, 0))]).await;

    let four_others: Analytics = ada.call_ok("analytics", &[]).await;
    let four_page = ada.page(&app.url("/analytics")).await;
    let four_pdf = report_text(&ada, &app).await;
    play(&app, "Hal", &[Some((20, 20, 0))]).await;
    let five_others: Analytics = ada.call_ok("analytics", &[]).await;
    let five_page = ada.page(&app.url("/analytics")).await;
    let five_pdf = report_text(&ada, &app).await;

    let overall = |a: &Analytics| a.overall.ranked().map(|s| (s.rank, s.candidates));
    assert_eq!(overall(&four_others), Some((3, 7)), "Eve and Ben above Ada among all seven");
    assert_eq!(four_others.in_vacancy, Comparison::TooFew, "four others for this job description");
    let in_vacancy =
        five_others.in_vacancy.ranked().map(|s| (s.rank, s.candidates, format!("{:.1}", s.percentile)));
    assert_eq!(in_vacancy, Some((3, 6, "50.0".into())), "Ada beats Cy, Di and Hal of six");
    assert_eq!(overall(&five_others), Some((3, 8)));
    for (page, pdf) in [(&four_page, &four_pdf), (&five_page, &five_pdf)] {
        assert!(
            page.contains("Rank among candidates for this vacancy")
                && pdf.contains("Rank among candidates for this vacancy")
        );
        assert!(page.contains("3 of 7") || page.contains("3 of 8"), "{page}");
    }
    assert!(four_page.contains(TOO_FEW_TO_COMPARE) && four_pdf.contains(TOO_FEW_TO_COMPARE));
    assert!(!five_page.contains(TOO_FEW_TO_COMPARE), "{five_page}");
    assert!(five_page.contains("3 of 6") && five_pdf.contains("3 of 6"), "{five_pdf}");
    assert!(!five_pdf.contains(TOO_FEW_TO_COMPARE), "{five_pdf}");
}

/// The text of the caller's PDF report, on one line.
async fn report_text(browser: &Browser, app: &TestApp) -> String {
    let pdf = browser.post_form(&app.url("/analytics/report"), &[]).await.bytes().await.unwrap();
    let kind = app::server::documents::detect("report.pdf", &pdf).expect("a PDF");
    let text = app::server::documents::extract_blocking(kind, &pdf).expect("readable").text;
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A small deterministic generator, so a failing run can be replayed.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[tokio::test]
async fn maintained_aggregates_equal_a_full_recomputation_after_a_random_run() {
    let app = scripted_app().await;
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut candidates = Vec::new();
    for name in ["Ann", "Bob", "Cat", "Dan"] {
        let (browser, run) = started(&app, name, &format!("{}@example.com", name.to_lowercase())).await;
        candidates.push((browser, current(&run).question_id));
    }

    for _ in 0..40 {
        let who = random.below(candidates.len() as u64) as usize;
        let (browser, question) = &candidates[who];
        let action = random.below(10);
        let run = if action < 6 {
            let answer =
                scripted_answer(random.below(101) as u8, random.below(101) as u8, random.below(4) as usize);
            let _ = submit(browser, *question, &answer).await;
            next(browser, *question).await
        } else if action < 9 {
            next(browser, *question).await
        } else {
            // Reset now and then: archived interviews still count.
            let _: InterviewScreen = browser.call_ok("interview/reset", &[]).await;
            crate::interview::running(browser.call_ok("interview/start", &[]).await)
        };
        candidates[who].1 = current(&run).question_id;
    }

    let stored = all_stats(&app.db).await.unwrap();
    let recomputed = recompute(&app.db).await.unwrap();
    assert_eq!(stored.len(), recomputed.len());
    assert!(stored.iter().any(|s| s.evaluated > 0), "the run evaluated answers");
    for (kept, fresh) in stored.iter().zip(&recomputed) {
        let kept_totals = (
            kept.user_id,
            kept.attempted,
            kept.skipped,
            kept.evaluated,
            kept.correctness_sum,
            kept.relevance_sum,
            kept.red_flags_sum,
        );
        let fresh_totals = (
            fresh.user_id,
            fresh.attempted,
            fresh.skipped,
            fresh.evaluated,
            fresh.correctness_sum,
            fresh.relevance_sum,
            fresh.red_flags_sum,
        );
        assert_eq!(kept_totals, fresh_totals);
        let expected_key = (fresh.evaluated > 0)
            .then(|| ((fresh.correctness_sum * 200 + fresh.evaluated) / (2 * fresh.evaluated)) as i32);
        assert_eq!(kept.rank_key, expected_key);
    }
    let mut expected_histogram: Vec<(i32, i64)> = Vec::new();
    for key in stored.iter().filter_map(|s| s.rank_key) {
        match expected_histogram.iter_mut().find(|(k, _)| *k == key) {
            Some((_, count)) => *count += 1,
            None => expected_histogram.push((key, 1)),
        }
    }
    let mut actual = histogram(&app.db).await.unwrap();
    expected_histogram.sort();
    actual.sort();
    assert_eq!(actual, expected_histogram, "the histogram counts every ranked candidate once");
}

/// The PDF's pixels as an 8-bit greyscale image, rendered by poppler's `pdftoppm`.
fn render_first_page(pdf: &std::path::Path) -> Vec<u8> {
    let out = pdf.with_extension("");
    let status = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&out)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    let image = std::fs::read(out.with_extension("pgm")).expect("pdftoppm wrote a PGM");
    // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    let header_end = image.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(2).expect("a PGM header").0;
    image[header_end + 1..].to_vec()
}

#[tokio::test]
async fn the_pdf_report_holds_the_numbers_renders_and_is_only_for_its_owner() {
    let app = scripted_app().await;
    let ada = play(&app, "Ada", &[Some((80, 60, 1)), Some((60, 40, 0)), None]).await;
    let ben = play(&app, "Ben", &[Some((70, 70, 2))]).await;

    // The report is the response to the request that asks for it: no second request, no
    // file on this instance's disk that another instance would not have.
    let download = ada.post_form(&app.url("/analytics/report"), &[]).await;
    assert_eq!(download.status(), 200);
    let headers = download.headers().clone();
    let pdf = download.bytes().await.unwrap().to_vec();
    let for_visitor = app.browser().post_form(&app.url("/analytics/report"), &[]).await;

    assert_eq!(headers["content-type"], "application/pdf");
    assert!(headers["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert!(headers["cache-control"].to_str().unwrap().contains("no-store"));
    assert_eq!(location(&for_visitor), "/signin", "a visitor is sent to sign in");
    let bens = ben.post_form(&app.url("/analytics/report"), &[]).await.bytes().await.unwrap().to_vec();
    let kind = app::server::documents::detect("report.pdf", &bens).unwrap();
    let bens_text = app::server::documents::extract_blocking(kind, &bens).unwrap().text;
    assert!(
        !bens_text.contains("ada@example.com") && bens_text.contains("ben@example.com"),
        "each gets their own"
    );
    let document = lopdf::Document::load_mem(&pdf).expect("lopdf opens the report");
    assert!(!document.get_pages().is_empty());
    assert!(pdf.len() < 1_500_000, "the report is compressed: {} bytes", pdf.len());
    let kind = app::server::documents::detect("report.pdf", &pdf).unwrap();
    let text = app::server::documents::extract_blocking(kind, &pdf).expect("text can be extracted").text;
    for expected in [
        "Ada Tester",
        "ada@example.com",
        "Backend Engineer",
        "70.0 %",
        "50.0 %",
        "0.33",
        TOO_FEW_TO_COMPARE,
        "Scripted coach, scripted-1",
        "Probabilistic coaching, not truth",
    ] {
        assert!(text.contains(expected), "the report shows {expected:?}:\n{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let pixels = render_first_page(&file);
    let ink = pixels.iter().filter(|p| **p < 128).count();
    assert!(ink > pixels.len() / 200, "the first page is not blank: {ink} dark pixels of {}", pixels.len());
    let events = app::server::db::entities::events::Entity::find().all(&app.db).await.unwrap();
    let exported = events.iter().find(|e| e.name == "REPORT_EXPORTED").expect("REPORT_EXPORTED is recorded");
    assert!(exported.detail.as_deref().is_some_and(|d| d.contains(".pdf")), "its path is logged");
}

#[tokio::test]
async fn concurrent_evaluations_of_many_candidates_keep_the_aggregates_exact() {
    let app = scripted_app().await;
    let mut candidates = Vec::new();
    for name in ["Ann", "Bob", "Cat", "Dan", "Eve", "Fay"] {
        let (browser, run) = started(&app, name, &format!("{}@example.com", name.to_lowercase())).await;
        candidates.push((browser, current(&run).question_id));
    }

    // Two rounds in which candidates' averages cross each other's, all at once.
    for round in 0..2_u8 {
        let submits = candidates.iter().enumerate().map(|(i, (browser, question))| {
            let score = if (i as u8 + round).is_multiple_of(2) { 50 } else { 60 };
            async move {
                submit(browser, *question, &scripted_answer(score, score, 1)).await;
                next(browser, *question).await
            }
        });
        let runs = futures_util::future::join_all(submits).await;
        for ((_, question), run) in candidates.iter_mut().zip(runs) {
            *question = current(&run).question_id;
        }
    }

    let stored = all_stats(&app.db).await.unwrap();
    let recomputed = recompute(&app.db).await.unwrap();
    let sums = |evaluated: i64, correctness: i64| (evaluated, correctness);
    assert_eq!(
        stored.iter().map(|s| sums(s.evaluated, s.correctness_sum)).collect::<Vec<_>>(),
        recomputed.iter().map(|s| sums(s.evaluated, s.correctness_sum)).collect::<Vec<_>>()
    );
    assert_eq!(histogram(&app.db).await.unwrap(), vec![(5500, 6)], "everyone averages 55 %");
}
