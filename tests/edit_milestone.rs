//! Everyday editing of milestones, end to end: add, list, show (dependencies, dependents,
//! forecast, slip, float), set, the tracking verbs, rename and remove, each write checked in the
//! store and in the journal; and the demo campaign as of a day before anything was done.

mod common;

use common::{AS_OF, Env, check_tracking_verbs, exported_item, exported_list, section_keys, section_rows, show_fields};
use serde_json::json;

const LIST: [&str; 6] = ["milestone", "list", "--format", "json", "--as-of", AS_OF];

/// The dependencies of `key` in the store, sorted.
fn dependencies_in_store(env: &Env, key: &str) -> Vec<String> {
    let conn = env.conn();
    let mut stmt = conn
        .prepare(
            "SELECT p.key FROM milestone_dependency d JOIN milestone m ON m.id = d.milestone_id JOIN milestone p ON p.id = d.depends_on_id \
             WHERE m.key = ?1 ORDER BY p.key",
        )
        .unwrap();
    stmt.query_map([key], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "milestone",
        "add",
        "deck-ready",
        "--title",
        "Deck ready",
        "--title-fr",
        "Présentation prête",
        "--due",
        "2030-05-10",
        "--owner",
        "Secretariat",
        "--depends-on",
        "c",
        "--depends-on",
        "b",
        "--duration",
        "3",
    ]);
    let expected = json!({
        "key": "deck-ready", "title": "Deck ready", "title_fr": "Présentation prête", "owner": "Secretariat",
        "due": "2030-05-10", "duration_days": 3, "depends_on": ["b", "c"], "status": "planned", "done_on": null, "note": null
    });
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("milestone"), &json!("deck-ready"), &json!("create")));
    assert_eq!(entry["before"], json!(null));
    assert_eq!(entry["after"], expected);
    assert_eq!(dependencies_in_store(&env, "deck-ready"), ["b", "c"]);

    assert_eq!(env.json_keys(&LIST), ["a", "b", "c", "d", "deck-ready"]);
    let mut listed = env.json_item(&LIST, "deck-ready");
    assert_eq!(listed["state"], "on_track");
    listed.as_object_mut().unwrap().remove("state");
    assert_eq!(listed, expected);
    assert_eq!(env.json_item(&LIST, "b")["state"], "overdue");
    assert_eq!(env.json_keys(&["milestone", "list", "--format", "json", "--owner", "Secretariat", "--as-of", AS_OF]), ["deck-ready"]);
    assert_eq!(env.json_keys(&["milestone", "list", "--format", "json", "--status", "done", "--as-of", AS_OF]), ["a"]);

    let rows = env.csv(&["milestone", "list", "--format", "csv", "--as-of", AS_OF]);
    assert_eq!(rows.len(), 5);
    let row = rows.iter().find(|r| r["key"] == "deck-ready").expect("in the CSV");
    for (field, value) in [
        ("title", "Deck ready"),
        ("title_fr", "Présentation prête"),
        ("owner", "Secretariat"),
        ("due", "2030-05-10"),
        ("duration_days", "3"),
        ("depends_on", "b;c"),
        ("status", "planned"),
        ("done_on", ""),
        ("state", "on_track"),
    ] {
        assert_eq!(row[field], value, "{field}");
    }
    let a = rows.iter().find(|r| r["key"] == "a").unwrap();
    assert_eq!((a["status"].as_str(), a["done_on"].as_str(), a["state"].as_str()), ("done", "2030-03-14", "done_on_time"));

    let table = env.stdout(&["milestone", "list", "--as-of", AS_OF]);
    let line = table.lines().find(|l| l.starts_with("deck-ready ")).unwrap_or_else(|| panic!("no line:\n{table}"));
    assert!(line.contains("Deck ready") && line.contains("2030-05-10") && line.contains("on track"), "{line}");

    let plan = env.export_toml();
    let exported = exported_item(&plan, "milestone", "deck-ready").expect("exported");
    assert_eq!(exported_list(exported, "depends_on").unwrap(), ["b", "c"]);
    assert_eq!(exported["duration_days"].as_integer(), Some(3));

    let dependency = env.refused(&["milestone", "add", "m2", "--title", "M", "--due", "2030-05-01", "--depends-on", "zz"]);
    assert!(dependency.contains("zz"), "{dependency}");
    let itself = env.refused(&["milestone", "add", "m2", "--title", "M", "--due", "2030-05-01", "--depends-on", "m2"]);
    assert!(itself.contains("m2"), "{itself}");
    let due = env.refused(&["milestone", "add", "m2", "--title", "M", "--due", "2030-04-31"]);
    assert!(due.contains("2030-04-31"), "{due}");
    let taken = env.refused(&["milestone", "add", "d", "--title", "M", "--due", "2030-05-01"]);
    assert!(taken.contains("'d'"), "{taken}");
    env.assert_clean();
}

/// The figures of `worked-example.md` as of 2030-04-10.
#[test]
fn show_gives_dependencies_dependents_forecast_slip_and_float() {
    let env = Env::worked();
    let text = env.stdout(&["milestone", "show", "b", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["key"], "b");
    assert_eq!(fields["due"], "2030-04-01");
    assert_eq!(fields["depends on"], "a");
    assert_eq!(fields["state"], "overdue");
    assert_eq!(fields["forecast"], "2030-04-10");
    assert_eq!(fields["slip"], "9 days behind");
    assert_eq!(fields["float"], "6 days");
    assert_eq!(section_keys(&text, "Depends on"), ["a"]);
    assert_eq!(section_keys(&text, "Needed by"), ["d"]);
    let journal = section_rows(&text, "Journal");
    assert_eq!(journal.len(), 1, "{text}");
    assert!(journal[0].contains("milestone b") && journal[0].contains("created"), "{text}");

    let a = env.stdout(&["milestone", "show", "a", "--as-of", AS_OF]);
    let fields = show_fields(&a);
    assert_eq!((fields["forecast"].as_str(), fields["slip"].as_str(), fields["float"].as_str()), ("2030-03-14", "1 day ahead", "13 days"));
    assert!(section_keys(&a, "Depends on").is_empty());
    assert_eq!(section_keys(&a, "Needed by"), ["b", "c"]);

    let d = env.stdout(&["milestone", "show", "d", "--as-of", AS_OF]);
    let fields = show_fields(&d);
    assert_eq!((fields["forecast"].as_str(), fields["slip"].as_str(), fields["float"].as_str()), ("2030-05-25", "on time", "6 days"));
    assert_eq!(section_keys(&d, "Depends on"), ["b", "c"]);
    assert!(section_keys(&d, "Needed by").is_empty());

    assert!(env.refused(&["milestone", "show", "e"]).starts_with("engage: unknown milestone 'e'"));
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::worked();
    // A cycle through three milestones (a → d → b → a) is refused with the keys on it.
    let cycle = env.refused(&["milestone", "set", "a", "--depends-on", "d"]);
    assert!(cycle.contains("cycle"), "{cycle}");
    for key in ["a", "b", "d"] {
        assert!(cycle.contains(&format!(" {key}")) || cycle.contains(&format!("{key} ")), "{key} in {cycle}");
    }
    let entry = env.write_one(&[
        "milestone",
        "set",
        "c",
        "--title",
        "Translation done",
        "--title-fr",
        "Traduction",
        "--owner",
        "Translation bureau",
        "--due",
        "2030-04-12",
        "--duration",
        "25",
        "--note",
        "Rush",
    ]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("milestone"), &json!("c"), &json!("update")));
    assert_eq!((&entry["before"]["due"], &entry["after"]["due"]), (&json!("2030-04-05"), &json!("2030-04-12")));
    assert_eq!((&entry["before"]["duration_days"], &entry["after"]["duration_days"]), (&json!(20), &json!(25)));
    let c = env.json_item(&LIST, "c");
    assert_eq!(
        (&c["title"], &c["owner"], &c["note"], &c["state"]),
        (&json!("Translation done"), &json!("Translation bureau"), &json!("Rush"), &json!("due_soon"))
    );

    // --depends-on replaces the list; the schedule follows.
    let entry = env.write_one(&["milestone", "set", "d", "--depends-on", "c"]);
    assert_eq!((&entry["before"]["depends_on"], &entry["after"]["depends_on"]), (&json!(["b", "c"]), &json!(["c"])));
    assert_eq!(dependencies_in_store(&env, "d"), ["c"]);
    assert_eq!(section_keys(&env.stdout(&["milestone", "show", "b", "--as-of", AS_OF]), "Needed by"), Vec::<String>::new());
    // forecast(d) = max(05-25, 04-12 + 45 = 05-27): two days behind.
    let d = show_fields(&env.stdout(&["milestone", "show", "d", "--as-of", AS_OF]));
    assert_eq!((d["forecast"].as_str(), d["slip"].as_str()), ("2030-05-27", "2 days behind"));

    // Clears: "" and --clear (depends_on empties the list).
    let entry = env.write_one(&["milestone", "set", "c", "--owner", ""]);
    assert_eq!((&entry["before"]["owner"], &entry["after"]["owner"]), (&json!("Translation bureau"), &json!(null)));
    let entry = env.write_one(&["milestone", "set", "c", "--clear", "title_fr", "--clear", "note", "--clear", "depends_on"]);
    assert_eq!(
        (&entry["after"]["title_fr"], &entry["after"]["note"], &entry["after"]["depends_on"]),
        (&json!(null), &json!(null), &json!([]))
    );
    assert!(dependencies_in_store(&env, "c").is_empty());
    let plan = env.export_toml();
    let exported = exported_item(&plan, "milestone", "c").unwrap();
    for field in ["owner", "title_fr", "note", "depends_on"] {
        assert!(!exported.contains_key(field), "{field}: {exported:?}");
    }
    assert_eq!(section_keys(&env.stdout(&["milestone", "show", "a"]), "Needed by"), ["b"]);

    env.unchanged(&["milestone", "set", "c", "--duration", "25"]);

    // Refused: a cycle (a → b → a), an unknown dependency, itself, bad values.
    let cycle = env.refused(&["milestone", "set", "a", "--depends-on", "b"]);
    assert!(cycle.contains("cycle") && (cycle.contains("a → b") || cycle.contains("b → a")), "{cycle}");
    let unknown = env.refused(&["milestone", "set", "c", "--depends-on", "zz"]);
    assert!(unknown.contains("unknown milestone 'zz'"), "{unknown}");
    let itself = env.refused(&["milestone", "set", "c", "--depends-on", "c"]);
    assert!(itself.contains("itself"), "{itself}");
    let duration = env.refused(&["milestone", "set", "c", "--duration", "many"]);
    assert!(duration.contains("many"), "{duration}");
    let due = env.refused(&["milestone", "set", "c", "--clear", "due"]);
    assert!(due.contains("due"), "{due}");
    let undated = env.refused(&["milestone", "set", "c", "--status", "done"]);
    assert!(undated.contains("done_on"), "{undated}");
    assert!(env.refused(&["milestone", "set", "e", "--owner", "X"]).starts_with("engage: unknown milestone 'e'"));
    env.assert_clean();
}

#[test]
fn every_tracking_verb() {
    let env = Env::worked();
    check_tracking_verbs(&env, "milestone", "milestone", "b", "2030-04-08", AS_OF);

    // Done, a milestone's forecast is its done date, and what depends on it moves.
    env.write_one(&["milestone", "done", "b", "--on", "2030-04-08"]);
    let b = show_fields(&env.stdout(&["milestone", "show", "b", "--as-of", AS_OF]));
    assert_eq!((b["forecast"].as_str(), b["slip"].as_str(), b["state"].as_str()), ("2030-04-08", "7 days behind", "done late"));
    // A milestone takes no --url.
    let url = env.refused(&["milestone", "done", "c", "--on", "2030-04-08", "--url", "https://example.org/"]);
    assert!(url.contains("--url"), "{url}");
}

/// An unknown key is refused in one line naming the nearest key.
#[test]
fn an_unknown_key_names_the_nearest() {
    let env = Env::worked();
    env.write_one(&["milestone", "add", "deck-ready", "--title", "Deck ready", "--due", "2030-05-10"]);
    for verb in ["done", "start", "block", "defer", "cancel", "reopen", "show", "remove"] {
        let line = env.refused(&["milestone", verb, "deck-redy"]);
        assert_eq!(line, "engage: unknown milestone 'deck-redy' (did you mean 'deck-ready'?)", "milestone {verb}");
    }
    let line = env.refused(&["milestone", "rename", "deck-redy", "deck"]);
    assert_eq!(line, "engage: unknown milestone 'deck-redy' (did you mean 'deck-ready'?)");
}

#[test]
fn rename_carries_the_dependents() {
    let env = Env::worked();
    let entries = env.write_journaled(&["milestone", "rename", "b", "review"], 2);
    assert_eq!((&entries[0]["kind"], &entries[0]["key"], &entries[0]["action"]), (&json!("milestone"), &json!("review"), &json!("update")));
    assert_eq!((&entries[0]["before"]["key"], &entries[0]["after"]["key"]), (&json!("b"), &json!("review")));
    assert_eq!(entries[0]["after"]["depends_on"], json!(["a"]));
    assert_eq!((&entries[1]["kind"], &entries[1]["key"], &entries[1]["action"]), (&json!("milestone"), &json!("d"), &json!("update")));
    assert_eq!((&entries[1]["before"]["depends_on"], &entries[1]["after"]["depends_on"]), (&json!(["b", "c"]), &json!(["c", "review"])));

    assert_eq!(dependencies_in_store(&env, "d"), ["c", "review"]);
    let plan = env.export_toml();
    assert!(exported_item(&plan, "milestone", "b").is_none());
    assert_eq!(exported_list(exported_item(&plan, "milestone", "d").unwrap(), "depends_on").unwrap(), ["c", "review"]);
    assert_eq!(env.json_item(&LIST, "d")["depends_on"], json!(["c", "review"]));
    let d = env.stdout(&["milestone", "show", "d", "--as-of", AS_OF]);
    assert_eq!(section_keys(&d, "Depends on"), ["c", "review"]);
    assert_eq!(section_keys(&env.stdout(&["milestone", "show", "a"]), "Needed by"), ["c", "review"]);
    // The schedule is the same under the new name.
    let review = show_fields(&env.stdout(&["milestone", "show", "review", "--as-of", AS_OF]));
    assert_eq!((review["forecast"].as_str(), review["float"].as_str()), ("2030-04-10", "6 days"));
    // Before, the tie between b and c went to b (worked-example.md); now c sorts before review.
    let status = env.json(&["status", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(status["critical_path"], json!(["c", "d"]), "ties go to the key that sorts first");
    env.assert_clean();

    let taken = env.refused(&["milestone", "rename", "review", "c"]);
    assert!(taken.contains("exists"), "{taken}");
    let bad = env.refused(&["milestone", "rename", "review", "Review"]);
    assert!(bad.contains("Review"), "{bad}");
}

#[test]
fn remove_is_refused_while_dependents_need_it() {
    let env = Env::worked();
    let refused = env.refused(&["milestone", "remove", "a"]);
    assert!(refused.contains("'a'") && refused.contains("milestone b") && refused.contains("milestone c"), "{refused}");

    // Nothing depends on d: it goes, its own dependencies with it.
    let entry = env.write_one(&["milestone", "remove", "d"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("milestone"), &json!("d"), &json!("delete")));
    assert_eq!(
        entry["before"],
        json!({"key": "d", "title": "Launch", "title_fr": null, "owner": null, "due": "2030-05-25", "duration_days": 45,
               "depends_on": ["b", "c"], "status": "planned", "done_on": null, "note": null})
    );
    assert_eq!(entry["after"], json!(null));
    assert_eq!(env.json_keys(&LIST), ["a", "b", "c"]);
    assert!(exported_item(&env.export_toml(), "milestone", "d").is_none());
    let edges: i64 = env.conn().query_row("SELECT count(*) FROM milestone_dependency", [], |r| r.get(0)).unwrap();
    assert_eq!(edges, 2, "b → a and c → a remain");
    assert!(section_keys(&env.stdout(&["milestone", "show", "b"]), "Needed by").is_empty());
    env.assert_clean();

    // Then b, and a is needed by c alone.
    env.write_one(&["milestone", "remove", "b"]);
    let refused = env.refused(&["milestone", "remove", "a"]);
    assert!(refused.ends_with("milestone c"), "{refused}");
    let unknown = env.refused(&["milestone", "remove", "b"]);
    assert!(unknown.starts_with("engage: unknown milestone 'b'"), "{unknown}");
}

/// "As of a past date": the demo campaign as of 2018-07-17, the day before it starts, counts
/// nothing done, although its store records items done later.
#[test]
fn demo_as_of_before_anything_was_done() {
    let env = Env::new();
    env.engage().arg("demo").assert().success();
    check_nothing_done_on_2018_07_17(&env);
}

/// The same from the seed plan file applied to a new store.
#[test]
fn seed_plan_as_of_before_anything_was_done() {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(common::seed_path()).assert().success();
    check_nothing_done_on_2018_07_17(&env);
}

fn check_nothing_done_on_2018_07_17(env: &Env) {
    // Today, the store records done items, some done after 2018-07-17.
    let now = env.csv(&["export", "progress"]);
    let done_now: Vec<_> = now.iter().filter(|r| r["status"] == "done").collect();
    assert!(!done_now.is_empty(), "the campaign records done items");
    assert!(done_now.iter().all(|r| r["done_on"].as_str() > "2018-07-17"), "nothing was done before the campaign");

    let status = env.json(&["status", "--as-of", "2018-07-17", "--format", "json"]);
    assert_eq!(status["as_of"], "2018-07-17");
    assert_eq!(status["percent_complete"].as_f64(), Some(0.0));
    assert_eq!(status["done"], 0);
    let counts = status["counts"].as_object().expect("counts per kind");
    assert!(!counts.is_empty());
    for (kind, states) in counts {
        for state in ["done_on_time", "done_late"] {
            assert_eq!(states[state], 0, "{kind} {state} as of 2018-07-17");
        }
    }
    for (order, reach) in status["reach"].as_object().expect("reach per order") {
        assert_eq!(reach["reached"], 0, "{order} reached as of 2018-07-17");
    }

    // export progress: each item done since shows planned, with no done date.
    let then = env.csv(&["export", "progress", "--as-of", "2018-07-17"]);
    assert_eq!(then.len(), now.len());
    assert!(then.iter().all(|r| r["status"] != "done" && r["done_on"].is_empty()), "nothing done as of 2018-07-17");
    for done in &done_now {
        let row = then.iter().find(|r| r["kind"] == done["kind"] && r["key"] == done["key"]).expect("the same item");
        assert_eq!((row["status"].as_str(), row["done_on"].as_str()), ("planned", ""), "{} {}", done["kind"], done["key"]);
        assert!(!row["state"].starts_with("done"), "{row:?}");
        assert_eq!(row["variance_days"], "", "{row:?}");
    }

    // The lists say the same.
    let milestones = env.json(&["milestone", "list", "--format", "json", "--as-of", "2018-07-17"]);
    assert!(milestones.as_array().unwrap().iter().all(|m| m["status"] != "done" && m["done_on"].is_null()), "{milestones:#}");
}

#[test]
fn history_follows_an_item_through_its_renames() {
    let env = Env::worked();
    env.engage().args(["milestone", "start", "c"]).assert().success();
    env.engage().args(["milestone", "rename", "c", "c2"]).assert().success();
    env.engage().args(["milestone", "rename", "c2", "c3"]).assert().success();
    // A new item takes the first key: its history is its own.
    env.engage().args(["milestone", "add", "c", "--title", "New C", "--due", "2030-06-01"]).assert().success();
    let history = env.json(&["history", "c3", "--format", "json"]);
    let rows: Vec<(String, String)> = history
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| (e["key"].as_str().unwrap().to_string(), e["action"].as_str().unwrap().to_string()))
        .collect();
    let keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(&keys[..3], ["c3", "c2", "c"], "{rows:?}");
    assert_eq!(rows.last().map(|(_, a)| a.as_str()), Some("create"), "the creation is in the history: {rows:?}");
    let new_c = env.json(&["history", "c", "--format", "json"]);
    let new_c = new_c.as_array().expect("an array");
    assert_eq!(new_c.len(), 1, "only the new item's creation: {new_c:?}");
    assert_eq!(new_c[0]["after"]["title"], "New C");
}
