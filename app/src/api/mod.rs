//! Server functions: thin wrappers that find out who is calling, call into `server::`, and map
//! errors to [`crate::error::AppError`]. Endpoints are named explicitly (`/api/<name>`) so
//! tests and logs can refer to them.

pub mod account;
pub mod analytics;
pub mod history;
pub mod home;
pub mod interview;
pub mod setup;
