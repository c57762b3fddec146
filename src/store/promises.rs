//! Queries on promises (commitments made to contacts).

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::contacts::conversion_error;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{parse_date, Promise};
use crate::validate;

impl Store {
    /// Records a promise to a contact, due on `due`; returns its id.
    pub fn add_promise(
        &mut self,
        contact_id: i64,
        text: &str,
        due: NaiveDate,
        today: NaiveDate,
    ) -> Result<i64> {
        let text = validate::note("promise text", text)?;
        validate::any_date("--due", due)?;
        if text.is_empty() {
            return Err(Error::invalid(
                "promise text",
                &text,
                "say what was promised",
            ));
        }
        let name = self.contact(contact_id)?.name;
        let label = format!("Promised {name}: {text}");
        let text = text.as_str();
        self.write(&label, |tx| {
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM contacts WHERE id = ?1", [contact_id], |r| r.get(0))
                .optional()?;
            if exists.is_none() {
                return Err(Error::ContactNotFound(contact_id.to_string()));
            }
            tx.execute(
                "INSERT INTO promises (contact_id, text, due_date, created_on) VALUES (?1, ?2, ?3, ?4)",
                params![contact_id, text, due.to_string(), today.to_string()],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Marks a promise kept on `on`. Keeping it again keeps the first date.
    pub fn complete_promise(&mut self, id: i64, on: NaiveDate) -> Result<()> {
        let label = format!("Kept promise {id}");
        self.write(&label, |tx| {
            let changed = tx.execute(
                "UPDATE promises SET done_date = coalesce(done_date, ?2) WHERE id = ?1",
                params![id, on.to_string()],
            )?;
            if changed == 0 {
                return Err(Error::PromiseNotFound(id));
            }
            Ok(())
        })
    }

    /// Every promise, by due date.
    pub fn promises(&self) -> Result<Vec<Promise>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, contact_id, text, due_date, done_date FROM promises ORDER BY due_date, id",
        )?;
        let rows = stmt.query_map([], |row| {
            let due: String = row.get(3)?;
            let done: Option<String> = row.get(4)?;
            Ok(Promise {
                id: row.get(0)?,
                contact_id: row.get(1)?,
                text: row.get(2)?,
                due: parse_date("due_date", &due).map_err(|e| conversion_error(3, e))?,
                done_on: done
                    .map(|d| parse_date("done_date", &d))
                    .transpose()
                    .map_err(|e| conversion_error(4, e))?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
