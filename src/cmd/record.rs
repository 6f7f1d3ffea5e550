//! `engage result record KEY VALUE [--on D] [--note T]`: one measurement of an expected result,
//! one transaction, journaled as an update of the result.

use std::io::Write;

use super::Ctx;
use crate::cli::RecordArgs;
use crate::error::{Error, Result};
use crate::model::change::Item;
use crate::model::plan::Measure;
use crate::model::types::{Family, check_note};
use crate::plan::validate::check_item;
use crate::render;
use crate::store::Open;

/// Records the measurement (replacing one of the same day), checked with the plan file's rules:
/// a finite number, a day not before the campaign's start.
pub fn run(ctx: &Ctx, args: RecordArgs, err: &mut dyn Write) -> Result<()> {
    if let Some(note) = &args.note {
        check_note("--note", note).map_err(Error::Input)?;
    }
    let measure = Measure { on: args.on.unwrap_or(ctx.today), value: args.value, note: args.note.filter(|n| !n.trim().is_empty()) };
    let mut store = ctx.open(Open::Existing)?;
    let (changes, ()) = store.change_plan(&ctx.actor(), |plan| {
        let Some(Item::Result(mut result)) = plan.item(Family::Result, &args.key) else {
            let nearest = crate::model::suggest::nearest(&args.key, plan.results.keys().map(String::as_str)).map(str::to_string);
            return Err(Error::Unknown { family: Family::Result, key: args.key.clone(), nearest });
        };
        let before = Item::Result(result.clone());
        result.record(measure.clone());
        let after = Item::Result(result);
        if after == before {
            return Ok((Vec::new(), ()));
        }
        check_item(&plan, &after).map_err(Error::Input)?;
        Ok((vec![crate::model::change::Change::Update { before, after }], ()))
    })?;
    render::messages::edited(err, ctx.ui, &changes)
}
