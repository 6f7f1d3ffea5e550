//! Everyday editing of channels, end to end: add, list, show, set, the tracking verbs, rename and
//! remove, each write checked in the store and in the journal.

mod common;

use common::{AS_OF, Env, check_tracking_verbs, exported_item, section_keys, section_rows, show_fields};
use serde_json::json;

const LIST: [&str; 6] = ["channel", "list", "--format", "json", "--as-of", AS_OF];

/// The worked example with the department's website in English and its French counterpart.
fn bilingual_pair() -> Env {
    let env = Env::worked();
    env.write_one(&["channel", "set", "site", "--language", "en"]);
    env.write_one(&[
        "channel",
        "add",
        "site-fr",
        "--name",
        "Site du ministère",
        "--organization",
        "fed",
        "--due",
        "2030-04-20",
        "--language",
        "fr",
        "--counterpart",
        "site",
    ]);
    env
}

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "channel",
        "add",
        "bulletin",
        "--name",
        "Provincial bulletin",
        "--name-fr",
        "Bulletin provincial",
        "--kind",
        "newsletter",
        "--organization",
        "prov",
        "--owner",
        "Secretariat",
        "--due",
        "2030-04-30",
        "--url",
        "https://prov.example/bulletin",
    ]);
    let expected = json!({
        "key": "bulletin", "name": "Provincial bulletin", "name_fr": "Bulletin provincial", "kind": "newsletter",
        "organization": "prov", "owner": "Secretariat", "due": "2030-04-30", "status": "planned", "done_on": null,
        "note": null, "url": "https://prov.example/bulletin", "lang": "bilingual", "counterpart": null
    });
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("channel"), &json!("bulletin"), &json!("create")));
    assert_eq!(entry["before"], json!(null));
    assert_eq!(entry["after"], expected);

    assert_eq!(env.json_keys(&LIST), ["bulletin", "letter", "site"]);
    let mut listed = env.json_item(&LIST, "bulletin");
    assert_eq!(listed["state"], "on_track");
    listed.as_object_mut().unwrap().remove("state");
    assert_eq!(listed, expected);
    assert_eq!(env.json_item(&LIST, "site")["state"], "overdue");
    assert_eq!(env.json_item(&LIST, "letter")["state"], "done_late");
    assert_eq!(env.json_keys(&["channel", "list", "--format", "json", "--status", "done", "--as-of", AS_OF]), ["letter"]);
    assert_eq!(env.json_keys(&["channel", "list", "--format", "json", "--owner", "Secretariat", "--as-of", AS_OF]), ["bulletin"]);

    let rows = env.csv(&["channel", "list", "--format", "csv", "--as-of", AS_OF]);
    assert_eq!(rows.len(), 3);
    let row = rows.iter().find(|r| r["key"] == "bulletin").expect("in the CSV");
    for (field, value) in [
        ("name_fr", "Bulletin provincial"),
        ("kind", "newsletter"),
        ("organization", "prov"),
        ("due", "2030-04-30"),
        ("status", "planned"),
        ("done_on", ""),
        ("url", "https://prov.example/bulletin"),
        ("lang", "bilingual"),
        ("counterpart", ""),
        ("state", "on_track"),
    ] {
        assert_eq!(row[field], value, "{field}");
    }
    let letter = rows.iter().find(|r| r["key"] == "letter").unwrap();
    assert_eq!((letter["done_on"].as_str(), letter["state"].as_str()), ("2030-03-28", "done_late"));

    let table = env.stdout(&["channel", "list", "--as-of", AS_OF]);
    let line = table.lines().find(|l| l.starts_with("bulletin ")).unwrap_or_else(|| panic!("no line:\n{table}"));
    assert!(line.contains("Provincial bulletin") && line.contains("2030-04-30") && line.contains("on track"), "{line}");

    let plan = env.export_toml();
    let exported = exported_item(&plan, "channel", "bulletin").expect("exported");
    assert_eq!(exported["organization"].as_str(), Some("prov"));
    assert_eq!(exported["url"].as_str(), Some("https://prov.example/bulletin"));

    let org = env.refused(&["channel", "add", "c2", "--name", "C", "--organization", "provv"]);
    assert!(org.contains("provv"), "{org}");
    let url = env.refused(&["channel", "add", "c2", "--name", "C", "--url", "ftp://prov.example/"]);
    assert!(url.contains("ftp://prov.example/"), "{url}");
    let kind = env.refused(&["channel", "add", "c2", "--name", "C", "--kind", "podcast"]);
    assert!(kind.contains("podcast"), "{kind}");
    let counterpart = env.refused(&["channel", "add", "c2", "--name", "C", "--language", "fr", "--counterpart", "site"]);
    assert!(counterpart.contains("site"), "a bilingual item is no counterpart: {counterpart}");
    env.assert_clean();
}

#[test]
fn show_gives_the_organization_and_the_counterpart() {
    let env = bilingual_pair();
    env.write_one(&["channel", "set", "site", "--counterpart", "site-fr"]);
    let text = env.stdout(&["channel", "show", "site", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["key"], "site");
    assert_eq!(fields["organization"], "fed");
    assert_eq!(fields["due"], "2030-04-01");
    assert_eq!(fields["status"], "planned");
    assert_eq!(fields["counterpart"], "site-fr");
    assert_eq!(fields["state"], "overdue");
    assert_eq!(section_keys(&text, "Organization"), ["fed"]);
    assert_eq!(section_keys(&text, "Counterpart"), ["site-fr"]);
    assert!(section_rows(&text, "Counterpart")[0].contains("on track"), "{text}");
    let journal = section_rows(&text, "Journal");
    assert_eq!(journal.len(), 3, "created, language, counterpart: {text}");

    let letter = env.stdout(&["channel", "show", "letter", "--as-of", AS_OF]);
    assert_eq!(show_fields(&letter)["state"], "done late");
    assert_eq!(section_keys(&letter, "Organization"), ["city"]);
    assert!(section_keys(&letter, "Counterpart").is_empty());

    assert_eq!(env.refused(&["channel", "show", "lettre"]), "engage: unknown channel 'lettre' (did you mean 'letter'?)");
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "channel",
        "set",
        "site",
        "--owner",
        "Web team",
        "--due",
        "2030-04-25",
        "--url",
        "https://fed.example/",
        "--kind",
        "social",
    ]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("channel"), &json!("site"), &json!("update")));
    assert_eq!((&entry["before"]["due"], &entry["after"]["due"]), (&json!("2030-04-01"), &json!("2030-04-25")));
    assert_eq!((&entry["before"]["kind"], &entry["after"]["kind"]), (&json!("website"), &json!("social")));
    let site = env.json_item(&LIST, "site");
    assert_eq!((&site["owner"], &site["url"], &site["state"]), (&json!("Web team"), &json!("https://fed.example/"), &json!("on_track")));

    let entry = env.write_one(&["channel", "set", "site", "--organization", "prov", "--note", "Moved"]);
    assert_eq!((&entry["before"]["organization"], &entry["after"]["organization"]), (&json!("fed"), &json!("prov")));
    assert_eq!(section_keys(&env.stdout(&["org", "show", "prov"]), "Channels"), ["site"]);
    assert!(section_keys(&env.stdout(&["org", "show", "fed"]), "Channels").is_empty());

    // Clears: "" and --clear; an undated channel is unscheduled.
    let entry = env.write_one(&["channel", "set", "site", "--owner", "", "--organization", ""]);
    assert_eq!((&entry["after"]["owner"], &entry["after"]["organization"]), (&json!(null), &json!(null)));
    let entry = env.write_one(&["channel", "set", "site", "--clear", "due", "--clear", "url", "--clear", "note"]);
    assert_eq!((&entry["before"]["due"], &entry["after"]["due"]), (&json!("2030-04-25"), &json!(null)));
    assert_eq!((&entry["after"]["url"], &entry["after"]["note"]), (&json!(null), &json!(null)));
    let site = env.json_item(&LIST, "site");
    for field in ["owner", "organization", "due", "url", "note"] {
        assert_eq!(site[field], json!(null), "{field}");
    }
    assert_eq!(site["state"], "unscheduled");
    let org_channel: Option<i64> =
        env.conn().query_row("SELECT organization_id FROM channel WHERE key = 'site'", [], |r| r.get(0)).unwrap();
    assert_eq!(org_channel, None);
    let plan = env.export_toml();
    let exported = exported_item(&plan, "channel", "site").unwrap();
    for field in ["owner", "organization", "due", "url", "note"] {
        assert!(!exported.contains_key(field), "{field}: {exported:?}");
    }

    env.unchanged(&["channel", "set", "site", "--kind", "social"]);

    let url = env.refused(&["channel", "set", "letter", "--url", "javascript:alert(1)"]);
    assert!(url.contains("--url"), "{url}");
    let org = env.refused(&["channel", "set", "letter", "--organization", "citty"]);
    assert!(org.contains("unknown organization 'citty'"), "{org}");
    let counterpart = env.refused(&["channel", "set", "letter", "--counterpart", "nowhere"]);
    assert!(counterpart.contains("nowhere"), "{counterpart}");
    let undated = env.refused(&["channel", "set", "site", "--status", "done"]);
    assert!(undated.contains("done_on"), "{undated}");
    let clear = env.refused(&["channel", "set", "site", "--clear", "name"]);
    assert!(clear.contains("name"), "{clear}");
    assert_eq!(env.refused(&["channel", "set", "sitte", "--owner", "X"]), "engage: unknown channel 'sitte' (did you mean 'site'?)");
    env.assert_clean();
}

#[test]
fn every_tracking_verb() {
    let env = Env::worked();
    check_tracking_verbs(&env, "channel", "channel", "site", "2030-04-02", AS_OF);

    // done --url records where it was published.
    let entry = env.write_one(&["channel", "done", "site", "--on", "2030-03-30", "--url", "https://fed.example/guide"]);
    assert_eq!((&entry["before"]["url"], &entry["after"]["url"]), (&json!(null), &json!("https://fed.example/guide")));
    let site = env.json_item(&LIST, "site");
    assert_eq!(
        (&site["status"], &site["url"], &site["state"]),
        (&json!("done"), &json!("https://fed.example/guide"), &json!("done_on_time"))
    );
    let bad = env.refused(&["channel", "done", "letter", "--url", "fed.example/guide"]);
    assert!(bad.contains("--url"), "{bad}");
    let unknown = env.refused(&["channel", "start", "sitte"]);
    assert_eq!(unknown, "engage: unknown channel 'sitte' (did you mean 'site'?)");
}

#[test]
fn rename_carries_the_counterpart() {
    let env = bilingual_pair();
    env.write_one(&["channel", "set", "site", "--counterpart", "site-fr"]);
    let entries = env.write_journaled(&["channel", "rename", "site", "dept-site"], 2);
    assert_eq!(
        (&entries[0]["kind"], &entries[0]["key"], &entries[0]["action"]),
        (&json!("channel"), &json!("dept-site"), &json!("update"))
    );
    assert_eq!((&entries[0]["before"]["key"], &entries[0]["after"]["key"]), (&json!("site"), &json!("dept-site")));
    assert_eq!(entries[0]["after"]["organization"], "fed");
    assert_eq!((&entries[1]["kind"], &entries[1]["key"], &entries[1]["action"]), (&json!("channel"), &json!("site-fr"), &json!("update")));
    assert_eq!((&entries[1]["before"]["counterpart"], &entries[1]["after"]["counterpart"]), (&json!("site"), &json!("dept-site")));

    let plan = env.export_toml();
    assert!(exported_item(&plan, "channel", "site").is_none());
    assert_eq!(exported_item(&plan, "channel", "dept-site").unwrap()["counterpart"].as_str(), Some("site-fr"));
    assert_eq!(exported_item(&plan, "channel", "site-fr").unwrap()["counterpart"].as_str(), Some("dept-site"));
    assert_eq!(env.json_item(&LIST, "site-fr")["counterpart"], "dept-site");
    assert_eq!(section_keys(&env.stdout(&["channel", "show", "site-fr"]), "Counterpart"), ["dept-site"]);
    let mut runs = section_keys(&env.stdout(&["org", "show", "fed"]), "Channels");
    runs.sort();
    assert_eq!(runs, ["dept-site", "site-fr"]);
    env.assert_clean();

    let taken = env.refused(&["channel", "rename", "dept-site", "letter"]);
    assert!(taken.contains("letter") && taken.contains("exists"), "{taken}");
    let bad = env.refused(&["channel", "rename", "dept-site", "Dept"]);
    assert!(bad.contains("Dept"), "{bad}");
    let unknown = env.refused(&["channel", "rename", "site", "x"]);
    assert!(unknown.starts_with("engage: unknown channel 'site'"), "{unknown}");
}

#[test]
fn remove_is_refused_while_a_counterpart_names_it() {
    let env = bilingual_pair();
    let refused = env.refused(&["channel", "remove", "site"]);
    assert!(refused.contains("'site'") && refused.ends_with("channel site-fr"), "{refused}");

    // Nothing names the French side: it may go, and then the English side.
    let entry = env.write_one(&["channel", "remove", "site-fr"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("channel"), &json!("site-fr"), &json!("delete")));
    assert_eq!(
        entry["before"],
        json!({"key": "site-fr", "name": "Site du ministère", "name_fr": null, "kind": "website", "organization": "fed", "owner": null,
               "due": "2030-04-20", "status": "planned", "done_on": null, "note": null, "url": null, "lang": "fr", "counterpart": "site"})
    );
    assert_eq!(entry["after"], json!(null));
    assert_eq!(env.json_keys(&LIST), ["letter", "site"]);
    assert!(exported_item(&env.export_toml(), "channel", "site-fr").is_none());

    // A done channel goes too, with its last values journaled.
    let entry = env.write_one(&["channel", "remove", "letter"]);
    assert_eq!((&entry["before"]["status"], &entry["before"]["done_on"]), (&json!("done"), &json!("2030-03-28")));
    assert_eq!(env.json_keys(&LIST), ["site"]);
    assert!(section_keys(&env.stdout(&["org", "show", "city"]), "Channels").is_empty());
    let rows: i64 = env.conn().query_row("SELECT count(*) FROM channel", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 1);
    env.assert_clean();

    let unknown = env.refused(&["channel", "remove", "letter"]);
    assert!(unknown.starts_with("engage: unknown channel 'letter'"), "{unknown}");
}
