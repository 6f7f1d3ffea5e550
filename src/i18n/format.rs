//! How things are written for people in each language: dates, months, percentages, days
//! relative to as-of, the schedule's slip and the report's small phrases.

use chrono::{Datelike, NaiveDate};

use super::{Ui, t};

const MONTHS_FR: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/// A date for people: ISO in English (`2018-07-18`), written out in French (`18 juillet 2018`,
/// `1er octobre 2018`).
pub fn date(ui: Ui, d: NaiveDate) -> String {
    match ui {
        Ui::En => d.to_string(),
        Ui::Fr => {
            let day = if d.day() == 1 { "1er".to_string() } else { d.day().to_string() };
            format!("{day} {} {}", MONTHS_FR[d.month0() as usize], d.year())
        }
    }
}

/// The one line that says what in the seed campaign is illustrative.
pub fn illustrative(ui: Ui) -> &'static str {
    match ui {
        Ui::En => {
            "Note: this demo follows the 2018 engagement strategy; names of members, dates beyond the strategy's own and statuses are illustrative."
        }
        Ui::Fr => {
            "Remarque\u{a0}: cette démonstration suit la stratégie de mobilisation de 2018\u{202f}; les noms des membres, les dates autres que celles de la stratégie et les statuts sont fictifs."
        }
    }
}

/// A span of days for people: `2018-10-01 to 2018-10-03` in English; in French `du 1er au
/// 3 octobre 2018`, `du 28 septembre au 3 octobre 2018`, `du 28 décembre 2018 au 3 janvier
/// 2019`. One day (`to` not after `from`) is written as [`date`].
pub fn date_range(ui: Ui, from: NaiveDate, to: NaiveDate) -> String {
    if to <= from {
        return date(ui, from);
    }
    match ui {
        Ui::En => format!("{from} to {to}"),
        Ui::Fr => {
            let day = |d: NaiveDate| if d.day() == 1 { "1er".to_string() } else { d.day().to_string() };
            let first = if from.year() != to.year() {
                date(ui, from)
            } else if from.month() != to.month() {
                format!("{} {}", day(from), MONTHS_FR[from.month0() as usize])
            } else {
                day(from)
            };
            format!("du {first} au {}", date(ui, to))
        }
    }
}

/// A journal time (RFC 3339, UTC) for people: `2026-11-29 03:23` in English, `29 novembre 2026,
/// 3 h 23` in French; a text that is not such a time is shown as it is.
pub fn timestamp(ui: Ui, at: &str) -> String {
    let Ok(t) = chrono::DateTime::parse_from_rfc3339(at) else { return at.to_string() };
    let t = t.naive_utc();
    match ui {
        Ui::En => t.format("%Y-%m-%d %H:%M").to_string(),
        Ui::Fr => format!("{}, {} h {:02}", date(ui, t.date()), t.format("%-H"), t.format("%M")),
    }
}

/// A percentage with one decimal: `28.6%` in English, `28,6 %` in French.
pub fn percent(ui: Ui, value: f64) -> String {
    match ui {
        Ui::En => format!("{value:.1}%"),
        Ui::Fr => format!("{value:.1}\u{a0}%").replace('.', ","),
    }
}

/// A measured figure: as short as it is exact (`40`, `12.5`), with a decimal comma in French
/// (`12,5`).
pub fn number(ui: Ui, value: f64) -> String {
    let text = format!("{value}");
    match ui {
        Ui::En => text,
        Ui::Fr => text.replace('.', ","),
    }
}

const MONTHS_SHORT_FR: [&str; 12] = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_SHORT_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A month and year, short, for chart ticks: `Jul 2018`, `juill. 2018`.
pub fn month(ui: Ui, d: NaiveDate) -> String {
    let names = match ui {
        Ui::En => MONTHS_SHORT_EN,
        Ui::Fr => MONTHS_SHORT_FR,
    };
    format!("{} {}", names[d.month0() as usize], d.year())
}

/// The schedule's slip in words: `6 days behind`, `3 jours d'avance`, `on time`; `—` when there
/// is no projected end.
pub fn slip(ui: Ui, days: Option<i64>) -> String {
    let count = |n: i64| match (ui, n) {
        (Ui::En, 1) => "1 day".to_string(),
        (Ui::En, n) => format!("{n} days"),
        (Ui::Fr, 1) => "1 jour".to_string(),
        (Ui::Fr, n) => format!("{n} jours"),
    };
    match days {
        Some(d) if d > 0 => format!("{} {}", count(d), t::BEHIND.get(ui)),
        Some(d) if d < 0 => format!("{} {}", count(-d), t::AHEAD.get(ui)),
        Some(_) => t::ON_TIME.get(ui).to_string(),
        None => "—".into(),
    }
}

/// `Next 14 days` / `Les 14 prochains jours`; `Next day` / `Le jour suivant`; `Today` /
/// `Aujourd'hui` for a window of 0 days.
pub fn next_days(ui: Ui, days: i64) -> String {
    match (ui, days) {
        (Ui::En, 0) => "Today".into(),
        (Ui::Fr, 0) => "Aujourd'hui".into(),
        (Ui::En, 1) => "Next day".into(),
        (Ui::Fr, 1) => "Le jour suivant".into(),
        (Ui::En, d) => format!("Next {d} days"),
        (Ui::Fr, d) => format!("Les {d} prochains jours"),
    }
}

/// `5 of 14 items done` / `5 éléments terminés sur 14`.
pub fn done_of(ui: Ui, done: u64, counted: u64) -> String {
    match ui {
        Ui::En => format!("{done} of {counted} items done"),
        Ui::Fr if done <= 1 => format!("{done} élément terminé sur {counted}"),
        Ui::Fr => format!("{done} éléments terminés sur {counted}"),
    }
}

/// The status line's progress: `50.0% complete (21/42)` / `Avancement : 50,0 % (21 sur 42)`.
pub fn progress(ui: Ui, percent_complete: f64, done: u64, counted: u64) -> String {
    match ui {
        Ui::En => format!("{} complete ({done}/{counted})", percent(ui, percent_complete)),
        Ui::Fr => format!("Avancement\u{a0}: {} ({done} sur {counted})", percent(ui, percent_complete)),
    }
}

/// The line under a table cut short: `… and 30 more (engage export progress lists them all)`.
pub fn more_rows(ui: Ui, more: usize) -> String {
    match ui {
        Ui::En => format!("… and {more} more (engage export progress lists them all)"),
        Ui::Fr => format!("… et {more} autres (liste complète\u{a0}: engage export progress)"),
    }
}

/// The caption of a timeline that leaves milestones out.
pub fn timeline_subset(ui: Ui, shown: usize, total: usize) -> String {
    match ui {
        Ui::En => {
            format!("{shown} of {total} milestones shown: the critical path, then overdue ones, then those due nearest the as-of date.")
        }
        Ui::Fr => format!(
            "{shown} jalons affichés sur {total}\u{a0}: le chemin critique, puis les jalons en retard, puis ceux dont l'échéance est la plus proche de la date du rapport."
        ),
    }
}

/// `: ` in English, ` :` with a non-breaking space in French.
pub fn colon(ui: Ui) -> &'static str {
    match ui {
        Ui::En => ": ",
        Ui::Fr => "\u{a0}: ",
    }
}

/// What the milestone timeline shows, in words: how many milestones, over which days, and the
/// planned and projected ends.
pub fn timeline_desc(ui: Ui, shown: usize, from: NaiveDate, to: NaiveDate, planned: NaiveDate, projected: Option<NaiveDate>) -> String {
    let projected = projected.map_or_else(|| "—".to_string(), |d| date(ui, d));
    match ui {
        Ui::En => format!(
            "{shown} milestones, from {} to {}. Planned end: {}; projected end: {projected}.",
            date(ui, from),
            date(ui, to),
            date(ui, planned)
        ),
        Ui::Fr => format!(
            "{shown}\u{a0}jalons, du {} au {}. Fin prévue\u{a0}: {}\u{202f}; fin estimée\u{a0}: {projected}.",
            date(ui, from),
            date(ui, to),
            date(ui, planned)
        ),
    }
}

/// Days relative to as-of: `−6` when late, `today`, `in 5 days`.
pub fn days(ui: Ui, days: i64) -> String {
    match (ui, days) {
        (_, 0) => t::TODAY.get(ui).to_string(),
        (_, d) if d < 0 => format!("\u{2212}{}", -d),
        (Ui::En, d) => format!("in {d} day{}", if d == 1 { "" } else { "s" }),
        (Ui::Fr, d) => format!("dans {d} jour{}", if d == 1 { "" } else { "s" }),
    }
}
