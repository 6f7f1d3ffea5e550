//! The schema and its versions. `schema.sql` is the current schema for a new store; an older
//! store is brought up to date by the append-only list of [`MIGRATIONS`], in one transaction,
//! after the file is copied aside. A store from a newer engage is refused.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

use super::Fault;
use super::Store;
use crate::error::{Error, Result};

/// The schema of a new store.
const SCHEMA: &str = include_str!("../../schema.sql");

/// Marks a SQLite file as an engage store (`PRAGMA application_id`): "EngG".
const APPLICATION_ID: i64 = 0x456e_6747;

/// Upgrades: `MIGRATIONS[i]` takes a store from version `i + 1` to `i + 2`. Append only.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0002-notes-and-journal-index.sql"),
    include_str!("migrations/0003-meetings-as-held.sql"),
    include_str!("migrations/0004-application-id.sql"),
    include_str!("migrations/0005-people-and-distributions.sql"),
    include_str!("migrations/0006-actions-and-results.sql"),
    include_str!("migrations/0007-glossary.sql"),
    include_str!("migrations/0008-journal-role.sql"),
    include_str!("migrations/0009-cheaper-row-checks.sql"),
];

/// The schema version this engage writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64 + 1;

/// An upgrade that opening a store made: from which version, and where the old file was kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Upgrade {
    pub from: i64,
    pub kept_as: PathBuf,
}

/// The tables every engage store has had since its first version: how a store from before
/// [`APPLICATION_ID`] is recognised.
const ENGAGE_TABLES: &[&str] = &["campaign", "organization", "forum", "meeting", "milestone", "journal"];

/// What a SQLite file holds, read without changing anything.
pub(super) struct Found {
    application_id: i64,
    version: i64,
    tables: i64,
    engage_tables: i64,
}

/// Reads what [`Found`] holds.
pub(super) fn inspect(conn: &Connection) -> rusqlite::Result<Found> {
    let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let application_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let tables = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    let mut engage_tables = 0;
    for name in ENGAGE_TABLES {
        let sql = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1";
        engage_tables += conn.query_row(sql, [name], |r| r.get::<_, i64>(0))?;
    }
    Ok(Found { application_id, version, tables, engage_tables })
}

impl Found {
    /// The schema version of an engage store (0 for a database with nothing in it yet); refuses
    /// a database of another application and a store from a newer engage.
    pub(super) fn version(&self, path: &Path) -> Result<i64> {
        let engage = self.application_id == APPLICATION_ID
            || (self.application_id == 0 && (self.tables == 0 || self.engage_tables == ENGAGE_TABLES.len() as i64));
        if !engage {
            return Err(Error::Fault(Fault::Foreign { path: path.to_path_buf() }));
        }
        let version = self.version;
        if version > CURRENT_VERSION {
            return Err(Error::Fault(Fault::Newer { path: path.to_path_buf(), version, known: CURRENT_VERSION }));
        }
        Ok(if self.tables == 0 { 0 } else { version.max(1) })
    }
}

/// Brings a store of schema `version` (0: nothing in it yet) to [`CURRENT_VERSION`], in one
/// transaction; `path` names it in messages.
pub(super) fn migrate(store: &mut Store, version: i64, path: &Path) -> Result<()> {
    let super::Conn::Sqlite(conn) = &mut store.conn else { return Ok(()) };
    migrate_connection(conn, version, path)
}

/// The statements of the schema that create secondary indexes (`CREATE INDEX`, each one line):
/// none of them serves the lookups that writing an item makes (unique keys do).
fn is_secondary_index(line: &str) -> bool {
    line.starts_with("CREATE INDEX ")
}

/// The current schema without its secondary indexes, for a new store whose first write creates
/// them ([`secondary_indexes`]) once its rows are in: SQLite then builds each index once, by
/// sorting, instead of updating every index for every row written.
pub(super) fn create_without_indexes(store: &mut Store) -> Result<()> {
    let super::Conn::Sqlite(conn) = &mut store.conn else { return Ok(()) };
    apply_schema(conn, &schema_lines(|l| !is_secondary_index(l)))
}

/// The secondary indexes [`create_without_indexes`] leaves out.
pub(super) fn secondary_indexes() -> String {
    schema_lines(is_secondary_index)
}

/// The lines of the schema that `keep` keeps, each ended by a line feed.
fn schema_lines(keep: impl Fn(&str) -> bool) -> String {
    SCHEMA.lines().filter(|l| keep(l)).flat_map(|l| [l, "\n"]).collect()
}

/// [`migrate`] on a SQLite connection.
pub(super) fn migrate_connection(conn: &mut Connection, version: i64, path: &Path) -> Result<()> {
    if version == 0 {
        return apply_schema(conn, SCHEMA);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for (i, step) in MIGRATIONS.iter().enumerate().skip((version - 1).max(0) as usize) {
        let to = i + 2;
        tx.execute_batch(step).map_err(|e| Error::Fault(Fault::UpgradeFailed { path: path.to_path_buf(), to, detail: e.to_string() }))?;
    }
    mark_current(tx)
}

/// Creates `schema` (the current one, or part of it) in an empty store, in one transaction.
fn apply_schema(conn: &mut Connection, schema: &str) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(schema)?;
    mark_current(tx)
}

/// Marks the store as of [`CURRENT_VERSION`] and commits.
fn mark_current(tx: rusqlite::Transaction) -> Result<()> {
    // A migration may rewrite a table's definition (writable_schema): make every connection,
    // this one included, read the schema again.
    let schema_version: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    tx.pragma_update(None, "schema_version", schema_version + 1)?;
    tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Copies an older store next to itself before upgrading it: `STORE.vN.bak`.
pub(super) fn copy_aside(store: &mut Store, version: i64) -> Result<PathBuf> {
    let mut name = store.path.as_os_str().to_owned();
    name.push(format!(".v{version}.bak"));
    let aside = PathBuf::from(name);
    if std::fs::symlink_metadata(&aside).is_ok() {
        return Err(Error::Fault(Fault::AsideExists { aside }));
    }
    super::open::create_private(&aside)?;
    if let Err(e) = store.backup_to(&aside) {
        let _ = std::fs::remove_file(&aside);
        return Err(e);
    }
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table's columns and every index, to compare two schemas.
    fn shape(conn: &Connection) -> Vec<String> {
        let mut out = Vec::new();
        let mut names = conn.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").unwrap();
        let rows: Vec<(String, String)> = names.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
        for (kind, name) in rows {
            out.push(format!("{kind} {name}"));
            if kind == "table" {
                let mut cols = conn.prepare(&format!("PRAGMA table_info(\"{name}\")")).unwrap();
                let mut c: Vec<String> = cols
                    .query_map([], |r| {
                        Ok(format!("  {} {} notnull={}", r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
                    })
                    .unwrap()
                    .map(|r| r.unwrap())
                    .collect();
                c.sort();
                out.extend(c);
            }
        }
        out
    }

    /// Every `IN (…)` list of three values or more in a table's definition.
    fn listed_sets(conn: &Connection) -> Vec<String> {
        let mut stmt = conn.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table'").unwrap();
        let sql: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        let mut found = Vec::new();
        for text in sql {
            for (at, _) in text.match_indices(" IN (") {
                let list = &text[at..at + text[at..].find(')').unwrap()];
                if list.matches(',').count() >= 2 {
                    found.push(list.to_string());
                }
            }
        }
        found
    }

    #[test]
    fn every_upgrade_reaches_the_current_schema() {
        let fresh = Connection::open_in_memory().unwrap();
        fresh.execute_batch(SCHEMA).unwrap();
        let old = Connection::open_in_memory().unwrap();
        old.execute_batch(include_str!("../../tests/fixtures/schema-v1.sql")).unwrap();
        for step in MIGRATIONS {
            old.execute_batch(step).unwrap();
        }
        let schema_version: i64 = old.pragma_query_value(None, "schema_version", |r| r.get(0)).unwrap();
        old.pragma_update(None, "schema_version", schema_version + 1).unwrap();
        assert_eq!(shape(&old), shape(&fresh));
        for conn in [&old, &fresh] {
            assert_eq!(listed_sets(conn), Vec::<String>::new(), "a CHECK SQLite evaluates with a temporary index per row");
        }
        let id = |c: &Connection| c.pragma_query_value(None, "application_id", |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!((id(&old), id(&fresh)), (APPLICATION_ID, APPLICATION_ID));
    }
}
