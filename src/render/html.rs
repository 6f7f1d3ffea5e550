//! The one-page report as self-contained HTML: inline CSS and SVG, no script, nothing fetched.
//! maud writes the markup and escapes every text. Each section has an `id` (`headline`,
//! `overdue`, `next`, `timeline`, `reach`, `channels`, `materials`, `parity`), and figures carry
//! `data-` attributes, so that scripts and tests can read the page back.

use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::reports::title_of;
use super::svg;
use crate::error::{Error, Result};
use crate::i18n::{self, Ui, t};
use crate::model::item::ReportRow;
use crate::model::report::{Report, page_of};
use crate::model::types::State;

const CSS: &str = include_str!("report.css");

fn state_class(state: Option<State>) -> &'static str {
    state.map_or("none", State::as_str)
}

fn state_cell(ui: Ui, state: Option<State>) -> Markup {
    html! {
        td class=(format!("state {}", state_class(state))) data-state=[state.map(State::as_str)] {
            (state.map_or("—", |s| i18n::state(ui, s)))
        }
    }
}

fn date_or_dash(ui: Ui, d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".into(), |d| i18n::date(ui, d))
}

/// `none` for no rows; else the table `table` draws of the first page of rows, and how many
/// more there are.
fn paged(ui: Ui, rows: &[ReportRow], table: impl FnOnce(&[ReportRow]) -> Markup) -> Markup {
    let (shown, more) = page_of(rows);
    html! {
        @if rows.is_empty() {
            p.none { (t::NONE.get(ui)) }
        } @else {
            (table(shown))
            @if more > 0 { p.more { (i18n::more_rows(ui, more)) } }
        }
    }
}

/// A table of dated rows (overdue, next): date, days, kind, key, title, owner, state.
fn dated_table(ui: Ui, rows: &[ReportRow]) -> Markup {
    paged(ui, rows, |shown| {
        html! {
            table {
                thead { tr {
                    th { (t::DATE.get(ui)) } th.num { (t::DAYS.get(ui)) } th { (t::KIND.get(ui)) } th { (t::KEY.get(ui)) }
                    th { (t::TITLE.get(ui)) } th { (t::OWNER.get(ui)) } th { (t::STATE.get(ui)) }
                } }
                tbody {
                    @for r in shown {
                        tr data-kind=(r.kind.as_str()) data-key=(r.key) {
                            td.date data-date=[r.date] { (date_or_dash(ui, r.date)) }
                            td.num data-days=[r.days] { (r.days.map(|d| i18n::days(ui, d)).unwrap_or_default()) }
                            td { (i18n::kind(ui, r.kind)) }
                            td.key { (r.key) }
                            td { (title_of(ui, r)) }
                            td { (r.owner.as_deref().unwrap_or("")) }
                            (state_cell(ui, r.state))
                        }
                    }
                }
            }
        }
    })
}

/// A table of channels or materials: key, title, owner, due, state, done on.
fn item_table(ui: Ui, rows: &[ReportRow]) -> Markup {
    paged(ui, rows, |shown| {
        html! {
            table {
                thead { tr {
                    th { (t::KEY.get(ui)) } th { (t::TITLE.get(ui)) } th { (t::OWNER.get(ui)) } th { (t::DUE.get(ui)) }
                    th { (t::STATE.get(ui)) } th { (t::DONE_ON.get(ui)) }
                } }
                tbody {
                    @for r in shown {
                        tr data-kind=(r.kind.as_str()) data-key=(r.key) {
                            td.key { (r.key) }
                            td { (title_of(ui, r)) }
                            td { (r.owner.as_deref().unwrap_or("")) }
                            td.date data-date=[r.date] { (date_or_dash(ui, r.date)) }
                            (state_cell(ui, r.state))
                            td.date data-date=[r.done_on] { (date_or_dash(ui, r.done_on)) }
                        }
                    }
                }
            }
        }
    })
}

fn headline(ui: Ui, report: &Report) -> Markup {
    let s = &report.status;
    let slip_class = match s.slip_days {
        Some(d) if d > 0 => "figure alert",
        Some(_) => "figure good",
        None => "figure",
    };
    html! {
        section #headline {
            dl.figures {
                div.figure {
                    dt { (t::PERCENT_COMPLETE.get(ui)) }
                    dd data-figure="percent_complete" data-value=(format!("{:.1}", s.percent_complete)) { (i18n::percent(ui, s.percent_complete)) }
                    dd.detail data-figure="done" data-done=(s.done) data-counted=(s.counted) { (i18n::done_of(ui, s.done, s.counted)) }
                }
                div.figure {
                    dt { (t::PROJECTED_END_TITLE.get(ui)) }
                    dd data-figure="projected_end" data-value=[s.projected_end] { (date_or_dash(ui, s.projected_end)) }
                }
                div.figure {
                    dt { (t::PLANNED_END_TITLE.get(ui)) }
                    dd data-figure="planned_end" data-value=(s.planned_end) { (i18n::date(ui, s.planned_end)) }
                }
                div class=(slip_class) {
                    dt { (t::SLIP_TITLE.get(ui)) }
                    dd data-figure="slip_days" data-value=[s.slip_days] { (i18n::slip(ui, s.slip_days)) }
                }
            }
        }
    }
}

fn parity(ui: Ui, report: &Report) -> Markup {
    let gaps = &report.status.parity;
    html! {
        section #parity {
            h2 { (t::PARITY.get(ui)) }
            @if gaps.is_empty() {
                p.none { (t::NONE.get(ui)) }
            } @else {
                table {
                    thead { tr {
                        th { (t::KIND.get(ui)) } th { (t::KEY.get(ui)) } th { (t::COUNTERPART.get(ui)) }
                        th.num { (t::GAP.get(ui)) } th { (t::MISSING.get(ui)) }
                    } }
                    tbody {
                        @for g in gaps {
                            tr data-kind=(g.kind.as_str()) data-key=(g.key) data-counterpart=(g.counterpart)
                                data-gap-days=(g.gap_days) data-missing=(g.missing) {
                                td { (i18n::kind(ui, g.kind)) }
                                td.key { (g.key) }
                                td.key { (g.counterpart) }
                                td.num { (g.gap_days) }
                                td class=(if g.missing { "state overdue" } else { "state" }) {
                                    @if g.missing { (t::MISSING.get(ui)) } @else { "—" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The whole page.
pub fn page(ui: Ui, report: &Report) -> Markup {
    let s = &report.status;
    let name = match ui {
        Ui::Fr => s.campaign.name_fr.as_deref().unwrap_or(&s.campaign.name),
        Ui::En => &s.campaign.name,
    };
    let lang = match ui {
        Ui::En => "en-CA",
        Ui::Fr => "fr-CA",
    };
    let timeline = report.timeline();
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("engage ", env!("CARGO_PKG_VERSION")));
                title { (name) " — " (t::REPORT.get(ui)) " — " (i18n::date(ui, s.as_of)) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    p.kicker { (t::REPORT.get(ui)) }
                    h1 { (name) }
                    p.as-of data-as-of=(s.as_of) { (t::AS_OF.get(ui)) " " (i18n::date(ui, s.as_of)) }
                    @if report.illustrative { p #illustrative .notice { (i18n::illustrative(ui)) } }
                }
                (headline(ui, report))
                section #overdue {
                    h2 { (t::OVERDUE_TITLE.get(ui)) " " span.count { "(" (s.overdue.len()) ")" } }
                    (dated_table(ui, &s.overdue))
                }
                section #next {
                    h2 { (i18n::next_days(ui, report.within_days)) " " span.count { "(" (report.next.len()) ")" } }
                    (dated_table(ui, &report.next))
                }
                section #timeline {
                    h2 { (t::MILESTONES_TITLE.get(ui)) }
                    @if timeline.rows.is_empty() {
                        p.none { (t::NONE.get(ui)) }
                    } @else {
                        (svg::timeline(ui, s, &timeline))
                        p.legend {
                            span.key-planned { "◆ " (t::PLANNED_DATE.get(ui)) }
                            span.key-forecast { "● " (t::FORECAST.get(ui)) }
                            span.key-critical { "▬ " (t::CRITICAL.get(ui)) }
                            span.key-as-of { "┆ " (t::AS_OF_LINE.get(ui).trim_end_matches("\u{a0}:")) }
                        }
                        @if timeline.rows.len() < timeline.total {
                            p.more { (i18n::timeline_subset(ui, timeline.rows.len(), timeline.total)) }
                        }
                    }
                }
                section #reach {
                    h2 { (t::REACH.get(ui)) }
                    @if s.reach.is_empty() { p.none { (t::NONE.get(ui)) } } @else { (svg::reach(ui, s)) }
                }
                section #channels {
                    h2 { (t::CHANNELS_TITLE.get(ui)) " " span.count { "(" (report.channels.len()) ")" } }
                    (item_table(ui, &report.channels))
                }
                section #materials {
                    h2 { (t::MATERIALS_TITLE.get(ui)) " " span.count { "(" (report.materials.len()) ")" } }
                    (item_table(ui, &report.materials))
                }
                (parity(ui, report))
                footer {
                    (t::GENERATED_BY.get(ui)) " " (env!("CARGO_PKG_VERSION")) " · " (t::AS_OF.get(ui)) " " (i18n::date(ui, s.as_of))
                }
            }
        }
    }
}

/// Writes the page to `out`.
pub fn report(out: &mut dyn Write, ui: Ui, report: &Report) -> Result<()> {
    out.write_all(page(ui, report).into_string().as_bytes()).map_err(Error::output)
}
