//! The background sync: every N minutes, shortly after a local change, and
//! backing off while the server cannot be reached.
//!
//! The loop only gathers facts and acts; when to sync is the library's pure
//! [`keepwarm::sync::background::next_sync`]. It syncs on a connection of its
//! own through [`keepwarm::sync::sync_if_free`], which takes the database's
//! sync lock, so it never runs beside `keepwarm sync` or a "Sync now" (it
//! simply tries again later). Failures are recorded in the database by the
//! library, for the status and the backoff; local changes stay marked until a
//! sync has sent them.
//!
//! The loop notices local changes by SQLite's `data_version`, which moves when
//! any other connection commits (the app's own commands, the CLI, an import).
//! It sends [`SYNC_CHANGED_EVENT`] to the UI when a sync starts and ends.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tauri::{AppHandle, Emitter, Runtime};
use tokio::sync::Notify;

use keepwarm::sync::background::{self, Facts, NextSync};
use keepwarm::sync::secrets::OsKeyring;
use keepwarm::Store;

/// Event telling the UI that a sync started or ended; no payload: ask `sync_status`.
pub const SYNC_CHANGED_EVENT: &str = "sync-changed";

/// How often the loop looks for local changes (a cheap `data_version` read):
/// well under the 30 s that a change waits before it is sent.
pub const LOOK_EVERY: Duration = Duration::from_secs(5);

/// The running loop, as the commands see it.
pub struct SyncLoop {
    wake: Arc<Notify>,
    next_at: Arc<Mutex<Option<DateTime<Utc>>>>,
}

impl SyncLoop {
    /// Starts the loop on its own connection to the database at `db_path`.
    pub fn start<R: Runtime>(app: AppHandle<R>, db_path: PathBuf) -> SyncLoop {
        let wake = Arc::new(Notify::new());
        let next_at = Arc::new(Mutex::new(None));
        let (woken, next) = (wake.clone(), next_at.clone());
        tauri::async_runtime::spawn(async move {
            let store = match Store::open(&db_path) {
                Ok(store) => store,
                Err(e) => {
                    eprintln!("keepwarm-desktop: background sync is off: {e}");
                    return;
                }
            };
            run(app, store, woken, next).await;
        });
        SyncLoop { wake, next_at }
    }

    /// Makes the loop look again now (the account or the interval changed).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// When the loop means to sync next, if it does.
    pub fn next_at(&self) -> Option<DateTime<Utc>> {
        *self.next_at.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What the loop remembers between looks.
struct Seen {
    started_at: DateTime<Utc>,
    data_version: Option<i64>,
    last_change_at: Option<DateTime<Utc>>,
}

async fn run<R: Runtime>(
    app: AppHandle<R>,
    mut store: Store,
    wake: Arc<Notify>,
    next_at: Arc<Mutex<Option<DateTime<Utc>>>>,
) {
    let mut seen = Seen {
        started_at: Utc::now(),
        data_version: None,
        last_change_at: None,
    };
    loop {
        // SQLite and HTTP block: they run off the async workers.
        let looked = tauri::async_runtime::spawn_blocking(move || {
            let next = look(&mut store, &mut seen, Utc::now());
            (store, seen, next)
        })
        .await;
        let next;
        (store, seen, next) = match looked {
            Ok(looked) => looked,
            Err(e) => {
                eprintln!("keepwarm-desktop: background sync stopped: {e}");
                return;
            }
        };
        let due = match next {
            NextSync::Never => None,
            NextSync::At(at) => Some(at),
        };
        *next_at.lock().unwrap_or_else(|p| p.into_inner()) = due;
        if due.is_some_and(|at| at <= Utc::now()) {
            let _ = app.emit(SYNC_CHANGED_EVENT, ());
            let synced = tauri::async_runtime::spawn_blocking(move || {
                if let Err(e) = keepwarm::sync::sync_if_free(&mut store, &OsKeyring) {
                    // Recorded by the library for the status; the log says it too.
                    eprintln!("keepwarm-desktop: background sync failed: {e}");
                }
                store
            })
            .await;
            store = match synced {
                Ok(store) => store,
                Err(e) => {
                    eprintln!("keepwarm-desktop: background sync stopped: {e}");
                    return;
                }
            };
            let _ = app.emit(SYNC_CHANGED_EVENT, ());
            // A sync by someone else (the lock was taken) also counts as an
            // attempt, so the next look finds a later time, not a busy loop.
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        }
        let nap = due
            .and_then(|at| (at - Utc::now()).to_std().ok())
            .unwrap_or(LOOK_EVERY)
            .min(LOOK_EVERY);
        tokio::select! {
            () = tokio::time::sleep(nap) => {}
            () = wake.notified() => {}
        }
    }
}

/// One look: notes a change of the database, gathers the facts and asks the
/// library when to sync. Errors reading the database mean "not now".
fn look(store: &mut Store, seen: &mut Seen, now: DateTime<Utc>) -> NextSync {
    let version = store.data_version().ok();
    if seen.data_version.is_some() && version != seen.data_version {
        seen.last_change_at = Some(now);
    }
    seen.data_version = version;
    match facts(store, seen) {
        Ok(facts) => background::next_sync(&facts),
        Err(e) => {
            eprintln!("keepwarm-desktop: background sync: {e}");
            NextSync::At(now + chrono::Duration::seconds(background::FIRST_RETRY_SECONDS))
        }
    }
}

fn facts(store: &Store, seen: &Seen) -> keepwarm::Result<Facts> {
    let status = keepwarm::sync::status(store)?;
    Ok(Facts {
        configured: status.configured,
        interval_minutes: status.interval_minutes,
        started_at: seen.started_at,
        last_attempt_at: status
            .last_attempt_at
            .as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc)),
        failures: status.failures,
        pending: status.pending,
        last_change_at: seen.last_change_at,
    })
}
