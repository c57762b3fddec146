//! Contacts through a CardDAV address book: pull, merge, push (see
//! [`super::engine`] for the shape of a run, and [`super::card`] for the vCards).

use std::collections::HashSet;

use super::card::{contact_fields, read_card, write_card};
use super::dav::{Client, Fetched};
use super::engine::{
    delete_remote, fetch, now, refetch, remote_changes, send, Conflict, Sent, SyncReport,
    PUT_ATTEMPTS,
};
use super::error::SyncError;
use super::merge::{merge, Fields, Side, Value};
use super::xml::Kind;
use crate::error::Result;
use crate::model::Contact;
use crate::store::sync::{ContactWrite, IncomingCard, SyncConflict, SyncItem};
use crate::Store;

/// A local contact's fields, with the UIDs it absorbed in merges.
pub(crate) fn fields_of(store: &Store, contact: &Contact) -> Result<Fields> {
    let mut fields = contact_fields(contact);
    let merged = store.contact_merged_uids(contact.id)?;
    if !merged.is_empty() {
        fields.insert("merged".into(), Value::List(merged));
    }
    Ok(fields)
}

pub(crate) fn pull(
    store: &mut Store,
    client: &Client,
    book: &str,
    report: &mut SyncReport,
) -> Result<()> {
    let changes = remote_changes(store, client, book)?;
    // UIDs merged away elsewhere: their local copies are folded in, not trashed.
    let mut merged_away: HashSet<String> = HashSet::new();
    // Our own writes come back in the report: skip what we already hold.
    let mut wanted = Vec::new();
    for (href, etag) in &changes.changed {
        let known = store.sync_item_at(book, href)?;
        let same = etag.is_some() && known.as_ref().is_some_and(|k| k.etag == *etag);
        if !same {
            wanted.push(href.clone());
        }
    }
    let fetched = fetch(client, book, Kind::AddressBook, &wanted)?;
    let observed = now();
    let mut incoming = Vec::new();
    let mut conflicts = Vec::new();
    for object in fetched {
        let remote = match read_card(&object.data, &observed) {
            Ok(r) => r,
            Err(reason) => {
                report
                    .errors
                    .push(format!("{}: {reason}; left as it is", object.href));
                continue;
            }
        };
        if let Some(Value::List(uids)) = remote.fields.get("merged") {
            merged_away.extend(uids.iter().cloned());
        }
        let item = match store.sync_item_at(book, &object.href)? {
            Some(i) => Some(i),
            None => store.sync_item_with_uid(book, &remote.uid)?,
        };
        let (local_id, base) = match &item {
            Some(i) => (i.entity_id, Some(i.base.clone())),
            None => (store.contact_id_by_uid(&remote.uid)?, None),
        };
        if item.as_ref().is_some_and(|i| i.entity_id.is_none()) {
            // Deleted here (or merged away) since: the deletion wins and goes up.
            incoming.push(IncomingCard {
                href: object.href,
                uid: remote.uid,
                etag: object.etag,
                base: remote.fields,
                original: Some(object.data),
                write: ContactWrite::Keep(None),
                push_after: false,
            });
            continue;
        }
        let write = match local_id {
            None => {
                report.down.contacts += 1;
                incoming.push(IncomingCard {
                    href: object.href,
                    uid: remote.uid,
                    etag: object.etag,
                    base: remote.fields.clone(),
                    original: Some(object.data),
                    write: ContactWrite::Write {
                        id: None,
                        fields: remote.fields,
                        times: remote.times,
                    },
                    push_after: false,
                });
                continue;
            }
            Some(id) => id,
        };
        let contact = store.contact(write)?;
        let local = fields_of(store, &contact)?;
        let local_times = store.contact_field_times(write)?;
        let merged = merge(
            base.as_ref(),
            &local,
            &remote.fields,
            &local_times,
            &remote.times,
        );
        for c in &merged.conflicts {
            conflicts.push(SyncConflict {
                synced_at: observed.clone(),
                record: contact.name.clone(),
                field: c.field.clone(),
                kept: c.kept.clone(),
                dropped: c.dropped.clone(),
                winner: match c.winner {
                    Side::Local => "local".into(),
                    Side::Remote => "remote".into(),
                },
            });
            report.conflicts.push(Conflict {
                record: contact.name.clone(),
                field: c.field.clone(),
                kept: c.kept.clone(),
                dropped: c.dropped.clone(),
                winner: c.winner,
            });
        }
        let push_after = merged.fields != remote.fields;
        let trashed = store.contact_trashed(write)? == Some(true);
        let write_action = if merged.fields != local || trashed && base.is_none() {
            report.down.contacts += 1;
            let times = merged
                .from_remote
                .iter()
                .filter_map(|f| remote.times.get(f).map(|t| (f.clone(), t.clone())))
                .collect();
            ContactWrite::Write {
                id: Some(write),
                fields: merged.fields,
                times,
            }
        } else {
            ContactWrite::Keep(Some(write))
        };
        incoming.push(IncomingCard {
            href: object.href,
            uid: remote.uid,
            etag: object.etag,
            base: remote.fields,
            original: Some(object.data),
            write: write_action,
            push_after,
        });
    }
    let mut removed = Vec::new();
    for href in &changes.removed {
        let Some(item) = store.sync_item_at(book, href)? else {
            continue;
        };
        let merged =
            merged_away.contains(&item.uid) || store.contact_merged_into(&item.uid)?.is_some();
        match item.entity_id {
            // Merged into another contact elsewhere: folded in after the pull.
            Some(_) if merged => removed.push((item.id, None)),
            Some(id) if store.contact_dirty(id)? => {
                // Changed here since: keep it, and send it up again as new.
                report.errors.push(format!(
                    "{}: deleted on the server but changed here; kept and sent again",
                    store.contact(id).map(|c| c.name).unwrap_or_default()
                ));
                removed.push((item.id, None));
            }
            Some(id) => {
                report.down.deleted += 1;
                removed.push((item.id, Some(id)));
            }
            None => removed.push((item.id, None)),
        }
    }
    let changed = report.down.contacts + report.down.deleted;
    let label = format!(
        "Synced from the server: {} contact{} changed, {} deleted",
        report.down.contacts,
        if report.down.contacts == 1 { "" } else { "s" },
        report.down.deleted
    );
    if changed > 0 || !incoming.is_empty() || !removed.is_empty() || changes.token.is_some() {
        store.apply_incoming_cards(
            &label,
            book,
            &incoming,
            &removed,
            &conflicts,
            changes.token.as_deref(),
        )?;
    }
    Ok(())
}

/// Applies merges made on another machine (their cards name the UIDs they
/// absorbed): the local copy of a merged-away contact is folded into the one
/// that stays. A copy changed here since is merged like a merge made here
/// (nothing of it is lost, and the result goes up); an unchanged one just
/// moves its history. Runs every sync, so a merge interrupted by a kill is
/// finished the next time.
pub(crate) fn apply_merges(store: &mut Store, report: &mut SyncReport) -> Result<()> {
    let today = store.today();
    // One at a time: each merge can change what the next one involves.
    while let Some(&(keep, other, changed_here)) = store.merges_to_apply()?.first() {
        if changed_here {
            store.merge_contacts(keep, other, false, today)?;
        } else {
            store.absorb_merged(keep, other)?;
        }
        report.down.merged += 1;
    }
    Ok(())
}

pub(crate) fn push(
    store: &mut Store,
    client: &Client,
    book: &str,
    report: &mut SyncReport,
) -> Result<()> {
    for item in store.sync_tombstones(book)? {
        delete_remote(client, &item.href, item.etag.as_deref())?;
        store.forget_sync_item(item.id)?;
        if store.contact_merged_into(&item.uid)?.is_some() {
            report.up.merged += 1;
        } else {
            report.up.deleted += 1;
        }
    }
    for (id, version) in store.contacts_to_push()? {
        let item = store.sync_item_of("contact", id)?;
        match store.contact_trashed(id)? {
            None => {
                store.clear_sync_mark("contact", id, version)?;
                continue;
            }
            Some(true) => {
                if let Some(item) = item {
                    delete_remote(client, &item.href, item.etag.as_deref())?;
                    store.forget_sync_item(item.id)?;
                    report.up.deleted += 1;
                }
                store.clear_sync_mark("contact", id, version)?;
                continue;
            }
            Some(false) => {}
        }
        push_contact(store, client, book, id, version, item, report)?;
    }
    Ok(())
}

fn push_contact(
    store: &mut Store,
    client: &Client,
    book: &str,
    id: i64,
    version: i64,
    mut item: Option<SyncItem>,
    report: &mut SyncReport,
) -> Result<()> {
    for _ in 0..PUT_ATTEMPTS {
        let contact = store.contact(id)?;
        let fields = fields_of(store, &contact)?;
        if item.as_ref().is_some_and(|i| i.base == fields) {
            store.clear_sync_mark("contact", id, version)?;
            return Ok(());
        }
        let times = store.contact_field_times(id)?;
        let original = item.as_ref().and_then(|i| i.original.clone());
        let body = write_card(&contact.uid, &fields, &times, original.as_deref());
        let sent = send(
            client,
            book,
            item.as_ref(),
            &contact.uid,
            "vcf",
            "text/vcard; charset=utf-8",
            &body,
        )?;
        match sent {
            Sent::Stored { href, etag } => {
                store.record_pushed(
                    book,
                    "contact",
                    id,
                    &href,
                    &contact.uid,
                    etag.as_deref(),
                    &fields,
                    Some(&body),
                    version,
                )?;
                report.up.contacts += 1;
                return Ok(());
            }
            Sent::Moved { href } => {
                // The server's copy moved on: merge it in and try again.
                let Some(current) = refetch(client, store, &href, &mut item)? else {
                    continue;
                };
                merge_fetched(store, book, id, item.as_ref(), current, report)?;
                item = store.sync_item_of("contact", id)?;
            }
        }
    }
    report.errors.push(format!(
        "contact #{id}: the server's copy kept changing; it will be sent next time"
    ));
    Ok(())
}

/// Merges a copy fetched after a failed precondition into the local contact.
fn merge_fetched(
    store: &mut Store,
    book: &str,
    id: i64,
    item: Option<&SyncItem>,
    current: Fetched,
    report: &mut SyncReport,
) -> Result<()> {
    let remote = read_card(&current.data, &now()).map_err(|reason| SyncError::MalformedXml {
        url: current.href.clone(),
        reason,
    })?;
    let contact = store.contact(id)?;
    let local = fields_of(store, &contact)?;
    let local_times = store.contact_field_times(id)?;
    let base: Option<Fields> = item.map(|i| i.base.clone());
    let merged = merge(
        base.as_ref(),
        &local,
        &remote.fields,
        &local_times,
        &remote.times,
    );
    let stamp = now();
    let conflicts: Vec<SyncConflict> = merged
        .conflicts
        .iter()
        .map(|c| {
            report.conflicts.push(Conflict {
                record: contact.name.clone(),
                field: c.field.clone(),
                kept: c.kept.clone(),
                dropped: c.dropped.clone(),
                winner: c.winner,
            });
            SyncConflict {
                synced_at: stamp.clone(),
                record: contact.name.clone(),
                field: c.field.clone(),
                kept: c.kept.clone(),
                dropped: c.dropped.clone(),
                winner: match c.winner {
                    Side::Local => "local".into(),
                    Side::Remote => "remote".into(),
                },
            }
        })
        .collect();
    let write = if merged.fields != local {
        ContactWrite::Write {
            id: Some(id),
            times: merged
                .from_remote
                .iter()
                .filter_map(|f| remote.times.get(f).map(|t| (f.clone(), t.clone())))
                .collect(),
            fields: merged.fields.clone(),
        }
    } else {
        ContactWrite::Keep(Some(id))
    };
    let push_after = merged.fields != remote.fields;
    let card = IncomingCard {
        href: current.href,
        uid: remote.uid,
        etag: current.etag,
        base: remote.fields,
        original: Some(current.data),
        write,
        push_after,
    };
    store.apply_incoming_cards(
        "Synced from the server: 1 contact merged",
        book,
        &[card],
        &[],
        &conflicts,
        None,
    )
}
