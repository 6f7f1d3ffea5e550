//! Several processes writing to one store at once, with a reader polling it meanwhile: no write
//! fails on a lock, none is lost, the journal holds one row per write, and the file stays sound.

mod common;

use std::collections::BTreeSet;
use std::fs::File;
use std::process::{Child, Stdio};
use std::time::Instant;

use common::{Env, milestones_plan};

const WRITERS: usize = 4;
const PER_WRITER: usize = 50;
const MILESTONES: usize = WRITERS * PER_WRITER;
const DONE_ON: &str = "2030-01-01";

/// The key of milestone `i` in [`milestones_plan`] with prefix `ms`.
fn key(i: usize) -> String {
    format!("ms-{i:05}")
}

/// What writer `w` does to each of its milestones: writers 0 and 1 mark them done, 2 and 3 start them.
fn verb(w: usize) -> &'static str {
    if w < WRITERS / 2 { "done" } else { "start" }
}

/// Spawns `sh -c SCRIPT` with stdout and stderr in files named after `name`.
fn spawn(env: &Env, name: &str, script: &str, keys: &str) -> Child {
    let out = File::create(env.path(&format!("{name}.out"))).unwrap();
    let err = File::create(env.path(&format!("{name}.err"))).unwrap();
    env.shell(script).env("KEYS", keys).stdout(Stdio::from(out)).stderr(Stdio::from(err)).spawn().expect("spawning sh")
}

fn read(env: &Env, name: &str) -> String {
    std::fs::read_to_string(env.path(name)).unwrap_or_default()
}

#[test]
fn four_writers_and_a_reader_lose_nothing() {
    let env = Env::new();
    env.apply("plan.toml", &milestones_plan("ms", MILESTONES, "2030-06-01"));
    let journal_before = env.journal_count();
    let history_before = env.json(&["history", "--format", "json"]).as_array().expect("history is a list").len();
    std::fs::create_dir(env.path("reads")).unwrap();
    let started = Instant::now();

    // The reader polls until told to stop, keeping every answer; any failure ends it with 1.
    let reader = spawn(
        &env,
        "reader",
        r#"i=0
        while [ ! -e STOP ]; do
            "$ENGAGE" status --format json > "reads/$i.json" || exit 1
            i=$((i + 1))
        done
        echo "$i""#,
        "",
    );
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let keys: Vec<String> = (w * PER_WRITER..(w + 1) * PER_WRITER).map(key).collect();
        let script = match verb(w) {
            "done" => format!(r#"for k in $KEYS; do "$ENGAGE" milestone done "$k" --on {DONE_ON} || exit 1; done"#),
            other => format!(r#"for k in $KEYS; do "$ENGAGE" milestone {other} "$k" || exit 1; done"#),
        };
        writers.push(spawn(&env, &format!("writer{w}"), &script, &keys.join(" ")));
    }
    for (w, mut child) in writers.into_iter().enumerate() {
        let status = child.wait().unwrap();
        assert!(status.success(), "writer {w} failed ({status}): {}", read(&env, &format!("writer{w}.err")));
    }
    File::create(env.path("STOP")).unwrap();
    let mut reader = reader;
    let status = reader.wait().unwrap();
    assert!(status.success(), "the reader failed ({status}): {}", read(&env, "reader.err"));
    let reads: usize = read(&env, "reader.out").trim().parse().expect("the reader's count");
    eprintln!("{WRITERS} writers × {PER_WRITER} writes and {reads} concurrent status reads in {:.1} s", started.elapsed().as_secs_f64());
    assert!(reads >= 1, "the reader never read");

    // Every read was whole JSON of a consistent snapshot: 200 milestones counted, and the number
    // done never goes down from one read to the next.
    let mut done_before = 0;
    for i in 0..reads {
        let text = read(&env, &format!("reads/{i}.json"));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("read {i}: not JSON ({e}): {text}"));
        assert_eq!(json["counted"], MILESTONES, "read {i}: {json}");
        let done = json["done"].as_u64().expect("done is a number");
        assert!(done >= done_before, "read {i}: {done} done after {done_before} before");
        assert!(done <= (MILESTONES / 2) as u64, "read {i}: {done} done");
        done_before = done;
    }

    // Every milestone shows its new status.
    let list = env.json(&["milestone", "list", "--format", "json", "--as-of", DONE_ON]);
    let list = list.as_array().expect("a list");
    assert_eq!(list.len(), MILESTONES);
    for m in list {
        let k = m["key"].as_str().unwrap();
        let i: usize = k.trim_start_matches("ms-").parse().unwrap();
        match verb(i / PER_WRITER) {
            "done" => {
                assert_eq!(m["status"], "done", "{m}");
                assert_eq!(m["done_on"], DONE_ON, "{m}");
            }
            _ => {
                assert_eq!(m["status"], "in_progress", "{m}");
                assert!(m["done_on"].is_null(), "{m}");
            }
        }
    }

    // Exactly one journal row per write, one per milestone.
    assert_eq!(env.journal_count(), journal_before + MILESTONES as i64);
    let history = env.json(&["history", "--format", "json"]);
    let history = history.as_array().expect("history is a list");
    assert_eq!(history.len(), history_before + MILESTONES);
    let newest: BTreeSet<&str> =
        history[..MILESTONES].iter().inspect(|e| assert_eq!(e["kind"], "milestone", "{e}")).map(|e| e["key"].as_str().unwrap()).collect();
    assert_eq!(newest.len(), MILESTONES, "some milestone was journaled twice, another not at all");
    env.assert_clean();
    env.engage().arg("check").assert().success();
}
