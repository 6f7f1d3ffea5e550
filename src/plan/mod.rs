//! Plan files (DESIGN.md, "Plan file"): reading and checking them, merging them into a store's
//! record, and writing a record back as a plan. Pure: no SQL, no printing.

pub mod export;
pub mod fields;
pub mod merge;
pub mod parse;
pub mod source;
pub mod validate;

use crate::model::change::Change;
use source::Problems;

use crate::model::plan::Plan;

/// The outcome of checking a plan file against a store's record.
pub struct Checked {
    /// The record as it will be once the file is applied.
    pub merged: Plan,
    /// What applying the file changes, in the order to write it.
    pub changes: Vec<Change>,
    /// How many items the file names (the campaign counted as one).
    pub in_file: usize,
}

/// A plan file found fit to apply to a store's record: the record before and after, from which
/// the changes are handed out one at a time ([`Decided::changes`]) rather than all held at once.
pub struct Decided {
    before: Plan,
    after: Plan,
    /// How many items the file names (the campaign counted as one).
    pub in_file: usize,
}

impl Decided {
    /// How many changes applying the file makes.
    pub fn len(&self) -> usize {
        merge::count(&self.before, &self.after)
    }

    /// Whether applying the file changes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Hands `each` the changes, in the order to write them (see [`merge::diff_into`]).
    pub fn changes<E>(self, each: &mut dyn FnMut(Change) -> Result<(), E>) -> Result<(), E> {
        merge::diff_into(self.before, self.after, each)
    }
}

/// Reads `text` (the plan file `file`) and works out what applying it to `stored` changes.
/// On failure: every problem, each as `FILE:LINE:COL: message`, in file order.
pub fn decide(file: &str, text: &str, stored: Plan, prune: bool) -> Result<Decided, Vec<crate::i18n::Msg>> {
    let (mut parsed, mut problems) = parse::parse_partial(text);
    let in_file = parsed.plan.len() + usize::from(parsed.plan.campaign.is_some());
    let merged = merge::merge(&stored, std::mem::take(&mut parsed.plan), prune);
    let items_had_errors = !problems.is_empty();
    problems.extend(
        validate::validate(&parsed, &merged).into_iter().filter(|p| !(items_had_errors && p.pos == source::Pos { line: 1, col: 1 })),
    );
    drop(parsed);
    if !problems.is_empty() {
        return Err(Problems::render(problems, file));
    }
    Ok(Decided { before: stored, after: merged, in_file })
}

/// [`decide`], with the record as it will be and every change collected in a list.
pub fn check(file: &str, text: &str, stored: &Plan, prune: bool) -> Result<Checked, Vec<crate::i18n::Msg>> {
    let decided = decide(file, text, stored.clone(), prune)?;
    let changes = merge::diff(&decided.before, &decided.after);
    Ok(Checked { merged: decided.after, changes, in_file: decided.in_file })
}
