//! What refers to an item: the references `remove` must not break and `show` lists.

use super::plan::Plan;
use super::types::Family;

/// One item that refers to another, and how.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Referrer {
    pub family: Family,
    /// `MEETING/ITEM` for an agenda item.
    pub key: String,
    pub how: Link,
}

/// How one item refers to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Link {
    /// A table lists the organization as a member.
    Member,
    /// A meeting records the organization as attending.
    Attended,
    /// A channel is run by the organization.
    RunBy,
    /// A meeting is a meeting of the table.
    MeetingOf,
    /// An agenda item is on the meeting's agenda.
    AgendaOf,
    /// A channel or material names the item as its counterpart.
    Counterpart,
    /// A milestone depends on the milestone.
    DependsOn,
    /// A person belongs to the organization.
    PersonOf,
    /// A distribution is sent to the organization or person.
    SentTo,
    /// A distribution was forwarded by the organization.
    Via,
    /// A distribution sends the material.
    DistributionOf,
    /// An action was committed at the meeting.
    CommittedAt,
}

/// Every item of `plan` that refers to the item `key` of `family`, sorted by family and key.
pub fn referrers(plan: &Plan, family: Family, key: &str) -> Vec<Referrer> {
    let mut out = Vec::new();
    let mut add = |family: Family, key: &str, how: Link| out.push(Referrer { family, key: key.to_string(), how });
    match family {
        Family::Organization => {
            for t in plan.tables.values().filter(|t| t.members.iter().any(|m| m == key)) {
                add(Family::Table, &t.key, Link::Member);
            }
            for m in plan.meetings.values().filter(|m| m.attended.iter().flatten().any(|o| o == key)) {
                add(Family::Meeting, &m.key, Link::Attended);
            }
            for c in plan.channels.values().filter(|c| c.organization.as_deref() == Some(key)) {
                add(Family::Channel, &c.key, Link::RunBy);
            }
            for p in plan.people.values().filter(|p| p.organization == key) {
                add(Family::Person, &p.key, Link::PersonOf);
            }
            for d in plan.distributions.values() {
                if d.to == key {
                    add(Family::Distribution, &d.reference(), Link::SentTo);
                } else if d.via.as_deref() == Some(key) {
                    add(Family::Distribution, &d.reference(), Link::Via);
                }
            }
        }
        Family::Person => {
            for d in plan.distributions.values().filter(|d| d.to == key) {
                add(Family::Distribution, &d.reference(), Link::SentTo);
            }
        }
        Family::Distribution => {}
        Family::Table => {
            for m in plan.meetings.values().filter(|m| m.table == key) {
                add(Family::Meeting, &m.key, Link::MeetingOf);
            }
        }
        Family::Meeting => {
            for a in plan.agenda.values().filter(|a| a.meeting == key) {
                add(Family::AgendaItem, &a.reference(), Link::AgendaOf);
            }
            for a in plan.actions.values().filter(|a| a.meeting.as_deref() == Some(key)) {
                add(Family::Action, &a.key, Link::CommittedAt);
            }
        }
        Family::AgendaItem | Family::Action | Family::Result => {}
        Family::Channel => {
            for c in plan.channels.values().filter(|c| c.counterpart.as_deref() == Some(key)) {
                add(Family::Channel, &c.key, Link::Counterpart);
            }
        }
        Family::Material => {
            for m in plan.materials.values().filter(|m| m.counterpart.as_deref() == Some(key)) {
                add(Family::Material, &m.key, Link::Counterpart);
            }
            for d in plan.distributions.values().filter(|d| d.material == key) {
                add(Family::Distribution, &d.reference(), Link::DistributionOf);
            }
        }
        Family::Milestone => {
            for m in plan.milestones.values().filter(|m| m.depends_on.iter().any(|d| d == key)) {
                add(Family::Milestone, &m.key, Link::DependsOn);
            }
        }
    }
    out.sort();
    out
}

/// `plan` with the item `old` of `family` renamed `new` and every reference following it.
/// The caller checks that `old` exists and `new` is free.
pub fn rename(plan: &mut Plan, family: Family, old: &str, new: &str) {
    let swap = |k: &mut String| {
        if k == old {
            *k = new.to_string();
        }
    };
    match family {
        Family::Organization => {
            if let Some(mut o) = plan.organizations.remove(old) {
                o.key = new.to_string();
                plan.organizations.insert(new.to_string(), o);
            }
            for t in plan.tables.values_mut() {
                t.members.iter_mut().for_each(swap);
                t.members.sort();
            }
            for m in plan.meetings.values_mut() {
                if let Some(a) = m.attended.as_mut() {
                    a.iter_mut().for_each(swap);
                    a.sort();
                }
            }
            for c in plan.channels.values_mut() {
                c.organization.iter_mut().for_each(swap);
            }
            plan.people.values_mut().for_each(|p| swap(&mut p.organization));
            rekey_distributions(plan, |d| {
                swap(&mut d.to);
                d.via.iter_mut().for_each(swap);
            });
        }
        Family::Person => {
            if let Some(mut p) = plan.people.remove(old) {
                p.key = new.to_string();
                plan.people.insert(new.to_string(), p);
            }
            rekey_distributions(plan, |d| swap(&mut d.to));
        }
        Family::Distribution => {
            let split = |r: &str| r.split_once('/').map(|(m, t)| (m.to_string(), t.to_string()));
            if let (Some(from), Some(to)) = (split(old), split(new))
                && let Some(mut d) = plan.distributions.remove(&from)
            {
                (d.material, d.to) = to.clone();
                plan.distributions.insert(to, d);
            }
        }
        Family::Table => {
            if let Some(mut t) = plan.tables.remove(old) {
                t.key = new.to_string();
                plan.tables.insert(new.to_string(), t);
            }
            plan.meetings.values_mut().for_each(|m| swap(&mut m.table));
        }
        Family::Meeting => {
            if let Some(mut m) = plan.meetings.remove(old) {
                m.key = new.to_string();
                plan.meetings.insert(new.to_string(), m);
            }
            let moved: Vec<_> = plan.agenda.keys().filter(|(m, _)| m == old).cloned().collect();
            for k in moved {
                if let Some(mut a) = plan.agenda.remove(&k) {
                    a.meeting = new.to_string();
                    plan.agenda.insert((new.to_string(), k.1), a);
                }
            }
            plan.actions.values_mut().for_each(|a| a.meeting.iter_mut().for_each(swap));
        }
        Family::AgendaItem => {
            let split = |r: &str| r.split_once('/').map(|(m, i)| (m.to_string(), i.to_string()));
            if let (Some(from), Some(to)) = (split(old), split(new))
                && let Some(mut a) = plan.agenda.remove(&from)
            {
                (a.meeting, a.key) = to.clone();
                plan.agenda.insert(to, a);
            }
        }
        Family::Channel => {
            if let Some(mut c) = plan.channels.remove(old) {
                c.key = new.to_string();
                plan.channels.insert(new.to_string(), c);
            }
            plan.channels.values_mut().for_each(|c| c.counterpart.iter_mut().for_each(swap));
        }
        Family::Material => {
            if let Some(mut m) = plan.materials.remove(old) {
                m.key = new.to_string();
                plan.materials.insert(new.to_string(), m);
            }
            plan.materials.values_mut().for_each(|m| m.counterpart.iter_mut().for_each(swap));
            rekey_distributions(plan, |d| swap(&mut d.material));
        }
        Family::Milestone => {
            if let Some(mut m) = plan.milestones.remove(old) {
                m.key = new.to_string();
                plan.milestones.insert(new.to_string(), m);
            }
            for m in plan.milestones.values_mut() {
                m.depends_on.iter_mut().for_each(swap);
                m.depends_on.sort();
            }
        }
        Family::Action => {
            if let Some(mut a) = plan.actions.remove(old) {
                a.key = new.to_string();
                plan.actions.insert(new.to_string(), a);
            }
        }
        Family::Result => {
            if let Some(mut r) = plan.results.remove(old) {
                r.key = new.to_string();
                plan.results.insert(new.to_string(), r);
            }
        }
    }
}

/// Applies `change` to every distribution and files each under its (possibly new) key.
fn rekey_distributions(plan: &mut Plan, mut change: impl FnMut(&mut super::plan::Distribution)) {
    let all = std::mem::take(&mut plan.distributions);
    for (_, mut d) in all {
        change(&mut d);
        plan.distributions.insert((d.material.clone(), d.to.clone()), d);
    }
}
