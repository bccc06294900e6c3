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
use harbour_core::users::normalise_user_name;
use harbour_core::UserId;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Write as _;
use std::path::Path;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::StoreError;
pub(crate) use crate::userkey::{KeyContext, UserEntry};

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

    pub(crate) fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The statement that re-encrypts the open database under this key.
    pub(crate) fn rekey_pragma(&self) -> Zeroizing<String> {
        let key = self.pragma();
        Zeroizing::new(key.replacen("PRAGMA key", "PRAGMA rekey", 1))
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

pub(crate) mod hex_bytes {
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

pub(crate) fn wrapping_key(
    pin: &str,
    salt: &[u8],
    kdf: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, StoreError> {
    let params = kdf.check()?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(pin.as_bytes(), salt, out.as_mut())
        .map_err(|_| StoreError::KeyFileDamaged)?;
    Ok(out)
}

impl KeyEntry {
    /// Wraps `key` under `pin` for `user`, as format 1 did (tests make such files to check
    /// they still open and are replaced).
    #[cfg(test)]
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

/// The key file: everything needed before the database can be opened. Holds no names, notes or
/// anything about a child.
///
/// Format 2 holds each member of staff's key pair ([`UserEntry`]), the store's id (which names
/// its device secret) and the data key's generation, and is authenticated as a whole by a MAC
/// under a key derived from the data key. Format 1 files held PIN-only entries ([`KeyEntry`]);
/// such an entry still opens (it is `entries`) until its user next unlocks, when it is
/// replaced by a key pair, and a key rotation drops any left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub format: u32,
    /// Names the device secret; absent in format 1.
    #[serde(default)]
    pub store: Option<Uuid>,
    /// How many times the data key has been replaced.
    #[serde(default)]
    pub generation: u64,
    /// Keys the name tags; random per install.
    #[serde(with = "hex_bytes")]
    pub tag_key: Vec<u8>,
    #[serde(default)]
    pub users: Vec<UserEntry>,
    /// Format 1 entries not yet replaced.
    #[serde(default)]
    pub entries: Vec<KeyEntry>,
    /// Minutes of inactivity before the app locks itself.
    pub auto_lock_minutes: u32,
    /// Format 1 kept wrong PINs here; they move to the tries file (see `tries`).
    #[serde(default, skip_serializing)]
    pub failures: Vec<crate::tries::FailedUnlock>,
    /// A demonstration store of fictional children, opened with the published demo PIN.
    #[serde(default)]
    pub demo: bool,
    /// The organisation recovery key's public half: every backup's key is sealed to it.
    #[serde(default)]
    pub recovery: Option<crate::recovery::RecoveryPublic>,
    /// The staff keys of the teams this device syncs, each under this computer's device
    /// secret (see `staffkey`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staff: Vec<crate::staffkey::StaffLock>,
    /// BLAKE3, keyed from the data key, over the rest of the file (format 2).
    #[serde(default, with = "hex_bytes")]
    pub mac: Vec<u8>,
}

pub const KEY_FILE_FORMAT: u32 = 2;
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
const KEY_FILE_MAC: &str = "harbour 2026 key file mac v2";

/// The entry a typed name found.
#[derive(Clone, Debug)]
pub(crate) enum Found {
    User(UserEntry),
    Legacy(KeyEntry),
}

impl Found {
    pub(crate) fn user(&self) -> UserId {
        match self {
            Found::User(e) => e.user,
            Found::Legacy(e) => e.user,
        }
    }
}

impl KeyFile {
    pub(crate) fn new(store: Uuid) -> Result<Self, StoreError> {
        let mut tag_key = vec![0u8; 32];
        fill_random(&mut tag_key)?;
        Ok(Self {
            format: KEY_FILE_FORMAT,
            store: Some(store),
            generation: 0,
            tag_key,
            users: Vec::new(),
            entries: Vec::new(),
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            failures: Vec::new(),
            demo: false,
            recovery: None,
            staff: Vec::new(),
            mac: Vec::new(),
        })
    }

    pub(crate) fn context(&self) -> Option<KeyContext> {
        Some(KeyContext {
            store: self.store?,
            generation: self.generation,
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

    /// Whether someone here already has this name.
    pub(crate) fn has_tag(&self, tag: &[u8]) -> bool {
        self.users.iter().any(|e| e.name_tag == tag)
            || self.entries.iter().any(|e| e.name_tag == tag)
    }

    /// How many people can unlock here.
    pub fn people(&self) -> usize {
        self.users.len()
            + self
                .entries
                .iter()
                .filter(|e| !self.users.iter().any(|u| u.user == e.user))
                .count()
    }

    /// The entry for what was typed as the name; with one person the name may be left empty.
    /// A key pair is preferred to a format 1 entry of the same person.
    pub(crate) fn find(&self, name: Option<&str>) -> Option<Found> {
        let tag = match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => Some(self.name_tag(name)),
            None if self.people() == 1 => None,
            None => return None,
        };
        let wanted = |t: &Vec<u8>| tag.as_ref().is_none_or(|tag| t == tag);
        if let Some(e) = self.users.iter().find(|e| wanted(&e.name_tag)) {
            return Some(Found::User(e.clone()));
        }
        self.entries
            .iter()
            .find(|e| wanted(&e.name_tag))
            .map(|e| Found::Legacy(e.clone()))
    }

    fn mac_of(&self, key: &DataKey) -> Result<[u8; 32], StoreError> {
        let body = serde_json::to_vec(&KeyFile {
            mac: Vec::new(),
            failures: Vec::new(),
            ..self.clone()
        })
        .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(*blake3::keyed_hash(&key.derive(KEY_FILE_MAC), &body).as_bytes())
    }

    /// Authenticates the file under `key` (after any change, before it is saved).
    pub(crate) fn seal(&mut self, key: &DataKey) -> Result<(), StoreError> {
        self.format = KEY_FILE_FORMAT;
        self.mac = self.mac_of(key)?.to_vec();
        Ok(())
    }

    /// Whether the file is exactly as Harbour last wrote it under `key`.
    pub(crate) fn is_sealed_by(&self, key: &DataKey) -> Result<bool, StoreError> {
        let Ok(mac) = <[u8; 32]>::try_from(self.mac.as_slice()) else {
            return Ok(false);
        };
        // blake3's Hash compares in constant time.
        Ok(blake3::Hash::from_bytes(mac) == blake3::Hash::from_bytes(self.mac_of(key)?))
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
        if file.tag_key.len() != 32 || (file.format >= 2 && file.store.is_none()) {
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
    fn the_key_file_round_trips_and_refuses_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("harbour.keys");
        assert_eq!(KeyFile::load(&path).unwrap(), None);
        let mut file = KeyFile::new(Uuid::now_v7()).unwrap();
        let key = DataKey::random().unwrap();
        let tag = file.name_tag(" Sam OKAFOR");
        file.entries
            .push(KeyEntry::seal(&key, user(), tag, "402719", KdfParams::OWASP_MINIMUM).unwrap());
        file.seal(&key).unwrap();
        file.save(&path).unwrap();
        let back = KeyFile::load(&path).unwrap().unwrap();
        assert_eq!(back, file);
        assert!(back.is_sealed_by(&key).unwrap());
        assert!(!back.is_sealed_by(&DataKey::random().unwrap()).unwrap());
        let planted = KeyFile {
            auto_lock_minutes: 240,
            ..back.clone()
        };
        assert!(
            !planted.is_sealed_by(&key).unwrap(),
            "any change breaks the MAC"
        );
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
        std::fs::write(&path, text.replace("\"format\": 2", "\"format\": 99")).unwrap();
        assert!(matches!(KeyFile::load(&path), Err(StoreError::TooNew)));
    }
}
