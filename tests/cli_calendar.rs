//! `export ics` checked by independent judges: three Python iCalendar parsers
//! (icalendar, vobject, ical) and a real CalDAV server (Radicale), all installed
//! by `scripts/install-deps` into `.venv` (`KEEPWARM_PYTHON` points at it).

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::{ok, TODAY};

fn python() -> String {
    std::env::var("KEEPWARM_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn judge(script: &str, ics: &Path) -> Value {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/judges")
        .join(script);
    let out = std::process::Command::new(python())
        .arg(&script)
        .arg(ics)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{} failed (run scripts/install-deps for its Python packages): {}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn export(db: &Path, file: &Path, days: &str) -> String {
    ok(
        db,
        &[
            "export",
            "ics",
            "--days",
            days,
            "--out",
            file.to_str().unwrap(),
        ],
    );
    String::from_utf8(std::fs::read(file).unwrap()).unwrap()
}

#[test]
fn three_parsers_read_every_planned_ping_on_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    ok(
        &db,
        &[
            "demo",
            "--contacts",
            "80",
            "--interactions",
            "400",
            "--seed",
            "21",
        ],
    );
    ok(&db, &["add", "Leap Day", "--birthday", "1988-02-29"]);
    let file = dir.path().join("plan.ics");
    let text = export(&db, &file, "365");
    let plan: Value = serde_json::from_str(&ok(&db, &["plan", "--days", "365", "--json"])).unwrap();
    let pings = plan.as_array().unwrap();
    assert!(pings.len() > 100);

    let parsed = judge("parse_ics.py", &file);
    for parser in ["icalendar", "vobject", "ical"] {
        let events: HashMap<String, &Value> = parsed[parser]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["uid"].as_str().unwrap().to_owned(), e))
            .collect();
        for ping in pings {
            let uid = format!("ping-{}@keepwarm", ping["id"].as_str().unwrap());
            let event = events
                .get(&uid)
                .unwrap_or_else(|| panic!("{parser}: no event {uid}"));
            assert_eq!(event["start"], ping["date"], "{parser}: {uid}");
            assert!(event["summary"]
                .as_str()
                .unwrap()
                .contains(ping["contact_name"].as_str().unwrap()));
            assert!(event["rrule"].is_null());
        }
        let birthdays: Vec<&&Value> = events.values().filter(|e| !e["rrule"].is_null()).collect();
        assert_eq!(
            birthdays.len(),
            events.len() - pings.len(),
            "{parser}: only birthdays recur"
        );
        assert!(!birthdays.is_empty());
    }
    // Every ping has its reminder; the leap-day birthday recurs on February's last day.
    let icalendar = parsed["icalendar"].as_array().unwrap();
    assert!(icalendar
        .iter()
        .filter(|e| e["uid"].as_str().unwrap().starts_with("ping-"))
        .all(|e| e["alarms"] == 1 && e["end"].as_str() > e["start"].as_str()));
    let leap = icalendar
        .iter()
        .find(|e| e["summary"] == "Birthday: Leap Day")
        .unwrap();
    let mut rule: Vec<&str> = leap["rrule"].as_str().unwrap().split(';').collect();
    rule.sort_unstable();
    assert_eq!(rule, ["BYMONTH=2", "BYMONTHDAY=-1", "FREQ=YEARLY"]);

    // RFC 5545 shape: CRLF line ends, folded at 75 octets.
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
}

#[test]
fn radicale_accepts_every_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    ok(
        &db,
        &[
            "demo",
            "--contacts",
            "40",
            "--interactions",
            "200",
            "--seed",
            "4",
        ],
    );
    let file = dir.path().join("plan.ics");
    export(&db, &file, "120");
    let result = judge("radicale_put.py", &file);
    let events = result["events"].as_u64().unwrap();
    assert!(events > 20, "{result}");
    assert_eq!(
        result["statuses"],
        serde_json::json!({ "201": events }),
        "{result}"
    );
}

#[test]
fn an_awkward_name_comes_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let name = "Zoë \"Z\" O'Brien; Jr., <b>";
    ok(&db, &["add", name, "--birthday", "1990-12-03"]);
    ok(
        &db,
        &[
            "promise",
            "1",
            "--due",
            "2026-12-01",
            "Send the deck; and the, \"case study\"\\",
        ],
    );
    let file = dir.path().join("plan.ics");
    export(&db, &file, "30");
    let parsed = judge("parse_ics.py", &file);
    for parser in ["icalendar", "vobject", "ical"] {
        let summaries: Vec<&str> = parsed[parser]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["summary"].as_str().unwrap())
            .collect();
        assert!(
            summaries.contains(&format!("Ping {name} (promise due)").as_str()),
            "{parser}: {summaries:?}"
        );
        assert!(
            summaries.contains(&format!("Birthday: {name}").as_str()),
            "{parser}: {summaries:?}"
        );
    }
    let description = parsed["icalendar"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["summary"].as_str().unwrap().contains("promise"))
        .unwrap()["description"]
        .as_str()
        .unwrap()
        .to_owned();
    // The promise's words (after its verb, which picks the action) survive
    // every character the format escapes.
    assert!(
        description.contains("the deck; and the, \"case study\"\\"),
        "{description}"
    );
}

fn without_stamps(text: &str) -> String {
    text.split("\r\n")
        .filter(|l| !l.starts_with("DTSTAMP:"))
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn uids(text: &str) -> BTreeSet<String> {
    text.split("\r\n")
        .filter_map(|l| l.strip_prefix("UID:ping-"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn uids_are_stable_and_an_unchanged_export_differs_only_in_its_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    ok(
        &db,
        &[
            "demo",
            "--contacts",
            "200",
            "--interactions",
            "1000",
            "--seed",
            "8",
        ],
    );
    let first = export(&db, &dir.path().join("a.ics"), "365");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = export(&db, &dir.path().join("b.ics"), "365");
    assert_ne!(first, second, "the DTSTAMP records the export time");
    assert_eq!(without_stamps(&first), without_stamps(&second));

    // A new contact and a logged meeting: the other pings keep their UIDs.
    ok(&db, &["add", "Brand New", "--circle", "inner"]);
    ok(&db, &["log", "1", "--kind", "meeting", "--date", TODAY]);
    let third = export(&db, &dir.path().join("c.ics"), "365");
    let before = uids(&first);
    let after = uids(&third);
    let kept = before
        .iter()
        .filter(|u| after.contains(*u) || u.starts_with("1-"))
        .count();
    assert!(
        kept as f64 >= before.len() as f64 * 0.97,
        "{kept} of {} UIDs kept",
        before.len()
    );
}
