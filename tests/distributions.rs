//! Distributions, end to end: add, list (every filter and format, as of past dates), show, set,
//! remove, acknowledge and the tracking verbs, each write checked in the store and the journal.

mod common;

use common::{Env, check_tracking_verbs, exported, kka, section_keys, show_fields};
use serde_json::json;

/// The keys `distribution list ARGS --format json` gives, in order.
fn listed(env: &Env, args: &[&str]) -> Vec<String> {
    let mut full = vec!["distribution", "list", "--format", "json"];
    full.extend_from_slice(args);
    env.json_keys(&full)
}

/// The distribution rows of the store: (material, recipient organization or person, status).
fn in_store(env: &Env) -> Vec<(String, String, String)> {
    let conn = env.conn();
    let mut stmt = conn
        .prepare(
            "SELECT m.key, coalesce(o.key, p.key), d.status FROM distribution d JOIN material m ON m.id = d.material_id \
             LEFT JOIN organization o ON o.id = d.organization_id LEFT JOIN person p ON p.id = d.person_id ORDER BY 1, 2",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn add_then_list_show_and_export() {
    let env = Env::reach();
    let entry = env.write_one(&["distribution", "add", "deck-fr/city", "--due", "2030-05-15", "--via", "prov", "--note", "At the forum"]);
    assert_eq!(kka(&entry), ("distribution".into(), "deck-fr/city".into(), "create".into()));
    let expected = json!({"material": "deck-fr", "to": "city", "via": "prov", "due": "2030-05-15", "status": "planned",
                          "done_on": null, "note": "At the forum", "acknowledged_on": null});
    assert_eq!(entry["after"], expected);
    assert!(in_store(&env).contains(&("deck-fr".into(), "city".into(), "planned".into())), "{:?}", in_store(&env));

    let item = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-05-10"], "deck-fr/city");
    assert_eq!(
        item,
        json!({"key": "deck-fr/city", "material": "deck-fr", "to": "city", "via": "prov", "due": "2030-05-15",
               "status": "planned", "done_on": null, "note": "At the forum", "acknowledged_on": null, "state": "due_soon"})
    );
    let rows = env.csv(&["distribution", "list", "--format", "csv", "--as-of", "2030-05-10"]);
    let header: Vec<&str> = rows[0].keys().map(String::as_str).collect();
    let mut want = vec!["key", "material", "to", "via", "due", "status", "done_on", "note", "acknowledged_on", "state"];
    want.sort();
    assert_eq!(header, want);
    let row = rows.iter().find(|r| r["key"] == "deck-fr/city").unwrap();
    assert_eq!((row["due"].as_str(), row["state"].as_str(), row["via"].as_str()), ("2030-05-15", "due_soon", "prov"));
    let table = env.stdout(&["distribution", "list", "--as-of", "2030-05-10"]);
    let line = table.lines().find(|l| l.starts_with("deck-fr/city ")).unwrap_or_else(|| panic!("{table}"));
    assert!(line.contains("2030-05-15") && line.contains("due soon") && line.contains("prov"), "{line}");

    let text = env.stdout(&["distribution", "show", "deck-fr/tess", "--as-of", "2030-05-10"]);
    let fields = show_fields(&text);
    assert_eq!((fields["material"].as_str(), fields["to"].as_str(), fields["via"].as_str()), ("deck-fr", "tess", "terr"));
    assert_eq!(fields["done on"], "2030-04-20");
    assert_eq!(section_keys(&text, "Material"), ["deck-fr"]);
    assert_eq!(section_keys(&text, "Recipient"), ["tess"]);
    assert!(!section_keys(&text, "Journal").is_empty(), "{text}");
    // A material's show lists its distributions.
    let mut of_deck = section_keys(&env.stdout(&["material", "show", "deck", "--as-of", "2030-05-10"]), "Distributions");
    of_deck.sort();
    assert_eq!(of_deck, ["deck/band", "deck/prov"]);

    let plan = env.export_toml();
    let d = exported(&plan, "distribution")
        .iter()
        .filter_map(|v| v.as_table())
        .find(|t| t["material"].as_str() == Some("deck-fr") && t["to"].as_str() == Some("city"))
        .expect("exported");
    assert_eq!((d["via"].as_str(), d["note"].as_str()), (Some("prov"), Some("At the forum")));
    assert_eq!(d["due"].to_string(), "2030-05-15");

    assert_eq!(env.refused(&["distribution", "show", "deck/bnd"]), "engage: unknown distribution 'deck/bnd' (did you mean 'deck/band'?)");
    env.assert_clean();
}

#[test]
fn add_refuses_bad_input() {
    let env = Env::reach();
    let line = env.refused(&["distribution", "add", "deck/council"]);
    assert!(line.contains("council"), "a table is not a recipient of one distribution: {line}");
    let line = env.refused(&["distribution", "add", "deck"]);
    assert!(line.contains("MATERIAL/RECIPIENT"), "{line}");
    let line = env.refused(&["distribution", "add", "dek/fed"]);
    assert!(line.contains("dek"), "{line}");
    let line = env.refused(&["distribution", "add", "deck/nobody"]);
    assert!(line.contains("nobody"), "{line}");
    let line = env.refused(&["distribution", "add", "deck/prov"]);
    assert!(line.contains("deck/prov") && line.contains("exists"), "{line}");
    let line = env.refused(&["distribution", "add", "deck/fed", "--via", "fedd"]);
    assert!(line.contains("fedd"), "{line}");
    let line = env.refused(&["distribution", "add", "deck/fed", "--due", "2030-02-30"]);
    assert!(line.contains("2030-02-30"), "{line}");
}

#[test]
fn set_acknowledge_and_remove() {
    let env = Env::reach();
    let entry = env.write_one(&["distribution", "set", "deck/band", "--due", "2030-06-15", "--via", "fed", "--note", "Through the circle"]);
    assert_eq!(kka(&entry), ("distribution".into(), "deck/band".into(), "update".into()));
    assert_eq!((&entry["before"]["due"], &entry["after"]["due"]), (&json!("2030-06-01"), &json!("2030-06-15")));
    assert_eq!((&entry["before"]["via"], &entry["after"]["via"]), (&json!(null), &json!("fed")));
    let entry = env.write_one(&["distribution", "set", "deck/band", "--via", "", "--clear", "due"]);
    assert_eq!((&entry["after"]["via"], &entry["after"]["due"]), (&json!(null), &json!(null)));
    env.unchanged(&["distribution", "set", "deck/band", "--note", "Through the circle"]);

    let entry = env.write_one(&["distribution", "acknowledge", "deck-fr/tess", "--on", "2030-04-25"]);
    assert_eq!(kka(&entry), ("distribution".into(), "deck-fr/tess".into(), "update".into()));
    assert_eq!((&entry["before"]["acknowledged_on"], &entry["after"]["acknowledged_on"]), (&json!(null), &json!("2030-04-25")));
    let item = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-05-01"], "deck-fr/tess");
    assert_eq!(item["acknowledged_on"], "2030-04-25");
    let line = env.refused(&["distribution", "acknowledge", "deck-fr/tess", "--on", "2030-13-01"]);
    assert!(line.contains("2030-13-01"), "{line}");
    assert!(env.refused(&["distribution", "acknowledge", "deck/nobody"]).contains("deck/nobody"));

    let line = env.refused(&["distribution", "set", "deck/band", "--via", "nope"]);
    assert!(line.contains("nope"), "{line}");
    let line = env.refused(&["distribution", "set", "deck/band", "--status", "done"]);
    assert!(line.contains("done_on") || line.contains("done on") || line.contains("--done-on"), "{line}");

    let entry = env.write_one(&["distribution", "remove", "deck/band"]);
    assert_eq!(kka(&entry), ("distribution".into(), "deck/band".into(), "delete".into()));
    assert_eq!(entry["after"], json!(null));
    assert_eq!(entry["before"]["material"], "deck");
    assert!(!in_store(&env).iter().any(|(m, to, _)| m == "deck" && to == "band"), "{:?}", in_store(&env));
    assert_eq!(env.refused(&["distribution", "remove", "deck/band"]), "engage: unknown distribution 'deck/band'");
    // band is no longer waiting for anything.
    let band = env.csv(&["reach", "--format", "csv", "--as-of", "2030-05-01"]).into_iter().find(|r| r["key"] == "band").unwrap();
    assert_eq!(band["planned"], "");
    env.assert_clean();
}

#[test]
fn tracking_verbs() {
    let env = Env::reach();
    check_tracking_verbs(&env, "distribution", "distribution", "deck/band", "2030-05-20", "2030-06-30");
}

#[test]
fn list_filters() {
    let env = Env::reach();
    env.write_one(&["person", "add", "eve", "--name", "Eve Ng", "--organization", "city", "--language", "en"]);
    env.write_journaled(&["send", "deck", "--to", "eve", "city", "--on", "2030-05-02"], 2);
    // Sorted by material, then recipient.
    assert_eq!(listed(&env, &["--as-of", "2030-12-31"]), ["deck/band", "deck/city", "deck/eve", "deck/prov", "deck-fr/tess"]);
    assert_eq!(listed(&env, &["--material", "deck", "--as-of", "2030-12-31"]), ["deck/band", "deck/city", "deck/eve", "deck/prov"]);
    // An organization: what went to it and to its people.
    assert_eq!(listed(&env, &["--to", "city", "--as-of", "2030-12-31"]), ["deck/city", "deck/eve"]);
    assert_eq!(listed(&env, &["--to", "terr", "--as-of", "2030-12-31"]), ["deck-fr/tess"]);
    // A person: what went to them.
    assert_eq!(listed(&env, &["--to", "eve", "--as-of", "2030-12-31"]), ["deck/eve"]);
    assert_eq!(listed(&env, &["--status", "planned", "--as-of", "2030-12-31"]), ["deck/band"]);
    assert_eq!(listed(&env, &["--status", "done", "--to", "city", "--as-of", "2030-12-31"]), ["deck/city", "deck/eve"]);
    // As of a past date, what was sent later is planned, with no date, and filtered as such.
    assert_eq!(listed(&env, &["--status", "planned", "--as-of", "2030-04-30"]), ["deck/band", "deck/city", "deck/eve"]);
    let tess = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-04-19"], "deck-fr/tess");
    assert_eq!((&tess["status"], &tess["done_on"]), (&json!("planned"), &json!(null)));
    let tess = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-04-20"], "deck-fr/tess");
    assert_eq!((&tess["status"], &tess["done_on"]), (&json!("done"), &json!("2030-04-20")));
    let row = env
        .csv(&["distribution", "list", "--format", "csv", "--as-of", "2030-04-19"])
        .into_iter()
        .find(|r| r["key"] == "deck-fr/tess")
        .unwrap();
    assert_eq!((row["status"].as_str(), row["done_on"].as_str()), ("planned", ""));

    assert!(env.refused(&["distribution", "list", "--to", "nobody"]).contains("nobody"));
    assert!(env.refused(&["distribution", "list", "--material", "dek"]).contains("dek"));
    assert!(env.refused(&["distribution", "list", "--status", "sent"]).contains("sent"));
    assert!(env.refused(&["distribution", "list", "--as-of", "2030-02-30"]).contains("2030-02-30"));
}

/// As of a day before it was acknowledged, a distribution shows no acknowledgement yet (the
/// campaign as it stood at the end of as-of).
#[test]
fn acknowledgement_after_as_of_is_not_shown() {
    let env = Env::reach();
    // deck/prov: sent 2030-04-01, acknowledged 2030-04-03.
    let item = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-04-03"], "deck/prov");
    assert_eq!(item["acknowledged_on"], "2030-04-03");
    let item = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-04-02"], "deck/prov");
    assert_eq!((&item["done_on"], &item["acknowledged_on"]), (&json!("2030-04-01"), &json!(null)));
    let item = env.json_item(&["distribution", "list", "--format", "json", "--as-of", "2030-03-31"], "deck/prov");
    assert_eq!((&item["status"], &item["done_on"], &item["acknowledged_on"]), (&json!("planned"), &json!(null), &json!(null)));
}

/// `--missing TABLE` with `--material`: the table's members that have not received the material
/// or its counterpart, as of as-of.
#[test]
fn missing_lists_members_without_it() {
    let env = Env::reach();
    // council: fed, agency, prov. prov got deck on 2030-04-01.
    let missing = |as_of: &str| {
        env.json_keys(&["distribution", "list", "--material", "deck", "--missing", "council", "--format", "json", "--as-of", as_of])
    };
    assert_eq!(missing("2030-03-31"), ["agency", "fed", "prov"]);
    assert_eq!(missing("2030-04-01"), ["agency", "fed"]);
    // agency gets the French version: it is not missing the deck from then on.
    env.write_journaled(&["send", "deck-fr", "--to", "agency", "--on", "2030-04-02"], 1);
    assert_eq!(missing("2030-04-01"), ["agency", "fed"]);
    assert_eq!(missing("2030-04-02"), ["fed"]);
    // Asked of the French version, the same.
    let fr = env.json_keys(&[
        "distribution",
        "list",
        "--material",
        "deck-fr",
        "--missing",
        "council",
        "--format",
        "json",
        "--as-of",
        "2030-04-02",
    ]);
    assert_eq!(fr, ["fed"]);
    // A distribution to one of its people counts for the organization.
    env.write_one(&["person", "add", "fo", "--name", "Fo", "--organization", "fed"]);
    env.write_journaled(&["send", "deck", "--to", "fo", "--on", "2030-04-03"], 1);
    assert_eq!(missing("2030-04-03"), Vec::<String>::new());
    // A planned distribution is still missing.
    env.write_one(&["distribution", "add", "deck/city"]);
    assert_eq!(
        env.json_keys(&["distribution", "list", "--material", "deck", "--missing", "mayors", "--format", "json", "--as-of", "2030-04-03"]),
        ["city"]
    );
    let rows = env.csv(&["distribution", "list", "--material", "deck", "--missing", "mayors", "--format", "csv", "--as-of", "2030-04-03"]);
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0]["key"].as_str(), rows[0]["order"].as_str()), ("city", "municipal"));
    let table = env.stdout(&["distribution", "list", "--material", "deck", "--missing", "mayors", "--as-of", "2030-04-03"]);
    assert!(table.lines().any(|l| l.starts_with("city ")), "{table}");

    assert!(env.refused(&["distribution", "list", "--missing", "council"]).contains("--material"));
    assert!(env.refused(&["distribution", "list", "--material", "deck", "--missing", "counsil"]).contains("counsil"));
}

/// Renaming a distribution's material or recipient organization changes its reference: the
/// journal records an update of each distribution that follows, so that its history carries on.
#[test]
fn renames_journal_the_distributions_that_follow() {
    let env = Env::reach();
    for (args, followed) in [
        (["org", "rename", "prov", "prov2"], vec!["deck/prov2"]),
        (["material", "rename", "deck", "deck-en"], vec!["deck-en/band", "deck-en/prov2"]),
    ] {
        let before = env.journal_count();
        env.engage().args(args).assert().success();
        let entries = env.new_entries(before);
        let mut keys: Vec<&str> = entries.iter().filter(|e| e["kind"] == "distribution").map(|e| e["key"].as_str().unwrap()).collect();
        keys.sort();
        assert_eq!(keys, followed, "engage {args:?}: {entries:#?}");
        for key in followed {
            let history = env.json(&["history", key, "--format", "json"]);
            assert!(!history.as_array().unwrap().is_empty(), "{key} has lost its history");
        }
    }
    // What the store holds follows in any case.
    assert_eq!(listed(&env, &["--as-of", "2030-12-31"]), ["deck-en/band", "deck-en/prov2", "deck-fr/tess"]);
}
