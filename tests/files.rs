//! The store as a file: what engage does with a file that is not a store, a damaged or newer one,
//! one it may not write, a missing directory; the mode of a new store; `engage check` and
//! `engage backup`, also while another process writes.

mod common;

use std::fs::{self, File};
use std::path::Path;
use std::process::Stdio;

use common::{Env, WORKED, assert_store_clean, milestones_plan};
use rusqlite::Connection;

/// Commands that read, write or create: each must refuse a file that is not a sound store.
const COMMANDS: &[&[&str]] = &[
    &["status"],
    &["milestone", "done", "b", "--on", "2030-04-01"],
    &["plan", "export"],
    &["plan", "apply", "worked.toml"],
    &["init", "--name", "Another", "--end", "2030-12-31"],
    &["check"],
    &["backup", "copy.db"],
];

/// A store holding the worked example, closed (its write-ahead log folded back into the file).
fn worked() -> Env {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    assert!(!env.path("engage.db-wal").exists(), "the store was left with a write-ahead log");
    env
}

/// Runs every command of [`COMMANDS`] on the store: each exits 1 with one line saying `says`,
/// without panicking, and leaves the file byte for byte as it was.
fn refused_by_every_command(env: &Env, says: &str) {
    let before = fs::read(env.db()).unwrap();
    for args in COMMANDS {
        let out = env.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "engage {args:?}: {}; stderr:\n{stderr}", out.status);
        assert_eq!(stderr.lines().count(), 1, "engage {args:?}:\n{stderr}");
        assert!(stderr.starts_with("engage: ") && stderr.contains(says), "engage {args:?}: {stderr}");
        assert!(fs::read(env.db()).unwrap() == before, "engage {args:?} changed the file");
        assert!(!env.path("copy.db").exists(), "engage {args:?} made a backup");
    }
}

#[test]
fn a_text_file_is_not_a_store() {
    let env = Env::new();
    env.write("worked.toml", WORKED);
    fs::write(env.db(), "Shopping list\n- milk\n- bread\n").unwrap();
    refused_by_every_command(&env, "not an engage store");
}

#[test]
fn a_truncated_store_is_refused() {
    let env = worked();
    let len = fs::metadata(env.db()).unwrap().len();
    File::options().write(true).open(env.db()).unwrap().set_len(len / 2).unwrap();
    refused_by_every_command(&env, "damaged");
}

#[test]
fn a_store_with_garbage_in_the_middle_is_refused() {
    let env = worked();
    // Garbage over the pages of the milestone table, which every command reads (the middle of
    // the file would depend on the layout of the schema: a page of a table no command reads
    // cannot be noticed without checking the whole file).
    let (page_size, root): (i64, i64) = {
        let conn = env.conn();
        let size = conn.pragma_query_value(None, "page_size", |r| r.get(0)).unwrap();
        let root = conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'milestone'", [], |r| r.get(0)).unwrap();
        (size, root)
    };
    let mut bytes = fs::read(env.db()).unwrap();
    let start = usize::try_from((root - 1) * page_size).unwrap();
    for (i, b) in bytes[start..start + usize::try_from(page_size).unwrap()].iter_mut().enumerate() {
        *b = (i * 37 + 11) as u8;
    }
    fs::write(env.db(), bytes).unwrap();
    refused_by_every_command(&env, "damaged");
}

#[test]
fn check_finds_a_damaged_journal_row() {
    let env = worked();
    let mut bytes = fs::read(env.db()).unwrap();
    // The JSON of a journal row (milestone d, created): garbage of the same length in its place.
    let needle = br#""title":"Launch""#;
    let at = bytes.windows(needle.len()).position(|w| w == needle).expect("the journal's JSON of milestone d");
    bytes[at..at + needle.len()].fill(b'{');
    fs::write(env.db(), &bytes).unwrap();
    let out = env.run(&["check"]);
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("journal row") && all.contains("'after' is not JSON"), "{all}");
    assert!(!all.contains("panicked"), "{all}");
    assert!(fs::read(env.db()).unwrap() == bytes, "check changed the file");
}

#[test]
fn a_store_from_a_newer_engage_is_refused() {
    let env = worked();
    env.conn().pragma_update(None, "user_version", 99).unwrap();
    refused_by_every_command(&env, "newer");
}

#[test]
fn a_read_only_store_is_refused_for_writing() {
    let env = worked();
    let Some(_) = common::unprivileged_command(env.dir.path()) else {
        common::cannot_run("no way to run engage as a user that file permissions stop (setpriv)");
        return;
    };
    env.write("more.toml", "[[milestone]]\nkey = \"e\"\ntitle = \"E\"\ndue = 2030-05-01\n");
    common::chmod(&env.db(), 0o444);
    common::chmod(&env.path("more.toml"), 0o644);
    common::chmod(env.dir.path(), 0o755);
    let before = fs::read(env.db()).unwrap();
    let journal = env.journal_count();
    for args in [&["milestone", "done", "b", "--on", "2030-04-01"][..], &["plan", "apply", "more.toml"]] {
        let mut cmd = common::unprivileged_command(env.dir.path()).unwrap();
        let out = cmd.arg("--db").arg(env.db()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "engage {args:?}: {stderr}");
        assert!(stderr.starts_with("engage: ") && stderr.contains("for writing") && !stderr.contains("panicked"), "{stderr}");
    }
    common::chmod(env.dir.path(), 0o700);
    assert!(fs::read(env.db()).unwrap() == before);
    assert_eq!(env.journal_count(), journal);
}

#[test]
fn a_store_in_a_missing_directory_is_not_created() {
    let env = Env::new();
    let plan = env.write("worked.toml", WORKED);
    let db = env.path("missing").join("engage.db");
    for args in [vec!["init", "--name", "X", "--end", "2030-12-31"], vec!["plan", "apply", plan.to_str().unwrap()]] {
        let out = env.engage_db(&db).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "engage {args:?}: {stderr}");
        assert!(stderr.contains("directory does not exist") && stderr.contains("missing"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    assert!(!env.path("missing").exists());
}

#[test]
fn a_new_store_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.engage().args(["init", "--name", "X", "--end", "2030-12-31"]).assert().success();
    assert_eq!(fs::metadata(env.db()).unwrap().permissions().mode() & 0o777, 0o600, "init");
    let other = Env::new();
    other.apply("worked.toml", WORKED);
    assert_eq!(fs::metadata(other.db()).unwrap().permissions().mode() & 0o777, 0o600, "plan apply");
}

#[test]
fn check_accepts_a_sound_store_and_lists_a_cycle() {
    let env = worked();
    env.engage().arg("check").assert().success();
    // Milestone b depends on a; make a depend on b behind engage's back.
    let conn = env.conn();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO milestone_dependency VALUES
           ((SELECT id FROM milestone WHERE key = 'a'), (SELECT id FROM milestone WHERE key = 'b'));",
    )
    .unwrap();
    drop(conn);
    let out = env.run(&["check"]);
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("cycle") && all.contains('a') && all.contains('b'), "{all}");
    assert!(!all.contains("panicked"), "{all}");
}

#[test]
fn a_backup_is_a_sound_copy_and_is_not_overwritten_without_force() {
    let env = worked();
    let copy = env.path("copy.db");
    env.engage().arg("backup").arg(&copy).assert().success();
    assert_store_clean(&copy);
    env.engage_db(&copy).arg("check").assert().success();
    let exported = |db: &Path| env.engage_db(db).args(["plan", "export"]).output().unwrap().stdout;
    assert_eq!(exported(&copy), exported(&env.db()));

    let first_export = exported(&copy);

    // Change the store: a second backup needs --force, and then holds the change.
    env.engage().args(["milestone", "done", "b", "--on", "2030-04-01"]).assert().success();
    let first = fs::read(&copy).unwrap();
    let out = env.run(&["backup", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert!(fs::read(&copy).unwrap() == first, "the backup was overwritten without --force");
    env.engage().arg("backup").arg(&copy).arg("--force").assert().success();
    env.engage_db(&copy).arg("check").assert().success();
    assert_eq!(exported(&copy), exported(&env.db()));
    assert_ne!(exported(&copy), first_export);
}

#[test]
fn backup_force_overwrites_any_file() {
    let env = worked();
    fs::write(env.path("notes.txt"), "old notes\n").unwrap();
    env.engage().args(["backup", "notes.txt", "--force"]).assert().success();
    env.engage_db(&env.path("notes.txt")).arg("check").assert().success();
}

#[test]
fn a_backup_is_as_private_as_the_store() {
    use std::os::unix::fs::PermissionsExt;
    let env = worked();
    env.engage().args(["backup", "copy.db"]).assert().success();
    let mode = fs::metadata(env.path("copy.db")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "backup mode {mode:o}");
}

#[test]
fn a_backup_while_another_process_writes_is_consistent() {
    const WRITES: usize = 150;
    let env = Env::new();
    env.apply("plan.toml", &milestones_plan("ms", WRITES, "2030-06-01"));
    let base = env.journal_count();
    let keys: Vec<String> = (0..WRITES).map(|i| format!("ms-{i:05}")).collect();
    let mut writer = env
        .shell(r#"for k in $KEYS; do "$ENGAGE" milestone done "$k" --on 2030-01-01 || exit 1; done"#)
        .env("KEYS", keys.join(" "))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut seen = Vec::new();
    let mut n = 0;
    while writer.try_wait().unwrap().is_none() || n < 3 {
        let copy = env.path(&format!("copy-{n}.db"));
        env.engage().arg("backup").arg(&copy).assert().success();
        // Sound, and a snapshot: as many milestones done as journal rows since the plan.
        assert_store_clean(&copy);
        env.engage_db(&copy).arg("check").assert().success();
        let conn = Connection::open(&copy).unwrap();
        let done: i64 = conn.query_row("SELECT count(*) FROM milestone WHERE status = 'done'", [], |r| r.get(0)).unwrap();
        let journal: i64 = conn.query_row("SELECT count(*) FROM journal", [], |r| r.get(0)).unwrap();
        assert_eq!(journal - base, done, "backup {n}: {done} done, {} journal rows since the plan", journal - base);
        seen.push(done);
        n += 1;
    }
    let out = writer.wait_with_output().unwrap();
    assert!(out.status.success(), "the writer failed: {}", String::from_utf8_lossy(&out.stderr));
    eprintln!("{n} backups during {WRITES} writes saw {seen:?} milestones done");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.iter().any(|&d| d > 0 && d < WRITES as i64), "no backup landed mid-way: {seen:?}");
}

#[test]
fn an_output_file_is_replaced_whole_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let env = worked();
    let out = env.path("report.html");
    fs::write(&out, "old\n").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    env.engage().args(["report", "--as-of", "2030-04-10", "-o"]).arg(&out).assert().success();
    assert!(fs::read_to_string(&out).unwrap().starts_with("<!DOCTYPE html>"));
    assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o640);
    let left: Vec<String> = fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".part"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_failed_export_leaves_the_earlier_file_as_it_was() {
    let env = worked();
    let out = env.path("progress.csv");
    env.engage().args(["export", "progress", "--as-of", "2030-04-10", "-o"]).arg(&out).assert().success();
    let before = fs::read(&out).unwrap();
    // A store that lost its campaign fails in the middle of the export.
    env.conn().execute("DELETE FROM campaign", []).unwrap();
    env.engage().args(["export", "progress", "--as-of", "2030-04-10", "-o"]).arg(&out).assert().code(1);
    assert_eq!(fs::read(&out).unwrap(), before, "the earlier export was damaged");
    let left =
        fs::read_dir(env.dir.path()).unwrap().filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains(".part")).count();
    assert_eq!(left, 0, "a part file was left behind");
}
