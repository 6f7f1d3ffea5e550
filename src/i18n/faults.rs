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
            msg!("no campaign store found at {shown}: ", "aucune base de données de campagne à {shown}\u{a0}: ").join("", "", &create())
        }
        Fault::Empty { path } => {
            let shown = path.display();
            msg!(
                "{shown} is empty: not an engage store yet; nothing was changed: ",
                "{shown} est vide\u{a0}: ce n'est pas encore une base de données engage\u{202f}; rien n'a été changé\u{a0}: "
            )
            .join("", "", &create())
        }
        Fault::NotYet { path } => {
            let shown = path.display();
            msg!(
                "{shown} holds no engage store yet; nothing was changed: ",
                "{shown} ne contient pas encore de base de données engage\u{202f}; rien n'a été changé\u{a0}: "
            )
            .join("", "", &create())
        }
        Fault::Directory { path } => {
            let shown = path.display();
            msg!("{shown} is a directory, not a store file", "{shown} est un répertoire, pas un fichier de base de données")
        }
        Fault::NotRegular { path } => {
            let shown = path.display();
            msg!(
                "{shown} is not a regular file (a device, a FIFO or a socket), not a store file",
                "{shown} n'est pas un fichier ordinaire (périphérique, FIFO ou socket), pas un fichier de base de données"
            )
        }
        Fault::NotSqlite { path } => {
            let shown = path.display();
            msg!(
                "{shown} is not an engage store (not a SQLite database); nothing was changed: check --db or $ENGAGE_DB",
                "{shown} n'est pas une base de données engage (ce n'est pas une base de données SQLite)\u{202f}; rien n'a été changé\u{a0}: vérifiez --db ou $ENGAGE_DB"
            )
        }
        Fault::Foreign { path } => {
            let shown = path.display();
            msg!(
                "{shown} is a SQLite database but not an engage store; nothing was changed: check --db or $ENGAGE_DB",
                "{shown} est une base de données SQLite mais pas une base de données engage\u{202f}; rien n'a été changé\u{a0}: vérifiez --db ou $ENGAGE_DB"
            )
        }
        Fault::Newer { path, version, known } => {
            let shown = path.display();
            msg!(
                "{shown} was written by a newer engage (schema version {version}; this engage knows up to {known}): upgrade engage to use it",
                "{shown} a été écrite par un engage plus récent (version {version} du schéma\u{202f}; cet engage connaît jusqu'à la version {known})\u{a0}: mettez engage à jour pour l'utiliser"
            )
        }
        Fault::Damaged { path, detail: e } => {
            let shown = path.display();
            msg!(
                "{shown} is damaged or not an engage store ({e}); nothing was changed: restore it from a backup",
                "{shown} est endommagée ou n'est pas une base de données engage ({e})\u{202f}; rien n'a été changé\u{a0}: restaurez-la à partir d'une copie"
            )
        }
        Fault::NetworkFs { path, fs } => {
            let shown = path.display();
            msg!(
                "{shown} is on a network file system ({fs}), where SQLite can lose a store's changes; nothing was changed: \
                 keep the store on this computer's own disk (--db PATH), or share it as a team store (--db postgres://USER@HOST/DATABASE)",
                "{shown} est sur un système de fichiers réseau ({fs}), où SQLite peut perdre les modifications d'une base de données\u{202f}; \
                 rien n'a été changé\u{a0}: gardez la base de données sur le disque de cet ordinateur (--db CHEMIN), \
                 ou partagez-la comme base de données d'équipe (--db postgres://UTILISATEUR@HÔTE/BASE)"
            )
        }
        Fault::CannotWrite { path, detail: e } => {
            let shown = path.display();
            msg!(
                "cannot open {shown} for writing ({e}): check the permissions of the file and its directory",
                "impossible d'ouvrir {shown} en écriture ({e})\u{a0}: vérifiez les droits du fichier et de son répertoire"
            )
        }
        Fault::CannotRead { path, detail: e } => {
            let shown = path.display();
            msg!(
                "cannot open {shown} for reading ({e}): check the permissions of the file and its directory",
                "impossible d'ouvrir {shown} en lecture ({e})\u{a0}: vérifiez les droits du fichier et de son répertoire"
            )
        }
        Fault::CannotOpen { path, detail: e } => {
            let shown = path.display();
            msg!("cannot open {shown}: {e}", "impossible d'ouvrir {shown}\u{a0}: {e}")
        }
        Fault::Unreadable { path, source: e } => {
            let shown = path.display();
            msg!("cannot read {shown}: {e}", "impossible de lire {shown}\u{a0}: {e}")
        }
        Fault::CannotCreate { path, source: e } => {
            let shown = path.display();
            let hint = match e.kind() {
                std::io::ErrorKind::NotFound => msg!(": its directory does not exist", "\u{a0}: son répertoire n'existe pas"),
                std::io::ErrorKind::PermissionDenied => msg!(": permission denied", "\u{a0}: permission refusée"),
                _ => Msg::default(),
            };
            Msg {
                en: format!("cannot create the store {shown}{} ({e})", hint.en),
                fr: format!("impossible de créer la base de données {shown}{} ({e})", hint.fr),
            }
        }
        Fault::CreatedMeanwhile { path } => {
            let shown = path.display();
            msg!(
                "{shown} was created by another command meanwhile; nothing was written: run the command again",
                "{shown} a été créée par une autre commande entre-temps\u{202f}; rien n'a été écrit\u{a0}: relancez la commande"
            )
        }
        Fault::UpgradeFailed { path, to, detail: e } => {
            let shown = path.display();
            msg!(
                "upgrading {shown} to schema version {to} failed: {e}",
                "la mise à niveau de {shown} à la version {to} du schéma a échoué\u{a0}: {e}"
            )
        }
        Fault::AsideExists { aside } => {
            let aside = aside.display();
            msg!(
                "{aside} already exists: move it away before upgrading the store",
                "{aside} existe déjà\u{a0}: déplacez-le avant de mettre la base de données à niveau"
            )
        }
        Fault::CopyFailed { target, detail: e } => {
            let shown = target.display();
            msg!("cannot copy the store to {shown}: {e}", "impossible de copier la base de données vers {shown}\u{a0}: {e}")
        }
        Fault::DamagedJournal { id, what } => msg!(
            "journal entry {id} is damaged ({what}): restore the store from a backup",
            "l'entrée {id} du journal est endommagée ({what})\u{a0}: restaurez la base de données à partir d'une copie"
        ),
        Fault::BadValue { column, detail } => msg!(
            "the store holds a value engage cannot read (column {column}: {detail}): run `engage check`",
            "la base de données contient une valeur qu'engage ne peut pas lire (colonne {column}\u{a0}: {detail})\u{a0}: lancez `engage check`"
        ),
        Fault::BadUrl { url, detail } => msg!(
            "{url} is not a valid team store URL ({detail}); nothing was changed: write it postgres://USER@HOST[:PORT]/DATABASE",
            "{url} n'est pas une URL de base de données d'équipe valide ({detail})\u{202f}; rien n'a été changé\u{a0}: écrivez-la postgres://UTILISATEUR@HÔTE[:PORT]/BASE"
        ),
        Fault::Unreachable { place, detail, refused: false } => msg!(
            "cannot reach the team store {place} ({detail}); nothing was changed: check that its server is running and reachable",
            "impossible de joindre la base de données d'équipe {place} ({detail})\u{202f}; rien n'a été changé\u{a0}: vérifiez que son serveur fonctionne et est joignable"
        ),
        Fault::Unreachable { place, detail, refused: true } => msg!(
            "the team store {place} refused the connection ({detail}); nothing was changed: check the user, the password and the database name",
            "la base de données d'équipe {place} a refusé la connexion ({detail})\u{202f}; rien n'a été changé\u{a0}: vérifiez l'utilisateur, le mot de passe et le nom de la base"
        ),
        Fault::Insecure { place, detail } => msg!(
            "cannot open an encrypted connection to the team store {place} ({detail}); nothing was changed: check sslmode, sslrootcert and the server's certificate",
            "impossible d'ouvrir une connexion chiffrée à la base de données d'équipe {place} ({detail})\u{202f}; rien n'a été changé\u{a0}: vérifiez sslmode, sslrootcert et le certificat du serveur"
        ),
        Fault::BadCertificate { place, detail } => msg!(
            "cannot connect to the team store {place}: {detail}; nothing was changed",
            "impossible de se connecter à la base de données d'équipe {place}\u{a0}: {detail}\u{202f}; rien n'a été changé"
        ),
        Fault::ForeignDatabase { place } => msg!(
            "{place} is a PostgreSQL database but not an engage team store; nothing was changed: check --db or $ENGAGE_DB",
            "{place} est une base de données PostgreSQL mais pas une base de données d'équipe engage\u{202f}; rien n'a été changé\u{a0}: vérifiez --db ou $ENGAGE_DB"
        ),
        Fault::ReadOnlyRole { role } => msg!(
            "role {role} may read this team store but not change it; nothing was changed: ask its owner for `engage team grant --write {role}`",
            "le rôle {role} peut lire cette base de données d'équipe mais pas la modifier\u{202f}; rien n'a été changé\u{a0}: demandez à son propriétaire `engage team grant --write {role}`"
        ),
        Fault::Denied { detail } => msg!(
            "the team store refused: {detail}; nothing was changed: ask its owner for access (`engage team grant`)",
            "la base de données d'équipe a refusé\u{a0}: {detail}\u{202f}; rien n'a été changé\u{a0}: demandez l'accès à son propriétaire (`engage team grant`)"
        ),
        Fault::NoSuchRole { role } => msg!(
            "the team store's server knows no role {role}; nothing was changed: create it first (CREATE ROLE {role} LOGIN)",
            "le serveur de la base de données d'équipe ne connaît pas de rôle {role}\u{202f}; rien n'a été changé\u{a0}: créez-le d'abord (CREATE ROLE {role} LOGIN)"
        ),
        Fault::Ambiguous { place, schemas } => msg!(
            "{place} holds engage stores in several schemas ({schemas}); nothing was changed: name one in the URL with ?options=-csearch_path%3DSCHEMA",
            "{place} contient des bases de données engage dans plusieurs schémas ({schemas})\u{202f}; rien n'a été changé\u{a0}: nommez-en un dans l'URL avec ?options=-csearch_path%3DSCHÉMA"
        ),
        Fault::OwnRole { role } => msg!(
            "{role} owns this team store or runs this command: its access is not changed by `engage team`; nothing was changed",
            "{role} possède cette base de données d'équipe ou lance cette commande\u{a0}: son accès ne se change pas avec `engage team`\u{202f}; rien n'a été changé"
        ),
        Fault::Occupied { place } => {
            let shown = place.display();
            msg!(
                "{shown} already holds a campaign; nothing was changed: copy into a new file or an empty database",
                "{shown} contient déjà une campagne\u{202f}; rien n'a été changé\u{a0}: copiez dans un nouveau fichier ou une base de données vide"
            )
        }
        Fault::NotTeam { path } => {
            let shown = path.display();
            msg!(
                "{shown} is a SQLite file, not a team store: access to it is the file's permissions; use --db postgres://USER@HOST/DATABASE",
                "{shown} est un fichier SQLite, pas une base de données d'équipe\u{a0}: son accès est celui des droits du fichier\u{202f}; utilisez --db postgres://UTILISATEUR@HÔTE/BASE"
            )
        }
    }
}

/// One problem of SQLite's own checks, as a sentence.
pub fn sqlite_problem(p: &SqliteProblem) -> Msg {
    match p {
        SqliteProblem::Integrity(line) => msg!("integrity: {line}", "intégrité\u{a0}: {line}"),
        SqliteProblem::Unenforced { table, name } => msg!(
            "constraint {name} of {table} is not enforced: some rows may break it",
            "la contrainte {name} de {table} n'est pas appliquée\u{a0}: des lignes peuvent l'enfreindre"
        ),
        SqliteProblem::Unguarded { name } => msg!(
            "trigger {name} is missing or disabled: the journal is no longer append-only",
            "le déclencheur {name} est absent ou désactivé\u{a0}: le journal n'est plus en ajout seul"
        ),
        SqliteProblem::JournalNotJson { id, column } => {
            msg!("journal row {id}: '{column}' is not JSON", "ligne {id} du journal\u{a0}: «\u{202f}{column}\u{202f}» n'est pas du JSON")
        }
        SqliteProblem::ForeignKey { table, rowid, parent } => msg!(
            "foreign key: row {rowid} of {table} points to a missing {parent}",
            "clé étrangère\u{a0}: la ligne {rowid} de {table} renvoie à un {parent} absent"
        ),
    }
}
