//! When the background loop sends the digest: a pure decision, and one step of
//! the loop built on it.
//!
//! The loop does not trust timers: a sleep is measured on a clock that stops
//! while the machine is suspended, and the wall clock can jump. So every step
//! reads the wall clock, asks [`decide`], and naps at most a minute. A digest time
//! that passed while the machine slept or the app was closed is caught up once,
//! for today only (as `MissedTickBehavior::Skip` would): yesterday's digest is
//! never sent late.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::text::DayNotifications;
use crate::error::Result;
use crate::store::Store;

/// What the loop should do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Send `day`'s digest now (after claiming the day in the database).
    SendNow {
        /// Today.
        day: NaiveDate,
    },
    /// Nothing to send before this local time; look again then.
    WaitUntil(NaiveDateTime),
}

/// Whether to send the digest now.
///
/// - `now`: the local date and time;
/// - `digest_time`: the user's digest time, `None` when turned off;
/// - `last_sent`: the last day a digest was recorded as sent (by any process);
/// - `working_day`: whether today is one of the user's working days.
///
/// A day that is not a working day (a weekend, a vacation) gets no digest: the
/// planner keeps those days free, and puts birthdays and promises that fall on
/// them on the working day before, whose digest names them. The one
/// exception, a family birthday wished on the day itself, is for
/// [`digest_step`] to pass as a working day.
pub fn decide(
    now: NaiveDateTime,
    digest_time: Option<NaiveTime>,
    last_sent: Option<NaiveDate>,
    working_day: bool,
) -> Decision {
    let today = now.date();
    let next_midnight = (today + Duration::days(1)).and_time(NaiveTime::MIN);
    let Some(at) = digest_time else {
        return Decision::WaitUntil(next_midnight);
    };
    if last_sent.is_some_and(|sent| sent >= today) || !working_day {
        return Decision::WaitUntil(next_midnight);
    }
    let due = today.and_time(at);
    if now >= due {
        Decision::SendNow { day: today }
    } else {
        Decision::WaitUntil(due)
    }
}

/// What one step of the loop did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// It sent today's notifications (the digest was empty when `is_empty`).
    Sent(DayNotifications),
    /// Another process claimed today first; nothing was sent.
    SentElsewhere,
    /// Nothing to do before this local time.
    Wait(NaiveDateTime),
}

/// One step of the background loop at `now`: decides, claims the day in the
/// database, words today's notifications and hands them to `send` (which sends
/// nothing on an empty day). If `send` fails the claim is given back, so that a
/// later step tries again, and the error is returned.
pub fn digest_step(
    store: &mut Store,
    now: NaiveDateTime,
    send: impl FnOnce(&DayNotifications) -> Result<()>,
) -> Result<Step> {
    let today = now.date();
    let digest_time = super::digest_time(store)?;
    let last_sent = store.digest_sent_on()?;
    // Reading the working days costs a query; only ask when the answer matters.
    let working_day = match decide(now, digest_time, last_sent, true) {
        Decision::SendNow { .. } => super::is_working_day(store, today)?,
        Decision::WaitUntil(_) => true,
    };
    // A day off holds no pings but the birthdays of family and friends,
    // wished on the day: those alone are sent, with no work reminders.
    let day_off_pings = if working_day {
        Vec::new()
    } else {
        super::todays_pings(store, today)?
    };
    let sends = working_day || !day_off_pings.is_empty();
    match decide(now, digest_time, last_sent, sends) {
        Decision::WaitUntil(at) => Ok(Step::Wait(at)),
        Decision::SendNow { day } => {
            let Some(claim) = store.claim_digest(day)? else {
                return Ok(Step::SentElsewhere);
            };
            let notifications = if working_day {
                super::todays_notifications(store, day)
            } else {
                Ok(super::text::day_notifications(day, &day_off_pings, &[]))
            };
            let sent = notifications.and_then(|notifications| {
                send(&notifications)?;
                Ok(notifications)
            });
            match sent {
                Ok(notifications) => Ok(Step::Sent(notifications)),
                Err(e) => {
                    store.release_digest(claim)?;
                    Err(e)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(hour, minute, 0)
            .unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn nine() -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(9, 0, 0)
    }

    #[test]
    fn started_before_the_digest_time_it_waits_for_it() {
        assert_eq!(
            decide(at(26, 7, 30), nine(), Some(day(25)), true),
            Decision::WaitUntil(at(26, 9, 0))
        );
    }

    #[test]
    fn at_or_after_the_digest_time_it_sends_once() {
        assert_eq!(
            decide(at(26, 9, 0), nine(), Some(day(25)), true),
            Decision::SendNow { day: day(26) }
        );
        // A late start catches up the same day…
        assert_eq!(
            decide(at(26, 16, 45), nine(), None, true),
            Decision::SendNow { day: day(26) }
        );
        // …and once recorded, the rest of the day is quiet.
        assert_eq!(
            decide(at(26, 16, 46), nine(), Some(day(26)), true),
            Decision::WaitUntil(at(27, 0, 0))
        );
    }

    #[test]
    fn asleep_over_the_digest_time_it_sends_once_on_waking() {
        // Suspended at 08:00, woken at 11:20: one catch-up.
        assert_eq!(
            decide(at(26, 11, 20), nine(), Some(day(25)), true),
            Decision::SendNow { day: day(26) }
        );
        // Asleep for two days: today's digest once, never the missed days'.
        assert_eq!(
            decide(at(28, 10, 0), nine(), Some(day(25)), true),
            Decision::SendNow { day: day(28) }
        );
        // Woken after midnight, before the digest time: wait for today's.
        assert_eq!(
            decide(at(27, 0, 5), nine(), Some(day(25)), true),
            Decision::WaitUntil(at(27, 9, 0))
        );
    }

    #[test]
    fn the_date_change_at_midnight_opens_the_next_day() {
        let before = decide(at(26, 23, 59), nine(), Some(day(26)), true);
        assert_eq!(before, Decision::WaitUntil(at(27, 0, 0)));
        let after = decide(at(27, 0, 0), nine(), Some(day(26)), true);
        assert_eq!(after, Decision::WaitUntil(at(27, 9, 0)));
        // A digest time just before midnight still belongs to its own day.
        let late = NaiveTime::from_hms_opt(23, 59, 0);
        assert_eq!(
            decide(at(26, 23, 59), late, Some(day(25)), true),
            Decision::SendNow { day: day(26) }
        );
        assert_eq!(
            decide(at(27, 0, 1), late, Some(day(25)), true),
            Decision::WaitUntil(at(27, 23, 59))
        );
    }

    #[test]
    fn a_day_already_sent_by_the_cli_or_another_instance_is_not_sent_again() {
        // Whoever sent first recorded the day; everyone else reads it.
        assert_eq!(
            decide(at(26, 9, 30), nine(), Some(day(26)), true),
            Decision::WaitUntil(at(27, 0, 0))
        );
        // A recorded day after today (the clock was set back) counts as sent.
        assert_eq!(
            decide(at(26, 9, 30), nine(), Some(day(27)), true),
            Decision::WaitUntil(at(27, 0, 0))
        );
    }

    #[test]
    fn a_non_working_day_gets_no_digest() {
        assert_eq!(
            decide(at(28, 9, 30), nine(), Some(day(27)), false),
            Decision::WaitUntil(at(29, 0, 0))
        );
    }

    #[test]
    fn turned_off_it_only_waits() {
        assert_eq!(
            decide(at(26, 9, 30), None, None, true),
            Decision::WaitUntil(at(27, 0, 0))
        );
    }

    fn demo_store(path: &std::path::Path) -> Store {
        let mut store = Store::open(path).unwrap();
        crate::demo::fill_demo(&mut store, crate::demo::DemoOptions::default(), day(26)).unwrap();
        store
    }

    #[test]
    fn two_instances_stepping_at_the_same_time_send_one_digest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.db");
        drop(demo_store(&path));
        let sent = std::sync::atomic::AtomicUsize::new(0);
        let steps: Vec<Step> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..2)
                .map(|_| {
                    let path = &path;
                    let sent = &sent;
                    scope.spawn(move || {
                        let mut store = Store::open(path).unwrap();
                        digest_step(&mut store, at(26, 9, 1), |_| {
                            sent.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            Ok(())
                        })
                        .unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(sent.into_inner(), 1, "{steps:?}");
        // The other either lost the claim or already read the recorded day.
        let sent_steps = steps.iter().filter(|s| matches!(s, Step::Sent(_))).count();
        assert_eq!(sent_steps, 1, "{steps:?}");
        assert!(steps
            .iter()
            .any(|s| matches!(s, Step::SentElsewhere) || *s == Step::Wait(at(27, 0, 0))));
    }

    #[test]
    fn a_step_after_the_cli_sent_today_sends_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo_store(&dir.path().join("cli.db"));
        store.record_digest_sent(day(26)).unwrap();
        let step = digest_step(&mut store, at(26, 9, 1), |_| panic!("must not send")).unwrap();
        assert_eq!(step, Step::Wait(at(27, 0, 0)));
    }

    #[test]
    fn a_failed_send_is_retried_by_the_next_step_and_then_stays_sent() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo_store(&dir.path().join("retry.db"));
        let failed = digest_step(&mut store, at(26, 9, 0), |_| {
            Err(crate::Error::Notification {
                reason: "no server".into(),
            })
        });
        assert!(failed.is_err());
        assert_eq!(store.digest_sent_on().unwrap(), None);
        let mut count = 0;
        let step = digest_step(&mut store, at(26, 9, 1), |n| {
            count = n.pings;
            Ok(())
        })
        .unwrap();
        assert!(
            matches!(step, Step::Sent(ref n) if n.digest.is_some()),
            "{step:?}"
        );
        assert!(count > 0);
        assert_eq!(store.digest_sent_on().unwrap(), Some(day(26)));
        let again = digest_step(&mut store, at(26, 9, 2), |_| panic!("sent twice")).unwrap();
        assert_eq!(again, Step::Wait(at(27, 0, 0)));
    }

    #[test]
    fn a_saturday_with_a_family_birthday_sends_that_wish_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo_store(&dir.path().join("sister.db"));
        let sister = crate::model::NewContact {
            name: "Emma Sutherland".into(),
            birthday: Some("1985-11-28".parse().unwrap()),
            circle: Some(crate::model::Circle::Core),
            tags: vec!["Family".into()],
            notes: "Sister. Ballarat.".into(),
            ..Default::default()
        };
        store.add_contact(&sister, day(26)).unwrap();
        // 28 November 2026 is a Saturday, and Emma's birthday.
        let Step::Sent(sent) = digest_step(&mut store, at(28, 9, 5), |_| Ok(())).unwrap() else {
            panic!("a family birthday on a day off is sent");
        };
        let digest = sent.digest.clone().expect("the digest");
        assert!(digest.body.contains("Emma"), "{digest:?}");
        assert!(sent.reminders.is_empty(), "{sent:?}");
        assert_eq!(store.digest_sent_on().unwrap(), Some(day(28)));
    }

    #[test]
    fn a_step_on_a_saturday_sends_nothing_and_records_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo_store(&dir.path().join("weekend.db"));
        // 28 November 2026 is a Saturday; the default working days are Mon–Fri.
        let step = digest_step(&mut store, at(28, 9, 5), |_| panic!("weekend")).unwrap();
        assert_eq!(step, Step::Wait(at(29, 0, 0)));
        assert_eq!(store.digest_sent_on().unwrap(), None);
    }
}
