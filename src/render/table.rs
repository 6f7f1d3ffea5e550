//! Human tables (comfy-table) that fit an 80-column terminal: long cells wrap.

use std::borrow::Cow;
use std::io::Write;

use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle, Width};

/// A compact style: a rule under the header, columns apart by two spaces, no other lines.
const COMPACT: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

use super::Style;
use super::clean::for_terminal;
use crate::error::{Error, Result};

/// What a cell means, for colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
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

/// One cell of text with its tone. Made through `From` or [`toned`], its text holds no control
/// character and no line break ([`for_terminal`]): data cannot act on the terminal or forge rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Styled {
    pub text: String,
    pub tone: Tone,
}

/// `text` as [`for_terminal`] writes it, reusing the string when it is clean already.
fn cleaned(text: String) -> String {
    match for_terminal(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(clean) => clean,
    }
}

impl From<String> for Styled {
    fn from(text: String) -> Self {
        Styled { text: cleaned(text), tone: Tone::Plain }
    }
}

impl From<&str> for Styled {
    fn from(text: &str) -> Self {
        Styled { text: for_terminal(text).into_owned(), tone: Tone::Plain }
    }
}

/// A cell with a tone (its text cleaned as by `From`).
pub fn toned(text: impl Into<String>, tone: Tone) -> Styled {
    Styled { text: cleaned(text.into()), tone }
}

/// Writes a table of `rows` under `headers`. On a terminal the table fits its width: only the
/// columns listed in `wrap` (titles, names, notes) wrap, and never below 16 columns; the others
/// (dates, keys, figures) keep their width. Written to a pipe or file, lines are not wrapped.
pub fn write(out: &mut dyn Write, style: Style, headers: &[&str], wrap: &[usize], rows: Vec<Vec<Styled>>) -> Result<()> {
    let mut table = Table::new();
    table.load_style(COMPACT).set_content_arrangement(ContentArrangement::Dynamic);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
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
        column.set_padding((0, 2));
        if wrap.contains(&i) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(16)));
        } else {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    writeln!(out, "{table}").map_err(Error::output)
}

/// Writes a section title (its text cleaned by [`for_terminal`]).
pub fn title(out: &mut dyn Write, style: Style, text: &str) -> Result<()> {
    let text = for_terminal(text);
    let line = if style.color { format!("\x1b[1m{text}\x1b[0m") } else { text.into_owned() };
    writeln!(out, "{line}").map_err(Error::output)
}
