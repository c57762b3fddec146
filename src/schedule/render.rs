//! Filling a template: placeholders in one pass (a user's value is never
//! read for placeholders), phrases from the data one level deep, and the small
//! grammar the sentences need (a capital, "it" or "them", a singular).

use super::notes::{definite, event_name, Owing};
use super::phrases::{news_kind, news_opening, topic_of, NewsKind};
use super::suggest::{data, SuggestionContext};

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
    // At a word boundary: a word is never cut in half.
    let at = cut.rfind(' ').filter(|&i| i > 0).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.', ' ']))
}

/// `text` as said to the user, with the user's own first person from a note
/// ("coffee in Jan when I'm up in Dublin", "a table for me, Orla + Ash")
/// turned to the second ("when you're up", "for you"). Quotations (“…”)
/// keep the user's words as written; the templates speak in the second
/// person already.
pub(super) fn in_second_person(text: String) -> String {
    const FIRST: [(&str, &str); 17] = [
        ("we", "you"),
        ("we're", "you're"),
        ("we'll", "you'll"),
        ("we've", "you've"),
        ("us", "you"),
        ("I", "you"),
        ("I'm", "you're"),
        ("I’m", "you’re"),
        ("I'll", "you'll"),
        ("I’ll", "you’ll"),
        ("I've", "you've"),
        ("I’ve", "you’ve"),
        ("me", "you"),
        ("my", "your"),
        ("mine", "yours"),
        ("myself", "yourself"),
        ("our", "your"),
    ];
    // Most texts hold none of these words: a look before the walk.
    // Each of them starts with "I", "m", "o", "w" or "u" at a word's start: a scan of
    // the bytes passes most text over without splitting it into words.
    // (Non-ASCII bytes count as word bytes, so "I’m" is one word.)
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80;
    let bytes = text.as_bytes();
    let any = (0..bytes.len()).any(|i| {
        matches!(bytes[i], b'I' | b'm' | b'o' | b'w' | b'u')
            && (i == 0 || !word_byte(bytes[i - 1]))
            && {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| !word_byte(b))
                    .map_or(bytes.len(), |p| i + p);
                end - i <= 8 && FIRST.iter().any(|(f, _)| *f == &text[i..end])
            }
    });
    if !any {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut quoted = false;
    let mut word = String::new();
    // "Phase I", "World War I": after a capitalised word, "I" is a numeral.
    let mut after_capital = false;
    let mut flush = |word: &mut String, out: &mut String, quoted: bool| {
        if word.is_empty() {
            return;
        }
        let numeral = word == "I" && after_capital;
        match FIRST
            .iter()
            .find(|(f, _)| *f == word.as_str())
            .filter(|_| !quoted && !numeral)
        {
            Some((_, to)) => out.push_str(to),
            None => out.push_str(word),
        }
        after_capital = word.starts_with(char::is_uppercase);
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out, quoted);
        match c {
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            _ => {}
        }
        out.push(c);
    }
    flush(&mut word, &mut out, quoted);
    out
}

/// A to-do a note dates, as said in a ping: "Need to confirm by 11 Dec w/
/// the booking form" is the to-do "confirm by 11 Dec w/ the booking form";
/// anything else is quoted as written.
fn to_do(task: &str) -> String {
    let lower = task.to_lowercase();
    let rest = [
        "need to ",
        "needs to ",
        "have to ",
        "has to ",
        "must ",
        "gotta ",
        "got to ",
        "should ",
    ]
    .iter()
    .find(|lead| lower.starts_with(*lead))
    .map(|lead| &task[lead.len()..]);
    match rest {
        Some(rest) if !rest.trim().is_empty() => rest.trim().to_owned(),
        _ => format!("\u{201c}{task}\u{201d}"),
    }
}

/// A yearly Christmas custom as said in a ping: the user's own sentence
/// ("Every Christmas I drop a box of Krispy Kremes to the workshop") said
/// back to them ("you drop a box of…"), anything else quoted as written.
fn christmas_custom(custom: &str) -> String {
    let custom = clean(custom, 160);
    let lower = custom.to_lowercase();
    let rest = [
        "every christmas, ",
        "every christmas ",
        "each christmas, ",
        "each christmas ",
        "every xmas, ",
        "every xmas ",
        "at christmas, ",
        "at christmas ",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .map_or(custom.as_str(), |p| &custom[p.len()..]);
    if rest.starts_with("I ") {
        // Turned to "you…" with the rest of the sentence.
        rest.to_owned()
    } else {
        format!("\u{201c}{custom}\u{201d}")
    }
}

/// The phrase a promise's act uses in other pings (`owed`, `coming`,
/// `after`, `after_ahead`, which falls back to `after`).
pub(super) fn act_phrase(act: &str, which: &str) -> Option<&'static str> {
    let a = data().promise_acts.iter().find(|a| a.act == act)?;
    Some(match which {
        "owed" => a.owed.as_str(),
        "coming" => a.coming.as_str(),
        "after_ahead" if !a.after_ahead.is_empty() => a.after_ahead.as_str(),
        _ => a.after.as_str(),
    })
}

/// The phrase a request's kind uses (`deliver`, `stale`, `after`, `done`).
pub(super) fn request_phrase(kind: &str, which: &str) -> Option<&'static str> {
    let k = data().request_kinds.iter().find(|k| k.kind == kind)?;
    Some(match which {
        "deliver" => k.deliver.as_str(),
        "stale" => k.stale.as_str(),
        "old" => k.old.as_str(),
        "after_ahead" if !k.after_ahead.is_empty() => k.after_ahead.as_str(),
        "after" | "after_ahead" => k.after.as_str(),
        "close" => k.close.as_str(),
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
pub(super) fn singular(interest: &str) -> String {
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

/// What a favour was, in words to thank someone for ("the introduction").
fn favour_what(favour: &str) -> &'static str {
    let lower = favour.to_lowercase();
    if lower.contains("introduc") || lower.contains("connect") || lower.contains("in touch") {
        "the introduction"
    } else if lower.contains("referr") {
        "the referral"
    } else if lower.contains("recommend") {
        "the recommendation"
    } else if lower.contains("vouch") {
        "vouching for you"
    } else {
        "the help"
    }
}

/// Fills a template's placeholders (one level deep: a phrase from the data
/// may hold placeholders of its own, a user's value never does).
pub(super) fn render(text: &str, ctx: &SuggestionContext<'_>, interest: &str) -> String {
    tidy(fill(text, ctx, interest, None, 0))
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
        // Placeholder names are mostly written in lower case already.
        let lower = if name.is_ascii() && !name.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(name)
        } else {
            std::borrow::Cow::Owned(name.to_lowercase())
        };
        let value =
            value(&lower, ctx, interest, object, depth).unwrap_or_else(|| format!("{{{name}}}"));
        // "a {interest} lover" with "Italian cooking": "an Italian cooking lover".
        if starts_with_vowel_sound(&value)
            && (out.ends_with(" a ") || out == "a " || out.ends_with(" A ") || out == "A ")
        {
            out.insert(out.len() - 1, 'n');
        }
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

/// Whether a word takes "an": it starts with a vowel letter, except for the
/// few that sound like "you" or "one" ("user", "European", "one-off").
fn starts_with_vowel_sound(value: &str) -> bool {
    let lower = value.trim_start().to_lowercase();
    lower.starts_with(['a', 'e', 'i', 'o', 'u'])
        && ![
            "uni", "use", "usu", "uti", "eu", "one", "once", "ubi", "ura",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Spaces and stops left by empty values: "Call Tom , as" → "Call Tom, as".
fn tidy(text: String) -> String {
    // Most sentences have none of them: one scan, and the text is kept as it is.
    let spaced = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b' ' && matches!(w[1], b' ' | b',' | b'.' | b':' | b';'));
    if !spaced {
        return if text.trim().len() == text.len() {
            text
        } else {
            text.trim().to_owned()
        };
    }
    let mut out = text;
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
        "promise_object" => reading
            .map(|r| promise_object(r, ctx.first_name))
            .unwrap_or_default(),
        "promise_coming" | "promise_after" | "promise_owed" => {
            let which = name.trim_start_matches("promise_");
            let which = if which == "after" && ctx.ahead {
                "after_ahead"
            } else {
                which
            };
            // "Ship Anika's present", "jumping castle for Naledi's 8th": the
            // user's own plan, no promise made to a child or to someone to
            // be surprised.
            let own_plan = ctx.promise.filter(|p| {
                (super::notes::is_surprise(p) && !super::notes::is_business_errand(p)) || ctx.child
            });
            if let (Some(promise), "owed") = (own_plan, which) {
                return Some(format!(
                    "you planned {} by {}",
                    super::notes::planned(promise),
                    ctx.promise_due.unwrap_or("")
                ));
            }
            match reading {
                // "Em's birthday present", promised to Em: "the birthday present".
                Some(r) => phrase(
                    act_phrase(r.act, which),
                    Some(&promise_object(r, ctx.first_name)),
                ),
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
        "topic" => ctx.note.and_then(topic_of).unwrap_or_default(),
        "life_open" => {
            let life = ctx.life.unwrap_or("").to_lowercase();
            match news_kind(&life) {
                // "She's pregnant, due in Feb": no baby yet to congratulate on.
                NewsKind::Baby
                    if ["pregnan", "expecting", "due in", "due on", "baby due"]
                        .iter()
                        .any(|cue| life.contains(cue)) =>
                {
                    "congratulations on the baby news".to_owned()
                }
                // "Retiring in April": months ahead, no farewell wishes yet.
                NewsKind::Retiring
                    if [
                        "retiring",
                        "will retire",
                        "to retire",
                        "retires ",
                        "retirement in",
                        "retirement next",
                        "retirement from",
                    ]
                    .iter()
                    .any(|cue| life.contains(cue)) =>
                {
                    "a word on the retirement plans".to_owned()
                }
                kind => news_opening(kind).to_owned(),
            }
        }
        "life_after" => phrase(
            Some(match ctx.life_dated.map(|d| news_kind(d.0)) {
                Some(NewsKind::Health) => {
                    "how {life_dated} on {life_dated_on} went and how the recovery is going"
                }
                // A baby due on a day may or may not have come.
                Some(NewsKind::Baby) => {
                    "whether the baby has arrived (due {life_dated_on}), and how everyone is"
                }
                _ => "how {life_dated} on {life_dated_on} went, and how things are now",
            }),
            None,
        ),
        "deadline" => definite(&clean(ctx.deadline.map_or("", |d| d.0), 80)),
        "deadline_on" => ctx.deadline.map_or("", |d| d.1).to_owned(),
        "visit_place" => clean(ctx.visit.map_or("", |v| v.0), 60),
        "visit_when" => clean(ctx.visit.map_or("", |v| v.1), 40),
        // A thing to send or chase reads as the thing ("the access plan");
        // a to-do is quoted as written.
        "task" => match ctx.task {
            Some((what, _, Owing::Do)) => to_do(&clean(what, 120)),
            Some((what, _, _)) => owed_thing(what, ctx.first_name),
            None => String::new(),
        },
        "task_on" => ctx.task.map_or("", |t| t.1).to_owned(),
        "custom" => christmas_custom(ctx.christmas.map_or("", |c| c.0)),
        "custom_thing" => ctx.christmas.map_or("", |c| c.1).to_owned(),
        "asked_purpose" => match ctx.asked_back.map(|a| (clean(a.purpose, 120), a.call)) {
            Some((purpose, _)) if !purpose.is_empty() => format!(", {purpose}"),
            // "Get in touch in the new year", for nothing named: what is
            // new on your side, and a call offered.
            Some((_, false)) => ": say what is new on your side, and offer a short call".to_owned(),
            _ => String::new(),
        },
        // Whose word it is: the contact's ask, or the user's own note.
        "as_asked" => {
            let event = ctx.event.map(|e| event_name(&clean(e, 80)));
            match (ctx.asked_back.is_some_and(|a| a.theirs), event) {
                (true, Some(e)) => format!("as asked at {e}"),
                (true, None) => "as asked".to_owned(),
                (false, Some(e)) => format!("as your note from {e} says"),
                (false, None) => "as your note says".to_owned(),
            }
        }
        "away_on" => clean(ctx.away_ahead.map_or("", |a| a.0), 40),
        "back_on" => clean(ctx.away_ahead.map_or("", |a| a.1), 40),
        "task_is" => if ctx.task.is_some_and(|t| is_plural(t.0)) {
            "are"
        } else {
            "is"
        }
        .to_owned(),
        "favour_what" => favour_what(ctx.favour.unwrap_or("")).to_owned(),
        "about" => clean(ctx.about.unwrap_or(""), 100),
        "title" => clean(ctx.title.unwrap_or(""), 60),
        "dated" => definite(&clean(ctx.dated.map_or("", |d| d.0), 80)),
        "since_event" => if ctx.since_event.is_empty() {
            "three weeks"
        } else {
            ctx.since_event
        }
        .to_owned(),
        "dated_on" => ctx.dated.map_or("", |d| d.1).to_owned(),
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
        "request_close" => phrase(request.and_then(|r| request_phrase(r.kind, "close")), None),
        "request_deliver" | "request_stale" | "request_old" | "request_after" => {
            let which = name.trim_start_matches("request_");
            let which = if which == "after" && ctx.ahead {
                "after_ahead"
            } else {
                which
            };
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
        "introducer" => clean(ctx.pending_intro.flatten().unwrap_or(""), 40),
        "colleagues" => clean(ctx.colleagues.unwrap_or(""), 80),
        "later" => clean(ctx.later.unwrap_or(""), 100),
        // "Ask Tata how the knee op went", not "how Tata's knee op went".
        "life_dated" => owed_thing(ctx.life_dated.map_or("", |d| d.0), ctx.first_name),
        "life_dated_on" => ctx.life_dated.map_or("", |d| d.1).to_owned(),
        "news_ahead" => owed_thing(ctx.news_ahead.map_or("", |d| d.0), ctx.first_name),
        "news_ahead_on" => ctx.news_ahead.map_or("", |d| d.1).to_owned(),
        "birthday_when" => {
            if clean(ctx.birthday_day, 40).is_empty() {
                String::new()
            } else {
                format!(" on {}", clean(ctx.birthday_day, 40))
            }
        }
        "turns" => clean(ctx.turns.unwrap_or(""), 10),
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

/// What a promise is about, as said to its contact: "Alan's Christmas card",
/// sent to Alan, is "the Christmas card"; a thing to send without an
/// article gets one ("Send Martin the T&A order form").
fn promise_object(reading: &super::notes::PromiseReading, first_name: &str) -> String {
    let object = match without_owner(&reading.object, first_name) {
        Some(rest) => format!("the {rest}"),
        None => reading.object.clone(),
    };
    const DETERMINERS: [&str; 22] = [
        "a", "an", "the", "our", "my", "your", "his", "her", "their", "its", "this", "that",
        "these", "those", "some", "any", "more", "all", "both", "each", "every", "no",
    ];
    let first = object
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let bare = !first.is_empty()
        && !DETERMINERS.contains(&first.as_str())
        && !first.starts_with(|c: char| c.is_ascii_digit())
        && !first.ends_with("'s")
        && !first.ends_with("\u{2019}s");
    if reading.act == "send" && bare {
        format!("the {object}")
    } else {
        object
    }
}

/// A thing owed or news, as said to or about its contact: "Tony's
/// security pricing", with Tony, is "the security pricing".
pub(super) fn owed_thing(what: &str, first_name: &str) -> String {
    // "Tony’s", as phones write it, is "Tony's".
    let what = what.replace('\u{2019}', "'");
    if let Some(event) = own_event(&what, first_name) {
        return clean(&event, 80);
    }
    definite(&clean(
        without_owner(&what, first_name).unwrap_or(&what),
        80,
    ))
}

/// "Jess starts at Shopify", said of Jess: "the start at Shopify"; "Sam
/// moves to Leeds": "the move to Leeds".
fn own_event(what: &str, first_name: &str) -> Option<String> {
    let rest = what
        .get(..first_name.len() + 1)
        .filter(|start| start.eq_ignore_ascii_case(&format!("{first_name} ")))
        .map(|_| &what[first_name.len() + 1..])?;
    let (verb, more) = rest.split_once(' ')?;
    let noun = match verb.to_lowercase().as_str() {
        "starts" | "begins" | "joins" => "start",
        "moves" => "move",
        "retires" => "retirement",
        _ => return None,
    };
    let more = if noun == "start" && verb.eq_ignore_ascii_case("joins") {
        format!("at {more}")
    } else {
        more.to_owned()
    };
    Some(format!("the {noun} {more}"))
}

/// What follows "{first_name}'s " at the start of `what`, in any case.
fn without_owner<'t>(what: &'t str, first_name: &str) -> Option<&'t str> {
    let own = format!("{first_name}'s ");
    // The compare is byte for byte, so a match ends on a character boundary.
    what.get(..own.len())
        .filter(|start| start.eq_ignore_ascii_case(&own))
        .map(|_| &what[own.len()..])
}

#[cfg(test)]
mod second_person_tests {
    use super::in_second_person;

    #[test]
    fn the_user_s_first_person_is_said_back_in_the_second_and_quotes_keep_theirs() {
        assert_eq!(
            in_second_person(String::from("set up coffee in Jan when I'm up in Dublin")),
            "set up coffee in Jan when you're up in Dublin"
        );
        assert_eq!(
            in_second_person(String::from("Set up a table for me, Orla + Ash for 28/12")),
            "Set up a table for you, Orla + Ash for 28/12"
        );
        assert_eq!(
            in_second_person(String::from("Ask how the Phase I trial went")),
            "Ask how the Phase I trial went"
        );
        assert_eq!(
            in_second_person(String::from(
                "Keep your promise: \u{201c}I drop it in\u{201d}, as ever"
            )),
            "Keep your promise: \u{201c}I drop it in\u{201d}, as ever"
        );
        assert_eq!(
            in_second_person(String::from("Send Mark the deck")),
            "Send Mark the deck"
        );
        assert_eq!(
            in_second_person(String::from(
                "Buy the voucher before we drive down to see us"
            )),
            "Buy the voucher before you drive down to see you"
        );
        assert_eq!(
            in_second_person(String::from("Pricing for the US office")),
            "Pricing for the US office"
        );
    }
}
