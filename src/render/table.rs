//! Human tables (comfy-table) that fit an 80-column terminal: long cells wrap.

use std::io::{IsTerminal, Write};

use comfy_table::presets::UTF8_HORIZONTAL_ONLY;
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table};

use super::Style;
use crate::error::{Error, Result};

/// What a cell means, for colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Late or missing: needs attention.
    Alert,
    /// Coming up soon.
    Warn,
    /// Done.
    Good,
    /// Less important.
    Dim,
}

/// One cell of text with its tone.
#[derive(Debug, Clone, PartialEq)]
pub struct Styled {
    pub text: String,
    pub tone: Tone,
}

impl From<String> for Styled {
    fn from(text: String) -> Self {
        Styled { text, tone: Tone::Plain }
    }
}

impl From<&str> for Styled {
    fn from(text: &str) -> Self {
        Styled { text: text.to_string(), tone: Tone::Plain }
    }
}

/// A cell with a tone.
pub fn toned(text: impl Into<String>, tone: Tone) -> Styled {
    Styled { text: text.into(), tone }
}

/// Writes a table of `rows` under `headers`. Only the columns listed in `wrap` (titles, names,
/// notes) may wrap to fit; the others (dates, keys, figures) keep their width.
pub fn write(out: &mut dyn Write, style: Style, headers: &[&str], wrap: &[usize], rows: Vec<Vec<Styled>>) -> Result<()> {
    let mut table = Table::new();
    table.load_style(UTF8_HORIZONTAL_ONLY).set_content_arrangement(ContentArrangement::Dynamic);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    if !std::io::stdout().is_terminal() {
        table.set_width(80);
    }
    table.set_header(headers.iter().map(|h| {
        let cell = Cell::new(h);
        if style.color { cell.add_attribute(Attribute::Bold) } else { cell }
    }));
    for row in rows {
        table.add_row(row.into_iter().map(|c| {
            let cell = Cell::new(&c.text);
            match (style.color, c.tone) {
                (false, _) | (_, Tone::Plain) => cell,
                (true, Tone::Alert) => cell.fg(Color::Red),
                (true, Tone::Warn) => cell.fg(Color::Yellow),
                (true, Tone::Good) => cell.fg(Color::Green),
                (true, Tone::Dim) => cell.fg(Color::DarkGrey),
            }
        }));
    }
    for (i, column) in table.column_iter_mut().enumerate() {
        if !wrap.contains(&i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    writeln!(out, "{table}").map_err(|e| Error::io("writing output", e))
}

/// Writes a section title.
pub fn title(out: &mut dyn Write, style: Style, text: &str) -> Result<()> {
    let line = if style.color { format!("\x1b[1m{text}\x1b[0m") } else { text.to_string() };
    writeln!(out, "{line}").map_err(|e| Error::io("writing output", e))
}
