//! `engage report`: the one-page HTML status report, to standard output or a file.

use std::io::Write;

use chrono::Duration;

use super::Ctx;
use crate::cli::ReportArgs;
use crate::error::{Error, Result};
use crate::msg;
use crate::render;
use crate::store::Open;

pub fn run(ctx: &Ctx, args: ReportArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let until = as_of.checked_add_signed(Duration::days(args.within)).ok_or_else(|| {
        let within = args.within;
        Error::input(msg!(
            "--within {within} goes past the last date engage knows",
            "--within {within} dépasse la dernière date connue d'engage"
        ))
    })?;
    let mut store = ctx.open(Open::Existing)?;
    let report = store.report(as_of, until)?;
    let mut page = Vec::new();
    render::html::report(&mut page, ctx.ui, &report)?;
    super::write_output(args.output.output.as_deref(), out, &page)
}
