//! `/welcome`: the one-time profile form, when the identity provider did not give a usable
//! first name, last name or e-mail.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api::account::get_profile_draft;
use crate::components::person_form::PersonFields;
use crate::components::problem::{loaded, page_data};
use crate::paths;

#[component]
pub fn Welcome() -> impl IntoView {
    let draft = page_data(|| (), |_| get_profile_draft());
    view! {
        <section class="panel narrow" aria-labelledby="welcome-title">
            <h1 id="welcome-title">"Complete your profile"</h1>
            {loaded(draft, |draft| match draft {
                Some(draft) => view! {
                    <p>"Your identity provider did not tell us everything we need. We ask only once."</p>
                    <form method="post" action="/auth/profile" class="stack">
                        <PersonFields
                            first_name=draft.first_name
                            last_name=draft.last_name
                            email=draft.email
                            email_editable=draft.email_editable
                            feedback=draft.feedback
                        />
                        <button type="submit" class="button primary">"Save and continue"</button>
                    </form>
                }
                .into_any(),
                None => view! { <Redirect path=paths::SIGN_IN/> }.into_any(),
            })}
        </section>
    }
}
