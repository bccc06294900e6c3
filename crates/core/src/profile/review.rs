//! When a section must be checked again: 28 days after its last review, after every missing
//! episode (once the child is back), and after a change to the photo, the phones or the people.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::*;
use crate::ids::UserId;

/// Days after a review that a section falls due again.
pub const REVIEW_EVERY_DAYS: i64 = 28;

/// Who last checked a section, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub at: DateTime<Utc>,
    pub by: UserId,
    /// The reviewer's name as staff know it (empty if they have not synced here yet).
    #[serde(default)]
    pub by_name: String,
}

/// Why a section needs checking now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ReviewDue {
    /// Nobody has checked it yet.
    NeverReviewed,
    /// The child came back from a missing episode after the last check.
    AfterEpisode { returned_at: DateTime<Utc> },
    /// The photo, phones or people changed after the last check.
    KeyChange { section: Section, at: DateTime<Utc> },
    /// 28 days have passed since the last check.
    Stale { due_since: DateTime<Utc> },
}

/// What is known about a child when deciding whether a section is due.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewContext {
    /// When the child last came back (found, or the episode closed), if ever.
    pub last_return: Option<DateTime<Utc>>,
    /// The last change to the photo, phones or people.
    pub key_change: Option<(Section, DateTime<Utc>)>,
}

/// Whether a section last reviewed at `reviewed` is due at `now`, and why (the most specific
/// reason first).
pub fn review_due(
    reviewed: Option<DateTime<Utc>>,
    context: &ReviewContext,
    now: DateTime<Utc>,
) -> Option<ReviewDue> {
    let Some(reviewed) = reviewed else {
        return Some(ReviewDue::NeverReviewed);
    };
    if let Some(returned_at) = context.last_return.filter(|t| *t > reviewed) {
        return Some(ReviewDue::AfterEpisode { returned_at });
    }
    if let Some((section, at)) = context.key_change.filter(|(_, t)| *t > reviewed) {
        return Some(ReviewDue::KeyChange { section, at });
    }
    let due_since = reviewed + Duration::days(REVIEW_EVERY_DAYS);
    (now >= due_since).then_some(ReviewDue::Stale { due_since })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    #[test]
    fn reviews_fall_due_with_the_most_specific_reason() {
        let none = ReviewContext::default();
        assert_eq!(
            review_due(None, &none, at(25, 12)),
            Some(ReviewDue::NeverReviewed)
        );
        let reviewed = at(1, 9);
        // 27 days 23 hours later: not yet; 28 days: due.
        let nearly = reviewed + Duration::days(28) - Duration::hours(1);
        assert_eq!(review_due(Some(reviewed), &none, nearly), None);
        assert_eq!(
            review_due(Some(reviewed), &none, reviewed + Duration::days(28)),
            Some(ReviewDue::Stale {
                due_since: reviewed + Duration::days(28)
            })
        );
        // Back from an episode after the check: due at once, whatever the date.
        let back = ReviewContext {
            last_return: Some(at(3, 2)),
            ..none
        };
        assert_eq!(
            review_due(Some(reviewed), &back, at(3, 3)),
            Some(ReviewDue::AfterEpisode {
                returned_at: at(3, 2)
            })
        );
        // ...but not if the check came after the return.
        assert_eq!(review_due(Some(at(3, 4)), &back, at(3, 5)), None);
        // A new phone number makes the other sections due.
        let phone = ReviewContext {
            key_change: Some((Section::Phones, at(4, 10))),
            ..none
        };
        assert_eq!(
            review_due(Some(reviewed), &phone, at(4, 11)),
            Some(ReviewDue::KeyChange {
                section: Section::Phones,
                at: at(4, 10)
            })
        );
        // The section that changed was checked by the saving itself.
        assert_eq!(review_due(Some(at(4, 10)), &phone, at(4, 11)), None);
        // Episode first, then key change, then age.
        let both = ReviewContext {
            last_return: Some(at(3, 2)),
            key_change: Some((Section::People, at(4, 10))),
        };
        assert!(matches!(
            review_due(Some(reviewed), &both, at(30, 10)),
            Some(ReviewDue::AfterEpisode { .. })
        ));
    }
}
