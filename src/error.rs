//! The one error type of engage, and how each error maps to an exit code: 2 for what a user can
//! fix in what they typed or wrote (usage, unknown key, invalid value or file), 1 for the rest.

use std::io;

use crate::i18n::{Msg, Ui};
use crate::model::types::Family;
use crate::msg;

/// Everything that can go wrong in a command. Messages are in both languages ([`Msg`]); the
/// `Display` form is English, [`Error::message`] speaks the interface's language.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: a wrong argument, value, key or date. Exit 2.
    #[error("{0}")]
    Input(Msg),
    /// A plan file with problems, every one listed as `FILE:LINE:COL: message`. Exit 2.
    #[error("{file}: {} problem{} found; nothing was changed", problems.len(), if problems.len() == 1 { "" } else { "s" })]
    Plan { file: String, problems: Vec<Msg> },
    /// A key that names no item of its family, with the nearest key there is. Exit 2.
    #[error("{}", unknown_message(*family, key, nearest.as_deref()).en)]
    Unknown { family: Family, key: String, nearest: Option<String> },
    /// A store that holds no campaign yet. Exit 1.
    #[error("{}", NO_CAMPAIGN.en)]
    NoCampaign,
    /// A store that cannot be used as it is (missing, newer, damaged, not a store), or a failure
    /// reading or copying it. Exit 1, or 2 for a path that cannot be a store.
    #[error("{}", crate::i18n::faults::fault(.0).en)]
    Fault(crate::store::Fault),
    /// Any other failure, said in both languages. Exit 1.
    #[error("{0}")]
    Failed(Msg),
    /// SQLite failed underneath a command. Exit 1.
    #[error("the store failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed underneath a command (its words, never the URL or a password). Exit 1.
    #[error("the team store failed: {0}")]
    Postgres(crate::store::pg::Problem),
    /// Reading or writing a file failed. Exit 1.
    #[error("{context}: {source}")]
    Io { context: Msg, source: io::Error },
    /// The output was closed early (`engage upcoming | head`): not a failure.
    #[error("broken pipe")]
    BrokenPipe,
}

/// The result of every fallible step.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A bad-input error.
    pub fn input(message: Msg) -> Self {
        Error::Input(message)
    }

    /// An I/O error with what was being done.
    pub fn io(context: Msg, source: io::Error) -> Self {
        if source.kind() == io::ErrorKind::BrokenPipe {
            return Error::BrokenPipe;
        }
        Error::Io { context, source }
    }

    /// An error writing standard output (a closed pipe is not one).
    pub fn output(source: io::Error) -> Self {
        Error::io(msg!("writing output", "écriture de la sortie"), source)
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) | Error::Plan { .. } | Error::Unknown { .. } => 2,
            Error::BrokenPipe => 0,
            Error::Fault(f) if f.is_input() => 2,
            Error::Fault(_) | Error::Failed(_) | Error::NoCampaign | Error::Sqlite(_) | Error::Postgres(_) | Error::Io { .. } => 1,
        }
    }

    /// The one-line message in `ui`'s language. What comes from SQLite or the operating system
    /// (after the colon) stays as they say it.
    pub fn message(&self, ui: Ui) -> String {
        match (self, ui) {
            (_, Ui::En) => self.to_string(),
            (Error::Input(m) | Error::Failed(m), Ui::Fr) => m.fr.clone(),
            (Error::Fault(f), Ui::Fr) => crate::i18n::faults::fault(f).fr,
            (Error::Plan { file, problems }, Ui::Fr) => {
                let n = problems.len();
                format!("{file}\u{a0}: {n} problème{} trouvé{}\u{202f}; rien n'a été changé", plural(n), plural(n))
            }
            (Error::Unknown { family, key, nearest }, Ui::Fr) => unknown_message(*family, key, nearest.as_deref()).fr,
            (Error::NoCampaign, Ui::Fr) => NO_CAMPAIGN.fr.to_string(),
            (Error::Sqlite(e), Ui::Fr) => format!("erreur de la base de données\u{a0}: {e}"),
            (Error::Postgres(e), Ui::Fr) => format!("la base de données d'équipe a échoué\u{a0}: {e}"),
            (Error::Io { context, source }, Ui::Fr) => format!("{}\u{a0}: {}", context.fr, io_reason(source).fr),
            (Error::BrokenPipe, Ui::Fr) => "tube fermé".into(),
        }
    }
}

/// What a store without a campaign says.
const NO_CAMPAIGN: crate::i18n::Text = crate::i18n::Text {
    en: "the store has no campaign yet: run `engage init --name NAME` or `engage plan apply FILE`",
    fr: "la base de données n'a pas encore de campagne\u{a0}: lancez `engage init --name NOM` ou `engage plan apply FICHIER`",
};

/// `unknown milestone 'deck-redy' (did you mean 'deck-ready'?)`, in both languages; an agenda
/// item typed without its meeting says how agenda items are named.
fn unknown_message(family: Family, key: &str, nearest: Option<&str>) -> Msg {
    let mut message = crate::i18n::noun(family).unknown(key);
    if let Some(n) = nearest {
        message = message.join(" ", " ", &msg!("(did you mean '{n}'?)", "(vouliez-vous dire «\u{202f}{n}\u{202f}»\u{202f}?)"));
    } else if family == Family::AgendaItem && !key.contains('/') {
        message = message.join(
            ": ",
            "\u{a0}: ",
            &msg!("an agenda item is named MEETING/ITEM", "un point à l'ordre du jour se nomme RÉUNION/POINT"),
        );
    }
    message
}

/// Why a file operation failed, in words engage says itself for the common cases (« fichier
/// introuvable », « permission refusée »); the operating system's text otherwise.
pub fn io_reason(e: &io::Error) -> Msg {
    match e.kind() {
        io::ErrorKind::NotFound => msg!("file not found", "fichier introuvable"),
        io::ErrorKind::PermissionDenied => msg!("permission denied", "permission refusée"),
        io::ErrorKind::AlreadyExists => msg!("the file already exists", "le fichier existe déjà"),
        io::ErrorKind::IsADirectory => msg!("is a directory", "est un répertoire"),
        io::ErrorKind::NotADirectory => msg!("a part of the path is not a directory", "une partie du chemin n'est pas un répertoire"),
        io::ErrorKind::ReadOnlyFilesystem => msg!("the file system is read-only", "le système de fichiers est en lecture seule"),
        io::ErrorKind::StorageFull => msg!("no space left on the device", "plus d'espace sur le périphérique"),
        _ => Msg::same(e.to_string()),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::output(e)
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => Error::io(msg!("writing CSV", "écriture du CSV"), io),
            other => Error::Io { context: msg!("writing CSV", "écriture du CSV"), source: io::Error::other(format!("{other:?}")) },
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(kind) => Error::io(msg!("writing JSON", "écriture du JSON"), io::Error::from(kind)),
            None => Error::Io { context: msg!("writing JSON", "écriture du JSON"), source: io::Error::other(e) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes() {
        assert_eq!(Error::input(Msg::same("x")).exit_code(), 2);
        assert_eq!(Error::Plan { file: "f".into(), problems: vec![Msg::same("a")] }.exit_code(), 2);
        assert_eq!(Error::Failed(Msg::same("x")).exit_code(), 1);
        assert_eq!(Error::io(Msg::same("x"), io::Error::other("y")).exit_code(), 1);
        assert_eq!(Error::io(Msg::same("x"), io::Error::from(io::ErrorKind::BrokenPipe)).exit_code(), 0);
        assert_eq!(Error::Sqlite(rusqlite::Error::InvalidQuery).exit_code(), 1);
        let network = crate::store::Fault::NetworkFs { path: "s.db".into(), fs: "NFS" };
        assert_eq!(Error::Fault(network).exit_code(), 1);
        assert_eq!(Error::Fault(crate::store::Fault::Directory { path: "s.db".into() }).exit_code(), 2);
    }

    #[test]
    fn messages_speak_both_languages() {
        let e = Error::input(msg!("unknown milestone '{}'", "jalon inconnu «\u{202f}{}\u{202f}»", "b"));
        assert_eq!((e.message(Ui::En), e.message(Ui::Fr)), ("unknown milestone 'b'".into(), "jalon inconnu «\u{202f}b\u{202f}»".into()));
        let p = Error::Plan { file: "p.toml".into(), problems: vec![Msg::same("a"), Msg::same("b")] };
        assert_eq!(p.message(Ui::Fr), "p.toml\u{a0}: 2 problèmes trouvés\u{202f}; rien n'a été changé");
        assert_eq!(p.message(Ui::En), "p.toml: 2 problems found; nothing was changed");
    }
}
