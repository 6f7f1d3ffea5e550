//! The interface in both official languages. Every human-facing word comes from here; each text
//! is a [`Text`] with both languages as required fields, so a message cannot exist in one
//! language only (the compiler refuses it). Machine formats (JSON, CSV, ISO dates) never pass
//! through here.

pub mod faults;
mod format;
pub mod help;
mod msg;
pub mod usage;
mod words;

pub use format::{
    colon, date, date_range, days, done_of, illustrative, month, more_rows, next_days, number, percent, progress, slip, timeline_desc,
    timeline_subset, timestamp,
};
pub use msg::Msg;
pub use words::{Noun, action, field, kind, noun, order, state, status, value};

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
        DONE_ON = "done on" / "terminé le";
        DUE = "due" / "échéance";
        FORECAST = "forecast" / "prévision";
        SLIP = "slip" / "écart";
        FLOAT = "float" / "marge";
        ORDER = "order" / "ordre";
        REACHED = "reached" / "atteintes";
        NOT_REACHED = "not reached yet" / "pas encore atteintes";
        TABLE = "table" / "table";
        MEMBERS = "members" / "membres";
        MEETING = "meeting" / "réunion";
        LOCATION = "location" / "lieu";
        TOPIC = "topic" / "sujet";
        YES = "yes" / "oui";
        NO = "no" / "non";
        MATERIAL = "material" / "document";
        TO = "to" / "destinataire";
        ORGANIZATION = "organization" / "organisation";
        ROLE = "role" / "rôle";
        EMAIL = "email" / "courriel";
        VIA = "via" / "par";
        ACKNOWLEDGED_ON = "acknowledged on" / "accusé de réception le";
        PEOPLE_TITLE = "People" / "Personnes";
        COVERAGE_TITLE = "Coverage: who the campaign reached, and how" / "Couverture\u{a0}: qui la campagne a atteint, et comment";
        REACHED_ON = "reached on" / "atteinte le";
        NOT_REACHED_ONE = "not reached yet" / "pas encore atteinte";
        MEETINGS_COUNT = "meetings" / "réunions";
        CHANNELS_COUNT = "channels" / "canaux";
        DISTRIBUTIONS_COUNT = "distributions" / "envois";
        NEXT_OPPORTUNITY = "next opportunity" / "prochaine occasion";
        MATERIAL_TITLE = "Material" / "Document";
        RECIPIENT_TITLE = "Recipient" / "Destinataire";
        DISTRIBUTIONS_TITLE = "Distributions" / "Envois";
        JURISDICTION = "jurisdiction" / "compétence";
        NOT_RECORDED = "not recorded" / "non consignée";
        NOBODY = "nobody" / "personne";
        TABLES_TITLE = "Tables" / "Tables";
        MEETINGS_TITLE = "Meetings" / "Réunions";
        MEMBERS_TITLE = "Members" / "Membres";
        AGENDA_TITLE = "Agenda" / "Ordre du jour";
        ATTENDED_TITLE = "Meetings attended" / "Réunions auxquelles elle a assisté";
        ATTENDED_TITLE_ORGS = "Attended" / "Présents";
        DEPENDENCIES_TITLE = "Depends on" / "Dépend de";
        DEPENDENTS_TITLE = "Needed by" / "Requis par";
        COUNTERPART_TITLE = "Counterpart" / "Version équivalente";
        MEETING_OF_TITLE = "Meeting" / "Réunion";
        ORGANIZATION_TITLE = "Organization" / "Organisation";
        URL = "url" / "adresse";
        LANGUAGE = "language" / "langue";
        COUNTERPART = "counterpart" / "version équivalente";
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
        GLOSSARY_VALUE = "value" / "valeur";
        GLOSSARY_FRENCH = "French" / "en français";
        OVERDUE_TITLE = "Overdue" / "En retard";
        UPCOMING_TITLE = "Upcoming" / "À venir";
        CRITICAL_PATH = "Critical path" / "Chemin critique";
        REACH = "Reach by order of government" / "Portée par ordre de gouvernement";
        COUNTS = "Items by kind and state" / "Éléments par type et état";
        PARITY = "Official languages: parity gaps" / "Langues officielles\u{a0}: écarts de parité";
        PROJECTED_END = "projected end" / "fin estimée";
        PLANNED_END = "planned end" / "fin prévue";
        AHEAD = "ahead" / "d'avance";
        BEHIND = "behind" / "de retard";
        ON_TIME = "on time" / "dans les délais";
        NONE = "none" / "aucun";
        MISSING = "missing" / "manquant";
        TODAY = "today" / "aujourd'hui";
        TOTAL = "total" / "total";
        AS_OF = "as of" / "au";
        AS_OF_LINE = "as of" / "date du rapport\u{a0}:";
        JOURNAL = "Journal" / "Journal";
        REPORT = "Status report" / "Rapport d'étape";
        MILESTONES_TITLE = "Milestones" / "Jalons";
        CHANNELS_TITLE = "Channels" / "Canaux";
        MATERIALS_TITLE = "Materials" / "Documents";
        PLANNED_DATE = "planned date" / "date prévue";
        DONE_MARK = "done" / "terminé";
        CRITICAL = "critical path" / "chemin critique";
        PERCENT_COMPLETE = "Complete" / "Avancement";
        SLIP_TITLE = "Slip" / "Écart";
        PROJECTED_END_TITLE = "Projected end" / "Fin estimée";
        PLANNED_END_TITLE = "Planned end" / "Fin prévue";
        GENERATED_BY = "Generated by engage" / "Produit par engage";
        TIMELINE_LABEL = "Milestones on a timeline: planned dates, forecasts, the critical path and the as-of date"
            / "Jalons sur une ligne du temps\u{a0}: dates prévues, prévisions, chemin critique et date du rapport";
        REACH_LABEL = "Organizations reached by order of government" / "Organisations atteintes par ordre de gouvernement";
        ACTIONS_TITLE = "Actions" / "Actions de suivi";
        RESULTS_TITLE = "Expected results" / "Résultats attendus";
        MEASURES_TITLE = "Measurements" / "Mesures";
        TARGET = "target" / "cible";
        UNIT = "unit" / "unité";
        VALUE = "value" / "valeur";
        MEASURED_ON = "measured on" / "mesuré le";
        PERCENT_OF_TARGET = "% of target" / "% de la cible";
        NOT_MEASURED = "not measured yet" / "pas encore mesuré";
        TREND = "trend" / "évolution";
        WHOLE_CAMPAIGN = "Whole campaign" / "Toute la campagne";
        RESULTS_LABEL = "Expected results: the latest value against the target, and the trend of measurements"
            / "Résultats attendus\u{a0}: la dernière valeur par rapport à la cible, et l'évolution des mesures";
        HEADLINE_TITLE = "At a glance" / "En bref";
        AS_TABLE = "The same figures as a table" / "Les mêmes données sous forme de tableau";
        SHARE_REACHED = "share reached" / "part atteinte";
        NO_MEASUREMENT = "no measurement yet" / "aucune mesure pour l'instant";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::State;
    use chrono::NaiveDate;

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
        let d = |m, d| NaiveDate::from_ymd_opt(2018, m, d).unwrap();
        assert_eq!(date_range(Ui::Fr, d(10, 1), d(10, 3)), "du 1er au 3 octobre 2018");
        assert_eq!(date_range(Ui::Fr, d(9, 28), d(10, 3)), "du 28 septembre au 3 octobre 2018");
        assert_eq!(date_range(Ui::En, d(10, 1), d(10, 3)), "2018-10-01 to 2018-10-03");
        assert_eq!(timestamp(Ui::Fr, "2026-11-29T03:23:45Z"), "29 novembre 2026, 3 h 23");
        assert_eq!(timestamp(Ui::En, "2026-11-29T03:23:45.123Z"), "2026-11-29 03:23");
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
