//! Backups: a consistent copy of the database on demand, and a daily one by itself.
//!
//! The first write of each day copies the database (as it was before that write)
//! into `backups/` beside it with SQLite's online backup API, then thins the
//! folder out: the newest backup of each of the last 7 days, of each of the last
//! 4 weeks and of each of the last 12 months stay; older ones go. Copies are
//! mode 0600, like the database.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use serde::Serialize;

use super::{restrict_to_owner, Store};
use crate::error::{Error, Result};

/// Daily backups kept.
const KEEP_DAILY: usize = 7;
/// Weekly backups kept (the newest of each ISO week).
const KEEP_WEEKLY: usize = 4;
/// Monthly backups kept (the newest of each month).
const KEEP_MONTHLY: usize = 12;

/// One backup file in the rotation folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupFile {
    /// Where it is.
    pub path: PathBuf,
    /// The day it was taken.
    pub day: NaiveDate,
    /// Its size in bytes.
    pub bytes: u64,
}

impl Store {
    /// The folder daily backups go to: `backups/` beside the database.
    pub fn backup_folder(&self) -> Option<PathBuf> {
        let path = self.path.as_ref()?;
        Some(path.with_file_name("backups"))
    }

    /// Writes a consistent copy of the database now: to `out`, or into the backup
    /// folder under today's name. Returns where it went.
    pub fn backup_now(&self, out: Option<&Path>) -> Result<PathBuf> {
        let target = match out {
            Some(path) => path.to_owned(),
            None => {
                let folder = self.backup_folder().ok_or_else(|| Error::OpenDatabase {
                    path: PathBuf::from(":memory:"),
                    reason: "a database in memory has no file to back up".into(),
                })?;
                create_private_folder(&folder)?;
                folder.join(self.backup_name(self.today()))
            }
        };
        self.copy_to(&target)?;
        Ok(target)
    }

    /// The daily backups in the rotation folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        let Some(folder) = self.backup_folder() else {
            return Ok(Vec::new());
        };
        let prefix = self.backup_prefix();
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Io {
                    path: folder,
                    source,
                })
            }
        };
        let mut files = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(day) = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".db"))
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            else {
                continue;
            };
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            files.push(BackupFile {
                path: entry.path(),
                day,
                bytes,
            });
        }
        files.sort_by_key(|b| std::cmp::Reverse(b.day));
        Ok(files)
    }

    /// Takes the day's backup before the first write of the day, once per day
    /// and process. A failure does not stop the write: it becomes a warning.
    pub(crate) fn before_write(&mut self) -> Result<()> {
        if self.path.is_none() || self.read_only {
            return Ok(());
        }
        let today = self.today();
        if self.backed_up_on == Some(today) {
            return Ok(());
        }
        self.backed_up_on = Some(today);
        if let Err(e) = self.daily_backup(today) {
            self.warnings
                .push(format!("the daily backup could not be written: {e}"));
        }
        // After the backup, which still holds them.
        self.purge_trash(today)?;
        Ok(())
    }

    fn daily_backup(&mut self, today: NaiveDate) -> Result<()> {
        let Some(folder) = self.backup_folder() else {
            return Ok(());
        };
        let target = folder.join(self.backup_name(today));
        if target.exists() {
            return Ok(());
        }
        // A database with no data yet has nothing worth keeping.
        let has_data: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM settings)",
            [],
            |r| r.get(0),
        )?;
        if !has_data {
            return Ok(());
        }
        create_private_folder(&folder)?;
        self.copy_to(&target)?;
        let days: Vec<NaiveDate> = self.backups()?.iter().map(|b| b.day).collect();
        let keep = days_to_keep(&days);
        for file in self.backups()? {
            if !keep.contains(&file.day) {
                std::fs::remove_file(&file.path).map_err(|source| Error::Io {
                    path: file.path.clone(),
                    source,
                })?;
            }
        }
        Ok(())
    }

    /// Copies the live database (WAL included) to `target` through a temporary file.
    fn copy_to(&self, target: &Path) -> Result<()> {
        let io_error = |source| Error::Io {
            path: target.to_owned(),
            source,
        };
        let mut temporary = target.as_os_str().to_owned();
        temporary.push(format!(".tmp-{}", std::process::id()));
        let temporary = PathBuf::from(temporary);
        let _ = std::fs::remove_file(&temporary);
        // Created private before SQLite writes a byte into it.
        super::create_private_file(&temporary).map_err(io_error)?;
        let result = self
            .conn
            .backup(MAIN_DB, &temporary, None::<fn(rusqlite::backup::Progress)>)
            .map_err(Error::from)
            .and_then(|()| {
                // The copy is a plain rollback-journal file: one file holds it all.
                let copy = Connection::open_with_flags(
                    &temporary,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                let _mode: String =
                    copy.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
                drop(copy);
                restrict_to_owner(&temporary).map_err(io_error)?;
                std::fs::rename(&temporary, target).map_err(io_error)
            });
        if result.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        result
    }

    fn backup_prefix(&self) -> String {
        let stem = self
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "keepwarm".into());
        format!("{stem}-")
    }

    fn backup_name(&self, day: NaiveDate) -> String {
        format!("{}{day}.db", self.backup_prefix())
    }
}

/// Which of the days that have a backup stay: the newest of each of the last
/// [`KEEP_DAILY`] days, [`KEEP_WEEKLY`] ISO weeks and [`KEEP_MONTHLY`] months.
pub fn days_to_keep(days: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut newest_first: Vec<NaiveDate> = days.to_vec();
    newest_first.sort_unstable_by_key(|d| std::cmp::Reverse(*d));
    newest_first.dedup();
    let mut keep: BTreeSet<NaiveDate> = newest_first.iter().take(KEEP_DAILY).copied().collect();
    let mut newest_of = |bucket: &dyn Fn(NaiveDate) -> (i32, u32), count: usize| {
        let mut seen = Vec::new();
        for &day in &newest_first {
            let key = bucket(day);
            if !seen.contains(&key) {
                if seen.len() == count {
                    break;
                }
                seen.push(key);
                keep.insert(day);
            }
        }
    };
    newest_of(&|d| (d.iso_week().year(), d.iso_week().week()), KEEP_WEEKLY);
    newest_of(&|d| (d.year(), d.month()), KEEP_MONTHLY);
    keep
}

fn create_private_folder(folder: &Path) -> Result<()> {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn rotation_keeps_seven_days_four_weeks_twelve_months() {
        // A backup every day for two years.
        let start = d(2025, 1, 1);
        let days: Vec<NaiveDate> = (0..730)
            .map(|i| start + chrono::Duration::days(i))
            .collect();
        let keep = days_to_keep(&days);
        let newest = *days.last().unwrap();
        // The last 7 days.
        for i in 0..7 {
            assert!(keep.contains(&(newest - chrono::Duration::days(i))));
        }
        // 7 daily + up to 4 weekly + up to 12 monthly, overlapping.
        assert!(keep.len() <= 7 + 4 + 12, "{keep:?}");
        assert!(keep.len() >= 12, "{keep:?}");
        // The oldest kept is about a year old, never two.
        let oldest = *keep.iter().next().unwrap();
        assert!(oldest > newest - chrono::Duration::days(366), "{oldest}");
        assert!(oldest < newest - chrono::Duration::days(300), "{oldest}");
        // Twelve distinct months are represented.
        let months: BTreeSet<(i32, u32)> = keep.iter().map(|d| (d.year(), d.month())).collect();
        assert_eq!(months.len(), 12);
    }

    #[test]
    fn few_backups_are_all_kept() {
        let days = [d(2026, 11, 1), d(2026, 11, 2)];
        assert_eq!(days_to_keep(&days).len(), 2);
    }
}
