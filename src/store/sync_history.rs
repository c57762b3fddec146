//! Sync bookkeeping for interactions and promises (entries of keepwarm's own
//! calendar), and writing what a sync brings in. The same rules as for
//! contacts (see [`super::sync`]): bookkeeping outside the journal, what
//! arrives journaled as one undoable change.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use super::sync::{clear_dirty, encode, mark_dirty, save_conflicts, upsert_item, SyncConflict};
use super::Store;
use crate::error::Result;
use crate::sync::ical::{interaction_fields, promise_fields, Record};
use crate::sync::merge::{Fields, Value};

/// A local interaction or promise as sync sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocalRecord {
    /// Its UID.
    pub uid: String,
    /// Its contact's name (for titles and messages).
    pub contact_name: String,
    /// Its fields (`contact` is the contact's UID).
    pub fields: Fields,
}

/// What a sync does to one local interaction or promise.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RecordWrite {
    /// Nothing to change here; the local row, if there is one.
    Keep(Option<i64>),
    /// Create (`id: None`) or update the row with these fields, for this contact.
    Write {
        /// The row, when it exists.
        id: Option<i64>,
        /// The contact it belongs to here.
        contact_id: i64,
        /// Its fields after the merge.
        fields: Fields,
    },
}

/// A calendar entry from the server, merged, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IncomingRecord {
    /// Interaction or promise.
    pub record: Record,
    /// Its path.
    pub href: String,
    /// Its UID.
    pub uid: String,
    /// Its ETag.
    pub etag: Option<String>,
    /// The server's fields: the new base.
    pub base: Fields,
    /// The server's copy.
    pub original: String,
    /// What happens to the local row.
    pub write: RecordWrite,
    /// The merged row differs from the server's: send it up.
    pub push_after: bool,
}

/// An entry keepwarm keeps on the server without a local row (yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parked {
    /// Its path.
    pub href: String,
    /// Its ETag.
    pub etag: Option<String>,
    /// Its text.
    pub data: String,
}

/// The changes of one pull from keepwarm's calendar.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HistoryPull {
    /// Entries to write.
    pub incoming: Vec<IncomingRecord>,
    /// Items gone from the server: the item's id and the local row to delete.
    pub removed: Vec<(i64, Option<(Record, i64)>)>,
    /// Entries to keep aside.
    pub parked: Vec<Parked>,
    /// Paths no longer parked (placed, or gone from the server).
    pub unparked: Vec<String>,
    /// Conflicts settled.
    pub conflicts: Vec<SyncConflict>,
    /// The calendar's new sync token.
    pub token: Option<String>,
}

fn text<'a>(fields: &'a Fields, name: &str) -> &'a str {
    match fields.get(name) {
        Some(Value::Text(t)) => t.as_str(),
        _ => "",
    }
}

fn optional(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

impl Store {
    /// A local interaction or promise, `None` when there is no such row.
    pub(crate) fn local_record(&self, record: Record, id: i64) -> Result<Option<LocalRecord>> {
        let row = match record {
            Record::Interaction => self
                .conn
                .prepare_cached(
                    "SELECT i.uid, c.uid, c.display_name, i.kind, i.date, i.note, i.event_name
                     FROM interactions i JOIN contacts c ON c.id = i.contact_id WHERE i.id = ?1",
                )?
                .query_row([id], |r| {
                    let date: String = r.get(4)?;
                    let event: Option<String> = r.get(6)?;
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, String>(2)?,
                        date,
                        interaction_fields(
                            &r.get::<_, String>(1)?,
                            &r.get::<_, String>(3)?,
                            NaiveDate::MIN,
                            &r.get::<_, String>(5)?,
                            event.as_deref(),
                        ),
                    ))
                })
                .optional()?
                .map(|(uid, name, date, mut fields)| {
                    fields.insert("date".into(), Value::Text(date));
                    (uid, name, fields)
                }),
            Record::Promise => self
                .conn
                .prepare_cached(
                    "SELECT p.uid, c.uid, c.display_name, p.text, p.due_date, p.done_date, p.created_on
                     FROM promises p JOIN contacts c ON c.id = p.contact_id WHERE p.id = ?1",
                )?
                .query_row([id], |r| {
                    let mut fields = promise_fields(
                        &r.get::<_, String>(1)?,
                        &r.get::<_, String>(3)?,
                        NaiveDate::MIN,
                        None,
                        NaiveDate::MIN,
                    );
                    // Dates are stored as text already in the form fields use.
                    fields.insert("due".into(), Value::Text(r.get(4)?));
                    let done: Option<String> = r.get(5)?;
                    fields.insert("done".into(), Value::Text(done.unwrap_or_default()));
                    fields.insert("created_on".into(), Value::Text(r.get(6)?));
                    Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(2)?, fields))
                })
                .optional()?,
        };
        Ok(row.map(|(uid, contact_name, fields)| LocalRecord {
            uid: uid.unwrap_or_default(),
            contact_name,
            fields,
        }))
    }

    /// Interactions or promises to send: changed since the last sync, or never
    /// sent; with the version of their change mark (0 when unmarked).
    pub(crate) fn records_to_push(&self, record: Record) -> Result<Vec<(i64, i64)>> {
        let sql = match record {
            Record::Interaction => {
                "SELECT entity_id, version FROM sync_dirty WHERE entity = 'interaction'
                 UNION ALL
                 SELECT r.id, 0 FROM interactions r
                   WHERE NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.entity = 'interaction' AND i.entity_id = r.id)
                   AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.entity = 'interaction' AND d.entity_id = r.id)
                 ORDER BY 1"
            }
            Record::Promise => {
                "SELECT entity_id, version FROM sync_dirty WHERE entity = 'promise'
                 UNION ALL
                 SELECT r.id, 0 FROM promises r
                   WHERE NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.entity = 'promise' AND i.entity_id = r.id)
                   AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.entity = 'promise' AND d.entity_id = r.id)
                 ORDER BY 1"
            }
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When a row last changed here (UTC), if it changed since the last sync.
    pub(crate) fn changed_at(&self, entity: &str, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT changed_at FROM sync_dirty WHERE entity = ?1 AND entity_id = ?2",
            )?
            .query_row(params![entity, id], |r| r.get(0))
            .optional()?)
    }

    /// An interaction's or promise's id by UID.
    pub(crate) fn record_id_by_uid(&self, record: Record, uid: &str) -> Result<Option<i64>> {
        let sql = match record {
            Record::Interaction => "SELECT id FROM interactions WHERE uid = ?1",
            Record::Promise => "SELECT id FROM promises WHERE uid = ?1",
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([uid], |r| r.get(0))
            .optional()?)
    }

    /// The local contact a vCard UID stands for: the contact itself (live or in
    /// the trash), or the one it was merged into.
    pub(crate) fn contact_for_uid(&self, uid: &str) -> Result<Option<(i64, String)>> {
        let direct = self
            .conn
            .prepare_cached("SELECT id, uid FROM contacts WHERE uid = ?1")?
            .query_row([uid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if direct.is_some() {
            return Ok(direct);
        }
        Ok(match self.contact_merged_into(uid)? {
            Some(id) => self
                .conn
                .prepare_cached("SELECT id, uid FROM contacts WHERE id = ?1")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            None => None,
        })
    }

    /// Whether a row changed here since the last sync.
    pub(crate) fn entity_dirty(&self, entity: &str, id: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM sync_dirty WHERE entity = ?1 AND entity_id = ?2)",
            )?
            .query_row(params![entity, id], |r| r.get(0))?)
    }

    /// The entries of a collection kept aside, by path.
    pub(crate) fn parked(&self, collection: &str) -> Result<Vec<Parked>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT href, etag, data FROM sync_parked WHERE collection = ?1 ORDER BY href",
        )?;
        let rows = stmt.query_map([collection], |r| {
            Ok(Parked {
                href: r.get(0)?,
                etag: r.get(1)?,
                data: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes what a pull brought from keepwarm's calendar, in one transaction:
    /// the interactions and promises (journaled under `label`, undoable), the
    /// items, the removals, the entries kept aside, the conflicts and the new
    /// token. All of it or none.
    pub(crate) fn apply_incoming_records(
        &mut self,
        label: &str,
        collection: &str,
        pull: &HistoryPull,
    ) -> Result<()> {
        let today = self.today();
        self.write(label, |tx| {
            tx.execute("UPDATE sync_control SET tracking = 2", [])?;
            for incoming in &pull.incoming {
                let entity = incoming.record.entity();
                let id = match &incoming.write {
                    RecordWrite::Keep(id) => *id,
                    RecordWrite::Write {
                        id,
                        contact_id,
                        fields,
                    } => Some(write_record(
                        tx,
                        incoming.record,
                        *id,
                        &incoming.uid,
                        *contact_id,
                        fields,
                        today,
                    )?),
                };
                tx.execute(
                    "DELETE FROM sync_items WHERE collection = ?1 AND uid = ?2 AND href != ?3",
                    params![collection, incoming.uid, incoming.href],
                )?;
                upsert_item(
                    tx,
                    collection,
                    &incoming.href,
                    &incoming.uid,
                    entity,
                    id,
                    incoming.etag.as_deref(),
                    &encode(&incoming.base)?,
                    Some(&incoming.original),
                )?;
                if let Some(id) = id {
                    if incoming.push_after {
                        mark_dirty(tx, entity, id)?;
                    } else if !matches!(incoming.write, RecordWrite::Keep(_)) {
                        tx.execute(
                            "DELETE FROM sync_dirty WHERE entity = ?1 AND entity_id = ?2",
                            params![entity, id],
                        )?;
                    }
                }
            }
            for (item_id, row) in &pull.removed {
                if let Some((record, id)) = row {
                    let sql = match record {
                        Record::Interaction => "DELETE FROM interactions WHERE id = ?1",
                        Record::Promise => "DELETE FROM promises WHERE id = ?1",
                    };
                    tx.execute(sql, [id])?;
                    tx.execute(
                        "DELETE FROM sync_dirty WHERE entity = ?1 AND entity_id = ?2",
                        params![record.entity(), id],
                    )?;
                }
                tx.execute("DELETE FROM sync_items WHERE id = ?1", [item_id])?;
            }
            for href in &pull.unparked {
                tx.execute(
                    "DELETE FROM sync_parked WHERE collection = ?1 AND href = ?2",
                    params![collection, href],
                )?;
            }
            for parked in &pull.parked {
                tx.execute(
                    "INSERT INTO sync_parked (collection, href, etag, data) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (collection, href) DO UPDATE SET etag = excluded.etag, data = excluded.data",
                    params![collection, parked.href, parked.etag, parked.data],
                )?;
            }
            save_conflicts(tx, &pull.conflicts)?;
            if let Some(token) = &pull.token {
                tx.execute(
                    "INSERT INTO sync_collections (url, sync_token) VALUES (?1, ?2)
                     ON CONFLICT (url) DO UPDATE SET sync_token = excluded.sync_token",
                    params![collection, token],
                )?;
            }
            tx.execute("UPDATE sync_control SET tracking = 1", [])?;
            Ok(())
        })
    }

    /// Clears a change mark when nothing changed since `version` (see
    /// [`Store::clear_sync_mark`]); for callers holding a record kind.
    pub(crate) fn clear_record_mark(
        &mut self,
        record: Record,
        id: i64,
        version: i64,
    ) -> Result<()> {
        self.write_untracked(|tx| clear_dirty(tx, record.entity(), id, version))
    }
}

/// Creates or updates an interaction or promise from synced fields; returns its id.
fn write_record(
    tx: &Transaction<'_>,
    record: Record,
    id: Option<i64>,
    uid: &str,
    contact_id: i64,
    fields: &Fields,
    today: NaiveDate,
) -> Result<i64> {
    match record {
        Record::Interaction => upsert(
            tx,
            id,
            "INSERT INTO interactions (contact_id, kind, date, note, event_name, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            "UPDATE interactions SET contact_id = ?1, kind = ?2, date = ?3, note = ?4,
                 event_name = ?5, uid = ?6 WHERE id = ?7",
            params![
                contact_id,
                text(fields, "kind"),
                text(fields, "date"),
                text(fields, "note"),
                optional(text(fields, "event")),
                uid,
            ],
        ),
        Record::Promise => {
            let created = optional(text(fields, "created_on"))
                .map(str::to_owned)
                .unwrap_or_else(|| today.to_string());
            upsert(
                tx,
                id,
                "INSERT INTO promises (contact_id, text, due_date, done_date, created_on, uid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                "UPDATE promises SET contact_id = ?1, text = ?2, due_date = ?3, done_date = ?4,
                     created_on = ?5, uid = ?6 WHERE id = ?7",
                params![
                    contact_id,
                    text(fields, "text"),
                    text(fields, "due"),
                    optional(text(fields, "done")),
                    created,
                    uid,
                ],
            )
        }
    }
}

/// Inserts a row with `values`, or updates row `id` with them (the update
/// statement takes the id after the values); returns the row's id.
fn upsert(
    tx: &Transaction<'_>,
    id: Option<i64>,
    insert: &str,
    update: &str,
    values: &[&dyn rusqlite::ToSql],
) -> Result<i64> {
    match id {
        None => {
            tx.prepare_cached(insert)?.execute(values)?;
            Ok(tx.last_insert_rowid())
        }
        Some(id) => {
            let mut with_id = values.to_vec();
            with_id.push(&id);
            tx.prepare_cached(update)?.execute(with_id.as_slice())?;
            Ok(id)
        }
    }
}
