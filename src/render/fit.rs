//! Fitting a human table to the width of a terminal: which columns to show, how wide each one is,
//! and each cell broken into lines of that width. Pure: text and a width in, lines out; the
//! terminal's width is found once at start-up and the table is drawn by [`super::table`].
//!
//! The rule, in order (widths are counted in terminal cells, as `unicode-width` counts them;
//! columns are two cells apart):
//! 1. If every column fits at its full width, nothing changes.
//! 2. Columns a caller marked as droppable are left out, least useful first, while the columns
//!    shown would not fit at a comfortable width (labels whole, prose 20 cells wide).
//! 3. Headers wrap before cells do; then prose (titles, names) wraps, labels (keys, dates,
//!    states) kept whole; then, if prose would be narrower than 20 cells, labels wrap too, prose
//!    keeping twice a label's share. Space is shared evenly: narrow columns keep their full
//!    width and wide ones share the rest. Prose wraps between words and goes down to 10 cells;
//!    labels break only between words, after `/` and after `-` unless it joins two digits
//!    (`deck-` `ready`; `2018-09-14` stays whole), and no narrower than their longest piece.
//! 4. When even that is too wide, other columns are left out rather than cut, the first one
//!    never: the emptiest first, then the rightmost.
//! 5. Only then are pieces cut where the width ends: no line is ever wider than the terminal,
//!    however narrow it is (down to one cell a column).

use unicode_width::UnicodeWidthStr;

/// Cells between two columns.
pub const GAP: usize = 3;
/// Prose never narrower than this (unless its widest line is narrower).
const PROSE_MIN: usize = 10;
/// A comfortable width for prose, below which droppable columns give way first.
const PROSE_COMFORT: usize = 20;

/// The width of `text` on a terminal, in cells.
pub fn cells(text: &str) -> usize {
    text.width()
}

/// How one column may give way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Give {
    /// Prose: wraps between words, down to a few cells.
    pub prose: bool,
    /// May be left out on a narrow terminal; lower goes first (`None`: always shown).
    pub drop: Option<usize>,
}

/// The columns to show and their widths, as decided by [`layout`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Indexes of the columns shown, in their order.
    pub shown: Vec<usize>,
    /// The width of each column shown, in cells (same order as `shown`).
    pub widths: Vec<usize>,
}

/// Decides which columns to show and how wide, for `headers` over `rows` in `width` cells (see
/// the module's rule). `give` says how each column gives way (missing entries: a label always
/// shown). Rows shorter than `headers` are read as having empty cells.
pub fn layout(headers: &[&str], rows: &[Vec<&str>], give: &[Give], width: usize) -> Layout {
    let count = headers.len();
    let give_of = |i: usize| give.get(i).copied().unwrap_or_default();
    let sizes: Vec<Sizes> =
        (0..count).map(|i| Sizes::of(headers[i], rows.iter().map(|r| r.get(i).copied().unwrap_or("")), give_of(i).prose)).collect();
    let budget = |shown: &[usize]| width.saturating_sub(GAP * shown.len().saturating_sub(1));
    let sum = |shown: &[usize], f: fn(&Sizes) -> usize| shown.iter().map(|&i| f(&sizes[i])).sum::<usize>();

    let mut shown: Vec<usize> = (0..count).collect();
    let mut droppable: Vec<usize> = (0..count).filter(|&i| give_of(i).drop.is_some()).collect();
    droppable.sort_by_key(|&i| (give_of(i).drop, std::cmp::Reverse(i)));
    let mut droppable = droppable.into_iter();
    if sum(&shown, |s| s.full) > budget(&shown) {
        while sum(&shown, |s| s.comfort) > budget(&shown) && shown.len() > 1 {
            let Some(gone) = droppable.next() else { break };
            shown.retain(|&i| i != gone);
        }
        // Rather than cut pieces: the other columns but the first, emptiest first.
        let mut others: Vec<usize> = (1..count).filter(|&i| give_of(i).drop.is_none()).collect();
        others.sort_by_key(|&i| (std::cmp::Reverse(sizes[i].empty), std::cmp::Reverse(i)));
        let mut droppable = droppable.chain(others);
        while sum(&shown, |s| s.least) > budget(&shown) && shown.len() > 1 {
            let Some(gone) = droppable.next() else { break };
            shown.retain(|&i| i != gone);
        }
    }

    let room = budget(&shown);
    let pick = |f: fn(&Sizes) -> usize| shown.iter().map(|&i| f(&sizes[i])).collect::<Vec<_>>();
    let (full, body, least, comfort) = (pick(|s| s.full), pick(|s| s.body), pick(|s| s.least), pick(|s| s.comfort));
    let weights: Vec<usize> = shown.iter().map(|&i| if give_of(i).prose { 2 } else { 1 }).collect();
    let even = vec![1; shown.len()];
    let widths = if full.iter().sum::<usize>() <= room {
        full
    } else if body.iter().sum::<usize>() <= room {
        share(&body, &full, &even, room)
    } else if comfort.iter().sum::<usize>() <= room {
        // Labels whole; prose shares what is left.
        share(&comfort, &body, &even, room)
    } else if least.iter().sum::<usize>() <= room {
        // Everything wraps; prose keeps twice the room of a label.
        share(&least, &body, &weights, room)
    } else {
        share(&vec![1; least.len()], &least, &even, room)
    };
    Layout { shown, widths }
}

/// What a column needs, in cells.
struct Sizes {
    /// Its widest line, header included.
    full: usize,
    /// With its header wrapped: the widest cell, or the header's longest piece.
    body: usize,
    /// As narrow as it goes without cutting a piece (prose: [`PROSE_MIN`]).
    least: usize,
    /// Wide enough to read well: a label whole, prose [`PROSE_COMFORT`] wide.
    comfort: usize,
    /// How many of its cells are empty.
    empty: usize,
}

impl Sizes {
    fn of<'a>(header: &str, column: impl Iterator<Item = &'a str>, prose: bool) -> Sizes {
        let widest = |text: &str| text.lines().map(cells).max().unwrap_or(0);
        let longest_piece = |text: &str| pieces(text).map(|p| cells(p.trim_end())).max().unwrap_or(0);
        let (mut body, mut piece, mut empty) = (0, longest_piece(header), 0);
        for cell in column {
            empty += usize::from(cell.trim().is_empty());
            body = body.max(widest(cell));
            piece = piece.max(longest_piece(cell));
        }
        let head_piece = longest_piece(header);
        let full = body.max(widest(header));
        let body = body.max(head_piece);
        if prose {
            let least = body.min(PROSE_MIN.max(head_piece));
            Sizes { full, body, least, comfort: body.min(PROSE_COMFORT).max(least), empty }
        } else {
            Sizes { full, body, least: piece.min(body), comfort: body, empty }
        }
    }
}

/// Widths between `low` and `high` (pairwise, `low <= high`) adding up to `room` at most: the
/// largest level every column reaches if it can (`weight` times the level), then a cell more
/// each to the leftmost columns that can still grow.
fn share(low: &[usize], high: &[usize], weight: &[usize], room: usize) -> Vec<usize> {
    let at =
        |level: usize| -> Vec<usize> { low.iter().zip(high).zip(weight).map(|((&l, &h), &k)| (level * k).clamp(l, h.max(l))).collect() };
    let total = |level: usize| at(level).iter().sum::<usize>();
    let (mut lo, mut hi) = (0, high.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if total(mid) <= room { lo = mid } else { hi = mid - 1 }
    }
    let mut widths = at(lo);
    let mut spare = room.saturating_sub(widths.iter().sum());
    for (w, &h) in widths.iter_mut().zip(high) {
        if spare == 0 {
            break;
        }
        if *w < h {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

/// The pieces of `text` a line may break after: words with their trailing space, and parts of
/// words ending in `/` or in a `-` that does not join two digits.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let chars: Vec<(usize, char)> = rest.char_indices().collect();
        let mut end = rest.len();
        for (k, &(at, c)) in chars.iter().enumerate() {
            let next = chars.get(k + 1).map(|&(_, n)| n);
            let breaks = match c {
                ' ' => next != Some(' '),
                '/' => true,
                '-' => {
                    let before = k.checked_sub(1).map(|p| chars[p].1);
                    !(before.is_some_and(|b| b.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()))
                }
                _ => false,
            };
            if breaks && next.is_some() {
                end = at + c.len_utf8();
                break;
            }
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// `text` broken into lines no wider than `width` cells (at least one cell): between the pieces
/// of [`pieces`] where it can, inside a piece where one alone is too wide. Existing line breaks
/// are kept; spaces at the end of a line are dropped.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for source in text.split('\n') {
        let (mut line, mut continued) = (String::new(), false);
        for piece in pieces(source) {
            if !line.is_empty() && cells(&line) + cells(piece.trim_end()) > width {
                lines.push(line.trim_end().to_string());
                (line, continued) = (String::new(), true);
            }
            for c in piece.chars() {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if !line.is_empty() && c != ' ' && cells(&line) + w > width {
                    lines.push(line.trim_end().to_string());
                    (line, continued) = (String::new(), true);
                }
                if !(line.is_empty() && c == ' ' && continued) {
                    line.push(c);
                }
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The width human tables are fitted to: on a terminal, `COLUMNS` if it is a positive whole
/// number, else the terminal's own width if it reports one, else 80; written anywhere else
/// (a pipe, a file), `None`: lines are not wrapped.
pub fn target_width(terminal: bool, columns: Option<&str>, reported: Option<u16>) -> Option<usize> {
    if !terminal {
        return None;
    }
    let from_env = columns.and_then(|c| c.trim().parse::<usize>().ok()).filter(|&c| c > 0);
    Some(from_env.or(reported.map(usize::from).filter(|&c| c > 0)).unwrap_or(80))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_break_after_spaces_slashes_and_dashes_between_letters() {
        fn split(t: &str) -> Vec<&str> {
            pieces(t).collect()
        }
        assert_eq!(split("symposium-2018-10/guide"), ["symposium-", "2018-10/", "guide"]);
        assert_eq!(split("2018-09-14"), ["2018-09-14"]);
        assert_eq!(split("in 11 days"), ["in ", "11 ", "days"]);
        assert_eq!(split("! overdue"), ["! ", "overdue"]);
        assert_eq!(split("ms-1"), ["ms-", "1"]);
        assert_eq!(split("a-"), ["a-"]);
        assert!(split("").is_empty());
    }

    #[test]
    fn wrap_keeps_each_line_within_the_width() {
        assert_eq!(wrap("Presentation ready for the symposium", 14), ["Presentation", "ready for the", "symposium"]);
        assert_eq!(wrap("symposium-2018-10/guide", 12), ["symposium-", "2018-10/", "guide"]);
        assert_eq!(wrap("talking-points-fr", 8), ["talking-", "points-", "fr"]);
        assert_eq!(wrap("supercalifragilistic", 8), ["supercal", "ifragili", "stic"]);
        assert_eq!(wrap("a  b", 80), ["a  b"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("one\ntwo three", 5), ["one", "two", "three"]);
        assert_eq!(wrap("écrit à l'avance", 7), ["écrit à", "l'avanc", "e"]);
        for w in 1..30 {
            for line in wrap("Présentation du Guide au Colloque national des représentants municipaux", w) {
                assert!(cells(&line) <= w, "{line:?} wider than {w}");
            }
        }
    }

    #[test]
    fn the_target_width() {
        assert_eq!(target_width(false, Some("100"), Some(120)), None);
        assert_eq!(target_width(true, Some("100"), Some(120)), Some(100));
        assert_eq!(target_width(true, Some(" 90 "), None), Some(90));
        assert_eq!(target_width(true, Some("wide"), Some(120)), Some(120));
        assert_eq!(target_width(true, Some("0"), Some(0)), Some(80));
        assert_eq!(target_width(true, None, None), Some(80));
    }

    #[test]
    fn share_reaches_a_level_then_hands_out_the_rest() {
        let even = [1, 1, 1];
        assert_eq!(share(&[10, 5, 5], &[10, 40, 30], &even, 40), [10, 15, 15]);
        assert_eq!(share(&[10, 5, 5], &[10, 40, 30], &even, 41), [10, 16, 15]);
        assert_eq!(share(&[10, 5, 5], &[10, 40, 12], &even, 40), [10, 18, 12]);
        assert_eq!(share(&[10, 5, 5], &[10, 40, 30], &[1, 2, 1], 40), [10, 20, 10]);
        assert_eq!(share(&[1, 1], &[3, 3], &even, 100), [3, 3]);
    }

    #[test]
    fn a_table_that_fits_is_left_alone() {
        let layout = layout(&["key", "title"], &[vec!["a", "short"]], &[], 80);
        assert_eq!(layout, Layout { shown: vec![0, 1], widths: vec![3, 5] });
    }

    #[test]
    fn droppable_columns_go_least_useful_first() {
        let title = "A title long enough to need wrapping on any terminal of eighty columns or so";
        let rows = vec![vec!["2018-09-28", "in 8 days", "milestone", "deck-ready", title, "Secretariat", "on track"]];
        let headers = ["date", "days", "kind", "key", "title", "owner", "state"];
        let give = [
            Give::default(),
            Give { prose: false, drop: Some(0) },
            Give { prose: false, drop: Some(1) },
            Give::default(),
            Give { prose: true, drop: None },
            Give { prose: true, drop: Some(2) },
            Give::default(),
        ];
        let wide = layout(&headers, &rows, &give, 200);
        assert_eq!(wide.shown, [0, 1, 2, 3, 4, 5, 6]);
        let narrow = layout(&headers, &rows, &give, 75);
        assert_eq!(narrow.shown, [0, 3, 4, 5, 6]);
        assert_eq!(narrow.widths.iter().sum::<usize>() + GAP * 4, 75);
        let narrower = layout(&headers, &rows, &give, 60);
        assert_eq!(narrower.shown, [0, 3, 4, 6]);
        // Too narrow for the rest: the others go too (rightmost first), the first one never.
        let tiny = layout(&headers, &rows, &give, 40);
        assert_eq!(tiny.shown, [0, 3, 4, 6]);
        assert!(tiny.widths.iter().sum::<usize>() + GAP * 3 <= 40);
        assert_eq!(layout(&headers, &rows, &give, 36).shown, [0, 3, 4]);
        assert_eq!(layout(&headers, &rows, &give, 5).shown, [0]);
    }
}
