//! A message built at run time in both languages, for errors and plan-file problems, which are
//! made deep inside engage where the interface's language is not known. [`msg!`] takes both
//! texts, so a message cannot exist in one language only; render picks one at the end.

use std::fmt;

use super::Ui;

/// One message, in English and in French.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Msg {
    pub en: String,
    pub fr: String,
}

impl Msg {
    /// The message in `ui`'s language.
    pub fn get(&self, ui: Ui) -> &str {
        match ui {
            Ui::En => &self.en,
            Ui::Fr => &self.fr,
        }
    }

    /// The same text in both languages: for what is not words (a path, a key, a number).
    pub fn same(text: impl Into<String>) -> Msg {
        let text = text.into();
        Msg { fr: text.clone(), en: text }
    }

    /// `prefix` then this message, in each language (`prefix` is not words, e.g. `FILE:1:2: `).
    pub fn prefixed(&self, prefix: &str) -> Msg {
        Msg { en: format!("{prefix}{}", self.en), fr: format!("{prefix}{}", self.fr) }
    }

    /// `label: message` in English, `label : message` in French (`label` is not words, e.g. a
    /// flag or a path).
    pub fn labelled(&self, label: &str) -> Msg {
        Msg { en: format!("{label}: {}", self.en), fr: format!("{label}\u{a0}: {}", self.fr) }
    }

    /// This message, then `other`, joined by `sep_en` / `sep_fr`.
    pub fn join(&self, sep_en: &str, sep_fr: &str, other: &Msg) -> Msg {
        Msg { en: format!("{}{sep_en}{}", self.en, other.en), fr: format!("{}{sep_fr}{}", self.fr, other.fr) }
    }
}

/// English, for logs, tests and `Display`-only contexts.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// `msg!("unknown key '{key}'", "clé inconnue « {key} »")`: both texts, formatted with the
/// variables in scope (or trailing arguments shared by both).
#[macro_export]
macro_rules! msg {
    ($en:literal, $fr:literal $(,)?) => {
        $crate::i18n::Msg { en: format!($en), fr: format!($fr) }
    };
    ($en:literal, $fr:literal, $($arg:expr),+ $(,)?) => {
        $crate::i18n::Msg { en: format!($en, $($arg),+), fr: format!($fr, $($arg),+) }
    };
}
