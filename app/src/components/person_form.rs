//! The first name / last name / e-mail fields shared by the development sign-in form and the
//! one-time profile form, with the server's message on the field it concerns.

use leptos::prelude::*;

use crate::model::account::FormFeedback;

/// Three labelled inputs. `email_editable = false` shows the address read-only (the identity
/// provider vouched for it).
#[component]
pub fn PersonFields(
    first_name: String,
    last_name: String,
    email: String,
    #[prop(default = true)] email_editable: bool,
    feedback: Option<FormFeedback>,
) -> impl IntoView {
    let field = feedback.as_ref().and_then(|f| f.field.clone()).unwrap_or_default();
    let invalid = move |name: &str| (field == name).then_some("true");
    let message = feedback.map(|f| f.message);
    view! {
        {message.map(|message| view! { <p class="form-error" role="alert" id="form-error">{message}</p> })}
        <div class="field">
            <label for="first_name">"First name"</label>
            <input id="first_name" name="first_name" type="text" autocomplete="given-name" maxlength="100"
                required value=first_name aria-invalid=invalid("first_name")/>
        </div>
        <div class="field">
            <label for="last_name">"Last name"</label>
            <input id="last_name" name="last_name" type="text" autocomplete="family-name" maxlength="100"
                required value=last_name aria-invalid=invalid("last_name")/>
        </div>
        <div class="field">
            <label for="email">"E-mail"</label>
            <input id="email" name="email" type="email" autocomplete="email" maxlength="320"
                required value=email readonly=!email_editable aria-invalid=invalid("email")/>
            {(!email_editable).then(|| view! { <p class="hint">"Your identity provider confirmed this address."</p> })}
        </div>
    }
}
