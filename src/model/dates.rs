//! The calendar engage works in. Every date a person types or a file holds is in the years
//! 1900 to 9998, so that dates computed from them (a window after as-of, a forecast pushed by
//! durations, the day after an event) stay in four-digit years; what would still pass the last
//! day of 9999 stops there.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Msg;
use crate::msg;

/// The first year a date may be in.
pub const FIRST_YEAR: i32 = 1900;
/// The last year a date may be in.
pub const LAST_YEAR: i32 = 9998;

/// The first day engage ever writes: 1 January of year 1.
pub const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1, 1, 1).expect("a real date");
/// The last day engage ever writes: 31 December 9999.
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// Checks that a typed or stored date is in the years [`FIRST_YEAR`] to [`LAST_YEAR`].
pub fn check_range(date: NaiveDate) -> Result<NaiveDate, Msg> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(msg!("{date} is outside the years {FIRST_YEAR} to {LAST_YEAR}", "{date} est hors des années {FIRST_YEAR} à {LAST_YEAR}"))
    }
}

/// `date` plus `days` (which may be negative), kept within [`FIRST_DAY`] and [`LAST_DAY`].
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let moved = date.checked_add_signed(chrono::Duration::try_days(days).unwrap_or(chrono::TimeDelta::MAX));
    match moved {
        Some(d) => d.clamp(FIRST_DAY, LAST_DAY),
        None if days < 0 => FIRST_DAY,
        None => LAST_DAY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn range() {
        for good in ["1900-01-01", "2018-07-18", "9998-12-31"] {
            assert!(check_range(d(good)).is_ok(), "{good}");
        }
        for bad in ["0000-01-01", "1899-12-31", "9999-01-01", "9999-12-31"] {
            assert!(check_range(d(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic_saturates() {
        assert_eq!(add_days(d("2030-01-01"), 14), d("2030-01-15"));
        assert_eq!(add_days(d("9998-12-31"), 36_500), LAST_DAY);
        assert_eq!(add_days(d("9999-12-31"), 1), LAST_DAY);
        assert_eq!(add_days(d("1900-01-01"), -1_000_000), FIRST_DAY);
        assert_eq!(add_days(d("1900-01-01"), i64::MAX), LAST_DAY);
        assert_eq!(add_days(d("1900-01-01"), i64::MIN), FIRST_DAY);
    }
}

/// `date` as `YYYY-MM-DD`, as chrono writes it, without going through `fmt` (a report writes a
/// few dates per row, and `fmt` writes one character at a time). A year outside 0 to 9999
/// (which engage never writes) is written by chrono.
pub fn iso(date: NaiveDate) -> IsoDate {
    let (y, m, d) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&y) {
        return IsoDate::Other(date.to_string());
    }
    let y = y as u32;
    let digit = |n: u32| b'0' + n as u8;
    IsoDate::Text([
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m / 10),
        digit(m % 10),
        b'-',
        digit(d / 10),
        digit(d % 10),
    ])
}

/// A date written as [`iso`] writes it.
pub enum IsoDate {
    Text([u8; 10]),
    Other(String),
}

impl IsoDate {
    pub fn as_str(&self) -> &str {
        match self {
            // ASCII digits and dashes only.
            IsoDate::Text(bytes) => std::str::from_utf8(bytes).unwrap_or_default(),
            IsoDate::Other(s) => s,
        }
    }
}

/// Serializes a date as chrono does (`YYYY-MM-DD`), faster: `#[serde(serialize_with = ...)]`.
pub fn serialize<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(iso(*date).as_str())
}

/// [`serialize`] for an optional date (`null` when there is none).
pub fn serialize_opt<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serialize(date, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod iso_tests {
    use super::*;

    #[test]
    fn iso_writes_what_chrono_writes() {
        for (y, m, d) in [(0, 1, 1), (1, 2, 3), (999, 12, 31), (2027, 7, 9), (9999, 12, 31), (-1, 1, 1), (10000, 1, 1)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso(date).as_str(), date.to_string());
            let json = serde_json::to_string(&date).unwrap();
            let mut ours = Vec::new();
            serialize(&date, &mut serde_json::Serializer::new(&mut ours)).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), json);
        }
    }
}
