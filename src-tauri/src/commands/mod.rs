//! Tauri commands: each is one library call plus conversion, grouped by screen.
//!
//! Every command is `async` so that it runs on the async runtime's threads, never
//! on the main thread that also paints the window.

pub mod conference;
pub mod contacts;
pub mod import;
pub mod insights;
pub mod plan;
pub mod settings;
pub mod sync;
pub mod today;

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::AppState;

/// What a command can fail with; the UI shows its message, beside the field it names.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// The library refused the request.
    #[error(transparent)]
    Core(#[from] keepwarm::Error),
    /// The database did not open at start-up; the message says why.
    #[error("{0}")]
    NoDatabase(String),
    /// The work the command handed to a worker thread did not come back (it
    /// panicked or the app is quitting).
    #[error("the command stopped before it finished: {0}")]
    Interrupted(#[from] tauri::Error),
}

/// Sent to the UI as `{ kind, message, field? }`.
impl Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (kind, field) = match self {
            CommandError::Core(keepwarm::Error::InvalidField { field, .. }) => {
                ("invalid_field", Some(field.as_str()))
            }
            CommandError::Core(keepwarm::Error::ContactNotFound(_)) => ("not_found", None),
            CommandError::Core(keepwarm::Error::AmbiguousContact { .. }) => ("ambiguous", None),
            CommandError::Core(keepwarm::Error::Import { .. })
            | CommandError::Core(keepwarm::Error::UnknownFormat { .. }) => ("import", None),
            CommandError::Core(keepwarm::Error::Sync(e)) => (sync_kind(e), None),
            CommandError::Core(_) => ("library", None),
            CommandError::NoDatabase(_) => ("no_database", None),
            CommandError::Interrupted(_) => ("interrupted", None),
        };
        let mut s = serializer.serialize_struct("CommandError", 3)?;
        s.serialize_field("kind", kind)?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("field", &field)?;
        s.end()
    }
}

/// The kind of a sync failure, so the UI can say what to do about it.
fn sync_kind(e: &keepwarm::sync::SyncError) -> &'static str {
    use keepwarm::sync::SyncError;
    match e {
        SyncError::Unauthorized { .. } | SyncError::NoPassword { .. } => "sync_unauthorized",
        SyncError::Unreachable { .. } => "sync_unreachable",
        SyncError::InvalidUrl { .. } | SyncError::NotDav { .. } => "sync_address",
        SyncError::Busy => "sync_busy",
        _ => "sync",
    }
}

/// The result of every command.
pub type CommandResult<T> = Result<T, CommandError>;

/// Runs `f` with the open store, or says why there is none.
fn with_store<T>(
    state: &AppState,
    f: impl FnOnce(&mut keepwarm::Store) -> keepwarm::Result<T>,
) -> CommandResult<T> {
    let store = state
        .store
        .as_ref()
        .map_err(|message| CommandError::NoDatabase(message.clone()))?;
    // A panic in another command poisons the lock; the data behind it is still sound.
    let mut guard = store
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Ok(f(&mut guard)?)
}

/// The user's local date: the app always acts on the day as the user sees it.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
