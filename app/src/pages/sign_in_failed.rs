//! `/signin/failed`: where any failed sign-in lands. The reason is in the server log; the
//! page only says what the person can do. One reason has its own words
//! (`?reason=account-exists`): the e-mail belongs to an account this sign-in may not enter.
//! The query can only choose between the page's own texts; it never puts text on the page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::paths;

#[component]
pub fn SignInFailed() -> impl IntoView {
    let account_exists = use_query_map().get_untracked().get("reason").as_deref() == Some("account-exists");
    let explanation = if account_exists {
        "An account with this e-mail already exists; sign in the way you did before."
    } else {
        "We could not sign you in. This happens when a sign-in link is used twice, takes too long, \
         or is opened in a different browser."
    };
    view! {
        <section class="panel narrow" aria-labelledby="failed-title">
            <h1 id="failed-title">"Sign-in failed"</h1>
            <p>{explanation}</p>
            <a class="button primary" href=paths::SIGN_IN>"Try again"</a>
        </section>
    }
}
