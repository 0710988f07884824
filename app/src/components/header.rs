//! The site header: logo placeholder on the left, the account area on the right.

use leptos::prelude::*;

/// The header shown on every page. The account area on the right is where sign-in places
/// "Welcome, <name>" and "Sign out"; until then it stays empty rather than pretending.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/" aria-label="Interview Coach home">
                <img class="brand-logo" src="/logo.svg" alt="" width="36" height="36"/>
                <span class="brand-name">"Interview Coach"</span>
            </a>
            <div class="account" aria-label="Account"></div>
        </header>
    }
}
