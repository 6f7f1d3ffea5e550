//! Output files: `-o FILE` of `export progress`, `export ics`, `plan export` and `report`, and
//! `backup FILE`. Never the store by any name, never anything but a regular file, `-o -` is
//! standard output, and a file is written through a temporary file that no planted link can
//! redirect and no killed run can spoil.

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Env, WORKED};

/// Every command that takes `-o`.
const OUTPUTS: &[&[&str]] = &[
    &["export", "progress", "--as-of", "2030-04-10"],
    &["export", "ics", "--as-of", "2030-04-10"],
    &["plan", "export"],
    &["report", "--as-of", "2030-04-10"],
];

/// A store holding the worked example, closed.
fn worked() -> Env {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env
}

/// `engage --db engage.db` (relative), run in the test's directory.
fn engage_relative(env: &Env) -> assert_cmd::Command {
    let mut cmd = common::command(env.dir.path());
    cmd.args(["--db", "engage.db"]);
    assert_cmd::Command::from_std(cmd)
}

/// The command `args` writing to `target`: `-o TARGET`, or `backup --force TARGET` when `args` is
/// empty.
fn writing_to(env: &Env, args: &[&str], target: &Path) -> assert_cmd::Command {
    let mut cmd = engage_relative(env);
    if args.is_empty() {
        cmd.args(["backup", "--force"]).arg(target);
    } else {
        cmd.args(args).arg("-o").arg(target);
    }
    cmd.timeout(Duration::from_secs(20));
    cmd
}

/// The command must exit 2 with one line containing `says`, and change neither the store nor
/// its journal.
fn refused(env: &Env, args: &[&str], target: &Path, says: &str) {
    let before = fs::read(env.db()).unwrap();
    let journal = env.journal_count();
    let out = writing_to(env, args, target).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?} -o {}: {stderr}", target.display());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("engage: ") && stderr.contains(says), "{stderr}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    assert!(fs::read(env.db()).unwrap() == before, "{args:?} -o {} changed the store", target.display());
    assert_eq!(env.journal_count(), journal);
    common::assert_store_clean(&env.db());
}

/// Ways to name the store (`engage.db`, given to engage as `--db engage.db`).
#[derive(Clone, Copy)]
enum Name {
    Bare,
    DotSlash,
    Absolute,
    SymbolicLink,
    HardLink,
    Wal,
    Shm,
    Journal,
}

fn name_the_store(env: &Env, name: Name) -> PathBuf {
    match name {
        Name::Bare => PathBuf::from("engage.db"),
        Name::DotSlash => PathBuf::from("./engage.db"),
        Name::Absolute => env.db(),
        Name::SymbolicLink => {
            std::os::unix::fs::symlink("engage.db", env.path("link.db")).unwrap();
            PathBuf::from("link.db")
        }
        Name::HardLink => {
            fs::hard_link(env.db(), env.path("hard.db")).unwrap();
            PathBuf::from("hard.db")
        }
        Name::Wal => PathBuf::from("engage.db-wal"),
        Name::Shm => env.path("engage.db-shm"),
        Name::Journal => PathBuf::from("./engage.db-journal"),
    }
}

/// `engage … -o STORE` (or `backup --force STORE`) is refused and writes nothing.
fn the_store_is_no_output(args: &[&str], name: Name) {
    let env = worked();
    let target = name_the_store(&env, name);
    refused(&env, args, &target, "is the store itself");
    let leftovers: Vec<_> = ["engage.db-wal", "engage.db-shm", "engage.db-journal"].iter().filter(|n| env.path(n).exists()).collect();
    assert!(leftovers.is_empty(), "{leftovers:?} written");
}

macro_rules! store_cases {
    ($($test:ident: $args:expr, $name:expr;)*) => {$(
        #[test]
        fn $test() {
            the_store_is_no_output($args, $name);
        }
    )*};
}

const PROGRESS: &[&str] = OUTPUTS[0];
const ICS: &[&str] = OUTPUTS[1];
const PLAN: &[&str] = OUTPUTS[2];
const REPORT: &[&str] = OUTPUTS[3];
const BACKUP: &[&str] = &[];

store_cases! {
    export_progress_to_the_store: PROGRESS, Name::Bare;
    export_progress_to_dot_slash_store: PROGRESS, Name::DotSlash;
    export_progress_to_the_absolute_store: PROGRESS, Name::Absolute;
    export_progress_to_a_symlink_to_the_store: PROGRESS, Name::SymbolicLink;
    export_progress_to_a_hard_link_to_the_store: PROGRESS, Name::HardLink;
    export_progress_to_the_store_wal: PROGRESS, Name::Wal;
    export_progress_to_the_store_shm: PROGRESS, Name::Shm;
    export_progress_to_the_store_journal: PROGRESS, Name::Journal;
    export_ics_to_the_store: ICS, Name::Bare;
    export_ics_to_dot_slash_store: ICS, Name::DotSlash;
    export_ics_to_the_absolute_store: ICS, Name::Absolute;
    export_ics_to_a_symlink_to_the_store: ICS, Name::SymbolicLink;
    export_ics_to_a_hard_link_to_the_store: ICS, Name::HardLink;
    export_ics_to_the_store_wal: ICS, Name::Wal;
    plan_export_to_the_store: PLAN, Name::Bare;
    plan_export_to_dot_slash_store: PLAN, Name::DotSlash;
    plan_export_to_the_absolute_store: PLAN, Name::Absolute;
    plan_export_to_a_symlink_to_the_store: PLAN, Name::SymbolicLink;
    plan_export_to_a_hard_link_to_the_store: PLAN, Name::HardLink;
    plan_export_to_the_store_journal: PLAN, Name::Journal;
    report_to_the_store: REPORT, Name::Bare;
    report_to_dot_slash_store: REPORT, Name::DotSlash;
    report_to_the_absolute_store: REPORT, Name::Absolute;
    report_to_a_symlink_to_the_store: REPORT, Name::SymbolicLink;
    report_to_a_hard_link_to_the_store: REPORT, Name::HardLink;
    report_to_the_store_shm: REPORT, Name::Shm;
    backup_to_the_store: BACKUP, Name::Bare;
    backup_to_dot_slash_store: BACKUP, Name::DotSlash;
    backup_to_the_absolute_store: BACKUP, Name::Absolute;
    backup_to_a_symlink_to_the_store: BACKUP, Name::SymbolicLink;
    backup_to_a_hard_link_to_the_store: BACKUP, Name::HardLink;
    backup_to_the_store_wal: BACKUP, Name::Wal;
}

#[test]
fn the_store_as_output_is_refused_in_french() {
    let env = worked();
    let out = engage_relative(&env).args(["--lang", "fr", "plan", "export", "-o", "engage.db"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("est la base de données elle-même") && stderr.lines().count() == 1, "{stderr}");
}

#[test]
fn the_store_is_no_output_when_it_is_reached_through_a_link() {
    // --db names a link; -o names the real file.
    let env = worked();
    std::os::unix::fs::symlink(env.db(), env.path("link.db")).unwrap();
    let before = fs::read(env.db()).unwrap();
    let out = env.engage_db(&env.path("link.db")).args(["plan", "export", "-o", "engage.db"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(fs::read(env.db()).unwrap() == before);
}

fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).unwrap().file_type().is_fifo()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("running mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn no_output_goes_to_a_fifo() {
    let env = worked();
    let fifo = env.path("pipe");
    mkfifo(&fifo);
    for args in OUTPUTS.iter().copied().chain([BACKUP]) {
        refused(&env, args, &fifo, "not a regular file");
        assert!(is_fifo(&fifo), "{args:?} replaced the FIFO");
    }
}

#[test]
fn no_output_goes_to_a_device() {
    let env = worked();
    for args in OUTPUTS.iter().copied().chain([BACKUP]) {
        refused(&env, args, Path::new("/dev/null"), "not a regular file");
        assert!(fs::symlink_metadata("/dev/null").unwrap().file_type().is_char_device(), "{args:?} replaced /dev/null");
    }
}

#[test]
fn no_output_goes_through_a_link_to_a_device_or_to_nothing() {
    let env = worked();
    std::os::unix::fs::symlink("/dev/null", env.path("null")).unwrap();
    std::os::unix::fs::symlink("missing/file", env.path("dangling")).unwrap();
    for args in OUTPUTS.iter().copied().chain([BACKUP]) {
        refused(&env, args, &env.path("null"), "not a regular file");
        refused(&env, args, &env.path("dangling"), "not a regular file");
    }
    assert!(fs::symlink_metadata(env.path("null")).unwrap().file_type().is_symlink());
    assert!(!env.path("missing").exists());
}

#[test]
fn no_output_goes_to_a_directory() {
    let env = worked();
    fs::create_dir(env.path("dir")).unwrap();
    for args in OUTPUTS.iter().copied().chain([BACKUP]) {
        refused(&env, args, &env.path("dir"), "is a directory");
    }
}

#[test]
fn dash_is_standard_output() {
    let env = worked();
    for args in OUTPUTS {
        let plain = env.engage().args(*args).output().unwrap();
        assert!(plain.status.success());
        let dashed = env.engage().args(*args).args(["-o", "-"]).output().unwrap();
        assert!(dashed.status.success(), "{args:?} -o -: {}", String::from_utf8_lossy(&dashed.stderr));
        // A calendar's DTSTAMP is the time it was made: two runs may fall in different seconds.
        let unstamped = |out: &[u8]| -> String {
            String::from_utf8_lossy(out).lines().filter(|l| !l.starts_with("DTSTAMP:")).collect::<Vec<_>>().join("\n")
        };
        assert!(!dashed.stdout.is_empty() && unstamped(&dashed.stdout) == unstamped(&plain.stdout), "{args:?} -o - is not what it prints");
        assert!(!env.path("-").exists(), "{args:?} -o - made a file named -");
    }
    // A backup is a file: `backup -` says so rather than making a file named `-`.
    let out = env.run(&["backup", "-"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!env.path("-").exists());
}

#[test]
fn an_output_through_a_symlink_replaces_the_file_it_points_to() {
    let env = worked();
    fs::create_dir(env.path("out")).unwrap();
    fs::write(env.path("out/plan.toml"), "old\n").unwrap();
    std::os::unix::fs::symlink("out/plan.toml", env.path("plan-link.toml")).unwrap();
    env.engage().args(["plan", "export", "-o"]).arg(env.path("plan-link.toml")).assert().success();
    assert!(fs::symlink_metadata(env.path("plan-link.toml")).unwrap().file_type().is_symlink(), "the link was replaced");
    assert_eq!(fs::read_to_string(env.path("out/plan.toml")).unwrap(), env.export());
}

/// The names the output files of the old scheme went through: `FILE.part-PID` (and SQLite's
/// `-journal` beside it), for the process ids that the next runs will likely get.
fn plant_links(env: &Env, files: &[&str], victim: &Path) -> std::ops::Range<u32> {
    let first = std::process::id();
    let pids = first..first + 1500;
    for file in files {
        for pid in pids.clone() {
            for suffix in ["", "-journal"] {
                let name = env.path(&format!("{file}.part-{pid}{suffix}"));
                std::os::unix::fs::symlink(victim, name).unwrap();
            }
        }
    }
    pids
}

#[test]
fn a_planted_link_at_a_temporary_name_is_never_followed() {
    let env = worked();
    let victim = env.path("victim.txt");
    fs::write(&victim, "precious\n").unwrap();
    chmod_keep(&victim);
    let files = ["progress.csv", "campaign.ics", "plan.toml", "report.html", "copy.db"];
    let pids = plant_links(&env, &files, &victim);
    let mut ran = Vec::new();
    for (args, file) in OUTPUTS.iter().copied().chain([BACKUP]).zip(files) {
        let mut cmd = env.std_engage();
        if args.is_empty() {
            cmd.arg("backup").arg(file);
        } else {
            cmd.args(args).arg("-o").arg(file);
        }
        let child = cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped()).spawn().unwrap();
        ran.push(child.id());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?} -o {file}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(fs::metadata(env.path(file)).unwrap().len() > 0, "{file} is empty");
    }
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n", "a planted link was followed");
    assert_eq!(fs::metadata(&victim).unwrap().permissions().mode() & 0o777, 0o600);
    env.engage_db(&env.path("copy.db")).arg("check").assert().success();
    let inside: Vec<u32> = ran.iter().copied().filter(|pid| pids.contains(pid)).collect();
    eprintln!("{} of {} runs had a process id with a planted link", inside.len(), ran.len());
}

fn chmod_keep(path: &Path) {
    common::chmod(path, 0o600);
}

/// Files in the test's directory whose names look temporary.
fn temporary_files(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.contains(".part") || n.ends_with("-journal") || n.ends_with(".new"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_after_a_killed_one_works_and_leaves_nothing_behind() {
    let env = worked();
    // What a backup killed half-way through left behind in the old scheme.
    fs::write(env.path("copy.db.part-123"), b"SQLite format 3\0half a copy").unwrap();
    fs::write(env.path("copy.db.part-123-journal"), b"a journal of nothing").unwrap();
    let before = temporary_files(&env);
    env.engage().args(["backup", "copy.db"]).assert().success();
    env.engage_db(&env.path("copy.db")).arg("check").assert().success();
    assert_eq!(env.engage_db(&env.path("copy.db")).args(["plan", "export"]).output().unwrap().stdout, env.export().into_bytes());
    env.engage().args(["backup", "--force", "copy.db"]).assert().success();
    assert_eq!(temporary_files(&env), before, "a backup left files behind");
    assert_eq!(fs::read(env.path("copy.db.part-123-journal")).unwrap(), b"a journal of nothing");
}

#[test]
fn outputs_leave_no_temporary_file_and_take_the_usual_modes() {
    let env = worked();
    // The mode a new file gets here (the umask of the tests).
    fs::write(env.path("probe"), "").unwrap();
    let default = fs::metadata(env.path("probe")).unwrap().permissions().mode() & 0o777;
    for (args, file) in OUTPUTS.iter().zip(["progress.csv", "campaign.ics", "plan.toml", "report.html"]) {
        env.engage().args(*args).arg("-o").arg(file).assert().success();
        let mode = fs::metadata(env.path(file)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, default, "{file}: mode {mode:o}");
        // An existing file keeps its mode.
        common::chmod(&env.path(file), 0o640);
        env.engage().args(*args).arg("-o").arg(file).assert().success();
        assert_eq!(fs::metadata(env.path(file)).unwrap().permissions().mode() & 0o777, 0o640, "{file}");
    }
    env.engage().args(["backup", "copy.db"]).assert().success();
    assert_eq!(fs::metadata(env.path("copy.db")).unwrap().permissions().mode() & 0o777, 0o600);
    common::chmod(&env.path("copy.db"), 0o640);
    env.engage().args(["backup", "--force", "copy.db"]).assert().success();
    assert_eq!(fs::metadata(env.path("copy.db")).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(temporary_files(&env).is_empty(), "left behind: {:?}", temporary_files(&env));
}
