//! `engage init`, `engage plan apply` and `engage plan export`.

use std::io::{Read, Write};
use std::path::Path;

use chrono::{Datelike, Months};

use super::Ctx;
use crate::cli::{ApplyArgs, InitArgs, OutputArgs, PlanCommand};
use crate::error::{Error, Result};
use crate::model::change::{Change, Item, Tally};
use crate::model::plan::{Campaign, Plan};
use crate::msg;
use crate::plan::Decided;
use crate::render;
use crate::render::progress::{Count, step};
use crate::store::{Open, PlanWriter, StoredPlan};

/// The largest plan file engage reads: far above any real campaign, and a guard against a wrong file.
pub const MAX_PLAN_BYTES: u64 = 40 * 1024 * 1024;

pub fn run(ctx: &Ctx, command: PlanCommand, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        PlanCommand::Apply(args) => apply(ctx, args, out, err),
        PlanCommand::Export(args) => export(ctx, args, out),
    }
}

/// Reads a plan file as UTF-8 text, refusing what cannot be one and reading no more than
/// [`MAX_PLAN_BYTES`] (plus one byte to tell a longer file), whatever the file is.
pub(super) fn read_plan_file(path: &Path) -> Result<String> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        let why = crate::error::io_reason(&e);
        let (en, fr) = (&why.en, &why.fr);
        Error::input(msg!("{shown}: cannot read the file: {en}", "{shown}\u{a0}: impossible de lire le fichier\u{a0}: {fr}"))
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(Error::input(msg!(
            "{shown}: is a directory, not a plan file",
            "{shown}\u{a0}: est un répertoire, pas un fichier de plan"
        )));
    }
    let max = MAX_PLAN_BYTES / (1024 * 1024);
    let too_big = msg!(
        "{shown}: more than the {max} MiB a plan file may hold; is it the right file?",
        "{shown}\u{a0}: plus que les {max} Mio permis pour un fichier de plan\u{202f}; est-ce le bon fichier\u{202f}?"
    );
    if meta.len() > MAX_PLAN_BYTES {
        return Err(Error::input(too_big));
    }
    // The size of a device or a FIFO says nothing: the read itself is bounded. A file's size
    // is room enough (the one byte more tells that it grew meanwhile), so none is wasted.
    let mut bytes = Vec::with_capacity(if meta.is_file() { meta.len() as usize + 1 } else { 0 });
    std::fs::File::open(path).and_then(|f| f.take(MAX_PLAN_BYTES + 1).read_to_end(&mut bytes)).map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(Error::input(too_big));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..at]);
        let line = text.matches('\n').count() + 1;
        let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let problem = msg!(
            "{shown}:{line}:{col}: not UTF-8 text (a plan file is TOML, in UTF-8)",
            "{shown}:{line}:{col}: texte qui n'est pas en UTF-8 (un fichier de plan est du TOML, en UTF-8)"
        );
        Error::Plan { file: shown.clone(), problems: vec![problem] }
    })
}

/// Checks `text` against the stored campaign, which `stored` hands over in parts once the file
/// is read: what applying it decides. A plan error lists every problem.
fn decide(file: &str, text: &str, prune: bool, stored: impl FnOnce(&mut dyn FnMut(&mut Plan)) -> Result<()>) -> Result<Decided> {
    crate::plan::decide(file, text, prune, |merger| stored(&mut |part| merger.stored(std::mem::take(part))))?
        .map_err(|problems| Error::Plan { file: file.to_string(), problems })
}

/// What a new, empty store hands over.
fn nothing_stored(_: &mut dyn FnMut(&mut Plan)) -> Result<()> {
    Ok(())
}

/// Shows what applying `decided` would change, and sums it up.
fn dry_run(ctx: &Ctx, file: &str, decided: Decided, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let in_file = decided.in_file;
    let mut changes = Vec::new();
    decided.changes(&mut |c| {
        changes.push(c);
        Ok::<(), Error>(())
    })?;
    render::changes(out, ctx.ui, &changes)?;
    render::applied(err, ctx.ui, file, Tally::of(&changes), in_file, true)
}

fn apply(ctx: &Ctx, args: ApplyArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let file = args.file.display().to_string();
    let indicator = ctx.indicator(true);
    indicator.step(step::READING, Count::None);
    let text = read_plan_file(&args.file)?;
    indicator.step(step::CHECKING, Count::None);
    let db = ctx.db_path()?;
    // What the file does to a new, empty store: worked out once, and used as it is if the
    // store is still empty once it is open for writing.
    let mut fresh = None;
    // (A team store is a database, not a file: whether it is empty is known once it is open.)
    if !crate::store::is_team(&db) && !db.exists() {
        // Refuse a bad file before creating anything; a dry run stops here.
        let decided = decide(&file, &text, args.prune, nothing_stored)?;
        if args.dry_run {
            indicator.finish();
            return dry_run(ctx, &file, decided, out, err);
        }
        fresh = Some(decided);
    }
    // Opening may say on stderr that it upgraded the store: not over the indicator.
    let mut store = match indicator.suspend(|| ctx.open(if args.dry_run { Open::ReadOnly } else { Open::Create })) {
        // An empty team store is a new store: a dry run says what the file would create there.
        Err(Error::Fault(crate::store::Fault::NotYet { .. })) if args.dry_run && crate::store::is_team(&db) => {
            let decided = decide(&file, &text, args.prune, nothing_stored)?;
            indicator.finish();
            return dry_run(ctx, &file, decided, out, err);
        }
        opened => opened?,
    };
    if args.dry_run {
        let decided = decide(&file, &text, args.prune, |each| store.plan_in_parts(each))?;
        indicator.finish();
        return dry_run(ctx, &file, decided, out, err);
    }
    let write = |stored: StoredPlan, writer: &mut PlanWriter| {
        let decided = match fresh {
            Some(decided) if is_empty(&stored)? => decided,
            _ => decide(&file, &text, args.prune, |each| stored.parts(each))?,
        };
        let (total, in_file) = (decided.len(), decided.in_file);
        indicator.step(step::WRITING, Count::Of(total as u64));
        writer.expect(total);
        decided.changes(&mut |change| writer.write(&change))?;
        Ok(in_file)
    };
    let (tally, in_file) = store.change_plan_streaming(&ctx.actor(), write, &|done, _| indicator.at(done as u64))?;
    indicator.finish();
    render::applied(err, ctx.ui, &file, tally, in_file, false)
}

/// Whether the store holds nothing yet (another process may have written since the file was
/// checked against an empty store).
fn is_empty(stored: &StoredPlan) -> Result<bool> {
    let mut empty = true;
    stored.parts(&mut |part| empty &= *part == Plan::default())?;
    Ok(empty)
}

fn export(ctx: &Ctx, args: OutputArgs, out: &mut dyn Write) -> Result<()> {
    let target = super::output::Target::of(ctx, args.output.as_deref())?;
    let mut store = ctx.open(Open::ReadOnly)?;
    let text = crate::plan::export::export(&store.load_plan()?);
    target.write_all(out, text.as_bytes())
}

/// `engage init`: a new store (or an empty one) with a campaign.
pub fn init(ctx: &Ctx, args: InitArgs, err: &mut dyn Write) -> Result<()> {
    if args.name.trim().is_empty() {
        return Err(Error::input(msg!("--name cannot be empty", "--name ne peut pas être vide")));
    }
    let start = args.start.unwrap_or(ctx.today);
    let storable = |d: &chrono::NaiveDate| (0..=9999).contains(&d.year());
    for (flag, date) in [("--start", args.start), ("--end", args.end)] {
        if let Some(date) = date.filter(|d| !storable(d)) {
            return Err(Error::input(msg!(
                "{flag} {date} is outside the years 0000 to 9999 that a store keeps",
                "{flag} {date} est hors des années 0000 à 9999 que garde une base de données"
            )));
        }
    }
    let end = match args.end {
        Some(end) => end,
        None => start.checked_add_months(Months::new(12)).filter(storable).ok_or_else(|| {
            Error::input(msg!(
                "--start {start}: a campaign of one year would end after 9999-12-31; give --end",
                "--start {start}\u{a0}: une campagne d'un an finirait après le 9999-12-31\u{202f}; donnez --end"
            ))
        })?,
    };
    if end < start {
        return Err(Error::input(msg!("--end {end} is before --start {start}", "--end {end} précède --start {start}")));
    }
    let campaign = Campaign { name: args.name, name_fr: args.name_fr, start: Some(start), end, leads: args.leads };
    crate::plan::validate::check_texts(&Item::Campaign(campaign.clone())).map_err(Error::Input)?;
    let mut store = ctx.open(Open::Create)?;
    store.change_plan(&ctx.actor(), |stored| match stored.campaign {
        Some(existing) => {
            let (db, name) = (ctx.db_path().map(|p| crate::store::shown(&p)).unwrap_or_default(), existing.name);
            Err(Error::input(msg!(
                "{db} already holds the campaign '{name}': use another --db, or `engage plan apply` to change it",
                "{db} contient déjà la campagne «\u{202f}{name}\u{202f}»\u{a0}: utilisez une autre --db, ou `engage plan apply` pour la modifier"
            )))
        }
        None => Ok((vec![Change::Create(Item::Campaign(campaign.clone()))], ())),
    })?;
    render::messages::initialized(err, ctx.ui, &campaign, store.path())
}
