//! The status report (DESIGN.md, "Commands": `status`): everything it says, computed from plain
//! rows. Field names of [`Status`] are the JSON contract.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::item::{Head, ReportRow, Row};
use super::parity::{Gap, Side, gaps};
use super::plan::ExpectedResult;
use super::reach::{Facts, OrderReach, by_order, organizations};
use super::results::{ResultRow, result_rows};
use super::schedule::{Node, Schedule, schedule};
use super::state::percent_complete;
use super::types::{Family, State};

/// The campaign as the report names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignInfo {
    pub name: String,
    pub name_fr: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: NaiveDate,
}

/// One milestone on the schedule, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleRow {
    pub key: String,
    #[serde(serialize_with = "super::dates::serialize")]
    pub due: NaiveDate,
    #[serde(serialize_with = "super::dates::serialize")]
    pub forecast: NaiveDate,
    pub slip_days: i64,
    #[serde(serialize_with = "super::dates::serialize")]
    pub latest: NaiveDate,
    pub float_days: i64,
    pub critical: bool,
}

/// Reach of one order of government.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReachRow {
    pub reached: usize,
    pub total: usize,
    pub not_reached: Vec<String>,
}

/// The whole status report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub as_of: NaiveDate,
    pub campaign: CampaignInfo,
    pub percent_complete: f64,
    pub done: u64,
    /// Items counted in percent complete (all but cancelled and deferred).
    pub counted: u64,
    /// Per kind (`milestone`, `agenda_item`, `channel`, `material`, `action`), per state: how many.
    pub counts: BTreeMap<&'static str, BTreeMap<&'static str, u64>>,
    pub overdue: Vec<ReportRow>,
    pub critical_path: Vec<String>,
    pub schedule: Vec<ScheduleRow>,
    pub projected_end: Option<NaiveDate>,
    pub planned_end: NaiveDate,
    pub slip_days: Option<i64>,
    /// Per order of government that has organizations.
    pub reach: BTreeMap<&'static str, ReachRow>,
    pub parity: Vec<Gap>,
    /// Every expected result as of as-of, by key (not counted in percent complete).
    pub results: Vec<ResultRow>,
}

/// Tallies tracked rows one at a time (so that they can stream from the store).
#[derive(Debug)]
pub struct Tally {
    as_of: NaiveDate,
    done: u64,
    counted: u64,
    counts: BTreeMap<&'static str, BTreeMap<&'static str, u64>>,
    overdue: Vec<ReportRow>,
}

impl Tally {
    pub fn new(as_of: NaiveDate) -> Tally {
        let mut counts = BTreeMap::new();
        for kind in Family::TRACKED {
            counts.insert(kind.as_str(), State::ALL.iter().map(|s| (s.as_str(), 0)).collect());
        }
        Tally { as_of, done: 0, counted: 0, counts, overdue: Vec::new() }
    }

    /// Counts one row and returns its state (`None` for a meeting, which is not counted). The
    /// caller hands overdue rows to [`Tally::overdue`], so that only those need their texts.
    pub fn count(&mut self, head: &Head) -> Option<State> {
        let head = head.seen(self.as_of);
        let (Some(status), Some(state)) = (head.status, head.state(self.as_of)) else { return None };
        if status.counts() {
            self.counted += 1;
            if status == super::types::Status::Done {
                self.done += 1;
            }
        }
        if let Some(n) = self.counts.get_mut(head.kind.as_str()).and_then(|k| k.get_mut(state.as_str())) {
            *n += 1;
        }
        Some(state)
    }

    /// Lists a row that [`Tally::count`] found overdue.
    pub fn overdue(&mut self, row: &Row) {
        self.overdue.push(row.report(self.as_of));
    }

    /// Counts a whole row, listing it if overdue.
    pub fn add(&mut self, row: &Row) {
        if self.count(&row.head()) == Some(State::Overdue) {
            self.overdue(row);
        }
    }
}

/// Builds the report from a tally, the milestones, the facts of reach, language pairs and results.
pub fn build(
    campaign: CampaignInfo,
    tally: Tally,
    nodes: &[Node],
    reach_facts: &Facts,
    sides: &[Side],
    results: &[ExpectedResult],
) -> Status {
    let as_of = tally.as_of;
    let sched: Schedule = schedule(nodes, campaign.end, as_of);
    let critical: HashSet<&str> = sched.critical_path.iter().map(String::as_str).collect();
    let schedule_rows = sched
        .figures
        .iter()
        .map(|f| ScheduleRow {
            key: f.key.clone(),
            due: f.due,
            forecast: f.forecast,
            slip_days: f.slip_days,
            latest: f.latest,
            float_days: f.float_days,
            critical: critical.contains(f.key.as_str()),
        })
        .collect();
    let reached: Vec<OrderReach> = by_order(&organizations(reach_facts, as_of));
    let mut overdue = tally.overdue;
    overdue.sort_by(|a, b| (a.date, a.kind, &a.key).cmp(&(b.date, b.kind, &b.key)));
    Status {
        as_of,
        percent_complete: percent_complete(tally.done, tally.counted),
        done: tally.done,
        counted: tally.counted,
        counts: tally.counts,
        overdue,
        critical_path: sched.critical_path.clone(),
        schedule: schedule_rows,
        projected_end: sched.projected_end,
        planned_end: campaign.end,
        slip_days: sched.slip_days,
        reach: reached
            .into_iter()
            .map(|r| (r.order.as_str(), ReachRow { reached: r.reached, total: r.total, not_reached: r.not_reached }))
            .collect(),
        parity: gaps(sides, as_of),
        results: result_rows(results, as_of),
        campaign,
    }
}
