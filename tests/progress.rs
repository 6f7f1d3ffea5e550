//! The progress indicator, end to end: on a terminal (a pseudo-terminal made by `script`) a long
//! apply shows what it is doing and clears it; through pipes nothing but the summary appears.
//! `ENGAGE_PROGRESS_DELAY_MS=0` shows it at once, so that the test does not need a slow run.

mod common;

use std::process::Command;

use common::{Env, milestones_plan};

fn has_script() -> bool {
    Command::new("script").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_indicator_shows_on_a_terminal_and_never_in_a_pipe() {
    let env = Env::new();
    let plan = env.write("big.toml", &milestones_plan("m", 20_000, "2030-06-01"));

    // Through pipes, even with no delay: only the summary line, no terminal codes.
    let piped = env.engage().env("ENGAGE_PROGRESS_DELAY_MS", "0").args(["plan", "apply"]).arg(&plan).assert().success();
    let stderr = String::from_utf8_lossy(&piped.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("20001 created") && !stderr.contains('\u{1b}') && !stderr.contains('\r'), "{stderr:?}");

    if !has_script() {
        panic!("this test needs `script` (util-linux) to make a pseudo-terminal");
    }
    // On a terminal: the steps are drawn, then cleared before the summary.
    let line = format!("{} --db {} --lang fr plan apply {} --prune", common::bin().display(), env.path("tty.db").display(), plan.display());
    let out = Command::new("script")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .current_dir(env.dir.path())
        .env("ENGAGE_PROGRESS_DELAY_MS", "0")
        .env("ENGAGE_ACTOR", "tester")
        .env_remove("ENGAGE_DB")
        .output()
        .expect("running script");
    let screen = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{screen}");
    assert!(screen.contains("Écriture des changements\u{a0}:"), "no indicator on the terminal:\n{screen:?}");
    assert!(screen.contains("\u{1b}[2K"), "the indicator was not cleared:\n{screen:?}");
    let last = screen.rsplit("\u{1b}[2K").next().unwrap_or_default();
    assert!(last.trim().ends_with("20001 créés, 0 modifiés, 0 supprimés, 0 inchangés"), "{last:?}");
}
