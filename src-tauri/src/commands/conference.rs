//! Conference mode: capture people met at an event, one after another.

use tauri::State;

use keepwarm::screens::{self, Capture, Captured};

use super::{today, with_store, CommandResult};
use crate::AppState;

/// An event met at before, with the last day met there.
#[derive(Debug, serde::Serialize)]
pub struct RecentEvent {
    name: String,
    date: chrono::NaiveDate,
}

/// Events met at recently, newest first (to pick from).
#[tauri::command]
pub async fn recent_events(state: State<'_, AppState>) -> CommandResult<Vec<RecentEvent>> {
    with_store(&state, |store| {
        Ok(store
            .recent_events(20)?
            .into_iter()
            .map(|(name, date)| RecentEvent { name, date })
            .collect())
    })
}

/// Logs the meeting with an existing contact, or creates the person first.
#[tauri::command]
pub async fn capture_person(
    state: State<'_, AppState>,
    capture: Capture,
) -> CommandResult<Captured> {
    with_store(&state, |store| screens::capture(store, &capture, today()))
}
