//! The reports for people and machines: upcoming, status, progress CSV.

use std::io::Write;

use super::Style;
use super::csv_out::{Field, Guarded};
use super::table::{self, Styled, Tone, toned};
use crate::error::{Error, Result};
use crate::i18n::{self, Ui, t};
use crate::model::dates::{IsoDate, iso};
use crate::model::item::ReportRow;
use crate::model::results::ResultRow;
use crate::model::status::Status;
use crate::model::types::{Family, Order, State};

/// Writes one line of a human report, cleaned by [`super::clean::for_terminal`].
fn w(out: &mut dyn Write, text: impl AsRef<str>) -> Result<()> {
    writeln!(out, "{}", super::clean::for_terminal(text.as_ref())).map_err(Error::output)
}

/// The row's title in the interface's language (the English one when there is no French).
pub(super) fn title_of(ui: Ui, row: &ReportRow) -> String {
    match ui {
        Ui::Fr => row.title_fr.clone().unwrap_or_else(|| row.title.clone()),
        Ui::En => row.title.clone(),
    }
}

fn tone_of(state: Option<State>) -> Tone {
    match state {
        Some(State::Overdue) => Tone::Alert,
        Some(State::DueSoon) => Tone::Warn,
        Some(State::DoneOnTime | State::DoneLate) => Tone::Good,
        Some(State::Cancelled | State::Deferred) | None => Tone::Dim,
        _ => Tone::Plain,
    }
}

fn state_cell(ui: Ui, state: Option<State>) -> Styled {
    match state {
        Some(s) => toned(format!("{}{}", if s == State::Overdue { "! " } else { "" }, i18n::state(ui, s)), tone_of(state)),
        None => toned("—", Tone::Dim),
    }
}

/// Below this width, tables on a terminal write French dates the short, numeric way
/// (`2018-09-14`, as in English) rather than in words.
const WORDS_DATES_FROM: u16 = 120;

/// A date in a table: in the interface's language, shortened on a narrow terminal.
pub(super) fn table_date(style: Style, d: chrono::NaiveDate) -> String {
    if style.width.is_some_and(|w| w < WORDS_DATES_FROM) { d.to_string() } else { i18n::date(style.ui, d) }
}

fn dated_rows(style: Style, rows: &[ReportRow]) -> Vec<Vec<Styled>> {
    let ui = style.ui;
    rows.iter()
        .map(|r| {
            vec![
                r.date.map(|d| table_date(style, d)).unwrap_or_default().into(),
                toned(r.days.map(|d| i18n::days(ui, d)).unwrap_or_default(), tone_of(r.state)),
                i18n::kind(ui, r.kind).into(),
                r.key.as_str().into(),
                title_of(ui, r).into(),
                r.owner.clone().unwrap_or_default().into(),
                state_cell(ui, r.state),
            ]
        })
        .collect()
}

/// How the dated tables give way: title and owner wrap; days (the date says it), kind (the key
/// says it) and owner are left out, in that order, when the terminal is too narrow.
const DATED: table::Columns = table::Columns { wrap: &[4, 5], drop: &[1, 2, 5] };

fn dated_headers(ui: Ui) -> [&'static str; 7] {
    [t::DATE.get(ui), t::DAYS.get(ui), t::KIND.get(ui), t::KEY.get(ui), t::TITLE.get(ui), t::OWNER.get(ui), t::STATE.get(ui)]
}

/// The upcoming table; overdue rows are marked with `!`.
pub fn upcoming(out: &mut dyn Write, style: Style, rows: &[ReportRow]) -> Result<()> {
    let ui = style.ui;
    table::title(out, style, t::UPCOMING_TITLE.get(ui))?;
    if rows.is_empty() {
        return w(out, format!("  ({})", t::NONE.get(ui)));
    }
    table::write_fitted(out, style, &dated_headers(ui), DATED, dated_rows(style, rows))
}

/// Dated rows as CSV (for `upcoming --format csv`), guarded.
pub fn rows_csv(out: &mut dyn Write, rows: &[ReportRow]) -> Result<()> {
    let mut csv = Guarded::new(out);
    csv.row(&["date", "kind", "key", "title", "owner", "status", "state", "days"].map(Field::Text))?;
    for r in rows {
        let date = r.date.map(|d| d.to_string()).unwrap_or_default();
        csv.row(&[
            Field::Text(&date),
            Field::Text(r.kind.as_str()),
            Field::Text(&r.key),
            Field::Text(&r.title),
            Field::Text(r.owner.as_deref().unwrap_or("")),
            Field::Text(r.status.map_or("", |s| s.as_str())),
            Field::Text(r.state.map_or("", |s| s.as_str())),
            Field::Number(r.days),
        ])?;
    }
    csv.flush()
}

/// The status report for people.
pub fn status(out: &mut dyn Write, style: Style, s: &Status) -> Result<()> {
    let ui = style.ui;
    let name = match ui {
        Ui::Fr => s.campaign.name_fr.as_deref().unwrap_or(&s.campaign.name),
        Ui::En => &s.campaign.name,
    };
    table::title(out, style, &format!("{name} — {} {}", t::AS_OF.get(ui), i18n::date(ui, s.as_of)))?;
    w(out, format!("  {}", i18n::progress(ui, s.percent_complete, s.done, s.counted)))?;
    let slip = i18n::slip(ui, s.slip_days);
    let colon = if ui == Ui::Fr { "\u{a0}:" } else { ":" };
    let projected = s.projected_end.map(|d| i18n::date(ui, d)).unwrap_or_else(|| "—".into());
    let planned = i18n::date(ui, s.planned_end);
    table::parts(
        out,
        style,
        &[
            format!("{}{colon} {projected}", t::PROJECTED_END.get(ui)),
            format!("{}{colon} {planned}", t::PLANNED_END.get(ui)),
            format!("({slip})"),
        ],
    )?;
    w(out, "")?;

    table::title(out, style, t::OVERDUE_TITLE.get(ui))?;
    if s.overdue.is_empty() {
        w(out, format!("  ({})", t::NONE.get(ui)))?;
    } else {
        table::write_fitted(out, style, &dated_headers(ui), DATED, dated_rows(style, &s.overdue))?;
    }
    w(out, "")?;

    table::title(out, style, t::CRITICAL_PATH.get(ui))?;
    let rows: Vec<Vec<Styled>> = s
        .critical_path
        .iter()
        .filter_map(|k| s.schedule.binary_search_by(|r| r.key.as_str().cmp(k)).ok().map(|i| &s.schedule[i]))
        .map(|r| {
            vec![
                r.key.as_str().into(),
                table_date(style, r.due).into(),
                table_date(style, r.forecast).into(),
                toned(format!("{:+}", r.slip_days), if r.slip_days > 0 { Tone::Alert } else { Tone::Plain }),
                toned(format!("{:+}", r.float_days), if r.float_days < 0 { Tone::Alert } else { Tone::Plain }),
            ]
        })
        .collect();
    if rows.is_empty() {
        w(out, format!("  ({})", t::NONE.get(ui)))?;
    } else {
        table::write(out, style, &[t::KEY.get(ui), t::DUE.get(ui), t::FORECAST.get(ui), t::SLIP.get(ui), t::FLOAT.get(ui)], &[], rows)?;
    }
    w(out, "")?;

    table::title(out, style, t::COUNTS.get(ui))?;
    let shown: Vec<State> =
        State::ALL.iter().copied().filter(|st| s.counts.values().any(|k| k.get(st.as_str()).copied().unwrap_or(0) > 0)).collect();
    let mut headers: Vec<&str> = vec![t::KIND.get(ui)];
    headers.extend(shown.iter().map(|st| i18n::state(ui, *st)));
    let rows: Vec<Vec<Styled>> = Family::TRACKED
        .iter()
        .map(|k| {
            let mut row: Vec<Styled> = vec![i18n::kind(ui, *k).into()];
            for st in &shown {
                let n = s.counts.get(k.as_str()).and_then(|c| c.get(st.as_str())).copied().unwrap_or(0);
                row.push(if n > 0 { toned(n.to_string(), tone_of(Some(*st))) } else { toned("·", Tone::Dim) });
            }
            row
        })
        .collect();
    table::write(out, style, &headers, &[], rows)?;
    w(out, "")?;

    table::title(out, style, t::REACH.get(ui))?;
    let rows: Vec<Vec<Styled>> = Order::ALL
        .iter()
        .filter_map(|o| s.reach.get(o.as_str()).map(|r| (o, r)))
        .map(|(o, r)| {
            vec![
                i18n::order(ui, *o).into(),
                toned(format!("{}/{}", r.reached, r.total), if r.reached == r.total { Tone::Good } else { Tone::Plain }),
                r.not_reached.join(", ").into(),
            ]
        })
        .collect();
    table::write(out, style, &[t::ORDER.get(ui), t::REACHED.get(ui), t::NOT_REACHED.get(ui)], &[2], rows)?;

    if !s.results.is_empty() {
        w(out, "")?;
        results(out, style, &s.results)?;
    }

    if !s.parity.is_empty() {
        w(out, "")?;
        table::title(out, style, t::PARITY.get(ui))?;
        let rows: Vec<Vec<Styled>> = s
            .parity
            .iter()
            .map(|g| {
                vec![
                    i18n::kind(ui, g.kind).into(),
                    g.key.as_str().into(),
                    g.counterpart.as_str().into(),
                    if g.missing {
                        toned(
                            format!("{} ({} j)", t::MISSING.get(ui), g.gap_days)
                                .replace(" j)", if ui == Ui::En { " days)" } else { " j)" }),
                            Tone::Alert,
                        )
                    } else {
                        toned(format!("{} j", g.gap_days).replace(" j", if ui == Ui::En { " days" } else { " j" }), Tone::Warn)
                    },
                ]
            })
            .collect();
        table::write(out, style, &[t::KIND.get(ui), t::KEY.get(ui), t::COUNTERPART.get(ui), t::GAP.get(ui)], &[], rows)?;
    }
    Ok(())
}

/// Expected results as of as-of: each result's latest value against its target. Not counted in
/// percent complete.
fn results(out: &mut dyn Write, style: Style, rows: &[ResultRow]) -> Result<()> {
    let ui = style.ui;
    table::title(out, style, t::RESULTS_TITLE.get(ui))?;
    let body: Vec<Vec<Styled>> = rows
        .iter()
        .map(|r| {
            let title = match ui {
                Ui::Fr => r.title_fr.as_deref().unwrap_or(&r.title),
                Ui::En => &r.title,
            };
            let unit = r.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            let tone = match r.percent_of_target {
                Some(p) if p >= 100.0 => Tone::Good,
                Some(_) => Tone::Plain,
                None => Tone::Dim,
            };
            vec![
                r.key.as_str().into(),
                title.into(),
                r.order.map(|o| i18n::order(ui, o)).unwrap_or_default().into(),
                toned(r.value.map_or_else(|| t::NOT_MEASURED.get(ui).to_string(), |v| i18n::number(ui, v)), tone),
                format!("{}{unit}", i18n::number(ui, r.target)).into(),
                toned(r.percent_of_target.map(|p| i18n::percent(ui, p)).unwrap_or_else(|| "—".into()), tone),
                r.measured_on.map(|d| table_date(style, d)).unwrap_or_default().into(),
            ]
        })
        .collect();
    let headers = [
        t::KEY.get(ui),
        t::TITLE.get(ui),
        t::ORDER.get(ui),
        t::VALUE.get(ui),
        t::TARGET.get(ui),
        t::PERCENT_OF_TARGET.get(ui),
        t::MEASURED_ON.get(ui),
    ];
    table::write_fitted(out, style, &headers, table::Columns { wrap: &[1, 4], drop: &[2, 6] }, body)
}

/// The line that says what in the seed campaign is illustrative (wrapped on a terminal).
pub fn illustrative(out: &mut dyn Write, style: Style) -> Result<()> {
    table::parts(out, style, &[i18n::illustrative(style.ui).to_string()])
}

/// The header of the progress CSV: a contract (columns are added at the end, never renamed).
pub const PROGRESS_HEADER: [&str; 11] =
    ["kind", "key", "title", "owner", "date", "status", "done_on", "state", "variance_days", "critical", "title_fr"];

/// Writes the progress CSV one row at a time.
pub struct ProgressWriter<'w> {
    csv: Guarded<&'w mut dyn Write>,
}

impl<'w> ProgressWriter<'w> {
    pub fn new(out: &'w mut dyn Write) -> Result<Self> {
        let mut csv = Guarded::new(out);
        csv.row(&PROGRESS_HEADER.map(Field::Text))?;
        Ok(ProgressWriter { csv })
    }

    pub fn row(&mut self, r: &ReportRow, critical: bool) -> Result<()> {
        let (date, done_on) = (r.date.map(iso), r.done_on.map(iso));
        self.csv.row(&[
            Field::Text(r.kind.as_str()),
            Field::Text(&r.key),
            Field::Text(&r.title),
            Field::Text(r.owner.as_deref().unwrap_or("")),
            Field::Text(date.as_ref().map_or("", IsoDate::as_str)),
            Field::Text(r.status.map_or("", |s| s.as_str())),
            Field::Text(done_on.as_ref().map_or("", IsoDate::as_str)),
            Field::Text(r.state.map_or("", |s| s.as_str())),
            Field::Number(r.variance_days),
            Field::Text(if critical { "true" } else { "false" }),
            Field::Text(r.title_fr.as_deref().unwrap_or("")),
        ])
    }

    pub fn finish(mut self) -> Result<()> {
        self.csv.flush()
    }
}
