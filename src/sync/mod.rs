//! Sync through standard CardDAV/CalDAV servers (Radicale, Nextcloud, iCloud,
//! Fastmail…), never a server of keepwarm's own.
//!
//! Only the RFCs are used: WebDAV (4918), CardDAV (6352), CalDAV (4791),
//! collection sync (6578), service discovery (6764) and the current user
//! principal (5397); nothing server-specific.
//!
//! The layers, bottom up:
//! - [`xml`]: the request bodies and the `multistatus` reader;
//! - [`dav`]: the HTTP client (PROPFIND, REPORT, GET, PUT/DELETE with
//!   `If-Match`), with typed errors ([`SyncError`]);
//! - [`discovery`]: from a URL to the account's address books and calendars;
//! - [`card`]: contacts as vCards, keepwarm's own fields as `X-KEEPWARM-*`;
//! - [`ical`]: interactions as `VJOURNAL`, promises as `VTODO`, in a calendar
//!   of keepwarm's own;
//! - [`merge`]: three-way merges, last writer wins per field, lists unioned;
//! - [`engine`]: one run — pull, merge, push — resumable after a kill;
//! - [`secrets`]: the password in the OS keyring;
//! - [`lock`]: one sync at a time per database, across processes;
//! - [`background`]: when the desktop app syncs on its own (a pure decision).
//!
//! Change tracking lives in the store (triggers on the user's tables, see the
//! `0006_sync.sql` migration), so every way of writing — commands, imports,
//! merges, undo — is seen.

pub mod background;
pub mod card;
pub(crate) mod contacts;
pub mod dav;
pub mod discovery;
pub mod engine;
pub mod error;
pub(crate) mod history;
pub mod ical;
pub mod lock;
pub mod merge;
pub(crate) mod plan;
pub mod secrets;
pub mod xml;

pub use engine::{run, SyncReport};
pub use error::SyncError;

use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use serde::Serialize;

use crate::error::Result;
use crate::store::sync::SyncAccount;
use crate::Store;
use dav::Client;
use discovery::{Collection, Discovery};
use lock::SyncLock;
use secrets::Secrets;

/// The name of the address book keepwarm makes when the account has none.
pub const NEW_ADDRESSBOOK: &str = "keepwarm-contacts";

/// The path (under the calendar home) of the calendar keepwarm makes for
/// interactions and promises; every machine finds it there.
pub const NEW_CALENDAR: &str = "keepwarm-history";
/// The path of the calendar keepwarm makes for the ping plan.
pub const NEW_PLAN_CALENDAR: &str = "keepwarm-pings";
/// How many days of the plan go to the plan calendar unless told otherwise.
pub const DEFAULT_PLAN_DAYS: u32 = 60;
/// The word that turns a calendar off in a [`Choice`].
pub const NONE: &str = "none";

/// Which collections to sync with; `None` lets keepwarm choose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    /// The address book, by name or URL.
    pub addressbook: Option<String>,
    /// The calendar for interactions (VJOURNAL) and promises (VTODO), by name
    /// or URL, or [`NONE`]; by default keepwarm's own ([`NEW_CALENDAR`]),
    /// made when missing.
    pub calendar: Option<String>,
    /// The calendar the ping plan goes to, by name or URL (made when missing),
    /// or [`NONE`]; by default as set up before (none at first).
    pub plan_calendar: Option<String>,
    /// How many days of the plan to publish.
    pub plan_days: Option<u32>,
}

/// Connects to the server as `user`, finds the account's collections and
/// records the account in `store` (the password is not stored here: see
/// [`setup`]). Nothing is recorded when the server cannot be used.
pub fn connect(
    store: &mut Store,
    client: &Client,
    user: &str,
    choice: &Choice,
) -> Result<SyncAccount> {
    let found = discovery::discover(client)?;
    let addressbook = choose_addressbook(client, &found, choice)?;
    let calendar = choose_calendar(client, &found, choice)?;
    let before = store
        .sync_account()?
        .filter(|a| a.server_url == client.base().as_str());
    let plan_calendar = match choice.plan_calendar.as_deref() {
        None => before.as_ref().and_then(|a| a.plan_calendar_url.clone()),
        Some(NONE) => None,
        Some(wanted) => Some(choose_plan_calendar(client, &found, wanted)?),
    };
    let plan_days = choice
        .plan_days
        .or(before.as_ref().map(|a| a.plan_days))
        .unwrap_or(DEFAULT_PLAN_DAYS);
    let account = SyncAccount {
        server_url: client.base().to_string(),
        username: user.to_owned(),
        principal_url: found.principal.clone(),
        addressbook_url: addressbook.url,
        calendar_url: calendar.map(|c| c.url),
        plan_calendar_url: plan_calendar,
        plan_days,
        set_up_at: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        last_sync_at: None,
        last_report: None,
    };
    store.set_sync_account(&account)?;
    Ok(store.sync_account()?.unwrap_or(account))
}

fn choose_addressbook(client: &Client, found: &Discovery, choice: &Choice) -> Result<Collection> {
    let books = &found.addressbooks;
    if let Some(wanted) = &choice.addressbook {
        return find(client, books, wanted).cloned().ok_or_else(|| {
            SyncError::Choose {
                what: format!(
                    "no address book '{wanted}' on the server; there are: {}",
                    names(books)
                ),
            }
            .into()
        });
    }
    match books.as_slice() {
        [one] => Ok(one.clone()),
        [] => {
            let home = found
                .addressbook_home
                .as_deref()
                .ok_or_else(|| SyncError::NotDav {
                    url: error::redact(client.base().as_str()),
                    reason: "the account has no address book and no place to make one".into(),
                })?;
            let url = client
                .resolve(home)?
                .join(&format!("{NEW_ADDRESSBOOK}/"))
                .map_err(|e| SyncError::InvalidUrl {
                    url: error::redact(home),
                    reason: e.to_string(),
                })?;
            client.make_addressbook(&url, "keepwarm")?;
            Ok(Collection {
                url: url.to_string(),
                name: "keepwarm".into(),
                components: Vec::new(),
                supports_sync: true,
            })
        }
        many => Err(SyncError::Choose {
            what: format!(
                "the account has {} address books ({}); choose one with --addressbook NAME",
                many.len(),
                names(many)
            ),
        }
        .into()),
    }
}

/// The calendar for interactions and promises: the one named, keepwarm's own,
/// or a new one; `None` when turned off or the server has no calendars.
fn choose_calendar(
    client: &Client,
    found: &Discovery,
    choice: &Choice,
) -> Result<Option<Collection>> {
    let calendars = &found.calendars;
    let chosen = match choice.calendar.as_deref() {
        Some(NONE) => return Ok(None),
        Some(wanted) => find(client, calendars, wanted).ok_or_else(|| SyncError::Choose {
            what: format!(
                "no calendar '{wanted}' on the server; there are: {} (or leave --calendar out and keepwarm makes its own)",
                names(calendars)
            ),
        })?
        .clone(),
        None => match calendars.iter().find(|c| last_segment(&c.url) == NEW_CALENDAR) {
            Some(own) => own.clone(),
            None => {
                let Some(home) = found.calendar_home.as_deref() else {
                    return Ok(None);
                };
                make_calendar(client, home, NEW_CALENDAR, "keepwarm history", &["VJOURNAL", "VTODO"])?
            }
        },
    };
    if !chosen.accepts("VJOURNAL") || !chosen.accepts("VTODO") {
        return Err(SyncError::Choose {
            what: format!(
                "the calendar '{}' does not take journal entries and tasks, which interactions and promises are; choose another with --calendar NAME, or --calendar none",
                chosen.name
            ),
        }
        .into());
    }
    Ok(Some(chosen))
}

/// The calendar the ping plan goes to: the one named, or a new one by that name.
fn choose_plan_calendar(client: &Client, found: &Discovery, wanted: &str) -> Result<String> {
    if let Some(c) = find(client, &found.calendars, wanted) {
        if !c.accepts("VEVENT") {
            return Err(SyncError::Choose {
                what: format!("the calendar '{}' does not take events", c.name),
            }
            .into());
        }
        return Ok(c.url.clone());
    }
    let home = found
        .calendar_home
        .as_deref()
        .ok_or_else(|| SyncError::NotDav {
            url: error::redact(client.base().as_str()),
            reason: "the account has no calendars, so the plan has nowhere to go".into(),
        })?;
    Ok(make_calendar(client, home, NEW_PLAN_CALENDAR, wanted, &["VEVENT"])?.url)
}

fn find<'a>(
    client: &Client,
    collections: &'a [Collection],
    wanted: &str,
) -> Option<&'a Collection> {
    let wanted_url = client.resolve(wanted).ok().map(|u| u.to_string());
    collections
        .iter()
        .find(|c| c.name == wanted || Some(&c.url) == wanted_url.as_ref())
}

fn last_segment(url: &str) -> &str {
    url.trim_end_matches('/').rsplit('/').next().unwrap_or("")
}

/// Makes a calendar named `name` at `home`/`segment`/ (MKCALENDAR).
fn make_calendar(
    client: &Client,
    home: &str,
    segment: &str,
    name: &str,
    components: &[&str],
) -> Result<Collection> {
    let url = client
        .resolve(home)?
        .join(&format!("{segment}/"))
        .map_err(|e| SyncError::InvalidUrl {
            url: error::redact(home),
            reason: e.to_string(),
        })?;
    client.make_calendar(&url, name, components)?;
    Ok(Collection {
        url: url.to_string(),
        name: name.to_owned(),
        components: components.iter().map(|c| (*c).to_owned()).collect(),
        supports_sync: true,
    })
}

fn names(collections: &[Collection]) -> String {
    collections
        .iter()
        .map(|c| format!("'{}'", c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sets sync up: checks the URL and password with the server, finds the
/// collections, records the account and keeps the password in `secrets`.
pub fn setup(
    store: &mut Store,
    secrets: &dyn Secrets,
    server_url: &str,
    user: &str,
    password: &str,
    choice: &Choice,
) -> Result<SyncAccount> {
    let url = dav::parse_server_url(server_url)?;
    let client = Client::new(url, user, password);
    // A sync running meanwhile would write against the old account.
    let _lock = SyncLock::acquire(store.path(), LOCK_WAIT)?.ok_or(SyncError::Busy)?;
    let account = connect(store, &client, user, choice)?;
    secrets.set_password(&account.server_url, user, password)?;
    Ok(account)
}

/// A client for the account set up in `store`, with the password from `secrets`.
pub fn client_for(store: &Store, secrets: &dyn Secrets) -> Result<Client> {
    let account = store.sync_account()?.ok_or(SyncError::NotConfigured)?;
    let password = secrets
        .password(&account.server_url, &account.username)?
        .ok_or_else(|| SyncError::NoPassword {
            user: account.username.clone(),
            url: error::redact(&account.server_url),
        })?;
    let url = dav::parse_server_url(&account.server_url)?;
    Ok(Client::new(url, &account.username, &password))
}

/// How long `keepwarm sync` waits for a sync already running (the desktop
/// app's) to end before it gives up: a first sync of thousands of contacts
/// takes about this long.
pub const LOCK_WAIT: Duration = Duration::from_secs(120);

/// Syncs now with the account set up in `store`, after any sync of the same
/// database that is running has ended (waiting up to [`LOCK_WAIT`]). A failure
/// is kept for the status ([`status`]).
pub fn sync_now(store: &mut Store, secrets: &dyn Secrets) -> Result<SyncReport> {
    sync_locked(store, secrets, LOCK_WAIT)?.ok_or_else(|| SyncError::Busy.into())
}

/// Syncs now unless another sync of the same database is running (`None`
/// then): for the background sync, which comes back later anyway.
pub fn sync_if_free(store: &mut Store, secrets: &dyn Secrets) -> Result<Option<SyncReport>> {
    sync_locked(store, secrets, Duration::ZERO)
}

fn sync_locked(
    store: &mut Store,
    secrets: &dyn Secrets,
    wait: Duration,
) -> Result<Option<SyncReport>> {
    let Some(_lock) = SyncLock::acquire(store.path(), wait)? else {
        return Ok(None);
    };
    store.sync_account()?.ok_or(SyncError::NotConfigured)?;
    store.record_sync_attempt(&Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true))?;
    let result = client_for(store, secrets).and_then(|client| engine::run(store, &client));
    if let Err(e) = &result {
        // Kept for the status; the error itself is what the caller shows.
        store.record_sync_failure(&e.to_string())?;
    }
    result.map(Some)
}

/// Where sync stands, for `keepwarm sync status` and the desktop app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    /// An account is set up.
    pub configured: bool,
    /// The server's URL (never with a password).
    pub server_url: Option<String>,
    /// The user name.
    pub username: Option<String>,
    /// When the last successful sync finished (UTC, RFC 3339).
    pub last_sync_at: Option<String>,
    /// When the latest attempt started (UTC, RFC 3339).
    pub last_attempt_at: Option<String>,
    /// Why the latest attempt failed; `None` when it succeeded.
    pub last_error: Option<String>,
    /// Failed attempts in a row.
    pub failures: u32,
    /// Local changes waiting to be sent.
    pub pending: i64,
    /// A sync of this database is running now (here or in another process).
    pub in_progress: bool,
    /// The desktop app's background sync interval in minutes (0: off).
    pub interval_minutes: u32,
}

/// Where sync stands for the database in `store`.
pub fn status(store: &Store) -> Result<SyncStatus> {
    let interval_minutes = background::interval_minutes(store)?;
    let Some(account) = store.sync_account()? else {
        return Ok(SyncStatus {
            interval_minutes,
            ..SyncStatus::default()
        });
    };
    let attempts = store.sync_attempts()?.unwrap_or_default();
    Ok(SyncStatus {
        configured: true,
        server_url: Some(error::redact(&account.server_url)),
        username: Some(account.username),
        last_sync_at: account.last_sync_at,
        last_attempt_at: attempts.last_attempt_at,
        last_error: attempts.last_error,
        failures: attempts.failures,
        pending: store.sync_pending()?,
        in_progress: SyncLock::is_held(store.path()),
        interval_minutes,
    })
}

/// Forgets the account: its password leaves the keyring and the database
/// forgets the server (waiting for a running sync to end first). Local data
/// stays as it is.
pub fn forget(store: &mut Store, secrets: &dyn Secrets) -> Result<()> {
    let _lock = SyncLock::acquire(store.path(), LOCK_WAIT)?.ok_or(SyncError::Busy)?;
    if let Some(account) = store.sync_account()? {
        secrets.forget(&account.server_url, &account.username)?;
    }
    store.forget_sync_account()
}
