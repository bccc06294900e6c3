//! Keys. One random 256-bit data key opens the encrypted database (a SQLCipher raw key, so
//! SQLCipher runs no key derivation of its own). Each member of staff's PIN wraps that key:
//! Argon2id turns the PIN and a random salt into a key-wrapping key, and XChaCha20-Poly1305
//! seals the data key with it. The wrapped copies, salts and Argon2id parameters live in the key
//! file beside the database; a wrong PIN fails the seal's check and nothing else is touched.
//!
//! Changing a PIN rewraps 32 bytes. Raising the parameters later only needs new entries: each
//! entry carries its own, and they are bound into the seal so they cannot be swapped.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{DateTime, Utc};
use harbour_core::users::normalise_user_name;
use harbour_core::UserId;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Write as _;
use std::path::Path;
use std::time::Duration;
use zeroize::Zeroizing;

use crate::error::StoreError;

/// Argon2id cost. Stored with every wrapped key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory, KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1). Nothing weaker is accepted,
    /// not even in tests.
    pub const OWASP_MINIMUM: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };

    /// What new PINs are wrapped with: about half a second on the 2-core machines Harbour is
    /// built and measured on (`cargo xtask bench` prints the unlock time; t = 3 measured 0.31 s
    /// for the whole unlock, so t = 5).
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 128 * 1024,
        t: 5,
        p: 1,
    };

    /// Refuses parameters below the minimum, or so large that a damaged or hostile key file
    /// could make unlocking exhaust memory.
    fn check(self) -> Result<Params, StoreError> {
        let min = Self::OWASP_MINIMUM;
        let sane = self.m_kib >= min.m_kib
            && self.t >= min.t
            && self.p >= 1
            && self.m_kib <= 4 * 1024 * 1024
            && self.t <= 64
            && self.p <= 16;
        if !sane {
            return Err(StoreError::KeyFileDamaged);
        }
        Params::new(self.m_kib, self.t, self.p, Some(32)).map_err(|_| StoreError::KeyFileDamaged)
    }
}

/// The key that opens the database. Zeroised when dropped; never printed.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(..)")
    }
}

impl DataKey {
    pub(crate) fn random() -> Result<Self, StoreError> {
        let mut key = Zeroizing::new([0u8; 32]);
        fill_random(key.as_mut())?;
        Ok(Self(key))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The statement that hands the key to SQLCipher as a raw key (`x'…'`).
    pub(crate) fn pragma(&self) -> Zeroizing<String> {
        let mut sql = Zeroizing::new(String::with_capacity(80));
        sql.push_str("PRAGMA key = \"x'");
        for b in self.0.iter() {
            sql.push(char::from(HEX[usize::from(b >> 4)]));
            sql.push(char::from(HEX[usize::from(b & 15)]));
        }
        sql.push_str("'\";");
        sql
    }

    /// A key for one purpose, derived so the data key itself is used only by SQLCipher.
    pub(crate) fn derive(&self, context: &str) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(blake3::derive_key(context, self.0.as_slice()))
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

pub(crate) fn fill_random(buf: &mut [u8]) -> Result<(), StoreError> {
    getrandom::fill(buf).map_err(|_| StoreError::Io(std::io::Error::other("no randomness")))
}

mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        hex::decode(text).map_err(serde::de::Error::custom)
    }
}

/// One member of staff's wrapped copy of the data key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyEntry {
    pub user: UserId,
    /// A keyed hash of the normalised name, to find the entry from what is typed at unlock
    /// without writing staff names in the clear.
    #[serde(with = "hex_bytes")]
    pub name_tag: Vec<u8>,
    pub kdf: KdfParams,
    #[serde(with = "hex_bytes")]
    pub salt: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub nonce: Vec<u8>,
    /// The sealed data key (32 bytes + 16 of tag).
    #[serde(with = "hex_bytes")]
    pub sealed: Vec<u8>,
}

/// What the seal is bound to besides the key: the entry's user and its KDF settings.
fn associated_data(user: UserId, kdf: KdfParams, salt: &[u8]) -> Vec<u8> {
    let mut aad = b"harbour-key-v1".to_vec();
    aad.extend_from_slice(user.as_uuid().as_bytes());
    for n in [kdf.m_kib, kdf.t, kdf.p] {
        aad.extend_from_slice(&n.to_le_bytes());
    }
    aad.extend_from_slice(salt);
    aad
}

fn wrapping_key(pin: &str, salt: &[u8], kdf: KdfParams) -> Result<Zeroizing<[u8; 32]>, StoreError> {
    let params = kdf.check()?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(pin.as_bytes(), salt, out.as_mut())
        .map_err(|_| StoreError::KeyFileDamaged)?;
    Ok(out)
}

impl KeyEntry {
    /// Wraps `key` under `pin` for `user`.
    pub(crate) fn seal(
        key: &DataKey,
        user: UserId,
        name_tag: Vec<u8>,
        pin: &str,
        kdf: KdfParams,
    ) -> Result<Self, StoreError> {
        let mut salt = vec![0u8; 16];
        let mut nonce = vec![0u8; 24];
        fill_random(&mut salt)?;
        fill_random(&mut nonce)?;
        let kek = wrapping_key(pin, &salt, kdf)?;
        let cipher = XChaCha20Poly1305::new(kek.as_slice().into());
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: key.bytes(),
                    aad: &associated_data(user, kdf, &salt),
                },
            )
            .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(Self {
            user,
            name_tag,
            kdf,
            salt,
            nonce,
            sealed,
        })
    }

    /// The data key, if `pin` is this entry's PIN. `Ok(None)` means a wrong PIN.
    pub(crate) fn open(&self, pin: &str) -> Result<Option<DataKey>, StoreError> {
        if self.nonce.len() != 24 || self.salt.len() < 16 {
            return Err(StoreError::KeyFileDamaged);
        }
        let kek = wrapping_key(pin, &self.salt, self.kdf)?;
        let cipher = XChaCha20Poly1305::new(kek.as_slice().into());
        let Ok(plain) = cipher.decrypt(
            XNonce::from_slice(&self.nonce),
            Payload {
                msg: &self.sealed,
                aad: &associated_data(self.user, self.kdf, &self.salt),
            },
        ) else {
            return Ok(None);
        };
        let plain = Zeroizing::new(plain);
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(Some(DataKey(Zeroizing::new(bytes))))
    }
}

/// A failed unlock, kept until the next successful one writes it into the audit chain (the
/// chain is inside the encrypted database, which a wrong PIN cannot open).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedUnlock {
    pub at: DateTime<Utc>,
    /// The user the typed name matched, if any.
    pub user: Option<UserId>,
}

/// The key file: everything needed before the database can be opened. Holds no names, notes or
/// anything about a child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub format: u32,
    /// Keys the name tags; random per install.
    #[serde(with = "hex_bytes")]
    pub tag_key: Vec<u8>,
    pub entries: Vec<KeyEntry>,
    /// Minutes of inactivity before the app locks itself.
    pub auto_lock_minutes: u32,
    #[serde(default)]
    pub failures: Vec<FailedUnlock>,
    /// A demonstration store of fictional children, opened with the published demo PIN.
    #[serde(default)]
    pub demo: bool,
}

pub const KEY_FILE_FORMAT: u32 = 1;
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;

impl KeyFile {
    pub(crate) fn new() -> Result<Self, StoreError> {
        let mut tag_key = vec![0u8; 32];
        fill_random(&mut tag_key)?;
        Ok(Self {
            format: KEY_FILE_FORMAT,
            tag_key,
            entries: Vec::new(),
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            failures: Vec::new(),
            demo: false,
        })
    }

    pub(crate) fn name_tag(&self, name: &str) -> Vec<u8> {
        let mut key = [0u8; 32];
        let n = self.tag_key.len().min(32);
        key[..n].copy_from_slice(&self.tag_key[..n]);
        blake3::keyed_hash(&key, normalise_user_name(name).as_bytes())
            .as_bytes()
            .to_vec()
    }

    /// The entry for what was typed as the name; with one user the name may be left empty.
    pub(crate) fn find(&self, name: Option<&str>) -> Option<&KeyEntry> {
        match name.map(str::trim).filter(|n| !n.is_empty()) {
            None if self.entries.len() == 1 => self.entries.first(),
            None => None,
            Some(name) => {
                let tag = self.name_tag(name);
                self.entries.iter().find(|e| e.name_tag == tag)
            }
        }
    }

    /// How long to wait before the next attempt is allowed: nothing for the first three
    /// failures in a row, then 5 s, doubling each time, up to 5 minutes.
    pub fn wait_after_failures(&self) -> Duration {
        let n = self.failures.len() as u32;
        if n < 3 {
            return Duration::ZERO;
        }
        let secs = 5u64.saturating_mul(1u64 << (n - 3).min(16));
        Duration::from_secs(secs.min(300))
    }

    /// When the next attempt is allowed.
    pub fn next_attempt_at(&self) -> Option<DateTime<Utc>> {
        let last = self.failures.last()?.at;
        let wait = chrono::Duration::from_std(self.wait_after_failures()).ok()?;
        Some(last + wait)
    }

    pub(crate) fn load(path: &Path) -> Result<Option<KeyFile>, StoreError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let file: KeyFile =
            serde_json::from_slice(&bytes).map_err(|_| StoreError::KeyFileDamaged)?;
        if file.format > KEY_FILE_FORMAT {
            return Err(StoreError::TooNew);
        }
        if file.tag_key.len() != 32 {
            return Err(StoreError::KeyFileDamaged);
        }
        Ok(Some(file))
    }

    /// Replaces the file atomically: a crash leaves the old file or the new, never half of one.
    pub(crate) fn save(&self, path: &Path) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec_pretty(self).map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(write_atomically(path, |f| f.write_all(&bytes))?)
    }
}

/// Writes `path` through a temporary file in the same folder, synced, then renamed over it,
/// and syncs the folder so the rename itself survives a power cut. The file is readable by its
/// owner only (the temporary file is made with mode 0600): the app's exports and grab sheets
/// use it too.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    fill(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        // Not every platform can sync a directory; the rename is still atomic.
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn user() -> UserId {
        UserId::from_uuid(Uuid::now_v7())
    }

    #[test]
    fn the_right_pin_unwraps_and_a_wrong_one_does_not() {
        let key = DataKey::random().unwrap();
        let who = user();
        let entry =
            KeyEntry::seal(&key, who, vec![1; 32], "402719", KdfParams::OWASP_MINIMUM).unwrap();
        assert!(!entry.sealed.windows(32).any(|w| w == key.bytes()));
        let opened = entry.open("402719").unwrap().unwrap();
        assert_eq!(opened.bytes(), key.bytes());
        assert!(entry.open("402718").unwrap().is_none());
        assert!(entry.open("").unwrap().is_none());
    }

    #[test]
    fn an_entry_moved_to_another_user_or_weakened_does_not_open() {
        let key = DataKey::random().unwrap();
        let entry =
            KeyEntry::seal(&key, user(), vec![], "402719", KdfParams::OWASP_MINIMUM).unwrap();
        let moved = KeyEntry {
            user: user(),
            ..entry.clone()
        };
        assert!(moved.open("402719").unwrap().is_none());
        let stronger = KeyEntry {
            kdf: KdfParams { t: 3, ..entry.kdf },
            ..entry.clone()
        };
        assert!(stronger.open("402719").unwrap().is_none());
        let weakened = KeyEntry {
            kdf: KdfParams {
                m_kib: 1024,
                ..entry.kdf
            },
            ..entry
        };
        assert!(matches!(
            weakened.open("402719"),
            Err(StoreError::KeyFileDamaged)
        ));
    }

    #[test]
    fn waits_grow_after_the_third_failure_and_are_capped() {
        let mut file = KeyFile::new().unwrap();
        let at = Utc::now();
        let mut waits = Vec::new();
        for _ in 0..12 {
            file.failures.push(FailedUnlock { at, user: None });
            waits.push(file.wait_after_failures().as_secs());
        }
        assert_eq!(waits, [0, 0, 5, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
    }

    #[test]
    fn the_key_file_round_trips_and_refuses_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("harbour.keys");
        assert_eq!(KeyFile::load(&path).unwrap(), None);
        let mut file = KeyFile::new().unwrap();
        let key = DataKey::random().unwrap();
        let tag = file.name_tag(" Sam OKAFOR");
        file.entries
            .push(KeyEntry::seal(&key, user(), tag, "402719", KdfParams::OWASP_MINIMUM).unwrap());
        file.save(&path).unwrap();
        let back = KeyFile::load(&path).unwrap().unwrap();
        assert_eq!(back, file);
        assert!(back.find(Some("sam okafor")).is_some());
        assert!(back.find(None).is_some(), "one user: no name needed");
        assert!(back.find(Some("someone else")).is_none());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.to_lowercase().contains("okafor"));

        std::fs::write(&path, &text[..text.len() / 2]).unwrap();
        assert!(matches!(
            KeyFile::load(&path),
            Err(StoreError::KeyFileDamaged)
        ));
        std::fs::write(&path, text.replace("\"format\": 1", "\"format\": 99")).unwrap();
        assert!(matches!(KeyFile::load(&path), Err(StoreError::TooNew)));
    }
}
