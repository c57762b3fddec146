//! Concrete suggestions, chosen from templates kept as data (`suggestions.json`).
//!
//! Each template declares the reasons it serves, the relationships it fits, the
//! kind of interest it takes and what else it needs (a request to deliver, a
//! thread to pick up, a promise in a given state), so a template is only ever
//! filled with an interest of its kind, a first contact only gets
//! introductions, and gifts and calls are for the closer circles. What the user
//! wrote comes first: a promise, then a request, then the note's thread, then
//! personal news. Placeholders are filled in one pass, so a value that happens
//! to contain `{first}` stays as written.

use std::sync::OnceLock;

use serde::Deserialize;

use super::notes::{definite, event_name, PromiseReading, Request};
use super::Reason;
use crate::model::{Circle, InteractionKind};

/// The template data, parsed once.
#[derive(Debug, Deserialize)]
pub(super) struct TemplateFile {
    pub thread_words: Vec<String>,
    pub life_words: Vec<String>,
    pub favour_words: Vec<String>,
    pub filler: Vec<String>,
    pub request_openers: Vec<Opener>,
    pub request_kinds: Vec<RequestKind>,
    pub promise_acts: Vec<PromiseAct>,
    kinds: Vec<InterestKind>,
    templates: Vec<Template>,
}

/// Words that open a request ("asked for") and how it is delivered.
#[derive(Debug, Deserialize)]
pub(super) struct Opener {
    pub words: String,
    pub kind: String,
}

/// How a request is delivered, with the phrases that say so.
#[derive(Debug, Deserialize)]
pub(super) struct RequestKind {
    pub kind: String,
    pub words: Vec<String>,
    deliver: String,
    stale: String,
    after: String,
    done: String,
}

/// What a promise asks the user to do, with the phrases other pings use for it.
#[derive(Debug, Deserialize)]
pub(super) struct PromiseAct {
    pub act: String,
    pub verbs: Vec<String>,
    owed: String,
    coming: String,
    after: String,
}

#[derive(Debug, Deserialize)]
struct InterestKind {
    kind: String,
    words: Vec<String>,
}

/// One ping idea.
#[derive(Debug, Deserialize)]
struct Template {
    id: String,
    reasons: Vec<Reason>,
    relationships: Vec<Relationship>,
    #[serde(default)]
    fits: Option<String>,
    #[serde(default)]
    needs: Vec<Need>,
    #[serde(default)]
    event_round: Option<u8>,
    #[serde(default)]
    promise: Option<PromiseState>,
    #[serde(default)]
    act: Option<String>,
    #[serde(default)]
    request: Option<RequestState>,
    #[serde(default)]
    on_day: bool,
    #[serde(default)]
    year_end: bool,
    #[serde(default)]
    no_year_end: bool,
    action: InteractionKind,
    text: String,
}

/// How well the user knows the contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    /// Never talked to: only introductions.
    First,
    /// The acquaintance circle.
    Acquaintance,
    /// The network circle.
    Network,
    /// The core circle.
    Core,
    /// The inner circle.
    Inner,
}

impl Relationship {
    /// The relationship of a contact in `circle`, or a first contact.
    pub fn of(circle: Circle, never_contacted: bool) -> Relationship {
        if never_contacted {
            return Relationship::First;
        }
        match circle {
            Circle::Inner => Relationship::Inner,
            Circle::Core => Relationship::Core,
            Circle::Network => Relationship::Network,
            Circle::Acquaintance => Relationship::Acquaintance,
        }
    }
}

/// Where a promise stands relative to the ping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseState {
    /// The ping is the promise's own, on or before its day.
    Own,
    /// The ping is the promise's own, after its day.
    Late,
    /// A promise due later, worth delivering now (a contact not yet talked to).
    Early,
    /// A promise due later, to mention.
    Ahead,
    /// A promise due shortly before this ping (kept on its own ping): ask how it landed.
    After,
}

/// Where a contact's request stands relative to the ping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    /// Asked recently: deliver it.
    Fresh,
    /// Asked long ago, or something has happened since: ask whether it is still wanted.
    Stale,
    /// Delivered on an earlier ping: ask how it is working out.
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Need {
    Note,
    Life,
    Favour,
    Request,
    Event,
    Promise,
    Company,
}

/// The template data (parsed on first use).
pub(super) fn data() -> &'static TemplateFile {
    static DATA: OnceLock<TemplateFile> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(include_str!("suggestions.json"))
            .expect("the embedded suggestions.json is valid (checked by a unit test)")
    })
}

/// What a suggestion may mention about the contact and the ping.
#[derive(Debug, Clone, Copy)]
pub struct SuggestionContext<'a> {
    /// The contact's first name (or full name).
    pub first_name: &'a str,
    /// The contact's employer, when it names an organisation (not "Freelance").
    pub company: Option<&'a str>,
    /// The contact's interests with their kinds (see [`categorise`]).
    pub interests: &'a [(&'a str, Option<&'static str>)],
    /// How well the user knows them.
    pub relationship: Relationship,
    /// The event of a follow-up.
    pub event: Option<&'a str>,
    /// 1 or 2 for the first or second follow-up after an event.
    pub event_round: Option<u8>,
    /// A promise to act on or mention (for a promise ping, its own), as written.
    pub promise: Option<&'a str>,
    /// What that promise asks the user to do, when its verb is known.
    pub promise_reading: Option<&'a PromiseReading>,
    /// Where that promise stands relative to the ping.
    pub promise_state: Option<PromiseState>,
    /// When that promise is due, in words ("Fri 4 Dec").
    pub promise_due: Option<&'a str>,
    /// The business thread of the last note, a short fragment.
    pub note: Option<&'a str>,
    /// Personal news in the last note, a short fragment.
    pub life: Option<&'a str>,
    /// A favour the contact did, from the last note, a short fragment.
    pub favour: Option<&'a str>,
    /// Something the contact asked for in the last note.
    pub request: Option<&'a Request>,
    /// Where that request stands.
    pub request_state: Option<RequestState>,
    /// The note's day, in words ("26 Nov").
    pub note_date: Option<&'a str>,
    /// The event the note was written at.
    pub note_event: Option<&'a str>,
    /// Where a first contact comes from: " (you are connected on LinkedIn)" or "".
    pub how_connected: &'a str,
    /// For a birthday ping before the day: " for Saturday"; else "".
    pub birthday_for: &'a str,
    /// The ping is on the birthday itself (a call only makes sense then).
    pub on_day: bool,
    /// The ping falls in the last two weeks of the year: no business calls,
    /// calls offered for January.
    pub year_end: bool,
    /// A rhythm ping soon after the last touch: a light word, not a call.
    pub light: bool,
}

impl<'a> SuggestionContext<'a> {
    /// A context with nothing but a name and a relationship.
    pub fn plain(first_name: &'a str, relationship: Relationship) -> SuggestionContext<'a> {
        SuggestionContext {
            first_name,
            company: None,
            interests: &[],
            relationship,
            event: None,
            event_round: None,
            promise: None,
            promise_reading: None,
            promise_state: None,
            promise_due: None,
            note: None,
            life: None,
            favour: None,
            request: None,
            request_state: None,
            note_date: None,
            note_event: None,
            how_connected: "",
            birthday_for: "",
            on_day: false,
            year_end: false,
            light: false,
        }
    }
}

/// What a chosen suggestion draws on, so the why can say the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Uses {
    /// One of the contact's interests.
    pub interest: bool,
    /// The note's business thread.
    pub note: bool,
    /// The note's personal news.
    pub life: bool,
    /// A favour in the note.
    pub favour: bool,
    /// The contact's request.
    pub request: bool,
    /// A promise.
    pub promise: bool,
}

/// A chosen suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index of the template used (to avoid repeating it next time).
    pub template: usize,
    /// The text shown to the user.
    pub text: String,
    /// The kind of interaction doing it amounts to.
    pub action: InteractionKind,
    /// What it draws on.
    pub uses: Uses,
}

/// Which kind of suggestion a ping prefers, so a contact's year varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preference {
    /// What the user wrote: a promise, a request, the last note.
    Thread,
    /// One of their interests.
    Interest,
    /// Anything that fits.
    Any,
}

/// Each interest with its kind, computed once per contact.
pub fn categorise(interests: &[String]) -> Vec<(&str, Option<&'static str>)> {
    interests.iter().map(|i| (i.as_str(), kind_of(i))).collect()
}

/// The kind of an interest ("Celtics" → team), matched on whole words, first kind first.
pub fn kind_of(interest: &str) -> Option<&'static str> {
    let words: Vec<String> = interest
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return None;
    }
    data()
        .kinds
        .iter()
        .find(|k| {
            k.words.iter().any(|phrase| {
                let parts: Vec<&str> = phrase.split_whitespace().collect();
                !parts.is_empty()
                    && words
                        .windows(parts.len())
                        .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
            })
        })
        .map(|k| k.kind.as_str())
}

/// Whether a note holds something to pick up (an open question, a decision, a
/// pilot…) rather than a pleasantry ("Just back from holiday").
pub fn is_thread(note: &str) -> bool {
    let lower = note.to_lowercase();
    data()
        .thread_words
        .iter()
        .any(|w| lower.contains(w.as_str()))
}

/// Whether an employer names an organisation one could look up or help.
pub fn is_organisation(company: &str) -> bool {
    const GENERIC: [&str; 14] = [
        "freelance",
        "freelancer",
        "self-employed",
        "self employed",
        "independent",
        "consultant",
        "retired",
        "student",
        "none",
        "n/a",
        "na",
        "unemployed",
        "private",
        "personal",
    ];
    let c = company.trim().to_lowercase();
    c.chars().any(char::is_alphanumeric) && !GENERIC.contains(&c.as_str())
}

/// How strongly a template draws on what the user wrote: a promise first, then
/// a request, the note's thread, personal news; `None` for none of them.
fn thread_rank(t: &Template) -> Option<u8> {
    if t.promise.is_some() && !t.reasons.contains(&Reason::Promise) {
        Some(0)
    } else if t.needs.contains(&Need::Request) {
        Some(1)
    } else if t.needs.contains(&Need::Note) && t.needs.contains(&Need::Life) {
        Some(2)
    } else if t.needs.contains(&Need::Note) {
        Some(3)
    } else if t.needs.contains(&Need::Favour) {
        Some(4)
    } else if t.needs.contains(&Need::Life) {
        Some(5)
    } else {
        None
    }
}

/// Chooses a suggestion for a ping.
///
/// `seed` varies the choice between pings (a stable hash of contact and ping);
/// `prefer` asks for the user's own thread or an interest when one fits;
/// `avoid` is the template used for the contact's previous ping, and `recent`
/// the templates of the pings just before this one in the plan: they are left
/// out when something else fits, so neither a contact's year nor a day's list
/// repeats one sentence.
pub fn suggest(
    reason: Reason,
    ctx: &SuggestionContext<'_>,
    seed: u64,
    prefer: Preference,
    avoid: Option<usize>,
    recent: &[usize],
) -> Suggestion {
    let data = data();
    let has = |need: &Need| match need {
        Need::Note => ctx.note.is_some_and(|n| !n.trim().is_empty()),
        Need::Life => ctx.life.is_some_and(|n| !n.trim().is_empty()),
        Need::Favour => ctx.favour.is_some_and(|n| !n.trim().is_empty()),
        Need::Request => ctx.request.is_some() && ctx.request_state.is_some(),
        Need::Event => ctx.event.is_some_and(|e| !e.trim().is_empty()),
        Need::Promise => ctx.promise.is_some_and(|p| !p.trim().is_empty()),
        Need::Company => ctx.company.is_some_and(is_organisation),
    };
    let act = ctx.promise_reading.map(|r| r.act);
    let fits = |t: &Template| -> bool {
        t.reasons.contains(&reason)
            && t.relationships.contains(&ctx.relationship)
            && t.needs.iter().all(has)
            && (t.event_round.is_none() || t.event_round == ctx.event_round)
            && t.promise
                .is_none_or(|state| ctx.promise_state == Some(state) && has(&Need::Promise))
            && t.act.as_deref().is_none_or(|a| act == Some(a))
            && t.request
                .is_none_or(|state| ctx.request_state == Some(state))
            && (!t.on_day || ctx.on_day)
            && (!t.year_end || ctx.year_end)
            && (!t.no_year_end || !ctx.year_end)
            && !(ctx.light && matches!(t.action, InteractionKind::Call | InteractionKind::Meeting))
            && t.fits
                .as_deref()
                .is_none_or(|kind| ctx.interests.iter().any(|(_, k)| *k == Some(kind)))
    };
    let mut eligible: Vec<usize> = (0..data.templates.len())
        .filter(|&i| fits(&data.templates[i]))
        .collect();
    // A promise whose verb is known gets a template for that verb.
    if eligible.iter().any(|&i| data.templates[i].act.is_some()) {
        eligible.retain(|&i| {
            let t = &data.templates[i];
            t.act.is_some() || t.promise.is_none()
        });
    }
    let rank = |i: &usize| thread_rank(&data.templates[*i]);
    let interest = |i: &usize| data.templates[*i].fits.is_some();
    // Follow-ups pick up what the user wrote whenever there is something.
    let subset: Vec<usize> = match (reason, prefer) {
        (Reason::FollowUp, _) | (_, Preference::Thread) => {
            match eligible.iter().filter_map(rank).min() {
                Some(best) => eligible
                    .iter()
                    .copied()
                    .filter(|i| rank(i) == Some(best))
                    .collect(),
                None => Vec::new(),
            }
        }
        (_, Preference::Interest) => eligible.iter().copied().filter(interest).collect(),
        _ => Vec::new(),
    };
    // A thread the pings just before have used in the same words gives way,
    // unless it is a follow-up's or something the user owes or was asked.
    let worn = !subset.is_empty()
        && reason != Reason::FollowUp
        && subset.iter().all(|i| recent.contains(i))
        && subset.iter().all(|i| rank(i).is_some_and(|r| r >= 2));
    let subset = if worn { Vec::new() } else { subset };
    let mut pool = if subset.is_empty() {
        // Prefer what is neither thread nor interest, so those stay special.
        let plain: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|i| rank(i).is_none() && !interest(i))
            .collect();
        if plain.is_empty() {
            eligible
        } else {
            plain
        }
    } else {
        subset
    };
    if pool.len() > 1 {
        pool.retain(|&i| Some(i) != avoid);
    }
    if pool.iter().any(|i| !recent.contains(i)) {
        pool.retain(|i| !recent.contains(i));
    }
    let Some(&chosen) = pool.get((seed % pool.len().max(1) as u64) as usize) else {
        return Suggestion {
            template: usize::MAX,
            text: format!(
                "Send {} a short, personal hello.",
                clean(ctx.first_name, 60)
            ),
            action: InteractionKind::Message,
            uses: Uses::default(),
        };
    };
    let template = &data.templates[chosen];
    let matching: Vec<&str> = ctx
        .interests
        .iter()
        .filter(|(_, k)| template.fits.is_some() && *k == template.fits.as_deref())
        .map(|(name, _)| *name)
        .collect();
    let interest = matching
        .get(((seed >> 17) % matching.len().max(1) as u64) as usize)
        .copied()
        .unwrap_or("");
    let text = render(&template.text, ctx, interest);
    Suggestion {
        template: chosen,
        text,
        action: template.action,
        uses: Uses {
            interest: template.fits.is_some(),
            note: template.needs.contains(&Need::Note),
            life: template.needs.contains(&Need::Life),
            favour: template.needs.contains(&Need::Favour),
            request: template.needs.contains(&Need::Request),
            promise: template.promise.is_some(),
        },
    }
}

/// A user's value made safe for a sentence: one line, trimmed, at most `max` characters.
pub fn clean(value: &str, max: usize) -> String {
    // Most values are clean already: one short line without doubled spaces.
    let tidy = value.len() <= max
        && !value.starts_with(' ')
        && !value.ends_with(' ')
        && !value.contains("  ")
        && !value.contains(|c: char| c.is_whitespace() && c != ' ');
    if tidy {
        return value.to_owned();
    }
    let one_line: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    // At a word boundary when there is one in the last third.
    let at = cut
        .rfind(' ')
        .filter(|&i| i > cut.len() * 2 / 3)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The phrase a promise's act uses in other pings (`owed`, `coming`, `after`).
pub(super) fn act_phrase(act: &str, which: &str) -> Option<&'static str> {
    let a = data().promise_acts.iter().find(|a| a.act == act)?;
    Some(match which {
        "owed" => a.owed.as_str(),
        "coming" => a.coming.as_str(),
        _ => a.after.as_str(),
    })
}

/// The phrase a request's kind uses (`deliver`, `stale`, `after`, `done`).
pub(super) fn request_phrase(kind: &str, which: &str) -> Option<&'static str> {
    let k = data().request_kinds.iter().find(|k| k.kind == kind)?;
    Some(match which {
        "deliver" => k.deliver.as_str(),
        "stale" => k.stale.as_str(),
        "after" => k.after.as_str(),
        _ => k.done.as_str(),
    })
}

/// Whether a request's object is more than one thing ("the whitepaper and a
/// sample SLA", "case studies from wineries"): its head word, the one before
/// the first preposition, ends in "s".
pub(super) fn is_plural(object: &str) -> bool {
    const PREPOSITIONS: [&str; 9] = [
        "for", "from", "on", "of", "to", "with", "about", "before", "in",
    ];
    let lower = object.to_lowercase();
    if lower.contains(" and ") {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let head = words
        .iter()
        .position(|w| PREPOSITIONS.contains(w))
        .unwrap_or(words.len());
    head > 0
        && words[head - 1].ends_with('s')
        && !words[head - 1].ends_with("ss")
        && !matches!(
            words[head - 1],
            "this" | "its" | "his" | "analytics" | "logistics"
        )
}

/// "history books" → "history book", for "a {interest_one} tip".
fn singular(interest: &str) -> String {
    const PLURALS: [(&str, &str); 6] = [
        ("biographies", "biography"),
        ("podcasts", "podcast"),
        ("books", "book"),
        ("novels", "novel"),
        ("audiobooks", "audiobook"),
        ("records", "record"),
    ];
    for (many, one) in PLURALS {
        if let Some(stem) = interest.strip_suffix(many) {
            if stem.is_empty() || stem.ends_with(' ') {
                return format!("{stem}{one}");
            }
        }
    }
    interest.to_owned()
}

/// Fills a template's placeholders (one level deep: a phrase from the data
/// may hold placeholders of its own, a user's value never does).
pub(super) fn render(text: &str, ctx: &SuggestionContext<'_>, interest: &str) -> String {
    tidy(&fill(text, ctx, interest, None, 0))
}

/// Fills placeholders; `object` is a promise's object inside its act's phrase.
fn fill(
    text: &str,
    ctx: &SuggestionContext<'_>,
    interest: &str,
    object: Option<&str>,
    depth: u8,
) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        let capital = name.starts_with(|c: char| c.is_ascii_uppercase());
        let value = value(&name.to_lowercase(), ctx, interest, object, depth)
            .unwrap_or_else(|| format!("{{{name}}}"));
        if capital {
            out.push_str(&capitalise(&value));
        } else {
            out.push_str(&value);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Spaces and stops left by empty values: "Call Tom , as" → "Call Tom, as".
fn tidy(text: &str) -> String {
    let mut out = text.to_owned();
    for (from, to) in [
        ("  ", " "),
        (" ,", ","),
        (" .", "."),
        (" :", ":"),
        (" ;", ";"),
    ] {
        while out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out.trim().to_owned()
}

/// One placeholder's value; `None` for an unknown name (left as written).
fn value(
    name: &str,
    ctx: &SuggestionContext<'_>,
    interest: &str,
    object: Option<&str>,
    depth: u8,
) -> Option<String> {
    let first = || {
        let first = clean(ctx.first_name, 60);
        if first.is_empty() {
            "them".to_owned()
        } else {
            first
        }
    };
    let phrase = |text: Option<&str>, object: Option<&str>| {
        if depth > 0 {
            return String::new();
        }
        text.map(|t| fill(t, ctx, interest, object, depth + 1))
            .unwrap_or_default()
    };
    let request = ctx.request;
    let reading = ctx.promise_reading;
    Some(match name {
        "first" => first(),
        "interest" => clean(interest, 60),
        "interest_one" => singular(&clean(interest, 60)),
        "company" => clean(ctx.company.unwrap_or(""), 60),
        "event" => event_name(&clean(ctx.event.unwrap_or(""), 80)),
        "promise" => clean(ctx.promise.unwrap_or(""), 120)
            .trim_end_matches('.')
            .to_owned(),
        "promise_due" => ctx.promise_due.unwrap_or("").to_owned(),
        "object" => object.unwrap_or("").to_owned(),
        "promise_object" => reading.map(|r| r.object.clone()).unwrap_or_default(),
        "promise_coming" | "promise_after" | "promise_owed" => {
            let which = name.trim_start_matches("promise_");
            match reading {
                Some(r) => phrase(act_phrase(r.act, which), Some(&r.object)),
                None => phrase(
                    Some(match which {
                        "coming" => {
                            "say that what you promised (\u{201c}{promise}\u{201d}) comes by {promise_due}"
                        }
                        "owed" => "you promised {first} \u{201c}{promise}\u{201d} by {promise_due}",
                        _ => "ask {first} how what you promised (\u{201c}{promise}\u{201d}) landed",
                    }),
                    None,
                ),
            }
        }
        "note" => clean(ctx.note.unwrap_or(""), 100),
        "life" => clean(ctx.life.unwrap_or(""), 100),
        "favour" => clean(ctx.favour.unwrap_or(""), 100),
        "note_date" => ctx.note_date.unwrap_or("").to_owned(),
        "at_event" => ctx
            .note_event
            .map(|e| format!(" at {}", event_name(&clean(e, 80))))
            .unwrap_or_default(),
        "asked_when" => {
            let same_event = ctx.event.is_some() && ctx.event == ctx.note_event;
            match (same_event, ctx.note_date, ctx.note_event) {
                (true, _, _) | (false, None, _) => String::new(),
                (false, Some(date), Some(e)) => {
                    format!(" at {} on {date}", event_name(&clean(e, 80)))
                }
                (false, Some(date), None) => format!(" on {date}"),
            }
        }
        "request" => request.map(|r| r.object.clone()).unwrap_or_default(),
        "request_the" => request.map(|r| definite(&r.object)).unwrap_or_default(),
        "request_it" => if request.is_some_and(|r| is_plural(&r.object)) {
            "them"
        } else {
            "it"
        }
        .to_owned(),
        "request_is" => if request.is_some_and(|r| is_plural(&r.object)) {
            "are"
        } else {
            "is"
        }
        .to_owned(),
        "request_deliver" | "request_stale" | "request_after" => {
            let which = name.trim_start_matches("request_");
            let text = phrase(request.and_then(|r| request_phrase(r.kind, which)), None);
            // A second thing asked for in the same note is delivered with the first.
            match request.and_then(|r| r.and.as_deref()) {
                Some(and) if which == "deliver" && depth == 0 => {
                    let second = SuggestionContext {
                        request: Some(and),
                        note_date: None,
                        note_event: None,
                        event: None,
                        ..*ctx
                    };
                    let more = request_phrase(and.kind, which)
                        .map(|t| fill(t, &second, interest, None, depth + 1))
                        .unwrap_or_default();
                    format!("{text}, and {more}")
                }
                _ => text,
            }
        }
        "how_connected" => ctx.how_connected.to_owned(),
        "birthday_for" => ctx.birthday_for.to_owned(),
        "call_next" => if ctx.year_end {
            "a call on the next step in the first week of January"
        } else {
            "a short call on the next step"
        }
        .to_owned(),
        "call" => if ctx.year_end {
            "a short call in the first week of January"
        } else {
            "a short call"
        }
        .to_owned(),
        _ => return None,
    })
}

/// The id of a template, for tests and diagnostics.
pub fn template_id(index: usize) -> Option<&'static str> {
    data().templates.get(index).map(|t| t.id.as_str())
}

/// Every template's id and text, for tests that render them all.
pub fn all_templates() -> Vec<(&'static str, &'static str)> {
    data()
        .templates
        .iter()
        .map(|t| (t.id.as_str(), t.text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::notes::{read_note, read_promise};

    fn ctx<'a>(interests: &'a [(&'a str, Option<&'static str>)]) -> SuggestionContext<'a> {
        SuggestionContext {
            company: Some("Acme"),
            interests,
            ..SuggestionContext::plain("Ada", Relationship::Core)
        }
    }

    const REASONS: [Reason; 5] = [
        Reason::Cadence,
        Reason::Overdue,
        Reason::Birthday,
        Reason::Promise,
        Reason::FollowUp,
    ];
    const RELATIONSHIPS: [Relationship; 5] = [
        Relationship::First,
        Relationship::Acquaintance,
        Relationship::Network,
        Relationship::Core,
        Relationship::Inner,
    ];

    #[test]
    fn embedded_templates_parse_and_cover_every_reason_and_relationship() {
        let data = data();
        assert!(data.templates.len() >= 40);
        for reason in REASONS {
            for rel in RELATIONSHIPS {
                let any = data.templates.iter().any(|t| {
                    t.reasons.contains(&reason)
                        && t.relationships.contains(&rel)
                        && t.fits.is_none()
                        && t.needs.iter().all(|n| *n == Need::Event)
                        && t.act.is_none()
                        && t.request.is_none()
                        && !t.on_day
                        && !t.year_end
                        && (t.promise.is_none() || reason == Reason::Promise)
                });
                assert!(any, "no plain template for {reason:?} / {rel:?}");
            }
        }
        let ids: std::collections::HashSet<_> = data.templates.iter().map(|t| &t.id).collect();
        assert_eq!(ids.len(), data.templates.len(), "template ids are unique");
        let kinds: Vec<&str> = data.kinds.iter().map(|k| k.kind.as_str()).collect();
        let acts: Vec<&str> = data.promise_acts.iter().map(|a| a.act.as_str()).collect();
        for t in &data.templates {
            if let Some(kind) = &t.fits {
                assert!(
                    kinds.contains(&kind.as_str()),
                    "{}: unknown kind {kind}",
                    t.id
                );
                assert!(t.text.contains("{interest"), "{}", t.id);
            } else {
                assert!(!t.text.contains("{interest"), "{}", t.id);
            }
            if let Some(act) = &t.act {
                assert!(acts.contains(&act.as_str()), "{}: unknown act {act}", t.id);
                assert!(t.promise.is_some(), "{}", t.id);
            }
            for (need, placeholder) in [
                (Need::Note, "{note}"),
                (Need::Life, "{life}"),
                (Need::Favour, "{favour}"),
                (Need::Company, "{company}"),
            ] {
                assert_eq!(
                    t.needs.contains(&need),
                    t.text.contains(placeholder),
                    "{}: needs and placeholders disagree",
                    t.id
                );
            }
            let lower = t.text.to_lowercase();
            assert_eq!(
                t.needs.contains(&Need::Request),
                lower.contains("{request"),
                "{}",
                t.id
            );
            assert_eq!(
                t.request.is_some(),
                t.needs.contains(&Need::Request),
                "{}",
                t.id
            );
            assert_eq!(t.promise.is_some(), lower.contains("{promise"), "{}", t.id);
            if t.relationships.contains(&Relationship::First)
                && t.reasons.contains(&Reason::Cadence)
            {
                assert!(
                    !lower.contains("thought of you") && !lower.contains("thank"),
                    "{}",
                    t.id
                );
            }
            // Birthday calls and gifts are for the inner circle; calls only on the day.
            if t.reasons.contains(&Reason::Birthday) {
                if matches!(t.action, InteractionKind::Call) {
                    assert!(t.on_day, "{}", t.id);
                }
                if t.relationships.iter().any(|r| {
                    matches!(
                        r,
                        Relationship::First | Relationship::Acquaintance | Relationship::Network
                    )
                }) {
                    assert!(
                        !matches!(t.action, InteractionKind::Gift | InteractionKind::Call),
                        "{}",
                        t.id
                    );
                }
                if t.relationships.contains(&Relationship::Core) {
                    assert!(!matches!(t.action, InteractionKind::Call), "{}", t.id);
                }
            }
            // Business calls keep out of the year's last two weeks.
            if matches!(t.action, InteractionKind::Call | InteractionKind::Meeting)
                && t.reasons
                    .iter()
                    .any(|r| matches!(r, Reason::Cadence | Reason::Overdue))
            {
                assert!(t.no_year_end, "{}", t.id);
            }
            // The user's promises and requests are acted on, not pasted in whole.
            assert!(
                !t.text.contains("them") && !t.text.contains("their"),
                "{}",
                t.id
            );
        }
        for k in &data.request_kinds {
            for phrase in [&k.deliver, &k.stale, &k.after, &k.done] {
                assert!(
                    !phrase.contains("them") && !phrase.contains("their"),
                    "{phrase}"
                );
            }
        }
    }

    #[test]
    fn interests_are_matched_by_kind_on_whole_words() {
        assert_eq!(kind_of("Celtics"), Some("team"));
        assert_eq!(kind_of("New York Yankees"), Some("team"));
        assert_eq!(kind_of("sailing"), Some("sport"));
        assert_eq!(kind_of("golf"), Some("sport"));
        assert_eq!(kind_of("tea ceremony"), Some("food"));
        assert_eq!(kind_of("team building"), None);
        assert_eq!(kind_of("vinyl records"), Some("music_collect"));
        assert_eq!(kind_of("jazz"), Some("music"));
        assert_eq!(kind_of("history books"), Some("reading"));
        assert_eq!(kind_of("AI in logistics"), Some("topic"));
        assert_eq!(kind_of("volunteering"), Some("pursuit"));
        assert_eq!(kind_of("chess"), Some("game"));
        assert_eq!(kind_of("Japan"), Some("place"));
        assert_eq!(kind_of("travel"), Some("travel"));
        assert_eq!(kind_of("Prospects"), None);
        assert_eq!(kind_of(""), None);
        let names = vec!["Celtics".to_owned()];
        let interests = categorise(&names);
        let mut seen = std::collections::HashSet::new();
        for seed in 0..50 {
            let s = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Interest,
                None,
                &[],
            );
            assert!(s.uses.interest);
            assert!(s.text.contains("Celtics"), "{}", s.text);
            // Something to do on the day, not after a game to come.
            assert!(!s.text.contains("next"), "{}", s.text);
            seen.insert(template_id(s.template));
        }
        assert!(seen.len() >= 2, "{seen:?}");
    }

    #[test]
    fn a_template_is_only_filled_with_an_interest_of_its_kind() {
        let names = vec![
            "New York Yankees".to_owned(),
            "tea ceremony".to_owned(),
            "vinyl records".to_owned(),
            "golf".to_owned(),
            "volunteering".to_owned(),
            "Japan".to_owned(),
        ];
        let interests = categorise(&names);
        for seed in 0..200 {
            for rel in [
                Relationship::Acquaintance,
                Relationship::Network,
                Relationship::Core,
                Relationship::Inner,
            ] {
                let c = SuggestionContext {
                    relationship: rel,
                    ..ctx(&interests)
                };
                let s = suggest(Reason::Cadence, &c, seed, Preference::Interest, None, &[]);
                let id = template_id(s.template).unwrap_or("");
                let lower = s.text.to_lowercase();
                if s.text.contains("Yankees") {
                    assert!(id.starts_with("team"), "{}", s.text);
                }
                if s.text.contains("tea ceremony") {
                    assert!(
                        id.starts_with("food") && !s.text.contains("coffee"),
                        "{}",
                        s.text
                    );
                }
                if s.text.contains("vinyl") {
                    assert_eq!(id, "vinyl-tip", "{}", s.text);
                    assert!(!lower.contains("playlist"), "{}", s.text);
                }
                if s.text.contains("golf") {
                    assert!(!lower.contains("race"), "{}", s.text);
                }
                if s.text.contains("volunteering") {
                    assert!(!lower.contains("article"), "{}", s.text);
                }
                if s.text.contains("Japan") && rel == Relationship::Acquaintance {
                    assert!(!lower.contains("photo"), "{}", s.text);
                }
            }
        }
    }

    #[test]
    fn first_contacts_get_introductions_and_companies_are_never_topics() {
        let names = vec!["Prospects".to_owned(), "skiing".to_owned()];
        let interests = categorise(&names);
        for seed in 0..100 {
            let c = SuggestionContext {
                relationship: Relationship::First,
                company: Some("Freelance"),
                how_connected: " (you are connected on LinkedIn)",
                ..ctx(&interests)
            };
            for prefer in [Preference::Thread, Preference::Interest, Preference::Any] {
                let s = suggest(Reason::Overdue, &c, seed, prefer, None, &[]);
                let lower = s.text.to_lowercase();
                assert!(
                    lower.contains("introduce") || lower.contains("say hello"),
                    "{}",
                    s.text
                );
                assert!(
                    !s.text.contains("Freelance") && !s.text.contains("Prospects"),
                    "{}",
                    s.text
                );
                assert!(!lower.contains("skiing"), "{}", s.text);
                assert!(!lower.contains("thought of you"), "{}", s.text);
                assert!(!lower.contains("added"), "{}", s.text);
            }
        }
        assert!(!is_organisation("Freelance") && !is_organisation(" - "));
        assert!(is_organisation("Acme Logistics"));
        assert!(is_thread(
            "Wants a follow-up on pricing for the enterprise tier."
        ));
        assert!(!is_thread("Just back from holiday, very relaxed."));
    }

    #[test]
    fn birthdays_fit_the_relationship_and_the_day() {
        for seed in 0..50 {
            let names = vec!["coffee".to_owned()];
            let interests = categorise(&names);
            for rel in [Relationship::Acquaintance, Relationship::Network] {
                let c = SuggestionContext {
                    relationship: rel,
                    on_day: true,
                    ..ctx(&interests)
                };
                let s = suggest(Reason::Birthday, &c, seed, Preference::Interest, None, &[]);
                assert_eq!(s.action, InteractionKind::Message, "{}", s.text);
                let lower = s.text.to_lowercase();
                assert!(
                    !lower.contains("gift") && !lower.contains("call") && !lower.contains("sing"),
                    "{}",
                    s.text
                );
            }
            // A core contact gets no call; an inner one only on the day itself.
            let core = SuggestionContext {
                on_day: true,
                ..ctx(&interests)
            };
            let s = suggest(Reason::Birthday, &core, seed, Preference::Any, None, &[]);
            assert_ne!(s.action, InteractionKind::Call, "{}", s.text);
            let before = SuggestionContext {
                relationship: Relationship::Inner,
                birthday_for: " for Saturday",
                ..ctx(&interests)
            };
            let s = suggest(Reason::Birthday, &before, seed, Preference::Any, None, &[]);
            assert_ne!(s.action, InteractionKind::Call, "{}", s.text);
            assert!(s.text.contains("for Saturday"), "{}", s.text);
        }
    }

    #[test]
    fn notes_promises_and_events_are_used_as_written() {
        let c = SuggestionContext {
            note: Some("Talked about the ROI calculator"),
            note_date: Some("26 Nov"),
            note_event: Some("SaaStr Europa"),
            ..ctx(&[])
        };
        let s = suggest(Reason::Cadence, &c, 3, Preference::Thread, None, &[]);
        assert!(
            s.text.contains("ROI calculator") && s.text.contains("26 Nov"),
            "{}",
            s.text
        );
        assert!(s.uses.note);
        let f = SuggestionContext {
            event: Some("SaaStr Europa"),
            event_round: Some(1),
            ..c
        };
        let s = suggest(Reason::FollowUp, &f, 1, Preference::Any, None, &[]);
        assert!(
            s.text.contains("SaaStr Europa") && s.text.contains("ROI calculator"),
            "{}",
            s.text
        );
        let second = SuggestionContext {
            event_round: Some(2),
            ..f
        };
        assert!(
            suggest(Reason::FollowUp, &second, 1, Preference::Any, None, &[])
                .text
                .contains("Three weeks")
        );
        // "a customer dinner" is "the customer dinner" once both were there.
        let dinner = SuggestionContext {
            event: Some("a customer dinner"),
            ..second
        };
        let s = suggest(Reason::FollowUp, &dinner, 1, Preference::Any, None, &[]);
        assert!(s.text.contains("after the customer dinner"), "{}", s.text);
    }

    #[test]
    fn a_request_in_the_note_is_delivered_not_checked_in_on() {
        let reading = read_note(
            "Wants a follow-up on pricing for the enterprise tier.",
            "Bea",
        );
        let request = reading.request.clone().unwrap();
        let fresh = SuggestionContext {
            first_name: "Bea",
            note: reading.thread.as_deref(),
            request: Some(&request),
            request_state: Some(RequestState::Fresh),
            note_date: Some("27 Nov"),
            ..ctx(&[])
        };
        for seed in 0..20 {
            let s = suggest(Reason::Cadence, &fresh, seed, Preference::Thread, None, &[]);
            assert!(s.uses.request, "{}", s.text);
            assert!(
                s.text
                    .starts_with("Send Bea pricing for the enterprise tier, as asked on 27 Nov"),
                "{}",
                s.text
            );
            assert!(!s.text.contains("Check in"), "{}", s.text);
        }
        let reading = read_note("Loved the case study — asked for a reference call.", "Rae");
        let request = reading.request.clone().unwrap();
        let stale = SuggestionContext {
            first_name: "Rae",
            request: Some(&request),
            request_state: Some(RequestState::Stale),
            note_date: Some("7 Aug"),
            ..ctx(&[])
        };
        let s = suggest(Reason::Overdue, &stale, 1, Preference::Thread, None, &[]);
        assert_eq!(
            s.text,
            "Ask Rae whether the reference call asked for on 7 Aug is still wanted; if so, set it up this week with a word of apology for the wait."
        );
        // At the event it was asked at, the follow-up delivers it.
        let reading = read_note(
            "Liked our demo; wants a sandbox account for her team",
            "Aiko",
        );
        let request = reading.request.clone().unwrap();
        let follow = SuggestionContext {
            first_name: "Aiko",
            event: Some("Data Council"),
            event_round: Some(1),
            note: reading.thread.as_deref(),
            request: Some(&request),
            request_state: Some(RequestState::Fresh),
            note_date: Some("24 Nov"),
            note_event: Some("Data Council"),
            ..ctx(&[])
        };
        let s = suggest(Reason::FollowUp, &follow, 1, Preference::Any, None, &[]);
        assert_eq!(
            s.text,
            "Email Aiko after Data Council: thanks for the conversation; then set up a sandbox account for her team, as Aiko asked."
        );
        let second = SuggestionContext {
            event_round: Some(2),
            request_state: Some(RequestState::After),
            ..follow
        };
        let s = suggest(Reason::FollowUp, &second, 1, Preference::Any, None, &[]);
        assert!(
            s.text
                .contains("ask Aiko how the sandbox account for her team is working out"),
            "{}",
            s.text
        );
    }

    #[test]
    fn plural_requests_read_as_plural() {
        assert!(is_plural("the security whitepaper and a sample SLA"));
        assert!(is_plural("case studies from family-owned wineries"));
        assert!(!is_plural("pricing for the enterprise tier"));
        assert!(!is_plural("a quote for 40 seats before year end"));
        assert!(!is_plural("a reference call"));
        assert!(!is_plural("access"));
        assert!(!is_plural(""));
        let request = Request {
            kind: "send",
            object: "the security whitepaper and a sample SLA".to_owned(),
            and: None,
        };
        let c = SuggestionContext {
            request: Some(&request),
            request_state: Some(RequestState::Stale),
            note_date: Some("2 Dec"),
            ..ctx(&[])
        };
        let s = suggest(Reason::Cadence, &c, 1, Preference::Thread, None, &[]);
        assert!(
            s.text.contains("are still wanted; if so, send them"),
            "{}",
            s.text
        );
        assert_eq!(singular("podcasts"), "podcast");
        assert_eq!(singular("history books"), "history book");
        assert_eq!(singular("jazz"), "jazz");
    }

    #[test]
    fn a_promise_s_verb_picks_the_action() {
        let call = read_promise("Call Tom after his budget meeting", "Tom", "Tom Becker").unwrap();
        let c = SuggestionContext {
            first_name: "Tom",
            promise: Some("Call Tom after his budget meeting"),
            promise_reading: Some(&call),
            promise_state: Some(PromiseState::Own),
            promise_due: Some("Fri 11 Dec"),
            ..ctx(&[])
        };
        let s = suggest(Reason::Promise, &c, 1, Preference::Any, None, &[]);
        assert_eq!(s.action, InteractionKind::Call);
        assert_eq!(
            s.text,
            "Call Tom after his budget meeting, as you promised, and agree the next step."
        );
        let send = read_promise("Send the case study", "Ada", "Ada Lovelace").unwrap();
        let p = SuggestionContext {
            promise: Some("Send the case study"),
            promise_reading: Some(&send),
            promise_state: Some(PromiseState::Late),
            promise_due: Some("Fri 4 Dec"),
            ..ctx(&[])
        };
        let s = suggest(Reason::Promise, &p, 1, Preference::Any, None, &[]);
        assert_eq!(s.action, InteractionKind::Email);
        assert!(
            s.text
                .starts_with("Send Ada the case study now, as promised for Fri 4 Dec"),
            "{}",
            s.text
        );
        // A promise whose verb is unknown is kept as written.
        let other = SuggestionContext {
            promise: Some("Return the book"),
            promise_state: Some(PromiseState::Own),
            ..ctx(&[])
        };
        let s = suggest(Reason::Promise, &other, 1, Preference::Any, None, &[]);
        assert!(
            s.text.contains("\u{201c}Return the book\u{201d}"),
            "{}",
            s.text
        );
    }

    #[test]
    fn a_follow_up_mentions_the_promise_to_the_same_person() {
        let quote = read_promise(
            "Send the 40-seat quote with the onboarding plan",
            "Yusuf",
            "Yusuf Demir",
        )
        .unwrap();
        let reading = read_note("Wants a quote for 40 seats before year end", "Yusuf");
        let request = reading.request.clone().unwrap();
        let c = SuggestionContext {
            first_name: "Yusuf",
            event: Some("Texworld Paris"),
            event_round: Some(1),
            promise: Some("Send the 40-seat quote with the onboarding plan"),
            promise_reading: Some(&quote),
            promise_state: Some(PromiseState::Ahead),
            promise_due: Some("Fri 4 Dec"),
            request: Some(&request),
            request_state: Some(RequestState::Fresh),
            note_date: Some("18 Nov"),
            note_event: Some("Texworld Paris"),
            ..ctx(&[])
        };
        let s = suggest(Reason::FollowUp, &c, 1, Preference::Any, None, &[]);
        assert_eq!(
            s.text,
            "Email Yusuf after Texworld Paris: thanks for the conversation, and say that the 40-seat quote with the onboarding plan will be with Yusuf by Fri 4 Dec."
        );
        let after = SuggestionContext {
            event_round: Some(2),
            promise_state: Some(PromiseState::After),
            ..c
        };
        let s = suggest(Reason::FollowUp, &after, 1, Preference::Any, None, &[]);
        assert!(
            s.text.contains(
                "ask Yusuf whether the 40-seat quote with the onboarding plan landed well"
            ),
            "{}",
            s.text
        );
    }

    #[test]
    fn the_year_s_last_weeks_get_no_business_calls() {
        let names = vec!["coffee".to_owned(), "fintech".to_owned()];
        let interests = categorise(&names);
        for seed in 0..100 {
            for prefer in [Preference::Thread, Preference::Interest, Preference::Any] {
                let c = SuggestionContext {
                    relationship: Relationship::Inner,
                    note: Some("Evaluating two other vendors; decision in Q2"),
                    note_date: Some("27 Nov"),
                    year_end: true,
                    ..ctx(&interests)
                };
                let s = suggest(Reason::Cadence, &c, seed, prefer, None, &[]);
                assert!(
                    !matches!(s.action, InteractionKind::Call | InteractionKind::Meeting),
                    "{}",
                    s.text
                );
                assert!(!s.text.contains("webinar"), "{}", s.text);
            }
        }
    }

    #[test]
    fn the_previous_template_and_the_ones_just_used_are_avoided() {
        let names = vec!["sailing".to_owned(), "fintech".to_owned()];
        let interests = categorise(&names);
        for seed in 0..30 {
            let first = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Any,
                None,
                &[],
            );
            let next = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Any,
                Some(first.template),
                &[],
            );
            assert_ne!(first.template, next.template);
            let a = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Interest,
                None,
                &[],
            );
            let b = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Interest,
                None,
                &[a.template],
            );
            assert_ne!(a.template, b.template);
        }
    }

    /// Every template, filled with hostile, empty and very long values, reads as
    /// one clean line: no placeholder left, no value expanded twice, nothing cut
    /// mid-way without saying so.
    #[test]
    fn every_template_renders_with_hostile_empty_and_long_values() {
        let long = "word ".repeat(200);
        let values: [&str; 5] = [
            "<img src=x onerror=alert(1)> {first} {note} {Request_deliver}",
            "",
            "   \n\t  ",
            long.as_str(),
            "Zoë \"Z\" O'Brien-Ñúñez 🎉",
        ];
        let placeholders: Vec<String> = all_templates()
            .iter()
            .flat_map(|(_, t)| t.split('{').skip(1))
            .chain(
                data()
                    .request_kinds
                    .iter()
                    .flat_map(|k| [k.deliver.as_str(), k.stale.as_str(), k.after.as_str()])
                    .flat_map(|t| t.split('{').skip(1)),
            )
            .filter_map(|p| p.split('}').next())
            .map(|p| format!("{{{p}}}"))
            .collect();
        for value in values {
            let names = [value.to_owned()];
            let interests: Vec<(&str, Option<&'static str>)> =
                names.iter().map(|n| (n.as_str(), Some("topic"))).collect();
            for act in data().promise_acts.iter().map(|a| a.act.as_str()) {
                let reading = PromiseReading {
                    act,
                    object: clean(value, 80),
                };
                for kind in ["send", "set_up", "answer"] {
                    let request = Request {
                        kind,
                        object: clean(value, 80),
                        and: Some(Box::new(Request {
                            kind: "send",
                            object: clean(value, 80),
                            and: None,
                        })),
                    };
                    let c = SuggestionContext {
                        first_name: value,
                        company: Some(value),
                        interests: &interests,
                        relationship: Relationship::Inner,
                        event: Some(value),
                        event_round: Some(1),
                        promise: Some(value),
                        promise_reading: Some(&reading),
                        promise_state: Some(PromiseState::Ahead),
                        promise_due: Some("Fri 4 Dec"),
                        note: Some(value),
                        life: Some(value),
                        favour: Some(value),
                        request: Some(&request),
                        request_state: Some(RequestState::Fresh),
                        note_date: Some("26 Nov"),
                        note_event: Some(value),
                        how_connected: " (you are connected on LinkedIn)",
                        birthday_for: " for Saturday",
                        on_day: false,
                        year_end: false,
                        light: false,
                    };
                    for (id, text) in all_templates() {
                        let out = render(text, &c, value);
                        for p in &placeholders {
                            // A placeholder may only appear where a value holds one.
                            assert!(
                                !out.contains(p.as_str()) || value.contains(p.as_str()),
                                "{id}: {p} left in {out}"
                            );
                        }
                        assert!(!out.contains('\n') && !out.contains('\t'), "{id}: {out:?}");
                        assert!(!out.contains("  "), "{id}: {out:?}");
                        assert!(
                            out.chars().count() < 900,
                            "{id}: {} chars",
                            out.chars().count()
                        );
                        if value.len() > 500 && out.contains("word word") {
                            assert!(
                                out.contains('…'),
                                "{id}: a long value is cut visibly: {out}"
                            );
                        }
                    }
                }
            }
        }
    }
}
