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

pub use super::notes::Owing;
use super::notes::{PromiseReading, Request};
pub use super::phrases::Channel;
use super::phrases::{news_kind, news_opening, topic_of, NewsKind};
pub use super::render::clean;
use super::render::{capitalise, render};
use super::Reason;
use crate::model::{Circle, InteractionKind};

/// The template data, parsed once.
#[derive(Debug, Deserialize)]
pub(super) struct TemplateFile {
    pub thread_words: Vec<String>,
    pub life_words: Vec<String>,
    pub favour_words: Vec<String>,
    pub serious_words: Vec<String>,
    pub settled_words: Vec<String>,
    pub review_words: Vec<String>,
    pub later_words: Vec<String>,
    pub concern_words: Vec<String>,
    pub offered_words: Vec<String>,
    pub pending_intro_words: Vec<String>,
    pub phone_words: Vec<String>,
    pub unanswered_words: Vec<String>,
    pub roles: Vec<Role>,
    pub decision_words: Vec<String>,
    pub relationship_tags: Vec<String>,
    pub client_tags: Vec<String>,
    pub filler: Vec<String>,
    pub request_openers: Vec<Opener>,
    pub request_kinds: Vec<RequestKind>,
    pub promise_acts: Vec<PromiseAct>,
    kinds: Vec<InterestKind>,
    templates: Vec<Template>,
}

/// A kind of job that is not a buyer's (an analyst, an adviser, a recruiter),
/// told by words in the title: first hellos to them ask for what they do.
#[derive(Debug, Deserialize)]
pub(super) struct Role {
    pub role: String,
    pub words: Vec<String>,
    /// Phrases that make a title something else ("Finance Business Partner").
    #[serde(default)]
    pub unless: Vec<String>,
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
    pub(super) deliver: String,
    pub(super) stale: String,
    pub(super) old: String,
    pub(super) after: String,
    pub(super) done: String,
    /// How a delivery closes ("and offer a short call to go through it").
    #[serde(default)]
    pub(super) close: String,
    /// `after` for something still to come: confirmed, not asked about.
    #[serde(default)]
    pub(super) after_ahead: String,
}

/// What a promise asks the user to do, with the phrases other pings use for it.
#[derive(Debug, Deserialize)]
pub(super) struct PromiseAct {
    pub act: String,
    pub verbs: Vec<String>,
    pub(super) owed: String,
    pub(super) coming: String,
    pub(super) after: String,
    /// `after` for something still to come: confirmed, not asked about.
    #[serde(default)]
    pub(super) after_ahead: String,
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
    /// Only before the day itself (a birthday ping on the Friday before).
    #[serde(default)]
    before_day: bool,
    /// Needs the contact NOT to have these.
    #[serde(default)]
    without: Vec<Need>,
    /// Only for a contact whose title names this role (see `roles`).
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    year_end: bool,
    #[serde(default)]
    no_year_end: bool,
    /// Only in the first weeks of January: New Year wishes.
    #[serde(default)]
    new_year: bool,
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
    /// Asked a month or more ago: deliver it with an apology for the wait.
    Stale,
    /// Asked three months or more ago: ask whether it is still wanted.
    Old,
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
    /// Works at an organisation (a company that is not "Retired",
    /// "Freelance"…), named in the text or not.
    Employed,
    /// A child, by the birth year on the card.
    Child,
    /// The user's own child ("Son" on the card).
    OwnChild,
    /// The user's spouse or partner ("Wife" on the card).
    Spouse,
    /// Someone the user knows (circle, tags, notes) with nothing logged yet.
    Unlogged,
    /// The user's own notes about the contact.
    About,
    /// A client or customer (by tag).
    Client,
    /// A renewal or deadline from the note that has passed.
    Dated,
    /// The contact's job title.
    Title,
    /// Serious or big personal news (an illness, surgery, a move, a new job).
    Serious,
    /// The last note reports its matter closed, with nothing open.
    Settled,
    /// The business is parked until later (the note says when).
    Later,
    /// The notes say someone will introduce the contact, or that you have not met.
    PendingIntro,
    /// That introduction is by someone named.
    Introducer,
    /// The notes say the contact is best reached by phone.
    Phone,
    /// The only message sent went unanswered.
    Unanswered,
    /// Colleagues at the contact's company the user talks to.
    Colleagues,
    /// What was asked for is paperwork (a PO, an invoice, a W-9, a
    /// certificate): nothing to sell with it.
    Paperwork,
    /// A birthday worth a call: the inner circle, or a milestone.
    CallDay,
    /// Personal news with a day still to come, within weeks.
    NewsAhead,
    /// Personal news whose day has passed.
    LifeDated,
    /// The contact's title names a role (analyst, adviser, recruiter).
    Role,
    /// The note's thread waits on a decision (an approval, a budget, a board).
    Decision,
    /// The contact offered to do something that is still open.
    Offered,
    /// The note's thread has a topic that can be said as a clean phrase.
    Topic,
    /// Family, a friend or an old colleague.
    Personal,
    /// Works at the user's own company: no hobbies and no small talk for
    /// its own sake, a word about the work you share.
    Teammate,
    /// A birthday wish after the day.
    Belated,
    /// News to keep low-key: a loss, or an illness with no day to it.
    Quiet,
    /// A deadline from the note, still ahead.
    Deadline,
    /// A thing the user owes the contact by a day the note names ("access
    /// plan needed from us by 16 Dec").
    TaskSend,
    /// Something else the note says the user is to do by a day ("Need to
    /// confirm by 4 Dec"), quoted.
    TaskDo,
    /// Something the contact owes the user by a day ("pricing due to me by 7 Dec").
    Chase,
    /// A yearly Christmas custom of the card's, due now.
    ChristmasCustom,
    /// That custom is a card.
    ChristmasCard,
    /// The contact goes away (leave, a long holiday) within two weeks, as
    /// the notes say.
    AwayAhead,
    /// That absence is parental leave.
    ParentalLeave,
    /// The note asked to get back in touch from a day that has come ("call
    /// me after 11/1 to book a site walk").
    AskedBack,
    /// That is a call.
    AskedCall,
    /// An event's follow-up to someone the user met or talked to before it.
    MetBefore,
    /// The notes say the contact comes to a place within weeks ("coming to
    /// Dublin in Feb"): a chance to meet.
    Visit,
}

/// How many kinds of [`Need`] there are.
const NEEDS: usize = Need::Visit as usize + 1;

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
    /// The ping falls in the first three weeks of January: a business
    /// contact's rhythm ping carries New Year wishes.
    pub new_year: bool,
    /// A rhythm ping soon after the last touch: a light word, not a call
    /// (unless it asks family or friends how their dated news went, or is
    /// the call the contact asked for).
    pub light: bool,
    /// Someone the user knows (circle, tags, notes, promises) with no
    /// conversation logged yet: a catch-up, not an introduction.
    pub unlogged: bool,
    /// The user's own notes about the contact, a short fragment.
    pub about: Option<&'a str>,
    /// The contact is a client or customer (by tag).
    pub client: bool,
    /// The contact's job title.
    pub title: Option<&'a str>,
    /// A renewal or deadline the note names that has passed by the ping
    /// ("Harbor Bank renewal"), and its day in words.
    pub dated: Option<(&'a str, &'a str)>,
    /// How long after its event a follow-up comes, in words ("three weeks").
    pub since_event: &'a str,
    /// The personal news is serious or big (an illness, a move, a new job).
    pub serious: bool,
    /// The last note closed its matter ("issues resolved", "renewal signed").
    pub settled: bool,
    /// The business is parked until later, as the note says ("revisit in spring").
    pub later: Option<&'a str>,
    /// The notes say the contact is to be introduced or not yet met;
    /// `Some("Carlos")` when they say by whom.
    pub pending_intro: Option<Option<&'a str>>,
    /// The notes say the contact is best reached by phone.
    pub phone: bool,
    /// The only message sent went unanswered.
    pub unanswered: bool,
    /// For an event's follow-up: the user met or talked to them before it.
    pub met_before: bool,
    /// The contact's title names a role that is not a buyer's.
    pub role: Option<&'a str>,
    /// Colleagues at the contact's company the user talks to ("Daniel and Emily").
    pub colleagues: Option<&'a str>,
    /// A birthday worth a call on the day: the inner circle or a milestone.
    pub call_birthday: bool,
    /// The birthday's weekday when the ping comes before it ("Sunday"), else "".
    pub birthday_day: &'a str,
    /// The age turned, when known ("65th").
    pub turns: Option<&'a str>,
    /// Personal news with a day still to come: what and when ("the knee surgery", "Wed 9 Dec").
    pub news_ahead: Option<(&'a str, &'a str)>,
    /// Personal news whose day has passed: what and when.
    pub life_dated: Option<(&'a str, &'a str)>,
    /// The note's thread waits on a decision (an approval, a budget, a board).
    pub decision: bool,
    /// The contact offered to do something that is still open ("he'll introduce their CFO").
    pub offered: bool,
    /// The channel the notes ask for ("prefers WhatsApp", "hates cold calls").
    pub channel: Channel,
    /// Family, a friend or an old colleague (by notes or tags): no business templates.
    pub personal: bool,
    /// Works at the user's own company (and is no friend): a word about the
    /// work you share, not a hobby tip or a comment on a post.
    pub teammate: bool,
    /// A child (by the birth year on the card): wished through the family.
    pub child: bool,
    /// The user's own child: the birthday is prepared for.
    pub own_child: bool,
    /// The user's spouse or partner: the birthday is prepared for too.
    pub spouse: bool,
    /// A birthday ping after the day (snoozed past it): a belated wish.
    pub belated: bool,
    /// A deadline the note names that is still ahead, and its day in
    /// words ("the knee tender", "Fri 15 Jan").
    pub deadline: Option<(&'a str, &'a str)>,
    /// A visit the note names, within weeks: the place and the time as
    /// written ("Dublin", "in Feb").
    pub visit: Option<(&'a str, &'a str)>,
    /// What is owed by a day the note names, its day in words, and who owes
    /// it: ("the access plan", "Wed 16 Dec", Send).
    pub task: Option<(&'a str, &'a str, Owing)>,
    /// A yearly Christmas custom the card keeps, due now: the card's
    /// sentence and what it is ("card", "hamper").
    pub christmas: Option<(&'a str, &'a str)>,
    /// The contact goes away soon: the first day away and the day back in
    /// words ("Fri 18 Dec", "Thu 1 Apr"), and whether it is parental leave.
    pub away_ahead: Option<(&'a str, &'a str, bool)>,
    /// The note asked to get back in touch from a day that has come.
    pub asked_back: Option<AskedBackContext<'a>>,
    /// What was asked for or promised is still to come ("a lab slot in
    /// February"): it is confirmed, never asked about as if it had happened.
    pub ahead: bool,
}

/// The call or word a note asked for later, once its day has come.
#[derive(Debug, Clone, Copy)]
pub struct AskedBackContext<'a> {
    /// By a call, not a message.
    pub call: bool,
    /// The contact asked for it; else it is the user's own plan.
    pub theirs: bool,
    /// What for ("to book a site walk"), or nothing.
    pub purpose: &'a str,
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
            new_year: false,
            light: false,
            unlogged: false,
            about: None,
            client: false,
            title: None,
            dated: None,
            since_event: "",
            serious: false,
            settled: false,
            later: None,
            pending_intro: None,
            phone: false,
            unanswered: false,
            met_before: false,
            role: None,
            colleagues: None,
            call_birthday: false,
            birthday_day: "",
            turns: None,
            news_ahead: None,
            life_dated: None,
            decision: false,
            offered: false,
            channel: Channel::default(),
            personal: false,
            teammate: false,
            child: false,
            own_child: false,
            spouse: false,
            belated: false,
            ahead: false,
            deadline: None,
            visit: None,
            task: None,
            christmas: None,
            away_ahead: None,
            asked_back: None,
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
    /// A passed renewal or deadline from the note.
    pub dated: bool,
    /// Personal news whose day has passed.
    pub life_dated: bool,
    /// Personal news still ahead (a word of luck for it).
    pub news_ahead: bool,
    /// A deadline the note names, still ahead.
    pub deadline: bool,
    /// What is owed by a day the note names (by the user or to them).
    pub task: bool,
    /// A yearly Christmas custom.
    pub christmas: bool,
    /// The call or message the note asked for later.
    pub asked_back: bool,
    /// A visit the note names.
    pub visit: bool,
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
    let lower = interest.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    kind_phrases()
        .iter()
        .find(|(_, phrases)| {
            phrases.iter().any(|parts| {
                words
                    .windows(parts.len())
                    .any(|w| w.iter().zip(parts).all(|(a, b)| a == b))
            })
        })
        .map(|(kind, _)| *kind)
}

/// An interest kind and its phrases, each split into words.
type KindPhrases = (&'static str, Vec<Vec<&'static str>>);

/// Each interest kind with its phrases split into words, once: matching an
/// interest against them is most of the work of [`kind_of`].
fn kind_phrases() -> &'static [KindPhrases] {
    static PHRASES: OnceLock<Vec<KindPhrases>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        data()
            .kinds
            .iter()
            .map(|k| {
                let phrases = k
                    .words
                    .iter()
                    .map(|phrase| phrase.split_whitespace().collect::<Vec<_>>())
                    .filter(|parts| !parts.is_empty())
                    .collect();
                (k.kind.as_str(), phrases)
            })
            .collect()
    })
}

/// Interests named in notes ("Huge Liverpool fan", "loves opera"), as written,
/// with their kinds: only in a clause that says the contact is a fan, loves,
/// plays or follows something.
pub fn interests_in_notes(text: &str) -> Vec<(&str, &'static str)> {
    const MARKERS: [&str; 11] = [
        "fan",
        "fans",
        "loves",
        "enjoys",
        "plays",
        "supporter",
        "follows",
        "diehard",
        "nerd",
        "lover",
        "avid",
    ];
    // A topic or a cause in a note is more often business than a pastime.
    const NOT_FROM_NOTES: [&str; 2] = ["topic", "pursuit"];
    let mut out: Vec<(&str, &'static str)> = Vec::new();
    for clause in text.split(['.', ';', '\n', ',', '!']) {
        let lower = clause.to_lowercase();
        if lower.len() != clause.len() {
            continue;
        }
        let tokens = super::cues::word_spans(&lower, |c| c.is_alphanumeric() || c == '-');
        if !tokens.iter().any(|(_, w)| MARKERS.contains(w)) {
            continue;
        }
        for kind in data()
            .kinds
            .iter()
            .filter(|k| !NOT_FROM_NOTES.contains(&k.kind.as_str()))
        {
            for phrase in &kind.words {
                let parts: Vec<&str> = phrase.split_whitespace().collect();
                if parts.is_empty() {
                    continue;
                }
                let hit = tokens
                    .windows(parts.len())
                    .find(|w| w.iter().zip(&parts).all(|((_, a), b)| a == b));
                if let Some(w) = hit {
                    let start = w[0].0;
                    let end = w[parts.len() - 1].0 + w[parts.len() - 1].1.len();
                    if let Some(found) = clause.get(start..end) {
                        if !out.iter().any(|(i, _)| i.eq_ignore_ascii_case(found)) {
                            out.push((found, kind.kind.as_str()));
                        }
                    }
                }
            }
        }
    }
    out
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

/// Whether an interest of kind `kind` fits a template's `fits` ("sport",
/// or several kinds: "sport|food").
fn fits_kind(fits: &str, kind: Option<&str>) -> bool {
    kind.is_some_and(|k| fits.split('|').any(|f| f == k))
}

/// Every reason a ping has.
const REASONS: [Reason; 5] = [
    Reason::Birthday,
    Reason::Promise,
    Reason::FollowUp,
    Reason::Cadence,
    Reason::Overdue,
];

/// Every relationship a template is written for.
const RELATIONSHIPS: [Relationship; 5] = [
    Relationship::First,
    Relationship::Acquaintance,
    Relationship::Network,
    Relationship::Core,
    Relationship::Inner,
];

/// The templates that serve a reason and fit a relationship, in the data's
/// order, worked out once.
fn serving(reason: Reason, relationship: Relationship) -> &'static [usize] {
    static SERVING: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    let table = SERVING.get_or_init(|| {
        let templates = &data().templates;
        REASONS
            .iter()
            .flat_map(|r| RELATIONSHIPS.iter().map(move |rel| (r, rel)))
            .map(|(r, rel)| {
                (0..templates.len())
                    .filter(|&i| {
                        templates[i].reasons.contains(r) && templates[i].relationships.contains(rel)
                    })
                    .collect()
            })
            .collect()
    });
    let r = REASONS.iter().position(|r| *r == reason).unwrap_or(0);
    let rel = RELATIONSHIPS
        .iter()
        .position(|rel| *rel == relationship)
        .unwrap_or(0);
    &table[r * RELATIONSHIPS.len() + rel]
}

/// Each template's [`thread_rank`], worked out once.
fn ranks() -> &'static [Option<u8>] {
    static RANKS: OnceLock<Vec<Option<u8>>> = OnceLock::new();
    RANKS.get_or_init(|| data().templates.iter().map(thread_rank).collect())
}

/// How strongly a template draws on what the user wrote: a promise first, then
/// a request, the note's thread, personal news; `None` for none of them.
fn thread_rank(t: &Template) -> Option<u8> {
    let needs = |n: Need| t.needs.contains(&n);
    if t.promise.is_some() && !t.reasons.contains(&Reason::Promise) {
        Some(0)
    } else if needs(Need::Request)
        || needs(Need::TaskSend)
        || needs(Need::TaskDo)
        || needs(Need::Chase)
        || needs(Need::Visit)
        || needs(Need::ChristmasCustom)
        || needs(Need::PendingIntro)
        || needs(Need::Unanswered)
        || needs(Need::CallDay)
    {
        Some(1)
    } else if (needs(Need::Note) && needs(Need::Life))
        || needs(Need::Serious)
        || needs(Need::LifeDated)
        || needs(Need::NewsAhead)
        || needs(Need::Colleagues)
        || needs(Need::Decision)
        || needs(Need::Offered)
        || needs(Need::Deadline)
        || needs(Need::Dated)
        || needs(Need::Quiet)
        || needs(Need::AwayAhead)
    {
        // A day the note named, now passed ("how did the board go?"), is
        // news of its own, not a thread worn by another contact's ping.
        Some(2)
    } else if needs(Need::Later) || needs(Need::Settled) || needs(Need::Role) {
        Some(3)
    } else if needs(Need::Phone) || needs(Need::Personal) {
        Some(4)
    } else if t.needs.contains(&Need::Note)
        || t.needs.contains(&Need::Dated)
        || (t.needs.contains(&Need::Unlogged) && (t.needs.contains(&Need::Client) || t.year_end))
    {
        Some(3)
    } else if t.needs.contains(&Need::Favour)
        || (t.needs.contains(&Need::Unlogged) && t.needs.contains(&Need::About))
    {
        Some(4)
    } else if t.needs.contains(&Need::Life) || t.needs.contains(&Need::Unlogged) {
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
    suggest_anew(reason, ctx, seed, prefer, avoid, recent, &[])
}

/// [`suggest`], leaving out as well the templates this contact has already
/// had (`used`) while anything else fits: a contact's year does not repeat
/// a sentence, and that comes before the variety of the day's list.
pub fn suggest_anew(
    reason: Reason,
    ctx: &SuggestionContext<'_>,
    seed: u64,
    prefer: Preference,
    avoid: Option<usize>,
    recent: &[usize],
    used: &[usize],
) -> Suggestion {
    let data = data();
    let has_now = |need: &Need| match need {
        Need::Note => ctx.note.is_some_and(|n| !n.trim().is_empty()),
        Need::Life => ctx.life.is_some_and(|n| !n.trim().is_empty()),
        Need::Favour => ctx.favour.is_some_and(|n| !n.trim().is_empty()),
        Need::Request => ctx.request.is_some() && ctx.request_state.is_some(),
        Need::Paperwork => ctx.request.is_some_and(|r| is_paperwork(&r.object)),
        Need::Event => ctx.event.is_some_and(|e| !e.trim().is_empty()),
        Need::Promise => ctx.promise.is_some_and(|p| !p.trim().is_empty()),
        Need::Company | Need::Employed => ctx.company.is_some_and(is_organisation),
        Need::Unlogged => ctx.unlogged,
        Need::About => ctx.about.is_some_and(|a| !a.trim().is_empty()),
        Need::Client => ctx.client,
        Need::Dated => ctx.dated.is_some(),
        Need::Title => ctx.title.is_some_and(|t| !t.trim().is_empty()),
        Need::Serious => ctx.serious && ctx.life.is_some_and(|n| !n.trim().is_empty()),
        Need::Settled => ctx.settled,
        Need::Later => ctx.later.is_some_and(|n| !n.trim().is_empty()),
        Need::PendingIntro => ctx.pending_intro.is_some(),
        Need::Introducer => ctx
            .pending_intro
            .flatten()
            .is_some_and(|n| !n.trim().is_empty()),
        Need::Phone => ctx.phone,
        Need::Unanswered => ctx.unanswered,
        Need::Colleagues => ctx.colleagues.is_some_and(|n| !n.trim().is_empty()),
        // Someone who would rather not be called gets a message on the day.
        Need::CallDay => ctx.call_birthday && !ctx.channel.no_calls,
        Need::NewsAhead => ctx.news_ahead.is_some(),
        Need::LifeDated => ctx.life_dated.is_some(),
        Need::Role => ctx.role.is_some(),
        Need::Decision => ctx.decision,
        Need::Offered => ctx.offered,
        Need::Topic => ctx.note.and_then(topic_of).is_some(),
        Need::Personal => ctx.personal,
        Need::Teammate => ctx.teammate,
        Need::Child => ctx.child,
        Need::OwnChild => ctx.own_child,
        Need::Spouse => ctx.spouse,
        Need::Belated => ctx.belated,
        Need::Quiet => is_quiet(ctx),
        Need::Deadline => ctx.deadline.is_some(),
        Need::TaskSend => ctx.task.is_some_and(|t| t.2 == Owing::Send),
        Need::TaskDo => ctx.task.is_some_and(|t| t.2 == Owing::Do),
        Need::Chase => ctx.task.is_some_and(|t| t.2 == Owing::Chase),
        Need::ChristmasCustom => ctx.christmas.is_some(),
        Need::ChristmasCard => ctx.christmas.is_some_and(|c| c.1 == "card"),
        Need::AwayAhead => ctx.away_ahead.is_some(),
        Need::Visit => ctx.visit.is_some(),
        Need::ParentalLeave => ctx.away_ahead.is_some_and(|a| a.2),
        Need::AskedBack => ctx.asked_back.is_some(),
        Need::AskedCall => ctx.asked_back.is_some_and(|a| a.call),
        Need::MetBefore => ctx.met_before,
    };
    // Many templates share needs, and some take reading the note (a topic,
    // quiet news): each is worked out once per ping.
    let known: [std::cell::Cell<Option<bool>>; NEEDS] =
        std::array::from_fn(|_| std::cell::Cell::new(None));
    let has = |need: &Need| {
        let slot = &known[*need as usize];
        slot.get().unwrap_or_else(|| {
            let answer = has_now(need);
            slot.set(Some(answer));
            answer
        })
    };
    let act = ctx.promise_reading.map(|r| r.act);
    let fits = |t: &Template| -> bool {
        t.needs.iter().all(has)
            && (t.event_round.is_none() || t.event_round == ctx.event_round)
            && t.promise
                .is_none_or(|state| ctx.promise_state == Some(state) && has(&Need::Promise))
            && t.act.as_deref().is_none_or(|a| act == Some(a))
            && t.request
                .is_none_or(|state| ctx.request_state == Some(state))
            && (!t.on_day || ctx.on_day)
            && (!t.before_day || !ctx.on_day)
            && !t.without.iter().any(has)
            && t.role.as_deref().is_none_or(|r| ctx.role == Some(r))
            && (!t.year_end || ctx.year_end)
            && (!t.no_year_end || !ctx.year_end)
            && (!t.new_year || ctx.new_year)
            // A light touch is no call, but asking family how the
            // operation went is one whenever it comes.
            && !(ctx.light
                && t.promise.is_none()
                && matches!(t.action, InteractionKind::Call | InteractionKind::Meeting)
                && !(t.needs.contains(&Need::LifeDated) && t.needs.contains(&Need::Personal))
                && !t.needs.contains(&Need::AskedCall))
            // Best reached by phone: no comment on a post they may never write.
            && !(ctx.phone && t.action == InteractionKind::Social)
            // "Never answers the phone": no call, not even as the fallback
            // of a meeting ("…; if not, a short call").
            && !(ctx.channel.no_calls
                && (t.action == InteractionKind::Call || t.text.contains("call")))
            // A wish after the day is only ever a belated one.
            && (reason != Reason::Birthday || ctx.belated == t.needs.contains(&Need::Belated))
            && t.fits
                .as_deref()
                .is_none_or(|kinds| ctx.interests.iter().any(|(_, k)| fits_kind(kinds, *k)))
    };
    // When `wanted`, and some template speaks of `need`, only those do.
    let narrow_to = |eligible: &mut Vec<usize>, wanted: bool, need: Need| {
        if wanted
            && eligible
                .iter()
                .any(|&i| data.templates[i].needs.contains(&need))
        {
            eligible.retain(|&i| data.templates[i].needs.contains(&need));
        }
    };
    // Only the templates for the reason and relationship are looked at.
    let mut eligible: Vec<usize> = serving(reason, ctx.relationship)
        .iter()
        .copied()
        .filter(|&i| fits(&data.templates[i]))
        .collect();
    // A promise whose verb is known gets a template for that verb.
    if eligible.iter().any(|&i| data.templates[i].act.is_some()) {
        eligible.retain(|&i| {
            let t = &data.templates[i];
            t.act.is_some() || t.promise.is_none()
        });
    }
    // A teammate hears about the work you share: what draws on the notes,
    // or the teammate's own words; no plain sentence meant for a contact.
    if ctx.teammate
        && eligible
            .iter()
            .any(|&i| data.templates[i].needs.contains(&Need::Teammate))
    {
        let ranks = ranks();
        eligible.retain(|&i| {
            ranks[i].is_some_and(|r| r <= 3) || data.templates[i].needs.contains(&Need::Teammate)
        });
    }
    // Just after someone's operation, the ping asks how it went and
    // carries nothing else: no business, no promise coming.
    let after_health_news = ctx
        .life_dated
        .is_some_and(|(what, _)| matches!(news_kind(what), NewsKind::Health | NewsKind::Loss));
    narrow_to(&mut eligible, after_health_news, Need::LifeDated);
    // The yearly Christmas custom is seen to once, in its days: it comes
    // first.
    narrow_to(
        &mut eligible,
        ctx.christmas.is_some(),
        Need::ChristmasCustom,
    );
    // A child's birthday is wished through the family.
    narrow_to(&mut eligible, ctx.child, Need::Child);
    // The user's spouse's birthday is prepared for, not wished from afar.
    narrow_to(
        &mut eligible,
        ctx.spouse && reason == Reason::Birthday,
        Need::Spouse,
    );
    // The call they asked for, on the day they asked for it, is that call.
    narrow_to(&mut eligible, ctx.asked_back.is_some(), Need::AskedBack);
    // The last word before someone goes away for a while is about that.
    narrow_to(&mut eligible, ctx.away_ahead.is_some(), Need::AwayAhead);
    // Asking how a thing sent landed, with the day it is for still ahead
    // ("signature by 18 Dec"): both, in one word.
    narrow_to(
        &mut eligible,
        ctx.promise_state == Some(PromiseState::After) && ctx.deadline.is_some(),
        Need::Deadline,
    );
    // A friend's surgery or wedding days away: a word of luck for it.
    narrow_to(
        &mut eligible,
        ctx.news_ahead.is_some() && matches!(reason, Reason::Cadence | Reason::Overdue),
        Need::NewsAhead,
    );
    // A visit within weeks is the chance to meet.
    narrow_to(&mut eligible, ctx.visit.is_some(), Need::Visit);
    // The day after the decision an event's note dated, the second touch
    // asks how it went: a promise kept before it is part of that.
    if reason == Reason::FollowUp
        && eligible.iter().any(|&i| {
            let needs = &data.templates[i].needs;
            needs.contains(&Need::Event) && needs.contains(&Need::Dated)
        })
    {
        eligible.retain(|&i| data.templates[i].needs.contains(&Need::Dated));
    }
    let ranks = ranks();
    let rank = |i: &usize| ranks[*i];
    // Early in January, New Year wishes come before anything that draws
    // less on what the user wrote: a request or a decision still comes
    // first, a plain check-in does not.
    if ctx.new_year {
        let strongest = |wishes: bool| {
            eligible
                .iter()
                .filter(|&&i| data.templates[i].new_year == wishes)
                .map(|i| rank(i).unwrap_or(u8::MAX))
                .min()
        };
        if let Some(wishes) = strongest(true) {
            if strongest(false).is_none_or(|other| wishes <= other || other >= 3) {
                eligible.retain(|&i| data.templates[i].new_year);
            }
        }
    }
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
    // A thread the pings just before (or this contact's earlier pings) have
    // used in the same words gives way, unless it is a follow-up's or
    // something the user owes or was asked.
    let worn = !subset.is_empty()
        && reason != Reason::FollowUp
        && subset
            .iter()
            .all(|i| recent.contains(i) || used.contains(i))
        && subset.iter().all(|i| rank(i).is_some_and(|r| r >= 3));
    let mut subset = if worn { Vec::new() } else { subset };
    // A birthday takes the wish that says the most it can: a call with the news
    // rather than a call alone.
    if reason == Reason::Birthday {
        if let Some(most) = subset.iter().map(|&i| data.templates[i].needs.len()).max() {
            subset.retain(|&i| data.templates[i].needs.len() == most);
        }
    }
    let mut pool = if subset.is_empty() {
        // Prefer what is neither thread nor interest, so those stay special.
        let plain: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|i| rank(i).is_none() && !interest(i))
            .collect();
        // This contact has had every plain sentence: anything else that fits.
        let fresh: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|i| !used.contains(i) && Some(*i) != avoid)
            .collect();
        if plain.is_empty() || (plain.iter().all(|i| used.contains(i)) && !fresh.is_empty()) {
            if fresh.is_empty() {
                eligible
            } else {
                fresh
            }
        } else {
            plain
        }
    } else {
        subset
    };
    if pool.len() > 1 {
        pool.retain(|&i| Some(i) != avoid);
    }
    if pool.iter().any(|i| !used.contains(i)) {
        pool.retain(|i| !used.contains(i));
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
        .filter(|(_, k)| template.fits.as_deref().is_some_and(|f| fits_kind(f, *k)))
        .map(|(name, _)| *name)
        .collect();
    let interest = matching
        .get(((seed >> 17) % matching.len().max(1) as u64) as usize)
        .copied()
        .unwrap_or("");
    let text = render(&template.text, ctx, interest);
    // A present is bought and given, not written to them about: no
    // channel, and doing it logs a gift.
    let surprise = reason == Reason::Promise
        && ctx
            .promise
            .is_some_and(|p| super::notes::is_surprise(p) && !super::notes::is_business_errand(p));
    // A promise to a child ("jumping castle + the cake for Naledi's 8th") is
    // the user's to-do too, nothing to confirm to a seven-year-old.
    let to_do = reason == Reason::Promise && ctx.child && ctx.promise.is_some();
    let (text, action) = if surprise || to_do {
        // A present is no promise made to them: nothing to keep "to" them.
        // "Ship Anika's present to Seattle.", "See to the thank-you gift for
        // Tom (Blanton's).": said as the user's own to-do, in their words.
        let text = match super::notes::own_to_do(ctx.promise.unwrap_or_default()) {
            (todo, true) => format!("{}.", capitalise(&todo)),
            (thing, false) => format!("See to {thing}."),
        };
        (
            text,
            if surprise {
                InteractionKind::Gift
            } else {
                template.action
            },
        )
    } else if ctx.personal
        && template.action == InteractionKind::Email
        && ctx.channel.message.is_none()
        && !ctx.channel.phone_only
    {
        // Family and friends are texted, not emailed.
        let text = match text.strip_prefix("Email ") {
            Some(rest) => format!("Text {rest}"),
            None => text,
        };
        (email_as(&text, "message"), InteractionKind::Message)
    } else if template.act.as_deref() == Some("do") {
        // "Order the bangle for her birthday, as promised": a thing the
        // user does, not a word to them, so no channel to send it on.
        (text, template.action)
    } else {
        by_channel(text, template.action, ctx.channel, ctx.personal)
    };
    // A promise kept to someone with hard news ("her dad had a stroke")
    // opens with a word on it, business second; unless the promise is
    // itself about it ("Drive Dad to the hip op").
    let text = match (ctx.promise, ctx.life.map(news_kind)) {
        (Some(promise), Some(kind @ (NewsKind::Health | NewsKind::Loss)))
            if reason == Reason::Promise
                && !surprise
                && !to_do
                && !super::notes::mentions_life(promise) =>
        {
            format!("{text} Open with {}.", news_opening(kind))
        }
        _ => text,
    };
    // The promise's own ping carries what the user wrote beside it ("- RMH +
    // Barwon", "(needed by Jan 8)") when its sentence left that out.
    let text = match ctx.promise {
        Some(promise) if reason == Reason::Promise => {
            let missing: Vec<&str> = super::notes::promise_asides(promise)
                .into_iter()
                .filter(|aside| !text.contains(aside))
                .collect();
            // "- needs Frank's sign-off first", "- Yvonne has to do the
            // sizing first": the word is to get that, not to send a thing
            // that cannot go yet.
            let waits_on = missing
                .iter()
                .find(|aside| super::fixed::needs_someone_first(&aside.to_lowercase()));
            // A thing to send ("so the price sheet can go by…"); a call or
            // an introduction keeps its own sentence, with the note after.
            let object = ctx
                .promise_reading
                .filter(|r| r.act == "send")
                .map(|r| clean(&r.object, 80))
                .filter(|o| !o.is_empty());
            let first = clean(ctx.first_name, 40);
            if let (Some(aside), Some(object)) = (waits_on, object) {
                let aside = clean(aside, 120);
                match (ctx.promise_state, ctx.promise_due) {
                    (Some(PromiseState::Late), _) => format!(
                        "Your promise of {object} to {first} waits on someone else (your note: \u{201c}{aside}\u{201d}): chase that today, and give {first} an honest new date."
                    ),
                    (_, Some(due)) => format!(
                        "Ask now for what your promise to {first} waits on (your note: \u{201c}{aside}\u{201d}), so {object} can go by {}.",
                        clean(due, 40)
                    ),
                    _ => format!("{text} Your note: \u{201c}{aside}\u{201d}."),
                }
            } else if missing.is_empty() {
                text
            } else {
                format!(
                    "{text} Your note: \u{201c}{}\u{201d}.",
                    clean(&missing.join("; "), 160)
                )
            }
        }
        _ => text,
    };
    // Someone the notes say to ring ("never reads email - ring him") is
    // rung for a word; a thing to send is still sent.
    // Only a word said in so many words is rung for: "Check in with…",
    // "Ask…", "Write to…" (said as a call).
    let rung = ctx.phone
        && !ctx.channel.no_calls
        && action == InteractionKind::Message
        && ["Check in with ", "Ask ", "Write to "]
            .iter()
            .any(|opening| text.starts_with(opening))
        && !text.contains(" message")
        && !text.contains(" text");
    let (text, action) = if rung {
        let text = match text.strip_prefix("Write to ") {
            Some(rest) => format!("Call {rest}"),
            None => text,
        };
        (text, InteractionKind::Call)
    } else {
        (text, action)
    };
    Suggestion {
        template: chosen,
        text,
        action,
        uses: Uses {
            interest: template.fits.is_some(),
            note: [
                Need::Note,
                Need::Later,
                Need::Settled,
                Need::Deadline,
                Need::TaskSend,
                Need::TaskDo,
                Need::Chase,
            ]
            .iter()
            .any(|n| template.needs.contains(n)),
            life: template.needs.contains(&Need::Life) || template.needs.contains(&Need::NewsAhead),
            life_dated: template.needs.contains(&Need::LifeDated),
            news_ahead: template.needs.contains(&Need::NewsAhead),
            favour: template.needs.contains(&Need::Favour),
            request: template.needs.contains(&Need::Request),
            promise: template.promise.is_some(),
            dated: template.needs.contains(&Need::Dated),
            deadline: template.needs.contains(&Need::Deadline),
            task: [Need::TaskSend, Need::TaskDo, Need::Chase]
                .iter()
                .any(|n| template.needs.contains(n)),
            christmas: template.needs.contains(&Need::ChristmasCustom),
            asked_back: template.needs.contains(&Need::AskedBack),
            visit: template.needs.contains(&Need::Visit),
        },
    }
}

/// News to keep low-key in any wish or note: a loss, or serious news (an
/// illness) with no day ahead to wish luck for or after to ask about.
fn is_quiet(ctx: &SuggestionContext<'_>) -> bool {
    let loss = [ctx.life, ctx.life_dated.map(|d| d.0)]
        .into_iter()
        .flatten()
        .any(|l| news_kind(l) == NewsKind::Loss);
    loss || (ctx.serious
        && ctx.life.is_some()
        && ctx.news_ahead.is_none()
        && ctx.life_dated.is_none())
}

/// Whether a thing asked for is paperwork ("the PO from your ops team",
/// "a W-9", "the signed NDA"), not something that sells.
fn is_paperwork(object: &str) -> bool {
    const PAPERWORK: [&str; 16] = [
        "po",
        "pos",
        "purchase order",
        "invoice",
        "invoices",
        "w-9",
        "w9",
        "nda",
        "certificate",
        "cert",
        "insurance",
        "paperwork",
        "receipt",
        "credit note",
        "remittance",
        "tax form",
    ];
    let lower = object.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    PAPERWORK.iter().any(|p| {
        let parts: Vec<&str> = p.split(' ').collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    })
}

/// A suggestion in the channel the notes ask for: an email becomes a
/// message ("by WhatsApp rather than email") for someone who never reads
/// email, and a call for someone only the phone reaches.
fn by_channel(
    text: String,
    action: InteractionKind,
    channel: Channel,
    personal: bool,
) -> (String, InteractionKind) {
    if action != InteractionKind::Email {
        return (text, action);
    }
    if channel.phone_only {
        // "Landline only, no email": said on the phone (and nothing to
        // confirm "in writing"); a thing to send is asked about first, as
        // it cannot go by email.
        let text = email_as(&text.replace(" in writing", ""), "call");
        let text = if let Some(rest) = text.strip_prefix("Email ") {
            format!("Call {rest}")
        } else if let Some((name, thing)) = text
            .strip_prefix("Send ")
            .and_then(|rest| rest.split_once(' '))
        {
            // "Send Raj the pricing sheet, as promised."
            format!(
                "Call {name} about {}, and ask how it should reach them: your notes say no email.",
                thing.trim_end_matches('.')
            )
        } else {
            // "Keep your promise: “Present at the EGM”": said as it is.
            text
        };
        return (text, InteractionKind::Call);
    }
    let Some(app) = channel.message else {
        return (text, action);
    };
    let how = if app == "a text" {
        "by text".to_owned()
    } else {
        format!("on {app}")
    };
    // A quote or a contract is a document to keep: it goes by email, with
    // a word on the channel they like, unless email does not reach them.
    // The thing sent: after "Send Mark", up to the first comma.
    let sent = text
        .strip_prefix("Send ")
        .and_then(|rest| rest.split_once(' '))
        .map(|(_, thing)| thing.split(',').next().unwrap_or(thing));
    if !channel.no_email && !personal && sent.is_some_and(super::notes::is_for_review) {
        let heads_up = if app == "a text" {
            "a text".to_owned()
        } else {
            format!("a {app} message")
        };
        return (
            format!(
                "{}, by email, with a heads-up by {heads_up}.",
                text.trim_end_matches('.')
            ),
            action,
        );
    }
    let text = match text.strip_prefix("Email ") {
        Some(rest) => format!("Message {rest}"),
        None => text,
    };
    let joined = email_as(text.trim_end_matches('.'), "message");
    (
        format!("{joined}, {how} rather than email."),
        InteractionKind::Message,
    )
}

/// `text` with the email it speaks of made another channel ("confirm it in
/// a short email" → "…in a short message").
fn email_as(text: &str, channel: &str) -> String {
    if text.contains(" email") {
        text.replace(" email", &format!(" {channel}"))
    } else {
        text.to_owned()
    }
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
mod tests;
