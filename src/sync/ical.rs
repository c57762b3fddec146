//! Interactions and promises as iCalendar entries in keepwarm's own CalDAV
//! calendar: an interaction is a `VJOURNAL` (dated, with its note), a promise a
//! `VTODO` (due date, completed or not). Both name their contact by its vCard
//! UID (`X-KEEPWARM-CONTACT-UID`), so the link survives on every machine.
//!
//! Other apps see sensible entries (a journal "Meeting with Ada Lovelace", a
//! task "Send the case study"), may edit them (a task ticked off on a phone
//! arrives as a kept promise), and keep the `X-KEEPWARM-*` properties. When
//! keepwarm rewrites an entry it starts from the server's copy, so what it does
//! not manage (alarms, categories, attachments) is written back as found.

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameter,
    ICalendarParameterName, ICalendarParameterValue, ICalendarProperty, ICalendarStatus,
    ICalendarValue, ICalendarValueType,
};
use calcard::{Entry, Parser};
use chrono::{DateTime, NaiveDate, Utc};

use super::merge::{Fields, Value};

/// What a calendar entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    /// An interaction (`VJOURNAL`).
    Interaction,
    /// A promise (`VTODO`).
    Promise,
}

impl Record {
    /// The entity name in the sync bookkeeping.
    pub fn entity(self) -> &'static str {
        match self {
            Record::Interaction => "interaction",
            Record::Promise => "promise",
        }
    }

    /// The component it is written as.
    pub fn component(self) -> &'static str {
        match self {
            Record::Interaction => "VJOURNAL",
            Record::Promise => "VTODO",
        }
    }

    fn component_type(self) -> ICalendarComponentType {
        match self {
            Record::Interaction => ICalendarComponentType::VJournal,
            Record::Promise => ICalendarComponentType::VTodo,
        }
    }

    /// Every field of this kind of record, in the order they are compared.
    pub fn field_names(self) -> &'static [&'static str] {
        match self {
            Record::Interaction => &["contact", "kind", "date", "note", "event"],
            Record::Promise => &["contact", "text", "due", "done", "created_on"],
        }
    }
}

const CONTACT_UID: &str = "X-KEEPWARM-CONTACT-UID";
const KIND: &str = "X-KEEPWARM-KIND";
const EVENT: &str = "X-KEEPWARM-EVENT";
const DONE: &str = "X-KEEPWARM-DONE";
const CREATED: &str = "X-KEEPWARM-CREATED";

/// An entry read from the server.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteRecord {
    /// Which kind.
    pub record: Record,
    /// Its UID.
    pub uid: String,
    /// Its fields (`contact` is the contact's UID).
    pub fields: Fields,
    /// When it was last written there (UTC, RFC 3339).
    pub changed_at: String,
}

/// Why an entry cannot be taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not iCalendar, or no journal or task in it.
    Invalid(String),
    /// A journal or task that is not one of keepwarm's (no contact named).
    NotKeepwarms,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Invalid(reason) => f.write_str(reason),
            Unreadable::NotKeepwarms => f.write_str("not an entry keepwarm made (no contact)"),
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    match fields.get(name) {
        Some(Value::Text(t)) => t,
        _ => "",
    }
}

/// An interaction's fields.
pub fn interaction_fields(
    contact_uid: &str,
    kind: &str,
    date: NaiveDate,
    note: &str,
    event: Option<&str>,
) -> Fields {
    Fields::from([
        ("contact".into(), text(contact_uid)),
        ("kind".into(), text(kind)),
        ("date".into(), text(date.to_string())),
        ("note".into(), text(note)),
        ("event".into(), text(event.unwrap_or(""))),
    ])
}

/// A promise's fields.
pub fn promise_fields(
    contact_uid: &str,
    what: &str,
    due: NaiveDate,
    done: Option<NaiveDate>,
    created_on: NaiveDate,
) -> Fields {
    Fields::from([
        ("contact".into(), text(contact_uid)),
        ("text".into(), text(what)),
        ("due".into(), text(due.to_string())),
        (
            "done".into(),
            text(done.map(|d| d.to_string()).unwrap_or_default()),
        ),
        ("created_on".into(), text(created_on.to_string())),
    ])
}

fn parse(data: &str) -> Result<ICalendar, Unreadable> {
    let mut parser = Parser::new(data);
    loop {
        match parser.entry() {
            Entry::ICalendar(cal) => return Ok(cal),
            Entry::Eof => return Err(Unreadable::Invalid("no iCalendar object in it".into())),
            _ => {}
        }
    }
}

/// The index of the object's journal or task (the first one).
fn main_component(cal: &ICalendar) -> Option<(usize, Record)> {
    cal.components
        .iter()
        .enumerate()
        .find_map(|(i, c)| match c.component_type {
            ICalendarComponentType::VJournal => Some((i, Record::Interaction)),
            ICalendarComponentType::VTodo => Some((i, Record::Promise)),
            _ => None,
        })
}

fn entry_text(e: &ICalendarEntry) -> String {
    e.values
        .iter()
        .filter_map(|v| match v {
            ICalendarValue::Text(t) => Some(t.clone()),
            ICalendarValue::Integer(n) => Some(n.to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(",")
        .trim()
        .to_owned()
}

fn entry_time(e: &ICalendarEntry) -> Option<&PartialDateTime> {
    e.values.iter().find_map(|v| match v {
        ICalendarValue::PartialDateTime(t) => Some(t.as_ref()),
        _ => None,
    })
}

fn date_of(t: &PartialDateTime) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(t.year?), u32::from(t.month?), u32::from(t.day?))
}

/// A UTC timestamp as RFC 3339 with milliseconds (the form change times take).
fn stamp_of(t: &PartialDateTime) -> Option<String> {
    let day = date_of(t)?;
    let time = day.and_hms_opt(
        u32::from(t.hour.unwrap_or(0)),
        u32::from(t.minute.unwrap_or(0)),
        u32::from(t.second.unwrap_or(0)),
    )?;
    Some(time.format("%Y-%m-%dT%H:%M:%S.000Z").to_string())
}

/// Reads one calendar entry. `observed_at` dates an entry nobody dated, and
/// `today` a task ticked off elsewhere without saying when.
pub fn read_record(
    data: &str,
    observed_at: &str,
    today: NaiveDate,
) -> Result<RemoteRecord, Unreadable> {
    let cal = parse(data)?;
    let (index, record) = main_component(&cal)
        .ok_or_else(|| Unreadable::Invalid("no VJOURNAL or VTODO in it".into()))?;
    let component = &cal.components[index];
    let mut uid = None;
    let mut contact = None;
    let mut values: Fields = Fields::new();
    let mut changed_at = None;
    let mut stamp = None;
    let mut start = None;
    let mut due = None;
    let mut completed = None;
    let mut status_done = None;
    let mut done_marker = None;
    for e in &component.entries {
        match &e.name {
            ICalendarProperty::Uid => uid = Some(entry_text(e)).filter(|u| !u.is_empty()),
            ICalendarProperty::Summary if record == Record::Promise => {
                values.insert("text".into(), text(entry_text(e)));
            }
            ICalendarProperty::Description if record == Record::Interaction => {
                values.insert("note".into(), text(entry_text(e)));
            }
            ICalendarProperty::Dtstart => start = entry_time(e).and_then(date_of),
            ICalendarProperty::Due => due = entry_time(e).and_then(date_of),
            ICalendarProperty::Completed => completed = entry_time(e).and_then(date_of),
            ICalendarProperty::Status => {
                status_done = e.values.iter().find_map(|v| match v {
                    ICalendarValue::Status(s) => Some(*s == ICalendarStatus::Completed),
                    ICalendarValue::Text(t) => Some(t.eq_ignore_ascii_case("COMPLETED")),
                    _ => None,
                })
            }
            ICalendarProperty::LastModified => changed_at = entry_time(e).and_then(stamp_of),
            ICalendarProperty::Dtstamp => stamp = entry_time(e).and_then(stamp_of),
            ICalendarProperty::Other(name) => match name.to_ascii_uppercase().as_str() {
                CONTACT_UID => contact = Some(entry_text(e)).filter(|c| !c.is_empty()),
                KIND => {
                    values.insert("kind".into(), text(entry_text(e).to_lowercase()));
                }
                EVENT => {
                    values.insert("event".into(), text(entry_text(e)));
                }
                DONE => done_marker = NaiveDate::parse_from_str(&entry_text(e), "%Y-%m-%d").ok(),
                CREATED => {
                    if let Ok(d) = NaiveDate::parse_from_str(&entry_text(e), "%Y-%m-%d") {
                        values.insert("created_on".into(), text(d.to_string()));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    let uid = uid.ok_or_else(|| Unreadable::Invalid("an entry without a UID".into()))?;
    let contact = contact.ok_or(Unreadable::NotKeepwarms)?;
    values.insert("contact".into(), text(contact));
    match record {
        Record::Interaction => {
            let date =
                start.ok_or_else(|| Unreadable::Invalid("a journal without DTSTART".into()))?;
            values.insert("date".into(), text(date.to_string()));
            values
                .entry("kind".into())
                .or_insert_with(|| text("message"));
        }
        Record::Promise => {
            let due = due
                .or(start)
                .ok_or_else(|| Unreadable::Invalid("a task without a due date".into()))?;
            values.insert("due".into(), text(due.to_string()));
            // Done when the task says so; the day is keepwarm's own when it has one.
            let is_done = status_done.unwrap_or(completed.is_some());
            let done = is_done.then(|| done_marker.or(completed).unwrap_or(today));
            values.insert(
                "done".into(),
                text(done.map(|d| d.to_string()).unwrap_or_default()),
            );
        }
    }
    for name in record.field_names() {
        values.entry((*name).into()).or_insert_with(|| text(""));
    }
    Ok(RemoteRecord {
        record,
        uid,
        fields: values,
        changed_at: changed_at
            .or(stamp)
            .unwrap_or_else(|| observed_at.to_owned()),
    })
}

fn entry(name: ICalendarProperty, values: Vec<ICalendarValue>) -> ICalendarEntry {
    ICalendarEntry {
        name,
        params: Vec::new(),
        values,
    }
}

fn text_entry(name: ICalendarProperty, value: &str) -> ICalendarEntry {
    entry(name, vec![ICalendarValue::Text(value.to_owned())])
}

fn other(name: &str, value: &str) -> ICalendarEntry {
    text_entry(ICalendarProperty::Other(name.to_owned()), value)
}

fn date_entry(name: ICalendarProperty, day: NaiveDate) -> ICalendarEntry {
    use chrono::Datelike;
    ICalendarEntry {
        name,
        params: vec![ICalendarParameter {
            name: ICalendarParameterName::Value,
            value: ICalendarParameterValue::Value(ICalendarValueType::Date),
        }],
        values: vec![ICalendarValue::PartialDateTime(Box::new(PartialDateTime {
            year: u16::try_from(day.year()).ok(),
            month: u8::try_from(day.month()).ok(),
            day: u8::try_from(day.day()).ok(),
            ..PartialDateTime::default()
        }))],
    }
}

fn utc_entry(name: ICalendarProperty, at: DateTime<Utc>) -> ICalendarEntry {
    use chrono::{Datelike, Timelike};
    entry(
        name,
        vec![ICalendarValue::PartialDateTime(Box::new(PartialDateTime {
            year: u16::try_from(at.year()).ok(),
            month: u8::try_from(at.month()).ok(),
            day: u8::try_from(at.day()).ok(),
            hour: u8::try_from(at.hour()).ok(),
            minute: u8::try_from(at.minute()).ok(),
            second: u8::try_from(at.second()).ok(),
            tz_hour: Some(0),
            tz_minute: Some(0),
            tz_minus: false,
        }))],
    )
}

fn date_field(fields: &Fields, name: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(field(fields, name), "%Y-%m-%d").ok()
}

/// Whether keepwarm writes this property itself (and so drops the server's copy).
fn managed(name: &ICalendarProperty) -> bool {
    match name {
        ICalendarProperty::Uid
        | ICalendarProperty::Dtstamp
        | ICalendarProperty::Dtstart
        | ICalendarProperty::Due
        | ICalendarProperty::Summary
        | ICalendarProperty::Description
        | ICalendarProperty::Status
        | ICalendarProperty::Completed
        | ICalendarProperty::LastModified
        | ICalendarProperty::Sequence => true,
        ICalendarProperty::Other(n) => n.to_ascii_uppercase().starts_with("X-KEEPWARM-"),
        _ => false,
    }
}

/// Writes a record as an iCalendar object, keeping what `original` (the
/// server's copy) has that keepwarm does not manage. `title` is what other
/// apps show for an interaction ("Meeting with Ada Lovelace"); `changed_at`
/// is when it last changed here (LAST-MODIFIED, and the DTSTAMP).
pub fn write_record(
    record: Record,
    uid: &str,
    fields: &Fields,
    title: &str,
    changed_at: DateTime<Utc>,
    original: Option<&str>,
) -> String {
    let mut cal = original
        .and_then(|o| parse(o).ok())
        .filter(|c| main_component(c).is_some_and(|(_, r)| r == record))
        .unwrap_or_else(|| ICalendar {
            components: vec![
                ICalendarComponent {
                    component_type: ICalendarComponentType::VCalendar,
                    entries: vec![
                        text_entry(ICalendarProperty::Version, "2.0"),
                        text_entry(ICalendarProperty::Prodid, "-//keepwarm//keepwarm//EN"),
                    ],
                    component_ids: vec![1],
                },
                ICalendarComponent {
                    component_type: record.component_type(),
                    entries: Vec::new(),
                    component_ids: Vec::new(),
                },
            ],
        });
    let Some((index, _)) = main_component(&cal) else {
        return String::new();
    };
    let kept: Vec<ICalendarEntry> = cal.components[index]
        .entries
        .iter()
        .filter(|e| !managed(&e.name))
        .cloned()
        .collect();
    let mut entries = vec![
        text_entry(ICalendarProperty::Uid, uid),
        utc_entry(ICalendarProperty::Dtstamp, changed_at),
        utc_entry(ICalendarProperty::LastModified, changed_at),
    ];
    match record {
        Record::Interaction => {
            if let Some(day) = date_field(fields, "date") {
                entries.push(date_entry(ICalendarProperty::Dtstart, day));
            }
            entries.push(text_entry(ICalendarProperty::Summary, title));
            let note = field(fields, "note");
            if !note.is_empty() {
                entries.push(text_entry(ICalendarProperty::Description, note));
            }
            entries.push(other(KIND, field(fields, "kind")));
            let event = field(fields, "event");
            if !event.is_empty() {
                entries.push(other(EVENT, event));
            }
        }
        Record::Promise => {
            entries.push(text_entry(
                ICalendarProperty::Summary,
                field(fields, "text"),
            ));
            if let Some(day) = date_field(fields, "due") {
                entries.push(date_entry(ICalendarProperty::Due, day));
            }
            match date_field(fields, "done") {
                Some(done) => {
                    entries.push(entry(
                        ICalendarProperty::Status,
                        vec![ICalendarValue::Status(ICalendarStatus::Completed)],
                    ));
                    // COMPLETED is a moment in UTC; the day itself travels beside it.
                    if let Some(noon) = done.and_hms_opt(12, 0, 0) {
                        entries.push(utc_entry(ICalendarProperty::Completed, noon.and_utc()));
                    }
                    entries.push(other(DONE, &done.to_string()));
                }
                None => entries.push(entry(
                    ICalendarProperty::Status,
                    vec![ICalendarValue::Status(ICalendarStatus::NeedsAction)],
                )),
            }
            let created = field(fields, "created_on");
            if !created.is_empty() {
                entries.push(other(CREATED, created));
            }
        }
    }
    entries.push(other(CONTACT_UID, field(fields, "contact")));
    entries.extend(kept);
    cal.components[index].entries = entries;
    cal.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-26T10:11:12Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn an_interaction_travels_whole() {
        let fields = interaction_fields(
            "c-1",
            "meeting",
            day("2026-11-20"),
            "Talked sailing; wants the deck, by Friday\nSecond line",
            Some("Web Summit"),
        );
        let text = write_record(
            Record::Interaction,
            "i-1",
            &fields,
            "Meeting with Ada",
            at(),
            None,
        );
        assert!(text.contains("BEGIN:VJOURNAL"), "{text}");
        assert!(text.contains("DTSTART;VALUE=DATE:20261120"), "{text}");
        assert!(text.contains("X-KEEPWARM-CONTACT-UID:c-1"), "{text}");
        assert!(text.contains("LAST-MODIFIED:20261126T101112Z"), "{text}");
        let back = read_record(&text, "2027-01-01T00:00:00.000Z", day("2027-01-01")).unwrap();
        assert_eq!(back.record, Record::Interaction);
        assert_eq!(back.uid, "i-1");
        assert_eq!(back.fields, fields);
        assert_eq!(back.changed_at, "2026-11-26T10:11:12.000Z");
    }

    #[test]
    fn a_promise_travels_whole_done_or_not() {
        for done in [None, Some(day("2026-11-24"))] {
            let fields = promise_fields(
                "c-2",
                "Send the case study",
                day("2026-11-27"),
                done,
                day("2026-11-01"),
            );
            let text = write_record(Record::Promise, "p-1", &fields, "", at(), None);
            assert!(text.contains("BEGIN:VTODO"), "{text}");
            assert!(text.contains("DUE;VALUE=DATE:20261127"), "{text}");
            let back = read_record(&text, "2027-01-01T00:00:00.000Z", day("2027-01-01")).unwrap();
            assert_eq!(back.fields, fields, "{text}");
        }
    }

    #[test]
    fn a_task_ticked_off_or_reopened_in_another_app_says_so() {
        let open =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\nBEGIN:VTODO\r\nUID:p-9\r\n\
DTSTAMP:20261126T000000Z\r\nSUMMARY:Call back\r\nDUE;VALUE=DATE:20261130\r\nSTATUS:COMPLETED\r\n\
COMPLETED:20261128T093000Z\r\nX-KEEPWARM-CONTACT-UID:c-3\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n\
TRIGGER:-PT15M\r\nDESCRIPTION:x\r\nEND:VALARM\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
        let read = read_record(open, "2026-12-01T00:00:00.000Z", day("2026-12-01")).unwrap();
        assert_eq!(read.fields["done"], text("2026-11-28"));
        assert_eq!(read.changed_at, "2026-11-26T00:00:00.000Z");
        // Reopened: keepwarm's own day marker does not keep it done.
        let mut fields = read.fields.clone();
        fields.insert("done".into(), text(""));
        let written = write_record(Record::Promise, "p-9", &fields, "", at(), Some(open));
        assert!(written.contains("STATUS:NEEDS-ACTION"), "{written}");
        assert!(!written.contains("COMPLETED:"), "{written}");
        // The alarm another app added stays.
        assert!(written.contains("BEGIN:VALARM"), "{written}");
        let again = read_record(&written, "2026-12-02T00:00:00.000Z", day("2026-12-02")).unwrap();
        assert_eq!(again.fields, fields);
    }

    #[test]
    fn entries_that_are_not_keepwarms_or_not_icalendar_are_told_apart() {
        let foreign = "BEGIN:VCALENDAR\r\nBEGIN:VJOURNAL\r\nUID:x\r\nDTSTART:20261101T100000Z\r\nSUMMARY:Diary\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n";
        assert_eq!(
            read_record(foreign, "", day("2026-12-01")),
            Err(Unreadable::NotKeepwarms)
        );
        assert!(matches!(
            read_record("BEGIN:VCARD\r\nEND:VCARD\r\n", "", day("2026-12-01")),
            Err(Unreadable::Invalid(_))
        ));
    }
}
