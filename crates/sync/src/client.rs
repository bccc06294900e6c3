//! Keeps a store in step with a hub, one team at a time. A round:
//!
//! 1. asks the hub where every series stands and checks this device's team key against the
//!    team's key check, before anything is sent;
//! 2. gives this device's new ops their slots (sealed once; the sealed bytes are kept, so the
//!    same bytes go again however often they are sent);
//! 3. compares each series by its last seq and rolling hash: where this device is ahead it
//!    uploads (any device's series, so a hub that lost data is given it back), where the hub
//!    is ahead it downloads, page by page, each page taken in with its checkpoint in one
//!    transaction; where the two went different ways it stops that series and says so.
//!
//! Every loop moves forward or stops with an error: a hub that says there is more and then
//! sends nothing is an error, not a reason to ask again.

use std::collections::BTreeMap;
use std::future::Future;

use harbour_core::{Hlc, OpId, TeamId, UserId};
use harbour_store::{Op, Slot, Store, StoreError, SyncLink, CHAIN_START};
use uuid::Uuid;

use crate::seal::{chain, OpenError, PlainOp, TeamKey};
use crate::wire::{
    codes, Chain, DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, Paging, SeriesPage,
    StatusResponse, UploadRequest, UploadResponse, WireHead, WireSlot,
};

/// How a device reaches a hub: over HTTPS ([`crate::http::HttpHub`]), or in tests directly.
pub trait Hub {
    fn join(
        &self,
        request: &JoinRequest,
    ) -> impl Future<Output = Result<JoinResponse, HubError>> + Send;
    fn status(&self, token: &str) -> impl Future<Output = Result<StatusResponse, HubError>> + Send;
    fn upload(
        &self,
        token: &str,
        request: &UploadRequest,
    ) -> impl Future<Output = Result<UploadResponse, HubError>> + Send;
    fn download(
        &self,
        token: &str,
        request: &DownloadRequest,
    ) -> impl Future<Output = Result<DownloadResponse, HubError>> + Send;
}

/// What went wrong talking to the hub.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum HubError {
    /// The hub answered with a refusal and its code ([`crate::wire::codes`]).
    #[error("the hub refused ({status}): {code}")]
    Refused { status: u16, code: String },
    /// No answer: no network, the hub is down, or the connection broke.
    #[error("the hub could not be reached: {0}")]
    Unreachable(String),
    /// An answer that is not the protocol's.
    #[error("the hub's answer could not be read")]
    Malformed,
    /// The hub's certificate is not the one this device was given: something else may be
    /// answering in its place. Nothing was sent.
    #[error("the hub's certificate is not the one this device was given")]
    WrongCertificate,
}

/// Why a round did not finish.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Hub(#[from] HubError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// This device's team key is not the team's: nothing was sent.
    #[error("this device's team key is not the one the hub's team uses")]
    WrongKey,
    /// A series here and on the hub hold different slots at the same place.
    #[error("a series on the hub went another way than here")]
    Diverged { device: Uuid, seq: i64 },
    /// A slot from the hub that does not open with the team key.
    #[error("a record from the hub cannot be opened")]
    Unreadable {
        device: Uuid,
        seq: i64,
        why: OpenError,
    },
    /// The hub said a series had more, then sent nothing.
    #[error("the hub stopped sending part way")]
    NoProgress,
    /// A join token the hub did not make, or one used already.
    #[error("the hub does not accept this join token")]
    BadJoinToken,
    /// A join token for another team, or a new team's token for a team the hub has.
    #[error("this join token is for another team")]
    WrongTeam,
}

impl SyncError {
    /// Stable, for the store's record of the last try and for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Hub(HubError::Refused { code, .. }) => match code.as_str() {
                codes::REVOKED => "revoked",
                codes::BAD_TOKEN | codes::NO_TOKEN => "not_enrolled",
                codes::WRONG_KEY => "wrong_key",
                codes::FORK | codes::DIVERGED => "diverged",
                codes::RATE_LIMITED => "busy",
                _ => "refused",
            },
            SyncError::Hub(HubError::Unreachable(_)) => "unreachable",
            SyncError::Hub(HubError::Malformed) => "malformed",
            SyncError::Hub(HubError::WrongCertificate) => "wrong_certificate",
            SyncError::Store(_) => "storage",
            SyncError::WrongKey => "wrong_key",
            SyncError::Diverged { .. } => "diverged",
            SyncError::Unreadable { .. } => "unreadable",
            SyncError::NoProgress => "no_progress",
            SyncError::BadJoinToken => "bad_join_token",
            SyncError::WrongTeam => "wrong_team",
        }
    }
}

/// What a round did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub uploaded: usize,
    pub downloaded: usize,
    /// Of those downloaded, held out of the records (see `Store::arrivals`).
    pub held: usize,
    /// The hub's epoch was not the one of the last sync: it was wiped or restored, and what it
    /// lost was given back.
    pub hub_restored: bool,
    pub epoch: String,
}

impl From<&Op> for PlainOp {
    fn from(op: &Op) -> Self {
        PlainOp {
            op_id: op.op_id.as_uuid(),
            idx: op.idx,
            hlc_wall_ms: op.hlc.wall_ms,
            hlc_counter: op.hlc.counter,
            author: op.author.map(|a| a.as_uuid()),
            kind: op.kind.clone(),
            entity: op.entity.clone(),
            payload: op.payload.clone(),
        }
    }
}

/// The op a slot carries, in its place.
pub fn op_of(plain: PlainOp, team: TeamId, device: Uuid) -> Op {
    Op {
        op_id: OpId::from_uuid(plain.op_id),
        device: harbour_core::DeviceId::from_uuid(device),
        idx: plain.idx,
        hlc: Hlc {
            wall_ms: plain.hlc_wall_ms,
            counter: plain.hlc_counter,
        },
        author: plain.author.map(UserId::from_uuid),
        team: Some(team),
        kind: plain.kind,
        entity: plain.entity,
        payload: plain.payload,
    }
}

/// Enrols this store's device in `team` on the hub at `address` with a one-time token, holding
/// `key` (the first device of a team makes it; later ones get it sealed in their invitation),
/// and keeps the link. The hub refuses a key that is not the team's.
pub async fn join(
    store: &mut Store,
    hub: &impl Hub,
    address: &str,
    team: TeamId,
    token: &str,
    key: &TeamKey,
) -> Result<SyncLink, SyncError> {
    store.require(harbour_core::Action::ManageUsers)?;
    let answer = hub
        .join(&JoinRequest {
            token: token.to_owned(),
            team: team.as_uuid(),
            device: store.device_id().as_uuid(),
            key_id: key.key_id(),
            key_check: key.key_check(team.as_uuid()),
        })
        .await
        .map_err(|e| match &e {
            HubError::Refused { code, .. } => match code.as_str() {
                codes::BAD_TOKEN | codes::TOKEN_USED => SyncError::BadJoinToken,
                codes::WRONG_TEAM => SyncError::WrongTeam,
                codes::WRONG_KEY => SyncError::WrongKey,
                _ => SyncError::Hub(e),
            },
            _ => SyncError::Hub(e),
        })?;
    let link = SyncLink {
        team,
        hub: address.to_owned(),
        fingerprint: None,
        device_token: answer.device_token,
        team_key: zeroize::Zeroizing::new(*key.bytes()),
        key_id: key.key_id(),
        epoch: Some(answer.epoch),
        joined_at: store.now(),
        last_synced_at: None,
        last_error: None,
    };
    store.save_sync_link(&link)?;
    Ok(link)
}

/// Slots this device's new ops of `link.team` (sealing each once) and returns how many.
pub fn slot_new_ops(store: &mut Store, link: &SyncLink) -> Result<usize, StoreError> {
    let team = link.team;
    let key = TeamKey::from_bytes(&link.team_key);
    let me = store.device_id();
    let ops = store.unslotted_ops(team)?;
    if ops.is_empty() {
        return Ok(0);
    }
    let head = store.sync_heads(team)?.into_iter().find(|h| h.device == me);
    let (mut seq, mut before) = head.map_or((0, CHAIN_START), |h| (h.seq + 1, h.chain));
    let mut slots = Vec::with_capacity(ops.len());
    for op in &ops {
        let wire = key.seal(team.as_uuid(), me.as_uuid(), seq, &PlainOp::from(op));
        let after = chain(&before, &wire);
        slots.push((
            op.op_id,
            Slot {
                seq,
                sealed: wire.sealed,
                chain: after,
            },
        ));
        before = after;
        seq += 1;
    }
    store.add_own_slots(team, &slots)?;
    Ok(ops.len())
}

/// One round with the hub for `link.team`; records how it ended in the store.
pub async fn sync_team(
    store: &mut Store,
    link: &SyncLink,
    hub: &impl Hub,
) -> Result<Report, SyncError> {
    sync_team_paged(store, link, hub, Paging::DEFAULT).await
}

/// How this store's copy of a team compares with the hub's, series by series.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Series held the same here and on the hub.
    pub in_step: usize,
    /// Series the hub holds more of: a sync brings them.
    pub hub_ahead: usize,
    /// Series this store holds more of: a sync sends them.
    pub here_ahead: usize,
    /// Series that differ at a place both hold: (device, seq).
    pub diverged: Vec<(Uuid, i64)>,
}

/// Compares every series of `link.team` with the hub's without changing either: the last
/// seq of each, and the rolling hash where both hold it.
pub async fn compare(
    store: &Store,
    link: &SyncLink,
    hub: &impl Hub,
) -> Result<Comparison, SyncError> {
    let key = TeamKey::from_bytes(&link.team_key);
    let status = hub.status(&link.device_token).await?;
    if status.team != link.team.as_uuid()
        || !key.opens_check(link.team.as_uuid(), &status.key_check)
    {
        return Err(SyncError::WrongKey);
    }
    let mut out = Comparison::default();
    let mut here: BTreeMap<Uuid, (i64, Chain)> = store
        .sync_heads(link.team)?
        .into_iter()
        .map(|h| (h.device.as_uuid(), (h.seq, h.chain)))
        .collect();
    let me = store.device_id().as_uuid();
    // This device's ops not sealed yet are ahead of the hub too.
    let pending = !store.unslotted_ops(link.team)?.is_empty();
    let mut own_seen = false;
    for WireHead { device, seq, chain } in &status.heads {
        let (local, _) = here.remove(device).unwrap_or((-1, CHAIN_START));
        // Where both hold the series, the hub's hash is known only at its head.
        let differs = local >= *seq
            && store.sync_chain_at(link.team, harbour_core::DeviceId::from_uuid(*device), *seq)?
                != Some(*chain);
        let own_pending = *device == me && pending;
        own_seen |= *device == me;
        if differs {
            out.diverged.push((*device, *seq));
        } else if local > *seq || own_pending {
            out.here_ahead += 1;
        } else if local < *seq {
            out.hub_ahead += 1;
        } else {
            out.in_step += 1;
        }
    }
    own_seen |= here.contains_key(&me);
    out.here_ahead += here.len() + usize::from(pending && !own_seen);
    Ok(out)
}

/// How far a sync under way has come, for a progress bar: records received so far, of how
/// many the hub holds that this device did not when the round began. Read from another thread
/// while the sync runs.
#[derive(Debug, Default)]
pub struct Progress {
    pub received: std::sync::atomic::AtomicU64,
    pub expected: std::sync::atomic::AtomicU64,
}

impl Progress {
    /// `(received, expected)` now.
    pub fn get(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.received.load(Relaxed), self.expected.load(Relaxed))
    }
}

/// [`sync_team`], telling `progress` how far it has come.
pub async fn sync_team_watched(
    store: &mut Store,
    link: &SyncLink,
    hub: &impl Hub,
    progress: &Progress,
) -> Result<Report, SyncError> {
    let result = round(store, link, hub, Paging::DEFAULT, progress).await;
    match &result {
        Ok(report) => store.note_sync(link.team, Some(&report.epoch), Ok(()))?,
        Err(e) => store.note_sync(link.team, None, Err(e.code()))?,
    }
    result
}

/// [`sync_team`] with pages of `paging` each way (tests cut pages at chosen boundaries).
pub async fn sync_team_paged(
    store: &mut Store,
    link: &SyncLink,
    hub: &impl Hub,
    paging: Paging,
) -> Result<Report, SyncError> {
    let result = round(store, link, hub, paging, &Progress::default()).await;
    match &result {
        Ok(report) => store.note_sync(link.team, Some(&report.epoch), Ok(()))?,
        Err(e) => store.note_sync(link.team, None, Err(e.code()))?,
    }
    result
}

async fn round(
    store: &mut Store,
    link: &SyncLink,
    hub: &impl Hub,
    paging: Paging,
    progress: &Progress,
) -> Result<Report, SyncError> {
    let team = link.team;
    let team_uuid = team.as_uuid();
    let key = TeamKey::from_bytes(&link.team_key);
    let token = link.device_token.as_str();
    let status = hub.status(token).await?;
    if status.team != team_uuid
        || status.key_id != key.key_id()
        || !key.opens_check(team_uuid, &status.key_check)
    {
        return Err(SyncError::WrongKey);
    }
    let mut report = Report {
        hub_restored: link.epoch.as_deref().is_some_and(|e| e != status.epoch),
        epoch: status.epoch.clone(),
        ..Report::default()
    };
    slot_new_ops(store, link)?;
    let me = store.device_id().as_uuid();
    let mut series: BTreeMap<Uuid, (i64, Chain, i64, Chain)> = BTreeMap::new();
    for h in store.sync_heads(team)? {
        series.insert(h.device.as_uuid(), (h.seq, h.chain, -1, CHAIN_START));
    }
    for WireHead { device, seq, chain } in &status.heads {
        let e = series
            .entry(*device)
            .or_insert((-1, CHAIN_START, -1, CHAIN_START));
        e.2 = *seq;
        e.3 = *chain;
    }
    let expected: i64 = series
        .iter()
        .filter(|(device, _)| **device != me)
        .map(|(_, (local, _, remote, _))| (remote - local).max(0))
        .sum();
    progress.expected.fetch_add(
        u64::try_from(expected).unwrap_or(0),
        std::sync::atomic::Ordering::Relaxed,
    );
    let mut first_error = None;
    let mut downloads = Vec::new();
    for (device, (local, local_chain, remote, remote_chain)) in series {
        let done = if local > remote {
            let from = (remote, remote_chain);
            upload_series(
                store,
                &key,
                team,
                device,
                from,
                paging,
                hub,
                token,
                &mut report,
            )
            .await
        } else if remote > local {
            if device == me {
                // Only this device writes its own series: another copy of this store did.
                Err(SyncError::Diverged {
                    device,
                    seq: local + 1,
                })
            } else {
                match store.sync_chain_at(team, harbour_core::DeviceId::from_uuid(device), local)? {
                    Some(before) => {
                        downloads.push(Download {
                            device,
                            after: local,
                            before,
                            remote,
                        });
                        Ok(())
                    }
                    None => Err(SyncError::Diverged { device, seq: local }),
                }
            }
        } else if local_chain != remote_chain {
            Err(SyncError::Diverged { device, seq: local })
        } else {
            Ok(())
        };
        if let Err(e) = done {
            // Unreachable or refused as a whole: no point trying the other series.
            if matches!(e, SyncError::Hub(_) | SyncError::Store(_)) {
                return Err(e);
            }
            first_error.get_or_insert(e);
        }
    }
    // A page from each series in turn, not one series after another: the team's records then
    // arrive roughly in the order they were written, so each index of the store grows at its
    // end rather than being walked again for every device (a first sync of years of records).
    // Pages are taken in a few at a time, each few in one transaction with their checkpoints:
    // fewer commits, each writing the store's busiest pages once.
    let mut batch: Vec<(harbour_core::DeviceId, Vec<(Op, Slot)>)> = Vec::new();
    while !downloads.is_empty() {
        let mut still = Vec::with_capacity(downloads.len());
        // Several pages in flight at once, each of another series.
        let mut fetched = Vec::with_capacity(downloads.len());
        for group in downloads.chunks_mut(IN_FLIGHT) {
            let pages = futures_util::future::join_all(
                group
                    .iter_mut()
                    .map(|d| download_page(&key, team, d, paging, hub, token)),
            )
            .await;
            fetched.extend(pages);
        }
        for (d, got) in downloads.into_iter().zip(fetched) {
            match got {
                Ok(page) => {
                    batch.push((harbour_core::DeviceId::from_uuid(d.device), page));
                    if d.after < d.remote {
                        still.push(d);
                    }
                }
                Err(e) if matches!(e, SyncError::Hub(_) | SyncError::Store(_)) => {
                    take_in(store, team, &mut batch, (&mut report, progress))?;
                    return Err(e);
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
            if batch.iter().map(|(_, p)| p.len()).sum::<usize>() >= paging.ops * PAGES_PER_COMMIT {
                take_in(store, team, &mut batch, (&mut report, progress))?;
            }
        }
        downloads = still;
    }
    take_in(store, team, &mut batch, (&mut report, progress))?;
    match first_error {
        Some(e) => Err(e),
        None => Ok(report),
    }
}

#[allow(clippy::too_many_arguments)]
async fn upload_series(
    store: &mut Store,
    key: &TeamKey,
    team: TeamId,
    device: Uuid,
    (remote, remote_chain): (i64, Chain),
    paging: Paging,
    hub: &impl Hub,
    token: &str,
    report: &mut Report,
) -> Result<(), SyncError> {
    let dev = harbour_core::DeviceId::from_uuid(device);
    let Some(ours) = store.sync_chain_at(team, dev, remote)? else {
        return Err(SyncError::Diverged {
            device,
            seq: remote,
        });
    };
    if ours != remote_chain {
        return Err(SyncError::Diverged {
            device,
            seq: remote,
        });
    }
    let mut after = remote;
    let mut after_chain = ours;
    loop {
        let slots = store.slots_after(team, dev, after, paging.ops, paging.bytes)?;
        let Some(last) = slots.last() else {
            return Ok(());
        };
        let (last_seq, last_chain) = (last.1.seq, last.1.chain);
        let page = SeriesPage {
            device,
            after_chain,
            slots: slots
                .into_iter()
                .map(|(op_id, s)| WireSlot {
                    seq: s.seq,
                    op_tag: key.op_tag(op_id.as_uuid()),
                    sealed: s.sealed,
                })
                .collect(),
        };
        let n = page.slots.len();
        let answer = hub
            .upload(
                token,
                &UploadRequest {
                    key_id: key.key_id(),
                    pages: vec![page],
                },
            )
            .await?;
        let head = answer.heads.iter().find(|h| h.device == device);
        if head.map(|h| (h.seq, h.chain)) != Some((last_seq, last_chain)) {
            return Err(SyncError::Diverged {
                device,
                seq: last_seq,
            });
        }
        report.uploaded += n;
        after = last_seq;
        after_chain = last_chain;
    }
}

/// Where the download of one device's series stands.
struct Download {
    device: Uuid,
    /// The last seq taken in, and the chain up to it.
    after: i64,
    before: Chain,
    /// The hub's last seq.
    remote: i64,
}

/// How many downloaded pages are taken in together, in one transaction.
const PAGES_PER_COMMIT: usize = 5;

/// How many pages are asked of the hub at once (each of another device's series).
const IN_FLIGHT: usize = 4;

/// Takes in the downloaded pages of `batch` in one transaction, and empties it.
fn take_in(
    store: &mut Store,
    team: TeamId,
    batch: &mut Vec<(harbour_core::DeviceId, Vec<(Op, Slot)>)>,
    (report, progress): (&mut Report, &Progress),
) -> Result<(), SyncError> {
    if batch.is_empty() {
        return Ok(());
    }
    let pages: Vec<_> = batch.iter().map(|(d, p)| (*d, p.as_slice())).collect();
    let applied = store.apply_synced_pages(team, &pages)?;
    let n: usize = batch.iter().map(|(_, p)| p.len()).sum();
    report.downloaded += n;
    report.held += applied.held;
    progress
        .received
        .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
    batch.clear();
    Ok(())
}

/// Downloads and opens the next page of a series, checked against the chain held so far.
async fn download_page(
    key: &TeamKey,
    team: TeamId,
    d: &mut Download,
    paging: Paging,
    hub: &impl Hub,
    token: &str,
) -> Result<Vec<(Op, Slot)>, SyncError> {
    let device = d.device;
    let answer = hub
        .download(
            token,
            &DownloadRequest {
                device,
                after: d.after,
                max_ops: paging.ops as u32,
                max_bytes: paging.bytes as u32,
            },
        )
        .await?;
    if answer.after_chain != d.before {
        return Err(SyncError::Diverged {
            device,
            seq: d.after,
        });
    }
    if answer.slots.is_empty() {
        return Err(SyncError::NoProgress);
    }
    let mut before = d.before;
    let mut page = Vec::with_capacity(answer.slots.len());
    for (i, wire) in answer.slots.iter().enumerate() {
        if wire.seq != d.after + 1 + i as i64 {
            return Err(SyncError::NoProgress);
        }
        let plain =
            key.open(team.as_uuid(), device, wire)
                .map_err(|why| SyncError::Unreadable {
                    device,
                    seq: wire.seq,
                    why,
                })?;
        let next = chain(&before, wire);
        page.push((
            op_of(plain, team, device),
            Slot {
                seq: wire.seq,
                sealed: wire.sealed.clone(),
                chain: next,
            },
        ));
        before = next;
    }
    d.after += page.len() as i64;
    d.before = before;
    Ok(page)
}
