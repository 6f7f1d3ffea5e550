//! Text from the data (a plan file, a flag, `$ENGAGE_ACTOR`) made safe for a terminal: a control
//! character written raw could retitle or clear the terminal, move the cursor, forge table rows
//! or reorder what is shown. Every human sink (tables, messages, errors, human reports) passes
//! its text through [`for_terminal`]; machine formats (JSON, CSV, plan export) keep the exact
//! value.

use std::borrow::Cow;

use crate::model::types::is_unsafe_char;

/// The text with every character that could act on a terminal written visibly instead:
/// ESC as `\e`, CR as `\r`, LF as `⏎`, tab as a space, and every other C0 or C1 control, DEL,
/// the line and paragraph separators (U+2028, U+2029) and the bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) as `\u{…}` (lowercase hex). The result holds no such
/// character and no line break; text without them is returned as it is, unallocated.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\x1b' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push('⏎'),
            '\t' => out.push(' '),
            c if is_unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_every_control_visibly() {
        let cases: &[(&str, &str)] = &[
            ("plain text", "plain text"),
            ("Réunion «\u{202f}FPTM\u{202f}» — 2018", "Réunion «\u{202f}FPTM\u{202f}» — 2018"),
            ("\x1b]0;pwned\x07", "\\e]0;pwned\\u{7}"),
            ("\x1b[2J\x1b[H", "\\e[2J\\e[H"),
            ("a\r\nb", "a\\r⏎b"),
            ("row\nforged | row", "row⏎forged | row"),
            ("tab\there", "tab here"),
            ("nul\0", "nul\\u{0}"),
            ("del\x7f", "del\\u{7f}"),
            ("c1\u{85}\u{9b}31m", "c1\\u{85}\\u{9b}31m"),
            ("line\u{2028}para\u{2029}", "line\\u{2028}para\\u{2029}"),
            ("\u{202e}evil\u{202c}", "\\u{202e}evil\\u{202c}"),
            ("\u{2066}iso\u{2069}", "\\u{2066}iso\\u{2069}"),
            ("\u{202a}\u{202b}\u{202d}\u{2067}\u{2068}", "\\u{202a}\\u{202b}\\u{202d}\\u{2067}\\u{2068}"),
            ("zero\u{200d}width joiner kept", "zero\u{200d}width joiner kept"),
            ("", ""),
        ];
        for (input, expected) in cases {
            let cleaned = for_terminal(input);
            assert_eq!(cleaned, *expected, "{input:?}");
            assert!(!cleaned.chars().any(is_unsafe_char), "{input:?}");
        }
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(for_terminal("deck-en: Présentation"), Cow::Borrowed(_)));
    }
}
