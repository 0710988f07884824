//! `/history`: every interview of every vacancy, running and reset, with what happened in it;
//! `/history/<number>`: one of them as it was, read-only.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::history::{get_history, get_past_interview};
use crate::components::problem::{loaded, page_data};
use crate::components::turn::PastTurn;
use crate::model::analytics::percent;
use crate::model::history::{History, InterviewSummary, PastInterview};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let history = page_data(|| (), |_| get_history());
    view! {
        <h1>"Your interviews"</h1>
        {loaded(history, |history| view! { <HistoryList history/> }.into_any())}
    }
}

#[component]
fn HistoryList(history: History) -> impl IntoView {
    if history.vacancies.iter().all(|v| v.interviews.is_empty()) {
        return view! {
            <p class="lead">"No interviews yet."</p>
            <a class="button primary" href="/setup">"Prepare your interview"</a>
        }
        .into_any();
    }
    history
        .vacancies
        .into_iter()
        .filter(|vacancy| !vacancy.interviews.is_empty())
        .map(|vacancy| {
            let label = vacancy.position_title.clone();
            view! {
                <section class="panel history" aria-label=label>
                    <h2>
                        {vacancy.position_title}
                        {vacancy.current.then(|| view! { <span class="chip">"Current"</span> })}
                    </h2>
                    <table class="history-table">
                        <thead>
                            <tr>
                                <th scope="col">"Interview"</th>
                                <th scope="col">"Started"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Answered"</th>
                                <th scope="col">"Skipped"</th>
                                <th scope="col">"Correctness"</th>
                                <th scope="col">"Role relevance"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {vacancy.interviews.into_iter().map(|i| view! { <InterviewRow interview=i/> }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn InterviewRow(interview: InterviewSummary) -> impl IntoView {
    let InterviewSummary {
        number, started, running, answered, skipped, avg_correctness, avg_relevance, ..
    } = interview;
    view! {
        <tr>
            <td><a href=format!("/history/{number}")>{format!("Interview {number}")}</a></td>
            <td>{started}</td>
            <td>{if running { "in progress" } else { "reset" }}</td>
            <td>{answered.to_string()}</td>
            <td>{skipped.to_string()}</td>
            <td>{percent(avg_correctness)}</td>
            <td>{percent(avg_relevance)}</td>
        </tr>
    }
}

#[component]
pub fn PastInterviewPage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.with(|p| p.get("number").and_then(|n| n.parse::<u32>().ok()).unwrap_or(0));
    let past = page_data(number, get_past_interview);
    view! {
        {loaded(past, |past| view! { <PastInterviewView past/> }.into_any())}
    }
}

#[component]
fn PastInterviewView(past: PastInterview) -> impl IntoView {
    let PastInterview { number, position_title, started, status, turns } = past;
    view! {
        <h1>{format!("Interview {number}")}</h1>
        <p class="lead">{position_title}</p>
        <p class="hint">{format!("Started {started}; {status}. Read-only: this is the interview as it was.")}</p>
        <p><a href="/history">"All your interviews"</a></p>
        {if turns.is_empty() {
            view! { <p>"No question was asked in this interview."</p> }.into_any()
        } else {
            view! {
                <ol class="turns" aria-label="Questions">
                    {turns.into_iter().map(|turn| view! { <PastTurn turn/> }).collect_view()}
                </ol>
            }
            .into_any()
        }}
    }
}
