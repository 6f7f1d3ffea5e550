//! The whole command line, as clap types. Doc comments here are the help text users read.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

mod people;

pub use people::*;

use crate::model::types::{ChannelKind, Lang, MaterialKind, Order, Status, TableKind};
use crate::plan::fields::parse_date;

/// Track a public-sector engagement campaign against its plan: the tables to brief, their
/// meetings and agenda items, the channels, the materials and the critical path.
#[derive(Debug, Parser)]
#[command(name = "engage", version, about, max_term_width = 100)]
pub struct Cli {
    /// The campaign's store (a SQLite file). Default: $ENGAGE_DB, else the user data directory.
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

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organization.
    Add(OrgAdd),
    /// List organizations.
    List(ListArgs),
    /// Show one organization: its fields, the tables it sits on, the meetings it attended, the
    /// channels it runs, and its journal.
    Show(ShowArgs),
    /// Change fields of one item (the plan file's checks apply).
    Set(OrgSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct OrgAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// Its name (in English, or the language of the item).
    #[arg(long)]
    pub name: String,
    /// Its name in French.
    #[arg(long)]
    pub name_fr: Option<String>,
    /// federal, provincial, territorial, indigenous, municipal or other.
    #[arg(long)]
    pub order: Order,
    /// Its jurisdiction, e.g. Ontario.
    #[arg(long)]
    pub jurisdiction: Option<String>,
    /// A contact person or address.
    #[arg(long)]
    pub contact: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TableCommand {
    /// Add a table.
    Add(TableAdd),
    /// List tables.
    List(ListArgs),
    /// Show one table: its fields, its member organizations, its meetings, and its journal.
    Show(ShowArgs),
    /// Change fields of one item (the plan file's checks apply).
    Set(TableSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
    /// Add or remove member organizations.
    #[command(subcommand)]
    Member(MemberCommand),
}

#[derive(Debug, Args)]
pub struct TableAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// Its name (in English, or the language of the item).
    #[arg(long)]
    pub name: String,
    /// Its name in French.
    #[arg(long)]
    pub name_fr: Option<String>,
    /// table, committee, council, symposium, network or other.
    #[arg(long, default_value = "table")]
    pub kind: TableKind,
    /// A member organization's key (repeat for several).
    #[arg(long = "member", value_name = "ORG")]
    pub members: Vec<String>,
    /// Who chairs it (free text).
    #[arg(long)]
    pub chair: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Add a meeting of a table.
    Add(MeetingAdd),
    /// List meetings.
    List(MeetingList),
    /// Show one meeting: its fields, its table, who attended, its agenda items with their
    /// states, and its journal.
    Show(ShowArgs),
    /// Change fields of one item (the plan file's checks apply).
    Set(MeetingSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
    /// Record organizations that attended the meeting.
    Attend(AttendArgs),
}

#[derive(Debug, Args)]
pub struct MeetingAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// The table that meets.
    #[arg(long)]
    pub table: String,
    /// First day of the meeting (leave out while it is only requested: its agenda is unscheduled).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// Last day, for a meeting over several days.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub end_date: Option<NaiveDate>,
    /// Where it takes place.
    #[arg(long)]
    pub location: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeetingList {
    #[command(flatten)]
    pub list: ListArgs,
    /// Only meetings of this table.
    #[arg(long)]
    pub table: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AgendaCommand {
    /// Add an agenda item to a meeting: MEETING/ITEM.
    Add(AgendaAdd),
    /// List agenda items.
    List(AgendaList),
    /// Show one agenda item (MEETING/ITEM): its fields, its meeting's date, its state, and its journal.
    Show(ShowArgs),
    #[command(flatten)]
    Track(TrackCommand),
    /// Change fields of one item (the plan file's checks apply).
    Set(AgendaSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct AgendaAdd {
    /// MEETING/ITEM.
    pub reference: String,
    /// What the item is about.
    #[arg(long)]
    pub topic: String,
    /// The topic in French.
    #[arg(long)]
    pub topic_fr: Option<String>,
    /// Who is responsible (free text).
    #[arg(long)]
    pub owner: Option<String>,
}

#[derive(Debug, Args)]
pub struct AgendaList {
    #[command(flatten)]
    pub tracked: TrackedListArgs,
    /// Only items of this meeting.
    #[arg(long)]
    pub meeting: Option<String>,
    /// Only items at meetings of this table.
    #[arg(long)]
    pub table: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ChannelCommand {
    /// Add a channel.
    Add(ChannelAdd),
    /// List channels.
    List(TrackedListArgs),
    /// Show one channel: its fields, its state, the organization that runs it, its counterpart
    /// in the other language, and its journal.
    Show(ShowArgs),
    #[command(flatten)]
    Track(TrackCommand),
    /// Change fields of one item (the plan file's checks apply).
    Set(ChannelSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct ChannelAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// Its name (in English, or the language of the item).
    #[arg(long)]
    pub name: String,
    /// Its name in French.
    #[arg(long)]
    pub name_fr: Option<String>,
    /// website, newsletter, magazine, email, social, event or other.
    #[arg(long, default_value = "website")]
    pub kind: ChannelKind,
    /// The organization that runs the channel.
    #[arg(long)]
    pub organization: Option<String>,
    /// Who is responsible (free text).
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// Absolute http(s) address.
    #[arg(long)]
    pub url: Option<String>,
    /// The language it is in: en, fr or bilingual (`--lang` is the interface's language).
    #[arg(id = "item_lang", long = "language", value_name = "LANG", default_value = "bilingual")]
    pub lang: Lang,
    /// The same channel in the other official language.
    #[arg(long)]
    pub counterpart: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MaterialCommand {
    /// Add a material.
    Add(MaterialAdd),
    /// List materials.
    List(TrackedListArgs),
    /// Show one material: its fields, its state, its counterpart in the other language, and its
    /// journal.
    Show(ShowArgs),
    #[command(flatten)]
    Track(TrackCommand),
    /// Change fields of one item (the plan file's checks apply).
    Set(MaterialSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct MaterialAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: String,
    /// Its title in French.
    #[arg(long)]
    pub title_fr: Option<String>,
    /// email, key_messages, presentation, talking_points, plan or other.
    #[arg(long, default_value = "other")]
    pub kind: MaterialKind,
    /// Who is responsible (free text).
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// Absolute http(s) address.
    #[arg(long)]
    pub url: Option<String>,
    /// The language it is in: en, fr or bilingual (`--lang` is the interface's language).
    #[arg(id = "item_lang", long = "language", value_name = "LANG", default_value = "bilingual")]
    pub lang: Lang,
    /// The same material in the other official language.
    #[arg(long)]
    pub counterpart: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MilestoneCommand {
    /// Add a milestone.
    Add(MilestoneAdd),
    /// List milestones.
    List(TrackedListArgs),
    /// Show one milestone: its fields, its state, its dependencies and dependents, its forecast,
    /// slip and float, and its journal.
    Show(ShowArgs),
    #[command(flatten)]
    Track(TrackCommand),
    /// Change fields of one item (the plan file's checks apply).
    Set(MilestoneSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct MilestoneAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: String,
    /// Its title in French.
    #[arg(long)]
    pub title_fr: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: NaiveDate,
    /// Who is responsible (free text).
    #[arg(long)]
    pub owner: Option<String>,
    /// A milestone that must be finished first (repeat for several).
    #[arg(long = "depends-on", value_name = "KEY")]
    pub depends_on: Vec<String>,
    /// Days of work needed after the last dependency is finished.
    #[arg(long = "duration", value_name = "DAYS", default_value_t = 0, value_parser = days_arg)]
    pub duration_days: i64,
}

#[derive(Debug, Args)]
pub struct OrgSet {
    /// The organization's key.
    pub key: String,
    /// Its name.
    #[arg(long)]
    pub name: Option<String>,
    /// Its name in French ("" clears it).
    #[arg(long)]
    pub name_fr: Option<String>,
    /// federal, provincial, territorial, indigenous, municipal or other.
    #[arg(long)]
    pub order: Option<Order>,
    /// Its jurisdiction ("" clears it).
    #[arg(long)]
    pub jurisdiction: Option<String>,
    /// A contact person or address ("" clears it).
    #[arg(long)]
    pub contact: Option<String>,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct TableSet {
    /// The table's key.
    pub key: String,
    /// Its name.
    #[arg(long)]
    pub name: Option<String>,
    /// Its name in French ("" clears it).
    #[arg(long)]
    pub name_fr: Option<String>,
    /// table, committee, council, symposium, network or other.
    #[arg(long)]
    pub kind: Option<TableKind>,
    /// Who chairs it ("" clears it).
    #[arg(long)]
    pub chair: Option<String>,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Add member organizations to a table.
    Add(MemberArgs),
    /// Remove member organizations from a table.
    Remove(MemberArgs),
}

#[derive(Debug, Args)]
pub struct MemberArgs {
    /// The table's key.
    pub table: String,
    /// Organization keys.
    #[arg(required = true, value_name = "ORG")]
    pub orgs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AttendArgs {
    /// The meeting's key.
    pub meeting: String,
    /// Organizations that attended (added to those already recorded).
    #[arg(value_name = "ORG", required_unless_present = "nobody")]
    pub orgs: Vec<String>,
    /// Record that no organization attended.
    #[arg(long, conflicts_with = "orgs")]
    pub nobody: bool,
}

#[derive(Debug, Args)]
pub struct MeetingSet {
    /// The meeting's key.
    pub key: String,
    /// The table that meets.
    #[arg(long)]
    pub table: Option<String>,
    /// First day of the meeting.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// Last day, for a meeting over several days.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub end_date: Option<NaiveDate>,
    /// Where it takes place ("" clears it).
    #[arg(long)]
    pub location: Option<String>,
    /// What was decided ("" clears it).
    #[arg(long)]
    pub outcome: Option<String>,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct AgendaSet {
    /// MEETING/ITEM.
    pub key: String,
    /// What the item is about.
    #[arg(long)]
    pub topic: Option<String>,
    /// The topic in French ("" clears it).
    #[arg(long)]
    pub topic_fr: Option<String>,
    /// Who is responsible ("" clears it).
    #[arg(long)]
    pub owner: Option<String>,
    #[command(flatten)]
    pub progress: ProgressSet,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct ChannelSet {
    /// The channel's key.
    pub key: String,
    /// Its name.
    #[arg(long)]
    pub name: Option<String>,
    /// Its name in French ("" clears it).
    #[arg(long)]
    pub name_fr: Option<String>,
    /// website, newsletter, magazine, email, social, event or other.
    #[arg(long)]
    pub kind: Option<ChannelKind>,
    /// The organization that runs the channel ("" clears it).
    #[arg(long)]
    pub organization: Option<String>,
    /// Who is responsible ("" clears it).
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// Absolute http(s) address ("" clears it).
    #[arg(long)]
    pub url: Option<String>,
    /// The language it is in: en, fr or bilingual.
    #[arg(id = "item_lang", long = "language", value_name = "LANG")]
    pub lang: Option<Lang>,
    /// The same channel in the other official language ("" clears it).
    #[arg(long)]
    pub counterpart: Option<String>,
    #[command(flatten)]
    pub progress: ProgressSet,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct MaterialSet {
    /// The material's key.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: Option<String>,
    /// Its title in French ("" clears it).
    #[arg(long)]
    pub title_fr: Option<String>,
    /// email, key_messages, presentation, talking_points, plan or other.
    #[arg(long)]
    pub kind: Option<MaterialKind>,
    /// Who is responsible ("" clears it).
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// Absolute http(s) address ("" clears it).
    #[arg(long)]
    pub url: Option<String>,
    /// The language it is in: en, fr or bilingual.
    #[arg(id = "item_lang", long = "language", value_name = "LANG")]
    pub lang: Option<Lang>,
    /// The same material in the other official language ("" clears it).
    #[arg(long)]
    pub counterpart: Option<String>,
    #[command(flatten)]
    pub progress: ProgressSet,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct MilestoneSet {
    /// The milestone's key.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: Option<String>,
    /// Its title in French ("" clears it).
    #[arg(long)]
    pub title_fr: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// Who is responsible ("" clears it).
    #[arg(long)]
    pub owner: Option<String>,
    /// The milestones it depends on (repeat for several; replaces the list; --clear depends_on empties it).
    #[arg(long = "depends-on", value_name = "KEY")]
    pub depends_on: Vec<String>,
    /// Days of work needed after the last dependency is finished.
    #[arg(long = "duration", value_name = "DAYS", value_parser = days_arg)]
    pub duration_days: Option<i64>,
    #[command(flatten)]
    pub progress: ProgressSet,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Add an action, e.g. one committed at a meeting (--meeting).
    Add(ActionAdd),
    /// List actions.
    List(ActionList),
    /// Show one action: its fields, its state, the meeting it was committed at, and its journal.
    Show(ShowArgs),
    #[command(flatten)]
    Track(TrackCommand),
    /// Change fields of one item (the plan file's checks apply).
    Set(ActionSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct ActionAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: String,
    /// Its title in French.
    #[arg(long)]
    pub title_fr: Option<String>,
    /// Who is responsible (free text).
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// The meeting it was committed at.
    #[arg(long)]
    pub meeting: Option<String>,
}

#[derive(Debug, Args)]
pub struct ActionList {
    #[command(flatten)]
    pub tracked: TrackedListArgs,
    /// Only actions committed at this meeting.
    #[arg(long)]
    pub meeting: Option<String>,
}

#[derive(Debug, Args)]
pub struct ActionSet {
    /// The action's key.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: Option<String>,
    /// Its title in French ("" clears it).
    #[arg(long)]
    pub title_fr: Option<String>,
    /// Who is responsible ("" clears it).
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// The meeting it was committed at ("" clears it).
    #[arg(long)]
    pub meeting: Option<String>,
    #[command(flatten)]
    pub progress: ProgressSet,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Subcommand)]
pub enum ResultCommand {
    /// Add an expected result with its target.
    Add(ResultAdd),
    /// List expected results, each with its latest value as of a day.
    List(ListArgs),
    /// Show one expected result: its fields, its value against the target, its measurements,
    /// and its journal.
    Show(ShowArgs),
    /// Record a measurement of an expected result (one a day: recording again replaces it).
    Record(RecordArgs),
    /// Change fields of one item (the plan file's checks apply).
    Set(ResultSet),
    /// Give an item a new key; every reference to it follows.
    Rename(RenameArgs),
    /// Remove an item that nothing refers to.
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct ResultAdd {
    /// The new item's key: lowercase letters, digits, '-', '_' and '.'.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: String,
    /// Its title in French.
    #[arg(long)]
    pub title_fr: Option<String>,
    /// The order of government it is about: federal, provincial, territorial, indigenous, municipal or other.
    #[arg(long)]
    pub order: Option<Order>,
    /// The value to reach: a number more than 0.
    #[arg(long, value_parser = number_arg, value_name = "NUMBER", allow_negative_numbers = true)]
    pub target: f64,
    /// What is counted, e.g. organizations or percent (free text).
    #[arg(long)]
    pub unit: Option<String>,
    /// When the target should be reached.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// A note for the record.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ResultSet {
    /// The result's key.
    pub key: String,
    /// Its title.
    #[arg(long)]
    pub title: Option<String>,
    /// Its title in French ("" clears it).
    #[arg(long)]
    pub title_fr: Option<String>,
    /// The order of government it is about.
    #[arg(long)]
    pub order: Option<Order>,
    /// The value to reach: a number more than 0.
    #[arg(long, value_parser = number_arg, value_name = "NUMBER", allow_negative_numbers = true)]
    pub target: Option<f64>,
    /// What is counted ("" clears it).
    #[arg(long)]
    pub unit: Option<String>,
    /// When the target should be reached.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// A note for the record ("" clears it).
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The result's key.
    pub key: String,
    /// The value measured: a number.
    #[arg(value_parser = number_arg, allow_negative_numbers = true)]
    pub value: f64,
    /// The day it was measured (default: today).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// A note for the record: where the figure comes from.
    #[arg(long)]
    pub note: Option<String>,
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
