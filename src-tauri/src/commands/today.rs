//! The Today screen: the day's pings and what the user does with them.

use tauri::State;

use keepwarm::screens::{self, PingRequest, TodayScreen};

use super::{today, with_store, CommandResult};
use crate::AppState;

/// Today's pings, promises first, and the next day's count.
#[tauri::command]
pub async fn today_screen(state: State<'_, AppState>) -> CommandResult<TodayScreen> {
    with_store(&state, |store| {
        let day = today();
        match state.today_prefetch.take(store, day) {
            Some(planned) => Ok(planned),
            None => screens::today_screen(store, day),
        }
    })
}

/// Done, snooze or skip one ping; returns the ping acted on.
#[tauri::command]
pub async fn act_on_ping(
    state: State<'_, AppState>,
    ping_id: String,
    request: PingRequest,
) -> CommandResult<screens::Acted> {
    with_store(&state, |store| {
        screens::act_on_ping(store, &ping_id, &request, today())
    })
}

/// Reverts the latest change (of any kind); returns what it was, in words.
#[tauri::command]
pub async fn undo(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    with_store(&state, |store| Ok(store.undo()?.map(|u| u.label)))
}
