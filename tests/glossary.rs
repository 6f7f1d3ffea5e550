//! The glossary (DESIGN.md, "Official languages"): shared free-text values — owners, locations,
//! chairs, jurisdictions — translated once per campaign. French human output shows the French
//! value in every place it shows the value; machine output (JSON, CSV, plan export) keeps the
//! stored value, in both languages. `glossary set|list|remove` manage it, the journal records
//! it, plan files carry it both ways, and `check` lists what has no French yet.

mod common;

use common::{Env, seed_path};

const AS_OF: &str = "2018-09-20";

fn seed() -> Env {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    env
}

fn fr(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["--lang", "fr"];
    all.extend_from_slice(args);
    env.stdout(&all)
}

/// Shared values of the seed and their French, each seen in at least one human output below.
const SHARED: &[(&str, &str)] = &[
    ("Secretariat", "Secrétariat"),
    ("Co-chairs", "Coprésidents"),
    ("Working group", "Groupe de travail"),
    ("Teleconference", "Téléconférence"),
    ("Clerk of the Privy Council", "Greffier du Conseil privé"),
    ("British Columbia", "Colombie-Britannique"),
];

/// `text` with words the glossary does not translate cut out: an English value may also be
/// part of a longer text (a title, a key) that keeps it.
fn has_value(text: &str, value: &str) -> bool {
    text.lines().any(|l| l.split("   ").any(|cell| cell.trim() == value) || l.trim_end().ends_with(&format!(": {value}")))
}

#[test]
fn french_human_output_shows_every_shared_value_in_french() {
    let env = seed();
    let outputs = [
        fr(&env, &["status", "--as-of", AS_OF]),
        fr(&env, &["upcoming", "--as-of", AS_OF, "--within", "120"]),
        fr(&env, &["milestone", "list", "--as-of", AS_OF]),
        fr(&env, &["material", "list", "--as-of", AS_OF]),
        fr(&env, &["channel", "list", "--as-of", AS_OF]),
        fr(&env, &["agenda", "list", "--as-of", AS_OF]),
        fr(&env, &["meeting", "list"]),
        fr(&env, &["table", "list"]),
        fr(&env, &["org", "list"]),
        fr(&env, &["milestone", "show", "translation", "--as-of", AS_OF]),
        fr(&env, &["meeting", "show", "wg-2018-08"]),
        fr(&env, &["table", "show", "clerks"]),
        fr(&env, &["org", "show", "servicebc"]),
        fr(&env, &["report", "--as-of", AS_OF]),
        fr(&env, &["export", "ics", "--as-of", AS_OF]),
    ];
    let all = outputs.join("\n");
    for (english, french) in SHARED {
        assert!(all.contains(french), "{french:?} is shown nowhere");
        for out in &outputs {
            assert!(!has_value(out, english), "{english:?} shown untranslated in:\n{out}");
        }
    }
    // The report and the calendar, where values are not in table cells.
    let report = &outputs[13];
    assert!(report.contains("<td>Secrétariat</td>") && !report.contains("<td>Secretariat</td>"), "report");
    let ics = &outputs[14];
    assert!(ics.contains("LOCATION:Téléconférence") && !ics.contains("LOCATION:Teleconference"), "calendar");
    // History too: a change of owner shows both values in French.
    env.engage().args(["milestone", "set", "translation", "--owner", "Working group"]).assert().success();
    let history = fr(&env, &["history", "--limit", "1"]);
    assert!(history.contains("Secrétariat → Groupe de travail"), "{history}");
}

#[test]
fn english_and_machine_output_keep_the_stored_value() {
    let env = seed();
    let en = env.stdout(&["upcoming", "--as-of", AS_OF]);
    assert!(en.contains("Secretariat") && !en.contains("Secrétariat"), "{en}");
    for args in [
        &["upcoming", "--as-of", AS_OF, "--format", "json"][..],
        &["upcoming", "--as-of", AS_OF, "--format", "csv"],
        &["status", "--as-of", AS_OF, "--format", "json"],
        &["milestone", "list", "--format", "json"],
        &["meeting", "list", "--format", "csv"],
        &["export", "progress", "--as-of", AS_OF],
        &["plan", "export"],
        &["history", "--format", "json", "--limit", "20"],
    ] {
        let out = fr(&env, args);
        assert_eq!(out, env.stdout(args), "{args:?} differs between languages");
        for (_, french) in SHARED.iter().filter(|(en, fr)| en != fr) {
            assert!(!out.contains(&format!("\"{french}\"")) || matches!(args[0], "plan" | "history"), "{args:?} shows {french:?}");
        }
    }
    let json = env.json(&["upcoming", "--as-of", AS_OF, "--format", "json"]);
    assert!(json.as_array().unwrap().iter().any(|r| r["owner"] == "Secretariat"));
}

#[test]
fn the_glossary_is_managed_journaled_and_round_trips() {
    let env = seed();
    let set = env.engage().args(["glossary", "set", "Toronto", "Toronto (Ont.)"]).assert().success();
    assert!(String::from_utf8_lossy(&set.get_output().stderr).contains("update glossary Toronto"));
    let again = env.engage().args(["glossary", "set", "Toronto", "Toronto (Ont.)"]).assert().success();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("nothing changed"));
    env.engage().args(["glossary", "set", "Tea room", "Salon de thé"]).assert().success();
    let list = env.json(&["glossary", "list", "--format", "json"]);
    let terms = list.as_array().unwrap();
    assert!(terms.iter().any(|t| t["english"] == "Tea room" && t["french"] == "Salon de thé"));
    let csv = env.stdout(&["glossary", "list", "--format", "csv"]);
    assert!(csv.starts_with("english,french") && csv.contains("Toronto,Toronto (Ont.)"), "{csv}");
    let history = env.json(&["history", "--format", "json", "--limit", "1"]);
    assert_eq!(history[0]["kind"], "glossary");
    assert_eq!(history[0]["key"], "Tea room");

    // Plan export carries it; a fresh store from the export has the same glossary.
    let exported = env.export();
    assert!(exported.contains("[glossary]") && exported.contains("\"Tea room\" = \"Salon de thé\""), "{exported}");
    let copy = Env::new();
    let file = copy.write("plan.toml", &exported);
    copy.engage().args(["plan", "apply"]).arg(&file).assert().success();
    assert_eq!(copy.export(), exported);
    let again = copy.engage().args(["plan", "apply"]).arg(&file).assert().success();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("nothing to change"));

    env.engage().args(["glossary", "remove", "Tea room"]).assert().success();
    let out = env.engage().args(["glossary", "remove", "Tea room"]).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for bad in [&["glossary", "set", "", "x"][..], &["glossary", "set", "x", " "], &["glossary", "set", "a\u{1b}b", "x"]] {
        let out = env.engage().args(bad).assert().code(2);
        assert_eq!(String::from_utf8_lossy(&out.get_output().stderr).lines().count(), 1, "{bad:?}");
    }
}

#[test]
fn plan_file_glossary_problems_are_placed() {
    let env = Env::new();
    let file = env.write("g.toml", "[campaign]\nname = \"x\"\nend = 2020-01-01\n\n[glossary]\n\"Secretariat\" = 3\n\"Ok\" = \"\"\n");
    let out = env.engage().args(["plan", "apply"]).arg(&file).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let found = common::problems(&stderr, file.to_str().unwrap());
    assert_eq!(found.iter().map(|(l, _, _)| *l).collect::<Vec<_>>(), [6, 7], "{stderr}");
    assert!(!env.db().exists());
}

#[test]
fn check_lists_shared_values_without_french() {
    let env = seed();
    let ok = env.stdout(&["check"]);
    assert!(!ok.contains("no French"), "the seed translates every shared value:\n{ok}");
    env.engage().args(["milestone", "set", "translation", "--owner", "Translation Bureau"]).assert().success();
    let out = env.stdout(&["check"]);
    assert!(out.contains("1 shared values have no French") && out.contains("  Translation Bureau"), "{out}");
    let out = fr(&env, &["check"]);
    assert!(out.contains("n'ont pas encore de traduction française") && out.contains("Translation Bureau"), "{out}");
}
