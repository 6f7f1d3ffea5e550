//! `engage glossary set|list|remove`: the campaign's shared values and their French
//! (DESIGN.md, "Official languages"). Every change is journaled like any item's.

use std::io::Write;

use super::Ctx;
use crate::cli::{Format, GlossaryCommand};
use crate::error::{Error, Result};
use crate::model::change::{Change, Item};
use crate::model::glossary::Term;
use crate::msg;
use crate::plan::validate::{check_term, check_texts};
use crate::render;
use crate::store::Open;

pub fn run(ctx: &Ctx, command: GlossaryCommand, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        GlossaryCommand::Set(a) => set(ctx, Term { english: a.english, french: a.french }, err),
        GlossaryCommand::List(a) => list(ctx, a.format, out),
        GlossaryCommand::Remove(a) => remove(ctx, &a.english, err),
    }
}

/// Adds an entry, or changes the French of one; the same French again changes nothing.
fn set(ctx: &Ctx, term: Term, err: &mut dyn Write) -> Result<()> {
    let item = Item::Term(term.clone());
    check_texts(&item).map_err(Error::Input)?;
    check_term(&term).map_err(Error::Input)?;
    let mut store = ctx.open(Open::Existing)?;
    let (changes, ()) = store.change_plan(&ctx.actor(), |plan| {
        let change = match plan.glossary.get(&term.english) {
            Some(old) if *old == term => None,
            Some(old) => Some(Change::Update { before: Item::Term(old.clone()), after: item }),
            None => Some(Change::Create(item)),
        };
        Ok((change.into_iter().collect(), ()))
    })?;
    render::messages::edited(err, ctx.ui, &changes)
}

fn list(ctx: &Ctx, format: Format, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let glossary = store.load_plan()?.glossary;
    match format {
        Format::Table => render::glossary::table(out, ctx.style, &glossary),
        Format::Csv => render::glossary::csv(out, &glossary),
        Format::Json => render::glossary::json(out, &glossary),
    }
}

/// Removes an entry; a value the glossary does not hold is bad input.
fn remove(ctx: &Ctx, english: &str, err: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::Existing)?;
    let (changes, ()) = store.change_plan(&ctx.actor(), |plan| match plan.glossary.get(english) {
        Some(term) => Ok((vec![Change::Delete(Item::Term(term.clone()))], ())),
        None => Err(Error::input(msg!(
            "the glossary has no entry for '{english}'",
            "le glossaire n'a pas d'entrée pour «\u{202f}{english}\u{202f}»"
        ))),
    })?;
    render::messages::edited(err, ctx.ui, &changes)
}
