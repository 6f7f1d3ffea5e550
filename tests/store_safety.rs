//! Doing only what was asked: a command that only reads creates and changes nothing, even on a
//! store it may not write to; another application's SQLite file is left alone; `demo` never
//! writes into the user's store; a failed `init` leaves no file; a plan file is read within its
//! limit whatever it is.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{Env, WORKED, bin};
use rusqlite::Connection;

/// Every command that only reads, as run on the worked example.
const READERS: &[&[&str]] = &[
    &["status", "--as-of", "2030-04-10"],
    &["upcoming", "--as-of", "2030-04-10"],
    &["report", "--as-of", "2030-04-10"],
    &["export", "progress", "--as-of", "2030-04-10"],
    &["export", "ics", "--as-of", "2030-04-10"],
    &["plan", "export"],
    &["plan", "apply", "--dry-run", "worked.toml"],
    &["history"],
    &["check"],
    &["milestone", "list"],
    &["milestone", "show", "b"],
    &["org", "list"],
    &["table", "list", "--format", "json"],
    &["meeting", "list"],
    &["agenda", "list"],
    &["channel", "show", "site"],
    &["material", "list"],
];

/// A store holding the worked example, closed.
fn worked() -> Env {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env
}

/// The names in the test's directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn reading_commands_leave_the_store_and_its_directory_as_they_were() {
    let env = worked();
    let before = fs::read(env.db()).unwrap();
    let files = listing(env.dir.path());
    let journal = env.journal_count();
    for args in READERS.iter().copied().chain([&["backup", "copy.db"][..]]) {
        let out = env.run(args);
        assert!(out.status.success(), "engage {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(fs::read(env.db()).unwrap() == before, "engage {args:?} changed the store");
        let mut expected = files.clone();
        if args[0] == "backup" {
            expected.push("copy.db".into());
            expected.sort();
        }
        assert_eq!(listing(env.dir.path()), expected, "engage {args:?} left files behind");
    }
    assert_eq!(env.journal_count(), journal);
}

#[test]
fn reading_commands_work_on_a_store_they_may_not_write() {
    let env = worked();
    let Some(_) = common::unprivileged_command(env.dir.path()) else {
        common::cannot_run("no way to run engage as a user that file permissions stop (setpriv)");
        return;
    };
    // A directory the unprivileged user may write, for the backup.
    let out = tempfile::tempdir().unwrap();
    common::chmod(out.path(), 0o777);
    // The store on "read-only media": neither it nor its directory may be written.
    common::chmod(&env.path("worked.toml"), 0o644);
    common::chmod(&env.db(), 0o444);
    common::chmod(env.dir.path(), 0o555);
    let before = fs::read(env.db()).unwrap();
    let files = listing(env.dir.path());
    let copy = out.path().join("copy.db");
    let backup: &[&str] = &["backup", copy.to_str().unwrap()];
    let mut failures = Vec::new();
    for args in READERS.iter().copied().chain([backup]) {
        let mut cmd = common::unprivileged_command(env.dir.path()).unwrap();
        let run = cmd.arg("--db").arg(env.db()).args(args).output().unwrap();
        if !run.status.success() {
            failures.push(format!("engage {args:?}: {}", String::from_utf8_lossy(&run.stderr)));
        }
    }
    // A command that writes says why it cannot.
    let mut cmd = common::unprivileged_command(env.dir.path()).unwrap();
    let write = cmd.arg("--db").arg(env.db()).args(["milestone", "start", "c"]).output().unwrap();
    common::chmod(env.dir.path(), 0o700);
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(write.status.code(), Some(1), "{}", String::from_utf8_lossy(&write.stderr));
    assert!(String::from_utf8_lossy(&write.stderr).contains("for writing"));
    assert!(fs::read(env.db()).unwrap() == before, "the store changed");
    assert_eq!(listing(env.dir.path()), files);
    assert_eq!(env.engage_db(&copy).args(["plan", "export"]).output().unwrap().stdout, env.export().into_bytes());
}

#[test]
fn reading_commands_never_fill_an_empty_file() {
    let env = Env::new();
    env.write("worked.toml", WORKED);
    fs::write(env.db(), "").unwrap();
    for args in READERS.iter().copied().chain([&["backup", "copy.db"][..], &["milestone", "start", "b"]]) {
        let out = env.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "engage {args:?}: {stderr}");
        assert!(stderr.contains("is empty") && stderr.lines().count() == 1, "engage {args:?}: {stderr}");
        assert_eq!(fs::metadata(env.db()).unwrap().len(), 0, "engage {args:?} wrote into the empty file");
        assert_eq!(listing(env.dir.path()), ["engage.db", "worked.toml"], "engage {args:?}");
    }
    // A command that creates a store may use the empty file.
    env.engage().args(["plan", "apply", "worked.toml"]).assert().success();
    env.engage().arg("check").assert().success();
}

/// Another application's SQLite file, in its own journal mode, with its own header.
fn foreign(env: &Env, setup: &str) -> Vec<u8> {
    let conn = Connection::open(env.db()).unwrap();
    conn.execute_batch(setup).unwrap();
    drop(conn);
    fs::read(env.db()).unwrap()
}

/// Commands of every kind on another application's file: each exits 1 with one line saying so,
/// and the file stays byte for byte as it was, with nothing beside it.
fn left_alone(env: &Env, before: &[u8]) {
    let commands: &[&[&str]] = &[
        &["status"],
        &["check"],
        &["plan", "apply", "worked.toml"],
        &["history"],
        &["milestone", "done", "b"],
        &["init", "--name", "X", "--end", "2030-12-31"],
        &["backup", "copy.db"],
        &["export", "progress", "-o", "progress.csv"],
        &["demo"],
    ];
    for args in commands {
        let mut cmd = env.std_engage();
        if args[0] == "demo" {
            // demo takes only --db: it must still refuse to seed another application's file.
            cmd = common::command(env.dir.path());
            cmd.arg("--db").arg(env.db());
        }
        let out = cmd.args(*args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "engage {args:?}: {stderr}");
        assert!(stderr.contains("not an engage store") && stderr.contains("nothing was changed"), "{stderr}");
        assert!(stderr.contains(&env.db().display().to_string()) && stderr.lines().count() == 1, "{stderr}");
        assert!(fs::read(env.db()).unwrap() == before, "engage {args:?} changed the other application's file");
        assert_eq!(listing(env.dir.path()), ["engage.db", "worked.toml"], "engage {args:?}");
    }
}

#[test]
fn another_applications_database_is_left_alone() {
    let env = Env::new();
    env.write("worked.toml", WORKED);
    let before = foreign(&env, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO note (body) VALUES ('keep me');");
    left_alone(&env, &before);
}

#[test]
fn another_applications_database_with_engage_like_tables_is_left_alone() {
    let env = Env::new();
    env.write("worked.toml", WORKED);
    let tables: String = ["campaign", "organization", "forum", "meeting", "milestone", "journal"]
        .iter()
        .map(|t| format!("CREATE TABLE {t} (id INTEGER PRIMARY KEY);"))
        .collect();
    let before = foreign(&env, &format!("{tables} PRAGMA application_id = 42;"));
    left_alone(&env, &before);
}

#[test]
fn a_store_from_before_the_application_id_is_recognised_by_its_tables() {
    // A real version-1 store: engage's tables, no application id.
    let env = Env::new();
    {
        let conn = Connection::open(env.db()).unwrap();
        conn.execute_batch(include_str!("fixtures/schema-v1.sql")).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO campaign (id, name, \"end\") VALUES (1, 'Old', '2030-12-31');
             INSERT INTO milestone (key, title, due, status, done_on) VALUES ('a', 'A', '2030-03-15', 'done', '2030-03-14');
             INSERT INTO milestone (key, title, due) VALUES ('c', 'C', '2030-05-01');",
        )
        .unwrap();
    }
    let before = fs::read(env.db()).unwrap();
    let status = env.json(&["status", "--as-of", "2030-04-10", "--format", "json"]);
    assert_eq!(status["counts"]["milestone"]["done_on_time"], 1, "{status}");
    assert!(fs::read(env.db()).unwrap() == before, "a read upgraded the store");
    env.engage().args(["milestone", "start", "c"]).assert().success();
    let conn = env.conn();
    let id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!((id, version), (0x456e_6747, engage::store::CURRENT_VERSION));
    assert!(env.path("engage.db.v1.bak").exists());
}

#[test]
fn demo_never_writes_into_the_store_of_engage_db() {
    let env = worked();
    let before = fs::read(env.db()).unwrap();
    let journal = env.journal_count();
    let out = env.shell(r#""$ENGAGE" demo"#).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("temporary store"));
    assert!(fs::read(env.db()).unwrap() == before, "demo changed the store of $ENGAGE_DB");
    assert_eq!(env.journal_count(), journal);
    // Nor creates one there.
    let out = env.shell(r#"ENGAGE_DB="$PWD/new.db" "$ENGAGE" demo"#).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!env.path("new.db").exists());
}

#[test]
fn demo_refuses_a_store_that_holds_a_campaign() {
    let env = worked();
    let before = fs::read(env.db()).unwrap();
    for lang in ["en", "fr"] {
        let out = env.run(&["--lang", lang, "demo"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(if lang == "en" { "already holds a campaign" } else { "contient déjà une campagne" }), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    assert!(fs::read(env.db()).unwrap() == before, "demo changed a store with a campaign");
}

#[test]
fn demo_with_db_seeds_a_new_store() {
    let env = Env::new();
    env.engage().args(["demo"]).assert().success();
    assert!(env.export().contains("Service Partnerships Guide"));
    let history = env.json(&["history", "--format", "json", "--limit", "1"]);
    assert_eq!(history.as_array().map(Vec::len), Some(1), "{history}");
}

#[test]
fn a_failed_init_leaves_no_file() {
    let env = Env::new();
    for args in [
        &["init", "--name", "X", "--start", "9999-06-01"][..],
        &["init", "--name", "X", "--start", "2030-06-01", "--end", "2030-01-01"],
        &["init", "--name", " ", "--end", "2030-01-01"],
    ] {
        let out = env.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "engage {args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(!stderr.contains("CHECK"), "{stderr}");
        assert!(listing(env.dir.path()).is_empty(), "engage {args:?} left {:?}", listing(env.dir.path()));
    }
    let out = env.run(&["--lang", "fr", "init", "--name", "X", "--start", "9999-06-01"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1900 à 9998"), "{}", String::from_utf8_lossy(&out.stderr));
    // A sound init still creates the store.
    env.engage().args(["init", "--name", "X", "--start", "2030-06-01"]).assert().success();
    assert_eq!(listing(env.dir.path()), ["engage.db"]);
}

#[test]
fn a_failed_first_plan_apply_leaves_no_file() {
    let env = Env::new();
    env.write("bad.toml", "[campaign]\nname = \"X\"\nend = 2030-12-31\n\n[[milestone]]\nkey = \"a\"\ntitle = \"A\"\ndue = 2030-13-01\n");
    let out = env.run(&["plan", "apply", "bad.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listing(env.dir.path()), ["bad.toml"]);
}

#[test]
fn an_endless_plan_file_is_refused_quickly() {
    let env = Env::new();
    let started = Instant::now();
    let out = env.run(&["plan", "apply", "/dev/zero"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("40 MiB") && stderr.lines().count() == 1, "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    assert!(listing(env.dir.path()).is_empty(), "{:?}", listing(env.dir.path()));
}

#[test]
fn a_plan_fifo_that_never_ends_is_refused() {
    let env = Env::new();
    let fifo = env.path("plan.fifo");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status().expect("running mkfifo");
    assert!(status.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut pipe = fs::OpenOptions::new().write(true).open(fifo).unwrap();
            let chunk = vec![b'#'; 1 << 20];
            let mut sent = 0u64;
            // Until the reader goes away (or far past the limit).
            while sent < 200 << 20 && pipe.write_all(&chunk).is_ok() {
                sent += chunk.len() as u64;
            }
            sent
        })
    };
    let out = env.run(&["plan", "apply", fifo.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("40 MiB"), "{stderr}");
    let sent = writer.join().unwrap();
    assert!(sent < 200 << 20, "engage read {sent} bytes");
    assert_eq!(listing(env.dir.path()), ["plan.fifo"]);
}

#[test]
fn reading_commands_create_no_default_data_directory() {
    let env = Env::new();
    let home = env.path("home");
    fs::create_dir(&home).unwrap();
    for args in [&["status"][..], &["upcoming"], &["milestone", "list"], &["history"], &["check"]] {
        let out = std::process::Command::new(bin())
            .args(args)
            .env_remove("ENGAGE_DB")
            .env_remove("XDG_DATA_HOME")
            .env("HOME", &home)
            .env("LANG", "C")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "engage {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("no campaign store found at"), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(fs::read_dir(&home).unwrap().count(), 0, "engage {args:?} created something in HOME");
    }
    // A command that creates the store creates its directory.
    let out = std::process::Command::new(bin())
        .args(["init", "--name", "X", "--end", "2030-01-01"])
        .env_remove("ENGAGE_DB")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", &home)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(home.join(".local/share/engage/engage.db").is_file());
}

#[test]
fn check_reports_stored_control_characters_and_dates_out_of_range() {
    let env = worked();
    {
        let conn = env.conn();
        conn.execute("UPDATE milestone SET title = 'a' || char(27) || '[2Jb' WHERE key = 'a'", []).unwrap();
        conn.execute("UPDATE milestone SET due = '9999-12-31' WHERE key = 'b'", []).unwrap();
    }
    let out = env.run(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("milestone 'a'") && stdout.contains("control character"), "{stdout}");
    assert!(stdout.contains("milestone 'b'") && stdout.contains("9999-12-31"), "{stdout}");
    assert!(!stdout.contains('\x1b'), "the report itself carries no raw escape: {stdout:?}");
}
