//! Everyday editing of meetings, end to end: add, list, show, set, attend, rename and remove,
//! each write checked in the store and in the journal.

mod common;

use common::{AS_OF, Env, exported_item, exported_list, section_keys, section_rows, show_fields};
use serde_json::json;

/// The store's record of attendance: whether it is recorded, and who attended.
fn attendance_in_store(env: &Env, meeting: &str) -> (bool, Vec<String>) {
    let conn = env.conn();
    let recorded: i64 = conn.query_row("SELECT attendance_recorded FROM meeting WHERE key = ?1", [meeting], |r| r.get(0)).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT o.key FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id JOIN organization o ON o.id = a.organization_id \
             WHERE m.key = ?1 ORDER BY o.key",
        )
        .unwrap();
    let who = stmt.query_map([meeting], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    (recorded == 1, who)
}

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "meeting",
        "add",
        "council-may",
        "--table",
        "council",
        "--date",
        "2030-05-05",
        "--end-date",
        "2030-05-06",
        "--location",
        "Ottawa",
    ]);
    let expected = json!({
        "key": "council-may", "table": "council", "date": "2030-05-05", "end_date": "2030-05-06",
        "location": "Ottawa", "attended": null, "outcome": null
    });
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("meeting"), &json!("council-may"), &json!("create")));
    assert_eq!(entry["before"], json!(null));
    assert_eq!(entry["after"], expected);

    let mut keys = env.json_keys(&["meeting", "list", "--format", "json"]);
    keys.sort();
    assert_eq!(keys, ["council-mar", "council-may", "mayors-apr"]);
    assert_eq!(env.json_item(&["meeting", "list", "--format", "json"], "council-may"), expected);
    let mut of_council = env.json_keys(&["meeting", "list", "--table", "council", "--format", "json"]);
    of_council.sort();
    assert_eq!(of_council, ["council-mar", "council-may"]);

    let rows = env.csv(&["meeting", "list", "--format", "csv"]);
    assert_eq!(rows.len(), 3);
    let may = rows.iter().find(|r| r["key"] == "council-may").expect("council-may in the CSV");
    assert_eq!(may["table"], "council");
    assert_eq!(may["date"], "2030-05-05");
    assert_eq!(may["end_date"], "2030-05-06");
    assert_eq!(may["location"], "Ottawa");
    assert_eq!(may["attended"], "");

    let table = env.stdout(&["meeting", "list", "--as-of", AS_OF]);
    let line = table.lines().find(|l| l.starts_with("council-may ")).unwrap_or_else(|| panic!("no line:\n{table}"));
    assert!(line.contains("council") && line.contains("2030-05-05") && line.contains("Ottawa"), "{line}");

    let plan = env.export_toml();
    let exported = exported_item(&plan, "meeting", "council-may").expect("exported");
    assert_eq!(exported["table"].as_str(), Some("council"));
    assert_eq!(exported["location"].as_str(), Some("Ottawa"));
    assert!(!exported.contains_key("attended"), "{exported:?}");

    let table = env.refused(&["meeting", "add", "m2", "--table", "counsil", "--date", "2030-05-05"]);
    assert!(table.contains("counsil"), "{table}");
    let end = env.refused(&["meeting", "add", "m2", "--table", "council", "--date", "2030-05-05", "--end-date", "2030-05-01"]);
    assert!(end.contains("2030-05-01"), "{end}");
    let date = env.refused(&["meeting", "add", "m2", "--table", "council", "--date", "2030-02-30"]);
    assert!(date.contains("2030-02-30"), "{date}");
    let taken = env.refused(&["meeting", "add", "council-may", "--table", "council", "--date", "2030-05-05"]);
    assert!(taken.contains("council-may"), "{taken}");
    env.assert_clean();
}

/// A missing required option is refused in one line that says which.
#[test]
fn add_without_a_required_option_names_it() {
    let env = Env::worked();
    let line = env.refused(&["meeting", "add", "m2", "--date", "2030-05-01"]);
    assert!(line.contains("--table"), "the message should name the missing option: {line}");
}

#[test]
fn show_lists_table_attendance_and_agenda() {
    let env = Env::worked();
    let text = env.stdout(&["meeting", "show", "council-mar", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["key"], "council-mar");
    assert_eq!(fields["table"], "council");
    assert_eq!(fields["date"], "2030-03-20");
    assert_eq!(fields["attended"], "not recorded");
    assert!(section_keys(&text, "Attended").is_empty(), "{text}");
    assert_eq!(section_keys(&text, "Agenda"), ["council-mar/briefing"]);
    assert!(section_rows(&text, "Agenda")[0].contains("done on time"), "{text}");

    env.write_one(&["meeting", "attend", "council-mar", "prov", "fed"]);
    env.write_one(&["agenda", "add", "council-mar/next-steps", "--topic", "Next steps"]);
    let text = env.stdout(&["meeting", "show", "council-mar", "--as-of", AS_OF]);
    assert_eq!(show_fields(&text)["attended"], "fed, prov");
    assert_eq!(section_keys(&text, "Attended"), ["fed", "prov"]);
    let mut agenda = section_keys(&text, "Agenda");
    agenda.sort();
    assert_eq!(agenda, ["council-mar/briefing", "council-mar/next-steps"]);
    let next = section_rows(&text, "Agenda").into_iter().find(|r| r.starts_with("council-mar/next-steps")).unwrap();
    assert!(next.contains("overdue"), "undone, its meeting's date before as-of: {next}");
    let journal = section_rows(&text, "Journal");
    assert_eq!(journal.len(), 2, "{text}");
    assert!(journal[0].contains("meeting attend"), "newest first: {text}");

    let mayors = env.stdout(&["meeting", "show", "mayors-apr", "--as-of", AS_OF]);
    assert_eq!(section_keys(&mayors, "Agenda"), ["mayors-apr/workshop"]);
    assert!(section_rows(&mayors, "Agenda")[0].contains("due soon"), "{mayors}");

    assert_eq!(env.refused(&["meeting", "show", "council-ma"]), "engage: unknown meeting 'council-ma' (did you mean 'council-mar'?)");
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::worked();
    let entry =
        env.write_one(&["meeting", "set", "mayors-apr", "--location", "Winnipeg", "--outcome", "Agreed to pilot", "--date", "2030-04-14"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("meeting"), &json!("mayors-apr"), &json!("update")));
    assert_eq!((&entry["before"]["date"], &entry["after"]["date"]), (&json!("2030-04-15"), &json!("2030-04-14")));
    assert_eq!((&entry["before"]["location"], &entry["after"]["location"]), (&json!(null), &json!("Winnipeg")));
    assert_eq!(entry["after"]["outcome"], "Agreed to pilot");
    let listed = env.json_item(&["meeting", "list", "--format", "json"], "mayors-apr");
    assert_eq!(
        (&listed["date"], &listed["location"], &listed["outcome"]),
        (&json!("2030-04-14"), &json!("Winnipeg"), &json!("Agreed to pilot"))
    );
    // Its agenda item's date follows the meeting's.
    assert_eq!(env.json_item(&["agenda", "list", "--format", "json", "--as-of", AS_OF], "mayors-apr/workshop")["date"], "2030-04-14");

    // Another table.
    let entry = env.write_one(&["meeting", "set", "mayors-apr", "--table", "council"]);
    assert_eq!((&entry["before"]["table"], &entry["after"]["table"]), (&json!("mayors"), &json!("council")));
    assert!(section_keys(&env.stdout(&["table", "show", "council"]), "Meetings").contains(&"mayors-apr".to_string()));

    let entry = env.write_one(&["meeting", "set", "mayors-apr", "--location", ""]);
    assert_eq!((&entry["before"]["location"], &entry["after"]["location"]), (&json!("Winnipeg"), &json!(null)));
    let entry = env.write_one(&["meeting", "set", "mayors-apr", "--clear", "outcome", "--clear", "end_date"]);
    assert_eq!((&entry["before"]["end_date"], &entry["after"]["end_date"]), (&json!("2030-04-16"), &json!(null)));
    assert_eq!((&entry["before"]["outcome"], &entry["after"]["outcome"]), (&json!("Agreed to pilot"), &json!(null)));
    let plan = env.export_toml();
    let exported = exported_item(&plan, "meeting", "mayors-apr").unwrap();
    for gone in ["location", "outcome", "end_date"] {
        assert!(!exported.contains_key(gone), "{gone} should be cleared: {exported:?}");
    }

    env.unchanged(&["meeting", "set", "mayors-apr", "--table", "council"]);

    let table = env.refused(&["meeting", "set", "mayors-apr", "--table", "mayor"]);
    assert!(table.contains("unknown table 'mayor'"), "{table}");
    let end = env.refused(&["meeting", "set", "council-mar", "--end-date", "2030-03-01"]);
    assert!(end.contains("2030-03-01"), "{end}");
    // A meeting may lose its date (it is then only requested), but not while it has an end date.
    let date = env.refused(&["meeting", "set", "council-mar", "--end-date", "2030-03-21", "--clear", "date"]);
    assert!(date.contains("end date needs a date"), "{date}");
    assert_eq!(
        env.refused(&["meeting", "set", "mayors-ap", "--location", "X"]),
        "engage: unknown meeting 'mayors-ap' (did you mean 'mayors-apr'?)"
    );
    env.assert_clean();
}

#[test]
fn attend_records_who_attended() {
    let env = Env::worked();
    let entry = env.write_one(&["meeting", "attend", "council-mar", "fed"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("meeting"), &json!("council-mar"), &json!("update")));
    assert_eq!((&entry["before"]["attended"], &entry["after"]["attended"]), (&json!(null), &json!(["fed"])));
    assert_eq!(attendance_in_store(&env, "council-mar"), (true, vec!["fed".to_string()]));
    let exported = env.export_toml();
    assert_eq!(exported_list(exported_item(&exported, "meeting", "council-mar").unwrap(), "attended").unwrap(), ["fed"]);

    // Already recorded: nothing changed, nothing journaled.
    env.unchanged(&["meeting", "attend", "council-mar", "fed"]);

    // More attendees add to those recorded; one who is not a member of the table may attend.
    let entry = env.write_one(&["meeting", "attend", "council-mar", "city", "prov"]);
    assert_eq!((&entry["before"]["attended"], &entry["after"]["attended"]), (&json!(["fed"]), &json!(["city", "fed", "prov"])));
    assert_eq!(env.json_item(&["meeting", "list", "--format", "json"], "council-mar")["attended"], json!(["city", "fed", "prov"]));
    let row = env.csv(&["meeting", "list", "--format", "csv"]).into_iter().find(|r| r["key"] == "council-mar").unwrap();
    assert_eq!(row["attended"], "city;fed;prov");
    assert_eq!(section_keys(&env.stdout(&["org", "show", "city"]), "Meetings attended"), ["council-mar"]);

    // --clear attended: back to not recorded.
    let entry = env.write_one(&["meeting", "set", "council-mar", "--clear", "attended"]);
    assert_eq!(entry["after"]["attended"], json!(null));
    assert_eq!(attendance_in_store(&env, "council-mar"), (false, vec![]));
    assert!(!exported_item(&env.export_toml(), "meeting", "council-mar").unwrap().contains_key("attended"));

    // Refused: an unknown organization or meeting, and --nobody with organizations.
    let org = env.refused(&["meeting", "attend", "council-mar", "fed", "fedd"]);
    assert!(org.contains("unknown organization 'fedd'"), "{org}");
    let meeting = env.refused(&["meeting", "attend", "council-ma", "fed"]);
    assert!(meeting.contains("unknown meeting 'council-ma'"), "{meeting}");
    let both = env.refused(&["meeting", "attend", "council-mar", "--nobody", "fed"]);
    assert!(both.contains("--nobody"), "{both}");
    env.assert_clean();
}

/// `--nobody` records that no organization attended, which differs from attendance not being
/// recorded (then every member of the table counts as attending): the store, the list, and the
/// plan file (`attended = []`) must all keep it.
#[test]
fn attend_nobody_is_kept_and_exported() {
    let env = Env::worked();
    let entry = env.write_one(&["meeting", "attend", "mayors-apr", "--nobody"]);
    assert_eq!((&entry["before"]["attended"], &entry["after"]["attended"]), (&json!(null), &json!([])));
    assert_eq!(attendance_in_store(&env, "mayors-apr"), (true, vec![]));
    assert_eq!(env.json_item(&["meeting", "list", "--format", "json"], "mayors-apr")["attended"], json!([]));
    assert_eq!(show_fields(&env.stdout(&["meeting", "show", "mayors-apr"]))["attended"], "nobody");
    env.unchanged(&["meeting", "attend", "mayors-apr", "--nobody"]);

    // The plan file says so, and applying it to a new store gives the same record.
    let plan = env.export_toml();
    let exported = exported_item(&plan, "meeting", "mayors-apr").unwrap();
    assert_eq!(exported_list(exported, "attended"), Some(vec![]), "plan export should write attended = []: {exported:?}");
    let copy = Env::new();
    copy.apply("exported.toml", &env.export());
    assert_eq!(attendance_in_store(&copy, "mayors-apr"), (true, vec![]));
}

#[test]
fn rename_carries_the_agenda() {
    let env = Env::worked();
    env.write_one(&["agenda", "add", "council-mar/next-steps", "--topic", "Next steps"]);
    let before = env.journal_count();
    env.engage().args(["meeting", "rename", "council-mar", "council-march"]).assert().success();
    let entries = env.new_entries(before);
    let first = &entries[0];
    assert_eq!((&first["kind"], &first["key"], &first["action"]), (&json!("meeting"), &json!("council-march"), &json!("update")));
    assert_eq!((&first["before"]["key"], &first["after"]["key"]), (&json!("council-mar"), &json!("council-march")));
    assert_eq!(first["after"]["table"], "council");

    // The agenda follows: in the store, the list, the plan file and the shows.
    let conn = env.conn();
    let items: Vec<String> = conn
        .prepare("SELECT a.key FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.key = 'council-march' ORDER BY a.key")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(items, ["briefing", "next-steps"]);
    let agenda = env.json(&["agenda", "list", "--meeting", "council-march", "--format", "json", "--as-of", AS_OF]);
    let mut refs: Vec<&str> = agenda.as_array().unwrap().iter().map(|a| a["key"].as_str().unwrap()).collect();
    refs.sort();
    assert_eq!(refs, ["council-march/briefing", "council-march/next-steps"]);
    assert!(agenda.as_array().unwrap().iter().all(|a| a["meeting"] == "council-march"));
    let briefing = common::find_key(&agenda, "council-march/briefing").unwrap();
    assert_eq!((&briefing["status"], &briefing["done_on"]), (&json!("done"), &json!("2030-03-20")));
    let plan = env.export_toml();
    assert!(exported_item(&plan, "meeting", "council-mar").is_none());
    let exported = exported_item(&plan, "meeting", "council-march").unwrap();
    let agenda_keys: Vec<&str> = exported["agenda"].as_array().unwrap().iter().map(|a| a["key"].as_str().unwrap()).collect();
    assert_eq!(agenda_keys, ["briefing", "next-steps"]);
    let mut shown = section_keys(&env.stdout(&["meeting", "show", "council-march", "--as-of", AS_OF]), "Agenda");
    shown.sort();
    assert_eq!(shown, ["council-march/briefing", "council-march/next-steps"]);
    assert_eq!(section_keys(&env.stdout(&["agenda", "show", "council-march/briefing"]), "Meeting"), ["council-march"]);
    assert_eq!(section_keys(&env.stdout(&["table", "show", "council"]), "Meetings"), ["council-march"]);
    env.assert_clean();

    let taken = env.refused(&["meeting", "rename", "council-march", "mayors-apr"]);
    assert!(taken.contains("mayors-apr") && taken.contains("exists"), "{taken}");
    let unknown = env.refused(&["meeting", "rename", "council-mar", "x"]);
    assert!(unknown.contains("unknown meeting 'council-mar'"), "{unknown}");
}

/// Renaming a meeting changes the reference of each of its agenda items (`MEETING/ITEM`): the
/// journal records an update of each, so that the item's history carries on under its new name.
#[test]
fn rename_journals_the_agenda_items_that_follow() {
    let env = Env::worked();
    let before = env.journal_count();
    env.engage().args(["meeting", "rename", "council-mar", "council-march"]).assert().success();
    let entries = env.new_entries(before);
    let agenda: Vec<&serde_json::Value> = entries.iter().filter(|e| e["kind"] == "agenda_item").collect();
    assert_eq!(agenda.len(), 1, "one update per agenda item of the meeting: {entries:#?}");
    assert_eq!(agenda[0]["action"], "update");
    assert_eq!(agenda[0]["key"], "council-march/briefing");
    assert_eq!((&agenda[0]["before"]["meeting"], &agenda[0]["after"]["meeting"]), (&json!("council-mar"), &json!("council-march")));
    let history = env.json(&["history", "council-march/briefing", "--format", "json"]);
    assert!(history.as_array().unwrap().iter().any(|e| e["command"].as_str().unwrap().contains("meeting rename")), "{history:#}");
}

#[test]
fn remove_is_refused_while_its_agenda_refers_to_it() {
    let env = Env::worked();
    env.write_one(&["agenda", "add", "council-mar/next-steps", "--topic", "Next steps"]);
    let refused = env.refused(&["meeting", "remove", "council-mar"]);
    assert!(refused.contains("agenda_item council-mar/briefing") && refused.contains("agenda_item council-mar/next-steps"), "{refused}");

    // Attendance is the meeting's own record: it goes with it.
    env.write_one(&["meeting", "add", "extra", "--table", "mayors", "--date", "2030-05-01"]);
    env.write_one(&["meeting", "attend", "extra", "city"]);
    let entry = env.write_one(&["meeting", "remove", "extra"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("meeting"), &json!("extra"), &json!("delete")));
    assert_eq!(
        entry["before"],
        json!({"key": "extra", "table": "mayors", "date": "2030-05-01", "end_date": null, "location": null, "attended": ["city"], "outcome": null})
    );
    assert_eq!(entry["after"], json!(null));
    assert!(common::find_key(&env.json(&["meeting", "list", "--format", "json"]), "extra").is_none());
    assert!(exported_item(&env.export_toml(), "meeting", "extra").is_none());
    assert!(section_keys(&env.stdout(&["org", "show", "city"]), "Meetings attended").is_empty());
    let attendees: i64 = env.conn().query_row("SELECT count(*) FROM meeting_attendee", [], |r| r.get(0)).unwrap();
    assert_eq!(attendees, 0);
    env.assert_clean();

    // Its agenda removed, the meeting may go.
    env.write_one(&["agenda", "remove", "mayors-apr/workshop"]);
    let entry = env.write_one(&["meeting", "remove", "mayors-apr"]);
    assert_eq!(entry["before"]["end_date"], "2030-04-16");
    assert_eq!(env.json_keys(&["meeting", "list", "--format", "json"]), ["council-mar"]);
    assert!(section_keys(&env.stdout(&["table", "show", "mayors"]), "Meetings").is_empty());
    env.assert_clean();
}
