//! Integration tests: the real server on port 0 against a fresh database per test.
//!
//! Without `TEST_MYSQL_URL` they run on SQLite; with it (e.g. `mysql://root@127.0.0.1:3306/ic`)
//! every test gets its own MySQL/MariaDB database on that server, dropped afterwards.

mod account_data;
mod analytics;
mod constraints;
mod container;
mod deployment;
mod documents;
mod embeddings;
mod headers;
mod health;
mod history;
mod home;
mod hostile_documents;
mod intake;
mod interview;
mod limits;
mod llm_coach;
mod logging;
mod migrations;
mod privacy;
mod retakes;
mod scale_out;
mod sign_in;
mod statement_budgets;
mod support;
mod vacancies;
mod voice;
