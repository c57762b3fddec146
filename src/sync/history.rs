//! Interactions and promises through keepwarm's own CalDAV calendar: pull,
//! merge, push, the same way as contacts (see [`super::engine`] for the shape
//! of a run and [`super::ical`] for the entries).
//!
//! An entry whose contact this machine does not have (deleted before it
//! joined, say) is kept aside, untouched on the server, and placed as soon as
//! the contact turns up. An entry deleted on the server is deleted here unless
//! it changed here since; then it is kept and sent again.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::dav::{Client, Fetched};
use super::engine::{
    delete_remote, fetch, now, refetch, remote_changes, send, Conflict, Sent, SyncReport,
    PUT_ATTEMPTS,
};
use super::ical::{read_record, write_record, Record, RemoteRecord, Unreadable};
use super::merge::{merge, Fields, Side, Times, Value};
use super::xml::Kind;
use crate::error::Result;
use crate::model::InteractionKind;
use crate::store::sync::{SyncConflict, SyncItem};
use crate::store::sync_history::{HistoryPull, IncomingRecord, Parked, RecordWrite};
use crate::Store;

const RECORDS: [Record; 2] = [Record::Interaction, Record::Promise];

fn text<'a>(fields: &'a Fields, name: &str) -> &'a str {
    match fields.get(name) {
        Some(Value::Text(t)) => t,
        _ => "",
    }
}

/// "Ada Lovelace: meeting on 2026-11-20", for conflicts and messages.
fn describe(record: Record, contact_name: &str, fields: &Fields) -> String {
    match record {
        Record::Interaction => format!(
            "{contact_name}: {} on {}",
            text(fields, "kind"),
            text(fields, "date")
        ),
        Record::Promise => format!("{contact_name}: promise '{}'", text(fields, "text")),
    }
}

/// What other apps show for an interaction: "Meeting with Ada Lovelace".
fn title(record: Record, contact_name: &str, fields: &Fields) -> String {
    let kind = text(fields, "kind");
    let mut chars = kind.chars();
    let kind = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    match (record, text(fields, "event")) {
        (Record::Promise, _) => text(fields, "text").to_owned(),
        (Record::Interaction, "") => format!("{kind} with {contact_name}"),
        (Record::Interaction, event) => format!("{kind} with {contact_name} ({event})"),
    }
}

fn record_times(record: Record, at: &str) -> Times {
    record
        .field_names()
        .iter()
        .map(|f| ((*f).to_owned(), at.to_owned()))
        .collect()
}

fn count(report: &mut SyncReport, record: Record, up: bool) {
    let moved = if up { &mut report.up } else { &mut report.down };
    match record {
        Record::Interaction => moved.interactions += 1,
        Record::Promise => moved.promises += 1,
    }
}

/// What to do with one entry read from the server.
enum Placed {
    Incoming(Box<IncomingRecord>),
    Parked(String),
}

/// Pulls what changed in keepwarm's calendar and writes it in one transaction.
pub(crate) fn pull(
    store: &mut Store,
    client: &Client,
    calendar: &str,
    report: &mut SyncReport,
) -> Result<()> {
    let conflicts_before = report.conflicts.len();
    let changes = remote_changes(store, client, calendar)?;
    let parked = store.parked(calendar)?;
    let mut wanted = Vec::new();
    for (href, etag) in &changes.changed {
        let known = match store.sync_item_at(calendar, href)? {
            Some(item) => item.etag,
            None => parked
                .iter()
                .find(|p| p.href == *href)
                .and_then(|p| p.etag.clone()),
        };
        if etag.is_none() || known != *etag {
            wanted.push(href.clone());
        }
    }
    let mut objects: Vec<(Fetched, bool)> = fetch(client, calendar, Kind::Calendar, &wanted)?
        .into_iter()
        .map(|f| (f, false))
        .collect();
    // Entries kept aside are tried again (their contact may be here now).
    let fetched: HashSet<String> = objects.iter().map(|(f, _)| f.href.clone()).collect();
    let removed_hrefs: HashSet<&String> = changes.removed.iter().collect();
    for p in parked {
        if !fetched.contains(&p.href) && !removed_hrefs.contains(&p.href) {
            let object = Fetched {
                href: p.href,
                etag: p.etag,
                data: p.data,
            };
            objects.push((object, true));
        }
    }
    let observed = now();
    let today = store.today();
    let mut pull = HistoryPull {
        token: changes.token.clone(),
        ..HistoryPull::default()
    };
    for (object, was_parked) in objects {
        match place(store, calendar, &object, &observed, today, report)? {
            Placed::Incoming(incoming) => {
                if was_parked {
                    pull.unparked.push(object.href.clone());
                }
                pull.incoming.push(*incoming);
            }
            Placed::Parked(reason) => {
                if !was_parked {
                    if !reason.is_empty() {
                        report.errors.push(format!(
                            "{}: {reason}; left on the server as it is",
                            object.href
                        ));
                    }
                    pull.parked.push(Parked {
                        href: object.href,
                        etag: object.etag,
                        data: object.data,
                    });
                }
            }
        }
    }
    for href in &changes.removed {
        pull.unparked.push(href.clone());
        let Some(item) = store.sync_item_at(calendar, href)? else {
            continue;
        };
        let record = if item.entity == "promise" {
            Record::Promise
        } else {
            Record::Interaction
        };
        match item.entity_id {
            Some(id) if store.entity_dirty(record.entity(), id)? => {
                report.errors.push(format!(
                    "{}: deleted on the server but changed here; kept and sent again",
                    store
                        .local_record(record, id)?
                        .map(|l| describe(record, &l.contact_name, &l.fields))
                        .unwrap_or_default()
                ));
                pull.removed.push((item.id, None));
            }
            Some(id) => {
                report.down.removed += 1;
                pull.removed.push((item.id, Some((record, id))));
            }
            None => pull.removed.push((item.id, None)),
        }
    }
    pull.conflicts = conflicts_since(report, conflicts_before, &observed);
    let moved = report.down.interactions + report.down.promises + report.down.removed;
    if moved > 0
        || !pull.incoming.is_empty()
        || !pull.removed.is_empty()
        || pull.token.is_some()
        || !pull.parked.is_empty()
        || !pull.unparked.is_empty()
    {
        let label = format!(
            "Synced from the server: {} interaction{}, {} promise{}, {} removed",
            report.down.interactions,
            if report.down.interactions == 1 {
                ""
            } else {
                "s"
            },
            report.down.promises,
            if report.down.promises == 1 { "" } else { "s" },
            report.down.removed
        );
        store.apply_incoming_records(&label, calendar, &pull)?;
    }
    Ok(())
}

/// Reads one entry and decides what becomes of it here.
fn place(
    store: &mut Store,
    calendar: &str,
    object: &Fetched,
    observed: &str,
    today: NaiveDate,
    report: &mut SyncReport,
) -> Result<Placed> {
    let remote = match read_record(&object.data, observed, today) {
        Ok(r) => r,
        // Another app's journal or task in keepwarm's calendar: not ours to take.
        Err(Unreadable::NotKeepwarms) => return Ok(Placed::Parked(String::new())),
        Err(Unreadable::Invalid(reason)) => return Ok(Placed::Parked(reason)),
    };
    let record = remote.record;
    if record == Record::Interaction
        && text(&remote.fields, "kind")
            .parse::<InteractionKind>()
            .is_err()
    {
        return Ok(Placed::Parked(format!(
            "an interaction of an unknown kind '{}'",
            text(&remote.fields, "kind")
        )));
    }
    let item = match store.sync_item_at(calendar, &object.href)? {
        Some(i) => Some(i),
        None => store.sync_item_with_uid(calendar, &remote.uid)?,
    };
    let incoming = |write: RecordWrite, push_after: bool| {
        Placed::Incoming(Box::new(IncomingRecord {
            record,
            href: object.href.clone(),
            uid: remote.uid.clone(),
            etag: object.etag.clone(),
            base: remote.fields.clone(),
            original: object.data.clone(),
            write,
            push_after,
        }))
    };
    if item.as_ref().is_some_and(|i| i.entity_id.is_none()) {
        // Deleted here since: the deletion wins and goes up.
        return Ok(incoming(RecordWrite::Keep(None), false));
    }
    let Some((contact_id, contact_uid)) = store.contact_for_uid(text(&remote.fields, "contact"))?
    else {
        return Ok(Placed::Parked(
            "its contact is not on this machine (deleted before it synced?)".into(),
        ));
    };
    // A contact merged away elsewhere: the entry belongs to the one that stayed.
    let relinked = contact_uid != text(&remote.fields, "contact");
    let local_id = match &item {
        Some(i) => i.entity_id,
        None => store.record_id_by_uid(record, &remote.uid)?,
    };
    let Some(id) = local_id else {
        count(report, record, false);
        let mut fields = remote.fields.clone();
        fields.insert("contact".into(), Value::Text(contact_uid));
        let write = RecordWrite::Write {
            id: None,
            contact_id,
            fields,
        };
        return Ok(incoming(write, relinked));
    };
    let Some(local) = store.local_record(record, id)? else {
        return Ok(Placed::Parked(String::new()));
    };
    let mut fields = merge_record(
        store,
        record,
        id,
        item.as_ref(),
        &local.fields,
        &remote,
        report,
    )?;
    if text(&fields, "contact") == text(&remote.fields, "contact") {
        fields.insert("contact".into(), Value::Text(contact_uid));
    }
    let push_after = fields != remote.fields;
    if fields == local.fields {
        return Ok(incoming(RecordWrite::Keep(Some(id)), push_after));
    }
    let contact_id = match store.contact_for_uid(text(&fields, "contact"))? {
        Some((cid, _)) => cid,
        None => contact_id,
    };
    count(report, record, false);
    Ok(incoming(
        RecordWrite::Write {
            id: Some(id),
            contact_id,
            fields,
        },
        push_after,
    ))
}

/// Three-way merge of a local row with the server's entry; conflicts go to
/// the report (and the list `sync status` shows).
fn merge_record(
    store: &mut Store,
    record: Record,
    id: i64,
    item: Option<&SyncItem>,
    local: &Fields,
    remote: &RemoteRecord,
    report: &mut SyncReport,
) -> Result<Fields> {
    let local_at = store.changed_at(record.entity(), id)?.unwrap_or_default();
    let merged = merge(
        item.map(|i| &i.base),
        local,
        &remote.fields,
        &record_times(record, &local_at),
        &record_times(record, &remote.changed_at),
    );
    let name = store
        .local_record(record, id)?
        .map(|l| l.contact_name)
        .unwrap_or_default();
    for c in &merged.conflicts {
        report.conflicts.push(Conflict {
            record: describe(record, &name, local),
            field: c.field.clone(),
            kept: c.kept.clone(),
            dropped: c.dropped.clone(),
            winner: c.winner,
        });
    }
    Ok(merged.fields)
}

/// The conflicts of a report from `from` on, as kept for `sync status`.
fn conflicts_since(report: &SyncReport, from: usize, at: &str) -> Vec<SyncConflict> {
    report.conflicts[from..]
        .iter()
        .map(|c| SyncConflict {
            synced_at: at.to_owned(),
            record: c.record.clone(),
            field: c.field.clone(),
            kept: c.kept.clone(),
            dropped: c.dropped.clone(),
            winner: match c.winner {
                Side::Local => "local".into(),
                Side::Remote => "remote".into(),
            },
        })
        .collect()
}

/// Sends what changed here: deletions, then interactions, then promises.
pub(crate) fn push(
    store: &mut Store,
    client: &Client,
    calendar: &str,
    report: &mut SyncReport,
) -> Result<()> {
    for item in store.sync_tombstones(calendar)? {
        delete_remote(client, &item.href, item.etag.as_deref())?;
        store.forget_sync_item(item.id)?;
        report.up.removed += 1;
    }
    for record in RECORDS {
        for (id, version) in store.records_to_push(record)? {
            push_record(store, client, calendar, record, id, version, report)?;
        }
    }
    Ok(())
}

fn push_record(
    store: &mut Store,
    client: &Client,
    calendar: &str,
    record: Record,
    id: i64,
    version: i64,
    report: &mut SyncReport,
) -> Result<()> {
    let mut item = store.sync_item_of(record.entity(), id)?;
    for _ in 0..PUT_ATTEMPTS {
        let Some(local) = store.local_record(record, id)? else {
            store.clear_record_mark(record, id, version)?;
            return Ok(());
        };
        if item.as_ref().is_some_and(|i| i.base == local.fields) {
            store.clear_record_mark(record, id, version)?;
            return Ok(());
        }
        let changed_at = store
            .changed_at(record.entity(), id)?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(Utc::now);
        let body = write_record(
            record,
            &local.uid,
            &local.fields,
            &title(record, &local.contact_name, &local.fields),
            changed_at,
            item.as_ref().and_then(|i| i.original.as_deref()),
        );
        let sent = send(
            client,
            calendar,
            item.as_ref(),
            &local.uid,
            "ics",
            "text/calendar; charset=utf-8",
            &body,
        )?;
        match sent {
            Sent::Stored { href, etag } => {
                store.record_pushed(
                    calendar,
                    record.entity(),
                    id,
                    &href,
                    &local.uid,
                    etag.as_deref(),
                    &local.fields,
                    Some(&body),
                    version,
                )?;
                count(report, record, true);
                return Ok(());
            }
            Sent::Moved { href } => {
                // The server's copy moved on: merge it in and try again.
                let Some(current) = refetch(client, store, &href, &mut item)? else {
                    continue;
                };
                merge_fetched(store, calendar, current, report)?;
                item = store.sync_item_of(record.entity(), id)?;
            }
        }
    }
    report.errors.push(format!(
        "{} #{id}: the server's copy kept changing; it will be sent next time",
        record.entity()
    ));
    Ok(())
}

/// Merges an entry fetched after a failed precondition into the local row.
fn merge_fetched(
    store: &mut Store,
    calendar: &str,
    current: Fetched,
    report: &mut SyncReport,
) -> Result<()> {
    let before = report.conflicts.len();
    let today = store.today();
    let placed = place(store, calendar, &current, &now(), today, report)?;
    let mut pull = HistoryPull::default();
    match placed {
        Placed::Incoming(incoming) => pull.incoming.push(*incoming),
        // Unreadable now: keep it aside; the local row goes up as new next time.
        Placed::Parked(_) => pull.parked.push(Parked {
            href: current.href,
            etag: current.etag,
            data: current.data,
        }),
    }
    pull.conflicts = conflicts_since(report, before, &now());
    store.apply_incoming_records("Synced from the server: 1 entry merged", calendar, &pull)
}
