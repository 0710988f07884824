//! One routed page per module.

pub mod landing;
pub mod not_found;
