//! One sync at a time per database, across processes: the desktop app's
//! background sync and `keepwarm sync` in a terminal must not interleave their
//! pulls and pushes.
//!
//! The lock is an OS file lock on `<database>.sync-lock` beside the database,
//! so a process that dies (even by `kill -9`) releases it at once; there is no
//! stale lock to clean up. A database in memory has nobody to share it with.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::SyncError;

/// How often a waiting sync looks again whether the other one has ended.
const POLL: Duration = Duration::from_millis(100);

/// A held sync lock; dropping it releases the lock.
#[derive(Debug)]
pub struct SyncLock {
    _file: Option<File>,
}

/// The lock file of the database at `db`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".sync-lock");
    db.with_file_name(name)
}

fn open(path: &Path) -> Result<File, SyncError> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| lock_error(path, &e))
}

fn lock_error(path: &Path, e: &std::io::Error) -> SyncError {
    SyncError::Lock {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

impl SyncLock {
    /// Takes the lock of the database at `db` (`None`: in memory, nothing to
    /// take), waiting up to `wait` for a sync that holds it to end; `None`
    /// when it did not end in time.
    pub fn acquire(db: Option<&Path>, wait: Duration) -> Result<Option<SyncLock>, SyncError> {
        let Some(db) = db else {
            return Ok(Some(SyncLock { _file: None }));
        };
        let path = lock_path(db);
        let file = open(&path)?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Some(SyncLock { _file: Some(file) })),
                Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(POLL.min(wait));
                }
                Err(TryLockError::WouldBlock) => return Ok(None),
                Err(TryLockError::Error(e)) => return Err(lock_error(&path, &e)),
            }
        }
    }

    /// Whether a sync of the database at `db` is running now (in this process
    /// or another).
    pub fn is_held(db: Option<&Path>) -> bool {
        let Some(db) = db else { return false };
        let path = lock_path(db);
        if !path.exists() {
            return false;
        }
        match open(&path).map(|f| f.try_lock()) {
            Ok(Ok(())) => false,
            Ok(Err(TryLockError::WouldBlock)) => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_sync_waits_for_the_first_and_a_dead_holder_frees_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("k.db");
        assert!(!SyncLock::is_held(Some(&db)));
        let first = SyncLock::acquire(Some(&db), Duration::ZERO)
            .unwrap()
            .unwrap();
        assert!(SyncLock::is_held(Some(&db)));
        let waited = Instant::now();
        let second = SyncLock::acquire(Some(&db), Duration::from_millis(250)).unwrap();
        assert!(second.is_none());
        assert!(waited.elapsed() >= Duration::from_millis(250));
        drop(first);
        assert!(!SyncLock::is_held(Some(&db)));
        assert!(SyncLock::acquire(Some(&db), Duration::ZERO)
            .unwrap()
            .is_some());
        // In memory: always free, never held.
        assert!(SyncLock::acquire(None, Duration::ZERO).unwrap().is_some());
        assert!(!SyncLock::is_held(None));
    }
}
