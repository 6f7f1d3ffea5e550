//! Opening a store: which files engage accepts as one, and the three ways a command opens it (to
//! read, to write, to create). Nothing about a file is changed before it is known to be an engage
//! store, and a command that only reads changes nothing at all.

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use tempfile::TempPath;

use super::Fault;
use super::place::{network_fs, refuse_network_fs};
use super::{BUSY_TIMEOUT, Conn, Store, pg, schema};
use crate::error::{Error, Result};

/// How a command opens the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// Only to read. The file must be an engage store already, and nothing about it is changed:
    /// no upgrade (an older store is read through an upgraded copy in memory), no journal mode.
    /// A store the process may not write to, even on read-only media, is read as it is.
    ///
    /// A store on a network file system is read too: reading cannot lose a change, as long as
    /// the reader never writes. There SQLite opens the file only to read (so that closing never
    /// checkpoints the write-ahead log into the file or deletes it, which a reader that may write
    /// does); when no write-ahead log or rollback journal is beside it, the file is read as
    /// immutable, without the locks and shared memory a network file system does not keep
    /// straight, and no file is created. A writer elsewhere at the same moment can make such a
    /// read fail or see an older state; it cannot damage the store.
    ReadOnly,
    /// To write. The file must be an engage store already; an older one is upgraded, after being
    /// copied aside. Refused on a network file system (see `store::place`).
    Existing,
    /// To write, creating the store (mode 0600) when there is none or the file is empty. A new
    /// store is built in a temporary file beside its path and moved there when its first write
    /// commits: a command that fails before that leaves no file behind. Refused on a network
    /// file system (see `store::place`), before any file is created.
    Create,
}

/// A new store not in place yet: its temporary file, and whether it replaces an empty file. Its
/// secondary indexes are created by its first write, once the rows are in (see
/// [`schema::create_without_indexes`]).
pub(super) struct Pending {
    temp: TempPath,
    replaces: bool,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens the store at `path` as `mode` says, refusing a file that is not an engage store
    /// (before changing anything about it) or is from a newer engage, and a store to write on a
    /// network file system.
    pub fn open(path: &Path, mode: Open) -> Result<Store> {
        if let Some(url) = path.to_str().filter(|p| pg::is_url(p)) {
            return Store::open_team(url, mode);
        }
        let meta = match fs::metadata(path) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::Fault(Fault::Unreadable { path: path.to_path_buf(), source: e })),
        };
        match &meta {
            Some(m) if m.is_dir() => return Err(Error::Fault(Fault::Directory { path: path.to_path_buf() })),
            Some(m) if !m.is_file() => return Err(Error::Fault(Fault::NotRegular { path: path.to_path_buf() })),
            _ if mode != Open::ReadOnly => refuse_network_fs(path)?,
            _ => {}
        }
        match meta {
            Some(m) if m.len() > 0 => Store::open_existing(path, mode),
            found => match mode {
                Open::Create => Store::create(path, found.is_some()),
                Open::ReadOnly | Open::Existing if found.is_some() => Err(Error::Fault(Fault::Empty { path: path.to_path_buf() })),
                Open::ReadOnly | Open::Existing => Err(Error::Fault(Fault::Missing { path: path.to_path_buf() })),
            },
        }
    }

    /// A store file that exists and is not empty.
    fn open_existing(path: &Path, mode: Open) -> Result<Store> {
        let mut head = Vec::with_capacity(16);
        fs::File::open(path)
            .and_then(|f| f.take(16).read_to_end(&mut head))
            .map_err(|e| Error::Fault(Fault::Unreadable { path: path.to_path_buf(), source: e }))?;
        if head.as_slice() != SQLITE_MAGIC {
            return Err(Error::Fault(Fault::NotSqlite { path: path.to_path_buf() }));
        }
        if mode == Open::ReadOnly {
            return Store::open_read_only(path);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| damaged(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| damaged(path, e))?;
        // What the file is, before anything about it changes (the journal mode included).
        let version = schema::inspect(&conn).map_err(|e| damaged(path, e))?.version(path)?;
        if version == 0 && mode != Open::Create {
            return Err(not_yet(path));
        }
        configure(&conn).map_err(|e| damaged(path, e))?;
        let mut store = Store { conn: Conn::Sqlite(conn), path: path.to_path_buf(), upgraded: None, pending: None };
        if version == 0 {
            schema::migrate(&mut store, 0, path)?;
        } else if version < schema::CURRENT_VERSION {
            let kept_as = schema::copy_aside(&mut store, version)?;
            schema::migrate(&mut store, version, path)?;
            store.upgraded = Some(schema::Upgrade { from: version, kept_as });
        }
        Ok(store)
    }

    /// Opens a store only to read it. Where the process may write, the connection can (so that
    /// SQLite removes the WAL files it reads through when done) but is kept from writing
    /// (`query_only`); elsewhere it is read-only. On a store whose directory may not be written
    /// (read-only media) SQLite cannot make the files a WAL store is read through; when there is
    /// no write-ahead log to miss, the file is then read as immutable. On a network file system
    /// the connection never may write (see [`Open::ReadOnly`]).
    fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let fail = |e| unreadable(path, e);
        let immutable = || {
            let conn = Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI).map_err(fail)?;
            let found = schema::inspect(&conn).map_err(fail)?;
            Ok::<_, Error>((conn, found))
        };
        let network = network_fs(path).is_some();
        if network && !sibling(path, "-wal").exists() && !sibling(path, "-journal").exists() {
            return Store::read_only_from(path, immutable()?);
        }
        let may_write = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open = |flags| Connection::open_with_flags(path, flags);
        let conn = if network { open(flags) } else { open(may_write).or_else(|_| open(flags)) }.map_err(fail)?;
        conn.pragma_update(None, "query_only", true).map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        let opened = match schema::inspect(&conn) {
            Ok(found) => (conn, found),
            Err(e) if cannot_open(&e) && !sibling(path, "-wal").exists() => {
                drop(conn);
                immutable()?
            }
            Err(e) => return Err(fail(e)),
        };
        Store::read_only_from(path, opened)
    }

    /// The store a command that only reads sees, from a connection to `path` and what it holds.
    fn read_only_from(path: &Path, (conn, found): (Connection, schema::Found)) -> Result<Store> {
        let fail = |e| unreadable(path, e);
        let version = found.version(path)?;
        if version == 0 {
            return Err(not_yet(path));
        }
        conn.pragma_update(None, "foreign_keys", true).map_err(fail)?;
        let conn = if version < schema::CURRENT_VERSION { upgraded_in_memory(&conn, version, path)? } else { conn };
        Ok(Store { conn: Conn::Sqlite(conn), path: path.to_path_buf(), upgraded: None, pending: None })
    }

    /// A new store in a temporary file beside `path` (see [`Open::Create`]); `replaces`: an
    /// empty file is at `path` and will be replaced.
    fn create(path: &Path, replaces: bool) -> Result<Store> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".new")
            .tempfile_in(parent_dir(path))
            .map_err(|e| cannot_create(path, e))?
            .into_temp_path();
        let fail = |e| damaged(path, e);
        let conn = Connection::open_with_flags(&temp, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(fail)?;
        // Until it is in place the file is private to this process: no journal file to leave behind.
        conn.pragma_update(None, "journal_mode", "MEMORY").map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(fail)?;
        let mut store =
            Store { conn: Conn::Sqlite(conn), path: path.to_path_buf(), upgraded: None, pending: Some(Pending { temp, replaces }) };
        schema::create_without_indexes(&mut store)?;
        Ok(store)
    }

    /// Moves a new store into place once its first write has committed, then reopens it there
    /// as any store. Does nothing for a store that was already in place.
    pub(super) fn settle(&mut self) -> Result<()> {
        let Some(Pending { temp, replaces }) = self.pending.take() else {
            return Ok(());
        };
        // Closes the temporary store, so that everything is in its file.
        self.conn = Conn::Sqlite(Connection::open_in_memory()?);
        let moved = if replaces { temp.persist(&self.path) } else { temp.persist_noclobber(&self.path) };
        moved.map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Fault(Fault::CreatedMeanwhile { path: self.path.clone() })
            } else {
                Error::Fault(Fault::CannotCreate { path: self.path.clone(), source: e.error })
            }
        })?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags).map_err(|e| damaged(&self.path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| damaged(&self.path, e))?;
        configure(&conn).map_err(|e| damaged(&self.path, e))?;
        self.conn = Conn::Sqlite(conn);
        Ok(())
    }

    /// Opens the team store at `url` as `mode` says: a database of another application or of a
    /// newer engage is refused before anything about it changes; an empty database gets the
    /// schema from the first write of a command that may create a store (in that write's
    /// transaction); an older one is upgraded in place, in one transaction (PostgreSQL keeps its
    /// own backups: no copy is set aside).
    fn open_team(url: &str, mode: Open) -> Result<Store> {
        let url = pg::Url::parse(url)?;
        let team = pg::Team::open(&url, mode == Open::Create)?;
        let path = PathBuf::from(url.shown());
        Ok(Store { conn: Conn::Postgres(Box::new(team)), path, upgraded: None, pending: None })
    }
}

/// Foreign keys on, WAL journal, normal synchronisation: how engage writes a store.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    conn.pragma_update(None, "synchronous", "NORMAL")
}

/// A copy in memory of an older store, upgraded there: what a command that only reads sees.
fn upgraded_in_memory(conn: &Connection, version: i64, path: &Path) -> Result<Connection> {
    let mut memory = Connection::open_in_memory()?;
    super::copy_whole(conn, &mut memory).map_err(|e| damaged(path, e))?;
    memory.pragma_update(None, "foreign_keys", true)?;
    schema::migrate_connection(&mut memory, version, path)?;
    Ok(memory)
}

/// SQLite could not open or create a file it needs (a WAL store's `-shm` on read-only media).
fn cannot_open(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied))
}

/// `PATH` followed by `suffix` (`-wal`, `-shm`, `-journal`): the files SQLite keeps beside a store.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The directory a file `path` is in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `file:PATH?mode=ro&immutable=1`, the path percent-encoded.
fn immutable_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for &b in absolute.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    uri
}

/// Creates an empty file readable and writable by its owner only; refuses one that exists.
pub(super) fn create_private(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(|_| ()).map_err(|e| cannot_create(path, e))
}

fn cannot_create(path: &Path, e: std::io::Error) -> Error {
    Error::Fault(Fault::CannotCreate { path: path.to_path_buf(), source: e })
}

/// Turns an error opening a store into the fault it shows.
pub(super) fn damaged(path: &Path, e: rusqlite::Error) -> Error {
    let (path, detail) = (path.to_path_buf(), e.to_string());
    Error::Fault(match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Fault::Damaged { path, detail },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Fault::CannotWrite { path, detail },
        _ => Fault::CannotOpen { path, detail },
    })
}

/// A SQLite file with nothing in it, opened by a command that does not create a store.
fn not_yet(path: &Path) -> Error {
    Error::Fault(Fault::NotYet { path: path.to_path_buf() })
}

/// [`damaged`], for a store opened only to read.
fn unreadable(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            Error::Fault(Fault::CannotRead { path: path.to_path_buf(), detail: e.to_string() })
        }
        _ => damaged(path, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_store_appears_only_when_its_first_write_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        // A first write that fails: nothing is left, whatever was created meanwhile.
        let mut store = Store::open(&path, Open::Create).unwrap();
        let failed: Result<()> = store.write(|_| Err(Error::input(crate::i18n::Msg::same("no"))));
        assert!(failed.is_err());
        drop(store);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
        // A first write that commits puts the store in place, as a WAL store.
        let mut store = Store::open(&path, Open::Create).unwrap();
        store.write(|tx| tx.exec("INSERT INTO campaign (id, name, \"end\") VALUES (1, 'X', '2030-12-31')", crate::args![])).unwrap();
        let mode: String = store.sqlite().unwrap().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        drop(store);
        assert_eq!(names(dir.path()), ["new.db"]);
        let mut again = Store::open(&path, Open::ReadOnly).unwrap();
        assert_eq!(again.load_plan().unwrap().campaign.map(|c| c.name), Some("X".to_string()));
    }

    #[test]
    fn a_new_store_does_not_replace_one_created_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let mut store = Store::open(&path, Open::Create).unwrap();
        fs::write(&path, "someone else's").unwrap();
        let failed = store.write(|tx| tx.exec("INSERT INTO campaign (id, name, \"end\") VALUES (1, 'X', '2030-12-31')", crate::args![]));
        assert!(failed.is_err());
        drop(store);
        assert_eq!(fs::read_to_string(&path).unwrap(), "someone else's");
        assert_eq!(names(dir.path()), ["new.db"]);
    }

    #[test]
    fn an_immutable_uri_encodes_the_path() {
        assert_eq!(immutable_uri(Path::new("/a b/c?#%.db")), "file:/a%20b/c%3F%23%25.db?mode=ro&immutable=1");
    }
}
