//! Turns placed pings into what the user reads: a concrete suggestion, a `why`
//! in one sentence a thoughtful colleague would say (see [`why`](super::why)),
//! and the scheduling mechanics in `details`.
//!
//! Pings are written in the order the user reads them (by day), with what each
//! contact's earlier pings already said: a request delivered on one ping is
//! asked about on the next, a promise is mentioned once before its day and
//! asked about once after it, and the template of the pings just before is not
//! used again when another fits.

use std::cell::OnceCell;
use std::collections::{HashMap, VecDeque};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::calendar::Calendar;
use super::dates::{day_month, short_date, span_words, weekday_in_full};
use super::notes::{
    asks_for_later, is_client, is_unanswered, names_past_month, names_this_month, note_dates,
    own_notes, pending_intro, prefers_phone, read_note, read_promise, relationship_tag, role_of,
    NoteDate, NoteReading, Owing, PromiseReading,
};
use super::phrases::{
    channel_in, is_personal, is_personal_only, is_private, is_recruiter_note, news_kind,
    says_known, Channel, NewsKind,
};
use super::render::render;
use super::snapshot::{AnchorSource, ContactFacts};
use super::suggest::{
    clean, interests_in_notes, is_organisation, kind_of, suggest_anew, Preference, PromiseState,
    Relationship, RequestState, SuggestionContext,
};
use super::warmth::{anchor_warmth, warmth_on};
use super::why::{details, how_connected, last_contact, why, Said};
use super::{stable_hash, FixedDetail, Ping, Placed, Prepared, Reason};
use crate::model::{Circle, InteractionKind};

pub use super::dates::warmth_words;

/// A note older than this (before the ping) is no longer the thread to pick up.
const NOTE_FRESH_DAYS: i64 = 200;
/// A request asked this recently (and with nothing since) is delivered; an
/// older one is first asked about.
const REQUEST_FRESH_DAYS: i64 = 28;
/// A request older than this may have been met or dropped: it is asked
/// about first; a younger one is delivered with an apology for the wait.
const REQUEST_OLD_DAYS: i64 = 90;
/// A contact never talked to gets a promise due within this many days
/// delivered on their first ping, rather than a cold introduction.
const EARLY_PROMISE_DAYS: i64 = 45;
/// The call a note asked for later is made within this many days of the day
/// it names; later, the rhythm's own words come back.
const ASKED_BACK_DAYS: i64 = 21;
/// A birthday wish asks how dated news went only this soon after it.
const BIRTHDAY_NEWS_AFTER_DAYS: i64 = 14;
/// A ping this soon after a promise's day asks how it landed.
const PROMISE_AFTER_DAYS: i64 = 30;
/// A rhythm ping within this share of the interval after the last touch (in
/// tenths) is a light word: no call, and no business thread unless one is owed.
const LIGHT_TENTHS: i64 = 6;
/// A thing owed by a day is spoken of only this close before it, so a ping
/// months ahead does not use it up.
const OWED_MENTION_DAYS: i64 = 14;

/// A deadline from the note this close comes before the turn of a rhythm
/// ping's subjects (an interest, anything): it is what to talk about now.
const DEADLINE_NEAR_DAYS: i64 = 45;
/// A deadline this close is spoken of by the ping before it, even when an
/// earlier ping already used the note it comes from (two weeks: the lead
/// a month named in a note asks for, and the few days a weekend or a
/// holiday may move that ping earlier).
const DEADLINE_SOON_DAYS: i64 = super::note_timing::MONTH_LEAD_DAYS + 4;
/// The whys and details written on another core are handed over this many
/// pings at a time.
const LATER_BATCH: usize = 256;
/// How many of the pings just before a ping lend it templates to avoid.
const RECENT_TEMPLATES: usize = 4;
/// A promise marked kept this recently is asked about on the next rhythm ping.
const KEPT_ASK_DAYS: i64 = 120;
/// Personal news this recent shapes a birthday wish.
const BIRTHDAY_NEWS_DAYS: i64 = 120;
/// Personal news with a day this soon after a birthday is wished luck for in it.
const NEWS_AHEAD_DAYS: i64 = 30;
/// A friend's rhythm ping this close before their surgery or wedding
/// wishes them luck for it: as far back as the word is placed (the working
/// day before, three days back for a Monday's, four over a public holiday,
/// and the planner's window before that).
const LUCK_AHEAD_DAYS: i64 = 4 + super::LUCK_WINDOW_DAYS as i64;
/// Ages worth a call on the day.
const MILESTONES: [i32; 13] = [18, 21, 30, 40, 50, 60, 65, 70, 75, 80, 85, 90, 100];

/// What the texts need beyond the placed pings.
pub(super) struct Context<'a> {
    pub calendar: &'a Calendar<'a>,
    /// Each circle's interval before stretching (inner first).
    pub setting_intervals: [i32; 4],
    /// The effective interval of each circle.
    pub intervals: [i32; 4],
    pub cap: u32,
}

/// Where a contact's request stands as their pings are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum RequestProgress {
    #[default]
    Open,
    Delivered,
    Closed,
}

/// What a contact's earlier pings in the plan already did.
#[derive(Debug, Default)]
struct ContactState<'a> {
    previous: Option<(i32, usize)>, // (day, template)
    turn: u32,
    interests: Vec<(&'a str, Option<&'static str>)>,
    /// The last note read, once a ping uses it (most contacts' pings never do).
    reading: OnceCell<NoteReading>,
    promises: Vec<Option<PromiseReading>>,
    request: RequestProgress,
    note_used: bool,
    life_used: bool,
    favour_used: bool,
    /// The year whose Christmas custom a ping has seen to.
    christmas_year: Option<i32>,
    /// The call or message the last note asks for later, read once.
    asked: OnceCell<Option<super::note_timing::AskedBack>>,
    /// A ping has been that call.
    asked_back_used: bool,
    /// The things owed (day and what) that a ping has spoken of: each is
    /// said once.
    owed_said: Vec<(NaiveDate, String)>,
    /// The days of deadlines a ping has spoken of.
    deadline_said: Vec<NaiveDate>,
    /// Promises already mentioned before their day.
    mentioned: Vec<i64>,
    /// Promises already asked about after their day.
    asked_after: Vec<i64>,
    /// Templates already used for this contact in the plan: a contact does
    /// not get the same sentence twice when another fits.
    used: Vec<usize>,
    /// Interests read from the notes ("Huge Liverpool fan") were added.
    note_interests: bool,
    /// Personal news whose day has passed was asked about.
    life_after_used: bool,
    /// A day the note named, now passed, was asked about ("how did the
    /// board go?").
    dated_used: bool,
    /// Whether the notes say to call (read on the contact's first ping).
    phone: Option<bool>,
    /// The channel the notes ask for (read on the contact's first ping).
    channel: Option<Channel>,
    /// Family, a friend, an old colleague or a competitor, by the notes and
    /// tags (read on the contact's first ping).
    personal: Option<bool>,
}

/// Orders the plan by day and writes the texts of every placed ping up to day
/// `through`; the later ones are given by their day and contact alone (Today
/// needs only its own pings' words and the day of the next ones; a list of
/// contacts, only each one's next day).
pub(super) fn write_pings(
    mut placed: Vec<Placed>,
    prepared: &[Prepared<'_>],
    cx: &Context<'_>,
    through: i32,
) -> (Vec<Ping>, Vec<(NaiveDate, i64)>) {
    // In reading order, so each ping knows what came before it; a ping's
    // words never depend on a later one.
    placed.sort_by(|a, b| {
        let (fa, fb) = (prepared[a.contact].facts, prepared[b.contact].facts);
        (a.day, a.reason, &fa.name, fa.id, &a.id).cmp(&(b.day, b.reason, &fb.name, fb.id, &b.id))
    });
    let unwritten = placed
        .split_off(placed.partition_point(|x| x.day <= through))
        .iter()
        .map(|x| (cx.calendar.date(x.day), prepared[x.contact].facts.id))
        .collect();
    // What each contact's notes say (the note's reading for a contact whose
    // first ping is recent enough to use it, and what the notes say of the
    // channel and the relationship) is read by another core ahead of the
    // loop, contact by contact in the order the loop needs them; the loop
    // reads any it comes to first itself.
    let mut first_day: Vec<Option<i32>> = vec![None; prepared.len()];
    let mut order = Vec::new();
    for x in &placed {
        if first_day[x.contact].is_none() {
            first_day[x.contact] = Some(x.day);
            order.push(x.contact);
        }
    }
    let ahead: Vec<OnceLock<ReadAhead>> = (0..prepared.len()).map(|_| OnceLock::new()).collect();
    let read = |i: usize| {
        ahead[i].get_or_init(|| {
            let first = cx.calendar.date(first_day[i].unwrap_or_default());
            read_ahead(prepared[i].facts, first)
        })
    };
    let mut states: Vec<Option<ContactState<'_>>> = (0..prepared.len()).map(|_| None).collect();
    let mut recent: VecDeque<usize> = VecDeque::with_capacity(RECENT_TEMPLATES + 1);
    // Many contacts share interests ("golf"): each is matched to its kind once.
    let mut kinds: HashMap<&str, Option<&'static str>> = HashMap::new();
    let mut pings = Vec::with_capacity(placed.len());
    // The whys and details are written beside the loop, on another core,
    // in batches handed over in order.
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let texts = std::thread::scope(|scope| {
        let (batches, received) = std::sync::mpsc::channel::<Vec<Later<'_>>>();
        let worker = (two_cores && placed.len() >= LATER_BATCH)
            .then(|| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || {
                        for &i in &order {
                            read(i);
                        }
                        let mut texts = Vec::new();
                        for batch in received {
                            texts.extend(batch.iter().map(|l| l.write(prepared, cx)));
                        }
                        texts
                    })
                    .ok()
            })
            .flatten();
        let mut texts = Vec::new();
        let mut batch = Vec::with_capacity(LATER_BATCH);
        let hand_over = |batch: Vec<_>, texts: &mut Vec<(String, String)>| {
            let batch = match &worker {
                Some(_) => match batches.send(batch) {
                    Ok(()) => return,
                    Err(std::sync::mpsc::SendError(batch)) => batch,
                },
                None => batch,
            };
            texts.extend(batch.iter().map(|l| l.write(prepared, cx)));
        };
        for x in &placed {
            let p = &prepared[x.contact];
            let state = states[x.contact].get_or_insert_with(|| {
                let mut state = contact_state(p.facts, &mut kinds);
                let r = read(x.contact);
                state.reading = r.reading.clone().map(OnceCell::from).unwrap_or_default();
                state.phone = Some(r.phone);
                state.channel = Some(r.channel);
                state.personal = Some(r.personal);
                state
            });
            let recent_now: Vec<usize> = recent.iter().copied().collect();
            let (ping, later) = write_ping(x, p, cx, state, &recent_now);
            batch.push(later);
            if batch.len() == LATER_BATCH {
                hand_over(std::mem::take(&mut batch), &mut texts);
            }
            if let Some(t) = state.previous.map(|(_, t)| t) {
                if t != usize::MAX {
                    recent.push_back(t);
                    if recent.len() > RECENT_TEMPLATES {
                        recent.pop_front();
                    }
                }
            }
            pings.push(ping);
        }
        hand_over(batch, &mut texts);
        drop(batches);
        match worker {
            Some(handle) => match handle.join() {
                Ok(mut written) => {
                    // Batches the worker could not take were written here, after its own.
                    written.extend(texts);
                    written
                }
                Err(panic) => std::panic::resume_unwind(panic),
            },
            None => texts,
        }
    });
    for (ping, (why, details)) in pings.iter_mut().zip(texts) {
        ping.why = super::render::in_second_person(why);
        ping.details = details;
    }
    (pings, unwritten)
}

/// What a contact's notes say, read once before the pings are written.
struct ReadAhead {
    /// The last note read, when the contact's first ping may use it.
    reading: Option<NoteReading>,
    phone: bool,
    channel: Channel,
    personal: bool,
}

/// Reads what the contact's pings will ask of the notes, the first of them
/// on `first`: every ping asks for the channel, the phone and the
/// relationship; the note's reading is wanted by pings within
/// [`NOTE_FRESH_DAYS`] of the note (any later ping finds it too old).
fn read_ahead(facts: &ContactFacts, first: NaiveDate) -> ReadAhead {
    ReadAhead {
        reading: facts
            .last_note
            .as_ref()
            .filter(|n| !n.text.trim().is_empty() && (first - n.date).num_days() <= NOTE_FRESH_DAYS)
            .map(|n| own_reading(&n.text, facts, first_name(facts))),
        phone: phone_in_notes(facts),
        channel: channel_in_notes(facts),
        personal: personal_in_notes(facts),
    }
}

/// The notes say the contact is best reached by phone.
fn phone_in_notes(facts: &ContactFacts) -> bool {
    prefers_phone(&facts.notes)
        || facts
            .last_note
            .as_ref()
            .is_some_and(|n| prefers_phone(&n.text))
}

/// The channel the card's notes ask for, and the last note's.
fn channel_in_notes(facts: &ContactFacts) -> Channel {
    let mut c = channel_in(&facts.notes);
    if let Some(n) = &facts.last_note {
        let more = channel_in(&n.text);
        c.message = c.message.or(more.message);
        c.no_calls |= more.no_calls;
        c.phone_only |= more.phone_only;
        c.no_email |= more.no_email;
    }
    // "Call him — he never reads email": a call, not a text.
    if asks_for_calls(&facts.notes) {
        c.message = None;
    }
    c
}

/// Whether a card asks in so many words to be called ("call him", "prefers
/// a call"), which settles "never reads email" beside it.
fn asks_for_calls(card: &str) -> bool {
    let lower = card.to_lowercase();
    [
        "call him",
        "call her",
        "call them",
        "phone him",
        "phone her",
        "ring him",
        "ring her",
        "prefers a call",
        "prefers calls",
        "prefers the phone",
        "prefers phone",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// Family, a friend, an old colleague or a competitor, by the notes and tags.
fn personal_in_notes(facts: &ContactFacts) -> bool {
    is_personal_only(&facts.notes, &facts.tags)
        || facts
            .last_note
            .as_ref()
            .is_some_and(|n| is_personal(&n.text, &[]))
}

fn contact_state<'a>(
    facts: &'a ContactFacts,
    kinds: &mut HashMap<&'a str, Option<&'static str>>,
) -> ContactState<'a> {
    let first = first_name(facts);
    ContactState {
        interests: facts
            .interests
            .iter()
            .map(|i| (i.as_str(), *kinds.entry(i).or_insert_with(|| kind_of(i))))
            .collect(),
        promises: facts
            .open_promises
            .iter()
            .map(|pr| read_promise(&pr.text, promise_name(&pr.text, facts, first), &facts.name))
            .collect(),
        ..ContactState::default()
    }
}

/// Someone never spoken to in a loose circle whose only tie is a note on
/// the card: no promise, no tag, no close circle.
fn noted_only(facts: &ContactFacts, never_contacted: bool) -> bool {
    never_contacted
        && matches!(facts.circle, Circle::Network | Circle::Acquaintance)
        && facts.open_promises.is_empty()
        && relationship_tag(&facts.tags).is_none()
        && !is_personal(&facts.notes, &facts.tags)
        && (!says_known(&facts.notes) || is_recruiter_note(&facts.notes))
}

/// The contact's first name, or the whole name when none is known.
/// The reading of a note, less what it says of another of the user's
/// relatives (a family note logged with each of them).
fn own_reading(text: &str, facts: &ContactFacts, first: &str) -> NoteReading {
    let roles = super::notes::family_roles(&facts.notes);
    read_note(&super::notes::without_relatives_news(text, &roles), first)
}

pub(super) fn first_name(facts: &ContactFacts) -> &str {
    if facts.given_name.trim().is_empty() {
        facts.name.as_str()
    } else {
        // A title some exports put in the first name ("Dr. Ulrich" from
        // LinkedIn) is no part of it.
        let given = facts.given_name.trim();
        let given = match given.split_once(' ') {
            Some((title, rest))
                if matches!(
                    title.to_lowercase().as_str(),
                    "dr." | "dr" | "prof." | "prof" | "mr." | "mr" | "mrs." | "mrs" | "ms." | "ms"
                ) && !rest.trim().is_empty() =>
            {
                rest.trim_start()
            }
            _ => given,
        };
        // A given name split off before particles were known ("Síle Ní" of
        // "Síle Ní Dhonnchadha") ends before its particle.
        match given.rsplit_once(' ') {
            Some((first, last)) if crate::model::is_surname_particle(last) => first.trim_end(),
            _ => given,
        }
    }
}

/// What the user calls the contact in the texts: the nickname kept in the notes
/// (`Nickname: Drew`, as imports keep it) or the first name. Notes are still
/// read with the first name, the one written in them.
pub(super) fn addressed_as(facts: &ContactFacts) -> &str {
    nickname(&facts.notes).unwrap_or_else(|| first_name(facts))
}

/// The name a promise's text calls the contact by: the nickname when the text
/// uses it ("Send Dev the checklist" for Devesh), else `first`.
fn promise_name<'a>(text: &str, facts: &'a ContactFacts, first: &'a str) -> &'a str {
    match nickname(&facts.notes) {
        Some(nick)
            if text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(nick)) =>
        {
            nick
        }
        _ => first,
    }
}

/// The first nickname of a `Nickname:` line: a name of one or two words.
fn nickname(notes: &str) -> Option<&str> {
    crate::model::nickname_lines(notes).find_map(|values| {
        // "Kags 💙": the name, without the heart.
        let nick = values
            .split(',')
            .next()?
            .trim()
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .trim();
        let fits = (1..=20).contains(&nick.chars().count())
            && nick.split_whitespace().count() <= 2
            && nick.starts_with(char::is_alphabetic);
        fits.then_some(nick)
    })
}

/// "65th", "21st".
fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The last two weeks of the year and the first days of the next: no business
/// calls, and calls offered for January.
fn is_year_end(date: NaiveDate) -> bool {
    (date.month() == 12 && date.day() >= 18) || (date.month() == 1 && date.day() <= 3)
}

/// The first three weeks of January (after the first days): the time for
/// New Year wishes.
fn is_new_year(date: NaiveDate) -> bool {
    date.month() == 1 && (2..=21).contains(&date.day())
}

/// Whether the user called on a birthday before this one (within a day of
/// it, in an earlier year): their own habit, kept whatever the circle.
fn called_on_a_birthday(anchors: &[super::snapshot::Anchor], birthday: NaiveDate) -> bool {
    anchors.iter().any(|a| {
        a.source == AnchorSource::Interaction(InteractionKind::Call)
            && a.date.year() < birthday.year()
            && a.date.month() == birthday.month()
            && a.date.day().abs_diff(birthday.day()) <= 1
    })
}

/// The year whose Christmas a yearly custom seen to on `date` is for, when
/// `date` is in the days for it: 1 to 19 December, or the last days of
/// November (a ping placed for it before a weekend or leave on 1 December).
fn christmas_season(date: NaiveDate) -> Option<i32> {
    match (date.month(), date.day()) {
        (12, day) if day < 20 => Some(date.year()),
        (11, day) if day >= 24 => Some(date.year() + 1),
        _ => None,
    }
}

/// The promise a ping keeps, delivers or mentions: (index in the contact's
/// open promises, its state).
fn promise_for(
    x: &Placed,
    facts: &ContactFacts,
    state: &ContactState<'_>,
    date: NaiveDate,
    never_talked: bool,
) -> Option<(usize, PromiseState)> {
    let open = &facts.open_promises;
    match &x.fixed {
        Some(FixedDetail::Promise { id, due, .. }) => {
            let index = open.iter().position(|pr| pr.id == *id)?;
            Some((
                index,
                if *due < date {
                    PromiseState::Late
                } else {
                    PromiseState::Own
                },
            ))
        }
        Some(FixedDetail::Birthday { .. }) => None,
        _ => {
            let rhythm = x.fixed.is_none();
            let ahead = open
                .iter()
                .enumerate()
                .filter(|(index, pr)| {
                    pr.due > date
                        && !state.mentioned.contains(&pr.id)
                        && !super::notes::is_surprise(&pr.text)
                        // "Email Bronwyn in Jan to book…" is no news to
                        // tell Bronwyn in a message now.
                        && !state.promises[*index].as_ref().is_some_and(|r| {
                            r.act == "do"
                                && ["email ", "call ", "text ", "ring ", "phone ", "message ", "write "]
                                    .iter()
                                    .any(|verb| r.object.starts_with(verb))
                        })
                })
                .min_by_key(|(_, pr)| pr.due);
            if let Some((index, pr)) = ahead {
                let sendable = state.promises[index]
                    .as_ref()
                    .is_some_and(|r| r.act == "send");
                let early = rhythm
                    && never_talked
                    && sendable
                    && (pr.due - date).num_days() <= EARLY_PROMISE_DAYS;
                return Some((
                    index,
                    if early {
                        PromiseState::Early
                    } else {
                        PromiseState::Ahead
                    },
                ));
            }
            // Only a promise whose verb is read is asked about after its
            // day: "how 'Confirm or release the hold' landed" is no question.
            open.iter()
                .enumerate()
                .filter(|(index, pr)| {
                    pr.due < date
                        && (date - pr.due).num_days() <= PROMISE_AFTER_DAYS
                        && !state.asked_after.contains(&pr.id)
                        && !super::notes::is_surprise(&pr.text)
                        // A bio or a yes/no sent is simply received: no
                        // "did it land well?" after it.
                        && state.promises.get(*index).and_then(Option::as_ref).is_some_and(|r| {
                            r.act != "do"
                                && (r.act != "send" || super::notes::is_for_review(&r.object))
                        })
                })
                .max_by_key(|(_, pr)| pr.due)
                .map(|(index, _)| (index, PromiseState::After))
        }
    }
}

/// What the contact owes is asked after up to this many days past its day.
const CHASE_ASKED_DAYS: i64 = 7;

/// A wedding further ahead than this is not congratulated yet.
const WEDDING_AHEAD_DAYS: i64 = 14;

/// Writes one ping's texts and records what it said in the contact's state.
fn write_ping<'a, 'p>(
    x: &'p Placed,
    p: &'p Prepared<'a>,
    cx: &Context<'_>,
    state: &mut ContactState<'a>,
    recent: &[usize],
) -> (Ping, Later<'p>) {
    let facts = p.facts;
    let date = cx.calendar.date(x.day);
    let before = state.previous;
    let interval = f64::from(p.interval);
    let real = warmth_on(&p.anchors, date, interval);
    let chained = before.map_or(0.0, |(day, _)| {
        anchor_warmth(
            cx.calendar.date(day),
            AnchorSource::PingDone,
            date,
            interval,
        )
    });
    // Someone the notes say the user is in touch with every week (a
    // partner, a manager) is warm, logged or not.
    let warmth = if p.no_rhythm && !p.child {
        100
    } else {
        real.max(chained).round().clamp(0.0, 100.0) as u8
    };
    let rhythm = matches!(x.reason, Reason::Cadence | Reason::Overdue);
    // Only a stranger gets an introduction: someone you owe a promise to, in
    // a close circle, tagged as a client or friend, or described in your
    // notes is someone you know, with nothing logged yet.
    let never_talked = p.never_contacted && before.is_none();
    // A note on the card of someone never spoken to ("fellow on the firm
    // until summer") describes them; it does not make them someone you know.
    let stranger = p.stranger || noted_only(facts, p.never_contacted);
    let first_hello = rhythm && never_talked && stranger;
    let unlogged = rhythm && never_talked && !stranger;
    let birthday = matches!(x.fixed, Some(FixedDetail::Birthday { .. }));
    // Someone only ever liked online or emailed without a reply has not been
    // talked to: the first real message is still an introduction.
    let one_way = rhythm
        && before.is_none()
        && !p.never_contacted
        && matches!(facts.circle, Circle::Network | Circle::Acquaintance)
        && super::notes::only_one_way(facts, &p.anchors);
    let unanswered = one_way
        && facts
            .latest_note()
            .is_some_and(|n| n.kind == InteractionKind::Email && is_unanswered(&n.text));
    // A birthday wish to someone only ever pinged by the plan (a first hello)
    // stays short: there is nothing shared to mention yet.
    let relationship = Relationship::of(
        facts.circle,
        ((never_talked || (birthday && p.never_contacted)) && stranger) || one_way,
    );
    // The notes say someone will introduce them, or that you have not met:
    // the ping is about the introduction, not a catch-up.
    let pending = if rhythm && never_talked {
        pending_intro(&facts.notes)
    } else {
        None
    };
    let phone = *state.phone.get_or_insert_with(|| phone_in_notes(facts));
    if !state.note_interests && state.interests.iter().all(|(_, k)| k.is_none()) {
        state.note_interests = true;
        let mut found = interests_in_notes(&facts.notes);
        if let Some(n) = &facts.last_note {
            found.extend(interests_in_notes(&n.text));
        }
        state
            .interests
            .extend(found.into_iter().map(|(i, k)| (i, Some(k))));
    }
    let about = if unlogged {
        own_notes(&facts.notes)
    } else {
        None
    };
    let first = first_name(facts);
    let addressed = addressed_as(facts);
    let name = clean(addressed, 60);

    let since_event = match &x.fixed {
        Some(FixedDetail::FollowUp { event_date, .. }) => {
            span_words((date - *event_date).num_days())
        }
        _ => String::new(),
    };
    let (event, event_round) = match &x.fixed {
        Some(FixedDetail::FollowUp { round, event, .. }) => (Some(event.as_str()), Some(*round)),
        _ => (None, None),
    };
    // The last note: used when recent, and in a follow-up only when written at its event.
    let note = facts.last_note.as_ref().filter(|n| {
        !birthday
            && !n.text.trim().is_empty()
            && (date - n.date).num_days() <= NOTE_FRESH_DAYS
            && event.is_none_or(|e| n.event.as_deref() == Some(e))
    });
    let reading = note.map(|n| {
        state
            .reading
            .get_or_init(|| own_reading(&n.text, facts, first))
    });
    // A birthday wish picks up recent personal news.
    let news_note = note.or_else(|| {
        facts.last_note.as_ref().filter(|n| {
            birthday
                && !n.text.trim().is_empty()
                && (date - n.date).num_days() <= BIRTHDAY_NEWS_DAYS
        })
    });
    let news_reading = news_note.map(|n| {
        state
            .reading
            .get_or_init(|| own_reading(&n.text, facts, first))
    });
    // A request with anything logged after it may have been handled: left alone.
    let handled_since = note.is_some_and(|n| {
        p.anchors.iter().any(|a| {
            a.date > n.date
                && matches!(
                    a.source,
                    AnchorSource::Interaction(_) | AnchorSource::PingDone
                )
        })
    });
    // A request tied to a day that has passed ("sign-off by Jan 15") is not
    // asked about as if still wanted.
    // An open promise to the contact is the user's answer to the request.
    let request = reading
        .and_then(|r| r.request.as_ref())
        .filter(|r| {
            !handled_since
                && state.request != RequestProgress::Closed
                && facts.open_promises.is_empty()
                // Asked for by a day: the ping before the day speaks of it.
                && !super::owes_by_a_day(&r.object, &p.note_dates, date)
        })
        .filter(|r| {
            note.is_none_or(|n| {
                note_dates(&r.object, n.date).iter().all(|d| d.on >= date)
                    && !names_past_month(&r.object, n.date, date)
            })
        });
    let request_state = request.and_then(|r| match state.request {
        // As after a promise: only a thing the contact reviews is asked about.
        RequestProgress::Delivered => (r.kind != "send" || super::notes::is_for_review(&r.object))
            .then_some(RequestState::After),
        RequestProgress::Closed => None,
        RequestProgress::Open => Some(match note.map(|n| (date - n.date).num_days()) {
            Some(age) if age <= REQUEST_FRESH_DAYS => RequestState::Fresh,
            // Asked for a time still to come ("a demo in Q1"): not late yet.
            Some(age)
                if age <= REQUEST_OLD_DAYS
                    // Any part of it: "asked about the Rota module - wants a
                    // price by mid Jan".
                    && std::iter::successors(request, |r| r.and.as_deref()).any(|r| {
                        asks_for_later(&r.object, date) || names_this_month(&r.object, date)
                    }) =>
            {
                RequestState::Fresh
            }
            // "Call me after 11 Jan", "after Paddy's Day": the wait was
            // theirs, however long, and no apology for it.
            Some(_)
                if note.is_some_and(|n| {
                    super::note_timing::contact_from(
                        &cx.calendar.spell_dates(&n.text, n.date),
                        n.date,
                    )
                    .is_some_and(|from| {
                        from <= date && (date - from).num_days() <= REQUEST_OLD_DAYS
                    })
                }) =>
            {
                RequestState::Fresh
            }
            Some(age) if age <= REQUEST_OLD_DAYS => RequestState::Stale,
            _ => RequestState::Old,
        }),
    });
    // Renewals and deadlines the note names: a ping before one speaks of
    // it; after one (within two months), asks how it went, and the note is
    // no longer quoted as if it were still ahead.
    let dates: &[NoteDate] = if note.is_some() { &p.note_dates } else { &[] };
    // An earlier note's deadline still to come counts too ("board mtg
    // 12/17" before "sent the order form").
    let deadline_ahead = dates
        .iter()
        .chain(&p.earlier_dates)
        .filter(|d| d.deadline && d.owing == Owing::Nobody && d.on >= date && !d.what.is_empty())
        .min_by_key(|d| d.on);
    // A decision an earlier note dated is asked about too ("CWC mtg 16/12
    // approves the funding", before a later note on something else).
    let passed = dates
        .iter()
        .chain(p.earlier_dates.iter().filter(|d| d.decision))
        // A time named by month ("renewal in March") is no day to ask how
        // it went.
        .filter(|d| d.on < date && (date - d.on).num_days() <= 60 && d.when.is_none())
        .max_by_key(|d| d.on);
    let dated_on = passed.map(|d| day_month(d.on, date));
    let dated = passed
        .filter(|d| {
            // What was owed by the day is no event to ask how it went. An
            // event's second touch asks, though its first used the note.
            (d.deadline || d.decision)
                && d.owing == Owing::Nobody
                && !d.what.is_empty()
                // A decision's outcome is news even after the note was
                // used before it, and is asked about once.
                && (!state.note_used
                    || event_round == Some(2)
                    || (d.decision && !state.dated_used))
        })
        .map(|d| d.what.as_str())
        .zip(dated_on.as_deref());
    // A note with a day that has passed is no longer quoted as if it were ahead.
    let thread = reading
        .and_then(|r| r.thread.as_deref())
        .filter(|_| !state.note_used && passed.is_none() && dates.iter().all(|d| d.on >= date));
    // The news note is the last note, whose dates were read once.
    let news_dates: &[NoteDate] = if news_note.is_some() {
        &p.note_dates
    } else {
        &[]
    };
    // News with a day that has passed is asked about ("how did the surgery
    // go?"), not quoted in the future tense.
    let news_passed = news_dates.iter().any(|d| d.life && d.on < date);
    // A loss is never asked about by its day: it stays news to be gentle with.
    let life = news_reading.and_then(|r| r.life.as_deref()).filter(|l| {
        // After an event, news goes only into a friend's note (business
        // follow-ups keep to the business).
        !state.life_used
            && (event.is_none() || is_personal(&facts.notes, &facts.tags))
            && (!news_passed || news_kind(l) == NewsKind::Loss)
            // "Wedding 24 Apr 2027", months ahead: no congratulations on a
            // wedding that has not happened (the engagement was news when
            // they told it).
            && !(news_kind(l) == NewsKind::Wedding
                && (news_dates
                    .iter()
                    .any(|d| d.life && (d.on - date).num_days() > WEDDING_AHEAD_DAYS)
                    || news_note
                        .and_then(|n| super::notes::months_named(&n.text, n.date))
                        .is_some_and(|m| (m - date).num_days() > WEDDING_AHEAD_DAYS)))
    });
    let serious = life.is_some() && news_reading.is_some_and(|r| r.serious);
    let life_dated_day = news_dates
        .iter()
        .chain(&p.earlier_dates)
        .filter(|d| {
            // A birthday wish asks after news of the last two weeks only:
            // a month on, "how did the hip go?" is no birthday line.
            let reach = if birthday {
                BIRTHDAY_NEWS_AFTER_DAYS
            } else {
                60
            };
            d.life && d.on < date && (date - d.on).num_days() <= reach && !d.what.is_empty()
        })
        .max_by_key(|d| d.on)
        .filter(|_| !state.life_after_used && event.is_none());
    let life_dated_on = life_dated_day.map(|d| day_month(d.on, date));
    let life_dated = life_dated_day
        .zip(life_dated_on.as_deref())
        .map(|(d, on)| (d.what.as_str(), on));
    let birthday_on = match &x.fixed {
        Some(FixedDetail::Birthday { on, .. }) => Some(*on),
        _ => None,
    };
    // A loss is never "how did it go": its day is not asked about.
    let life_dated = life_dated.filter(|(what, _)| news_kind(what) != NewsKind::Loss);
    let ahead_day = birthday_on.filter(|_| life.is_some()).and_then(|on| {
        news_dates
            .iter()
            .filter(|d| {
                d.life
                    && d.on >= date
                    && (d.on - on).num_days() <= NEWS_AHEAD_DAYS
                    && !d.what.is_empty()
            })
            .min_by_key(|d| d.on)
    });
    // A friend's rhythm ping just before their surgery or wedding wishes
    // them luck for it.
    let ahead_day = ahead_day.or_else(|| {
        (rhythm && p.personal && birthday_on.is_none())
            .then(|| {
                news_dates.iter().filter(|d| {
                    d.life
                        && d.on > date
                        && (d.on - date).num_days() <= LUCK_AHEAD_DAYS
                        && !d.what.is_empty()
                        && news_kind(&d.clause).wished_luck_before()
                })
            })
            .into_iter()
            .flatten()
            .min_by_key(|d| d.on)
    });
    let news_ahead_on = ahead_day.map(|d| short_date(d.on, date));
    let news_ahead = ahead_day
        .zip(news_ahead_on.as_deref())
        .map(|(d, on)| (d.what.as_str(), on));
    // The business is parked until later, or the matter is closed: no thread to check in on.
    let later = reading
        .and_then(|r| r.later.as_deref())
        .filter(|_| !state.note_used && event.is_none());
    let settled = reading.is_some_and(|r| r.settled) && !state.note_used && event.is_none();
    let favour = reading
        .and_then(|r| r.favour.as_deref())
        .filter(|_| !state.favour_used && event.is_none());
    let note_date = news_note.map(|n| day_month(n.date, date));

    // What is owed by a day, by the user or to them, and not yet spoken of,
    // while it is in reach: what the contact owes is asked after from its
    // day ("has it come in?"), what the user owes spoken of before it.
    let owed_in_reach = |d: &&NoteDate| {
        let in_reach = if d.owing == Owing::Chase {
            d.on <= date && (date - d.on).num_days() <= CHASE_ASKED_DAYS
        } else {
            d.on >= date && (d.on - date).num_days() <= OWED_MENTION_DAYS
        };
        d.owing != Owing::Nobody
            && in_reach
            && !state
                .owed_said
                .iter()
                .any(|(on, task)| *on == d.on && *task == d.task)
    };
    // Something the contact owes by a day that has come is this ping's
    // matter: it is checked on, rather than asking how the user's own
    // promise landed (that is asked on a later ping).
    let chasing = dates
        .iter()
        .chain(&p.earlier_dates)
        .filter(owed_in_reach)
        .any(|d| d.owing == Owing::Chase);
    // So is a decision taken in the last few days ("Board Finance Cttee Wed
    // Dec 16"): how it went matters more than how a promise landed.
    let decided =
        dated.is_some() && passed.is_some_and(|d| d.decision && (date - d.on).num_days() <= 7);
    let promise = if birthday {
        None
    } else {
        promise_for(x, facts, state, date, never_talked)
            .filter(|(_, s)| !((chasing || decided) && *s == PromiseState::After))
    };
    let promise_facts = promise.map(|(i, _)| &facts.open_promises[i]);
    let promise_reading = promise.and_then(|(i, _)| state.promises[i].as_ref());
    // A promise marked kept lately is asked about on the next rhythm ping,
    // unless something logged since has answered that already.
    let kept = if promise.is_none() && rhythm {
        facts
            .kept_promises
            .iter()
            .filter(|k| {
                k.due < date
                    && (date - k.due).num_days() <= KEPT_ASK_DAYS
                    && !state.asked_after.contains(&k.id)
                    && !p.anchors.iter().any(|a| a.date > k.due && a.date < date)
            })
            .max_by_key(|k| k.due)
    } else {
        None
    };
    let kept_reading =
        kept.and_then(|k| read_promise(&k.text, promise_name(&k.text, facts, first), &facts.name));
    // As for an open promise after its day: a bio or a yes/no sent is
    // simply received, and not asked about.
    let (kept, kept_reading) = match kept_reading {
        Some(r)
            if r.act == "do" || (r.act == "send" && !super::notes::is_for_review(&r.object)) =>
        {
            (None, None)
        }
        _ => (kept, kept_reading),
    };
    let promise_reading = promise_reading.or(kept_reading.as_ref());
    let promise_due = promise_facts.or(kept).map(|pr| short_date(pr.due, date));

    let (birthday_for, on_day) = match &x.fixed {
        Some(FixedDetail::Birthday { on, .. }) if *on == date => (String::new(), true),
        Some(FixedDetail::Birthday { on, .. }) if *on > date => {
            // Said as when to send it, as a call says it ("on Sunday").
            if (*on - date).num_days() <= 6 {
                (format!(" on {}", weekday_in_full(*on)), false)
            } else {
                (format!(" on {}", short_date(*on, date)), false)
            }
        }
        _ => (String::new(), false),
    };
    // How long since the last touch, counting the plan's own earlier pings.
    let last_touch = last_contact(&p.anchors, date)
        .map(|a| a.date)
        .into_iter()
        .chain(before.map(|(day, _)| cx.calendar.date(day)))
        .max();
    let light = rhythm
        && last_touch
            .is_some_and(|d| (date - d).num_days() * 10 < i64::from(p.interval) * LIGHT_TENTHS);
    // The inner circle and milestone birthdays of the core circle get a call
    // on the day, and so does a core contact who takes only calls ("landline
    // only"): a card would come late, and a message cannot reach them.
    let (call_birthday, turns) = match &x.fixed {
        Some(FixedDetail::Birthday { turns, .. }) => {
            let milestone = turns.filter(|t| MILESTONES.contains(t));
            // Someone the user put in the inner circle is called, logged
            // conversations or not: family is rarely logged.
            let call = facts.circle == Circle::Inner
                || (!p.never_contacted
                    && ((facts.circle == Circle::Core && (milestone.is_some() || phone))
                        || birthday_on.is_some_and(|on| called_on_a_birthday(&p.anchors, on))));
            // A child's every year is said ("a happy 8th birthday").
            let shown = if p.child { *turns } else { milestone };
            (call, shown.map(ordinal))
        }
        _ => (false, None),
    };
    let birthday_day = match birthday_on {
        Some(on) if on > date && (on - date).num_days() <= 6 => weekday_in_full(on).to_owned(),
        Some(on) if on > date => short_date(on, date),
        _ => String::new(),
    };
    let channel = *state.channel.get_or_insert_with(|| channel_in_notes(facts));
    let personal = *state
        .personal
        .get_or_insert_with(|| personal_in_notes(facts))
        // An event where business was left out on purpose is followed up
        // as a friend would.
        || (x.reason == Reason::FollowUp
            && note.is_some_and(|n| super::phrases::kept_off_business(&n.text)));
    let teammate = p.own_colleague && !personal;
    let belated = birthday_on.is_some_and(|on| on < date);
    // What was asked for or promised names a time still to come.
    let ahead = promise_reading.is_some_and(|r| asks_for_later(&r.object, date))
        || request.is_some_and(|r| asks_for_later(&r.object, date))
        || (request.is_some()
            && note.is_some_and(|n| {
                asks_for_later(&n.text, date) || p.note_dates.iter().any(|d| d.on >= date)
            }));
    // A deadline ahead, named in a few clean words ("the knee tender"),
    // once: the note's words are not repeated by the next ping. It needs no
    // other thread: "Board mtg 12/17 approves capex" is the thread.
    // "on Thu 25 Mar", or as the note named it ("before Easter").
    let deadline_on = deadline_ahead.map(|d| match &d.when {
        Some(when) => clean(when, 40),
        None => format!("on {}", short_date(d.on, date)),
    });
    let deadline = deadline_ahead
        .filter(|d| {
            // The ping a deadline asked for speaks of it, even after another
            // ping used the note ("usage data by Dec 9" chased, then "review
            // mtg wk of Jan 11" a week ahead), once.
            (!state.note_used
                || ((d.on - date).num_days() <= DEADLINE_SOON_DAYS
                    && !state.deadline_said.contains(&d.on)))
                && (d.on - date).num_days() <= super::note_timing::REACH_DAYS
                && !d.what.is_empty()
                && d.what.split_whitespace().count() <= 6
                && !is_private(&d.what)
        })
        .map(|d| d.what.as_str())
        .zip(deadline_on.as_deref());
    // A visit ahead ("coming to Dublin in Feb") is a chance to meet: said
    // so within weeks of it, and never as a deadline to get ready for.
    let visit_ahead = deadline_ahead.is_some_and(|d| d.visit);
    let visit = deadline.filter(|_| {
        deadline_ahead.is_some_and(|d| d.visit && (d.on - date).num_days() <= DEADLINE_NEAR_DAYS)
    });
    let deadline = deadline.filter(|_| !visit_ahead);
    // The next thing owed by a day, by the user or to them, not yet spoken
    // of: the ping says so. Each is its own, so a note with two ("my €300 by
    // 5 Dec… the photos by 12 Dec") brings both.
    let owed_ahead = dates
        .iter()
        .chain(&p.earlier_dates)
        .filter(owed_in_reach)
        .min_by_key(|d| d.on);
    let owed_on = owed_ahead.map(|d| short_date(d.on, date));
    let task = owed_ahead
        .zip(owed_on.as_deref())
        .map(|(d, on)| (d.task.as_str(), on, d.owing));
    // Asking after what the contact owes speaks of a meeting just after it
    // ("review mtg wk of Jan 11"), not of a go-live months away.
    let deadline = deadline.filter(|_| {
        owed_ahead.is_none_or(|o| {
            o.owing != Owing::Chase
                || deadline_ahead.is_some_and(|d| (d.on - date).num_days() <= DEADLINE_SOON_DAYS)
        })
    });
    // A yearly Christmas custom, seen to once each December before the 20th.
    let christmas = p
        .christmas
        .filter(|_| christmas_season(date).is_some_and(|y| state.christmas_year != Some(y)))
        .map(|c| (c.sentence, c.thing));
    // The call (or message) the note asked for later, once its day has come.
    let asked = note
        .filter(|_| !state.asked_back_used)
        .and_then(|n| {
            state
                .asked
                .get_or_init(|| {
                    super::note_timing::asked_back(
                        &cx.calendar.spell_dates(&n.text, n.date),
                        n.date,
                    )
                })
                .as_ref()
        })
        .filter(|a| a.from <= date && (date - a.from).num_days() <= ASKED_BACK_DAYS);
    // With no purpose of its own, a request in the note says what the call
    // is for, in its own words.
    // And a message asked for with no purpose ("reach out in the new year")
    // is the rhythm's own word, said then.
    // A call asked for with no purpose of its own, beside a request, is a
    // call about that: "call me after Paddy's Day", still keen on route opt.
    let call_about = asked
        .filter(|a| a.call && a.purpose.is_none())
        .and(request)
        .map(|r| format!("about {}", clean(&r.object, 80)));
    // "Said to get in touch in the new year": that word, with no purpose
    // of its own, is said as theirs (what is new, and a call offered).
    let asked = asked.filter(|a| a.purpose.is_some() || call_about.is_some() || request.is_none());
    let asked_back = asked.map(|a| super::suggest::AskedBackContext {
        call: a.call,
        theirs: a.theirs,
        purpose: a.purpose.as_deref().or(call_about.as_deref()).unwrap_or(""),
    });
    // The contact goes away soon, as the notes say: the last word before.
    let away_soon = (x.fixed.is_none())
        .then(|| super::why::away_soon(p, cx, date))
        .flatten();
    let away_days = away_soon.map(|(from, back, _)| {
        (
            short_date(from, date),
            // Not named: "until they are back", never a guessed day.
            back.map_or_else(|| "they are back".to_owned(), |b| short_date(b, date)),
        )
    });
    let away_ahead = away_soon
        .zip(away_days.as_ref())
        .map(|((_, _, parental), (from, back))| (from.as_str(), back.as_str(), parental));
    let ctx = SuggestionContext {
        first_name: addressed,
        // A colleague's company is the user's own: nothing to sell it.
        company: facts
            .company
            .as_deref()
            .filter(|c| is_organisation(c) && !p.own_colleague),
        // A teammate's hobbies are no topic for a work rhythm.
        interests: if teammate && rhythm {
            &[]
        } else {
            &state.interests
        },
        teammate,
        relationship,
        event,
        event_round,
        promise: promise_facts.or(kept).map(|pr| pr.text.as_str()),
        promise_reading,
        promise_state: promise
            .map(|(_, s)| s)
            .or(kept.map(|_| PromiseState::After)),
        promise_due: promise_due.as_deref(),
        note: thread,
        life,
        favour,
        request,
        request_state,
        note_date: note_date.as_deref(),
        note_event: note.and_then(|n| n.event.as_deref()),
        how_connected: if relationship == Relationship::First {
            how_connected(facts)
        } else {
            ""
        },
        birthday_for: &birthday_for,
        on_day,
        year_end: is_year_end(date),
        new_year: is_new_year(date),
        light,
        unlogged,
        about: about.as_deref(),
        client: is_client(&facts.tags),
        title: facts.title.as_deref().filter(|t| !t.trim().is_empty()),
        dated,
        since_event: &since_event,
        serious,
        settled,
        later,
        pending_intro: pending.as_ref().map(|who| who.as_deref()),
        phone,
        unanswered,
        met_before: match &x.fixed {
            Some(FixedDetail::FollowUp { event_date, .. }) => {
                facts.anchors.iter().any(|a| a.date < *event_date)
            }
            _ => false,
        },
        role: if relationship == Relationship::First {
            // What the user wrote ("Recruiter, sends me roles") before the title.
            is_recruiter_note(&facts.notes)
                .then_some("recruiter")
                .or_else(|| facts.title.as_deref().and_then(role_of))
        } else {
            None
        },
        colleagues: Some(p.colleagues.as_str()).filter(|c| !c.is_empty()),
        call_birthday,
        birthday_day: &birthday_day,
        turns: turns.as_deref(),
        news_ahead,
        life_dated,
        decision: thread.is_some() && reading.is_some_and(|r| r.decision),
        offered: thread.is_some() && reading.is_some_and(|r| r.offered),
        channel,
        personal,
        child: p.child,
        own_child: p.own_child,
        spouse: p.spouse,
        belated,
        ahead,
        deadline,
        visit,
        task,
        christmas,
        away_ahead,
        asked_back,
    };
    // A contact's rhythm pings take turns: the thread the user wrote, an
    // interest, anything; so their year is not one sentence repeated. An open
    // request or a promise to deliver comes first.
    let urgent = matches!(
        request_state,
        Some(RequestState::Fresh | RequestState::Stale | RequestState::Old)
    ) || christmas.is_some()
        || (deadline.is_some()
            && deadline_ahead.is_some_and(|d| (d.on - date).num_days() <= DEADLINE_NEAR_DAYS))
        || (task.is_some()
            && owed_ahead.is_some_and(|d| (d.on - date).num_days() <= DEADLINE_NEAR_DAYS))
        || (thread.is_some() && reading.is_some_and(|r| r.offered))
        || dated.is_some()
        || matches!(
            ctx.promise_state,
            Some(PromiseState::Early | PromiseState::Ahead | PromiseState::After)
        );
    // What matters more than the turn: an introduction waited on, an
    // unanswered first message, a first hello with a way in (colleagues you
    // work with, a role), serious news, news whose day has passed, business
    // parked till later, a closed matter with a client, a phone person.
    let first_way_in =
        relationship == Relationship::First && (ctx.colleagues.is_some() || ctx.role.is_some());
    let special = pending.is_some()
        || unanswered
        || first_way_in
        || serious
        || life_dated.is_some()
        || later.is_some()
        || (settled && ctx.client)
        || phone;
    let prefer = if rhythm {
        let has_thread = urgent
            || thread.is_some()
            || dated.is_some()
            || deadline.is_some()
            || task.is_some()
            || christmas.is_some()
            || life.is_some()
            || favour.is_some()
            || ctx.promise_state.is_some();
        // A matter closed or lost is no business to open with: something
        // personal first when there is an interest to go on.
        let personal_first =
            settled && !ctx.client && state.interests.iter().any(|(_, k)| k.is_some());
        let choice = if personal_first {
            Preference::Interest
        } else if urgent || unlogged || special || teammate {
            Preference::Thread
        } else if settled {
            // Nothing open to pick up: something personal.
            Preference::Interest
        } else {
            match state.turn % 3 {
                // A light word still opens with their news ("she's
                // pregnant, due in Feb"), not with a hobby.
                0 if has_thread && (!light || life.is_some()) => Preference::Thread,
                0 | 1 => Preference::Interest,
                _ => Preference::Any,
            }
        };
        state.turn += 1;
        choice
    } else if birthday {
        // The news, a call for the closest and milestones, then an interest.
        if call_birthday || life.is_some() || phone {
            Preference::Thread
        } else if state.interests.iter().any(|(_, k)| k.is_some()) {
            Preference::Interest
        } else {
            Preference::Any
        }
    } else {
        Preference::Any
    };
    let seed = stable_hash(&[facts.uid.as_bytes(), x.id.as_bytes()]);
    // Neither this contact's earlier pings nor the pings just before lend
    // their sentence again when another fits.
    let mut suggestion = suggest_anew(
        x.reason,
        &ctx,
        seed,
        prefer,
        before.map(|(_, t)| t),
        recent,
        &state.used,
    );
    // An interest whose every sentence this contact has had already gives
    // way to anything else that fits.
    if prefer == Preference::Interest && state.used.contains(&suggestion.template) {
        suggestion = suggest_anew(
            x.reason,
            &ctx,
            seed,
            Preference::Any,
            before.map(|(_, t)| t),
            recent,
            &state.used,
        );
    }
    let uses = suggestion.uses;

    // What the why may repeat of it.
    let owed = match (promise, uses.promise || x.reason == Reason::Promise) {
        (
            Some((
                _,
                PromiseState::Own | PromiseState::Late | PromiseState::Early | PromiseState::Ahead,
            )),
            true,
        ) => Some(render("{promise_owed}", &ctx, "")),
        _ => None,
    };
    let said = Said {
        request: match (request, note, request_state) {
            (Some(r), Some(n), Some(s)) if uses.request => Some((r.clone(), n.date, s)),
            _ => None,
        },
        owed: owed.filter(|_| {
            x.reason == Reason::Promise
                || matches!(promise, Some((_, PromiseState::Early)))
                || event_round == Some(1)
        }),
        early: uses.promise && matches!(promise, Some((_, PromiseState::Early))),
        // The why names the deadline only when the suggestion speaks of it.
        deadline: if uses.task {
            owed_ahead.map(|d| (d.task.clone(), d.on, d.written, d.owing, None))
        } else {
            deadline_ahead
                .filter(|_| uses.deadline || uses.visit)
                .map(|d| {
                    (
                        d.what.clone(),
                        d.on,
                        d.written,
                        Owing::Nobody,
                        d.when.clone(),
                    )
                })
        },
        promise_after: match promise {
            Some((_, PromiseState::After)) if uses.promise => promise_facts.map(|pr| pr.due),
            _ => kept.filter(|_| uses.promise).map(|k| k.due),
        },
        kept: kept.is_some() && uses.promise,
        offered: match (thread, note) {
            // The offer in its own words ("he'll send the usage figures"),
            // not the clause the thread weighs most.
            (Some(t), Some(n))
                if uses.note
                    && !uses.task
                    && !uses.deadline
                    && reading.is_some_and(|r| r.offered) =>
            {
                let offer = reading.and_then(|r| r.offer.clone());
                Some((offer.unwrap_or_else(|| t.to_owned()), n.date))
            }
            _ => None,
        },
        christmas: uses.christmas,
        visit: uses.visit,
        life_dated: life_dated_day
            .filter(|_| uses.life_dated)
            .map(|d| (d.what.as_str(), d.on)),
        luck_ahead: ahead_day
            .filter(|_| uses.news_ahead && rhythm)
            .map(|d| (d.what.as_str(), d.on)),
        unanswered: facts.latest_note().filter(|_| unanswered).map(|n| n.date),
        dated: passed
            .filter(|_| uses.dated)
            .map(|d| (super::notes::definite(&d.what), d.on)),
        asked_back: asked
            .zip(note)
            .filter(|_| uses.asked_back)
            .map(|(a, n)| (n.date, a.named, a.call, a.theirs)),
    };
    let later = Later {
        x,
        date,
        warmth,
        first_hello,
        previous_day: before.map(|(day, _)| cx.calendar.date(day)),
        name,
        said,
    };

    // Remember what was said, so the contact's next pings build on it.
    if uses.request {
        state.request = match state.request {
            RequestProgress::Open => RequestProgress::Delivered,
            _ => RequestProgress::Closed,
        };
    }
    state.note_used |= uses.note || uses.dated;
    if let Some(d) = owed_ahead.filter(|_| uses.task) {
        state.owed_said.push((d.on, d.task.clone()));
    }
    // A deadline spoken of weeks ahead ("RFI input before Easter", in
    // January) is spoken of again by the ping just before it.
    if let Some(d) = deadline_ahead
        .filter(|d| (uses.deadline && (d.on - date).num_days() <= DEADLINE_SOON_DAYS) || uses.visit)
    {
        state.deadline_said.push(d.on);
    }
    if uses.christmas {
        state.christmas_year = christmas_season(date);
    }
    state.asked_back_used |= uses.asked_back;
    state.life_used |= uses.life;
    state.life_after_used |= uses.life_dated;
    state.dated_used |= uses.dated;
    if suggestion.template != usize::MAX {
        state.used.push(suggestion.template);
    }
    if let Some(k) = kept.filter(|_| uses.promise) {
        state.asked_after.push(k.id);
    }
    state.favour_used |= uses.favour;
    if let (Some((_, promise_state)), Some(pr)) = (promise, promise_facts) {
        match promise_state {
            PromiseState::After if uses.promise => state.asked_after.push(pr.id),
            PromiseState::Own | PromiseState::Late => state.mentioned.push(pr.id),
            _ if uses.promise => state.mentioned.push(pr.id),
            _ => {}
        }
    }
    state.previous = Some((x.day, suggestion.template));

    let ping = Ping {
        id: x.id.clone(),
        date,
        contact_id: facts.id,
        contact_name: facts.name.clone(),
        reason: x.reason,
        suggestion: super::render::in_second_person(suggestion.text),
        // Written with `later`.
        why: String::new(),
        details: String::new(),
        first_hello,
        warmth,
        action: suggestion.action,
        circle: facts.circle,
        promise_id: match (&x.fixed, promise, promise_facts) {
            (Some(FixedDetail::Promise { id, .. }), _, _) => Some(*id),
            // Doing a ping that delivers a promise early keeps the promise.
            (_, Some((_, PromiseState::Early)), Some(pr)) if uses.promise => Some(pr.id),
            _ => None,
        },
    };
    (ping, later)
}

/// What a ping's `why` and `details` are written from: they depend on
/// nothing a later ping changes, so they are written apart from the
/// suggestions, which go in order.
struct Later<'p> {
    x: &'p Placed,
    date: NaiveDate,
    warmth: u8,
    first_hello: bool,
    previous_day: Option<NaiveDate>,
    name: String,
    said: Said<'p>,
}

impl Later<'_> {
    /// The ping's `why` and `details`.
    fn write(&self, prepared: &[Prepared<'_>], cx: &Context<'_>) -> (String, String) {
        let p = &prepared[self.x.contact];
        let why = why(
            self.x,
            p,
            cx,
            self.date,
            self.first_hello,
            self.previous_day,
            &self.name,
            &self.said,
        );
        let details = details(
            self.x,
            p,
            cx,
            self.date,
            self.warmth,
            self.first_hello,
            self.previous_day,
        );
        (why, details)
    }
}
