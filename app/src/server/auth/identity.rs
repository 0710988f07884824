//! What an identity provider (or the development form) says about a person, cleaned up:
//! plain functions, no I/O.

use serde::{Deserialize, Serialize};

/// Longest first or last name kept (the column holds 100 characters).
pub const MAX_NAME_CHARS: usize = 100;
/// Longest e-mail address accepted (RFC 5321 path limit, and the column size).
pub const MAX_EMAIL_CHARS: usize = 320;

/// A person as the sign-in source describes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// Issuer and subject identify the person at an OIDC provider; both absent for dev sign-in.
    pub issuer: Option<String>,
    pub subject: Option<String>,
    /// Normalised (trimmed, lower-case) e-mail, when the source gave a usable one.
    pub email: Option<String>,
    /// Whether the e-mail may be used to find an existing account. False when the provider
    /// says it is unverified: matching on it would let anyone claim another person's account.
    pub email_trusted: bool,
    pub first_name: String,
    pub last_name: String,
}

impl Identity {
    /// The e-mail that may identify an existing account, if any.
    pub fn trusted_email(&self) -> Option<&str> {
        self.email.as_deref().filter(|_| self.email_trusted)
    }

    pub fn has_names(&self) -> bool {
        !self.first_name.is_empty() && !self.last_name.is_empty()
    }
}

/// Trims and lower-cases an e-mail address; `None` unless it looks deliverable
/// (one `@`, a dot in the domain, no spaces or control characters, not too long).
pub fn normalise_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.chars().count() <= MAX_EMAIL_CHARS
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then_some(email)
}

/// Collapses whitespace, drops control characters and caps the length of a name.
pub fn clean_name(raw: &str) -> String {
    let cleaned: String = raw.chars().filter(|c| !c.is_control()).collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_NAME_CHARS).collect()
}

/// First and last name from the standard claims: `given_name`/`family_name` when present,
/// otherwise split from `name` (first word, then the rest), as Microsoft Entra and some
/// Keycloak realms only send `name`. A missing part stays empty so the profile form asks for it.
pub fn split_names(given: Option<&str>, family: Option<&str>, full: Option<&str>) -> (String, String) {
    let given = given.map(clean_name).unwrap_or_default();
    let family = family.map(clean_name).unwrap_or_default();
    if !given.is_empty() && !family.is_empty() {
        return (given, family);
    }
    let full = full.map(clean_name).unwrap_or_default();
    let (full_first, full_rest) = full.split_once(' ').unwrap_or((&full, ""));
    let first = if given.is_empty() { full_first.to_owned() } else { given };
    let last = if family.is_empty() { full_rest.to_owned() } else { family };
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(normalise_email("  Ada.Lovelace@Example.COM "), Some("ada.lovelace@example.com".into()));
    }

    #[test]
    fn implausible_emails_are_refused() {
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@localhost",
            "a b@example.com",
            "ada@example.",
            "a@b@c.com",
        ] {
            assert_eq!(normalise_email(bad), None, "{bad:?}");
        }
        assert_eq!(normalise_email(&format!("{}@example.com", "a".repeat(320))), None);
    }

    #[test]
    fn names_come_from_given_and_family_first() {
        assert_eq!(
            split_names(Some("Ada"), Some("Lovelace"), Some("Countess")),
            ("Ada".into(), "Lovelace".into())
        );
    }

    #[test]
    fn names_fall_back_to_splitting_the_full_name() {
        assert_eq!(
            split_names(None, None, Some("Grace  Brewster Hopper")),
            ("Grace".into(), "Brewster Hopper".into())
        );
        assert_eq!(split_names(Some("Grace"), None, Some("Grace Hopper")), ("Grace".into(), "Hopper".into()));
    }

    #[test]
    fn a_single_word_leaves_the_last_name_for_the_form() {
        assert_eq!(split_names(None, None, Some("Cher")), ("Cher".into(), String::new()));
        assert_eq!(split_names(None, None, None), (String::new(), String::new()));
    }

    #[test]
    fn names_lose_control_characters_and_excess_length() {
        assert_eq!(clean_name(" Ada\u{0007}\n Lovelace "), "Ada Lovelace");
        assert_eq!(clean_name(&"x".repeat(500)).chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn untrusted_email_is_not_used_for_matching() {
        let identity = Identity {
            issuer: None,
            subject: None,
            email: Some("ada@example.com".into()),
            email_trusted: false,
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
        };
        assert_eq!(identity.trusted_email(), None);
    }
}
