//! The SQLite file that holds one campaign: opening it safely, its schema and migrations, and
//! every query and write of engage. No other module sees SQL.
//!
//! Writes go through [`Store::write`]: one `BEGIN IMMEDIATE` transaction that commits whole or
//! rolls back when dropped, with every change journaled inside it.

mod journal;
mod plan;
mod reports;
mod schema;
mod sql;

pub use journal::HistoryFilter;

use crate::model::journal::Entry;
pub use schema::{CURRENT_VERSION, Upgrade};

use std::fs::OpenOptions;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::change::{Change, Item};
use crate::model::plan::Plan;
use crate::model::types::Family;
use crate::msg;

/// How long a command waits for another process's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// How many times a write is retried when SQLite reports the store busy despite the timeout.
const BUSY_RETRIES: u32 = 5;

/// Who changes the store and with which command, for the journal.
#[derive(Debug, Clone)]
pub struct Actor {
    /// `$ENGAGE_ACTOR`, else the login name.
    pub name: String,
    /// The command as typed, e.g. `agenda done clerks-2018-07/guide`.
    pub command: String,
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    upgraded: Option<Upgrade>,
}

/// Whether opening may create the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// The store must exist already.
    Existing,
    /// Create the store (mode 0600) when it does not exist.
    Create,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (or creates) the store at `path`, migrating an older schema after copying the file
    /// aside, and refusing a file that is not an engage store or is from a newer engage.
    pub fn open(path: &Path, mode: Open) -> Result<Store> {
        let shown = path.display();
        let exists = path.exists();
        if !exists && mode == Open::Existing {
            return Err(Error::Store(msg!(
                "no store at {shown}: create one with `engage init --name NAME --end DATE` or `engage plan apply FILE`",
                "aucune base à {shown} : créez-en une avec `engage init --name NOM --end DATE` ou `engage plan apply FICHIER`"
            )));
        }
        if exists {
            if path.is_dir() {
                return Err(Error::input(msg!(
                    "{shown} is a directory, not a store file",
                    "{shown} est un répertoire, pas un fichier de base"
                )));
            }
            let mut head = Vec::with_capacity(16);
            std::fs::File::open(path)
                .and_then(|f| f.take(16).read_to_end(&mut head))
                .map_err(|e| Error::io(msg!("cannot read {shown}", "impossible de lire {shown}"), e))?;
            if !head.is_empty() && head.as_slice() != SQLITE_MAGIC {
                return Err(Error::Store(msg!(
                    "{shown} is not an engage store (not a SQLite database); nothing was changed: check --db or $ENGAGE_DB",
                    "{shown} n'est pas une base engage (ce n'est pas une base SQLite); rien n'a été changé : vérifiez --db ou $ENGAGE_DB"
                )));
            }
        } else {
            create_private(path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| damaged(path, e))?;
        let mut store = Store { conn, path: path.to_path_buf(), upgraded: None };
        store.configure().map_err(|e| damaged(path, e))?;
        store.upgraded = schema::migrate(&mut store)?;
        Ok(store)
    }

    fn configure(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidQuery);
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// The upgrade that opening made, if the file was from an older engage.
    pub fn upgraded(&self) -> Option<&Upgrade> {
        self.upgraded.as_ref()
    }

    /// Where the store is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` in one immediate transaction, committed when it returns `Ok`. A busy store is
    /// waited for ([`BUSY_TIMEOUT`]) and the transaction retried a bounded number of times.
    pub fn write<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut attempt = 0;
        let tx = loop {
            match self.conn.transaction_with_behavior(TransactionBehavior::Immediate) {
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

    /// Runs `work` on one consistent read snapshot.
    pub fn read<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let value = work(&tx)?;
        tx.finish()?;
        Ok(value)
    }

    /// Copies the store to `target` through SQLite's online backup, consistent even while another
    /// process writes.
    /// The copy is created with mode 0600, like the store.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if !target.exists() {
            create_private(target)?;
        }
        self.conn.backup(rusqlite::MAIN_DB, target, rusqlite::backup::NO_PROGRESS).map_err(|e| {
            let target = target.display();
            Error::Store(msg!("cannot copy the store to {target}: {e}", "impossible de copier la base vers {target} : {e}"))
        })
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

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// Creates an empty file readable and writable by its owner only.
fn create_private(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(|_| ()).map_err(|e| {
        let hint = match e.kind() {
            std::io::ErrorKind::NotFound => msg!(": its directory does not exist", " : son répertoire n'existe pas"),
            std::io::ErrorKind::PermissionDenied => msg!(": permission denied", " : permission refusée"),
            _ => Msg::default(),
        };
        let shown = path.display();
        Error::Store(Msg {
            en: format!("cannot create the store {shown}{} ({e})", hint.en),
            fr: format!("impossible de créer la base {shown}{} ({e})", hint.fr),
        })
    })
}

/// Turns an error opening a store into a message saying what to do.
fn damaged(path: &Path, e: rusqlite::Error) -> Error {
    let shown = path.display();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::Store(msg!(
            "{shown} is damaged or not an engage store ({e}); nothing was changed: restore it from a backup",
            "{shown} est endommagée ou n'est pas une base engage ({e}); rien n'a été changé : restaurez-la à partir d'une copie"
        )),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Error::Store(msg!(
            "cannot open {shown} for writing ({e}): check the permissions of the file and its directory",
            "impossible d'ouvrir {shown} en écriture ({e}) : vérifiez les droits du fichier et de son répertoire"
        )),
        _ => Error::Store(msg!("cannot open {shown}: {e}", "impossible d'ouvrir {shown} : {e}")),
    }
}

/// Report queries, each on one consistent snapshot.
impl Store {
    /// Open items dated up to `until` and meetings from `from` to `until`, by date, kind, key.
    pub fn upcoming(&mut self, from: chrono::NaiveDate, until: chrono::NaiveDate) -> Result<Vec<crate::model::item::Row>> {
        self.read(|tx| reports::upcoming(tx, from, until))
    }

    /// Everything the status report needs, read in one snapshot.
    pub fn status(&mut self, as_of: chrono::NaiveDate) -> Result<crate::model::status::Status> {
        self.read(|tx| status_in(tx, as_of, &[], |_| {}))
    }

    /// Everything the one-page report needs, read in one snapshot: the status, the open items
    /// and meetings from `as_of` to `until`, and every channel, material and milestone.
    pub fn report(&mut self, as_of: chrono::NaiveDate, until: chrono::NaiveDate) -> Result<crate::model::report::Report> {
        self.read(|tx| {
            let (mut channels, mut materials, mut milestones) = (Vec::new(), Vec::new(), Vec::new());
            let listed = [Family::Channel, Family::Material, Family::Milestone];
            let status = status_in(tx, as_of, &listed, |row| match row.kind {
                Family::Channel => channels.push(row.report(as_of)),
                Family::Material => materials.push(row.report(as_of)),
                Family::Milestone => milestones.push(row.report(as_of)),
                Family::AgendaItem | Family::Meeting | Family::Organization | Family::Table => {}
            })?;
            let next = reports::upcoming(tx, as_of, until)?
                .into_iter()
                .filter(|r| r.date.is_some_and(|d| d >= as_of))
                .map(|r| r.report(as_of))
                .collect();
            let within_days = (until - as_of).num_days();
            Ok(crate::model::report::Report { status, within_days, next, channels, materials, milestones })
        })
    }

    /// The campaign's end and the schedule on `as_of`, then every tracked row streamed to `each`.
    pub fn progress(
        &mut self,
        as_of: chrono::NaiveDate,
        each: impl FnMut(&crate::model::schedule::Schedule, crate::model::item::Row) -> Result<()>,
    ) -> Result<()> {
        let mut each = each;
        self.read(|tx| {
            let campaign = plan::load_campaign(tx)?.ok_or_else(no_campaign)?;
            let schedule = crate::model::schedule::schedule(&reports::milestone_nodes(tx)?, campaign.end, as_of);
            reports::for_each_tracked(tx, |row| each(&schedule, row))
        })
    }
}

/// The status report from one snapshot; `also` sees every tracked row of the kinds in `listed`
/// as it streams by. Rows that are neither listed nor overdue are counted without reading their
/// texts.
fn status_in(
    tx: &rusqlite::Transaction,
    as_of: chrono::NaiveDate,
    listed: &[crate::model::types::Family],
    mut also: impl FnMut(&crate::model::item::Row),
) -> Result<crate::model::status::Status> {
    use crate::model::status::{CampaignInfo, ReachInput, Tally, build};
    use crate::model::types::State;
    let campaign = plan::load_campaign(tx)?.ok_or_else(no_campaign)?;
    let mut tally = Tally::new(as_of);
    reports::for_each_tracked_lazily(tx, |head, full| {
        let overdue = tally.count(head) == Some(State::Overdue);
        let wanted = listed.contains(&head.kind);
        if overdue || wanted {
            let row = full()?;
            if overdue {
                tally.overdue(&row);
            }
            if wanted {
                also(&row);
            }
        }
        Ok(())
    })?;
    let nodes = reports::milestone_nodes(tx)?;
    let reach = reports::reach_data(tx, as_of)?;
    let sides = reports::parity_sides(tx)?;
    let info = CampaignInfo { name: campaign.name, name_fr: campaign.name_fr, start: campaign.start, end: campaign.end };
    let input = ReachInput {
        organizations: &reach.organizations,
        members: &reach.members,
        briefed_tables: &reach.briefed_tables,
        publishing: &reach.publishing,
    };
    Ok(build(info, tally, &nodes, input, &sides))
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
fn unknown_in(tx: &Transaction, family: Family, key: &str) -> Error {
    let nearest = plan::keys(tx, family)
        .ok()
        .and_then(|keys| crate::model::suggest::nearest(key, keys.iter().map(String::as_str)).map(str::to_string));
    Error::Unknown { family, key: key.to_string(), nearest }
}

/// What `engage check` asks of SQLite.
impl Store {
    /// SQLite's own checks: `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. Each problem
    /// is one sentence; an empty list means the file is sound.
    pub fn sqlite_problems(&mut self) -> Result<Vec<Msg>> {
        self.read(|tx| {
            let mut problems = Vec::new();
            let mut stmt = tx.prepare("PRAGMA integrity_check")?;
            for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
                let line = line?;
                if line != "ok" {
                    problems.push(msg!("integrity: {line}", "intégrité : {line}"));
                }
            }
            let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
            for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?)))? {
                let (table, rowid, parent) = row?;
                let rowid = rowid.unwrap_or_default();
                problems.push(msg!(
                    "foreign key: row {rowid} of {table} points to a missing {parent}",
                    "clé étrangère : la ligne {rowid} de {table} renvoie à un {parent} absent"
                ));
            }
            Ok(problems)
        })
    }
}
