//! Cutting a large plan file into pieces that TOML parses one at a time, so that the parser's
//! working memory (its tokens, its events and the tree: some twenty times the text) is that of
//! one piece, not of the whole file. A piece begins at a top-level `[[section]]` header. The
//! file is cut only where reading the pieces one after the other means exactly what reading the
//! whole file means; otherwise it is one piece.

use std::collections::{HashMap, HashSet};

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// The length (bytes) from which a piece may end at the next `[[section]]` header.
pub const PIECE: usize = 1 << 20;

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
pub fn starts(text: &str, piece: usize, splittable: impl Fn(&str) -> bool) -> Vec<usize> {
    let whole = vec![0];
    if text.len() <= piece {
        return whole;
    }
    let source = Source::new(text);
    let mut tokens = source.lex().filter(|t| !matches!(t.kind(), TokenKind::Whitespace | TokenKind::Comment)).peekable();
    let mut starts = vec![0];
    let mut names: HashMap<&str, Name> = HashMap::new();
    let mut in_piece: HashSet<&str> = HashSet::new();
    let (mut depth, mut line_start, mut headers) = (0usize, true, false);
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        match kind {
            TokenKind::Eof => break,
            TokenKind::Newline => {
                line_start |= depth == 0;
                continue;
            }
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {}
            _ => {
                if line_start && !headers {
                    // A top-level key before any header.
                    if kind != TokenKind::Atom {
                        return whole;
                    }
                    let name = &text[token.span().start()..token.span().end()];
                    let n = names.entry(name).or_default();
                    n.pieces.insert(0);
                    n.not_only_arrays = true;
                }
                line_start = false;
                match kind {
                    TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                    TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.saturating_sub(1),
                    _ => {}
                }
                continue;
            }
        }
        // A header: `[` at the start of a line, outside any value.
        headers = true;
        let mut header = vec![token];
        while let Some(t) = tokens.next_if(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::Eof)) {
            header.push(t);
        }
        let bracket = |i: usize, k: TokenKind| header.get(i).is_some_and(|t| t.kind() == k);
        let array = bracket(1, TokenKind::LeftSquareBracket) && header[0].span().end() == header[1].span().start();
        let open = if array { 2 } else { 1 };
        let close = header.len().saturating_sub(open);
        let closed = close > open
            && (close..header.len()).all(|i| bracket(i, TokenKind::RightSquareBracket))
            && (!array || header[close].span().end() == header[close + 1].span().start());
        let parts = &header[open..close.max(open)];
        let plain = closed
            && parts.len() % 2 == 1
            && parts.iter().enumerate().all(|(i, t)| t.kind() == if i % 2 == 0 { TokenKind::Atom } else { TokenKind::Dot });
        if !plain {
            return whole;
        }
        let name = &text[parts[0].span().start()..parts[0].span().end()];
        let single = parts.len() == 1;
        let at = header[0].span().start();
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
        line_start = true;
    }
    if starts.len() == 1 || names.iter().any(|(name, n)| n.pieces.len() > 1 && (n.not_only_arrays || !splittable(name))) {
        return whole;
    }
    starts
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
}
