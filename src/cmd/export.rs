//! `engage export progress`: the progress CSV of DESIGN.md, streamed row by row.

use std::collections::HashSet;
use std::io::{BufWriter, Write};

use super::Ctx;
use super::output::{Target, replace_file};
use crate::cli::{ExportArgs, ExportCommand};
use crate::error::Result;
use crate::render::progress::{Count, step};
use crate::render::reports::ProgressWriter;
use crate::store::Open;

pub fn run(ctx: &Ctx, command: ExportCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        ExportCommand::Progress(args) => progress(ctx, args, out),
        ExportCommand::Ics(args) => ics(ctx, args, out),
    }
}

fn ics(ctx: &Ctx, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let target = Target::of(ctx, args.output.output.as_deref())?;
    let mut store = ctx.open(Open::ReadOnly)?;
    let mut plan = store.load_plan()?;
    // The calendar is for people: in French, shared values are shown in French.
    let glossary = super::glossary_for(ctx, true, || Ok(plan.glossary.clone()))?;
    crate::model::glossary::Localize::localize(&mut plan, &glossary);
    let mut text = Vec::new();
    crate::render::ics::calendar(&mut text, ctx.ui, &plan, as_of)?;
    target.write_all(out, &text)
}

fn progress(ctx: &Ctx, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let target = Target::of(ctx, args.output.output.as_deref())?;
    let mut store = ctx.open(Open::ReadOnly)?;
    match &target {
        Target::File { shown, path } => replace_file(path, shown, None, |w| write_progress(ctx, &mut store, as_of, true, w)),
        Target::Stdout => write_progress(ctx, &mut store, as_of, !ctx.out_terminal, &mut BufWriter::new(out)),
    }
}

/// Streams the CSV to `out`; `indicate`: a progress indicator may show on stderr (not when the
/// rows go to the same terminal).
fn write_progress(ctx: &Ctx, store: &mut crate::store::Store, as_of: chrono::NaiveDate, indicate: bool, out: &mut dyn Write) -> Result<()> {
    let indicator = ctx.indicator(indicate);
    indicator.step(step::EXPORTING, Count::Open);
    let mut csv = ProgressWriter::new(out)?;
    let mut critical: Option<HashSet<String>> = None;
    let mut rows: u64 = 0;
    store.snapshot(|snap| {
        super::assemble::progress(snap, as_of, |schedule, row| {
            rows += 1;
            if rows.is_multiple_of(1024) {
                indicator.at(rows);
            }
            let set = critical.get_or_insert_with(|| schedule.critical_path.iter().cloned().collect());
            let on_path = row.kind == crate::model::types::Family::Milestone && set.contains(&row.key);
            csv.row(&row.report(as_of), on_path)
        })
    })?;
    indicator.finish();
    csv.finish()
}
