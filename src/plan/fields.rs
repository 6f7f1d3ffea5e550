//! Reading the fields of one TOML table of a plan file, with every problem recorded at its
//! position instead of stopping at the first.

use std::sync::Arc;

use chrono::NaiveDate;
use serde_spanned::Spanned;
use toml::de::{DeTable, DeValue};

use super::source::{Pos, Problems};
use crate::i18n::Msg;
use crate::model::dates::check_range;
use crate::model::types::Family;
use crate::model::types::{check_line, check_note, normalize_note};
use crate::msg;

/// What a table of a plan file is, for messages (`organization 'fed'`, `[campaign]`, `table
/// 'council': member`), put into words only when a message needs them: reading a large file
/// without mistakes names none of its items.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// Words as they are: `[campaign]`.
    Words(Msg),
    /// An item whose key is not known (yet): `organization`.
    Section(Family),
    /// An item by its key (`MEETING/ITEM` for an agenda item): `organization 'fed'`.
    Item(Family, Arc<str>),
    /// A part of another (`meeting 'm': agenda item`, `table 'council': member`): English, French.
    Part(Arc<What>, &'static str, &'static str),
}

impl What {
    /// The words.
    pub fn msg(&self) -> Msg {
        match self {
            What::Words(m) => m.clone(),
            What::Section(family) => {
                let n = crate::i18n::noun(*family);
                Msg { en: n.en.to_string(), fr: n.fr.to_string() }
            }
            What::Item(family, key) => crate::i18n::noun(*family).named(key),
            What::Part(of, en, fr) => of.msg().join(": ", "\u{a0}: ", &Msg { en: en.to_string(), fr: fr.to_string() }),
        }
    }

    /// `self` then `other`, each language with its own separator.
    pub fn join(&self, sep_en: &str, sep_fr: &str, other: &Msg) -> Msg {
        self.msg().join(sep_en, sep_fr, other)
    }

    /// A part of this (`member` of `table 'council'`).
    pub fn part(&self, en: &'static str, fr: &'static str) -> What {
        What::Part(Arc::new(self.clone()), en, fr)
    }
}

/// The fields of one table, each consumed once; what is left over is an unknown field.
pub struct Fields<'t, 'i> {
    /// What the table is, for messages: `organization 'fed'` / `organisation « fed »`, `[campaign]`.
    pub what: What,
    pub pos: Pos,
    entries: Vec<(&'t str, &'t Spanned<DeValue<'i>>, bool)>,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(what: What, pos: Pos, table: &'t DeTable<'i>) -> Self {
        let entries = table.iter().map(|(k, v)| (k.get_ref().as_ref(), v, false)).collect();
        Fields { what, pos, entries }
    }

    /// Names the table once its key is known.
    pub fn rename(&mut self, what: What) {
        self.what = what;
    }

    /// A problem of this table: `what: message`.
    pub fn problem(&self, message: Msg) -> Msg {
        self.what.join(": ", "\u{a0}: ", &message)
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

    /// A string field, if present and a string. Every field is one line without control
    /// characters, except `note`, which may hold line feeds and tabs (CRLF is read as LF).
    pub fn string(&mut self, p: &mut Problems, name: &str) -> Option<String> {
        let value = self.take(name)?;
        match value.get_ref() {
            DeValue::String(s) => {
                let (text, checked) = if name == "note" {
                    let text = normalize_note(s.to_string());
                    let checked = check_note(name, &text);
                    (text, checked)
                } else {
                    (s.to_string(), check_line(name, s))
                };
                match checked {
                    Ok(()) => Some(text),
                    Err(e) => {
                        p.add(p.pos(value.span()), self.problem(e));
                        None
                    }
                }
            }
            other => {
                let (t, tf) = type_name(other);
                p.add(
                    p.pos(value.span()),
                    self.problem(msg!("'{name}' must be a string, not {t}", "«\u{202f}{name}\u{202f}» doit être une chaîne, pas {tf}")),
                );
                None
            }
        }
    }

    /// A string field that must be present.
    pub fn required_string(&mut self, p: &mut Problems, name: &str) -> Option<String> {
        let found = self.string(p, name);
        if found.is_none() && !self.has(name) {
            p.add(self.pos, self.problem(required(name)));
        }
        found
    }

    /// A non-empty text field: like [`Fields::string`], but an empty or blank value is an error.
    pub fn text(&mut self, p: &mut Problems, name: &str) -> Option<String> {
        let pos = self.pos_of(p, name);
        let value = self.string(p, name)?;
        if value.trim().is_empty() {
            p.add(pos, self.problem(msg!("'{name}' cannot be empty", "«\u{202f}{name}\u{202f}» ne peut pas être vide")));
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
                    .ok_or_else(|| msg!("{d} is not a valid date", "{d} n'est pas une date valide"))
                    .and_then(check_range),
                _ => Err(msg!(
                    "'{dt}' must be a date without a time (YYYY-MM-DD)",
                    "«\u{202f}{dt}\u{202f}» doit être une date sans heure (AAAA-MM-JJ)"
                )),
            },
            DeValue::String(s) => parse_date(s),
            other => {
                let (t, tf) = type_name(other);
                Err(msg!("must be a date (YYYY-MM-DD), not {t}", "doit être une date (AAAA-MM-JJ), pas {tf}"))
            }
        };
        parsed
            .map_err(|e| {
                p.add(pos, self.problem(Msg { en: format!("'{name}' {}", e.en), fr: format!("«\u{202f}{name}\u{202f}»\u{a0}: {}", e.fr) }))
            })
            .ok()
    }

    /// A date field that must be present.
    pub fn required_date(&mut self, p: &mut Problems, name: &str) -> Option<NaiveDate> {
        let present = self.has(name);
        let found = self.date(p, name);
        if !present {
            p.add(self.pos, self.problem(required(name)));
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
                    p.add(
                        pos,
                        self.problem(msg!(
                            "'{name}' must be a whole number of days from 0 to 36500",
                            "«\u{202f}{name}\u{202f}» doit être un nombre entier de jours de 0 à 36500"
                        )),
                    );
                    None
                }
            },
            other => {
                let (t, tf) = type_name(other);
                p.add(
                    pos,
                    self.problem(msg!(
                        "'{name}' must be a whole number, not {t}",
                        "«\u{202f}{name}\u{202f}» doit être un nombre entier, pas {tf}"
                    )),
                );
                None
            }
        }
    }

    /// A true/false field, if present and a boolean.
    pub fn boolean(&mut self, p: &mut Problems, name: &str) -> Option<bool> {
        let value = self.take(name)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                let (t, tf) = type_name(other);
                p.add(
                    p.pos(value.span()),
                    self.problem(msg!(
                        "'{name}' must be true or false, not {t}",
                        "«\u{202f}{name}\u{202f}» doit être true ou false, pas {tf}"
                    )),
                );
                None
            }
        }
    }

    /// A number field: an integer or a float, finite.
    pub fn number(&mut self, p: &mut Problems, name: &str) -> Option<f64> {
        let value = self.take(name)?;
        let pos = p.pos(value.span());
        let number = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok().map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            other => {
                let (t, tf) = type_name(other);
                p.add(
                    pos,
                    self.problem(msg!("'{name}' must be a number, not {t}", "«\u{202f}{name}\u{202f}» doit être un nombre, pas {tf}")),
                );
                return None;
            }
        };
        match number.filter(|n| n.is_finite()) {
            Some(n) => Some(n),
            None => {
                p.add(pos, self.problem(msg!("'{name}' must be a finite number", "«\u{202f}{name}\u{202f}» doit être un nombre fini")));
                None
            }
        }
    }

    /// An array of strings, each with its position.
    pub fn strings(&mut self, p: &mut Problems, name: &str) -> Vec<(String, Pos)> {
        let Some(value) = self.take(name) else { return Vec::new() };
        let DeValue::Array(items) = value.get_ref() else {
            p.add(
                p.pos(value.span()),
                self.problem(msg!("'{name}' must be an array of strings", "«\u{202f}{name}\u{202f}» doit être un tableau de chaînes")),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => match check_line(name, s) {
                    Ok(()) => out.push((s.to_string(), p.pos(item.span()))),
                    Err(e) => p.add(p.pos(item.span()), self.problem(e)),
                },
                other => {
                    let (t, tf) = type_name(other);
                    p.add(
                        p.pos(item.span()),
                        self.problem(msg!(
                            "'{name}' must hold strings, not {t}",
                            "«\u{202f}{name}\u{202f}» doit contenir des chaînes, pas {tf}"
                        )),
                    )
                }
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
            let choices = choices();
            p.add(
                pos,
                self.problem(msg!(
                    "'{name}' is '{text}', expected one of: {choices}",
                    "«\u{202f}{name}\u{202f}» vaut «\u{202f}{text}\u{202f}», valeurs permises\u{a0}: {choices}"
                )),
            );
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
        let what = self.what;
        for (name, value, used) in self.entries {
            if !used {
                p.add(
                    p.pos(value.span()),
                    what.join(": ", "\u{a0}: ", &msg!("unknown field '{name}'", "champ inconnu «\u{202f}{name}\u{202f}»")),
                );
            }
        }
    }
}

/// The tables of an array of tables (`[[name]]`), each with its position.
pub fn array_of_tables<'t, 'i>(p: &mut Problems, name: &str, value: &'t Spanned<DeValue<'i>>) -> Vec<(&'t DeTable<'i>, Pos)> {
    let DeValue::Array(items) = value.get_ref() else {
        p.add(
            p.pos(value.span()),
            msg!(
                "'{name}' must be an array of tables: write [[{name}]]",
                "«\u{202f}{name}\u{202f}» doit être un tableau de tables\u{a0}: écrivez [[{name}]]"
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(t) => out.push((t, p.pos(item.span()))),
            other => {
                let (t, tf) = type_name(other);
                p.add(
                    p.pos(item.span()),
                    msg!("'{name}' must hold tables, not {t}", "«\u{202f}{name}\u{202f}» doit contenir des tables, pas {tf}"),
                )
            }
        }
    }
    out
}

/// Parses a `YYYY-MM-DD` date in the years 1900 to 9998, refusing anything else (times,
/// impossible days, other layouts, years out of range).
pub fn parse_date(text: &str) -> Result<NaiveDate, Msg> {
    let shaped = text.len() == 10 && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(msg!(
            "'{text}' is not a date: write YYYY-MM-DD",
            "«\u{202f}{text}\u{202f}» n'est pas une date\u{a0}: écrivez AAAA-MM-JJ"
        ));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| msg!("'{text}' is not a valid date", "«\u{202f}{text}\u{202f}» n'est pas une date valide"))
        .and_then(check_range)
}

/// `'name' is required`.
fn required(name: &str) -> Msg {
    msg!("'{name}' is required", "«\u{202f}{name}\u{202f}» est requis")
}

/// What a TOML value is, in words: English and French.
fn type_name(value: &DeValue<'_>) -> (&'static str, &'static str) {
    match value {
        DeValue::String(_) => ("a string", "une chaîne"),
        DeValue::Integer(_) => ("an integer", "un entier"),
        DeValue::Float(_) => ("a number", "un nombre"),
        DeValue::Boolean(_) => ("a boolean", "un booléen"),
        DeValue::Datetime(_) => ("a date", "une date"),
        DeValue::Array(_) => ("an array", "un tableau"),
        DeValue::Table(_) => ("a table", "une table"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2018-07-18"), Ok(NaiveDate::from_ymd_opt(2018, 7, 18).unwrap()));
        for bad in
            ["2027-02-30", "2027-13-01", "yesterday-ish", "2018-7-18", "18-07-2018", "2018-07-18T00:00", "", "0000-01-01", "9999-12-31"]
        {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
