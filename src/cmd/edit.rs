//! Everyday editing: `set`, `rename` and `remove` for every family, `table member add|remove`
//! and `meeting attend`. Each is one transaction that reads the campaign, checks the result
//! with the plan file's rules, and writes and journals what changed.

use std::io::Write;

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{
    ActionSet, AgendaSet, AttendArgs, ChannelSet, ClearArgs, DistributionSet, MaterialSet, MeetingSet, MemberArgs, MilestoneSet, OrgSet,
    PersonSet, ProgressSet, ResultSet, TableSet,
};
use crate::error::{Error, Result};
use crate::i18n;
use crate::model::change::{Change, Item};
use crate::model::plan::{Plan, Progress};
use crate::model::refs;
use crate::model::types::{Family, Status, check_key, check_url};
use crate::msg;
use crate::plan::validate::check_item;
use crate::render;
use crate::store::{Open, Store};

/// A `set` of one family: the new values, given as flags.
pub enum Set {
    Organization(OrgSet),
    Table(TableSet),
    Meeting(MeetingSet),
    Agenda(AgendaSet),
    Channel(ChannelSet),
    Material(MaterialSet),
    Milestone(MilestoneSet),
    Person(PersonSet),
    Distribution(DistributionSet),
    Action(ActionSet),
    Result(ResultSet),
}

impl Set {
    fn target(&self) -> (Family, &str, &ClearArgs) {
        match self {
            Set::Organization(a) => (Family::Organization, &a.key, &a.clear),
            Set::Table(a) => (Family::Table, &a.key, &a.clear),
            Set::Meeting(a) => (Family::Meeting, &a.key, &a.clear),
            Set::Agenda(a) => (Family::AgendaItem, &a.key, &a.clear),
            Set::Channel(a) => (Family::Channel, &a.key, &a.clear),
            Set::Material(a) => (Family::Material, &a.key, &a.clear),
            Set::Milestone(a) => (Family::Milestone, &a.key, &a.clear),
            Set::Person(a) => (Family::Person, &a.key, &a.clear),
            Set::Distribution(a) => (Family::Distribution, &a.key, &a.clear),
            Set::Action(a) => (Family::Action, &a.key, &a.clear),
            Set::Result(a) => (Family::Result, &a.key, &a.clear),
        }
    }
}

/// The fields `--clear` may name, per family: the optional ones of the plan file.
fn clearable(family: Family) -> &'static [&'static str] {
    const TRACKED: [&str; 1] = ["note"];
    match family {
        Family::Organization => &["name_fr", "jurisdiction", "contact"],
        Family::Table => &["name_fr", "chair"],
        Family::Meeting => &["date", "end_date", "location", "outcome", "attended"],
        Family::AgendaItem => &["topic_fr", "owner", TRACKED[0]],
        Family::Channel => &["name_fr", "organization", "owner", "due", "url", "counterpart", TRACKED[0]],
        Family::Material => &["title_fr", "owner", "due", "url", "counterpart", TRACKED[0]],
        Family::Milestone => &["title_fr", "owner", "depends_on", TRACKED[0]],
        Family::Person => &["role", "email", "lang", "source", "retain_until"],
        Family::Distribution => &["via", "due", "acknowledged_on", TRACKED[0]],
        Family::Action => &["title_fr", "owner", "due", "meeting", TRACKED[0]],
        Family::Result => &["title_fr", "order", "unit", "due", "note"],
    }
}

/// The fields to clear, each checked to be an optional field of `family`.
fn cleared(family: Family, clear: &ClearArgs) -> Result<Vec<&'static str>> {
    let allowed = clearable(family);
    clear
        .clear
        .iter()
        .map(|name| {
            let wanted = name.replace('-', "_");
            allowed.iter().find(|f| **f == wanted).copied().ok_or_else(|| {
                let list = allowed.join(", ");
                let noun = i18n::noun(family);
                let (en, fr) = (noun.en, noun.fr);
                let a = if en.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                let un = if noun.feminine { "une" } else { "un" };
                Error::input(msg!(
                    "--clear {name}: not an optional field of {a} {en} (these are: {list})",
                    "--clear {name}\u{a0}: ce n'est pas un champ facultatif d'{un} {fr} (ceux-ci le sont\u{a0}: {list})"
                ))
            })
        })
        .collect()
}

/// An optional text: `""` clears it, `--clear FIELD` too.
fn opt_text(slot: &mut Option<String>, given: &Option<String>, field: &str, clear: &[&str]) {
    if clear.contains(&field) {
        *slot = None;
    }
    if let Some(v) = given {
        *slot = if v.trim().is_empty() { None } else { Some(v.clone()) };
    }
}

/// An optional date: `--clear FIELD` clears it.
fn opt_date(slot: &mut Option<NaiveDate>, given: Option<NaiveDate>, field: &str, clear: &[&str]) {
    if clear.contains(&field) {
        *slot = None;
    }
    if given.is_some() {
        *slot = given;
    }
}

/// A required text: never empty.
fn req_text(slot: &mut String, given: &Option<String>, flag: &str) -> Result<()> {
    if let Some(v) = given {
        if v.trim().is_empty() {
            return Err(Error::input(msg!("{flag} cannot be empty", "{flag} ne peut pas être vide")));
        }
        *slot = v.clone();
    }
    Ok(())
}

/// A reference to another item: `""` clears it.
fn opt_key(slot: &mut Option<String>, given: &Option<String>, field: &str, clear: &[&str]) {
    opt_text(slot, given, field, clear);
}

/// The progress flags of `set`, with the plan file's rule that `done` and `done_on` go together:
/// `--status done` keeps an earlier done date or takes `--done-on`; another status drops it.
fn progress(p: &mut Progress, set: &ProgressSet, clear: &[&str]) {
    if let Some(status) = set.status {
        p.status = status;
        if status != Status::Done {
            p.done_on = None;
        }
    }
    if let Some(d) = set.done_on {
        p.done_on = Some(d);
    }
    opt_text(&mut p.note, &set.note, "note", clear);
}

fn url(slot: &mut Option<String>, given: &Option<String>, clear: &[&str]) -> Result<()> {
    opt_text(slot, given, "url", clear);
    if let (Some(u), Some(_)) = (slot.as_ref(), given) {
        check_url(u).map_err(|e| Error::input(e.labelled("--url")))?;
    }
    Ok(())
}

/// The item with the flags of `set` applied.
fn updated(item: &Item, set: &Set, clear: &[&str]) -> Result<Item> {
    let mut next = item.clone();
    match (&mut next, set) {
        (Item::Organization(o), Set::Organization(a)) => {
            req_text(&mut o.name, &a.name, "--name")?;
            opt_text(&mut o.name_fr, &a.name_fr, "name_fr", clear);
            o.order = a.order.unwrap_or(o.order);
            opt_text(&mut o.jurisdiction, &a.jurisdiction, "jurisdiction", clear);
            opt_text(&mut o.contact, &a.contact, "contact", clear);
        }
        (Item::Table(t), Set::Table(a)) => {
            req_text(&mut t.name, &a.name, "--name")?;
            opt_text(&mut t.name_fr, &a.name_fr, "name_fr", clear);
            t.kind = a.kind.unwrap_or(t.kind);
            opt_text(&mut t.chair, &a.chair, "chair", clear);
        }
        (Item::Meeting(m), Set::Meeting(a)) => {
            req_text(&mut m.table, &a.table, "--table")?;
            opt_date(&mut m.date, a.date, "date", clear);
            opt_date(&mut m.end_date, a.end_date, "end_date", clear);
            opt_text(&mut m.location, &a.location, "location", clear);
            opt_text(&mut m.outcome, &a.outcome, "outcome", clear);
            if clear.contains(&"attended") {
                m.attended = None;
            }
        }
        (Item::AgendaItem(i), Set::Agenda(a)) => {
            req_text(&mut i.topic, &a.topic, "--topic")?;
            opt_text(&mut i.topic_fr, &a.topic_fr, "topic_fr", clear);
            opt_text(&mut i.owner, &a.owner, "owner", clear);
            progress(&mut i.progress, &a.progress, clear);
        }
        (Item::Channel(c), Set::Channel(a)) => {
            req_text(&mut c.name, &a.name, "--name")?;
            opt_text(&mut c.name_fr, &a.name_fr, "name_fr", clear);
            c.kind = a.kind.unwrap_or(c.kind);
            opt_key(&mut c.organization, &a.organization, "organization", clear);
            opt_text(&mut c.owner, &a.owner, "owner", clear);
            opt_date(&mut c.due, a.due, "due", clear);
            url(&mut c.url, &a.url, clear)?;
            c.lang = a.lang.unwrap_or(c.lang);
            opt_key(&mut c.counterpart, &a.counterpart, "counterpart", clear);
            progress(&mut c.progress, &a.progress, clear);
        }
        (Item::Material(m), Set::Material(a)) => {
            req_text(&mut m.title, &a.title, "--title")?;
            opt_text(&mut m.title_fr, &a.title_fr, "title_fr", clear);
            m.kind = a.kind.unwrap_or(m.kind);
            opt_text(&mut m.owner, &a.owner, "owner", clear);
            opt_date(&mut m.due, a.due, "due", clear);
            url(&mut m.url, &a.url, clear)?;
            m.lang = a.lang.unwrap_or(m.lang);
            opt_key(&mut m.counterpart, &a.counterpart, "counterpart", clear);
            progress(&mut m.progress, &a.progress, clear);
        }
        (Item::Milestone(m), Set::Milestone(a)) => {
            req_text(&mut m.title, &a.title, "--title")?;
            opt_text(&mut m.title_fr, &a.title_fr, "title_fr", clear);
            m.due = a.due.unwrap_or(m.due);
            opt_text(&mut m.owner, &a.owner, "owner", clear);
            if clear.contains(&"depends_on") {
                m.depends_on.clear();
            }
            if !a.depends_on.is_empty() {
                m.depends_on = a.depends_on.clone();
                m.depends_on.sort();
                m.depends_on.dedup();
            }
            m.duration_days = a.duration_days.unwrap_or(m.duration_days);
            progress(&mut m.progress, &a.progress, clear);
        }
        (Item::Person(p), Set::Person(a)) => {
            req_text(&mut p.name, &a.name, "--name")?;
            req_text(&mut p.organization, &a.organization, "--organization")?;
            opt_text(&mut p.role, &a.role, "role", clear);
            opt_text(&mut p.email, &a.email, "email", clear);
            if clear.contains(&"lang") {
                p.lang = None;
            }
            p.lang = a.lang.or(p.lang);
            opt_text(&mut p.source, &a.source, "source", clear);
            p.contact_permitted = a.contact_permitted.unwrap_or(p.contact_permitted);
            opt_date(&mut p.retain_until, a.retain_until, "retain_until", clear);
        }
        (Item::Distribution(d), Set::Distribution(a)) => {
            opt_key(&mut d.via, &a.via, "via", clear);
            opt_date(&mut d.due, a.due, "due", clear);
            opt_date(&mut d.acknowledged_on, a.acknowledged_on, "acknowledged_on", clear);
            progress(&mut d.progress, &a.progress, clear);
        }
        (Item::Action(i), Set::Action(a)) => {
            req_text(&mut i.title, &a.title, "--title")?;
            opt_text(&mut i.title_fr, &a.title_fr, "title_fr", clear);
            opt_text(&mut i.owner, &a.owner, "owner", clear);
            opt_date(&mut i.due, a.due, "due", clear);
            opt_key(&mut i.meeting, &a.meeting, "meeting", clear);
            progress(&mut i.progress, &a.progress, clear);
        }
        (Item::Result(r), Set::Result(a)) => {
            req_text(&mut r.title, &a.title, "--title")?;
            opt_text(&mut r.title_fr, &a.title_fr, "title_fr", clear);
            if clear.contains(&"order") {
                r.order = None;
            }
            r.order = a.order.or(r.order);
            r.target = a.target.unwrap_or(r.target);
            opt_text(&mut r.unit, &a.unit, "unit", clear);
            opt_date(&mut r.due, a.due, "due", clear);
            opt_text(&mut r.note, &a.note, "note", clear);
        }
        _ => unreachable_pair()?,
    }
    Ok(next)
}

/// A `set` of one family always meets an item of that family (the store is asked by family);
/// anything else is a bug, reported rather than panicking.
fn unreachable_pair() -> Result<()> {
    Err(Error::Failed(msg!(
        "internal error: an item of another kind was read",
        "erreur interne\u{a0}: un élément d'une autre sorte a été lu"
    )))
}

/// Reads the item `key` of `family` in `plan`, or says it is unknown (with the nearest key).
pub(super) fn find(plan: &Plan, family: Family, key: &str) -> Result<Item> {
    plan.item(family, key).ok_or_else(|| unknown(plan, family, key))
}

/// The error for a key of `family` that `plan` does not hold, with the nearest key there is.
pub(super) fn unknown(plan: &Plan, family: Family, key: &str) -> Error {
    let keys = keys_of(plan, family);
    let nearest = crate::model::suggest::nearest(key, keys.iter().map(String::as_str)).map(str::to_string);
    Error::Unknown { family, key: key.to_string(), nearest }
}

fn keys_of(plan: &Plan, family: Family) -> Vec<String> {
    match family {
        Family::Organization => plan.organizations.keys().cloned().collect(),
        Family::Table => plan.tables.keys().cloned().collect(),
        Family::Meeting => plan.meetings.keys().cloned().collect(),
        Family::AgendaItem => plan.agenda.values().map(|a| a.reference()).collect(),
        Family::Channel => plan.channels.keys().cloned().collect(),
        Family::Material => plan.materials.keys().cloned().collect(),
        Family::Milestone => plan.milestones.keys().cloned().collect(),
        Family::Person => plan.people.keys().cloned().collect(),
        Family::Distribution => plan.distributions.values().map(|d| d.reference()).collect(),
        Family::Action => plan.actions.keys().cloned().collect(),
        Family::Result => plan.results.keys().cloned().collect(),
    }
}

/// Checks `item` as it will be stored, in `plan` with the item put in.
fn check(plan: &Plan, item: &Item) -> Result<()> {
    let mut after = plan.clone();
    after.put(item.clone());
    check_item(&after, item).map_err(Error::Input)
}

/// Writes one change decided on the whole campaign, and says what it did.
fn change(ctx: &Ctx, err: &mut dyn Write, decide: impl FnOnce(&Plan) -> Result<Vec<Change>>) -> Result<()> {
    let mut store: Store = ctx.open(Open::Existing)?;
    let (changes, ()) = store.change_plan(&ctx.actor(), |plan| Ok((decide(&plan)?, ())))?;
    render::messages::edited(err, ctx.ui, &changes)
}

/// `FAMILY set KEY --FIELD VALUE…`.
pub fn set(ctx: &Ctx, set: Set, err: &mut dyn Write) -> Result<()> {
    let (family, key, clear) = set.target();
    let clear = cleared(family, clear)?;
    let key = key.to_string();
    change(ctx, err, |plan| {
        let before = find(plan, family, &key)?;
        let after = updated(&before, &set, &clear)?;
        if after == before {
            return Ok(Vec::new());
        }
        check(plan, &after)?;
        Ok(vec![Change::Update { before, after }])
    })
}

/// `FAMILY rename OLD NEW`: the item and every item whose fields name it, in one change each.
pub fn rename(ctx: &Ctx, family: Family, old: &str, new: &str, err: &mut dyn Write) -> Result<()> {
    // Only an agenda item's or a distribution's reference has a '/'; any other key is checked whole.
    let two_part = matches!(family, Family::AgendaItem | Family::Distribution);
    let parts: Vec<&str> = if two_part { new.split('/').collect() } else { vec![new] };
    for part in parts {
        check_key(part).map_err(Error::Input)?;
    }
    if family == Family::AgendaItem && new.split('/').count() != 2 {
        return Err(Error::input(msg!(
            "'{new}': an agenda item is named MEETING/ITEM",
            "«\u{202f}{new}\u{202f}»\u{a0}: un point à l'ordre du jour se nomme RÉUNION/POINT"
        )));
    }
    change(ctx, err, |plan| {
        let before = find(plan, family, old)?;
        if old == new {
            return Ok(Vec::new());
        }
        if plan.item(family, new).is_some() {
            let named = i18n::noun(family).the_named(new);
            return Err(Error::Input(named.join(" ", " ", &msg!("already exists", "existe déjà"))));
        }
        let mut after_plan = plan.clone();
        refs::rename(&mut after_plan, family, old, new);
        let after = find(&after_plan, family, new)?;
        check_item(&after_plan, &after).map_err(Error::Input)?;
        if let Item::AgendaItem(a) = &after
            && !plan.meetings.contains_key(&a.meeting)
        {
            return Err(Error::Unknown { family: Family::Meeting, key: a.meeting.clone(), nearest: None });
        }
        let mut changes = vec![Change::Update { before, after }];
        // Items whose own fields name the renamed item (members, dependencies, counterparts…).
        changes.extend(crate::plan::merge::diff(plan, &after_plan).into_iter().filter(|c| matches!(c, Change::Update { .. })));
        // A meeting's agenda items follow it: their references change.
        if family == Family::Meeting {
            for a in plan.agenda.values().filter(|a| a.meeting == old) {
                let mut moved = a.clone();
                moved.meeting = new.to_string();
                changes.push(Change::Update { before: Item::AgendaItem(a.clone()), after: Item::AgendaItem(moved) });
            }
        }
        // Distributions whose reference (MATERIAL/RECIPIENT) names it follow too.
        if matches!(family, Family::Material | Family::Organization | Family::Person) {
            let swap = |k: &str| if k == old { new.to_string() } else { k.to_string() };
            for d in plan.distributions.values().filter(|d| d.material == old || d.to == old) {
                let mut moved = d.clone();
                moved.material = swap(&d.material);
                moved.to = swap(&d.to);
                moved.via = d.via.as_deref().map(swap);
                changes.push(Change::Update { before: Item::Distribution(d.clone()), after: Item::Distribution(moved) });
            }
        }
        Ok(changes)
    })
}

/// `FAMILY remove KEY`: refused while anything refers to the item. A person is removed for good
/// all the same: what was sent to them stays on the record as sent to their organization.
pub fn remove(ctx: &Ctx, family: Family, key: &str, err: &mut dyn Write) -> Result<()> {
    change(ctx, err, |plan| {
        let item = find(plan, family, key)?;
        if let Item::Person(person) = &item {
            let mut changes = handed_to_organization(plan, person);
            changes.push(Change::Delete(item));
            return Ok(changes);
        }
        let referrers = refs::referrers(plan, family, &item.key());
        if !referrers.is_empty() {
            let list = referrers.iter().map(|r| format!("{} {}", r.family.as_str(), r.key)).collect::<Vec<_>>().join(", ");
            let named = i18n::noun(family).named(key);
            let (en, fr) = (&named.en, &named.fr);
            return Err(Error::input(msg!(
                "{en} cannot be removed while these refer to it: {list}",
                "{fr} ne peut pas être supprimé(e) tant que ceux-ci y renvoient\u{a0}: {list}"
            )));
        }
        Ok(vec![Change::Delete(item)])
    })
}

/// The distributions to `person`, handed to their organization: each becomes a distribution to
/// the organization, unless the organization has that material on record already (then the
/// person's is dropped, the organization's kept).
fn handed_to_organization(plan: &Plan, person: &crate::model::plan::Person) -> Vec<Change> {
    let mut changes = Vec::new();
    for d in plan.distributions.values().filter(|d| d.to == person.key) {
        let org_has_it = plan.distributions.contains_key(&(d.material.clone(), person.organization.clone()));
        if org_has_it {
            changes.push(Change::Delete(Item::Distribution(d.clone())));
        } else {
            let mut moved = d.clone();
            moved.to = person.organization.clone();
            changes.push(Change::Update { before: Item::Distribution(d.clone()), after: Item::Distribution(moved) });
        }
    }
    changes
}

/// `table member add|remove TABLE ORG…`.
pub fn members(ctx: &Ctx, args: MemberArgs, add: bool, err: &mut dyn Write) -> Result<()> {
    change(ctx, err, |plan| {
        let before = find(plan, Family::Table, &args.table)?;
        let Item::Table(mut table) = before.clone() else { return unreachable_pair().map(|()| Vec::new()) };
        for org in &args.orgs {
            find(plan, Family::Organization, org)?;
            if add {
                table.members.push(org.clone());
            } else {
                table.members.retain(|m| m != org);
            }
        }
        table.members.sort();
        table.members.dedup();
        let after = Item::Table(table);
        if after == before {
            return Ok(Vec::new());
        }
        check(plan, &after)?;
        Ok(vec![Change::Update { before, after }])
    })
}

/// `meeting attend MEETING ORG…` (or `--nobody`): records who attended, adding to what is
/// recorded already.
pub fn attend(ctx: &Ctx, args: AttendArgs, err: &mut dyn Write) -> Result<()> {
    change(ctx, err, |plan| {
        let before = find(plan, Family::Meeting, &args.meeting)?;
        let Item::Meeting(mut meeting) = before.clone() else { return unreachable_pair().map(|()| Vec::new()) };
        let attended = meeting.attended.get_or_insert_with(Vec::new);
        for org in &args.orgs {
            find(plan, Family::Organization, org)?;
            attended.push(org.clone());
        }
        attended.sort();
        attended.dedup();
        let after = Item::Meeting(meeting);
        if after == before {
            return Ok(Vec::new());
        }
        check(plan, &after)?;
        Ok(vec![Change::Update { before, after }])
    })
}
