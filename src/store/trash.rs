//! The trash: a deleted contact keeps its whole history (interactions, promises,
//! ping actions) but is not shown, planned, exported or found by name until it
//! is restored. After [`TRASH_DAYS`] days it is removed for good.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::contacts::load_contacts;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{parse_date, Contact};

/// How long a deleted contact stays in the trash before it is removed for good.
pub const TRASH_DAYS: i64 = 30;

/// A contact in the trash.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrashedContact {
    /// The contact as it was.
    #[serde(flatten)]
    pub contact: Contact,
    /// The day it was deleted.
    pub deleted_on: NaiveDate,
    /// The day it will be removed for good.
    pub purge_on: NaiveDate,
    /// How many interactions it holds.
    pub interactions: i64,
    /// How many promises it holds.
    pub promises: i64,
}

impl Store {
    /// Moves a contact, with its history, to the trash.
    pub fn delete_contact(&mut self, id: i64, today: NaiveDate) -> Result<()> {
        let contact = self.live_contact(id)?;
        let label = format!("Deleted {}", contact.name);
        self.write(&label, |tx| {
            tx.execute(
                "UPDATE contacts SET deleted_on = ?2 WHERE id = ?1",
                params![id, today.to_string()],
            )?;
            Ok(())
        })
    }

    /// Brings a contact back from the trash, whole.
    pub fn restore_contact(&mut self, id: i64) -> Result<Contact> {
        let contact = self.contact(id)?;
        if !self.is_trashed(id)? {
            return Err(Error::NotInTrash {
                id,
                name: contact.name,
            });
        }
        let label = format!("Restored {}", contact.name);
        self.write(&label, |tx| {
            tx.execute("UPDATE contacts SET deleted_on = NULL WHERE id = ?1", [id])?;
            Ok(())
        })?;
        self.contact(id)
    }

    /// The contacts in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<TrashedContact>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.deleted_on,
                    (SELECT count(*) FROM interactions i WHERE i.contact_id = c.id),
                    (SELECT count(*) FROM promises p WHERE p.contact_id = c.id)
             FROM contacts c WHERE c.deleted_on IS NOT NULL ORDER BY c.deleted_on DESC, c.id DESC",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, deleted_on, interactions, promises)| {
                let deleted_on = parse_date("deleted_on", &deleted_on)?;
                let contact = load_contacts(&self.conn, Some(id))?
                    .pop()
                    .ok_or_else(|| Error::ContactNotFound(id.to_string()))?;
                Ok(TrashedContact {
                    contact,
                    deleted_on,
                    purge_on: deleted_on + chrono::Duration::days(TRASH_DAYS),
                    interactions,
                    promises,
                })
            })
            .collect()
    }

    /// The day contact `id` went to the trash, `None` if it is not there (an
    /// unknown id is an error).
    pub fn trashed_on(&self, id: i64) -> Result<Option<NaiveDate>> {
        Ok(if self.is_trashed(id)? {
            let stored: String = self.conn.query_row(
                "SELECT deleted_on FROM contacts WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            Some(parse_date("deleted_on", &stored)?)
        } else {
            None
        })
    }

    /// Whether contact `id` is in the trash (an unknown id is an error).
    pub fn is_trashed(&self, id: i64) -> Result<bool> {
        let state: Option<Option<String>> = self
            .conn
            .query_row("SELECT deleted_on FROM contacts WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match state {
            None => Err(Error::ContactNotFound(id.to_string())),
            Some(deleted_on) => Ok(deleted_on.is_some()),
        }
    }

    /// Removes for good the contacts deleted more than [`TRASH_DAYS`] days before
    /// `today`; returns how many. Housekeeping, so `undo` does not see it (the
    /// day's backup, taken before, still holds them).
    pub(crate) fn purge_trash(&mut self, today: NaiveDate) -> Result<usize> {
        let cutoff = (today - chrono::Duration::days(TRASH_DAYS)).to_string();
        self.write_untracked(|tx| {
            Ok(tx.execute(
                "DELETE FROM contacts WHERE deleted_on IS NOT NULL AND deleted_on < ?1",
                [cutoff],
            )?)
        })
    }
}
