//! Follow-up actions, end to end: add (the one line after a meeting), list, show, set, the
//! tracking verbs, rename and remove; a meeting's actions in `meeting show`, its rename carrying
//! them and its removal refused while they name it; actions in upcoming, status, export
//! progress, export ics, history and the plan file; and the as-of view.

mod common;

use common::{AS_OF, Env, check_tracking_verbs, exported_item, section_keys, show_fields};
use serde_json::json;

const LIST: [&str; 6] = ["action", "list", "--format", "json", "--as-of", AS_OF];

/// The worked example with one action committed at the council's March meeting.
fn with_action() -> Env {
    let env = Env::worked();
    env.engage()
        .args(["action", "add", "act-12", "--meeting", "council-mar", "--title", "Circulate the pilot terms"])
        .args(["--title-fr", "Diffuser les modalités du projet pilote", "--owner", "Secretariat", "--due", "2030-04-08"])
        .assert()
        .success();
    env
}

/// The meeting an action names in the store, by key (`None` when it names none).
fn meeting_in_store(env: &Env, action: &str) -> Option<String> {
    env.conn()
        .query_row("SELECT m.key FROM action_item a LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.key = ?1", [action], |r| r.get(0))
        .unwrap()
}

#[test]
fn add_in_one_line_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "action",
        "add",
        "act-12",
        "--meeting",
        "council-mar",
        "--title",
        "Circulate the pilot terms",
        "--owner",
        "Secretariat",
        "--due",
        "2030-04-08",
    ]);
    let expected = json!({
        "key": "act-12", "title": "Circulate the pilot terms", "title_fr": null, "owner": "Secretariat",
        "due": "2030-04-08", "meeting": "council-mar", "status": "planned", "done_on": null, "note": null
    });
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("action"), &json!("act-12"), &json!("create")));
    assert_eq!(entry["after"], expected);
    assert_eq!(meeting_in_store(&env, "act-12").as_deref(), Some("council-mar"));

    let mut listed = env.json_item(&LIST, "act-12");
    assert_eq!(listed["state"], "overdue");
    listed.as_object_mut().unwrap().remove("state");
    assert_eq!(listed, expected);
    assert_eq!(env.json_keys(&["action", "list", "--format", "json", "--meeting", "council-mar", "--as-of", AS_OF]), ["act-12"]);
    assert!(env.json_keys(&["action", "list", "--format", "json", "--meeting", "mayors-apr", "--as-of", AS_OF]).is_empty());

    let rows = env.csv(&["action", "list", "--format", "csv", "--as-of", AS_OF]);
    assert_eq!(rows.len(), 1);
    for (field, value) in [("key", "act-12"), ("meeting", "council-mar"), ("due", "2030-04-08"), ("state", "overdue")] {
        assert_eq!(rows[0][field], value, "{field}");
    }
    let table = env.stdout(&["action", "list", "--as-of", AS_OF]);
    let line = table.lines().find(|l| l.starts_with("act-12 ")).unwrap_or_else(|| panic!("no line:\n{table}"));
    assert!(line.contains("Circulate the pilot terms") && line.contains("council-mar") && line.contains("overdue"), "{line}");

    // An action may be committed elsewhere than at a meeting.
    env.write_one(&["action", "add", "act-13", "--title", "Call the city"]);
    assert_eq!(meeting_in_store(&env, "act-13"), None);
    assert_eq!(env.json_item(&LIST, "act-13")["state"], "unscheduled");

    let meeting = env.refused(&["action", "add", "act-14", "--title", "T", "--meeting", "council-ma"]);
    assert!(meeting.contains("unknown meeting 'council-ma'"), "{meeting}");
    let due = env.refused(&["action", "add", "act-14", "--title", "T", "--due", "2030-02-30"]);
    assert!(due.contains("2030-02-30"), "{due}");
    let taken = env.refused(&["action", "add", "act-12", "--title", "T"]);
    assert!(taken.contains("'act-12'") && taken.contains("action set"), "{taken}");
    let title = env.refused(&["action", "add", "act-14", "--title", " "]);
    assert!(title.contains("--title"), "{title}");
    env.assert_clean();
}

#[test]
fn show_gives_the_meeting_and_meeting_show_the_actions() {
    let env = with_action();
    let text = env.stdout(&["action", "show", "act-12", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["meeting"], "council-mar");
    assert_eq!(fields["state"], "overdue");
    assert_eq!(section_keys(&text, "Meeting"), ["council-mar"]);

    let meeting = env.stdout(&["meeting", "show", "council-mar", "--as-of", AS_OF]);
    assert_eq!(section_keys(&meeting, "Actions"), ["act-12"]);
    let french = env.stdout(&["--lang", "fr", "action", "show", "act-12", "--as-of", AS_OF]);
    assert!(french.contains("Diffuser les modalités du projet pilote") && french.contains("en retard"), "{french}");
    assert_eq!(env.refused(&["action", "show", "act-1"]), "engage: unknown action 'act-1' (did you mean 'act-12'?)");
}

#[test]
fn set_changes_and_clears_fields() {
    let env = with_action();
    let entry = env.write_one(&["action", "set", "act-12", "--due", "2030-04-20", "--owner", "", "--meeting", "mayors-apr"]);
    assert_eq!((&entry["before"]["due"], &entry["after"]["due"]), (&json!("2030-04-08"), &json!("2030-04-20")));
    assert_eq!(entry["after"]["owner"], json!(null));
    assert_eq!(meeting_in_store(&env, "act-12").as_deref(), Some("mayors-apr"));
    env.write_one(&["action", "set", "act-12", "--clear", "meeting", "--clear", "due"]);
    let listed = env.json_item(&LIST, "act-12");
    assert_eq!((&listed["meeting"], &listed["due"], &listed["state"]), (&json!(null), &json!(null), &json!("unscheduled")));
    env.unchanged(&["action", "set", "act-12", "--title", "Circulate the pilot terms"]);

    let meeting = env.refused(&["action", "set", "act-12", "--meeting", "nowhere"]);
    assert!(meeting.contains("unknown meeting 'nowhere'"), "{meeting}");
    let clear = env.refused(&["action", "set", "act-12", "--clear", "title"]);
    assert!(clear.contains("--clear title"), "{clear}");
    let done = env.refused(&["action", "set", "act-12", "--status", "done"]);
    assert!(done.contains("done_on"), "{done}");
    env.assert_clean();
}

#[test]
fn every_tracking_verb() {
    let env = with_action();
    check_tracking_verbs(&env, "action", "action", "act-12", "2030-04-09", AS_OF);
    let url = env.refused(&["action", "done", "act-12", "--url", "https://example.org"]);
    assert!(url.contains("--url"), "{url}");
}

#[test]
fn rename_and_remove() {
    let env = with_action();
    let entry = env.write_one(&["action", "rename", "act-12", "act-12b"]);
    assert_eq!((&entry["before"]["key"], &entry["after"]["key"]), (&json!("act-12"), &json!("act-12b")));
    assert_eq!(env.json_keys(&LIST), ["act-12b"]);
    // Its history follows it.
    let history = env.json(&["history", "act-12b", "--format", "json"]);
    assert_eq!(history.as_array().unwrap().len(), 2, "{history:#}");

    // The meeting it names is renamed: the action follows; removing the meeting is refused.
    env.engage().args(["meeting", "rename", "council-mar", "council-march"]).assert().success();
    assert_eq!(meeting_in_store(&env, "act-12b").as_deref(), Some("council-march"));
    assert_eq!(env.json_item(&LIST, "act-12b")["meeting"], "council-march");
    let refused = env.refused(&["meeting", "remove", "council-march"]);
    assert!(refused.contains("action act-12b"), "{refused}");

    let entry = env.write_one(&["action", "remove", "act-12b"]);
    assert_eq!((&entry["action"], &entry["after"]), (&json!("delete"), &json!(null)));
    assert!(env.json_keys(&LIST).is_empty());
    env.refused(&["action", "remove", "act-12b"]);
    env.assert_clean();
}

#[test]
fn actions_are_tracked_everywhere_the_others_are() {
    let env = with_action();
    // upcoming: overdue by 2 days as of 2030-04-10.
    let upcoming = env.json(&["upcoming", "--as-of", AS_OF, "--format", "json"]);
    let row = common::find_key(&upcoming, "act-12").expect("the action is upcoming");
    assert_eq!((&row["kind"], &row["state"], &row["days"]), (&json!("action"), &json!("overdue"), &json!(-2)));

    // status: counted, overdue, in percent complete (3 done of 10 counted).
    let status = env.json(&["status", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(status["counts"]["action"]["overdue"], 1, "{status:#}");
    assert_eq!((&status["done"], &status["counted"]), (&json!(3), &json!(10)));
    assert_eq!(status["percent_complete"], 30.0);
    assert!(status["overdue"].as_array().unwrap().iter().any(|r| r["key"] == "act-12" && r["kind"] == "action"));

    // export progress: kind action, with its French title at the end.
    let rows = env.csv(&["export", "progress", "--as-of", AS_OF]);
    let row = rows.iter().find(|r| r["key"] == "act-12").expect("in the progress CSV");
    assert_eq!((row["kind"].as_str(), row["state"].as_str(), row["variance_days"].as_str()), ("action", "overdue", "2"));
    assert_eq!(row["title_fr"], "Diffuser les modalités du projet pilote");
    assert_eq!(rows.iter().find(|r| r["key"] == "a").unwrap()["title_fr"], "", "empty where there is none");

    // export ics: an all-day event with a stable UID.
    let ics = env.stdout(&["export", "ics", "--as-of", AS_OF]);
    assert!(ics.contains("UID:action-act-12@engage") && ics.contains("DTSTART;VALUE=DATE:20300408"), "{ics}");

    // The plan file round trip: export, apply to a new store, export again.
    let plan = env.export_toml();
    let exported = exported_item(&plan, "action", "act-12").expect("exported");
    assert_eq!(exported["meeting"].as_str(), Some("council-mar"));
    let text = env.export();
    let other = Env::new();
    other.apply("plan.toml", &text);
    assert_eq!(other.export(), text);
    let again = other.engage().args(["plan", "apply"]).arg(other.path("plan.toml")).assert().success();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("nothing to change"));
}

#[test]
fn as_of_a_past_date_an_action_done_later_is_open() {
    let env = with_action();
    env.engage().args(["action", "done", "act-12", "--on", "2030-04-09"]).assert().success();
    let status = env.json(&["status", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(status["counts"]["action"]["done_late"], 1);
    let before = env.json(&["status", "--as-of", "2030-04-08", "--format", "json"]);
    assert_eq!(before["counts"]["action"]["due_soon"], 1, "{before:#}");
    let rows = env.csv(&["export", "progress", "--as-of", "2030-04-08"]);
    let row = rows.iter().find(|r| r["key"] == "act-12").unwrap();
    assert_eq!((row["status"].as_str(), row["done_on"].as_str()), ("planned", ""));
    let upcoming = env.json(&["upcoming", "--as-of", "2030-04-08", "--format", "json"]);
    assert!(common::find_key(&upcoming, "act-12").is_some(), "open as of the day before it was done");
}

#[test]
fn a_plan_file_with_a_bad_action_is_refused_whole() {
    let env = Env::worked();
    let file = env.write(
        "bad.toml",
        "[[action]]\nkey = \"x\"\ntitle = \"X\"\nmeeting = \"council-ma\"\n\n[[action]]\nkey = \"y\"\ntitle = \"Y\"\nstatus = \"done\"\n",
    );
    let before = env.dump();
    let out = env.engage().args(["plan", "apply"]).arg(&file).assert().code(2).get_output().stderr.clone();
    let problems = common::problems(&String::from_utf8_lossy(&out), &file.display().to_string());
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!((problems[0].0, problems[1].0), (4, 9));
    assert!(problems[0].2.contains("unknown meeting 'council-ma'"), "{problems:?}");
    assert_eq!(env.dump(), before);
}

#[test]
fn the_calendar_lists_a_meetings_actions_in_its_event() {
    let env = with_action();
    let text = env.stdout(&["export", "ics", "--as-of", AS_OF]);
    let calendar: icalendar::Calendar = text.parse().expect("a calendar");
    let meeting = calendar
        .components
        .iter()
        .find_map(|c| match c {
            icalendar::CalendarComponent::Event(e) if e.get_uid() == Some("meeting-council-mar@engage") => Some(e.clone()),
            _ => None,
        })
        .expect("the meeting's event");
    use icalendar::Component;
    let description = meeting.get_description().unwrap_or_default().to_string();
    assert!(description.contains("→ Circulate the pilot terms (action, 2030-04-08)"), "{description}");
    let fr = env.stdout(&["--lang", "fr", "export", "ics", "--as-of", AS_OF]);
    assert!(fr.replace("\r\n ", "").contains("Diffuser les modalités du projet pilote"), "{fr}");
}
