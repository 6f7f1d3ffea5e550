//! Properties of what engage writes from hostile text: names and titles made of any Unicode,
//! control characters included (as an older store may hold them), never put a raw control
//! character in human output, and the calendar always parses into exactly the events expected.

mod common;

use std::path::Path;

use common::Env;
use engage::model::types::is_unsafe_char;
use icalendar::{Calendar, CalendarComponent, Component};
use proptest::prelude::*;
use proptest::sample::select;

/// A base store: a campaign, a table, one meeting and `MILESTONES` open milestones.
const PLAN: &str = r#"
[campaign]
name = "Base"
start = 2030-01-01
end = 2030-12-31

[[organization]]
key = "fed"
name = "Fed"
order = "federal"

[[table]]
key = "t"
name = "Table"
members = ["fed"]

[[meeting]]
key = "m"
table = "t"
date = 2030-03-02

[[meeting.agenda]]
key = "a"
topic = "Topic"

[[milestone]]
key = "m1"
title = "One"
due = 2030-03-01

[[milestone]]
key = "m2"
title = "Two"
due = 2030-03-05
"#;

const MILESTONES: usize = 2;

/// Text of any Unicode, heavy in what could act on a terminal or a calendar.
fn hostile() -> impl Strategy<Value = String> {
    let special = select(vec![
        '\u{1b}', '\r', '\n', '\t', '\0', '\u{7}', '\u{8}', '\u{7f}', '\u{85}', '\u{9b}', '\u{2028}', '\u{2029}', '\u{202e}', '\u{2066}',
        ';', ',', '\\', ':', '"', '|',
    ]);
    prop_oneof![
        prop::collection::vec(prop_oneof![2 => special, 1 => any::<char>(), 2 => prop::char::range('a', 'z')], 1..40)
            .prop_map(|c| c.into_iter().collect::<String>()),
        any::<String>(),
        Just("x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\r\nEND:VEVENT\r\nBEGIN:VEVENT".to_string()),
    ]
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() }
}

/// A copy of the base store with hostile text written straight into it.
fn poisoned(base: &Path, name: &str, titles: &[String], location: &str) -> Env {
    let env = Env::new();
    std::fs::copy(base, env.db()).unwrap();
    let conn = env.conn();
    // The store keeps a campaign name that is not blank.
    conn.execute("UPDATE campaign SET name = 'x' || ?1, name_fr = ?1", [name]).unwrap();
    conn.execute("UPDATE meeting SET location = ?1", [location]).unwrap();
    conn.execute("UPDATE forum SET name = ?1", [location]).unwrap();
    conn.execute("UPDATE agenda_item SET topic = ?1, owner = ?1", [location]).unwrap();
    for (i, title) in titles.iter().enumerate() {
        let key = format!("m{}", i + 1);
        conn.execute("UPDATE milestone SET title = ?1, owner = ?1, note = ?1 WHERE key = ?2", [title, &key]).unwrap();
    }
    env
}

fn base() -> (Env, std::path::PathBuf) {
    let env = Env::new();
    env.apply("plan.toml", PLAN);
    let db = env.db();
    (env, db)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn human_output_holds_no_raw_control_character(
        name in hostile(), titles in prop::collection::vec(hostile(), MILESTONES), location in hostile(), fr in any::<bool>()
    ) {
        let (_keep, db) = base();
        let env = poisoned(&db, &name, &titles, &location);
        let lang = if fr { "fr" } else { "en" };
        for args in [
            &["--lang", lang, "status", "--as-of", "2030-02-25"][..],
            &["--lang", lang, "upcoming", "--as-of", "2030-02-25", "--within", "30"],
            &["--lang", lang, "milestone", "list"],
        ] {
            let out = env.run(args);
            prop_assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            let raw = text.chars().find(|c| is_unsafe_char(*c) && *c != '\n');
            prop_assert_eq!(raw, None, "engage {:?}:\n{}", args, text);
            prop_assert!(String::from_utf8_lossy(&out.stderr).is_empty());
        }
        // A milestone list is its header, its rule and one line per milestone.
        let list = env.stdout(&["milestone", "list"]);
        prop_assert_eq!(list.lines().count(), 2 + MILESTONES, "{}", list);
    }

    #[test]
    fn the_calendar_parses_into_the_events_expected(
        name in hostile(), titles in prop::collection::vec(hostile(), MILESTONES), location in hostile(), fr in any::<bool>()
    ) {
        let (_keep, db) = base();
        let env = poisoned(&db, &name, &titles, &location);
        let lang = if fr { "fr" } else { "en" };
        let ics = env.stdout(&["--lang", lang, "export", "ics", "--as-of", "2030-02-25"]);
        prop_assert!(ics.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "CRLF line ends: {:?}", ics);
        prop_assert!(ics.split("\r\n").all(|l| l.len() <= 75), "folded at 75 octets: {:?}", ics);
        prop_assert!(!ics.match_indices('\r').any(|(i, _)| !ics[i..].starts_with("\r\n")), "a bare CR: {:?}", ics);
        let calendar: Calendar = ics.parse().map_err(|e| TestCaseError::fail(format!("{e}: {ics:?}")))?;
        let uids: Vec<&str> = calendar
            .components
            .iter()
            .filter_map(|c| if let CalendarComponent::Event(e) = c { e.get_uid() } else { None })
            .collect();
        prop_assert_eq!(uids, vec!["meeting-m@engage", "milestone-m1@engage", "milestone-m2@engage"]);
        prop_assert_eq!(calendar.components.len(), 1 + MILESTONES, "{:?}", ics);
    }
}
