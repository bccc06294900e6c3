//! The screens. They render state and send actions; rules come from `harbour-core`.

pub mod add_child;
pub mod after_return;
pub mod app;
pub mod arrivals;
pub mod bring_in;
pub mod checklists;
pub mod child_help;
pub mod episode_details;
pub mod fields;
pub mod home;
pub mod interview;
pub mod lock;
pub mod numbers;
pub mod print_view;
pub mod profile;
pub mod record;
pub mod settings;
pub mod steps;
pub mod sync;
pub mod translations;
pub mod warning;
pub mod when;

#[cfg(test)]
mod tests;
