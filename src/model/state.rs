//! Assessed state: where one item stands against an as-of date (DESIGN.md, "Status and state").

use chrono::NaiveDate;

use super::types::{State, Status};

/// How many days ahead of as-of an open item counts as `due_soon` (both ends included).
pub const DUE_SOON_DAYS: i64 = 7;

/// The recorded progress as it stood at the end of `as_of` (DESIGN.md, "As of a past date"): an
/// item done after as-of was not done yet, so it reads as `planned` with no done date.
pub fn seen_on(status: Status, done_on: Option<NaiveDate>, as_of: NaiveDate) -> (Status, Option<NaiveDate>) {
    match (status, done_on) {
        (Status::Done, Some(done)) if done > as_of => (Status::Planned, None),
        _ => (status, done_on),
    }
}

/// The state of an item with `status`, `done_on` and `date` (its due date, or its meeting's
/// date), seen on `as_of` (progress recorded after as-of does not count). An undated done item
/// is on time.
pub fn assess(status: Status, done_on: Option<NaiveDate>, date: Option<NaiveDate>, as_of: NaiveDate) -> State {
    let (status, done_on) = seen_on(status, done_on, as_of);
    match status {
        Status::Done => match (done_on, date) {
            (Some(done), Some(date)) if done > date => State::DoneLate,
            _ => State::DoneOnTime,
        },
        Status::Cancelled => State::Cancelled,
        Status::Deferred => State::Deferred,
        Status::Planned | Status::InProgress | Status::Blocked => match date {
            None => State::Unscheduled,
            Some(date) if date < as_of => State::Overdue,
            Some(date) if (date - as_of).num_days() <= DUE_SOON_DAYS => State::DueSoon,
            Some(_) => State::OnTrack,
        },
    }
}

/// Variance in days: `done_on − date` when done, `as_of − date` when overdue, else `None`.
pub fn variance_days(state: State, done_on: Option<NaiveDate>, date: Option<NaiveDate>, as_of: NaiveDate) -> Option<i64> {
    match (state, date) {
        (State::DoneOnTime | State::DoneLate, Some(date)) => done_on.map(|done| (done - date).num_days()),
        (State::Overdue, Some(date)) => Some((as_of - date).num_days()),
        _ => None,
    }
}

/// Percent complete: done ÷ all but cancelled and deferred, as a percentage rounded to one
/// decimal. A campaign with nothing to count is 0 % complete.
pub fn percent_complete(done: u64, counted: u64) -> f64 {
    if counted == 0 {
        return 0.0;
    }
    (done as f64 * 1000.0 / counted as f64).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn states() {
        let as_of = d("2030-04-10");
        let cases: &[(Status, Option<&str>, Option<&str>, State)] = &[
            (Status::Done, Some("2030-03-14"), Some("2030-03-15"), State::DoneOnTime),
            (Status::Done, Some("2030-03-15"), Some("2030-03-15"), State::DoneOnTime),
            (Status::Done, Some("2030-03-28"), Some("2030-03-25"), State::DoneLate),
            (Status::Done, Some("2030-03-28"), None, State::DoneOnTime),
            (Status::Cancelled, None, Some("2030-01-01"), State::Cancelled),
            (Status::Deferred, None, Some("2030-01-01"), State::Deferred),
            (Status::Planned, None, Some("2030-04-09"), State::Overdue),
            (Status::Blocked, None, Some("2030-04-10"), State::DueSoon),
            (Status::InProgress, None, Some("2030-04-17"), State::DueSoon),
            (Status::Planned, None, Some("2030-04-18"), State::OnTrack),
            (Status::Planned, None, None, State::Unscheduled),
        ];
        for (status, done_on, date, want) in cases {
            let got = assess(*status, done_on.map(d), date.map(d), as_of);
            assert_eq!(got, *want, "{status} {done_on:?} {date:?}");
        }
    }

    #[test]
    fn variances() {
        let as_of = d("2030-04-10");
        assert_eq!(variance_days(State::DoneOnTime, Some(d("2030-03-14")), Some(d("2030-03-15")), as_of), Some(-1));
        assert_eq!(variance_days(State::DoneLate, Some(d("2030-03-28")), Some(d("2030-03-25")), as_of), Some(3));
        assert_eq!(variance_days(State::Overdue, None, Some(d("2030-04-01")), as_of), Some(9));
        assert_eq!(variance_days(State::DueSoon, None, Some(d("2030-04-12")), as_of), None);
        assert_eq!(variance_days(State::DoneOnTime, Some(d("2030-03-28")), None, as_of), None);
    }

    #[test]
    fn percents() {
        assert_eq!(percent_complete(3, 9), 33.3);
        assert_eq!(percent_complete(2, 7), 28.6);
        assert_eq!(percent_complete(0, 0), 0.0);
        assert_eq!(percent_complete(5, 5), 100.0);
    }
}
