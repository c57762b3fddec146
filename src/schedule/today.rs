//! Today, as every shell shows it: the pings still to do today, whether the day
//! is done, and what comes next. The CLI's `today` and the desktop app's Today
//! view both call [`today_view`], so they agree on what "done" means.

use chrono::NaiveDate;
use serde::Serialize;

use super::settings::PlannerSettings;
use super::snapshot::Snapshot;
use super::{plan_written_through, Ping, Plan};

/// How far ahead [`today_view`] looks for the next pings first; when that finds
/// none (a long vacation), it looks [`FAR_LOOK_AHEAD_DAYS`] ahead.
const LOOK_AHEAD_DAYS: u32 = 14;
/// See [`LOOK_AHEAD_DAYS`].
const FAR_LOOK_AHEAD_DAYS: u32 = 120;

/// What Today shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TodayView {
    /// The day.
    pub today: NaiveDate,
    /// The pings still to do today, in plan order.
    pub pings: Vec<Ping>,
    /// Pings from the coming days brought forward on request (`more`).
    pub more: Vec<Ping>,
    /// Pings acted on today (done, snoozed, skipped).
    pub acted_today: u32,
    /// Nothing left to do today, and something was done: the day is finished.
    pub all_done: bool,
    /// The next day with pings after today, and how many it has.
    pub next_day: Option<NaiveDate>,
    /// The number of pings planned on `next_day`.
    pub next_day_count: u32,
    /// The daily cap the plan keeps to.
    pub daily_cap: u32,
    /// Things the user should know (stretched circles, a raised cap…).
    pub notes: Vec<String>,
}

impl TodayView {
    /// One line saying where the day stands, for a header or a notification.
    pub fn summary(&self) -> String {
        let next = match self.next_day {
            Some(day) => format!(
                "next: {} ping{} on {}",
                self.next_day_count,
                if self.next_day_count == 1 { "" } else { "s" },
                day.format("%a %-d %b")
            ),
            None => "nothing planned in the coming weeks".to_owned(),
        };
        match (self.pings.len(), self.all_done) {
            (0, true) => format!("All done for today; {next}."),
            (0, false) => format!("No pings today; {next}."),
            (n, _) => format!("{n} ping{} today.", if n == 1 { "" } else { "s" }),
        }
    }
}

/// Today's pings and where the day stands; `more` brings that many of the
/// coming days' pings forward (the user asked for more).
pub fn today_view(
    today: NaiveDate,
    snapshot: &Snapshot,
    settings: &PlannerSettings,
    more: u32,
) -> TodayView {
    // Only today's pings are shown in words, unless the user asked for more.
    let through = if more == 0 { 0 } else { i32::MAX };
    let mut planned = plan_written_through(today, snapshot, settings, LOOK_AHEAD_DAYS, through);
    let nothing_later = |(plan, unwritten): &(Plan, Vec<(NaiveDate, i64)>)| {
        unwritten.is_empty() && plan.pings.iter().all(|p| p.date == today)
    };
    if nothing_later(&planned) {
        planned = plan_written_through(today, snapshot, settings, FAR_LOOK_AHEAD_DAYS, through);
    }
    let (plan, unwritten) = planned;
    let (todays, later): (Vec<Ping>, Vec<Ping>) =
        plan.pings.into_iter().partition(|p| p.date == today);
    let later_days: Vec<NaiveDate> = later
        .iter()
        .map(|p| p.date)
        .chain(unwritten.into_iter().map(|(day, _)| day))
        .collect();
    let next_day = later_days.first().copied();
    let next_day_count =
        next_day.map_or(0, |d| later_days.iter().filter(|&&l| l == d).count() as u32);
    // One contact at most once a day, even when brought forward; a birthday,
    // a promise or a follow-up keeps its own day (a wish a day early is wrong).
    let mut more_pings: Vec<Ping> = Vec::new();
    for p in later {
        if more_pings.len() >= more as usize {
            break;
        }
        if p.reason.is_fixed() {
            continue;
        }
        let taken = todays
            .iter()
            .chain(&more_pings)
            .any(|q| q.contact_id == p.contact_id);
        if !taken {
            more_pings.push(p);
        }
    }
    TodayView {
        today,
        all_done: todays.is_empty() && plan.acted_today > 0,
        pings: todays,
        more: more_pings,
        acted_today: plan.acted_today,
        next_day,
        next_day_count,
        daily_cap: plan.daily_cap,
        notes: plan.notes,
    }
}
