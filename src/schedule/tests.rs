//! Unit tests of the planner's rules, one rule per test, on hand-made snapshots.

use chrono::{Datelike, NaiveDate, Weekday};

use super::settings::PlannerSettings;
use super::snapshot::{ActionFacts, ContactFacts, NoteFacts, PromiseFacts, Snapshot};
use super::{contact_interval, plan, Ping, Plan, Reason};
use crate::model::{Birthday, Circle, InteractionKind, PingActionKind, Source};

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A Thursday.
pub(super) fn today() -> NaiveDate {
    d("2026-11-26")
}

pub(super) fn person(id: i64, circle: Circle) -> ContactFacts {
    ContactFacts::new(id, &format!("Person {id}"), circle, d("2025-01-01"))
}

fn met(mut c: ContactFacts, on: &str) -> ContactFacts {
    c.record_interaction(InteractionKind::Meeting, d(on), None, c.id * 1000);
    c
}

pub(super) fn born(mut c: ContactFacts, birthday: &str) -> ContactFacts {
    c.birthday = Some(birthday.parse::<Birthday>().unwrap());
    c
}

pub(super) fn plan_for(contacts: Vec<ContactFacts>, days: u32) -> Plan {
    plan(
        today(),
        &Snapshot { contacts },
        &PlannerSettings::default(),
        days,
    )
}

pub(super) fn of(plan: &Plan, contact: i64) -> Vec<&Ping> {
    plan.pings
        .iter()
        .filter(|p| p.contact_id == contact)
        .collect()
}

fn birthdays(plan: &Plan, contact: i64) -> Vec<NaiveDate> {
    of(plan, contact)
        .into_iter()
        .filter(|p| p.reason == Reason::Birthday)
        .map(|p| p.date)
        .collect()
}

#[test]
fn birthday_on_a_working_day_is_pinged_on_the_day() {
    // 2 December 2026 is a Wednesday.
    let plan = plan_for(
        vec![born(
            met(person(1, Circle::Network), "2026-11-20"),
            "1980-12-02",
        )],
        30,
    );
    assert_eq!(birthdays(&plan, 1), vec![d("2026-12-02")]);
    let ping = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .unwrap();
    assert!(ping.why.contains("turning 46"), "{}", ping.why);
    assert!(
        ping.suggestion.to_lowercase().contains("birthday"),
        "{}",
        ping.suggestion
    );
}

#[test]
fn weekend_birthday_moves_to_the_previous_working_day() {
    // 5 December 2026 is a Saturday, 6 December a Sunday.
    let plan = plan_for(
        vec![
            born(met(person(1, Circle::Network), "2026-11-20"), "1975-12-05"),
            born(met(person(2, Circle::Network), "2026-11-20"), "1975-12-06"),
        ],
        30,
    );
    assert_eq!(birthdays(&plan, 1), vec![d("2026-12-04")]);
    assert_eq!(birthdays(&plan, 2), vec![d("2026-12-04")]);
    let why = &of(&plan, 1)[0].why;
    assert!(
        why.contains("Sat 5 Dec") && why.contains("Fri 4 Dec is your last working day before"),
        "{why}"
    );
}

#[test]
fn birthday_without_a_year_works() {
    let plan = plan_for(
        vec![born(met(person(1, Circle::Core), "2026-11-20"), "--12-02")],
        30,
    );
    assert_eq!(birthdays(&plan, 1), vec![d("2026-12-02")]);
    assert!(!of(&plan, 1)[0].why.contains("turning"));
}

#[test]
fn leap_day_birthday_falls_on_28_february_in_common_years() {
    // 28 Feb 2027 is a Sunday: the previous working day is Friday 26 Feb.
    // 29 Feb 2028 is a Tuesday.
    let plan = plan_for(
        vec![born(
            met(person(1, Circle::Acquaintance), "2026-11-20"),
            "--02-29",
        )],
        500,
    );
    assert_eq!(birthdays(&plan, 1), vec![d("2027-02-26"), d("2028-02-29")]);
}

#[test]
fn birthday_counts_toward_the_budget_and_keeps_other_pings_away() {
    let plan = plan_for(
        vec![born(
            met(person(1, Circle::Inner), "2026-11-20"),
            "1990-03-10",
        )],
        365,
    );
    let pings = of(&plan, 1);
    let birthday = pings
        .iter()
        .find(|p| p.reason == Reason::Birthday)
        .unwrap()
        .date;
    for p in pings.iter().filter(|p| p.reason != Reason::Birthday) {
        assert!(
            (p.date - birthday).num_days().abs() >= 10,
            "{} too close to {birthday}",
            p.date
        );
    }
    assert!(pings.len() <= 10, "{} pings", pings.len());
}

#[test]
fn promise_due_becomes_a_ping_on_its_day() {
    let mut c = met(person(1, Circle::Network), "2026-11-20");
    c.open_promises = vec![
        PromiseFacts {
            id: 7,
            text: "Send the case study".into(),
            due: d("2026-12-03"),
        },
        // A Sunday: the previous working day.
        PromiseFacts {
            id: 8,
            text: "Intro to Sam".into(),
            due: d("2026-12-13"),
        },
        // Already late: as soon as possible.
        PromiseFacts {
            id: 9,
            text: "Pricing sheet".into(),
            due: d("2026-11-20"),
        },
    ];
    let plan = plan_for(vec![c], 30);
    let promises: Vec<(NaiveDate, Option<i64>)> = of(&plan, 1)
        .into_iter()
        .filter(|p| p.reason == Reason::Promise)
        .map(|p| (p.date, p.promise_id))
        .collect();
    assert_eq!(
        promises,
        vec![
            (d("2026-11-26"), Some(9)),
            (d("2026-12-03"), Some(7)),
            (d("2026-12-11"), Some(8))
        ]
    );
    let late = of(&plan, 1)
        .into_iter()
        .find(|p| p.promise_id == Some(9))
        .unwrap();
    assert!(
        late.why.contains("still open") && late.suggestion.contains("the pricing sheet"),
        "{late:?}"
    );
}

#[test]
fn logging_resets_the_clock_from_the_interaction_date_back_dated_too() {
    let c = met(person(1, Circle::Network), "2026-11-16");
    let network = i64::from(contact_interval(&PlannerSettings::default(), &c));
    let recent = plan_for(vec![c], 365);
    let first = of(&recent, 1)[0];
    let due = d("2026-11-16") + chrono::Duration::days(network);
    assert!(
        first.date >= due && (first.date - due).num_days() <= 7,
        "{} vs {due}",
        first.date
    );
    assert_eq!(first.reason, Reason::Cadence);

    // The same meeting logged long ago: due long ago, planned at the contact's
    // phase within one interval from today (a backlog spreads), never before.
    let old = plan_for(vec![met(person(1, Circle::Network), "2026-03-01")], 365);
    let first = of(&old, 1)[0];
    assert_eq!(first.reason, Reason::Overdue);
    assert!(first.date >= today() && (first.date - today()).num_days() <= network);
    assert!(
        first.why.contains("since you last met Person on 1 Mar"),
        "{}",
        first.why
    );
    assert!(first.details.contains("Due since"), "{}", first.details);

    // A weak touch after a strong one does not bring the next ping forward.
    let mut c = met(person(1, Circle::Network), "2026-11-16");
    c.record_interaction(InteractionKind::Social, d("2026-11-20"), None, 5);
    let both = plan_for(vec![c], 365);
    assert_eq!(of(&both, 1)[0].date, of(&recent, 1)[0].date);
}

#[test]
fn event_gets_two_follow_ups_then_normal_cadence() {
    let mut c = person(1, Circle::Network);
    c.record_interaction(InteractionKind::Event, d("2026-11-26"), Some("SaaStr"), 42);
    let interval = i64::from(contact_interval(&PlannerSettings::default(), &c));
    let plan = plan_for(vec![c], 365);
    let pings = of(&plan, 1);
    let follow_ups: Vec<&&Ping> = pings
        .iter()
        .filter(|p| p.reason == Reason::FollowUp)
        .collect();
    assert_eq!(follow_ups.len(), 2, "{pings:#?}");
    let first_gap = (follow_ups[0].date - today()).num_days();
    // 1–3 working days after a Thursday: Fri, Mon or Tue.
    assert!((1..=5).contains(&first_gap), "{first_gap}");
    assert!(follow_ups[0].suggestion.contains("SaaStr"));
    let second_gap = (follow_ups[1].date - today()).num_days();
    assert!((19..=25).contains(&second_gap), "{second_gap}");
    assert_eq!(follow_ups[0].id, "1-f42-1");
    assert_eq!(follow_ups[1].id, "1-f42-2");
    let next = pings.iter().find(|p| p.date > follow_ups[1].date).unwrap();
    assert_eq!(next.reason, Reason::Cadence);
    assert!((next.date - follow_ups[1].date).num_days() >= interval);
}

#[test]
fn an_event_logged_late_still_gets_its_first_follow_up_soon() {
    let mut c = person(1, Circle::Core);
    c.record_interaction(
        InteractionKind::Event,
        d("2026-11-16"),
        Some("Web Summit"),
        3,
    );
    let plan = plan_for(vec![c], 60);
    let f: Vec<NaiveDate> = of(&plan, 1)
        .into_iter()
        .filter(|p| p.reason == Reason::FollowUp)
        .map(|p| p.date)
        .collect();
    assert_eq!(f[0], today());
    // Three weeks after the event would be a week or so after this late
    // first touch: no second touch then, the rhythm picks the contact up.
    assert_eq!(f.len(), 1, "{f:?}");
}

fn act(c: &mut ContactFacts, ping: &Ping, action: PingActionKind, until: Option<NaiveDate>) {
    c.actions.push(ActionFacts {
        ping_id: ping.id.clone(),
        action,
        acted_on: today(),
        planned_on: ping.date,
        snoozed_until: until,
    });
}

#[test]
fn snooze_moves_a_ping_and_the_rhythm_follows() {
    let c = met(person(1, Circle::Core), "2026-09-01");
    let before = plan_for(vec![c.clone()], 365);
    let first = of(&before, 1)[0].clone();
    let mut snoozed = c.clone();
    let until = super::snooze_day(&before, &PlannerSettings::default(), &first, 5);
    assert!(until >= first.date + chrono::Duration::days(5));
    act(&mut snoozed, &first, PingActionKind::Snoozed, Some(until));
    let after = plan_for(vec![snoozed], 365);
    let moved = of(&after, 1)
        .into_iter()
        .find(|p| p.id == first.id)
        .unwrap();
    assert_eq!(moved.date, until, "snoozed to a working day: exactly there");
    assert!(
        moved
            .why
            .starts_with(&format!("Snoozed to {}", until.format("%a %-d %b"))),
        "{}",
        moved.why
    );
    let next = of(&after, 1)[1];
    assert!(
        (next.date - moved.date).num_days()
            >= i64::from(contact_interval(&PlannerSettings::default(), &c)) - 1
    );
}

#[test]
fn skip_drops_one_ping_and_keeps_the_rhythm() {
    let c = met(person(1, Circle::Core), "2026-09-01");
    let before = plan_for(vec![c.clone()], 365);
    let first = of(&before, 1)[0].clone();
    let mut skipped = c;
    act(&mut skipped, &first, PingActionKind::Skipped, None);
    let after = plan_for(vec![skipped], 365);
    assert!(of(&after, 1).iter().all(|p| p.id != first.id));
    // The next ping is the one that followed it before.
    assert_eq!(of(&after, 1)[0].id, of(&before, 1)[1].id);
}

#[test]
fn done_restarts_the_rhythm_from_the_day_it_was_done() {
    let interval = i64::from(contact_interval(
        &PlannerSettings::default(),
        &person(1, Circle::Core),
    ));
    // Due two days ago: planned today.
    let last = today() - chrono::Duration::days(interval + 2);
    let c = met(person(1, Circle::Core), &last.to_string());
    let before = plan_for(vec![c.clone()], 365);
    let first = of(&before, 1)[0].clone();
    assert_eq!(first.date, today(), "due: planned today");
    let mut done = c;
    super::simulate::mark_done(&mut done, &first, today());
    let after = plan_for(vec![done], 365);
    assert!(of(&after, 1).iter().all(|p| p.id != first.id));
    let next = of(&after, 1)[0];
    assert!((next.date - today()).num_days() >= interval - 1);
    assert!(next.warmth >= 45 && next.warmth <= 55, "{}", next.warmth);
}

#[test]
fn done_birthday_and_promise_pings_disappear() {
    let mut c = born(met(person(1, Circle::Network), "2026-11-20"), "1980-12-02");
    c.open_promises.push(PromiseFacts {
        id: 3,
        text: "Send deck".into(),
        due: d("2026-12-01"),
    });
    let before = plan_for(vec![c.clone()], 30);
    for ping in of(&before, 1) {
        super::simulate::mark_done(&mut c, ping, today());
    }
    let after = plan_for(vec![c], 30);
    assert!(of(&after, 1)
        .iter()
        .all(|p| !matches!(p.reason, Reason::Birthday | Reason::Promise)));
}

#[test]
fn a_skipped_promise_is_still_owed_and_comes_back() {
    let mut c = met(person(1, Circle::Network), "2026-11-20");
    for (id, due) in [(3, "2026-11-26"), (4, "2026-12-03")] {
        c.open_promises.push(PromiseFacts {
            id,
            text: format!("Promise {id}"),
            due: d(due),
        });
    }
    let before = plan_for(vec![c.clone()], 30);
    for ping in of(&before, 1) {
        if ping.reason == Reason::Promise {
            act(&mut c, ping, PingActionKind::Skipped, None);
        }
    }
    let after = plan_for(vec![c], 30);
    let promises: Vec<(NaiveDate, Option<i64>)> = of(&after, 1)
        .into_iter()
        .filter(|p| p.reason == Reason::Promise)
        .map(|p| (p.date, p.promise_id))
        .collect();
    // Due today and skipped: tomorrow (a Friday). Skipped before its day: on it.
    assert_eq!(
        promises,
        vec![(d("2026-11-27"), Some(3)), (d("2026-12-03"), Some(4))]
    );
}

#[test]
fn vacations_and_weekends_get_no_pings() {
    let mut settings = PlannerSettings::default();
    settings
        .apply("vacations", "2026-12-21..2027-01-03")
        .unwrap();
    let contacts: Vec<ContactFacts> = (1..=60)
        .map(|i| {
            born(
                met(person(i, Circle::Inner), "2026-11-10"),
                &format!("--12-{:02}", 10 + i % 19),
            )
        })
        .collect();
    let plan = plan(today(), &Snapshot { contacts }, &settings, 120);
    assert!(!plan.pings.is_empty());
    for p in &plan.pings {
        assert!(
            settings.is_working_day(p.date),
            "{} {:?} on {}",
            p.id,
            p.reason,
            p.date
        );
    }
    // Birthdays in the vacation were wished before it.
    assert!(plan
        .pings
        .iter()
        .filter(|p| p.reason == Reason::Birthday)
        .all(|p| p.date < d("2026-12-21") || p.date > d("2027-01-03")));
    assert!(plan.pings.iter().any(|p| p.date.weekday() == Weekday::Mon));
}

#[test]
fn never_contacted_contacts_are_spread_not_dumped() {
    // 200 contacts imported today, never contacted.
    let contacts: Vec<ContactFacts> = (1..=200)
        .map(|i| ContactFacts::new(i, &format!("Imported {i}"), Circle::Network, today()))
        .collect();
    let plan = plan_for(contacts, 120);
    let mut per_day = std::collections::BTreeMap::new();
    for p in plan.pings.iter().filter(|p| p.date < d("2027-01-10")) {
        *per_day.entry(p.date).or_insert(0) += 1;
    }
    assert!(
        per_day.values().all(|&n| n <= plan.daily_cap),
        "{per_day:?}"
    );
    assert!(per_day.len() >= 20, "spread over {} days", per_day.len());
    let first = &plan.pings[0];
    assert!(first.first_hello && first.label() == "first hello");
    assert_eq!(
        first.why,
        "Imported is a recent addition to your contacts, with no conversation yet."
    );
    assert!(!first.why.contains("overdue") && !first.details.contains("verdue"));
}

#[test]
fn overdue_backlog_spreads_over_each_contact_s_interval() {
    // Acquaintances about five months late, inner-circle friends about three,
    // all last met on the same day: their first pings spread over their interval
    // (the inner circle within five weeks), and the second ones do not come
    // back together either.
    let mut contacts: Vec<ContactFacts> = (1..=40)
        .map(|i| met(person(i, Circle::Acquaintance), "2026-03-01"))
        .collect();
    contacts.extend((41..=45).map(|i| met(person(i, Circle::Inner), "2026-07-20")));
    let plan = plan_for(contacts, 365);
    let firsts: Vec<&Ping> = (1..=45).map(|i| of(&plan, i)[0]).collect();
    for p in &firsts {
        assert_eq!(p.reason, Reason::Overdue, "{p:?}");
        let within = if p.contact_id > 40 { 40 } else { 120 };
        assert!((p.date - today()).num_days() <= within, "{p:?}");
    }
    let weeks = |pings: &[&Ping]| {
        pings
            .iter()
            .map(|p| (p.date - today()).num_days() / 7)
            .collect::<std::collections::BTreeSet<i64>>()
            .len()
    };
    // (The year-end break, closed to acquaintances, takes one week out of
    // the first pings, and so of the second ones.)
    assert!(
        weeks(&firsts) >= 9,
        "first pings in {} weeks",
        weeks(&firsts)
    );
    let seconds: Vec<&Ping> = (1..=40).map(|i| of(&plan, i)[1]).collect();
    assert!(
        weeks(&seconds) >= 9,
        "second pings in {} weeks",
        weeks(&seconds)
    );
    assert!(firsts
        .iter()
        .any(|p| p.details.contains("own point in the rhythm")));
}

#[test]
fn one_contact_never_gets_two_pings_on_one_day() {
    let mut c = born(met(person(1, Circle::Inner), "2026-11-20"), "1980-12-03");
    c.record_interaction(
        InteractionKind::Event,
        d("2026-11-25"),
        Some("Dreamforce"),
        9,
    );
    c.open_promises.push(PromiseFacts {
        id: 1,
        text: "Deck".into(),
        due: d("2026-12-03"),
    });
    let plan = plan_for(vec![c], 365);
    let mut days: Vec<NaiveDate> = of(&plan, 1).iter().map(|p| p.date).collect();
    let n = days.len();
    days.dedup();
    assert_eq!(days.len(), n, "{:#?}", of(&plan, 1));
}

#[test]
fn the_plan_does_not_depend_on_how_far_it_looks() {
    let contacts: Vec<ContactFacts> = (1..=80)
        .map(|i| {
            let circle = Circle::ALL[(i % 4) as usize];
            born(
                met(person(i, circle), &format!("2026-{:02}-15", 1 + i % 11)),
                &format!("--{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            )
        })
        .collect();
    let long = plan_for(contacts.clone(), 365);
    for days in [1, 30, 90] {
        let short = plan_for(contacts.clone(), days);
        let horizon = today() + chrono::Duration::days(i64::from(days));
        let cut: Vec<&Ping> = long.pings.iter().filter(|p| p.date < horizon).collect();
        let short_pings: Vec<&Ping> = short.pings.iter().collect();
        assert_eq!(short_pings, cut, "horizon {days}");
    }
}

#[test]
fn paused_contacts_get_only_their_promises() {
    let mut c = born(met(person(1, Circle::Inner), "2026-01-01"), "1980-12-02");
    c.paused = true;
    c.open_promises.push(PromiseFacts {
        id: 4,
        text: "Return the book".into(),
        due: d("2026-12-08"),
    });
    let plan = plan_for(vec![c], 365);
    let reasons: Vec<Reason> = of(&plan, 1).iter().map(|p| p.reason).collect();
    assert_eq!(reasons, vec![Reason::Promise]);
}

#[test]
fn why_and_suggestion_are_always_written() {
    let mut c = born(met(person(1, Circle::Core), "2026-08-14"), "1980-06-20");
    c.interests = vec!["Celtics".into(), "sailing".into()];
    c.company = Some("Acme".into());
    let plan = plan_for(vec![c, person(2, Circle::Network)], 365);
    for p in &plan.pings {
        assert!(p.why.len() > 20, "{p:?}");
        assert!(p.suggestion.len() > 20, "{p:?}");
        assert!(!p.suggestion.contains('{'), "{p:?}");
    }
    let first = of(&plan, 1)
        .into_iter()
        .find(|p| matches!(p.reason, Reason::Cadence | Reason::Overdue))
        .unwrap();
    assert!(
        first.why.contains("last met Person on 14 Aug"),
        "{}",
        first.why
    );
    assert!(first.details.contains("Warmth on"), "{}", first.details);
    // Mechanics and numbers stay out of the why; no internal names anywhere.
    for p in &plan.pings {
        assert!(
            !p.why.contains("warmth") && !p.why.contains("/100"),
            "{}",
            p.why
        );
        for text in [&p.why, &p.suggestion, &p.details] {
            assert!(!text.contains('_') && !text.contains('{'), "{text}");
        }
    }
    // Interests show up, and suggestions vary from one ping to the next.
    let texts: Vec<&str> = of(&plan, 1).iter().map(|p| p.suggestion.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Celtics") || t.contains("sailing")),
        "{texts:#?}"
    );
    assert!(texts.windows(2).all(|w| w[0] != w[1]), "{texts:#?}");
}

#[test]
fn many_fixed_pings_on_one_day_spread_out_and_never_hang() {
    // Three promises due tomorrow (Friday), an event yesterday and a birthday
    // tomorrow: five fixed pings wanting the same two days.
    let mut c = born(met(person(1, Circle::Inner), "2026-11-20"), "1980-11-27");
    c.record_interaction(InteractionKind::Event, d("2026-11-25"), Some("Expo"), 5);
    c.open_promises = (1..=3)
        .map(|id| PromiseFacts {
            id,
            text: format!("Promise {id}"),
            due: d("2026-11-27"),
        })
        .collect();
    let plan = plan_for(vec![c], 60);
    let mut days: Vec<NaiveDate> = of(&plan, 1).iter().map(|p| p.date).collect();
    let n = days.len();
    days.dedup();
    assert_eq!(days.len(), n, "{:#?}", of(&plan, 1));
    assert!(n >= 5);
    assert!(of(&plan, 1)
        .iter()
        .all(|p| p.date >= today() && p.date.weekday().num_days_from_monday() < 5));
}

#[test]
fn a_birthday_of_someone_never_talked_to_is_a_short_wish() {
    let contacts: Vec<ContactFacts> = (1..=12)
        .map(|i| {
            born(
                person(i, Circle::Network),
                &format!("--{:02}-{:02}", if i % 2 == 0 { 12 } else { 1 }, 1 + i),
            )
        })
        .collect();
    let plan = plan_for(contacts, 120);
    let wishes: Vec<&Ping> = plan
        .pings
        .iter()
        .filter(|p| p.reason == Reason::Birthday)
        .collect();
    assert!(!wishes.is_empty());
    for p in wishes {
        assert!(
            p.suggestion.contains("short happy-birthday message")
                && !p.suggestion.contains("share"),
            "{}",
            p.suggestion
        );
        assert_eq!(p.action, crate::model::InteractionKind::Message);
    }
}

/// The first ping the plan gives a contact.
fn first_ping(plan: &Plan, contact: i64) -> &Ping {
    of(plan, contact).into_iter().next().unwrap()
}

#[test]
fn only_strangers_get_a_first_hello() {
    let linked = |mut c: ContactFacts, notes: &str| {
        c.source = Some(Source::Linkedin);
        c.notes = notes.to_owned();
        c
    };
    let stranger = linked(
        person(1, Circle::Acquaintance),
        "LinkedIn: https://www.linkedin.com/in/someone",
    );
    let roommate = linked(
        person(2, Circle::Inner),
        "My old college roommate, now at a VC.",
    );
    let mut client = linked(person(3, Circle::Acquaintance), "");
    client.tags = vec!["Clients".into()];
    client.company = Some("Peak Retail Group".into());
    let boss = linked(
        person(4, Circle::Network),
        "LinkedIn: https://www.linkedin.com/in/boss\n\nFrom google-contacts.csv: Former boss at Meridian. Good reference.",
    );
    let met = linked(person(5, Circle::Acquaintance), "Met at Dreamforce 2024");
    let core = linked(person(6, Circle::Core), "");
    let plan = plan_for(vec![stranger, roommate, client, boss, met, core], 240);

    let hello = first_ping(&plan, 1);
    assert!(hello.first_hello, "{hello:?}");
    assert!(hello.suggestion.contains("Introduce") || hello.suggestion.contains("hello"));
    assert!(hello.why.contains("not talked since"), "{}", hello.why);

    for id in 2..=6 {
        let p = first_ping(&plan, id);
        assert!(!p.first_hello, "{p:?}");
        assert_eq!(p.label(), "keep in touch");
        assert!(!p.suggestion.contains("Introduce"), "{}", p.suggestion);
        assert!(!p.why.contains("not talked since"), "{}", p.why);
        assert!(
            p.why.starts_with("You have no conversation with"),
            "{}",
            p.why
        );
        assert!(
            p.details.contains("no conversation logged"),
            "{}",
            p.details
        );
    }
    assert!(first_ping(&plan, 2).why.contains("college roommate"));
    assert!(first_ping(&plan, 3).why.contains("Clients"));
    assert!(first_ping(&plan, 3)
        .suggestion
        .contains("Peak Retail Group"));
    assert!(first_ping(&plan, 4)
        .why
        .contains("\u{201c}Former boss at Meridian. Good reference\u{201d}"));
    assert!(first_ping(&plan, 5).why.contains("Dreamforce 2024"));
    assert!(first_ping(&plan, 6).why.contains("core circle"));
}

#[test]
fn no_introductions_or_network_check_ins_over_the_year_end_break() {
    let settings = PlannerSettings::default();
    let mut contacts = Vec::new();
    // Strangers imported over the years, and network contacts whose rhythm
    // falls due in the break (met an interval before 24–31 Dec).
    for i in 1..=40 {
        let mut c = ContactFacts::new(
            i,
            &format!("Imported {i}"),
            Circle::Acquaintance,
            d("2021-03-01") + chrono::Duration::days(i * 37),
        );
        c.source = Some(Source::Linkedin);
        contacts.push(c);
    }
    for i in 41..=48 {
        let c = person(i, Circle::Network);
        let due = d("2026-12-24") + chrono::Duration::days(i - 41);
        let interval = i64::from(contact_interval(&settings, &c));
        contacts.push(met(
            c,
            &(due - chrono::Duration::days(interval)).to_string(),
        ));
    }
    // The inner circle still hears from you; birthdays keep their day.
    contacts.push(born(
        met(person(49, Circle::Inner), "2026-11-20"),
        "1980-12-28",
    ));
    contacts.push(born(person(50, Circle::Network), "1975-12-29"));
    let plan = plan_for(contacts, 120);
    let in_break = |p: &Ping| {
        (p.date.month() == 12 && p.date.day() >= 24) || (p.date.month() == 1 && p.date.day() == 1)
    };
    for p in &plan.pings {
        if in_break(p) && !p.reason.is_fixed() {
            assert!(
                matches!(p.circle, Circle::Inner | Circle::Core) && !p.first_hello,
                "{p:?}"
            );
        }
    }
    assert_eq!(birthdays(&plan, 49), vec![d("2026-12-28")]);
    assert_eq!(birthdays(&plan, 50), vec![d("2026-12-29")]);
    // Those due in the break come on the first working days after it.
    for i in 41..=48 {
        let first = of(&plan, i)
            .into_iter()
            .find(|p| p.reason == Reason::Cadence)
            .unwrap();
        assert!(
            first.date >= d("2027-01-04") && first.date <= d("2027-01-08"),
            "{first:?}"
        );
    }
    // Every stranger still gets a first hello.
    assert_eq!((1..=40).filter(|&i| !of(&plan, i).is_empty()).count(), 40);
}

/// The contact met at an event on `on`, with the note written there.
pub(super) fn at_event(mut c: ContactFacts, on: &str, event: &str, text: &str) -> ContactFacts {
    c.record_interaction(InteractionKind::Event, d(on), Some(event), c.id * 1000);
    c.last_note = Some(NoteFacts {
        date: d(on),
        kind: InteractionKind::Event,
        text: text.to_owned(),
        event: Some(event.to_owned()),
    });
    c
}

pub(super) fn noted(mut c: ContactFacts, on: &str, text: &str) -> ContactFacts {
    c.record_interaction(InteractionKind::Call, d(on), None, c.id * 1000);
    c.last_note = Some(NoteFacts {
        date: d(on),
        kind: InteractionKind::Call,
        text: text.to_owned(),
        event: None,
    });
    c
}

#[test]
fn a_renewal_in_a_note_brings_the_ping_before_it_and_a_passed_one_is_asked_about() {
    let renewal = noted(
        person(1, Circle::Core),
        "2026-11-19",
        "Harbor Bank renewal due Dec 20. Procurement wants a 10% discount for a two-year term.",
    );
    let review = noted(
        person(2, Circle::Core),
        "2026-10-01",
        "Budget review on Oct 20; needs CFO sign-off by Nov 2.",
    );
    let plan = plan_for(vec![renewal, review], 120);

    // A week before it (on the working day before that).
    let before = first_ping(&plan, 1);
    assert!(
        before.date < d("2026-12-20") && before.date >= d("2026-12-10"),
        "{before:?}"
    );
    assert!(before.why.contains("Harbor Bank renewal"), "{}", before.why);
    assert!(
        before.suggestion.contains("renewal"),
        "{}",
        before.suggestion
    );

    let after = first_ping(&plan, 2);
    assert!(after.date > d("2026-11-02"), "{after:?}");
    assert!(
        after
            .suggestion
            .contains("how the budget review on 20 Oct went")
            || after
                .suggestion
                .contains("how the CFO sign-off on 2 Nov went"),
        "{}",
        after.suggestion
    );
    for p in of(&plan, 2) {
        assert!(
            !p.suggestion.contains("Oct 20") && !p.suggestion.contains("Nov 2"),
            "{}",
            p.suggestion
        );
        assert!(!p.suggestion.contains("still wanted"), "{}", p.suggestion);
    }
}

/// 120 contacts of every circle with birthdays, interests and, for a third
/// of them, a note with a request and a renewal date.
fn noted_population() -> Snapshot {
    let contacts: Vec<ContactFacts> = (1..=120)
        .map(|i| {
            let circle = Circle::ALL[(i % 4) as usize];
            let mut c = born(
                met(
                    person(i, circle),
                    &format!("2026-{:02}-1{}", 1 + i % 11, i % 10),
                ),
                &format!("--{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            );
            c.interests = vec![["golf", "jazz", "Celtics", "sailing"][(i % 4) as usize].into()];
            if i % 3 == 0 {
                c.last_note = Some(NoteFacts {
                    date: d("2026-10-20"),
                    kind: InteractionKind::Meeting,
                    text: "Asked for the pricing sheet; renewal due Dec 14".into(),
                    event: None,
                });
            }
            c
        })
        .collect();
    Snapshot { contacts }
}

#[test]
fn today_writes_its_pings_as_the_full_plan_does() {
    // Today writes only its own pings' words; they must read exactly as in
    // the plan that writes every ping, and the next day must agree.
    let snapshot = noted_population();
    let settings = PlannerSettings::default();
    for day in ["2026-11-26", "2026-11-30", "2026-12-14"] {
        let today = d(day);
        let full = plan(today, &snapshot, &settings, 14);
        let view = super::today::today_view(today, &snapshot, &settings, 0);
        let todays: Vec<&Ping> = full.pings.iter().filter(|p| p.date == today).collect();
        assert!(!todays.is_empty(), "{day}: the test needs pings today");
        assert_eq!(view.pings.iter().collect::<Vec<_>>(), todays, "{day}");
        let next = full.pings.iter().map(|p| p.date).find(|&d| d > today);
        assert_eq!(view.next_day, next, "{day}");
        let count = full.pings.iter().filter(|p| Some(p.date) == next).count() as u32;
        assert_eq!(view.next_day_count, count, "{day}");
    }
}

#[test]
fn ping_days_are_the_plan_s_days_without_words() {
    let snapshot = noted_population();
    let settings = PlannerSettings::default();
    let full = plan(today(), &snapshot, &settings, 130);
    let days: Vec<(NaiveDate, i64)> = full.pings.iter().map(|p| (p.date, p.contact_id)).collect();
    assert!(days.len() > 100, "{}", days.len());
    assert_eq!(super::ping_days(today(), &snapshot, &settings, 130), days);
}

pub(super) fn noted_as(
    mut c: ContactFacts,
    kind: InteractionKind,
    on: &str,
    text: &str,
    event: Option<&str>,
) -> ContactFacts {
    c.record_interaction(kind, d(on), event, c.id * 1000);
    c.last_note = Some(NoteFacts {
        date: d(on),
        kind,
        text: text.to_owned(),
        event: event.map(str::to_owned),
    });
    c
}

#[test]
fn an_open_request_is_met_within_two_weeks_not_at_the_circle_s_rhythm() {
    // Asked six weeks ago, asked a week ago, and an offer still open.
    let old = noted(
        person(1, Circle::Network),
        "2026-10-15",
        "Evaluating AP automation next year; asked for the analyst report.",
    );
    let recent = noted(
        person(2, Circle::Network),
        "2026-11-19",
        "Workshop at their office. She asked about integrations with Fiserv.",
    );
    let offer = noted(
        person(3, Circle::Core),
        "2026-11-16",
        "Co-selling the account; he'll introduce their CFO.",
    );
    // A promise already answers the request: its own day, not before.
    let mut promised = noted(
        person(4, Circle::Network),
        "2026-11-20",
        "Wants pricing for 200 seats.",
    );
    promised.open_promises.push(PromiseFacts {
        id: 9,
        text: "Send pricing for 200 seats".into(),
        due: d("2026-12-18"),
    });
    let plan = plan_for(vec![old, recent, offer, promised], 120);
    let by = today() + chrono::Duration::days(14);
    for id in 1..=3 {
        let p = first_ping(&plan, id);
        assert!(p.date < by, "{p:?}");
    }
    let old = first_ping(&plan, 1);
    assert!(
        old.suggestion
            .starts_with("Send Person the analyst report asked for on 15 Oct"),
        "{}",
        old.suggestion
    );
    assert!(
        !old.suggestion.contains("still wanted"),
        "{}",
        old.suggestion
    );
    assert!(first_ping(&plan, 2).suggestion.contains("Fiserv"));
    assert!(
        first_ping(&plan, 3).why.contains("offer"),
        "{}",
        first_ping(&plan, 3).why
    );
    assert_eq!(first_ping(&plan, 4).reason, Reason::Promise);
}

#[test]
fn news_with_a_day_brings_a_ping_after_it_that_asks_how_it_went() {
    let surgery = noted_as(
        person(1, Circle::Core),
        InteractionKind::Message,
        "2026-11-08",
        "Texted about the game. She's having knee surgery on Dec 9.",
        None,
    );
    let plan = plan_for(vec![surgery], 120);
    let after = of(&plan, 1)
        .into_iter()
        .find(|p| p.date > d("2026-12-09"))
        .unwrap();
    assert!(after.date <= d("2026-12-14"), "{after:?}");
    assert!(
        after
            .suggestion
            .contains("how the knee surgery on 9 Dec went"),
        "{}",
        after.suggestion
    );
    for p in of(&plan, 1) {
        assert!(
            !p.suggestion.contains("having knee surgery"),
            "{}",
            p.suggestion
        );
    }
}

#[test]
fn cold_introductions_keep_out_of_the_days_before_christmas_when_there_is_room() {
    // Strangers whose first hellos fall across December, and a network
    // contact due in the same days, which keeps its day.
    let mut contacts: Vec<ContactFacts> = (1..=30)
        .map(|i| {
            let mut c = ContactFacts::new(
                i,
                &format!("Stranger {i}"),
                Circle::Acquaintance,
                d("2026-08-20") + chrono::Duration::days(i * 3),
            );
            c.source = Some(Source::Linkedin);
            c
        })
        .collect();
    let c = person(31, Circle::Network);
    let interval = i64::from(contact_interval(&PlannerSettings::default(), &c));
    contacts.push(met(
        c,
        &(d("2026-12-18") - chrono::Duration::days(interval)).to_string(),
    ));
    let plan = plan_for(contacts, 90);
    let pre_break = |p: &Ping| p.date >= d("2026-12-18") && p.date <= d("2026-12-20");
    for p in plan.pings.iter().filter(|p| p.first_hello) {
        assert!(!pre_break(p), "{p:?}");
    }
    assert_eq!((1..=30).filter(|&i| !of(&plan, i).is_empty()).count(), 30);
    assert!(
        pre_break(first_ping(&plan, 31)),
        "{:?}",
        first_ping(&plan, 31)
    );
}

#[test]
fn birthdays_call_the_closest_and_milestones_and_carry_the_news() {
    let mut dave = noted_as(
        born(person(1, Circle::Inner), "1983-12-06"),
        InteractionKind::Message,
        "2026-11-08",
        "Texted about the game. He's having knee surgery on Dec 9.",
        None,
    );
    dave.interests = vec!["golf".into()];
    let mut tom = met(born(person(2, Circle::Core), "1961-12-22"), "2026-09-02");
    tom.interests = vec!["sailing".into()];
    let mut lisa = met(born(person(3, Circle::Core), "--12-01"), "2026-10-01");
    lisa.interests = vec!["board games".into()];
    let mut mark = born(person(4, Circle::Network), "1958-12-17");
    mark.notes = "Family business, old school. Never reply by email, call him.".into();
    let plan = plan_for(vec![dave, tom, lisa, mark], 60);
    let wish = |id| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.reason == Reason::Birthday)
            .unwrap()
            .clone()
    };
    // Sunday's birthday: the Friday's ping says to call on Sunday, and
    // wishes luck for the surgery after it.
    let dave = wish(1);
    assert_eq!(dave.date, d("2026-12-04"));
    assert_eq!(dave.action, InteractionKind::Call);
    assert!(
        dave.suggestion
            .starts_with("Call Person on Sunday to wish a happy birthday")
            && dave.suggestion.contains("the knee surgery on Wed 9 Dec"),
        "{}",
        dave.suggestion
    );
    let tom = wish(2);
    assert_eq!(tom.action, InteractionKind::Call);
    assert!(
        tom.suggestion.contains("happy 65th birthday"),
        "{}",
        tom.suggestion
    );
    let lisa = wish(3);
    assert_ne!(lisa.action, InteractionKind::Call);
    assert!(
        lisa.suggestion.contains("board games"),
        "{}",
        lisa.suggestion
    );
    let mark = wish(4);
    assert!(
        mark.suggestion.contains("card by post"),
        "{}",
        mark.suggestion
    );
}

#[test]
fn serious_news_comes_before_small_talk() {
    let mut nate = noted_as(
        person(1, Circle::Inner),
        InteractionKind::Meeting,
        "2026-10-18",
        "Golf at the club. His mom is sick, in hospice.",
        None,
    );
    nate.interests = vec!["golf".into()];
    let plan = plan_for(vec![nate], 60);
    let p = first_ping(&plan, 1);
    assert_eq!(p.action, InteractionKind::Call);
    // The news is not quoted back: a call about how things are, and help.
    assert!(
        !p.suggestion.contains("hospice") && p.suggestion.contains("offer to help"),
        "{}",
        p.suggestion
    );
    assert!(!p.suggestion.contains("golf"), "{}", p.suggestion);
}

#[test]
fn strangers_are_introduced_to_and_an_unanswered_email_gets_a_second_try() {
    // To be introduced by a colleague: the ping is about the introduction.
    let mut anita = person(1, Circle::Network);
    anita.notes = "Carlos will introduce. Not met yet.".into();
    // One cold email, no reply.
    let mut amanda = noted_as(
        person(2, Circle::Acquaintance),
        InteractionKind::Email,
        "2026-08-01",
        "Cold outreach, no reply.",
        None,
    );
    amanda.company = Some("Blue Harbor Credit Union".into());
    // Only a comment on a post, at a company where the user works with two people.
    let mut lucas = noted_as(
        person(3, Circle::Acquaintance),
        InteractionKind::Social,
        "2026-11-25",
        "Commented on his treasury post.",
        None,
    );
    lucas.company = Some("Kestrel Foods".into());
    lucas.source = Some(Source::Linkedin);
    let mut nicole = noted(person(4, Circle::Network), "2026-11-18", "Discovery call.");
    nicole.company = Some("Kestrel Foods".into());
    nicole.given_name = "Nicole".into();
    let mut greg = met(person(5, Circle::Network), "2026-10-07");
    greg.company = Some("kestrel foods".into());
    greg.given_name = "Greg".into();
    let plan = plan_for(vec![anita, amanda, lucas, nicole, greg], 120);
    let anita = first_ping(&plan, 1);
    assert!(
        anita
            .suggestion
            .starts_with("Ask Carlos how the introduction to Person"),
        "{}",
        anita.suggestion
    );
    let amanda = first_ping(&plan, 2);
    assert!(
        amanda.suggestion.starts_with("Try Person once more"),
        "{}",
        amanda.suggestion
    );
    assert!(amanda.why.contains("had no reply"), "{}", amanda.why);
    assert!(!amanda.why.contains("reconnect"), "{}", amanda.why);
    let lucas = first_ping(&plan, 3);
    // The colleagues are a way in, but not named to someone who may be
    // their junior (or their boss).
    assert!(
        lucas
            .suggestion
            .contains("already knows colleagues at Kestrel Foods")
            && !lucas.suggestion.contains("Nicole"),
        "{}",
        lucas.suggestion
    );
    for p in [anita, amanda, lucas] {
        assert!(!p.suggestion.contains("catch-up"), "{}", p.suggestion);
        assert!(!p.suggestion.contains("coming quarter"), "{}", p.suggestion);
    }
}

#[test]
fn a_contact_does_not_get_the_same_sentence_twice() {
    let mut lisa = met(person(1, Circle::Core), "2026-10-01");
    lisa.interests = vec!["board games".into()];
    let plan = plan_for(vec![lisa], 365);
    let texts: Vec<&str> = of(&plan, 1).iter().map(|p| p.suggestion.as_str()).collect();
    let distinct: std::collections::BTreeSet<&str> = texts.iter().copied().collect();
    assert_eq!(distinct.len(), texts.len(), "{texts:#?}");
}

#[test]
fn asking_how_a_thing_sent_landed_names_the_day_it_is_for() {
    // Sent for a signature still ahead: how it landed, and what is needed
    // before the signature.
    let mut helen = noted_as(
        person(1, Circle::Core),
        InteractionKind::Call,
        "2026-11-27",
        "Legal redlines on DPA. Needs revised order form + updated DPA by Fri 4 Dec. Signature by 18 Dec.",
        None,
    );
    helen.open_promises.push(PromiseFacts {
        id: 5,
        text: "Send revised order form w 3-yr pricing + updated DPA".into(),
        due: d("2026-12-04"),
    });
    let plan = plan_for(vec![helen], 40);
    let after = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("landed well"))
        .unwrap_or_else(|| panic!("{:#?}", of(&plan, 1)));
    assert!(after.date < d("2026-12-18"), "{after:?}");
    assert!(
        after.suggestion.ends_with(
            "landed well, and what is still needed from you ahead of the signature on Fri 18 Dec."
        ),
        "{after:?}"
    );
}

#[test]
fn a_kept_promise_is_asked_about_on_the_next_ping() {
    let mut brian = noted_as(
        person(1, Circle::Network),
        InteractionKind::Email,
        "2026-11-25",
        "Sent the security whitepaper.",
        None,
    );
    brian.kept_promises.push(PromiseFacts {
        id: 3,
        text: "Send the security whitepaper and the SOC 2 report".into(),
        due: d("2026-11-25"),
    });
    let plan = plan_for(vec![brian], 200);
    let pings = of(&plan, 1);
    assert!(
        pings[0]
            .suggestion
            .contains("whether the security whitepaper and the SOC 2 report landed well"),
        "{}",
        pings[0].suggestion
    );
    assert!(
        pings[0].why.contains("kept your promise"),
        "{}",
        pings[0].why
    );
    assert!(
        !pings[1].suggestion.contains("whitepaper"),
        "{}",
        pings[1].suggestion
    );
}

#[test]
fn a_thing_simply_received_is_not_asked_about_and_the_user_s_my_is_your() {
    let reilly = |id: i64| {
        let mut mark = noted_as(
            person(id, Circle::Network),
            InteractionKind::Email,
            "2026-11-25",
            "Said yes to the panel.",
            None,
        );
        mark.given_name = "Mark".into();
        mark.name = "Mark Reilly".into();
        mark
    };
    let text = "Send Dr. Reilly my bio + headshot for the program";
    // Kept: the next ping does not ask whether the bio landed well (a
    // whitepaper would be asked about, see above).
    let mut kept = reilly(1);
    kept.kept_promises.push(PromiseFacts {
        id: 3,
        text: text.into(),
        due: d("2026-11-25"),
    });
    // Open: its ping says "your bio", and to Mark, not "Mark the Dr. Reilly".
    let mut open = reilly(2);
    open.open_promises.push(PromiseFacts {
        id: 4,
        text: text.into(),
        due: d("2026-12-18"),
    });
    let plan = plan_for(vec![kept, open], 200);
    let after = of(&plan, 1)[0];
    assert!(!after.suggestion.contains("landed"), "{after:?}");
    assert!(!after.why.contains("promise"), "{after:?}");
    let promise = of(&plan, 2)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .expect("the promise's ping");
    assert!(
        promise
            .suggestion
            .starts_with("Send Mark your bio + headshot for the program"),
        "{}",
        promise.suggestion
    );
}

#[test]
fn more_pings_today_never_bring_a_birthday_or_promise_forward() {
    let birthday = born(met(person(1, Circle::Core), "2026-11-01"), "--11-27");
    let mut promise = met(person(2, Circle::Core), "2026-11-01");
    promise.open_promises.push(PromiseFacts {
        id: 1,
        text: "Send the deck".into(),
        due: d("2026-11-27"),
    });
    let soon = met(person(3, Circle::Network), "2026-09-01");
    let view = super::today::today_view(
        today(),
        &Snapshot {
            contacts: vec![birthday, promise, soon],
        },
        &PlannerSettings::default(),
        3,
    );
    assert!(!view.more.is_empty());
    assert!(
        view.more.iter().all(|p| !p.reason.is_fixed()),
        "{:?}",
        view.more
    );
}

#[test]
fn a_request_for_later_is_not_late_and_needs_no_apology() {
    let chris = noted_as(
        person(1, Circle::Acquaintance),
        InteractionKind::Event,
        "2026-10-14",
        "Booth scan; wants a demo in Q1.",
        Some("CFO Summit"),
    );
    let plan = plan_for(vec![chris], 60);
    let p = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("demo in Q1"))
        .unwrap();
    assert!(p.date < today() + chrono::Duration::days(14), "{p:?}");
    assert!(!p.suggestion.contains("apology"), "{}", p.suggestion);
    assert!(!p.why.contains("long wait"), "{}", p.why);
}

/// A light book: a few real relationships and many people never talked to.
fn light_book(mut contacts: Vec<ContactFacts>) -> Vec<ContactFacts> {
    contacts.extend((100..130).map(|i| {
        let mut c = ContactFacts::new(
            i,
            &format!("Connection {i}"),
            Circle::Acquaintance,
            d("2026-11-01"),
        );
        c.source = Some(Source::Linkedin);
        c
    }));
    contacts.extend((200..215).map(|i| met(person(i, Circle::Network), "2026-10-20")));
    contacts
}

#[test]
fn a_late_core_customer_is_caught_up_soon_when_the_days_have_room() {
    // Last met in August, due since October; the cap has room all December.
    let plan = plan_for(
        light_book(vec![met(person(1, Circle::Core), "2026-08-20")]),
        120,
    );
    let first = first_ping(&plan, 1);
    assert_eq!(first.reason, Reason::Overdue, "{first:?}");
    assert!(first.date <= d("2026-12-11"), "{first:?}");
    // It comes before most first hellos to people never talked to.
    let later_hellos = plan
        .pings
        .iter()
        .filter(|p| p.first_hello && p.date > first.date)
        .count();
    let hellos = plan.pings.iter().filter(|p| p.first_hello).count();
    assert!(later_hellos * 2 > hellos, "{later_hellos} of {hellos}");
}

#[test]
fn never_met_contacts_with_a_card_note_still_keep_out_of_the_week_before_christmas() {
    let contacts: Vec<ContactFacts> = (1..=30)
        .map(|i| {
            let mut c = ContactFacts::new(
                i,
                &format!("Fellow {i}"),
                Circle::Acquaintance,
                d("2026-08-20") + chrono::Duration::days(i * 3),
            );
            c.source = Some(Source::Linkedin);
            c.notes = "Fellow on Mr Hale's firm until next summer".into();
            c
        })
        .collect();
    let plan = plan_for(contacts, 90);
    for p in &plan.pings {
        assert!(
            !(p.date >= d("2026-12-18") && p.date <= d("2026-12-23")),
            "{p:?}"
        );
    }
    assert_eq!((1..=30).filter(|&i| !of(&plan, i).is_empty()).count(), 30);
}

#[test]
fn business_pings_wait_for_january_over_the_year_end_break_and_friends_do_not() {
    let settings = PlannerSettings::default();
    let due_on = |c: ContactFacts, day: &str| {
        let interval = i64::from(contact_interval(&settings, &c));
        met(c, &(d(day) - chrono::Duration::days(interval)).to_string())
    };
    let customer = due_on(person(1, Circle::Core), "2026-12-30");
    let sister = due_on(person(2, Circle::Inner), "2026-12-29");
    let mut mate = due_on(person(3, Circle::Core), "2026-12-30");
    mate.tags = vec!["Friends".into()];
    let plan = plan_for(vec![customer, sister, mate], 60);
    let first = first_ping(&plan, 1);
    assert!(
        first.date >= d("2027-01-04") && first.date <= d("2027-01-08"),
        "{first:?}"
    );
    assert_eq!(first_ping(&plan, 2).date, d("2026-12-29"));
    assert_eq!(first_ping(&plan, 3).date, d("2026-12-30"));
}

#[test]
fn deadlines_in_a_note_bring_a_ping_before_them_after_the_first_one_is_spent() {
    let promised = |mut c: ContactFacts, due: &str, text: &str| {
        c.open_promises.push(PromiseFacts {
            id: c.id * 10,
            text: text.into(),
            due: d(due),
        });
        c
    };
    // A promise first, then "before Christmas".
    let hale = promised(
        noted(
            person(1, Circle::Core),
            "2026-11-13",
            "Wants pricing for 40 cases. Competitor rep is in every week, so we need to move before Christmas.",
        ),
        "2026-12-04",
        "pricing for 40 cases",
    );
    // A month.
    let kemp = noted(
        person(2, Circle::Core),
        "2026-11-20",
        "Wants robot training dates for her scrub team in January.",
    );
    // A tender whose promise falls on the deadline itself.
    let vikram = promised(
        noted(
            person(3, Circle::Network),
            "2026-11-18",
            "Primary hip tender closes 15 Jan, PQQ answers by 8 Jan.",
        ),
        "2027-01-08",
        "the tender submission",
    );
    let plan = plan_for(vec![hale, kemp, vikram], 90);
    let between = |id: i64, from: &str, to: &str| {
        of(&plan, id)
            .into_iter()
            .filter(|p| p.reason != Reason::Promise)
            .any(|p| p.date >= d(from) && p.date <= d(to))
    };
    assert!(
        between(1, "2026-12-09", "2026-12-23"),
        "{:#?}",
        of(&plan, 1)
    );
    assert!(
        between(2, "2026-12-11", "2026-12-31"),
        "{:#?}",
        of(&plan, 2)
    );
    assert!(
        between(3, "2026-12-14", "2027-01-07"),
        "{:#?}",
        of(&plan, 3)
    );
    // Business pings before a deadline keep out of the year-end break.
    for p in of(&plan, 3) {
        assert!(
            !(p.date >= d("2026-12-24") && p.date <= d("2027-01-01")),
            "{p:?}"
        );
    }
}

#[test]
fn news_with_a_day_soon_after_the_note_is_asked_about_a_couple_of_days_after_it() {
    // Noted two weeks before the surgery, the birthday ten days after it.
    let sister = noted_as(
        born(person(1, Circle::Inner), "1981-12-21"),
        InteractionKind::Call,
        "2026-11-24",
        "Her knee surgery is on 9 Dec.",
        None,
    );
    let plan = plan_for(vec![sister], 60);
    let after = of(&plan, 1)
        .into_iter()
        .find(|p| p.date > d("2026-12-09"))
        .unwrap();
    assert!(after.date <= d("2026-12-14"), "{:#?}", of(&plan, 1));
    assert_ne!(after.reason, Reason::Birthday);
    assert_eq!(birthdays(&plan, 1), vec![d("2026-12-21")]);
}

#[test]
fn a_second_follow_up_a_few_days_after_a_promise_folds_into_it() {
    let mut kwame = noted_as(
        person(1, Circle::Network),
        InteractionKind::Event,
        "2026-11-25",
        "Wants a cadaver lab slot for February.",
        Some("Future Surgery Show"),
    );
    kwame.open_promises.push(PromiseFacts {
        id: 10,
        text: "a cadaver lab slot for February".into(),
        due: d("2026-12-11"),
    });
    let plan = plan_for(vec![kwame], 60);
    let pings = of(&plan, 1);
    assert!(pings.iter().any(|p| p.reason == Reason::Promise));
    for p in &pings {
        assert!(
            !(p.date > d("2026-12-11") && p.date <= d("2026-12-18")),
            "{pings:#?}"
        );
    }
}

#[test]
fn a_friend_s_birthday_stands_in_for_a_rhythm_ping_three_weeks_before_it() {
    // Last met 24 Oct: due around the start of December, the birthday on 14 Dec.
    let mike = born(met(person(1, Circle::Inner), "2026-10-24"), "1985-12-14");
    let plan = plan_for(vec![mike], 60);
    let pings = of(&plan, 1);
    assert_eq!(pings[0].reason, Reason::Birthday, "{pings:#?}");
    assert_eq!(pings[0].date, d("2026-12-14"));
}

#[test]
fn a_promise_due_on_a_deadline_a_week_away_is_the_ping_for_it() {
    // The note's deadline is the promise's due day: no reminder the week before.
    let mut amir = noted(
        person(1, Circle::Core),
        "2026-11-19",
        "Needs the UK delegate list for Arab Health by 10 Dec.",
    );
    amir.open_promises.push(PromiseFacts {
        id: 10,
        text: "the UK delegate list for Arab Health".into(),
        due: d("2026-12-10"),
    });
    let plan = plan_for(vec![amir], 30);
    let days: Vec<NaiveDate> = of(&plan, 1).iter().map(|p| p.date).collect();
    assert_eq!(days, vec![d("2026-12-10")], "{:#?}", of(&plan, 1));
}

#[test]
fn a_business_contact_away_gets_no_ping_until_back() {
    // Core, last met in September: late, and caught up soon unless away.
    let here = noted(
        person(1, Circle::Core),
        "2026-09-20",
        "Good call on the pilot.",
    );
    let away = noted(
        person(1, Circle::Core),
        "2026-09-20",
        "Good call on the pilot. On leave from 23 Nov, back 14 Dec.",
    );
    let first = |c: ContactFacts| {
        of(&plan_for(vec![c], 120), 1)
            .iter()
            .find(|p| p.reason != Reason::Birthday)
            .map(|p| p.date)
            .unwrap()
    };
    assert!(
        first(here) < d("2026-12-14"),
        "without the leave it is sooner"
    );
    let back = first(away);
    assert!(
        back >= d("2026-12-14") && back <= d("2026-12-21"),
        "the first ping comes once they are back: {back}"
    );
    // An event's follow-up waits too.
    let mut met_at_expo = person(3, Circle::Network);
    met_at_expo.record_interaction(InteractionKind::Event, d("2026-11-25"), Some("Expo"), 3000);
    met_at_expo.last_note = Some(NoteFacts {
        date: d("2026-11-25"),
        kind: InteractionKind::Event,
        text: "Wants a demo in February. On leave from 14 Dec, back 11 Jan.".into(),
        event: Some("Expo".into()),
    });
    let plan = plan_for(vec![met_at_expo], 120);
    let follow_ups: Vec<NaiveDate> = of(&plan, 3)
        .iter()
        .filter(|p| p.reason == Reason::FollowUp)
        .map(|p| p.date)
        .collect();
    assert!(!follow_ups.is_empty());
    assert!(
        follow_ups
            .iter()
            .all(|&f| f < d("2026-12-14") || f >= d("2027-01-11")),
        "{follow_ups:?}"
    );
    // Leave kept on the card counts as well.
    let mut on_the_card = noted(
        person(4, Circle::Core),
        "2026-09-20",
        "Good call on the pilot.",
    );
    on_the_card.notes = "HR director. On mat leave until 1 Mar 2027.".into();
    let first_then = of(&plan_for(vec![on_the_card], 150), 4)
        .iter()
        .find(|p| p.reason != Reason::Birthday)
        .map(|p| p.date)
        .unwrap();
    assert!(first_then >= d("2027-03-01"), "{first_then}");
    // A friend on leave still hears from you.
    let mut friend = noted(
        person(2, Circle::Inner),
        "2026-09-20",
        "Dinner. On leave from 23 Nov, back 14 Dec.",
    );
    friend.tags = vec!["Friends".into()];
    let plan = plan_for(vec![friend], 120);
    assert!(of(&plan, 2).iter().any(|p| p.date < d("2026-12-14")));
}

#[test]
fn no_contact_asked_for_in_the_notes_holds_every_ping_but_promises() {
    // A procurement lead during a tender: no informal contact until 18 Dec.
    let mut lead = born(met(person(1, Circle::Core), "2026-09-01"), "1980-12-10");
    let without = plan_for(vec![lead.clone()], 120);
    assert!(of(&without, 1)
        .iter()
        .any(|p| p.reason == Reason::Birthday && p.date < d("2026-12-18")));
    lead.notes =
        "Tender open: questions via the portal only, no informal contact until 18 Dec.".into();
    lead.open_promises.push(PromiseFacts {
        id: 4,
        text: "Submit the tender response".into(),
        due: d("2026-12-11"),
    });
    let plan = plan_for(vec![lead], 120);
    let pings = of(&plan, 1);
    for p in &pings {
        assert!(
            p.reason == Reason::Promise || p.date >= d("2026-12-18"),
            "{} {:?} on {}",
            p.id,
            p.reason,
            p.date
        );
    }
    assert!(pings.iter().any(|p| p.reason == Reason::Promise));
    assert!(
        pings.iter().all(|p| p.reason != Reason::Birthday),
        "no wish during a tender"
    );
    assert!(
        pings.iter().any(|p| p.reason != Reason::Promise),
        "the rhythm resumes after it"
    );
}

#[test]
fn a_follow_up_held_back_past_eight_weeks_is_dropped() {
    // Met at an event; the card asks for no contact until an award months away.
    let mut met = person(5, Circle::Network);
    met.record_interaction(InteractionKind::Event, d("2026-11-18"), Some("Expo"), 5000);
    met.last_note = Some(NoteFacts {
        date: d("2026-11-18"),
        kind: InteractionKind::Event,
        text: "Said hi only at the booth".into(),
        event: Some("Expo".into()),
    });
    let mut held = met.clone();
    held.notes = "RFP open. No contact with City staff until award, expected Feb 2027.".into();
    let follow_ups = |c: ContactFacts| {
        of(&plan_for(vec![c], 120), 5)
            .iter()
            .filter(|p| p.reason == Reason::FollowUp)
            .map(|p| p.date)
            .collect::<Vec<_>>()
    };
    assert!(
        !follow_ups(met).is_empty(),
        "without the rule it has follow-ups"
    );
    assert_eq!(follow_ups(held), Vec::<NaiveDate>::new());
}

#[test]
fn an_event_s_follow_ups_give_way_to_what_followed_it() {
    // Today is Thu 26 Nov; the event was on Fri 20 Nov.
    let event = |id: i64, text: &str| {
        at_event(
            person(id, Circle::Network),
            "2026-11-20",
            "Supply Chain Summit",
            text,
        )
    };
    // The note says the follow-up went out the same day: the second touch
    // only.
    let sent = event(1, "Small site, maybe 2028. Sent demo video link same day");
    // A conversation a week on is the thread now: no "before it fades".
    let mut talked = event(2, "Wants a piece on the pilot results for the spring issue");
    talked.record_interaction(InteractionKind::Email, d("2026-11-27"), None, 2001);
    // The user's own note two days on is the first touch: the second comes.
    let mut wrote = event(3, "Keen on the pilot numbers, wants a call in the new year");
    wrote.record_interaction(InteractionKind::Email, d("2026-11-22"), None, 3001);
    // Something to set up in January, confirmed by the second touch: no
    // extra ping between it and the year's end.
    let visit = event(
        4,
        "Wants to set up the site visit in January w their finance person",
    );
    // Business left out on purpose: a friendly note, and no second touch.
    let chat = event(
        5,
        "Rollout slow at their site, go-live slipped. just a chat, didn't push",
    );
    let plan = plan_for(vec![sent, talked, wrote, visit, chat], 40);
    let friendly = of(&plan, 5);
    assert_eq!(friendly.len(), 1, "{friendly:?}");
    assert!(
        friendly[0].suggestion.contains("no business in it"),
        "{friendly:?}"
    );
    let rounds = |id: i64| -> Vec<String> {
        of(&plan, id)
            .iter()
            .filter(|p| p.reason == Reason::FollowUp)
            .map(|p| p.id.rsplit('-').next().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(rounds(1), ["2"], "{:?}", of(&plan, 1));
    assert!(of(&plan, 2).is_empty(), "{:?}", of(&plan, 2));
    assert_eq!(rounds(3), ["2"], "{:?}", of(&plan, 3));
    let december: Vec<_> = of(&plan, 4)
        .into_iter()
        .filter(|p| p.date < d("2027-01-01"))
        .collect();
    assert_eq!(december.len(), 2, "{december:?}");
}

#[test]
fn late_follow_ups_to_a_conference_keep_the_first_day_under_the_cap() {
    // Six people met at an expo ten days ago, logged only now; one asked
    // for something. Cap 3.
    let contacts: Vec<ContactFacts> = (1..=6)
        .map(|i| {
            noted_as(
                person(i, Circle::Network),
                InteractionKind::Event,
                "2026-11-16",
                if i == 4 {
                    "Asked for the pricing sheet"
                } else {
                    "Nice chat at the stand"
                },
                Some("Expo"),
            )
        })
        .collect();
    let settings = PlannerSettings {
        daily_cap: 3,
        ..PlannerSettings::default()
    };
    let plan = plan(today(), &Snapshot { contacts }, &settings, 30);
    let first: Vec<&Ping> = plan
        .pings
        .iter()
        .filter(|p| p.reason == Reason::FollowUp && p.date < d("2026-12-07"))
        .collect();
    assert_eq!(first.len(), 6, "{first:?}");
    let on = |day: &str| first.iter().filter(|p| p.date == d(day)).count();
    assert_eq!(on("2026-11-26"), 3, "{first:?}");
    assert_eq!(on("2026-11-27"), 3, "{first:?}");
    // The one who asked for something hears first.
    assert_eq!(first_ping(&plan, 4).date, today());
}

#[test]
fn a_badge_scan_gets_one_hello_and_the_others_met_keep_their_second_touch() {
    let note = "last day at the booth. Hank (Ready Mix, 75 mixers) wants a demo in Jan. Kyle just a badge scan, small towing fleet";
    let met = |id: i64, first: &str| {
        let mut c = noted_as(
            person(id, Circle::Network),
            InteractionKind::Event,
            "2026-11-20",
            note,
            Some("Expo"),
        );
        c.given_name = first.into();
        c.name = format!("{first} Doe");
        c
    };
    let plan = plan_for(vec![met(1, "Hank"), met(2, "Kyle")], 60);
    let follow_ups = |id: i64| {
        of(&plan, id)
            .into_iter()
            .filter(|p| p.reason == Reason::FollowUp)
            .count()
    };
    assert_eq!(follow_ups(1), 2);
    assert_eq!(follow_ups(2), 1);
}

#[test]
fn a_price_wanted_by_a_month_named_is_owed_then_not_at_once() {
    let tom = noted(
        person(1, Circle::Network),
        "2026-11-11",
        "Tom asked about adding the Rota module for their summer season - wants a price by mid Jan for their budget round",
    );
    let plan = plan_for(vec![tom], 90);
    let first = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("a price"))
        .expect("planned");
    assert!(
        first.date >= d("2027-01-04") && first.date < d("2027-01-15"),
        "{first:?}"
    );
    assert!(!first.suggestion.contains("apology"), "{first:?}");
}

#[test]
fn a_promise_due_days_after_an_event_s_follow_up_is_kept_early_as_the_follow_up() {
    let mut marcus = at_event(
        person(1, Circle::Network),
        "2026-11-24",
        "People Tech Live",
        "Marcus keen on payroll analytics, I'll send the one-pager",
    );
    marcus.open_promises = vec![PromiseFacts {
        id: 6,
        text: "send Marcus the payroll analytics one-pager".into(),
        due: d("2026-12-03"),
    }];
    let plan = plan_for(vec![marcus], 14);
    let pings = of(&plan, 1);
    let promise = pings.iter().find(|p| p.reason == Reason::Promise).unwrap();
    assert!(promise.date < d("2026-12-03"), "{pings:?}");
    assert!(
        !pings
            .iter()
            .any(|p| p.reason == Reason::FollowUp && p.id.ends_with("-1")),
        "{pings:?}"
    );
}

#[test]
fn a_colleague_who_worked_the_event_gets_no_follow_up_to_it() {
    let at = |mut c: ContactFacts, company: &str| {
        c.company = Some(company.into());
        c
    };
    let mut gareth = at(person(1, Circle::Core), "Tallyhill HR & Payroll");
    gareth.notes = "My manager. 1:1 every other Mon.".into();
    let note = "Drinks after day 2 w Sian and Owain";
    let owain = at(
        at_event(
            person(2, Circle::Network),
            "2026-11-20",
            "People Tech Live",
            note,
        ),
        "Tallyhill HR & Payroll",
    );
    let sian = at(
        at_event(
            person(3, Circle::Network),
            "2026-11-20",
            "People Tech Live",
            note,
        ),
        "Deeside Manufacturing",
    );
    // A colleague's question is answered with no line on what it could
    // mean for the user's own company.
    let elaine = at(
        noted(
            person(4, Circle::Network),
            "2026-11-19",
            "Elaine stopped by, asked about Prairie timing",
        ),
        "Tallyhill HR & Payroll",
    );
    let plan = plan_for(vec![gareth, owain, sian, elaine], 60);
    let follow_ups = |id: i64| {
        of(&plan, id)
            .into_iter()
            .filter(|p| p.reason == Reason::FollowUp)
            .count()
    };
    assert_eq!(follow_ups(2), 0);
    assert!(follow_ups(3) >= 1);
    for p in of(&plan, 4) {
        assert!(!p.suggestion.contains("Tallyhill"), "{}", p.suggestion);
    }
}

#[test]
fn no_first_hello_at_an_account_before_its_decision() {
    let at_prairie = |mut c: ContactFacts| {
        c.company = Some("Prairie Freight".into());
        c
    };
    let jim = at_prairie(noted(
        person(1, Circle::Network),
        "2026-11-20",
        "Deck is in. Their board meets on 15 Dec to approve the rollout",
    ));
    // Connected long ago, never talked to: a first hello is due at once.
    let emily = at_prairie(person(2, Circle::Network));
    let first_hello = |contacts: Vec<ContactFacts>| {
        of(&plan_for(contacts, 90), 2)
            .first()
            .map(|p| p.date)
            .expect("planned")
    };
    let alone = first_hello(vec![emily.clone()]);
    assert!(alone < d("2026-12-15"), "{alone}");
    let held = first_hello(vec![jim, emily]);
    assert!(held >= d("2026-12-18") && held < d("2027-03-01"), "{held}");
}

#[test]
fn follow_ups_two_weeks_late_still_keep_the_first_day_under_the_cap() {
    // Met fourteen days ago: the last day a late follow-up would come on
    // its own, yet the full first day still deals them out.
    let contacts: Vec<ContactFacts> = (1..=6)
        .map(|i| {
            noted_as(
                person(i, Circle::Network),
                InteractionKind::Event,
                "2026-11-12",
                "Nice chat at the stand",
                Some("Expo"),
            )
        })
        .collect();
    let settings = PlannerSettings {
        daily_cap: 3,
        ..PlannerSettings::default()
    };
    let today_plan = plan(
        today(),
        &Snapshot {
            contacts: contacts.clone(),
        },
        &settings,
        30,
    );
    let follow_ups = |plan: &Plan| -> Vec<NaiveDate> {
        plan.pings
            .iter()
            .filter(|p| p.reason == Reason::FollowUp && p.id.ends_with("-1"))
            .map(|p| p.date)
            .collect()
    };
    let days = follow_ups(&today_plan);
    assert_eq!(days.len(), 6, "{days:?}");
    assert_eq!(
        days.iter().filter(|&&d| d == today()).count(),
        3,
        "{days:?}"
    );
    // Tomorrow, not acted on, the rest are still there.
    let tomorrow = plan(d("2026-11-27"), &Snapshot { contacts }, &settings, 30);
    assert_eq!(follow_ups(&tomorrow).len(), 6);
}
