//! The `keepwarm` command line, run as a real process against a real SQLite file.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::{keepwarm, Db};

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

#[test]
fn demo_then_contacts_json_has_every_contract_field() {
    let db = Db::new();
    db.ok(&["demo", "--seed", "7"]);
    let contacts = db.json(&["contacts", "--json"]);
    let contacts = contacts.as_array().unwrap();
    assert_eq!(
        contacts.len(),
        40,
        "the default demo has a few dozen contacts"
    );
    for c in contacts {
        assert!(c["id"].as_i64().unwrap() > 0);
        assert!(!c["name"].as_str().unwrap().is_empty());
        assert!(c["emails"].is_array() && c["phones"].is_array() && c["interests"].is_array());
        assert!(c["company"].is_string() || c["company"].is_null());
        assert!(c["title"].is_string() || c["title"].is_null());
        match &c["birthday"] {
            Value::Null => {}
            Value::String(b) => assert!(
                (b.len() == 10 && b.as_bytes()[4] == b'-') || (b.len() == 7 && b.starts_with("--")),
                "birthday {b}"
            ),
            other => panic!("birthday {other}"),
        }
        let circle = c["circle"].as_str().unwrap();
        assert!(["inner", "core", "network", "acquaintance"].contains(&circle));
    }
    assert!(contacts
        .iter()
        .any(|c| c["birthday"].as_str().is_some_and(|b| b.starts_with("--"))));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db.path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "database mode {mode:o}");
    }
}

#[test]
fn demo_is_deterministic_for_a_seed() {
    let a = Db::new();
    let b = Db::new();
    a.ok(&[
        "demo",
        "--contacts",
        "50",
        "--interactions",
        "300",
        "--seed",
        "11",
    ]);
    b.ok(&[
        "demo",
        "--contacts",
        "50",
        "--interactions",
        "300",
        "--seed",
        "11",
    ]);
    assert_eq!(a.ok(&["contacts", "--json"]), b.ok(&["contacts", "--json"]));
}

#[test]
fn add_then_find_by_search_id_and_year_less_birthday() {
    let db = Db::new();
    let id = db.json(&[
        "add",
        "Zoë \"Z\" O'Brien",
        "--email",
        "zoe@example.com",
        "--phone",
        "+1 555 010 2000",
        "--company",
        "Acme",
        "--title",
        "CTO",
        "--birthday=--05-16",
        "--circle",
        "inner",
        "--interest",
        "Celtics",
        "--interest",
        "sailing",
        "--json",
    ])["id"]
        .as_i64()
        .unwrap();
    let found = db.json(&["contacts", "--search", "celtics", "--json"]);
    let c = &found.as_array().unwrap()[0];
    assert_eq!(c["id"].as_i64(), Some(id));
    assert_eq!(c["name"], "Zoë \"Z\" O'Brien");
    assert_eq!(c["emails"], serde_json::json!(["zoe@example.com"]));
    assert_eq!(c["phones"], serde_json::json!(["+1 555 010 2000"]));
    assert_eq!(c["birthday"], "--05-16");
    assert_eq!(c["circle"], "inner");
    assert_eq!(c["interests"], serde_json::json!(["Celtics", "sailing"]));
    assert!(db
        .json(&["contacts", "--search", "nobody-like-this", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn log_and_promise_by_email_and_name() {
    let db = Db::new();
    db.ok(&["add", "Ada Lovelace", "--email", "ada@example.com"]);
    let log_id = db.ok(&[
        "log",
        "ADA@example.com",
        "--kind",
        "meeting",
        "--date",
        "2026-11-20",
        "--event",
        "SaaStr",
    ]);
    assert_eq!(log_id.trim(), "1");
    let promise = db.json(&[
        "promise",
        "Ada Lovelace",
        "--due",
        "2026-12-04",
        "Send",
        "the",
        "deck",
        "--json",
    ]);
    let pid = promise["id"].as_i64().unwrap().to_string();
    db.ok(&["promise", "done", &pid]);
    let again = db.run(&["promise", "done", "999"]);
    assert_user_error(&again, "no promise with id 999");
}

#[test]
fn unknown_contact_in_log_changes_nothing() {
    let db = Db::with_demo();
    let before = db.bytes();
    let out = db.run(&[
        "log",
        "Nobody Atall",
        "--kind",
        "call",
        "--date",
        "2026-11-01",
    ]);
    assert_user_error(&out, "no contact matches 'Nobody Atall'");
    assert_eq!(db.bytes(), before);
}

#[test]
fn invalid_dates_are_named_and_change_nothing() {
    let db = Db::with_demo();
    let before = db.bytes();
    for (args, needle) in [
        (
            vec!["log", "1", "--kind", "call", "--date", "2026-02-30"],
            "'2026-02-30' for '--date",
        ),
        (
            vec!["log", "1", "--kind", "call", "--date", "26-11-01"],
            "'26-11-01' for '--date",
        ),
        (
            vec!["log", "1", "--kind", "call", "--date", "2027-01-01"],
            "is after today",
        ),
        (
            vec!["promise", "1", "--due", "tomorrow", "Call back"],
            "'tomorrow' for '--due",
        ),
        (
            vec!["promise", "1", "--due", "15 Dec", "Call back"],
            "'15 Dec' for '--due <DUE>': expected a date as YYYY-MM-DD, or written out with its year: 15 Dec 2026, 15/12/2026",
        ),
        (
            vec!["settings", "set", "vacations", "24 Dec - 1 Jan"],
            "write each vacation as FIRST..LAST, as in 2026-12-24..2027-01-01",
        ),
        (
            vec!["promise", "1", "--due", "4/12/2026", "Call back"],
            "4/12/2026 reads two ways: write 2026-12-04 (4 December) or 2026-04-12 (12 April)",
        ),
        (
            vec!["add", "Ann Example", "--birthday", "1990-13-01"],
            "'1990-13-01' for '--birthday",
        ),
        (
            vec!["log", "1", "--kind", "telepathy", "--date", "2026-11-01"],
            "'telepathy' for '--kind",
        ),
    ] {
        let out = db.run(&args);
        assert_user_error(&out, needle);
        assert_eq!(db.bytes(), before, "{args:?} changed the database");
    }
}

#[test]
fn unreadable_database_paths_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing_folder = dir.path().join("no-such-folder").join("x.db");
    assert_user_error(
        &keepwarm(&missing_folder, &["contacts"]),
        "no keepwarm database at",
    );
    assert_user_error(
        &keepwarm(&missing_folder, &["add", "Ada"]),
        "cannot open database",
    );
    assert!(!missing_folder.exists());

    assert_user_error(&keepwarm(dir.path(), &["contacts"]), "it is a folder");

    let junk = dir.path().join("notes.txt");
    let text = b"this is a shopping list, not a database\n".repeat(200);
    std::fs::write(&junk, &text).unwrap();
    assert_user_error(
        &keepwarm(&junk, &["contacts"]),
        "is not a keepwarm database",
    );
    assert_eq!(std::fs::read(&junk).unwrap(), text);

    let foreign = dir.path().join("foreign.sqlite");
    {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
        )
        .unwrap();
    }
    let before = std::fs::read(&foreign).unwrap();
    assert_user_error(&keepwarm(&foreign, &["contacts"]), "no keepwarm schema");
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
}

#[test]
fn database_from_a_newer_version_is_left_untouched() {
    let db = Db::with_demo();
    {
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = db.bytes();
    for args in [
        vec!["contacts", "--json"],
        vec!["add", "New Person"],
        vec!["log", "1", "--kind", "call", "--date", "2026-11-01"],
    ] {
        let out = db.run(&args);
        assert_user_error(&out, "schema version 99, newer than");
        assert_eq!(db.bytes(), before);
    }
    assert!(!db.path.with_file_name("keepwarm.db.v99.bak").exists());
}

#[test]
fn ambiguous_names_ask_for_an_id() {
    let db = Db::new();
    db.ok(&["add", "Sam Reed", "--email", "sam@a.example"]);
    db.ok(&["add", "Sam Reed", "--email", "sam@b.example"]);
    let before = db.bytes();
    let out = db.run(&["log", "sam reed", "--kind", "call", "--date", "2026-11-01"]);
    assert_user_error(&out, "matches 2 contacts (#1 Sam Reed, #2 Sam Reed)");
    assert_eq!(db.bytes(), before);
}

#[test]
fn concurrent_writers_never_see_a_locked_database() {
    let db = Db::with_demo();
    let contacts_before = db.json(&["contacts", "--json"]).as_array().unwrap().len();
    let logged_calls = |path: &Path| -> i64 {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.query_row(
            "SELECT count(*) FROM interactions WHERE date = '2026-11-02' AND kind = 'call'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let calls_before = logged_calls(&db.path);
    let path = db.path.clone();
    let loggers = std::thread::spawn(move || {
        (0..200)
            .map(|i| {
                keepwarm(
                    &path,
                    &[
                        "log",
                        &(i % 30 + 1).to_string(),
                        "--kind",
                        "call",
                        "--date",
                        "2026-11-02",
                    ],
                )
            })
            .collect::<Vec<_>>()
    });
    let path = db.path.clone();
    let adders = std::thread::spawn(move || {
        (0..200)
            .map(|i| {
                keepwarm(
                    &path,
                    &[
                        "add",
                        &format!("Parallel Person {i}"),
                        "--circle",
                        "network",
                    ],
                )
            })
            .collect::<Vec<_>>()
    });
    for out in loggers
        .join()
        .unwrap()
        .into_iter()
        .chain(adders.join().unwrap())
    {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    let contacts = db.json(&["contacts", "--json"]);
    assert_eq!(contacts.as_array().unwrap().len(), contacts_before + 200);
    assert_eq!(logged_calls(&db.path) - calls_before, 200);
}

#[test]
fn help_and_version_exit_zero() {
    let out = Command::cargo_bin("keepwarm")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("contacts"));
    let out = Command::cargo_bin("keepwarm")
        .unwrap()
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn keepwarm_db_environment_variable_selects_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("env.db");
    let out = Command::cargo_bin("keepwarm")
        .unwrap()
        .env("KEEPWARM_DB", &path)
        .args(["add", "Env Person"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(path.exists());
}

#[test]
fn export_json_says_what_was_written() {
    let db = Db::new();
    db.ok(&["demo", "--seed", "7"]);
    let dir = tempfile::tempdir().unwrap();
    let vcf = dir.path().join("all.vcf");
    let report = db.json(&["export", "vcard", "--out", vcf.to_str().unwrap(), "--json"]);
    assert_eq!(report["format"], "vcard");
    assert_eq!(report["out"], vcf.to_str().unwrap());
    let written = std::fs::read_to_string(&vcf).unwrap();
    assert_eq!(
        report["contacts"].as_u64().unwrap() as usize,
        written.matches("BEGIN:VCARD").count()
    );
    assert_eq!(report["contacts"], 40);

    let ics = dir.path().join("plan.ics");
    let report = db.json(&[
        "export",
        "ics",
        "--days",
        "60",
        "--out",
        ics.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(report["format"], "ics");
    assert_eq!(report["days"], 60);
    let plan = db.json(&["plan", "--days", "60", "--json"]);
    assert_eq!(report["pings"], plan.as_array().unwrap().len());
    assert!(report["birthdays"].as_u64().unwrap() > 0);
    assert!(report.get("contacts").is_none());
}

/// Runs keepwarm on a pseudo-terminal (util-linux `script`), as a person at a
/// terminal would, and returns what it printed there.
fn on_terminal(db: &Path, args: &str, no_color: bool) -> String {
    let bin = assert_cmd::cargo::cargo_bin("keepwarm");
    let line = format!(
        "{} --db {} --today {} {args}",
        bin.display(),
        db.display(),
        common::TODAY
    );
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &line, "/dev/null"])
        .env_remove("KEEPWARM_DB");
    if no_color {
        script.env("NO_COLOR", "1");
    } else {
        script.env_remove("NO_COLOR");
    }
    let out = script.output().expect("script (util-linux) runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[test]
fn a_terminal_gets_header_rows_and_colour_unless_no_color_is_set() {
    let db = Db::new();
    db.ok(&["demo", "--seed", "7"]);
    let bold_header = "\x1b[1m    id  name";
    let coloured = on_terminal(&db.path, "contacts", false);
    assert!(coloured.contains(bold_header), "{coloured}");
    let plain = on_terminal(&db.path, "contacts", true);
    assert!(plain.starts_with("    id  name"), "{plain}");
    assert!(!plain.contains('\x1b'), "{plain}");
    // Piped: no header, no colour — lines a script can cut.
    let piped = db.ok(&["contacts"]);
    assert!(!piped.contains("name") && !piped.contains('\x1b'));
    assert_eq!(piped.lines().count(), plain.lines().count() - 1);

    // The plan's days are bold on a terminal, plain with NO_COLOR and in a pipe.
    let plan = on_terminal(&db.path, "plan --days 14", false);
    assert!(plan.contains("\x1b[1mThu 26 Nov 2026\x1b[0m"), "{plan}");
    let plan_plain = on_terminal(&db.path, "plan --days 14", true);
    assert!(!plan_plain.contains('\x1b') && plan_plain.contains("Thu 26 Nov 2026"));
    assert!(!db.ok(&["plan", "--days", "14"]).contains('\x1b'));
}

#[test]
fn setting_a_value_says_what_was_set_and_nothing_more() {
    let db = Db::new();
    let out = db.run(&["settings", "set", "daily_cap", "4"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("\ndaily_cap set to 4\n"));
    // The whole table is `settings`'s; `--json` still gives scripts the values.
    assert!(db
        .ok(&["settings"])
        .lines()
        .any(|l| l.starts_with("daily_cap") && l.contains(" 4 ")));
    let json: serde_json::Value =
        serde_json::from_str(&db.ok(&["settings", "--json", "set", "daily_cap", "5"])).unwrap();
    assert_eq!(json["daily_cap"], 5);
}

#[test]
fn an_unknown_setting_is_refused_with_every_known_key_and_nothing_created() {
    let db = Db::new();
    let out = db.run(&["settings", "set", "daly_cap", "7"]);
    assert_user_error(
        &out,
        "unknown setting, did you mean daily_cap? (known settings: cadence.inner",
    );
    let said = String::from_utf8_lossy(&out.stderr);
    for key in ["daily_cap", "holidays", "digest_time", "close_to_tray"] {
        assert!(said.contains(key), "{key} missing from: {said}");
    }
    assert!(!db.path.exists(), "a refused setting creates no database");
}

#[test]
fn slips_of_a_letter_get_a_did_you_mean_and_change_nothing() {
    let db = Db::new();
    db.run(&["add", "Ada Lovelace"]);
    let before = db.bytes();
    let out = db.run(&["log", "Ada", "--kind", "meting"]);
    assert_user_error(
        &out,
        "expected meeting, call, message, email, social, gift or event; did you mean meeting?",
    );
    let out = db.run(&["add", "Bo", "--circle", "iner"]);
    assert_user_error(&out, "did you mean inner?");
    let out = db.run(&["settings", "set", "holiday", "US"]);
    assert_user_error(&out, "unknown setting, did you mean holidays?");
    // A country's name or three-letter code is taken for its two-letter code…
    let out = db.run(&["settings", "set", "holidays", "Atlantis"]);
    assert_user_error(&out, "unknown region");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.len() < 400, "no list of every code: {said}");
    let out = db.run(&["settings", "set", "holidays", "Germny"]);
    assert_user_error(&out, "did you mean DE (Germany)?");
    // …and a slip in a region is put right within its country.
    let out = db.run(&["settings", "set", "holidays", "AU-NWS"]);
    assert_user_error(&out, "unknown region; did you mean AU-NSW?");
    assert_eq!(db.bytes(), before);
    for (typed, stored) in [
        ("USA", "US"),
        ("united states", "US"),
        ("deu-by", "DE-BY"),
        ("gb", "GB"),
        ("England", "GB-ENG"),
        ("scotland", "GB-SCT"),
    ] {
        let out = db.run(&["settings", "set", "holidays", typed]);
        assert!(
            out.status.success(),
            "{typed}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(&format!("holidays set to {stored}")),
            "{typed}"
        );
        assert_eq!(db.json(&["settings", "--json"])["holidays"], stored);
    }
}
