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

/// A plan file found fit to apply to a store's record: the stored items that change and what
/// they become (and the new ones), from which the changes are handed out one at a time
/// ([`Decided::changes`]) rather than all held at once. Items that stay as they are are not kept.
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

/// Reads `text` (the plan file `file`) and works out what applying it to the stored campaign
/// changes. `stored` hands the stored campaign to the [`merge::Merger`] in parts once the file
/// is read: what the file gives again is compared and dropped part by part, so the stored
/// campaign and the file's are never both held whole. `stored`'s own error comes out as it is
/// (the outer `Err`); the file's problems as the inner one, each as `FILE:LINE:COL: message`,
/// in file order.
pub fn decide<E>(
    file: &str,
    text: &str,
    prune: bool,
    stored: impl FnOnce(&mut merge::Merger) -> Result<(), E>,
) -> Result<Result<Decided, Vec<crate::i18n::Msg>>, E> {
    let (merged, in_file) = match read_and_merge(text, prune, true, stored)? {
        Ok(read) => read,
        Err(problems) => return Ok(Err(Problems::render(problems, file))),
    };
    let (before, after) = merged.into_changes();
    Ok(Ok(Decided { before, after, in_file }))
}

/// Reads `text` and merges it with what `stored` hands over: the outcome and how many items the
/// file names, or every problem found (the file's own and those of the campaign it would make).
/// `lean`: the outcome keeps of the stored items the file leaves out only what validation
/// needs ([`merge::Merger::lean`]).
#[allow(clippy::type_complexity)]
fn read_and_merge<E>(
    text: &str,
    prune: bool,
    lean: bool,
    stored: impl FnOnce(&mut merge::Merger) -> Result<(), E>,
) -> Result<Result<(merge::Merged, usize), Vec<source::Problem>>, E> {
    let (mut parsed, mut problems) = parse::parse_partial(text);
    let in_file = parsed.plan.len() + usize::from(parsed.plan.campaign.is_some());
    let file = std::mem::take(&mut parsed.plan);
    let mut merger = if lean {
        // The stored items the file leaves out are looked at, not kept.
        merge::Merger::lean(file, prune, parsed.references.iter().map(|r| r.key.clone()).collect())
    } else {
        merge::Merger::new(file, prune)
    };
    stored(&mut merger)?;
    let merged = merger.finish();
    // A file whose items had errors of their own may lack its campaign for that reason alone.
    let items_had_errors = !problems.is_empty();
    problems.extend(
        validate::validate(&parsed, &merged.merged, &merged.rest)
            .into_iter()
            .filter(|p| !(items_had_errors && p.pos == source::Pos { line: 1, col: 1 })),
    );
    Ok(if problems.is_empty() { Ok((merged, in_file)) } else { Err(problems) })
}

/// [`decide`] against a stored campaign held whole, with the campaign as it will be and every
/// change collected in a list.
pub fn check(file: &str, text: &str, stored: &Plan, prune: bool) -> Result<Checked, Vec<crate::i18n::Msg>> {
    let read = read_and_merge(text, prune, false, |merger| {
        merger.stored(stored.clone());
        Ok::<(), std::convert::Infallible>(())
    });
    let (merged, in_file) = match read {
        Ok(Ok(read)) => read,
        Ok(Err(problems)) => return Err(Problems::render(problems, file)),
        Err(never) => match never {},
    };
    let merged = merged.merged;
    let changes = merge::diff(stored, &merged);
    Ok(Checked { merged, changes, in_file })
}
