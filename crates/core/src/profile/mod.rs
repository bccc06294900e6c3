//! The child's missing-person profile: Philomena Protocol Part 1 (domain.md §1.1, items 1–13)
//! plus the child's own words, as sections of fields, and the rules for when a section must be
//! checked again.
//!
//! The sections and their fields are a catalogue (data, below), not one struct per section: the
//! store keeps each field as its own last-writer-wins register, the UI draws a form from the
//! catalogue, and the grab sheet picks fields by key. Each field's label is the Fluent message
//! `pf-<key>`; each section's title is `section-<id>`.
//!
//! Reviews (DESIGN.md): a section records who last checked it and when. It falls due 28 days
//! later, after every missing episode (once the child is back), and after a change to the photo,
//! the phones or the people around the child, because those are what police need most and what
//! changes fastest.

pub mod catalogue;
pub mod form;
pub mod photo;
pub mod review;
pub mod sheet;
pub mod view;

pub use catalogue::*;
pub use form::*;
pub use photo::*;
pub use review::*;
pub use sheet::*;
pub use view::*;
