//! Everyday editing of agenda items (`MEETING/ITEM`), end to end: add, list, show, set, the
//! tracking verbs, rename and remove, each write checked in the store and in the journal.

mod common;

use common::{AS_OF, Env, check_tracking_verbs, exported_item, section_keys, section_rows, show_fields};
use serde_json::json;

/// The agenda of `meeting` in an exported plan: (key, topic) pairs.
fn exported_agenda(env: &Env, meeting: &str) -> Vec<(String, String)> {
    let plan = env.export_toml();
    let Some(m) = exported_item(&plan, "meeting", meeting) else { panic!("meeting {meeting} not exported") };
    m.get("agenda")
        .and_then(|a| a.as_array())
        .map(|a| a.iter().map(|i| (i["key"].as_str().unwrap().to_string(), i["topic"].as_str().unwrap().to_string())).collect())
        .unwrap_or_default()
}

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "agenda",
        "add",
        "mayors-apr/opening",
        "--topic",
        "Opening remarks",
        "--topic-fr",
        "Mot d'ouverture",
        "--owner",
        "Co-chairs",
    ]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("agenda_item"), &json!("mayors-apr/opening"), &json!("create")));
    assert_eq!(entry["before"], json!(null));
    assert_eq!(
        entry["after"],
        json!({"meeting": "mayors-apr", "key": "opening", "topic": "Opening remarks", "topic_fr": "Mot d'ouverture",
               "owner": "Co-chairs", "status": "planned", "done_on": null, "note": null})
    );

    let list = ["agenda", "list", "--format", "json", "--as-of", AS_OF];
    let mut keys = env.json_keys(&list);
    keys.sort();
    assert_eq!(keys, ["council-mar/briefing", "mayors-apr/opening", "mayors-apr/workshop"]);
    let opening = env.json_item(&list, "mayors-apr/opening");
    assert_eq!(opening["meeting"], "mayors-apr");
    assert_eq!(opening["item"], "opening");
    assert_eq!(opening["topic"], "Opening remarks");
    assert_eq!(opening["topic_fr"], "Mot d'ouverture");
    assert_eq!(opening["owner"], "Co-chairs");
    assert_eq!(opening["status"], "planned");
    assert_eq!(opening["date"], "2030-04-15", "the meeting's date");
    assert_eq!(opening["state"], "due_soon", "five days after as-of");
    assert_eq!(env.json_keys(&["agenda", "list", "--format", "json", "--owner", "Co-chairs"]), ["mayors-apr/opening"]);
    let mut of_meeting = env.json_keys(&["agenda", "list", "--format", "json", "--meeting", "mayors-apr"]);
    of_meeting.sort();
    assert_eq!(of_meeting, ["mayors-apr/opening", "mayors-apr/workshop"]);
    assert_eq!(env.json_keys(&["agenda", "list", "--format", "json", "--table", "council"]), ["council-mar/briefing"]);

    let rows = env.csv(&["agenda", "list", "--format", "csv", "--as-of", AS_OF]);
    assert_eq!(rows.len(), 3);
    let row = rows.iter().find(|r| r["key"] == "mayors-apr/opening").expect("in the CSV");
    assert_eq!(row["meeting"], "mayors-apr");
    assert_eq!(row["item"], "opening");
    assert_eq!(row["topic_fr"], "Mot d'ouverture");
    assert_eq!(row["status"], "planned");
    assert_eq!(row["done_on"], "");
    assert_eq!(row["state"], "due_soon");
    let briefing = rows.iter().find(|r| r["key"] == "council-mar/briefing").unwrap();
    assert_eq!(
        (briefing["status"].as_str(), briefing["done_on"].as_str(), briefing["state"].as_str()),
        ("done", "2030-03-20", "done_on_time")
    );

    let table = env.stdout(&["agenda", "list", "--as-of", AS_OF]);
    let line = table.lines().find(|l| l.starts_with("mayors-apr/opening ")).unwrap_or_else(|| panic!("no line:\n{table}"));
    assert!(line.contains("Opening remarks") && line.contains("Co-chairs") && line.contains("due soon"), "{line}");

    let mut exported = exported_agenda(&env, "mayors-apr");
    exported.sort();
    assert_eq!(exported, [("opening".to_string(), "Opening remarks".to_string()), ("workshop".to_string(), "Workshop".to_string())]);

    // Refused: an unknown meeting, a taken reference, no meeting, a bad item key.
    let meeting = env.refused(&["agenda", "add", "mayors-ap/x", "--topic", "X"]);
    assert!(meeting.contains("mayors-ap"), "{meeting}");
    let taken = env.refused(&["agenda", "add", "mayors-apr/opening", "--topic", "X"]);
    assert!(taken.contains("opening"), "{taken}");
    let bare = env.refused(&["agenda", "add", "opening", "--topic", "X"]);
    assert!(bare.contains("opening"), "{bare}");
    let bad = env.refused(&["agenda", "add", "mayors-apr/Bad", "--topic", "X"]);
    assert!(bad.contains("Bad"), "{bad}");
    env.assert_clean();
}

#[test]
fn show_gives_the_meeting_and_the_state() {
    let env = Env::worked();
    let text = env.stdout(&["agenda", "show", "mayors-apr/workshop", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["meeting"], "mayors-apr");
    assert_eq!(fields["key"], "mayors-apr/workshop");
    assert_eq!(fields["topic"], "Workshop");
    assert_eq!(fields["status"], "planned");
    assert_eq!(fields["date"], "2030-04-15");
    assert_eq!(fields["state"], "due soon");
    assert_eq!(section_keys(&text, "Meeting"), ["mayors-apr"]);
    let journal = section_rows(&text, "Journal");
    assert_eq!(journal.len(), 1, "{text}");
    assert!(journal[0].contains("created"), "{text}");

    // Later, it is overdue.
    let later = env.stdout(&["agenda", "show", "mayors-apr/workshop", "--as-of", "2030-04-20"]);
    assert_eq!(show_fields(&later)["state"], "overdue");

    assert_eq!(
        env.refused(&["agenda", "show", "mayors-apr/worksop"]),
        "engage: unknown agenda item 'mayors-apr/worksop' (did you mean 'mayors-apr/workshop'?)"
    );
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::worked();
    let list = ["agenda", "list", "--format", "json", "--as-of", AS_OF];
    let entry = env.write_one(&[
        "agenda",
        "set",
        "mayors-apr/workshop",
        "--owner",
        "Secretariat",
        "--topic-fr",
        "Atelier",
        "--note",
        "Room booked",
        "--status",
        "in_progress",
    ]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("agenda_item"), &json!("mayors-apr/workshop"), &json!("update")));
    assert_eq!((&entry["before"]["owner"], &entry["after"]["owner"]), (&json!(null), &json!("Secretariat")));
    assert_eq!((&entry["before"]["status"], &entry["after"]["status"]), (&json!("planned"), &json!("in_progress")));
    let item = env.json_item(&list, "mayors-apr/workshop");
    assert_eq!(
        (&item["owner"], &item["topic_fr"], &item["note"], &item["status"]),
        (&json!("Secretariat"), &json!("Atelier"), &json!("Room booked"), &json!("in_progress"))
    );

    // Done through set, with its date.
    let entry = env.write_one(&[
        "agenda",
        "set",
        "mayors-apr/workshop",
        "--status",
        "done",
        "--done-on",
        "2030-04-09",
        "--topic",
        "Design workshop",
    ]);
    assert_eq!((&entry["after"]["status"], &entry["after"]["done_on"]), (&json!("done"), &json!("2030-04-09")));
    let item = env.json_item(&list, "mayors-apr/workshop");
    assert_eq!((&item["topic"], &item["state"]), (&json!("Design workshop"), &json!("done_on_time")));

    // Clears: "" and --clear.
    let entry = env.write_one(&["agenda", "set", "mayors-apr/workshop", "--owner", ""]);
    assert_eq!((&entry["before"]["owner"], &entry["after"]["owner"]), (&json!("Secretariat"), &json!(null)));
    let entry = env.write_one(&["agenda", "set", "mayors-apr/workshop", "--clear", "topic_fr", "--clear", "note"]);
    assert_eq!((&entry["after"]["topic_fr"], &entry["after"]["note"]), (&json!(null), &json!(null)));
    let item = env.json_item(&list, "mayors-apr/workshop");
    assert_eq!((&item["owner"], &item["topic_fr"], &item["note"]), (&json!(null), &json!(null), &json!(null)));
    let plan = env.export_toml();
    let agenda = exported_item(&plan, "meeting", "mayors-apr").unwrap()["agenda"].as_array().unwrap().clone();
    let workshop = agenda.iter().find(|a| a["key"].as_str() == Some("workshop")).unwrap().as_table().unwrap();
    assert!(!workshop.contains_key("owner") && !workshop.contains_key("topic_fr") && !workshop.contains_key("note"), "{workshop:?}");
    assert_eq!(workshop["status"].as_str(), Some("done"));

    env.unchanged(&["agenda", "set", "mayors-apr/workshop", "--topic", "Design workshop"]);

    let status = env.refused(&["agenda", "set", "council-mar/briefing", "--status", "finished"]);
    assert!(status.contains("finished"), "{status}");
    let undated = env.refused(&["agenda", "set", "council-mar/briefing", "--status", "planned", "--done-on", "2030-03-20"]);
    assert!(undated.contains("done_on"), "{undated}");
    let topic = env.refused(&["agenda", "set", "council-mar/briefing", "--topic", ""]);
    assert!(topic.contains("--topic"), "{topic}");
    let clear = env.refused(&["agenda", "set", "council-mar/briefing", "--clear", "topic"]);
    assert!(clear.contains("topic"), "{clear}");
    assert_eq!(
        env.refused(&["agenda", "set", "council-mar/briefin", "--owner", "X"]),
        "engage: unknown agenda item 'council-mar/briefin' (did you mean 'council-mar/briefing'?)"
    );
    env.assert_clean();
}

#[test]
fn every_tracking_verb() {
    let env = Env::worked();
    check_tracking_verbs(&env, "agenda", "agenda_item", "mayors-apr/workshop", "2030-04-09", AS_OF);
    let url = env.refused(&["agenda", "done", "mayors-apr/workshop", "--on", "2030-04-09", "--url", "https://example.org/"]);
    assert!(url.contains("--url"), "{url}");
    let unknown = env.refused(&["agenda", "done", "mayors-apr/worksop"]);
    assert!(unknown.starts_with("engage: unknown agenda item 'mayors-apr/worksop'"), "{unknown}");
}

#[test]
fn rename_within_and_across_meetings() {
    let env = Env::worked();
    env.write_one(&["agenda", "set", "mayors-apr/workshop", "--owner", "Secretariat"]);

    // A new item key, the same meeting.
    let entry = env.write_one(&["agenda", "rename", "mayors-apr/workshop", "mayors-apr/design-workshop"]);
    assert_eq!(
        (&entry["kind"], &entry["key"], &entry["action"]),
        (&json!("agenda_item"), &json!("mayors-apr/design-workshop"), &json!("update"))
    );
    assert_eq!((&entry["before"]["key"], &entry["after"]["key"]), (&json!("workshop"), &json!("design-workshop")));
    assert_eq!((&entry["before"]["meeting"], &entry["after"]["meeting"]), (&json!("mayors-apr"), &json!("mayors-apr")));
    assert_eq!(entry["after"]["owner"], "Secretariat");
    assert_eq!(exported_agenda(&env, "mayors-apr"), [("design-workshop".to_string(), "Workshop".to_string())]);

    // Another meeting: the item moves there, its date with it.
    let entry = env.write_one(&["agenda", "rename", "mayors-apr/design-workshop", "council-mar/workshop"]);
    assert_eq!((&entry["before"]["meeting"], &entry["after"]["meeting"]), (&json!("mayors-apr"), &json!("council-mar")));
    assert_eq!(entry["key"], "council-mar/workshop");
    assert!(exported_agenda(&env, "mayors-apr").is_empty());
    let mut at_council = exported_agenda(&env, "council-mar");
    at_council.sort();
    assert_eq!(at_council, [("briefing".to_string(), "Briefing".to_string()), ("workshop".to_string(), "Workshop".to_string())]);
    let item = env.json_item(&["agenda", "list", "--format", "json", "--as-of", AS_OF], "council-mar/workshop");
    assert_eq!((&item["meeting"], &item["date"], &item["state"]), (&json!("council-mar"), &json!("2030-03-20"), &json!("overdue")));
    let mut shown = section_keys(&env.stdout(&["meeting", "show", "council-mar"]), "Agenda");
    shown.sort();
    assert_eq!(shown, ["council-mar/briefing", "council-mar/workshop"]);
    assert!(section_keys(&env.stdout(&["meeting", "show", "mayors-apr"]), "Agenda").is_empty());
    // The journal of its new reference has the move.
    let history = env.json(&["history", "council-mar/workshop", "--format", "json"]);
    assert!(history.as_array().unwrap().iter().any(|e| e["before"]["meeting"] == "mayors-apr"), "{history:#}");
    env.assert_clean();

    let taken = env.refused(&["agenda", "rename", "council-mar/workshop", "council-mar/briefing"]);
    assert!(taken.contains("exists"), "{taken}");
    let meeting = env.refused(&["agenda", "rename", "council-mar/workshop", "nowhere/workshop"]);
    assert!(meeting.contains("nowhere"), "{meeting}");
    let bare = env.refused(&["agenda", "rename", "council-mar/workshop", "workshop"]);
    assert!(bare.contains("MEETING/ITEM"), "{bare}");
    let bad = env.refused(&["agenda", "rename", "council-mar/workshop", "council-mar/Work"]);
    assert!(bad.contains("Work"), "{bad}");
}

#[test]
fn remove_deletes_and_journals_the_last_values() {
    let env = Env::worked();
    // Nothing refers to an agenda item: removing one is always allowed, even when done.
    let entry = env.write_one(&["agenda", "remove", "council-mar/briefing"]);
    assert_eq!(
        (&entry["kind"], &entry["key"], &entry["action"]),
        (&json!("agenda_item"), &json!("council-mar/briefing"), &json!("delete"))
    );
    assert_eq!(
        entry["before"],
        json!({"meeting": "council-mar", "key": "briefing", "topic": "Briefing", "topic_fr": null, "owner": null,
               "status": "done", "done_on": "2030-03-20", "note": null})
    );
    assert_eq!(entry["after"], json!(null));
    assert_eq!(env.json_keys(&["agenda", "list", "--format", "json"]), ["mayors-apr/workshop"]);
    assert!(exported_agenda(&env, "council-mar").is_empty());
    let rows: i64 = env.conn().query_row("SELECT count(*) FROM agenda_item", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 1);
    assert!(section_keys(&env.stdout(&["meeting", "show", "council-mar"]), "Agenda").is_empty());
    env.assert_clean();

    // Refused: an unknown item, or no meeting given.
    let unknown = env.refused(&["agenda", "remove", "council-mar/briefing"]);
    assert!(unknown.starts_with("engage: unknown agenda item 'council-mar/briefing'"), "{unknown}");
    let bare = env.refused(&["agenda", "remove", "workshop"]);
    assert!(bare.contains("workshop"), "{bare}");
}
