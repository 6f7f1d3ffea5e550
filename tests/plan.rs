//! `engage plan apply` and `engage plan export`, end to end: creating the store, idempotence,
//! round trips, dry runs, pruning, progress that never moves backwards, and store versions.

mod common;

use common::{AS_OF, Env, WORKED, seed_path};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use rusqlite::Connection;

/// The worked example without its `site` channel (8 lines, from `[[channel]]` to its due date).
fn worked_without_site() -> String {
    let start = WORKED.find("[[channel]]\nkey = \"site\"").expect("the site channel");
    let end = start + WORKED[start..].find("\n\n").expect("the end of the site channel") + 2;
    let text = format!("{}{}", &WORKED[..start], &WORKED[end..]);
    assert!(!text.contains("\"site\""));
    text
}

fn status_json(env: &Env) -> serde_json::Value {
    env.json(&["status", "--as-of", AS_OF, "--format", "json"])
}

#[test]
fn apply_creates_the_store() {
    let env = Env::new();
    assert!(!env.db().exists());
    let plan = env.write("worked.toml", WORKED);
    env.engage().args(["plan", "apply"]).arg(&plan).assert().success().code(0);
    assert!(env.db().exists(), "the store was not created");
    // One journal row per item of the file: the campaign and 16 items.
    assert_eq!(env.journal_count(), 17);
    let export = env.export();
    for key in ["\"fed\"", "\"council-mar\"", "\"workshop\"", "\"letter\"", "\"deck\"", "\"d\""] {
        assert!(export.contains(&format!("key = {key}")), "{key} missing from the export:\n{export}");
    }
    env.assert_clean();
}

#[test]
fn reapplying_changes_nothing_and_says_so() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    let journal = env.journal_count();
    let export = env.export();
    env.engage().args(["plan", "apply", "worked.toml"]).assert().success().stderr(contains("nothing to change"));
    assert_eq!(env.journal_count(), journal, "a second apply wrote to the journal");
    assert_eq!(env.export(), export);
    env.assert_clean();
}

#[test]
fn export_applies_to_the_same_state() {
    let first = Env::new();
    first.apply("worked.toml", WORKED);
    let exported = first.export();

    let second = Env::new();
    second.apply("exported.toml", &exported);
    assert_eq!(second.export(), exported, "export → apply → export is not a fixed point");
    assert_eq!(status_json(&first), status_json(&second));
    // The exported file changes nothing in the store it came from.
    let journal = first.journal_count();
    first.write("exported.toml", &exported);
    first.engage().args(["plan", "apply", "exported.toml"]).assert().success().stderr(contains("nothing to change"));
    assert_eq!(first.journal_count(), journal);
}

#[test]
fn the_seed_applies_idempotently_and_round_trips() {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    let journal = env.journal_count();
    assert!(journal > 50, "the seed made only {journal} journal rows");
    let export = env.export();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success().stderr(contains("nothing to change"));
    assert_eq!(env.journal_count(), journal);
    assert_eq!(env.export(), export);
    env.assert_clean();

    let copy = Env::new();
    copy.apply("seed-export.toml", &export);
    assert_eq!(copy.export(), export);
}

#[test]
fn dry_run_lists_changes_and_changes_nothing() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    let journal = env.journal_count();
    let export = env.export();
    let changed = WORKED.replace("title = \"Review\"", "title = \"Peer review\"")
        + "\n[[milestone]]\nkey = \"e\"\ntitle = \"Evaluation\"\ndue = 2030-05-30\ndepends_on = [\"d\"]\n";
    env.write("changed.toml", &changed);
    let out = env.engage().args(["plan", "apply", "changed.toml", "--dry-run"]).assert().success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with("create milestone e")), "no creation of e listed:\n{stdout}");
    assert!(lines.iter().any(|l| l.starts_with("update milestone b") && l.contains("Peer review")), "no update of b listed:\n{stdout}");
    assert_eq!(lines.len(), 2, "only two changes expected:\n{stdout}");
    assert_eq!(env.journal_count(), journal, "a dry run wrote to the journal");
    assert_eq!(env.export(), export, "a dry run changed the store");

    // For real, the same two changes happen.
    env.engage().args(["plan", "apply", "changed.toml"]).assert().success();
    assert_eq!(env.journal_count(), journal + 2);
    assert!(env.export().contains("title = \"Peer review\""));
}

#[test]
fn dry_run_on_a_new_path_creates_no_store() {
    let env = Env::new();
    env.write("worked.toml", WORKED);
    let out = env.engage().args(["plan", "apply", "worked.toml", "--dry-run"]).assert().success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().any(|l| l.starts_with("create milestone d")), "{stdout}");
    assert!(!env.db().exists(), "a dry run created the store");
}

#[test]
fn prune_removes_what_the_file_leaves_out() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env.write("fewer.toml", &worked_without_site());

    // Without --prune, the channel stays.
    env.engage().args(["plan", "apply", "fewer.toml"]).assert().success();
    assert!(env.export().contains("key = \"site\""), "site went away without --prune");

    // A dry run of --prune names the deletion and keeps the channel.
    let out = env.engage().args(["plan", "apply", "fewer.toml", "--prune", "--dry-run"]).assert().success().get_output().clone();
    assert!(String::from_utf8_lossy(&out.stdout).lines().any(|l| l.starts_with("delete channel site")));
    assert!(env.export().contains("key = \"site\""));

    let journal = env.journal_count();
    env.engage().args(["plan", "apply", "fewer.toml", "--prune"]).assert().success();
    assert!(!env.export().contains("key = \"site\""), "site survived --prune");
    assert_eq!(env.journal_count(), journal + 1, "one deletion, one journal row");
    let status = status_json(&env);
    assert_eq!(status["counts"]["channel"]["overdue"], 0);
    env.assert_clean();
}

#[test]
fn recorded_progress_never_moves_backwards() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    let done = WORKED.replace(
        "duration_days = 10\ndepends_on = [\"a\"]\n",
        "duration_days = 10\ndepends_on = [\"a\"]\nstatus = \"done\"\ndone_on = 2030-04-09\n",
    );
    assert_ne!(done, WORKED);
    env.apply("done.toml", &done);
    assert_eq!(status_json(&env)["counts"]["milestone"]["done_late"], 1);

    // The original file still says b is planned: b stays done.
    env.engage().args(["plan", "apply", "worked.toml"]).assert().success();
    let status = status_json(&env);
    assert_eq!(status["counts"]["milestone"]["done_late"], 1, "b went back to planned");
    assert_eq!(status["counts"]["milestone"]["overdue"], 1);
    let export = env.export();
    let b = &export[export.find("key = \"b\"").unwrap()..];
    let b = &b[..b.find("\n\n").unwrap_or(b.len())];
    assert!(b.contains("status = \"done\"") && b.contains("done_on = 2030-04-09"), "{b}");

    // A file that says in_progress does not undo it either.
    let started = WORKED
        .replace("duration_days = 10\ndepends_on = [\"a\"]\n", "duration_days = 10\ndepends_on = [\"a\"]\nstatus = \"in_progress\"\n");
    env.apply("started.toml", &started);
    assert_eq!(status_json(&env)["counts"]["milestone"]["done_late"], 1);
}

#[test]
fn a_store_from_a_newer_engage_is_refused() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env.conn().pragma_update(None, "user_version", 99).unwrap();
    let before = std::fs::read(env.db()).unwrap();
    env.engage().args(["status", "--as-of", AS_OF]).assert().code(1).stderr(contains("newer engage")).stdout(predicates::str::is_empty());
    env.engage().args(["plan", "apply", "worked.toml"]).assert().code(1).stderr(contains("newer engage"));
    assert_eq!(std::fs::read(env.db()).unwrap(), before, "the newer store was changed");
    let version: i64 = env.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 99);
}

#[test]
fn an_older_store_is_upgraded_and_kept_aside() {
    let env = Env::new();
    {
        let conn = Connection::open(env.db()).unwrap();
        conn.execute_batch(include_str!("fixtures/schema-v1.sql")).unwrap();
        conn.execute("INSERT INTO campaign (id, name, start, \"end\") VALUES (1, 'Old campaign', '2030-03-01', '2030-05-31')", []).unwrap();
        conn.execute("INSERT INTO milestone (key, title, due) VALUES ('m1', 'First', '2030-04-01')", []).unwrap();
        conn.execute_batch("PRAGMA user_version = 1; PRAGMA application_id = 1164863303;").unwrap();
    }
    // A command that only reads sees the store upgraded, and leaves the file as it was.
    let before = std::fs::read(env.db()).unwrap();
    let out = env.engage().args(["status", "--as-of", AS_OF, "--format", "json"]).assert().success().get_output().clone();
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["campaign"]["name"], "Old campaign");
    assert_eq!(status["counts"]["milestone"]["overdue"], 1);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("upgraded"), "a read upgraded the store");
    assert!(std::fs::read(env.db()).unwrap() == before, "a read changed the older store");
    assert!(!env.path("engage.db.v1.bak").exists());

    // The first command that writes upgrades it, after keeping a copy.
    let out = env.engage().args(["milestone", "start", "m1"]).assert().success().get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("upgraded"), "no word of the upgrade on stderr");

    let version: i64 = env.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, engage::store::CURRENT_VERSION);
    assert!(version > 1);
    let kept = env.path("engage.db.v1.bak");
    assert!(kept.exists(), "no copy of the old store");
    let old: i64 = Connection::open(&kept).unwrap().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(old, 1);
    env.assert_clean();

    // Once upgraded, the store is used as is and takes a plan.
    env.engage().args(["status", "--as-of", AS_OF]).assert().success().stderr(contains("upgraded").not());
    env.write("more.toml", "[[milestone]]\nkey = \"m2\"\ntitle = \"Second\"\ndue = 2030-04-20\ndepends_on = [\"m1\"]\n");
    env.engage().args(["plan", "apply", "more.toml"]).assert().success();
    assert!(env.export().contains("name = \"Old campaign\""));
    env.assert_clean();
}

#[test]
fn applied_stores_pass_integrity_and_foreign_key_checks() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    env.assert_clean();
    // A prune that deletes items with references (tables, meetings) leaves no dangling row.
    env.engage().args(["plan", "apply", "worked.toml", "--prune"]).assert().success();
    env.assert_clean();
    assert!(!env.export().contains("clerks"));
}

/// A new store is made without its secondary indexes, which its first write creates once the
/// rows are in: every index of schema.sql is there after it, whichever command made the store.
#[test]
fn a_new_store_has_every_index_of_the_schema_after_its_first_write() {
    let schema = include_str!("../schema.sql");
    let mut expected: Vec<String> = schema
        .lines()
        .filter_map(|l| l.strip_prefix("CREATE INDEX ").or_else(|| l.strip_prefix("CREATE UNIQUE INDEX ")))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    expected.sort();
    assert!(expected.len() > 15, "{expected:?}");
    let indexes = |env: &Env| -> Vec<String> {
        let conn = env.conn();
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    let applied = Env::new();
    applied.apply("worked.toml", WORKED);
    assert_eq!(indexes(&applied), expected);
    applied.assert_clean();
    let init = Env::new();
    init.engage().args(["init", "--name", "A campaign", "--end", "2030-12-31"]).assert().success();
    assert_eq!(indexes(&init), expected);
    // A first write that fails leaves no store behind.
    let failed = Env::new();
    failed.engage().args(["plan", "apply"]).arg(failed.write("bad.toml", "[campaign]\nname = \"x\"\n")).assert().code(2);
    assert!(!failed.db().exists());
}

/// A campaign of `n` organizations and `n` milestones, each milestone after the one before it
/// and after the one of half its number; `renamed` organizations and `later` milestones changed,
/// `left_out` organizations not in the file.
fn large_plan(n: usize, renamed: &[usize], later: &[usize], left_out: &[usize]) -> String {
    use std::fmt::Write;
    let mut text = String::from("[campaign]\nname = \"Large\"\nstart = 2027-01-01\nend = 2030-12-31\n");
    for i in (0..n).filter(|i| !left_out.contains(i)) {
        let name = if renamed.contains(&i) { format!("Org {i} renamed") } else { format!("Org {i}") };
        write!(text, "[[organization]]\nkey = \"o{i:05}\"\nname = \"{name}\"\norder = \"federal\"\n").unwrap();
    }
    for i in 0..n {
        let due = if later.contains(&i) { "2028-06-30" } else { "2028-01-31" };
        let deps = match i {
            0 => String::new(),
            1 | 2 => format!("\"ms{:05}\"", i - 1),
            _ => format!("\"ms{:05}\", \"ms{:05}\"", i - 1, i / 2),
        };
        write!(text, "[[milestone]]\nkey = \"ms{i:05}\"\ntitle = \"M {i}\"\ndue = {due}\ndepends_on = [{deps}]\n").unwrap();
    }
    text
}

/// A re-apply reads the stored campaign in parts (a few thousand items of a kind at a time)
/// and compares the file with each part: with more items of each kind than a part holds, the
/// same file changes nothing, and a file changed in places changes those places only.
#[test]
fn a_large_campaign_re_applied_changes_only_what_the_file_changes() {
    let env = Env::new();
    let n = 5000;
    env.apply("large.toml", &large_plan(n, &[], &[], &[]));
    assert_eq!(env.journal_count(), 2 * n as i64 + 1);
    let again = env.apply("large.toml", &large_plan(n, &[], &[], &[]));
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing to change (10001 items unchanged)"), "{again:?}");
    let changed = env.write("changed.toml", &large_plan(n, &[0, 2048, 4999], &[4097], &[1]));
    env.engage()
        .args(["plan", "apply", "--prune"])
        .arg(&changed)
        .assert()
        .success()
        .stderr(contains("0 created, 4 updated, 1 deleted, 9996 unchanged"));
    assert_eq!(env.journal_count(), 2 * n as i64 + 1 + 5);
    let export = env.export();
    for renamed in ["Org 0 renamed", "Org 2048 renamed", "Org 4999 renamed"] {
        assert!(export.contains(renamed), "{renamed} missing");
    }
    assert!(!export.contains("\"o00001\"") && export.contains("\"o00002\""));
    assert!(
        export.contains("key = \"ms04097\"\ntitle = \"M 4097\"\ndue = 2028-06-30"),
        "{}",
        &export[export.find("ms04097").unwrap()..][..200]
    );
    env.assert_clean();
}
