//! Import from the UI: a dry run first, then the real thing.

use std::path::PathBuf;

use tauri::State;

use keepwarm::screens;
use keepwarm::store::ImportSummary;

use super::{today, with_store, CommandResult};
use crate::AppState;

/// Imports a contacts file, or with `dry_run` says what an import would do.
#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: PathBuf,
    dry_run: bool,
) -> CommandResult<ImportSummary> {
    with_store(&state, |store| {
        screens::import_file(store, &path, dry_run, today())
    })
}
