//! `keepwarm notify` against a real notification server: dunst on a private
//! Xvfb display and session bus (dbus-run-session), every `Notify` call recorded
//! by dbus-monitor.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
mod desktop;
use common::{Db, TODAY};
use desktop::{Desktop, Markup, Seen};

/// A database whose today (a Thursday) holds a birthday, a contact named in
/// markup, a plain contact and two promises due, and tomorrow one more promise.
fn day_with_pings() -> Db {
    let db = Db::new();
    db.ok(&[
        "add",
        "Ana Ruiz",
        "--birthday",
        "1990-11-26",
        "--circle",
        "inner",
    ]);
    db.ok(&["add", "<b>Bold</b> & Co", "--circle", "core"]);
    db.ok(&["add", "Chen Li", "--circle", "network"]);
    db.ok(&["add", "Dara Oyelaran", "--circle", "core"]);
    db.ok(&["promise", "Chen Li", "--due", TODAY, "send the case study"]);
    db.ok(&[
        "promise",
        "<b>Bold</b> & Co",
        "--due",
        TODAY,
        "quote for <i>10</i> seats & support",
    ]);
    db.ok(&[
        "promise",
        "Dara Oyelaran",
        "--due",
        "2026-12-01",
        "intro to Lee",
    ]);
    db
}

fn notify(desktop: &Desktop, db: &Path, today: &str) -> Output {
    desktop
        .command(env!("CARGO_BIN_EXE_keepwarm"))
        .env_remove("KEEPWARM_DB")
        .arg("--db")
        .arg(db)
        .args(["--today", today, "notify"])
        .output()
        .unwrap()
}

fn todays_pings(db: &Db) -> Vec<Value> {
    db.json(&["today", "--json"]).as_array().unwrap().clone()
}

fn is_digest(seen: &Seen) -> bool {
    seen.summary.ends_with(" today") && seen.summary.contains(" ping")
}

#[test]
fn notify_sends_one_digest_and_one_reminder_per_promise_due_to_a_real_server() {
    let db = day_with_pings();
    let pings = todays_pings(&db);
    let promises_today = pings.iter().filter(|p| p["reason"] == "promise").count();
    assert_eq!(promises_today, 2, "{pings:#?}");
    let desktop = Desktop::start(Some(Markup::Full));

    let out = notify(&desktop, &db.path, TODAY);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen = desktop.settle(1 + promises_today);
    eprintln!("{seen:#?}");
    assert_eq!(seen.len(), 1 + promises_today, "{seen:#?}");

    let digests: Vec<&Seen> = seen.iter().filter(|s| is_digest(s)).collect();
    assert_eq!(digests.len(), 1, "exactly one digest: {seen:#?}");
    let digest = digests[0];
    assert_eq!(digest.summary, format!("{} pings today", pings.len()));
    assert_eq!(
        (digest.app.as_str(), digest.icon.as_str()),
        ("keepwarm", "keepwarm-desktop")
    );
    assert!(digest.actions.is_empty(), "the CLI waits for no click");
    // Every name of today's plan, in its order, markup escaped for the server.
    let names: Vec<String> = pings
        .iter()
        .map(|p| keepwarm::notify::escape_markup(p["contact_name"].as_str().unwrap()))
        .collect();
    let mut from = 0;
    for name in &names {
        let at = digest.body[from..]
            .find(name.as_str())
            .unwrap_or_else(|| panic!("{name} missing or out of order in {:?}", digest.body));
        from += at + name.len();
    }
    assert!(
        digest.body.contains("Ana Ruiz (birthday)"),
        "{}",
        digest.body
    );
    assert!(
        digest.body.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co"),
        "{}",
        digest.body
    );

    let reminders: Vec<&Seen> = seen
        .iter()
        .filter(|s| s.summary.starts_with("Promise"))
        .collect();
    assert_eq!(
        reminders.len(),
        promises_today,
        "one per promise due: {seen:#?}"
    );
    let bodies: Vec<&str> = reminders.iter().map(|r| r.body.as_str()).collect();
    assert!(
        bodies.contains(&"Chen Li: send the case study"),
        "{bodies:?}"
    );
    assert!(
        bodies.contains(&"&lt;b&gt;Bold&lt;/b&gt; &amp; Co: quote for &lt;i&gt;10&lt;/i&gt; seats &amp; support"),
        "{bodies:?}"
    );
    assert!(reminders.iter().all(|r| r.summary == "Promise due today"));

    // What dunst renders: the escaped text, which its markup parser shows as `<b>Bold</b> & Co`.
    let shown = desktop.shown_messages();
    assert_eq!(shown.len(), seen.len(), "{shown:#?}");
    assert!(
        shown
            .iter()
            .any(|m| m.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co")),
        "{shown:#?}"
    );

    // The day is recorded: the desktop app will not send it again.
    let store = keepwarm::Store::open(&db.path).unwrap();
    assert_eq!(store.digest_sent_on().unwrap().unwrap().to_string(), TODAY);
}

#[test]
fn a_server_that_reads_no_markup_gets_the_names_as_they_are() {
    let db = day_with_pings();
    let desktop = Desktop::start(Some(Markup::No));
    let out = notify(&desktop, &db.path, TODAY);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen = desktop.settle(3);
    let digest = seen.iter().find(|s| is_digest(s)).unwrap();
    assert!(digest.body.contains("<b>Bold</b> & Co"), "{}", digest.body);
}

#[test]
fn notify_on_a_day_without_pings_sends_nothing_and_says_so() {
    let db = day_with_pings();
    let desktop = Desktop::start(Some(Markup::Full));
    // 28 November 2026 is a Saturday: nothing is planned on a day off.
    assert!(db
        .run_on("2026-11-28", &["today", "--json"])
        .stdout
        .starts_with(b"[]"));
    let out = notify(&desktop, &db.path, "2026-11-28");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Nothing to do today"), "{stderr}");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        desktop.notifications(),
        vec![],
        "no notification on an empty day"
    );
}

#[test]
fn notify_without_a_notification_server_exits_1_with_one_clear_line() {
    let db = day_with_pings();
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("keepwarm")
        .unwrap()
        .env_remove("KEEPWARM_DB")
        .env_remove("DISPLAY")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/no-bus", dir.path().display()),
        )
        .env("XDG_RUNTIME_DIR", dir.path())
        .arg("--db")
        .arg(&db.path)
        .args(["--today", TODAY, "notify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("keepwarm: cannot show a desktop notification: no notification server"),
        "{stderr}"
    );
    // Nothing was sent, so nothing is recorded: the app will still send today's digest.
    let store = keepwarm::Store::open(&db.path).unwrap();
    assert_eq!(store.digest_sent_on().unwrap(), None);
}
