//! Sync bookkeeping for the ping plan published to a calendar (one way): which
//! events keepwarm put there, with their ETags and what each said.

use rusqlite::{params, OptionalExtension};

use super::sync::{encode, item_from_row, upsert_item, SyncItem};
use super::Store;
use crate::error::Result;
use crate::sync::merge::Fields;

impl Store {
    /// Every item keepwarm holds for a collection.
    pub(crate) fn sync_items_in(&self, collection: &str) -> Result<Vec<SyncItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, collection, href, uid, entity_id, etag, base, original, entity FROM sync_items
             WHERE collection = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([collection], item_from_row)?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .collect()
    }

    /// Records an event of the plan as the server now holds it.
    pub(crate) fn record_plan_event(
        &mut self,
        collection: &str,
        href: &str,
        uid: &str,
        etag: Option<&str>,
        fields: &Fields,
    ) -> Result<()> {
        let base = encode(fields)?;
        self.write_untracked(|tx| {
            upsert_item(tx, collection, href, uid, "ping", None, etag, &base, None)
        })
    }

    /// Takes in what changed in the plan calendar behind keepwarm's back:
    /// events changed there (their ETag is forgotten, so they are overwritten
    /// without condition) and events deleted there (forgotten, so they are
    /// made again if still planned); and the calendar's new sync token.
    pub(crate) fn note_plan_calendar_changes(
        &mut self,
        collection: &str,
        changed: &[String],
        removed: &[String],
        token: Option<&str>,
    ) -> Result<()> {
        if changed.is_empty() && removed.is_empty() && token.is_none() {
            return Ok(());
        }
        self.write_untracked(|tx| {
            for href in changed {
                tx.execute(
                    "UPDATE sync_items SET etag = NULL WHERE collection = ?1 AND href = ?2",
                    params![collection, href],
                )?;
            }
            for href in removed {
                tx.execute(
                    "DELETE FROM sync_items WHERE collection = ?1 AND href = ?2",
                    params![collection, href],
                )?;
            }
            if let Some(token) = token {
                tx.execute(
                    "INSERT INTO sync_collections (url, sync_token) VALUES (?1, ?2)
                     ON CONFLICT (url) DO UPDATE SET sync_token = excluded.sync_token",
                    params![collection, token],
                )?;
            }
            Ok(())
        })
    }

    /// The UID of a contact, interaction or promise by its id here (the parts
    /// of a ping's id that other machines know by another number).
    pub(crate) fn uid_of(&self, entity: &str, id: i64) -> Result<Option<String>> {
        let sql = match entity {
            "contact" => "SELECT uid FROM contacts WHERE id = ?1",
            "interaction" => "SELECT uid FROM interactions WHERE id = ?1",
            _ => "SELECT uid FROM promises WHERE id = ?1",
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }
}
