//! Contacts as vCards on a CardDAV server.
//!
//! keepwarm's own fields travel as `X-KEEPWARM-*` properties (circle, paused,
//! interests, the day the contact was added, its source, and when each field
//! last changed), so another keepwarm gets them and other apps leave them be.
//! Labels and groups travel as `CATEGORIES`, which is what other apps show.
//! When keepwarm rewrites a card it starts from the server's copy: properties
//! it does not manage (addresses, photos, URLs…) and the parameters of the
//! ones it keeps unchanged (an email's `TYPE=work`) are written back as found.

use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue, VCardVersion};
use calcard::{Entry, Parser};

use super::merge::{Fields, Times, Value};
use crate::interop::vcard::parse_birthday;
use crate::model::Contact;

/// The text fields of a contact, in the order they are written.
pub const TEXT_FIELDS: [&str; 11] = [
    "name",
    "given_name",
    "family_name",
    "company",
    "title",
    "birthday",
    "notes",
    "circle",
    "paused",
    "created_on",
    "source",
];

/// The list fields of a contact. A contact that absorbed others in merges
/// also has `merged`: their UIDs (only when there are some, so that cards
/// written before merges travelled compare equal).
pub const LIST_FIELDS: [&str; 4] = ["emails", "phones", "interests", "tags"];

const CIRCLE: &str = "X-KEEPWARM-CIRCLE";
const PAUSED: &str = "X-KEEPWARM-PAUSED";
const INTEREST: &str = "X-KEEPWARM-INTEREST";
const CREATED: &str = "X-KEEPWARM-CREATED";
const SOURCE: &str = "X-KEEPWARM-SOURCE";
const CHANGED: &str = "X-KEEPWARM-CHANGED";
const MERGED: &str = "X-KEEPWARM-MERGED";

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// A local contact's fields.
pub fn contact_fields(c: &Contact) -> Fields {
    let mut f = Fields::new();
    f.insert("name".into(), text(&c.name));
    f.insert("given_name".into(), text(&c.given_name));
    f.insert("family_name".into(), text(&c.family_name));
    f.insert(
        "company".into(),
        text(c.company.clone().unwrap_or_default()),
    );
    f.insert("title".into(), text(c.title.clone().unwrap_or_default()));
    f.insert(
        "birthday".into(),
        text(c.birthday.map(|b| b.to_string()).unwrap_or_default()),
    );
    f.insert("notes".into(), text(&c.notes));
    f.insert("circle".into(), text(c.circle.as_str()));
    f.insert(
        "paused".into(),
        text(if c.paused { "true" } else { "false" }),
    );
    f.insert("created_on".into(), text(c.created_on.to_string()));
    f.insert(
        "source".into(),
        text(c.source.map(|s| s.as_str()).unwrap_or_default()),
    );
    f.insert("emails".into(), Value::List(c.emails.clone()));
    f.insert("phones".into(), Value::List(c.phones.clone()));
    f.insert("interests".into(), Value::List(c.interests.clone()));
    f.insert("tags".into(), Value::List(c.tags.clone()));
    f
}

/// A card read from the server.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteCard {
    /// Its UID.
    pub uid: String,
    /// Its fields, with keepwarm's defaults where the card says nothing.
    pub fields: Fields,
    /// When each field was written there, as far as the card tells.
    pub times: Times,
}

/// Reads one vCard. `observed_at` stands for the change time of fields nobody
/// dated (a card from another app without `REV`).
pub fn read_card(card_text: &str, observed_at: &str) -> Result<RemoteCard, String> {
    let card = parse_one(card_text)?;
    let mut fields = Fields::new();
    let mut emails = Vec::new();
    let mut phones = Vec::new();
    let mut interests = Vec::new();
    let mut tags = Vec::new();
    let mut merged = Vec::new();
    let mut uid = None;
    let mut formatted = String::new();
    let mut n_parts: Vec<String> = Vec::new();
    let mut stamps = Times::new();
    let get = |e: &VCardEntry| values_text(&e.values);
    for entry in &card.entries {
        match &entry.name {
            VCardProperty::Uid => {
                uid = get(entry)
                    .into_iter()
                    .next()
                    .map(|u| u.trim().to_owned())
                    .filter(|u| !u.is_empty())
            }
            VCardProperty::Fn => formatted = get(entry).join(" ").trim().to_owned(),
            VCardProperty::N => n_parts = get(entry),
            VCardProperty::Email => emails.extend(
                get(entry)
                    .into_iter()
                    .map(|e| e.trim().trim_start_matches("mailto:").to_owned())
                    .filter(|e| crate::model::is_email(e)),
            ),
            VCardProperty::Tel => phones.extend(
                get(entry)
                    .into_iter()
                    .map(|p| p.trim().trim_start_matches("tel:").to_owned())
                    .filter(|p| p.chars().filter(char::is_ascii_digit).count() >= 3),
            ),
            VCardProperty::Org => {
                let company = get(entry).into_iter().next().unwrap_or_default();
                fields.insert("company".into(), text(company.trim()));
            }
            VCardProperty::Title => {
                fields.insert("title".into(), text(get(entry).join(" ").trim()));
            }
            VCardProperty::Note => {
                fields.insert("notes".into(), text(get(entry).join("\n").trim()));
            }
            VCardProperty::Categories => tags.extend(get(entry)),
            VCardProperty::Other(name) => {
                let value = get(entry).join(",").trim().to_owned();
                match name.to_ascii_uppercase().as_str() {
                    CIRCLE => {
                        if let Ok(c) = value.parse::<crate::model::Circle>() {
                            fields.insert("circle".into(), text(c.as_str()));
                        }
                    }
                    PAUSED => {
                        let paused = value.eq_ignore_ascii_case("true");
                        fields.insert("paused".into(), text(paused.to_string()));
                    }
                    INTEREST => interests.push(value),
                    MERGED => merged.push(value),
                    CREATED if crate::model::parse_date("created", &value).is_ok() => {
                        fields.insert("created_on".into(), text(value));
                    }
                    SOURCE if value.parse::<crate::model::Source>().is_ok() => {
                        fields.insert("source".into(), text(value));
                    }
                    CHANGED => {
                        if let Some((field, at)) = value.split_once('=') {
                            stamps.insert(field.trim().to_owned(), at.trim().to_owned());
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    let uid = uid.ok_or("a card without a UID")?;
    let rev = raw_property(card_text, "REV").and_then(|(r, _)| rfc3339(&r));
    if let Some((raw, omit)) = raw_property(card_text, "BDAY") {
        if let Some(b) = parse_birthday(&raw, omit.as_deref()) {
            fields.insert("birthday".into(), text(b.to_string()));
        }
    }
    let part = |i: usize| {
        n_parts
            .get(i)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let (family, given) = (part(0), part(1));
    let mut name = formatted;
    if name.is_empty() {
        name = crate::interop::join_names(&[&part(3), &given, &part(2), &family, &part(4)]);
    }
    if name.is_empty() {
        name = emails
            .first()
            .cloned()
            .or_else(|| match fields.get("company") {
                Some(Value::Text(c)) if !c.is_empty() => Some(c.clone()),
                _ => None,
            })
            .or_else(|| phones.first().cloned())
            .unwrap_or_else(|| "(no name)".to_owned());
    }
    let (given, family) = if given.is_empty() && family.is_empty() {
        crate::model::split_name(&name)
    } else {
        (given, family)
    };
    fields.insert("name".into(), text(name));
    fields.insert("given_name".into(), text(given));
    fields.insert("family_name".into(), text(family));
    for (key, default) in [
        ("company", ""),
        ("title", ""),
        ("birthday", ""),
        ("notes", ""),
        ("circle", "network"),
        ("paused", "false"),
        ("created_on", ""),
        ("source", ""),
    ] {
        fields.entry(key.into()).or_insert_with(|| text(default));
    }
    for (key, list) in [
        ("emails", emails),
        ("phones", phones),
        ("interests", interests),
        ("tags", tags),
    ] {
        fields.insert(key.into(), Value::List(dedup(list)));
    }
    let mut merged = dedup(merged);
    merged.retain(|m| *m != uid);
    merged.sort();
    if !merged.is_empty() {
        fields.insert("merged".into(), Value::List(merged));
    }
    let times = remote_times(&stamps, rev.as_deref(), observed_at);
    Ok(RemoteCard { uid, fields, times })
}

/// When each field was written on the server's side: keepwarm's own stamps
/// while no other app wrote the card after them, else the card's `REV`, else
/// the moment it was seen.
fn remote_times(stamps: &Times, rev: Option<&str>, observed_at: &str) -> Times {
    let newest_stamp = stamps.values().max().map(String::as_str).unwrap_or("");
    // REV has whole seconds; keepwarm's stamps have milliseconds.
    let seconds = |t: &str| t.get(..19).unwrap_or(t).to_owned();
    let rev_is_later = rev.is_some_and(|r| seconds(r) > seconds(newest_stamp));
    let fallback = rev.unwrap_or(observed_at).to_owned();
    TEXT_FIELDS
        .iter()
        .chain(LIST_FIELDS.iter())
        .map(|f| {
            let at = match stamps.get(*f) {
                Some(s) if !rev_is_later => s.clone(),
                _ => fallback.clone(),
            };
            (f.to_string(), at)
        })
        .collect()
}

/// `20261130T001500Z` (a vCard timestamp) as `2026-11-30T00:15:00Z`.
fn rfc3339(rev: &str) -> Option<String> {
    let digits: String = rev.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 14 {
        return None;
    }
    Some(format!(
        "{}-{}-{}T{}:{}:{}Z",
        &digits[0..4],
        &digits[4..6],
        &digits[6..8],
        &digits[8..10],
        &digits[10..12],
        &digits[12..14]
    ))
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .map(|i| i.trim().to_owned())
        .filter(|i| !i.is_empty() && seen.insert(i.to_lowercase()))
        .collect()
}

fn parse_one(text: &str) -> Result<VCard, String> {
    let mut parser = Parser::new(text);
    loop {
        match parser.entry() {
            Entry::VCard(card) => return Ok(card),
            Entry::Eof => return Err("no vCard in the object".into()),
            _ => {}
        }
    }
}

fn values_text(values: &[VCardValue]) -> Vec<String> {
    let mut out = Vec::new();
    for v in values {
        match v {
            VCardValue::Text(s) => out.push(s.clone()),
            VCardValue::Component(parts) => out.extend(parts.iter().cloned()),
            VCardValue::Integer(n) => out.push(n.to_string()),
            _ => {}
        }
    }
    out
}

/// A property's raw value and any `X-APPLE-OMIT-YEAR`, read from the text
/// itself (the parser loses the day of some valid BDAY forms, and reads REV as
/// a date).
fn raw_property(card: &str, property: &str) -> Option<(String, Option<String>)> {
    let unfolded = card
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "");
    for line in unfolded.lines() {
        let Some(colon) = line.find(':') else {
            continue;
        };
        let head = &line[..colon];
        let name = head.split(';').next().unwrap_or("");
        let name = name.rsplit('.').next().unwrap_or(name);
        if name.eq_ignore_ascii_case(property) {
            let omit = head.split(';').skip(1).find_map(|p| {
                p.split_once('=')
                    .filter(|(k, _)| k.eq_ignore_ascii_case("X-APPLE-OMIT-YEAR"))
                    .map(|(_, v)| v.trim().to_owned())
            });
            return Some((line[colon + 1..].trim().to_owned(), omit));
        }
    }
    None
}

fn entry(name: VCardProperty, values: Vec<VCardValue>) -> VCardEntry {
    VCardEntry {
        group: None,
        name,
        params: Vec::new(),
        values,
    }
}

fn other(name: &str, value: &str) -> VCardEntry {
    entry(
        VCardProperty::Other(name.to_owned()),
        vec![VCardValue::Text(value.to_owned())],
    )
}

fn field_text<'a>(fields: &'a Fields, name: &str) -> &'a str {
    match fields.get(name) {
        Some(Value::Text(t)) => t,
        _ => "",
    }
}

fn field_list<'a>(fields: &'a Fields, name: &str) -> &'a [String] {
    match fields.get(name) {
        Some(Value::List(l)) => l,
        _ => &[],
    }
}

/// Whether keepwarm writes this property itself (and so drops the server's copy).
fn managed(name: &VCardProperty) -> bool {
    match name {
        VCardProperty::Uid
        | VCardProperty::Fn
        | VCardProperty::N
        | VCardProperty::Email
        | VCardProperty::Tel
        | VCardProperty::Org
        | VCardProperty::Title
        | VCardProperty::Bday
        | VCardProperty::Note
        | VCardProperty::Categories
        | VCardProperty::Rev
        | VCardProperty::Version
        | VCardProperty::Prodid => true,
        VCardProperty::Other(n) => n.to_ascii_uppercase().starts_with("X-KEEPWARM-"),
        _ => false,
    }
}

/// Writes a contact's fields as a vCard 4.0, keeping what `original` (the
/// server's copy) has that keepwarm does not manage.
pub fn write_card(uid: &str, fields: &Fields, times: &Times, original: Option<&str>) -> String {
    let original = original.and_then(|o| parse_one(o).ok());
    let old: Vec<&VCardEntry> = original.iter().flat_map(|c| c.entries.iter()).collect();
    // Reuses the server's entry (with its parameters) when it says the same.
    let reuse = |prop: &VCardProperty, value: &str, new: VCardEntry| -> VCardEntry {
        old.iter()
            .find(|e| {
                &e.name == prop
                    && values_text(&e.values)
                        .first()
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case(value.trim()))
            })
            .map(|e| (*e).clone())
            .unwrap_or(new)
    };
    let t = |name: &str| VCardValue::Text(field_text(fields, name).to_owned());
    let mut entries = vec![
        entry(
            VCardProperty::Prodid,
            vec![VCardValue::Text("-//keepwarm//keepwarm//EN".into())],
        ),
        entry(VCardProperty::Uid, vec![VCardValue::Text(uid.to_owned())]),
        entry(VCardProperty::Fn, vec![t("name")]),
    ];
    let n = old
        .iter()
        .find(|e| {
            e.name == VCardProperty::N && {
                let parts = values_text(&e.values);
                parts.first().map(String::as_str).unwrap_or("") == field_text(fields, "family_name")
                    && parts.get(1).map(String::as_str).unwrap_or("")
                        == field_text(fields, "given_name")
            }
        })
        .map(|e| (*e).clone())
        .unwrap_or_else(|| {
            entry(
                VCardProperty::N,
                vec![
                    t("family_name"),
                    t("given_name"),
                    VCardValue::Text(String::new()),
                    VCardValue::Text(String::new()),
                    VCardValue::Text(String::new()),
                ],
            )
        });
    entries.push(n);
    for email in field_list(fields, "emails") {
        let new = entry(VCardProperty::Email, vec![VCardValue::Text(email.clone())]);
        entries.push(reuse(&VCardProperty::Email, email, new));
    }
    for phone in field_list(fields, "phones") {
        let new = entry(VCardProperty::Tel, vec![VCardValue::Text(phone.clone())]);
        entries.push(reuse(&VCardProperty::Tel, phone, new));
    }
    for (prop, name) in [
        (VCardProperty::Org, "company"),
        (VCardProperty::Title, "title"),
    ] {
        let value = field_text(fields, name);
        if !value.is_empty() {
            let new = entry(prop.clone(), vec![VCardValue::Text(value.to_owned())]);
            entries.push(reuse(&prop, value, new));
        }
    }
    if let Ok(b) = field_text(fields, "birthday").parse::<crate::model::Birthday>() {
        // Year-less birthdays as --MMDD, the form every reader knows.
        let value = match b.year {
            Some(y) => format!("{y:04}{:02}{:02}", b.month, b.day),
            None => format!("--{:02}{:02}", b.month, b.day),
        };
        entries.push(other_named(VCardProperty::Bday, &value));
    }
    let notes = field_text(fields, "notes");
    if !notes.is_empty() {
        entries.push(entry(VCardProperty::Note, vec![t("notes")]));
    }
    let tags = field_list(fields, "tags");
    if !tags.is_empty() {
        entries.push(entry(
            VCardProperty::Categories,
            tags.iter().map(|s| VCardValue::Text(s.clone())).collect(),
        ));
    }
    entries.push(other(CIRCLE, field_text(fields, "circle")));
    entries.push(other(PAUSED, field_text(fields, "paused")));
    for interest in field_list(fields, "interests") {
        entries.push(other(INTEREST, interest));
    }
    for uid in field_list(fields, "merged") {
        entries.push(other(MERGED, uid));
    }
    for (name, prop) in [("created_on", CREATED), ("source", SOURCE)] {
        let value = field_text(fields, name);
        if !value.is_empty() {
            entries.push(other(prop, value));
        }
    }
    for (field, at) in times {
        entries.push(other(CHANGED, &format!("{field}={at}")));
    }
    if let Some(newest) = times.values().max() {
        let digits: String = newest
            .chars()
            .filter(char::is_ascii_digit)
            .take(14)
            .collect();
        if digits.len() == 14 {
            entries.push(other_named(
                VCardProperty::Rev,
                &format!("{}T{}Z", &digits[..8], &digits[8..]),
            ));
        }
    }
    entries.extend(
        old.iter()
            .filter(|e| !managed(&e.name))
            .map(|e| (*e).clone()),
    );
    let mut out = String::new();
    // The writer only fails on a broken formatter; a String never is one.
    let _ = VCard { entries }.write_to(&mut out, VCardVersion::V4_0);
    out
}

/// A property whose value is written as is (dates, timestamps), not escaped text.
fn other_named(name: VCardProperty, raw: &str) -> VCardEntry {
    entry(name, vec![VCardValue::Component(vec![raw.to_owned()])])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Circle, Source};
    use chrono::NaiveDate;

    fn ada() -> Contact {
        Contact {
            id: 1,
            uid: "u-1".into(),
            name: "Ada Lovelace".into(),
            given_name: "Ada".into(),
            family_name: "Lovelace".into(),
            emails: vec!["ada@example.com".into(), "a@work.example".into()],
            phones: vec!["+44 20 7946 0000".into()],
            company: Some("Analytical, Engines; Ltd".into()),
            title: Some("CTO".into()),
            birthday: Some("--12-10".parse().unwrap()),
            circle: Circle::Inner,
            interests: vec!["math".into(), "poetry, old".into()],
            tags: vec!["Clients".into()],
            notes: "Line one\nline two".into(),
            paused: true,
            created_on: NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
            source: Some(Source::Linkedin),
        }
    }

    #[test]
    fn a_contact_travels_whole() {
        let c = ada();
        let fields = contact_fields(&c);
        let mut times = Times::new();
        times.insert("company".into(), "2026-11-30T10:00:00.000Z".into());
        let text = write_card(&c.uid, &fields, &times, None);
        assert!(text.contains("X-KEEPWARM-CIRCLE:inner"), "{text}");
        assert!(text.contains("REV:20261130T100000Z"), "{text}");
        let back = read_card(&text, "2026-12-01T00:00:00Z").unwrap();
        assert_eq!(back.uid, "u-1");
        assert_eq!(back.fields, fields);
        assert_eq!(back.times["company"], "2026-11-30T10:00:00.000Z");
        // Fields nobody dated take the card's REV.
        assert_eq!(back.times["title"], "2026-11-30T10:00:00Z");
    }

    #[test]
    fn a_foreign_card_keeps_what_keepwarm_does_not_manage() {
        let foreign =
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p-9\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\n\
EMAIL;TYPE=work:grace@navy.mil\r\nADR;TYPE=home:;;1 Main St;Arlington;VA;22201;USA\r\n\
BDAY:--04-12\r\nCATEGORIES:Friends,Navy\r\nEND:VCARD\r\n";
        let read = read_card(foreign, "2026-12-01T00:00:00Z").unwrap();
        assert_eq!(read.fields["birthday"], text("--04-12"));
        assert_eq!(read.fields["circle"], text("network"));
        assert_eq!(
            read.fields["tags"],
            Value::List(vec!["Friends".into(), "Navy".into()])
        );
        assert_eq!(read.times["name"], "2026-12-01T00:00:00Z");
        let mut fields = read.fields.clone();
        fields.insert("title".into(), text("Rear Admiral"));
        let written = write_card("p-9", &fields, &Times::new(), Some(foreign));
        assert!(
            written.contains("ADR;TYPE=HOME:;;1 Main St")
                || written.contains("ADR;TYPE=home:;;1 Main St"),
            "{written}"
        );
        assert!(
            written
                .to_ascii_uppercase()
                .contains("EMAIL;TYPE=WORK:GRACE@NAVY.MIL"),
            "{written}"
        );
        let again = read_card(&written, "2026-12-02T00:00:00Z").unwrap();
        assert_eq!(again.fields, fields);
    }

    #[test]
    fn another_apps_later_edit_is_dated_by_its_rev() {
        let card = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:X\r\nTITLE:New\r\n\
X-KEEPWARM-CHANGED:title=2026-11-01T00:00:00.000Z\r\nREV:20261105T000000Z\r\nEND:VCARD\r\n";
        let read = read_card(card, "2026-12-01T00:00:00Z").unwrap();
        assert_eq!(read.times["title"], "2026-11-05T00:00:00Z");
    }
}
