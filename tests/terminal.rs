//! Human tables on a real terminal: the seed campaign's `upcoming`, `status` and `milestone list`
//! run on a pseudo-terminal made by `script` (util-linux) and sized with `stty`, in English and
//! French, at 80 and 120 columns. Every line fits the terminal (colour codes take no room), and
//! the screens are kept as snapshots (insta) to review any change of layout.

mod common;

use std::process::Command;

use common::{Env, seed_path};
use unicode_width::UnicodeWidthStr;

/// The commands shown, each with a name for its snapshot; a fixed day where the command has one.
const COMMANDS: &[(&str, &[&str])] = &[
    ("upcoming", &["upcoming", "--as-of", "2018-09-20", "--within", "30"]),
    ("status", &["status", "--as-of", "2018-09-20"]),
    ("milestones", &["milestone", "list"]),
];

fn has_script() -> bool {
    Command::new("script").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn seed() -> Env {
    if !has_script() {
        panic!("these tests need `script` (util-linux) to make a pseudo-terminal");
    }
    let env = Env::new();
    env.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    env
}

/// What `engage --lang LANG ARGS` shows on a terminal `cols` wide, in colour, with `\r` removed.
fn on_terminal(env: &Env, cols: u16, lang: &str, args: &[&str], columns_var: Option<&str>) -> String {
    // The variable is set on the command itself: a shell may set its own COLUMNS after `stty`.
    let columns = match columns_var {
        Some(value) => format!("env COLUMNS='{value}'"),
        None => "env -u COLUMNS".to_string(),
    };
    let line = format!(
        "stty cols {cols} rows 50; {columns} {} --db {} --lang {lang} {}",
        common::bin().display(),
        env.db().display(),
        args.join(" ")
    );
    let mut script = Command::new("script");
    script.args(["-q", "-e", "-c", &line, "/dev/null"]).current_dir(env.dir.path()).env("ENGAGE_ACTOR", "tester").env("LANG", "C");
    for var in ["NO_COLOR", "ENGAGE_DB", "ENGAGE_LANG", "LC_ALL", "COLUMNS"] {
        script.env_remove(var);
    }
    let out = script.output().expect("running script");
    let screen = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(out.status.success(), "{args:?}: {screen}\n{}", String::from_utf8_lossy(&out.stderr));
    screen
}

/// `text` without its terminal escape sequences.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| c.is_ascii_alphabetic());
        } else {
            out.push(c);
        }
    }
    out
}

fn too_wide(screen: &str, cols: usize) -> Vec<String> {
    screen.lines().filter(|l| l.width() > cols).map(|l| format!("{} cells: {l:?}", l.width())).collect()
}

#[test]
fn human_tables_fit_the_terminal_in_both_languages() {
    let env = seed();
    for cols in [80u16, 120] {
        for lang in ["en", "fr"] {
            for (name, args) in COMMANDS {
                let raw = on_terminal(&env, cols, lang, args, None);
                assert!(raw.contains('\u{1b}'), "{name} {lang}: no colour on a terminal");
                let screen = plain(&raw);
                let wide = too_wide(&screen, usize::from(cols));
                assert!(wide.is_empty(), "{name} {lang} at {cols} columns:\n{}\n{screen}", wide.join("\n"));
                assert!(screen.lines().count() > 5, "{screen}");
                insta::assert_snapshot!(format!("{name}_{lang}_{cols}"), screen);
            }
        }
    }
}

#[test]
fn columns_overrides_the_terminal_and_pipes_are_not_wrapped() {
    let env = seed();
    let args = COMMANDS[0].1;
    let screen = plain(&on_terminal(&env, 80, "en", args, Some("100")));
    assert!(too_wide(&screen, 100).is_empty(), "{screen}");
    assert!(!too_wide(&screen, 80).is_empty(), "COLUMNS=100 was not used:\n{screen}");
    let screen = plain(&on_terminal(&env, 120, "fr", args, Some("not a number")));
    assert!(too_wide(&screen, 120).is_empty() && !too_wide(&screen, 100).is_empty(), "{screen}");

    // Through a pipe, whatever COLUMNS says: one line a row, as wide as it needs.
    let piped = env.engage().env("COLUMNS", "80").args(args).assert().success().get_output().stdout.clone();
    let piped = String::from_utf8(piped).expect("UTF-8");
    assert!(!too_wide(&piped, 100).is_empty(), "{piped}");
    assert!(piped.contains("Guide presented at the National Municipal Service Delivery Officials Symposium"), "{piped}");
}
