//! The landing page a visitor sees before signing in.

use leptos::prelude::*;

/// Explains what the coach does, in the order the candidate will do it.
#[component]
pub fn Landing() -> impl IntoView {
    view! {
        <section class="hero" aria-labelledby="hero-title">
            <h1 id="hero-title">"Practise the interview for the job you want"</h1>
            <p class="lead">
                "Bring your CV and the job description. The coach finds the ten skills this "
                "vacancy asks for, questions you on each of them, and scores every answer."
            </p>
            <a class="button primary" href="/setup">"Start practising"</a>
        </section>
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
