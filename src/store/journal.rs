//! The journal: the campaign's append-only audit trail. One row per item a command changes.

use super::db::{Row, Sql, Tx, args};
use chrono::{NaiveDate, SecondsFormat, Utc};

use super::Actor;
use crate::error::Error;
use crate::error::Result;
use crate::model::change::{Action, Change, Item, Subject};
use crate::model::journal::Entry;

/// The key an item had before the journal row that renamed it (`MEETING/ITEM` for an agenda
/// item), read from the row's `before`.
macro_rules! key_before {
    (sqlite) => {
        "CASE WHEN kind = 'agenda_item' THEN json_extract(before, '$.meeting') || '/' || json_extract(before, '$.key')
              ELSE json_extract(before, '$.key') END"
    };
    (postgres) => {
        "CASE WHEN kind = 'agenda_item' THEN (before::json ->> 'meeting') || '/' || (before::json ->> 'key')
              ELSE before::json ->> 'key' END"
    };
}

/// The renames of an item (rows that updated `key` from another key), newest first.
const EARLIER_KEYS: Sql = Sql {
    sqlite: concat!(
        "SELECT id, ",
        key_before!(sqlite),
        " FROM journal WHERE key = ?1 AND id < ?2 AND action = 'update' AND (?3 IS NULL OR kind = ?3) AND json_valid(before)
          ORDER BY id DESC"
    ),
    postgres: concat!(
        "SELECT id, ",
        key_before!(postgres),
        " FROM journal WHERE key = ?1 AND id < ?2 AND action = 'update' AND (?3::text IS NULL OR kind = ?3) AND before IS NOT NULL
          ORDER BY id DESC"
    ),
};

/// The last row before ?2 that renamed an item away from key ?1.
const RENAMED_AWAY: Sql = Sql {
    sqlite: concat!(
        "SELECT max(id) FROM journal WHERE id < ?2 AND action = 'update' AND key <> ?1 AND (?3 IS NULL OR kind = ?3)
           AND json_valid(before) AND ?1 = ",
        key_before!(sqlite)
    ),
    postgres: concat!(
        "SELECT max(id) FROM journal WHERE id < ?2 AND action = 'update' AND key <> ?1 AND (?3::text IS NULL OR kind = ?3)
           AND before IS NOT NULL AND ?1 = ",
        key_before!(postgres)
    ),
};

/// Which entries `history` reads.
#[derive(Debug, Clone, Default)]
pub struct HistoryFilter {
    /// Only this item: kind (optional) and key.
    pub item: Option<(Option<Subject>, String)>,
    /// Only entries on or after this UTC date.
    pub since: Option<NaiveDate>,
    pub limit: Option<u64>,
}

/// Appends journal entries, reusing its buffers from one entry to the next. Every entry one
/// recorder appends (one command's, in one transaction) bears the same time: that of its first.
#[derive(Default)]
pub struct Recorder {
    before: Vec<u8>,
    after: Vec<u8>,
    at: Option<String>,
}

impl Recorder {
    /// Appends one entry for `change`.
    pub fn record(&mut self, tx: &Tx, actor: &Actor, change: &Change) -> Result<()> {
        let at = self.at.get_or_insert_with(|| Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)).as_str();
        let item = change.item();
        let before = json(&mut self.before, change.before())?;
        let after = json(&mut self.after, change.after())?;
        tx.defer_last(
            "INSERT INTO journal (at, actor, command, kind, key, action, before, after, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            args![at, actor.name, actor.command, item.subject().as_str(), item.key(), change.action().as_str(), before, after, tx.role()],
        )?;
        Ok(())
    }
}

/// The JSON of `item`, written into `buffer`.
fn json<'b>(buffer: &'b mut Vec<u8>, item: Option<&Item>) -> Result<Option<&'b str>> {
    let Some(item) = item else { return Ok(None) };
    buffer.clear();
    serde_json::to_writer(&mut *buffer, item).map_err(Error::from)?;
    let text = std::str::from_utf8(buffer).map_err(|e| Error::from(serde_json::Error::io(std::io::Error::other(e))))?;
    Ok(Some(text))
}

/// Journal entries, newest first.
pub fn history(tx: &Tx, filter: &HistoryFilter) -> Result<Vec<Entry>> {
    let (kind, key) = match &filter.item {
        Some((kind, key)) => (kind.map(Subject::as_str), Some(key.clone())),
        None => (None, None),
    };
    let limit = filter.limit.map_or(i64::MAX, |l| i64::try_from(l).unwrap_or(i64::MAX));
    // An item's own history includes what was journaled under the keys it had before a rename.
    // An item's own history includes what was journaled under the keys it had before a rename,
    // and leaves out what an earlier item of the same key did before it was renamed away.
    let keys: Vec<(Option<String>, i64, i64)> = match &key {
        Some(k) => {
            let mut spans = Vec::new();
            for (k, max) in earlier_keys(tx, kind, k)? {
                let min = renamed_away(tx, kind, &k, max)?;
                spans.push((Some(k), min, max));
            }
            spans
        }
        None => vec![(None, 0, i64::MAX)],
    };
    let sql = "SELECT id, at, actor, command, kind, key, action, before, after, role FROM journal
         WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR key = ?2) AND (?3 IS NULL OR at >= ?3) AND id > ?5 AND id < ?6
         ORDER BY id DESC LIMIT ?4";
    let mut entries = Vec::new();
    for (key, min, max) in keys {
        tx.each(sql, args![kind, key, filter.since.map(|d| d.to_string()), limit, min, max], |r| {
            entries.push(entry(r)?);
            Ok(())
        })?;
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.id));
    if let Some(l) = filter.limit {
        entries.truncate(usize::try_from(l).unwrap_or(usize::MAX));
    }
    Ok(entries)
}

/// The keys `key` had before it was renamed to it (most recent first, `key` itself first), each
/// with the id of the journal row that renamed it away: entries under an earlier key older than
/// that row are the item's own. At most 64 keys are followed.
fn earlier_keys(tx: &Tx, kind: Option<&str>, key: &str) -> Result<Vec<(String, i64)>> {
    let mut out = vec![(key.to_string(), i64::MAX)];
    let sql = EARLIER_KEYS.text(tx.engine());
    let mut next = 0;
    while next < out.len() && out.len() < 64 {
        let (current, max) = out[next].clone();
        let found = tx.rows(sql, args![current, max, kind], |r| Ok((r.get::<i64>(0)?, r.get::<Option<String>>(1)?)))?;
        for (id, was) in found {
            if let Some(was) = was
                && was != current
                && !out.iter().any(|(k, _)| *k == was)
            {
                out.push((was, id));
            }
        }
        next += 1;
    }
    Ok(out)
}

/// The id of the last journal row before `max` that renamed an item away from `key` (0 if none):
/// rows under `key` up to it were another item's.
fn renamed_away(tx: &Tx, kind: Option<&str>, key: &str, max: i64) -> Result<i64> {
    let id: Option<i64> = tx.value(RENAMED_AWAY.text(tx.engine()), args![key, max, kind])?;
    Ok(id.unwrap_or(0))
}

/// One journal row as an entry; a row engage cannot read back is an error naming it.
fn entry(r: &Row) -> Result<Entry> {
    {
        let id: i64 = r.get(0)?;
        let (kind, action): (String, String) = (r.get(4)?, r.get(6)?);
        let json = |column: usize| -> Result<Option<serde_json::Value>> {
            let text: Option<String> = r.get(column)?;
            text.map(|t| serde_json::from_str(&t).map_err(|e| damaged(id, &e.to_string()))).transpose()
        };
        Ok(Entry {
            id,
            at: r.get(1)?,
            actor: r.get(2)?,
            role: r.get(9)?,
            command: r.get(3)?,
            kind: Subject::parse(&kind).ok_or_else(|| damaged(id, &format!("unknown kind '{kind}'")))?,
            key: r.get(5)?,
            action: Action::parse(&action).ok_or_else(|| damaged(id, &format!("unknown action '{action}'")))?,
            before: json(7)?,
            after: json(8)?,
        })
    }
}

/// The error for a journal row that cannot be read as engage wrote it.
fn damaged(id: i64, what: &str) -> Error {
    Error::Fault(super::Fault::DamagedJournal { id, what: what.to_string() })
}

/// Whether `key` (`MEETING/ITEM` for an agenda item, `campaign` for the campaign) names an item
/// the store holds or one the journal records, of any kind.
pub fn knows(tx: &Tx, key: &str) -> Result<bool> {
    tx.value(
        "SELECT EXISTS (SELECT 1 FROM journal WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM organization WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM forum WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM meeting WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM channel WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM material WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM milestone WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM action_item WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM expected_result WHERE key = ?1)
             OR EXISTS (SELECT 1 FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.key || '/' || a.key = ?1)",
        args![key],
    )
}

/// How many entries the journal holds.
pub fn count(tx: &Tx) -> Result<i64> {
    tx.value("SELECT count(*) FROM journal", args![])
}
