//! Messages for people, on stderr: errors, summaries of what a command changed, warnings.

use std::io::Write;
use std::path::Path;

use super::clean::for_terminal;
use crate::error::{Error, Result};
use crate::i18n::Ui;
use crate::model::change::{Action, Change};
use crate::msg;
use crate::store::Upgrade;

/// How many of a plan file's problems are listed; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 50;

/// Prints an error as `engage: message`; a plan file's problems come first, one per line (the
/// first [`PROBLEMS_SHOWN`], then how many more). Every line is cleaned by [`for_terminal`], so
/// that what the message quotes from the input stays on its line and cannot act on a terminal.
pub fn error(err: &Error, ui: Ui) {
    let mut stderr = std::io::stderr().lock();
    if let Error::Plan { problems, .. } = err {
        for line in problems.iter().take(PROBLEMS_SHOWN) {
            let _ = writeln!(stderr, "{}", for_terminal(line.get(ui)));
        }
        let more = problems.len().saturating_sub(PROBLEMS_SHOWN);
        if more > 0 {
            let s = if more == 1 { "" } else { "s" };
            let _ = writeln!(stderr, "{}", msg!("… and {more} more problem{s}", "… et {more} autre{s} problème{s}").get(ui));
        }
    }
    let message = err.message(ui);
    let message = for_terminal(&message);
    let _ = match ui {
        Ui::En => writeln!(stderr, "engage: {message}"),
        Ui::Fr => writeln!(stderr, "engage\u{a0}: {message}"),
    };
}

/// Prints a usage error as one line: `engage: message` (`engage : message` in French), cleaned
/// by [`for_terminal`].
pub fn usage_error(message: &str, ui: Ui) {
    let mut stderr = std::io::stderr().lock();
    let message = for_terminal(message);
    let _ = match ui {
        Ui::En => writeln!(stderr, "engage: {message}"),
        Ui::Fr => writeln!(stderr, "engage\u{a0}: {message}"),
    };
}

/// An empty line between two reports.
pub fn blank_line(out: &mut dyn Write) -> Result<()> {
    writeln!(out).map_err(Error::output)
}

/// Writes one message line, cleaned by [`for_terminal`].
fn w(out: &mut dyn Write, text: String) -> Result<()> {
    let text = for_terminal(&text);
    writeln!(out, "{text}").map_err(|e| Error::io(msg!("writing a message", "écriture d'un message"), e))
}

/// Says that opening upgraded an older store.
pub fn upgraded(out: &mut dyn Write, ui: Ui, store: &Path, up: &Upgrade) -> Result<()> {
    let (store, kept) = (store.display(), up.kept_as.display());
    w(
        out,
        match ui {
            Ui::En => format!(
                "engage: upgraded {store} from schema version {} to {}; the old file is kept as {kept}",
                up.from,
                crate::store::CURRENT_VERSION
            ),
            Ui::Fr => format!(
                "engage\u{a0}: {store} mis à niveau de la version {} à la version {} du schéma\u{202f}; l'ancien fichier est conservé sous {kept}",
                up.from,
                crate::store::CURRENT_VERSION
            ),
        },
    )
}

pub use crate::model::change::Tally;

/// Sums up a plan apply: what was created, updated, deleted and left unchanged.
pub fn applied(out: &mut dyn Write, ui: Ui, file: &str, t: Tally, in_file: usize, dry_run: bool) -> Result<()> {
    let unchanged = in_file.saturating_sub(t.created + t.updated);
    let text = match (ui, t.is_empty(), dry_run) {
        (Ui::En, true, _) => format!("{file}: nothing to change ({unchanged} items unchanged)"),
        (Ui::Fr, true, _) => format!("{file}\u{a0}: rien à changer ({unchanged} éléments inchangés)"),
        (Ui::En, false, d) => format!(
            "{file}: {}{} created, {} updated, {} deleted, {unchanged} unchanged",
            if d { "would be " } else { "" },
            t.created,
            t.updated,
            t.deleted
        ),
        (Ui::Fr, false, d) => format!(
            "{file}\u{a0}: {}{} créés, {} modifiés, {} supprimés, {unchanged} inchangés",
            if d { "simulation — " } else { "" },
            t.created,
            t.updated,
            t.deleted
        ),
    };
    w(out, text)
}

/// What changed between two JSON forms of an item, field by field, in `ui`'s words:
/// `status: planned → done` / `statut : prévu → fait`.
pub fn describe(ui: Ui, before: Option<&serde_json::Value>, after: Option<&serde_json::Value>) -> String {
    let show = |field: &str, v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "—".to_string(),
        Some(serde_json::Value::String(s)) => match field {
            "status" => s.parse().map_or_else(|_| s.clone(), |st| crate::i18n::status(ui, st).to_string()),
            "order" => s.parse().map_or_else(|_| s.clone(), |o| crate::i18n::order(ui, o).to_string()),
            "kind" | "lang" => crate::i18n::value(ui, s).map_or_else(|| s.clone(), str::to_string),
            "due" | "done_on" | "date" | "end_date" | "start" | "end" | "acknowledged_on" | "retain_until" | "on" => {
                s.parse().map_or_else(|_| s.clone(), |d| crate::i18n::date(ui, d))
            }
            _ => s.clone(),
        },
        // A measurement of a result: its day and value.
        Some(serde_json::Value::Object(m)) if m.contains_key("on") && m.contains_key("value") => {
            let on = m["on"].as_str().and_then(|d| d.parse().ok()).map_or_else(|| m["on"].to_string(), |d| crate::i18n::date(ui, d));
            let value = m["value"].as_f64().map_or_else(|| m["value"].to_string(), |v| crate::i18n::number(ui, v));
            format!("{on} = {value}")
        }
        Some(serde_json::Value::Number(n)) => n.as_f64().map_or_else(|| n.to_string(), |v| crate::i18n::number(ui, v)),
        Some(other) => other.to_string(),
    };
    let colon = if ui == Ui::Fr { "\u{a0}:" } else { ":" };
    match (before, after) {
        (Some(serde_json::Value::Object(b)), Some(serde_json::Value::Object(a))) => {
            let mut parts = Vec::new();
            for (field, new) in a {
                let old = b.get(field);
                if old != Some(new) {
                    let label = crate::i18n::field(ui, field).unwrap_or(field);
                    match (old, new) {
                        // Lists of keys (members, dependencies, attendance): what left and came.
                        (Some(serde_json::Value::Array(o)), serde_json::Value::Array(n)) => {
                            let gone = o.iter().filter(|x| !n.contains(x)).map(|x| format!("\u{2212}{}", show(field, Some(x))));
                            let came = n.iter().filter(|x| !o.contains(x)).map(|x| format!("+{}", show(field, Some(x))));
                            parts.push(format!("{label}{colon} {}", gone.chain(came).collect::<Vec<_>>().join(", ")));
                        }
                        _ => parts.push(format!("{label}{colon} {} → {}", show(field, old), show(field, Some(new)))),
                    }
                }
            }
            parts.join(if ui == Ui::Fr { ", " } else { "; " })
        }
        _ => String::new(),
    }
}

/// Lists changes one per line: `create milestone b`, `update agenda_item m/x: status: planned →
/// done` (in French: `créé jalon b`, `modifié point à l'ordre du jour m/x : statut : prévu → fait`).
pub fn changes(out: &mut dyn Write, ui: Ui, changes: &[Change]) -> Result<()> {
    for c in changes {
        let item = c.item();
        let detail = if c.action() == Action::Update {
            let before = c.before().and_then(|i| serde_json::to_value(i).ok());
            let after = c.after().and_then(|i| serde_json::to_value(i).ok());
            let colon = if ui == Ui::Fr { "\u{a0}:" } else { ":" };
            format!("{colon} {}", describe(ui, before.as_ref(), after.as_ref()))
        } else {
            String::new()
        };
        let line = match ui {
            Ui::En => format!("{} {} {}{detail}", c.action().as_str(), item.subject().as_str(), item.key()),
            Ui::Fr => {
                let noun = crate::i18n::noun(item.subject());
                format!("{} «\u{202f}{}\u{202f}» {}{detail}", noun.fr, item.key(), crate::i18n::action(ui, c.action(), item.subject()))
            }
        };
        writeln!(out, "{}", for_terminal(&line)).map_err(Error::output)?;
    }
    Ok(())
}

/// Says what an edit changed, one change a line, or that nothing changed.
pub fn edited(out: &mut dyn Write, ui: Ui, edits: &[Change]) -> Result<()> {
    if edits.is_empty() {
        return w(
            out,
            match ui {
                Ui::En => "nothing changed".to_string(),
                Ui::Fr => "rien n'a changé".to_string(),
            },
        );
    }
    changes(out, ui, edits)
}

/// What `send` did: the recipients that were sent the material now, those that had it already,
/// and which version (language) went to whom when it was not the one named.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sent {
    pub new: Vec<String>,
    pub already: Vec<String>,
    /// (recipient, material key sent instead), for people who read the other language.
    pub versions: Vec<(String, String)>,
}

/// `sent annex-a to 3 recipients: 2 new, 1 had it already`, then one line per version change.
pub fn sent(out: &mut dyn Write, ui: Ui, material: &str, s: &Sent) -> Result<()> {
    let (n, new, already) = (s.new.len() + s.already.len(), s.new.len(), s.already.len());
    w(
        out,
        match ui {
            Ui::En => format!("sent {material} to {n} recipient{}: {new} new, {already} had it already", if n == 1 { "" } else { "s" }),
            Ui::Fr => format!(
                "{material} envoyé à {n} destinataire{}\u{a0}: {new} nouveau{}, {already} l'avai{} déjà",
                if n == 1 { "" } else { "s" },
                if new > 1 { "x" } else { "" },
                if already > 1 { "ent" } else { "t" }
            ),
        },
    )?;
    for (to, version) in &s.versions {
        w(
            out,
            match ui {
                Ui::En => format!("  {to} received {version} (in their language)"),
                Ui::Fr => format!("  {to} a reçu {version} (dans sa langue)"),
            },
        )?;
    }
    Ok(())
}

/// Sums up a contact-list import: how many people were created, updated, or already so.
pub fn imported(out: &mut dyn Write, ui: Ui, file: &str, changes: &[Change], rows: usize) -> Result<()> {
    let t = Tally::of(changes);
    let unchanged = rows.saturating_sub(t.created + t.updated);
    w(
        out,
        match ui {
            Ui::En => format!("{file}: {} people created, {} updated, {unchanged} unchanged", t.created, t.updated),
            Ui::Fr => format!("{file}\u{a0}: {} personnes créées, {} modifiées, {unchanged} inchangées", t.created, t.updated),
        },
    )
}

/// Says that `init` created a campaign.
pub fn initialized(out: &mut dyn Write, ui: Ui, campaign: &crate::model::plan::Campaign, store: &Path) -> Result<()> {
    let (name, start, end, store) = (
        &campaign.name,
        campaign.start.map(|d| crate::i18n::date(ui, d)).unwrap_or_default(),
        crate::i18n::date(ui, campaign.end),
        store.display(),
    );
    w(
        out,
        match ui {
            Ui::En => format!("created the campaign '{name}' ({start} to {end}) in {store}"),
            Ui::Fr => format!("campagne «\u{202f}{name}\u{202f}» créée (du {start} au {end}) dans {store}"),
        },
    )
}

/// Introduces the demo: where its store is and what was loaded.
pub fn demo_intro(out: &mut dyn Write, ui: Ui, store: &Path, changes: usize, temporary: bool) -> Result<()> {
    let store = store.display();
    w(
        out,
        match (ui, temporary) {
            (Ui::En, true) => format!(
                "The 2018 Service Partnerships Guide engagement campaign ({changes} changes) in a temporary store; pass --db PATH to keep it."
            ),
            (Ui::En, false) => format!("The 2018 Service Partnerships Guide engagement campaign ({changes} changes) in {store}."),
            (Ui::Fr, true) => format!(
                "La campagne de mobilisation 2018 du Guide des partenariats de service ({changes} changements) dans une base de données temporaire\u{202f}; ajoutez --db CHEMIN pour la garder."
            ),
            (Ui::Fr, false) => {
                format!("La campagne de mobilisation 2018 du Guide des partenariats de service ({changes} changements) dans {store}.")
            }
        },
    )
}

/// Says what a tracking verb did: `milestone 'b': planned → done (2030-04-10)`, or that nothing
/// changed when the item was already so (`before` is `None`).
pub fn tracked(
    out: &mut dyn Write,
    ui: Ui,
    kind: crate::model::types::Family,
    key: &str,
    before: Option<&crate::model::plan::Progress>,
    now: &crate::model::plan::Progress,
) -> Result<()> {
    let k = crate::i18n::kind(ui, kind);
    let status = |p: &crate::model::plan::Progress| {
        let s = crate::i18n::status(ui, p.status);
        match p.done_on {
            Some(d) => format!("{s} ({})", crate::i18n::date(ui, d)),
            None => s.to_string(),
        }
    };
    w(
        out,
        match (ui, before) {
            (Ui::En, Some(b)) => format!("{k} '{key}': {} → {}", status(b), status(now)),
            (Ui::Fr, Some(b)) => format!("{k} «\u{202f}{key}\u{202f}»\u{a0}: {} → {}", status(b), status(now)),
            (Ui::En, None) => format!("{k} '{key}' is already {}: nothing changed", status(now)),
            (Ui::Fr, None) => format!("{k} «\u{202f}{key}\u{202f}»\u{a0}: déjà {}\u{202f}; rien n'a changé", status(now)),
        },
    )
}

/// Warns that a milestone marked done still has open dependencies.
pub fn open_dependencies(out: &mut dyn Write, ui: Ui, key: &str, open: &[String]) -> Result<()> {
    let list = open.join(", ");
    w(
        out,
        match ui {
            Ui::En => format!("warning: milestone '{key}' is done but depends on milestones not done yet: {list}"),
            Ui::Fr => format!(
                "avertissement\u{a0}: le jalon «\u{202f}{key}\u{202f}» est fait, mais dépend de jalons pas encore faits\u{a0}: {list}"
            ),
        },
    )
}

/// Says that an `add` created an item.
pub fn added(out: &mut dyn Write, ui: Ui, change: &Change) -> Result<()> {
    let item = change.item();
    let (noun, key) = (crate::i18n::noun(item.subject()), item.key());
    w(
        out,
        match ui {
            Ui::En => format!("added {} '{key}'", noun.en),
            Ui::Fr => format!("{} «\u{202f}{key}\u{202f}» {}", noun.fr, noun.agree("ajouté")),
        },
    )
}

/// Reports the result of `engage check`.
pub fn checked(out: &mut dyn Write, ui: Ui, store: &Path, problems: &[crate::i18n::Msg]) -> Result<()> {
    if problems.is_empty() {
        return w(
            out,
            match ui {
                Ui::En => format!("{}: ok", store.display()),
                Ui::Fr => format!("{}\u{a0}: aucun problème", store.display()),
            },
        );
    }
    for p in problems {
        w(out, p.get(ui).to_string())?;
    }
    Ok(())
}

/// Lists the shared values (owners, locations, chairs, jurisdictions) that have no French in the
/// glossary yet, one a line after a heading; nothing when there are none.
pub fn untranslated(out: &mut dyn Write, ui: Ui, values: &[String]) -> Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    let n = values.len();
    w(
        out,
        match ui {
            Ui::En => format!("{n} shared values have no French in the glossary yet (engage glossary set VALUE FRENCH):"),
            Ui::Fr => format!(
                "{n} valeurs partagées n'ont pas encore de traduction française dans le glossaire (engage glossary set VALEUR FRANÇAIS)\u{a0}:"
            ),
        },
    )?;
    for v in values {
        w(out, format!("  {v}"))?;
    }
    Ok(())
}

/// Says where a backup went.
pub fn backed_up(out: &mut dyn Write, ui: Ui, store: &Path, target: &Path) -> Result<()> {
    w(
        out,
        match ui {
            Ui::En => format!("copied {} to {}", store.display(), target.display()),
            Ui::Fr => format!("{} copié dans {}", store.display(), target.display()),
        },
    )
}

/// Says that a file was written: `Wrote report.html.`
pub fn wrote(out: &mut dyn Write, ui: Ui, file: &Path) -> Result<()> {
    let file = file.display();
    w(
        out,
        match ui {
            Ui::En => format!("Wrote {file}."),
            Ui::Fr => format!("Fichier {file} écrit."),
        },
    )
}

/// Says what `engage copy` copied: `copied 42 items and 57 journal entries from A to B`.
pub fn copied(out: &mut dyn Write, ui: Ui, from: &str, to: &str, items: usize, entries: usize) -> Result<()> {
    let (s_items, s_entries) = (if items == 1 { "" } else { "s" }, if entries == 1 { "y" } else { "ies" });
    let (fr_items, fr_entries) = (if items > 1 { "s" } else { "" }, if entries > 1 { "s" } else { "" });
    w(
        out,
        match ui {
            Ui::En => format!("copied {items} item{s_items} and {entries} journal entr{s_entries} from {from} to {to}"),
            Ui::Fr => format!("{items} élément{fr_items} et {entries} entrée{fr_entries} du journal copiés de {from} vers {to}"),
        },
    )
}

/// Says what `engage team` granted or revoked.
pub fn granted(out: &mut dyn Write, ui: Ui, store: &str, role: &str, access: Option<crate::store::pg::Access>) -> Result<()> {
    use crate::store::pg::Access;
    w(
        out,
        match (ui, access) {
            (Ui::En, Some(Access::Read)) => format!("role {role} may now read {store}"),
            (Ui::En, Some(Access::Write)) => format!("role {role} may now read and change {store}"),
            (Ui::En, None) => format!("role {role} may no longer read or change {store}"),
            (Ui::Fr, Some(Access::Read)) => format!("le rôle {role} peut désormais lire {store}"),
            (Ui::Fr, Some(Access::Write)) => format!("le rôle {role} peut désormais lire et modifier {store}"),
            (Ui::Fr, None) => format!("le rôle {role} ne peut plus lire ni modifier {store}"),
        },
    )
}
