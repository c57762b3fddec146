//! Managing contacts through the `keepwarm` command line, run as a real process
//! against a real SQLite file: show, edit, merge, delete/trash/restore, undo of
//! every kind of change, promise lists, and the bad input each one must refuse.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::process::Output;

use serde_json::Value;

mod common;
use common::{dump_tables, keepwarm, Db, TODAY};

/// Asserts a user error: exit 1, exactly one line on stderr mentioning `needle`, no panic.
fn assert_user_error(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line expected, got: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains(needle), "expected {needle:?} in: {stderr}");
}

fn id_of(db: &Db, args: &[&str]) -> i64 {
    db.ok(args).trim().parse().unwrap()
}

/// A small book: Ada with a meeting and a promise, Bob with a call.
fn small_book() -> (Db, i64, i64) {
    let db = Db::new();
    let ada = id_of(
        &db,
        &[
            "add",
            "Ada Lovelace",
            "--email",
            "ada@example.com",
            "--company",
            "Analytical Engines",
            "--birthday=--12-10",
            "--circle",
            "inner",
            "--interest",
            "sailing",
        ],
    );
    let bob = id_of(&db, &["add", "Bob Byrne", "--phone", "+353 1 555 0100"]);
    db.ok(&[
        "log",
        "ada@example.com",
        "--kind",
        "meeting",
        "--date",
        "2026-11-20",
        "--event",
        "SaaStr Europa",
        "--note",
        "Asked about the ROI calculator",
    ]);
    db.ok(&["log", "Bob Byrne", "--kind", "call", "--date", "2026-10-02"]);
    db.ok(&[
        "promise",
        "Ada Lovelace",
        "--due",
        "2026-12-04",
        "Send",
        "the",
        "case",
        "study",
    ]);
    (db, ada, bob)
}

#[test]
fn show_gives_the_card_timeline_promises_and_next_pings() {
    let (db, ada, _) = small_book();
    let view = db.json(&["show", &ada.to_string(), "--json"]);
    for field in [
        "id",
        "name",
        "emails",
        "phones",
        "company",
        "title",
        "birthday",
        "circle",
        "interests",
        "tags",
        "notes",
        "warmth",
    ] {
        assert!(view.get(field).is_some(), "{field} missing: {view}");
    }
    assert_eq!(view["name"], "Ada Lovelace");
    assert_eq!(view["birthday"], "--12-10");
    let warmth = view["warmth"].as_u64().unwrap();
    assert!((1..=100).contains(&warmth), "{warmth}");
    let interactions = view["interactions"].as_array().unwrap();
    assert_eq!(interactions.len(), 1);
    let meeting = &interactions[0];
    assert_eq!(meeting["kind"], "meeting");
    assert_eq!(meeting["date"], "2026-11-20");
    assert_eq!(meeting["note"], "Asked about the ROI calculator");
    assert_eq!(meeting["event"], "SaaStr Europa");
    assert!(meeting["id"].as_i64().is_some());
    let promises = view["promises"].as_array().unwrap();
    assert_eq!(promises.len(), 1);
    assert_eq!(promises[0]["text"], "Send the case study");
    assert_eq!(promises[0]["due"], "2026-12-04");
    assert_eq!(promises[0]["done_on"], Value::Null);
    let next = view["next_pings"].as_array().unwrap();
    assert!(!next.is_empty());
    for p in next {
        assert_eq!(p["contact_id"], ada);
        for field in ["id", "date", "reason", "suggestion", "why", "warmth"] {
            assert!(p.get(field).is_some(), "{field} missing in {p}");
        }
    }
    // The text form shows the same, for people.
    let text = db.ok(&["show", "Ada Lovelace"]);
    for needle in [
        "Ada Lovelace",
        "Analytical Engines",
        "Timeline",
        "SaaStr Europa",
        "ROI calculator",
        "Send the case study",
        "Next pings",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
}

#[test]
fn every_field_can_be_edited() {
    let (db, ada, _) = small_book();
    let id = ada.to_string();
    db.ok(&[
        "edit",
        &id,
        "--name",
        "Ada King",
        "--company",
        "Babbage & Co",
        "--title",
        "Countess",
        "--birthday",
        "1985-12-10",
        "--circle",
        "core",
        "--add-email",
        "ada@king.example",
        "--remove-email",
        "ADA@example.com",
        "--add-phone",
        "+44 20 7946 0000",
        "--add-interest",
        "poetry",
        "--remove-interest",
        "sailing",
        "--add-tag",
        "Clients",
        "--notes",
        "First note",
        "--append-note",
        "Second note",
    ]);
    let c = db.json(&["show", &id, "--json"]);
    assert_eq!(c["name"], "Ada King");
    assert_eq!(
        (c["given_name"].as_str(), c["family_name"].as_str()),
        (Some("Ada"), Some("King"))
    );
    assert_eq!(c["company"], "Babbage & Co");
    assert_eq!(c["title"], "Countess");
    assert_eq!(c["birthday"], "1985-12-10");
    assert_eq!(c["circle"], "core");
    assert_eq!(c["emails"], serde_json::json!(["ada@king.example"]));
    assert_eq!(c["phones"], serde_json::json!(["+44 20 7946 0000"]));
    assert_eq!(c["interests"], serde_json::json!(["poetry"]));
    assert_eq!(c["tags"], serde_json::json!(["Clients"]));
    assert_eq!(c["notes"], "First note\n\nSecond note");
    // The history stays with the contact.
    assert_eq!(c["interactions"].as_array().unwrap().len(), 1);

    db.ok(&[
        "edit",
        &id,
        "--birthday",
        "none",
        "--company",
        "",
        "--remove-phone",
        "442079460000",
    ]);
    let c = db.json(&["show", &id, "--json"]);
    assert_eq!(c["birthday"], Value::Null);
    assert_eq!(c["company"], Value::Null);
    assert_eq!(c["phones"], serde_json::json!([]));
    db.ok(&["edit", "Ada King", "--birthday=--02-29"]);
    assert_eq!(db.json(&["show", &id, "--json"])["birthday"], "--02-29");
    // The words `add` takes add on `edit` too.
    db.ok(&[
        "edit",
        &id,
        "--tag",
        "Mentor",
        "--interest",
        "chess",
        "--phone",
        "+1 512 555 0100",
        "--email",
        "ada@king.example",
    ]);
    let c = db.json(&["show", &id, "--json"]);
    assert!(
        c["tags"].as_array().unwrap().iter().any(|t| t == "Mentor"),
        "{c}"
    );
    assert!(
        c["interests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "chess"),
        "{c}"
    );
    assert!(
        c["emails"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "ada@king.example"),
        "{c}"
    );
    assert_eq!(c["phones"].as_array().unwrap().len(), 1, "{c}");
}

#[test]
fn edit_checks_like_add_and_changes_nothing_on_error() {
    let (db, ada, bob) = small_book();
    let before = dump_tables(&db.path);
    let id = ada.to_string();
    assert_user_error(
        &db.run(&["edit", &id, "--birthday", "2030-01-01"]),
        "after today",
    );
    assert_user_error(&db.run(&["edit", &id, "--add-email", "nope"]), "email");
    assert_user_error(
        &db.run(&["edit", &id, "--name", &"x".repeat(201)]),
        "201 characters",
    );
    assert_user_error(
        &db.run(&["edit", &id, "--remove-email", "who@else.com"]),
        "not one of",
    );
    assert_user_error(&db.run(&["edit", &id]), "nothing to change");
    // Bob's phone, on Ada: another contact has it.
    let out = db.run(&["edit", &id, "--add-phone", "+353 (1) 555-0100"]);
    assert_user_error(&out, &format!("#{bob} Bob Byrne"));
    assert_eq!(dump_tables(&db.path), before);
}

#[test]
fn merge_moves_history_and_the_old_id_resolves_to_the_kept_contact() {
    let (db, ada, _) = small_book();
    let other = id_of(
        &db,
        &[
            "add",
            "Ada L.",
            "--email",
            "ada.private@example.com",
            "--company",
            "Difference Engines",
            "--title",
            "Mathematician",
            "--interest",
            "poetry",
            "--notes",
            "Met at Web Summit 2024. Loves trail running.",
        ],
    );
    db.ok(&[
        "log",
        &other.to_string(),
        "--kind",
        "email",
        "--date",
        "2026-09-01",
        "--note",
        "Sent slides",
    ]);
    db.ok(&[
        "promise",
        &other.to_string(),
        "--due",
        "2026-12-10",
        "Intro",
        "to",
        "Grace",
    ]);
    // A ping action on the other contact: skip its first ping.
    let plan = db.json(&["plan", "--days", "365", "--json"]);
    let ping = plan
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["contact_id"] == other)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    db.ok(&["skip", &ping]);

    let dry = db.json(&[
        "merge",
        &ada.to_string(),
        &other.to_string(),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(
        db.json(&["contacts", "--json"]).as_array().unwrap().len(),
        3
    );

    let report = db.json(&["merge", &ada.to_string(), &other.to_string(), "--json"]);
    assert_eq!(report["interactions_moved"], 1);
    assert_eq!(report["promises_moved"], 1);
    assert_eq!(report["actions_moved"], 1);
    assert_eq!(report["filled"], serde_json::json!(["title"]));
    let conflicts = report["conflicts"].as_array().unwrap();
    assert!(conflicts.iter().any(|c| c["field"] == "company"
        && c["kept"] == "Analytical Engines"
        && c["other"] == "Difference Engines"));

    let contacts = db.json(&["contacts", "--json"]);
    assert_eq!(contacts.as_array().unwrap().len(), 2);
    let kept = db.json(&["show", &other.to_string(), "--json"]);
    assert_eq!(kept["id"], ada, "the old id resolves to the kept contact");
    assert_eq!(kept["title"], "Mathematician");
    assert_eq!(
        kept["emails"],
        serde_json::json!(["ada@example.com", "ada.private@example.com"])
    );
    assert_eq!(kept["interests"], serde_json::json!(["sailing", "poetry"]));
    let notes = kept["notes"].as_str().unwrap();
    assert!(notes.contains("Loves trail running"), "{notes}");
    assert!(notes.contains("Difference Engines"), "{notes}");
    assert_eq!(kept["interactions"].as_array().unwrap().len(), 2);
    assert_eq!(kept["promises"].as_array().unwrap().len(), 2);
    // Logging against the old id lands on the kept contact.
    db.ok(&["log", &other.to_string(), "--kind", "call", "--date", TODAY]);
    assert_eq!(
        db.json(&["show", &ada.to_string(), "--json"])["interactions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_user_error(
        &db.run(&["merge", "Ada Lovelace", &ada.to_string()]),
        "itself",
    );
    // The merged-away id (the highest so far) is never handed to a new contact:
    // it goes on meaning Ada.
    let carol = id_of(&db, &["add", "Carol Chen"]);
    assert!(
        carol > other,
        "new contact #{carol} took the merged id #{other}"
    );
    assert_eq!(db.json(&["show", &other.to_string(), "--json"])["id"], ada);
    let imported = db.path.with_file_name("dave.csv");
    std::fs::write(
        &imported,
        "First Name,Last Name,E-mail 1 - Value\nDave,Diaz,dave@example.com\n",
    )
    .unwrap();
    db.ok(&["import", imported.to_str().unwrap()]);
    let dave = db.json(&["show", "Dave Diaz", "--json"])["id"]
        .as_i64()
        .unwrap();
    assert!(dave > carol, "imported #{dave}");
}

#[test]
fn deleted_contacts_wait_in_the_trash_and_come_back_whole() {
    let (db, ada, _) = small_book();
    let before = db.json(&["show", &ada.to_string(), "--json"]);
    db.ok(&["delete", "Ada Lovelace"]);
    let names: Vec<String> = db
        .json(&["contacts", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["Bob Byrne"]);
    let plan = db.json(&["plan", "--days", "365", "--json"]);
    assert!(plan
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["contact_id"] != ada));
    let trash = db.json(&["trash", "--json"]);
    let trash = trash.as_array().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0]["id"], ada);
    assert_eq!(trash[0]["deleted_on"], TODAY);
    assert_eq!(trash[0]["interactions"], 1);
    assert_eq!(trash[0]["promises"], 1);
    assert_user_error(&db.run(&["show", &ada.to_string()]), "in the trash");
    let dir = tempfile::tempdir().unwrap();
    let vcf = dir.path().join("out.vcf");
    db.ok(&["export", "vcard", "--out", vcf.to_str().unwrap()]);
    assert!(!std::fs::read_to_string(&vcf).unwrap().contains("Lovelace"));

    db.ok(&["restore", &ada.to_string()]);
    let after = db.json(&["show", &ada.to_string(), "--json"]);
    assert_eq!(after, before);
    assert!(db.json(&["trash", "--json"]).as_array().unwrap().is_empty());
    assert_user_error(&db.run(&["restore", &ada.to_string()]), "not in the trash");
}

#[test]
fn the_trash_empties_itself_after_thirty_days() {
    let (db, ada, bob) = small_book();
    db.ok(&["delete", &ada.to_string()]);
    db.ok(&["delete", &bob.to_string()]);
    // 31 days later, the first write of the day empties what is older than 30 days.
    let out = db.run_on("2026-12-28", &["add", "Carol Chen"]);
    assert!(out.status.success());
    assert!(db.json(&["trash", "--json"]).as_array().unwrap().is_empty());
    assert_user_error(&db.run(&["restore", &ada.to_string()]), "no contact");
    // No new contact takes an emptied id (Bob's was the highest).
    let carol = db.json(&["show", "Carol Chen", "--json"])["id"]
        .as_i64()
        .unwrap();
    assert!(carol > bob, "Carol took #{carol}");
    assert_user_error(&db.run(&["show", &bob.to_string()]), "no contact");
}

/// Runs `args` (which must succeed), then `undo`, and checks that the database is
/// as it was before, table by table.
fn assert_undo_restores(db: &Db, args: &[&str], label: &str) {
    let before = dump_tables(&db.path);
    db.ok(args);
    assert_ne!(dump_tables(&db.path), before, "{args:?} changed nothing");
    let undone = db.json(&["undo", "--json"]);
    let said = undone["undone"]["label"].as_str().unwrap_or_default();
    assert!(
        said.contains(label),
        "undo said {said:?}, expected {label:?}"
    );
    assert_eq!(dump_tables(&db.path), before, "undo of {args:?}");
}

#[test]
fn undo_reverts_each_kind_of_change_exactly() {
    let (db, ada, bob) = small_book();
    let a = ada.to_string();
    let b = bob.to_string();
    assert_undo_restores(
        &db,
        &["add", "Carol Chen", "--email", "carol@example.com"],
        "Added Carol Chen",
    );
    assert_undo_restores(
        &db,
        &["edit", &a, "--company", "Other", "--add-interest", "chess"],
        "Edited Ada",
    );
    assert_undo_restores(
        &db,
        &["log", &a, &b, "--kind", "event", "--event", "Expo"],
        "Logged an event",
    );
    assert_undo_restores(
        &db,
        &["log", "Dana New", "--new", "--kind", "meeting"],
        "Logged a meeting",
    );
    assert_undo_restores(
        &db,
        &["promise", &b, "--due", "2026-12-20", "Call", "back"],
        "Promised Bob",
    );
    let promise = db.json(&["promise", "list", "--json"])[0]["id"]
        .as_i64()
        .unwrap();
    assert_undo_restores(
        &db,
        &["promise", "done", &promise.to_string()],
        "Kept promise",
    );
    assert_undo_restores(&db, &["pause", &b], "Paused Bob");
    assert_undo_restores(&db, &["merge", &a, &b], "Merged Bob");
    assert_undo_restores(&db, &["delete", &a], "Deleted Ada");
    assert_undo_restores(&db, &["settings", "set", "daily_cap", "8"], "daily_cap");
    let today: Vec<String> = db
        .json(&["plan", "--days", "60", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(today.len() >= 3, "{today:?}");
    assert_undo_restores(&db, &["done", &today[0], "--note", "Sent it"], "done");
    assert_undo_restores(&db, &["snooze", &today[0], "3"], "Snoozed");
    assert_undo_restores(&db, &["skip", &today[0]], "Skipped");
    let dir = tempfile::tempdir().unwrap();
    let vcf = dir.path().join("new.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve Import\r\nEMAIL:eve@example.com\r\nEND:VCARD\r\n",
    )
    .unwrap();
    assert_undo_restores(&db, &["import", vcf.to_str().unwrap()], "Imported");
    db.ok(&["delete", &a]);
    assert_undo_restores(&db, &["restore", &a], "Restored Ada");
}

#[test]
fn undo_goes_back_twenty_changes_and_then_says_there_is_nothing() {
    let db = Db::new();
    db.ok(&["add", "Zed Zero"]);
    let start = dump_tables(&db.path);
    for i in 0..25 {
        db.ok(&[
            "log",
            "Zed Zero",
            "--kind",
            "email",
            "--note",
            &format!("note {i}"),
        ]);
    }
    for _ in 0..25 {
        db.ok(&["undo"]);
    }
    assert_eq!(dump_tables(&db.path), start);
    db.ok(&["undo"]); // the add
    let out = db.run(&["undo", "--json"]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["undone"], Value::Null);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nothing to undo"));
}

#[test]
fn promise_list_shows_open_promises_and_all_with_a_flag() {
    let (db, _, bob) = small_book();
    db.ok(&[
        "promise",
        &bob.to_string(),
        "--due",
        "2026-11-20",
        "Send",
        "pricing",
    ]);
    let open = db.json(&["promise", "list", "--json"]);
    let open = open.as_array().unwrap();
    assert_eq!(open.len(), 2);
    // By due date: Bob's is first and six days late.
    assert_eq!(open[0]["contact_name"], "Bob Byrne");
    assert_eq!(open[0]["overdue_days"], 6);
    assert_eq!(open[1]["contact_name"], "Ada Lovelace");
    assert_eq!(open[1]["overdue_days"], 0);
    db.ok(&["promise", "done", &open[0]["id"].to_string()]);
    assert_eq!(
        db.json(&["promise", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let all = db.json(&["promise", "list", "--all", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[0]["done_on"], TODAY);
    let text = db.ok(&["promise", "list"]);
    assert!(text.contains("Send the case study"), "{text}");
    // A promise kept earlier is marked kept on its own day, never a day to come.
    let ada_id = open[1]["id"].clone();
    let ada_promise = ada_id.to_string();
    let out = db.run(&["promise", "done", &ada_promise, "--on", "2030-01-01"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is after today"),
        "{out:?}"
    );
    db.ok(&["promise", "done", &ada_promise, "--on", "2026-11-02"]);
    let all = db.json(&["promise", "list", "--all", "--json"]);
    let kept = all
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == ada_id)
        .unwrap();
    assert_eq!(kept["done_on"], "2026-11-02");
}

#[test]
fn log_takes_a_conference_worth_of_contacts_and_creates_new_ones() {
    let (db, ada, bob) = small_book();
    let logged = db.json(&[
        "log",
        "ada lovelace",
        &bob.to_string(),
        "Chen Li",
        "--kind",
        "event",
        "--event",
        "Web Summit",
        "--note",
        "Booth chat",
        "--new",
        "--json",
    ]);
    let logged = logged.as_array().unwrap();
    assert_eq!(logged.len(), 3);
    assert_eq!(logged[0]["contact_id"], ada);
    assert_eq!(logged[1]["contact_id"], bob);
    assert_eq!(logged[2]["contact_name"], "Chen Li");
    assert_eq!(logged[2]["created"], true);
    let chen = db.json(&["show", "Chen Li", "--json"]);
    assert_eq!(chen["source"], "conference");
    assert_eq!(chen["interactions"][0]["event"], "Web Summit");
    // One new contact named with its details.
    db.ok(&[
        "log",
        "dana@rivers.io",
        "--new",
        "--company",
        "Rivers",
        "--kind",
        "email",
    ]);
    let dana = db.json(&["show", "dana@rivers.io", "--json"]);
    assert_eq!(dana["name"], "Dana");
    assert_eq!(dana["company"], "Rivers");
    // Without --new an unknown name stops everything: nothing is logged.
    let before = dump_tables(&db.path);
    assert_user_error(
        &db.run(&["log", "Ada Lovelace", "Nobody Known", "--kind", "call"]),
        "Nobody Known",
    );
    assert_eq!(dump_tables(&db.path), before);
}

#[test]
fn add_refuses_a_known_email_or_phone_and_warns_about_namesakes() {
    let (db, ada, bob) = small_book();
    let before = dump_tables(&db.path);
    let out = db.run(&["add", "Anna Schmidt", "--email", "ADA@example.com"]);
    assert_user_error(&out, &format!("#{ada} Ada Lovelace"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("keepwarm edit"));
    assert_user_error(
        &db.run(&["add", "Someone", "--phone", "+353-1-555-0100"]),
        &format!("#{bob} Bob Byrne"),
    );
    assert_eq!(dump_tables(&db.path), before);
    // --force adds anyway.
    db.ok(&[
        "add",
        "Anna Schmidt",
        "--email",
        "ada@example.com",
        "--force",
    ]);
    // The same name is fine, with a warning naming the other one.
    let out = db.run(&["add", "Bob Byrne"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("#{bob}")) && stderr.contains("merge"),
        "{stderr}"
    );
}

#[test]
fn bad_input_is_refused_with_one_line_and_changes_nothing() {
    let (db, _, _) = small_book();
    let before = dump_tables(&db.path);
    assert_user_error(
        &db.run(&["add", "Bob", "--birthday=2030-01-01"]),
        "after today",
    );
    assert_user_error(&db.run(&["add", "Old", "--birthday=1850-01-01"]), "1900");
    assert_user_error(
        &db.run(&["log", "Bob Byrne", "--kind", "call", "--date", "1899-12-31"]),
        "before 1900",
    );
    assert_user_error(&db.run(&["add", &"n".repeat(201)]), "at most 200");
    assert!(db.run(&["add", &"n".repeat(200)]).status.success());
    let out = db.run(&["add", "Eve\u{1b}[31mRed"]);
    assert_user_error(&out, "control character");
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
    assert_user_error(&db.run(&["log", "--kind", "call"]), "<CONTACT>");
    assert_user_error(&db.run(&["edti", "Bob"]), "'edit'");
    // Two letters swapped in a short word, which clap's own measure misses.
    assert_user_error(
        &db.run(&["lgo", "Bob"]),
        "a similar subcommand exists: 'log'",
    );
    assert_user_error(&db.run(&["settings", "st", "daily_cap", "3"]), "'set'");
    assert_user_error(&db.run(&["contacts", "--jsno"]), "'--json'");
    let added = dump_tables(&db.path);
    assert_ne!(added, before, "the 200-character name was added");
}

#[test]
fn read_commands_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.db");
    for args in [
        vec!["contacts"],
        vec!["today"],
        vec!["plan"],
        vec!["show", "Ada"],
        vec!["promise", "list"],
        vec!["trash"],
        vec!["settings"],
    ] {
        assert_user_error(&keepwarm(&missing, &args), "no keepwarm database at");
        assert!(!missing.exists(), "{args:?} created the file");
    }
    let vcf = dir.path().join("one.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let out = keepwarm(
        &missing,
        &["import", vcf.to_str().unwrap(), "--dry-run", "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["added"], 1);
    assert!(!missing.exists(), "a dry run created the database");
    // A write creates it, and says so.
    let out = keepwarm(&missing, &["add", "Eve"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Created a new keepwarm database"));
    assert!(missing.exists());
}

#[test]
fn errors_are_printed_once() {
    let db = Db::with_demo();
    let dir = tempfile::tempdir().unwrap();
    let out = db.run(&["export", "vcard", "--out", dir.path().to_str().unwrap()]);
    assert_user_error(&out, "Is a directory");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
    let out = db.run(&["import", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.matches("os error").count() <= 1, "{stderr}");
}

#[test]
fn keepwarm_alone_prints_help() {
    let out = assert_cmd::Command::cargo_bin("keepwarm")
        .unwrap()
        .env_remove("KEEPWARM_DB")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Usage:") && stdout.contains("show"),
        "{stdout}"
    );
}

#[test]
fn names_with_escape_sequences_are_printed_escaped() {
    let db = Db::new();
    // Stored through an import (the CLI refuses them), printed safely.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("google.csv");
    std::fs::write(
        &csv,
        "First Name,Last Name,E-mail 1 - Value\nMallory,\u{1b}]0;pwned\u{7},mal@example.com\n",
    )
    .unwrap();
    let out = db.run(&["import", csv.to_str().unwrap()]);
    if out.status.success() {
        let listing = db.ok(&["contacts"]);
        assert!(
            !listing.contains('\u{1b}') && !listing.contains('\u{7}'),
            "{listing:?}"
        );
    } else {
        // Refused on import: the message itself is escaped.
        assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
    }
}

/// Runs the keepwarm binary as a user who may only read the database: as root,
/// through `setpriv` as nobody (root may write anything); otherwise with the
/// file and its folder made read-only.
fn as_reader(db: &std::path::Path, args: &[&str]) -> Output {
    let folder = db.parent().unwrap();
    let binary = folder.join("keepwarm-copy");
    if !binary.exists() {
        std::fs::copy(assert_cmd::cargo::cargo_bin("keepwarm"), &binary).unwrap();
    }
    use std::os::unix::fs::PermissionsExt;
    let set = |path: &std::path::Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set(&binary, 0o755);
    set(db, 0o444);
    set(folder, 0o555);
    let mut command = if running_as_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        c
    } else {
        std::process::Command::new(&binary)
    };
    let out = command
        .env_remove("KEEPWARM_DB")
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    set(folder, 0o755);
    set(db, 0o600);
    out
}

fn running_as_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn a_database_the_user_may_only_read_can_be_read_but_not_changed() {
    let db = Db::with_demo();
    // Parents of the temporary folder must let the reader through.
    use std::os::unix::fs::PermissionsExt;
    let folder = db.path.parent().unwrap();
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = db.bytes();
    for args in [
        vec!["contacts", "--json"],
        vec!["today", "--json"],
        vec!["plan", "--json"],
        vec!["promise", "list", "--json"],
    ] {
        let out = as_reader(&db.path, &args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _: Value = serde_json::from_slice(&out.stdout).unwrap();
    }
    let listed: Value =
        serde_json::from_slice(&as_reader(&db.path, &["contacts", "--json"]).stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 30);
    for args in [
        vec!["add", "Eve"],
        vec!["undo"],
        vec!["settings", "set", "daily_cap", "6"],
    ] {
        assert_user_error(&as_reader(&db.path, &args), "may only be read");
    }
    assert_eq!(db.bytes(), before);
}

#[test]
fn the_first_write_of_each_day_backs_up_and_old_backups_rotate() {
    use std::os::unix::fs::PermissionsExt;
    let db = Db::with_demo();
    let folder = db.path.parent().unwrap().join("backups");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let before_first_write = dump_tables(&db.path);
    let mut days = Vec::new();
    for n in 0..75 {
        let day = start + chrono::Duration::days(n * 2);
        days.push(day);
        let day = day.to_string();
        // Two writes a day: only the first takes a backup.
        assert!(db
            .run_on(&day, &["add", &format!("Person {n}a")])
            .status
            .success());
        assert!(db
            .run_on(&day, &["add", &format!("Person {n}b")])
            .status
            .success());
        if n == 0 {
            // The first backup holds the database as it was before that day's first write.
            let first = folder.join(format!("keepwarm-{day}.db"));
            assert_eq!(dump_tables(&first), before_first_write);
        }
    }
    let mut found: Vec<chrono::NaiveDate> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let day = name
                .strip_prefix("keepwarm-")
                .unwrap()
                .strip_suffix(".db")
                .unwrap()
                .to_owned();
            chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap()
        })
        .collect();
    found.sort();
    let expected: Vec<chrono::NaiveDate> =
        keepwarm::store::days_to_keep(&days).into_iter().collect();
    assert_eq!(found, expected);
    // 7 daily, the newest of 4 weeks and 5 months (75 writes every other day).
    assert!(found.len() >= 7 && found.len() <= 7 + 4 + 12, "{found:?}");
    for entry in std::fs::read_dir(&folder).unwrap() {
        let mode = entry.unwrap().metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // A backup made now opens and equals the database.
    let copy = db.path.parent().unwrap().join("copy.db");
    db.ok(&["backup", "--out", copy.to_str().unwrap()]);
    assert_eq!(dump_tables(&copy), dump_tables(&db.path));
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let out = keepwarm(&copy, &["contacts", "--json"]);
    assert!(out.status.success());
}

#[test]
fn edit_refusing_another_contacts_email_gives_ways_out_edit_has() {
    let (db, ada, bob) = small_book();
    db.ok(&["edit", &bob.to_string(), "--add-email", "bob@byrne.ie"]);
    let before = dump_tables(&db.path);
    let out = db.run(&["edit", &ada.to_string(), "--add-email", "BOB@byrne.ie"]);
    assert_user_error(&out, &format!("is already the email of #{bob} Bob Byrne"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!("`keepwarm merge {ada} {bob}`")),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "`keepwarm edit {bob} --remove-email BOB@byrne.ie`"
        )),
        "{said}"
    );
    assert!(said.contains("--force"), "{said}");
    assert_eq!(dump_tables(&db.path), before);
    // --force does what the message says: both have it afterwards.
    db.ok(&[
        "edit",
        &ada.to_string(),
        "--add-email",
        "bob@byrne.ie",
        "--force",
    ]);
    let shown = db.json(&["show", &ada.to_string(), "--json"]);
    assert!(shown["emails"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "bob@byrne.ie"));
    // add says the same but with its own flag; a phone with spaces is quoted.
    let out = db.run(&["add", "Robert", "--phone", "+353 1 555 0100"]);
    assert_user_error(&out, "or add anyway with --force");
    let out = db.run(&["edit", &ada.to_string(), "--add-phone", "+353 1 555 0100"]);
    assert_user_error(&out, "--remove-phone '+353 1 555 0100'");
}

#[test]
fn restore_takes_a_name_and_never_prints_a_parse_error() {
    let (db, ada, bob) = small_book();
    db.ok(&["delete", "Ada Lovelace"]);
    // Naming a contact in the trash says where it is, and since when.
    for args in [
        vec!["show", "Ada Lovelace"],
        vec!["show", "ada"],
        vec!["show", "ada@example.com"],
        vec!["edit", "Ada Lovelace", "--title", "Countess"],
        vec!["log", "Ada", "--kind", "call"],
    ] {
        let out = db.run(&args);
        assert_user_error(
            &out,
            &format!("#{ada} Ada Lovelace is in the trash since {TODAY}; bring it back with `keepwarm restore {ada}`"),
        );
    }
    let before = dump_tables(&db.path);
    // Nothing in the trash by that name: one clear line, nothing changed.
    let out = db.run(&["restore", "Nobody Here"]);
    assert_user_error(
        &out,
        "restore takes an id or a name of a contact in the trash (see `keepwarm trash`)",
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("invalid digit"));
    assert_user_error(
        &db.run(&["restore", "Bob Byrne"]),
        &format!("#{bob} Bob Byrne is not in the trash"),
    );
    assert_eq!(dump_tables(&db.path), before);
    db.ok(&["restore", "ada lovelace"]);
    assert_eq!(db.json(&["show", "Ada", "--json"])["id"], ada);

    // Two in the trash of one name: listed, nothing restored.
    let twin = id_of(&db, &["add", "Ada Lovelace", "--email", "ada@two.example"]);
    db.ok(&["delete", &ada.to_string()]);
    db.ok(&["delete", &twin.to_string()]);
    let out = db.run(&["show", "Ada Lovelace"]);
    assert_user_error(&out, "matches no contact, but 2 in the trash");
    assert_user_error(&db.run(&["restore", "Ada Lovelace"]), "matches 2 contacts");
    db.ok(&["restore", "ada@two.example"]);
    assert_eq!(db.json(&["show", "Ada Lovelace", "--json"])["id"], twin);
}

#[test]
fn log_new_warns_about_a_contact_it_may_duplicate() {
    let db = Db::new();
    let omar = id_of(&db, &["add", "Omar Farouk"]);
    let out = db.run(&["log", "Omar", "--kind", "meeting", "--new"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    let warning: Vec<&str> = said.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warning.len(), 1, "{said}");
    assert!(
        warning[0].contains(&format!("#{omar} Omar Farouk"))
            && warning[0].contains(&format!("`keepwarm merge {omar} ")),
        "{said}"
    );
    // A new name like nobody's: no warning.
    let out = db.run(&["log", "Zed Quill", "--kind", "meeting", "--new"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
}

#[test]
fn replacing_notes_says_what_they_held() {
    let db = Db::new();
    db.ok(&[
        "add",
        "Ada Byrne",
        "--notes",
        "Nickname: Mama\nAddress: 1 Main St",
    ]);
    let out = db.run(&["edit", "Ada Byrne", "--notes", "Mum. Sunday calls."]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "notes replaced (--append-note adds to them instead); they were:\n    Nickname: Mama\n    Address: 1 Main St\n"
        ),
        "{stderr}"
    );
    // Notes kept within the new ones, or none before: nothing to say.
    let out = db.run(&["edit", "Ada Byrne", "--notes", "Mum. Sunday calls. Knits."]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("replaced"));
}
