//! Reading a plan file (DESIGN.md, "Plan file") into a [`Plan`], with every problem that can be
//! seen in the file alone listed at its position: syntax, unknown fields, types, bad keys, values
//! and dates, duplicate keys, `done` without `done_on` and the reverse. References between items
//! are recorded here and checked in `validate`, once the store's items are known too.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use toml::de::{DeTable, DeValue};

mod follow_ups;
mod pieces;

pub use follow_ups::target_not_positive;

use super::fields::{Fields, What, array_of_tables};
use super::source::{Pos, Problem, Problems};
use crate::i18n::{self, Msg};
use crate::model::plan::{
    AgendaItem, Campaign, Channel, Distribution, Material, Meeting, Milestone, Organization, Person, Plan, Progress, Table,
};
use crate::model::types::{
    ChannelKind, Family, Lang, MaterialKind, Order, Status, TableKind, check_email, check_key, check_line, check_url,
};
use crate::msg;

/// `'name' is required`.
fn required(name: &str) -> Msg {
    msg!("'{name}' is required", "«\u{202f}{name}\u{202f}» est requis")
}

/// What a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Organization,
    Table,
    Milestone,
    Channel,
    Material,
    /// A recipient: an organization or a person (they share one namespace).
    Recipient,
    Meeting,
}

impl Target {
    /// The family of the items a reference of this kind points at.
    /// (A recipient is looked for among organizations and people alike.)
    pub fn family(self) -> Family {
        match self {
            Target::Organization | Target::Recipient => Family::Organization,
            Target::Table => Family::Table,
            Target::Milestone => Family::Milestone,
            Target::Channel => Family::Channel,
            Target::Material => Family::Material,
            Target::Meeting => Family::Meeting,
        }
    }
}

/// A reference from an item of the file to another item, checked once the store is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub target: Target,
    pub key: String,
    pub pos: Pos,
    /// Who refers, for messages: `table 'council': member`.
    pub from: What,
    /// For a counterpart: the language of the item that names it.
    pub counterpart_of: Option<Lang>,
}

/// A plan file read without error, with what validation still needs.
#[derive(Debug, Clone)]
pub struct ParsedPlan {
    pub plan: Plan,
    /// The references that the file's own items do not resolve, to look for in the stored
    /// campaign (those they resolve are checked as the file is read).
    pub references: Vec<Reference>,
    /// Where each milestone of the file is, to place a cycle.
    pub milestone_pos: BTreeMap<String, Pos>,
    /// Where each key the file declares is, per section (`organization`, `table`, …), including
    /// items dropped for an error of their own, so that references to them are not reported again.
    pub key_pos: BTreeMap<(Family, String), Pos>,
    /// Where each channel's and material's `counterpart` is, per section and key of the item.
    pub counterpart_pos: BTreeMap<(Family, String), Pos>,
    /// Where each measurement of a result is, by result key and day.
    pub measure_pos: BTreeMap<(String, chrono::NaiveDate), Pos>,
}

const SECTIONS: &[&str] = &[
    "campaign",
    "organization",
    "table",
    "meeting",
    "channel",
    "material",
    "milestone",
    "person",
    "distribution",
    "action",
    "result",
    "glossary",
];

/// Parses and checks a plan file's text. On failure, every problem found, unsorted.
pub fn parse(text: &str) -> Result<ParsedPlan, Vec<Problem>> {
    let (parsed, problems) = parse_partial(text);
    if problems.is_empty() { Ok(parsed) } else { Err(problems) }
}

/// Parses a plan file as far as it can: the items read without error, and every problem found.
/// After a TOML syntax error the plan is empty.
pub fn parse_partial(text: &str) -> (ParsedPlan, Vec<Problem>) {
    parse_in_pieces(text, pieces::PIECE)
}

/// [`parse_partial`], parsing the TOML of a large file in pieces of about `piece` bytes (see
/// [`pieces::starts`]): each piece's tree is dropped once its items are read, and the next piece
/// is parsed (on a second thread) while they are.
fn parse_in_pieces(text: &str, piece: usize) -> (ParsedPlan, Vec<Problem>) {
    let splittable = |name: &str| SECTIONS.contains(&name) && !matches!(name, "campaign" | "glossary");
    let starts = pieces::starts(text, piece, splittable);
    if starts.len() > 1 {
        let mut reader = Reader { p: Problems::new(text), out: ParsedPlan::empty(), seen: BTreeMap::new(), settled: 0 };
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        // A second thread parses the TOML of the next piece while this one reads the items of
        // the last: at most two pieces' trees exist at once (the channel holds none).
        let read = std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(0);
            let pieces = starts.iter().copied().zip(ends);
            scope.spawn(move || {
                for (start, end) in pieces {
                    let (root, syntax) = DeTable::parse_recoverable(&text[start..end]);
                    // Syntax errors are reported as parsing the whole file reports them.
                    let parsed = syntax.is_empty().then_some(root);
                    let stop = parsed.is_none();
                    if send.send((start, parsed)).is_err() || stop {
                        return;
                    }
                }
            });
            for (start, root) in receive {
                let Some(root) = root else { return false };
                reader.p.set_base(start);
                reader.root(root.get_ref());
                reader.settle_references();
            }
            true
        });
        if read {
            reader.p.set_base(0);
            return reader.finish();
        }
    }
    let mut p = Problems::new(text);
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        for e in syntax {
            let pos = e.span().map_or(Pos { line: 1, col: 1 }, |s| p.pos(s));
            let message = e.message().lines().next().unwrap_or("invalid TOML").trim().to_string();
            p.add(pos, msg!("invalid TOML: {message}", "TOML invalide\u{a0}: {message}"));
        }
        return (ParsedPlan::empty(), p.list);
    }
    let mut reader = Reader { p, out: ParsedPlan::empty(), seen: BTreeMap::new(), settled: 0 };
    reader.root(root.get_ref());
    reader.finish()
}

impl Reader<'_> {
    /// Reads the sections of a top-level table (the whole file's, or a piece's).
    fn root(&mut self, root: &DeTable) {
        for (name, value) in root.iter() {
            let name = name.get_ref().as_ref();
            let pos = self.p.pos(value.span());
            match name {
                "campaign" => match value.get_ref() {
                    DeValue::Table(t) => self.campaign(t, pos),
                    _ => self.p.add(
                        pos,
                        msg!(
                            "'campaign' must be a table: write [campaign]",
                            "«\u{202f}campaign\u{202f}» doit être une table\u{a0}: écrivez [campaign]"
                        ),
                    ),
                },
                "glossary" => match value.get_ref() {
                    DeValue::Table(t) => self.glossary(t),
                    _ => self.p.add(
                        pos,
                        msg!(
                            "'glossary' must be a table: write [glossary] and then \"English value\" = \"valeur française\"",
                            "«\u{202f}glossary\u{202f}» doit être une table\u{a0}: écrivez [glossary] puis \"English value\" = \"valeur française\""
                        ),
                    ),
                },
                _ if SECTIONS.contains(&name) => {
                    let Some(family) = Family::parse(name) else { continue };
                    for (table, pos) in array_of_tables(&mut self.p, name, value) {
                        match family {
                            Family::Organization => self.organization(table, pos),
                            Family::Table => self.table(table, pos),
                            Family::Meeting => self.meeting(table, pos),
                            Family::Channel => self.channel(table, pos),
                            Family::Material => self.material(table, pos),
                            Family::Person => self.person(table, pos),
                            Family::Distribution => self.distribution(table, pos),
                            Family::Milestone => self.milestone(table, pos),
                            Family::Action => self.action(table, pos),
                            Family::Result => self.result(table, pos),
                            // Agenda items are read inside their meeting; SECTIONS does not list them.
                            Family::AgendaItem => {}
                        }
                    }
                }
                _ => {
                    let sections = SECTIONS.join(", ");
                    self.p.add(
                        pos,
                        msg!(
                            "unknown section '{name}' (expected one of: {sections})",
                            "section inconnue «\u{202f}{name}\u{202f}» (permises\u{a0}: {sections})"
                        ),
                    )
                }
            }
        }
    }

    /// Checks the references made since the last call that the items read so far resolve,
    /// and lets them go; keeps the others. So a large file's references are not all held
    /// until it is read: most point back.
    fn settle_references(&mut self) {
        let new = self.out.references.split_off(self.settled);
        for r in new {
            match super::validate::found(&self.out.plan, &r) {
                Some(lang) => {
                    if let Some(problem) = super::validate::wrong_language(&r, lang) {
                        self.p.add(problem.pos, problem.message);
                    }
                }
                None => self.out.references.push(r),
            }
        }
        self.settled = self.out.references.len();
    }

    /// The plan read, and every problem found.
    fn finish(mut self) -> (ParsedPlan, Vec<Problem>) {
        // What points forward is resolved now, or looked for in the stored campaign later.
        self.settled = 0;
        self.settle_references();
        self.out.references.shrink_to_fit();
        self.out.key_pos = self.seen;
        (self.out, self.p.list)
    }
}

impl ParsedPlan {
    fn empty() -> Self {
        ParsedPlan {
            plan: Plan::default(),
            references: Vec::new(),
            milestone_pos: BTreeMap::new(),
            key_pos: BTreeMap::new(),
            counterpart_pos: BTreeMap::new(),
            measure_pos: BTreeMap::new(),
        }
    }
}

struct Reader<'s> {
    p: Problems<'s>,
    out: ParsedPlan,
    /// First position of every key, per section, to report duplicates.
    seen: BTreeMap<(Family, String), Pos>,
    /// How many of `out.references` have been looked for among the items read.
    settled: usize,
}

impl Reader<'_> {
    /// Reads `[glossary]`: each entry a shared value (as stored) and its French, both one line
    /// of text, neither empty.
    fn glossary(&mut self, table: &DeTable) {
        for (english, value) in table.iter() {
            let english = english.get_ref().as_ref().to_string();
            let pos = self.p.pos(value.span());
            let what = msg!("glossary '{english}'", "glossaire «\u{202f}{english}\u{202f}»");
            let french = match value.get_ref() {
                DeValue::String(s) => s.to_string(),
                _ => {
                    let problem = msg!(
                        "must be a string: the French of the value",
                        "doit être une chaîne\u{a0}: la traduction française de la valeur"
                    );
                    self.p.add(pos, what.join(": ", "\u{a0}: ", &problem));
                    continue;
                }
            };
            let term = crate::model::glossary::Term { english: english.clone(), french };
            let checked = check_line("english", &term.english)
                .and_then(|()| check_line("french", &term.french))
                .and_then(|()| super::validate::check_term(&term));
            match checked {
                Ok(()) => _ = self.out.plan.glossary.insert(english, term),
                Err(e) => self.p.add(pos, what.join(": ", "\u{a0}: ", &e)),
            }
        }
    }

    /// Reads and checks the `key` of an item, and names the item after it.
    fn key(&mut self, f: &mut Fields, section: Family, scope: &str) -> Option<String> {
        let pos = f.pos_of(&self.p, "key");
        let key = f.required_string(&mut self.p, "key")?;
        if let Err(e) = check_key(&key) {
            self.p.add(pos, f.problem(e));
            return None;
        }
        let full = format!("{scope}{key}");
        f.rename(What::Item(section, std::sync::Arc::from(full.as_str())));
        match self.seen.entry((section, full.clone())) {
            Entry::Occupied(first) => {
                let (line, n) = (first.get().line, i18n::noun(section));
                let (en, fr) = (n.en, n.fr);
                self.p.add(
                    pos,
                    msg!(
                        "duplicate {en} key '{full}' (first at line {line})",
                        "clé de {fr} «\u{202f}{full}\u{202f}» en double (première à la ligne {line})"
                    ),
                );
                None
            }
            Entry::Vacant(slot) => {
                slot.insert(pos);
                Some(key)
            }
        }
    }

    fn reference(&mut self, target: Target, key: String, pos: Pos, from: What) {
        self.out.references.push(Reference { target, key, pos, from, counterpart_of: None });
    }

    /// Reads status, done_on and note, with the rule that `done` and `done_on` go together.
    fn progress(&mut self, f: &mut Fields) -> Progress {
        let status_pos = f.pos_of(&self.p, "status");
        let done_pos = f.pos_of(&self.p, "done_on");
        let status = f.choice(&mut self.p, "status", Status::parse, Status::choices).unwrap_or(Status::Planned);
        let done_on = f.date(&mut self.p, "done_on");
        let note = f.string(&mut self.p, "note");
        match (status, done_on) {
            (Status::Done, None) if done_pos == f.pos => {
                self.p.add(
                    status_pos,
                    f.problem(msg!(
                        "status 'done' needs a 'done_on' date",
                        "le statut «\u{202f}done\u{202f}» demande une date «\u{202f}done_on\u{202f}»"
                    )),
                );
            }
            (s, Some(_)) if s != Status::Done => {
                self.p.add(
                    done_pos,
                    f.problem(msg!(
                        "'done_on' is set but status is '{s}', not 'done'",
                        "«\u{202f}done_on\u{202f}» est donné mais le statut est «\u{202f}{s}\u{202f}», pas «\u{202f}done\u{202f}»"
                    )),
                );
            }
            _ => {}
        }
        Progress { status, done_on, note }
    }

    fn lang_and_counterpart(&mut self, f: &mut Fields, target: Target, key: Option<&str>) -> (Lang, Option<String>) {
        let lang = f.choice(&mut self.p, "lang", Lang::parse, Lang::choices).unwrap_or(Lang::Bilingual);
        let pos = f.pos_of(&self.p, "counterpart");
        let counterpart = f.string(&mut self.p, "counterpart");
        if let Some(c) = &counterpart {
            if lang == Lang::Bilingual {
                let n = i18n::noun(target.family());
                let (en, fr) = (n.en, n.fr);
                self.p.add(
                    pos,
                    f.problem(msg!(
                        "a bilingual {en} has no counterpart: set 'lang' to en or fr",
                        "un {fr} bilingue n'a pas de version équivalente\u{a0}: mettez «\u{202f}lang\u{202f}» à en ou fr"
                    )),
                );
            } else {
                if let Some(k) = key {
                    self.out.counterpart_pos.insert((target.family(), k.to_string()), pos);
                }
                self.out.references.push(Reference {
                    target,
                    key: c.clone(),
                    pos,
                    from: f.what.part("counterpart", "version équivalente"),
                    counterpart_of: Some(lang),
                });
            }
        }
        (lang, counterpart)
    }

    fn url(&mut self, f: &mut Fields) -> Option<String> {
        let pos = f.pos_of(&self.p, "url");
        let url = f.string(&mut self.p, "url")?;
        if let Err(e) = check_url(&url) {
            self.p.add(pos, f.problem(e));
        }
        Some(url)
    }

    fn campaign(&mut self, table: &DeTable, pos: Pos) {
        let p = &mut self.p;
        let mut f = Fields::new(What::Words(Msg::same("[campaign]")), pos, table);
        let name = f.text(p, "name");
        if name.is_none() && f.pos_of(p, "name") == pos {
            p.add(pos, msg!("[campaign]: 'name' is required", "[campaign]\u{a0}: «\u{202f}name\u{202f}» est requis"));
        }
        let name_fr = f.string(p, "name_fr");
        let start = f.date(p, "start");
        let end_pos = f.pos_of(p, "end");
        let end = f.required_date(p, "end");
        let leads = f.strings(p, "leads").into_iter().map(|(s, _)| s).collect();
        f.finish(p);
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            p.add(
                end_pos,
                msg!(
                    "[campaign]: 'end' {end} is before 'start' {start}",
                    "[campaign]\u{a0}: «\u{202f}end\u{202f}» {end} précède «\u{202f}start\u{202f}» {start}"
                ),
            );
        }
        if let (Some(name), Some(end)) = (name, end) {
            self.out.plan.campaign = Some(Campaign { name, name_fr, start, end, leads });
        }
    }

    fn organization(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Organization), pos, table);
        let key = self.key(&mut f, Family::Organization, "");
        let p = &mut self.p;
        let name = f.text(p, "name");
        let name_fr = f.string(p, "name_fr");
        let order = f.choice(p, "order", Order::parse, Order::choices);
        if f.pos_of(p, "order") == pos {
            p.add(pos, f.problem(required("order")));
        }
        let jurisdiction = f.string(p, "jurisdiction");
        let contact = f.string(p, "contact");
        if name.is_none() && f.pos_of(p, "name") == pos {
            p.add(pos, f.problem(required("name")));
        }
        f.finish(p);
        if let (Some(key), Some(name), Some(order)) = (key, name, order) {
            self.out.plan.organizations.insert(key.clone(), Organization { key, name, name_fr, order, jurisdiction, contact });
        }
    }

    fn table(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Table), pos, table);
        let key = self.key(&mut f, Family::Table, "");
        let p = &mut self.p;
        let name = f.text(p, "name");
        if name.is_none() && f.pos_of(p, "name") == pos {
            p.add(pos, f.problem(required("name")));
        }
        let name_fr = f.string(p, "name_fr");
        let kind = f.choice(p, "kind", TableKind::parse, TableKind::choices).unwrap_or(TableKind::Table);
        let members = f.strings(p, "members");
        let chair = f.string(p, "chair");
        let what = f.what.clone();
        f.finish(p);
        let mut keys: Vec<String> = Vec::new();
        let mut listed = std::collections::HashSet::new();
        for (member, pos) in members {
            if !listed.insert(member.clone()) {
                self.p.add(
                    pos,
                    what.join(
                        ": ",
                        "\u{a0}: ",
                        &msg!("member '{member}' is listed twice", "le membre «\u{202f}{member}\u{202f}» figure deux fois"),
                    ),
                );
                continue;
            }
            keys.push(member.clone());
            self.reference(Target::Organization, member, pos, what.part("member", "membre"));
        }
        keys.sort();
        if let (Some(key), Some(name)) = (key, name) {
            self.out.plan.tables.insert(key.clone(), Table { key, name, name_fr, kind, members: keys, chair });
        }
    }

    fn meeting(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Meeting), pos, table);
        let key = self.key(&mut f, Family::Meeting, "");
        let table_pos = f.pos_of(&self.p, "table");
        let table_key = f.required_string(&mut self.p, "table");
        let date_given = f.pos_of(&self.p, "date") != f.pos;
        let date = f.date(&mut self.p, "date");
        let end_pos = f.pos_of(&self.p, "end_date");
        let end_date = f.date(&mut self.p, "end_date");
        let location = f.string(&mut self.p, "location");
        let attended_given = f.pos_of(&self.p, "attended") != f.pos;
        let attendees = f.strings(&mut self.p, "attended");
        let outcome = f.string(&mut self.p, "outcome");
        let agenda = f.tables(&mut self.p, "agenda");
        if let (Some(date), Some(end)) = (date, end_date)
            && end < date
        {
            self.p.add(
                end_pos,
                f.problem(msg!(
                    "'end_date' {end} is before 'date' {date}",
                    "«\u{202f}end_date\u{202f}» {end} précède «\u{202f}date\u{202f}» {date}"
                )),
            );
        }
        if end_date.is_some() && date.is_none() && !date_given {
            self.p.add(
                end_pos,
                f.problem(msg!("'end_date' needs a 'date'", "«\u{202f}end_date\u{202f}» demande une «\u{202f}date\u{202f}»")),
            );
        }
        if let Some(t) = &table_key {
            self.reference(Target::Table, t.clone(), table_pos, f.what.part("table", "table"));
        }
        let what = f.what.clone();
        f.finish(&mut self.p);
        let mut attended: Vec<String> = Vec::new();
        let mut listed = std::collections::HashSet::new();
        for (org, pos) in attendees {
            if !listed.insert(org.clone()) {
                self.p.add(
                    pos,
                    what.join(
                        ": ",
                        "\u{a0}: ",
                        &msg!("'{org}' attended twice", "«\u{202f}{org}\u{202f}» figure deux fois parmi les présents"),
                    ),
                );
                continue;
            }
            attended.push(org.clone());
            self.reference(Target::Organization, org, pos, what.part("attended", "présent"));
        }
        attended.sort();
        let attended = attended_given.then_some(attended);
        for (item, pos) in agenda {
            self.agenda_item(item, pos, key.as_deref(), &what);
        }
        let dated = date.is_some() || !date_given;
        if let (Some(key), Some(table), true) = (key, table_key, dated) {
            self.out.plan.meetings.insert(key.clone(), Meeting { key, table, date, end_date, location, attended, outcome });
        }
    }

    fn agenda_item(&mut self, table: &DeTable, pos: Pos, meeting: Option<&str>, meeting_what: &What) {
        let n = i18n::noun(Family::AgendaItem);
        let mut f = Fields::new(meeting_what.part(n.en, n.fr), pos, table);
        let scope = meeting.map(|m| format!("{m}/")).unwrap_or_default();
        let key = self.key(&mut f, Family::AgendaItem, &scope);
        let topic = f.text(&mut self.p, "topic");
        if topic.is_none() && f.pos_of(&self.p, "topic") == pos {
            self.p.add(pos, f.problem(required("topic")));
        }
        let topic_fr = f.string(&mut self.p, "topic_fr");
        let owner = f.string(&mut self.p, "owner");
        let progress = self.progress(&mut f);
        f.finish(&mut self.p);
        if let (Some(meeting), Some(key), Some(topic)) = (meeting, key, topic) {
            let item = AgendaItem { meeting: meeting.to_string(), key: key.clone(), topic, topic_fr, owner, progress };
            self.out.plan.agenda.insert((meeting.to_string(), key), item);
        }
    }

    fn channel(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Channel), pos, table);
        let key = self.key(&mut f, Family::Channel, "");
        let name = f.text(&mut self.p, "name");
        if name.is_none() && f.pos_of(&self.p, "name") == pos {
            self.p.add(pos, f.problem(required("name")));
        }
        let name_fr = f.string(&mut self.p, "name_fr");
        let kind = f.choice(&mut self.p, "kind", ChannelKind::parse, ChannelKind::choices).unwrap_or(ChannelKind::Other);
        let org_pos = f.pos_of(&self.p, "organization");
        let organization = f.string(&mut self.p, "organization");
        if let Some(o) = &organization {
            self.reference(Target::Organization, o.clone(), org_pos, f.what.part("organization", "organisation"));
        }
        let owner = f.string(&mut self.p, "owner");
        let due = f.date(&mut self.p, "due");
        let progress = self.progress(&mut f);
        let url = self.url(&mut f);
        let (lang, counterpart) = self.lang_and_counterpart(&mut f, Target::Channel, key.as_deref());
        f.finish(&mut self.p);
        if let (Some(key), Some(name)) = (key, name) {
            self.out
                .plan
                .channels
                .insert(key.clone(), Channel { key, name, name_fr, kind, organization, owner, due, progress, url, lang, counterpart });
        }
    }

    fn material(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Material), pos, table);
        let key = self.key(&mut f, Family::Material, "");
        let title = f.text(&mut self.p, "title");
        if title.is_none() && f.pos_of(&self.p, "title") == pos {
            self.p.add(pos, f.problem(required("title")));
        }
        let title_fr = f.string(&mut self.p, "title_fr");
        let kind = f.choice(&mut self.p, "kind", MaterialKind::parse, MaterialKind::choices).unwrap_or(MaterialKind::Other);
        let owner = f.string(&mut self.p, "owner");
        let due = f.date(&mut self.p, "due");
        let progress = self.progress(&mut f);
        let url = self.url(&mut f);
        let (lang, counterpart) = self.lang_and_counterpart(&mut f, Target::Material, key.as_deref());
        f.finish(&mut self.p);
        if let (Some(key), Some(title)) = (key, title) {
            self.out
                .plan
                .materials
                .insert(key.clone(), Material { key, title, title_fr, kind, owner, due, progress, url, lang, counterpart });
        }
    }

    fn person(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Person), pos, table);
        let key = self.key(&mut f, Family::Person, "");
        let name = f.text(&mut self.p, "name");
        if name.is_none() && f.pos_of(&self.p, "name") == pos {
            self.p.add(pos, f.problem(required("name")));
        }
        let org_pos = f.pos_of(&self.p, "organization");
        let organization = f.required_string(&mut self.p, "organization");
        let role = f.string(&mut self.p, "role");
        let email_pos = f.pos_of(&self.p, "email");
        let email = f.string(&mut self.p, "email");
        if let Some(e) = &email
            && let Err(m) = check_email(e)
        {
            self.p.add(email_pos, f.problem(m));
        }
        let lang_pos = f.pos_of(&self.p, "lang");
        let lang = f.choice(&mut self.p, "lang", Lang::parse, Lang::choices);
        if lang == Some(Lang::Bilingual) {
            self.p.add(lang_pos, f.problem(msg!("a person's 'lang' is en or fr", "la «\u{202f}lang\u{202f}» d'une personne est en ou fr")));
        }
        let source = f.string(&mut self.p, "source");
        let contact_permitted = f.boolean(&mut self.p, "contact_permitted").unwrap_or(true);
        let retain_until = f.date(&mut self.p, "retain_until");
        if let Some(o) = &organization {
            self.reference(Target::Organization, o.clone(), org_pos, f.what.part("organization", "organisation"));
        }
        f.finish(&mut self.p);
        if let (Some(key), Some(name), Some(organization)) = (key, name, organization) {
            let person = Person { key: key.clone(), name, organization, role, email, lang, source, contact_permitted, retain_until };
            self.out.plan.people.insert(key, person);
        }
    }

    fn distribution(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Distribution), pos, table);
        let material_pos = f.pos_of(&self.p, "material");
        let material = f.required_string(&mut self.p, "material");
        let to_pos = f.pos_of(&self.p, "to");
        let to = f.required_string(&mut self.p, "to");
        let mut valid = true;
        for (k, at) in [(&material, material_pos), (&to, to_pos)] {
            if let Some(k) = k
                && let Err(e) = check_key(k)
            {
                self.p.add(at, f.problem(e));
                valid = false;
            }
        }
        let reference = match (&material, &to) {
            (Some(m), Some(t)) if valid => {
                let full = format!("{m}/{t}");
                f.rename(What::Item(Family::Distribution, std::sync::Arc::from(full.as_str())));
                match self.seen.entry((Family::Distribution, full.clone())) {
                    Entry::Occupied(first) => {
                        let line = first.get().line;
                        self.p.add(
                            pos,
                            msg!(
                                "'{full}' is listed twice (first at line {line}): one distribution per material and recipient",
                                "«\u{202f}{full}\u{202f}» figure deux fois (d'abord à la ligne {line})\u{a0}: un envoi par document et destinataire"
                            ),
                        );
                        valid = false;
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(pos);
                    }
                }
                Some(full)
            }
            _ => None,
        };
        let via_pos = f.pos_of(&self.p, "via");
        let via = f.string(&mut self.p, "via");
        let due = f.date(&mut self.p, "due");
        let progress = self.progress(&mut f);
        let acknowledged_on = f.date(&mut self.p, "acknowledged_on");
        if let Some(m) = &material {
            self.reference(Target::Material, m.clone(), material_pos, f.what.part("material", "material"));
        }
        if let Some(t) = &to {
            self.reference(Target::Recipient, t.clone(), to_pos, f.what.part("to", "to"));
        }
        if let Some(v) = &via {
            self.reference(Target::Organization, v.clone(), via_pos, f.what.part("via", "via"));
        }
        f.finish(&mut self.p);
        if let (Some(material), Some(to), Some(_), true) = (material, to, reference, valid) {
            let d = Distribution { material: material.clone(), to: to.clone(), via, due, progress, acknowledged_on };
            self.out.plan.distributions.insert((material, to), d);
        }
    }

    fn milestone(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Milestone), pos, table);
        let key = self.key(&mut f, Family::Milestone, "");
        let title = f.text(&mut self.p, "title");
        if title.is_none() && f.pos_of(&self.p, "title") == pos {
            self.p.add(pos, f.problem(required("title")));
        }
        let title_fr = f.string(&mut self.p, "title_fr");
        let owner = f.string(&mut self.p, "owner");
        let due = f.required_date(&mut self.p, "due");
        let duration_days = f.count(&mut self.p, "duration_days").unwrap_or(0);
        let deps = f.strings(&mut self.p, "depends_on");
        let progress = self.progress(&mut f);
        let what = f.what.clone();
        f.finish(&mut self.p);
        let mut depends_on: Vec<String> = Vec::new();
        let mut listed = std::collections::HashSet::new();
        for (dep, pos) in deps {
            if key.as_deref() == Some(dep.as_str()) {
                self.p.add(pos, what.join(": ", "\u{a0}: ", &msg!("depends on itself (a cycle)", "dépend de lui-même (un cycle)")));
            } else if !listed.insert(dep.clone()) {
                self.p.add(
                    pos,
                    what.join(
                        ": ",
                        "\u{a0}: ",
                        &msg!("dependency '{dep}' is listed twice", "la dépendance «\u{202f}{dep}\u{202f}» figure deux fois"),
                    ),
                );
            } else {
                depends_on.push(dep.clone());
                self.reference(Target::Milestone, dep, pos, what.part("depends_on", "depends_on"));
            }
        }
        depends_on.sort();
        if let (Some(key), Some(title), Some(due)) = (key, title, due) {
            self.out.milestone_pos.insert(key.clone(), pos);
            self.out
                .plan
                .milestones
                .insert(key.clone(), Milestone { key, title, title_fr, owner, due, duration_days, depends_on, progress });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reading with its lists in one order: pieces are read in file order, the whole file in
    /// the order of its top-level names, and only what is found matters, not in which order.
    fn sorted((mut parsed, mut problems): (ParsedPlan, Vec<Problem>)) -> String {
        parsed.references.sort_by_key(|r| (r.pos, r.key.clone()));
        problems.sort();
        format!("{parsed:?} {problems:?}")
    }

    /// Reading a file in pieces as small as can be reads the same items and finds the same
    /// problems as reading it whole.
    #[test]
    fn pieces_read_as_the_whole_file() {
        let broken = "[campaign]\nname = \"C\"\nend = 2027-12-31\n\
            [[organization]]\nkey = \"a\"\nname = \"A\"\norder = \"federal\"\n\
            [[organization]]\nkey = \"a\"\nname = \"A again\"\norder = \"nowhere\"\n\
            [[milestone]]\nkey = \"m1\"\ntitle = \"M1\"\ndue = 2027-01-01\ndepends_on = [\"m2\", \"m2\", \"m1\"]\n\
            [[organization]]\nkey = \"b\"\nname = \"B\"\norder = \"municipal\"\nextra = 1\n\
            [[meeting]]\nkey = \"mt\"\ntable = \"t\"\n[[meeting.agenda]]\nkey = \"x\"\ntopic = \"X\"\n\
            [[milestone]]\nkey = \"m2\"\ntitle = \"M2\"\ndue = 2027-02-30\n\
            [[unknown]]\nkey = 1\n";
        let syntax = "[[organization]]\nkey = \"a\"\n[[organization]]\nkey = = 1\n[[table]]\nkey = \"t\"\n";
        // Lines inside a multi-line string that look like headers: the file is cut there, the
        // piece before fails to parse, and the file is read whole.
        let lookalike = "[[organization]]\nkey = \"a\"\nname = \"A\"\norder = \"federal\"\n\
            [[milestone]]\nkey = \"m\"\ntitle = \"M\"\ndue = 2027-01-01\nnote = \"\"\"\n[[organization]]\nkey = \"z\"\n[table]\n\"\"\"\n\
            [[organization]]\nkey = \"b\"\nname = \"B\"\norder = \"municipal\"\n";
        assert!(pieces::starts(lookalike, 1, |_| true).len() > 1, "cut inside the string");
        for text in [include_str!("../../fixtures/service-partnerships-guide.toml"), broken, syntax, lookalike] {
            let whole = sorted(parse_in_pieces(text, usize::MAX));
            let pieces = sorted(parse_in_pieces(text, 1));
            assert_eq!(pieces, whole);
        }
        assert!(pieces::starts(broken, 1, |_| true).len() > 3, "the broken file is read in pieces");
    }
}
