//! `add`, `list` and `show` for every family of items.

use std::io::Write;

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{
    ActionAdd, ActionList, AgendaAdd, AgendaList, ChannelAdd, DistributionAdd, DistributionList, Format, ListArgs, MaterialAdd, MeetingAdd,
    MeetingList, MilestoneAdd, OrgAdd, PersonAdd, PersonList, ResultAdd, ShowArgs, TableAdd, TrackedListArgs,
};
use crate::error::{Error, Result};
use crate::i18n::{Text, t};
use crate::model::change::{Change, Item};
use crate::model::glossary::Localize;
use crate::model::listing::Listed;
use crate::model::plan::{
    Action, AgendaItem, Channel, Distribution, ExpectedResult, Material, Meeting, Milestone, Organization, Person, Plan, Progress, Table,
};
use crate::model::schedule::Node;
use crate::model::types::{Family, Status};
use crate::msg;
use crate::render;
use crate::store::{HistoryFilter, Open};

/// Adds one item after checking it against the campaign.
pub fn add(ctx: &Ctx, item: Item, err: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::Existing)?;
    let (changes, ()) = store.change_plan(&ctx.actor(), |stored| {
        crate::plan::validate::check_new(&stored, &item).map_err(Error::Input)?;
        Ok((vec![Change::Create(item.clone())], ()))
    })?;
    match changes.first() {
        Some(change) => render::messages::added(err, ctx.ui, change),
        None => Ok(()),
    }
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
    Ok(Item::Meeting(Meeting {
        key: a.key,
        table: a.table,
        date: a.date,
        end_date: a.end_date,
        location: text(a.location),
        attended: None,
        outcome: None,
    }))
}

pub fn agenda_item(a: AgendaAdd) -> Result<Item> {
    let (meeting, key) = a.reference.split_once('/').ok_or_else(|| {
        let r = &a.reference;
        Error::input(msg!(
            "'{r}': an agenda item is named MEETING/ITEM",
            "«\u{202f}{r}\u{202f}»\u{a0}: un point à l'ordre du jour se nomme RÉUNION/POINT"
        ))
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

pub fn person_item(a: PersonAdd) -> Result<Item> {
    Ok(Item::Person(Person {
        key: a.key,
        name: required(a.name, "--name")?,
        organization: a.organization,
        role: text(a.role),
        email: text(a.email),
        lang: a.lang,
        source: text(a.source),
        contact_permitted: !a.no_contact,
        retain_until: a.retain_until,
    }))
}

pub fn distribution_item(a: DistributionAdd) -> Result<Item> {
    let (material, to) = a.reference.split_once('/').ok_or_else(|| {
        let r = &a.reference;
        Error::input(msg!(
            "'{r}': a distribution is named MATERIAL/RECIPIENT",
            "«\u{202f}{r}\u{202f}»\u{a0}: un envoi se nomme DOCUMENT/DESTINATAIRE"
        ))
    })?;
    Ok(Item::Distribution(Distribution {
        material: material.to_string(),
        to: to.to_string(),
        via: text(a.via),
        due: a.due,
        progress: Progress { note: text(a.note), ..Progress::default() },
        acknowledged_on: None,
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

pub fn action_item(a: ActionAdd) -> Result<Item> {
    Ok(Item::Action(Action {
        key: a.key,
        title: required(a.title, "--title")?,
        title_fr: text(a.title_fr),
        owner: text(a.owner),
        due: a.due,
        meeting: text(a.meeting),
        progress: Progress::default(),
    }))
}

pub fn result_item(a: ResultAdd) -> Result<Item> {
    Ok(Item::Result(ExpectedResult {
        key: a.key,
        title: required(a.title, "--title")?,
        title_fr: text(a.title_fr),
        order: a.order,
        target: a.target,
        unit: text(a.unit),
        due: a.due,
        note: text(a.note),
        measures: Vec::new(),
    }))
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

/// `FAMILY show KEY`: the item, everything that refers to it, and its journal.
pub fn show(ctx: &Ctx, family: Family, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let plan = store.load_plan()?;
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let key = &args.key;
    let item = plan.item(family, key).ok_or_else(|| store.unknown(family, key))?;
    let key = item.key();
    let listed = |i: Item| Listed::of(i, &plan, as_of);
    let all = |items: Vec<Item>| items.into_iter().filter_map(listed).collect::<Vec<_>>();
    let mut schedule = None;
    let mut measures = Vec::new();
    let related: Vec<(Text, Vec<Listed>)> = match &item {
        Item::Campaign(_) | Item::Term(_) => Vec::new(),
        Item::Organization(_) => vec![
            (t::TABLES_TITLE, all(plan.tables.values().filter(|t| t.members.contains(&key)).cloned().map(Item::Table).collect())),
            (t::PEOPLE_TITLE, all(plan.people.values().filter(|p| p.organization == key).cloned().map(Item::Person).collect())),
            (
                t::DISTRIBUTIONS_TITLE,
                all(plan
                    .distributions
                    .values()
                    .filter(|d| d.to == key || plan.people.get(&d.to).is_some_and(|p| p.organization == key))
                    .cloned()
                    .map(Item::Distribution)
                    .collect()),
            ),
            (
                t::ATTENDED_TITLE,
                all(plan
                    .meetings
                    .values()
                    .filter(|m| m.attended.iter().flatten().any(|o| o == &key))
                    .cloned()
                    .map(Item::Meeting)
                    .collect()),
            ),
            (
                t::CHANNELS_TITLE,
                all(plan.channels.values().filter(|c| c.organization.as_deref() == Some(&key)).cloned().map(Item::Channel).collect()),
            ),
        ],
        Item::Table(t) => vec![
            (t::MEMBERS_TITLE, all(t.members.iter().filter_map(|m| plan.item(Family::Organization, m)).collect())),
            (t::MEETINGS_TITLE, all(plan.meetings.values().filter(|m| m.table == key).cloned().map(Item::Meeting).collect())),
        ],
        Item::Meeting(m) => vec![
            (t::TABLES_TITLE, all(plan.item(Family::Table, &m.table).into_iter().collect())),
            (t::ATTENDED_TITLE_ORGS, all(m.attended.iter().flatten().filter_map(|o| plan.item(Family::Organization, o)).collect())),
            (t::AGENDA_TITLE, all(plan.agenda.values().filter(|a| a.meeting == key).cloned().map(Item::AgendaItem).collect())),
            (
                t::ACTIONS_TITLE,
                all(plan.actions.values().filter(|a| a.meeting.as_deref() == Some(&key)).cloned().map(Item::Action).collect()),
            ),
        ],
        Item::Action(a) => vec![(t::MEETING_OF_TITLE, all(a.meeting.iter().filter_map(|m| plan.item(Family::Meeting, m)).collect()))],
        Item::Result(r) => {
            measures = r.seen(as_of);
            Vec::new()
        }
        Item::AgendaItem(a) => vec![(t::MEETING_OF_TITLE, all(plan.item(Family::Meeting, &a.meeting).into_iter().collect()))],
        Item::Channel(c) => vec![
            (t::ORGANIZATION_TITLE, all(c.organization.iter().filter_map(|o| plan.item(Family::Organization, o)).collect())),
            (t::COUNTERPART_TITLE, all(counterparts(&plan, Family::Channel, &key, c.counterpart.as_deref()))),
        ],
        Item::Material(m) => vec![
            (t::COUNTERPART_TITLE, all(counterparts(&plan, Family::Material, &key, m.counterpart.as_deref()))),
            (
                t::DISTRIBUTIONS_TITLE,
                all(plan.distributions.values().filter(|d| d.material == key).cloned().map(Item::Distribution).collect()),
            ),
        ],
        Item::Person(p) => vec![
            (t::ORGANIZATION_TITLE, all(plan.item(Family::Organization, &p.organization).into_iter().collect())),
            (t::DISTRIBUTIONS_TITLE, all(plan.distributions.values().filter(|d| d.to == key).cloned().map(Item::Distribution).collect())),
        ],
        Item::Distribution(d) => vec![
            (t::MATERIAL_TITLE, all(plan.item(Family::Material, &d.material).into_iter().collect())),
            (
                t::RECIPIENT_TITLE,
                all(plan.item(Family::Organization, &d.to).or_else(|| plan.item(Family::Person, &d.to)).into_iter().collect()),
            ),
        ],
        Item::Milestone(m) => {
            let campaign_end = plan.campaign.as_ref().map(|c| c.end).unwrap_or(m.due);
            let nodes: Vec<Node> = plan
                .milestones
                .values()
                .map(|m| Node {
                    key: m.key.clone(),
                    due: m.due,
                    duration_days: m.duration_days,
                    depends_on: m.depends_on.clone(),
                    status: m.progress.status,
                    done_on: m.progress.done_on,
                })
                .collect();
            schedule = crate::model::schedule::schedule(&nodes, campaign_end, as_of).get(&key).cloned();
            vec![
                (t::DEPENDENCIES_TITLE, all(m.depends_on.iter().filter_map(|d| plan.item(Family::Milestone, d)).collect())),
                (
                    t::DEPENDENTS_TITLE,
                    all(plan.milestones.values().filter(|d| d.depends_on.contains(&key)).cloned().map(Item::Milestone).collect()),
                ),
            ]
        }
    };
    let Some(mut item) = listed(item) else { return Ok(()) };
    let glossary = super::glossary_for(ctx, true, || Ok(plan.glossary.clone()))?;
    item.localize(&glossary);
    let mut related = related;
    for (_, rows) in &mut related {
        rows.localize(&glossary);
    }
    let subject = Some(crate::model::change::Subject::Item(family));
    let mut journal = store.history(&HistoryFilter { item: Some((subject, key)), ..HistoryFilter::default() })?;
    journal.localize(&glossary);
    render::lists::show(out, ctx.style, &render::lists::Shown { item, related, schedule, measures }, &journal)
}

/// The counterparts of the item `key`: the one it names and those that name it.
fn counterparts(plan: &Plan, family: Family, key: &str, named: Option<&str>) -> Vec<Item> {
    let mut keys: Vec<String> = named.map(str::to_string).into_iter().collect();
    keys.extend(
        crate::model::refs::referrers(plan, family, key)
            .into_iter()
            .filter(|r| r.how == crate::model::refs::Link::Counterpart)
            .map(|r| r.key),
    );
    keys.sort();
    keys.dedup();
    keys.iter().filter_map(|k| plan.item(family, k)).collect()
}
