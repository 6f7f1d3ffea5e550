//! The team store: a campaign kept in a PostgreSQL database (DESIGN.md, "Team store").
//!
//! Connecting, recognising an engage database, creating and upgrading its schema
//! (`schema.postgres.sql` and its own append-only migrations, numbered as SQLite's), the
//! transactions commands run in, and access through PostgreSQL's own privileges.
//!
//! **Isolation.** Every writing command takes one transaction-scoped advisory lock on the
//! campaign before it reads anything, under READ COMMITTED: writers run one after another, as on
//! a SQLite file, and each sees every write committed before it and none while it runs. There is
//! no lost update and no half-applied plan, and engage's own writers cannot meet a serialization
//! failure. Waiting for the lock is bounded ([`LOCK_WAIT`]); a wait that runs out, a deadlock or
//! a serialization failure caused by someone else's writes is retried [`RETRIES`] times before it
//! is reported. Reports read one REPEATABLE READ, READ ONLY snapshot and never wait for writers.
//!
//! **Secrets.** The URL's password (and `PGPASSWORD`, which the client library does not read)
//! never reaches a message: the store is named by [`redacted`], and every server or client
//! message is scrubbed of the password before it is kept.

use std::str::FromStr;
use std::time::Duration;

use postgres::{Client, Config, IsolationLevel};

use super::Fault;
use super::db::{Tx, args};
use crate::error::{Error, Result};

/// The schema of a new team store.
const SCHEMA: &str = include_str!("../../schema.postgres.sql");

/// Upgrades of a team store: `MIGRATIONS[i]` takes it from version `FIRST + i` to `FIRST + i + 1`.
/// Append only.
const MIGRATIONS: &[&str] = &[
    // 8 → 9: SQLite's 9 rewrote how its CHECKs list closed sets; PostgreSQL's are unchanged.
    "SELECT 1",
];

/// The first version a team store was made at.
const FIRST: i64 = 8;

/// The schema version this engage writes (the same number as SQLite's).
pub const CURRENT_VERSION: i64 = FIRST + MIGRATIONS.len() as i64;

/// The advisory lock that writers of one campaign take ("EngG").
const WRITE_LOCK: i64 = 0x456e_6747;

/// How long a writer waits for another before trying again.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How many times a write is tried again after a lock wait, a deadlock or a serialization failure.
pub const RETRIES: u32 = 5;

/// A PostgreSQL failure as engage says it: the server's or the client's own words (never the URL
/// or a password), and the SQLSTATE code when the server gave one.
#[derive(Debug, Clone)]
pub struct Problem {
    pub code: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<postgres::Error> for Problem {
    fn from(e: postgres::Error) -> Self {
        let message = match e.as_db_error() {
            Some(db) => match db.detail() {
                Some(detail) => format!("{} ({detail})", db.message()),
                None => db.message().to_string(),
            },
            None => {
                // The client's words, and the cause they wrap (e.g. "connection refused").
                let mut text = e.to_string();
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    let more = s.to_string();
                    if !text.contains(&more) {
                        text = format!("{text}: {more}");
                    }
                    source = s.source();
                }
                text
            }
        };
        let message = scrub(&message);
        Problem { code: e.code().map(|c| c.code().to_string()), message }
    }
}

impl Problem {
    /// Whether trying the whole transaction again may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self.code.as_deref(), Some("40001" | "40P01" | "55P03"))
    }

    /// Whether the role may not do what was asked.
    pub fn is_denied(&self) -> bool {
        self.code.as_deref() == Some("42501")
    }
}

thread_local! {
    /// The passwords of the team store this process connects to, to scrub from messages.
    static SECRETS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Remembers `secret` to scrub it from every message.
fn keep_secret(secret: &str) {
    if !secret.is_empty() {
        SECRETS.with(|s| s.borrow_mut().push(secret.to_string()));
    }
}

/// `text` with every password of the store replaced by `***`.
fn scrub(text: &str) -> String {
    SECRETS.with(|s| s.borrow().iter().fold(text.to_string(), |text, secret| text.replace(secret.as_str(), "***")))
}

/// Whether `db` names a team store rather than a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A parsed team store URL.
pub struct Url {
    config: Config,
    tls: super::tls::Settings,
    shown: String,
}

impl Url {
    /// Parses `text` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?…]`); a malformed URL is
    /// bad input, said without its password.
    pub fn parse(text: &str) -> Result<Url> {
        let (userinfo, query) = postgres_url_secrets(text);
        for secret in userinfo.iter().chain(&query) {
            keep_secret(secret);
            keep_secret(&super::tls::percent_decoded(secret));
        }
        let bare = without_passwords(text);
        let (client_url, tls) = super::tls::split(text);
        let mut config =
            Config::from_str(&client_url).map_err(|e| Error::Fault(Fault::BadUrl { url: bare.clone(), detail: scrub(&e.to_string()) }))?;
        if let Some(p) = config.get_password() {
            keep_secret(&String::from_utf8_lossy(p));
        }
        if config.get_dbname().is_none() {
            return Err(Error::Fault(Fault::BadUrl { url: bare, detail: "it names no database".into() }));
        }
        if config.get_password().is_none()
            && let Some(p) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty())
        {
            keep_secret(&p);
            config.password(p);
        }
        if config.get_password().is_none()
            && let Some(p) = password_file_entry(&config)
        {
            keep_secret(&p);
            config.password(p);
        }
        if config.get_user().is_none() {
            // As PostgreSQL's own tools do: the login name.
            let user = ["PGUSER", "USER", "LOGNAME"]
                .iter()
                .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
                .or_else(crate::cmd::login_name)
                .unwrap_or_else(|| "postgres".into());
            config.user(&user);
        }
        config.application_name("engage");
        let shown = redacted(&config);
        Ok(Url { config, tls, shown })
    }

    /// The URL as engage shows it: no password, no options.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Connects; an unreachable server or a refused login is a fault naming the store.
    pub fn connect(&self) -> Result<Client> {
        let tls = super::tls::connector(&self.tls)
            .map_err(|detail| Error::Fault(Fault::BadCertificate { place: self.shown.clone(), detail: scrub(&detail) }))?;
        let mut client = self.config.connect(tls).map_err(|e| {
            let problem = Problem::from(e);
            let refused = matches!(problem.code.as_deref(), Some(c) if c.starts_with("28") || c == "3D000");
            let place = self.shown.clone();
            if problem.message.contains("TLS") {
                Error::Fault(Fault::Insecure { place, detail: problem.message })
            } else {
                Error::Fault(Fault::Unreachable { place, detail: problem.message, refused })
            }
        })?;
        client.batch_execute("SET standard_conforming_strings = on; SET client_min_messages = warning")?;
        Ok(client)
    }
}

/// `text` with the password of every URL in it written `***`: what the journal keeps of a command
/// line that names a team store.
pub fn without_passwords(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (head, tail) = rest.split_at(at + 3);
        out.push_str(head);
        let postgres = head.ends_with("postgres://") || head.ends_with("postgresql://");
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let url = &tail[..end];
        if postgres {
            // A password may hold '/' or '?': the user part ends at the last '@'.
            let (userinfo, after) = match url.rsplit_once('@') {
                Some((userinfo, after)) => (Some(userinfo), after),
                None => (None, url),
            };
            if let Some(userinfo) = userinfo {
                match userinfo.split_once(':') {
                    Some((user, _)) => out.push_str(&format!("{user}:***@")),
                    None => out.push_str(&format!("{userinfo}@")),
                }
            }
            match after.split_once('?') {
                Some((path, query)) => {
                    out.push_str(path);
                    out.push('?');
                    let pairs: Vec<String> = query
                        .split('&')
                        .map(|pair| match pair.split_once('=') {
                            Some(("password", _)) => "password=***".to_string(),
                            _ => pair.to_string(),
                        })
                        .collect();
                    out.push_str(&pairs.join("&"));
                }
                None => out.push_str(after),
            }
        } else {
            let authority_end = url.find(['/', '?']).unwrap_or(url.len());
            let authority = &url[..authority_end];
            match authority.rsplit_once('@').and_then(|(userinfo, host)| userinfo.split_once(':').map(|(user, _)| (user, host))) {
                Some((user, host)) => out.push_str(&format!("{user}:***@{host}{}", &url[authority_end..])),
                None => out.push_str(url),
            }
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The passwords a postgres URL holds: in its user part (up to its last '@') and as `password=`
/// in its query.
fn postgres_url_secrets(text: &str) -> (Option<String>, Option<String>) {
    let Some((_, rest)) = text.split_once("://") else { return (None, None) };
    let (userinfo, after) = match rest.rsplit_once('@') {
        Some((userinfo, after)) => (Some(userinfo), after),
        None => (None, rest),
    };
    let in_userinfo = userinfo.and_then(|u| u.split_once(':')).map(|(_, p)| p.to_string());
    let in_query =
        after.split_once('?').and_then(|(_, q)| q.split('&').find_map(|pair| pair.strip_prefix("password="))).map(str::to_string);
    (in_userinfo, in_query)
}

/// The password the user's password file gives for `config` (`$PGPASSFILE`, else `~/.pgpass`:
/// lines `HOST:PORT:DATABASE:USER:PASSWORD`, `*` matching anything, `\:` and `\\` escaped), as
/// PostgreSQL's own tools read it. Like them, engage ignores a file that others may read.
fn password_file_entry(config: &Config) -> Option<String> {
    let path = std::env::var_os("PGPASSFILE").map(std::path::PathBuf::from).or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))?;
    password_in_file(&path, config)
}

/// [`password_file_entry`] from the file at `path`.
fn password_in_file(path: &std::path::Path, config: &Config) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        _ => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    let user = config.get_user().map(str::to_string).or_else(|| std::env::var("PGUSER").ok()).or_else(|| std::env::var("USER").ok())?;
    let wanted = [host.as_str(), port.as_str(), config.get_dbname().unwrap_or_default(), user.as_str()];
    text.lines().filter(|l| !l.starts_with('#')).find_map(|line| {
        let fields = pgpass_fields(line);
        let [h, p, d, u, password] = fields.as_slice() else { return None };
        let matches = [h, p, d, u].iter().zip(wanted).all(|(field, want)| *field == "*" || *field == want);
        matches.then(|| password.clone())
    })
}

/// The fields of one password file line, unescaped.
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                let unescaped = if c == '\\' { chars.next() } else { Some(c) };
                if let (Some(field), Some(c)) = (fields.last_mut(), unescaped) {
                    field.push(c);
                }
            }
        }
    }
    fields
}

/// `postgres://USER@HOST:PORT/DATABASE` of `config`.
fn redacted(config: &Config) -> String {
    use postgres::config::Host;
    let user = config.get_user().unwrap_or_default();
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let db = config.get_dbname().unwrap_or_default();
    format!("postgres://{user}@{host}:{port}/{db}")
}

/// An open team store: its connection, and whether its database is still empty (the schema is
/// then created by the first write, in the same transaction: a first command that fails leaves
/// the database as it was).
pub struct Team {
    client: Client,
    empty: bool,
}

impl Team {
    /// Connects to `url` and finds the store: pins the schema that holds it (a role's own schema
    /// shadows nothing), refuses a database of another application or a newer engage, upgrades an
    /// older store, and for an empty database remembers that the first write creates the schema
    /// (`create`), or refuses it ([`Fault::NotYet`]).
    pub fn open(url: &Url, create: bool) -> Result<Team> {
        let shown = url.shown();
        let mut client = url.connect()?;
        pin_schema(&mut client, shown).map_err(denied)?;
        match inspect(&mut client, shown).map_err(denied)? {
            None if !create => Err(Error::Fault(Fault::NotYet { path: shown.into() })),
            None => Ok(Team { client, empty: true }),
            Some(v) if v < CURRENT_VERSION => {
                migrate(&mut client, shown).map_err(denied)?;
                Ok(Team { client, empty: false })
            }
            Some(_) => Ok(Team { client, empty: false }),
        }
    }

    /// Whether the database holds no store yet (a first write will create it).
    pub fn is_empty(&self) -> bool {
        self.empty
    }
}

/// Makes the schema that holds the store the only one the session sees. None: the store will be
/// created in the session's current schema. Several: the URL must name one
/// (`?options=-csearch_path%3DSCHEMA`), else the database is ambiguous.
fn pin_schema(client: &mut Client, shown: &str) -> Result<()> {
    let rows = client.query(
        "SELECT n.nspname::text, n.nspname = current_schema() FROM pg_catalog.pg_class c
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relname = 'engage_store' AND c.relkind = 'r' ORDER BY 1",
        &[],
    )?;
    let schemas: Vec<(String, bool)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let schema = match schemas.as_slice() {
        [] => return Ok(()),
        [(only, _)] => only.clone(),
        several => match several.iter().find(|(_, current)| *current) {
            Some((current, _)) => current.clone(),
            None => {
                let names = several.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ");
                return Err(Error::Fault(Fault::Ambiguous { place: shown.into(), schemas: names }));
            }
        },
    };
    client.batch_execute(&format!("SET search_path = {}", identifier(&schema)))?;
    Ok(())
}

/// `name` as a quoted SQL identifier.
fn identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// What a database holds, read without changing anything: `None` for an empty one, else the
/// version of its engage schema; a database of another application is refused.
pub fn inspect(client: &mut Client, shown: &str) -> Result<Option<i64>> {
    let tables: i64 = client.query_one("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()", &[])?.get(0);
    if tables == 0 {
        return Ok(None);
    }
    let marked: i64 = client
        .query_one("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'engage_store'", &[])?
        .get(0);
    if marked == 0 {
        return Err(Error::Fault(Fault::ForeignDatabase { place: shown.into() }));
    }
    let foreign = || Error::Fault(Fault::ForeignDatabase { place: shown.into() });
    let row = client.query_opt("SELECT application, version FROM engage_store WHERE id = 1", &[]).map_err(|e| {
        let problem = Problem::from(e);
        if problem.is_denied() { Error::Fault(Fault::Denied { detail: problem.message }) } else { foreign() }
    })?;
    let Some(row) = row else { return Err(foreign()) };
    let (Ok(application), Ok(version)) = (row.try_get::<_, String>(0), row.try_get::<_, i64>(1)) else { return Err(foreign()) };
    if application != "engage" {
        return Err(Error::Fault(Fault::ForeignDatabase { place: shown.into() }));
    }
    if version > CURRENT_VERSION {
        return Err(Error::Fault(Fault::Newer { path: shown.into(), version, known: CURRENT_VERSION }));
    }
    Ok(Some(version))
}

/// Brings an older store up to date, in one transaction under the writers' lock.
fn migrate(client: &mut Client, shown: &str) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.query_one("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
    let found = {
        let tables: i64 = tx
            .query_one("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'engage_store'", &[])?
            .get(0);
        if tables == 0 { None } else { Some(tx.query_one("SELECT version FROM engage_store WHERE id = 1", &[])?.get::<_, i64>(0)) }
    };
    match found {
        None => tx.batch_execute(SCHEMA)?,
        Some(version) => {
            for (i, step) in MIGRATIONS.iter().enumerate().skip((version - FIRST).max(0) as usize) {
                let to = (FIRST + i as i64 + 1) as usize;
                tx.batch_execute(step)
                    .map_err(|e| Error::Fault(Fault::UpgradeFailed { path: shown.into(), to, detail: Problem::from(e).message }))?;
            }
            tx.execute("UPDATE engage_store SET version = $1 WHERE id = 1", &[&CURRENT_VERSION])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Runs `work` in one writing transaction under the writers' lock (see the module's
/// "Isolation"). A role that may not write is refused before anything is read.
pub fn write<T>(team: &mut Team, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
    let mut work = Some(work);
    let mut attempt = 0;
    let empty = team.empty;
    loop {
        let mut tx = team.client.build_transaction().isolation_level(IsolationLevel::ReadCommitted).start()?;
        match lock(&mut tx).and_then(|role| if empty { create_schema(&mut tx).map(|()| role) } else { Ok(role) }) {
            Ok(role) => {
                // Taken once: this arm always returns.
                let work = work.take().ok_or_else(|| Error::Postgres(Problem { code: None, message: "a write ran twice".into() }))?;
                let tx = Tx::postgres(tx, Some(role));
                let value = work(&tx).map_err(denied)?;
                tx.commit().map_err(denied)?;
                team.empty = false;
                return Ok(value);
            }
            Err(Error::Postgres(p)) if p.is_transient() && attempt < RETRIES => {
                drop(tx);
                attempt += 1;
                std::thread::sleep(Duration::from_millis(50 * u64::from(attempt)));
            }
            Err(e) => return Err(denied(e)),
        }
    }
}

/// Creates the schema, unless another first command created it meanwhile (both hold the lock).
fn create_schema(tx: &mut postgres::Transaction) -> Result<()> {
    let there: bool = tx.query_one("SELECT to_regclass('engage_store') IS NOT NULL", &[])?.get(0);
    if !there {
        tx.batch_execute(SCHEMA)?;
    }
    Ok(())
}

/// Takes the writers' lock in `tx`, waiting at most [`LOCK_WAIT`]; a role that may not write the
/// journal is [`Fault::ReadOnlyRole`]. Returns the role.
fn lock(tx: &mut postgres::Transaction) -> Result<String> {
    tx.batch_execute(&format!("SET LOCAL lock_timeout = '{}ms'", LOCK_WAIT.as_millis()))?;
    // In an empty database (no journal yet), whoever may create tables may write.
    let row = tx.query_one(
        "SELECT CASE WHEN to_regclass('journal') IS NULL THEN has_schema_privilege(current_schema(), 'CREATE')
                     ELSE has_table_privilege(current_user, 'journal', 'INSERT') END,
                current_user::text, pg_advisory_xact_lock($1) IS NULL",
        &[&WRITE_LOCK],
    )?;
    let (may_write, role): (bool, String) = (row.get(0), row.get(1));
    if !may_write {
        return Err(Error::Fault(Fault::ReadOnlyRole { role }));
    }
    Ok(role)
}

/// Runs `work` on one consistent snapshot that cannot write.
pub fn read<T>(team: &mut Team, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
    let tx = team.client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start()?;
    let tx = Tx::postgres(tx, None);
    let value = work(&tx).map_err(denied)?;
    tx.finish()?;
    Ok(value)
}

/// A privilege error as the fault it is.
pub(super) fn denied(e: Error) -> Error {
    match e {
        Error::Postgres(p) if p.is_denied() => Error::Fault(Fault::Denied { detail: p.message }),
        other => other,
    }
}

/// The team store's own integrity checks, for `engage check`: PostgreSQL enforces every
/// constraint on every write, unless one was created NOT VALID or its trigger disabled; and the
/// journal stays append-only and true to its roles only while its triggers are there and enabled.
pub fn problems(team: &mut Team) -> Result<Vec<super::SqliteProblem>> {
    use super::SqliteProblem;
    read(team, |tx| {
        let mut problems = tx.rows(
            "SELECT c.conrelid::regclass::text, c.conname::text FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
          WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY 1, 2",
            args![],
            |r| Ok(SqliteProblem::Unenforced { table: r.get(0)?, name: r.get(1)? }),
        )?;
        let guards = [
            "journal_is_append_only_update",
            "journal_is_append_only_delete",
            "journal_is_append_only_truncate",
            "journal_records_its_role",
        ];
        let enabled: Vec<String> = tx.rows(
            "SELECT t.tgname::text FROM pg_catalog.pg_trigger t WHERE t.tgrelid = 'journal'::regclass AND t.tgenabled <> 'D'",
            args![],
            |r| r.get(0),
        )?;
        problems
            .extend(guards.iter().filter(|g| !enabled.iter().any(|e| e == *g)).map(|g| SqliteProblem::Unguarded { name: g.to_string() }));
        // Foreign keys whose trigger was disabled may have let rows point to nothing.
        let disabled_keys: i64 = tx.value(
            "SELECT count(*) FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_constraint c ON c.oid = t.tgconstraint
           JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
          WHERE n.nspname = current_schema() AND c.contype = 'f' AND t.tgenabled = 'D'",
            args![],
        )?;
        if disabled_keys > 0 {
            problems.push(SqliteProblem::Unenforced { table: "*".into(), name: format!("{disabled_keys} foreign key trigger(s)") });
        }
        Ok(problems)
    })
}

/// The role this connection acts as.
pub fn role(tx: &Tx) -> Result<String> {
    tx.value("SELECT current_user::text", args![])
}

/// What a role may do with a team store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The tables of a team store, which `team grant` opens to a role (and nothing else of the
/// database). `engage_store`, which says what the database is, is only ever read.
const TABLES: &[&str] = &[
    "campaign",
    "organization",
    "forum",
    "forum_member",
    "meeting",
    "meeting_attendee",
    "agenda_item",
    "channel",
    "material",
    "milestone",
    "milestone_dependency",
    "person",
    "distribution",
    "action_item",
    "expected_result",
    "result_measure",
    "glossary",
    "journal",
];

/// Grants `role` reading or writing the campaign (its tables and their id sequences, nothing
/// else in the database), or revokes what it had (`None`). The journal stays append-only for
/// writers: its triggers refuse updates and deletes. The store's owner and the role running the
/// command are refused ([`Fault::OwnRole`]): granting them less would lock the team out.
pub fn grant(team: &mut Team, role: &str, access: Option<Access>) -> Result<()> {
    let client = &mut team.client;
    let row = client.query_one(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1),
                $1 = current_user::text OR $1 = (SELECT tableowner::text FROM pg_catalog.pg_tables
                                                  WHERE schemaname = current_schema() AND tablename = 'journal'),
                current_schema()::text",
        &[&role],
    )?;
    let (exists, own, schema): (bool, bool, String) = (row.get(0), row.get(1), row.get(2));
    if !exists {
        return Err(Error::Fault(Fault::NoSuchRole { role: role.to_string() }));
    }
    if own {
        return Err(Error::Fault(Fault::OwnRole { role: role.to_string() }));
    }
    let (who, schema) = (identifier(role), identifier(&schema));
    let tables = TABLES.iter().map(|t| format!("{schema}.{}", identifier(t))).collect::<Vec<_>>().join(", ");
    let store = format!("{schema}.{}", identifier("engage_store"));
    let sequences: Vec<String> = client
        .query(
            "SELECT format('%I.%I', n.nspname, s.relname) FROM pg_catalog.pg_class s
               JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
               JOIN pg_catalog.pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
               JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
              WHERE s.relkind = 'S' AND n.nspname = current_schema() AND t.relname = ANY($1)",
            &[&TABLES],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut sql = format!("REVOKE ALL ON {tables}, {store} FROM {who};\n");
    if !sequences.is_empty() {
        sql.push_str(&format!("REVOKE ALL ON SEQUENCE {} FROM {who};\n", sequences.join(", ")));
    }
    match access {
        None => {}
        Some(access) => {
            sql.push_str(&format!("GRANT USAGE ON SCHEMA {schema} TO {who};\nGRANT SELECT ON {tables}, {store} TO {who};\n"));
            if access == Access::Write {
                sql.push_str(&format!("GRANT INSERT, UPDATE, DELETE ON {tables} TO {who};\n"));
                if !sequences.is_empty() {
                    sql.push_str(&format!("GRANT USAGE ON SEQUENCE {} TO {who};\n", sequences.join(", ")));
                }
            }
        }
    }
    let mut tx = client.transaction()?;
    tx.batch_execute(&sql).map_err(|e| denied(e.into()))?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_of_a_url_is_found_and_never_shown() {
        assert_eq!(postgres_url_secrets("postgres://ana:s3cr%40t@db.example:5433/team").0.as_deref(), Some("s3cr%40t"));
        assert_eq!(postgres_url_secrets("postgres://ana:se/c?ret@db/team").0.as_deref(), Some("se/c?ret"));
        assert_eq!(postgres_url_secrets("postgres://ana@db/team?sslmode=require&password=Q"), (None, Some("Q".to_string())));
        assert_eq!(postgres_url_secrets("postgres://ana@db/team"), (None, None));
        let url = Url::parse("postgres://ana:Sekr3t@db.example:5433/team?sslmode=disable").unwrap();
        assert_eq!(url.shown(), "postgres://ana@db.example:5433/team");
        assert!(!scrub("password Sekr3t refused").contains("Sekr3t"));
    }

    #[test]
    fn password_file_lines_are_split_and_unescaped() {
        assert_eq!(pgpass_fields("db.example:5432:team:ana:pa\\:ss\\\\w:rd"), ["db.example", "5432", "team", "ana", "pa:ss\\w:rd"]);
        assert_eq!(pgpass_fields("*:*:*:*:x"), ["*", "*", "*", "*", "x"]);
    }

    #[test]
    fn a_private_password_file_gives_the_password_of_its_matching_line() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "# team stores\nother:5432:*:*:wrong\ndb.example:5433:team:ana:Sekr3t\n*:*:*:*:fallback\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let config = |url: &str| Config::from_str(url).unwrap();
        assert_eq!(password_in_file(&path, &config("postgres://ana@db.example:5433/team")).as_deref(), Some("Sekr3t"));
        assert_eq!(password_in_file(&path, &config("postgres://bo@db.example:5433/team")).as_deref(), Some("fallback"));
        // A file others may read is ignored, as PostgreSQL's tools ignore it.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(password_in_file(&path, &config("postgres://ana@db.example:5433/team")), None);
    }

    #[test]
    fn command_lines_keep_no_password() {
        assert_eq!(
            without_passwords("--db postgres://ana:Sekr3t@db:5433/team status --db=postgresql://bo:x@y/z"),
            "--db postgres://ana:***@db:5433/team status --db=postgresql://bo:***@y/z"
        );
        assert_eq!(without_passwords("plan apply https://example.org/a:b@c"), "plan apply https://example.org/a:b@c");
        assert_eq!(without_passwords("--db postgres://ana:se/c?ret@db/team x"), "--db postgres://ana:***@db/team x");
        assert_eq!(
            without_passwords("--db postgres://ana@db/team?sslmode=require&password=Q status"),
            "--db postgres://ana@db/team?sslmode=require&password=*** status"
        );
        assert_eq!(without_passwords("no url here"), "no url here");
    }

    #[test]
    fn a_url_without_a_database_or_malformed_is_refused_without_its_password() {
        for bad in ["postgres://ana:Sekr3t@db.example:5433", "postgres://ana:Sekr3t@db.example:99999999/x"] {
            let Err(Error::Fault(fault)) = Url::parse(bad) else { panic!("{bad} accepted") };
            assert!(!format!("{fault:?}").contains("Sekr3t"), "{fault:?}");
        }
    }
}
