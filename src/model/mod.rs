//! The campaign's types and pure logic: states, the schedule, reach, parity. No SQL, no printing.

pub mod change;
pub mod dates;
pub mod glossary;
pub mod item;
pub mod journal;
pub mod listing;
pub mod parity;
pub mod plan;
pub mod reach;
pub mod refs;
pub mod report;
pub mod results;
pub mod schedule;
pub mod state;
pub mod status;
pub mod suggest;
pub mod text;
pub mod types;
