//! Helpers the integration tests share: run the real `keepwarm` binary against
//! a database, as of a fixed day.

#![allow(dead_code)] // each test file uses its own subset

pub mod servers;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use tempfile::TempDir;

/// The day the tests act as today (a Thursday).
pub const TODAY: &str = "2026-11-26";

/// Runs `keepwarm --db DB --today DAY ARGS…` (ignoring any KEEPWARM_DB around).
pub fn keepwarm_on(db: &Path, today: &str, args: &[&str]) -> Output {
    assert_cmd::Command::cargo_bin("keepwarm")
        .expect("the keepwarm binary is built")
        .env_remove("KEEPWARM_DB")
        .arg("--db")
        .arg(db)
        .args(["--today", today])
        .args(args)
        .output()
        .expect("keepwarm runs")
}

/// Runs keepwarm as of [`TODAY`].
pub fn keepwarm(db: &Path, args: &[&str]) -> Output {
    keepwarm_on(db, TODAY, args)
}

/// Runs keepwarm, which must succeed; returns its stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = keepwarm(db, args);
    assert!(
        out.status.success(),
        "keepwarm {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A temporary folder holding one database.
pub struct Db {
    _dir: TempDir,
    /// The database file.
    pub path: PathBuf,
}

impl Db {
    /// An empty database in a fresh folder.
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("keepwarm.db");
        Db { _dir: dir, path }
    }

    /// A small demo database.
    pub fn with_demo() -> Db {
        let db = Db::new();
        db.ok(&[
            "demo",
            "--contacts",
            "30",
            "--interactions",
            "120",
            "--seed",
            "3",
        ]);
        db
    }

    /// Runs keepwarm on this database as of `today`.
    pub fn run_on(&self, today: &str, args: &[&str]) -> Output {
        keepwarm_on(&self.path, today, args)
    }

    /// Runs keepwarm on this database as of [`TODAY`].
    pub fn run(&self, args: &[&str]) -> Output {
        keepwarm(&self.path, args)
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        ok(&self.path, args)
    }

    /// Runs a command that must succeed and print JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON output")
    }

    /// The database file's bytes.
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).expect("database file")
    }
}

/// Every row of every table of the database at `path`, as text, table by table
/// (sorted), leaving out the undo journal, the id counter (undo leaves it
/// alone, so no id comes back) and the search index's internals:
/// two databases with equal dumps hold the same data.
pub fn dump_tables(path: &Path) -> Vec<(String, Vec<String>)> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("database opens");
    let virtual_tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("schema");
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'journal'
             AND name NOT LIKE 'sqlite_%' AND name != 'id_high_water' ORDER BY name",
        )
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("schema");
    tables
        .into_iter()
        .filter(|t: &String| {
            !virtual_tables
                .iter()
                .any(|v| t == v || t.starts_with(&format!("{v}_")))
        })
        .map(|table| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{table}\""))
                .expect("table reads");
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    Ok((0..columns)
                        .map(|i| format!("{:?}", r.get_ref(i).expect("column")))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .and_then(|rows| rows.collect())
                .expect("rows read");
            rows.sort();
            (table, rows)
        })
        .collect()
}
