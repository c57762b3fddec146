//! `import` and `export` as real processes: round trips, atomicity, bad files.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{keepwarm, ok, Db, TODAY};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

/// The fields a round trip must keep, per contact, sorted by UID.
fn comparable(db: &Path) -> Vec<Value> {
    let contacts: Value = serde_json::from_str(&ok(db, &["contacts", "--json"])).unwrap();
    let mut list: Vec<Value> = contacts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            let o = c.as_object_mut().unwrap();
            // Ids, the day of adding and the source are the new database's own.
            o.remove("id");
            o.remove("created_on");
            o.remove("source");
            o.remove("warmth");
            c
        })
        .collect();
    list.sort_by_key(|c| c["uid"].as_str().unwrap().to_owned());
    list
}

fn dir() -> TempDir {
    tempfile::tempdir().unwrap()
}

/// An import report's warnings.
fn warnings_of(summary: &Value) -> Vec<&str> {
    summary["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect()
}

#[test]
fn vcard_and_csv_exports_import_back_to_the_same_contacts() {
    let d = dir();
    let source = d.path().join("source.db");
    ok(
        &source,
        &[
            "demo",
            "--contacts",
            "300",
            "--interactions",
            "500",
            "--seed",
            "12",
        ],
    );
    // Awkward values the exports must carry unchanged.
    ok(
        &source,
        &[
            "add",
            "Zoë \"Z\" O'Brien; Jr., <b>",
            "--email",
            "zoe@example.com",
            "--email",
            "z.obrien@example.org",
            "--phone",
            "+1 (555) 010-2000",
            "--company",
            "Acme, Inc.; Sales",
            "--title",
            "VP \\ Growth",
            "--birthday=--02-29",
            "--circle",
            "inner",
            "--interest",
            "AI, logistics",
            "--interest",
            "Celtics",
            "--notes",
            "Line one\nLine two: a long note that must be folded in a vCard because it is much longer than seventy-five octets — éèà",
        ],
    );
    let expected = comparable(&source);
    for kind in ["vcard", "csv"] {
        let file = d.path().join(format!("export.{kind}"));
        ok(&source, &["export", kind, "--out", file.to_str().unwrap()]);
        let target = d.path().join(format!("target-{kind}.db"));
        let summary: Value =
            serde_json::from_str(&ok(&target, &["import", file.to_str().unwrap(), "--json"]))
                .unwrap();
        assert_eq!(summary["added"], 301, "{kind}: {summary}");
        assert_eq!(summary["merged"], 0);
        assert_eq!(summary["skipped"], 0);
        assert_eq!(summary["errors"], serde_json::json!([]));
        assert_eq!(comparable(&target), expected, "{kind} round trip");
        // Importing the same file again merges everything and adds nothing.
        let again: Value =
            serde_json::from_str(&ok(&target, &["import", file.to_str().unwrap(), "--json"]))
                .unwrap();
        assert_eq!(
            (again["added"].as_u64(), again["merged"].as_u64()),
            (Some(0), Some(301))
        );
    }
}

#[test]
fn vcard_export_is_utf8_crlf_folded_with_uids() {
    let d = dir();
    let db = d.path().join("k.db");
    ok(
        &db,
        &[
            "demo",
            "--contacts",
            "50",
            "--interactions",
            "10",
            "--seed",
            "3",
        ],
    );
    ok(
        &db,
        &[
            "add",
            "Long Note Person",
            "--birthday=--05-16",
            "--notes",
            &"é".repeat(200),
        ],
    );
    let file = d.path().join("out.vcf");
    ok(&db, &["export", "vcard", "--out", file.to_str().unwrap()]);
    let bytes = std::fs::read(&file).unwrap();
    assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM");
    let text = String::from_utf8(bytes).unwrap();
    // (str::lines would hide a CR; split on LF and look.)
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines.last(), Some(&""));
    assert!(
        lines[..lines.len() - 1].iter().all(|l| l.ends_with('\r')),
        "CRLF everywhere"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert_eq!(text.matches("BEGIN:VCARD").count(), 51);
    assert_eq!(text.matches("\r\nUID:").count(), 51);
    assert_eq!(text.matches("\r\nVERSION:4.0").count(), 51);
    assert!(text.contains("BDAY:--0516"));
    assert!(text.contains("CATEGORIES:"));
}

#[test]
fn a_broken_card_in_the_middle_changes_nothing() {
    let d = dir();
    let db = d.path().join("k.db");
    ok(&db, &["demo", "--contacts", "20", "--interactions", "40"]);
    let before = std::fs::read(&db).unwrap();
    let out = keepwarm(&db, &["import", &fixture("broken-middle.vcf")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("broken-middle.vcf:5") && stderr.contains("line 9"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let json = keepwarm(&db, &["import", &fixture("broken-middle.vcf"), "--json"]);
    let summary: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(summary["added"], 0);
    assert!(summary["errors"][0]
        .as_str()
        .unwrap()
        .contains("broken-middle.vcf:5"));
}

#[test]
fn unknown_and_unreadable_files_are_refused() {
    let d = dir();
    let db = d.path().join("k.db");
    ok(&db, &["add", "Someone"]);
    let before = std::fs::read(&db).unwrap();
    for (file, needle) in [
        (fixture("shopping.txt"), "not a vCard"),
        (
            d.path().join("missing.vcf").display().to_string(),
            "missing.vcf",
        ),
    ] {
        let out = keepwarm(&db, &["import", &file]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{stderr}");
        assert_eq!(std::fs::read(&db).unwrap(), before);
    }
    let out = keepwarm(
        &db,
        &["import", &fixture("google.csv"), "--format", "excel"],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let d = dir();
    let db = d.path().join("k.db");
    ok(&db, &["add", "Mei Chen", "--email", "mei@lumen.example"]);
    let before = std::fs::read(&db).unwrap();
    let summary: Value = serde_json::from_str(&ok(
        &db,
        &["import", &fixture("google.csv"), "--dry-run", "--json"],
    ))
    .unwrap();
    assert_eq!(
        (summary["added"].as_u64(), summary["merged"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(summary["dry_run"], true);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn killing_a_large_import_leaves_none_or_all() {
    let d = dir();
    let source = d.path().join("source.db");
    ok(
        &source,
        &[
            "demo",
            "--contacts",
            "20000",
            "--interactions",
            "0",
            "--seed",
            "5",
        ],
    );
    let file = d.path().join("big.vcf");
    ok(
        &source,
        &["export", "vcard", "--out", file.to_str().unwrap()],
    );

    // How long a full import takes here, to kill at points inside it.
    let timing = d.path().join("timing.db");
    let started = Instant::now();
    ok(&timing, &["import", file.to_str().unwrap()]);
    let full = started.elapsed();

    let mut outcomes = Vec::new();
    for (attempt, fraction) in [0.2, 0.5, 0.8, 0.95].into_iter().enumerate() {
        let db = d.path().join(format!("killed-{attempt}.db"));
        ok(&db, &["add", "Already Here"]);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("keepwarm"))
            .arg("--db")
            .arg(&db)
            .args(["--today", TODAY, "import"])
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(fraction));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        let contacts: Value = serde_json::from_str(&ok(&db, &["contacts", "--json"])).unwrap();
        let n = contacts.as_array().unwrap().len();
        assert!(
            n == 1 || n == 20_001,
            "attempt {attempt}: {n} contacts after a kill"
        );
        outcomes.push(n);
    }
    eprintln!("full import {full:?}; contacts after kills: {outcomes:?}");
    assert!(
        outcomes.contains(&1),
        "at least one kill landed inside the import: {outcomes:?}"
    );
}

/// The contacts of a database, by name (several with one name in id order).
fn contacts_named(db: &Db, name: &str) -> Vec<Value> {
    let all = db.json(&["contacts", "--json"]);
    all.as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == name)
        .cloned()
        .collect()
}

#[test]
fn two_people_with_one_name_stay_two_and_are_reported() {
    let db = Db::new();
    let file = fixture("linkedin-two-annas.csv");
    let summary = db.json(&["import", &file, "--json"]);
    assert_eq!(
        (summary["added"].as_u64(), summary["merged"].as_u64()),
        (Some(3), Some(1)),
        "{summary}"
    );
    let annas = contacts_named(&db, "Anna Schmidt");
    assert_eq!(annas.len(), 2, "different company and profile: two people");
    assert_eq!(annas[0]["company"], "Acme GmbH");
    assert_eq!(annas[1]["company"], "Globex");
    let (a, b) = (annas[0]["id"].as_i64(), annas[1]["id"].as_i64());
    // One pair, naming the file, the line of the second Anna and the reason.
    let pairs = summary["possible_duplicates"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{summary}");
    assert_eq!(pairs[0]["ids"], serde_json::json!([a, b]));
    assert_eq!(pairs[0]["line"], 7);
    assert!(pairs[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("linkedin-two-annas.csv"));
    assert!(
        pairs[0]["reason"]
            .as_str()
            .unwrap()
            .contains("different company"),
        "{summary}"
    );
    // Raj twice, the same profile and company: one person, the merge reported
    // with the file and line of the record and the contact it went into.
    let raj = contacts_named(&db, "Raj Patel");
    assert_eq!(raj.len(), 1);
    let merge = &summary["merges"][0];
    assert!(merge["file"]
        .as_str()
        .unwrap()
        .ends_with("linkedin-two-annas.csv"));
    assert_eq!(merge["line"], 8);
    assert_eq!(merge["into_id"], raj[0]["id"]);
    assert_eq!(merge["into_new"], true);
    assert_eq!(merge["matched_by"], "name");

    // The human summary says who merged into whom and counts the duplicate.
    let out = db.run(&["import", &file]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "linkedin-two-annas.csv:8 Raj Patel into #{} Raj Patel",
            raj[0]["id"]
        )),
        "{stderr}"
    );
    // Importing again matches the same people: nothing added, no new pair.
    assert!(stderr.contains("Imported: 0 new, 4 merged"), "{stderr}");
    assert!(!stderr.contains("possible duplicate"), "{stderr}");
    assert_eq!(contacts_named(&db, "Anna Schmidt").len(), 2);
}

#[test]
fn notes_of_a_second_file_are_appended_with_its_name() {
    let db = Db::new();
    db.ok(&["import", &fixture("anna-phone.vcf")]);
    let summary = db.json(&["import", &fixture("anna-google.csv"), "--json"]);
    assert_eq!(summary["merged"], 1, "{summary}");
    let anna = &contacts_named(&db, "Anna Schmidt")[0];
    assert_eq!(
        anna["notes"],
        "Prefers email before noon.\n\nFrom anna-google.csv: Met at Web Summit 2024. Loves trail running."
    );
    assert_eq!(anna["company"], "Acme GmbH");
    assert_eq!(anna["emails"], serde_json::json!(["anna.schmidt@acme.de"]));
    // Google's own groups are dropped; the user's labels are tags, not interests.
    assert_eq!(anna["tags"], serde_json::json!(["Clients", "Berlin 2025"]));
    assert_eq!(anna["interests"], serde_json::json!([]));
    let merge = &summary["merges"][0];
    assert_eq!(merge["line"], 2);
    assert_eq!(merge["into_id"], anna["id"]);
    assert_eq!(merge["matched_by"], "email");
    assert_eq!(
        merge["filled"],
        serde_json::json!(["company", "title", "tags", "notes (appended)"])
    );
    // The same file again appends nothing more.
    db.ok(&["import", &fixture("anna-google.csv")]);
    assert_eq!(
        contacts_named(&db, "Anna Schmidt")[0]["notes"],
        anna["notes"]
    );
}

#[test]
fn broken_csv_files_exit_1_naming_the_line_and_change_nothing() {
    let db = Db::new();
    db.ok(&["add", "Already Here"]);
    let before = db.bytes();
    for (name, line, words) in [
        ("linkedin-unterminated-quote.csv", 6, "unterminated quote"),
        (
            "linkedin-extra-field.csv",
            6,
            "8 fields but the header has 7",
        ),
    ] {
        let out = db.run(&["import", &fixture(name)]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&format!("{name}:{line}:")) && stderr.contains(words),
            "{stderr}"
        );
        assert_eq!(db.bytes(), before, "{name} changed the database");
        let json = db.run(&["import", &fixture(name), "--json"]);
        let summary: Value = serde_json::from_slice(&json.stdout).unwrap();
        assert!(summary["errors"][0]
            .as_str()
            .unwrap()
            .contains(&format!("{name}:{line}:")));
    }
}

#[test]
fn a_line_in_a_card_that_is_no_property_is_left_out_with_a_warning() {
    let db = Db::new();
    let out = db.run(&["import", &fixture("stray-line.vcf"), "--json"]);
    assert!(out.status.success());
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["added"], 2);
    let warnings = summary["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let warning = warnings[0].as_str().unwrap();
    assert!(
        warning.contains("stray-line.vcf:5:")
            && warning.contains("Call her back after the trade show")
            && warning.contains("not a vCard property"),
        "{warning}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("stray-line.vcf:5:"));
    // The properties around it are read as usual.
    let lena = &contacts_named(&db, "Lena Vogel")[0];
    assert_eq!(lena["notes"], "Met at the Hannover fair.");
}

#[test]
fn impossible_birthdays_long_names_and_control_characters_are_reported() {
    let db = Db::new();
    let out = db.run(&["import", &fixture("bad-values.vcf"), "--json"]);
    assert!(out.status.success());
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = warnings_of(&summary);
    let has = |needle: &str| warnings.iter().any(|w| w.contains(needle));
    assert!(
        has("bad-values.vcf:4: birthday 2030-01-01 is after today"),
        "{warnings:?}"
    );
    assert!(
        has("bad-values.vcf:9: birthday 1850-03-04 is before 1900"),
        "{warnings:?}"
    );
    assert!(has("bad-values.vcf:13: name"), "{warnings:?}");
    assert!(warnings.iter().all(|w| !w.contains('\u{1b}')));
    assert_eq!(
        contacts_named(&db, "Future Baby")[0]["birthday"],
        Value::Null
    );
    assert_eq!(contacts_named(&db, "Very Old")[0]["birthday"], Value::Null);
    assert_eq!(
        contacts_named(&db, "Fine Person")[0]["birthday"],
        "1980-06-15"
    );
    assert_eq!(contacts_named(&db, "Eve[31m Red").len(), 1);
    // The 240-character name is no name: the record is skipped, with its line.
    assert_eq!(summary["skipped"], 1);
    let skipped = &summary["skipped_records"][0];
    assert_eq!(skipped["line"], 16);
    assert!(skipped["file"]
        .as_str()
        .unwrap()
        .ends_with("bad-values.vcf"));
    assert!(
        skipped["reason"]
            .as_str()
            .unwrap()
            .contains("240 characters"),
        "{skipped}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped: ") && stderr.contains("bad-values.vcf:16"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "no raw escape reaches the terminal"
    );
}

#[test]
fn records_without_anything_to_import_are_listed_with_their_line() {
    let db = Db::new();
    let summary = db.json(&["import", &fixture("Connections.csv"), "--json"]);
    assert_eq!(summary["skipped"], 1);
    assert_eq!(summary["skipped_records"][0]["line"], 7);
    assert!(summary["skipped_records"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("no name"));
}

#[test]
fn vcard_warnings_name_the_line_of_the_property_itself() {
    let db = Db::new();
    let out = db.run(&["import", &fixture("bad-bday.vcf"), "--json"]);
    assert!(out.status.success());
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = warnings_of(&summary);
    let has = |needle: &str| warnings.iter().any(|w| w.contains(needle));
    // Olga's card begins on line 1; her BDAY is on line 5.
    assert!(
        has("bad-bday.vcf:5: birthday 2027-05-01 is after today"),
        "{warnings:?}"
    );
    // Ravi's card begins on line 8; EMAIL is on line 11, BDAY on 12, the stray line 13.
    assert!(
        has("bad-bday.vcf:11 (card 2) EMAIL: 'ravishah-at-gmail.com' is not an email address"),
        "{warnings:?}"
    );
    assert!(
        has("bad-bday.vcf:12 (card 2) BDAY: 'March 3rd' is not a date"),
        "{warnings:?}"
    );
    assert!(has("bad-bday.vcf:13"), "{warnings:?}");
    assert!(!has("bad-bday.vcf:8 "), "{warnings:?}");
    assert!(!has("bad-bday.vcf:1:"), "{warnings:?}");

    // The second of two EMAIL lines is named by its own line.
    let dir = dir();
    let file = dir.path().join("two.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Two Mails\nEMAIL:ok@two.example\nNOTE:hi\nEMAIL:not-an-address\nTEL:12\nEND:VCARD\n",
    )
    .unwrap();
    let summary = db.json(&["import", file.to_str().unwrap(), "--json"]);
    let warnings = summary["warnings"].to_string();
    assert!(warnings.contains("two.vcf:6 (card 1) EMAIL"), "{warnings}");
    assert!(warnings.contains("two.vcf:7 (card 1) TEL"), "{warnings}");
}

#[test]
fn csv_columns_with_values_are_kept_in_the_notes_or_named_in_a_warning() {
    let db = Db::new();
    let dir = dir();
    let google = dir.path().join("google.csv");
    std::fs::write(
        &google,
        "First Name,Last Name,Name Prefix,Nickname,Organization Department,Photo,Phonetic First Name,Notes,E-mail 1 - Label,E-mail 1 - Value,Website 1 - Label,Website 1 - Value\n\
         Daniel,Okafor,,Dan,Sales,,,Met at SaaStr,Work,dan@okafor.example,Blog,https://dan.example\n\
         Patricia,Moss,Dr,Trish,,https://photo.example/p.jpg,Pa-tri-sha,,Work,pat@moss.example,,\n",
    )
    .unwrap();
    let summary = db.json(&["import", google.to_str().unwrap(), "--json"]);
    assert_eq!(summary["added"], 2);
    let dan = &contacts_named(&db, "Daniel Okafor")[0];
    assert_eq!(
        dan["notes"],
        "Met at SaaStr\nNickname: Dan\nDepartment: Sales\nWebsite: https://dan.example"
    );
    // A name prefix is how she is addressed, not her name.
    let pat = &contacts_named(&db, "Patricia Moss")[0];
    assert_eq!(pat["notes"], "Name prefix: Dr\nNickname: Trish");
    // The nickname is searchable.
    let found = db.json(&["contacts", "--search", "Trish", "--json"]);
    assert_eq!(found[0]["name"], "Patricia Moss");
    // What is not kept is named, once, with its rows; labels of kept values are not.
    let warnings = warnings_of(&summary);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with(
            "google.csv: columns not imported: Photo (1 row, first on line 3), Phonetic First Name (1 row, first on line 3)"
        ),
        "{warnings:?}"
    );
    // Importing the same file again adds nothing, not even to the notes.
    let again = db.json(&["import", google.to_str().unwrap(), "--json"]);
    assert_eq!(again["added"], 0);
    assert_eq!(
        contacts_named(&db, "Daniel Okafor")[0]["notes"],
        dan["notes"]
    );

    // Outlook: the nickname and department are kept, its placeholders are no data,
    // and an unread phone column is named.
    let outlook = dir.path().join("outlook.csv");
    std::fs::write(
        &outlook,
        "First Name,Last Name,Nickname,Department,Company,E-mail Address,Pager,Anniversary,Priority,Sensitivity\n\
         Mike,Brennan,Mikey,Procurement,Acme,mike@acme.example,555-0101,0/0/00,Normal,Normal\n",
    )
    .unwrap();
    let summary = db.json(&["import", outlook.to_str().unwrap(), "--json"]);
    let mike = &contacts_named(&db, "Mike Brennan")[0];
    assert_eq!(mike["notes"], "Nickname: Mikey\nDepartment: Procurement");
    let warnings = summary["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .ends_with("outlook.csv: column not imported: Pager (1 row, first on line 2)"),
        "{warnings:?}"
    );
}

#[test]
fn a_shared_phone_merges_one_person_written_two_ways_but_never_two_people() {
    let db = Db::new();
    let d = dir();
    let google = d.path().join("google.vcf");
    std::fs::write(
        &google,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Margaret Brennan\nTEL;TYPE=HOME:+61 2 9555 0101\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:3.0\nFN:Jessica Nguyen\nTEL;TYPE=CELL:+61 412 555 019\nEND:VCARD\n",
    )
    .unwrap();
    db.ok(&["import", google.to_str().unwrap()]);
    // The phone's own export: Dad shares Mum's landline; Jess's mobile is
    // written in national form, and her name shorter.
    let phone = d.path().join("phone.vcf");
    std::fs::write(
        &phone,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Kevin Brennan\nTEL;TYPE=HOME:(02) 9555 0101\nTEL;TYPE=CELL:0400 111 222\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:3.0\nFN:Jess Nguyen\nTEL;TYPE=CELL:0412 555 019\nEND:VCARD\n",
    )
    .unwrap();
    let summary = db.json(&["import", phone.to_str().unwrap(), "--json"]);
    assert_eq!(
        (summary["added"].as_u64(), summary["merged"].as_u64()),
        (Some(1), Some(1)),
        "{summary}"
    );
    let kevin = contacts_named(&db, "Kevin Brennan");
    assert_eq!(
        kevin.len(),
        1,
        "another name on a shared landline: another person"
    );
    assert_eq!(contacts_named(&db, "Margaret Brennan").len(), 1);
    let pairs = summary["possible_duplicates"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{summary}");
    assert_eq!(pairs[0]["line"], 1);
    assert!(
        pairs[0]["reason"]
            .as_str()
            .unwrap()
            .contains("same phone ((02) 9555 0101) but another name"),
        "{summary}"
    );
    let jess = contacts_named(&db, "Jessica Nguyen");
    assert_eq!(jess.len(), 1);
    assert_eq!(
        jess[0]["phones"],
        serde_json::json!(["+61 412 555 019"]),
        "one number written two ways is one phone"
    );
    assert_eq!(summary["merges"][0]["matched_by"], "phone");
    // Importing again adds nobody and reports the pair no more than once.
    let again = db.json(&["import", phone.to_str().unwrap(), "--json"]);
    assert_eq!(again["added"], 0, "{again}");
}

#[test]
fn vcard_properties_without_a_field_go_to_the_notes_or_one_warning() {
    let db = Db::new();
    let d = dir();
    let file = d.path().join("phone.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\nFN:Paul Roberts\n\
         NICKNAME:Robbo\nORG:Kestrel Freight;Fleet Operations\nROLE:Signs off the budget\n\
         item1.ADR;TYPE=WORK:;;12 Smith St;Parramatta;NSW;2150;Australia\nitem1.X-ABLabel:work\n\
         URL:https://kestrel.example\nURL:https://www.linkedin.com/in/paul-roberts\n\
         X-ABUID:1234\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nX-ANNIVERSARY:2015-06-20\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\nEND:VCARD\n",
    )
    .unwrap();
    let summary = db.json(&["import", file.to_str().unwrap(), "--json"]);
    let paul = &contacts_named(&db, "Paul Roberts")[0];
    assert_eq!(paul["company"], "Kestrel Freight");
    let notes = paul["notes"].as_str().unwrap();
    for line in [
        "Department: Fleet Operations",
        "Nickname: Robbo",
        "Role: Signs off the budget",
        "Address: 12 Smith St, Parramatta, NSW, 2150, Australia",
        "Website: https://kestrel.example",
    ] {
        assert!(notes.lines().any(|l| l == line), "{line:?} in {notes:?}");
    }
    assert!(
        !notes.contains("linkedin"),
        "the profile is the profile: {notes:?}"
    );
    let warnings = warnings_of(&summary);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with(
            "phone.vcf: not kept, keepwarm has no field for them: PHOTO (2 cards, first on line 13), X-ANNIVERSARY (1 card, line 18)"
        ),
        "{warnings:?}"
    );
    // What the notes hold is not added again by a second import.
    db.ok(&["import", file.to_str().unwrap()]);
    let again = &contacts_named(&db, "Paul Roberts")[0];
    assert_eq!(again["notes"], paul["notes"]);
}

#[test]
fn csv_rows_of_a_crlf_file_are_named_by_their_own_line_and_address_parts_go_with_the_whole() {
    let db = Db::new();
    let dir = dir();
    let google = dir.path().join("contacts.csv");
    // As Google writes it: CRLF line ends, an address as a whole and in parts.
    std::fs::write(
        &google,
        "First Name,Last Name,Notes,Address 1 - Formatted,Address 1 - Street,Address 1 - City,E-mail 1 - Value\r\n\
         Priya,Raman,\"PA: Jo.\r\nPrefers Teams calls\",\"Hawkesbury Rd\r\nWestmead NSW 2145\",Hawkesbury Rd,Westmead,priya@example.org\r\n\
         Tom,Haddad,,,,Dubbo,tom@example.org\r\n",
    )
    .unwrap();
    let summary = db.json(&["import", google.to_str().unwrap(), "--json"]);
    assert_eq!(summary["added"], 2, "{summary}");
    let priya = &contacts_named(&db, "Priya Raman")[0];
    assert!(
        priya["notes"]
            .as_str()
            .unwrap()
            .contains("Address: Hawkesbury Rd"),
        "{priya}"
    );
    // Tom's record starts on line 5 (Priya's spans 2–4); his city has no whole.
    assert_eq!(
        summary["warnings"],
        serde_json::json!([format!(
            "{}: column not imported: Address 1 - City (1 row, first on line 5)",
            google.display()
        )]),
        "{summary}"
    );
}

/// The birthdays of the contacts of `outlook-au.csv`, by name.
fn birthdays_of_the_australian_file(db: &Db) -> Vec<(String, Value)> {
    [
        "Jess Nguyen",
        "Tom Walsh",
        "Priya Raman",
        "Liam O'Connor",
        "Mei Chen",
        "Sam Brook",
    ]
    .iter()
    .map(|name| {
        let found = contacts_named(db, name);
        assert_eq!(found.len(), 1, "{name}");
        ((*name).to_owned(), found[0]["birthday"].clone())
    })
    .collect()
}

/// Guards the bug where an Australian Outlook export lost `20/12/1981` ("not
/// a date") and stored `4/12/1979` as 12 April without a word.
#[test]
fn numeric_birthdays_are_read_in_the_users_date_order_and_every_guess_is_said() {
    let file = fixture("outlook-au.csv");
    let warning = |file: &str, line: usize, text: &str, read_as: &str| {
        format!(
            "{file}:{line}: Birthday '{text}' read as {read_as}; edit the contact if that is wrong"
        )
    };
    let expect = |rows: [(&str, Value); 6]| -> Vec<(String, Value)> {
        rows.into_iter().map(|(n, b)| (n.to_owned(), b)).collect()
    };
    let day_first = |jess: Value| {
        expect([
            ("Jess Nguyen", jess),
            ("Tom Walsh", "1974-01-12".into()),
            ("Priya Raman", "1979-12-04".into()),
            ("Liam O'Connor", "1979-01-09".into()),
            ("Mei Chen", "1988-12-03".into()),
            ("Sam Brook", Value::Null),
        ])
    };
    // 20/12/1981 reads only one way, and so shows how the file writes dates:
    // its other dates are read day first too, wherever the user lives.
    let shown = "day first, as the file writes '20/12/1981'";
    for region in ["AU-VIC", "US"] {
        let db = Db::new();
        db.ok(&["settings", "set", "holidays", region]);
        let out = db.run(&["import", &file, "--json"]);
        assert!(out.status.success());
        let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(summary["added"], 6, "{summary}");
        assert_eq!(
            birthdays_of_the_australian_file(&db),
            day_first("1981-12-20".into()),
            "{region}"
        );
        assert_eq!(
            warnings_of(&summary),
            [
                warning(
                    &file,
                    3,
                    "12/01/1974",
                    &format!("12 January 1974 ({shown})")
                ),
                warning(&file, 4, "4/12/1979", &format!("4 December 1979 ({shown})")),
                warning(&file, 5, "9/01/1979", &format!("9 January 1979 ({shown})")),
                warning(&file, 6, "3/12/1988", &format!("3 December 1988 ({shown})")),
            ]
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "warning: {}",
                warning(&file, 4, "4/12/1979", &format!("4 December 1979 ({shown})"))
            )),
            "{stderr}"
        );
    }

    // Without that date the file shows no order, and the user's region decides:
    // in Victoria the day comes first, in the United States the month, and
    // each guess is said just as plainly.
    let d = dir();
    let ambiguous = d.path().join("outlook-au.csv");
    std::fs::write(
        &ambiguous,
        std::fs::read_to_string(&file)
            .unwrap()
            .replace("20/12/1981", "0/0/00"),
    )
    .unwrap();
    let ambiguous = ambiguous.to_str().unwrap();
    let db = Db::new();
    db.ok(&["settings", "set", "holidays", "AU-VIC"]);
    let summary = db.json(&["import", ambiguous, "--json"]);
    assert_eq!(
        birthdays_of_the_australian_file(&db),
        day_first(Value::Null)
    );
    assert_eq!(
        warnings_of(&summary)[1],
        warning(
            ambiguous,
            4,
            "4/12/1979",
            "4 December 1979 (day first, as in AU)"
        )
    );
    let db = Db::new();
    db.ok(&["settings", "set", "holidays", "US"]);
    let summary = db.json(&["import", ambiguous, "--json"]);
    assert_eq!(summary["added"], 6, "{summary}");
    assert_eq!(
        birthdays_of_the_australian_file(&db),
        expect([
            ("Jess Nguyen", Value::Null),
            ("Tom Walsh", "1974-12-01".into()),
            ("Priya Raman", "1979-04-12".into()),
            ("Liam O'Connor", "1979-09-01".into()),
            ("Mei Chen", "1988-03-12".into()),
            ("Sam Brook", Value::Null),
        ])
    );
    assert_eq!(
        warnings_of(&summary),
        [
            warning(
                ambiguous,
                3,
                "12/01/1974",
                "1 December 1974 (month first, as in US)"
            ),
            warning(
                ambiguous,
                4,
                "4/12/1979",
                "12 April 1979 (month first, as in US)"
            ),
            warning(
                ambiguous,
                5,
                "9/01/1979",
                "1 September 1979 (month first, as in US)"
            ),
            warning(
                ambiguous,
                6,
                "3/12/1988",
                "12 March 1988 (month first, as in US)"
            ),
        ]
    );
}
