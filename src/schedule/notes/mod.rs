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

/// Whether the only news in a clause is someone else's celebration, named by
/// their name ("Both of us in Chennai for Kavya's wedding"): the contact goes
/// to it, and is not to be congratulated on it.
fn only_someone_elses_celebration(clause: &str, first_name: &str) -> bool {
    const CELEBRATIONS: [&str; 8] = [
        "wedding",
        "engagement",
        "baby",
        "christening",
        "hen",
        "stag",
        "graduation",
        "party",
    ];
    if !clause.contains("'s ") && !clause.contains("\u{2019}s ") {
        return false;
    }
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut rest: Vec<&str> = Vec::with_capacity(words.len());
    let mut found = false;
    let mut i = 0;
    while i < words.len() {
        let word =
            words[i].trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
        let owner = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"));
        let celebration = words.get(i + 1).is_some_and(|next| {
            let next = next
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            CELEBRATIONS.contains(&next.as_str())
        });
        // Gone to: "for Kavya's wedding", "at Jo's hen", "to Sam's party";
        // "Wife Anna's baby due in March" is their news.
        let attended = i > 0
            && matches!(
                words[i - 1].to_lowercase().as_str(),
                "for" | "to" | "at" | "attending" | "attended"
            );
        if owner.is_some_and(|o| {
            celebration
                && attended
                && o.starts_with(char::is_uppercase)
                && !o.eq_ignore_ascii_case(first_name.trim())
        }) {
            found = true;
            i += 2;
            continue;
        }
        rest.push(words[i]);
        i += 1;
    }
    found && !is_life_clause(&rest.join(" "))
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
                life: lists.life.in_words(&words)
                    && !is_settled_life(text)
                    && !only_someone_elses_celebration(text, first_name),
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
                .latest_note()
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

mod dated;
mod promises;
mod requests;
#[cfg(test)]
mod tests;

pub use dated::*;
pub use promises::*;
pub(super) use requests::*;
