//! The interface in both official languages. Every human-facing word comes from here; each text
//! is a [`Text`] with both languages as required fields, so a message cannot exist in one
//! language only (the compiler refuses it). Machine formats (JSON, CSV, ISO dates) never pass
//! through here.

pub mod help;
mod msg;
pub mod usage;

pub use msg::Msg;

use chrono::{Datelike, NaiveDate};

use crate::model::types::{Kind, Order, State, Status};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ui {
    #[default]
    En,
    Fr,
}

impl Ui {
    /// `--lang`, else `$ENGAGE_LANG`, else `LC_ALL`, `LC_MESSAGES`, `LANG` (any `fr*` is French),
    /// else English.
    pub fn resolve(flag: Option<Ui>, env: impl Fn(&str) -> Option<String>) -> Ui {
        if let Some(ui) = flag {
            return ui;
        }
        for var in ["ENGAGE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = env(var).filter(|v| !v.is_empty()) {
                return if value.to_ascii_lowercase().starts_with("fr") { Ui::Fr } else { Ui::En };
            }
        }
        Ui::En
    }

    /// The `--lang` of a command line not parsed yet (help and usage errors need the language
    /// before clap has run): the value of the last `--lang X` or `--lang=X` before `--`.
    pub fn flag_in(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<Ui> {
        let mut found = None;
        let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
        while let Some(arg) = args.next() {
            let value = match arg.as_str() {
                "--" => break,
                "--lang" => args.next(),
                other => other.strip_prefix("--lang=").map(str::to_string),
            };
            match value.as_deref() {
                Some("fr") => found = Some(Ui::Fr),
                Some("en") => found = Some(Ui::En),
                _ => {}
            }
        }
        found
    }
}

static PROCESS_UI: std::sync::OnceLock<Ui> = std::sync::OnceLock::new();

/// Records the interface's language once, at start-up, for the few places that run without a
/// context (clap's value parsers). Later calls change nothing.
pub fn set_process_ui(ui: Ui) {
    let _ = PROCESS_UI.set(ui);
}

/// The language recorded by [`set_process_ui`]; English before it is set.
pub fn process_ui() -> Ui {
    PROCESS_UI.get().copied().unwrap_or_default()
}

/// One text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub en: &'static str,
    pub fr: &'static str,
}

impl Text {
    pub fn get(&self, ui: Ui) -> &'static str {
        match ui {
            Ui::En => self.en,
            Ui::Fr => self.fr,
        }
    }
}

macro_rules! texts {
    ($($name:ident = $en:literal / $fr:literal;)+) => {
        $(pub const $name: Text = Text { en: $en, fr: $fr };)+
        /// Every text of the catalogue, for tests.
        pub const ALL: &[Text] = &[$($name),+];
    };
}

/// Labels: table headers, section titles and short words.
pub mod t {
    use super::Text;
    texts! {
        DATE = "date" / "date";
        DAYS = "days" / "jours";
        KIND = "kind" / "type";
        KEY = "key" / "clé";
        TITLE = "title" / "titre";
        NAME = "name" / "nom";
        OWNER = "owner" / "responsable";
        STATE = "state" / "état";
        STATUS = "status" / "statut";
        DONE_ON = "done on" / "fait le";
        DUE = "due" / "échéance";
        FORECAST = "forecast" / "prévision";
        SLIP = "slip" / "glissement";
        FLOAT = "float" / "marge";
        ORDER = "order" / "ordre";
        REACHED = "reached" / "jointes";
        NOT_REACHED = "not reached yet" / "pas encore jointes";
        TABLE = "table" / "table";
        MEMBERS = "members" / "membres";
        MEETING = "meeting" / "réunion";
        LOCATION = "location" / "lieu";
        URL = "url" / "adresse";
        LANGUAGE = "language" / "langue";
        COUNTERPART = "counterpart" / "pendant";
        DEPENDS_ON = "depends on" / "dépend de";
        DURATION = "duration" / "durée";
        NOTE = "note" / "note";
        WHEN = "when" / "quand";
        WHO = "who" / "qui";
        COMMAND = "command" / "commande";
        ITEM = "item" / "élément";
        CHANGE = "change" / "changement";
        COUNT = "count" / "nombre";
        GAP = "gap" / "écart";
        OVERDUE_TITLE = "Overdue" / "En retard";
        UPCOMING_TITLE = "Upcoming" / "À venir";
        CRITICAL_PATH = "Critical path" / "Chemin critique";
        REACH = "Reach by order of government" / "Portée par ordre de gouvernement";
        COUNTS = "Items by kind and state" / "Éléments par type et état";
        PARITY = "Official languages: parity gaps" / "Langues officielles : écarts de parité";
        COMPLETE = "complete" / "terminé";
        PROJECTED_END = "projected end" / "fin projetée";
        PLANNED_END = "planned end" / "fin planifiée";
        AHEAD = "ahead" / "d'avance";
        BEHIND = "behind" / "de retard";
        ON_TIME = "on time" / "dans les délais";
        NONE = "none" / "aucun";
        MISSING = "missing" / "manquant";
        TODAY = "today" / "aujourd'hui";
        TOTAL = "total" / "total";
        AS_OF = "as of" / "au";
        AS_OF_LINE = "as of" / "date du rapport :";
        JOURNAL = "Journal" / "Journal";
        REPORT = "Status report" / "Rapport d'étape";
        MILESTONES_TITLE = "Milestones" / "Jalons";
        CHANNELS_TITLE = "Channels" / "Canaux";
        MATERIALS_TITLE = "Materials" / "Documents";
        PLANNED_DATE = "planned date" / "date prévue";
        DONE_MARK = "done" / "fait";
        CRITICAL = "critical path" / "chemin critique";
        PERCENT_COMPLETE = "Complete" / "Achèvement";
        SLIP_TITLE = "Slip" / "Glissement";
        PROJECTED_END_TITLE = "Projected end" / "Fin projetée";
        PLANNED_END_TITLE = "Planned end" / "Fin planifiée";
        GENERATED_BY = "Generated by engage" / "Produit par engage";
        TIMELINE_LABEL = "Milestones on a timeline: planned dates, forecasts, the critical path and the as-of date"
            / "Jalons sur une ligne du temps : dates prévues, prévisions, chemin critique et date du rapport";
        REACH_LABEL = "Organizations reached by order of government" / "Organisations jointes par ordre de gouvernement";
    }
}

/// A state, in words.
pub fn state(ui: Ui, s: State) -> &'static str {
    let text = match s {
        State::DoneOnTime => Text { en: "done on time", fr: "fait à temps" },
        State::DoneLate => Text { en: "done late", fr: "fait en retard" },
        State::Cancelled => Text { en: "cancelled", fr: "annulé" },
        State::Deferred => Text { en: "deferred", fr: "reporté" },
        State::Overdue => Text { en: "overdue", fr: "en retard" },
        State::DueSoon => Text { en: "due soon", fr: "à venir" },
        State::OnTrack => Text { en: "on track", fr: "dans les temps" },
        State::Unscheduled => Text { en: "unscheduled", fr: "non planifié" },
    };
    text.get(ui)
}

/// A status, in words.
pub fn status(ui: Ui, s: Status) -> &'static str {
    let text = match s {
        Status::Planned => Text { en: "planned", fr: "prévu" },
        Status::InProgress => Text { en: "in progress", fr: "en cours" },
        Status::Done => Text { en: "done", fr: "fait" },
        Status::Blocked => Text { en: "blocked", fr: "bloqué" },
        Status::Deferred => Text { en: "deferred", fr: "reporté" },
        Status::Cancelled => Text { en: "cancelled", fr: "annulé" },
    };
    text.get(ui)
}

/// A kind of item, in words.
pub fn kind(ui: Ui, k: Kind) -> &'static str {
    let text = match k {
        Kind::AgendaItem => Text { en: "agenda item", fr: "point à l'ordre du jour" },
        Kind::Channel => Text { en: "channel", fr: "canal" },
        Kind::Material => Text { en: "material", fr: "document" },
        Kind::Meeting => Text { en: "meeting", fr: "réunion" },
        Kind::Milestone => Text { en: "milestone", fr: "jalon" },
    };
    text.get(ui)
}

/// A kind of item named by its spelling (`milestone`, `agenda_item` or `agenda item`,
/// `organization`…), for messages: its noun in each language and the French gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub en: &'static str,
    pub fr: &'static str,
    pub feminine: bool,
}

impl Noun {
    /// `milestone 'b'` / `jalon « b »`.
    pub fn named(self, key: &str) -> Msg {
        Msg { en: format!("{} '{key}'", self.en), fr: format!("{} « {key} »", self.fr) }
    }

    /// A French past participle agreeing with the noun: `créé` → `créée` for a feminine one.
    pub fn agree(self, participle: &str) -> String {
        if self.feminine { format!("{participle}e") } else { participle.to_string() }
    }

    /// `unknown milestone 'b'` / `jalon inconnu « b »`.
    pub fn unknown(self, key: &str) -> Msg {
        let e = if self.feminine { "e" } else { "" };
        Msg { en: format!("unknown {} '{key}'", self.en), fr: format!("{} inconnu{e} « {key} »", self.fr) }
    }
}

/// The noun of a kind of item, from its spelling; unknown spellings read as "item".
pub fn noun(kind: &str) -> Noun {
    let (en, fr, feminine) = match kind {
        "campaign" => ("campaign", "campagne", true),
        "organization" => ("organization", "organisation", true),
        "table" => ("table", "table", true),
        "meeting" => ("meeting", "réunion", true),
        "agenda_item" | "agenda item" => ("agenda item", "point à l'ordre du jour", false),
        "channel" => ("channel", "canal", false),
        "material" => ("material", "document", false),
        "milestone" => ("milestone", "jalon", false),
        _ => ("item", "élément", false),
    };
    Noun { en, fr, feminine }
}

/// An order of government, in words.
pub fn order(ui: Ui, o: Order) -> &'static str {
    let text = match o {
        Order::Federal => Text { en: "federal", fr: "fédéral" },
        Order::Provincial => Text { en: "provincial", fr: "provincial" },
        Order::Territorial => Text { en: "territorial", fr: "territorial" },
        Order::Indigenous => Text { en: "Indigenous", fr: "autochtone" },
        Order::Municipal => Text { en: "municipal", fr: "municipal" },
        Order::Other => Text { en: "other", fr: "autre" },
    };
    text.get(ui)
}

/// A field of an item, as `show` labels it; `None` for a field it does not know.
pub fn field(ui: Ui, name: &str) -> Option<&'static str> {
    let text = match name {
        "key" => t::KEY,
        "name" => t::NAME,
        "name_fr" => Text { en: "name in French", fr: "nom en français" },
        "title" => t::TITLE,
        "title_fr" => Text { en: "title in French", fr: "titre en français" },
        "topic" => Text { en: "topic", fr: "sujet" },
        "topic_fr" => Text { en: "topic in French", fr: "sujet en français" },
        "order" => t::ORDER,
        "jurisdiction" => Text { en: "jurisdiction", fr: "compétence" },
        "contact" => Text { en: "contact", fr: "contact" },
        "kind" => t::KIND,
        "members" => t::MEMBERS,
        "chair" => Text { en: "chair", fr: "présidence" },
        "table" => t::TABLE,
        "meeting" => t::MEETING,
        "date" => t::DATE,
        "end_date" => Text { en: "end date", fr: "date de fin" },
        "location" => t::LOCATION,
        "owner" => t::OWNER,
        "organization" => Text { en: "organization", fr: "organisation" },
        "due" => t::DUE,
        "duration_days" => Text { en: "duration (days)", fr: "durée (jours)" },
        "depends_on" => t::DEPENDS_ON,
        "status" => t::STATUS,
        "done_on" => t::DONE_ON,
        "note" => t::NOTE,
        "state" => t::STATE,
        "url" => t::URL,
        "lang" => t::LANGUAGE,
        "counterpart" => t::COUNTERPART,
        "start" => Text { en: "start", fr: "début" },
        "end" => Text { en: "end", fr: "fin" },
        "leads" => Text { en: "leads", fr: "responsables" },
        _ => return None,
    };
    Some(text.get(ui))
}

/// A value of a closed set that is not a state, status, kind of item or order (table, channel
/// and material kinds; languages), in words; `None` for a value it does not know.
pub fn value(ui: Ui, raw: &str) -> Option<&'static str> {
    let text = match raw {
        "table" => Text { en: "table", fr: "table" },
        "committee" => Text { en: "committee", fr: "comité" },
        "council" => Text { en: "council", fr: "conseil" },
        "symposium" => Text { en: "symposium", fr: "symposium" },
        "network" => Text { en: "network", fr: "réseau" },
        "website" => Text { en: "website", fr: "site Web" },
        "newsletter" => Text { en: "newsletter", fr: "bulletin" },
        "magazine" => Text { en: "magazine", fr: "magazine" },
        "email" => Text { en: "email", fr: "courriel" },
        "social" => Text { en: "social media", fr: "médias sociaux" },
        "event" => Text { en: "event", fr: "événement" },
        "key_messages" => Text { en: "key messages", fr: "messages clés" },
        "presentation" => Text { en: "presentation", fr: "présentation" },
        "talking_points" => Text { en: "talking points", fr: "notes d'allocution" },
        "plan" => Text { en: "plan", fr: "plan" },
        "other" => Text { en: "other", fr: "autre" },
        "en" => Text { en: "English", fr: "anglais" },
        "fr" => Text { en: "French", fr: "français" },
        "bilingual" => Text { en: "bilingual", fr: "bilingue" },
        _ => return None,
    };
    Some(text.get(ui))
}

/// A journal action (`create`, `update`, `delete`) done to an item of `kind`, in words: in
/// French the participle agrees with the item (`créée` for a meeting).
pub fn action(ui: Ui, action: &str, kind: &str) -> String {
    let text = match action {
        "create" => Text { en: "created", fr: "créé" },
        "update" => Text { en: "updated", fr: "modifié" },
        "delete" => Text { en: "deleted", fr: "supprimé" },
        other => return other.to_string(),
    };
    match ui {
        Ui::En => text.en.to_string(),
        Ui::Fr => noun(kind).agree(text.fr),
    }
}

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

/// A percentage with one decimal: `28.6%` in English, `28,6 %` in French.
pub fn percent(ui: Ui, value: f64) -> String {
    match ui {
        Ui::En => format!("{value:.1}%"),
        Ui::Fr => format!("{value:.1}\u{a0}%").replace('.', ","),
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

/// `5 of 14 items done` / `5 éléments faits sur 14`.
pub fn done_of(ui: Ui, done: u64, counted: u64) -> String {
    match ui {
        Ui::En => format!("{done} of {counted} items done"),
        Ui::Fr if done <= 1 => format!("{done} élément fait sur {counted}"),
        Ui::Fr => format!("{done} éléments faits sur {counted}"),
    }
}

/// The line under a table cut short: `… and 30 more (engage export progress lists them all)`.
pub fn more_rows(ui: Ui, more: usize) -> String {
    match ui {
        Ui::En => format!("… and {more} more (engage export progress lists them all)"),
        Ui::Fr => format!("… et {more} autres (liste complète : engage export progress)"),
    }
}

/// The caption of a timeline that leaves milestones out.
pub fn timeline_subset(ui: Ui, shown: usize, total: usize) -> String {
    match ui {
        Ui::En => {
            format!("{shown} of {total} milestones shown: the critical path, then overdue ones, then those due nearest the as-of date.")
        }
        Ui::Fr => format!(
            "{shown} jalons affichés sur {total} : le chemin critique, puis les jalons en retard, puis ceux dont l'échéance est la plus proche de la date du rapport."
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for text in t::ALL {
            assert!(!text.en.is_empty() && !text.fr.is_empty(), "{text:?}");
        }
        for s in State::ALL {
            assert_ne!(state(Ui::Fr, *s), "");
        }
    }

    #[test]
    fn french_conventions() {
        assert_eq!(date(Ui::Fr, NaiveDate::from_ymd_opt(2018, 7, 18).unwrap()), "18 juillet 2018");
        assert_eq!(date(Ui::Fr, NaiveDate::from_ymd_opt(2018, 10, 1).unwrap()), "1er octobre 2018");
        assert_eq!(percent(Ui::Fr, 28.6), "28,6\u{a0}%");
        assert_eq!(percent(Ui::En, 28.6), "28.6%");
        assert_eq!(state(Ui::Fr, State::Overdue), "en retard");
        assert_eq!(days(Ui::En, -6), "\u{2212}6");
        assert_eq!(days(Ui::En, 5), "in 5 days");
    }

    #[test]
    fn language_resolution() {
        let env =
            |pairs: &'static [(&'static str, &'static str)]| move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string());
        assert_eq!(Ui::resolve(Some(Ui::Fr), env(&[])), Ui::Fr);
        assert_eq!(Ui::resolve(None, env(&[("LANG", "fr_CA.UTF-8")])), Ui::Fr);
        assert_eq!(Ui::resolve(None, env(&[("ENGAGE_LANG", "en"), ("LANG", "fr_CA.UTF-8")])), Ui::En);
        assert_eq!(Ui::resolve(None, env(&[("LC_ALL", "C.UTF-8"), ("LANG", "fr_CA")])), Ui::En);
        assert_eq!(Ui::resolve(None, env(&[])), Ui::En);
    }
}
