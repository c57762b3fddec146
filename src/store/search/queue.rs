//! Keeping the search index up to date: the queues its triggers fill, indexed
//! once per transaction (migration 6).

use rusqlite::Connection;

use super::super::Store;
use crate::error::Result;

impl Store {
    /// Indexes rows that a write from outside keepwarm (another SQLite client)
    /// left queued; [`Store::open`] does it, so such a write is searchable from
    /// the next time keepwarm opens the database for writing.
    pub(crate) fn index_queued_writes(&mut self) -> Result<()> {
        if queue_is_empty(&self.conn)? {
            return Ok(());
        }
        self.write_untracked(|_| Ok(()))
    }
}

fn queue_is_empty(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT NOT EXISTS (SELECT 1 FROM search_queue_contacts)
                AND NOT EXISTS (SELECT 1 FROM search_queue_interactions)",
        )?
        .query_row([], |r| r.get(0))?)
}

/// Cards queued past this many are indexed with [`BULK_HASH_SIZE`].
pub(super) const BULK_CARDS: i64 = 1_000;

/// Interactions queued past this many are indexed with [`BULK_HASH_SIZE`].
pub(super) const BULK_INTERACTIONS: i64 = 5_000;

/// FTS5's buffer of pending index entries (`hashsize`) while many cards or
/// interactions are indexed at once: with its default of 1 MB, 10,000 cards
/// are written out as a dozen pieces that FTS5 then merges again, and a large
/// history stays in several pieces, each of which every search then reads;
/// with this they are one piece, written once. It is a limit, not an
/// allocation.
const BULK_HASH_SIZE: i64 = 256 << 20;

/// FTS5's own `hashsize`, put back after a bulk.
pub(super) const DEFAULT_HASH_SIZE: i64 = 1 << 20;

/// Indexes what the triggers queued during this transaction (migration 6): the
/// store calls it just before every commit, so the index never lags.
pub(crate) fn flush_search_queue(conn: &Connection) -> Result<()> {
    if queue_is_empty(conn)? {
        return Ok(());
    }
    let queued =
        |sql: &str| -> Result<i64> { Ok(conn.prepare_cached(sql)?.query_row([], |r| r.get(0))?) };
    let cards = queued("SELECT count(*) FROM search_queue_contacts")?;
    let notes = queued("SELECT count(*) FROM search_queue_interactions")?;
    let set_hash_size = |index: &str, size: i64| -> Result<()> {
        conn.prepare_cached(&format!(
            "INSERT INTO {index} ({index}, rank) VALUES ('hashsize', ?1)"
        ))?
        .execute([size])?;
        Ok(())
    };
    let bulk = cards >= BULK_CARDS;
    if bulk {
        set_hash_size("contact_search", BULK_HASH_SIZE)?;
    }
    // Only cards up to the highest one indexed can be in the index: new
    // contacts (all of an import's, mostly) need no look-up there.
    conn.prepare_cached(
        "DELETE FROM contact_search WHERE rowid IN (
             SELECT contact_id FROM search_queue_contacts
             WHERE contact_id <= (SELECT max(id) FROM contact_search_content))",
    )?
    .execute([])?;
    conn.prepare_cached(
        "INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
         SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source
         WHERE id IN (SELECT contact_id FROM search_queue_contacts) ORDER BY id",
    )?
    .execute([])?;
    if bulk {
        // What is pending is written out in one piece, by the next statement
        // that opens a savepoint on the index or at the commit.
        set_hash_size("contact_search", DEFAULT_HASH_SIZE)?;
    }
    conn.prepare_cached("DELETE FROM search_queue_contacts")?
        .execute([])?;
    let bulk = notes >= BULK_INTERACTIONS;
    if bulk {
        set_hash_size("interaction_search", BULK_HASH_SIZE)?;
    }
    conn.prepare_cached(
        "INSERT INTO interaction_search (rowid, note, event_name)
         SELECT i.id, i.note, i.event_name
         FROM search_queue_interactions q JOIN interactions i ON i.id = q.interaction_id ORDER BY i.id",
    )?
    .execute([])?;
    if bulk {
        set_hash_size("interaction_search", DEFAULT_HASH_SIZE)?;
    }
    conn.prepare_cached("DELETE FROM search_queue_interactions")?
        .execute([])?;
    Ok(())
}
