//! `add` for every family of items: the item built from its flags, checked against the campaign.

use std::io::Write;

use super::Ctx;
use crate::cli::{
    ActionAdd, AgendaAdd, ChannelAdd, DistributionAdd, MaterialAdd, MeetingAdd, MilestoneAdd, OrgAdd, PersonAdd, ResultAdd, TableAdd,
};
use crate::error::{Error, Result};
use crate::model::change::{Change, Item};
use crate::model::plan::{
    Action, AgendaItem, Channel, Distribution, ExpectedResult, Material, Meeting, Milestone, Organization, Person, Progress, Table,
};
use crate::msg;
use crate::render;
use crate::store::Open;

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
