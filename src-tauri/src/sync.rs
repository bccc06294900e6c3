//! Sync from the shell: joining a hub, inviting another device, syncing now, and each team's
//! sync status, for `harbour sync …` (and, through the same calls, the app).

use harbour_core::TeamId;
use harbour_i18n::Localizer;
use harbour_store::{Store, StoreError};
use harbour_sync::client::{join, sync_team, sync_team_watched, Progress, Report, SyncError};
use harbour_sync::http::HttpHub;
use harbour_sync::invite::{Invitation, InviteError};
use harbour_sync::TeamKey;
use serde::Serialize;

/// `harbour sync …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncCommand {
    /// With a hub (and the fingerprint of a certificate it made itself): the first device of
    /// a team, with a token; without: a later device, with an invitation code.
    Join {
        hub: Option<String>,
        fingerprint: Option<String>,
    },
    Invite,
    Now,
    Status {
        json: bool,
    },
}

/// One team's sync, as `sync status` and the app show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamSync {
    pub team: TeamId,
    pub team_name: String,
    pub hub: String,
    pub last_synced_at: Option<chrono::DateTime<chrono::Utc>>,
    /// This device's records not yet on the hub, as of the last sync that worked.
    pub waiting: usize,
    /// How the last try ended, if it failed: a stable code and what to do, in words.
    pub error: Option<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: String,
    pub message: String,
}

/// Why joining or inviting failed: a stable code, and the message that words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub code: String,
    pub message_id: String,
}

impl Failed {
    fn of(code: &str, message_id: &str) -> Self {
        Self {
            code: code.into(),
            message_id: message_id.into(),
        }
    }

    fn store(e: &StoreError) -> Self {
        Self::of(e.code(), e.message_id())
    }

    fn sync(e: &SyncError) -> Self {
        match e {
            SyncError::Store(e) => Self::store(e),
            e => Self::of(
                e.code(),
                &format!("sync-error-{}", e.code().replace('_', "-")),
            ),
        }
    }

    fn invite(e: &InviteError) -> Self {
        Self::of(
            "bad_invitation",
            match e {
                InviteError::NotACode => "sync-invite-not-a-code",
                InviteError::NewerVersion => "sync-invite-newer",
                InviteError::Damaged => "sync-invite-damaged",
            },
        )
    }

    /// In words, for the command line.
    pub fn words(&self, l10n: &Localizer) -> String {
        l10n.tr(&self.message_id)
    }
}

impl From<Failed> for harbour_core::api::ApiError {
    fn from(f: Failed) -> Self {
        harbour_core::api::ApiError {
            code: f.code,
            message_id: f.message_id,
            fields: Vec::new(),
            retry_after_seconds: None,
            profile_fields: Vec::new(),
        }
    }
}

/// What a failed sync tells a person: what happened and what to do.
pub fn explain(l10n: &Localizer, e: &SyncError) -> String {
    match e {
        SyncError::Store(e) => l10n.tr(e.message_id()),
        e => l10n.tr(&format!("sync-error-{}", e.code().replace('_', "-"))),
    }
}

/// The team a command is about: the one named, or the device's only one (or the one shown).
pub fn pick_team(store: &Store, name: Option<&str>) -> Result<TeamId, String> {
    let teams = store.teams().map_err(|e| e.to_string())?;
    match name {
        Some(n) => teams
            .iter()
            .find(|t| t.name.trim().eq_ignore_ascii_case(n.trim()))
            .map(|t| t.id)
            .ok_or_else(|| format!("no team here is called {n}")),
        None if teams.len() == 1 => Ok(teams[0].id),
        None => store
            .current_team()
            .ok_or_else(|| "this device has several teams: name one with --team NAME".into()),
    }
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start: {e}"))
}

fn runtime_or_failed() -> Result<tokio::runtime::Runtime, Failed> {
    runtime().map_err(|_| Failed::of("busy", "sync-error-busy"))
}

fn report_line(name: &str, r: &Report) -> String {
    let mut line = format!("{name}: {} sent, {} received", r.uploaded, r.downloaded);
    if r.held > 0 {
        line.push_str(&format!(
            ", {} held for an administrator to look at",
            r.held
        ));
    }
    if r.hub_restored {
        line.push_str("; the hub had been restored, and what it lost was given back");
    }
    line
}

fn team_name(store: &Store, team: TeamId) -> String {
    store
        .teams()
        .ok()
        .and_then(|ts| ts.into_iter().find(|t| t.id == team))
        .map(|t| t.name)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "this home".into())
}

/// Joins `team` to the hub at `hub` as its first device: makes the team key, then sends
/// everything the team holds.
pub fn join_first(
    store: &mut Store,
    team: TeamId,
    hub: &str,
    fingerprint: Option<&str>,
    token: &str,
    pin: &str,
) -> Result<String, Failed> {
    let fingerprint = match fingerprint {
        Some(hex) => Some(
            harbour_sync::invite::fingerprint_bytes(&hex.replace(':', ""))
                .ok_or_else(|| Failed::of("bad_fingerprint", "sync-bad-fingerprint"))?,
        ),
        None => None,
    };
    let hub = Hub {
        address: hub.to_owned(),
        fingerprint,
    };
    join_and_sync(
        store,
        team,
        &hub,
        token.trim(),
        &TeamKey::random(),
        Some(pin),
    )
}

/// Where a hub is and, for one with its own certificate, the certificate's fingerprint.
struct Hub {
    address: String,
    fingerprint: Option<[u8; 32]>,
}

impl Hub {
    fn of(link: &harbour_store::SyncLink) -> Hub {
        Hub {
            address: link.hub.clone(),
            fingerprint: link
                .fingerprint
                .as_deref()
                .and_then(harbour_sync::invite::fingerprint_bytes),
        }
    }

    fn client(&self) -> Result<HttpHub, Failed> {
        HttpHub::pinned(&self.address, self.fingerprint)
            .map_err(|_| Failed::of("bad_address", "sync-bad-address"))
    }
}

/// Joins the team an invitation code is for, with the key it carries, then takes in what the
/// team holds.
/// `pin` is that of the person joining, so that their key goes to the team with the first
/// sync (`None` for a new computer with no one of its own).
pub fn join_invited(store: &mut Store, code: &str, pin: Option<&str>) -> Result<String, Failed> {
    let invitation = Invitation::parse(code).map_err(|e| Failed::invite(&e))?;
    let hub = Hub {
        address: invitation.hub.clone(),
        fingerprint: invitation.fingerprint,
    };
    join_and_sync(
        store,
        TeamId::from_uuid(invitation.team),
        &hub,
        &invitation.token,
        &invitation.key,
        pin,
    )
}

/// A new computer joins the team an invitation code is for, with no one of its own: it takes
/// in what the team holds, and the team's staff can then sign in on it. Nothing is kept if
/// it could not join.
pub fn join_new_device(data: &harbour_store::DataDir, code: &str) -> Result<Vec<String>, Failed> {
    // Read before anything is made: a mistyped code leaves the folder as it was.
    Invitation::parse(code).map_err(|e| Failed::invite(&e))?;
    let mut store = data
        .begin_join(harbour_store::SystemClock)
        .map_err(|e| Failed::store(&e))?;
    if let Err(e) = join_invited(&mut store, code, None) {
        drop(store);
        data.abandon_join().map_err(|e| Failed::store(&e))?;
        return Err(e);
    }
    store.finish_join().map_err(|e| Failed::store(&e))
}

fn join_and_sync(
    store: &mut Store,
    team: TeamId,
    hub: &Hub,
    token: &str,
    key: &TeamKey,
    pin: Option<&str>,
) -> Result<String, Failed> {
    let store_failed = |e: StoreError| Failed::store(&e);
    if store
        .sync_links()
        .map_err(store_failed)?
        .iter()
        .any(|l| l.team == team)
    {
        return Err(Failed::of("already_joined", "sync-already-joined"));
    }
    let client = hub.client()?;
    // A mistyped PIN is said before the hub is asked (its token works once).
    if let Some(pin) = pin {
        store.check_my_pin(pin).map_err(store_failed)?;
    }
    let said = |e: SyncError| Failed::sync(&e);
    runtime_or_failed()?.block_on(async {
        let mut link = join(store, &client, &hub.address, team, token, key)
            .await
            .map_err(said)?;
        // The certificate stays pinned for every sync after, and goes into invitations.
        if let Some(fingerprint) = hub.fingerprint {
            link.fingerprint = Some(hex_of(&fingerprint));
            store.save_sync_link(&link).map_err(store_failed)?;
        }
        // The person joining can sign in on the team's other computers: their key goes with
        // the first sync.
        if let Some(pin) = pin {
            store.share_my_key(pin).map_err(store_failed)?;
        }
        let report = sync_team(store, &link, &client).await.map_err(said)?;
        Ok(format!(
            "joined {}; {}",
            hub.address,
            report_line(&team_name(store, team), &report)
        ))
    })
}

/// An invitation code for another device to join `team`, from a one-time token the hub's
/// administrator made for it.
pub fn invite(store: &Store, team: TeamId, token: &str) -> Result<String, Failed> {
    let store_failed = |e: StoreError| Failed::store(&e);
    store
        .require(harbour_core::Action::ManageUsers)
        .map_err(store_failed)?;
    let link = store
        .sync_links()
        .map_err(store_failed)?
        .into_iter()
        .find(|l| l.team == team)
        .ok_or_else(|| Failed::of("not_joined", "sync-not-joined"))?;
    let fingerprint = match &link.fingerprint {
        Some(hex) => Some(
            harbour_sync::invite::fingerprint_bytes(hex)
                .ok_or_else(|| store_failed(StoreError::Corrupt("fingerprint")))?,
        ),
        None => None,
    };
    Invitation {
        hub: link.hub.clone(),
        fingerprint,
        team: team.as_uuid(),
        token: token.trim().to_owned(),
        key: TeamKey::from_bytes(&link.team_key),
    }
    .code()
    .ok_or_else(|| Failed::of("not_enrolled", "sync-error-not-enrolled"))
}

/// Syncs every team this device has joined, one after another; says how each went.
pub fn sync_now(l10n: &Localizer, store: &mut Store) -> Result<String, String> {
    sync_now_watched(l10n, store, &Progress::default())
}

/// [`sync_now`], telling `progress` how far it has come.
pub fn sync_now_watched(
    l10n: &Localizer,
    store: &mut Store,
    progress: &Progress,
) -> Result<String, String> {
    let links = store.sync_links().map_err(|e| l10n.tr(e.message_id()))?;
    if links.is_empty() {
        return Err(l10n.tr("sync-not-joined"));
    }
    let rt = runtime()?;
    let mut lines = Vec::new();
    let mut failed = false;
    for link in links {
        let name = team_name(store, link.team);
        let client = Hub::of(&link).client().map_err(|f| f.words(l10n))?;
        match rt.block_on(sync_team_watched(store, &link, &client, progress)) {
            Ok(report) => lines.push(report_line(&name, &report)),
            Err(e) => {
                failed = true;
                lines.push(format!("{name}: {}", explain(l10n, &e)));
            }
        }
    }
    let text = lines.join("\n");
    if failed {
        Err(text)
    } else {
        Ok(text)
    }
}

/// For `harbour verify`: every joined team's series compared with its hub's, without changing
/// either. A hub that cannot be reached is said, not failed; a series that differs fails.
pub fn compare_with_hubs(l10n: &Localizer, store: &Store) -> Result<String, String> {
    let links = store.sync_links().map_err(|e| l10n.tr(e.message_id()))?;
    let rt = runtime()?;
    let mut lines = Vec::new();
    let mut differs = false;
    for link in links {
        let name = team_name(store, link.team);
        let client = Hub::of(&link).client().map_err(|f| f.words(l10n))?;
        match rt.block_on(harbour_sync::client::compare(store, &link, &client)) {
            Ok(c) if c.diverged.is_empty() => lines.push(format!(
                "{name}: {} series in step with the hub, {} to send, {} to receive",
                c.in_step, c.here_ahead, c.hub_ahead
            )),
            Ok(c) => {
                differs = true;
                lines.push(format!(
                    "{name}: {} series differ from the hub's. {}",
                    c.diverged.len(),
                    l10n.tr("sync-error-diverged")
                ));
            }
            Err(e) => lines.push(format!(
                "{name}: could not compare with the hub. {}",
                explain(l10n, &e)
            )),
        }
    }
    let text = lines.join("\n");
    if differs {
        Err(text)
    } else {
        Ok(text)
    }
}

/// Every joined team's sync, for `sync status` and the app.
pub fn status(l10n: &Localizer, store: &Store) -> Result<Vec<TeamSync>, StoreError> {
    let mut out = Vec::new();
    for link in store.sync_links()? {
        out.push(TeamSync {
            team: link.team,
            team_name: team_name(store, link.team),
            hub: link.hub.clone(),
            last_synced_at: link.last_synced_at,
            waiting: store.sync_waiting(link.team)?,
            error: link.last_error.as_ref().map(|code| Problem {
                code: code.clone(),
                message: l10n.tr(&format!("sync-error-{}", code.replace('_', "-"))),
            }),
        });
    }
    Ok(out)
}

/// `sync status` for a person at a terminal.
pub fn status_text(teams: &[TeamSync]) -> String {
    if teams.is_empty() {
        return "this device has not joined a hub".into();
    }
    teams
        .iter()
        .map(|t| {
            let when = t
                .last_synced_at
                .map(|at| format!("last synced {}", at.format("%Y-%m-%d %H:%M UTC")))
                .unwrap_or_else(|| "not synced yet".into());
            let mut line = format!(
                "{} — {}: {when}; {} record(s) waiting to go",
                t.team_name, t.hub, t.waiting
            );
            if let Some(p) = &t.error {
                line.push_str(&format!("\n  the last try failed: {}", p.message));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_a_sync_can_fail_has_words_for_it() {
        let l10n = Localizer::new(harbour_i18n::SOURCE_TAG);
        let every = [
            "revoked",
            "not_enrolled",
            "wrong_key",
            "diverged",
            "busy",
            "refused",
            "unreachable",
            "malformed",
            "storage",
            "unreadable",
            "no_progress",
            "bad_join_token",
            "wrong_team",
            "wrong_certificate",
        ];
        for code in every {
            let id = format!("sync-error-{}", code.replace('_', "-"));
            assert!(l10n.has_message(&id), "{id}");
        }
        // And those are all the codes there are.
        for e in [
            SyncError::WrongKey,
            SyncError::NoProgress,
            SyncError::Diverged {
                device: Default::default(),
                seq: 0,
            },
            SyncError::Hub(harbour_sync::client::HubError::Malformed),
            SyncError::BadJoinToken,
            SyncError::WrongTeam,
            SyncError::Hub(harbour_sync::client::HubError::WrongCertificate),
        ] {
            assert!(every.contains(&e.code()), "{}", e.code());
        }
        for e in [
            InviteError::NotACode,
            InviteError::NewerVersion,
            InviteError::Damaged,
        ] {
            assert!(
                !Failed::invite(&e).words(&l10n).contains("sync-invite"),
                "{e:?}"
            );
        }
    }
}
