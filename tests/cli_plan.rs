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
        let why = p["why"].as_str().unwrap();
        assert!(why.len() > 20, "{p}");
        assert!(!p["details"].as_str().unwrap().is_empty(), "{p}");
        assert!(p["warmth"].as_u64().unwrap() <= 100);
        // One sentence for people: no mechanics, no numbers of warmth, timeless.
        assert!(
            !why.contains("warmth") && !why.contains("days ago"),
            "{why}"
        );
    }
    // The demo has birthdays, promises, events and long-unseen people.
    for reason in ["birthday", "cadence", "promise", "overdue"] {
        assert!(seen.contains(reason), "no {reason} ping in {seen:?}");
    }
    assert!(pings
        .iter()
        .any(|p| p["why"].as_str().unwrap().starts_with("You last")
            && p["details"].as_str().unwrap().contains("Warmth on")));
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
    // Overdue since summer: at its point in the rhythm within one interval.
    assert!(first["date"].as_str().unwrap() <= "2027-01-26", "{first}");
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
    assert!(
        moved["why"].as_str().unwrap().starts_with("Snoozed to"),
        "{moved}"
    );

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
    // Due within a week of the first follow-up, the promise is kept early
    // as that follow-up; the second touch, three weeks on, stays.
    // (The first comes one to three working days after the event, by the
    // contact's own hash: 27 Nov to 1 Dec, all within a week of 4 Dec.)
    db.ok(&["promise", "1", "--due", "2026-12-04", "Send the case study"]);
    let plan = db.json(&["plan", "--days", "60", "--json"]);
    let pings = pings_of(&plan, 1);
    let ids: Vec<&str> = pings.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(
        ids.iter().any(|id| id.ends_with("-2")) && !ids.iter().any(|id| id.ends_with("-1")),
        "{ids:?}"
    );
    let promise = pings.iter().find(|p| p["reason"] == "promise").unwrap();
    assert!(
        promise["date"].as_str().unwrap() <= "2026-12-01",
        "{promise}"
    );
    // The promise's verb says what to do: send it, to Mary.
    assert!(
        promise["suggestion"]
            .as_str()
            .unwrap()
            .starts_with("Send Mary the case study"),
        "{promise}"
    );
    assert_eq!(promise["action"], "email");
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

fn date_of(p: &Value) -> &str {
    p["date"].as_str().unwrap()
}

/// Acting on every ping of today (done, snooze, skip) finishes the day: `today`
/// then lists none and says when the next ones come, and the next working
/// day's list is the backlog continuing.
#[test]
fn today_stays_done_once_every_ping_is_acted_on() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--contacts",
        "400",
        "--interactions",
        "1500",
        "--seed",
        "11",
    ]);
    let before = db.json(&["today", "--json"]);
    let todays = before.as_array().unwrap().clone();
    assert!(todays.len() >= 3, "{} pings today", todays.len());
    for (i, p) in todays.iter().enumerate() {
        let id = p["id"].as_str().unwrap();
        match i % 3 {
            0 => db.ok(&["done", id, "--note", "Caught up"]),
            1 => db.ok(&["snooze", id, "2"]),
            _ => db.ok(&["skip", id]),
        };
    }
    let after = db.json(&["today", "--json"]);
    assert_eq!(after.as_array().unwrap().len(), 0, "{after:#}");
    let text = db.ok(&["today"]);
    assert!(text.starts_with("All done for today; next: "), "{text}");
    // The next day's list is what the plan said it would be: the backlog goes on.
    let plan = db.json(&["plan", "--days", "14", "--json"]);
    let next_day = date_of(&plan[0]).to_owned();
    assert!(next_day.as_str() > TODAY);
    let planned: Vec<&Value> = plan
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| date_of(p) == next_day)
        .collect();
    assert!(text.contains(&format!("{} ping", planned.len())), "{text}");
    let tomorrow = db.run_on(&next_day, &["today", "--json"]);
    let tomorrow: Value = serde_json::from_slice(&tomorrow.stdout).unwrap();
    let ids = |v: Vec<&Value>| {
        v.iter()
            .map(|p| format!("{} {} {}", p["id"], p["date"], p["why"]))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(tomorrow.as_array().unwrap().iter().collect()),
        ids(planned)
    );
    // More on request.
    let more = db.json(&["today", "--more", "2", "--json"]);
    assert_eq!(more.as_array().unwrap().len(), 2, "{more:#}");
}

/// `snooze` moves a ping to the first working day on or after its date + N on
/// which the contact has no other ping, says that day, and the plan agrees.
#[test]
fn snooze_says_the_day_the_plan_then_keeps_even_across_a_birthday() {
    let db = Db::new();
    db.ok(&[
        "add",
        "Ada Lovelace",
        "--circle",
        "core",
        "--birthday=--12-04",
    ]);
    db.ok(&["log", "1", "--kind", "meeting", "--date", "2026-11-20"]);
    db.ok(&[
        "promise",
        "1",
        "--due",
        "2026-12-02",
        "Send the pricing sheet",
    ]);
    let plan = db.json(&["plan", "--days", "60", "--json"]);
    let promise = pings_of(&plan, 1)
        .into_iter()
        .find(|p| p["reason"] == "promise")
        .unwrap()
        .clone();
    assert_eq!(promise["date"], "2026-12-02");
    let id = promise["id"].as_str().unwrap();
    let out = db.run(&["snooze", id, "2"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    // Fri 4 Dec is the birthday: the first free working day is Mon 7 Dec.
    assert!(said.contains("Mon 7 Dec 2026 (2026-12-07)"), "{said}");
    let after = db.json(&["plan", "--days", "60", "--json"]);
    let moved = pings_of(&after, 1)
        .into_iter()
        .find(|p| p["id"] == id)
        .unwrap();
    assert_eq!(moved["date"], "2026-12-07");
    assert!(
        moved["why"]
            .as_str()
            .unwrap()
            .contains("snoozed to Mon 7 Dec"),
        "{moved}"
    );
    let mut days: Vec<&str> = pings_of(&after, 1).iter().map(|p| date_of(p)).collect();
    let n = days.len();
    days.dedup();
    assert_eq!(
        days.len(),
        n,
        "two pings of one contact on one day: {after:#}"
    );
    assert!(pings_of(&after, 1)
        .iter()
        .any(|p| p["reason"] == "birthday" && p["date"] == "2026-12-04"));
}

/// Snoozing a birthday ping past the birthday is allowed, and `snooze` says
/// the wish is then a belated one; within the days before it, nothing is said.
#[test]
fn snoozing_a_birthday_past_the_day_says_so() {
    let db = Db::new();
    db.ok(&[
        "add",
        "Dave Collins",
        "--circle",
        "inner",
        "--birthday=1984-12-04",
    ]);
    db.ok(&["log", "1", "--kind", "meeting", "--date", "2026-11-20"]);
    let plan = db.json(&["plan", "--days", "30", "--json"]);
    let birthday = pings_of(&plan, 1)
        .into_iter()
        .find(|p| p["reason"] == "birthday")
        .unwrap()
        .clone();
    assert_eq!(birthday["date"], "2026-12-04");
    let id = birthday["id"].as_str().unwrap();
    let out = db.run(&["snooze", id, "3"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("birthday is on Fri 4 Dec") && said.contains("belated"),
        "{said}"
    );
}

/// With `holidays` = US, Christmas and New Year's Day get no pings, a birthday
/// on Christmas is wished on the 24th (and the why says why), and an unknown
/// code is refused with the list of known ones.
#[test]
fn us_holidays_are_days_off_and_unknown_regions_are_refused() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--contacts",
        "200",
        "--interactions",
        "800",
        "--seed",
        "4",
    ]);
    db.ok(&["settings", "set", "holidays", "us"]);
    assert_eq!(db.json(&["settings", "--json"])["holidays"], "US");
    db.ok(&[
        "add",
        "Noel Christmas",
        "--circle",
        "inner",
        "--birthday",
        "1980-12-25",
    ]);
    let plan = db.json(&["plan", "--days", "400", "--json"]);
    for p in plan.as_array().unwrap() {
        assert!(
            !["2026-12-25", "2027-01-01", "2027-07-05", "2026-11-26"].contains(&date_of(p)),
            "{p}"
        );
        assert!(
            !p["why"].as_str().unwrap().contains("Fri 25 Dec is your"),
            "{p}"
        );
    }
    let noel = pings_of(&plan, 201);
    let birthday = noel.iter().find(|p| p["reason"] == "birthday").unwrap();
    assert_eq!(birthday["date"], "2026-12-24");
    assert_eq!(
        birthday["why"],
        "Noel's birthday is on Fri 25 Dec, a public holiday, turning 46; Thu 24 Dec is your last working day before it."
    );
    let before = db.bytes();
    let out = db.run(&["settings", "set", "holidays", "Atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown region") && err.contains("US") && err.contains("DE"),
        "{err}"
    );
    assert_eq!(db.bytes(), before);
    db.ok(&["settings", "set", "holidays", "none"]);
    let plan = db.json(&["plan", "--days", "30", "--json"]);
    assert!(plan
        .as_array()
        .unwrap()
        .iter()
        .any(|p| date_of(p) == "2026-11-26"));
}

/// Words a salesperson can act on: first hellos say where the contact came from
/// (never "overdue by" an import date), no internal names or placeholders, the
/// note of a meeting comes back in its follow-up, and calendar text is timeless.
#[test]
fn texts_read_like_a_colleague_wrote_them() {
    let db = Db::new();
    let csv = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/Connections.csv");
    db.ok(&["import", csv.to_str().unwrap()]);
    db.ok(&[
        "add",
        "Jonas Weber",
        "--circle",
        "acquaintance",
        "--birthday=--12-09",
        "--company",
        "Freelance",
    ]);
    db.ok(&[
        "log",
        "Jonas Weber",
        "--kind",
        "email",
        "--date",
        "2026-10-01",
    ]);
    db.ok(&[
        "add",
        "Mia Chen",
        "--circle",
        "core",
        "--company",
        "Globex",
        "--interest",
        "tea ceremony",
    ]);
    db.ok(&[
        "log",
        "Mia Chen",
        "--kind",
        "meeting",
        "--date",
        "2026-11-24",
        "--event",
        "SaaStr Europa",
        "--note",
        "Talked about the ROI calculator for the Q3 pilot",
    ]);
    let plan = db.json(&["plan", "--days", "365", "--json"]);
    let pings = plan.as_array().unwrap();
    for p in pings {
        for field in ["why", "suggestion", "details"] {
            let text = p[field].as_str().unwrap();
            assert!(
                !text.contains('_') && !text.contains('{') && !text.contains('}'),
                "{field}: {text}"
            );
            assert!(
                !text.to_lowercase().contains("overdue by"),
                "{field}: {text}"
            );
            assert!(
                !text.contains("days ago") && !text.contains("today"),
                "{field}: {text}"
            );
        }
        assert!(
            !p["suggestion"].as_str().unwrap().contains("Freelance"),
            "{p}"
        );
        assert!(!p["suggestion"].as_str().unwrap().contains("coffee"), "{p}");
    }
    // Priya connected on LinkedIn on 12 Mar 2024 and was never contacted.
    let priya = pings
        .iter()
        .find(|p| p["contact_name"] == "Priya Sharma")
        .unwrap();
    assert_eq!(
        priya["why"],
        "Connected on LinkedIn on 12 Mar 2024; you have not talked since."
    );
    assert_eq!(priya["first_hello"], true);
    let s = priya["suggestion"].as_str().unwrap();
    assert!(
        s.contains("Introduce yourself") || s.contains("Say hello"),
        "{s}"
    );
    assert!(
        !s.to_lowercase().contains("thought of you") && !s.to_lowercase().contains("thank"),
        "{s}"
    );
    // An acquaintance's birthday: a short message, no gift, no call.
    let jonas = pings
        .iter()
        .find(|p| p["contact_name"] == "Jonas Weber" && p["reason"] == "birthday")
        .unwrap();
    let s = jonas["suggestion"].as_str().unwrap().to_lowercase();
    assert!(
        !s.contains("gift") && !s.contains("call") && !s.contains("sing"),
        "{s}"
    );
    assert_eq!(jonas["action"], "message");
    // The meeting's note comes back in the follow-up.
    let follow = pings
        .iter()
        .find(|p| p["contact_name"] == "Mia Chen" && p["reason"] == "follow_up")
        .unwrap();
    assert!(
        follow["suggestion"]
            .as_str()
            .unwrap()
            .contains("ROI calculator"),
        "{follow}"
    );
    assert!(
        follow["why"]
            .as_str()
            .unwrap()
            .contains("SaaStr Europa on Tue 24 Nov"),
        "{follow}"
    );
    // Text output says "follow-up", never `follow_up`.
    let text = db.ok(&["plan", "--days", "30"]);
    assert!(
        text.contains("follow-up") && !text.contains("follow_up"),
        "{text}"
    );
    // Calendar events keep dates, not "N days ago".
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("plan.ics");
    db.ok(&[
        "export",
        "ics",
        "--days",
        "60",
        "--out",
        ics.to_str().unwrap(),
    ]);
    let body = std::fs::read_to_string(&ics).unwrap();
    assert!(
        !body.contains("days ago") && !body.contains("yesterday"),
        "{body}"
    );
}

#[test]
fn simulate_json_has_notes_and_each_circle_s_interval() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--contacts",
        "400",
        "--interactions",
        "1500",
        "--seed",
        "5",
    ]);
    let report = db.json(&["simulate", "--days", "30", "--json"]);
    let notes = report["notes"].as_array().unwrap();
    // Raised only with a note saying by how much, and what to do instead.
    if report["daily_cap"] != 5 {
        assert!(
            notes
                .iter()
                .any(|n| n.as_str().unwrap().contains("beyond your capacity")),
            "{notes:?}"
        );
    }
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("spaces out")),
        "{notes:?}"
    );
    for c in report["circles"].as_array().unwrap() {
        let interval = c["interval_days"].as_i64().unwrap();
        assert!((37..=116).contains(&interval), "{c}");
        assert!(c["pings_per_year"].as_u64().is_some() && c["stretched"].is_boolean());
    }
    assert!(report["circles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["stretched"] == true));
}

/// What the user wrote is acted on: a request in a note is delivered (not
/// "checked in on" months later), a promise's verb picks the action, a
/// follow-up names the promise made to the same person, and a rhythm why is
/// true to the actual gap.
#[test]
fn requests_promises_and_gaps_are_said_as_they_are() {
    let db = Db::new();
    let person = |name: &str, circle: &str| {
        db.ok(&["add", name, "--circle", circle]);
    };
    person("Rosa Diaz", "network");
    db.ok(&[
        "log",
        "Rosa Diaz",
        "--kind",
        "message",
        "--date",
        "2026-08-20",
        "--note",
        "Loved the pilot — asked for a reference call.",
    ]);
    person("Ola Berg", "core");
    db.ok(&[
        "log",
        "Ola Berg",
        "--kind",
        "meeting",
        "--date",
        "2026-10-20",
        "--note",
        "Pilot went well",
    ]);
    db.ok(&[
        "promise",
        "Ola Berg",
        "--due",
        "2026-12-10",
        "Call Ola after the board meeting",
    ]);
    person("Ken Ito", "network");
    db.ok(&[
        "log",
        "Ken Ito",
        "--kind",
        "meeting",
        "--date",
        "2026-11-20",
        "--event",
        "Web Summit",
        "--note",
        "Wants a quote for 12 seats; worried about onboarding",
    ]);
    db.ok(&[
        "promise",
        "Ken Ito",
        "--due",
        "2026-12-04",
        "Send the 12-seat quote",
    ]);
    person("Lin Wu", "inner");
    db.ok(&["log", "Lin Wu", "--kind", "social", "--date", "2026-11-10"]);
    let plan = db.json(&["plan", "--days", "120", "--json"]);
    let pings = plan.as_array().unwrap();
    let first_of = |name: &str, reasons: &[&str]| {
        pings
            .iter()
            .find(|p| p["contact_name"] == name && reasons.contains(&p["reason"].as_str().unwrap()))
            .unwrap_or_else(|| panic!("no {reasons:?} ping for {name}: {plan}"))
    };
    // Rosa asked for a reference call three months ago: set it up (or ask
    // whether it is still wanted), and the why says how long it has waited.
    let rosa = first_of("Rosa Diaz", &["cadence", "overdue"]);
    let s = rosa["suggestion"].as_str().unwrap();
    assert!(
        s.contains("reference call") && !s.starts_with("Check in"),
        "{rosa}"
    );
    let why = rosa["why"].as_str().unwrap();
    assert!(
        why.contains("Rosa asked for a reference call on 20 Aug") && why.contains("long wait"),
        "{rosa}"
    );
    // "Call Ola after the board meeting" is a call.
    let ola = first_of("Ola Berg", &["promise"]);
    assert_eq!(ola["action"], "call", "{ola}");
    assert!(
        ola["suggestion"]
            .as_str()
            .unwrap()
            .starts_with("Call Ola after the board meeting"),
        "{ola}"
    );
    // Ken's first follow-up says when the promised quote comes.
    let ken = first_of("Ken Ito", &["follow_up"]);
    let s = ken["suggestion"].as_str().unwrap();
    assert!(
        s.contains("the 12-seat quote") && s.contains("Fri 4 Dec"),
        "{ken}"
    );
    assert!(
        ken["why"]
            .as_str()
            .unwrap()
            .contains("promised the 12-seat quote"),
        "{ken}"
    );
    // Lin's like was two weeks before her ping: the why says so, and does not
    // claim a five-week rhythm; a light touch is no call.
    let lin = first_of("Lin Wu", &["cadence", "overdue"]);
    let why = lin["why"].as_str().unwrap();
    assert!(
        why.contains("since you were last in touch with Lin online") && !why.contains("every"),
        "{lin}"
    );
    assert_ne!(lin["action"], "call", "{lin}");
    for p in pings {
        for field in ["why", "suggestion"] {
            let text = p[field].as_str().unwrap();
            assert!(!text.contains(" them ") && !text.contains(" their "), "{p}");
            assert!(!text.contains("  ") && !text.contains('{'), "{p}");
        }
    }
}
