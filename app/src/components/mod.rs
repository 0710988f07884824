//! Reusable pieces of the page frame and of later screens.

pub mod chart;
pub mod feedback;
pub mod header;
pub mod person_form;
pub mod problem;
pub mod turn;
pub mod voice;
pub mod working;
