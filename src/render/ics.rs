//! The calendar feed (RFC 5545): meetings as all-day events over their dates, open deadlines as
//! all-day events on their date. Written with the `icalendar` crate, which folds lines at 75
//! octets, escapes text and ends lines with CRLF. UIDs are stable (`KIND-KEY@engage`), so that a
//! calendar re-importing the feed updates events instead of duplicating them.

use std::io::Write;

use chrono::{Days, NaiveDate};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::error::{Error, Result};
use crate::i18n::{self, Ui, t};
use crate::model::plan::Plan;
use crate::model::state::assess;
use crate::model::types::Family;
use crate::msg;

fn uid(kind: Family, key: &str) -> String {
    format!("{}-{key}@engage", kind.as_str())
}

fn event(kind: Family, key: &str, summary: &str, first: NaiveDate, last: NaiveDate, description: &str) -> Event {
    Event::new()
        .uid(&uid(kind, key))
        .summary(summary)
        .starts(first)
        .ends(last.checked_add_days(Days::new(1)).unwrap_or(last))
        .description(description)
        .done()
}

fn pick<'a>(ui: Ui, en: &'a str, fr: &'a Option<String>) -> &'a str {
    match ui {
        Ui::Fr => fr.as_deref().unwrap_or(en),
        Ui::En => en,
    }
}

/// Writes the calendar of `plan` as of `as_of`.
pub fn calendar(out: &mut dyn Write, ui: Ui, plan: &Plan, as_of: NaiveDate) -> Result<()> {
    let mut cal = Calendar::new();
    if let Some(c) = &plan.campaign {
        cal.name(pick(ui, &c.name, &c.name_fr));
    }
    for m in plan.meetings.values() {
        let table = plan.tables.get(&m.table);
        let table_name = table.map_or(m.table.as_str(), |t| pick(ui, &t.name, &t.name_fr));
        let colon = if ui == Ui::Fr { " :" } else { ":" };
        let mut lines = vec![format!("{}{colon} {table_name}", t::TABLE.get(ui))];
        let start = (m.key.clone(), String::new());
        for a in plan.agenda.range(start..).map(|(_, a)| a).take_while(|a| a.meeting == m.key) {
            lines.push(format!("- {} ({})", pick(ui, &a.topic, &a.topic_fr), i18n::status(ui, a.progress.status)));
        }
        let mut e = event(Family::Meeting, &m.key, table_name, m.date, m.end_date.unwrap_or(m.date), &lines.join("\n"));
        if let Some(loc) = &m.location {
            e.location(loc);
        }
        cal.push(e);
    }
    let mut deadline =
        |kind: Family, key: &str, title: &str, owner: &Option<String>, date: Option<NaiveDate>, p: &crate::model::plan::Progress| {
            let Some(date) = date.filter(|_| p.status.is_open()) else { return };
            let state = assess(p.status, p.done_on, Some(date), as_of);
            let colon = if ui == Ui::Fr { " :" } else { ":" };
            let description = format!(
                "{}{colon} {}\n{}{colon} {}\n{}{colon} {}",
                t::KIND.get(ui),
                i18n::kind(ui, kind),
                t::OWNER.get(ui),
                owner.as_deref().unwrap_or("—"),
                t::STATE.get(ui),
                i18n::state(ui, state)
            );
            cal.push(event(kind, key, &format!("{} — {title}", i18n::kind(ui, kind)), date, date, &description));
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
    write!(out, "{}", cal.done()).map_err(|e| Error::io(msg!("writing the calendar", "écriture du calendrier"), e))
}
