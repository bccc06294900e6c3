//! The return interview after an episode (England and Wales: the return home interview;
//! Scotland: the return discussion; domain.md §2.4 step 8) as separate, dated facts: offered
//! (when, by which service), held (when it took place, by whom, independent of the placement or
//! not, how), declined by the child (when, why, whether it is offered again), or not offered
//! (why). "Offered" is a step, not an outcome: the interview stays due, then overdue, until it
//! is held or the child declines. "Within 72 hours" is measured from the child's return to the
//! placement to the time the interview took place, never from when it was typed in.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The interview is to take place within this many hours of the return to the placement.
pub const RETURN_INTERVIEW_HOURS: i64 = 72;

/// How the interview was held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewMode {
    InPerson,
    Phone,
    Video,
}

impl InterviewMode {
    pub const ALL: [InterviewMode; 3] = [
        InterviewMode::InPerson,
        InterviewMode::Phone,
        InterviewMode::Video,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            InterviewMode::InPerson => "interview-mode-in-person",
            InterviewMode::Phone => "interview-mode-phone",
            InterviewMode::Video => "interview-mode-video",
        }
    }
}

/// The interview was offered to the child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub at: DateTime<Utc>,
    /// The service that offered it (the placing authority's return interview service).
    pub service: String,
}

/// The interview took place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    /// When it took place; `None` only for interviews recorded before this was asked.
    pub at: Option<DateTime<Utc>>,
    pub by: String,
    /// Whether the person who held it is independent of the placement.
    pub independent: Option<bool>,
    pub mode: Option<InterviewMode>,
}

/// The child said no to the interview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declined {
    pub at: DateTime<Utc>,
    /// The child's reason, if they gave one.
    pub reason: String,
    /// When it will be offered again, if it will.
    pub reoffer_on: Option<NaiveDate>,
}

/// Why no interview was offered (the reason stays on record; the interview stays due).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotOffered {
    pub reason: String,
    /// When this was recorded.
    pub at: DateTime<Utc>,
}

/// Everything recorded about the return interview of one episode, folded in the order recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewFacts {
    pub offers: Vec<Offer>,
    pub held: Option<Held>,
    pub declined: Option<Declined>,
    pub not_offered: Option<NotOffered>,
    /// Offered again after the child declined: due again.
    #[serde(default)]
    pub reoffered: bool,
}

impl InterviewFacts {
    pub fn offer(&mut self, offer: Offer) {
        if self.declined.is_some() {
            self.reoffered = true;
        }
        self.offers.push(offer);
    }

    pub fn decline(&mut self, declined: Declined) {
        self.declined = Some(declined);
        self.reoffered = false;
    }

    /// Where the interview stands at `now` for a child back at the placement since `returned`
    /// (`None`: not back yet).
    pub fn status(&self, returned: Option<DateTime<Utc>>, now: DateTime<Utc>) -> InterviewStatus {
        if let Some(held) = &self.held {
            return InterviewStatus::Held {
                at: held.at,
                within_72_hours: within_72_hours(returned, held.at),
            };
        }
        if let Some(d) = self.declined.as_ref().filter(|_| !self.reoffered) {
            return InterviewStatus::Declined { at: d.at };
        }
        match returned {
            None => InterviewStatus::NotYet,
            Some(back) => {
                let by = back + Duration::hours(RETURN_INTERVIEW_HOURS);
                if now > by {
                    InterviewStatus::Overdue { since: by }
                } else {
                    InterviewStatus::Due { by }
                }
            }
        }
    }

    /// The latest offer, shown with a due interview ("offered on … by …: still due by …").
    pub fn last_offer(&self) -> Option<&Offer> {
        self.offers.last()
    }
}

/// Whether an interview held at `held` was within 72 hours of the return to the placement;
/// `None` when either time is unknown.
pub fn within_72_hours(
    returned: Option<DateTime<Utc>>,
    held: Option<DateTime<Utc>>,
) -> Option<bool> {
    let (back, held) = (returned?, held?);
    Some(held - back <= Duration::hours(RETURN_INTERVIEW_HOURS))
}

/// Where the return interview stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewStatus {
    /// The child has not come back yet.
    NotYet,
    /// Not yet held or declined (it may have been offered).
    Due {
        by: DateTime<Utc>,
    },
    Overdue {
        since: DateTime<Utc>,
    },
    Held {
        at: Option<DateTime<Utc>>,
        /// Held within 72 hours of the return to the placement (`None`: a time is unknown).
        within_72_hours: Option<bool>,
    },
    /// The child declined and it is not being offered again.
    Declined {
        at: DateTime<Utc>,
    },
}

impl InterviewStatus {
    /// Still to happen: on the home screen's list whatever the episode's status.
    pub fn is_outstanding(self) -> bool {
        matches!(
            self,
            InterviewStatus::Due { .. } | InterviewStatus::Overdue { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::hours(h)
    }

    fn offer(h: i64) -> Offer {
        Offer {
            at: t(h),
            service: "Return interview service".into(),
        }
    }

    fn held(at: Option<DateTime<Utc>>) -> Held {
        Held {
            at,
            by: "Sample worker".into(),
            independent: Some(true),
            mode: Some(InterviewMode::InPerson),
        }
    }

    #[test]
    fn an_offered_interview_stays_due_then_overdue() {
        let mut facts = InterviewFacts::default();
        facts.offer(offer(11));
        assert_eq!(
            facts.status(Some(t(10)), t(20)),
            InterviewStatus::Due { by: t(82) }
        );
        assert_eq!(
            facts.status(Some(t(10)), t(83)),
            InterviewStatus::Overdue { since: t(82) }
        );
        assert!(facts.status(Some(t(10)), t(83)).is_outstanding());
        assert_eq!(facts.status(None, t(83)), InterviewStatus::NotYet);
    }

    #[test]
    fn within_72_hours_is_measured_from_the_return_to_when_it_was_held() {
        let facts = InterviewFacts {
            held: Some(held(Some(t(10 + 70)))),
            ..Default::default()
        };
        assert_eq!(
            facts.status(Some(t(10)), t(500)),
            InterviewStatus::Held {
                at: Some(t(80)),
                within_72_hours: Some(true)
            }
        );
        assert_eq!(
            within_72_hours(Some(t(10)), Some(t(82))),
            Some(true),
            "to the minute"
        );
        assert_eq!(
            within_72_hours(Some(t(10)), Some(t(82) + Duration::minutes(1))),
            Some(false)
        );
        assert_eq!(within_72_hours(Some(t(10)), None), None);
        assert!(!facts.status(Some(t(10)), t(500)).is_outstanding());
    }

    #[test]
    fn a_decline_ends_it_until_it_is_offered_again_and_held_always_ends_it() {
        let mut facts = InterviewFacts::default();
        facts.decline(Declined {
            at: t(20),
            reason: String::new(),
            reoffer_on: NaiveDate::from_ymd_opt(2026, 12, 1),
        });
        assert_eq!(
            facts.status(Some(t(10)), t(100)),
            InterviewStatus::Declined { at: t(20) }
        );
        facts.offer(offer(30));
        assert_eq!(
            facts.status(Some(t(10)), t(100)),
            InterviewStatus::Overdue { since: t(82) },
            "offered again: due again"
        );
        facts.held = Some(held(Some(t(90))));
        assert_eq!(
            facts.status(Some(t(10)), t(100)),
            InterviewStatus::Held {
                at: Some(t(90)),
                within_72_hours: Some(false)
            }
        );
    }
}
