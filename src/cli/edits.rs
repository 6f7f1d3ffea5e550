//! What `set` and the membership and attendance commands take, per family (clap types; doc
//! comments are the help text).

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::*;

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
