//! The `why` of a ping in one sentence a thoughtful colleague would say, and
//! the scheduling mechanics (rhythm, warmth, what moved the ping) in `details`.
//!
//! Every text is timeless: it names dates, never "today" or "31 days ago", so a
//! calendar event read weeks later still says the truth. A span ("three weeks
//! since…") is measured to the ping's own day.

use chrono::{Datelike, NaiveDate};

use super::capacity::circle_name;
use super::dates::{day_month, every, full_month_name, short_date, span_words, warmth_words};
use super::explain::Context;
use super::notes::{is_client, own_notes, relationship_tag, Owing, Request};
use super::render::{is_plural, owed_thing, request_phrase};
use super::snapshot::{Anchor, AnchorSource, ContactFacts};
use super::suggest::{clean, RequestState};
use super::{circle_index, ClosedBy, FixedDetail, Placed, Placement, Prepared};
use crate::model::{Circle, InteractionKind, Source};

/// A request that has waited longer than this is "a long wait".
const LONG_WAIT_DAYS: i64 = 28;
/// Within this many days of an event, a first note still comes "within days".
const WITHIN_DAYS: i64 = 5;

/// What the ping's suggestion drew on, so the why says the same thing.
#[derive(Debug, Clone, Default)]
pub(super) struct Said<'a> {
    /// The contact's request, when the suggestion delivers it: what, when asked, its state.
    pub request: Option<(Request, NaiveDate, RequestState)>,
    /// "you promised Yusuf the quote by Fri 4 Dec", for the promise the ping
    /// keeps, delivers early or mentions.
    pub owed: Option<String>,
    /// The suggestion delivers a promise early.
    pub early: bool,
    /// The suggestion asks how a promise due on this day landed.
    pub promise_after: Option<NaiveDate>,
    /// The suggestion picks up a note naming a renewal or deadline still to
    /// come: what, its day, and the note's day.
    pub deadline: Option<(String, NaiveDate, NaiveDate, Owing, Option<String>)>,
    /// That is a visit ("coming to Dublin in Feb"): the place is its what.
    pub visit: bool,
    /// The suggestion sees to a yearly Christmas custom the card keeps.
    pub christmas: bool,
    /// The suggestion picks up an offer the contact made in the note: the
    /// note as quoted, and its day.
    pub offered: Option<(String, NaiveDate)>,
    /// The suggestion asks how personal news with a day went: what, its day.
    pub life_dated: Option<(&'a str, NaiveDate)>,
    /// A friend's rhythm ping wishes luck for news just ahead: what, its day.
    pub luck_ahead: Option<(&'a str, NaiveDate)>,
    /// The only message sent went unanswered: its day.
    pub unanswered: Option<NaiveDate>,
    /// The promise asked about was marked kept (on the day in `promise_after`).
    pub kept: bool,
    /// The suggestion asks how a decision or deadline the note named went:
    /// what (with its article), its day.
    pub dated: Option<(String, NaiveDate)>,
    /// The suggestion is the call (or message) the note asked for later:
    /// the note's day, the day named, and whether it is a call.
    pub asked_back: Option<(NaiveDate, NaiveDate, bool, bool)>,
}

/// Where a first contact comes from, for a first hello's suggestion.
pub(super) fn how_connected(facts: &ContactFacts) -> &'static str {
    match facts.source {
        Some(Source::Linkedin) => " (you are connected on LinkedIn)",
        Some(Source::Google) => " (in your Google contacts)",
        Some(Source::Outlook) => " (in your Outlook contacts)",
        Some(Source::Conference) => " (you met at a conference)",
        _ => "",
    }
}

/// A first hello's why: where the contact came from, in words. Import dates
/// say nothing (a Google export has no "since"), so only LinkedIn and
/// conferences, whose dates mean something, give one.
fn first_hello_why(facts: &ContactFacts, name: &str, on: NaiveDate) -> String {
    let when = day_month(facts.created_on, on);
    match facts.source {
        Some(Source::Linkedin) => {
            format!("Connected on LinkedIn on {when}; you have not talked since.")
        }
        Some(Source::Google) => "In your Google contacts, with no conversation yet.".to_owned(),
        Some(Source::Outlook) => "In your Outlook contacts, with no conversation yet.".to_owned(),
        Some(Source::Vcard) => "Saved from a contact card, with no conversation yet.".to_owned(),
        Some(Source::Conference) => {
            format!("You met {name} at a conference on {when} and have not talked since.")
        }
        _ if (on - facts.created_on).num_days() <= 45 => {
            format!("{name} is a recent addition to your contacts, with no conversation yet.")
        }
        _ => format!(
            "{name} has been in your contacts since {} {} without a first conversation.",
            full_month_name(facts.created_on.month()),
            facts.created_on.year()
        ),
    }
}

/// The why of someone the user knows with no conversation logged: what shows
/// the relationship (a client tag, the user's notes, a group, the circle),
/// never "you have not talked since".
fn unlogged_why(facts: &ContactFacts, name: &str) -> String {
    let notes = own_notes(&facts.notes).map(|n| format!("your notes say \u{201c}{n}\u{201d}"));
    let group = relationship_tag(&facts.tags)
        .map(|tag| format!("{name} is in your {} group", clean(tag, 40)));
    let known = match (group, notes) {
        (Some(group), Some(notes)) if is_client(&facts.tags) => format!("{group}, and {notes}"),
        (_, Some(notes)) => notes,
        (Some(group), None) => group,
        (None, None) if !facts.open_promises.is_empty() => {
            format!("you have a promise to keep to {name}")
        }
        (None, None) => format!("{name} {}", membership(facts.circle)),
    };
    format!("You have no conversation with {name} logged yet; {known}.")
}

/// The most recent real contact before `on`.
pub(super) fn last_contact(anchors: &[Anchor], on: NaiveDate) -> Option<&Anchor> {
    anchors
        .iter()
        .filter(|a| a.date <= on && a.source != AnchorSource::PingSkipped)
        .max_by_key(|a| (a.date, matches!(a.source, AnchorSource::Interaction(_))))
}

/// "you last met Ava on 3 Mar at Web Summit"
fn last_contact_words(last: &Anchor, name: &str, on: NaiveDate) -> String {
    let date = day_month(last.date, on);
    let at = last
        .event
        .as_deref()
        .map(|e| format!(" at {}", clean(e, 80)))
        .unwrap_or_default();
    match last.source {
        AnchorSource::PingDone | AnchorSource::PingSkipped => {
            format!("you were last in touch with {name} on {date}{at}")
        }
        AnchorSource::Interaction(kind) => match kind {
            InteractionKind::Meeting | InteractionKind::Event => {
                format!("you last met {name} on {date}{at}")
            }
            InteractionKind::Call => format!("you last talked to {name} on {date}{at}"),
            InteractionKind::Message => format!("you last messaged {name} on {date}{at}"),
            InteractionKind::Email => format!("you last emailed {name} on {date}{at}"),
            InteractionKind::Social => {
                format!("you were last in touch with {name} online, on {date}{at}")
            }
            InteractionKind::Gift => format!("you last sent {name} a gift, on {date}{at}"),
        },
    }
}

/// A light touch (a like, an email, a message) keeps someone warm for less than
/// an interval (see `warmth::strength`); the why says so when the gap is short.
fn light_touch(source: AnchorSource) -> Option<&'static str> {
    match source {
        AnchorSource::Interaction(InteractionKind::Social) => Some("an online touch"),
        AnchorSource::Interaction(InteractionKind::Email) => Some("an email"),
        AnchorSource::Interaction(InteractionKind::Message) => Some("a message"),
        _ => None,
    }
}

/// The weeks before the year-end break, when a word "before the holidays" is natural.
fn before_the_holidays(date: NaiveDate) -> bool {
    date.month() == 12 && (8..=23).contains(&date.day())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The why of a ping.
#[allow(clippy::too_many_arguments)]
pub(super) fn why(
    x: &Placed,
    p: &Prepared<'_>,
    cx: &Context<'_>,
    date: NaiveDate,
    first_hello: bool,
    previous_ping: Option<NaiveDate>,
    name: &str,
    said: &Said<'_>,
) -> String {
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
            } else if *birthday > date && !day_off_after(cx, *birthday, date) {
                format!("{name}'s birthday is on {}{holiday}{age}.", on(*birthday))
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
        Some(FixedDetail::Promise {
            text, due, lead, ..
        }) => {
            let promised = said.owed.as_deref().map_or_else(
                || {
                    if super::notes::is_surprise(text) {
                        // A present is the user's plan, not a promise made to them.
                        format!(
                            "You planned {} by {}",
                            super::notes::planned(text),
                            on(*due)
                        )
                    } else {
                        format!(
                            "You promised {name} \u{201c}{}\u{201d} by {}",
                            clean(text, 120),
                            on(*due)
                        )
                    }
                },
                capitalise,
            );
            if snoozed {
                format!("{promised}; snoozed to {}.", on(date))
            } else if *due < date {
                format!("{promised}, and it is still open.")
            } else if *due > date && *lead == super::fixed::PromiseLead::WeekAhead {
                format!("{promised}: it takes others' time or days of work, so today is the day to start.")
            } else if *due > date && *lead == super::fixed::PromiseLead::DayBefore {
                format!("{promised}, early that day: today is the day to get ready.")
            } else if *due > date && day_off_after(cx, *due, date) {
                format!(
                    "{promised}; {} is your last working day before it.",
                    on(date)
                )
            } else if *due > date {
                // Placed earlier, as that day is full: no claim about it.
                format!("{promised}.")
            } else {
                format!("{promised}.")
            }
        }
        Some(FixedDetail::FollowUp {
            round,
            event,
            event_date,
            ..
        }) => {
            let met = clean(event, 80);
            let base = if let Some((_, from, call, theirs)) = said.asked_back {
                format!(
                    "You met {name} at {met} on {}, and {} to {} after {}: this is that {}",
                    on(*event_date),
                    if theirs {
                        format!("{name} asked you")
                    } else {
                        "your note says".to_owned()
                    },
                    if call { "call" } else { "get back in touch" },
                    on(from),
                    if call { "call" } else { "word" }
                )
            } else if *round == 1 {
                let since = (date - *event_date).num_days();
                match &said.owed {
                    Some(owed) => {
                        // "you promised Yusuf the quote…" → "and promised the quote…"
                        let promised = owed
                            .strip_prefix(&format!("you promised {name} "))
                            .map(|rest| format!("promised {rest}"))
                            .or_else(|| owed.strip_prefix("you ").map(str::to_owned))
                            .unwrap_or_else(|| owed.clone());
                        format!("You met {name} at {met} on {} and {promised}", on(*event_date))
                    }
                    None if since <= WITHIN_DAYS => format!(
                        "You met {name} at {met} on {}; a note within days keeps the conversation fresh",
                        on(*event_date)
                    ),
                    None => format!(
                        "You met {name} at {met} on {} and nothing has followed yet; a note now picks the conversation up before it fades",
                        on(*event_date)
                    ),
                }
            } else if let Some((what, decided)) = &said.dated {
                format!(
                    "Your note from {} ({}) had {what} on {}: time to hear how it went",
                    super::notes::event_name(&met),
                    day_month(*event_date, date),
                    on(*decided)
                )
            } else {
                let event = super::notes::event_name(&met);
                let since = capitalise(&span_words((date - *event_date).num_days()));
                match said.promise_after {
                    Some(due) => format!(
                        "{since} after {event} ({}), and after what you promised for {}: time to hear how it landed",
                        day_month(*event_date, date),
                        on(due)
                    ),
                    None => format!(
                        "{since} after {event} ({}): a second touch before the conversation fades",
                        day_month(*event_date, date)
                    ),
                }
            };
            if snoozed {
                format!("{base}; snoozed to {}.", on(date))
            } else {
                format!("{base}.")
            }
        }
        None => {
            let text = rhythm_why(x, p, date, first_hello, previous_ping, name, said);
            let text = match absence_words(p, cx, date, name) {
                Some(absence) => format!("{}; {absence}.", text.trim_end_matches('.')),
                None => text,
            };
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

fn hears_from_you(circle: Circle) -> &'static str {
    match circle {
        Circle::Acquaintance => "acquaintances hear from you",
        Circle::Network => "your network hears from you",
        Circle::Core => "your core circle hears from you",
        Circle::Inner => "your inner circle hears from you",
    }
}

/// The why of a request the suggestion delivers: who asked for what, when,
/// and that nothing since says it was done.
fn request_why(
    name: &str,
    request: &Request,
    state: RequestState,
    asked: NaiveDate,
    date: NaiveDate,
) -> String {
    let waited = (date - asked).num_days();
    // A request for later ("a demo in Q1") is not late yet.
    let wait = if waited > LONG_WAIT_DAYS && state != RequestState::Fresh {
        format!("; {} is a long wait", span_words(waited))
    } else {
        String::new()
    };
    if request.kind == "interest" {
        return format!(
            "{name} showed interest in {} on {} and nothing in your notes since says you followed it up{wait}.",
            request.object,
            day_month(asked, date)
        );
    }
    let verb = |r: &Request| if r.kind == "answer" { "about" } else { "for" };
    let mut what = format!("{} {}", verb(request), request.object);
    let mut plural = is_plural(&request.object);
    if let Some(and) = request
        .and
        .as_deref()
        .filter(|_| state == RequestState::Fresh)
    {
        what = format!("{what} and {} {}", verb(and), and.object);
        plural = true;
    }
    let done = request_phrase(request.kind, "done").unwrap_or("it was done");
    let done = match done.strip_prefix("it was ") {
        Some(rest) if plural => format!("they were {rest}"),
        _ => match done.strip_prefix("it ") {
            Some(rest) if plural => format!("they {rest}"),
            _ => done.to_owned(),
        },
    };
    format!(
        "{name} asked {what} on {} and nothing in your notes since says {done}{wait}.",
        day_month(asked, date)
    )
}

/// How near an absence the notes name a ping must fall for its why to
/// speak of it: the two weeks before the contact leaves or after they are back.
const ABSENCE_MENTION_DAYS: i32 = 14;

/// An absence the notes name that starts within [`ABSENCE_MENTION_DAYS`]
/// after `date`: the first day away, the day back, and whether it is
/// parental leave.
/// The contact's absence the notes name, starting within days: the first
/// day away, the day back when the notes name it, and whether it is
/// parental leave.
pub(super) fn away_soon(
    p: &Prepared<'_>,
    cx: &Context<'_>,
    date: NaiveDate,
) -> Option<(NaiveDate, Option<NaiveDate>, bool)> {
    let day = cx.calendar.day(date);
    p.away.iter().find_map(|span| match span.by {
        ClosedBy::Away {
            parental,
            back_named,
        } if span.from > day && span.from - day <= ABSENCE_MENTION_DAYS => Some((
            cx.calendar.date(span.from),
            back_named.then(|| cx.calendar.date(span.back)),
            parental,
        )),
        _ => None,
    })
}

/// "Nadia is away from Fri 11 Dec, back on Wed 6 Jan, as your notes say", for
/// a ping just before an absence the notes name; "Nadia is back from time
/// away on Wed 6 Jan, …" for one just after it.
fn absence_words(
    p: &Prepared<'_>,
    cx: &Context<'_>,
    date: NaiveDate,
    name: &str,
) -> Option<String> {
    if let Some((from, back, _)) = away_soon(p, cx, date) {
        return Some(match back {
            Some(back) => format!(
                "{name} is away from {}, back on {}, as your notes say",
                short_date(from, date),
                short_date(back, date)
            ),
            None => format!(
                "{name} is away from {}, as your notes say",
                short_date(from, date)
            ),
        });
    }
    let day = cx.calendar.day(date);
    p.away
        .iter()
        // A day back the notes do not name is no fact to state.
        .filter(|span| {
            matches!(
                span.by,
                ClosedBy::Away {
                    back_named: true,
                    ..
                }
            )
        })
        .find(|span| day >= span.back && day - span.back <= ABSENCE_MENTION_DAYS)
        .map(|span| {
            format!(
                "{name} is back from time away on {}, as your notes say",
                short_date(cx.calendar.date(span.back), date)
            )
        })
}

fn rhythm_why(
    x: &Placed,
    p: &Prepared<'_>,
    date: NaiveDate,
    first_hello: bool,
    previous_ping: Option<NaiveDate>,
    name: &str,
    said: &Said<'_>,
) -> String {
    let facts = p.facts;
    if first_hello {
        return first_hello_why(facts, name, date);
    }
    if let Some((noted, from, call, theirs)) = said.asked_back {
        let (verb, what) = if call {
            ("call", "call")
        } else {
            ("get back in touch with", "word")
        };
        let after = short_date(from, date);
        return if theirs {
            format!(
                "On {} {name} asked you to {} after {after}: this is that {what}.",
                day_month(noted, date),
                if call { "call" } else { "get back in touch" },
            )
        } else {
            format!(
                "Your note of {} says to {verb} {name} after {after}: this is that {what}.",
                day_month(noted, date),
            )
        };
    }
    if let Some((request, asked, state)) = &said.request {
        if *state != RequestState::After {
            return request_why(name, request, *state, *asked, date);
        }
    }
    if said.early {
        if let Some(owed) = &said.owed {
            return format!(
                "{}: the natural reason to be in touch now.",
                capitalise(owed)
            );
        }
    }
    if p.never_contacted && previous_ping.is_none() {
        return unlogged_why(facts, name);
    }
    if let Some(day) = said.promise_after {
        return if said.kept {
            format!(
                "You kept your promise to {name} on {}: time to hear how it landed.",
                short_date(day, date)
            )
        } else {
            format!(
                "Your promise to {name} was due on {}: time to hear how it landed.",
                short_date(day, date)
            )
        };
    }
    if let Some(sent) = said.unanswered {
        return format!(
            "Your email to {name} on {} had no reply; {} on, a second try with a new angle.",
            day_month(sent, date),
            span_words((date - sent).num_days())
        );
    }
    if let Some((note, on)) = &said.offered {
        let on = *on;
        return format!(
            "On {} you noted an offer from {name} that is still open (“{}”); a word now keeps it moving.",
            day_month(on, date),
            clean(note, 100)
        );
    }
    if let Some((what, on)) = said.luck_ahead {
        return format!(
            "Your notes have {} on {}: a word of luck before it.",
            super::notes::definite(&clean(what, 80)),
            short_date(on, date)
        );
    }
    if let Some((what, on)) = said.life_dated {
        return format!(
            "Your notes had {} on {}: a word after it to ask how it went.",
            super::notes::definite(&clean(what, 80)),
            short_date(on, date)
        );
    }
    if let Some((what, on)) = &said.dated {
        return format!(
            "Your notes had {} on {}: time to hear how it went.",
            clean(what, 80),
            short_date(*on, date)
        );
    }
    if said.christmas {
        return format!(
            "Your notes on {name} keep this every Christmas, and it is time to see to it."
        );
    }
    if let Some((what, on, noted, owing, when)) = &said.deadline {
        let noted = day_month(*noted, date);
        let named_on = match when {
            Some(when) => clean(when, 40),
            None => format!("on {}", short_date(*on, date)),
        };
        let on = short_date(*on, date);
        return match owing {
            Owing::Send => format!(
                "Your note of {noted} says you owe {name} {} by {on}.",
                owed_thing(what, name)
            ),
            Owing::Do => format!("Your note of {noted} gives you until {on} for this."),
            Owing::Chase => format!(
                "Your note of {noted} has {} due to you from {name} on {on}.",
                owed_thing(what, name)
            ),
            Owing::Nobody if said.visit => format!(
                "Your note of {noted} says {name} is coming to {} {named_on}: a chance to meet while there.",
                clean(what, 60)
            ),
            Owing::Nobody => format!(
                "Your note of {noted} has \u{201c}{}\u{201d} {named_on}: a word with {name} before it.",
                clean(what, 80)
            ),
        };
    }
    let interval = i64::from(p.interval);
    if let Some(previous) = previous_ping {
        let gap = (date - previous).num_days();
        return if gap * 10 >= interval * 8 {
            format!(
                "{name} {}: a touch {}, after your ping of {}.",
                membership(facts.circle),
                every(p.interval),
                short_date(previous, date)
            )
        } else {
            format!(
                "{name} {}: a light touch {} after your ping of {}.",
                membership(facts.circle),
                span_words(gap),
                short_date(previous, date)
            )
        };
    }
    // Only a like so far: the hello is still a first one, and says so
    // rather than "time to reconnect".
    if p.cold_intro {
        if let Some(last) = last_contact(&p.anchors, date) {
            return format!(
                "{}, and you have not talked yet: a first real hello.",
                capitalise(&last_contact_words(last, name, date))
            );
        }
    }
    match last_contact(&p.anchors, date) {
        Some(last) if x.placement.overdue_by > 0 => format!(
            "It has been {} since {}; time to reconnect.",
            span_words((date - last.date).num_days()),
            last_contact_words(last, name, date)
        ),
        Some(last) => {
            let gap = (date - last.date).num_days();
            let words = last_contact_words(last, name, date);
            if gap * 10 >= interval * 8 {
                format!(
                    "{}; {} {}.",
                    capitalise(&words),
                    hears_from_you(facts.circle),
                    every(p.interval)
                )
            } else if before_the_holidays(date) {
                format!(
                    "It has been {} since {words}; a quick word before the holidays keeps things warm.",
                    span_words(gap)
                )
            } else if let Some(touch) = light_touch(last.source) {
                format!(
                    "It has been {} since {words}, and {touch} fades sooner than a conversation.",
                    span_words(gap)
                )
            } else {
                format!(
                    "It has been {} since {words}: a little ahead of the usual rhythm ({}), on a lighter day.",
                    span_words(gap),
                    every(p.interval)
                )
            }
        }
        None => format!(
            "{name} {}: a touch {}.",
            membership(facts.circle),
            every(p.interval)
        ),
    }
}

pub(super) fn details(
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
    let unlogged =
        x.fixed.is_none() && previous_ping.is_none() && p.never_contacted && !first_hello;
    if first_hello {
        parts.push("Warmth: no contact yet.".to_owned());
    } else if unlogged {
        parts.push("Warmth: no conversation logged yet.".to_owned());
    } else {
        parts.push(format!(
            "Warmth on {}: {}{warmth_note}.",
            short_date(date, date),
            warmth_words(warmth)
        ));
    }
    if x.fixed.is_none() && previous_ping.is_none() && !first_hello && !unlogged {
        let since = cx.calendar.date(p.due_since);
        if since < date {
            parts.push(format!("Due since {}.", short_date(since, date)));
        }
    }
    parts.push(moved_note(x, cx, date, first_hello, unlogged));
    parts.retain(|s| !s.is_empty());
    parts.join(" ")
}

/// What moved the ping from the day its rhythm or date asked for.
fn moved_note(
    x: &Placed,
    cx: &Context<'_>,
    date: NaiveDate,
    first_hello: bool,
    unlogged: bool,
) -> String {
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
    } else if unlogged {
        text.push(
            "Contacts with no conversation logged take free days after everyone else.".to_owned(),
        );
    }
    if catch_up && ideal == x.day {
        text.push(
            "Placed at its own point in the rhythm, so late contacts come back spread out rather than all at once."
                .to_owned(),
        );
    }
    if ideal != x.day {
        let reason = if x.placement.year_break {
            format!("Moved from {from}: no introductions or business check-ins over the year-end holidays.")
        } else if !cx.calendar.is_working(ideal) && !spread && !pulled_forward {
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

/// Lower-cases a sentence's first word when it is not a name, to follow a colon.
fn lower_first(s: &str) -> String {
    const STARTERS: [&str; 7] = [
        "You ",
        "It ",
        "Connected ",
        "In ",
        "Saved ",
        "Your ",
        "Three ",
    ];
    if !STARTERS.iter().any(|w| s.starts_with(w)) {
        return s.to_owned();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `day` is no working day and `date` the last working day before
/// it: the claim "{date} is your last working day before it" holds.
fn day_off_after(cx: &Context<'_>, day: NaiveDate, date: NaiveDate) -> bool {
    let on = cx.calendar.day(day);
    !cx.calendar.is_working(on) && cx.calendar.date(cx.calendar.prev_working(on)) == date
}
