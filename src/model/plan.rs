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
    pub date: NaiveDate,
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

/// A whole campaign. Agenda items are keyed by `(meeting, item)`.
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
            + self.glossary.len()
    }

    /// Whether the plan holds no item and no campaign.
    pub fn is_empty(&self) -> bool {
        self.campaign.is_none() && self.len() == 0
    }
}
