//! The episode itself: when "Child missing" was pressed, when the child was last seen, and whether
//! it is closed; how long the child has been missing.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::child::{Field, FieldError, FieldProblem};
use crate::ids::{ChildId, EpisodeId};

/// How far ahead of our clock a typed last-seen time may be before we call it a mistake
/// (covers a carer's watch being a minute or two ahead of the laptop).
pub const LAST_SEEN_SLACK_MINUTES: i64 = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingEpisode {
    pub id: EpisodeId,
    pub child_id: ChildId,
    /// When the carer pressed "Child missing".
    pub started_at: DateTime<Utc>,
    /// When the child was last seen; the carer can correct it after the steps are shown.
    pub last_seen_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl MissingEpisode {
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// Time since the child was last seen: what police and managers ask first.
    pub fn missing_for(&self, now: DateTime<Utc>) -> Elapsed {
        Elapsed::between(self.last_seen_at, now)
    }

    /// Time since the episode was reported in Harbour.
    pub fn reported_for(&self, now: DateTime<Utc>) -> Elapsed {
        Elapsed::between(self.started_at, now)
    }
}

/// A duration in the units a carer reads at a glance. Never negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elapsed {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
}

impl Elapsed {
    pub fn between(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        let total = (to - from).max(Duration::zero()).num_minutes();
        Self {
            days: total / (24 * 60),
            hours: (total / 60) % 24,
            minutes: total % 60,
        }
    }

    pub fn total_minutes(&self) -> i64 {
        (self.days * 24 + self.hours) * 60 + self.minutes
    }
}

/// Checks a last-seen time the carer typed: it cannot be later than now.
pub fn validate_last_seen(
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FieldError> {
    if at > now + Duration::minutes(LAST_SEEN_SLACK_MINUTES) {
        return Err(FieldError::new(Field::LastSeen, FieldProblem::InFuture));
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, h, m, 0).unwrap()
    }

    #[test]
    fn elapsed_is_split_into_days_hours_minutes() {
        let e = Elapsed::between(t(1, 10), t(23, 5) + Duration::days(2));
        assert_eq!(
            e,
            Elapsed {
                days: 2,
                hours: 21,
                minutes: 55
            }
        );
        assert_eq!(e.total_minutes(), 2 * 24 * 60 + 21 * 60 + 55);
    }

    #[test]
    fn elapsed_never_goes_negative() {
        assert_eq!(Elapsed::between(t(10, 0), t(9, 0)).total_minutes(), 0);
    }

    #[test]
    fn last_seen_cannot_be_in_the_future() {
        let now = t(12, 0);
        assert_eq!(validate_last_seen(t(11, 0), now), Ok(t(11, 0)));
        assert_eq!(validate_last_seen(t(12, 5), now), Ok(t(12, 5)), "slack");
        assert_eq!(
            validate_last_seen(t(12, 6), now).unwrap_err().message_id(),
            "error-last-seen-in-future"
        );
    }

    #[test]
    fn missing_for_counts_from_last_seen() {
        let ep = MissingEpisode {
            id: EpisodeId::from_uuid(uuid::Uuid::nil()),
            child_id: ChildId::from_uuid(uuid::Uuid::nil()),
            started_at: t(10, 0),
            last_seen_at: t(9, 30),
            closed_at: None,
        };
        assert!(ep.is_open());
        assert_eq!(ep.missing_for(t(10, 45)).total_minutes(), 75);
        assert_eq!(ep.reported_for(t(10, 45)).total_minutes(), 45);
    }
}
