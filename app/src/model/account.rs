//! Who is signed in, and the sign-in forms' state.

use serde::{Deserialize, Serialize};

/// The signed-in person, as the header shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// How people sign in on this deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInMethod {
    /// The organisation's identity provider (OIDC).
    IdentityProvider,
    /// The local development form; only on a loopback address or when explicitly allowed.
    Development,
}

/// What every page needs to know about the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visitor {
    pub account: Option<Account>,
    pub method: SignInMethod,
}

/// A message about a submitted form, with what was typed so nothing has to be retyped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFeedback {
    /// The field the message is about (`first_name`, `last_name`, `email`), if any.
    pub field: Option<String>,
    pub message: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// The one-time profile form: what the provider gave, and whether the e-mail may be changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileDraft {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// False when the provider vouched for the address (it identifies the account).
    pub email_editable: bool,
    pub feedback: Option<FormFeedback>,
}

/// State of the sign-in page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInPage {
    pub method: SignInMethod,
    pub signed_in: bool,
    pub feedback: Option<FormFeedback>,
}

/// The account page: who the signed-in person is to the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountDetails {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub method: SignInMethod,
    /// Dates in UTC, already formatted (e.g. "24 Nov 2026").
    pub member_since: String,
    pub last_sign_in: Option<String>,
    /// What became of the last data request (a refused deletion, a failed download), shown once.
    pub notice: Option<String>,
}
