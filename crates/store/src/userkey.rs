//! A member of staff's key pair, and the data key sealed to it.
//!
//! Each member of staff has an X25519 key pair. Its secret half is wrapped under a key made from
//! their PIN (Argon2id) together with this computer's device secret (see `device`), so the PIN
//! alone opens nothing. The data key is sealed to the public half (an ephemeral X25519 key,
//! BLAKE3 to derive the sealing key, XChaCha20-Poly1305), so an administrator can seal a new
//! data key to every remaining member of staff without knowing anyone's PIN: that is how a
//! leaver is revoked and how keys are rotated. The public key is recorded in the database (an
//! op), so an entry added to the key file from outside Harbour is found at the next unlock.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use harbour_core::UserId;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::keys::{fill_random, hex_bytes, wrapping_key, DataKey, KdfParams};
use crate::staffkey::{SharedFrom, StaffLock, Wrap};

/// The pair's secret half, zeroised when dropped.
pub(crate) struct UserSecret(StaticSecret);

impl UserSecret {
    pub(crate) fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(StaticSecret::from(bytes))
    }

    pub(crate) fn random() -> Result<Self, StoreError> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        fill_random(bytes.as_mut())?;
        Ok(Self(StaticSecret::from(*bytes)))
    }

    pub(crate) fn public(&self) -> [u8; 32] {
        PublicKey::from(&self.0).to_bytes()
    }

    pub(crate) fn bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    pub(crate) fn copy(&self) -> Self {
        Self(self.0.clone())
    }
}

/// One member of staff's entry in the key file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserEntry {
    pub user: UserId,
    /// A keyed hash of the normalised name (see `KeyFile::name_tag`).
    #[serde(with = "hex_bytes")]
    pub name_tag: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub public_key: Vec<u8>,
    pub kdf: KdfParams,
    #[serde(with = "hex_bytes")]
    pub salt: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub secret_nonce: Vec<u8>,
    /// The secret half under the PIN and device secret (32 bytes + 16 of tag).
    #[serde(with = "hex_bytes")]
    pub sealed_secret: Vec<u8>,
    /// The ephemeral public key the data key was sealed with.
    #[serde(with = "hex_bytes")]
    pub ephemeral: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub key_nonce: Vec<u8>,
    /// The data key sealed to `public_key` (32 bytes + 16 of tag).
    #[serde(with = "hex_bytes")]
    pub sealed_key: Vec<u8>,
    /// Set when the secret half is wrapped under the PIN and a team's staff key, as another
    /// device of the team shared it (see `staffkey`), not under this computer's device secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<SharedFrom>,
}

/// What wraps the secret half: the PIN's Argon2id output and the device secret, both needed.
fn pin_and_device_key(
    pin: &str,
    salt: &[u8],
    kdf: KdfParams,
    device: &[u8; 32],
) -> Result<Zeroizing<[u8; 32]>, StoreError> {
    let from_pin = wrapping_key(pin, salt, kdf)?;
    let mut input = Zeroizing::new([0u8; 64]);
    input[..32].copy_from_slice(from_pin.as_slice());
    input[32..].copy_from_slice(device);
    Ok(Zeroizing::new(blake3::derive_key(
        "harbour 2026 pin and device key v2",
        input.as_slice(),
    )))
}

fn secret_aad(store: Uuid, user: UserId, kdf: KdfParams, salt: &[u8], public: &[u8]) -> Vec<u8> {
    let mut aad = b"harbour-user-secret-v2".to_vec();
    aad.extend_from_slice(store.as_bytes());
    aad.extend_from_slice(user.as_uuid().as_bytes());
    for n in [kdf.m_kib, kdf.t, kdf.p] {
        aad.extend_from_slice(&n.to_le_bytes());
    }
    aad.extend_from_slice(salt);
    aad.extend_from_slice(public);
    aad
}

fn key_aad(store: Uuid, generation: u64, user: UserId) -> Vec<u8> {
    let mut aad = b"harbour-data-key-v2".to_vec();
    aad.extend_from_slice(store.as_bytes());
    aad.extend_from_slice(&generation.to_le_bytes());
    aad.extend_from_slice(user.as_uuid().as_bytes());
    aad
}

fn sealing_key(shared: &[u8; 32], ephemeral: &[u8; 32], public: &[u8; 32]) -> Zeroizing<[u8; 32]> {
    let mut input = Zeroizing::new([0u8; 96]);
    input[..32].copy_from_slice(shared);
    input[32..64].copy_from_slice(ephemeral);
    input[64..].copy_from_slice(public);
    Zeroizing::new(blake3::derive_key(
        "harbour 2026 data key seal v2",
        input.as_slice(),
    ))
}

/// 32 bytes sealed to an X25519 public key: an ephemeral key pair's public half, a nonce and
/// the sealed bytes (32 + 16 of tag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    #[serde(with = "hex_bytes")]
    pub ephemeral: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub nonce: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub sealed: Vec<u8>,
}

/// Seals `secret` to `public`, bound to `aad`. Needs nothing secret of the recipient.
pub(crate) fn seal_to(public: &[u8], secret: &[u8; 32], aad: &[u8]) -> Result<Sealed, StoreError> {
    let public = bytes32(public)?;
    let ephemeral = UserSecret::random()?;
    let shared = ephemeral.0.diffie_hellman(&PublicKey::from(public));
    if !shared.was_contributory() {
        return Err(StoreError::KeyFileDamaged);
    }
    let eph_public = ephemeral.public();
    let k = sealing_key(shared.as_bytes(), &eph_public, &public);
    let mut nonce = vec![0u8; 24];
    fill_random(&mut nonce)?;
    let sealed = XChaCha20Poly1305::new(k.as_slice().into())
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: secret, aad })
        .map_err(|_| StoreError::KeyFileDamaged)?;
    Ok(Sealed {
        ephemeral: eph_public.to_vec(),
        nonce,
        sealed,
    })
}

/// Opens what [`seal_to`] sealed to `secret`'s public half; `None` if it was not (or was
/// changed, or bound to other `aad`).
pub(crate) fn open_sealed(
    secret: &UserSecret,
    sealed: &Sealed,
    aad: &[u8],
) -> Result<Option<Zeroizing<[u8; 32]>>, StoreError> {
    if sealed.nonce.len() != 24 {
        return Err(StoreError::KeyFileDamaged);
    }
    let ephemeral = bytes32(&sealed.ephemeral)?;
    let shared = secret.0.diffie_hellman(&PublicKey::from(ephemeral));
    let k = sealing_key(shared.as_bytes(), &ephemeral, &secret.public());
    let Ok(plain) = XChaCha20Poly1305::new(k.as_slice().into()).decrypt(
        XNonce::from_slice(&sealed.nonce),
        Payload {
            msg: &sealed.sealed,
            aad,
        },
    ) else {
        return Ok(None);
    };
    let plain = Zeroizing::new(plain);
    Ok(Some(Zeroizing::new(bytes32(&plain)?)))
}

fn bytes32(bytes: &[u8]) -> Result<[u8; 32], StoreError> {
    bytes.try_into().map_err(|_| StoreError::KeyFileDamaged)
}

/// What wraps a secret half: a PIN, this computer's device secret and the Argon2id cost.
#[derive(Clone, Copy)]
pub(crate) struct PinLock<'a> {
    pub pin: &'a str,
    pub device: &'a [u8; 32],
    pub kdf: KdfParams,
}

/// Which store and key generation an entry belongs to (bound into its seals).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeyContext {
    pub store: Uuid,
    pub generation: u64,
}

impl UserEntry {
    /// A new entry: `secret` wrapped under `pin` and `device`, and `key` sealed to it.
    pub(crate) fn new(
        ctx: KeyContext,
        user: UserId,
        name_tag: Vec<u8>,
        secret: &UserSecret,
        lock: PinLock<'_>,
        key: &DataKey,
    ) -> Result<Self, StoreError> {
        let PinLock { pin, device, kdf } = lock;
        let public = secret.public();
        let mut salt = vec![0u8; 16];
        let mut secret_nonce = vec![0u8; 24];
        fill_random(&mut salt)?;
        fill_random(&mut secret_nonce)?;
        let kek = pin_and_device_key(pin, &salt, kdf, device)?;
        let sealed_secret = XChaCha20Poly1305::new(kek.as_slice().into())
            .encrypt(
                XNonce::from_slice(&secret_nonce),
                Payload {
                    msg: secret.0.as_bytes(),
                    aad: &secret_aad(ctx.store, user, kdf, &salt, &public),
                },
            )
            .map_err(|_| StoreError::KeyFileDamaged)?;
        let mut entry = Self {
            user,
            name_tag,
            public_key: public.to_vec(),
            kdf,
            salt,
            secret_nonce,
            sealed_secret,
            ephemeral: Vec::new(),
            key_nonce: Vec::new(),
            sealed_key: Vec::new(),
            shared: None,
        };
        entry.seal_key(ctx, key)?;
        Ok(entry)
    }

    /// An entry for a member of staff whose secret half another device of `from.team`
    /// wrapped: the wrap as it came, and this store's data key sealed to `public`.
    pub(crate) fn from_wrap(
        ctx: KeyContext,
        user: UserId,
        name_tag: Vec<u8>,
        public: Vec<u8>,
        wrap: Wrap,
        from: SharedFrom,
        key: &DataKey,
    ) -> Result<Self, StoreError> {
        let mut entry = Self {
            user,
            name_tag,
            public_key: public,
            kdf: wrap.kdf,
            salt: wrap.salt,
            secret_nonce: wrap.nonce,
            sealed_secret: wrap.sealed,
            ephemeral: Vec::new(),
            key_nonce: Vec::new(),
            sealed_key: Vec::new(),
            shared: Some(from),
        };
        entry.seal_key(ctx, key)?;
        Ok(entry)
    }

    /// The secret half of an entry another device shared, if `pin` is its PIN.
    pub(crate) fn open_shared(
        &self,
        ctx: KeyContext,
        locks: &[StaffLock],
        pin: &str,
        device: &[u8; 32],
    ) -> Result<Option<UserSecret>, StoreError> {
        let from = self.shared.as_ref().ok_or(StoreError::KeyFileDamaged)?;
        let lock = locks
            .iter()
            .find(|l| l.team == from.team)
            .ok_or(StoreError::KeyFileDamaged)?;
        let staff = lock.open(ctx.store, device)?;
        let wrap = Wrap {
            kdf: self.kdf,
            salt: self.salt.clone(),
            nonce: self.secret_nonce.clone(),
            sealed: self.sealed_secret.clone(),
        };
        wrap.open(from.team, self.user, &self.public_key, pin, &staff)
    }

    /// Seals `key` to this entry's public key, replacing the data key sealed before. Needs no
    /// PIN: how a new data key reaches every remaining member of staff.
    pub(crate) fn seal_key(&mut self, ctx: KeyContext, key: &DataKey) -> Result<(), StoreError> {
        let sealed = seal_to(
            &self.public_key,
            key.bytes(),
            &key_aad(ctx.store, ctx.generation, self.user),
        )?;
        self.ephemeral = sealed.ephemeral;
        self.key_nonce = sealed.nonce;
        self.sealed_key = sealed.sealed;
        Ok(())
    }

    /// The secret half, if `pin` is this entry's PIN on this device. `Ok(None)`: a wrong PIN
    /// (or another computer's device secret).
    pub(crate) fn open_secret(
        &self,
        ctx: KeyContext,
        pin: &str,
        device: &[u8; 32],
    ) -> Result<Option<UserSecret>, StoreError> {
        if self.secret_nonce.len() != 24 || self.salt.len() < 16 {
            return Err(StoreError::KeyFileDamaged);
        }
        let kek = pin_and_device_key(pin, &self.salt, self.kdf, device)?;
        let Ok(plain) = XChaCha20Poly1305::new(kek.as_slice().into()).decrypt(
            XNonce::from_slice(&self.secret_nonce),
            Payload {
                msg: &self.sealed_secret,
                aad: &secret_aad(ctx.store, self.user, self.kdf, &self.salt, &self.public_key),
            },
        ) else {
            return Ok(None);
        };
        let plain = Zeroizing::new(plain);
        let secret = UserSecret(StaticSecret::from(bytes32(&plain)?));
        if secret.public().as_slice() != self.public_key.as_slice() {
            return Err(StoreError::KeyFileDamaged);
        }
        Ok(Some(secret))
    }

    /// The data key, opened with the secret half.
    pub(crate) fn open_key(
        &self,
        ctx: KeyContext,
        secret: &UserSecret,
    ) -> Result<DataKey, StoreError> {
        let sealed = Sealed {
            ephemeral: self.ephemeral.clone(),
            nonce: self.key_nonce.clone(),
            sealed: self.sealed_key.clone(),
        };
        let key = open_sealed(
            secret,
            &sealed,
            &key_aad(ctx.store, ctx.generation, self.user),
        )?
        .ok_or(StoreError::KeyFileDamaged)?;
        Ok(DataKey::from_bytes(*key))
    }

    /// The same secret half wrapped under a new PIN (the data key stays sealed as it was).
    pub(crate) fn rewrap(
        &self,
        ctx: KeyContext,
        secret: &UserSecret,
        lock: PinLock<'_>,
        key: &DataKey,
    ) -> Result<Self, StoreError> {
        UserEntry::new(ctx, self.user, self.name_tag.clone(), secret, lock, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KDF: KdfParams = KdfParams::OWASP_MINIMUM;

    fn ctx() -> KeyContext {
        KeyContext {
            store: Uuid::now_v7(),
            generation: 0,
        }
    }

    fn entry(ctx: KeyContext, key: &DataKey, device: &[u8; 32]) -> UserEntry {
        let user = UserId::from_uuid(Uuid::now_v7());
        let secret = UserSecret::random().unwrap();
        let lock = PinLock {
            pin: "402719",
            device,
            kdf: KDF,
        };
        UserEntry::new(ctx, user, vec![], &secret, lock, key).unwrap()
    }

    #[test]
    fn the_pin_opens_only_with_this_devices_secret() {
        let (ctx, key) = (ctx(), DataKey::random().unwrap());
        let e = entry(ctx, &key, &[7; 32]);
        let secret = e.open_secret(ctx, "402719", &[7; 32]).unwrap().unwrap();
        assert_eq!(e.open_key(ctx, &secret).unwrap().bytes(), key.bytes());
        assert!(e.open_secret(ctx, "402718", &[7; 32]).unwrap().is_none());
        assert!(
            e.open_secret(ctx, "402719", &[8; 32]).unwrap().is_none(),
            "the right PIN with another device's secret opens nothing"
        );
        let text = serde_json::to_string(&e).unwrap();
        assert!(!text.contains(&hex::encode(key.bytes())));
    }

    #[test]
    fn a_new_data_key_is_sealed_without_the_pin_and_bound_to_its_generation() {
        let (ctx, key) = (ctx(), DataKey::random().unwrap());
        let mut e = entry(ctx, &key, &[7; 32]);
        let next = KeyContext {
            generation: 1,
            ..ctx
        };
        let new_key = DataKey::random().unwrap();
        e.seal_key(next, &new_key).unwrap();
        let secret = e.open_secret(ctx, "402719", &[7; 32]).unwrap().unwrap();
        assert_eq!(e.open_key(next, &secret).unwrap().bytes(), new_key.bytes());
        assert!(
            e.open_key(ctx, &secret).is_err(),
            "the generation is bound in"
        );
        // Moved to another user, or another store: nothing opens.
        let moved = UserEntry {
            user: UserId::from_uuid(Uuid::now_v7()),
            ..e.clone()
        };
        assert!(moved
            .open_secret(ctx, "402719", &[7; 32])
            .unwrap()
            .is_none());
        let elsewhere = KeyContext {
            store: Uuid::now_v7(),
            ..next
        };
        assert!(e
            .open_secret(elsewhere, "402719", &[7; 32])
            .unwrap()
            .is_none());
    }
}
