//! The wording of the store's faults ([`Fault`]) and of SQLite's own problems, in both languages.

use super::Msg;
use crate::msg;
use crate::store::{Fault, SqliteProblem};

/// How to create a store, said after a missing or empty one.
fn create() -> Msg {
    msg!(
        "create one with `engage init --name NAME --end DATE` or `engage plan apply FILE`",
        "créez-en une avec `engage init --name NOM --end DATE` ou `engage plan apply FICHIER`"
    )
}

/// One sentence saying what is wrong and what to do.
pub fn fault(f: &Fault) -> Msg {
    match f {
        Fault::Missing { path } => {
            let shown = path.display();
            msg!("no store at {shown}: ", "aucune base à {shown} : ").join("", "", &create())
        }
        Fault::Empty { path } => {
            let shown = path.display();
            msg!(
                "{shown} is empty: not an engage store yet; nothing was changed: ",
                "{shown} est vide : ce n'est pas encore une base engage; rien n'a été changé : "
            )
            .join("", "", &create())
        }
        Fault::NotYet { path } => {
            let shown = path.display();
            msg!(
                "{shown} holds no engage store yet; nothing was changed: ",
                "{shown} ne contient pas encore de base engage; rien n'a été changé : "
            )
            .join("", "", &create())
        }
        Fault::Directory { path } => {
            let shown = path.display();
            msg!("{shown} is a directory, not a store file", "{shown} est un répertoire, pas un fichier de base")
        }
        Fault::NotRegular { path } => {
            let shown = path.display();
            msg!(
                "{shown} is not a regular file (a device, a FIFO or a socket), not a store file",
                "{shown} n'est pas un fichier ordinaire (périphérique, FIFO ou socket), pas un fichier de base"
            )
        }
        Fault::NotSqlite { path } => {
            let shown = path.display();
            msg!(
                "{shown} is not an engage store (not a SQLite database); nothing was changed: check --db or $ENGAGE_DB",
                "{shown} n'est pas une base engage (ce n'est pas une base SQLite); rien n'a été changé : vérifiez --db ou $ENGAGE_DB"
            )
        }
        Fault::Foreign { path } => {
            let shown = path.display();
            msg!(
                "{shown} is a SQLite database but not an engage store; nothing was changed: check --db or $ENGAGE_DB",
                "{shown} est une base SQLite mais pas une base engage; rien n'a été changé : vérifiez --db ou $ENGAGE_DB"
            )
        }
        Fault::Newer { path, version, known } => {
            let shown = path.display();
            msg!(
                "{shown} was written by a newer engage (schema version {version}; this engage knows up to {known}): upgrade engage to use it",
                "{shown} a été écrite par un engage plus récent (version {version} du schéma; cet engage connaît jusqu'à la version {known}) : mettez engage à jour pour l'utiliser"
            )
        }
        Fault::Damaged { path, detail: e } => {
            let shown = path.display();
            msg!(
                "{shown} is damaged or not an engage store ({e}); nothing was changed: restore it from a backup",
                "{shown} est endommagée ou n'est pas une base engage ({e}); rien n'a été changé : restaurez-la à partir d'une copie"
            )
        }
        Fault::CannotWrite { path, detail: e } => {
            let shown = path.display();
            msg!(
                "cannot open {shown} for writing ({e}): check the permissions of the file and its directory",
                "impossible d'ouvrir {shown} en écriture ({e}) : vérifiez les droits du fichier et de son répertoire"
            )
        }
        Fault::CannotRead { path, detail: e } => {
            let shown = path.display();
            msg!(
                "cannot open {shown} for reading ({e}): check the permissions of the file and its directory",
                "impossible d'ouvrir {shown} en lecture ({e}) : vérifiez les droits du fichier et de son répertoire"
            )
        }
        Fault::CannotOpen { path, detail: e } => {
            let shown = path.display();
            msg!("cannot open {shown}: {e}", "impossible d'ouvrir {shown} : {e}")
        }
        Fault::Unreadable { path, source: e } => {
            let shown = path.display();
            msg!("cannot read {shown}: {e}", "impossible de lire {shown} : {e}")
        }
        Fault::CannotCreate { path, source: e } => {
            let shown = path.display();
            let hint = match e.kind() {
                std::io::ErrorKind::NotFound => msg!(": its directory does not exist", " : son répertoire n'existe pas"),
                std::io::ErrorKind::PermissionDenied => msg!(": permission denied", " : permission refusée"),
                _ => Msg::default(),
            };
            Msg {
                en: format!("cannot create the store {shown}{} ({e})", hint.en),
                fr: format!("impossible de créer la base {shown}{} ({e})", hint.fr),
            }
        }
        Fault::CreatedMeanwhile { path } => {
            let shown = path.display();
            msg!(
                "{shown} was created by another command meanwhile; nothing was written: run the command again",
                "{shown} a été créée par une autre commande entre-temps; rien n'a été écrit : relancez la commande"
            )
        }
        Fault::UpgradeFailed { path, to, detail: e } => {
            let shown = path.display();
            msg!(
                "upgrading {shown} to schema version {to} failed: {e}",
                "la mise à niveau de {shown} à la version {to} du schéma a échoué : {e}"
            )
        }
        Fault::AsideExists { aside } => {
            let aside = aside.display();
            msg!(
                "{aside} exists already: move it away before upgrading the store",
                "{aside} existe déjà : déplacez-le avant de mettre la base à niveau"
            )
        }
        Fault::CopyFailed { target, detail: e } => {
            let shown = target.display();
            msg!("cannot copy the store to {shown}: {e}", "impossible de copier la base vers {shown} : {e}")
        }
        Fault::DamagedJournal { id, what } => msg!(
            "journal entry {id} is damaged ({what}): restore the store from a backup",
            "l'entrée {id} du journal est endommagée ({what}) : restaurez la base à partir d'une copie"
        ),
    }
}

/// One problem of SQLite's own checks, as a sentence.
pub fn sqlite_problem(p: &SqliteProblem) -> Msg {
    match p {
        SqliteProblem::Integrity(line) => msg!("integrity: {line}", "intégrité : {line}"),
        SqliteProblem::ForeignKey { table, rowid, parent } => msg!(
            "foreign key: row {rowid} of {table} points to a missing {parent}",
            "clé étrangère : la ligne {rowid} de {table} renvoie à un {parent} absent"
        ),
    }
}
