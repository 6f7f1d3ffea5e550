//! The domain's words in both languages: states, statuses, kinds of item with their French
//! gender, orders of government, field names and the values of the plan file's closed sets.

use super::{Msg, Text, Ui, t};
use crate::model::change::{Action, Subject};
use crate::model::types::{Family, Order, State, Status};

/// A state, in words.
pub fn state(ui: Ui, s: State) -> &'static str {
    let text = match s {
        State::DoneOnTime => Text { en: "done on time", fr: "terminé dans les délais" },
        State::DoneLate => Text { en: "done late", fr: "terminé en retard" },
        State::Cancelled => Text { en: "cancelled", fr: "annulé" },
        State::Deferred => Text { en: "deferred", fr: "reporté" },
        State::Overdue => Text { en: "overdue", fr: "en retard" },
        State::DueSoon => Text { en: "due soon", fr: "échéance proche" },
        State::OnTrack => Text { en: "on track", fr: "en bonne voie" },
        State::Unscheduled => Text { en: "unscheduled", fr: "non planifié" },
    };
    text.get(ui)
}

/// A status, in words.
pub fn status(ui: Ui, s: Status) -> &'static str {
    let text = match s {
        Status::Planned => Text { en: "planned", fr: "prévu" },
        Status::InProgress => Text { en: "in progress", fr: "en cours" },
        Status::Done => Text { en: "done", fr: "terminé" },
        Status::Blocked => Text { en: "blocked", fr: "bloqué" },
        Status::Deferred => Text { en: "deferred", fr: "reporté" },
        Status::Cancelled => Text { en: "cancelled", fr: "annulé" },
    };
    text.get(ui)
}

/// A kind of item, in words.
pub fn kind(ui: Ui, k: Family) -> &'static str {
    let text = match k {
        Family::Action => Text { en: "action", fr: "action de suivi" },
        Family::AgendaItem => Text { en: "agenda item", fr: "point à l'ordre du jour" },
        Family::Channel => Text { en: "channel", fr: "canal" },
        Family::Material => Text { en: "material", fr: "document" },
        Family::Meeting => Text { en: "meeting", fr: "réunion" },
        Family::Milestone => Text { en: "milestone", fr: "jalon" },
        Family::Organization => Text { en: "organization", fr: "organisation" },
        Family::Result => Text { en: "result", fr: "résultat" },
        Family::Table => Text { en: "table", fr: "table" },
        Family::Person => Text { en: "person", fr: "personne" },
        Family::Distribution => Text { en: "distribution", fr: "envoi" },
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
        Msg { en: format!("{} '{key}'", self.en), fr: format!("{} «\u{202f}{key}\u{202f}»", self.fr) }
    }

    /// `milestone 'b'` / `le jalon « b »`: with the French definite article, to begin a sentence.
    pub fn the_named(self, key: &str) -> Msg {
        let article = if self.fr.starts_with(['a', 'e', 'é', 'i', 'o', 'u']) {
            "l'"
        } else if self.feminine {
            "la "
        } else {
            "le "
        };
        Msg { en: format!("{} '{key}'", self.en), fr: format!("{article}{} «\u{202f}{key}\u{202f}»", self.fr) }
    }

    /// A French past participle agreeing with the noun: `créé` → `créée` for a feminine one.
    pub fn agree(self, participle: &str) -> String {
        if self.feminine { format!("{participle}e") } else { participle.to_string() }
    }

    /// `unknown milestone 'b'` / `jalon inconnu « b »`.
    pub fn unknown(self, key: &str) -> Msg {
        let e = if self.feminine { "e" } else { "" };
        Msg { en: format!("unknown {} '{key}'", self.en), fr: format!("{} inconnu{e} «\u{202f}{key}\u{202f}»", self.fr) }
    }
}

/// The noun of the campaign or of a family of items.
pub fn noun(subject: impl Into<Subject>) -> Noun {
    let (en, fr, feminine) = match subject.into() {
        Subject::Campaign => ("campaign", "campagne", true),
        Subject::Glossary => ("glossary entry", "entrée du glossaire", true),
        Subject::Item(family) => match family {
            Family::Organization => ("organization", "organisation", true),
            Family::Table => ("table", "table", true),
            Family::Meeting => ("meeting", "réunion", true),
            Family::AgendaItem => ("agenda item", "point à l'ordre du jour", false),
            Family::Channel => ("channel", "canal", false),
            Family::Material => ("material", "document", false),
            Family::Milestone => ("milestone", "jalon", false),
            Family::Person => ("person", "personne", true),
            Family::Distribution => ("distribution", "envoi", false),
            Family::Action => ("action", "action de suivi", true),
            Family::Result => ("result", "résultat", false),
        },
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
        "topic" => t::TOPIC,
        "topic_fr" => Text { en: "topic in French", fr: "sujet en français" },
        "order" => t::ORDER,
        "jurisdiction" => t::JURISDICTION,
        "item" => Text { en: "item", fr: "point" },
        "contact" => Text { en: "contact", fr: "contact" },
        "kind" => t::KIND,
        "members" => t::MEMBERS,
        "chair" => Text { en: "chair", fr: "présidence" },
        "table" => t::TABLE,
        "meeting" => t::MEETING,
        "date" => t::DATE,
        "end_date" => Text { en: "end date", fr: "date de fin" },
        "location" => t::LOCATION,
        "attended" => Text { en: "attended", fr: "présences" },
        "outcome" => Text { en: "outcome", fr: "décisions" },
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
        "role" => Text { en: "role", fr: "rôle" },
        "email" => Text { en: "email", fr: "courriel" },
        "source" => Text { en: "source", fr: "source" },
        "contact_permitted" => Text { en: "contact permitted", fr: "contact permis" },
        "retain_until" => Text { en: "keep until", fr: "conserver jusqu'au" },
        "material" => Text { en: "material", fr: "document" },
        "to" => Text { en: "to", fr: "destinataire" },
        "via" => Text { en: "via", fr: "par" },
        "acknowledged_on" => Text { en: "acknowledged on", fr: "accusé de réception le" },
        "target" => t::TARGET,
        "unit" => t::UNIT,
        "value" => t::VALUE,
        "measured_on" => t::MEASURED_ON,
        "percent_of_target" => t::PERCENT_OF_TARGET,
        "measures" => Text { en: "measurements", fr: "mesures" },
        "on" => t::DATE,
        "english" => t::GLOSSARY_VALUE,
        "french" => t::GLOSSARY_FRENCH,
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
        "symposium" => Text { en: "symposium", fr: "colloque" },
        "network" => Text { en: "network", fr: "réseau" },
        "website" => Text { en: "website", fr: "site Web" },
        "newsletter" => Text { en: "newsletter", fr: "bulletin" },
        "magazine" => Text { en: "magazine", fr: "revue" },
        "email" => Text { en: "email", fr: "courriel" },
        "social" => Text { en: "social media", fr: "médias sociaux" },
        "event" => Text { en: "event", fr: "événement" },
        "key_messages" => Text { en: "key messages", fr: "messages clés" },
        "presentation" => Text { en: "presentation", fr: "présentation" },
        "talking_points" => Text { en: "talking points", fr: "points de discussion" },
        "plan" => Text { en: "plan", fr: "plan" },
        "other" => Text { en: "other", fr: "autre" },
        "en" => Text { en: "English", fr: "anglais" },
        "fr" => Text { en: "French", fr: "français" },
        "bilingual" => Text { en: "bilingual", fr: "bilingue" },
        _ => return None,
    };
    Some(text.get(ui))
}

/// A journal action done to the campaign or an item of a family, in words: in French the
/// participle agrees with the item (`créée` for a meeting).
pub fn action(ui: Ui, action: Action, subject: Subject) -> String {
    let text = match action {
        Action::Create => Text { en: "created", fr: "créé" },
        Action::Update => Text { en: "updated", fr: "modifié" },
        Action::Delete => Text { en: "deleted", fr: "supprimé" },
    };
    match ui {
        Ui::En => text.en.to_string(),
        Ui::Fr => noun(subject).agree(text.fr),
    }
}
