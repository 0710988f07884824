//! `/signin`: the identity provider's button, or the development sign-in form.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api::account::get_sign_in_page;
use crate::components::person_form::PersonFields;
use crate::components::problem::{loaded, page_data};
use crate::model::account::{FormFeedback, SignInMethod};

#[component]
pub fn SignIn() -> impl IntoView {
    let page = page_data(|| (), |_| get_sign_in_page());
    view! {
        <section class="panel narrow" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">"Sign in"</h1>
            {loaded(page, |page| match page.method {
                _ if page.signed_in => view! { <Redirect path="/"/> }.into_any(),
                SignInMethod::IdentityProvider => view! {
                    <p>"Sign in with your organisation's account to practise and keep your progress."</p>
                    <a class="button primary" href="/auth/login" rel="external">"Sign in with your organisation"</a>
                }
                .into_any(),
                SignInMethod::Development => view! { <DevSignInForm feedback=page.feedback/> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn DevSignInForm(feedback: Option<FormFeedback>) -> impl IntoView {
    let values = feedback.clone().unwrap_or_default();
    view! {
        <p class="badge">"Development sign-in"</p>
        <p class="hint">
            "No identity provider is configured, so anyone can sign in as anyone here. "
            "This is for running the app on your own machine; see the README to configure OIDC."
        </p>
        <form method="post" action="/auth/dev" class="stack">
            <PersonFields first_name=values.first_name last_name=values.last_name email=values.email feedback/>
            <button type="submit" class="button primary">"Sign in"</button>
        </form>
    }
}
