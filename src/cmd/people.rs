//! `engage person import FILE.csv`: a contact list as members send it, loaded whole or not at all.

use std::io::Write;

use super::Ctx;
use crate::cli::ImportArgs;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::change::{Change, Item};
use crate::model::plan::Person;
use crate::model::types::Lang;
use crate::msg;
use crate::plan::validate::check_item;
use crate::render;
use crate::store::Open;

/// The columns a contact list must have, in any order.
const COLUMNS: [&str; 6] = ["key", "name", "organization", "role", "email", "lang"];

/// Reads the CSV and checks every row against the campaign; writes all of them (created or
/// updated by key) or, with any bad row, nothing and every problem as `FILE:LINE: message`.
pub fn import(ctx: &Ctx, args: ImportArgs, err: &mut dyn Write) -> Result<()> {
    let file = args.file.display().to_string();
    let text = super::plan::read_plan_file(&args.file)?;
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => return Err(Error::input(msg!("{file}: not a CSV file ({e})", "{file}\u{a0}: ce n'est pas un fichier CSV ({e})"))),
    };
    let column = |name: &str| header.iter().position(|h| h == name);
    if let Some(missing) = COLUMNS.iter().find(|c| column(c).is_none()) {
        let wanted = COLUMNS.join(",");
        return Err(Error::input(msg!(
            "{file}:1: the header has no '{missing}' column (expected {wanted})",
            "{file}:1\u{a0}: l'en-tête n'a pas de colonne «\u{202f}{missing}\u{202f}» (attendu\u{a0}: {wanted})"
        )));
    }
    let mut rows: Vec<(u64, Person)> = Vec::new();
    // Every problem with its line, listed in line order.
    let mut problems: Vec<(u64, Msg)> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push((line, msg!("{file}:{line}: {e}", "{file}:{line}\u{a0}: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cell = |name: &str| column(name).and_then(|i| record.get(i)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let lang = match cell("lang").as_deref() {
            None => None,
            Some(l) => match Lang::parse(l).filter(|l| *l != Lang::Bilingual) {
                Some(l) => Some(l),
                None => {
                    problems.push((
                        line,
                        msg!(
                            "{file}:{line}: lang '{l}' is not en or fr",
                            "{file}:{line}\u{a0}: la langue «\u{202f}{l}\u{202f}» n'est ni en ni fr"
                        ),
                    ));
                    continue;
                }
            },
        };
        let person = Person {
            key: cell("key").unwrap_or_default(),
            name: cell("name").unwrap_or_default(),
            organization: cell("organization").unwrap_or_default(),
            role: cell("role"),
            email: cell("email"),
            lang,
            source: None,
            contact_permitted: true,
            retain_until: None,
        };
        rows.push((line, person));
    }
    let mut store = ctx.open(Open::Existing)?;
    let (changes, ()) = store.change_plan(&ctx.actor(), |mut plan| {
        let mut changes = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (line, person) in &rows {
            let at = |m: Msg| (*line, m.prefixed(&format!("{file}:{line}: ")));
            if seen.contains(&person.key.as_str()) {
                let k = &person.key;
                problems.push(at(msg!("'{k}' is listed twice", "«\u{202f}{k}\u{202f}» figure deux fois")));
                continue;
            }
            seen.push(&person.key);
            if let Err(m) = crate::model::types::check_key(&person.key) {
                problems.push(at(m));
                continue;
            }
            if person.name.is_empty() {
                problems.push(at(msg!("the name is empty", "le nom est vide")));
                continue;
            }
            let mut person = person.clone();
            let before = plan.people.get(&person.key).cloned();
            if let Some(b) = &before {
                // What the list does not say is kept.
                person.source = b.source.clone();
                person.contact_permitted = b.contact_permitted;
                person.retain_until = b.retain_until;
            }
            let after = Item::Person(person.clone());
            plan.people.insert(person.key.clone(), person);
            if let Err(m) = check_item(&plan, &after) {
                problems.push(at(m));
                continue;
            }
            match before {
                None => changes.push(Change::Create(after)),
                Some(b) if Item::Person(b.clone()) != after => changes.push(Change::Update { before: Item::Person(b), after }),
                Some(_) => {}
            }
        }
        if problems.is_empty() {
            return Ok((changes, ()));
        }
        problems.sort_by_key(|(line, _)| *line);
        Err(Error::Plan { file: file.clone(), problems: std::mem::take(&mut problems).into_iter().map(|(_, m)| m).collect() })
    })?;
    render::messages::imported(err, ctx.ui, &file, &changes, rows.len())
}
