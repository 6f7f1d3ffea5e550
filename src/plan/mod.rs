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

/// Reads `text` (the plan file `file`) and works out what applying it to `stored` changes.
/// On failure: every problem, each as `FILE:LINE:COL: message`, in file order.
pub fn check(file: &str, text: &str, stored: &Plan, prune: bool) -> Result<Checked, Vec<crate::i18n::Msg>> {
    let (parsed, mut problems) = parse::parse_partial(text);
    let merged = merge::merge(stored, &parsed.plan, prune);
    let items_had_errors = !problems.is_empty();
    problems.extend(
        validate::validate(&parsed, &merged).into_iter().filter(|p| !(items_had_errors && p.pos == source::Pos { line: 1, col: 1 })),
    );
    if !problems.is_empty() {
        return Err(Problems::render(problems, file));
    }
    let changes = merge::diff(stored, &merged);
    let in_file = parsed.plan.len() + usize::from(parsed.plan.campaign.is_some());
    Ok(Checked { merged, changes, in_file })
}
