//! Full-text search over contacts and their history (SQLite FTS5).
//!
//! Two indexes, kept by triggers (see `migrations/0005_search.sql`): the card of
//! each live contact (`contact_search`) and each interaction's note and event
//! (`interaction_search`). Every word of a query is a prefix (`pri` finds
//! Priya), case and accents do not matter (`lea` finds Léa), and every word must
//! match. A contact is found, best first:
//!
//! 1. when their card holds every word (ranked by bm25, the name weighing most);
//! 2. when their card holds some of the words and one interaction the rest
//!    ("priya pricing": Priya, who talked pricing);
//! 3. when one interaction holds every word.
//!
//! Histories are long, so tiers 2 and 3 rank by bm25 among the most recent
//! matching interactions ([`HISTORY_SCAN`] per query), which keeps a search on a
//! common word as fast as one on a rare word. A query that looks like a phone
//! number also finds contacts whose number contains its digits.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::contacts::{load_contacts, phone_digits};
use super::Store;
use crate::error::Result;
use crate::model::Contact;

/// How many of the most recent matching interactions a search looks at, at
/// least: enough to find a page of people through their history, few enough
/// that ranking them stays well under a millisecond.
pub const HISTORY_SCAN: usize = 200;

/// The most contacts [`Store::search_contacts`] returns.
pub const SEARCH_CONTACTS_LIMIT: usize = 500;

/// How many contacts whose card matches part of a query have their history
/// searched for the rest (tier 2).
const PARTIAL_CARD_CANDIDATES: usize = 100;

/// Queries of more words than this skip tier 2 (it tries every split of the words).
const MAX_SPLIT_WORDS: usize = 3;

/// The columns of `contact_search`, in order, as the fields they index.
const CARD_FIELDS: [SearchField; 7] = [
    SearchField::Name,
    SearchField::Company,
    SearchField::Title,
    SearchField::Emails,
    SearchField::Interests,
    SearchField::Tags,
    SearchField::Notes,
];

/// Where a search matched a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchField {
    /// The contact's name.
    Name,
    /// Their company.
    Company,
    /// Their job title.
    Title,
    /// One of their email addresses.
    Emails,
    /// One of their phone numbers (the digits of the query).
    Phones,
    /// One of their interests.
    Interests,
    /// One of their tags (labels and groups).
    Tags,
    /// The free notes on their card.
    Notes,
    /// The note or event name of an interaction with them.
    Interaction,
}

impl SearchField {
    /// The field's name, as JSON has it.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchField::Name => "name",
            SearchField::Company => "company",
            SearchField::Title => "title",
            SearchField::Emails => "emails",
            SearchField::Phones => "phones",
            SearchField::Interests => "interests",
            SearchField::Tags => "tags",
            SearchField::Notes => "notes",
            SearchField::Interaction => "interaction",
        }
    }
}

/// One place a search matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchMatch {
    /// The field.
    pub field: SearchField,
    /// For notes and interactions: the words around the match, matched words in
    /// `[brackets]`, cut text marked `…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    /// For an interaction: its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interaction_id: Option<i64>,
    /// For an interaction: its date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl SearchMatch {
    fn field(field: SearchField) -> SearchMatch {
        SearchMatch {
            field,
            snippet: None,
            interaction_id: None,
            date: None,
        }
    }
}

/// A contact a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The contact's id.
    pub contact_id: i64,
    /// Their name.
    pub name: String,
    /// Their company.
    pub company: Option<String>,
    /// The bm25 score of the row that found them (lower is better, as SQLite has
    /// it); hits come best first, card matches before history matches.
    pub rank: f64,
    /// Where it matched: card fields first, then at most one interaction.
    pub matched: Vec<SearchMatch>,
}

/// A hit being gathered: its tier (1–3 as in the module doc; 0 for a phone
/// match) and rank, and where it matched so far.
struct Draft {
    tier: u8,
    rank: f64,
    order: usize,
    fields: Vec<SearchField>,
    /// The best interaction found, and the FTS query that found it.
    interaction: Option<(i64, NaiveDate, String)>,
}

#[derive(Default)]
struct Drafts {
    by_contact: HashMap<i64, Draft>,
}

impl Drafts {
    /// Records that `contact` was found in `tier` with `rank`; keeps the best.
    fn found(&mut self, contact: i64, tier: u8, rank: f64) -> &mut Draft {
        let order = self.by_contact.len();
        let draft = self.by_contact.entry(contact).or_insert(Draft {
            tier,
            rank,
            order,
            fields: Vec::new(),
            interaction: None,
        });
        if (tier, rank) < (draft.tier, draft.rank) {
            draft.tier = tier;
            draft.rank = rank;
        }
        draft
    }
}

impl Store {
    /// The contacts [`Store::search`] finds for `query` (at most
    /// [`SEARCH_CONTACTS_LIMIT`]), best first; every live contact for a blank query.
    pub fn search_contacts(&self, query: &str) -> Result<Vec<Contact>> {
        if query.trim().is_empty() {
            return self.contacts();
        }
        let mut found = Vec::new();
        for hit in self.search(query, SEARCH_CONTACTS_LIMIT)? {
            found.extend(load_contacts(&self.conn, Some(hit.contact_id))?);
        }
        Ok(found)
    }

    /// Finds up to `limit` live contacts matching `query`, best first (bm25), each
    /// with where it matched. Every word must match a name, company, title, email,
    /// phone, interest, tag, the notes, or an interaction's note or event, in any
    /// case and without accents; each word may be the start of one.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = query_words(query);
        let mut drafts = Drafts::default();
        if limit == 0 {
            return Ok(Vec::new());
        }
        if let Some(digits) = phone_query(query) {
            self.phone_hits(&digits, limit, &mut drafts)?;
        }
        if !words.is_empty() {
            let all = words.join(" ");
            self.card_hits(&all, limit, &mut drafts)?;
            if (2..=MAX_SPLIT_WORDS).contains(&words.len()) {
                self.split_hits(&words, limit, &mut drafts)?;
            }
            self.history_hits(&all, None, 3, limit, &mut drafts)?;
        }
        self.finish(drafts, &words, limit)
    }

    /// Tier 1: cards holding every word, with the card fields that matched.
    fn card_hits(&self, all: &str, limit: usize, drafts: &mut Drafts) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, rank,
                    instr(highlight(contact_search, 0, char(1), ''), char(1)),
                    instr(highlight(contact_search, 1, char(1), ''), char(1)),
                    instr(highlight(contact_search, 2, char(1), ''), char(1)),
                    instr(highlight(contact_search, 3, char(1), ''), char(1)),
                    instr(highlight(contact_search, 4, char(1), ''), char(1)),
                    instr(highlight(contact_search, 5, char(1), ''), char(1)),
                    instr(highlight(contact_search, 6, char(1), ''), char(1))
             FROM contact_search WHERE contact_search MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let mut rows = stmt.query(params![all, sql_limit(limit)])?;
        while let Some(row) = rows.next()? {
            let draft = drafts.found(row.get(0)?, 1, row.get(1)?);
            for (i, field) in CARD_FIELDS.iter().enumerate() {
                if row.get::<_, i64>(2 + i)? > 0 && !draft.fields.contains(field) {
                    draft.fields.push(*field);
                }
            }
        }
        Ok(())
    }

    /// Tier 2: cards holding some words whose history holds the others.
    fn split_hits(&self, words: &[String], limit: usize, drafts: &mut Drafts) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let full = (1u32 << words.len()) - 1;
        for mask in 1..full {
            let pick = |on_card: bool| {
                words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (mask >> i & 1 == 1) == on_card)
                    .map(|(_, w)| w.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let owners = stmt
                .query_map(
                    params![pick(true), sql_limit(PARTIAL_CARD_CANDIDATES)],
                    |r| r.get::<_, i64>(0),
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if owners.is_empty() {
                continue;
            }
            let found = self.history_hits(&pick(false), Some(&owners), 2, limit, drafts)?;
            if found > 0 {
                // The card part matched too: say where.
                let mut card = self.conn.prepare_cached(CARD_FIELDS_OF_ONE)?;
                for &owner in &owners {
                    if let Some(draft) = drafts.by_contact.get_mut(&owner) {
                        if draft.tier == 2 && draft.fields.is_empty() {
                            draft.fields = card_fields(&mut card, &pick(true), owner)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Tiers 2 and 3: the most recent interactions holding `words` (of `owners`
    /// only, when given), best-ranked first per contact. Returns how many
    /// interactions matched.
    fn history_hits(
        &self,
        words: &str,
        owners: Option<&[i64]>,
        tier: u8,
        limit: usize,
        drafts: &mut Drafts,
    ) -> Result<usize> {
        let mut fts = format!("{{note event_name}} : ({words})");
        if let Some(owners) = owners {
            let ids: Vec<String> = owners.iter().map(|id| format!("\"{id}\"")).collect();
            fts.push_str(&format!(" AND contact_id : ({})", ids.join(" OR ")));
        }
        let scan = HISTORY_SCAN.max(limit.saturating_mul(4));
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.rowid, i.contact_id, i.date, s.rank
             FROM interaction_search s JOIN interactions i ON i.id = s.rowid
             WHERE interaction_search MATCH ?1 ORDER BY s.rowid DESC LIMIT ?2",
        )?;
        let mut rows = stmt.query(params![fts, sql_limit(scan)])?;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            count += 1;
            let (interaction, contact, rank): (i64, i64, f64) =
                (row.get(0)?, row.get(1)?, row.get(3)?);
            let date: String = row.get(2)?;
            let Ok(date) = crate::model::parse_date("date", &date) else {
                continue;
            };
            let draft = drafts.found(contact, tier, rank);
            let better = match &draft.interaction {
                None => true,
                // Rows come newest first: a later one must rank strictly better.
                Some(_) => draft.tier == tier && rank < draft.rank,
            };
            if better {
                if draft.tier == tier {
                    draft.rank = rank;
                }
                draft.interaction = Some((interaction, date, fts.clone()));
            }
        }
        Ok(count)
    }

    /// Contacts with a phone number containing `digits`.
    fn phone_hits(&self, digits: &str, limit: usize, drafts: &mut Drafts) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT p.contact_id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
             WHERE instr(p.digits, ?1) > 0 AND c.deleted_on IS NULL ORDER BY p.contact_id LIMIT ?2",
        )?;
        let ids = stmt
            .query_map(params![digits, sql_limit(limit)], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for id in ids {
            drafts.found(id, 0, 0.0).fields.push(SearchField::Phones);
        }
        Ok(())
    }

    /// Orders the drafts, keeps `limit` live contacts and fills in names and snippets.
    fn finish(&self, drafts: Drafts, words: &[String], limit: usize) -> Result<Vec<SearchHit>> {
        let mut drafts: Vec<(i64, Draft)> = drafts.by_contact.into_iter().collect();
        // Within a tier, rank decides; the order found only breaks ties.
        drafts.sort_by(|(_, a), (_, b)| {
            a.tier
                .cmp(&b.tier)
                .then(a.rank.total_cmp(&b.rank))
                .then(a.order.cmp(&b.order))
        });
        let mut contact = self.conn.prepare_cached(
            "SELECT display_name, company FROM contacts WHERE id = ?1 AND deleted_on IS NULL",
        )?;
        let mut notes = self.conn.prepare_cached(
            "SELECT snippet(contact_search, 6, '[', ']', '…', 12) FROM contact_search
             WHERE contact_search MATCH ?1 AND rowid = ?2",
        )?;
        let mut history = self.conn.prepare_cached(
            "SELECT snippet(interaction_search, -1, '[', ']', '…', 12) FROM interaction_search
             WHERE interaction_search MATCH ?1 AND rowid = ?2",
        )?;
        let any_word = words.join(" OR ");
        let mut hits = Vec::with_capacity(limit.min(drafts.len()));
        for (id, draft) in drafts {
            if hits.len() == limit {
                break;
            }
            let Some((name, company)) = contact
                .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))
                .optional()?
            else {
                continue; // in the trash
            };
            let mut matched: Vec<SearchMatch> = draft
                .fields
                .iter()
                .map(|f| SearchMatch::field(*f))
                .collect();
            if let Some(m) = matched.iter_mut().find(|m| m.field == SearchField::Notes) {
                m.snippet = notes
                    .query_row(params![format!("{{notes}} : ({any_word})"), id], |r| {
                        r.get(0)
                    })
                    .optional()?;
            }
            if let Some((interaction, date, fts)) = draft.interaction {
                let snippet: Option<String> = history
                    .query_row(params![fts, interaction], |r| r.get(0))
                    .optional()?;
                matched.push(SearchMatch {
                    field: SearchField::Interaction,
                    snippet,
                    interaction_id: Some(interaction),
                    date: Some(date),
                });
            }
            hits.push(SearchHit {
                contact_id: id,
                name,
                company,
                rank: draft.rank,
                matched,
            });
        }
        Ok(hits)
    }
}

/// Which card fields of contact `?2` hold any word of `?1`.
const CARD_FIELDS_OF_ONE: &str = "SELECT
        instr(highlight(contact_search, 0, char(1), ''), char(1)),
        instr(highlight(contact_search, 1, char(1), ''), char(1)),
        instr(highlight(contact_search, 2, char(1), ''), char(1)),
        instr(highlight(contact_search, 3, char(1), ''), char(1)),
        instr(highlight(contact_search, 4, char(1), ''), char(1)),
        instr(highlight(contact_search, 5, char(1), ''), char(1)),
        instr(highlight(contact_search, 6, char(1), ''), char(1))
     FROM contact_search WHERE contact_search MATCH ?1 AND rowid = ?2";

fn card_fields(
    stmt: &mut rusqlite::CachedStatement<'_>,
    words: &str,
    contact: i64,
) -> Result<Vec<SearchField>> {
    let found = stmt
        .query_row(params![words, contact], |row| {
            let mut fields = Vec::new();
            for (i, field) in CARD_FIELDS.iter().enumerate() {
                if row.get::<_, i64>(i)? > 0 {
                    fields.push(*field);
                }
            }
            Ok(fields)
        })
        .optional()?;
    Ok(found.unwrap_or_default())
}

/// A row count for SQL's LIMIT (which reads a negative number as "no limit").
fn sql_limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(-1)
}

/// The words of a query as FTS5 prefix phrases: `Léa O'Br` → `"Léa"*`, `"O'Br"*`.
///
/// Each word is quoted, so nothing the user types is FTS5 syntax; FTS5 splits a
/// quoted word at punctuation itself (`o'br` is the phrase `o br*`), which is
/// also how an email address matches as a whole.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect()
}

/// The digits of a query that looks like (part of) a phone number: only digits,
/// spaces and `+-()./`, with at least three digits.
fn phone_query(query: &str) -> Option<String> {
    let q = query.trim();
    let phone_like = q
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()./".contains(c));
    let digits = phone_digits(q);
    (phone_like && digits.len() >= 3).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InteractionKind, NewContact};
    use crate::store::NewInteraction;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
    }

    fn add(store: &mut Store, new: NewContact) -> i64 {
        store.add_contact(&new, day()).unwrap()
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

    fn found(store: &Store, query: &str) -> Vec<i64> {
        store
            .search(query, 20)
            .unwrap()
            .iter()
            .map(|h| h.contact_id)
            .collect()
    }

    /// The indexes hold exactly what the tables say (FTS5's own check, and the
    /// cards compared with the view they are built from).
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
        let ada = add(
            &mut store,
            NewContact {
                name: "Ada Lovelace".into(),
                ..Default::default()
            },
        );
        let bob = add(
            &mut store,
            NewContact {
                name: "Bob Stone".into(),
                ..Default::default()
            },
        );
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
        let by_name = add(
            &mut store,
            NewContact {
                name: "Jordan Lee".into(),
                ..Default::default()
            },
        );
        let by_history = add(
            &mut store,
            NewContact {
                name: "Dana Fox".into(),
                ..Default::default()
            },
        );
        log(&mut store, by_history, "Jordan introduced us", None);
        assert_eq!(found(&store, "jordan"), vec![by_name, in_note, by_history]);
    }

    #[test]
    fn accents_case_and_prefixes_do_not_matter() {
        let mut store = Store::open_in_memory().unwrap();
        let lea = add(
            &mut store,
            NewContact {
                name: "Léa Dubois".into(),
                ..Default::default()
            },
        );
        let bjorn = add(
            &mut store,
            NewContact {
                name: "Bjorn Olsen".into(),
                ..Default::default()
            },
        );
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
        let bob = add(
            &mut store,
            NewContact {
                name: "Bob Stone".into(),
                ..Default::default()
            },
        );
        let note = log(&mut store, bob, "Loves sailing in Kiel", None);
        assert_eq!(found(&store, "sailing"), vec![ada, bob]);
        assert_index_consistent(&store);

        // Trash: neither the card nor the history is found; restore brings both back.
        store
            .conn
            .execute(
                "UPDATE contacts SET deleted_on = '2026-11-26' WHERE id = ?1",
                [bob],
            )
            .unwrap();
        assert_eq!(found(&store, "sailing"), vec![ada]);
        assert!(found(&store, "bob").is_empty());
        assert_index_consistent(&store);
        store
            .conn
            .execute("UPDATE contacts SET deleted_on = NULL WHERE id = ?1", [bob])
            .unwrap();
        assert_eq!(found(&store, "kiel"), vec![bob]);

        // Edits of every indexed table, and an interaction moved as a merge does.
        store
            .conn
            .execute_batch(&format!(
                "UPDATE contacts SET company = 'Kestrel Aero', notes = 'rowing' WHERE id = {ada};
                 UPDATE contact_interests SET interest = 'golf' WHERE contact_id = {ada};
                 INSERT INTO contact_emails (contact_id, position, email) VALUES ({ada}, 0, 'ada@kestrel.example');
                 INSERT INTO contact_tags (contact_id, position, tag) VALUES ({bob}, 0, 'Partners');
                 UPDATE interactions SET contact_id = {ada}, note = 'Loves sailing in Kiel and Oslo' WHERE id = {note};"
            ))
            .unwrap();
        assert_index_consistent(&store);
        assert_eq!(found(&store, "sailing"), vec![ada]);
        assert_eq!(found(&store, "golf kestrel rowing"), vec![ada]);
        assert_eq!(found(&store, "partners"), vec![bob]);
        store
            .conn
            .execute("DELETE FROM contacts WHERE id = ?1", [ada])
            .unwrap();
        assert!(found(&store, "oslo").is_empty());
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
    fn the_migration_indexes_an_existing_database() {
        let mut store = Store::open_in_memory().unwrap();
        let ada = add(
            &mut store,
            NewContact {
                name: "Ada Lovelace".into(),
                ..Default::default()
            },
        );
        log(&mut store, ada, "Pilot in Lisbon", None);
        // Back to schema 4 with the data in place, then forward again.
        store
            .conn
            .execute_batch(
                "DROP TABLE contact_search; DROP TABLE interaction_search; DROP VIEW contact_search_source;",
            )
            .unwrap();
        for trigger in store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'",
            )
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
}
