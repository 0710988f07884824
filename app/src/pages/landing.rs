//! The home page: the introduction for a visitor and a candidate who has not started; for a
//! returning candidate, where they are and the way on.

use leptos::prelude::*;

use crate::api::home::get_home;
use crate::components::problem::{loaded, page_data};
use crate::model::home::{Home, NextStep, Returning};

#[component]
pub fn Landing() -> impl IntoView {
    let home = page_data(|| (), |_| get_home());
    view! {
        {loaded(home, |home| match home {
            Home::Introduction => view! { <Introduction/> }.into_any(),
            Home::Returning(returning) => view! { <WhereYouAre returning/> }.into_any(),
        })}
        <HowItWorks/>
    }
}

/// The introduction's call to action.
#[component]
fn Introduction() -> impl IntoView {
    view! {
        <section class="hero" aria-labelledby="hero-title">
            <h1 id="hero-title">"Practise the interview for the job you want"</h1>
            <p class="lead">
                "Bring your CV and the job description. The coach finds the ten skills this "
                "vacancy asks for, questions you on each of them, and scores every answer."
            </p>
            <a class="button primary" href="/setup">"Start practising"</a>
        </section>
    }
}

/// A returning candidate's current vacancy and next step.
#[component]
fn WhereYouAre(returning: Returning) -> impl IntoView {
    let Returning { first_name, position_title, step, analytics_available } = returning;
    let vacancy = if position_title.is_empty() {
        "No job description yet.".to_owned()
    } else {
        format!("Practising for: {position_title}")
    };
    let (status, action, href) = match step {
        NextStep::Upload { reason } => (reason, "Go to your documents".to_owned(), "/setup"),
        NextStep::Start => (
            "Your CV and the job description are in.".to_owned(),
            "Start the interview".to_owned(),
            "/interview",
        ),
        NextStep::Continue { question, progress } => (
            format!("{} of {} skills covered so far.", progress.covered, progress.total),
            format!("Continue: question {question}"),
            "/interview",
        ),
    };
    view! {
        <section class="hero" aria-labelledby="home-title">
            <h1 id="home-title">{format!("Welcome back, {first_name}")}</h1>
            <p class="lead">{vacancy}</p>
            <p class="home-status">{status}</p>
            <div class="home-actions">
                <a class="button primary" href=href>{action}</a>
                {analytics_available.then(|| view! { <a class="button" href="/analytics">"Your progress"</a> })}
                <a class="button" href="/setup">"Your documents and vacancies"</a>
                <a class="button" href="/history">"All your interviews"</a>
            </div>
        </section>
    }
}

/// How practising works, in the order the candidate will do it.
#[component]
fn HowItWorks() -> impl IntoView {
    view! {
        <section class="steps" aria-label="How it works">
            <ol>
                <li>
                    <h2>"Upload your CV and the job description"</h2>
                    <p>"PDF, Word or plain text. The position title comes with the job description."</p>
                </li>
                <li>
                    <h2>"Answer questions on the ten key skills"</h2>
                    <p>"Every skill is covered before any is repeated. Skip any question you like."</p>
                </li>
                <li>
                    <h2>"Get honest feedback"</h2>
                    <p>
                        "Correctness and role relevance, what to improve, red flags, a stronger "
                        "version of your answer, and a warning when an argument looks like a fallacy."
                    </p>
                </li>
                <li>
                    <h2>"See where you stand"</h2>
                    <p>"Track your progress, compare with other candidates and download a PDF report."</p>
                </li>
            </ol>
        </section>
    }
}
