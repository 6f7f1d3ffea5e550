//! `engage history`: the journal, newest first.

use std::io::Write;

use super::Ctx;
use crate::cli::{HistoryArgs, ReportFormat};
use crate::error::{Error, Result};
use crate::model::glossary::Localize;
use crate::model::types::check_key;
use crate::msg;
use crate::render;
use crate::store::{HistoryFilter, Open};

/// Prints the journal, or one item's entries. A reference that is not a key (`KEY` or
/// `MEETING/ITEM`, or `campaign`) or that names nothing the store holds or ever held is bad
/// input, not an empty history.
pub fn run(ctx: &Ctx, args: HistoryArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    if let Some(r) = &args.reference {
        let parts: Vec<&str> = r.split('/').collect();
        if parts.len() > 2 {
            return Err(Error::input(msg!(
                "'{r}' is not a reference: write KEY or MEETING/ITEM",
                "«\u{202f}{r}\u{202f}» n'est pas une référence\u{a0}: écrivez CLÉ ou RÉUNION/POINT"
            )));
        }
        for part in parts {
            check_key(part).map_err(Error::Input)?;
        }
        if !store.knows(r)? {
            return Err(Error::input(msg!("unknown item '{r}'", "élément inconnu «\u{202f}{r}\u{202f}»")));
        }
    }
    let filter = HistoryFilter { item: args.reference.map(|r| (None, r)), since: args.since, limit: args.limit };
    let mut entries = store.history(&filter)?;
    let human = args.format == ReportFormat::Table;
    let glossary = super::glossary_for(ctx, human, || Ok(store.load_plan()?.glossary))?;
    entries.localize(&glossary);
    match args.format {
        ReportFormat::Json => render::json(out, &entries),
        ReportFormat::Table => render::lists::history(out, ctx.style, &entries),
    }
}
