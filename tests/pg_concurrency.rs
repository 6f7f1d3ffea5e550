//! Many writers on one PostgreSQL store at once, with readers polling it meanwhile: 8 processes
//! each log 25 milestones done, while 2 others loop over `status` and `upcoming`. No write fails,
//! none is lost or doubled, the journal gains exactly one row per write, and no read fails or
//! sees a half-done change.

mod common;
#[path = "common/pg.rs"]
mod pg;

use std::collections::BTreeSet;
use std::fs::File;
use std::process::{Child, Stdio};
use std::time::Instant;

use common::{Env, milestones_plan};

const WRITERS: usize = 8;
const PER_WRITER: usize = 25;
const MILESTONES: usize = WRITERS * PER_WRITER;
const READERS: usize = 2;
const DUE: &str = "2030-06-01";
const DONE_ON: &str = "2030-05-01";

/// The key of milestone `i` in [`milestones_plan`] with prefix `ms`.
fn key(i: usize) -> String {
    format!("ms-{i:05}")
}

/// Spawns `sh -c SCRIPT` on the store `db`, with stdout and stderr in files named after `name`.
fn spawn(env: &Env, db: &str, name: &str, script: &str, keys: &str) -> Child {
    let out = File::create(env.path(&format!("{name}.out"))).unwrap();
    let err = File::create(env.path(&format!("{name}.err"))).unwrap();
    env.shell(script).env("ENGAGE_DB", db).env("KEYS", keys).stdout(Stdio::from(out)).stderr(Stdio::from(err)).spawn().expect("spawning sh")
}

fn read(env: &Env, name: &str) -> String {
    std::fs::read_to_string(env.path(name)).unwrap_or_default()
}

#[test]
fn eight_writers_and_two_readers_lose_nothing() {
    let Some(server) = pg::server("eight_writers_and_two_readers_lose_nothing") else { return };
    let db = server.database();
    let url = db.url();
    let env = Env::new();
    let plan = env.write("plan.toml", &milestones_plan("ms", MILESTONES, DUE));
    let applied = pg::run(env.dir.path(), url, &["plan", "apply", plan.to_str().unwrap()]);
    assert!(applied.status.success(), "plan apply: {}", String::from_utf8_lossy(&applied.stderr));
    let journal_before = db.journal_count();
    let history_before = pg::json(env.dir.path(), url, &["history", "--format", "json"]).as_array().expect("history is a list").len();
    assert_eq!(history_before as i64, journal_before, "history lists the whole journal");
    std::fs::create_dir(env.path("reads")).unwrap();
    let started = Instant::now();

    // Each reader polls until told to stop, keeping every status; any failure ends it with 1.
    let readers: Vec<Child> = (0..READERS)
        .map(|r| {
            let script = format!(
                r#"i=0
                while [ ! -e STOP ]; do
                    "$ENGAGE" status --as-of {DONE_ON} --format json > "reads/{r}-$i.json" || exit 1
                    "$ENGAGE" upcoming --as-of {DONE_ON} --within 60 --format json > /dev/null || exit 1
                    i=$((i + 1))
                done
                echo "$i""#
            );
            spawn(&env, url, &format!("reader{r}"), &script, "")
        })
        .collect();
    let writers: Vec<Child> = (0..WRITERS)
        .map(|w| {
            let keys: Vec<String> = (w * PER_WRITER..(w + 1) * PER_WRITER).map(key).collect();
            let script = format!(r#"for k in $KEYS; do "$ENGAGE" milestone done "$k" --on {DONE_ON} || exit 1; done"#);
            spawn(&env, url, &format!("writer{w}"), &script, &keys.join(" "))
        })
        .collect();
    for (w, mut child) in writers.into_iter().enumerate() {
        let status = child.wait().unwrap();
        assert!(status.success(), "writer {w} failed ({status}): {}", read(&env, &format!("writer{w}.err")));
    }
    let writing = started.elapsed();
    File::create(env.path("STOP")).unwrap();
    let mut reads = Vec::new();
    for (r, mut child) in readers.into_iter().enumerate() {
        let status = child.wait().unwrap();
        assert!(status.success(), "reader {r} failed ({status}): {}", read(&env, &format!("reader{r}.err")));
        let count: usize = read(&env, &format!("reader{r}.out")).trim().parse().expect("the reader's count");
        assert!(count >= 1, "reader {r} never read");
        reads.push(count);
    }
    eprintln!(
        "PostgreSQL: {WRITERS} writers × {PER_WRITER} writes in {:.1} s, with {READERS} readers doing {reads:?} rounds of status and upcoming",
        writing.as_secs_f64()
    );

    // Every read was whole JSON of a consistent snapshot: all milestones counted, and the number
    // done never goes down from one read of a reader to its next.
    for (r, count) in reads.iter().enumerate() {
        let mut done_before = 0;
        for i in 0..*count {
            let text = read(&env, &format!("reads/{r}-{i}.json"));
            let json: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("reader {r}, read {i}: not JSON ({e}): {text}"));
            assert_eq!(json["counted"], MILESTONES, "reader {r}, read {i}: {json}");
            let done = json["done"].as_u64().expect("done is a number");
            assert!(done >= done_before, "reader {r}, read {i}: {done} done after {done_before} before");
            assert!(done <= MILESTONES as u64, "reader {r}, read {i}: {done} done");
            done_before = done;
        }
    }

    // Every milestone is done on the day given: exactly 200 changed.
    let list = pg::json(env.dir.path(), url, &["milestone", "list", "--format", "json", "--as-of", DONE_ON]);
    let list = list.as_array().expect("a list");
    assert_eq!(list.len(), MILESTONES);
    for m in list {
        assert_eq!((&m["status"], &m["done_on"]), (&serde_json::json!("done"), &serde_json::json!(DONE_ON)), "{m}");
    }
    let status = pg::json(env.dir.path(), url, &["status", "--as-of", DONE_ON, "--format", "json"]);
    assert_eq!(status["done"], MILESTONES, "{status}");

    // Exactly one journal row per write, one per milestone, in the table and in history.
    assert_eq!(db.journal_count(), journal_before + MILESTONES as i64);
    let history = pg::json(env.dir.path(), url, &["history", "--format", "json"]);
    let history = history.as_array().expect("history is a list");
    assert_eq!(history.len(), history_before + MILESTONES);
    let newest: BTreeSet<&str> = history[..MILESTONES]
        .iter()
        .inspect(|e| {
            assert_eq!((&e["kind"], &e["action"]), (&serde_json::json!("milestone"), &serde_json::json!("update")), "{e}");
            assert_eq!(e["after"]["status"], "done", "{e}");
            assert_eq!(e["before"]["status"], "planned", "{e}");
        })
        .map(|e| e["key"].as_str().unwrap())
        .collect();
    assert_eq!(newest.len(), MILESTONES, "some milestone was journaled twice, another not at all");
    let check = pg::run(env.dir.path(), url, &["check"]);
    assert!(check.status.success(), "check: {}", String::from_utf8_lossy(&check.stderr));
}
