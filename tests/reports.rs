//! The reports, end to end: `upcoming`, `status` and `export progress` on the worked example
//! (every figure from worked-example.md) and on the seed campaign; `demo`; a closed pipe.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

use common::{AS_OF, Env, WORKED, seed_path};
use serde_json::{Value, json};

fn worked() -> Env {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env
}

/// The rows of a CSV text, header first, parsed by the csv crate.
fn csv_rows(text: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text);
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_string).collect()).collect()
}

#[test]
fn upcoming_gives_the_rows_of_the_worked_example_in_order() {
    let env = worked();
    let rows = env.json(&["upcoming", "--as-of", AS_OF, "--format", "json"]);
    let rows = rows.as_array().expect("an array of rows");
    let got: Vec<(String, String, String, Value, i64)> = rows
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
                r["key"].as_str().unwrap().to_string(),
                r["state"].clone(),
                r["days"].as_i64().unwrap(),
            )
        })
        .collect();
    let row = |d: &str, k: &str, key: &str, s: Value, days: i64| (d.to_string(), k.to_string(), key.to_string(), s, days);
    let expected = vec![
        row("2030-04-01", "channel", "site", json!("overdue"), -9),
        row("2030-04-01", "milestone", "b", json!("overdue"), -9),
        row("2030-04-05", "milestone", "c", json!("overdue"), -5),
        row("2030-04-12", "material", "deck", json!("due_soon"), 2),
        row("2030-04-15", "agenda_item", "mayors-apr/workshop", json!("due_soon"), 5),
        row("2030-04-15", "meeting", "mayors-apr", Value::Null, 5),
    ];
    assert_eq!(got, expected);
    // Every row carries the contract's fields.
    for r in rows {
        for field in ["date", "kind", "key", "title", "owner", "state", "days"] {
            assert!(r.get(field).is_some(), "{field} missing from {r}");
        }
    }
    assert_eq!(rows[3]["title"], "=Deck for the forum", "JSON is not guarded like CSV");
    assert_eq!(rows[3]["owner"], "Secretariat");

    // A wider window takes in d; a window of 0 days keeps only the overdue ones.
    let wide = env.json(&["upcoming", "--as-of", AS_OF, "--within", "45", "--format", "json"]);
    assert_eq!(wide.as_array().unwrap().last().unwrap()["key"], "d");
    let none = env.json(&["upcoming", "--as-of", AS_OF, "--within", "0", "--format", "json"]);
    let keys: Vec<&str> = none.as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["site", "b", "c"]);
}

#[test]
fn status_gives_the_figures_of_the_worked_example() {
    let env = worked();
    let s = env.json(&["status", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(s["as_of"], AS_OF);
    let percent = s["percent_complete"].as_f64().expect("a number");
    assert!((percent - 100.0 / 3.0).abs() < 0.05, "percent_complete {percent}");
    let overdue: Vec<&str> = s["overdue"].as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(overdue, ["site", "b", "c"]);
    assert_eq!(s["critical_path"], json!(["b", "d"]));
    assert_eq!(s["projected_end"], "2030-05-25");
    assert_eq!(s["slip_days"], -6);
    for order in ["federal", "provincial", "municipal"] {
        assert_eq!(s["reach"][order]["reached"], 1, "{order}");
        assert_eq!(s["reach"][order]["total"], 1, "{order}");
    }
    for order in ["territorial", "indigenous", "other"] {
        let r = &s["reach"][order];
        assert!(r.is_null() || r["total"] == 0, "{order}: {r}");
    }

    let expected: BTreeMap<(&str, &str), u64> = [
        (("milestone", "done_on_time"), 1),
        (("milestone", "overdue"), 2),
        (("milestone", "on_track"), 1),
        (("agenda_item", "done_on_time"), 1),
        (("agenda_item", "due_soon"), 1),
        (("channel", "done_late"), 1),
        (("channel", "overdue"), 1),
        (("material", "due_soon"), 1),
    ]
    .into_iter()
    .collect();
    let counts = s["counts"].as_object().expect("counts per kind");
    for kind in ["milestone", "agenda_item", "channel", "material"] {
        assert!(counts.contains_key(kind), "no counts for {kind}");
    }
    for (kind, states) in counts {
        for (state, n) in states.as_object().unwrap() {
            let want = expected.get(&(kind.as_str(), state.as_str())).copied().unwrap_or(0);
            assert_eq!(n.as_u64(), Some(want), "counts.{kind}.{state}");
        }
    }
    assert_eq!(s["counts"]["milestone"]["overdue"], 2);
}

#[test]
fn export_progress_gives_the_rows_of_the_worked_example() {
    let env = worked();
    let out = env.engage().args(["export", "progress", "--as-of", AS_OF]).assert().success().get_output().stdout.clone();
    let rows = csv_rows(&out);
    assert_eq!(rows[0], ["kind", "key", "title", "owner", "date", "status", "done_on", "state", "variance_days", "critical", "title_fr"]);
    let body: BTreeMap<(String, String), Vec<String>> = rows[1..].iter().map(|r| ((r[0].clone(), r[1].clone()), r.clone())).collect();
    assert_eq!(body.len(), 9, "one row per item: {rows:?}");
    assert_eq!(rows.len(), 10);
    let expected = [
        ["milestone", "a", "Draft", "", "2030-03-15", "done", "2030-03-14", "done_on_time", "-1", "false", ""],
        ["milestone", "b", "Review", "", "2030-04-01", "planned", "", "overdue", "9", "true", ""],
        ["milestone", "c", "Translation", "", "2030-04-05", "planned", "", "overdue", "5", "false", ""],
        ["milestone", "d", "Launch", "", "2030-05-25", "planned", "", "on_track", "", "true", ""],
        ["agenda_item", "council-mar/briefing", "Briefing", "", "2030-03-20", "done", "2030-03-20", "done_on_time", "0", "false", ""],
        ["agenda_item", "mayors-apr/workshop", "Workshop", "", "2030-04-15", "planned", "", "due_soon", "", "false", ""],
        ["channel", "site", "Department website", "", "2030-04-01", "planned", "", "overdue", "9", "false", ""],
        ["channel", "letter", "City newsletter", "", "2030-03-25", "done", "2030-03-28", "done_late", "3", "false", ""],
        ["material", "deck", "'=Deck for the forum", "Secretariat", "2030-04-12", "in_progress", "", "due_soon", "", "false", ""],
    ];
    for want in expected {
        let got = body.get(&(want[0].to_string(), want[1].to_string())).unwrap_or_else(|| panic!("no row for {} {}", want[0], want[1]));
        assert_eq!(got, &want, "row of {}", want[1]);
    }
    // CRLF or LF, the text is valid UTF-8 and ends with a line break.
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with('\n'));
}

#[test]
fn export_progress_to_a_file_writes_the_same_bytes() {
    let env = worked();
    let stdout = env.engage().args(["export", "progress", "--as-of", AS_OF]).assert().success().get_output().stdout.clone();
    let assert = env.engage().args(["export", "progress", "--as-of", AS_OF, "-o", "progress.csv"]).assert().success();
    assert!(assert.get_output().stdout.is_empty(), "-o FILE also wrote to stdout");
    assert_eq!(std::fs::read(env.path("progress.csv")).unwrap(), stdout);
    // The plan export too.
    env.engage().args(["plan", "export", "-o", "plan.toml"]).assert().success();
    assert_eq!(std::fs::read_to_string(env.path("plan.toml")).unwrap(), env.export());
}

#[test]
fn bad_report_arguments_exit_2() {
    let env = worked();
    let bad: &[&[&str]] = &[
        &["upcoming", "--within", "-1", "--as-of", AS_OF],
        &["upcoming", "--as-of", "2027-02-30"],
        &["status", "--as-of", "2027-02-30"],
        &["export", "progress", "--as-of", "2027-02-30"],
        &["upcoming", "--as-of", "10/04/2030"],
        &["status", "--format", "csv"],
    ];
    for args in bad {
        let out = env.engage().args(*args).assert().code(2).get_output().clone();
        assert!(out.stdout.is_empty(), "{args:?}: stdout {}", String::from_utf8_lossy(&out.stdout));
        assert!(!out.stderr.is_empty(), "{args:?}: no message");
    }
}

#[test]
fn status_of_the_seed_campaign() {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    let s = env.json(&["status", "--as-of", "2018-09-20", "--format", "json"]);

    // Reach: an entry for every order of government the seed's organizations belong to.
    let seed: toml::Value = toml::from_str(&std::fs::read_to_string(seed_path()).unwrap()).unwrap();
    let mut orgs: BTreeMap<String, u64> = BTreeMap::new();
    for org in seed["organization"].as_array().unwrap() {
        *orgs.entry(org["order"].as_str().unwrap().to_string()).or_default() += 1;
    }
    let reach = s["reach"].as_object().expect("reach per order");
    let orders: BTreeSet<&str> = reach.keys().map(String::as_str).collect();
    assert_eq!(orders, orgs.keys().map(String::as_str).collect::<BTreeSet<_>>());
    for (order, total) in &orgs {
        assert_eq!(reach[order]["total"].as_u64(), Some(*total), "{order}");
        assert!(reach[order]["reached"].as_u64().unwrap() <= *total, "{order}");
    }
    assert!(reach["federal"]["reached"].as_u64().unwrap() > 0);

    // The critical path ends at the milestone with the latest forecast.
    let path: Vec<&str> = s["critical_path"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    assert!(!path.is_empty());
    let schedule = s["schedule"].as_array().expect("the schedule");
    let latest = schedule.iter().map(|r| r["forecast"].as_str().unwrap()).max().unwrap();
    let last = schedule.iter().find(|r| r["key"] == *path.last().unwrap()).unwrap();
    assert_eq!(last["forecast"], latest);
    assert_eq!(s["projected_end"], latest);
    let first_latest = schedule.iter().filter(|r| r["forecast"] == latest).map(|r| r["key"].as_str().unwrap()).min().unwrap();
    assert_eq!(*path.last().unwrap(), first_latest, "ties go to the key that sorts first");
    let seed_milestones = seed["milestone"].as_array().unwrap();
    for pair in path.windows(2) {
        let m = seed_milestones.iter().find(|m| m["key"].as_str() == Some(pair[1])).unwrap();
        let deps: Vec<&str> =
            m.get("depends_on").and_then(|d| d.as_array()).map_or(vec![], |d| d.iter().filter_map(|k| k.as_str()).collect());
        assert!(deps.contains(&pair[0]), "{} does not depend on {}", pair[1], pair[0]);
    }

    // The clerks' table of 18 July 2018 took the guide: « Complété ».
    let out = env.engage().args(["export", "progress", "--as-of", "2018-09-20"]).assert().success().get_output().stdout.clone();
    let rows = csv_rows(&out);
    let guide = rows.iter().find(|r| r[0] == "agenda_item" && r[1] == "clerks-2018-07/guide").expect("the clerks' agenda item");
    assert_eq!((guide[5].as_str(), guide[6].as_str(), guide[7].as_str()), ("done", "2018-07-18", "done_on_time"));
    let done = s["counts"]["agenda_item"]["done_on_time"].as_u64().unwrap() + s["counts"]["agenda_item"]["done_late"].as_u64().unwrap();
    assert!(done >= 1);
}

#[test]
fn demo_prints_status_and_upcoming() {
    let env = Env::new();
    let out = env.engage().args(["demo"]).assert().success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Service Partnerships Guide"), "{stdout}");
    assert!(stdout.contains("complete"), "no status:\n{stdout}");
    assert!(stdout.contains("Upcoming"), "no upcoming:\n{stdout}");
    assert!(stdout.contains("2018-09-20"), "not as of 2018-09-20 by default:\n{stdout}");
    // With --db, the campaign is kept in the store.
    let s = env.json(&["status", "--as-of", "2018-09-20", "--format", "json"]);
    assert!(s["campaign"]["name"].as_str().unwrap().contains("Service Partnerships Guide"));
    env.assert_clean();

    // Without --db, in a temporary store, leaving nothing in the user's data directory.
    let home = tempfile::tempdir().unwrap();
    let out = common::command(home.path())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args(["demo", "--as-of", "2018-10-02"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Upcoming"));
    assert!(!home.path().join("data").join("engage").join("engage.db").exists());
}

/// Runs `engage ARGS`, reads one line of its output and closes the pipe: engage must end with 0
/// and no error, like `engage … | head -1`.
fn read_one_line_and_close(env: &Env, args: &[&str]) {
    let mut child = env.std_engage().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "{args:?}: no output");
    drop(stdout);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{args:?}: {status}; stderr: {stderr}");
    assert!(!stderr.to_lowercase().contains("error") && !stderr.contains("panick") && !stderr.contains("engage:"), "{args:?}: {stderr}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    read_one_line_and_close(&env, &["upcoming", "--as-of", "2018-07-01", "--within", "400"]);

    // A campaign whose reports are far larger than a pipe's buffer.
    let mut plan = String::from("[campaign]\nname = \"Large\"\nstart = 2030-01-01\nend = 2031-12-31\n");
    for i in 0..2000 {
        plan.push_str(&format!(
            "\n[[milestone]]\nkey = \"m{i:04}\"\ntitle = \"A milestone with a title long enough to fill the line {i}\"\nowner = \"Secretariat\"\ndue = 2030-{:02}-{:02}\n",
            1 + i % 12,
            1 + i % 28
        ));
    }
    let large = Env::new();
    large.apply("large.toml", &plan);
    for format in ["table", "csv", "json"] {
        read_one_line_and_close(&large, &["upcoming", "--as-of", "2030-06-01", "--within", "400", "--format", format]);
    }
    read_one_line_and_close(&large, &["export", "progress", "--as-of", "2030-06-01"]);
    read_one_line_and_close(&large, &["plan", "export"]);
}
