//! Times a carer types, read and shown the same way on every machine: day/month/year and the
//! 24-hour clock (`01/12/2026 16:09`), whatever the system's locale. A browser's own date
//! input formats by the process's locale (12/01/2026 for 1 December on a machine set to US
//! English), which is how a time typed at 2 a.m. ends up a month out.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// The one format typed and shown: `01/12/2026 16:09`.
pub const FORMAT: &str = "%d/%m/%Y %H:%M";

/// Reads `d/m/yyyy h:mm` (one- or two-digit day, month and hour; `.` or `:` between hour and
/// minute; any spaces around). `None` for anything else, including a two-digit year, so a
/// typed time is never guessed at.
pub fn parse(text: &str) -> Option<NaiveDateTime> {
    let mut parts = text.split_whitespace();
    let (date, time) = (parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let date = parse_date(date)?;
    let (h, m) = time.split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let time = NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)?;
    Some(date.and_time(time))
}

/// Reads `d/m/yyyy` the same way.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(d) && digits(m) && digits(y)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `01/12/2026 16:09`.
pub fn format(t: NaiveDateTime) -> String {
    t.format(FORMAT).to_string()
}

/// The parts of a plain-words echo ("Tuesday 1 December, 16:09"): the Fluent message ids of
/// the weekday and month, and the numbers, so each language words it its own way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spoken {
    pub weekday_id: &'static str,
    pub day: u32,
    pub month_id: &'static str,
    pub year: i32,
    pub time: String,
}

pub fn spoken(t: NaiveDateTime) -> Spoken {
    const WEEKDAYS: [&str; 7] = [
        "weekday-monday",
        "weekday-tuesday",
        "weekday-wednesday",
        "weekday-thursday",
        "weekday-friday",
        "weekday-saturday",
        "weekday-sunday",
    ];
    const MONTHS: [&str; 12] = [
        "month-january",
        "month-february",
        "month-march",
        "month-april",
        "month-may",
        "month-june",
        "month-july",
        "month-august",
        "month-september",
        "month-october",
        "month-november",
        "month-december",
    ];
    Spoken {
        weekday_id: WEEKDAYS[t.weekday().num_days_from_monday() as usize],
        day: t.day(),
        month_id: MONTHS[t.month0() as usize],
        year: t.year(),
        time: format!("{:02}:{:02}", t.hour(), t.minute()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn day_comes_before_month_whatever_the_machine() {
        assert_eq!(parse("01/12/2026 16:09"), Some(at(2026, 12, 1, 16, 9)));
        assert_eq!(parse(" 1/12/2026  4.05 "), Some(at(2026, 12, 1, 4, 5)));
        assert_eq!(format(at(2026, 12, 1, 16, 9)), "01/12/2026 16:09");
        assert_eq!(
            parse(&format(at(2026, 2, 28, 0, 0))),
            Some(at(2026, 2, 28, 0, 0))
        );
    }

    #[test]
    fn anything_unclear_is_refused_rather_than_guessed() {
        for text in [
            "",
            "12/31/2026 10:00", // month first: there is no month 31
            "01/12/26 10:00",   // two-digit year
            "01/12/2026",       // no time
            "01/12/2026 24:00",
            "01/12/2026 10:0",
            "01/12/2026 10:00 pm",
            "2026-12-01 10:00",
            "31/02/2026 10:00",
            "+1/12/2026 10:00",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(
            parse_date("1/12/2026"),
            NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        assert_eq!(parse_date("1/12/2026 10:00"), None);
    }

    #[test]
    fn the_echo_names_the_weekday_and_month() {
        let s = spoken(at(2026, 12, 1, 16, 9));
        assert_eq!(
            (s.weekday_id, s.day, s.month_id, s.year, s.time.as_str()),
            ("weekday-tuesday", 1, "month-december", 2026, "16:09")
        );
    }
}
