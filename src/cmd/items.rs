//! `add`, `list` and `show` for every family of items.

use std::io::Write;

use serde_json::{Value, json};

use super::Ctx;
use crate::cli::{
    AgendaAdd, AgendaList, ChannelAdd, Format, ListArgs, MaterialAdd, MeetingAdd, MeetingList, MilestoneAdd, OrgAdd, TableAdd,
    TrackedListArgs,
};
use crate::error::{Error, Result};
use crate::model::plan::{AgendaItem, Channel, Material, Meeting, Milestone, Organization, Plan, Progress, Table};
use crate::model::state::assess;
use crate::model::types::Status;
use crate::msg;
use crate::plan::merge::{Change, Item};
use crate::render;
use crate::store::{HistoryFilter, Open};

/// Adds one item after checking it against the campaign.
pub fn add(ctx: &Ctx, item: Item, err: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::Existing)?;
    let (changes, ()) = store.change_plan(&ctx.actor(), |stored| {
        crate::plan::validate::check_new(&stored, &item).map_err(Error::Input)?;
        Ok((vec![Change { before: None, after: Some(item.clone()) }], ()))
    })?;
    render::messages::added(err, ctx.ui, &changes[0])
}

fn text(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

fn required(value: String, flag: &str) -> Result<String> {
    if value.trim().is_empty() { Err(Error::input(msg!("{flag} cannot be empty", "{flag} ne peut pas être vide"))) } else { Ok(value) }
}

pub fn org_item(a: OrgAdd) -> Result<Item> {
    Ok(Item::Organization(Organization {
        key: a.key,
        name: required(a.name, "--name")?,
        name_fr: text(a.name_fr),
        order: a.order,
        jurisdiction: text(a.jurisdiction),
        contact: text(a.contact),
    }))
}

pub fn table_item(a: TableAdd) -> Result<Item> {
    let mut members = a.members;
    members.sort();
    members.dedup();
    Ok(Item::Table(Table {
        key: a.key,
        name: required(a.name, "--name")?,
        name_fr: text(a.name_fr),
        kind: a.kind,
        members,
        chair: text(a.chair),
    }))
}

pub fn meeting_item(a: MeetingAdd) -> Result<Item> {
    Ok(Item::Meeting(Meeting { key: a.key, table: a.table, date: a.date, end_date: a.end_date, location: text(a.location) }))
}

pub fn agenda_item(a: AgendaAdd) -> Result<Item> {
    let (meeting, key) = a.reference.split_once('/').ok_or_else(|| {
        let r = &a.reference;
        Error::input(msg!("'{r}': an agenda item is named MEETING/ITEM", "« {r} » : un point à l'ordre du jour se nomme RÉUNION/POINT"))
    })?;
    Ok(Item::AgendaItem(AgendaItem {
        meeting: meeting.to_string(),
        key: key.to_string(),
        topic: required(a.topic, "--topic")?,
        topic_fr: text(a.topic_fr),
        owner: text(a.owner),
        progress: Progress::default(),
    }))
}

pub fn channel_item(a: ChannelAdd) -> Result<Item> {
    Ok(Item::Channel(Channel {
        key: a.key,
        name: required(a.name, "--name")?,
        name_fr: text(a.name_fr),
        kind: a.kind,
        organization: a.organization,
        owner: text(a.owner),
        due: a.due,
        progress: Progress::default(),
        url: a.url,
        lang: a.lang,
        counterpart: a.counterpart,
    }))
}

pub fn material_item(a: MaterialAdd) -> Result<Item> {
    Ok(Item::Material(Material {
        key: a.key,
        title: required(a.title, "--title")?,
        title_fr: text(a.title_fr),
        kind: a.kind,
        owner: text(a.owner),
        due: a.due,
        progress: Progress::default(),
        url: a.url,
        lang: a.lang,
        counterpart: a.counterpart,
    }))
}

pub fn milestone_item(a: MilestoneAdd) -> Result<Item> {
    let mut depends_on = a.depends_on;
    depends_on.sort();
    depends_on.dedup();
    Ok(Item::Milestone(Milestone {
        key: a.key,
        title: required(a.title, "--title")?,
        title_fr: text(a.title_fr),
        owner: text(a.owner),
        due: a.due,
        duration_days: a.duration_days,
        depends_on,
        progress: Progress::default(),
    }))
}

/// The JSON form of an item in lists: every stored field; trackable items also carry their
/// `state` as of today, agenda items their `key` as `MEETING/ITEM` and their meeting's `date`.
fn listed(plan: &Plan, item: &Item, today: chrono::NaiveDate) -> Value {
    let mut v = serde_json::to_value(item).unwrap_or(Value::Null);
    let state = |p: &Progress, date| json!(assess(p.status, p.done_on, date, today));
    if let Value::Object(map) = &mut v {
        match item {
            Item::AgendaItem(a) => {
                let date = plan.meetings.get(&a.meeting).map(|m| m.date);
                map.insert("key".into(), json!(a.reference()));
                map.insert("item".into(), json!(a.key));
                map.insert("date".into(), json!(date));
                map.insert("state".into(), state(&a.progress, date));
            }
            Item::Channel(c) => {
                map.insert("state".into(), state(&c.progress, c.due));
            }
            Item::Material(m) => {
                map.insert("state".into(), state(&m.progress, m.due));
            }
            Item::Milestone(m) => {
                map.insert("state".into(), state(&m.progress, Some(m.due)));
            }
            _ => {}
        }
    }
    v
}

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
}

pub fn list(ctx: &Ctx, listing: Listing, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let plan = store.load_plan()?;
    let (items, format): (Vec<Item>, Format) = match &listing {
        Listing::Organizations(a) => (plan.organizations.values().cloned().map(Item::Organization).collect(), a.format),
        Listing::Tables(a) => (plan.tables.values().cloned().map(Item::Table).collect(), a.format),
        Listing::Meetings(a) => (
            plan.meetings.values().filter(|m| a.table.as_ref().is_none_or(|t| &m.table == t)).cloned().map(Item::Meeting).collect(),
            a.list.format,
        ),
        Listing::Agenda(a) => (
            plan.agenda
                .values()
                .filter(|i| keep(&i.progress, &i.owner, &a.tracked))
                .filter(|i| a.meeting.as_ref().is_none_or(|m| &i.meeting == m))
                .filter(|i| a.table.as_ref().is_none_or(|t| plan.meetings.get(&i.meeting).is_some_and(|m| &m.table == t)))
                .cloned()
                .map(Item::AgendaItem)
                .collect(),
            a.tracked.list.format,
        ),
        Listing::Channels(a) => {
            (plan.channels.values().filter(|c| keep(&c.progress, &c.owner, a)).cloned().map(Item::Channel).collect(), a.list.format)
        }
        Listing::Materials(a) => {
            (plan.materials.values().filter(|c| keep(&c.progress, &c.owner, a)).cloned().map(Item::Material).collect(), a.list.format)
        }
        Listing::Milestones(a) => {
            (plan.milestones.values().filter(|c| keep(&c.progress, &c.owner, a)).cloned().map(Item::Milestone).collect(), a.list.format)
        }
    };
    let rows: Vec<Value> = items.iter().map(|i| listed(&plan, i, ctx.today)).collect();
    match format {
        Format::Json => render::json(out, &rows),
        Format::Csv => render::lists::csv(out, &rows),
        Format::Table => render::lists::table(out, ctx.style, &rows),
    }
}

pub fn show(ctx: &Ctx, kind: &str, key: &str, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let item = store.load_item(kind, key)?.ok_or_else(|| crate::store::unknown(kind, key))?;
    let plan = Plan::default();
    let value = listed(&plan, &item, ctx.today);
    let journal = store.history(&HistoryFilter { item: Some((Some(kind.to_string()), item.key())), ..HistoryFilter::default() })?;
    render::lists::show(out, ctx.style, &value, &journal)
}
