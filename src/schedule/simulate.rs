//! Runs the planner forward day by day, doing every ping on its day, to show the
//! shape of a year: pings per contact, gaps, and the load on each day.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::settings::PlannerSettings;
use super::snapshot::{ActionFacts, Anchor, AnchorSource, Snapshot};
use super::{plan, Ping, Reason};
use crate::model::{Circle, PingActionKind};

/// What one contact got over the simulated span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactStats {
    /// Contact id.
    pub contact_id: i64,
    /// Name.
    pub name: String,
    /// Circle.
    pub circle: Circle,
    /// Pings done.
    pub pings: u32,
    /// Of which birthdays, promises and follow-ups.
    pub fixed_pings: u32,
    /// Days between consecutive pings.
    pub gaps: Vec<i64>,
    /// Shortest gap between two cadence pings in a row (None with fewer than two).
    pub min_cadence_gap: Option<i64>,
}

/// Pings per contact in one circle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CircleStats {
    /// The circle.
    pub circle: Circle,
    /// Active contacts in it.
    pub contacts: u32,
    /// Fewest pings a contact got.
    pub min_pings: u32,
    /// Mean pings per contact.
    pub mean_pings: f64,
    /// Most pings a contact got.
    pub max_pings: u32,
    /// Pings a year the settings ask for.
    pub pings_per_year: u32,
    /// Days between rhythm pings on the first day, after stretching to fit the cap.
    pub interval_days: i32,
    /// Whether the plan spaced the circle out to fit the daily cap.
    pub stretched: bool,
}

/// The result of [`simulate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Simulation {
    /// First simulated day.
    pub today: NaiveDate,
    /// Days simulated.
    pub days: u32,
    /// The highest daily cap any day's plan kept to.
    pub daily_cap: u32,
    /// What the first day's plan says the user should know (stretched circles, a raised cap).
    pub notes: Vec<String>,
    /// Days whose rhythm pings went over that day's cap (fixed-date pings aside).
    pub days_over_cap: u32,
    /// Days over the cap only because of birthdays, promises and follow-ups.
    pub days_over_cap_by_fixed_pings: u32,
    /// Total pings done.
    pub total_pings: u32,
    /// Pings on days the user does not work.
    pub non_working_day_pings: u32,
    /// The busiest day's pings.
    pub max_daily_load: u32,
    /// Per circle.
    pub circles: Vec<CircleStats>,
    /// Per contact, by id.
    pub contacts: Vec<ContactStats>,
    /// Pings per day, for every day with at least one.
    pub load: BTreeMap<NaiveDate, u32>,
}

/// Simulates `days` days from `today`: each morning plans, does that day's pings
/// (logging them as the suggested interaction) and moves on.
pub fn simulate(
    today: NaiveDate,
    snapshot: &Snapshot,
    settings: &PlannerSettings,
    days: u32,
) -> Simulation {
    let mut world = snapshot.clone();
    let index: BTreeMap<i64, usize> = world
        .contacts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    let mut done: Vec<Vec<(NaiveDate, Reason)>> = vec![Vec::new(); world.contacts.len()];
    let mut load = BTreeMap::new();
    let mut daily_cap = settings.daily_cap;
    let mut days_over_cap = 0;
    let mut days_over_cap_by_fixed_pings = 0;
    let mut non_working = 0;
    let mut first_plan = None;
    for offset in 0..days {
        let day = today + Duration::days(i64::from(offset));
        // The plan of one day only needs that day: nothing planned later moves earlier.
        let plan = plan(day, &world, settings, 1);
        if first_plan.is_none() {
            first_plan = Some((plan.notes.clone(), plan.circles.clone()));
        }
        daily_cap = daily_cap.max(plan.daily_cap);
        let todays: Vec<&Ping> = plan.pings.iter().filter(|p| p.date == day).collect();
        let fixed = todays.iter().filter(|p| p.reason.is_fixed()).count() as u32;
        let count = todays.len() as u32;
        if count > plan.daily_cap {
            if fixed >= count.min(plan.daily_cap + 1) && count <= fixed.max(plan.daily_cap) {
                days_over_cap_by_fixed_pings += 1;
            } else {
                days_over_cap += 1;
            }
        }
        if !todays.is_empty() {
            load.insert(day, todays.len() as u32);
            if !settings.is_working_day(day) {
                non_working += todays.len() as u32;
            }
        }
        for ping in todays {
            let Some(&i) = index.get(&ping.contact_id) else {
                continue;
            };
            done[i].push((day, ping.reason));
            mark_done(&mut world.contacts[i], ping, day);
        }
    }

    let contacts: Vec<ContactStats> = world
        .contacts
        .iter()
        .zip(&done)
        .map(|(c, pings)| {
            let gaps: Vec<i64> = pings
                .windows(2)
                .map(|w| (w[1].0 - w[0].0).num_days())
                .collect();
            let min_cadence_gap = pings
                .windows(2)
                .filter(|w| !w[0].1.is_fixed() && !w[1].1.is_fixed())
                .map(|w| (w[1].0 - w[0].0).num_days())
                .min();
            ContactStats {
                contact_id: c.id,
                name: c.name.clone(),
                circle: c.circle,
                pings: pings.len() as u32,
                fixed_pings: pings.iter().filter(|(_, r)| r.is_fixed()).count() as u32,
                gaps,
                min_cadence_gap,
            }
        })
        .collect();
    let (notes, rhythms) = first_plan.unwrap_or_default();
    let circles = Circle::ALL
        .into_iter()
        .filter_map(|circle| {
            let rhythm = rhythms.iter().find(|r| r.circle == circle);
            let counts: Vec<u32> = contacts
                .iter()
                .zip(&world.contacts)
                .filter(|(_, c)| c.circle == circle && !c.paused)
                .map(|(s, _)| s.pings)
                .collect();
            let n = counts.len() as u32;
            (n > 0).then(|| CircleStats {
                circle,
                contacts: n,
                min_pings: counts.iter().copied().min().unwrap_or(0),
                mean_pings: f64::from(counts.iter().sum::<u32>()) / f64::from(n),
                max_pings: counts.iter().copied().max().unwrap_or(0),
                pings_per_year: settings.pings_per_year(circle),
                interval_days: rhythm.map_or(0, |r| r.interval_days),
                stretched: rhythm.is_some_and(|r| r.stretched),
            })
        })
        .collect();
    Simulation {
        today,
        days,
        daily_cap,
        notes,
        days_over_cap,
        days_over_cap_by_fixed_pings,
        total_pings: load.values().sum(),
        non_working_day_pings: non_working,
        max_daily_load: load.values().copied().max().unwrap_or(0),
        circles,
        contacts,
        load,
    }
}

/// What `done` does, applied to the in-memory snapshot.
pub fn mark_done(contact: &mut super::snapshot::ContactFacts, ping: &Ping, day: NaiveDate) {
    contact.anchors.push(Anchor {
        date: day,
        source: AnchorSource::Interaction(ping.action),
        event: None,
    });
    contact.actions.push(ActionFacts {
        ping_id: ping.id.clone(),
        action: PingActionKind::Done,
        acted_on: day,
        planned_on: ping.date,
        snoozed_until: None,
    });
    if let Some(promise) = ping.promise_id {
        contact.open_promises.retain(|p| p.id != promise);
    }
    // Keep the anchor list short: only the latest of each source matters.
    contact.anchors.sort_by_key(|a| std::cmp::Reverse(a.date));
    let mut seen = Vec::new();
    contact.anchors.retain(|a| {
        let key = (a.source, a.event.is_some());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}
