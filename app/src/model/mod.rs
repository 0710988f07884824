//! Types shared by the browser and the server (they cross the wire through server functions).

pub mod account;
pub mod analytics;
pub mod delivery;
pub mod history;
pub mod home;
pub mod interview;
pub mod setup;
