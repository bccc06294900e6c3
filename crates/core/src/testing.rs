//! Fixtures the core's tests share: a fixed hour on 25 November 2026, an episode, a child.

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::child::ChildDetails;
use crate::episode::MissingEpisode;

/// `h` hours after midnight on 25 November 2026 (UTC).
pub fn t(h: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::hours(h)
}

/// An open episode: the child last seen at `last_seen` hours, reported an hour later.
pub fn episode(last_seen: i64) -> MissingEpisode {
    MissingEpisode {
        id: "01936b6e-7c00-7000-8000-000000000002".parse().unwrap(),
        child_id: "01936b6e-7c00-7000-8000-000000000001".parse().unwrap(),
        started_at: t(last_seen + 1),
        last_seen_at: t(last_seen),
        closed_at: None,
    }
}

/// A child born in 2011 with these flags.
pub fn child(unaccompanied: bool, suspected_trafficked: bool) -> ChildDetails {
    ChildDetails {
        name_latin: "Sample".into(),
        name_own_script: None,
        date_of_birth: chrono::NaiveDate::from_ymd_opt(2011, 1, 1).unwrap(),
        languages: vec![],
        unaccompanied,
        suspected_trafficked,
    }
}

/// The day most profile tests are set on.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A day of November 2026 at an hour.
pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    use chrono::TimeZone;
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}
