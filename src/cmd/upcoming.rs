//! `engage upcoming`: what is due next, overdue items included, and the meetings ahead.

use std::io::Write;

use chrono::Duration;

use super::Ctx;
use crate::cli::{Format, UpcomingArgs};
use crate::error::{Error, Result};
use crate::model::item::ReportRow;
use crate::msg;
use crate::render;
use crate::store::Open;

pub fn run(ctx: &Ctx, args: UpcomingArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let until = as_of.checked_add_signed(Duration::days(args.within)).ok_or_else(|| {
        let within = args.within;
        Error::input(msg!(
            "--within {within} goes past the last date engage knows",
            "--within {within} dépasse la dernière date connue d'engage"
        ))
    })?;
    let mut store = ctx.open(Open::Existing)?;
    let rows: Vec<ReportRow> = store.upcoming(as_of, until)?.iter().map(|r| r.report(as_of)).collect();
    match args.format {
        Format::Json => render::json(out, &rows),
        Format::Csv => render::reports::rows_csv(out, &rows),
        Format::Table => render::reports::upcoming(out, ctx.style, &rows),
    }
}
