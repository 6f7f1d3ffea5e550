//! The nearest known key to a mistyped one, for "did you mean …?" in messages.

/// The candidate closest to `typed` by edit distance (insertions, deletions, substitutions and
/// swaps of two neighbours), if one is close enough to be a likely typo: at most one edit for
/// keys of up to four characters, two up to eight, three beyond. Ties go to the candidate that
/// sorts first. `typed` itself is never suggested.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed: Vec<char> = typed.chars().collect();
    let limit = match typed.len() {
        0 => return None,
        1..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let chars: Vec<char> = candidate.chars().collect();
        if chars == typed || chars.len().abs_diff(typed.len()) > limit {
            continue;
        }
        let d = distance(&typed, &chars);
        let better = match best {
            None => true,
            Some((bd, bk)) => d < bd || (d == bd && candidate < bk),
        };
        if d <= limit && better {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, k)| k)
}

/// The optimal-string-alignment distance between `a` and `b`.
fn distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[(i - 1) * width + j] + 1).min(rows[i * width + j - 1] + 1).min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = d;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggestions() {
        let keys = ["deck-ready", "deck-fr", "cpssp", "ms-1", "ms-10", "guide-launch"];
        let cases: &[(&str, Option<&str>)] = &[
            ("deck-redy", Some("deck-ready")),
            ("deck-ready", None),
            ("cpsp", Some("cpssp")),
            ("ms-11", Some("ms-1")),
            ("ms-01", Some("ms-1")),
            ("guide-lanuch", Some("guide-launch")),
            ("zzz", None),
            ("", None),
            ("completely-different", None),
        ];
        for (typed, want) in cases {
            assert_eq!(nearest(typed, keys), *want, "{typed}");
        }
    }
}
