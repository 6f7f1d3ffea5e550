//! The SQL of the two families a campaign follows up with: actions (follow-ups committed at a
//! meeting or elsewhere) and expected results with their measurements.

use super::db::{Tx, args};
use super::plan::{Upsert, insert_or_update};

use crate::error::Result;
use crate::model::plan::{Action, ExpectedResult, Measure, Plan, Progress};

/// Reads the actions (every one, or only `key`) into `plan`.
pub fn load_actions(tx: &Tx, plan: &mut Plan, key: Option<&str>) -> Result<()> {
    for a in tx.rows(
        "SELECT a.key, a.title, a.title_fr, a.owner, a.due, m.key, a.status, a.done_on, a.note
           FROM action_item a LEFT JOIN meeting m ON m.id = a.meeting_id WHERE ?1 IS NULL OR a.key = ?1",
        args![key],
        |r| {
            Ok(Action {
                key: r.get(0)?,
                title: r.get(1)?,
                title_fr: r.get(2)?,
                owner: r.get(3)?,
                due: r.get(4)?,
                meeting: r.get(5)?,
                progress: Progress { status: r.get(6)?, done_on: r.get(7)?, note: r.get(8)? },
            })
        },
    )? {
        plan.actions.insert(a.key.clone(), a);
    }
    Ok(())
}

/// Reads the expected results (every one, or only `key`) with their measurements into `plan`.
pub fn load_results(tx: &Tx, plan: &mut Plan, key: Option<&str>) -> Result<()> {
    for r in tx.rows(
        "SELECT key, title, title_fr, gov_order, target, unit, due, note FROM expected_result WHERE ?1 IS NULL OR key = ?1",
        args![key],
        |r| {
            Ok(ExpectedResult {
                key: r.get(0)?,
                title: r.get(1)?,
                title_fr: r.get(2)?,
                order: r.get(3)?,
                target: r.get(4)?,
                unit: r.get(5)?,
                due: r.get(6)?,
                note: r.get(7)?,
                measures: Vec::new(),
            })
        },
    )? {
        plan.results.insert(r.key.clone(), r);
    }
    for (key, measure) in tx.rows(
        "SELECT r.key, m.measured_on, m.value, m.note FROM result_measure m JOIN expected_result r ON r.id = m.result_id
          WHERE ?1 IS NULL OR r.key = ?1 ORDER BY r.key, m.measured_on",
        args![key],
        |r| Ok((r.get::<String>(0)?, Measure { on: r.get(1)?, value: r.get(2)?, note: r.get(3)? })),
    )? {
        if let Some(r) = plan.results.get_mut(&key) {
            r.measures.push(measure);
        }
    }
    Ok(())
}

const ACTION_ITEM: Upsert = insert_or_update!(
    "INSERT INTO action_item (key, title, title_fr, owner, due, meeting_id, status, done_on, note)
     VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM meeting WHERE key = ?6), ?7, ?8, ?9)",
    "ON CONFLICT (key) DO UPDATE SET title = excluded.title, title_fr = excluded.title_fr, owner = excluded.owner,
     due = excluded.due, meeting_id = excluded.meeting_id, status = excluded.status, done_on = excluded.done_on,
     note = excluded.note"
);

const EXPECTED_RESULT: Upsert = insert_or_update!(
    "INSERT INTO expected_result (key, title, title_fr, gov_order, target, unit, due, note)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "ON CONFLICT (key) DO UPDATE SET title = excluded.title, title_fr = excluded.title_fr, gov_order = excluded.gov_order,
     target = excluded.target, unit = excluded.unit, due = excluded.due, note = excluded.note"
);

/// Creates (`created`: it is new) or updates one action.
pub fn upsert_action(tx: &Tx, a: &Action, created: bool) -> Result<()> {
    let p = &a.progress;
    tx.defer(ACTION_ITEM.sql(created), args![a.key, a.title, a.title_fr, a.owner, a.due, a.meeting, p.status, p.done_on, p.note])?;
    Ok(())
}

/// Creates (`created`: it is new) or updates one expected result, its measurements replaced by
/// those it holds.
pub fn upsert_result(tx: &Tx, r: &ExpectedResult, created: bool) -> Result<()> {
    tx.defer(EXPECTED_RESULT.sql(created), args![r.key, r.title, r.title_fr, r.order, r.target, r.unit, r.due, r.note])?;
    if !created {
        tx.defer("DELETE FROM result_measure WHERE result_id = (SELECT id FROM expected_result WHERE key = ?1)", args![r.key])?;
    }
    for m in &r.measures {
        tx.defer(
            "INSERT INTO result_measure (result_id, measured_on, value, note)
             SELECT id, ?2, ?3, ?4 FROM expected_result WHERE key = ?1",
            args![r.key, m.on, m.value, m.note],
        )?;
    }
    Ok(())
}
