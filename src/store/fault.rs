//! What can be wrong with a store, as typed facts: the store says what happened and where; the
//! wording, in both languages, is above it (`crate::i18n::faults`).

use std::path::PathBuf;

/// A store that cannot be used as it is, or a failure reading or changing it.
#[derive(Debug)]
pub enum Fault {
    /// Nothing at the path, for a command that does not create a store.
    Missing { path: PathBuf },
    /// An empty file, for a command that does not create a store.
    Empty { path: PathBuf },
    /// A SQLite file that holds no engage schema yet, for a command that does not create one.
    NotYet { path: PathBuf },
    /// A directory where the store should be (bad input).
    Directory { path: PathBuf },
    /// A device, FIFO or socket where the store should be (bad input).
    NotRegular { path: PathBuf },
    /// A file that is not a SQLite database.
    NotSqlite { path: PathBuf },
    /// A SQLite database of another application.
    Foreign { path: PathBuf },
    /// A store written by a newer engage.
    Newer { path: PathBuf, version: i64, known: i64 },
    /// SQLite finds the file damaged.
    Damaged { path: PathBuf, detail: String },
    /// The store is on a network file system (`fs`, as `NFS`), where it is not written: SQLite's
    /// WAL journal is not safe there. Exit 1, like a store that cannot be written: the path can
    /// be a store (it is read), the place cannot be written safely.
    NetworkFs { path: PathBuf, fs: &'static str },
    /// The store cannot be opened to write (permissions, read-only media).
    CannotWrite { path: PathBuf, detail: String },
    /// The store cannot be opened to read.
    CannotRead { path: PathBuf, detail: String },
    /// Opening failed otherwise.
    CannotOpen { path: PathBuf, detail: String },
    /// Reading the file itself failed.
    Unreadable { path: PathBuf, source: std::io::Error },
    /// Creating the store's file failed.
    CannotCreate { path: PathBuf, source: std::io::Error },
    /// Another command created the store while this one prepared it.
    CreatedMeanwhile { path: PathBuf },
    /// A migration step failed.
    UpgradeFailed { path: PathBuf, to: usize, detail: String },
    /// The copy an upgrade keeps aside is in the way.
    AsideExists { aside: PathBuf },
    /// Copying the store (backup) failed.
    CopyFailed { target: PathBuf, detail: String },
    /// A journal row engage cannot read back.
    DamagedJournal { id: i64, what: String },
    /// A value in the store that engage cannot read as the type its column holds.
    BadValue { column: usize, detail: String },
    /// A team store URL that cannot be parsed (shown without its password; bad input).
    BadUrl { url: String, detail: String },
    /// The team store's server cannot be reached (`refused`: it answered, but refused the login
    /// or knows no such database — bad input).
    Unreachable { place: String, detail: String, refused: bool },
    /// The encrypted connection to the team store failed (its certificate, or a server that does
    /// not encrypt when `sslmode` requires it).
    Insecure { place: String, detail: String },
    /// The root certificate file of `sslrootcert` or `$PGSSLROOTCERT` cannot be used (bad input).
    BadCertificate { place: String, detail: String },
    /// A PostgreSQL database that holds tables but is not an engage team store.
    ForeignDatabase { place: String },
    /// A role granted only reading tried to change the team store.
    ReadOnlyRole { role: String },
    /// PostgreSQL refused what the role asked (its privileges).
    Denied { detail: String },
    /// `team grant` or `revoke` names a role the server does not know (bad input).
    NoSuchRole { role: String },
    /// A database that holds engage stores in several schemas, none of them the URL's (bad input).
    Ambiguous { place: String, schemas: String },
    /// `team grant`/`revoke` naming the store's owner or the role running it (bad input).
    OwnRole { role: String },
    /// The target of a copy already holds a campaign (bad input).
    Occupied { place: PathBuf },
    /// A team-store command run on a SQLite file (bad input).
    NotTeam { path: PathBuf },
}

impl Fault {
    /// Whether the fault is the user's input (a path that cannot be a store): exit 2, else 1.
    pub fn is_input(&self) -> bool {
        matches!(
            self,
            Fault::Directory { .. }
                | Fault::NotRegular { .. }
                | Fault::BadUrl { .. }
                | Fault::Unreachable { refused: true, .. }
                | Fault::ForeignDatabase { .. }
                | Fault::NoSuchRole { .. }
                | Fault::NotTeam { .. }
                | Fault::Occupied { .. }
                | Fault::Ambiguous { .. }
                | Fault::OwnRole { .. }
                | Fault::BadCertificate { .. }
        )
    }
}

/// A problem `engage check` found with SQLite's own checks.
#[derive(Debug, Clone, PartialEq)]
pub enum SqliteProblem {
    /// A line of `PRAGMA integrity_check` other than `ok`.
    Integrity(String),
    /// A row whose foreign key points to nothing.
    ForeignKey { table: String, rowid: i64, parent: String },
    /// A journal row whose `before` or `after` (`column`) is not JSON.
    JournalNotJson { id: i64, column: &'static str },
    /// A team store's constraint that PostgreSQL does not enforce (disabled or never validated).
    Unenforced { table: String, name: String },
    /// A team store's trigger (the journal's append-only guard) missing or disabled.
    Unguarded { name: String },
}
