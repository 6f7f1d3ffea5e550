//! Copying a whole campaign, journal included, from one store to another (of either engine).

use super::Store;
use super::db::{Tx, args};
use crate::error::Result;
use crate::model::change::Change;

/// One journal row exactly as stored.
struct JournalRow {
    id: i64,
    texts: [Option<String>; 9],
}

/// Copies every item and the journal of `from` into `into`, which holds no campaign: the items in
/// one write (not journaled again: the journal is copied as it is, ids and times included).
/// Returns how many items and journal rows were copied.
pub fn copy(from: &mut Store, into: &mut Store) -> Result<(usize, usize)> {
    let (plan, journal) = from.read(|tx| Ok((super::plan::load(tx)?, journal_rows(tx)?)))?;
    let place = into.path().to_path_buf();
    into.write(|tx| {
        let holds: i64 = tx.value("SELECT (SELECT count(*) FROM campaign) + (SELECT count(*) FROM journal)", args![])?;
        if holds > 0 {
            return Err(crate::error::Error::Fault(super::Fault::Occupied { place }));
        }
        let creates: Vec<Change> = plan.items().map(|item| Change::Create(item.clone())).collect();
        let mut writer = super::plan::Writer::silent(tx);
        for change in &creates {
            writer.write(change)?;
        }
        writer.finish()?;
        for row in &journal {
            let [at, actor, command, kind, key, action, before, after, role] = &row.texts;
            tx.defer(
                "INSERT INTO journal (id, at, actor, command, kind, key, action, before, after, role)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                args![row.id, at, actor, command, kind, key, action, before, after, role],
            )?;
        }
        continue_ids(tx)?;
        Ok((creates.len(), journal.len()))
    })
}

/// Every journal row, by id.
fn journal_rows(tx: &Tx) -> Result<Vec<JournalRow>> {
    tx.rows("SELECT id, at, actor, command, kind, key, action, before, after, role FROM journal ORDER BY id", args![], |r| {
        Ok(JournalRow {
            id: r.get(0)?,
            texts: [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?],
        })
    })
}

/// After rows were written with their ids, makes PostgreSQL number new journal rows after them.
fn continue_ids(tx: &Tx) -> Result<()> {
    if tx.engine() == super::Engine::Postgres {
        tx.first("SELECT setval(pg_get_serial_sequence('journal', 'id'), max(id)) FROM journal HAVING count(*) > 0", args![], |_| Ok(()))?;
    }
    Ok(())
}
