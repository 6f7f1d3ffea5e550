//! Reports assembled from one read of the store: the store answers typed queries on a
//! [`Snapshot`], the model computes, and these functions put the two together.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::item::Row;
use crate::model::report::Report;
use crate::model::schedule::{Schedule, schedule};
use crate::model::status::{CampaignInfo, Status, Tally, build};
use crate::model::types::{Family, State};
use crate::store::Snapshot;

/// The status report as of `as_of`; `also` sees every tracked row of the families in `listed`
/// as it streams by. Rows that are neither listed nor overdue are counted without reading their
/// texts.
pub fn status(snap: &Snapshot, as_of: NaiveDate, listed: &[Family], mut also: impl FnMut(&Row)) -> Result<Status> {
    let campaign = snap.campaign()?;
    let mut tally = Tally::new(as_of);
    // The overdue rows are sorted; only the rows handed to `also` must come in key order.
    snap.for_each_tracked_lazily(!listed.is_empty(), |head, full| {
        let overdue = tally.count(head) == Some(State::Overdue);
        let wanted = listed.contains(&head.kind);
        if overdue || wanted {
            let row = full()?;
            if overdue {
                tally.overdue(&row);
            }
            if wanted {
                also(&row);
            }
        }
        Ok(())
    })?;
    let nodes = snap.milestone_nodes()?;
    let reach = snap.reach_facts()?;
    let sides = snap.parity_sides()?;
    let results = snap.results()?;
    let info = CampaignInfo { name: campaign.name, name_fr: campaign.name_fr, start: campaign.start, end: campaign.end };
    Ok(build(info, tally, &nodes, &reach, &sides, &results))
}

/// Everything the one-page report needs: the status, the open items and meetings from `as_of`
/// to `until`, and every channel, material, milestone and action.
pub fn report(snap: &Snapshot, as_of: NaiveDate, until: NaiveDate) -> Result<Report> {
    let (mut channels, mut materials, mut milestones, mut actions) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let listed = [Family::Channel, Family::Material, Family::Milestone, Family::Action];
    let status = status(snap, as_of, &listed, |row| match row.kind {
        Family::Channel => channels.push(row.report(as_of)),
        Family::Material => materials.push(row.report(as_of)),
        Family::Milestone => milestones.push(row.report(as_of)),
        Family::Action => actions.push(row.report(as_of)),
        Family::AgendaItem
        | Family::Meeting
        | Family::Organization
        | Family::Result
        | Family::Table
        | Family::Person
        | Family::Distribution => {}
    })?;
    let next = snap.upcoming(as_of, until)?.into_iter().filter(|r| r.date.is_some_and(|d| d >= as_of)).map(|r| r.report(as_of)).collect();
    let within_days = (until - as_of).num_days();
    let coverage = crate::model::reach::organizations(&snap.reach_facts()?, as_of);
    let illustrative = super::demo::is_seed(&status.campaign.name);
    Ok(Report { status, within_days, next, channels, materials, actions, milestones, coverage, illustrative })
}

/// The schedule on `as_of`, then every tracked row streamed to `each`.
pub fn progress(snap: &Snapshot, as_of: NaiveDate, mut each: impl FnMut(&Schedule, Row) -> Result<()>) -> Result<()> {
    let campaign = snap.campaign()?;
    let schedule = schedule(&snap.milestone_nodes()?, campaign.end, as_of);
    snap.for_each_tracked(|row| each(&schedule, row))
}
