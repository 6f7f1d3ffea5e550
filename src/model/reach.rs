//! Reach (DESIGN.md, "Reach"): which organizations the campaign has touched, from evidence. An
//! organization is reached on the first day, on or before as-of, on which
//!
//! - an agenda item was done at a meeting it attended (a meeting's `attended` list; a meeting
//!   with no attendance recorded counts every member of its table as attending);
//! - a channel it runs was done;
//! - a distribution to it, or to one of its people, was done (sent).
//!
//! A table membership alone reaches no one.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::plan::Plan;
use super::state::seen_on;
use super::types::{Order, Status};

/// What reach is computed from: facts read from the store (or a plan), before the rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Every organization: key, name, French name, order; sorted by key.
    pub organizations: Vec<(String, String, Option<String>, Order)>,
    /// Every (table, organization) membership.
    pub members: Vec<(String, String)>,
    /// Every meeting.
    pub meetings: Vec<MeetingFacts>,
    /// Every done agenda item: its meeting and its done day.
    pub briefings: Vec<(String, NaiveDate)>,
    /// Every done channel: the organization that runs it and its done day.
    pub channels: Vec<(String, NaiveDate)>,
    /// Every distribution: the organization it reached (the recipient, or a person's organization),
    /// the material, and its status and done day.
    pub distributions: Vec<(String, String, Status, Option<NaiveDate>)>,
}

/// What reach needs of a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingFacts {
    pub key: String,
    pub table: String,
    pub date: Option<NaiveDate>,
    /// Who attended; `None`: not recorded (every member of the table counts).
    pub attended: Option<Vec<String>>,
}

/// How an organization was (or may be) reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganizationReach {
    pub key: String,
    pub name: String,
    /// Its French name, for French human output.
    #[serde(skip)]
    pub name_fr: Option<String>,
    pub order: Order,
    pub reached: bool,
    pub reached_on: Option<NaiveDate>,
    /// Meetings it attended where an agenda item was done, as of as-of.
    pub meetings: usize,
    /// Channels it runs that were done.
    pub channels: usize,
    /// Distributions sent to it or its people.
    pub distributions: usize,
    /// For one not reached yet: the next dated meeting (after as-of) of a table it belongs to.
    #[serde(skip)]
    pub next_meeting: Option<(String, NaiveDate)>,
    /// For one not reached yet: materials planned to be sent to it or its people.
    #[serde(skip)]
    pub planned: Vec<String>,
}

/// Reach within one order of government.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrderReach {
    pub order: Order,
    pub reached: usize,
    pub total: usize,
    /// Keys of the organizations not reached yet, sorted.
    pub not_reached: Vec<String>,
}

/// Every organization's reach as of `as_of` (progress recorded after it does not count), by key.
pub fn organizations(facts: &Facts, as_of: NaiveDate) -> Vec<OrganizationReach> {
    let mut touched =
        Touched { known: facts.organizations.iter().map(|(k, ..)| k.as_str()).collect(), first: HashMap::new(), counts: HashMap::new() };
    // The first day an agenda item was done at each meeting, as of as-of.
    let mut briefed: HashMap<&str, NaiveDate> = HashMap::new();
    for (meeting, on) in facts.briefings.iter().filter(|(_, on)| *on <= as_of) {
        briefed.entry(meeting).and_modify(|d| *d = (*d).min(*on)).or_insert(*on);
    }
    let mut by_table: HashMap<&str, Vec<&str>> = HashMap::new();
    for (table, org) in &facts.members {
        by_table.entry(table).or_default().push(org);
    }
    for m in &facts.meetings {
        let Some(on) = briefed.get(m.key.as_str()) else { continue };
        let present: Vec<&str> = match &m.attended {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => by_table.get(m.table.as_str()).cloned().unwrap_or_default(),
        };
        for org in present {
            touched.touch(org, *on, 0);
        }
    }
    for (org, on) in facts.channels.iter().filter(|(_, on)| *on <= as_of) {
        touched.touch(org, *on, 1);
    }
    for (org, _, status, done_on) in &facts.distributions {
        if let (Status::Done, Some(on)) = seen_on(*status, *done_on, as_of) {
            touched.touch(org, on, 2);
        }
    }
    let ahead = Ahead::new(facts, as_of);
    facts
        .organizations
        .iter()
        .map(|(key, name, name_fr, order)| {
            let reached_on = touched.first.get(key.as_str()).copied();
            let [meetings, channels, distributions] = touched.counts.get(key.as_str()).copied().unwrap_or_default();
            let (next_meeting, planned) = if reached_on.is_some() { (None, Vec::new()) } else { ahead.of(key) };
            OrganizationReach {
                key: key.clone(),
                name: name.clone(),
                name_fr: name_fr.clone(),
                order: *order,
                reached: reached_on.is_some(),
                reached_on,
                meetings,
                channels,
                distributions,
                next_meeting,
                planned,
            }
        })
        .collect()
}

/// What touched each organization: the first day, and how many times by each route (meetings,
/// channels, distributions).
struct Touched<'a> {
    known: std::collections::HashSet<&'a str>,
    first: HashMap<&'a str, NaiveDate>,
    counts: HashMap<&'a str, [usize; 3]>,
}

impl<'a> Touched<'a> {
    fn touch(&mut self, org: &str, on: NaiveDate, route: usize) {
        let Some(key) = self.known.get(org).copied() else { return };
        self.first.entry(key).and_modify(|d| *d = (*d).min(on)).or_insert(on);
        self.counts.entry(key).or_default()[route] += 1;
    }
}

/// What is ahead for organizations not reached yet, worked out once for all of them (per
/// organization it would mean reading every membership, meeting and distribution again).
struct Ahead<'a> {
    /// The tables each organization sits at.
    tables: HashMap<&'a str, Vec<&'a str>>,
    /// Each table's first meeting after as-of: its day and key (the earliest, then the first key).
    next_at: HashMap<&'a str, (NaiveDate, &'a str)>,
    /// The materials of each organization's distributions still open as of as-of.
    planned: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Ahead<'a> {
    fn new(facts: &'a Facts, as_of: NaiveDate) -> Self {
        let mut tables: HashMap<&str, Vec<&str>> = HashMap::new();
        for (table, org) in &facts.members {
            tables.entry(org.as_str()).or_default().push(table.as_str());
        }
        let mut next_at: HashMap<&str, (NaiveDate, &str)> = HashMap::new();
        for m in &facts.meetings {
            let Some(day) = m.date.filter(|d| *d > as_of) else { continue };
            let next = next_at.entry(m.table.as_str()).or_insert((day, m.key.as_str()));
            *next = (*next).min((day, m.key.as_str()));
        }
        let mut planned: HashMap<&str, Vec<&str>> = HashMap::new();
        for (org, material, status, done_on) in &facts.distributions {
            if seen_on(*status, *done_on, as_of).0.is_open() {
                planned.entry(org.as_str()).or_default().push(material.as_str());
            }
        }
        Ahead { tables, next_at, planned }
    }

    /// The next meeting (key, day) of a table `org` sits at, and the materials planned for it,
    /// sorted, once each.
    fn of(&self, org: &str) -> (Option<(String, NaiveDate)>, Vec<String>) {
        let tables = self.tables.get(org).map(Vec::as_slice).unwrap_or_default();
        let next = tables.iter().filter_map(|t| self.next_at.get(t)).min().map(|(day, key)| (key.to_string(), *day));
        let mut planned: Vec<String> = self.planned.get(org).into_iter().flatten().map(|m| m.to_string()).collect();
        planned.sort();
        planned.dedup();
        (next, planned)
    }
}

/// Reach per order, in the order of [`Order::ALL`], listing only orders that have organizations.
pub fn by_order(organizations: &[OrganizationReach]) -> Vec<OrderReach> {
    let mut by_order: BTreeMap<Order, OrderReach> = BTreeMap::new();
    for o in organizations {
        let entry = by_order.entry(o.order).or_insert_with(|| OrderReach { order: o.order, reached: 0, total: 0, not_reached: Vec::new() });
        entry.total += 1;
        if o.reached {
            entry.reached += 1;
        } else {
            entry.not_reached.push(o.key.clone());
        }
    }
    by_order
        .into_values()
        .map(|mut r| {
            r.not_reached.sort();
            r
        })
        .collect()
}

/// The facts of reach, read from a whole plan.
pub fn facts(plan: &Plan) -> Facts {
    let org_of = |to: &str| {
        if plan.organizations.contains_key(to) { Some(to.to_string()) } else { plan.people.get(to).map(|p| p.organization.clone()) }
    };
    Facts {
        organizations: plan.organizations.values().map(|o| (o.key.clone(), o.name.clone(), o.name_fr.clone(), o.order)).collect(),
        members: plan.tables.values().flat_map(|t| t.members.iter().map(|m| (t.key.clone(), m.clone()))).collect(),
        meetings: plan
            .meetings
            .values()
            .map(|m| MeetingFacts { key: m.key.clone(), table: m.table.clone(), date: m.date, attended: m.attended.clone() })
            .collect(),
        briefings: plan
            .agenda
            .values()
            .filter(|a| a.progress.status == Status::Done)
            .filter_map(|a| a.progress.done_on.map(|d| (a.meeting.clone(), d)))
            .collect(),
        channels: plan
            .channels
            .values()
            .filter(|c| c.progress.status == Status::Done)
            .filter_map(|c| Some((c.organization.clone()?, c.progress.done_on?)))
            .collect(),
        distributions: plan
            .distributions
            .values()
            .filter_map(|d| Some((org_of(&d.to)?, d.material.clone(), d.progress.status, d.progress.done_on)))
            .collect(),
    }
}

/// Whether `org`, or one of its people, has received `material` (or its counterpart in the other
/// language) by the end of `as_of`.
pub fn has_received(plan: &Plan, material: &str, org: &str, as_of: NaiveDate) -> bool {
    let counterpart = plan.materials.get(material).and_then(|m| m.counterpart.as_deref());
    plan.distributions.values().any(|d| {
        (d.material == material || Some(d.material.as_str()) == counterpart)
            && (d.to == org || plan.people.get(&d.to).is_some_and(|p| p.organization == org))
            && seen_on(d.progress.status, d.progress.done_on, as_of).0 == Status::Done
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn meeting(key: &str, table: &str, date: Option<&str>, attended: Option<&[&str]>) -> MeetingFacts {
        MeetingFacts {
            key: key.into(),
            table: table.into(),
            date: date.map(d),
            attended: attended.map(|a| a.iter().map(|o| o.to_string()).collect()),
        }
    }

    /// (organization, reached on, meetings, channels, distributions).
    type Expected<'a> = (&'a str, Option<&'a str>, usize, usize, usize);

    fn facts() -> Facts {
        let org = |k: &str, o| (k.to_string(), k.to_uppercase(), None, o);
        Facts {
            organizations: vec![
                org("city", Order::Municipal),
                org("fed", Order::Federal),
                org("ind", Order::Indigenous),
                org("prov", Order::Provincial),
                org("terr", Order::Territorial),
            ],
            members: [("council", "fed"), ("council", "prov"), ("mayors", "city"), ("mayors", "ind"), ("mayors", "terr")]
                .iter()
                .map(|(t, o)| (t.to_string(), o.to_string()))
                .collect(),
            meetings: vec![
                // Attendance not recorded: every member of the council counts.
                meeting("council-mar", "council", Some("2030-03-15"), None),
                // Only the city attended the mayors' meeting.
                meeting("mayors-apr", "mayors", Some("2030-04-01"), Some(&["city"])),
                meeting("mayors-jun", "mayors", Some("2030-06-01"), None),
                meeting("mayors-next", "mayors", None, None),
            ],
            briefings: vec![("council-mar".into(), d("2030-03-15")), ("mayors-apr".into(), d("2030-04-02"))],
            channels: vec![("terr".into(), d("2030-05-01"))],
            distributions: vec![
                ("ind".into(), "guide".into(), Status::Done, Some(d("2030-04-20"))),
                ("terr".into(), "guide".into(), Status::Planned, None),
            ],
        }
    }

    /// (org, reached on, meetings, channels, distributions) for each case of the rule.
    #[test]
    fn the_rule_case_by_case() {
        let cases: &[(&str, &[Expected])] = &[
            // Before anything was done: nobody, whatever the memberships.
            (
                "2030-03-14",
                &[
                    ("city", None, 0, 0, 0),
                    ("fed", None, 0, 0, 0),
                    ("ind", None, 0, 0, 0),
                    ("prov", None, 0, 0, 0),
                    ("terr", None, 0, 0, 0),
                ],
            ),
            // A briefing at a meeting with no attendance recorded reaches every member.
            (
                "2030-03-15",
                &[
                    ("city", None, 0, 0, 0),
                    ("fed", Some("2030-03-15"), 1, 0, 0),
                    ("ind", None, 0, 0, 0),
                    ("prov", Some("2030-03-15"), 1, 0, 0),
                    ("terr", None, 0, 0, 0),
                ],
            ),
            // Recorded attendance reaches who attended only; a distribution, a channel reach too.
            (
                "2030-05-01",
                &[
                    ("city", Some("2030-04-02"), 1, 0, 0),
                    ("fed", Some("2030-03-15"), 1, 0, 0),
                    ("ind", Some("2030-04-20"), 0, 0, 1),
                    ("prov", Some("2030-03-15"), 1, 0, 0),
                    ("terr", Some("2030-05-01"), 0, 1, 0),
                ],
            ),
        ];
        for (as_of, want) in cases {
            let got = organizations(&facts(), d(as_of));
            let got: Vec<(&str, Option<NaiveDate>, usize, usize, usize)> =
                got.iter().map(|o| (o.key.as_str(), o.reached_on, o.meetings, o.channels, o.distributions)).collect();
            let want: Vec<(&str, Option<NaiveDate>, usize, usize, usize)> =
                want.iter().map(|(k, on, m, c, di)| (*k, on.map(d), *m, *c, *di)).collect();
            assert_eq!(got, want, "as of {as_of}");
        }
    }

    #[test]
    fn the_next_opportunity_for_those_not_reached() {
        let got = organizations(&facts(), d("2030-04-10"));
        let terr = got.iter().find(|o| o.key == "terr").unwrap();
        assert_eq!(terr.next_meeting, Some(("mayors-jun".to_string(), d("2030-06-01"))), "the next dated meeting of its table");
        assert_eq!(terr.planned, vec!["guide"]);
        let fed = got.iter().find(|o| o.key == "fed").unwrap();
        assert_eq!((fed.next_meeting.clone(), fed.planned.len()), (None, 0), "reached: no opportunity listed");
    }

    #[test]
    fn per_order() {
        let got = by_order(&organizations(&facts(), d("2030-03-15")));
        let summary: Vec<(Order, usize, usize)> = got.iter().map(|r| (r.order, r.reached, r.total)).collect();
        assert_eq!(
            summary,
            vec![
                (Order::Federal, 1, 1),
                (Order::Provincial, 1, 1),
                (Order::Territorial, 0, 1),
                (Order::Indigenous, 0, 1),
                (Order::Municipal, 0, 1)
            ]
        );
        assert_eq!(got[4].not_reached, vec!["city"]);
    }
}
