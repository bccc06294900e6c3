//! Identifiers. Every id is a UUIDv7 newtype so that records made on different devices never
//! collide and never need remapping when they sync (DESIGN.md, "Data model").

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// Wraps an id made elsewhere (by the store's id generator, or read back from disk).
            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_newtype!(
    /// One child in the care of a team.
    ChildId
);
id_newtype!(
    /// One missing episode of one child, from "missing" to "closed".
    EpisodeId
);

id_newtype!(
    /// One install of Harbour; its ops form one dense series `(device, idx)`.
    DeviceId
);
id_newtype!(
    /// One member of staff who can unlock Harbour.
    UserId
);
id_newtype!(
    /// One recorded event of a missing episode (police report, update, found, ...).
    EventId
);
id_newtype!(
    /// One op in the log, unique across every device.
    OpId
);
id_newtype!(
    /// One assessment of one child against one version of one risk checklist.
    AssessmentId
);
id_newtype!(
    /// One household or one children's home: its children, its settings and its staff. Made
    /// on the device that sets the team up; a hub registers it and never rewrites it.
    TeamId
);
id_newtype!(
    /// One entry of a child's daily log.
    LogEntryId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_json() {
        let raw = Uuid::parse_str("01936b6e-7c00-7000-8000-000000000001").unwrap();
        let id = ChildId::from_uuid(raw);
        assert_eq!(id.to_string().parse::<ChildId>().unwrap(), id);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"01936b6e-7c00-7000-8000-000000000001\"");
        assert_eq!(serde_json::from_str::<ChildId>(&json).unwrap(), id);
        assert!("not-an-id".parse::<EpisodeId>().is_err());
    }
}
