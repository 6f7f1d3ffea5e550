//! `engage init`, `engage plan apply` and `engage plan export`.

use std::io::Write;
use std::path::Path;

use chrono::Months;

use super::Ctx;
use crate::cli::{ApplyArgs, InitArgs, OutputArgs, PlanCommand};
use crate::error::{Error, Result};
use crate::model::change::{Change, Item};
use crate::model::plan::{Campaign, Plan};
use crate::msg;
use crate::render;
use crate::render::progress::{Count, step};
use crate::store::Open;

/// The largest plan file engage reads: far above any real campaign, and a guard against a wrong file.
pub const MAX_PLAN_BYTES: u64 = 40 * 1024 * 1024;

pub fn run(ctx: &Ctx, command: PlanCommand, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        PlanCommand::Apply(args) => apply(ctx, args, out, err),
        PlanCommand::Export(args) => export(ctx, args, out),
    }
}

/// Reads a plan file as UTF-8 text, refusing what cannot be one.
pub fn read_plan_file(path: &Path) -> Result<String> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        Error::input(msg!("{shown}: cannot read the plan file: {e}", "{shown} : impossible de lire le fichier de plan : {e}"))
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(Error::input(msg!("{shown}: is a directory, not a plan file", "{shown} : est un répertoire, pas un fichier de plan")));
    }
    if meta.len() > MAX_PLAN_BYTES {
        let (size, max) = (meta.len() / (1024 * 1024), MAX_PLAN_BYTES / (1024 * 1024));
        return Err(Error::input(msg!(
            "{shown}: {size} MiB is more than the {max} MiB a plan file may hold; is it the right file?",
            "{shown} : {size} Mio, c'est plus que les {max} Mio permis pour un fichier de plan; est-ce le bon fichier?"
        )));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
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

/// Checks `text` against `stored`: the changes and how many items the file names. A plan error
/// lists every problem.
fn check(file: &str, text: &str, stored: &Plan, prune: bool) -> Result<(Vec<Change>, usize)> {
    crate::plan::check(file, text, stored, prune)
        .map(|c| (c.changes, c.in_file))
        .map_err(|problems| Error::Plan { file: file.to_string(), problems })
}

fn apply(ctx: &Ctx, args: ApplyArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let file = args.file.display().to_string();
    let indicator = ctx.indicator(true);
    indicator.step(step::READING, Count::None);
    let text = read_plan_file(&args.file)?;
    indicator.step(step::CHECKING, Count::None);
    let db = ctx.db_path()?;
    if !db.exists() {
        // Refuse a bad file before creating anything; a dry run stops here.
        let (changes, in_file) = check(&file, &text, &Plan::default(), args.prune)?;
        if args.dry_run {
            indicator.finish();
            render::changes(out, ctx.ui, &changes)?;
            return render::applied(err, ctx.ui, &file, &changes, in_file, true);
        }
    }
    // Opening may say on stderr that it upgraded the store: not over the indicator.
    let mut store = indicator.suspend(|| ctx.open(if args.dry_run { Open::Existing } else { Open::Create }))?;
    let (changes, in_file) = if args.dry_run {
        let stored = store.load_plan()?;
        let (changes, in_file) = check(&file, &text, &stored, args.prune)?;
        indicator.finish();
        render::changes(out, ctx.ui, &changes)?;
        return render::applied(err, ctx.ui, &file, &changes, in_file, true);
    } else {
        let decide = |stored: Plan| {
            let checked = check(&file, &text, &stored, args.prune)?;
            indicator.step(step::WRITING, Count::Of(checked.0.len() as u64));
            Ok(checked)
        };
        store.change_plan_reporting(&ctx.actor(), decide, &|done, _| indicator.at(done as u64))?
    };
    indicator.finish();
    render::applied(err, ctx.ui, &file, &changes, in_file, args.dry_run)
}

fn export(ctx: &Ctx, args: OutputArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::Existing)?;
    let text = crate::plan::export::export(&store.load_plan()?);
    super::write_output(args.output.as_deref(), out, text.as_bytes())
}

/// `engage init`: a new store (or an empty one) with a campaign.
pub fn init(ctx: &Ctx, args: InitArgs, err: &mut dyn Write) -> Result<()> {
    if args.name.trim().is_empty() {
        return Err(Error::input(msg!("--name cannot be empty", "--name ne peut pas être vide")));
    }
    let start = args.start.unwrap_or(ctx.today);
    let end = match args.end {
        Some(end) => end,
        None => start
            .checked_add_months(Months::new(12))
            .ok_or_else(|| Error::input(msg!("--start is too far in the future", "--start est trop loin dans l'avenir")))?,
    };
    if end < start {
        return Err(Error::input(msg!("--end {end} is before --start {start}", "--end {end} précède --start {start}")));
    }
    let campaign = Campaign { name: args.name, name_fr: args.name_fr, start: Some(start), end, leads: args.leads };
    crate::plan::validate::check_texts(&Item::Campaign(campaign.clone())).map_err(Error::Input)?;
    let mut store = ctx.open(Open::Create)?;
    store.change_plan(&ctx.actor(), |stored| match stored.campaign {
        Some(existing) => {
            let (db, name) = (ctx.db_path().map(|p| p.display().to_string()).unwrap_or_default(), existing.name);
            Err(Error::input(msg!(
                "{db} already holds the campaign '{name}': use another --db, or `engage plan apply` to change it",
                "{db} contient déjà la campagne « {name} » : utilisez une autre --db, ou `engage plan apply` pour la modifier"
            )))
        }
        None => Ok((vec![Change::Create(Item::Campaign(campaign.clone()))], ())),
    })?;
    render::messages::initialized(err, ctx.ui, &campaign, store.path())
}
