//! Reach from evidence, end to end, on the reach example (`fixtures/reach.toml`, whose header lists
//! its events): as of dates before and after each event; `engage reach` in every format with the
//! next opportunity; status's reach by order; attendance and undated meetings; the privacy rule;
//! and the plan round trip of everything new.

mod common;

use common::{Env, REACH, exported_item, exported_list, kka};
use serde_json::json;

const ORGS: [&str; 7] = ["agency", "band", "city", "fed", "prov", "solo", "terr"];

/// `reached_on` per organization (in key order) as of `as_of`, from `reach --format json`.
fn reached_on(env: &Env, as_of: &str) -> Vec<Option<String>> {
    let list = env.json(&["reach", "--format", "json", "--as-of", as_of]);
    let list = list.as_array().unwrap();
    let keys: Vec<&str> = list.iter().map(|o| o["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ORGS, "one object per organization, sorted by key");
    list.iter()
        .map(|o| {
            assert_eq!(o["reached"], json!(!o["reached_on"].is_null()), "{o}");
            o["reached_on"].as_str().map(str::to_string)
        })
        .collect()
}

fn dates(row: [Option<&str>; 7]) -> Vec<Option<String>> {
    row.iter().map(|d| d.map(str::to_string)).collect()
}

/// The case table: for each as-of date, the expected `reached_on` of agency, band, city, fed,
/// prov, solo, terr.
#[test]
fn reached_on_as_of_dates_before_and_after_each_event() {
    let env = Env::reach();
    let n = None;
    let cases: [(&str, [Option<&str>; 7]); 12] = [
        ("2030-01-01", [n, n, n, n, n, n, n]),
        ("2030-03-09", [n, n, n, n, n, n, n]),
        // council-mar: attendance recorded, fed only.
        ("2030-03-10", [n, n, n, Some("2030-03-10"), n, n, n]),
        // north-mar: attendance recorded as nobody; terr is not reached.
        ("2030-03-15", [n, n, n, Some("2030-03-10"), n, n, n]),
        ("2030-03-31", [n, n, n, Some("2030-03-10"), n, n, n]),
        // deck sent to prov.
        ("2030-04-01", [n, n, n, Some("2030-03-10"), Some("2030-04-01"), n, n]),
        ("2030-04-04", [n, n, n, Some("2030-03-10"), Some("2030-04-01"), n, n]),
        // council-apr, no attendance recorded: every member; the earlier dates stay.
        ("2030-04-05", [Some("2030-04-05"), n, n, Some("2030-03-10"), Some("2030-04-01"), n, n]),
        ("2030-04-14", [Some("2030-04-05"), n, n, Some("2030-03-10"), Some("2030-04-01"), n, n]),
        // The city's bulletin.
        ("2030-04-15", [Some("2030-04-05"), n, Some("2030-04-15"), Some("2030-03-10"), Some("2030-04-01"), n, n]),
        ("2030-04-19", [Some("2030-04-05"), n, Some("2030-04-15"), Some("2030-03-10"), Some("2030-04-01"), n, n]),
        // deck-fr to tess, of terr. band (membership, planned distribution) and solo never.
        ("2030-12-31", [Some("2030-04-05"), n, Some("2030-04-15"), Some("2030-03-10"), Some("2030-04-01"), n, Some("2030-04-20")]),
    ];
    for (as_of, expected) in cases {
        assert_eq!(reached_on(&env, as_of), dates(expected), "as of {as_of}");
    }
    assert_eq!(reached_on(&env, "2030-04-20")[6].as_deref(), Some("2030-04-20"));
}

/// The counts of what reached each organization, as of dates after each event.
#[test]
fn counts_meetings_channels_and_distributions() {
    let env = Env::reach();
    let counts = |as_of: &str| -> Vec<(String, i64, i64, i64)> {
        env.json(&["reach", "--format", "json", "--as-of", as_of])
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                let mut keys: Vec<&String> = o.as_object().unwrap().keys().collect();
                keys.sort();
                let mut want = ["key", "name", "order", "reached", "reached_on", "meetings", "channels", "distributions"];
                want.sort();
                assert_eq!(keys, want, "exactly the fields of DESIGN: {o}");
                let n = |f: &str| o[f].as_i64().unwrap();
                (o["key"].as_str().unwrap().to_string(), n("meetings"), n("channels"), n("distributions"))
            })
            .collect()
    };
    let c = |k: &str, m, ch, d| (k.to_string(), m, ch, d);
    // fed: council-mar counts once although two of its items were done.
    assert_eq!(
        counts("2030-04-04"),
        [
            c("agency", 0, 0, 0),
            c("band", 0, 0, 0),
            c("city", 0, 0, 0),
            c("fed", 1, 0, 0),
            c("prov", 0, 0, 1),
            c("solo", 0, 0, 0),
            c("terr", 0, 0, 0)
        ]
    );
    assert_eq!(
        counts("2030-12-31"),
        [
            c("agency", 1, 0, 0),
            c("band", 0, 0, 0),
            c("city", 0, 1, 0),
            c("fed", 2, 0, 0),
            c("prov", 1, 0, 1),
            c("solo", 0, 0, 0),
            c("terr", 0, 0, 1)
        ]
    );
    let fed = env.json_item(&["reach", "--format", "json", "--as-of", "2030-12-31"], "fed");
    assert_eq!((&fed["name"], &fed["order"]), (&json!("A federal department"), &json!("federal")));
}

/// status's reach per order (same shape as before: reached, total, not_reached).
#[test]
fn status_reach_by_order() {
    let env = Env::reach();
    let reach = |as_of: &str| env.json(&["status", "--format", "json", "--as-of", as_of])["reach"].clone();
    let order = |r: i64, t: i64, not: &[&str]| json!({"reached": r, "total": t, "not_reached": not});
    assert_eq!(
        reach("2030-03-09"),
        json!({
            "federal": order(0, 2, &["agency", "fed"]), "provincial": order(0, 1, &["prov"]),
            "territorial": order(0, 1, &["terr"]), "municipal": order(0, 1, &["city"]),
            "indigenous": order(0, 1, &["band"]), "other": order(0, 1, &["solo"])
        })
    );
    assert_eq!(reach("2030-03-10")["federal"], order(1, 2, &["agency"]));
    assert_eq!(reach("2030-04-05")["federal"], order(2, 2, &[]));
    assert_eq!(reach("2030-04-14")["municipal"], order(0, 1, &["city"]));
    assert_eq!(reach("2030-04-15")["municipal"], order(1, 1, &[]));
    let end = reach("2030-12-31");
    assert_eq!(end["territorial"], order(1, 1, &[]));
    assert_eq!(end["indigenous"], order(0, 1, &["band"]), "a membership and a planned distribution reach no one");
    assert_eq!(end["other"], order(0, 1, &["solo"]));
}

/// The table and CSV forms give the next opportunity: the next dated meeting after as-of of a
/// table the organization belongs to, and the planned distributions to it.
#[test]
fn next_opportunity_in_table_and_csv() {
    let env = Env::reach();
    let rows = env.csv(&["reach", "--format", "csv", "--as-of", "2030-04-10"]);
    let row = |k: &str| rows.iter().find(|r| r["key"] == k).unwrap_or_else(|| panic!("{k}: {rows:?}"));
    assert_eq!(rows.iter().map(|r| r["key"].as_str()).collect::<Vec<_>>(), ORGS);
    for (key, reached, meeting, date, planned) in [
        ("agency", "true", "", "", ""),
        ("band", "false", "", "", "deck"),
        ("city", "false", "mayors-may", "2030-05-01", ""),
        // north-next has no date: not an opportunity yet.
        ("terr", "false", "", "", "deck-fr"),
        ("solo", "false", "", "", ""),
    ] {
        let r = row(key);
        assert_eq!(
            (r["reached"].as_str(), r["next_meeting"].as_str(), r["next_meeting_date"].as_str(), r["planned"].as_str()),
            (reached, meeting, date, planned),
            "{key}: {r:?}"
        );
    }
    assert_eq!((row("prov")["reached_on"].as_str(), row("prov")["distributions"].as_str()), ("2030-04-01", "1"));
    // Before council-mar, its members' next meeting is council-mar; on its day, the next one.
    let rows = env.csv(&["reach", "--format", "csv", "--as-of", "2030-03-09"]);
    let agency = rows.iter().find(|r| r["key"] == "agency").unwrap();
    assert_eq!((agency["next_meeting"].as_str(), agency["next_meeting_date"].as_str()), ("council-mar", "2030-03-10"));
    let rows = env.csv(&["reach", "--format", "csv", "--as-of", "2030-03-10"]);
    let agency = rows.iter().find(|r| r["key"] == "agency").unwrap();
    assert_eq!((agency["next_meeting"].as_str(), agency["next_meeting_date"].as_str()), ("council-apr", "2030-04-05"));

    let table = env.stdout(&["reach", "--as-of", "2030-04-10"]);
    let line = |k: &str| table.lines().find(|l| l.starts_with(&format!("{k} "))).unwrap_or_else(|| panic!("{k}:\n{table}")).to_string();
    assert!(line("city").contains("mayors-may") && line("city").contains("2030-05-01"), "{table}");
    assert!(line("band").contains("deck"), "{table}");
    assert!(line("fed").contains("2030-03-10"), "{table}");
    assert!(line("solo").contains("not reached"), "{table}");
    let fr = env.stdout(&["--lang", "fr", "reach", "--as-of", "2030-04-10"]);
    assert!(!fr.contains("not reached"), "{fr}");
    assert!(fr.lines().any(|l| l.starts_with("city ") && l.contains("mayors-may")), "{fr}");

    assert!(env.refused(&["reach", "--as-of", "2030-02-30"]).contains("2030-02-30"));
    assert!(env.refused(&["reach", "--format", "xml"]).contains("xml"));
}

/// Recording attendance changes who a meeting reached; clearing it gives the table's members back.
#[test]
fn attendance_decides_who_a_meeting_reached() {
    let env = Env::reach();
    let entry = env.write_one(&["meeting", "attend", "council-apr", "fed"]);
    assert_eq!(kka(&entry), ("meeting".into(), "council-apr".into(), "update".into()));
    assert_eq!((&entry["before"]["attended"], &entry["after"]["attended"]), (&json!(null), &json!(["fed"])));
    let agency = env.json_item(&["reach", "--format", "json", "--as-of", "2030-12-31"], "agency");
    assert_eq!((&agency["reached"], &agency["meetings"]), (&json!(false), &json!(0)));
    let prov = env.json_item(&["reach", "--format", "json", "--as-of", "2030-12-31"], "prov");
    assert_eq!((&prov["reached_on"], &prov["meetings"], &prov["distributions"]), (&json!("2030-04-01"), &json!(0), &json!(1)));

    // north-mar: attendance recorded as nobody. Cleared, its members count: terr from 2030-03-15.
    let entry = env.write_one(&["meeting", "set", "north-mar", "--clear", "attended"]);
    assert_eq!((&entry["before"]["attended"], &entry["after"]["attended"]), (&json!([]), &json!(null)));
    let terr = env.json_item(&["reach", "--format", "json", "--as-of", "2030-12-31"], "terr");
    assert_eq!((&terr["reached_on"], &terr["meetings"]), (&json!("2030-03-15"), &json!(1)));

    // One who is not a member may attend, and is reached.
    env.write_one(&["meeting", "attend", "council-mar", "solo"]);
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-03-10"], "solo")["reached_on"], "2030-03-10");

    // A meeting attended whose agenda is not done yet reaches no one; done, from its done date.
    env.write_one(&["meeting", "attend", "mayors-may", "city", "band"]);
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-12-31"], "band")["reached"], false);
    env.write_one(&["agenda", "done", "mayors-may/workshop", "--on", "2030-05-02"]);
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-05-01"], "band")["reached"], false);
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-05-02"], "band")["reached_on"], "2030-05-02");
    assert!(env.refused(&["meeting", "attend", "council-apr", "nobody"]).contains("nobody"));
    // A person is no organization: attendance is by organization.
    assert!(env.refused(&["meeting", "attend", "council-apr", "tess"]).contains("tess"));
}

/// A meeting without a date: its agenda is unscheduled, it is no next opportunity and not
/// upcoming; its outcome is kept; done, its item reaches the table's members.
#[test]
fn a_meeting_without_a_date() {
    let env = Env::reach();
    let entry = env.write_one(&["meeting", "add", "mayors-next", "--table", "mayors"]);
    assert_eq!(kka(&entry), ("meeting".into(), "mayors-next".into(), "create".into()));
    assert_eq!(entry["after"]["date"], json!(null));
    env.write_one(&["agenda", "add", "mayors-next/guide", "--topic", "The guide"]);
    let items = env.json(&["agenda", "list", "--format", "json", "--as-of", "2030-04-10"]);
    for key in ["mayors-next/guide", "north-next/guide"] {
        let item = common::find_key(&items, key).unwrap();
        assert_eq!((&item["date"], &item["state"]), (&json!(null), &json!("unscheduled")), "{key}");
    }
    let upcoming = env.json(&["upcoming", "--format", "json", "--as-of", "2030-04-10", "--within", "400"]);
    let keys: Vec<&str> = upcoming.as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert!(!keys.iter().any(|k| k.contains("next")), "{keys:?}");
    assert!(keys.contains(&"mayors-may"), "{keys:?}");

    let entry = env.write_one(&["meeting", "set", "north-next", "--outcome", "Asked for a date"]);
    assert_eq!(entry["after"]["outcome"], "Asked for a date");
    assert_eq!(env.json_item(&["meeting", "list", "--format", "json"], "north-next")["outcome"], "Asked for a date");

    env.write_one(&["agenda", "done", "north-next/guide", "--on", "2030-04-18"]);
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-04-17"], "terr")["reached"], false);
    let terr = env.json_item(&["reach", "--format", "json", "--as-of", "2030-04-18"], "terr");
    assert_eq!((&terr["reached_on"], &terr["meetings"]), (&json!("2030-04-18"), &json!(1)));

    // Given a date, it is upcoming and the next opportunity.
    env.write_one(&["meeting", "set", "mayors-next", "--date", "2030-04-20"]);
    assert_eq!(env.json_item(&["agenda", "list", "--format", "json", "--as-of", "2030-04-10"], "mayors-next/guide")["state"], "on_track");
    let city = env.csv(&["reach", "--format", "csv", "--as-of", "2030-04-10"]).into_iter().find(|r| r["key"] == "city").unwrap();
    // city is reached on 2030-04-15 only: as of 2030-04-10 its next meeting is mayors-next.
    assert_eq!((city["next_meeting"].as_str(), city["next_meeting_date"].as_str()), ("mayors-next", "2030-04-20"));
}

/// Distributions are a ledger, not deadlines: not in upcoming, percent_complete or export progress.
#[test]
fn distributions_are_not_deadlines() {
    let env = Env::reach();
    let before = env.json(&["status", "--format", "json", "--as-of", "2030-05-25"])["percent_complete"].clone();
    let upcoming = env.stdout(&["upcoming", "--format", "csv", "--as-of", "2030-05-25", "--within", "30"]);
    assert!(!upcoming.contains("deck/band") && !upcoming.contains("distribution"), "{upcoming}");
    let progress = env.stdout(&["export", "progress", "--as-of", "2030-05-25"]);
    assert!(!progress.contains("deck/band") && !progress.contains("distribution"), "{progress}");
    env.write_journaled(&["send", "deck", "--to", "band", "solo", "--on", "2030-05-20"], 2);
    assert_eq!(env.json(&["status", "--format", "json", "--as-of", "2030-05-25"])["percent_complete"], before);
}

const NAME_PARTS: [&str; 4] = ["Tessaly", "Quorndrip", "tq.private", "example.net"];

/// A person's name and email never appear in status, upcoming, export progress, report or
/// export ics, in any format or language, although what was sent to them counts.
#[test]
fn names_and_emails_stay_in_the_register() {
    let env = Env::reach();
    // A second person, planned to receive something, so that people appear in every section.
    env.write_one(&["person", "add", "wynn", "--name", "Wynnifred Oxtable", "--organization", "band", "--email", "w.ox@private.example"]);
    env.write_one(&["distribution", "add", "deck/wynn", "--due", "2030-04-22"]);
    let secrets: Vec<&str> = NAME_PARTS.iter().copied().chain(["Wynnifred", "Oxtable", "w.ox@private.example"]).collect();
    // They are in the register.
    let register = env.stdout(&["person", "list"]);
    assert!(secrets.iter().all(|s| register.contains(s)), "{register}");

    let mut outputs = 0;
    for lang in ["en", "fr"] {
        for as_of in ["2030-04-10", "2030-04-21", "2030-12-31"] {
            let runs: Vec<Vec<&str>> = vec![
                vec!["status", "--as-of", as_of],
                vec!["status", "--as-of", as_of, "--format", "json"],
                vec!["upcoming", "--as-of", as_of, "--within", "60"],
                vec!["upcoming", "--as-of", as_of, "--within", "60", "--format", "csv"],
                vec!["upcoming", "--as-of", as_of, "--within", "60", "--format", "json"],
                vec!["export", "progress", "--as-of", as_of],
                vec!["report", "--as-of", as_of],
                vec!["export", "ics", "--as-of", as_of],
            ];
            for run in runs {
                let mut args = vec!["--lang", lang];
                args.extend(run);
                let text = env.stdout(&args);
                assert!(!text.is_empty(), "{args:?}");
                for secret in &secrets {
                    assert!(!text.contains(secret), "engage {args:?} shows {secret:?}:\n{text}");
                }
                outputs += 1;
            }
        }
    }
    assert_eq!(outputs, 48);
    // The report counts terr as reached through tess, without naming her.
    let report = env.stdout(&["report", "--as-of", "2030-12-31"]);
    assert!(report.contains("terr") || report.contains("A territorial office"), "{report}");
}

/// Everything new goes through the plan file: apply, export, apply to a new store, export again:
/// the same text; applying the export again changes nothing.
#[test]
fn plan_round_trip() {
    let env = Env::reach();
    env.write_one(&["person", "add", "quiet", "--name", "Quiet One", "--organization", "prov", "--no-contact", "--language", "en"]);
    env.write_one(&["distribution", "acknowledge", "deck-fr/tess", "--on", "2030-04-25"]);
    env.write_one(&["meeting", "set", "north-next", "--outcome", "Asked for a date"]);
    let first = env.export();

    let plan: toml::Table = first.parse().unwrap();
    assert_eq!(common::exported(&plan, "person").len(), 2);
    assert_eq!(common::exported(&plan, "distribution").len(), 3);
    let mar = exported_item(&plan, "meeting", "council-mar").unwrap();
    assert_eq!(exported_list(mar, "attended").unwrap(), ["fed"]);
    assert_eq!(mar["outcome"].as_str(), Some("Agreed to circulate the guide"));
    assert_eq!(exported_list(exported_item(&plan, "meeting", "north-mar").unwrap(), "attended").unwrap(), Vec::<String>::new());
    assert!(exported_list(exported_item(&plan, "meeting", "council-apr").unwrap(), "attended").is_none());
    let next = exported_item(&plan, "meeting", "north-next").unwrap();
    assert!(!next.contains_key("date"), "{next:?}");
    assert_eq!(exported_item(&plan, "person", "quiet").unwrap()["contact_permitted"].as_bool(), Some(false));

    let other = Env::new();
    other.apply("export.toml", &first);
    let second = other.export();
    assert_eq!(first, second, "plan export → apply → export is not identical");
    // The reports agree.
    for args in [
        vec!["reach", "--format", "json", "--as-of", "2030-12-31"],
        vec!["distribution", "list", "--format", "json", "--as-of", "2030-12-31"],
        vec!["person", "list", "--format", "json"],
        vec!["meeting", "list", "--format", "json"],
    ] {
        assert_eq!(env.json(&args), other.json(&args), "{args:?}");
    }
    let before = other.dump();
    let path = other.write("again.toml", &second);
    let out = other.engage().args(["plan", "apply"]).arg(path).assert().success().get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to change"), "{out:?}");
    assert_eq!(other.dump(), before);

    // The original file, applied again, changes nothing either.
    let again = Env::reach();
    let before = again.dump();
    let path = again.write("reach.toml", REACH);
    again.engage().args(["plan", "apply"]).arg(path).assert().success();
    assert_eq!(again.dump(), before);
    env.assert_clean();
    other.assert_clean();
}

/// A plan file's errors in the new families are listed as FILE:LINE:COL and nothing is written.
#[test]
fn plan_errors_in_people_and_distributions() {
    let env = Env::reach();
    let text = "[[person]]\nkey = \"pat\"\nname = \"Pat\"\norganization = \"nowhere\"\n\n\
                [[person]]\nkey = \"sam\"\nname = \"Sam\"\norganization = \"prov\"\nemail = \"sam-at-example\"\n\n\
                [[distribution]]\nmaterial = \"deck\"\nto = \"nobody\"\n\n\
                [[distribution]]\nmaterial = \"deck\"\nto = \"prov\"\nvia = \"nope\"\n\n\
                [[meeting]]\nkey = \"m\"\ntable = \"council\"\nattended = [\"ghost\"]\n";
    let path = env.write("bad.toml", text);
    let before = env.dump();
    let out = env.run(&["plan", "apply", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(env.dump(), before);
    let problems = common::problems(&String::from_utf8_lossy(&out.stderr), path.to_str().unwrap());
    let words: Vec<&str> = vec!["nowhere", "sam-at-example", "nobody", "nope", "ghost"];
    for word in words {
        assert!(problems.iter().any(|(_, _, m)| m.contains(word)), "{word}: {problems:?}");
    }
    assert_eq!(problems.len(), 5, "{problems:?}");
}
