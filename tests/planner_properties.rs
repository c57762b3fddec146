//! Properties of the planner over random populations (proptest), plus the
//! stability and determinism guarantees a subscribed calendar relies on.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use proptest::prelude::*;

use keepwarm::model::{Circle, InteractionKind};
use keepwarm::schedule::population::{generate, PopulationSpec};
use keepwarm::schedule::settings::PlannerSettings;
use keepwarm::schedule::snapshot::{ContactFacts, Snapshot};
use keepwarm::schedule::{plan, Ping, Plan, Reason};

fn population(spec: PopulationSpec, today: NaiveDate) -> Snapshot {
    generate(&spec, today)
}

fn by_contact(plan: &Plan) -> BTreeMap<i64, Vec<&Ping>> {
    let mut map: BTreeMap<i64, Vec<&Ping>> = BTreeMap::new();
    for p in &plan.pings {
        map.entry(p.contact_id).or_default().push(p);
    }
    map
}

/// Checks that no day holds more pings than the plan's daily cap, except by
/// fixed-date pings (birthdays, promises, follow-ups), which cannot move.
fn keeps_the_cap(plan: &Plan) -> Result<(), String> {
    let mut load: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for p in &plan.pings {
        let entry = load.entry(p.date).or_default();
        entry.0 += 1;
        if p.reason.is_fixed() {
            entry.1 += 1;
        }
    }
    match load
        .iter()
        .find(|(_, (all, fixed))| *all > plan.daily_cap.max(*fixed))
    {
        Some((day, (all, fixed))) => Err(format!(
            "{day}: {all} pings, {fixed} fixed, cap {}",
            plan.daily_cap
        )),
        None => Ok(()),
    }
}

/// [`keeps_the_cap`], less the known gap: when every day a rhythm ping may
/// take without counting as missed is full, the planner puts it over the cap
/// rather than break the contact's rhythm, and says so in its `details`. Such
/// pings stay rare: at most one in twenty.
fn keeps_the_cap_or_says_why(plan: &Plan) -> Result<(), String> {
    let mut load: BTreeMap<NaiveDate, (u32, u32, u32)> = BTreeMap::new();
    for p in &plan.pings {
        let entry = load.entry(p.date).or_default();
        entry.0 += 1;
        if p.reason.is_fixed() {
            entry.1 += 1;
        }
        if p.details.contains("Over your daily cap") {
            entry.2 += 1;
        }
    }
    let mut over = 0;
    for (day, (all, fixed, explained)) in &load {
        over += explained;
        if *all > plan.daily_cap.max(*fixed) + explained {
            return Err(format!(
                "{day}: {all} pings, {fixed} fixed, {explained} over the cap and saying so, cap {}",
                plan.daily_cap
            ));
        }
    }
    if over as usize * 20 > plan.pings.len().max(20) {
        return Err(format!("{over} of {} pings over the cap", plan.pings.len()));
    }
    Ok(())
}

fn spec_strategy() -> impl Strategy<Value = (PopulationSpec, NaiveDate)> {
    (
        any::<u64>(),
        20usize..220,
        0.0f64..0.9,
        0.0f64..0.15,
        0.0f64..0.1,
        0.0f64..0.4,
        0i64..1500,
    )
        .prop_map(
            |(seed, contacts, birthday_rate, event_rate, promise_rate, never, day)| {
                let spec = PopulationSpec {
                    contacts,
                    seed,
                    birthday_rate,
                    event_rate,
                    promise_rate,
                    never_contacted_rate: never,
                    paused_rate: 0.03,
                };
                (
                    spec,
                    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(day),
                )
            },
        )
}

proptest! {
    /// The rules every plan keeps, whatever the population and the day.
    #[test]
    fn every_plan_keeps_the_rules((spec, today) in spec_strategy()) {
        let snapshot = population(spec, today);
        let settings = PlannerSettings::default();
        let plan = plan(today, &snapshot, &settings, 730);
        let contacts: HashMap<i64, &ContactFacts> = snapshot.contacts.iter().map(|c| (c.id, c)).collect();
        let per_contact = by_contact(&plan);

        for p in &plan.pings {
            prop_assert!(p.date >= today, "{} planned before today", p.id);
            prop_assert!(!matches!(p.date.weekday(), Weekday::Sat | Weekday::Sun), "weekend ping {p:?}");
            prop_assert!(!p.why.is_empty() && !p.suggestion.is_empty());
            prop_assert!(p.warmth <= 100);
        }
        // Where the need fits under the cap (the plan did not have to raise
        // it), no day holds more than the cap except by fixed-date pings, and
        // the rare ping that says it is over the cap.
        if plan.daily_cap == settings.daily_cap {
            if let Err(e) = keeps_the_cap_or_says_why(&plan) {
                prop_assert!(false, "{}", e);
            }
        }

        for c in snapshot.contacts.iter().filter(|c| !c.paused) {
            let days: Vec<NaiveDate> = per_contact.get(&c.id).map(|v| v.iter().map(|p| p.date).collect()).unwrap_or_default();
            // 3–10 pings in any 365 days of the plan.
            for start in 0..=365 {
                let from = today + Duration::days(start);
                let to = from + Duration::days(365);
                let n = days.iter().filter(|d| **d >= from && **d < to).count();
                prop_assert!((3..=10).contains(&n), "contact {} ({:?}): {n} pings in 365 days from {from}: {days:?}", c.id, c.circle);
            }
            let mut sorted = days.clone();
            sorted.dedup();
            prop_assert_eq!(sorted.len(), days.len(), "two pings on one day for {}", c.id);
            // Ordinary gaps: consecutive rhythm pings at least 25 days apart.
            let ordinary: Vec<&&Ping> = per_contact.get(&c.id).map(|v| v.iter().filter(|p| matches!(p.reason, Reason::Cadence | Reason::Overdue)).collect()).unwrap_or_default();
            for w in ordinary.windows(2) {
                let gap = (w[1].date - w[0].date).num_days();
                let consecutive = !days.iter().any(|d| *d > w[0].date && *d < w[1].date);
                if consecutive {
                    prop_assert!(gap >= 25, "gap of {gap} days for {}: {:?} → {:?}", c.id, w[0].id, w[1].id);
                }
            }
        }
        let _ = contacts;

        // Per-circle means over the first year, with every circle present in numbers.
        let mut sums: BTreeMap<Circle, (f64, f64)> = BTreeMap::new();
        for c in snapshot.contacts.iter().filter(|c| !c.paused) {
            let n = per_contact.get(&c.id).map_or(0, |v| v.iter().filter(|p| p.date < today + Duration::days(365)).count());
            let e = sums.entry(c.circle).or_default();
            e.0 += n as f64;
            e.1 += 1.0;
        }
        let means: Vec<f64> = Circle::ALL.iter().filter_map(|c| sums.get(c).filter(|(_, k)| *k >= 8.0).map(|(s, k)| s / k)).collect();
        if means.len() == 4 {
            prop_assert!(means.windows(2).all(|w| w[0] >= w[1]), "circle means out of order: {means:?}");
        }
    }

    /// A plan for fewer days is the start of the plan for more days.
    #[test]
    fn the_horizon_only_cuts((spec, today) in spec_strategy(), days in 1u32..120) {
        let snapshot = population(spec, today);
        let settings = PlannerSettings::default();
        let long = plan(today, &snapshot, &settings, 400);
        let short = plan(today, &snapshot, &settings, days);
        let end = today + Duration::days(i64::from(days));
        let cut: Vec<&Ping> = long.pings.iter().filter(|p| p.date < end).collect();
        prop_assert_eq!(short.pings.iter().collect::<Vec<_>>(), cut);
    }
}

/// Regression: an overdue acquaintance last seen a year before was put over
/// the cap on today although the next four days had room.
#[test]
fn an_overdue_contact_waits_for_a_free_day_rather_than_go_over_the_cap() {
    let spec = PopulationSpec {
        contacts: 37,
        seed: 0,
        birthday_rate: 0.5431043473660909,
        event_rate: 0.0,
        promise_rate: 0.09246694664124215,
        never_contacted_rate: 0.2205576695449794,
        paused_rate: 0.03,
    };
    let today = NaiveDate::from_ymd_opt(2027, 5, 31).unwrap();
    let plan = plan(
        today,
        &population(spec, today),
        &PlannerSettings::default(),
        730,
    );
    keeps_the_cap(&plan).unwrap();
}

/// Regression: a backlog of late contacts and a month of follow-ups and
/// promises pushed rhythm pings over the cap for a month (a day in the fifth
/// week held six pings with a cap of five, one of them fixed).
#[test]
fn a_month_of_follow_ups_and_a_backlog_keep_the_cap() {
    let spec = PopulationSpec {
        contacts: 198,
        seed: 2431605465440891758,
        birthday_rate: 0.5431043473660909,
        event_rate: 0.042200091430952213,
        promise_rate: 0.09246694664124215,
        never_contacted_rate: 0.2205576695449794,
        paused_rate: 0.03,
    };
    let today = NaiveDate::from_ymd_opt(2029, 11, 4).unwrap();
    let plan = plan(
        today,
        &population(spec, today),
        &PlannerSettings::default(),
        730,
    );
    keeps_the_cap(&plan).unwrap();
}

/// The 1,000-contact population of the stability tests, without events and
/// promises so every change below is the only thing that differs.
fn thousand(today: NaiveDate) -> Snapshot {
    generate(&PopulationSpec::typical(1000, 2026), today)
}

/// Share of the other contacts' pings (by id) in the next 365 days whose date changed.
fn churn(before: &Plan, after: &Plan, changed_contact: i64) -> f64 {
    let after_dates: HashMap<&str, NaiveDate> = after
        .pings
        .iter()
        .map(|p| (p.id.as_str(), p.date))
        .collect();
    let others: Vec<&Ping> = before
        .pings
        .iter()
        .filter(|p| p.contact_id != changed_contact)
        .collect();
    let moved = others
        .iter()
        .filter(|p| after_dates.get(p.id.as_str()) != Some(&p.date))
        .count();
    moved as f64 / others.len() as f64
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

#[test]
fn adding_one_contact_barely_moves_the_others() {
    let settings = PlannerSettings::default();
    let base = thousand(today());
    let before = plan(today(), &base, &settings, 365);
    let mut worst: f64 = 0.0;
    // A fresh import, a contact just met, and an inner-circle friend with a birthday soon.
    let mut variants = Vec::new();
    let mut fresh = ContactFacts::new(5001, "New Contact", Circle::Network, today());
    fresh.uid = "new-contact-uid".into();
    variants.push(fresh.clone());
    let mut met = fresh.clone();
    met.record_interaction(InteractionKind::Meeting, today(), Some("Web Summit"), 1);
    variants.push(met);
    let mut close = ContactFacts::new(
        5001,
        "Close Friend",
        Circle::Inner,
        today() - Duration::days(300),
    );
    close.birthday = "--12-09".parse().ok();
    close.record_interaction(InteractionKind::Call, today() - Duration::days(50), None, 2);
    variants.push(close);
    for added in variants {
        let mut grown = base.clone();
        grown.contacts.push(added);
        let after = plan(today(), &grown, &settings, 365);
        let c = churn(&before, &after, 5001);
        worst = worst.max(c);
        assert!(
            c <= 0.05,
            "adding one contact moved {:.1}% of the others' pings",
            c * 100.0
        );
    }
    eprintln!(
        "adding one contact to 1,000: at most {:.2}% of other pings moved",
        worst * 100.0
    );
}

#[test]
fn logging_or_editing_one_contact_barely_moves_the_others() {
    let settings = PlannerSettings::default();
    let base = thousand(today());
    let before = plan(today(), &base, &settings, 365);
    for (index, change) in [(10usize, "log"), (20, "circle"), (30, "birthday")] {
        let mut changed = base.clone();
        let c = &mut changed.contacts[index];
        match change {
            "log" => c.record_interaction(InteractionKind::Meeting, today(), None, 77),
            "circle" => c.circle = Circle::Inner,
            _ => c.birthday = "--12-15".parse().ok(),
        }
        let id = c.id;
        let after = plan(today(), &changed, &settings, 365);
        let moved = churn(&before, &after, id);
        eprintln!(
            "{change} on one contact: {:.2}% of other pings moved",
            moved * 100.0
        );
        assert!(moved <= 0.05, "{change}: {:.1}%", moved * 100.0);
    }
}

#[test]
fn the_same_inputs_give_the_same_plan() {
    let settings = PlannerSettings::default();
    let snapshot = thousand(today());
    let a = serde_json::to_string(&plan(today(), &snapshot, &settings, 365)).unwrap();
    let b = serde_json::to_string(&plan(today(), &snapshot.clone(), &settings, 365)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn doing_each_day_s_pings_keeps_the_rest_of_the_calendar() {
    use keepwarm::schedule::simulate::mark_done;
    let settings = PlannerSettings::default();
    let mut world = thousand(today());
    let first = plan(today(), &world, &settings, 365);
    let end = today() + Duration::days(365);
    let mut worst: f64 = 0.0;
    for offset in 0..60 {
        let day = today() + Duration::days(offset);
        let current = plan(day, &world, &settings, 365);
        // Everything the first plan had from this day on, matched by id.
        let now: HashMap<&str, NaiveDate> = current
            .pings
            .iter()
            .map(|p| (p.id.as_str(), p.date))
            .collect();
        let expected: Vec<&Ping> = first
            .pings
            .iter()
            .filter(|p| p.date >= day && p.date < end)
            .collect();
        let moved = expected
            .iter()
            .filter(|p| now.get(p.id.as_str()) != Some(&p.date))
            .count();
        let share = moved as f64 / expected.len() as f64;
        worst = worst.max(share);
        for ping in current.pings.iter().filter(|p| p.date == day) {
            let contact = world
                .contacts
                .iter_mut()
                .find(|c| c.id == ping.contact_id)
                .unwrap();
            mark_done(contact, ping, day);
        }
    }
    eprintln!(
        "over 60 days of doing every ping, at most {:.2}% of the first plan moved",
        worst * 100.0
    );
    assert!(worst <= 0.05, "{:.2}% of the calendar moved", worst * 100.0);
}

/// `n` contacts added on one day with no history, in the given circle mix.
fn imported(counts: [usize; 4], today: NaiveDate) -> Snapshot {
    let mut contacts = Vec::new();
    let mut id = 0;
    for (circle, &n) in Circle::ALL.iter().zip(&counts) {
        for _ in 0..n {
            id += 1;
            let mut c = ContactFacts::new(id, &format!("Imported {id}"), *circle, today);
            c.uid = format!(
                "{:016x}",
                keepwarm::schedule::stable_hash(&[&id.to_le_bytes(), b"uid"])
            );
            contacts.push(c);
        }
    }
    Snapshot { contacts }
}

/// Pings per week (Monday to Sunday) of a year's plan, from the plan's first Monday.
fn weekly(plan: &Plan) -> Vec<u32> {
    let first_monday = plan.today
        + Duration::days(i64::from(
            (7 - plan.today.weekday().num_days_from_monday()) % 7,
        ));
    let mut weeks = vec![0u32; 53];
    for p in &plan.pings {
        let offset = (p.date - first_monday).num_days();
        if offset >= 0 && (offset / 7) < 53 {
            weeks[(offset / 7) as usize] += 1;
        }
    }
    weeks
}

/// Indices (0-based) of the weeks of [`weekly`] that hold a day of the
/// year-end break (21 Dec to 1 Jan: no business conversation starts then),
/// or a day one or two of the longest
/// circle intervals after one.
fn year_end_weeks(plan: &Plan) -> Vec<usize> {
    let first_monday = plan.today
        + Duration::days(i64::from(
            (7 - plan.today.weekday().num_days_from_monday()) % 7,
        ));
    let interval = plan
        .circles
        .iter()
        .map(|c| c.interval_days)
        .max()
        .unwrap_or(0);
    let mut weeks = Vec::new();
    for offset in 0..371 {
        let day = first_monday + Duration::days(offset);
        if (day.month() == 12 && day.day() >= 21) || (day.month() == 1 && day.day() == 1) {
            for k in 0..3 {
                let echo = offset + i64::from(interval) * k;
                weeks.push((echo / 7) as usize);
            }
        }
    }
    weeks.sort_unstable();
    weeks.dedup();
    weeks
}

fn evenness(counts: [usize; 4]) -> (Vec<u32>, f64, f64, f64, Plan) {
    let settings = PlannerSettings::default();
    let snapshot = imported(counts, today());
    let plan = plan(today(), &snapshot, &settings, 365);
    let weeks = weekly(&plan);
    // Weeks 5–52 (1-based): after the backlog of first hellos has been met,
    // less the year-end break (closed to introductions and to the network and
    // acquaintances) and the weeks one and two intervals after it, where the
    // pings it moved left their next ones.
    let closed = year_end_weeks(&plan);
    let window: Vec<u32> = (4..52)
        .filter(|i| !closed.contains(i))
        .map(|i| weeks[i])
        .collect();
    let window = &window[..];
    let mean = window.iter().map(|&w| f64::from(w)).sum::<f64>() / window.len() as f64;
    let var = window
        .iter()
        .map(|&w| (f64::from(w) - mean).powi(2))
        .sum::<f64>()
        / window.len() as f64;
    let cv = var.sqrt() / mean;
    let lo = window.iter().copied().min().unwrap_or(0);
    let hi = window.iter().copied().max().unwrap_or(0);
    eprintln!(
        "{counts:?}: cap {} weekly {weeks:?}\n  weeks 5–52: mean {mean:.1}, cv {cv:.3}, min {lo} ({:.2}× mean), max {hi} ({:.2}× mean); notes {:?}",
        plan.daily_cap,
        f64::from(lo) / mean,
        f64::from(hi) / mean,
        plan.notes
    );
    (weeks, mean, cv, f64::from(lo).min(f64::from(hi)), plan)
}

fn assert_even(counts: [usize; 4]) {
    let (weeks, mean, cv, _, plan) = evenness(counts);
    assert!(cv <= 0.20, "coefficient of variation {cv:.3}");
    let closed = year_end_weeks(&plan);
    for (i, &w) in weeks[4..52].iter().enumerate() {
        if closed.contains(&(i + 4)) {
            continue;
        }
        let ratio = f64::from(w) / mean;
        assert!(
            (0.5..=1.5).contains(&ratio),
            "week {}: {w} pings, {ratio:.2}× the mean",
            i + 5
        );
    }
    // The cap is kept: only fixed pings could go over it, and there are none here.
    let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for p in &plan.pings {
        *per_day.entry(p.date).or_default() += 1;
    }
    assert!(
        per_day.values().all(|&n| n <= plan.daily_cap),
        "a day over the cap of {}",
        plan.daily_cap
    );
}

#[test]
fn three_hundred_contacts_added_on_one_day_give_an_even_year() {
    assert_even([15, 45, 90, 150]);
}

#[test]
fn two_thousand_contacts_imported_on_one_day_give_an_even_year() {
    assert_even([100, 300, 600, 1000]);
}

/// Regression: two books where the cap is not kept on one day, by one ping
/// that says so.
#[test]
fn the_rare_ping_over_the_cap_says_so() {
    for (spec, today) in [
        (
            PopulationSpec {
                contacts: 213,
                seed: 2528072802242384602,
                birthday_rate: 0.49937064211407717,
                event_rate: 0.0,
                promise_rate: 0.057323653575004276,
                never_contacted_rate: 0.21875289508620663,
                paused_rate: 0.03,
            },
            NaiveDate::from_ymd_opt(2028, 11, 23).unwrap(),
        ),
        (
            PopulationSpec {
                contacts: 195,
                seed: 14283814089697641223,
                birthday_rate: 0.7295397304434721,
                event_rate: 0.016594462820165565,
                promise_rate: 0.0551655883283241,
                never_contacted_rate: 0.3840987218422084,
                paused_rate: 0.03,
            },
            NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        ),
    ] {
        let snapshot = population(spec, today);
        let plan = plan(today, &snapshot, &PlannerSettings::default(), 730);
        keeps_the_cap_or_says_why(&plan).unwrap();
    }
}
