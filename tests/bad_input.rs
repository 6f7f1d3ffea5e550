//! Bad input across every command and the plan file: exit 2, one line saying what and where (a
//! plan file: one `FILE:LINE:COL:` line per problem, then one `engage:` line), nothing on stdout,
//! no panic, and the store and its journal exactly as they were.

mod common;

use common::{Env, WORKED, problems};

/// How the message is laid out on stderr.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// One `engage: …` line.
    Line,
    /// A usage error found by the argument parser: its first line is `error: …`.
    Usage,
    /// A plan file's problems: `FILE:LINE:COL: …` lines, then one `engage: FILE: …` line.
    Plan,
}

use Shape::{Line, Plan, Usage};

struct Case {
    args: &'static [&'static str],
    /// What the message must say.
    says: &'static str,
    shape: Shape,
}

const fn case(args: &'static [&'static str], says: &'static str, shape: Shape) -> Case {
    Case { args, says, shape }
}

const CASES: &[Case] = &[
    // Impossible or malformed dates.
    case(&["milestone", "done", "b", "--on", "2027-02-30"], "not a valid date", Usage),
    case(&["milestone", "add", "x", "--title", "t", "--due", "2027-13-01"], "not a valid date", Usage),
    case(&["status", "--as-of", "yesterday-ish"], "write YYYY-MM-DD", Usage),
    case(&["upcoming", "--as-of", "2027-1-1"], "write YYYY-MM-DD", Usage),
    case(&["export", "progress", "--as-of", "2027-02-29"], "not a valid date", Usage),
    case(&["history", "--since", "2027-02-30"], "not a valid date", Usage),
    case(&["meeting", "add", "m", "--table", "council", "--date", "2027-03-02", "--end-date", "2027-03-01"], "before", Line),
    // Negative and out-of-range numbers.
    case(&["upcoming", "--within", "-1"], "-1", Usage),
    case(&["upcoming", "--within=-1"], "-1", Usage),
    case(&["milestone", "add", "x", "--title", "t", "--due", "2027-01-01", "--duration", "-3"], "-3", Usage),
    case(&["milestone", "add", "x", "--title", "t", "--due", "2027-01-01", "--duration=-3"], "-3", Usage),
    case(&["history", "--limit", "-1"], "-1", Usage),
    // Unknown enum values.
    case(&["org", "add", "o", "--name", "n", "--order", "galactic"], "galactic", Usage),
    case(&["milestone", "list", "--format", "xml"], "xml", Usage),
    case(&["milestone", "list", "--status", "finished"], "finished", Usage),
    case(&["--lang", "de", "status"], "de", Usage),
    // Unknown and malformed keys and references.
    case(&["milestone", "done", "nope"], "unknown milestone 'nope'", Line),
    case(&["milestone", "show", "nope"], "unknown milestone 'nope'", Line),
    case(&["agenda", "done", "council-mar/nope"], "unknown agenda item 'council-mar/nope'", Line),
    case(&["agenda", "done", "briefing"], "MEETING/ITEM", Line),
    case(&["agenda", "add", "briefing", "--topic", "t"], "MEETING/ITEM", Line),
    case(&["milestone", "add", "Bad Key", "--title", "t", "--due", "2027-01-01"], "Bad Key", Line),
    case(&["org", "add", "", "--name", "n", "--order", "federal"], "cannot be empty", Line),
    case(&["meeting", "add", "m", "--table", "nope", "--date", "2027-01-01"], "unknown table 'nope'", Line),
    case(&["milestone", "add", "x", "--title", "t", "--due", "2027-01-01", "--depends-on", "nope"], "unknown milestone 'nope'", Line),
    case(&["table", "add", "t", "--name", "n", "--member", "nope"], "unknown organization 'nope'", Line),
    case(&["agenda", "add", "nomeeting/x", "--topic", "t"], "unknown meeting 'nomeeting'", Line),
    // Duplicate keys.
    case(&["milestone", "add", "a", "--title", "t", "--due", "2027-01-01"], "'a' already exists", Line),
    case(&["org", "add", "fed", "--name", "n", "--order", "federal"], "'fed' already exists", Line),
    case(&["agenda", "add", "council-mar/briefing", "--topic", "t"], "already exists", Line),
    case(&["init", "--name", "Another"], "already holds", Line),
    // URLs that are not http(s), and a URL where none belongs.
    case(&["channel", "done", "site", "--url", "ftp://x"], "ftp://x", Line),
    case(&["channel", "done", "site", "--url", "javascript:alert(1)"], "javascript:alert(1)", Line),
    case(&["material", "done", "deck", "--url", "javascript:alert(1)"], "javascript:alert(1)", Line),
    case(&["channel", "done", "site", "--url", "http://"], "http://", Line),
    case(&["milestone", "done", "b", "--url", "https://example.org"], "--url", Line),
    // Empty text.
    case(&["milestone", "add", "x", "--title", "", "--due", "2027-01-01"], "--title cannot be empty", Line),
    case(&["milestone", "add", "x", "--title", "   ", "--due", "2027-01-01"], "--title cannot be empty", Line),
    // Plan files (written by `plan_files`).
    case(&["plan", "apply", "unknown-field.toml"], "unknown field 'colour'", Plan),
    case(&["plan", "apply", "duplicate-key.toml"], "duplicate milestone key 'x'", Plan),
    case(&["plan", "apply", "wrong-types.toml"], "must be a string", Plan),
    case(&["plan", "apply", "cycle.toml"], "cycle", Plan),
    case(&["plan", "apply", "cycle-through-store.toml"], "cycle", Plan),
    case(&["plan", "apply", "unknown-reference.toml"], "unknown table 'nope'", Plan),
    case(&["plan", "apply", "done-without-date.toml"], "needs a 'done_on' date", Plan),
    case(&["plan", "apply", "ftp-url.toml"], "http", Plan),
    case(&["plan", "apply", "bad-toml.toml"], "invalid TOML", Plan),
    case(&["plan", "apply", "not-utf8.toml"], "not UTF-8", Plan),
    case(&["plan", "apply", "binary.toml"], "not UTF-8", Plan),
    case(&["plan", "apply", "nul.toml"], "invalid TOML", Plan),
    case(&["plan", "apply", "huge.toml"], "MiB", Line),
    case(&["plan", "apply", "missing.toml"], "missing.toml", Line),
    case(&["plan", "apply", "."], "directory", Line),
];

/// Valid for the worked example except for its one flaw.
const PLAN_FILES: &[(&str, &[u8])] = &[
    ("unknown-field.toml", b"[[milestone]]\nkey = \"x\"\ntitle = \"X\"\ndue = 2030-05-01\ncolour = \"red\"\n"),
    ("duplicate-key.toml", b"[[milestone]]\nkey = \"x\"\ntitle = \"X\"\ndue = 2030-05-01\n\n[[milestone]]\nkey = \"x\"\ntitle = \"Y\"\ndue = 2030-05-02\n"),
    ("wrong-types.toml", b"[[milestone]]\nkey = \"x\"\ntitle = 5\ndue = \"soon\"\nduration_days = \"ten\"\n"),
    ("cycle.toml", b"[[milestone]]\nkey = \"x\"\ntitle = \"X\"\ndue = 2030-05-01\ndepends_on = [\"y\"]\n\n[[milestone]]\nkey = \"y\"\ntitle = \"Y\"\ndue = 2030-05-01\ndepends_on = [\"x\"]\n"),
    // a <- b <- d in the store; a depending on d closes the loop.
    ("cycle-through-store.toml", b"[[milestone]]\nkey = \"a\"\ntitle = \"Draft\"\ndue = 2030-03-15\ndepends_on = [\"d\"]\n"),
    ("unknown-reference.toml", b"[[meeting]]\nkey = \"m\"\ntable = \"nope\"\ndate = 2030-05-01\n"),
    ("done-without-date.toml", b"[[milestone]]\nkey = \"x\"\ntitle = \"X\"\ndue = 2030-05-01\nstatus = \"done\"\n"),
    ("ftp-url.toml", b"[[channel]]\nkey = \"x\"\nname = \"X\"\nurl = \"ftp://example.org/guide\"\n"),
    ("bad-toml.toml", b"[[milestone]\nkey = \"x\n"),
    ("not-utf8.toml", b"\xff\xfe[[milestone]]\nkey = \"x\"\n"),
    ("nul.toml", b"[[milestone]]\nkey = \"x\0\"\ntitle = \"X\"\n"),
];

/// The worked example, and every plan file of the cases next to it.
fn setup() -> Env {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    for (name, bytes) in PLAN_FILES {
        std::fs::write(env.path(name), bytes).unwrap();
    }
    // Random bytes (a fixed xorshift sequence) with NULs in them.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let binary: Vec<u8> = (0..4096)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 97 == 3 { 0 } else { (x >> 24) as u8 }
        })
        .collect();
    assert!(binary.contains(&0) && std::str::from_utf8(&binary).is_err());
    std::fs::write(env.path("binary.toml"), binary).unwrap();
    env
}

/// 50 MB of comments: a plan file that engage refuses by its size alone.
fn write_huge(env: &Env) {
    let line = b"# comment\n";
    let mut text = Vec::with_capacity(50_000_000 + line.len());
    while text.len() < 50_000_000 {
        text.extend_from_slice(line);
    }
    std::fs::write(env.path("huge.toml"), text).unwrap();
}

/// Runs one case and checks everything but the number of lines of a usage error.
fn run(env: &Env, case: &Case) -> String {
    let before = env.export();
    let journal = env.journal_count();
    let out = env.run(case.args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let what = format!("engage {:?}", case.args);
    assert_eq!(out.status.code(), Some(2), "{what}: {}; stderr:\n{stderr}", out.status);
    assert!(out.stdout.is_empty(), "{what}: wrote to stdout: {}", String::from_utf8_lossy(&out.stdout));
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    match case.shape {
        Line => {
            assert_eq!(lines.len(), 1, "{what}: not one line:\n{stderr}");
            assert!(lines[0].starts_with("engage: ") && lines[0].contains(case.says), "{what}: {stderr}");
        }
        Usage => {
            assert_eq!(lines.len(), 1, "{what}: not one line:\n{stderr}");
            assert!(lines[0].starts_with("engage: ") && lines[0].contains(case.says), "{what}: {stderr}");
        }
        Plan => {
            let file = case.args[2];
            let found = problems(&stderr, file);
            assert!(!found.is_empty(), "{what}: no {file}:LINE:COL: line:\n{stderr}");
            assert_eq!(found.len(), lines.len() - 1, "{what}: stray lines:\n{stderr}");
            assert!(found.iter().any(|(_, _, m)| m.contains(case.says)), "{what}: nothing says {:?}:\n{stderr}", case.says);
            let last = lines.last().unwrap();
            assert!(last.starts_with(&format!("engage: {file}: ")) && last.contains("nothing was changed"), "{what}: {stderr}");
        }
    }
    assert_eq!(env.journal_count(), journal, "{what}: the journal changed");
    assert_eq!(env.export(), before, "{what}: the store changed");
    stderr
}

#[test]
fn bad_input_exits_2_and_changes_nothing() {
    let env = setup();
    write_huge(&env);
    let journal = env.journal_count();
    let export = env.export();
    for case in CASES {
        run(&env, case);
    }
    eprintln!("{} bad inputs refused", CASES.len());
    assert!(CASES.len() >= 25);
    assert_eq!(env.journal_count(), journal);
    assert_eq!(env.export(), export);
    env.assert_clean();
}

#[test]
fn usage_errors_print_one_line() {
    let env = setup();
    let mut long = Vec::new();
    for case in CASES.iter().filter(|c| c.shape == Usage) {
        let stderr = run(&env, case);
        if stderr.lines().count() != 1 {
            long.push(format!("engage {:?}:\n{stderr}", case.args));
        }
    }
    assert!(long.is_empty(), "{} usage errors print more than one line:\n{}", long.len(), long.join("\n"));
}

#[test]
fn bad_input_to_channel_and_material_add() {
    let env = setup();
    let cases = [
        case(&["channel", "add", "x", "--name", "n", "--url", "ftp://x"], "ftp://x", Line),
        case(&["channel", "add", "x", "--name", "n", "--organization", "nope"], "unknown organization 'nope'", Line),
        case(&["channel", "add", "letter", "--name", "n"], "already exists", Line),
        case(&["channel", "add", "x", "--name", "n", "--kind", "carrier-pigeon"], "carrier-pigeon", Usage),
        case(&["material", "add", "x", "--title", "t", "--url", "javascript:alert(1)"], "javascript:alert(1)", Line),
        case(&["material", "add", "x", "--title", "t", "--language", "fr", "--counterpart", "nope"], "nope", Line),
        case(&["material", "add", "x", "--title", ""], "--title cannot be empty", Line),
    ];
    for case in &cases {
        run(&env, case);
    }
}

#[test]
fn mistyped_names_get_a_suggestion_on_the_same_line() {
    let env = setup();
    let cases = [
        case(&["statu"], "unrecognized subcommand 'statu' (did you mean 'status'?)", Usage),
        case(&["milestone", "lst"], "unrecognized subcommand 'lst' (did you mean 'list'?)", Usage),
        case(&["status", "--formt", "json"], "unexpected argument '--formt' found (did you mean '--format'?)", Usage),
        case(&["--lnag", "fr", "status"], "(did you mean '--lang'?)", Usage),
        case(&["upcoming", "--format", "jsn"], "invalid value 'jsn' for '--format <FORMAT>' (did you mean 'json'?)", Usage),
        case(&["--color", "alway", "status"], "(did you mean 'always'?)", Usage),
    ];
    for case in &cases {
        run(&env, case);
    }
    let french: [(&[&str], &str); 4] = [
        (
            &["--lang", "fr", "statu"],
            "engage\u{a0}: sous-commande inconnue «\u{202f}statu\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}status\u{202f}»\u{202f}?",
        ),
        (
            &["--lang", "fr", "milestone", "lst"],
            "engage\u{a0}: sous-commande inconnue «\u{202f}lst\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}list\u{202f}»\u{202f}?",
        ),
        (
            &["--lang", "fr", "status", "--formt", "json"],
            "engage\u{a0}: argument inattendu «\u{202f}--formt\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}--format\u{202f}»\u{202f}?",
        ),
        (&["--lang", "fr", "upcoming", "--format", "jsn"], "\u{202f}; vouliez-vous dire «\u{202f}json\u{202f}»\u{202f}?"),
    ];
    for (args, says) in french {
        let out = env.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: not one line:\n{stderr}");
        assert!(stderr.starts_with("engage\u{a0}: ") && stderr.trim_end().ends_with(says), "{args:?}: {stderr}");
    }
    // Nothing similar: no suggestion.
    let out = env.run(&["status", "--xyz"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), "engage: unexpected argument '--xyz' found");
}
