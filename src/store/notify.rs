//! The notifier's bookkeeping: the day the daily digest went out.
//!
//! It lives in the settings table but is written untracked, so `undo` never
//! reverts it, and the claim is a compare-and-set in one write transaction, so
//! two processes (two app instances, the app and `keepwarm notify`) can never both
//! claim the same day.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use super::Store;
use crate::error::Result;
use crate::model::parse_date;

/// The settings key holding the last day a digest was sent (`YYYY-MM-DD`).
pub const DIGEST_SENT_SETTING: &str = "notify.digest_sent_on";

/// A day's digest, claimed by this process: it is the one to send it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestClaim {
    /// The day claimed.
    pub day: NaiveDate,
    /// The day recorded before the claim (restored if sending fails).
    pub previous: Option<NaiveDate>,
}

impl Store {
    /// The last day a digest was sent (or found empty at the digest time), if any.
    pub fn digest_sent_on(&self) -> Result<Option<NaiveDate>> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [DIGEST_SENT_SETTING],
                |r| r.get(0),
            )
            .optional()?;
        // A value that does not parse (edited by hand) counts as never sent.
        Ok(value.and_then(|v| parse_date(DIGEST_SENT_SETTING, &v).ok()))
    }

    /// Claims `day`'s digest if no digest for `day` (or a later day) was recorded:
    /// records `day` and returns the claim, or `None` when another process (or an
    /// earlier run) already sent it. Read and write happen in one write
    /// transaction, so of two processes racing for the same day exactly one wins.
    pub fn claim_digest(&mut self, day: NaiveDate) -> Result<Option<DigestClaim>> {
        self.write_untracked(|tx| {
            let previous = read_sent_on(tx)?;
            if previous.is_some_and(|sent| sent >= day) {
                return Ok(None);
            }
            put_sent_on(tx, day)?;
            Ok(Some(DigestClaim { day, previous }))
        })
    }

    /// Gives a claim back after the digest could not be sent, so that a later try
    /// may send it; does nothing if someone recorded another day meanwhile.
    pub fn release_digest(&mut self, claim: DigestClaim) -> Result<()> {
        self.write_untracked(|tx| {
            if read_sent_on(tx)? != Some(claim.day) {
                return Ok(());
            }
            match claim.previous {
                Some(previous) => put_sent_on(tx, previous),
                None => {
                    tx.execute("DELETE FROM settings WHERE key = ?1", [DIGEST_SENT_SETTING])?;
                    Ok(())
                }
            }
        })
    }

    /// Records that a digest for `day` was sent (by `keepwarm notify`), keeping a
    /// later day if one is recorded already.
    pub fn record_digest_sent(&mut self, day: NaiveDate) -> Result<()> {
        self.write_untracked(|tx| {
            if read_sent_on(tx)?.is_none_or(|sent| sent < day) {
                put_sent_on(tx, day)?;
            }
            Ok(())
        })
    }
}

fn read_sent_on(tx: &Transaction<'_>) -> Result<Option<NaiveDate>> {
    let value: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [DIGEST_SENT_SETTING],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| parse_date(DIGEST_SENT_SETTING, &v).ok()))
}

fn put_sent_on(tx: &Transaction<'_>, day: NaiveDate) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![DIGEST_SENT_SETTING, day.to_string()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_day_is_claimed_once_and_given_back_after_a_failed_send() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.digest_sent_on().unwrap(), None);
        let claim = store.claim_digest(day(26)).unwrap().unwrap();
        assert_eq!(claim.previous, None);
        assert_eq!(store.claim_digest(day(26)).unwrap(), None);
        assert_eq!(store.claim_digest(day(25)).unwrap(), None, "an earlier day");
        store.release_digest(claim).unwrap();
        assert_eq!(store.digest_sent_on().unwrap(), None);
        assert!(store.claim_digest(day(26)).unwrap().is_some());
        let next = store.claim_digest(day(27)).unwrap().unwrap();
        assert_eq!(next.previous, Some(day(26)));
        store.release_digest(next).unwrap();
        assert_eq!(store.digest_sent_on().unwrap(), Some(day(26)));
    }

    #[test]
    fn the_sent_day_is_bookkeeping_that_undo_does_not_touch() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_setting("digest_time", "08:30").unwrap();
        store.claim_digest(day(26)).unwrap().unwrap();
        store.record_digest_sent(day(27)).unwrap();
        store.record_digest_sent(day(20)).unwrap();
        let undone = store.undo().unwrap().unwrap();
        assert_eq!(undone.label, "Set digest_time to 08:30");
        assert_eq!(store.digest_sent_on().unwrap(), Some(day(27)));
        assert_eq!(store.undo().unwrap(), None, "nothing else to undo");
    }

    #[test]
    fn of_two_connections_racing_for_a_day_exactly_one_wins() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("race.db");
        Store::open(&path).unwrap();
        for round in 1..=20 {
            let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    let path = path.clone();
                    let barrier = barrier.clone();
                    std::thread::spawn(move || {
                        let mut store = Store::open(&path).unwrap();
                        barrier.wait();
                        store.claim_digest(day(round)).unwrap().is_some()
                    })
                })
                .collect();
            let winners = handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .filter(|won| *won)
                .count();
            assert_eq!(winners, 1, "round {round}");
        }
    }
}
