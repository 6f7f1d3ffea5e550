//! Everything engage shows: human tables, CSV, JSON and messages. Rows in, bytes out to a writer;
//! nothing here queries the store.

pub mod clean;
pub mod csv_out;
pub mod fit;
pub mod glossary;
pub mod html;
pub mod ics;
pub mod lists;
pub mod messages;
pub mod progress;
pub mod reach;
pub mod reports;
pub mod shell;
pub mod svg;
pub mod table;

use std::io::Write;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::Ui;

pub use messages::{applied, changes, error, upgraded};

/// How to show things to people, decided once at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Colour on (a terminal without NO_COLOR, or `--color always`).
    pub color: bool,
    pub ui: Ui,
    /// The width human tables fit in: the terminal's, when standard output is one (see
    /// [`fit::target_width`]); `None` (a pipe, a file): lines are not wrapped.
    pub width: Option<u16>,
}

/// Writes `value` as pretty JSON followed by a newline. The JSON is written through a buffer of
/// its own: serde_json writes a few bytes at a time (a quote, a key, an indent), and each would
/// otherwise be a call through `dyn Write`.
pub fn json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
    serde_json::to_writer_pretty(&mut buffered, value)?;
    writeln!(buffered).map_err(Error::output)?;
    buffered.flush().map_err(Error::output)
}
