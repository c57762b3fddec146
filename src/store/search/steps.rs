//! The steps of a search (see the module doc). Gathering, a step adds the
//! contacts it finds as drafts; for a page already full, it only notes what it
//! would add to the drafts on the page (another interaction that matched, the
//! card fields of its queries), so that the page comes out as if it had run.

use std::collections::HashSet;

use rusqlite::params;

use super::super::Store;
use super::{
    CardRun, CardRuns, Found, Gathered, SearchField, Step, Stop, Word, HISTORY_SCAN, RANKED_CARDS,
    SPLIT_CARDS, TIER_CARD, TIER_CARD_PREFIX, TIER_HISTORY, TIER_PHONE, TIER_SPLIT,
};
use crate::error::Result;

impl Store {
    /// Runs one step.
    pub(super) fn run_step(
        &self,
        step: Step,
        words: &[Word],
        limit: usize,
        found: Found,
        gathered: &mut Gathered,
    ) -> Result<()> {
        match step {
            Step::Cards { prefix } => {
                self.card_hits(words, prefix, limit, found, CardRuns::ALL, gathered)
            }
            Step::Split { mask } => self.split_hits(words, mask, found, gathered),
            Step::History => self.history_hits(words, limit, found, gathered),
        }
    }

    /// Contacts with a phone number containing `digits`.
    pub(super) fn phone_hits(
        &self,
        digits: &str,
        limit: usize,
        gathered: &mut Gathered,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT p.contact_id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
             WHERE instr(p.digits, ?1) > 0 AND c.deleted_on IS NULL ORDER BY p.contact_id",
        )?;
        let ids = stmt
            .query_map([digits], |r| r.get::<_, i64>(0))?
            .take(limit)
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for id in ids {
            gathered
                .drafts
                .found(id, TIER_PHONE, 0.0)
                .fields
                .push(SearchField::Phones);
        }
        Ok(())
    }

    /// The live contacts with the email address `address` (any case), found on
    /// their card (the fields their card matched are those of step 1's
    /// queries); false when none has it.
    pub(super) fn address_hits(
        &self,
        address: &str,
        words: &[Word],
        gathered: &mut Gathered,
    ) -> Result<bool> {
        let ids = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT e.contact_id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
                 WHERE e.email = ?1 COLLATE NOCASE AND c.deleted_on IS NULL ORDER BY e.contact_id",
            )?
            .query_map([address], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if ids.is_empty() {
            return Ok(false);
        }
        for &id in &ids {
            gathered.drafts.found(id, TIER_CARD, 0.0);
        }
        for prefix in [false, true] {
            let fts = card_query(words, prefix);
            gathered.card_runs.push(CardRun {
                fts,
                ids: ids.clone(),
                prefix,
                name_only: false,
            });
        }
        Ok(true)
    }

    /// Step 1: cards holding every word, as typed or as word starts. Up to
    /// [`RANKED_CARDS`] matches are ranked by bm25; past it, name matches come
    /// first, then the rest, each in card order. Only the queries in `runs`
    /// are run.
    pub(super) fn card_hits(
        &self,
        words: &[Word],
        prefix: bool,
        limit: usize,
        found: Found,
        runs: CardRuns,
        gathered: &mut Gathered,
    ) -> Result<()> {
        let fts = card_query(words, prefix);
        // The first cards in card order, enough to count past RANKED_CARDS:
        // one statement counts them and gives what name-first order needs.
        // More cards hold the words as starts than as typed.
        let known_many = prefix && gathered.many_exact == Some(true);
        let first = if !known_many {
            self.card_ids(&fts, limit.max(RANKED_CARDS + 1))?
        } else if runs.all {
            self.card_ids(&fts, limit)?
        } else {
            Vec::new()
        };
        let many = known_many || first.len() > RANKED_CARDS;
        if !prefix {
            gathered.many_exact = Some(many);
        }
        if !known_many && first.is_empty() {
            return Ok(());
        }
        let runs = if many {
            let mut name_first = Vec::new();
            if runs.by_name {
                let name = format!("name : ({fts})");
                let by_name = self.card_ids(&name, limit)?;
                name_first.push((name, by_name, None, true));
            }
            if runs.all {
                let rest = first.into_iter().take(limit).collect();
                name_first.push((fts, rest, None, false));
            }
            name_first
        } else if !runs.all {
            Vec::new()
        } else {
            // All of them (at most RANKED_CARDS), sorted here as FTS5 sorts
            // for ORDER BY rank (best first, ties in card order) without the
            // statements it prepares each time to do so.
            let mut ranked: Vec<(i64, f64)> = self
                .conn
                .prepare_cached(&format!(
                    "SELECT rowid, {CARD_RANK} FROM contact_search WHERE contact_search MATCH ?1
                     ORDER BY rowid"
                ))?
                .query_map([&fts], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
            ranked.truncate(limit);
            let (ids, ranks) = ranked.into_iter().unzip();
            vec![(fts, ids, Some(ranks), false)]
        };
        let tier = if prefix { TIER_CARD_PREFIX } else { TIER_CARD };
        for (fts, ids, ranks, name_only) in runs {
            if found == Found::Add {
                for (i, &id) in ids.iter().enumerate() {
                    let rank = ranks.as_ref().map_or(0.0, |r: &Vec<f64>| r[i]);
                    gathered.drafts.found(id, tier, rank);
                }
            }
            gathered.card_runs.push(CardRun {
                fts,
                ids,
                prefix,
                name_only,
            });
        }
        Ok(())
    }

    /// The first `n` cards matching `fts`, in card (rowid) order.
    fn card_ids(&self, fts: &str, n: usize) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH ?1 ORDER BY rowid",
        )?;
        let mut rows = stmt.query([fts])?;
        let mut ids = Vec::with_capacity(n.min(64));
        while ids.len() < n {
            let Some(row) = rows.next()? else { break };
            ids.push(row.get(0)?);
        }
        Ok(ids)
    }

    /// Step 2: cards holding the words in `mask` (as word starts) among the
    /// first [`SPLIT_CARDS`], with one of the newest [`HISTORY_SCAN`]
    /// interactions holding the others. Read the other way round: whose those
    /// interactions are, then which of them have such a card.
    fn split_hits(
        &self,
        words: &[Word],
        mask: u32,
        found: Found,
        gathered: &mut Gathered,
    ) -> Result<()> {
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
        let on_card = pick(true);
        let pending: HashSet<i64> = match found {
            Found::Add if self.card_ids(&on_card, 1)?.is_empty() => return Ok(()),
            Found::Add => HashSet::new(),
            Found::PageOnly => gathered.page_without_interaction().collect(),
        };
        if found == Found::PageOnly && pending.is_empty() {
            return Ok(());
        }
        // The newest interaction of each contact in the scan, in scan order.
        let mut seen = HashSet::new();
        let mut newest = Vec::new();
        self.scan_history(&pick(false), HISTORY_SCAN, |contact, interaction, date| {
            if (found == Found::Add || pending.contains(&contact)) && seen.insert(contact) {
                newest.push((contact, interaction, date));
            }
            found == Found::Add || newest.len() < pending.len()
        })?;
        if newest.is_empty() {
            return Ok(());
        }
        let owners = self.split_owners(&on_card, newest.iter().map(|(id, _, _)| *id))?;
        for (contact, interaction, date) in newest {
            if owners.contains(&contact) {
                let draft = gathered.drafts.found(contact, TIER_SPLIT, 0.0);
                if draft.interaction.is_none() {
                    draft.interaction = Some((interaction, date));
                }
            }
        }
        Ok(())
    }

    /// Which of `contacts` are among the first [`SPLIT_CARDS`] cards matching
    /// `fts`, as step 2 takes them.
    fn split_owners(&self, fts: &str, contacts: impl Iterator<Item = i64>) -> Result<HashSet<i64>> {
        let asked: HashSet<i64> = contacts.collect();
        let Some(&last) = asked.iter().max() else {
            return Ok(HashSet::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH ?1 AND rowid <= ?2
             ORDER BY rowid",
        )?;
        let mut rows = stmt.query(params![fts, last])?;
        let mut owners = HashSet::new();
        for _ in 0..SPLIT_CARDS {
            let Some(row) = rows.next()? else { break };
            let id = row.get(0)?;
            if asked.contains(&id) {
                owners.insert(id);
            }
        }
        Ok(owners)
    }

    /// Step 3: contacts with the most recent interactions holding every word.
    fn history_hits(
        &self,
        words: &[Word],
        limit: usize,
        found: Found,
        gathered: &mut Gathered,
    ) -> Result<()> {
        let fts = words
            .iter()
            .map(Word::history)
            .collect::<Vec<_>>()
            .join(" ");
        let scan = HISTORY_SCAN.max(limit.saturating_mul(4));
        if found == Found::PageOnly {
            let pending: HashSet<i64> = gathered.page_without_interaction().collect();
            let mut left = pending.len();
            if left == 0 {
                return Ok(());
            }
            return self.scan_history(&fts, scan, |contact, interaction, date| {
                if pending.contains(&contact) {
                    let draft = gathered.drafts.found(contact, TIER_HISTORY, 0.0);
                    if draft.interaction.is_none() {
                        draft.interaction = Some((interaction, date));
                        left -= 1;
                    }
                }
                left > 0
            });
        }
        // Everyone found before is live and on the page; the scan stops once
        // it has found the live contacts the page still lacks and every card
        // match has its interaction: the rest could only add contacts below.
        let stop_early = gathered.stop == Stop::WhenPageFull;
        let mut lacking = limit.saturating_sub(gathered.drafts.by_contact.len());
        let mut unmatched = gathered
            .drafts
            .by_contact
            .values()
            .filter(|d| d.tier <= TIER_CARD_PREFIX && d.interaction.is_none())
            .count();
        let mut live = self
            .conn
            .prepare_cached("SELECT 1 FROM contacts WHERE id = ?1 AND deleted_on IS NULL")?;
        let mut failed = None;
        self.scan_history(&fts, scan, |contact, interaction, date| {
            let new = !gathered.drafts.by_contact.contains_key(&contact);
            let draft = gathered.drafts.found(contact, TIER_HISTORY, 0.0);
            if draft.interaction.is_none() {
                if draft.tier <= TIER_CARD_PREFIX {
                    unmatched -= 1;
                }
                draft.interaction = Some((interaction, date));
            }
            if new && lacking > 0 {
                match live.exists([contact]) {
                    Ok(true) => lacking -= 1,
                    Ok(false) => {}
                    Err(e) => {
                        failed = Some(e);
                        return false;
                    }
                }
            }
            !stop_early || lacking > 0 || unmatched > 0
        })?;
        match failed {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }

    /// Calls `found(contact, interaction, date)` for the newest `scan`
    /// interactions whose note or event holds every word of `fts`, newest
    /// first, while it returns true.
    fn scan_history(
        &self,
        fts: &str,
        scan: usize,
        mut found: impl FnMut(i64, i64, String) -> bool,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.rowid, i.contact_id, i.date
             FROM interaction_search s JOIN interactions i ON i.id = s.rowid
             WHERE interaction_search MATCH ?1 ORDER BY s.rowid DESC",
        )?;
        let mut rows = stmt.query([fts])?;
        for _ in 0..scan {
            let Some(row) = rows.next()? else { break };
            if !found(row.get(1)?, row.get(0)?, row.get(2)?) {
                break;
            }
        }
        Ok(())
    }
}

/// The rank of a card, as the card index's `rank` option has it (migration 5):
/// bm25, a name counting most, then company and email, interests and tags,
/// title, notes. Reading the `rank` column instead makes FTS5 parse that
/// option again on every statement.
pub(super) const CARD_RANK: &str = "bm25(contact_search, 10.0, 5.0, 2.0, 4.0, 3.0, 3.0, 1.0)";

/// `ids` as a JSON array, for `IN (SELECT value FROM json_each(?))`.
pub(super) fn id_list(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// The card index query for every word, as typed or as word starts.
fn card_query(words: &[Word], prefix: bool) -> String {
    words
        .iter()
        .map(|w| {
            if prefix {
                w.prefix.as_str()
            } else {
                w.exact.as_str()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
