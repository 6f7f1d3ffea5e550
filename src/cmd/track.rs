//! Logging progress in one line: `done`, `start`, `block`, `defer`, `cancel`, `reopen` for agenda
//! items, channels, materials, milestones and actions.

use std::io::Write;

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::TrackCommand;
use crate::error::{Error, Result};
use crate::model::change::{Change, Item};
use crate::model::plan::Progress;
use crate::model::types::{Family, Status, check_note, check_url};
use crate::msg;
use crate::render;
use crate::store::Open;

/// What a tracking verb asks for.
struct Wanted {
    status: Status,
    done_on: Option<NaiveDate>,
    note: Option<String>,
    url: Option<String>,
}

/// The item with the wanted progress (and url, for channels and materials).
fn updated(item: &Item, wanted: &Wanted) -> Result<Item> {
    let set =
        |p: &Progress| Progress { status: wanted.status, done_on: wanted.done_on, note: wanted.note.clone().or_else(|| p.note.clone()) };
    let mut next = item.clone();
    match &mut next {
        Item::AgendaItem(i) => i.progress = set(&i.progress),
        Item::Milestone(i) => i.progress = set(&i.progress),
        Item::Distribution(i) => i.progress = set(&i.progress),
        Item::Action(i) => i.progress = set(&i.progress),
        Item::Channel(i) => {
            i.progress = set(&i.progress);
            i.url = wanted.url.clone().or_else(|| i.url.clone());
        }
        Item::Material(i) => {
            i.progress = set(&i.progress);
            i.url = wanted.url.clone().or_else(|| i.url.clone());
        }
        Item::Campaign(_)
        | Item::Organization(_)
        | Item::Table(_)
        | Item::Meeting(_)
        | Item::Person(_)
        | Item::Result(_)
        | Item::Term(_) => {
            return Err(Error::input(msg!(
                "only agenda items, channels, materials, milestones and actions carry a status",
                "seuls les points à l'ordre du jour, canaux, documents, jalons et actions de suivi ont un statut"
            )));
        }
    }
    Ok(next)
}

pub fn run(ctx: &Ctx, kind: Family, command: TrackCommand, err: &mut dyn Write) -> Result<()> {
    let (reference, wanted) = match command {
        TrackCommand::Done(a) => {
            if let Some(url) = &a.url {
                if !matches!(kind, Family::Channel | Family::Material) {
                    return Err(Error::input(msg!(
                        "--url is for channels and materials only",
                        "--url ne s'applique qu'aux canaux et aux documents"
                    )));
                }
                check_url(url).map_err(|e| Error::input(e.labelled("--url")))?;
            }
            (a.reference, Wanted { status: Status::Done, done_on: Some(a.on.unwrap_or(ctx.today)), note: a.note, url: a.url })
        }
        TrackCommand::Start(a) => (a.reference, Wanted { status: Status::InProgress, done_on: None, note: a.note, url: None }),
        TrackCommand::Block(a) => (a.reference, Wanted { status: Status::Blocked, done_on: None, note: a.note, url: None }),
        TrackCommand::Defer(a) => (a.reference, Wanted { status: Status::Deferred, done_on: None, note: a.note, url: None }),
        TrackCommand::Cancel(a) => (a.reference, Wanted { status: Status::Cancelled, done_on: None, note: a.note, url: None }),
        TrackCommand::Reopen(a) => (a.reference, Wanted { status: Status::Planned, done_on: None, note: a.note, url: None }),
    };
    if let Some(note) = &wanted.note {
        check_note("--note", note).map_err(Error::Input)?;
    }
    let mut store = ctx.open(Open::Existing)?;
    let change = store.change_item(&ctx.actor(), kind, &reference, |item| updated(item, &wanted))?;
    let before = change.as_ref().and_then(Change::before).and_then(Item::progress).cloned();
    render::messages::tracked(err, ctx.ui, kind, &reference, before.as_ref(), &wanted_progress(&wanted))?;
    if kind == Family::Milestone && wanted.status == Status::Done {
        let Some(Item::Milestone(m)) = store.load_item(Family::Milestone, &reference)? else { return Ok(()) };
        let mut open = Vec::new();
        for dep in &m.depends_on {
            if let Some(Item::Milestone(d)) = store.load_item(Family::Milestone, dep)?
                && d.progress.status.is_open()
            {
                open.push(d.key);
            }
        }
        if !open.is_empty() {
            render::messages::open_dependencies(err, ctx.ui, &reference, &open)?;
        }
    }
    Ok(())
}

fn wanted_progress(w: &Wanted) -> Progress {
    Progress { status: w.status, done_on: w.done_on, note: w.note.clone() }
}
