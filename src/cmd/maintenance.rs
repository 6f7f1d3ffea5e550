//! `engage check` and `engage backup`: keeping the campaign's record sound and safe.

use std::io::Write;

use super::Ctx;
use crate::cli::BackupArgs;
use crate::error::{Error, Result};
use crate::msg;
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
        let (n, path) = (problems.len(), store.path().display());
        let s = if n == 1 { "" } else { "s" };
        Err(Error::Store(msg!("{n} problem{s} in {path}", "{n} problème{s} dans {path}")))
    }
}

/// Copies the store through SQLite's online backup; refuses to overwrite without `--force`.
pub fn backup(ctx: &Ctx, args: BackupArgs, err: &mut dyn Write) -> Result<()> {
    let store = ctx.open(Open::Existing)?;
    if args.file.exists() {
        if !args.force {
            let file = args.file.display();
            return Err(Error::input(msg!(
                "{file} exists already: pass --force to overwrite it",
                "{file} existe déjà : ajoutez --force pour le remplacer"
            )));
        }
        if args.file.is_dir() {
            let file = args.file.display();
            return Err(Error::input(msg!("{file} is a directory", "{file} est un répertoire")));
        }
    }
    let same = std::fs::canonicalize(&args.file).ok() == std::fs::canonicalize(store.path()).ok();
    if same {
        return Err(Error::input(msg!("the backup cannot be the store itself", "la copie ne peut pas être la base elle-même")));
    }
    // Into a file beside the target, renamed over it at the end: a failed backup leaves any
    // earlier one as it was.
    let part = super::output::part_of(&args.file);
    let file = args.file.display();
    let copied = store
        .backup_to(&part)
        .map_err(|e| {
            let (en, fr) = (e.message(crate::i18n::Ui::En), e.message(crate::i18n::Ui::Fr));
            Error::Store(msg!("cannot copy the store to {file} ({en})", "impossible de copier la base vers {file} ({fr})"))
        })
        .and_then(|()| {
            std::fs::rename(&part, &args.file).map_err(|e| Error::io(msg!("cannot write {file}", "impossible d'écrire {file}"), e))
        });
    if copied.is_err() {
        for leftover in ["", "-journal", "-wal", "-shm"] {
            let mut p = part.clone().into_os_string();
            p.push(leftover);
            let _ = std::fs::remove_file(p);
        }
    }
    copied?;
    render::messages::backed_up(err, ctx.ui, store.path(), &args.file)
}
