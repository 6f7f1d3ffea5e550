//! Reading a whole campaign out of the store as a [`Plan`], and writing [`Change`]s into it.

use std::collections::HashMap;

use super::db::{Tx, args};

use super::{Actor, journal};
use crate::error::{Error, Result};
use crate::model::change::{Change, Item, Tally};
use crate::model::glossary::{Glossary, Term};
use crate::model::plan::{
    AgendaItem, Campaign, Channel, Distribution, Material, Meeting, Milestone, Organization, Person, Plan, Progress, Table,
};
use crate::model::types::Family;

/// The whole campaign as plain data.
pub fn load(tx: &Tx) -> Result<Plan> {
    load_only(tx, None, &mut |_| {})
}

/// The campaign in parts, handed to `each` as they are read: the campaign, then the items, a
/// kind at a time and in parts of a few thousand where a kind allows it (each item in one part
/// only), then the glossary. `each` may take the part away (`std::mem::take`), so that no more
/// than one part is held here at a time.
pub fn load_in_parts(tx: &Tx, each: &mut dyn FnMut(&mut Plan)) -> Result<()> {
    let mut rest = load_only(tx, None, each)?;
    each(&mut rest);
    Ok(())
}

/// One item of `family`, by key (`MEETING/ITEM` for an agenda item); `None` when there is none.
pub fn load_item(tx: &Tx, family: Family, key: &str) -> Result<Option<Item>> {
    let plan = load_only(tx, Some((family, key)), &mut |_| {})?;
    Ok(match family {
        Family::Organization => plan.organizations.into_values().next().map(Item::Organization),
        Family::Table => plan.tables.into_values().next().map(Item::Table),
        Family::Meeting => plan.meetings.into_values().next().map(Item::Meeting),
        Family::AgendaItem => plan.agenda.into_values().next().map(Item::AgendaItem),
        Family::Channel => plan.channels.into_values().next().map(Item::Channel),
        Family::Material => plan.materials.into_values().next().map(Item::Material),
        Family::Milestone => plan.milestones.into_values().next().map(Item::Milestone),
        Family::Person => plan.people.into_values().next().map(Item::Person),
        Family::Distribution => plan.distributions.into_values().next().map(Item::Distribution),
        Family::Action => plan.actions.into_values().next().map(Item::Action),
        Family::Result => plan.results.into_values().next().map(Item::Result),
    })
}

/// The keys of every item of `family` (`MEETING/ITEM` for agenda items), sorted.
pub fn keys(tx: &Tx, family: Family) -> Result<Vec<String>> {
    let sql = match family {
        Family::Organization => "SELECT key FROM organization ORDER BY key",
        Family::Table => "SELECT key FROM forum ORDER BY key",
        Family::Meeting => "SELECT key FROM meeting ORDER BY key",
        Family::AgendaItem => "SELECT m.key || '/' || a.key FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id ORDER BY 1",
        Family::Channel => "SELECT key FROM channel ORDER BY key",
        Family::Material => "SELECT key FROM material ORDER BY key",
        Family::Milestone => "SELECT key FROM milestone ORDER BY key",
        Family::Person => "SELECT key FROM person ORDER BY key",
        Family::Distribution => {
            "SELECT m.key || '/' || coalesce(o.key, p.key) FROM distribution d JOIN material m ON m.id = d.material_id
             LEFT JOIN organization o ON o.id = d.organization_id LEFT JOIN person p ON p.id = d.person_id ORDER BY 1"
        }
        Family::Action => "SELECT key FROM action_item ORDER BY key",
        Family::Result => "SELECT key FROM expected_result ORDER BY key",
    };
    tx.rows(sql, args![], |r| r.get(0))
}

/// How many items of one kind are read before they are shown to `part_read` (see [`load_only`]),
/// for the kinds whose items are whole as soon as their row is read.
const PART: usize = 2048;

/// The campaign, or only the one item `only` names (kind, key). `part_read` is shown the plan
/// after the campaign is read, after each kind of item, and every [`PART`] items of a kind
/// whose items are whole as soon as read: it may take what is there away.
fn load_only(tx: &Tx, only: Option<(Family, &str)>, part_read: &mut dyn FnMut(&mut Plan)) -> Result<Plan> {
    // For each kind: the key to select (None = every row), or skip the kind entirely.
    let want = |kind: Family| -> Option<Option<&str>> {
        match only {
            None => Some(None),
            Some((k, key)) if k == kind => Some(Some(key)),
            Some(_) => None,
        }
    };
    let mut plan = Plan { campaign: if only.is_none() { load_campaign(tx)? } else { None }, ..Plan::default() };
    part_read(&mut plan);

    if let Some(key) = want(Family::Organization) {
        for_rows(
            tx,
            "SELECT key, name, name_fr, gov_order, jurisdiction, contact FROM organization WHERE ?1 IS NULL OR key = ?1",
            args![key],
            |r| {
                Ok(Organization {
                    key: r.get(0)?,
                    name: r.get(1)?,
                    name_fr: r.get(2)?,
                    order: r.get(3)?,
                    jurisdiction: r.get(4)?,
                    contact: r.get(5)?,
                })
            },
            |org| {
                plan.organizations.insert(org.key.clone(), org);
                if plan.organizations.len() == PART {
                    part_read(&mut plan);
                }
            },
        )?;
    }

    part_read(&mut plan);
    if let Some(key) = want(Family::Table) {
        for_rows(
            tx,
            "SELECT key, name, name_fr, kind, chair FROM forum WHERE ?1 IS NULL OR key = ?1",
            args![key],
            |r| Ok(Table { key: r.get(0)?, name: r.get(1)?, name_fr: r.get(2)?, kind: r.get(3)?, members: Vec::new(), chair: r.get(4)? }),
            |t| {
                plan.tables.insert(t.key.clone(), t);
            },
        )?;
        for_rows(
            tx,
            "SELECT f.key, o.key FROM forum_member m JOIN forum f ON f.id = m.forum_id JOIN organization o ON o.id = m.organization_id
         WHERE ?1 IS NULL OR f.key = ?1 ORDER BY o.key",
            args![key],
            |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
            |(table, org)| {
                if let Some(t) = plan.tables.get_mut(&table) {
                    t.members.push(org);
                }
            },
        )?;
    }

    part_read(&mut plan);
    if let Some(key) = want(Family::Meeting) {
        for_rows(
            tx,
            "SELECT m.key, f.key, m.date, m.end_date, m.location, m.attendance_recorded, m.outcome
               FROM meeting m JOIN forum f ON f.id = m.forum_id WHERE ?1 IS NULL OR m.key = ?1",
            args![key],
            |r| {
                Ok(Meeting {
                    key: r.get(0)?,
                    table: r.get(1)?,
                    date: r.get(2)?,
                    end_date: r.get(3)?,
                    location: r.get(4)?,
                    attended: r.get::<bool>(5)?.then(Vec::new),
                    outcome: r.get(6)?,
                })
            },
            |m| {
                plan.meetings.insert(m.key.clone(), m);
            },
        )?;
        for_rows(
            tx,
            "SELECT m.key, o.key FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id
               JOIN organization o ON o.id = a.organization_id WHERE ?1 IS NULL OR m.key = ?1 ORDER BY o.key",
            args![key],
            |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
            |(meeting, org)| {
                if let Some(attended) = plan.meetings.get_mut(&meeting).and_then(|m| m.attended.as_mut()) {
                    attended.push(org);
                }
            },
        )?;
    }

    part_read(&mut plan);
    if let Some(reference) = want(Family::AgendaItem) {
        let (meeting, item) = match reference.map(|r| r.split_once('/').unwrap_or((r, ""))) {
            Some((m, i)) => (Some(m), Some(i)),
            None => (None, None),
        };
        for_rows(tx, "SELECT m.key, a.key, a.topic, a.topic_fr, a.owner, a.status, a.done_on, a.note FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
         WHERE (?1 IS NULL OR m.key = ?1) AND (?2 IS NULL OR a.key = ?2)", args![meeting, item], |r| {
            Ok(AgendaItem {
                meeting: r.get(0)?,
                key: r.get(1)?,
                topic: r.get(2)?,
                topic_fr: r.get(3)?,
                owner: r.get(4)?,
                progress: Progress { status: r.get(5)?, done_on: r.get(6)?, note: r.get(7)? },
            })
        }, |a| {
            plan.agenda.insert((a.meeting.clone(), a.key.clone()), a);
            if plan.agenda.len() == PART {
                part_read(&mut plan);
            }
        })?;
    }

    part_read(&mut plan);
    if let Some(key) = want(Family::Channel) {
        for_rows(
            tx,
            "SELECT c.key, c.name, c.name_fr, c.kind, o.key, c.owner, c.due, c.status, c.done_on, c.note, c.url, c.lang, c.counterpart
         FROM channel c LEFT JOIN organization o ON o.id = c.organization_id WHERE ?1 IS NULL OR c.key = ?1",
            args![key],
            |r| {
                Ok(Channel {
                    key: r.get(0)?,
                    name: r.get(1)?,
                    name_fr: r.get(2)?,
                    kind: r.get(3)?,
                    organization: r.get(4)?,
                    owner: r.get(5)?,
                    due: r.get(6)?,
                    progress: Progress { status: r.get(7)?, done_on: r.get(8)?, note: r.get(9)? },
                    url: r.get(10)?,
                    lang: r.get(11)?,
                    counterpart: r.get(12)?,
                })
            },
            |c| {
                plan.channels.insert(c.key.clone(), c);
                if plan.channels.len() == PART {
                    part_read(&mut plan);
                }
            },
        )?;
    }

    part_read(&mut plan);
    if let Some(key) = want(Family::Material) {
        for_rows(
            tx,
            "SELECT key, title, title_fr, kind, owner, due, status, done_on, note, url, lang, counterpart FROM material WHERE ?1 IS NULL OR key = ?1",
            args![key],
            |r| {
                Ok(Material {
                    key: r.get(0)?,
                    title: r.get(1)?,
                    title_fr: r.get(2)?,
                    kind: r.get(3)?,
                    owner: r.get(4)?,
                    due: r.get(5)?,
                    progress: Progress { status: r.get(6)?, done_on: r.get(7)?, note: r.get(8)? },
                    url: r.get(9)?,
                    lang: r.get(10)?,
                    counterpart: r.get(11)?,
                })
            },
            |m| {
                plan.materials.insert(m.key.clone(), m);
                if plan.materials.len() == PART {
                    part_read(&mut plan);
                }
            },
        )?;
    }

    part_read(&mut plan);
    if let Some(key) = want(Family::Milestone) {
        // The dependencies first, by milestone, then the milestones in that order, so that each
        // is whole once read. Both are ordered by row id: the same order on every engine.
        let dependencies = tx.rows(
            "SELECT d.milestone_id, p.key FROM milestone_dependency d JOIN milestone m ON m.id = d.milestone_id
               JOIN milestone p ON p.id = d.depends_on_id WHERE ?1 IS NULL OR m.key = ?1 ORDER BY d.milestone_id, p.key",
            args![key],
            |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?)),
        )?;
        let mut dependencies = dependencies.into_iter().peekable();
        for_rows(
            tx,
            "SELECT id, key, title, title_fr, owner, due, duration_days, status, done_on, note FROM milestone
              WHERE ?1 IS NULL OR key = ?1 ORDER BY id",
            args![key],
            |r| {
                let id = r.get::<i64>(0)?;
                let milestone = Milestone {
                    key: r.get(1)?,
                    title: r.get(2)?,
                    title_fr: r.get(3)?,
                    owner: r.get(4)?,
                    due: r.get(5)?,
                    duration_days: r.get(6)?,
                    depends_on: Vec::new(),
                    progress: Progress { status: r.get(7)?, done_on: r.get(8)?, note: r.get(9)? },
                };
                Ok((id, milestone))
            },
            |(id, mut m)| {
                while dependencies.next_if(|(of, _)| *of < id).is_some() {}
                while let Some((_, on)) = dependencies.next_if(|(of, _)| *of == id) {
                    m.depends_on.push(on);
                }
                plan.milestones.insert(m.key.clone(), m);
                if plan.milestones.len() == PART {
                    part_read(&mut plan);
                }
            },
        )?;
    }

    part_read(&mut plan);
    if let Some(key) = want(Family::Person) {
        for_rows(
            tx,
            "SELECT p.key, p.name, o.key, p.role, p.email, p.lang, p.source, p.contact_permitted, p.retain_until
               FROM person p JOIN organization o ON o.id = p.organization_id WHERE ?1 IS NULL OR p.key = ?1",
            args![key],
            |r| {
                Ok(Person {
                    key: r.get(0)?,
                    name: r.get(1)?,
                    organization: r.get(2)?,
                    role: r.get(3)?,
                    email: r.get(4)?,
                    lang: r.get(5)?,
                    source: r.get(6)?,
                    contact_permitted: r.get(7)?,
                    retain_until: r.get(8)?,
                })
            },
            |p| {
                plan.people.insert(p.key.clone(), p);
                if plan.people.len() == PART {
                    part_read(&mut plan);
                }
            },
        )?;
    }

    part_read(&mut plan);
    if let Some(reference) = want(Family::Distribution) {
        let (material, to) = match reference.map(|r| r.split_once('/').unwrap_or((r, ""))) {
            Some((m, t)) => (Some(m), Some(t)),
            None => (None, None),
        };
        for_rows(
            tx,
            "SELECT m.key, coalesce(o.key, p.key), v.key, d.due, d.status, d.done_on, d.note, d.acknowledged_on
               FROM distribution d JOIN material m ON m.id = d.material_id
               LEFT JOIN organization o ON o.id = d.organization_id LEFT JOIN person p ON p.id = d.person_id
               LEFT JOIN organization v ON v.id = d.via_id
              WHERE (?1 IS NULL OR m.key = ?1) AND (?2 IS NULL OR coalesce(o.key, p.key) = ?2)",
            args![material, to],
            |r| {
                Ok(Distribution {
                    material: r.get(0)?,
                    to: r.get(1)?,
                    via: r.get(2)?,
                    due: r.get(3)?,
                    progress: Progress { status: r.get(4)?, done_on: r.get(5)?, note: r.get(6)? },
                    acknowledged_on: r.get(7)?,
                })
            },
            |d| {
                plan.distributions.insert((d.material.clone(), d.to.clone()), d);
                if plan.distributions.len() == PART {
                    part_read(&mut plan);
                }
            },
        )?;
    }
    part_read(&mut plan);
    if let Some(key) = want(Family::Action) {
        super::actions_results::load_actions(tx, &mut plan, key)?;
    }
    part_read(&mut plan);
    if let Some(key) = want(Family::Result) {
        super::actions_results::load_results(tx, &mut plan, key)?;
    }

    part_read(&mut plan);
    if only.is_none() {
        plan.glossary = load_glossary(tx)?;
    }
    Ok(plan)
}

/// Makes each row of a query into a `T` with `make` and hands it to `put`, one at a time: no
/// list of every row is held.
fn for_rows<T>(
    tx: &Tx,
    sql: &str,
    params: &[&dyn crate::store::db::Param],
    mut make: impl FnMut(&crate::store::db::Row) -> Result<T>,
    mut put: impl FnMut(T),
) -> Result<()> {
    tx.each(sql, params, |r| {
        put(make(r)?);
        Ok(())
    })
}

/// The campaign's glossary, keyed by the stored value.
pub fn load_glossary(tx: &Tx) -> Result<Glossary> {
    let mut glossary = Glossary::new();
    tx.each("SELECT english, french FROM glossary", args![], |r| {
        let term = Term { english: r.get(0)?, french: r.get(1)? };
        glossary.insert(term.english.clone(), term);
        Ok(())
    })?;
    Ok(glossary)
}

/// The campaign, if the store has one yet.
pub fn load_campaign(tx: &Tx) -> Result<Option<Campaign>> {
    tx.first("SELECT name, name_fr, start, \"end\", leads FROM campaign WHERE id = 1", args![], |r| {
        let leads: String = r.get(4)?;
        Ok(Campaign {
            name: r.get(0)?,
            name_fr: r.get(1)?,
            start: r.get(2)?,
            end: r.get(3)?,
            leads: serde_json::from_str(&leads)
                .map_err(|e| Error::Fault(super::Fault::BadValue { column: 4, detail: format!("campaign leads: {e}") }))?,
        })
    })
}

/// Writes `changes` (in their order) and journals each one, inside the caller's transaction.
pub fn apply(tx: &Tx, changes: &[Change], actor: &Actor, written: &dyn Fn(usize, usize)) -> Result<()> {
    let mut writer = Writer::new(tx, actor, written);
    writer.expect(changes.len());
    for change in changes {
        writer.write(change)?;
    }
    writer.finish()?;
    Ok(())
}

/// Writes and journals changes one at a time, as they come, inside the caller's transaction;
/// milestone dependencies are written at the end, once every milestone they name exists.
pub struct Writer<'a, 't> {
    tx: &'a Tx<'t>,
    /// Who the journal says made the changes; `None`: the changes are not journaled (a copy).
    actor: Option<&'a Actor>,
    journal: journal::Recorder,
    /// Each written milestone, what it depends on, and whether it is new (so has none yet).
    dependencies: Vec<(String, Vec<String>, bool)>,
    written: &'a dyn Fn(usize, usize),
    total: usize,
    tally: Tally,
}

impl<'a, 't> Writer<'a, 't> {
    /// A writer telling `written(done, total)` how far it has gone (every 512 changes, and at
    /// the end).
    pub fn new(tx: &'a Tx<'t>, actor: &'a Actor, written: &'a dyn Fn(usize, usize)) -> Self {
        Writer::with(tx, Some(actor), written)
    }

    /// A writer that journals nothing: for copying a campaign whose journal is copied as it is.
    pub fn silent(tx: &'a Tx<'t>) -> Self {
        Writer::with(tx, None, &|_, _| {})
    }

    fn with(tx: &'a Tx<'t>, actor: Option<&'a Actor>, written: &'a dyn Fn(usize, usize)) -> Self {
        Writer { tx, actor, journal: journal::Recorder::default(), dependencies: Vec::new(), written, total: 0, tally: Tally::default() }
    }

    /// Says how many changes are coming, for `written`.
    pub fn expect(&mut self, total: usize) {
        self.total = total;
    }

    /// Writes and journals one change.
    pub fn write(&mut self, change: &Change) -> Result<()> {
        let tx = self.tx;
        let done = self.tally.created + self.tally.updated + self.tally.deleted;
        if done.is_multiple_of(512) {
            (self.written)(done, self.total.max(done));
        }
        if let Change::Update { before, after } = change
            && before.key() != after.key()
        {
            rename(tx, before, after)?;
        }
        match change.after() {
            Some(item) => {
                let created = matches!(change, Change::Create(_));
                upsert(tx, item, created)?;
                if let Item::Milestone(m) = item {
                    self.dependencies.push((m.key.clone(), m.depends_on.clone(), created));
                }
            }
            None => delete(tx, change.item())?,
        }
        if let Some(actor) = self.actor {
            self.journal.record(tx, actor, change)?;
        }
        self.tally.count(change.action());
        Ok(())
    }

    /// Writes the dependencies of the milestones written; returns what the changes did.
    pub fn finish(self) -> Result<Tally> {
        let tx = self.tx;
        if !self.dependencies.is_empty() {
            // Every milestone's id, read in one query however many dependencies there are.
            let mut ids: HashMap<String, i64> = HashMap::new();
            tx.each("SELECT key, id FROM milestone", args![], |r| {
                ids.insert(r.get(0)?, r.get(1)?);
                Ok(())
            })?;
            for (key, depends_on, created) in &self.dependencies {
                let Some(&milestone) = ids.get(key) else { continue };
                if !created {
                    tx.defer("DELETE FROM milestone_dependency WHERE milestone_id = ?1", args![milestone])?;
                }
                for dep in depends_on {
                    if let Some(&dep) = ids.get(dep) {
                        tx.defer("INSERT INTO milestone_dependency (milestone_id, depends_on_id) VALUES (?1, ?2)", args![milestone, dep])?;
                    }
                }
            }
        }
        let done = self.tally.created + self.tally.updated + self.tally.deleted;
        (self.written)(done, self.total.max(done));
        Ok(self.tally)
    }
}

/// The statement writing one item: an insert, and the same insert updating the row of the item's
/// key when there is one. A created item is only inserted: SQLite then needs no statement journal
/// (an upsert may update, so it may have to undo part of itself).
pub(super) struct Upsert {
    pub(super) insert: &'static str,
    pub(super) upsert: &'static str,
}

impl Upsert {
    /// The statement for an item `created` by the change, or one that may be stored already.
    pub(super) fn sql(&self, created: bool) -> &'static str {
        if created { self.insert } else { self.upsert }
    }
}

/// An [`Upsert`] from an insert and its `ON CONFLICT … DO UPDATE` clause.
macro_rules! insert_or_update {
    ($insert:literal, $on_conflict:literal) => {
        $crate::store::plan::Upsert { insert: $insert, upsert: concat!($insert, "\n ", $on_conflict) }
    };
}
pub(super) use insert_or_update;

const ORGANIZATION: Upsert = insert_or_update!(
    "INSERT INTO organization (key, name, name_fr, gov_order, jurisdiction, contact) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "ON CONFLICT (key) DO UPDATE SET name = excluded.name, name_fr = excluded.name_fr, gov_order = excluded.gov_order,
     jurisdiction = excluded.jurisdiction, contact = excluded.contact"
);

const FORUM: Upsert = insert_or_update!(
    "INSERT INTO forum (key, name, name_fr, kind, chair) VALUES (?1, ?2, ?3, ?4, ?5)",
    "ON CONFLICT (key) DO UPDATE SET name = excluded.name, name_fr = excluded.name_fr, kind = excluded.kind, chair = excluded.chair"
);

const MEETING: Upsert = insert_or_update!(
    "INSERT INTO meeting (key, forum_id, date, end_date, location, outcome, attendance_recorded)
     VALUES (?1, (SELECT id FROM forum WHERE key = ?2), ?3, ?4, ?5, ?6, ?7)",
    "ON CONFLICT (key) DO UPDATE SET forum_id = excluded.forum_id, date = excluded.date, end_date = excluded.end_date,
     location = excluded.location, outcome = excluded.outcome, attendance_recorded = excluded.attendance_recorded"
);

const AGENDA_ITEM: Upsert = insert_or_update!(
    "INSERT INTO agenda_item (meeting_id, key, topic, topic_fr, owner, status, done_on, note)
     VALUES ((SELECT id FROM meeting WHERE key = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "ON CONFLICT (meeting_id, key) DO UPDATE SET topic = excluded.topic, topic_fr = excluded.topic_fr, owner = excluded.owner,
     status = excluded.status, done_on = excluded.done_on, note = excluded.note"
);

const CHANNEL: Upsert = insert_or_update!(
    "INSERT INTO channel (key, name, name_fr, kind, organization_id, owner, due, status, done_on, note, url, lang, counterpart)
     VALUES (?1, ?2, ?3, ?4, (SELECT id FROM organization WHERE key = ?5), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    "ON CONFLICT (key) DO UPDATE SET name = excluded.name, name_fr = excluded.name_fr, kind = excluded.kind,
     organization_id = excluded.organization_id, owner = excluded.owner, due = excluded.due, status = excluded.status,
     done_on = excluded.done_on, note = excluded.note, url = excluded.url, lang = excluded.lang, counterpart = excluded.counterpart"
);

const MATERIAL: Upsert = insert_or_update!(
    "INSERT INTO material (key, title, title_fr, kind, owner, due, status, done_on, note, url, lang, counterpart)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    "ON CONFLICT (key) DO UPDATE SET title = excluded.title, title_fr = excluded.title_fr, kind = excluded.kind,
     owner = excluded.owner, due = excluded.due, status = excluded.status, done_on = excluded.done_on, note = excluded.note,
     url = excluded.url, lang = excluded.lang, counterpart = excluded.counterpart"
);

const MILESTONE: Upsert = insert_or_update!(
    "INSERT INTO milestone (key, title, title_fr, owner, due, duration_days, status, done_on, note)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "ON CONFLICT (key) DO UPDATE SET title = excluded.title, title_fr = excluded.title_fr, owner = excluded.owner,
     due = excluded.due, duration_days = excluded.duration_days, status = excluded.status, done_on = excluded.done_on,
     note = excluded.note"
);

const PERSON: Upsert = insert_or_update!(
    "INSERT INTO person (key, name, organization_id, role, email, lang, source, contact_permitted, retain_until)
     VALUES (?1, ?2, (SELECT id FROM organization WHERE key = ?3), ?4, ?5, ?6, ?7, ?8, ?9)",
    "ON CONFLICT (key) DO UPDATE SET name = excluded.name, organization_id = excluded.organization_id, role = excluded.role,
     email = excluded.email, lang = excluded.lang, source = excluded.source, contact_permitted = excluded.contact_permitted,
     retain_until = excluded.retain_until"
);

const GLOSSARY: Upsert = insert_or_update!(
    "INSERT INTO glossary (english, french) VALUES (?1, ?2)",
    "ON CONFLICT (english) DO UPDATE SET french = excluded.french"
);

/// A table's member, by keys: a member not in the store is left out. (The ids are read by one
/// subquery each rather than a join, whose plan SQLite would make again for every pair bound.)
const PAIR_FORUM_MEMBER: &str = "INSERT INTO forum_member (forum_id, organization_id)
     SELECT forum_id, organization_id FROM (SELECT (SELECT id FROM forum WHERE key = ?1) AS forum_id,
                                                   (SELECT id FROM organization WHERE key = ?2) AS organization_id) AS pair
      WHERE forum_id IS NOT NULL AND organization_id IS NOT NULL";

/// A meeting's attendee, by keys, as [`PAIR_FORUM_MEMBER`].
const PAIR_MEETING_ATTENDEE: &str = "INSERT INTO meeting_attendee (meeting_id, organization_id)
     SELECT meeting_id, organization_id FROM (SELECT (SELECT id FROM meeting WHERE key = ?1) AS meeting_id,
                                                     (SELECT id FROM organization WHERE key = ?2) AS organization_id) AS pair
      WHERE meeting_id IS NOT NULL AND organization_id IS NOT NULL";

/// Inserts `item`, or updates the row of its key. `created`: the item is new (a create), so it
/// has no rows of its own yet (no members, attendees or distribution to clear first).
fn upsert(tx: &Tx, item: &Item, created: bool) -> Result<()> {
    match item {
        Item::Campaign(c) => {
            let leads = serde_json::to_string(&c.leads)?;
            tx.defer(
                "INSERT INTO campaign (id, name, name_fr, start, \"end\", leads) VALUES (1, ?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_fr = excluded.name_fr, start = excluded.start,
                 \"end\" = excluded.\"end\", leads = excluded.leads",
                args![c.name, c.name_fr, c.start, c.end, leads],
            )?;
        }
        Item::Organization(o) => {
            tx.defer(ORGANIZATION.sql(created), args![o.key, o.name, o.name_fr, o.order, o.jurisdiction, o.contact])?;
        }
        Item::Table(t) => {
            tx.defer(FORUM.sql(created), args![t.key, t.name, t.name_fr, t.kind, t.chair])?;
            if !created {
                tx.defer("DELETE FROM forum_member WHERE forum_id = (SELECT id FROM forum WHERE key = ?1)", args![t.key])?;
            }
            for member in &t.members {
                tx.defer(PAIR_FORUM_MEMBER, args![t.key, member])?;
            }
        }
        Item::Meeting(m) => {
            tx.defer(MEETING.sql(created), args![m.key, m.table, m.date, m.end_date, m.location, m.outcome, m.attended.is_some()])?;
            if !created {
                tx.defer("DELETE FROM meeting_attendee WHERE meeting_id = (SELECT id FROM meeting WHERE key = ?1)", args![m.key])?;
            }
            for org in m.attended.iter().flatten() {
                tx.defer(PAIR_MEETING_ATTENDEE, args![m.key, org])?;
            }
        }
        Item::AgendaItem(a) => {
            let p = &a.progress;
            tx.defer(AGENDA_ITEM.sql(created), args![a.meeting, a.key, a.topic, a.topic_fr, a.owner, p.status, p.done_on, p.note])?;
        }
        Item::Channel(c) => {
            let p = &c.progress;
            tx.defer(
                CHANNEL.sql(created),
                args![
                    c.key,
                    c.name,
                    c.name_fr,
                    c.kind,
                    c.organization,
                    c.owner,
                    c.due,
                    p.status,
                    p.done_on,
                    p.note,
                    c.url,
                    c.lang,
                    c.counterpart
                ],
            )?;
        }
        Item::Material(m) => {
            let p = &m.progress;
            tx.defer(
                MATERIAL.sql(created),
                args![m.key, m.title, m.title_fr, m.kind, m.owner, m.due, p.status, p.done_on, p.note, m.url, m.lang, m.counterpart],
            )?;
        }
        Item::Milestone(m) => {
            let p = &m.progress;
            tx.defer(
                MILESTONE.sql(created),
                args![m.key, m.title, m.title_fr, m.owner, m.due, m.duration_days, p.status, p.done_on, p.note],
            )?;
        }
        Item::Person(p) => {
            tx.defer(
                PERSON.sql(created),
                args![p.key, p.name, p.organization, p.role, p.email, p.lang, p.source, p.contact_permitted, p.retain_until],
            )?;
        }
        Item::Distribution(d) => {
            let p = &d.progress;
            // Updated if it is there, else inserted: two statements that need no answer between
            // them (so that a team store receives them in a batch). A new one is only inserted.
            if !created {
                tx.defer("UPDATE distribution SET via_id = (SELECT id FROM organization WHERE key = ?3), due = ?4, status = ?5, done_on = ?6,
                            note = ?7, acknowledged_on = ?8
                      WHERE material_id = (SELECT id FROM material WHERE key = ?1)
                        AND (organization_id = (SELECT id FROM organization WHERE key = ?2) OR person_id = (SELECT id FROM person WHERE key = ?2))", args![d.material, d.to, d.via, d.due, p.status, p.done_on, p.note, d.acknowledged_on])?;
            }
            tx.defer(
                "INSERT INTO distribution (material_id, organization_id, person_id, via_id, due, status, done_on, note, acknowledged_on)
                 SELECT (SELECT id FROM material WHERE key = ?1), (SELECT id FROM organization WHERE key = ?2),
                        (SELECT id FROM person WHERE key = ?2), (SELECT id FROM organization WHERE key = ?3), ?4, ?5, ?6, ?7, ?8
                  WHERE NOT EXISTS (SELECT 1 FROM distribution
                                     WHERE material_id = (SELECT id FROM material WHERE key = ?1)
                                       AND (organization_id = (SELECT id FROM organization WHERE key = ?2)
                                            OR person_id = (SELECT id FROM person WHERE key = ?2)))",
                args![d.material, d.to, d.via, d.due, p.status, p.done_on, p.note, d.acknowledged_on],
            )?;
        }
        Item::Action(a) => super::actions_results::upsert_action(tx, a, created)?,
        Item::Result(r) => super::actions_results::upsert_result(tx, r, created)?,
        Item::Term(t) => {
            tx.defer(GLOSSARY.sql(created), args![t.english, t.french])?;
        }
    }
    Ok(())
}

/// Gives the stored row of `before` the key of `after`. Rows refer to each other by id, so every
/// reference follows; counterparts, which are keys, are updated by their own changes.
fn rename(tx: &Tx, before: &Item, after: &Item) -> Result<()> {
    let sql = match (before, after) {
        (Item::AgendaItem(b), Item::AgendaItem(a)) => {
            tx.defer(
                "UPDATE agenda_item SET meeting_id = (SELECT id FROM meeting WHERE key = ?3), key = ?4
                  WHERE meeting_id = (SELECT id FROM meeting WHERE key = ?1) AND key = ?2",
                args![b.meeting, b.key, a.meeting, a.key],
            )?;
            return Ok(());
        }
        (Item::Organization(_), _) => "UPDATE organization SET key = ?2 WHERE key = ?1",
        (Item::Table(_), _) => "UPDATE forum SET key = ?2 WHERE key = ?1",
        (Item::Meeting(_), _) => "UPDATE meeting SET key = ?2 WHERE key = ?1",
        (Item::Channel(_), _) => "UPDATE channel SET key = ?2 WHERE key = ?1",
        (Item::Material(_), _) => "UPDATE material SET key = ?2 WHERE key = ?1",
        (Item::Milestone(_), _) => "UPDATE milestone SET key = ?2 WHERE key = ?1",
        (Item::Person(_), _) => "UPDATE person SET key = ?2 WHERE key = ?1",
        (Item::Distribution(b), Item::Distribution(a)) => {
            tx.defer("UPDATE distribution SET material_id = (SELECT id FROM material WHERE key = ?3),
                        organization_id = (SELECT id FROM organization WHERE key = ?4), person_id = (SELECT id FROM person WHERE key = ?4)
                  WHERE material_id = (SELECT id FROM material WHERE key = ?1)
                    AND (organization_id = (SELECT id FROM organization WHERE key = ?2) OR person_id = (SELECT id FROM person WHERE key = ?2))", args![b.material, b.to, a.material, a.to])?;
            return Ok(());
        }
        (Item::Action(_), _) => "UPDATE action_item SET key = ?2 WHERE key = ?1",
        (Item::Result(_), _) => "UPDATE expected_result SET key = ?2 WHERE key = ?1",
        // A glossary entry is keyed by the value it translates: a new value is a new entry.
        (Item::Campaign(_) | Item::AgendaItem(_) | Item::Distribution(_) | Item::Term(_), _) => return Ok(()),
    };
    tx.defer(sql, args![before.key(), after.key()])?;
    Ok(())
}

fn delete(tx: &Tx, item: &Item) -> Result<()> {
    let (sql, key): (&str, &str) = match item {
        Item::Campaign(_) => return Ok(()),
        Item::Organization(o) => ("DELETE FROM organization WHERE key = ?1", &o.key),
        Item::Table(t) => ("DELETE FROM forum WHERE key = ?1", &t.key),
        Item::Meeting(m) => ("DELETE FROM meeting WHERE key = ?1", &m.key),
        Item::AgendaItem(a) => {
            tx.defer(
                "DELETE FROM agenda_item WHERE meeting_id = (SELECT id FROM meeting WHERE key = ?1) AND key = ?2",
                args![a.meeting, a.key],
            )?;
            return Ok(());
        }
        Item::Channel(c) => ("DELETE FROM channel WHERE key = ?1", &c.key),
        Item::Material(m) => ("DELETE FROM material WHERE key = ?1", &m.key),
        Item::Milestone(m) => ("DELETE FROM milestone WHERE key = ?1", &m.key),
        Item::Person(p) => ("DELETE FROM person WHERE key = ?1", &p.key),
        Item::Distribution(d) => {
            tx.defer("DELETE FROM distribution WHERE material_id = (SELECT id FROM material WHERE key = ?1)
                    AND (organization_id = (SELECT id FROM organization WHERE key = ?2) OR person_id = (SELECT id FROM person WHERE key = ?2))", args![d.material, d.to])?;
            return Ok(());
        }
        Item::Action(a) => ("DELETE FROM action_item WHERE key = ?1", &a.key),
        Item::Result(r) => ("DELETE FROM expected_result WHERE key = ?1", &r.key),
        Item::Term(t) => ("DELETE FROM glossary WHERE english = ?1", &t.english),
    };
    tx.defer(sql, args![key])?;
    Ok(())
}
