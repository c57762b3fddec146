//! Dates written in notes ("pricing by 15 Dec", "board on 20 Jan") and who
//! owes what by them: the contact, the user, or no one (news).

use super::*;

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
        let what = thing(wanted, &["needed", "from", "due", "is", "are"]);
        // "Raj sent the onboarding pack. Needs it back from us by 9 Dec":
        // "it" is the pack the note spoke of.
        let what = match lower_words.get(wanted) {
            Some(&("it" | "them" | "this")) if what.is_empty() => {
                // Only what the note says before the day: "so the PO can
                // be raised" after it is no thing sent.
                let before_day = format!(
                    "{} {}",
                    earlier.strip_suffix(clause).unwrap_or(earlier),
                    body.join(" ")
                );
                referent(&before_day, &lower_words[wanted..])
            }
            _ => what,
        };
        return found(Owing::Send, what);
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
pub(in crate::schedule) fn as_said_to_user(text: &str) -> String {
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

pub(super) fn month_of(word: &str) -> Option<u32> {
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
pub(in crate::schedule) const MONTH_NAMES: [&str; 12] = [
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
                    .any(|w| crate::schedule::note_timing::DEADLINE_WORDS.contains(&w));
            // "Baby due 20 Jan", "knee op due 9 Dec": news, whose only
            // deadline word is "due".
            let only_due = DEADLINE_WORDS
                .iter()
                .filter(|w| lower.contains(*w))
                .all(|w| *w == "due")
                && !lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| crate::schedule::note_timing::DEADLINE_WORDS.contains(&w));
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
                // "Heading to Kavya's wedding on 12 Dec": theirs, not news.
                life: !deadline
                    && !ends_state
                    && is_life_clause(clause)
                    && !only_someone_elses_celebration(clause, ""),
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
pub(super) fn escorted(what: &str) -> Option<String> {
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
    const DOCUMENTS: [&str; 41] = [
        // Things lent, to give back.
        "unit",
        "kit",
        "device",
        "laptop",
        "sample",
        "samples",
        "pack",
        "form",
        "forms",
        "questionnaire",
        "checklist",
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
    // What the note says in brackets explains a thing named before it
    // ("the onboarding pack (questionnaire + bank form)"): the thing itself.
    let mut outside = String::with_capacity(earlier.len());
    let mut depth = 0usize;
    for c in earlier.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = outside.split_whitespace().collect();
    let Some((at, document)) = words.iter().enumerate().rev().find_map(|(i, w)| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        DOCUMENTS
            .contains(&bare.to_lowercase().as_str())
            .then_some((i, bare))
    }) else {
        return String::new();
    };
    // With the words that say which ("supplier onboarding pack"), when
    // they are plain lower-case nouns.
    let which: Vec<&str> = words[..at]
        .iter()
        .rev()
        .take(2)
        .take_while(|w| {
            w.len() > 2
                && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !w.ends_with("ed")
                && !matches!(
                    **w,
                    "the"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "sent"
                        | "and"
                        | "for"
                        | "with"
                        | "new"
                        | "got"
                        | "has"
                        | "have"
                        | "him"
                        | "them"
                        | "over"
                        | "back"
                        | "out"
                        | "across"
                        | "round"
                        | "some"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "its"
                        | "from"
                        | "gave"
                        | "lent"
                        | "into"
                )
        })
        .copied()
        .collect();
    let document = if which.is_empty() {
        document.to_owned()
    } else {
        let mut all: Vec<&str> = which.into_iter().rev().collect();
        all.push(document);
        all.join(" ")
    };
    let document = document.as_str();
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
pub(super) fn asks_someone_else(rest: &str, first_name: &str, full_name: &str) -> bool {
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
pub(super) fn tidy_thing(what: &str) -> String {
    let mut words: Vec<&str> = what.split_whitespace().collect();
    if words.len() > 1
        && words[0].len() > 2
        && words[0].ends_with(':')
        && words[0].starts_with(char::is_uppercase)
    {
        words.remove(0);
    }
    // "bit nervous about the knee op", "stressed re the move": the op, not
    // the nerves.
    if let Some(about) = words.iter().position(|w| {
        ["about", "abt", "re", "re:", "regarding", "over"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    }) {
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
    // "Arjun flying to Chennai", "Sarah moving to Leeds": the trip, the
    // move. Only people fly, and a move goes to a place named with a
    // capital ("Pricing moving to the new model" is no house move,
    // "Proposal going to their board" no trip).
    if let [who, verb, to, place, rest @ ..] = words.as_slice() {
        let someone = who.starts_with(char::is_uppercase)
            || matches!(who.to_lowercase().as_str(), "he" | "she" | "they");
        let noun = match verb.to_lowercase().as_str() {
            "flying" | "travelling" | "traveling" => Some("trip"),
            "moving" | "relocating" if place.starts_with(char::is_uppercase) => Some("move"),
            _ => None,
        };
        if let (true, Some(noun), true) = (someone, noun, to.eq_ignore_ascii_case("to")) {
            let mut to_where = vec![*place];
            to_where.extend_from_slice(rest);
            return format!("the {noun} to {}", to_where.join(" "));
        }
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
pub(in crate::schedule) fn names_a_thing(what: &str) -> bool {
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
