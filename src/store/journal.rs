//! The journal: the campaign's append-only audit trail. One row per item a command changes.

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::{Transaction, params};
use serde::Serialize;

use super::Actor;
use crate::error::Result;
use crate::plan::merge::Change;

/// One journal row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    pub command: String,
    pub kind: String,
    pub key: String,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Which entries `history` reads.
#[derive(Debug, Clone, Default)]
pub struct HistoryFilter {
    /// Only this item: kind (optional) and key.
    pub item: Option<(Option<String>, String)>,
    /// Only entries on or after this UTC date.
    pub since: Option<NaiveDate>,
    pub limit: Option<u64>,
}

/// Appends one entry for `change`.
pub fn record(tx: &Transaction, actor: &Actor, change: &Change) -> Result<()> {
    let item = change.item();
    let json = |i: &Option<crate::plan::merge::Item>| i.as_ref().map(serde_json::to_string).transpose();
    let mut stmt = tx.prepare_cached(
        "INSERT INTO journal (at, actor, command, kind, key, action, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    stmt.execute(params![
        Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
        actor.name,
        actor.command,
        item.kind(),
        item.key(),
        change.action(),
        json(&change.before).map_err(crate::error::Error::from)?,
        json(&change.after).map_err(crate::error::Error::from)?,
    ])?;
    Ok(())
}

/// Journal entries, newest first.
pub fn history(tx: &Transaction, filter: &HistoryFilter) -> Result<Vec<Entry>> {
    let (kind, key) = match &filter.item {
        Some((kind, key)) => (kind.clone(), Some(key.clone())),
        None => (None, None),
    };
    let limit = filter.limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let mut stmt = tx.prepare_cached(
        "SELECT id, at, actor, command, kind, key, action, before, after FROM journal
         WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR key = ?2) AND (?3 IS NULL OR at >= ?3)
         ORDER BY id DESC LIMIT ?4",
    )?;
    let rows = stmt.query_map(params![kind, key, filter.since.map(|d| d.to_string()), limit], |r| {
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        Ok(Entry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            command: r.get(3)?,
            kind: r.get(4)?,
            key: r.get(5)?,
            action: r.get(6)?,
            before: parse(r.get(7)?),
            after: parse(r.get(8)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether `key` (`MEETING/ITEM` for an agenda item, `campaign` for the campaign) names an item
/// the store holds or one the journal records, of any kind.
pub fn knows(tx: &Transaction, key: &str) -> Result<bool> {
    let mut stmt = tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM journal WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM organization WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM forum WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM meeting WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM channel WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM material WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM milestone WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.key || '/' || a.key = ?1)",
    )?;
    Ok(stmt.query_row(params![key], |r| r.get(0))?)
}

/// How many entries the journal holds.
pub fn count(tx: &Transaction) -> Result<i64> {
    Ok(tx.query_row("SELECT count(*) FROM journal", [], |r| r.get(0))?)
}
