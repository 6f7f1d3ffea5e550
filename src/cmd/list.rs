//! `list` for every family: typed rows, filtered, as of a day, in every format.

use std::io::Write;

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{ActionList, AgendaList, DistributionList, Format, ListArgs, MeetingList, PersonList, TrackedListArgs};
use crate::error::Result;
use crate::model::change::Item;
use crate::model::glossary::Localize;
use crate::model::listing::Listed;
use crate::model::plan::{Plan, Progress};
use crate::model::types::{Family, Status};
use crate::render;
use crate::store::Open;

fn keep(p: &Progress, owner: &Option<String>, f: &TrackedListArgs) -> bool {
    f.status.is_none_or(|s: Status| s == p.status)
        && f.owner.as_ref().is_none_or(|o| owner.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(o)))
}

/// Which family a list is for, with its filters.
pub enum Listing {
    Organizations(ListArgs),
    Tables(ListArgs),
    Meetings(MeetingList),
    Agenda(AgendaList),
    Channels(TrackedListArgs),
    Materials(TrackedListArgs),
    Milestones(TrackedListArgs),
    People(PersonList),
    Distributions(DistributionList),
    Actions(ActionList),
    Results(ListArgs),
}

impl Listing {
    fn format(&self) -> Format {
        match self {
            Listing::Organizations(a) | Listing::Tables(a) | Listing::Results(a) => a.format,
            Listing::Actions(a) => a.tracked.list.format,
            Listing::Meetings(a) => a.list.format,
            Listing::Agenda(a) => a.tracked.list.format,
            Listing::Channels(a) | Listing::Materials(a) | Listing::Milestones(a) => a.list.format,
            Listing::People(a) => a.list.format,
            Listing::Distributions(a) => a.list.format,
        }
    }

    fn as_of(&self) -> Option<NaiveDate> {
        match self {
            Listing::Organizations(a) | Listing::Tables(a) | Listing::Results(a) => a.as_of.as_of,
            Listing::Actions(a) => a.tracked.list.as_of.as_of,
            Listing::Meetings(a) => a.list.as_of.as_of,
            Listing::Agenda(a) => a.tracked.list.as_of.as_of,
            Listing::Channels(a) | Listing::Materials(a) | Listing::Milestones(a) => a.list.as_of.as_of,
            Listing::People(a) => a.list.as_of.as_of,
            Listing::Distributions(a) => a.list.as_of.as_of,
        }
    }
}

/// The listed rows of one family, filtered, in key order. Status filters apply to the status
/// as of the day.
fn rows(plan: &Plan, listing: &Listing, as_of: NaiveDate) -> Vec<Listed> {
    let listed = |i: Item| Listed::of(i, plan, as_of);
    let seen = |p: &Progress| p.seen_on(as_of);
    match listing {
        Listing::Organizations(_) => plan.organizations.values().cloned().map(Item::Organization).filter_map(listed).collect(),
        Listing::Tables(_) => plan.tables.values().cloned().map(Item::Table).filter_map(listed).collect(),
        Listing::Meetings(a) => plan
            .meetings
            .values()
            .filter(|m| a.table.as_ref().is_none_or(|t| &m.table == t))
            .cloned()
            .map(Item::Meeting)
            .filter_map(listed)
            .collect(),
        Listing::Agenda(a) => plan
            .agenda
            .values()
            .filter(|i| keep(&seen(&i.progress), &i.owner, &a.tracked))
            .filter(|i| a.meeting.as_ref().is_none_or(|m| &i.meeting == m))
            .filter(|i| a.table.as_ref().is_none_or(|t| plan.meetings.get(&i.meeting).is_some_and(|m| &m.table == t)))
            .cloned()
            .map(Item::AgendaItem)
            .filter_map(listed)
            .collect(),
        Listing::Channels(a) => plan
            .channels
            .values()
            .filter(|c| keep(&seen(&c.progress), &c.owner, a))
            .cloned()
            .map(Item::Channel)
            .filter_map(listed)
            .collect(),
        Listing::Materials(a) => plan
            .materials
            .values()
            .filter(|c| keep(&seen(&c.progress), &c.owner, a))
            .cloned()
            .map(Item::Material)
            .filter_map(listed)
            .collect(),
        Listing::Milestones(a) => plan
            .milestones
            .values()
            .filter(|c| keep(&seen(&c.progress), &c.owner, a))
            .cloned()
            .map(Item::Milestone)
            .filter_map(listed)
            .collect(),
        Listing::People(a) => plan
            .people
            .values()
            .filter(|p| a.organization.as_ref().is_none_or(|o| &p.organization == o))
            .cloned()
            .map(Item::Person)
            .filter_map(listed)
            .collect(),
        Listing::Distributions(a) => match &a.missing {
            Some(table) => {
                let material = a.material.as_deref().unwrap_or_default();
                let members = plan.tables.get(table).map(|t| t.members.clone()).unwrap_or_default();
                members
                    .iter()
                    .filter(|org| !crate::model::reach::has_received(plan, material, org, as_of))
                    .filter_map(|org| plan.item(Family::Organization, org))
                    .filter_map(listed)
                    .collect()
            }
            None => plan
                .distributions
                .values()
                .filter(|d| a.material.as_ref().is_none_or(|m| &d.material == m))
                .filter(|d| a.to.as_ref().is_none_or(|t| &d.to == t || plan.people.get(&d.to).is_some_and(|p| &p.organization == t)))
                .filter(|d| a.status.is_none_or(|s| d.progress.seen_on(as_of).status == s))
                .cloned()
                .map(Item::Distribution)
                .filter_map(listed)
                .collect(),
        },
        Listing::Actions(a) => plan
            .actions
            .values()
            .filter(|i| keep(&seen(&i.progress), &i.owner, &a.tracked))
            .filter(|i| a.meeting.as_ref().is_none_or(|m| i.meeting.as_ref() == Some(m)))
            .cloned()
            .map(Item::Action)
            .filter_map(listed)
            .collect(),
        Listing::Results(_) => plan.results.values().cloned().map(Item::Result).filter_map(listed).collect(),
    }
}

pub fn list(ctx: &Ctx, listing: Listing, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let plan = store.load_plan()?;
    listing_refers_to_known(&plan, &listing)?;
    let as_of = listing.as_of().unwrap_or(ctx.today);
    let mut rows = rows(&plan, &listing, as_of);
    rows.localize(&super::glossary_for(ctx, listing.format() == Format::Table, || Ok(plan.glossary.clone()))?);
    match listing.format() {
        Format::Json => render::json(out, &rows),
        Format::Csv => render::lists::csv(out, &rows),
        Format::Table => render::lists::table(out, ctx.style, &rows),
    }
}

/// The items a listing's filters name must exist (a mistyped one would list nothing).
fn listing_refers_to_known(plan: &Plan, listing: &Listing) -> Result<()> {
    let known = |family: Family, key: &Option<String>| match key {
        Some(k) if plan.item(family, k).is_none() => Err(crate::cmd::edit::unknown(plan, family, k)),
        _ => Ok(()),
    };
    match listing {
        Listing::Distributions(a) => {
            known(Family::Material, &a.material)?;
            known(Family::Table, &a.missing)?;
            if let Some(t) = &a.to
                && plan.item(Family::Person, t).is_none()
            {
                known(Family::Organization, &a.to)?;
            }
            Ok(())
        }
        Listing::People(a) => known(Family::Organization, &a.organization),
        Listing::Meetings(a) => known(Family::Table, &a.table),
        Listing::Agenda(a) => {
            known(Family::Meeting, &a.meeting)?;
            known(Family::Table, &a.table)
        }
        Listing::Actions(a) => known(Family::Meeting, &a.meeting),
        Listing::Organizations(_)
        | Listing::Tables(_)
        | Listing::Channels(_)
        | Listing::Materials(_)
        | Listing::Milestones(_)
        | Listing::Results(_) => Ok(()),
    }
}
