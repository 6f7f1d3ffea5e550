//! The store that holds one campaign — a SQLite file, or a PostgreSQL team store — opening it
//! safely, its schemas and migrations, and every query and write of engage. No other module sees
//! SQL. The two engines sit behind one seam ([`db::Tx`]); every query is written once.
//!
//! Writes go through [`Store::write`]: one transaction that commits whole or rolls back when
//! dropped, with every change journaled inside it. On SQLite it is `BEGIN IMMEDIATE`; on
//! PostgreSQL, a transaction under the writers' lock (see [`pg`]).

mod actions_results;
mod batch;
mod copy;
pub mod db;
mod fault;
mod journal;
mod open;
pub mod pg;
mod place;
mod plan;
mod reports;
mod schema;
mod tls;

pub use fault::{Fault, SqliteProblem};
pub use journal::HistoryFilter;
pub use open::{Open, parent_dir, sibling};
pub use place::refuse_network_fs;
pub use plan::Writer as PlanWriter;

use crate::model::journal::Entry;
pub use schema::{CURRENT_VERSION, Upgrade};

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

pub use db::{Engine, Tx};

use crate::error::{Error, Result};
use crate::model::change::{Change, Item, Tally};
use crate::model::plan::Plan;
use crate::model::types::Family;
use db::args;

/// How long a command waits for another process's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// How many times a write is retried when SQLite reports the store busy despite the timeout.
const BUSY_RETRIES: u32 = 5;

/// Whether `db` (a `--db` value) names a team store (`postgres://…`) rather than a SQLite file.
pub fn is_team(db: &Path) -> bool {
    db.to_str().is_some_and(pg::is_url)
}

/// `db` (a `--db` value) as engage shows it: a team store's URL without its password.
pub fn shown(db: &Path) -> String {
    if is_team(db) { pg::without_passwords(&db.to_string_lossy()) } else { db.display().to_string() }
}

/// Who changes the store and with which command, for the journal.
#[derive(Debug, Clone)]
pub struct Actor {
    /// `$ENGAGE_ACTOR`, else the login name.
    pub name: String,
    /// The command as typed, e.g. `agenda done clerks-2018-07/guide`.
    pub command: String,
}

/// The connection to a store, on its engine.
enum Conn {
    Sqlite(Connection),
    Postgres(Box<pg::Team>),
}

/// An open store.
pub struct Store {
    conn: Conn,
    path: PathBuf,
    upgraded: Option<Upgrade>,
    /// A new store not moved into place yet (see [`Open::Create`]).
    pending: Option<open::Pending>,
}

impl Store {
    /// The upgrade that opening made, if the file was from an older engage.
    pub fn upgraded(&self) -> Option<&Upgrade> {
        self.upgraded.as_ref()
    }

    /// Where the store is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Which engine the store is kept in.
    pub fn engine(&self) -> Engine {
        match self.conn {
            Conn::Sqlite(_) => Engine::Sqlite,
            Conn::Postgres(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection of a store kept in a file.
    #[cfg(test)]
    fn sqlite(&self) -> Option<&Connection> {
        match &self.conn {
            Conn::Sqlite(c) => Some(c),
            Conn::Postgres(_) => None,
        }
    }

    /// Runs `work` in one writing transaction, committed when it returns `Ok`. On SQLite a busy
    /// store is waited for ([`BUSY_TIMEOUT`]) and the transaction retried a bounded number of
    /// times; on PostgreSQL, see [`pg::write`].
    pub fn write<T>(&mut self, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        match &mut self.conn {
            Conn::Postgres(client) => pg::write(client, work),
            Conn::Sqlite(conn) => {
                // A new store's first write ends by creating its secondary indexes.
                let indexes = self.pending.is_some().then(schema::secondary_indexes);
                let work = |tx: &Tx| {
                    let value = work(tx)?;
                    if let Some(indexes) = &indexes {
                        tx.script(indexes)?;
                    }
                    Ok(value)
                };
                let value = sqlite_write(conn, work).map_err(|e| corrupt(&path, e))?;
                self.settle().map_err(|e| corrupt(&path, e))?;
                Ok(value)
            }
        }
    }

    /// Runs `work` on one consistent read snapshot.
    pub fn read<T>(&mut self, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        match &mut self.conn {
            Conn::Postgres(team) if team.is_empty() => Err(Error::Fault(Fault::NotYet { path })),
            Conn::Postgres(team) => pg::read(team, work),
            Conn::Sqlite(conn) => {
                let read = || -> Result<T> {
                    let tx = Tx::sqlite(conn, TransactionBehavior::Deferred)?;
                    let value = work(&tx)?;
                    tx.finish()?;
                    Ok(value)
                };
                read().map_err(|e| corrupt(&path, e))
            }
        }
    }

    /// Copies the store into the existing empty file `target` (made by the caller, with the mode
    /// it wants): one consistent snapshot, even while another process writes. A SQLite store is
    /// copied through SQLite's online backup, which writes no journal beside `target`; a team
    /// store is copied into a new SQLite store there, journal included. A copy that fails is
    /// thrown away whole by the caller.
    pub fn backup_to(&mut self, target: &Path) -> Result<()> {
        let fail = |e: rusqlite::Error| Error::Fault(Fault::CopyFailed { target: target.to_path_buf(), detail: e.to_string() });
        let Conn::Sqlite(conn) = &self.conn else {
            let mut into = Store::open(target, Open::Create)?;
            return copy::copy(self, &mut into).map(drop);
        };
        let mut copy =
            Connection::open_with_flags(target, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(fail)?;
        copy.pragma_update(None, "journal_mode", "OFF").map_err(fail)?;
        copy_whole(conn, &mut copy).map_err(fail)?;
        copy.close().map_err(|(_, e)| fail(e))
    }

    /// The whole campaign as plain data.
    pub fn load_plan(&mut self) -> Result<Plan> {
        self.read(plan::load)
    }

    /// In one write transaction: reads the campaign, asks `decide` what to change, writes and
    /// journals those changes. Returns what `decide` returned. Nothing is written on error.
    pub fn change_plan<T>(&mut self, actor: &Actor, decide: impl FnOnce(Plan) -> Result<(Vec<Change>, T)>) -> Result<(Vec<Change>, T)> {
        self.change_plan_reporting(actor, decide, &|_, _| {})
    }

    /// [`Store::change_plan`], telling `written(done, total)` how far the writing has gone (every
    /// few hundred changes, and at the end).
    pub fn change_plan_reporting<T>(
        &mut self,
        actor: &Actor,
        decide: impl FnOnce(Plan) -> Result<(Vec<Change>, T)>,
        written: &dyn Fn(usize, usize),
    ) -> Result<(Vec<Change>, T)> {
        self.write(|tx| {
            let stored = plan::load(tx)?;
            let (changes, value) = decide(stored)?;
            plan::apply(tx, &changes, actor, written)?;
            Ok((changes, value))
        })
    }

    /// The stored campaign in parts, handed to `each` as they are read, in one read transaction
    /// (see [`plan::load_in_parts`]): `each` may take each part away, so that the campaign is
    /// never held whole here.
    pub fn plan_in_parts(&mut self, each: &mut dyn FnMut(&mut Plan)) -> Result<()> {
        self.read(|tx| plan::load_in_parts(tx, each))
    }

    /// In one write transaction: hands `decide` the stored campaign, to read in parts
    /// ([`StoredPlan::parts`]), with a [`PlanWriter`], which writes and journals each change as
    /// `decide` hands it over, so that the changes are never all held at once. Returns what
    /// `decide` returned and what the changes did. Nothing is written on error.
    pub fn change_plan_streaming<T>(
        &mut self,
        actor: &Actor,
        decide: impl FnOnce(StoredPlan, &mut PlanWriter) -> Result<T>,
        written: &dyn Fn(usize, usize),
    ) -> Result<(Tally, T)> {
        self.write(|tx| {
            let mut writer = plan::Writer::new(tx, actor, written);
            let value = decide(StoredPlan { tx }, &mut writer)?;
            Ok((writer.finish()?, value))
        })
    }

    /// Journal entries, newest first.
    pub fn history(&mut self, filter: &HistoryFilter) -> Result<Vec<Entry>> {
        self.read(|tx| journal::history(tx, filter))
    }

    /// Whether `key` names an item of any kind that the store holds or the journal records.
    pub fn knows(&mut self, key: &str) -> Result<bool> {
        self.read(|tx| journal::knows(tx, key))
    }

    /// How many entries the journal holds.
    pub fn journal_len(&mut self) -> Result<i64> {
        self.read(journal::count)
    }
}

/// [`Store::write`] on SQLite: `BEGIN IMMEDIATE`, retried a bounded number of times while busy.
fn sqlite_write<T>(conn: &mut Connection, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
    let mut attempt = 0;
    let tx = loop {
        match Tx::sqlite(conn, TransactionBehavior::Immediate) {
            Ok(tx) => break tx,
            Err(e) if is_busy(&e) && attempt < BUSY_RETRIES => {
                attempt += 1;
                thread::sleep(Duration::from_millis(50 * u64::from(attempt)));
            }
            Err(e) => return Err(e.into()),
        }
    };
    let value = work(&tx)?;
    tx.commit()?;
    Ok(value)
}

/// Copies the database of `from` into `to` in one step (one consistent snapshot), waiting a
/// bounded time while another process holds a lock.
fn copy_whole(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    let backup = Backup::new(from, to)?;
    let mut waits = 0;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked if waits < 100 => {
                waits += 1;
                thread::sleep(Duration::from_millis(50));
            }
            _ => return Err(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None)),
        }
    }
}

/// A SQLite error that says the file is damaged, met while reading or writing, as the fault it
/// is; any other error as it was.
fn corrupt(path: &Path, e: Error) -> Error {
    match e {
        Error::Sqlite(se) if matches!(se.sqlite_error_code(), Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)) => {
            Error::Fault(Fault::Damaged { path: path.to_path_buf(), detail: se.to_string() })
        }
        other => other,
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// The campaign a write transaction finds in the store, read when asked.
pub struct StoredPlan<'a, 't> {
    tx: &'a Tx<'t>,
}

impl StoredPlan<'_, '_> {
    /// Hands `each` the campaign in parts, as they are read ([`plan::load_in_parts`]).
    pub fn parts(&self, each: &mut dyn FnMut(&mut Plan)) -> Result<()> {
        plan::load_in_parts(self.tx, each)
    }
}

/// One consistent read of the store, with the typed queries reports are made of. The store
/// answers queries; the commands assemble reports from the answers with the model.
pub struct Snapshot<'a, 't> {
    tx: &'a Tx<'t>,
}

impl Snapshot<'_, '_> {
    /// The campaign; [`Error::NoCampaign`] when the store has none yet.
    pub fn campaign(&self) -> Result<crate::model::plan::Campaign> {
        plan::load_campaign(self.tx)?.ok_or_else(no_campaign)
    }

    /// Open items dated up to `until` (those done after `from`, the as-of date, included) and
    /// meetings from `from` to `until`, by date, kind, key.
    pub fn upcoming(&self, from: chrono::NaiveDate, until: chrono::NaiveDate) -> Result<Vec<crate::model::item::Row>> {
        reports::upcoming(self.tx, from, until)
    }

    /// Every tracked row, one family at a time, each in key order if `by_key` (else as stored,
    /// which costs less), handed to `each` with its dated head and a function that reads the
    /// whole row: texts are read only for the rows that need them.
    pub fn for_each_tracked_lazily(
        &self,
        by_key: bool,
        each: impl FnMut(&crate::model::item::Head, &dyn Fn() -> Result<crate::model::item::Row>) -> Result<()>,
    ) -> Result<()> {
        reports::for_each_tracked_lazily(self.tx, by_key, each)
    }

    /// Every tracked row, streamed to `each`.
    pub fn for_each_tracked(&self, each: impl FnMut(crate::model::item::Row) -> Result<()>) -> Result<()> {
        reports::for_each_tracked(self.tx, each)
    }

    /// The campaign's glossary.
    pub fn glossary(&self) -> Result<crate::model::glossary::Glossary> {
        plan::load_glossary(self.tx)
    }

    /// The milestone graph.
    pub fn milestone_nodes(&self) -> Result<Vec<crate::model::schedule::Node>> {
        reports::milestone_nodes(self.tx)
    }

    /// The facts reach is computed from.
    pub fn reach_facts(&self) -> Result<crate::model::reach::Facts> {
        reports::reach_facts(self.tx)
    }

    /// Every expected result with its measurements, by key.
    pub fn results(&self) -> Result<Vec<crate::model::plan::ExpectedResult>> {
        reports::results(self.tx)
    }

    /// Channels and materials that name a counterpart, and those they name.
    pub fn parity_sides(&self) -> Result<Vec<crate::model::parity::Side>> {
        reports::parity_sides(self.tx)
    }
}

impl Store {
    /// Runs `work` on one consistent read of the store.
    pub fn snapshot<T>(&mut self, work: impl FnOnce(&Snapshot) -> Result<T>) -> Result<T> {
        self.read(|tx| work(&Snapshot { tx }))
    }
}

fn no_campaign() -> Error {
    Error::NoCampaign
}

/// Single items: read one, change one.
impl Store {
    /// One item of `family` by key; `None` when there is none.
    pub fn load_item(&mut self, family: Family, key: &str) -> Result<Option<Item>> {
        self.read(|tx| plan::load_item(tx, family, key))
    }

    /// The keys of every item of `family` (`MEETING/ITEM` for agenda items), sorted.
    pub fn keys(&mut self, family: Family) -> Result<Vec<String>> {
        self.read(|tx| plan::keys(tx, family))
    }

    /// In one write transaction: reads the item, asks `decide` for its new form, and writes and
    /// journals it if it differs. Returns the change, or `None` when nothing changed. An unknown
    /// key is [`Error::Unknown`].
    pub fn change_item(
        &mut self,
        actor: &Actor,
        family: Family,
        key: &str,
        decide: impl FnOnce(&Item) -> Result<Item>,
    ) -> Result<Option<Change>> {
        self.write(|tx| {
            let before = plan::load_item(tx, family, key)?.ok_or_else(|| unknown_in(tx, family, key))?;
            let after = decide(&before)?;
            if after == before {
                return Ok(None);
            }
            let change = Change::Update { before, after };
            plan::apply(tx, std::slice::from_ref(&change), actor, &|_, _| {})?;
            Ok(Some(change))
        })
    }

    /// The error for a key of `family` that names nothing, with the nearest key there is.
    pub fn unknown(&mut self, family: Family, key: &str) -> Error {
        match self.read(|tx| Ok(unknown_in(tx, family, key))) {
            Ok(e) | Err(e) => e,
        }
    }
}

/// [`Error::Unknown`] for `key`, suggesting the nearest key of `family` in the store.
fn unknown_in(tx: &Tx, family: Family, key: &str) -> Error {
    let nearest = plan::keys(tx, family)
        .ok()
        .and_then(|keys| crate::model::suggest::nearest(key, keys.iter().map(String::as_str)).map(str::to_string));
    Error::Unknown { family, key: key.to_string(), nearest }
}

/// Moving a campaign between stores, and who may use a team store.
impl Store {
    /// Copies the whole campaign of this store, journal included (ids, times, actors as they
    /// are), into `into`, in one transaction there; refuses a store that already holds a
    /// campaign or a journal ([`Fault::Occupied`]). Returns how many items and journal entries
    /// were copied.
    pub fn copy_into(&mut self, into: &mut Store) -> Result<(usize, usize)> {
        copy::copy(self, into)
    }

    /// Grants `role` reading or writing this team store, or revokes what it had (`None`);
    /// [`Fault::NotTeam`] on a SQLite file.
    pub fn grant(&mut self, role: &str, access: Option<pg::Access>) -> Result<()> {
        match &mut self.conn {
            Conn::Postgres(client) => pg::grant(client, role, access),
            Conn::Sqlite(_) => Err(Error::Fault(Fault::NotTeam { path: self.path.clone() })),
        }
    }
}

/// What `engage check` asks of the engine.
impl Store {
    /// The engine's own checks. SQLite: `PRAGMA integrity_check` and `PRAGMA foreign_key_check`,
    /// each problem one sentence (SQLite skips CHECK constraints on a store opened only to read:
    /// such a store is checked through a copy in memory). PostgreSQL: see [`pg::problems`].
    pub fn sqlite_problems(&mut self) -> Result<Vec<SqliteProblem>> {
        let path = self.path.clone();
        self.engine_problems().map_err(|e| corrupt(&path, e))
    }

    fn engine_problems(&mut self) -> Result<Vec<SqliteProblem>> {
        let conn = match &mut self.conn {
            Conn::Sqlite(conn) => conn,
            Conn::Postgres(client) => return pg::problems(client).map_err(pg::denied),
        };
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            let mut memory = Connection::open_in_memory()?;
            copy_whole(conn, &mut memory)?;
            return sqlite_problems_in(&memory);
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let problems = sqlite_problems_in(&tx)?;
        tx.finish()?;
        Ok(problems)
    }
}

impl Store {
    /// The engine's quick check of the whole store (its structure, not its constraints): a damaged
    /// file is [`Fault::Damaged`]. A team store is checked by reading its schema version.
    pub fn quick_check(&mut self) -> Result<()> {
        let path = self.path.clone();
        if self.engine() == Engine::Postgres {
            return self.read(|tx| tx.value::<i64>("SELECT version FROM engage_store WHERE id = 1", args![]).map(drop));
        }
        let first: String = self.read(|tx| tx.value("PRAGMA quick_check(1)", args![]))?;
        if first == "ok" { Ok(()) } else { Err(Error::Fault(Fault::Damaged { path, detail: first })) }
    }
}

/// [`Store::sqlite_problems`] of one connection.
fn sqlite_problems_in(conn: &Connection) -> Result<Vec<SqliteProblem>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = line?;
        if line != "ok" {
            problems.push(SqliteProblem::Integrity(line));
        }
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?)))? {
        let (table, rowid, parent) = row?;
        let rowid = rowid.unwrap_or_default();
        problems.push(SqliteProblem::ForeignKey { table, rowid, parent });
    }
    // What the schema does not check on every row written (a team store's columns are JSON).
    let mut stmt = conn.prepare(
        "SELECT id, before IS NOT NULL AND NOT json_valid(before), after IS NOT NULL AND NOT json_valid(after) FROM journal
          WHERE (before IS NOT NULL AND NOT json_valid(before)) OR (after IS NOT NULL AND NOT json_valid(after)) ORDER BY id",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?, r.get::<_, bool>(2)?)))? {
        let (id, before, after) = row?;
        for (bad, column) in [(before, "before"), (after, "after")] {
            if bad {
                problems.push(SqliteProblem::JournalNotJson { id, column });
            }
        }
    }
    Ok(problems)
}
