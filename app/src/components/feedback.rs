//! The coach's feedback on one answer: scores, rewrite, improvements, red flags, hint, the
//! follow-up behind "Show follow-up", and the fallacy ribbon with its "Read more".
//!
//! The expanders are `<details>` elements: they open with the keyboard and without JavaScript.

use leptos::prelude::*;

use crate::model::delivery::Delivery;
use crate::model::interview::{FallacyNote, Feedback};

/// Shown with every fallacy: the detector is a heuristic, not a verdict.
pub const FALLACY_DISCLAIMER: &str = "Probabilistic coaching, not truth.";

#[component]
pub fn FeedbackPanel(feedback: Feedback) -> impl IntoView {
    let Feedback {
        correctness,
        role_relevance,
        improvements,
        red_flags,
        suggested_rewrite,
        followup_question,
        coach_hint,
        fallacy,
        coach,
    } = feedback;
    view! {
        <section class="feedback" aria-label="Feedback">
            {fallacy.map(|note| view! { <FallacyRibbon note=note/> })}
            <div class="scores">
                <ScoreBar label="Correctness" value=correctness/>
                <ScoreBar label="Role relevance" value=role_relevance/>
            </div>
            <h4>"Suggested rewrite"</h4>
            <p class="rewrite">{suggested_rewrite}</p>
            <BulletList heading="Improvements" items=improvements empty="Nothing to add: keep answering like this."/>
            <BulletList heading="Red flags" items=red_flags empty="No red flags."/>
            <p class="coach-hint"><strong>"Coach hint: "</strong>{coach_hint}</p>
            {followup_question.map(|question| view! {
                <details class="followup">
                    <summary>"Show follow-up"</summary>
                    <p>{question}</p>
                </details>
            })}
            <p class="hint">"Feedback by " {coach}</p>
        </section>
    }
}

/// How a spoken answer was delivered: time, pace, fillers and pauses, each with what it means.
#[component]
pub fn DeliveryPanel(delivery: Delivery) -> impl IntoView {
    view! {
        <section class="delivery" aria-label="How you spoke">
            <h4>"How you spoke"</h4>
            <dl class="delivery-lines">
                {delivery.lines().into_iter().map(|line| view! {
                    <div class="delivery-line">
                        <dt>{line.label}</dt>
                        <dd><strong>{line.value}</strong>" \u{2014} "{line.advice}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn ScoreBar(label: &'static str, value: u8) -> impl IntoView {
    view! {
        <div class="score">
            <span class="score-label">{label}</span>
            <meter min="0" max="100" low="40" high="75" optimum="100" value=value.to_string()
                aria-label=format!("{label} {value}%")></meter>
            <span class="score-value">{format!("{value}%")}</span>
        </div>
    }
}

#[component]
fn BulletList(heading: &'static str, items: Vec<String>, empty: &'static str) -> impl IntoView {
    view! {
        <h4>{heading}</h4>
        {if items.is_empty() {
            view! { <p class="hint">{empty}</p> }.into_any()
        } else {
            view! {
                <ul aria-label=heading>
                    {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// The orange "Fallacy Detected" banner.
#[component]
pub fn FallacyRibbon(note: FallacyNote) -> impl IntoView {
    let FallacyNote { name, definition, why, interview_risk } = note;
    view! {
        <div class="fallacy-ribbon" role="note" aria-label="Fallacy detected">
            <p class="ribbon-title">{format!("Fallacy Detected \u{2014} {name}")}</p>
            <details>
                <summary>"Read more"</summary>
                <dl>
                    {(!definition.is_empty()).then(|| view! { <dt>"What it is"</dt><dd>{definition}</dd> })}
                    <dt>"Why your answer may fit"</dt>
                    <dd>{why}</dd>
                    {(!interview_risk.is_empty()).then(|| view! {
                        <dt>"Why it can be a red flag in interviews"</dt><dd>{interview_risk}</dd>
                    })}
                </dl>
                <p class="disclaimer">{FALLACY_DISCLAIMER}</p>
            </details>
        </div>
    }
}
