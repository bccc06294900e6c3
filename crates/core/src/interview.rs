//! The return interview after an episode (England and Wales: the return home interview;
//! Scotland: the return discussion; domain.md §2.4 step 8) as separate, dated facts: offered
//! (when, by which service), held (when it took place, by whom, independent of the placement or
//! not, how), declined by the child (when, why, whether it is offered again), or not offered
//! (why). "Offered" is a step, not an outcome: the interview stays due, then overdue, until it
//! is held or the child declines. "Within 72 hours" is measured from the child's return to the
//! placement to the time the interview took place, never from when it was typed in.
//!
//! When it falls due is the home's [`InterviewTiming`], the nation's usual one unless the home
//! sets its own: England, Wales and Northern Ireland hold it within 72 hours; Scotland's return
//! discussion is arranged within 72 hours and completed within a week (domain.md §2.4 step 8).
//! Who holds it, and the exact timing, are local: the setting is editable, not built in.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The interview is to take place within this many hours of the return to the placement.
pub const RETURN_INTERVIEW_HOURS: i64 = 72;

/// When the return interview falls due after the return to the placement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewTiming {
    /// Hours after the return by which it is to be arranged (offered); `None`: no separate
    /// deadline to arrange it.
    #[serde(default)]
    pub arrange_within_hours: Option<u32>,
    /// Hours after the return by which it is to take place.
    pub hold_within_hours: u32,
}

/// The shortest and longest time a home may set for the interview to take place (a day to a
/// month).
pub const HOLD_WITHIN_HOURS: std::ops::RangeInclusive<u32> = 24..=720;

impl InterviewTiming {
    /// England, Wales and Northern Ireland: the return home interview within 72 hours.
    pub const RETURN_HOME_INTERVIEW: InterviewTiming = InterviewTiming {
        arrange_within_hours: None,
        hold_within_hours: RETURN_INTERVIEW_HOURS as u32,
    };
    /// Scotland: the return discussion arranged within 72 hours and completed within a week.
    pub const RETURN_DISCUSSION: InterviewTiming = InterviewTiming {
        arrange_within_hours: Some(RETURN_INTERVIEW_HOURS as u32),
        hold_within_hours: 7 * 24,
    };

    /// The nation's usual timing.
    pub fn usual(nation: crate::organisation::Nation) -> InterviewTiming {
        match nation {
            crate::organisation::Nation::Scotland => InterviewTiming::RETURN_DISCUSSION,
            _ => InterviewTiming::RETURN_HOME_INTERVIEW,
        }
    }

    /// Within range, and never to be arranged later than it is to take place.
    pub fn is_valid(&self) -> bool {
        HOLD_WITHIN_HOURS.contains(&self.hold_within_hours)
            && self
                .arrange_within_hours
                .is_none_or(|a| (1..=self.hold_within_hours).contains(&a))
    }

    /// The hours after the return that `step` runs to.
    pub fn hours_for(&self, step: DueStep) -> u32 {
        match step {
            DueStep::Arrange => self.offered_within_hours(),
            DueStep::Hold => self.hold_within_hours,
        }
    }

    /// Within how many hours of coming back the child should be offered the talk (the child's
    /// help says this).
    pub fn offered_within_hours(&self) -> u32 {
        self.arrange_within_hours.unwrap_or(self.hold_within_hours)
    }
}

/// Which deadline a due interview is running to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueStep {
    /// To be arranged (Scotland's return discussion, before it has been offered).
    Arrange,
    /// To take place.
    Hold,
}

impl DueStep {
    /// The selector Fluent messages use.
    pub fn id(self) -> &'static str {
        match self {
            DueStep::Arrange => "arrange",
            DueStep::Hold => "hold",
        }
    }
}

/// A span of hours as people say it: whole days from two days up, hours below.
pub fn spoken_span(hours: u32) -> (u32, &'static str) {
    if hours >= 48 && hours.is_multiple_of(24) && hours != 72 {
        (hours / 24, "days")
    } else {
        (hours, "hours")
    }
}

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
    /// (`None`: not back yet), under the home's `timing`.
    pub fn status(
        &self,
        returned: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
        timing: &InterviewTiming,
    ) -> InterviewStatus {
        if let Some(held) = &self.held {
            return InterviewStatus::Held {
                at: held.at,
                within_72_hours: within_72_hours(returned, held.at),
                in_time: within_hours(returned, held.at, timing.hold_within_hours),
            };
        }
        if let Some(d) = self.declined.as_ref().filter(|_| !self.reoffered) {
            return InterviewStatus::Declined { at: d.at };
        }
        match returned {
            None => InterviewStatus::NotYet,
            Some(back) => {
                let (step, hours) = match timing.arrange_within_hours {
                    Some(hours) if self.offers.is_empty() => (DueStep::Arrange, hours),
                    _ => (DueStep::Hold, timing.hold_within_hours),
                };
                let by = back + Duration::hours(i64::from(hours));
                if now > by {
                    InterviewStatus::Overdue { since: by, step }
                } else {
                    InterviewStatus::Due { by, step }
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
    within_hours(returned, held, RETURN_INTERVIEW_HOURS as u32)
}

fn within_hours(
    returned: Option<DateTime<Utc>>,
    held: Option<DateTime<Utc>>,
    hours: u32,
) -> Option<bool> {
    let (back, held) = (returned?, held?);
    Some(held - back <= Duration::hours(i64::from(hours)))
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
        step: DueStep,
    },
    Overdue {
        since: DateTime<Utc>,
        step: DueStep,
    },
    Held {
        at: Option<DateTime<Utc>>,
        /// Held within 72 hours of the return to the placement (`None`: a time is unknown):
        /// the measure England's statutory return counts.
        within_72_hours: Option<bool>,
        /// Held within the home's timing (`None`: a time is unknown).
        in_time: Option<bool>,
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

    const E: InterviewTiming = InterviewTiming::RETURN_HOME_INTERVIEW;
    const HOLD: DueStep = DueStep::Hold;

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
            facts.status(Some(t(10)), t(20), &E),
            InterviewStatus::Due {
                by: t(82),
                step: HOLD
            }
        );
        assert_eq!(
            facts.status(Some(t(10)), t(83), &E),
            InterviewStatus::Overdue {
                since: t(82),
                step: HOLD
            }
        );
        assert!(facts.status(Some(t(10)), t(83), &E).is_outstanding());
        assert_eq!(facts.status(None, t(83), &E), InterviewStatus::NotYet);
    }

    #[test]
    fn within_72_hours_is_measured_from_the_return_to_when_it_was_held() {
        let facts = InterviewFacts {
            held: Some(held(Some(t(10 + 70)))),
            ..Default::default()
        };
        assert_eq!(
            facts.status(Some(t(10)), t(500), &E),
            InterviewStatus::Held {
                at: Some(t(80)),
                within_72_hours: Some(true),
                in_time: Some(true),
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
        assert!(!facts.status(Some(t(10)), t(500), &E).is_outstanding());
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
            facts.status(Some(t(10)), t(100), &E),
            InterviewStatus::Declined { at: t(20) }
        );
        facts.offer(offer(30));
        assert_eq!(
            facts.status(Some(t(10)), t(100), &E),
            InterviewStatus::Overdue {
                since: t(82),
                step: HOLD
            },
            "offered again: due again"
        );
        facts.held = Some(held(Some(t(90))));
        assert_eq!(
            facts.status(Some(t(10)), t(100), &E),
            InterviewStatus::Held {
                at: Some(t(90)),
                within_72_hours: Some(false),
                in_time: Some(false),
            }
        );
    }

    #[test]
    fn scotland_s_return_discussion_is_arranged_within_72_hours_and_held_within_a_week() {
        let s = InterviewTiming::usual(crate::organisation::Nation::Scotland);
        assert_eq!(s, InterviewTiming::RETURN_DISCUSSION);
        let mut facts = InterviewFacts::default();
        assert_eq!(
            facts.status(Some(t(10)), t(20), &s),
            InterviewStatus::Due {
                by: t(82),
                step: DueStep::Arrange
            }
        );
        assert_eq!(
            facts.status(Some(t(10)), t(83), &s),
            InterviewStatus::Overdue {
                since: t(82),
                step: DueStep::Arrange
            },
            "not arranged within 72 hours"
        );
        facts.offer(offer(80));
        assert_eq!(
            facts.status(Some(t(10)), t(83), &s),
            InterviewStatus::Due {
                by: t(10 + 168),
                step: HOLD
            },
            "arranged: to take place within the week"
        );
        facts.held = Some(held(Some(t(10 + 100))));
        assert_eq!(
            facts.status(Some(t(10)), t(200), &s),
            InterviewStatus::Held {
                at: Some(t(110)),
                within_72_hours: Some(false),
                in_time: Some(true),
            },
            "the 72-hour measure is still kept, beside the home's own"
        );
        for nation in [
            crate::organisation::Nation::England,
            crate::organisation::Nation::Wales,
            crate::organisation::Nation::NorthernIreland,
        ] {
            assert_eq!(InterviewTiming::usual(nation), E);
        }
    }

    #[test]
    fn a_home_s_own_timing_is_checked_and_spoken_in_days_or_hours() {
        assert!(E.is_valid() && InterviewTiming::RETURN_DISCUSSION.is_valid());
        for (arrange, hold, ok) in [
            (None, 23, false),
            (None, 24, true),
            (None, 720, true),
            (None, 721, false),
            (Some(0), 72, false),
            (Some(72), 72, true),
            (Some(73), 72, false),
        ] {
            let timing = InterviewTiming {
                arrange_within_hours: arrange,
                hold_within_hours: hold,
            };
            assert_eq!(timing.is_valid(), ok, "{arrange:?} {hold}");
        }
        assert_eq!(E.offered_within_hours(), 72);
        assert_eq!(
            InterviewTiming::RETURN_DISCUSSION.offered_within_hours(),
            72
        );
        assert_eq!(spoken_span(72), (72, "hours"));
        assert_eq!(spoken_span(168), (7, "days"));
        assert_eq!(spoken_span(48), (2, "days"));
        assert_eq!(spoken_span(36), (36, "hours"));
    }
}
