//! The ping plan as iCalendar (RFC 5545), written with the `icalendar` crate
//! (CRLF, folding at 75 octets on character boundaries, TEXT escaping).
//!
//! Output is a pure function of its inputs: every UID and DTSTAMP is set here
//! (the crate would otherwise invent a random UID and stamp the current time),
//! so an export with nothing changed is identical apart from the DTSTAMP given.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use crate::model::{Birthday, Contact};
use crate::schedule::{Ping, Reason};

/// How the calendar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsOptions {
    /// The time of day (local) a ping's reminder pops up; `None`: no reminders.
    pub alarm_at: Option<NaiveTime>,
    /// The DTSTAMP of every event: when the calendar was made.
    pub stamp: DateTime<Utc>,
}

/// The domain part of every UID.
const UID_DOMAIN: &str = "keepwarm";

/// "Call Ada Lovelace (birthday)"
fn summary(ping: &Ping) -> String {
    let what = match ping.reason {
        Reason::Birthday => "birthday",
        Reason::Promise => "promise due",
        Reason::FollowUp => "follow-up",
        Reason::Cadence => "keep in touch",
        Reason::Overdue => "overdue",
    };
    format!("Ping {} ({what})", ping.contact_name)
}

fn stamp(stamp: DateTime<Utc>) -> String {
    stamp.format("%Y%m%dT%H%M%SZ").to_string()
}

/// One all-day event for a planned ping, with a reminder at the chosen time.
pub fn ping_event(ping: &Ping, options: &IcsOptions) -> Event {
    let mut event = Event::new();
    event
        .uid(&format!("ping-{}@{UID_DOMAIN}", ping.id))
        .add_property("DTSTAMP", stamp(options.stamp))
        .summary(&summary(ping))
        .description(&format!("{}\n\nWhy: {}", ping.suggestion, ping.why))
        .starts(ping.date)
        // `all_day` would make a zero-length event; an all-day event ends the next day.
        .ends(ping.date + Duration::days(1))
        .add_property("TRANSP", "TRANSPARENT")
        .categories(["keepwarm", ping.reason.as_str()]);
    if let Some(at) = options.alarm_at {
        let offset = at.signed_duration_since(NaiveTime::MIN);
        let mut alarm = Alarm::display(&summary(ping), Trigger::after_start(offset));
        alarm
            .add_property("UID", format!("alarm-{}@{UID_DOMAIN}", ping.id))
            .add_property("DTSTAMP", stamp(options.stamp));
        event.alarm(alarm);
    }
    event.done()
}

/// One yearly recurring event for a contact's birthday. 29 February recurs on
/// the last day of February, so it shows in common years too; a birthday
/// without a year starts in 2000 (a leap year).
pub fn birthday_event(contact: &Contact, birthday: Birthday, options: &IcsOptions) -> Event {
    let year = birthday.year.unwrap_or(2000);
    let first = birthday.in_year(year);
    let rule = if birthday.month == 2 && birthday.day == 29 {
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    } else {
        "FREQ=YEARLY"
    };
    let mut event = Event::new();
    event
        .uid(&format!("birthday-{}@{UID_DOMAIN}", contact.uid))
        .add_property("DTSTAMP", stamp(options.stamp))
        .summary(&format!("Birthday: {}", contact.name))
        .starts(first)
        .ends(first + Duration::days(1))
        .add_property("RRULE", rule)
        .add_property("TRANSP", "TRANSPARENT")
        .categories(["keepwarm", "birthday"]);
    event.done()
}

/// The whole calendar: the pings of a plan, then every known birthday.
pub fn calendar(pings: &[Ping], contacts: &[Contact], options: &IcsOptions) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//keepwarm//keepwarm ping plan//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name("keepwarm pings")
        .description("Whom to ping when, and why: planned by keepwarm.");
    for ping in pings {
        calendar.push(ping_event(ping, options));
    }
    for contact in contacts.iter().filter(|c| !c.paused) {
        if let Some(b) = contact.birthday {
            calendar.push(birthday_event(contact, b, options));
        }
    }
    fold(&calendar.done().to_string())
}

/// One event alone in a calendar object, as a CalDAV server stores it
/// (RFC 4791: one component, by UID, per resource).
pub fn single_event(event: Event) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//keepwarm//keepwarm ping plan//EN"))
        .push(event);
    fold(&calendar.done().to_string())
}

/// Re-folds content lines at 75 octets on character boundaries. `icalendar`
/// folds before it escapes TEXT, so a line with `\;` or `\,` can come out a
/// few octets too long; unfolding and folding again makes every line fit.
fn fold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 64 * 3);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                out.push_str("\r\n ");
                // A continuation line's leading space counts toward its 75.
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_fits_75_octets_without_splitting_characters() {
        let long = format!("DESCRIPTION:{}\r\n", "é\\;".repeat(60));
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), long);
    }
}
