//! What the hub keeps, behind one trait with an implementation per database. The HTTP layer
//! knows only this trait; every rule about series (contiguity, forks, one slot per op) is
//! checked inside one transaction of the implementation, and an answer is given only after it
//! commits.

use std::future::Future;

use harbour_sync::wire::{
    DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, StatusResponse, UploadRequest,
    UploadResponse,
};
use uuid::Uuid;

/// A refusal: the HTTP status, a stable code ([`harbour_sync::wire::codes`]) and words for a
/// person reading a log or a terminal.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct Refusal {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl Refusal {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    /// A failure of the database itself: a 500 (a bug or a broken disk), logged without data.
    pub fn internal(what: impl std::fmt::Display) -> Self {
        Self::new(
            500,
            harbour_sync::wire::codes::INTERNAL,
            format!("hub database: {what}"),
        )
    }
}

/// The device a token belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Enrolled {
    pub team: Uuid,
    pub device: Uuid,
}

/// One database of a hub.
pub trait HubDb: Clone + Send + Sync + 'static {
    /// Made once with the database.
    fn epoch(&self) -> impl Future<Output = Result<String, Refusal>> + Send;
    /// A one-time join token for `team` (or, with `None`, for a team not known yet). Only its
    /// hash is kept.
    fn issue_token(
        &self,
        team: Option<Uuid>,
    ) -> impl Future<Output = Result<String, Refusal>> + Send;
    /// Uses a join token: the team is registered by its first device (its id and key check are
    /// never rewritten), later devices must hold the same key.
    fn join(
        &self,
        request: JoinRequest,
    ) -> impl Future<Output = Result<JoinResponse, Refusal>> + Send;
    /// The device a device token belongs to; a revoked one is refused.
    fn enrolled(&self, token: &str) -> impl Future<Output = Result<Enrolled, Refusal>> + Send;
    fn status(&self, team: Uuid) -> impl Future<Output = Result<StatusResponse, Refusal>> + Send;
    fn upload(
        &self,
        team: Uuid,
        request: UploadRequest,
    ) -> impl Future<Output = Result<UploadResponse, Refusal>> + Send;
    fn download(
        &self,
        team: Uuid,
        request: DownloadRequest,
    ) -> impl Future<Output = Result<DownloadResponse, Refusal>> + Send;
    /// Refuses every token of `device` from now on; returns how many it had.
    fn revoke(&self, device: Uuid) -> impl Future<Output = Result<usize, Refusal>> + Send;
}

/// A random token, as hex: 32 bytes.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the system's random numbers");
    hex::encode(bytes)
}

/// What the hub keeps of a token.
pub fn token_hash(token: &str) -> [u8; 32] {
    blake3::derive_key("harbour 2026-12 hub token", token.as_bytes())
}
