//! Lists of items, one item in full with everything that refers to it, and the journal: from
//! typed rows ([`Listed`]), so that every format shows the same fields.

use std::io::Write;

use super::Style;
use super::csv_out::{Field, Guarded};
use super::table::{self, Styled, Tone, toned};
use crate::error::{Error, Result};
use crate::i18n::{self, Ui, t};
use crate::model::change::Action;
use crate::model::journal::Entry;
use crate::model::listing::{Cell, Listed};
use crate::model::plan::Measure;
use crate::model::schedule::Figures;
use crate::model::types::{Family, State};

/// A cell as plain text for CSV: ISO dates, canonical spellings, keys joined with `;`.
fn plain(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.unwrap_or_default().to_string(),
        Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Cell::Choice(c) => c.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Order(o) => o.as_str().to_string(),
        Cell::MaybeOrder(o) => o.map(|o| o.as_str().to_string()).unwrap_or_default(),
        Cell::Decimal(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Cell::Status(s) => s.as_str().to_string(),
        Cell::State(s) => s.as_str().to_string(),
        Cell::Number(n) => n.to_string(),
        Cell::Keys(k) => k.join(";"),
        Cell::MaybeKeys(k) => k.map(|k| k.join(";")).unwrap_or_default(),
    }
}

/// Rows as CSV: one column per field, in the order of the JSON fields; every text cell guarded.
pub fn csv(out: &mut dyn Write, rows: &[Listed]) -> Result<()> {
    let mut csv = Guarded::new(out);
    let Some(first) = rows.first() else { return csv.flush() };
    let header: Vec<&str> = first.cells().iter().map(|(name, _)| *name).collect();
    csv.row(&header.iter().map(|h| Field::Text(h)).collect::<Vec<_>>())?;
    for row in rows {
        let cells: Vec<String> = row.cells().iter().map(|(_, c)| plain(c)).collect();
        csv.row(&cells.iter().map(|c| Field::Text(c)).collect::<Vec<_>>())?;
    }
    csv.flush()
}

/// The columns a human list shows, in order, with their headers, whether they wrap, and when
/// they give way on a narrow terminal (lower goes first; `None` never goes).
const COLUMNS: &[(&str, i18n::Text, bool, Option<u8>)] = &[
    ("key", t::KEY, false, None),
    ("name", t::NAME, true, None),
    ("title", t::TITLE, true, None),
    ("topic", t::TOPIC, true, None),
    ("order", t::ORDER, false, Some(4)),
    ("jurisdiction", t::JURISDICTION, true, Some(2)),
    ("members", t::MEMBERS, false, Some(3)),
    ("table", t::TABLE, false, Some(5)),
    ("meeting", t::MEETING, false, Some(4)),
    ("date", t::DATE, false, None),
    ("due", t::DUE, false, None),
    ("material", t::MATERIAL, false, None),
    ("to", t::TO, false, None),
    ("organization", t::ORGANIZATION, false, Some(4)),
    ("role", t::ROLE, true, Some(2)),
    ("email", t::EMAIL, false, Some(3)),
    ("via", t::VIA, false, Some(1)),
    ("owner", t::OWNER, true, Some(3)),
    ("location", t::LOCATION, true, Some(2)),
    ("status", t::STATUS, false, Some(1)),
    ("done_on", t::DONE_ON, false, Some(0)),
    ("acknowledged_on", t::ACKNOWLEDGED_ON, false, Some(0)),
    ("state", t::STATE, false, None),
    ("target", t::TARGET, false, Some(3)),
    ("value", t::VALUE, false, None),
    ("percent_of_target", t::PERCENT_OF_TARGET, false, None),
    ("measured_on", t::MEASURED_ON, false, Some(2)),
];

/// A cell for people: dates the interface's way, closed-set values in words, a name or title in
/// French where the item has one and the interface speaks French; `in_table` counts lists.
fn human(style: Style, row: &Listed, field: &str, cell: &Cell, in_table: bool) -> Styled {
    let ui = style.ui;
    match cell {
        Cell::Text(t) => {
            let french = if ui == Ui::Fr { row.french(field) } else { None };
            french.or(*t).unwrap_or_default().into()
        }
        Cell::Date(d) if in_table => d.map(|d| super::reports::table_date(style, d)).unwrap_or_default().into(),
        Cell::Date(d) => d.map(|d| i18n::date(ui, d)).unwrap_or_default().into(),
        Cell::Choice(c) => i18n::value(ui, c).unwrap_or(c).into(),
        Cell::Bool(b) => if *b { t::YES } else { t::NO }.get(ui).into(),
        Cell::Order(o) => i18n::order(ui, *o).into(),
        Cell::MaybeOrder(o) => o.map(|o| i18n::order(ui, o)).unwrap_or_default().into(),
        Cell::Decimal(Some(n)) if field == "percent_of_target" => i18n::percent(ui, *n).into(),
        Cell::Decimal(n) => n.map(|n| i18n::number(ui, n)).unwrap_or_default().into(),
        Cell::Status(s) => i18n::status(ui, *s).into(),
        Cell::State(s) => toned(i18n::state(ui, *s), if *s == State::Overdue { Tone::Alert } else { Tone::Plain }),
        Cell::Number(n) => n.to_string().into(),
        Cell::Keys(k) if in_table => k.len().to_string().into(),
        Cell::Keys(k) => k.join(", ").into(),
        Cell::MaybeKeys(None) => t::NOT_RECORDED.get(ui).into(),
        Cell::MaybeKeys(Some([])) => t::NOBODY.get(ui).into(),
        Cell::MaybeKeys(Some(k)) if in_table => k.len().to_string().into(),
        Cell::MaybeKeys(Some(k)) => k.join(", ").into(),
    }
}

/// Rows as a human table with the columns they have.
pub fn table(out: &mut dyn Write, style: Style, rows: &[Listed]) -> Result<()> {
    let ui = style.ui;
    let Some(first) = rows.first() else {
        return writeln!(out, "({})", t::NONE.get(ui)).map_err(Error::output);
    };
    let present: Vec<&str> = first.cells().iter().map(|(n, _)| *n).collect();
    let cols: Vec<_> = COLUMNS.iter().filter(|(f, ..)| present.contains(f)).collect();
    let headers: Vec<&str> = cols.iter().map(|(_, h, ..)| h.get(ui)).collect();
    let wrap: Vec<usize> = cols.iter().enumerate().filter(|(_, c)| c.2).map(|(i, _)| i).collect();
    let mut drop: Vec<(u8, usize)> = cols.iter().enumerate().filter_map(|(i, c)| c.3.map(|rank| (rank, i))).collect();
    drop.sort();
    let drop: Vec<usize> = drop.into_iter().map(|(_, i)| i).collect();
    let body = rows
        .iter()
        .map(|r| {
            let cells = r.cells();
            cols.iter()
                .map(|(f, ..)| cells.iter().find(|(n, _)| n == f).map(|(n, c)| human(style, r, n, c, true)).unwrap_or_default())
                .collect()
        })
        .collect();
    table::write_fitted(out, style, &headers, table::Columns { wrap: &wrap, drop: &drop }, body)
}

/// What `show` prints of one item: its fields, then everything that refers to it.
pub struct Shown {
    pub item: Listed,
    /// Sections of related items, each under its title.
    pub related: Vec<(i18n::Text, Vec<Listed>)>,
    /// A milestone's forecast, slip and float.
    pub schedule: Option<Figures>,
    /// A result's measurements up to the as-of day.
    pub measures: Vec<Measure>,
}

/// One item in full (`field: value` lines), the items that refer to it, then its journal.
pub fn show(out: &mut dyn Write, style: Style, shown: &Shown, journal: &[Entry]) -> Result<()> {
    let ui = style.ui;
    let item = &shown.item;
    // A meeting over several days shows its span on one line (`du 1er au 3 octobre 2018`).
    let span = match item {
        Listed::Meeting(m) => match (m.date, m.end_date) {
            (Some(date), Some(end)) if end > date => Some(i18n::date_range(ui, date, end)),
            _ => None,
        },
        _ => None,
    };
    let mut lines: Vec<(String, Styled)> = item
        .cells()
        .iter()
        .filter(|(_, c)| !matches!(c, Cell::Text(None) | Cell::Date(None)))
        .filter(|(name, _)| span.is_none() || *name != "end_date")
        .map(|(name, c)| {
            let value = match (&span, *name) {
                (Some(span), "date") => span.as_str().into(),
                _ => human(style, item, name, c, false),
            };
            (i18n::field(ui, name).unwrap_or(name).to_string(), value)
        })
        .collect();
    if let Some(f) = &shown.schedule {
        lines.push((t::FORECAST.get(ui).to_string(), i18n::date(ui, f.forecast).into()));
        lines.push((t::SLIP.get(ui).to_string(), i18n::slip(ui, Some(f.slip_days)).into()));
        lines.push((t::FLOAT.get(ui).to_string(), format!("{} {}", f.float_days, t::DAYS.get(ui)).into()));
    }
    let width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let colon = if ui == Ui::Fr { "\u{a0}:" } else { ":" };
    for (k, v) in lines {
        let pad = width - k.chars().count();
        writeln!(out, "{:pad$}{k}{colon} {}", "", v.text).map_err(Error::output)?;
    }
    if matches!(item, Listed::Result(_)) {
        writeln!(out).map_err(Error::output)?;
        table::title(out, style, t::MEASURES_TITLE.get(ui))?;
        measures(out, style, &shown.measures)?;
    }
    for (title, rows) in &shown.related {
        writeln!(out).map_err(Error::output)?;
        table::title(out, style, title.get(ui))?;
        table(out, style, rows)?;
    }
    writeln!(out).map_err(Error::output)?;
    table::title(out, style, t::JOURNAL.get(ui))?;
    history(out, style, journal)
}

/// A result's measurements as a table: day, value, note.
fn measures(out: &mut dyn Write, style: Style, measures: &[Measure]) -> Result<()> {
    let ui = style.ui;
    if measures.is_empty() {
        return writeln!(out, "({})", t::NONE.get(ui)).map_err(Error::output);
    }
    let rows = measures
        .iter()
        .map(|m| {
            vec![
                Styled::from(super::reports::table_date(style, m.on)),
                i18n::number(ui, m.value).into(),
                m.note.clone().unwrap_or_default().into(),
            ]
        })
        .collect();
    table::write(out, style, &[t::DATE.get(ui), t::VALUE.get(ui), t::NOTE.get(ui)], &[2], rows)
}

/// The family a listed row is of.
pub fn family(row: &Listed) -> Family {
    match row {
        Listed::Organization(_) => Family::Organization,
        Listed::Table(_) => Family::Table,
        Listed::Meeting(_) => Family::Meeting,
        Listed::AgendaItem(_) => Family::AgendaItem,
        Listed::Channel(_) => Family::Channel,
        Listed::Material(_) => Family::Material,
        Listed::Milestone(_) => Family::Milestone,
        Listed::Person(_) => Family::Person,
        Listed::Distribution(_) => Family::Distribution,
        Listed::Action(_) => Family::Action,
        Listed::Result(_) => Family::Result,
    }
}

/// The journal as a table, newest first.
pub fn history(out: &mut dyn Write, style: Style, entries: &[Entry]) -> Result<()> {
    let ui = style.ui;
    if entries.is_empty() {
        return writeln!(out, "({})", t::NONE.get(ui)).map_err(Error::output);
    }
    let rows = entries
        .iter()
        .map(|e| {
            let change = match e.action {
                Action::Update => super::messages::describe(ui, e.before.as_ref(), e.after.as_ref()),
                Action::Create | Action::Delete => i18n::action(ui, e.action, e.kind),
            };
            let noun = i18n::noun(e.kind);
            let kind = if ui == Ui::Fr { noun.fr } else { noun.en };
            vec![
                Styled::from(i18n::timestamp(ui, &e.at)),
                e.actor.as_str().into(),
                e.command.as_str().into(),
                format!("{kind} {}", e.key).into(),
                change.into(),
            ]
        })
        .collect();
    table::write(out, style, &[t::WHEN.get(ui), t::WHO.get(ui), t::COMMAND.get(ui), t::ITEM.get(ui), t::CHANGE.get(ui)], &[2, 3, 4], rows)
}
