//! Server-only code (feature `ssr`): everything that touches I/O.
//!
//! `config` reads the settings, `telemetry` sets up logging, `db` owns every SQL statement and
//! the entities, `startup` assembles the axum application from the settings so that the binary
//! and the tests build exactly the same thing.

pub mod account_data;
pub mod analytics;
pub mod audit;
pub mod auth;
pub mod coach;
pub mod config;
pub mod db;
pub mod documents;
pub mod extraction;
mod health;
pub mod intake;
pub mod interview;
pub mod limits;
mod log_file;
pub mod openai;
pub mod report;
pub mod request_id;
pub mod respond;
pub mod security_headers;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod transcription;
