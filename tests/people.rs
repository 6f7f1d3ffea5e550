//! People, end to end: add, list, show, set, rename, remove and import, each write checked in the
//! store and in the journal; the one set of keys people share with organizations.

mod common;

use common::{Env, exported_item, kka, section_keys, show_fields};
use serde_json::json;

/// The people in the store: key, organization key, email (straight from SQLite).
fn people_in_store(env: &Env) -> Vec<(String, String, Option<String>)> {
    let conn = env.conn();
    let mut stmt =
        conn.prepare("SELECT p.key, o.key, p.email FROM person p JOIN organization o ON o.id = p.organization_id ORDER BY p.key").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

/// The distributions in the store, as `MATERIAL/RECIPIENT` (`to` of a person is the person).
fn distributions_in_store(env: &Env) -> Vec<String> {
    let list = env.json(&["distribution", "list", "--format", "json", "--as-of", "2030-12-31"]);
    let mut keys: Vec<String> = list.as_array().unwrap().iter().map(|d| d["key"].as_str().unwrap().to_string()).collect();
    keys.sort();
    keys
}

#[test]
fn add_then_list_and_show_in_every_format() {
    let env = Env::reach();
    let entry = env.write_one(&[
        "person",
        "add",
        "mo",
        "--name",
        "Mo Ledger",
        "--organization",
        "city",
        "--role",
        "Clerk",
        "--email",
        "mo@example.org",
        "--language",
        "en",
        "--source",
        "mayors",
        "--retain-until",
        "2031-06-30",
    ]);
    let expected = json!({
        "key": "mo", "name": "Mo Ledger", "organization": "city", "role": "Clerk", "email": "mo@example.org",
        "lang": "en", "source": "mayors", "contact_permitted": true, "retain_until": "2031-06-30"
    });
    assert_eq!(kka(&entry), ("person".into(), "mo".into(), "create".into()));
    assert_eq!(entry["before"], json!(null));
    assert_eq!(entry["after"], expected);
    assert!(people_in_store(&env).contains(&("mo".into(), "city".into(), Some("mo@example.org".into()))));

    assert_eq!(env.json_keys(&["person", "list", "--format", "json"]), ["mo", "tess"]);
    assert_eq!(env.json_item(&["person", "list", "--format", "json"], "mo"), expected);
    let rows = env.csv(&["person", "list", "--format", "csv"]);
    let mo = rows.iter().find(|r| r["key"] == "mo").expect("mo in the CSV");
    assert_eq!(
        (mo["name"].as_str(), mo["organization"].as_str(), mo["email"].as_str(), mo["lang"].as_str(), mo["contact_permitted"].as_str()),
        ("Mo Ledger", "city", "mo@example.org", "en", "true")
    );
    let table = env.stdout(&["person", "list"]);
    let line = table.lines().find(|l| l.starts_with("mo ")).unwrap_or_else(|| panic!("no line for mo:\n{table}"));
    assert!(line.contains("Mo Ledger") && line.contains("city") && line.contains("mo@example.org"), "{line}");

    // With contact not permitted.
    let entry = env.write_one(&["person", "add", "nc", "--name", "No Contact", "--organization", "prov", "--no-contact"]);
    assert_eq!(entry["after"]["contact_permitted"], false);
    assert_eq!(entry["after"]["lang"], json!(null));

    let text = env.stdout(&["person", "show", "tess", "--as-of", "2030-05-01"]);
    let fields = show_fields(&text);
    assert_eq!(fields["key"], "tess");
    assert_eq!(fields["name"], "Tessaly Quorndrip");
    assert_eq!(fields["organization"], "terr");
    assert_eq!(fields["email"], "tq.private@example.net");
    assert_eq!(section_keys(&text, "Organization"), ["terr"]);
    assert_eq!(section_keys(&text, "Distributions"), ["deck-fr/tess"]);
    assert!(!section_keys(&text, "Journal").is_empty(), "{text}");

    // The organization's show lists its people and what went to them.
    let org = env.stdout(&["org", "show", "terr", "--as-of", "2030-05-01"]);
    assert_eq!(section_keys(&org, "People"), ["tess"]);
    assert!(org.contains("deck-fr/tess"), "{org}");

    let plan = env.export_toml();
    let exported = exported_item(&plan, "person", "mo").expect("mo exported");
    assert_eq!(exported["email"].as_str(), Some("mo@example.org"));
    assert_eq!(exported["retain_until"].to_string(), "2031-06-30");
    assert_eq!(exported_item(&plan, "person", "nc").unwrap()["contact_permitted"].as_bool(), Some(false));

    assert_eq!(env.refused(&["person", "show", "tes"]), "engage: unknown person 'tes' (did you mean 'tess'?)");
    env.assert_clean();
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::reach();
    let entry = env.write_one(&[
        "person",
        "set",
        "tess",
        "--email",
        "t.q@example.org",
        "--language",
        "en",
        "--contact-permitted",
        "false",
        "--role",
        "",
        "--retain-until",
        "2030-12-31",
    ]);
    assert_eq!(kka(&entry), ("person".into(), "tess".into(), "update".into()));
    for (field, before, after) in [
        ("email", json!("tq.private@example.net"), json!("t.q@example.org")),
        ("lang", json!("fr"), json!("en")),
        ("contact_permitted", json!(true), json!(false)),
        ("role", json!("Director of services"), json!(null)),
        ("retain_until", json!("2031-12-31"), json!("2030-12-31")),
    ] {
        assert_eq!((&entry["before"][field], &entry["after"][field]), (&before, &after), "{field}");
    }
    let listed = env.json_item(&["person", "list", "--format", "json"], "tess");
    assert_eq!((&listed["email"], &listed["contact_permitted"]), (&json!("t.q@example.org"), &json!(false)));

    let entry = env.write_one(&["person", "set", "tess", "--organization", "city", "--clear", "email"]);
    assert_eq!((&entry["before"]["organization"], &entry["after"]["organization"]), (&json!("terr"), &json!("city")));
    assert_eq!(entry["after"]["email"], json!(null));
    assert_eq!(people_in_store(&env), [("tess".into(), "city".into(), None)]);
    assert!(!exported_item(&env.export_toml(), "person", "tess").unwrap().contains_key("email"));

    env.unchanged(&["person", "set", "tess", "--organization", "city"]);

    let email = env.refused(&["person", "set", "tess", "--email", "not-an-address"]);
    assert!(email.contains("not-an-address") && email.contains("email"), "{email}");
    let org = env.refused(&["person", "set", "tess", "--organization", "nowhere"]);
    assert!(org.contains("unknown organization 'nowhere'"), "{org}");
    let lang = env.refused(&["person", "set", "tess", "--language", "bilingual"]);
    assert!(lang.contains("en or fr"), "{lang}");
    let name = env.refused(&["person", "set", "tess", "--clear", "name"]);
    assert!(name.contains("name"), "{name}");
    let date = env.refused(&["person", "set", "tess", "--retain-until", "2030-02-30"]);
    assert!(date.contains("2030-02-30"), "{date}");
    assert_eq!(env.refused(&["person", "set", "tes", "--role", "X"]), "engage: unknown person 'tes' (did you mean 'tess'?)");
    env.assert_clean();
}

/// `check` reports a person kept past their `retain_until` (exit 1, naming them), and not before.
#[test]
fn check_reports_people_kept_too_long() {
    let env = Env::reach();
    env.engage().arg("check").assert().success();
    env.write_one(&["person", "set", "tess", "--retain-until", "2020-01-01"]);
    let out = env.run(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("tess") && text.contains("2020-01-01"), "{text}");
    assert!(!text.contains("Tessaly") && !text.contains("tq.private"), "check names the key, not the person: {text}");
}

#[test]
fn rename_carries_their_distributions() {
    let env = Env::reach();
    let before = env.journal_count();
    env.engage().args(["person", "rename", "tess", "tessa"]).assert().success();
    let entries = env.new_entries(before);
    assert_eq!(kka(&entries[0]), ("person".into(), "tessa".into(), "update".into()));
    assert_eq!((&entries[0]["before"]["key"], &entries[0]["after"]["key"]), (&json!("tess"), &json!("tessa")));
    assert_eq!(people_in_store(&env)[0].0, "tessa");
    assert_eq!(distributions_in_store(&env), ["deck-fr/tessa", "deck/band", "deck/prov"]);
    let d = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-05-01"], "deck-fr/tessa");
    assert_eq!((&d["to"], &d["done_on"], &d["via"]), (&json!("tessa"), &json!("2030-04-20"), &json!("terr")));
    assert!(exported_item(&env.export_toml(), "person", "tessa").is_some());
    // Reach follows: terr is still reached through its person.
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-05-01"], "terr")["reached_on"], "2030-04-20");

    let org = env.refused(&["person", "rename", "tessa", "city"]);
    assert!(org.contains("city"), "{org}");
    let unknown = env.refused(&["person", "rename", "tess", "x"]);
    assert!(unknown.contains("unknown person 'tess'"), "{unknown}");
    env.assert_clean();
}

/// A distribution's reference (`MATERIAL/RECIPIENT`) changes when its recipient is renamed: like
/// a meeting's agenda items, the journal records an update of each, so that its history carries
/// on under its new reference.
#[test]
fn rename_journals_the_distributions_that_follow() {
    let env = Env::reach();
    let before = env.journal_count();
    env.engage().args(["person", "rename", "tess", "tessa"]).assert().success();
    let entries = env.new_entries(before);
    let followed: Vec<&serde_json::Value> = entries.iter().filter(|e| e["kind"] == "distribution").collect();
    assert_eq!(followed.len(), 1, "one update per distribution to the person: {entries:#?}");
    assert_eq!(kka(followed[0]), ("distribution".into(), "deck-fr/tessa".into(), "update".into()));
    assert_eq!((&followed[0]["before"]["to"], &followed[0]["after"]["to"]), (&json!("tess"), &json!("tessa")));
    let history = env.json(&["history", "deck-fr/tessa", "--format", "json"]);
    assert!(history.as_array().unwrap().iter().any(|e| e["command"].as_str().unwrap().contains("person rename")), "{history:#}");
}

/// `person remove` removes the person for good: their distributions become distributions to
/// their organization, or are dropped when the organization already has that material.
#[test]
fn remove_keeps_what_was_sent_as_sent_to_the_organization() {
    let env = Env::reach();
    // A second person of terr, who got the English deck; terr itself got the French one already.
    env.write_one(&["person", "add", "uma", "--name", "Uma Vell", "--organization", "terr", "--email", "uma@example.org"]);
    env.write_one(&["send", "deck", "--to", "uma", "--on", "2030-04-22"]);
    env.write_one(&["send", "deck-fr", "--to", "org:terr", "--on", "2030-04-21"]);
    assert_eq!(distributions_in_store(&env), ["deck-fr/terr", "deck-fr/tess", "deck/band", "deck/prov", "deck/uma"]);

    // tess's deck-fr: terr has deck-fr already, so it is dropped.
    let before = env.journal_count();
    env.engage().args(["person", "remove", "tess"]).assert().success();
    let mut entries: Vec<(String, String, String)> = env.new_entries(before).iter().map(kka).collect();
    entries.sort();
    assert_eq!(
        entries,
        [("distribution".into(), "deck-fr/tess".into(), "delete".into()), ("person".into(), "tess".into(), "delete".into())]
    );
    assert_eq!(distributions_in_store(&env), ["deck-fr/terr", "deck/band", "deck/prov", "deck/uma"]);

    // uma's deck: terr does not have it, so it goes to terr, with its date.
    let before = env.journal_count();
    env.engage().args(["person", "remove", "uma"]).assert().success();
    let entries = env.new_entries(before);
    let moved = entries.iter().find(|e| e["kind"] == "distribution").unwrap_or_else(|| panic!("{entries:#?}"));
    assert_eq!((&moved["before"]["to"], &moved["after"]["to"]), (&json!("uma"), &json!("terr")));
    assert!(entries.iter().any(|e| kka(e) == ("person".into(), "uma".into(), "delete".into())), "{entries:#?}");
    assert_eq!(distributions_in_store(&env), ["deck-fr/terr", "deck/band", "deck/prov", "deck/terr"]);
    let d = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-05-01"], "deck/terr");
    assert_eq!((&d["status"], &d["done_on"]), (&json!("done"), &json!("2030-04-22")));
    assert!(people_in_store(&env).is_empty());

    // Nothing of them is left in the store but the journal.
    let dump = env.dump();
    for (table, rows) in &dump {
        if table == "journal" {
            continue;
        }
        for row in rows {
            assert!(!row.contains("Tessaly") && !row.contains("Uma Vell") && !row.contains("uma@example.org"), "{table}: {row}");
        }
    }
    assert!(exported_item(&env.export_toml(), "person", "tess").is_none());
    // terr stays reached since 2030-04-20 (tess's deck-fr was dropped, terr's own is later).
    let terr = env.json_item(&["reach", "--format", "json", "--as-of", "2030-05-01"], "terr");
    assert_eq!(terr["reached"], true);

    assert_eq!(env.refused(&["person", "remove", "tess"]), "engage: unknown person 'tess'");
    env.assert_clean();
}

/// Person and organization keys are one set: each is refused where the other is.
#[test]
fn people_and_organizations_share_one_set_of_keys() {
    let env = Env::reach();
    let person = env.refused(&["person", "add", "fed", "--name", "X", "--organization", "prov"]);
    assert!(person.contains("'fed'"), "{person}");
    let org = env.refused(&["org", "add", "tess", "--name", "X", "--order", "federal"]);
    assert!(org.contains("'tess'"), "{org}");
    let rename = env.refused(&["person", "rename", "tess", "fed"]);
    assert!(rename.contains("'fed'") && rename.contains("organization"), "{rename}");
    let rename = env.refused(&["org", "rename", "terr", "tess"]);
    assert!(rename.contains("'tess'") && rename.contains("person"), "{rename}");

    let path = env.write("clash.toml", "[[person]]\nkey = \"city\"\nname = \"X\"\norganization = \"prov\"\n");
    let out = env.run(&["plan", "apply", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let problems = common::problems(&String::from_utf8_lossy(&out.stderr), path.to_str().unwrap());
    assert_eq!(problems.len(), 1, "{out:?}");
    assert!(problems[0].2.contains("city"), "{problems:?}");
}

/// The message for a key taken by the other kind says so; it does not send the user to
/// `engage person set fed`, which cannot work since fed is no person.
#[test]
fn a_key_taken_by_the_other_kind_is_named_as_such() {
    let env = Env::reach();
    let person = env.refused(&["person", "add", "fed", "--name", "X", "--organization", "prov"]);
    assert!(person.contains("organization"), "fed is an organization's key: {person}");
    assert!(!person.contains("person set"), "{person}");
    let org = env.refused(&["org", "add", "tess", "--name", "X", "--order", "federal"]);
    assert!(org.contains("person"), "tess is a person's key: {org}");
    assert!(!org.contains("org set"), "{org}");
}

#[test]
fn add_refuses_bad_input() {
    let env = Env::reach();
    let email = env.refused(&["person", "add", "pat", "--name", "Pat", "--organization", "prov", "--email", "pat-at-example.org"]);
    assert!(email.contains("pat-at-example.org"), "{email}");
    for bad in ["pat@", "@example.org", "pat@@example.org", "pat example@example.org"] {
        let line = env.refused(&["person", "add", "pat", "--name", "Pat", "--organization", "prov", "--email", bad]);
        assert!(line.contains("email"), "{bad}: {line}");
    }
    let org = env.refused(&["person", "add", "pat", "--name", "Pat", "--organization", "provv"]);
    assert!(org.contains("provv"), "{org}");
    let lang = env.refused(&["person", "add", "pat", "--name", "Pat", "--organization", "prov", "--language", "de"]);
    assert!(lang.contains("'de'"), "{lang}");
    let lang = env.refused(&["person", "add", "pat", "--name", "Pat", "--organization", "prov", "--language", "bilingual"]);
    assert!(lang.contains("en or fr"), "{lang}");
    let key = env.refused(&["person", "add", "Pat", "--name", "Pat", "--organization", "prov"]);
    assert!(key.contains("Pat"), "{key}");
    let taken = env.refused(&["person", "add", "tess", "--name", "Pat", "--organization", "prov"]);
    assert!(taken.contains("tess"), "{taken}");
    let name = env.refused(&["person", "add", "pat", "--organization", "prov"]);
    assert!(name.contains("--name"), "{name}");
    let date = env.refused(&["person", "add", "pat", "--name", "Pat", "--organization", "prov", "--retain-until", "2030-13-01"]);
    assert!(date.contains("2030-13-01"), "{date}");
}

const HEADER: &str = "key,name,organization,role,email,lang\n";

#[test]
fn import_loads_a_contact_list() {
    let env = Env::reach();
    let path = env.write(
        "contacts.csv",
        &format!(
            "{HEADER}ami,Ami One,city,Clerk,ami@example.org,fr\nbo,\"Two, Bo\",prov,,bo@example.org,en\ncy,Cy Three,band,Chief of staff,,\n"
        ),
    );
    let entries = env.write_journaled(&["person", "import", path.to_str().unwrap()], 3);
    let mut got: Vec<(String, String, String)> = entries.iter().map(kka).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("person".into(), "ami".into(), "create".into()),
            ("person".into(), "bo".into(), "create".into()),
            ("person".into(), "cy".into(), "create".into())
        ]
    );
    let bo = entries.iter().find(|e| e["key"] == "bo").unwrap();
    assert_eq!(
        bo["after"],
        json!({"key": "bo", "name": "Two, Bo", "organization": "prov", "role": null, "email": "bo@example.org",
               "lang": "en", "source": null, "contact_permitted": true, "retain_until": null})
    );
    assert_eq!(
        people_in_store(&env),
        [
            ("ami".into(), "city".into(), Some("ami@example.org".into())),
            ("bo".into(), "prov".into(), Some("bo@example.org".into())),
            ("cy".into(), "band".into(), None),
            ("tess".into(), "terr".into(), Some("tq.private@example.net".into())),
        ]
    );
    assert_eq!(env.json_item(&["person", "list", "--format", "json"], "cy")["lang"], json!(null));

    // The same file again changes nothing, and says so.
    let before = env.dump();
    let out = env.engage().args(["person", "import", path.to_str().unwrap()]).assert().success().get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 people created, 0 updated, 3 unchanged"), "{out:?}");
    assert_eq!(env.dump(), before);

    // A changed row updates that person only.
    let path = env.write(
        "contacts2.csv",
        &format!("{HEADER}ami,Ami One,city,Clerk,ami.one@example.org,fr\nbo,\"Two, Bo\",prov,,bo@example.org,en\n"),
    );
    let entry = env.write_one(&["person", "import", path.to_str().unwrap()]);
    assert_eq!(kka(&entry), ("person".into(), "ami".into(), "update".into()));
    assert_eq!((&entry["before"]["email"], &entry["after"]["email"]), (&json!("ami@example.org"), &json!("ami.one@example.org")));
    env.assert_clean();
}

/// A file with any bad row writes nothing and lists every bad row as `FILE:LINE: message`.
#[test]
fn import_with_bad_rows_writes_nothing_and_lists_each() {
    let env = Env::reach();
    let text = format!(
        "{HEADER}ok1,Ok,city,,ok@example.org,en\n\
         fed,Clash,city,,x@example.org,en\n\
         bad2,Bad,nowhere,,y@example.org,en\n\
         bad3,Bad,city,,not-an-email,en\n\
         bad4,Bad,city,,z@example.org,de\n\
         BAD KEY,Bad,city,,w@example.org,en\n\
         ok1,Again,city,,ok@example.org,en\n\
         ok2,Fine,prov,,ok2@example.org,fr\n"
    );
    let path = env.write("bad.csv", &text);
    let file = path.to_str().unwrap();
    let before = env.dump();
    let out = env.run(&["person", "import", file]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    assert_eq!(env.dump(), before, "a refused import changed the store");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut rows: Vec<(u32, String)> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{file}:")))
        .map(|rest| {
            let (line, message) = rest.split_once(": ").unwrap_or_else(|| panic!("{rest}"));
            (line.parse().unwrap_or_else(|_| panic!("FILE:LINE: {rest}")), message.to_string())
        })
        .collect();
    rows.sort();
    let lines: Vec<u32> = rows.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8], "every bad row, by its line in the file: {stderr}");
    for (line, word) in [(3, "organization"), (4, "nowhere"), (5, "not-an-email"), (6, "de"), (7, "BAD KEY"), (8, "ok1")] {
        let (_, message) = rows.iter().find(|(l, _)| *l == line).unwrap();
        assert!(message.contains(word), "line {line}: {message}");
    }
    assert!(stderr.lines().last().unwrap().starts_with("engage: "), "{stderr}");

    // A bad header, a missing column, an empty file, a missing file: refused in one line.
    let header = env.write("header.csv", "key,name,org,role,email,lang\nok,Ok,city,,ok@example.org,en\n");
    let line = env.refused(&["person", "import", header.to_str().unwrap()]);
    assert!(line.contains("organization") || line.contains("header"), "{line}");
    let short = env.write("short.csv", &format!("{HEADER}ok,Ok,city\n"));
    let out = env.run(&["person", "import", short.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{}:2", short.display())), "{out:?}");
    assert_eq!(env.dump(), before);
    let empty = env.write("empty.csv", "");
    let line = env.refused(&["person", "import", empty.to_str().unwrap()]);
    assert!(line.contains("empty.csv"), "{line}");
    let line = env.refused(&["person", "import", "missing.csv"]);
    assert!(line.contains("missing.csv"), "{line}");
}
