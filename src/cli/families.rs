//! The command line of the plan's families: organizations, tables, meetings, agenda items,
//! channels, materials and milestones (clap types; doc comments are the help text).

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::*;

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
