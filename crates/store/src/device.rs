//! The device secret: 32 random bytes per store, kept outside the data folder, that every
//! staff member's PIN is combined with before it can unwrap anything. A copy of the data folder
//! (or of `harbour.keys` alone) without it cannot be opened by guessing PINs, however many
//! computers guess.
//!
//! Where it lives: the desktop's keyring, through the Secret Service D-Bus API (GNOME Keyring,
//! KWallet), which keeps it encrypted under the computer account's login password
//! ([`Keyring`]). On a computer with no keyring it is a file readable only by its owner in the
//! account's own settings folder, away from the data folder ([`SecretFolder`]); set-up says
//! which, because the file is weaker (anyone who copies the whole account has it).

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::keys::{fill_random, write_atomically};

/// The device secret for one store.
pub type DeviceSecret = Zeroizing<[u8; 32]>;

/// Where device secrets are kept, as set-up and Settings describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretPlace {
    /// The desktop's keyring.
    Keyring,
    /// A private file outside the data folder (no keyring on this computer).
    Folder(PathBuf),
}

/// Keeps device secrets, one per store id.
pub trait DeviceSecrets: Send + Sync + fmt::Debug {
    /// The store's secret, or `None` if this computer has none for it (the data folder was
    /// copied here, or the keyring was reset).
    fn get(&self, store: Uuid) -> Result<Option<DeviceSecret>, StoreError>;
    /// Keeps `secret` for `store`, replacing any before.
    fn put(&self, store: Uuid, secret: &[u8; 32]) -> Result<(), StoreError>;
    fn place(&self) -> SecretPlace;

    /// The store's secret, made and kept now if there is none yet.
    fn get_or_make(&self, store: Uuid) -> Result<DeviceSecret, StoreError> {
        if let Some(secret) = self.get(store)? {
            return Ok(secret);
        }
        let mut secret = Zeroizing::new([0u8; 32]);
        fill_random(secret.as_mut())?;
        self.put(store, &secret)?;
        // Read back: a keyring that accepts a secret and loses it must fail here, at set-up,
        // not at the next unlock.
        match self.get(store)? {
            Some(back) if *back == *secret => Ok(secret),
            _ => Err(StoreError::DeviceSecretUnavailable),
        }
    }
}

/// A folder of secret files, one per store, readable by their owner only.
#[derive(Clone, Debug)]
pub struct SecretFolder {
    dir: PathBuf,
}

impl SecretFolder {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    fn path(&self, store: Uuid) -> PathBuf {
        self.dir.join(format!("{store}.secret"))
    }
}

impl DeviceSecrets for SecretFolder {
    fn get(&self, store: Uuid) -> Result<Option<DeviceSecret>, StoreError> {
        let bytes = match std::fs::read(self.path(store)) {
            Ok(b) => Zeroizing::new(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let secret: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::DeviceSecretUnavailable)?;
        Ok(Some(Zeroizing::new(secret)))
    }

    fn put(&self, store: Uuid, secret: &[u8; 32]) -> Result<(), StoreError> {
        private_folder(&self.dir)?;
        Ok(write_atomically(&self.path(store), |f| {
            f.write_all(secret)
        })?)
    }

    fn place(&self) -> SecretPlace {
        SecretPlace::Folder(self.dir.clone())
    }
}

/// Makes `dir` (and its parents) if needed; `dir` itself is readable by its owner only.
pub fn private_folder(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Options that create a file (or open the one there) readable by its owner only: the lock
/// files beside the store.
pub(crate) fn private_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
}

/// The desktop's keyring (Secret Service). Each store's secret is an item labelled "Harbour"
/// with the store id as its account.
#[derive(Clone, Debug)]
pub struct Keyring {
    service: String,
}

/// The keyring items' service name.
pub const KEYRING_SERVICE: &str = "Harbour device key";

impl Default for Keyring {
    fn default() -> Self {
        Self {
            service: KEYRING_SERVICE.to_owned(),
        }
    }
}

impl Keyring {
    /// Runs a keyring call on a thread of its own: the D-Bus client blocks on a runtime of its
    /// own, which must not be started from inside the app's.
    fn call<T: Send + 'static>(
        &self,
        store: Uuid,
        f: impl FnOnce(keyring::Entry) -> keyring::Result<T> + Send + 'static,
    ) -> Result<T, keyring::Error> {
        let service = self.service.clone();
        std::thread::spawn(move || f(keyring::Entry::new(&service, &store.to_string())?))
            .join()
            .unwrap_or(Err(keyring::Error::NoStorageAccess(
                "the keyring call stopped".into(),
            )))
    }

    /// Whether a keyring answers on this desktop session: one is asked for an item no store
    /// has, which it must say it does not hold.
    pub fn available(&self) -> bool {
        matches!(
            self.call(Uuid::nil(), |e| e.get_secret()),
            Err(keyring::Error::NoEntry) | Ok(_)
        )
    }
}

impl DeviceSecrets for Keyring {
    fn get(&self, store: Uuid) -> Result<Option<DeviceSecret>, StoreError> {
        match self.call(store, |e| e.get_secret()) {
            Ok(bytes) => {
                let bytes = Zeroizing::new(bytes);
                let secret: [u8; 32] = bytes
                    .as_slice()
                    .try_into()
                    .map_err(|_| StoreError::DeviceSecretUnavailable)?;
                Ok(Some(Zeroizing::new(secret)))
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(_) => Err(StoreError::DeviceSecretUnavailable),
        }
    }

    fn put(&self, store: Uuid, secret: &[u8; 32]) -> Result<(), StoreError> {
        let secret = Zeroizing::new(secret.to_vec());
        self.call(store, move |e| e.set_secret(&secret))
            .map_err(|_| StoreError::DeviceSecretUnavailable)
    }

    fn place(&self) -> SecretPlace {
        SecretPlace::Keyring
    }
}

/// Where this computer keeps device secrets: the keyring if one answers, else a private folder
/// in the account's settings (`fallback`).
pub fn system(fallback: PathBuf) -> std::sync::Arc<dyn DeviceSecrets> {
    let keyring = Keyring::default();
    if keyring.available() {
        std::sync::Arc::new(keyring)
    } else {
        std::sync::Arc::new(SecretFolder::new(fallback))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_keeps_each_stores_secret_privately() {
        let dir = tempfile::tempdir().unwrap();
        let folder = SecretFolder::new(dir.path().join("secrets"));
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        assert!(folder.get(a).unwrap().is_none());
        let first = folder.get_or_make(a).unwrap();
        assert_eq!(*folder.get_or_make(a).unwrap(), *first, "made once");
        assert_ne!(*folder.get_or_make(b).unwrap(), *first, "one per store");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir.path().join("secrets")), 0o700);
            assert_eq!(mode(&folder.path(a)), 0o600);
        }
        std::fs::write(folder.path(a), b"short").unwrap();
        assert!(matches!(
            folder.get(a),
            Err(StoreError::DeviceSecretUnavailable)
        ));
    }
}
