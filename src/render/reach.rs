//! `engage reach` for people (a table) and for machines (CSV; JSON is the rows as they are).

use std::io::Write;

use super::Style;
use super::csv_out::{Field, Guarded};
use super::table::{self, Styled, Tone, toned};
use crate::error::Result;
use crate::i18n::{self, Ui, t};
use crate::model::reach::OrganizationReach;

/// The next chance to reach an organization, in words: the next meeting of one of its tables,
/// and the materials planned for it.
pub(super) fn next(ui: Ui, o: &OrganizationReach) -> String {
    next_with(ui, o, |d| i18n::date(ui, d))
}

/// [`next`], with dates written by `date`.
fn next_with(ui: Ui, o: &OrganizationReach, date: impl Fn(chrono::NaiveDate) -> String) -> String {
    let mut parts = Vec::new();
    if let Some((meeting, on)) = &o.next_meeting {
        parts.push(format!("{meeting} ({})", date(*on)));
    }
    if !o.planned.is_empty() {
        let planned = o.planned.join(", ");
        parts.push(match ui {
            Ui::En => format!("planned: {planned}"),
            Ui::Fr => format!("prévu\u{a0}: {planned}"),
        });
    }
    parts.join("; ")
}

/// One row an organization: reached or not, since when, through what; the next opportunity.
pub fn table(out: &mut dyn Write, style: Style, rows: &[OrganizationReach]) -> Result<()> {
    let ui = style.ui;
    let headers = [
        t::KEY.get(ui),
        t::ORDER.get(ui),
        t::REACHED_ON.get(ui),
        t::MEETINGS_COUNT.get(ui),
        t::CHANNELS_COUNT.get(ui),
        t::DISTRIBUTIONS_COUNT.get(ui),
        t::NEXT_OPPORTUNITY.get(ui),
    ];
    let body = rows
        .iter()
        .map(|o| {
            vec![
                Styled::from(o.key.as_str()),
                i18n::order(ui, o.order).into(),
                match o.reached_on {
                    Some(d) => toned(super::reports::table_date(style, d), Tone::Good),
                    None => toned(t::NOT_REACHED_ONE.get(ui), Tone::Alert),
                },
                o.meetings.to_string().into(),
                o.channels.to_string().into(),
                o.distributions.to_string().into(),
                next_with(ui, o, |d| super::reports::table_date(style, d)).into(),
            ]
        })
        .collect();
    table::write_fitted(out, style, &headers, table::Columns { wrap: &[6], drop: &[3, 4, 5, 1] }, body)
}

/// The rows as CSV: the JSON fields, then the next opportunity (`next_meeting`,
/// `next_meeting_date`, `planned` joined with `;`).
pub fn csv(out: &mut dyn Write, rows: &[OrganizationReach]) -> Result<()> {
    let mut csv = Guarded::new(out);
    let header = [
        "key",
        "name",
        "order",
        "reached",
        "reached_on",
        "meetings",
        "channels",
        "distributions",
        "next_meeting",
        "next_meeting_date",
        "planned",
    ];
    csv.row(&header.map(Field::Text))?;
    for o in rows {
        let cells = [
            o.key.clone(),
            o.name.clone(),
            o.order.as_str().to_string(),
            o.reached.to_string(),
            o.reached_on.map(|d| d.to_string()).unwrap_or_default(),
            o.meetings.to_string(),
            o.channels.to_string(),
            o.distributions.to_string(),
            o.next_meeting.as_ref().map(|(k, _)| k.clone()).unwrap_or_default(),
            o.next_meeting.as_ref().map(|(_, d)| d.to_string()).unwrap_or_default(),
            o.planned.join(";"),
        ];
        csv.row(&cells.iter().map(|c| Field::Text(c)).collect::<Vec<_>>())?;
    }
    csv.flush()
}
