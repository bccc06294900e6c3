//! Harbour's local store: one SQLite file per install holding the children and their missing
//! episodes.
//!
//! Every write validates first (with the same core rules the UI uses) and runs in one
//! transaction, so bad input is rejected whole and nothing saved before is touched.
//!
//! Every write is an op appended to this device's log and folded into the tables the app reads
//! (`oplog`); those tables can be rebuilt from the log at any time. Views of a child are
//! recorded in a hash-chained audit (`audit`). Encryption at rest (SQLCipher) is still to come;
//! the public API is shaped so callers do not change when it does.

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
