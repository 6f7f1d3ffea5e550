//! What applying a plan does: the rules that merge a plan file into a store's record, and the
//! list of changes between two plans that the store then writes and journals.

use std::collections::BTreeMap;

use crate::model::change::{Change, Item};
use crate::model::plan::{Action, AgendaItem, Channel, Distribution, ExpectedResult, Material, Milestone, Plan, Progress};
use crate::model::types::Status;

/// The progress to keep when a file meets a stored record. Recorded progress never moves back:
/// a stored `done` stays done unless the file says `done` too (then the file's date counts); a
/// file that says `planned` (the default) leaves any other stored status alone. A note the file
/// does not give is kept.
pub fn keep_progress(stored: &Progress, file: &Progress) -> Progress {
    let mut kept = if (stored.status == Status::Done && file.status != Status::Done)
        || (file.status == Status::Planned && stored.status != Status::Planned)
    {
        Progress { note: file.note.clone(), ..stored.clone() }
    } else {
        file.clone()
    };
    if kept.note.is_none() {
        kept.note = stored.note.clone();
    }
    kept
}

/// The measurements to keep when a file meets a stored result: the file's, and (unless `prune`)
/// the stored ones on days the file does not give. Measurements are recorded progress: a file
/// that leaves them out does not take them back.
pub fn keep_measures(stored: &ExpectedResult, file: &ExpectedResult, prune: bool) -> ExpectedResult {
    let mut kept = file.clone();
    if !prune {
        for m in stored.measures.iter().filter(|m| !file.measures.iter().any(|f| f.on == m.on)) {
            kept.record(m.clone());
        }
    }
    kept
}

/// Overlays `file` on `stored`: each item of the file replaces the stored one of its key (with
/// progress kept by [`keep_progress`], measurements by [`keep_measures`]); stored items the file
/// leaves out stay, unless `prune`.
pub fn merge(stored: &Plan, file: &Plan, prune: bool) -> Plan {
    fn overlay<K: Ord + Clone, T: Clone>(
        stored: &BTreeMap<K, T>,
        file: &BTreeMap<K, T>,
        prune: bool,
        fix: impl Fn(&T, &T) -> T,
    ) -> BTreeMap<K, T> {
        let mut out = if prune { BTreeMap::new() } else { stored.clone() };
        for (key, item) in file {
            let merged = match stored.get(key) {
                Some(old) => fix(old, item),
                None => item.clone(),
            };
            out.insert(key.clone(), merged);
        }
        out
    }
    Plan {
        campaign: file.campaign.clone().or_else(|| stored.campaign.clone()),
        organizations: overlay(&stored.organizations, &file.organizations, prune, |_, f| f.clone()),
        tables: overlay(&stored.tables, &file.tables, prune, |_, f| f.clone()),
        meetings: overlay(&stored.meetings, &file.meetings, prune, |_, f| f.clone()),
        agenda: overlay(&stored.agenda, &file.agenda, prune, |s, f| AgendaItem {
            progress: keep_progress(&s.progress, &f.progress),
            ..f.clone()
        }),
        channels: overlay(&stored.channels, &file.channels, prune, |s, f| Channel {
            progress: keep_progress(&s.progress, &f.progress),
            ..f.clone()
        }),
        materials: overlay(&stored.materials, &file.materials, prune, |s, f| Material {
            progress: keep_progress(&s.progress, &f.progress),
            ..f.clone()
        }),
        milestones: overlay(&stored.milestones, &file.milestones, prune, |s, f| Milestone {
            progress: keep_progress(&s.progress, &f.progress),
            ..f.clone()
        }),
        people: overlay(&stored.people, &file.people, prune, |_, f| f.clone()),
        distributions: overlay(&stored.distributions, &file.distributions, prune, |s, f| Distribution {
            progress: keep_progress(&s.progress, &f.progress),
            acknowledged_on: f.acknowledged_on.or(s.acknowledged_on),
            ..f.clone()
        }),
        actions: overlay(&stored.actions, &file.actions, prune, |s, f| Action {
            progress: keep_progress(&s.progress, &f.progress),
            ..f.clone()
        }),
        results: overlay(&stored.results, &file.results, prune, |s, f| keep_measures(s, f, prune)),
        glossary: overlay(&stored.glossary, &file.glossary, prune, |_, f| f.clone()),
    }
}

/// Pushes the creations and updates from `before` to `after` onto `upserts`; returns the deletions.
fn diff_map<K: Ord, T: Clone + PartialEq>(
    before: &BTreeMap<K, T>,
    after: &BTreeMap<K, T>,
    wrap: fn(T) -> Item,
    upserts: &mut Vec<Change>,
) -> Vec<Change> {
    for (key, new) in after {
        match before.get(key) {
            None => upserts.push(Change::Create(wrap(new.clone()))),
            Some(old) if old != new => upserts.push(Change::Update { before: wrap(old.clone()), after: wrap(new.clone()) }),
            Some(_) => {}
        }
    }
    before.iter().filter(|(key, _)| !after.contains_key(key)).map(|(_, old)| Change::Delete(wrap(old.clone()))).collect()
}

/// The changes that turn `before` into `after`: creations and updates in an order where every
/// item's references exist before it, then deletions in the reverse order.
pub fn diff(before: &Plan, after: &Plan) -> Vec<Change> {
    let mut upserts = Vec::new();
    match (&before.campaign, &after.campaign) {
        (None, Some(c)) => upserts.push(Change::Create(Item::Campaign(c.clone()))),
        (Some(b), Some(a)) if a != b => {
            upserts.push(Change::Update { before: Item::Campaign(b.clone()), after: Item::Campaign(a.clone()) })
        }
        _ => {}
    }
    let deletes = [
        diff_map(&before.organizations, &after.organizations, Item::Organization, &mut upserts),
        diff_map(&before.tables, &after.tables, Item::Table, &mut upserts),
        diff_map(&before.meetings, &after.meetings, Item::Meeting, &mut upserts),
        diff_map(&before.agenda, &after.agenda, Item::AgendaItem, &mut upserts),
        diff_map(&before.channels, &after.channels, Item::Channel, &mut upserts),
        diff_map(&before.materials, &after.materials, Item::Material, &mut upserts),
        diff_map(&before.milestones, &after.milestones, Item::Milestone, &mut upserts),
        diff_map(&before.people, &after.people, Item::Person, &mut upserts),
        diff_map(&before.distributions, &after.distributions, Item::Distribution, &mut upserts),
        diff_map(&before.actions, &after.actions, Item::Action, &mut upserts),
        diff_map(&before.results, &after.results, Item::Result, &mut upserts),
        diff_map(&before.glossary, &after.glossary, Item::Term, &mut upserts),
    ];
    upserts.extend(deletes.into_iter().rev().flatten());
    upserts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::Organization;
    use chrono::NaiveDate;

    fn prog(status: Status, done_on: Option<&str>, note: Option<&str>) -> Progress {
        Progress { status, done_on: done_on.map(|d| d.parse::<NaiveDate>().unwrap()), note: note.map(String::from) }
    }

    #[test]
    fn progress_never_moves_back() {
        use Status::*;
        let cases: &[(Progress, Progress, Progress)] = &[
            // stored, file, kept
            (prog(Done, Some("2018-07-18"), None), prog(Planned, None, None), prog(Done, Some("2018-07-18"), None)),
            (prog(Done, Some("2018-07-18"), None), prog(InProgress, None, None), prog(Done, Some("2018-07-18"), None)),
            (prog(Done, Some("2018-07-18"), None), prog(Done, Some("2018-07-20"), None), prog(Done, Some("2018-07-20"), None)),
            (prog(InProgress, None, None), prog(Planned, None, None), prog(InProgress, None, None)),
            (prog(Blocked, None, None), prog(Planned, None, None), prog(Blocked, None, None)),
            (prog(Planned, None, None), prog(Done, Some("2018-07-18"), None), prog(Done, Some("2018-07-18"), None)),
            (prog(InProgress, None, None), prog(Cancelled, None, None), prog(Cancelled, None, None)),
            (prog(Planned, None, Some("logged")), prog(Planned, None, None), prog(Planned, None, Some("logged"))),
            (prog(Planned, None, Some("logged")), prog(Planned, None, Some("file")), prog(Planned, None, Some("file"))),
        ];
        for (stored, file, want) in cases {
            assert_eq!(&keep_progress(stored, file), want, "{stored:?} + {file:?}");
        }
    }

    fn org(key: &str, name: &str) -> Organization {
        Organization {
            key: key.into(),
            name: name.into(),
            name_fr: None,
            order: crate::model::types::Order::Federal,
            jurisdiction: None,
            contact: None,
        }
    }

    #[test]
    fn merge_and_diff() {
        let mut stored = Plan::default();
        stored.organizations.insert("a".into(), org("a", "A"));
        stored.organizations.insert("b".into(), org("b", "B"));
        let mut file = Plan::default();
        file.organizations.insert("a".into(), org("a", "A2"));
        file.organizations.insert("c".into(), org("c", "C"));

        let kept = merge(&stored, &file, false);
        assert_eq!(kept.organizations.keys().collect::<Vec<_>>(), vec!["a", "b", "c"]);
        let changes = diff(&stored, &kept);
        let actions: Vec<(&str, String)> = changes.iter().map(|c| (c.action().as_str(), c.item().key())).collect();
        assert_eq!(actions, vec![("update", "a".to_string()), ("create", "c".to_string())]);

        let pruned = merge(&stored, &file, true);
        let actions: Vec<(&str, String)> = diff(&stored, &pruned).iter().map(|c| (c.action().as_str(), c.item().key())).collect();
        assert_eq!(actions, vec![("update", "a".to_string()), ("create", "c".to_string()), ("delete", "b".to_string())]);

        assert!(diff(&kept, &merge(&kept, &file, false)).is_empty(), "a second apply changes nothing");
    }
}
