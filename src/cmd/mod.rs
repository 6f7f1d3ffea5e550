//! One small file per command family. Each reads like a recipe: open the store, ask the store and
//! the model, hand rows to render. This module resolves the context once and dispatches.

mod demo;
mod export;
mod plan;
mod status;
mod upcoming;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use crate::cli::{Cli, ColorChoice, Command, UiLang};
use crate::error::{Error, Result};
use crate::i18n::Ui;
use crate::render::Style;
use crate::store::{Actor, Open, Store};

/// What every command needs besides its own arguments, resolved once at start-up.
#[derive(Clone)]
pub struct Ctx {
    /// `--db`, else `$ENGAGE_DB`; `None` means the default path (or a temporary file for `demo`).
    pub db: Option<PathBuf>,
    pub ui: Ui,
    pub style: Style,
    /// The journal's actor name.
    pub actor: String,
    /// The command line as typed, without the program name.
    pub command: String,
    /// Today, in local time.
    pub today: NaiveDate,
}

impl Ctx {
    fn from_cli(cli: &Cli) -> Ctx {
        let env = |k: &str| std::env::var(k).ok();
        let ui = Ui::resolve(
            cli.lang.map(|l| match l {
                UiLang::En => Ui::En,
                UiLang::Fr => Ui::Fr,
            }),
            env,
        );
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => io::stdout().is_terminal() && env("NO_COLOR").is_none_or(|v| v.is_empty()),
        };
        let actor = ["ENGAGE_ACTOR", "USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|k| env(k).filter(|v| !v.trim().is_empty()))
            .unwrap_or_else(|| "unknown".into());
        let command = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
        Ctx {
            db: cli.db.clone().or_else(|| std::env::var_os("ENGAGE_DB").filter(|v| !v.is_empty()).map(PathBuf::from)),
            ui,
            style: Style { color, ui },
            actor,
            command,
            today: Local::now().date_naive(),
        }
    }

    /// The store path: `--db`, `$ENGAGE_DB`, else the platform data directory.
    pub fn db_path(&self) -> Result<PathBuf> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        let dir = dirs::data_dir()
            .ok_or_else(|| Error::Store("no data directory is known for this user: pass --db PATH or set ENGAGE_DB".into()))?
            .join("engage");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
        Ok(dir.join("engage.db"))
    }

    /// Opens the store, reporting an upgrade of an older file on stderr.
    pub fn open(&self, mode: Open) -> Result<Store> {
        let store = Store::open(&self.db_path()?, mode)?;
        if let Some(up) = store.upgraded() {
            crate::render::upgraded(&mut io::stderr(), self.ui, store.path(), up)?;
        }
        Ok(store)
    }

    pub fn actor(&self) -> Actor {
        Actor { name: self.actor.clone(), command: self.command.clone() }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::from_cli(&cli);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut err = io::stderr();
    let result = dispatch(&ctx, cli.command, &mut out, &mut err);
    out.flush().map_err(|e| Error::io("writing output", e))?;
    result
}

fn dispatch(ctx: &Ctx, command: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        Command::Init(args) => plan::init(ctx, args, err),
        Command::Plan(c) => plan::run(ctx, c, out, err),
        Command::Demo(args) => demo::run(ctx, args, out, err),
        Command::Status(args) => status::run(ctx, args, out),
        Command::Upcoming(args) => upcoming::run(ctx, args, out),
        Command::Export(c) => export::run(ctx, c, out),
        _ => Err(Error::input("this command is not available yet")),
    }
}

/// Writes `bytes` to `path` (replacing it whole), or to `out` when there is no path.
pub fn write_output(path: Option<&std::path::Path>, out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) => std::fs::write(p, bytes).map_err(|e| Error::io(format!("cannot write {}", p.display()), e)),
        None => out.write_all(bytes).map_err(|e| Error::io("writing output", e)),
    }
}
