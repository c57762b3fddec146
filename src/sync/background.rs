//! When the desktop app syncs on its own: every N minutes, soon after a local
//! change, and less and less often while the server cannot be reached.
//!
//! [`next_sync`] is pure (the facts in, a time out), so every rule is tested
//! without a server or a clock; the app's loop gathers the facts, sleeps until
//! the time it is given, and syncs through [`super::sync_if_free`].

use chrono::{DateTime, Duration, Utc};

use crate::error::Result;
use crate::Store;

/// The setting that holds the background sync's interval in minutes.
pub const INTERVAL_SETTING: &str = "sync.interval_minutes";
/// Sync every quarter of an hour: changes made on another machine arrive
/// within a meeting's length, and a quiet server sees four small requests an hour.
pub const DEFAULT_INTERVAL_MINUTES: u32 = 15;
/// The longest interval a user can choose (a day).
pub const MAX_INTERVAL_MINUTES: u32 = 24 * 60;
/// Wait this long after the last local change: a burst of edits (a contact
/// filled in field by field, a meeting logged) goes up in one sync.
pub const CHANGE_DELAY_SECONDS: i64 = 30;
/// A little time after the app starts, so the first sync does not slow the
/// first window down.
pub const START_DELAY_SECONDS: i64 = 10;
/// The first retry after a failure comes this soon (a blip of the network)…
pub const FIRST_RETRY_SECONDS: i64 = 60;
/// …and each later one twice as late, up to this: an unreachable server (a
/// laptop offline for the day) is asked twice an hour, not every minute.
pub const MAX_BACKOFF_SECONDS: i64 = 30 * 60;

/// What the decision depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Sync is set up (an account is recorded).
    pub configured: bool,
    /// The interval in minutes; 0 turns the background sync off.
    pub interval_minutes: u32,
    /// When the app started.
    pub started_at: DateTime<Utc>,
    /// When the latest sync attempt started (by the app or the CLI).
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// Failed attempts in a row.
    pub failures: u32,
    /// Local changes waiting to be sent.
    pub pending: i64,
    /// When the app last saw the database change (its own writes or another
    /// program's).
    pub last_change_at: Option<DateTime<Utc>>,
}

/// When to sync next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextSync {
    /// Not in the background: no account, or the interval is off.
    Never,
    /// At this time (in the past: now).
    At(DateTime<Utc>),
}

/// How long to wait after `failures` failed attempts in a row (at least one).
pub fn backoff(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(16);
    let seconds = FIRST_RETRY_SECONDS.saturating_mul(1 << doublings);
    Duration::seconds(seconds.min(MAX_BACKOFF_SECONDS))
}

/// When the background sync should run next, from the facts.
///
/// - off without an account or with the interval at 0;
/// - after failures: the last attempt plus the backoff, whatever changed
///   meanwhile (a change does not make an unreachable server answer);
/// - otherwise the earlier of: the last attempt plus the interval (never
///   before [`START_DELAY_SECONDS`] after the start), and, when changes are
///   pending and one was seen since the last attempt, that change plus
///   [`CHANGE_DELAY_SECONDS`].
pub fn next_sync(facts: &Facts) -> NextSync {
    if !facts.configured || facts.interval_minutes == 0 {
        return NextSync::Never;
    }
    let earliest = facts.started_at + Duration::seconds(START_DELAY_SECONDS);
    let Some(last) = facts.last_attempt_at else {
        return NextSync::At(earliest);
    };
    if facts.failures > 0 {
        return NextSync::At(last + backoff(facts.failures));
    }
    let regular = (last + Duration::minutes(i64::from(facts.interval_minutes))).max(earliest);
    let after_change = facts
        .last_change_at
        .filter(|changed| facts.pending > 0 && *changed >= last)
        .map(|changed| changed + Duration::seconds(CHANGE_DELAY_SECONDS));
    NextSync::At(after_change.map_or(regular, |c| c.min(regular)))
}

/// The interval the user chose, in minutes (0: off).
pub fn interval_minutes(store: &Store) -> Result<u32> {
    match store.setting(INTERVAL_SETTING)? {
        Some(value) => parse_interval(&value),
        None => Ok(DEFAULT_INTERVAL_MINUTES),
    }
}

/// Checks and stores the interval in minutes (0 turns the background sync off).
pub fn set_interval_minutes(store: &mut Store, minutes: u32) -> Result<()> {
    let minutes = parse_interval(&minutes.to_string())?;
    store.set_setting(INTERVAL_SETTING, &minutes.to_string())
}

fn parse_interval(value: &str) -> Result<u32> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| *m <= MAX_INTERVAL_MINUTES)
        .ok_or_else(|| {
            crate::Error::invalid(
                INTERVAL_SETTING,
                value,
                format!("a number of minutes from 0 (off) to {MAX_INTERVAL_MINUTES}"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
            + Duration::minutes(minutes)
    }

    fn seconds(s: i64) -> Duration {
        Duration::seconds(s)
    }

    /// Set up, 15 minutes, started at 0, last synced at minute 1, all sent.
    fn quiet() -> Facts {
        Facts {
            configured: true,
            interval_minutes: 15,
            started_at: at(0),
            last_attempt_at: Some(at(1)),
            failures: 0,
            pending: 0,
            last_change_at: None,
        }
    }

    #[test]
    fn off_without_an_account_or_with_the_interval_at_zero() {
        let none = Facts {
            configured: false,
            ..quiet()
        };
        assert_eq!(next_sync(&none), NextSync::Never);
        let off = Facts {
            interval_minutes: 0,
            pending: 3,
            last_change_at: Some(at(2)),
            ..quiet()
        };
        assert_eq!(next_sync(&off), NextSync::Never);
    }

    #[test]
    fn the_first_sync_comes_shortly_after_the_start() {
        let never = Facts {
            last_attempt_at: None,
            ..quiet()
        };
        assert_eq!(next_sync(&never), NextSync::At(at(0) + seconds(10)));
        // Last synced yesterday: as soon as the start delay has passed.
        let stale = Facts {
            last_attempt_at: Some(at(-24 * 60)),
            ..quiet()
        };
        assert_eq!(next_sync(&stale), NextSync::At(at(0) + seconds(10)));
    }

    #[test]
    fn a_quiet_database_syncs_every_interval() {
        assert_eq!(next_sync(&quiet()), NextSync::At(at(16)));
        let hourly = Facts {
            interval_minutes: 60,
            ..quiet()
        };
        assert_eq!(next_sync(&hourly), NextSync::At(at(61)));
    }

    #[test]
    fn a_local_change_is_sent_thirty_seconds_after_the_last_write() {
        let changed = Facts {
            pending: 1,
            last_change_at: Some(at(5)),
            ..quiet()
        };
        assert_eq!(next_sync(&changed), NextSync::At(at(5) + seconds(30)));
        // Another write a moment later moves the sync along with it.
        let again = Facts {
            last_change_at: Some(at(5) + seconds(20)),
            ..changed.clone()
        };
        assert_eq!(next_sync(&again), NextSync::At(at(5) + seconds(50)));
        // Never later than the regular interval.
        let late = Facts {
            last_change_at: Some(at(16)),
            ..changed
        };
        assert_eq!(next_sync(&late), NextSync::At(at(16)));
    }

    #[test]
    fn a_change_already_synced_or_with_nothing_pending_waits_for_the_interval() {
        // The database changed, but nothing is pending (a setting, or a sync
        // by the command line that sent it all).
        let nothing = Facts {
            pending: 0,
            last_change_at: Some(at(5)),
            ..quiet()
        };
        assert_eq!(next_sync(&nothing), NextSync::At(at(16)));
        // Pending, but the change was seen before the last attempt (that one
        // could not send it all): the interval, not a loop of retries.
        let before = Facts {
            pending: 2,
            last_change_at: Some(at(0)),
            ..quiet()
        };
        assert_eq!(next_sync(&before), NextSync::At(at(16)));
    }

    #[test]
    fn failures_back_off_exponentially_up_to_half_an_hour() {
        let failed = |n| Facts {
            failures: n,
            pending: 4,
            last_change_at: Some(at(2)),
            ..quiet()
        };
        assert_eq!(next_sync(&failed(1)), NextSync::At(at(2)));
        assert_eq!(next_sync(&failed(2)), NextSync::At(at(3)));
        assert_eq!(next_sync(&failed(3)), NextSync::At(at(5)));
        assert_eq!(next_sync(&failed(5)), NextSync::At(at(17)));
        assert_eq!(next_sync(&failed(6)), NextSync::At(at(31)));
        assert_eq!(next_sync(&failed(7)), NextSync::At(at(31)));
        assert_eq!(next_sync(&failed(1000)), NextSync::At(at(31)));
        assert_eq!(backoff(u32::MAX), Duration::minutes(30));
    }

    #[test]
    fn the_interval_setting_defaults_to_fifteen_minutes_and_refuses_nonsense() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(interval_minutes(&store).unwrap(), 15);
        set_interval_minutes(&mut store, 0).unwrap();
        assert_eq!(interval_minutes(&store).unwrap(), 0);
        set_interval_minutes(&mut store, 60).unwrap();
        assert_eq!(interval_minutes(&store).unwrap(), 60);
        assert!(set_interval_minutes(&mut store, MAX_INTERVAL_MINUTES + 1).is_err());
        assert_eq!(interval_minutes(&store).unwrap(), 60);
    }
}
