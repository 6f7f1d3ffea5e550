//! The seam between the store and its two engines: SQLite (a file) and PostgreSQL (a team store).
//!
//! The store's SQL is written once, in the subset the two engines share, with SQLite's numbered
//! placeholders (`?1`, `?2`…), which become `$1`, `$2`… on PostgreSQL. Both schemas keep the same
//! representation (text dates, 0/1 flags, 64-bit integers, byte-ordered text), so one SQL text
//! gives the same rows on both. The few statements that cannot be shared say so with [`Sql`].
//!
//! A [`Tx`] is one transaction on either engine. Parameters are anything [`Param`]; rows are read
//! through [`Row::get`] into anything [`FromCell`].

use std::borrow::Cow;
use std::cell::RefCell;

use chrono::NaiveDate;

use super::batch::Batch;
use crate::error::{Error, Result};
use crate::model::types::{ChannelKind, Family, Lang, MaterialKind, Order, Status, TableKind};

/// Which engine a store is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A statement whose text differs between the engines.
#[derive(Debug, Clone, Copy)]
pub struct Sql {
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// One value handed to a statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(Cow<'a, str>),
}

/// What can be bound to a placeholder.
pub trait Param {
    fn value(&self) -> Value<'_>;
}

impl Param for str {
    fn value(&self) -> Value<'_> {
        Value::Text(Cow::Borrowed(self))
    }
}
impl Param for String {
    fn value(&self) -> Value<'_> {
        Value::Text(Cow::Borrowed(self))
    }
}
impl Param for i64 {
    fn value(&self) -> Value<'_> {
        Value::Int(*self)
    }
}
impl Param for u32 {
    fn value(&self) -> Value<'_> {
        Value::Int(i64::from(*self))
    }
}
impl Param for bool {
    fn value(&self) -> Value<'_> {
        Value::Int(i64::from(*self))
    }
}
impl Param for f64 {
    /// Negative zero is stored as zero: SQLite does so itself, PostgreSQL would keep the sign.
    fn value(&self) -> Value<'_> {
        Value::Real(if *self == 0.0 { 0.0 } else { *self })
    }
}
impl Param for NaiveDate {
    fn value(&self) -> Value<'_> {
        // Display is ISO 8601 (YYYY-MM-DD for the years engage takes), without a format string.
        Value::Text(Cow::Owned(self.to_string()))
    }
}
impl<T: Param + ?Sized> Param for &T {
    fn value(&self) -> Value<'_> {
        (**self).value()
    }
}
impl<T: Param> Param for Option<T> {
    fn value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Null, Param::value)
    }
}

/// The parameters of one statement: `args![a, b]`.
#[macro_export]
macro_rules! args {
    () => { &[] as &[&dyn $crate::store::db::Param] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::store::db::Param),+] as &[&dyn $crate::store::db::Param] };
}
pub use args;

/// One value read from a row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

/// What a [`Cell`] can be read as; `what` names the column in errors.
pub trait FromCell: Sized {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String>;
}

impl FromCell for String {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Text(t) => Ok(t.to_string()),
            Cell::Int(i) => Ok(i.to_string()),
            other => Err(format!("expected text, found {other:?}")),
        }
    }
}
impl FromCell for i64 {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Int(i) => Ok(i),
            other => Err(format!("expected an integer, found {other:?}")),
        }
    }
}
impl FromCell for u32 {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        let i = i64::from_cell(cell)?;
        u32::try_from(i).map_err(|_| format!("integer {i} out of range"))
    }
}
impl FromCell for bool {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        Ok(i64::from_cell(cell)? != 0)
    }
}
impl FromCell for f64 {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Real(r) => Ok(r),
            Cell::Int(i) => Ok(i as f64),
            other => Err(format!("expected a number, found {other:?}")),
        }
    }
}
impl FromCell for NaiveDate {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Text(t) => iso_date(t).ok_or_else(|| format!("'{t}' is not a date")),
            other => Err(format!("expected a date, found {other:?}")),
        }
    }
}
/// `YYYY-MM-DD` read directly (every report reads thousands of dates: no format string).
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    NaiveDate::from_ymd_opt(i32::try_from(number(0..4)?).ok()?, number(5..7)?, number(8..10)?)
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Null => Ok(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// The closed sets of values, stored as their canonical spelling (which the schemas' CHECK
/// constraints also list).
macro_rules! spelled {
    ($($name:ty),+) => {$(
        impl Param for $name {
            fn value(&self) -> Value<'_> {
                Value::Text(Cow::Borrowed(self.as_str()))
            }
        }
        impl FromCell for $name {
            fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
                match cell {
                    Cell::Text(t) => <$name>::parse(t).ok_or_else(|| format!("unknown {} '{t}' in the store", <$name>::WHAT)),
                    other => Err(format!("expected a {}, found {other:?}", <$name>::WHAT)),
                }
            }
        }
    )+};
}
spelled!(Status, Family, Order, TableKind, ChannelKind, MaterialKind, Lang);

/// One row of a result, from either engine.
pub enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `i` read as `T`; a value of the wrong type is an error naming the column.
    pub fn get<T: FromCell>(&self, i: usize) -> Result<T> {
        let converted = match self {
            Row::Sqlite(r) => {
                use rusqlite::types::ValueRef;
                let cell = match r.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(n) => Cell::Int(n),
                    ValueRef::Real(x) => Cell::Real(x),
                    ValueRef::Text(t) => Cell::Text(std::str::from_utf8(t).map_err(|e| bad_column(i, &e.to_string()))?),
                    ValueRef::Blob(_) => return Err(bad_column(i, "a blob")),
                };
                T::from_cell(cell)
            }
            Row::Postgres(r) => T::from_cell(pg_cell(r, i)?),
        };
        converted.map_err(|e| bad_column(i, &e))
    }
}

pub(super) fn bad_column(i: usize, what: &str) -> Error {
    Error::Fault(super::Fault::BadValue { column: i, detail: what.to_string() })
}

/// Column `i` of a PostgreSQL row as a [`Cell`], by its type.
fn pg_cell(r: &postgres::Row, i: usize) -> Result<Cell<'_>> {
    use postgres::types::Type;
    let ty = r.columns().get(i).map(|c| c.type_().clone()).ok_or_else(|| bad_column(i, "no such column"))?;
    let cell = match ty {
        Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map_or(Cell::Null, Cell::Int),
        Type::INT4 => r.try_get::<_, Option<i32>>(i)?.map_or(Cell::Null, |n| Cell::Int(n.into())),
        Type::INT2 => r.try_get::<_, Option<i16>>(i)?.map_or(Cell::Null, |n| Cell::Int(n.into())),
        Type::BOOL => r.try_get::<_, Option<bool>>(i)?.map_or(Cell::Null, |b| Cell::Int(b.into())),
        Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map_or(Cell::Null, Cell::Real),
        Type::FLOAT4 => r.try_get::<_, Option<f32>>(i)?.map_or(Cell::Null, |x| Cell::Real(x.into())),
        _ => r.try_get::<_, Option<PgText>>(i)?.map_or(Cell::Null, |t| Cell::Text(t.0)),
    };
    Ok(cell)
}

/// A PostgreSQL value whose binary form is its text: text of any kind, and `json` (which keeps
/// the text it was given, byte for byte).
struct PgText<'a>(&'a str);

impl<'a> postgres::types::FromSql<'a> for PgText<'a> {
    fn from_sql(_: &postgres::types::Type, raw: &'a [u8]) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(PgText(std::str::from_utf8(raw)?))
    }

    fn accepts(ty: &postgres::types::Type) -> bool {
        use postgres::types::Type;
        <&str as postgres::types::FromSql>::accepts(ty) || *ty == Type::JSON
    }
}

/// A value bound on PostgreSQL as the type the server inferred for its placeholder.
#[derive(Debug)]
struct PgValue<'a>(Value<'a>);

impl postgres::types::ToSql for PgValue<'_> {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::Type;
        match (&self.0, ty) {
            (Value::Null, _) => Ok(postgres::types::IsNull::Yes),
            (Value::Int(n), &Type::INT8) => n.to_sql(ty, out),
            (Value::Int(n), &Type::INT4) => i32::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::INT2) => i16::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::BOOL) => (*n != 0).to_sql(ty, out),
            (Value::Int(n), &Type::FLOAT8) => (*n as f64).to_sql(ty, out),
            (Value::Int(n), _) => n.to_string().as_str().to_sql(ty, out),
            (Value::Real(x), &Type::FLOAT8) => x.to_sql(ty, out),
            (Value::Real(x), &Type::FLOAT4) => (*x as f32).to_sql(ty, out),
            (Value::Real(x), _) => x.to_string().as_str().to_sql(ty, out),
            (Value::Text(t), &Type::INT8) => t.parse::<i64>()?.to_sql(ty, out),
            (Value::Text(t), _) => t.as_ref().to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Value::Real(x) => ToSqlOutput::Borrowed(ValueRef::Real(*x)),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        })
    }
}

/// `sql` prepared on PostgreSQL with each placeholder typed by the value bound to it (text for
/// NULL, as every nullable parameter of the store's queries is): PostgreSQL cannot infer the type
/// of a parameter first met in `?1 IS NULL`. Returns the statement and the values to bind.
fn pg_statement<'p>(
    tx: &mut postgres::Transaction,
    sql: &str,
    params: &'p [&dyn Param],
) -> Result<(postgres::Statement, Vec<PgValue<'p>>)> {
    use postgres::types::Type;
    let values: Vec<PgValue> = params.iter().map(|p| PgValue(p.value())).collect();
    let types: Vec<Type> = values
        .iter()
        .map(|v| match v.0 {
            Value::Int(_) => Type::INT8,
            Value::Real(_) => Type::FLOAT8,
            Value::Null | Value::Text(_) => Type::TEXT,
        })
        .collect();
    let statement = tx.prepare_typed(&to_postgres(sql), &types)?;
    Ok((statement, values))
}

/// SQLite's `?N` placeholders as PostgreSQL's `$N` (outside quoted text).
pub fn to_postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut quoted: Option<char> = None;
    for c in sql.chars() {
        match (quoted, c) {
            (Some(q), c) if c == q => quoted = None,
            (None, '\'' | '"') => quoted = Some(c),
            (None, '?') => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// One transaction on either engine. Statements run at once, except those handed to
/// [`Tx::defer`] and [`Tx::defer_last`], which PostgreSQL receives in batches ([`Batch`]), before
/// anything else runs.
pub struct Tx<'c> {
    inner: Inner<'c>,
}

enum Inner<'c> {
    Sqlite(SqliteTx<'c>),
    Postgres(Box<PgTx<'c>>),
}

/// A SQLite transaction, and the statements it has run without reading rows, kept prepared
/// until it ends: a plan's thousands of rows reuse a few statements, found by their text, with
/// no hashing and no return to the connection's cache between one row and the next.
struct SqliteTx<'c> {
    prepared: RefCell<Vec<(Box<str>, rusqlite::Statement<'c>)>>,
    conn: &'c rusqlite::Connection,
    tx: rusqlite::Transaction<'c>,
}

/// A PostgreSQL transaction, its batch of statements not sent yet, and the role it acts as.
struct PgTx<'c> {
    tx: RefCell<postgres::Transaction<'c>>,
    batch: RefCell<Batch>,
    role: Option<String>,
}

impl<'c> Tx<'c> {
    /// A SQLite transaction on `conn`, begun as `behavior` says.
    pub fn sqlite(conn: &'c mut rusqlite::Connection, behavior: rusqlite::TransactionBehavior) -> rusqlite::Result<Tx<'c>> {
        let conn: &'c rusqlite::Connection = conn;
        // The connection is borrowed for the transaction's life, as `transaction_with_behavior`
        // does, and shared with the statements it keeps prepared.
        let tx = rusqlite::Transaction::new_unchecked(conn, behavior)?;
        Ok(Tx { inner: Inner::Sqlite(SqliteTx { prepared: RefCell::new(Vec::new()), conn, tx }) })
    }

    /// A PostgreSQL transaction, acting as the database role `role` (for the journal).
    pub fn postgres(tx: postgres::Transaction<'c>, role: Option<String>) -> Tx<'c> {
        Tx { inner: Inner::Postgres(Box::new(PgTx { tx: RefCell::new(tx), batch: RefCell::new(Batch::default()), role })) }
    }

    /// The database role the changes are made as, for the journal (`None` on SQLite).
    pub fn role(&self) -> Option<&str> {
        match &self.inner {
            Inner::Sqlite(_) => None,
            Inner::Postgres(pg) => pg.role.as_deref(),
        }
    }

    /// Which engine this transaction runs on.
    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// The SQLite transaction, for what only SQLite has (its pragmas).
    pub fn as_sqlite(&self) -> Option<&rusqlite::Transaction<'c>> {
        match &self.inner {
            Inner::Sqlite(s) => Some(&s.tx),
            Inner::Postgres(_) => None,
        }
    }

    /// Sends the statements deferred so far.
    fn flush(&self) -> Result<()> {
        if let Inner::Postgres(pg) = &self.inner {
            let text = pg.batch.borrow_mut().take();
            if !text.is_empty() {
                pg.tx.borrow_mut().batch_execute(&text)?;
            }
        }
        Ok(())
    }

    /// Runs a statement that returns no rows; returns how many rows it changed.
    pub fn exec(&self, sql: &str, params: &[&dyn Param]) -> Result<u64> {
        match &self.inner {
            Inner::Sqlite(s) => {
                let mut prepared = s.prepared.borrow_mut();
                let at = match prepared.iter().position(|(text, _)| **text == *sql) {
                    Some(at) => at,
                    None => {
                        // Kept long: out of SQLite's small per-connection memory, which the
                        // statements' own work then has to itself.
                        let flags = rusqlite::PrepFlags::SQLITE_PREPARE_PERSISTENT;
                        prepared.push((sql.into(), s.conn.prepare_with_flags(sql, flags)?));
                        prepared.len() - 1
                    }
                };
                let stmt = &mut prepared[at].1;
                if stmt.parameter_count() != params.len() {
                    return Err(rusqlite::Error::InvalidParameterCount(params.len(), stmt.parameter_count()).into());
                }
                // Bound one by one, straight from the parameters (no list of values per row).
                for (i, p) in params.iter().enumerate() {
                    stmt.raw_bind_parameter(i + 1, p.value())?;
                }
                Ok(stmt.raw_execute()? as u64)
            }
            Inner::Postgres(pg) => {
                let tx = &pg.tx;
                self.flush()?;
                let (statement, values) = pg_statement(&mut tx.borrow_mut(), sql, params)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = values.iter().map(|v| v as _).collect();
                Ok(tx.borrow_mut().execute(&statement, &refs)?)
            }
        }
    }

    /// Runs a statement whose row count nobody needs: at once on SQLite, in the next batch on
    /// PostgreSQL (so that writing many rows is not one round trip each).
    pub fn defer(&self, sql: &str, params: &[&dyn Param]) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(_) => self.exec(sql, params).map(drop),
            Inner::Postgres(pg) => {
                let full = pg.batch.borrow_mut().push(sql, params, false)?;
                if full { self.flush() } else { Ok(()) }
            }
        }
    }

    /// [`Tx::defer`] for a statement that nothing in the transaction reads or depends on (a
    /// journal row): PostgreSQL receives it after the other statements of its batch, so that
    /// those of one kind follow each other and are sent as one.
    pub fn defer_last(&self, sql: &str, params: &[&dyn Param]) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(_) => self.exec(sql, params).map(drop),
            Inner::Postgres(pg) => {
                let full = pg.batch.borrow_mut().push(sql, params, true)?;
                if full { self.flush() } else { Ok(()) }
            }
        }
    }

    /// Runs a script of statements without parameters.
    pub fn script(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(s) => Ok(s.tx.execute_batch(sql)?),
            Inner::Postgres(pg) => {
                let tx = &pg.tx;
                self.flush()?;
                Ok(tx.borrow_mut().batch_execute(sql)?)
            }
        }
    }

    /// Hands each row of a query to `each`, in order.
    pub fn each(&self, sql: &str, params: &[&dyn Param], mut each: impl FnMut(&Row) -> Result<()>) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(s) => {
                let values: Vec<Value> = params.iter().map(|p| p.value()).collect();
                let mut stmt = s.tx.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
                while let Some(r) = rows.next()? {
                    each(&Row::Sqlite(r))?;
                }
                Ok(())
            }
            Inner::Postgres(pg) => {
                let tx = &pg.tx;
                self.flush()?;
                let (statement, values) = pg_statement(&mut tx.borrow_mut(), sql, params)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = values.iter().map(|v| v as _).collect();
                let rows = tx.borrow_mut().query(&statement, &refs)?;
                for r in &rows {
                    each(&Row::Postgres(r))?;
                }
                Ok(())
            }
        }
    }

    /// Every row of a query, each made into a `T` by `make`.
    pub fn rows<T>(&self, sql: &str, params: &[&dyn Param], mut make: impl FnMut(&Row) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, params, |r| {
            out.push(make(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row of a query made into a `T`, if there is one.
    pub fn first<T>(&self, sql: &str, params: &[&dyn Param], make: impl FnOnce(&Row) -> Result<T>) -> Result<Option<T>> {
        let mut make = Some(make);
        let mut out = None;
        self.each(sql, params, |r| {
            if let Some(make) = make.take() {
                out = Some(make(r)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The one value of a query that always returns one row.
    pub fn value<T: FromCell>(&self, sql: &str, params: &[&dyn Param]) -> Result<T> {
        self.first(sql, params, |r| r.get(0))?.ok_or_else(|| bad_column(0, "no row"))
    }

    /// Commits the transaction.
    pub fn commit(self) -> Result<()> {
        self.flush()?;
        match self.inner {
            Inner::Sqlite(s) => {
                drop(s.prepared);
                Ok(s.tx.commit()?)
            }
            Inner::Postgres(pg) => Ok(pg.tx.into_inner().commit()?),
        }
    }

    /// Ends a transaction that only read.
    pub fn finish(self) -> Result<()> {
        match self.inner {
            Inner::Sqlite(s) => {
                drop(s.prepared);
                Ok(s.tx.finish()?)
            }
            Inner::Postgres(pg) => Ok(pg.tx.into_inner().rollback()?),
        }
    }
}

/// The text of `sql` for `engine`.
impl Sql {
    pub fn text(&self, engine: Engine) -> &'static str {
        match engine {
            Engine::Sqlite => self.sqlite,
            Engine::Postgres => self.postgres,
        }
    }
}

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Self {
        Error::Postgres(super::pg::Problem::from(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered_dollars_outside_quotes() {
        assert_eq!(to_postgres("SELECT ?1, '?2', \"a?\" FROM t WHERE x = ?12"), "SELECT $1, '?2', \"a?\" FROM t WHERE x = $12");
    }

    #[test]
    fn negative_zero_is_stored_as_zero_on_both_engines() {
        assert_eq!((-0.0f64).value(), Value::Real(0.0));
        let Value::Real(x) = (-0.0f64).value() else { panic!() };
        assert!(x.is_sign_positive());
    }

    #[test]
    fn cells_read_as_the_types_the_store_keeps() {
        assert_eq!(Option::<String>::from_cell(Cell::Null), Ok(None));
        assert_eq!(bool::from_cell(Cell::Int(1)), Ok(true));
        assert_eq!(NaiveDate::from_cell(Cell::Text("2030-04-10")), Ok(NaiveDate::from_ymd_opt(2030, 4, 10).unwrap()));
        assert!(NaiveDate::from_cell(Cell::Text("2030-02-30")).is_err());
        for bad in ["2030-4-10", "2030/04/10", "2030-04-1x", "+030-04-10", "2030-04-100"] {
            assert!(NaiveDate::from_cell(Cell::Text(bad)).is_err(), "{bad}");
        }
        let d = NaiveDate::from_ymd_opt(2030, 4, 10).unwrap();
        assert_eq!(d.value(), Value::Text(Cow::Borrowed("2030-04-10")));
        assert_eq!(Status::from_cell(Cell::Text("done")), Ok(Status::Done));
        assert!(Status::from_cell(Cell::Text("finished")).is_err());
    }
}
