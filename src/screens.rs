//! What the desktop app's screens show, each gathered in one call.
//!
//! The desktop shell stays thin: each of its commands calls one function here (or
//! one store method) and passes the result to the web view as JSON. Everything is
//! computed from the store and the planner; nothing here keeps state.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Circle, InteractionKind, NewContact, Promise};
use crate::schedule::{ping_days, plan, warmth_of, Ping, Plan};
use crate::store::{ImportSummary, LogDetails, LogTarget, PingAction, Store};

/// How far ahead the contact list looks for each contact's next ping: a little
/// past the longest gap the planner allows between two pings of one contact.
const NEXT_PING_HORIZON_DAYS: u32 = 130;

/// The plan for `days` days from `today`, from the stored settings and data.
pub fn plan_for(store: &Store, today: NaiveDate, days: u32) -> Result<Plan> {
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    Ok(plan(today, &snapshot, &settings, days))
}

/// One of today's pings, with what the screen shows beside it.
#[derive(Debug, Clone, Serialize)]
pub struct TodayPing {
    /// The planned ping.
    #[serde(flatten)]
    pub ping: Ping,
    /// The contact's company.
    pub company: Option<String>,
    /// For a promise ping: the promise's text and due day.
    pub promise: Option<Promise>,
}

/// The Today screen: the day's pings, promises first.
#[derive(Debug, Clone, Serialize)]
pub struct TodayScreen {
    /// The day shown.
    pub date: NaiveDate,
    /// The pings left to do today; due and overdue promises come first.
    pub pings: Vec<TodayPing>,
    /// The next day with pings after today, and how many it has.
    pub next_day: Option<NextDay>,
    /// Nothing is left to do today and something was done: the day is finished.
    pub all_done: bool,
    /// How many pings were acted on today (done, snoozed, skipped).
    pub acted_today: u32,
    /// Notes from the planner (a raised cap, a stretched circle…).
    pub notes: Vec<String>,
}

/// The next day with pings.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct NextDay {
    /// Its date.
    pub date: NaiveDate,
    /// How many pings it has.
    pub count: usize,
}

/// Today's pings (promises first, then by warmth, coldest first) and the next
/// day's count, with the planner's Today rules: pings acted on today count
/// against today, so finishing the list finishes the day.
pub fn today_screen(store: &Store, today: NaiveDate) -> Result<TodayScreen> {
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    let view = crate::schedule::today::today_view(today, &snapshot, &settings, 0);
    let promises: HashMap<i64, Promise> = store
        .promises()?
        .into_iter()
        .filter(|p| p.done_on.is_none())
        .map(|p| (p.id, p))
        .collect();
    let companies: HashMap<i64, &Option<String>> = snapshot
        .contacts
        .iter()
        .map(|c| (c.id, &c.company))
        .collect();
    let mut pings: Vec<TodayPing> = view
        .pings
        .into_iter()
        .map(|p| TodayPing {
            company: companies.get(&p.contact_id).and_then(|c| (*c).clone()),
            promise: p.promise_id.and_then(|id| promises.get(&id).cloned()),
            ping: p,
        })
        .collect();
    // Promises first, earliest due first; then the coldest contacts.
    pings.sort_by_key(|p| {
        (
            p.promise.is_none(),
            p.promise.as_ref().map(|pr| pr.due),
            p.ping.warmth,
        )
    });
    Ok(TodayScreen {
        date: today,
        pings,
        next_day: view.next_day.map(|date| NextDay {
            date,
            count: view.next_day_count as usize,
        }),
        all_done: view.all_done,
        acted_today: view.acted_today,
        notes: view.notes,
    })
}

/// One line of the contact list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ContactRow {
    /// The contact's id.
    pub id: i64,
    /// The name shown.
    pub name: String,
    /// Employer.
    pub company: Option<String>,
    /// The first email, if any.
    pub email: Option<String>,
    /// Closeness.
    pub circle: Circle,
    /// Warmth today, 0–100.
    pub warmth: u8,
    /// The day of the next planned ping, if one is planned in the coming months.
    pub next_ping: Option<NaiveDate>,
    /// Paused contacts get no pings.
    pub paused: bool,
}

/// Every contact with its warmth and next ping, by name.
pub fn contact_rows(store: &Store, today: NaiveDate) -> Result<Vec<ContactRow>> {
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    // Only the days are shown: the pings' words are not written.
    let mut next: HashMap<i64, NaiveDate> = HashMap::new();
    for (day, contact) in ping_days(today, &snapshot, &settings, NEXT_PING_HORIZON_DAYS) {
        next.entry(contact).or_insert(day);
    }
    let emails: HashMap<i64, Option<String>> = store
        .contacts()?
        .into_iter()
        .map(|c| (c.id, c.emails.into_iter().next()))
        .collect();
    let mut rows: Vec<ContactRow> = snapshot
        .contacts
        .iter()
        .map(|c| ContactRow {
            id: c.id,
            name: c.name.clone(),
            company: c.company.clone(),
            email: emails.get(&c.id).cloned().flatten(),
            circle: c.circle,
            warmth: warmth_of(c, today, &settings),
            next_ping: next.get(&c.id).copied(),
            paused: c.paused,
        })
        .collect();
    rows.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    Ok(rows)
}

/// One day of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanDay {
    /// The day.
    pub date: NaiveDate,
    /// Whether the user works that day (a weekend or vacation day has no pings).
    pub working: bool,
    /// The day's pings.
    pub pings: Vec<Ping>,
}

/// The Plan screen: the coming days as an agenda.
#[derive(Debug, Clone, Serialize)]
pub struct PlanScreen {
    /// The first day.
    pub today: NaiveDate,
    /// The cap the plan keeps to (the setting, or more when the contacts need it).
    pub daily_cap: u32,
    /// The cap the user set.
    pub setting_cap: u32,
    /// Every day of the span, in order.
    pub days: Vec<PlanDay>,
    /// What the user should know about the plan, with its remedies.
    pub notes: Vec<String>,
}

/// The plan for `days` days from `today`, grouped by day.
pub fn plan_screen(store: &Store, today: NaiveDate, days: u32) -> Result<PlanScreen> {
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    let plan = plan(today, &snapshot, &settings, days);
    let mut by_day: Vec<PlanDay> = (0..i64::from(days))
        .map(|i| {
            let date = today + Duration::days(i);
            PlanDay {
                date,
                working: settings.is_working_day(date),
                pings: Vec::new(),
            }
        })
        .collect();
    for p in plan.pings {
        let index = (p.date - today).num_days();
        if let Some(day) = usize::try_from(index).ok().and_then(|i| by_day.get_mut(i)) {
            day.pings.push(p);
        }
    }
    Ok(PlanScreen {
        today,
        daily_cap: plan.daily_cap,
        setting_cap: settings.daily_cap,
        days: by_day,
        notes: plan.notes,
    })
}

/// A person captured at a conference: a new contact, or one already known.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct Capture {
    /// The event's name.
    pub event: String,
    /// The day of the meeting.
    pub date: Option<NaiveDate>,
    /// An existing contact to log the meeting on instead of creating one.
    pub existing: Option<i64>,
    /// The person's name (for a new contact).
    pub name: String,
    /// Their company.
    pub company: String,
    /// Their email.
    pub email: String,
    /// A note about the conversation.
    pub note: String,
    /// Interests, comma-separated.
    pub interests: String,
}

/// What capturing a person did.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Captured {
    /// The contact the meeting was logged on.
    pub contact_id: i64,
    /// Their name.
    pub name: String,
    /// Their company.
    pub company: Option<String>,
    /// The logged interaction.
    pub interaction_id: i64,
    /// Whether a new contact was created.
    pub created: bool,
}

/// Splits a comma-separated list of interests, dropping blanks.
pub fn split_interests(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Logs a meeting at an event with an existing contact, or creates the contact
/// first, in one transaction (one step for undo). The planner then schedules the
/// follow-ups from the event.
pub fn capture(store: &mut Store, input: &Capture, today: NaiveDate) -> Result<Captured> {
    let event = input.event.trim();
    if event.is_empty() {
        return Err(Error::invalid("Event", "", "name the event first"));
    }
    let target = match input.existing {
        Some(id) => LogTarget::Existing(id),
        None => {
            if input.name.trim().is_empty() {
                return Err(Error::invalid("Name", "", "a person needs a name"));
            }
            let email = input.email.trim();
            LogTarget::New(Box::new(NewContact {
                name: input.name.trim().to_owned(),
                company: Some(input.company.trim().to_owned()).filter(|c| !c.is_empty()),
                emails: if email.is_empty() {
                    Vec::new()
                } else {
                    vec![email.to_owned()]
                },
                interests: split_interests(&input.interests),
                circle: Some(Circle::Acquaintance),
                ..NewContact::default()
            }))
        }
    };
    let details = LogDetails {
        kind: InteractionKind::Event,
        date: input.date.unwrap_or(today),
        note: input.note.trim().to_owned(),
        event: Some(event.to_owned()),
    };
    let logged = store
        .log_with_contacts(&[target], &details, today)?
        .pop()
        .ok_or_else(|| Error::invalid("Name", &input.name, "nobody was logged"))?;
    let contact = store.contact(logged.contact_id)?;
    Ok(Captured {
        contact_id: logged.contact_id,
        name: contact.name,
        company: contact.company,
        interaction_id: logged.interaction_id,
        created: logged.created,
    })
}

/// What the user did with a ping, as the screens ask for it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PingRequest {
    /// Done, logged as `kind` (the suggestion's kind when `None`) with a note.
    Done {
        /// The kind of interaction it was.
        kind: Option<InteractionKind>,
        /// A one-line note.
        #[serde(default)]
        note: String,
    },
    /// Moved by a number of days from its day (or today, if later).
    SnoozeDays {
        /// How many days.
        days: u32,
    },
    /// Moved to a given day.
    SnoozeUntil {
        /// The new day.
        until: NaiveDate,
    },
    /// Dropped, this one only.
    Skip,
}

/// Finds ping `ping_id` in the plan (today's first, then the coming year's) and
/// records what the user did with it: the one way both the CLI and the app act
/// on a ping. A snooze by days moves it to the first working day on or after its
/// day plus that many days on which the contact has no other ping.
pub fn act_on_ping(
    store: &mut Store,
    ping_id: &str,
    request: &PingRequest,
    today: NaiveDate,
) -> Result<Acted> {
    let id = ping_id.trim();
    // Most actions are on today's pings, and a one-day plan is cheap; a snooze
    // needs the contact's coming pings to keep clear of them.
    let today_plan = plan_for(store, today, 1)?;
    let year_plan = match (crate::schedule::find_ping(&today_plan, id), request) {
        (Some(_), PingRequest::Done { .. } | PingRequest::Skip) => None,
        _ => Some(plan_for(store, today, 400)?),
    };
    let plan = year_plan.as_ref().unwrap_or(&today_plan);
    let ping = crate::schedule::find_ping(plan, id).ok_or_else(|| {
        Error::invalid(
            "ping id",
            ping_id,
            "no such ping in the plan (see `keepwarm plan` or `keepwarm today` for ids)",
        )
    })?;
    let action = match request {
        PingRequest::Done { kind, note } => PingAction::Done {
            kind: kind.unwrap_or(ping.action),
            note: note.clone(),
        },
        PingRequest::SnoozeDays { days } => PingAction::Snooze {
            until: crate::schedule::snooze_day(
                plan,
                &store.planner_settings()?,
                &ping,
                (*days).max(1),
            ),
        },
        PingRequest::SnoozeUntil { until } => PingAction::Snooze { until: *until },
        PingRequest::Skip => PingAction::Skip,
    };
    store.act_on_ping(&ping, &action, today)?;
    Ok(Acted { ping, action })
}

/// A ping acted on, and what was done with it (for a snooze, the day it moved to).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acted {
    /// The ping as it was planned.
    #[serde(flatten)]
    pub ping: Ping,
    /// What was recorded.
    #[serde(skip)]
    pub action: PingAction,
}

impl Acted {
    /// For a snooze, the day the ping moved to.
    pub fn snoozed_until(&self) -> Option<NaiveDate> {
        match self.action {
            PingAction::Snooze { until } => Some(until),
            _ => None,
        }
    }
}

/// Reads a contacts file (format sniffed from its content) and imports it, or
/// with `dry_run` only says what an import would do.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    dry_run: bool,
    today: NaiveDate,
) -> Result<ImportSummary> {
    let (format, parsed) = crate::interop::read_file(path, None, &store.date_reading()?)?;
    store.import_contacts(format, &parsed, today, dry_run, &mut |_, _| {})
}

/// Writes the plan for `days` days (and the contacts' birthdays) as an iCalendar
/// file at `path`, replacing it whole. Returns how many pings it holds.
pub fn export_ics(store: &Store, path: &Path, today: NaiveDate, days: u32) -> Result<usize> {
    let plan = plan_for(store, today, days)?;
    let contacts = store.contacts()?;
    let options = crate::interop::ics::IcsOptions {
        alarm_at: store.planner_settings()?.alarm_time,
        stamp: chrono::Utc::now(),
    };
    let text = crate::interop::ics::calendar(&plan.pings, &contacts, &options);
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    // Written beside the target, then renamed over it: never a half-written calendar.
    let mut temp = path.as_os_str().to_owned();
    temp.push(".part");
    let temp = std::path::PathBuf::from(temp);
    std::fs::write(&temp, text).map_err(io)?;
    std::fs::rename(&temp, path).map_err(io)?;
    Ok(plan.pings.len())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn capturing_a_known_person_logs_on_them_and_adds_no_one() {
        let mut store = Store::open_in_memory().unwrap();
        let today = day("2026-11-26");
        let ada = store
            .add_contact(
                &NewContact {
                    name: "Ada Lovelace".into(),
                    ..NewContact::default()
                },
                today,
            )
            .unwrap();
        let input = Capture {
            event: "SaaStr".into(),
            existing: Some(ada),
            note: "talked engines".into(),
            ..Capture::default()
        };
        let got = capture(&mut store, &input, today).unwrap();
        assert!(!got.created);
        assert_eq!(got.contact_id, ada);
        assert_eq!(store.contact_count().unwrap(), 1);
        let new = Capture {
            event: "SaaStr".into(),
            name: "Grace Hopper".into(),
            company: "Navy".into(),
            interests: "compilers, , sailing".into(),
            ..Capture::default()
        };
        let got = capture(&mut store, &new, today).unwrap();
        assert!(got.created);
        let grace = store.contact(got.contact_id).unwrap();
        assert_eq!(grace.interests, vec!["compilers", "sailing"]);
        assert_eq!(
            store.interactions_of(grace.id).unwrap()[0].event.as_deref(),
            Some("SaaStr")
        );
        let missing = Capture {
            name: "X".into(),
            ..Capture::default()
        };
        assert!(capture(&mut store, &missing, today).is_err());
    }

    #[test]
    fn today_lists_promises_first_and_plan_days_are_contiguous() {
        let mut store = Store::open_in_memory().unwrap();
        let today = day("2026-11-26"); // a Thursday
        crate::demo::fill_demo(&mut store, crate::demo::DemoOptions::default(), today).unwrap();
        let someone = store.contacts().unwrap()[3].id;
        store
            .add_promise(someone, "send the deck", today, today)
            .unwrap();
        let screen = today_screen(&store, today).unwrap();
        assert!(screen.pings.iter().all(|p| p.ping.date == today));
        let first = &screen.pings[0];
        assert_eq!(first.ping.contact_id, someone);
        assert_eq!(first.promise.as_ref().unwrap().text, "send the deck");
        assert!(screen.next_day.unwrap().date > today);

        let plan = plan_screen(&store, today, 14).unwrap();
        assert_eq!(plan.days.len(), 14);
        assert_eq!(plan.days[13].date, day("2026-12-09"));
        assert!(!plan.days[2].working, "a Saturday");
        let rows = contact_rows(&store, today).unwrap();
        assert_eq!(rows.len() as i64, store.contact_count().unwrap());
        assert!(rows
            .windows(2)
            .all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
    }
}
