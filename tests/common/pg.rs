//! Helpers of the PostgreSQL tests: the server named by `ENGAGE_TEST_PG`, a fresh database per
//! test that is dropped afterwards, and login roles that are dropped with it.
//!
//! Included by the PG test crates only (`#[path = "common/pg.rs"] mod pg;`, beside `mod common;`),
//! so that the other tests do not link the PostgreSQL client.
//!
//! `ENGAGE_TEST_PG` is the URL of a server's maintenance database, e.g.
//! `postgres://postgres@127.0.0.1:5432/postgres`, as a role that may create databases and roles.
//! When it is not set, a PG test says so in one line and passes; when it is set, a server that
//! cannot be reached fails the test.

#![allow(dead_code)]

use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU64, Ordering};

use postgres::{Client, NoTls};

/// The variable that names the server to test against.
pub const VAR: &str = "ENGAGE_TEST_PG";

/// The server named by `ENGAGE_TEST_PG`, or `None` (after printing the one line that says the
/// test `test` is skipped) when it is not set. A server that is set but cannot be reached fails
/// the test.
pub fn server(test: &str) -> Option<Server> {
    let url = match std::env::var(VAR) {
        Ok(url) if !url.trim().is_empty() => url.trim().to_string(),
        _ => {
            eprintln!("{test}: skipped: {VAR} is not set (no PostgreSQL server to test against)");
            return None;
        }
    };
    assert!(
        url.starts_with("postgres://") || url.starts_with("postgresql://"),
        "{VAR} must be a postgres:// URL, not {:?}",
        redacted(&url)
    );
    if let Err(e) = Client::connect(&url, NoTls) {
        panic!("{VAR} is set, but its server cannot be reached at {}: {}", redacted(&url), why(&e));
    }
    Some(Server { url })
}

/// A PostgreSQL server, through its maintenance database.
pub struct Server {
    url: String,
}

impl Server {
    /// A connection to the maintenance database.
    pub fn admin(&self) -> Client {
        connect(&self.url)
    }

    /// A new, empty database with a random name, dropped when the guard is.
    pub fn database(&self) -> PgDb {
        let name = format!("engage_test_{}", random_hex());
        self.admin()
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap_or_else(|e| panic!("creating database {name}: {}", why(&e)));
        PgDb { url: with_database(&self.url, &name), name, server_url: self.url.clone() }
    }

    /// The name of the role the maintenance URL logs in as.
    pub fn user(&self) -> String {
        user_of(&self.url).unwrap_or_else(|| panic!("{VAR} names no user: {}", redacted(&self.url)))
    }
}

/// A test's own database: created empty, dropped (`WITH (FORCE)`) when this guard is dropped.
pub struct PgDb {
    /// The database's name (`engage_test_…`).
    pub name: String,
    url: String,
    server_url: String,
}

impl PgDb {
    /// The URL `engage --db` takes for this database (as the maintenance URL's user).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A connection to this database as the maintenance URL's user.
    pub fn client(&self) -> Client {
        connect(&self.url)
    }

    /// A new login role with a random name and password, dropped when its guard is.
    pub fn role(&self) -> PgRole<'_> {
        let name = format!("engage_role_{}", random_hex());
        let password = format!("pw-{}", random_hex());
        self.client()
            .batch_execute(&format!("CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'"))
            .unwrap_or_else(|e| panic!("creating role {name}: {}", why(&e)));
        let url = with_user(&self.url, &name, Some(&password));
        PgRole { db: self, name, password, url }
    }

    /// The tables of every schema but PostgreSQL's own, as `schema.table`, sorted.
    pub fn tables(&self) -> Vec<String> {
        self.client()
            .query(
                "SELECT table_schema || '.' || table_name FROM information_schema.tables \
                 WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
                &[],
            )
            .expect("listing the tables")
            .iter()
            .map(|r| r.get(0))
            .collect()
    }

    /// How many rows the store's journal holds (read directly, as the maintenance user).
    pub fn journal_count(&self) -> i64 {
        self.client().query_one("SELECT count(*) FROM journal", &[]).expect("counting the journal").get(0)
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let dropped = Client::connect(&self.server_url, NoTls)
            .and_then(|mut c| c.batch_execute(&format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name)));
        if let Err(e) = dropped {
            eprintln!("could not drop the test database {}: {e}", self.name);
        }
    }
}

/// A login role of a test, with a password: `DROP OWNED BY` (in the test's database) and
/// `DROP ROLE` when this guard is dropped, before the database.
pub struct PgRole<'a> {
    db: &'a PgDb,
    /// The role's name (`engage_role_…`).
    pub name: String,
    /// Its password (which no output of engage may show).
    pub password: String,
    /// The test database's URL, logging in as this role with its password.
    pub url: String,
}

impl Drop for PgRole<'_> {
    fn drop(&mut self) {
        let dropped = Client::connect(&self.db.url, NoTls)
            .and_then(|mut c| c.batch_execute(&format!("DROP OWNED BY \"{0}\"; DROP ROLE IF EXISTS \"{0}\"", self.name)));
        if let Err(e) = dropped {
            eprintln!("could not drop the test role {}: {e}", self.name);
        }
    }
}

/// Connects to `url`, or fails the test with the URL (its password hidden) and the reason.
fn connect(url: &str) -> Client {
    Client::connect(url, NoTls).unwrap_or_else(|e| panic!("cannot connect to {}: {}", redacted(url), why(&e)))
}

/// An error and its causes, in one line.
fn why(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        text.push_str(&format!(": {c}"));
        cause = c.source();
    }
    text
}

/// `engage --db DB`, run in `dir` with the fixed environment of every run.
pub fn engage(dir: &Path, db: &str) -> Command {
    let mut cmd = crate::common::command(dir);
    cmd.arg("--db").arg(db);
    cmd
}

/// Runs `engage --db DB ARGS` in `dir` without judging it.
pub fn run(dir: &Path, db: &str, args: &[&str]) -> Output {
    engage(dir, db).args(args).output().expect("running engage")
}

/// Runs `engage --db DB ARGS` in `dir`, which must succeed; returns stdout.
pub fn stdout(dir: &Path, db: &str, args: &[&str]) -> String {
    let out = run(dir, db, args);
    assert!(
        out.status.success(),
        "engage --db {} {args:?} failed ({}): {}",
        redacted(db),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `engage --db DB ARGS` in `dir`, which must succeed; parses stdout as JSON.
pub fn json(dir: &Path, db: &str, args: &[&str]) -> serde_json::Value {
    let text = stdout(dir, db, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("engage {args:?}: not JSON ({e}): {text}"))
}

/// The one line of stderr of a failed run, checked: exit `code`, nothing on stdout, exactly one
/// line on stderr, starting with `engage: `.
pub fn one_line_failure(out: &Output, code: i32, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{what}: should exit {code}; stderr: {stderr:?}");
    assert!(out.stdout.is_empty(), "{what}: printed on stdout: {:?}", String::from_utf8_lossy(&out.stdout));
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{what}: should say exactly one line: {stderr:?}");
    assert!(lines[0].starts_with("engage: "), "{what}: {stderr:?}");
    lines[0].to_string()
}

/// `url` with its database (the path) replaced by `database`; the query is kept.
pub fn with_database(url: &str, database: &str) -> String {
    let (head, rest) = split_authority(url);
    let query = rest.find('?').map(|i| &rest[i..]).unwrap_or("");
    format!("{head}/{database}{query}")
}

/// `url` logging in as `user` (with `password` if given) instead of its own user.
pub fn with_user(url: &str, user: &str, password: Option<&str>) -> String {
    let (head, rest) = split_authority(url);
    let (scheme, authority) = head.split_once("://").expect("a URL");
    let host = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
    match password {
        Some(p) => format!("{scheme}://{user}:{p}@{host}{rest}"),
        None => format!("{scheme}://{user}@{host}{rest}"),
    }
}

/// The user a URL logs in as, if it names one.
pub fn user_of(url: &str) -> Option<String> {
    let (head, _) = split_authority(url);
    let (_, authority) = head.split_once("://")?;
    let (userinfo, _) = authority.rsplit_once('@')?;
    Some(userinfo.split(':').next().unwrap_or(userinfo).to_string())
}

/// `url` with any password replaced by `***`, to be shown in a test's message.
pub fn redacted(url: &str) -> String {
    let Some((scheme, after)) = url.split_once("://") else { return url.to_string() };
    let end = after.find(['/', '?']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{rest}")
        }
        _ => url.to_string(),
    }
}

/// `scheme://authority` and the rest (`/path?query`, possibly empty).
fn split_authority(url: &str) -> (&str, &str) {
    let start = url.find("://").map(|i| i + 3).expect("a URL with ://");
    let end = url[start..].find(['/', '?']).map(|i| start + i).unwrap_or(url.len());
    url.split_at(end)
}

/// 16 random hexadecimal digits (from the standard library's random hash keys, the time, the
/// process and a counter): enough that tests running at once never pick the same name.
pub fn random_hex() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default());
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    format!("{:016x}", hasher.finish())
}

#[test]
fn urls_are_taken_apart_and_put_together() {
    let url = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable";
    assert_eq!(with_database(url, "x"), "postgres://postgres@127.0.0.1:5432/x?sslmode=disable");
    assert_eq!(with_database("postgresql://u@h/postgres", "x"), "postgresql://u@h/x");
    assert_eq!(with_database("postgresql://u@h", "x"), "postgresql://u@h/x");
    assert_eq!(with_user(url, "r", Some("pw")), "postgres://r:pw@127.0.0.1:5432/postgres?sslmode=disable");
    assert_eq!(with_user("postgres://a:b@h:1/d", "r", None), "postgres://r@h:1/d");
    assert_eq!(user_of("postgres://a:b@h:1/d").as_deref(), Some("a"));
    assert_eq!(user_of("postgres://h:1/d"), None);
    assert_eq!(redacted("postgres://a:Sekr3t@h:1/d"), "postgres://a:***@h:1/d");
    assert_eq!(redacted(url), url);
    assert_ne!(random_hex(), random_hex());
}
