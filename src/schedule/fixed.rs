//! Fixed pings: birthdays, due promises and event follow-ups take their own days,
//! and what the user did with them (done, skipped, snoozed) applies first.

use chrono::Datelike;
use chrono::NaiveDate;

use super::calendar::Calendar;
use super::snapshot::ContactFacts;
use super::{FixedDetail, FixedPing, Reason, FOLD_FOLLOW_UP_DAYS, FOLLOW_UP_MAX_AGE_DAYS};
use crate::model::PingActionKind;

/// The day a dated ping goes on: its own day when the user works then, else the
/// last working day before it; when that has passed, the first working day from today.
pub(super) fn working_day_by(calendar: &Calendar<'_>, day: i32) -> i32 {
    let before = calendar.prev_working(day);
    if before < 0 {
        calendar.next_working(0)
    } else {
        before
    }
}

/// A birthday wish comes at most this many days early (a long weekend);
/// further, a business contact's comes on the first working day after, when
/// that is nearer.
const BIRTHDAY_EARLY_DAYS: i32 = 4;

/// A birthday prepared for (a partner's, the user's child's) comes this
/// many days ahead (on the working day by then): time to buy the present
/// and book the table, not the evening before.
const PREPARE_LEAD_DAYS: i32 = 7;

/// ...unless the user's leave makes that more than this many days early.
const PREPARE_EARLY_DAYS: i32 = 14;

pub(super) fn birthday_pings(
    facts: &ContactFacts,
    today: NaiveDate,
    calendar: &Calendar<'_>,
    end: i32,
    out: &mut Vec<FixedPing>,
) {
    let Some(birthday) = facts.birthday else {
        return;
    };
    // A year past the horizon too: birthdays after it still shape the last pings
    // (absorbing, density), and the plan must not depend on how far it looks.
    let reach = end + 365;
    let last_year = calendar.date(reach).year();
    let personal = super::phrases::is_personal(&facts.notes, &facts.tags);
    let business = !personal && facts.circle != crate::model::Circle::Inner;
    // Family and friends are wished on the day itself, a weekend, a public
    // holiday or the user's leave alike: private life keeps no office hours.
    // The birthdays the user prepares (their child's, their partner's) are
    // seen to a week before.
    let prepared = super::standing::is_own_child(&facts.notes)
        || super::standing::is_spouse_in_family(&facts.notes, &facts.tags);
    let on_the_day = personal && !prepared;
    for year in today.year()..=last_year {
        let on = birthday.in_year(year);
        let actual = calendar.day(on);
        if actual < 0 || actual >= reach {
            continue;
        }
        // A business contact's birthday deep in the user's time off is
        // wished on the first day back when that is nearer than the last
        // day before, not a week or two ahead of it.
        let before = working_day_by(calendar, actual);
        let after = calendar.next_working(actual);
        let day = if on_the_day {
            actual
        } else if prepared {
            // A present and plans are ready before the day, not on it: a
            // week ahead, unless the user's leave makes that weeks early
            // (then a week ahead all the same, at home).
            let day = working_day_by(calendar, actual - PREPARE_LEAD_DAYS);
            if actual - day > PREPARE_EARLY_DAYS {
                actual - PREPARE_LEAD_DAYS
            } else {
                day
            }
        } else if business
            && actual - before > BIRTHDAY_EARLY_DAYS
            && after - actual < actual - before
        {
            after
        } else {
            before
        };
        out.push(FixedPing {
            day,
            reason: Reason::Birthday,
            id: format!("{}-b{year}", facts.id),
            detail: FixedDetail::Birthday {
                on,
                turns: birthday.year.map(|y| year - y),
            },
            wanted: actual,
            snoozed: false,
        });
    }
}

pub(super) fn follow_up_pings(
    facts: &ContactFacts,
    hash: u64,
    calendar: &Calendar<'_>,
    out: &mut Vec<FixedPing>,
) {
    let Some(event) = &facts.last_event else {
        return;
    };
    // Someone at a competitor met at an event is no lead to follow up, an
    // old colleague there neither; a friend who works at one gets the
    // friendly note below.
    if super::phrases::is_competitor(&facts.notes, &facts.tags)
        && !super::phrases::is_friend(&facts.notes, &facts.tags)
    {
        return;
    }
    let event_day = calendar.day(event.date);
    if !(-FOLLOW_UP_MAX_AGE_DAYS..=0).contains(&event_day) {
        return;
    }
    let decision = super::dated_after_event(facts, event, calendar);
    let detail = |round| FixedDetail::FollowUp {
        round,
        event: event.name.clone(),
        event_date: event.date,
        after_decision: round == 2 && decision.is_some(),
    };
    // Anything logged after the event already followed up on it, and so
    // did what the event's note says was sent the same day ("sent demo video
    // link same day").
    let anchors = facts.all_anchors();
    let followed_up = anchors.iter().any(|a| a.date > event.date)
        || facts
            .last_note
            .as_ref()
            .filter(|n| n.date == event.date && n.event.is_some())
            .is_some_and(|n| sent_at_once(&n.text));
    // A conversation a week or more after the event is the thread now (the
    // rhythm picks it up): no second touch "before it fades", unless it was
    // the user's own follow-up to this event.
    let first_id = format!("{}-f{}-1", facts.id, event.interaction_id);
    let did_first = facts
        .actions
        .iter()
        .any(|a| a.ping_id == first_id && a.action == crate::model::PingActionKind::Done);
    let moved_on = !did_first
        && anchors
            .iter()
            .any(|a| (a.date - event.date).num_days() >= CONVERSATION_MOVED_ON_DAYS);
    // 1–3 working days, by hash: twenty people met at one conference spread over three days.
    let first = calendar.add_working_days(event_day, 1 + (hash % 3) as u32);
    if !followed_up && (first >= 0 || event_day >= -LATE_FOLLOW_UP_DAYS) {
        out.push(FixedPing {
            day: first.max(calendar.next_working(0)),
            reason: Reason::FollowUp,
            id: first_id.clone(),
            detail: detail(1),
            wanted: first,
            snoozed: false,
        });
    }
    // A second touch pursues business: family and friends met at an event get
    // the first, friendly note only.
    // "Just a chat, didn't push": the friendly note only, too.
    let kept_off = facts
        .last_note
        .as_ref()
        .filter(|n| n.date == event.date)
        .is_some_and(|n| {
            // In a note of several people met, what it says of this one;
            // met for a moment ("just a badge scan"), one hello is all.
            let own = super::notes::own_part(&n.text, super::first_name(facts));
            super::phrases::kept_off_business(&own)
                || crate::model::contains_ignore_case(&own, "badge scan")
        });
    if super::phrases::is_personal(&facts.notes, &facts.tags) || moved_on || kept_off {
        return;
    }
    // The first touch: done on its day, or still to come (late, when the
    // event was logged late or the user was away).
    let first_touch = facts
        .actions
        .iter()
        .filter(|a| a.ping_id == first_id && a.action == crate::model::PingActionKind::Done)
        .map(|a| calendar.day(a.acted_on))
        .max()
        .or_else(|| (!followed_up).then(|| first.max(calendar.next_working(0))));
    // A decision the event's note dates a week to four weeks on ("board
    // mtg 12/17 approves capex"): the second touch is the day after it, to
    // hear how it went; otherwise about three weeks on.
    let second_wanted = match decision {
        Some(on) => calendar.day(on) + 1,
        // Spread over five days: many people met at one event do not all
        // come back on one day.
        None => event_day + 19 + ((hash >> 8) % 5) as i32,
    };
    // A second touch "before the conversation fades" within two weeks of
    // the first (late, as the event was logged late) is only noise: the
    // rhythm picks the contact up instead. The first only ever moves later,
    // so a second left out stays out.
    let too_soon = decision.is_none()
        && first_touch.is_some_and(|t| second_wanted - t < SECOND_AFTER_FIRST_TOUCH_DAYS);
    let second = calendar.next_working(second_wanted);
    if second >= 0 && !too_soon {
        out.push(FixedPing {
            day: second,
            reason: Reason::FollowUp,
            id: format!("{}-f{}-2", facts.id, event.interaction_id),
            detail: detail(2),
            wanted: second_wanted,
            snoozed: false,
        });
    }
}

/// The fewest days between a first follow-up to an event and the second
/// touch "before the conversation fades".
const SECOND_AFTER_FIRST_TOUCH_DAYS: i32 = 14;

/// Days after an event from which a logged conversation is a thread of its
/// own rather than the follow-up to the event.
const CONVERSATION_MOVED_ON_DAYS: i64 = 5;

/// Whether an event's note says something went out at once ("sent demo
/// video link same day", "emailed the deck that evening").
fn sent_at_once(note: &str) -> bool {
    let lower = note.to_lowercase();
    ["sent", "emailed"]
        .iter()
        .any(|w| super::standing::has_words(&lower, w))
        && [
            "same day",
            "that day",
            "that evening",
            "that night",
            "straight after",
            "on the spot",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a promise's text names a time early in the day ("7am", "at
/// 8:30", "first thing"), so that its ping comes the working day before.
fn starts_early(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("first thing") {
        return true;
    }
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '.'))
        .any(|w| {
            let Some(hour) = w.strip_suffix("am") else {
                return false;
            };
            let hour = hour.split([':', '.']).next().unwrap_or("");
            hour.parse::<u32>().is_ok_and(|h| (5..=9).contains(&h))
        })
}

/// How far ahead of its day a promise's text asks its ping to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PromiseLead {
    /// On the day (or the last working day before it).
    OnTheDay,
    /// The working day before: it starts early in the morning.
    DayBefore,
    /// A week ahead: it takes others' time or days of work.
    WeekAhead,
}

/// How far ahead of its day a promise's text asks its ping to come (see
/// [`takes_lead`] and [`starts_early`]).
pub(super) fn promise_lead(text: &str) -> PromiseLead {
    if takes_lead(text) {
        PromiseLead::WeekAhead
    } else if starts_early(text) {
        PromiseLead::DayBefore
    } else {
        PromiseLead::OnTheDay
    }
}

/// Whether a promise's text says someone else's word comes first: a
/// sign-off, an approval, their input, or "needs Yvonne first".
pub(super) fn needs_someone_first(lower: &str) -> bool {
    // Someone's word, not a document of that name ("the approval form").
    [
        "'s sign-off",
        "s sign-off",
        "sign-off from",
        "signoff from",
        "sign off from",
        "'s approval",
        "approval from",
        "approved by",
        "needs approval",
        "need approval",
        "input from",
        "'s input",
        "\u{2019}s input",
        "\u{2019}s sign-off",
        "check with ",
        "check w ",
        "check w/ ",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || (lower.ends_with(" first")
            || lower.contains(" first)")
            || lower.contains(" first,")
            || lower.contains(" first ("))
            && [
                "need", "ask ", "get ", "after ", "wait", "has to ", "have to ", "must ",
            ]
            .iter()
            .any(|w| lower.contains(w))
}

/// A promise to set something up ("Set up the demo for Holly's team",
/// "Schedule the reference call", "Complete the SIG Lite questionnaire") is
/// pinged this many days before its day: others have to find the time.
const PROMISE_LEAD_DAYS: i32 = 7;

/// Whether a promise takes others' time or days of work to keep, so that its
/// ping comes [`PROMISE_LEAD_DAYS`] ahead.
fn takes_lead(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    [
        "set up ",
        "setup ",
        "arrange ",
        "organise ",
        "organize ",
        "schedule ",
        "complete ",
        "fill in ",
        "fill out ",
        "book ",
        // A get-together needs a day that suits both.
        "lunch ",
        "dinner ",
        "coffee ",
        "drinks ",
        "breakfast ",
        "beers ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
        // A present sent or ordered takes days to arrive.
        || (super::notes::is_surprise(text)
            && ["send ", "ship ", "post ", "order ", "courier "]
                .iter()
                .any(|w| lower.starts_with(w) || lower.contains(&format!(" {}", w.trim_end()))))
        // References need the referees' yes; a business case or a method
        // statement, days of work.
        // A thing to borrow, or someone else to ask first ("help Ellie move
        // - ask Chris re borrowing his mate's van"), takes their time too.
        || lower.contains("borrow")
        || [" - ask ", " – ask ", "; ask "].iter().any(|w| lower.contains(w))
        // Someone else's word comes first ("price sheet - needs Frank's
        // sign-off first", "servo sizing (need Yvonne's input)").
        || needs_someone_first(&lower)
        || ["reference", "referee", "refs", "business case", "method statement", "itp"]
            .iter()
            .any(|w| {
                lower.match_indices(w).any(|(at, _)| {
                    lower[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                })
            })
}

pub(super) fn promise_pings(
    facts: &ContactFacts,
    calendar: &Calendar<'_>,
    out: &mut Vec<FixedPing>,
) {
    for promise in &facts.open_promises {
        let due = calendar.day(promise.due);
        let lead = promise_lead(&promise.text);
        let day = match lead {
            // Ahead by a week, but not before today.
            PromiseLead::WeekAhead if due > 0 => calendar
                .next_working((due - PROMISE_LEAD_DAYS).max(0))
                .min(working_day_by(calendar, due)),
            // "Drive Dad to the hospital - 7am": a ping that morning is too
            // late. On a day off, the last working day before is already
            // the day before.
            PromiseLead::DayBefore if calendar.is_working(due) => working_day_by(calendar, due - 1),
            PromiseLead::DayBefore => working_day_by(calendar, due),
            PromiseLead::WeekAhead if starts_early(&promise.text) => {
                working_day_by(calendar, due - 1)
            }
            _ => working_day_by(calendar, due),
        };
        out.push(FixedPing {
            day,
            reason: Reason::Promise,
            id: format!("{}-p{}", facts.id, promise.id),
            detail: FixedDetail::Promise {
                id: promise.id,
                text: promise.text.clone(),
                due: promise.due,
                lead,
            },
            wanted: due,
            snoozed: false,
        });
    }
}

/// Drops done and skipped fixed pings, and moves snoozed ones. A promise is
/// not dropped by a skip while it is open: what was promised is still owed,
/// so its ping comes back on its due day, or the working day after the skip
/// when that is later (only `done` or `promise done` ends it).
pub(super) fn apply_fixed_actions(
    facts: &ContactFacts,
    calendar: &Calendar<'_>,
    fixed: &mut Vec<FixedPing>,
) {
    fixed.retain_mut(|f| match facts.action_for(&f.id) {
        Some(a) if a.action == PingActionKind::Snoozed => {
            if let Some(until) = a.snoozed_until {
                f.day = calendar.next_working(calendar.day(until).max(0));
                f.snoozed = true;
            }
            true
        }
        Some(a) if a.action == PingActionKind::Skipped && f.reason == Reason::Promise => {
            let after_skip = calendar.next_working((calendar.day(a.acted_on) + 1).max(0));
            f.day = f.day.max(after_skip);
            true
        }
        Some(_) => false,
        None => true,
    });
}

/// One contact never gets two pings on one day: the lesser fixed ping moves
/// (a promise a working day earlier, a follow-up a working day later). A snoozed
/// ping keeps the day the user was told it moved to; the other one moves.
pub(super) fn separate_same_day(fixed: &mut [FixedPing], calendar: &Calendar<'_>) {
    fixed.sort_by_key(|f| (f.day, !f.snoozed, f.reason));
    let pinned: Vec<i32> = fixed.iter().filter(|f| f.snoozed).map(|f| f.day).collect();
    for i in 1..fixed.len() {
        let taken: Vec<i32> = fixed[..i].iter().map(|f| f.day).collect();
        let f = &mut fixed[i];
        if !taken.contains(&f.day) {
            continue;
        }
        let free = |d: &i32| calendar.is_working(*d) && !taken.contains(d) && !pinned.contains(d);
        // Each day is tried once: a promise first earlier (down to today), then
        // later; a follow-up only later. A year of days is plenty.
        let earlier = (f.reason == Reason::Promise)
            .then(|| (0..f.day).rev().find(free))
            .flatten();
        let day = earlier
            .or_else(|| (f.day + 1..f.day + 366).find(free))
            .unwrap_or(f.day);
        f.day = day;
    }
    fixed.sort_by_key(|f| (f.day, !f.snoozed, f.reason));
}

/// How many days before a promise's ping an event's first follow-up brings
/// the promise forward to its own day (see [`fold_follow_ups`]).
const EARLY_PROMISE_DAYS: i32 = 7;

/// How near a promise's ping an event's first follow-up folds into it (a
/// weekend between them included).
const FIRST_FOLLOW_UP_FOLD_DAYS: i32 = 3;

/// A second event follow-up up to [`FOLD_FOLLOW_UP_DAYS`] before or after
/// another of the contact's fixed pings (a promise, a birthday, the first
/// follow-up) folds into it: one person does not hear from the user twice in
/// a week, and a touch the day before a promise falls due has nothing to add. Fixed
/// pings already done or skipped count on the day they were planned for, so
/// doing one does not bring the follow-up back. A snoozed one keeps the day
/// the user gave it.
pub(super) fn fold_follow_ups(
    facts: &ContactFacts,
    calendar: &Calendar<'_>,
    fixed: &mut Vec<FixedPing>,
) {
    // A first note after an event within a week before a promise's ping
    // to the same person brings the promise forward: the thing promised,
    // sent early, is the follow-up (not "it will follow", then the thing).
    let firsts: Vec<i32> = fixed
        .iter()
        .filter(|f| matches!(f.detail, FixedDetail::FollowUp { round: 1, .. }) && !f.snoozed)
        .map(|f| f.day)
        .collect();
    let mut moved = false;
    for f in fixed
        .iter_mut()
        .filter(|f| f.reason == Reason::Promise && !f.snoozed)
    {
        if let Some(&early) = firsts
            .iter()
            .find(|&&d| d < f.day && f.day - d <= EARLY_PROMISE_DAYS)
        {
            f.day = early;
            moved = true;
        }
    }
    if moved {
        fixed.sort_by_key(|f| f.day);
    }
    // The first note after an event a day or two from a promise's ping to
    // the same person is that ping: the promise kept is the follow-up.
    // A promise done or skipped counts on the day it was planned for, so
    // doing it does not bring the follow-up back.
    let promises: Vec<i32> = fixed
        .iter()
        .filter(|f| f.reason == Reason::Promise)
        .map(|f| f.day)
        .chain(
            facts
                .actions
                .iter()
                .filter(|a| a.action != PingActionKind::Snoozed && is_promise_id(&a.ping_id))
                .map(|a| calendar.day(a.planned_on)),
        )
        .collect();
    fixed.retain(|f| {
        !matches!(f.detail, FixedDetail::FollowUp { round: 1, .. })
            || f.snoozed
            || !promises
                .iter()
                .any(|&d| (f.day - d).abs() <= FIRST_FOLLOW_UP_FOLD_DAYS)
    });
    let second = |f: &FixedPing| matches!(f.detail, FixedDetail::FollowUp { round: 2, .. });
    if !fixed.iter().any(second) {
        return;
    }
    let others: Vec<i32> = fixed
        .iter()
        .filter(|f| !second(f))
        .map(|f| f.day)
        .chain(
            facts
                .actions
                .iter()
                .filter(|a| a.action != PingActionKind::Snoozed && is_fixed_id(&a.ping_id))
                .filter(|a| !a.ping_id.ends_with("-2"))
                .map(|a| calendar.day(a.planned_on)),
        )
        .collect();
    fixed.retain(|f| {
        !second(f) || f.snoozed || !others.iter().any(|&d| (f.day - d).abs() <= second_reach(f))
    });
}

/// How close another ping must come to a second follow-up to stand in for
/// it: the day after a decision, only a ping on the same days.
fn second_reach(f: &FixedPing) -> i32 {
    match f.detail {
        FixedDetail::FollowUp {
            after_decision: true,
            ..
        } => 1,
        _ => FOLD_FOLLOW_UP_DAYS,
    }
}

/// Whether a first follow-up on `day` would be folded into `f` or fold `f`
/// into itself (see [`fold_follow_ups`]), or share its day: a late one is
/// not moved there, as that would change what the following days' plans
/// keep.
fn folds_near(f: &FixedPing, day: i32) -> bool {
    let gap = (f.day - day).abs();
    gap == 0
        || (f.reason == Reason::Promise && gap <= FIRST_FOLLOW_UP_FOLD_DAYS)
        || (matches!(f.detail, FixedDetail::FollowUp { round: 2, .. }) && gap <= second_reach(f))
}

/// Whether a ping id names a promise's ping (`{contact}-p…`).
fn is_promise_id(id: &str) -> bool {
    id.split_once('-')
        .is_some_and(|(_, rest)| rest.starts_with('p'))
}

/// Whether a ping id names a fixed ping (`{contact}-b…`, `-p…`, `-f…`).
fn is_fixed_id(id: &str) -> bool {
    id.split_once('-')
        .is_some_and(|(_, rest)| rest.starts_with(['b', 'p', 'f']))
}

/// How many days after an event a late first follow-up to it is still
/// planned: two weeks, and the few days more a follow-up dealt out past a
/// full first day needs to stay planned there (see
/// [`spread_late_follow_ups`]).
const LATE_FOLLOW_UP_DAYS: i32 = 18;

/// How many working days after the first one a late event follow-up may
/// move to, to keep that day under the cap.
const LATE_FOLLOW_UP_SPREAD_DAYS: u32 = 3;

/// Late first follow-ups to events (their days have passed: the user was
/// away, or has only now logged the conference) all fall on the first
/// working day. They are dealt out over it and the next working days
/// instead, up to the cap each, the ones that matter most first (an open
/// request, then the closer circle), so the first day stays under the cap
/// and tomorrow's plan deals out what is left the same way. Up to
/// [`LATE_FOLLOW_UP_SPREAD_DAYS`] later; what finds no room stays on the
/// first day. `taken` is what the user already acted on today.
pub(super) fn spread_late_follow_ups(
    prepared: &mut [super::Prepared<'_>],
    calendar: &Calendar<'_>,
    cap: u32,
    taken: u32,
) {
    let first = calendar.next_working(0);
    let is_late = |f: &FixedPing| {
        f.day == first
            && f.wanted < first
            && !f.snoozed
            && matches!(f.detail, FixedDetail::FollowUp { round: 1, .. })
    };
    let mut late: Vec<(usize, usize)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(c, p)| {
            p.fixed
                .iter()
                .enumerate()
                .filter(|(_, f)| is_late(f))
                .map(move |(i, _)| (c, i))
        })
        .collect();
    if late.len() < 2 {
        return;
    }
    let days: Vec<i32> = (0..=LATE_FOLLOW_UP_SPREAD_DAYS)
        .map(|k| calendar.add_working_days(first, k))
        .collect();
    // What else the days already hold.
    let mut load = vec![0u32; days.len()];
    for f in prepared
        .iter()
        .flat_map(|p| &p.fixed)
        .filter(|f| !is_late(f))
    {
        if let Some(k) = days.iter().position(|&d| d == f.day) {
            load[k] += 1;
        }
    }
    if first == 0 {
        load[0] += taken;
    }
    late.sort_by_key(|&(c, _)| {
        let p = &prepared[c];
        let asked = p
            .facts
            .last_note
            .as_ref()
            .is_some_and(|n| super::notes::waits_on_user(&n.text, super::first_name(p.facts)));
        (!asked, super::circle_index(p.facts.circle), p.hash)
    });
    for (c, i) in late {
        let p = &prepared[c];
        // Not beyond the last day a late follow-up is planned on, so that
        // tomorrow's plan still has it.
        let last = match &p.fixed[i].detail {
            FixedDetail::FollowUp { event_date, .. } => {
                calendar.day(*event_date) + LATE_FOLLOW_UP_DAYS
            }
            _ => first,
        };
        let k = (0..days.len())
            .find(|&k| {
                let day = days[k];
                load[k] < cap
                    && (k == 0
                        || (day <= last
                            && !calendar.is_holiday_break(day)
                            && !p.is_away(day)
                            && p.fixed.iter().all(|f| !folds_near(f, day))))
            })
            .unwrap_or(0);
        if k > 0 {
            // A contact's fixed pings stay in day order (one late follow-up
            // each, so no other index here moves).
            prepared[c].fixed[i].day = days[k];
            prepared[c].fixed.sort_by_key(|f| f.day);
        }
        load[k] += 1;
    }
}
