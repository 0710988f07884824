//! `/account/deleted`: where the browser lands after its account was deleted, signed out.

use leptos::prelude::*;

#[component]
pub fn AccountDeleted() -> impl IntoView {
    view! {
        <section class="panel narrow" aria-labelledby="deleted-title">
            <h1 id="deleted-title">"Your account is deleted"</h1>
            <p>
                "Your profile, documents, interviews, answers, feedback and reports are gone, and you are \
                 signed out. You are welcome to sign up again at any time; you would start afresh."
            </p>
            <a class="button primary" href="/">"Home"</a>
        </section>
    }
}
