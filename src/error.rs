//! The library's one error type.

use std::path::PathBuf;

use crate::store::ContactRef;

/// Everything that can go wrong inside keepwarm's core.
///
/// Each variant carries the context a user needs to fix the problem (the file,
/// the field, the contact) so a shell can print it as one line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be opened or created.
    #[error("cannot open database {}: {reason}", path.display())]
    OpenDatabase {
        /// The database path as given.
        path: PathBuf,
        /// Why the open failed, in words.
        reason: String,
    },

    /// The database was written by a newer keepwarm; it is left untouched.
    #[error(
        "database {} has schema version {found}, newer than this keepwarm understands ({supported}); \
         upgrade keepwarm — the file was left untouched",
        path.display()
    )]
    DatabaseTooNew {
        /// The database path.
        path: PathBuf,
        /// The `user_version` found in the file.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },

    /// A command that only reads found no database at the path.
    #[error(
        "no keepwarm database at {}; start one with `keepwarm add NAME`, `keepwarm import FILE` or `keepwarm demo`, or pass --db PATH",
        path.display()
    )]
    NoDatabase {
        /// The path looked at.
        path: PathBuf,
    },

    /// A command that changes the database was given one the user may only read.
    #[error(
        "{} may only be read: changing it needs write access to the file and its folder (commands that only read, like `contacts` and `today`, work)",
        path.display()
    )]
    ReadOnlyDatabase {
        /// The database path.
        path: PathBuf,
    },

    /// The file exists but is not a SQLite database.
    #[error("{} is not a keepwarm database: {reason}", path.display())]
    NotADatabase {
        /// The path given as database.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },

    /// Copying the database before a migration failed; nothing was migrated.
    #[error("cannot back up {} to {} before upgrading it: {source}", path.display(), backup.display())]
    Backup {
        /// The database being upgraded.
        path: PathBuf,
        /// Where the copy was to go.
        backup: PathBuf,
        /// The underlying failure.
        source: rusqlite::Error,
    },

    /// A migration script failed; the transaction was rolled back.
    #[error("migration {version} failed: {source}")]
    Migration {
        /// The schema version the script would have produced.
        version: i64,
        /// The underlying failure.
        source: rusqlite::Error,
    },

    /// No contact matches what the user typed.
    #[error("no contact matches '{0}' (give an id, an email or a full name)")]
    ContactNotFound(String),

    /// Nothing the user typed names a contact; the closest names are suggested.
    #[error("no contact matches '{query}'{}", did_you_mean(suggestions))]
    NoContactMatch {
        /// What the user typed.
        query: String,
        /// The live contacts with the most similar names, closest first (maybe none).
        suggestions: Vec<ContactRef>,
    },

    /// Several contacts match a name; the user must pick one.
    #[error("'{query}' matches {count} contacts ({}); use an id or an email", listing(candidates, *count))]
    AmbiguousContact {
        /// What the user typed.
        query: String,
        /// How many contacts match.
        count: usize,
        /// The first few of them (at most [`CANDIDATES_LISTED`](crate::store::CANDIDATES_LISTED)).
        candidates: Vec<ContactRef>,
    },

    /// The contact asked for is in the trash.
    #[error("contact #{id} {name} is in the trash{}; bring it back with `keepwarm restore {id}`", deleted_on.map(|d| format!(" since {d}")).unwrap_or_default())]
    ContactInTrash {
        /// The contact's id.
        id: i64,
        /// Their name.
        name: String,
        /// The day it was deleted, when known.
        deleted_on: Option<chrono::NaiveDate>,
    },

    /// A name matches no live contact but several in the trash.
    #[error("'{query}' matches no contact, but {count} in the trash ({}); bring one back with `keepwarm restore ID` (see `keepwarm trash`)", listing(candidates, *count))]
    OnlyInTrash {
        /// What the user typed.
        query: String,
        /// How many contacts in the trash match.
        count: usize,
        /// The first few of them.
        candidates: Vec<ContactRef>,
    },

    /// `restore` was given something that names no contact in the trash.
    #[error("nothing in the trash matches '{0}': restore takes an id or a name of a contact in the trash (see `keepwarm trash`)")]
    NothingInTrash(String),

    /// `restore` was asked for a contact that is not in the trash.
    #[error("#{id} {name} is not in the trash")]
    NotInTrash {
        /// The contact's id.
        id: i64,
        /// Its name.
        name: String,
    },

    /// Another contact already has this email or phone.
    #[error(
        "{value} is already the {field} of #{id} {name}; change that contact with `keepwarm edit {id}` or merge the two with `keepwarm merge`"
    )]
    DuplicateContact {
        /// `email` or `phone`.
        field: String,
        /// The address or number.
        value: String,
        /// The contact that has it.
        id: i64,
        /// That contact's name.
        name: String,
    },

    /// A contact cannot be merged with itself.
    #[error("#{0} cannot be merged with itself")]
    MergeWithItself(i64),

    /// No promise has this id.
    #[error("no promise with id {0}")]
    PromiseNotFound(i64),

    /// A field's value is not acceptable.
    #[error("invalid {field} '{value}': {reason}")]
    InvalidField {
        /// The field or flag, e.g. `--date` or `birthday`.
        field: String,
        /// The rejected value.
        value: String,
        /// What was expected.
        reason: String,
    },

    /// A file to import is malformed; nothing was imported.
    #[error("{}:{line}: {field}: {reason}", file.display())]
    Import {
        /// The file.
        file: PathBuf,
        /// The line (1-based) where the problem is.
        line: usize,
        /// The card, column or property concerned.
        field: String,
        /// What is wrong.
        reason: String,
    },

    /// A file to import is not in any format keepwarm reads.
    #[error("{}: {reason}", file.display())]
    UnknownFormat {
        /// The file.
        file: PathBuf,
        /// What was found instead.
        reason: String,
    },

    /// Sync with a CardDAV/CalDAV server failed.
    #[error(transparent)]
    Sync(#[from] crate::sync::SyncError),

    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// A desktop notification could not be shown (no notification server on the
    /// session bus, or it refused the notification).
    #[error("cannot show a desktop notification: {reason}")]
    Notification {
        /// What D-Bus or the notification server said.
        reason: String,
    },

    /// A file-system failure with the path it concerns.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },
}

impl Error {
    /// Shorthand for [`Error::InvalidField`].
    pub fn invalid(field: &str, value: &str, reason: impl Into<String>) -> Self {
        Error::InvalidField {
            field: field.to_owned(),
            value: value.to_owned(),
            reason: reason.into(),
        }
    }
}

/// `; did you mean #1 Léa Dubois (Acme) or #7 Lea Dumont?`, or how to name a contact.
fn did_you_mean(suggestions: &[ContactRef]) -> String {
    match suggestions {
        [] => " (give an id, an email or a name)".to_owned(),
        [one] => format!("; did you mean {one}?"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(ToString::to_string).collect();
            format!("; did you mean {} or {last}?", first.join(", "))
        }
    }
}

/// `#1 Sam Reed, #2 Sam Reed (Acme)`, and how many more there are.
fn listing(candidates: &[ContactRef], count: usize) -> String {
    let mut text = candidates
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if count > candidates.len() {
        text.push_str(&format!(" and {} more", count - candidates.len()));
    }
    text
}

/// Errors cross into the UI as their message: the front end shows them as text.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
