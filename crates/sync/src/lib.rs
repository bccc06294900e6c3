//! Harbour's sync: devices of a team keep their stores in step through a hub that holds only
//! sealed ops and where they go (DESIGN.md, "Sync").
//!
//! - [`wire`]: the requests and answers between a device and the hub;
//! - [`invite`]: the code that brings a new device into a team with the team key;
//! - [`seal`]: the team key, sealing and opening ops, the rolling hash of a series;
//! - `client` (feature `client`): a store kept in step with a hub, one round at a time.

pub mod invite;
pub mod seal;
pub mod wire;

#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod http;
#[cfg(feature = "client")]
pub mod tls;

pub use seal::{chain, padme, OpenError, PlainOp, TeamKey};
