//! Sync with a CardDAV/CalDAV server: the status, "Sync now", setting up and
//! forgetting the account, and the background sync's interval.
//!
//! For the UI: `sync_status` answers [`SyncState`]; `sync_now` the run's
//! report; `sync_setup { url, user, password }` the status after setup (the
//! password goes straight to the system keyring, never to the database);
//! `sync_forget` and `set_sync_interval { minutes }` the status after them.
//!
//! The commands that talk to the server work on a connection of their own,
//! so the rest of the app stays responsive while they wait for the network;
//! the library's sync lock keeps them apart from the background sync and from
//! `keepwarm sync`.

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use keepwarm::sync::background;
use keepwarm::sync::secrets::OsKeyring;
use keepwarm::sync::{self, Choice, SyncReport, SyncStatus};
use keepwarm::Store;

use super::{with_store, CommandError, CommandResult};
use crate::sync_loop::{SyncLoop, SYNC_CHANGED_EVENT};
use crate::AppState;

/// The status as the Settings view and the status indicator show it.
#[derive(Debug, Serialize)]
pub struct SyncState {
    /// What the library says (account without password, last sync, last
    /// error, pending changes, in progress, interval).
    #[serde(flatten)]
    pub status: SyncStatus,
    /// When the background sync means to run next (UTC, RFC 3339), if it does.
    pub next_at: Option<String>,
}

fn state_of<R: Runtime>(app: &AppHandle<R>, status: SyncStatus) -> SyncState {
    let next_at = app
        .try_state::<SyncLoop>()
        .and_then(|l| l.next_at())
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    SyncState { status, next_at }
}

/// Tells the background loop and the UI that the account or the data changed.
fn changed<R: Runtime>(app: &AppHandle<R>) {
    if let Some(l) = app.try_state::<SyncLoop>() {
        l.wake();
    }
    let _ = app.emit(SYNC_CHANGED_EVENT, ());
}

/// Runs `f` on a connection of its own to the database, off the async workers.
async fn on_own_connection<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> keepwarm::Result<T> + Send + 'static,
) -> CommandResult<T> {
    if let Err(message) = &state.store {
        return Err(CommandError::NoDatabase(message.clone()));
    }
    let path = state.db_path.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut store = Store::open(&path)?;
        f(&mut store)
    })
    .await?
    .map_err(CommandError::from)
}

/// Where sync stands: the account (no password), last sync, last error,
/// pending changes, whether a sync is running, and the next background sync.
#[tauri::command]
pub async fn sync_status<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<SyncState> {
    let status = with_store(&state, |store| sync::status(store))?;
    Ok(state_of(&app, status))
}

/// Syncs now (after a sync already running has ended).
#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<SyncReport> {
    let _ = app.emit(SYNC_CHANGED_EVENT, ());
    let result = on_own_connection(&state, |store| sync::sync_now(store, &OsKeyring)).await;
    changed(&app);
    result
}

/// Sets sync up with the server at `url` as `user`; the password goes to the
/// system keyring. Keepwarm finds the address book and makes its own calendar.
#[tauri::command]
pub async fn sync_setup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    url: String,
    user: String,
    password: String,
) -> CommandResult<SyncState> {
    let status = on_own_connection(&state, move |store| {
        sync::setup(
            store,
            &OsKeyring,
            &url,
            &user,
            &password,
            &Choice::default(),
        )?;
        sync::status(store)
    })
    .await?;
    changed(&app);
    Ok(state_of(&app, status))
}

/// Forgets the account and its password; the data stays here.
#[tauri::command]
pub async fn sync_forget<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<SyncState> {
    let status = on_own_connection(&state, |store| {
        sync::forget(store, &OsKeyring)?;
        sync::status(store)
    })
    .await?;
    changed(&app);
    Ok(state_of(&app, status))
}

/// Sets how often the background sync runs, in minutes (0: off).
#[tauri::command]
pub async fn set_sync_interval<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    minutes: u32,
) -> CommandResult<SyncState> {
    let status = with_store(&state, |store| {
        background::set_interval_minutes(store, minutes)?;
        sync::status(store)
    })?;
    changed(&app);
    Ok(state_of(&app, status))
}
