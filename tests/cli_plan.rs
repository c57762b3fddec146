//! `plan`, `today`, `done`, `snooze`, `skip`, `simulate` and `settings`, run as a
//! real process against a real SQLite file.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use serde_json::Value;

mod common;
use common::{Db, TODAY};

fn pings_of(plan: &Value, contact: i64) -> Vec<&Value> {
    plan.as_array()
        .unwrap()
        .iter()
        .filter(|p| p["contact_id"].as_i64() == Some(contact))
        .collect()
}

#[test]
fn plan_json_has_every_contract_field_and_a_real_why() {
    let db = Db::new();
    db.ok(&["demo", "--seed", "4"]);
    let plan = db.json(&["plan", "--days", "365", "--json"]);
    let pings = plan.as_array().unwrap();
    assert!(pings.len() > 100, "{} pings", pings.len());
    let reasons = ["birthday", "cadence", "follow_up", "promise", "overdue"];
    let mut seen = std::collections::BTreeSet::new();
    for p in pings {
        assert!(!p["id"].as_str().unwrap().is_empty());
        let date = p["date"].as_str().unwrap();
        assert!(date >= TODAY && date.len() == 10, "{date}");
        assert!(p["contact_id"].as_i64().unwrap() > 0);
        assert!(!p["contact_name"].as_str().unwrap().is_empty());
        let reason = p["reason"].as_str().unwrap();
        assert!(reasons.contains(&reason), "{reason}");
        seen.insert(reason.to_owned());
        assert!(p["suggestion"].as_str().unwrap().len() > 20, "{p}");
        assert!(p["why"].as_str().unwrap().len() > 20, "{p}");
        assert!(p["warmth"].as_u64().unwrap() <= 100);
    }
    // The demo has birthdays, promises, events and long-unseen people.
    for reason in ["birthday", "cadence", "promise", "overdue"] {
        assert!(seen.contains(reason), "no {reason} ping in {seen:?}");
    }
    assert!(pings
        .iter()
        .any(|p| p["why"].as_str().unwrap().contains("days ago")
            && p["why"].as_str().unwrap().contains("warmth")));
}

#[test]
fn plan_output_is_byte_identical_across_runs() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--contacts",
        "300",
        "--interactions",
        "2000",
        "--seed",
        "9",
    ]);
    let a = db.ok(&["plan", "--days", "365", "--json"]);
    let b = db.ok(&["plan", "--days", "365", "--json"]);
    assert_eq!(a, b);
    let c = db.ok(&["today", "--json"]);
    let d = db.ok(&["today", "--json"]);
    assert_eq!(c, d);
}

#[test]
fn today_is_the_first_day_of_the_plan() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--contacts",
        "200",
        "--interactions",
        "1000",
        "--seed",
        "2",
    ]);
    let plan = db.json(&["plan", "--days", "365", "--json"]);
    let today = db.json(&["today", "--json"]);
    let first_day: Vec<&Value> = plan
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["date"] == TODAY)
        .collect();
    assert!(!first_day.is_empty());
    assert_eq!(
        today.as_array().unwrap().iter().collect::<Vec<_>>(),
        first_day
    );
}

#[test]
fn contacts_json_carries_warmth() {
    let db = Db::new();
    db.ok(&["add", "Ada Lovelace", "--circle", "core"]);
    db.ok(&["add", "Alan Turing"]);
    db.ok(&["log", "Ada Lovelace", "--kind", "meeting", "--date", TODAY]);
    let contacts = db.json(&["contacts", "--json"]);
    assert_eq!(contacts[0]["warmth"], 100);
    assert_eq!(contacts[1]["warmth"], 0);
}

#[test]
fn done_logs_the_interaction_and_moves_the_next_ping() {
    let db = Db::new();
    db.ok(&["add", "Grace Hopper", "--circle", "core"]);
    db.ok(&[
        "log",
        "Grace Hopper",
        "--kind",
        "call",
        "--date",
        "2026-06-01",
    ]);
    let plan = db.json(&["plan", "--days", "365", "--json"]);
    let first = pings_of(&plan, 1)[0].clone();
    assert_eq!(first["date"], TODAY, "overdue since summer: today");
    assert_eq!(first["reason"], "overdue");
    let id = first["id"].as_str().unwrap();
    let out = db.json(&[
        "done",
        id,
        "--kind",
        "call",
        "--note",
        "Caught up on the pilot",
        "--json",
    ]);
    assert_eq!(out["ping"], id);
    let next_date = out["next"]["date"].as_str().unwrap();
    assert!(
        next_date >= "2027-01-20",
        "next ping after a 61-day interval, got {next_date}"
    );
    let after = db.json(&["plan", "--days", "365", "--json"]);
    assert!(pings_of(&after, 1).iter().all(|p| p["id"] != id));
    assert_eq!(db.json(&["contacts", "--json"])[0]["warmth"], 100);
    // Acting on the same ping twice is an error.
    let again = db.run_on(TODAY, &["done", id]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("no such ping"));
}

#[test]
fn snooze_and_skip_change_the_next_plan() {
    let db = Db::new();
    db.ok(&["add", "Katherine Johnson", "--circle", "network"]);
    db.ok(&["log", "1", "--kind", "meeting", "--date", "2026-08-01"]);
    let plan = db.json(&["plan", "--days", "365", "--json"]);
    let pings = pings_of(&plan, 1);
    let first = pings[0]["id"].as_str().unwrap().to_owned();
    let first_date = pings[0]["date"].as_str().unwrap().to_owned();

    db.ok(&["snooze", &first, "7"]);
    let snoozed = db.json(&["plan", "--days", "365", "--json"]);
    let moved = pings_of(&snoozed, 1)
        .into_iter()
        .find(|p| p["id"] == first.as_str())
        .unwrap();
    let expected = (chrono::NaiveDate::parse_from_str(&first_date, "%Y-%m-%d").unwrap()
        + chrono::Duration::days(7))
    .to_string();
    assert!(
        moved["date"].as_str().unwrap() >= expected.as_str(),
        "{moved}"
    );
    assert!(moved["why"].as_str().unwrap().contains("snoozed"));

    db.ok(&["skip", &first]);
    let skipped = db.json(&["plan", "--days", "365", "--json"]);
    assert!(pings_of(&skipped, 1)
        .iter()
        .all(|p| p["id"] != first.as_str()));
    assert!(!pings_of(&skipped, 1).is_empty(), "the rhythm goes on");
}

#[test]
fn an_event_brings_follow_ups_and_a_promise_its_ping() {
    let db = Db::new();
    db.ok(&["add", "Mary Jackson", "--email", "mary@example.com"]);
    db.ok(&[
        "log",
        "mary@example.com",
        "--kind",
        "event",
        "--date",
        TODAY,
        "--event",
        "SaaStr",
    ]);
    db.ok(&["promise", "1", "--due", "2026-12-10", "Send the case study"]);
    let plan = db.json(&["plan", "--days", "60", "--json"]);
    let pings = pings_of(&plan, 1);
    let reasons: Vec<&str> = pings
        .iter()
        .map(|p| p["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons.iter().filter(|r| **r == "follow_up").count(),
        2,
        "{reasons:?}"
    );
    let promise = pings.iter().find(|p| p["reason"] == "promise").unwrap();
    assert_eq!(promise["date"], "2026-12-10");
    assert!(promise["suggestion"]
        .as_str()
        .unwrap()
        .contains("Send the case study"));
    // Done on the promise ping keeps the promise.
    db.ok(&["done", promise["id"].as_str().unwrap()]);
    let after = db.json(&["plan", "--days", "60", "--json"]);
    assert!(pings_of(&after, 1).iter().all(|p| p["reason"] != "promise"));
}

#[test]
fn simulate_shows_a_year_within_the_rules() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--contacts",
        "120",
        "--interactions",
        "800",
        "--seed",
        "5",
    ]);
    let report = db.json(&["simulate", "--days", "365", "--json"]);
    assert_eq!(report["days"], 365);
    assert_eq!(report["non_working_day_pings"], 0);
    assert!(
        report["max_daily_load"].as_u64().unwrap()
            <= report["daily_cap"].as_u64().unwrap().max(5) + 3
    );
    for c in report["contacts"].as_array().unwrap() {
        let n = c["pings"].as_u64().unwrap();
        assert!((3..=10).contains(&n), "{c}");
    }
    let means: Vec<f64> = report["circles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["mean_pings"].as_f64().unwrap())
        .collect();
    assert!(means.windows(2).all(|w| w[0] >= w[1]), "{means:?}");
    let text = db.ok(&["simulate", "--days", "90"]);
    assert!(
        text.contains("circle") && text.contains("busiest day"),
        "{text}"
    );
}

#[test]
fn settings_change_the_plan_and_bad_values_change_nothing() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--contacts",
        "60",
        "--interactions",
        "300",
        "--seed",
        "8",
    ]);
    db.ok(&["settings", "set", "working_days", "mon,tue,wed,thu"]);
    db.ok(&["settings", "set", "vacations", "2026-12-21..2027-01-03"]);
    let plan = db.json(&["plan", "--days", "120", "--json"]);
    for p in plan.as_array().unwrap() {
        let date =
            chrono::NaiveDate::parse_from_str(p["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert!(
            chrono::Datelike::weekday(&date).num_days_from_monday() < 4,
            "{p}"
        );
        let d = date.to_string();
        assert!(
            !(d.as_str() >= "2026-12-21" && d.as_str() <= "2027-01-03"),
            "{p}"
        );
    }
    let before = std::fs::read(&db.path).unwrap();
    let out = db.run_on(TODAY, &["settings", "set", "cadence.inner", "12"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("between 3 and 10"));
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    let shown = db.json(&["settings", "--json"]);
    assert_eq!(
        shown["working_days"],
        serde_json::json!(["mon", "tue", "wed", "thu"])
    );
    assert_eq!(shown["cadence.inner"], 10);
}

#[test]
fn unknown_ping_ids_are_refused() {
    let db = Db::new();
    db.ok(&["demo", "--contacts", "10", "--interactions", "30"]);
    for cmd in ["done", "snooze", "skip"] {
        let out = db.run_on(TODAY, &[cmd, "999-c20200101-1"]);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("999-c20200101-1") && stderr.contains("no such ping"),
            "{stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1);
    }
}

#[test]
fn a_paused_contact_gets_no_pings_until_resumed() {
    let db = Db::new();
    db.ok(&[
        "add",
        "Quiet Person",
        "--circle",
        "inner",
        "--birthday",
        "1980-12-02",
    ]);
    db.ok(&["add", "Busy Person", "--circle", "inner"]);
    assert!(!pings_of(&db.json(&["plan", "--days", "90", "--json"]), 1).is_empty());
    db.ok(&["pause", "Quiet Person"]);
    let paused = db.json(&["plan", "--days", "90", "--json"]);
    assert!(pings_of(&paused, 1).is_empty());
    assert!(!pings_of(&paused, 2).is_empty());
    assert_eq!(db.json(&["contacts", "--json"])[0]["paused"], true);
    db.ok(&["pause", "1", "--resume"]);
    assert!(!pings_of(&db.json(&["plan", "--days", "90", "--json"]), 1).is_empty());
    let missing = db.run(&["pause", "Nobody"]);
    assert_eq!(missing.status.code(), Some(1));
}
