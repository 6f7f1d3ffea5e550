//! The glossary as a human table, CSV or JSON: each stored value and its French.

use std::io::Write;

use super::Style;
use super::csv_out::{Field, Guarded};
use super::table::{self, Styled};
use crate::error::{Error, Result};
use crate::i18n::t;
use crate::model::glossary::Glossary;

/// The glossary for people: value, French; `(none)` when it is empty.
pub fn table(out: &mut dyn Write, style: Style, glossary: &Glossary) -> Result<()> {
    let ui = style.ui;
    if glossary.is_empty() {
        return writeln!(out, "({})", t::NONE.get(ui)).map_err(Error::output);
    }
    let rows = glossary.values().map(|t| vec![Styled::from(t.english.as_str()), Styled::from(t.french.as_str())]).collect();
    table::write(out, style, &[t::GLOSSARY_VALUE.get(ui), t::GLOSSARY_FRENCH.get(ui)], &[0, 1], rows)
}

/// The glossary as CSV (`english,french`), every cell guarded.
pub fn csv(out: &mut dyn Write, glossary: &Glossary) -> Result<()> {
    let mut csv = Guarded::new(out);
    csv.row(&[Field::Text("english"), Field::Text("french")])?;
    for t in glossary.values() {
        csv.row(&[Field::Text(&t.english), Field::Text(&t.french)])?;
    }
    csv.flush()
}

/// The glossary as JSON: an array of `{english, french}`, sorted by the stored value.
pub fn json(out: &mut dyn Write, glossary: &Glossary) -> Result<()> {
    let terms: Vec<_> = glossary.values().collect();
    super::json(out, &terms)
}
