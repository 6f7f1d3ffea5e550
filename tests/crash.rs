//! engage killed (SIGKILL) in the middle of a write: the store is left as it was before the
//! command or as it is after it — never half — and SQLite finds it sound.

mod common;

use std::process::{Child, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{Env, WORKED, assert_store_clean, milestones_plan};

/// Milestones in the large plan: its apply takes a second or more, so kills land mid-way.
const BULK: usize = 20_000;
/// When to kill an apply.
#[derive(Debug, Clone, Copy)]
enum When {
    /// This many milliseconds after spawning it.
    After(u64),
    /// As soon as the write-ahead log holds more than this many bytes: inside the transaction,
    /// with part of it written.
    WalAbove(u64),
}

const KILL_POINTS: &[When] = &[
    When::After(0),
    When::After(20),
    When::After(80),
    When::After(200),
    When::After(500),
    When::After(1000),
    When::WalAbove(0),
    When::WalAbove(1 << 20),
    When::WalAbove(4 << 20),
];

/// The large plan without a `[campaign]` section: it adds milestones to the store's campaign.
fn bulk_plan() -> String {
    let text = milestones_plan("bulk", BULK, "2030-05-01");
    let start = text.find("\n[[milestone]]").expect("a milestone");
    text[start..].to_string()
}

/// A store holding the worked example, and the bulk plan written next to it.
fn small_store() -> Env {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env.write("bulk.toml", &bulk_plan());
    env
}

/// The size of the store's write-ahead log: above zero, a writer has put pages in it.
fn wal_len(env: &Env) -> u64 {
    std::fs::metadata(env.path("engage.db-wal")).map_or(0, |m| m.len())
}

/// Kills `child` (SIGKILL on unix) unless it has ended; says whether it was still running.
fn kill(mut child: Child) -> bool {
    let running = child.try_wait().expect("polling the child").is_none();
    if running {
        // It may end between the poll and the kill: then kill fails harmlessly.
        let _ = child.kill();
    }
    let status = child.wait().expect("reaping the child");
    running && !status.success()
}

/// Waits for `when`, or for `child` to end.
fn wait_for(env: &Env, child: &mut Child, when: When) {
    match when {
        When::After(ms) => sleep(Duration::from_millis(ms)),
        When::WalAbove(bytes) => {
            let deadline = Instant::now() + Duration::from_secs(60);
            while wal_len(env) <= bytes && child.try_wait().unwrap().is_none() && Instant::now() < deadline {
                sleep(Duration::from_micros(500));
            }
        }
    }
}

fn spawn(env: &Env, args: &[&str]) -> Child {
    env.std_engage().args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("spawning engage")
}

#[derive(Debug, Default)]
struct Tally {
    killed_running: usize,
    /// Killed with pages of the unfinished transaction already in the write-ahead log.
    killed_writing: usize,
    unchanged: usize,
    applied: usize,
}

#[test]
fn a_killed_plan_apply_leaves_all_or_nothing() {
    // What a finished apply gives, from a store that ran it to the end.
    let full = small_store();
    let started = Instant::now();
    full.engage().args(["plan", "apply", "bulk.toml"]).assert().success();
    let apply_time = started.elapsed();
    let after = full.export();
    let journal_after = full.journal_count();

    let mut tally = Tally::default();
    for &when in KILL_POINTS {
        let env = small_store();
        let before = env.export();
        let journal_before = env.journal_count();
        assert_ne!(before, after);
        let mut child = spawn(&env, &["plan", "apply", "bulk.toml"]);
        wait_for(&env, &mut child, when);
        let wal = wal_len(&env);
        let killed = kill(child);
        tally.killed_running += usize::from(killed);
        tally.killed_writing += usize::from(killed && wal > 0);

        assert_store_clean(&env.db());
        let now = env.export();
        let journal = env.journal_count();
        if now == before {
            assert_eq!(journal, journal_before, "kill {when:?}: the plan is unchanged but the journal is not");
            tally.unchanged += 1;
        } else {
            assert!(now == after, "kill {when:?}: the store holds part of the apply");
            assert_eq!(journal, journal_after, "kill {when:?}: the plan is applied but the journal is not");
            tally.applied += 1;
        }
        env.engage().arg("check").assert().success();
        if matches!(when, When::WalAbove(_)) {
            // After a kill mid-write, the store still takes the apply, whole.
            env.engage().args(["plan", "apply", "bulk.toml"]).assert().success();
            assert_eq!(env.export(), after, "kill {when:?}: applying again does not give the full plan");
        }
    }
    eprintln!(
        "{} kill points over an apply of {BULK} milestones taking {:.2} s: {} killed it running ({} with pages in the WAL), \
         {} left the store unchanged, {} found it applied",
        KILL_POINTS.len(),
        apply_time.as_secs_f64(),
        tally.killed_running,
        tally.killed_writing,
        tally.unchanged,
        tally.applied
    );
    assert!(tally.killed_running >= 2, "too few kills landed while the apply ran: {tally:?}");
}

#[test]
fn a_killed_milestone_done_leaves_all_or_nothing() {
    // The one change `milestone done` makes, from a store that ran it to the end.
    let reference = Env::new();
    reference.apply("worked.toml", WORKED);
    let before = reference.export();
    let journal_before = reference.journal_count();
    let done = ["milestone", "done", "b", "--on", "2030-04-20", "--note", "in flight"];
    reference.engage().args(done).assert().success();
    let after = reference.export();
    assert_ne!(before, after);

    let (mut unchanged, mut applied, mut running) = (0, 0, 0);
    for round in 0..12u64 {
        let env = Env::new();
        env.apply("worked.toml", WORKED);
        let child = spawn(&env, &done);
        // 0 to 11 ms, spread over the run of a command that takes a few milliseconds.
        sleep(Duration::from_millis(round));
        running += usize::from(kill(child));
        assert_store_clean(&env.db());
        let now = env.export();
        if now == before {
            assert_eq!(env.journal_count(), journal_before, "round {round}");
            unchanged += 1;
        } else {
            assert!(now == after, "round {round}: a half-done change:\n{now}");
            assert_eq!(env.journal_count(), journal_before + 1, "round {round}");
            applied += 1;
        }
    }
    eprintln!("12 killed `milestone done`: {running} killed running, {unchanged} unchanged, {applied} applied");
}
