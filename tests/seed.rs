//! The seed campaign says what is real: every sentence of the 2018 engagement strategy that names
//! a forum, a channel, a tool or a result maps to an item of the fixture, with the facts the
//! sentence gives (dates, kinds, « Complété »). The mapping is kept here as a table, so that a
//! change to the fixture that loses one of the strategy's facts fails.

mod common;

use common::{Env, seed_path};
use serde_json::Value;

fn seed() -> Env {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    env
}

/// The item of `family` with `key`, as `list --format json` gives it.
fn item(env: &Env, family: &str, key: &str) -> Value {
    let list = env.json(&[family, "list", "--format", "json", "--as-of", "2018-12-31"]);
    list.as_array().unwrap().iter().find(|i| i["key"] == key).cloned().unwrap_or_else(|| panic!("no {family} {key}"))
}

/// Each sentence of the seed (French, as written) that names a forum, a channel or a tool, and
/// the items of the fixture it maps to: (family, key, field, expected value or "" for any).
/// One item a sentence maps to: family, key, a field to check and its value (both "" for none).
type Expected = (&'static str, &'static str, &'static str, &'static str);

const MAPPING: &[(&str, &[Expected])] = &[
    (
        "CPSSP — Les membres sont encouragés à collaborer avec les intervenants de leur organisation",
        &[("table", "cpssp", "kind", "council")],
    ),
    (
        "Tableaux de services : Dans le cas des comités sur les services FPTM, il y aurait lieu d'ajouter un point à l'ordre du jour",
        &[("table", "fptm", "kind", "committee")],
    ),
    (
        "Tableau des greffiers et des secrétaires de Cabinet (18 juillet 2018) – Complété.",
        &[
            ("table", "clerks", "kind", "table"),
            ("meeting", "clerks-2018-07", "date", "2018-07-18"),
            ("agenda", "clerks-2018-07/guide", "done_on", "2018-07-18"),
        ],
    ),
    (
        "Colloque national des représentants municipaux de la prestation des services (1er au 3 octobre 2018).",
        &[
            ("table", "symposium", "kind", "symposium"),
            ("meeting", "symposium-2018-10", "date", "2018-10-01"),
            ("meeting", "symposium-2018-10", "end_date", "2018-10-03"),
        ],
    ),
    (
        "Le site Web de membre du CPSSP de l'Institut des services axés sur les citoyens (ISAC)",
        &[("channel", "iccs-member-site", "kind", "website"), ("org", "iccs", "", "")],
    ),
    (
        "Le site Web du Guide des partenariats de service dans CGcollab [GCcollab, corrected]",
        &[("channel", "gccollab-guide", "kind", "website")],
    ),
    (
        "Le site Web dans GCcollab de la table des SM FPT sous-ministres fédéraux-provinciaux-territoriaux",
        &[("channel", "gccollab-fpt-dm", "kind", "website"), ("table", "fpt-dm", "", "")],
    ),
    ("le bulletin d'information Intersection d'EDSC", &[("channel", "intersection", "kind", "newsletter"), ("org", "esdc", "", "")]),
    ("la revue Canadian Government Executive", &[("channel", "cge-magazine", "kind", "magazine"), ("org", "cge", "", "")]),
    (
        "Courriel aux membres du CPSSP pour mobiliser les intervenants (Annexe A).",
        &[("material", "email-en", "kind", "email"), ("material", "email-fr", "kind", "email")],
    ),
    (
        "Principaux messages relatifs à l'engagement (Annexe B).",
        &[("material", "key-messages-en", "kind", "key_messages"), ("material", "key-messages-fr", "kind", "key_messages")],
    ),
    (
        "Une présentation sur le Guide et les points de discussion (Annexes C et D).",
        &[
            ("material", "deck-en", "kind", "presentation"),
            ("material", "deck-fr", "kind", "presentation"),
            ("material", "talking-points-en", "kind", "talking_points"),
            ("material", "talking-points-fr", "kind", "talking_points"),
        ],
    ),
    (
        "dirigée par les coprésidents et le groupe de travail sur la collaboration liée au réseau de services",
        &[("table", "wg", "kind", "")],
    ),
    (
        "en favorisant l'utilisation de GCcollab pour conserver cette lancée et maintenir le Guide à jour",
        &[("channel", "gccollab-guide", "", "")],
    ),
];

/// The strategy's three expected results. They become `[[result]]` items once results exist
/// (issue 15, on another branch); until that branch lands they are listed here as pending and
/// not checked, so that the mapping above stays strict for forums, channels and tools.
const RESULTS_PENDING: &[&str] = &[
    "Une sensibilisation accrue aux partenariats de service existants",
    "La mise en œuvre accélérée des partenariats",
    "Une motivation accrue à examiner les processus de prestation de services internes",
];

#[test]
fn every_forum_channel_and_tool_of_the_seed_is_in_the_fixture() {
    let env = seed();
    let seed_text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/strategie-de-mobilisation-2018.txt")).ok();
    for (sentence, items) in MAPPING {
        for (family, key, field, value) in *items {
            let found = item(&env, family, key);
            if !field.is_empty() && !value.is_empty() {
                assert_eq!(found[*field], *value, "{sentence:?}: {family} {key}: {field}");
            }
        }
        // Where the seed is at hand, the sentence's words are really in it (apostrophes aside).
        if let Some(text) = &seed_text {
            let words = sentence.split(['—', '[']).next().unwrap_or(sentence).trim().replace('\'', "’");
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let head: String = words.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&head) || flat.contains(&head.replace('’', "'")), "not in the seed: {head:?}");
        }
    }
    assert_eq!(RESULTS_PENDING.len(), 3);
}

#[test]
fn the_council_is_pssdc_in_english_and_cpssp_in_french() {
    let env = seed();
    let council = item(&env, "table", "cpssp");
    assert!(council["name"].as_str().unwrap().contains("PSSDC"), "{council}");
    assert!(council["name_fr"].as_str().unwrap().contains("CPSSP"), "{council}");
}

#[test]
fn the_seed_campaign_says_what_is_illustrative() {
    let env = seed();
    for lang in ["en", "fr"] {
        let status = env.stdout(&["--lang", lang, "status", "--as-of", "2018-09-20"]);
        let notice = status.lines().last().unwrap_or_default();
        assert!(notice.contains("illustrati") || notice.contains("fictif"), "{lang}: {status}");
        let report = env.stdout(&["--lang", lang, "report", "--as-of", "2018-09-20"]);
        assert!(report.contains("id=\"illustrative\""), "{lang}: the report says nothing");
    }
    let demo = Env::new();
    let out = demo.stdout(&["demo"]);
    assert!(out.contains("illustrative"), "{out}");
    // Another campaign says nothing of the kind.
    let other = Env::worked();
    assert!(!other.stdout(&["status", "--as-of", "2030-04-10"]).contains("illustrative"));
}

#[test]
fn the_clerks_table_seats_the_privy_council_office_and_cabinet_offices() {
    let env = seed();
    let members: Vec<String> =
        item(&env, "table", "clerks")["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_string()).collect();
    assert!(members.contains(&"pco".to_string()), "{members:?}");
    let cpssp = item(&env, "table", "cpssp");
    let orgs = env.json(&["org", "list", "--format", "json"]);
    let org = |key: &str| orgs.as_array().unwrap().iter().find(|o| o["key"] == key).cloned().unwrap();
    let mut jurisdictions = Vec::new();
    for key in members.iter().filter(|k| *k != "pco") {
        // A cabinet office, not a service agency: no member of the council sits here.
        assert!(!cpssp["members"].as_array().unwrap().iter().any(|m| m == key.as_str()), "{key} is a service agency");
        let o = org(key);
        assert!(["provincial", "territorial"].contains(&o["order"].as_str().unwrap()), "{o}");
        assert!(o["name"].as_str().unwrap().starts_with("Cabinet office"), "{o}");
        // The organization is invented, and says so where a user sees it.
        assert!(o["contact"].as_str().unwrap().starts_with("Illustrative"), "{o}");
        jurisdictions.push(o["jurisdiction"].as_str().unwrap().to_string());
    }
    // One for each of the ten provinces and three territories.
    jurisdictions.sort();
    jurisdictions.dedup();
    assert_eq!(jurisdictions.len(), 13, "{jurisdictions:?}");
}

#[test]
fn annexes_a_to_d_exist_on_the_strategys_date() {
    let env = seed();
    for key in
        ["email-en", "email-fr", "key-messages-en", "key-messages-fr", "deck-en", "deck-fr", "talking-points-en", "talking-points-fr"]
    {
        let m = item(&env, "material", key);
        assert_eq!((m["status"].as_str(), m["done_on"].as_str()), (Some("done"), Some("2018-07-18")), "{m}");
        assert!(m["title"].as_str().unwrap().starts_with("Annex "), "{m}");
    }
}

#[test]
fn the_working_group_has_one_english_name_and_the_objectives_are_kept() {
    let env = seed();
    let plan = env.stdout(&["plan", "export"]);
    let name = item(&env, "table", "wg")["name"].as_str().unwrap().to_string();
    assert_eq!(name, "Working Group on Service Network Collaboration");
    // Every English mention of the working group by name uses that name.
    for line in plan.lines().filter(|l| l.contains("Working Group") || l.contains("Working group on")) {
        assert!(line.contains(&name), "another name for the working group: {line}");
    }
    // The strategy's two objectives travel with the strategy, where a reader of `material show` sees them.
    let note = item(&env, "material", "strategy")["note"].as_str().unwrap_or_default().to_string();
    for objective in ["distribute the Service Partnerships Guide to the right recipients", "promoting GCcollab"] {
        assert!(note.contains(objective), "{note}");
    }
}
