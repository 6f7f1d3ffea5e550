//! `engage send`, end to end: to a table, to a person (in their language), to a mix; what it says;
//! what it records in the store and the journal; and every refusal, which writes nothing.

mod common;

use common::{Env, kka};
use serde_json::json;

const AS_OF: &str = "2030-06-30";

/// A distribution as listed: key, status, done_on, via, note.
type Row = (String, String, Option<String>, Option<String>, Option<String>);

/// The distributions in the store: (key, status, done_on, via, note), sorted by key.
fn ledger(env: &Env) -> Vec<Row> {
    let list = env.json(&["distribution", "list", "--format", "json", "--as-of", AS_OF]);
    let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| (s(&d["key"]).unwrap(), s(&d["status"]).unwrap(), s(&d["done_on"]), s(&d["via"]), s(&d["note"])))
        .collect()
}

/// Runs `engage ARGS`, which must succeed; returns stderr and the journal entries it wrote.
fn send(env: &Env, args: &[&str]) -> (String, Vec<serde_json::Value>) {
    let before = env.journal_count();
    let out = env.engage().args(args).assert().success().get_output().clone();
    assert!(out.stdout.is_empty(), "send prints its messages on stderr: {out:?}");
    let entries = env.new_entries(before);
    for e in &entries {
        assert!(e["command"].as_str().unwrap().contains("send "), "{e:#}");
        assert_eq!(e["kind"], "distribution");
    }
    (String::from_utf8_lossy(&out.stderr).into_owned(), entries)
}

fn done(key: &str, on: &str) -> Row {
    (key.to_string(), "done".into(), Some(on.into()), None, None)
}

#[test]
fn send_to_a_table_records_each_member() {
    let env = Env::reach();
    // council: fed, agency, prov; prov has the deck already (2030-04-01).
    let (said, entries) = send(&env, &["send", "deck", "--to", "council", "--on", "2030-04-10"]);
    assert_eq!(said.lines().next().unwrap(), "sent deck to 3 recipients: 2 new, 1 had it already", "{said}");
    let mut got: Vec<(String, String, String)> = entries.iter().map(kka).collect();
    got.sort();
    assert_eq!(
        got,
        [("distribution".into(), "deck/agency".into(), "create".into()), ("distribution".into(), "deck/fed".into(), "create".into())]
    );
    let fed = entries.iter().find(|e| e["key"] == "deck/fed").unwrap();
    assert_eq!(
        fed["after"],
        json!({"material": "deck", "to": "fed", "via": null, "due": null, "status": "done", "done_on": "2030-04-10",
               "note": null, "acknowledged_on": null})
    );
    let ledger = ledger(&env);
    assert!(ledger.contains(&done("deck/agency", "2030-04-10")), "{ledger:?}");
    assert!(ledger.contains(&done("deck/fed", "2030-04-10")), "{ledger:?}");
    // prov's own distribution keeps its date.
    let prov = ledger.iter().find(|d| d.0 == "deck/prov").unwrap();
    assert_eq!(prov.2.as_deref(), Some("2030-04-01"));

    // Again: everyone had it already, nothing is written.
    let before = env.dump();
    let (said, entries) = send(&env, &["send", "deck", "--to", "council", "--on", "2030-04-11"]);
    assert_eq!(said.lines().next().unwrap(), "sent deck to 3 recipients: 0 new, 3 had it already");
    assert!(entries.is_empty());
    assert_eq!(env.dump(), before);

    // It counts in reach from its date: agency was reached on 2030-04-05 by a meeting already,
    // fed on 2030-03-10; both now have a distribution too.
    let fed = env.json_item(&["reach", "--format", "json", "--as-of", AS_OF], "fed");
    assert_eq!((&fed["reached_on"], &fed["distributions"]), (&json!("2030-03-10"), &json!(1)));
    let fed = env.json_item(&["reach", "--format", "json", "--as-of", "2030-04-09"], "fed");
    assert_eq!(fed["distributions"], 0);
    env.assert_clean();
}

#[test]
fn send_to_a_person_gives_the_version_in_their_language() {
    let env = Env::reach();
    env.write_one(&["person", "add", "eve", "--name", "Eve Ng", "--organization", "city", "--language", "en"]);
    env.write_one(&["person", "add", "nil", "--name", "Nil Lang", "--organization", "city"]);

    // eve reads English: deck-fr sends her deck, and the output says so.
    let (said, entries) = send(&env, &["send", "deck-fr", "--to", "eve", "--on", "2030-04-12"]);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines[0], "sent deck-fr to 1 recipient: 1 new, 0 had it already", "{said}");
    assert!(lines.iter().any(|l| l.trim() == "eve received deck (in their language)"), "{said}");
    assert_eq!(entries.iter().map(kka).collect::<Vec<_>>(), [("distribution".into(), "deck/eve".into(), "create".into())]);
    assert_eq!((&entries[0]["after"]["material"], &entries[0]["after"]["to"]), (&json!("deck"), &json!("eve")));

    // tess reads French and has deck-fr already.
    let (said, entries) = send(&env, &["send", "deck", "--to", "tess", "--on", "2030-04-12"]);
    assert_eq!(said.lines().next().unwrap(), "sent deck to 1 recipient: 0 new, 1 had it already", "{said}");
    assert!(entries.is_empty());

    // nil has no language: the material as named.
    let (said, entries) = send(&env, &["send", "deck-fr", "--to", "nil", "--on", "2030-04-12"]);
    assert_eq!(entries.iter().map(kka).collect::<Vec<_>>(), [("distribution".into(), "deck-fr/nil".into(), "create".into())]);
    assert!(!said.contains("in their language"), "{said}");

    let ledger = ledger(&env);
    assert!(ledger.contains(&done("deck/eve", "2030-04-12")), "{ledger:?}");
    assert!(ledger.contains(&done("deck-fr/nil", "2030-04-12")), "{ledger:?}");
    assert!(!ledger.iter().any(|d| d.0 == "deck-fr/eve" || d.0 == "deck/tess"), "{ledger:?}");

    // In French.
    env.write_one(&["person", "add", "fay", "--name", "Fay", "--organization", "prov", "--language", "fr"]);
    let out =
        env.engage().args(["--lang", "fr", "send", "deck", "--to", "fay", "--on", "2030-04-12"]).assert().success().get_output().clone();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("deck-fr") && said.contains("fay"), "{said}");
    assert!(!said.contains("recipient") && !said.contains("received"), "French output in English: {said}");
    env.assert_clean();
}

#[test]
fn send_to_a_mix_of_tables_organizations_and_people() {
    let env = Env::reach();
    env.write_one(&["person", "add", "eve", "--name", "Eve Ng", "--organization", "city", "--language", "en"]);
    // mayors (city), eve (a person of city), band (planned already), prov (had it), circle (band
    // again): each recipient once.
    let (said, entries) = send(
        &env,
        &[
            "send",
            "deck",
            "--to",
            "mayors",
            "eve",
            "band",
            "prov",
            "circle",
            "--on",
            "2030-05-02",
            "--via",
            "fed",
            "--note",
            "At the forum",
        ],
    );
    assert_eq!(said.lines().next().unwrap(), "sent deck to 4 recipients: 3 new, 1 had it already", "{said}");
    let mut got: Vec<(String, String, String)> = entries.iter().map(kka).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("distribution".into(), "deck/band".into(), "update".into()),
            ("distribution".into(), "deck/city".into(), "create".into()),
            ("distribution".into(), "deck/eve".into(), "create".into())
        ]
    );
    let band = entries.iter().find(|e| e["key"] == "deck/band").unwrap();
    assert_eq!((&band["before"]["status"], &band["after"]["status"]), (&json!("planned"), &json!("done")));
    assert_eq!((&band["after"]["done_on"], &band["after"]["due"]), (&json!("2030-05-02"), &json!("2030-06-01")));
    let via = |on: &str| Some(on.to_string());
    let ledger = ledger(&env);
    for key in ["deck/band", "deck/city", "deck/eve"] {
        let d = ledger.iter().find(|d| d.0 == key).unwrap_or_else(|| panic!("{key}: {ledger:?}"));
        assert_eq!(
            (d.1.as_str(), d.2.clone(), d.3.clone(), d.4.clone()),
            ("done", via("2030-05-02"), via("fed"), via("At the forum")),
            "{key}"
        );
    }
    // band is reached now; before that day it is not.
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-05-02"], "band")["reached_on"], "2030-05-02");
    assert_eq!(env.json_item(&["reach", "--format", "json", "--as-of", "2030-05-01"], "band")["reached"], false);
    env.assert_clean();
}

/// A key that names a table and an organization: `table:KEY` and `org:KEY` say which.
#[test]
fn table_and_org_prefixes_disambiguate() {
    let env = Env::reach();
    env.write_one(&["table", "add", "city", "--name", "City partners", "--kind", "network"]);
    env.write_journaled(&["table", "member", "add", "city", "city", "band"], 1);
    let line = env.refused(&["send", "deck", "--to", "city", "--on", "2030-05-02"]);
    assert!(line.contains("table:city") && line.contains("org:city"), "{line}");

    let (said, entries) = send(&env, &["send", "deck", "--to", "org:city", "--on", "2030-05-02"]);
    assert_eq!(said.lines().next().unwrap(), "sent deck to 1 recipient: 1 new, 0 had it already");
    assert_eq!(entries.iter().map(kka).collect::<Vec<_>>(), [("distribution".into(), "deck/city".into(), "create".into())]);
    let (said, entries) = send(&env, &["send", "deck", "--to", "table:city", "--on", "2030-05-03"]);
    assert_eq!(said.lines().next().unwrap(), "sent deck to 2 recipients: 1 new, 1 had it already");
    assert_eq!(entries.iter().map(kka).collect::<Vec<_>>(), [("distribution".into(), "deck/band".into(), "update".into())]);

    let line = env.refused(&["send", "deck", "--to", "table:fed"]);
    assert!(line.contains("fed"), "{line}");
    let line = env.refused(&["send", "deck", "--to", "org:council"]);
    assert!(line.contains("council"), "{line}");
}

/// The two language versions go together: a version is refused while its counterpart is not
/// done on the day, unless `--allow-gap`, which notes the gap (and the parity report shows it).
#[test]
fn one_version_waits_for_its_counterpart_unless_allow_gap() {
    let env = Env::reach();
    env.apply(
        "mail.toml",
        "[[material]]\nkey = \"mail\"\ntitle = \"Email\"\nkind = \"email\"\nlang = \"en\"\ncounterpart = \"courriel\"\n\
         status = \"done\"\ndone_on = 2030-04-01\n\n\
         [[material]]\nkey = \"courriel\"\ntitle = \"Courriel\"\nkind = \"email\"\nlang = \"fr\"\ncounterpart = \"mail\"\n",
    );
    let line = env.refused(&["send", "mail", "--to", "prov", "--on", "2030-04-02"]);
    assert!(line.contains("'courriel'") && line.contains("--allow-gap"), "{line}");
    // tess reads French: the version she would get is not done at all.
    let line = env.refused(&["send", "mail", "--to", "tess", "--on", "2030-04-02"]);
    assert!(line.contains("courriel"), "{line}");

    let (said, entries) = send(&env, &["send", "mail", "--to", "prov", "--on", "2030-04-02", "--allow-gap", "--note", "Urgent"]);
    assert_eq!(said.lines().next().unwrap(), "sent mail to 1 recipient: 1 new, 0 had it already");
    let note = entries[0]["after"]["note"].as_str().unwrap();
    assert!(note.starts_with("Urgent") && note.contains("courriel") && note.contains("--allow-gap"), "{note}");
    let (_, entries) = send(&env, &["send", "mail", "--to", "city", "--on", "2030-04-02", "--allow-gap"]);
    assert!(entries[0]["after"]["note"].as_str().unwrap().contains("courriel"), "{entries:#?}");
    let status = env.json(&["status", "--format", "json", "--as-of", "2030-04-02"]);
    let gaps = status["parity"].as_array().unwrap();
    assert!(gaps.iter().any(|g| g["key"] == "mail" && g["counterpart"] == "courriel" && g["missing"] == true), "{gaps:#?}");

    // Once both are done, either goes without --allow-gap, each to its reader.
    env.write_one(&["material", "done", "courriel", "--on", "2030-04-03"]);
    let line = env.refused(&["send", "mail", "--to", "fed", "--on", "2030-04-02"]);
    assert!(line.contains("courriel"), "as of the day it is sent: {line}");
    let (said, entries) = send(&env, &["send", "mail", "--to", "fed", "tess", "--on", "2030-04-03"]);
    assert_eq!(said.lines().next().unwrap(), "sent mail to 2 recipients: 2 new, 0 had it already", "{said}");
    assert!(said.lines().any(|l| l.trim() == "tess received courriel (in their language)"), "{said}");
    let mut keys: Vec<&str> = entries.iter().map(|e| e["key"].as_str().unwrap()).collect();
    keys.sort();
    assert_eq!(keys, ["courriel/tess", "mail/fed"]);
    assert!(entries.iter().all(|e| e["after"]["note"].is_null()), "{entries:#?}");
}

/// A pair of versions may be linked from one side only (`check` accepts it and the parity report
/// pairs them): `send` must see the pair from either side.
#[test]
fn a_counterpart_named_from_the_other_side_still_pairs() {
    let env = Env::reach();
    env.apply(
        "mail.toml",
        "[[material]]\nkey = \"mail\"\ntitle = \"Email\"\nkind = \"email\"\nlang = \"en\"\nstatus = \"done\"\ndone_on = 2030-04-01\n\n\
         [[material]]\nkey = \"courriel\"\ntitle = \"Courriel\"\nkind = \"email\"\nlang = \"fr\"\ncounterpart = \"mail\"\n",
    );
    env.engage().arg("check").assert().success();
    let status = env.json(&["status", "--format", "json", "--as-of", "2030-04-02"]);
    assert!(status["parity"].as_array().unwrap().iter().any(|g| g["key"] == "mail" && g["missing"] == true), "{status:#}");

    let line = env.refused(&["send", "mail", "--to", "prov", "--on", "2030-04-02"]);
    assert!(line.contains("courriel"), "{line}");
    let line = env.refused(&["send", "mail", "--to", "tess", "--on", "2030-04-02"]);
    assert!(line.contains("courriel"), "{line}");
    env.write_one(&["material", "done", "courriel", "--on", "2030-04-03"]);
    let (said, entries) = send(&env, &["send", "mail", "--to", "tess", "--on", "2030-04-03"]);
    assert!(said.contains("tess received courriel"), "{said}");
    assert_eq!(entries[0]["key"], "courriel/tess");
}

#[test]
fn bad_input_is_refused_and_writes_nothing() {
    let env = Env::reach();
    env.write_one(&["table", "add", "empty", "--name", "Nobody yet", "--kind", "network"]);
    env.write_one(&["person", "add", "quiet", "--name", "Quiet One", "--organization", "prov", "--no-contact"]);
    env.write_one(&["material", "add", "draft", "--title", "Draft"]);

    assert_eq!(
        env.refused(&["send", "dek", "--to", "prov", "--on", "2030-05-01"]),
        "engage: unknown material 'dek' (did you mean 'deck'?)"
    );
    let line = env.refused(&["send", "deck", "--to", "provv", "--on", "2030-05-01"]);
    assert!(line.contains("unknown recipient 'provv'") && line.contains("'prov'"), "{line}");
    // One bad recipient among good ones: nothing is sent to anyone.
    let line = env.refused(&["send", "deck", "--to", "fed", "nobody", "--on", "2030-05-01"]);
    assert!(line.contains("nobody"), "{line}");
    let line = env.refused(&["send", "deck", "--to", "empty", "--on", "2030-05-01"]);
    assert!(line.contains("empty") && line.contains("no members"), "{line}");
    let line = env.refused(&["send", "deck", "--to", "fed", "quiet", "--on", "2030-05-01"]);
    assert!(line.contains("quiet") && line.contains("contact"), "{line}");
    assert!(!line.contains("Quiet One"), "refused by key, not by name: {line}");
    let line = env.refused(&["send", "draft", "--to", "fed", "--on", "2030-05-01"]);
    assert!(line.contains("draft") && line.contains("not done"), "{line}");
    // deck was done on 2030-03-20: not ready the day before.
    let line = env.refused(&["send", "deck", "--to", "fed", "--on", "2030-03-19"]);
    assert!(line.contains("deck") && line.contains("2030-03-19"), "{line}");
    let line = env.refused(&["send", "deck", "--to", "fed", "--on", "2030-05-01", "--via", "fedd"]);
    assert!(line.contains("fedd"), "{line}");
    let line = env.refused(&["send", "deck", "--to", "fed", "--on", "2030-02-30"]);
    assert!(line.contains("2030-02-30"), "{line}");
    let line = env.refused(&["send", "deck", "--on", "2030-05-01"]);
    assert!(line.contains("--to"), "{line}");
    let line = env.refused(&["send", "deck", "--to", "fed", "--on", "2030-05-01", "--note", "a\u{1b}[31mred"]);
    assert!(!line.contains('\u{1b}'), "{line:?}");
    env.assert_clean();
}
