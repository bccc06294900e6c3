//! One op of every kind, for the tests of the op format and of merging (the `examples`
//! feature makes it available to other crates' tests; the app never uses it).

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde_json::json;

use crate::checklists::{Answer, AssessmentEvent, AssessmentRecord};
use crate::child::{ChildDetails, EscalationFlag};
use crate::episode::{EpisodeEvent, EventRecord};
use crate::ids::{AssessmentId, ChildId, EpisodeId, EventId, TeamId, UserId};
use crate::ops::OpBody;
use crate::organisation::{Nation, Organisation};
use crate::profile::Section;
use crate::users::Role;

fn id<T: std::str::FromStr>(n: u32) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("01936b6e-7c00-7000-8000-{n:012x}").parse().unwrap()
}

/// The child every example is about.
pub fn child() -> ChildId {
    id(0xc0)
}

/// The episode every example is about.
pub fn episode() -> EpisodeId {
    id(0xe0)
}

/// The team every example's team op is about.
pub fn team() -> TeamId {
    id(0x7e)
}

/// The member of staff the examples add.
pub fn user() -> UserId {
    id(0x51)
}

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// One op of each kind this version writes or reads, in [`crate::ops::KINDS`] order, with
/// values that differ with `v` (so two sets of them conflict field by field) and event ids
/// that differ with `v` (so their events are distinct).
pub fn every_kind(v: u8) -> Vec<OpBody> {
    let name = ["Sample Ruth", "Sample Amani", "Sample Dawit"][usize::from(v % 3)];
    let odd = v % 2 == 1;
    let by: UserId = id(0xa0);
    let details = ChildDetails {
        name_latin: name.into(),
        name_own_script: odd.then(|| "ሩታ".into()),
        date_of_birth: NaiveDate::from_ymd_opt(2011, 3, 1 + u32::from(v % 20)).unwrap(),
        languages: vec!["Tigrinya".into()],
        unaccompanied: odd,
        suspected_trafficked: !odd,
    };
    let event = |n: u32, event| EventRecord {
        id: id(0x1_0000 + 0x100 * u32::from(v) + n),
        at: at(i64::from(v) + i64::from(n)),
        by,
        event,
    };
    vec![
        OpBody::ChildAdded {
            child: child(),
            details: details.clone(),
            created_at: at(-600),
        },
        OpBody::ChildPhotoSet {
            child: child(),
            jpeg_base64: format!("AAA{v}"),
        },
        OpBody::ChildFullPhotoSet {
            child: child(),
            jpeg_base64: format!("BBB{v}"),
        },
        OpBody::ChildDetailsSet {
            child: child(),
            details,
        },
        OpBody::ChildFieldsSet {
            child: child(),
            fields: [("name_latin".to_owned(), json!(format!("{name} T")))]
                .into_iter()
                .collect(),
        },
        OpBody::ChildFlagSet {
            child: child(),
            flag: EscalationFlag::SuspectedTrafficked,
            set: odd,
            reason: if odd {
                String::new()
            } else {
                "NRM decision".into()
            },
            at: at(i64::from(v)),
            by,
        },
        OpBody::EpisodeStarted {
            episode: episode(),
            child: child(),
            started_at: at(-30),
            last_seen_at: at(-60 - i64::from(v)),
        },
        OpBody::EpisodeLastSeenSet {
            episode: episode(),
            at: at(-90 - i64::from(v)),
        },
        OpBody::UserAdded {
            user: user(),
            name: format!("Casey Carer {v}"),
            role: if odd {
                Role::FosterCarer
            } else {
                Role::Manager
            },
            created_at: at(-900),
        },
        OpBody::UserDisabled { user: user() },
        OpBody::EpisodeEventAdded {
            episode: episode(),
            record: event(
                1,
                EpisodeEvent::Update {
                    text: format!("Seen at the bus station ({v})"),
                },
            ),
        },
        OpBody::ProfileSaved {
            child: child(),
            section: Section::Health,
            values: [("gp".to_owned(), json!(format!("Dr Sample {v}")))]
                .into_iter()
                .collect(),
            at: at(i64::from(v)),
            by,
            key_change: false,
            seen: Default::default(),
            not_a_check: false,
        },
        OpBody::ProfileReviewed {
            child: child(),
            section: Section::People,
            at: at(i64::from(v)),
            by,
        },
        OpBody::OrganisationSaved {
            organisation: Box::new(Organisation {
                nation: if odd { Nation::Wales } else { Nation::England },
                on_call: format!("Sam Manager {v}"),
                ..Default::default()
            }),
        },
        OpBody::SettingsSet {
            fields: [("on_call".to_owned(), json!(format!("07700 900{v:03}")))]
                .into_iter()
                .collect(),
        },
        OpBody::AssessmentEventAdded {
            assessment: id::<AssessmentId>(0xa5),
            child: child(),
            record: AssessmentRecord {
                id: id::<EventId>(0x2_0000 + u32::from(v)),
                at: at(i64::from(v)),
                by,
                event: AssessmentEvent::Answered {
                    item: "goes-missing".into(),
                    answer: if odd { Answer::Yes } else { Answer::Unsure },
                    evidence: String::new(),
                    observed_by: String::new(),
                },
            },
        },
        OpBody::TeamAdded {
            team: team(),
            name: format!("Sample House {v}"),
            created_at: at(-900),
        },
        OpBody::TeamNamed {
            team: team(),
            name: format!("Sample Home {v}"),
        },
        OpBody::TeamMemberSet {
            team: team(),
            user: user(),
            member: odd,
        },
        OpBody::UserKeySet {
            user: user(),
            public_key: format!("{:064x}", 0x51 + u32::from(v)),
        },
        OpBody::StaffKeyShared {
            user: user(),
            team: team(),
            public_key: format!("{:064x}", 0x51 + u32::from(v)),
            wrap: format!("{{\"v\":{v}}}"),
        },
        OpBody::ChildTransferredIn {
            child: child(),
            ops: vec![crate::ops::TransferredOp {
                // One op id per example: an op id always names the same op.
                op_id: id(0x0b00 + u32::from(v)),
                device: id(0xde),
                idx: i64::from(v),
                hlc: format!("{:015}-{:010}", 1_764_000_000_000_i64 + i64::from(v), 0),
                author: Some(user()),
                kind: "child_fields_set".into(),
                entity: child().to_string(),
                payload: format!(
                    "{{\"kind\":\"child_fields_set\",\"child\":\"{}\",\"fields\":{{\"languages\":[\"Tigrinya\"]}}}}",
                    child()
                ),
            }],
        },
        OpBody::ChildMovedOut {
            child: child(),
            to_team: id(0x7f),
            to_name: format!("Team {v}"),
            at: at(i64::from(v)),
        },
        OpBody::ChildrenMerged {
            kept: child(),
            merged: id(0xc1),
            at: at(i64::from(v)),
        },
        OpBody::DefaultsPublished {
            team: team(),
            fields: [("help.runaway".to_owned(), json!(format!("116 000 ({v})")))]
                .into_iter()
                .collect(),
        },
        OpBody::LogEntryAdded {
            child: child(),
            record: crate::log::LogRecord {
                // Its own id per example: entries are insert-only, each its own.
                id: id(0x2_0000 + u32::from(v)),
                happened_at: at(i64::from(v)),
                written_at: at(i64::from(v) + 5),
                by,
                basis: crate::log::Basis::Reported,
                reported_by: "His teacher".into(),
                themes: vec![crate::log::Theme::Education, crate::log::Theme::Absence],
                text: format!("Not in school after lunch ({v})"),
                amends: None,
            },
        },
    ]
}
