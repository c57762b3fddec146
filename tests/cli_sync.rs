//! `keepwarm sync` as a process, with a real Secret Service (gnome-keyring in
//! a private D-Bus session) and a real Radicale: the password goes to the
//! keyring and nowhere else, and a sync killed half-way finishes on the next
//! run without duplicates or losses.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::servers::{Keyring, Radicale};

const USER: &str = "ann";
const PASSWORD: &str = "s3cret-Pa55word-xyz";

fn keepwarm(db: &Path, keyring: &Keyring, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("keepwarm"));
    cmd.env_remove("KEEPWARM_DB")
        .env("DBUS_SESSION_BUS_ADDRESS", &keyring.bus_address)
        .arg("--db")
        .arg(db)
        .args(["--today", common::TODAY])
        .args(args);
    cmd
}

/// Runs to completion; returns (stdout, stderr), which must not hold the password.
fn run(db: &Path, keyring: &Keyring, args: &[&str], stdin: Option<&str>) -> (String, String) {
    let mut child = keepwarm(db, keyring, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("keepwarm runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("keepwarm finishes");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "keepwarm {args:?}: {stderr}");
    assert!(!stdout.contains(PASSWORD) && !stderr.contains(PASSWORD));
    (stdout, stderr)
}

/// The UIDs of the cards on the server (Radicale's files), repeats included.
fn server_uids(server: &Radicale) -> Vec<String> {
    uids_on_server(server, "vcf")
}

/// The UIDs of the objects with this extension on the server, repeats included.
fn uids_on_server(server: &Radicale, extension: &str) -> Vec<String> {
    let mut uids = Vec::new();
    for book in std::fs::read_dir(server.collections_of(USER))
        .unwrap()
        .flatten()
    {
        if !book.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(book.path()).unwrap().flatten() {
            if file.path().extension().is_some_and(|e| e == extension) {
                let text = std::fs::read_to_string(file.path()).unwrap();
                if let Some(line) = text.lines().find(|l| l.starts_with("UID:")) {
                    uids.push(line[4..].trim().to_owned());
                }
            }
        }
    }
    uids
}

/// The UIDs of the interactions and promises of a database.
fn history_uids(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT uid FROM interactions UNION ALL SELECT uid FROM promises ORDER BY 1")
        .unwrap();
    let uids = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    uids
}

fn contact_uids(db: &Path, keyring: &Keyring) -> HashSet<String> {
    let (out, _) = run(db, keyring, &["contacts", "--json"], None);
    let listed = serde_json::from_str::<serde_json::Value>(&out).unwrap();
    let listed = listed.as_array().map(Vec::len).unwrap_or(0);
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT uid FROM contacts WHERE deleted_on IS NULL")
        .unwrap();
    let uids = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect::<Vec<_>>();
    let set: HashSet<String> = uids.iter().cloned().collect();
    assert_eq!(set.len(), uids.len(), "duplicate contacts");
    assert_eq!(listed, uids.len());
    set
}

fn bytes_of(path: &Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap_or_default();
    for suffix in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        all.extend(std::fs::read(p).unwrap_or_default());
    }
    all
}

/// Contacts and interactions in the killed-sync test.
const CONTACTS: usize = 60;
const INTERACTIONS: usize = 240;

#[test]
fn a_killed_sync_resumes_without_duplicates_and_the_password_stays_in_the_keyring() {
    let keyring =
        Keyring::start().expect("dbus-daemon and gnome-keyring-daemon (scripts/install-deps)");
    let server = Radicale::start(&[(USER, PASSWORD)]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    run(
        &db,
        &keyring,
        &[
            "demo",
            "--contacts",
            &CONTACTS.to_string(),
            "--interactions",
            &INTERACTIONS.to_string(),
            "--seed",
            "9",
        ],
        None,
    );
    let (_, said) = run(
        &db,
        &keyring,
        &[
            "sync",
            "setup",
            &server.url(),
            "--user",
            USER,
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(said.contains("keyring"), "{said}");

    let history = history_uids(&db);
    assert!(
        history.len() > INTERACTIONS,
        "interactions and the demo's promises"
    );

    // Start a sync and kill it (SIGKILL) once the contacts and part of the
    // history are up. Enough entries that a loaded machine's late wake-up
    // still finds the sync mid-way.
    let mut child = keepwarm(&db, &keyring, &["sync"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap_or_default();
    assert!(!String::from_utf8_lossy(&cmdline).contains(PASSWORD));
    let start = Instant::now();
    while uids_on_server(&server, "ics").len() < 20 && start.elapsed() < Duration::from_secs(90) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // A request the server was handling when the client died still lands.
    std::thread::sleep(Duration::from_millis(500));
    let sent_before_kill = uids_on_server(&server, "ics").len();
    assert!(
        (20..history.len()).contains(&sent_before_kill),
        "killed after {sent_before_kill} of {} entries",
        history.len()
    );

    let (out, _) = run(&db, &keyring, &["sync", "--json"], None);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sent_after =
        report["up"]["interactions"].as_u64().unwrap() + report["up"]["promises"].as_u64().unwrap();
    assert!(
        sent_after >= (history.len() - sent_before_kill) as u64,
        "{report}"
    );
    let uids = server_uids(&server);
    assert_eq!(uids.len(), CONTACTS, "no card lost, none twice");
    assert_eq!(uids.iter().collect::<HashSet<_>>().len(), CONTACTS);
    let mut entries = uids_on_server(&server, "ics");
    entries.sort();
    assert_eq!(entries, history, "no entry lost, none twice");

    // A second machine gets exactly the same contacts.
    let other = dir.path().join("b.db");
    run(
        &other,
        &keyring,
        &[
            "sync",
            "setup",
            &server.url(),
            "--user",
            USER,
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    run(&other, &keyring, &["sync"], None);
    assert_eq!(contact_uids(&db, &keyring), contact_uids(&other, &keyring));
    assert_eq!(history_uids(&other), history);

    let (status, _) = run(&db, &keyring, &["sync", "status", "--json"], None);
    let status: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert_eq!(status["pending"], 0);
    assert!(status["last_sync"].is_string());

    // The password is in the keyring, not in the database, its WAL or any output.
    for file in [&db, &other] {
        let bytes = bytes_of(file);
        assert!(!bytes
            .windows(PASSWORD.len())
            .any(|w| w == PASSWORD.as_bytes()));
    }
    let stored = Command::new("secret-tool")
        .env("DBUS_SESSION_BUS_ADDRESS", &keyring.bus_address)
        .args(["lookup", "service", "keepwarm"])
        .output();
    if let Ok(found) = stored {
        if found.status.success() {
            assert_eq!(String::from_utf8_lossy(&found.stdout).trim(), PASSWORD);
        }
    }
}

#[test]
fn sync_before_setup_and_a_wrong_password_say_what_to_do() {
    let keyring =
        Keyring::start().expect("dbus-daemon and gnome-keyring-daemon (scripts/install-deps)");
    let server = Radicale::start(&[(USER, PASSWORD)]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    run(&db, &keyring, &["add", "Ada Lovelace"], None);
    let out = keepwarm(&db, &keyring, &["sync"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sync setup"));
    let mut child = keepwarm(
        &db,
        &keyring,
        &[
            "sync",
            "setup",
            &server.url(),
            "--user",
            USER,
            "--password-stdin",
        ],
    )
    .stdin(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"not the password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("refused the user name or password"), "{said}");
    assert!(!said.contains("not the password"));
    assert_eq!(said.lines().count(), 1, "{said}");
}

#[test]
fn a_failed_sync_is_kept_for_the_status_and_forget_removes_the_account_and_password() {
    let keyring =
        Keyring::start().expect("dbus-daemon and gnome-keyring-daemon (scripts/install-deps)");
    let server = Radicale::start(&[(USER, PASSWORD)]);
    let url = server.url();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    run(&db, &keyring, &["add", "Ada Lovelace"], None);
    run(
        &db,
        &keyring,
        &["sync", "setup", &url, "--user", USER, "--password-stdin"],
        Some(&format!("{PASSWORD}\n")),
    );
    let status = |db: &Path| -> serde_json::Value {
        let (out, _) = run(db, &keyring, &["sync", "status", "--json"], None);
        serde_json::from_str(&out).unwrap()
    };

    // A sync running elsewhere shows in the status.
    {
        let _held = keepwarm::sync::lock::SyncLock::acquire(Some(&db), Duration::ZERO)
            .unwrap()
            .unwrap();
        assert_eq!(status(&db)["in_progress"], true);
    }
    assert_eq!(status(&db)["in_progress"], false);

    // The server goes away: the sync fails, says why, and the status keeps it.
    drop(server);
    let out = keepwarm(&db, &keyring, &["sync"]).output().unwrap();
    assert!(!out.status.success());
    let said = status(&db);
    assert!(
        said["last_error"]
            .as_str()
            .unwrap()
            .contains("cannot reach the server"),
        "{said}"
    );
    assert_eq!(said["failures"], 1);
    assert_eq!(said["pending"], 1, "the local change is still waiting");
    assert!(said["last_sync"].is_null());

    run(&db, &keyring, &["sync", "forget"], None);
    let said = status(&db);
    assert_eq!(said["configured"], false, "{said}");
    assert_eq!(said["pending"], 0);
    let stored = Command::new("secret-tool")
        .env("DBUS_SESSION_BUS_ADDRESS", &keyring.bus_address)
        .args(["lookup", "service", "keepwarm"])
        .output();
    if let Ok(found) = stored {
        assert!(
            found.stdout.is_empty(),
            "the password is gone from the keyring"
        );
    }
    let out = keepwarm(&db, &keyring, &["sync"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("sync setup"));
}
