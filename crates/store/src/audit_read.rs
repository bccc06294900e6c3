//! Reading the audit record: who viewed, printed, saved, exported, backed up, changed a flag,
//! unlocked or failed to, filtered by child and time, with names put to the ids the chain
//! holds. For managers and administrators only; reading it for an export is itself recorded.

use chrono::{DateTime, SecondsFormat, Utc};
use harbour_core::api::{AuditAbout, AuditChain, AuditLine, AuditView, AUDIT_SHOWN};
use harbour_core::{Action, ChildId};
use rusqlite::params;
use std::collections::HashMap;

use crate::audit::{AuditEvent, ChainCheck};
use crate::error::StoreError;
use crate::store::Store;

/// Which entries: about one child (their record and episodes), from `since`, before `before`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuditRange {
    pub child: Option<ChildId>,
    pub since: Option<DateTime<Utc>>,
    pub before: Option<DateTime<Utc>>,
}

/// Names for the ids the chain holds.
struct Names {
    /// Children the reader sees, and every episode's child.
    children: HashMap<String, (ChildId, String)>,
    episodes: HashMap<String, String>,
    users: HashMap<String, String>,
    teams: HashMap<String, String>,
}

impl Store {
    /// Every entry in `range`, oldest first, named.
    pub fn audit_lines(&self, range: AuditRange) -> Result<Vec<AuditLine>, StoreError> {
        self.require(Action::ViewAudit)?;
        let names = self.audit_names()?;
        // Times are stored in one fixed form (UTC, milliseconds), so they compare as text.
        let stamp =
            |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true));
        let mut stmt = self.conn.prepare(
            "SELECT seq, at, event, subject, actor FROM audit \
             WHERE (?1 IS NULL OR subject = ?1 \
                    OR subject IN (SELECT id FROM missing_episodes WHERE child_id = ?1)) \
               AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR at < ?3) \
             ORDER BY seq",
        )?;
        let rows = stmt.query_map(
            params![
                range.child.map(|c| c.to_string()),
                stamp(range.since),
                stamp(range.before)
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            },
        )?;
        let mut lines = Vec::new();
        for row in rows {
            let (seq, at, event, subject, actor) = row?;
            let at = DateTime::parse_from_rfc3339(&at)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| StoreError::Corrupt("an audit entry's time"))?;
            let about = names.about(&subject);
            let who = names.users.get(&actor).cloned().unwrap_or_default();
            lines.push(AuditLine {
                seq,
                at,
                event,
                who,
                about,
            });
        }
        Ok(lines)
    }

    /// The screen's view: the newest [`AUDIT_SHOWN`] entries in `range`, how many match, whether
    /// the chain is whole, and the children to filter by.
    pub fn audit_view(&self, range: AuditRange) -> Result<AuditView, StoreError> {
        let mut lines = self.audit_lines(range)?;
        let matching = lines.len();
        lines.reverse();
        lines.truncate(AUDIT_SHOWN);
        let chain = match self.verify_audit()? {
            ChainCheck::Intact { entries } => AuditChain::Intact { entries },
            ChainCheck::BrokenAt { seq } => AuditChain::BrokenAt { seq },
        };
        let mut children: Vec<(ChildId, String)> = self
            .children()?
            .into_iter()
            .map(|c| (c.id, c.details.name_latin))
            .collect();
        children.sort_by_key(|(_, name)| name.to_lowercase());
        Ok(AuditView {
            lines,
            matching,
            chain,
            children,
        })
    }

    /// The entries in `range` for an export, oldest first; the export is recorded first (the
    /// file holds names in the clear).
    pub fn export_audit(&mut self, range: AuditRange) -> Result<Vec<AuditLine>, StoreError> {
        let lines = self.audit_lines(range)?;
        self.audit(AuditEvent::Exported, "audit_csv")?;
        Ok(lines)
    }

    fn audit_names(&self) -> Result<Names, StoreError> {
        let pairs = |sql: &str| -> Result<HashMap<String, String>, StoreError> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        let children = self
            .children()?
            .into_iter()
            .map(|c| (c.id.to_string(), (c.id, c.details.name_latin)))
            .collect();
        Ok(Names {
            children,
            episodes: pairs("SELECT id, child_id FROM missing_episodes")?,
            users: pairs("SELECT id, name FROM users")?,
            teams: pairs("SELECT id, name FROM teams")?,
        })
    }
}

impl Names {
    fn about(&self, subject: &str) -> AuditAbout {
        if subject.is_empty() {
            return AuditAbout::Nothing;
        }
        let child = |id: &str| match self.children.get(id) {
            Some((id, name)) => AuditAbout::Child {
                id: *id,
                name: name.clone(),
            },
            None => AuditAbout::OtherChild,
        };
        if self.children.contains_key(subject) {
            return child(subject);
        }
        if let Some(of) = self.episodes.get(subject) {
            return child(of);
        }
        if let Some(name) = self.users.get(subject) {
            return AuditAbout::Staff { name: name.clone() };
        }
        if let Some(name) = self.teams.get(subject) {
            return AuditAbout::Team { name: name.clone() };
        }
        // An id that names no one here is a child this reader does not see (users, teams and
        // episodes are all on every device that holds them); anything else is words.
        if subject.parse::<uuid::Uuid>().is_ok() {
            AuditAbout::OtherChild
        } else {
            AuditAbout::Text {
                text: subject.to_owned(),
            }
        }
    }
}
