//! The Insights screen.

use tauri::State;

use keepwarm::insights::{self, Insights};

use super::{today, with_store, CommandResult};
use crate::AppState;

/// Pings per week, warmth bands, contacts going cold and the promise keep-rate.
#[tauri::command]
pub async fn insights(state: State<'_, AppState>) -> CommandResult<Insights> {
    with_store(&state, |store| insights::insights(store, today()))
}
