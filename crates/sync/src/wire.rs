//! What travels between a device and the hub. Requests and answers are postcard (compact,
//! binary) over HTTP POST; errors are a small JSON body with a stable code, so they read in a
//! terminal too. The hub sees routing only: team, device, seq, a keyed tag of the op id, the
//! sealed bytes. Never a name, a note, a time the op was written or what kind of op it is.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The protocol this build speaks; every path is under `/v1/`.
pub const PROTOCOL: u32 = 1;

/// How much goes in one page: at most `ops` slots and, past the first, about `bytes` of sealed
/// ops, so a page is a bounded amount of memory on both sides (a single larger op still goes,
/// alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub ops: usize,
    pub bytes: usize,
}

impl Paging {
    /// About a thousand ops of ordinary size.
    pub const DEFAULT: Paging = Paging {
        ops: 1000,
        bytes: 512 * 1024,
    };
}

/// The largest page the hub gives, however much is asked for.
pub const PAGE_BYTES: usize = Paging::DEFAULT.bytes;
pub const PAGE_OPS: usize = Paging::DEFAULT.ops;

/// The hub refuses bodies larger than this.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// The rolling hash of a series: after slot n it is `chain(after n−1, slot n)` (see
/// [`crate::chain`]); before slot 0 it is all zeros.
pub type Chain = [u8; 32];

/// The first device of a team joins with a one-time token from `harbour-hub token`; later
/// devices with the token from their invitation.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct JoinRequest {
    pub token: String,
    pub team: Uuid,
    pub device: Uuid,
    /// Which team key the device holds ([`crate::TeamKey::key_id`]).
    pub key_id: String,
    /// A value only the team key opens ([`crate::TeamKey::key_check`]): the hub keeps the
    /// first device's and gives it to every later one, which checks its own key against it
    /// before it sends anything.
    pub key_check: Vec<u8>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct JoinResponse {
    /// Sent as `Authorization: Bearer …` with every later request.
    pub device_token: String,
    pub epoch: String,
}

/// The last slot of one series.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct WireHead {
    pub device: Uuid,
    pub seq: i64,
    pub chain: Chain,
}

/// `POST /v1/status` (empty body): where every series of the device's team stands on the hub.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct StatusResponse {
    /// Made when the hub's database was made: a different one than last time means the hub was
    /// wiped or restored from a copy, and the device gives back what it lost.
    pub epoch: String,
    pub team: Uuid,
    pub key_id: String,
    pub key_check: Vec<u8>,
    pub heads: Vec<WireHead>,
}

/// One slot of a series as the hub holds it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct WireSlot {
    pub seq: i64,
    /// A keyed hash of the op's id ([`crate::TeamKey::op_tag`]): the hub keeps each op once
    /// without learning its id (which would say when it was made).
    pub op_tag: [u8; 32],
    pub sealed: Vec<u8>,
}

/// Slots of one series, in order, following on from `after_chain`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct SeriesPage {
    pub device: Uuid,
    /// The sender's rolling hash of the series just before the first slot: the hub checks it
    /// against its own, so a page never lands on a series that went another way.
    pub after_chain: Chain,
    pub slots: Vec<WireSlot>,
}

/// `POST /v1/upload`: one page of one or more series. Sending it again is harmless.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct UploadRequest {
    pub key_id: String,
    pub pages: Vec<SeriesPage>,
}

/// Sent only after the page is committed.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct UploadResponse {
    pub epoch: String,
    /// The heads of the series the page touched, as committed.
    pub heads: Vec<WireHead>,
}

/// `POST /v1/download`: the slots of a series after `after`, at most `max_ops` of them and,
/// past the first, up to about `max_bytes`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct DownloadRequest {
    pub device: Uuid,
    pub after: i64,
    pub max_ops: u32,
    pub max_bytes: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct DownloadResponse {
    pub epoch: String,
    /// The hub's rolling hash of the series at `after`: the device checks it against its own
    /// before it takes anything in.
    pub after_chain: Chain,
    pub slots: Vec<WireSlot>,
    /// The hub's last seq of the series (−1: none), so the device knows whether there is more.
    pub head: i64,
}

/// Why the hub refused a request: the body of every 4xx (and of a 5xx, which is a bug).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct WireError {
    pub code: String,
    pub message: String,
}

/// The codes the hub answers with. Stable: devices match on them.
pub mod codes {
    pub const MALFORMED: &str = "malformed";
    pub const TOO_LARGE: &str = "too_large";
    pub const NO_TOKEN: &str = "no_token";
    pub const BAD_TOKEN: &str = "bad_token";
    pub const REVOKED: &str = "revoked";
    pub const TOKEN_USED: &str = "token_used";
    pub const WRONG_TEAM: &str = "wrong_team";
    pub const WRONG_KEY: &str = "wrong_key";
    pub const NOT_CONTIGUOUS: &str = "not_contiguous";
    pub const DIVERGED: &str = "diverged";
    pub const FORK: &str = "fork";
    pub const DUPLICATE_OP: &str = "duplicate_op";
    pub const RATE_LIMITED: &str = "rate_limited";
    pub const NOT_FOUND: &str = "not_found";
    pub const INTERNAL: &str = "internal";
}

/// Encodes a request or an answer.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_stdvec(value).expect("wire values always encode")
}

/// Decodes a request or an answer; trailing bytes are refused.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, postcard::Error> {
    let (value, rest) = postcard::take_from_bytes(bytes)?;
    if rest.is_empty() {
        Ok(value)
    } else {
        Err(postcard::Error::DeserializeUnexpectedEnd)
    }
}
