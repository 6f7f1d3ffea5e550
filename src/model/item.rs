//! One dated row of any kind, as the reports list them (upcoming, overdue, progress export).

use chrono::NaiveDate;
use serde::Serialize;

use super::state::{assess, seen_on, variance_days};
use super::types::{Family, State, Status};

/// An item as reports see it. A meeting has no status.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: Family,
    /// `MEETING/ITEM` for an agenda item.
    pub key: String,
    pub title: String,
    pub title_fr: Option<String>,
    pub owner: Option<String>,
    /// The due date, or the meeting's date.
    pub date: Option<NaiveDate>,
    pub status: Option<Status>,
    pub done_on: Option<NaiveDate>,
}

impl Row {
    /// The assessed state on `as_of`; `None` for a meeting.
    pub fn state(&self, as_of: NaiveDate) -> Option<State> {
        self.head().state(as_of)
    }

    /// The row without its texts.
    pub fn head(&self) -> Head {
        Head { kind: self.kind, date: self.date, status: self.status, done_on: self.done_on }
    }

    /// The row as reports put it in JSON (field names are part of the contract), as it stood at
    /// the end of `as_of`: done after as-of reads as planned, with no done date.
    pub fn report(&self, as_of: NaiveDate) -> ReportRow {
        let state = self.state(as_of);
        let seen = self.status.map(|s| seen_on(s, self.done_on, as_of));
        let (status, done_on) = (seen.map(|s| s.0), seen.and_then(|s| s.1));
        ReportRow {
            date: self.date,
            kind: self.kind,
            key: self.key.clone(),
            title: self.title.clone(),
            title_fr: self.title_fr.clone(),
            owner: self.owner.clone(),
            status,
            done_on,
            state,
            days: self.date.map(|d| (d - as_of).num_days()),
            variance_days: state.and_then(|s| variance_days(s, done_on, self.date, as_of)),
        }
    }
}

/// What the tally needs of a tracked row: its kind and dates, not its texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Head {
    pub kind: Family,
    pub date: Option<NaiveDate>,
    pub status: Option<Status>,
    pub done_on: Option<NaiveDate>,
}

impl Head {
    /// The head as it stood at the end of `as_of` (progress recorded after it does not count).
    pub fn seen(&self, as_of: NaiveDate) -> Head {
        match self.status {
            Some(s) => {
                let (status, done_on) = seen_on(s, self.done_on, as_of);
                Head { status: Some(status), done_on, ..*self }
            }
            None => *self,
        }
    }

    /// The assessed state on `as_of`; `None` for a meeting.
    pub fn state(&self, as_of: NaiveDate) -> Option<State> {
        self.status.map(|s| assess(s, self.done_on, self.date, as_of))
    }
}

/// A report row: `date`, `kind`, `key`, `title`, `owner`, `state`, `days` (date − as-of) and more.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRow {
    #[serde(serialize_with = "super::dates::serialize_opt")]
    pub date: Option<NaiveDate>,
    pub kind: Family,
    pub key: String,
    pub title: String,
    pub title_fr: Option<String>,
    pub owner: Option<String>,
    pub status: Option<Status>,
    #[serde(serialize_with = "super::dates::serialize_opt")]
    pub done_on: Option<NaiveDate>,
    pub state: Option<State>,
    pub days: Option<i64>,
    pub variance_days: Option<i64>,
}
