//! Parity of the two official languages (DESIGN.md, "Official languages"): a channel or material
//! and its counterpart in the other language should be done together.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::types::{Family, Status};

/// One side of a language pair, as the store holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub kind: Family,
    pub key: String,
    pub counterpart: Option<String>,
    pub status: Status,
    pub done_on: Option<NaiveDate>,
}

/// A parity gap: `key` is the side done first; `missing` when its counterpart is not done yet
/// (`gap_days` counted from `key`'s done date to as-of), else the days between the two.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub kind: Family,
    pub key: String,
    pub counterpart: String,
    pub gap_days: i64,
    pub missing: bool,
}

/// The day a side was done, if it was by the end of `as_of`.
fn done_on(side: &Side, as_of: NaiveDate) -> Option<NaiveDate> {
    match super::state::seen_on(side.status, side.done_on, as_of) {
        (Status::Done, done_on) => done_on,
        _ => None,
    }
}

/// Every gap among `sides` (each pair reported once), sorted by kind then key. A counterpart that
/// is cancelled or deferred is not a gap; a counterpart that does not exist is ignored here
/// (`engage check` reports it).
pub fn gaps(sides: &[Side], as_of: NaiveDate) -> Vec<Gap> {
    let by_key: HashMap<(Family, &str), &Side> = sides.iter().map(|s| ((s.kind, s.key.as_str()), s)).collect();
    let find = |kind: Family, key: &str| by_key.get(&(kind, key)).copied();
    let mut out: Vec<Gap> = Vec::new();
    for side in sides {
        let Some(other_key) = side.counterpart.as_deref() else { continue };
        let Some(other) = find(side.kind, other_key) else { continue };
        // Each pair once: from the side whose key sorts first, unless only the other points here.
        if side.key.as_str() > other_key && other.counterpart.as_deref() == Some(side.key.as_str()) {
            continue;
        }
        let gap = match (done_on(side, as_of), done_on(other, as_of)) {
            (Some(a), Some(b)) if a != b => {
                let (first, second) = if a <= b { (side, other) } else { (other, side) };
                Some((first, second, (a - b).num_days().abs(), false))
            }
            (Some(a), None) if other.status.counts() => Some((side, other, (as_of - a).num_days().max(0), true)),
            (None, Some(b)) if side.status.counts() => Some((other, side, (as_of - b).num_days().max(0), true)),
            _ => None,
        };
        if let Some((first, second, gap_days, missing)) = gap {
            out.push(Gap { kind: first.kind, key: first.key.clone(), counterpart: second.key.clone(), gap_days, missing });
        }
    }
    out.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    out
}

/// Why a counterpart link does not pair up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// The counterpart names another item as its own counterpart.
    NamesOther(String),
    /// The counterpart names none, but this other item names it too.
    AlsoNamedBy(String),
}

/// A link `key` → `counterpart` that does not pair up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpaired {
    pub key: String,
    pub counterpart: String,
    pub conflict: Conflict,
}

/// Every counterpart link among `links` (each item of one kind: its key and its counterpart)
/// that does not make a pair, sorted by key. Two items are a pair when one names the other and
/// the other names it back or names none; an item is in at most one pair. A link to an item
/// not in `links` is left to the reference checks.
pub fn unpaired<'a>(links: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> Vec<Unpaired> {
    let links: std::collections::BTreeMap<&str, Option<&str>> = links.into_iter().collect();
    let mut named_by: HashMap<&str, Vec<&str>> = HashMap::new();
    for (key, cp) in &links {
        if let Some(cp) = cp {
            named_by.entry(cp).or_default().push(key);
        }
    }
    let mut out = Vec::new();
    for (&key, &cp) in &links {
        let Some(cp) = cp else { continue };
        let Some(&back) = links.get(cp) else { continue };
        let conflict = match back {
            Some(b) if b == key => None,
            Some(other) => Some(Conflict::NamesOther(other.to_string())),
            None => named_by[cp].iter().find(|k| **k != key).map(|other| Conflict::AlsoNamedBy(other.to_string())),
        };
        if let Some(conflict) = conflict {
            out.push(Unpaired { key: key.to_string(), counterpart: cp.to_string(), conflict });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_must_name_each_other_or_be_free() {
        let u = |key: &str, cp: &str, c: Conflict| Unpaired { key: key.into(), counterpart: cp.into(), conflict: c };
        type Links<'a> = &'a [(&'a str, Option<&'a str>)];
        let cases: &[(Links, Vec<Unpaired>)] = &[
            (&[("en", Some("fr")), ("fr", Some("en"))], vec![]),
            (&[("en", Some("fr")), ("fr", None)], vec![]),
            (&[("en", Some("gone"))], vec![]),
            (
                &[("deck-en", Some("deck-fr")), ("deck-fr", Some("deck-en")), ("m3", Some("deck-en"))],
                vec![u("m3", "deck-en", Conflict::NamesOther("deck-fr".into()))],
            ),
            (
                &[("a", Some("x")), ("b", Some("x")), ("x", None)],
                vec![u("a", "x", Conflict::AlsoNamedBy("b".into())), u("b", "x", Conflict::AlsoNamedBy("a".into()))],
            ),
        ];
        for (links, expected) in cases {
            assert_eq!(&unpaired(links.iter().copied()), expected, "{links:?}");
        }
    }

    fn side(key: &str, counterpart: &str, status: Status, done_on: Option<&str>) -> Side {
        Side {
            kind: Family::Material,
            key: key.into(),
            counterpart: Some(counterpart.into()),
            status,
            done_on: done_on.map(|d| d.parse().unwrap()),
        }
    }

    #[test]
    fn gaps_between_languages() {
        let as_of: NaiveDate = "2018-09-20".parse().unwrap();
        let sides = vec![
            side("email-en", "email-fr", Status::Done, Some("2018-07-20")),
            side("email-fr", "email-en", Status::Done, Some("2018-07-25")),
            side("km-en", "km-fr", Status::Done, Some("2018-08-01")),
            side("km-fr", "km-en", Status::Done, Some("2018-08-01")),
            side("deck-en", "deck-fr", Status::Done, Some("2018-09-10")),
            side("deck-fr", "deck-en", Status::InProgress, None),
            side("tp-en", "tp-fr", Status::Planned, None),
            side("tp-fr", "tp-en", Status::Planned, None),
            side("x-fr", "x-en", Status::Done, Some("2018-09-01")),
            side("x-en", "x-fr", Status::Cancelled, None),
        ];
        let got = gaps(&sides, as_of);
        assert_eq!(
            got,
            vec![
                Gap { kind: Family::Material, key: "deck-en".into(), counterpart: "deck-fr".into(), gap_days: 10, missing: true },
                Gap { kind: Family::Material, key: "email-en".into(), counterpart: "email-fr".into(), gap_days: 5, missing: false },
            ]
        );
    }

    #[test]
    fn a_pair_is_reported_once_from_either_side() {
        let as_of: NaiveDate = "2018-09-20".parse().unwrap();
        let sides = vec![side("b-fr", "a-en", Status::Done, Some("2018-09-18")), side("a-en", "b-fr", Status::Planned, None)];
        let got = gaps(&sides, as_of);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].key.as_str(), got[0].gap_days, got[0].missing), ("b-fr", 2, true));
    }
}
