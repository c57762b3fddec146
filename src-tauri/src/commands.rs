//! Tauri commands: each is one library call plus conversion.

use serde::Serialize;
use tauri::State;

use keepwarm::model::Contact;

use crate::AppState;

/// What a command can fail with; the UI receives it as its message.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// The library refused the request.
    #[error(transparent)]
    Core(#[from] keepwarm::Error),
    /// The database did not open at start-up; the message says why.
    #[error("{0}")]
    NoDatabase(String),
}

impl Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Runs `f` with the open store, or says why there is none.
fn with_store<T>(
    state: &AppState,
    f: impl FnOnce(&keepwarm::Store) -> keepwarm::Result<T>,
) -> Result<T, CommandError> {
    let store = state
        .store
        .as_ref()
        .map_err(|message| CommandError::NoDatabase(message.clone()))?;
    // A panic in another command poisons the lock; the data behind it is still sound.
    let guard = store
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Ok(f(&guard)?)
}

/// All contacts, or those matching `search`.
#[tauri::command]
pub fn list_contacts(
    state: State<'_, AppState>,
    search: Option<String>,
) -> Result<Vec<Contact>, CommandError> {
    with_store(&state, |store| match search.as_deref() {
        Some(q) => store.search_contacts(q),
        None => store.contacts(),
    })
}

/// Whether the calendar feed runs, and its URL.
#[tauri::command]
pub fn feed_status(state: State<'_, AppState>) -> crate::feed::FeedStatus {
    state
        .feed
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .status()
}

/// Turns the calendar feed on or off (remembered for the next start).
#[tauri::command]
pub fn set_feed_enabled(
    state: State<'_, AppState>,
    enabled: bool,
) -> Result<crate::feed::FeedStatus, CommandError> {
    let store = state
        .store
        .as_ref()
        .map_err(|message| CommandError::NoDatabase(message.clone()))?;
    let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
    store.set_setting(
        keepwarm::feed::ENABLED_SETTING,
        if enabled { "true" } else { "false" },
    )?;
    let mut runner = state.feed.lock().unwrap_or_else(|p| p.into_inner());
    if enabled {
        Ok(runner.start(&mut store, &state.db_path))
    } else {
        runner.stop();
        Ok(runner.status())
    }
}

/// What the app is working on, for the status bar.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    db_path: String,
    contacts: i64,
}

/// The database path and its size in contacts.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    let db_path = state.db_path.display().to_string();
    with_store(&state, |store| {
        Ok(AppInfo {
            db_path,
            contacts: store.contact_count()?,
        })
    })
}
