//! The whole command line, as clap types. Doc comments here are the help text users read.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

mod edits;
mod families;
mod follow_up;
mod people;

pub use edits::*;
pub use families::*;
pub use follow_up::*;
pub use people::*;

use crate::model::types::{ChannelKind, Lang, MaterialKind, Order, Status, TableKind};
use crate::plan::fields::parse_date;

/// Track a public-sector engagement campaign against its plan: the tables to brief, their
/// meetings and agenda items, the channels, the materials and the critical path.
#[derive(Debug, Parser)]
#[command(name = "engage", version, about, max_term_width = 100)]
pub struct Cli {
    /// The campaign's store: a SQLite file, or a team store (postgres://USER@HOST/DATABASE). Default: $ENGAGE_DB, else the user data directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language of messages and tables: en or fr. Default: $ENGAGE_LANG, else the locale.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<UiLang>,

    /// When to use colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UiLang {
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Output formats of lists and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

/// Output formats of reports that have no CSV form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Table,
    Json,
}

/// The whole command line, its help in `ui`'s language.
pub fn command(ui: crate::i18n::Ui) -> clap::Command {
    crate::i18n::help::localize(<Cli as clap::CommandFactory>::command(), ui)
}

/// A number of days, from 0 to 36500 (a hundred years). Messages as for [`date_arg`].
pub fn days_arg(text: &str) -> Result<i64, String> {
    let ui = crate::i18n::process_ui();
    match text.parse::<i64>() {
        Ok(n) if (0..=36_500).contains(&n) => Ok(n),
        Ok(_) => Err(crate::msg!("{text} is not from 0 to 36500 days", "{text} n'est pas entre 0 et 36500 jours").get(ui).to_string()),
        Err(_) => {
            Err(crate::msg!("'{text}' is not a whole number of days", "«\u{202f}{text}\u{202f}» n'est pas un nombre entier de jours")
                .get(ui)
                .to_string())
        }
    }
}

/// A number (`12`, `12.5`, `-3`), finite. Messages as for [`date_arg`].
pub fn number_arg(text: &str) -> Result<f64, String> {
    let ui = crate::i18n::process_ui();
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => Err(crate::msg!("'{text}' is not a number", "«\u{202f}{text}\u{202f}» n'est pas un nombre").get(ui).to_string()),
    }
}

/// A whole number, 0 or more. Messages as for [`date_arg`].
pub fn count_arg(text: &str) -> Result<u64, String> {
    let ui = crate::i18n::process_ui();
    text.parse::<u64>().map_err(|_| {
        crate::msg!("'{text}' is not a whole number", "«\u{202f}{text}\u{202f}» n'est pas un nombre entier").get(ui).to_string()
    })
}

/// A date argument: YYYY-MM-DD. The message is in the language resolved at start-up (clap's
/// value parsers have no other context).
pub fn date_arg(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).map_err(|m| m.get(crate::i18n::process_ui()).to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the store with a new campaign.
    Init(InitArgs),
    /// Apply a plan file to the store, or export the store as a plan file.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Organizations and their order of government.
    #[command(subcommand, name = "org")]
    Organization(OrgCommand),
    /// Standing tables, committees and other forums, with their members.
    #[command(subcommand)]
    Table(TableCommand),
    /// Meetings of a table.
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Agenda items of meetings (MEETING/ITEM): add, list, and log progress.
    #[command(subcommand)]
    Agenda(AgendaCommand),
    /// Websites, newsletters and other channels that should carry a reference and link.
    #[command(subcommand)]
    Channel(ChannelCommand),
    /// Engagement materials: emails, key messages, decks, talking points.
    #[command(subcommand)]
    Material(MaterialCommand),
    /// Critical-path milestones with due dates, owners and dependencies.
    #[command(subcommand)]
    Milestone(MilestoneCommand),
    /// People: recipients and contacts in organizations (personal information stays here).
    #[command(subcommand)]
    Person(PersonCommand),
    /// Distributions: a material sent (or to send) to an organization or a person.
    #[command(subcommand)]
    Distribution(DistributionCommand),
    /// Record that a material was sent: to organizations, people, or each member of a table.
    Send(SendArgs),
    /// Which organizations the campaign has reached, since when and how; the next opportunity for the others.
    Reach(ReachArgs),
    /// Follow-up actions committed at a meeting or elsewhere: add, list, and log progress.
    #[command(subcommand)]
    Action(ActionCommand),
    /// Expected results with a target, and their measurements over time.
    #[command(subcommand, name = "result")]
    ExpectedResult(ResultCommand),
    /// The glossary: shared values (owners, locations, chairs, jurisdictions) and their French.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// What is due next: open items dated up to a window ahead (overdue ones included), and meetings.
    Upcoming(UpcomingArgs),
    /// Where the campaign stands: percent complete, overdue items, critical path, projected end, reach.
    Status(StatusArgs),
    /// A one-page HTML status report to open, print or attach (self-contained: no script, nothing fetched).
    Report(ReportArgs),
    /// Export the campaign for others: progress (CSV) and calendar (iCalendar).
    #[command(subcommand)]
    Export(ExportCommand),
    /// The journal of changes, newest first.
    History(HistoryArgs),
    /// Check the store: SQLite integrity and the campaign's own rules.
    Check,
    /// Copy the store to FILE safely, even while others write to it.
    Backup(BackupArgs),
    /// Copy a whole campaign, journal included, from one store to another (a file or a team store).
    Copy(CopyArgs),
    /// Who may read or change a team store (PostgreSQL roles).
    #[command(subcommand)]
    Team(TeamCommand),
    /// Load the 2018 Service Partnerships Guide campaign and show its status and upcoming deadlines.
    Demo(DemoArgs),
    /// Print a shell completion script: bash, zsh, fish or powershell.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `engage man > engage.1`.
    Man,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Give a shared value its French (or change it), e.g. `engage glossary set Secretariat Secrétariat`.
    Set(GlossarySetArgs),
    /// List the glossary.
    List(GlossaryListArgs),
    /// Remove a value from the glossary.
    Remove(GlossaryRemoveArgs),
}

#[derive(Debug, Args)]
pub struct GlossarySetArgs {
    /// The value as stored (an owner, a location, a chair, a jurisdiction).
    #[arg(value_name = "ENGLISH")]
    pub english: String,
    /// Its French.
    #[arg(value_name = "FRENCH")]
    pub french: String,
}

#[derive(Debug, Args)]
pub struct GlossaryListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct GlossaryRemoveArgs {
    /// The value as stored.
    #[arg(value_name = "ENGLISH")]
    pub english: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The campaign's name.
    #[arg(long)]
    pub name: String,
    /// The campaign's name in French.
    #[arg(long)]
    pub name_fr: Option<String>,
    /// First day of the campaign (default: today).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub start: Option<NaiveDate>,
    /// Last day of the campaign (default: a year after the start).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub end: Option<NaiveDate>,
    /// A lead of the campaign (repeat for several).
    #[arg(long = "lead", value_name = "NAME")]
    pub leads: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Apply a plan file: create or update every item it names (by key). Creates the store if needed.
    Apply(ApplyArgs),
    /// Write the store as a plan file that applies to the same state.
    Export(OutputArgs),
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The plan file (TOML).
    pub file: PathBuf,
    /// Also delete what the file leaves out.
    #[arg(long)]
    pub prune: bool,
    /// Show what would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Listing options shared by every family.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub as_of: AsOfArgs,
}

/// Filters of trackable items.
#[derive(Debug, Args)]
pub struct TrackedListArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Only items with this status.
    #[arg(long)]
    pub status: Option<Status>,
    /// Only items of this owner.
    #[arg(long)]
    pub owner: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The item's key (MEETING/ITEM for an agenda item).
    pub key: String,
    #[command(flatten)]
    pub as_of: AsOfArgs,
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The item's key now (MEETING/ITEM for an agenda item).
    pub old: String,
    /// Its new key; every reference to the item follows it.
    pub new: String,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The item's key (MEETING/ITEM for an agenda item). Refused while anything refers to it.
    pub key: String,
}

/// What `set` may change on every trackable item, besides its own fields.
#[derive(Debug, Args)]
pub struct ProgressSet {
    /// The recorded status: planned, in_progress, done, blocked, deferred or cancelled.
    #[arg(long)]
    pub status: Option<Status>,
    /// The day it was done (with status done).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub done_on: Option<NaiveDate>,
    /// A note for the record ("" clears it).
    #[arg(long)]
    pub note: Option<String>,
}

/// Fields to clear, as `--clear FIELD` (repeat for several); an empty text value clears too.
#[derive(Debug, Args)]
pub struct ClearArgs {
    /// An optional field to clear, by its plan-file name (e.g. owner, due, name_fr).
    #[arg(long = "clear", value_name = "FIELD")]
    pub clear: Vec<String>,
}

/// Logging progress: the same verbs for agenda items, channels, materials, milestones and actions.
#[derive(Debug, Subcommand)]
pub enum TrackCommand {
    /// Mark done (on --on, default today).
    Done(DoneArgs),
    /// Mark in progress.
    Start(NoteArgs),
    /// Mark blocked.
    Block(NoteArgs),
    /// Mark deferred (leaves the plan's figures until reopened).
    Defer(NoteArgs),
    /// Mark cancelled.
    Cancel(NoteArgs),
    /// Back to planned, clearing the done date.
    Reopen(NoteArgs),
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The item's key (MEETING/ITEM for an agenda item).
    pub reference: String,
    /// The day it was done (default: today).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// A note for the record.
    #[arg(long)]
    pub note: Option<String>,
    /// Where it was published (channels and materials): absolute http(s) address.
    #[arg(long)]
    pub url: Option<String>,
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The item's key (MEETING/ITEM for an agenda item).
    pub reference: String,
    /// A note for the record.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct AsOfArgs {
    /// The day to assess against (default: today).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct UpcomingArgs {
    /// How many days ahead of as-of to look.
    #[arg(long, value_name = "DAYS", default_value_t = 14, value_parser = days_arg)]
    pub within: i64,
    #[command(flatten)]
    pub as_of: AsOfArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub as_of: AsOfArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// How many days ahead of as-of the "next" section looks.
    #[arg(long, value_name = "DAYS", default_value_t = 14, value_parser = days_arg)]
    pub within: i64,
    #[command(flatten)]
    pub as_of: AsOfArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// One CSV row per milestone, agenda item, channel and material, with its state and variance.
    Progress(ExportArgs),
    /// An iCalendar feed (Outlook, Thunderbird, Google Calendar): meetings and open deadlines.
    Ics(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub as_of: AsOfArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this item (KEY, or MEETING/ITEM).
    pub reference: Option<String>,
    /// At most N entries.
    #[arg(long, value_name = "N", value_parser = count_arg)]
    pub limit: Option<u64>,
    /// Only entries from this day on (UTC).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub since: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The store to copy: a SQLite file or postgres://USER@HOST[:PORT]/DATABASE.
    #[arg(value_name = "SOURCE")]
    pub from: PathBuf,
    /// The store to copy into: a new file, or a team store that holds no campaign yet.
    #[arg(value_name = "TARGET")]
    pub to: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Let a PostgreSQL role read the team store (every report), or also change it.
    Grant(GrantArgs),
    /// Take away everything a role was granted on the team store.
    Revoke(RevokeArgs),
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct GrantArgs {
    /// The role may read: every report, history, export.
    #[arg(long, value_name = "ROLE")]
    pub read: Option<String>,
    /// The role may read and change the campaign.
    #[arg(long, value_name = "ROLE")]
    pub write: Option<String>,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The PostgreSQL role.
    #[arg(value_name = "ROLE")]
    pub role: String,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy.
    pub file: PathBuf,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The day to show the campaign as of (default: 2018-09-20, mid-way).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Also write the one-page HTML report of the seed campaign to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
