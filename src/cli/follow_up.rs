//! The command line of follow-up actions and expected results (clap types; doc comments are
//! the help text).

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::*;

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
