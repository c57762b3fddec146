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
//!
//! An email address typed whole finds the contacts with that address, looked
//! up directly (their cards come first, unranked, instead of the cards holding
//! the address's words in order), then step 3; one no contact has is searched
//! for word by word like any query.
//!
//! The steps run in order until the contacts found fill the page, since later
//! steps only find contacts that rank below (`steps.rs`); step 3 stops reading
//! history once it has the live contacts the page lacks. Skipped steps could
//! still add to the page's hits (a card match whose history matches too shows
//! that interaction; the word-start step adds the fields it matched), so
//! `page.rs` runs, for the contacts on the page only, what of them could: a
//! hit is the same whether the search stopped early or not. Which fields of a
//! card matched is worked out from its words, as the index reads them, where
//! that is certain, and asked of FTS5 (highlighting) where not.
//!
//! The history index is kept in one piece where it can be (a bulk of
//! interactions is indexed at once, and migration 13 merged older indexes):
//! every search reads each piece.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::contacts::load_contacts;
use super::Store;
use crate::error::Result;
use crate::model::Contact;

mod page;
mod queue;
mod steps;
mod text;

pub(crate) use queue::flush_search_queue;
pub(crate) use text::prefix_phrases;
use text::{email_query, phone_query, query_words, Word};

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
    /// The bm25 score of the card that found them (lower is better, as SQLite
    /// has it), 0 when not ranked (found by phone number or email address, past
    /// [`RANKED_CARDS`] card matches, or in history); hits come best first, card
    /// matches before history matches.
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
        self.search_with(query, limit, Stop::WhenPageFull)
    }

    /// [`Store::search`], stopping as it does or running every step.
    fn search_with(&self, query: &str, limit: usize, stop: Stop) -> Result<Vec<SearchHit>> {
        let words = query_words(query);
        let gathered = self.gather(query, &words, limit, stop)?;
        self.finish(gathered, &words, limit)
    }

    /// The ids of the contacts [`Store::search`] finds, in the same order, without
    /// saying where each matched: for a list that shows the contacts themselves
    /// (the desktop app's search as you type), at a fraction of the cost.
    pub fn search_ids(&self, query: &str, limit: usize) -> Result<Vec<i64>> {
        self.search_ids_with(query, limit, Stop::WhenPageFull)
    }

    /// [`Store::search_ids`], stopping as it does or running every step.
    fn search_ids_with(&self, query: &str, limit: usize, stop: Stop) -> Result<Vec<i64>> {
        let words = query_words(query);
        let gathered = self.gather(query, &words, limit, stop)?;
        let mut live = self
            .conn
            .prepare_cached("SELECT 1 FROM contacts WHERE id = ?1 AND deleted_on IS NULL")?;
        let mut ids = Vec::with_capacity(limit.min(gathered.drafts.by_contact.len()));
        for id in ordered(&gathered.drafts) {
            if ids.len() == limit {
                break;
            }
            if live.exists([id])? {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Phone numbers, then the steps in order until the page is full: every
    /// contact found, with its tier and rank, and which steps did not run.
    fn gather(&self, query: &str, words: &[Word], limit: usize, stop: Stop) -> Result<Gathered> {
        let mut gathered = Gathered {
            stop,
            ..Gathered::default()
        };
        if limit == 0 {
            return Ok(gathered);
        }
        if let Some(digits) = phone_query(query) {
            self.phone_hits(&digits, limit, &mut gathered)?;
        }
        if words.is_empty() {
            return Ok(gathered);
        }
        let mut steps = steps(words.len());
        if let Some(address) = email_query(query) {
            if self.address_hits(address, words, &mut gathered)? {
                steps.retain(|step| !matches!(step, Step::Cards { .. }));
            }
        }
        let mut steps = steps.into_iter();
        for step in steps.by_ref() {
            // Every contact found so far is live (cards of trashed contacts are
            // not indexed), and a later step only finds contacts that rank below.
            if stop == Stop::WhenPageFull && gathered.drafts.by_contact.len() >= limit {
                gathered.skipped.push(step);
                break;
            }
            self.run_step(step, words, limit, Found::Add, &mut gathered)?;
        }
        gathered.skipped.extend(steps);
        Ok(gathered)
    }
}

/// Whether a search stops once its page is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Stop {
    /// As soon as the contacts found fill the page: later steps can only find
    /// contacts that rank below them (what they would add to the page's hits,
    /// [`Store::finish`] still works out).
    #[default]
    WhenPageFull,
    /// Never (to check that stopping early changes nothing).
    #[cfg_attr(not(test), allow(dead_code))]
    Never,
}

/// The steps after phone numbers, in order (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Step 1: every word on the card as typed (tier 1), or as word starts (tier 2).
    Cards { prefix: bool },
    /// Step 2: the words in `mask` on the card, the others in an interaction.
    Split { mask: u32 },
    /// Step 3: every word in one interaction.
    History,
}

/// The steps for a query of `words` words, in order.
fn steps(words: usize) -> Vec<Step> {
    let mut steps = vec![Step::Cards { prefix: false }, Step::Cards { prefix: true }];
    if (2..=MAX_SPLIT_WORDS).contains(&words) {
        steps.extend((1..(1u32 << words) - 1).map(|mask| Step::Split { mask }));
    }
    steps.push(Step::History);
    steps
}

/// What gathering found.
#[derive(Default)]
struct Gathered {
    drafts: Drafts,
    /// The card queries run, in order, with the cards each returned: a card's
    /// matched fields are those of every query that returned it.
    card_runs: Vec<CardRun>,
    /// Whether more than [`RANKED_CARDS`] cards hold every word as typed (then
    /// more hold them as word starts too).
    many_exact: Option<bool>,
    /// The steps not run, the page being full before them.
    skipped: Vec<Step>,
    /// The contacts on the page, once known.
    page: Vec<i64>,
    /// Whether gathering stops once the page is full.
    stop: Stop,
}

/// One card query and the cards it returned, in order.
struct CardRun {
    fts: String,
    ids: Vec<i64>,
    /// Its words are word starts (else as typed).
    prefix: bool,
    /// It looks at names only.
    name_only: bool,
}

/// Which queries of a card step to run (see [`Store::card_hits`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CardRuns {
    /// The one on names, past [`RANKED_CARDS`] matches.
    by_name: bool,
    /// The one on every field (ranked, or in card order).
    all: bool,
}

impl CardRuns {
    const ALL: CardRuns = CardRuns {
        by_name: true,
        all: true,
    };
}

/// What a step does with the contacts it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Adds them to the drafts (gathering).
    Add,
    /// Only notes what it would add to drafts already on the page (see
    /// [`Store::finish`]).
    PageOnly,
}

/// The contacts found, best first: by tier, then rank; the order found (newest
/// history first) breaks ties.
fn ordered(drafts: &Drafts) -> Vec<i64> {
    let mut found: Vec<(&i64, &Draft)> = drafts.by_contact.iter().collect();
    found.sort_by(|(_, a), (_, b)| {
        a.tier
            .cmp(&b.tier)
            .then(a.rank.total_cmp(&b.rank))
            .then(a.order.cmp(&b.order))
    });
    found.into_iter().map(|(id, _)| *id).collect()
}

#[cfg(test)]
mod tests;
