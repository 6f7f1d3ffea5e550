//! One small file per command family. Each reads like a recipe: open the store, ask the store and
//! the model, hand rows to render. This module resolves the context once and dispatches.

mod assemble;
mod demo;
mod edit;
mod export;
mod glossary;
mod history;
mod items;
mod list;
mod maintenance;
mod output;
mod people;
mod plan;
mod reach;
mod record;
mod report;
mod send;
mod show;
mod status;
mod team;
mod track;
mod upcoming;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{Local, NaiveDate};

use crate::cli::{
    ActionCommand, AgendaCommand, ChannelCommand, Cli, ColorChoice, Command, DistributionCommand, MaterialCommand, MeetingCommand,
    MemberCommand, MilestoneCommand, OrgCommand, PersonCommand, ResultCommand, TableCommand, UiLang,
};
use crate::error::{Error, Result};
use crate::i18n::Ui;
use crate::model::glossary::Glossary;
use crate::model::types::Family;
use crate::msg;
use crate::render::{self, Style};
use crate::store::{Actor, Open, Store};
use edit::Set;
use list::Listing;

/// The last day of a window of `within` days after `as_of` (`--within`); a window that would
/// pass the last day engage writes ends there.
fn window_end(as_of: NaiveDate, within: i64) -> Result<NaiveDate> {
    Ok(crate::model::dates::add_days(as_of, within))
}

/// What every command needs besides its own arguments, resolved once at start-up.
#[derive(Clone)]
pub struct Ctx {
    /// `--db`, else `$ENGAGE_DB`; `None` means the default path.
    pub db: Option<PathBuf>,
    /// `db` came from `--db` (not from `$ENGAGE_DB`): the only store `demo` may write into.
    pub db_from_flag: bool,
    pub ui: Ui,
    pub style: Style,
    /// The journal's actor name, with any control character written visibly.
    pub actor: String,
    /// The command line as typed, without the program name (control characters written visibly).
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
        // Recorded in the journal and shown by `history`: control characters are written visibly.
        let actor = render::clean::for_terminal(&actor).into_owned();
        let typed: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
        // Recorded in the journal: a team store's password never is.
        let command = crate::store::pg::without_passwords(&render::clean::for_terminal(&typed.join(" ")));
        Ctx {
            db_from_flag: cli.db.is_some(),
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

    /// The store path: `--db`, `$ENGAGE_DB`, else the platform data directory (which only a
    /// command that may create the store creates, when it opens it).
    pub fn db_path(&self) -> Result<PathBuf> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        let dir = dirs::data_dir()
            .ok_or_else(|| {
                Error::Failed(msg!(
                    "no data directory is known for this user: pass --db PATH or set ENGAGE_DB",
                    "aucun répertoire de données n'est connu pour cet utilisateur\u{a0}: passez --db CHEMIN ou définissez ENGAGE_DB"
                ))
            })?
            .join("engage");
        Ok(dir.join("engage.db"))
    }

    /// Opens the store, reporting an upgrade of an older file on stderr.
    pub fn open(&self, mode: Open) -> Result<Store> {
        let path = self.db_path()?;
        if mode == Open::Create
            && self.db.is_none()
            && let Some(dir) = path.parent()
        {
            // Refused before its directory is made: a refused store leaves nothing behind.
            crate::store::refuse_network_fs(&path)?;
            let shown = dir.display();
            std::fs::create_dir_all(dir).map_err(|e| Error::io(msg!("cannot create {shown}", "impossible de créer {shown}"), e))?;
        }
        let store = Store::open(&path, mode)?;
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
/// The login name of the user running engage (from the system's user database).
pub fn login_name() -> Option<String> {
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

/// The glossary to show French human output with: the campaign's in French, none in English
/// (and none for machine formats, which keep the stored values).
fn glossary_for(ctx: &Ctx, human: bool, load: impl FnOnce() -> Result<Glossary>) -> Result<Glossary> {
    if human && ctx.ui == crate::i18n::Ui::Fr { load() } else { Ok(Glossary::new()) }
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
        Command::Glossary(c) => glossary::run(ctx, c, out, err),
        Command::Organization(c) => match c {
            OrgCommand::Add(a) => items::add(ctx, items::org_item(a)?, err),
            OrgCommand::List(a) => list::list(ctx, Listing::Organizations(a), out),
            OrgCommand::Show(a) => show::show(ctx, Family::Organization, &a, out),
            OrgCommand::Set(a) => edit::set(ctx, Set::Organization(a), err),
            OrgCommand::Rename(a) => edit::rename(ctx, Family::Organization, &a.old, &a.new, err),
            OrgCommand::Remove(a) => edit::remove(ctx, Family::Organization, &a.key, err),
        },
        Command::Table(c) => match c {
            TableCommand::Add(a) => items::add(ctx, items::table_item(a)?, err),
            TableCommand::List(a) => list::list(ctx, Listing::Tables(a), out),
            TableCommand::Show(a) => show::show(ctx, Family::Table, &a, out),
            TableCommand::Set(a) => edit::set(ctx, Set::Table(a), err),
            TableCommand::Rename(a) => edit::rename(ctx, Family::Table, &a.old, &a.new, err),
            TableCommand::Remove(a) => edit::remove(ctx, Family::Table, &a.key, err),
            TableCommand::Member(MemberCommand::Add(a)) => edit::members(ctx, a, true, err),
            TableCommand::Member(MemberCommand::Remove(a)) => edit::members(ctx, a, false, err),
        },
        Command::Meeting(c) => match c {
            MeetingCommand::Add(a) => items::add(ctx, items::meeting_item(a)?, err),
            MeetingCommand::List(a) => list::list(ctx, Listing::Meetings(a), out),
            MeetingCommand::Show(a) => show::show(ctx, Family::Meeting, &a, out),
            MeetingCommand::Set(a) => edit::set(ctx, Set::Meeting(a), err),
            MeetingCommand::Rename(a) => edit::rename(ctx, Family::Meeting, &a.old, &a.new, err),
            MeetingCommand::Remove(a) => edit::remove(ctx, Family::Meeting, &a.key, err),
            MeetingCommand::Attend(a) => edit::attend(ctx, a, err),
        },
        Command::Agenda(c) => match c {
            AgendaCommand::Add(a) => items::add(ctx, items::agenda_item(a)?, err),
            AgendaCommand::List(a) => list::list(ctx, Listing::Agenda(a), out),
            AgendaCommand::Show(a) => show::show(ctx, Family::AgendaItem, &a, out),
            AgendaCommand::Set(a) => edit::set(ctx, Set::Agenda(a), err),
            AgendaCommand::Rename(a) => edit::rename(ctx, Family::AgendaItem, &a.old, &a.new, err),
            AgendaCommand::Remove(a) => edit::remove(ctx, Family::AgendaItem, &a.key, err),
            AgendaCommand::Track(t) => track::run(ctx, Family::AgendaItem, t, err),
        },
        Command::Channel(c) => match c {
            ChannelCommand::Add(a) => items::add(ctx, items::channel_item(a)?, err),
            ChannelCommand::List(a) => list::list(ctx, Listing::Channels(a), out),
            ChannelCommand::Show(a) => show::show(ctx, Family::Channel, &a, out),
            ChannelCommand::Set(a) => edit::set(ctx, Set::Channel(a), err),
            ChannelCommand::Rename(a) => edit::rename(ctx, Family::Channel, &a.old, &a.new, err),
            ChannelCommand::Remove(a) => edit::remove(ctx, Family::Channel, &a.key, err),
            ChannelCommand::Track(t) => track::run(ctx, Family::Channel, t, err),
        },
        Command::Material(c) => match c {
            MaterialCommand::Add(a) => items::add(ctx, items::material_item(a)?, err),
            MaterialCommand::List(a) => list::list(ctx, Listing::Materials(a), out),
            MaterialCommand::Show(a) => show::show(ctx, Family::Material, &a, out),
            MaterialCommand::Set(a) => edit::set(ctx, Set::Material(a), err),
            MaterialCommand::Rename(a) => edit::rename(ctx, Family::Material, &a.old, &a.new, err),
            MaterialCommand::Remove(a) => edit::remove(ctx, Family::Material, &a.key, err),
            MaterialCommand::Track(t) => track::run(ctx, Family::Material, t, err),
        },
        Command::Milestone(c) => match c {
            MilestoneCommand::Add(a) => items::add(ctx, items::milestone_item(a)?, err),
            MilestoneCommand::List(a) => list::list(ctx, Listing::Milestones(a), out),
            MilestoneCommand::Show(a) => show::show(ctx, Family::Milestone, &a, out),
            MilestoneCommand::Set(a) => edit::set(ctx, Set::Milestone(a), err),
            MilestoneCommand::Rename(a) => edit::rename(ctx, Family::Milestone, &a.old, &a.new, err),
            MilestoneCommand::Remove(a) => edit::remove(ctx, Family::Milestone, &a.key, err),
            MilestoneCommand::Track(t) => track::run(ctx, Family::Milestone, t, err),
        },
        Command::Person(c) => match c {
            PersonCommand::Add(a) => items::add(ctx, items::person_item(a)?, err),
            PersonCommand::List(a) => list::list(ctx, Listing::People(a), out),
            PersonCommand::Show(a) => show::show(ctx, Family::Person, &a, out),
            PersonCommand::Set(a) => edit::set(ctx, Set::Person(a), err),
            PersonCommand::Rename(a) => edit::rename(ctx, Family::Person, &a.old, &a.new, err),
            PersonCommand::Remove(a) => edit::remove(ctx, Family::Person, &a.key, err),
            PersonCommand::Import(a) => people::import(ctx, a, err),
        },
        Command::Distribution(c) => match c {
            DistributionCommand::Add(a) => items::add(ctx, items::distribution_item(a)?, err),
            DistributionCommand::List(a) => list::list(ctx, Listing::Distributions(a), out),
            DistributionCommand::Show(a) => show::show(ctx, Family::Distribution, &a, out),
            DistributionCommand::Set(a) => edit::set(ctx, Set::Distribution(a), err),
            DistributionCommand::Remove(a) => edit::remove(ctx, Family::Distribution, &a.key, err),
            DistributionCommand::Acknowledge(a) => send::acknowledge(ctx, a, err),
            DistributionCommand::Track(t) => track::run(ctx, Family::Distribution, t, err),
        },
        Command::Send(a) => send::send(ctx, a, err),
        Command::Reach(a) => reach::run(ctx, a, out),
        Command::Action(c) => match c {
            ActionCommand::Add(a) => items::add(ctx, items::action_item(a)?, err),
            ActionCommand::List(a) => list::list(ctx, Listing::Actions(a), out),
            ActionCommand::Show(a) => show::show(ctx, Family::Action, &a, out),
            ActionCommand::Set(a) => edit::set(ctx, Set::Action(a), err),
            ActionCommand::Rename(a) => edit::rename(ctx, Family::Action, &a.old, &a.new, err),
            ActionCommand::Remove(a) => edit::remove(ctx, Family::Action, &a.key, err),
            ActionCommand::Track(t) => track::run(ctx, Family::Action, t, err),
        },
        Command::ExpectedResult(c) => match c {
            ResultCommand::Add(a) => items::add(ctx, items::result_item(a)?, err),
            ResultCommand::List(a) => list::list(ctx, Listing::Results(a), out),
            ResultCommand::Show(a) => show::show(ctx, Family::Result, &a, out),
            ResultCommand::Record(a) => record::run(ctx, a, err),
            ResultCommand::Set(a) => edit::set(ctx, Set::Result(a), err),
            ResultCommand::Rename(a) => edit::rename(ctx, Family::Result, &a.old, &a.new, err),
            ResultCommand::Remove(a) => edit::remove(ctx, Family::Result, &a.key, err),
        },
        Command::Check => maintenance::check(ctx, out),
        Command::Completions(args) => render::shell::completions(args.shell, ctx.ui, out),
        Command::Man => render::shell::man(ctx.ui, out),
        Command::Backup(args) => maintenance::backup(ctx, args, err),
        Command::Copy(args) => team::copy(ctx, args, err),
        Command::Team(command) => team::team(ctx, command, err),
    }
}
