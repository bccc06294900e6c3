//! The organisation's recovery key: what opens a backup on any computer, without anyone's PIN.
//!
//! It is 160 random bits, shown once as nine groups of four letters and digits (Crockford's
//! base32, the last group partly a checksum so a mistyped key is told apart from a wrong one),
//! to be written down or printed and kept somewhere safe away from the computer. The key file
//! holds only its public half (X25519): every backup's own random key is sealed to it, so
//! making a backup needs no secret, and a backup alone is as hard to open as the 160 bits are
//! to guess.

use chrono::{DateTime, Utc};
use harbour_core::{Action, Field, FieldError, FieldProblem};
use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::Zeroizing;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::keys::{fill_random, hex_bytes};
use crate::store::Store;
use crate::userkey::UserSecret;

const SECRET_LEN: usize = 20;
/// Crockford's base32: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS: usize = 9;

/// The recovery key's public half and when it was made, in the key file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryPublic {
    #[serde(with = "hex_bytes")]
    pub public_key: Vec<u8>,
    pub made_at: DateTime<Utc>,
}

/// A recovery key as a person writes it down. Never printed in debug output.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryKey(Zeroizing<String>);

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

fn checksum(secret: &[u8]) -> u32 {
    let h = blake3::derive_key("harbour 2026 recovery key checksum", secret);
    u32::from_le_bytes([h[0], h[1], h[2], 0]) & 0xF_FFFF
}

impl RecoveryKey {
    fn random() -> Result<(Self, Zeroizing<[u8; SECRET_LEN]>), StoreError> {
        let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
        fill_random(secret.as_mut())?;
        Ok((Self::encode(&secret), secret))
    }

    /// 160 bits of secret and 20 of checksum: 36 characters in nine groups.
    fn encode(secret: &[u8; SECRET_LEN]) -> Self {
        let mut bits = Zeroizing::new(Vec::with_capacity(180));
        for byte in secret.iter() {
            for i in (0..8).rev() {
                bits.push((byte >> i) & 1);
            }
        }
        let sum = checksum(secret.as_slice());
        for i in (0..20).rev() {
            bits.push(((sum >> i) & 1) as u8);
        }
        let mut text = Zeroizing::new(String::with_capacity(GROUPS * 5));
        for (n, chunk) in bits.chunks(5).enumerate() {
            if n > 0 && n % 4 == 0 {
                text.push('-');
            }
            let v = chunk
                .iter()
                .fold(0usize, |acc, b| acc << 1 | usize::from(*b));
            text.push(char::from(ALPHABET[v]));
        }
        Self(text)
    }

    /// Reads a key as typed: any case, with or without dashes and spaces, O for 0 and I or L
    /// for 1. A key with a mistake in it is refused as such.
    pub fn parse(typed: &str) -> Result<Zeroizing<[u8; SECRET_LEN]>, StoreError> {
        let bad = || {
            StoreError::Invalid(vec![FieldError::new(
                Field::RecoveryKey,
                FieldProblem::Unreadable,
            )])
        };
        let mut bits = Zeroizing::new(Vec::with_capacity(180));
        for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let v = ALPHABET
                .iter()
                .position(|a| char::from(*a) == c)
                .ok_or_else(bad)?;
            for i in (0..5).rev() {
                bits.push(((v >> i) & 1) as u8);
            }
        }
        if bits.len() != 180 {
            return Err(bad());
        }
        let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
        for (i, chunk) in bits[..160].chunks(8).enumerate() {
            secret[i] = chunk.iter().fold(0u8, |acc, b| acc << 1 | b);
        }
        let sum = bits[160..]
            .iter()
            .fold(0u32, |acc, b| acc << 1 | u32::from(*b));
        if sum != checksum(secret.as_slice()) {
            return Err(bad());
        }
        Ok(secret)
    }

    pub fn text(&self) -> &str {
        &self.0
    }
}

/// The key pair a recovery key's secret stands for.
pub(crate) fn key_pair(secret: &[u8; SECRET_LEN]) -> UserSecret {
    UserSecret::from_bytes(blake3::derive_key(
        "harbour 2026 recovery key pair v1",
        secret,
    ))
}

impl Store {
    /// Makes a new recovery key and keeps its public half in the key file: backups from now
    /// on open with it (those made before still need the key they were made with). The key
    /// itself is returned once, to be shown and written down, and never kept. Admins only.
    pub fn new_recovery_key(&mut self) -> Result<RecoveryKey, StoreError> {
        self.require(Action::ManageUsers)?;
        let (key, _) = self.new_recovery_key_unchecked()?;
        Ok(key)
    }

    pub(crate) fn new_recovery_key_unchecked(
        &mut self,
    ) -> Result<(RecoveryKey, RecoveryPublic), StoreError> {
        let (text, secret) = RecoveryKey::random()?;
        let public = RecoveryPublic {
            public_key: key_pair(&secret).public().to_vec(),
            made_at: self.now(),
        };
        let (dir, key) = self.disk.clone().ok_or(StoreError::NotSetUp)?;
        let kept = public.clone();
        dir.update_keys(&key, move |keys| {
            keys.recovery = Some(kept);
            Ok(())
        })?;
        self.audit(AuditEvent::RecoveryKeyMade, "")?;
        Ok((text, public))
    }

    /// `typed` is the recovery key backups are sealed to now (as shown once, to be printed):
    /// recorded as printed, and its date returned. Another key, an old one or a mistyped one,
    /// is refused ([`StoreError::NotCurrentRecoveryKey`], or invalid) and nothing is recorded. Admins only.
    pub fn recovery_key_printed(&mut self, typed: &str) -> Result<DateTime<Utc>, StoreError> {
        self.require(Action::ManageUsers)?;
        let (dir, _) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        let current = dir.key_file()?.recovery.ok_or(StoreError::NoRecoveryKey)?;
        let secret = RecoveryKey::parse(typed)?;
        if key_pair(&secret).public().as_slice() != current.public_key.as_slice() {
            return Err(StoreError::NotCurrentRecoveryKey);
        }
        self.audit(AuditEvent::RecoveryKeyPrinted, "")?;
        Ok(current.made_at)
    }

    /// When the recovery key backups are sealed to was made, if there is one.
    pub fn recovery_key_made_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let (dir, _) = self.disk.as_ref().ok_or(StoreError::NotSetUp)?;
        Ok(dir.key_file()?.recovery.map(|r| r.made_at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_however_it_is_typed_and_a_mistake_is_caught() {
        let (key, secret) = RecoveryKey::random().unwrap();
        let text = key.text().to_owned();
        assert_eq!(text.len(), 36 + 8);
        assert_eq!(text.split('-').count(), GROUPS);
        assert_eq!(*RecoveryKey::parse(&text).unwrap(), *secret);
        let relaxed = text
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(*RecoveryKey::parse(&relaxed).unwrap(), *secret);
        // One character wrong (each of several places), one missing, one too many.
        for at in [0, 7, 20, 43] {
            let mut chars: Vec<char> = text.chars().collect();
            if chars[at] == '-' {
                continue;
            }
            chars[at] = if chars[at] == 'X' { 'Y' } else { 'X' };
            let typo: String = chars.into_iter().collect();
            assert_eq!(
                RecoveryKey::parse(&typo).unwrap_err().code(),
                "invalid",
                "{at}"
            );
        }
        assert!(RecoveryKey::parse(&text[..text.len() - 1]).is_err());
        assert!(RecoveryKey::parse(&format!("{text}A")).is_err());
        assert!(!format!("{key:?}").contains(&text[..4]));
    }

    #[test]
    fn two_keys_are_never_alike_and_stand_for_their_own_key_pairs() {
        let (a, sa) = RecoveryKey::random().unwrap();
        let (b, sb) = RecoveryKey::random().unwrap();
        assert_ne!(a, b);
        assert_ne!(key_pair(&sa).public(), key_pair(&sb).public());
        assert_eq!(
            key_pair(&sa).public(),
            key_pair(&RecoveryKey::parse(a.text()).unwrap()).public()
        );
    }
}
