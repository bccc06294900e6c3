//! A child's record changes hands on the same hub. A manager on a device that holds both teams
//! moves a child to another team: the record goes with them, as one `child_transferred_in` op
//! in the team they join (its other devices get the whole history with it), and the team they
//! leave gets `child_moved_out`, so its devices keep what they recorded, read-only. And two
//! records of one child, made in two homes before they shared a team, are merged: the kept
//! record gains what it lacked, the other is shown as part of it, and nothing of either is
//! lost.

use harbour_core::child::EscalationFlag;
use harbour_core::ops::OpBody;
use harbour_core::profile::Values;
use harbour_core::{Action, ChildId, RecordState, TeamId};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::Store;

/// Refuses an op that would add to a record left behind (moved to another team or merged into
/// another record). A record that keeps a child safe — a missing report and what is recorded
/// in it, a flag being set — is never refused: nobody is locked out of "Child missing".
pub(crate) fn refuse_if_left_behind(conn: &Connection, body: &OpBody) -> Result<(), StoreError> {
    if body.is_safety_record() {
        return Ok(());
    }
    let mut children: Vec<ChildId> = body.child().into_iter().collect();
    if let OpBody::ChildrenMerged { merged, .. } = body {
        children.push(*merged);
    }
    for child in children {
        let left: Option<bool> = conn
            .prepare_cached(
                "SELECT moved_to IS NOT NULL OR merged_into IS NOT NULL FROM children WHERE id = ?1",
            )?
            .query_row([child.to_string()], |r| r.get(0))
            .optional()?;
        if left == Some(true) {
            return Err(StoreError::ReadOnlyRecord);
        }
    }
    Ok(())
}

impl Store {
    /// Moves a child to another of this device's teams on the same hub: their whole record
    /// goes with them, and the team they leave keeps what it recorded, read-only. Takes a
    /// manager, placement officer or administrator who is a member of both teams; refused while
    /// the child is missing (the team that reported them keeps them until they are found).
    /// Audited.
    pub fn move_child(&mut self, child: ChildId, to_team: TeamId) -> Result<(), StoreError> {
        self.require(Action::MoveRecords)?;
        self.see_child(child)?;
        let from = self.team_of_child(child)?;
        let mine = self.my_teams()?;
        if from == Some(to_team) || !mine.contains(&to_team) {
            return Err(StoreError::NotInThatTeam);
        }
        let record = self.child(child)?.record;
        if record.read_only() {
            return Err(StoreError::ReadOnlyRecord);
        }
        if self.open_episodes()?.iter().any(|e| e.child_id == child) {
            return Err(StoreError::MissingNow);
        }
        let to_name: String = self
            .conn
            .prepare_cached("SELECT name FROM teams WHERE id = ?1")?
            .query_row([to_team.to_string()], |r| r.get(0))?;
        let ops = crate::transfer::ops_about(&self.conn, child)?;
        let at = self.now();
        // One transaction: the record arrives in the new team as it leaves the old.
        self.write_to(
            &[
                OpBody::ChildMovedOut {
                    child,
                    to_team,
                    to_name,
                    at,
                },
                OpBody::ChildTransferredIn { child, ops },
            ],
            to_team,
        )?;
        self.audit(AuditEvent::ChildMoved, &child.to_string())?;
        Ok(())
    }

    /// Merges `merged` into `kept`: two records of one child in the same team (made in two
    /// homes before they shared it). `kept` gains the profile answers, names, languages and
    /// photo it lacked and any escalation flag `merged` has; `merged`'s missing episodes and
    /// checklists are shown with `kept`'s from then on; `merged`'s own page stays, read-only.
    /// Where both gave a different answer, `kept`'s stands and `merged`'s is still on its page.
    /// Managers, placement officers and administrators; audited.
    pub fn merge_children(&mut self, kept: ChildId, merged: ChildId) -> Result<(), StoreError> {
        self.require(Action::MoveRecords)?;
        self.see_child(kept)?;
        self.see_child(merged)?;
        let (k, m) = (self.child(kept)?, self.child(merged)?);
        if kept == merged
            || self.team_of_child(kept)? != self.team_of_child(merged)?
            || k.record != RecordState::Here
            || m.record != RecordState::Here
        {
            return Err(StoreError::CannotMerge);
        }
        let mut ops = Vec::new();
        let (at, by) = (self.now(), self.session.user);
        // Escalation flags: never lost by a merge (each by its own explicit op).
        for (flag, theirs, ours) in [
            (
                EscalationFlag::Unaccompanied,
                m.details.unaccompanied,
                k.details.unaccompanied,
            ),
            (
                EscalationFlag::SuspectedTrafficked,
                m.details.suspected_trafficked,
                k.details.suspected_trafficked,
            ),
        ] {
            if theirs && !ours {
                ops.push(OpBody::ChildFlagSet {
                    child: kept,
                    flag,
                    set: true,
                    reason: String::new(),
                    at,
                    by,
                });
            }
        }
        // Names and languages the kept record lacks.
        let mut fields = std::collections::BTreeMap::new();
        if k.details.name_own_script.is_none() {
            if let Some(own) = &m.details.name_own_script {
                fields.insert("name_own_script".into(), Value::String(own.clone()));
            }
        }
        let mut languages = k.details.languages.clone();
        for l in &m.details.languages {
            if !languages.contains(l) {
                languages.push(l.clone());
            }
        }
        if languages != k.details.languages {
            fields.insert("languages".into(), serde_json::json!(languages));
        }
        if !fields.is_empty() {
            ops.push(OpBody::ChildFieldsSet {
                child: kept,
                fields,
            });
        }
        if !k.has_photo {
            if let Some(jpeg) = self.child_photo(merged)? {
                use base64::Engine as _;
                ops.push(OpBody::ChildPhotoSet {
                    child: kept,
                    jpeg_base64: base64::engine::general_purpose::STANDARD.encode(jpeg),
                });
            }
        }
        // Profile answers the kept record has not given, section by section; not a check.
        let (ours, theirs) = (self.profile(kept)?, self.profile(merged)?);
        for section in &theirs.sections {
            let given = ours.section(section.section).map(|s| &s.values);
            let gaps: Values = section
                .values
                .iter()
                .filter(|(key, value)| {
                    !value.is_null() && given.and_then(|g| g.get(*key)).is_none_or(Value::is_null)
                })
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            if gaps.is_empty() {
                continue;
            }
            let seen = crate::twice::seen_now(&self.conn, kept, gaps.keys().cloned())?;
            ops.push(OpBody::ProfileSaved {
                child: kept,
                section: section.section,
                values: gaps,
                at,
                by,
                key_change: false,
                seen,
                not_a_check: true,
            });
        }
        ops.push(OpBody::ChildrenMerged { kept, merged, at });
        self.write(&ops)?;
        self.audit(AuditEvent::ChildrenMerged, &format!("{kept} {merged}"))?;
        Ok(())
    }

    /// The records merged into `child`'s, so its page can link to them.
    pub fn merged_into(&self, child: ChildId) -> Result<Vec<ChildId>, StoreError> {
        self.require(Action::ViewChildren)?;
        self.see_child(child)?;
        let ids: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM children WHERE json_extract(merged_into, '$.child') = ?1 \
                 ORDER BY created_at, id",
            )?
            .query_map(params![child.to_string()], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.iter()
            .map(|id| id.parse().map_err(|_| StoreError::Corrupt("child id")))
            .collect()
    }

    /// Writes `bodies` in one transaction, a record coming in placed in `team`.
    fn write_to(&mut self, bodies: &[OpBody], team: TeamId) -> Result<(), StoreError> {
        let shown = self.team;
        self.team = Some(team);
        let written = self.write(bodies);
        self.team = shown;
        written
    }
}
