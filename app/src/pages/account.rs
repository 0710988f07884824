//! `/account`: the signed-in person's own details. Visitors are sent to sign in.

use leptos::prelude::*;

use crate::api::account::get_account_details;
use crate::components::problem::loaded;
use crate::model::account::SignInMethod;

#[component]
pub fn AccountPage() -> impl IntoView {
    let details = Resource::new(|| (), |_| get_account_details());
    view! {
        <section class="panel narrow" aria-labelledby="account-title">
            <h1 id="account-title">"Your account"</h1>
            {loaded(details, |details| {
                let method = match details.method {
                    SignInMethod::IdentityProvider => "Your organisation's sign-in",
                    SignInMethod::Development => "Development sign-in",
                };
                view! {
                    <dl class="details">
                        <dt>"Name"</dt>
                        <dd>{details.first_name} " " {details.last_name}</dd>
                        <dt>"E-mail"</dt>
                        <dd>{details.email}</dd>
                        <dt>"Signs in with"</dt>
                        <dd>{method}</dd>
                        <dt>"Member since"</dt>
                        <dd>{details.member_since}</dd>
                        <dt>"Last sign-in"</dt>
                        <dd>{details.last_sign_in.unwrap_or_else(|| "—".into())}</dd>
                    </dl>
                }
                .into_any()
            })}
        </section>
    }
}
