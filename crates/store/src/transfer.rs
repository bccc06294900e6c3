//! A child moves to a home on another hub, or on none: an encrypted transfer package of their
//! whole record — every op about them and their missing episodes and checklists, with its
//! history — sealed under a passphrase the two homes share by phone. Importing it writes one
//! op (`child_transferred_in`) carrying those ops, folded as they are, into the team shown; so
//! the receiving team's other devices get the history with it. A package that is damaged,
//! changed, or opened with another passphrase is refused whole, with nothing written.
//! (GMP's Philomena advice: pass the form on to the new carer.)
//!
//! The file: a first line `HARBOUR-TRANSFER 1`, a second with the JSON header (Argon2id cost,
//! salt, nonce), then XChaCha20-Poly1305 over the JSON body, the header bound in as associated
//! data.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use harbour_core::ops::{OpBody, TransferredOp};
use harbour_core::{Action, ChildId};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{fill_random, hex_bytes, wrapping_key, KdfParams};
use crate::oplog::{OpRow, ENVELOPE_COLUMNS};
use crate::Store;

const MAGIC: &str = "HARBOUR-TRANSFER 1";
/// A passphrase read out by phone: long enough to resist guessing at Argon2id's cost.
pub const MIN_PASSPHRASE_CHARS: usize = 16;

#[derive(Serialize, Deserialize)]
struct Header {
    kdf: KdfParams,
    #[serde(with = "hex_bytes")]
    salt: Vec<u8>,
    #[serde(with = "hex_bytes")]
    nonce: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct Body {
    child: ChildId,
    ops: Vec<TransferredOp>,
    /// From a demonstration store: its fictional children never go into real records.
    #[serde(default)]
    demo: bool,
}

/// Refuses a passphrase too short to resist guessing ([`MIN_PASSPHRASE_CHARS`]).
pub fn passphrase_ok(passphrase: &str) -> Result<(), StoreError> {
    if passphrase.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(StoreError::WeakPassphrase);
    }
    Ok(())
}

/// The ops about `child`: their own, their episodes' and their checklists', oldest first; not
/// an earlier transfer's op itself (its ops are stored one by one too).
/// Records merged into the child's go with it (their ops, and the merge's).
pub(crate) fn ops_about(
    conn: &rusqlite::Connection,
    child: ChildId,
) -> Result<Vec<TransferredOp>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENVELOPE_COLUMNS} FROM ops WHERE kind != 'child_transferred_in' AND ( \
           entity = ?1 \
           OR entity IN (SELECT id FROM children WHERE json_extract(merged_into, '$.child') = ?1) \
           OR entity IN (SELECT id FROM missing_episodes WHERE child_id = ?1) \
           OR entity IN (SELECT assessment FROM assessment_events WHERE child = ?1)) \
         ORDER BY hlc, device, idx"
    ))?;
    let rows = stmt.query_map(params![child.to_string()], OpRow::read)?;
    let mut out = Vec::new();
    for row in rows {
        let op = row?.decode()?;
        out.push(TransferredOp {
            op_id: op.op_id,
            device: op.device,
            idx: op.idx,
            hlc: op.hlc.to_string(),
            author: op.author,
            kind: op.kind,
            entity: op.entity,
            payload: op.payload,
        });
    }
    Ok(out)
}

/// Whether every op of a package is one this version reads and about its one child.
fn all_about(body: &Body) -> bool {
    let mut episodes = BTreeSet::new();
    let mut ids = BTreeSet::new();
    let mut added = false;
    // The child, and the records merged into theirs.
    let mut children: BTreeSet<ChildId> = [body.child].into();
    for op in &body.ops {
        if let Some(OpBody::ChildrenMerged { kept, merged, .. }) = OpBody::decode(&op.payload) {
            if kept == body.child {
                children.insert(merged);
            }
        }
    }
    for op in &body.ops {
        if !ids.insert(op.op_id) || op.hlc.parse::<harbour_core::Hlc>().is_err() {
            return false;
        }
        let Some(decoded) = OpBody::decode(&op.payload) else {
            return false;
        };
        if decoded.kind() != op.kind || decoded.entity() != op.entity {
            return false;
        }
        match &decoded {
            OpBody::ChildAdded { child, .. } => added |= *child == body.child,
            OpBody::EpisodeStarted { episode, child, .. } if children.contains(child) => {
                episodes.insert(*episode);
            }
            _ => {}
        }
        let about = match &decoded {
            OpBody::EpisodeLastSeenSet { episode, .. }
            | OpBody::EpisodeEventAdded { episode, .. } => episodes.contains(episode),
            OpBody::ChildTransferredIn { .. } => false,
            OpBody::ChildrenMerged { kept, .. } => *kept == body.child,
            other => other.child().is_some_and(|c| children.contains(&c)),
        };
        if !about {
            return false;
        }
    }
    added
}

impl Store {
    /// The child's whole record as a transfer package, sealed under `passphrase`. Managers and
    /// administrators (who may export records); audited.
    pub fn transfer_out(
        &mut self,
        child: ChildId,
        passphrase: &str,
    ) -> Result<Vec<u8>, StoreError> {
        self.require(Action::ExportRecords)?;
        self.see_child(child)?;
        passphrase_ok(passphrase)?;
        let body = Body {
            child,
            ops: ops_about(&self.conn, child)?,
            demo: self.is_demo()?,
        };
        let plain = zeroize::Zeroizing::new(
            serde_json::to_vec(&body).map_err(|_| StoreError::Corrupt("transfer"))?,
        );
        let mut salt = vec![0u8; 16];
        let mut nonce = vec![0u8; 24];
        fill_random(&mut salt)?;
        fill_random(&mut nonce)?;
        let header = Header {
            kdf: KdfParams::DEFAULT,
            salt,
            nonce,
        };
        let header_line =
            serde_json::to_string(&header).map_err(|_| StoreError::Corrupt("transfer"))?;
        let key = wrapping_key(passphrase.trim(), &header.salt, header.kdf)?;
        let sealed = XChaCha20Poly1305::new(key.as_slice().into())
            .encrypt(
                XNonce::from_slice(&header.nonce),
                Payload {
                    msg: &plain,
                    aad: header_line.as_bytes(),
                },
            )
            .map_err(|_| StoreError::Corrupt("transfer"))?;
        let mut out = format!("{MAGIC}\n{header_line}\n").into_bytes();
        out.extend_from_slice(&sealed);
        self.audit(AuditEvent::ChildTransferredOut, &child.to_string())?;
        Ok(out)
    }

    /// Brings a child's record in from a transfer package, into the team shown: refused whole,
    /// with nothing written, if it is not a package, was changed or damaged, the passphrase is
    /// not its own, or the child is here already. Managers and administrators; audited.
    pub fn transfer_in(&mut self, package: &[u8], passphrase: &str) -> Result<ChildId, StoreError> {
        self.require(Action::MoveRecords)?;
        let damaged = || StoreError::TransferRefused;
        let text_end = |from: usize| {
            package[from..]
                .iter()
                .position(|b| *b == b'\n')
                .map(|at| from + at)
        };
        let first = text_end(0).ok_or_else(damaged)?;
        if &package[..first] != MAGIC.as_bytes() {
            return Err(damaged());
        }
        let second = text_end(first + 1).ok_or_else(damaged)?;
        let header_line = &package[first + 1..second];
        let header: Header = serde_json::from_slice(header_line).map_err(|_| damaged())?;
        if header.nonce.len() != 24 || header.salt.len() < 16 {
            return Err(damaged());
        }
        let key =
            wrapping_key(passphrase.trim(), &header.salt, header.kdf).map_err(|_| damaged())?;
        let plain = XChaCha20Poly1305::new(key.as_slice().into())
            .decrypt(
                XNonce::from_slice(&header.nonce),
                Payload {
                    msg: &package[second + 1..],
                    aad: header_line,
                },
            )
            .map_err(|_| damaged())?;
        let plain = zeroize::Zeroizing::new(plain);
        let body: Body = serde_json::from_slice(&plain).map_err(|_| damaged())?;
        if !all_about(&body) {
            return Err(damaged());
        }
        if body.demo && !self.is_demo()? {
            return Err(StoreError::NotADemo);
        }
        // An op here already with the same id or place must be the very same op.
        for op in &body.ops {
            let clash: bool = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS(SELECT 1 FROM ops WHERE (op_id = ?1 OR (device = ?2 AND idx = ?3)) \
                     AND NOT (op_id = ?1 AND device = ?2 AND idx = ?3 AND hlc = ?4 AND payload = ?5))",
                )?
                .query_row(
                    params![
                        op.op_id.to_string(),
                        op.device.to_string(),
                        op.idx,
                        op.hlc,
                        op.payload
                    ],
                    |r| r.get(0),
                )?;
            if clash {
                return Err(damaged());
            }
        }
        let here: bool = self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM children WHERE id = ?1)")?
            .query_row([body.child.to_string()], |r| r.get(0))?;
        if here {
            return Err(StoreError::AlreadyHere);
        }
        let child = body.child;
        self.write(&[OpBody::ChildTransferredIn {
            child,
            ops: body.ops,
        }])?;
        self.audit(AuditEvent::ChildTransferredIn, &child.to_string())?;
        Ok(child)
    }
}
