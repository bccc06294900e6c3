//! Hybrid logical clocks: every op carries one, so ops made on different devices have one
//! order all devices agree on, even when their wall clocks disagree or jump.
//!
//! A timestamp is (wall milliseconds, counter). A local event takes `max(last, now)` and bumps
//! the counter when the wall part did not move (a clock that went backwards, or two events in
//! one millisecond). A remote timestamp is merged with `max(last, now, remote)`; one too far
//! ahead of our clock is refused so one bad clock cannot drag every device into the future.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How far ahead of our wall clock a remote timestamp may be before it is quarantined.
pub const MAX_AHEAD_MS: i64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
}

impl Hlc {
    pub const ZERO: Hlc = Hlc {
        wall_ms: 0,
        counter: 0,
    };

    fn after(self, wall_ms: i64) -> Hlc {
        if wall_ms > self.wall_ms {
            Hlc {
                wall_ms,
                counter: 0,
            }
        } else {
            self.bumped()
        }
    }

    fn bumped(self) -> Hlc {
        match self.counter.checked_add(1) {
            Some(counter) => Hlc { counter, ..self },
            // Four billion events in one millisecond cannot happen honestly; stay monotonic.
            None => Hlc {
                wall_ms: self.wall_ms + 1,
                counter: 0,
            },
        }
    }
}

impl fmt::Debug for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hlc({self})")
    }
}

/// Fixed-width text that sorts like the timestamp itself, for storage and indexes.
impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:015}-{:010}", self.wall_ms, self.counter)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HlcError {
    #[error("not a clock reading: {0}")]
    Malformed(String),
    #[error("timestamp {remote} is more than a day ahead of this device's clock")]
    TooFarAhead { remote: Hlc },
}

impl FromStr for Hlc {
    type Err = HlcError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || HlcError::Malformed(s.to_owned());
        let (wall, counter) = s.split_once('-').ok_or_else(bad)?;
        if wall.len() != 15 || counter.len() != 10 {
            return Err(bad());
        }
        Ok(Hlc {
            wall_ms: wall.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
        })
    }
}

/// The clock state of one device: the last timestamp it issued or saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HlcClock {
    last: Hlc,
}

impl HlcClock {
    /// Resumes from the last timestamp this device used (kept with the store), so a restart
    /// with a clock that went backwards still moves forward.
    pub fn resume(last: Hlc) -> Self {
        Self { last }
    }

    pub fn last(&self) -> Hlc {
        self.last
    }

    /// The timestamp for a new local event.
    pub fn tick(&mut self, now_ms: i64) -> Hlc {
        self.last = self.last.after(now_ms);
        self.last
    }

    /// Takes in a timestamp from another device. Refuses one too far ahead of `now_ms`.
    pub fn observe(&mut self, remote: Hlc, now_ms: i64) -> Result<Hlc, HlcError> {
        if remote.wall_ms > now_ms.saturating_add(MAX_AHEAD_MS) {
            return Err(HlcError::TooFarAhead { remote });
        }
        let highest = self.last.max(remote);
        self.last = highest.after(now_ms);
        Ok(self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 60 * 60 * 1000;

    #[test]
    fn local_events_are_strictly_increasing_even_when_the_clock_goes_back() {
        let mut c = HlcClock::resume(Hlc::ZERO);
        let a = c.tick(10 * HOUR);
        let b = c.tick(10 * HOUR);
        let d = c.tick(9 * HOUR); // the wall clock jumped back an hour
        let e = c.tick(58 * HOUR); // and then forward two days
        assert!(a < b && b < d && d < e, "{a:?} {b:?} {d:?} {e:?}");
        assert_eq!(d.wall_ms, 10 * HOUR);
        assert_eq!(
            e,
            Hlc {
                wall_ms: 58 * HOUR,
                counter: 0
            }
        );
    }

    #[test]
    fn a_restart_resumes_after_the_last_timestamp() {
        let mut c = HlcClock::resume(Hlc {
            wall_ms: 5 * HOUR,
            counter: 7,
        });
        assert_eq!(
            c.tick(4 * HOUR),
            Hlc {
                wall_ms: 5 * HOUR,
                counter: 8
            }
        );
    }

    #[test]
    fn remote_timestamps_move_the_clock_forward_but_not_too_far() {
        let mut c = HlcClock::resume(Hlc::ZERO);
        let remote = Hlc {
            wall_ms: 3 * HOUR,
            counter: 4,
        };
        let seen = c.observe(remote, 2 * HOUR).unwrap();
        assert!(seen > remote);
        assert!(c.tick(2 * HOUR) > seen);
        let future = Hlc {
            wall_ms: 30 * HOUR,
            counter: 0,
        };
        assert_eq!(
            c.observe(future, 2 * HOUR),
            Err(HlcError::TooFarAhead { remote: future })
        );
        assert!(
            c.last() < future,
            "a refused timestamp does not move the clock"
        );
    }

    #[test]
    fn text_form_sorts_like_the_timestamp_and_round_trips() {
        let a = Hlc {
            wall_ms: 9,
            counter: 10,
        };
        let b = Hlc {
            wall_ms: 10,
            counter: 0,
        };
        assert!(a.to_string() < b.to_string());
        assert_eq!(a.to_string().parse::<Hlc>().unwrap(), a);
        assert!("12-3".parse::<Hlc>().is_err());
        assert!("x".parse::<Hlc>().is_err());
    }

    proptest::proptest! {
        /// Whatever the wall clock does (jumps back an hour, forward two days, stands still)
        /// and whatever other devices send, every timestamp issued is above the one before.
        #[test]
        fn every_timestamp_is_above_the_last(
            steps in proptest::collection::vec(
                (-HOUR..=48 * HOUR, proptest::option::of((-2 * HOUR..=2 * HOUR, 0u32..5))),
                1..200,
            )
        ) {
            let mut now = 100 * HOUR;
            let mut c = HlcClock::resume(Hlc::ZERO);
            let mut last = Hlc::ZERO;
            for (jump, remote) in steps {
                now += jump;
                let next = match remote {
                    Some((offset, counter)) => {
                        let remote = Hlc { wall_ms: now + offset, counter };
                        let seen = c.observe(remote, now).unwrap();
                        proptest::prop_assert!(seen > remote);
                        seen
                    }
                    None => c.tick(now),
                };
                proptest::prop_assert!(next > last, "{:?} after {:?}", next, last);
                proptest::prop_assert!(next.wall_ms >= now, "never behind the wall clock");
                last = next;
            }
        }
    }

    #[test]
    fn the_counter_never_wraps() {
        let mut c = HlcClock::resume(Hlc {
            wall_ms: 1,
            counter: u32::MAX,
        });
        assert_eq!(
            c.tick(0),
            Hlc {
                wall_ms: 2,
                counter: 0
            }
        );
    }
}
