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
const MIGRATIONS: &[&str] = &[];

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
    /// The password of the team store this process connected to, to scrub from messages.
    static SECRET: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// `text` with the password of the store (if any) replaced by `***`.
fn scrub(text: &str) -> String {
    SECRET.with(|s| match s.borrow().as_deref() {
        Some(secret) if !secret.is_empty() => text.replace(secret, "***"),
        _ => text.to_string(),
    })
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
        let password = password_of(text);
        if let Some(p) = &password {
            SECRET.with(|s| *s.borrow_mut() = Some(p.clone()));
        }
        let bare = match &password {
            Some(p) => text.replacen(&format!(":{p}@"), ":***@", 1),
            None => text.to_string(),
        };
        let (client_url, tls) = super::tls::split(text);
        let mut config =
            Config::from_str(&client_url).map_err(|e| Error::Fault(Fault::BadUrl { url: bare.clone(), detail: scrub(&e.to_string()) }))?;
        if config.get_dbname().is_none() {
            return Err(Error::Fault(Fault::BadUrl { url: bare, detail: "it names no database".into() }));
        }
        if config.get_password().is_none()
            && let Some(p) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty())
        {
            SECRET.with(|s| *s.borrow_mut() = Some(p.clone()));
            config.password(p);
        }
        if config.get_password().is_none()
            && let Some(p) = password_file_entry(&config)
        {
            SECRET.with(|s| *s.borrow_mut() = Some(p.clone()));
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
        let authority_end = tail.find(|c: char| c == '/' || c == '?' || c.is_whitespace()).unwrap_or(tail.len());
        let authority = &tail[..authority_end];
        match authority.rsplit_once('@').and_then(|(userinfo, host)| userinfo.split_once(':').map(|(user, _)| (user, host))) {
            Some((user, host)) => {
                out.push_str(user);
                out.push_str(":***@");
                out.push_str(host);
            }
            None => out.push_str(authority),
        }
        rest = &tail[authority_end..];
    }
    out.push_str(rest);
    out
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

/// The password in a URL, if it has one.
fn password_of(text: &str) -> Option<String> {
    let rest = text.split_once("://")?.1;
    let authority = rest.split(['/', '?']).next()?;
    let userinfo = authority.rsplit_once('@')?.0;
    let password = userinfo.split_once(':')?.1;
    Some(password.to_string())
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
    let row = client.query_opt("SELECT application, version FROM engage_store WHERE id = 1", &[])?;
    let Some(row) = row else { return Err(Error::Fault(Fault::ForeignDatabase { place: shown.into() })) };
    let (application, version): (String, i64) = (row.get(0), row.get(1));
    if application != "engage" {
        return Err(Error::Fault(Fault::ForeignDatabase { place: shown.into() }));
    }
    if version > CURRENT_VERSION {
        return Err(Error::Fault(Fault::Newer { path: shown.into(), version, known: CURRENT_VERSION }));
    }
    Ok(Some(version))
}

/// Creates the schema in an empty database, or brings an older one up to date, in one
/// transaction under the writers' lock (two first commands at once create it once).
pub fn migrate(client: &mut Client, shown: &str) -> Result<()> {
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
pub fn write<T>(client: &mut Client, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
    let mut work = Some(work);
    let mut attempt = 0;
    loop {
        let mut tx = client.build_transaction().isolation_level(IsolationLevel::ReadCommitted).start()?;
        match lock(&mut tx) {
            Ok(role) => {
                // Taken once: this arm always returns.
                let work = work.take().ok_or_else(|| Error::Postgres(Problem { code: None, message: "a write ran twice".into() }))?;
                let tx = Tx::postgres(tx, Some(role));
                let value = work(&tx).map_err(denied)?;
                tx.commit().map_err(denied)?;
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

/// Takes the writers' lock in `tx`, waiting at most [`LOCK_WAIT`]; a role that may not write the
/// journal is [`Fault::ReadOnlyRole`]. Returns the role.
fn lock(tx: &mut postgres::Transaction) -> Result<String> {
    tx.batch_execute(&format!("SET LOCAL lock_timeout = '{}ms'", LOCK_WAIT.as_millis()))?;
    let row = tx.query_one(
        "SELECT has_table_privilege(current_user, 'journal', 'INSERT'), current_user::text, pg_advisory_xact_lock($1) IS NULL",
        &[&WRITE_LOCK],
    )?;
    let (may_write, role): (bool, String) = (row.get(0), row.get(1));
    if !may_write {
        return Err(Error::Fault(Fault::ReadOnlyRole { role }));
    }
    Ok(role)
}

/// Runs `work` on one consistent snapshot that cannot write.
pub fn read<T>(client: &mut Client, work: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
    let tx = client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start()?;
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
/// journal stays append-only only while its three triggers are there and enabled.
pub fn problems(client: &mut Client) -> Result<Vec<super::SqliteProblem>> {
    use super::SqliteProblem;
    let tx = client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start()?;
    let tx = Tx::postgres(tx, None);
    let mut problems = tx.rows(
        "SELECT c.conrelid::regclass::text, c.conname::text FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
          WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY 1, 2",
        args![],
        |r| Ok(SqliteProblem::Unenforced { table: r.get(0)?, name: r.get(1)? }),
    )?;
    let guards = ["journal_is_append_only_update", "journal_is_append_only_delete", "journal_is_append_only_truncate"];
    let enabled: Vec<String> = tx.rows(
        "SELECT t.tgname::text FROM pg_catalog.pg_trigger t WHERE t.tgrelid = 'journal'::regclass AND t.tgenabled <> 'D'",
        args![],
        |r| r.get(0),
    )?;
    problems.extend(guards.iter().filter(|g| !enabled.iter().any(|e| e == *g)).map(|g| SqliteProblem::Unguarded { name: g.to_string() }));
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
    tx.finish()?;
    Ok(problems)
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

/// Grants `role` reading or writing the campaign (and nothing else), or revokes what it had
/// (`None`). The journal stays append-only for writers: its triggers refuse updates and deletes.
pub fn grant(client: &mut Client, role: &str, access: Option<Access>) -> Result<()> {
    let exists: bool = client.query_one("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)", &[&role])?.get(0);
    if !exists {
        return Err(Error::Fault(Fault::NoSuchRole { role: role.to_string() }));
    }
    let quoted = format!("\"{}\"", role.replace('"', "\"\""));
    let mut sql = format!(
        "REVOKE ALL ON ALL TABLES IN SCHEMA current_schema FROM {quoted};
         REVOKE ALL ON ALL SEQUENCES IN SCHEMA current_schema FROM {quoted};"
    );
    // GRANT … IN SCHEMA takes a name, not current_schema: spell the schema out.
    let schema: String = client.query_one("SELECT current_schema()::text", &[])?.get(0);
    let schema = format!("\"{}\"", schema.replace('"', "\"\""));
    sql = sql.replace("current_schema", &schema);
    match access {
        None => sql.push_str(&format!("REVOKE USAGE ON SCHEMA {schema} FROM {quoted};")),
        Some(access) => {
            sql.push_str(&format!(
                "GRANT USAGE ON SCHEMA {schema} TO {quoted}; GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {quoted};"
            ));
            if access == Access::Write {
                sql.push_str(&format!(
                    "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {quoted};
                     GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {quoted};"
                ));
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
        assert_eq!(password_of("postgres://ana:s3cr%40t@db.example:5433/team").as_deref(), Some("s3cr%40t"));
        assert_eq!(password_of("postgres://ana@db/team"), None);
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
