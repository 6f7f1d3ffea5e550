//! `engage copy` (a whole campaign from one store to another) and `engage team` (who may read or
//! change a team store).

use std::io::Write;

use super::Ctx;
use crate::cli::{CopyArgs, GrantArgs, RevokeArgs, TeamCommand};
use crate::error::{Error, Result};
use crate::msg;
use crate::render;
use crate::store::pg::Access;
use crate::store::{Open, Store};

/// Copies the campaign of SOURCE, journal included, into TARGET, which must hold none (see
/// [`Store::copy_into`]). A new SQLite file appears only once the copy has committed.
pub fn copy(ctx: &Ctx, args: CopyArgs, err: &mut dyn Write) -> Result<()> {
    if args.from == args.to {
        return Err(Error::input(msg!(
            "SOURCE and TARGET are the same store: nothing to copy",
            "SOURCE et CIBLE sont la même base de données\u{a0}: rien à copier"
        )));
    }
    let mut from = Store::open(&args.from, Open::ReadOnly)?;
    let mut into = Store::open(&args.to, Open::Create)?;
    let (items, entries) = from.copy_into(&mut into)?;
    let (from, to) = (from.path().display().to_string(), into.path().display().to_string());
    render::messages::copied(err, ctx.ui, &from, &to, items, entries)
}

/// `engage team grant|revoke`.
pub fn team(ctx: &Ctx, command: TeamCommand, err: &mut dyn Write) -> Result<()> {
    let (role, access) = match command {
        TeamCommand::Grant(GrantArgs { read: Some(role), .. }) => (role, Some(Access::Read)),
        TeamCommand::Grant(GrantArgs { write: Some(role), .. }) => (role, Some(Access::Write)),
        TeamCommand::Grant(GrantArgs { read: None, write: None }) => {
            return Err(Error::input(msg!("say --read ROLE or --write ROLE", "précisez --read RÔLE ou --write RÔLE")));
        }
        TeamCommand::Revoke(RevokeArgs { role }) => (role, None),
    };
    if role.is_empty() || role.chars().any(char::is_control) {
        return Err(Error::input(msg!("'{role}' is not a role name", "«\u{202f}{role}\u{202f}» n'est pas un nom de rôle")));
    }
    // Access to a SQLite file is the file's permissions: refused before anything is opened.
    let db = ctx.db_path()?;
    if !crate::store::is_team(&db) {
        return Err(Error::Fault(crate::store::Fault::NotTeam { path: db }));
    }
    let mut store = ctx.open(Open::Existing)?;
    store.grant(&role, access)?;
    let shown = store.path().display().to_string();
    render::messages::granted(err, ctx.ui, &shown, &role, access)
}
