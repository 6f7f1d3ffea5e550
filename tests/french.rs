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
        "50,0\u{a0}% terminé (21/42)",
        "fin projetée : 15 décembre 2018",
        "fin planifiée : 31 décembre 2018",
        "(16 jours d'avance)",
        "En retard",
        "! en retard",
        "Traduction des outils de mobilisation terminée",
        "Chemin critique",
        "Éléments par type et état",
        "point à l'ordre du jour",
        "Portée par ordre de gouvernement",
        "autochtone",
        "Langues officielles : écarts de parité",
        "manquant (10 j)",
    ] {
        assert!(s.contains(expected), "missing {expected:?} in:\n{s}");
    }
    for english in ["Overdue", "Critical path", "complete", "milestone", "overdue", "Translation of the engagement"] {
        assert!(!s.contains(english), "English {english:?} in:\n{s}");
    }
}

#[test]
fn upcoming_lists_and_show_in_french() {
    let env = seed();
    let up = fr(&env, &["upcoming", "--as-of", AS_OF]);
    for expected in ["À venir", "14 septembre 2018", "−6", "dans 6 jours", "à venir", "Annexe D — Points de discussion (version française)"]
    {
        assert!(up.contains(expected), "missing {expected:?} in:\n{up}");
    }
    let list = fr(&env, &["material", "list"]);
    assert!(list.contains("échéance") && list.contains("14 septembre 2018") && list.contains("fait à temps"), "{list}");
    let show = fr(&env, &["material", "show", "deck-fr"]);
    for expected in
        ["titre en français : Annexe C", "type : présentation", "langue : français", "pendant : deck-en", "statut : en cours", "Journal"]
    {
        assert!(show.contains(expected), "missing {expected:?} in:\n{show}");
    }
    assert!(show.contains("document deck-fr") && show.contains("créé"), "journal in French:\n{show}");
}

#[test]
fn tracking_and_plan_messages_in_french() {
    let env = seed();
    let out = env.engage().args(["--lang", "fr", "milestone", "done", "translation", "--on", "2018-09-21"]).assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(said.trim(), "jalon « translation » : en cours → fait (21 septembre 2018)");
    let again = env.engage().args(["--lang", "fr", "milestone", "done", "translation", "--on", "2018-09-21"]).assert().success();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("rien n'a changé"));
    let history = fr(&env, &["history", "--limit", "1"]);
    assert!(history.contains("statut : en cours → fait; fait le : — → 21 septembre 2018"), "{history}");
    let apply = env.engage().args(["--lang", "fr", "plan", "apply"]).arg(seed_path()).assert().success();
    let said = String::from_utf8_lossy(&apply.get_output().stderr).into_owned();
    assert!(said.contains("rien à changer"), "{said}");
}

#[test]
fn errors_in_french_exit_2_and_change_nothing() {
    let env = seed();
    let before = env.export();
    let cases: &[(&[&str], &str)] = &[
        (&["--lang", "fr", "milestone", "done", "nope"], "engage : jalon inconnu « nope »"),
        (
            &["--lang", "fr", "agenda", "done", "nope"],
            "engage : point à l'ordre du jour inconnu « nope » : un point à l'ordre du jour se nomme RÉUNION/POINT",
        ),
        (
            &["--lang", "fr", "status", "--as-of", "2018-02-30"],
            "engage : valeur « 2018-02-30 » invalide pour « --as-of <DATE> » : « 2018-02-30 » n'est pas une date réelle",
        ),
        (&["--lang", "fr", "statuss"], "engage : sous-commande inconnue « statuss »; vouliez-vous dire « status »?"),
        (&["--lang", "fr", "milestone", "add", "Bad", "--title", "t", "--due", "2018-10-01"], "engage : la clé « Bad » contient « B »"),
        (
            &["--lang", "fr", "channel", "done", "intersection", "--url", "example.org"],
            "engage : --url : l'adresse « example.org » doit être absolue",
        ),
        (
            &["--lang", "fr", "milestone", "add", "x", "--title", "t", "--due", "2018-10-01", "--depends-on", "nope"],
            "engage : jalon « x » : jalon inconnu « nope »",
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
    assert!(stderr.starts_with("engage : aucune base à "), "{stderr}");
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
            format!("{name}:7:9: jalon « m » : « title » doit être une chaîne, pas un entier"),
            format!("{name}:8:7: jalon « m » : « due » : « 2020-02-30 » n'est pas une date réelle"),
            format!("{name}:9:7: jalon « m » : champ inconnu « foo »"),
            format!("{name}:10:15: jalon « m » : depends_on : jalon inconnu « zz »"),
            format!("engage : {name} : 4 problèmes trouvés; rien n'a été changé"),
        ]
    );
    assert!(!env.db().exists(), "a refused plan created the store");
}

#[test]
fn help_in_french() {
    let env = Env::new();
    let help = fr(&env, &["--help"]);
    for expected in ["Utilisation : engage", "Commandes :", "Options :", "Afficher l'aide", "Où en est la campagne", "[par défaut : auto]"]
    {
        assert!(help.contains(expected), "missing {expected:?} in:\n{help}");
    }
    assert!(!help.contains("Usage:") && !help.contains("Print help"), "{help}");
    let sub = fr(&env, &["plan", "apply", "--help"]);
    assert!(sub.contains("Arguments :") && sub.contains("Le fichier de plan (TOML)"), "{sub}");
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
    assert!(String::from_utf8_lossy(&out.get_output().stderr).starts_with("engage : argument inattendu « --bogus »"));
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
    for expected in ["au 20 septembre 2018", "Chemin critique", "À venir", "Langues officielles : écarts de parité"] {
        assert!(stdout.contains(expected), "missing {expected:?} in:\n{stdout}");
    }
}
