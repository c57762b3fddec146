//! Turns placed pings into what the user reads: a concrete suggestion, a `why`
//! in one sentence a thoughtful colleague would say, and the scheduling
//! mechanics (rhythm, warmth, what moved the ping) in `details`.
//!
//! Every text is timeless: it names dates, never "today" or "31 days ago", so a
//! calendar event read weeks later still says the truth.

use chrono::{Datelike, NaiveDate};

use super::calendar::Calendar;
use super::capacity::circle_name;
use super::settings::weekday_name;
use super::snapshot::{Anchor, AnchorSource, ContactFacts};
use super::suggest::{
    categorise, clean, is_organisation, is_thread, suggest, Preference, Relationship,
    SuggestionContext,
};
use super::warmth::{anchor_warmth, warmth_on};
use super::{circle_index, stable_hash, FixedDetail, Ping, Placed, Placement, Prepared, Reason};
use crate::model::{Circle, InteractionKind, Source};

/// A note older than this (before the ping) is no longer the thread to pick up.
const NOTE_FRESH_DAYS: i64 = 200;

/// What the texts need beyond the placed pings.
pub(super) struct Context<'a> {
    pub calendar: &'a Calendar<'a>,
    /// Each circle's interval before stretching (inner first).
    pub setting_intervals: [i32; 4],
    /// The effective interval of each circle.
    pub intervals: [i32; 4],
    pub cap: u32,
}

/// Writes the texts of every placed ping and orders the plan by day.
pub(super) fn write_pings(
    mut placed: Vec<Placed>,
    prepared: &[Prepared<'_>],
    cx: &Context<'_>,
) -> Vec<Ping> {
    // Per contact in time order, so each ping knows the one before it.
    placed.sort_by_key(|x| (x.contact, x.day));
    let mut pings = Vec::with_capacity(placed.len());
    let mut previous: Option<(usize, i32, usize)> = None; // (contact, day, template)
    let mut turn = 0u32;
    let mut interests = Vec::new();
    for x in &placed {
        let p = &prepared[x.contact];
        let facts = p.facts;
        let before = previous.filter(|(c, _, _)| *c == x.contact);
        if before.is_none() {
            turn = 0;
            interests = categorise(&facts.interests);
        }
        let date = cx.calendar.date(x.day);
        let interval = f64::from(p.interval);
        let real = warmth_on(&p.anchors, date, interval);
        let chained = before.map_or(0.0, |(_, day, _)| {
            anchor_warmth(
                cx.calendar.date(day),
                AnchorSource::PingDone,
                date,
                interval,
            )
        });
        let warmth = real.max(chained).round().clamp(0.0, 100.0) as u8;
        let rhythm = matches!(x.reason, Reason::Cadence | Reason::Overdue);
        let first_hello = rhythm && p.never_contacted && before.is_none();
        let relationship = Relationship::of(facts.circle, p.never_contacted && before.is_none());

        let first_name = first_name(facts);
        let note = facts
            .last_note
            .as_ref()
            .filter(|n| !n.text.trim().is_empty() && (date - n.date).num_days() <= NOTE_FRESH_DAYS);
        let note_date = note.map(|n| day_month(n.date, date));
        // The promise a ping is for, or the next open one to mention.
        let (promise, promise_due, late) = match &x.fixed {
            Some(FixedDetail::Promise { text, due, .. }) => {
                (Some(text.as_str()), Some(*due), *due < date)
            }
            _ => match facts.open_promises.iter().find(|pr| pr.due > date) {
                Some(pr) => (Some(pr.text.as_str()), Some(pr.due), false),
                None => (None, None, false),
            },
        };
        let promise_due_text = promise_due.map(|d| short_date(d, date));
        let (event, event_round) = match &x.fixed {
            Some(FixedDetail::FollowUp { round, event, .. }) => {
                (Some(event.as_str()), Some(*round))
            }
            _ => (None, None),
        };
        // A note is picked up only when it holds something to pick up (and for
        // a follow-up, only the one written at that event).
        let note = note.filter(|n| match event {
            Some(e) => n.event.as_deref() == Some(e) && is_thread(&n.text),
            None => is_thread(&n.text),
        });
        let source = if relationship == Relationship::First {
            source_phrase(facts, date)
        } else {
            String::new()
        };
        let ctx = SuggestionContext {
            first_name,
            company: facts.company.as_deref().filter(|c| is_organisation(c)),
            interests: &interests,
            relationship,
            event,
            event_round,
            promise,
            promise_due: promise_due_text.as_deref(),
            late,
            note: note.map(|n| n.text.as_str()),
            note_date: note_date.as_deref(),
            note_event: note.and_then(|n| n.event.as_deref()),
            source: &source,
        };
        // A contact's rhythm pings take turns: the thread the user wrote, an
        // interest, anything; so their year is not one sentence repeated.
        let prefer = if rhythm {
            let p = match turn % 3 {
                0 if note.is_some() || promise.is_some() => Preference::Thread,
                0 | 1 => Preference::Interest,
                _ => Preference::Any,
            };
            turn += 1;
            p
        } else {
            Preference::Any
        };
        let seed = stable_hash(&[facts.uid.as_bytes(), x.id.as_bytes()]);
        let suggestion = suggest(x.reason, &ctx, seed, prefer, before.map(|(_, _, t)| t));
        let previous_day = before.map(|(_, day, _)| cx.calendar.date(day));
        let why = why(x, p, cx, date, first_hello, previous_day);
        let details = details(x, p, cx, date, warmth, first_hello, previous_day);
        previous = Some((x.contact, x.day, suggestion.template));
        pings.push(Ping {
            id: x.id.clone(),
            date,
            contact_id: facts.id,
            contact_name: facts.name.clone(),
            reason: x.reason,
            suggestion: suggestion.text,
            why,
            details,
            first_hello,
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

fn first_name(facts: &ContactFacts) -> &str {
    if facts.given_name.trim().is_empty() {
        facts.name.as_str()
    } else {
        facts.given_name.as_str()
    }
}

/// "Fri 4 Dec", with the year when it is not the year of `relative_to`.
pub(super) fn short_date(date: NaiveDate, relative_to: NaiveDate) -> String {
    let base = format!(
        "{} {} {}",
        weekday_name(date.weekday()),
        date.day(),
        month_name(date.month())
    );
    if date.year() == relative_to.year() {
        base
    } else {
        format!("{base} {}", date.year())
    }
}

/// "3 Mar", or "3 Mar 2025" in another year than `relative_to`.
fn day_month(date: NaiveDate, relative_to: NaiveDate) -> String {
    if date.year() == relative_to.year() {
        format!("{} {}", date.day(), month_name(date.month()))
    } else {
        format!(
            "{} {} {}",
            date.day(),
            month_name(date.month()),
            date.year()
        )
    }
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES.get(month as usize - 1).copied().unwrap_or("")
}

const NUMBERS: [&str; 13] = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// "five weeks", "eight months", "over two years": a span in words.
fn span_words(days: i64) -> String {
    let number = |n: i64| {
        usize::try_from(n)
            .ok()
            .and_then(|i| NUMBERS.get(i))
            .map_or_else(|| n.to_string(), |s| (*s).to_owned())
    };
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("one {unit}")
        } else {
            format!("{} {unit}s", number(n))
        }
    };
    match days {
        i64::MIN..=10 => "a few days".to_owned(),
        11..=48 => plural((days + 3) / 7, "week"),
        49..=350 => plural(((days as f64) / 30.44).round() as i64, "month"),
        351..=540 => "about a year".to_owned(),
        _ => format!("over {}", plural(days / 365, "year")),
    }
}

/// The rhythm in words: "about every five weeks".
fn every(interval: i32) -> String {
    format!("about every {}", span_words(i64::from(interval)))
}

/// Warmth as a word and a number: "cooling (37/100)".
pub fn warmth_words(warmth: u8) -> String {
    let word = match warmth {
        70..=100 => "warm",
        30..=69 => "cooling",
        _ => "cold",
    };
    format!("{word} ({warmth}/100)")
}

/// How the user came to have the contact, for a first hello's suggestion.
fn source_phrase(facts: &ContactFacts, on: NaiveDate) -> String {
    let when = day_month(facts.created_on, on);
    match facts.source {
        Some(Source::Linkedin) => format!(
            "you connected on LinkedIn in {} {}",
            month_name(facts.created_on.month()),
            facts.created_on.year()
        ),
        Some(Source::Google) => "they are in your Google contacts".to_owned(),
        Some(Source::Outlook) => "they are in your Outlook contacts".to_owned(),
        Some(Source::Vcard) => "you have their contact card".to_owned(),
        Some(Source::Conference) => format!("you added them at a conference on {when}"),
        _ => format!("you added them on {when}"),
    }
}

/// A first hello's why: where the contact came from and when.
fn first_hello_why(facts: &ContactFacts, on: NaiveDate) -> String {
    let when = day_month(facts.created_on, on);
    match facts.source {
        Some(Source::Linkedin) => {
            format!("Connected on LinkedIn on {when}; you have not talked since.")
        }
        Some(Source::Google) => {
            format!("In your Google contacts since {when}; no conversation logged yet.")
        }
        Some(Source::Outlook) => {
            format!("In your Outlook contacts since {when}; no conversation logged yet.")
        }
        Some(Source::Vcard) => {
            format!("Added from a contact card on {when}; no conversation logged yet.")
        }
        Some(Source::Conference) => {
            format!("Added at a conference on {when}; no conversation logged since.")
        }
        _ => format!("Added on {when}; no conversation logged yet."),
    }
}

/// The most recent real contact before `on`.
fn last_contact(anchors: &[Anchor], on: NaiveDate) -> Option<&Anchor> {
    anchors
        .iter()
        .filter(|a| a.date <= on && a.source != AnchorSource::PingSkipped)
        .max_by_key(|a| (a.date, matches!(a.source, AnchorSource::Interaction(_))))
}

/// "met Ava on 3 Mar at Web Summit"
fn last_contact_words(last: &Anchor, name: &str, on: NaiveDate) -> String {
    let verb = match last.source {
        AnchorSource::PingDone | AnchorSource::PingSkipped => "were in touch with",
        AnchorSource::Interaction(kind) => match kind {
            InteractionKind::Meeting | InteractionKind::Event => "met",
            InteractionKind::Call => "talked to",
            InteractionKind::Message => "messaged",
            InteractionKind::Email => "emailed",
            InteractionKind::Social => "interacted online with",
            InteractionKind::Gift => "sent a gift to",
        },
    };
    let at = last
        .event
        .as_deref()
        .map(|e| format!(" at {}", clean(e, 80)))
        .unwrap_or_default();
    format!("{verb} {name} on {}{at}", day_month(last.date, on))
}

fn why(
    x: &Placed,
    p: &Prepared<'_>,
    cx: &Context<'_>,
    date: NaiveDate,
    first_hello: bool,
    previous_ping: Option<NaiveDate>,
) -> String {
    let facts = p.facts;
    let name = clean(first_name(facts), 60);
    let on = |d: NaiveDate| short_date(d, date);
    let snoozed = x.placement.snoozed;
    match &x.fixed {
        Some(FixedDetail::Birthday {
            on: birthday,
            turns,
        }) => {
            let age = turns
                .filter(|t| (1..=120).contains(t))
                .map(|t| format!(", turning {t}"))
                .unwrap_or_default();
            let holiday = if cx.calendar.is_holiday(cx.calendar.day(*birthday)) {
                ", a public holiday"
            } else {
                ""
            };
            if snoozed {
                format!(
                    "{name}'s birthday was on {}{age}; snoozed to {}.",
                    on(*birthday),
                    on(date)
                )
            } else if *birthday == date {
                format!("{name}'s birthday is on {}{age}.", on(date))
            } else if *birthday > date {
                format!(
                    "{name}'s birthday is on {}{holiday}{age}; {} is your last working day before it.",
                    on(*birthday),
                    on(date)
                )
            } else {
                format!(
                    "{name}'s birthday was on {}{age}; a belated wish still counts.",
                    on(*birthday)
                )
            }
        }
        Some(FixedDetail::Promise { text, due, .. }) => {
            let promised = format!(
                "You promised {name} \u{201c}{}\u{201d} by {}",
                clean(text, 120),
                on(*due)
            );
            if snoozed {
                format!("{promised}; snoozed to {}.", on(date))
            } else if *due < date {
                format!("{promised}, and it is still open.")
            } else if *due > date {
                format!(
                    "{promised}; {} is your last working day before it.",
                    on(date)
                )
            } else {
                format!("{promised}.")
            }
        }
        Some(FixedDetail::FollowUp {
            round,
            event,
            event_date,
        }) => {
            let event = clean(event, 80);
            let base = if *round == 1 {
                format!(
                    "You met {name} at {event} on {}; a note within days keeps the conversation fresh",
                    on(*event_date)
                )
            } else {
                format!(
                    "Three weeks after {event} ({}): a second touch before the conversation fades",
                    day_month(*event_date, date)
                )
            };
            if snoozed {
                format!("{base}; snoozed to {}.", on(date))
            } else {
                format!("{base}.")
            }
        }
        None => {
            let text = rhythm_why(x, p, date, first_hello, previous_ping, &name);
            if snoozed {
                format!("Snoozed to {}: {}", on(date), lower_first(&text))
            } else {
                text
            }
        }
    }
}

/// "is in your inner circle", "is an acquaintance".
fn membership(circle: Circle) -> &'static str {
    match circle {
        Circle::Inner => "is in your inner circle",
        Circle::Core => "is in your core circle",
        Circle::Network => "is in your network",
        Circle::Acquaintance => "is an acquaintance",
    }
}

fn rhythm_why(
    x: &Placed,
    p: &Prepared<'_>,
    date: NaiveDate,
    first_hello: bool,
    previous_ping: Option<NaiveDate>,
    name: &str,
) -> String {
    let facts = p.facts;
    if first_hello {
        return first_hello_why(facts, date);
    }
    if let Some(previous) = previous_ping {
        return format!(
            "{name} {}: a touch {}, after your ping of {}.",
            membership(facts.circle),
            every(p.interval),
            short_date(previous, date)
        );
    }
    match last_contact(&p.anchors, date) {
        Some(last) if x.placement.overdue_by > 0 => format!(
            "It has been {} since you last {}; time to reconnect.",
            span_words((date - last.date).num_days()),
            last_contact_words(last, name, date)
        ),
        Some(last) => format!(
            "You last {}; {} {}.",
            last_contact_words(last, name, date),
            match facts.circle {
                Circle::Acquaintance => "acquaintances hear from you",
                Circle::Network => "your network hears from you",
                Circle::Core => "your core circle hears from you",
                Circle::Inner => "your inner circle hears from you",
            },
            every(p.interval)
        ),
        None => format!(
            "{name} {}: a touch {}.",
            membership(facts.circle),
            every(p.interval)
        ),
    }
}

fn details(
    x: &Placed,
    p: &Prepared<'_>,
    cx: &Context<'_>,
    date: NaiveDate,
    warmth: u8,
    first_hello: bool,
    previous_ping: Option<NaiveDate>,
) -> String {
    let circle = circle_index(p.facts.circle);
    let mut parts = Vec::new();
    let stretched = cx.intervals[circle] != cx.setting_intervals[circle];
    parts.push(format!(
        "{} rhythm: every {} days{}.",
        capitalise(circle_name(p.facts.circle)),
        p.interval,
        if stretched {
            format!(
                " (spaced out from {} so your contacts fit a daily cap of {})",
                cx.setting_intervals[circle], cx.cap
            )
        } else {
            String::new()
        }
    ));
    let warmth_note = if previous_ping.is_some() {
        " if the ping before is done"
    } else {
        ""
    };
    if first_hello {
        parts.push("Warmth: no contact yet.".to_owned());
    } else {
        parts.push(format!(
            "Warmth on {}: {}{warmth_note}.",
            short_date(date, date),
            warmth_words(warmth)
        ));
    }
    if x.fixed.is_none() && previous_ping.is_none() && !first_hello {
        let since = cx.calendar.date(p.due_since);
        if since < date {
            parts.push(format!("Due since {}.", short_date(since, date)));
        }
    }
    parts.push(moved_note(x, cx, date, first_hello));
    parts.retain(|s| !s.is_empty());
    parts.join(" ")
}

/// What moved the ping from the day its rhythm or date asked for.
fn moved_note(x: &Placed, cx: &Context<'_>, date: NaiveDate, first_hello: bool) -> String {
    let Placement {
        ideal,
        over_cap,
        spread,
        pulled_forward,
        snoozed,
        catch_up,
        ..
    } = x.placement;
    let from = short_date(cx.calendar.date(ideal), date);
    if snoozed {
        return format!("Snoozed to {}.", short_date(date, date));
    }
    if over_cap {
        return format!(
            "Over your daily cap of {}: every day near it is full.",
            cx.cap
        );
    }
    if x.fixed.is_some() {
        let wanted = cx.calendar.date(ideal);
        if wanted > date && !cx.calendar.is_working(ideal) {
            let why = if cx.calendar.is_holiday(ideal) {
                "a public holiday"
            } else {
                "not a working day"
            };
            return format!("{} is {why}.", short_date(wanted, date));
        }
        return String::new();
    }
    let mut text = Vec::new();
    if first_hello {
        text.push("First hellos take free days after everyone else.".to_owned());
    }
    if catch_up && ideal == x.day {
        text.push(
            "Placed at its own point in the rhythm, so late contacts come back spread out rather than all at once."
                .to_owned(),
        );
    }
    if ideal != x.day {
        let reason = if !cx.calendar.is_working(ideal) && !spread && !pulled_forward {
            if cx.calendar.is_holiday(ideal) {
                format!("Moved from {from}: a public holiday.")
            } else {
                format!("Moved from {from}: not a working day.")
            }
        } else if pulled_forward {
            format!("Brought forward from {from}: the days after it were full.")
        } else if spread {
            format!("Moved from {from}: the days before were full.")
        } else {
            String::new()
        };
        text.push(reason);
    }
    text.retain(|s| !s.is_empty());
    text.join(" ")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-cases a sentence's first word when it is not a name, to follow a colon.
fn lower_first(s: &str) -> String {
    const STARTERS: [&str; 6] = ["You ", "It ", "Connected ", "In ", "Added ", "Your "];
    if !STARTERS.iter().any(|w| s.starts_with(w)) {
        return s.to_owned();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
