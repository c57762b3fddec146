//! Tauri commands for the desktop settings: the digest time, close to tray, and
//! start with the session. Each is one library call (or one autostart call).
//!
//! For the UI: `desktop_settings` reads all three; `set_digest_time { value }`
//! (`"HH:MM"` or `"off"`), `set_close_to_tray { on }` and `set_autostart { on }`
//! change one and answer with all three.

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_autostart::ManagerExt;

use keepwarm::notify;

use crate::digest_loop::DigestLoop;
use crate::AppState;

/// What a desktop setting command can fail with; the UI receives its message.
#[derive(Debug, thiserror::Error)]
pub enum DesktopSettingsError {
    /// The library refused the value (e.g. a digest time that is not `HH:MM`).
    #[error(transparent)]
    Core(#[from] keepwarm::Error),
    /// The database did not open at start-up; the message says why.
    #[error("{0}")]
    NoDatabase(String),
    /// The session's autostart entry could not be read or written.
    #[error("start with the session: {0}")]
    Autostart(String),
}

impl Serialize for DesktopSettingsError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The desktop settings as the Settings view shows them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DesktopSettings {
    /// When the daily digest pops up: `"HH:MM"`, or `"off"`.
    pub digest_time: String,
    /// Closing the window keeps keepwarm running in the tray.
    pub close_to_tray: bool,
    /// keepwarm starts, hidden in the tray, when the user logs in.
    pub autostart: bool,
}

fn read<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
) -> Result<DesktopSettings, DesktopSettingsError> {
    let autostart = app
        .autolaunch()
        .is_enabled()
        .map_err(|e| DesktopSettingsError::Autostart(e.to_string()))?;
    with_store(state, |store| {
        Ok(DesktopSettings {
            digest_time: notify::format_digest_time(notify::digest_time(store)?),
            close_to_tray: notify::close_to_tray(store)?,
            autostart,
        })
    })
}

fn with_store<T>(
    state: &AppState,
    f: impl FnOnce(&mut keepwarm::Store) -> keepwarm::Result<T>,
) -> Result<T, DesktopSettingsError> {
    let store = state
        .store
        .as_ref()
        .map_err(|message| DesktopSettingsError::NoDatabase(message.clone()))?;
    let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
    Ok(f(&mut store)?)
}

/// The digest time, close to tray and start with the session.
#[tauri::command]
pub fn desktop_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<DesktopSettings, DesktopSettingsError> {
    read(&app, &state)
}

/// Sets the digest time (`"HH:MM"` or `"off"`); the loop follows at once.
#[tauri::command]
pub fn set_digest_time<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    value: String,
) -> Result<DesktopSettings, DesktopSettingsError> {
    with_store(&state, |store| notify::set_digest_time(store, &value))?;
    if let Some(digest) = app.try_state::<DigestLoop>() {
        digest.wake();
    }
    read(&app, &state)
}

/// Sets whether closing the window keeps keepwarm in the tray.
#[tauri::command]
pub fn set_close_to_tray<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    on: bool,
) -> Result<DesktopSettings, DesktopSettingsError> {
    with_store(&state, |store| notify::set_close_to_tray(store, on))?;
    read(&app, &state)
}

/// Turns starting with the session on or off (an XDG autostart entry that
/// starts keepwarm hidden in the tray).
#[tauri::command]
pub fn set_autostart<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    on: bool,
) -> Result<DesktopSettings, DesktopSettingsError> {
    let autolaunch = app.autolaunch();
    let changed = if on {
        autolaunch.enable()
    } else {
        autolaunch.disable()
    };
    changed.map_err(|e| DesktopSettingsError::Autostart(e.to_string()))?;
    read(&app, &state)
}
