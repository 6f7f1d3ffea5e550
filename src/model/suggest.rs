//! The key nearest to a mistyped one, for "did you mean" hints in "unknown …" errors. Pure: a
//! typed key and the known keys in, at most one of them out.

/// The candidate closest to `typed`, if one is close enough to be what was meant.
///
/// Closeness is the edit distance between the two (optimal string alignment, a restricted
/// Damerau–Levenshtein distance: inserting, deleting or replacing one character, or swapping two
/// neighbouring ones, each costs one), counted in characters with ASCII case ignored, divided by
/// the longer of the two lengths. A candidate is close enough when that ratio is at most 1/3: one
/// edit in a key of 3 to 5 characters, two in 6 to 8, and so on; so nothing is suggested for a key
/// that shares little with every candidate, nor for a one- or two-character key that differs at
/// all. The closest candidate wins; of equally close ones, the one that sorts first (by `str`
/// order), whatever the order of `candidates`. A candidate equal to `typed` is the closest.
/// `None` when `typed` is empty or nothing is close enough.
///
/// Candidates whose length differs from `typed`'s by more edits than could still win are skipped
/// without being compared, and a comparison stops as soon as it cannot win, so 100,000 candidates
/// take a few milliseconds.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed: Vec<char> = typed.chars().map(|c| c.to_ascii_lowercase()).collect();
    if typed.is_empty() {
        return None;
    }
    let mut rows = Rows::default();
    let mut other: Vec<char> = Vec::new();
    // The best so far: (candidate, distance, longer length).
    let mut best: Option<(&'a str, usize, usize)> = None;
    for candidate in candidates {
        let len = candidate.chars().count();
        let longer = len.max(typed.len());
        // Close enough: distance / longer <= 1/3; and no worse than the best: distance / longer
        // <= best distance / best longer (equal only if the candidate sorts first).
        let mut limit = longer / 3;
        if let Some((name, d, l)) = best {
            let (bound, exact) = ((d * longer) / l, (d * longer) % l == 0);
            let bound = if exact && candidate >= name { bound.checked_sub(1) } else { Some(bound) };
            let Some(bound) = bound else { continue };
            limit = limit.min(bound);
        }
        if len.abs_diff(typed.len()) > limit {
            continue;
        }
        other.clear();
        other.extend(candidate.chars().map(|c| c.to_ascii_lowercase()));
        if let Some(d) = rows.distance(&typed, &other, limit) {
            best = Some((candidate, d, longer));
        }
    }
    best.map(|(name, _, _)| name)
}

/// The three rows of the distance table, kept from one candidate to the next.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    last: Vec<usize>,
    this: Vec<usize>,
}

impl Rows {
    /// The optimal-string-alignment distance between `a` and `b` if it is at most `limit`.
    fn distance(&mut self, a: &[char], b: &[char], limit: usize) -> Option<usize> {
        let width = b.len() + 1;
        for row in [&mut self.before, &mut self.last, &mut self.this] {
            row.clear();
            row.resize(width, 0);
        }
        self.last.iter_mut().enumerate().for_each(|(j, v)| *v = j);
        for i in 1..=a.len() {
            self.this[0] = i;
            let mut lowest = i;
            for j in 1..width {
                let same = a[i - 1] == b[j - 1];
                let mut v = (self.last[j] + 1).min(self.this[j - 1] + 1).min(self.last[j - 1] + usize::from(!same));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(self.before[j - 2] + 1);
                }
                self.this[j] = v;
                lowest = lowest.min(v);
            }
            // Every later row is at least this row's lowest value.
            if lowest > limit {
                return None;
            }
            std::mem::swap(&mut self.before, &mut self.last);
            std::mem::swap(&mut self.last, &mut self.this);
        }
        let d = self.last[width - 1];
        (d <= limit).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &[
        "deck-ready",
        "deck-en",
        "deck-fr",
        "email-sent",
        "ms-1",
        "ms-2",
        "ms-3",
        "cpsp",
        "cge",
        "status",
        "réunion",
        "symposium-2018-10/guide",
    ];

    #[test]
    fn suggestions_case_table() {
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            ("deck-redy", KEYS, Some("deck-ready")),
            ("deck-ready", KEYS, Some("deck-ready")),
            ("Deck-Ready", KEYS, Some("deck-ready")),
            ("ms-10", KEYS, Some("ms-1")),
            ("ms-10", &["ms-1", "ms-10", "ms-100"], Some("ms-10")),
            // One edit each: equally close, so the one that sorts first.
            ("ms-1", &["ms-12", "ms-11", "ms-10"], Some("ms-10")),
            ("ms-4", &["ms-3", "ms-2"], Some("ms-2")),
            ("cpssp", KEYS, Some("cpsp")),
            ("cpsp", &["cpssp", "cge"], Some("cpssp")),
            ("stauts", KEYS, Some("status")),
            ("reunion", KEYS, Some("réunion")),
            ("symposium-2018-10/guid", KEYS, Some("symposium-2018-10/guide")),
            // Two edits in ten characters: 1/5, close enough; four are not.
            ("dekc-raedy", KEYS, Some("deck-ready")),
            ("dk-rdy", KEYS, None),
            ("zzz", KEYS, None),
            ("a", &["b", "ab"], None),
            ("ms", &["ms-1"], None),
            ("", KEYS, None),
            ("deck-ready", &[], None),
            ("x", &[""], None),
        ];
        for (typed, candidates, expected) in cases {
            assert_eq!(nearest(typed, candidates.iter().copied()), *expected, "{typed:?}");
            assert_eq!(nearest(typed, candidates.iter().rev().copied()), *expected, "{typed:?}, candidates reversed");
        }
    }

    #[test]
    fn the_distance_counts_a_swap_as_one_edit() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = Rows::default();
        let d = |rows: &mut Rows, a: &str, b: &str| rows.distance(&chars(a), &chars(b), usize::MAX);
        assert_eq!(d(&mut rows, "ab", "ba"), Some(1));
        assert_eq!(d(&mut rows, "kitten", "sitting"), Some(3));
        assert_eq!(d(&mut rows, "", "abc"), Some(3));
        assert_eq!(d(&mut rows, "abc", ""), Some(3));
        assert_eq!(d(&mut rows, "ca", "abc"), Some(3));
        assert_eq!(rows.distance(&chars("kitten"), &chars("sitting"), 2), None);
    }

    #[test]
    fn a_hundred_thousand_candidates() {
        let keys: Vec<String> = (0..100_000).map(|i| format!("milestone-{i:05}")).collect();
        let mut all: Vec<&str> = keys.iter().map(String::as_str).collect();
        all.push("deck-ready");
        let started = std::time::Instant::now();
        assert_eq!(nearest("deck-redy", all.iter().copied()), Some("deck-ready"));
        assert_eq!(nearest("milestone-4242", all.iter().copied()), Some("milestone-04242"));
        assert_eq!(nearest("zzz", all.iter().copied()), None);
        // Generous, for a debug build on a busy machine: the point is no quadratic blow-up.
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    }
}
