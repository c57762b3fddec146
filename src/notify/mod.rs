//! Desktop notifications: the daily digest and due-promise reminders.
//!
//! Three parts, each testable on its own:
//! - [`text`]: what the notifications say, a pure function of today's plan;
//! - [`decide`](mod@decide): whether the background loop should send the digest now, a pure
//!   function of the clock, the digest time, the last day sent and the working day;
//! - [`send`](mod@send): showing a message over D-Bus (`org.freedesktop.Notifications`).
//!
//! The day a digest went out is recorded in the database
//! ([`Store::claim_digest`](crate::Store::claim_digest)), so neither a restart, a
//! second instance nor `keepwarm notify` can send a day's digest twice.

pub mod decide;
pub mod send;
pub mod text;

use chrono::{NaiveDate, NaiveTime};

pub use decide::{decide, Decision};
pub use send::{send, SendOptions, Sent};
pub use text::{day_notifications, escape_markup, DayNotifications, Message, MessageKind};

use crate::error::{Error, Result};
use crate::schedule::Ping;
use crate::store::Store;

/// The settings key of the digest time (`HH:MM`, or `off`).
pub const DIGEST_TIME_SETTING: &str = "digest_time";

/// The settings key of "closing the window keeps keepwarm in the tray" (`true`/`false`).
pub const CLOSE_TO_TRAY_SETTING: &str = "close_to_tray";

/// The digest time when the user chose none: the start of a working morning.
pub const DEFAULT_DIGEST_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => panic!("09:00 is a time"),
};

/// The settings this module adds to `keepwarm settings`, with a line of help each.
pub const NOTIFY_SETTING_KEYS: &[(&str, &str)] = &[
    (
        DIGEST_TIME_SETTING,
        "when the daily digest notification pops up, HH:MM, or off (default 09:00)",
    ),
    (
        CLOSE_TO_TRAY_SETTING,
        "closing the window keeps keepwarm in the tray, true or false (default: true while the digest is on)",
    ),
];

/// Parses a digest time: `HH:MM` (24-hour) or `off`.
pub fn parse_digest_time(value: &str) -> Result<Option<NaiveTime>> {
    let v = value.trim();
    if v.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    NaiveTime::parse_from_str(v, "%H:%M")
        .map(Some)
        .map_err(|_| {
            Error::invalid(
                &format!("setting {DIGEST_TIME_SETTING}"),
                value,
                "expected a time as HH:MM (24-hour) or off",
            )
        })
}

/// A digest time as stored and shown: `HH:MM` or `off`.
pub fn format_digest_time(time: Option<NaiveTime>) -> String {
    time.map_or_else(|| "off".to_owned(), |t| t.format("%H:%M").to_string())
}

/// The digest time the user chose (default 09:00); `None` when turned off.
pub fn digest_time(store: &Store) -> Result<Option<NaiveTime>> {
    match store.setting(DIGEST_TIME_SETTING)? {
        Some(value) => parse_digest_time(&value),
        None => Ok(Some(DEFAULT_DIGEST_TIME)),
    }
}

/// Checks and stores the digest time (a change of the user's: `undo` reverts it).
pub fn set_digest_time(store: &mut Store, value: &str) -> Result<Option<NaiveTime>> {
    let time = parse_digest_time(value)?;
    store.set_setting(DIGEST_TIME_SETTING, &format_digest_time(time))?;
    Ok(time)
}

/// Whether closing the window keeps keepwarm running in the tray: the user's
/// choice, else on exactly when the digest is on (a loop that never runs
/// cannot deliver anything).
pub fn close_to_tray(store: &Store) -> Result<bool> {
    match store.setting(CLOSE_TO_TRAY_SETTING)? {
        Some(value) => parse_bool(CLOSE_TO_TRAY_SETTING, &value),
        None => Ok(digest_time(store)?.is_some()),
    }
}

/// Stores whether closing the window keeps keepwarm in the tray.
pub fn set_close_to_tray(store: &mut Store, on: bool) -> Result<()> {
    store.set_setting(CLOSE_TO_TRAY_SETTING, if on { "true" } else { "false" })
}

/// Checks and stores one of this module's settings given as text (`settings set`);
/// `Ok(false)` when `key` is not one of them.
pub fn set_notify_setting(store: &mut Store, key: &str, value: &str) -> Result<bool> {
    match key {
        DIGEST_TIME_SETTING => {
            set_digest_time(store, value)?;
        }
        CLOSE_TO_TRAY_SETTING => {
            let on = parse_bool(CLOSE_TO_TRAY_SETTING, value)?;
            set_close_to_tray(store, on)?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// This module's settings as key/value text, in the stored format.
pub fn notify_settings(store: &Store) -> Result<Vec<(&'static str, String)>> {
    Ok(vec![
        (DIGEST_TIME_SETTING, format_digest_time(digest_time(store)?)),
        (CLOSE_TO_TRAY_SETTING, close_to_tray(store)?.to_string()),
    ])
}

fn parse_bool(key: &str, value: &str) -> Result<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Ok(true),
        "false" | "off" | "no" | "0" => Ok(false),
        _ => Err(Error::invalid(
            &format!("setting {key}"),
            value,
            "expected true or false",
        )),
    }
}

/// The pings planned for `today`, in plan order.
pub fn todays_pings(store: &Store, today: NaiveDate) -> Result<Vec<Ping>> {
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    // The plan does not depend on its horizon, so one day is enough.
    let plan = crate::schedule::plan(today, &snapshot, &settings, 1);
    Ok(plan.pings.into_iter().filter(|p| p.date == today).collect())
}

/// Today's notifications for the database: plans today and words the digest and
/// the reminders of promises due.
pub fn todays_notifications(store: &Store, today: NaiveDate) -> Result<DayNotifications> {
    let pings = todays_pings(store, today)?;
    let promises = store.promises()?;
    Ok(day_notifications(today, &pings, &promises))
}

/// Whether `today` is a working day for the user (working weekdays, outside vacations).
pub fn is_working_day(store: &Store, today: NaiveDate) -> Result<bool> {
    Ok(store.planner_settings()?.is_working_day(today))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_time_defaults_to_nine_and_is_checked() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(digest_time(&store).unwrap(), Some(DEFAULT_DIGEST_TIME));
        assert!(close_to_tray(&store).unwrap(), "on while the digest is on");
        assert_eq!(
            set_digest_time(&mut store, " 08:30 ").unwrap(),
            NaiveTime::from_hms_opt(8, 30, 0)
        );
        assert_eq!(
            store.setting(DIGEST_TIME_SETTING).unwrap().unwrap(),
            "08:30"
        );
        for bad in ["8.30", "25:00", "noon", ""] {
            let err = set_digest_time(&mut store, bad).unwrap_err().to_string();
            assert!(err.contains("HH:MM"), "{bad}: {err}");
        }
        assert_eq!(
            store.setting(DIGEST_TIME_SETTING).unwrap().unwrap(),
            "08:30"
        );
        set_digest_time(&mut store, "OFF").unwrap();
        assert_eq!(digest_time(&store).unwrap(), None);
        assert!(!close_to_tray(&store).unwrap(), "off with the digest");
        set_close_to_tray(&mut store, true).unwrap();
        assert!(close_to_tray(&store).unwrap(), "the user's choice wins");
        assert!(set_notify_setting(&mut store, "close_to_tray", "maybe").is_err());
        assert!(!set_notify_setting(&mut store, "daily_cap", "3").unwrap());
        assert_eq!(
            notify_settings(&store).unwrap(),
            vec![
                ("digest_time", "off".to_owned()),
                ("close_to_tray", "true".to_owned())
            ]
        );
    }

    #[test]
    fn the_planner_ignores_the_notify_settings() {
        let mut store = Store::open_in_memory().unwrap();
        set_digest_time(&mut store, "07:15").unwrap();
        set_close_to_tray(&mut store, false).unwrap();
        store
            .claim_digest(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap();
        assert!(store.planner_settings().is_ok());
    }
}
