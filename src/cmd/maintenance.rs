//! `engage check` and `engage backup`: keeping the campaign's record sound and safe.

use std::io::Write;

use super::Ctx;
use crate::cli::BackupArgs;
use crate::error::{Error, Result};
use crate::render;
use crate::store::Open;

/// Runs SQLite's checks and the campaign's own; prints every problem. Exit 1 if any.
pub fn check(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::Existing)?;
    let mut problems = store.sqlite_problems()?;
    if problems.is_empty() {
        problems.extend(crate::plan::validate::check_stored(&store.load_plan()?));
    }
    render::messages::checked(out, ctx.ui, store.path(), &problems)?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Store(format!("{} problem{} in {}", problems.len(), if problems.len() == 1 { "" } else { "s" }, store.path().display())))
    }
}

/// Copies the store through SQLite's online backup; refuses to overwrite without `--force`.
pub fn backup(ctx: &Ctx, args: BackupArgs, err: &mut dyn Write) -> Result<()> {
    let store = ctx.open(Open::Existing)?;
    if args.file.exists() {
        if !args.force {
            return Err(Error::input(format!("{} exists already: pass --force to overwrite it", args.file.display())));
        }
        if args.file.is_dir() {
            return Err(Error::input(format!("{} is a directory", args.file.display())));
        }
    }
    let same = std::fs::canonicalize(&args.file).ok() == std::fs::canonicalize(store.path()).ok();
    if same {
        return Err(Error::input("the backup cannot be the store itself"));
    }
    if args.file.exists() {
        std::fs::remove_file(&args.file).map_err(|e| Error::io(format!("cannot replace {}", args.file.display()), e))?;
    }
    store.backup_to(&args.file)?;
    render::messages::backed_up(err, ctx.ui, store.path(), &args.file)
}
