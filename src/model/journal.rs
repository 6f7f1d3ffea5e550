//! The journal as the rest of engage sees it: one entry per change a command made.

use serde::{Serialize, Serializer};

use super::change::{Action, Subject};

/// One journal row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    /// The database role that made the change (a team store's); `None` in a SQLite file.
    pub role: Option<String>,
    pub command: String,
    pub kind: Subject,
    pub key: String,
    pub action: Action,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Action {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
