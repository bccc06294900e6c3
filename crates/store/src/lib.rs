//! Harbour's local store: one SQLite file per install holding the children and their missing
//! episodes.
//!
//! Every write validates first (with the same core rules the UI uses) and runs in one
//! transaction, so bad input is rejected whole and nothing saved before is touched. Encryption
//! at rest (SQLCipher), the op log and the audit chain of DESIGN.md arrive with the secure store;
//! the public API here is shaped so callers do not change when they do.
//!
//! Every write is an op appended to this device's log and folded into the tables the app reads
//! (`oplog`); those tables can be rebuilt from the log at any time.

mod audit;
mod error;
mod migrations;
mod oplog;
mod photo;
mod samples;
mod store;

pub use audit::{AuditEntry, AuditEvent, ChainCheck};
pub use error::StoreError;
pub use oplog::Op;
pub use photo::{prepare_photo, MAX_PHOTO_BYTES, PHOTO_MAX_SIDE};
pub use store::{Store, SystemClock};
