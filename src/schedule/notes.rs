//! Reading what the user wrote, so a suggestion can act on it instead of
//! quoting it: a note's open request ("wants pricing for the enterprise tier"),
//! its business thread ("decision in Q2"), its personal news ("moving to
//! Seattle in January"), and what a promise asks the user to do ("Call Tom
//! after his budget meeting" is a call, not something to send).
//!
//! The words live in `suggestions.json` beside the templates. Reading is
//! deliberately modest: a clause is recognised from its opening words, and
//! anything not recognised is simply not used (a suggestion then falls back to
//! a plainer template), never guessed at.

use super::suggest::{clean, data};
use std::borrow::Cow;

/// The longest piece of a note a suggestion quotes.
const FRAGMENT_CHARS: usize = 90;
/// The longest request or promise object used in a sentence; longer ones read
/// as pasted notes, and fall back to a plainer template.
const OBJECT_CHARS: usize = 80;

/// What a note holds that a ping can act on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteReading {
    /// Something the contact asked for.
    pub request: Option<Request>,
    /// The business thread, as a short fragment to quote.
    pub thread: Option<String>,
    /// Personal news, as a short fragment to quote.
    pub life: Option<String>,
    /// A favour the contact did ("introduced me to their head of operations").
    pub favour: Option<String>,
    /// The personal news is serious or big (an illness, surgery, a loss, a
    /// move, a new job): it comes before small talk.
    pub serious: bool,
    /// The note reports its matter closed ("issues resolved", "lost to a
    /// competitor", "renewal signed") and holds nothing open: nothing to check in on.
    pub settled: bool,
    /// The business is parked until later ("revisit after their migration in
    /// spring", "check back in a year"), as a short fragment to quote.
    pub later: Option<String>,
    /// The contact offered to do something ("he'll introduce their CFO"):
    /// worth a word soon, while it is fresh.
    pub offered: bool,
    /// The clauses that offer it, as a short fragment to quote.
    pub offer: Option<String>,
    /// The thread waits on a decision (an approval, a budget, a board).
    pub decision: bool,
}

/// Something a contact asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// How it is delivered: `send`, `set_up` or `answer` (see `request_kinds`).
    pub kind: &'static str,
    /// What was asked for, as written ("pricing for the enterprise tier").
    pub object: String,
    /// A second thing asked for in the same note ("…and wants pricing"), delivered with it.
    pub and: Option<Box<Request>>,
}

/// What a promise asks the user to do.
#[derive(Debug, Clone, PartialEq)]
pub struct PromiseReading {
    /// The act (`send`, `call`, `introduce`… see `promise_acts`).
    pub act: &'static str,
    /// The rest of the promise, without the verb and the contact's name
    /// ("the 40-seat quote", "after his budget meeting"); may be empty.
    pub object: String,
}

/// Splits a note into clauses at the places people break their notes.
fn clauses(note: &str) -> Vec<&str> {
    let mut parts = vec![note];
    for sep in [";", "\n", "!", "?", " — ", " – ", " - "] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts = parts.into_iter().flat_map(sentences).collect();
    // "asked about SAP and wants pricing", "skeptical about X, wants a
    // customer call": two clauses, split before the second verb.
    let parts: Vec<&str> = parts
        .into_iter()
        .flat_map(|p| {
            let lower = p.to_lowercase();
            let mut cuts: Vec<(usize, usize)> = [" and ", ", "]
                .iter()
                .flat_map(|sep| lower.match_indices(sep))
                .filter(|(at, sep)| {
                    let after = at + sep.len();
                    let next = lower
                        .get(after..)
                        .and_then(|r| r.split_whitespace().next())
                        .unwrap_or("");
                    NEXT_CLAUSE.contains(&next)
                        && p.is_char_boundary(*at)
                        && p.is_char_boundary(after)
                })
                .map(|(at, sep)| (at, sep.len()))
                .collect();
            cuts.sort_unstable();
            cuts.push((p.len(), 0));
            let mut from = 0;
            cuts.into_iter()
                .map(move |(to, len)| {
                    let piece = p.get(from.min(to)..to).unwrap_or("");
                    from = (to + len).min(p.len());
                    piece
                })
                .collect::<Vec<_>>()
        })
        .collect();
    parts
        .into_iter()
        .map(|p| p.trim().trim_end_matches(['.', ',', ':']).trim())
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .collect()
}

/// A text split into sentences at ". ", but not after a title ("Dr.
/// Reitmeier's calendar") or a short form ("approx. 20").
fn sentences(text: &str) -> Vec<&str> {
    // Abbreviations whose dot ends no sentence ("offer incl. Yard Mgmt").
    const SHORT: [&str; 14] = [
        "dr", "mr", "mrs", "ms", "prof", "st", "approx", "incl", "excl", "vs", "ca", "nr", "no",
        "zb",
    ];
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices(". ") {
        let word = text[from..at]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if SHORT.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        out.push(&text[from..at]);
        from = at + 2;
    }
    out.push(&text[from..]);
    out
}

/// Lower-case words, split at anything that is not a letter, digit or hyphen.
pub(super) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `phrase` occurs in `tokens` as whole words; a single word of five
/// letters or more also matches as the start of a word ("relocat" → "relocating").
fn has_phrase(tokens: &[String], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split_whitespace().collect();
    phrase_in(tokens, &parts)
}

/// [`has_phrase`] with the phrase already split into words.
fn phrase_in(tokens: &[String], parts: &[&str]) -> bool {
    match parts {
        [] => false,
        [one] if one.chars().count() >= 5 => tokens.iter().any(|t| t.starts_with(one)),
        _ => tokens
            .windows(parts.len())
            .any(|w| w.iter().zip(parts).all(|(a, b)| a == b)),
    }
}

/// A text's lower-cased form and words, worked out once for all the word
/// lists it is checked against. Idioms that look like news and are not
/// ("sick of the old system", "tired of spreadsheets") are left out.
struct Words {
    lower: String,
    tokens: Vec<String>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut lower = text.to_lowercase();
        for idiom in [
            "sick of",
            "sick and tired",
            "tired of",
            "ill-suited",
            "ill suited",
        ] {
            if lower.contains(idiom) {
                lower = lower.replace(idiom, " ");
            }
        }
        let mut tokens: Vec<String> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        // "Meniskus-OP", "Augen-OP": German for a knee or an eye operation.
        if tokens.iter().any(|t| t.len() > 3 && t.ends_with("-op")) {
            tokens.push("op".to_owned());
        }
        Words { lower, tokens }
    }
}

/// A word list from the data, split into words once: phrases match whole
/// words (see [`has_phrase`]); one with an apostrophe ("he'll introduce")
/// matches the text as written.
struct WordList {
    phrases: Vec<Vec<&'static str>>,
    literal: Vec<&'static str>,
}

impl WordList {
    fn new(list: &'static [String]) -> WordList {
        let (literal, phrases): (Vec<&String>, Vec<&String>) = list
            .iter()
            .partition(|w| w.contains('\'') || w.contains('\u{2019}'));
        WordList {
            phrases: phrases
                .into_iter()
                .map(|p| p.split_whitespace().collect())
                .collect(),
            literal: literal.into_iter().map(String::as_str).collect(),
        }
    }

    fn in_words(&self, words: &Words) -> bool {
        self.literal.iter().any(|w| words.lower.contains(w))
            || self.phrases.iter().any(|p| phrase_in(&words.tokens, p))
    }

    fn in_text(&self, text: &str) -> bool {
        self.in_words(&Words::of(text))
    }
}

/// The data's word lists, split once.
struct Lists {
    favour: WordList,
    life: WordList,
    serious: WordList,
    settled: WordList,
    review: WordList,
    later: WordList,
    concern: WordList,
    offered: WordList,
    pending_intro: WordList,
    phone: WordList,
    unanswered: WordList,
    decision: WordList,
}

fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        let d = data();
        Lists {
            favour: WordList::new(&d.favour_words),
            life: WordList::new(&d.life_words),
            serious: WordList::new(&d.serious_words),
            settled: WordList::new(&d.settled_words),
            review: WordList::new(&d.review_words),
            later: WordList::new(&d.later_words),
            concern: WordList::new(&d.concern_words),
            offered: WordList::new(&d.offered_words),
            pending_intro: WordList::new(&d.pending_intro_words),
            phone: WordList::new(&d.phone_words),
            unanswered: WordList::new(&d.unanswered_words),
            decision: WordList::new(&d.decision_words),
        }
    })
}

fn is_filler(words: &Words) -> bool {
    let tokens = &words.tokens;
    tokens.len() <= 4
        && data()
            .filler
            .iter()
            .any(|f| has_phrase(tokens, f) || tokens.join(" ") == *f)
}

fn is_thread_words(words: &Words) -> bool {
    data()
        .thread_words
        .iter()
        .any(|w| words.lower.contains(w.as_str()))
}

/// Words the user calls their own family by, bare ("Mom seeing the ortho
/// 12/8", "Dad's router keeps dropping"): a clause that opens with one is
/// about that relative. Some are what a family says at home ("Amma").
pub(super) const FAMILY_ROLES: [&str; 33] = [
    "mom",
    "mum",
    "mother",
    "mam",
    "dad",
    "father",
    "sister",
    "brother",
    "wife",
    "husband",
    "son",
    "daughter",
    "grandma",
    "grandpa",
    "granny",
    "gran",
    "nan",
    "aunt",
    "uncle",
    "niece",
    "nephew",
    "cousin",
    "godson",
    "goddaughter",
    "godchild",
    "amma",
    "appa",
    "achan",
    "mama",
    "papa",
    "oma",
    "opa",
    "nonna",
];

/// The family words a contact's card calls them by ("Mom. Indianapolis.",
/// "Nephew - Arjun's son", "Amma (Mum)", "My niece", a kept "Nickname:
/// Dad"): opening its first sentence, after "my" or in brackets there, not
/// "Wife of our CFO".
pub fn family_roles(card: &str) -> Vec<&'static str> {
    // Called for every card, often: most name no family at all.
    let first = card
        .trim_start()
        .split(['.', ';', '\n'])
        .next()
        .unwrap_or("");
    let nickname = crate::model::nickname_lines(card).next().map(str::trim);
    if first.is_empty() && nickname.is_none() {
        return Vec::new();
    }
    let first = first.to_lowercase();
    FAMILY_ROLES
        .iter()
        .copied()
        .filter(|role| {
            nickname.is_some_and(|n| n.eq_ignore_ascii_case(role))
                || first.match_indices(role).any(|(i, _)| {
                    let before = &first[..i];
                    // Opening the card, after "my", or in brackets.
                    let placed =
                        before.is_empty() || before.ends_with("my ") || before.ends_with('(');
                    // "Nephew - Arjun's son", "Mom", "(Mum)"; not "Sister
                    // company of Acme" nor "Wife of our CFO".
                    let rest = &first[i + role.len()..];
                    placed
                        && !rest.starts_with(char::is_alphanumeric)
                        && !rest.trim_start().starts_with(char::is_alphanumeric)
                })
        })
        .collect()
}

/// `note` without its sentences about another of the user's relatives than
/// the contact ("Mom seeing the ortho 12/8" in a family note logged with
/// Mom, Dad and a sister is Mom's news, not theirs). `own_roles` are the
/// contact's (see [`family_roles`]).
pub fn without_relatives_news<'t>(note: &'t str, own_roles: &[&str]) -> Cow<'t, str> {
    // Read without allocating: this runs on every sentence of every note.
    let about_other = |sentence: &str| {
        let first = sentence.split_whitespace().next().unwrap_or("");
        let word = first.trim_end_matches([',', ':']);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .or_else(|| word.strip_suffix("'S"))
            .unwrap_or(word);
        FAMILY_ROLES.iter().any(|r| r.eq_ignore_ascii_case(word))
            && !own_roles.iter().any(|r| r.eq_ignore_ascii_case(word))
    };
    if !note.split(". ").any(about_other) {
        return Cow::Borrowed(note);
    }
    Cow::Owned(
        note.split(". ")
            .filter(|s| !about_other(s))
            .collect::<Vec<_>>()
            .join(". "),
    )
}

/// Whether a note may name a day: a month's name ("Dec", "January"), a
/// numeric date ("12/17", "17.12.") or a calendar week ("KW 51"). A quick
/// look, before the reading of [`note_dates`].
pub fn may_name_a_day(note: &str) -> bool {
    const MONTHS: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    super::numeric_dates::may_hold_numeric_date(note)
        || note
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3)
            .any(|w| {
                // "Dec", "sept", "December"; not "decision" nor "market".
                let lower = w.to_ascii_lowercase();
                let head: &[u8] = &lower.as_bytes()[..3];
                MONTHS.iter().enumerate().any(|(i, m)| {
                    head == *m && (lower.len() == 3 || lower == "sept" || MONTH_NAMES[i] == lower)
                })
            })
}

/// Whether a request is for months ahead ("wants an ROI review at 6
/// months (May)", "a health check in 6 mo", "next year"): nothing owed yet,
/// so nothing late to apologise for.
fn asked_for_months_ahead(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let in_months = words.windows(3).any(|w| {
        matches!(w[0], "at" | "in" | "after")
            && (w[1].parse::<u32>().is_ok_and(|n| n >= 3)
                || matches!(w[1], "three" | "four" | "six" | "nine" | "twelve"))
            && matches!(w[2], "months" | "mo" | "mos" | "mths")
    });
    let span = ["6-month", "six-month", "12-month", "next year"]
        .iter()
        .any(|cue| lower.contains(cue));
    in_months || span
}

/// Whether a note says a matter is settled ("signed", "went with", "lost to").
pub fn settles(note: &str) -> bool {
    lists().settled.in_text(note)
}

fn is_life_clause(clause: &str) -> bool {
    lists().life.in_text(clause) && !is_settled_life(clause)
}

/// Whether a clause tells of a life long settled rather than news: "retired
/// life good, golf 4 days a wk" is how things are, not a retirement to
/// wish well.
fn is_settled_life(clause: &str) -> bool {
    // Every cue speaks of retirement: most clauses are passed over at once.
    if !crate::model::contains_ignore_case(clause, "retire") {
        return false;
    }
    let lower = clause.to_lowercase();
    [
        "retired life",
        "enjoying retirement",
        "loving retirement",
        "enjoying his retirement",
        "enjoying her retirement",
        "retirement suits",
        "long retired",
        "retired years ago",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// How much a thread clause matters: a concern, a decision or a request
/// holds the thread better than the setting around it ("Demo of AP automation").
fn thread_weight(clause: &str) -> u8 {
    u8::from(lists().concern.in_text(clause))
}

/// A text without the board's people ("a board member", "board adviser"),
/// whose "board" is no decision.
fn without_board_people(text: &str) -> String {
    let mut lower = text.to_lowercase();
    for person in [
        "board members",
        "board member",
        "board adviser",
        "board advisor",
        "board seat",
    ] {
        lower = lower.replace(person, "");
    }
    lower
}

/// Whether personal news is serious (an illness, surgery, a loss; see `serious_words`).
pub fn is_serious(news: &str) -> bool {
    lists().serious.in_text(news)
}

/// Whether a text speaks of personal news at all ("Drive Dad to the hip
/// op"): see `life_words`.
pub fn mentions_life(text: &str) -> bool {
    lists().life.in_text(text)
}

/// What a clause of a note is, read once.
struct Clause<'t> {
    text: &'t str,
    filler: bool,
    one_word: bool,
    thread: bool,
    favour: bool,
    life: bool,
    settled: bool,
    later: bool,
    offered: bool,
    decision: bool,
    someone_else: bool,
}

/// Whether the note tells person by person: some clause opens with the
/// contact's first name, or clauses open with two other names ("Neha wants
/// an integration. Lisa is writing a report, wants a briefing", logged with
/// Kara too). Then clauses that open with another subject are about someone
/// else. One other name alone may be the contact's own by another name.
fn opens_with_name(clauses: &[&str], first_name: &str) -> bool {
    let first_lower = first_name.trim().to_lowercase();
    if first_lower.is_empty() {
        return false;
    }
    if clauses
        .iter()
        .any(|c| first_word(c).to_lowercase() == first_lower)
    {
        return true;
    }
    let mut others = clauses
        .iter()
        .filter(|c| about_someone_else(c, first_name, true))
        .map(|c| first_word(c).to_lowercase());
    others
        .next()
        .is_some_and(|one| others.any(|another| another != one))
}

/// For each clause, whether it is about someone other than the contact: in
/// a note that opens a clause with the contact's first name (one shared by
/// the people met at one event), a clause that opens with another name, and
/// a clause with no subject of its own after one ("Emma worried about the
/// contract, wants a TCO": the request is Emma's).
fn about_others(all: &[&str], first_name: &str, names_contact: bool) -> Vec<bool> {
    let mut previous_else = false;
    all.iter()
        .map(|text| {
            let own_subject = first_word(text).starts_with(|c: char| !c.is_lowercase());
            let someone_else = about_someone_else(text, first_name, names_contact)
                || (names_contact && previous_else && !own_subject);
            previous_else = someone_else;
            someone_else
        })
        .collect()
}

/// Whether a clause says the thing just asked for was done: a few words
/// opening with the deed ("sent same day", "done", "replied next morning",
/// "already sent"). "Sent the case study last week" says what else was sent.
fn is_answer(clause: &str) -> bool {
    let lower = clause.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    // A short word of the deed ("sent", "done - emailed"), not a clause
    // that goes on about something else ("done deal by March, he says").
    let deed = matches!(
        words.first().copied().unwrap_or(""),
        "sent" | "done" | "delivered" | "replied" | "answered"
    );
    (deed && words.len() <= 3)
        || lower.starts_with("already sent")
        || lower.starts_with("sent it")
        || lower.contains("sent same day")
        || lower == "same day"
        // "asked for a feedback call, she declined politely": closed too.
        || words.first().is_some_and(|w| *w == "declined")
        || ["she", "he", "they"]
            .iter()
            .any(|who| lower.starts_with(&format!("{who} declined")))
}

/// For each clause, whether it holds a request that a later clause says was
/// met ("Kylie asked for an updated SLD - sent same day").
fn answered_later(all: &[&str], first_name: &str) -> Vec<bool> {
    let mut out = vec![false; all.len()];
    let Some(last_answer) = all.iter().rposition(|c| is_answer(c)) else {
        return out;
    };
    for (i, clause) in all.iter().enumerate().take(last_answer) {
        out[i] = request_in(clause, first_name).is_some();
    }
    out
}

/// Reads each clause of a note once; `first_name` tells the contact's
/// clauses from those about someone else.
fn read_clauses<'t>(note: &'t str, first_name: &str) -> Vec<Clause<'t>> {
    let all = clauses(note);
    let names_contact = opens_with_name(&all, first_name);
    let lists = lists();
    let others = about_others(&all, first_name, names_contact);
    let answered = answered_later(&all, first_name);
    all.into_iter()
        .zip(others)
        .zip(answered)
        .map(|((text, someone_else), answered)| {
            let words = Words::of(text);
            Clause {
                text,
                filler: is_filler(&words),
                one_word: words.tokens.len() <= 1,
                thread: is_thread_words(&words),
                favour: lists.favour.in_words(&words),
                life: lists.life.in_words(&words) && !is_settled_life(text),
                settled: answered || lists.settled.in_words(&words),
                later: lists.later.in_words(&words),
                offered: lists.offered.in_words(&words),
                // "A board member at Northway" is a person, not a decision.
                decision: lists.decision.in_words(&words)
                    && (!text.to_lowercase().contains("board ")
                        || lists
                            .decision
                            .in_words(&Words::of(&without_board_people(text)))),
                someone_else,
            }
        })
        .collect()
}

/// The part of a note about the contact: in a note shared by several people
/// met at one event ("Rachel at booth: wants pricing before 10 Dec. Sophie
/// working the rival booth"), the clauses about the others are left out, as
/// [`read_note`] leaves them out. A note that does not open a clause with the
/// contact's first name is all about them.
pub fn own_part<'t>(note: &'t str, first_name: &str) -> std::borrow::Cow<'t, str> {
    let first = first_name.trim();
    // A note that does not name the contact is told person by person only
    // when two other names open its clauses: with fewer than two words
    // that may be names, it is all theirs (a quick look first).
    if first.is_empty()
        || (!note.contains(first)
            && note
                .split_whitespace()
                .filter(|w| {
                    w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
                })
                .nth(1)
                .is_none())
    {
        return std::borrow::Cow::Borrowed(note);
    }
    let all = clauses(note);
    let names_contact = opens_with_name(&all, first);
    if !names_contact {
        return std::borrow::Cow::Borrowed(note);
    }
    let others = about_others(&all, first, names_contact);
    let own: Vec<&str> = all
        .into_iter()
        .zip(others)
        .filter_map(|(text, someone_else)| (!someone_else).then_some(text))
        .collect();
    std::borrow::Cow::Owned(own.join(". "))
}

/// Whether the last note holds something that waits on the user: a request,
/// or an offer the contact made. The same reading as [`read_note`]'s, done
/// cheaply for planning: a clause is only looked at further when it holds one.
pub fn waits_on_user(note: &str, first_name: &str) -> bool {
    let all = clauses(note);
    let names_contact = opens_with_name(&all, first_name);
    let lists = lists();
    // As in `read_clauses` ("Rachel at booth: …, wants pricing" is Rachel's).
    let others = about_others(&all, first_name, names_contact);
    let answered = answered_later(&all, first_name);
    let answer_later = answer_comes_later(note);
    all.iter()
        .zip(others)
        .zip(answered)
        .any(|((&text, someone_else), answered)| {
            if someone_else || answered {
                return false;
            }
            let request =
                request_in(text, first_name).is_some_and(|r| !(answer_later && r.kind == "answer"));
            // Every offer has "'ll", "will" or "offered" in it.
            let maybe_offer = !request && {
                let lower = text.to_lowercase();
                ["ll ", "will ", "offered"]
                    .iter()
                    .any(|c| lower.contains(c))
            };
            if !request && !maybe_offer {
                return false;
            }
            let words = Words::of(text);
            (request || lists.offered.in_words(&words))
                && !is_filler(&words)
                && !lists.settled.in_words(&words)
                && !lists.later.in_words(&words)
                && (words.tokens.len() > 1 || is_thread_words(&words))
        })
}

/// Words a clause about someone else may start with that are no one's name.
const STARTERS: [&str; 115] = [
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "we",
    "i",
    "our",
    "my",
    "the",
    "a",
    "an",
    "it",
    "this",
    "that",
    "also",
    "and",
    "but",
    "asked",
    "wants",
    "needs",
    "said",
    "discussed",
    // Words a sentence about the same person opens with, never a name:
    // "Flat out till Xmas - call her after 11/1".
    "flat",
    "busy",
    "keen",
    "happy",
    "good",
    "great",
    "very",
    "really",
    "still",
    "not",
    "no",
    "just",
    "will",
    "would",
    "can",
    "could",
    "should",
    "call",
    "send",
    "follow",
    "email",
    "ring",
    "text",
    "meet",
    "looking",
    "planning",
    "waiting",
    "interested",
    "open",
    "quick",
    "short",
    "big",
    "nice",
    "lovely",
    "went",
    "had",
    "has",
    "have",
    "is",
    "was",
    "were",
    "got",
    "get",
    "likes",
    "liked",
    "loves",
    "loved",
    "thinks",
    "thought",
    "sounds",
    "seems",
    "maybe",
    "probably",
    "next",
    "last",
    "then",
    "after",
    "before",
    "when",
    "once",
    "if",
    "so",
    "too",
    "both",
    "all",
    "some",
    "more",
    "lots",
    "new",
    "old",
    "back",
    "off",
    "out",
    "up",
    "in",
    "on",
    "at",
    "for",
    "with",
    "re",
    "thanks",
    "ok",
    "okay",
    "worried",
    "stressed",
    "away",
    "told",
    "mentioned",
    "agreed",
    "promised",
    "prefers",
];

/// The first word of a clause, as written.
fn first_word(clause: &str) -> &str {
    clause
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '\u{2019}')
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// Whether a clause opening "Will" names someone ("Will said the board
/// meets Tuesday") rather than saying what will happen
/// ("Will call after 11/1"): the word after a name is a verb in the third
/// person or past, never a bare one.
fn is_will_named(clause: &str, lower_first: &str) -> bool {
    if lower_first != "will" {
        return false;
    }
    let next = clause
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        next.as_str(),
        "is" | "was"
            | "has"
            | "had"
            | "from"
            | "at"
            | "said"
            | "told"
            | "rang"
            | "sent"
            | "left"
            | "took"
            | "got"
            | "went"
            | "came"
            | "met"
            | "says"
            | "mentioned"
            | "thinks"
            | "wants"
            | "asked"
            | "called"
            | "emailed"
            | "replied"
    )
}

/// Whether a clause is about someone other than the contact: in a note that
/// names the contact at the start of a clause (a note shared by the people
/// met at one event), a clause that starts with another capitalised word.
fn about_someone_else(clause: &str, first_name: &str, names_contact: bool) -> bool {
    if !names_contact {
        return false;
    }
    let word = first_word(clause);
    // "SAP go-live", "CP-400 budget": an acronym or a model is no name.
    // (The cheap checks first: most clauses open with no name at all.)
    let name_like = word.starts_with(|c: char| c.is_uppercase())
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
        && word.chars().skip(1).any(char::is_lowercase);
    if !name_like {
        return false;
    }
    let lower = word.to_lowercase();
    if lower == first_name.trim().to_lowercase()
        || (STARTERS.contains(&lower.as_str()) && !is_will_named(clause, &lower))
        || lower.starts_with("he'")
        || lower.starts_with("she'")
        || lower.starts_with("they'")
    {
        return false;
    }
    // "Budget approved", "Demo went well": the business, not a person.
    let business = data()
        .thread_words
        .iter()
        .chain(&data().concern_words)
        .chain(&data().life_words)
        .any(|w| !w.contains(' ') && lower.starts_with(w.as_str()))
        // "Bank in change freeze till 11/1", "Council budget": a body, not
        // a person.
        || ORGANISATIONS.contains(&lower.as_str())
        || names_a_body_or_project(clause);
    !business
}

/// Whether a clause opening with a capital names an organisation ("Fife
/// College", "West Lothian Council") or a system's project ("Moodle upgrade
/// till end Jan", "Teams rollout in Q1"), not a person: by its last word, or
/// by the word after its first.
fn names_a_body_or_project(clause: &str) -> bool {
    let words: Vec<String> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let body = words.len() >= 2
        && words.len() <= 4
        && words
            .last()
            .is_some_and(|w| ORGANISATIONS.contains(&w.as_str()));
    let project = words
        .get(1)
        .is_some_and(|second| PROJECT_WORDS.contains(&second.as_str()));
    body || project
}

/// Nouns that, after a system's name, make it a project ("Moodle upgrade",
/// "Workday rollout"); never verbs, as "Sophie wants pricing" is Sophie's.
const PROJECT_WORDS: [&str; 22] = [
    "upgrade",
    "upgrades",
    "implementation",
    "replacement",
    "refresh",
    "deployment",
    "install",
    "build",
    "freeze",
    "project",
    "programme",
    "system",
    "rollout",
    "roll-out",
    "migration",
    "go-live",
    "budget",
    "renewal",
    "contract",
    "pilot",
    "integration",
    "tender",
];

/// Words that open a clause about an organisation or a part of one, never
/// a person ("Bank in change freeze", "Council budget set in Feb").
const ORGANISATIONS: [&str; 26] = [
    "bank",
    "council",
    "college",
    "university",
    "uni",
    "school",
    "trust",
    "board",
    "team",
    "company",
    "firm",
    "office",
    "hospital",
    "ministry",
    "department",
    "dept",
    "client",
    "customer",
    "project",
    "programme",
    "program",
    "finance",
    "procurement",
    "legal",
    "site",
    "store",
];

/// The clauses that hold the thread best (a concern, a decision, a request
/// before the setting around it) while they fit a fragment, in the note's order.
fn weighted_fragment(parts: &[&str]) -> Option<String> {
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(thread_weight(parts[i])));
    let mut chosen: Vec<usize> = Vec::new();
    let mut length = 0;
    for i in order {
        let more = parts[i].chars().count() + 2;
        if !chosen.is_empty() && length + more > FRAGMENT_CHARS + 2 {
            continue;
        }
        length += more;
        chosen.push(i);
    }
    chosen.sort_unstable();
    let picked: Vec<&str> = chosen.into_iter().map(|i| parts[i]).collect();
    fragment(&picked)
}

/// Joins clauses into a fragment of at most [`FRAGMENT_CHARS`], starting with
/// a capital; `None` when there are none.
fn fragment(parts: &[&str]) -> Option<String> {
    let mut out = String::new();
    for part in parts {
        let next = if out.is_empty() {
            (*part).to_owned()
        } else {
            format!("{out}; {part}")
        };
        if next.chars().count() > FRAGMENT_CHARS && !out.is_empty() {
            break;
        }
        out = next;
    }
    let out = clean(&out, FRAGMENT_CHARS);
    if out.is_empty() {
        return None;
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
}

/// Reads a note: its request, thread and news. `first_name` is the contact's,
/// so "Ana asked for…" reads like "asked for…".
pub fn read_note(note: &str, first_name: &str) -> NoteReading {
    let all = read_clauses(note, first_name);
    // One word on its own ("Happy") is a mood, not something to quote.
    let parts: Vec<&Clause<'_>> = all
        .iter()
        .filter(|c| !c.filler && !c.someone_else)
        .filter(|c| !c.one_word || c.thread)
        .collect();
    fn texts<'t>(list: &[&Clause<'t>]) -> Vec<&'t str> {
        list.iter().map(|c| c.text).collect()
    }
    let has_settled = parts.iter().any(|c| c.settled);
    let later_from = parts.iter().position(|c| c.later);
    let open: Vec<&Clause<'_>> = parts
        .iter()
        .copied()
        .filter(|c| !c.settled && !c.later)
        .collect();
    // A short note with nothing dropped is quoted as written.
    let as_written = note.trim().trim_end_matches(['.', ' ']);
    let whole = (open.len() == all.len() && as_written.chars().count() <= FRAGMENT_CHARS)
        .then(|| fragment(&[as_written]))
        .flatten();
    // "Needs our updated BBBEE cert - ours expires 28/2/27 so fine for now":
    // no request yet, by the rest of its sentence.
    let can_wait = |clause: &str| {
        let lower = note.to_lowercase();
        let Some(at) = note.find(clause) else {
            return false;
        };
        // Lower-casing may move byte offsets in rare scripts: then no cue.
        let Some(rest) = lower.get(at..) else {
            return false;
        };
        let sentence = rest.split(['.', '\n', ';']).next().unwrap_or(rest);
        // Only "…so fine for now" or "not needed yet" says the thing itself
        // waits; "no rush on the pen test" is about something else.
        [
            "so fine for now",
            "so ok for now",
            "not needed yet",
            "not needed for now",
        ]
        .iter()
        .any(|cue| sentence.contains(cue))
            || asked_for_months_ahead(clause)
    };
    let answer_later = answer_comes_later(note);
    let mut requests = open
        .iter()
        .filter(|c| !can_wait(c.text))
        .filter_map(|c| request_in(c.text, first_name))
        .filter(|r| !(answer_later && r.kind == "answer"));
    let request = requests.next().map(|mut first| {
        first.and = requests.next().map(Box::new);
        // "Interested in the robot; wants a theatre visit": the visit comes first.
        if first.kind == "interest" && first.and.as_ref().is_some_and(|a| a.kind == "set_up") {
            if let Some(mut second) = first.and.take() {
                second.and = None;
                first.and = None;
                second.and = Some(Box::new(first));
                return *second;
            }
        }
        first
    });
    let favours: Vec<&Clause<'_>> = open.iter().copied().filter(|c| c.favour).collect();
    let threads: Vec<&Clause<'_>> = open
        .iter()
        .copied()
        .filter(|c| c.thread && !c.favour)
        .collect();
    let lives: Vec<&Clause<'_>> = open
        .iter()
        .copied()
        .filter(|c| c.life && !c.thread)
        .collect();
    // Business parked until later: what the note says about when, and what follows it.
    let later = later_from.and_then(|at| {
        let pieces: Vec<&str> = parts[at..]
            .iter()
            .filter(|c| c.later || c.thread)
            .map(|c| c.text)
            .collect();
        fragment(&pieces)
    });
    let thread = if threads.is_empty() || later.is_some() {
        None
    } else if !lives.is_empty() {
        // News and a thread are told apart, so the news can open the conversation.
        weighted_fragment(&texts(&threads))
    } else if whole.is_some() && favours.is_empty() {
        whole
    } else if open
        .iter()
        .map(|p| p.text.chars().count() + 2)
        .sum::<usize>()
        <= FRAGMENT_CHARS + 2
    {
        // Short enough to quote whole (the news around a thread often matters too).
        fragment(&texts(&open))
    } else {
        weighted_fragment(&texts(&threads))
    };
    // "Congrats msg - promoted to Head of Sales": the user has said it; the
    // news is no opening for the next word.
    let answered = {
        let lower = note.to_lowercase();
        [
            "congrats msg",
            "congrats message",
            "congrats sent",
            "sent congrats",
            "sent my congrats",
            "sent congratulations",
            "congratulated",
        ]
        .iter()
        .any(|cue| lower.contains(cue))
    };
    let life = if answered {
        None
    } else {
        fragment(&texts(&lives))
    };
    NoteReading {
        decision: thread.is_some() && threads.iter().any(|c| c.decision),
        settled: has_settled && thread.is_none() && request.is_none(),
        serious: lives.iter().any(|l| is_serious(l.text)),
        offered: open.iter().any(|c| c.offered),
        offer: fragment(&texts(
            &open
                .iter()
                .copied()
                .filter(|c| c.offered)
                .collect::<Vec<_>>(),
        )),
        request,
        thread,
        life,
        favour: fragment(&texts(&favours)),
        later,
    }
}

/// The user's own words in a contact's notes, as a short fragment to quote:
/// import bookkeeping (a profile link, "Merged with…", "From file.csv,
/// differing: …") is left out and a "From file.csv: " prefix dropped; `None`
/// when nothing of the user's is left.
pub fn own_notes(notes: &str) -> Option<String> {
    let mut kept: Vec<&str> = Vec::new();
    for line in notes.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut line = line;
        if line.starts_with("Merged with ") && line.contains("differed") {
            continue;
        }
        if let Some((head, tail)) = line.strip_prefix("From ").and_then(|r| r.split_once(": ")) {
            if head.ends_with(", differing") {
                continue;
            }
            // "From google-contacts.csv: Former boss": the note is what follows.
            if head.contains('.') && head.chars().count() <= 80 {
                line = tail.trim();
            }
        }
        // "LinkedIn: https://…", a bare link: nothing the user wrote.
        let label_free = match line.split_once(": ") {
            Some((label, rest)) if !label.contains(' ') => rest,
            _ => line,
        };
        let is_link = |w: &str| {
            let w = w.to_lowercase();
            w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
        };
        if label_free.split_whitespace().all(is_link) {
            continue;
        }
        kept.push(line);
    }
    let text = kept.join(" ");
    let text = text.trim();
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    // Whole sentences while they fit.
    let mut out = String::new();
    for sentence in text.split_inclusive(". ") {
        if out.chars().count() + sentence.chars().count() > FRAGMENT_CHARS && !out.is_empty() {
            break;
        }
        out.push_str(sentence);
    }
    let out = clean(out.trim().trim_end_matches(['.', ' ']), FRAGMENT_CHARS);
    (!out.is_empty()).then_some(out)
}

/// Whether one of a contact's tags says how the user knows them ("Clients",
/// "Former colleagues", "Friends"), from `relationship_tags`.
pub fn relationship_tag(tags: &[String]) -> Option<&str> {
    tags.iter()
        .find(|t| {
            words(t)
                .iter()
                .any(|w| data().relationship_tags.contains(w))
        })
        .map(String::as_str)
}

/// A yearly Christmas custom the card keeps ("Christmas card (in Polish)
/// every year, must arrive before Wigilia", "Gets a Brandl Christmas hamper
/// every year, which I deliver in person"): the sentence as written, what
/// it is ("card", "hamper") and whether it goes by post to arrive in time.
/// What the contact gives the user ("Sends a slab every Christmas") is no
/// custom of the user's.
pub fn christmas_custom(card: &str) -> Option<ChristmasCustom<'_>> {
    const YEARLY: [&str; 9] = [
        "every year",
        "each year",
        "every christmas",
        "each christmas",
        "every xmas",
        "every december",
        "each december",
        "annual",
        "yearly",
    ];
    const SEASON: [&str; 5] = ["christmas", "xmas", "december", "festive", "holiday card"];
    const THINGS: [&str; 13] = [
        "card",
        "hamper",
        "gift",
        "present",
        "lunch",
        "dinner",
        "drinks",
        "visit",
        "call",
        "wine",
        "chocolates",
        "bottle",
        "box",
    ];
    // What they do for the user ("Every year she sends us a Christmas card",
    // "he calls me at Christmas"): theirs, not the user's custom.
    const GIVES: [&str; 14] = [
        "sends", "gives", "brings", "sent", "gave", "brought", "calls", "rings", "visits",
        "invites", "takes", "hosts", "throws", "treats",
    ];
    // Most cards keep no custom: a look for the yearly words spares them.
    if !YEARLY
        .iter()
        .any(|y| crate::model::contains_ignore_case(card, y))
    {
        return None;
    }
    card.split(['\n', ';', '!', '.'])
        .map(str::trim)
        .filter(|sentence| !sentence.is_empty())
        .find_map(|sentence| {
            let lower = sentence.to_lowercase();
            if !YEARLY.iter().any(|y| lower.contains(y))
                || !SEASON.iter().any(|w| lower.contains(w))
                || lower.contains("annual leave")
                || lower.contains("on leave")
            {
                return None;
            }
            let words = words(&lower);
            // "Every Christmas I send him a case of Franciacorta", "I bring
            // him a panettone in person": the user's own gift, whatever it is.
            let own_gift = words.windows(2).position(|w| {
                matches!(w[0].as_str(), "i" | "we")
                    && matches!(
                        w[1].as_str(),
                        "send" | "bring" | "give" | "drop" | "take" | "post" | "ship" | "deliver"
                    )
            });
            let (at, thing) = words
                .iter()
                .enumerate()
                .find_map(|(at, w)| THINGS.iter().find(|t| is_word_for(w, t)).map(|t| (at, *t)))
                .or_else(|| own_gift.map(|at| (at, "gift")))?;
            if words[..=at].iter().any(|w| GIVES.contains(&w.as_str())) {
                return None;
            }
            // A call or a visit in December is often business ("annual site
            // visit in December"): only Christmas makes it a custom.
            let christmas = ["christmas", "xmas", "festive"]
                .iter()
                .any(|w| lower.contains(w));
            if matches!(thing, "call" | "visit") && !christmas {
                return None;
            }
            // "I send him a case of…", "(courier to 447 Collins)": it must
            // arrive, as a card in the post must.
            let by_post = [
                "post", "arrive", "abroad", "overseas", "by mail", "courier", "ship",
            ]
            .iter()
            .any(|w| lower.contains(w))
                || words
                    .windows(2)
                    .any(|w| matches!(w[0].as_str(), "i" | "we") && w[1] == "send");
            // "I drop a box … in person", "round to his yard": handed over
            // in the last days before the break, not planned weeks ahead.
            let in_person = !by_post
                && !matches!(thing, "lunch" | "dinner" | "drinks" | "call" | "visit")
                && (["in person", "round to", "drop"]
                    .iter()
                    .any(|w| lower.contains(w))
                    || words.windows(2).any(|w| {
                        matches!(w[0].as_str(), "i" | "we")
                            && matches!(w[1].as_str(), "bring" | "take" | "deliver" | "give")
                    }));
            Some(ChristmasCustom {
                sentence,
                thing,
                by_post,
                in_person,
            })
        })
}

/// Whether a lower-case word is `thing`, or its plural ("cards", "calls").
pub(super) fn is_word_for(word: &str, thing: &str) -> bool {
    word == thing || word.strip_suffix('s') == Some(thing)
}

/// A yearly Christmas custom (see [`christmas_custom`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChristmasCustom<'a> {
    /// The card's sentence, as written.
    pub sentence: &'a str,
    /// What it is: "card", "hamper", "lunch"….
    pub thing: &'static str,
    /// It goes by post and must arrive in time: it comes earlier.
    pub by_post: bool,
    /// It is handed over in person: it comes in the last days before the
    /// break.
    pub in_person: bool,
}

/// Whether a contact's tags mark a client or customer (`client_tags`).
pub fn is_client(tags: &[String]) -> bool {
    tags.iter()
        .any(|t| words(t).iter().any(|w| data().client_tags.contains(w)))
}

/// Words that make a dated clause a deadline worth a ping before it.
/// Words of a clause that make its day one where others decide: the user
/// asks how it went after it.
const DECISION_WORDS: [&str; 18] = [
    "exco",
    "committee",
    "cttee",
    "cmte",
    "ctee",
    "board",
    "approves",
    "approve",
    "decides",
    "decide",
    "decision",
    "vote",
    "votes",
    "award",
    "awarded",
    "steerco",
    "panel",
    "council",
];

const DEADLINE_WORDS: [&str; 12] = [
    "renew", "deadline", "due", "review", "sign-off", "decision", "expir", "contract", "budget",
    "signs", "go-live", "go live",
];

/// A date written in a note: the clause, what happens (the clause without
/// the date), the day, and whether it is a deadline (a renewal, a review…).
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDate {
    /// What happens on the day, as written ("Harbor Bank renewal").
    pub what: String,
    /// The day.
    pub on: chrono::NaiveDate,
    /// A renewal, a review, a deadline: worth a word before it.
    pub deadline: bool,
    /// Personal news ("knee surgery on Dec 9"): worth asking how it went, after it.
    pub life: bool,
    /// A decision others take that day ("goes to the Board Finance Committee
    /// Wed 9/12", "CWC mtg 16/12 approves the funding"): worth asking how it
    /// went, after it.
    pub decision: bool,
    /// The day of the note that names it.
    pub written: chrono::NaiveDate,
    /// Who owes what the clause names by the day, if anyone.
    pub owing: Owing,
    /// What is owed: the thing to send or to chase ("the access plan"), or
    /// for anything else the user is to do, the clause as written.
    pub task: String,
    /// How the note names the day when it names no day of the month
    /// ("before Easter", "in March"): said so, not as a date.
    pub when: Option<String>,
    /// The contact comes to a place then ("coming to Dublin in Feb"), named
    /// by `what`: a chance to meet while they are there.
    pub visit: bool,
    /// The clause that names the day, as written: whose it is may show at
    /// its start ("Ralf needs the TCO calc from me by 7 Dec").
    pub clause: String,
}

/// Who owes what a dated clause names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Owing {
    /// Nobody: an event, news, a renewal.
    #[default]
    Nobody,
    /// The user owes a thing to send ("access plan needed from us by 16 Dec",
    /// "send the photos by 12 Dec").
    Send,
    /// The user has something else to do ("Need to confirm by 4 Dec or she
    /// releases it"): quoted as written.
    Do,
    /// The contact owes the user something ("pricing due to me by 7 Dec",
    /// "he'll get his quote to us on 7 Dec").
    Chase,
}

/// Words that end a clause's owed thing with the contact owing it: they
/// stand right before the date ("pricing due to me by 7 Dec").
const CHASE_ENDS: [&str; 7] = [
    "to me by",
    "to us by",
    "to me on",
    "to us on",
    "from him by",
    "from her by",
    "from them by",
];

/// Words anywhere in a clause that say the contact owes the user what it names.
const CHASE_CUES: [&str; 7] = [
    "due to me",
    "due to us",
    "due from him",
    "due from her",
    "due from them",
    "owes me",
    "owes us",
];

/// Words in a clause that say the user owes a thing it names.
const SEND_CUES: [&str; 8] = [
    "needed from us",
    "needed from me",
    "from me by",
    "from us by",
    "from me before",
    "from us before",
    "due from me",
    "due from us",
];

/// Openings of a clause that make it the user's own to-do. A bare "must"
/// or "have to" is left out: "Must sign by 20 Dec" is as often the customer's.
const TODO_OPENERS: [&str; 20] = [
    "need to ",
    "i need to ",
    "we need to ",
    "still need to ",
    "i must ",
    "we must ",
    "i have to ",
    "we have to ",
    "remember to ",
    "don't forget to ",
    "to do: ",
    "todo: ",
    "i'll ",
    "i will ",
    "we'll ",
    "we will ",
    "can i ",
    "could i ",
    "can you ",
    "could you ",
];

/// Verbs that open an instruction to oneself ("Confirm the hold by 4 Dec").
const TODO_VERBS: [&str; 26] = [
    "confirm",
    "submit",
    "book",
    "order",
    "prepare",
    "draft",
    "finish",
    "sign",
    "reply",
    "answer",
    "lodge",
    "file",
    "pay",
    "transfer",
    "buy",
    "call",
    "ring",
    "check",
    "update",
    "organise",
    "organize",
    "arrange",
    "schedule",
    "complete",
    "e-transfer",
    "etransfer",
];

/// Words after a to-do verb that make it a noun ("Order expected by 15
/// Dec", "Update due by 10 Dec"): a state, not the user's to-do.
const NOUN_AFTER: [&str; 12] = [
    "expected", "due", "is", "was", "slips", "slipped", "closes", "booked", "by", "needed",
    "required", "date",
];

/// Words that ask the user for a thing ("needs a yes/no by 8 Jan"): the
/// thing follows them.
const ASKED_FOR: [&str; 8] = [
    "needs",
    "wants",
    "would like",
    "asked for",
    "asked me for",
    "asked us for",
    "requested",
    "is looking for",
];

/// What a buyer needs from their own side, not from the user.
const OWN_SIDE: [&str; 17] = [
    "sign-off",
    "signoff",
    "approval",
    "go-ahead",
    "budget",
    "funding",
    "signature",
    "signatures",
    "approvals",
    "po",
    "okay",
    "ok",
    "review",
    "decision",
    "headcount",
    "go-live",
    "delivery",
];

/// Things asked for by a day that are set up, not sent ("wants a call by 15
/// Dec"): the request reader delivers those.
const NOT_SENT: [&str; 10] = [
    "call", "chat", "meeting", "demo", "visit", "catch-up", "lunch", "coffee", "dinner", "workshop",
];

/// Verbs of sending: their object is the thing owed.
const SEND_VERBS: [&str; 7] = [
    "send", "email", "share", "forward", "return", "deliver", "provide",
];

/// Words between a verb of sending and the thing ("send over the deck").
const PARTICLES: [&str; 7] = ["over", "out", "across", "back", "round", "around", "on"];

/// The words that end a thing owed, where its time limit starts.
const LIMIT_WORDS: [&str; 4] = ["by", "before", "until", "till"];

/// Who owes what a dated clause names, and what: `before` are the clause's
/// words before the date. Only a clause whose date is a time limit ("by",
/// "before"; "on" for what is owed to the user) owes anything, and only its
/// opening words make it the user's own to-do, so "she needs to submit by 4
/// Dec" is not. News ("He'll get married on 12 Dec") owes nothing.
fn owed_in(clause: &str, before: &[&str], after_send: bool, earlier: &str) -> (Owing, String) {
    let nothing = || (Owing::Nobody, String::new());
    let mut body: Vec<&str> = before.to_vec();
    while body.last().is_some_and(|w| is_weekday(w)) {
        body.pop();
    }
    // "Tony: pricing for MH due to me by 7 Dec": the name is the note's heading.
    if body.len() > 1 && body[0].ends_with(':') && body[0].len() > 1 {
        body.remove(0);
    }
    let Some(limit) = body.last().map(|w| w.to_lowercase()) else {
        return nothing();
    };
    let by = LIMIT_WORDS.contains(&limit.as_str());
    // What the contact owes may come "on" a day, or in its week.
    let on = by || matches!(limit.as_str(), "on" | "due" | "w/c" | "wc");
    let lower = body.join(" ").to_lowercase().replace('\u{2019}', "'");
    let lower_words: Vec<&str> = lower.split_whitespace().collect();
    let thing = |from: usize, stops: &[&str]| -> String {
        let words: Vec<&str> = body
            .iter()
            .zip(&lower_words)
            .skip(from)
            .take_while(|(_, w)| !stops.contains(w))
            .map(|(w, _)| *w)
            .collect();
        owed_thing(&words)
    };
    let found = |owing: Owing, what: String| {
        if what.is_empty() {
            nothing()
        } else {
            (owing, what)
        }
    };
    // The thing after a verb of sending: past "him", "Lukas", "over".
    let sent_from = |verb_at: usize| -> usize {
        let mut from = verb_at + 1;
        let next = |i: usize| lower_words.get(i).copied().unwrap_or("");
        // "Send Dr. Weber the data": the title and the name.
        if matches!(
            next(from),
            "dr." | "dr" | "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "prof." | "prof"
        ) && body
            .get(from + 1)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            from += 1;
        }
        let recipient = matches!(next(from), "me" | "us" | "him" | "her" | "them")
            && !matches!(next(from + 1), "by" | "before" | "")
            || body.get(from).is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                    && body
                        .get(from + 1)
                        .is_some_and(|n| !n.starts_with(char::is_uppercase))
            });
        if recipient {
            from += 1;
        }
        while PARTICLES.contains(&next(from)) {
            from += 1;
        }
        from
    };
    if by && SEND_CUES.iter().any(|c| lower.contains(c)) {
        // "Ralf needs TCO calc from me by 7 Dec": what is wanted, after
        // who wants it.
        let wanted = lower_words
            .iter()
            .take(3)
            .position(|w| {
                matches!(
                    *w,
                    "needs" | "need" | "wants" | "want" | "expects" | "requires" | "asked"
                )
            })
            .map_or(0, |at| {
                at + 1 + usize::from(lower_words.get(at + 1) == Some(&"for"))
            });
        return found(
            Owing::Send,
            thing(wanted, &["needed", "from", "due", "is", "are"]),
        );
    }
    // "Can I send my €300 by 5 Dec? And the photos by 12 Dec": more to send.
    if after_send && by && lower_words.first() == Some(&"and") {
        return found(Owing::Send, thing(1, &LIMIT_WORDS));
    }
    // "He needs my final drive list by 2 Dec", "she wants our forecast by
    // 15 Dec": the user's thing, wanted by the day.
    let wants_ours = lower_words.windows(3).position(|w| {
        matches!(
            w[0],
            "needs" | "need" | "wants" | "want" | "expects" | "asked" | "requested"
        ) && (matches!(w[1], "my" | "our") || (w[1] == "for" && matches!(w[2], "my" | "our")))
    });
    if let (Some(at), true) = (wants_ours, by) {
        let from = if lower_words[at + 1] == "for" {
            at + 2
        } else {
            at + 1
        };
        return found(Owing::Send, thing(from, &LIMIT_WORDS));
    }
    // "Needs a yes/no by 8 Jan", "she wants the pricing by 15 Dec": asked of
    // the user, by a day. Not "she needs to submit by 4 Dec" (her to-do) or
    // "needs the PO from Tom" (someone else's).
    let asker = usize::from(
        lower_words
            .first()
            .is_some_and(|w| matches!(*w, "he" | "she" | "they") || names_someone(body[0])),
    );
    let asked_for = ASKED_FOR
        .iter()
        .map(|o| o.split(' ').collect::<Vec<_>>())
        .find(|o| lower_words.get(asker..asker + o.len()) == Some(o.as_slice()))
        .map(|o| asker + o.len());
    if let (Some(from), true) = (asked_for, by) {
        let asked: Vec<&str> = lower_words[from..]
            .iter()
            .map(|w| w.trim_end_matches([',', '.', ':']))
            .take_while(|w| !LIMIT_WORDS.contains(w))
            .collect();
        // A thing to send, named with its article ("a yes/no", "the revised
        // pricing", "my list"), or one the contact reviews ("pricing"); not
        // what a buyer gets from their own side ("CFO sign-off", "board
        // okay", "the PO"), a meeting to set up ("a call"), someone's to-do
        // ("CFO to sign off") or "us out".
        let sendable = asked
            .first()
            .is_some_and(|w| matches!(*w, "a" | "an" | "the" | "my" | "our" | "your" | "some"))
            || is_for_review(&asked.join(" "));
        let own_side = asked.iter().any(|w| OWN_SIDE.contains(w))
            || asked.windows(2).any(|w| w == ["sign", "off"]);
        let a_meeting = asked.iter().any(|w| NOT_SENT.contains(w));
        if sendable
            && !own_side
            && !a_meeting
            && !asked.contains(&"to")
            && !asked.contains(&"from")
            && !matches!(asked.first(), Some(&("us" | "me")))
        {
            return found(Owing::Send, thing(from, &LIMIT_WORDS));
        }
    }
    // "Waiting for the signed PO by 15 Dec" is theirs; "he's waiting for
    // our proposal" is the user's.
    if let Some(at) = lower_words
        .windows(2)
        .position(|w| w[0] == "waiting" && matches!(w[1], "for" | "on"))
    {
        let ours = matches!(lower_words.get(at + 2), Some(&("my" | "our")));
        // "Waiting on legal", "waiting for Priya to confirm": no thing named.
        let named = matches!(
            lower_words.get(at + 2),
            Some(&("my" | "our" | "the" | "a" | "an" | "his" | "her" | "their"))
        );
        if !named {
            return nothing();
        }
        return match (ours, by, on) {
            (true, true, _) => found(Owing::Send, thing(at + 2, &LIMIT_WORDS)),
            (false, _, true) => found(Owing::Chase, thing(at + 2, &["by", "on", "before", "from"])),
            _ => nothing(),
        };
    }
    // "I'll send the proposal by 5 Dec" is the user's; "he'll send the PO
    // w/c 14 Dec" and "she'll get the figures to us by 9 Dec" the contact's.
    if let Some(at) = lower_words.windows(2).position(|w| {
        (w[0].ends_with("'ll") || w[0] == "will")
            && matches!(
                w[1],
                "send"
                    | "get"
                    | "deliver"
                    | "provide"
                    | "share"
                    | "forward"
                    | "email"
                    // "He'll confirm the ETA by Fri 4/12", "she'll submit
                    // the deal reg by 12/2": theirs to do by the day.
                    | "confirm"
                    | "submit"
                    | "return"
            )
    }) {
        let subject = match lower_words[at].strip_suffix("'ll") {
            Some(s) => s,
            None if at > 0 => lower_words[at - 1],
            None => "",
        };
        let verb = lower_words[at + 1];
        let users = matches!(subject, "" | "i" | "we");
        let subject_at = if lower_words[at] == "will" {
            at.checked_sub(1)
        } else {
            Some(at)
        };
        let theirs = !users
            && (matches!(subject, "he" | "she" | "they")
                || subject_at.and_then(|i| body.get(i)).is_some_and(|w| {
                    names_someone(w.trim_end_matches("'ll").trim_end_matches("\u{2019}ll"))
                }));
        let to_user = lower.contains("to me") || lower.contains("to us");
        // "He'll get married", "kids will get their results": news.
        return if is_life_clause(clause) {
            nothing()
        } else if users && on {
            found(
                Owing::Send,
                thing(
                    sent_from(at + 1),
                    &["to", "by", "on", "before", "until", "till"],
                ),
            )
        } else if theirs && on && (verb != "get" || to_user) {
            let what = thing(
                sent_from(at + 1),
                &["to", "by", "on", "back", "before", "from"],
            );
            // "Contract with their legal; he'll send it back signed by 18
            // Dec": "it" is the contract the note spoke of.
            let what = match lower_words.get(at + 2) {
                Some(&("it" | "them" | "this")) if what.is_empty() => {
                    referent(earlier, &lower_words[at + 2..])
                }
                _ => what,
            };
            found(Owing::Chase, what)
        } else {
            nothing()
        };
    }
    // "Oliver to turn round the Calder DPA by Fri 4 Dec": someone's to-do,
    // owed to the user.
    if by
        && lower_words.len() > 3
        && lower_words[1] == "to"
        && lower_words[2] != "be"
        && names_someone(body[0])
    {
        // "Sully to get me the switchboard price": past "me" too.
        let from = 3 + lower_words[3..]
            .iter()
            .take_while(|w| {
                PARTICLES.contains(w) || matches!(**w, "up" | "in" | "off" | "me" | "us")
            })
            .count();
        return found(
            Owing::Chase,
            thing(from, &["by", "before", "until", "till", "to"]),
        );
    }
    // "He drafts the KPI report by 18 Dec": theirs to do, in the present
    // tense of a plan.
    if by
        && lower_words.len() > 3
        && (matches!(lower_words[0], "he" | "she" | "they") || names_someone(body[0]))
        && matches!(
            lower_words[1],
            "drafts" | "prepares" | "sends" | "delivers" | "writes" | "finishes" | "submits"
        )
    {
        return found(
            Owing::Chase,
            thing(sent_from(1), &["by", "before", "until", "till", "to"]),
        );
    }
    if on
        && (CHASE_ENDS.iter().any(|c| lower.ends_with(c))
            || CHASE_CUES.iter().any(|c| lower.contains(c)))
    {
        // "Need the signed PO from them by 15 Dec": the PO.
        let from = lower_words
            .iter()
            .take_while(|w| {
                matches!(
                    **w,
                    "need" | "needs" | "want" | "wants" | "expect" | "expecting"
                )
            })
            .count();
        return found(
            Owing::Chase,
            thing(
                from,
                &["due", "from", "to", "owed", "is", "are", "by", "on"],
            ),
        );
    }
    if !by {
        return nothing();
    }
    let mut rest = lower.as_str();
    let mut skipped = 0;
    if let Some(opener) = TODO_OPENERS.iter().find(|o| rest.starts_with(*o)) {
        skipped = opener.split_whitespace().count();
        rest = &rest[opener.len()..];
    } else if let Some(opener) = ["must ", "have to "].iter().find(|o| {
        // "Must send the quote by 4 Dec" is the user's; "must sign by 20
        // Dec to get the discount" as often the customer's.
        rest.starts_with(*o)
            && SEND_VERBS.contains(&rest[o.len()..].split_whitespace().next().unwrap_or(""))
    }) {
        skipped = opener.split_whitespace().count();
        rest = &rest[opener.len()..];
    }
    let mut rest_words = rest.split_whitespace();
    let verb = rest_words.next().unwrap_or("");
    let after_verb = rest_words.next().unwrap_or("");
    if SEND_VERBS.contains(&verb) && !NOUN_AFTER.contains(&after_verb) {
        // "Send Lukas my final drive list by 2 Dec": the person, then the thing.
        return found(Owing::Send, thing(sent_from(skipped), &LIMIT_WORDS));
    }
    if skipped > 0 || (TODO_VERBS.contains(&verb) && !NOUN_AFTER.contains(&after_verb)) {
        let quoted = clean(clause.trim_end_matches(['.', ',', ';', ':']), 120);
        return (Owing::Do, quoted);
    }
    nothing()
}

/// Whether a clause's first word names someone who will do something ("Oliver
/// to turn round the DPA", "she to send…"), not a plan ("Need to…", "Plan to…").
fn names_someone(word: &str) -> bool {
    const NOT_A_NAME: [&str; 40] = [
        "need", "needs", "plan", "plans", "want", "wants", "going", "back", "time", "due", "hope",
        "have", "has", "aim", "try", "trying", "set", "looking", "keen", "happy", "able", "next",
        "moving", "move", "remember", "promised", "agreed", "reminder", "contract", "deal",
        "order", "quote", "proposal", "offer", "pricing", "decision", "goal", "i", "we", "must",
    ];
    let lower = word.to_lowercase();
    matches!(lower.as_str(), "he" | "she" | "they")
        || (word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && !NOT_A_NAME.contains(&lower.as_str()))
}

/// `text` as said to the user: their own "my" is "your" ("Send Mark my bio"
/// → "Send Mark your bio"), whole words only.
pub(super) fn as_said_to_user(text: &str) -> String {
    text.split_inclusive(' ')
        .map(|piece| {
            let word = piece.trim_end();
            match word {
                "my" => piece.replacen("my", "your", 1),
                "My" => piece.replacen("My", "Your", 1),
                "MY" => piece.replacen("MY", "YOUR", 1),
                _ => piece.to_owned(),
            }
        })
        .collect()
}

/// The thing owed, from its words: trailing limit words dropped, the
/// user's "my" made "your" for the text that speaks to them.
fn owed_thing(words: &[&str]) -> String {
    let mut words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    while words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().trim_end_matches([',', ':']),
            "by" | "before"
                | "on"
                | "due"
                | "is"
                | "are"
                | "to"
                | "me"
                | "us"
                | "needed"
                | "back"
                | "w/c"
                | "wc"
        )
    }) {
        words.pop();
    }
    for w in &mut words {
        if w.eq_ignore_ascii_case("my") {
            *w = as_said_to_user(&w.to_lowercase());
        }
    }
    // "our joint funds confirmed": a state to reach, not a thing to send.
    let a_state = words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.len() > 4 && w.to_lowercase().ends_with("ed"));
    // "the should hear", "the presenting": a verb is no thing.
    let verb_first = words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "need"
                | "needs"
                | "should"
                | "would"
                | "could"
                | "must"
                | "will"
                | "hear"
                | "got"
                | "promised"
                | "said"
                | "says"
                | "is"
                | "are"
                | "was"
                | "get"
                | "married"
                | "together"
                | "presenting"
                | "getting"
                | "sending"
                | "waiting"
                | "hoping"
                | "going"
                | "coming"
        )
    });
    let what = tidy_thing(words.join(" ").trim_end_matches([',', ':', '(']));
    let what = what.as_str();
    if what.is_empty() || a_state || verb_first || words.len() > 10 || !names_a_thing(what) {
        return String::new();
    }
    // A thing named with a capital at the start of its clause ("Access
    // plan") reads in lower case inside a sentence; "MH pricing" stays.
    let first = what.split_whitespace().next().unwrap_or("");
    let what = if first.chars().skip(1).all(|c| c.is_lowercase()) {
        let mut chars = what.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        what.to_owned()
    };
    clean(&what, OBJECT_CHARS)
}

/// The first day of the latest month a note names with its year ("April
/// 2027"), when it is not before the note.
pub fn months_named(note: &str, written: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let words: Vec<&str> = note
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            // "Mar" and "may" are months only with a capital or a year.
            let month = month_of(w)?;
            // Only a month with its year: "married in Sept!" may be past.
            let year = words
                .get(i + 1)
                .and_then(|y| y.parse::<i32>().ok())
                .filter(|y| (2000..=2100).contains(y))?;
            (year > written.year() || (year == written.year() && month >= written.month()))
                .then(|| chrono::NaiveDate::from_ymd_opt(year, month, 1))
                .flatten()
        })
        .max()
}

fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.to_lowercase();
    // "on 12 Jan, nervous": a month may end its clause.
    let w = w.trim_end_matches(['.', ',', ';', ':', ')']);
    (0..12)
        .find(|&i| w == MONTHS[i] || w == MONTH_NAMES[i] || (i == 8 && w == "sept"))
        .map(|i| i as u32 + 1)
}

/// The months' names in full, January first.
pub(super) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn day_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches(['.', ',', ')']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    w.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

/// The clear dates in a note ("Dec 20", "20 Dec", "December 20th"), each
/// resolved to the first such day from about when the note was written;
/// numeric dates ("12/20") are left alone, as they read both ways.
pub fn note_dates(note: &str, written: chrono::NaiveDate) -> Vec<NoteDate> {
    use chrono::Datelike;
    let mut out = Vec::new();
    // Every date read here has a day number: most notes have no digit at all,
    // and splitting them into clauses would find nothing.
    if !note.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    // Whether the clause before owed a thing to send, for "and the photos
    // by 12 Dec" after it.
    let mut after_send = false;
    // The note's words up to this clause, for the thing a pronoun names.
    let mut earlier = String::new();
    for clause in clauses(note) {
        earlier.push(' ');
        earlier.push_str(clause);
        let words: Vec<&str> = clause.split_whitespace().collect();
        for i in 0..words.len().saturating_sub(1) {
            let (month, day) = match (month_of(words[i]), day_of(words[i + 1])) {
                (Some(m), Some(d)) => (m, d),
                _ => match (day_of(words[i]), month_of(words[i + 1])) {
                    (Some(d), Some(m)) => (m, d),
                    _ => continue,
                },
            };
            let Some(mut on) = chrono::NaiveDate::from_ymd_opt(written.year(), month, day) else {
                continue;
            };
            if on < written - chrono::Duration::days(14) {
                match chrono::NaiveDate::from_ymd_opt(written.year() + 1, month, day) {
                    Some(next) => on = next,
                    None => continue,
                }
            }
            // What happens: the words before the date, less "due", "on", "by"….
            let mut before: Vec<&str> = words[..i].to_vec();
            // "On paternity leave until 4 Jan": the day a state ends, no news
            // to ask how it went.
            let ends_state = before
                .iter()
                .rev()
                .find(|w| !is_weekday(w))
                .is_some_and(|w| {
                    matches!(
                        w.to_lowercase().trim_start_matches(['(', '~']),
                        "until" | "till" | "til" | "back" | "through" | "thru" | "returns"
                    )
                });
            // "Knee op confirmed Mon 14 Dec": the op, on that day (where
            // "funds confirmed before 1 Dec" is a state to reach by it).
            while before.last().is_some_and(|w| is_weekday(w)) {
                before.pop();
            }
            let confirmed = |w: &&str| {
                matches!(
                    w.to_lowercase().trim_end_matches([':', ',']),
                    "confirmed" | "booked" | "scheduled" | "planned" | "arranged" | "fixed" | "set"
                )
            };
            while before.last().is_some_and(confirmed) {
                before.pop();
            }
            // "Knee replacement is confirmed on 8 Dec", "cataract surgery set
            // for 15 Dec": the operation, on that day (where "funds confirmed
            // before 1 Dec" is a state).
            if before
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case("on") || w.eq_ignore_ascii_case("for"))
                && before.len() >= 2
                && confirmed(&before[before.len() - 2])
            {
                before.truncate(before.len() - 2);
                while before
                    .last()
                    .is_some_and(|w| matches!(w.to_lowercase().as_str(), "is" | "was" | "now"))
                {
                    before.pop();
                }
            }
            while before.last().is_some_and(|w| {
                matches!(
                    w.to_lowercase().trim_end_matches([',', ':']),
                    "due"
                        | "on"
                        | "by"
                        | "is"
                        | "in"
                        | "for"
                        | "before"
                        | "until"
                        | "from"
                        | "closes"
                        | "close"
                        | "ends"
                        | "starts"
                        | "opens"
                        | "begins"
                        | "me"
                        | "us"
                        | "to"
                        | "moved"
                        | "postponed"
                        | "pushed"
                        | "rescheduled"
                        | "delayed"
                        | "slipped"
                        | "shifted"
                        | "back"
                        | "now"
                )
            }) {
                // "Pricing due to me by 7 Dec": the pricing; "Board moved
                // to 12 Jan": the board, now on that day.
                before.pop();
            }
            // "Review mtg wk of Jan 11": the meeting, in that week.
            if before.len() > 2
                && before.last().is_some_and(|w| w.eq_ignore_ascii_case("of"))
                && matches!(
                    before[before.len() - 2].to_lowercase().as_str(),
                    "wk" | "week"
                )
            {
                before.truncate(before.len() - 2);
            }
            // "Needs CFO sign-off by Jan 15": what happens is the sign-off.
            // "He's having knee surgery on Dec 9": what happens is the surgery.
            while before.first().is_some_and(|w| {
                matches!(
                    w.to_lowercase().replace('\u{2019}', "'").as_str(),
                    "needs"
                        | "need"
                        | "wants"
                        | "want"
                        | "has"
                        | "have"
                        | "with"
                        | "and"
                        | "he's"
                        | "she's"
                        | "they're"
                        | "he"
                        | "she"
                        | "they"
                        | "is"
                        | "are"
                        | "having"
                        | "getting"
                        | "discussed"
                        | "gets"
                )
            }) {
                before.remove(0);
            }
            // "pricing … before her budget review on Dec 15": the review.
            if let Some(at) = before
                .iter()
                .rposition(|w| matches!(w.to_lowercase().as_str(), "before" | "after" | "ahead"))
            {
                before.drain(..=at);
            }
            // "Mum has knee surgery on 12 Jan", "Daniel wants the funds confirmed
            // by 1 Dec": a subject and its verb stand before what happens.
            if let Some(at) = before
                .iter()
                .rposition(|w| CLAUSE_VERBS.contains(&w.to_lowercase().as_str()))
            {
                before.drain(..=at);
            }
            // "Proposal goes to the Board Finance Committee Wed 9/12": what
            // happens that day is the committee.
            // So does "she's taking it to Board Finance Cttee Wed Dec 16"
            // (the committee, said with its article).
            if let Some(at) = before.windows(2).rposition(|w| {
                matches!(
                    w[0].to_lowercase().as_str(),
                    "goes" | "go" | "going" | "went" | "heads" | "presented"
                ) && w[1].eq_ignore_ascii_case("to")
            }) {
                before.drain(..at + 2);
            } else if let Some(at) = before.windows(3).rposition(|w| {
                matches!(
                    w[0].to_lowercase().as_str(),
                    "taking" | "take" | "takes" | "took" | "bringing" | "bring" | "brings"
                ) && matches!(w[1].to_lowercase().as_str(), "it" | "this" | "them")
                    && w[2].eq_ignore_ascii_case("to")
            }) {
                before.drain(..at + 3);
                let bare = before.first().is_some_and(|w| {
                    w.starts_with(char::is_uppercase)
                        && !matches!(w.to_lowercase().as_str(), "the" | "a" | "an")
                });
                if bare {
                    before.insert(0, "the");
                }
            }
            // "…the funds confirmed": a state to reach by the day, not something
            // that happens on it; the day still counts, with no name for it.
            let a_state = before.len() > 1
                && before
                    .last()
                    .is_some_and(|w| w.len() > 4 && w.to_lowercase().ends_with("ed"));
            let what = if a_state {
                String::new()
            } else {
                clean(
                    &tidy_thing(before.join(" ").trim_end_matches([',', ':', '('])),
                    OBJECT_CHARS,
                )
            };
            // "A hold Wed 16 Dec 2pm for the committee debrief": when the
            // words before the day make no short name for it, the words
            // after it may. The day still counts when neither does.
            // "Lenkungskreis 16.12. decides us vs Logisoft": the body
            // before the day decides on it.
            let decides_after = words.get(i + 2).is_some_and(|w| {
                matches!(
                    w.to_lowercase().trim_end_matches([',', ':']),
                    "decides" | "decide" | "votes"
                )
            });
            let what = if decides_after
                && !what.is_empty()
                && what.split_whitespace().count() <= 4
                && !what.contains(['(', ':'])
            {
                format!("{what} decides")
            } else if names_a_thing(&what) && what.split_whitespace().count() <= 6 {
                what
            } else {
                let after = name_after_date(&words[i + 2..]);
                if names_a_thing(&after) {
                    after
                } else if names_a_thing(&what) {
                    what
                } else {
                    String::new()
                }
            };
            let lower = clause.to_lowercase();
            // The words that ask for a ping before the day (see
            // `note_timing`) make it a deadline here too, so that the ping
            // speaks of it.
            let deadline = DEADLINE_WORDS.iter().any(|w| lower.contains(w))
                || lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| super::note_timing::DEADLINE_WORDS.contains(&w));
            // "Baby due 20 Jan", "knee op due 9 Dec": news, whose only
            // deadline word is "due".
            let only_due = DEADLINE_WORDS
                .iter()
                .filter(|w| lower.contains(*w))
                .all(|w| *w == "due")
                && !lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| super::note_timing::DEADLINE_WORDS.contains(&w));
            let personal_due = ["baby", "surgery", "operation", " op ", "wedding"]
                .iter()
                .any(|w| lower.contains(w));
            let deadline = deadline && !(only_due && personal_due && is_life_clause(clause));
            let (owing, task) = owed_in(clause, &words[..i], after_send, &earlier);
            after_send = owing == Owing::Send;
            // What is owed by a day is a deadline, whatever its words.
            let deadline = deadline || owing != Owing::Nobody;
            // A thing to send or to chase is what the day is for.
            let what = match owing {
                Owing::Send | Owing::Chase => task.clone(),
                Owing::Do | Owing::Nobody => what,
            };
            // "exec review (after board": a bracket the words opened and
            // did not close ends the name.
            let what = match what.rfind('(') {
                Some(at) if !what[at..].contains(')') => what[..at].trim_end().to_owned(),
                _ => what,
            };
            // "He'll send the PO w/c 7/12": owed in the course of that week,
            // so it is asked after at its end, not on its Monday.
            let week_of = words[..i]
                .last()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "w/c" | "wc" | "w/b" | "wb"))
                || (i >= 2
                    && words[i - 1].eq_ignore_ascii_case("of")
                    && matches!(words[i - 2].to_lowercase().as_str(), "wk" | "week"));
            let on = if week_of && owing == Owing::Chase {
                on + chrono::Duration::days(4)
            } else {
                on
            };
            // "No contact until award, expected end Jan": a hold, not a
            // decision to ask about.
            let hold = ["until", "till", "no contact", "blackout", "probity"]
                .iter()
                .any(|w| lower.contains(w));
            let decision = owing == Owing::Nobody
                && !hold
                && !what.is_empty()
                && lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| DECISION_WORDS.contains(&w));
            // "Steering cmte decides Jan 15": asked about as "the Steering
            // cmte decision", not "how the Steering cmte decides went".
            let what = match what.rsplit_once(' ') {
                Some((who, verb))
                    if decision
                        && matches!(
                            verb.to_lowercase().as_str(),
                            "decides" | "decide" | "votes"
                        ) =>
                {
                    format!("{who} decision")
                }
                _ => what,
            };
            // "Driving Maman to the op": the news is Maman's op.
            let what = escorted(&what).unwrap_or(what);
            // "Moving to Cork in Feb, starts 1 Mar": what happens that day is
            // the start, not the move the clause opened with.
            let what = match words[..i]
                .iter()
                .rev()
                .find(|w| !is_weekday(w) && !matches!(w.to_lowercase().as_str(), "on" | "from"))
                .map(|w| w.to_lowercase())
            {
                Some(verb)
                    if matches!(verb.as_str(), "starts" | "starting" | "begins")
                        && words[..i].iter().any(|w| w.ends_with(',')) =>
                {
                    "the start".to_owned()
                }
                _ => what,
            };
            // "Budget signed off by 15 Dec": the budget sign-off.
            let what = match what
                .strip_suffix(" signed off")
                .or_else(|| what.strip_suffix(" signed-off"))
                .or_else(|| what.strip_suffix(" sign off"))
            {
                Some(thing) if !thing.is_empty() => format!("{thing} sign-off"),
                _ => what,
            };
            // "Her dad in hospital, op on 3 Dec": her dad's op.
            let what = if what.is_empty() {
                owned_event(&words[..i]).unwrap_or_default()
            } else {
                what
            };
            out.push(NoteDate {
                deadline,
                decision,
                life: !deadline && !ends_state && is_life_clause(clause),
                what,
                on,
                written,
                owing,
                task,
                when: None,
                visit: false,
                clause: clause.trim().to_owned(),
            });
            break;
        }
    }
    out
}

/// Whether a lower-case word names a relative ("mum", "dad", "partner").
fn is_relative(word: &str) -> bool {
    FAMILY_ROLES.contains(&word)
        || matches!(
            word,
            "partner" | "kids" | "baby" | "grandad" | "fiancé" | "fiance" | "fiancee"
        )
}

/// An event named alone after a comma, and whose it is when the words before
/// say: "Her dad in hospital, op on" → "her dad's op"; "wedding on" after
/// "Sis engaged," → "wedding". Only events of a life, so that a business
/// clause after a comma is not read as one.
fn owned_event(before: &[&str]) -> Option<String> {
    const EVENTS: [&str; 14] = [
        "op",
        "surgery",
        "operation",
        "scan",
        "biopsy",
        "treatment",
        "chemo",
        "procedure",
        "transplant",
        "wedding",
        "christening",
        "funeral",
        "graduation",
        "appointment",
    ];
    let mut words: Vec<&str> = before.to_vec();
    while words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "on" | "due" | "is" | "set" | "for" | "booked" | "confirmed"
        ) || is_weekday(w)
    }) {
        words.pop();
    }
    let event = words.pop()?;
    if !EVENTS.contains(&event.to_lowercase().as_str()) {
        return None;
    }
    // The event stands alone in its part of the sentence.
    let part_start = words.last().is_none_or(|w| w.ends_with([',', ';', ':']));
    if !part_start {
        return None;
    }
    let owner = match words.as_slice() {
        [poss, relative, ..]
            if matches!(poss.to_lowercase().as_str(), "her" | "his" | "their")
                && is_relative(&relative.trim_end_matches([',', ';', ':']).to_lowercase()) =>
        {
            Some(format!(
                "{} {}",
                poss.to_lowercase(),
                relative.trim_end_matches([',', ';', ':']).to_lowercase()
            ))
        }
        _ => None,
    };
    Some(match owner {
        Some(owner) => format!("{owner}'s {}", event.to_lowercase()),
        None => event.to_lowercase(),
    })
}

/// The news of someone the contact takes somewhere: "Driving Maman to the
/// op" is Maman's op, "taking his mum to her hip op" his mum's hip op, so
/// the ping asks how that went, not how the driving did.
fn escorted(what: &str) -> Option<String> {
    let words: Vec<&str> = what.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let start = lower.iter().position(|w| {
        matches!(
            w.as_str(),
            "driving" | "taking" | "bringing" | "accompanying" | "drives" | "takes" | "brings"
        )
    })?;
    let to = start + 1 + lower[start + 1..].iter().position(|w| w == "to")?;
    let person = &words[start + 1..to];
    let mut thing = &words[to + 1..];
    while thing.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "her" | "his" | "their" | "its"
        )
    }) {
        thing = &thing[1..];
    }
    // A person of one or two words ("Maman", "his mum") to a thing of a
    // few ("the op", "her hip op"); "taking the train to Cork" is no news of
    // another's.
    let a_person = matches!(person.len(), 1 | 2)
        && person
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase) || is_relative(&w.to_lowercase()));
    if !a_person || thing.is_empty() || thing.len() > 4 {
        return None;
    }
    let owner = person.join(" ");
    let owner = if owner.ends_with('s') {
        format!("{owner}'")
    } else {
        format!("{owner}'s")
    };
    Some(format!("{owner} {}", thing.join(" ")))
}

/// The document a pronoun ("he'll send it back signed") stands for: the last
/// one the note named before it, "signed" when the words after the pronoun
/// say so. Empty when the note named none.
fn referent(earlier: &str, after_pronoun: &[&str]) -> String {
    const DOCUMENTS: [&str; 30] = [
        "contract",
        "contracts",
        "sow",
        "po",
        "nda",
        "dpa",
        "msa",
        "agreement",
        "proposal",
        "quote",
        "offer",
        "figures",
        "numbers",
        "data",
        "report",
        "deck",
        "slides",
        "spec",
        "specs",
        "rfp",
        "rfi",
        "brief",
        "forecast",
        "redlines",
        "draft",
        "terms",
        "pricing",
        "invoice",
        "renewal",
        "paperwork",
    ];
    let Some(document) = earlier.split_whitespace().rev().find_map(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        DOCUMENTS
            .contains(&bare.to_lowercase().as_str())
            .then_some(bare)
    }) else {
        return String::new();
    };
    let signed = after_pronoun
        .iter()
        .take_while(|w| !matches!(**w, "by" | "on" | "before"))
        .any(|w| w.trim_end_matches([',', '.']) == "signed");
    // An acronym keeps its capitals; a common noun reads in lower case.
    let document = if document.chars().all(|c| c.is_ascii_uppercase()) {
        document.to_owned()
    } else {
        document.to_lowercase()
    };
    if signed {
        format!("the signed {document}")
    } else {
        format!("the {document}")
    }
}

/// What the words after a date name, when they say what happens on it
/// ("2pm for the committee debrief" → "the committee debrief"): a time of
/// day and "for"/"with" dropped, up to six words.
fn name_after_date(after: &[&str]) -> String {
    let is_time = |w: &str| {
        let w = w.to_lowercase();
        let w = w.trim_end_matches([',', '.']);
        w.ends_with("am")
            && w[..w.len() - 2]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':')
            || w.ends_with("pm")
                && w[..w.len() - 2]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':')
            || (w.contains(':') && w.chars().all(|c| c.is_ascii_digit() || c == ':'))
    };
    let mut rest: Vec<&str> = after.iter().copied().skip_while(|w| is_time(w)).collect();
    if rest
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "for" | "-" | "–" | ":"))
    {
        rest.remove(0);
    } else {
        // Only "… for the debrief" names the day's matter; "… or she
        // releases it" does not.
        return String::new();
    }
    if rest.is_empty() || rest.len() > 6 {
        return String::new();
    }
    clean(
        rest.join(" ").trim_end_matches(['.', ',', ':', ')']),
        OBJECT_CHARS,
    )
}

/// Whether `word` is the first name of another contact in the book (`book`,
/// lower-cased), capitalised as a name is, and none of the contact's own
/// `names` (or their parts).
pub fn names_another(word: &str, names: &[&str], book: &std::collections::HashSet<String>) -> bool {
    word.starts_with(char::is_uppercase)
        && book.contains(&word.to_lowercase())
        && !names
            .iter()
            .any(|n| n.split_whitespace().any(|p| p.eq_ignore_ascii_case(word)))
}

/// Whether a clause opens with someone else in the book doing or being
/// something ("Michael is off 21/12-8/1", "Kaltenbach: Michael is off…") on
/// the card of a contact called by `names`: the first name of another
/// contact (`book`, lower-cased), then a verb. "Contract is up for renewal"
/// opens with no one.
pub fn opens_with_someone(
    clause: &str,
    names: &[&str],
    book: &std::collections::HashSet<String>,
) -> bool {
    let mut words = clause.split_whitespace();
    let mut name = words.next().unwrap_or("");
    // "Kaltenbach: Michael is off": the heading is the account.
    if name.ends_with(':') {
        name = words.next().unwrap_or("");
    }
    let verb = words.next().unwrap_or("").to_lowercase();
    // "Michael's off" is "Michael is off"; "Sophie's graduation" is hers,
    // read elsewhere as news of the contact's own people.
    let (name, verb) = match name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
    {
        Some(bare)
            if matches!(
                verb.as_str(),
                "off" | "away" | "on" | "out" | "back" | "leaving" | "going" | "moving"
            ) =>
        {
            (bare, "is".to_owned())
        }
        Some(_) => return false,
        None => (name, verb),
    };
    name.len() > 1
        && names_another(name, names, book)
        && matches!(
            verb.as_str(),
            "is" | "was"
                | "will"
                | "has"
                | "had"
                | "wants"
                | "said"
                | "says"
                | "goes"
                | "went"
                // "Farouk having hip op Mon 7/12": shorthand for "is having".
                | "having"
                | "getting"
                | "off"
                // "Ralf needs the TCO calc from me by 7 Dec": his ask.
                | "needs"
                | "asked"
                | "asks"
                | "expects"
        )
}

/// The text without its clauses about someone else in the book (see
/// [`opens_with_someone`]); the rest is kept as written, its punctuation
/// and dates untouched.
pub fn without_others<'t>(
    text: &'t str,
    names: &[&str],
    book: &std::collections::HashSet<String>,
) -> std::borrow::Cow<'t, str> {
    let is_end = |c: char| matches!(c, '.' | ';' | ',' | '\n');
    let mut out: Option<String> = None;
    let mut start = 0;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if !is_end(c) {
            continue;
        }
        let clause = &text[start..at];
        if opens_with_someone(clause.trim(), names, book) {
            // The clause and its end go; what came before stays as written.
            out.get_or_insert_with(|| text[..start].to_owned());
        } else if let Some(kept) = out.as_mut() {
            kept.push_str(clause);
            if at < text.len() {
                kept.push(c);
            }
        }
        start = (at + c.len_utf8()).min(text.len());
    }
    match out {
        Some(kept) => std::borrow::Cow::Owned(kept),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Whether what follows "ask" in a promise names someone other than the
/// contact, then what to ask them ("Alessandro if Brianza can visit").
fn asks_someone_else(rest: &str, first_name: &str, full_name: &str) -> bool {
    let mut words = rest.split_whitespace();
    let (Some(name), Some(mut next)) = (words.next(), words.next()) else {
        return false;
    };
    // "Ask Helen Z if…", "Ask Helen Zhang whether…": a surname or initial
    // between the name and the question.
    if next.starts_with(char::is_uppercase) && next.chars().all(char::is_alphabetic) {
        match words.next() {
            Some(after) => next = after,
            None => return false,
        }
    }
    name.starts_with(char::is_uppercase)
        && name.chars().all(char::is_alphabetic)
        && !name.eq_ignore_ascii_case(first_name)
        // "Ask Matt about…" on Matthew's card: him, by a short name.
        && !first_name.to_lowercase().starts_with(&name.to_lowercase())
        && !full_name
            .split_whitespace()
            .any(|part| part.eq_ignore_ascii_case(name))
        && matches!(
            next.to_lowercase().as_str(),
            "if" | "whether" | "about" | "for" | "re" | "when" | "how"
        )
}

/// The name of a thing as the words before its day give it, without the
/// note's label for whom it concerns ("Niall: PO for phase 2 w/c" → "PO for
/// phase 2") or the words that lead to the day; a pronoun alone ("he'll
/// have them to us by 10/12") names nothing.
fn tidy_thing(what: &str) -> String {
    let mut words: Vec<&str> = what.split_whitespace().collect();
    if words.len() > 1
        && words[0].len() > 2
        && words[0].ends_with(':')
        && words[0].starts_with(char::is_uppercase)
    {
        words.remove(0);
    }
    // "bit nervous about the knee op": the op, not the nerves.
    if let Some(about) = words.iter().position(|w| w.eq_ignore_ascii_case("about")) {
        let feeling = words[..about].iter().all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "bit"
                    | "little"
                    | "very"
                    | "really"
                    | "so"
                    | "quite"
                    | "nervous"
                    | "worried"
                    | "anxious"
                    | "stressed"
                    | "excited"
                    | "scared"
                    | "apprehensive"
                    | "keen"
            )
        }) && about > 0;
        if feeling && about + 1 < words.len() {
            words.drain(..=about);
        }
    }
    while words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "w/c"
                | "wc"
                | "w/b"
                | "wb"
                | "week"
                | "of"
                | "by"
                | "due"
                | "on"
                | "around"
                | "from"
                | "-"
        )
    }) {
        words.pop();
    }
    if let [only] = words.as_slice() {
        if matches!(
            only.to_lowercase().as_str(),
            "them" | "it" | "they" | "these" | "those" | "this" | "that" | "him" | "her" | "one"
        ) {
            return String::new();
        }
    }
    words.join(" ")
}

/// Whether the words before a date name a thing that happens ("the knee
/// op", "Board mtg"), fit for "ahead of …" or "how … went", rather than a
/// piece of a sentence: "in the UK for Christmas", "He'll get his quote to
/// us", "Settlement done, moving to Geelong".
pub(super) fn names_a_thing(what: &str) -> bool {
    const NOT_A_START: [&str; 22] = [
        "in", "at", "to", "on", "for", "from", "with", "into", "he", "she", "they", "we", "i",
        "it", "you", "will", "and", "but", "so", "then", "also", "that",
    ];
    let lower = what.to_lowercase().replace('\u{2019}', "'");
    let first = lower.split_whitespace().next().unwrap_or("");
    // "she confirms by 1.12.": a verb alone ("confirms") names nothing;
    // a plural noun alone ("exams", "results") does.
    const PLURAL_THINGS: [&str; 10] = [
        "exams",
        "results",
        "finals",
        "renewals",
        "holidays",
        "interviews",
        "elections",
        "nationals",
        "playoffs",
        "accounts",
    ];
    let lone_verb = !lower.contains(' ')
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !PLURAL_THINGS.contains(&lower.as_str());
    !what.is_empty()
        && !lone_verb
        && !what.contains([',', ';'])
        && !NOT_A_START.contains(&first)
        && !lower
            .split_whitespace()
            .any(|w| w.ends_with("'ll") || matches!(w, "will" | "won't" | "done" | "i'm"))
}

/// A weekday's name, in full or short ("Mon", "Tues").
fn is_weekday(word: &str) -> bool {
    matches!(
        word.to_lowercase().trim_end_matches([',', '.']),
        "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "weds"
            | "fri"
            | "sat"
            | "sun"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Verbs after which a dated clause names what happens ("Mum has knee
/// surgery on 12 Jan", "Daniel wants the funds confirmed by 1 Dec").
const CLAUSE_VERBS: [&str; 18] = [
    "has", "have", "had", "wants", "want", "needs", "need", "asked", "asks", "must", "should",
    "said", "says", "expects", "seeing", "sees", "visiting", "visits",
];

/// Words that may stand before a request's opening words ("she now wants…").
const SUBJECT_WORDS: [&str; 16] = [
    "she", "he", "they", "also", "and", "but", "now", "still", "really", "then", "the", "team",
    "her", "his", "their", "boss",
];

/// The request in one clause, if it opens with (or after a short subject) one
/// of the `request_openers`.
fn request_in(clause: &str, first_name: &str) -> Option<Request> {
    let first = first_name.trim().to_lowercase();
    // Word starts, in bytes of the original clause.
    let starts: Vec<usize> = clause
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphanumeric()
                && clause[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
        })
        .map(|(i, _)| i)
        .take(6)
        .collect();
    for &start in &starts {
        let before = words(&clause[..start]);
        let subject_ok = before.len() <= 3
            && before
                .iter()
                .all(|w| SUBJECT_WORDS.contains(&w.as_str()) || *w == first);
        if !subject_ok {
            break;
        }
        let rest = &clause[start..];
        let lower = rest.to_lowercase();
        for opener in &data().request_openers {
            let o = opener.words.as_str();
            let ends_word = lower[..]
                .get(o.len()..)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '));
            if !(lower.starts_with(o) && ends_word) {
                continue;
            }
            let object = skip_chars(rest, o.chars().count()).trim();
            // "The proposed meeting time doesn't work": an adjective.
            if opener.kind == "suggest"
                && before
                    .iter()
                    .any(|w| matches!(w.as_str(), "the" | "a" | "an"))
            {
                return None;
            }
            return request_from(opener.kind.as_str(), object, first_name);
        }
    }
    None
}

/// `text` without its first `n` characters.
fn skip_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or("", |(i, _)| &text[i..])
}

/// A request from its opener's kind and the words after it.
fn request_from(kind: &str, object: &str, first_name: &str) -> Option<Request> {
    // "wants to talk to a customer on NetSuite": a call with one.
    if kind == "send" {
        let lower = object.to_lowercase();
        for (lead, as_kind, prefix) in [
            ("to talk to ", "set_up", "a call with "),
            ("to talk with ", "set_up", "a call with "),
            ("to speak to ", "set_up", "a call with "),
            ("to speak with ", "set_up", "a call with "),
            ("to meet ", "set_up", "a meeting with "),
            ("to look at ", "set_up", "a look at "),
            ("to have a look at ", "set_up", "a look at "),
            ("to see a demo of ", "set_up", "a demo of "),
            ("to see the ", "set_up", "a chance to see the "),
            ("to try ", "set_up", "a trial of "),
            ("to visit ", "set_up", "a visit to "),
            ("to understand ", "send", "a short explanation of "),
            ("to know more about ", "send", "a short note on "),
            ("to learn about ", "send", "a short note on "),
            ("to see ", "send", ""),
            ("to get ", "send", ""),
        ] {
            if lower.starts_with(lead) && object.is_char_boundary(lead.len()) {
                let rest = &object[lead.len()..];
                return request_object(as_kind, &format!("{prefix}{rest}"));
            }
        }
    }
    if kind == "suggest" {
        // "He suggested lunch in December": something to do together, to set
        // up; "proposes Fri 15 Jan at the Sudelfeld", "suggested I call him"
        // or "suggested next step: a demo" name nothing to set up.
        const TOGETHER: [&str; 10] = [
            "lunch",
            "coffee",
            "dinner",
            "drinks",
            "breakfast",
            "beer",
            "call",
            "meeting",
            "catch-up",
            "visit",
        ];
        let lower = object.to_lowercase();
        let head = lower
            .split_whitespace()
            .find(|w| !matches!(*w, "a" | "an" | "the"))
            .unwrap_or("");
        return if TOGETHER.contains(&head) {
            request_object("set_up", object)
        } else {
            None
        };
    }
    if kind == "task" {
        // "asked me to send the deck": what the user was asked to do.
        let task = read_promise(object, first_name, first_name)?;
        let (kind, object) = match task.act {
            "send" => ("send", task.object),
            "call" => ("set_up", join("a call", &task.object)),
            "meet" => ("set_up", join("a meeting", &task.object)),
            "arrange" => ("set_up", task.object),
            "introduce" => ("set_up", join("an introduction", &task.object)),
            "invite" => ("send", join("an invitation", &task.object)),
            // A to-do of the user's ("asked me to find out…") is no thing
            // to deliver.
            "do" => return None,
            _ => ("send", join("a follow-up on", &task.object)),
        };
        return request_object(kind, &object);
    }
    request_object(kind, object)
}

fn join(a: &str, b: &str) -> String {
    if b.is_empty() {
        a.to_owned()
    } else {
        format!("{a} {b}")
    }
}

/// Words that say a thing asked for does not exist yet ("when it's out").
const WHEN_OUT: [&str; 14] = [
    " when it's out",
    " when it is out",
    " once it's out",
    " once it is out",
    " when it comes out",
    " when it's ready",
    " when it is ready",
    " once it's ready",
    " when available",
    " once available",
    " when it's available",
    " when released",
    " once released",
    " when they're out",
];

/// Words that start a new clause after "and" ("…and wants pricing").
const NEXT_CLAUSE: [&str; 16] = [
    "wants",
    "wanted",
    "asked",
    "asks",
    "needs",
    "requested",
    "would",
    "is",
    "was",
    "mentioned",
    "said",
    "liked",
    "loved",
    "she",
    "he",
    "they",
];

/// Words that put something after a project is done ("keen on a demo in
/// Feb once it's done"): the business waits until the day the note names,
/// and what is wanted ends before them.
pub(super) const ONCE_DONE: [&str; 5] = [
    "once it's done",
    "once it’s done",
    "once it is done",
    "once that's done",
    "once done",
];

/// Words that say the answer will come from the contact later ("asked
/// about phase 2 pricing; she'll know after budget passes in Feb"): the
/// question waits on them, not on the user, and business waits until the
/// day the note names.
pub(super) const KNOW_LATER: [&str; 6] = [
    "'ll know",
    "’ll know",
    "will know",
    "'ll find out",
    "’ll find out",
    "will find out",
];

/// Whether the note says the answer to a question will come from the
/// contact (see [`KNOW_LATER`]).
fn answer_comes_later(note: &str) -> bool {
    let lower = note.to_lowercase();
    KNOW_LATER.iter().any(|cue| lower.contains(cue))
}

/// Trims a request's object to what was asked for, and tells a thing to send
/// from one to set up (a call, an account) by its words.
fn request_object(kind: &str, object: &str) -> Option<Request> {
    let mut object = object.trim();
    let lower = object.to_lowercase();
    let mut cut = object.len();
    for stop in [
        " but ",
        " although ",
        " because ",
        " so that ",
        ", but",
        ", and ",
        ", worried",
        " and worried",
    ] {
        if let Some(at) = lower.find(stop) {
            cut = cut.min(at);
        }
    }
    // "a demo in Feb once it's done": when, not what.
    for once in ONCE_DONE {
        if let Some((at, _)) = lower
            .match_indices(once)
            .find(|(at, _)| lower[..*at].ends_with(' '))
        {
            cut = cut.min(at - 1);
        }
    }
    // "integrations with SAP and wants pricing": a second clause starts at "and wants".
    for (at, _) in lower.match_indices(" and ") {
        let next = lower[at + 5..].split_whitespace().next().unwrap_or("");
        if NEXT_CLAUSE.contains(&next) {
            cut = cut.min(at);
        }
    }
    if object.is_char_boundary(cut) {
        object = &object[..cut];
    }
    let object = object.trim().trim_end_matches([',', '.', ':', ';']).trim();
    // "the new tray when it's out": not sent before it exists.
    let lower_object = object.to_lowercase().replace('\u{2019}', "'");
    let (kind, object) = match WHEN_OUT
        .iter()
        .filter_map(|w| lower_object.find(w))
        .min()
        .filter(|&at| at > 0 && object.is_char_boundary(at))
    {
        Some(at) => ("when_out", object[..at].trim()),
        None => (kind, object),
    };
    let tokens = words(object);
    let starts_badly = matches!(
        tokens.first().map(String::as_str),
        None | Some("to" | "me" | "us" | "that" | "it" | "you")
    );
    // "wants Pinecrest pulled into December", "needs board approval": what
    // someone wants to happen, not something to send or set up.
    const HAPPENINGS: [&str; 19] = [
        "pulled",
        "pushed",
        "moved",
        "closed",
        "signed",
        "done",
        "finished",
        "approved",
        "brought",
        "approval",
        "sign-off",
        "signoff",
        "buy-in",
        "decided",
        "agreed",
        "sorted",
        "resolved",
        "fixed",
        "confirmed",
    ];
    // "wants go-live Q2", "launch in March": a timeline they want, not a
    // thing to send.
    // ("SSO before go-live", "the go-live checklist" are things.)
    let timeline = (tokens.first().is_some_and(|t| {
        matches!(
            t.as_str(),
            "go-live" | "golive" | "launch" | "rollout" | "kick-off" | "kickoff" | "cutover"
        )
    }) || tokens.starts_with(&["go".to_owned(), "live".to_owned()]))
        && tokens.iter().skip(1).all(|t| {
            matches!(
                t.as_str(),
                "live" | "in" | "by" | "for" | "next" | "year" | "end" | "of"
            ) || (t.len() == 2 && t.starts_with('q'))
                || t.chars().all(|c| c.is_ascii_digit())
                || month_of(t).is_some()
        });
    // "wants the VHBA panel badly": a win they long for, nothing to send.
    let longed_for = tokens.last().is_some_and(|t| {
        matches!(
            t.as_str(),
            "badly" | "desperately" | "bad" | "dearly" | "eagerly"
        )
    });
    // "wants install to start Feb": when it happens, not a thing.
    let starts = tokens.windows(2).any(|w| {
        w[0] == "to"
            && matches!(
                w[1].as_str(),
                "start" | "begin" | "happen" | "finish" | "end" | "kick" | "commence" | "launch"
            )
    });
    let happening = timeline
        || longed_for
        || starts
        || tokens
            .iter()
            .skip(1)
            .any(|t| HAPPENINGS.contains(&t.as_str()))
        || tokens
            .first()
            .is_some_and(|t| HAPPENINGS.contains(&t.as_str()));
    if starts_badly || happening || object.chars().count() > OBJECT_CHARS {
        return None;
    }
    // "SSO set up before go-live": SSO, set up.
    let lower = object.to_lowercase();
    let (kind, object) = match lower.find(" set up") {
        Some(at) if at > 0 && object.is_char_boundary(at) && object.is_char_boundary(at + 7) => {
            ("set_up", format!("{}{}", &object[..at], &object[at + 7..]))
        }
        _ => (kind, object.to_owned()),
    };
    let object = object.trim();
    let tokens = words(object);
    let data = data();
    // Something to arrange (a visit, a demo, training) is set up, never
    // sent or watered down to "something useful on it".
    let kind = if matches!(kind, "send" | "interest")
        && data
            .request_kinds
            .iter()
            .filter(|k| k.kind == "set_up")
            .any(|k| k.words.iter().any(|w| tokens.contains(w)))
    {
        "set_up"
    } else {
        kind
    };
    // "wants coaching workflows for the scorecards": a capability of the
    // product wished for, nothing to send (and so nothing late to say sorry
    // for): an interest to feed.
    const CAPABILITIES: [&str; 10] = [
        "workflow",
        "workflows",
        "feature",
        "features",
        "functionality",
        "capability",
        "capabilities",
        "module",
        "integration",
        "integrations",
    ];
    let kind = if kind == "send"
        && tokens.iter().any(|t| CAPABILITIES.contains(&t.as_str()))
        && !tokens.iter().any(|t| DELIVERABLES.contains(&t.as_str()))
        && !is_for_review(object)
    {
        "interest"
    } else {
        kind
    };
    let kind = data
        .request_kinds
        .iter()
        .find(|k| k.kind == kind)?
        .kind
        .as_str();
    // "intro to our Berlin team" reads as "an intro to our Berlin team".
    const BARE: [&str; 11] = [
        "intro",
        "introduction",
        "call",
        "demo",
        "meeting",
        "reference",
        "workshop",
        "walkthrough",
        "session",
        "visit",
        "trial",
    ];
    let object = match tokens.first() {
        Some(head) if BARE.contains(&head.as_str()) => {
            let article = if head.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {object}")
        }
        _ => object.to_owned(),
    };
    Some(Request {
        kind,
        object: clean(&as_said_to_user(&object), OBJECT_CHARS),
        and: None,
    })
}

/// Whether what follows "get" in a promise is something to obtain from the
/// contact ("Greg's sign-off", "approval for the budget") rather than
/// something to get to them ("her the pricing").
fn obtains(rest: &str, first_name: &str) -> bool {
    let lower = rest.to_lowercase().replace('\u{2019}', "'");
    let first = first_name.trim().to_lowercase();
    (!first.is_empty() && lower.starts_with(&format!("{first}'s ")))
        || [
            "sign-off",
            "signoff",
            "sign off",
            "approval",
            "the go-ahead",
            "a decision",
            "a signature",
            "the signature",
            "feedback",
            "an answer",
            "a po",
            "the po",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
}

/// Reads a promise's verb and object; `None` when its verb is not one of the
/// `promise_acts` (it is then quoted as written).
pub fn read_promise(text: &str, first_name: &str, full_name: &str) -> Option<PromiseReading> {
    read_promise_as_written(text, first_name, full_name).map(|mut reading| {
        reading.object = without_own_name(&reading.object, first_name, full_name);
        reading
    })
}

/// A promise's object without the contact named inside it, as their own
/// ping names them anyway: "the analyst briefing w Hannah Price + product
/// mktg" → "the analyst briefing with product mktg", "discount approval
/// form to Martin w margin calc" → "discount approval form w margin calc".
fn without_own_name(object: &str, first_name: &str, full_name: &str) -> String {
    let mut out = object.to_owned();
    for name in [full_name.trim(), first_name.trim()] {
        if name.is_empty() {
            continue;
        }
        let name = name.to_lowercase();
        for (said, instead) in [
            (format!(" w {name} + "), " with "),
            (format!(" with {name} + "), " with "),
            (format!(" w {name} and "), " with "),
            (format!(" with {name} and "), " with "),
            (format!(" w {name} "), " "),
            (format!(" with {name} "), " "),
            (format!(" to {name} "), " "),
        ] {
            let lower = out.to_lowercase();
            if lower.len() != out.len() {
                return out;
            }
            if let Some(at) = lower
                .find(&said)
                .filter(|&at| out.is_char_boundary(at) && out.is_char_boundary(at + said.len()))
            {
                out = format!("{}{}{}", &out[..at], instead, &out[at + said.len()..]);
            }
        }
        let lower = out.to_lowercase();
        for tail in [format!(" w {name}"), format!(" with {name}")] {
            if lower.ends_with(&tail)
                && lower.len() == out.len()
                && out.is_char_boundary(out.len() - tail.len())
            {
                out.truncate(out.len() - tail.len());
            }
        }
    }
    out
}

fn read_promise_as_written(
    text: &str,
    first_name: &str,
    full_name: &str,
) -> Option<PromiseReading> {
    // "Send Ruth the pilot results draft - Ciara to approve first": what is
    // said after a dash is an aside for the user, not part of the thing.
    let text = split_aside(text).0;
    let text = text.trim().trim_end_matches(['.', '!']).trim();
    let lower = text.to_lowercase();
    if let Some(reading) = get_together(text, first_name, full_name) {
        return Some(reading);
    }
    for act in &data().promise_acts {
        for verb in &act.verbs {
            let matches = lower.starts_with(verb.as_str())
                && lower[verb.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if !matches {
                continue;
            }
            let rest = skip_chars(text, verb.chars().count()).trim();
            // "Find out the GA date from PM and tell Luis": a to-do said
            // whole, as the user wrote it.
            if act.act == "do" {
                let object = clean(&as_said_to_user(&lower_first(text)), OBJECT_CHARS + 1);
                if rest.is_empty() || object.chars().count() > OBJECT_CHARS {
                    return None;
                }
                return Some(PromiseReading {
                    act: act.act.as_str(),
                    object,
                });
            }
            // "Get Rudi to extend the deal reg past 31/12": a favour to ask
            // of them.
            if verb == "get" {
                // Compared word by word and cut by characters of the
                // original: lower-casing may change a text's length.
                let name = first_name.trim();
                let asked = [name, "him", "her", "them"]
                    .iter()
                    .filter(|n| !n.is_empty())
                    .find(|n| {
                        let mut words = rest.split_whitespace();
                        words
                            .next()
                            .is_some_and(|w| w.to_lowercase() == n.to_lowercase())
                            && words.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
                    })
                    .map(|n| skip_chars(rest.trim_start(), n.chars().count() + 1).trim_start())
                    .map(|after| skip_chars(after, 2).trim_start());
                if let (Some(what), Some(ask)) =
                    (asked, data().promise_acts.iter().find(|a| a.act == "ask"))
                {
                    let object = clean(&as_said_to_user(&format!("to {what}")), OBJECT_CHARS + 1);
                    if object.chars().count() <= OBJECT_CHARS {
                        return Some(PromiseReading {
                            act: ask.act.as_str(),
                            object,
                        });
                    }
                }
            }
            // "Get Greg's sign-off", "get approval": something to obtain,
            // not to send them.
            if verb == "get" && obtains(rest, first_name) {
                return None;
            }
            // "Follow up with our IT team on SSO": someone else first, then the contact.
            // "Ask Alessandro if Brianza can visit", on Daniela's card: the
            // same.
            let act_name = if (act.act == "follow_up"
                && verb.ends_with(" with")
                && !starts_with_person(rest, first_name, full_name))
                || (act.act == "ask" && asks_someone_else(rest, first_name, full_name))
            {
                "check_with"
            } else {
                act.act.as_str()
            };
            if act_name == "check_with" {
                let object = clean(rest, OBJECT_CHARS + 1);
                if object.is_empty() || object.chars().count() > OBJECT_CHARS {
                    return None;
                }
                let act = data().promise_acts.iter().find(|a| a.act == "check_with")?;
                return Some(PromiseReading {
                    act: act.act.as_str(),
                    object,
                });
            }
            let object = promise_object(act.act.as_str(), rest, first_name, full_name);
            // "Email Bronwyn to book 30 min with Graham": a message sent for
            // a purpose, no thing to send; said whole, as a to-do.
            if act.act == "send" {
                let lower = object.to_lowercase();
                if ["to ", "re ", "about ", "and "]
                    .iter()
                    .any(|lead| lower.starts_with(lead))
                {
                    let object = clean(&as_said_to_user(&lower_first(text)), OBJECT_CHARS + 1);
                    let act = data().promise_acts.iter().find(|a| a.act == "do")?;
                    return (object.chars().count() <= OBJECT_CHARS).then_some(PromiseReading {
                        act: act.act.as_str(),
                        object,
                    });
                }
            }
            let needs_object = matches!(act.act.as_str(), "send" | "arrange" | "follow_up");
            let vague = matches!(
                object.to_lowercase().as_str(),
                "it" | "this" | "that" | "them"
            );
            if (needs_object && (object.is_empty() || vague))
                || object.chars().count() > OBJECT_CHARS
            {
                return None;
            }
            return Some(PromiseReading {
                act: act.act.as_str(),
                object,
            });
        }
    }
    // "FY27 territory plan", "Business case + final pricing (needed by
    // Jan 8)": a thing to hand over, named without a verb ("Q1 pipeline
    // deck to Greg": to the contact, who is named anyway).
    let text = without_last(text, &to_the_contact(first_name, full_name)).unwrap_or(text);
    let object = deliverable(text)?;
    let send = data().promise_acts.iter().find(|a| a.act == "send")?;
    Some(PromiseReading {
        act: send.act.as_str(),
        object,
    })
}

/// A promise that names a get-together with the contact ("lunch w Mike",
/// "coffee with Ana before Xmas"): a time to agree with them, read as a
/// meeting "for lunch".
fn get_together(text: &str, first_name: &str, full_name: &str) -> Option<PromiseReading> {
    const MEALS: [&str; 7] = [
        "lunch",
        "dinner",
        "coffee",
        "drinks",
        "breakfast",
        "beers",
        "a drink",
    ];
    let lower = text.to_lowercase();
    // The meal, then who, when or an aside: "coffee machine brochure" is
    // a thing, not a coffee.
    const AFTER_MEAL: [&str; 16] = [
        ",",
        " w ",
        " w/",
        " with ",
        " -",
        " \u{2013}",
        " in ",
        " on ",
        " at ",
        " before ",
        " after ",
        " next ",
        " this ",
        " once ",
        " when ",
        " (",
    ];
    let meal = MEALS.iter().find(|m| {
        lower
            .strip_prefix(**m)
            .is_some_and(|rest| rest.is_empty() || AFTER_MEAL.iter().any(|a| rest.starts_with(a)))
    })?;
    let mut rest = skip_chars(text, meal.chars().count()).trim_start();
    for with in ["w/ ", "w ", "with "] {
        if rest.to_lowercase().starts_with(with) {
            let after = skip_chars(rest, with.chars().count()).trim_start();
            if starts_with_person(after, first_name, full_name) {
                let name_words = [full_name, first_name]
                    .iter()
                    .map(|n| n.trim())
                    .find(|n| !n.is_empty() && after.to_lowercase().starts_with(&n.to_lowercase()))
                    .map_or(1, |n| n.split_whitespace().count());
                let mut words = after.splitn(name_words + 1, ' ');
                rest = words.nth(name_words).unwrap_or("");
            }
            break;
        }
    }
    let rest = rest.trim().trim_start_matches(',').trim();
    // "lunch in March": when, said on; "coffee, my treat": an aside.
    let first_word = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    let object = if rest.is_empty() {
        format!("for {meal}")
    } else if matches!(
        first_word.as_str(),
        "in" | "on"
            | "at"
            | "before"
            | "after"
            | "by"
            | "next"
            | "this"
            | "once"
            | "when"
            | "w"
            | "w/"
            | "with"
    ) {
        format!("for {meal} {rest}")
    } else {
        format!("for {meal}, {rest}")
    };
    let meet = data().promise_acts.iter().find(|a| a.act == "meet")?;
    let object = clean(&as_said_to_user(&object), OBJECT_CHARS + 1);
    (object.chars().count() <= OBJECT_CHARS).then_some(PromiseReading {
        act: meet.act.as_str(),
        object,
    })
}

/// Words that end the name of a thing handed over ("territory plan",
/// "readout deck"): a promise of one without a verb is a thing to send.
const DELIVERABLES: [&str; 64] = [
    "plan",
    "form",
    "forms",
    "deck",
    "case",
    "pricing",
    "prices",
    "quote",
    "quotes",
    "proposal",
    "report",
    "doc",
    "docs",
    "document",
    "draft",
    "summary",
    "slides",
    "contract",
    "sow",
    "numbers",
    "figures",
    "forecast",
    "questionnaire",
    "checklist",
    "agenda",
    "overview",
    "brief",
    "one-pager",
    "spec",
    "specs",
    "estimate",
    "invoice",
    "samples",
    "results",
    "datasheet",
    "brochure",
    "whitepaper",
    "roadmap",
    "recap",
    "minutes",
    "analysis",
    "list",
    "template",
    "redlines",
    "references",
    "timeline",
    "evidence",
    "calc",
    "calcs",
    "calculation",
    "calculations",
    "letter",
    "letters",
    "cert",
    "certificate",
    "schedule",
    "boq",
    "pack",
    "matrix",
    "sheet",
    "details",
    "drawings",
    "design",
    "statement",
];

/// The thing a verbless promise names, when its head is a thing handed over:
/// "FY27 territory plan", "POC readout deck for Pam", "Business case + final
/// pricing for FY27 budget (needed by Jan 8)" (the aside in brackets left
/// out). `None` for anything else ("Lunch in March", "Intro to the CFO").
fn deliverable(text: &str) -> Option<String> {
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = plain.to_lowercase();
    let head_end = [
        " for ", " to ", " by ", " on ", " with ", " w ", " w/ ", " re ", ", ", " before ",
        " after ",
    ]
    .iter()
    .filter_map(|sep| lower.find(sep))
    .min()
    .unwrap_or(lower.len());
    let head: Vec<&str> = lower[..head_end].split_whitespace().collect();
    // "Prep the deck": a determiner inside means a verb came first.
    let determiner_inside = head.iter().skip(1).any(|w| {
        matches!(
            *w,
            "the" | "a" | "an" | "my" | "our" | "his" | "her" | "their"
        )
    });
    let last = head
        .last()?
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if determiner_inside || head.len() > 8 || !DELIVERABLES.contains(&last) {
        return None;
    }
    let object = clean(&as_said_to_user(&lower_first(&plain)), OBJECT_CHARS + 1);
    (object.chars().count() <= OBJECT_CHARS).then_some(object)
}

/// What a promise says beside the thing itself: after a dash ("Send Ahmed 2
/// hospital references - RMH + Barwon") or in brackets ("Business case
/// (needed by Jan 8)"), for the ping to carry when its sentence leaves it out.
pub(super) fn promise_asides(text: &str) -> Vec<&str> {
    let (head, aside) = split_aside(text);
    let mut out: Vec<&str> = aside.map(str::trim).into_iter().collect();
    let mut rest = head;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        out.push(rest[open + 1..open + close].trim());
        rest = &rest[open + close + 1..];
    }
    out.retain(|a| !a.is_empty() && a.chars().count() <= 120);
    out
}

/// A promise's text and what it says after its first dash, if anything
/// ("Send Ahmed 2 hospital references - RMH + Barwon").
fn split_aside(text: &str) -> (&str, Option<&str>) {
    [" - ", " – ", " — "]
        .iter()
        .filter_map(|dash| text.find(dash).map(|at| (at, dash.len())))
        .min()
        .map_or((text, None), |(at, len)| {
            (&text[..at], Some(&text[at + len..]))
        })
}

/// A promise of the user's own plan as it follows "You planned": "to get
/// Dave a farewell gift…", or "the thank-you gift for Tom" (see
/// [`own_to_do`]).
pub(super) fn planned(promise: &str) -> String {
    match own_to_do(promise) {
        (todo, true) => format!("to {todo}"),
        (thing, false) => thing,
    }
}

/// A promise said as the user's own to-do, for a present or a child's
/// promise: "Get Dave a farewell gift for the braai" (its aside after a
/// dash left out); one with no verb is seen to ("the thank-you gift for
/// Tom"). The first word of the to-do is small; the flag says whether it
/// starts with a verb.
pub(super) fn own_to_do(promise: &str) -> (String, bool) {
    let text = split_aside(promise).0;
    let text = text.trim().trim_end_matches(['.', '!']).trim();
    let first = words(text).into_iter().next().unwrap_or_default();
    let verb = data()
        .promise_acts
        .iter()
        .flat_map(|a| &a.verbs)
        .any(|v| v.split(' ').next() == Some(first.as_str()));
    if verb {
        (
            clean(&as_said_to_user(&lower_first(text)), OBJECT_CHARS * 2),
            true,
        )
    } else {
        (as_thing(text), false)
    }
}

/// A verbless promise as the thing it names: "Thank-you gift for Tom" →
/// "the thank-you gift for Tom", "Jo's hamper" stays.
pub(super) fn as_thing(promise: &str) -> String {
    let text = clean(&as_said_to_user(&lower_first(promise.trim())), OBJECT_CHARS);
    let first = text.split_whitespace().next().unwrap_or("");
    let determined = matches!(
        first,
        "the" | "a" | "an" | "your" | "his" | "her" | "their" | "some"
    ) || first.ends_with("'s")
        || first.ends_with('\u{2019}');
    if determined {
        text
    } else {
        format!("the {text}")
    }
}

/// `text` with its first letter small, unless its first word is an acronym
/// ("POC readout deck" stays, "Find out…" becomes "find out…").
fn lower_first(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    // "SOW", "Q1", "K-12": a capital with more capitals or a digit.
    let acronym = first.chars().any(char::is_uppercase)
        && (first.chars().filter(|c| c.is_alphabetic()).count() > 1
            || first.chars().any(|c| c.is_ascii_digit()))
        && !first.chars().any(char::is_lowercase);
    // "Ken's retirement card": a name keeps its capital.
    let possessive = first.ends_with("'s") || first.ends_with("\u{2019}s");
    if acronym || possessive {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `text` starts with the contact (their name or a pronoun).
fn starts_with_person(text: &str, first_name: &str, full_name: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let first = words(&lower).into_iter().next().unwrap_or_default();
    [full_name, first_name]
        .iter()
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
        .any(|n| {
            lower.starts_with(&n)
                && lower[n.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        || matches!(first.as_str(), "them" | "him" | "her")
}

/// Whether the user's notes say someone will introduce the contact, or that
/// they have not met: `Some(introducer)` ("Carlos will introduce" → Carlos),
/// `Some(None)` when no one is named, `None` when the notes say neither.
pub fn pending_intro(notes: &str) -> Option<Option<String>> {
    if !lists().pending_intro.in_text(notes) {
        return None;
    }
    let introducer = clauses(notes).into_iter().find_map(|c| {
        let lower = c.to_lowercase();
        let at = lower.find(" will introduce")?;
        let is_name = |name: &str| {
            name.starts_with(|ch: char| ch.is_uppercase())
                && !STARTERS.contains(&name.to_lowercase().as_str())
                && name.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        };
        // The first name of the name before it: "Priyanka Shah will
        // introduce" is Priyanka, never Shah.
        let words: Vec<&str> = c.get(..at)?.split_whitespace().collect();
        let run = words.iter().rev().take_while(|w| is_name(w)).count().min(3);
        let name = *words.get(words.len().checked_sub(run.max(1))?)?;
        is_name(name).then(|| clean(name, 40))
    });
    Some(introducer)
}

/// Whether a promise that names a present is a business errand about one
/// ("Call Tony about the wine order", "Send the hamper catalogue"): written
/// to them as usual, not bought and given.
pub fn is_business_errand(promise: &str) -> bool {
    let words = words(promise);
    matches!(
        words.first().map(String::as_str),
        Some("call" | "phone" | "ring" | "email" | "meet" | "discuss")
    ) || words.iter().enumerate().any(|(i, w)| {
        // "Order flowers for her 90th" is the present; "the wine order" is not.
        (w == "order" && i > 0)
            || matches!(
                w.as_str(),
                "catalogue" | "catalog" | "pricing" | "quote" | "promo" | "brochure"
            )
    })
}

/// Whether a promise is a present or a surprise for the contact ("Buy her
/// 13th birthday present"): it is kept, never mentioned to them beforehand
/// nor asked about after.
pub fn is_surprise(promise: &str) -> bool {
    // "Gus's b'day cake" is his birthday's.
    let words = words(
        &promise
            .replace("b'day", "bday")
            .replace("b\u{2019}day", "bday"),
    );
    // "Present the roadmap to her team" is no present.
    words.iter().skip(1).any(|w| {
        matches!(
            w.as_str(),
            "present"
                | "presents"
                | "gift"
                | "gifts"
                | "surprise"
                | "cadeau"
                | "hamper"
                | "flowers"
                | "bouquet"
                | "chocolates"
                | "wine"
                | "champagne"
                | "whisky"
                | "whiskey"
                | "bourbon"
                // "Book bday dinner for Sat 19/12", on the card of the one
                // whose birthday it is.
                | "bday"
                | "birthday"
        )
    })
    // "Drop off Jo's Christmas Koko Black", "her birthday cake": theirs
    // for the day, whatever it is.
    || words.windows(2).any(|w| {
        // `words` splits "Jo's" into "jo" and "s".
        matches!(w[0].as_str(), "s" | "her" | "his" | "their")
            && matches!(
                w[1].as_str(),
                "christmas" | "xmas" | "birthday" | "bday" | "40th" | "50th" | "60th" | "30th"
                    | "21st" | "70th" | "80th"
                    // "Ken's retirement card + bottle": his, for the occasion.
                    | "retirement" | "farewell" | "leaving" | "wedding" | "anniversary"
            )
    })
    // "Buy Lego Technic for Luca's bday", "Buy a spa voucher for Ash's 40th".
    || (words.first().is_some_and(|w| w == "buy" || w == "order" || w == "get")
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "bday" | "birthday" | "christmas" | "xmas" | "voucher" | "anniversary"
            )
        }))
}

/// Whether the user's notes say the contact is best reached by phone
/// ("call him", "never replies by email").
pub fn prefers_phone(notes: &str) -> bool {
    lists().phone.in_text(notes)
}

/// Whether a contact has only ever been liked or commented on online, or
/// emailed without a reply: nothing logged shows a conversation.
pub fn only_one_way(
    facts: &super::snapshot::ContactFacts,
    anchors: &[super::snapshot::Anchor],
) -> bool {
    use super::snapshot::AnchorSource;
    use crate::model::InteractionKind;
    // Read the note only when the anchors leave the question open.
    let one_way_kinds = !anchors.is_empty()
        && anchors.iter().all(|a| {
            matches!(
                a.source,
                AnchorSource::Interaction(InteractionKind::Social | InteractionKind::Email)
            )
        });
    let emailed = anchors
        .iter()
        .any(|a| a.source == AnchorSource::Interaction(InteractionKind::Email));
    one_way_kinds
        && (!emailed
            || facts
                .last_note
                .as_ref()
                .is_some_and(|n| n.kind == InteractionKind::Email && is_unanswered(&n.text)))
}

/// Whether a note may hold a request or an offer, by a cheap look for the
/// words that open one: most notes do not, and are then never read in full
/// to plan.
pub fn may_hold_open_item(note: &str) -> bool {
    const CUES: [&str; 14] = [
        "suggest",
        "propos",
        "want",
        "like",
        "ask",
        "request",
        "need",
        "looking for",
        "question",
        "interest",
        "keen",
        "'ll ",
        "\u{2019}ll ",
        "will ",
    ];
    let lower = note.to_lowercase();
    CUES.iter().any(|c| lower.contains(c)) || lower.contains("offered")
}

/// Whether a request names a time still to come on `on`: a quarter or a
/// month ahead ("a demo in Q1", "pricing for January"), next year, the new year.
pub fn asks_for_later(object: &str, on: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    let tokens = words(object);
    let quarter = (on.month() - 1) / 3 + 1;
    tokens.iter().any(|t| {
        if let Some(q) = t.strip_prefix('q').and_then(|n| n.parse::<u32>().ok()) {
            return (1..=4).contains(&q) && q != quarter;
        }
        // "coffee in Jan": a short month counts too, but "may" and "mar" are
        // words of their own.
        if let Some(m) = month_of(t).filter(|_| t.len() > 3 || !matches!(t.as_str(), "may" | "mar"))
        {
            return m != on.month();
        }
        false
    }) || has_phrase(&tokens, "next year")
        || has_phrase(&tokens, "next quarter")
        || has_phrase(&tokens, "new year")
}

/// Whether a request names the month `on` falls in ("lunch in December",
/// read in December): its time is now, so it is not late.
pub fn names_this_month(object: &str, on: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    // "Lunch in Dec" too; "may" is no month on its own.
    words(object)
        .iter()
        .any(|t| t.len() >= 3 && t != "may" && month_of(t) == Some(on.month()))
}

/// Whether a request names a month that is over by `on` ("training dates
/// in January", asked in November, read in February): its time has passed.
pub fn names_past_month(object: &str, written: chrono::NaiveDate, on: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    words(object).iter().any(|t| {
        let Some(m) = month_of(t).filter(|_| t.len() > 3) else {
            return false;
        };
        // The first such month on or after the note's own month.
        let year = if m >= written.month() {
            written.year()
        } else {
            written.year() + 1
        };
        let (next_year, next_month) = if m == 12 {
            (year + 1, 1)
        } else {
            (year, m + 1)
        };
        chrono::NaiveDate::from_ymd_opt(next_year, next_month, 1).is_some_and(|end| end <= on)
    })
}

/// Whether a thing sent is one the contact reviews or decides on (a
/// proposal, a quote, a contract: see `review_words`), so that asking how it
/// landed makes sense; a bio, a list or a yes/no is simply received.
pub fn is_for_review(thing: &str) -> bool {
    lists().review.in_text(thing)
}

/// Whether a note says a message went unanswered ("cold outreach, no reply").
pub fn is_unanswered(note: &str) -> bool {
    lists().unanswered.in_text(note)
}

/// What kind of job a title names when it is not a buyer's: an analyst, an
/// adviser, a recruiter (see `roles`).
pub fn role_of(title: &str) -> Option<&'static str> {
    let tokens = words(title);
    let lower = tokens.join(" ");
    data()
        .roles
        .iter()
        .find(|r| {
            // A word matches as a word ("partner", not "partnerships"); a
            // phrase ("executive assistant") as its words in order.
            r.words.iter().any(|w| {
                if w.contains(' ') {
                    has_phrase(&tokens, w)
                } else {
                    tokens.contains(w)
                }
            }) && !r
                .unless
                .iter()
                .any(|u| has_phrase(&tokens, u) || lower == *u)
        })
        .map(|r| r.role.as_str())
}

/// Words that may follow a pronoun standing for the contact ("send her the deck").
const AFTER_PERSON: [&str; 22] = [
    "the", "a", "an", "our", "my", "some", "this", "that", "these", "those", "to", "after",
    "about", "on", "for", "in", "at", "when", "before", "with", "next", "tomorrow",
];

/// The promise's object without the contact: "Tom after his budget meeting"
/// → "after his budget meeting", "the deck to them" → "the deck".
fn promise_object(act: &str, rest: &str, first_name: &str, full_name: &str) -> String {
    let mut rest = rest.trim();
    let strip_person = |text: &str| -> Option<usize> {
        let lower = text.to_lowercase();
        let full = full_name.trim().to_lowercase();
        // "Send Dr. Feldstein the agenda", to Alan Feldstein.
        let titled = full
            .rsplit(' ')
            .next()
            .filter(|last| *last != full)
            .map(|last| {
                [
                    "dr.", "dr", "prof.", "prof", "mr.", "mr", "mrs.", "mrs", "ms.", "ms",
                ]
                .map(|title| format!("{title} {last}"))
            });
        let mut names: Vec<String> = titled.into_iter().flatten().collect();
        names.extend([full, first_name.trim().to_lowercase()]);
        names.retain(|n| !n.is_empty());
        for name in names {
            if lower.starts_with(&name)
                && lower[name.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == ' ' || c == ',')
            {
                return Some(name.len());
            }
        }
        // "Send Raj the data" on Rajesh's card: the short form of the name.
        // (A capital: "the deck" on Theodore's card is no name.)
        if let Some(short) = text
            .split(' ')
            .next()
            .filter(|w| w.len() >= 3 && w.starts_with(char::is_uppercase))
        {
            let short = short.to_lowercase();
            let first = first_name.trim().to_lowercase();
            if first.len() > short.len() && first.starts_with(&short) && text.len() > short.len() {
                return Some(short.len());
            }
        }
        for pronoun in ["them", "him", "her"] {
            if let Some(after) = lower.strip_prefix(pronoun) {
                let next = after.split_whitespace().next();
                if after.is_empty()
                    || (after.starts_with(' ') && next.is_some_and(|w| AFTER_PERSON.contains(&w)))
                {
                    return Some(pronoun.len());
                }
            }
        }
        None
    };
    // Byte lengths from the lower-cased text are only used when they land on
    // a character boundary of the original.
    if let Some(n) = strip_person(rest).filter(|&n| rest.is_char_boundary(n)) {
        rest = rest[n..].trim_start_matches([',', ' ']);
    }
    if act == "follow_up" {
        for lead in ["on ", "about ", "with "] {
            if rest.to_lowercase().starts_with(lead) && rest.is_char_boundary(lead.len()) {
                rest = rest[lead.len()..].trim_start();
            }
        }
        if let Some(n) = strip_person(rest).filter(|&n| rest.is_char_boundary(n)) {
            rest = rest[n..].trim_start();
            for lead in ["on ", "about "] {
                if rest.to_lowercase().starts_with(lead) && rest.is_char_boundary(lead.len()) {
                    rest = rest[lead.len()..].trim_start();
                }
            }
        }
    }
    if act == "send" {
        let lower = rest.to_lowercase();
        let tails = to_the_contact(first_name, full_name);
        if let Some(cut) = without_last(rest, &tails) {
            rest = cut;
        } else if let Some((at, len)) = tails.iter().find_map(|t| {
            // "3 tablet mounts to Mark (from Fleetlink)": the person goes,
            // the aside stays.
            [" (", ","]
                .iter()
                .find_map(|after| lower.find(&format!("{t}{after}")).map(|at| (at, t.len())))
        }) {
            if rest.is_char_boundary(at) && rest.is_char_boundary(at + len) {
                return clean(
                    &as_said_to_user(&format!("{}{}", &rest[..at], &rest[at + len..])),
                    OBJECT_CHARS + 1,
                );
            }
        }
    }
    clean(&as_said_to_user(rest.trim()), OBJECT_CHARS + 1)
}

/// The ways a promise says its thing goes to the contact, lower-cased:
/// " to them", " to him", " to her", " to Greg Walsh", " to Greg".
fn to_the_contact(first_name: &str, full_name: &str) -> Vec<String> {
    let mut tails = vec![
        " to them".to_owned(),
        " to him".to_owned(),
        " to her".to_owned(),
    ];
    for name in [full_name, first_name] {
        if !name.trim().is_empty() {
            tails.push(format!(" to {}", name.trim().to_lowercase()));
        }
    }
    tails
}

/// `text` without the one of `tails` it ends with (compared lower-cased),
/// or `None` when it ends with none; left whole when the cut would fall
/// inside a character.
fn without_last<'t>(text: &'t str, tails: &[String]) -> Option<&'t str> {
    let lower = text.to_lowercase();
    let tail = tails.iter().find(|t| lower.ends_with(t.as_str()))?;
    let cut = text.len().saturating_sub(tail.len());
    Some(if text.is_char_boundary(cut) {
        &text[..cut]
    } else {
        text
    })
}

/// The object as a thing already mentioned: "a quote" → "the quote",
/// "pricing" → "the pricing"; "the", "our", "his"… stay.
pub fn definite(object: &str) -> String {
    let lower = object.to_lowercase();
    for article in ["a ", "an ", "some ", "more "] {
        if lower.starts_with(article) && object.is_char_boundary(article.len()) {
            return format!("the {}", &object[article.len()..]);
        }
    }
    const KEEP: [&str; 10] = [
        "the ", "our ", "my ", "his ", "her ", "their ", "your ", "this ", "that ", "these ",
    ];
    // "Her knee surgery" inside a sentence: "her knee surgery".
    if let Some(k) = KEEP.iter().find(|k| lower.starts_with(*k)) {
        return format!("{}{}", k, &object[k.len()..]);
    }
    // "Dad's knee op" is already someone's.
    let first = lower.split_whitespace().next().unwrap_or("");
    if first.ends_with("'s") || first.ends_with("\u{2019}s") {
        return object.to_owned();
    }
    if object.is_empty() || object.starts_with(|c: char| c.is_ascii_digit()) {
        object.to_owned()
    } else {
        format!("the {}", common_start_lowered(object))
    }
}

/// `object` with its first word lower-cased when the capital is only the
/// note's sentence start on a common word ("Knee replacement surgery" →
/// "knee replacement surgery", "Board mtg" → "board mtg"); a name or an
/// acronym ("Harbor Bank renewal", "ABQ go-live") stays as written.
fn common_start_lowered(object: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let object = object.trim_start();
    let mut words = object.split_whitespace();
    let first = words.next().unwrap_or("");
    let mut chars = first.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && first.chars().count() > 1
        && chars.all(|c| c.is_lowercase() || c == '-');
    // "Heart Foundation gala", "Back Bay office move": a name goes on.
    let name_goes_on = words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    if !capitalised || name_goes_on {
        return Cow::Borrowed(object);
    }
    let lower = first.to_lowercase();
    const COMMON: [&str; 16] = [
        "cataract", "eye", "back", "shoulder", "heart", "bypass", "install", "kickoff", "kick-off",
        "move", "review", "mtg", "meeting", "go-live", "closing", "exam",
    ];
    let d = data();
    let common = COMMON.contains(&lower.as_str())
        || [
            &d.life_words,
            &d.serious_words,
            &d.thread_words,
            &d.decision_words,
        ]
        .iter()
        .any(|list| list.contains(&lower));
    if common {
        Cow::Owned(format!("{lower}{}", &object[first.len()..]))
    } else {
        Cow::Borrowed(object)
    }
}

/// An event's name as a thing both people know: "a customer dinner" → "the customer dinner".
pub fn event_name(event: &str) -> String {
    let lower = event.to_lowercase();
    for article in ["a ", "an "] {
        if lower.starts_with(article) && event.is_char_boundary(article.len()) {
            return format!("the {}", &event[article.len()..]);
        }
    }
    event.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_of_the_deed_answers_a_request_and_a_longer_clause_does_not() {
        for answer in [
            "Sent",
            "done - emailed",
            "Replied next morning",
            "already sent it over",
            "sent same day",
        ] {
            assert!(is_answer(answer), "{answer}");
        }
        for not in [
            "Done deal by March he reckons",
            "Emailed re pricing",
            "Sorted the parking at the venue",
            "Sent the case study last week",
        ] {
            assert!(!is_answer(not), "{not}");
        }
    }

    #[test]
    fn a_timeline_wanted_is_no_thing_to_send() {
        assert_eq!(request("Rebecca wants go-live Q2"), None);
        assert_eq!(
            request("He wants the VHBA panel badly - national implications"),
            None
        );
        assert_eq!(request("Wants install to start Feb."), None);
        assert_eq!(
            request("Needs our updated BBBEE cert - ours expires 28/2/27 so fine for now"),
            None
        );
        assert!(request("Wants the go-live checklist").is_some());
        assert!(request("Wants go-live checklist").is_some());
        assert_eq!(request("Wants launch in March"), None);
        assert!(request("Wants the pricing sheet").is_some());
    }

    #[test]
    fn a_present_bought_for_a_day_is_a_surprise() {
        assert!(is_surprise("Buy Lego Technic for Luca's bday"));
        assert!(is_surprise(
            "Buy Castlemartyr spa voucher for Ash's 40th - group pressie"
        ));
        assert!(!is_surprise("Buy a new laptop bag"));
        assert!(!is_surprise("Present the roadmap to her team"));
    }

    #[test]
    fn a_verb_alone_names_no_thing_and_a_plural_noun_does() {
        assert!(!names_a_thing("confirms"));
        assert!(names_a_thing("exams"));
        assert!(names_a_thing("the knee op"));
    }

    #[test]
    fn a_thing_named_before_its_day_drops_its_label_and_a_lone_pronoun_names_nothing() {
        assert_eq!(tidy_thing("Niall: PO for phase 2 w/c"), "PO for phase 2");
        assert_eq!(tidy_thing("them"), "");
        assert_eq!(tidy_thing("her budget review"), "her budget review");
        assert_eq!(tidy_thing("Board mtg"), "Board mtg");
        assert_eq!(tidy_thing("bit nervous about the knee op"), "the knee op");
        assert_eq!(tidy_thing("about the knee op"), "about the knee op");
        let on = |note: &str| note_dates(note, "2026-11-26".parse().unwrap());
        let niall = on("Niall: PO for phase 2 w/c 14 Dec once budget released");
        assert_eq!(niall[0].what, "PO for phase 2", "{niall:?}");
        let gavin = on("Gavin sorting 4 loaners for the eval - he'll have them to us by 10 Dec");
        assert!(gavin.iter().all(|d| d.what != "them"), "{gavin:?}");
    }

    #[test]
    fn an_acronym_or_a_model_opens_no_clause_about_someone_else() {
        assert!(!about_someone_else(
            "SAP go-live, chaos till mid Jan",
            "Jürgen",
            true
        ));
        assert!(!about_someone_else(
            "CP-400 budget 2027 in Jan",
            "Michael",
            true
        ));
        assert!(about_someone_else(
            "Thomas says budget in KW 3",
            "Michael",
            true
        ));
        // An organisation, or a system's project, is no one else either.
        for not in [
            "West Lothian College",
            "Fife College",
            "Moodle upgrade till end Jan",
            "Workday rollout slipped to March",
        ] {
            assert!(!about_someone_else(not, "Craig", true), "{not}");
        }
        assert!(about_someone_else(
            "Sophie wants pricing too",
            "Craig",
            true
        ));
        assert_eq!(
            own_part(
                "Craig - Fife College. Moodle upgrade till end Jan - keen on a demo in Feb",
                "Craig"
            ),
            "Craig. Fife College. Moodle upgrade till end Jan. keen on a demo in Feb"
        );
    }

    #[test]
    fn a_board_member_is_no_decision_and_an_intro_is_an_offer() {
        let r = read_note(
            "Coffee. Promised him my 30-60-90 plan. He'll intro me to a board member at Northway.",
            "Fergal",
        );
        assert!(!r.decision && r.offered, "{r:?}");
        let r = read_note(
            "Pilot review in Naas went well. Board approval needed on 14 Jan.",
            "Declan",
        );
        assert!(r.decision, "{r:?}");
    }

    #[test]
    fn news_the_user_already_congratulated_on_is_no_opening() {
        let r = read_note(
            "Congrats msg - promoted to Head of Sales EMEA at Clearpay. Pints to celebrate sometime.",
            "Niall",
        );
        assert_eq!(r.life, None);
        let r = read_note("Promoted to Head of Sales EMEA at Clearpay.", "Niall");
        assert!(r.life.is_some());
    }

    #[test]
    fn a_clause_that_opens_with_someone_else_is_theirs() {
        let thomas: &[&str] = &["Thomas"];
        let book: std::collections::HashSet<String> = ["thomas", "michael", "sully"]
            .iter()
            .map(|n| (*n).to_owned())
            .collect();
        let someone = |clause: &str, names: &[&str]| opens_with_someone(clause, names, &book);
        assert!(someone("Kaltenbach: Michael is off 21 Dec - 8 Jan", thomas));
        assert!(someone("Michael's off from 21 Dec", thomas));
        assert!(someone("Michael having hip op Mon 7 Dec", thomas));
        assert!(someone(
            "Michael needs the TCO calc from me by 7 Dec",
            thomas
        ));
        assert!(!someone("Michael is off from 21 Dec", &["Michael"]));
        assert!(!someone("Sully is off till Jan", &["Mick", "Sully"]));
        assert!(!someone("She is off from 18 Dec", &["Ciara"]));
        // Not in the book: no one.
        assert!(!someone("Contract is up for renewal 15 Jan", thomas));
        assert!(!someone("Office is closed 24 Dec to 2 Jan", thomas));
        assert!(!someone("SAP is live in Jan", thomas));
        assert_eq!(
            without_others(
                "Kaltenbach: Michael is off 21 Dec - 8 Jan, Thomas says budget decision KW 3",
                thomas,
                &book
            ),
            " Thomas says budget decision KW 3"
        );
        // The contact's own sentence stays whole, dates and all.
        assert_eq!(
            without_others(
                "Away from 1 Dec, back 11 Jan. Michael is off too. Call 15.1.2027",
                thomas,
                &book
            ),
            "Away from 1 Dec, back 11 Jan. Call 15.1.2027"
        );
    }

    #[test]
    fn asking_someone_else_for_the_contact_is_checking_with_them() {
        let r = read_promise(
            "Ask Alessandro if Brianza can visit line 2 as reference",
            "Daniela",
            "Daniela Villa",
        )
        .unwrap();
        assert_eq!(r.act, "check_with");
        assert_eq!(
            r.object,
            "Alessandro if Brianza can visit line 2 as reference"
        );
        let short = read_promise("Ask Matt about the line speeds", "Matthew", "Matthew Huber");
        assert_eq!(short.map(|r| r.act), Some("ask"));
        let own = read_promise(
            "Ask Daniela about the line speeds",
            "Daniela",
            "Daniela Villa",
        )
        .unwrap();
        assert_eq!(own.act, "ask");
    }

    #[test]
    fn a_retirement_long_settled_is_no_news() {
        assert!(!is_life_clause(
            "Colm msg - retired life good, golf 4 days a wk"
        ));
        assert!(is_life_clause("Retiring at the end of March"));
    }

    #[test]
    fn what_follows_a_dash_in_a_promise_is_an_aside() {
        let r = read_promise(
            "Send Ruth UHW pilot results draft - Ciara to approve first",
            "Ruth",
            "Ruth Sheehan",
        )
        .unwrap();
        assert_eq!(r.object, "UHW pilot results draft");
    }

    #[test]
    fn a_short_month_asks_for_later_but_may_and_mar_are_words() {
        let on = "2026-12-10".parse().unwrap();
        assert!(asks_for_later("coffee in Jan when I'm up in Dublin", on));
        assert!(!asks_for_later("whatever may come of it", on));
        assert!(!asks_for_later("the price list", on));
    }

    #[test]
    fn will_is_a_name_when_a_name_s_verb_follows() {
        for not in [
            "Will focus on the pilot first",
            "Will canvas the team",
            "Will embed the report",
        ] {
            assert!(!about_someone_else(not, "Rosa", true), "{not}");
        }
        assert!(about_someone_else(
            "Will said the board meets Tue 8 Dec",
            "Rosa",
            true
        ));
        assert!(about_someone_else(
            "Will mentioned his move to Leeds",
            "Rosa",
            true
        ));
        assert!(!about_someone_else(
            "Will call her after 11/1",
            "Rosa",
            true
        ));
        assert!(!about_someone_else(
            "Will discuss with the board",
            "Rosa",
            true
        ));
    }

    #[test]
    fn a_request_for_a_month_gone_by_or_for_something_to_happen_is_not_delivered() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        assert!(names_past_month(
            "training dates in March",
            d("2026-11-10"),
            d("2027-04-02")
        ));
        assert!(!names_past_month(
            "training dates in March",
            d("2026-11-10"),
            d("2027-03-20")
        ));
        assert!(!names_past_month(
            "the price list",
            d("2026-11-10"),
            d("2027-04-02")
        ));
        assert_eq!(
            request("Needs the loan stock agreed with the hospital first"),
            None
        );
    }

    #[test]
    fn a_shared_note_gives_each_person_only_their_own_request() {
        let note = "Tender panel met. Ruth needs the implant price list; Omar worried about stock, wants a consignment plan";
        let ruth = read_note(note, "Ruth").request.unwrap();
        assert_eq!(ruth.object, "the implant price list");
        assert!(ruth.and.is_none(), "{ruth:?}");
        let omar = read_note(note, "Omar").request.unwrap();
        assert_eq!(omar.object, "a consignment plan");
    }

    #[test]
    fn a_pregnancy_is_news() {
        let r = read_note(
            "book club at Ellie's. she's pregnant, due in Feb!! shower sometime in Jan",
            "Ellie",
        );
        assert_eq!(r.life.as_deref(), Some("She's pregnant, due in Feb"));
    }

    #[test]
    fn a_capability_wished_for_is_an_interest_not_a_thing_to_send() {
        let r = read_note(
            "QBR. Tanya wants coaching workflows for the scorecards.",
            "Tanya",
        )
        .request
        .unwrap();
        assert_eq!(
            (r.kind, r.object.as_str()),
            ("interest", "coaching workflows for the scorecards")
        );
        let spec = read_note("Wants the integration spec sheet.", "Tanya")
            .request
            .unwrap();
        assert_eq!(spec.kind, "send");
    }

    #[test]
    fn a_request_declined_is_no_request() {
        let note = "Heather: they went w FleetPulse. price was the decider. asked for a feedback call, she declined politely";
        assert!(read_note(note, "Heather").request.is_none());
        assert!(!waits_on_user(note, "Heather"));
    }

    #[test]
    fn a_request_for_months_ahead_is_not_owed_yet() {
        let note = "exec mtg w Steve + Luis. Steve is a numbers guy, wants an ROI review at 6 months (May). verbal yes";
        assert!(read_note(note, "Steve").request.is_none());
        assert!(read_note("Wants an ROI review now", "Steve")
            .request
            .is_some());
    }

    #[test]
    fn a_note_told_person_by_person_gives_one_not_named_nothing_of_theirs() {
        // Logged with Kara too, who is not named: Lisa's briefing is Lisa's.
        let note = "partner dinner at the expo. Neha (ColdSense) wants to explore an integration of their reefer sensors, I said I'd connect her w our partner team. Lisa is writing a telematics market report for Q1, wants a briefing";
        let kara = read_note(note, "Kara");
        assert!(kara.request.is_none() && kara.thread.is_none(), "{kara:?}");
        assert!(!waits_on_user(note, "Kara"));
        assert_eq!(
            read_note(note, "Lisa").request.unwrap().object,
            "a briefing"
        );
        assert_eq!(own_part(note, "Kara"), "partner dinner at the expo");
        // One other name alone may be the contact's own by another name.
        // Text whose lower case is longer or shorter than itself: no panic.
        for odd in ["İİİ to İ", "lunch w İ", "deck to ẞ w ẞ", "K w İlknur + İ"] {
            let _ = read_promise(odd, "İ", "İlknur Şahin");
            let _ = read_promise(odd, "ẞ", "ẞ");
        }
        let one = "Demo done. Bob wants a quote, asked for references";
        assert_eq!(own_part(one, "Robert"), one);
    }

    fn request(note: &str) -> Option<(&'static str, String)> {
        read_note(note, "Ana").request.map(|r| (r.kind, r.object))
    }

    #[test]
    fn requests_are_told_from_background() {
        // An abbreviation's dot ends no sentence.
        assert_eq!(
            request(
                "Renewal: contract runs out 31 Mar. Want offer incl. Yard Mgmt module in January."
            ),
            Some(("send", "offer incl. Yard Mgmt module in January".to_owned()))
        );
        assert_eq!(
            request("Wants a follow-up on pricing for the enterprise tier."),
            Some(("send", "pricing for the enterprise tier".to_owned()))
        );
        assert_eq!(
            request("Loved the case study — asked for a reference call."),
            Some(("set_up", "a reference call".to_owned()))
        );
        assert_eq!(
            request("Liked our dashboard demo; wants a sandbox account for her team"),
            Some(("set_up", "a sandbox account for her team".to_owned()))
        );
        assert_eq!(
            request("Wants a quote for 40 seats before year end; worried about onboarding time"),
            Some(("send", "a quote for 40 seats before year end".to_owned()))
        );
        assert_eq!(
            request("Asked about integrations with their ERP."),
            Some(("answer", "integrations with their ERP".to_owned()))
        );
        assert_eq!(
            request("She asked me to send the deck to her CFO"),
            Some(("send", "the deck to her CFO".to_owned()))
        );
        let two = read_note(
            "Good chat; asked about integrations with SAP and wants pricing for 200 drivers",
            "Raf",
        )
        .request
        .unwrap();
        assert_eq!(
            (two.kind, two.object.as_str()),
            ("answer", "integrations with SAP")
        );
        let and = two.and.unwrap();
        assert_eq!(
            (and.kind, and.object.as_str()),
            ("send", "pricing for 200 drivers")
        );
        assert_eq!(
            request("Ana wants a demo for the ops team"),
            Some(("set_up", "a demo for the ops team".to_owned()))
        );
        for background in [
            "Moving to the Seattle office in January",
            "Had a baby boy in August",
            "Wants to expand to Spain next year",
            "Just back from holiday, very relaxed.",
            "Evaluating two other vendors; decision in Q2.",
            "Her boss said the team wants nothing new this year but ",
            "",
        ] {
            assert_eq!(request(background), None, "{background}");
        }
        let reading = read_note("Budget approved. Rollout in Q3; pilot first.", "Hal");
        assert_eq!(
            reading.thread.as_deref(),
            Some("Budget approved. Rollout in Q3; pilot first")
        );
        let reading = read_note("Twins born in December. Renewal talks in Q2.", "Hal");
        assert_eq!(reading.thread.as_deref(), Some("Renewal talks in Q2"));
        assert_eq!(reading.life.as_deref(), Some("Twins born in December"));
        let reading = read_note(
            "Contract up for renewal in April; she is moving to the Seattle office in January",
            "Helen",
        );
        assert_eq!(
            reading.thread.as_deref(),
            Some("Contract up for renewal in April")
        );
        assert_eq!(
            reading.life.as_deref(),
            Some("She is moving to the Seattle office in January")
        );
        let reading = read_note("Introduced me to their head of operations.", "Wei");
        assert_eq!(
            reading.favour.as_deref(),
            Some("Introduced me to their head of operations")
        );
        assert_eq!(reading.thread, None);
        let reading = read_note("Had a baby boy in August", "Grace");
        assert_eq!(reading.life.as_deref(), Some("Had a baby boy in August"));
        assert_eq!(reading.thread, None);
    }

    #[test]
    fn notes_are_quoted_as_short_fragments_without_filler() {
        let reading = read_note(
            "Quick catch-up; they're hiring two account managers.",
            "Seo",
        );
        assert_eq!(
            reading.thread.as_deref(),
            Some("They're hiring two account managers")
        );
        let long = format!(
            "Budget approved for the rollout in Q3; {}; she also mentioned her daughter is graduating",
            "lots of detail about the procurement process and who signs what ".repeat(3)
        );
        let reading = read_note(&long, "Ana");
        let thread = reading.thread.unwrap();
        assert!(thread.chars().count() <= FRAGMENT_CHARS, "{thread}");
        assert!(thread.starts_with("Budget approved"), "{thread}");
        assert!(reading.life.unwrap().contains("graduating"));
    }

    #[test]
    fn a_promise_s_verb_says_what_to_do() {
        let read = |t: &str| read_promise(t, "Tom", "Tom Becker").map(|p| (p.act, p.object));
        assert_eq!(
            read("Call Tom after his budget meeting"),
            Some(("call", "after his budget meeting".to_owned()))
        );
        assert_eq!(
            read("Send the 40-seat quote with the onboarding plan"),
            Some((
                "send",
                "the 40-seat quote with the onboarding plan".to_owned()
            ))
        );
        assert_eq!(
            read("Get 3 replacement tablet mounts to Tom (from Fleetlink)"),
            Some((
                "send",
                "3 replacement tablet mounts (from Fleetlink)".to_owned()
            ))
        );
        // A get-together to agree a time for.
        assert_eq!(
            read("lunch w Tom - congrats on Tri-State"),
            Some(("meet", "for lunch".to_owned()))
        );
        assert_eq!(
            read("coffee with Tom Becker, my treat, before he leaves"),
            Some((
                "meet",
                "for coffee, your treat, before he leaves".to_owned()
            ))
        );
        assert_eq!(read("lunchbox order for the kids"), None);
        assert_ne!(
            read("coffee machine brochure to Tom").map(|r| r.0),
            Some("meet")
        );
        // With someone else, said on without a comma.
        assert_eq!(
            read("coffee w Sarah's team before Xmas"),
            Some(("meet", "for coffee w Sarah's team before Xmas".to_owned()))
        );
        // The contact named inside the thing is named by the ping anyway.
        assert_eq!(
            read("set up the analyst briefing w Tom Becker + product mktg"),
            Some((
                "arrange",
                "the analyst briefing with product mktg".to_owned()
            ))
        );
        assert_eq!(
            read("discount approval form for Northgate 3yr to Tom w margin calc"),
            Some((
                "send",
                "discount approval form for Northgate 3yr w margin calc".to_owned()
            ))
        );
        // The contact by a short form of the name: "Raj" on Rajesh's card.
        let rajesh = read_promise(
            "Send Raj the 2yr AOANJRR data for Meridian (again!)",
            "Rajesh",
            "Rajesh Mehta",
        )
        .map(|p| (p.act, p.object));
        assert_eq!(
            rajesh,
            Some((
                "send",
                "the 2yr AOANJRR data for Meridian (again!)".to_owned()
            ))
        );
        assert!(
            read_promise("Send the deck to Theo", "Theodore", "Theodore Ng")
                .is_some_and(|p| p.object.starts_with("the deck"))
        );
        // Someone else, by name and surname initial, asked a favour for them.
        assert_eq!(
            read_promise(
                "Ask Helen Z if she'd see Dad re his knee",
                "Jan",
                "Jan Kowalczyk"
            )
            .map(|p| p.act),
            Some("check_with")
        );
        // Said without a verb, to the contact: the thing alone, its
        // acronym kept.
        assert_eq!(
            read("Q1 pipeline deck to Tom"),
            Some(("send", "Q1 pipeline deck".to_owned()))
        );
        assert_eq!(
            read("revised order form w 12% disc to Tom"),
            Some(("send", "revised order form w 12% disc".to_owned()))
        );
        assert_eq!(
            read("K-12 references to Tom - check w Kevin which districts we can name"),
            Some(("send", "K-12 references".to_owned()))
        );
        assert_eq!(
            read("Send the deck to Tom."),
            Some(("send", "the deck".to_owned()))
        );
        assert_eq!(
            read("Introduce them to our solutions engineer"),
            Some(("introduce", "to our solutions engineer".to_owned()))
        );
        assert_eq!(
            read("Follow up on the pilot results"),
            Some(("follow_up", "the pilot results".to_owned()))
        );
        // A favour to ask is asked, never quoted back as "Keep your promise".
        assert_eq!(
            read("Ask Tom if we can list his site as a reference"),
            Some(("ask", "if we can list his site as a reference".to_owned()))
        );
        assert_eq!(
            read("Get back to Tom about pricing"),
            Some(("follow_up", "pricing".to_owned()))
        );
        assert_eq!(read("Phone him"), Some(("call", String::new())));
        assert_eq!(
            read("Invite them to the customer advisory board"),
            Some(("invite", "to the customer advisory board".to_owned()))
        );
        assert_eq!(read("Send it"), None);
        assert_eq!(read("Send"), None);
        assert_eq!(read("Callback"), None);
        // Another to-do of the user's is said whole, as written.
        assert_eq!(
            read("Find out the GA date from PM and tell Tom"),
            Some(("do", "find out the GA date from PM and tell Tom".to_owned()))
        );
        assert_eq!(
            read("Return the book"),
            Some(("do", "return the book".to_owned()))
        );
        assert_eq!(read("Complete"), None);
        // A thing handed over, named without a verb, is sent; its aside in
        // brackets is left out.
        assert_eq!(
            read("FY27 territory plan"),
            Some(("send", "FY27 territory plan".to_owned()))
        );
        assert_eq!(
            read("Business case + final pricing for FY27 budget (needed by Jan 8)"),
            Some((
                "send",
                "business case + final pricing for FY27 budget".to_owned()
            ))
        );
        assert_eq!(
            read("Lunch in March"),
            Some(("meet", "for lunch in March".to_owned()))
        );
        assert_eq!(read("Intro to the CFO"), None);
        assert_eq!(read("Deck"), Some(("send", "deck".to_owned())));
        assert_eq!(
            own_to_do("Ken's retirement card + bottle of Glenmorangie 18 - post to Inverness"),
            (
                "Ken's retirement card + bottle of Glenmorangie 18".to_owned(),
                false
            )
        );
        assert!(is_surprise(
            "Ken's retirement card + bottle of Glenmorangie 18"
        ));
        // Letters that change length when lower-cased cut nothing in half.
        let zoe = read_promise(
            "Get Zoë to send the İSTANBUL, İZMİR and DİYARBAKIR İNŞAAT quotes",
            "Zoë",
            "Zoë Kaya",
        )
        .unwrap();
        assert_eq!(
            (zoe.act, zoe.object.as_str()),
            (
                "ask",
                "to send the İSTANBUL, İZMİR and DİYARBAKIR İNŞAAT quotes"
            )
        );
        assert_eq!(read(""), None);
    }

    #[test]
    fn objects_read_as_known_things() {
        assert_eq!(definite("a quote for 40 seats"), "the quote for 40 seats");
        assert_eq!(definite("pricing for the tier"), "the pricing for the tier");
        assert_eq!(definite("the deck"), "the deck");
        // A sentence's capital on a common word is dropped; a name's is kept.
        assert_eq!(
            definite("Knee replacement surgery"),
            "the knee replacement surgery"
        );
        assert_eq!(definite("Cataract surgery"), "the cataract surgery");
        assert_eq!(definite("Harbor Bank renewal"), "the Harbor Bank renewal");
        assert_eq!(definite("Feldstein install"), "the Feldstein install");
        assert_eq!(definite("ABQ go-live"), "the ABQ go-live");
        assert_eq!(
            definite("Heart Foundation gala"),
            "the Heart Foundation gala"
        );
        assert_eq!(definite("Back Bay office move"), "the Back Bay office move");
        assert_eq!(definite(" Knee surgery"), "the knee surgery");
        assert_eq!(definite("\u{a0}\u{a0}Hip op"), "the hip op");
        assert_eq!(definite("her team's sandbox"), "her team's sandbox");
        assert_eq!(event_name("a customer dinner"), "the customer dinner");
        assert_eq!(event_name("SaaStr Annual"), "SaaStr Annual");
    }

    #[test]
    fn a_contact_s_own_notes_leave_import_bookkeeping_out() {
        assert_eq!(
            own_notes("LinkedIn: https://www.linkedin.com/in/sarahwhitfield\n\nFrom google-contacts.csv: Former boss at Meridian. Good reference.\n\nFrom google-contacts.csv, differing: title CRO."),
            Some("Former boss at Meridian. Good reference".to_owned())
        );
        assert_eq!(
            own_notes("My old college roommate, now at a VC."),
            Some("My old college roommate, now at a VC".to_owned())
        );
        for nothing in [
            "",
            "LinkedIn: https://www.linkedin.com/in/jamesokafor",
            "https://example.com/profile",
            "Merged with Omar Farouk (#42) on 2026-11-30; theirs differed: name Omar Farouk.",
            "From google-contacts.csv, differing: title Dir. Finance Systems.",
        ] {
            assert_eq!(own_notes(nothing), None, "{nothing}");
        }
        let tags = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            relationship_tag(&tags(&["Prospects", "Former colleagues"])),
            Some("Former colleagues")
        );
        assert_eq!(relationship_tag(&tags(&["Prospects", "My Contacts"])), None);
        assert!(is_client(&tags(&["Key clients"])));
        assert!(!is_client(&tags(&["Vendors"])));
    }

    #[test]
    fn clear_dates_in_a_note_are_read_and_nothing_else() {
        let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
        let dates = note_dates(
            "Harbor Bank renewal due Dec 20. Procurement wants a 10% discount for a two-year term",
            written,
        );
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].what, "Harbor Bank renewal");
        assert_eq!(dates[0].on.to_string(), "2026-12-20");
        assert!(dates[0].deadline);
        let dates = note_dates("Renews on 20 Dec; starts 4 January", written);
        assert_eq!(dates[0].on.to_string(), "2026-12-20");
        assert_eq!(dates[1].on.to_string(), "2027-01-04");
        assert!(!dates[1].deadline);
        let dates = note_dates(
            "Wants pricing for 40 seats, before her budget review on Dec 15.",
            written,
        );
        assert_eq!(dates[0].what, "her budget review");
        for nothing in [
            "Renewal is due end of December (12/31)",
            "Two kids, 3 dogs",
            "May be interested in 2 seats",
            "Decision in Q1",
        ] {
            assert_eq!(note_dates(nothing, written), vec![], "{nothing}");
        }
    }

    #[test]
    fn hostile_text_never_panics() {
        for text in [
            "İstanbul wants İ",
            "asked for",
            "wants ",
            "Kelvin asked about ",
            "🎉 asked for 🎉",
            "a — b – c - d; e. f! g? h\n",
        ] {
            let _ = read_note(text, "İ");
            let _ = note_dates(text, chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
            let _ = read_promise(text, "İ", "İ K");
            let _ = definite(text);
            let _ = event_name(text);
        }
    }
    #[test]
    fn the_clause_that_holds_the_thread_is_read_not_the_first() {
        let reading = read_note(
            "Demo of AP automation with Nicole. Greg skeptical about NetSuite integration, wants to talk to a customer on NetSuite.",
            "Greg",
        );
        let request = reading.request.unwrap();
        assert_eq!(
            (request.kind, request.object.as_str()),
            ("set_up", "a call with a customer on NetSuite")
        );
        let thread = reading.thread.unwrap();
        assert!(thread.contains("skeptical about NetSuite"), "{thread}");
        let long =
            "Quarterly review at their office with the whole finance team and two people from IT. \
                    Worried about the approval workflow for invoices over 50k.";
        let thread = read_note(long, "Ana").thread.unwrap();
        assert!(thread.starts_with("Worried about the approval"), "{thread}");
        // Another person's part of a note shared by everyone met at an event.
        let shared = "Booth conversations. Jason interested in multi-entity consolidation; Chris wants a demo in Q1; Patricia consolidating 40 hotels onto one GL.";
        let jason = read_note(shared, "Jason");
        assert_eq!(
            jason.thread.as_deref(),
            Some("Jason interested in multi-entity consolidation")
        );
        assert_eq!(jason.request.unwrap().kind, "interest");
        let chris = read_note(shared, "Chris");
        assert_eq!(chris.thread.as_deref(), Some("Chris wants a demo in Q1"));
        // A note that names the contact keeps its business clauses.
        let own = read_note(
            "Maria wants pricing for 40 seats. Budget approved in Q3.",
            "Maria",
        );
        assert!(own.thread.unwrap().contains("Budget approved"));
        let fed_up = read_note("They're sick of manual invoices.", "Ana");
        assert_eq!(fed_up.life, None);
        // What waits on the user is read the same way, and more cheaply.
        assert!(waits_on_user(shared, "Chris"));
        assert!(!waits_on_user(
            "Booth conversations. Chris wants a demo in Q1.",
            "Jason"
        ));
        assert!(!waits_on_user(
            "Lost to a competitor. Said to check back in a year.",
            "Meg"
        ));
        assert!(waits_on_user(
            "Co-selling; he'll introduce their CFO.",
            "Cal"
        ));
        // A word on its own is a mood, never quoted.
        let reading = read_note(
            "Onboarding check-in, bank feed issues resolved. Happy.",
            "Raj",
        );
        assert_eq!(reading.thread, None);
        assert!(reading.settled);
    }

    #[test]
    fn a_closed_or_parked_matter_is_not_a_thread_to_check_in_on() {
        let lost = read_note(
            "Lost to a competitor. Said to check back in a year; contract ends Aug 2027.",
            "Meg",
        );
        assert_eq!(lost.thread, None);
        assert_eq!(
            lost.later.as_deref(),
            Some("Said to check back in a year; contract ends Aug 2027")
        );
        let renewed = read_note(
            "Site visit. Renewal signed through 2028. His son starts at university next fall.",
            "Stu",
        );
        assert_eq!(renewed.thread, None);
        assert!(renewed.settled);
        assert!(renewed.life.unwrap().contains("son starts"));
        let parked = read_note(
            "Intro call; timing not right, revisit after their ERP migration in spring.",
            "Sol",
        );
        assert_eq!(parked.thread, None);
        assert!(parked
            .later
            .unwrap()
            .contains("revisit after their ERP migration"));
        let open = read_note("Pilot going well; decision in Q1.", "Ola");
        assert!(!open.settled && open.later.is_none() && open.thread.is_some());
        assert!(open.decision);
    }

    #[test]
    fn serious_news_and_its_day_are_read() {
        let ill = read_note("Golf at the club. His mom is sick, in hospice.", "Ned");
        assert_eq!(ill.life.as_deref(), Some("His mom is sick, in hospice"));
        assert!(ill.serious);
        let moving = read_note("Lunch. She's moving to Lisbon in March.", "Ana");
        assert!(moving.life.is_some() && !moving.serious);
        let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 8).unwrap();
        let dates = note_dates(
            "Texted about the game. He's having knee surgery on Dec 9.",
            written,
        );
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].what, "knee surgery");
        assert!(dates[0].life && !dates[0].deadline);
        let golive = note_dates("They want SSO set up before go-live on Jan 12.", written);
        assert!(golive[0].deadline);
        assert_eq!(golive[0].what, "go-live");
        // A subject and its verb are not what happens; a state to reach is no event.
        let mum = note_dates("Mum has knee surgery on 12 Jan, nervous.", written);
        assert_eq!(mum[0].what, "knee surgery");
        let funds = note_dates(
            "Daniel wants our joint marketing funds confirmed before 1 Dec.",
            written,
        );
        assert_eq!(funds[0].on.to_string(), "2026-12-01");
        assert_eq!(funds[0].what, "", "no event to ask how it went");
        let tender = note_dates("Their fleet tender closes 15 Jan; PQQ by 8 Jan", written);
        assert_eq!(tender[0].what, "Their fleet tender");
        // A day confirmed for it, with its weekday: the event, someone's.
        let op = note_dates(
            "Sunday call. Dad's knee op confirmed Mon 14 Dec at Royal Preston.",
            written,
        );
        assert_eq!(op[0].what, "Dad's knee op");
        assert!(op[0].life);
        assert_eq!(definite(&op[0].what), "Dad's knee op");
    }

    #[test]
    fn what_someone_wants_to_happen_is_not_a_request() {
        for note in [
            "Forecast 1:1; he wants Pinecrest pulled into December.",
            "Decision in Q1, needs board approval in February.",
            "Wants the contract signed before the holidays.",
        ] {
            assert_eq!(request(note), None, "{note}");
        }
        assert_eq!(
            request("Lunch. Wants intro to our Berlin team."),
            Some(("set_up", "an intro to our Berlin team".to_owned()))
        );
        // Something the contact suggested doing together is set up.
        assert_eq!(
            request("Specs come in January. He suggested lunch in December."),
            Some(("set_up", "lunch in December".to_owned()))
        );
        assert_eq!(
            request("Ski day: he proposes Fri 15 Jan at the Sudelfeld."),
            None
        );
        for not_a_plan in [
            "The proposed meeting time doesn't work.",
            "He suggested I call him after the holidays.",
            "Suggested next step: a demo for the team.",
        ] {
            assert_eq!(request(not_a_plan), None, "{not_a_plan}");
        }
        // Food words set up only what was suggested, not a thing asked for.
        assert_eq!(
            request("Wants a quote for 20 coffee machines."),
            Some(("send", "a quote for 20 coffee machines".to_owned()))
        );
        let december = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        assert!(names_this_month("lunch in December", december));
        assert!(names_this_month("lunch in Dec", december));
        assert!(!names_this_month("lunch in January", december));
        assert!(!names_this_month("a demo", december));
        assert_eq!(
            request("They want SSO set up before go-live."),
            Some(("set_up", "SSO before go-live".to_owned()))
        );
        // The quick look before reading misses no opener and no offer.
        for words in data()
            .request_openers
            .iter()
            .map(|o| o.words.as_str())
            .chain(data().offered_words.iter().map(String::as_str))
        {
            assert!(may_hold_open_item(&format!("x {words} y")), "{words}");
        }
        assert!(!may_hold_open_item("Golf at the club. Great round."));
        for offer in &data().offered_words {
            assert!(waits_on_user(&format!("{offer} the CFO"), "Ann"), "{offer}");
        }
        let offer = read_note("Co-selling the account; he'll introduce their CFO.", "Cal");
        assert!(offer.offered && offer.request.is_none());
        // The user's own promise is not the contact's offer.
        let own = read_note("Complained about onboarding; promised to help.", "Cal");
        assert!(!own.offered);
    }

    #[test]
    fn following_up_with_someone_else_first_is_read_as_such() {
        let read = |t: &str| read_promise(t, "Marcus", "Marcus Johnson").map(|p| (p.act, p.object));
        assert_eq!(
            read("Follow up with our IT team on SSO configuration"),
            Some(("check_with", "our IT team on SSO configuration".to_owned()))
        );
        assert_eq!(
            read("Follow up with Marcus on SSO configuration"),
            Some(("follow_up", "SSO configuration".to_owned()))
        );
        assert_eq!(
            read("Follow up with him about pricing"),
            Some(("follow_up", "pricing".to_owned()))
        );
    }

    #[test]
    fn a_request_in_a_shared_note_waits_only_on_the_person_who_made_it() {
        // The request has no subject of its own: it is Rachel's, not Sophie's.
        let note = "Rachel at booth: budget cttee Tue 15 Dec, wants pricing before 10 Dec. \
                    Sophie working the rival booth, drinks after";
        assert!(waits_on_user(note, "Rachel"));
        assert!(!waits_on_user(note, "Sophie"));
    }

    #[test]
    fn the_notes_say_how_to_reach_someone_and_who_introduces_them() {
        assert_eq!(
            pending_intro("Carlos will introduce. Not met yet."),
            Some(Some("Carlos".to_owned()))
        );
        assert_eq!(
            pending_intro("Priyanka Shah will introduce. Not met yet"),
            Some(Some("Priyanka".to_owned()))
        );
        assert_eq!(
            pending_intro("Not met yet; old friend of my boss."),
            Some(None)
        );
        assert_eq!(pending_intro("Former colleague at Acme."), None);
        assert!(prefers_phone("Old school. Never reply by email, call him."));
        assert!(!prefers_phone("Call went well; sent the deck."));
        assert!(is_unanswered("Cold outreach, no reply."));
        assert_eq!(role_of("Senior Director Analyst"), Some("analyst"));
        assert_eq!(
            role_of("Principal Analyst, Supply Chain Research"),
            Some("analyst")
        );
        assert_eq!(
            role_of("Research Director, Industry Analyst"),
            Some("analyst")
        );
        // An analyst inside a buyer's business is a buyer, not an industry analyst.
        for title in [
            "Supply Chain Analyst",
            "Business Analyst",
            "Data Analyst",
            "SAP Logistics Analyst",
        ] {
            assert_eq!(role_of(title), None, "{title}");
        }
        assert_eq!(role_of("Partner - Advisory"), Some("adviser"));
        assert_eq!(role_of("Sales Recruiter"), Some("recruiter"));
        assert_eq!(role_of("VP Finance"), None);
        assert_eq!(role_of("Executive Assistant to the CEO"), Some("assistant"));
        assert_eq!(role_of("EA to the MD"), Some("assistant"));
        assert_eq!(role_of("MSc Student, UCD"), Some("student"));
        assert_eq!(role_of("Partnerships Manager"), None);
        assert_eq!(role_of("Assistant Professor"), None);
        let dec = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert!(asks_for_later("a demo in Q1", dec));
        assert!(asks_for_later("pricing for January", dec));
        assert!(!asks_for_later("a demo in Q4", dec));
        assert!(!asks_for_later("the analyst report", dec));
        assert!(!asks_for_later("may be interested", dec));
    }

    #[test]
    fn gifts_are_surprises_and_family_words_say_whose_news_it_is() {
        for gift in [
            "Buy her 13th birthday present",
            "Send Karen her Christmas wine (Giant Steps pinot)",
            "Drop off Jo's Christmas Koko Black",
            "Order flowers for the launch",
        ] {
            assert!(is_surprise(gift), "{gift}");
        }
        for task in [
            "Present the roadmap to her team",
            "Send the Christmas shutdown roster",
            "Send Raj the quote",
        ] {
            assert!(!is_surprise(task), "{task}");
        }
        assert_eq!(
            family_roles("Mom. Indianapolis. Sunday calls."),
            vec!["mom"]
        );
        assert_eq!(
            family_roles("Amma (Mum). Nickname: Amma."),
            vec!["mum", "amma"]
        );
        assert_eq!(
            family_roles("Nephew - Arjun and Meera's son"),
            vec!["nephew"]
        );
        assert_eq!(
            family_roles("Retired machinist.\nNickname: Dad"),
            vec!["dad"]
        );
        assert!(family_roles("Wife of our CFO. Met at the gala.").is_empty());
        assert!(family_roles("Sister company of Acme.").is_empty());
        let family =
            "Thanksgiving at Beth's. Mom seeing the ortho 12/8. Dad's router keeps dropping.";
        assert_eq!(
            without_relatives_news(family, &["dad"]),
            "Thanksgiving at Beth's. Dad's router keeps dropping."
        );
        assert_eq!(without_relatives_news(family, &["mom", "dad"]), family);
    }

    #[test]
    fn a_promise_to_get_a_sign_off_is_no_promise_to_send_one() {
        assert!(read_promise(
            "Get Greg's sign-off on the MH tender pricing",
            "Greg",
            "Greg Thornton"
        )
        .is_none());
        assert!(
            read_promise("Get approval for the 2027 budget", "Greg", "Greg Thornton").is_none()
        );
        let send = read_promise("Get her the pricing", "Ana", "Ana Lima").unwrap();
        assert_eq!(send.act, "send");
    }

    #[test]
    fn a_date_s_name_is_a_thing_or_nothing() {
        let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let what = |note: &str| {
            note_dates(note, written)
                .into_iter()
                .map(|d| d.what)
                .collect::<Vec<_>>()
        };
        assert_eq!(what("Board mtg 17 Dec approves capex."), vec!["Board mtg"]);
        for dated in [
            "Board mtg 17 Dec",
            "board 12/17",
            "FAT am 17.12.",
            "KW 51",
            "in January",
        ] {
            assert!(may_name_a_day(dated), "{dated}");
        }
        for undated in [
            "decision in Q2",
            "22% fewer mis-picks",
            "v2 is live",
            "ROI 3x",
        ] {
            assert!(!may_name_a_day(undated), "{undated}");
        }
        assert_eq!(what("Board moved to 12 Jan, CFO away."), vec!["Board"]);
        assert_eq!(
            what("Tata's knee replacement is confirmed on 8 Dec."),
            vec!["Tata's knee replacement"]
        );
        assert_eq!(
            what("Tata's knee replacement is confirmed: Tue 8 Dec at the Hessing Klinik."),
            vec!["Tata's knee replacement"]
        );
        assert_eq!(
            what("Sunday call. Cataract surgery set for 15 Dec, Dad driving her."),
            vec!["Cataract surgery"]
        );
        assert_eq!(
            what("Tony's security pricing for MH due to me by 7 Dec."),
            vec!["Tony's security pricing for MH"]
        );
        assert_eq!(
            what("Jo put a hold in Michael's calendar Wed 16 Dec 2pm for the committee debrief."),
            vec!["the committee debrief"]
        );
        // What the contact owes is named by the thing.
        assert_eq!(
            what("He'll get his quote to us on 7 Dec."),
            vec!["his quote"]
        );
        for garbled in [
            "In the UK for Christmas with her daughter from 5 Dec.",
            "Settlement done, moving to Geelong on 12 Dec.",
        ] {
            assert_eq!(what(garbled), vec![String::new()], "{garbled}");
        }
    }

    #[test]
    fn a_title_ends_no_sentence() {
        assert_eq!(
            clauses("Hold in Dr. Reitmeier's calendar: Thu 14 Jan. I have to confirm by 18 Dec."),
            vec![
                "Hold in Dr. Reitmeier's calendar: Thu 14 Jan",
                "I have to confirm by 18 Dec"
            ]
        );
    }

    #[test]
    fn a_card_keeps_a_yearly_christmas_custom_of_the_users() {
        fn custom(card: &str) -> Option<(&str, &str, bool)> {
            christmas_custom(card).map(|c| (c.sentence, c.thing, c.by_post))
        }
        assert_eq!(
            custom("Mama's sister in Kraków. Christmas card (in Polish) every year, must arrive before Wigilia. Landline only."),
            Some((
                "Christmas card (in Polish) every year, must arrive before Wigilia",
                "card",
                true
            ))
        );
        assert_eq!(
            custom("Happy customer. Gets a Brandl Christmas hamper every year, which I deliver in person."),
            Some((
                "Gets a Brandl Christmas hamper every year, which I deliver in person",
                "hamper",
                false
            ))
        );
        assert_eq!(
            custom("Old boss\nI take her for lunch every December"),
            Some(("I take her for lunch every December", "lunch", false))
        );
        // The user's own gift, whatever it is.
        assert_eq!(
            custom(
                "Our distributor. Every Christmas I send him a case of Franciacorta (Bellavista)."
            ),
            Some((
                "Every Christmas I send him a case of Franciacorta (Bellavista)",
                "gift",
                true
            ))
        );
        // Handed over in person: in the last days before the break.
        let in_person = |card: &str| christmas_custom(card).map(|c| c.in_person);
        assert_eq!(
            in_person(
                "Every Christmas I drop a box of Krispy Kremes + a card in person to the workshop"
            ),
            Some(true)
        );
        assert_eq!(
            in_person("Every Christmas I send Dan a bottle of pinot (courier to 447 Collins)"),
            Some(false)
        );
        assert_eq!(
            in_person("I take her for lunch every December"),
            Some(false)
        );
        assert_eq!(
            custom("Every Christmas I bring him a panettone artigianale in person."),
            Some((
                "Every Christmas I bring him a panettone artigianale in person",
                "gift",
                false
            ))
        );
        for none in [
            "HVAC subbie. Reliable. Sends a slab every Christmas.",
            "Every year she sends us a Christmas card.",
            "Every year he calls me at Christmas.",
            "Annual site visit in December.",
            "Year-end review call every December.",
            "Annual leave over December - call in January.",
            "Cricket tragic - we do the Boxing Day Test every year.",
            "She needs my Christmas card list by Fri 4 Dec.",
            "Birthday card every year.",
            "",
        ] {
            assert_eq!(custom(none), None, "{none}");
        }
    }

    #[test]
    fn a_dated_clause_says_who_owes_what_by_the_day() {
        let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let owed = |note: &str| -> Vec<(Owing, String)> {
            note_dates(note, written)
                .into_iter()
                .map(|d| (d.owing, d.task))
                .collect()
        };
        let one = |owing: Owing, task: &str| vec![(owing, task.to_owned())];
        // Asked of the user by a day: owed by then.
        assert_eq!(
            owed("Asked if we can sponsor the Feb mtg. Needs a yes/no by 8 Jan."),
            one(Owing::Send, "a yes/no")
        );
        assert_eq!(
            owed("She wants the revised pricing by 15 Dec"),
            one(Owing::Send, "the revised pricing")
        );
        // The user owes a thing: sent by the day.
        assert_eq!(
            owed("Access plan + keyholder list needed from us by 16 Dec. Office closes 18 Dec."),
            vec![
                (Owing::Send, "access plan + keyholder list".to_owned()),
                (Owing::Nobody, String::new())
            ]
        );
        assert_eq!(
            owed("Nikhil: award rates + penalty assumptions from me by 3 Dec."),
            one(Owing::Send, "award rates + penalty assumptions")
        );
        assert_eq!(
            owed("He needs my final drive list by 2 Dec. for offer rev. C."),
            one(Owing::Send, "your final drive list")
        );
        assert_eq!(
            owed("She needs our 2027 forecast per product group by 15 Dec to secure allocation"),
            one(Owing::Send, "our 2027 forecast per product group")
        );
        assert_eq!(
            owed("Can I send my €300 for the voucher by Sat 5 Dec"),
            one(Owing::Send, "your €300 for the voucher")
        );
        assert_eq!(
            owed("Can I send my €300 by Sat 5 Dec? And the photos for the slideshow by 12 Dec."),
            vec![
                (Owing::Send, "your €300".to_owned()),
                (Owing::Send, "the photos for the slideshow".to_owned())
            ]
        );
        assert_eq!(
            owed("I have to confirm or release it by 18 Dec."),
            one(Owing::Do, "I have to confirm or release it by 18 Dec")
        );
        assert_eq!(
            owed("Send Lukas my final drive list by 2 Dec"),
            one(Owing::Send, "your final drive list")
        );
        assert_eq!(
            owed("Party on 19 Dec. Send the photos for the slideshow by 12 Dec."),
            vec![
                (Owing::Nobody, String::new()),
                (Owing::Send, "the photos for the slideshow".to_owned())
            ]
        );
        // Anything else the user is to do is quoted as written.
        assert_eq!(
            owed("Need to confirm by 4 Dec or she releases it."),
            one(Owing::Do, "Need to confirm by 4 Dec or she releases it")
        );
        // The contact owes the user something.
        assert_eq!(
            owed("Tony: pricing for MH due to me by 7 Dec."),
            one(Owing::Chase, "pricing for MH")
        );
        assert_eq!(
            owed("He'll get his quote to us on 7 Dec."),
            one(Owing::Chase, "his quote")
        );
        assert_eq!(
            owed("Oliver to turn round the Calder DPA by Fri 4 Dec."),
            one(Owing::Chase, "the Calder DPA")
        );
        assert_eq!(
            owed("Sarah: contract redlines back to me by 9 Dec."),
            one(Owing::Chase, "contract redlines")
        );
        assert_eq!(
            owed("He'll send the PO w/c 14 Dec."),
            one(Owing::Chase, "the PO")
        );
        assert_eq!(
            owed("AP stock ETA 10-12 wks. He'll confirm the ETA by Fri 4 Dec"),
            one(Owing::Chase, "the ETA")
        );
        // What the user will send is the user's; what they will, theirs.
        assert_eq!(
            owed("I'll send the proposal by 5 Dec."),
            one(Owing::Send, "the proposal")
        );
        assert_eq!(
            owed("Will send the SOW by 4 Dec."),
            one(Owing::Send, "the SOW")
        );
        assert_eq!(
            owed("I'll send the proposal on 5 Dec."),
            one(Owing::Send, "the proposal")
        );
        assert_eq!(
            owed("Remember to send the deck by 4 Dec."),
            one(Owing::Send, "the deck")
        );
        assert_eq!(
            owed("Must send the quote by Fri 4 Dec."),
            one(Owing::Send, "the quote")
        );
        assert_eq!(
            owed("Send the hospital pricing by 4 Dec."),
            one(Owing::Send, "the hospital pricing")
        );
        assert_eq!(
            owed("She'll send over the redlines by 9 Dec."),
            one(Owing::Chase, "the redlines")
        );
        assert_eq!(
            owed("Ralf needs TCO calc from me by 7 Dec."),
            one(Owing::Send, "TCO calc")
        );
        // Someone taken to their own news: the news is theirs.
        assert_eq!(
            escorted("taking his mum to her hip op").as_deref(),
            Some("his mum's hip op")
        );
        assert_eq!(
            escorted("Driving Maman to the op").as_deref(),
            Some("Maman's op")
        );
        assert_eq!(escorted("taking the train to Cork"), None);
        // An event alone after a comma, and whose it is.
        let event = |note: &str| {
            note_dates(note, written)
                .into_iter()
                .map(|d| d.what)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            event("Her dad in hospital, op on 3 Dec."),
            vec!["her dad's op"]
        );
        assert_eq!(event("Sister engaged, wedding on 12 Jun."), vec!["wedding"]);
        assert_eq!(event("Met at the expo, follow up on 3 Dec."), vec![""]);
        assert_eq!(
            event("Budget signed off by 15 Dec?"),
            vec!["Budget sign-off"]
        );
        assert_eq!(
            event("Moving to Cork in Feb, starts 1 Mar."),
            vec!["the start"]
        );
        assert_eq!(escorted("bringing the team to the offsite"), None);
        // A pronoun stands for the document the note named before it.
        assert_eq!(
            owed("Contract with their legal. He'll send it back signed by 18 Dec."),
            one(Owing::Chase, "the signed contract")
        );
        assert_eq!(
            owed("Got the SOW to Declan; he'll return it by 9 Dec."),
            one(Owing::Chase, "the SOW")
        );
        assert_eq!(
            owed("Good chat. He'll send it by 9 Dec."),
            vec![(Owing::Nobody, String::new())]
        );
        assert_eq!(
            owed("pilot status Alpenmilch, he drafts the KPI report by 18 Dec"),
            one(Owing::Chase, "the KPI report")
        );
        assert_eq!(
            owed("Send Dr. Weber the trial data by 9 Dec."),
            one(Owing::Send, "the trial data")
        );
        assert_eq!(
            owed("I'll send him the revised quote by 3 Dec."),
            one(Owing::Send, "the revised quote")
        );
        assert_eq!(
            owed("I'll get the revised quote to him by Fri 4 Dec."),
            one(Owing::Send, "the revised quote")
        );
        assert_eq!(
            owed("He's waiting for our proposal by 5 Dec."),
            one(Owing::Send, "our proposal")
        );
        assert_eq!(
            owed("Waiting for the signed PO by 15 Dec."),
            one(Owing::Chase, "the signed PO")
        );
        assert_eq!(
            owed("Need the signed PO from them by 15 Dec."),
            one(Owing::Chase, "the signed PO")
        );
        // The person sent to, and "over", are no part of the thing.
        assert_eq!(
            owed("Send Peter access plan by 16 Dec."),
            one(Owing::Send, "access plan")
        );
        assert_eq!(
            owed("Send over the deck by 4 Dec."),
            one(Owing::Send, "the deck")
        );
        assert_eq!(
            owed("Can you send me the quote by 5 Dec?"),
            one(Owing::Send, "the quote")
        );
        // Someone else's to-do, what a buyer needs from their own side, a
        // meeting to set up, an event, a state: nobody owes the user anything.
        for nobody in [
            "Needs the PO from procurement by 9 Dec.",
            "Wants a call by 15 Dec.",
            "Needs CFO to sign off by 15 Jan.",
            "Needs board okay by 15 Jan",
            "Needs legal review by 8 Jan",
            "Needs PO by 9 Dec",
            "Wants us out by 15 Dec",
            "Wants go-live by 1 Feb",
            "Needs 40 seats by 5 Jan",
            "She needs a decision by 15 Jan",
            "She needs to submit by 4 Dec.",
            "She needs CFO sign-off by 15 Jan.",
            "Plan to launch by 15 Jan.",
            "Contract to be signed by 18 Dec.",
            "Waiting on legal by 9 Dec.",
            "He'll get married on 12 Dec.",
            "Kids will get their results on 10 Dec.",
            "She'll get the keys to the new house on 12 Dec.",
            "We'll get together on 5 Dec.",
            "Order expected by 15 Dec.",
            "Update due by 10 Dec.",
            "Must sign by 20 Dec to get the discount.",
            "Should hear from them by phone on 9 Dec.",
            "Presenting to us on 9 Dec.",
            "Call went well on 3 Dec.",
            "I'll see him at the party on 16 Dec.",
            "Board meets 12 Dec.",
            "Contract renewal due 20 Dec.",
        ] {
            assert!(
                owed(nobody).iter().all(|(o, _)| *o == Owing::Nobody),
                "{nobody}: {:?}",
                owed(nobody)
            );
        }
        // What is owed by a day is a deadline, whatever its words.
        assert!(note_dates("He'll get his quote to us on 7 Dec.", written)[0].deadline);
    }
}
