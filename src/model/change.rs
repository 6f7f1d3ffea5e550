//! One item of any family, and one change to it: what commands decide, the store writes and
//! the journal records.

use chrono::NaiveDate;
use serde::Serialize;

use super::glossary::Term;
use super::item::Head;
use super::plan::{
    Action as FollowUp, AgendaItem, Campaign, Channel, Distribution, ExpectedResult, Material, Meeting, Milestone, Organization, Person,
    Progress, Table,
};
use super::types::Family;

/// What a journal row is about: the campaign itself, or an item of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Campaign,
    /// An entry of the glossary (its key is the stored value it translates).
    Glossary,
    Item(Family),
}

impl Subject {
    /// The spelling the journal's `kind` column holds: `campaign`, or the family's.
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Campaign => "campaign",
            Subject::Glossary => "glossary",
            Subject::Item(f) => f.as_str(),
        }
    }

    /// Reads a journal `kind`; `None` for a spelling engage never writes.
    pub fn parse(text: &str) -> Option<Subject> {
        match text {
            "campaign" => Some(Subject::Campaign),
            "glossary" => Some(Subject::Glossary),
            _ => Family::parse(text).map(Subject::Item),
        }
    }
}

impl From<Family> for Subject {
    fn from(family: Family) -> Subject {
        Subject::Item(family)
    }
}

/// One item of any family (or the campaign), as the journal records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Item {
    Campaign(Campaign),
    Organization(Organization),
    Table(Table),
    Meeting(Meeting),
    AgendaItem(AgendaItem),
    Channel(Channel),
    Material(Material),
    Milestone(Milestone),
    Person(Person),
    Distribution(Distribution),
    Action(FollowUp),
    Result(ExpectedResult),
    Term(Term),
}

impl Item {
    /// What the item is: the campaign or its family.
    pub fn subject(&self) -> Subject {
        match self {
            Item::Campaign(_) => Subject::Campaign,
            Item::Organization(_) => Subject::Item(Family::Organization),
            Item::Table(_) => Subject::Item(Family::Table),
            Item::Meeting(_) => Subject::Item(Family::Meeting),
            Item::AgendaItem(_) => Subject::Item(Family::AgendaItem),
            Item::Channel(_) => Subject::Item(Family::Channel),
            Item::Material(_) => Subject::Item(Family::Material),
            Item::Milestone(_) => Subject::Item(Family::Milestone),
            Item::Person(_) => Subject::Item(Family::Person),
            Item::Distribution(_) => Subject::Item(Family::Distribution),
            Item::Action(_) => Subject::Item(Family::Action),
            Item::Result(_) => Subject::Item(Family::Result),
            Item::Term(_) => Subject::Glossary,
        }
    }

    /// The key users type (`MEETING/ITEM` for an agenda item; `campaign` for the campaign).
    pub fn key(&self) -> String {
        match self {
            Item::Campaign(_) => "campaign".into(),
            Item::Organization(i) => i.key.clone(),
            Item::Table(i) => i.key.clone(),
            Item::Meeting(i) => i.key.clone(),
            Item::AgendaItem(i) => i.reference(),
            Item::Channel(i) => i.key.clone(),
            Item::Material(i) => i.key.clone(),
            Item::Milestone(i) => i.key.clone(),
            Item::Person(i) => i.key.clone(),
            Item::Distribution(i) => i.reference(),
            Item::Action(i) => i.key.clone(),
            Item::Result(i) => i.key.clone(),
            Item::Term(t) => t.english.clone(),
        }
    }

    /// The recorded progress of a trackable item; `None` for the others.
    pub fn progress(&self) -> Option<&Progress> {
        match self {
            Item::AgendaItem(i) => Some(&i.progress),
            Item::Channel(i) => Some(&i.progress),
            Item::Material(i) => Some(&i.progress),
            Item::Milestone(i) => Some(&i.progress),
            Item::Distribution(i) => Some(&i.progress),
            Item::Action(i) => Some(&i.progress),
            Item::Campaign(_)
            | Item::Organization(_)
            | Item::Table(_)
            | Item::Meeting(_)
            | Item::Person(_)
            | Item::Result(_)
            | Item::Term(_) => None,
        }
    }

    /// The recorded progress of a trackable item, to change it; `None` for the others.
    pub fn progress_mut(&mut self) -> Option<&mut Progress> {
        match self {
            Item::AgendaItem(i) => Some(&mut i.progress),
            Item::Channel(i) => Some(&mut i.progress),
            Item::Material(i) => Some(&mut i.progress),
            Item::Milestone(i) => Some(&mut i.progress),
            Item::Distribution(i) => Some(&mut i.progress),
            Item::Action(i) => Some(&mut i.progress),
            Item::Campaign(_)
            | Item::Organization(_)
            | Item::Table(_)
            | Item::Meeting(_)
            | Item::Person(_)
            | Item::Result(_)
            | Item::Term(_) => None,
        }
    }

    /// The item's date (DESIGN.md, "Status and state"): its `due` date, a meeting's date, and for
    /// an agenda item its meeting's date, which the caller gives (`meeting_date`).
    pub fn date(&self, meeting_date: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            Item::Campaign(c) => Some(c.end),
            Item::Organization(_) | Item::Table(_) | Item::Person(_) | Item::Term(_) => None,
            Item::Meeting(m) => m.date,
            Item::AgendaItem(_) => meeting_date,
            Item::Channel(c) => c.due,
            Item::Material(m) => m.due,
            Item::Milestone(m) => Some(m.due),
            Item::Distribution(d) => d.due,
            Item::Action(a) => a.due,
            Item::Result(r) => r.due,
        }
    }

    /// Every date the item holds (dates, due dates, done dates).
    pub fn dates(&self) -> Vec<NaiveDate> {
        let done = self.progress().and_then(|p| p.done_on);
        let mut dates: Vec<NaiveDate> = match self {
            Item::Campaign(c) => c.start.into_iter().chain([c.end]).collect(),
            Item::Organization(_) | Item::Table(_) | Item::AgendaItem(_) | Item::Term(_) => Vec::new(),
            Item::Meeting(m) => [m.date, m.end_date].into_iter().flatten().collect(),
            Item::Channel(c) => c.due.into_iter().collect(),
            Item::Material(m) => m.due.into_iter().collect(),
            Item::Milestone(m) => vec![m.due],
            Item::Person(p) => p.retain_until.into_iter().collect(),
            Item::Distribution(d) => [d.due, d.acknowledged_on].into_iter().flatten().collect(),
            Item::Action(a) => a.due.into_iter().collect(),
            Item::Result(r) => r.due.into_iter().chain(r.measures.iter().map(|m| m.on)).collect(),
        };
        dates.extend(done);
        dates
    }

    /// The dated head that states are computed from (`None` for an item that has no family).
    pub fn head(&self, meeting_date: Option<NaiveDate>) -> Option<Head> {
        let Subject::Item(family) = self.subject() else { return None };
        let progress = self.progress();
        Some(Head {
            kind: family,
            date: self.date(meeting_date),
            status: progress.map(|p| p.status),
            done_on: progress.and_then(|p| p.done_on),
        })
    }
}

impl super::plan::Plan {
    /// The item of `family` with `key` (`MEETING/ITEM` for an agenda item), if there is one.
    pub fn item(&self, family: Family, key: &str) -> Option<Item> {
        match family {
            Family::Organization => self.organizations.get(key).cloned().map(Item::Organization),
            Family::Table => self.tables.get(key).cloned().map(Item::Table),
            Family::Meeting => self.meetings.get(key).cloned().map(Item::Meeting),
            Family::AgendaItem => {
                let (m, i) = key.split_once('/')?;
                self.agenda.get(&(m.to_string(), i.to_string())).cloned().map(Item::AgendaItem)
            }
            Family::Channel => self.channels.get(key).cloned().map(Item::Channel),
            Family::Material => self.materials.get(key).cloned().map(Item::Material),
            Family::Milestone => self.milestones.get(key).cloned().map(Item::Milestone),
            Family::Person => self.people.get(key).cloned().map(Item::Person),
            Family::Distribution => {
                let (m, r) = key.split_once('/')?;
                self.distributions.get(&(m.to_string(), r.to_string())).cloned().map(Item::Distribution)
            }
            Family::Action => self.actions.get(key).cloned().map(Item::Action),
            Family::Result => self.results.get(key).cloned().map(Item::Result),
        }
    }

    /// Puts `item` in the plan, replacing the one of its family and key.
    pub fn put(&mut self, item: Item) {
        match item {
            Item::Campaign(c) => self.campaign = Some(c),
            Item::Organization(o) => _ = self.organizations.insert(o.key.clone(), o),
            Item::Table(t) => _ = self.tables.insert(t.key.clone(), t),
            Item::Meeting(m) => _ = self.meetings.insert(m.key.clone(), m),
            Item::AgendaItem(a) => _ = self.agenda.insert((a.meeting.clone(), a.key.clone()), a),
            Item::Channel(c) => _ = self.channels.insert(c.key.clone(), c),
            Item::Material(m) => _ = self.materials.insert(m.key.clone(), m),
            Item::Milestone(m) => _ = self.milestones.insert(m.key.clone(), m),
            Item::Person(p) => _ = self.people.insert(p.key.clone(), p),
            Item::Distribution(d) => _ = self.distributions.insert((d.material.clone(), d.to.clone()), d),
            Item::Action(a) => _ = self.actions.insert(a.key.clone(), a),
            Item::Result(r) => _ = self.results.insert(r.key.clone(), r),
            Item::Term(t) => _ = self.glossary.insert(t.english.clone(), t),
        }
    }

    /// Every item of the plan, the campaign first, then family by family in key order.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        let c = self.campaign.iter().cloned().map(Item::Campaign);
        let o = self.organizations.values().cloned().map(Item::Organization);
        let t = self.tables.values().cloned().map(Item::Table);
        let m = self.meetings.values().cloned().map(Item::Meeting);
        let a = self.agenda.values().cloned().map(Item::AgendaItem);
        let ch = self.channels.values().cloned().map(Item::Channel);
        let ma = self.materials.values().cloned().map(Item::Material);
        let mi = self.milestones.values().cloned().map(Item::Milestone);
        let p = self.people.values().cloned().map(Item::Person);
        let d = self.distributions.values().cloned().map(Item::Distribution);
        let ac = self.actions.values().cloned().map(Item::Action);
        let r = self.results.values().cloned().map(Item::Result);
        let g = self.glossary.values().cloned().map(Item::Term);
        c.chain(o).chain(t).chain(m).chain(a).chain(ch).chain(ma).chain(mi).chain(p).chain(d).chain(ac).chain(r).chain(g)
    }

    /// The date of the meeting `key`, for its agenda items.
    pub fn meeting_date(&self, key: &str) -> Option<NaiveDate> {
        self.meetings.get(key).and_then(|m| m.date)
    }
}

/// What a change does; spelled `create`, `update`, `delete` in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }

    /// Reads a journal `action`; `None` for a spelling engage never writes.
    pub fn parse(text: &str) -> Option<Action> {
        match text {
            "create" => Some(Action::Create),
            "update" => Some(Action::Update),
            "delete" => Some(Action::Delete),
            _ => None,
        }
    }
}

/// A change to one item: created, updated (a rename is an update whose key changes) or deleted.
// An update holds two items where the others hold one; boxing them would cost an allocation per
// change of a 100,000-item plan apply to save memory on a short-lived list.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Create(Item),
    Update { before: Item, after: Item },
    Delete(Item),
}

impl Change {
    pub fn action(&self) -> Action {
        match self {
            Change::Create(_) => Action::Create,
            Change::Update { .. } => Action::Update,
            Change::Delete(_) => Action::Delete,
        }
    }

    /// The item the change is about: as it is after the change, or as it was before a deletion.
    pub fn item(&self) -> &Item {
        match self {
            Change::Create(i) | Change::Delete(i) => i,
            Change::Update { after, .. } => after,
        }
    }

    /// The item before the change; `None` for a creation.
    pub fn before(&self) -> Option<&Item> {
        match self {
            Change::Create(_) => None,
            Change::Update { before, .. } => Some(before),
            Change::Delete(i) => Some(i),
        }
    }

    /// The item after the change; `None` for a deletion.
    pub fn after(&self) -> Option<&Item> {
        match self {
            Change::Create(i) => Some(i),
            Change::Update { after, .. } => Some(after),
            Change::Delete(_) => None,
        }
    }
}

/// Counts of what a set of changes does.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
}

impl Tally {
    pub fn of(changes: &[Change]) -> Tally {
        let mut t = Tally::default();
        for c in changes {
            t.count(c.action());
        }
        t
    }

    /// Counts one change that does `action`.
    pub fn count(&mut self, action: Action) {
        match action {
            Action::Create => self.created += 1,
            Action::Delete => self.deleted += 1,
            Action::Update => self.updated += 1,
        }
    }

    /// Whether no change is counted.
    pub fn is_empty(&self) -> bool {
        self.created + self.updated + self.deleted == 0
    }
}
