//! One sync run: pull what changed on the server, merge it in, push what
//! changed here.
//!
//! Pull: an RFC 6578 sync-collection REPORT from the stored token (or, on
//! servers without it, a PROPFIND of every ETag compared with the known ones),
//! then multiget REPORTs for the objects whose ETag is new. Everything pulled
//! is merged and written in one transaction together with the new token, so a
//! failure or a kill half-way leaves the database as it was.
//!
//! Push: each changed object is PUT with `If-Match` (its last ETag) or
//! `If-None-Match: *` (a new one, at a path made from its UID, so a repeated
//! PUT after a kill can never make a second copy), and recorded right after.
//! A 412 means the server's copy moved on: it is fetched, merged, and sent again.

use std::collections::HashSet;

use chrono::{SecondsFormat, Utc};
use serde::Serialize;

use super::card::{contact_fields, read_card, write_card};
use super::dav::{Client, Delete, Fetched, Precondition, Put, SyncAnswer};
use super::error::SyncError;
use super::merge::{merge, Fields, Side};
use super::xml::Kind;
use crate::error::Result;
use crate::store::sync::{ContactWrite, IncomingCard, SyncConflict};
use crate::Store;

/// How many objects one multiget REPORT asks for.
const MULTIGET_BATCH: usize = 200;
/// How often a PUT is retried after the server's copy moved on meanwhile.
const PUT_ATTEMPTS: usize = 3;

/// Counts of what moved in one direction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// Contacts created or changed.
    pub contacts: usize,
    /// Contacts deleted.
    pub deleted: usize,
}

/// A conflict as reported to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The record ("Ada Lovelace").
    pub record: String,
    /// The field.
    pub field: String,
    /// The value kept.
    pub kept: String,
    /// The value dropped.
    pub dropped: String,
    /// Whose value was kept.
    pub winner: Side,
}

/// What one sync run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Sent to the server.
    pub up: Moved,
    /// Brought from the server.
    pub down: Moved,
    /// Fields both sides changed, and which value was kept.
    pub conflicts: Vec<Conflict>,
    /// Objects that could not be read or written (the rest went on).
    pub errors: Vec<String>,
    /// How many HTTP requests the run sent.
    pub requests: u64,
    /// When it finished (UTC).
    pub finished_at: String,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Runs one sync of `store` with the account's server through `client`.
pub fn run(store: &mut Store, client: &Client) -> Result<SyncReport> {
    let account = store.sync_account()?.ok_or(SyncError::NotConfigured)?;
    let mut report = SyncReport::default();
    let book = account.addressbook_url.clone();
    pull_contacts(store, client, &book, &mut report)?;
    push_contacts(store, client, &book, &mut report)?;
    report.requests = client.requests();
    report.finished_at = now();
    let json = serde_json::to_string(&report).unwrap_or_default();
    store.record_sync_run(&report.finished_at, &json)?;
    Ok(report)
}

/// What changed on the server: paths with their ETags, and removed paths.
struct RemoteChanges {
    changed: Vec<(String, Option<String>)>,
    removed: Vec<String>,
    token: Option<String>,
}

fn remote_changes(store: &mut Store, client: &Client, collection: &str) -> Result<RemoteChanges> {
    let url = client.resolve(collection)?;
    let mut token = store.sync_token(collection)?;
    let mut changed = Vec::new();
    let mut removed = Vec::new();
    let mut restarted = false;
    loop {
        match client.sync_collection(&url, token.as_deref())? {
            SyncAnswer::Changes(c) => {
                changed.extend(c.changed);
                removed.extend(c.removed);
                token = c.token;
                if !c.truncated {
                    return Ok(RemoteChanges {
                        changed,
                        removed,
                        token,
                    });
                }
            }
            SyncAnswer::TokenInvalid if !restarted => {
                // Read it all again: known objects with unchanged ETags are skipped.
                restarted = true;
                token = None;
                changed.clear();
                removed.clear();
            }
            SyncAnswer::TokenInvalid | SyncAnswer::Unsupported => break,
        }
    }
    // No RFC 6578 here: compare every ETag with the known ones.
    let listing = client.list_etags(&url)?;
    let known = store.sync_etags(collection)?;
    let listed: HashSet<&String> = listing.iter().map(|(h, _)| h).collect();
    let removed = known
        .keys()
        .filter(|h| !listed.contains(h))
        .cloned()
        .collect();
    let changed = listing
        .into_iter()
        .filter(|(href, etag)| etag.is_none() || known.get(href) != Some(etag))
        .collect();
    if token_present(store, collection)? {
        store.forget_sync_token(collection)?;
    }
    Ok(RemoteChanges {
        changed,
        removed,
        token: None,
    })
}

fn token_present(store: &Store, collection: &str) -> Result<bool> {
    Ok(store.sync_token(collection)?.is_some())
}

/// Fetches objects in batches (multiget); the server's order is kept.
fn fetch(client: &Client, collection: &str, kind: Kind, hrefs: &[String]) -> Result<Vec<Fetched>> {
    let url = client.resolve(collection)?;
    let mut out = Vec::with_capacity(hrefs.len());
    for batch in hrefs.chunks(MULTIGET_BATCH) {
        out.extend(client.multiget(&url, kind, batch)?);
    }
    Ok(out)
}

fn pull_contacts(
    store: &mut Store,
    client: &Client,
    book: &str,
    report: &mut SyncReport,
) -> Result<()> {
    let changes = remote_changes(store, client, book)?;
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
        let local = contact_fields(&contact);
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
        match item.entity_id {
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

/// The path of a new object: the collection's path and a name made of its UID.
fn new_href(client: &Client, collection: &str, uid: &str, extension: &str) -> Result<String> {
    let safe: String = uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let url = client.resolve(collection)?;
    let mut path = super::dav::canonical_path(url.path());
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok(format!("{path}{safe}.{extension}"))
}

fn push_contacts(
    store: &mut Store,
    client: &Client,
    book: &str,
    report: &mut SyncReport,
) -> Result<()> {
    for item in store.sync_tombstones(book)? {
        delete_remote(client, &item.href, item.etag.as_deref())?;
        store.forget_sync_item(item.id)?;
        report.up.deleted += 1;
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
    mut item: Option<crate::store::sync::SyncItem>,
    report: &mut SyncReport,
) -> Result<()> {
    for _ in 0..PUT_ATTEMPTS {
        let contact = store.contact(id)?;
        let fields = contact_fields(&contact);
        if item.as_ref().is_some_and(|i| i.base == fields) {
            store.clear_sync_mark("contact", id, version)?;
            return Ok(());
        }
        let times = store.contact_field_times(id)?;
        let original = item.as_ref().and_then(|i| i.original.clone());
        let body = write_card(&contact.uid, &fields, &times, original.as_deref());
        let href = match &item {
            Some(i) => i.href.clone(),
            None => new_href(client, book, &contact.uid, "vcf")?,
        };
        let condition = match item.as_ref().and_then(|i| i.etag.as_deref()) {
            Some(etag) => Precondition::IfMatch(etag),
            None if item.is_some() => Precondition::None,
            None => Precondition::IfNoneMatch,
        };
        match client.put(&href, "text/vcard; charset=utf-8", &body, condition)? {
            Put::Stored(etag) => {
                let etag = match etag {
                    Some(e) => Some(e),
                    None => client.etag_of(&href)?,
                };
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
            Put::PreconditionFailed => {
                // The server's copy moved on: merge it in and try again.
                let Some(current) = client.get(&href)? else {
                    if let Some(i) = &item {
                        store.forget_sync_item(i.id)?;
                    }
                    item = None;
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
    item: Option<&crate::store::sync::SyncItem>,
    current: Fetched,
    report: &mut SyncReport,
) -> Result<()> {
    let remote = read_card(&current.data, &now()).map_err(|reason| SyncError::MalformedXml {
        url: current.href.clone(),
        reason,
    })?;
    let contact = store.contact(id)?;
    let local = contact_fields(&contact);
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

/// Deletes an object on the server, on the condition of its last ETag; if it
/// moved on meanwhile, the deletion made here still wins (it is the newer act).
fn delete_remote(client: &Client, href: &str, etag: Option<&str>) -> Result<()> {
    match client.delete(href, etag)? {
        Delete::Gone => Ok(()),
        Delete::PreconditionFailed => {
            let Some(current) = client.get(href)? else {
                return Ok(());
            };
            client.delete(href, current.etag.as_deref())?;
            Ok(())
        }
    }
}
