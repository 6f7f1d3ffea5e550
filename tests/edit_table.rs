//! Everyday editing of tables, end to end: add, list, show, set, member add/remove, rename and
//! remove, each write checked in the store and in the journal.

mod common;

use common::{AS_OF, Env, exported_item, exported_list, section_keys, section_rows, show_fields};
use serde_json::json;

fn members_in_store(env: &Env, table: &str) -> Vec<String> {
    let conn = env.conn();
    let mut stmt = conn
        .prepare(
            "SELECT o.key FROM forum_member m JOIN forum f ON f.id = m.forum_id JOIN organization o ON o.id = m.organization_id \
             WHERE f.key = ?1 ORDER BY o.key",
        )
        .unwrap();
    stmt.query_map([table], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let args = [
        "table",
        "add",
        "forum",
        "--name",
        "Service forum",
        "--name-fr",
        "Forum des services",
        "--kind",
        "committee",
        "--member",
        "fed",
        "--member",
        "city",
        "--chair",
        "Co-chairs",
    ];
    let entry = env.write_one(&args);
    let expected = json!({
        "key": "forum", "name": "Service forum", "name_fr": "Forum des services", "kind": "committee",
        "members": ["city", "fed"], "chair": "Co-chairs"
    });
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("table"), &json!("forum"), &json!("create")));
    assert_eq!(entry["before"], json!(null));
    assert_eq!(entry["after"], expected);
    assert_eq!(members_in_store(&env, "forum"), ["city", "fed"]);

    assert_eq!(env.json_keys(&["table", "list", "--format", "json"]), ["council", "forum", "mayors"]);
    assert_eq!(env.json_item(&["table", "list", "--format", "json"], "forum"), expected);

    let rows = env.csv(&["table", "list", "--format", "csv"]);
    assert_eq!(rows.len(), 3);
    let forum = rows.iter().find(|r| r["key"] == "forum").expect("forum in the CSV");
    assert_eq!(forum["name"], "Service forum");
    assert_eq!(forum["name_fr"], "Forum des services");
    assert_eq!(forum["kind"], "committee");
    assert_eq!(forum["members"], "city;fed");
    assert_eq!(forum["chair"], "Co-chairs");
    assert_eq!(rows.iter().find(|r| r["key"] == "council").unwrap()["members"], "fed;prov");

    let table = env.stdout(&["table", "list"]);
    let line = table.lines().find(|l| l.starts_with("forum ")).unwrap_or_else(|| panic!("no forum line:\n{table}"));
    assert!(line.contains("Service forum"), "{line}");
    assert_eq!(line.split_whitespace().last(), Some("2"), "the member count: {line}");

    let plan = env.export_toml();
    let exported = exported_item(&plan, "table", "forum").expect("forum exported");
    assert_eq!(exported_list(exported, "members").unwrap(), ["city", "fed"]);
    assert_eq!(exported["kind"].as_str(), Some("committee"));

    // Refused: an unknown member, a bad kind, a taken key.
    let member = env.refused(&["table", "add", "t2", "--name", "T", "--member", "fedd"]);
    assert!(member.contains("fedd"), "{member}");
    let kind = env.refused(&["table", "add", "t2", "--name", "T", "--kind", "club"]);
    assert!(kind.contains("club"), "{kind}");
    let taken = env.refused(&["table", "add", "forum", "--name", "T"]);
    assert!(taken.contains("forum"), "{taken}");
    env.assert_clean();
}

#[test]
fn show_lists_members_and_meetings() {
    let env = Env::worked();
    env.write_one(&["meeting", "add", "council-jun", "--table", "council", "--date", "2030-06-02"]);
    let text = env.stdout(&["table", "show", "council", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["key"], "council");
    assert_eq!(fields["name"], "Service council");
    assert_eq!(fields["kind"], "council");
    assert_eq!(fields["members"], "fed, prov");
    assert_eq!(section_keys(&text, "Members"), ["fed", "prov"]);
    let mut meetings = section_keys(&text, "Meetings");
    meetings.sort();
    assert_eq!(meetings, ["council-jun", "council-mar"]);
    let journal = section_rows(&text, "Journal");
    assert_eq!(journal.len(), 1, "{text}");
    assert!(journal[0].contains("table council") && journal[0].contains("created"), "{text}");

    let mayors = env.stdout(&["table", "show", "mayors", "--as-of", AS_OF]);
    assert_eq!(section_keys(&mayors, "Members"), ["city"]);
    assert_eq!(section_keys(&mayors, "Meetings"), ["mayors-apr"]);

    assert_eq!(env.refused(&["table", "show", "counsil"]), "engage: unknown table 'counsil' (did you mean 'council'?)");
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::worked();
    let entry =
        env.write_one(&["table", "set", "council", "--chair", "Co-chairs", "--name-fr", "Conseil des services", "--kind", "committee"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("table"), &json!("council"), &json!("update")));
    assert_eq!((&entry["before"]["chair"], &entry["after"]["chair"]), (&json!(null), &json!("Co-chairs")));
    assert_eq!((&entry["before"]["kind"], &entry["after"]["kind"]), (&json!("council"), &json!("committee")));
    assert_eq!(entry["after"]["members"], json!(["fed", "prov"]));
    let council = env.json_item(&["table", "list", "--format", "json"], "council");
    assert_eq!(
        (&council["chair"], &council["name_fr"], &council["kind"]),
        (&json!("Co-chairs"), &json!("Conseil des services"), &json!("committee"))
    );

    let entry = env.write_one(&["table", "set", "council", "--chair", ""]);
    assert_eq!((&entry["before"]["chair"], &entry["after"]["chair"]), (&json!("Co-chairs"), &json!(null)));
    let entry = env.write_one(&["table", "set", "council", "--clear", "name_fr"]);
    assert_eq!((&entry["before"]["name_fr"], &entry["after"]["name_fr"]), (&json!("Conseil des services"), &json!(null)));
    let council = env.json_item(&["table", "list", "--format", "json"], "council");
    assert_eq!((&council["chair"], &council["name_fr"]), (&json!(null), &json!(null)));
    let plan = env.export_toml();
    let exported = exported_item(&plan, "table", "council").unwrap();
    assert!(!exported.contains_key("chair") && !exported.contains_key("name_fr"), "{exported:?}");
    assert_eq!(exported["kind"].as_str(), Some("committee"));

    env.unchanged(&["table", "set", "council", "--kind", "committee"]);

    let kind = env.refused(&["table", "set", "council", "--kind", "club"]);
    assert!(kind.contains("club"), "{kind}");
    let name = env.refused(&["table", "set", "council", "--name", " "]);
    assert!(name.contains("--name"), "{name}");
    let members = env.refused(&["table", "set", "council", "--clear", "members"]);
    assert!(members.contains("members"), "{members}");
    assert_eq!(env.refused(&["table", "set", "counsil", "--chair", "X"]), "engage: unknown table 'counsil' (did you mean 'council'?)");
    env.assert_clean();
}

#[test]
fn member_add_and_remove() {
    let env = Env::worked();
    let entry = env.write_one(&["table", "member", "add", "council", "city"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("table"), &json!("council"), &json!("update")));
    assert_eq!((&entry["before"]["members"], &entry["after"]["members"]), (&json!(["fed", "prov"]), &json!(["city", "fed", "prov"])));
    assert_eq!(members_in_store(&env, "council"), ["city", "fed", "prov"]);
    assert_eq!(section_keys(&env.stdout(&["org", "show", "city"]), "Tables"), ["council", "mayors"]);

    // What is there already: nothing changed, nothing journaled.
    env.unchanged(&["table", "member", "add", "council", "city"]);
    env.unchanged(&["table", "member", "add", "council", "city", "fed"]);

    // Several at once, one journal entry.
    let entry = env.write_one(&["table", "member", "remove", "council", "city", "prov"]);
    assert_eq!((&entry["before"]["members"], &entry["after"]["members"]), (&json!(["city", "fed", "prov"]), &json!(["fed"])));
    assert_eq!(members_in_store(&env, "council"), ["fed"]);
    assert_eq!(env.json_item(&["table", "list", "--format", "json"], "council")["members"], json!(["fed"]));
    assert_eq!(exported_list(exported_item(&env.export_toml(), "table", "council").unwrap(), "members").unwrap(), ["fed"]);
    env.unchanged(&["table", "member", "remove", "council", "prov"]);

    // Refused: an unknown organization or table, even beside a good one.
    let org = env.refused(&["table", "member", "add", "council", "prov", "citty"]);
    assert!(org.contains("unknown organization 'citty'"), "{org}");
    let table = env.refused(&["table", "member", "add", "counsil", "prov"]);
    assert!(table.contains("unknown table 'counsil'"), "{table}");
    assert_eq!(members_in_store(&env, "council"), ["fed"]);
    env.assert_clean();
}

#[test]
fn rename_carries_the_meetings() {
    let env = Env::worked();
    let entries = env.write_journaled(&["table", "rename", "council", "svc"], 2);
    assert_eq!((&entries[0]["kind"], &entries[0]["key"], &entries[0]["action"]), (&json!("table"), &json!("svc"), &json!("update")));
    assert_eq!((&entries[0]["before"]["key"], &entries[0]["after"]["key"]), (&json!("council"), &json!("svc")));
    assert_eq!(entries[0]["after"]["members"], json!(["fed", "prov"]));
    assert_eq!(
        (&entries[1]["kind"], &entries[1]["key"], &entries[1]["action"]),
        (&json!("meeting"), &json!("council-mar"), &json!("update"))
    );
    assert_eq!((&entries[1]["before"]["table"], &entries[1]["after"]["table"]), (&json!("council"), &json!("svc")));

    let plan = env.export_toml();
    assert!(exported_item(&plan, "table", "council").is_none());
    assert_eq!(exported_list(exported_item(&plan, "table", "svc").unwrap(), "members").unwrap(), ["fed", "prov"]);
    assert_eq!(exported_item(&plan, "meeting", "council-mar").unwrap()["table"].as_str(), Some("svc"));
    assert_eq!(env.json_item(&["meeting", "list", "--format", "json"], "council-mar")["table"], "svc");
    assert_eq!(env.json_keys(&["meeting", "list", "--table", "svc", "--format", "json"]), ["council-mar"]);
    assert_eq!(section_keys(&env.stdout(&["table", "show", "svc"]), "Meetings"), ["council-mar"]);
    assert_eq!(section_keys(&env.stdout(&["org", "show", "fed"]), "Tables"), ["svc"]);
    assert_eq!(members_in_store(&env, "svc"), ["fed", "prov"]);
    env.assert_clean();

    let taken = env.refused(&["table", "rename", "svc", "mayors"]);
    assert!(taken.contains("mayors") && taken.contains("exists"), "{taken}");
    let bad = env.refused(&["table", "rename", "svc", "Svc"]);
    assert!(bad.contains("Svc"), "{bad}");
    let unknown = env.refused(&["table", "rename", "council", "c2"]);
    assert!(unknown.contains("unknown table 'council'"), "{unknown}");
}

/// Only an agenda item's reference has a '/': any other key with one is bad input, refused like
/// any bad key (exit 2, one line), not a failure of the store.
#[test]
fn rename_refuses_a_key_with_a_slash() {
    let env = Env::worked();
    let bad = env.refused(&["table", "rename", "council", "a/b"]);
    assert!(bad.contains("'a/b'"), "{bad}");
    assert_eq!(env.json_keys(&["table", "list", "--format", "json"]), ["council", "mayors"]);
}

#[test]
fn remove_is_refused_while_meetings_refer_to_it() {
    let env = Env::worked();
    let refused = env.refused(&["table", "remove", "council"]);
    assert!(refused.contains("'council'") && refused.ends_with("meeting council-mar"), "{refused}");

    // Members alone do not keep a table: they go with it.
    env.write_one(&["table", "add", "tmp", "--name", "Temporary", "--member", "fed", "--member", "city"]);
    let entry = env.write_one(&["table", "remove", "tmp"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("table"), &json!("tmp"), &json!("delete")));
    assert_eq!(
        entry["before"],
        json!({"key": "tmp", "name": "Temporary", "name_fr": null, "kind": "table", "members": ["city", "fed"], "chair": null})
    );
    assert_eq!(entry["after"], json!(null));
    assert_eq!(env.json_keys(&["table", "list", "--format", "json"]), ["council", "mayors"]);
    assert!(exported_item(&env.export_toml(), "table", "tmp").is_none());
    assert!(members_in_store(&env, "tmp").is_empty());
    assert_eq!(section_keys(&env.stdout(&["org", "show", "city"]), "Tables"), ["mayors"]);
    env.assert_clean();

    // Once its meetings are gone, the table may go.
    env.write_one(&["agenda", "remove", "mayors-apr/workshop"]);
    env.write_one(&["meeting", "remove", "mayors-apr"]);
    let entry = env.write_one(&["table", "remove", "mayors"]);
    assert_eq!(entry["before"]["key"], "mayors");
    assert_eq!(env.json_keys(&["table", "list", "--format", "json"]), ["council"]);
    env.assert_clean();
}
