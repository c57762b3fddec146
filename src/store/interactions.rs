//! Queries on interactions (meetings, calls, messages…).

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::contacts::conversion_error;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{parse_date, Interaction, InteractionKind};
use crate::validate;

/// An interaction to be logged.
#[derive(Debug, Clone, PartialEq)]
pub struct NewInteraction {
    /// The contact it was with.
    pub contact_id: i64,
    /// What kind of contact it was.
    pub kind: InteractionKind,
    /// The local date it happened.
    pub date: NaiveDate,
    /// A note about it.
    pub note: String,
    /// The conference or meeting, if any.
    pub event: Option<String>,
}

impl Store {
    /// Logs an interaction; it may be back-dated but not dated after `today`.
    pub fn log_interaction(&mut self, new: &NewInteraction, today: NaiveDate) -> Result<i64> {
        validate::past_date("--date", new.date, today)?;
        let event = validate::line("--event", new.event.as_deref().unwrap_or(""))?;
        let note = validate::note("--note", &new.note)?;
        let name = self.contact(new.contact_id)?.name;
        let label = format!("Logged {} {} with {name}", article(new.kind), new.kind);
        self.write(&label, |tx| {
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM contacts WHERE id = ?1", [new.contact_id], |r| r.get(0))
                .optional()?;
            if exists.is_none() {
                return Err(Error::ContactNotFound(new.contact_id.to_string()));
            }
            tx.prepare_cached(
                "INSERT INTO interactions (contact_id, kind, date, note, event_name) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                new.contact_id,
                new.kind.as_str(),
                new.date.to_string(),
                note,
                event
            ])?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// A contact's interactions, most recent first.
    pub fn interactions_of(&self, contact_id: i64) -> Result<Vec<Interaction>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, contact_id, kind, date, note, event_name FROM interactions
             WHERE contact_id = ?1 ORDER BY date DESC, id DESC",
        )?;
        let rows = stmt.query_map([contact_id], |row| {
            let kind: String = row.get(2)?;
            let date: String = row.get(3)?;
            Ok(Interaction {
                id: row.get(0)?,
                contact_id: row.get(1)?,
                kind: kind.parse().map_err(|e| conversion_error(2, e))?,
                date: parse_date("date", &date).map_err(|e| conversion_error(3, e))?,
                note: row.get(4)?,
                event: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many interactions are logged in all.
    pub fn interaction_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM interactions", [], |r| r.get(0))?)
    }
}

/// "a" or "an" before a kind's name, for labels ("an email", "a call").
pub(crate) fn article(kind: InteractionKind) -> &'static str {
    match kind {
        InteractionKind::Email | InteractionKind::Event => "an",
        _ => "a",
    }
}
