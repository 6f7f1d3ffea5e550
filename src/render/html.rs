//! The one-page report as self-contained HTML: inline CSS and SVG, no script, nothing fetched.
//! maud writes the markup and escapes every text. Each section has an `id` (`headline`,
//! `overdue`, `next`, `timeline`, `reach`, `channels`, `materials`, `actions`, `results`, `parity`),
//! and figures carry
//! `data-` attributes, so that scripts and tests can read the page back.

use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::svg;
use crate::error::{Error, Result};
use crate::i18n::{self, Ui, t};
use crate::model::item::ReportRow;
use crate::model::report::{Report, Timeline, page_of};
use crate::model::results::ResultRow;
use crate::model::types::{Order, State};

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

/// A name in the page's language: in the French page, its French, else the stored (English) name
/// marked `lang="en"` so that a screen reader reads it in English.
fn named(ui: Ui, name: &str, name_fr: Option<&str>) -> Markup {
    match (ui, name_fr) {
        (Ui::Fr, Some(fr)) => html! { (fr) },
        (Ui::Fr, None) => html! { span lang="en" { (name) } },
        (Ui::En, _) => html! { (name) },
    }
}

/// A row's title, as [`named`].
fn row_title(ui: Ui, r: &ReportRow) -> Markup {
    named(ui, &r.title, r.title_fr.as_deref())
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

/// A table of dated rows (overdue, next): date, days, kind, key, title, owner, state; its caption
/// (visually hidden: the section's heading shows it) names it for screen readers.
fn dated_table(ui: Ui, caption: &str, rows: &[ReportRow]) -> Markup {
    paged(ui, rows, |shown| {
        html! {
            table {
                caption.vh { (caption) }
                thead { tr {
                    th scope="col" { (t::DATE.get(ui)) } th.num scope="col" { (t::DAYS.get(ui)) } th scope="col" { (t::KIND.get(ui)) }
                    th scope="col" { (t::KEY.get(ui)) } th scope="col" { (t::TITLE.get(ui)) } th scope="col" { (t::OWNER.get(ui)) }
                    th scope="col" { (t::STATE.get(ui)) }
                } }
                tbody {
                    @for r in shown {
                        tr data-kind=(r.kind.as_str()) data-key=(r.key) {
                            td.date data-date=[r.date] { (date_or_dash(ui, r.date)) }
                            td.num data-days=[r.days] { (r.days.map(|d| i18n::days(ui, d)).unwrap_or_default()) }
                            td { (i18n::kind(ui, r.kind)) }
                            td.key { (r.key) }
                            th scope="row" { (row_title(ui, r)) }
                            td { (r.owner.as_deref().unwrap_or("")) }
                            (state_cell(ui, r.state))
                        }
                    }
                }
            }
        }
    })
}

/// A table of channels, materials or actions: key, title, owner, due, state, done on; with a
/// visually hidden caption, as [`dated_table`].
fn item_table(ui: Ui, caption: &str, rows: &[ReportRow]) -> Markup {
    paged(ui, rows, |shown| {
        html! {
            table {
                caption.vh { (caption) }
                thead { tr {
                    th scope="col" { (t::KEY.get(ui)) } th scope="col" { (t::TITLE.get(ui)) } th scope="col" { (t::OWNER.get(ui)) }
                    th scope="col" { (t::DUE.get(ui)) } th scope="col" { (t::STATE.get(ui)) } th scope="col" { (t::DONE_ON.get(ui)) }
                } }
                tbody {
                    @for r in shown {
                        tr data-kind=(r.kind.as_str()) data-key=(r.key) {
                            td.key { (r.key) }
                            th scope="row" { (row_title(ui, r)) }
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

/// Coverage: each organization, grouped by order of government, with the routes that reached it
/// (meetings, channels, distributions) and, for those not reached yet, the next opportunity.
fn coverage(ui: Ui, report: &Report) -> Markup {
    let orders = crate::model::types::Order::ALL;
    html! {
        section #coverage {
            h2 { (t::COVERAGE_TITLE.get(ui)) }
            @if report.coverage.is_empty() {
                p.none { (t::NONE.get(ui)) }
            }
            @for order in orders {
                @let orgs: Vec<_> = report.coverage.iter().filter(|o| o.order == *order).collect();
                @if !orgs.is_empty() {
                    @let reached = orgs.iter().filter(|o| o.reached).count();
                    table data-order=(order.as_str()) {
                        caption { (i18n::order(ui, *order)) " — " (reached) "/" (orgs.len()) }
                        thead { tr {
                            th scope="col" { (t::ORGANIZATION.get(ui)) }
                            th scope="col" { (t::REACHED_ON.get(ui)) }
                            th.num scope="col" { (t::MEETINGS_COUNT.get(ui)) }
                            th.num scope="col" { (t::CHANNELS_COUNT.get(ui)) }
                            th.num scope="col" { (t::DISTRIBUTIONS_COUNT.get(ui)) }
                            th scope="col" { (t::NEXT_OPPORTUNITY.get(ui)) }
                        } }
                        tbody {
                            @for o in &orgs {
                                tr data-key=(o.key) data-reached=(o.reached) {
                                    th scope="row" { (named(ui, &o.name, o.name_fr.as_deref())) }
                                    @match o.reached_on {
                                        Some(d) => td.date.state.done_on_time data-date=(d) { span aria-hidden="true" { "✓ " } (i18n::date(ui, d)) },
                                        None => td.state.overdue { span aria-hidden="true" { "✗ " } (t::NOT_REACHED_ONE.get(ui)) },
                                    }
                                    td.num { (o.meetings) }
                                    td.num { (o.channels) }
                                    td.num { (o.distributions) }
                                    td { (super::reach::next(ui, o)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
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
            h2.vh { (t::HEADLINE_TITLE.get(ui)) }
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
                    caption.vh { (t::PARITY.get(ui)) }
                    thead { tr {
                        th scope="col" { (t::KIND.get(ui)) } th scope="col" { (t::KEY.get(ui)) } th scope="col" { (t::COUNTERPART.get(ui)) }
                        th.num scope="col" { (t::GAP.get(ui)) } th scope="col" { (t::MISSING.get(ui)) }
                    } }
                    tbody {
                        @for g in gaps {
                            tr data-kind=(g.kind.as_str()) data-key=(g.key) data-counterpart=(g.counterpart)
                                data-gap-days=(g.gap_days) data-missing=(g.missing) {
                                td { (i18n::kind(ui, g.kind)) }
                                th.key scope="row" { (g.key) }
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

/// The results, grouped by order of government (in the order of [`Order::ALL`], then those about
/// the whole campaign): value against target as a bar, the trend of measurements as a line, the
/// day of the latest measurement. Measurements after as-of do not count.
fn results(ui: Ui, report: &Report) -> Markup {
    let rows = &report.status.results;
    let groups: Vec<(Option<Order>, Vec<&ResultRow>)> = Order::ALL
        .iter()
        .map(|o| Some(*o))
        .chain([None])
        .map(|o| (o, rows.iter().filter(|r| r.order == o).collect::<Vec<_>>()))
        .filter(|(_, rs)| !rs.is_empty())
        .collect();
    let title = |r: &ResultRow| named(ui, &r.title, r.title_fr.as_deref());
    html! {
        section #results {
            h2 { (t::RESULTS_TITLE.get(ui)) " " span.count { "(" (rows.len()) ")" } }
            @if rows.is_empty() { p.none { (t::NONE.get(ui)) } }
            @for (order, rs) in &groups {
                @let group = order.map_or(t::WHOLE_CAMPAIGN.get(ui), |o| i18n::order(ui, o));
                div.result-group data-order=(order.map_or("none", Order::as_str)) {
                    h3 { (group) }
                    table.results {
                        caption.vh { (t::RESULTS_TITLE.get(ui)) " — " (group) }
                        thead { tr {
                            th scope="col" { (t::TITLE.get(ui)) }
                            th.num scope="col" { (t::VALUE.get(ui)) " / " (t::TARGET.get(ui)) }
                            th scope="col" { (t::PERCENT_OF_TARGET.get(ui)) } th scope="col" { (t::TREND.get(ui)) }
                            th scope="col" { (t::MEASURED_ON.get(ui)) }
                        } }
                        tbody {
                            @for r in rs {
                                tr.result data-key=(r.key) data-order=[r.order.map(Order::as_str)] data-target=(r.target)
                                    data-value=[r.value] data-measured-on=[r.measured_on] data-percent=[r.percent_of_target] {
                                    th scope="row" {
                                        (title(r)) br; span.key { (r.key) }
                                        @if let Some(n) = &r.note { br; span.note { (n) } }
                                    }
                                    td.num {
                                        (r.value.map_or_else(|| "—".to_string(), |v| i18n::number(ui, v))) " / " (i18n::number(ui, r.target))
                                        @if let Some(u) = &r.unit { " " (u) }
                                    }
                                    td.bar {
                                        (svg::result_bar(ui, r))
                                        span.figure { (r.percent_of_target.map_or_else(|| t::NOT_MEASURED.get(ui).to_string(), |p| i18n::percent(ui, p))) }
                                    }
                                    td.trend { (svg::result_trend(ui, r)) }
                                    td.date data-date=[r.measured_on] { (date_or_dash(ui, r.measured_on)) }
                                }
                            }
                        }
                    }
                    (measurements(ui, group, rs))
                }
            }
        }
    }
}

/// The measurements that the trends draw, as a table a reader can open: result, day, value.
fn measurements(ui: Ui, group: &str, rows: &[&ResultRow]) -> Markup {
    html! {
        details.as-table {
            summary { (t::AS_TABLE.get(ui)) " — " (t::MEASURES_TITLE.get(ui)) }
            table {
                caption.vh { (t::MEASURES_TITLE.get(ui)) " — " (group) }
                thead { tr {
                    th scope="col" { (t::TITLE.get(ui)) } th scope="col" { (t::DATE.get(ui)) } th.num scope="col" { (t::VALUE.get(ui)) }
                } }
                tbody {
                    @for r in rows {
                        @if r.trend.is_empty() {
                            tr { th scope="row" { (named(ui, &r.title, r.title_fr.as_deref())) } td { "—" } td.num { (t::NO_MEASUREMENT.get(ui)) } }
                        }
                        @for m in &r.trend {
                            tr {
                                th scope="row" { (named(ui, &r.title, r.title_fr.as_deref())) }
                                td.date { (i18n::date(ui, m.on)) }
                                td.num { (i18n::number(ui, m.value)) @if let Some(u) = &r.unit { " " (u) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The milestones that the timeline draws, as a table a reader can open: key, title, due,
/// forecast, state, on the critical path or not.
fn timeline_table(ui: Ui, timeline: &Timeline) -> Markup {
    html! {
        details.as-table {
            summary { (t::AS_TABLE.get(ui)) " — " (t::MILESTONES_TITLE.get(ui)) }
            table {
                caption.vh { (t::MILESTONES_TITLE.get(ui)) }
                thead { tr {
                    th scope="col" { (t::KEY.get(ui)) } th scope="col" { (t::TITLE.get(ui)) } th scope="col" { (t::DUE.get(ui)) }
                    th scope="col" { (t::FORECAST.get(ui)) } th scope="col" { (t::STATE.get(ui)) } th scope="col" { (t::CRITICAL.get(ui)) }
                } }
                tbody {
                    @for r in &timeline.rows {
                        tr data-key=(r.row.key) {
                            td.key { (r.row.key) }
                            th scope="row" { (row_title(ui, r.row)) }
                            td.date { (i18n::date(ui, r.due)) }
                            td.date { (date_or_dash(ui, r.forecast)) }
                            (state_cell(ui, r.row.state))
                            td { (if r.critical { t::YES.get(ui) } else { t::NO.get(ui) }) }
                        }
                    }
                }
            }
        }
    }
}

/// Reach by order of government, as a table a reader can open: order, reached, total, share.
fn reach_table(ui: Ui, report: &Report) -> Markup {
    html! {
        details.as-table {
            summary { (t::AS_TABLE.get(ui)) " — " (t::REACH.get(ui)) }
            table {
                caption.vh { (t::REACH.get(ui)) }
                thead { tr {
                    th scope="col" { (t::ORDER.get(ui)) } th.num scope="col" { (t::REACHED.get(ui)) }
                    th.num scope="col" { (t::TOTAL.get(ui)) } th.num scope="col" { (t::SHARE_REACHED.get(ui)) }
                } }
                tbody {
                    @for (order, r) in svg::reach_rows(&report.status) {
                        tr data-order=(order.as_str()) {
                            th scope="row" { (i18n::order(ui, order)) }
                            td.num { (r.reached) }
                            td.num { (r.total) }
                            td.num { (i18n::percent(ui, svg::share(r) * 100.0)) }
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
                    h1 { (named(ui, &s.campaign.name, s.campaign.name_fr.as_deref())) }
                    p.as-of data-as-of=(s.as_of) { (t::AS_OF.get(ui)) " " (i18n::date(ui, s.as_of)) }
                    @if report.illustrative { p #illustrative .notice { (i18n::illustrative(ui)) } }
                }
                main {
                (headline(ui, report))
                section #overdue {
                    h2 { (t::OVERDUE_TITLE.get(ui)) " " span.count { "(" (s.overdue.len()) ")" } }
                    (dated_table(ui, t::OVERDUE_TITLE.get(ui), &s.overdue))
                }
                section #next {
                    h2 { (i18n::next_days(ui, report.within_days)) " " span.count { "(" (report.next.len()) ")" } }
                    (dated_table(ui, &i18n::next_days(ui, report.within_days), &report.next))
                }
                section #timeline {
                    h2 { (t::MILESTONES_TITLE.get(ui)) }
                    @if timeline.rows.is_empty() {
                        p.none { (t::NONE.get(ui)) }
                    } @else {
                        (svg::timeline(ui, s, &timeline))
                        p.legend aria-hidden="true" {
                            span.key-planned { "◆ " (t::PLANNED_DATE.get(ui)) }
                            span.key-forecast { "● " (t::FORECAST.get(ui)) }
                            span.key-done { "✓ " (t::DONE_MARK.get(ui)) }
                            span.key-overdue { "! " (i18n::state(ui, State::Overdue)) }
                            span.key-critical { "▬ " (t::CRITICAL.get(ui)) }
                            span.key-as-of { "┆ " (t::AS_OF_LINE.get(ui).trim_end_matches("\u{a0}:")) }
                        }
                        @if timeline.rows.len() < timeline.total {
                            p.more { (i18n::timeline_subset(ui, timeline.rows.len(), timeline.total)) }
                        }
                        (timeline_table(ui, &timeline))
                    }
                }
                section #reach {
                    h2 { (t::REACH.get(ui)) }
                    @if s.reach.is_empty() { p.none { (t::NONE.get(ui)) } } @else { (svg::reach(ui, s)) (reach_table(ui, report)) }
                }
                (coverage(ui, report))
                section #channels {
                    h2 { (t::CHANNELS_TITLE.get(ui)) " " span.count { "(" (report.channels.len()) ")" } }
                    (item_table(ui, t::CHANNELS_TITLE.get(ui), &report.channels))
                }
                section #materials {
                    h2 { (t::MATERIALS_TITLE.get(ui)) " " span.count { "(" (report.materials.len()) ")" } }
                    (item_table(ui, t::MATERIALS_TITLE.get(ui), &report.materials))
                }
                section #actions {
                    h2 { (t::ACTIONS_TITLE.get(ui)) " " span.count { "(" (report.actions.len()) ")" } }
                    (item_table(ui, t::ACTIONS_TITLE.get(ui), &report.actions))
                }
                (results(ui, report))
                (parity(ui, report))
                }
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
