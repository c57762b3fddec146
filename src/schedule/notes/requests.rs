//! What a contact asked for in a note ("wants pricing for the enterprise
//! tier"), read from the `request_openers` and `request_kinds`.

use super::*;

/// Words that may stand before a request's opening words ("she now wants…").
const SUBJECT_WORDS: [&str; 16] = [
    "she", "he", "they", "also", "and", "but", "now", "still", "really", "then", "the", "team",
    "her", "his", "their", "boss",
];

/// The request in one clause, if it opens with (or after a short subject) one
/// of the `request_openers`.
pub(super) fn request_in(clause: &str, first_name: &str) -> Option<Request> {
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
pub(super) fn skip_chars(text: &str, n: usize) -> &str {
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

pub(super) fn join(a: &str, b: &str) -> String {
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
pub(super) const NEXT_CLAUSE: [&str; 16] = [
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
pub(in crate::schedule) const ONCE_DONE: [&str; 5] = [
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
pub(in crate::schedule) const KNOW_LATER: [&str; 6] = [
    "'ll know",
    "’ll know",
    "will know",
    "'ll find out",
    "’ll find out",
    "will find out",
];

/// Whether the note says the answer to a question will come from the
/// contact (see [`KNOW_LATER`]).
pub(super) fn answer_comes_later(note: &str) -> bool {
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
pub(super) fn obtains(rest: &str, first_name: &str) -> bool {
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
