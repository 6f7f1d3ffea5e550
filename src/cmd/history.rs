//! `engage history`: the journal, newest first.

use std::io::Write;

use super::Ctx;
use crate::cli::{HistoryArgs, ReportFormat};
use crate::error::Result;
use crate::render;
use crate::store::{HistoryFilter, Open};

pub fn run(ctx: &Ctx, args: HistoryArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let filter = HistoryFilter { item: args.reference.map(|r| (None, r)), since: args.since, limit: args.limit };
    let entries = store.history(&filter)?;
    match args.format {
        ReportFormat::Json => render::json(out, &entries),
        ReportFormat::Table => render::lists::history(out, ctx.style, &entries),
    }
}
