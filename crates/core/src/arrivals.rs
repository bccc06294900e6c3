//! Records that came from other devices and could not simply be taken in: held out of the
//! records, or shown but marked "needs checking", or waiting for an update of Harbour. Nothing
//! here is ever dropped; administrators see every one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ChildId, DeviceId, UserId};

/// Why a record from another device was not taken in as it came.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Its author's role, as it stood when they wrote it, does not allow it (a carer adding an
    /// administrator; someone already disabled).
    NotAllowed,
    /// Its author is not known on this device yet (their own record may still be on its way).
    AuthorUnknown,
    /// Another record already holds its place in that device's series, or its id, with other
    /// content: a copied data folder or a restored snapshot is writing as that device.
    Fork,
    /// Its clock is more than a day ahead of this device's: held until that time comes or an
    /// administrator looks at it.
    Future,
    /// A kind this version knows, but its content cannot be read or does not match its label.
    Damaged,
    /// Made by a newer Harbour: kept and passed on, shown once this device is updated.
    NeedsUpdate,
}

impl Problem {
    pub const ALL: [Problem; 6] = [
        Problem::NotAllowed,
        Problem::AuthorUnknown,
        Problem::Fork,
        Problem::Future,
        Problem::Damaged,
        Problem::NeedsUpdate,
    ];

    /// The stored name.
    pub fn name(self) -> &'static str {
        match self {
            Problem::NotAllowed => "not_allowed",
            Problem::AuthorUnknown => "author_unknown",
            Problem::Fork => "fork",
            Problem::Future => "future",
            Problem::Damaged => "damaged",
            Problem::NeedsUpdate => "needs_update",
        }
    }

    pub fn parse(name: &str) -> Option<Problem> {
        Problem::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The sentence an administrator reads.
    pub fn message_id(self) -> &'static str {
        match self {
            Problem::NotAllowed => "arrived-not-allowed",
            Problem::AuthorUnknown => "arrived-author-unknown",
            Problem::Fork => "arrived-fork",
            Problem::Future => "arrived-future",
            Problem::Damaged => "arrived-damaged",
            Problem::NeedsUpdate => "arrived-needs-update",
        }
    }

    /// Whether waiting can clear it (the author's record arriving, the clock catching up):
    /// such records are looked at again whenever more arrive.
    pub fn may_clear(self) -> bool {
        matches!(
            self,
            Problem::NotAllowed | Problem::AuthorUnknown | Problem::Future
        )
    }
}

/// One record from another device, as an administrator sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrived {
    /// The stored kind (`user_added`, `episode_started`, …).
    pub kind: String,
    pub problem: Problem,
    /// A safety record (a child, a missing report, a flag set): in the records and shown to
    /// everyone, marked "needs checking". Otherwise held out until the problem clears.
    pub shown: bool,
    pub device: DeviceId,
    pub idx: i64,
    /// When it was written, by its own device's clock.
    pub written_at: DateTime<Utc>,
    pub author: Option<UserId>,
    /// The author's name where this device knows them.
    pub author_name: Option<String>,
    pub child: Option<ChildId>,
    pub child_name: Option<String>,
}

/// What the settings screen shows about records from other devices: to everyone, how many
/// need an update of Harbour; to administrators, every record held or unchecked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrivals {
    pub needs_update: usize,
    /// Empty for anyone but an administrator.
    pub records: Vec<Arrived>,
}

/// The message naming a kind of record in the administrator's list.
pub fn kind_message_id(kind: &str) -> &'static str {
    match kind {
        "child_added" => "op-kind-child-added",
        "child_photo_set" | "child_full_photo_set" => "op-kind-photo",
        "child_details_set" | "child_fields_set" => "op-kind-details",
        "child_flag_set" => "op-kind-flag",
        "episode_started" => "op-kind-episode-started",
        "episode_last_seen_set" | "episode_event_added" => "op-kind-episode-event",
        "user_added" => "op-kind-user-added",
        "user_disabled" => "op-kind-user-disabled",
        "profile_saved" | "profile_reviewed" => "op-kind-profile",
        "organisation_saved" | "settings_set" | "defaults_published" => "op-kind-settings",
        "assessment_event_added" => "op-kind-assessment",
        "team_added" | "team_named" => "op-kind-team",
        "team_member_set" => "op-kind-team-member",
        "user_key_set" | "staff_key_shared" => "op-kind-staff-key",
        "child_transferred_in" => "op-kind-transferred-in",
        "child_moved_out" => "op-kind-moved-out",
        "children_merged" => "op-kind-merged",
        "log_entry_added" => "op-kind-log-entry",
        _ => "op-kind-unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_round_trips_by_name_and_has_its_own_message() {
        for p in Problem::ALL {
            assert_eq!(Problem::parse(p.name()), Some(p));
            assert_eq!(serde_json::to_value(p).unwrap(), p.name());
        }
        let ids: std::collections::BTreeSet<_> =
            Problem::ALL.iter().map(|p| p.message_id()).collect();
        assert_eq!(ids.len(), Problem::ALL.len());
        assert_eq!(Problem::parse("other"), None);
    }

    #[test]
    fn every_kind_this_version_writes_has_a_name_in_the_list() {
        for kind in crate::ops::KINDS {
            assert_ne!(kind_message_id(kind), "op-kind-unknown", "{kind}");
        }
        assert_eq!(kind_message_id("handover_entry"), "op-kind-unknown");
    }
}
