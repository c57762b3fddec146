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
//! `0007_sync.sql` migration), so every way of writing — commands, imports,
//! merges, undo — is seen.

pub mod card;
pub mod dav;
pub mod discovery;
pub mod engine;
pub mod error;
pub mod merge;
pub mod secrets;
pub mod xml;

pub use engine::{run, SyncReport};
pub use error::SyncError;
