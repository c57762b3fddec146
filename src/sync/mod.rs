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
//! - [`merge`]: three-way merges, last writer wins per field, lists unioned;
//! - [`engine`]: one run — pull, merge, push — resumable after a kill;
//! - [`secrets`]: the password in the OS keyring.
//!
//! Change tracking lives in the store (triggers on the user's tables, see the
//! `0006_sync.sql` migration), so every way of writing — commands, imports,
//! merges, undo — is seen.

pub mod card;
pub(crate) mod contacts;
pub mod dav;
pub mod discovery;
pub mod engine;
pub mod error;
pub mod merge;
pub mod secrets;
pub mod xml;

pub use engine::{run, SyncReport};
pub use error::SyncError;

use chrono::{SecondsFormat, Utc};

use crate::error::Result;
use crate::store::sync::SyncAccount;
use crate::Store;
use dav::Client;
use discovery::{Collection, Discovery};
use secrets::Secrets;

/// The name of the address book keepwarm makes when the account has none.
pub const NEW_ADDRESSBOOK: &str = "keepwarm-contacts";

/// Which collections to sync with; `None` lets keepwarm choose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    /// The address book, by name or URL.
    pub addressbook: Option<String>,
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
    let account = SyncAccount {
        server_url: client.base().to_string(),
        username: user.to_owned(),
        principal_url: found.principal.clone(),
        addressbook_url: addressbook.url,
        calendar_url: None,
        plan_calendar_url: None,
        plan_days: 60,
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
        let wanted_url = client.resolve(wanted).ok().map(|u| u.to_string());
        return books
            .iter()
            .find(|b| b.name == *wanted || Some(&b.url) == wanted_url.as_ref())
            .cloned()
            .ok_or_else(|| {
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

/// Syncs now with the account set up in `store`.
pub fn sync_now(store: &mut Store, secrets: &dyn Secrets) -> Result<SyncReport> {
    let client = client_for(store, secrets)?;
    engine::run(store, &client)
}
