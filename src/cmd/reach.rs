//! `engage reach`: every organization, reached or not, since when and through how many
//! meetings, channels and distributions; the next opportunity for the others.

use std::io::Write;

use super::Ctx;
use crate::cli::{Format, ReachArgs};
use crate::error::Result;
use crate::model::reach;
use crate::render;
use crate::store::Open;

pub fn run(ctx: &Ctx, args: ReachArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let mut store = ctx.open(Open::ReadOnly)?;
    let facts = store.snapshot(|snap| {
        snap.campaign()?;
        snap.reach_facts()
    })?;
    let rows = reach::organizations(&facts, as_of);
    match args.format {
        Format::Json => render::json(out, &rows),
        Format::Csv => render::reach::csv(out, &rows),
        Format::Table => render::reach::table(out, ctx.style, &rows),
    }
}
