//! A plain benchmark of the pure model, without the store or a process around it.
//!
//! ```text
//! cargo run --release --example model_bench [-- MILESTONES ITEMS]
//! ```
//!
//! Times (best of 5, `std::time::Instant`):
//! - the schedule (forecast, float, critical path) of MILESTONES (default 100 000) milestones in
//!   three graphs: one chain through every milestone (the deepest graph there is), 20 long
//!   workstreams with fan-in between them, and the same with a quarter of the milestones done;
//! - the assessed state of ITEMS (default 1 000 000) items against an as-of date;
//! - checking a plan file (`engage::plan::check`) whose last milestone depends on every other
//!   one, all on one line, with 5 000 and then 50 000 dependencies: 10× the dependencies should
//!   take about 10× the time (every check linear or n·log n), not 100×.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use engage::model::schedule::{Node, schedule};
use engage::model::state::assess;
use engage::model::types::Status;

/// xorshift64*, for reproducible inputs without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next() >> 11) * u128::from(n)) >> 53) as u64
    }
}

const RUNS: usize = 5;

fn best_of<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = black_box(f());
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.expect("RUNS > 0"))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn day(first: NaiveDate, n: u64) -> NaiveDate {
    first + chrono::Duration::days(n as i64)
}

/// `count` milestones in `streams` chains (milestone i depends on i − streams) over two years,
/// each link tight (duration = the gap between due dates), with `fan_in` percent of them also
/// depending on one or two other recent milestones; `done` percent are done.
fn graph(count: usize, streams: usize, fan_in: u64, done: u64, rng: &mut Rng) -> Vec<Node> {
    let first = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
    let mut dues: Vec<u64> = Vec::with_capacity(count);
    (0..count)
        .map(|i| {
            let due = (i as u64 * 730) / count as u64;
            dues.push(due);
            let mut depends_on = Vec::new();
            let mut duration_days = 0;
            if i >= streams {
                let p = i - streams;
                depends_on.push(format!("ms-{p:06}"));
                duration_days = (due - dues[p]) as i64;
                if rng.below(100) < fan_in {
                    for _ in 0..1 + rng.below(2) {
                        let q = i - 1 - rng.below((i as u64).min(500)) as usize;
                        let key = format!("ms-{q:06}");
                        if !depends_on.contains(&key) {
                            depends_on.push(key);
                        }
                    }
                }
            }
            let is_done = rng.below(100) < done && due < 334;
            Node {
                key: format!("ms-{i:06}"),
                due: day(first, due),
                duration_days,
                depends_on,
                status: if is_done { Status::Done } else { Status::Planned },
                done_on: is_done.then(|| day(first, due + rng.below(3))),
            }
        })
        .collect()
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let milestones = args.first().copied().unwrap_or(100_000);
    let items = args.get(1).copied().unwrap_or(1_000_000);
    let end = NaiveDate::from_ymd_opt(2028, 12, 31).expect("a date");
    let as_of = NaiveDate::from_ymd_opt(2027, 12, 1).expect("a date");
    let mut rng = Rng(0x5EED_1234_ABCD_0001);

    println!("model_bench: best of {RUNS} runs");
    let cases = [
        ("one chain", graph(milestones, 1, 0, 0, &mut rng)),
        ("20 streams, 40% fan-in", graph(milestones, 20, 40, 0, &mut rng)),
        ("20 streams, 40% fan-in, 25% done", graph(milestones, 20, 40, 25, &mut rng)),
    ];
    for (name, nodes) in &cases {
        let (t, s) = best_of(|| schedule(nodes, end, as_of));
        println!(
            "schedule   {milestones:>9} milestones, {name:<34} {:>12}   (critical path {} milestones, projected end {:?})",
            ms(t),
            s.critical_path.len(),
            s.projected_end.map(|d| d.to_string())
        );
    }

    let first = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
    const STATUSES: [Status; 6] = [Status::Planned, Status::InProgress, Status::Done, Status::Blocked, Status::Deferred, Status::Cancelled];
    let input: Vec<(Status, Option<NaiveDate>, Option<NaiveDate>)> = (0..items)
        .map(|_| {
            let status = STATUSES[rng.below(6) as usize];
            let date = (rng.below(20) != 0).then(|| day(first, rng.below(731)));
            let done_on = (status == Status::Done).then(|| day(first, rng.below(731)));
            (status, done_on, date)
        })
        .collect();
    let (t, counts) = best_of(|| {
        let mut counts = [0usize; 16];
        for &(status, done_on, date) in &input {
            counts[assess(status, done_on, date, as_of) as usize] += 1;
        }
        counts
    });
    println!(
        "assess     {items:>9} items{:<41} {:>12}   ({:.1} ns per item; {} overdue)",
        "",
        ms(t),
        t.as_secs_f64() * 1e9 / items as f64,
        counts[engage::model::types::State::Overdue as usize]
    );
    let mut checks = Vec::new();
    for deps in [5_000, 50_000] {
        let text = dependency_plan(deps);
        let (t, checked) = best_of(|| engage::plan::check("bench.toml", &text, &engage::model::plan::Plan::default(), false));
        let changes = checked.map(|c| c.changes.len()).unwrap_or(0);
        println!("check      {deps:>9} dependencies of one milestone{:<20} {:>12}   ({changes} changes)", "", ms(t));
        checks.push(t);
    }
    println!(
        "check      10x the dependencies: {:.1}x the time (linear: about 10x; quadratic: about 100x)",
        checks[1].as_secs_f64() / checks[0].as_secs_f64()
    );
}

/// A plan file of `deps` + 1 milestones, the last depending on all the others, on one line.
fn dependency_plan(deps: usize) -> String {
    use std::fmt::Write as _;
    let mut text = String::from("[campaign]\nname = \"Bench\"\nend = 2028-12-31\n");
    for i in 0..deps {
        let _ = write!(text, "\n[[milestone]]\nkey = \"m{i}\"\ntitle = \"M {i}\"\ndue = 2028-01-01\n");
    }
    text.push_str("\n[[milestone]]\nkey = \"last\"\ntitle = \"Last\"\ndue = 2028-06-01\ndepends_on = [");
    for i in 0..deps {
        let _ = write!(text, "{}\"m{i}\"", if i == 0 { "" } else { ", " });
    }
    text.push_str("]\n");
    text
}
