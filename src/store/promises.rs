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
        self.load_promises(None)
    }

    /// The promises made to one contact, by due date.
    pub fn promises_of(&self, contact_id: i64) -> Result<Vec<Promise>> {
        self.load_promises(Some(contact_id))
    }

    fn load_promises(&self, contact_id: Option<i64>) -> Result<Vec<Promise>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, contact_id, text, due_date, done_date FROM promises
             WHERE ?1 IS NULL OR contact_id = ?1 ORDER BY due_date, id",
        )?;
        let rows = stmt.query_map([contact_id], |row| {
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

/// A promise with whom it was made to, as `promise list` shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PromiseItem {
    /// The promise's id.
    pub id: i64,
    /// Whom it was made to.
    pub contact_id: i64,
    /// Their name.
    pub contact_name: String,
    /// What was promised.
    pub text: String,
    /// When it is due.
    pub due: NaiveDate,
    /// When it was kept, if it was.
    pub done_on: Option<NaiveDate>,
    /// Days past due (0 when not yet due or kept).
    pub overdue_days: i64,
}

impl Store {
    /// Promises to live contacts by due date: the open ones, or all with `all`.
    pub fn promise_list(&self, all: bool, today: NaiveDate) -> Result<Vec<PromiseItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.contact_id, c.display_name, p.text, p.due_date, p.done_date
             FROM promises p JOIN contacts c ON c.id = p.contact_id
             WHERE c.deleted_on IS NULL AND (?1 OR p.done_date IS NULL)
             ORDER BY p.due_date, p.id",
        )?;
        let rows = stmt.query_map([all], |row| {
            let due: String = row.get(4)?;
            let done: Option<String> = row.get(5)?;
            let due = parse_date("due_date", &due).map_err(|e| conversion_error(4, e))?;
            let done_on = done
                .map(|d| parse_date("done_date", &d))
                .transpose()
                .map_err(|e| conversion_error(5, e))?;
            Ok(PromiseItem {
                id: row.get(0)?,
                contact_id: row.get(1)?,
                contact_name: row.get(2)?,
                text: row.get(3)?,
                due,
                overdue_days: if done_on.is_none() && due < today {
                    (today - due).num_days()
                } else {
                    0
                },
                done_on,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
