//! One routed page per module.

pub mod account;
pub mod account_deleted;
pub mod analytics;
pub mod history;
pub mod interview;
pub mod landing;
pub mod not_found;
pub mod setup;
pub mod sign_in;
pub mod sign_in_failed;
pub mod welcome;
