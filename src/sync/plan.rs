//! The ping plan, one way, to a CalDAV calendar: each sync makes the
//! calendar's events match the plan of the coming days — new pings are
//! created, pings that moved or changed are rewritten, pings no longer planned
//! are deleted. Events of past days are left where they are.
//!
//! Each event's UID is made from what every machine knows the ping by (the
//! contact's UID, and the UID of the interaction or promise it follows), so a
//! ping keeps its event from one plan to the next and from one machine to
//! another. The calendar is keepwarm's to write: an event someone changed or
//! deleted there is put back as planned.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};

use super::dav::{Client, Precondition, Put};
use super::engine::{delete_remote, remote_changes, send, Sent, SyncReport};
use super::merge::{Fields, Value};
use crate::error::Result;
use crate::interop::ics::{ping_event, single_event, IcsOptions};
use crate::schedule::Ping;
use crate::Store;

/// The UID parts of a ping's id (`12-c3`, `12-b2027`, `12-f40-1`, `12-p7`)
/// written with the UIDs every machine shares instead of local row ids.
fn shared_id(store: &Store, ping_id: &str) -> Result<Option<String>> {
    let uid = |entity: &str, id: &str| -> Result<Option<String>> {
        match id.parse::<i64>() {
            Ok(id) => store.uid_of(entity, id),
            Err(_) => Ok(None),
        }
    };
    let Some((contact, rest)) = ping_id.split_once('-') else {
        return Ok(None);
    };
    let Some(contact_uid) = uid("contact", contact)? else {
        return Ok(None);
    };
    let rest = if let Some(follow_up) = rest.strip_prefix('f') {
        // A follow-up of an interaction: f<interaction id>-<n>.
        let Some((id, n)) = follow_up.split_once('-') else {
            return Ok(None);
        };
        let Some(interaction) = uid("interaction", id)? else {
            return Ok(None);
        };
        format!("f{interaction}-{n}")
    } else if let Some(id) = rest.strip_prefix('p') {
        // A promise falling due: p<promise id>.
        let Some(promise) = uid("promise", id)? else {
            return Ok(None);
        };
        format!("p{promise}")
    } else {
        // Cadence (c<n>) and birthdays (b<year>) say nothing local.
        rest.to_owned()
    };
    Ok(Some(format!("{contact_uid}-{rest}")))
}

/// What an event says, to tell whether it must be rewritten.
fn event_fields(ping: &Ping, alarm: &str) -> Fields {
    Fields::from([
        ("date".into(), Value::Text(ping.date.to_string())),
        ("contact".into(), Value::Text(ping.contact_name.clone())),
        (
            "reason".into(),
            Value::Text(ping.reason.as_str().to_owned()),
        ),
        ("suggestion".into(), Value::Text(ping.suggestion.clone())),
        ("why".into(), Value::Text(ping.why.clone())),
        ("alarm".into(), Value::Text(alarm.to_owned())),
    ])
}

fn date_of(fields: &Fields) -> Option<NaiveDate> {
    match fields.get("date") {
        Some(Value::Text(d)) => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
        _ => None,
    }
}

/// Makes the plan calendar match the plan of the next `days` days.
pub(crate) fn publish(
    store: &mut Store,
    client: &Client,
    calendar: &str,
    days: u32,
    report: &mut SyncReport,
) -> Result<()> {
    // What changed there since: those events are put back as planned.
    let changes = remote_changes(store, client, calendar)?;
    let ours: HashMap<String, Option<String>> = store
        .sync_items_in(calendar)?
        .into_iter()
        .map(|i| (i.href, i.etag))
        .collect();
    let touched: Vec<String> = changes
        .changed
        .into_iter()
        .filter(|(href, etag)| {
            ours.get(href)
                .is_some_and(|known| etag.is_none() || known != etag)
        })
        .map(|(href, _)| href)
        .collect();
    let removed: Vec<String> = changes
        .removed
        .into_iter()
        .filter(|href| ours.contains_key(href))
        .collect();
    store.note_plan_calendar_changes(calendar, &touched, &removed, changes.token.as_deref())?;

    let today = store.today();
    let settings = store.planner_settings()?;
    let plan = crate::schedule::plan(today, &store.snapshot(today)?, &settings, days);
    let options = IcsOptions {
        alarm_at: settings.alarm_time,
        stamp: Utc::now(),
    };
    let alarm = settings
        .alarm_time
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    let mut items: HashMap<String, _> = store
        .sync_items_in(calendar)?
        .into_iter()
        .map(|i| (i.uid.clone(), i))
        .collect();
    for ping in &plan.pings {
        let Some(shared) = shared_id(store, &ping.id)? else {
            continue;
        };
        let published = Ping {
            id: shared,
            ..ping.clone()
        };
        let fields = event_fields(ping, &alarm);
        let event = ping_event(&published, &options);
        let uid = format!("ping-{}@keepwarm", published.id);
        let item = items.remove(&uid);
        if item
            .as_ref()
            .is_some_and(|i| i.base == fields && i.etag.is_some())
        {
            continue;
        }
        let body = single_event(event);
        let content_type = "text/calendar; charset=utf-8";
        let mut existed = item.is_some();
        let sent = send(
            client,
            calendar,
            item.as_ref(),
            &uid,
            "ics",
            content_type,
            &body,
        )?;
        let (href, etag) = match sent {
            Sent::Stored { href, etag } => (href, etag),
            // Someone else's copy there (another machine publishing the same
            // ping, an earlier run cut short): the calendar is the plan's.
            Sent::Moved { href } => {
                existed = true;
                let etag = match client.put(&href, content_type, &body, Precondition::None)? {
                    Put::Stored(Some(etag)) => Some(etag),
                    Put::Stored(None) | Put::PreconditionFailed => client.etag_of(&href)?,
                };
                (href, etag)
            }
        };
        store.record_plan_event(calendar, &href, &uid, etag.as_deref(), &fields)?;
        if existed {
            report.plan.updated += 1;
        } else {
            report.plan.created += 1;
        }
    }
    // Pings no longer planned: gone, unless their day is past.
    for item in items.into_values() {
        if date_of(&item.base).is_some_and(|d| d >= today) {
            delete_remote(client, &item.href, item.etag.as_deref())?;
            report.plan.deleted += 1;
        }
        store.forget_sync_item(item.id)?;
    }
    Ok(())
}
