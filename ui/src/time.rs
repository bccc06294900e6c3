//! Time as the carer sees it: the webview's clock and local time zone. Natively (the component
//! tests) local time is UTC, so rendered output is the same on every machine.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

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

/// The value a `datetime-local` input expects for `t`: `2026-11-25T14:05`.
pub fn to_input_value(t: DateTime<Utc>) -> String {
    clock::local(t).format("%Y-%m-%dT%H:%M").to_string()
}

/// Reads a `datetime-local` value (local time) back as UTC; `None` when it is not a time.
pub fn from_input_value(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    let local = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    clock::from_local(local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn input_values_round_trip() {
        let t = Utc.with_ymd_and_hms(2026, 11, 25, 14, 5, 0).unwrap();
        assert_eq!(to_input_value(t), "2026-11-25T14:05");
        assert_eq!(from_input_value("2026-11-25T14:05"), Some(t));
        assert_eq!(from_input_value(" 2026-11-25T14:05:00 "), Some(t));
        assert_eq!(format_local(t), "25/11/2026 14:05");
    }

    #[test]
    fn garbage_is_not_a_time() {
        for bad in ["", "yesterday", "2026-13-01T10:00", "2026-11-25"] {
            assert_eq!(from_input_value(bad), None, "{bad}");
        }
    }
}
