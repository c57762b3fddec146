//! Sync bookkeeping: the account, sync tokens, what the server holds, what
//! changed here since, and writing what a sync brings in.
//!
//! Bookkeeping is written outside the journal (`undo` never touches it). What a
//! sync brings from the server is a change of the user's data like any other:
//! it is journaled under one label ("Synced from the server: …"), so `undo`
//! can take it back — and the next sync then sends the older values back up,
//! as the newest edit.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::contacts::{insert_contact, phone_digits, prepare_new_contact};
use super::Store;
use crate::error::{Error, Result};
use crate::model::NewContact;
use crate::sync::merge::{Fields, Times, Value};

/// The account a database syncs with (never its password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncAccount {
    /// The URL the user gave.
    pub server_url: String,
    /// The user name.
    pub username: String,
    /// The principal discovery found.
    pub principal_url: String,
    /// The address book contacts sync with.
    pub addressbook_url: String,
    /// keepwarm's own calendar (interactions as VJOURNAL, promises as VTODO).
    pub calendar_url: Option<String>,
    /// The calendar that receives the ping plan, one way.
    pub plan_calendar_url: Option<String>,
    /// How many days of the plan go to the plan calendar.
    pub plan_days: u32,
    /// When it was set up (UTC).
    pub set_up_at: String,
    /// When the last sync finished (UTC), if one did.
    pub last_sync_at: Option<String>,
    /// The last sync's report (JSON).
    pub last_report: Option<String>,
}

/// An object the server holds, as keepwarm last agreed on it.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncItem {
    /// Row id.
    pub id: i64,
    /// Its collection's URL.
    pub collection: String,
    /// Its path on the server.
    pub href: String,
    /// Its UID.
    pub uid: String,
    /// The local row (`None`: deleted here, to be deleted there).
    pub entity_id: Option<i64>,
    /// Its ETag when known.
    pub etag: Option<String>,
    /// Its fields as last agreed.
    pub base: Fields,
    /// The server's copy as last read or written.
    pub original: Option<String>,
    /// What it stands for: `contact`, `interaction`, `promise` or `ping`.
    pub entity: String,
}

/// What a sync does to one local contact.
#[derive(Debug, Clone, PartialEq)]
pub enum ContactWrite {
    /// Nothing to change here; the local contact, if there is one.
    Keep(Option<i64>),
    /// Create (`id: None`) or update the contact with these fields; `times`
    /// are the change times of the fields taken from the server.
    Write {
        /// The contact, when it exists.
        id: Option<i64>,
        /// Its fields after the merge.
        fields: Fields,
        /// When each field taken from the server was written there.
        times: Times,
    },
    /// Move the contact to the trash (deleted on the server).
    Trash(i64),
}

/// An object from the server, merged, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingCard {
    /// Its path.
    pub href: String,
    /// Its UID.
    pub uid: String,
    /// Its ETag.
    pub etag: Option<String>,
    /// The server's fields: the new base.
    pub base: Fields,
    /// The server's copy.
    pub original: Option<String>,
    /// What happens to the local contact.
    pub write: ContactWrite,
    /// The merged contact differs from the server's: send it up.
    pub push_after: bool,
}

/// A conflict to keep for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncConflict {
    /// When it was settled (UTC).
    pub synced_at: String,
    /// Which record ("Ada Lovelace").
    pub record: String,
    /// The field.
    pub field: String,
    /// The value kept.
    pub kept: String,
    /// The value dropped.
    pub dropped: String,
    /// `local` or `remote`.
    pub winner: String,
}

/// How many conflicts `sync status` keeps.
const CONFLICTS_KEPT: i64 = 200;

impl Store {
    /// The sync account, if sync is set up.
    pub fn sync_account(&self) -> Result<Option<SyncAccount>> {
        Ok(self
            .conn
            .query_row(
                "SELECT server_url, username, principal_url, addressbook_url, calendar_url,
                        plan_calendar_url, plan_days, set_up_at, last_sync_at, last_report
                 FROM sync_account WHERE id = 1",
                [],
                |r| {
                    Ok(SyncAccount {
                        server_url: r.get(0)?,
                        username: r.get(1)?,
                        principal_url: r.get(2)?,
                        addressbook_url: r.get(3)?,
                        calendar_url: r.get(4)?,
                        plan_calendar_url: r.get(5)?,
                        plan_days: r.get(6)?,
                        set_up_at: r.get(7)?,
                        last_sync_at: r.get(8)?,
                        last_report: r.get(9)?,
                    })
                },
            )
            .optional()?)
    }

    /// Sets up (or changes) the sync account and starts recording local changes.
    /// Choosing another server or address book forgets what was agreed with
    /// the old one, and another calendar what was agreed with that calendar,
    /// so the next sync starts afresh there (merging, never duplicating).
    pub fn set_sync_account(&mut self, account: &SyncAccount) -> Result<()> {
        self.write_untracked(|tx| {
            let old: Option<(String, String, Option<String>, Option<String>)> = tx
                .query_row(
                    "SELECT server_url, addressbook_url, calendar_url, plan_calendar_url FROM sync_account",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            match &old {
                Some((server, book, calendar, plan))
                    if *server == account.server_url && *book == account.addressbook_url =>
                {
                    // Same account: forget only the calendars that changed.
                    for (before, now) in [
                        (calendar, &account.calendar_url),
                        (plan, &account.plan_calendar_url),
                    ] {
                        if let Some(before) = before.as_ref().filter(|b| Some(*b) != now.as_ref()) {
                            for table in ["sync_items", "sync_parked"] {
                                // Table names come from the fixed list above.
                                tx.execute(
                                    &format!("DELETE FROM {table} WHERE collection = ?1"),
                                    [before],
                                )?;
                            }
                            tx.execute("DELETE FROM sync_collections WHERE url = ?1", [before])?;
                        }
                    }
                }
                _ => tx.execute_batch(
                    "DELETE FROM sync_items; DELETE FROM sync_collections; DELETE FROM sync_dirty;
                     DELETE FROM sync_parked; DELETE FROM sync_merged_uids;",
                )?,
            }
            tx.execute(
                "INSERT INTO sync_account (id, server_url, username, principal_url, addressbook_url,
                     calendar_url, plan_calendar_url, plan_days, set_up_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url,
                     username = excluded.username, principal_url = excluded.principal_url,
                     addressbook_url = excluded.addressbook_url, calendar_url = excluded.calendar_url,
                     plan_calendar_url = excluded.plan_calendar_url, plan_days = excluded.plan_days",
                params![
                    account.server_url,
                    account.username,
                    account.principal_url,
                    account.addressbook_url,
                    account.calendar_url,
                    account.plan_calendar_url,
                    account.plan_days,
                    account.set_up_at,
                ],
            )?;
            tx.execute("UPDATE sync_control SET tracking = 1", [])?;
            Ok(())
        })
    }

    /// Records the end of a successful sync and its report (and forgets
    /// earlier failures).
    pub fn record_sync_run(&mut self, finished_at: &str, report_json: &str) -> Result<()> {
        self.write_untracked(|tx| {
            tx.execute(
                "UPDATE sync_account SET last_sync_at = ?1, last_report = ?2,
                     last_error = NULL, failures = 0",
                params![finished_at, report_json],
            )?;
            Ok(())
        })
    }

    /// How many local changes wait to be sent: changed or new contacts,
    /// interactions and promises, and deletions.
    pub fn sync_pending(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM sync_dirty)
                  + (SELECT count(*) FROM sync_items WHERE entity_id IS NULL AND entity != 'ping')
                  + (SELECT count(*) FROM contacts c WHERE deleted_on IS NULL
                       AND NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.entity = 'contact' AND i.entity_id = c.id)
                       AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.entity = 'contact' AND d.entity_id = c.id))
                  + (SELECT count(*) FROM interactions r WHERE (SELECT calendar_url FROM sync_account) IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.entity = 'interaction' AND i.entity_id = r.id)
                       AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.entity = 'interaction' AND d.entity_id = r.id))
                  + (SELECT count(*) FROM promises r WHERE (SELECT calendar_url FROM sync_account) IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.entity = 'promise' AND i.entity_id = r.id)
                       AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.entity = 'promise' AND d.entity_id = r.id))",
            [],
            |r| r.get(0),
        )?)
    }

    /// The conflicts recent syncs settled, newest first.
    pub fn sync_conflicts(&self, limit: usize) -> Result<Vec<SyncConflict>> {
        let mut stmt = self.conn.prepare(
            "SELECT synced_at, record, field, kept, dropped, winner FROM sync_conflicts
             ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(SyncConflict {
                synced_at: r.get(0)?,
                record: r.get(1)?,
                field: r.get(2)?,
                kept: r.get(3)?,
                dropped: r.get(4)?,
                winner: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A collection's sync token.
    pub(crate) fn sync_token(&self, collection: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT sync_token FROM sync_collections WHERE url = ?1",
                [collection],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Forgets a collection's token (the server no longer knows it).
    pub(crate) fn forget_sync_token(&mut self, collection: &str) -> Result<()> {
        self.write_untracked(|tx| {
            tx.execute("DELETE FROM sync_collections WHERE url = ?1", [collection])?;
            Ok(())
        })
    }

    /// The item at `href` in `collection`.
    pub(crate) fn sync_item_at(&self, collection: &str, href: &str) -> Result<Option<SyncItem>> {
        self.sync_item_where("collection = ?1 AND href = ?2", params![collection, href])
    }

    /// The item with `uid` in `collection`.
    pub(crate) fn sync_item_with_uid(
        &self,
        collection: &str,
        uid: &str,
    ) -> Result<Option<SyncItem>> {
        self.sync_item_where("collection = ?1 AND uid = ?2", params![collection, uid])
    }

    /// The item of a local row.
    pub(crate) fn sync_item_of(&self, entity: &str, id: i64) -> Result<Option<SyncItem>> {
        self.sync_item_where("entity = ?1 AND entity_id = ?2", params![entity, id])
    }

    fn sync_item_where(
        &self,
        condition: &str,
        values: impl rusqlite::Params,
    ) -> Result<Option<SyncItem>> {
        let sql = format!(
            "SELECT id, collection, href, uid, entity_id, etag, base, original, entity FROM sync_items WHERE {condition}"
        );
        let row = self
            .conn
            .prepare_cached(&sql)?
            .query_row(values, item_from_row)
            .optional()?;
        row.transpose()
    }

    /// The ETag of every item of a collection, by path (the ETag fallback).
    pub(crate) fn sync_etags(&self, collection: &str) -> Result<HashMap<String, Option<String>>> {
        let mut stmt = self
            .conn
            .prepare("SELECT href, etag FROM sync_items WHERE collection = ?1")?;
        let rows = stmt.query_map([collection], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Items whose local row was deleted: to be deleted on the server.
    pub(crate) fn sync_tombstones(&self, collection: &str) -> Result<Vec<SyncItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, collection, href, uid, entity_id, etag, base, original, entity FROM sync_items
             WHERE collection = ?1 AND entity_id IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([collection], item_from_row)?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .collect()
    }

    /// Contacts to send: changed since the last sync, or never sent; with the
    /// version of their change mark (0 when unmarked).
    pub(crate) fn contacts_to_push(&self) -> Result<Vec<(i64, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT entity_id, version FROM sync_dirty WHERE entity = 'contact'
             UNION ALL
             SELECT c.id, 0 FROM contacts c WHERE c.deleted_on IS NULL
               AND NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.entity = 'contact' AND i.entity_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.entity = 'contact' AND d.entity_id = c.id)
             ORDER BY 1",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether a contact is in the trash (`None`: no such contact).
    pub(crate) fn contact_trashed(&self, id: i64) -> Result<Option<bool>> {
        Ok(self
            .conn
            .query_row(
                "SELECT deleted_on IS NOT NULL FROM contacts WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A contact's id by UID, live or in the trash.
    pub(crate) fn contact_id_by_uid(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM contacts WHERE uid = ?1", [uid], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Whether a contact changed here since the last sync.
    pub(crate) fn contact_dirty(&self, id: i64) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sync_dirty WHERE entity = 'contact' AND entity_id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    /// When each field of a contact last changed here.
    pub(crate) fn contact_field_times(&self, id: i64) -> Result<Times> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT field, changed_at FROM sync_field_times WHERE contact_id = ?1",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records an object sent to (or confirmed on) the server, and clears the
    /// local change mark unless the row changed again meanwhile.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn record_pushed(
        &mut self,
        collection: &str,
        entity: &str,
        entity_id: i64,
        href: &str,
        uid: &str,
        etag: Option<&str>,
        base: &Fields,
        original: Option<&str>,
        version: i64,
    ) -> Result<()> {
        let base = encode(base)?;
        self.write_untracked(|tx| {
            upsert_item(
                tx,
                collection,
                href,
                uid,
                entity,
                Some(entity_id),
                etag,
                &base,
                original,
            )?;
            clear_dirty(tx, entity, entity_id, version)?;
            Ok(())
        })
    }

    /// Clears a local change mark that turned out to need nothing sent.
    pub(crate) fn clear_sync_mark(&mut self, entity: &str, id: i64, version: i64) -> Result<()> {
        self.write_untracked(|tx| clear_dirty(tx, entity, id, version))
    }

    /// Forgets an item (deleted on the server, or no longer synced).
    pub(crate) fn forget_sync_item(&mut self, id: i64) -> Result<()> {
        self.write_untracked(|tx| {
            tx.execute("DELETE FROM sync_items WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The UIDs of synced contacts merged into contact `id` (sorted).
    pub(crate) fn contact_merged_uids(&self, id: i64) -> Result<Vec<String>> {
        merged_uids(&self.conn, id)
    }

    /// The contact a UID was merged into, if it was.
    pub(crate) fn contact_merged_into(&self, uid: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT m.contact_id FROM sync_merged_uids m JOIN contacts c ON c.id = m.contact_id
                 WHERE m.uid = ?1 ORDER BY c.deleted_on IS NOT NULL, m.contact_id LIMIT 1",
                [uid],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Merges another machine made that this one has not: (KEEP, OTHER, whether
    /// OTHER changed here since the last sync), both live here.
    pub(crate) fn merges_to_apply(&self) -> Result<Vec<(i64, i64, bool)>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.contact_id, c.id,
                    EXISTS (SELECT 1 FROM sync_dirty d WHERE d.entity = 'contact' AND d.entity_id = c.id)
             FROM sync_merged_uids m
             JOIN contacts c ON c.uid = m.uid AND c.id != m.contact_id AND c.deleted_on IS NULL
             JOIN contacts k ON k.id = m.contact_id AND k.deleted_on IS NULL
             ORDER BY m.contact_id, c.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Folds contact `other` into `keep` as a merge made on another machine:
    /// `keep` already holds the merged fields (they came with its card), so only
    /// the history moves and `other` leaves a redirect, as after a merge here.
    /// Journaled (undoable); nothing is marked to be sent, since the server
    /// already has the result.
    pub(crate) fn absorb_merged(&mut self, keep: i64, other: i64) -> Result<()> {
        let keep_name = self.contact(keep)?.name;
        let other_name = self.contact(other)?.name;
        let label =
            format!("Merged {other_name} (#{other}) into {keep_name} (#{keep}) on another machine");
        self.write(&label, |tx| {
            tx.execute("UPDATE sync_control SET tracking = 2", [])?;
            super::merge::fold_into(tx, keep, other)?;
            tx.execute(
                "INSERT OR IGNORE INTO sync_merged_uids (contact_id, uid)
                 SELECT ?1, uid FROM sync_merged_uids WHERE contact_id = ?2",
                params![keep, other],
            )?;
            tx.execute(
                "DELETE FROM sync_merged_uids WHERE contact_id = ?1",
                [other],
            )?;
            // Its card is gone from the server (or goes with the next pull).
            tx.execute(
                "DELETE FROM sync_items WHERE entity = 'contact' AND entity_id = ?1",
                [other],
            )?;
            tx.execute(
                "DELETE FROM sync_dirty WHERE entity = 'contact' AND entity_id = ?1",
                [other],
            )?;
            tx.execute(
                "DELETE FROM sync_field_times WHERE contact_id = ?1",
                [other],
            )?;
            tx.execute("UPDATE sync_control SET tracking = 1", [])?;
            Ok(())
        })
    }

    /// Writes what a pull brought from an address book, in one transaction:
    /// the contacts (journaled under `label`, undoable), the items, the
    /// removals, the conflicts and the new token. All of it or none.
    pub(crate) fn apply_incoming_cards(
        &mut self,
        label: &str,
        collection: &str,
        incoming: &[IncomingCard],
        removed: &[(i64, Option<i64>)],
        conflicts: &[SyncConflict],
        token: Option<&str>,
    ) -> Result<()> {
        let today = self.today();
        self.write(label, |tx| {
            tx.execute("UPDATE sync_control SET tracking = 2", [])?;
            for card in incoming {
                let base = encode(&card.base)?;
                let id = match &card.write {
                    ContactWrite::Keep(id) => *id,
                    ContactWrite::Write { id, fields, times } => {
                        let id = write_contact(tx, *id, &card.uid, fields, today)?;
                        stamp_fields(tx, id, times)?;
                        Some(id)
                    }
                    ContactWrite::Trash(id) => {
                        trash(tx, *id, today)?;
                        Some(*id)
                    }
                };
                // The same object may have moved to another path: one row per UID.
                tx.execute(
                    "DELETE FROM sync_items WHERE collection = ?1 AND uid = ?2 AND href != ?3",
                    params![collection, card.uid, card.href],
                )?;
                upsert_item(
                    tx,
                    collection,
                    &card.href,
                    &card.uid,
                    "contact",
                    id,
                    card.etag.as_deref(),
                    &base,
                    card.original.as_deref(),
                )?;
                if let Some(id) = id {
                    if card.push_after {
                        mark_dirty(tx, "contact", id)?;
                    } else if !matches!(card.write, ContactWrite::Keep(_)) {
                        tx.execute(
                            "DELETE FROM sync_dirty WHERE entity = 'contact' AND entity_id = ?1",
                            [id],
                        )?;
                    }
                }
            }
            for (item_id, trash_id) in removed {
                if let Some(id) = trash_id {
                    trash(tx, *id, today)?;
                    tx.execute(
                        "DELETE FROM sync_dirty WHERE entity = 'contact' AND entity_id = ?1",
                        [id],
                    )?;
                }
                tx.execute("DELETE FROM sync_items WHERE id = ?1", [item_id])?;
            }
            save_conflicts(tx, conflicts)?;
            if let Some(token) = token {
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
}

pub(super) fn save_conflicts(tx: &Transaction<'_>, conflicts: &[SyncConflict]) -> Result<()> {
    for c in conflicts {
        tx.execute(
            "INSERT INTO sync_conflicts (synced_at, record, field, kept, dropped, winner)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![c.synced_at, c.record, c.field, c.kept, c.dropped, c.winner],
        )?;
    }
    if !conflicts.is_empty() {
        tx.execute(
            "DELETE FROM sync_conflicts WHERE id <= (SELECT max(id) FROM sync_conflicts) - ?1",
            [CONFLICTS_KEPT],
        )?;
    }
    Ok(())
}

pub(super) fn item_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<SyncItem>> {
    let base: String = r.get(6)?;
    let item = decode(&base).map(|base| SyncItem {
        id: r.get(0).unwrap_or_default(),
        collection: r.get(1).unwrap_or_default(),
        href: r.get(2).unwrap_or_default(),
        uid: r.get(3).unwrap_or_default(),
        entity_id: r.get(4).unwrap_or_default(),
        etag: r.get(5).unwrap_or_default(),
        base,
        original: r.get(7).unwrap_or_default(),
        entity: r.get(8).unwrap_or_default(),
    });
    Ok(item)
}

pub(super) fn encode(fields: &Fields) -> Result<String> {
    serde_json::to_string(fields).map_err(|e| Error::invalid("sync base", "", e.to_string()))
}

pub(super) fn decode(text: &str) -> Result<Fields> {
    serde_json::from_str(text).map_err(|e| Error::invalid("sync base", text, e.to_string()))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn upsert_item(
    tx: &Transaction<'_>,
    collection: &str,
    href: &str,
    uid: &str,
    entity: &str,
    entity_id: Option<i64>,
    etag: Option<&str>,
    base: &str,
    original: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_items (collection, href, uid, entity, entity_id, etag, base, original)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (collection, href) DO UPDATE SET uid = excluded.uid, entity = excluded.entity,
             entity_id = excluded.entity_id, deleted_id = NULL, etag = excluded.etag,
             base = excluded.base, original = excluded.original",
    )?
    .execute(params![
        collection, href, uid, entity, entity_id, etag, base, original
    ])?;
    Ok(())
}

pub(super) fn clear_dirty(tx: &Transaction<'_>, entity: &str, id: i64, version: i64) -> Result<()> {
    // Version 0: the row had no mark (never sent); nothing to clear.
    tx.prepare_cached(
        "DELETE FROM sync_dirty WHERE entity = ?1 AND entity_id = ?2 AND version = ?3",
    )?
    .execute(params![entity, id, version])?;
    Ok(())
}

pub(super) fn mark_dirty(tx: &Transaction<'_>, entity: &str, id: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_dirty (entity, entity_id, version, changed_at)
         VALUES (?1, ?2, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT (entity, entity_id) DO UPDATE SET version = version + 1",
    )?
    .execute(params![entity, id])?;
    Ok(())
}

fn stamp_fields(tx: &Transaction<'_>, id: i64, times: &Times) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO sync_field_times (contact_id, field, changed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (contact_id, field) DO UPDATE SET changed_at = excluded.changed_at",
    )?;
    for (field, at) in times {
        stmt.execute(params![id, field, at])?;
    }
    Ok(())
}

fn trash(tx: &Transaction<'_>, id: i64, today: NaiveDate) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET deleted_on = ?2 WHERE id = ?1 AND deleted_on IS NULL",
        params![id, today.to_string()],
    )?;
    Ok(())
}

fn text<'a>(fields: &'a Fields, name: &str) -> &'a str {
    match fields.get(name) {
        Some(Value::Text(t)) => t.as_str(),
        _ => "",
    }
}

fn list(fields: &Fields, name: &str) -> Vec<String> {
    match fields.get(name) {
        Some(Value::List(l)) => l.clone(),
        _ => Vec::new(),
    }
}

fn optional(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Creates or updates a contact from synced fields; returns its id. A contact
/// in the trash that the server still has comes back out of it.
fn write_contact(
    tx: &Transaction<'_>,
    id: Option<i64>,
    uid: &str,
    fields: &Fields,
    today: NaiveDate,
) -> Result<i64> {
    let new = NewContact {
        name: text(fields, "name").to_owned(),
        given_name: text(fields, "given_name").to_owned(),
        family_name: text(fields, "family_name").to_owned(),
        emails: list(fields, "emails"),
        phones: list(fields, "phones"),
        company: optional(text(fields, "company")),
        title: optional(text(fields, "title")),
        birthday: text(fields, "birthday").parse().ok(),
        circle: text(fields, "circle").parse().ok(),
        interests: list(fields, "interests"),
        tags: list(fields, "tags"),
        notes: text(fields, "notes").to_owned(),
        source: text(fields, "source").parse().ok(),
    };
    let prepared = prepare_new_contact(&new)?;
    let created_on =
        crate::model::parse_date("created_on", text(fields, "created_on")).unwrap_or(today);
    let paused = text(fields, "paused") == "true";
    let id = match id {
        None => insert_contact(tx, &prepared, uid, created_on)?,
        Some(id) => {
            tx.prepare_cached(
                "UPDATE contacts SET display_name = ?2, given_name = ?3, family_name = ?4, company = ?5,
                     title = ?6, birthday = ?7, circle = ?8, notes = ?9, created_on = ?10, source = ?11,
                     deleted_on = NULL
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                prepared.name,
                prepared.given_name,
                prepared.family_name,
                prepared.company,
                prepared.title,
                prepared.birthday.map(|b| b.to_string()),
                prepared.circle.as_str(),
                prepared.notes,
                created_on.to_string(),
                prepared.source.as_str(),
            ])?;
            replace_lists(
                tx,
                id,
                &prepared.emails,
                &prepared.phones,
                &prepared.interests,
                &prepared.tags,
            )?;
            id
        }
    };
    tx.prepare_cached("UPDATE contacts SET paused = ?2 WHERE id = ?1")?
        .execute(params![id, paused])?;
    let merged = list(fields, "merged");
    if merged_uids(tx, id)? != merged {
        tx.execute("DELETE FROM sync_merged_uids WHERE contact_id = ?1", [id])?;
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO sync_merged_uids (contact_id, uid) VALUES (?1, ?2)",
        )?;
        for uid in merged.iter().filter(|u| u.as_str() != uid) {
            stmt.execute(params![id, uid])?;
        }
    }
    Ok(id)
}

/// The UIDs merged into contact `id` that the server knew (sorted).
fn merged_uids(conn: &rusqlite::Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT uid FROM sync_merged_uids WHERE contact_id = ?1 ORDER BY uid")?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn replace_lists(
    tx: &Transaction<'_>,
    id: i64,
    emails: &[String],
    phones: &[String],
    interests: &[String],
    tags: &[String],
) -> Result<()> {
    let current = |sql: &str| -> Result<Vec<String>> {
        let mut stmt = tx.prepare_cached(sql)?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    // Rows are rewritten only when the list changed, so the journal stays small.
    if current("SELECT email FROM contact_emails WHERE contact_id = ?1 ORDER BY position")?
        != emails
    {
        tx.execute("DELETE FROM contact_emails WHERE contact_id = ?1", [id])?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO contact_emails (contact_id, position, email) VALUES (?1, ?2, ?3)",
        )?;
        for (i, e) in emails.iter().enumerate() {
            stmt.execute(params![id, i as i64, e])?;
        }
    }
    if current("SELECT phone FROM contact_phones WHERE contact_id = ?1 ORDER BY position")?
        != phones
    {
        tx.execute("DELETE FROM contact_phones WHERE contact_id = ?1", [id])?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO contact_phones (contact_id, position, phone, digits) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, p) in phones.iter().enumerate() {
            stmt.execute(params![id, i as i64, p, phone_digits(p)])?;
        }
    }
    if current("SELECT interest FROM contact_interests WHERE contact_id = ?1 ORDER BY position")?
        != interests
    {
        tx.execute("DELETE FROM contact_interests WHERE contact_id = ?1", [id])?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO contact_interests (contact_id, position, interest) VALUES (?1, ?2, ?3)",
        )?;
        for (i, v) in interests.iter().enumerate() {
            stmt.execute(params![id, i as i64, v])?;
        }
    }
    if current("SELECT tag FROM contact_tags WHERE contact_id = ?1 ORDER BY position")? != tags {
        tx.execute("DELETE FROM contact_tags WHERE contact_id = ?1", [id])?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO contact_tags (contact_id, position, tag) VALUES (?1, ?2, ?3)",
        )?;
        for (i, v) in tags.iter().enumerate() {
            stmt.execute(params![id, i as i64, v])?;
        }
    }
    Ok(())
}
