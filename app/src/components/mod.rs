//! Reusable pieces of the page frame and of later screens.

pub mod feedback;
pub mod header;
pub mod person_form;
pub mod problem;
pub mod working;
