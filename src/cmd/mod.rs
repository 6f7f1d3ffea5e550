//! One small file per command family. Each reads like a recipe: open the store, ask the store and
//! the model, hand rows to render. This module resolves the context once and dispatches.

mod demo;
mod export;
mod history;
mod items;
mod maintenance;
mod output;
mod plan;
mod report;
mod status;
mod track;
mod upcoming;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use crate::cli::{
    AgendaCommand, ChannelCommand, Cli, ColorChoice, Command, MaterialCommand, MeetingCommand, MilestoneCommand, OrgCommand, TableCommand,
    UiLang,
};
use crate::error::{Error, Result};
use crate::i18n::Ui;
use crate::model::types::Kind;
use crate::msg;
use crate::render::{self, Style};
use crate::store::{Actor, Open, Store};
use items::Listing;
pub use output::write_output;

/// The last day of a window of `within` days after `as_of` (`--within`), refused when it would
/// pass the last date engage knows.
fn window_end(as_of: NaiveDate, within: i64) -> Result<NaiveDate> {
    as_of.checked_add_signed(chrono::Duration::days(within)).ok_or_else(|| {
        Error::input(crate::msg!(
            "--within {within} goes past the last date engage knows",
            "--within {within} dépasse la dernière date connue d'engage"
        ))
    })
}

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
    /// Standard error is a terminal: long commands may show a progress indicator there.
    pub err_terminal: bool,
    /// Standard output is a terminal (an indicator would mix with the data written there).
    pub out_terminal: bool,
    /// How long long work runs before its progress indicator shows.
    pub progress_delay: std::time::Duration,
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
            .or_else(login_name)
            .unwrap_or_else(|| "unknown".into());
        let command = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
        Ctx {
            db: cli.db.clone().or_else(|| std::env::var_os("ENGAGE_DB").filter(|v| !v.is_empty()).map(PathBuf::from)),
            ui,
            style: Style { color, ui, width: table_width(env("COLUMNS").as_deref()) },
            actor,
            command,
            today: Local::now().date_naive(),
            err_terminal: io::stderr().is_terminal(),
            out_terminal: io::stdout().is_terminal(),
            progress_delay: env("ENGAGE_PROGRESS_DELAY_MS")
                .and_then(|v| v.parse().ok())
                .map_or(render::progress::DELAY, std::time::Duration::from_millis),
        }
    }

    /// The store path: `--db`, `$ENGAGE_DB`, else the platform data directory.
    pub fn db_path(&self) -> Result<PathBuf> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        let dir = dirs::data_dir()
            .ok_or_else(|| {
                Error::Store(msg!(
                    "no data directory is known for this user: pass --db PATH or set ENGAGE_DB",
                    "aucun répertoire de données n'est connu pour cet utilisateur : passez --db CHEMIN ou définissez ENGAGE_DB"
                ))
            })?
            .join("engage");
        let shown = dir.display();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(msg!("cannot create {shown}", "impossible de créer {shown}"), e))?;
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

    /// A progress indicator for long work (shown only if stderr is a terminal and `shown`).
    pub fn indicator(&self, shown: bool) -> render::progress::Indicator {
        render::progress::Indicator::start_after(self.ui, self.err_terminal && shown, self.progress_delay)
    }

    pub fn actor(&self) -> Actor {
        Actor { name: self.actor.clone(), command: self.command.clone() }
    }
}

/// The width human tables fit in (see [`render::fit::target_width`]): `COLUMNS`, else the width of
/// the terminal standard output is, when it is one.
fn table_width(columns: Option<&str>) -> Option<u16> {
    #[cfg(unix)]
    let reported = rustix::termios::tcgetwinsize(io::stdout()).ok().map(|size| size.ws_col);
    #[cfg(not(unix))]
    let reported = comfy_table::Table::new().width();
    let width = render::fit::target_width(io::stdout().is_terminal(), columns, reported)?;
    Some(u16::try_from(width).unwrap_or(u16::MAX))
}

/// The login name of the current user, from the system's user database.
fn login_name() -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
        let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
        passwd.lines().map(|l| l.split(':').collect::<Vec<_>>()).find(|f| f.len() > 2 && f[2] == uid).map(|f| f[0].to_string())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::from_cli(&cli);
    let stdout = io::stdout();
    // Buffered: a locked stdout flushes at every newline, one system call per line.
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut err = io::stderr();
    let result = dispatch(&ctx, cli.command, &mut out, &mut err);
    out.flush().map_err(Error::output)?;
    result
}

fn dispatch(ctx: &Ctx, command: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        Command::Init(args) => plan::init(ctx, args, err),
        Command::Plan(c) => plan::run(ctx, c, out, err),
        Command::Demo(args) => demo::run(ctx, args, out, err),
        Command::Status(args) => status::run(ctx, args, out),
        Command::Report(args) => report::run(ctx, args, out),
        Command::Upcoming(args) => upcoming::run(ctx, args, out),
        Command::Export(c) => export::run(ctx, c, out),
        Command::History(args) => history::run(ctx, args, out),
        Command::Organization(c) => match c {
            OrgCommand::Add(a) => items::add(ctx, items::org_item(a)?, err),
            OrgCommand::List(a) => items::list(ctx, Listing::Organizations(a), out),
            OrgCommand::Show(a) => items::show(ctx, "organization", &a.key, out),
        },
        Command::Table(c) => match c {
            TableCommand::Add(a) => items::add(ctx, items::table_item(a)?, err),
            TableCommand::List(a) => items::list(ctx, Listing::Tables(a), out),
            TableCommand::Show(a) => items::show(ctx, "table", &a.key, out),
        },
        Command::Meeting(c) => match c {
            MeetingCommand::Add(a) => items::add(ctx, items::meeting_item(a)?, err),
            MeetingCommand::List(a) => items::list(ctx, Listing::Meetings(a), out),
            MeetingCommand::Show(a) => items::show(ctx, "meeting", &a.key, out),
        },
        Command::Agenda(c) => match c {
            AgendaCommand::Add(a) => items::add(ctx, items::agenda_item(a)?, err),
            AgendaCommand::List(a) => items::list(ctx, Listing::Agenda(a), out),
            AgendaCommand::Show(a) => items::show(ctx, "agenda_item", &a.key, out),
            AgendaCommand::Track(t) => track::run(ctx, Kind::AgendaItem, t, err),
        },
        Command::Channel(c) => match c {
            ChannelCommand::Add(a) => items::add(ctx, items::channel_item(a)?, err),
            ChannelCommand::List(a) => items::list(ctx, Listing::Channels(a), out),
            ChannelCommand::Show(a) => items::show(ctx, "channel", &a.key, out),
            ChannelCommand::Track(t) => track::run(ctx, Kind::Channel, t, err),
        },
        Command::Material(c) => match c {
            MaterialCommand::Add(a) => items::add(ctx, items::material_item(a)?, err),
            MaterialCommand::List(a) => items::list(ctx, Listing::Materials(a), out),
            MaterialCommand::Show(a) => items::show(ctx, "material", &a.key, out),
            MaterialCommand::Track(t) => track::run(ctx, Kind::Material, t, err),
        },
        Command::Milestone(c) => match c {
            MilestoneCommand::Add(a) => items::add(ctx, items::milestone_item(a)?, err),
            MilestoneCommand::List(a) => items::list(ctx, Listing::Milestones(a), out),
            MilestoneCommand::Show(a) => items::show(ctx, "milestone", &a.key, out),
            MilestoneCommand::Track(t) => track::run(ctx, Kind::Milestone, t, err),
        },
        Command::Check => maintenance::check(ctx, out),
        Command::Completions(args) => render::shell::completions(args.shell, ctx.ui, out),
        Command::Man => render::shell::man(ctx.ui, out),
        Command::Backup(args) => maintenance::backup(ctx, args, err),
    }
}
