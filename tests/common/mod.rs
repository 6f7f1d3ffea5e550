//! Shared helpers of the end-to-end tests: a store in a temporary directory, the `engage` binary
//! run against it in a fixed environment, and direct looks into the SQLite file.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tempfile::TempDir;

/// The worked example (`worked-example.md` gives every figure as of 2030-04-10).
pub const WORKED: &str = include_str!("../fixtures/worked-example.toml");

/// The day the worked example is assessed on.
pub const AS_OF: &str = "2030-04-10";

/// The repository's seed campaign, as a plan file.
pub fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("service-partnerships-guide.toml")
}

/// The path of the `engage` binary under test.
pub fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("engage")
}

/// A temporary directory holding one store, `engage.db`.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    /// The store's path.
    pub fn db(&self) -> PathBuf {
        self.path("engage.db")
    }

    /// A path inside the temporary directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `engage --db STORE`, run in the temporary directory with a fixed environment.
    pub fn engage(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_engage())
    }

    /// The same, as a `std::process::Command` (to handle its pipes).
    pub fn std_engage(&self) -> std::process::Command {
        let mut cmd = command(self.dir.path());
        cmd.arg("--db").arg(self.db());
        cmd
    }

    /// Writes a plan file into the temporary directory; returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("writing a plan file");
        path
    }

    /// Writes `text` as `name` and applies it; the apply must succeed.
    pub fn apply(&self, name: &str, text: &str) -> std::process::Output {
        let path = self.write(name, text);
        self.engage().args(["plan", "apply"]).arg(path).assert().success().get_output().clone()
    }

    /// `plan export` to stdout: the store's plan as text.
    pub fn export(&self) -> String {
        let out = self.engage().args(["plan", "export"]).assert().success().get_output().stdout.clone();
        String::from_utf8(out).expect("UTF-8 export")
    }

    /// Runs `engage ARGS` (which must succeed) and parses stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.engage().args(args).assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).unwrap_or_else(|e| panic!("engage {args:?}: not JSON ({e}): {}", String::from_utf8_lossy(&out)))
    }

    /// Runs `engage ARGS` (which must succeed) and returns stdout as text.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.engage().args(args).assert().success().get_output().stdout.clone();
        String::from_utf8(out).expect("UTF-8 output")
    }

    /// A connection to the store, opened directly.
    pub fn conn(&self) -> Connection {
        Connection::open(self.db()).expect("opening the store")
    }

    /// How many rows the journal holds.
    pub fn journal_count(&self) -> i64 {
        self.conn().query_row("SELECT count(*) FROM journal", [], |r| r.get(0)).expect("counting the journal")
    }

    /// `PRAGMA integrity_check` says "ok" and `PRAGMA foreign_key_check` finds nothing.
    pub fn assert_clean(&self) {
        assert_store_clean(&self.db());
    }
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

/// `engage` without `--db`, run in `dir` with the fixed environment of every run.
pub fn command(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(bin());
    cmd.current_dir(dir)
        .env("ENGAGE_ACTOR", "tester")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("ENGAGE_DB")
        .env_remove("ENGAGE_LANG")
        .env_remove("LC_ALL");
    cmd
}

/// Integrity and foreign-key checks of a SQLite file.
pub fn assert_store_clean(db: &Path) {
    let conn = Connection::open(db).expect("opening the store");
    let integrity: Vec<String> =
        conn.prepare("PRAGMA integrity_check").unwrap().query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(integrity, vec!["ok".to_string()], "integrity_check of {}", db.display());
    let mut fk = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let problems: Vec<String> =
        fk.query_map([], |r| Ok(format!("{:?} {:?}", r.get_ref(0)?, r.get_ref(2)?))).unwrap().collect::<Result<_, _>>().unwrap();
    assert!(problems.is_empty(), "foreign_key_check of {}: {problems:?}", db.display());
}

/// The lines of stderr that name a plan file's problems: `FILE:LINE:COL: message`, parsed.
pub fn problems(stderr: &str, file: &str) -> Vec<(u32, u32, String)> {
    let prefix = format!("{file}:");
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .filter_map(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line = parts.next()?.parse().ok()?;
            let col = parts.next()?.parse().ok()?;
            let message = parts.next()?.strip_prefix(' ')?.to_string();
            Some((line, col, message))
        })
        .collect()
}

/// A plan of a campaign and `count` independent milestones `PREFIX-00000`…, all due on `due`.
pub fn milestones_plan(prefix: &str, count: usize, due: &str) -> String {
    let mut text = String::from("[campaign]\nname = \"Bulk campaign\"\nstart = 2030-01-01\nend = 2030-12-31\n");
    for i in 0..count {
        text.push_str(&format!("\n[[milestone]]\nkey = \"{prefix}-{i:05}\"\ntitle = \"Milestone {i}\"\ndue = {due}\n"));
    }
    text
}

impl Env {
    /// `sh -c SCRIPT` in the temporary directory, with the fixed environment of every run plus
    /// `$ENGAGE` (the binary) and `$ENGAGE_DB` (the store), for loops of `"$ENGAGE" ARGS`.
    pub fn shell(&self, script: &str) -> std::process::Command {
        let cmd = command(self.dir.path());
        let mut sh = std::process::Command::new("sh");
        sh.arg("-c").arg(script).current_dir(self.dir.path());
        for (name, value) in cmd.get_envs() {
            match value {
                Some(v) => sh.env(name, v),
                None => sh.env_remove(name),
            };
        }
        sh.env("ENGAGE", bin()).env("ENGAGE_DB", self.db());
        sh
    }

    /// `engage --db DB`, for another store than this one, run like [`Env::engage`].
    pub fn engage_db(&self, db: &Path) -> assert_cmd::Command {
        let mut cmd = command(self.dir.path());
        cmd.arg("--db").arg(db);
        assert_cmd::Command::from_std(cmd)
    }

    /// Runs `engage ARGS` without judging it; returns the whole output.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.std_engage().args(args).output().expect("running engage")
    }
}

/// A test that cannot run here fails, unless `ENGAGE_TEST_ALLOW_SKIP` is set: then it prints one
/// line saying so. Returns whether the test should stop.
pub fn cannot_run(why: &str) -> bool {
    if std::env::var_os("ENGAGE_TEST_ALLOW_SKIP").is_some_and(|v| !v.is_empty()) {
        eprintln!("skipped: {why}");
        return true;
    }
    panic!("this test cannot run here: {why} (set ENGAGE_TEST_ALLOW_SKIP=1 to skip it)");
}

/// Whether this process runs as root, whom file permissions do not stop.
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// `engage` without `--db`, run in `dir` like [`command`] but as a user whom file permissions
/// stop: this user, or when running as root the user `nobody` (65534) through `setpriv`.
/// `None` when that is not possible here. `dir` and what the command reads must be open to that
/// user.
pub fn unprivileged_command(dir: &Path) -> Option<std::process::Command> {
    let cmd = command(dir);
    if !is_root() {
        return Some(cmd);
    }
    let setpriv = std::process::Command::new("setpriv").arg("--version").output();
    if !setpriv.is_ok_and(|o| o.status.success()) {
        return None;
    }
    let mut as_nobody = std::process::Command::new("setpriv");
    as_nobody.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(bin()).current_dir(dir);
    for (name, value) in cmd.get_envs() {
        match value {
            Some(v) => as_nobody.env(name, v),
            None => as_nobody.env_remove(name),
        };
    }
    Some(as_nobody)
}

/// Sets the mode of `path`.
pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

// Helpers of the editing tests (`tests/edit_*.rs`).

/// Every row of every table of the store, as text, table by table and sorted: two dumps are equal
/// when the store holds the same data.
pub type Dump = std::collections::BTreeMap<String, Vec<String>>;

impl Env {
    /// A store holding the worked example.
    pub fn worked() -> Env {
        let env = Env::new();
        env.apply("worked.toml", WORKED);
        env
    }

    /// Every row of every table of the store (the journal included).
    pub fn dump(&self) -> Dump {
        let conn = self.conn();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut dump = Dump::new();
        for table in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let width = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let cells: Vec<String> = (0..width).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                    Ok(cells.join("|"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            dump.insert(table, rows);
        }
        dump
    }

    /// Runs `engage ARGS`, which must be refused as bad input: exit 2, nothing on stdout, one line
    /// on stderr, and the store (journal included) unchanged. Returns that line.
    pub fn refused(&self, args: &[&str]) -> String {
        let before = self.dump();
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "engage {args:?} should exit 2; stderr: {stderr}");
        assert!(out.stdout.is_empty(), "engage {args:?} printed on stdout: {}", String::from_utf8_lossy(&out.stdout));
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "engage {args:?} should say one line: {stderr:?}");
        assert!(lines[0].starts_with("engage: "), "engage {args:?}: {stderr:?}");
        assert_eq!(self.dump(), before, "engage {args:?} was refused but changed the store");
        lines[0].to_string()
    }

    /// Runs `engage ARGS`, which must succeed, say "nothing changed" and leave the store (journal
    /// included) as it was.
    pub fn unchanged(&self, args: &[&str]) {
        let before = self.dump();
        let out = self.engage().args(args).assert().success().get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("nothing changed"), "engage {args:?} should say nothing changed: {stderr:?}");
        assert_eq!(self.dump(), before, "engage {args:?} changed nothing but the store differs");
    }

    /// Runs `engage ARGS`, which must succeed and journal exactly `rows` new entries; returns
    /// them, oldest first, as `history --format json` gives them.
    pub fn write_journaled(&self, args: &[&str], rows: usize) -> Vec<serde_json::Value> {
        let before = self.journal_count();
        self.engage().args(args).assert().success();
        let added = self.journal_count() - before;
        assert_eq!(added, rows as i64, "engage {args:?} should journal {rows} entries");
        let mut entries = self.new_entries(before);
        for entry in &entries {
            let command = entry["command"].as_str().unwrap_or_default();
            let verb = args[..args.len().min(2)].join(" ");
            assert!(command.contains(&verb), "journal entry of engage {args:?} names {command:?}");
            assert_eq!(entry["actor"], "tester");
        }
        entries.sort_by_key(|e| e["id"].as_i64());
        entries
    }

    /// The one entry `engage ARGS` journals (it must succeed and journal exactly one).
    pub fn write_one(&self, args: &[&str]) -> serde_json::Value {
        self.write_journaled(args, 1).remove(0)
    }

    /// The journal entries after the first `count`, oldest first.
    pub fn new_entries(&self, count: i64) -> Vec<serde_json::Value> {
        let now = self.journal_count();
        if now == count {
            return Vec::new();
        }
        let limit = (now - count).to_string();
        let history = self.json(&["history", "--limit", &limit, "--format", "json"]);
        let mut entries = history.as_array().expect("history is an array").clone();
        entries.reverse();
        entries
    }

    /// `engage ARGS` (which must succeed) as CSV: one map from header to cell per row.
    pub fn csv(&self, args: &[&str]) -> Vec<std::collections::BTreeMap<String, String>> {
        let text = self.stdout(args);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().expect("a CSV header").clone();
        reader
            .records()
            .map(|r| {
                let r = r.expect("a CSV record");
                headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
            })
            .collect()
    }

    /// The object of key `key` in the JSON array `engage ARGS` prints.
    pub fn json_item(&self, args: &[&str], key: &str) -> serde_json::Value {
        let list = self.json(args);
        find_key(&list, key).unwrap_or_else(|| panic!("engage {args:?} lists no {key:?}: {list:#}")).clone()
    }

    /// The keys of the JSON array `engage ARGS` prints, in order.
    pub fn json_keys(&self, args: &[&str]) -> Vec<String> {
        let list = self.json(args);
        list.as_array().expect("an array").iter().map(|o| o["key"].as_str().expect("a key").to_string()).collect()
    }

    /// The exported plan, parsed.
    pub fn export_toml(&self) -> toml::Table {
        self.export().parse().expect("plan export is TOML")
    }
}

/// The object whose `key` is `key` in a JSON array.
pub fn find_key<'a>(list: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    list.as_array().expect("an array").iter().find(|o| o["key"] == key)
}

/// The entries of family `family` (`organization`, `table`…) of an exported plan.
pub fn exported<'a>(plan: &'a toml::Table, family: &str) -> &'a [toml::Value] {
    plan.get(family).and_then(|v| v.as_array()).map(Vec::as_slice).unwrap_or(&[])
}

/// The entry of family `family` whose key is `key` in an exported plan.
pub fn exported_item<'a>(plan: &'a toml::Table, family: &str, key: &str) -> Option<&'a toml::Table> {
    exported(plan, family).iter().filter_map(|v| v.as_table()).find(|t| t.get("key").and_then(|k| k.as_str()) == Some(key))
}

/// The strings of an exported list field (`members`, `depends_on`, `attended`), or `None` when
/// the field is absent.
pub fn exported_list(item: &toml::Table, field: &str) -> Option<Vec<String>> {
    item.get(field).map(|v| v.as_array().expect("a list").iter().map(|s| s.as_str().expect("a string").to_string()).collect())
}

/// The sections of `show`'s output: blocks separated by blank lines. The first is the item's
/// fields (title ""); each other block's first line is its title.
pub fn sections(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (i, block) in text.split("\n\n").enumerate() {
        let lines: Vec<String> = block.lines().map(str::to_string).filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        if i == 0 {
            out.push((String::new(), lines));
        } else {
            out.push((lines[0].trim().to_string(), lines[1..].to_vec()));
        }
    }
    out
}

/// The fields `show` prints first: `name: value`, by name.
pub fn show_fields(text: &str) -> std::collections::BTreeMap<String, String> {
    let all = sections(text);
    let (_, lines) = all.first().expect("show prints fields");
    lines.iter().filter_map(|l| l.split_once(": ").map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))).collect()
}

/// The first cells (keys) of the rows of the table under the section titled `title` of `show`'s
/// output; empty for "(none)". Panics when there is no such section.
pub fn section_keys(text: &str, title: &str) -> Vec<String> {
    let rows = section_rows(text, title);
    rows.iter().map(|r| r.split_whitespace().next().unwrap_or_default().to_string()).collect()
}

/// The rows (header and rule left out) of the section titled `title`; empty for "(none)".
pub fn section_rows(text: &str, title: &str) -> Vec<String> {
    let all = sections(text);
    let titles: Vec<&str> = all.iter().map(|(t, _)| t.as_str()).collect();
    let (_, lines) = all.iter().find(|(t, _)| t == title).unwrap_or_else(|| panic!("no section {title:?} among {titles:?}:\n{text}"));
    if lines.len() == 1 && lines[0].trim() == "(none)" {
        return Vec::new();
    }
    assert!(lines.len() >= 2 && lines[1].starts_with('─'), "section {title:?} is not a table:\n{text}");
    lines[2..].to_vec()
}

/// Runs every tracking verb on the item `key` of `family` (`agenda`, `channel`, `material`,
/// `milestone`; journaled as `kind`): `done`, `start`, `block`, `defer`, `cancel`, `reopen`, each
/// checked in `FAMILY list --format json` as of `as_of` and in its journal entry; doing again what
/// is done already changes nothing. `done_on` must be on or before `as_of`.
pub fn check_tracking_verbs(env: &Env, family: &str, kind: &str, key: &str, done_on: &str, as_of: &str) {
    let listed = || env.json_item(&[family, "list", "--format", "json", "--as-of", as_of], key);
    let step = |args: &[&str], status: &str| -> serde_json::Value {
        let mut full = vec![family];
        full.extend_from_slice(args);
        let entry = env.write_one(&full);
        assert_eq!((entry["kind"].as_str(), entry["key"].as_str(), entry["action"].as_str()), (Some(kind), Some(key), Some("update")));
        assert_eq!(entry["after"]["status"], status, "{full:?}: {entry:#}");
        assert_ne!(entry["before"]["status"], entry["after"]["status"], "{full:?}");
        let item = listed();
        assert_eq!(item["status"], status, "{full:?}: {item:#}");
        item
    };

    let item = step(&["done", key, "--on", done_on, "--note", "Done as planned"], "done");
    assert_eq!(item["done_on"], done_on);
    assert_eq!(item["note"], "Done as planned");
    assert!(item["state"].as_str().unwrap().starts_with("done_"), "{item:#}");
    // As of the day before, it was not done yet.
    let day_before = (chrono::NaiveDate::parse_from_str(done_on, "%Y-%m-%d").unwrap() - chrono::Days::new(1)).to_string();
    let then = env.json_item(&[family, "list", "--format", "json", "--as-of", &day_before], key);
    assert_eq!((&then["status"], &then["done_on"]), (&serde_json::json!("planned"), &serde_json::Value::Null), "as of {day_before}");
    env.unchanged(&[family, "done", key, "--on", done_on]);

    let item = step(&["start", key], "in_progress");
    assert_eq!(item["done_on"], serde_json::Value::Null, "start takes the done date away");
    assert!(!item["state"].as_str().unwrap().starts_with("done_"), "{item:#}");

    let item = step(&["block", key, "--note", "Waiting for sign-off"], "blocked");
    assert_eq!(item["note"], "Waiting for sign-off");

    let item = step(&["defer", key], "deferred");
    assert_eq!(item["state"], "deferred");

    let item = step(&["cancel", key], "cancelled");
    assert_eq!(item["state"], "cancelled");

    let item = step(&["reopen", key], "planned");
    assert_eq!(item["done_on"], serde_json::Value::Null);
    env.unchanged(&[family, "reopen", key]);

    // Done again, then reopened: the done date goes.
    step(&["done", key, "--on", done_on], "done");
    let entry = env.write_one(&[family, "reopen", key]);
    assert_eq!((&entry["before"]["done_on"], &entry["after"]["done_on"]), (&serde_json::json!(done_on), &serde_json::Value::Null));

    // Refused: a bad date.
    let bad = env.refused(&[family, "done", key, "--on", "2030-02-30"]);
    assert!(bad.contains("2030-02-30"), "{bad}");
    env.assert_clean();
}

// Helpers of the people, distribution and reach tests.

/// A campaign whose reach is worked out by hand, event by event (see its header).
pub const REACH: &str = include_str!("../fixtures/reach.toml");

impl Env {
    /// A store holding the reach example.
    pub fn reach() -> Env {
        let env = Env::new();
        env.apply("reach.toml", REACH);
        env
    }
}

/// A journal entry's kind, key and action.
pub fn kka(entry: &serde_json::Value) -> (String, String, String) {
    let s = |f: &str| entry[f].as_str().unwrap_or_else(|| panic!("journal entry without {f}: {entry:#}")).to_string();
    (s("kind"), s("key"), s("action"))
}
