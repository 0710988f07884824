//! One question card: its number, skill, category, difficulty and text, with what the candidate
//! did with it below (the interview's forms, or the history's read-only record).

use leptos::prelude::*;

use crate::components::feedback::{DeliveryPanel, FeedbackPanel};
use crate::model::interview::{Reply, Retake, Turn};

/// The card of a question; `children` is what follows the question text.
#[component]
pub fn TurnFrame(
    number: usize,
    skill: String,
    category: String,
    difficulty: String,
    question: String,
    #[prop(optional)] current: bool,
    #[prop(optional_no_strip)] retake: Option<Retake>,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("question-{number}");
    let labelled_by = heading_id.clone();
    view! {
        <li class="turn panel" class:current=current aria-labelledby=labelled_by>
            <h2 id=heading_id class="turn-heading">{format!("Question {number}")}</h2>
            <p class="question-tags">
                <span class="chip">{skill}</span>
                <span class="tag">{category}</span>
                <span class="tag">{difficulty}</span>
            </p>
            <p class="question">{question}</p>
            {retake.map(|retake| view! { <p class="retake-note hint">{retake.note()}</p> })}
            {children()}
        </li>
    }
}

/// The answer as submitted, with how a spoken one was delivered.
#[component]
pub fn AnswerText(text: String, delivery: Option<crate::model::delivery::Delivery>) -> impl IntoView {
    view! {
        <div class="answer">
            <h4>"Your answer"</h4>
            <p class="answer-text">{text}</p>
        </div>
        {delivery.map(|delivery| view! { <DeliveryPanel delivery/> })}
    }
}

/// What the candidate did with a question: `open` stands for an unanswered one, `unevaluated`
/// for feedback that is missing; skips and answers with feedback read the same everywhere.
/// A retake's feedback starts with what changed since the attempt before.
pub fn reply_view(reply: Reply, retake: Option<&Retake>, open: AnyView, unevaluated: AnyView) -> AnyView {
    match reply {
        Reply::Open => open,
        Reply::Skipped => view! { <p class="hint skipped">"Skipped."</p> }.into_any(),
        Reply::Answered { text, feedback, delivery } => {
            let change = feedback.as_ref().zip(retake).and_then(|(feedback, retake)| retake.change(feedback));
            view! {
                <AnswerText text delivery/>
                {change.map(|change| view! { <p class="retake-change" role="status">{change}</p> })}
                {match feedback {
                    Some(feedback) => view! { <FeedbackPanel feedback=*feedback/> }.into_any(),
                    None => unevaluated,
                }}
            }
            .into_any()
        }
    }
}

/// "Not answered." for a question that was left.
pub fn not_answered() -> AnyView {
    view! { <p class="hint">"Not answered."</p> }.into_any()
}

/// A question as it was, read-only (the history).
#[component]
pub fn PastTurn(turn: Turn) -> impl IntoView {
    let Turn { number, question, skill, category, difficulty, reply, retake, .. } = turn;
    let unevaluated = view! { <p class="hint">"The coach did not evaluate this answer."</p> }.into_any();
    let reply = reply_view(reply, retake.as_ref(), not_answered(), unevaluated);
    view! { <TurnFrame number skill category difficulty question retake=retake>{reply}</TurnFrame> }
}
