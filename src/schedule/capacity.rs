//! How many pings the user's days hold, and what the plan does when the contacts
//! need more: first space out the widest circles toward 3 a year (acquaintances,
//! then network, then core, the inner circle last), and only when even that does
//! not fit, raise the daily cap to the smallest value that does.
//!
//! "Fits" is a yearly count: the contacts' rhythm pings (365 / interval each), plus
//! half of each fixed ping (a birthday or a promise stands in for a rhythm ping
//! about half the time), against [`FILL`] of the cap on every working day of the
//! coming year. The answer depends on the contacts and settings only, not on a
//! backlog, so it holds still while the backlog clears.

use serde::Serialize;

use super::settings::PlannerSettings;
use super::{MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS};
use crate::model::Circle;

/// Share of the cap the yearly need may fill: the rest absorbs busy days (many
/// birthdays in one week, follow-ups after a conference) without going over.
/// At 95 % a book whose circles are all at 3 a year (where a ping has least room
/// to move) filled every day of its busiest months and went over the cap.
pub const FILL: f64 = 0.9;
/// A stretched circle steps down by this many pings a year at a time, so adding
/// one contact rarely changes its interval (and so everyone's dates).
const STEP: f64 = 0.25;
/// Fewest pings a year a stretched circle keeps.
const FLOOR: f64 = 3.0;
/// The nudges of a contact's interval, -3..=3 days (see [`super::contact_interval`]).
const NUDGES: usize = 7;

/// What the capacity computation needs to know about one contact.
#[derive(Debug, Clone, Copy)]
pub(super) struct ContactLoad {
    pub circle: usize,
    /// The contact's nudge, -3..=3 days.
    pub nudge: i32,
    /// Fixed pings (birthdays, promises, follow-ups) in the coming 365 days.
    pub fixed_in_year: u32,
    pub paused: bool,
}

/// One circle's rhythm in a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CirclePlan {
    /// The circle.
    pub circle: Circle,
    /// Its active (not paused) contacts.
    pub contacts: u32,
    /// Pings a year the settings ask for.
    pub pings_per_year: u32,
    /// Pings a year the plan gives after stretching (the same when not stretched).
    pub effective_pings_per_year: f64,
    /// Days between rhythm pings after stretching (each contact ±3 days).
    pub interval_days: i32,
    /// Whether the plan spaced this circle out to fit the daily cap.
    pub stretched: bool,
}

/// The cap and rhythm a plan keeps to.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Capacity {
    pub cap: u32,
    /// Interval per circle (inner first), after stretching.
    pub intervals: [i32; 4],
    pub circles: Vec<CirclePlan>,
    pub notes: Vec<String>,
}

fn interval_for(pings_per_year: f64) -> i32 {
    ((365.0 / pings_per_year).round() as i32).clamp(MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS)
}

struct Need {
    /// Active contacts per circle and nudge.
    counts: [[u32; NUDGES]; 4],
    /// Pings a year from fixed pings (half of the active contacts', all of the paused ones').
    fixed: f64,
}

impl Need {
    fn yearly(&self, intervals: &[i32; 4]) -> f64 {
        let mut total = self.fixed;
        for (circle, counts) in self.counts.iter().enumerate() {
            for (n, &count) in counts.iter().enumerate() {
                if count > 0 {
                    let interval = (intervals[circle] + n as i32 - 3)
                        .clamp(MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS);
                    total += f64::from(count) * 365.0 / f64::from(interval);
                }
            }
        }
        total
    }

    fn contacts(&self, circle: usize) -> u32 {
        self.counts[circle].iter().sum()
    }
}

/// The cap and per-circle intervals for these contacts over `working_days` working days a year.
pub(super) fn capacity(
    loads: &[ContactLoad],
    settings: &PlannerSettings,
    working_days: u32,
) -> Capacity {
    let mut need = Need {
        counts: [[0; NUDGES]; 4],
        fixed: 0.0,
    };
    for l in loads {
        if l.paused {
            need.fixed += f64::from(l.fixed_in_year);
        } else {
            let n = usize::try_from(l.nudge + 3).unwrap_or(0).min(NUDGES - 1);
            need.counts[l.circle][n] += 1;
            need.fixed += 0.5 * f64::from(l.fixed_in_year);
        }
    }
    let setting: [u32; 4] = Circle::ALL.map(|c| settings.pings_per_year(c));
    let mut per_year: [f64; 4] = setting.map(f64::from);
    let mut intervals = per_year.map(interval_for);
    let holds = |cap: u32| FILL * f64::from(cap) * f64::from(working_days.max(1));
    let fits = |intervals: &[i32; 4], cap: u32| need.yearly(intervals) <= holds(cap);

    let user_cap = settings.daily_cap;
    // The widest circle first: acquaintances, network, core, inner.
    for circle in (0..4).rev() {
        if fits(&intervals, user_cap) {
            break;
        }
        let mut p = per_year[circle];
        loop {
            p = (p - STEP).max(FLOOR);
            intervals[circle] = interval_for(p);
            per_year[circle] = p;
            if p <= FLOOR || fits(&intervals, user_cap) {
                break;
            }
        }
    }
    let mut notes = Vec::new();
    let circles: Vec<CirclePlan> = Circle::ALL
        .iter()
        .enumerate()
        .map(|(i, &circle)| CirclePlan {
            circle,
            contacts: need.contacts(i),
            pings_per_year: setting[i],
            effective_pings_per_year: (365.0 / f64::from(intervals[i]) * 10.0).round() / 10.0,
            interval_days: intervals[i],
            stretched: intervals[i] != interval_for(f64::from(setting[i])),
        })
        .collect();
    let stretched: Vec<String> = circles
        .iter()
        .filter(|c| c.stretched && c.contacts > 0)
        .map(|c| {
            format!(
                "{} about {} a year instead of {} (every {} days instead of {})",
                circle_name(c.circle),
                per_year_words(per_year[super::circle_index(c.circle)]),
                c.pings_per_year,
                c.interval_days,
                interval_for(f64::from(c.pings_per_year))
            )
        })
        .collect();

    let yearly = need.yearly(&intervals);
    let cap = if yearly <= holds(user_cap) {
        user_cap
    } else {
        // Even the floors do not fit: the smallest cap that holds them.
        let per_day = yearly / (FILL * f64::from(working_days.max(1)));
        (per_day.ceil() as u32).max(user_cap + 1)
    };
    if !stretched.is_empty() {
        notes.push(format!(
            "Your contacts need more pings than {user_cap} a working day allow{}, so the plan spaces out the widest circles: {}.",
            if user_cap == 1 { "s" } else { "" },
            stretched.join("; ")
        ));
    }
    if cap > user_cap {
        let active: u32 = (0..4).map(|c| need.contacts(c)).sum();
        let per_contact = yearly / f64::from(active.max(1));
        let fitting = (holds(user_cap) / per_contact).floor() as u32;
        let beyond = active.saturating_sub(fitting);
        let raise = if cap <= 100 {
            format!("raise the daily cap to {cap}")
        } else {
            "raise the daily cap (100 at most) and pause the rest".to_owned()
        };
        notes.push(format!(
            "Even at 3 pings a year each, your {active} active contacts need about {:.0} pings a working day; \
             a cap of {user_cap} holds about {fitting} of them, so {beyond} are beyond your capacity. \
             Either {raise}, or pause {beyond} contacts (keepwarm pause NAME). Until then the plan keeps to {cap} a day.",
            yearly / f64::from(working_days.max(1)),
        ));
    }
    Capacity {
        cap,
        intervals,
        circles,
        notes,
    }
}

fn per_year_words(p: f64) -> String {
    if (p - p.round()).abs() < 1e-9 {
        format!("{p:.0}")
    } else {
        format!("{p:.2}").trim_end_matches('0').to_owned()
    }
}

/// The circle's name in a sentence.
pub(super) fn circle_name(circle: Circle) -> &'static str {
    match circle {
        Circle::Inner => "inner circle",
        Circle::Core => "core circle",
        Circle::Network => "network",
        Circle::Acquaintance => "acquaintances",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loads(counts: [u32; 4]) -> Vec<ContactLoad> {
        let mut v = Vec::new();
        for (circle, &n) in counts.iter().enumerate() {
            for i in 0..n {
                v.push(ContactLoad {
                    circle,
                    nudge: (i % 7) as i32 - 3,
                    fixed_in_year: 0,
                    paused: false,
                });
            }
        }
        v
    }

    #[test]
    fn a_book_that_fits_keeps_the_cap_and_the_rhythm() {
        let c = capacity(&loads([5, 15, 40, 60]), &PlannerSettings::default(), 261);
        assert_eq!(c.cap, 5);
        assert_eq!(c.intervals, [37, 61, 91, 116]);
        assert!(c.notes.is_empty());
    }

    #[test]
    fn widest_circles_stretch_first_then_the_cap_rises_to_the_least_that_fits() {
        let settings = PlannerSettings::default();
        // 300 contacts: about 1,250 pings a year against 0.9 × 5 × 261 ≈ 1,175:
        // the network goes to its floor before the core circle gives a little.
        let c = capacity(&loads([15, 45, 90, 150]), &settings, 261);
        assert_eq!(c.cap, 5);
        assert_eq!(c.intervals[0], 37);
        assert_eq!(c.intervals[2..4], [116, 116]);
        assert!(
            c.intervals[1] > 61 && c.intervals[1] <= 70,
            "{:?}",
            c.intervals
        );
        assert!(
            c.notes[0].contains("network about 3 a year"),
            "{:?}",
            c.notes
        );
        assert!(c.notes[0].contains("core circle about"), "{:?}", c.notes);

        let big = capacity(&loads([500, 1500, 4500, 3500]), &settings, 261);
        assert_eq!(big.intervals, [116; 4]);
        assert!(big.cap > 5);
        let mut lower = settings.clone();
        lower.daily_cap = big.cap - 1;
        assert_eq!(
            capacity(&loads([500, 1500, 4500, 3500]), &lower, 261).cap,
            big.cap
        );
        lower.daily_cap = big.cap;
        let kept = capacity(&loads([500, 1500, 4500, 3500]), &lower, 261);
        assert_eq!(kept.cap, big.cap);
        assert!(kept.notes.iter().all(|n| !n.contains("beyond")));
        assert!(big.notes[1].contains("beyond your capacity") && big.notes[1].contains("pause"));
    }
}
