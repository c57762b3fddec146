//! The change journal behind `undo`.
//!
//! Every change made through the library runs in one transaction with a SQLite
//! session attached to the user's tables. At commit, the session's changeset is
//! inverted and stored with a label ("Added Ada Lovelace"): undoing a change is
//! applying its inverse, so any change — an edit, a merge, an import of thousands
//! of contacts — reverts exactly, with no per-command undo code to get wrong.
//! Tables that triggers maintain (`interaction_latest`, the search index) are not
//! recorded: applying the inverse fires the same triggers, which mend them.

use chrono::{SecondsFormat, Utc};
use rusqlite::session::{ConflictAction, ConflictType, Session};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;

use super::Store;
use crate::error::Result;

/// The tables whose rows are the user's data; a change to any of them can be undone.
pub(crate) const JOURNALED_TABLES: &[&str] = &[
    "contacts",
    "contact_emails",
    "contact_phones",
    "contact_interests",
    "contact_tags",
    "contact_redirects",
    "interactions",
    "promises",
    "ping_actions",
    "settings",
];

/// How many changes `undo` can go back; older entries are dropped.
pub const UNDO_DEPTH: usize = 50;

/// A change that `undo` reverted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Undone {
    /// What the change was, in words ("Added Ada Lovelace").
    pub label: String,
    /// When it was made (UTC, RFC 3339).
    pub made_at: String,
    /// How many changes are left to undo.
    pub remaining: usize,
}

/// A change that can still be undone, newest first in [`Store::undo_history`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalEntry {
    /// The entry's id.
    pub id: i64,
    /// What the change was, in words.
    pub label: String,
    /// When it was made (UTC, RFC 3339).
    pub made_at: String,
}

/// The journal's view of a change in progress.
pub(crate) struct Recorder<'s, 'c> {
    session: &'s mut Session<'c>,
}

impl Recorder<'_, '_> {
    /// Stops recording rows until [`Recorder::resume`]: for rows that reverting
    /// the recorded ones removes anyway (the emails, phones, interests and tags
    /// of a contact the same change creates go with it by `ON DELETE CASCADE`).
    /// Recording costs a lookup per row; an import of thousands of contacts saves
    /// most of it this way.
    pub(crate) fn pause(&mut self) {
        self.session.set_enabled(false);
    }

    /// Records rows again.
    pub(crate) fn resume(&mut self) {
        self.session.set_enabled(true);
    }
}

impl Store {
    /// Runs `f` inside one write transaction and records how to revert it under
    /// `label`: all of it is saved, or none.
    pub(crate) fn write<T>(
        &mut self,
        label: &str,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write_recorded(label, |tx, _| f(tx))
    }

    /// [`Store::write`] for a change that knows some of its rows need no record
    /// of their own (see [`Recorder::pause`]).
    pub(crate) fn write_recorded<T>(
        &mut self,
        label: &str,
        f: impl FnOnce(&Transaction<'_>, &mut Recorder<'_, '_>) -> Result<T>,
    ) -> Result<T> {
        self.before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut session = Session::new(&tx)?;
        for table in JOURNALED_TABLES {
            session.attach(Some(*table))?;
        }
        let value = f(
            &tx,
            &mut Recorder {
                session: &mut session,
            },
        )?;
        if !session.is_empty() {
            let mut forward = Vec::new();
            session.changeset_strm(&mut forward)?;
            let mut revert = Vec::new();
            rusqlite::session::invert_strm(&mut forward.as_slice(), &mut revert)?;
            drop(session);
            tx.prepare_cached("INSERT INTO journal (made_at, label, revert) VALUES (?1, ?2, ?3)")?
                .execute(params![now(), label, revert])?;
            tx.prepare_cached(
                "DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ?1",
            )?
            .execute([UNDO_DEPTH as i64])?;
        } else {
            drop(session);
        }
        super::search::flush_search_queue(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in one write transaction that `undo` does not see: keepwarm's own
    /// bookkeeping (the feed's token, the day a digest was sent), which undoing the
    /// user's last change must not touch.
    pub(crate) fn write_untracked<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        super::search::flush_search_queue(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Reverts the most recent change made through the library and says what it
    /// was; `None` when there is nothing left to undo.
    pub fn undo(&mut self) -> Result<Option<Undone>> {
        self.before_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let latest: Option<(i64, String, String, Vec<u8>)> = tx
            .query_row(
                "SELECT id, made_at, label, revert FROM journal ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((id, made_at, label, revert)) = latest else {
            return Ok(None);
        };
        tx.apply_strm(
            &mut revert.as_slice(),
            None::<fn(&str) -> bool>,
            |conflict, _item| match conflict {
                // A row the change created was already removed by a cascade from
                // its contact's removal in the same revert.
                ConflictType::SQLITE_CHANGESET_NOTFOUND => ConflictAction::SQLITE_CHANGESET_OMIT,
                // Bookkeeping written since (outside the journal) touched the row:
                // the journaled value wins, as the user asked to go back.
                ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                    ConflictAction::SQLITE_CHANGESET_REPLACE
                }
                _ => ConflictAction::SQLITE_CHANGESET_ABORT,
            },
        )?;
        tx.execute("DELETE FROM journal WHERE id = ?1", [id])?;
        super::search::flush_search_queue(&tx)?;
        let remaining: i64 = tx.query_row("SELECT count(*) FROM journal", [], |r| r.get(0))?;
        tx.commit()?;
        Ok(Some(Undone {
            label,
            made_at,
            remaining: remaining as usize,
        }))
    }

    /// The changes that can be undone, newest first.
    pub fn undo_history(&self) -> Result<Vec<JournalEntry>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, label, made_at FROM journal ORDER BY id DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok(JournalEntry {
                id: r.get(0)?,
                label: r.get(1)?,
                made_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InteractionKind, NewContact};
    use crate::store::NewInteraction;
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// Every row of every table but the journal and the id counter (which,
    /// like SQLite's own sequences, undo leaves alone so that no id comes
    /// back), as text, table by table. A
    /// search index counts by what it holds, not by how FTS5 lays out its
    /// shadow tables (which depends on the order of writes).
    pub(crate) fn dump(store: &Store) -> Vec<(String, Vec<String>)> {
        let tables: Vec<String> = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master AS t WHERE type = 'table' AND name != 'journal'
                 AND name NOT LIKE 'sqlite_%' AND name != 'id_high_water'
                 AND NOT EXISTS (SELECT 1 FROM sqlite_master AS v
                                 WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
                                 AND t.name LIKE v.name || '\\_%' ESCAPE '\\')
                 ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        tables
            .into_iter()
            .map(|table| {
                let mut stmt = store
                    .conn
                    .prepare(&format!("SELECT * FROM \"{table}\""))
                    .unwrap();
                let columns = stmt.column_count();
                let mut rows: Vec<String> = stmt
                    .query_map([], |r| {
                        Ok((0..columns)
                            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                            .collect::<Vec<_>>()
                            .join("|"))
                    })
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                rows.sort();
                (table, rows)
            })
            .collect()
    }

    #[test]
    fn undo_reverts_an_add_and_a_log_exactly() {
        let mut store = Store::open_in_memory().unwrap();
        let empty = dump(&store);
        let id = store
            .add_contact(
                &NewContact {
                    name: "Ada Lovelace".into(),
                    emails: vec!["ada@example.com".into()],
                    interests: vec!["sailing".into()],
                    ..Default::default()
                },
                day(),
            )
            .unwrap();
        let after_add = dump(&store);
        store
            .log_interaction(
                &NewInteraction {
                    contact_id: id,
                    kind: InteractionKind::Meeting,
                    date: day(),
                    note: "Demo went well".into(),
                    event: Some("SaaStr".into()),
                },
                day(),
            )
            .unwrap();
        assert_ne!(dump(&store), after_add);

        let undone = store.undo().unwrap().unwrap();
        assert_eq!(undone.label, "Logged a meeting with Ada Lovelace");
        // interaction_latest, kept by triggers, is back too.
        assert_eq!(dump(&store), after_add);
        let undone = store.undo().unwrap().unwrap();
        assert_eq!(undone.label, "Added Ada Lovelace");
        assert_eq!(undone.remaining, 0);
        assert_eq!(dump(&store), empty);
        assert_eq!(store.undo().unwrap(), None);
    }

    #[test]
    fn bookkeeping_is_not_undone() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_setting("daily_cap", "7").unwrap();
        store.set_internal_setting("feed_token", "abc").unwrap();
        let undone = store.undo().unwrap().unwrap();
        assert_eq!(undone.label, "Set daily_cap to 7");
        assert_eq!(store.setting("daily_cap").unwrap(), None);
        assert_eq!(store.setting("feed_token").unwrap().as_deref(), Some("abc"));
    }

    #[test]
    fn the_journal_keeps_the_latest_changes() {
        let mut store = Store::open_in_memory().unwrap();
        for i in 0..(UNDO_DEPTH + 5) {
            store
                .set_setting("daily_cap", &(i % 9 + 1).to_string())
                .unwrap();
        }
        assert_eq!(store.undo_history().unwrap().len(), UNDO_DEPTH);
        for _ in 0..UNDO_DEPTH {
            assert!(store.undo().unwrap().is_some());
        }
        assert_eq!(store.undo().unwrap(), None);
        // Back to the value before the oldest change still journaled.
        assert_eq!(store.setting("daily_cap").unwrap().as_deref(), Some("5"));
    }
}
