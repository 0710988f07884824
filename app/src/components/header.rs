//! The site header: logo placeholder on the left, the account area on the right.

use leptos::prelude::*;

use crate::api::account::get_visitor;
use crate::components::problem::page_data;
use crate::model::account::{SignInMethod, Visitor};
use crate::paths;

/// The header shown on every page: "Welcome, <first name>", the e-mail and "Sign out" once
/// signed in; "Sign in" otherwise.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let visitor = page_data(|| (), |_| get_visitor());
    view! {
        <header class="site-header">
            <a class="brand" href="/" aria-label="Interview Coach home">
                <img class="brand-logo" src="/logo.svg" alt="" width="36" height="36"/>
                <span class="brand-name">"Interview Coach"</span>
            </a>
            <nav class="account" aria-label="Account">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match visitor.await {
                            Ok(visitor) => view! { <AccountArea visitor/> }.into_any(),
                            Err(_) => view! { <a class="button" href=paths::SIGN_IN>"Sign in"</a> }.into_any(),
                        }
                    })}
                </Suspense>
            </nav>
        </header>
    }
}

#[component]
fn AccountArea(visitor: Visitor) -> impl IntoView {
    let badge = (visitor.method == SignInMethod::Development)
        .then(|| view! { <span class="badge" title="Anyone can sign in as anyone: for local use only">"Development sign-in"</span> });
    let account = match visitor.account {
        Some(account) => view! {
            <a class="welcome" href="/account">"Welcome, " {account.first_name}</a>
            <span class="email">{account.email}</span>
            <form method="post" action="/auth/logout">
                <button type="submit" class="button secondary">"Sign out"</button>
            </form>
        }
        .into_any(),
        None => view! { <a class="button" href=paths::SIGN_IN>"Sign in"</a> }.into_any(),
    };
    view! { {badge} {account} }
}
