//! Sealing ops with the team key. Each op is compressed (LZ4), padded (PADMÉ, so its length
//! says little about what it holds), then encrypted with XChaCha20-Poly1305 under a key derived
//! from the team key, with a random nonce. The associated data binds the slot (team, device,
//! seq), the key id and the op's tag, so the hub cannot move a sealed op to another slot or
//! team, or pair it with another op's tag, without opening failing.
//!
//! Sealed layout: `1` (format) ‖ nonce (24) ‖ ciphertext with its tag.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::wire::{Chain, WireSlot};

const FORMAT: u8 = 1;
const NONCE: usize = 24;
/// No op is larger than this once opened (a photo is downscaled well below it).
const MAX_OP_BYTES: usize = 16 * 1024 * 1024;
/// What a key check seals: known words, so a wrong key fails to open it.
const CHECK_WORDS: &[u8] = b"harbour team key check";

/// What a sealed op carries: everything of the op but its place (team, device, seq), which the
/// slot gives.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PlainOp {
    pub op_id: Uuid,
    /// Its place in its device's own log.
    pub idx: i64,
    pub hlc_wall_ms: i64,
    pub hlc_counter: u32,
    pub author: Option<Uuid>,
    pub kind: String,
    pub entity: String,
    pub payload: String,
}

/// Why a sealed op would not open.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    /// Sealed by a newer Harbour.
    #[error("sealed in a format this version does not know")]
    UnknownFormat,
    /// Not sealed with this team key for this slot, or changed since.
    #[error("does not open with this team's key in this place")]
    WrongKeyOrPlace,
    /// Opened, but what is inside is damaged, or its id does not match its tag.
    #[error("opened but damaged")]
    Damaged,
}

/// A team's key: 32 random bytes made on the team's first device. Every op of the team is
/// sealed with keys derived from it; the hub never has it.
#[derive(Clone)]
pub struct TeamKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for TeamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TeamKey({})", self.key_id())
    }
}

impl TeamKey {
    pub fn random() -> Self {
        let mut key = Zeroizing::new([0u8; 32]);
        getrandom::fill(&mut key[..]).expect("the system's random numbers");
        Self(key)
    }

    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        Self(Zeroizing::new(*bytes))
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn derive(&self, context: &str) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(blake3::derive_key(context, &self.0[..]))
    }

    fn key_id_bytes(&self) -> [u8; 16] {
        let k = self.derive("harbour 2026-12 sync key id");
        let mut id = [0u8; 16];
        id.copy_from_slice(&k[..16]);
        id
    }

    /// Names the key without saying anything about it: the same on every device that holds it.
    pub fn key_id(&self) -> String {
        hex::encode(self.key_id_bytes())
    }

    /// The hub's handle on an op: the same for the same op on every device, and nothing of the
    /// op id (which would say when it was written) without the key.
    pub fn op_tag(&self, op_id: Uuid) -> [u8; 32] {
        *blake3::keyed_hash(
            &self.derive("harbour 2026-12 sync op tag"),
            op_id.as_bytes(),
        )
        .as_bytes()
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&*self.derive("harbour 2026-12 sync seal")).into())
    }

    /// Sealed known words bound to `team`: a device checks its key opens the team's check
    /// before it uploads anything, so one machine with the wrong key cannot poison the team.
    pub fn key_check(&self, team: Uuid) -> Vec<u8> {
        let aad = check_aad(team, &self.key_id_bytes());
        seal_bytes(&self.cipher(), CHECK_WORDS, &aad)
    }

    /// Whether `check` was made by [`TeamKey::key_check`] with this key for `team`.
    pub fn opens_check(&self, team: Uuid, check: &[u8]) -> bool {
        let aad = check_aad(team, &self.key_id_bytes());
        open_bytes(&self.cipher(), check, &aad).is_ok_and(|w| w == CHECK_WORDS)
    }

    /// Seals `op` for its slot.
    pub fn seal(&self, team: Uuid, device: Uuid, seq: i64, op: &PlainOp) -> WireSlot {
        let op_tag = self.op_tag(op.op_id);
        let plain = postcard::to_stdvec(op).expect("ops always encode");
        let packed = Zeroizing::new(pad(&lz4_flex::compress_prepend_size(&plain)));
        let aad = slot_aad(team, device, seq, &self.key_id_bytes(), &op_tag);
        WireSlot {
            seq,
            op_tag,
            sealed: seal_bytes(&self.cipher(), &packed, &aad),
        }
    }

    /// Opens a slot of `device`'s series of `team`.
    pub fn open(&self, team: Uuid, device: Uuid, slot: &WireSlot) -> Result<PlainOp, OpenError> {
        let aad = slot_aad(team, device, slot.seq, &self.key_id_bytes(), &slot.op_tag);
        let packed = Zeroizing::new(open_bytes(&self.cipher(), &slot.sealed, &aad)?);
        let compressed = unpad(&packed).ok_or(OpenError::Damaged)?;
        // The size is the sealer's word: refuse one that would claim memory out of all reason.
        let claimed = u32::from_le_bytes(
            compressed
                .get(..4)
                .ok_or(OpenError::Damaged)?
                .try_into()
                .map_err(|_| OpenError::Damaged)?,
        );
        if claimed as usize > MAX_OP_BYTES {
            return Err(OpenError::Damaged);
        }
        let plain =
            lz4_flex::decompress_size_prepended(compressed).map_err(|_| OpenError::Damaged)?;
        let op: PlainOp = crate::wire::decode(&plain).map_err(|_| OpenError::Damaged)?;
        if self.op_tag(op.op_id) != slot.op_tag {
            return Err(OpenError::Damaged);
        }
        Ok(op)
    }
}

fn check_aad(team: Uuid, key_id: &[u8; 16]) -> Vec<u8> {
    let mut aad = b"harbour key check v1".to_vec();
    aad.extend_from_slice(team.as_bytes());
    aad.extend_from_slice(key_id);
    aad
}

fn slot_aad(team: Uuid, device: Uuid, seq: i64, key_id: &[u8; 16], tag: &[u8; 32]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(96);
    aad.extend_from_slice(b"harbour op v1");
    aad.extend_from_slice(team.as_bytes());
    aad.extend_from_slice(device.as_bytes());
    aad.extend_from_slice(&seq.to_le_bytes());
    aad.extend_from_slice(key_id);
    aad.extend_from_slice(tag);
    aad
}

fn seal_bytes(cipher: &XChaCha20Poly1305, plain: &[u8], aad: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE];
    getrandom::fill(&mut nonce).expect("the system's random numbers");
    let body = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .expect("sealing never fails for these lengths");
    let mut out = Vec::with_capacity(1 + NONCE + body.len());
    out.push(FORMAT);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&body);
    out
}

fn open_bytes(cipher: &XChaCha20Poly1305, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, OpenError> {
    let (&format, rest) = sealed.split_first().ok_or(OpenError::WrongKeyOrPlace)?;
    if format != FORMAT {
        return Err(OpenError::UnknownFormat);
    }
    if rest.len() < NONCE {
        return Err(OpenError::WrongKeyOrPlace);
    }
    let (nonce, body) = rest.split_at(NONCE);
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
        .map_err(|_| OpenError::WrongKeyOrPlace)
}

/// PADMÉ (Nikitin et al., 2019): the padded length keeps only about log2(log2(n)) + 1 of its
/// significant bits, so at most about 12 % is added and lengths fall into few classes.
pub fn padme(len: usize) -> usize {
    if len < 2 {
        return len;
    }
    let e = usize::BITS - 1 - len.leading_zeros();
    let s = u32::BITS - e.leading_zeros();
    let last_bits = e - s;
    let mask = (1usize << last_bits) - 1;
    (len + mask) & !mask
}

/// The length (4 bytes, little-endian), the bytes, then zeros up to the PADMÉ length.
fn pad(bytes: &[u8]) -> Vec<u8> {
    let total = padme(bytes.len() + 4);
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
    out.resize(total, 0);
    out
}

fn unpad(padded: &[u8]) -> Option<&[u8]> {
    let len = u32::from_le_bytes(padded.get(..4)?.try_into().ok()?) as usize;
    let body = padded.get(4..4 + len)?;
    padded[4 + len..].iter().all(|&b| b == 0).then_some(body)
}

/// The rolling hash of a series after `slot`, given the hash before it. Both the hub and the
/// devices compute it from the slot as the hub holds it, so two that agree on a series' last
/// hash agree on every slot of it.
pub fn chain(before: &Chain, slot: &WireSlot) -> Chain {
    let mut h = blake3::Hasher::new_derive_key("harbour 2026-12 sync chain");
    h.update(before);
    h.update(&slot.seq.to_le_bytes());
    h.update(&slot.op_tag);
    h.update(blake3::hash(&slot.sealed).as_bytes());
    *h.finalize().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(payload: &str) -> PlainOp {
        PlainOp {
            op_id: Uuid::now_v7(),
            idx: 7,
            hlc_wall_ms: 1_764_000_000_000,
            hlc_counter: 2,
            author: Some(Uuid::now_v7()),
            kind: "note_added".into(),
            entity: "child:1".into(),
            payload: payload.into(),
        }
    }

    #[test]
    fn an_op_opens_only_with_its_key_in_its_place() {
        let key = TeamKey::random();
        let (team, device) = (Uuid::now_v7(), Uuid::now_v7());
        let o = op(r#"{"text":"Seen at the bus station"}"#);
        let slot = key.seal(team, device, 3, &o);
        assert_eq!(key.open(team, device, &slot), Ok(o.clone()));
        // Nothing of the op is readable on the wire.
        assert!(!slot.sealed.windows(3).any(|w| w == b"bus"));
        let other = TeamKey::random();
        assert_eq!(
            other.open(team, device, &slot),
            Err(OpenError::WrongKeyOrPlace)
        );
        assert_eq!(
            key.open(Uuid::now_v7(), device, &slot),
            Err(OpenError::WrongKeyOrPlace)
        );
        assert_eq!(
            key.open(team, Uuid::now_v7(), &slot),
            Err(OpenError::WrongKeyOrPlace)
        );
        let moved = WireSlot {
            seq: 4,
            ..slot.clone()
        };
        assert_eq!(
            key.open(team, device, &moved),
            Err(OpenError::WrongKeyOrPlace)
        );
        let retagged = WireSlot {
            op_tag: key.op_tag(Uuid::now_v7()),
            ..slot.clone()
        };
        assert_eq!(
            key.open(team, device, &retagged),
            Err(OpenError::WrongKeyOrPlace)
        );
        let mut flipped = slot.clone();
        let last = flipped.sealed.len() - 1;
        flipped.sealed[last] ^= 1;
        assert_eq!(
            key.open(team, device, &flipped),
            Err(OpenError::WrongKeyOrPlace)
        );
        let mut newer = slot;
        newer.sealed[0] = 2;
        assert_eq!(
            key.open(team, device, &newer),
            Err(OpenError::UnknownFormat)
        );
        assert_eq!(
            key.open(
                team,
                device,
                &WireSlot {
                    sealed: vec![],
                    ..newer
                }
            ),
            Err(OpenError::WrongKeyOrPlace)
        );
    }

    #[test]
    fn the_key_check_tells_the_right_key_from_a_wrong_one() {
        let key = TeamKey::random();
        let team = Uuid::now_v7();
        let check = key.key_check(team);
        assert!(key.opens_check(team, &check));
        assert!(TeamKey::from_bytes(key.bytes()).opens_check(team, &check));
        assert!(!TeamKey::random().opens_check(team, &check));
        assert!(!key.opens_check(Uuid::now_v7(), &check));
        assert!(!key.opens_check(team, b"junk"));
        assert_eq!(key.key_id(), TeamKey::from_bytes(key.bytes()).key_id());
        assert_ne!(key.key_id(), TeamKey::random().key_id());
    }

    #[test]
    fn lengths_fall_into_few_classes() {
        assert_eq!(padme(0), 0);
        assert_eq!(padme(1), 1);
        assert_eq!(padme(9), 10);
        assert_eq!(padme(100), 104);
        assert_eq!(padme(1000), 1024);
        for n in 2..70_000usize {
            let p = padme(n);
            assert!(p >= n && (p - n) * 100 <= n * 12 + 100, "{n} → {p}");
        }
        // What is encrypted is always a PADMÉ length: 1 format byte, 24 of nonce, 16 of tag.
        let key = TeamKey::random();
        let (team, device) = (Uuid::now_v7(), Uuid::now_v7());
        for n in [0, 1, 50, 300, 301, 5000] {
            let text: String = (0..n)
                .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
                .collect();
            let sealed = key.seal(team, device, 0, &op(&text)).sealed.len() - 41;
            assert_eq!(padme(sealed), sealed, "{n}");
        }
    }

    #[test]
    fn the_chain_changes_with_every_part_of_a_slot() {
        let slot = WireSlot {
            seq: 0,
            op_tag: [1; 32],
            sealed: vec![1, 2, 3],
        };
        let start = [0u8; 32];
        let c = chain(&start, &slot);
        assert_ne!(c, chain(&[9; 32], &slot));
        assert_ne!(
            c,
            chain(
                &start,
                &WireSlot {
                    seq: 1,
                    ..slot.clone()
                }
            )
        );
        assert_ne!(
            c,
            chain(
                &start,
                &WireSlot {
                    op_tag: [2; 32],
                    ..slot.clone()
                }
            )
        );
        assert_ne!(
            c,
            chain(
                &start,
                &WireSlot {
                    sealed: vec![1, 2, 4],
                    ..slot.clone()
                }
            )
        );
        assert_eq!(c, chain(&start, &slot));
    }
}
