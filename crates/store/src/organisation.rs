//! The home's settings (nation, kind of home, its own contacts): one register, saved whole.

use harbour_core::ops::{OpBody, ORGANISATION_ENTITY};
use harbour_core::organisation::Organisation;
use harbour_core::Action;
use rusqlite::OptionalExtension;

use crate::audit::AuditEvent;
use crate::error::StoreError;
use crate::store::Store;

impl Store {
    /// The home's settings; the defaults (England, a foster home, no contacts) until saved.
    pub fn organisation(&self) -> Result<Organisation, StoreError> {
        self.require(Action::ViewChildren)?;
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM registers WHERE entity = ?1 AND field = 'organisation'",
                [ORGANISATION_ENTITY],
                |r| r.get(0),
            )
            .optional()?;
        match value {
            Some(v) => serde_json::from_str(&v).map_err(|_| StoreError::Corrupt("organisation")),
            None => Ok(Organisation::default()),
        }
    }

    /// Saves the settings (managers and admins). Too-long fields are named; nothing is
    /// written then.
    pub fn save_organisation(&mut self, org: &Organisation) -> Result<Organisation, StoreError> {
        self.require(Action::ChangeSettings)?;
        let organisation = org.validate().map_err(StoreError::InvalidProfile)?;
        self.write(&[OpBody::OrganisationSaved {
            organisation: Box::new(organisation),
        }])?;
        self.audit(AuditEvent::SettingChanged, "organisation")?;
        self.organisation()
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
