//! CSV output (RFC 4180) with the spreadsheet formula guard of DESIGN.md: a cell that begins
//! with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`.
//!
//! The guard applies to every cell that holds text (keys, titles, owners, notes, dates, states).
//! Numbers that engage computes itself (such as `variance_days = -1`) are written as numbers: a
//! signed integer is not a formula, and a spreadsheet must be able to add them up.

use std::borrow::Cow;
use std::io::Write;

use crate::error::Result;

/// Guards one cell against being run as a formula by a spreadsheet.
pub fn guard(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// One cell of a CSV record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field<'a> {
    /// Text, guarded.
    Text(&'a str),
    /// A number engage computed, or an empty cell.
    Number(Option<i64>),
}

/// A CSV writer that guards every text cell.
pub struct Guarded<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> Guarded<W> {
    pub fn new(out: W) -> Self {
        Guarded { inner: csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out) }
    }

    /// Writes one record, guarding each text cell.
    pub fn row(&mut self, cells: &[Field<'_>]) -> Result<()> {
        for cell in cells {
            match cell {
                Field::Text(t) => self.inner.write_field(guard(t).as_bytes())?,
                Field::Number(Some(n)) => self.inner.write_field(n.to_string())?,
                Field::Number(None) => self.inner.write_field("")?,
            }
        }
        self.inner.write_record(None::<&[u8]>)?;
        Ok(())
    }

    pub fn flush(&mut self) -> Result<()> {
        self.inner.flush().map_err(|e| crate::error::Error::io(crate::msg!("writing CSV", "écriture du CSV"), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guard() {
        for (cell, want) in [
            ("=Deck", "'=Deck"),
            ("+1", "'+1"),
            ("-6", "'-6"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Deck", "Deck"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(guard(cell), want);
        }
    }
}
