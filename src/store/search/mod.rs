//! Full-text search over contacts and their history (SQLite FTS5).
//!
//! Two indexes (see `migrations/0005_search.sql`, `0007_search_queue.sql` and
//! `0012_card_prefixes.sql`): the card of each live contact (`contact_search`,
//! with prefix indexes for word starts of up to twelve characters) and each
//! interaction's note and event (`interaction_search`). Case and accents do not
//! matter (`lea` finds Léa), every word must match, and a word may be the start
//! of one (`pri` finds Priya). A contact is found, best first:
//!
//! 1. when their card holds every word as typed, then as word starts — ranked by
//!    bm25 (a name counts most) when at most [`RANKED_CARDS`] cards match, and
//!    name matches first when more do;
//! 2. when their card holds some of the words and an interaction the rest
//!    ("priya pricing": Priya, who talked pricing);
//! 3. when one interaction holds every word — most recent first. (In the
//!    history, a word longer than six letters matches whole words only.)
//!
//! Every step reads a bounded number of index rows, so a search on a word in
//! half the notes is as fast as one on a rare word: history is read newest
//! first and at most [`HISTORY_SCAN`] matching interactions are looked at per
//! step. A query that looks like a phone number also finds contacts whose
//! number contains its digits.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::contacts::load_contacts;
use super::Store;
use crate::error::Result;
use crate::model::Contact;

mod queue;
mod text;

pub(crate) use queue::flush_search_queue;
pub(crate) use text::prefix_phrases;
use text::{phone_query, query_words, snippet, Word};

/// How many of the most recent matching interactions one step of a search
/// looks at, at least: enough to fill a page of people from their history.
pub const HISTORY_SCAN: usize = 200;

/// Up to this many matching cards are ranked by bm25; past it, ranking would
/// cost more than the rest of the search, and name matches simply come first.
pub const RANKED_CARDS: usize = 100;

/// The most contacts [`Store::search_contacts`] returns.
pub const SEARCH_CONTACTS_LIMIT: usize = 500;

/// Step 2: at most this many cards matching part of the query are considered.
const SPLIT_CARDS: usize = 2_000;

/// Step 2: queries of more words than this skip it (it tries every split).
const MAX_SPLIT_WORDS: usize = 3;

/// The history's prefix indexes cover word starts up to this many characters
/// (migration 6).
/// In the history, a longer word matches whole words only: reading it as a
/// start would make FTS5 merge the lists of every word so starting, which for
/// a common word costs many times the rest of the search.
const INDEXED_PREFIX: usize = 6;

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

/// Tiers of a hit, best first (see the module doc).
const TIER_PHONE: u8 = 0;
const TIER_CARD: u8 = 1;
const TIER_CARD_PREFIX: u8 = 2;
const TIER_SPLIT: u8 = 3;
const TIER_HISTORY: u8 = 4;

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

/// A hit being gathered: its tier and rank, and where it matched so far.
struct Draft {
    tier: u8,
    rank: f64,
    order: usize,
    fields: Vec<SearchField>,
    /// The newest interaction that matched, and its date.
    interaction: Option<(i64, String)>,
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

    /// Finds up to `limit` live contacts matching every word of `query` (a word
    /// may be the start of one; case and accents aside), best first: contacts
    /// whose card holds the words, then whose card and history hold them
    /// between them, then whose history does, newest first. Each hit says where
    /// it matched, with a snippet for notes and interactions.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = query_words(query);
        let drafts = self.gather(query, &words, limit, Detail::Fields)?;
        self.finish(drafts, &words, limit)
    }

    /// The ids of the contacts [`Store::search`] finds, in the same order, without
    /// saying where each matched: for a list that shows the contacts themselves
    /// (the desktop app's search as you type), at a fraction of the cost.
    pub fn search_ids(&self, query: &str, limit: usize) -> Result<Vec<i64>> {
        let words = query_words(query);
        let drafts = self.gather(query, &words, limit, Detail::IdsOnly)?;
        let mut live = self
            .conn
            .prepare_cached("SELECT 1 FROM contacts WHERE id = ?1 AND deleted_on IS NULL")?;
        let mut ids = Vec::with_capacity(limit.min(drafts.by_contact.len()));
        for (id, _) in ordered(drafts) {
            if ids.len() == limit {
                break;
            }
            if live.exists([id])? {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Steps 1–3 (and phone numbers): every contact found, with its tier and rank.
    fn gather(&self, query: &str, words: &[Word], limit: usize, detail: Detail) -> Result<Drafts> {
        let mut drafts = Drafts::default();
        if limit == 0 {
            return Ok(drafts);
        }
        if let Some(digits) = phone_query(query) {
            self.phone_hits(&digits, limit, &mut drafts)?;
        }
        if !words.is_empty() {
            let join = |form: fn(&Word) -> &str| -> String {
                words.iter().map(form).collect::<Vec<_>>().join(" ")
            };
            self.card_hits(&join(|w| &w.exact), TIER_CARD, limit, detail, &mut drafts)?;
            self.card_hits(
                &join(|w| &w.prefix),
                TIER_CARD_PREFIX,
                limit,
                detail,
                &mut drafts,
            )?;
            if (2..=MAX_SPLIT_WORDS).contains(&words.len()) {
                self.split_hits(words, &mut drafts)?;
            }
            self.history_hits(&join(Word::history), TIER_HISTORY, limit, &mut drafts)?;
        }
        Ok(drafts)
    }

    /// Step 1: cards holding every word, with the card fields that matched.
    fn card_hits(
        &self,
        fts: &str,
        tier: u8,
        limit: usize,
        detail: Detail,
        drafts: &mut Drafts,
    ) -> Result<()> {
        let matching = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM contact_search WHERE contact_search MATCH ?1 LIMIT {})",
                RANKED_CARDS + 1
            ))?
            .query_row([fts], |r| r.get::<_, i64>(0))?;
        if matching == 0 {
            return Ok(());
        }
        let fields = detail == Detail::Fields;
        let mut add = |sql: &str, fts: &str| -> Result<()> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut rows = stmt.query([fts])?;
            for _ in 0..limit {
                let Some(row) = rows.next()? else { break };
                let draft = drafts.found(row.get(0)?, tier, row.get(1)?);
                if !fields {
                    continue;
                }
                for (i, field) in CARD_FIELDS.iter().enumerate() {
                    if row.get::<_, i64>(2 + i)? > 0 && !draft.fields.contains(field) {
                        draft.fields.push(*field);
                    }
                }
            }
            Ok(())
        };
        if matching as usize <= RANKED_CARDS {
            add(&card_sql("rank", "rank", fields), fts)
        } else {
            add(
                &card_sql("0.0", "rowid", fields),
                &format!("name : ({fts})"),
            )?;
            add(&card_sql("0.0", "rowid", fields), fts)
        }
    }

    /// Step 2: cards holding some words whose history holds the others.
    fn split_hits(&self, words: &[Word], drafts: &mut Drafts) -> Result<()> {
        let mut cards = self.conn.prepare_cached(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH ?1 ORDER BY rowid",
        )?;
        let full = (1u32 << words.len()) - 1;
        for mask in 1..full {
            let pick = |on_card: bool| {
                words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (mask >> i & 1 == 1) == on_card)
                    .map(|(_, w)| {
                        if on_card {
                            w.prefix.as_str()
                        } else {
                            w.history()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let owners: HashSet<i64> = cards
                .query_map([pick(true)], |r| r.get(0))?
                .take(SPLIT_CARDS)
                .collect::<rusqlite::Result<_>>()?;
            if owners.is_empty() {
                continue;
            }
            self.scan_history(&pick(false), |contact, interaction, date| {
                if owners.contains(&contact) {
                    let draft = drafts.found(contact, TIER_SPLIT, 0.0);
                    if draft.interaction.is_none() {
                        draft.interaction = Some((interaction, date));
                    }
                }
            })?;
        }
        Ok(())
    }

    /// Step 3: contacts with the most recent interactions holding every word.
    fn history_hits(&self, fts: &str, tier: u8, limit: usize, drafts: &mut Drafts) -> Result<()> {
        let scan = HISTORY_SCAN.max(limit.saturating_mul(4));
        self.scan_history_upto(fts, scan, |contact, interaction, date| {
            let draft = drafts.found(contact, tier, 0.0);
            if draft.interaction.is_none() {
                draft.interaction = Some((interaction, date));
            }
        })
    }

    fn scan_history(&self, fts: &str, found: impl FnMut(i64, i64, String)) -> Result<()> {
        self.scan_history_upto(fts, HISTORY_SCAN, found)
    }

    /// Calls `found(contact, interaction, date)` for the newest `scan`
    /// interactions whose note or event holds every word of `fts`.
    fn scan_history_upto(
        &self,
        fts: &str,
        scan: usize,
        mut found: impl FnMut(i64, i64, String),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.rowid, i.contact_id, i.date
             FROM interaction_search s JOIN interactions i ON i.id = s.rowid
             WHERE interaction_search MATCH ?1 ORDER BY s.rowid DESC",
        )?;
        let mut rows = stmt.query([fts])?;
        for _ in 0..scan {
            let Some(row) = rows.next()? else { break };
            found(row.get(1)?, row.get(0)?, row.get(2)?);
        }
        Ok(())
    }

    /// Contacts with a phone number containing `digits`.
    fn phone_hits(&self, digits: &str, limit: usize, drafts: &mut Drafts) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT p.contact_id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
             WHERE instr(p.digits, ?1) > 0 AND c.deleted_on IS NULL ORDER BY p.contact_id",
        )?;
        let ids = stmt
            .query_map([digits], |r| r.get::<_, i64>(0))?
            .take(limit)
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for id in ids {
            drafts
                .found(id, TIER_PHONE, 0.0)
                .fields
                .push(SearchField::Phones);
        }
        Ok(())
    }

    /// Orders the drafts, keeps `limit` live contacts and fills in names and snippets.
    fn finish(&self, drafts: Drafts, words: &[Word], limit: usize) -> Result<Vec<SearchHit>> {
        let drafts = ordered(drafts);
        let mut contact = self.conn.prepare_cached(
            "SELECT display_name, company, notes FROM contacts WHERE id = ?1 AND deleted_on IS NULL",
        )?;
        let mut interaction = self.conn.prepare_cached(
            "SELECT note, coalesce(event_name, '') FROM interactions WHERE id = ?1",
        )?;
        let any_word = words
            .iter()
            .map(|w| w.prefix.as_str())
            .collect::<Vec<_>>()
            .join(" OR ");
        let mut hits = Vec::with_capacity(limit.min(drafts.len()));
        for (id, draft) in drafts {
            if hits.len() == limit {
                break;
            }
            let Some((name, company, notes)) = contact
                .query_row([id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?))
                })
                .optional()?
            else {
                continue; // in the trash
            };
            let mut fields = draft.fields;
            if draft.tier == TIER_SPLIT {
                fields = card_fields(&self.conn, &any_word, id)?;
            }
            let mut matched: Vec<SearchMatch> = fields
                .iter()
                .map(|&field| SearchMatch {
                    field,
                    snippet: (field == SearchField::Notes)
                        .then(|| snippet(&notes, words))
                        .flatten(),
                    interaction_id: None,
                    date: None,
                })
                .collect();
            if let Some((interaction_id, date)) = draft.interaction {
                let (note, event): (String, String) =
                    interaction.query_row([interaction_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                matched.push(SearchMatch {
                    field: SearchField::Interaction,
                    snippet: snippet(&note, words).or_else(|| snippet(&event, words)),
                    interaction_id: Some(interaction_id),
                    date: crate::model::parse_date("date", &date).ok(),
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

/// How much a search finds out about each hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Which card fields matched (for snippets and "matched in").
    Fields,
    /// Only who, in order.
    IdsOnly,
}

/// The drafts best first: by tier, then rank; the order found (newest history
/// first) breaks ties.
fn ordered(drafts: Drafts) -> Vec<(i64, Draft)> {
    let mut drafts: Vec<(i64, Draft)> = drafts.by_contact.into_iter().collect();
    drafts.sort_by(|(_, a), (_, b)| {
        a.tier
            .cmp(&b.tier)
            .then(a.rank.total_cmp(&b.rank))
            .then(a.order.cmp(&b.order))
    });
    drafts
}

/// The card query: rowid, a rank and, with `fields`, per column whether it
/// matched (highlighting every column costs more than the match itself).
fn card_sql(rank: &str, order: &str, fields: bool) -> String {
    let columns: String = if fields {
        (0..CARD_FIELDS.len())
            .map(|i| format!(", instr(highlight(contact_search, {i}, char(1), ''), char(1))"))
            .collect()
    } else {
        String::new()
    };
    format!(
        "SELECT rowid, {rank}{columns} FROM contact_search WHERE contact_search MATCH ?1
         ORDER BY {order}"
    )
}

/// Which card fields of `contact` hold any of the words of `fts`.
fn card_fields(conn: &Connection, fts: &str, contact: i64) -> Result<Vec<SearchField>> {
    let sql = card_sql("0.0", "rowid", true).replace("MATCH ?1", "MATCH ?1 AND rowid = ?2");
    let found = conn
        .prepare_cached(&sql)?
        .query_row(params![fts, contact], |row| {
            let mut fields = Vec::new();
            for (i, field) in CARD_FIELDS.iter().enumerate() {
                if row.get::<_, i64>(2 + i)? > 0 {
                    fields.push(*field);
                }
            }
            Ok(fields)
        })
        .optional()?;
    Ok(found.unwrap_or_default())
}

#[cfg(test)]
mod tests;
