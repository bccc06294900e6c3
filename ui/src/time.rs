//! Time as the carer sees it: the webview's clock and local time zone. Natively (the component
//! tests) local time is UTC, so rendered output is the same on every machine.

use chrono::{DateTime, NaiveDate, Utc};

#[cfg(target_arch = "wasm32")]
mod clock {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
    use wasm_bindgen::JsValue;

    pub fn now() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    }

    /// The wall-clock reading, in the carer's time zone, of the instant `t`.
    pub fn local(t: DateTime<Utc>) -> NaiveDateTime {
        let d = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
        NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
            .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds()))
            .unwrap_or_default()
    }

    /// The instant a local wall-clock reading stands for; `None` when it is not a time.
    pub fn from_local(local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let text = local.format("%Y-%m-%dT%H:%M:%S").to_string();
        let ms = js_sys::Date::new(&JsValue::from_str(&text)).get_time();
        (!ms.is_nan())
            .then(|| DateTime::from_timestamp_millis(ms as i64))
            .flatten()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod clock {
    use chrono::{DateTime, NaiveDateTime, Utc};

    pub fn now() -> DateTime<Utc> {
        Utc::now()
    }

    pub fn local(t: DateTime<Utc>) -> NaiveDateTime {
        t.naive_utc()
    }

    pub fn from_local(local: NaiveDateTime) -> Option<DateTime<Utc>> {
        Some(local.and_utc())
    }
}

pub fn now() -> DateTime<Utc> {
    clock::now()
}

/// Today's date where the carer is.
/// Milliseconds since the epoch, for idle timing.
pub fn now_ms() -> f64 {
    now().timestamp_millis() as f64
}

pub fn today_local() -> NaiveDate {
    clock::local(now()).date()
}

/// `25/11/2026 14:05` in local time.
pub fn format_local(t: DateTime<Utc>) -> String {
    clock::local(t).format("%d/%m/%Y %H:%M").to_string()
}

/// A time as the carer types it: `01/12/2026 16:09`, local, on every machine.
pub fn to_typed(t: DateTime<Utc>) -> String {
    harbour_core::when::format(clock::local(t))
}

/// A typed `d/m/yyyy h:mm` (local time) as UTC; `None` when it is not one.
pub fn from_typed(text: &str) -> Option<DateTime<Utc>> {
    clock::from_local(harbour_core::when::parse(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn typed_times_round_trip_day_first() {
        let t = Utc.with_ymd_and_hms(2026, 12, 1, 16, 9, 0).unwrap();
        assert_eq!(to_typed(t), "01/12/2026 16:09");
        assert_eq!(from_typed(" 1/12/2026 16:09 "), Some(t));
        assert_eq!(format_local(t), "01/12/2026 16:09");
    }

    #[test]
    fn garbage_is_not_a_time() {
        for bad in [
            "",
            "yesterday",
            "12/31/2026 10:00",
            "2026-12-01T10:00",
            "01/12/2026",
        ] {
            assert_eq!(from_typed(bad), None, "{bad}");
        }
    }
}
