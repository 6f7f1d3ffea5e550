//! A store on a network file system: every command that writes is refused with one line that
//! says where to keep the store instead, exit 1, and nothing is created or changed; every command
//! that only reads still works and leaves everything as it was. The network file system is
//! played through `ENGAGE_TEST_FS_TYPE`, which a debug build reads in place of `statfs`.

mod common;

use std::fs;
use std::path::Path;

use common::{Env, WORKED, bin};

const NFS: &str = "0x6969";

/// Commands that write, as run on the worked example (or, for a new store, that create it).
const WRITERS: &[&[&str]] = &[
    &["plan", "apply", "worked.toml"],
    &["init", "--name", "X", "--end", "2030-12-31"],
    &["milestone", "start", "c"],
    &["milestone", "add", "z", "--title", "Z", "--due", "2030-06-01"],
    &["org", "set", "fed", "--name", "Federal"],
];

/// Commands that only read.
const READERS: &[&[&str]] = &[
    &["status", "--as-of", "2030-04-10", "--format", "json"],
    &["upcoming", "--as-of", "2030-04-10"],
    &["report", "--as-of", "2030-04-10"],
    &["plan", "export"],
    &["plan", "apply", "--dry-run", "worked.toml"],
    &["history"],
    &["check"],
    &["milestone", "list"],
];

/// Fails, unless skipping is asked for, where the test hook is not read (a release build).
fn hook_unavailable() -> bool {
    !cfg!(debug_assertions) && common::cannot_run("ENGAGE_TEST_FS_TYPE is read by debug builds only")
}

/// `engage ARGS` in `env` on a file system of magic number `fs_type`.
fn on(env: &Env, fs_type: &str, args: &[&str]) -> std::process::Output {
    env.std_engage().env("ENGAGE_TEST_FS_TYPE", fs_type).args(args).output().expect("running engage")
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Runs a command that must be refused: exit 1 and one line of stderr, returned; no stdout.
fn refused(env: &Env, fs_type: &str, args: &[&str]) -> String {
    let out = on(env, fs_type, args);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "engage {args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "engage {args:?}: {}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(stderr.lines().count(), 1, "engage {args:?}: not one line:\n{stderr}");
    stderr.trim_end().to_string()
}

/// The English line for a store at `db` on `fs`.
fn english(db: &Path, fs: &str) -> String {
    format!(
        "engage: {} is on a network file system ({fs}), where SQLite can lose a store's changes; nothing was changed: \
         keep the store on this computer's own disk (--db PATH), or share it as a team store (--db postgres://USER@HOST/DATABASE)",
        db.display()
    )
}

#[test]
fn no_store_is_created_on_a_network_file_system() {
    if hook_unavailable() {
        return;
    }
    let env = Env::new();
    env.write("worked.toml", WORKED);
    for args in WRITERS {
        let said = refused(&env, NFS, args);
        assert_eq!(said, english(&env.db(), "NFS"), "engage {args:?}");
        assert_eq!(listing(env.dir.path()), ["worked.toml"], "engage {args:?} left a file behind");
    }
    // The same commands create the store on a local file system.
    let out = on(&env, "0xEF53", &["plan", "apply", "worked.toml"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listing(env.dir.path()), ["engage.db", "worked.toml"]);
}

#[test]
fn a_store_on_a_network_file_system_is_read_but_never_written() {
    if hook_unavailable() {
        return;
    }
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    let before = fs::read(env.db()).unwrap();
    let files = listing(env.dir.path());
    for args in WRITERS {
        assert_eq!(refused(&env, NFS, args), english(&env.db(), "NFS"), "engage {args:?}");
        assert!(fs::read(env.db()).unwrap() == before, "engage {args:?} changed the store");
        assert_eq!(listing(env.dir.path()), files, "engage {args:?} left a file behind");
    }
    for args in READERS {
        let out = on(&env, NFS, args);
        assert!(out.status.success(), "engage {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(fs::read(env.db()).unwrap() == before, "engage {args:?} changed the store");
        assert_eq!(listing(env.dir.path()), files, "engage {args:?} left a file behind");
        // What a reader sees there is what it sees on a local disk.
        let local = on(&env, "0xEF53", args);
        assert_eq!(String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&local.stdout), "engage {args:?}");
    }
    let status = env.json(&["status", "--as-of", "2030-04-10", "--format", "json"]);
    let out = on(&env, NFS, &["status", "--as-of", "2030-04-10", "--format", "json"]);
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap(), status);
}

#[test]
fn a_store_being_written_on_its_own_computer_is_read_through_its_write_ahead_log() {
    if hook_unavailable() {
        return;
    }
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    // A writer that keeps the store open, as on the computer that serves the file system.
    let writer = env.conn();
    writer.execute_batch("PRAGMA journal_mode = WAL; UPDATE milestone SET title = 'Drafted' WHERE key = 'a';").unwrap();
    let files = listing(env.dir.path());
    assert!(files.contains(&"engage.db-wal".to_string()), "{files:?}");
    let out = on(&env, NFS, &["milestone", "show", "a"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Drafted"), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(listing(env.dir.path()), files, "the reader removed or added files beside the store");
    drop(writer);
    assert_eq!(listing(env.dir.path()), ["engage.db", "worked.toml"]);
}

#[test]
fn a_write_ahead_log_left_by_a_crash_is_read_and_left_as_it_is() {
    if hook_unavailable() {
        return;
    }
    // The store and its write-ahead log as a writer that crashed left them, in another directory.
    let env = Env::new();
    let source = Env::new();
    source.apply("worked.toml", WORKED);
    let writer = source.conn();
    writer.execute_batch("PRAGMA journal_mode = WAL; UPDATE milestone SET title = 'Drafted' WHERE key = 'a';").unwrap();
    fs::copy(source.db(), env.db()).unwrap();
    fs::copy(source.path("engage.db-wal"), env.path("engage.db-wal")).unwrap();
    drop(writer);
    let (store, log) = (fs::read(env.db()).unwrap(), fs::read(env.path("engage.db-wal")).unwrap());
    let out = on(&env, NFS, &["milestone", "show", "a"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Drafted"), "{}", String::from_utf8_lossy(&out.stdout));
    // A reader that may write would have moved the log into the store and deleted it on closing.
    assert!(fs::read(env.db()).unwrap() == store, "the reader wrote into the store");
    assert!(fs::read(env.path("engage.db-wal")).unwrap() == log, "the reader changed the write-ahead log");
}

#[test]
fn an_older_store_on_a_network_file_system_is_read_but_not_upgraded() {
    if hook_unavailable() {
        return;
    }
    let env = Env::new();
    {
        let conn = env.conn();
        conn.execute_batch(include_str!("fixtures/schema-v1.sql")).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO campaign (id, name, \"end\") VALUES (1, 'Old', '2030-12-31');
             INSERT INTO milestone (key, title, due) VALUES ('c', 'C', '2030-05-01');",
        )
        .unwrap();
    }
    let before = fs::read(env.db()).unwrap();
    assert_eq!(refused(&env, NFS, &["milestone", "start", "c"]), english(&env.db(), "NFS"));
    let out = on(&env, NFS, &["milestone", "list", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(fs::read(env.db()).unwrap() == before, "the store changed");
    assert_eq!(listing(env.dir.path()), ["engage.db"], "no copy aside, no journal");
}

#[test]
fn every_network_file_system_is_named_and_fuse_is_not_one() {
    if hook_unavailable() {
        return;
    }
    let env = Env::new();
    for (magic, name) in [("0xFF534D42", "CIFS"), ("0xFE534D42", "SMB2"), ("0x517B", "SMB"), ("0x01021997", "9P"), ("0x00C36400", "Ceph")] {
        assert_eq!(refused(&env, magic, &["init", "--name", "X", "--end", "2030-12-31"]), english(&env.db(), name));
        assert!(listing(env.dir.path()).is_empty());
    }
    // FUSE may be sshfs or a local file system: allowed (see `store::place`).
    let out = on(&env, "0x65735546", &["init", "--name", "X", "--end", "2030-12-31"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_default_store_is_refused_before_its_directory_is_made() {
    if hook_unavailable() {
        return;
    }
    let env = Env::new();
    let home = env.path("home");
    fs::create_dir(&home).unwrap();
    let out = std::process::Command::new(bin())
        .args(["init", "--name", "X", "--end", "2030-12-31"])
        .env_remove("ENGAGE_DB")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", &home)
        .env("LANG", "C")
        .env("ENGAGE_TEST_FS_TYPE", NFS)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end(), english(&home.join(".local/share/engage/engage.db"), "NFS"));
    assert_eq!(fs::read_dir(&home).unwrap().count(), 0, "engage created something in HOME");
}

#[test]
fn in_french() {
    if hook_unavailable() {
        return;
    }
    let env = Env::new();
    env.write("worked.toml", WORKED);
    let expected = format!(
        "engage\u{a0}: {} est sur un système de fichiers réseau (NFS), où SQLite peut perdre les modifications d'une base de données\u{202f}; \
         rien n'a été changé\u{a0}: gardez la base de données sur le disque de cet ordinateur (--db CHEMIN), \
         ou partagez-la comme base de données d'équipe (--db postgres://UTILISATEUR@HÔTE/BASE)",
        env.db().display()
    );
    assert_eq!(refused(&env, NFS, &["--lang", "fr", "plan", "apply", "worked.toml"]), expected);
    assert_eq!(listing(env.dir.path()), ["worked.toml"]);
    env.apply("worked.toml", WORKED);
    let before = fs::read(env.db()).unwrap();
    assert_eq!(refused(&env, NFS, &["--lang", "fr", "milestone", "start", "c"]), expected);
    assert!(fs::read(env.db()).unwrap() == before, "the store changed");
    let out = on(&env, NFS, &["--lang", "fr", "status", "--as-of", "2030-04-10"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Chemin critique"));
    for plain in [" :", " ;", "« ", " »", " ?", " !"] {
        assert!(!expected.contains(plain), "{plain:?} with a breaking space");
    }
}
