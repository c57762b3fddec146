//! What the notifications say: a pure function of today's plan.
//!
//! One digest names today's pings ("3 pings today: Ana Ruiz (birthday), Ben Ode
//! (follow-up), Chen Li"; at most [`MAX_NAMES`] names, then "and N more"), and one
//! reminder per promise the plan puts on today. Texts are plain: user data goes in
//! the body only, and [`escape_markup`] makes it safe for servers that read markup.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Promise;
use crate::schedule::{Ping, Reason};

/// The most names the digest lists; a longer day ends with "and N more".
/// Five fit a notification bubble without being cut, and match the default daily cap.
pub const MAX_NAMES: usize = 5;

/// What a notification is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MessageKind {
    /// The daily digest of today's pings.
    Digest,
    /// A promise the plan puts on today.
    Promise {
        /// The promise's id.
        promise_id: i64,
    },
}

/// One notification, as plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// What it is about.
    #[serde(flatten)]
    pub kind: MessageKind,
    /// The title line (never holds user data, so it needs no escaping).
    pub summary: String,
    /// The text under it, plain (escaped only when sent).
    pub body: String,
}

impl Message {
    /// The message on one line, "summary: body".
    pub fn one_line(&self) -> String {
        format!("{}: {}", self.summary, self.body)
    }
}

/// Everything to notify about on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct DayNotifications {
    /// The day.
    pub day: Option<NaiveDate>,
    /// How many pings are planned for the day.
    pub pings: usize,
    /// The digest; `None` on a day with no pings.
    pub digest: Option<Message>,
    /// One reminder per promise the plan puts on the day.
    pub reminders: Vec<Message>,
}

impl DayNotifications {
    /// Whether there is nothing to notify about.
    pub fn is_empty(&self) -> bool {
        self.digest.is_none() && self.reminders.is_empty()
    }

    /// The digest first, then the reminders.
    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.digest.iter().chain(&self.reminders)
    }
}

/// The notifications for `today` from the pings planned on it (in plan order)
/// and the user's promises (for the promised text).
pub fn day_notifications(
    today: NaiveDate,
    pings: &[Ping],
    promises: &[Promise],
) -> DayNotifications {
    let pings: Vec<&Ping> = pings.iter().filter(|p| p.date == today).collect();
    let digest = (!pings.is_empty()).then(|| Message {
        kind: MessageKind::Digest,
        summary: count_line(pings.len()),
        body: names_line(&pings),
    });
    let reminders = pings
        .iter()
        .filter(|p| p.reason == Reason::Promise)
        .filter_map(|p| p.promise_id.map(|id| (*p, id)))
        .map(|(ping, id)| reminder(today, ping, id, promises))
        .collect();
    DayNotifications {
        day: Some(today),
        pings: pings.len(),
        digest,
        reminders,
    }
}

/// "1 ping today", "3 pings today".
fn count_line(count: usize) -> String {
    if count == 1 {
        "1 ping today".to_owned()
    } else {
        format!("{count} pings today")
    }
}

/// "Ana Ruiz (birthday), Ben Ode (follow-up), Chen Li", at most [`MAX_NAMES`] names.
fn names_line(pings: &[&Ping]) -> String {
    let mut names: Vec<String> = pings
        .iter()
        .take(MAX_NAMES)
        .map(|p| match reason_label(p.reason) {
            Some(label) => format!("{} ({label})", p.contact_name),
            None => p.contact_name.clone(),
        })
        .collect();
    let more = pings.len().saturating_sub(MAX_NAMES);
    if more > 0 {
        let last = names.pop().unwrap_or_default();
        return format!("{}, {last} and {more} more", names.join(", "));
    }
    names.join(", ")
}

/// The word shown beside a name for pings whose day comes from the data; the
/// regular rhythm needs none.
fn reason_label(reason: Reason) -> Option<&'static str> {
    match reason {
        Reason::Birthday => Some("birthday"),
        Reason::FollowUp => Some("follow-up"),
        Reason::Promise => Some("promise"),
        Reason::Cadence | Reason::Overdue => None,
    }
}

fn reminder(today: NaiveDate, ping: &Ping, promise_id: i64, promises: &[Promise]) -> Message {
    let promise = promises.iter().find(|p| p.id == promise_id);
    let summary = match promise.map(|p| p.due) {
        Some(due) if due == today => "Promise due today".to_owned(),
        Some(due) if due > today => format!("Promise due {}", due.format("%a %-d %b")),
        Some(due) => format!("Promise overdue since {}", due.format("%a %-d %b")),
        None => "Promise due".to_owned(),
    };
    let text = promise.map_or(ping.why.as_str(), |p| p.text.as_str());
    Message {
        kind: MessageKind::Promise { promise_id },
        summary,
        body: format!("{}: {text}", ping.contact_name),
    }
}

/// Escapes text for a notification body: freedesktop servers read a subset of
/// HTML there, so `<b>` and `&` in a name must arrive as `&lt;b&gt;` and `&amp;`
/// to show literally. Quotes are left alone: they matter only inside a tag.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Circle, InteractionKind};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn ping(name: &str, reason: Reason, date: NaiveDate) -> Ping {
        Ping {
            id: format!("{name}-id"),
            date,
            contact_id: 1,
            contact_name: name.to_owned(),
            reason,
            suggestion: String::new(),
            details: String::new(),
            why: "why".to_owned(),
            warmth: 50,
            first_hello: false,
            action: InteractionKind::Message,
            circle: Circle::Core,
            promise_id: None,
        }
    }

    #[test]
    fn the_digest_names_todays_pings_with_their_reason() {
        let today = day(26);
        let pings = vec![
            ping("Ana Ruiz", Reason::Birthday, today),
            ping("Ben Ode", Reason::FollowUp, today),
            ping("Chen Li", Reason::Cadence, today),
            ping("Dee Tomorrow", Reason::Cadence, day(27)),
        ];
        let day = day_notifications(today, &pings, &[]);
        let digest = day.digest.unwrap();
        assert_eq!(
            digest.one_line(),
            "3 pings today: Ana Ruiz (birthday), Ben Ode (follow-up), Chen Li"
        );
        assert_eq!(day.pings, 3);
        assert!(day.reminders.is_empty());
    }

    #[test]
    fn one_ping_is_singular_and_a_long_day_ends_with_and_n_more() {
        let today = day(26);
        let one = day_notifications(today, &[ping("Ana", Reason::Overdue, today)], &[]);
        assert_eq!(one.digest.unwrap().one_line(), "1 ping today: Ana");
        let many: Vec<Ping> = (1..=8)
            .map(|i| ping(&format!("P{i}"), Reason::Cadence, today))
            .collect();
        let digest = day_notifications(today, &many, &[]).digest.unwrap();
        assert_eq!(digest.summary, "8 pings today");
        assert_eq!(digest.body, "P1, P2, P3, P4, P5 and 3 more");
        let six: Vec<Ping> = many.into_iter().take(6).collect();
        let digest = day_notifications(today, &six, &[]).digest.unwrap();
        assert_eq!(digest.body, "P1, P2, P3, P4, P5 and 1 more");
    }

    #[test]
    fn a_day_without_pings_has_nothing_to_say() {
        let day = day_notifications(day(26), &[ping("Later", Reason::Cadence, day(27))], &[]);
        assert!(day.is_empty());
        assert_eq!(day.pings, 0);
    }

    #[test]
    fn one_reminder_per_promise_planned_today() {
        let today = day(27);
        let mut first = ping("Magnus Kim", Reason::Promise, today);
        first.promise_id = Some(3);
        let mut second = ping("Ana Ruiz", Reason::Promise, today);
        second.promise_id = Some(4);
        let mut third = ping("Ben Ode", Reason::Promise, today);
        third.promise_id = Some(5);
        let promise = |id, text: &str, due| Promise {
            id,
            contact_id: 1,
            text: text.to_owned(),
            due,
            done_on: None,
        };
        let promises = vec![
            promise(3, "send the case study", day(28)),
            promise(4, "intro to Lee", day(27)),
            promise(5, "call back", day(20)),
        ];
        let out = day_notifications(today, &[first, second, third], &promises);
        let lines: Vec<String> = out.reminders.iter().map(Message::one_line).collect();
        assert_eq!(
            lines,
            vec![
                "Promise due Sat 28 Nov: Magnus Kim: send the case study",
                "Promise due today: Ana Ruiz: intro to Lee",
                "Promise overdue since Fri 20 Nov: Ben Ode: call back",
            ]
        );
        assert_eq!(
            out.reminders[0].kind,
            MessageKind::Promise { promise_id: 3 }
        );
        assert_eq!(
            out.digest.unwrap().body,
            "Magnus Kim (promise), Ana Ruiz (promise), Ben Ode (promise)"
        );
    }

    #[test]
    fn markup_is_escaped_so_it_shows_literally() {
        assert_eq!(
            escape_markup("<b>Bold</b> & Co"),
            "&lt;b&gt;Bold&lt;/b&gt; &amp; Co"
        );
        // Quotes matter only inside tags' attributes, and not every server knows &apos;.
        assert_eq!(escape_markup("O'Neil \"Jr\""), "O'Neil \"Jr\"");
        assert_eq!(escape_markup("Zoë"), "Zoë");
    }
}
