//! Reach (DESIGN.md, "Reach"): which organizations the campaign has touched, per order of
//! government. An organization is reached once an agenda item is done at a meeting of a table it
//! is a member of, or a channel it runs is done.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::types::Order;

/// Reach within one order of government.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrderReach {
    pub order: Order,
    pub reached: usize,
    pub total: usize,
    /// Keys of the organizations not reached yet, sorted.
    pub not_reached: Vec<String>,
}

/// Computes reach per order, in the order of [`Order::ALL`], listing only orders that have
/// organizations.
///
/// - `organizations`: every organization's key and order;
/// - `members`: every (table key, organization key) membership;
/// - `briefed_tables`: tables with at least one done agenda item;
/// - `publishing_organizations`: organizations that run at least one done channel.
pub fn reach<'a>(
    organizations: impl IntoIterator<Item = (&'a str, Order)>,
    members: impl IntoIterator<Item = (&'a str, &'a str)>,
    briefed_tables: &HashSet<&str>,
    publishing_organizations: &HashSet<&str>,
) -> Vec<OrderReach> {
    let mut reached: HashSet<&str> = publishing_organizations.clone();
    for (table, org) in members {
        if briefed_tables.contains(table) {
            reached.insert(org);
        }
    }
    let mut by_order: BTreeMap<Order, OrderReach> = BTreeMap::new();
    for (key, order) in organizations {
        let entry = by_order.entry(order).or_insert_with(|| OrderReach { order, reached: 0, total: 0, not_reached: Vec::new() });
        entry.total += 1;
        if reached.contains(key) {
            entry.reached += 1;
        } else {
            entry.not_reached.push(key.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_reach() {
        let orgs = [("fed", Order::Federal), ("prov", Order::Provincial), ("city", Order::Municipal), ("ind", Order::Indigenous)];
        let members = [("council", "fed"), ("council", "prov"), ("mayors", "city"), ("mayors", "ind")];
        let briefed: HashSet<&str> = ["council"].into();
        let publishing: HashSet<&str> = ["city"].into();
        let got = reach(orgs, members, &briefed, &publishing);
        let summary: Vec<(Order, usize, usize)> = got.iter().map(|r| (r.order, r.reached, r.total)).collect();
        assert_eq!(summary, vec![(Order::Federal, 1, 1), (Order::Provincial, 1, 1), (Order::Indigenous, 0, 1), (Order::Municipal, 1, 1)]);
        assert_eq!(got[2].not_reached, vec!["ind"]);
    }

    #[test]
    fn nobody_reached_without_progress() {
        let got = reach([("a", Order::Federal), ("b", Order::Federal)], [("t", "a")], &HashSet::new(), &HashSet::new());
        assert_eq!((got[0].reached, got[0].total), (0, 2));
        assert_eq!(got[0].not_reached, vec!["a", "b"]);
    }
}
