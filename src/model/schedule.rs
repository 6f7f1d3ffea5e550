//! The critical path (DESIGN.md, "Critical path"): forecast, slip, latest date and float of every
//! milestone, the projected end and the chain of milestones that drives it.
//!
//! Everything runs in one topological pass forwards and one backwards over the dependency graph,
//! on day numbers, so that a graph of a hundred thousand milestones costs milliseconds.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::dates::{FIRST_DAY, LAST_DAY};

use super::types::Status;

/// What the schedule needs to know of one milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub key: String,
    pub due: NaiveDate,
    pub duration_days: i64,
    pub depends_on: Vec<String>,
    pub status: Status,
    pub done_on: Option<NaiveDate>,
}

/// The schedule figures of one milestone that takes part (not cancelled or deferred).
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub key: String,
    pub due: NaiveDate,
    pub forecast: NaiveDate,
    pub slip_days: i64,
    pub latest: NaiveDate,
    pub float_days: i64,
}

/// The whole schedule: figures sorted by key, the projected end and the critical path.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub figures: Vec<Figures>,
    /// The latest forecast of any milestone; `None` when no milestone takes part.
    pub projected_end: Option<NaiveDate>,
    /// Projected end − campaign end, in days; `None` when there is no projected end.
    pub slip_days: Option<i64>,
    /// Milestone keys, first to last.
    pub critical_path: Vec<String>,
}

impl Schedule {
    /// The figures of `key`, if it takes part.
    pub fn get(&self, key: &str) -> Option<&Figures> {
        self.figures.binary_search_by(|f| f.key.as_str().cmp(key)).ok().map(|i| &self.figures[i])
    }
}

fn day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date of a day number, kept within the days engage writes (four-digit years).
fn date(day: i64) -> NaiveDate {
    let (first, last) = (self::day(FIRST_DAY), self::day(LAST_DAY));
    i32::try_from(day.clamp(first, last)).ok().and_then(NaiveDate::from_num_days_from_ce_opt).unwrap_or(LAST_DAY)
}

/// Finds a dependency cycle: the keys on it, in dependency order, starting from the key that
/// sorts first; `None` when the graph has no cycle. Dependencies on unknown keys are ignored.
pub fn find_cycle<'a, I>(edges: I) -> Option<Vec<String>>
where
    I: IntoIterator<Item = (&'a str, &'a [String])>,
{
    let mut keys: Vec<(&str, &[String])> = edges.into_iter().collect();
    keys.sort_by(|a, b| a.0.cmp(b.0));
    let index: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, (k, _))| (*k, i)).collect();
    let deps: Vec<Vec<usize>> = keys.iter().map(|(_, ds)| ds.iter().filter_map(|d| index.get(d.as_str()).copied()).collect()).collect();
    // 0 = unvisited, 1 = on the current path, 2 = finished.
    let mut mark = vec![0u8; keys.len()];
    for start in 0..keys.len() {
        if mark[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        mark[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&dep) = deps[node].get(*next) {
                *next += 1;
                match mark[dep] {
                    0 => {
                        mark[dep] = 1;
                        stack.push((dep, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|(n, _)| *n == dep).unwrap_or(0);
                        let mut cycle: Vec<usize> = stack[from..].iter().map(|(n, _)| *n).collect();
                        let first = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
                        cycle.rotate_left(first);
                        return Some(cycle.into_iter().map(|i| keys[i].0.to_string()).collect());
                    }
                    _ => {}
                }
            } else {
                mark[node] = 2;
                stack.pop();
            }
        }
    }
    None
}

/// Computes the schedule of `nodes` seen on `as_of` against the campaign's `end`.
///
/// Cancelled and deferred milestones take no part, nor do dependencies on them or on unknown
/// keys. The graph must have no cycle (plans with one are refused before they are stored); if it
/// has one anyway, the milestones on it are left out rather than looping.
pub fn schedule(nodes: &[Node], end: NaiveDate, as_of: NaiveDate) -> Schedule {
    let mut active: Vec<&Node> = nodes.iter().filter(|n| n.status.counts()).collect();
    active.sort_by(|a, b| a.key.cmp(&b.key));
    let index: HashMap<&str, usize> = active.iter().enumerate().map(|(i, n)| (n.key.as_str(), i)).collect();
    let count = active.len();
    let mut deps: Vec<Vec<usize>> = Vec::with_capacity(count);
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, node) in active.iter().enumerate() {
        let mut ds: Vec<usize> = node.depends_on.iter().filter_map(|d| index.get(d.as_str()).copied()).collect();
        ds.sort_unstable();
        ds.dedup();
        for &d in &ds {
            dependents[d].push(i);
        }
        deps.push(ds);
    }

    // Kahn's algorithm gives a topological order.
    let mut pending: Vec<usize> = deps.iter().map(Vec::len).collect();
    let mut order: Vec<usize> = (0..count).filter(|&i| pending[i] == 0).collect();
    let mut head = 0;
    while head < order.len() {
        let node = order[head];
        head += 1;
        for &s in &dependents[node] {
            pending[s] -= 1;
            if pending[s] == 0 {
                order.push(s);
            }
        }
    }

    let as_of_day = day(as_of);
    let end_day = day(end);
    let mut forecast = vec![i64::MIN; count];
    for &i in &order {
        let node = active[i];
        forecast[i] = match super::state::seen_on(node.status, node.done_on, as_of) {
            (Status::Done, Some(done)) => day(done),
            // A forecast stops at the last day engage writes.
            _ => deps[i].iter().map(|&p| forecast[p] + node.duration_days).fold(day(node.due).max(as_of_day), i64::max).min(day(LAST_DAY)),
        };
    }
    let mut latest = vec![end_day; count];
    for &i in order.iter().rev() {
        for &p in &deps[i] {
            latest[p] = latest[p].min(latest[i] - active[i].duration_days);
        }
    }

    // The end of the critical path: the latest forecast, ties to the key that sorts first.
    let mut last: Option<usize> = None;
    for &i in &order {
        if last.is_none_or(|l| forecast[i] > forecast[l] || (forecast[i] == forecast[l] && i < l)) {
            last = Some(i);
        }
    }
    let mut critical_path = Vec::new();
    let mut cursor = last;
    while let Some(m) = cursor {
        critical_path.push(active[m].key.clone());
        // deps[m] is sorted by index, that is by key: the first match is the tie-break winner.
        cursor = deps[m].iter().copied().find(|&p| forecast[p] + active[m].duration_days == forecast[m]);
    }
    critical_path.reverse();

    let projected = last.map(|l| forecast[l]);
    let mut figures: Vec<Figures> = order
        .iter()
        .map(|&i| Figures {
            key: active[i].key.clone(),
            due: active[i].due,
            forecast: date(forecast[i]),
            slip_days: forecast[i] - day(active[i].due),
            latest: date(latest[i]),
            float_days: latest[i] - forecast[i],
        })
        .collect();
    figures.sort_by(|a, b| a.key.cmp(&b.key));
    Schedule { figures, projected_end: projected.map(date), slip_days: projected.map(|p| p - end_day), critical_path }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn node(key: &str, due: &str, duration: i64, deps: &[&str], status: Status, done_on: Option<&str>) -> Node {
        Node {
            key: key.into(),
            due: d(due),
            duration_days: duration,
            depends_on: deps.iter().map(|s| s.to_string()).collect(),
            status,
            done_on: done_on.map(d),
        }
    }

    fn planned(key: &str, due: &str, duration: i64, deps: &[&str]) -> Node {
        node(key, due, duration, deps, Status::Planned, None)
    }

    /// The worked example of the design, figure by figure.
    #[test]
    fn worked_example() {
        let nodes = vec![
            node("a", "2030-03-15", 0, &[], Status::Done, Some("2030-03-14")),
            planned("b", "2030-04-01", 10, &["a"]),
            planned("c", "2030-04-05", 20, &["a"]),
            planned("d", "2030-05-25", 45, &["b", "c"]),
        ];
        let s = schedule(&nodes, d("2030-05-31"), d("2030-04-10"));
        let got: Vec<(&str, NaiveDate, i64)> = s.figures.iter().map(|f| (f.key.as_str(), f.forecast, f.slip_days)).collect();
        assert_eq!(got, vec![("a", d("2030-03-14"), -1), ("b", d("2030-04-10"), 9), ("c", d("2030-04-10"), 5), ("d", d("2030-05-25"), 0),]);
        assert_eq!(s.projected_end, Some(d("2030-05-25")));
        assert_eq!(s.slip_days, Some(-6));
        assert_eq!(s.critical_path, vec!["b", "d"]);
        // latest(d) = end; latest(b) = latest(c) = 05-31 − 45 = 04-16; latest(a) = min(04-16 − 10, 04-16 − 20).
        assert_eq!(s.get("d").unwrap().float_days, 6);
        assert_eq!(s.get("b").unwrap().latest, d("2030-04-16"));
        assert_eq!(s.get("b").unwrap().float_days, 6);
        assert_eq!(s.get("a").unwrap().latest, d("2030-03-27"));
    }

    #[test]
    fn chain_pushes_forecasts_past_due() {
        let nodes =
            vec![planned("m1", "2030-01-10", 0, &[]), planned("m2", "2030-01-12", 5, &["m1"]), planned("m3", "2030-01-13", 5, &["m2"])];
        let s = schedule(&nodes, d("2030-01-31"), d("2030-01-20"));
        assert_eq!(s.get("m1").unwrap().forecast, d("2030-01-20"));
        assert_eq!(s.get("m2").unwrap().forecast, d("2030-01-25"));
        assert_eq!(s.get("m3").unwrap().forecast, d("2030-01-30"));
        assert_eq!(s.get("m3").unwrap().slip_days, 17);
        assert_eq!(s.critical_path, vec!["m1", "m2", "m3"]);
        assert_eq!(s.slip_days, Some(-1));
        assert_eq!(s.get("m1").unwrap().float_days, 1);
    }

    #[test]
    fn diamond_ties_go_to_the_first_key_in_byte_order() {
        let nodes = vec![
            planned("start", "2030-01-01", 0, &[]),
            planned("ms-2", "2030-01-05", 4, &["start"]),
            planned("ms-10", "2030-01-05", 4, &["start"]),
            planned("end", "2030-01-01", 3, &["ms-2", "ms-10"]),
        ];
        let s = schedule(&nodes, d("2030-01-31"), d("2030-01-01"));
        assert_eq!(s.critical_path, vec!["start", "ms-10", "end"]);
        assert_eq!(s.projected_end, Some(d("2030-01-08")));
    }

    #[test]
    fn end_ties_go_to_the_first_key() {
        let nodes = vec![planned("z", "2030-02-01", 0, &[]), planned("y", "2030-02-01", 0, &[])];
        let s = schedule(&nodes, d("2030-01-31"), d("2030-01-01"));
        assert_eq!(s.critical_path, vec!["y"]);
        assert_eq!(s.slip_days, Some(1));
    }

    #[test]
    fn done_early_or_late_uses_done_on() {
        let nodes = vec![node("a", "2030-01-10", 0, &[], Status::Done, Some("2030-01-15")), planned("b", "2030-01-12", 2, &["a"])];
        let s = schedule(&nodes, d("2030-01-31"), d("2030-01-16"));
        assert_eq!(s.get("a").unwrap().forecast, d("2030-01-15"));
        assert_eq!(s.get("a").unwrap().slip_days, 5);
        assert_eq!(s.get("b").unwrap().forecast, d("2030-01-17"));
        assert_eq!(s.critical_path, vec!["a", "b"]);
    }

    #[test]
    fn done_after_as_of_is_not_done_yet() {
        let nodes = vec![node("a", "2030-01-10", 0, &[], Status::Done, Some("2030-01-15")), planned("b", "2030-01-12", 2, &["a"])];
        let s = schedule(&nodes, d("2030-01-31"), d("2030-01-11"));
        assert_eq!(s.get("a").unwrap().forecast, d("2030-01-11"), "open on as-of: forecast is as-of");
        assert_eq!(s.get("b").unwrap().forecast, d("2030-01-13"));
    }

    #[test]
    fn cancelled_and_deferred_take_no_part() {
        let nodes = vec![
            node("gone", "2030-03-01", 0, &[], Status::Cancelled, None),
            node("later", "2030-06-01", 0, &[], Status::Deferred, None),
            planned("b", "2030-01-12", 30, &["gone", "later"]),
        ];
        let s = schedule(&nodes, d("2030-01-31"), d("2030-01-01"));
        assert_eq!(s.figures.len(), 1);
        assert_eq!(s.get("b").unwrap().forecast, d("2030-01-12"));
        assert_eq!(s.critical_path, vec!["b"]);
    }

    #[test]
    fn empty_schedule() {
        let s = schedule(&[], d("2030-01-31"), d("2030-01-01"));
        assert_eq!(s.projected_end, None);
        assert_eq!(s.slip_days, None);
        assert!(s.critical_path.is_empty());
    }

    #[test]
    fn cycles_are_found_with_their_keys() {
        let edges: Vec<(String, Vec<String>)> = vec![
            ("a".into(), vec![]),
            ("b".into(), vec!["d".into()]),
            ("c".into(), vec!["b".into()]),
            ("d".into(), vec!["c".into(), "a".into()]),
        ];
        let cycle = find_cycle(edges.iter().map(|(k, v)| (k.as_str(), v.as_slice())));
        assert_eq!(cycle, Some(vec!["b".to_string(), "d".into(), "c".into()]));
        let acyclic: Vec<(String, Vec<String>)> = vec![("a".into(), vec![]), ("b".into(), vec!["a".into()])];
        assert_eq!(find_cycle(acyclic.iter().map(|(k, v)| (k.as_str(), v.as_slice()))), None);
        let selfloop: Vec<(String, Vec<String>)> = vec![("a".into(), vec!["a".into()])];
        assert_eq!(find_cycle(selfloop.iter().map(|(k, v)| (k.as_str(), v.as_slice()))), Some(vec!["a".into()]));
    }
}
