//! Sign-in: the OIDC code flow against a real provider, refusals, one user per person, the
//! profile form, development sign-in, sessions and per-user isolation.

use app::server::db::entities::{events, sessions, users};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::support::oidc::{ProviderOptions, authorize, sign_in, spawn_oidc_app};
use crate::support::{TestApp, location, spawn_app};

async fn user_count(app: &TestApp) -> u64 {
    users::Entity::find().count(&app.db).await.unwrap()
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("ic_session="))
        .map(str::to_owned)
}

fn cookie_value(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned()
}

#[tokio::test]
async fn oidc_code_flow_signs_in_and_out_through_userinfo() {
    let (app, provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let browser = app.browser();

    let done = sign_in(&app, &browser, "ada").await;

    assert_eq!(location(&done), "/");
    let home = browser.page(&app.url("/")).await;
    assert!(home.contains("Welcome, Ada"), "{home}");
    assert!(home.contains("ada@example.com"));
    assert!(home.contains("Sign out"));
    let user = users::Entity::find().one(&app.db).await.unwrap().expect("a user row");
    assert_eq!((user.first_name.as_str(), user.last_name.as_str()), ("Ada", "Lovelace"));
    assert_eq!(user.oidc_subject.as_deref(), Some("ada"));
    assert_eq!(user.oidc_issuer.as_deref(), Some(provider.issuer.as_str()));
    let logins = events::Entity::find()
        .filter(events::Column::Name.eq("AUTH_LOGIN"))
        .filter(events::Column::UserId.eq(user.user_id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(logins, 1);

    let out = browser.post_form(&app.url("/auth/logout"), &[]).await;

    let target = location(&out);
    assert!(target.starts_with(&provider.issuer), "sent to the provider's end-session endpoint: {target}");
    assert!(target.contains("id_token_hint="));
    assert!(target.contains("post_logout_redirect_uri="));
    let home = browser.page(&app.url("/")).await;
    assert!(!home.contains("Welcome,"), "still signed in after sign-out");
    assert!(home.contains("Sign in"));
}

#[tokio::test]
async fn names_from_the_id_token_are_used_and_a_full_name_is_split() {
    let (app, _provider) =
        spawn_oidc_app(ProviderOptions { claims_in_id_token: true, ..Default::default() }).await;
    let browser = app.browser();

    assert_eq!(location(&sign_in(&app, &browser, "grace").await), "/");

    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!((user.first_name.as_str(), user.last_name.as_str()), ("Grace", "Hopper"));
    assert!(browser.page(&app.url("/")).await.contains("Welcome, Grace"));
}

#[tokio::test]
async fn tampered_state_or_issuer_parameter_signs_nobody_in() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    for (param, forged) in [("state", "forged-state"), ("iss", "http://127.0.0.1:1/evil")] {
        let browser = app.browser();
        let mut callback = authorize(&app, &browser, "ada").await;
        let pairs: Vec<(String, String)> = callback
            .query_pairs()
            .map(|(k, v)| (k.to_string(), if k == param { forged.to_owned() } else { v.to_string() }))
            .collect();
        callback.query_pairs_mut().clear().extend_pairs(pairs);

        let response = browser.get(callback.as_str()).await;

        assert_eq!(location(&response), "/signin/failed", "tampered {param}");
        assert!(!browser.page(&app.url("/")).await.contains("Welcome,"));
    }
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn forged_or_stale_id_tokens_are_refused() {
    let (app, provider) = spawn_oidc_app(ProviderOptions::default()).await;
    for mode in ["nonce", "expired", "foreign", "issuer", "audience"] {
        let browser = app.browser();
        let callback = authorize(&app, &browser, "ada").await;
        provider.tamper_next_id_token(mode).await;

        let response = browser.get(callback.as_str()).await;

        assert_eq!(location(&response), "/signin/failed", "ID token with bad {mode} was accepted");
        assert!(!browser.page(&app.url("/")).await.contains("Welcome,"), "{mode}");
    }
    assert_eq!(user_count(&app).await, 0);

    // The same flow without tampering works, so the refusals above were about the tokens.
    assert_eq!(location(&sign_in(&app, &app.browser(), "ada").await), "/");
}

/// The provider rotated its keys after the app started: a token signed with a key id the app
/// has not seen makes it fetch the keys again, once, and the sign-in succeeds.
#[tokio::test]
async fn an_id_token_signed_with_a_rotated_key_is_accepted_after_fetching_the_keys_again() {
    let (app, provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let browser = app.browser();
    let callback = authorize(&app, &browser, "ada").await;
    provider.tamper_next_id_token("rotate").await;

    let response = browser.get(callback.as_str()).await;

    assert_eq!(location(&response), "/", "the new key was fetched and the token accepted");
    assert!(browser.page(&app.url("/")).await.contains("Welcome, Ada"));
}

#[tokio::test]
async fn a_callback_is_accepted_only_once() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let browser = app.browser();
    let callback = authorize(&app, &browser, "ada").await;
    assert_eq!(location(&browser.get(callback.as_str()).await), "/");

    let attacker = app.browser();
    let replayed = attacker.get(callback.as_str()).await;

    assert_eq!(location(&replayed), "/signin/failed");
}

#[tokio::test]
async fn the_same_email_in_another_case_is_the_same_user_and_a_new_email_is_a_new_one() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;

    sign_in(&app, &app.browser(), "ada").await;
    sign_in(&app, &app.browser(), "ada-upper").await;
    assert_eq!(user_count(&app).await, 1, "ADA@Example.COM is ada@example.com");
    let ada = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(ada.email, "ada@example.com");
    assert_eq!(ada.oidc_subject.as_deref(), Some("ada-upper"), "the latest subject is remembered");

    sign_in(&app, &app.browser(), "linus").await;
    assert_eq!(user_count(&app).await, 2);
}

#[tokio::test]
async fn missing_names_lead_to_the_profile_form_once() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let browser = app.browser();

    assert_eq!(location(&sign_in(&app, &browser, "noname").await), "/welcome");
    let form = browser.page(&app.url("/welcome")).await;
    assert!(form.contains("Complete your profile"), "{form}");
    assert!(form.contains(r#"value="noname@example.com""#), "e-mail pre-filled: {form}");
    assert!(form.contains("readonly"), "a provider-confirmed e-mail is not editable");
    assert!(
        !browser.page(&app.url("/")).await.contains("Welcome,"),
        "not signed in before the form is saved"
    );

    let saved = browser
        .post_form(
            &app.url("/auth/profile"),
            &[("first_name", "Nora"), ("last_name", "Name"), ("email", "x@evil.example")],
        )
        .await;
    assert_eq!(location(&saved), "/");
    assert!(browser.page(&app.url("/")).await.contains("Welcome, Nora"));
    let user = users::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(user.email, "noname@example.com", "the typed address cannot replace a confirmed one");

    // Next time the provider still sends no names; the saved ones are used, no form.
    let again = app.browser();
    assert_eq!(location(&sign_in(&app, &again, "noname").await), "/");
    assert!(again.page(&app.url("/")).await.contains("Welcome, Nora"));
}

#[tokio::test]
async fn without_an_email_the_form_asks_for_one_that_is_not_taken() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    sign_in(&app, &app.browser(), "ada").await;
    let browser = app.browser();
    assert_eq!(location(&sign_in(&app, &browser, "noemail").await), "/welcome");

    let taken = browser
        .post_form(
            &app.url("/auth/profile"),
            &[("first_name", "Nomail"), ("last_name", "Person"), ("email", "ADA@example.com")],
        )
        .await;

    assert_eq!(location(&taken), "/welcome");
    let form = browser.page(&app.url("/welcome")).await;
    assert!(form.contains("belongs to another account"), "{form}");
    assert!(form.contains(r#"value="ADA@example.com""#), "what was typed is kept");
    assert_eq!(user_count(&app).await, 1);

    let saved = browser
        .post_form(
            &app.url("/auth/profile"),
            &[("first_name", "Nomail"), ("last_name", "Person"), ("email", "nomail@example.com")],
        )
        .await;
    assert_eq!(location(&saved), "/");
    assert_eq!(user_count(&app).await, 2);
}

async fn the_user(app: &TestApp, email: &str) -> users::Model {
    users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the user")
}

async fn count_named(app: &TestApp, name: &str) -> u64 {
    events::Entity::find().filter(events::Column::Name.eq(name)).count(&app.db).await.unwrap()
}

/// A claimed but not verified e-mail (`email_verified` false, or missing as Entra sends it)
/// never enters, links or rebinds the account that holds the address.
#[tokio::test]
async fn an_unverified_or_unclaimed_email_never_enters_or_rebinds_an_account() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    sign_in(&app, &app.browser(), "ada").await;

    for stranger in ["unverified", "no-claim"] {
        let browser = app.browser();
        let landed = sign_in(&app, &browser, stranger).await;

        assert_eq!(location(&landed), "/signin/failed?reason=account-exists", "{stranger}");
        let page = browser.page(&app.url("/signin/failed?reason=account-exists")).await;
        assert!(page.contains("An account with this e-mail already exists; sign in the way you did before."));
        assert!(!page.contains("Lovelace"), "nothing about the account is shown");
        assert!(!browser.page(&app.url("/")).await.contains("Welcome,"), "{stranger} is not signed in");
        let ada = the_user(&app, "ada@example.com").await;
        assert_eq!(ada.oidc_subject.as_deref(), Some("ada"), "{stranger} did not rebind the account");
        assert_eq!(user_count(&app).await, 1);
    }
    assert_eq!(count_named(&app, "ACCOUNT_LINKED").await, 0);

    // The owner still signs in as before.
    let ada = app.browser();
    assert_eq!(location(&sign_in(&app, &ada, "ada").await), "/");
    assert!(ada.page(&app.url("/")).await.contains("Welcome, Ada"));
}

#[tokio::test]
async fn a_verified_email_links_another_subject_to_the_account_with_an_audit_event() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    sign_in(&app, &app.browser(), "ada").await;
    let first = the_user(&app, "ada@example.com").await;

    let browser = app.browser();
    assert_eq!(location(&sign_in(&app, &browser, "ada-elsewhere").await), "/");

    let linked = the_user(&app, "ada@example.com").await;
    assert_eq!(linked.user_id, first.user_id, "the same account");
    assert_eq!(linked.oidc_subject.as_deref(), Some("ada-elsewhere"));
    assert_eq!(user_count(&app).await, 1);
    assert_eq!(count_named(&app, "ACCOUNT_LINKED").await, 1, "the new binding is an audit event");
    assert!(browser.page(&app.url("/")).await.contains("Welcome, Ada"));
}

/// An address typed into the profile form (no provider verified it) cannot capture the account
/// its verified owner reaches later: the owner gets the address and an account of their own.
#[tokio::test]
async fn a_typed_email_never_captures_the_account_of_its_verified_owner() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let typist = app.browser();
    assert_eq!(location(&sign_in(&app, &typist, "noemail").await), "/welcome");
    let fields = [("first_name", "Tina"), ("last_name", "Typist"), ("email", "owner@example.com")];
    assert_eq!(location(&typist.post_form(&app.url("/auth/profile"), &fields).await), "/");
    let squatter = the_user(&app, "owner@example.com").await;
    assert!(!squatter.email_verified);

    let owner = app.browser();
    assert_eq!(location(&sign_in(&app, &owner, "owner").await), "/");

    let olive = the_user(&app, "owner@example.com").await;
    assert_ne!(olive.user_id, squatter.user_id, "the owner got an account of their own");
    assert_eq!(olive.first_name, "Olive");
    assert!(olive.email_verified);
    assert!(owner.page(&app.url("/")).await.contains("Welcome, Olive"));
    assert_eq!(count_named(&app, "EMAIL_RELEASED").await, 1);
    let released = users::Entity::find_by_id(squatter.user_id).one(&app.db).await.unwrap().unwrap();
    assert!(released.email.ends_with("@unverified.invalid"), "{}", released.email);

    // The typist still reaches their own account (by subject), not the owner's.
    let again = app.browser();
    assert_eq!(location(&sign_in(&app, &again, "noemail").await), "/");
    assert!(again.page(&app.url("/")).await.contains("Welcome, Tina"));
}

#[tokio::test]
async fn session_id_changes_at_sign_in_and_the_old_one_is_gone() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let browser = app.browser();
    let login = browser.get(&app.url("/auth/login")).await;
    let before = cookie_value(&session_cookie(&login).expect("the sign-in starts a session"));
    // Sign in within the same session (authorize() starts it again with the same cookie).
    let callback = authorize(&app, &browser, "ada").await;

    let done = browser.get(callback.as_str()).await;

    let after = cookie_value(&session_cookie(&done).expect("sign-in sets the session cookie"));
    assert_ne!(before, after);
    assert!(sessions::Entity::find_by_id(before).one(&app.db).await.unwrap().is_none());
}

#[tokio::test]
async fn over_https_the_cookie_is_host_prefixed_and_secure() {
    let (app, _provider) =
        spawn_oidc_app(ProviderOptions { https_redirect: true, ..Default::default() }).await;

    let login = app.browser().get(&app.url("/auth/login")).await;

    let cookie = session_cookie(&login).expect("session cookie");
    assert!(cookie.starts_with("__Host-ic_session="), "{cookie}");
    for flag in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} missing: {cookie}");
    }
    assert!(!cookie.contains("Domain="), "{cookie}");
}

#[tokio::test]
async fn development_sign_in_is_not_routed_when_oidc_is_configured() {
    let (app, _provider) = spawn_oidc_app(ProviderOptions::default()).await;
    let browser = app.browser();

    let response = browser
        .post_form(
            &app.url("/auth/dev"),
            &[("first_name", "Eve"), ("last_name", "X"), ("email", "eve@example.com")],
        )
        .await;

    assert!(response.status().is_client_error(), "{}", response.status());
    assert_eq!(user_count(&app).await, 0);
    let page = browser.page(&app.url("/signin")).await;
    assert!(page.contains("Sign in with your organisation"));
    assert!(!page.contains("Development sign-in"));
}

#[tokio::test]
async fn development_sign_in_works_and_sets_a_strict_cookie() {
    let app = spawn_app().await;
    let browser = app.browser();

    let response = browser
        .post_form(
            &app.url("/auth/dev"),
            &[("first_name", " Ada "), ("last_name", "Lovelace"), ("email", "Ada@Example.com")],
        )
        .await;

    assert_eq!(location(&response), "/");
    let cookie = session_cookie(&response).expect("session cookie");
    assert!(cookie.starts_with("ic_session="), "{cookie}");
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} missing: {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP on loopback cannot use Secure cookies");
    let home = browser.page(&app.url("/")).await;
    assert!(
        home.contains("Welcome, Ada")
            && home.contains("ada@example.com")
            && home.contains("Development sign-in")
    );
}

#[tokio::test]
async fn development_sign_in_rejects_bad_input_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let browser = app.browser();
    let first = browser
        .post_form(
            &app.url("/auth/dev"),
            &[("first_name", "Ada"), ("last_name", "Lovelace"), ("email", "not-an-email")],
        )
        .await;
    let before = cookie_value(&session_cookie(&first).expect("a session keeps the message"));

    assert_eq!(location(&first), "/signin");
    let page = browser.page(&app.url("/signin")).await;
    assert!(page.contains("Enter a valid e-mail address"), "{page}");
    assert!(page.contains(r#"value="Ada""#) && page.contains(r#"value="not-an-email""#));
    assert_eq!(user_count(&app).await, 0);

    let second = browser
        .post_form(
            &app.url("/auth/dev"),
            &[("first_name", "Ada"), ("last_name", "Lovelace"), ("email", "ada@example.com")],
        )
        .await;
    let after = cookie_value(&session_cookie(&second).expect("new session id"));
    assert_ne!(before, after, "the session id is replaced at sign-in");
}

#[tokio::test]
async fn state_changes_from_another_site_are_refused() {
    let app = spawn_app().await;

    let response = app
        .client
        .post(app.url("/auth/dev"))
        .header("origin", "http://evil.example")
        .form(&[("first_name", "Eve"), ("last_name", "X"), ("email", "eve@example.com")])
        .send()
        .await
        .unwrap();
    let no_origin = app
        .client
        .post(app.url("/auth/dev"))
        .form(&[("first_name", "Eve"), ("last_name", "X"), ("email", "eve@example.com")])
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(no_origin.status(), StatusCode::FORBIDDEN);
    assert_eq!(user_count(&app).await, 0);
}

#[tokio::test]
async fn an_expired_session_is_signed_out() {
    let app = spawn_app().await;
    let browser = app.signed_in("Ada", "ada@example.com").await;
    assert!(browser.page(&app.url("/")).await.contains("Welcome, Ada"));

    use sea_orm::{ActiveModelTrait, Set};
    for row in sessions::Entity::find().all(&app.db).await.unwrap() {
        let mut row: sessions::ActiveModel = row.into();
        row.expiry_date = Set(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1));
        row.update(&app.db).await.unwrap();
    }

    assert!(!browser.page(&app.url("/")).await.contains("Welcome,"));
}

#[tokio::test]
async fn each_user_sees_only_their_own_account() {
    let app = spawn_app().await;
    let ada = app.signed_in("Ada", "ada@example.com").await;
    let bob = app.signed_in("Bob", "bob@example.com").await;

    let as_ada: serde_json::Value = ada.server_fn("visitor").await.json().await.unwrap();
    let as_bob: serde_json::Value = bob.server_fn("visitor").await.json().await.unwrap();
    let anonymous: serde_json::Value = app.browser().server_fn("visitor").await.json().await.unwrap();

    assert_eq!(as_ada["account"]["email"], "ada@example.com");
    assert_eq!(as_bob["account"]["email"], "bob@example.com");
    assert!(anonymous["account"].is_null());

    let ada_page = ada.page(&app.url("/account")).await;
    let bob_page = bob.page(&app.url("/account")).await;
    assert!(ada_page.contains("ada@example.com") && !ada_page.contains("bob@example.com"), "{ada_page}");
    assert!(bob_page.contains("bob@example.com") && !bob_page.contains("ada@example.com"), "{bob_page}");
}

#[tokio::test]
async fn pages_and_server_functions_that_need_a_user_refuse_visitors() {
    let app = spawn_app().await;
    app.signed_in("Ada", "ada@example.com").await;
    let visitor = app.browser();

    let page = visitor.get(&app.url("/account")).await;
    let call = visitor.server_fn("account_details").await;

    assert_eq!(location(&page), "/signin");
    assert!(!call.status().is_success(), "{}", call.status());
    let body = call.text().await.unwrap();
    assert!(body.contains("Unauthorized") && !body.contains("ada@example.com"), "{body}");
}

#[tokio::test]
async fn a_session_ends_a_week_after_sign_in_however_active_it_is() {
    let app = spawn_app().await;
    let browser = app.signed_in("Ada", "ada@example.com").await;

    use sea_orm::{ActiveModelTrait, Set};
    let row = sessions::Entity::find().one(&app.db).await.unwrap().expect("a session row");
    let mut data: serde_json::Value = serde_json::from_slice(&row.data).unwrap();
    let eight_days_ago = chrono::Utc::now().timestamp() - 8 * 24 * 60 * 60;
    data["auth.user"]["signed_in_at"] = eight_days_ago.into();
    let mut row: sessions::ActiveModel = row.into();
    row.data = Set(serde_json::to_vec(&data).unwrap());
    row.update(&app.db).await.unwrap();

    let home = browser.page(&app.url("/")).await;

    assert!(!home.contains("Welcome,"), "a session older than its absolute lifetime still works");
    assert_eq!(location(&browser.get(&app.url("/account")).await), "/signin");
}
