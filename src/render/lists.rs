//! Lists of items, one item in full, and the journal: from JSON rows, so that every format
//! shows the same fields.

use std::io::Write;

use serde_json::Value;

use super::Style;
use super::csv_out::{Field, Guarded};
use super::table::{self, Styled, Tone, toned};
use crate::error::{Error, Result};
use crate::i18n::{self, Ui, t};
use crate::model::types::{State, Status};
use crate::store::Entry;

/// A JSON value as one cell of text: arrays joined with `;`, null as empty.
fn flat(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(flat).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// Rows as CSV: the header is the fields of the first row, every text cell guarded.
pub fn csv(out: &mut dyn Write, rows: &[Value]) -> Result<()> {
    let mut csv = Guarded::new(out);
    let Some(Value::Object(first)) = rows.first() else { return csv.flush() };
    let header: Vec<&str> = first.keys().map(String::as_str).collect();
    csv.row(&header.iter().map(|h| Field::Text(h)).collect::<Vec<_>>())?;
    for row in rows {
        let cells: Vec<String> = header.iter().map(|h| row.get(*h).map(flat).unwrap_or_default()).collect();
        csv.row(&cells.iter().map(|c| Field::Text(c)).collect::<Vec<_>>())?;
    }
    csv.flush()
}

/// The columns a human list shows, in order, with their headers and which may wrap.
const COLUMNS: &[(&str, i18n::Text, bool)] = &[
    ("key", t::KEY, false),
    ("name", t::NAME, true),
    ("title", t::TITLE, true),
    ("topic", t::TITLE, true),
    ("order", t::ORDER, false),
    ("jurisdiction", t::LOCATION, true),
    ("members", t::MEMBERS, true),
    ("table", t::TABLE, false),
    ("date", t::DATE, false),
    ("due", t::DUE, false),
    ("owner", t::OWNER, true),
    ("location", t::LOCATION, true),
    ("status", t::STATUS, false),
    ("done_on", t::DONE_ON, false),
    ("state", t::STATE, false),
];

fn localized(ui: Ui, field: &str, row: &Value) -> Styled {
    let v = row.get(field).unwrap_or(&Value::Null);
    let text_fr = |base: &str| match ui {
        Ui::Fr => row.get(format!("{base}_fr")).filter(|x| !x.is_null()).unwrap_or(v),
        Ui::En => v,
    };
    match field {
        "status" => flat(v).parse::<Status>().map(|s| Styled::from(i18n::status(ui, s))).unwrap_or_default(),
        "state" => match flat(v).parse::<State>() {
            Ok(s) => toned(i18n::state(ui, s), if s == State::Overdue { Tone::Alert } else { Tone::Plain }),
            Err(_) => Styled::default(),
        },
        "order" => flat(v).parse().map(|o| Styled::from(i18n::order(ui, o))).unwrap_or_default(),
        "name" | "title" | "topic" => flat(text_fr(field)).into(),
        "members" => v.as_array().map_or(0, Vec::len).to_string().into(),
        _ => value_text(ui, field, v).into(),
    }
}

/// A field's value for people: dates the interface's way, closed-set values in words.
fn value_text(ui: Ui, field: &str, v: &Value) -> String {
    let raw = flat(v);
    match field {
        "date" | "end_date" | "due" | "done_on" | "start" | "end" => {
            raw.parse::<chrono::NaiveDate>().map(|d| i18n::date(ui, d)).unwrap_or(raw)
        }
        "kind" | "lang" => i18n::value(ui, &raw).map(str::to_string).unwrap_or(raw),
        _ => raw,
    }
}

/// Rows as a human table with the columns they have.
pub fn table(out: &mut dyn Write, style: Style, rows: &[Value]) -> Result<()> {
    let ui = style.ui;
    let Some(first) = rows.first() else {
        return writeln!(out, "({})", t::NONE.get(ui)).map_err(Error::output);
    };
    let cols: Vec<&(&str, i18n::Text, bool)> = COLUMNS.iter().filter(|(f, _, _)| first.get(*f).is_some()).collect();
    let headers: Vec<&str> = cols.iter().map(|(_, h, _)| h.get(ui)).collect();
    let wrap: Vec<usize> = cols.iter().enumerate().filter(|(_, c)| c.2).map(|(i, _)| i).collect();
    let body = rows.iter().map(|r| cols.iter().map(|(f, _, _)| localized(ui, f, r)).collect()).collect();
    table::write(out, style, &headers, &wrap, body)
}

/// One item in full (`field: value` lines), then its journal.
pub fn show(out: &mut dyn Write, style: Style, item: &Value, journal: &[Entry]) -> Result<()> {
    if let Value::Object(map) = item {
        let width = map.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        let labels: Vec<(String, String)> = map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| {
                let value = match k.as_str() {
                    "status" | "state" | "order" => localized(style.ui, k, item).text,
                    _ => value_text(style.ui, k, v),
                };
                (i18n::field(style.ui, k).unwrap_or(k).to_string(), value)
            })
            .collect();
        let width = labels.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(width);
        let colon = if style.ui == Ui::Fr { " :" } else { ":" };
        for (k, v) in labels {
            let pad = width - k.chars().count();
            writeln!(out, "{:pad$}{k}{colon} {v}", "").map_err(Error::output)?;
        }
    }
    writeln!(out).map_err(Error::output)?;
    table::title(out, style, t::JOURNAL.get(style.ui))?;
    history(out, style, journal)
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
            let change = match e.action.as_str() {
                "update" => super::messages::describe(ui, e.before.as_ref(), e.after.as_ref()),
                other => i18n::action(ui, other, &e.kind),
            };
            let noun = i18n::noun(&e.kind);
            let kind = if ui == Ui::Fr { noun.fr } else { noun.en };
            vec![
                Styled::from(e.at.get(..16).unwrap_or(&e.at).replace('T', " ")),
                e.actor.as_str().into(),
                e.command.as_str().into(),
                format!("{kind} {}", e.key).into(),
                change.into(),
            ]
        })
        .collect();
    table::write(out, style, &[t::WHEN.get(ui), t::WHO.get(ui), t::COMMAND.get(ui), t::ITEM.get(ui), t::CHANGE.get(ui)], &[2, 3, 4], rows)
}
