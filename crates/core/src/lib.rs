//! Harbour's domain core: the nouns (children, missing episodes) and the rules that act on them
//! (what makes a child's details valid, which steps a carer takes when a child is missing).
//!
//! No I/O and no framework types: the store, the Tauri shell and the Yew UI (compiled to wasm32)
//! all use the same validation and the same step plan, so what a carer sees and what is saved
//! cannot disagree.

pub mod api;
pub mod arrivals;
pub mod checklists;
pub mod child;
pub mod clock;
pub mod contacts;
pub mod episode;
#[cfg(any(test, feature = "examples"))]
pub mod examples;
pub mod help;
pub mod hlc;
pub mod ids;
pub mod interview;
pub mod log;
pub mod milestones;
pub mod ops;
pub mod organisation;
pub mod police;
pub mod profile;
pub mod sheet;
pub mod steps;
pub mod teams;
#[cfg(test)]
mod testing;
pub mod users;
pub mod when;
pub mod words;

pub use child::{Child, ChildDetails, ChildInput, Field, FieldError, FieldProblem, RecordState};
pub use clock::{Clock, FixedClock};
pub use episode::{Elapsed, MissingEpisode};
pub use hlc::{Hlc, HlcClock, HlcError};
pub use ids::{
    AssessmentId, ChildId, DeviceId, EpisodeId, EventId, LogEntryId, OpId, TeamId, UserId,
};
pub use steps::{plan_for, Step, StepPlan};
pub use users::{Action, NewUser, Role, User};
