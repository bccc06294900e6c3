//! A missing episode, from the moment a carer presses "Child missing" until it is closed
//! (domain.md §2.4–2.5): the police report, who was told, updates, the child found or returned,
//! the return interview and the close. Each is an insert-only event with the time it happened
//! and who recorded it, so the record of an episode is never rewritten; what the episode stands
//! at is derived from them.

pub mod event;
pub mod missing;
pub mod part2;
pub mod summary;
#[cfg(test)]
mod tests;
pub mod validate;

pub use crate::contacts::{contacts_for, Contact};
pub use crate::interview::{
    DueStep, InterviewMode, InterviewStatus, InterviewTiming, RETURN_INTERVIEW_HOURS,
};
pub use event::*;
pub use missing::*;
pub use part2::*;
pub use summary::*;
pub use validate::*;
