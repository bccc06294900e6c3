//! Invitations: how a second device of a team gets the team key without the hub ever seeing
//! it. An enrolled device makes a code from a one-time join token (`harbour-hub token --team`)
//! that carries everything the new device needs: the hub's address, its certificate's
//! fingerprint when it is pinned, the team, the token and the team key. The code goes from one
//! device to the other by hand (a USB stick, a printed page, typed in), never through the hub.
//!
//! The team key inside is sealed (XChaCha20-Poly1305) under a key derived from a random secret
//! in the code, with everything else in the code as associated data: a code mistyped, cut
//! short or changed anywhere fails to open as a whole, with a clear message, rather than
//! joining the wrong hub or team. The code is as secret as the key itself until it is used:
//! whoever holds it can read the team's records.
//!
//! Text form: `HARBOUR-` then base32 (RFC 4648, no padding) in groups of five, which survives
//! being read aloud, e-mailed or retyped with any case and spacing.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::TeamKey;

const PREFIX: &str = "HARBOUR-";
const VERSION: u8 = 1;
const GROUP: usize = 5;

/// What an invitation gives the device that uses it.
#[derive(Clone, Debug)]
pub struct Invitation {
    /// `http://host:port` or `https://host:port`.
    pub hub: String,
    /// The SHA-256 of the hub's certificate, when the hub uses one it made itself.
    pub fingerprint: Option<[u8; 32]>,
    pub team: Uuid,
    /// The one-time join token from `harbour-hub token --team`.
    pub token: String,
    pub key: TeamKey,
}

/// Why a code was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InviteError {
    #[error("this is not a Harbour invitation code")]
    NotACode,
    #[error("this invitation was made by a newer Harbour: update this one first")]
    NewerVersion,
    #[error("this invitation code is damaged or mistyped: ask for it again")]
    Damaged,
}

/// The code's contents, in order.
#[derive(Serialize, Deserialize)]
struct Wire {
    version: u8,
    hub: String,
    fingerprint: Option<[u8; 32]>,
    team: Uuid,
    /// The token's bytes (the hub writes them as hex).
    token: Vec<u8>,
    secret: [u8; 16],
    nonce: [u8; 24],
    sealed_key: Vec<u8>,
}

fn cipher(secret: &[u8; 16]) -> XChaCha20Poly1305 {
    let key = Zeroizing::new(blake3::derive_key("harbour 2026-12 invitation", secret));
    XChaCha20Poly1305::new((&*key).into())
}

/// Everything but the seal, bound to it.
fn aad(
    version: u8,
    hub: &str,
    fingerprint: Option<&[u8; 32]>,
    team: Uuid,
    token: &[u8],
) -> Vec<u8> {
    crate::wire::encode(&(version, hub, fingerprint, team, token))
}

/// A fingerprint as a link keeps it (hex) in bytes; `None` if it is not 32 bytes of hex.
pub fn fingerprint_bytes(hex_text: &str) -> Option<[u8; 32]> {
    hex::decode(hex_text).ok()?.try_into().ok()
}

impl Invitation {
    /// The code to hand to the new device. `None` if the token is not one a hub makes (hex).
    pub fn code(&self) -> Option<String> {
        let token = hex::decode(&self.token).ok()?;
        let mut secret = [0u8; 16];
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut secret).expect("the system's random numbers");
        getrandom::fill(&mut nonce).expect("the system's random numbers");
        let aad = aad(
            VERSION,
            &self.hub,
            self.fingerprint.as_ref(),
            self.team,
            &token,
        );
        let sealed_key = cipher(&secret)
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: self.key.bytes(),
                    aad: &aad,
                },
            )
            .expect("sealing in memory cannot fail");
        let bytes = crate::wire::encode(&Wire {
            version: VERSION,
            hub: self.hub.clone(),
            fingerprint: self.fingerprint,
            team: self.team,
            token,
            secret,
            nonce,
            sealed_key,
        });
        let text = data_encoding::BASE32_NOPAD.encode(&bytes);
        let groups: Vec<&str> = text
            .as_bytes()
            .chunks(GROUP)
            .map(|g| std::str::from_utf8(g).expect("base32 is ASCII"))
            .collect();
        Some(format!("{PREFIX}{}", groups.join("-")))
    }

    /// Reads a code however it was retyped (case, spaces, line breaks, dashes).
    pub fn parse(code: &str) -> Result<Invitation, InviteError> {
        let cleaned: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        let body = cleaned
            .strip_prefix(&PREFIX.replace('-', ""))
            .ok_or(InviteError::NotACode)?;
        let bytes = data_encoding::BASE32_NOPAD
            .decode(body.as_bytes())
            .map_err(|_| InviteError::Damaged)?;
        // The version is the first byte, so a newer code says so rather than "damaged".
        match bytes.first() {
            Some(&VERSION) => {}
            Some(v) if *v > VERSION => return Err(InviteError::NewerVersion),
            _ => return Err(InviteError::Damaged),
        }
        let wire: Wire = crate::wire::decode(&bytes).map_err(|_| InviteError::Damaged)?;
        let aad = aad(
            wire.version,
            &wire.hub,
            wire.fingerprint.as_ref(),
            wire.team,
            &wire.token,
        );
        let key = Zeroizing::new(
            cipher(&wire.secret)
                .decrypt(
                    XNonce::from_slice(&wire.nonce),
                    Payload {
                        msg: &wire.sealed_key,
                        aad: &aad,
                    },
                )
                .map_err(|_| InviteError::Damaged)?,
        );
        let key: [u8; 32] = key[..].try_into().map_err(|_| InviteError::Damaged)?;
        Ok(Invitation {
            hub: wire.hub,
            fingerprint: wire.fingerprint,
            team: wire.team,
            token: hex::encode(&wire.token),
            key: TeamKey::from_bytes(&Zeroizing::new(key)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Invitation {
        Invitation {
            hub: "https://hub.example.org:8470".into(),
            fingerprint: Some([7; 32]),
            team: Uuid::now_v7(),
            token: "ab".repeat(32),
            key: TeamKey::random(),
        }
    }

    #[test]
    fn a_code_gives_back_what_it_was_made_from_however_it_is_retyped() {
        let invitation = sample();
        let code = invitation.code().unwrap();
        assert!(code.starts_with("HARBOUR-"));
        for typed in [
            code.clone(),
            code.to_lowercase(),
            code.replace('-', " "),
            format!("  {}\n", code.replace('-', "\n")),
        ] {
            let back = Invitation::parse(&typed).unwrap();
            assert_eq!(back.hub, invitation.hub);
            assert_eq!(back.fingerprint, invitation.fingerprint);
            assert_eq!(back.team, invitation.team);
            assert_eq!(back.token, invitation.token);
            assert_eq!(back.key.bytes(), invitation.key.bytes());
        }
    }

    #[test]
    fn a_mistyped_cut_or_changed_code_is_refused_whole() {
        let code = sample().code().unwrap();
        assert_eq!(
            Invitation::parse("hello").unwrap_err(),
            InviteError::NotACode
        );
        assert_eq!(
            Invitation::parse(&code[..code.len() - 7]).unwrap_err(),
            InviteError::Damaged
        );
        // Every single-letter change anywhere after the prefix is caught.
        let letters: Vec<char> = code.chars().collect();
        for at in PREFIX.len()..letters.len() {
            if letters[at] == '-' {
                continue;
            }
            let mut changed = letters.clone();
            changed[at] = if letters[at] == 'A' { 'B' } else { 'A' };
            let changed: String = changed.into_iter().collect();
            assert!(
                Invitation::parse(&changed).is_err(),
                "a change at {at} went unnoticed"
            );
        }
        // A newer Harbour's code says so.
        let mut bytes = data_encoding::BASE32_NOPAD
            .decode(code[PREFIX.len()..].replace('-', "").as_bytes())
            .unwrap();
        bytes[0] = VERSION + 1;
        let newer = format!("{PREFIX}{}", data_encoding::BASE32_NOPAD.encode(&bytes));
        assert_eq!(
            Invitation::parse(&newer).unwrap_err(),
            InviteError::NewerVersion
        );
    }
}
