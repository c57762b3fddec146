//! The Insights screen's figures: pings done per week, contacts by warmth band and
//! circle, contacts going cold, and the promise keep-rate per month.
//!
//! The computations are pure functions of counts, contacts and promises (tested
//! here without a database); [`insights`] gathers their inputs from the store.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use crate::error::Result;
use crate::model::{Circle, Promise};
use crate::schedule::settings::PlannerSettings;
use crate::schedule::snapshot::ContactFacts;
use crate::schedule::{circle_index, warmth_of};
use crate::store::Store;

/// Weeks shown in the pings-per-week chart: half a year.
pub const WEEKS_SHOWN: u32 = 26;
/// Months shown in the keep-rate chart: a year.
pub const MONTHS_SHOWN: u32 = 12;
/// A contact is going cold when its warmth falls below this…
pub const COLD_BELOW: u8 = 50;
/// …within this many days.
pub const COLD_WITHIN_DAYS: i64 = 30;

/// One week of activity (weeks start on Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WeekCount {
    /// The Monday the week starts on.
    pub week_start: NaiveDate,
    /// Pings marked done that week.
    pub pings_done: u32,
    /// Interactions logged that week (pings done included).
    pub interactions: u32,
}

/// A warmth band and how many contacts of each circle fall in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarmthBand {
    /// The band's name ("cold", "cooling", "warm", "hot").
    pub band: &'static str,
    /// Lowest warmth in the band.
    pub min: u8,
    /// Highest warmth in the band.
    pub max: u8,
    /// Contacts per circle: inner, core, network, acquaintance.
    pub by_circle: [u32; 4],
}

/// A contact whose warmth will fall below [`COLD_BELOW`] soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cooling {
    /// The contact's id.
    pub id: i64,
    /// Their name.
    pub name: String,
    /// Their circle.
    pub circle: Circle,
    /// Warmth today.
    pub warmth: u8,
    /// The first day their warmth is below the line.
    pub cold_on: NaiveDate,
}

/// Promises due in one month and how many were kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthKeepRate {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Promises due that month (up to today).
    pub due: u32,
    /// Of those, kept (at any time).
    pub kept: u32,
    /// Of those, kept by their due day.
    pub kept_on_time: u32,
}

/// Everything the Insights screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    /// The day the figures are for.
    pub today: NaiveDate,
    /// The last [`WEEKS_SHOWN`] weeks, oldest first, the current week last.
    pub weeks: Vec<WeekCount>,
    /// Contacts (not paused) by warmth band, coldest band first.
    pub warmth_bands: Vec<WarmthBand>,
    /// Contacts going cold in the next [`COLD_WITHIN_DAYS`] days, soonest first.
    pub going_cold: Vec<Cooling>,
    /// The keep-rate of the last [`MONTHS_SHOWN`] months, oldest first.
    pub keep_rate: Vec<MonthKeepRate>,
}

/// Gathers the insights from the store.
pub fn insights(store: &Store, today: NaiveDate) -> Result<Insights> {
    let first_week = week_start(today) - Duration::weeks(i64::from(WEEKS_SHOWN) - 1);
    let done = store.done_pings_by_day(first_week)?;
    let logged = store.interactions_by_day(first_week)?;
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    let promises = store.promises()?;
    Ok(Insights {
        today,
        weeks: weekly_counts(today, WEEKS_SHOWN, &done, &logged),
        warmth_bands: warmth_bands(&snapshot.contacts, today, &settings),
        going_cold: going_cold(&snapshot.contacts, today, &settings),
        keep_rate: keep_rate(&promises, today, MONTHS_SHOWN),
    })
}

/// The Monday of `day`'s week.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Sums day counts into the `weeks` weeks ending with `today`'s week.
pub fn weekly_counts(
    today: NaiveDate,
    weeks: u32,
    done_by_day: &[(NaiveDate, u32)],
    interactions_by_day: &[(NaiveDate, u32)],
) -> Vec<WeekCount> {
    let first = week_start(today) - Duration::weeks(i64::from(weeks) - 1);
    let mut out: Vec<WeekCount> = (0..i64::from(weeks))
        .map(|i| WeekCount {
            week_start: first + Duration::weeks(i),
            pings_done: 0,
            interactions: 0,
        })
        .collect();
    let slot = |day: NaiveDate| {
        let index = (day - first).num_days().div_euclid(7);
        usize::try_from(index).ok().filter(|&i| i < out.len())
    };
    let done_slots: Vec<(Option<usize>, u32)> =
        done_by_day.iter().map(|&(d, n)| (slot(d), n)).collect();
    let logged_slots: Vec<(Option<usize>, u32)> = interactions_by_day
        .iter()
        .map(|&(d, n)| (slot(d), n))
        .collect();
    for (i, n) in done_slots {
        if let Some(i) = i {
            out[i].pings_done += n;
        }
    }
    for (i, n) in logged_slots {
        if let Some(i) = i {
            out[i].interactions += n;
        }
    }
    out
}

/// The warmth bands, coldest first: (name, min, max).
const BANDS: [(&str, u8, u8); 4] = [
    ("cold", 0, 24),
    ("cooling", 25, 49),
    ("warm", 50, 74),
    ("hot", 75, 100),
];

/// Counts active contacts by warmth band and circle.
pub fn warmth_bands(
    contacts: &[ContactFacts],
    today: NaiveDate,
    settings: &PlannerSettings,
) -> Vec<WarmthBand> {
    let mut bands: Vec<WarmthBand> = BANDS
        .iter()
        .map(|&(band, min, max)| WarmthBand {
            band,
            min,
            max,
            by_circle: [0; 4],
        })
        .collect();
    for c in contacts.iter().filter(|c| !c.paused) {
        let w = warmth_of(c, today, settings);
        if let Some(band) = bands.iter_mut().find(|b| b.min <= w && w <= b.max) {
            band.by_circle[circle_index(c.circle)] += 1;
        }
    }
    bands
}

/// Active contacts warm today whose warmth falls below [`COLD_BELOW`] within
/// [`COLD_WITHIN_DAYS`] days, soonest first (then coldest, then by name).
pub fn going_cold(
    contacts: &[ContactFacts],
    today: NaiveDate,
    settings: &PlannerSettings,
) -> Vec<Cooling> {
    let mut out: Vec<Cooling> = contacts
        .iter()
        .filter(|c| !c.paused)
        .filter_map(|c| {
            let now = warmth_of(c, today, settings);
            if now < COLD_BELOW {
                return None;
            }
            let last = today + Duration::days(COLD_WITHIN_DAYS);
            if warmth_of(c, last, settings) >= COLD_BELOW {
                return None;
            }
            // Warmth only falls without new interactions: bisect for the first cold day.
            let (mut warm, mut cold) = (0, COLD_WITHIN_DAYS);
            while cold - warm > 1 {
                let mid = (warm + cold) / 2;
                if warmth_of(c, today + Duration::days(mid), settings) < COLD_BELOW {
                    cold = mid;
                } else {
                    warm = mid;
                }
            }
            Some(Cooling {
                id: c.id,
                name: c.name.clone(),
                circle: c.circle,
                warmth: now,
                cold_on: today + Duration::days(cold),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.cold_on, a.warmth, &a.name, a.id).cmp(&(b.cold_on, b.warmth, &b.name, b.id))
    });
    out
}

/// For each of the `months` months ending with `today`'s, the promises due in it
/// (before today, or today and already kept: one due today can still be kept on
/// time) and how many were kept, and kept on time.
pub fn keep_rate(promises: &[Promise], today: NaiveDate, months: u32) -> Vec<MonthKeepRate> {
    let month_index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let last = month_index(today);
    let first = last - months as i32 + 1;
    let mut out: Vec<MonthKeepRate> = (first..=last)
        .map(|m| MonthKeepRate {
            month: format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1),
            due: 0,
            kept: 0,
            kept_on_time: 0,
        })
        .collect();
    let settled = |p: &&Promise| p.due < today || (p.due == today && p.done_on.is_some());
    for p in promises.iter().filter(settled) {
        let m = month_index(p.due);
        if m < first || m > last {
            continue;
        }
        let row = &mut out[(m - first) as usize];
        row.due += 1;
        if let Some(done) = p.done_on {
            row.kept += 1;
            if done <= p.due {
                row.kept_on_time += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::InteractionKind;
    use crate::schedule::snapshot::{Anchor, AnchorSource};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_end_with_this_week() {
        let today = day("2026-11-26"); // Thursday
        let weeks = weekly_counts(
            today,
            3,
            &[
                (day("2026-11-23"), 2),
                (day("2026-11-26"), 1),
                (day("2026-10-01"), 9),
            ],
            &[(day("2026-11-15"), 4), (day("2026-11-09"), 1)],
        );
        let starts: Vec<_> = weeks.iter().map(|w| w.week_start).collect();
        assert_eq!(
            starts,
            vec![day("2026-11-09"), day("2026-11-16"), day("2026-11-23")]
        );
        assert_eq!(
            weeks.iter().map(|w| w.pings_done).collect::<Vec<_>>(),
            vec![0, 0, 3]
        );
        // Sunday the 15th belongs to the week of Monday the 9th.
        assert_eq!(
            weeks.iter().map(|w| w.interactions).collect::<Vec<_>>(),
            vec![5, 0, 0]
        );
    }

    fn contact(id: i64, circle: Circle, met: Option<NaiveDate>) -> ContactFacts {
        let mut c = ContactFacts::new(id, &format!("C{id}"), circle, day("2020-01-01"));
        if let Some(date) = met {
            c.anchors.push(Anchor {
                date,
                source: AnchorSource::Interaction(InteractionKind::Meeting),
                event: None,
            });
        }
        c
    }

    #[test]
    fn bands_count_active_contacts_by_circle() {
        let today = day("2026-11-26");
        let settings = PlannerSettings::default();
        let mut paused = contact(4, Circle::Core, Some(today));
        paused.paused = true;
        let contacts = vec![
            contact(1, Circle::Inner, Some(today)),
            contact(2, Circle::Core, Some(today)),
            contact(3, Circle::Core, None),
            paused,
        ];
        let bands = warmth_bands(&contacts, today, &settings);
        let total: u32 = bands.iter().flat_map(|b| b.by_circle).sum();
        assert_eq!(total, 3);
        let hot = bands.iter().find(|b| b.band == "hot").unwrap();
        assert_eq!(hot.by_circle, [1, 1, 0, 0]);
        assert_eq!(bands[0].band, "cold");
    }

    #[test]
    fn going_cold_finds_the_first_day_below_the_line() {
        let today = day("2026-11-26");
        let settings = PlannerSettings::default();
        // Inner circle: interval about 37 days; a meeting 30 days ago is near the line.
        let contacts = vec![
            contact(1, Circle::Inner, Some(today - Duration::days(30))),
            contact(2, Circle::Acquaintance, Some(today)),
            contact(3, Circle::Inner, None),
        ];
        let cold = going_cold(&contacts, today, &settings);
        assert_eq!(cold.len(), 1);
        let c = &cold[0];
        assert_eq!(c.id, 1);
        assert!(c.warmth >= COLD_BELOW);
        assert!(warmth_of(&contacts[0], c.cold_on, &settings) < COLD_BELOW);
        let eve = c.cold_on - Duration::days(1);
        assert!(warmth_of(&contacts[0], eve, &settings) >= COLD_BELOW);
    }

    #[test]
    fn keep_rate_counts_due_promises_per_month() {
        let today = day("2026-11-26");
        let promise = |id, due: &str, done: Option<&str>| Promise {
            id,
            contact_id: 1,
            text: "x".into(),
            due: day(due),
            done_on: done.map(day),
        };
        let promises = vec![
            promise(1, "2026-11-02", Some("2026-11-01")),
            promise(2, "2026-11-10", Some("2026-11-12")),
            promise(3, "2026-11-20", None),
            promise(4, "2026-11-30", None), // not due yet
            promise(7, "2026-11-26", None), // due today: can still be kept
            promise(8, "2026-11-26", Some("2026-11-26")), // kept today
            promise(5, "2026-01-15", Some("2026-01-15")),
            promise(6, "2025-11-15", Some("2025-11-15")), // outside the year
        ];
        let rates = keep_rate(&promises, today, 12);
        assert_eq!(rates.len(), 12);
        assert_eq!(rates[0].month, "2025-12");
        assert_eq!(
            rates[11],
            MonthKeepRate {
                month: "2026-11".into(),
                due: 4,
                kept: 3,
                kept_on_time: 2
            }
        );
        assert_eq!(rates[1].month, "2026-01");
        assert_eq!(rates[1].kept_on_time, 1);
        assert_eq!(rates.iter().map(|r| r.due).sum::<u32>(), 5);
    }
}
