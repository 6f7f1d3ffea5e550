//! Positions in a plan file and the list of problems found in it.

use std::cell::Cell;
use std::fmt;
use std::ops::Range;

use crate::i18n::Msg;

/// A 1-based line and column (in characters) in a plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// One problem at one place of a plan file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub pos: Pos,
    pub message: Msg,
}

/// Every problem of one plan file, and what is needed to turn byte offsets into positions.
pub struct Problems<'s> {
    text: &'s str,
    line_starts: Vec<usize>,
    /// The last position counted on a line: (byte offset, column), so that the values of one
    /// long line (a `depends_on` of 50,000 keys) are placed in linear time, not quadratic.
    last: Cell<(usize, Pos)>,
    /// Where the text that spans are counted in starts in the file (a piece of it, or 0).
    base: usize,
    pub list: Vec<Problem>,
}

impl<'s> Problems<'s> {
    pub fn new(text: &'s str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Problems { text, line_starts, last: Cell::new((0, Pos { line: 1, col: 1 })), base: 0, list: Vec::new() }
    }

    /// Counts the spans given from now on from `base`, the start of a piece of the file.
    pub fn set_base(&mut self, base: usize) {
        self.base = base;
    }

    /// The position of the start of a byte range.
    pub fn pos(&self, span: Range<usize>) -> Pos {
        let offset = (self.base + span.start).min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let (last_offset, last) = self.last.get();
        // Count on from the last position when it is earlier on the same line.
        let (from, col) = if last.line == line && last_offset <= offset { (last_offset, last.col) } else { (start, 1) };
        match self.text.get(from..offset) {
            Some(s) => {
                let pos = Pos { line, col: col + s.chars().count() };
                self.last.set((offset, pos));
                pos
            }
            None => Pos { line, col: self.text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1 },
        }
    }

    pub fn add(&mut self, pos: Pos, message: Msg) {
        self.list.push(Problem { pos, message });
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The problems in file order, each as `FILE:LINE:COL: message`.
    pub fn render(mut list: Vec<Problem>, file: &str) -> Vec<Msg> {
        list.sort();
        list.dedup();
        list.into_iter().map(|p| p.message.prefixed(&format!("{file}:{}:{}: ", p.pos.line, p.pos.col))).collect()
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let p = Problems::new("ab\nçd\n\nx");
        assert_eq!(p.pos(0..1), Pos { line: 1, col: 1 });
        assert_eq!(p.pos(1..2), Pos { line: 1, col: 2 });
        assert_eq!(p.pos(3..4), Pos { line: 2, col: 1 });
        assert_eq!(p.pos(5..6), Pos { line: 2, col: 2 });
        assert_eq!(p.pos(8..9), Pos { line: 4, col: 1 });
    }

    #[test]
    fn positions_in_any_order_on_one_line() {
        let text = "a = [\"é\", \"ç\", \"x\"]\nb";
        let p = Problems::new(text);
        let fresh = |offset: usize| Problems::new(text).pos(offset..offset + 1);
        for offset in [5, 12, 7, 18, 10, 5, 0, 24, 3, 23] {
            assert_eq!(p.pos(offset..offset + 1), fresh(offset), "offset {offset}");
        }
    }
}
