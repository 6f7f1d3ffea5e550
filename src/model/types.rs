//! The campaign's vocabulary: keys, statuses, states, kinds and the other closed sets of values.
//!
//! Each closed set is a Rust enum with one canonical English spelling (the spelling used in plan
//! files, JSON, CSV and the store), so that no string of the domain is typed twice.

use crate::i18n::Msg;
use crate::msg;
use std::fmt;

pub use super::text::{check_line, check_note, is_unsafe_char, normalize_note};

/// Declares an enum of a closed set of values, each with its one canonical spelling.
macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What a value of this set is called in messages.
            pub const WHAT: &'static str = $what;

            /// The canonical spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the canonical spelling; `None` for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The accepted spellings, for error messages: `a, b, c`.
            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> Result<Self, String> {
                Self::parse(text).ok_or_else(|| {
                    format!("unknown {} '{}' (expected one of: {})", $what, text, Self::choices())
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

spelled_enum!(
    /// The recorded status of a trackable item.
    Status, "status" {
        Planned => "planned",
        InProgress => "in_progress",
        Done => "done",
        Blocked => "blocked",
        Deferred => "deferred",
        Cancelled => "cancelled",
    }
);

impl Status {
    /// Whether the item still counts as work to do (not done, deferred or cancelled).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress | Status::Blocked)
    }

    /// Whether the item counts in percent complete (all but cancelled and deferred).
    pub fn counts(self) -> bool {
        !matches!(self, Status::Deferred | Status::Cancelled)
    }
}

spelled_enum!(
    /// The assessed state of an item against an as-of date (DESIGN.md, "Status and state").
    State, "state" {
        DoneOnTime => "done_on_time",
        DoneLate => "done_late",
        Cancelled => "cancelled",
        Deferred => "deferred",
        Overdue => "overdue",
        DueSoon => "due_soon",
        OnTrack => "on_track",
        Unscheduled => "unscheduled",
    }
);

spelled_enum!(
    /// Every kind of item a campaign holds, spelled as in the journal, JSON and CSV. Declared in
    /// the order of their spelling, so that sorting by family sorts by spelling. Adding a kind
    /// here makes the compiler list every place that must handle it: matches over families
    /// have no catch-all arm.
    Family, "kind" {
        Action => "action",
        AgendaItem => "agenda_item",
        Channel => "channel",
        Distribution => "distribution",
        Material => "material",
        Meeting => "meeting",
        Milestone => "milestone",
        Organization => "organization",
        Person => "person",
        Result => "result",
        Table => "table",
    }
);

impl Family {
    /// The families whose items count in percent complete, upcoming and the progress export.
    pub const TRACKED: [Family; 5] = [Family::Milestone, Family::AgendaItem, Family::Channel, Family::Material, Family::Action];

    /// The command that handles the family: `engage org`, `engage agenda`, …
    pub fn command(self) -> &'static str {
        match self {
            Family::Action => "action",
            Family::AgendaItem => "agenda",
            Family::Channel => "channel",
            Family::Distribution => "distribution",
            Family::Material => "material",
            Family::Meeting => "meeting",
            Family::Milestone => "milestone",
            Family::Organization => "org",
            Family::Person => "person",
            Family::Result => "result",
            Family::Table => "table",
        }
    }

    /// Whether items of this family carry a status (and so a state). A distribution does, but is
    /// a ledger of sends: it is not in [`Family::TRACKED`].
    pub fn is_tracked(self) -> bool {
        match self {
            Family::Action | Family::AgendaItem | Family::Channel | Family::Distribution | Family::Material | Family::Milestone => true,
            Family::Meeting | Family::Organization | Family::Person | Family::Result | Family::Table => false,
        }
    }
}

spelled_enum!(
    /// An order of government.
    Order, "order" {
        Federal => "federal",
        Provincial => "provincial",
        Territorial => "territorial",
        Indigenous => "indigenous",
        Municipal => "municipal",
        Other => "other",
    }
);

spelled_enum!(
    /// What kind of standing forum a table is.
    TableKind, "table kind" {
        Table => "table",
        Committee => "committee",
        Council => "council",
        Symposium => "symposium",
        Network => "network",
        Other => "other",
    }
);

spelled_enum!(
    /// What kind of distribution channel.
    ChannelKind, "channel kind" {
        Website => "website",
        Newsletter => "newsletter",
        Magazine => "magazine",
        Email => "email",
        Social => "social",
        Event => "event",
        Other => "other",
    }
);

spelled_enum!(
    /// What kind of engagement material.
    MaterialKind, "material kind" {
        Email => "email",
        KeyMessages => "key_messages",
        Presentation => "presentation",
        TalkingPoints => "talking_points",
        Plan => "plan",
        Other => "other",
    }
);

spelled_enum!(
    /// The language a channel or material is in.
    Lang, "language" {
        En => "en",
        Fr => "fr",
        Bilingual => "bilingual",
    }
);

/// Checks a key: lowercase ASCII letters, digits, `-`, `_`, `.`; not empty, at most 64 bytes.
pub fn check_key(key: &str) -> Result<(), Msg> {
    if key.is_empty() {
        return Err(msg!("a key cannot be empty", "une clé ne peut pas être vide"));
    }
    if key.len() > 64 {
        let start = &key[..key.floor_char_boundary(20)];
        return Err(msg!("key '{start}…' is longer than 64 characters", "la clé «\u{202f}{start}…\u{202f}» dépasse 64 caractères"));
    }
    match key.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))) {
        Some(bad) => Err(msg!(
            "key '{key}' has '{bad}': use lowercase letters, digits, '-', '_' and '.'",
            "la clé «\u{202f}{key}\u{202f}» contient «\u{202f}{bad}\u{202f}»\u{a0}: utilisez des minuscules sans accent, des chiffres, «\u{202f}-\u{202f}», «\u{202f}_\u{202f}» et «\u{202f}.\u{202f}»"
        )),
        None => Ok(()),
    }
}

/// Checks an email address: one `@` with a name before it and a domain with a dot after it, no
/// spaces or control characters, at most 254 characters.
pub fn check_email(email: &str) -> Result<(), Msg> {
    let bad = || msg!("'{email}' is not an email address", "«\u{202f}{email}\u{202f}» n'est pas une adresse de courriel");
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = email.split_once('@').ok_or_else(bad)?;
    let labels_ok = domain.split('.').all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    if local.is_empty() || domain.contains('@') || !domain.contains('.') || !labels_ok {
        return Err(bad());
    }
    Ok(())
}

/// Checks a URL: absolute, `http` or `https`, with a host and no spaces.
pub fn check_url(url: &str) -> Result<(), Msg> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or_else(|| {
        msg!(
            "url '{url}' must be absolute and start with http:// or https://",
            "l'adresse «\u{202f}{url}\u{202f}» doit être absolue et commencer par http:// ou https://"
        )
    })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(msg!("url '{url}' is not a valid web address", "l'adresse «\u{202f}{url}\u{202f}» n'est pas une adresse web valide"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        for good in ["a", "clerks-2018-07", "ms_1.b", "0"] {
            assert!(check_key(good).is_ok(), "{good}");
        }
        for bad in ["", "A", "a b", "é", "a/b", "a:b", &"x".repeat(65)] {
            assert!(check_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        for good in ["a@b.ca", "prenom.nom@canada.ca", "x+y@sub.gov.on.ca"] {
            assert!(check_email(good).is_ok(), "{good}");
        }
        for bad in ["", "a", "a@", "@b.ca", "a@b", "a b@c.ca", "a@b..ca", "a@@b.ca", "a@-b.ca"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        for good in ["https://gccollab.ca/x", "http://a.b", "https://x.org?q=1"] {
            assert!(check_url(good).is_ok(), "{good}");
        }
        for bad in ["ftp://a", "javascript:alert(1)", "https://", "/rel", "https://a b", "gccollab.ca"] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn spellings_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(*s));
        }
        assert_eq!("done".parse::<Status>(), Ok(Status::Done));
        assert!("finished".parse::<Status>().unwrap_err().contains("planned, in_progress"));
    }
}
