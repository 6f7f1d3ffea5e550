//! The checks of a plan file that need the whole campaign: every reference resolves, counterparts
//! are in the other language, and milestones form no cycle. They run on the plan as it would be
//! once applied (the store's record with the file merged in), so a file may refer to items the
//! store already holds.

use super::merge::Rest;
use super::parse::{ParsedPlan, Reference, Target};
use super::source::{Pos, Problem};
use crate::i18n::{self, Msg};
use crate::model::change::Subject;
use crate::model::parity::{Conflict, Unpaired, unpaired};
use crate::model::plan::Plan;
use crate::model::schedule::find_cycle;
use crate::model::types::{Family, Lang, Status};
use crate::msg;

/// Why the counterpart of a channel or material (`noun`) does not pair up, as a sentence about it.
fn unpaired_message(noun: Family, u: &Unpaired) -> Msg {
    let cp = &u.counterpart;
    let why = match &u.conflict {
        Conflict::NamesOther(other) => {
            let key = &u.key;
            msg!(
                "counterpart '{cp}' names '{other}' as its counterpart, not '{key}': a counterpart must name this one back",
                "la version équivalente «\u{202f}{cp}\u{202f}» a «\u{202f}{other}\u{202f}» pour version équivalente, pas «\u{202f}{key}\u{202f}»\u{a0}: une version équivalente doit désigner celle-ci en retour"
            )
        }
        Conflict::AlsoNamedBy(other) => {
            msg!(
                "counterpart '{cp}' is already the counterpart of '{other}'",
                "«\u{202f}{cp}\u{202f}» est déjà la version équivalente de «\u{202f}{other}\u{202f}»"
            )
        }
    };
    i18n::noun(noun).named(&u.key).join(": ", "\u{a0}: ", &why)
}

/// What reference `r` finds in `plan`: `None` when there is nothing of its key and kind there,
/// else the language of what it finds (for a channel or a material; `None` for other kinds).
/// A file's item replaces the stored one of its key whole (its progress aside), so a reference
/// that finds an item of the file finds the same in the campaign the file makes: it can be
/// checked as soon as the file is read.
pub(super) fn found(plan: &Plan, r: &Reference) -> Option<Option<Lang>> {
    match r.target {
        Target::Organization => plan.organizations.get(&r.key).map(|_| None),
        Target::Table => plan.tables.get(&r.key).map(|_| None),
        Target::Milestone => plan.milestones.get(&r.key).map(|_| None),
        Target::Channel => plan.channels.get(&r.key).map(|c| Some(c.lang)),
        Target::Material => plan.materials.get(&r.key).map(|m| Some(m.lang)),
        Target::Recipient => (plan.organizations.contains_key(&r.key) || plan.people.contains_key(&r.key)).then_some(None),
        Target::Meeting => plan.meetings.get(&r.key).map(|_| None),
    }
}

/// Key and counterpart of each of `items`, as [`unpaired`] takes them.
fn links(items: &[(String, Option<String>)]) -> impl Iterator<Item = (&str, Option<&str>)> {
    items.iter().map(|(k, c)| (k.as_str(), c.as_deref()))
}

/// Whether the file declares the key `r` refers to (an item dropped for an error of its own).
fn declared(parsed: &ParsedPlan, r: &Reference) -> bool {
    parsed.key_pos.contains_key(&(r.target.family(), r.key.clone()))
        || (r.target == Target::Recipient && parsed.key_pos.contains_key(&(Family::Person, r.key.clone())))
}

/// The problem with reference `r` having found an item in language `lang` ([`found`]): a
/// counterpart must be in the other official language.
pub(super) fn wrong_language(r: &Reference, lang: Option<Lang>) -> Option<Problem> {
    let (other, mine) = (lang?, r.counterpart_of?);
    if other != mine && other != Lang::Bilingual {
        return None;
    }
    let named = i18n::noun(r.target.family()).named(&r.key);
    let (en, fr) = (&named.en, &named.fr);
    let wrong = msg!(
        "{en} is in '{other}', not in the other official language of '{mine}'",
        "{fr} est en «\u{202f}{other}\u{202f}», pas dans l'autre langue officielle que «\u{202f}{mine}\u{202f}»"
    );
    Some(Problem { pos: r.pos, message: r.from.join(": ", "\u{a0}: ", &wrong) })
}

/// Every problem of `parsed` once merged into `merged` (with `rest`, what is needed of the
/// stored items `merged` leaves out: see [`Rest`]); empty when it may be applied. The
/// references the file's own items resolve were checked as it was read ([`found`]).
pub fn validate(parsed: &ParsedPlan, merged: &Plan, rest: &Rest) -> Vec<Problem> {
    let mut problems = Vec::new();
    if merged.campaign.is_none() {
        problems.push(Problem {
            pos: Pos { line: 1, col: 1 },
            message: msg!(
                "the store has no campaign yet: the plan needs a [campaign] section with 'name' and 'end'",
                "la base de données n'a pas encore de campagne\u{a0}: le plan doit avoir une section [campaign] avec «\u{202f}name\u{202f}» et «\u{202f}end\u{202f}»"
            ),
        });
    }
    for r in &parsed.references {
        match found(merged, r).or_else(|| rest.found(r.target.family(), &r.key, r.target == Target::Recipient)) {
            Some(lang) => problems.extend(wrong_language(r, lang)),
            // Declared in the file but dropped for an error of its own: already reported.
            None if declared(parsed, r) => {}
            None if r.target == Target::Recipient => {
                let key = &r.key;
                let unknown = msg!(
                    "unknown recipient '{key}' (neither an organization nor a person)",
                    "destinataire inconnu «\u{202f}{key}\u{202f}» (ni une organisation ni une personne)"
                );
                problems.push(Problem { pos: r.pos, message: r.from.join(": ", "\u{a0}: ", &unknown) })
            }
            None => problems
                .push(Problem { pos: r.pos, message: r.from.join(": ", "\u{a0}: ", &i18n::noun(r.target.family()).unknown(&r.key)) }),
        }
    }
    // Counterparts pair up: placed at the file's counterpart, else at the key of the item the
    // file changes; a pair the file does not touch is left to `engage check`.
    let channels = unpaired(merged.channels.values().map(|c| (c.key.as_str(), c.counterpart.as_deref())).chain(links(&rest.channels)));
    let materials = unpaired(merged.materials.values().map(|m| (m.key.as_str(), m.counterpart.as_deref())).chain(links(&rest.materials)));
    for (section, u) in channels.iter().map(|u| (Family::Channel, u)).chain(materials.iter().map(|u| (Family::Material, u))) {
        let at = |key: &str| (section, key.to_string());
        let pos = parsed.counterpart_pos.get(&at(&u.key)).or_else(|| parsed.key_pos.get(&at(&u.counterpart)));
        if let Some(&pos) = pos {
            problems.push(Problem { pos, message: unpaired_message(section, u) });
        }
    }
    // People and organizations share one set of keys.
    for key in merged.people.keys().filter(|k| merged.organizations.contains_key(*k)).chain(&rest.shared_keys) {
        let at = parsed.key_pos.get(&(Family::Person, key.clone())).or_else(|| parsed.key_pos.get(&(Family::Organization, key.clone())));
        if let Some(&pos) = at {
            problems.push(Problem {
                pos,
                message: msg!(
                    "'{key}' names both a person and an organization: they share one set of keys",
                    "«\u{202f}{key}\u{202f}» désigne à la fois une personne et une organisation\u{a0}: elles partagent les mêmes clés"
                ),
            });
        }
    }
    // A measurement dated before the campaign started is a mistake.
    if let Some(start) = merged.campaign.as_ref().and_then(|c| c.start) {
        for ((key, on), pos) in &parsed.measure_pos {
            if *on < start {
                let named = i18n::noun(Family::Result).named(key);
                problems.push(Problem { pos: *pos, message: named.join(": ", "\u{a0}: ", &measured_before_start(*on, start)) });
            }
        }
    }
    let stored_milestones = rest.milestones.iter().map(|(k, d)| (k.as_str(), d.as_slice()));
    if let Some(cycle) = find_cycle(merged.milestones.values().map(|m| (m.key.as_str(), m.depends_on.as_slice())).chain(stored_milestones))
    {
        let pos = cycle.iter().filter_map(|k| parsed.milestone_pos.get(k)).min().copied().unwrap_or(Pos { line: 1, col: 1 });
        let mut path = cycle.clone();
        path.push(cycle[0].clone());
        let path = path.join(" → ");
        problems.push(Problem { pos, message: msg!("milestones form a cycle: {path}", "les jalons forment un cycle\u{a0}: {path}") });
    }
    problems
}

use crate::model::change::Item;
use crate::model::types::{check_key, check_line, check_note, check_url};

/// Checks the free text of an item: every field on one line without control characters, a
/// note without control characters other than line feeds and tabs.
pub fn check_texts(item: &Item) -> Result<(), Msg> {
    let lines: Vec<(&str, Option<&str>)> = match item {
        Item::Campaign(c) => {
            let mut l = vec![("name", Some(c.name.as_str())), ("name_fr", c.name_fr.as_deref())];
            l.extend(c.leads.iter().map(|x| ("leads", Some(x.as_str()))));
            l
        }
        Item::Organization(o) => vec![
            ("name", Some(o.name.as_str())),
            ("name_fr", o.name_fr.as_deref()),
            ("jurisdiction", o.jurisdiction.as_deref()),
            ("contact", o.contact.as_deref()),
        ],
        Item::Table(t) => vec![("name", Some(t.name.as_str())), ("name_fr", t.name_fr.as_deref()), ("chair", t.chair.as_deref())],
        Item::Meeting(m) => vec![("location", m.location.as_deref())],
        Item::AgendaItem(a) => {
            vec![("topic", Some(a.topic.as_str())), ("topic_fr", a.topic_fr.as_deref()), ("owner", a.owner.as_deref())]
        }
        Item::Channel(c) => vec![("name", Some(c.name.as_str())), ("name_fr", c.name_fr.as_deref()), ("owner", c.owner.as_deref())],
        Item::Material(m) => {
            vec![("title", Some(m.title.as_str())), ("title_fr", m.title_fr.as_deref()), ("owner", m.owner.as_deref())]
        }
        Item::Milestone(m) => {
            vec![("title", Some(m.title.as_str())), ("title_fr", m.title_fr.as_deref()), ("owner", m.owner.as_deref())]
        }
        Item::Person(p) => vec![
            ("name", Some(p.name.as_str())),
            ("role", p.role.as_deref()),
            ("email", p.email.as_deref()),
            ("source", p.source.as_deref()),
        ],
        Item::Distribution(_) => Vec::new(),
        Item::Action(a) => {
            vec![("title", Some(a.title.as_str())), ("title_fr", a.title_fr.as_deref()), ("owner", a.owner.as_deref())]
        }
        Item::Result(r) => {
            vec![("title", Some(r.title.as_str())), ("title_fr", r.title_fr.as_deref()), ("unit", r.unit.as_deref())]
        }
        Item::Term(t) => vec![("english", Some(t.english.as_str())), ("french", Some(t.french.as_str()))],
    };
    for (field, value) in lines {
        if let Some(v) = value {
            check_line(field, v)?;
        }
    }
    let note = match item {
        Item::AgendaItem(a) => a.progress.note.as_deref(),
        Item::Channel(c) => c.progress.note.as_deref(),
        Item::Material(m) => m.progress.note.as_deref(),
        Item::Milestone(m) => m.progress.note.as_deref(),
        Item::Distribution(d) => d.progress.note.as_deref(),
        Item::Action(a) => a.progress.note.as_deref(),
        Item::Result(r) => r.note.as_deref(),
        Item::Campaign(_) | Item::Organization(_) | Item::Table(_) | Item::Meeting(_) | Item::Person(_) | Item::Term(_) => None,
    };
    if let Item::Result(r) = item {
        for m in r.measures.iter() {
            if let Some(n) = m.note.as_deref() {
                check_note("note", n)?;
            }
        }
    }
    let outcome = match item {
        Item::Meeting(m) => m.outcome.as_deref(),
        _ => None,
    };
    if let Some(o) = outcome {
        check_note("outcome", o)?;
    }
    note.map_or(Ok(()), |n| check_note("note", n))
}

/// Checks a glossary entry: neither side empty (a value with no text has nothing to translate).
pub fn check_term(term: &crate::model::glossary::Term) -> Result<(), Msg> {
    if term.english.trim().is_empty() || term.french.trim().is_empty() {
        return Err(msg!(
            "a glossary entry needs a value and its French, neither empty",
            "une entrée du glossaire demande une valeur et sa traduction française, ni l'une ni l'autre vide"
        ));
    }
    Ok(())
}

/// Checks one new item against the campaign, as `add` commands need: a valid key not taken yet,
/// every reference known, counterparts in the other language, no dependency cycle. The first
/// problem is returned as a sentence.
pub fn check_new(stored: &Plan, item: &Item) -> Result<(), Msg> {
    let key = item.key();
    match item {
        Item::AgendaItem(a) => {
            check_key(&a.meeting)?;
            check_key(&a.key)?;
        }
        Item::Distribution(d) => {
            check_key(&d.material)?;
            check_key(&d.to)?;
        }
        Item::Person(_)
        | Item::Campaign(_)
        | Item::Organization(_)
        | Item::Table(_)
        | Item::Meeting(_)
        | Item::Channel(_)
        | Item::Material(_)
        | Item::Milestone(_)
        | Item::Action(_)
        | Item::Result(_) => check_key(&key)?,
        Item::Term(t) => check_term(t)?,
    }
    let taken = match item {
        Item::Campaign(_) => stored.campaign.is_some(),
        Item::Organization(_) => stored.organizations.contains_key(&key),
        Item::Table(_) => stored.tables.contains_key(&key),
        Item::Meeting(_) => stored.meetings.contains_key(&key),
        Item::AgendaItem(a) => stored.agenda.contains_key(&(a.meeting.clone(), a.key.clone())),
        Item::Channel(_) => stored.channels.contains_key(&key),
        Item::Material(_) => stored.materials.contains_key(&key),
        Item::Milestone(_) => stored.milestones.contains_key(&key),
        // Person and organization keys share one namespace.
        // A key of the other kind (people and organizations share keys) is check_item's to say.
        Item::Person(_) => stored.people.contains_key(&key),
        Item::Distribution(d) => stored.distributions.contains_key(&(d.material.clone(), d.to.clone())),
        Item::Action(_) => stored.actions.contains_key(&key),
        Item::Result(_) => stored.results.contains_key(&key),
        Item::Term(_) => stored.glossary.contains_key(&key),
    };
    if taken {
        let named = i18n::noun(item.subject()).the_named(&key);
        let (en, fr) = (&named.en, &named.fr);
        let it = if i18n::noun(item.subject()).feminine { "la" } else { "le" };
        let set = match item.subject() {
            Subject::Campaign => "plan apply".to_string(),
            Subject::Glossary => "glossary set".to_string(),
            Subject::Item(f) => format!("{} set", f.command()),
        };
        return Err(msg!(
            "{en} already exists: change it with `engage {set}`",
            "{fr} existe déjà\u{a0}: modifiez-{it} avec `engage {set}`"
        ));
    }
    check_item(stored, item)
}

/// Checks an item as it will be stored (new or changed) against the rest of the campaign, with
/// the plan file's rules: every reference known, dates in order, counterparts in the other
/// language, no dependency cycle. The first problem is returned as a sentence.
pub fn check_item(stored: &Plan, item: &Item) -> Result<(), Msg> {
    let key = item.key();
    let named = i18n::noun(item.subject()).named(&key);
    let about = |m: Msg| named.join(": ", "\u{a0}: ", &m);
    check_texts(item).map_err(about)?;
    if let Some(p) = item.progress() {
        match (p.status, p.done_on) {
            (Status::Done, None) => {
                return Err(about(msg!(
                    "status 'done' needs a done_on date (--done-on)",
                    "le statut «\u{202f}done\u{202f}» demande une date (--done-on)"
                )));
            }
            (s, Some(_)) if s != Status::Done => {
                return Err(about(msg!(
                    "a done_on date is set but status is '{s}', not 'done'",
                    "une date done_on est donnée mais le statut est «\u{202f}{s}\u{202f}», pas «\u{202f}done\u{202f}»"
                )));
            }
            _ => {}
        }
    }
    let need = |found: bool, what: Family, target: &str| if found { Ok(()) } else { Err(about(i18n::noun(what).unknown(target))) };
    let counterpart = |lang: Lang, other: Option<Lang>, target: &str| match other {
        None => Err(about(msg!("unknown counterpart '{target}'", "version équivalente inconnue «\u{202f}{target}\u{202f}»"))),
        Some(_) if lang == Lang::Bilingual => Err(about(msg!(
            "a bilingual item has no counterpart: give --language en or fr",
            "un élément bilingue n'a pas de version équivalente\u{a0}: donnez --language en ou fr"
        ))),
        Some(o) if o == lang || o == Lang::Bilingual => Err(about(msg!(
            "counterpart '{target}' is in '{o}', not the other official language",
            "la version équivalente «\u{202f}{target}\u{202f}» est en «\u{202f}{o}\u{202f}», pas dans l'autre langue officielle"
        ))),
        Some(_) => Ok(()),
    };
    match item {
        Item::Table(t) => t.members.iter().try_for_each(|m| need(stored.organizations.contains_key(m), Family::Organization, m))?,
        Item::Meeting(m) => {
            need(stored.tables.contains_key(&m.table), Family::Table, &m.table)?;
            for o in m.attended.iter().flatten() {
                need(stored.organizations.contains_key(o), Family::Organization, o)?;
            }
            match (m.date, m.end_date) {
                (Some(date), Some(end)) if end < date => {
                    return Err(about(msg!("end date {end} is before {date}", "la date de fin {end} précède {date}")));
                }
                (None, Some(_)) => return Err(about(msg!("an end date needs a date", "une date de fin demande une date"))),
                _ => {}
            }
        }
        Item::AgendaItem(a) => need(stored.meetings.contains_key(&a.meeting), Family::Meeting, &a.meeting)?,
        Item::Channel(c) => {
            if let Some(o) = &c.organization {
                need(stored.organizations.contains_key(o), Family::Organization, o)?;
            }
            if let Some(u) = &c.url {
                check_url(u).map_err(about)?;
            }
            if let Some(cp) = &c.counterpart {
                counterpart(c.lang, stored.channels.get(cp).map(|x| x.lang), cp)?;
                let links = stored.channels.values().filter(|x| x.key != c.key).map(|x| (x.key.as_str(), x.counterpart.as_deref()));
                pairs_up(Family::Channel, &c.key, cp, links)?;
            }
        }
        Item::Material(m) => {
            if let Some(u) = &m.url {
                check_url(u).map_err(about)?;
            }
            if let Some(cp) = &m.counterpart {
                counterpart(m.lang, stored.materials.get(cp).map(|x| x.lang), cp)?;
                let links = stored.materials.values().filter(|x| x.key != m.key).map(|x| (x.key.as_str(), x.counterpart.as_deref()));
                pairs_up(Family::Material, &m.key, cp, links)?;
            }
        }
        Item::Milestone(m) => {
            for d in &m.depends_on {
                if d == &m.key {
                    return Err(about(msg!("cannot depend on itself", "ne peut pas dépendre de lui-même")));
                }
                need(stored.milestones.contains_key(d), Family::Milestone, d)?;
            }
            if m.duration_days < 0 {
                return Err(about(msg!("duration cannot be negative", "la durée ne peut pas être négative")));
            }
            let mut all = stored.milestones.clone();
            all.insert(m.key.clone(), m.clone());
            if let Some(cycle) = find_cycle(all.values().map(|m| (m.key.as_str(), m.depends_on.as_slice()))) {
                let path = cycle.join(" → ");
                return Err(msg!("milestones would form a cycle: {path}", "les jalons formeraient un cycle\u{a0}: {path}"));
            }
        }
        Item::Person(p) => {
            need(stored.organizations.contains_key(&p.organization), Family::Organization, &p.organization)?;
            if let Some(e) = &p.email {
                crate::model::types::check_email(e).map_err(about)?;
            }
            if p.lang == Some(Lang::Bilingual) {
                return Err(about(msg!("a person's language is en or fr", "la langue d'une personne est en ou fr")));
            }
            if stored.organizations.contains_key(&p.key) {
                let k = &p.key;
                return Err(about(msg!(
                    "'{k}' is an organization's key: people and organizations share one set of keys",
                    "«\u{202f}{k}\u{202f}» est la clé d'une organisation\u{a0}: personnes et organisations partagent les mêmes clés"
                )));
            }
        }
        Item::Distribution(d) => {
            need(stored.materials.contains_key(&d.material), Family::Material, &d.material)?;
            if !stored.organizations.contains_key(&d.to) && !stored.people.contains_key(&d.to) {
                let to = &d.to;
                return Err(about(msg!(
                    "unknown recipient '{to}' (neither an organization nor a person)",
                    "destinataire inconnu «\u{202f}{to}\u{202f}» (ni une organisation ni une personne)"
                )));
            }
            if let Some(v) = &d.via {
                need(stored.organizations.contains_key(v), Family::Organization, v)?;
            }
        }
        Item::Organization(o) => {
            if stored.people.contains_key(&o.key) {
                let k = &o.key;
                return Err(about(msg!(
                    "'{k}' is a person's key: people and organizations share one set of keys",
                    "«\u{202f}{k}\u{202f}» est la clé d'une personne\u{a0}: personnes et organisations partagent les mêmes clés"
                )));
            }
        }
        Item::Action(a) => {
            if let Some(m) = &a.meeting {
                need(stored.meetings.contains_key(m), Family::Meeting, m)?;
            }
        }
        Item::Result(r) => {
            if !(r.target > 0.0 && r.target.is_finite()) {
                return Err(about(super::parse::target_not_positive(r.target)));
            }
            if let Some(m) = r.measures.iter().find(|m| !m.value.is_finite()) {
                let on = m.on;
                return Err(about(msg!("the measurement of {on} is not a number", "la mesure du {on} n'est pas un nombre")));
            }
            let start = stored.campaign.as_ref().and_then(|c| c.start);
            if let (Some(start), Some(first)) = (start, r.measures.first())
                && first.on < start
            {
                return Err(about(measured_before_start(first.on, start)));
            }
        }
        Item::Campaign(_) | Item::Term(_) => {}
    }
    Ok(())
}

/// A measurement dated before the campaign started.
fn measured_before_start(on: chrono::NaiveDate, start: chrono::NaiveDate) -> Msg {
    msg!("a measurement on {on} is before the campaign's start ({start})", "une mesure du {on} précède le début de la campagne ({start})")
}

/// Checks that a new item `key` naming `cp` makes a pair with it among the stored `links`.
fn pairs_up<'a>(noun: Family, key: &'a str, cp: &'a str, links: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> Result<(), Msg> {
    match unpaired(links.chain(std::iter::once((key, Some(cp))))).into_iter().find(|u| u.key == key) {
        Some(u) => Err(unpaired_message(noun, &u)),
        None => Ok(()),
    }
}

/// The campaign's own rules over a whole stored plan, for `engage check`: every reference
/// resolves, `done` goes with `done_on`, counterparts are in the other language and pair up
/// (each names the other back, or names none), no cycle.
pub fn check_stored(plan: &Plan, today: chrono::NaiveDate) -> Vec<Msg> {
    let mut problems = Vec::new();
    for p in plan.people.values().filter(|p| p.retain_until.is_some_and(|d| d < today)) {
        let (key, until) = (&p.key, p.retain_until.map(|d| d.to_string()).unwrap_or_default());
        problems.push(msg!(
            "person '{key}' is kept past {until} (retain_until): remove them with `engage person remove {key}`",
            "la personne «\u{202f}{key}\u{202f}» est conservée au-delà du {until} (retain_until)\u{a0}: retirez-la avec `engage person remove {key}`"
        ));
    }
    for key in plan.people.keys().filter(|k| plan.organizations.contains_key(*k)) {
        problems.push(msg!(
            "'{key}' names both a person and an organization: they share one set of keys",
            "«\u{202f}{key}\u{202f}» désigne à la fois une personne et une organisation\u{a0}: elles partagent les mêmes clés"
        ));
    }
    for item in plan.items() {
        let named = i18n::noun(item.subject()).named(&item.key());
        if let Err(m) = check_texts(&item) {
            problems.push(named.join(": ", "\u{a0}: ", &m));
        }
        for date in item.dates() {
            if let Err(m) = crate::model::dates::check_range(date) {
                problems.push(named.join(": ", "\u{a0}: ", &m));
            }
        }
    }
    if plan.campaign.is_none() {
        problems.push(msg!("the store has no campaign", "la base de données n'a pas de campagne"));
    }
    let mut progress = |what: Msg, p: &crate::model::plan::Progress| {
        if (p.status == crate::model::types::Status::Done) != p.done_on.is_some() {
            let (status, done_on) = (p.status, p.done_on.map_or_else(|| "—".to_string(), |d| d.to_string()));
            problems.push(what.join(
                ": ",
                "\u{a0}: ",
                &msg!(
                    "status '{status}' and done_on {done_on} disagree",
                    "le statut «\u{202f}{status}\u{202f}» et done_on {done_on} se contredisent"
                ),
            ));
        }
    };
    for item in plan.items() {
        if let Some(p) = item.progress() {
            progress(i18n::noun(item.subject()).named(&item.key()), p);
        }
    }
    for a in plan.agenda.values() {
        if !plan.meetings.contains_key(&a.meeting) {
            let named = i18n::noun(Family::AgendaItem).named(&a.reference());
            problems.push(named.join(": ", "\u{a0}: ", &msg!("its meeting does not exist", "sa réunion n'existe pas")));
        }
    }
    let lang_pair = |what: Family, key: &str, lang: Lang, other: Option<Option<Lang>>, cp: &str| {
        let named = i18n::noun(what).named(key);
        match other {
            None => Some(named.join(
                ": ",
                "\u{a0}: ",
                &msg!("counterpart '{cp}' does not exist", "la version équivalente «\u{202f}{cp}\u{202f}» n'existe pas"),
            )),
            Some(Some(o)) if o == lang || o == Lang::Bilingual || lang == Lang::Bilingual => {
                let (en, fr) = (&named.en, &named.fr);
                Some(msg!(
                    "{en} ({lang}) and its counterpart '{cp}' ({o}) are not one English and one French",
                    "{fr} ({lang}) et sa version équivalente «\u{202f}{cp}\u{202f}» ({o}) ne sont pas l'un en anglais et l'autre en français"
                ))
            }
            _ => None,
        }
    };
    for c in plan.channels.values() {
        if let Some(cp) = &c.counterpart {
            problems.extend(lang_pair(Family::Channel, &c.key, c.lang, plan.channels.get(cp).map(|o| Some(o.lang)), cp));
        }
    }
    for m in plan.materials.values() {
        if let Some(cp) = &m.counterpart {
            problems.extend(lang_pair(Family::Material, &m.key, m.lang, plan.materials.get(cp).map(|o| Some(o.lang)), cp));
        }
    }
    for u in unpaired(plan.channels.values().map(|c| (c.key.as_str(), c.counterpart.as_deref()))) {
        problems.push(unpaired_message(Family::Channel, &u));
    }
    for u in unpaired(plan.materials.values().map(|m| (m.key.as_str(), m.counterpart.as_deref()))) {
        problems.push(unpaired_message(Family::Material, &u));
    }
    if let Some(cycle) = find_cycle(plan.milestones.values().map(|m| (m.key.as_str(), m.depends_on.as_slice()))) {
        let path = cycle.join(" → ");
        problems.push(msg!("milestones form a cycle: {path}", "les jalons forment un cycle\u{a0}: {path}"));
    }
    problems
}
