//! The team store's own commands and edges: `team grant`/`revoke` (a reader reads everything and
//! writes nothing), `copy` between a SQLite file and PostgreSQL (whole, journal included, never
//! over a campaign), `backup` of a team store as a SQLite store, and the URLs and databases that
//! are refused — each in one line, without a password, leaving nothing behind.

mod common;
#[path = "common/pg.rs"]
mod pg;

use std::path::Path;
use std::process::Output;

use common::{AS_OF, Env, WORKED};
use pg::one_line_failure;
use serde_json::json;

/// A password no message may show.
const SECRET: &str = "Sekr3t-pw";

/// Adds to a store holding the worked example one item of each family the example lacks
/// (person, distribution, action, result with measurements, glossary) and some progress, so that
/// a copy has every table to carry.
fn enrich(dir: &Path, db: &str) {
    let steps: &[&[&str]] = &[
        &["milestone", "start", "b"],
        &["agenda", "done", "mayors-apr/workshop", "--on", "2030-04-09", "--note", "Held early"],
        &["meeting", "attend", "council-mar", "fed", "prov"],
        &["person", "add", "jane", "--name", "Jane Roe", "--organization", "prov", "--email", "jane.roe@example.ca", "--language", "fr"],
        &["material", "done", "deck", "--on", "2030-04-09"],
        &["send", "deck", "--to", "council", "--on", "2030-04-09"],
        &["distribution", "add", "deck/city", "--due", "2030-04-20", "--via", "prov"],
        &[
            "action",
            "add",
            "act-1",
            "--title",
            "Circulate the terms",
            "--owner",
            "Secretariat",
            "--due",
            "2030-04-12",
            "--meeting",
            "council-mar",
        ],
        &["result", "add", "awareness", "--title", "Organizations briefed", "--target", "10", "--unit", "organizations"],
        &["result", "record", "awareness", "4", "--on", "2030-04-09", "--note", "First count"],
        &["glossary", "set", "Secretariat", "Secrétariat"],
        &["org", "rename", "city", "metro"],
    ];
    for args in steps {
        pg::stdout(dir, db, args);
    }
}

/// Every report and listing whose output must be the same on two stores holding the same
/// campaign (no calendar: its `DTSTAMP` is the time of the export).
fn readings() -> Vec<Vec<&'static str>> {
    let mut all = vec![
        vec!["status", "--as-of", AS_OF],
        vec!["status", "--as-of", AS_OF, "--format", "json"],
        vec!["upcoming", "--as-of", AS_OF, "--within", "60", "--format", "json"],
        vec!["export", "progress", "--as-of", AS_OF],
        vec!["report", "--as-of", AS_OF],
        vec!["reach", "--as-of", AS_OF, "--format", "json"],
        vec!["plan", "export"],
        vec!["glossary", "list", "--format", "json"],
        vec!["history", "--format", "json"],
    ];
    for family in ["org", "table", "meeting", "agenda", "channel", "material", "milestone", "person", "action", "result", "distribution"] {
        all.push(vec![family, "list", "--as-of", AS_OF, "--format", "json"]);
    }
    all
}

/// What a store holds, as its users see it: every reading's output.
fn outputs(dir: &Path, db: &str) -> Vec<String> {
    readings().iter().map(|args| pg::stdout(dir, db, args)).collect()
}

/// Asserts that two stores give the same output for every reading.
fn assert_same(dir: &Path, a: &str, b: &str, what: &str) {
    for (args, (x, y)) in readings().iter().zip(outputs(dir, a).into_iter().zip(outputs(dir, b))) {
        assert_eq!(x, y, "{what}: engage {args:?} differs");
    }
}

/// `engage ARGS` without `--db`, in `dir`.
fn bare(dir: &Path, args: &[&str]) -> Output {
    common::command(dir).args(args).output().expect("running engage")
}

/// The names of the entries of a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// A PostgreSQL store holding the worked example, in `db`, with the plan file in `env`.
fn worked_in(env: &Env, db: &pg::PgDb) {
    env.write("worked.toml", WORKED);
    pg::stdout(env.dir.path(), db.url(), &["plan", "apply", "worked.toml"]);
}

#[test]
fn a_reader_reads_everything_and_writes_nothing_a_writer_writes_and_revoked_roles_do_neither() {
    let Some(server) = pg::server("a_reader_reads_everything_and_writes_nothing_a_writer_writes_and_revoked_roles_do_neither") else {
        return;
    };
    let db = server.database();
    let env = Env::new();
    let dir = env.dir.path();
    let admin = db.url();
    worked_in(&env, &db);
    enrich(dir, admin);
    let reader = db.role();
    let writer = db.role();
    pg::stdout(dir, admin, &["team", "grant", "--read", &reader.name]);
    pg::stdout(dir, admin, &["team", "grant", "--write", &writer.name]);

    // The reader runs every report and gets what the owner gets.
    let mut reads: Vec<Vec<&str>> = readings();
    reads.extend([
        vec!["history"],
        vec!["upcoming", "--as-of", AS_OF],
        vec!["milestone", "show", "b", "--as-of", AS_OF],
        vec!["meeting", "show", "council-mar", "--as-of", AS_OF],
        vec!["distribution", "list", "--material", "deck", "--missing", "mayors", "--as-of", AS_OF],
    ]);
    for args in &reads {
        let out = pg::run(dir, &reader.url, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "the reader: engage {args:?} failed ({}): {stderr}", out.status);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.contains(&reader.password) && !stderr.contains(&reader.password), "engage {args:?} showed the password");
        assert_eq!(stdout, pg::stdout(dir, admin, args), "the reader: engage {args:?} differs from the owner's");
    }
    for (args, file) in [(&["report", "--as-of", AS_OF, "-o"][..], "report.html"), (&["export", "ics", "--as-of", AS_OF, "-o"], "cal.ics")]
    {
        let mut full = args.to_vec();
        full.push(file);
        pg::stdout(dir, &reader.url, &full);
        assert!(env.path(file).metadata().unwrap().len() > 0, "the reader wrote an empty {file}");
    }
    for args in [&["backup", "reader-copy.db"][..], &["check"]] {
        let out = pg::run(dir, &reader.url, args);
        assert!(out.status.success(), "the reader: engage {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(pg::stdout(dir, "reader-copy.db", &["status", "--as-of", AS_OF]), pg::stdout(dir, admin, &["status", "--as-of", AS_OF]));

    // The reader's writes are refused: exit 1, one line naming the role, nothing changed.
    env.write("more.toml", "[[milestone]]\nkey = \"e\"\ntitle = \"Wrap-up\"\ndue = 2030-05-30\n");
    let before = outputs(dir, admin);
    let journal = db.journal_count();
    let writes: &[&[&str]] = &[
        &["milestone", "done", "b", "--on", "2030-04-09"],
        &["milestone", "set", "d", "--owner", "Co-chairs"],
        &["org", "rename", "fed", "federal"],
        &["org", "remove", "prov"],
        &["plan", "apply", "more.toml"],
        &["plan", "apply", "worked.toml", "--prune"],
        &["table", "member", "add", "mayors", "fed"],
        &["meeting", "attend", "mayors-apr", "metro"],
        &["action", "add", "act-2", "--title", "Call the city"],
        &["result", "record", "awareness", "5", "--on", "2030-04-10"],
        &["send", "deck", "--to", "metro", "--on", "2030-04-10"],
        &["glossary", "set", "Co-chairs", "Coprésidents"],
    ];
    for args in writes {
        let line = one_line_failure(&pg::run(dir, &reader.url, args), 1, &format!("the reader: engage {args:?}"));
        assert!(line.contains(&reader.name), "the refusal should name the role {}: {line}", reader.name);
        assert!(!line.contains(&reader.password), "the refusal shows the password: {line}");
        assert_eq!(db.journal_count(), journal, "the reader's engage {args:?} was journaled");
    }
    assert_eq!(outputs(dir, admin), before, "the reader's refused writes changed the store");

    // The writer writes, and the journal records the database role beside the actor.
    pg::stdout(dir, &writer.url, &["milestone", "done", "b", "--on", "2030-04-09"]);
    assert_eq!(db.journal_count(), journal + 1);
    let newest = pg::json(dir, admin, &["history", "--limit", "1", "--format", "json"]);
    let entry = &newest[0];
    assert_eq!((&entry["kind"], &entry["key"], &entry["actor"]), (&json!("milestone"), &json!("b"), &json!("tester")), "{entry:#}");
    assert_eq!(entry["role"], writer.name.as_str(), "{entry:#}");
    // The URL it was given (`--db`, with the password) is not in the journal's command.
    for args in [&["history"][..], &["history", "--format", "json"], &["milestone", "show", "b", "--as-of", AS_OF]] {
        let text = pg::stdout(dir, admin, args);
        assert!(!text.contains(&writer.password), "engage {args:?} shows the writer's password:\n{text}");
    }
    let history = pg::json(dir, admin, &["history", "--format", "json"]);
    for entry in history.as_array().unwrap().iter().skip(1) {
        assert_eq!(entry["role"], server.user(), "written by the owner: {entry:#}");
    }
    pg::stdout(dir, &writer.url, &["status", "--as-of", AS_OF]);

    // Revoked, neither reads nor writes: exit 1, one line.
    pg::stdout(dir, admin, &["team", "revoke", &reader.name]);
    pg::stdout(dir, admin, &["team", "revoke", &writer.name]);
    let before = outputs(dir, admin);
    for role in [&reader, &writer] {
        for args in [&["status", "--as-of", AS_OF][..], &["history", "--format", "json"], &["milestone", "done", "c", "--on", "2030-04-09"]]
        {
            let line = one_line_failure(&pg::run(dir, &role.url, args), 1, &format!("revoked {}: engage {args:?}", role.name));
            assert!(!line.contains(&role.password), "{line}");
        }
    }
    assert_eq!(outputs(dir, admin), before);
}

#[test]
fn team_commands_are_refused_on_a_sqlite_store() {
    let Some(_server) = pg::server("team_commands_are_refused_on_a_sqlite_store") else { return };
    let env = Env::worked();
    for args in [&["team", "grant", "--read", "someone"][..], &["team", "grant", "--write", "someone"], &["team", "revoke", "someone"]] {
        let line = env.refused(args);
        assert!(!line.contains("unrecognized subcommand"), "{line}");
    }
    // On no store at all, nothing is created either.
    let empty = Env::new();
    let out = empty.run(&["team", "grant", "--read", "someone"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert!(listing(empty.dir.path()).is_empty(), "{:?}", listing(empty.dir.path()));
}

#[test]
fn copy_from_sqlite_to_postgresql_and_back_keeps_the_whole_campaign_and_its_journal() {
    let Some(server) = pg::server("copy_from_sqlite_to_postgresql_and_back_keeps_the_whole_campaign_and_its_journal") else { return };
    let db = server.database();
    let env = Env::worked();
    let dir = env.dir.path();
    let file = env.db();
    let file = file.to_str().unwrap();
    enrich(dir, file);
    let back = env.path("back.db");
    let back = back.to_str().unwrap();

    let out = bare(dir, &["copy", file, db.url()]);
    assert!(out.status.success(), "copy to PostgreSQL: {}", String::from_utf8_lossy(&out.stderr));
    assert_same(dir, file, db.url(), "SQLite, then PostgreSQL");
    let out = bare(dir, &["copy", db.url(), back]);
    assert!(out.status.success(), "copy back to SQLite: {}", String::from_utf8_lossy(&out.stderr));
    assert_same(dir, file, back, "SQLite, then SQLite through PostgreSQL");
    assert_eq!(pg::stdout(dir, back, &["history"]), pg::stdout(dir, file, &["history"]));
    common::assert_store_clean(Path::new(back));
    pg::stdout(dir, back, &["check"]);
    pg::stdout(dir, db.url(), &["check"]);

    // Both copies take new writes after the copied journal.
    let last = pg::json(dir, file, &["history", "--limit", "1", "--format", "json"])[0]["id"].as_i64().expect("an id");
    for store in [db.url(), back] {
        pg::stdout(dir, store, &["milestone", "done", "b", "--on", "2030-04-09"]);
        let newest = pg::json(dir, store, &["history", "--limit", "1", "--format", "json"]);
        assert_eq!(newest[0]["id"].as_i64(), Some(last + 1), "{newest:#}");
        assert_eq!(newest[0]["key"], "b");
    }
    let entry = &pg::json(dir, db.url(), &["history", "--limit", "1", "--format", "json"])[0];
    assert_eq!(entry["role"], server.user(), "{entry:#}");
    assert_eq!(pg::stdout(dir, db.url(), &["status", "--as-of", AS_OF]), pg::stdout(dir, back, &["status", "--as-of", AS_OF]));
}

#[test]
fn copy_refuses_a_destination_that_holds_a_campaign_or_another_application() {
    let Some(server) = pg::server("copy_refuses_a_destination_that_holds_a_campaign_or_another_application") else { return };
    let team = server.database();
    let env = Env::new();
    let dir = env.dir.path();
    worked_in(&env, &team);
    let other = Env::new();
    other.apply("plan.toml", &common::milestones_plan("ms", 5, "2030-06-01"));
    let other_db = other.db();
    let other_db = other_db.to_str().unwrap();

    // SQLite into a team store that holds a campaign.
    let before = outputs(dir, team.url());
    let journal = team.journal_count();
    one_line_failure(&bare(dir, &["copy", other_db, team.url()]), 2, "copy over a team store");
    assert_eq!(team.journal_count(), journal);
    assert_eq!(outputs(dir, team.url()), before, "the refused copy changed the team store");

    // A team store into a SQLite file that holds a campaign.
    let dump = other.dump();
    one_line_failure(&bare(dir, &["copy", team.url(), other_db]), 2, "copy over a SQLite store");
    assert_eq!(other.dump(), dump, "the refused copy changed the SQLite store");

    // Into a database of another application.
    let foreign = server.database();
    foreign.client().batch_execute("CREATE TABLE foo(x int); INSERT INTO foo VALUES (1)").unwrap();
    one_line_failure(&bare(dir, &["copy", other_db, foreign.url()]), 2, "copy into another application's database");
    assert_eq!(foreign.tables(), ["public.foo"]);
    assert_eq!(other.dump(), dump);

    // From a store of a newer engage: refused as reading it is, and nothing is created.
    let newer = Env::worked();
    newer.conn().pragma_update(None, "user_version", 99).unwrap();
    let newer_db = newer.db();
    let empty = server.database();
    let reading = newer.run(&["status", "--as-of", AS_OF]);
    let code = reading.status.code().expect("an exit code");
    let line = one_line_failure(&bare(dir, &["copy", newer_db.to_str().unwrap(), empty.url()]), code, "copy of a newer store");
    assert!(line.contains("newer"), "{line}");
    assert!(empty.tables().is_empty(), "the refused copy created {:?}", empty.tables());
}

#[test]
fn a_backup_of_a_team_store_is_a_sqlite_store_with_the_same_campaign() {
    let Some(server) = pg::server("a_backup_of_a_team_store_is_a_sqlite_store_with_the_same_campaign") else { return };
    let db = server.database();
    let env = Env::new();
    let dir = env.dir.path();
    worked_in(&env, &db);
    enrich(dir, db.url());

    pg::stdout(dir, db.url(), &["backup", "backup.db"]);
    let bytes = std::fs::read(env.path("backup.db")).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"), "the backup is not a SQLite file");
    common::assert_store_clean(&env.path("backup.db"));
    for args in readings() {
        let (mut team, mut file) = (pg::stdout(dir, db.url(), &args), pg::stdout(dir, "backup.db", &args));
        if args[0] == "history" {
            // Which role wrote each change is PostgreSQL's to say.
            let mask = |text: &str| {
                let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
                json.as_array_mut().unwrap().iter_mut().for_each(|e| e["role"] = serde_json::Value::Null);
                json.to_string()
            };
            (team, file) = (mask(&team), mask(&file));
        }
        assert_eq!(file, team, "engage {args:?} on the backup differs from the team store's");
    }
    pg::stdout(dir, "backup.db", &["check"]);

    // Like any backup: never over an existing file without --force; with it, replaced whole.
    let before = std::fs::read(env.path("backup.db")).unwrap();
    one_line_failure(&pg::run(dir, db.url(), &["backup", "backup.db"]), 2, "backup over a file");
    assert_eq!(std::fs::read(env.path("backup.db")).unwrap(), before);
    pg::stdout(dir, db.url(), &["milestone", "done", "b", "--on", "2030-04-09"]);
    pg::stdout(dir, db.url(), &["backup", "--force", "backup.db"]);
    assert_eq!(pg::stdout(dir, "backup.db", &["status", "--as-of", AS_OF]), pg::stdout(dir, db.url(), &["status", "--as-of", AS_OF]));

    // The backup is a store of its own: it takes writes.
    pg::stdout(dir, "backup.db", &["milestone", "start", "c"]);
}

#[test]
fn a_reading_command_on_an_empty_database_creates_nothing_and_the_first_write_creates_the_store() {
    let Some(server) = pg::server("a_reading_command_on_an_empty_database_creates_nothing_and_the_first_write_creates_the_store") else {
        return;
    };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    // As on a missing SQLite file.
    let missing = env.run(&["status", "--as-of", AS_OF]).status.code().expect("an exit code");
    for args in [&["status", "--as-of", AS_OF][..], &["history", "--format", "json"], &["milestone", "list"], &["plan", "export"]] {
        one_line_failure(&pg::run(dir, db.url(), args), missing, &format!("engage {args:?} on an empty database"));
        assert!(db.tables().is_empty(), "engage {args:?} created {:?}", db.tables());
    }
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    assert!(!db.tables().is_empty());
    let file = env.db();
    pg::stdout(dir, file.to_str().unwrap(), &["plan", "apply", "worked.toml"]);
    assert_eq!(
        pg::stdout(dir, db.url(), &["status", "--as-of", AS_OF]),
        pg::stdout(dir, file.to_str().unwrap(), &["status", "--as-of", AS_OF])
    );

    // `init` creates a store too.
    let other = server.database();
    pg::stdout(dir, other.url(), &["init", "--name", "Team campaign", "--start", "2030-01-01", "--end", "2030-12-31"]);
    let status = pg::json(dir, other.url(), &["status", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(status["as_of"], AS_OF, "{status:#}");
}

#[test]
fn a_database_of_another_application_is_refused_and_left_as_it_was() {
    let Some(server) = pg::server("a_database_of_another_application_is_refused_and_left_as_it_was") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    db.client().batch_execute("CREATE TABLE foo(x int); INSERT INTO foo VALUES (1), (2)").unwrap();
    for args in [
        &["status", "--as-of", AS_OF][..],
        &["plan", "apply", "worked.toml"],
        &["init", "--name", "X", "--end", "2030-12-31"],
        &["milestone", "list"],
        &["history", "--format", "json"],
        &["backup", "copy.db"],
    ] {
        one_line_failure(&pg::run(dir, db.url(), args), 2, &format!("engage {args:?} on another application's database"));
        assert_eq!(db.tables(), ["public.foo"], "engage {args:?}");
        let rows: i64 = db.client().query_one("SELECT count(*) FROM foo", &[]).unwrap().get(0);
        assert_eq!(rows, 2, "engage {args:?}");
    }
    assert_eq!(listing(dir), ["worked.toml"], "a refused command left a file");
}

#[test]
fn bad_urls_and_unreachable_servers_are_said_in_one_line_without_the_password() {
    let Some(_server) = pg::server("bad_urls_and_unreachable_servers_are_said_in_one_line_without_the_password") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let file = env.path("store.db");
    let file = file.to_str().unwrap();
    let cases: &[(&str, i32)] = &[
        ("postgres://[::1", 2),
        ("postgresql://[::1", 2),
        ("postgres://postgres:Sekr3t-pw@[::1/x", 2),
        ("postgres://postgres@127.0.0.1:notaport/x", 2),
        ("postgres://postgres@127.0.0.1:1/x", 1),
        ("postgresql://postgres@127.0.0.1:1/x", 1),
        ("postgres://postgres:Sekr3t-pw@127.0.0.1:1/x", 1),
    ];
    for (url, code) in cases {
        for args in [&["status", "--as-of", AS_OF][..], &["plan", "apply", "worked.toml"], &["history", "--format", "json"]] {
            let what = format!("engage --db {url} {args:?}");
            let line = one_line_failure(&pg::run(dir, url, args), *code, &what);
            assert!(!line.contains(SECRET), "{what}: {line}");
            // The same from $ENGAGE_DB.
            let out = common::command(dir).env("ENGAGE_DB", url).args(args).output().unwrap();
            let line = one_line_failure(&out, *code, &format!("ENGAGE_DB={url} engage {args:?}"));
            assert!(!line.contains(SECRET), "{what}: {line}");
        }
        // A copy from or to it.
        let line = one_line_failure(&bare(dir, &["copy", url, file]), *code, &format!("copy {url} FILE"));
        assert!(!line.contains(SECRET), "{line}");
        assert_eq!(listing(dir), ["worked.toml"], "copy {url} FILE left a file");
        pg::stdout(dir, file, &["plan", "apply", "worked.toml"]);
        let line = one_line_failure(&bare(dir, &["copy", file, url]), *code, &format!("copy FILE {url}"));
        assert!(!line.contains(SECRET), "{line}");
        std::fs::remove_file(file).unwrap();
        assert_eq!(listing(dir), ["worked.toml"], "{url}: a refused command left a file");
    }
    // A password from PGPASSWORD is not shown either.
    for args in [&["status", "--as-of", AS_OF][..], &["plan", "apply", "worked.toml"]] {
        let out = pg::engage(dir, "postgres://postgres@127.0.0.1:1/x").env("PGPASSWORD", SECRET).args(args).output().unwrap();
        let line = one_line_failure(&out, 1, &format!("PGPASSWORD, unreachable: {args:?}"));
        assert!(!line.contains(SECRET), "{line}");
    }
    assert_eq!(listing(dir), ["worked.toml"]);
}

#[test]
fn a_team_store_from_a_newer_engage_is_refused_and_left_as_it_was() {
    let Some(server) = pg::server("a_team_store_from_a_newer_engage_is_refused_and_left_as_it_was") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    db.client().batch_execute("UPDATE engage_store SET version = 99").unwrap();
    let journal = db.journal_count();
    for args in [&["status", "--as-of", AS_OF][..], &["milestone", "done", "c", "--on", "2030-04-09"], &["plan", "apply", "worked.toml"]] {
        // As a SQLite file from a newer engage: exit 1, one line saying so.
        let line = one_line_failure(&pg::run(dir, db.url(), args), 1, &format!("engage {args:?} on a newer team store"));
        assert!(line.contains("newer engage") && line.contains("99"), "{line}");
    }
    assert_eq!(db.journal_count(), journal);
    let version: i64 = db.client().query_one("SELECT version FROM engage_store", &[]).unwrap().get(0);
    assert_eq!(version, 99);
}

#[test]
fn a_team_store_of_an_older_version_is_upgraded_in_place_and_keeps_its_campaign() {
    let Some(server) = pg::server("a_team_store_of_an_older_version_is_upgraded_in_place_and_keeps_its_campaign") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    let status = pg::stdout(dir, db.url(), &["status", "--as-of", AS_OF, "--format", "json"]);
    // The first version a team store was made at.
    db.client().batch_execute("UPDATE engage_store SET version = 8").unwrap();
    let journal = db.journal_count();
    assert_eq!(pg::stdout(dir, db.url(), &["status", "--as-of", AS_OF, "--format", "json"]), status);
    let version: i64 = db.client().query_one("SELECT version FROM engage_store", &[]).unwrap().get(0);
    assert_eq!(version, engage::store::CURRENT_VERSION);
    assert_eq!(db.journal_count(), journal);
}

#[test]
fn a_password_file_gives_the_password_and_no_message_shows_it() {
    let Some(server) = pg::server("a_password_file_gives_the_password_and_no_message_shows_it") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    let pgpass = env.path("pgpass");
    std::fs::write(&pgpass, "127.0.0.1:1:*:*:Fil3-Sekr3t\n").unwrap();
    std::fs::set_permissions(&pgpass, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let user = server.user();
    let url = format!("postgres://{user}@127.0.0.1:1/x");
    let out = pg::engage(dir, &url).env("PGPASSFILE", &pgpass).args(["status"]).output().unwrap();
    let line = one_line_failure(&out, 1, "an unreachable server with a password from the file");
    assert!(!line.contains("Fil3-Sekr3t"), "{line}");
}

#[test]
fn sslmode_encrypts_and_the_verify_modes_check_the_certificate() {
    let Some(server) = pg::server("sslmode_encrypts_and_the_verify_modes_check_the_certificate") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    let plain = pg::stdout(dir, db.url(), &["status", "--as-of", AS_OF]);
    let with = |query: &str| format!("{}?{query}", db.url());
    let ssl: String = db.client().query_one("SHOW ssl", &[]).unwrap().get(0);
    if ssl != "on" {
        // A server that does not encrypt: a URL that requires it is refused in one line.
        let line = one_line_failure(&pg::run(dir, &with("sslmode=require"), &["status"]), 1, "sslmode=require without TLS");
        assert!(line.contains("encrypted"), "{line}");
        return;
    }
    // Encrypted without checking the certificate, as PostgreSQL's own tools do.
    assert_eq!(pg::stdout(dir, &with("sslmode=require"), &["status", "--as-of", AS_OF]), plain);
    // A certificate that does not name the host is refused by verify-full, in one line.
    let cert = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
    let host_is_ip = db.url().contains("127.0.0.1");
    if std::path::Path::new(cert).exists() && host_is_ip {
        let url = with(&format!("sslmode=verify-full&sslrootcert={cert}"));
        let line = one_line_failure(&pg::run(dir, &url, &["status"]), 1, "verify-full with a certificate for another name");
        assert!(line.contains("certificate"), "{line}");
        // verify-ca checks the authority only.
        let url = with(&format!("sslmode=verify-ca&sslrootcert={cert}"));
        assert_eq!(pg::stdout(dir, &url, &["status", "--as-of", AS_OF]), plain);
    }
    // A root certificate file that cannot be read is bad input.
    let url = with("sslmode=verify-ca&sslrootcert=/nonexistent/root.pem");
    let line = one_line_failure(&pg::run(dir, &url, &["status"]), 2, "an unreadable root certificate");
    assert!(line.contains("/nonexistent/root.pem"), "{line}");
}

#[test]
fn the_two_schemas_have_the_same_tables_and_columns() {
    let Some(server) = pg::server("the_two_schemas_have_the_same_tables_and_columns") else { return };
    let env = Env::worked();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    // SQLite: every table's columns and whether each may be NULL.
    let sqlite = rusqlite::Connection::open(env.db()).unwrap();
    let names: Vec<String> = sqlite
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut from_sqlite = Vec::new();
    for name in names {
        let mut info = sqlite.prepare(&format!("PRAGMA table_info(\"{name}\")")).unwrap();
        let columns = info.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(3)? == 1 || r.get::<_, i64>(5)? > 0))).unwrap();
        for column in columns {
            let (column, not_null) = column.unwrap();
            from_sqlite.push(format!("{name}.{column} not_null={not_null}"));
        }
    }
    from_sqlite.sort();
    // PostgreSQL: the same, without the table that marks a team store.
    let mut from_pg: Vec<String> = db
        .client()
        .query(
            "SELECT table_name || '.' || column_name || ' not_null=' || (is_nullable = 'NO')::text FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name <> 'engage_store'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    from_pg.sort();
    assert_eq!(from_pg, from_sqlite);
}

#[test]
fn check_finds_a_journal_that_is_no_longer_append_only() {
    let Some(server) = pg::server("check_finds_a_journal_that_is_no_longer_append_only") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    let sound = pg::stdout(dir, db.url(), &["check"]);
    assert!(sound.lines().next().is_some_and(|l| l.ends_with(": ok")), "{sound}");
    db.client().batch_execute("ALTER TABLE journal DISABLE TRIGGER journal_is_append_only_update").unwrap();
    let out = pg::run(dir, db.url(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("journal_is_append_only_update") && said.contains("append-only"), "{said}");
}
