//! Plan files with errors: each is refused whole with exit 2, every problem listed on stderr as
//! `FILE:LINE:COL: message`, and the store left as it was (or not created at all).

mod common;

use common::{Env, WORKED, problems};

/// A valid plan of 19 lines; each case appends its flaw from line 20 on.
const BASE: &str = r#"[campaign]
name = "Test campaign"
end = 2030-12-31

[[organization]]
key = "fed"
name = "Fed"
order = "federal"

[[table]]
key = "council"
name = "Council"
members = ["fed"]

[[milestone]]
key = "m1"
title = "M1"
due = 2030-06-01

"#;

struct Case {
    name: &'static str,
    /// Appended to [`BASE`]: its first line is line 20.
    tail: &'static str,
    /// What the message must say.
    says: &'static [&'static str],
    /// The line of the problem, when it is plain.
    line: Option<u32>,
}

const CASES: &[Case] = &[
    Case {
        name: "unknown field",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2030-06-01\ncolour = \"red\"\n",
        says: &["unknown field 'colour'"],
        line: Some(24),
    },
    Case { name: "unknown section", tail: "[[widget]]\nkey = \"w\"\n", says: &["unknown section 'widget'"], line: Some(20) },
    Case {
        name: "unknown table of a meeting",
        tail: "[[meeting]]\nkey = \"mt\"\ntable = \"nope\"\ndate = 2030-05-01\n",
        says: &["unknown table 'nope'"],
        line: Some(22),
    },
    Case {
        name: "unknown member organization",
        tail: "[[table]]\nkey = \"t2\"\nname = \"T2\"\nmembers = [\"fed\", \"nope\"]\n",
        says: &["unknown organization 'nope'"],
        line: Some(23),
    },
    Case {
        name: "unknown channel organization",
        tail: "[[channel]]\nkey = \"ch\"\nname = \"Ch\"\norganization = \"nope\"\n",
        says: &["unknown organization 'nope'"],
        line: Some(23),
    },
    Case {
        name: "unknown dependency",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2030-06-01\ndepends_on = [\"m1\", \"nope\"]\n",
        says: &["unknown milestone 'nope'"],
        line: Some(24),
    },
    Case {
        name: "duplicate key",
        tail: "[[milestone]]\nkey = \"m1\"\ntitle = \"Again\"\ndue = 2030-06-02\n",
        says: &["duplicate", "'m1'"],
        line: Some(21),
    },
    Case {
        name: "bad order",
        tail: "[[organization]]\nkey = \"o2\"\nname = \"O2\"\norder = \"galactic\"\n",
        says: &["'order'", "galactic"],
        line: Some(23),
    },
    Case {
        name: "bad status",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2030-06-01\nstatus = \"finished\"\n",
        says: &["'status'", "finished"],
        line: Some(24),
    },
    Case {
        name: "bad kind",
        tail: "[[channel]]\nkey = \"ch\"\nname = \"Ch\"\nkind = \"pigeon\"\n",
        says: &["'kind'", "pigeon"],
        line: Some(23),
    },
    Case {
        name: "impossible date as a string",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = \"2027-02-30\"\n",
        says: &["2027-02-30", "not a valid date"],
        line: Some(23),
    },
    Case {
        name: "impossible date as a TOML date",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2027-02-30\n",
        says: &["date"],
        line: Some(23),
    },
    Case {
        name: "end_date before date",
        tail: "[[meeting]]\nkey = \"mt\"\ntable = \"council\"\ndate = 2030-05-02\nend_date = 2030-05-01\n",
        says: &["'end_date'", "before"],
        line: Some(24),
    },
    Case {
        name: "done_on without status done",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2030-06-01\ndone_on = 2030-05-01\n",
        says: &["'done_on'", "not 'done'"],
        line: Some(24),
    },
    Case {
        name: "status done without done_on",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2030-06-01\nstatus = \"done\"\n",
        says: &["'done_on'"],
        line: Some(24),
    },
    Case {
        name: "dependency cycle",
        tail: "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2030-06-01\ndepends_on = [\"m3\"]\n\n\
               [[milestone]]\nkey = \"m3\"\ntitle = \"M3\"\ndue = 2030-06-01\ndepends_on = [\"m4\"]\n\n\
               [[milestone]]\nkey = \"m4\"\ntitle = \"M4\"\ndue = 2030-06-01\ndepends_on = [\"m2\", \"m1\"]\n",
        says: &["cycle", "m2", "m3", "m4"],
        line: None,
    },
    Case {
        name: "wrong type",
        tail: "[[organization]]\nkey = \"o2\"\nname = 3\norder = \"federal\"\n",
        says: &["'name'", "string"],
        line: Some(22),
    },
    Case {
        name: "bad key",
        tail: "[[milestone]]\nkey = \"Bad Key\"\ntitle = \"M2\"\ndue = 2030-06-01\n",
        says: &["Bad Key"],
        line: Some(21),
    },
    Case {
        name: "url that is not http",
        tail: "[[channel]]\nkey = \"ch\"\nname = \"Ch\"\nurl = \"ftp://example.org/guide\"\n",
        says: &["url", "ftp://example.org/guide"],
        line: Some(23),
    },
];

/// Runs `plan apply` of `text` named `file`; checks the refusal; returns the problems listed.
fn refused(env: &Env, file: &str, text: &str) -> Vec<(u32, u32, String)> {
    env.write(file, text);
    let out = env.engage().args(["plan", "apply", file]).assert().code(2).get_output().clone();
    assert!(out.stdout.is_empty(), "{file}: output on stdout: {}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let found = problems(&stderr, file);
    assert!(!found.is_empty(), "{file}: no FILE:LINE:COL: line on stderr:\n{stderr}");
    for (line, col, _) in &found {
        assert!(*line >= 1 && *col >= 1, "{file}: position {line}:{col}");
    }
    found
}

fn check_case(case: &Case, found: &[(u32, u32, String)], stderr_of: &str) {
    let hit = found.iter().find(|(_, _, m)| case.says.iter().all(|s| m.contains(s)));
    let Some((line, _, _)) = hit else { panic!("{}: no problem says {:?} ({stderr_of}): {found:?}", case.name, case.says) };
    if let Some(expected) = case.line {
        assert_eq!(*line, expected, "{}: wrong line: {found:?}", case.name);
    }
}

#[test]
fn the_base_plan_is_valid() {
    let env = Env::new();
    assert_eq!(BASE.lines().count(), 19);
    env.apply("base.toml", BASE);
}

#[test]
fn every_error_is_refused_before_a_store_exists() {
    for (i, case) in CASES.iter().enumerate() {
        let env = Env::new();
        let file = format!("case-{i}.toml");
        let found = refused(&env, &file, &format!("{BASE}{}", case.tail));
        check_case(case, &found, "fresh store");
        assert_eq!(found.len(), 1, "{}: one problem expected: {found:?}", case.name);
        assert!(!env.db().exists(), "{}: a refused plan created the store", case.name);
    }
}

#[test]
fn every_error_leaves_an_existing_store_untouched() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    let journal = env.journal_count();
    let export = env.export();
    for (i, case) in CASES.iter().enumerate() {
        let file = format!("case-{i}.toml");
        let found = refused(&env, &file, &format!("{BASE}{}", case.tail));
        check_case(case, &found, "existing store");
        assert_eq!(env.journal_count(), journal, "{}: the journal changed", case.name);
        assert_eq!(env.export(), export, "{}: the store changed", case.name);
    }
    env.assert_clean();
}

#[test]
fn the_cycle_is_named_in_order() {
    let env = Env::new();
    let case = CASES.iter().find(|c| c.name == "dependency cycle").unwrap();
    let found = refused(&env, "cycle.toml", &format!("{BASE}{}", case.tail));
    let message = &found[0].2;
    // The keys on the cycle, each once, and m1 (which is not on it) never.
    assert!(!message.contains("m1"), "{message}");
    let at = |k: &str| message.find(k).unwrap_or_else(|| panic!("{k} missing: {message}"));
    let (m2, m3, m4) = (at("m2"), at("m3"), at("m4"));
    // Whichever key it starts at, the keys follow the dependencies around (m2 → m3 → m4 → m2).
    let order = [m2, m3, m4];
    let start = order.iter().enumerate().min_by_key(|(_, p)| **p).unwrap().0;
    assert!(order[start] < order[(start + 1) % 3] && order[(start + 1) % 3] < order[(start + 2) % 3], "{message}");
    // The cycle is placed at one of its milestones (lines 20, 26, 32).
    assert!([20, 21, 26, 27, 32, 33].contains(&found[0].0), "{found:?}");
}

#[test]
fn a_cycle_through_the_stores_milestones_is_refused() {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    let journal = env.journal_count();
    // a is in the store; the file makes it depend on d, which depends on a through b.
    let text =
        "[[milestone]]\nkey = \"a\"\ntitle = \"Draft\"\ndue = 2030-03-15\ndepends_on = [\"d\"]\nstatus = \"done\"\ndone_on = 2030-03-14\n";
    let found = refused(&env, "loop.toml", text);
    let message = &found[0].2;
    assert!(message.contains("cycle") && message.contains('a') && message.contains('d'), "{message}");
    assert_eq!(env.journal_count(), journal);
}

/// A file with a flaw in each of a milestone, a channel and another milestone: 5 problems.
const MANY: &str = "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = \"2027-02-30\"\ncolour = \"red\"\n\n\
                    [[channel]]\nkey = \"ch\"\nname = \"Ch\"\nkind = \"pigeon\"\norganization = \"nope\"\n\n\
                    [[milestone]]\nkey = \"m3\"\ntitle = \"M3\"\ndue = 2030-06-01\ndepends_on = [\"ghost\"]\n";

/// Applies `text` to a fresh store (refused); returns the problems and stderr.
fn refused_fresh(env: &Env, text: &str) -> (Vec<(u32, u32, String)>, String) {
    let path = env.write("many.toml", text);
    let assert = env.engage().args(["plan", "apply"]).arg(&path).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(!env.db().exists());
    (problems(&stderr, &path.display().to_string()), stderr)
}

fn says(found: &[(u32, u32, String)], line: u32, text: &str) -> bool {
    found.iter().any(|(l, _, m)| *l == line && m.contains(text))
}

#[test]
fn every_problem_of_a_file_is_listed() {
    let env = Env::new();
    let tail = "[[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = \"2027-02-30\"\ncolour = \"red\"\n\n\
                [[channel]]\nkey = \"Ch\"\nname = 7\nkind = \"pigeon\"\n";
    let (found, stderr) = refused_fresh(&env, &format!("{BASE}{tail}"));
    for (line, text) in [(23, "not a valid date"), (24, "unknown field 'colour'"), (27, "Ch"), (28, "'name'"), (29, "pigeon")] {
        assert!(says(&found, line, text), "line {line} should say {text}: {found:?}");
    }
    assert_eq!(found.len(), 5, "{found:?}");
    let lines: Vec<u32> = found.iter().map(|p| p.0).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "not in file order: {lines:?}");
    assert!(stderr.contains("5 problems"), "{stderr}");
}

#[test]
fn every_unknown_reference_of_a_file_is_listed() {
    let env = Env::new();
    let tail = "[[channel]]\nkey = \"ch\"\nname = \"Ch\"\norganization = \"nope\"\n\n\
                [[meeting]]\nkey = \"mt\"\ntable = \"void\"\ndate = 2030-05-01\n\n\
                [[milestone]]\nkey = \"m3\"\ntitle = \"M3\"\ndue = 2030-06-01\ndepends_on = [\"ghost\"]\n";
    let (found, stderr) = refused_fresh(&env, &format!("{BASE}{tail}"));
    for (line, text) in [(23, "unknown organization 'nope'"), (27, "unknown table 'void'"), (34, "unknown milestone 'ghost'")] {
        assert!(says(&found, line, text), "line {line} should say {text}: {found:?}");
    }
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(stderr.contains("3 problems"), "{stderr}");
}

#[test]
fn unknown_references_are_listed_with_other_errors() {
    let env = Env::new();
    let (found, _) = refused_fresh(&env, &format!("{BASE}{MANY}"));
    for (line, text) in
        [(23, "not a valid date"), (24, "unknown field 'colour'"), (29, "pigeon"), (30, "unknown organization 'nope'"), (36, "ghost")]
    {
        assert!(says(&found, line, text), "line {line} should say {text}: {found:?}");
    }
    assert_eq!(found.len(), 5, "{found:?}");
}

#[test]
fn a_plan_without_a_campaign_needs_a_store_with_one() {
    let env = Env::new();
    let found = refused(&env, "bare.toml", "[[milestone]]\nkey = \"m1\"\ntitle = \"M1\"\ndue = 2030-06-01\n");
    assert!(found[0].2.contains("campaign"), "{found:?}");
    assert!(!env.db().exists());
}
