//! The page of hits: the first live contacts found, and for each where it
//! matched — worked out for those contacts only, after the order is known.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::super::Store;
use super::steps::id_list;
use super::text::{holds_phrase, index_tokens, snippet};
use super::{
    ordered, CardRun, CardRuns, Found, Gathered, SearchField, SearchHit, SearchMatch, Step, Word,
    CARD_FIELDS, TIER_CARD_PREFIX, TIER_SPLIT,
};
use crate::error::Result;

impl Gathered {
    /// The contacts on the page found on their card or by phone that no
    /// interaction matched yet.
    pub(super) fn page_without_interaction(&self) -> impl Iterator<Item = i64> + '_ {
        self.page.iter().copied().filter(|id| {
            self.drafts
                .by_contact
                .get(id)
                .is_some_and(|d| d.tier <= TIER_CARD_PREFIX && d.interaction.is_none())
        })
    }
}

impl Store {
    /// Orders the drafts, keeps `limit` live contacts and says where each
    /// matched, with snippets.
    pub(super) fn finish(
        &self,
        mut gathered: Gathered,
        words: &[Word],
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let mut contact = self.conn.prepare_cached(
            "SELECT display_name, company, notes FROM contacts WHERE id = ?1 AND deleted_on IS NULL",
        )?;
        let mut cards = Vec::with_capacity(limit.min(gathered.drafts.by_contact.len()));
        for id in ordered(&gathered.drafts) {
            if cards.len() == limit {
                break;
            }
            let card = contact
                .query_row([id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?))
                })
                .optional()?;
            if let Some(card) = card {
                cards.push((id, card));
            } // else in the trash
        }
        gathered.page = cards.iter().map(|(id, _)| *id).collect();
        let mut fields = PageFields::new(&gathered);
        fields.add_runs(self, &gathered.card_runs, words)?;
        // The steps skipped, the page being full, could still add to its hits:
        // card steps the fields they match, the others interactions.
        for step in std::mem::take(&mut gathered.skipped) {
            let Step::Cards { prefix } = step else {
                self.run_step(step, words, limit, Found::PageOnly, &mut gathered)?;
                continue;
            };
            let runs = CardRuns {
                by_name: fields.could_gain(self, words, prefix, true)?,
                all: fields.could_gain(self, words, prefix, false)?,
            };
            if runs.by_name || runs.all {
                let before = gathered.card_runs.len();
                self.card_hits(words, prefix, limit, Found::PageOnly, runs, &mut gathered)?;
                fields.add_runs(self, &gathered.card_runs[before..], words)?;
            }
        }
        let mut fields = fields.finish(self, words)?;

        let mut interaction = self.conn.prepare_cached(
            "SELECT note, coalesce(event_name, '') FROM interactions WHERE id = ?1",
        )?;
        let mut hits = Vec::with_capacity(cards.len());
        for (id, (name, company, notes)) in cards {
            let Some(draft) = gathered.drafts.by_contact.remove(&id) else {
                continue;
            };
            let mut matched: Vec<SearchMatch> = fields
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|field| SearchMatch {
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

    /// Which card fields of `contact` hold one of `words` (as typed, or with
    /// `prefix` as word starts; with `name_only`, in the name only), worked out
    /// from the card's tokens as FTS5 would — `None` when a word or a field
    /// holds characters only FTS5 can fold. `cards` keeps the cards read.
    pub(super) fn fields_by_tokens(
        &self,
        cards: &mut CardTokens,
        contact: i64,
        words: &[Word],
        prefix: bool,
        name_only: bool,
    ) -> Result<Option<Vec<SearchField>>> {
        let Some(phrases) = words
            .iter()
            .map(|w| w.tokens.as_deref())
            .collect::<Option<Vec<_>>>()
        else {
            return Ok(None);
        };
        let columns = match cards.entry(contact) {
            Entry::Occupied(read) => read.into_mut(),
            Entry::Vacant(entry) => {
                // The text the card index holds, from the table FTS5 keeps it
                // in (reading it through the index costs twice as much).
                let mut stmt = self.conn.prepare_cached(
                    "SELECT c0, c1, c2, c3, c4, c5, c6 FROM contact_search_content WHERE id = ?1",
                )?;
                let columns = stmt
                    .query_row([contact], |row| {
                        (0..CARD_FIELDS.len())
                            .map(|i| Ok(index_tokens(row.get_ref(i)?.as_str()?)))
                            .collect::<rusqlite::Result<Vec<_>>>()
                    })
                    .optional()?
                    .unwrap_or_default();
                entry.insert(columns)
            }
        };
        let mut fields = Vec::new();
        for (i, field) in CARD_FIELDS.iter().enumerate() {
            if name_only && *field != SearchField::Name {
                continue; // a name-only query has no match elsewhere
            }
            let Some(Some(tokens)) = columns.get(i) else {
                return Ok(None);
            };
            if phrases.iter().any(|p| holds_phrase(tokens, p, prefix)) {
                fields.push(*field);
            }
        }
        Ok(Some(fields))
    }

    /// Which card fields of each of `ids` hold a match of `fts`, in field
    /// order (highlighting every column of a card costs more than the match,
    /// so only the page's cards are).
    pub(super) fn card_fields(
        &self,
        fts: &str,
        ids: &[i64],
    ) -> Result<HashMap<i64, Vec<SearchField>>> {
        let columns: String = (0..CARD_FIELDS.len())
            .map(|i| format!(", instr(highlight(contact_search, {i}, char(1), ''), char(1))"))
            .collect();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT rowid{columns} FROM contact_search
             WHERE contact_search MATCH ?1 AND rowid >= ?2 AND rowid <= ?3
               AND +rowid IN (SELECT value FROM json_each(?4))"
        ))?;
        let (Some(low), Some(high)) = (ids.iter().min(), ids.iter().max()) else {
            return Ok(HashMap::new());
        };
        let mut rows = stmt.query(params![fts, low, high, id_list(ids)])?;
        let mut found = HashMap::new();
        while let Some(row) = rows.next()? {
            let mut fields = Vec::new();
            for (i, field) in CARD_FIELDS.iter().enumerate() {
                if row.get::<_, i64>(1 + i)? > 0 {
                    fields.push(*field);
                }
            }
            found.insert(row.get(0)?, fields);
        }
        Ok(found)
    }
}

/// The tokens of each field of the cards read so far (`None` for a field only
/// FTS5 can read).
type CardTokens = HashMap<i64, Vec<Option<Vec<String>>>>;

/// The card fields the contacts on the page matched, gathered query by query:
/// for a card or phone match, its phone, then the fields of each card query
/// that returned it in turn; for a card and history match, those holding any
/// of the words.
struct PageFields {
    /// Card and phone matches, with their fields so far.
    fields: HashMap<i64, Vec<SearchField>>,
    /// Card and history matches.
    split: Vec<i64>,
    cards: CardTokens,
}

impl PageFields {
    fn new(gathered: &Gathered) -> PageFields {
        let mut page = PageFields {
            fields: HashMap::new(),
            split: Vec::new(),
            cards: HashMap::new(),
        };
        for id in &gathered.page {
            let Some(draft) = gathered.drafts.by_contact.get(id) else {
                continue;
            };
            if draft.tier <= TIER_CARD_PREFIX {
                page.fields.insert(*id, draft.fields.clone());
            } else if draft.tier == TIER_SPLIT {
                page.split.push(*id);
            }
        }
        page
    }

    /// Adds the fields of each of `runs` to the cards on the page it returned.
    fn add_runs(&mut self, store: &Store, runs: &[CardRun], words: &[Word]) -> Result<()> {
        for run in runs {
            let mut unsure = Vec::new();
            for &id in &run.ids {
                if !self.fields.contains_key(&id) {
                    continue; // not on the page, or not a card match
                }
                let by_tokens = store.fields_by_tokens(
                    &mut self.cards,
                    id,
                    words,
                    run.prefix,
                    run.name_only,
                )?;
                match by_tokens {
                    Some(matched) => self.add(id, matched),
                    None => unsure.push(id),
                }
            }
            if !unsure.is_empty() {
                for (id, matched) in store.card_fields(&run.fts, &unsure)? {
                    self.add(id, matched);
                }
            }
        }
        Ok(())
    }

    /// Adds to `contact`'s fields those of `matched` it does not have yet.
    fn add(&mut self, contact: i64, matched: Vec<SearchField>) {
        if let Some(have) = self.fields.get_mut(&contact) {
            for field in matched {
                if !have.contains(&field) {
                    have.push(field);
                }
            }
        }
    }

    /// Whether a card query with `words` (as typed or with `prefix`, in
    /// names only or not) could add a field to a card on the page, were it to
    /// return it.
    fn could_gain(
        &mut self,
        store: &Store,
        words: &[Word],
        prefix: bool,
        name_only: bool,
    ) -> Result<bool> {
        let ids: Vec<i64> = self.fields.keys().copied().collect();
        for id in ids {
            match store.fields_by_tokens(&mut self.cards, id, words, prefix, name_only)? {
                None => return Ok(true),
                Some(matched) if matched.iter().any(|f| !self.fields[&id].contains(f)) => {
                    return Ok(true)
                }
                Some(_) => {}
            }
        }
        Ok(false)
    }

    /// The fields of every contact on the page, card and history matches
    /// included.
    fn finish(mut self, store: &Store, words: &[Word]) -> Result<HashMap<i64, Vec<SearchField>>> {
        for id in std::mem::take(&mut self.split) {
            let by_tokens = store.fields_by_tokens(&mut self.cards, id, words, true, false)?;
            let matched = match by_tokens {
                Some(matched) => matched,
                None => {
                    let any_word = words
                        .iter()
                        .map(|w| w.prefix.as_str())
                        .collect::<Vec<_>>()
                        .join(" OR ");
                    let mut found = store.card_fields(&any_word, &[id])?;
                    found.remove(&id).unwrap_or_default()
                }
            };
            self.fields.insert(id, matched);
        }
        Ok(self.fields)
    }
}
