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

use super::dav::{Client, Delete, Fetched, Precondition, Put, SyncAnswer, Traffic};
use super::error::SyncError;
use super::merge::Side;
use super::xml::Kind;
use super::{contacts, history, plan};
use crate::error::Result;
use crate::store::sync::SyncItem;
use crate::Store;

/// How many objects one multiget REPORT asks for.
const MULTIGET_BATCH: usize = 200;
/// How often a PUT is retried after the server's copy moved on meanwhile.
pub(crate) const PUT_ATTEMPTS: usize = 3;

/// Counts of what moved in one direction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// Contacts created or changed.
    pub contacts: usize,
    /// Contacts deleted.
    pub deleted: usize,
    /// Contacts merged into others (down: merges made on another machine).
    pub merged: usize,
    /// Interactions created or changed.
    pub interactions: usize,
    /// Promises created or changed.
    pub promises: usize,
    /// Interactions and promises deleted.
    pub removed: usize,
}

/// What publishing the plan did to the plan calendar's events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlanMoved {
    /// Events made for new pings.
    pub created: usize,
    /// Events rewritten: the ping moved to another day or changed.
    pub updated: usize,
    /// Events deleted: the ping is no longer planned.
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
    /// The plan calendar (when the plan is published).
    pub plan: PlanMoved,
    /// Fields both sides changed, and which value was kept.
    pub conflicts: Vec<Conflict>,
    /// Objects that could not be read or written (the rest went on).
    pub errors: Vec<String>,
    /// How many HTTP requests the run sent.
    pub requests: u64,
    /// What the run's requests cost: bytes each way, time waiting for the server.
    pub traffic: Traffic,
    /// How long the run took in all, in ms (`traffic.waiting_ms` of it waiting).
    pub took_ms: u64,
    /// When it finished (UTC).
    pub finished_at: String,
}

pub(crate) fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Runs one sync of `store` with the account's server through `client`.
pub fn run(store: &mut Store, client: &Client) -> Result<SyncReport> {
    let started = std::time::Instant::now();
    let before = client.traffic();
    let account = store.sync_account()?.ok_or(SyncError::NotConfigured)?;
    let mut report = SyncReport::default();
    let book = account.addressbook_url.clone();
    contacts::pull(store, client, &book, &mut report)?;
    if let Some(calendar) = &account.calendar_url {
        history::pull(store, client, calendar, &mut report)?;
    }
    contacts::apply_merges(store, &mut report)?;
    contacts::push(store, client, &book, &mut report)?;
    if let Some(calendar) = &account.calendar_url {
        history::push(store, client, calendar, &mut report)?;
    }
    if let Some(calendar) = &account.plan_calendar_url {
        plan::publish(store, client, calendar, account.plan_days, &mut report)?;
    }
    let after = client.traffic();
    report.traffic = Traffic {
        requests: after.requests - before.requests,
        sent: after.sent - before.sent,
        received: after.received - before.received,
        waiting_ms: after.waiting_ms - before.waiting_ms,
    };
    report.requests = report.traffic.requests;
    report.took_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    report.finished_at = now();
    let json = serde_json::to_string(&report).unwrap_or_default();
    store.record_sync_run(&report.finished_at, &json)?;
    Ok(report)
}

/// What changed on the server: paths with their ETags, and removed paths.
pub(crate) struct RemoteChanges {
    pub(crate) changed: Vec<(String, Option<String>)>,
    pub(crate) removed: Vec<String>,
    /// The token to record; `None` when it is the one already recorded (or the
    /// server has no RFC 6578), so a sync in which nothing moved writes nothing.
    pub(crate) token: Option<String>,
}

pub(crate) fn remote_changes(
    store: &mut Store,
    client: &Client,
    collection: &str,
) -> Result<RemoteChanges> {
    let url = client.resolve(collection)?;
    let recorded = store.sync_token(collection)?;
    let mut token = recorded.clone();
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
                        token: token.filter(|t| recorded.as_ref() != Some(t)),
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
    if recorded.is_some() {
        store.forget_sync_token(collection)?;
    }
    Ok(RemoteChanges {
        changed,
        removed,
        token: None,
    })
}

/// Fetches objects in batches (multiget); the server's order is kept.
pub(crate) fn fetch(
    client: &Client,
    collection: &str,
    kind: Kind,
    hrefs: &[String],
) -> Result<Vec<Fetched>> {
    let url = client.resolve(collection)?;
    let mut out = Vec::with_capacity(hrefs.len());
    for batch in hrefs.chunks(MULTIGET_BATCH) {
        out.extend(client.multiget(&url, kind, batch)?);
    }
    Ok(out)
}

/// What became of a local change sent to the server.
pub(crate) enum Sent {
    /// Stored at `href`; its ETag, asked for when the PUT's answer lacked one.
    Stored { href: String, etag: Option<String> },
    /// The server's copy at `href` changed since it was last seen: fetch it,
    /// merge it in and send again.
    Moved { href: String },
}

/// Sends `body` as the object `item` is synced with (or a new one named after
/// `uid`), on the condition that the server's copy is the one last seen:
/// `If-Match` its ETag, or `If-None-Match: *` for a new object.
pub(crate) fn send(
    client: &Client,
    collection: &str,
    item: Option<&SyncItem>,
    uid: &str,
    extension: &str,
    content_type: &str,
    body: &str,
) -> Result<Sent> {
    let href = match item {
        Some(i) => i.href.clone(),
        None => new_href(client, collection, uid, extension)?,
    };
    let condition = match item.and_then(|i| i.etag.as_deref()) {
        Some(etag) => Precondition::IfMatch(etag),
        None if item.is_some() => Precondition::None,
        None => Precondition::IfNoneMatch,
    };
    Ok(match client.put(&href, content_type, body, condition)? {
        Put::Stored(etag) => {
            let etag = match etag {
                Some(e) => Some(e),
                None => client.etag_of(&href)?,
            };
            Sent::Stored { href, etag }
        }
        Put::PreconditionFailed => Sent::Moved { href },
    })
}

/// The server's current copy at `href`, after a send found it moved on. When
/// the copy is gone, the local record of it is forgotten (`item` becomes
/// `None`), so the next try creates the object anew.
pub(crate) fn refetch(
    client: &Client,
    store: &mut Store,
    href: &str,
    item: &mut Option<SyncItem>,
) -> Result<Option<Fetched>> {
    let current = client.get(href)?;
    if current.is_none() {
        if let Some(gone) = item.take() {
            store.forget_sync_item(gone.id)?;
        }
    }
    Ok(current)
}

/// The path of a new object: the collection's path and a name made of its UID.
pub(crate) fn new_href(
    client: &Client,
    collection: &str,
    uid: &str,
    extension: &str,
) -> Result<String> {
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

/// Deletes an object on the server, on the condition of its last ETag; if it
/// moved on meanwhile, the deletion made here still wins (it is the newer act).
pub(crate) fn delete_remote(client: &Client, href: &str, etag: Option<&str>) -> Result<()> {
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
