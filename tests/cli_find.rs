//! Finding people from the command line: naming a contact (CONTACT arguments)
//! and `contacts --search`, run as real processes.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::process::Output;

use serde_json::Value;

mod common;
use common::Db;

/// Asserts a user error: exit 1, one line on stderr containing every needle.
fn assert_user_error(out: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "expected {needle:?} in: {stderr}");
    }
}

fn add(db: &Db, args: &[&str]) -> i64 {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    all.push("--json");
    db.json(&all)["id"].as_i64().unwrap()
}

/// Logs a call with CONTACT and returns the contact id it went to.
fn log_call(db: &Db, contact: &str, note: &str) -> i64 {
    db.json(&[
        "log",
        contact,
        "--kind",
        "call",
        "--date",
        "2026-11-20",
        "--note",
        note,
        "--json",
    ])[0]["contact_id"]
        .as_i64()
        .unwrap()
}

fn search(db: &Db, query: &str) -> Vec<Value> {
    db.json(&["contacts", "--search", query, "--json"])
        .as_array()
        .unwrap()
        .clone()
}

fn ids(found: &[Value]) -> Vec<i64> {
    found.iter().map(|c| c["id"].as_i64().unwrap()).collect()
}

/// Léa Dubois, Raj Patel, Rajesh Kumar and three Sams.
fn people() -> (Db, i64, i64, i64) {
    let db = Db::new();
    let lea = add(
        &db,
        &[
            "Léa Dubois",
            "--company",
            "Acme",
            "--email",
            "lea@acme.example",
        ],
    );
    let raj = add(&db, &["Raj Patel", "--company", "Globex"]);
    let rajesh = add(&db, &["Rajesh Kumar"]);
    for (company, email) in [
        ("Initech", "sam@initech.example"),
        ("Hooli", "sam@hooli.example"),
        ("Umbrella", "sam@umbrella.example"),
    ] {
        add(&db, &["Sam Reed", "--company", company, "--email", email]);
    }
    (db, lea, raj, rajesh)
}

#[test]
fn names_resolve_without_case_or_accents() {
    let (db, lea, _, _) = people();
    for typed in ["lea dubois", "LÉA DUBOIS", "Léa Dubois", "  lea   dubois "] {
        assert_eq!(log_call(&db, typed, "hello"), lea, "{typed}");
    }
}

#[test]
fn a_unique_word_or_prefix_of_a_name_will_do() {
    let (db, lea, raj, rajesh) = people();
    assert_eq!(log_call(&db, "Patel", "a"), raj);
    // A whole name word wins over the start of a longer one (Rajesh).
    assert_eq!(log_call(&db, "raj", "b"), raj);
    assert_eq!(log_call(&db, "rajes", "c"), rajesh);
    assert_eq!(log_call(&db, "Dub", "d"), lea);
    assert_eq!(log_call(&db, "le du", "e"), lea);
    assert_eq!(log_call(&db, "LEA@ACME.EXAMPLE", "f"), lea);
    assert_eq!(log_call(&db, &format!("#{lea}"), "g"), lea);
}

#[test]
fn an_ambiguous_name_lists_the_candidates_and_changes_nothing() {
    let (db, _, _, _) = people();
    let before = db.bytes();
    let out = db.run(&["log", "sam", "--kind", "call", "--date", "2026-11-01"]);
    assert_user_error(
        &out,
        &[
            "'sam' matches 3 contacts",
            "#4 Sam Reed (Initech), #5 Sam Reed (Hooli), #6 Sam Reed (Umbrella)",
            "use an id or an email",
        ],
    );
    assert_eq!(db.bytes(), before);
}

#[test]
fn an_ambiguity_lists_at_most_five_candidates() {
    let db = Db::new();
    for i in 0..7 {
        add(&db, &["Kim Novak", "--company", &format!("Studio {i}")]);
    }
    let out = db.run(&["promise", "kim", "--due", "2026-12-01", "Call", "back"]);
    assert_user_error(
        &out,
        &[
            "'kim' matches 7 contacts",
            "#5 Kim Novak (Studio 4) and 2 more",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches('#').count(), 5, "{stderr}");
}

#[test]
fn no_match_suggests_the_closest_names() {
    let (db, _, _, _) = people();
    let out = db.run(&["log", "Lea Dubios", "--kind", "call"]);
    assert_user_error(
        &out,
        &["no contact matches 'Lea Dubios'; did you mean #1 Léa Dubois (Acme)?"],
    );
    let out = db.run(&["log", "Patle", "--kind", "call"]);
    assert_user_error(&out, &["did you mean", "#2 Raj Patel (Globex)"]);
    let out = db.run(&["log", "Xavier Quinn", "--kind", "call"]);
    assert_user_error(
        &out,
        &["no contact matches 'Xavier Quinn' (give an id, an email or a name)"],
    );
}

#[test]
fn a_merged_contacts_old_id_leads_to_the_one_it_went_into() {
    let (db, lea, _, _) = people();
    // What a merge leaves behind: the old contact gone, a forwarding address.
    let old = add(&db, &["Lea Dubois-Old"]);
    {
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        conn.execute("DELETE FROM contacts WHERE id = ?1", [old])
            .unwrap();
        conn.execute(
            "INSERT INTO contact_redirects (old_id, new_id) VALUES (?1, ?2)",
            [old, lea],
        )
        .unwrap();
    }
    assert_eq!(log_call(&db, &old.to_string(), "after the merge"), lea);
}

#[test]
fn a_trashed_contact_is_not_found_by_search_and_its_name_or_id_says_where_it_is() {
    let (db, lea, _, _) = people();
    log_call(&db, "lea", "Talked about the Lisbon office");
    assert_eq!(ids(&search(&db, "lisbon")), vec![lea]);
    db.ok(&["delete", &lea.to_string()]);
    assert!(search(&db, "lisbon").is_empty());
    assert!(search(&db, "dubois").is_empty());
    assert!(search(&db, "acme").is_empty());
    for contact in ["lea dubois", "lea", &lea.to_string()] {
        let out = db.run(&["log", contact, "--kind", "call"]);
        assert_user_error(
            &out,
            &[&format!("contact #{lea} Léa Dubois is in the trash since 2026-11-26; bring it back with `keepwarm restore {lea}`")],
        );
    }
}

#[test]
fn search_finds_a_word_that_only_an_interaction_holds_and_says_where() {
    let (db, lea, raj, _) = people();
    log_call(
        &db,
        "raj",
        "Wants the Q3 pilot priced before the trade show",
    );
    let found = search(&db, "pilot");
    assert_eq!(ids(&found), vec![raj]);
    let matched = &found[0]["matched"];
    assert_eq!(matched[0]["field"], "interaction");
    assert_eq!(matched[0]["date"], "2026-11-20");
    assert!(
        matched[0]["snippet"].as_str().unwrap().contains("[pilot]"),
        "{matched}"
    );
    // Every field of `contacts --json` is still there.
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
        "warmth",
    ] {
        assert!(found[0].get(field).is_some(), "{field}");
    }
    // A name and a word from that contact's history.
    assert_eq!(ids(&search(&db, "patel pilot")), vec![raj]);
    assert!(search(&db, "dubois pilot").is_empty());
    // Card matches say which field.
    let found = search(&db, "acme");
    assert_eq!(ids(&found), vec![lea]);
    let fields: Vec<&str> = found[0]["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["company", "emails"]);
    // The table says it too.
    let table = db.ok(&["contacts", "--search", "pilot"]);
    assert!(table.contains("matched: interaction 2026-11-20"), "{table}");
    // Without --search, no `matched` field.
    assert!(db.json(&["contacts", "--json"])[0].get("matched").is_none());
}

#[test]
fn search_ignores_accents_and_case_and_takes_prefixes() {
    let (db, lea, raj, rajesh) = people();
    log_call(&db, "raj", "Café near the Hôtel de Ville");
    assert_eq!(ids(&search(&db, "LEA")), vec![lea]);
    assert_eq!(ids(&search(&db, "dubo")), vec![lea]);
    assert_eq!(ids(&search(&db, "cafe hotel")), vec![raj]);
    assert_eq!(ids(&search(&db, "CAFÉ")), vec![raj]);
    let mut found = ids(&search(&db, "raj"));
    found.sort_unstable();
    assert_eq!(found, vec![raj, rajesh]);
    assert_eq!(search(&db, "sam").len(), 3);
    assert_eq!(
        db.json(&["contacts", "--search", "sam", "--limit", "2", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn search_survives_any_input() {
    let (db, _, _, _) = people();
    for q in [
        "\"", "*", "AND", "NEAR(", "a OR", "-", "name:lea", "l\"ea", "()", "^x",
    ] {
        db.ok(&["contacts", "--search", q, "--json"]);
    }
}

#[test]
fn a_database_from_before_search_is_indexed_when_opened() {
    let db = Db::new();
    {
        // A database as schema 4 left it, with a contact and a call in it.
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        for script in [
            include_str!("../src/store/migrations/0001_init.sql"),
            include_str!("../src/store/migrations/0002_promises_and_ping_actions.sql"),
            include_str!("../src/store/migrations/0003_interaction_latest.sql"),
            include_str!("../src/store/migrations/0004_contacts_management.sql"),
        ] {
            conn.execute_batch(script).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO contacts (id, uid, display_name, given_name, family_name, created_on)
               VALUES (7, 'u-7', 'Léa Dubois', 'Léa', 'Dubois', '2026-01-01');
             INSERT INTO interactions (contact_id, kind, date, note)
               VALUES (7, 'call', '2026-11-20', 'Sailing in Kiel');
             PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    assert_eq!(ids(&search(&db, "kiel")), vec![7]);
    assert_eq!(ids(&search(&db, "lea")), vec![7]);
    assert!(db.path.with_file_name("keepwarm.db.v4.bak").exists());
}
