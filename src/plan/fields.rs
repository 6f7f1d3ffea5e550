//! Reading the fields of one TOML table of a plan file, with every problem recorded at its
//! position instead of stopping at the first.

use chrono::NaiveDate;
use serde_spanned::Spanned;
use toml::de::{DeTable, DeValue};

use super::source::{Pos, Problems};

/// The fields of one table, each consumed once; what is left over is an unknown field.
pub struct Fields<'t, 'i> {
    /// What the table is, for messages: `organization 'fed'`, `[campaign]`.
    pub what: String,
    pub pos: Pos,
    entries: Vec<(&'t str, &'t Spanned<DeValue<'i>>, bool)>,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(what: impl Into<String>, pos: Pos, table: &'t DeTable<'i>) -> Self {
        let entries = table.iter().map(|(k, v)| (k.get_ref().as_ref(), v, false)).collect();
        Fields { what: what.into(), pos, entries }
    }

    /// Names the table once its key is known.
    pub fn rename(&mut self, what: String) {
        self.what = what;
    }

    fn take(&mut self, name: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.entries.iter_mut().find(|(k, _, _)| *k == name).map(|(_, v, used)| {
            *used = true;
            *v
        })
    }

    /// The position of a field's value, or of the table when the field is absent.
    pub fn pos_of(&self, p: &Problems, name: &str) -> Pos {
        self.entries.iter().find(|(k, _, _)| *k == name).map_or(self.pos, |(_, v, _)| p.pos(v.span()))
    }

    /// A string field, if present and a string.
    pub fn string(&mut self, p: &mut Problems, name: &str) -> Option<String> {
        let value = self.take(name)?;
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                p.add(p.pos(value.span()), format!("{}: '{name}' must be a string, not {}", self.what, type_name(other)));
                None
            }
        }
    }

    /// A string field that must be present.
    pub fn required_string(&mut self, p: &mut Problems, name: &str) -> Option<String> {
        let found = self.string(p, name);
        if found.is_none() && !self.has(name) {
            p.add(self.pos, format!("{}: '{name}' is required", self.what));
        }
        found
    }

    /// A non-empty text field: like [`Fields::string`], but an empty or blank value is an error.
    pub fn text(&mut self, p: &mut Problems, name: &str) -> Option<String> {
        let pos = self.pos_of(p, name);
        let value = self.string(p, name)?;
        if value.trim().is_empty() {
            p.add(pos, format!("{}: '{name}' cannot be empty", self.what));
            return None;
        }
        Some(value)
    }

    fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|(k, _, _)| *k == name)
    }

    /// A date field: a TOML local date or a `"YYYY-MM-DD"` string.
    pub fn date(&mut self, p: &mut Problems, name: &str) -> Option<NaiveDate> {
        let value = self.take(name)?;
        let pos = p.pos(value.span());
        let parsed = match value.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .ok_or_else(|| format!("{d} is not a real date")),
                _ => Err(format!("'{dt}' must be a date without a time (YYYY-MM-DD)")),
            },
            DeValue::String(s) => parse_date(s),
            other => Err(format!("must be a date (YYYY-MM-DD), not {}", type_name(other))),
        };
        parsed.map_err(|e| p.add(pos, format!("{}: '{name}' {e}", self.what))).ok()
    }

    /// A date field that must be present.
    pub fn required_date(&mut self, p: &mut Problems, name: &str) -> Option<NaiveDate> {
        let present = self.has(name);
        let found = self.date(p, name);
        if !present {
            p.add(self.pos, format!("{}: '{name}' is required", self.what));
        }
        found
    }

    /// A non-negative integer field.
    pub fn count(&mut self, p: &mut Problems, name: &str) -> Option<i64> {
        let value = self.take(name)?;
        let pos = p.pos(value.span());
        match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) if (0..=36_500).contains(&n) => Some(n),
                _ => {
                    p.add(pos, format!("{}: '{name}' must be a whole number of days from 0 to 36500", self.what));
                    None
                }
            },
            other => {
                p.add(pos, format!("{}: '{name}' must be a whole number, not {}", self.what, type_name(other)));
                None
            }
        }
    }

    /// An array of strings, each with its position.
    pub fn strings(&mut self, p: &mut Problems, name: &str) -> Vec<(String, Pos)> {
        let Some(value) = self.take(name) else { return Vec::new() };
        let DeValue::Array(items) = value.get_ref() else {
            p.add(p.pos(value.span()), format!("{}: '{name}' must be an array of strings", self.what));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.to_string(), p.pos(item.span()))),
                other => p.add(p.pos(item.span()), format!("{}: '{name}' must hold strings, not {}", self.what, type_name(other))),
            }
        }
        out
    }

    /// A field holding one of a closed set of values.
    pub fn choice<T>(&mut self, p: &mut Problems, name: &str, parse: fn(&str) -> Option<T>, choices: fn() -> String) -> Option<T> {
        let pos = self.pos_of(p, name);
        let text = self.string(p, name)?;
        let found = parse(&text);
        if found.is_none() {
            p.add(pos, format!("{}: '{name}' is '{text}', expected one of: {}", self.what, choices()));
        }
        found
    }

    /// An array of tables (`[[meeting.agenda]]`), each with its position.
    pub fn tables(&mut self, p: &mut Problems, name: &str) -> Vec<(&'t DeTable<'i>, Pos)> {
        let Some(value) = self.take(name) else { return Vec::new() };
        array_of_tables(p, name, value)
    }

    /// Reports every field that was never consumed as unknown.
    pub fn finish(self, p: &mut Problems) {
        for (name, value, used) in self.entries {
            if !used {
                p.add(p.pos(value.span()), format!("{}: unknown field '{name}'", self.what));
            }
        }
    }
}

/// The tables of an array of tables (`[[name]]`), each with its position.
pub fn array_of_tables<'t, 'i>(p: &mut Problems, name: &str, value: &'t Spanned<DeValue<'i>>) -> Vec<(&'t DeTable<'i>, Pos)> {
    let DeValue::Array(items) = value.get_ref() else {
        p.add(p.pos(value.span()), format!("'{name}' must be an array of tables: write [[{name}]]"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(t) => out.push((t, p.pos(item.span()))),
            other => p.add(p.pos(item.span()), format!("'{name}' must hold tables, not {}", type_name(other))),
        }
    }
    out
}

/// Parses a `YYYY-MM-DD` date, refusing anything else (times, impossible days, other layouts).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10 && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(format!("'{text}' is not a date: write YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("'{text}' is not a real date"))
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2018-07-18"), Ok(NaiveDate::from_ymd_opt(2018, 7, 18).unwrap()));
        for bad in ["2027-02-30", "2027-13-01", "yesterday-ish", "2018-7-18", "18-07-2018", "2018-07-18T00:00", ""] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
