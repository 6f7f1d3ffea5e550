//! The interface in French, end to end: the main commands on the seed campaign (which carries
//! French names and English/French pairs), errors, plan-file problems, help and usage errors; how
//! the language is chosen; and machine formats that do not change with it.

mod common;

use common::{Env, seed_path};

const AS_OF: &str = "2018-09-20";

fn seed() -> Env {
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    env
}

/// `engage --lang fr ARGS`: stdout (the command must succeed).
fn fr(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["--lang", "fr"];
    all.extend_from_slice(args);
    env.stdout(&all)
}

/// Runs `engage ARGS` expecting failure with `code`: its stderr.
fn fails(env: &Env, args: &[&str], code: i32) -> String {
    let out = env.engage().args(args).assert().code(code).get_output().clone();
    assert!(out.stdout.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn status_in_french() {
    let env = seed();
    let s = fr(&env, &["status", "--as-of", AS_OF]);
    for expected in [
        "Guide des partenariats de service — Stratégie de mobilisation 2018 — au 20 septembre 2018",
        "Avancement\u{a0}: 56,8\u{a0}% (25 sur 44)",
        "fin estimée\u{a0}: 15 décembre 2018",
        "fin prévue\u{a0}: 31 décembre 2018",
        "(16 jours d'avance)",
        "En retard",
        "! en retard",
        "Outils de mobilisation adaptés pour le colloque, dans les deux langues",
        "Chemin critique",
        "Éléments par type et état",
        "point à l'ordre du jour",
        "Portée par ordre de gouvernement",
        "autochtone",
        "Langues officielles\u{a0}: écarts de parité",
        "manquant (10 j)",
    ] {
        assert!(s.contains(expected), "missing {expected:?} in:\n{s}");
    }
    for english in ["Overdue", "Critical path", "complete", "milestone", "overdue", "Engagement materials adapted"] {
        assert!(!s.contains(english), "English {english:?} in:\n{s}");
    }
}

#[test]
fn upcoming_lists_and_show_in_french() {
    let env = seed();
    let up = fr(&env, &["upcoming", "--as-of", AS_OF]);
    for expected in [
        "À venir",
        "14 septembre 2018",
        "−6",
        "dans 6 jours",
        "échéance proche",
        "Présentation sur le Guide pour le colloque (version française)",
    ] {
        assert!(up.contains(expected), "missing {expected:?} in:\n{up}");
    }
    let list = fr(&env, &["material", "list"]);
    assert!(list.contains("échéance") && list.contains("26 septembre 2018") && list.contains("terminé dans les délais"), "{list}");
    let show = fr(&env, &["material", "show", "symposium-deck-fr"]);
    for expected in [
        "titre en français\u{a0}: Présentation sur le Guide pour le colloque",
        "type\u{a0}: présentation",
        "langue\u{a0}: français",
        "version équivalente\u{a0}: symposium-deck-en",
        "statut\u{a0}: en cours",
        "Journal",
    ] {
        assert!(show.contains(expected), "missing {expected:?} in:\n{show}");
    }
    assert!(show.contains("document symposium-deck-fr") && show.contains("créé"), "journal in French:\n{show}");
}

#[test]
fn tracking_and_plan_messages_in_french() {
    let env = seed();
    let out = env.engage().args(["--lang", "fr", "milestone", "done", "translation", "--on", "2018-09-21"]).assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(said.trim(), "jalon «\u{202f}translation\u{202f}»\u{a0}: en cours → terminé (21 septembre 2018)");
    let again = env.engage().args(["--lang", "fr", "milestone", "done", "translation", "--on", "2018-09-21"]).assert().success();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("rien n'a changé"));
    let history = fr(&env, &["history", "--limit", "1"]);
    assert!(history.contains("statut\u{a0}: en cours → terminé, terminé le\u{a0}: — → 21 septembre 2018"), "{history}");
    let apply = env.engage().args(["--lang", "fr", "plan", "apply"]).arg(seed_path()).assert().success();
    let said = String::from_utf8_lossy(&apply.get_output().stderr).into_owned();
    assert!(said.contains("rien à changer"), "{said}");
}

#[test]
fn errors_in_french_exit_2_and_change_nothing() {
    let env = seed();
    let before = env.export();
    let cases: &[(&[&str], &str)] = &[
        (&["--lang", "fr", "milestone", "done", "nope"], "engage\u{a0}: jalon inconnu «\u{202f}nope\u{202f}»"),
        (
            &["--lang", "fr", "agenda", "done", "nope"],
            "engage\u{a0}: point à l'ordre du jour inconnu «\u{202f}nope\u{202f}»\u{a0}: un point à l'ordre du jour se nomme RÉUNION/POINT",
        ),
        (
            &["--lang", "fr", "status", "--as-of", "2018-02-30"],
            "engage\u{a0}: valeur «\u{202f}2018-02-30\u{202f}» invalide pour «\u{202f}--as-of <DATE>\u{202f}»\u{a0}: «\u{202f}2018-02-30\u{202f}» n'est pas une date valide",
        ),
        (
            &["--lang", "fr", "statuss"],
            "engage\u{a0}: sous-commande inconnue «\u{202f}statuss\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}status\u{202f}»\u{202f}?",
        ),
        (
            &["--lang", "fr", "milestone", "add", "Bad", "--title", "t", "--due", "2018-10-01"],
            "engage\u{a0}: la clé «\u{202f}Bad\u{202f}» contient «\u{202f}B\u{202f}»",
        ),
        (
            &["--lang", "fr", "channel", "done", "intersection", "--url", "example.org"],
            "engage\u{a0}: --url\u{a0}: l'adresse «\u{202f}example.org\u{202f}» doit être absolue",
        ),
        (
            &["--lang", "fr", "milestone", "add", "x", "--title", "t", "--due", "2018-10-01", "--depends-on", "nope"],
            "engage\u{a0}: jalon «\u{202f}x\u{202f}»\u{a0}: jalon inconnu «\u{202f}nope\u{202f}»",
        ),
    ];
    for (args, says) in cases {
        let stderr = fails(&env, args, 2);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: not one line:\n{stderr}");
        assert!(lines[0].starts_with(says), "{args:?}: expected {says:?}, got {stderr}");
    }
    assert_eq!(env.export(), before, "an error changed the store");
    let missing = Env::new();
    let stderr = fails(&missing, &["--lang", "fr", "status"], 1);
    assert!(stderr.starts_with("engage\u{a0}: aucune base de données de campagne à "), "{stderr}");
}

#[test]
fn plan_file_problems_in_french() {
    let env = Env::new();
    let file = env.write(
        "bad.toml",
        "[campaign]\nname = \"x\"\nend = 2020-01-01\n\n[[milestone]]\nkey = \"m\"\ntitle = 3\ndue = \"2020-02-30\"\nfoo = 1\ndepends_on = [\"zz\"]\n",
    );
    let stderr = fails(&env, &["--lang", "fr", "plan", "apply", file.to_str().unwrap()], 2);
    let lines: Vec<&str> = stderr.lines().collect();
    let name = file.display().to_string();
    assert_eq!(
        lines,
        [
            format!("{name}:7:9: jalon «\u{202f}m\u{202f}»\u{a0}: «\u{202f}title\u{202f}» doit être une chaîne, pas un entier"),
            format!(
                "{name}:8:7: jalon «\u{202f}m\u{202f}»\u{a0}: «\u{202f}due\u{202f}»\u{a0}: «\u{202f}2020-02-30\u{202f}» n'est pas une date valide"
            ),
            format!("{name}:9:7: jalon «\u{202f}m\u{202f}»\u{a0}: champ inconnu «\u{202f}foo\u{202f}»"),
            format!("{name}:10:15: jalon «\u{202f}m\u{202f}»\u{a0}: depends_on\u{a0}: jalon inconnu «\u{202f}zz\u{202f}»"),
            format!("engage\u{a0}: {name}\u{a0}: 4 problèmes trouvés\u{202f}; rien n'a été changé"),
        ]
    );
    assert!(!env.db().exists(), "a refused plan created the store");
}

#[test]
fn help_in_french() {
    let env = Env::new();
    let help = fr(&env, &["--help"]);
    for expected in [
        "Utilisation\u{a0}: engage",
        "Commandes\u{a0}:",
        "Options\u{a0}:",
        "Afficher l'aide",
        "Où en est la campagne",
        "[par défaut\u{a0}: auto]",
    ] {
        assert!(help.contains(expected), "missing {expected:?} in:\n{help}");
    }
    assert!(!help.contains("Usage:") && !help.contains("Print help"), "{help}");
    let sub = fr(&env, &["plan", "apply", "--help"]);
    assert!(sub.contains("Arguments\u{a0}:") && sub.contains("Le fichier de plan (TOML)"), "{sub}");
    let man = fr(&env, &["man"]);
    assert!(man.contains("Suivre une campagne de mobilisation"), "the manual page follows --lang");
}

#[test]
fn the_language_comes_from_the_flag_then_engage_lang_then_the_locale() {
    let env = seed();
    let status = |vars: &[(&str, &str)], args: &[&str]| {
        let mut cmd = env.engage();
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let mut all = args.to_vec();
        all.extend_from_slice(&["status", "--as-of", AS_OF]);
        String::from_utf8(cmd.args(all).assert().success().get_output().stdout.clone()).unwrap()
    };
    let french = |s: &str| s.contains("Chemin critique");
    assert!(french(&status(&[("LANG", "fr_CA.UTF-8")], &[])));
    assert!(french(&status(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "en_CA.UTF-8")], &[])));
    assert!(french(&status(&[("ENGAGE_LANG", "fr"), ("LANG", "en_CA.UTF-8")], &[])));
    assert!(!french(&status(&[("ENGAGE_LANG", "en"), ("LANG", "fr_CA.UTF-8")], &[])));
    assert!(!french(&status(&[("LANG", "fr_CA.UTF-8")], &["--lang", "en"])));
    assert!(french(&status(&[("LANG", "C")], &["--lang=fr"])));
    // Errors follow the locale too, before any argument is parsed.
    let mut cmd = env.engage();
    let out = cmd.env("LANG", "fr_CA.UTF-8").args(["status", "--bogus"]).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).starts_with("engage\u{a0}: argument inattendu «\u{202f}--bogus\u{202f}»"));
}

#[test]
fn machine_formats_do_not_change_with_the_language() {
    let env = seed();
    for args in [
        &["status", "--as-of", AS_OF, "--format", "json"][..],
        &["upcoming", "--as-of", AS_OF, "--format", "json"],
        &["upcoming", "--as-of", AS_OF, "--format", "csv"],
        &["export", "progress", "--as-of", AS_OF],
        &["milestone", "list", "--format", "json"],
        &["material", "list", "--format", "csv"],
        &["plan", "export"],
    ] {
        assert_eq!(env.stdout(args), fr(&env, args), "{args:?} differs between languages");
    }
    let csv = env.stdout(&["export", "progress", "--as-of", AS_OF]);
    assert_eq!(csv.lines().next(), Some("kind,key,title,owner,date,status,done_on,state,variance_days,critical,title_fr"));
}

#[test]
fn demo_in_french() {
    let env = Env::new();
    let out = env.engage().args(["--lang", "fr", "demo"]).assert().success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("La campagne de mobilisation 2018 du Guide des partenariats de service"), "{stderr}");
    for expected in ["au 20 septembre 2018", "Chemin critique", "À venir", "Langues officielles\u{a0}: écarts de parité"] {
        assert!(stdout.contains(expected), "missing {expected:?} in:\n{stdout}");
    }
}

/// French terms that a francophone reader corrected (issue 16), and English words of the
/// interface: none may come back in any French human output.
const REPLACED_FRENCH: &[&str] = &[
    " fait ",
    "fait le",
    "fait à temps",
    "fait en retard",
    "jointes",
    "fin projetée",
    "fin planifiée",
    "Fin projetée",
    "Fin planifiée",
    "glissement",
    "Glissement",
    "pendant\u{a0}:",
    "le pendant",
    "son pendant",
    "de pendant",
    "Achèvement",
    "dans les temps",
    "Montrer",
    "notes d'allocution",
];
const ENGLISH_WORDS: &[&str] = &[
    "Overdue",
    "Upcoming",
    "Critical path",
    "complete",
    "on track",
    "due soon",
    "done on",
    "planned end",
    "projected end",
    "attended",
    "outcome",
    "counterpart",
    "Usage:",
    "Options:",
];

/// A French output, checked: no replaced term, no English word, and the typography French
/// wants (no plain space before a colon, none inside guillemets).
fn assert_french(what: &str, text: &str) {
    for word in REPLACED_FRENCH.iter().chain(ENGLISH_WORDS) {
        assert!(!text.contains(word), "{what}: {word:?} in:\n{text}");
    }
    for plain in [" :", "« ", " »", " ;", " ?"] {
        assert!(!text.contains(plain), "{what}: {plain:?} with a breaking space in:\n{text}");
    }
}

#[test]
fn no_english_and_no_replaced_term_in_french_output() {
    let env = seed();
    env.engage().args(["milestone", "done", "translation", "--on", "2018-09-21"]).assert().success();
    for args in [
        &["status", "--as-of", AS_OF][..],
        &["upcoming", "--as-of", AS_OF, "--within", "60"],
        &["milestone", "list", "--as-of", AS_OF],
        &["material", "list", "--as-of", AS_OF],
        &["channel", "list", "--as-of", AS_OF],
        &["agenda", "list", "--as-of", AS_OF],
        &["meeting", "list"],
        &["table", "list"],
        &["material", "show", "deck-fr", "--as-of", AS_OF],
        &["milestone", "show", "translation", "--as-of", AS_OF],
        &["agenda", "show", "symposium-2018-10/guide", "--as-of", AS_OF],
        &["meeting", "show", "symposium-2018-10"],
        &["history", "--limit", "5"],
        &["report", "--as-of", AS_OF],
        &["--help"],
        &["milestone", "add", "--help"],
        &["demo", "--help"],
    ] {
        let out = fr(&env, args);
        let text = if args[0] == "report" { visible_text(&out) } else { out };
        assert_french(&format!("{args:?}"), &text);
    }
}

/// The text a reader of an HTML page sees: without the style sheet, tags and attributes.
fn visible_text(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push('\n');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_words_a_francophone_reader_expects() {
    let env = seed();
    let status = fr(&env, &["status", "--as-of", AS_OF]);
    for expected in ["atteintes", "terminé dans les délais", "en bonne voie", "échéance proche", "écart", "version équivalente"] {
        assert!(status.contains(expected), "missing {expected:?} in:\n{status}");
    }
    let meeting = fr(&env, &["meeting", "show", "symposium-2018-10"]);
    assert!(meeting.contains("du 1er au 3 octobre 2018"), "{meeting}");
    let agenda = fr(&env, &["agenda", "show", "symposium-2018-10/guide"]);
    assert!(agenda.contains("point\u{a0}: guide"), "{agenda}");
    let kinds = fr(&env, &["table", "show", "symposium"]);
    assert!(kinds.contains("colloque"), "{kinds}");
    let help = fr(&env, &["plan", "apply", "--help"]);
    assert!(help.contains("<FICHIER>") && !help.contains("<FILE>"), "{help}");
    let help = fr(&env, &["--help"]);
    assert!(help.contains("<CHEMIN>") && !help.contains("<PATH>"), "{help}");
    let man = fr(&env, &["man"]);
    for section in [".SH NOM", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH COMMANDES"] {
        assert!(man.contains(section), "missing {section} in the French manual page");
    }
    let history = fr(&env, &["history", "--limit", "1"]);
    let time = regex_free_time(&history);
    assert!(time, "history times in words:\n{history}");
    let demo = fr(&env, &["demo", "--help"]);
    assert!(demo.contains("20 septembre 2018"), "{demo}");
    let rename = env.engage().args(["--lang", "fr", "milestone", "rename", "translation", "deck-ready"]).assert().code(2);
    let said = String::from_utf8_lossy(&rename.get_output().stderr).into_owned();
    assert!(said.contains("le jalon «\u{202f}deck-ready\u{202f}» existe déjà"), "{said}");
    let date = env.engage().args(["--lang", "fr", "status", "--as-of", "2018-02-30"]).assert().code(2);
    assert!(String::from_utf8_lossy(&date.get_output().stderr).contains("n'est pas une date valide"));
}

/// Whether a journal table shows its times as `29 novembre 2026, 3 h 23`.
fn regex_free_time(history: &str) -> bool {
    // The first cell of a row (cells are two spaces apart; the command cell holds random paths).
    let when = |l: &str| l.split("  ").next().unwrap_or_default().to_string();
    history.lines().skip(2).map(when).any(|w| w.contains(", ") && w.contains(" h ") && !w.contains('T'))
}

#[test]
fn english_messages_read_as_english() {
    let env = seed();
    let out = env.engage().args(["--lang", "en", "milestone", "rename", "translation", "deck-ready"]).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("milestone 'deck-ready' already exists"));
    let out = env.engage().args(["--lang", "en", "status", "--as-of", "2018-02-30"]).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("is not a valid date"));
    let missing = Env::new();
    let out = missing.engage().args(["--lang", "en", "status"]).assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("no campaign store found at"));
}

#[test]
fn missing_files_are_said_by_engage_in_both_languages() {
    let env = seed();
    let missing = env.path("nowhere.toml");
    let out = env.engage().args(["--lang", "fr", "plan", "apply"]).arg(&missing).assert().code(2);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("fichier introuvable") && !said.contains("No such file"), "{said}");
    let out = env.engage().args(["--lang", "en", "plan", "apply"]).arg(&missing).assert().code(2);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("file not found"), "{said}");
    let nowhere = env.path("no-folder").join("progress.csv");
    let out = env.engage().args(["--lang", "fr", "export", "progress", "-o"]).arg(&nowhere).assert().code(1);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("son dossier n'existe pas") && !said.contains("No such file"), "{said}");
}
