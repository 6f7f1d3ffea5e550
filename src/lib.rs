//! engage: a tracker for public-sector engagement campaigns, kept in one SQLite file.
//!
//! A command flows one way through the layers:
//!
//! ```text
//! cli (clap types) → cmd (one file per command family: a recipe of the calls below)
//!                      ├─ store  (the SQLite file: open, migrate, typed queries, transactions)
//!                      ├─ plan   (plan files: parse, validate, merge, export — pure)
//!                      ├─ model  (states, schedule, reach, parity — pure)
//!                      └─ render (tables, CSV, JSON, messages: rows in, bytes out)
//! ```
//!
//! `model` and `plan` never see SQL or a terminal; `store` never formats for people; `render`
//! never queries. Only `main` exits the process: everything else returns [`error::Error`].

pub mod cli;
pub mod cmd;
pub mod error;
pub mod i18n;
pub mod model;
pub mod plan;
pub mod render;
pub mod store;

pub use cmd::run;
