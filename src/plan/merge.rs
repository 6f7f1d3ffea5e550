//! What applying a plan does: the rules that merge a plan file into a store's record, and the
//! list of changes between two plans that the store then writes and journals.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::change::{Change, Item};
use crate::model::plan::{Channel, ExpectedResult, Material, Milestone, Plan, Progress};
use crate::model::types::{Family, Lang, Status};

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

/// The keys of one kind of item, in order.
type Keys<K> = Vec<K>;

/// Per kind of item: the keys of the stored items that applying the file leaves as they are.
#[derive(Default)]
struct Unchanged {
    organizations: Keys<String>,
    tables: Keys<String>,
    meetings: Keys<String>,
    agenda: Keys<(String, String)>,
    channels: Keys<String>,
    materials: Keys<String>,
    milestones: Keys<String>,
    people: Keys<String>,
    distributions: Keys<(String, String)>,
    actions: Keys<String>,
    results: Keys<String>,
    glossary: Keys<String>,
}

/// What validation needs of the stored items that the file leaves out and that stay as they
/// are, when a [`Merger::lean`] does not keep them: the keys the file's references look for,
/// the counterpart links, the milestones' dependencies, and the keys that a stored item and an
/// item of the file of the other kind share.
#[derive(Default)]
pub struct Rest {
    /// The keys that the file's references look for and do not find among its items.
    wanted: HashSet<String>,
    /// Those of them found, by kind, with the language of a channel or a material.
    found: HashMap<(Family, String), Option<Lang>>,
    /// Each channel's key and counterpart.
    pub channels: Vec<(String, Option<String>)>,
    /// Each material's key and counterpart.
    pub materials: Vec<(String, Option<String>)>,
    /// Each milestone's key and dependencies.
    pub milestones: Vec<(String, Vec<String>)>,
    /// Keys of a stored organization and a person of the file, or the other way round.
    pub shared_keys: Vec<String>,
}

impl Rest {
    /// What a reference to `key` (of kind `target`) finds here: `None` when nothing, else the
    /// language of what it finds (see [`crate::plan::validate`]).
    pub fn found(&self, family: Family, key: &str, or_person: bool) -> Option<Option<Lang>> {
        let get = |f: Family| self.found.get(&(f, key.to_string())).copied();
        get(family).or_else(|| if or_person { get(Family::Person) } else { None })
    }

    fn note(&mut self, family: Family, key: &str, lang: Option<Lang>) {
        if self.wanted.contains(key) {
            self.found.insert((family, key.to_string()), lang);
        }
    }
}

/// A file merged into a stored campaign: each item of the file replaces the stored one of its
/// key (with progress kept by [`keep_progress`], measurements by [`keep_measures`]); stored items
/// the file leaves out stay, unless `prune`. The stored campaign is handed over in parts (as a
/// store reads it), so that it is never held whole beside the file's: a stored item that the file
/// gives again is compared with the file's and dropped. The outcome keeps, besides the campaign
/// as it will be, only the stored items that change.
pub struct Merger {
    prune: bool,
    merged: Plan,
    before: Plan,
    unchanged: Unchanged,
    /// With [`Merger::lean`]: what validation needs of the stored items the file leaves out,
    /// kept instead of the items.
    rest: Option<Rest>,
}

/// What [`Merger::finish`] makes of a file and a stored campaign.
pub struct Merged {
    /// The campaign as it will be once the file is applied, what validation checks: whole, or
    /// (from a [`Merger::lean`]) without the stored items the file leaves out, found in `rest`.
    pub merged: Plan,
    /// What validation needs of the stored items that `merged` leaves out.
    pub rest: Rest,
    /// The stored items that the file changes, or that `prune` deletes (and the campaign).
    before: Plan,
    unchanged: Unchanged,
}

impl Merged {
    /// What applying the file changes, as two partial plans for [`diff_into`]: the stored items
    /// that change or go, and the items that are new or changed (the campaign in both). The
    /// merged campaign is consumed: the items that stay as they are leave it.
    pub fn into_changes(self) -> (Plan, Plan) {
        fn drop_keys<K: Ord, T>(map: &mut BTreeMap<K, T>, keys: Keys<K>) {
            if keys.len() == map.len() {
                map.clear();
            } else {
                for key in keys {
                    map.remove(&key);
                }
            }
        }
        let (mut after, u) = (self.merged, self.unchanged);
        drop_keys(&mut after.organizations, u.organizations);
        drop_keys(&mut after.tables, u.tables);
        drop_keys(&mut after.meetings, u.meetings);
        drop_keys(&mut after.agenda, u.agenda);
        drop_keys(&mut after.channels, u.channels);
        drop_keys(&mut after.materials, u.materials);
        drop_keys(&mut after.milestones, u.milestones);
        drop_keys(&mut after.people, u.people);
        drop_keys(&mut after.distributions, u.distributions);
        drop_keys(&mut after.actions, u.actions);
        drop_keys(&mut after.results, u.results);
        drop_keys(&mut after.glossary, u.glossary);
        (self.before, after)
    }
}

/// Merges stored items of one kind into `merged` (the file's items and the stored ones merged
/// so far: a store hands each key over once). `fix` keeps in the file's item what the stored one
/// records and the file cannot take back (see [`keep_progress`]). A stored item the file leaves
/// out goes to `before` to be deleted if `prune`, else stays: into `merged`, or, given `skim`,
/// to `skim` (which keeps what validation needs of it).
fn overlay<K: Ord + Clone, T: PartialEq>(
    merged: &mut BTreeMap<K, T>,
    before: &mut BTreeMap<K, T>,
    unchanged: &mut Keys<K>,
    stored: BTreeMap<K, T>,
    prune: bool,
    fix: impl Fn(&T, &mut T),
    mut skim: Option<&mut dyn FnMut(K, T)>,
) {
    for (key, old) in stored {
        match merged.get_mut(&key) {
            Some(new) => {
                fix(&old, new);
                if *new == old {
                    unchanged.push(key);
                } else {
                    before.insert(key, old);
                }
            }
            None if prune => {
                before.insert(key, old);
            }
            None => match skim.as_mut() {
                Some(skim) => skim(key, old),
                None => {
                    merged.insert(key.clone(), old);
                    unchanged.push(key);
                }
            },
        }
    }
}

/// [`keep_progress`] in place, for [`overlay`].
fn progress(stored: &Progress, file: &mut Progress) {
    *file = keep_progress(stored, file);
}

impl Merger {
    /// Starts from the items of the file; the outcome is the whole campaign as it will be.
    pub fn new(file: Plan, prune: bool) -> Self {
        Merger { prune, merged: file, before: Plan::default(), unchanged: Unchanged::default(), rest: None }
    }

    /// [`Merger::new`], but the stored items that the file leaves out and that stay are not
    /// kept: only what validation needs of them ([`Rest`]), with `wanted`, the keys that the
    /// file's references look for beyond its own items. So a small file applied to a large
    /// store holds the file's items, not the store's.
    pub fn lean(file: Plan, prune: bool, wanted: HashSet<String>) -> Self {
        Merger { rest: Some(Rest { wanted, ..Rest::default() }), ..Merger::new(file, prune) }
    }

    /// Merges a part of the stored campaign: any kinds of item, each key handed over once in
    /// all the parts (a kind may come in several parts).
    pub fn stored(&mut self, part: Plan) {
        let Plan {
            campaign,
            organizations,
            tables,
            meetings,
            agenda,
            channels,
            materials,
            milestones,
            people,
            distributions,
            actions,
            results,
            glossary,
        } = part;
        let (m, b, u, prune) = (&mut self.merged, &mut self.before, &mut self.unchanged, self.prune);
        if let Some(stored) = campaign {
            // The campaign is never deleted: it is in both plans, and a change shows as one.
            m.campaign.get_or_insert_with(|| stored.clone());
            b.campaign = Some(stored);
        }
        let lean = self.rest.is_some();
        let mut rest = self.rest.take().unwrap_or_default();
        // One kind: its stored items, what the file keeps of them, and (lean) what is kept of
        // those the file leaves out.
        macro_rules! kind {
            ($field:ident, $fix:expr, $skim:expr) => {
                overlay(&mut m.$field, &mut b.$field, &mut u.$field, $field, prune, $fix, lean.then_some($skim))
            };
        }
        let people_keys = &m.people;
        kind!(organizations, |_, _| {}, &mut |k: String, _| {
            rest.note(Family::Organization, &k, None);
            if people_keys.contains_key(&k) {
                rest.shared_keys.push(k);
            }
        });
        let org_keys = &m.organizations;
        kind!(people, |_, _| {}, &mut |k: String, _| {
            rest.note(Family::Person, &k, None);
            if org_keys.contains_key(&k) {
                rest.shared_keys.push(k);
            }
        });
        kind!(tables, |_, _| {}, &mut |k: String, _| rest.note(Family::Table, &k, None));
        kind!(meetings, |_, _| {}, &mut |k: String, _| rest.note(Family::Meeting, &k, None));
        kind!(channels, |s, f| progress(&s.progress, &mut f.progress), &mut |k: String, c: Channel| {
            rest.note(Family::Channel, &k, Some(c.lang));
            rest.channels.push((k, c.counterpart));
        });
        kind!(materials, |s, f| progress(&s.progress, &mut f.progress), &mut |k: String, c: Material| {
            rest.note(Family::Material, &k, Some(c.lang));
            rest.materials.push((k, c.counterpart));
        });
        kind!(milestones, |s, f| progress(&s.progress, &mut f.progress), &mut |k: String, c: Milestone| {
            rest.note(Family::Milestone, &k, None);
            rest.milestones.push((k, c.depends_on));
        });
        // Nothing refers to these, and they name no counterpart.
        kind!(agenda, |s, f| progress(&s.progress, &mut f.progress), &mut |_, _| {});
        kind!(
            distributions,
            |s, f| {
                progress(&s.progress, &mut f.progress);
                f.acknowledged_on = f.acknowledged_on.or(s.acknowledged_on);
            },
            &mut |_, _| {}
        );
        kind!(actions, |s, f| progress(&s.progress, &mut f.progress), &mut |_, _| {});
        kind!(results, |s, f| *f = keep_measures(s, f, prune), &mut |_, _| {});
        kind!(glossary, |_, _| {}, &mut |_, _| {});
        if lean {
            self.rest = Some(rest);
        }
    }

    /// The campaign as it will be, and what it takes to get there.
    pub fn finish(self) -> Merged {
        Merged { merged: self.merged, rest: self.rest.unwrap_or_default(), before: self.before, unchanged: self.unchanged }
    }
}

/// How many changes [`diff_into`] makes from `before` to `after`, without making them.
pub fn count(before: &Plan, after: &Plan) -> usize {
    fn count_map<K: Ord, T: PartialEq>(before: &BTreeMap<K, T>, after: &BTreeMap<K, T>) -> usize {
        let upserts = after.iter().filter(|(key, new)| before.get(*key) != Some(*new)).count();
        upserts + before.keys().filter(|key| !after.contains_key(*key)).count()
    }
    let campaign = match (&before.campaign, &after.campaign) {
        (None, Some(_)) => 1,
        (Some(b), Some(a)) => usize::from(a != b),
        _ => 0,
    };
    campaign
        + count_map(&before.organizations, &after.organizations)
        + count_map(&before.tables, &after.tables)
        + count_map(&before.meetings, &after.meetings)
        + count_map(&before.agenda, &after.agenda)
        + count_map(&before.channels, &after.channels)
        + count_map(&before.materials, &after.materials)
        + count_map(&before.milestones, &after.milestones)
        + count_map(&before.people, &after.people)
        + count_map(&before.distributions, &after.distributions)
        + count_map(&before.actions, &after.actions)
        + count_map(&before.results, &after.results)
        + count_map(&before.glossary, &after.glossary)
}

/// Hands `each` the creations and updates from `before` to `after` (both consumed: items are
/// moved into the changes) and keeps the deletions for later.
fn diff_map<K: Ord, T: PartialEq, E>(
    before: BTreeMap<K, T>,
    after: BTreeMap<K, T>,
    wrap: fn(T) -> Item,
    each: &mut dyn FnMut(Change) -> Result<(), E>,
) -> Result<Vec<Item>, E> {
    let mut deletes = Vec::new();
    let mut old = before.into_iter().peekable();
    for (key, new) in after {
        while let Some((_, gone)) = old.next_if(|(k, _)| *k < key) {
            deletes.push(wrap(gone));
        }
        match old.next_if(|(k, _)| *k == key) {
            None => each(Change::Create(wrap(new)))?,
            Some((_, was)) if was != new => each(Change::Update { before: wrap(was), after: wrap(new) })?,
            Some(_) => {}
        }
    }
    deletes.extend(old.map(|(_, gone)| wrap(gone)));
    Ok(deletes)
}

/// Hands `each`, one at a time, the changes that turn `before` into `after`: creations and
/// updates in an order where every item's references exist before it, then deletions in the
/// reverse order. Both plans are consumed, so no item is copied.
pub fn diff_into<E>(before: Plan, after: Plan, each: &mut dyn FnMut(Change) -> Result<(), E>) -> Result<(), E> {
    match (before.campaign, after.campaign) {
        (None, Some(c)) => each(Change::Create(Item::Campaign(c)))?,
        (Some(b), Some(a)) if a != b => each(Change::Update { before: Item::Campaign(b), after: Item::Campaign(a) })?,
        _ => {}
    }
    let deletes = [
        diff_map(before.organizations, after.organizations, Item::Organization, each)?,
        diff_map(before.tables, after.tables, Item::Table, each)?,
        diff_map(before.meetings, after.meetings, Item::Meeting, each)?,
        diff_map(before.agenda, after.agenda, Item::AgendaItem, each)?,
        diff_map(before.channels, after.channels, Item::Channel, each)?,
        diff_map(before.materials, after.materials, Item::Material, each)?,
        diff_map(before.milestones, after.milestones, Item::Milestone, each)?,
        diff_map(before.people, after.people, Item::Person, each)?,
        diff_map(before.distributions, after.distributions, Item::Distribution, each)?,
        diff_map(before.actions, after.actions, Item::Action, each)?,
        diff_map(before.results, after.results, Item::Result, each)?,
        diff_map(before.glossary, after.glossary, Item::Term, each)?,
    ];
    for item in deletes.into_iter().rev().flatten() {
        each(Change::Delete(item))?;
    }
    Ok(())
}

/// The changes that turn `before` into `after`, as [`diff_into`] hands them out.
pub fn diff(before: &Plan, after: &Plan) -> Vec<Change> {
    let mut changes = Vec::new();
    let collected: Result<(), std::convert::Infallible> = diff_into(before.clone(), after.clone(), &mut |c| {
        changes.push(c);
        Ok(())
    });
    match collected {
        Ok(()) => changes,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `file` merged into `stored`, the whole campaign as it will be.
    fn merge(stored: &Plan, file: Plan, prune: bool) -> Plan {
        let mut merger = Merger::new(file, prune);
        merger.stored(stored.clone());
        merger.finish().merged
    }
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

        let kept = merge(&stored, file.clone(), false);
        assert_eq!(kept.organizations.keys().collect::<Vec<_>>(), vec!["a", "b", "c"]);
        let changes = diff(&stored, &kept);
        let actions: Vec<(&str, String)> = changes.iter().map(|c| (c.action().as_str(), c.item().key())).collect();
        assert_eq!(actions, vec![("update", "a".to_string()), ("create", "c".to_string())]);

        let pruned = merge(&stored, file.clone(), true);
        let actions: Vec<(&str, String)> = diff(&stored, &pruned).iter().map(|c| (c.action().as_str(), c.item().key())).collect();
        assert_eq!(actions, vec![("update", "a".to_string()), ("create", "c".to_string()), ("delete", "b".to_string())]);

        assert!(diff(&kept, &merge(&kept, file, false)).is_empty(), "a second apply changes nothing");
    }
}
