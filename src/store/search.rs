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

use super::contacts::{load_contacts, phone_digits};
use super::Store;
use crate::error::Result;
use crate::model::Contact;

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

/// One word of a query, in the forms the steps need.
struct Word {
    /// `"word"`: the word as typed (FTS5 splits it at punctuation itself).
    exact: String,
    /// `"word"*`: any word starting so.
    prefix: String,
    /// Whether the prefix index covers it (short enough).
    indexed: bool,
    /// Its pieces folded as in [`fold_tokens`], for marking snippets.
    folded: Vec<String>,
}

impl Word {
    /// The form history is searched with in the first pass.
    fn history(&self) -> &str {
        if self.indexed {
            &self.prefix
        } else {
            &self.exact
        }
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

impl Store {
    /// Indexes rows that a write from outside keepwarm (another SQLite client)
    /// left queued; [`Store::open`] does it, so such a write is searchable from
    /// the next time keepwarm opens the database for writing.
    pub(crate) fn index_queued_writes(&mut self) -> Result<()> {
        if queue_is_empty(&self.conn)? {
            return Ok(());
        }
        self.write_untracked(|_| Ok(()))
    }
}

fn queue_is_empty(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT NOT EXISTS (SELECT 1 FROM search_queue_contacts)
                AND NOT EXISTS (SELECT 1 FROM search_queue_interactions)",
        )?
        .query_row([], |r| r.get(0))?)
}

/// Cards queued past this many are indexed with [`BULK_HASH_SIZE`].
const BULK_CARDS: i64 = 1_000;

/// FTS5's buffer of pending index entries (`hashsize`) while many cards are
/// indexed at once: with its default of 1 MB, 10,000 cards are written out as a
/// dozen pieces that FTS5 then merges again; with this they are one piece,
/// written once. It is a limit, not an allocation.
const BULK_HASH_SIZE: i64 = 256 << 20;

/// FTS5's own `hashsize`, put back after a bulk.
const DEFAULT_HASH_SIZE: i64 = 1 << 20;

/// Indexes what the triggers queued during this transaction (migration 6): the
/// store calls it just before every commit, so the index never lags.
pub(crate) fn flush_search_queue(conn: &Connection) -> Result<()> {
    if queue_is_empty(conn)? {
        return Ok(());
    }
    let cards: i64 = conn
        .prepare_cached("SELECT count(*) FROM search_queue_contacts")?
        .query_row([], |r| r.get(0))?;
    let bulk = cards >= BULK_CARDS;
    let set_hash_size = |size: i64| -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO contact_search (contact_search, rank) VALUES ('hashsize', ?1)",
        )?
        .execute([size])?;
        Ok(())
    };
    if bulk {
        set_hash_size(BULK_HASH_SIZE)?;
    }
    conn.prepare_cached(
        "DELETE FROM contact_search WHERE rowid IN (SELECT contact_id FROM search_queue_contacts)",
    )?
    .execute([])?;
    conn.prepare_cached(
        "INSERT INTO contact_search (rowid, name, company, title, emails, interests, tags, notes)
         SELECT id, name, company, title, emails, interests, tags, notes FROM contact_search_source
         WHERE id IN (SELECT contact_id FROM search_queue_contacts) ORDER BY id",
    )?
    .execute([])?;
    if bulk {
        // What is pending is written out in one piece, by the next statement
        // that opens a savepoint on the index or at the commit.
        set_hash_size(DEFAULT_HASH_SIZE)?;
    }
    for sql in [
        "DELETE FROM search_queue_contacts",
        "INSERT INTO interaction_search (rowid, note, event_name)
         SELECT i.id, i.note, i.event_name
         FROM search_queue_interactions q JOIN interactions i ON i.id = q.interaction_id ORDER BY i.id",
        "DELETE FROM search_queue_interactions",
    ] {
        conn.prepare_cached(sql)?.execute([])?;
    }
    Ok(())
}

/// The words of a query: `Léa O'Br` → `"Léa"`/`"Léa"*` and `"O'Br"`/`"O'Br"*`.
///
/// Each word is quoted, so nothing the user types is FTS5 syntax; FTS5 splits a
/// quoted word at punctuation itself (`o'br` is the phrase `o br*`), which is
/// also how an email address matches as a whole.
fn query_words(query: &str) -> Vec<Word> {
    query
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let exact = format!("\"{}\"", w.replace('"', "\"\""));
            let folded = fold_tokens(w)
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>();
            let indexed = folded
                .last()
                .is_some_and(|t| t.chars().count() <= INDEXED_PREFIX);
            Word {
                prefix: format!("{exact}*"),
                exact,
                indexed,
                folded,
            }
        })
        .collect()
}

/// The FTS5 phrases of a query's words, each a prefix: `lea du` → `"lea"* "du"*`.
pub(crate) fn prefix_phrases(query: &str) -> Vec<String> {
    query_words(query).into_iter().map(|w| w.prefix).collect()
}

/// The words of `text` (runs of letters and digits) with their byte ranges,
/// folded to lower case without accents, as the index's tokenizer reads them.
fn fold_tokens(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push((s..i, super::resolve::fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    tokens
}

/// A few words of `text` around the first word matching the query, matched
/// words in `[brackets]`, cut text marked `…`, on one line (line breaks and
/// tabs become spaces); `None` when no word matches.
fn snippet(text: &str, words: &[Word]) -> Option<String> {
    const BEFORE: usize = 4;
    const AFTER: usize = 8;
    let tokens = fold_tokens(text);
    let matches = |token: &str| {
        words.iter().any(|w| {
            w.folded
                .iter()
                .any(|piece| token.starts_with(piece.as_str()))
        })
    };
    let first = tokens.iter().position(|(_, t)| matches(t))?;
    let from = first.saturating_sub(BEFORE);
    let to = (first + AFTER).min(tokens.len() - 1);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = tokens[from].0.start;
    for (range, token) in &tokens[from..=to] {
        out.push_str(&text[at..range.start]);
        if matches(token) {
            out.push('[');
            out.push_str(&text[range.clone()]);
            out.push(']');
        } else {
            out.push_str(&text[range.clone()]);
        }
        at = range.end;
    }
    if to + 1 < tokens.len() {
        out.push('…');
    } else {
        out.push_str(&text[at..]);
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
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
        let queries = ["aerospace", "aero", "aerospacew", "kestrel aer", "lovelac", "lisbon"];
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
}
