//! `/analytics`: the candidate's metrics, standing among all candidates, per-skill results,
//! four D3 charts (each with its numbers as a table) and "Download PDF".

use leptos::prelude::*;
use leptos_meta::Script;

use crate::api::analytics::get_analytics;
use crate::components::chart::{ChartFrame, TableRow};
use crate::components::problem::{loaded, page_data};
use crate::model::analytics::{Analytics, MIN_OTHER_CANDIDATES, SpokenPoint, TOO_FEW_TO_COMPARE, percent};

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let analytics = page_data(|| (), |_| get_analytics());
    view! {
        <Script src="/vendor/d3.min.js" defer="" attr:data-d3=""/>
        <h1>"Your progress"</h1>
        {loaded(analytics, |analytics| view! { <AnalyticsView analytics/> }.into_any())}
    }
}

#[component]
fn AnalyticsView(analytics: Analytics) -> impl IntoView {
    let metrics = analytics.summary_rows();
    let Analytics { position_title, summary, series, skills, weakest, distribution, coaches, spoken, .. } =
        analytics;
    let averages_json = serde_json::json!({
        "correctness": summary.avg_correctness, "relevance": summary.avg_relevance
    })
    .to_string();
    let series_json = serde_json::to_string(&series).unwrap_or_default();
    let distribution_json = serde_json::to_string(&distribution).unwrap_or_default();
    let skills_json = serde_json::to_string(
        &skills
            .iter()
            .map(|s| serde_json::json!({"skill": s.skill, "questions": s.questions, "correctness": s.avg_correctness}))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default();
    let progress_rows = series
        .iter()
        .map(|p| {
            TableRow::new(vec![
                p.number.to_string(),
                p.skill.clone(),
                format!("{} %", p.correctness),
                format!("{} %", p.relevance),
            ])
        })
        .collect();
    let average_rows = vec![
        TableRow::new(vec!["Correctness".into(), percent(summary.avg_correctness)]),
        TableRow::new(vec!["Role relevance".into(), percent(summary.avg_relevance)]),
    ];
    let distribution_rows = distribution
        .iter()
        .map(|b| TableRow {
            cells: vec![
                format!("{}–{} %{}", b.from, b.to, if b.yours { " (you)" } else { "" }),
                b.candidates.to_string(),
            ],
            mine: b.yours,
        })
        .collect();
    let skill_rows = skills
        .iter()
        .map(|s| {
            TableRow::new(vec![
                s.skill.clone(),
                s.questions.to_string(),
                percent(s.avg_correctness),
                s.progress_text(),
            ])
        })
        .collect();
    let spoken_chart = (!spoken.is_empty()).then(|| {
        let json = serde_json::to_string(&spoken).unwrap_or_default();
        let rows = spoken.iter().map(|p| TableRow::new(p.cells())).collect();
        view! {
            <ChartFrame kind="pace" title="Speaking pace per spoken answer (comfortable band shaded)" data=json
                headers=&SpokenPoint::HEADERS rows/>
        }
    });
    view! {
        <p class="lead">{position_title}</p>
        // A `<div>`, not a `<p>`: the browser's parser closes a `<p>` at a `<form>`, and the DOM it
        // builds would no longer match what hydration expects.
        <div class="analytics-actions">
            <a class="button secondary" href="/interview">"Back to the interview"</a>
            <form method="post" action="/analytics/report" class="inline-form">
                <button type="submit" class="button primary">"Download PDF"</button>
            </form>
        </div>
        <dl class="metrics" aria-label="Summary">
            {metrics.into_iter().map(|(label, value)| view! {
                <div class="metric"><dt>{label}</dt><dd>{value}</dd></div>
            }).collect_view()}
        </dl>
        <p class="hint">
            {format!("{} answered, {} skipped, {} with feedback. ", summary.attempted - summary.skipped, summary.skipped, summary.evaluated)}
            "Rank 1 is the highest average correctness among candidates with feedback; equal averages share a rank. \
             A rank is shown once at least five other candidates are in the group, so no one can work out another person's scores."
        </p>
        {(!weakest.is_empty()).then(|| view! {
            <p class="weakest"><strong>"Practise next: "</strong>{weakest.join(", ")}</p>
        })}
        <div class="charts">
            <ChartFrame kind="progress" title="Correctness and role relevance per answer" data=series_json
                headers=&["Answer", "Skill", "Correctness", "Role relevance"] rows=progress_rows/>
            <ChartFrame kind="averages" title="Average correctness and role relevance" data=averages_json
                headers=&["Measure", "Average"] rows=average_rows/>
            {if distribution.is_empty() {
                view! {
                    <figure class="chart-frame" aria-labelledby="chart-distribution">
                        <figcaption id="chart-distribution">"All candidates' average correctness"</figcaption>
                        <p class="hint">{format!("{}: the chart appears once {} other candidates have feedback.", crate::messages::capitalised(TOO_FEW_TO_COMPARE), MIN_OTHER_CANDIDATES)}</p>
                    </figure>
                }.into_any()
            } else {
                view! {
                    <ChartFrame kind="distribution" title="All candidates' average correctness (you are marked)"
                        data=distribution_json headers=&["Average correctness", "Candidates"] rows=distribution_rows/>
                }.into_any()
            }}
            <ChartFrame kind="skills" title="Correctness per skill" data=skills_json
                headers=&["Skill", "Questions", "Average correctness", "First \u{2192} latest"] rows=skill_rows/>
            {spoken_chart}
        </div>
        <p class="hint">"Scores by " {coaches.join("; ")} ". Probabilistic coaching, not truth."</p>
    }
}
