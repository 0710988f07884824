//! sea-orm entities for every table, mirroring `migration/` one to one. Written once; queries
//! live in the `db::<area>` modules, not here.
//!
//! Every time is a naive `DateTime` holding UTC (use [`super::now`]). Not `DateTime<Utc>`:
//! sqlx sends that to MySQL as a `TIMESTAMP` value, which MariaDB turns into NULL (or *now*)
//! after 2038 even when the column is `DATETIME(6)`; a naive value goes as `DATETIME`.

pub mod answers;
pub mod candidate_stats;
pub mod correctness_histogram;
pub mod events;
pub mod interviews;
pub mod questions;
pub mod sessions;
pub mod suggestions;
pub mod usage_events;
pub mod user_vacancies;
pub mod users;
pub mod vacancies;
