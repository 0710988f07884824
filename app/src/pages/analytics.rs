//! `/analytics`: the candidate's metrics, standing among all candidates, per-skill results,
//! four D3 charts (each with its numbers as a table) and "Download PDF".

use leptos::prelude::*;
use leptos_meta::Script;

use crate::api::analytics::get_analytics;
use crate::components::chart::ChartFrame;
use crate::components::problem::loaded;
use crate::model::analytics::{Analytics, percent};

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let analytics = Resource::new(|| (), |_| get_analytics());
    view! {
        <Script src="/vendor/d3.min.js" defer="" attr:data-d3=""/>
        <h1>"Your progress"</h1>
        {loaded(analytics, |analytics| view! { <AnalyticsView analytics/> }.into_any())}
    }
}

#[component]
fn AnalyticsView(analytics: Analytics) -> impl IntoView {
    let Analytics { position_title, summary, standing, series, skills, weakest, distribution, coaches } =
        analytics;
    let standing_text = match standing {
        Some(s) => format!("{} of {}", s.rank, s.candidates),
        None => "not ranked yet".to_owned(),
    };
    let percentile_text =
        standing.map_or_else(|| "\u{2014}".to_owned(), |s| format!("{:.1} %", s.percentile));
    let metrics = [
        ("Questions attempted", summary.attempted.to_string()),
        ("Average correctness", percent(summary.avg_correctness)),
        ("Average role relevance", percent(summary.avg_relevance)),
        ("Red flags per question", format!("{:.2}", summary.avg_red_flags)),
        ("Rank by correctness", standing_text),
        ("Candidates you outperform", percentile_text),
    ];
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
    view! {
        <p class="lead">{position_title}</p>
        <p class="analytics-actions">
            <a class="button secondary" href="/interview">"Back to the interview"</a>
            <form method="post" action="/analytics/report" class="inline-form">
                <button type="submit" class="button primary">"Download PDF"</button>
            </form>
        </p>
        <dl class="metrics" aria-label="Summary">
            {metrics.into_iter().map(|(label, value)| view! {
                <div class="metric"><dt>{label}</dt><dd>{value}</dd></div>
            }).collect_view()}
        </dl>
        <p class="hint">
            {format!("{} answered, {} skipped, {} with feedback. ", summary.attempted - summary.skipped, summary.skipped, summary.evaluated)}
            "Rank 1 is the highest average correctness among all candidates with feedback; equal averages share a rank."
        </p>
        {(!weakest.is_empty()).then(|| view! {
            <p class="weakest"><strong>"Practise next: "</strong>{weakest.join(", ")}</p>
        })}
        <div class="charts">
            <ChartFrame kind="progress" title="Correctness and role relevance per answer" data=series_json>
                <table class="chart-data">
                    <thead><tr><th scope="col">"Answer"</th><th scope="col">"Skill"</th><th scope="col">"Correctness"</th><th scope="col">"Role relevance"</th></tr></thead>
                    <tbody>
                        {series.into_iter().map(|p| view! {
                            <tr><td>{p.number}</td><td>{p.skill}</td><td>{format!("{} %", p.correctness)}</td><td>{format!("{} %", p.relevance)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </ChartFrame>
            <ChartFrame kind="averages" title="Average correctness and role relevance" data=averages_json>
                <table class="chart-data">
                    <thead><tr><th scope="col">"Measure"</th><th scope="col">"Average"</th></tr></thead>
                    <tbody>
                        <tr><td>"Correctness"</td><td>{percent(summary.avg_correctness)}</td></tr>
                        <tr><td>"Role relevance"</td><td>{percent(summary.avg_relevance)}</td></tr>
                    </tbody>
                </table>
            </ChartFrame>
            <ChartFrame kind="distribution" title="All candidates' average correctness (you are marked)" data=distribution_json>
                <table class="chart-data">
                    <thead><tr><th scope="col">"Average correctness"</th><th scope="col">"Candidates"</th></tr></thead>
                    <tbody>
                        {distribution.into_iter().map(|b| view! {
                            <tr class:mine=b.yours>
                                <td>{format!("{}–{} %", b.from, b.to)}{b.yours.then_some(" (you)")}</td>
                                <td>{b.candidates}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </ChartFrame>
            <ChartFrame kind="skills" title="Correctness per skill" data=skills_json>
                <table class="chart-data">
                    <thead><tr><th scope="col">"Skill"</th><th scope="col">"Questions"</th><th scope="col">"Average correctness"</th></tr></thead>
                    <tbody>
                        {skills.into_iter().map(|s| view! {
                            <tr><td>{s.skill}</td><td>{s.questions}</td><td>{percent(s.avg_correctness)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </ChartFrame>
        </div>
        <p class="hint">"Scores by " {coaches.join("; ")} ". Probabilistic coaching, not truth."</p>
    }
}
