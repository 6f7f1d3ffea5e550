//! `engage export ics`: the calendar parses with a real iCalendar parser, with stable UIDs,
//! exclusive all-day ends and text that round-trips.

use std::process::Command;

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, EventLike};

fn engage(db: &std::path::Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin!("engage"));
    c.arg("--db").arg(db).env("ENGAGE_ACTOR", "tester").env("NO_COLOR", "1").env_remove("ENGAGE_LANG").env("LANG", "C");
    c
}

const PLAN: &str = r#"
[campaign]
name = "Calendar, test; with \\ specials"
end = 2030-12-31

[[organization]]
key = "fed"
name = "Fed"
order = "federal"

[[table]]
key = "t"
name = "Table, « générale »; fédérale"
members = ["fed"]

[[meeting]]
key = "forum"
table = "t"
date = 2030-10-01
end_date = 2030-10-03
location = "Québec, QC"

[[meeting.agenda]]
key = "guide"
topic = "Le Guide, ligne 1; partie \\ 2"

[[milestone]]
key = "launch"
title = "Launch; phase 1, part \\ 2"
due = 2030-11-15

[[milestone]]
key = "done-one"
title = "Already done"
due = 2030-01-15
status = "done"
done_on = 2030-01-10
"#;

#[test]
fn calendar_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, PLAN).unwrap();
    assert!(engage(&db).args(["plan", "apply"]).arg(&plan).status().unwrap().success());
    let out = engage(&db).args(["export", "ics", "--as-of", "2030-09-20"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 5);
    assert!(text.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "every line ends with CRLF");
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "lines are folded at 75 octets");

    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> =
        calendar.components.iter().filter_map(|c| if let CalendarComponent::Event(e) = c { Some(e) } else { None }).collect();
    assert_eq!(events.len(), 2, "one meeting and one open deadline; the done milestone is left out");

    let meeting = events.iter().find(|e| e.get_uid() == Some("meeting-forum@engage")).unwrap();
    assert_eq!(meeting.get_summary(), Some("Table, « générale »; fédérale"));
    assert_eq!(meeting.get_location(), Some("Québec, QC"));
    assert_eq!(meeting.get_start(), Some(DatePerhapsTime::Date(chrono::NaiveDate::from_ymd_opt(2030, 10, 1).unwrap())));
    assert_eq!(meeting.get_end(), Some(DatePerhapsTime::Date(chrono::NaiveDate::from_ymd_opt(2030, 10, 4).unwrap())), "DTEND is exclusive");
    assert!(meeting.get_description().unwrap().contains("\n- Le Guide, ligne 1; partie \\ 2 ("), "one agenda item a line");

    let launch = events.iter().find(|e| e.get_uid() == Some("milestone-launch@engage")).unwrap();
    assert_eq!(launch.get_summary(), Some("Milestone — Launch; phase 1, part \\ 2"));
    assert!(launch.get_description().unwrap().contains("on track"));

    // Stable UIDs: a second export names the same events.
    let again = engage(&db).args(["export", "ics", "--as-of", "2030-09-20"]).output().unwrap();
    let uids = |t: &str| t.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(uids(&text), uids(&String::from_utf8(again.stdout).unwrap()));
}

#[test]
fn calendar_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, PLAN).unwrap();
    assert!(engage(&db).args(["plan", "apply"]).arg(&plan).status().unwrap().success());
    let out = engage(&db).args(["--lang", "fr", "export", "ics", "--as-of", "2030-11-10"]).output().unwrap();
    let calendar: Calendar = String::from_utf8(out.stdout).unwrap().parse().unwrap();
    let launch = calendar
        .components
        .iter()
        .find_map(
            |c| if let CalendarComponent::Event(e) = c { (e.get_uid() == Some("milestone-launch@engage")).then_some(e) } else { None },
        )
        .unwrap();
    assert!(launch.get_summary().unwrap().starts_with("Jalon — "));
    assert!(launch.get_description().unwrap().contains("échéance proche"));
}
