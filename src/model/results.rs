//! Expected results as of a day (DESIGN.md, "Results"): a result's value is its latest
//! measurement on or before as-of, and its percent of target that value ÷ target × 100.
//! Measurements after as-of do not count. Results take no part in percent complete.

use chrono::NaiveDate;
use serde::Serialize;

use super::plan::{ExpectedResult, Measure};
use super::types::Order;

/// One result as `status` reports it; field names are the JSON contract (`key`, `target`,
/// `value`, `measured_on`, `percent_of_target`, and more). Nulls where nothing is measured yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultRow {
    pub key: String,
    pub title: String,
    pub title_fr: Option<String>,
    pub order: Option<Order>,
    pub target: f64,
    pub unit: Option<String>,
    pub due: Option<NaiveDate>,
    pub value: Option<f64>,
    pub measured_on: Option<NaiveDate>,
    pub percent_of_target: Option<f64>,
    pub note: Option<String>,
    /// The measurements on or before as-of, by day (the trend the report draws).
    #[serde(skip)]
    pub trend: Vec<Measure>,
}

/// `value` ÷ `target` × 100, rounded to one decimal (a target is more than 0).
pub fn percent_of_target(value: f64, target: f64) -> f64 {
    (value * 1000.0 / target).round() / 10.0
}

impl ResultRow {
    /// `result` as it stood at the end of `as_of`.
    pub fn of(result: &ExpectedResult, as_of: NaiveDate) -> ResultRow {
        let latest = result.latest(as_of);
        ResultRow {
            key: result.key.clone(),
            title: result.title.clone(),
            title_fr: result.title_fr.clone(),
            order: result.order,
            target: result.target,
            unit: result.unit.clone(),
            due: result.due,
            value: latest.map(|m| m.value),
            measured_on: latest.map(|m| m.on),
            percent_of_target: latest.map(|m| percent_of_target(m.value, result.target)),
            note: result.note.clone(),
            trend: result.seen(as_of),
        }
    }
}

/// Every result as of `as_of`, in the order given (by key).
pub fn result_rows(results: &[ExpectedResult], as_of: NaiveDate) -> Vec<ResultRow> {
    results.iter().map(|r| ResultRow::of(r, as_of)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn result(measures: &[(&str, f64)]) -> ExpectedResult {
        ExpectedResult {
            key: "r".into(),
            title: "R".into(),
            title_fr: None,
            order: None,
            target: 40.0,
            unit: None,
            due: None,
            note: None,
            measures: measures.iter().map(|(on, value)| Measure { on: d(on), value: *value, note: None }).collect(),
        }
    }

    #[test]
    fn the_value_is_the_latest_measurement_on_or_before_as_of() {
        let r = result(&[("2018-08-01", 10.0), ("2018-09-01", 15.0), ("2018-10-01", 30.0)]);
        // as of, value, measured on, percent of target, measurements seen
        type Case<'a> = (&'a str, Option<f64>, Option<&'a str>, Option<f64>, usize);
        let cases: &[Case] = &[
            ("2018-07-31", None, None, None, 0),
            ("2018-08-01", Some(10.0), Some("2018-08-01"), Some(25.0), 1),
            ("2018-09-30", Some(15.0), Some("2018-09-01"), Some(37.5), 2),
            ("2019-01-01", Some(30.0), Some("2018-10-01"), Some(75.0), 3),
        ];
        for (as_of, value, on, percent, trend) in cases {
            let row = ResultRow::of(&r, d(as_of));
            assert_eq!(row.value, *value, "{as_of}");
            assert_eq!(row.measured_on, on.map(d), "{as_of}");
            assert_eq!(row.percent_of_target, *percent, "{as_of}");
            assert_eq!(row.trend.len(), *trend, "{as_of}");
        }
    }

    #[test]
    fn percent_of_target_has_one_decimal() {
        assert_eq!(percent_of_target(1.0, 3.0), 33.3);
        assert_eq!(percent_of_target(50.0, 40.0), 125.0);
        assert_eq!(percent_of_target(0.0, 40.0), 0.0);
    }

    #[test]
    fn recording_again_on_a_day_replaces_it() {
        let mut r = result(&[("2018-09-01", 15.0)]);
        r.record(Measure { on: d("2018-08-01"), value: 5.0, note: None });
        r.record(Measure { on: d("2018-09-01"), value: 16.0, note: Some("recount".into()) });
        let days: Vec<(NaiveDate, f64)> = r.measures.iter().map(|m| (m.on, m.value)).collect();
        assert_eq!(days, vec![(d("2018-08-01"), 5.0), (d("2018-09-01"), 16.0)]);
    }
}
