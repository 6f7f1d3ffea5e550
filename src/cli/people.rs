//! The command line of people, distributions, `send` and `reach` (clap types; doc comments are
//! the help text).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{AsOfArgs, ClearArgs, Format, ListArgs, ProgressSet, RemoveArgs, RenameArgs, ShowArgs, TrackCommand, date_arg};
use crate::model::types::{Lang, Status};

/// A person's language: `en` or `fr` (a person is not bilingual: they are written to in one).
fn person_lang(text: &str) -> Result<Lang, String> {
    match Lang::parse(text) {
        Some(l) if l != Lang::Bilingual => Ok(l),
        _ => Err(crate::msg!("'{text}' is not en or fr", "«\u{202f}{text}\u{202f}» n'est ni en ni fr")
            .get(crate::i18n::process_ui())
            .to_string()),
    }
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person (a recipient or contact in an organization).
    Add(PersonAdd),
    /// List people (names and emails are shown here and in show only).
    List(PersonList),
    /// Show one person: their fields, their organization, what was sent to them, and their journal.
    Show(ShowArgs),
    /// Change fields of one person (the plan file's checks apply).
    Set(PersonSet),
    /// Give a person a new key; what was sent to them follows.
    Rename(RenameArgs),
    /// Remove a person for good; what was sent to them stays, as sent to their organization.
    Remove(RemoveArgs),
    /// Load people from a CSV contact list (key,name,organization,role,email,lang); all rows or none.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct PersonAdd {
    /// The new person's key (shares one set of keys with organizations).
    pub key: String,
    /// Their name.
    #[arg(long)]
    pub name: String,
    /// The organization they belong to.
    #[arg(long)]
    pub organization: String,
    /// Their role.
    #[arg(long)]
    pub role: Option<String>,
    /// Their email address.
    #[arg(long)]
    pub email: Option<String>,
    /// The language to write to them in: en or fr.
    #[arg(id = "person_lang", long = "language", value_name = "LANG", value_parser = person_lang)]
    pub lang: Option<Lang>,
    /// Who identified them.
    #[arg(long)]
    pub source: Option<String>,
    /// Record that nothing may be sent to them.
    #[arg(long)]
    pub no_contact: bool,
    /// After this day, check says they are kept too long.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub retain_until: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct PersonList {
    #[command(flatten)]
    pub list: ListArgs,
    /// Only people of this organization.
    #[arg(long)]
    pub organization: Option<String>,
}

#[derive(Debug, Args)]
pub struct PersonSet {
    /// The person's key.
    pub key: String,
    /// Their name.
    #[arg(long)]
    pub name: Option<String>,
    /// The organization they belong to.
    #[arg(long)]
    pub organization: Option<String>,
    /// Their role ("" clears it).
    #[arg(long)]
    pub role: Option<String>,
    /// Their email address ("" clears it).
    #[arg(long)]
    pub email: Option<String>,
    /// The language to write to them in: en or fr.
    #[arg(id = "person_lang", long = "language", value_name = "LANG", value_parser = person_lang)]
    pub lang: Option<Lang>,
    /// Who identified them ("" clears it).
    #[arg(long)]
    pub source: Option<String>,
    /// Whether anything may be sent to them: true or false.
    #[arg(long, value_name = "BOOL")]
    pub contact_permitted: Option<bool>,
    /// After this day, check says they are kept too long.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub retain_until: Option<NaiveDate>,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file: a header row with key,name,organization,role,email,lang.
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum DistributionCommand {
    /// Plan a distribution: MATERIAL/RECIPIENT (an organization or a person).
    Add(DistributionAdd),
    /// List distributions, planned and sent.
    List(DistributionList),
    /// Show one distribution (MATERIAL/RECIPIENT) and its journal.
    Show(ShowArgs),
    /// Change fields of one distribution (the plan file's checks apply).
    Set(DistributionSet),
    /// Remove a distribution.
    Remove(RemoveArgs),
    /// Record that the recipient acknowledged it (on --on, default today).
    Acknowledge(AcknowledgeArgs),
    #[command(flatten)]
    Track(TrackCommand),
}

#[derive(Debug, Args)]
pub struct DistributionAdd {
    /// MATERIAL/RECIPIENT.
    pub reference: String,
    /// The organization of the member who forwards it.
    #[arg(long)]
    pub via: Option<String>,
    /// When it should be sent.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// A note for the record.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct DistributionList {
    #[command(flatten)]
    pub list: ListArgs,
    /// Only this material.
    #[arg(long)]
    pub material: Option<String>,
    /// Only this recipient (an organization also lists what went to its people).
    #[arg(long)]
    pub to: Option<String>,
    /// The member organizations of this table that have not received the material (with --material).
    #[arg(long, value_name = "TABLE", requires = "material")]
    pub missing: Option<String>,
    /// Only distributions with this status.
    #[arg(long)]
    pub status: Option<Status>,
}

#[derive(Debug, Args)]
pub struct DistributionSet {
    /// MATERIAL/RECIPIENT.
    pub key: String,
    /// The organization of the member who forwarded it ("" clears it).
    #[arg(long)]
    pub via: Option<String>,
    /// When it should be sent.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// The day the recipient acknowledged it.
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub acknowledged_on: Option<NaiveDate>,
    #[command(flatten)]
    pub progress: ProgressSet,
    #[command(flatten)]
    pub clear: ClearArgs,
}

#[derive(Debug, Args)]
pub struct AcknowledgeArgs {
    /// MATERIAL/RECIPIENT.
    pub reference: String,
    /// The day of the acknowledgement (default: today).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The material sent.
    pub material: String,
    /// A recipient: an organization, a person, or a table (each of its member organizations); repeat for several.
    #[arg(long = "to", value_name = "RECIPIENT", required = true, num_args = 1..)]
    pub to: Vec<String>,
    /// The day it was sent (default: today).
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// The organization of the member who forwarded it.
    #[arg(long)]
    pub via: Option<String>,
    /// A note for the record.
    #[arg(long)]
    pub note: Option<String>,
    /// Send one language version although its counterpart is not done yet (the gap is noted).
    #[arg(long)]
    pub allow_gap: bool,
}

#[derive(Debug, Args)]
pub struct ReachArgs {
    #[command(flatten)]
    pub as_of: AsOfArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}
