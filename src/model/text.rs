//! What free text may hold. A control character in a name or title would act on a terminal or
//! break a calendar line, so single-line fields (names, titles, topics, owners, locations,
//! chairs, jurisdictions, contacts, leads) refuse every one at input, and a note (which may run
//! over several lines) keeps only line feeds and tabs. Values already stored are still shown
//! safely: every sink neutralises them too.

use crate::i18n::Msg;
use crate::msg;

/// Whether `c` could act on a terminal or break a line: a C0 control (tab and line feed
/// included), DEL, a C1 control (U+0080–U+009F), the line or paragraph separator (U+2028,
/// U+2029) or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn refused(field: &str, c: char, note: bool) -> Msg {
    let code = format!("U+{:04X}", u32::from(c));
    if note {
        msg!(
            "'{field}' holds the control character {code}: a note may hold line breaks and tabs, no other control character",
            "«\u{202f}{field}\u{202f}» contient le caractère de contrôle {code}\u{a0}: une note peut contenir des sauts de ligne et des tabulations, aucun autre caractère de contrôle"
        )
    } else {
        msg!(
            "'{field}' holds the control character {code}: write it on one line, without control characters",
            "«\u{202f}{field}\u{202f}» contient le caractère de contrôle {code}\u{a0}: écrivez-le sur une ligne, sans caractère de contrôle"
        )
    }
}

/// Checks a single-line field: no character for which [`is_unsafe_char`] holds.
pub fn check_line(field: &str, value: &str) -> Result<(), Msg> {
    match value.chars().find(|c| is_unsafe_char(*c)) {
        Some(c) => Err(refused(field, c, false)),
        None => Ok(()),
    }
}

/// Checks a note: line feeds and tabs are allowed, no other unsafe character (a carriage
/// return included: [`normalize_note`] turns CRLF into LF first).
pub fn check_note(field: &str, value: &str) -> Result<(), Msg> {
    match value.chars().find(|c| is_unsafe_char(*c) && !matches!(c, '\n' | '\t')) {
        Some(c) => Err(refused(field, c, true)),
        None => Ok(()),
    }
}

/// A note with its CRLF line ends written as LF (as a file edited on Windows has them).
pub fn normalize_note(value: String) -> String {
    if value.contains("\r\n") { value.replace("\r\n", "\n") } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_notes() {
        let cases: &[(&str, bool, bool)] = &[
            // text, fine as a line, fine as a note
            ("Présentation au Colloque", true, true),
            ("two\nlines", false, true),
            ("tab\tstop", false, true),
            ("cr\rreturn", false, false),
            ("\x1b[2J", false, false),
            ("c1\u{9b}", false, false),
            ("del\x7f", false, false),
            ("sep\u{2028}", false, false),
            ("\u{202e}bidi", false, false),
            ("\u{2067}isolate", false, false),
        ];
        for (text, line, note) in cases {
            assert_eq!(check_line("title", text).is_ok(), *line, "{text:?}");
            assert_eq!(check_note("note", text).is_ok(), *note, "{text:?}");
        }
        assert!(check_line("title", "\x1b").unwrap_err().en.contains("U+001B"));
        assert_eq!(normalize_note("a\r\nb".into()), "a\nb");
    }
}
