//! Ops: every change to Harbour's records is one of these, appended to the device's log and
//! never edited. The tables the app reads are folds of the log (see the store).
//!
//! Each op says which fields of which record it sets. Two merge rules cover everything
//! (DESIGN.md): a field is a last-writer-wins register ordered by `(hlc, device)`, and events are
//! insert-only. Ops of a kind this version does not know are kept as they are and skipped by the
//! fold, never dropped, so a newer app's records survive a trip through an older one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::child::{ChildDetails, EscalationFlag, DETAIL_FIELDS};
use crate::episode::EventRecord;
use crate::ids::{ChildId, EpisodeId, TeamId, UserId};
use crate::organisation::Organisation;
use crate::profile::{self, Section, Values};
use crate::users::{Action, Role};

/// The op bodies this version writes and understands. Frozen once released: add variants,
/// never change old ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OpBody {
    /// A child is recorded; each detail becomes a field of the child.
    ChildAdded {
        child: ChildId,
        details: ChildDetails,
        created_at: DateTime<Utc>,
    },
    /// The child's core details were corrected (name, date of birth, languages, flags), all six
    /// at once. Written by earlier versions only: it is still read and folded, but a correction
    /// now writes [`OpBody::ChildFieldsSet`] and [`OpBody::ChildFlagSet`].
    ChildDetailsSet {
        child: ChildId,
        details: ChildDetails,
    },
    /// Some of the child's core details were corrected: only the fields that changed, each its
    /// own register (`crate::child::DETAIL_FIELDS`), so a correction on one device never undoes
    /// another device's edit of a different field. Never a flag: keys this version does not
    /// know, flags included, are kept in the log and not folded.
    ChildFieldsSet {
        child: ChildId,
        fields: std::collections::BTreeMap<String, Value>,
    },
    /// One escalation flag was set or cleared, on purpose, by `by`: after the child is added,
    /// the only op that changes a flag, so no other edit can clear one as a side effect.
    /// Clearing carries the reason.
    ChildFlagSet {
        child: ChildId,
        flag: EscalationFlag,
        set: bool,
        reason: String,
        at: DateTime<Utc>,
        by: UserId,
    },
    /// The child's photo (a prepared JPEG, base64) is set or replaced.
    ChildPhotoSet { child: ChildId, jpeg_base64: String },
    /// The child's full-length photo (a prepared JPEG, base64) is set or replaced.
    ChildFullPhotoSet { child: ChildId, jpeg_base64: String },
    /// "Child missing" was pressed.
    EpisodeStarted {
        episode: EpisodeId,
        child: ChildId,
        started_at: DateTime<Utc>,
        last_seen_at: DateTime<Utc>,
    },
    /// The carer corrected when the child was last seen.
    EpisodeLastSeenSet {
        episode: EpisodeId,
        at: DateTime<Utc>,
    },
    /// A member of staff is added (their key lives in the device's key file, not here).
    UserAdded {
        user: UserId,
        name: String,
        role: Role,
        created_at: DateTime<Utc>,
    },
    /// A member of staff can no longer unlock Harbour. Their records stay.
    UserDisabled { user: UserId },
    /// A member of staff's public key (X25519, hex): the data key is sealed to it on every
    /// device they unlock, and a key file entry for them with any other key is refused.
    UserKeySet { user: UserId, public_key: String },
    /// Something happened during an episode. Insert-only: kept as recorded, never replaced.
    EpisodeEventAdded {
        episode: EpisodeId,
        record: EventRecord,
    },
    /// A section of the child's profile was saved: the fields that changed (each its own
    /// register) and the check the saving amounts to.
    ProfileSaved {
        child: ChildId,
        section: Section,
        values: Values,
        at: DateTime<Utc>,
        by: UserId,
        /// The photo, phones or people changed after they had been checked: the rest of the
        /// profile falls due. (Filling a section in for the first time is not a change.)
        #[serde(default)]
        key_change: bool,
        /// For each field written, the clock of the value it replaced as the writer saw it
        /// (`""` if none): a device that holds a newer value the writer had not seen knows the
        /// two were changed on two devices at once, and lists the one that lost for a person
        /// to choose. (Ops from before this was kept have none: no such check.)
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        seen: std::collections::BTreeMap<String, String>,
        /// A choice between two values changed on two devices, not a check of the section:
        /// the section's last review stays as it was.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        not_a_check: bool,
    },
    /// The home's settings (nation, kind of home, its own contacts) were saved, all in one
    /// register. Written by earlier versions only: still read and folded, but a save now
    /// writes [`OpBody::SettingsSet`].
    /// (Boxed: the largest body by far; serialised the same as unboxed.)
    OrganisationSaved { organisation: Box<Organisation> },
    /// Some of the home's settings were saved: only those that changed, each its own register
    /// (`Organisation::fields`), so two managers who change different settings on different
    /// devices both keep their change.
    SettingsSet {
        fields: crate::organisation::SettingFields,
    },
    /// Someone checked a section and found it still right.
    ProfileReviewed {
        child: ChildId,
        section: Section,
        at: DateTime<Utc>,
        by: UserId,
    },
    /// Something happened in a risk checklist assessment. Insert-only, like episode events.
    AssessmentEventAdded {
        assessment: crate::AssessmentId,
        child: ChildId,
        record: crate::checklists::AssessmentRecord,
    },
    /// A team (one household or one children's home) is made on this device. Its name may be
    /// empty ("not named yet") and can be changed later. Every op about its children and its
    /// settings names the team in its envelope.
    TeamAdded {
        team: TeamId,
        name: String,
        created_at: DateTime<Utc>,
    },
    /// A team was given another name.
    TeamNamed { team: TeamId, name: String },
    /// A member of staff joins a team (`member`) or leaves it: they see only the children of
    /// the teams they are in.
    TeamMemberSet {
        team: TeamId,
        user: UserId,
        member: bool,
    },
    /// A member of staff's secret key, wrapped under their PIN and a key only the team's
    /// devices hold (`wrap`, opaque here: the store's), so that they can sign in on every
    /// device of the team with the same name and PIN. `public_key` is the pair's public half.
    StaffKeyShared {
        user: UserId,
        team: TeamId,
        public_key: String,
        wrap: String,
    },
    /// A child's whole record, every op about them with its history, brought in from another
    /// home with a transfer package: folded as those ops, in the team this op names. One op of
    /// this device's own series, so the team's other devices get the history with it.
    ChildTransferredIn {
        child: ChildId,
        ops: Vec<TransferredOp>,
    },
    /// A child moves to another team on the same hub. Written in the team they leave, whose
    /// devices keep what they recorded, read-only from then on; the record goes with the child
    /// as a `child_transferred_in` op in `to_team`, written in the same transaction.
    ChildMovedOut {
        child: ChildId,
        to_team: TeamId,
        /// The team's name as the mover saw it: the devices left behind may not hold that team.
        to_name: String,
        at: DateTime<Utc>,
    },
    /// Two records of one child, made in two homes before they shared a team: `merged` is
    /// shown as part of `kept` from now on, its episodes and checklists with it; its own page
    /// stays, read-only. Nothing of either is lost: the gaps and flags `kept` lacked are
    /// copied across by ordinary ops written with this one.
    ChildrenMerged {
        kept: ChildId,
        merged: ChildId,
        at: DateTime<Utc>,
    },
    /// A provider or local authority's defaults for one of its teams (help numbers, contacts):
    /// each a register of its own beside the team's, so a team's own setting always stands and
    /// a default fills only what the team has not set.
    DefaultsPublished {
        team: TeamId,
        fields: crate::organisation::SettingFields,
    },
    /// An entry in a child's daily log. Insert-only: a correction or addendum is another
    /// entry pointing at this one.
    LogEntryAdded {
        child: ChildId,
        record: crate::log::LogRecord,
    },
}

/// One op of a transferred record, as the home it came from stored it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferredOp {
    pub op_id: crate::ids::OpId,
    pub device: crate::ids::DeviceId,
    pub idx: i64,
    pub hlc: String,
    pub author: Option<UserId>,
    pub kind: String,
    pub entity: String,
    pub payload: String,
}

/// Every kind this version reads, as stored in the op's `kind` column. An op of any other
/// kind comes from a newer Harbour; one of these kinds that does not decode is damaged.
pub const KINDS: &[&str] = &[
    "child_added",
    "child_photo_set",
    "child_full_photo_set",
    "child_details_set",
    "child_fields_set",
    "child_flag_set",
    "episode_started",
    "episode_last_seen_set",
    "user_added",
    "user_disabled",
    "episode_event_added",
    "profile_saved",
    "profile_reviewed",
    "organisation_saved",
    "settings_set",
    "assessment_event_added",
    "team_added",
    "team_named",
    "team_member_set",
    "user_key_set",
    "staff_key_shared",
    "child_transferred_in",
    "child_moved_out",
    "children_merged",
    "defaults_published",
    "log_entry_added",
];

/// Which kind of record a field belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Child,
    Episode,
    User,
    /// The home's settings: registers only, no table of their own. They belong to the team the
    /// op names in its envelope (the store keys their registers by it).
    Settings,
    /// A team: its name and who is in it.
    Team,
}

/// The register entity that holds the home's settings.
pub const ORGANISATION_ENTITY: &str = "organisation";

/// The register of one setting (`set.on_call`, `set.help.runaway`); the whole settings saved
/// by earlier versions are in the `organisation` register.
pub fn setting_register(key: &str) -> String {
    format!("{SETTING_PREFIX}{key}")
}

/// The prefix of the per-key settings registers.
pub const SETTING_PREFIX: &str = "set.";

/// The settings this version knows, each in its register (`register` names it by key).
fn settings_writes(
    fields: &crate::organisation::SettingFields,
    register: fn(&str) -> String,
) -> Vec<FieldWrite> {
    fields
        .iter()
        .filter(|(k, _)| Organisation::knows(k))
        .map(|(k, v)| FieldWrite {
            kind: EntityKind::Settings,
            entity: ORGANISATION_ENTITY.to_owned(),
            field: register(k),
            value: v.clone(),
        })
        .collect()
}

/// The register of a default published for one setting (`default.help.runaway`).
pub fn default_register(key: &str) -> String {
    format!("{DEFAULT_PREFIX}{key}")
}

/// The prefix of the published defaults' registers.
pub const DEFAULT_PREFIX: &str = "default.";

/// The register of one member of staff's place in a team (`member.<user id>`, true or false).
pub fn member_register(user: UserId) -> String {
    format!("{MEMBER_PREFIX}{user}")
}

/// The prefix of a team's membership registers.
pub const MEMBER_PREFIX: &str = "member.";

/// The register of a member of staff's key as wrapped for one team (`staff_key.<team id>`).
pub fn staff_key_register(team: TeamId) -> String {
    format!("{STAFF_KEY_PREFIX}{team}")
}

/// The prefix of the staff key registers.
pub const STAFF_KEY_PREFIX: &str = "staff_key.";

/// The registers of a child's core details.
fn details_writes(e: &str, d: &ChildDetails) -> Vec<FieldWrite> {
    use EntityKind::Child;
    vec![
        write(Child, e.to_owned(), "name_latin", json!(d.name_latin)),
        write(
            Child,
            e.to_owned(),
            "name_own_script",
            json!(d.name_own_script),
        ),
        write(Child, e.to_owned(), "date_of_birth", json!(d.date_of_birth)),
        write(Child, e.to_owned(), "languages", json!(d.languages)),
        write(Child, e.to_owned(), "unaccompanied", json!(d.unaccompanied)),
        write(
            Child,
            e.to_owned(),
            "suspected_trafficked",
            json!(d.suspected_trafficked),
        ),
    ]
}

/// One field set by an op: `(record, field name, new value)`.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldWrite {
    pub kind: EntityKind,
    pub entity: String,
    pub field: String,
    pub value: Value,
}

fn write(kind: EntityKind, entity: String, field: impl Into<String>, value: Value) -> FieldWrite {
    FieldWrite {
        kind,
        entity,
        field: field.into(),
        value,
    }
}

impl OpBody {
    /// The stored `kind` column, equal to the serialised tag.
    pub fn kind(&self) -> &'static str {
        match self {
            OpBody::ChildAdded { .. } => "child_added",
            OpBody::ChildPhotoSet { .. } => "child_photo_set",
            OpBody::ChildFullPhotoSet { .. } => "child_full_photo_set",
            OpBody::ChildDetailsSet { .. } => "child_details_set",
            OpBody::ChildFieldsSet { .. } => "child_fields_set",
            OpBody::ChildFlagSet { .. } => "child_flag_set",
            OpBody::EpisodeStarted { .. } => "episode_started",
            OpBody::EpisodeLastSeenSet { .. } => "episode_last_seen_set",
            OpBody::UserAdded { .. } => "user_added",
            OpBody::UserDisabled { .. } => "user_disabled",
            OpBody::UserKeySet { .. } => "user_key_set",
            OpBody::EpisodeEventAdded { .. } => "episode_event_added",
            OpBody::ProfileSaved { .. } => "profile_saved",
            OpBody::ProfileReviewed { .. } => "profile_reviewed",
            OpBody::OrganisationSaved { .. } => "organisation_saved",
            OpBody::SettingsSet { .. } => "settings_set",
            OpBody::AssessmentEventAdded { .. } => "assessment_event_added",
            OpBody::TeamAdded { .. } => "team_added",
            OpBody::TeamNamed { .. } => "team_named",
            OpBody::TeamMemberSet { .. } => "team_member_set",
            OpBody::StaffKeyShared { .. } => "staff_key_shared",
            OpBody::ChildTransferredIn { .. } => "child_transferred_in",
            OpBody::ChildMovedOut { .. } => "child_moved_out",
            OpBody::ChildrenMerged { .. } => "children_merged",
            OpBody::DefaultsPublished { .. } => "defaults_published",
            OpBody::LogEntryAdded { .. } => "log_entry_added",
        }
    }

    /// The record the op is about.
    pub fn entity(&self) -> String {
        match self {
            OpBody::ChildAdded { child, .. }
            | OpBody::ChildPhotoSet { child, .. }
            | OpBody::ChildFullPhotoSet { child, .. }
            | OpBody::ChildDetailsSet { child, .. }
            | OpBody::ChildFieldsSet { child, .. }
            | OpBody::ChildFlagSet { child, .. } => child.to_string(),
            OpBody::EpisodeStarted { episode, .. } | OpBody::EpisodeLastSeenSet { episode, .. } => {
                episode.to_string()
            }
            OpBody::UserAdded { user, .. }
            | OpBody::UserDisabled { user }
            | OpBody::UserKeySet { user, .. }
            | OpBody::StaffKeyShared { user, .. } => user.to_string(),
            OpBody::ChildTransferredIn { child, .. }
            | OpBody::ChildMovedOut { child, .. }
            | OpBody::LogEntryAdded { child, .. } => child.to_string(),
            OpBody::ChildrenMerged { merged, .. } => merged.to_string(),
            OpBody::EpisodeEventAdded { episode, .. } => episode.to_string(),
            OpBody::ProfileSaved { child, .. } | OpBody::ProfileReviewed { child, .. } => {
                child.to_string()
            }
            OpBody::OrganisationSaved { .. }
            | OpBody::SettingsSet { .. }
            | OpBody::DefaultsPublished { .. } => ORGANISATION_ENTITY.to_owned(),
            OpBody::AssessmentEventAdded { assessment, .. } => assessment.to_string(),
            OpBody::TeamAdded { team, .. }
            | OpBody::TeamNamed { team, .. }
            | OpBody::TeamMemberSet { team, .. } => team.to_string(),
        }
    }

    /// The fields this op sets. The fold applies each as a last-writer-wins register.
    pub fn writes(&self) -> Vec<FieldWrite> {
        use EntityKind::*;
        match self {
            OpBody::ChildAdded {
                child,
                details: d,
                created_at,
            } => {
                let e = child.to_string();
                let mut w = vec![write(Child, e.clone(), "created_at", json!(created_at))];
                w.extend(details_writes(&e, d));
                w
            }
            OpBody::ChildDetailsSet { child, details } => {
                details_writes(&child.to_string(), details)
            }
            OpBody::ChildFieldsSet { child, fields } => fields
                .iter()
                .filter(|(k, _)| DETAIL_FIELDS.contains(&k.as_str()))
                .map(|(k, v)| write(Child, child.to_string(), k.as_str(), v.clone()))
                .collect(),
            OpBody::ChildFlagSet {
                child, flag, set, ..
            } => vec![write(Child, child.to_string(), flag.register(), json!(set))],
            OpBody::ChildPhotoSet { child, jpeg_base64 } => vec![write(
                Child,
                child.to_string(),
                profile::PhotoKind::Face.register(),
                json!(jpeg_base64),
            )],
            OpBody::ChildFullPhotoSet { child, jpeg_base64 } => vec![write(
                Child,
                child.to_string(),
                profile::PhotoKind::FullLength.register(),
                json!(jpeg_base64),
            )],
            OpBody::EpisodeStarted {
                episode,
                child,
                started_at,
                last_seen_at,
            } => {
                let e = episode.to_string();
                vec![
                    write(Episode, e.clone(), "child_id", json!(child)),
                    write(Episode, e.clone(), "started_at", json!(started_at)),
                    write(Episode, e, "last_seen_at", json!(last_seen_at)),
                ]
            }
            OpBody::EpisodeLastSeenSet { episode, at } => vec![write(
                Episode,
                episode.to_string(),
                "last_seen_at",
                json!(at),
            )],
            OpBody::UserAdded {
                user,
                name,
                role,
                created_at,
            } => {
                let e = user.to_string();
                vec![
                    write(User, e.clone(), "created_at", json!(created_at)),
                    write(User, e.clone(), "name", json!(name)),
                    write(User, e, "role", json!(role)),
                ]
            }
            OpBody::UserDisabled { user } => {
                vec![write(User, user.to_string(), "disabled", json!(true))]
            }
            OpBody::UserKeySet { user, public_key } => {
                vec![write(
                    User,
                    user.to_string(),
                    "public_key",
                    json!(public_key),
                )]
            }
            // Events are rows of their own (see the store's fold), except that closing (back,
            // or ended with the child still missing) sets the episode's closed time, a field
            // like any other.
            OpBody::EpisodeEventAdded { episode, record } => match record.event {
                crate::episode::EpisodeEvent::Closed
                | crate::episode::EpisodeEvent::EndedWithoutReturn { .. } => vec![write(
                    Episode,
                    episode.to_string(),
                    "closed_at",
                    json!(record.at),
                )],
                _ => Vec::new(),
            },
            OpBody::ProfileSaved {
                child,
                section,
                values,
                at,
                by,
                key_change,
                not_a_check,
                ..
            } => {
                let e = child.to_string();
                // Keys this version does not know (from a newer app) stay in the log only.
                let mut w: Vec<FieldWrite> = values
                    .iter()
                    .filter(|(k, _)| section.field(k).is_some())
                    .map(|(k, v)| write(Child, e.clone(), profile::register(k), v.clone()))
                    .collect();
                if *key_change && section.is_key_change() {
                    w.push(write(
                        Child,
                        e.clone(),
                        profile::KEY_CHANGE_REGISTER,
                        json!({ "section": section, "at": at }),
                    ));
                }
                if !*not_a_check {
                    w.push(write(
                        Child,
                        e,
                        profile::review_register(*section),
                        json!({ "at": at, "by": by }),
                    ));
                }
                w
            }
            // One register for the whole set: the settings are saved together, as one form.
            OpBody::OrganisationSaved { organisation } => vec![write(
                Settings,
                ORGANISATION_ENTITY.to_owned(),
                "organisation",
                json!(organisation),
            )],
            OpBody::SettingsSet { fields } => settings_writes(fields, setting_register),
            OpBody::DefaultsPublished { fields, .. } => settings_writes(fields, default_register),
            OpBody::ProfileReviewed {
                child,
                section,
                at,
                by,
            } => vec![write(
                Child,
                child.to_string(),
                profile::review_register(*section),
                json!({ "at": at, "by": by }),
            )],
            // Rows of their own (see the store's fold).
            OpBody::AssessmentEventAdded { .. } | OpBody::LogEntryAdded { .. } => Vec::new(),
            OpBody::TeamAdded {
                team,
                name,
                created_at,
            } => {
                let e = team.to_string();
                vec![
                    write(Team, e.clone(), "created_at", json!(created_at)),
                    write(Team, e, "name", json!(name)),
                ]
            }
            OpBody::TeamNamed { team, name } => {
                vec![write(Team, team.to_string(), "name", json!(name))]
            }
            OpBody::TeamMemberSet { team, user, member } => vec![write(
                Team,
                team.to_string(),
                member_register(*user),
                json!(member),
            )],
            // Its ops write what they write; the store adds the team (see its fold).
            OpBody::ChildTransferredIn { .. } => Vec::new(),
            OpBody::ChildMovedOut {
                child,
                to_team,
                to_name,
                at,
            } => vec![write(
                Child,
                child.to_string(),
                "moved_to",
                json!({ "team": to_team, "name": to_name, "at": at }),
            )],
            OpBody::ChildrenMerged { kept, merged, at } => vec![write(
                Child,
                merged.to_string(),
                "merged_into",
                json!({ "child": kept, "at": at }),
            )],
            OpBody::StaffKeyShared {
                user,
                team,
                public_key,
                wrap,
            } => vec![write(
                User,
                user.to_string(),
                staff_key_register(*team),
                json!({ "public_key": public_key, "wrap": wrap }),
            )],
        }
    }

    /// What the op's author must have been allowed to do, in their role as of the op, for a
    /// device that receives it to fold it. (This device checks its own writes before writing.)
    pub fn requires(&self) -> Action {
        match self {
            OpBody::UserAdded { .. }
            | OpBody::UserDisabled { .. }
            | OpBody::UserKeySet { .. }
            | OpBody::StaffKeyShared { .. }
            | OpBody::TeamAdded { .. }
            | OpBody::TeamNamed { .. }
            | OpBody::TeamMemberSet { .. } => Action::ManageUsers,
            OpBody::ChildFlagSet { set: false, .. } => Action::ClearFlags,
            OpBody::OrganisationSaved { .. }
            | OpBody::SettingsSet { .. }
            | OpBody::DefaultsPublished { .. } => Action::ChangeSettings,
            OpBody::ChildTransferredIn { .. }
            | OpBody::ChildMovedOut { .. }
            | OpBody::ChildrenMerged { .. } => Action::MoveRecords,
            OpBody::AssessmentEventAdded { record, .. }
                if matches!(
                    record.event,
                    crate::checklists::AssessmentEvent::SignedOff { .. }
                ) =>
            {
                Action::SignOffAssessments
            }
            OpBody::EpisodeStarted { .. }
            | OpBody::EpisodeLastSeenSet { .. }
            | OpBody::EpisodeEventAdded { .. } => Action::RecordMissing,
            OpBody::ChildAdded { .. }
            | OpBody::ChildDetailsSet { .. }
            | OpBody::ChildFieldsSet { .. }
            | OpBody::ChildFlagSet { set: true, .. }
            | OpBody::ChildPhotoSet { .. }
            | OpBody::ChildFullPhotoSet { .. }
            | OpBody::ProfileSaved { .. }
            | OpBody::ProfileReviewed { .. }
            | OpBody::AssessmentEventAdded { .. }
            | OpBody::LogEntryAdded { .. } => Action::EditChildren,
        }
    }

    /// A record that keeps a child safe: the child themselves, a missing report and everything
    /// recorded in it, a flag being set. Such an op is folded and shown even when its author
    /// cannot be checked (marked "needs checking"), never held back: hiding a report that a
    /// child is missing is worse than showing one nobody can vouch for yet.
    pub fn is_safety_record(&self) -> bool {
        matches!(
            self,
            OpBody::ChildAdded { .. }
                | OpBody::EpisodeStarted { .. }
                | OpBody::EpisodeLastSeenSet { .. }
                | OpBody::EpisodeEventAdded { .. }
                | OpBody::ChildFlagSet { set: true, .. }
        )
    }

    /// The child the op is about, if it is about one (for episodes, only where the op says).
    pub fn child(&self) -> Option<ChildId> {
        match self {
            OpBody::ChildAdded { child, .. }
            | OpBody::ChildDetailsSet { child, .. }
            | OpBody::ChildFieldsSet { child, .. }
            | OpBody::ChildFlagSet { child, .. }
            | OpBody::ChildPhotoSet { child, .. }
            | OpBody::ChildFullPhotoSet { child, .. }
            | OpBody::EpisodeStarted { child, .. }
            | OpBody::ProfileSaved { child, .. }
            | OpBody::ProfileReviewed { child, .. }
            | OpBody::AssessmentEventAdded { child, .. }
            | OpBody::ChildTransferredIn { child, .. }
            | OpBody::ChildMovedOut { child, .. }
            | OpBody::LogEntryAdded { child, .. } => Some(*child),
            OpBody::ChildrenMerged { kept, .. } => Some(*kept),
            _ => None,
        }
    }

    /// Reads a stored op. `None` for a kind (or shape) this version does not know: the caller
    /// keeps the op and shows that an update is needed.
    pub fn decode(payload: &str) -> Option<OpBody> {
        serde_json::from_str(payload).ok()
    }

    pub fn encode(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn child_id() -> ChildId {
        "01936b6e-7c00-7000-8000-000000000001".parse().unwrap()
    }

    /// Golden bytes: the stored form of a version-1 op must never change.
    #[test]
    fn the_stored_form_is_frozen() {
        let op = OpBody::ChildAdded {
            child: child_id(),
            details: ChildDetails {
                name_latin: "Sample".into(),
                name_own_script: None,
                date_of_birth: NaiveDate::from_ymd_opt(2011, 3, 4).unwrap(),
                languages: vec!["Tigrinya".into()],
                unaccompanied: true,
                suspected_trafficked: false,
            },
            created_at: Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
        };
        let text = op.encode();
        assert_eq!(
            text,
            r#"{"kind":"child_added","child":"01936b6e-7c00-7000-8000-000000000001","details":{"name_latin":"Sample","name_own_script":null,"date_of_birth":"2011-03-04","languages":["Tigrinya"],"unaccompanied":true,"suspected_trafficked":false},"created_at":"2026-11-25T02:00:00Z"}"#
        );
        assert_eq!(OpBody::decode(&text), Some(op.clone()));
        assert!(text.contains(&format!("\"kind\":\"{}\"", op.kind())));
    }

    #[test]
    fn a_correction_writes_only_its_fields_and_a_flag_only_through_its_own_op() {
        let fields = OpBody::ChildFieldsSet {
            child: child_id(),
            fields: [
                ("name_latin".to_owned(), json!("Amani Sample")),
                // From a stale or newer writer: kept in the log, never folded.
                ("suspected_trafficked".to_owned(), json!(false)),
            ]
            .into_iter()
            .collect(),
        };
        let text = fields.encode();
        assert_eq!(
            text,
            r#"{"kind":"child_fields_set","child":"01936b6e-7c00-7000-8000-000000000001","fields":{"name_latin":"Amani Sample","suspected_trafficked":false}}"#
        );
        assert_eq!(OpBody::decode(&text), Some(fields.clone()));
        let written: Vec<_> = fields.writes().into_iter().map(|w| w.field).collect();
        assert_eq!(written, ["name_latin"]);

        let flag = OpBody::ChildFlagSet {
            child: child_id(),
            flag: EscalationFlag::SuspectedTrafficked,
            set: false,
            reason: "NRM negative conclusive grounds".into(),
            at: Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
            by: "01936b6e-7c00-7000-8000-000000000003".parse().unwrap(),
        };
        let text = flag.encode();
        assert_eq!(
            text,
            r#"{"kind":"child_flag_set","child":"01936b6e-7c00-7000-8000-000000000001","flag":"suspected_trafficked","set":false,"reason":"NRM negative conclusive grounds","at":"2026-11-25T02:00:00Z","by":"01936b6e-7c00-7000-8000-000000000003"}"#
        );
        assert_eq!(OpBody::decode(&text), Some(flag.clone()));
        let w = flag.writes();
        assert_eq!((w.len(), w[0].field.as_str()), (1, "suspected_trafficked"));
        assert_eq!(w[0].value, json!(false));
        assert_eq!(
            (flag.kind(), flag.entity()),
            ("child_flag_set", child_id().to_string())
        );
    }

    #[test]
    fn a_settings_save_writes_one_register_per_changed_setting() {
        let op = OpBody::SettingsSet {
            fields: [
                ("help.runaway".to_owned(), json!("116 000")),
                ("on_call".to_owned(), json!("Sam Manager 07700 900321")),
                ("from_a_newer_app".to_owned(), json!(1)),
            ]
            .into_iter()
            .collect(),
        };
        let text = op.encode();
        assert_eq!(
            text,
            r#"{"kind":"settings_set","fields":{"from_a_newer_app":1,"help.runaway":"116 000","on_call":"Sam Manager 07700 900321"}}"#
        );
        assert_eq!(OpBody::decode(&text), Some(op.clone()));
        let written: Vec<_> = op.writes().into_iter().map(|w| w.field).collect();
        assert_eq!(written, ["set.help.runaway", "set.on_call"]);
        assert_eq!(op.entity(), ORGANISATION_ENTITY);
    }

    /// Golden bytes for every kind: the stored form of each op this version reads must never
    /// change (`tests/golden/ops-1.jsonl`, one line per kind in `KINDS` order).
    #[test]
    fn every_kind_is_frozen() {
        let golden = include_str!("../tests/golden/ops-1.jsonl");
        let ops = crate::examples::every_kind(1);
        let kinds: Vec<_> = ops.iter().map(OpBody::kind).collect();
        assert_eq!(kinds, KINDS, "one example of every kind, in order");
        let lines: Vec<_> = golden.lines().collect();
        assert_eq!(lines.len(), ops.len());
        for (op, line) in ops.iter().zip(lines) {
            // Kinds only earlier versions write must still read; their shape may grow.
            let legacy = matches!(
                op,
                OpBody::ChildDetailsSet { .. } | OpBody::OrganisationSaved { .. }
            );
            if !legacy {
                assert_eq!(op.encode(), line, "{}", op.kind());
            }
            assert_eq!(OpBody::decode(line).as_ref(), Some(op), "{}", op.kind());
            // The label agrees with the body, and the op says what it needs of its author.
            assert!(line.starts_with(&format!("{{\"kind\":\"{}\"", op.kind())));
            let _ = op.requires();
        }
    }

    #[test]
    fn only_privileged_ops_need_more_than_a_carer_and_safety_records_are_the_right_ones() {
        let ops = crate::examples::every_kind(0);
        let carer = Role::FosterCarer;
        let needs_more: Vec<_> = ops
            .iter()
            .filter(|o| !carer.may(o.requires()))
            .map(OpBody::kind)
            .collect();
        // (In example 0 the flag is cleared.)
        assert_eq!(
            needs_more,
            [
                "child_flag_set",
                "user_added",
                "user_disabled",
                "organisation_saved",
                "settings_set",
                "team_added",
                "team_named",
                "team_member_set",
                "user_key_set",
                "staff_key_shared",
                "child_transferred_in",
                "child_moved_out",
                "children_merged",
                "defaults_published"
            ]
        );
        let safety: Vec<_> = ops
            .iter()
            .filter(|o| o.is_safety_record())
            .map(OpBody::kind)
            .collect();
        assert_eq!(
            safety,
            [
                "child_added",
                "episode_started",
                "episode_last_seen_set",
                "episode_event_added"
            ]
        );
        let set = &crate::examples::every_kind(1)[5];
        assert!(set.is_safety_record() && carer.may(set.requires()));
    }

    #[test]
    fn unknown_kinds_are_recognised_as_unknown() {
        assert_eq!(
            OpBody::decode(r#"{"kind":"handover_note","text":"x"}"#),
            None
        );
        assert_eq!(OpBody::decode("not json"), None);
    }

    #[test]
    fn a_saved_section_writes_its_fields_its_review_and_any_key_change() {
        let by: UserId = "01936b6e-7c00-7000-8000-000000000003".parse().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
        let saved = |section, values: &[(&str, Value)]| {
            let op = OpBody::ProfileSaved {
                child: child_id(),
                section,
                values: values
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
                at,
                by,
                key_change: !values.is_empty(),
                seen: Default::default(),
                not_a_check: false,
            };
            assert_eq!(OpBody::decode(&op.encode()), Some(op.clone()));
            op.writes().into_iter().map(|w| w.field).collect::<Vec<_>>()
        };
        assert_eq!(
            saved(
                Section::Health,
                &[("gp", json!("Dr A")), ("from_a_newer_app", json!(1))]
            ),
            ["p.gp", "review.health"]
        );
        assert_eq!(
            saved(
                Section::Phones,
                &[("mobile_numbers", json!("07700 900123"))]
            ),
            ["p.mobile_numbers", "key_change", "review.phones"]
        );
        // Saved unchanged: a check, not a change.
        assert_eq!(saved(Section::People, &[]), ["review.people"]);
        let reviewed = OpBody::ProfileReviewed {
            child: child_id(),
            section: Section::OwnWords,
            at,
            by,
        };
        assert_eq!(reviewed.kind(), "profile_reviewed");
        assert_eq!(reviewed.writes()[0].field, "review.own_words");
        assert_eq!(reviewed.writes()[0].value, json!({"at": at, "by": by}));
    }

    #[test]
    fn last_seen_corrections_write_one_field_of_the_episode() {
        let episode: EpisodeId = "01936b6e-7c00-7000-8000-000000000002".parse().unwrap();
        let op = OpBody::EpisodeLastSeenSet {
            episode,
            at: Utc.with_ymd_and_hms(2026, 11, 25, 1, 0, 0).unwrap(),
        };
        let w = op.writes();
        assert_eq!(w.len(), 1);
        assert_eq!(
            (w[0].kind, w[0].entity.as_str(), w[0].field.clone()),
            (
                EntityKind::Episode,
                op.entity().as_str(),
                "last_seen_at".into()
            )
        );
        assert_eq!(op.kind(), "episode_last_seen_set");
    }
}
