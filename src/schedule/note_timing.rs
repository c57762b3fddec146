//! Timing read from the last note: the days a note's deadlines and dated
//! personal news ask a ping for.
//!
//! A deadline ("tender closes 15 Jan", "committee in January", "we need to
//! move before Christmas") asks for a ping a week or two before it; news
//! with a day ("knee surgery is on 9 Dec") asks for one a couple of days
//! after it. These are dates only: what the ping says is written elsewhere.

use chrono::{Datelike, Duration, NaiveDate};

use super::notes::{NoteDate, Owing};

/// A ping this many days before a deadline with a day ("closes 15 Jan").
pub const DAY_LEAD_DAYS: i64 = 7;
/// How long before its day a ping asks after what the contact owes the user
/// (when the note names no day for it but a deadline's).
pub const CHASE_LEAD_DAYS: i64 = 2;
/// What the contact owes by a day is asked after from that day, within
/// this many days.
const CHASE_WINDOW_DAYS: i64 = 4;
/// A ping this many days before a deadline named by a month or a holiday
/// ("in January", "before Christmas"): time to act before it starts.
pub const MONTH_LEAD_DAYS: i64 = 14;
/// Deadlines further than this from the note are not acted on yet.
pub const REACH_DAYS: i64 = 150;
/// Personal news with a day brings a ping this many days after it.
pub const AFTER_NEWS_DAYS: i64 = 2;
/// Personal news this far after its note still brings a ping after it.
pub const NEWS_REACH_DAYS: i64 = 120;
/// Dated news this many days or more after its note gets a word of luck
/// the day before (see [`TargetKind::BeforeNews`]).
const BEFORE_NEWS_MIN_DAYS: i64 = 3;
/// A ping asking how news went comes within this many days after it.
pub const NEWS_WINDOW_DAYS: i64 = 14;
/// How long after a decision's day the question how it went still fits.
pub const DECISION_WINDOW_DAYS: i64 = 10;

/// What a note asks of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TargetKind {
    /// A ping before the day something is owed (by the user or to them):
    /// it may come soon after the last touch, as the thing will not wait.
    /// First, so that it wins over a deadline on the same days.
    Owed,
    /// A ping on the day the contact owes the user something, to ask whether
    /// it has come: only a ping on or after that day can ask.
    Chase,
    /// A ping before a deadline.
    Deadline,
    /// A ping after dated personal news, to ask how it went.
    AfterNews,
    /// A word of luck the day before a friend's surgery or wedding (family
    /// and friends only: see `place_targets`).
    BeforeNews,
    /// A ping after a decision others take on a day ("the board on Wed
    /// 9/12"), to ask how it went: as news, but not while they are away.
    AfterDecision,
    /// The first ping on the day a note asks to be contacted from ("call
    /// after 11 Jan").
    AskedFrom,
}

/// A day a note asks a ping for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteTarget {
    /// The day the ping would ideally go on.
    pub day: NaiveDate,
    /// The ping must come before this day: the deadline itself, or the end
    /// of the window after news.
    pub by: NaiveDate,
    pub kind: TargetKind,
}

/// Words that make a clause with a day a deadline, beyond the renewals and
/// reviews [`super::notes::note_dates`] already marks.
pub(super) const DEADLINE_WORDS: [&str; 14] = [
    "close",
    "closes",
    "closing",
    "by",
    "before",
    "submit",
    "submission",
    "tender",
    "pqq",
    "committee",
    "board",
    "deadline",
    "needs",
    "need",
];

/// Words before a month or holiday that make it a time still ahead to act
/// before ("in January", "before Christmas"), with the day of the month the
/// time starts on (0: the month's last day).
fn lead_in(word: &str) -> Option<u32> {
    match word {
        "in" | "during" | "for" | "from" | "by" | "before" | "until" | "till" | "early" => Some(1),
        "mid" => Some(15),
        "late" => Some(20),
        _ => None,
    }
}

/// Words that put a time in the past or after the matter ("since March",
/// "after Christmas", "last January"): no deadline.
const NOT_AHEAD: [&str; 10] = [
    "after", "since", "last", "ago", "back", "was", "were", "met", "had", "did",
];

fn month_named(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = super::notes::MONTH_NAMES;
    // Short forms, but not "may" (a verb as often as a month) or "mar".
    const SHORT: [&str; 12] = [
        "jan", "feb", "", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    (0..12)
        .find(|&i| word == NAMES[i] || (!SHORT[i].is_empty() && word == SHORT[i]))
        .map(|i| i as u32 + 1)
        .or_else(|| month_named_abroad(word))
}

/// A month named in Italian, German, French or Spanish ("fine gennaio",
/// "Anfang Januar"), as notes mixing languages write them. Words that are
/// also English or common ("mai", "mars") are left out.
fn month_named_abroad(word: &str) -> Option<u32> {
    const ABROAD: [[&str; 4]; 12] = [
        ["gennaio", "januar", "janvier", "enero"],
        ["febbraio", "februar", "février", "febrero"],
        ["marzo", "märz", "", ""],
        ["aprile", "", "", "abril"],
        // "Mayo" is a county, "Avril" a name: left out.
        ["maggio", "", "", ""],
        ["giugno", "", "juin", "junio"],
        ["luglio", "", "juillet", "julio"],
        ["agosto", "", "août", ""],
        ["settembre", "", "septembre", "septiembre"],
        ["ottobre", "oktober", "octobre", "octubre"],
        ["novembre", "", "", "noviembre"],
        ["dicembre", "dezember", "décembre", "diciembre"],
    ];
    // Every name is at least four letters long, and starts with one of these.
    if word.len() < 4
        || !matches!(
            word.as_bytes()[0],
            b'g' | b'f' | b'm' | b'a' | b'l' | b's' | b'o' | b'n' | b'd' | b'j' | b'e'
        )
    {
        return None;
    }
    ABROAD
        .iter()
        .position(|names| names.iter().any(|n| !n.is_empty() && *n == word))
        .map(|i| i as u32 + 1)
}

fn words_of(clause: &str) -> Vec<String> {
    clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            // "on leave til 11/1", "'til": as "till".
            if matches!(w.as_str(), "til" | "'til") {
                "till".to_owned()
            } else {
                // "'call me after Paddy's Day'": quoted words are words.
                w.trim_matches('\'').to_owned()
            }
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The first `month`/`day` on or after `from`.
fn next_on(from: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(from.year(), month, day)?;
    if this >= from {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(from.year() + 1, month, day)
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| d - Duration::days(1))
}

/// The deadlines a note names by month or holiday rather than by day, each
/// as the day it starts: "in January" (1 Jan), "mid-December" (15 Dec), "by
/// the end of March" (31 Mar), "before Christmas" or "before the holidays"
/// (24 Dec, when the year-end break starts), "the Boxing Day game" (26 Dec).
/// Only times still ahead of the note, within [`REACH_DAYS`].
pub fn month_deadlines(note: &str, written: NaiveDate) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = month_deadlines_at(note, written)
        .into_iter()
        .map(|m| m.on)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A deadline named by month or holiday, and where: the clause (split as
/// [`month_deadlines_at`] splits) and the word that names the time.
struct MonthDeadline {
    on: NaiveDate,
    clause: usize,
    word: usize,
}

/// The clauses [`month_deadlines`] reads: "St. Patrick's" is one.
fn month_clauses(note: &str) -> Vec<String> {
    note.replace("St. Patrick", "St Patrick")
        .replace("st. patrick", "st patrick")
        .replace("ST. PATRICK", "ST PATRICK")
        .split(['.', ';', '\n', '!', '?'])
        .map(str::to_owned)
        .collect()
}

/// The deadlines of [`month_deadlines`], each with where the note names it
/// (the first time in a clause that names several).
fn month_deadlines_at(note: &str, written: NaiveDate) -> Vec<MonthDeadline> {
    let mut out = Vec::new();
    for (clause_at, clause) in month_clauses(note).iter().enumerate() {
        let words = words_of(clause);
        // "Ping her in Jan" is when to get in touch, not a deadline to beat.
        if words.iter().any(|w| NOT_AHEAD.contains(&w.as_str()))
            || contact_from_words(&words, written).is_some()
        {
            continue;
        }
        let mut found: Option<(NaiveDate, usize)> = None;
        for i in 0..words.len() {
            let w = words[i].as_str();
            let prev = |n: usize| i.checked_sub(n).map(|j| words[j].as_str());
            let at = if let Some(month) = month_named(w) {
                // "end of March", "mid-March", "in March".
                if prev(1) == Some("of") && prev(2) == Some("end") {
                    next_on(written, month, 1)
                        .and_then(|d| last_of_month(d.year(), month))
                        .filter(|d| *d > written)
                } else if let Some(start) = prev(1).and_then(lead_in) {
                    // The month the note is written in has already started.
                    next_on(written, month, start)
                        .filter(|d| !(d.month() == written.month() && start == 1))
                } else {
                    None
                }
            } else if w == "christmas" || w == "xmas" || w == "holidays" {
                matches!(prev(1), Some("before" | "by"))
                    .then(|| next_on(written, 12, 24))
                    .flatten()
                    .or_else(|| {
                        (matches!(prev(1), Some("the")) && matches!(prev(2), Some("before" | "by")))
                            .then(|| next_on(written, 12, 24))
                            .flatten()
                    })
            } else if w == "end" && matches!(prev(1), Some("year")) {
                // "before year end", "by year end".
                matches!(prev(2), Some("before" | "by"))
                    .then(|| next_on(written, 12, 24))
                    .flatten()
            } else if w == "year" && prev(1) == Some("the") && prev(2) == Some("of") {
                // "before the end of the year".
                (prev(3) == Some("end"))
                    .then(|| next_on(written, 12, 24))
                    .flatten()
            } else if w == "day" && prev(1) == Some("boxing") {
                next_on(written, 12, 26)
            } else if matches!(prev(1), Some("before" | "by"))
                || (prev(1) == Some("st") && matches!(prev(2), Some("before" | "by")))
            {
                // "RFI input before Easter": by the Thursday before it, as
                // Good Friday is a day off in many places.
                feast_day(&words[i..], written).map(|d| {
                    if w == "easter" {
                        d - Duration::days(3)
                    } else {
                        d - Duration::days(1)
                    }
                })
            } else {
                None
            };
            if let Some(at) = at.filter(|d| (*d - written).num_days() <= REACH_DAYS) {
                if found.is_none_or(|(f, _)| at < f) {
                    found = Some((at, i));
                }
            }
        }
        if let Some((on, word)) = found {
            out.push(MonthDeadline {
                on,
                clause: clause_at,
                word,
            });
        }
    }
    out
}

/// The deadlines a note names by month or holiday (see [`month_deadlines`]),
/// as dated things with a name: "RFI input before Easter" is "RFI input",
/// due by 25 March 2027, said "before Easter". Only those whose words before
/// the time name a thing ("Renewal due in March": the renewal).
pub fn month_deadline_dates(note: &str, written: NaiveDate) -> Vec<NoteDate> {
    let clauses = month_clauses(note);
    let mut out = Vec::new();
    for m in month_deadlines_at(note, written) {
        let Some(clause) = clauses.get(m.clause) else {
            continue;
        };
        let tokens = tokens_at(clause);
        let lower: Vec<String> = tokens
            .iter()
            .map(|(_, w)| w.to_lowercase().trim_matches('\'').to_owned())
            .collect();
        if lower != words_of(clause) || m.word >= lower.len() {
            continue;
        }
        // The words that say when: back over "the end of", then one lead-in.
        let mut first = m.word;
        while first > 0
            && matches!(
                lower[first - 1].as_str(),
                "boxing" | "st" | "the" | "of" | "end" | "year" | "mid" | "early" | "late"
            )
        {
            first -= 1;
        }
        if first > 0
            && matches!(
                lower[first - 1].as_str(),
                "in" | "by" | "before" | "until" | "till" | "during" | "from" | "for"
            )
        {
            first -= 1;
        }
        let last = if matches!(
            lower[m.word].as_str(),
            "paddy's" | "paddys" | "patrick's" | "patricks"
        ) && lower.get(m.word + 1).is_some_and(|w| w == "day")
        {
            m.word + 1
        } else {
            m.word
        };
        let (from, _) = tokens[first];
        let (to_at, to_word) = tokens[last];
        let when = clause[from..to_at + to_word.len()].to_owned();
        // What: the clause's last part before the time, less the words that
        // only lead to it ("due", "to be agreed", "need").
        let before = clause[..from]
            .rsplit([',', ':', '(', ')'])
            .next()
            .unwrap_or("");
        // "…summer season - wants a price": after a dash, a part of its own.
        let before = before
            .rsplit(" - ")
            .next()
            .and_then(|b| b.rsplit(" \u{2013} ").next())
            .unwrap_or(before);
        let mut what: Vec<&str> = before.split_whitespace().collect();
        // "Marcus wants 2 customer quotes for the case study": what is
        // wanted, after who wants it; its name ends before "for".
        if let Some(wants) = what.iter().position(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "wants" | "needs" | "expects" | "requires"
            )
        }) {
            what.drain(..=wants);
            if let Some(for_at) = what.iter().position(|w| w.eq_ignore_ascii_case("for")) {
                if for_at > 0 {
                    what.truncate(for_at);
                }
            }
        }
        if let Some(to) = what.iter().position(|w| w.eq_ignore_ascii_case("to")) {
            what.truncate(to);
        }
        while what.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "due"
                    | "is"
                    | "are"
                    | "expected"
                    | "planned"
                    | "set"
                    | "scheduled"
                    | "goes"
                    | "go"
                    | "out"
                    | "comes"
                    | "happens"
                    | "idea"
                    | "ideas"
                    | "-"
            )
        }) {
            what.pop();
        }
        while what.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "need" | "needs" | "want" | "wants" | "and" | "but" | "also"
            )
        }) {
            what.remove(0);
        }
        // A state or a move ("busy in January", "coming to Dublin in Feb")
        // is no thing to get ready for.
        let a_state = what.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "busy"
                    | "away"
                    | "off"
                    | "slammed"
                    | "back"
                    | "closed"
                    | "quiet"
                    | "free"
                    | "available"
                    | "around"
                    | "out"
                    | "on"
                    | "here"
                    | "there"
            )
        });
        let a_doing = what.last().is_some_and(|w| {
            let w = w.to_lowercase();
            w.ends_with("ing")
                && !matches!(
                    w.as_str(),
                    "meeting"
                        | "briefing"
                        | "training"
                        | "opening"
                        | "closing"
                        | "signing"
                        | "hearing"
                        | "pricing"
                        | "funding"
                        | "planning"
                        | "onboarding"
                        | "wedding"
                        | "christening"
                        | "offering"
                        | "tendering"
                        | "ruling"
                )
        });
        let mut what = what.join(" ");
        // "Decision by end of Jan on the Galway depot pilot": the decision on
        // the pilot.
        let after = clause[to_at + to_word.len()..].trim_start();
        let about = after.split([',', ':', '(']).next().unwrap_or("").trim_end();
        if matches!(
            what.to_lowercase().as_str(),
            "decision" | "approval" | "sign-off" | "go-ahead" | "answer" | "vote"
        ) && about
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "on" | "about"))
            && about.split_whitespace().count() <= 6
        {
            what = format!("{what} {about}");
        }
        if what.is_empty()
            || a_state
            || a_doing
            // "Q1 partner plan + MDF request": a sign joins, it is no word.
            || what
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
                > 6
            || !super::notes::names_a_thing(&what)
        {
            continue;
        }
        out.push(NoteDate {
            what,
            on: m.on,
            deadline: true,
            life: false,
            decision: false,
            written,
            owing: Owing::Nobody,
            task: String::new(),
            when: Some(when),
            visit: false,
            clause: clause.trim().to_owned(),
        });
    }
    out
}

/// A clause's words with where each starts, split as [`words_of`] splits
/// them, in their own case.
fn tokens_at(clause: &str) -> Vec<(usize, &str)> {
    super::cues::word_spans(clause, |c| c.is_alphanumeric() || c == '\'')
}

/// Visits a note tells of: the contact comes to a place on a day or in a
/// month ("coming to Dublin in Feb for the ITS congress", "will be in
/// London 10-12 Mar", "visiting Cork mid-January"), as the place, the first
/// day and the time as written ("in Feb"). Only a place written with a
/// capital and a time within [`REACH_DAYS`].
pub fn visit_dates(note: &str, written: NaiveDate) -> Vec<NoteDate> {
    let mut out = Vec::new();
    for clause in note.split(['.', ';', '\n', '!', '?']) {
        let spans = tokens_at(clause);
        let tokens: Vec<&str> = spans.iter().map(|(_, w)| *w).collect();
        let lower: Vec<String> = tokens.iter().map(|w| w.to_lowercase()).collect();
        // Where the place starts: after "coming to", "visiting", "be in",
        // or "in … for".
        let place_at = (0..lower.len()).find_map(|i| {
            let w = lower[i].as_str();
            let next = lower.get(i + 1).map(String::as_str);
            match (w, next) {
                ("coming" | "comes" | "flying" | "travelling" | "traveling", Some("to")) => {
                    Some(i + 2)
                }
                ("coming" | "flying", Some("over" | "down" | "up"))
                    if lower.get(i + 2).is_some_and(|t| t == "to") =>
                {
                    Some(i + 3)
                }
                ("visiting" | "visits", _) => Some(i + 1),
                ("be", Some("in")) => Some(i + 2),
                _ => None,
            }
        });
        let Some(place_at) = place_at else {
            continue;
        };
        let is_place_word = |t: &&str| {
            t.starts_with(char::is_uppercase)
                && month_named(&t.to_lowercase()).is_none()
                && short_month(&t.to_lowercase()).is_none()
                && !matches!(t.to_lowercase().as_str(), "i" | "the" | "us" | "our")
        };
        let place: Vec<&str> = tokens
            .iter()
            .skip(place_at)
            .take_while(|t| is_place_word(t))
            .take(3)
            .copied()
            .collect();
        if place.is_empty() {
            continue;
        }
        let after = place_at + place.len();
        // The first time named after the place.
        let Some((at, mut on)) = (after..lower.len().min(after + 8))
            .find_map(|j| named_day(&lower[j..], written).map(|d| (j, d)))
        else {
            continue;
        };
        if on <= written || (on - written).num_days() > REACH_DAYS {
            continue;
        }
        // The time as written: from its first word to the month's.
        let Some(month_at) = (at..lower.len())
            .find(|&k| month_named(&lower[k]).is_some() || short_month(&lower[k]).is_some())
        else {
            continue;
        };
        let mut first = at;
        while first < month_at
            && !matches!(
                lower[first].as_str(),
                "in" | "on" | "from" | "mid" | "early" | "late" | "end" | "around"
            )
            && lower[first].parse::<u32>().is_err()
        {
            first += 1;
        }
        // "10-12 Mar": from the first day.
        if let (Ok(from), Some(Ok(_))) = (
            lower[first].parse::<u32>(),
            lower.get(first + 1).map(|w| w.parse::<u32>()),
        ) {
            on = on.with_day(from).unwrap_or(on);
        }
        let (from, _) = spans[first];
        let (to, last) = spans[month_at];
        let when = clause[from..to + last.len()].to_owned();
        let when = match lower[first].as_str() {
            "in" | "on" | "from" | "around" => when,
            _ if lower[first].parse::<u32>().is_ok() => format!("on {when}"),
            _ => format!("in {when}"),
        };
        out.push(NoteDate {
            what: place.join(" "),
            on,
            deadline: true,
            life: false,
            decision: false,
            written,
            owing: Owing::Nobody,
            task: String::new(),
            when: Some(when),
            visit: true,
            clause: clause.trim().to_owned(),
        });
    }
    out
}

/// Days with a month in a clause that closes, submits or needs something by
/// them ("tender closes 15 Jan, PQQ answers by 8 Jan"), each resolved to the
/// first such day from two weeks before the note.
fn day_deadlines(note: &str, written: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    if !note.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let day_of = |w: &str| {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d) && w.starts_with(|c: char| c.is_ascii_digit()))
    };
    for clause in note.to_lowercase().split(['.', ';', '\n']) {
        let words = words_of(clause);
        if !words.iter().any(|w| DEADLINE_WORDS.contains(&w.as_str())) {
            continue;
        }
        for pair in words.windows(2) {
            let (month, day) = match (month_named(&pair[0]), day_of(&pair[1])) {
                (Some(m), Some(d)) => (m, d),
                _ => match (day_of(&pair[0]), month_named(&pair[1])) {
                    (Some(d), Some(m)) => (m, d),
                    _ => continue,
                },
            };
            if let Some(on) = next_on(written - Duration::days(14), month, day) {
                if on > written && !out.contains(&on) {
                    out.push(on);
                }
            }
        }
    }
    out
}

/// Whether a date with a day the note names is a deadline to act before:
/// one already marked so, or one in a clause that closes, submits or needs
/// something by it.
fn is_day_deadline(note: &str, date: &NoteDate) -> bool {
    if date.deadline {
        return true;
    }
    if date.life {
        return false;
    }
    let lower = note.to_lowercase();
    lower.split(['.', ';', '\n']).any(|clause| {
        let words = words_of(clause);
        let names_day = words.iter().any(|w| w == &date.on.day().to_string())
            || words.iter().any(|w| {
                w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']) == date.on.day().to_string()
            });
        names_day && words.iter().any(|w| DEADLINE_WORDS.contains(&w.as_str()))
    })
}

/// The days the last note asks pings for, in date order: before each
/// deadline it names, and after dated personal news. `dates` are the note's
/// dates with a day (see [`super::notes::note_dates`]).
pub fn note_targets(note: &str, written: NaiveDate, dates: &[NoteDate]) -> Vec<NoteTarget> {
    let mut out = dated_targets(written, dates, |d| is_day_deadline(note, d));
    for on in day_deadlines(note, written) {
        let ahead = (on - written).num_days();
        let known = dates.iter().any(|d| d.on == on);
        if !known && ahead > DAY_LEAD_DAYS / 2 && ahead <= REACH_DAYS {
            out.push(NoteTarget {
                day: on - Duration::days(DAY_LEAD_DAYS),
                by: on,
                kind: TargetKind::Deadline,
            });
        }
    }
    for on in month_deadlines(note, written) {
        if (on - written).num_days() > DAY_LEAD_DAYS / 2 {
            out.push(NoteTarget {
                day: on - Duration::days(MONTH_LEAD_DAYS),
                by: on,
                kind: TargetKind::Deadline,
            });
        }
    }
    // A ping before the note was written is a ping right after it.
    for t in &mut out {
        t.day = t.day.max(written + Duration::days(1));
    }
    out.sort_by_key(|t| (t.day, t.by));
    out.dedup_by_key(|t| t.by);
    out
}

/// The days dated news and deadlines ask pings for: after news, before a
/// deadline (as `is_deadline` says), from a note written on `written`.
fn dated_targets(
    written: NaiveDate,
    dates: &[NoteDate],
    is_deadline: impl Fn(&NoteDate) -> bool,
) -> Vec<NoteTarget> {
    let mut out = Vec::new();
    for d in dates {
        let ahead = (d.on - written).num_days();
        // What the contact owes is asked about just before its day, when
        // it should be nearly ready; what the user owes, a week before.
        let lead = if d.owing == Owing::Chase {
            CHASE_LEAD_DAYS
        } else {
            DAY_LEAD_DAYS
        };
        if d.life && d.on >= written && ahead <= NEWS_REACH_DAYS {
            // "ACL surgery on 9 Dec", "wedding 23 Jan": a word the day
            // before, when there is time for one.
            if ahead >= BEFORE_NEWS_MIN_DAYS
                && super::phrases::news_kind(&d.clause).wished_luck_before()
            {
                // Before the day: a word on the day itself would stand in
                // for asking how it went.
                out.push(NoteTarget {
                    day: d.on - Duration::days(1),
                    by: d.on,
                    kind: TargetKind::BeforeNews,
                });
            }
            out.push(NoteTarget {
                day: d.on + Duration::days(AFTER_NEWS_DAYS),
                by: d.on + Duration::days(NEWS_WINDOW_DAYS),
                kind: TargetKind::AfterNews,
            });
        } else if d.owing == Owing::Chase && (0..=REACH_DAYS).contains(&ahead) {
            // What the contact owes is asked after on its day: has it come?
            out.push(NoteTarget {
                day: d.on,
                by: d.on + Duration::days(CHASE_WINDOW_DAYS),
                kind: TargetKind::Chase,
            });
        } else if ahead > lead / 2 && ahead <= REACH_DAYS && is_deadline(d) {
            out.push(NoteTarget {
                day: d.on - Duration::days(lead),
                by: d.on,
                kind: if d.owing == Owing::Nobody {
                    TargetKind::Deadline
                } else {
                    TargetKind::Owed
                },
            });
        }
        // "Goes to the board on Wed 9/12": how it went, soon after, as well
        // as any word before it.
        if d.decision && d.on > written && ahead <= REACH_DAYS {
            out.push(NoteTarget {
                day: d.on + Duration::days(1),
                by: d.on + Duration::days(DECISION_WINDOW_DAYS),
                kind: TargetKind::AfterDecision,
            });
        }
    }
    out
}

/// The days an earlier note's dated news and deadlines ask pings for (see
/// [`note_targets`]), each no sooner than the day after `after`, the last
/// note's day: what the earlier note named is still to come.
pub fn earlier_targets(dates: &[NoteDate], after: NaiveDate) -> Vec<NoteTarget> {
    let mut out = Vec::new();
    for d in dates {
        let mut targets = dated_targets(d.written, std::slice::from_ref(d), |d| d.deadline);
        for t in &mut targets {
            t.day = t.day.max(after + Duration::days(1));
        }
        out.extend(targets);
    }
    out
}

/// How long someone is away when a note gives only the day they leave.
const AWAY_DEFAULT_DAYS: i64 = 21;
/// The same for parental leave.
const PARENTAL_LEAVE_DAYS: i64 = 42;
/// A longer parental leave read from a note is taken for a misreading.
const PARENTAL_LONGEST_DAYS: i64 = 400;
/// A longer absence read from a note is taken for a misreading.
const AWAY_LONGEST_DAYS: i64 = 200;

/// The days a note says the contact is away ("on leave from 14 Dec, back 11
/// Jan", "off on paternity leave from mid-December", "away until 5 January",
/// "back from leave mid-Jan"), as the first day away and the first day back.
/// Only a clause that says they are away counts (leave, away, holiday,
/// vacation, sabbatical, or "off" until or from a day), and it must name a day
/// or a month: "call back on 3 Dec" or "kick off on 12 Jan" are no absence.
/// Without a first day, they are away from the note's day; without a day
/// back, for three weeks (six for parental leave).
pub fn away_days(note: &str, written: NaiveDate) -> Option<Absence> {
    const BACK: [&str; 6] = ["back", "until", "till", "returns", "return", "returning"];
    // Every absence holds one of these words: most notes have none.
    static FIRST_LOOK: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    let first_look = FIRST_LOOK.get_or_init(|| {
        let mut cues = AWAY.to_vec();
        cues.extend(["off", "out of office"]);
        super::cues::Cues::new(&cues)
    });
    if !first_look.any_in(&note.to_lowercase()) {
        return None;
    }
    let clauses: Vec<&str> = note.split(['.', ';', '\n', '!', '?']).collect();
    // "Sabbatical Sep - Mar, sailing. Back 6 Apr.": a day back said in a
    // clause of its own.
    let back_alone = clauses.iter().find_map(|clause| {
        let words = words_of(clause);
        BACK.contains(&words.first()?.as_str())
            .then(|| named_day(&words[1..], written))
            .flatten()
    });
    for clause in clauses {
        let words = words_of(clause);
        let out_of_office = words
            .windows(3)
            .any(|w| w[0] == "out" && w[1] == "of" && w[2] == "office");
        // "Off until…", and "off work until", "off sick till", or "Nadia is
        // off 11 Dec to 6 Jan"; not "kick off 12 Jan", "15% off 12/14-12/31"
        // or "blocked off 14 Dec to 18 Dec".
        let off_until = words.iter().enumerate().any(|(i, w)| {
            w == "off"
                && (words[i + 1..]
                    .iter()
                    .take(2)
                    .any(|n| matches!(n.as_str(), "until" | "till" | "from" | "over"))
                    || (is_off_subject(&words[..i])
                        && span_end(&words[i + 1..], written).is_some()))
        });
        if !off_until && !out_of_office && !words.iter().any(|w| AWAY.contains(&w.as_str())) {
            continue;
        }
        // The first day named right after a word that starts or ends the absence.
        let after_cue = |cues: &[&str], read: &dyn Fn(&[String]) -> Option<NaiveDate>| {
            words.iter().enumerate().find_map(|(i, w)| {
                cues.contains(&w.as_str())
                    .then(|| read(&words[i + 1..]))
                    .flatten()
            })
        };
        let named = |rest: &[String]| named_day(rest, written);
        // "off 11 Dec to 6 Jan", "PTO 12/18-1/4": a span right after a word
        // that starts the absence; "Holiday promo 12/14-12/24" names none.
        let span = |rest: &[String]| span_end(rest, written);
        let back = after_cue(&BACK, &named).or_else(|| after_cue(&STARTS, &span));
        let start = after_cue(&STARTS, &named).filter(|s| back.is_none_or(|b| *s < b));
        if start.is_none() && back.is_none() {
            continue;
        }
        // "Sabbatical Sep 2026 - end of March 2027": the second day named
        // is the last one away.
        let last_named = || {
            let start = start?;
            (1..words.len())
                .filter(|&i| month_named(&words[i]).is_some() || short_month(&words[i]).is_some())
                .filter_map(|i| {
                    (i.saturating_sub(2)..=i).find_map(|from| named_day(&words[from..], written))
                })
                .filter(|d| *d > start)
                .max()
                .map(|last| last + Duration::days(1))
        };
        let back = back
            .or(back_alone.filter(|b| start.is_none_or(|s| s < *b)))
            .or_else(last_named);
        let start = start.unwrap_or(written);
        let parental = names_parental_leave(&words);
        let end = back.unwrap_or_else(|| {
            start
                + Duration::days(if parental {
                    PARENTAL_LEAVE_DAYS
                } else {
                    AWAY_DEFAULT_DAYS
                })
        });
        // Parental leave and sabbaticals run up to a year and more ("back
        // Sept 2027").
        let longest = if parental || words.iter().any(|w| w == "sabbatical") {
            PARENTAL_LONGEST_DAYS
        } else {
            AWAY_LONGEST_DAYS
        };
        if end > start && end > written && (end - start).num_days() <= longest {
            return Some(Absence {
                from: start,
                back: end,
                parental,
                back_named: back.is_some(),
            });
        }
    }
    None
}

/// An absence a note names (see [`away_days`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Absence {
    /// The first day away.
    pub from: NaiveDate,
    /// The first day back.
    pub back: NaiveDate,
    /// Parental leave: for a baby.
    pub parental: bool,
    /// The note names the day back; else `back` is a guess (three weeks,
    /// six for parental leave) that the pings never state as a fact.
    pub back_named: bool,
}

/// Words that say someone is away ("OOO" and "PTO" are how many write it).
const AWAY: [&str; 9] = [
    "leave",
    "away",
    "holiday",
    "holidays",
    "vacation",
    "sabbatical",
    "overseas",
    "ooo",
    "pto",
];

/// Words after which the first day away (or a span of days away) is named.
const STARTS: [&str; 11] = [
    "from",
    "leave",
    "away",
    "off",
    "holiday",
    "holidays",
    "vacation",
    "ooo",
    "pto",
    "office",
    "sabbatical",
];

/// Whether the words of a clause say it is parental leave: "maternity",
/// "paternity", "parental", or "mat leave" / "pat leave".
fn names_parental_leave(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| matches!(w.as_str(), "paternity" | "maternity" | "parental"))
        || words
            .windows(2)
            .any(|w| matches!(w[0].as_str(), "mat" | "pat") && w[1] == "leave")
}

/// Words that open a clause with "off" and are no one's name: "Kick off 12
/// Jan to 14 Jan", "Sign off…", "Log off…".
const OFF_NOT_AWAY: [&str; 20] = [
    "kick", "kicks", "kicked", "sign", "signs", "signed", "pay", "paid", "drop", "dropped", "tee",
    "cut", "write", "written", "blocked", "block", "log", "logged", "roll", "rolled",
];

/// Whether the words before "off" make it a person being off ("Nadia is
/// off", "she's off", "Nadia off" opening the clause, "days off", "taking
/// time off") rather than a price, a block or a kick-off.
fn is_off_subject(before: &[String]) -> bool {
    match before.last().map(String::as_str) {
        None => true,
        // "15% off", "$500 off": a price.
        Some(word) if word.starts_with(|c: char| c.is_ascii_digit()) => false,
        Some(word) => {
            (before.len() == 1 && !OFF_NOT_AWAY.contains(&word))
                || matches!(
                    word,
                    "is" | "s"
                        | "are"
                        | "be"
                        | "been"
                        | "being"
                        | "he"
                        | "she"
                        | "they"
                        | "i"
                        | "we"
                        | "still"
                        | "also"
                        | "day"
                        | "days"
                        | "week"
                        | "weeks"
                        | "time"
                )
        }
    }
}

/// The day after the end of a span of days that starts `words` ("11 dec to
/// 6 jan", "dec 21 through jan 2", "mid dec till mid jan"): the span names
/// its last day, so the day after it is the first day back. The span's end
/// is named after "to", "through" or "till" when a day is named just before
/// it; a "to" after anything else ("talk to Sam 6 Jan") ends no span.
fn span_end(words: &[String], written: NaiveDate) -> Option<NaiveDate> {
    let to = words
        .iter()
        .take(4)
        .position(|w| matches!(w.as_str(), "to" | "through" | "thru" | "till" | "til"))?;
    let before = &words[..to];
    let names_day = before
        .iter()
        .any(|w| month_named(w).or_else(|| short_month(w)).is_some())
        || before.last().is_some_and(|w| {
            w.trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
                .is_ok_and(|d| (1..=31).contains(&d))
        });
    if !names_day || named_day(before, written).is_none() {
        return None;
    }
    named_day(&words[to + 1..], written).map(|last| last + Duration::days(1))
}

/// Words that ask for no contact for a while (a tender's probity rules, a
/// blackout, not to be chased), with the day it ends named after "until",
/// "till" or "before" (the day after that day, for "before").
const NO_CONTACT: [&str; 24] = [
    // "Brian asked me not to chase before then - he'll push it internally".
    "not to chase",
    "not be chased",
    "not to be chased",
    "don't chase",
    "do not chase",
    "dont chase",
    // A buyer in a tender: "can't talk to vendors until award", "formal
    // contact only, via the portal, until award".
    "formal contact only",
    "only via the portal",
    "portal only",
    "can't talk to vendors",
    "cannot talk to vendors",
    "no vendor contact",
    "nothing non-urgent",
    "nothing until",
    "nothing till",
    "no contact",
    "no informal contact",
    "no direct contact",
    "do not contact",
    "don't contact",
    "not to contact",
    "not to be contacted",
    "blackout",
    "probity",
];

/// A word of each of [`NO_CONTACT`]'s cues.
const NO_CONTACT_WORDS: [&str; 8] = [
    "contact", "blackout", "probity", "nothing", "vendor", "portal", "chase", "chasing",
];

/// The days a note asks for no contact at all ("tender open: no informal
/// contact until 18 Dec", "blackout until the 20 Jan award"), from the note's
/// day to the day named after "until" or "till", or the day after the one
/// named after "before" ("not to chase before then": the last day named
/// before it). Without such a day nothing is
/// read: the note may be stale, and a plan cannot hold a contact back forever.
pub fn no_contact_days(note: &str, written: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    // Every cue holds one of these words: most notes have none, and are not
    // read clause by clause.
    static FIRST_LOOK: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    // "St. Patrick's Day": the saint's dot ends no sentence.
    let lower = note.to_lowercase().replace("st. patrick", "st patrick");
    if !FIRST_LOOK
        .get_or_init(|| super::cues::Cues::new(&NO_CONTACT_WORDS))
        .any_in(&lower)
    {
        return None;
    }
    // "Orders via portal only until the migration" is how they order; in a
    // tender, the portal is the only way to talk.
    let tender = [
        "tender",
        "rfp",
        "rft",
        "rfq",
        "award",
        "probity",
        "procurement",
        "bid",
    ]
    .iter()
    .any(|w| lower.contains(w));
    for clause in note.split(['.', ';', '\n', '!', '?']) {
        let lower = clause.to_lowercase().replace('\u{2019}', "'");
        // The day that ends it is named after the words that ask for it.
        let Some(at) = NO_CONTACT
            .iter()
            .filter(|cue| tender || !cue.contains("portal"))
            .filter_map(|cue| lower.find(cue))
            .min()
        else {
            continue;
        };
        let words = words_of(&lower[at..]);
        let end = words.iter().enumerate().find_map(|(i, w)| {
            let after = &words[i + 1..];
            if !matches!(w.as_str(), "until" | "till" | "before") {
                return None;
            }
            // "Board on 20 Jan. Asked me not to chase before then": the
            // day named last before the ask.
            let day = if after.first().is_some_and(|w| w == "then") {
                day_named_before(note, clause, written)
            } else {
                named_day(after, written)
            }?;
            // Not before the board on 20 Jan: the day itself is the
            // board's, the word after it comes the day after.
            let day = if w == "before" {
                day + Duration::days(1)
            } else {
                day
            };
            // "No contact until award, expected end Jan": the hold lasts the
            // month out; the award may come on its last day.
            let month_end = after
                .iter()
                .take(5)
                .any(|w| matches!(w.as_str(), "end" | "late" | "fine" | "ende"));
            Some(if month_end {
                first_of_next_month(day)
            } else {
                day
            })
        });
        // "No contact while the tender is drafted - docs out end Jan": in
        // a tender, or a hold "while" something lasts, the first month the
        // note names after the ask ends it (the month out, as for "until").
        let end = end.or_else(|| {
            if !(tender || lower[at..].contains("while")) {
                return None;
            }
            let after = words_of(&lowered_from(note, clause, at)?);
            let is_month = |w: &String| month_named(w).is_some() || short_month(w).is_some();
            // In a tender the award ends it ("questions via portal only, by
            // 4 Dec. Award expected end of Feb"): the first month after the
            // award, else the first month after the ask.
            let award = after
                .iter()
                .position(|w| w.starts_with("award"))
                .and_then(|at| (at + 1..after.len().min(at + 6)).find(|&i| is_month(&after[i])));
            let month = award.or_else(|| after.iter().position(is_month))?;
            // From a word or two before the month, for "end Jan", "mid-Jan".
            let day = (month.saturating_sub(2)..=month)
                .find_map(|first| named_day(&after[first..], written))?;
            Some(first_of_next_month(day))
        });
        if let Some(end) =
            end.filter(|&e| e > written && (e - written).num_days() <= AWAY_LONGEST_DAYS)
        {
            return Some((written, end));
        }
    }
    None
}

/// Where `clause`, a slice of `note`, starts in it (in bytes).
fn offset_in(note: &str, clause: &str) -> Option<usize> {
    (clause.as_ptr() as usize).checked_sub(note.as_ptr() as usize)
}

/// The last day `note` names before `clause` (a slice of it): "Legal
/// review 12 Dec, board 20 Jan. Asked me not to chase before then" is 20 Jan.
fn day_named_before(note: &str, clause: &str, written: NaiveDate) -> Option<NaiveDate> {
    let start = offset_in(note, clause)?;
    let words = words_of(&note.get(..start)?.to_lowercase());
    let is_month = |w: &String| month_named(w).is_some() || short_month(w).is_some();
    let is_day = |w: &String| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .is_ok_and(|d| (1..=31).contains(&d))
    };
    // A day starts at its number ("20 Jan") or at its month when no number
    // stands before it ("Jan 20").
    (0..words.len())
        .filter(|&i| {
            is_day(&words[i]) || (is_month(&words[i]) && (i == 0 || !is_day(&words[i - 1])))
        })
        .filter_map(|i| named_day(&words[i..words.len().min(i + 3)], written))
        .next_back()
}

/// The note lower-cased from the text `at` bytes into `clause` (a slice of
/// `note`) to its end; `None` when lower-casing moved the bytes.
fn lowered_from(note: &str, clause: &str, at: usize) -> Option<String> {
    let start = offset_in(note, clause)? + at;
    let lower = note.to_lowercase();
    (lower.len() == note.len() && lower.is_char_boundary(start)).then(|| lower[start..].to_owned())
}

/// The first day of the month after `day`'s: a hold "until end Jan" lasts
/// the month out.
fn first_of_next_month(day: NaiveDate) -> NaiveDate {
    last_of_month(day.year(), day.month()).map_or(day, |last| last + Duration::days(1))
}

/// Verbs of getting in touch: "ping her in Jan", "call back after 15 Jan".
const CONTACT_VERBS: [&str; 19] = [
    "ping", "call", "ring", "phone", "email", "e-mail", "contact", "reach", "follow", "touch",
    "check", "catch", "try", "write", "ask", "revisit", "talk", "speak", "chat",
];

/// Verbs among [`CONTACT_VERBS`] that ask for a call.
const CALL_VERBS: [&str; 3] = ["call", "ring", "phone"];

/// The day a clause's words ask to get in touch no sooner than ("ping her
/// in Jan once settled", "call back after 15 Jan", "try again in March"), if
/// they do: a contact verb, then within a few words a time ahead.
/// Returns the first day asked for, the day as the note names it ("Call me
/// after Jan 11" names 11 Jan and asks from the 12th) and where the verb is
/// among `words`.
fn contact_from_words(
    words: &[String],
    written: NaiveDate,
) -> Option<(NaiveDate, NaiveDate, usize)> {
    words.iter().enumerate().find_map(|(i, w)| {
        if !CONTACT_VERBS.contains(&w.as_str()) {
            return None;
        }
        (i + 1..words.len().min(i + 6)).find_map(|j| {
            let at = match words[j].as_str() {
                "after" => named_day(&words[j + 1..], written)
                    .map(|d| after_named(&words[j + 1..], d))
                    .or_else(|| turn_of_year(&words[j + 1..], written).map(|d| (d, d)))
                    .or_else(|| thing_then_day(&words[j + 1..], written)),
                // "lets talk about their payroll - so Jan": "so" says when.
                "in" | "from" | "until" | "till" | "so" => named_day(&words[j + 1..], written)
                    .or_else(|| turn_of_year(&words[j + 1..], written))
                    .map(|d| (d, d)),
                "early" | "mid" | "late" | "start" | "beginning" => {
                    named_day(&words[j..], written).map(|d| (d, d))
                }
                _ => None,
            };
            at.filter(|(d, _)| *d > written && (*d - written).num_days() <= AWAY_LONGEST_DAYS)
                .map(|(from, named)| (from, named, i))
        })
    })
}

/// "Call me after the budget: council passes it on 18 Feb": the day after
/// the day the rest of the clause gives the thing, and that day. Only a
/// thing named with its article or owner counts, and only a day named soon
/// after it.
fn thing_then_day(words: &[String], written: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    const THING_STARTS: [&str; 6] = ["the", "their", "his", "her", "our", "its"];
    if !THING_STARTS.contains(&words.first()?.as_str()) {
        return None;
    }
    let day = (2..words.len().min(12)).find_map(|k| {
        let w = &words[k];
        let starts_a_day = month_named(w).is_some()
            || short_month(w).is_some()
            || w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        starts_a_day
            .then(|| named_day(&words[k..], written))
            .flatten()
    })?;
    Some((day + Duration::days(1), day))
}

/// The first day after a day named after "after", and the day named: after
/// a day, the next day ("after Jan 11": 12 Jan); after a month alone, the
/// first of the next ("after January": 1 Feb, the named day being 31 Jan).
fn after_named(words: &[String], named: NaiveDate) -> (NaiveDate, NaiveDate) {
    let is_day = |w: &String| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .is_ok_and(|d| (1..=31).contains(&d))
    };
    let month_alone = words
        .first()
        .is_some_and(|w| month_named(w).or_else(|| short_month(w)).is_some())
        && !words.get(1).is_some_and(is_day);
    let month_end = named
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.with_day(1))
        .map(|first| (first, first - Duration::days(1)));
    match month_end {
        Some(end) if month_alone => end,
        _ => (named + Duration::days(1), named),
    }
}

/// The day business picks up again when a note written late in the year
/// says "in the new year" or "after the holidays" (also "after Christmas",
/// "after New Year's"): 4 January, the first days of the year being a break
/// for many. Earlier in the year these words name nothing ahead worth a wait.
fn turn_of_year(words: &[String], written: NaiveDate) -> Option<NaiveDate> {
    let rest: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| *w == "the")
        .take(3)
        .collect();
    // The words end the phrase: "after the holidays, slammed", "in the new
    // year when budgets reset"; not "after the Christmas party on 4 Dec".
    let ends = |next: Option<&&str>| {
        next.is_none_or(|w| {
            matches!(
                *w,
                "when"
                    | "once"
                    | "and"
                    | "as"
                    | "then"
                    | "but"
                    | "so"
                    | "because"
                    | "slammed"
                    | "busy"
                    | "for"
                    | "with"
                    | "please"
                    | "to"
            )
        })
    };
    let names_it = match rest.as_slice() {
        ["new", "year" | "years" | "year's", more @ ..] => ends(more.first()),
        ["holidays" | "hols" | "christmas" | "xmas" | "newyear", more @ ..] => ends(more.first()),
        _ => false,
    };
    (names_it && written.month() >= 10)
        .then(|| NaiveDate::from_ymd_opt(written.year() + 1, 1, 4))
        .flatten()
}

/// What a note that says when to get back in touch asks for then: "Call me
/// after 11/1 to book a site walk with our sparky" → a call, from 11 Jan,
/// "to book a site walk with your sparky".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedBack {
    /// The first day asked for.
    pub from: NaiveDate,
    /// The day as the note names it ("after 11 Jan": 11 Jan; "in the new
    /// year": 4 Jan).
    pub named: NaiveDate,
    /// A call ("call", "ring", "phone"), not a message.
    pub call: bool,
    /// The contact asked for it ("call me after 11 Jan", "asked me to ring
    /// in Jan"); else it is the user's own plan ("call him after 11 Jan").
    pub theirs: bool,
    /// What for, as the note says it, from its "to": "to book a site walk".
    pub purpose: Option<String>,
}

/// Verbs after "to" that say what a call asked for later is for.
const PURPOSE_VERBS: [&str; 22] = [
    "book", "set", "discuss", "go", "review", "talk", "plan", "agree", "confirm", "arrange",
    "look", "lock", "schedule", "finalise", "finalize", "sign", "sort", "meet", "organise",
    "organize", "walk", "kick",
];

/// Words before a verb of getting in touch that make the contact the one who
/// will get in touch ("said he'd call me after the 11th"): nothing asked of
/// the user.
const THEY_WILL: [&str; 9] = [
    "he'll", "she'll", "they'll", "he'd", "she'd", "they'd", "he", "she", "they",
];

/// Where a purpose ends: "to book a site walk - bring the plans" is for the
/// site walk.
const PURPOSE_ENDS: [&str; 5] = [" - ", " – ", ", ", " then ", " and then "];

/// The user's words said back to them: "our sparky" → "your sparky".
fn in_second_person(said: &str) -> String {
    said.split_whitespace()
        .map(|w| match w {
            "our" | "my" => "your",
            "me" | "us" => "you",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The call or message a note asks for later (see [`AskedBack`]).
pub fn asked_back(note: &str, written: NaiveDate) -> Option<AskedBack> {
    note.split(['.', ';', '\n', '!', '?']).find_map(|clause| {
        // ASCII lowering keeps byte offsets, so a place found in `lower` is
        // the same place in `clause`.
        let lower = clause.to_ascii_lowercase();
        let words = words_of(&lower.replace('\u{2019}', "'"));
        let (from, named, verb) = contact_from_words(&words, written)?;
        // "He'll call me after the 11th", "she will ring in Jan": theirs.
        let before: Vec<&str> = words[..verb]
            .iter()
            .rev()
            .take(2)
            .map(String::as_str)
            .collect();
        if match before.as_slice() {
            [w, ..] if THEY_WILL[..6].contains(w) => true,
            ["will" | "would" | "to", who, ..] => THEY_WILL[6..].contains(who),
            [w, ..] => THEY_WILL[6..].contains(w),
            [] => false,
        } {
            return None;
        }
        let call = CALL_VERBS.contains(&words[verb].as_str());
        // "Call me back", "asked me to ring in Jan", "wants us to email".
        let theirs = words[verb + 1..]
            .iter()
            .take(2)
            .any(|w| matches!(w.as_str(), "me" | "us"))
            || words[..verb]
                .iter()
                .any(|w| matches!(w.as_str(), "asked" | "asks" | "wants" | "wanted"))
            // "Said to get in touch in the new year": their word to the user.
            || words[..verb].windows(2).enumerate().any(|(i, w)| {
                matches!(w[0].as_str(), "said" | "says")
                    && w[1] == "to"
                    && (i == 0 || matches!(words[i - 1].as_str(), "he" | "she" | "they"))
            });
        // The purpose is said after the verb: "to" before it is part of the
        // ask ("asked me to call after 11 Jan").
        let verb_at = lower
            .match_indices(words[verb].as_str())
            .map(|(at, _)| at)
            .find(|&at| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric())
            .unwrap_or(0);
        let purpose = lower[verb_at..].match_indices(" to ").find_map(|(at, _)| {
            let rest = clause.get(verb_at + at + 1..)?;
            let verb = rest.split_whitespace().nth(1)?.to_lowercase();
            PURPOSE_VERBS.contains(&verb.as_str()).then(|| {
                let end = PURPOSE_ENDS
                    .iter()
                    .filter_map(|e| rest.find(e))
                    .min()
                    .unwrap_or(rest.len());
                in_second_person(rest[..end].trim().trim_end_matches([',', ':', ' ']))
            })
        });
        // "lets talk about their payroll - so Jan": what the talk is about.
        let purpose = purpose.or_else(|| {
            if !matches!(words[verb].as_str(), "talk" | "speak" | "chat") {
                return None;
            }
            let about = lower[verb_at..].find(" about ")? + verb_at + 1;
            let rest = clause.get(about..)?;
            let end = PURPOSE_ENDS
                .iter()
                .filter_map(|e| rest.find(e))
                .min()
                .unwrap_or(rest.len());
            let said = rest[..end].trim().trim_end_matches([',', ':', ' ']);
            (said.split_whitespace().count() > 1).then(|| in_second_person(said))
        });
        Some(AskedBack {
            from,
            named,
            call,
            theirs,
            purpose,
        })
    })
}

/// The day a note asks to get in touch no sooner than (see
/// [`contact_from_words`]): the user's own word on when.
pub fn contact_from(note: &str, written: NaiveDate) -> Option<NaiveDate> {
    // Most notes hold no verb of getting in touch, and are not read further.
    static FIRST_LOOK: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    // "St. Patrick's Day": the saint's dot ends no sentence.
    let lower = note.to_lowercase().replace("st. patrick", "st patrick");
    if !FIRST_LOOK
        .get_or_init(|| super::cues::Cues::new(&CONTACT_VERBS))
        .any_in(&lower)
    {
        return None;
    }
    lower
        .split(['.', ';', '\n', '!', '?'])
        .find_map(|clause| contact_from_words(&words_of(clause), written))
        .map(|(from, _, _)| from)
}

/// Cues that business is parked for a while, however long the note says.
const PARKED: [&str; 12] = [
    "no appetite",
    // "paperwork in Feb. Nothing needed from me before then".
    "nothing needed",
    "on hold",
    "parked",
    "not a priority",
    "no budget until",
    "no budget till",
    // "Nothing moves before the April budget".
    "nothing moves",
    "nothing happens before",
    "nothing happens until",
    "nothing until",
    "nothing before",
];

/// Cues that business waits for a day the note names ("revisit after
/// go-live", with "go-live slipped to Apr 2027" beside it).
/// "Keen on a demo in Feb once it's done" waits too (see
/// [`super::notes::ONCE_DONE`]).
/// "She'll review w Victor in Jan", "they'll decide in Q1": the ball is in
/// their court until the month named.
const REVISIT: [&str; 12] = [
    "revisit",
    "circle back",
    "come back to",
    "not before",
    "'ll review",
    "\u{2019}ll review",
    "will review",
    "'ll decide",
    "\u{2019}ll decide",
    "will decide",
    "'ll get back",
    "will get back",
];

/// How long business a note parks without a day stays parked.
const PARKED_DEFAULT_DAYS: i64 = 120;

/// The days a note parks business for ("no appetite for a new system until
/// SAP is done", "revisit after go-live" with "go-live slipped to Apr 2027"):
/// from the note's day to the latest day ahead the note names, or for
/// [`PARKED_DEFAULT_DAYS`] when a parking cue names none ("revisit" alone
/// parks nothing: "revisit pricing next week" is a plan, not a pause).
pub fn parked_days(note: &str, written: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let lower = note.to_lowercase();
    let parked = PARKED.iter().any(|cue| lower.contains(cue));
    if !parked
        && !REVISIT
            .iter()
            .chain(&super::notes::ONCE_DONE)
            .chain(&super::notes::KNOW_LATER)
            .any(|cue| lower.contains(cue))
    {
        return None;
    }
    let words = words_of(&lower);
    // "Not before Q2": a quarter starts on its first month's first day.
    let quarter = words
        .iter()
        .filter_map(|w| match w.as_str() {
            "q1" => Some(1),
            "q2" => Some(4),
            "q3" => Some(7),
            "q4" => Some(10),
            _ => None,
        })
        .filter_map(|month| next_on(written, month, 1))
        .max();
    let latest = (0..words.len())
        .filter(|&i| month_named(&words[i]).is_some() || short_month(&words[i]).is_some())
        // From a word or two before the month, for "mid-Jan" or "15 Jan".
        .filter_map(|i| {
            (i.saturating_sub(2)..=i).find_map(|from| named_day(&words[from..], written))
        })
        .chain(quarter)
        .filter(|d| *d > written && (*d - written).num_days() <= 2 * AWAY_LONGEST_DAYS)
        .max();
    let end = match latest {
        Some(day) => day,
        None if parked => written + Duration::days(PARKED_DEFAULT_DAYS),
        None => return None,
    };
    Some((written, end))
}

/// The day the first words name, skipping small words: "14 Dec", "Dec 14th",
/// "mid-January" (15th), "early Jan" (1st), "late Jan" or "the end of
/// January" (22nd), "January" (1st); the first such day on or after two
/// weeks before the note (as notes name days ahead).
fn named_day(words: &[String], written: NaiveDate) -> Option<NaiveDate> {
    let from = written - Duration::days(14);
    let mut day = None;
    for (i, word) in words.iter().enumerate().take(5) {
        let w = word.as_str();
        // "call me after Paddy's Day", "back after Easter".
        if let Some(feast) = feast_day(&words[i..], written) {
            return Some(feast);
        }
        if let Some(month) = month_named(w).or_else(|| short_month(w)) {
            // "1 Mar 2027": a year after the month is the year meant.
            let year = words
                .get(i + 1)
                .and_then(|y| y.parse::<i32>().ok())
                .filter(|y| (1900..=2200).contains(y));
            // "Dec 14th", "Jan 4": the day after the month.
            let day = day.or_else(|| {
                words
                    .get(i + 1)
                    .and_then(|w| {
                        w.trim_end_matches(|c: char| c.is_alphabetic())
                            .parse::<u32>()
                            .ok()
                    })
                    .filter(|d| (1..=31).contains(d))
            });
            return match year {
                Some(year) => NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1)),
                None => next_on(from, month, day.unwrap_or(1)),
            };
        }
        let number = w
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d));
        match (number, w) {
            (Some(n), _) => day = Some(n),
            (None, "mid" | "metà" | "mitte") => day = Some(15),
            (None, "early" | "start" | "beginning" | "inizio" | "anfang") => day = Some(1),
            // "fine gennaio": Italian for the end of January.
            (None, "late" | "end" | "fine" | "ende") => day = Some(22),
            // "back from leave mid-Jan", "back in the office on 5 Jan".
            (
                None,
                "on" | "in" | "the" | "of" | "from" | "at" | "around" | "about" | "leave"
                | "holiday" | "holidays" | "office" | "work" | "award" | "close" | "closing"
                // "until award, expected Feb 2027", "back probably mid-Jan".
                | "expected" | "due" | "likely" | "probably" | "planned" | "scheduled"
                | "approx" | "approximately" | "roughly" | "st"
                // "until the decision, expected mid-January".
                | "decision" | "outcome" | "result" | "results" | "announcement" | "a"
                // "mat leave starts Dec 18".
                | "starts" | "starting" | "begins",
            ) => {}
            _ => return None,
        }
    }
    None
}

/// The next day on or after `from` of a feast the first words name:
/// "easter" (Easter Sunday), "paddy's day" or "patrick's day" (17 March).
fn feast_day(words: &[String], from: NaiveDate) -> Option<NaiveDate> {
    match words.first()?.as_str() {
        "easter" => [from.year(), from.year() + 1]
            .into_iter()
            .map(easter_sunday)
            .find(|d| *d >= from),
        "paddy's" | "paddys" | "patrick's" | "patricks"
            if words.get(1).is_some_and(|w| w == "day") =>
        {
            next_on(from, 3, 17)
        }
        _ => None,
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of
/// Meeus, Jones and Butcher).
fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // The formula gives March or April and a day within it.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

/// A month's short form ("dec", "sept"), "may" and "mar" included here: after
/// a word like "until" or "back" they are months.
fn short_month(word: &str) -> Option<u32> {
    const SHORT: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = if word == "sept" { "sep" } else { word };
    SHORT.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::notes::note_dates;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn targets(note: &str, written: &str) -> Vec<(NaiveDate, NaiveDate)> {
        let written = d(written);
        note_targets(note, written, &note_dates(note, written))
            .into_iter()
            .map(|t| (t.day, t.by))
            .collect()
    }

    #[test]
    fn deadlines_named_by_month_say_what_and_when() {
        let w = d("2026-12-01");
        let named = |note: &str| {
            month_deadline_dates(note, w)
                .into_iter()
                .map(|d| (d.what, d.on, d.when.unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            named("RFI input before Easter."),
            vec![(
                "RFI input".to_owned(),
                d("2027-03-25"),
                "before Easter".to_owned()
            )]
        );
        // What is wanted, after who wants it, and after a dash.
        assert_eq!(
            named("Tom asked about adding the Rota module for their summer season - wants a price by mid Jan for their budget round"),
            vec![("a price".to_owned(), d("2027-01-15"), "by mid Jan".to_owned())]
        );
        assert_eq!(
            named("Marcus wants 2 customer quotes for the cold chain case study by mid Jan. asked Rachel, pending"),
            vec![("2 customer quotes".to_owned(), d("2027-01-15"), "by mid Jan".to_owned())]
        );
        // What is due ends at a bracket closed before it.
        assert_eq!(
            named(
                "Hank (Indiana Ready Mix, 75 mixers) wants a demo in Jan once the budget is set."
            ),
            vec![("a demo".to_owned(), d("2027-01-01"), "in Jan".to_owned())]
        );
        assert_eq!(
            named("Joint webinar idea for Feb - she'll send dates."),
            vec![(
                "Joint webinar".to_owned(),
                d("2027-02-01"),
                "for Feb".to_owned()
            )]
        );
        assert_eq!(
            named("Renewal due in March, wants a multi-year option."),
            vec![("Renewal".to_owned(), d("2027-03-01"), "in March".to_owned())]
        );
        assert_eq!(
            named("Budget to be agreed by the end of February."),
            vec![(
                "Budget".to_owned(),
                d("2027-02-28"),
                "by the end of February".to_owned()
            )]
        );
        assert_eq!(
            named("Need the board pack by St. Patrick's Day."),
            vec![(
                "the board pack".to_owned(),
                d("2027-03-16"),
                "by St Patrick's Day".to_owned()
            )]
        );
        assert_eq!(
            named("Go-live mid-March."),
            vec![(
                "Go-live".to_owned(),
                d("2027-03-15"),
                "mid-March".to_owned()
            )]
        );
        assert_eq!(
            named("Decision by end of Jan on the Galway depot pilot."),
            vec![(
                "Decision on the Galway depot pilot".to_owned(),
                d("2027-01-31"),
                "by end of Jan".to_owned()
            )]
        );
        // No thing named: no name to speak of.
        assert_eq!(named("He said by the end of February."), vec![]);
        assert_eq!(named("Busy in January"), vec![]);
        assert_eq!(named("Coming to Dublin in Feb for the congress"), vec![]);
    }

    #[test]
    fn visits_name_the_place_and_the_time() {
        let w = d("2026-12-01");
        let visits = |note: &str| {
            visit_dates(note, w)
                .into_iter()
                .map(|d| (d.what, d.on, d.when.unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            visits("Coming to Dublin in Feb for the ITS congress, keen to meet."),
            vec![("Dublin".to_owned(), d("2027-02-01"), "in Feb".to_owned())]
        );
        assert_eq!(
            visits("She'll be in New York 10-12 Mar for the board."),
            vec![(
                "New York".to_owned(),
                d("2027-03-10"),
                "on 10-12 Mar".to_owned()
            )]
        );
        assert_eq!(
            visits("Visiting Cork mid-January with the family"),
            vec![(
                "Cork".to_owned(),
                d("2027-01-15"),
                "in mid-January".to_owned()
            )]
        );
        // Moving is news, not a visit; no place, no time: nothing.
        assert_eq!(visits("Moving to Cork in Feb"), vec![]);
        assert_eq!(visits("Coming to the office in Feb"), vec![]);
        assert_eq!(visits("Coming to Dublin at some point"), vec![]);
    }

    #[test]
    fn feasts_name_their_days() {
        assert_eq!(easter_sunday(2027), d("2027-03-28"));
        assert_eq!(easter_sunday(2026), d("2026-04-05"));
        assert_eq!(easter_sunday(2028), d("2028-04-16"));
        let w = d("2026-12-01");
        // Before Easter: by the Thursday before Good Friday.
        assert_eq!(
            month_deadlines("RFI input before Easter", w),
            vec![d("2027-03-25")]
        );
        assert_eq!(
            month_deadlines("Need the board pack by St Patrick's Day.", w),
            vec![d("2027-03-16")]
        );
        // "so Jan" says when to talk.
        assert_eq!(
            contact_from(
                "He said give him 3 months to settle in then lets talk about their payroll - so Jan",
                w
            ),
            Some(d("2027-01-01"))
        );
        // After them: from the day after.
        assert_eq!(
            contact_from("Call me after Paddy's Day", w),
            Some(d("2027-03-18"))
        );
        assert_eq!(
            contact_from("Ring him after Easter, slammed till then", w),
            Some(d("2027-03-29"))
        );
        assert_eq!(
            contact_from("Call me after St. Patrick's Day", w),
            Some(d("2027-03-18"))
        );
        // An Easter egg hunt is no day.
        assert_eq!(
            month_deadlines("Brought Easter eggs for the kids", w),
            vec![]
        );
    }

    #[test]
    fn a_call_asked_for_later_says_what_for_and_whose_it_is() {
        let w = d("2026-11-20");
        let asked = |note: &str| asked_back(note, w);
        let mark = asked("Call me after 11 Jan to book a site walk with our sparky - bring plans")
            .unwrap();
        assert_eq!(mark.from, d("2027-01-12"));
        assert!(mark.call && mark.theirs);
        assert_eq!(
            mark.purpose.as_deref(),
            Some("to book a site walk with your sparky")
        );
        // A "to" before the verb is part of the ask, not its purpose.
        let jo =
            asked("Asked me to email her in Jan to set up a demo for us, then pricing").unwrap();
        assert!(!jo.call && jo.theirs, "{jo:?}");
        assert_eq!(jo.purpose.as_deref(), Some("to set up a demo for you"));
        // A talk about something: that is what it is for.
        let carl =
            asked("Give him 3 months to settle in then lets talk about their payroll - so Jan")
                .unwrap();
        assert_eq!(carl.purpose.as_deref(), Some("about their payroll"));
        // The verb says the channel, not a call named elsewhere.
        let ed = asked("Good call today. Email after 11 Jan re the renewal").unwrap();
        assert!(!ed.call && !ed.theirs, "{ed:?}");
        // The user's own plan.
        assert!(asked("Ring him after 11 Jan").is_some_and(|a| a.call && !a.theirs));
        // What they said to do is theirs.
        let said =
            asked("Sophos renewal June 2027. Said to get in touch in the new year.").unwrap();
        assert!(
            !said.call && said.theirs && said.purpose.is_none(),
            "{said:?}"
        );
        // The user's word, or someone else's boss's, is not theirs.
        for not_theirs in [
            "I said to her I'd get in touch in the new year.",
            "Her boss said to get in touch with procurement in the new year.",
        ] {
            assert!(asked(not_theirs).is_none_or(|a| !a.theirs), "{not_theirs}");
        }
        // After a thing whose day the clause names further on.
        let budget = asked("Call me after the budget: council passes it on 18 Feb").unwrap();
        assert_eq!(
            (budget.from, budget.named),
            (d("2027-02-19"), d("2027-02-18"))
        );
        assert!(asked("Call me after the budget").is_none());
        // A month in another language.
        assert_eq!(
            named_day(&words_of("award expected fine gennaio 2027"), w),
            Some(d("2027-01-22"))
        );
        // "After the holidays" with what for.
        let r = asked("Flat out till Xmas w year end - call her after the holidays to set up a discovery session").unwrap();
        assert_eq!(r.from, d("2027-01-04"));
        assert_eq!(r.purpose.as_deref(), Some("to set up a discovery session"));
        // After a month: from the first of the next.
        let feb = asked("Ping her after January, budgets reset").unwrap();
        assert_eq!((feb.from, feb.named), (d("2027-02-01"), d("2027-01-31")));
        let jan = asked("Ping her after Jan 11").unwrap();
        assert_eq!((jan.from, jan.named), (d("2027-01-12"), d("2027-01-11")));
        // The contact will get in touch: nothing asked of the user.
        for note in [
            "Said he'd call me after 11 Jan",
            "She\u{2019}ll ring in Jan once back",
            "They will call after the holidays",
        ] {
            assert_eq!(asked(note), None, "{note}");
        }
        // A name that lowercases to another length keeps the purpose whole.
        let i = asked("İlkay: call after 11 Jan to confirm the PO").unwrap();
        assert_eq!(i.purpose.as_deref(), Some("to confirm the PO"));
    }

    #[test]
    fn months_and_holidays_in_a_note_are_deadlines_still_ahead() {
        let w = d("2026-11-20");
        assert_eq!(
            month_deadlines(
                "Wants robot training dates for her scrub team in January",
                w
            ),
            vec![d("2027-01-01")]
        );
        assert_eq!(
            month_deadlines(
                "Competitor is in every week, so we need to move before Christmas",
                w
            ),
            vec![d("2026-12-24")]
        );
        assert_eq!(
            month_deadlines("Off on paternity leave from mid-December", w),
            vec![d("2026-12-15")]
        );
        assert_eq!(
            month_deadlines("Budget to be agreed by the end of February.", w),
            vec![d("2027-02-28")]
        );
        assert_eq!(
            month_deadlines("Said we should get tickets for the Boxing Day game", w),
            vec![d("2026-12-26")]
        );
        // Past, after, too far, or the month already under way: nothing.
        for nothing in [
            "We met in January at the congress",
            "Revisit after Christmas",
            "Moving to Leeds in October",
            "Busy in November",
            "May be interested",
        ] {
            assert_eq!(month_deadlines(nothing, w), vec![], "{nothing}");
        }
    }

    #[test]
    fn deadlines_ask_for_a_ping_a_week_or_two_before_them() {
        // A committee in January: two weeks before it starts.
        assert_eq!(
            targets("Capital committee meets in January", "2026-11-10"),
            vec![(d("2026-12-18"), d("2027-01-01"))]
        );
        // A tender with two dates: a week before each.
        assert_eq!(
            targets(
                "Primary hip tender closes 15 Jan, PQQ answers by 8 Jan",
                "2026-11-18"
            ),
            vec![
                (d("2027-01-01"), d("2027-01-08")),
                (d("2027-01-08"), d("2027-01-15"))
            ]
        );
        // A date that is no deadline asks for nothing.
        assert_eq!(
            targets("Lunch with the team on 10 Dec", "2026-11-18"),
            vec![]
        );
    }

    #[test]
    fn dated_news_asks_for_a_ping_a_couple_of_days_after_it() {
        assert_eq!(
            targets("Her knee surgery is on 9 Dec", "2026-12-01"),
            vec![
                // A word of luck the day before (for family and friends).
                (d("2026-12-08"), d("2026-12-09")),
                (d("2026-12-11"), d("2026-12-23"))
            ]
        );
        // Told the day before, there is no time for a planned word of luck.
        assert_eq!(
            targets("Her knee surgery is on 9 Dec", "2026-12-07"),
            vec![(d("2026-12-11"), d("2026-12-23"))]
        );
    }

    #[test]
    fn a_note_says_when_someone_is_away() {
        let written = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let away = |note: &str| away_days(note, written).map(|a| (a.from, a.back));
        // A sabbatical's span, and its day back in a clause of its own.
        assert_eq!(
            away(
                "Sabbatical Jan 2027 - end of March 2027, sailing. Back 6 Apr. Deputy: Frau Lindl"
            ),
            Some((d("2027-01-01"), d("2027-04-06")))
        );
        assert_eq!(
            away("Sabbatical Jan 2027 - end of August 2027, sailing"),
            Some((d("2027-01-01"), d("2027-08-23")))
        );
        assert_eq!(
            away("Good call. On leave from 14 Dec, back 11 Jan."),
            Some((d("2026-12-14"), d("2027-01-11")))
        );
        assert_eq!(
            away("Off on paternity leave from mid-December"),
            Some((d("2026-12-15"), d("2027-01-26")))
        );
        assert_eq!(
            away("She goes on leave 18 Dec"),
            Some((d("2026-12-18"), d("2027-01-08")))
        );
        assert_eq!(
            away("Back from leave mid-Jan, call then"),
            Some((written, d("2027-01-15")))
        );
        assert_eq!(
            away("Off until 5 January"),
            Some((written, d("2027-01-05")))
        );
        assert_eq!(
            away("Heart bypass 9 Oct. Off work until mid-January per Julie."),
            Some((written, d("2027-01-15")))
        );
        // A year after the month is the year meant.
        assert_eq!(
            away("On mat leave until 1 Mar 2027"),
            Some((written, d("2027-03-01")))
        );
        // A span of days right after "off", "OOO", "PTO" or "out of office":
        // its last day is the last day away.
        assert_eq!(
            away("Nadia is off 11 Dec to 6 Jan, covering for her is Sam"),
            Some((d("2026-12-11"), d("2027-01-07")))
        );
        assert_eq!(
            away("Nadia off 11 Dec to 6 Jan, Sam covers"),
            Some((d("2026-12-11"), d("2027-01-07")))
        );
        assert_eq!(
            away("OOO 22 Dec to 2 Jan, Mike covers"),
            Some((d("2026-12-22"), d("2027-01-03")))
        );
        assert_eq!(
            away("PTO Dec 21 through Jan 4"),
            Some((d("2026-12-21"), d("2027-01-05")))
        );
        // Parental leave, however written, for the wording and its length.
        assert!(away_days("On mat leave from 18 Dec", written)
            .is_some_and(|a| a.parental && a.back == d("2027-01-29")));
        assert!(
            away_days("Buyer for the baby aisle. Off 14 Dec to 18 Dec.", written)
                .is_some_and(|a| !a.parental)
        );
        assert_eq!(
            away("Out of office from 18 Dec, back 5 Jan"),
            Some((d("2026-12-18"), d("2027-01-05")))
        );
        for nothing in [
            "Call back on 3 Dec",
            "Kick off 12 Jan to 14 Jan with the depot team",
            "Sign off 4 Dec to 8 Dec by legal",
            "Talk to Sam 6 Jan about the rollout",
            // A price, a block, a promotion, a product: no one is away.
            "Offered 15% off 14 Dec to 31 Dec if she signs",
            "$500 off Dec 1 through Dec 24",
            "Blocked off 14 Dec to 18 Dec for install",
            "Log off 5 Dec to 7 Dec for migration",
            "Holiday promo 14 Dec to 24 Dec pitched, she liked it",
            "Left a leave-behind, pilot runs 1 Dec to 14 Dec",
            "Vacation policy review 3 Dec to 5 Dec",
            "Demo of the PTO accrual module 10 Dec to 12 Dec",
            "Kick off on 12 Jan with the depot team",
            "Leave it with me",
            "On holiday last week, tanned",
            "Wants a quote before Christmas",
        ] {
            assert_eq!(away(nothing), None, "{nothing}");
        }
    }

    #[test]
    fn every_no_contact_cue_holds_a_word_looked_for_first() {
        for cue in NO_CONTACT {
            assert!(NO_CONTACT_WORDS.iter().any(|w| cue.contains(w)), "{cue}");
        }
    }

    #[test]
    fn a_note_asking_for_no_contact_names_its_days() {
        let written = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            no_contact_days(
                "Tender RFT 2026/114 open until 18 Dec 2pm: questions via the portal only, no informal contact until award on 22 Jan",
                written
            ),
            Some((written, d("2027-01-22")))
        );
        assert_eq!(
            no_contact_days("Probity rules: no contact till 18 Dec.", written),
            Some((written, d("2026-12-18")))
        );
        assert_eq!(
            no_contact_days(
                "RFP (14 offices). Tender open: formal contact only, via the portal, until award, expected Feb 2027.",
                written
            ),
            Some((written, d("2027-02-01")))
        );
        // In a tender, the award's month ends it, not a clarification
        // deadline named first.
        assert_eq!(
            no_contact_days(
                "Statewide arthroplasty panel RFT released. Closes 2pm Fri 18 Dec. Clarification q's via portal only, by 4 Dec. Award expected end of Feb",
                written
            ),
            Some((written, d("2027-03-01")))
        );
        // A hold "while" the tender is drafted ends with the month the note
        // names after it, even in the next sentence.
        assert_eq!(
            no_contact_days(
                "Trust going to tender, spring 27. Asked me not to contact her or anyone at the trust while its being drafted, procurement rules. Tender docs out end Jan.",
                written
            ),
            Some((written, d("2027-02-01")))
        );
        // How a customer orders is no rule on talking.
        assert_eq!(
            no_contact_days("Orders via portal only until 1 Feb migration.", written),
            None
        );
        // Not to be chased before a day, named there or earlier in the note.
        assert_eq!(
            no_contact_days(
                "POC done, strong results. Proposal goes to their board on 20 Jan. Brian asked me not to chase before then - he'll push it internally.",
                written
            ),
            Some((written, d("2027-01-21")))
        );
        // The last day named before the ask.
        assert_eq!(
            no_contact_days(
                "Legal review 12 Dec, board 20 Jan. Asked me not to chase before then.",
                written
            ),
            Some((written, d("2027-01-21")))
        );
        assert_eq!(
            no_contact_days("Don't chase before 15 Jan, she's on leave", written),
            Some((written, d("2027-01-16")))
        );
        // No day named: nothing held here (and nothing for good either).
        assert_eq!(
            no_contact_days(
                "Demo went well. Asked me not to chase before then.",
                written
            ),
            None
        );
        assert_eq!(no_contact_days("Going w Sage. Don't chase", written), None);
        assert_eq!(
            no_contact_days(
                "Year-end crunch Dec-Feb, nothing non-urgent till March",
                written
            ),
            Some((written, d("2027-03-01")))
        );
        assert_eq!(
            no_contact_days(
                "RFP 2026-114 closes 8 Jan 2027. No contact with City staff except Purchasing until award, expected Feb 2027.",
                written
            ),
            Some((written, d("2027-02-01")))
        );
        assert_eq!(
            no_contact_days(
                "Tender launched. Under tender rules no informal contact with Kestrel staff until the decision, expected mid-January.",
                written
            ),
            Some((written, d("2027-01-15")))
        );
        for nothing in [
            "No informal contact until award",
            "Had no contact with her since the move",
            "Call back on 3 Dec",
        ] {
            assert_eq!(no_contact_days(nothing, written), None, "{nothing}");
        }
    }
}
