//! A campaign's whole plan and record as plain data: what a plan file holds, what the store
//! holds, and what `plan apply` compares. Items are kept in maps sorted by key, so that every
//! walk over a plan is deterministic.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::types::{ChannelKind, Lang, MaterialKind, Order, Status, TableKind};

/// The campaign itself: one per store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Campaign {
    pub name: String,
    pub name_fr: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: NaiveDate,
    pub leads: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organization {
    pub key: String,
    pub name: String,
    pub name_fr: Option<String>,
    pub order: Order,
    pub jurisdiction: Option<String>,
    pub contact: Option<String>,
}

/// A standing forum and its member organizations (keys, sorted).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub key: String,
    pub name: String,
    pub name_fr: Option<String>,
    pub kind: TableKind,
    pub members: Vec<String>,
    pub chair: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub key: String,
    pub table: String,
    /// `None` while the meeting is only requested (« pour une prochaine réunion »): its agenda
    /// items are then unscheduled.
    pub date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub location: Option<String>,
    /// The organizations that attended, sorted; `None` while attendance is not recorded (then
    /// every member of the table counts as attending), `Some(empty)` when nobody came.
    pub attended: Option<Vec<String>>,
    /// What was decided (free text).
    pub outcome: Option<String>,
}

/// What every trackable item records about its progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub status: Status,
    pub done_on: Option<NaiveDate>,
    pub note: Option<String>,
}

impl Progress {
    /// The progress as it stood at the end of `as_of` ([`super::state::seen_on`]); a note is kept.
    pub fn seen_on(&self, as_of: NaiveDate) -> Progress {
        let (status, done_on) = super::state::seen_on(self.status, self.done_on, as_of);
        Progress { status, done_on, note: self.note.clone() }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress { status: Status::Planned, done_on: None, note: None }
    }
}

/// One item on a meeting's agenda; referred to as `MEETING/ITEM`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    pub meeting: String,
    pub key: String,
    pub topic: String,
    pub topic_fr: Option<String>,
    pub owner: Option<String>,
    #[serde(flatten)]
    pub progress: Progress,
}

impl AgendaItem {
    /// The reference users type: `MEETING/ITEM`.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.meeting, self.key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Channel {
    pub key: String,
    pub name: String,
    pub name_fr: Option<String>,
    pub kind: ChannelKind,
    pub organization: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    #[serde(flatten)]
    pub progress: Progress,
    pub url: Option<String>,
    pub lang: Lang,
    pub counterpart: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Material {
    pub key: String,
    pub title: String,
    pub title_fr: Option<String>,
    pub kind: MaterialKind,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    #[serde(flatten)]
    pub progress: Progress,
    pub url: Option<String>,
    pub lang: Lang,
    pub counterpart: Option<String>,
}

/// A critical-path milestone; `depends_on` holds milestone keys, sorted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    pub key: String,
    pub title: String,
    pub title_fr: Option<String>,
    pub owner: Option<String>,
    pub due: NaiveDate,
    pub duration_days: i64,
    pub depends_on: Vec<String>,
    #[serde(flatten)]
    pub progress: Progress,
}

/// A follow-up committed at a meeting (`meeting`, optional) or elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub key: String,
    pub title: String,
    pub title_fr: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub meeting: Option<String>,
    #[serde(flatten)]
    pub progress: Progress,
}

/// One measurement of an expected result: a day, a value and a note. A result holds at most one
/// measurement a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub on: NaiveDate,
    pub value: f64,
    pub note: Option<String>,
}

/// An expected result of the campaign made measurable: a target (> 0) in a unit, for an order of
/// government or the whole campaign, and its measurements sorted by day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExpectedResult {
    pub key: String,
    pub title: String,
    pub title_fr: Option<String>,
    pub order: Option<Order>,
    pub target: f64,
    pub unit: Option<String>,
    pub due: Option<NaiveDate>,
    pub note: Option<String>,
    pub measures: Vec<Measure>,
}

impl ExpectedResult {
    /// The latest measurement on or before `as_of` (DESIGN.md, "Results"), if any.
    pub fn latest(&self, as_of: NaiveDate) -> Option<&Measure> {
        self.measures.iter().filter(|m| m.on <= as_of).max_by_key(|m| m.on)
    }

    /// The measurements on or before `as_of`, by day.
    pub fn seen(&self, as_of: NaiveDate) -> Vec<Measure> {
        self.measures.iter().filter(|m| m.on <= as_of).cloned().collect()
    }

    /// Puts `measure` in its place by day, replacing one of the same day.
    pub fn record(&mut self, measure: Measure) {
        self.measures.retain(|m| m.on != measure.on);
        self.measures.push(measure);
        self.measures.sort_by_key(|m| m.on);
    }
}

/// A person in an organization: a recipient or contact. Their name and email are personal
/// information and appear only in the register (`person list/show`, `plan export`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub key: String,
    pub name: String,
    pub organization: String,
    pub role: Option<String>,
    pub email: Option<String>,
    /// The language to write to them in: `en` or `fr`.
    pub lang: Option<Lang>,
    /// Who identified them.
    pub source: Option<String>,
    /// `false`: nothing may be sent to them.
    pub contact_permitted: bool,
    /// After this day, `check` says they are kept too long.
    pub retain_until: Option<NaiveDate>,
}

/// One material sent (or to send) to one recipient, an organization or a person; referred to as
/// `MATERIAL/RECIPIENT`. `done` means sent, on `done_on`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distribution {
    pub material: String,
    /// An organization or person key.
    pub to: String,
    /// The organization of the member who forwarded it.
    pub via: Option<String>,
    pub due: Option<NaiveDate>,
    #[serde(flatten)]
    pub progress: Progress,
    pub acknowledged_on: Option<NaiveDate>,
}

impl Distribution {
    /// The reference users type: `MATERIAL/RECIPIENT`.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.material, self.to)
    }
}

/// A whole campaign. Agenda items are keyed by `(meeting, item)`, distributions by
/// `(material, recipient)`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub campaign: Option<Campaign>,
    pub organizations: BTreeMap<String, Organization>,
    pub tables: BTreeMap<String, Table>,
    pub meetings: BTreeMap<String, Meeting>,
    pub agenda: BTreeMap<(String, String), AgendaItem>,
    pub channels: BTreeMap<String, Channel>,
    pub materials: BTreeMap<String, Material>,
    pub milestones: BTreeMap<String, Milestone>,
    pub people: BTreeMap<String, Person>,
    pub distributions: BTreeMap<(String, String), Distribution>,
    pub actions: BTreeMap<String, Action>,
    pub results: BTreeMap<String, ExpectedResult>,
    /// The glossary: shared free-text values and their French, keyed by the stored value.
    pub glossary: super::glossary::Glossary,
}

impl Plan {
    /// How many items of every kind the plan holds (the campaign not counted).
    pub fn len(&self) -> usize {
        self.organizations.len()
            + self.tables.len()
            + self.meetings.len()
            + self.agenda.len()
            + self.channels.len()
            + self.materials.len()
            + self.milestones.len()
            + self.people.len()
            + self.distributions.len()
            + self.actions.len()
            + self.results.len()
            + self.glossary.len()
    }

    /// Whether the plan holds no item and no campaign.
    pub fn is_empty(&self) -> bool {
        self.campaign.is_none() && self.len() == 0
    }
}
