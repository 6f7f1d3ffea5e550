//! Cutting a large plan file into pieces that TOML parses one at a time, so that the parser's
//! working memory (its tokens, its events and the tree: some twenty times the text) is that of
//! one piece, not of the whole file. A piece begins at a top-level `[[section]]` header. The
//! file is cut only where reading the pieces one after the other means exactly what reading the
//! whole file means; otherwise it is one piece.

use std::collections::{HashMap, HashSet};

/// The length (bytes) from which a piece may end at the next `[[section]]` header: 64 KiB, so
/// that the two trees alive at once (one read while the next is parsed) take a few MiB. (An
/// 18 MB plan peaked at 152 MiB with 256 KiB pieces, 144 MiB with these, in the same time.)
pub const PIECE: usize = 1 << 16;

/// What the headers and top-level keys of the file do with one top-level name.
#[derive(Default)]
struct Name {
    /// The pieces it appears in.
    pieces: HashSet<usize>,
    /// Named by something other than `[[name]]` first in one of its pieces: a `[name]` table, a
    /// top-level key, or a `[name.sub]` header.
    not_only_arrays: bool,
}

/// The byte offsets where the pieces of `text` start (the first is 0): each piece at least
/// `piece` bytes long, cut only before a `[[name]]` header where `splittable(name)`, and only if
/// every top-level name that ends up in several pieces is an array of tables that each of those
/// pieces opens with `[[name]]` (so that reading the pieces in turn appends to the same arrays
/// as reading the file whole). Anything unusual (a quoted top-level name, a header that is not
/// plain) leaves the file whole.
///
/// Headers are found line by line, without lexing the values: a line that begins with `[` is
/// taken for a header, and a line that begins with a key before the first header for a top-level
/// key. A line inside a multi-line value can be taken so wrongly, and only to the safe side: as a
/// header that is not plain (the file stays whole), as a name seen once more (likewise), or as a
/// place to cut inside a value, which leaves the piece before it unfinished, so that parsing it
/// fails and the file is then read whole (see `parse_in_pieces`). A line that is not shaped as a
/// header (`[1, 2],`) is a value's, or a mistake that parsing reports.
pub fn starts(text: &str, piece: usize, splittable: impl Fn(&str) -> bool) -> Vec<usize> {
    let whole = vec![0];
    if text.len() <= piece {
        return whole;
    }
    let mut starts = vec![0];
    let mut names: HashMap<&str, Name> = HashMap::new();
    let mut in_piece: HashSet<&str> = HashSet::new();
    let mut headers = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at_line = offset;
        offset += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        let at = at_line + (line.len() - trimmed.len());
        if !trimmed.starts_with('[') {
            if !headers && !trimmed.is_empty() && !trimmed.starts_with(['#', '\n', '\r']) {
                // A top-level key before any header: its first part names a top-level table.
                let Some(name) = bare_key(trimmed) else { return whole };
                let n = names.entry(name).or_default();
                n.pieces.insert(0);
                n.not_only_arrays = true;
            }
            continue;
        }
        headers = true;
        let (name, single, array) = match header(trimmed) {
            Header::Plain { name, single, array } => (name, single, array),
            // A quoted name, or parts that are not keys.
            Header::Unusual => return whole,
            // Not a header: a line of a value (or a mistake that parsing reports).
            Header::NotOne => continue,
        };
        if array && single && splittable(name) && at - starts[starts.len() - 1] >= piece {
            starts.push(at);
            in_piece.clear();
        }
        let n = names.entry(name).or_default();
        n.pieces.insert(starts.len() - 1);
        let opens_with_it = array && single;
        if !in_piece.contains(name) && !opens_with_it {
            n.not_only_arrays = true;
        }
        in_piece.insert(name);
    }
    if starts.len() == 1 || names.iter().any(|(name, n)| n.pieces.len() > 1 && (n.not_only_arrays || !splittable(name))) {
        return whole;
    }
    starts
}

/// Whether `c` may be part of a bare key.
fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// The bare key a line begins with (the first part of a dotted key), if it is one.
fn bare_key(line: &str) -> Option<&str> {
    let end = line.find(|c: char| !is_bare(c)).unwrap_or(line.len());
    let rest = line[end..].trim_start_matches([' ', '\t']);
    (end > 0 && rest.starts_with(['=', '.'])).then_some(&line[..end])
}

/// What a line that begins with `[` is.
#[derive(Debug, PartialEq)]
enum Header<'t> {
    /// `[a]`, `[a.b]`, `[[a]]`, `[[a.b]]` (spaces around the parts, then nothing but a comment):
    /// its first part, whether it has only that one, and whether it opens an element of an array
    /// of tables.
    Plain { name: &'t str, single: bool, array: bool },
    /// Shaped as a header, with a part that is not a bare key (`["a"]`).
    Unusual,
    /// Not shaped as a header (`[1, 2],` in a value).
    NotOne,
}

/// Reads a line that begins with `[` as a header.
fn header(line: &str) -> Header<'_> {
    let array = line.starts_with("[[");
    let open = if array { 2 } else { 1 };
    let close = if array { "]]" } else { "]" };
    let Some(inside_end) = line[open..].find(']').map(|i| i + open) else { return Header::NotOne };
    let Some(after) = line[inside_end..].strip_prefix(close) else { return Header::NotOne };
    let after = after.trim_start_matches([' ', '\t']);
    if !(after.is_empty() || after.starts_with(['#', '\n', '\r'])) {
        return Header::NotOne;
    }
    let (mut first, mut count) = (None, 0);
    for part in line[open..inside_end].split('.') {
        let part = part.trim_matches([' ', '\t']);
        if part.is_empty() || !part.chars().all(is_bare) {
            return Header::Unusual;
        }
        first.get_or_insert(part);
        count += 1;
    }
    match first {
        Some(name) => Header::Plain { name, single: count == 1, array },
        None => Header::Unusual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(_: &str) -> bool {
        true
    }

    #[test]
    fn cuts_before_array_headers_only() {
        let text = "[campaign]\nname = \"x\"\n\n[[a]]\nk = 1\n[[a]]\nk = [\n[1],\n]\n[[b]]\nk = 2\n";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(starts(text, 1, any), vec![0, at("[[a]]"), at("[[a]]\nk = ["), at("[[b]]")]);
        assert_eq!(starts(text, 1000, any), vec![0]);
    }

    #[test]
    fn leaves_the_file_whole_when_pieces_would_mean_something_else() {
        for text in [
            // a sub-table of the last element of an array opened in an earlier piece
            "[[a]]\nk = 1\n[[b]]\nk = 2\n[a.x]\nk = 3\n",
            // a top-level key and an array of tables of the same name
            "a = []\n[[b]]\nk = 1\n[[a]]\nk = 2\n",
            // a table and an array of tables of the same name
            "[a]\nk = 1\n[[b]]\nk = 1\n[[a]]\nk = 2\n",
            // a quoted name
            "[[\"a\"]]\nk = 1\n[[b]]\nk = 1\n",
        ] {
            assert_eq!(starts(text, 1, any), vec![0], "{text}");
        }
        assert_eq!(starts("[[a]]\nk = 1\n[[b]]\nk = 1\n[[a]]\nk = 2\n", 1, |n| n != "a"), vec![0]);
    }

    #[test]
    fn finds_headers_and_top_level_keys_line_by_line() {
        let text = "top = 1\n  [[a]]  # first\nk = [\n  \"x\",\n]\n[[a]]\r\nk = 2\n[ b . c ]\nk = 3\n[[a]]\nk = 4\n";
        let at = |n: usize| text.match_indices("[[a]]").nth(n).unwrap().0;
        assert_eq!(starts(text, 1, |n| n == "a"), vec![0, at(0), at(1), at(2)]);
        assert_eq!(header("[[a]]  # x\n"), Header::Plain { name: "a", single: true, array: true });
        assert_eq!(header("[ b . c ]\n"), Header::Plain { name: "b", single: false, array: false });
        for line in ["[\"a\"]\n", "[a.]\n", "[[ ]]\n"] {
            assert_eq!(header(line), Header::Unusual, "{line}");
        }
        for line in ["[[a]] k = 1\n", "[1, 2],\n", "[a\n", "[[a]\n"] {
            assert_eq!(header(line), Header::NotOne, "{line}");
        }
        assert_eq!(bare_key("top = 1\n"), Some("top"));
        assert_eq!(bare_key("a.b = 1\n"), Some("a"));
        assert_eq!(bare_key("\"q\" = 1\n"), None);
    }
}
