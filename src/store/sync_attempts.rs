//! What the last sync attempts said (for the status and the background
//! sync's backoff), and forgetting the account.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::Store;
use crate::error::Result;

/// How the latest sync attempts went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncAttempts {
    /// When the latest attempt started (UTC, RFC 3339).
    pub last_attempt_at: Option<String>,
    /// What went wrong in the latest attempt; `None` when it succeeded.
    pub last_error: Option<String>,
    /// Failed attempts in a row (0 after a success).
    pub failures: u32,
}

impl Store {
    /// How the latest sync attempts went; `None` when sync is not set up.
    pub fn sync_attempts(&self) -> Result<Option<SyncAttempts>> {
        Ok(self
            .conn
            .query_row(
                "SELECT last_attempt_at, last_error, failures FROM sync_account WHERE id = 1",
                [],
                |r| {
                    Ok(SyncAttempts {
                        last_attempt_at: r.get(0)?,
                        last_error: r.get(1)?,
                        failures: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Notes that a sync starts now (`at`, UTC).
    pub fn record_sync_attempt(&mut self, at: &str) -> Result<()> {
        self.write_untracked(|tx| {
            tx.execute("UPDATE sync_account SET last_attempt_at = ?1", [at])?;
            Ok(())
        })
    }

    /// Notes that the attempt failed, and why (a message without credentials).
    pub fn record_sync_failure(&mut self, message: &str) -> Result<()> {
        self.write_untracked(|tx| {
            tx.execute(
                "UPDATE sync_account SET last_error = ?1, failures = failures + 1",
                params![message],
            )?;
            Ok(())
        })
    }

    /// Forgets the sync account and everything agreed with its server, and
    /// stops recording local changes for it. The contacts, interactions and
    /// promises stay as they are; the next setup starts afresh (merging, never
    /// duplicating).
    pub fn forget_sync_account(&mut self) -> Result<()> {
        self.write_untracked(|tx| {
            tx.execute_batch(
                "DELETE FROM sync_items; DELETE FROM sync_collections; DELETE FROM sync_dirty;
                 DELETE FROM sync_parked; DELETE FROM sync_merged_uids;
                 DELETE FROM sync_field_times; DELETE FROM sync_conflicts;
                 DELETE FROM sync_account; UPDATE sync_control SET tracking = 0;",
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sync::SyncAccount;

    fn account() -> SyncAccount {
        SyncAccount {
            server_url: "https://dav.example.com/".into(),
            username: "ann".into(),
            principal_url: "/ann/".into(),
            addressbook_url: "/ann/book/".into(),
            calendar_url: None,
            plan_calendar_url: None,
            plan_days: 60,
            set_up_at: "2026-11-26T10:00:00Z".into(),
            last_sync_at: None,
            last_report: None,
        }
    }

    #[test]
    fn failures_count_up_until_a_sync_succeeds_and_forgetting_clears_it_all() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.sync_attempts().unwrap(), None);
        store.set_sync_account(&account()).unwrap();
        store.record_sync_attempt("2026-11-26T10:01:00Z").unwrap();
        store
            .record_sync_failure("cannot reach the server")
            .unwrap();
        store.record_sync_attempt("2026-11-26T10:02:00Z").unwrap();
        store
            .record_sync_failure("cannot reach the server")
            .unwrap();
        let failed = store.sync_attempts().unwrap().unwrap();
        assert_eq!(failed.failures, 2);
        assert_eq!(
            failed.last_error.as_deref(),
            Some("cannot reach the server")
        );
        assert_eq!(
            failed.last_attempt_at.as_deref(),
            Some("2026-11-26T10:02:00Z")
        );
        store.record_sync_run("2026-11-26T10:03:00Z", "{}").unwrap();
        let ok = store.sync_attempts().unwrap().unwrap();
        assert_eq!((ok.failures, ok.last_error), (0, None));

        store.forget_sync_account().unwrap();
        assert_eq!(store.sync_account().unwrap(), None);
        assert_eq!(store.sync_attempts().unwrap(), None);
        assert_eq!(store.sync_pending().unwrap(), 0);
    }
}
