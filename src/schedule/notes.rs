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
    for sep in [";", "\n", "!", "?", " — ", " – ", " - ", ". "] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    // "asked about SAP and wants pricing": two clauses, split before the second verb.
    let parts: Vec<&str> = parts
        .into_iter()
        .flat_map(|p| {
            let lower = p.to_lowercase();
            let mut cuts: Vec<usize> = lower
                .match_indices(" and ")
                .filter(|(at, _)| {
                    let next = lower[at + 5..].split_whitespace().next().unwrap_or("");
                    NEXT_CLAUSE.contains(&next)
                        && p.is_char_boundary(*at)
                        && p.is_char_boundary(at + 5)
                })
                .map(|(at, _)| at)
                .collect();
            cuts.push(p.len());
            let mut from = 0;
            cuts.into_iter()
                .map(move |to| {
                    let piece = p.get(from..to).unwrap_or("");
                    from = (to + 5).min(p.len());
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

/// Lower-case words, split at anything that is not a letter, digit or hyphen.
fn words(text: &str) -> Vec<String> {
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
    match parts.as_slice() {
        [] => false,
        [one] if one.chars().count() >= 5 => tokens.iter().any(|t| t.starts_with(one)),
        _ => tokens
            .windows(parts.len())
            .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b)),
    }
}

fn is_filler(clause: &str) -> bool {
    let tokens = words(clause);
    tokens.len() <= 4
        && data()
            .filler
            .iter()
            .any(|f| has_phrase(&tokens, f) || tokens.join(" ") == *f)
}

fn is_thread_clause(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    data()
        .thread_words
        .iter()
        .any(|w| lower.contains(w.as_str()))
}

fn is_favour_clause(clause: &str) -> bool {
    let tokens = words(clause);
    data().favour_words.iter().any(|w| has_phrase(&tokens, w))
}

fn is_life_clause(clause: &str) -> bool {
    let tokens = words(clause);
    data().life_words.iter().any(|w| has_phrase(&tokens, w))
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
    let all = clauses(note);
    let parts: Vec<&str> = all.iter().copied().filter(|c| !is_filler(c)).collect();
    // A short note with nothing dropped is quoted as written.
    let as_written = note.trim().trim_end_matches(['.', ' ']);
    let whole = (parts.len() == all.len() && as_written.chars().count() <= FRAGMENT_CHARS)
        .then(|| fragment(&[as_written]))
        .flatten();
    let mut requests = parts.iter().filter_map(|c| request_in(c, first_name));
    let request = requests.next().map(|mut first| {
        first.and = requests.next().map(Box::new);
        first
    });
    let favours: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|c| is_favour_clause(c))
        .collect();
    let threads: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|c| is_thread_clause(c) && !is_favour_clause(c))
        .collect();
    let lives: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|c| is_life_clause(c) && !is_thread_clause(c))
        .collect();
    let thread = if threads.is_empty() {
        None
    } else if !lives.is_empty() {
        // News and a thread are told apart, so the news can open the conversation.
        fragment(&threads)
    } else if whole.is_some() && favours.is_empty() {
        whole
    } else if parts.iter().map(|p| p.chars().count() + 2).sum::<usize>() <= FRAGMENT_CHARS + 2 {
        // Short enough to quote whole (the news around a thread often matters too).
        fragment(&parts)
    } else {
        fragment(&threads)
    };
    NoteReading {
        request,
        thread,
        life: fragment(&lives),
        favour: fragment(&favours),
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

/// Whether a contact's tags mark a client or customer (`client_tags`).
pub fn is_client(tags: &[String]) -> bool {
    tags.iter()
        .any(|t| words(t).iter().any(|w| data().client_tags.contains(w)))
}

/// Words that make a dated clause a deadline worth a ping before it.
const DEADLINE_WORDS: [&str; 10] = [
    "renew", "deadline", "due", "review", "sign-off", "decision", "expir", "contract", "budget",
    "signs",
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
}

fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const FULL: [&str; 12] = [
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
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    (0..12)
        .find(|&i| w == MONTHS[i] || w == FULL[i] || (i == 8 && w == "sept"))
        .map(|i| i as u32 + 1)
}

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
    for clause in clauses(note) {
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
            while before.last().is_some_and(|w| {
                matches!(
                    w.to_lowercase().trim_end_matches([',', ':']),
                    "due" | "on" | "by" | "is" | "in" | "for" | "before" | "until" | "from"
                )
            }) {
                before.pop();
            }
            // "Needs CFO sign-off by Jan 15": what happens is the sign-off.
            while before.first().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "needs" | "need" | "wants" | "has" | "have" | "with" | "and"
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
            let what = clean(
                before.join(" ").trim_end_matches([',', ':', '(']),
                OBJECT_CHARS,
            );
            let lower = clause.to_lowercase();
            out.push(NoteDate {
                deadline: DEADLINE_WORDS.iter().any(|w| lower.contains(w)),
                what,
                on,
            });
            break;
        }
    }
    out
}

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
    let tokens = words(object);
    let starts_badly = matches!(
        tokens.first().map(String::as_str),
        None | Some("to" | "me" | "us" | "that" | "it" | "you")
    );
    if starts_badly || object.chars().count() > OBJECT_CHARS {
        return None;
    }
    let data = data();
    let kind = if kind == "send"
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
    let kind = data
        .request_kinds
        .iter()
        .find(|k| k.kind == kind)?
        .kind
        .as_str();
    Some(Request {
        kind,
        object: clean(object, OBJECT_CHARS),
        and: None,
    })
}

/// Reads a promise's verb and object; `None` when its verb is not one of the
/// `promise_acts` (it is then quoted as written).
pub fn read_promise(text: &str, first_name: &str, full_name: &str) -> Option<PromiseReading> {
    let text = text.trim().trim_end_matches(['.', '!']).trim();
    let lower = text.to_lowercase();
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
            let object = promise_object(act.act.as_str(), rest, first_name, full_name);
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
    None
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
        let mut names: Vec<String> = vec![
            full_name.trim().to_lowercase(),
            first_name.trim().to_lowercase(),
        ];
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
        if let Some(tail) = tails.iter().find(|t| lower.ends_with(t.as_str())) {
            let cut = rest.len().saturating_sub(tail.len());
            if rest.is_char_boundary(cut) {
                rest = &rest[..cut];
            }
        }
    }
    clean(rest.trim(), OBJECT_CHARS + 1)
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
    if object.is_empty()
        || KEEP.iter().any(|k| lower.starts_with(k))
        || object.starts_with(|c: char| c.is_ascii_digit())
    {
        object.to_owned()
    } else {
        format!("the {object}")
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

    fn request(note: &str) -> Option<(&'static str, String)> {
        read_note(note, "Ana").request.map(|r| (r.kind, r.object))
    }

    #[test]
    fn requests_are_told_from_background() {
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
        assert_eq!(read("Return the book"), None);
        assert_eq!(read("Callback"), None);
        assert_eq!(read(""), None);
    }

    #[test]
    fn objects_read_as_known_things() {
        assert_eq!(definite("a quote for 40 seats"), "the quote for 40 seats");
        assert_eq!(definite("pricing for the tier"), "the pricing for the tier");
        assert_eq!(definite("the deck"), "the deck");
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
}
