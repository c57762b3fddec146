//! The key/value settings table.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Result;

impl Store {
    /// The stored value of a setting, if any.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores a setting the user chose, replacing any earlier value (`undo` reverts it).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let label = format!("Set {key} to {value}");
        self.write(&label, |tx| put(tx, key, value))
    }

    /// Stores keepwarm's own bookkeeping (a feed token, the day a digest went out):
    /// not a change of the user's, so `undo` neither reverts nor counts it.
    pub fn set_internal_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write_untracked(|tx| put(tx, key, value))
    }
}

fn put(tx: &rusqlite::Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
