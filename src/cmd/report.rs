//! `engage report`: the one-page HTML status report, to standard output or a file.

use std::io::Write;

use super::Ctx;
use crate::cli::ReportArgs;
use crate::error::Result;
use crate::model::glossary::Localize;
use crate::render;
use crate::store::Open;

pub fn run(ctx: &Ctx, args: ReportArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let until = super::window_end(as_of, args.within)?;
    let target = super::output::Target::of(ctx, args.output.output.as_deref())?;
    let mut store = ctx.open(Open::ReadOnly)?;
    let (mut report, glossary) = store.snapshot(|snap| {
        let report = super::assemble::report(snap, as_of, until)?;
        Ok((report, super::glossary_for(ctx, true, || snap.glossary())?))
    })?;
    report.localize(&glossary);
    let mut page = Vec::new();
    render::html::report(&mut page, ctx.ui, &report)?;
    target.write_all(out, &page)
}
