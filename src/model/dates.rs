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
