//! `engage status`: the campaign against its plan.

use std::io::Write;

use super::Ctx;
use crate::cli::{ReportFormat, StatusArgs};
use crate::error::Result;
use crate::model::glossary::Localize;
use crate::render;
use crate::store::Open;

pub fn run(ctx: &Ctx, args: StatusArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let mut store = ctx.open(Open::ReadOnly)?;
    let human = args.format == ReportFormat::Table;
    let (mut status, glossary) = store.snapshot(|snap| {
        let status = super::assemble::status(snap, as_of, &[], |_| {})?;
        Ok((status, super::glossary_for(ctx, human, || snap.glossary())?))
    })?;
    status.localize(&glossary);
    match args.format {
        ReportFormat::Json => render::json(out, &status),
        ReportFormat::Table => {
            render::reports::status(out, ctx.style, &status)?;
            if super::demo::is_seed(&status.campaign.name) {
                render::messages::blank_line(out)?;
                render::reports::illustrative(out, ctx.style)?;
            }
            Ok(())
        }
    }
}
