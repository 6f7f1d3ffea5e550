//! `engage check` and `engage backup`: keeping the campaign's record sound and safe.

use std::io::Write;

use super::{Ctx, output};
use crate::cli::BackupArgs;
use crate::error::{Error, Result};
use crate::msg;
use crate::render;
use crate::store::Open;

/// Runs SQLite's checks and the campaign's own; prints every problem. Exit 1 if any.
pub fn check(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let mut problems: Vec<crate::i18n::Msg> = store.sqlite_problems()?.iter().map(crate::i18n::faults::sqlite_problem).collect();
    let mut untranslated = Vec::new();
    if problems.is_empty() {
        let plan = store.load_plan()?;
        problems.extend(crate::plan::validate::check_stored(&plan, ctx.today));
        untranslated = crate::model::glossary::untranslated(&plan).into_iter().map(str::to_string).collect();
    }
    render::messages::checked(out, ctx.ui, store.path(), &problems)?;
    // Not a problem (the stored value is shown where French is missing), but worth a translation.
    render::messages::untranslated(out, ctx.ui, &untranslated)?;
    if problems.is_empty() {
        Ok(())
    } else {
        let (n, path) = (problems.len(), store.path().display());
        let s = if n == 1 { "" } else { "s" };
        Err(Error::Failed(msg!("{n} problem{s} in {path}", "{n} problème{s} dans {path}")))
    }
}

/// Copies the store through SQLite's online backup into FILE, whole or not at all (see
/// [`output::replace_file`]); refuses to overwrite without `--force`, and refuses the store
/// itself and anything but a regular file. A new copy has mode 0600, like the store.
pub fn backup(ctx: &Ctx, args: BackupArgs, err: &mut dyn Write) -> Result<()> {
    let shown = args.file.display();
    if args.file.as_os_str() == "-" {
        return Err(Error::input(msg!(
            "backup writes a file, not standard output: give its name (./- for a file named -)",
            "backup écrit un fichier, pas la sortie standard\u{a0}: donnez son nom (./- pour un fichier nommé -)"
        )));
    }
    let path = output::checked_file(&args.file, &ctx.db_path()?)?;
    let existing = std::fs::metadata(&path).ok();
    if existing.is_some() && !args.force {
        return Err(Error::input(msg!(
            "{shown} already exists: pass --force to overwrite it",
            "{shown} existe déjà\u{a0}: ajoutez --force pour le remplacer"
        )));
    }
    let mut store = ctx.open(Open::ReadOnly)?;
    // A copy of a damaged store would pass for a good backup: refuse it.
    store.quick_check()?;
    let cannot_write = |e| output::cannot_write(&args.file, e);
    let temp = output::temp_beside(&path, 0o600).map_err(cannot_write)?;
    if let Some(meta) = &existing {
        temp.as_file().set_permissions(meta.permissions()).map_err(cannot_write)?;
    }
    let temp = temp.into_temp_path();
    store.backup_to(&temp).map_err(|e| {
        let (en, fr) = (e.message(crate::i18n::Ui::En), e.message(crate::i18n::Ui::Fr));
        Error::Failed(msg!("cannot copy the store to {shown} ({en})", "impossible de copier la base de données vers {shown} ({fr})"))
    })?;
    let moved = if existing.is_some() { temp.persist(&path) } else { temp.persist_noclobber(&path) };
    moved.map_err(|e| cannot_write(e.error))?;
    render::messages::backed_up(err, ctx.ui, store.path(), &args.file)
}
