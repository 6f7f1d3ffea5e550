//! The one error type of engage, and how each error maps to an exit code: 2 for what a user can
//! fix in what they typed or wrote (usage, unknown key, invalid value or file), 1 for the rest.

use std::io;

/// Everything that can go wrong in a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: a wrong argument, value, key or date. Exit 2.
    #[error("{0}")]
    Input(String),
    /// A plan file with problems, every one listed as `FILE:LINE:COL: message`. Exit 2.
    #[error("{file}: {} problem{} found; nothing was changed", problems.len(), if problems.len() == 1 { "" } else { "s" })]
    Plan { file: String, problems: Vec<String> },
    /// A store that cannot be used as it is (missing, newer, damaged, not a store). Exit 1.
    #[error("{0}")]
    Store(String),
    /// SQLite failed underneath a command. Exit 1.
    #[error("the store failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Reading or writing a file failed. Exit 1.
    #[error("{context}: {source}")]
    Io { context: String, source: io::Error },
    /// The output was closed early (`engage upcoming | head`): not a failure.
    #[error("broken pipe")]
    BrokenPipe,
}

/// The result of every fallible step.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A bad-input error from anything printable.
    pub fn input(message: impl Into<String>) -> Self {
        Error::Input(message.into())
    }

    /// An I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: io::Error) -> Self {
        if source.kind() == io::ErrorKind::BrokenPipe {
            return Error::BrokenPipe;
        }
        Error::Io { context: context.into(), source }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) | Error::Plan { .. } => 2,
            Error::BrokenPipe => 0,
            Error::Store(_) | Error::Sqlite(_) | Error::Io { .. } => 1,
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::io("writing output", e)
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => Error::io("writing CSV", io),
            other => Error::Io { context: "writing CSV".into(), source: io::Error::other(format!("{other:?}")) },
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(kind) => Error::io("writing JSON", io::Error::from(kind)),
            None => Error::Io { context: "writing JSON".into(), source: io::Error::other(e) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes() {
        assert_eq!(Error::input("x").exit_code(), 2);
        assert_eq!(Error::Plan { file: "f".into(), problems: vec!["a".into()] }.exit_code(), 2);
        assert_eq!(Error::Store("x".into()).exit_code(), 1);
        assert_eq!(Error::io("x", io::Error::other("y")).exit_code(), 1);
        assert_eq!(Error::io("x", io::Error::from(io::ErrorKind::BrokenPipe)).exit_code(), 0);
        assert_eq!(Error::Sqlite(rusqlite::Error::InvalidQuery).exit_code(), 1);
    }
}
