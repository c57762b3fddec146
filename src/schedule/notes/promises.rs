//! What a promise asks the user to do: its verb and object ("Call Tom after
//! his budget meeting" is a call, not something to send).

use super::*;

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
pub(super) const DELIVERABLES: [&str; 64] = [
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
pub(in crate::schedule) fn promise_asides(text: &str) -> Vec<&str> {
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
pub(in crate::schedule) fn planned(promise: &str) -> String {
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
pub(in crate::schedule) fn own_to_do(promise: &str) -> (String, bool) {
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
pub(in crate::schedule) fn as_thing(promise: &str) -> String {
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
pub(super) fn lower_first(text: &str) -> String {
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
    const COMMON: [&str; 22] = [
        "cataract",
        "eye",
        "back",
        "shoulder",
        "heart",
        "bypass",
        "install",
        "kickoff",
        "kick-off",
        "move",
        "review",
        "mtg",
        "meeting",
        "go-live",
        "closing",
        "exam",
        "signature",
        "signing",
        "submission",
        "handover",
        "presentation",
        "workshop",
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
