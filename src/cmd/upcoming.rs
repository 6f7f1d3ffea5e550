//! `engage upcoming`: what is due next, overdue items included, and the meetings ahead.

use std::io::Write;

use super::Ctx;
use crate::cli::{Format, UpcomingArgs};
use crate::error::Result;
use crate::model::glossary::Localize;
use crate::model::item::ReportRow;
use crate::render;
use crate::store::Open;

pub fn run(ctx: &Ctx, args: UpcomingArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let until = super::window_end(as_of, args.within)?;
    let mut store = ctx.open(Open::ReadOnly)?;
    let human = args.format == Format::Table;
    let (rows, glossary) =
        store.snapshot(|snap| Ok((snap.upcoming(as_of, until)?, super::glossary_for(ctx, human, || snap.glossary())?)))?;
    let mut rows: Vec<ReportRow> = rows.iter().map(|r| r.report(as_of)).collect();
    rows.localize(&glossary);
    match args.format {
        Format::Json => render::json(out, &rows),
        Format::Csv => render::reports::rows_csv(out, &rows),
        Format::Table => render::reports::upcoming(out, ctx.style, &rows),
    }
}
