//! The home's settings (nation, kind of home, its own contacts): one register per setting,
//! over the whole settings that earlier versions saved in one register.

use harbour_core::ops::{OpBody, DEFAULT_PREFIX, ORGANISATION_ENTITY, SETTING_PREFIX};
use harbour_core::organisation::{Organisation, SettingFields};
use harbour_core::{Action, ChildId, TeamId};
use serde_json::Value;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::store::Store;

impl Store {
    /// The settings of the team shown now (`Store::current_team`); the defaults (England, a
    /// foster home, no contacts) until saved.
    pub fn organisation(&self) -> Result<Organisation, StoreError> {
        self.organisation_of(self.team)
    }

    /// The settings of the child's team: its contacts and help numbers, its nation's rules.
    pub fn organisation_for(&self, child: ChildId) -> Result<Organisation, StoreError> {
        let team = self.team_of_child(child)?;
        self.organisation_of(team.or(self.team))
    }

    /// A team's settings (a store with no team keeps them in the `organisation` entity).
    pub fn organisation_of(&self, team: Option<TeamId>) -> Result<Organisation, StoreError> {
        self.require(Action::ViewChildren)?;
        let entity = team.map_or_else(|| ORGANISATION_ENTITY.to_owned(), |t| t.to_string());
        let mut stmt = self
            .conn
            .prepare_cached("SELECT field, value, hlc, device FROM registers WHERE entity = ?1")?;
        let rows = stmt.query_map([entity], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                (r.get::<_, String>(2)?, r.get::<_, String>(3)?),
            ))
        })?;
        // The whole settings an earlier version saved, and the per-key ones; each setting is
        // whichever was written last.
        let mut whole = None;
        let mut keys = Vec::new();
        let mut defaults = Vec::new();
        for row in rows {
            let (field, value, at) = row?;
            if field == "organisation" {
                let org: Organisation = serde_json::from_str(&value)
                    .map_err(|_| StoreError::Corrupt("organisation"))?;
                whole = Some((org, at));
            } else if let Some(key) = field.strip_prefix(SETTING_PREFIX) {
                let value: Value =
                    serde_json::from_str(&value).map_err(|_| StoreError::Corrupt("setting"))?;
                keys.push((key.to_owned(), value, at));
            } else if let Some(key) = field.strip_prefix(DEFAULT_PREFIX) {
                let value: Value =
                    serde_json::from_str(&value).map_err(|_| StoreError::Corrupt("setting"))?;
                defaults.push((key.to_owned(), value, at));
            }
        }
        // A default fills only what the team has not set itself.
        let own: Vec<String> = keys.iter().map(|(k, _, _)| k.clone()).collect();
        keys.extend(defaults.into_iter().filter(|(k, _, _)| !own.contains(k)));
        let newer: SettingFields = keys
            .into_iter()
            .filter(|(_, _, at)| whole.as_ref().is_none_or(|(_, w)| at > w))
            .map(|(k, v, _)| (k, v))
            .collect();
        let base = whole.map(|(org, _)| org).unwrap_or_default();
        Ok(Organisation::from_fields(&base, &newer))
    }

    /// Saves the settings (managers and admins): only those that changed, each its own
    /// register. Too-long fields are named; nothing is written then.
    pub fn save_organisation(&mut self, org: &Organisation) -> Result<Organisation, StoreError> {
        self.require(Action::ChangeSettings)?;
        let organisation = org.validate().map_err(StoreError::InvalidProfile)?;
        let fields = organisation.changed_fields(&self.organisation()?);
        if !fields.is_empty() {
            self.write(&[OpBody::SettingsSet { fields }])?;
            self.audit(AuditEvent::SettingChanged, "organisation")?;
        }
        self.organisation()
    }

    /// Publishes the shown team's settings named in `keys` as the defaults of every team the
    /// member of staff is in (a provider's or local authority's office holding its homes'
    /// teams): each team's own setting still stands, and a default fills only what a team has
    /// not set. Managers and administrators; audited. Returns the teams written to.
    pub fn publish_defaults(&mut self, keys: &[String]) -> Result<Vec<TeamId>, StoreError> {
        self.require(Action::ChangeSettings)?;
        let all = self.organisation()?.fields();
        let mut fields = SettingFields::new();
        for key in keys {
            // A key this version does not know is refused whole, nothing written.
            let value = all.get(key).ok_or(StoreError::NotFound)?;
            fields.insert(key.clone(), value.clone());
        }
        let teams = self.my_teams()?;
        if fields.is_empty() || teams.is_empty() {
            return Ok(Vec::new());
        }
        let ops: Vec<OpBody> = teams
            .iter()
            .map(|team| OpBody::DefaultsPublished {
                team: *team,
                fields: fields.clone(),
            })
            .collect();
        self.write(&ops)?;
        self.audit(AuditEvent::DefaultsPublished, &keys.join(","))?;
        Ok(teams)
    }

    /// The defaults published for `team`'s settings, by key, whether or not the team has set
    /// its own (the settings page shows which it is using).
    pub fn defaults_of(&self, team: TeamId) -> Result<SettingFields, StoreError> {
        self.require(Action::ViewChildren)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT field, value FROM registers WHERE entity = ?1 AND field LIKE 'default.%'",
        )?;
        let rows = stmt.query_map([team.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = SettingFields::new();
        for row in rows {
            let (field, value) = row?;
            if let Some(key) = field.strip_prefix(DEFAULT_PREFIX) {
                let value =
                    serde_json::from_str(&value).map_err(|_| StoreError::Corrupt("setting"))?;
                out.insert(key.to_owned(), value);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Store, StoreError};
    use harbour_core::organisation::{HomeKind, Nation, Organisation};
    use harbour_core::FixedClock;

    #[test]
    fn settings_default_then_saved_and_rebuilt() {
        let clock = FixedClock::at("2026-11-25T02:00:00Z".parse().unwrap());
        let mut store = Store::open_in_memory(clock).unwrap();
        assert_eq!(store.organisation().unwrap(), Organisation::default());
        let org = Organisation {
            nation: Nation::Scotland,
            home_kind: HomeKind::ChildrensHome,
            on_call: " On-call manager  07700 900321 ".into(),
            ..Default::default()
        };
        let saved = store.save_organisation(&org).unwrap();
        assert_eq!(saved.on_call, "On-call manager 07700 900321");
        assert_eq!(saved.nation, Nation::Scotland);
        let too_long = Organisation {
            host_authority: "x".repeat(300),
            ..saved.clone()
        };
        assert!(matches!(
            store.save_organisation(&too_long),
            Err(StoreError::InvalidProfile(_))
        ));
        assert_eq!(store.organisation().unwrap(), saved, "nothing lost");
        store.rebuild().unwrap();
        assert_eq!(store.organisation().unwrap(), saved);
    }
}
