//! The campaign's types and pure logic: states, the schedule, reach, parity. No SQL, no printing.

pub mod item;
pub mod parity;
pub mod plan;
pub mod reach;
pub mod report;
pub mod schedule;
pub mod state;
pub mod status;
pub mod suggest;
pub mod types;
