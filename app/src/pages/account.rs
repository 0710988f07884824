//! `/account`: the signed-in person's own details, the download of all their data and the
//! deletion of their account (plain links and form posts, so both work with JavaScript off).
//! Visitors are sent to sign in.

use leptos::prelude::*;

use crate::api::account::get_account_details;
use crate::components::problem::{loaded, page_data};
use crate::model::account::SignInMethod;
use crate::paths;

#[component]
pub fn AccountPage() -> impl IntoView {
    let details = page_data(|| (), |_| get_account_details());
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
                    <YourData notice=details.notice/>
                }
                .into_any()
            })}
        </section>
    }
}

/// "Download my data" and "Delete my account", with the message of the last attempt.
#[component]
fn YourData(notice: Option<String>) -> impl IntoView {
    let refused = notice.is_some();
    view! {
        <section class="your-data stack" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            {notice.map(|notice| view! { <p class="form-error" role="alert">{notice}</p> })}
            <div class="stack">
                <p class="hint">
                    "One zip file with your profile, the text read from your CV and job descriptions, and every \
                     interview with its questions, your answers and the coach's feedback, as JSON and as a \
                     spreadsheet (CSV)."
                </p>
                <div>
                    <a class="button secondary" href=paths::ACCOUNT_EXPORT download=""
                        rel="external">"Download my data"</a>
                </div>
            </div>
            <form method="post" action=paths::ACCOUNT_DELETE class="stack">
                <h3>"Delete my account"</h3>
                <p class="hint">
                    "This deletes your account and everything in it: your documents, interviews, answers, \
                     feedback and reports. It cannot be undone, so download your data first if you want to \
                     keep it."
                </p>
                <div class="field">
                    <label for="confirm-email">"Type your e-mail address to confirm"</label>
                    <input id="confirm-email" name="email" type="email" required autocomplete="off"
                        aria-invalid=refused.to_string()/>
                </div>
                <div>
                    <button type="submit" class="button danger">"Delete my account"</button>
                </div>
            </form>
        </section>
    }
}
