//! The HTML report meets WCAG 2.1 AA in both languages: axe-core, in a headless chromium,
//! finds no violation in the English and French reports of the seed campaign and of a large
//! generated one (`tests/a11y/check.mjs`).
//!
//! It needs node, chromium and `npm ci --prefix tests/a11y`. With `ENGAGE_TEST_A11Y` set (as
//! `.ci/run` sets it once it has installed them) it must run and pass; without, it prints one line
//! and returns when one of them is missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Env, seed_path};

/// The seed's dates end in 2018; a day in its autumn shows every kind of state.
const SEED_AS_OF: &str = "2018-10-15";

fn checker_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("a11y")
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// What is missing to run the check here, if anything.
fn missing() -> Option<String> {
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        return Some("node is not installed".into());
    }
    if !chromium().exists() {
        return Some(format!("no chromium at {}", chromium().display()));
    }
    if !checker_dir().join("node_modules").join("axe-core").exists() {
        return Some("tests/a11y has no node_modules (npm ci --prefix tests/a11y)".into());
    }
    None
}

/// A large campaign from the benchmarks' generator (`examples/generate.rs`): 2,000 items.
fn generated_plan(env: &Env) -> PathBuf {
    let out = Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--quiet", "--locked", "--example", "generate", "--", "2000", "42"])
        .output()
        .expect("running the generator");
    assert!(out.status.success(), "the generator failed: {}", String::from_utf8_lossy(&out.stderr));
    env.write("big.toml", &String::from_utf8(out.stdout).expect("the plan is UTF-8"))
}

/// Writes the report of `env`'s store in `lang` to `name`; returns its path.
fn report(env: &Env, lang: &str, as_of: Option<&str>, name: &str) -> PathBuf {
    let path = env.path(name);
    let mut args = vec!["--lang", lang, "report", "-o", path.to_str().expect("a UTF-8 path")];
    if let Some(day) = as_of {
        args.extend(["--as-of", day]);
    }
    env.engage().args(&args).assert().success();
    path
}

#[test]
fn the_reports_meet_wcag_2_1_aa_in_both_languages() {
    let required = std::env::var_os("ENGAGE_TEST_A11Y").is_some_and(|v| !v.is_empty());
    if let Some(why) = missing() {
        assert!(!required, "ENGAGE_TEST_A11Y is set but the accessibility check cannot run: {why}");
        eprintln!("skipped: the accessibility check ({why})");
        return;
    }

    let seed = Env::new();
    seed.engage().args(["plan", "apply"]).arg(seed_path()).assert().success();
    let big = Env::new();
    let plan = generated_plan(&big);
    big.engage().args(["plan", "apply"]).arg(&plan).assert().success();

    let files = [
        report(&seed, "en", Some(SEED_AS_OF), "seed-en.html"),
        report(&seed, "fr", Some(SEED_AS_OF), "seed-fr.html"),
        report(&big, "en", None, "big-en.html"),
        report(&big, "fr", None, "big-fr.html"),
    ];

    let out = Command::new("node").arg(checker_dir().join("check.mjs")).args(&files).output().expect("running node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "axe found violations:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.matches(": 0 violations").count(), 8, "{stdout}");
}
