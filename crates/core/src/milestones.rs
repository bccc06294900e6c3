//! What falls due as a missing episode goes on (domain.md §2.4 step 6; the practice review's
//! G6): at 24 hours a strategy meeting (Scotland: an inter-agency referral discussion), at 72
//! hours a senior manager told and the profile checked again, at 7 days the episode marked as
//! "missing more than a week" — the measure that separates children who come back from those
//! who are not found. Each is ticked with its time, like the steps after a return.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::episode::EpisodeSummary;
use crate::episode::MissingEpisode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    StrategyMeeting,
    SeniorManagerTold,
    ProfileChecked,
    MissingOverAWeek,
}

impl Milestone {
    pub const ALL: [Milestone; 4] = [
        Milestone::StrategyMeeting,
        Milestone::SeniorManagerTold,
        Milestone::ProfileChecked,
        Milestone::MissingOverAWeek,
    ];

    /// How long after the child was last seen it falls due.
    pub fn after(self) -> Duration {
        match self {
            Milestone::StrategyMeeting => Duration::hours(24),
            Milestone::SeniorManagerTold | Milestone::ProfileChecked => Duration::hours(72),
            Milestone::MissingOverAWeek => Duration::days(7),
        }
    }

    /// The Fluent message; each takes `$name` and `$nation`.
    pub fn message_id(self) -> &'static str {
        match self {
            Milestone::StrategyMeeting => "milestone-strategy",
            Milestone::SeniorManagerTold => "milestone-senior-manager",
            Milestone::ProfileChecked => "milestone-profile",
            Milestone::MissingOverAWeek => "milestone-over-a-week",
        }
    }
}

/// What is due now and not yet ticked, while the child is still missing and the episode open,
/// in the order they fall due.
pub fn due(
    episode: &MissingEpisode,
    summary: &EpisodeSummary,
    now: DateTime<Utc>,
) -> Vec<Milestone> {
    if summary.found.is_some() || summary.closed_at.is_some() || episode.closed_at.is_some() {
        return Vec::new();
    }
    Milestone::ALL
        .into_iter()
        .filter(|m| now - episode.last_seen_at >= m.after())
        .filter(|m| !summary.milestones.iter().any(|(done, _)| done == m))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::t;

    fn episode() -> MissingEpisode {
        crate::testing::episode(0)
    }

    #[test]
    fn each_falls_due_with_time_until_ticked_or_the_child_is_back() {
        let ep = episode();
        let mut s = EpisodeSummary::default();
        assert!(due(&ep, &s, t(23)).is_empty());
        assert_eq!(due(&ep, &s, t(24)), [Milestone::StrategyMeeting]);
        assert_eq!(
            due(&ep, &s, t(72)),
            [
                Milestone::StrategyMeeting,
                Milestone::SeniorManagerTold,
                Milestone::ProfileChecked
            ]
        );
        assert_eq!(due(&ep, &s, t(24 * 7)).len(), 4);
        s.milestones.push((Milestone::StrategyMeeting, t(30)));
        assert_eq!(due(&ep, &s, t(24 * 7))[0], Milestone::SeniorManagerTold);
        s.closed_at = Some(t(200));
        assert!(due(&ep, &s, t(300)).is_empty());
    }
}
