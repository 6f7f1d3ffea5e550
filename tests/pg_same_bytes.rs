//! The same campaign on a SQLite file and in PostgreSQL gives the same bytes: one scenario —
//! the worked example applied, then logged, edited, refused, and read back through every report
//! in every format — is run on two stores side by side, and every exit code, stdout, stderr and
//! written file of one is compared with the other's. Only what cannot be the same is masked:
//! the journal's times (`at`, and the minutes shown in tables), the calendar's `DTSTAMP` (the
//! time of the export), the journal's `role` (null on SQLite) and the store's own name.
//!
//! Every command runs with the store in `$ENGAGE_DB` (not `--db`), so that the journal's
//! `command` is the same on both. The scenario is also run on two SQLite files, which keeps it
//! honest: it must run, and its masked outputs must be the same from one run to another.

mod common;
#[path = "common/pg.rs"]
mod pg;

use std::process::Output;

use common::{AS_OF, Env, WORKED};

/// A plan file with errors on several lines: refused whole, every error listed.
const BAD_PLAN: &str = r#"[[milestone]]
key = "x"
title = "X"
due = 2030-02-30

[[milestone]]
key = "y"
title = "Y"
due = 2030-04-01
depends_on = ["nowhere"]
colour = "red"
"#;

/// One of the two stores: a directory of its own (for plan files and written files) and the store
/// that `$ENGAGE_DB` names there.
struct Side {
    env: Env,
    db: String,
    /// What names the store in a message, longest first: masked as `<store>`.
    names: Vec<String>,
    label: &'static str,
}

impl Side {
    /// A SQLite file, `engage.db`, in a directory of its own.
    fn sqlite(label: &'static str) -> Side {
        Side::new(label, "engage.db".to_string(), vec!["engage.db".to_string()])
    }

    /// A PostgreSQL database.
    fn postgres(db: &pg::PgDb) -> Side {
        let url = db.url().to_string();
        let bare = url.split_once("://").map(|(_, rest)| rest.to_string()).unwrap_or_default();
        Side::new("postgresql", url.clone(), vec![url, bare, db.name.clone()])
    }

    fn new(label: &'static str, db: String, names: Vec<String>) -> Side {
        let env = Env::new();
        env.write("worked.toml", WORKED);
        env.write("bad.toml", BAD_PLAN);
        Side { env, db, names, label }
    }

    /// `ENGAGE_DB=STORE engage ARGS`, in this side's directory.
    fn run(&self, args: &[&str]) -> Output {
        common::command(self.env.dir.path()).env("ENGAGE_DB", &self.db).args(args).output().expect("running engage")
    }

    /// `text` with the store's names and the times of day masked.
    fn mask(&self, text: &str) -> String {
        let mut text = text.to_string();
        for name in &self.names {
            text = text.replace(name.as_str(), "<store>");
        }
        mask_times(&text)
    }

    /// A file this side's commands wrote, masked like an output.
    fn file(&self, name: &str) -> String {
        let bytes = std::fs::read(self.env.path(name)).unwrap_or_else(|e| panic!("{}: reading {name}: {e}", self.label));
        self.mask(&String::from_utf8(bytes).expect("a UTF-8 file"))
    }
}

/// Replaces the digits of every time of day in `text` by `#`: `YYYY-MM-DD HH:MM` (the journal in
/// tables) and `YYYYMMDDTHHMMSSZ` (iCalendar's `DTSTAMP`). Dates alone are left as they are. (The
/// journal's JSON is compared with its `at` masked as a field.)
fn mask_times(text: &str) -> String {
    const PATTERNS: [&str; 2] = ["dddd-dd-dd dd:dd", "ddddddddTddddddZ"];
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        let hit = PATTERNS.iter().find(|p| {
            let p = p.as_bytes();
            bytes.len() >= i + p.len()
                && p.iter().zip(&bytes[i..]).all(|(want, got)| if *want == b'd' { got.is_ascii_digit() } else { want == got })
        });
        match hit {
            Some(p) => {
                for (j, want) in p.bytes().enumerate() {
                    if want == b'd' {
                        out[i + j] = b'#';
                    }
                }
                i += p.len();
            }
            None => i += 1,
        }
    }
    String::from_utf8(out).expect("masking keeps UTF-8")
}

/// What one step of the scenario compares.
enum Step {
    /// Run `engage ARGS` on both; it must exit `code` on both, with the same stdout and stderr.
    Run(Vec<String>, i32),
    /// The file `NAME` that a step wrote must be the same on both.
    File(&'static str),
    /// `engage ARGS` prints the journal as JSON: the same on both, `at` and `role` masked.
    Journal(Vec<String>),
}

fn run(args: &[&str], code: i32) -> Step {
    Step::Run(args.iter().map(|s| s.to_string()).collect(), code)
}

fn ok(args: &[&str]) -> Step {
    run(args, 0)
}

/// Logging, adding, editing and refused commands, in order (every date given, so that nothing
/// depends on today).
fn writes() -> Vec<Step> {
    vec![
        ok(&["plan", "apply", "worked.toml"]),
        ok(&["plan", "apply", "worked.toml"]),
        ok(&["plan", "apply", "--dry-run", "worked.toml"]),
        // Logging.
        ok(&["agenda", "done", "mayors-apr/workshop", "--on", "2030-04-09", "--note", "Held early"]),
        ok(&["milestone", "start", "b"]),
        ok(&["milestone", "done", "c", "--on", "2030-04-08"]),
        ok(&["milestone", "block", "d", "--note", "Waiting for sign-off"]),
        ok(&["channel", "done", "site", "--on", "2030-03-30", "--url", "https://fed.example/guide"]),
        ok(&["channel", "start", "letter"]),
        ok(&["material", "set", "deck", "--language", "en"]),
        ok(&[
            "material",
            "add",
            "deck-fr",
            "--title",
            "Présentation",
            "--kind",
            "presentation",
            "--language",
            "fr",
            "--counterpart",
            "deck",
            "--owner",
            "Secretariat",
            "--due",
            "2030-04-12",
        ]),
        ok(&["material", "done", "deck", "--on", "2030-04-09"]),
        // Adding.
        ok(&["org", "add", "region", "--name", "A regional district", "--order", "municipal", "--jurisdiction", "Somewhere"]),
        ok(&["table", "member", "add", "mayors", "region"]),
        ok(&["table", "member", "add", "mayors", "region"]),
        ok(&["meeting", "attend", "council-mar", "fed", "prov"]),
        ok(&["meeting", "add", "council-may", "--table", "council", "--date", "2030-05-12", "--location", "Ottawa"]),
        ok(&["agenda", "add", "council-may/results", "--topic", "Results", "--owner", "Co-chairs"]),
        ok(&[
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
        ]),
        ok(&["action", "add", "act-2", "--title", "Call the city", "--due", "2030-04-05"]),
        ok(&["action", "done", "act-2", "--on", "2030-04-06"]),
        ok(&[
            "result",
            "add",
            "awareness",
            "--title",
            "Organizations briefed",
            "--order",
            "municipal",
            "--target",
            "10",
            "--unit",
            "organizations",
            "--due",
            "2030-05-31",
        ]),
        ok(&["result", "record", "awareness", "2", "--on", "2030-03-20", "--note", "First count"]),
        ok(&["result", "record", "awareness", "4", "--on", "2030-04-09"]),
        ok(&[
            "person",
            "add",
            "jane",
            "--name",
            "Jane Roe",
            "--organization",
            "prov",
            "--role",
            "Director",
            "--email",
            "jane.roe@example.ca",
            "--language",
            "fr",
            "--source",
            "Co-chairs",
        ]),
        // The French deck is not done: refused without --allow-gap.
        run(&["send", "deck", "--to", "council", "--on", "2030-04-09"], 2),
        ok(&["send", "deck", "--to", "council", "--on", "2030-04-09", "--allow-gap"]),
        // Jane reads French: she gets the French deck, once it is done.
        run(&["send", "deck", "--to", "jane", "--on", "2030-04-10"], 2),
        ok(&["material", "done", "deck-fr", "--on", "2030-04-12"]),
        ok(&["send", "deck", "--to", "jane", "--on", "2030-04-12"]),
        ok(&["distribution", "add", "deck/region", "--due", "2030-04-20", "--via", "prov", "--note", "At the forum"]),
        ok(&["distribution", "acknowledge", "deck/fed", "--on", "2030-04-10"]),
        ok(&["glossary", "set", "Secretariat", "Secrétariat"]),
        // Editing.
        ok(&["milestone", "set", "d", "--due", "2030-05-28", "--owner", "Co-chairs"]),
        ok(&["milestone", "add", "e", "--title", "Wrap-up", "--due", "2030-05-30", "--depends-on", "d", "--duration", "2"]),
        ok(&["milestone", "rename", "e", "wrap-up"]),
        ok(&["milestone", "remove", "wrap-up"]),
        ok(&["org", "rename", "city", "metro"]),
        ok(&["channel", "rename", "site", "dept-site"]),
        ok(&["channel", "set", "letter", "--owner", "Secretariat", "--note", "Moved"]),
        ok(&["agenda", "rename", "council-may/results", "council-may/outcomes"]),
        ok(&["table", "set", "mayors", "--chair", "A mayor"]),
        ok(&["action", "start", "act-1"]),
        // Refused: exit code and the one line on stderr are the same too.
        run(&["milestone", "done", "zzz", "--on", "2030-04-01"], 2),
        run(&["milestone", "done", "b", "--on", "2030-02-30"], 2),
        run(&["org", "remove", "fed"], 2),
        run(&["milestone", "remove", "a"], 2),
        run(&["milestone", "set", "a", "--depends-on", "d"], 2),
        run(&["org", "add", "fed", "--name", "Again", "--order", "federal"], 2),
        run(&["plan", "apply", "bad.toml"], 2),
        run(&["statu"], 2),
    ]
}

/// Every report, list and show in every format, as of `as_of`.
fn reads(as_of: &str) -> Vec<Step> {
    let d = as_of;
    let mut steps = vec![
        ok(&["status", "--as-of", d]),
        ok(&["status", "--as-of", d, "--format", "json"]),
        ok(&["--lang", "fr", "status", "--as-of", d]),
        ok(&["upcoming", "--as-of", d]),
        ok(&["upcoming", "--as-of", d, "--within", "30", "--format", "csv"]),
        ok(&["upcoming", "--as-of", d, "--within", "0", "--format", "json"]),
        ok(&["--lang", "fr", "upcoming", "--as-of", d, "--within", "60"]),
        ok(&["export", "progress", "--as-of", d]),
        ok(&["export", "ics", "--as-of", d]),
        ok(&["--lang", "fr", "export", "ics", "--as-of", d]),
        ok(&["report", "--as-of", d]),
        ok(&["reach", "--as-of", d]),
        ok(&["reach", "--as-of", d, "--format", "csv"]),
        ok(&["reach", "--as-of", d, "--format", "json"]),
        ok(&["distribution", "list", "--as-of", d, "--material", "deck", "--missing", "mayors"]),
        ok(&["distribution", "list", "--as-of", d, "--to", "prov", "--format", "json"]),
    ];
    let families = ["org", "table", "meeting", "agenda", "channel", "material", "milestone", "person", "action", "result", "distribution"];
    for family in families {
        steps.push(ok(&[family, "list", "--as-of", d]));
        steps.push(ok(&[family, "list", "--as-of", d, "--format", "csv"]));
        steps.push(ok(&[family, "list", "--as-of", d, "--format", "json"]));
    }
    let shown = [
        ("org", "fed"),
        ("org", "metro"),
        ("table", "council"),
        ("meeting", "council-mar"),
        ("meeting", "council-may"),
        ("agenda", "mayors-apr/workshop"),
        ("channel", "dept-site"),
        ("material", "deck"),
        ("material", "deck-fr"),
        ("milestone", "b"),
        ("milestone", "d"),
        ("person", "jane"),
        ("action", "act-1"),
        ("result", "awareness"),
        ("distribution", "deck/fed"),
    ];
    for (family, key) in shown {
        steps.push(ok(&[family, "show", key, "--as-of", d]));
    }
    steps.push(ok(&["--lang", "fr", "milestone", "show", "d", "--as-of", d]));
    steps.push(ok(&["--lang", "fr", "agenda", "list", "--as-of", d]));
    steps
}

/// Files, the journal, the plan, the check and a backup.
fn records() -> Vec<Step> {
    vec![
        ok(&["export", "progress", "--as-of", AS_OF, "-o", "progress.csv"]),
        Step::File("progress.csv"),
        ok(&["export", "ics", "--as-of", AS_OF, "-o", "campaign.ics"]),
        Step::File("campaign.ics"),
        ok(&["report", "--as-of", AS_OF, "-o", "report.html"]),
        Step::File("report.html"),
        ok(&["--lang", "fr", "report", "--as-of", AS_OF, "--within", "30", "-o", "rapport.html"]),
        Step::File("rapport.html"),
        ok(&["plan", "export"]),
        ok(&["plan", "export", "-o", "plan.toml"]),
        Step::File("plan.toml"),
        ok(&["glossary", "list"]),
        ok(&["glossary", "list", "--format", "json"]),
        ok(&["history"]),
        ok(&["history", "--limit", "5"]),
        ok(&["history", "d"]),
        Step::Journal(vec!["history".into(), "--format".into(), "json".into()]),
        Step::Journal(vec!["history".into(), "mayors-apr/workshop".into(), "--format".into(), "json".into()]),
        Step::Journal(vec!["history".into(), "--limit".into(), "3".into(), "--format".into(), "json".into()]),
        ok(&["check"]),
        ok(&["backup", "copy.db"]),
        ok(&["--db", "copy.db", "status", "--as-of", AS_OF]),
        ok(&["--db", "copy.db", "export", "progress", "--as-of", AS_OF]),
        ok(&["--db", "copy.db", "plan", "export"]),
        // The scenario goes on after the reads: the store still takes writes.
        ok(&["milestone", "done", "b", "--on", "2030-04-11"]),
        ok(&["status", "--as-of", "2030-04-12", "--format", "json"]),
        Step::Journal(vec!["history".into(), "--limit".into(), "2".into(), "--format".into(), "json".into()]),
    ]
}

/// The journal printed by `args`, with `at` and `role` masked; also checks that `role` is where
/// the contract puts it (next to `actor`) and says `role` (null on SQLite) when `role` is given.
fn journal(side: &Side, args: &[String], role: Option<&serde_json::Value>) -> (i32, String) {
    let out = side.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let code = out.status.code().unwrap_or(-1);
    assert_eq!(code, 0, "{}: engage {args:?}: {}", side.label, String::from_utf8_lossy(&out.stderr));
    let mut entries: serde_json::Value = serde_json::from_slice(&out.stdout).expect("history is JSON");
    for entry in entries.as_array_mut().expect("history is an array") {
        let object = entry.as_object_mut().expect("an entry is an object");
        if let Some(role) = role {
            let fields: Vec<&String> = object.keys().collect();
            let actor = fields.iter().position(|f| *f == "actor").expect("an entry has an actor");
            assert_eq!(fields.get(actor + 1).map(|f| f.as_str()), Some("role"), "{}: role should follow actor: {fields:?}", side.label);
            assert_eq!(&object["role"], role, "{}: {args:?}", side.label);
        }
        for field in ["at", "role"] {
            if let Some(value) = object.get_mut(field) {
                *value = serde_json::json!("<masked>");
            }
        }
    }
    (code, serde_json::to_string_pretty(&entries).unwrap())
}

/// Runs the whole scenario on `a` and `b`, step by step, and compares. `roles`: the `role` each
/// side's journal must carry, when it is checked.
fn same_bytes(a: &Side, b: &Side, roles: Option<(serde_json::Value, serde_json::Value)>) {
    let mut steps = writes();
    for as_of in [AS_OF, "2030-03-25", "2030-05-20"] {
        steps.extend(reads(as_of));
    }
    steps.extend(records());
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Run(args, code) => {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let (x, y) = (a.run(&args), b.run(&args));
                let what = format!("step {n}: engage {args:?}");
                assert_eq!(x.status.code(), Some(*code), "{what} on {}: {}", a.label, String::from_utf8_lossy(&x.stderr));
                assert_eq!(y.status.code(), Some(*code), "{what} on {}: {}", b.label, String::from_utf8_lossy(&y.stderr));
                let text = |o: &Output, side: &Side| {
                    (side.mask(&String::from_utf8_lossy(&o.stdout)), side.mask(&String::from_utf8_lossy(&o.stderr)))
                };
                let ((out_a, err_a), (out_b, err_b)) = (text(&x, a), text(&y, b));
                assert_eq!(err_a, err_b, "{what}: stderr differs ({} left, {} right)", a.label, b.label);
                assert_eq!(out_a, out_b, "{what}: stdout differs ({} left, {} right)", a.label, b.label);
                if *code != 0 {
                    assert!(!err_a.trim().is_empty(), "{what}: a refusal says why");
                }
            }
            Step::File(name) => assert_eq!(a.file(name), b.file(name), "step {n}: {name} differs ({} left, {} right)", a.label, b.label),
            Step::Journal(args) => {
                let (ra, rb) = match &roles {
                    Some((ra, rb)) => (Some(ra), Some(rb)),
                    None => (None, None),
                };
                assert_eq!(journal(a, args, ra), journal(b, args, rb), "step {n}: engage {args:?} ({} left, {} right)", a.label, b.label);
            }
        }
    }
}

#[test]
fn the_scenario_gives_the_same_bytes_on_two_sqlite_files() {
    same_bytes(&Side::sqlite("sqlite"), &Side::sqlite("another sqlite"), None);
}

#[test]
fn a_sqlite_file_and_a_postgresql_database_give_the_same_bytes() {
    let Some(server) = pg::server("a_sqlite_file_and_a_postgresql_database_give_the_same_bytes") else { return };
    let db = server.database();
    let roles = (serde_json::Value::Null, serde_json::json!(server.user()));
    same_bytes(&Side::sqlite("sqlite"), &Side::postgres(&db), Some(roles));
}

#[test]
fn times_of_day_are_masked_and_dates_are_not() {
    assert_eq!(mask_times("2026-11-29 06:47   tester"), "####-##-## ##:##   tester");
    assert_eq!(
        mask_times("DTSTAMP:20261129T064819Z\nDTSTART;VALUE=DATE:20300415"),
        "DTSTAMP:########T######Z\nDTSTART;VALUE=DATE:20300415"
    );
    assert_eq!(mask_times("due 2030-04-10, done 2030-04-09"), "due 2030-04-10, done 2030-04-09");
}
