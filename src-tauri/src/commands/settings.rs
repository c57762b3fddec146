//! Settings, and what the app is working on.

use std::collections::BTreeMap;

use serde::Serialize;
use tauri::State;

use super::{with_store, CommandResult};
use crate::AppState;

/// The planner settings as text, by key (`daily_cap`, `cadence.inner`…).
#[tauri::command]
pub async fn settings(state: State<'_, AppState>) -> CommandResult<BTreeMap<String, String>> {
    with_store(&state, |store| {
        Ok(store
            .planner_settings()?
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect())
    })
}

/// Checks and stores one setting; a bad value is refused with a message.
#[tauri::command]
pub async fn set_setting(
    state: State<'_, AppState>,
    key: String,
    value: String,
) -> CommandResult<()> {
    with_store(&state, |store| store.set_planner_setting(&key, &value))
}

/// Writes a consistent copy of the database now; returns where.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> CommandResult<std::path::PathBuf> {
    with_store(&state, |store| store.backup_now(None))
}

/// The backups kept in the rotation folder, newest first.
#[tauri::command]
pub async fn backups(
    state: State<'_, AppState>,
) -> CommandResult<Vec<keepwarm::store::BackupFile>> {
    with_store(&state, |store| store.backups())
}

/// What the app is working on, for the status bar and Settings.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    db_path: String,
    contacts: i64,
}

/// The database path and its size in contacts.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    let db_path = state.db_path.display().to_string();
    with_store(&state, |store| {
        Ok(AppInfo {
            db_path,
            contacts: store.contact_count()?,
        })
    })
}

/// A number that changes when another program (the CLI) writes to the database.
#[tauri::command]
pub async fn data_version(state: State<'_, AppState>) -> CommandResult<i64> {
    with_store(&state, |store| store.data_version())
}
