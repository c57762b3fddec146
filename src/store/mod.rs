//! The SQLite store: one file on the user's machine holds everything.
//!
//! [`Store::open`] is the only way in. It sets the pragmas every connection needs,
//! refuses files it does not understand without touching them, backs a file up
//! before upgrading its schema, and applies the append-only migrations in one
//! transaction.

mod backup;
pub(crate) mod contacts;
mod edit;
mod import;
mod insights;
mod interactions;
mod journal;
mod merge;
mod notify;
mod trash;
pub use backup::{days_to_keep, BackupFile, KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY};
pub use edit::ContactEdit;
pub use import::{ImportMerge, ImportSummary, MatchedBy, PossibleDuplicate, SkippedRecord};
pub use interactions::{LogDetails, LogTarget, Logged, NewInteraction};
pub use journal::{JournalEntry, Undone, UNDO_DEPTH};
pub use merge::{FieldConflict, MergeReport};
pub use planning::PingAction;
pub use promises::PromiseItem;
pub use trash::{TrashedContact, TRASH_DAYS};
mod planning;
mod promises;
mod resolve;
mod search;
mod settings;
pub(crate) use resolve::fold;
pub use resolve::{ContactRef, CANDIDATES_LISTED};
pub use sync_attempts::SyncAttempts;
pub mod sync;
mod sync_attempts;
pub(crate) mod sync_history;
mod sync_plan;
pub use search::{
    SearchField, SearchHit, SearchMatch, HISTORY_SCAN, RANKED_CARDS, SEARCH_CONTACTS_LIMIT,
};

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};

/// The migrations, in order; script `i` takes the schema from version `i` to `i + 1`.
/// Append only: never edit or reorder a script that has shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_promises_and_ping_actions.sql"),
    include_str!("migrations/0003_interaction_latest.sql"),
    include_str!("migrations/0004_contacts_management.sql"),
    include_str!("migrations/0005_search.sql"),
    include_str!("migrations/0006_sync.sql"),
    include_str!("migrations/0007_search_queue.sql"),
    include_str!("migrations/0008_sync_merges.sql"),
    include_str!("migrations/0009_sync_history.sql"),
    include_str!("migrations/0010_sync_attempts.sql"),
    include_str!("migrations/0011_contact_ids.sql"),
    include_str!("migrations/0012_card_prefixes.sql"),
    include_str!("migrations/0013_history_in_one_piece.sql"),
    include_str!("migrations/0014_absence_notes.sql"),
    include_str!("migrations/0015_dated_notes.sql"),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

// The upgrade test starts from version 1 and needs something to upgrade to.
const _: () = assert!(SCHEMA_VERSION >= 2);

/// SQLite's page cache per connection (negative: in KiB): 32 MB keeps big
/// imports and the demo in memory until commit, and the pages of the search
/// indexes that searches keep reading (SQLite's default is 2 MB).
const PAGE_CACHE: i64 = -32_000;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A point in a store's history of writes; see [`Store::change_stamp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeStamp {
    /// Commits by other connections (SQLite's `data_version`).
    others: i64,
    /// Rows written through this connection since it opened.
    own: u64,
}

/// An open keepwarm database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Opened with [`Store::open_read_only`]: writes fail, no backups are taken.
    read_only: bool,
    /// The day to act as today (`--today`); the local date when `None`.
    today: Option<chrono::NaiveDate>,
    /// The day this process last took (or found) the daily backup.
    backed_up_on: Option<chrono::NaiveDate>,
    /// Things the user should hear about that did not stop the work (see [`Store::take_warnings`]).
    warnings: Vec<String>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// A new file is created with mode 0600. A file from a newer keepwarm, or one
    /// that is not a keepwarm database, is refused and left byte-for-byte untouched.
    /// Before an existing database is upgraded, a copy is written beside it
    /// (see [`backup_path`]).
    pub fn open(path: &Path) -> Result<Store> {
        let open_error = |reason: String| Error::OpenDatabase {
            path: path.to_owned(),
            reason,
        };
        if path.is_dir() {
            return Err(open_error("it is a folder, not a file".into()));
        }
        create_private_file(path).map_err(|e| open_error(e.to_string()))?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| open_error(e.to_string()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let read_only = || Error::ReadOnlyDatabase {
            path: path.to_owned(),
        };
        // SQLite falls back to reading a file it may not write.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(read_only());
        }
        let found = read_schema_version(&conn, path).map_err(|e| match e {
            // The folder refuses the -wal and -shm files a writer needs.
            Error::OpenDatabase { ref reason, .. } if reason.contains("readonly") => read_only(),
            other => other,
        })?;
        if found > SCHEMA_VERSION {
            return Err(Error::DatabaseTooNew {
                path: path.to_owned(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found == 0 && has_tables(&conn)? {
            return Err(Error::NotADatabase {
                path: path.to_owned(),
                reason: "it holds tables but no keepwarm schema".into(),
            });
        }

        set_pragmas(&conn)?;
        let mut store = Store::wrap(conn, Some(path.to_owned()));
        if found > 0 && found < SCHEMA_VERSION {
            store.backup_before_upgrade(found)?;
        }
        store.migrate()?;
        store.index_queued_writes()?;
        Ok(store)
    }

    /// Opens an existing database for reading only: never creates a file, never
    /// takes a write lock, and works on a file the user may only read. A database
    /// from an older keepwarm is upgraded first when the file may be written.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::NoDatabase {
                path: path.to_owned(),
            });
        }
        if path.is_dir() {
            return Err(Error::OpenDatabase {
                path: path.to_owned(),
                reason: "it is a folder, not a file".into(),
            });
        }
        let (conn, found) = open_for_reading(path)?;
        if found > SCHEMA_VERSION {
            return Err(Error::DatabaseTooNew {
                path: path.to_owned(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found == 0 {
            return Err(Error::NotADatabase {
                path: path.to_owned(),
                reason: if has_tables(&conn)? {
                    "it holds tables but no keepwarm schema".into()
                } else {
                    "the file is empty".into()
                },
            });
        }
        if found < SCHEMA_VERSION {
            drop(conn);
            return Store::open(path);
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", PAGE_CACHE)?;
        // Reads map the file rather than copy it page by page: a plan reads
        // pages of the history all over the file, one system call each otherwise.
        conn.pragma_update(None, "mmap_size", READ_MMAP_BYTES)?;
        let mut store = Store::wrap(conn, Some(path.to_owned()));
        store.read_only = true;
        Ok(store)
    }

    /// Opens a fresh database in memory (tests, benchmarks, dry runs).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        set_pragmas(&conn)?;
        let mut store = Store::wrap(conn, None);
        store.migrate()?;
        Ok(store)
    }

    fn wrap(conn: Connection, path: Option<PathBuf>) -> Store {
        Store {
            conn,
            path,
            read_only: false,
            today: None,
            backed_up_on: None,
            warnings: Vec::new(),
        }
    }

    /// Acts as if today were `day` (the CLI's `--today`): the daily backup and
    /// the dates the store records by itself follow it.
    pub fn set_today(&mut self, day: chrono::NaiveDate) {
        self.today = Some(day);
    }

    /// The day the store acts as today.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Warnings gathered since the last call (e.g. a daily backup that failed),
    /// for the shell to show.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// A number that changes whenever another connection commits to the database
    /// (SQLite's `data_version`): cheap to ask, for caches of derived data.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?)
    }

    /// Where the database stands: equal stamps from the same store mean no row was
    /// written since, by this connection or any other (a cache of derived data, such
    /// as a screen worked out ahead of time, is still right). Schema changes made
    /// through this connection are not counted; they happen only as it opens.
    pub fn change_stamp(&self) -> Result<ChangeStamp> {
        Ok(ChangeStamp {
            others: self.data_version()?,
            own: self.conn.total_changes(),
        })
    }

    /// Applies every migration the database has not seen yet, all in one transaction.
    fn migrate(&mut self) -> Result<()> {
        // IMMEDIATE takes the write lock first, so two processes opening a new file
        // at once cannot both migrate it.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        for (index, script) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
            let version = index as i64 + 1;
            tx.execute_batch(script)
                .and_then(|()| tx.pragma_update(None, "user_version", version))
                .map_err(|source| Error::Migration { version, source })?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Writes a consistent copy of the database (WAL included) beside it.
    fn backup_before_upgrade(&self, from_version: i64) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let backup = backup_path(path, from_version);
        let backup_error = |source| Error::Backup {
            path: path.clone(),
            backup: backup.clone(),
            source,
        };
        if backup.exists() {
            // A copy from an earlier, interrupted upgrade of the same version: the
            // database is still at that version, so a fresh copy replaces it.
            std::fs::remove_file(&backup).map_err(|source| Error::Io {
                path: backup.clone(),
                source,
            })?;
        }
        let target = backup.to_string_lossy().into_owned();
        self.conn
            .execute("VACUUM INTO ?1", [&target])
            .map_err(backup_error)?;
        restrict_to_owner(&backup).map_err(|source| Error::Io {
            path: backup.clone(),
            source,
        })?;
        Ok(())
    }
}

/// Opens `path` read-only and reads its schema version.
///
/// A WAL database can only be read where its `-shm` file can be created, or
/// exists: in a folder the user may only read, and with no `-wal` file left
/// (so nothing is waiting to be checkpointed), it is opened as immutable.
fn open_for_reading(path: &Path) -> Result<(Connection, i64)> {
    let open_error = |e: rusqlite::Error| Error::OpenDatabase {
        path: path.to_owned(),
        reason: e.to_string(),
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let first = read_schema_version(&conn, path);
    let cannot_share = |e: &Error| {
        matches!(e, Error::OpenDatabase { .. })
            && conn
                .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
                .err()
                .and_then(|e| e.sqlite_error_code())
                .is_some_and(|code| {
                    matches!(
                        code,
                        rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen
                    )
                })
    };
    match first {
        Ok(found) => Ok((conn, found)),
        Err(e) if cannot_share(&e) && !has_pending_wal(path) => {
            drop(conn);
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(open_error)?;
            let found = read_schema_version(&conn, path)?;
            Ok((conn, found))
        }
        Err(e) => Err(e),
    }
}

/// Whether a `-wal` file with content sits beside the database.
fn has_pending_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}

/// `path` made absolute and percent-encoded for a `file:` URI.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = String::new();
    for byte in absolute.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The default database file: `keepwarm.db` in the platform data folder
/// (`~/.local/share/keepwarm` on Linux), created with mode 0700 when missing.
pub fn default_db_path() -> Result<PathBuf> {
    let dirs =
        directories::ProjectDirs::from("", "", "keepwarm").ok_or_else(|| Error::OpenDatabase {
            path: PathBuf::from("keepwarm.db"),
            reason: "no home folder to keep it in; pass --db PATH or set KEEPWARM_DB".into(),
        })?;
    let folder = dirs.data_dir();
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder).map_err(|source| Error::Io {
        path: folder.to_owned(),
        source,
    })?;
    Ok(folder.join("keepwarm.db"))
}

/// Where the copy taken before upgrading a database from `from_version` goes:
/// `keepwarm.db` → `keepwarm.db.v1.bak`.
pub fn backup_path(db: &Path, from_version: i64) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".v{from_version}.bak"));
    db.with_file_name(name)
}

/// Creates `path` empty with mode 0600 if it does not exist yet.
pub(crate) fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

pub(crate) fn restrict_to_owner(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    let _ = path;
    Ok(())
}

fn read_schema_version(conn: &Connection, path: &Path) -> Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase {
                path: path.to_owned(),
                reason: "the file is not a SQLite database".into(),
            },
            _ => Error::OpenDatabase {
                path: path.to_owned(),
                reason: e.to_string(),
            },
        })
}

fn has_tables(conn: &Connection) -> Result<bool> {
    Ok(
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master)", [], |row| {
            row.get(0)
        })?,
    )
}

/// How much of the file a read-only connection maps into memory.
const READ_MMAP_BYTES: i64 = 1 << 30;

fn set_pragmas(conn: &Connection) -> Result<()> {
    // journal_mode answers with a row, so it is read rather than executed.
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", PAGE_CACHE)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_migrations_apply_in_memory() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn a_first_version_database_is_backed_up_and_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            // A database as the first release left it, with data in it.
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute(
                "INSERT INTO contacts (uid, display_name, created_on) VALUES ('u-1', 'Old Friend', '2020-01-01')",
                [],
            )
            .unwrap();
            conn.execute_batch(
                "INSERT INTO interactions (contact_id, kind, date) VALUES (1, 'call', '2021-03-04');
                 INSERT INTO interactions (contact_id, kind, date) VALUES (1, 'call', '2022-05-06');",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(store.contacts().unwrap()[0].name, "Old Friend");
        // The upgrade created the tables of later migrations and filled them.
        assert!(store.promises().unwrap().is_empty());
        let latest = latest_by_triggers(&store);
        assert_eq!(
            latest,
            vec![(1, "call".to_owned(), "2022-05-06".to_owned(), 2)]
        );

        let backup = backup_path(&path, 1);
        let copy = Connection::open(&backup).unwrap();
        let version: i64 = copy
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let name: String = copy
            .query_row("SELECT display_name FROM contacts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "Old Friend");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        drop(store);
        // Opening again needs no upgrade and leaves the backup alone.
        let again = Store::open(&path).unwrap();
        assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn the_change_stamp_moves_with_every_write_from_anywhere() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stamp.db");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut store = Store::open(&path).unwrap();
        let start = store.change_stamp().unwrap();
        store.contacts().unwrap();
        assert_eq!(
            store.change_stamp().unwrap(),
            start,
            "a read writes nothing"
        );

        let new = crate::model::NewContact {
            name: "Ada Lovelace".to_owned(),
            ..Default::default()
        };
        store.add_contact(&new, day).unwrap();
        let after_own_write = store.change_stamp().unwrap();
        assert_ne!(after_own_write, start, "a write through this store");

        let mut other = Store::open(&path).unwrap();
        let grace = crate::model::NewContact {
            name: "Grace Hopper".to_owned(),
            ..Default::default()
        };
        other.add_contact(&grace, day).unwrap();
        assert_ne!(
            store.change_stamp().unwrap(),
            after_own_write,
            "a write through another connection"
        );
    }

    #[test]
    fn a_new_file_is_private_and_current() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(!backup_path(&path, 0).exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn read_only_and_writable_stores_keep_the_same_page_cache() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let cache = |store: &Store| -> i64 {
            store
                .conn
                .pragma_query_value(None, "cache_size", |r| r.get(0))
                .unwrap()
        };
        let store = Store::open(&path).unwrap();
        assert_eq!(cache(&store), PAGE_CACHE);
        drop(store);
        assert_eq!(cache(&Store::open_read_only(&path).unwrap()), PAGE_CACHE);
    }

    /// The latest-per-kind table, recomputed from scratch.
    fn latest_by_scan(store: &Store) -> Vec<(i64, String, String, i64)> {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT contact_id, kind, date, id FROM (
                   SELECT *, row_number() OVER (PARTITION BY contact_id, kind ORDER BY date DESC, id DESC) AS r
                   FROM interactions) WHERE r = 1 ORDER BY contact_id, kind",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn latest_by_triggers(store: &Store) -> Vec<(i64, String, String, i64)> {
        let mut stmt = store
            .conn
            .prepare("SELECT contact_id, kind, date, interaction_id FROM interaction_latest ORDER BY contact_id, kind")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn latest_interaction_table_follows_inserts_updates_and_deletes() {
        let mut store = Store::open_in_memory().unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        crate::demo::fill_demo(
            &mut store,
            crate::demo::DemoOptions {
                contacts: 20,
                interactions: 300,
                seed: 5,
            },
            day,
        )
        .unwrap();
        assert_eq!(latest_by_triggers(&store), latest_by_scan(&store));
        store
            .conn
            .execute_batch(
                "DELETE FROM interactions WHERE id % 7 = 0;
                 UPDATE interactions SET date = '2026-11-01' WHERE id % 11 = 0;
                 UPDATE interactions SET kind = 'call' WHERE id % 13 = 0;
                 UPDATE interactions SET contact_id = 1 WHERE id % 17 = 0;
                 INSERT INTO interactions (contact_id, kind, date) VALUES (2, 'gift', '2020-01-01');",
            )
            .unwrap();
        assert_eq!(latest_by_triggers(&store), latest_by_scan(&store));
        store
            .conn
            .execute_batch("DELETE FROM contacts WHERE id = 3")
            .unwrap();
        assert_eq!(latest_by_triggers(&store), latest_by_scan(&store));
    }

    #[test]
    fn backup_name_sits_beside_the_database() {
        assert_eq!(
            backup_path(Path::new("/d/keepwarm.db"), 1),
            PathBuf::from("/d/keepwarm.db.v1.bak")
        );
    }
}
