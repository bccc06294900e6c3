//! A member of staff's key pair shared with the other devices of their team, so that they sign
//! in on each with the same name and PIN, and disabling them once locks them out of all.
//!
//! The team key (only the team's devices hold it; the hub never sees it) gives a staff key. A
//! member of staff's secret half is wrapped under their PIN (Argon2id) together with that staff
//! key, and travels in the team as a `staff_key_shared` op, whenever the PIN is typed where the
//! wrap is missing or the PIN was just chosen. Each device of the team then keeps, in its key
//! file, an entry for every enabled member of the team whose wrap it holds: the wrap as it came,
//! and this device's data key sealed to the pair's public half (no PIN needed for that). The
//! staff key itself is kept in the key file under this computer's device secret, so that a
//! shared entry opens before the database does — with the PIN, the key file and this
//! computer's keyring, as a device's own entries do.
//!
//! What a holder of the team key could do with a wrap: guess PINs at Argon2id's cost — as a
//! thief of a device's key file and keyring could with that device's own entries.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use harbour_core::{TeamId, UserId};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::keys::{fill_random, hex_bytes, KdfParams};
use crate::userkey::UserSecret;

/// What a team's devices derive from its team key to wrap their staff's secret halves.
#[derive(Clone)]
pub(crate) struct StaffKey(Zeroizing<[u8; 32]>);

impl StaffKey {
    pub(crate) fn of_team(team_key: &[u8; 32]) -> Self {
        Self(Zeroizing::new(blake3::derive_key(
            "harbour 2026 staff key v1",
            team_key,
        )))
    }
}

/// A secret half wrapped under a PIN and a team's staff key: the `wrap` of a
/// `staff_key_shared` op, as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrap {
    pub kdf: KdfParams,
    #[serde(with = "hex_bytes")]
    pub salt: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub nonce: Vec<u8>,
    /// 32 bytes + 16 of tag.
    #[serde(with = "hex_bytes")]
    pub sealed: Vec<u8>,
}

fn wrap_aad(team: TeamId, user: UserId, kdf: KdfParams, salt: &[u8], public: &[u8]) -> Vec<u8> {
    let mut aad = b"harbour-staff-wrap-v1".to_vec();
    aad.extend_from_slice(team.as_uuid().as_bytes());
    aad.extend_from_slice(user.as_uuid().as_bytes());
    for n in [kdf.m_kib, kdf.t, kdf.p] {
        aad.extend_from_slice(&n.to_le_bytes());
    }
    aad.extend_from_slice(salt);
    aad.extend_from_slice(public);
    aad
}

/// The PIN's Argon2id output: computed once for every team a PIN is wrapped for.
pub(crate) struct PinStretch {
    kdf: KdfParams,
    salt: Vec<u8>,
    out: Zeroizing<[u8; 32]>,
}

impl PinStretch {
    pub(crate) fn new(pin: &str, kdf: KdfParams) -> Result<Self, StoreError> {
        let mut salt = vec![0u8; 16];
        fill_random(&mut salt)?;
        Self::with_salt(pin, kdf, salt)
    }

    fn with_salt(pin: &str, kdf: KdfParams, salt: Vec<u8>) -> Result<Self, StoreError> {
        let out = crate::keys::wrapping_key(pin, &salt, kdf)?;
        Ok(Self { kdf, salt, out })
    }

    fn kek(&self, staff: &StaffKey) -> Zeroizing<[u8; 32]> {
        let mut input = Zeroizing::new([0u8; 64]);
        input[..32].copy_from_slice(self.out.as_slice());
        input[32..].copy_from_slice(staff.0.as_slice());
        Zeroizing::new(blake3::derive_key(
            "harbour 2026 staff pin key v1",
            input.as_slice(),
        ))
    }
}

impl Wrap {
    /// `secret` wrapped for `team` under the PIN `stretch` came from.
    pub(crate) fn new(
        team: TeamId,
        user: UserId,
        secret: &UserSecret,
        stretch: &PinStretch,
        staff: &StaffKey,
    ) -> Result<Self, StoreError> {
        let mut nonce = vec![0u8; 24];
        fill_random(&mut nonce)?;
        let public = secret.public();
        let kek = stretch.kek(staff);
        let sealed = XChaCha20Poly1305::new(kek.as_slice().into())
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: secret.bytes().as_slice(),
                    aad: &wrap_aad(team, user, stretch.kdf, &stretch.salt, &public),
                },
            )
            .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(Self {
            kdf: stretch.kdf,
            salt: stretch.salt.clone(),
            nonce,
            sealed,
        })
    }

    /// The secret half, if `pin` is the one it was wrapped under; `Ok(None)` if not.
    pub(crate) fn open(
        &self,
        team: TeamId,
        user: UserId,
        public: &[u8],
        pin: &str,
        staff: &StaffKey,
    ) -> Result<Option<UserSecret>, StoreError> {
        if self.nonce.len() != 24 || self.salt.len() < 16 {
            return Err(StoreError::KeyFileDamaged);
        }
        let stretch = PinStretch::with_salt(pin, self.kdf, self.salt.clone())?;
        let kek = stretch.kek(staff);
        let Ok(plain) = XChaCha20Poly1305::new(kek.as_slice().into()).decrypt(
            XNonce::from_slice(&self.nonce),
            Payload {
                msg: &self.sealed,
                aad: &wrap_aad(team, user, self.kdf, &self.salt, public),
            },
        ) else {
            return Ok(None);
        };
        let plain = Zeroizing::new(plain);
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::KeyFileDamaged)?;
        let secret = UserSecret::from_bytes(bytes);
        if secret.public().as_slice() != public {
            return Err(StoreError::KeyFileDamaged);
        }
        Ok(Some(secret))
    }

    pub(crate) fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub(crate) fn decode(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

/// In the key file: a team's staff key, under this computer's device secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLock {
    pub team: TeamId,
    #[serde(with = "hex_bytes")]
    pub nonce: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub sealed: Vec<u8>,
}

fn lock_key(device: &[u8; 32]) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(blake3::derive_key("harbour 2026 staff lock v1", device))
}

fn lock_aad(store: Uuid, team: TeamId) -> Vec<u8> {
    let mut aad = b"harbour-staff-lock-v1".to_vec();
    aad.extend_from_slice(store.as_bytes());
    aad.extend_from_slice(team.as_uuid().as_bytes());
    aad
}

impl StaffLock {
    pub(crate) fn seal(
        store: Uuid,
        team: TeamId,
        staff: &StaffKey,
        device: &[u8; 32],
    ) -> Result<Self, StoreError> {
        let mut nonce = vec![0u8; 24];
        fill_random(&mut nonce)?;
        let sealed = XChaCha20Poly1305::new(lock_key(device).as_slice().into())
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: staff.0.as_slice(),
                    aad: &lock_aad(store, team),
                },
            )
            .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(Self {
            team,
            nonce,
            sealed,
        })
    }

    /// The staff key; an error if this computer's secret does not open it (the file was
    /// copied from another computer, or changed).
    pub(crate) fn open(&self, store: Uuid, device: &[u8; 32]) -> Result<StaffKey, StoreError> {
        if self.nonce.len() != 24 {
            return Err(StoreError::KeyFileDamaged);
        }
        let plain = XChaCha20Poly1305::new(lock_key(device).as_slice().into())
            .decrypt(
                XNonce::from_slice(&self.nonce),
                Payload {
                    msg: &self.sealed,
                    aad: &lock_aad(store, self.team),
                },
            )
            .map_err(|_| StoreError::KeyFileDamaged)?;
        let plain = Zeroizing::new(plain);
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(StaffKey(Zeroizing::new(bytes)))
    }
}

/// Where a key file entry's wrapped secret came from, when another device of a team wrapped
/// it: the team, and the clock of the op that carried it (a newer one replaces it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedFrom {
    pub team: TeamId,
    pub hlc: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const KDF: KdfParams = KdfParams::OWASP_MINIMUM;

    #[test]
    fn a_wrap_opens_with_its_pin_and_team_only_and_a_lock_with_its_device_only() {
        let team = TeamId::from_uuid(Uuid::now_v7());
        let user = UserId::from_uuid(Uuid::now_v7());
        let secret = UserSecret::random().unwrap();
        let public = secret.public();
        let staff = StaffKey::of_team(&[3; 32]);
        let stretch = PinStretch::new("402719", KDF).unwrap();
        let wrap = Wrap::new(team, user, &secret, &stretch, &staff).unwrap();
        let wrap = Wrap::decode(&wrap.encode()).unwrap();
        let opened = wrap.open(team, user, &public, "402719", &staff).unwrap();
        assert_eq!(opened.unwrap().public(), public);
        assert!(wrap
            .open(team, user, &public, "402718", &staff)
            .unwrap()
            .is_none());
        let other_team = StaffKey::of_team(&[4; 32]);
        assert!(wrap
            .open(team, user, &public, "402719", &other_team)
            .unwrap()
            .is_none());
        let elsewhere = TeamId::from_uuid(Uuid::now_v7());
        assert!(wrap
            .open(elsewhere, user, &public, "402719", &staff)
            .unwrap()
            .is_none());

        let store = Uuid::now_v7();
        let lock = StaffLock::seal(store, team, &staff, &[7; 32]).unwrap();
        assert_eq!(
            *lock.open(store, &[7; 32]).unwrap().0,
            *staff.0,
            "the device's own secret opens it"
        );
        assert!(lock.open(store, &[8; 32]).is_err());
        assert!(lock.open(Uuid::now_v7(), &[7; 32]).is_err());
        let text = serde_json::to_string(&lock).unwrap();
        assert!(!text.contains(&hex::encode(staff.0.as_slice())));
    }
}
