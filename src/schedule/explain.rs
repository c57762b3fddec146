//! Turns placed pings into what the user reads: warmth, a concrete suggestion and
//! a "why" built from the facts that produced the ping.

use chrono::{Datelike, NaiveDate};

use super::calendar::Calendar;
use super::settings::weekday_name;
use super::snapshot::{Anchor, AnchorSource};
use super::suggest::{categorise, suggest, SuggestionContext};
use super::warmth::{anchor_warmth, warmth_on};
use super::{stable_hash, FixedDetail, Ping, Placed, Placement, Prepared, Reason};
use crate::model::{Circle, InteractionKind};

/// Writes the texts of every placed ping and orders the plan by day.
pub(super) fn write_pings(
    mut placed: Vec<Placed>,
    prepared: &[Prepared<'_>],
    calendar: &Calendar<'_>,
) -> Vec<Ping> {
    // Per contact in time order, so each ping knows the one before it.
    placed.sort_by_key(|x| (x.contact, x.day));
    let mut pings = Vec::with_capacity(placed.len());
    let mut previous: Option<(usize, i32, usize)> = None; // (contact, day, template)
    let mut interest_turn = 0u32;
    let mut interests = Vec::new();
    for x in &placed {
        let p = &prepared[x.contact];
        let facts = p.facts;
        let before = previous.filter(|(c, _, _)| *c == x.contact);
        if before.is_none() {
            interest_turn = 0;
            interests = categorise(&facts.interests);
        }
        let date = calendar.date(x.day);
        let interval = f64::from(p.interval);
        let real = warmth_on(&p.anchors, date, interval);
        let chained = before.map_or(0.0, |(_, day, _)| {
            anchor_warmth(calendar.date(day), AnchorSource::PingDone, date, interval)
        });
        let warmth = real.max(chained).round().clamp(0.0, 100.0) as u8;

        let (event, event_round, promise) = match &x.fixed {
            Some(FixedDetail::FollowUp { round, event, .. }) => {
                (Some(event.as_str()), Some(*round), None)
            }
            Some(FixedDetail::Promise { text, .. }) => (None, None, Some(text.as_str())),
            _ => (None, None, None),
        };
        let first_name = if facts.given_name.is_empty() {
            facts.name.as_str()
        } else {
            facts.given_name.as_str()
        };
        let ctx = SuggestionContext {
            first_name,
            company: facts.company.as_deref(),
            interests: &interests,
            event,
            event_round,
            promise,
        };
        // Every other cadence ping talks about their interests, so they show up during the year.
        let prefer_interest =
            matches!(x.reason, Reason::Cadence | Reason::Overdue) && interest_turn % 2 == 0;
        if matches!(x.reason, Reason::Cadence | Reason::Overdue) {
            interest_turn += 1;
        }
        let seed = stable_hash(&[facts.uid.as_bytes(), x.id.as_bytes()]);
        let suggestion = suggest(
            x.reason,
            &ctx,
            seed,
            prefer_interest,
            before.map(|(_, _, t)| t),
        );
        let why = why(
            x,
            p,
            calendar,
            date,
            warmth,
            before.map(|(_, day, _)| calendar.date(day)),
        );
        previous = Some((x.contact, x.day, suggestion.template));
        pings.push(Ping {
            id: x.id.clone(),
            date,
            contact_id: facts.id,
            contact_name: facts.name.clone(),
            reason: x.reason,
            suggestion: suggestion.text,
            why,
            warmth,
            action: suggestion.action,
            circle: facts.circle,
            promise_id: match &x.fixed {
                Some(FixedDetail::Promise { id, .. }) => Some(*id),
                _ => None,
            },
        });
    }
    pings.sort_by(|a, b| {
        (a.date, a.reason, &a.contact_name, a.contact_id, &a.id).cmp(&(
            b.date,
            b.reason,
            &b.contact_name,
            b.contact_id,
            &b.id,
        ))
    });
    pings
}

/// "Fri 4 Dec"
fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        weekday_name(date.weekday()),
        date.day(),
        month_name(date.month())
    )
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES.get(month as usize - 1).copied().unwrap_or("")
}

fn days_phrase(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{n} days ago"),
    }
}

fn circle_phrase(circle: Circle) -> &'static str {
    match circle {
        Circle::Inner => "inner circle",
        Circle::Core => "core circle",
        Circle::Network => "network",
        Circle::Acquaintance => "acquaintances",
    }
}

/// "last met 94 days ago at SaaStr" — the most recent real contact, as of `on`.
fn last_contact(anchors: &[Anchor], on: NaiveDate) -> Option<String> {
    let last = anchors
        .iter()
        .filter(|a| a.date <= on && a.source != AnchorSource::PingSkipped)
        .max_by_key(|a| (a.date, matches!(a.source, AnchorSource::Interaction(_))))?;
    let verb = match last.source {
        AnchorSource::PingDone | AnchorSource::PingSkipped => "pinged",
        AnchorSource::Interaction(kind) => match kind {
            InteractionKind::Meeting | InteractionKind::Event => "met",
            InteractionKind::Call => "talked",
            InteractionKind::Message => "messaged",
            InteractionKind::Email => "emailed",
            InteractionKind::Social => "interacted online",
            InteractionKind::Gift => "sent a gift",
        },
    };
    let at = last
        .event
        .as_deref()
        .map(|e| format!(" at {e}"))
        .unwrap_or_default();
    Some(format!(
        "last {verb} {}{at}",
        days_phrase((on - last.date).num_days())
    ))
}

fn why(
    x: &Placed,
    p: &Prepared<'_>,
    calendar: &Calendar<'_>,
    date: NaiveDate,
    warmth: u8,
    previous_ping: Option<NaiveDate>,
) -> String {
    let facts = p.facts;
    let today = calendar.date(0);
    let rhythm = format!(
        "{}: about every {} days",
        capitalise(circle_phrase(facts.circle)),
        p.interval
    );
    let mut text = match &x.fixed {
        Some(FixedDetail::Birthday { on, turns }) => {
            let age = turns.map(|t| format!(" (turns {t})")).unwrap_or_default();
            let when = if *on == date {
                format!(
                    "Birthday {}{age}",
                    if date == today {
                        "today".to_owned()
                    } else {
                        format!("on {}", short_date(*on))
                    }
                )
            } else if *on > date {
                format!(
                    "Birthday on {}{age}; planned for {}, your last working day before it",
                    short_date(*on),
                    short_date(date)
                )
            } else {
                format!(
                    "Birthday was on {}{age}; wish them now, better late than never",
                    short_date(*on)
                )
            };
            format!("{when}; warmth {warmth}")
        }
        Some(FixedDetail::Promise { text, due, .. }) => {
            let lateness = (today - *due).num_days();
            let status = if lateness > 0 {
                format!("was due {} — overdue", days_phrase(lateness))
            } else if *due == date {
                format!(
                    "due {}",
                    if date == today {
                        "today".to_owned()
                    } else {
                        short_date(*due)
                    }
                )
            } else {
                format!(
                    "due {}; planned for the working day before",
                    short_date(*due)
                )
            };
            format!("You promised \"{text}\", {status}")
        }
        Some(FixedDetail::FollowUp {
            round,
            event,
            event_date,
        }) => {
            let ago = (date - *event_date).num_days();
            if *round == 1 {
                let when = match ago {
                    1 => "the next day".to_owned(),
                    2..=4 => format!("{ago} days later"),
                    _ => "now".to_owned(),
                };
                format!(
                    "Met at {event} on {}; follow up {when}, while it is fresh",
                    short_date(*event_date)
                )
            } else {
                format!("Second follow-up, {ago} days after {event}, before the conversation fades")
            }
        }
        None => cadence_why(x, p, date, warmth, previous_ping, &rhythm),
    };
    text.push_str(&moved_note(x, calendar));
    text
}

fn cadence_why(
    x: &Placed,
    p: &Prepared<'_>,
    date: NaiveDate,
    warmth: u8,
    previous_ping: Option<NaiveDate>,
    rhythm: &str,
) -> String {
    let facts = p.facts;
    if let Some(previous) = previous_ping {
        return format!(
            "Keeps the rhythm after the ping of {}; {rhythm}; warmth {warmth} if that one is done",
            short_date(previous)
        );
    }
    let overdue = if x.placement.overdue_by > 0 {
        format!("Overdue by {} days: ", x.placement.overdue_by)
    } else {
        String::new()
    };
    match last_contact(&p.anchors, date) {
        Some(last) => format!("{overdue}{last}; warmth {warmth}. {rhythm}"),
        None => {
            let added = (date - facts.created_on).num_days().max(0);
            format!(
                "{overdue}{} since you added them {}; a first hello starts the clock. {rhythm}",
                if overdue.is_empty() {
                    "No interaction logged"
                } else {
                    "no interaction logged"
                },
                days_phrase(added)
            )
        }
    }
}

/// " (moved from Sat 5 Dec: not a working day)" and similar.
fn moved_note(x: &Placed, calendar: &Calendar<'_>) -> String {
    let Placement {
        ideal,
        over_cap,
        spread,
        pulled_forward,
        snoozed,
        ..
    } = x.placement;
    if snoozed {
        return " (snoozed to this day)".to_owned();
    }
    if over_cap {
        return " (every day near it is full: this day goes over your daily cap)".to_owned();
    }
    if x.fixed.is_some() || ideal == x.day {
        return String::new();
    }
    if x.placement.overdue_by > 0 {
        return if spread {
            " (spread over the coming working days so the backlog does not land on one day)"
                .to_owned()
        } else {
            String::new()
        };
    }
    let from = short_date(calendar.date(ideal));
    if !calendar.is_working(ideal) && !spread && !pulled_forward {
        return format!(" (moved from {from}: not a working day)");
    }
    if pulled_forward {
        return format!(" (brought forward from {from}: the week after it was full)");
    }
    if spread {
        format!(" (moved from {from}: the days before were full)")
    } else {
        String::new()
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
