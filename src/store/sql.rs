//! How the campaign's closed sets of values are written to and read from SQLite: as their
//! canonical spelling, which the schema's CHECK constraints also list.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::types::{ChannelKind, Family, Lang, MaterialKind, Order, Status, TableKind};

macro_rules! sql_spelling {
    ($($name:ty),+) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                <$name>::parse(text).ok_or_else(|| FromSqlError::Other(format!("unknown {} '{text}' in the store", <$name>::WHAT).into()))
            }
        }
    )+};
}

sql_spelling!(Status, Family, Order, TableKind, ChannelKind, MaterialKind, Lang);
