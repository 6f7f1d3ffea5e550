//! `engage send MATERIAL --to RECIPIENT…` (one done distribution per recipient, each person in
//! their language) and `engage distribution acknowledge`.

use std::io::Write;

use chrono::NaiveDate;

use super::Ctx;
use super::edit::find;
use crate::cli::{AcknowledgeArgs, SendArgs};
use crate::error::{Error, Result};
use crate::model::change::{Change, Item};
use crate::model::plan::{Distribution, Material, Plan, Progress};
use crate::model::state::seen_on;
use crate::model::types::{Family, Lang, Status, check_note};
use crate::msg;
use crate::plan::validate::check_item;
use crate::render;
use crate::render::messages::Sent;
use crate::store::Open;

/// One recipient as `--to` names it, before tables are expanded.
enum Named {
    Organization(String),
    Person(String),
    Table(String),
}

/// Reads a `--to` value: an organization, a person, or a table (`table:KEY` or `org:KEY` to say
/// which when a key names both).
fn named(plan: &Plan, to: &str) -> Result<Named> {
    if let Some(t) = to.strip_prefix("table:") {
        return find(plan, Family::Table, t).map(|_| Named::Table(t.to_string()));
    }
    if let Some(o) = to.strip_prefix("org:") {
        return find(plan, Family::Organization, o).map(|_| Named::Organization(o.to_string()));
    }
    let org = plan.organizations.contains_key(to);
    let person = plan.people.contains_key(to);
    let table = plan.tables.contains_key(to);
    match (org, person, table) {
        (true, _, true) | (_, true, true) => Err(Error::input(msg!(
            "'{to}' names both a table and a recipient: write table:{to} for the table's members, org:{to} for the organization",
            "«\u{202f}{to}\u{202f}» désigne à la fois une table et un destinataire\u{a0}: écrivez table:{to} pour ses membres, org:{to} pour l'organisation"
        ))),
        (true, _, false) => Ok(Named::Organization(to.to_string())),
        (false, true, false) => Ok(Named::Person(to.to_string())),
        (false, false, true) => Ok(Named::Table(to.to_string())),
        (false, false, false) => {
            let nearest = {
                let keys = plan.organizations.keys().chain(plan.people.keys()).chain(plan.tables.keys());
                crate::model::suggest::nearest(to, keys.map(String::as_str)).map(str::to_string)
            };
            let hint = nearest.map(|n| msg!(" (did you mean '{n}'?)", " (vouliez-vous dire «\u{202f}{n}\u{202f}»?)")).unwrap_or_default();
            Err(Error::input(
                msg!(
                    "unknown recipient '{to}': not an organization, a person or a table",
                    "destinataire inconnu «\u{202f}{to}\u{202f}»\u{a0}: ni une organisation, ni une personne, ni une table"
                )
                .join("", "", &hint),
            ))
        }
    }
}

/// The other side of `material`'s pair: the counterpart it names, else the material that names it
/// (a pair may be linked from one side only).
fn counterpart<'p>(plan: &'p Plan, material: &Material) -> Option<&'p Material> {
    material
        .counterpart
        .as_ref()
        .and_then(|c| plan.materials.get(c))
        .or_else(|| plan.materials.values().find(|m| m.counterpart.as_deref() == Some(material.key.as_str())))
}

/// The version of `material` for a person who reads `lang`: the material, or its counterpart
/// when the material is in the other language.
fn version_for<'p>(plan: &'p Plan, material: &'p Material, lang: Option<Lang>) -> &'p Material {
    match (lang, material.lang, counterpart(plan, material)) {
        (Some(want), have, Some(other)) if have != Lang::Bilingual && have != want && other.lang == want => other,
        _ => material,
    }
}

/// Refuses to send one language version while its counterpart is not done on `on` (unless
/// `allow_gap`, which returns the note to record).
fn parity(plan: &Plan, version: &Material, on: NaiveDate, allow_gap: bool) -> Result<Option<String>> {
    let Some(other) = counterpart(plan, version) else { return Ok(None) };
    let (status, _) = seen_on(other.progress.status, other.progress.done_on, on);
    if status == Status::Done {
        return Ok(None);
    }
    let (key, cp) = (&version.key, &other.key);
    if allow_gap {
        return Ok(Some(format!("sent before its counterpart '{cp}' was done (--allow-gap)")));
    }
    Err(Error::input(msg!(
        "'{key}' cannot be sent while its counterpart '{cp}' is not done: both languages go at the same time (--allow-gap to send anyway)",
        "«\u{202f}{key}\u{202f}» ne peut pas être envoyé tant que sa version équivalente «\u{202f}{cp}\u{202f}» n'est pas terminée\u{a0}: les deux langues partent en même temps (--allow-gap pour l'envoyer quand même)"
    )))
}

/// Refuses to send a version that is not done (ready) by `on`.
fn ready(version: &Material, on: NaiveDate) -> Result<()> {
    if seen_on(version.progress.status, version.progress.done_on, on).0 == Status::Done {
        return Ok(());
    }
    let key = &version.key;
    Err(Error::input(msg!(
        "'{key}' is not done (ready) on {on}: mark it done first (`engage material done {key} --on DATE`)",
        "«\u{202f}{key}\u{202f}» n'est pas terminé (prêt) le {on}\u{a0}: marquez-le d'abord terminé (`engage material done {key} --on DATE`)"
    )))
}

/// `engage send`: one done distribution per recipient, in one transaction.
pub fn send(ctx: &Ctx, args: SendArgs, err: &mut dyn Write) -> Result<()> {
    let on = args.on.unwrap_or(ctx.today);
    if let Some(n) = &args.note {
        check_note("--note", n).map_err(Error::Input)?;
    }
    let mut store = ctx.open(Open::Existing)?;
    let (_, sent) = store.change_plan(&ctx.actor(), |plan| {
        let material = match find(&plan, Family::Material, &args.material)? {
            Item::Material(m) => m,
            _ => return Err(Error::Failed(msg!("internal error: not a material", "erreur interne\u{a0}: pas un document"))),
        };
        if let Some(v) = &args.via {
            find(&plan, Family::Organization, v)?;
        }
        // Every recipient, tables expanded to their members, each once.
        let mut recipients: Vec<(String, Option<Lang>)> = Vec::new();
        for to in &args.to {
            let expanded: Vec<(String, Option<Lang>)> = match named(&plan, to)? {
                Named::Organization(o) => vec![(o, None)],
                Named::Person(p) => {
                    let person = &plan.people[&p];
                    if !person.contact_permitted {
                        return Err(Error::input(msg!(
                            "'{p}' may not be contacted (contact_permitted is false): nothing was sent",
                            "«\u{202f}{p}\u{202f}» ne peut pas être contacté(e) (contact_permitted est faux)\u{a0}: rien n'a été envoyé"
                        )));
                    }
                    vec![(p, person.lang)]
                }
                Named::Table(t) => {
                    let members = &plan.tables[&t].members;
                    if members.is_empty() {
                        return Err(Error::input(msg!(
                            "table '{t}' has no members to send to",
                            "la table «\u{202f}{t}\u{202f}» n'a aucun membre à qui envoyer"
                        )));
                    }
                    members.iter().map(|m| (m.clone(), None)).collect()
                }
            };
            for r in expanded {
                if !recipients.iter().any(|(k, _)| *k == r.0) {
                    recipients.push(r);
                }
            }
        }
        let mut changes = Vec::new();
        let mut sent = Sent::default();
        for (to, lang) in recipients {
            let version = version_for(&plan, &material, lang);
            ready(version, on)?;
            let gap = parity(&plan, version, on, args.allow_gap)?;
            let note = match (&args.note, gap) {
                (Some(n), Some(g)) => Some(format!("{n} ({g})")),
                (Some(n), None) => Some(n.clone()),
                (None, g) => g,
            };
            let key = (version.key.clone(), to.clone());
            let done = Progress { status: Status::Done, done_on: Some(on), note: note.clone() };
            match plan.distributions.get(&key) {
                Some(d) if d.progress.status == Status::Done => sent.already.push(to.clone()),
                Some(d) => {
                    let mut after = d.clone();
                    after.progress = Progress { note: note.or_else(|| d.progress.note.clone()), ..done };
                    after.via = args.via.clone().or_else(|| d.via.clone());
                    changes.push(Change::Update { before: Item::Distribution(d.clone()), after: Item::Distribution(after) });
                    sent.new.push(to.clone());
                }
                None => {
                    let d = Distribution {
                        material: version.key.clone(),
                        to: to.clone(),
                        via: args.via.clone(),
                        due: None,
                        progress: done,
                        acknowledged_on: None,
                    };
                    check_item(&plan, &Item::Distribution(d.clone())).map_err(Error::Input)?;
                    changes.push(Change::Create(Item::Distribution(d)));
                    sent.new.push(to.clone());
                }
            }
            if version.key != material.key {
                sent.versions.push((to, version.key.clone()));
            }
        }
        Ok((changes, sent))
    })?;
    render::messages::sent(err, ctx.ui, &args.material, &sent)
}

/// `engage distribution acknowledge MATERIAL/RECIPIENT [--on D]`.
pub fn acknowledge(ctx: &Ctx, args: AcknowledgeArgs, err: &mut dyn Write) -> Result<()> {
    let on = args.on.unwrap_or(ctx.today);
    let mut store = ctx.open(Open::Existing)?;
    let change = store.change_item(&ctx.actor(), Family::Distribution, &args.reference, |item| {
        let mut next = item.clone();
        if let Item::Distribution(d) = &mut next {
            d.acknowledged_on = Some(on);
        }
        Ok(next)
    })?;
    render::messages::edited(err, ctx.ui, change.as_slice())
}
