//! Every importer quirk on a fixture file, asserting the exact contacts that result.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::PathBuf;

use chrono::NaiveDate;
use keepwarm::interop::{read_file, sniff, DateReading, Format};
use keepwarm::model::{Circle, Contact};
use keepwarm::store::MatchedBy;
use keepwarm::Store;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// Imports a fixture into a fresh in-memory database and returns the contacts.
fn import(name: &str) -> (Format, Vec<Contact>, keepwarm::store::ImportSummary) {
    let (format, parsed) = read_file(&fixture(name), None, &DateReading::default()).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = store
        .import_contacts(format, &parsed, today(), false, &mut |_, _| {})
        .unwrap();
    (format, store.contacts().unwrap(), summary)
}

fn by_name<'a>(contacts: &'a [Contact], name: &str) -> &'a Contact {
    contacts.iter().find(|c| c.name == name).unwrap_or_else(|| {
        panic!(
            "no {name} in {:#?}",
            contacts.iter().map(|c| &c.name).collect::<Vec<_>>()
        )
    })
}

fn birthday(c: &Contact) -> Option<String> {
    c.birthday.map(|b| b.to_string())
}

#[test]
fn apple_vcard_groups_labels_escapes_folding_bom_photo() {
    let (format, contacts, summary) = import("apple.vcf");
    assert_eq!(format, Format::Vcard);
    assert_eq!((summary.added, summary.merged, summary.skipped), (2, 0, 0));
    let zoe = by_name(&contacts, "Zoë O'Brien, Jr.");
    assert_eq!(zoe.given_name, "Zoë");
    assert_eq!(zoe.family_name, "O'Brien");
    assert_eq!(zoe.emails, ["zoe@acme.example", "zoe.obrien@gmail.example"]);
    assert_eq!(zoe.phones, ["+1 (555) 010-2000", "+1 555 010 2001"]);
    assert_eq!(zoe.company.as_deref(), Some("Acme, Inc."));
    assert_eq!(zoe.title.as_deref(), Some("VP; Sales"));
    // X-APPLE-OMIT-YEAR=1604: a birthday without a year.
    assert_eq!(birthday(zoe).as_deref(), Some("--05-16"));
    assert_eq!(zoe.interests, ["sailing", "Celtics"]);
    // A fold keeps the space that separates words after the escape.
    assert_eq!(
        zoe.notes,
        "Met at SaaStr, loves sailing\nSecond line with a backslash \\ in itand a folded end\n\
         Department: Sales"
    );
    let hiro = by_name(&contacts, "Hiro Tanaka");
    // Folded with a TAB.
    assert_eq!(hiro.title.as_deref(), Some("Head ofProcurement"));
    assert_eq!(hiro.emails, ["HIRO@Tanaka.example"]);
    assert_eq!(birthday(hiro).as_deref(), Some("1975-04-12"));
}

#[test]
fn vcard_21_quoted_printable_charset_and_bare_parameters() {
    let (_, contacts, summary) = import("android21.vcf");
    assert_eq!((summary.added, summary.skipped), (2, 0));
    let j = by_name(&contacts, "Jürgen Müller");
    assert_eq!(
        (j.given_name.as_str(), j.family_name.as_str()),
        ("Jürgen", "Müller")
    );
    assert_eq!(j.phones, ["+49 30 1234567", "0171 2345678"]);
    assert_eq!(j.emails, ["juergen@example.de"]);
    // A quoted-printable soft line break (=) joins the two halves; the next line is content.
    assert_eq!(j.notes, "Sehr netter Kontakt, möchte Segeln lernen");
    assert_eq!(birthday(j).as_deref(), Some("--02-29"));
    // N without FN.
    let n = by_name(&contacts, "Name Only");
    assert_eq!(
        (n.given_name.as_str(), n.family_name.as_str()),
        ("Name", "Only")
    );
}

#[test]
fn vcard_40_names_birthdays_and_nameless_cards() {
    let (_, contacts, summary) = import("v4-many.vcf");
    assert_eq!(contacts.len(), 5);
    assert_eq!(summary.skipped, 1, "the card with only a NOTE");
    let ada = by_name(&contacts, "Ada Lovelace");
    assert_eq!(ada.emails, ["ada@engines.example"]);
    assert_eq!(birthday(ada).as_deref(), Some("--12-10"));
    // N without FN: the name is built from N.
    let alan = by_name(&contacts, "Dr. Alan Mathison Turing");
    assert_eq!(
        (alan.given_name.as_str(), alan.family_name.as_str()),
        ("Alan", "Turing")
    );
    assert_eq!(birthday(alan).as_deref(), Some("1912-06-23"));
    // --MM-DD (the extended form calcard alone would misread).
    assert_eq!(
        birthday(by_name(&contacts, "Grace Hopper")).as_deref(),
        Some("--12-09")
    );
    // A birthday in words is left out, not an error.
    let kj = by_name(&contacts, "Katherine Johnson");
    assert_eq!(kj.birthday, None);
    assert_eq!(kj.phones, ["+1-555-010-3000"]);
    assert!(summary.warnings.iter().any(|w| w.contains("circa 1918")));
    // A company card is named after the company.
    assert_eq!(
        by_name(&contacts, "Northwind Traders").company.as_deref(),
        Some("Northwind Traders")
    );
}

#[test]
fn linkedin_preamble_dates_empty_emails_quoted_commas() {
    let (format, contacts, summary) = import("Connections.csv");
    assert_eq!(format, Format::Linkedin);
    assert_eq!((summary.added, summary.skipped), (2, 1));
    let priya = by_name(&contacts, "Priya Sharma");
    assert_eq!(priya.emails, ["priya@globex.example"]);
    assert_eq!(priya.company.as_deref(), Some("Globex"));
    assert_eq!(priya.title.as_deref(), Some("VP, Supply Chain"));
    assert_eq!(
        priya.created_on,
        NaiveDate::from_ymd_opt(2024, 3, 12).unwrap()
    );
    assert_eq!(priya.circle, Circle::Acquaintance);
    assert!(priya.notes.contains("linkedin.com/in/priyasharma"));
    let omar = by_name(&contacts, "Omar Haddad");
    assert!(omar.emails.is_empty());
    assert_eq!(omar.company.as_deref(), Some("Initech, Inc."));
}

#[test]
fn google_multi_values_labels_and_year_less_birthdays() {
    let (format, contacts, _) = import("google.csv");
    assert_eq!(format, Format::Google);
    let mei = by_name(&contacts, "Mei Chen");
    assert_eq!(mei.emails, ["mei@lumen.example", "mei.chen@gmail.example"]);
    assert_eq!(mei.phones, ["+1 555 010 4000", "+1 555 010 4001"]);
    assert_eq!(mei.company.as_deref(), Some("Lumen Analytics"));
    assert_eq!(mei.title.as_deref(), Some("Data Lead"));
    assert_eq!(birthday(mei).as_deref(), Some("--05-16"));
    // Labels are tags; Google's own groups (* myContacts, * starred) are neither.
    assert_eq!(mei.tags, ["Customers"]);
    assert!(mei.interests.is_empty(), "labels are not interests");
    assert_eq!(mei.notes, "Likes jazz, and coffee");
    assert_eq!(
        birthday(by_name(&contacts, "Lukas Weber")).as_deref(),
        Some("1988-11-03")
    );
}

#[test]
fn google_legacy_header() {
    let (format, contacts, _) = import("google-legacy.csv");
    assert_eq!(format, Format::Google);
    let s = by_name(&contacts, "Sofía Pérez");
    assert_eq!(s.emails, ["sofia@perez.example"]);
    assert_eq!(s.phones, ["+34 600 000 001"]);
    assert_eq!(s.company.as_deref(), Some("Vireo Foods"));
    assert_eq!(s.title.as_deref(), Some("Buyer"));
    assert_eq!(birthday(s).as_deref(), Some("1990-01-20"));
    assert_eq!(s.tags, ["Golf"], "the user's group, without * My Contacts");
    assert!(s.interests.is_empty());
}

#[test]
fn outlook_windows_1252_dates_and_job_title() {
    let (format, contacts, _) = import("outlook.csv");
    assert_eq!(format, Format::Outlook);
    let f = by_name(&contacts, "Françoise Dubois");
    assert_eq!(f.emails, ["francoise@dubois.example"]);
    assert_eq!(f.phones, ["+33 1 23 45 67 89"]);
    assert_eq!(f.company.as_deref(), Some("Société Générale Café"));
    // Title is the honorific; Job Title is the job.
    assert_eq!(f.title.as_deref(), Some("Directrice commerciale"));
    assert_eq!(birthday(f).as_deref(), Some("1985-07-04"));
    // Outlook's categories are its labels: tags.
    assert_eq!(f.tags, ["Golf", "VIP"]);
    assert!(f.interests.is_empty());
    // The honorific is kept in the notes, as Google's Name Prefix is.
    assert_eq!(
        f.notes,
        "Très sympathique, \"grande\" cliente\nName prefix: Mme"
    );
    let r = by_name(&contacts, "René Müller");
    assert_eq!(r.birthday, None, "0/0/00 means no birthday");
    assert_eq!(r.phones, ["+49 171 000 0001"]);
}

#[test]
fn a_broken_card_names_its_line_and_unknown_files_are_refused() {
    let err = read_file(&fixture("broken-middle.vcf"), None, &DateReading::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("broken-middle.vcf:5"), "{err}");
    assert!(
        err.contains("no END:VCARD") && err.contains("line 9"),
        "{err}"
    );
    let err = read_file(&fixture("shopping.txt"), None, &DateReading::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("shopping.txt") && err.contains("not a vCard"),
        "{err}"
    );
    assert_eq!(sniff("BEGIN:VCARD\r\nEND:VCARD"), Some(Format::Vcard));
    assert_eq!(sniff("hello"), None);
}

#[test]
fn duplicates_merge_by_email_phone_and_name() {
    let mut store = Store::open_in_memory().unwrap();
    let (format, first) = read_file(&fixture("google.csv"), None, &DateReading::default()).unwrap();
    store
        .import_contacts(format, &first, today(), false, &mut |_, _| {})
        .unwrap();
    // The same people again, plus a vCard for Mei with a new phone and a title,
    // and one with her phone under her first name alone.
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mei C.\r\nEMAIL:MEI@lumen.example\r\nTEL:+1 555 999 0000\r\nCATEGORIES:jazz\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lukas Weber\r\nORG:Weber GmbH\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mei\r\nTEL:+1 (555) 010-4001\r\nEND:VCARD\r\n";
    let parsed = keepwarm::interop::importer(Format::Vcard)
        .parse(text, std::path::Path::new("again.vcf"))
        .unwrap();
    let summary = store
        .import_contacts(Format::Vcard, &parsed, today(), false, &mut |_, _| {})
        .unwrap();
    assert_eq!((summary.added, summary.merged), (0, 3));
    let contacts = store.contacts().unwrap();
    // Each merge names the record's line, the contact and what it brought.
    let by = |line: usize| summary.merges.iter().find(|m| m.line == line).unwrap();
    let mei_id = by_name(&contacts, "Mei Chen").id;
    assert_eq!(by(1).into_id, mei_id);
    assert_eq!(by(1).matched_by, MatchedBy::Email);
    assert_eq!(by(1).filled, ["phones", "interests"]);
    assert_eq!(by(1).conflicts[0].field, "name");
    assert_eq!(by(1).conflicts[0].other, "Mei C.");
    assert_eq!(by(8).matched_by, MatchedBy::Name);
    assert_eq!(by(8).filled, ["company"]);
    assert_eq!(by(13).matched_by, MatchedBy::Phone);
    assert_eq!(contacts.len(), 2);
    let mei = by_name(&contacts, "Mei Chen");
    assert_eq!(
        mei.phones,
        ["+1 555 010 4000", "+1 555 010 4001", "+1 555 999 0000"]
    );
    assert_eq!(mei.tags, ["Customers"]);
    assert_eq!(
        mei.interests,
        ["jazz"],
        "a vCard's CATEGORIES are interests"
    );
    assert_eq!(
        by_name(&contacts, "Lukas Weber").company.as_deref(),
        Some("Weber GmbH")
    );

    // Same name, different emails: two people.
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lukas Weber\r\nEMAIL:other.lukas@example.com\r\nEND:VCARD\r\n";
    let parsed = keepwarm::interop::importer(Format::Vcard)
        .parse(text, std::path::Path::new("namesake.vcf"))
        .unwrap();
    let summary = store
        .import_contacts(Format::Vcard, &parsed, today(), false, &mut |_, _| {})
        .unwrap();
    assert_eq!((summary.added, summary.merged), (1, 0));
    let lukases: Vec<i64> = store
        .contacts()
        .unwrap()
        .iter()
        .filter(|c| c.name == "Lukas Weber")
        .map(|c| c.id)
        .collect();
    assert_eq!(summary.possible_duplicates[0].ids, [lukases[0], lukases[1]]);
    assert_eq!(summary.possible_duplicates[0].reason, "different emails");

    // A third Lukas with nothing but his name could be either: he stays apart
    // rather than being merged into a guess.
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lukas Weber\r\nEND:VCARD\r\n";
    let parsed = keepwarm::interop::importer(Format::Vcard)
        .parse(text, std::path::Path::new("bare.vcf"))
        .unwrap();
    let summary = store
        .import_contacts(Format::Vcard, &parsed, today(), false, &mut |_, _| {})
        .unwrap();
    assert_eq!((summary.added, summary.merged), (1, 0));
    assert_eq!(summary.possible_duplicates.len(), 1);
    assert!(summary.possible_duplicates[0]
        .reason
        .contains("2 contacts have this name"));
    // ...unless one of them shares his company.
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lukas Weber\r\nORG:Weber GmbH\r\nTITLE:CEO\r\nEND:VCARD\r\n";
    let parsed = keepwarm::interop::importer(Format::Vcard)
        .parse(text, std::path::Path::new("org.vcf"))
        .unwrap();
    let summary = store
        .import_contacts(Format::Vcard, &parsed, today(), false, &mut |_, _| {})
        .unwrap();
    assert_eq!((summary.added, summary.merged), (0, 1));
    assert_eq!(summary.merges[0].into_id, lukases[0]);
}

/// Every row of every table but the journal, table by table. The search
/// indexes are compared by what they hold, not by their internal pages.
fn dump(db: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'journal'
             AND name NOT LIKE 'sqlite_%' AND name != 'id_high_water'
             AND name NOT LIKE '%search_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let columns = if table.ends_with("_search") {
                "rowid, *"
            } else {
                "*"
            };
            let mut stmt = conn
                .prepare(&format!("SELECT {columns} FROM \"{table}\""))
                .unwrap();
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    Ok((0..columns)
                        .map(|i| match r.get_ref(i).unwrap() {
                            rusqlite::types::ValueRef::Text(t) => {
                                String::from_utf8_lossy(t).into_owned()
                            }
                            other => format!("{other:?}"),
                        })
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.sort();
            (table, rows)
        })
        .collect()
}

#[test]
fn undoing_an_import_restores_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut store = Store::open(&db).unwrap();
    keepwarm::demo::fill_demo(
        &mut store,
        keepwarm::demo::DemoOptions {
            contacts: 40,
            interactions: 100,
            seed: 9,
        },
        today(),
    )
    .unwrap();
    let (format, phone) =
        read_file(&fixture("anna-phone.vcf"), None, &DateReading::default()).unwrap();
    store
        .import_contacts(format, &phone, today(), false, &mut |_, _| {})
        .unwrap();
    let before = dump(&db);
    // Merges into a stored contact (notes appended, tags added) and adds others.
    for name in ["anna-google.csv", "linkedin-two-annas.csv"] {
        let (format, parsed) = read_file(&fixture(name), None, &DateReading::default()).unwrap();
        let before_this = dump(&db);
        let summary = store
            .import_contacts(format, &parsed, today(), false, &mut |_, _| {})
            .unwrap();
        assert!(summary.merged + summary.added > 0);
        assert_ne!(dump(&db), before_this);
        let undone = store.undo().unwrap().unwrap();
        assert!(undone.label.contains(name), "{}", undone.label);
        let after = dump(&db);
        for ((table, rows), (_, expected)) in after.iter().zip(&before) {
            assert_eq!(rows, expected, "undo of {name}: table {table}");
        }
        assert_eq!(after.len(), before.len());
    }
}

#[test]
fn a_record_like_a_contact_in_the_trash_is_added_anew_with_a_warning() {
    let mut store = Store::open_in_memory().unwrap();
    let (format, phone) =
        read_file(&fixture("anna-phone.vcf"), None, &DateReading::default()).unwrap();
    store
        .import_contacts(format, &phone, today(), false, &mut |_, _| {})
        .unwrap();
    let anna = store.contacts().unwrap()[0].id;
    store.delete_contact(anna, today()).unwrap();
    let (format, google) =
        read_file(&fixture("anna-google.csv"), None, &DateReading::default()).unwrap();
    let summary = store
        .import_contacts(format, &google, today(), false, &mut |_, _| {})
        .unwrap();
    assert_eq!((summary.added, summary.merged), (1, 0));
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains(&format!("#{anna} Anna Schmidt in the trash (same email)"))),
        "{:?}",
        summary.warnings
    );
}

#[test]
fn dry_run_counts_the_same_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let (format, parsed) =
        read_file(&fixture("v4-many.vcf"), None, &DateReading::default()).unwrap();
    let dry = store
        .import_contacts(format, &parsed, today(), true, &mut |_, _| {})
        .unwrap();
    assert_eq!(store.contact_count().unwrap(), 0);
    let real = store
        .import_contacts(format, &parsed, today(), false, &mut |_, _| {})
        .unwrap();
    assert_eq!(
        (dry.added, dry.merged, dry.skipped),
        (real.added, real.merged, real.skipped)
    );
    assert!(dry.dry_run && !real.dry_run);
}
