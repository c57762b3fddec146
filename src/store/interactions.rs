//! Queries on interactions (meetings, calls, messages…).

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::contacts::{conversion_error, insert_contact, prepare_new_contact};
use super::Store;
use crate::error::Result;
use crate::model::{parse_date, Interaction, InteractionKind, NewContact};
use crate::validate;

/// Whom to log an interaction with: a contact, or one to create.
#[derive(Debug, Clone, PartialEq)]
pub enum LogTarget {
    /// An existing contact's id.
    Existing(i64),
    /// A contact that does not exist yet.
    New(Box<NewContact>),
}

/// What happened, for [`Store::log_with_contacts`].
#[derive(Debug, Clone, PartialEq)]
pub struct LogDetails {
    /// What kind of contact it was.
    pub kind: InteractionKind,
    /// The local date it happened.
    pub date: NaiveDate,
    /// A note about it.
    pub note: String,
    /// The conference or meeting, if any.
    pub event: Option<String>,
}

/// One interaction logged by [`Store::log_with_contacts`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Logged {
    /// The contact.
    pub contact_id: i64,
    /// Its name.
    pub contact_name: String,
    /// The new interaction's id.
    pub interaction_id: i64,
    /// Whether the contact was created by this log.
    pub created: bool,
}

/// A log target once checked.
enum Who {
    Known(i64),
    ToCreate(Box<crate::store::contacts::PreparedContact>),
}

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
        let logged = self.log_with_contacts(
            &[LogTarget::Existing(new.contact_id)],
            &LogDetails {
                kind: new.kind,
                date: new.date,
                note: new.note.clone(),
                event: new.event.clone(),
            },
            today,
        )?;
        Ok(logged.first().map(|l| l.interaction_id).unwrap_or_default())
    }

    /// Logs one interaction with each of several contacts (a conference's worth),
    /// creating the new ones, all in one transaction: all are logged, or none.
    pub fn log_with_contacts(
        &mut self,
        targets: &[LogTarget],
        details: &LogDetails,
        today: NaiveDate,
    ) -> Result<Vec<Logged>> {
        validate::past_date("--date", details.date, today)?;
        let event = validate::line("--event", details.event.as_deref().unwrap_or(""))?;
        let note = validate::note("--note", &details.note)?;
        let mut resolved = Vec::with_capacity(targets.len());
        for target in targets {
            match target {
                LogTarget::Existing(id) => {
                    let name = self.live_contact(*id)?.name;
                    resolved.push((name, Who::Known(*id)));
                }
                LogTarget::New(new) => {
                    self.refuse_duplicates(&new.emails, &new.phones, None)?;
                    let prepared = prepare_new_contact(new)?;
                    resolved.push((prepared.name.clone(), Who::ToCreate(Box::new(prepared))));
                }
            }
        }
        let kind = details.kind;
        let label = match resolved.as_slice() {
            [(name, _)] => format!("Logged {} {kind} with {name}", article(kind)),
            many => format!(
                "Logged {} {kind} with {} contacts{}",
                article(kind),
                many.len(),
                event
                    .as_deref()
                    .map(|e| format!(" ({e})"))
                    .unwrap_or_default()
            ),
        };
        self.write(&label, |tx| {
            let mut logged = Vec::with_capacity(resolved.len());
            for (name, target) in &resolved {
                let (contact_id, created) = match target {
                    Who::Known(id) => (*id, false),
                    Who::ToCreate(prepared) => {
                        let uid = uuid::Uuid::new_v4().to_string();
                        (insert_contact(tx, prepared, &uid, today)?, true)
                    }
                };
                tx.prepare_cached(
                    "INSERT INTO interactions (contact_id, kind, date, note, event_name)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    contact_id,
                    kind.as_str(),
                    details.date.to_string(),
                    note,
                    event
                ])?;
                logged.push(Logged {
                    contact_id,
                    contact_name: name.clone(),
                    interaction_id: tx.last_insert_rowid(),
                    created,
                });
            }
            Ok(logged)
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
