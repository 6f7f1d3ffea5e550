//! Everyday editing of organizations, end to end: add, list, show, set, rename and remove, each
//! write checked in the store and in the journal.

mod common;

use common::{AS_OF, Env, exported_item, exported_list, section_keys, show_fields};
use serde_json::json;

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "org",
        "add",
        "dept",
        "--name",
        "A department",
        "--name-fr",
        "Un ministère",
        "--order",
        "federal",
        "--jurisdiction",
        "Canada",
        "--contact",
        "info@dept.example",
    ]);
    assert_eq!(entry["kind"], "organization");
    assert_eq!(entry["key"], "dept");
    assert_eq!(entry["action"], "create");
    assert_eq!(entry["before"], json!(null));
    let expected = json!({
        "key": "dept", "name": "A department", "name_fr": "Un ministère", "order": "federal",
        "jurisdiction": "Canada", "contact": "info@dept.example"
    });
    assert_eq!(entry["after"], expected);

    // JSON: every organization, sorted by key, with the new one's values.
    assert_eq!(env.json_keys(&["org", "list", "--format", "json"]), ["city", "dept", "fed", "prov"]);
    assert_eq!(env.json_item(&["org", "list", "--format", "json"], "dept"), expected);

    // CSV: the same values by header.
    let rows = env.csv(&["org", "list", "--format", "csv"]);
    assert_eq!(rows.len(), 4);
    let dept = rows.iter().find(|r| r["key"] == "dept").expect("dept in the CSV");
    assert_eq!(dept["name"], "A department");
    assert_eq!(dept["name_fr"], "Un ministère");
    assert_eq!(dept["order"], "federal");
    assert_eq!(dept["jurisdiction"], "Canada");
    assert_eq!(dept["contact"], "info@dept.example");
    let city = rows.iter().find(|r| r["key"] == "city").expect("city in the CSV");
    assert_eq!((city["order"].as_str(), city["jurisdiction"].as_str()), ("municipal", ""));

    // Table: a header and one line per organization.
    let table = env.stdout(&["org", "list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("key") && lines[0].contains("order"), "{table}");
    let dept_line = lines.iter().find(|l| l.starts_with("dept ")).unwrap_or_else(|| panic!("no dept line:\n{table}"));
    assert!(dept_line.contains("A department") && dept_line.contains("federal") && dept_line.contains("Canada"), "{dept_line}");
    assert_eq!(lines.iter().filter(|l| ["city ", "dept ", "fed ", "prov "].iter().any(|k| l.starts_with(k))).count(), 4);

    // The plan file carries it.
    let plan = env.export_toml();
    let exported = exported_item(&plan, "organization", "dept").expect("dept exported");
    assert_eq!(exported["name_fr"].as_str(), Some("Un ministère"));
    assert_eq!(exported["contact"].as_str(), Some("info@dept.example"));
    env.assert_clean();
}

#[test]
fn add_refuses_a_taken_key_and_a_bad_order() {
    let env = Env::worked();
    let taken = env.refused(&["org", "add", "fed", "--name", "Again", "--order", "federal"]);
    assert!(taken.contains("fed"), "{taken}");
    let order = env.refused(&["org", "add", "x", "--name", "X", "--order", "galactic"]);
    assert!(order.contains("galactic"), "{order}");
    let key = env.refused(&["org", "add", "Bad Key", "--name", "X", "--order", "federal"]);
    assert!(key.contains("Bad Key"), "{key}");
}

#[test]
fn show_lists_tables_meetings_attended_and_channels() {
    let env = Env::worked();
    env.write_one(&["meeting", "attend", "council-mar", "fed"]);
    let text = env.stdout(&["org", "show", "fed", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["key"], "fed");
    assert_eq!(fields["name"], "A federal department");
    assert_eq!(fields["order"], "federal");
    assert_eq!(section_keys(&text, "Tables"), ["council"]);
    assert_eq!(section_keys(&text, "Meetings attended"), ["council-mar"]);
    assert_eq!(section_keys(&text, "Channels"), ["site"]);
    // The channel's state is assessed as of the date asked for.
    let channels = common::section_rows(&text, "Channels");
    assert!(channels[0].contains("overdue"), "{text}");
    let journal = common::section_rows(&text, "Journal");
    assert_eq!(journal.len(), 1, "{text}");
    assert!(journal[0].contains("organization fed") && journal[0].contains("created"), "{text}");

    // An organization nothing refers to: every section is empty.
    let city = env.stdout(&["org", "show", "prov", "--as-of", AS_OF]);
    assert_eq!(section_keys(&city, "Tables"), ["council"]);
    assert!(section_keys(&city, "Meetings attended").is_empty(), "{city}");
    assert!(section_keys(&city, "Channels").is_empty(), "{city}");

    let unknown = env.refused(&["org", "show", "fedd"]);
    assert_eq!(unknown, "engage: unknown organization 'fedd' (did you mean 'fed'?)");
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::worked();
    let entry =
        env.write_one(&["org", "set", "prov", "--jurisdiction", "Ontario", "--contact", "desk@on.example", "--name-fr", "Un ministère"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("organization"), &json!("prov"), &json!("update")));
    assert_eq!(entry["before"]["jurisdiction"], json!(null));
    assert_eq!(entry["after"]["jurisdiction"], "Ontario");
    assert_eq!(entry["after"]["contact"], "desk@on.example");
    assert_eq!(entry["after"]["name"], "A provincial ministry");
    let prov = env.json_item(&["org", "list", "--format", "json"], "prov");
    assert_eq!(
        (&prov["jurisdiction"], &prov["contact"], &prov["name_fr"]),
        (&json!("Ontario"), &json!("desk@on.example"), &json!("Un ministère"))
    );

    // A required field and a closed set.
    let entry = env.write_one(&["org", "set", "prov", "--name", "A ministry", "--order", "territorial"]);
    assert_eq!((&entry["before"]["order"], &entry["after"]["order"]), (&json!("provincial"), &json!("territorial")));
    assert_eq!(env.json_item(&["org", "list", "--format", "json"], "prov")["name"], "A ministry");

    // "" clears an optional text.
    let entry = env.write_one(&["org", "set", "prov", "--contact", ""]);
    assert_eq!((&entry["before"]["contact"], &entry["after"]["contact"]), (&json!("desk@on.example"), &json!(null)));
    assert_eq!(env.json_item(&["org", "list", "--format", "json"], "prov")["contact"], json!(null));

    // --clear too, by the plan file's name of the field.
    let entry = env.write_one(&["org", "set", "prov", "--clear", "jurisdiction", "--clear", "name_fr"]);
    assert_eq!(entry["before"]["jurisdiction"], "Ontario");
    assert_eq!((&entry["after"]["jurisdiction"], &entry["after"]["name_fr"]), (&json!(null), &json!(null)));
    let plan = env.export_toml();
    let exported = exported_item(&plan, "organization", "prov").expect("prov exported");
    assert!(
        !exported.contains_key("jurisdiction") && !exported.contains_key("name_fr") && !exported.contains_key("contact"),
        "{exported:?}"
    );
    assert_eq!(exported["order"].as_str(), Some("territorial"));

    // The same value again changes nothing and journals nothing.
    env.unchanged(&["org", "set", "prov", "--name", "A ministry"]);

    // Refused: exit 2, one line, nothing changed.
    let order = env.refused(&["org", "set", "prov", "--order", "galactic"]);
    assert!(order.contains("galactic"), "{order}");
    let name = env.refused(&["org", "set", "prov", "--name", ""]);
    assert!(name.contains("--name"), "{name}");
    let clear = env.refused(&["org", "set", "prov", "--clear", "order"]);
    assert!(clear.contains("order"), "{clear}");
    let unknown = env.refused(&["org", "set", "provv", "--name", "X"]);
    assert_eq!(unknown, "engage: unknown organization 'provv' (did you mean 'prov'?)");
    env.assert_clean();
}

#[test]
fn rename_carries_every_reference() {
    let env = Env::worked();
    env.write_one(&["meeting", "attend", "council-mar", "fed", "prov"]);
    let entries = env.write_journaled(&["org", "rename", "fed", "federal"], 4);
    let first = &entries[0];
    assert_eq!((&first["kind"], &first["key"], &first["action"]), (&json!("organization"), &json!("federal"), &json!("update")));
    assert_eq!((&first["before"]["key"], &first["after"]["key"]), (&json!("fed"), &json!("federal")));
    assert_eq!(first["after"]["name"], "A federal department");
    // Then one update of each item whose fields named it.
    let mut others: Vec<(String, String)> =
        entries[1..].iter().map(|e| (e["kind"].as_str().unwrap().to_string(), e["key"].as_str().unwrap().to_string())).collect();
    others.sort();
    assert_eq!(
        others,
        [("channel".into(), "site".into()), ("meeting".into(), "council-mar".into()), ("table".into(), "council".into())]
            as [(String, String); 3]
    );
    for e in &entries[1..] {
        assert_eq!(e["action"], "update");
        match e["kind"].as_str().unwrap() {
            "channel" => assert_eq!((&e["before"]["organization"], &e["after"]["organization"]), (&json!("fed"), &json!("federal"))),
            "meeting" => {
                assert_eq!((&e["before"]["attended"], &e["after"]["attended"]), (&json!(["fed", "prov"]), &json!(["federal", "prov"])))
            }
            "table" => {
                assert_eq!((&e["before"]["members"], &e["after"]["members"]), (&json!(["fed", "prov"]), &json!(["federal", "prov"])))
            }
            other => panic!("unexpected {other}"),
        }
    }

    // The store: the plan file and the other items' lists and shows.
    let plan = env.export_toml();
    assert!(exported_item(&plan, "organization", "fed").is_none());
    assert!(exported_item(&plan, "organization", "federal").is_some());
    assert_eq!(exported_list(exported_item(&plan, "table", "council").unwrap(), "members").unwrap(), ["federal", "prov"]);
    assert_eq!(exported_list(exported_item(&plan, "meeting", "council-mar").unwrap(), "attended").unwrap(), ["federal", "prov"]);
    assert_eq!(exported_item(&plan, "channel", "site").unwrap()["organization"].as_str(), Some("federal"));
    assert_eq!(env.json_item(&["channel", "list", "--format", "json"], "site")["organization"], "federal");
    assert_eq!(env.json_item(&["table", "list", "--format", "json"], "council")["members"], json!(["federal", "prov"]));
    assert_eq!(section_keys(&env.stdout(&["table", "show", "council"]), "Members"), ["federal", "prov"]);
    let shown = env.stdout(&["org", "show", "federal", "--as-of", AS_OF]);
    assert_eq!(section_keys(&shown, "Tables"), ["council"]);
    assert_eq!(section_keys(&shown, "Channels"), ["site"]);
    assert!(env.refused(&["org", "show", "fed"]).starts_with("engage: unknown organization 'fed'"));
    assert_eq!(env.refused(&["org", "show", "federl"]), "engage: unknown organization 'federl' (did you mean 'federal'?)");
    env.assert_clean();

    // Refused: a taken key, a bad key, an unknown item.
    let taken = env.refused(&["org", "rename", "prov", "city"]);
    assert!(taken.contains("city") && taken.contains("exists"), "{taken}");
    let bad = env.refused(&["org", "rename", "prov", "Prov"]);
    assert!(bad.contains("Prov"), "{bad}");
    let unknown = env.refused(&["org", "rename", "fed", "fed2"]);
    assert!(unknown.contains("unknown organization 'fed'"), "{unknown}");
}

#[test]
fn remove_is_refused_while_referred_to() {
    let env = Env::worked();
    env.write_one(&["meeting", "attend", "council-mar", "fed"]);
    let refused = env.refused(&["org", "remove", "fed"]);
    for referrer in ["table council", "meeting council-mar", "channel site"] {
        assert!(refused.contains(referrer), "{refused} should list {referrer}");
    }
    assert!(refused.contains("'fed'"), "{refused}");

    // Each reference taken away, in turn: the list shrinks.
    env.write_one(&["table", "member", "remove", "council", "fed"]);
    env.write_one(&["meeting", "set", "council-mar", "--clear", "attended"]);
    let refused = env.refused(&["org", "remove", "fed"]);
    assert!(refused.ends_with("channel site"), "{refused}");
    env.write_one(&["channel", "set", "site", "--organization", ""]);

    let entry = env.write_one(&["org", "remove", "fed"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("organization"), &json!("fed"), &json!("delete")));
    assert_eq!(
        entry["before"],
        json!({"key": "fed", "name": "A federal department", "name_fr": null, "order": "federal", "jurisdiction": null, "contact": null})
    );
    assert_eq!(entry["after"], json!(null));
    assert_eq!(env.json_keys(&["org", "list", "--format", "json"]), ["city", "prov"]);
    assert!(exported_item(&env.export_toml(), "organization", "fed").is_none());
    let rows: i64 = env.conn().query_row("SELECT count(*) FROM organization WHERE key = 'fed'", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 0);
    env.assert_clean();

    // Removing it again: unknown.
    let again = env.refused(&["org", "remove", "fed"]);
    assert!(again.starts_with("engage: unknown organization 'fed'"), "{again}");
}
