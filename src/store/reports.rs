//! The queries behind the reports: dated rows in a window, every tracked row, the milestone
//! graph, and what reach and parity need.

use super::db::{Row as SqlRow, Tx, args};
use chrono::NaiveDate;

use crate::error::Result;
use crate::model::item::{Head, Row};
use crate::model::parity::Side;
use crate::model::reach::{Facts, MeetingFacts};
use crate::model::schedule::Node;
use crate::model::types::Family;

const OPEN: &str = "('planned', 'in_progress', 'blocked')";

/// Open as of `?1`: open now, or done after as-of (DESIGN.md, "As of a past date").
fn open_as_of(table: &str) -> String {
    format!("({table}status IN {OPEN} OR ({table}status = 'done' AND {table}done_on > ?1))")
}

/// Every tracked row, one query per kind, and the order to read it in: key order, read through
/// the key indexes so that no query sorts the whole campaign (milestones, agenda items, channels,
/// materials, actions).
const TRACKED: [(Family, &str, &str); 5] = [
    (Family::Milestone, "SELECT 'milestone', key, title, title_fr, owner, due, status, done_on FROM milestone", "ORDER BY key"),
    (
        Family::AgendaItem,
        "SELECT 'agenda_item', m.key || '/' || a.key, a.topic, a.topic_fr, a.owner, m.date, a.status, a.done_on
           FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id",
        "ORDER BY m.key, a.key",
    ),
    (Family::Channel, "SELECT 'channel', key, name, name_fr, owner, due, status, done_on FROM channel", "ORDER BY key"),
    (Family::Material, "SELECT 'material', key, title, title_fr, owner, due, status, done_on FROM material", "ORDER BY key"),
    (Family::Action, "SELECT 'action', key, title, title_fr, owner, due, status, done_on FROM action_item", "ORDER BY key"),
];

fn row(r: &SqlRow) -> Result<Row> {
    Ok(Row {
        kind: r.get(0)?,
        key: r.get(1)?,
        title: r.get(2)?,
        title_fr: r.get(3)?,
        owner: r.get(4)?,
        date: r.get(5)?,
        status: r.get(6)?,
        done_on: r.get(7)?,
    })
}

/// Open items dated on or before `until` (overdue ones included), and meetings dated from
/// `from` to `until`; sorted by date, kind, key.
pub fn upcoming(tx: &Tx, from: NaiveDate, until: NaiveDate) -> Result<Vec<Row>> {
    let (open, open_a) = (open_as_of(""), open_as_of("a."));
    let sql = format!(
        "SELECT 'milestone' AS kind, key, title, title_fr, owner, due AS date, status, done_on FROM milestone
          WHERE {open} AND due <= ?2
         UNION ALL
         SELECT 'agenda_item', m.key || '/' || a.key, a.topic, a.topic_fr, a.owner, m.date, a.status, a.done_on
           FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id
          WHERE m.date <= ?2 AND {open_a}
         UNION ALL
         SELECT 'channel', key, name, name_fr, owner, due, status, done_on FROM channel
          WHERE {open} AND due <= ?2
         UNION ALL
         SELECT 'material', key, title, title_fr, owner, due, status, done_on FROM material
          WHERE {open} AND due <= ?2
         UNION ALL
         SELECT 'action', key, title, title_fr, owner, due, status, done_on FROM action_item
          WHERE {open} AND due <= ?2
         UNION ALL
         SELECT 'meeting', m.key, f.name, f.name_fr, f.chair, m.date, NULL, NULL
           FROM meeting m JOIN forum f ON f.id = m.forum_id
          WHERE m.date BETWEEN ?1 AND ?2
         ORDER BY date, kind, key"
    );
    tx.rows(&sql, args![from, until], row)
}

/// Calls `each` on every tracked row (milestones, agenda items, channels, materials, actions,
/// each by key), without holding them all in memory.
pub fn for_each_tracked(tx: &Tx, mut each: impl FnMut(Row) -> Result<()>) -> Result<()> {
    for_each_tracked_lazily(tx, true, |_, full| each(full()?))
}

/// Like [`for_each_tracked`], but hands `each` the row's dated head and a function that reads
/// the whole row: texts are read from SQLite only for the rows that need them. `by_key`: each
/// kind in key order; else in the order the store keeps the rows, which costs less (no index
/// to read beside each row), for a caller that sorts what it keeps.
pub fn for_each_tracked_lazily(tx: &Tx, by_key: bool, mut each: impl FnMut(&Head, &dyn Fn() -> Result<Row>) -> Result<()>) -> Result<()> {
    for (kind, select, order) in TRACKED {
        let sql = if by_key { format!("{select} {order}") } else { select.to_string() };
        tx.each(&sql, args![], |r| {
            let head = Head { kind, date: r.get(5)?, status: r.get(6)?, done_on: r.get(7)? };
            each(&head, &|| row(r))
        })?;
    }
    Ok(())
}

/// Every milestone as the schedule needs it.
pub fn milestone_nodes(tx: &Tx) -> Result<Vec<Node>> {
    let mut ids: Vec<i64> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    for (id, node) in tx.rows("SELECT id, key, due, duration_days, status, done_on FROM milestone ORDER BY id", args![], |r| {
        Ok((
            r.get::<i64>(0)?,
            Node {
                key: r.get(1)?,
                due: r.get(2)?,
                duration_days: r.get(3)?,
                depends_on: Vec::new(),
                status: r.get(4)?,
                done_on: r.get(5)?,
            },
        ))
    })? {
        ids.push(id);
        nodes.push(node);
    }
    for (m, p) in
        tx.rows("SELECT milestone_id, depends_on_id FROM milestone_dependency", args![], |r| Ok((r.get::<i64>(0)?, r.get::<i64>(1)?)))?
    {
        if let (Ok(mi), Ok(pi)) = (ids.binary_search(&m), ids.binary_search(&p)) {
            let key = nodes[pi].key.clone();
            nodes[mi].depends_on.push(key);
        }
    }
    Ok(nodes)
}

/// The facts of reach ([`Facts`]): organizations, memberships, meetings and who attended, the
/// first day an agenda item was done at each meeting, done channels, and every distribution with
/// the organization it reached (a person's organization for a person).
pub fn reach_facts(tx: &Tx) -> Result<Facts> {
    let pairs = |sql: &str| -> Result<Vec<(String, String)>> { tx.rows(sql, args![], |r| Ok((r.get(0)?, r.get(1)?))) };
    let dated = |sql: &str| -> Result<Vec<(String, NaiveDate)>> { tx.rows(sql, args![], |r| Ok((r.get(0)?, r.get(1)?))) };
    let organizations = tx.rows("SELECT key, name, name_fr, gov_order FROM organization ORDER BY key", args![], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    let mut meetings: Vec<MeetingFacts> = tx.rows(
        "SELECT m.key, f.key, m.date, m.attendance_recorded FROM meeting m JOIN forum f ON f.id = m.forum_id ORDER BY m.key",
        args![],
        |r| Ok(MeetingFacts { key: r.get(0)?, table: r.get(1)?, date: r.get(2)?, attended: r.get::<bool>(3)?.then(Vec::new) }),
    )?;
    let attendees = pairs(
        "SELECT m.key, o.key FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id
           JOIN organization o ON o.id = a.organization_id ORDER BY m.key, o.key",
    )?;
    let mut at = 0;
    for (meeting, org) in attendees {
        while at < meetings.len() && meetings[at].key < meeting {
            at += 1;
        }
        if let Some(list) = meetings.get_mut(at).filter(|m| m.key == meeting).and_then(|m| m.attended.as_mut()) {
            list.push(org);
        }
    }
    let distributions = tx.rows(
        "SELECT coalesce(o.key, po.key), m.key, d.status, d.done_on FROM distribution d JOIN material m ON m.id = d.material_id
           LEFT JOIN organization o ON o.id = d.organization_id
           LEFT JOIN person p ON p.id = d.person_id LEFT JOIN organization po ON po.id = p.organization_id",
        args![],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    Ok(Facts {
        organizations,
        members: pairs(
            "SELECT f.key, o.key FROM forum_member fm JOIN forum f ON f.id = fm.forum_id JOIN organization o ON o.id = fm.organization_id",
        )?,
        meetings,
        // The first day is all the rule needs of a meeting's done agenda items.
        briefings: dated(
            "SELECT m.key, min(a.done_on) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
              WHERE a.status = 'done' GROUP BY m.key",
        )?,
        channels: dated("SELECT o.key, c.done_on FROM channel c JOIN organization o ON o.id = c.organization_id WHERE c.status = 'done'")?,
        distributions,
    })
}

/// Channels and materials that name a counterpart, and those they name.
pub fn parity_sides(tx: &Tx) -> Result<Vec<Side>> {
    tx.rows(
        "SELECT 'channel', key, counterpart, status, done_on FROM channel
          WHERE counterpart IS NOT NULL OR key IN (SELECT counterpart FROM channel WHERE counterpart IS NOT NULL)
         UNION ALL
         SELECT 'material', key, counterpart, status, done_on FROM material
          WHERE counterpart IS NOT NULL OR key IN (SELECT counterpart FROM material WHERE counterpart IS NOT NULL)",
        args![],
        |r| Ok(Side { kind: r.get::<Family>(0)?, key: r.get(1)?, counterpart: r.get(2)?, status: r.get(3)?, done_on: r.get(4)? }),
    )
}

/// Every expected result with its measurements, by key.
pub fn results(tx: &Tx) -> Result<Vec<crate::model::plan::ExpectedResult>> {
    let mut plan = crate::model::plan::Plan::default();
    super::actions_results::load_results(tx, &mut plan, None)?;
    Ok(plan.results.into_values().collect())
}
