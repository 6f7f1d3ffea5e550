//! Injection and bad input: what a plan file, a flag, `$ENGAGE_ACTOR` or an older store holds can
//! neither act on a terminal nor add to a calendar; input the store would refuse is refused first
//! with exit 2 and one clear line.

mod common;

use common::{Env, problems};
use icalendar::{Calendar, CalendarComponent};

/// A campaign with a table, a meeting, a milestone and a pair of materials.
const PLAN: &str = r#"
[campaign]
name = "Campaign"
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
location = "Ottawa"

[[meeting.agenda]]
key = "a"
topic = "Topic"

[[milestone]]
key = "ms"
title = "Milestone"
due = 2030-03-01

[[material]]
key = "deck-en"
title = "Deck"
lang = "en"
counterpart = "deck-fr"

[[material]]
key = "deck-fr"
title = "Présentation"
lang = "fr"
counterpart = "deck-en"
"#;

/// What an older engage let into the store: control characters in every kind of text.
const EVIL: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\r\nforged  row\u{9b}31m\u{202e}\u{2028}\tend";

fn planned() -> Env {
    let env = Env::new();
    env.apply("plan.toml", PLAN);
    env
}

/// Writes `EVIL` straight into the store, as an older version could have.
fn poisoned() -> Env {
    let env = planned();
    let conn = env.conn();
    let with = |sql: &str| conn.execute(sql, [EVIL]).unwrap_or_else(|e| panic!("{sql}: {e}"));
    with("UPDATE campaign SET name = ?1");
    with("UPDATE milestone SET title = ?1, owner = ?1, note = ?1");
    with("UPDATE meeting SET location = ?1");
    with("UPDATE forum SET name = ?1");
    with("UPDATE agenda_item SET topic = ?1, owner = ?1");
    with("UPDATE material SET title = ?1 WHERE key = 'deck-en'");
    env
}

/// A control character other than the line ends of the output itself.
fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|c| {
        (c.is_control() && *c != '\n') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

fn assert_exit_2_one_line(out: &std::process::Output, says: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.contains(says), "{stderr:?} should say {says:?}");
    assert!(!stderr.contains("constraint"), "{stderr:?}");
    assert_eq!(raw_control(&stderr), None, "{stderr:?}");
}

#[test]
fn human_output_never_writes_control_characters() {
    let env = poisoned();
    for args in [
        &["status", "--as-of", "2030-02-25"][..],
        &["upcoming", "--as-of", "2030-02-25", "--within", "30"],
        &["milestone", "list"],
        &["material", "list"],
        &["agenda", "list"],
        &["meeting", "list"],
        &["table", "list"],
        &["--lang", "fr", "status", "--as-of", "2030-02-25"],
        &["--lang", "fr", "upcoming", "--as-of", "2030-02-25"],
    ] {
        let out = env.stdout(args);
        assert_eq!(raw_control(&out), None, "engage {args:?}:\n{out}");
        assert!(out.contains("\\e]0;pwned"), "engage {args:?} shows the escape visibly:\n{out}");
    }
    // Machine formats keep the exact value.
    let json = env.json(&["milestone", "list", "--format", "json"]);
    assert_eq!(json[0]["title"], EVIL);
    assert!(env.export().contains("\\u001B]0;pwned") || env.export().contains("\\e]0;pwned"));
}

#[test]
fn forged_rows_stay_in_their_cell() {
    let env = poisoned();
    let out = env.stdout(&["milestone", "list"]);
    assert_eq!(out.lines().count(), 3, "header, rule and one row:\n{out}");
    assert!(out.contains("\\r⏎forged  row\\u{9b}31m\\u{202e}\\u{2028} end"), "{out}");
}

#[test]
fn the_actor_is_recorded_and_shown_visibly() {
    let env = planned();
    env.engage()
        .env("ENGAGE_ACTOR", "\u{1b}]0;owned\u{7}me\nforged")
        .args(["milestone", "done", "ms", "--on", "2030-02-01"])
        .assert()
        .success();
    let out = env.stdout(&["history", "ms"]);
    assert_eq!(raw_control(&out), None, "{out}");
    assert!(out.contains("\\e]0;owned\\u{7}me⏎forged"), "{out}");
}

#[test]
fn messages_quoting_input_stay_on_one_line() {
    let env = planned();
    let out = env.run(&["milestone", "done", "no\u{1b}[2J\nforged"]);
    assert_exit_2_one_line(&out, "\\e[2J⏎forged");
    let out = env.run(&["--lang", "fr", "milestone", "show", "x\u{9b}y"]);
    assert_exit_2_one_line(&out, "x\\u{9b}y");
    // A plan file's problems quote keys and values: one line each.
    let file = env.write("bad.toml", "[[milestone]]\nkey = \"bad\\nkey\\u001b[2J\"\ntitle = \"t\"\ndue = 2030-01-01\n");
    let out = env.engage().args(["plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(raw_control(&stderr), None, "{stderr:?}");
    assert_eq!(problems(&stderr, "bad.toml").len(), 1, "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
}

#[test]
fn single_line_fields_refuse_control_characters() {
    let env = planned();
    let journal = env.journal_count();
    for args in [
        &["milestone", "add", "x", "--title", "a\nb", "--due", "2030-01-01"][..],
        &["milestone", "add", "x", "--title", "t", "--owner", "o\u{1b}[2J", "--due", "2030-01-01"],
        &["org", "add", "o", "--name", "n\r", "--order", "federal"],
        &["meeting", "add", "m2", "--table", "t", "--date", "2030-01-01", "--location", "l\u{202e}"],
        &["agenda", "add", "m/b", "--topic", "t\u{85}"],
        &["material", "add", "x", "--title", "t\u{2028}"],
    ] {
        let out = env.run(args);
        assert_exit_2_one_line(&out, "control character");
    }
    let out = env.engage_db(&env.path("new.db")).args(["init", "--name", "a\r\nb"]).output().unwrap();
    assert_exit_2_one_line(&out, "control character");
    assert_eq!(env.journal_count(), journal);

    // In a plan file: every field at its position; a note may hold line feeds and tabs.
    let text = "[[milestone]]\nkey = \"x\"\ntitle = \"a\\rb\"\ndue = 2030-01-01\nowner = \"o\\u001b\"\n\
                note = \"one\\n\\ttwo\"\n\n[[milestone]]\nkey = \"y\"\ntitle = \"t\"\ndue = 2030-01-01\nnote = \"bell\\u0007\"\n";
    let file = env.write("ctl.toml", text);
    let out = env.engage().args(["--lang", "fr", "plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let found = problems(&stderr, "ctl.toml");
    let at: Vec<(u32, u32)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(at, vec![(3, 9), (5, 9), (12, 8)], "{stderr}");
    assert!(found.iter().all(|(_, _, m)| m.contains("caractère de contrôle")), "{stderr}");
    env.write("note.toml", "[[milestone]]\nkey = \"z\"\ntitle = \"t\"\ndue = 2030-01-01\nnote = \"one\\r\\n\\ttwo\"\n");
    env.engage().args(["plan", "apply"]).arg("note.toml").assert().success();
    let list = env.json(&["milestone", "list", "--format", "json"]);
    let z = list.as_array().unwrap().iter().find(|m| m["key"] == "z").unwrap();
    assert_eq!(z["note"], "one\n\ttwo", "CRLF is read as LF");
}

fn events(ics: &str) -> usize {
    let calendar: Calendar = ics.parse().unwrap_or_else(|e| panic!("not iCalendar ({e}):\n{ics}"));
    calendar.components.iter().filter(|c| matches!(c, CalendarComponent::Event(_))).count()
}

fn assert_sound_ics(ics: &str) {
    assert!(ics.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "every line ends with CRLF");
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "lines are folded at 75 octets");
    let bare_cr = ics.match_indices('\r').any(|(i, _)| !ics[i..].starts_with("\r\n"));
    assert!(!bare_cr, "no bare CR:\n{ics:?}");
}

#[test]
fn calendar_text_cannot_add_events() {
    let env = poisoned();
    let conn = env.conn();
    let inject = "Name\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:forged@x\r\nSUMMARY:forged\r\nEND:VEVENT\rBEGIN:VEVENT\n";
    conn.execute("UPDATE campaign SET name = ?1, name_fr = ?1", [inject]).unwrap();
    conn.execute("UPDATE meeting SET location = ?1", [inject]).unwrap();
    conn.execute("UPDATE milestone SET title = ?1, owner = ?1", [inject]).unwrap();
    for lang in ["en", "fr"] {
        let ics = env.stdout(&["--lang", lang, "export", "ics", "--as-of", "2030-02-25"]);
        assert_sound_ics(&ics);
        // The meeting and the open milestone; the materials have no date.
        assert_eq!(events(&ics), 2, "{ics}");
        assert!(!ics.contains("\nBEGIN:VEVENT\r\nUID:forged"), "{ics}");
        let calendar: Calendar = ics.parse().unwrap();
        assert_eq!(calendar.property_value("NAME").map(|n| n.starts_with("Name")), Some(true));
    }

    // A plan file cannot put CR or LF in the campaign's name in the first place.
    let fresh = Env::new();
    let file = fresh.write("p.toml", "[campaign]\nname = \"a\\r\\nBEGIN:VEVENT\"\nend = 2030-12-31\n");
    let out = fresh.engage().args(["plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(problems(&stderr, "p.toml").iter().map(|(l, c, _)| (*l, *c)).collect::<Vec<_>>(), vec![(2, 8)], "{stderr}");
}

#[test]
fn constraints_are_checked_before_sqlite() {
    let env = planned();
    let journal = env.journal_count();
    for (args, says) in [
        (&["agenda", "add", "m/a/b", "--topic", "t"][..], "'a/b'"),
        (&["agenda", "add", "m/", "--topic", "t"], "cannot be empty"),
        (&["agenda", "add", "/a", "--topic", "t"], "cannot be empty"),
        (&["agenda", "add", "M/a", "--topic", "t"], "'M'"),
        (&["material", "add", "x", "--title", "t", "--language", "fr", "--counterpart", "x"], "counterpart 'x'"),
        (&["meeting", "add", "m2", "--table", "t", "--date", "2030-03-02", "--end-date", "2030-03-01"], "before"),
        (&["milestone", "add", "x", "--title", " ", "--due", "2030-01-01"], "cannot be empty"),
        (&["material", "add", "x", "--title", "t", "--url", "ftp://x"], "http"),
    ] {
        assert_exit_2_one_line(&env.run(args), says);
    }
    let out = env.engage_db(&env.path("new.db")).args(["init", "--name", "n", "--start", "2030-02-01", "--end", "2030-01-01"]).output();
    assert_exit_2_one_line(&out.unwrap(), "before");
    assert_eq!(env.journal_count(), journal);

    // In a plan file, the same rules at their positions.
    let text = "[[material]]\nkey = \"self\"\ntitle = \"t\"\nlang = \"fr\"\ncounterpart = \"self\"\n\n\
                [[meeting]]\nkey = \"m3\"\ntable = \"t\"\ndate = 2030-03-02\nend_date = 2030-03-01\n";
    let file = env.write("c.toml", text);
    let out = env.engage().args(["plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("constraint"), "{stderr}");
    let at: Vec<u32> = problems(&stderr, "c.toml").iter().map(|(l, _, _)| *l).collect();
    assert_eq!(at, vec![5, 11], "{stderr}");
}

#[test]
fn dates_stay_in_four_digit_years() {
    let env = planned();
    for args in [
        &["milestone", "add", "x", "--title", "t", "--due", "0000-01-01"][..],
        &["milestone", "add", "x", "--title", "t", "--due", "1899-12-31"],
        &["milestone", "add", "x", "--title", "t", "--due", "9999-12-31"],
        &["upcoming", "--as-of", "9999-12-18"],
        &["status", "--as-of", "0000-01-01"],
        &["history", "--since", "9999-01-01"],
    ] {
        let out = env.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("1900 to 9998"), "{args:?}: {stderr}");
    }
    let file = env.write("d.toml", "[[milestone]]\nkey = \"x\"\ntitle = \"t\"\ndue = 9999-12-31\ndone_on = \"0000-01-01\"\n");
    let out = env.engage().args(["plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
    let found = problems(&String::from_utf8_lossy(&out.stderr), "d.toml");
    assert_eq!(found.iter().map(|(l, c, _)| (*l, *c)).collect::<Vec<_>>(), vec![(4, 7), (5, 11)], "{found:?}");

    // The last day allowed, with a long duration after it: forecasts stop at 9999-12-31.
    let edge = "[campaign]\nname = \"Edge\"\nstart = 9998-01-01\nend = 9998-12-31\n\n\
                [[milestone]]\nkey = \"last\"\ntitle = \"Last\"\ndue = 9998-12-31\n\n\
                [[milestone]]\nkey = \"after\"\ntitle = \"After\"\ndue = 9998-12-31\nduration_days = 36500\ndepends_on = [\"last\"]\n";
    let env = Env::new();
    env.apply("edge.toml", edge);
    let status = env.json(&["status", "--as-of", "9998-12-20", "--format", "json"]);
    assert_eq!(status["projected_end"], "9999-12-31");
    let upcoming = env.json(&["upcoming", "--as-of", "9998-12-18", "--format", "json"]);
    assert_eq!(upcoming.as_array().map(Vec::len), Some(2), "{upcoming}");
    let far = env.json(&["upcoming", "--as-of", "9998-12-18", "--within", "36500", "--format", "json"]);
    assert_eq!(far.as_array().map(Vec::len), Some(2), "{far}");
    for args in [&["status", "--as-of", "9998-12-20"][..], &["upcoming", "--as-of", "9998-12-20"]] {
        let out = env.stdout(args);
        assert!(!out.contains("+1000") && !out.contains("10000"), "{out}");
    }
    let ics = env.stdout(&["export", "ics", "--as-of", "9998-12-20"]);
    assert_sound_ics(&ics);
    assert!(ics.contains("DTEND;VALUE=DATE:99990101"), "{ics}");
    assert_eq!(events(&ics), 2);
}

#[test]
fn history_of_an_unknown_item_is_bad_input() {
    let env = planned();
    assert_exit_2_one_line(&env.run(&["history", "Bad Key!"]), "Bad Key!");
    assert_exit_2_one_line(&env.run(&["history", "nope"]), "unknown item 'nope'");
    assert_exit_2_one_line(&env.run(&["history", "m/a/b"]), "MEETING/ITEM");
    assert_exit_2_one_line(&env.run(&["history", "m/nope"]), "unknown item 'm/nope'");
    let fr = env.run(&["--lang", "fr", "history", "nope"]);
    assert_exit_2_one_line(&fr, "élément inconnu «\u{202f}nope\u{202f}»");
    for known in ["ms", "m/a", "deck-fr", "fed", "campaign"] {
        let entries = env.json(&["history", known, "--format", "json"]);
        assert!(!entries.as_array().unwrap().is_empty(), "{known}");
    }
}

#[test]
fn counterparts_must_pair_up() {
    let env = planned();
    let out = env.run(&["material", "add", "m3", "--title", "t", "--language", "fr", "--counterpart", "deck-en"]);
    assert_exit_2_one_line(&out, "counterpart 'deck-en' names 'deck-fr' as its counterpart, not 'm3'");
    // An item with no counterpart yet may be named by one item, not two.
    env.engage().args(["material", "add", "solo-en", "--title", "t", "--language", "en"]).assert().success();
    env.engage().args(["material", "add", "solo-fr", "--title", "t", "--language", "fr", "--counterpart", "solo-en"]).assert().success();
    let out = env.run(&["material", "add", "solo-fr2", "--title", "t", "--language", "fr", "--counterpart", "solo-en"]);
    assert_exit_2_one_line(&out, "already the counterpart of 'solo-fr'");
    env.engage().arg("check").assert().success();

    // In a plan file, at the counterpart that does not pair.
    let text = "[[material]]\nkey = \"m3\"\ntitle = \"t\"\nlang = \"fr\"\ncounterpart = \"deck-en\"\n";
    let file = env.write("m3.toml", text);
    let out = env.engage().args(["--lang", "fr", "plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
    let found = problems(&String::from_utf8_lossy(&out.stderr), "m3.toml");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (5, 15));
    assert!(
        found[0].2.contains("«\u{202f}deck-en\u{202f}» a «\u{202f}deck-fr\u{202f}» pour version équivalente, pas «\u{202f}m3\u{202f}»"),
        "{found:?}"
    );
    // A file that moves deck-fr away from deck-en, which still names it, is placed at deck-fr.
    let text = "[[material]]\nkey = \"deck-fr\"\ntitle = \"t\"\nlang = \"fr\"\ncounterpart = \"solo-en\"\n";
    let file = env.write("move.toml", text);
    let out = env.engage().args(["plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
    let found = problems(&String::from_utf8_lossy(&out.stderr), "move.toml");
    assert!(!found.is_empty() && found.iter().all(|(l, _, _)| [2, 5].contains(l)), "{found:?}");

    // A one-sided pair already in a store is reported by `check`.
    env.conn()
        .execute("INSERT INTO material (key, title, kind, lang, counterpart) VALUES ('m3', 't', 'other', 'fr', 'deck-en')", [])
        .unwrap();
    let out = env.engage().arg("check").assert().code(1).get_output().clone();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("material 'm3': counterpart 'deck-en' names 'deck-fr'"), "{text}");
}

#[test]
fn thousands_of_problems_are_counted_not_listed() {
    let env = Env::new();
    let mut text = String::from("[campaign]\nname = \"n\"\nend = 2030-12-31\n");
    for i in 0..2000 {
        text.push_str(&format!("\n[[milestone]]\nkey = \"m{i}\"\ntitle = \"t\"\ndue = 2030-02-30\n"));
    }
    let file = env.write("many.toml", &text);
    for (lang, more) in [("en", "… and 1950 more problems"), ("fr", "… et 1950 autres problèmes")] {
        let out = env.engage().args(["--lang", lang, "plan", "apply"]).arg(file.file_name().unwrap()).assert().code(2).get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(problems(&stderr, "many.toml").len(), 50);
        assert_eq!(stderr.lines().count(), 52, "{stderr}");
        assert!(stderr.contains(more), "{stderr}");
        assert!(stderr.contains("2000"), "{stderr}");
    }
}

#[test]
fn the_html_report_keeps_its_structure() {
    let env = poisoned();
    let html = env.stdout(&["report", "--as-of", "2030-02-25"]);
    let page = scraper::Html::parse_document(&html);
    assert!(page.errors.iter().all(|e| !e.contains("tag")), "{:?}", page.errors);
    let title = scraper::Selector::parse("h1").unwrap();
    assert_eq!(page.select(&title).count(), 1);
    assert!(!html.contains("<forged"), "text is escaped");
}
