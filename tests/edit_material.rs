//! Everyday editing of materials, end to end: add, list, show, set, the tracking verbs, rename
//! and remove, each write checked in the store and in the journal.

mod common;

use common::{AS_OF, Env, check_tracking_verbs, exported_item, section_keys, section_rows, show_fields};
use serde_json::json;

const LIST: [&str; 6] = ["material", "list", "--format", "json", "--as-of", AS_OF];

/// The worked example with the deck in English and a French deck naming it as its counterpart.
fn bilingual_pair() -> Env {
    let env = Env::worked();
    env.write_one(&["material", "set", "deck", "--language", "en"]);
    env.write_one(&[
        "material",
        "add",
        "deck-fr",
        "--title",
        "Présentation pour le forum",
        "--kind",
        "presentation",
        "--due",
        "2030-04-12",
        "--language",
        "fr",
        "--counterpart",
        "deck",
    ]);
    env
}

#[test]
fn add_then_list_in_every_format() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "material",
        "add",
        "annex-a",
        "--title",
        "Email to members",
        "--title-fr",
        "Courriel aux membres",
        "--kind",
        "email",
        "--owner",
        "Co-chairs",
        "--due",
        "2030-04-30",
        "--url",
        "https://example.org/annex-a",
    ]);
    let expected = json!({
        "key": "annex-a", "title": "Email to members", "title_fr": "Courriel aux membres", "kind": "email",
        "owner": "Co-chairs", "due": "2030-04-30", "status": "planned", "done_on": null, "note": null,
        "url": "https://example.org/annex-a", "lang": "bilingual", "counterpart": null
    });
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("material"), &json!("annex-a"), &json!("create")));
    assert_eq!(entry["before"], json!(null));
    assert_eq!(entry["after"], expected);

    assert_eq!(env.json_keys(&LIST), ["annex-a", "deck"]);
    let mut listed = env.json_item(&LIST, "annex-a");
    assert_eq!(listed["state"], "on_track");
    listed.as_object_mut().unwrap().remove("state");
    assert_eq!(listed, expected);
    assert_eq!(env.json_item(&LIST, "deck")["state"], "due_soon");
    assert_eq!(env.json_keys(&["material", "list", "--format", "json", "--owner", "Co-chairs", "--as-of", AS_OF]), ["annex-a"]);
    assert_eq!(env.json_keys(&["material", "list", "--format", "json", "--status", "in_progress", "--as-of", AS_OF]), ["deck"]);

    let rows = env.csv(&["material", "list", "--format", "csv", "--as-of", AS_OF]);
    assert_eq!(rows.len(), 2);
    let row = rows.iter().find(|r| r["key"] == "annex-a").expect("in the CSV");
    for (field, value) in [
        ("title", "Email to members"),
        ("title_fr", "Courriel aux membres"),
        ("kind", "email"),
        ("owner", "Co-chairs"),
        ("due", "2030-04-30"),
        ("status", "planned"),
        ("done_on", ""),
        ("url", "https://example.org/annex-a"),
        ("lang", "bilingual"),
        ("state", "on_track"),
    ] {
        assert_eq!(row[field], value, "{field}");
    }
    // A title that a spreadsheet would run is neutralized in CSV, kept in JSON.
    let deck = rows.iter().find(|r| r["key"] == "deck").unwrap();
    assert_eq!(deck["title"], "'=Deck for the forum");
    assert_eq!(env.json_item(&LIST, "deck")["title"], "=Deck for the forum");

    let table = env.stdout(&["material", "list", "--as-of", AS_OF]);
    let line = table.lines().find(|l| l.starts_with("annex-a ")).unwrap_or_else(|| panic!("no line:\n{table}"));
    assert!(line.contains("Email to members") && line.contains("2030-04-30") && line.contains("on track"), "{line}");

    let plan = env.export_toml();
    let exported = exported_item(&plan, "material", "annex-a").expect("exported");
    assert_eq!(exported["kind"].as_str(), Some("email"));
    assert_eq!(exported["title_fr"].as_str(), Some("Courriel aux membres"));

    let kind = env.refused(&["material", "add", "m2", "--title", "M", "--kind", "poster"]);
    assert!(kind.contains("poster"), "{kind}");
    let url = env.refused(&["material", "add", "m2", "--title", "M", "--url", "/relative/path"]);
    assert!(url.contains("/relative/path"), "{url}");
    let counterpart = env.refused(&["material", "add", "m2", "--title", "M", "--language", "fr", "--counterpart", "dek"]);
    assert!(counterpart.contains("dek"), "{counterpart}");
    let taken = env.refused(&["material", "add", "deck", "--title", "M"]);
    assert!(taken.contains("deck"), "{taken}");
    env.assert_clean();
}

#[test]
fn show_gives_the_state_and_the_counterpart() {
    let env = bilingual_pair();
    let text = env.stdout(&["material", "show", "deck-fr", "--as-of", AS_OF]);
    let fields = show_fields(&text);
    assert_eq!(fields["key"], "deck-fr");
    assert_eq!(fields["title"], "Présentation pour le forum");
    assert_eq!(fields["kind"], "presentation");
    assert_eq!(fields["due"], "2030-04-12");
    assert_eq!(fields["language"], "French");
    assert_eq!(fields["counterpart"], "deck");
    assert_eq!(fields["state"], "due soon");
    assert_eq!(section_keys(&text, "Counterpart"), ["deck"]);
    assert!(section_rows(&text, "Counterpart")[0].contains("in progress"), "{text}");
    let journal = section_rows(&text, "Journal");
    assert_eq!(journal.len(), 1, "{text}");
    assert!(journal[0].contains("material deck-fr") && journal[0].contains("created"), "{text}");

    let deck = env.stdout(&["material", "show", "deck", "--as-of", AS_OF]);
    let fields = show_fields(&deck);
    assert_eq!((fields["status"].as_str(), fields["owner"].as_str(), fields["state"].as_str()), ("in progress", "Secretariat", "due soon"));
    assert_eq!(section_rows(&deck, "Journal").len(), 2, "{deck}");

    assert_eq!(env.refused(&["material", "show", "dek"]), "engage: unknown material 'dek' (did you mean 'deck'?)");
}

/// `show` prints everything that refers to the item: a material that names this one as its
/// counterpart (and keeps `remove` from deleting it) is listed, even while this one names none.
#[test]
fn show_lists_a_counterpart_that_names_it() {
    let env = bilingual_pair();
    let refused = env.refused(&["material", "remove", "deck"]);
    assert!(refused.ends_with("material deck-fr"), "{refused}");
    let deck = env.stdout(&["material", "show", "deck", "--as-of", AS_OF]);
    let listed: Vec<String> = common::sections(&deck).into_iter().skip(1).flat_map(|(_, rows)| rows).collect();
    assert!(listed.iter().any(|r| r.starts_with("deck-fr ")), "deck's show should list deck-fr, which refers to it:\n{deck}");
}

#[test]
fn set_changes_and_clears_fields() {
    let env = Env::worked();
    let entry = env.write_one(&[
        "material",
        "set",
        "deck",
        "--title",
        "Deck for the forum",
        "--title-fr",
        "Présentation",
        "--kind",
        "talking_points",
        "--due",
        "2030-04-20",
        "--url",
        "http://example.org/deck",
        "--note",
        "Second draft",
    ]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("material"), &json!("deck"), &json!("update")));
    assert_eq!((&entry["before"]["title"], &entry["after"]["title"]), (&json!("=Deck for the forum"), &json!("Deck for the forum")));
    assert_eq!((&entry["before"]["kind"], &entry["after"]["kind"]), (&json!("presentation"), &json!("talking_points")));
    assert_eq!(entry["after"]["status"], "in_progress", "untouched");
    let deck = env.json_item(&LIST, "deck");
    assert_eq!(
        (&deck["due"], &deck["url"], &deck["note"], &deck["state"]),
        (&json!("2030-04-20"), &json!("http://example.org/deck"), &json!("Second draft"), &json!("on_track"))
    );

    let entry = env.write_one(&["material", "set", "deck", "--owner", "", "--title-fr", ""]);
    assert_eq!((&entry["before"]["owner"], &entry["after"]["owner"]), (&json!("Secretariat"), &json!(null)));
    assert_eq!(entry["after"]["title_fr"], json!(null));
    let entry = env.write_one(&["material", "set", "deck", "--clear", "due", "--clear", "url", "--clear", "note"]);
    assert_eq!((&entry["after"]["due"], &entry["after"]["url"], &entry["after"]["note"]), (&json!(null), &json!(null), &json!(null)));
    let deck = env.json_item(&LIST, "deck");
    for field in ["owner", "title_fr", "due", "url", "note"] {
        assert_eq!(deck[field], json!(null), "{field}");
    }
    assert_eq!(deck["state"], "unscheduled");
    let plan = env.export_toml();
    let exported = exported_item(&plan, "material", "deck").unwrap();
    for field in ["owner", "title_fr", "due", "url", "note"] {
        assert!(!exported.contains_key(field), "{field}: {exported:?}");
    }

    // Done through set; another status takes the done date away.
    let entry = env.write_one(&["material", "set", "deck", "--status", "done", "--done-on", "2030-04-08"]);
    assert_eq!((&entry["after"]["status"], &entry["after"]["done_on"]), (&json!("done"), &json!("2030-04-08")));
    let entry = env.write_one(&["material", "set", "deck", "--status", "blocked"]);
    assert_eq!((&entry["after"]["status"], &entry["after"]["done_on"]), (&json!("blocked"), &json!(null)));

    env.unchanged(&["material", "set", "deck", "--kind", "talking_points"]);

    let kind = env.refused(&["material", "set", "deck", "--kind", "poster"]);
    assert!(kind.contains("poster"), "{kind}");
    let url = env.refused(&["material", "set", "deck", "--url", "example.org"]);
    assert!(url.contains("--url"), "{url}");
    let counterpart = env.refused(&["material", "set", "deck", "--counterpart", "nothing"]);
    assert!(counterpart.contains("nothing"), "{counterpart}");
    let undated = env.refused(&["material", "set", "deck", "--done-on", "2030-04-08"]);
    assert!(undated.contains("done_on"), "{undated}");
    let clear = env.refused(&["material", "set", "deck", "--clear", "kind"]);
    assert!(clear.contains("kind"), "{clear}");
    assert_eq!(env.refused(&["material", "set", "dekc", "--owner", "X"]), "engage: unknown material 'dekc' (did you mean 'deck'?)");
    env.assert_clean();
}

#[test]
fn every_tracking_verb() {
    let env = Env::worked();
    check_tracking_verbs(&env, "material", "material", "deck", "2030-04-10", AS_OF);

    let entry = env.write_one(&["material", "done", "deck", "--on", "2030-04-09", "--url", "https://example.org/deck.pdf"]);
    assert_eq!((&entry["before"]["url"], &entry["after"]["url"]), (&json!(null), &json!("https://example.org/deck.pdf")));
    let deck = env.json_item(&LIST, "deck");
    assert_eq!((&deck["status"], &deck["done_on"], &deck["state"]), (&json!("done"), &json!("2030-04-09"), &json!("done_on_time")));
    let unknown = env.refused(&["material", "cancel", "dekc"]);
    assert_eq!(unknown, "engage: unknown material 'dekc' (did you mean 'deck'?)");
}

#[test]
fn rename_carries_the_counterpart() {
    let env = bilingual_pair();
    env.write_one(&["material", "set", "deck", "--counterpart", "deck-fr"]);
    let entries = env.write_journaled(&["material", "rename", "deck-fr", "presentation-fr"], 2);
    assert_eq!(
        (&entries[0]["kind"], &entries[0]["key"], &entries[0]["action"]),
        (&json!("material"), &json!("presentation-fr"), &json!("update"))
    );
    assert_eq!((&entries[0]["before"]["key"], &entries[0]["after"]["key"]), (&json!("deck-fr"), &json!("presentation-fr")));
    assert_eq!(entries[0]["after"]["counterpart"], "deck");
    assert_eq!((&entries[1]["kind"], &entries[1]["key"]), (&json!("material"), &json!("deck")));
    assert_eq!((&entries[1]["before"]["counterpart"], &entries[1]["after"]["counterpart"]), (&json!("deck-fr"), &json!("presentation-fr")));

    let plan = env.export_toml();
    assert!(exported_item(&plan, "material", "deck-fr").is_none());
    assert_eq!(exported_item(&plan, "material", "deck").unwrap()["counterpart"].as_str(), Some("presentation-fr"));
    assert_eq!(exported_item(&plan, "material", "presentation-fr").unwrap()["counterpart"].as_str(), Some("deck"));
    assert_eq!(env.json_item(&LIST, "deck")["counterpart"], "presentation-fr");
    assert_eq!(section_keys(&env.stdout(&["material", "show", "deck"]), "Counterpart"), ["presentation-fr"]);
    env.assert_clean();

    let taken = env.refused(&["material", "rename", "presentation-fr", "deck"]);
    assert!(taken.contains("exists"), "{taken}");
    let bad = env.refused(&["material", "rename", "deck", "deck fr"]);
    assert!(bad.contains("deck fr"), "{bad}");
    let unknown = env.refused(&["material", "rename", "deck-fr", "x"]);
    assert!(unknown.starts_with("engage: unknown material 'deck-fr'"), "{unknown}");
}

#[test]
fn remove_is_refused_while_a_counterpart_names_it() {
    let env = bilingual_pair();
    env.write_one(&["material", "set", "deck", "--counterpart", "deck-fr"]);
    // Each names the other: neither may go.
    let refused = env.refused(&["material", "remove", "deck"]);
    assert!(refused.ends_with("material deck-fr"), "{refused}");
    let refused = env.refused(&["material", "remove", "deck-fr"]);
    assert!(refused.ends_with("material deck"), "{refused}");

    // Once the French deck no longer names it, the deck may go (its own counterpart with it).
    env.write_one(&["material", "set", "deck-fr", "--counterpart", ""]);
    let entry = env.write_one(&["material", "remove", "deck"]);
    assert_eq!((&entry["kind"], &entry["key"], &entry["action"]), (&json!("material"), &json!("deck"), &json!("delete")));
    assert_eq!(
        entry["before"],
        json!({"key": "deck", "title": "=Deck for the forum", "title_fr": null, "kind": "presentation", "owner": "Secretariat",
               "due": "2030-04-12", "status": "in_progress", "done_on": null, "note": null, "url": null, "lang": "en", "counterpart": "deck-fr"})
    );
    assert_eq!(entry["after"], json!(null));
    assert_eq!(env.json_keys(&LIST), ["deck-fr"]);
    assert!(exported_item(&env.export_toml(), "material", "deck").is_none());
    let rows: i64 = env.conn().query_row("SELECT count(*) FROM material WHERE key = 'deck'", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 0);
    env.assert_clean();

    let unknown = env.refused(&["material", "remove", "deck"]);
    assert!(unknown.starts_with("engage: unknown material 'deck'"), "{unknown}");
}
