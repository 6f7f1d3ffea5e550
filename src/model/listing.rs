//! Items as `list` and `show` present them: typed rows per family, each with its date and state
//! as of a day, and its fields as typed cells in a fixed order (the order of the JSON fields).

use chrono::NaiveDate;
use serde::Serialize;

use super::change::Item;
use super::plan::{
    Action, Channel, Distribution, ExpectedResult, Material, Meeting, Milestone, Organization, Person, Plan, Progress, Table,
};
use super::state::assess;
use super::types::{Order, State, Status};

/// One field's value, typed so that each output writes it its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Option<&'a str>),
    Date(Option<NaiveDate>),
    /// A value of a closed set that is not one below (kinds of table, channel, material; languages).
    Choice(&'static str),
    Order(Order),
    /// An order of government that may be absent (a result about the whole campaign).
    MaybeOrder(Option<Order>),
    Status(Status),
    State(State),
    Number(i64),
    Bool(bool),
    /// A measured or target figure; absent while nothing is measured.
    Decimal(Option<f64>),
    /// Keys of other items (members, dependencies, attendees).
    Keys(&'a [String]),
    /// A list that may be absent (attendance not recorded).
    MaybeKeys(Option<&'a [String]>),
}

/// An item as listed, with its date and state as of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Listed {
    Organization(Organization),
    Table(Table),
    Meeting(Meeting),
    AgendaItem(ListedAgenda),
    Channel(ListedTracked<Channel>),
    Material(ListedTracked<Material>),
    Milestone(ListedTracked<Milestone>),
    Person(Person),
    Distribution(ListedDistribution),
    Action(ListedTracked<Action>),
    Result(ListedResult),
}

/// A distribution: its key is `MATERIAL/RECIPIENT`; its state is that of a sent item (`done`
/// on time or late against its `due`, or still to send).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedDistribution {
    pub key: String,
    #[serde(flatten)]
    pub item: Distribution,
    pub state: State,
}

/// An expected result as of a day: its measurements up to then, its latest value, and that
/// value's percent of the target (DESIGN.md, "Results").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedResult {
    #[serde(flatten)]
    pub item: ExpectedResult,
    pub value: Option<f64>,
    pub measured_on: Option<NaiveDate>,
    pub percent_of_target: Option<f64>,
}

/// A channel, material, milestone or action with its state; its progress is as of the day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedTracked<T> {
    #[serde(flatten)]
    pub item: T,
    pub state: State,
}

/// An agenda item: its key is `MEETING/ITEM`, `item` its own key, `date` its meeting's date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedAgenda {
    pub meeting: String,
    pub key: String,
    pub topic: String,
    pub topic_fr: Option<String>,
    pub owner: Option<String>,
    #[serde(flatten)]
    pub progress: Progress,
    pub item: String,
    pub date: Option<NaiveDate>,
    pub state: State,
}

fn tracked<T>(mut item: T, progress: impl Fn(&mut T) -> &mut Progress, date: Option<NaiveDate>, as_of: NaiveDate) -> ListedTracked<T> {
    let p = progress(&mut item);
    *p = p.seen_on(as_of);
    let state = assess(p.status, p.done_on, date, as_of);
    ListedTracked { item, state }
}

impl Listed {
    /// `item` as listed on `as_of`; `plan` gives an agenda item its meeting's date.
    pub fn of(item: Item, plan: &Plan, as_of: NaiveDate) -> Option<Listed> {
        Some(match item {
            Item::Campaign(_) | Item::Term(_) => return None,
            Item::Organization(o) => Listed::Organization(o),
            Item::Table(t) => Listed::Table(t),
            Item::Meeting(m) => Listed::Meeting(m),
            Item::AgendaItem(a) => {
                let date = plan.meeting_date(&a.meeting);
                let progress = a.progress.seen_on(as_of);
                let state = assess(progress.status, progress.done_on, date, as_of);
                Listed::AgendaItem(ListedAgenda {
                    key: a.reference(),
                    item: a.key,
                    meeting: a.meeting,
                    topic: a.topic,
                    topic_fr: a.topic_fr,
                    owner: a.owner,
                    progress,
                    date,
                    state,
                })
            }
            Item::Channel(c) => {
                let due = c.due;
                Listed::Channel(tracked(c, |c| &mut c.progress, due, as_of))
            }
            Item::Material(m) => {
                let due = m.due;
                Listed::Material(tracked(m, |m| &mut m.progress, due, as_of))
            }
            Item::Milestone(m) => {
                let due = Some(m.due);
                Listed::Milestone(tracked(m, |m| &mut m.progress, due, as_of))
            }
            Item::Person(p) => Listed::Person(p),
            Item::Distribution(mut d) => {
                // An acknowledgement after as-of had not happened yet.
                d.acknowledged_on = d.acknowledged_on.filter(|on| *on <= as_of);
                let due = d.due;
                let key = d.reference();
                let ListedTracked { item, state } = tracked(d, |d| &mut d.progress, due, as_of);
                Listed::Distribution(ListedDistribution { key, item, state })
            }
            Item::Action(a) => {
                let due = a.due;
                Listed::Action(tracked(a, |a| &mut a.progress, due, as_of))
            }
            Item::Result(mut r) => {
                let row = super::results::ResultRow::of(&r, as_of);
                r.measures = row.trend;
                Listed::Result(ListedResult {
                    item: r,
                    value: row.value,
                    measured_on: row.measured_on,
                    percent_of_target: row.percent_of_target,
                })
            }
        })
    }

    /// The state as of the day; `None` for an item that has no status.
    pub fn state(&self) -> Option<State> {
        match self {
            Listed::Organization(_) | Listed::Table(_) | Listed::Meeting(_) | Listed::Person(_) | Listed::Result(_) => None,
            Listed::AgendaItem(a) => Some(a.state),
            Listed::Distribution(d) => Some(d.state),
            Listed::Channel(c) => Some(c.state),
            Listed::Material(m) => Some(m.state),
            Listed::Milestone(m) => Some(m.state),
            Listed::Action(a) => Some(a.state),
        }
    }

    /// Every field, named as in JSON and in that order, with its typed value.
    pub fn cells(&self) -> Vec<(&'static str, Cell<'_>)> {
        use Cell::*;
        fn progress(p: &Progress) -> [(&'static str, Cell<'_>); 3] {
            [("status", Cell::Status(p.status)), ("done_on", Cell::Date(p.done_on)), ("note", Cell::Text(p.note.as_deref()))]
        }
        match self {
            Listed::Organization(o) => vec![
                ("key", Text(Some(&o.key))),
                ("name", Text(Some(&o.name))),
                ("name_fr", Text(o.name_fr.as_deref())),
                ("order", Order(o.order)),
                ("jurisdiction", Text(o.jurisdiction.as_deref())),
                ("contact", Text(o.contact.as_deref())),
            ],
            Listed::Table(t) => vec![
                ("key", Text(Some(&t.key))),
                ("name", Text(Some(&t.name))),
                ("name_fr", Text(t.name_fr.as_deref())),
                ("kind", Choice(t.kind.as_str())),
                ("members", Keys(&t.members)),
                ("chair", Text(t.chair.as_deref())),
            ],
            Listed::Meeting(m) => vec![
                ("key", Text(Some(&m.key))),
                ("table", Text(Some(&m.table))),
                ("date", Date(m.date)),
                ("end_date", Date(m.end_date)),
                ("location", Text(m.location.as_deref())),
                ("attended", MaybeKeys(m.attended.as_deref())),
                ("outcome", Text(m.outcome.as_deref())),
            ],
            Listed::AgendaItem(a) => {
                let mut cells = vec![
                    ("meeting", Text(Some(&a.meeting))),
                    ("key", Text(Some(&a.key))),
                    ("topic", Text(Some(&a.topic))),
                    ("topic_fr", Text(a.topic_fr.as_deref())),
                    ("owner", Text(a.owner.as_deref())),
                ];
                cells.extend(progress(&a.progress));
                cells.extend([("item", Text(Some(&a.item))), ("date", Date(a.date)), ("state", State(a.state))]);
                cells
            }
            Listed::Channel(l) => {
                let c = &l.item;
                let mut cells = vec![
                    ("key", Text(Some(&c.key))),
                    ("name", Text(Some(&c.name))),
                    ("name_fr", Text(c.name_fr.as_deref())),
                    ("kind", Choice(c.kind.as_str())),
                    ("organization", Text(c.organization.as_deref())),
                    ("owner", Text(c.owner.as_deref())),
                    ("due", Date(c.due)),
                ];
                cells.extend(progress(&c.progress));
                cells.extend([
                    ("url", Text(c.url.as_deref())),
                    ("lang", Choice(c.lang.as_str())),
                    ("counterpart", Text(c.counterpart.as_deref())),
                    ("state", State(l.state)),
                ]);
                cells
            }
            Listed::Material(l) => {
                let m = &l.item;
                let mut cells = vec![
                    ("key", Text(Some(&m.key))),
                    ("title", Text(Some(&m.title))),
                    ("title_fr", Text(m.title_fr.as_deref())),
                    ("kind", Choice(m.kind.as_str())),
                    ("owner", Text(m.owner.as_deref())),
                    ("due", Date(m.due)),
                ];
                cells.extend(progress(&m.progress));
                cells.extend([
                    ("url", Text(m.url.as_deref())),
                    ("lang", Choice(m.lang.as_str())),
                    ("counterpart", Text(m.counterpart.as_deref())),
                    ("state", State(l.state)),
                ]);
                cells
            }
            Listed::Milestone(l) => {
                let m = &l.item;
                let mut cells = vec![
                    ("key", Text(Some(&m.key))),
                    ("title", Text(Some(&m.title))),
                    ("title_fr", Text(m.title_fr.as_deref())),
                    ("owner", Text(m.owner.as_deref())),
                    ("due", Date(Some(m.due))),
                    ("duration_days", Number(m.duration_days)),
                    ("depends_on", Keys(&m.depends_on)),
                ];
                cells.extend(progress(&m.progress));
                cells.push(("state", State(l.state)));
                cells
            }
            Listed::Person(p) => vec![
                ("key", Text(Some(&p.key))),
                ("name", Text(Some(&p.name))),
                ("organization", Text(Some(&p.organization))),
                ("role", Text(p.role.as_deref())),
                ("email", Text(p.email.as_deref())),
                ("lang", Choice(p.lang.map_or("", |l| l.as_str()))),
                ("source", Text(p.source.as_deref())),
                ("contact_permitted", Bool(p.contact_permitted)),
                ("retain_until", Date(p.retain_until)),
            ],
            Listed::Distribution(l) => {
                let d = &l.item;
                let mut cells = vec![
                    ("key", Text(Some(&l.key))),
                    ("material", Text(Some(&d.material))),
                    ("to", Text(Some(&d.to))),
                    ("via", Text(d.via.as_deref())),
                    ("due", Date(d.due)),
                ];
                cells.extend(progress(&d.progress));
                cells.extend([("acknowledged_on", Date(d.acknowledged_on)), ("state", State(l.state))]);
                cells
            }
            Listed::Action(l) => {
                let a = &l.item;
                let mut cells = vec![
                    ("key", Text(Some(&a.key))),
                    ("title", Text(Some(&a.title))),
                    ("title_fr", Text(a.title_fr.as_deref())),
                    ("owner", Text(a.owner.as_deref())),
                    ("due", Date(a.due)),
                    ("meeting", Text(a.meeting.as_deref())),
                ];
                cells.extend(progress(&a.progress));
                cells.push(("state", State(l.state)));
                cells
            }
            Listed::Result(l) => {
                let r = &l.item;
                vec![
                    ("key", Text(Some(&r.key))),
                    ("title", Text(Some(&r.title))),
                    ("title_fr", Text(r.title_fr.as_deref())),
                    ("order", MaybeOrder(r.order)),
                    ("target", Decimal(Some(r.target))),
                    ("unit", Text(r.unit.as_deref())),
                    ("due", Date(r.due)),
                    ("note", Text(r.note.as_deref())),
                    ("value", Decimal(l.value)),
                    ("measured_on", Date(l.measured_on)),
                    ("percent_of_target", Decimal(l.percent_of_target)),
                ]
            }
        }
    }

    /// The French version of a name or title field (`name` → `name_fr`), if the item has one.
    pub fn french(&self, field: &str) -> Option<&str> {
        match (self, field) {
            (Listed::Organization(o), "name") => o.name_fr.as_deref(),
            (Listed::Table(t), "name") => t.name_fr.as_deref(),
            (Listed::AgendaItem(a), "topic") => a.topic_fr.as_deref(),
            (Listed::Channel(c), "name") => c.item.name_fr.as_deref(),
            (Listed::Material(m), "title") => m.item.title_fr.as_deref(),
            (Listed::Milestone(m), "title") => m.item.title_fr.as_deref(),
            (Listed::Action(a), "title") => a.item.title_fr.as_deref(),
            (Listed::Result(r), "title") => r.item.title_fr.as_deref(),
            _ => None,
        }
    }
}
