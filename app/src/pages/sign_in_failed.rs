//! `/signin/failed`: where any failed sign-in lands. The reason is in the server log; the
//! page only says what the person can do.

use leptos::prelude::*;

#[component]
pub fn SignInFailed() -> impl IntoView {
    view! {
        <section class="panel narrow" aria-labelledby="failed-title">
            <h1 id="failed-title">"Sign-in failed"</h1>
            <p>
                "We could not sign you in. This happens when a sign-in link is used twice, takes "
                "too long, or is opened in a different browser."
            </p>
            <a class="button primary" href="/signin">"Try again"</a>
        </section>
    }
}
