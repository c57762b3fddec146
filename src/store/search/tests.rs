use super::queue::{BULK_CARDS, BULK_INTERACTIONS, DEFAULT_HASH_SIZE};
use super::text::{email_query, index_tokens, snippet};
use super::*;
use crate::model::{InteractionKind, NewContact};
use crate::store::NewInteraction;
use rusqlite::{params, Connection};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

fn add(store: &mut Store, new: NewContact) -> i64 {
    store.add_contact(&new, day()).unwrap()
}

/// A contact with only a name.
fn named(store: &mut Store, name: &str) -> i64 {
    let new = NewContact {
        name: name.into(),
        ..Default::default()
    };
    add(store, new)
}

fn log(store: &mut Store, contact_id: i64, note: &str, event: Option<&str>) -> i64 {
    store
        .log_interaction(
            &NewInteraction {
                contact_id,
                kind: InteractionKind::Meeting,
                date: day(),
                note: note.into(),
                event: event.map(str::to_owned),
            },
            day(),
        )
        .unwrap()
}

/// Runs SQL as a write outside the store's own methods would, then indexes
/// what it queued, as every commit does.
fn sql(store: &Store, batch: &str) {
    store.conn.execute_batch(batch).unwrap();
    flush_search_queue(&store.conn).unwrap();
}

/// Who `search` finds, in order; `search_ids` (the app's search as you
/// type) must find the same contacts in the same order, at every limit.
#[track_caller]
fn found(store: &Store, query: &str) -> Vec<i64> {
    let ids: Vec<i64> = store
        .search(query, 20)
        .unwrap()
        .iter()
        .map(|h| h.contact_id)
        .collect();
    assert_eq!(store.search_ids(query, 20).unwrap(), ids, "{query}");
    for limit in [0, 1, 2] {
        assert_eq!(
            store.search_ids(query, limit).unwrap(),
            ids[..limit.min(ids.len())],
            "{query}, limit {limit}"
        );
    }
    ids
}

/// The indexes hold exactly what the tables say (FTS5's own check, and the
/// cards compared with the view they are built from).
#[track_caller]
fn assert_index_consistent(store: &Store) {
    for table in ["contact_search", "interaction_search"] {
        store
            .conn
            .execute(
                &format!("INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"),
                [],
            )
            .unwrap();
    }
    let rows = |sql: &str| -> Vec<String> {
        let mut stmt = store.conn.prepare(sql).unwrap();
        stmt.query_map([], |r| {
            Ok((0..8)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    };
    assert_eq!(
        rows("SELECT rowid, * FROM contact_search ORDER BY rowid"),
        rows("SELECT * FROM contact_search_source ORDER BY id")
    );
}

#[test]
fn search_looks_at_every_text_field() {
    let mut store = Store::open_in_memory().unwrap();
    add(
        &mut store,
        NewContact {
            name: "Zoë Park".into(),
            emails: vec!["zoe.park@acme.example".into()],
            company: Some("Acme Freight".into()),
            title: Some("Head of Procurement".into()),
            phones: vec!["(555) 010-2000".into()],
            interests: vec!["Celtics".into()],
            tags: vec!["Clients".into()],
            notes: "Met at the Lisbon summit".into(),
            ..Default::default()
        },
    );
    for (q, field) in [
        ("zoë", SearchField::Name),
        ("ZOE", SearchField::Name),
        ("FREIGHT", SearchField::Company),
        ("procure", SearchField::Title),
        ("zoe.park@acme.example", SearchField::Emails),
        ("celt", SearchField::Interests),
        ("client", SearchField::Tags),
        ("lisbon", SearchField::Notes),
        ("5550102", SearchField::Phones),
        ("555 010", SearchField::Phones),
    ] {
        let hits = store.search(q, 10).unwrap();
        assert_eq!(hits.len(), 1, "{q}");
        assert!(
            hits[0].matched.iter().any(|m| m.field == field),
            "{q}: {:?}",
            hits[0].matched
        );
    }
    let notes = &store.search("lisbon", 10).unwrap()[0].matched[0];
    assert_eq!(notes.snippet.as_deref(), Some("Met at the [Lisbon] summit"));
    assert!(store.search("nomatch", 10).unwrap().is_empty());
    assert_eq!(
        store.search_contacts("freight").unwrap()[0].name,
        "Zoë Park"
    );
    assert_eq!(store.search_contacts("  ").unwrap().len(), 1);
}

#[test]
fn a_word_only_in_an_interaction_finds_the_contact_with_a_snippet() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = named(&mut store, "Ada Lovelace");
    let bob = named(&mut store, "Bob Stone");
    let note = log(
        &mut store,
        ada,
        "She wants the Q3 pilot priced before the trade show",
        None,
    );
    log(&mut store, bob, "Talked about sailing", Some("Web Summit"));
    let hits = store.search("pilot", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].contact_id, ada);
    let m = &hits[0].matched[0];
    assert_eq!(m.field, SearchField::Interaction);
    assert_eq!(m.interaction_id, Some(note));
    assert_eq!(m.date, Some(day()));
    assert!(
        m.snippet.as_deref().unwrap_or("").contains("[pilot]"),
        "{m:?}"
    );
    assert_eq!(found(&store, "web summ"), vec![bob]);
    // A name and a word from their history, and both words in one note.
    assert_eq!(found(&store, "ada pilot"), vec![ada]);
    assert_eq!(found(&store, "pilot trade"), vec![ada]);
    assert!(found(&store, "bob pilot").is_empty());
}

#[test]
fn card_matches_rank_before_history_and_names_before_notes() {
    let mut store = Store::open_in_memory().unwrap();
    let in_note = add(
        &mut store,
        NewContact {
            name: "Carl Weber".into(),
            notes: "knows Jordan".into(),
            ..Default::default()
        },
    );
    let by_name = named(&mut store, "Jordan Lee");
    let by_history = named(&mut store, "Dana Fox");
    log(&mut store, by_history, "Jordan introduced us", None);
    assert_eq!(found(&store, "jordan"), vec![by_name, in_note, by_history]);
}

#[test]
fn accents_case_and_prefixes_do_not_matter() {
    let mut store = Store::open_in_memory().unwrap();
    let lea = named(&mut store, "Léa Dubois");
    let bjorn = named(&mut store, "Bjorn Olsen");
    log(&mut store, bjorn, "Café crème at the Hôtel de Ville", None);
    assert_eq!(found(&store, "LEA"), vec![lea]);
    assert_eq!(found(&store, "léa dub"), vec![lea]);
    assert_eq!(found(&store, "cafe hotel"), vec![bjorn]);
    assert_eq!(found(&store, "CRÈ"), vec![bjorn]);
    // Quotes, stars and FTS5 keywords are only words.
    for q in [
        "\"", "*", "AND", "NEAR(", "lea OR", "-lea", "name:lea", "l\"ea",
    ] {
        store.search(q, 10).unwrap();
    }
}

#[test]
fn a_snippet_is_one_line() {
    let words = query_words("lisbon");
    assert_eq!(
        snippet("Call back\r\nabout the  Lisbon\tpilot\n", &words).as_deref(),
        Some("Call back about the [Lisbon] pilot")
    );
}

#[test]
fn contacts_in_the_trash_do_not_take_the_places_of_live_ones() {
    let mut store = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for name in ["Anna Alpha", "Anna Beta", "Anna Gamma"] {
        let new = NewContact {
            name: name.into(),
            ..Default::default()
        };
        ids.push(add(&mut store, new));
    }
    let first = found(&store, "anna");
    assert_eq!(first.len(), 3);
    for trashed in &first[..2] {
        store.delete_contact(*trashed, day()).unwrap();
    }
    assert_eq!(store.search_ids("anna", 1).unwrap(), vec![first[2]]);
    assert_eq!(found(&store, "anna"), vec![first[2]]);
    assert_eq!(found(&store, "ann"), vec![first[2]]);
}

#[test]
fn the_index_follows_edits_trash_merges_and_undo() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = add(
        &mut store,
        NewContact {
            name: "Ada Lovelace".into(),
            interests: vec!["sailing".into()],
            ..Default::default()
        },
    );
    let bob = named(&mut store, "Bob Stone");
    let note = log(&mut store, bob, "Loves sailing in Kiel", None);
    assert_eq!(found(&store, "sailing"), vec![ada, bob]);
    assert_index_consistent(&store);

    // Trash: neither the card nor the history is found; restore brings both back.
    sql(
        &store,
        &format!("UPDATE contacts SET deleted_on = '2026-11-26' WHERE id = {bob}"),
    );
    assert_eq!(found(&store, "sailing"), vec![ada]);
    assert!(found(&store, "bob").is_empty());
    assert_index_consistent(&store);
    store
        .conn
        .execute("UPDATE contacts SET deleted_on = NULL WHERE id = ?1", [bob])
        .unwrap();
    assert_eq!(found(&store, "kiel"), vec![bob]);

    // Edits of every indexed table, and an interaction moved as a merge does.
    sql(
        &store,
        &format!(
            "UPDATE contacts SET company = 'Kestrel Aero', notes = 'rowing' WHERE id = {ada};
             UPDATE contact_interests SET interest = 'golf' WHERE contact_id = {ada};
             INSERT INTO contact_emails (contact_id, position, email) VALUES ({ada}, 0, 'ada@kestrel.example');
             INSERT INTO contact_tags (contact_id, position, tag) VALUES ({bob}, 0, 'Partners');
             UPDATE interactions SET contact_id = {ada}, note = 'Loves sailing in Kiel and Oslo' WHERE id = {note};"
        ),
    );
    assert_index_consistent(&store);
    assert_eq!(found(&store, "sailing"), vec![ada]);
    assert_eq!(found(&store, "golf kestrel rowing"), vec![ada]);
    assert_eq!(found(&store, "partners"), vec![bob]);
    sql(&store, &format!("DELETE FROM contacts WHERE id = {ada}"));
    assert!(found(&store, "oslo").is_empty());
    assert_index_consistent(&store);
}

#[test]
fn writes_from_another_sqlite_client_are_indexed_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.db");
    let mut store = Store::open(&path).unwrap();
    let ada = named(&mut store, "Ada Lovelace");
    drop(store);
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute(
            "INSERT INTO interactions (contact_id, kind, date, note) VALUES (?1, 'call', '2026-11-20', 'Pilot in Lisbon')",
            [ada],
        )
        .unwrap();
    drop(other);
    let store = Store::open(&path).unwrap();
    assert_eq!(found(&store, "lisbon"), vec![ada]);
    assert_index_consistent(&store);
}

#[test]
fn undo_keeps_the_index_right() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = add(
        &mut store,
        NewContact {
            name: "Ada Lovelace".into(),
            emails: vec!["ada@example.com".into()],
            ..Default::default()
        },
    );
    log(&mut store, ada, "Pilot in Lisbon", None);
    store.undo().unwrap();
    assert!(found(&store, "lisbon").is_empty());
    assert_eq!(found(&store, "ada"), vec![ada]);
    store.undo().unwrap();
    assert!(found(&store, "ada").is_empty());
    assert_index_consistent(&store);
}

#[test]
fn a_bulk_import_is_indexed_whole_and_undone_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = named(&mut store, "Ada Lovelace");
    let cards = (BULK_CARDS + 200) as usize;
    let text = crate::interop::sample::vcards_3_0(cards, 0, 5);
    let format = crate::interop::Format::Vcard;
    let parsed = crate::interop::importer(format)
        .parse(&text, std::path::Path::new("bulk.vcf"))
        .unwrap();
    let summary = store
        .import_contacts(format, &parsed, day(), false, &mut |_, _| {})
        .unwrap();
    assert_eq!(summary.added, cards);
    assert_index_consistent(&store);
    assert_eq!(found(&store, "ada"), vec![ada]);
    assert!(store.search("tanaka", 5000).unwrap().len() > 10);
    // FTS5's buffer is back to its usual size.
    let hash_size: i64 = store
        .conn
        .query_row(
            "SELECT v FROM contact_search_config WHERE k = 'hashsize'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hash_size, DEFAULT_HASH_SIZE);
    store.undo().unwrap();
    assert_index_consistent(&store);
    assert!(found(&store, "tanaka").is_empty());
    assert_eq!(found(&store, "ada"), vec![ada]);
}

#[test]
fn the_migration_indexes_an_existing_database() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = named(&mut store, "Ada Lovelace");
    log(&mut store, ada, "Pilot in Lisbon", None);
    // Back to schema 4 with the data in place, then forward again.
    store
        .conn
        .execute_batch(
            "DROP TABLE contact_search; DROP TABLE interaction_search; DROP VIEW contact_search_source;
             DROP TABLE search_queue_contacts; DROP TABLE search_queue_interactions;
             PRAGMA user_version = 4;",
        )
        .unwrap();
    for trigger in store
        .conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
    {
        store
            .conn
            .execute(&format!("DROP TRIGGER {trigger}"), [])
            .unwrap();
    }
    // The search migration (schema 5) alone, as an upgrade from 4 runs it.
    store
        .conn
        .execute_batch(super::super::MIGRATIONS[4])
        .unwrap();
    assert_eq!(found(&store, "lisbon"), vec![ada]);
    assert_eq!(found(&store, "lovelace"), vec![ada]);
    assert_index_consistent(&store);
}

#[test]
fn the_card_prefix_migration_rebuilds_an_existing_index_finding_the_same() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = add(
        &mut store,
        NewContact {
            name: "Ada Lovelace".into(),
            company: Some("Kestrel Aerospace".into()),
            emails: vec!["ada@kestrel-aerospace.example".into()],
            ..Default::default()
        },
    );
    let bob = named(&mut store, "Bob Aerospacewright");
    log(&mut store, bob, "Aerospace fair in Lisbon", None);
    let queries = [
        "aerospace",
        "aero",
        "aerospacew",
        "kestrel aer",
        "lovelac",
        "lisbon",
    ];
    let before: Vec<Vec<SearchHit>> = queries
        .iter()
        .map(|q| store.search(q, 10).unwrap())
        .collect();
    // The card index as schema 11 had it, then migration 12 alone.
    store
        .conn
        .execute_batch(
            "DROP TABLE contact_search;
             CREATE VIRTUAL TABLE contact_search USING fts5 (
                 name, company, title, emails, interests, tags, notes,
                 tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
             INSERT INTO contact_search (contact_search, rank)
             VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 4.0, 3.0, 3.0, 1.0)');
             INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
             SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source;",
        )
        .unwrap();
    assert_eq!(found(&store, "aerospacew"), vec![bob]);
    store
        .conn
        .execute_batch(super::super::MIGRATIONS[11])
        .unwrap();
    assert_index_consistent(&store);
    for (q, hits) in queries.iter().zip(&before) {
        assert_eq!(&store.search(q, 10).unwrap(), hits, "{q}");
    }
    assert_eq!(found(&store, "aero"), vec![bob, ada]);
    let hash_size: i64 = store
        .conn
        .query_row(
            "SELECT v FROM contact_search_config WHERE k = 'hashsize'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hash_size, DEFAULT_HASH_SIZE);
}

/// Demo contacts and history, a few trashed, with accents and phone numbers.
fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let options = crate::demo::DemoOptions {
        contacts: 600,
        interactions: 3_000,
        seed: 3,
    };
    crate::demo::fill_demo(&mut store, options, day()).unwrap();
    for (i, (name, company, note)) in [
        (
            "Léa Müller",
            "Ærø Frëight",
            "Pricing call in Málaga; the Q3 pilot",
        ),
        ("Lea Muller", "Aero Freight", "Olivia asked about pricing"),
        ("Łukasz Øster", "Straße GmbH", "Ǆ ǅ ǆ ﬁnance — pricing"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = add(
            &mut store,
            NewContact {
                name: name.into(),
                company: Some(company.into()),
                phones: vec![format!("+1 555 010 200{i}")],
                notes: note.into(),
                ..Default::default()
            },
        );
        log(&mut store, id, note, Some("Web Summit"));
    }
    sql(
        &store,
        "UPDATE contacts SET deleted_on = '2026-11-01' WHERE id % 7 = 3",
    );
    store
}

/// Queries of every kind: names, companies, note words, prefixes as typed,
/// two and three words mixing them, an email, phone digits, accents.
fn demo_queries(store: &Store) -> Vec<String> {
    let email: String = store
        .conn
        .query_row(
            "SELECT email FROM contact_emails ORDER BY contact_id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut queries: Vec<String> = [
        "olivia",
        "ol",
        "o",
        "emma",
        "liam",
        "acme",
        "acme logistics",
        "globex",
        "north",
        "pricing",
        "the",
        "lisbon",
        "pri",
        "olivia pricing",
        "pricing the",
        "emma lisbon",
        "acme pricing",
        "globex the call",
        "olivia the pricing",
        "web summit",
        "lea",
        "léa müller",
        "muller pricing",
        "ærø",
        "aero",
        "straße",
        "łukasz",
        "555",
        "555 010",
        "zyxwvut",
        "q3 pilot",
        "olivia olivia",
    ]
    .iter()
    .map(|q| q.to_string())
    .collect();
    queries.push(email.clone());
    queries.push(email[..email.len() / 2].to_string());
    queries
}

#[test]
fn stopping_when_the_page_is_full_finds_what_every_step_finds() {
    let store = demo_store();
    for q in demo_queries(&store) {
        for limit in [1, 2, 3, 5, 20, 100] {
            let all = store.search_with(&q, limit, Stop::Never).unwrap();
            assert_eq!(
                store.search_with(&q, limit, Stop::WhenPageFull).unwrap(),
                all,
                "{q}, limit {limit}"
            );
            let ids: Vec<i64> = all.iter().map(|h| h.contact_id).collect();
            assert_eq!(
                store.search_ids(&q, limit).unwrap(),
                ids,
                "{q}, limit {limit}"
            );
            assert_eq!(
                store.search_ids_with(&q, limit, Stop::Never).unwrap(),
                ids,
                "{q}, limit {limit}"
            );
        }
    }
    // Steps were skipped: on cards, with two words, in history.
    for (q, limit) in [("acme", 5), ("olivia", 3), ("olivia pricing", 2)] {
        let gathered = store
            .gather(q, &query_words(q), limit, Stop::WhenPageFull)
            .unwrap();
        assert!(!gathered.skipped.is_empty(), "{q}");
    }
}

#[test]
fn the_tokens_worked_out_here_are_those_of_the_index() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2');
         CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance');",
    )
    .unwrap();
    let chars: Vec<char> = (1..0x80u32)
        .chain(0xC0..0x250)
        .filter_map(char::from_u32)
        .collect();
    for &c in &chars {
        conn.execute(
            "INSERT INTO t (rowid, x) VALUES (?1, ?2)",
            params![c as i64, format!("x{c}y {c}Z{c}")],
        )
        .unwrap();
    }
    for &c in &chars {
        let index: Vec<String> = conn
            .prepare("SELECT term FROM v WHERE doc = ?1 ORDER BY offset")
            .unwrap()
            .query_map([c as i64], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let text = format!("x{c}y {c}Z{c}");
        assert_eq!(index_tokens(&text), Some(index), "U+{:04X}", c as u32);
    }
    // Other characters are left to FTS5.
    assert_eq!(index_tokens("Ǿ ok"), Some(vec!["ǿ".into(), "ok".into()]));
    assert_eq!(index_tokens("ﬁnance"), None);
    assert_eq!(index_tokens("Ω"), None);
}

#[test]
fn card_fields_worked_out_from_tokens_are_those_fts5_marks() {
    let store = demo_store();
    let cards: Vec<i64> = store
        .conn
        .prepare("SELECT rowid FROM contact_search ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut compared = 0;
    for q in demo_queries(&store) {
        let words = query_words(&q);
        if words.is_empty() {
            continue;
        }
        for (prefix, name_only) in [(false, false), (true, false), (false, true), (true, true)] {
            let fts = words
                .iter()
                .map(|w| if prefix { &w.prefix } else { &w.exact })
                .cloned()
                .collect::<Vec<_>>()
                .join(" OR ");
            let fts = if name_only {
                format!("name : ({fts})")
            } else {
                fts
            };
            let by_fts = store.card_fields(&fts, &cards).unwrap();
            let mut read = HashMap::new();
            for (id, fields) in &by_fts {
                if let Some(by_tokens) = store
                    .fields_by_tokens(&mut read, *id, &words, prefix, name_only)
                    .unwrap()
                {
                    assert_eq!(&by_tokens, fields, "{q} ({fts}), card {id}");
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 500, "{compared}");
}

#[test]
fn cards_are_ranked_as_the_index_ranks_them() {
    let store = demo_store();
    let option: String = store
        .conn
        .query_row(
            "SELECT v FROM contact_search_config WHERE k = 'rank'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        format!("bm25(contact_search, {}", &option["bm25(".len()..]),
        super::steps::CARD_RANK
    );
    let mut stmt = store
        .conn
        .prepare(&format!(
            "SELECT rank, {} FROM contact_search WHERE contact_search MATCH ?1",
            super::steps::CARD_RANK
        ))
        .unwrap();
    for q in [
        "\"olivia\"",
        "\"acme\"* \"logistics\"*",
        "\"pricing\" OR \"lisbon\"",
    ] {
        let ranks: Vec<(f64, f64)> = stmt
            .query_map([q], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(!ranks.is_empty(), "{q}");
        for (rank, ours) in ranks {
            assert_eq!(rank.to_bits(), ours.to_bits(), "{q}");
        }
    }
}

#[test]
fn an_address_typed_whole_finds_who_has_it_then_who_wrote_of_it() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = add(
        &mut store,
        NewContact {
            name: "Ada Lovelace".into(),
            emails: vec!["Ada.L@Example.com".into()],
            ..Default::default()
        },
    );
    let longer = add(
        &mut store,
        NewContact {
            name: "Bob Stone".into(),
            emails: vec!["ada.l@example.com.au".into()],
            ..Default::default()
        },
    );
    let wrote = named(&mut store, "Carl Weber");
    log(
        &mut store,
        wrote,
        "Wrote to ada.l@example.com about the pilot",
        None,
    );
    for q in [
        "ada.l@example.com",
        "ADA.L@EXAMPLE.COM",
        " ada.l@example.com ",
    ] {
        assert_eq!(found(&store, q), vec![ada, wrote], "{q}");
    }
    let hits = store.search("ada.l@example.com", 10).unwrap();
    let fields: Vec<SearchField> = hits[0].matched.iter().map(|m| m.field).collect();
    assert_eq!(fields, vec![SearchField::Emails]);
    assert_eq!(hits[1].matched[0].field, SearchField::Interaction);
    // Part of an address, or one nobody has, is searched for word by word.
    let mut part = found(&store, "ada.l@example");
    part.sort_unstable();
    assert_eq!(part, vec![ada, longer, wrote]);
    store.delete_contact(ada, day()).unwrap();
    assert_eq!(found(&store, "ada.l@example.com"), vec![longer, wrote]);
    assert_eq!(email_query("a@b"), None);
    assert_eq!(email_query("a@b.c d"), None);
    assert_eq!(email_query("@b.c"), None);
    assert_eq!(email_query("a@b..c"), None);
    assert_eq!(email_query("a@b.c"), Some("a@b.c"));
}

#[test]
fn a_bulk_of_interactions_is_indexed_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let ada = named(&mut store, "Ada Lovelace");
    let bob = named(&mut store, "Bob Stone");
    sql(
        &store,
        &format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {})
             INSERT INTO interactions (contact_id, kind, date, note)
             SELECT CASE WHEN i % 2 = 0 THEN {ada} ELSE {bob} END, 'call', '2026-11-20',
                    'Call number ' || i || CASE WHEN i % 1000 = 0 THEN ' about Lisbon' ELSE '' END
             FROM n",
            BULK_INTERACTIONS + 100
        ),
    );
    assert_index_consistent(&store);
    assert_eq!(found(&store, "lisbon"), vec![ada]);
    assert_eq!(found(&store, "call 5001"), vec![bob]);
    let hash_size: i64 = store
        .conn
        .query_row(
            "SELECT v FROM interaction_search_config WHERE k = 'hashsize'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hash_size, DEFAULT_HASH_SIZE);
}

#[test]
fn the_history_migration_merges_the_index_finding_the_same() {
    let store = demo_store();
    let queries = demo_queries(&store);
    let before: Vec<Vec<SearchHit>> = queries
        .iter()
        .map(|q| store.search(q, 20).unwrap())
        .collect();
    store
        .conn
        .execute_batch(super::super::MIGRATIONS[12])
        .unwrap();
    assert_index_consistent(&store);
    for (q, hits) in queries.iter().zip(&before) {
        assert_eq!(&store.search(q, 20).unwrap(), hits, "{q}");
    }
}
