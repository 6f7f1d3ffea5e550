//! The report's drawings, as inline SVG: the milestone timeline, reach by order of government, and
//! each expected result's bar and trend. Every text goes through maud, so it is escaped; every mark carries `data-`
//! attributes with its figures, so that a reader (or a test) can check the drawing.

use chrono::{Datelike, Duration, NaiveDate};
use maud::{Markup, html};

use super::reports::title_of;
use crate::i18n::{self, Ui, t};
use crate::model::report::Timeline;
use crate::model::results::ResultRow;
use crate::model::status::{ReachRow, Status};
use crate::model::types::{Order, State};

const WIDTH: f64 = 960.0;
const LABEL_WIDTH: f64 = 330.0;
const RIGHT_PAD: f64 = 24.0;
const TOP: f64 = 56.0;
const ROW: f64 = 20.0;

/// Days from `from` to `to`, as a float for drawing.
fn span(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64
}

/// Where dates go on the x axis.
struct Axis {
    from: NaiveDate,
    days: f64,
}

impl Axis {
    fn new(from: NaiveDate, to: NaiveDate) -> Axis {
        // A few days of margin on each side, so that marks on the first and last day show whole.
        let from = from - Duration::days(3);
        let to = to + Duration::days(3);
        Axis { from, days: span(from, to).max(1.0) }
    }

    fn x(&self, d: NaiveDate) -> f64 {
        let x = LABEL_WIDTH + span(self.from, d) / self.days * (WIDTH - LABEL_WIDTH - RIGHT_PAD);
        (x * 10.0).round() / 10.0
    }

    /// First days of months within the axis, every 1, 2, 3, 6 or 12 months: the fewest months
    /// that leave room for a label (70 px) between two ticks.
    fn ticks(&self) -> Vec<NaiveDate> {
        let month_px = 30.44 / self.days * (WIDTH - LABEL_WIDTH - RIGHT_PAD);
        let step = [1, 2, 3, 6, 12].into_iter().find(|s| f64::from(*s) * month_px >= 70.0).unwrap_or(12);
        let to = self.from + Duration::days(self.days as i64);
        let mut out = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(self.from.year(), self.from.month(), 1);
        while let Some(m) = month {
            if m > to {
                break;
            }
            if m >= self.from && (m.month0() % step) == 0 {
                out.push(m);
            }
            month = m.checked_add_months(chrono::Months::new(1));
        }
        out
    }
}

/// About how wide `text` is at the drawing's 11 px font, with a little room to spare.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 6.6 + 8.0
}

/// Cuts `text` to `max` characters, with an ellipsis.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max { text.to_string() } else { format!("{}…", text.chars().take(max - 1).collect::<String>()) }
}

fn state_class(state: Option<State>) -> &'static str {
    match state {
        Some(State::DoneOnTime | State::DoneLate) => "done",
        Some(State::Overdue) => "overdue",
        Some(State::DueSoon) => "due-soon",
        Some(State::Cancelled | State::Deferred) => "inactive",
        _ => "open",
    }
}

/// What a label starts with besides its colour, so that no state is told by colour alone:
/// `✓` done, `!` overdue (cancelled and deferred ones are struck through).
fn mark(state: Option<State>) -> &'static str {
    match state {
        Some(State::DoneOnTime | State::DoneLate) => "✓ ",
        Some(State::Overdue) => "! ",
        _ => "",
    }
}

/// The milestone timeline: one row per milestone, a diamond on its planned date, a dot on its
/// forecast joined by a bar when it slips, the critical path in red, a line for as-of and one
/// for the planned end.
pub fn timeline(ui: Ui, status: &Status, timeline: &Timeline) -> Markup {
    let axis = Axis::new(timeline.from, timeline.to);
    let height = TOP + ROW * timeline.rows.len() as f64 + 12.0;
    let bottom = height - 6.0;
    let as_of = axis.x(status.as_of);
    let end = axis.x(status.planned_end);
    html! {
        svg.timeline xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {height}")) role="img"
            aria-labelledby="timeline-title" aria-describedby="timeline-desc" {
            title #timeline-title { (t::TIMELINE_LABEL.get(ui)) }
            desc #timeline-desc {
                (i18n::timeline_desc(ui, timeline.rows.len(), timeline.from, timeline.to, status.planned_end, status.projected_end))
            }
            @for tick in axis.ticks() {
                @let x = axis.x(tick);
                line.tick x1=(x) x2=(x) y1=(TOP - 4.0) y2=(bottom) {}
                @if x < WIDTH - 60.0 { text.tick-label x=(x + 2.0) y=(TOP - 8.0) { (i18n::month(ui, tick)) } }
            }
            // The two labels on rows of their own, each turned inwards when it would run off the drawing.
            line.planned-end x1=(end) x2=(end) y1="28" y2=(bottom) data-date=(status.planned_end) {}
            @let end_label = format!("{} {}", t::PLANNED_END.get(ui), i18n::date(ui, status.planned_end));
            @let (end_x, end_anchor) = if end - text_width(&end_label) < 0.0 { (end + 3.0, "start") } else { (end - 3.0, "end") };
            text.planned-end-label x=(end_x) y="34" text-anchor=(end_anchor) { (end_label) }
            line.as-of x1=(as_of) x2=(as_of) y1="10" y2=(bottom) data-date=(status.as_of) {}
            @let as_of_label = format!("{} {}", t::AS_OF_LINE.get(ui), i18n::date(ui, status.as_of));
            @let (as_of_x, as_of_anchor) = if as_of + text_width(&as_of_label) > WIDTH { (as_of - 3.0, "end") } else { (as_of + 3.0, "start") };
            text.as-of-label x=(as_of_x) y="16" text-anchor=(as_of_anchor) { (as_of_label) }
            @for (i, r) in timeline.rows.iter().enumerate() {
                @let y = TOP + ROW * i as f64 + ROW / 2.0;
                @let due = axis.x(r.due);
                @let class = format!("milestone {}{}", state_class(r.row.state), if r.critical { " critical" } else { "" });
                g class=(class) data-key=(r.row.key) data-due=(r.due) data-forecast=[r.forecast] data-critical=(r.critical) {
                    title {
                        (r.row.key) " — " (title_of(ui, r.row)) " · " (t::DUE.get(ui)) " " (i18n::date(ui, r.due))
                        @if let Some(f) = r.forecast { " · " (t::FORECAST.get(ui)) " " (i18n::date(ui, f)) }
                    }
                    line.row x1="0" x2=(WIDTH - RIGHT_PAD) y1=(y + ROW / 2.0) y2=(y + ROW / 2.0) {}
                    text.label x="4" y=(y + 4.0) { (mark(r.row.state)) (cut(&r.row.key, 18)) " · " (cut(&title_of(ui, r.row), 28)) }
                    @if let Some(f) = r.forecast {
                        @if f != r.due { line.slip x1=(due) x2=(axis.x(f)) y1=(y) y2=(y) {} }
                    }
                    polygon.planned points=(format!("{},{y} {},{} {},{y} {},{}", due - 5.0, due, y - 5.0, due + 5.0, due, y + 5.0)) {}
                    @if let Some(f) = r.forecast { circle.forecast cx=(axis.x(f)) cy=(y) r="3.5" {} }
                }
            }
        }
    }
}

/// Reach as horizontal bars: one per order of government that has organizations, reached out
/// of total, with the figures written beside the bar.
pub fn reach(ui: Ui, status: &Status) -> Markup {
    const BAR_X: f64 = 170.0;
    const BAR_W: f64 = 560.0;
    const BAR_ROW: f64 = 30.0;
    let rows = reach_rows(status);
    let height = BAR_ROW * rows.len() as f64 + 8.0;
    let figures = |r: &ReachRow| format!("{} / {} ({})", r.reached, r.total, i18n::percent(ui, share(r) * 100.0));
    let desc: Vec<String> = rows.iter().map(|(o, r)| format!("{}{}{}", i18n::order(ui, *o), i18n::colon(ui), figures(r))).collect();
    html! {
        svg.reach xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {height}")) role="img"
            aria-labelledby="reach-title" aria-describedby="reach-desc" {
            title #reach-title { (t::REACH_LABEL.get(ui)) }
            desc #reach-desc { (desc.join(if ui == Ui::Fr { "\u{202f}; " } else { "; " })) }
            @for (i, (order, r)) in rows.iter().enumerate() {
                @let y = 4.0 + BAR_ROW * i as f64;
                @let share = share(r);
                g.order data-order=(order.as_str()) data-reached=(r.reached) data-total=(r.total) {
                    text.label x="4" y=(y + 17.0) { (i18n::order(ui, *order)) }
                    rect.total x=(BAR_X) y=(y) width=(BAR_W) height="22" rx="3" {}
                    rect.reached x=(BAR_X) y=(y) width=((share * BAR_W * 10.0).round() / 10.0) height="22" rx="3" {}
                    text.figure x=(BAR_X + BAR_W + 10.0) y=(y + 17.0) { (figures(r)) }
                }
            }
        }
    }
}

/// The orders of government that have organizations, in the order of [`Order::ALL`], with their reach.
pub fn reach_rows(status: &Status) -> Vec<(Order, &ReachRow)> {
    Order::ALL.iter().filter_map(|o| status.reach.get(o.as_str()).map(|r| (*o, r))).collect()
}

/// The share of an order's organizations reached, from 0 to 1.
pub fn share(r: &ReachRow) -> f64 {
    if r.total == 0 { 0.0 } else { r.reached as f64 / r.total as f64 }
}

/// One result's value against its target as a small bar: the share of the target reached (the
/// bar is full at 100 % and marked `over` beyond it).
pub fn result_bar(ui: Ui, r: &ResultRow) -> Markup {
    const W: f64 = 180.0;
    const H: f64 = 16.0;
    let percent = r.percent_of_target;
    let share = percent.map_or(0.0, |p| (p / 100.0).clamp(0.0, 1.0));
    let class = match percent {
        Some(p) if p >= 100.0 => "value over",
        _ => "value",
    };
    html! {
        svg.result-bar xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {W} {H}")) role="img"
            aria-label=(format!("{}{}{}", t::PERCENT_OF_TARGET.get(ui), i18n::colon(ui),
                percent.map_or_else(|| t::NOT_MEASURED.get(ui).to_string(), |p| i18n::percent(ui, p))))
            data-percent=[percent] {
            rect.total x="0" y="0" width=(W) height=(H) rx="3" {}
            rect class=(class) x="0" y="0" width=((share * W * 10.0).round() / 10.0) height=(H) rx="3" {}
        }
    }
}

/// The trend of a result's measurements (those on or before as-of) as a small line, with the
/// target as a dashed line; each point carries its day and value.
pub fn result_trend(ui: Ui, r: &ResultRow) -> Markup {
    const W: f64 = 160.0;
    const H: f64 = 36.0;
    const PAD: f64 = 4.0;
    let top = r.trend.iter().map(|m| m.value).fold(r.target, f64::max);
    let bottom = r.trend.iter().map(|m| m.value).fold(0.0, f64::min);
    let range = (top - bottom).max(f64::MIN_POSITIVE);
    let y = |v: f64| ((PAD + (top - v) / range * (H - 2.0 * PAD)) * 10.0).round() / 10.0;
    let (first, last) = (r.trend.first().map(|m| m.on), r.trend.last().map(|m| m.on));
    let days = match (first, last) {
        (Some(f), Some(l)) => span(f, l),
        _ => 0.0,
    };
    let x = |d: NaiveDate| match first {
        Some(f) if days > 0.0 => ((PAD + span(f, d) / days * (W - 2.0 * PAD)) * 10.0).round() / 10.0,
        _ => W / 2.0,
    };
    let points: Vec<String> = r.trend.iter().map(|m| format!("{},{}", x(m.on), y(m.value))).collect();
    let said: Vec<String> =
        r.trend.iter().map(|m| format!("{}{}{}", i18n::date(ui, m.on), i18n::colon(ui), i18n::number(ui, m.value))).collect();
    let label = format!(
        "{}{}{}",
        t::TREND.get(ui),
        i18n::colon(ui),
        if said.is_empty() { t::NO_MEASUREMENT.get(ui).to_string() } else { said.join(if ui == Ui::Fr { "\u{202f}; " } else { "; " }) }
    );
    html! {
        svg.trend xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {W} {H}")) role="img"
            aria-label=(label) data-points=(r.trend.len()) {
            line.target x1="0" x2=(W) y1=(y(r.target)) y2=(y(r.target)) data-value=(r.target) {}
            @if r.trend.len() > 1 { polyline.line points=(points.join(" ")) {} }
            @for m in &r.trend {
                circle.point cx=(x(m.on)) cy=(y(m.value)) r="2.5" data-on=(m.on) data-value=(m.value) {
                    title { (i18n::date(ui, m.on)) (if ui == Ui::Fr { "\u{a0}: " } else { ": " }) (i18n::number(ui, m.value)) }
                }
            }
        }
    }
}
