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

fn done_on(side: &Side) -> Option<NaiveDate> {
    if side.status == Status::Done { side.done_on } else { None }
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
        let gap = match (done_on(side), done_on(other)) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
