//! Statements a PostgreSQL transaction sends in batches rather than one round trip each: their
//! parameters written as literals, and consecutive `INSERT … VALUES (…)` statements of the same
//! text merged into one statement of many rows, so that the server parses, plans and starts one
//! statement where it would have started thousands.
//!
//! Order is kept: statements run in the order they were pushed, except those pushed with
//! `last` in [`Batch::push`] (rows nothing else in the transaction reads, such as the journal's),
//! which run after the others of their batch, in their own order.

use super::db::{Param, Value, bad_column};
use crate::error::Result;

/// How many bytes of statements are sent at once.
pub const BATCH_BYTES: usize = 1 << 20;

/// The statements waiting to be sent.
#[derive(Default)]
pub struct Batch {
    first: Part,
    last: Part,
}

/// One ordered list of statements, the last of which may still take rows.
#[derive(Default)]
struct Part {
    text: String,
    /// The SQL text of the last statement, if it is an `INSERT … VALUES (…)` that may take more
    /// rows, where its tail (what follows its rows) begins in `text`, and how many rows it has.
    open: Option<(String, usize, usize)>,
}

impl Batch {
    /// Adds a statement, among the others (`last`: after them); returns whether the batch is full
    /// (to be sent now).
    pub fn push(&mut self, sql: &str, params: &[&dyn Param], last: bool) -> Result<bool> {
        if last { &mut self.last } else { &mut self.first }.push(sql, params)?;
        Ok(self.len() >= BATCH_BYTES)
    }

    /// The size of the batch in bytes.
    pub fn len(&self) -> usize {
        self.first.text.len() + self.last.text.len()
    }

    /// The statements to send (empty when there are none), leaving the batch empty.
    pub fn take(&mut self) -> String {
        let mut text = std::mem::take(&mut self.first.text);
        text.push_str(&self.last.text);
        *self = Batch::default();
        text
    }
}

impl Part {
    fn push(&mut self, sql: &str, params: &[&dyn Param]) -> Result<()> {
        let Some((head, row, tail)) = values(sql) else {
            self.open = None;
            inline(sql, params, &mut self.text)?;
            self.text.push_str(";\n");
            return Ok(());
        };
        let rows = match &self.open {
            Some((open, at, rows)) if open == sql && *rows < rows_per_statement(row) => {
                self.text.truncate(*at);
                self.text.push_str(",\n");
                rows + 1
            }
            _ => {
                self.text.push_str(head);
                1
            }
        };
        inline(row, params, &mut self.text)?;
        self.open = Some((sql.to_string(), self.text.len(), rows));
        self.text.push_str(tail);
        self.text.push_str(";\n");
        Ok(())
    }
}

/// How many rows one statement takes. PostgreSQL plans each subquery of a row (`(SELECT id FROM
/// forum WHERE key = …)`) as a parameter of the whole statement, in time that grows with the
/// square of their number: rows with subqueries are sent a few dozen at a time.
fn rows_per_statement(row: &str) -> usize {
    if row.contains("SELECT") { ROWS_WITH_SUBQUERIES } else { ROWS }
}

/// See [`rows_per_statement`].
const ROWS: usize = 1000;
const ROWS_WITH_SUBQUERIES: usize = 32;

/// An `INSERT … VALUES (ROW) TAIL` statement taken apart, when its head and tail hold no
/// parameter (so that statements of the same text differ only in their rows).
fn values(sql: &str) -> Option<(&str, &str, &str)> {
    if !sql.trim_start().starts_with("INSERT INTO") {
        return None;
    }
    let at = sql.find(" VALUES (")? + " VALUES ".len();
    let (head, rest) = sql.split_at(at);
    let end = closing(rest)?;
    let (row, tail) = rest.split_at(end + 1);
    (!head.contains('?') && !tail.contains('?')).then_some((head, row, tail))
}

/// Where the parenthesis that opens `text` closes (outside quoted text).
fn closing(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quoted: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quoted, c) {
            (Some(q), c) if c == q => quoted = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quoted = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `sql` with each `?N` replaced by its parameter as a PostgreSQL literal, appended to `out`.
fn inline(sql: &str, params: &[&dyn Param], out: &mut String) -> Result<()> {
    let bytes = sql.as_bytes();
    let mut quoted: Option<u8> = None;
    let mut i = 0;
    let mut start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quoted {
            Some(q) if b == q => quoted = None,
            Some(_) => {}
            None if b == b'\'' || b == b'"' => quoted = Some(b),
            None if b == b'?' => {
                let digits = bytes[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
                let n: usize = sql[i + 1..i + 1 + digits].parse().map_err(|_| bad_column(0, "a placeholder without a number"))?;
                out.push_str(&sql[start..i]);
                let param = params.get(n.wrapping_sub(1)).ok_or_else(|| bad_column(n, "a placeholder without its parameter"))?;
                literal(&param.value(), out)?;
                i += 1 + digits;
                start = i;
                continue;
            }
            None => {}
        }
        i += 1;
    }
    out.push_str(&sql[start..]);
    Ok(())
}

/// `value` as a PostgreSQL literal. Text with a backslash is written as an escape string
/// (`E'…'`, backslashes doubled), which means the same whatever `standard_conforming_strings`
/// says; other text as a plain string, `'` doubled.
fn literal(value: &Value, out: &mut String) -> Result<()> {
    match value {
        Value::Null => out.push_str("NULL"),
        Value::Int(n) => out.push_str(&n.to_string()),
        Value::Real(x) if x.is_finite() => out.push_str(&format!("{x:?}::float8")),
        Value::Real(_) => return Err(bad_column(0, "a number that is not finite")),
        Value::Text(t) => {
            if t.contains('\0') {
                return Err(bad_column(0, "text holding a NUL character"));
            }
            let escaped = t.contains('\\');
            out.push_str(if escaped { "E'" } else { "'" });
            for c in t.chars() {
                if c == '\'' || (escaped && c == '\\') {
                    out.push(c);
                }
                out.push(c);
            }
            out.push('\'');
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args;

    #[test]
    fn inlined_parameters_are_quoted_literals() {
        let mut out = String::new();
        let text = "it's";
        inline("INSERT INTO t VALUES (?1, ?2, ?3, ?4, '?1')", args![text, 5i64, None::<i64>, 1.5f64], &mut out).unwrap();
        assert_eq!(out, "INSERT INTO t VALUES ('it''s', 5, NULL, 1.5::float8, '?1')");
        let mut out = String::new();
        inline("SELECT ?1", args![r"a\'b"], &mut out).unwrap();
        assert_eq!(out, r"SELECT E'a\\''b'");
        assert!(inline("SELECT ?1", args!["a\0b"], &mut String::new()).is_err());
        assert!(inline("SELECT ?2", args!["a"], &mut String::new()).is_err());
    }

    #[test]
    fn consecutive_inserts_of_one_text_become_one_statement_and_order_is_kept() {
        let insert = "INSERT INTO t (a, b) VALUES ((SELECT id FROM u WHERE k = ?1), ?2) ON CONFLICT (a) DO UPDATE SET b = excluded.b";
        let mut batch = Batch::default();
        batch.push(insert, args!["x", 1i64], false).unwrap();
        batch.push("INSERT INTO journal (k) VALUES (?1)", args!["x"], true).unwrap();
        batch.push(insert, args!["y", 2i64], false).unwrap();
        batch.push("INSERT INTO journal (k) VALUES (?1)", args!["y"], true).unwrap();
        batch.push("DELETE FROM t WHERE a = ?1", args![3i64], false).unwrap();
        batch.push(insert, args!["z", 3i64], false).unwrap();
        assert_eq!(
            batch.take(),
            "INSERT INTO t (a, b) VALUES ((SELECT id FROM u WHERE k = 'x'), 1),\n((SELECT id FROM u WHERE k = 'y'), 2) \
             ON CONFLICT (a) DO UPDATE SET b = excluded.b;\n\
             DELETE FROM t WHERE a = 3;\n\
             INSERT INTO t (a, b) VALUES ((SELECT id FROM u WHERE k = 'z'), 3) ON CONFLICT (a) DO UPDATE SET b = excluded.b;\n\
             INSERT INTO journal (k) VALUES ('x'),\n('y');\n"
        );
        assert_eq!(batch.take(), "");
    }

    #[test]
    fn statements_with_parameters_outside_their_rows_are_not_merged() {
        let sql = "INSERT INTO t (a) SELECT id FROM u WHERE k = ?1";
        let mut batch = Batch::default();
        batch.push(sql, args!["x"], false).unwrap();
        batch.push(sql, args!["y"], false).unwrap();
        assert_eq!(batch.take(), "INSERT INTO t (a) SELECT id FROM u WHERE k = 'x';\nINSERT INTO t (a) SELECT id FROM u WHERE k = 'y';\n");
        assert_eq!(values("INSERT INTO t VALUES (?1) ON CONFLICT (a) DO UPDATE SET b = ?1"), None);
    }
}
