//! Expected results, end to end: add, list, show, set, record, rename and remove; bad input
//! (a target ≤ 0, a value that is not a number, a measurement before the campaign's start); the
//! plan file and its round trip; `status` (table and JSON) and the report's results section
//! parsed back from the HTML, as of a past date too.

mod common;

use common::{AS_OF, Env, exported, exported_item, section_rows, show_fields};
use scraper::{ElementRef, Html, Selector};
use serde_json::json;

const LIST: [&str; 6] = ["result", "list", "--format", "json", "--as-of", AS_OF];

/// The worked example with two results: `aware` (federal, target 40) measured twice before
/// as-of and once after it, and `pilots` (no order, target 5) not measured yet.
fn with_results() -> Env {
    let env = Env::worked();
    let run = |args: &[&str]| {
        env.engage().args(args).assert().success();
    };
    run(&["result", "add", "aware", "--title", "Awareness", "--title-fr", "Sensibilisation", "--order", "federal", "--target", "40"]);
    run(&["result", "set", "aware", "--unit", "organizations"]);
    run(&["result", "record", "aware", "12", "--on", "2030-03-20", "--note", "Survey"]);
    run(&["result", "record", "aware", "18.5", "--on", "2030-04-01"]);
    run(&["result", "record", "aware", "30", "--on", "2030-04-20"]);
    run(&["result", "add", "pilots", "--title", "Pilots started", "--target", "5"]);
    env
}

/// The measurements of a result in the store: (day, value), by day.
fn measures_in_store(env: &Env, key: &str) -> Vec<(String, f64)> {
    let conn = env.conn();
    let mut stmt = conn
        .prepare(
            "SELECT m.measured_on, m.value FROM result_measure m JOIN expected_result r ON r.id = m.result_id \
             WHERE r.key = ?1 ORDER BY m.measured_on",
        )
        .unwrap();
    stmt.query_map([key], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "result",
        "add",
        "aware",
        "--title",
        "Awareness",
        "--order",
        "federal",
        "--target",
        "40",
        "--unit",
        "organizations",
        "--due",
        "2030-05-31",
        "--note",
        "Illustrative",
    ]);
    let expected = json!({
        "key": "aware", "title": "Awareness", "title_fr": null, "order": "federal", "target": 40.0, "unit": "organizations",
        "due": "2030-05-31", "note": "Illustrative", "measures": []
    });
    assert_eq!((&entry["kind"], &entry["action"]), (&json!("result"), &json!("create")));
    assert_eq!(entry["after"], expected);
    let listed = env.json_item(&LIST, "aware");
    assert_eq!((&listed["value"], &listed["measured_on"], &listed["percent_of_target"]), (&json!(null), &json!(null), &json!(null)));
    assert_eq!(listed["target"], 40.0);

    let rows = env.csv(&["result", "list", "--format", "csv", "--as-of", AS_OF]);
    assert_eq!((rows[0]["key"].as_str(), rows[0]["order"].as_str(), rows[0]["target"].as_str()), ("aware", "federal", "40"));
    let table = env.stdout(&["result", "list", "--as-of", AS_OF]);
    assert!(table.lines().any(|l| l.starts_with("aware ") && l.contains("Awareness") && l.contains("40")), "{table}");

    for (target, says) in [("0", "more than 0"), ("-3", "more than 0"), ("many", "'many' is not a number"), ("NaN", "not a number")] {
        let line = env.refused(&["result", "add", "r2", "--title", "T", "--target", target]);
        assert!(line.contains(says), "--target {target}: {line}");
    }
    let taken = env.refused(&["result", "add", "aware", "--title", "T", "--target", "1"]);
    assert!(taken.contains("'aware'") && taken.contains("result set"), "{taken}");
    env.assert_clean();
}

#[test]
fn record_takes_a_number_on_a_day_and_replaces_that_day() {
    let env = with_results();
    assert_eq!(measures_in_store(&env, "aware"), [("2030-03-20".into(), 12.0), ("2030-04-01".into(), 18.5), ("2030-04-20".into(), 30.0)]);

    let entry = env.write_one(&["result", "record", "aware", "19", "--on", "2030-04-01", "--note", "Recount"]);
    assert_eq!(entry["action"], "update");
    assert_eq!(entry["before"]["measures"][1], json!({"on": "2030-04-01", "value": 18.5, "note": null}));
    assert_eq!(entry["after"]["measures"][1], json!({"on": "2030-04-01", "value": 19.0, "note": "Recount"}));
    assert_eq!(measures_in_store(&env, "aware").len(), 3);
    env.unchanged(&["result", "record", "aware", "19", "--on", "2030-04-01", "--note", "Recount"]);

    // Without --on: today, which is before the worked example's campaign starts (2030).
    let today = chrono::Local::now().date_naive().to_string();
    let now = env.refused(&["result", "record", "pilots", "1"]);
    assert!(now.contains(&today), "{now}");

    let value = env.refused(&["result", "record", "aware", "twelve", "--on", "2030-04-02"]);
    assert!(value.contains("'twelve' is not a number"), "{value}");
    let early = env.refused(&["result", "record", "aware", "3", "--on", "2030-02-28"]);
    assert!(early.contains("2030-02-28") && early.contains("2030-03-01"), "{early}");
    let unknown = env.refused(&["result", "record", "awre", "3"]);
    assert!(unknown.contains("unknown result 'awre'") && unknown.contains("'aware'"), "{unknown}");
    let date = env.refused(&["result", "record", "aware", "3", "--on", "2030-04-31"]);
    assert!(date.contains("2030-04-31"), "{date}");
    // A negative value is a number.
    env.write_one(&["result", "record", "aware", "-1", "--on", "2030-04-03"]);
    env.assert_clean();
}

#[test]
fn show_gives_the_value_and_the_measurements_as_of_a_day() {
    let env = with_results();
    let text = env.stdout(&["result", "show", "aware", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["value"], "18.5");
    assert_eq!(fields["% of target"], "46.3%");
    assert_eq!(fields["measured on"], "2030-04-01");
    let rows = section_rows(&text, "Measurements");
    assert_eq!(rows.len(), 2, "the measurement after as-of does not count:\n{text}");
    assert!(rows[0].contains("2030-03-20") && rows[0].contains("12") && rows[0].contains("Survey"), "{text}");
    let later = show_fields(&env.stdout(&["result", "show", "aware", "--as-of", "2030-05-01"]));
    assert_eq!(later["value"], "30");
    let french = env.stdout(&["--lang", "fr", "result", "show", "aware", "--as-of", AS_OF]);
    assert!(french.contains("Sensibilisation") && french.contains("18,5") && french.contains("46,3\u{a0}%"), "{french}");
}

#[test]
fn set_rename_and_remove() {
    let env = with_results();
    let entry = env.write_one(&["result", "set", "aware", "--target", "50", "--clear", "order"]);
    assert_eq!((&entry["before"]["target"], &entry["after"]["target"]), (&json!(40.0), &json!(50.0)));
    assert_eq!(entry["after"]["order"], json!(null));
    assert_eq!(entry["after"]["measures"], entry["before"]["measures"], "set keeps the measurements");
    for target in ["0", "-1"] {
        let line = env.refused(&["result", "set", "aware", "--target", target]);
        assert!(line.contains("more than 0"), "{line}");
    }
    env.write_one(&["result", "rename", "aware", "awareness"]);
    assert_eq!(measures_in_store(&env, "awareness").len(), 3, "the measurements follow");
    assert_eq!(env.json_keys(&LIST), ["awareness", "pilots"]);
    let entry = env.write_one(&["result", "remove", "awareness"]);
    assert_eq!(entry["action"], "delete");
    assert!(measures_in_store(&env, "awareness").is_empty());
    env.assert_clean();
}

#[test]
fn status_reports_results_as_of_a_day_outside_percent_complete() {
    let env = with_results();
    let status = env.json(&["status", "--as-of", AS_OF, "--format", "json"]);
    let results = status["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let aware = &results[0];
    assert_eq!(
        (&aware["key"], &aware["target"], &aware["value"], &aware["measured_on"], &aware["percent_of_target"]),
        (&json!("aware"), &json!(40.0), &json!(18.5), &json!("2030-04-01"), &json!(46.3))
    );
    let pilots = &results[1];
    assert_eq!((&pilots["value"], &pilots["measured_on"], &pilots["percent_of_target"]), (&json!(null), &json!(null), &json!(null)));
    // Results take no part in percent complete: the worked example's 3 of 9.
    assert_eq!((&status["done"], &status["counted"]), (&json!(3), &json!(9)));
    assert!(status["counts"].get("result").is_none());

    // Before the first measurement, nothing is measured yet; after the last, it counts.
    let early = env.json(&["status", "--as-of", "2030-03-19", "--format", "json"]);
    assert_eq!(early["results"][0]["value"], json!(null));
    let late = env.json(&["status", "--as-of", "2030-05-01", "--format", "json"]);
    assert_eq!((&late["results"][0]["value"], &late["results"][0]["percent_of_target"]), (&json!(30.0), &json!(75.0)));

    let table = env.stdout(&["status", "--as-of", AS_OF]);
    let section = table.split("Expected results").nth(1).unwrap_or_else(|| panic!("no results in:\n{table}"));
    let aware = section.lines().find(|l| l.starts_with("aware ")).unwrap();
    assert!(
        aware.contains("18.5") && aware.contains("40 organizations") && aware.contains("46.3%") && aware.contains("federal"),
        "{aware}"
    );
    let pilots = section.lines().find(|l| l.starts_with("pilots ")).unwrap();
    assert!(pilots.contains("not measured yet"), "{pilots}");
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn attr<'a>(el: ElementRef<'a>, name: &str) -> Option<&'a str> {
    el.value().attr(name)
}

#[test]
fn the_report_shows_results_by_order_with_a_bar_and_a_trend() {
    let env = with_results();
    let html = Html::parse_document(&env.stdout(&["report", "--as-of", AS_OF]));
    assert_eq!(select(&html, "section#results").len(), 1);
    assert_eq!(select(&html, "section#actions").len(), 1);
    let groups: Vec<&str> = select(&html, "#results .result-group").into_iter().filter_map(|g| attr(g, "data-order")).collect();
    assert_eq!(groups, ["federal", "none"], "grouped by order of government, then the whole campaign");

    let aware = select(&html, "#results .result-group[data-order=federal] tr.result");
    assert_eq!(aware.len(), 1);
    let row = aware[0];
    assert_eq!(attr(row, "data-key"), Some("aware"));
    assert_eq!((attr(row, "data-target"), attr(row, "data-value")), (Some("40"), Some("18.5")));
    assert_eq!((attr(row, "data-measured-on"), attr(row, "data-percent")), (Some("2030-04-01"), Some("46.3")));
    let bar = select(&html, "tr.result[data-key=aware] svg.result-bar rect.value");
    assert_eq!(attr(bar[0], "width"), Some("83.3"), "46.3 % of 180");
    let points: Vec<(&str, &str)> = select(&html, "tr.result[data-key=aware] svg.trend circle.point")
        .into_iter()
        .map(|c| (attr(c, "data-on").unwrap(), attr(c, "data-value").unwrap()))
        .collect();
    assert_eq!(points, [("2030-03-20", "12"), ("2030-04-01", "18.5")], "the measurement after as-of is not drawn");
    assert_eq!(select(&html, "tr.result[data-key=aware] svg.trend polyline").len(), 1);
    assert_eq!(attr(select(&html, "tr.result[data-key=aware] svg.trend line.target")[0], "data-value"), Some("40"));

    let pilots = select(&html, "#results .result-group[data-order=none] tr.result[data-key=pilots]");
    assert_eq!((attr(pilots[0], "data-value"), attr(pilots[0], "data-percent")), (None, None));
    assert!(pilots[0].text().collect::<String>().contains("not measured yet"));

    let french = Html::parse_document(&env.stdout(&["--lang", "fr", "report", "--as-of", AS_OF]));
    let h2 = select(&french, "#results h2")[0].text().collect::<String>();
    assert!(h2.contains("Résultats attendus"), "{h2}");
    let later = Html::parse_document(&env.stdout(&["report", "--as-of", "2030-05-01"]));
    assert_eq!(select(&later, "tr.result[data-key=aware] svg.trend circle.point").len(), 3);
}

#[test]
fn the_plan_file_round_trip_keeps_results_and_their_measurements() {
    let env = with_results();
    let plan = env.export_toml();
    let aware = exported_item(&plan, "result", "aware").expect("exported");
    assert_eq!((aware["order"].as_str(), aware["target"].as_float()), (Some("federal"), Some(40.0)));
    assert_eq!(aware["measure"].as_array().map(Vec::len), Some(3));
    assert_eq!(exported(&plan, "result").len(), 2);

    let text = env.export();
    let other = Env::new();
    other.apply("plan.toml", &text);
    assert_eq!(other.export(), text, "apply then export gives the same file");
    let again = other.engage().args(["plan", "apply"]).arg(other.path("plan.toml")).assert().success();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("nothing to change"));

    // A file that leaves a measurement out does not take it back.
    let without = text.replacen("[[result.measure]]\non = 2030-04-20\nvalue = 30.0\n", "", 1);
    assert_ne!(without, text);
    other.apply("without.toml", &without);
    assert_eq!(measures_in_store(&other, "aware").len(), 3);
}

#[test]
fn a_plan_file_with_bad_results_is_refused_whole() {
    let env = Env::worked();
    let file = env.write(
        "bad.toml",
        "[[result]]\nkey = \"a\"\ntitle = \"A\"\ntarget = 0\n\n\
         [[result]]\nkey = \"b\"\ntitle = \"B\"\ntarget = 10\n\n\
         [[result.measure]]\non = 2030-02-01\nvalue = 3\n\n\
         [[result.measure]]\non = 2030-03-02\nvalue = \"three\"\n\n\
         [[result]]\nkey = \"c\"\ntitle = \"C\"\n",
    );
    let before = env.dump();
    let out = env.engage().args(["plan", "apply"]).arg(&file).assert().code(2).get_output().stderr.clone();
    let problems = common::problems(&String::from_utf8_lossy(&out), &file.display().to_string());
    let lines: Vec<u32> = problems.iter().map(|p| p.0).collect();
    assert_eq!(lines, [4, 11, 17, 19], "{problems:?}");
    assert!(problems[0].2.contains("more than 0"), "{problems:?}");
    assert!(problems[1].2.contains("before the campaign's start"), "{problems:?}");
    assert!(problems[2].2.contains("must be a number"), "{problems:?}");
    assert!(problems[3].2.contains("'target' is required"), "{problems:?}");
    assert_eq!(env.dump(), before);
}

#[test]
fn the_seed_campaign_has_its_three_expected_results_marked_illustrative() {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(common::seed_path()).assert().success();
    let status = env.json(&["status", "--as-of", "2018-09-20", "--format", "json"]);
    let keys: Vec<&str> = status["results"].as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["awareness", "discussions", "implementation"]);
    for r in status["results"].as_array().unwrap() {
        assert!(r["note"].as_str().unwrap().starts_with("Illustrative"), "{r}");
    }
    // The symposium's figures of October do not count as of 2018-09-20.
    assert_eq!(status["results"][0]["measured_on"], "2018-09-14");
}
