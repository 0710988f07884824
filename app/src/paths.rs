//! The app's own addresses that code on both sides links or redirects to, spelled once.

/// The sign-in page, where every visitor who needs an account is sent.
pub const SIGN_IN: &str = "/signin";

/// The account page.
pub const ACCOUNT: &str = "/account";
/// The archive of all the signed-in person's data (GET).
pub const ACCOUNT_EXPORT: &str = "/account/export";
/// Deletes the signed-in person's account (form POST, field `email`).
pub const ACCOUNT_DELETE: &str = "/account/delete";
/// Where the browser lands after its account was deleted.
pub const ACCOUNT_DELETED: &str = "/account/deleted";
/// Turns a recorded answer into text (POST, the audio as the body); answers JSON for the page.
pub const TRANSCRIBE: &str = "/voice/transcribe";
