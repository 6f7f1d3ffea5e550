//! The one-page report (`engage report`): the status report plus the rows the page lists, and the
//! choice of what a page can show when the campaign is large.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::item::ReportRow;
use super::status::Status;
use super::types::State;

/// At most this many milestones are drawn on the timeline; beyond it the page would not be read.
pub const TIMELINE_MAX: usize = 60;

/// At most this many rows are listed in one table of the page; the rest are counted.
pub const TABLE_MAX: usize = 100;

/// Everything the page shows, read in one snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub status: Status,
    /// The window of "next", in days after as-of.
    pub within_days: i64,
    /// Open items and meetings dated from as-of to as-of + `within_days`, by date, kind, key.
    pub next: Vec<ReportRow>,
    /// Every channel, by key.
    pub channels: Vec<ReportRow>,
    /// Every material, by key.
    pub materials: Vec<ReportRow>,
    /// Every action, by key.
    pub actions: Vec<ReportRow>,
    /// Every milestone, by key (titles and states for the timeline).
    pub milestones: Vec<ReportRow>,
    /// Every organization's reach (the coverage section), by key.
    pub coverage: Vec<super::reach::OrganizationReach>,
    /// Whether the page says that the campaign is the seed's, partly illustrative.
    pub illustrative: bool,
}

/// One milestone on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow<'a> {
    pub row: &'a ReportRow,
    pub due: NaiveDate,
    /// Forecast completion; `None` for a cancelled or deferred milestone (it takes no part).
    pub forecast: Option<NaiveDate>,
    pub critical: bool,
}

/// The milestones to draw, by due date then key, and the span of dates the drawing covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline<'a> {
    pub rows: Vec<TimelineRow<'a>>,
    /// How many milestones the campaign has (more than `rows.len()` when some are left out).
    pub total: usize,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Report {
    /// The timeline: every milestone when there are at most [`TIMELINE_MAX`]; else the critical
    /// path first, then overdue milestones, then those due nearest to as-of, up to the maximum.
    /// The span covers the campaign's start (else the first date drawn), as-of, every date drawn,
    /// the planned end and the projected end.
    pub fn timeline(&self) -> Timeline<'_> {
        let s = &self.status;
        let schedule: HashMap<&str, (NaiveDate, bool)> = s.schedule.iter().map(|r| (r.key.as_str(), (r.forecast, r.critical))).collect();
        let all: Vec<TimelineRow> = self
            .milestones
            .iter()
            .filter_map(|row| {
                let due = row.date?;
                let figures = schedule.get(row.key.as_str());
                Some(TimelineRow { row, due, forecast: figures.map(|f| f.0), critical: figures.is_some_and(|f| f.1) })
            })
            .collect();
        let total = all.len();
        let mut rows = if total <= TIMELINE_MAX {
            all
        } else {
            let rank = |r: &TimelineRow| {
                let class = if r.critical {
                    0
                } else if r.row.state == Some(State::Overdue) {
                    1
                } else {
                    2
                };
                (class, (r.due - s.as_of).num_days().abs(), r.row.key.clone())
            };
            let mut ranked: Vec<(_, TimelineRow)> = all.into_iter().map(|r| (rank(&r), r)).collect();
            ranked.sort_by(|a, b| a.0.cmp(&b.0));
            ranked.into_iter().take(TIMELINE_MAX).map(|(_, r)| r).collect()
        };
        rows.sort_by(|a, b| (a.due, &a.row.key).cmp(&(b.due, &b.row.key)));
        let dates = rows.iter().flat_map(|r| [Some(r.due), r.forecast]).flatten();
        let ends = [Some(s.as_of), Some(s.planned_end), s.projected_end, s.campaign.start].into_iter().flatten();
        let all_dates: Vec<NaiveDate> = dates.chain(ends).collect();
        let from = all_dates.iter().min().copied().unwrap_or(s.as_of);
        let to = all_dates.iter().max().copied().unwrap_or(s.as_of);
        Timeline { rows, total, from, to }
    }
}

/// The first [`TABLE_MAX`] rows, and how many are left out.
pub fn page_of(rows: &[ReportRow]) -> (&[ReportRow], usize) {
    let shown = rows.len().min(TABLE_MAX);
    (&rows[..shown], rows.len() - shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::status::{CampaignInfo, ScheduleRow};
    use crate::model::types::{Family, Status as Progress};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn milestone(key: &str, due: &str, state: State) -> ReportRow {
        ReportRow {
            date: Some(d(due)),
            kind: Family::Milestone,
            key: key.into(),
            title: key.into(),
            title_fr: None,
            owner: None,
            status: Some(Progress::Planned),
            done_on: None,
            state: Some(state),
            days: None,
            variance_days: None,
        }
    }

    fn report(milestones: Vec<ReportRow>, critical: &[&str]) -> Report {
        let schedule = milestones
            .iter()
            .map(|m| ScheduleRow {
                key: m.key.clone(),
                due: m.date.unwrap(),
                forecast: m.date.unwrap(),
                slip_days: 0,
                latest: m.date.unwrap(),
                float_days: 0,
                critical: critical.contains(&m.key.as_str()),
            })
            .collect();
        Report {
            status: Status {
                as_of: d("2018-09-20"),
                campaign: CampaignInfo { name: "c".into(), name_fr: None, start: Some(d("2018-06-01")), end: d("2018-12-31") },
                percent_complete: 0.0,
                done: 0,
                counted: 0,
                counts: Default::default(),
                overdue: vec![],
                critical_path: critical.iter().map(|k| k.to_string()).collect(),
                schedule,
                projected_end: Some(d("2019-01-10")),
                planned_end: d("2018-12-31"),
                slip_days: Some(10),
                reach: Default::default(),
                parity: vec![],
                results: vec![],
            },
            within_days: 14,
            next: vec![],
            channels: vec![],
            materials: vec![],
            actions: vec![],
            milestones,
            coverage: vec![],
            illustrative: false,
        }
    }

    #[test]
    fn a_small_timeline_draws_every_milestone_by_date() {
        let r = report(vec![milestone("b", "2018-08-01", State::DoneOnTime), milestone("a", "2018-10-01", State::OnTrack)], &["a"]);
        let t = r.timeline();
        assert_eq!(t.rows.iter().map(|r| r.row.key.as_str()).collect::<Vec<_>>(), ["b", "a"]);
        assert!(t.rows[1].critical && !t.rows[0].critical);
        assert_eq!((t.total, t.from, t.to), (2, d("2018-06-01"), d("2019-01-10")));
    }

    #[test]
    fn a_large_timeline_keeps_the_critical_path_then_overdue_then_nearest() {
        let mut ms: Vec<ReportRow> =
            (0..200).map(|i| milestone(&format!("m{i:03}"), &format!("2018-{:02}-10", 1 + i % 12), State::OnTrack)).collect();
        ms.push(milestone("late", "2018-01-05", State::Overdue));
        let critical: Vec<String> = (0..10).map(|i| format!("m{:03}", i * 20)).collect();
        let critical: Vec<&str> = critical.iter().map(String::as_str).collect();
        let r = report(ms, &critical);
        let t = r.timeline();
        assert_eq!((t.rows.len(), t.total), (TIMELINE_MAX, 201));
        let keys: Vec<&str> = t.rows.iter().map(|r| r.row.key.as_str()).collect();
        assert!(critical.iter().all(|k| keys.contains(k)));
        assert!(keys.contains(&"late"));
        // The rest are the nearest to as-of (September): no milestone of January to March is left but the overdue one.
        assert!(t.rows.iter().filter(|r| !r.critical && r.row.key != "late").all(|r| r.due >= d("2018-06-10")));
    }

    #[test]
    fn pages_count_what_they_leave_out() {
        let rows: Vec<ReportRow> = (0..130).map(|i| milestone(&format!("m{i}"), "2018-09-01", State::OnTrack)).collect();
        let (shown, more) = page_of(&rows);
        assert_eq!((shown.len(), more), (TABLE_MAX, 30));
        assert_eq!(page_of(&rows[..3]).1, 0);
    }
}
