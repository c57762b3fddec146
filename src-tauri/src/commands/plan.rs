//! The Plan screen: the coming weeks, the .ics export and the calendar feed.

use std::path::PathBuf;

use tauri::State;

use keepwarm::screens::{self, PlanScreen};

use super::{today, with_store, CommandError, CommandResult};
use crate::feed::FeedStatus;
use crate::AppState;

/// The plan for the coming `days` days, grouped by day.
#[tauri::command]
pub async fn plan_screen(state: State<'_, AppState>, days: u32) -> CommandResult<PlanScreen> {
    with_store(&state, |store| screens::plan_screen(store, today(), days))
}

/// Writes the plan for `days` days as an iCalendar file; returns how many pings it holds.
#[tauri::command]
pub async fn export_ics(
    state: State<'_, AppState>,
    path: PathBuf,
    days: u32,
) -> CommandResult<usize> {
    with_store(&state, |store| {
        screens::export_ics(store, &path, today(), days)
    })
}

/// Whether the calendar feed runs, and its URL.
#[tauri::command]
pub async fn feed_status(state: State<'_, AppState>) -> CommandResult<FeedStatus> {
    Ok(state
        .feed
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .status())
}

/// Turns the calendar feed on or off (remembered for the next start).
#[tauri::command]
pub async fn set_feed_enabled(
    state: State<'_, AppState>,
    enabled: bool,
) -> CommandResult<FeedStatus> {
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
