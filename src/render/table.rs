//! Human tables (comfy-table) that fit the terminal they are shown on: long cells wrap, and the
//! least useful columns give way on a narrow one (the rule is in [`super::fit`]).

use std::borrow::Cow;
use std::io::Write;

use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle, Width};

/// A compact style: a rule under the header, columns apart by two spaces, no other lines.
const COMPACT: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

use super::clean::for_terminal;
use super::{Style, fit};
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

/// How a table's columns give way on a narrow terminal (see [`super::fit`] for the rule).
#[derive(Debug, Clone, Copy, Default)]
pub struct Columns<'a> {
    /// Columns of prose (titles, names, notes): they wrap between words, down to 10 cells. The
    /// others (keys, dates, figures, states) break only between words, after `/` and after a `-`
    /// that does not join two digits.
    pub wrap: &'a [usize],
    /// Columns that may be left out when the table would not fit well, least useful first.
    pub drop: &'a [usize],
}

/// Writes a table of `rows` under `headers`, with every column shown; `wrap` lists the columns
/// of prose. See [`write_fitted`].
pub fn write(out: &mut dyn Write, style: Style, headers: &[&str], wrap: &[usize], rows: Vec<Vec<Styled>>) -> Result<()> {
    write_fitted(out, style, headers, Columns { wrap, drop: &[] }, rows)
}

/// Writes a table of `rows` under `headers`. On a terminal (`style.width` set) no line is wider
/// than that width: cells wrap and, if need be, the columns in `columns.drop` are left out (the
/// rule of [`super::fit`]); colour codes take no room. Written to a pipe or a file, lines are
/// not wrapped and every column is shown.
pub fn write_fitted(out: &mut dyn Write, style: Style, headers: &[&str], columns: Columns, rows: Vec<Vec<Styled>>) -> Result<()> {
    let table = match style.width {
        Some(width) => fitted(style, headers, columns, rows, usize::from(width)),
        None => unwrapped(style, headers, columns.wrap, rows),
    };
    writeln!(out, "{table}").map_err(Error::output)
}

/// The table as wide as its content (for pipes and files).
fn unwrapped(style: Style, headers: &[&str], wrap: &[usize], rows: Vec<Vec<Styled>>) -> Table {
    let mut table = styled(style, headers.iter().map(|h| h.to_string()).collect(), rows);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, 2));
        if wrap.contains(&i) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(16)));
        } else {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}

/// The table fitted to `width` cells: the columns [`fit::layout`] keeps, each cell broken into
/// lines of its column's width beforehand, so that comfy-table only lays them out.
fn fitted(style: Style, headers: &[&str], columns: Columns, rows: Vec<Vec<Styled>>, width: usize) -> Table {
    let give: Vec<fit::Give> = (0..headers.len())
        .map(|i| fit::Give { prose: columns.wrap.contains(&i), drop: columns.drop.iter().position(|&d| d == i) })
        .collect();
    let texts: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect();
    let layout = fit::layout(headers, &texts, &give, width);
    let lines = |text: &str, w: usize| fit::wrap(text, w).join("\n");
    let kept = |i: usize| layout.shown.iter().position(|&s| s == i).map(|k| layout.widths[k]);
    let headers = layout.shown.iter().zip(&layout.widths).map(|(&i, &w)| lines(headers[i], w)).collect();
    let rows = rows
        .into_iter()
        .map(|row| {
            row.into_iter().enumerate().filter_map(|(i, c)| kept(i).map(|w| Styled { text: lines(&c.text, w), tone: c.tone })).collect()
        })
        .collect();
    let mut table = styled(style, headers, rows);
    table.set_content_arrangement(ContentArrangement::Disabled);
    let last = layout.shown.len().saturating_sub(1);
    for (k, column) in table.column_iter_mut().enumerate() {
        // The separator is one cell: padding makes up the rest of the gap.
        column.set_padding((0, if k == last { 0 } else { fit::GAP as u16 - 1 }));
    }
    table
}

/// A compact table of `rows` under `headers`, in colour if `style` says so.
fn styled(style: Style, headers: Vec<String>, rows: Vec<Vec<Styled>>) -> Table {
    let mut table = Table::new();
    table.load_style(COMPACT);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(headers.into_iter().map(|h| {
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
    table
}

/// Writes a section title (its text cleaned by [`for_terminal`]); on a terminal, wrapped to its
/// width.
pub fn title(out: &mut dyn Write, style: Style, text: &str) -> Result<()> {
    for line in lines(style, &for_terminal(text)) {
        let line = if style.color { format!("\x1b[1m{line}\x1b[0m") } else { line };
        writeln!(out, "{line}").map_err(Error::output)?;
    }
    Ok(())
}

/// Writes `parts` on one line, three spaces apart, after two spaces; on a terminal too narrow
/// for that line, one part a line (each wrapped to the width if need be).
pub fn parts(out: &mut dyn Write, style: Style, parts: &[String]) -> Result<()> {
    let line = format!("  {}", parts.join("   "));
    let fits = style.width.is_none_or(|w| fit::cells(&line) <= usize::from(w));
    let lines: Vec<String> = if fits { vec![line] } else { parts.iter().flat_map(|p| lines(style, &format!("  {p}"))).collect() };
    lines.iter().try_for_each(|l| writeln!(out, "{l}").map_err(Error::output))
}

/// `text` as the lines to write: wrapped to the terminal's width, else as it is.
fn lines(style: Style, text: &str) -> Vec<String> {
    match style.width {
        Some(w) => fit::wrap(text, usize::from(w)),
        None => vec![text.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Ui;

    /// Long cells in both languages, keys with `-` and `/`, a French date in words.
    fn rows(ui: Ui) -> Vec<Vec<Styled>> {
        let (title, owner, state, kind) = match ui {
            Ui::En => (
                "Guide presented at the National Municipal Service Delivery Officials Symposium, with a supercalifragilistic word",
                "Municipal organizing committee",
                "! overdue",
                "agenda item",
            ),
            Ui::Fr => (
                "Présentation du Guide au Colloque national des représentants municipaux de la prestation des services",
                "Comité organisateur municipal",
                "dans les temps",
                "point à l'ordre du jour",
            ),
        };
        let row = |key: &str, date: &str| -> Vec<Styled> {
            vec![date.into(), "dans 11 jours".into(), kind.into(), key.into(), title.into(), owner.into(), toned(state, Tone::Alert)]
        };
        vec![row("symposium-2018-10/guide", "1er octobre 2018"), row("symposium-presentation", "2018-10-01"), row("ms-1", "")]
    }

    fn render(ui: Ui, width: u16, color: bool, columns: Columns) -> String {
        let headers = ["date", "jours", "type", "clé", "titre", "responsable", "état"];
        let mut out = Vec::new();
        write_fitted(&mut out, Style { color, ui, width: Some(width) }, &headers, columns, rows(ui)).expect("written");
        String::from_utf8(out).expect("UTF-8")
    }

    /// `text` without its colour codes.
    fn plain(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                chars.by_ref().find(|c| c.is_ascii_alphabetic());
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn no_line_is_wider_than_the_terminal() {
        let dated = Columns { wrap: &[4, 5], drop: &[1, 2, 5] };
        let none = Columns { wrap: &[4, 5], drop: &[] };
        for ui in [Ui::En, Ui::Fr] {
            for width in [80, 100, 120] {
                for columns in [dated, none] {
                    for color in [false, true] {
                        let table = render(ui, width, color, columns);
                        for line in plain(&table).lines() {
                            assert!(fit::cells(line) <= usize::from(width), "{ui:?} at {width}: {} cells: {line:?}", fit::cells(line));
                        }
                        assert!(table.contains("symposium-"), "{table}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_least_useful_columns_go_first_and_nothing_is_lost_when_it_fits() {
        let dated = Columns { wrap: &[4, 5], drop: &[1, 2, 5] };
        let at_80 = render(Ui::Fr, 80, false, dated);
        let header = at_80.lines().next().unwrap_or_default();
        assert!(!header.contains("jours") && !header.contains("type") && header.contains("titre"), "{at_80}");
        let wide = render(Ui::Fr, 250, false, dated);
        assert!(wide.lines().next().unwrap_or_default().contains("jours"), "{wide}");
        assert!(wide.contains("Présentation du Guide au Colloque national des représentants municipaux de la prestation des services"));
    }

    #[test]
    fn titles_wrap_to_the_terminal() {
        let mut out = Vec::new();
        let style = Style { color: false, ui: Ui::Fr, width: Some(40) };
        title(&mut out, style, "Guide des partenariats de service — Stratégie de mobilisation 2018").expect("written");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(text.lines().count() > 1 && text.lines().all(|l| fit::cells(l) <= 40), "{text}");
        let mut out = Vec::new();
        parts(&mut out, style, &["fin projetée\u{a0}: 15 décembre 2018".into(), "(16 jours d'avance)".into()]).expect("written");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), "  fin projetée\u{a0}: 15 décembre 2018\n  (16 jours d'avance)\n");
    }
}
