//! The calendar feed (RFC 5545): meetings as all-day events over their dates, open deadlines as
//! all-day events on their date. UIDs are stable (`KIND-KEY@engage`), so that a calendar
//! re-importing the feed updates events instead of duplicating them.
//!
//! Written here rather than through a calendar library, so that every rule that keeps the feed
//! sound is in one place: every TEXT value (the calendar's name included) is escaped
//! ([`escape_text`]), so that no value can end a line, start a property or add an event; every
//! line is folded at 75 octets and ends with CRLF ([`content_line`]).

use std::io::Write;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::i18n::{self, Ui, t};
use crate::model::dates::add_days;
use crate::model::plan::Plan;
use crate::model::state::assess;
use crate::model::types::{Family, is_unsafe_char};
use crate::msg;

/// A TEXT value escaped as RFC 5545 (3.3.11) asks: backslash, semicolon and comma behind a
/// backslash, a line break (LF, CRLF or a lone CR) as `\n`; tabs are kept and every other
/// control character (and the separators and bidi controls of [`is_unsafe_char`]) is dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line is longer than 75 octets (a continuation line
/// starts with one space), never inside a character; every line ends with CRLF.
pub fn content_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// The lines of a calendar, written as they are added.
struct Feed {
    text: String,
}

impl Feed {
    fn raw(&mut self, line: &str) {
        self.text.push_str(&content_line(line));
    }

    fn text(&mut self, name: &str, value: &str) {
        self.raw(&format!("{name}:{}", escape_text(value)));
    }

    fn date(&mut self, name: &str, date: NaiveDate) {
        self.raw(&format!("{name};VALUE=DATE:{}", date.format("%Y%m%d")));
    }
}

/// One all-day event from `first` to `last` (both included).
struct Event<'a> {
    kind: Family,
    key: &'a str,
    summary: &'a str,
    first: NaiveDate,
    last: NaiveDate,
    description: &'a str,
    location: Option<&'a str>,
}

impl Feed {
    fn event(&mut self, e: &Event, stamp: &str) {
        self.raw("BEGIN:VEVENT");
        self.text("UID", &format!("{}-{}@engage", e.kind.as_str(), e.key));
        self.raw(&format!("DTSTAMP:{stamp}"));
        self.text("SUMMARY", e.summary);
        self.date("DTSTART", e.first);
        // DTEND of an all-day event is the day after its last (exclusive).
        self.date("DTEND", add_days(e.last, 1).max(add_days(e.first, 1)));
        self.text("DESCRIPTION", e.description);
        if let Some(loc) = e.location {
            self.text("LOCATION", loc);
        }
        self.raw("END:VEVENT");
    }
}

/// `text` with its first letter in capitals: `Jalon`, `Milestone`.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn pick<'a>(ui: Ui, en: &'a str, fr: &'a Option<String>) -> &'a str {
    match ui {
        Ui::Fr => fr.as_deref().unwrap_or(en),
        Ui::En => en,
    }
}

/// Writes the calendar of `plan` as of `as_of`.
pub fn calendar(out: &mut dyn Write, ui: Ui, plan: &Plan, as_of: NaiveDate) -> Result<()> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let mut feed = Feed { text: String::new() };
    feed.raw("BEGIN:VCALENDAR");
    feed.raw("VERSION:2.0");
    feed.raw("PRODID:-//engage//engagement campaign//EN");
    feed.raw("CALSCALE:GREGORIAN");
    if let Some(c) = &plan.campaign {
        let name = pick(ui, &c.name, &c.name_fr);
        feed.text("NAME", name);
        feed.text("X-WR-CALNAME", name);
    }
    let colon = if ui == Ui::Fr { "\u{a0}:" } else { ":" };
    for m in plan.meetings.values() {
        let table = plan.tables.get(&m.table);
        let table_name = table.map_or(m.table.as_str(), |t| pick(ui, &t.name, &t.name_fr));
        let mut lines = vec![format!("{}{colon} {table_name}", t::TABLE.get(ui))];
        if let (Some(date), Some(end)) = (m.date, m.end_date.filter(|end| m.date.is_some_and(|d| *end > d))) {
            lines.push(format!("{}{colon} {}", t::DATE.get(ui), i18n::date_range(ui, date, end)));
        }
        let start = (m.key.clone(), String::new());
        for a in plan.agenda.range(start..).map(|(_, a)| a).take_while(|a| a.meeting == m.key) {
            lines.push(format!("- {} ({})", pick(ui, &a.topic, &a.topic_fr), i18n::status(ui, a.progress.status)));
        }
        // The follow-ups committed at the meeting, each with its due date.
        for action in plan.actions.values().filter(|x| x.meeting.as_deref() == Some(m.key.as_str())) {
            let due = action.due.map(|d| format!(", {}", i18n::date(ui, d))).unwrap_or_default();
            lines.push(format!("→ {} ({}{due})", pick(ui, &action.title, &action.title_fr), i18n::kind(ui, Family::Action)));
        }
        let description = lines.join("\n");
        // A meeting only requested has no day in the calendar yet.
        let Some(date) = m.date else { continue };
        let event = Event {
            kind: Family::Meeting,
            key: &m.key,
            summary: table_name,
            first: date,
            last: m.end_date.unwrap_or(date),
            description: &description,
            location: m.location.as_deref(),
        };
        feed.event(&event, &stamp);
    }
    let mut deadline =
        |kind: Family, key: &str, title: &str, owner: &Option<String>, date: Option<NaiveDate>, p: &crate::model::plan::Progress| {
            let p = p.seen_on(as_of);
            let Some(date) = date.filter(|_| p.status.is_open()) else { return };
            let state = assess(p.status, p.done_on, Some(date), as_of);
            let description = format!(
                "{}{colon} {}\n{}{colon} {}\n{}{colon} {}",
                t::KIND.get(ui),
                i18n::kind(ui, kind),
                t::OWNER.get(ui),
                owner.as_deref().unwrap_or("—"),
                t::STATE.get(ui),
                i18n::state(ui, state)
            );
            let summary = format!("{} — {title}", capitalized(i18n::kind(ui, kind)));
            let event = Event { kind, key, summary: &summary, first: date, last: date, description: &description, location: None };
            feed.event(&event, &stamp);
        };
    for m in plan.milestones.values() {
        deadline(Family::Milestone, &m.key, pick(ui, &m.title, &m.title_fr), &m.owner, Some(m.due), &m.progress);
    }
    for c in plan.channels.values() {
        deadline(Family::Channel, &c.key, pick(ui, &c.name, &c.name_fr), &c.owner, c.due, &c.progress);
    }
    for m in plan.materials.values() {
        deadline(Family::Material, &m.key, pick(ui, &m.title, &m.title_fr), &m.owner, m.due, &m.progress);
    }
    for a in plan.actions.values() {
        deadline(Family::Action, &a.key, pick(ui, &a.title, &a.title_fr), &a.owner, a.due, &a.progress);
    }
    feed.raw("END:VCALENDAR");
    out.write_all(feed.text.as_bytes()).map_err(|e| Error::io(msg!("writing the calendar", "écriture du calendrier"), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let cases: &[(&str, &str)] = &[
            ("plain", "plain"),
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("one\ntwo", "one\\ntwo"),
            ("one\r\ntwo", "one\\ntwo"),
            ("one\rtwo", "one\\ntwo"),
            ("x\r\nEND:VEVENT\r\nBEGIN:VEVENT", "x\\nEND:VEVENT\\nBEGIN:VEVENT"),
            ("esc\x1b[2J\u{85}\u{202e}", "esc[2J"),
            ("tab\tkept", "tab\tkept"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_text(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn lines_are_folded_at_75_octets() {
        let long = format!("SUMMARY:{}", "é".repeat(100));
        let folded = content_line(&long);
        assert!(folded.ends_with("\r\n"));
        for line in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
        assert_eq!(content_line("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
    }
}
