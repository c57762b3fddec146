//! What the planner reads (snapshot, settings) and what acting on a ping writes.

use chrono::NaiveDate;
use rusqlite::params;

use super::contacts::conversion_error;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{parse_date, InteractionKind, PingActionKind};
use crate::schedule::holidays::HolidayRegion;
use crate::schedule::settings::{PlannerSettings, SETTING_KEYS};
use crate::schedule::snapshot::{
    ActionFacts, Anchor, AnchorSource, ContactFacts, EventFacts, NoteFacts, PromiseFacts, Snapshot,
};
use crate::schedule::Ping;

/// What to do with a planned ping.
#[derive(Debug, Clone, PartialEq)]
pub enum PingAction {
    /// Done today: log an interaction of this kind with this note.
    Done {
        /// The kind of interaction it was.
        kind: InteractionKind,
        /// A one-line note.
        note: String,
    },
    /// Move it to another day.
    Snooze {
        /// The new day.
        until: NaiveDate,
    },
    /// Drop this one ping.
    Skip,
}

/// Notes older than this are not read: suggestions only use notes at most 200
/// days older than the ping, and plans that use them look about half a year ahead.
const NOTE_READ_DAYS: i64 = 200;

/// The words of a note that may say its contact is away or not to be
/// contacted: word for word the condition of the partial index
/// `interactions_absences` (migration 14), so that SQLite reads only those
/// notes.
const ABSENCE_CUES: &str = "note LIKE '%leave%' OR note LIKE '%away%' OR note LIKE '%holiday%'
   OR note LIKE '%vacation%' OR note LIKE '%sabbatical%' OR note LIKE '%overseas%'
   OR note LIKE '%off %' OR note LIKE '%contact%' OR note LIKE '%blackout%'
   OR note LIKE '%probity%' OR note LIKE '%not before%' OR note LIKE '%revisit%'
   OR note LIKE '%on hold%' OR note LIKE '%no appetite%' OR note LIKE '%parked%'
   OR note LIKE '%no budget%' OR note LIKE '%not a priority%'
   OR note LIKE '%talk to vendors%' OR note LIKE '%vendor contact%'";
/// Which notes may name a day: the condition of migration 15's partial
/// index, repeated word for word so that SQLite uses it.
const DATED_CUE: &str = "note GLOB '*[0-9]*'";
/// Earlier notes this recent are read for the days they name.
const DATED_READ_DAYS: i64 = 120;
/// Promises kept this recently are asked about on the next ping.
const KEPT_READ_DAYS: i64 = 120;

/// The country of the user's locale (`LC_ALL`, then `LC_TIME`, then `LANG`), when
/// the holiday data knows it.
fn locale_region() -> Option<String> {
    ["LC_ALL", "LC_TIME", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .and_then(|locale| crate::schedule::holidays::region_from_locale(&locale))
}

/// The holiday region a user means: a code the holiday data knows as it is, a
/// country's three-letter code or name as its two-letter code (`USA` → `US`,
/// `usa-ca` → `US-CA`, `Germany` → `DE`, `Scotland` → `GB-SCT`); anything else is refused with the
/// closest countries.
fn holiday_region(value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() || v.eq_ignore_ascii_case("none") || HolidayRegion::load(v).is_some() {
        return Ok(v.to_owned());
    }
    // England, Scotland, Wales and Northern Ireland each keep their own
    // bank holidays: the nation named is its region, not the whole UK.
    const UK_NATIONS: [(&str, &str); 4] = [
        ("england", "GB-ENG"),
        ("scotland", "GB-SCT"),
        ("wales", "GB-WLS"),
        ("northern ireland", "GB-NIR"),
    ];
    let folded = crate::store::fold(v);
    if let Some((_, region)) = UK_NATIONS.iter().find(|(nation, _)| folded == *nation) {
        return Ok((*region).to_owned());
    }
    if let Some(code) = crate::countries::country_code(v) {
        return Ok(code.to_owned());
    }
    let mut near_region = None;
    if let Some((country, subdivision)) = v.split_once(['-', '_']) {
        let code = crate::countries::country_code(country).or_else(|| {
            crate::schedule::holidays::known_countries()
                .into_iter()
                .find(|c| c.eq_ignore_ascii_case(country.trim()))
        });
        if let Some(code) = code {
            let region = format!("{code}-{}", subdivision.trim().to_ascii_uppercase());
            if HolidayRegion::load(&region).is_some() {
                return Ok(region);
            }
            // A slip in the region (`AU-NWS`): the country's region most like it.
            let regions: Vec<&str> = crate::schedule::holidays::known_regions()
                .into_iter()
                .filter(|r| r.split_once('-').is_some_and(|(c, _)| c == code))
                .collect();
            near_region = crate::validate::closest(&region, &regions);
        }
    }
    let near = match near_region {
        Some(region) => vec![region.to_owned()],
        None => crate::countries::closest_countries(v),
    };
    let suggestion = match near.as_slice() {
        [] => String::new(),
        [one] => format!("did you mean {one}? "),
        [many @ .., last] => format!("did you mean {} or {last}? ", many.join(", ")),
    };
    Err(Error::invalid(
        "holidays",
        value,
        format!(
            "unknown region; {suggestion}use none, a country's two-letter code such as US, GB or DE (or its name), or a region such as DE-BY"
        ),
    ))
}

/// A recent interaction whose note may be its contact's latest.
struct NoteCandidate {
    /// The contact's index in the snapshot.
    contact: usize,
    /// The interaction's index in the contact's anchors.
    anchor: usize,
    /// When it happened.
    date: NaiveDate,
    /// Its kind's name (the tie-break on one day).
    kind: &'static str,
    /// The interaction's id.
    interaction: i64,
}

/// The index of the contact with this id in contacts ordered by id.
fn position(facts: &[ContactFacts], id: i64) -> Option<usize> {
    facts.binary_search_by_key(&id, |c| c.id).ok()
}

/// A text column, read where it lies (valid until the next row).
fn text<'r>(row: &'r rusqlite::Row<'_>, col: usize) -> rusqlite::Result<&'r str> {
    Ok(row.get_ref(col)?.as_str()?)
}

/// A text column that may be NULL, read where it lies.
fn text_or_null<'r>(row: &'r rusqlite::Row<'_>, col: usize) -> rusqlite::Result<Option<&'r str>> {
    Ok(row.get_ref(col)?.as_str_or_null()?)
}

/// A `YYYY-MM-DD` column.
fn date_at(row: &rusqlite::Row<'_>, col: usize) -> rusqlite::Result<NaiveDate> {
    parse_date("date", text(row, col)?).map_err(|e| conversion_error(col, e))
}

/// An interaction kind column: stored as its name, so compared as is first.
fn kind_at(row: &rusqlite::Row<'_>, col: usize) -> rusqlite::Result<InteractionKind> {
    let name = text(row, col)?;
    match InteractionKind::ALL
        .into_iter()
        .find(|k| k.as_str() == name)
    {
        Some(kind) => Ok(kind),
        None => name.parse().map_err(|e| conversion_error(col, e)),
    }
}

impl Store {
    /// The planner settings, from stored values over the defaults.
    pub fn planner_settings(&self) -> Result<PlannerSettings> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, value FROM settings ORDER BY key")?;
        let pairs = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let planner_keys: Vec<&str> = SETTING_KEYS.iter().map(|(k, _)| *k).collect();
        let mut settings = PlannerSettings::from_pairs(
            pairs
                .iter()
                .filter(|(k, _)| planner_keys.contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str())),
        )?;
        if !pairs.iter().any(|(k, _)| k == "holidays") {
            // Not chosen yet: the country of the system locale, when it names one.
            if let Some(region) = locale_region() {
                settings.apply("holidays", &region)?;
            }
        }
        Ok(settings)
    }

    /// How the user writes numeric dates, for an import to read `4/12/1979`:
    /// the order of the holiday region (as the planner reads dates in notes),
    /// else of the system locale's country; with neither, month first.
    pub fn date_reading(&self) -> Result<crate::interop::DateReading> {
        let region = match self.planner_settings()?.holidays {
            Some(holidays) => Some(holidays.code().to_owned()),
            // Holidays turned off still leave the locale to say where the user lives.
            None => locale_region(),
        };
        Ok(crate::interop::DateReading::of_region(region.as_deref()))
    }

    /// Checks and stores one planner setting; a bad value is refused and nothing changes.
    pub fn set_planner_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let mut settings = self.planner_settings()?;
        let value = if key == "holidays" {
            holiday_region(value)?
        } else {
            value.to_owned()
        };
        let value = value.as_str();
        settings.apply(key, value)?;
        let canonical = settings
            .to_pairs()
            .remove(key)
            .unwrap_or_else(|| value.to_owned());
        self.set_setting(key, &canonical)
    }

    /// Everything the planner needs, in a handful of queries: live contacts (not
    /// in the trash) with their interests, tags, notes, the latest interaction of each kind,
    /// the latest note, recent events, open promises and ping actions.
    ///
    /// A large book has tens of thousands of rows here: dates and kinds are
    /// parsed where they lie (no copy per row), and rows find their contact by
    /// id in the id-ordered list.
    pub fn snapshot(&self, today: NaiveDate) -> Result<Snapshot> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uid, display_name, given_name, company, birthday, circle, paused, created_on, source, title, notes
             FROM contacts WHERE deleted_on IS NULL ORDER BY id",
        )?;
        let mut facts: Vec<ContactFacts> = stmt
            .query_map([], |row| {
                Ok(ContactFacts {
                    id: row.get(0)?,
                    uid: row.get(1)?,
                    name: row.get(2)?,
                    given_name: row.get(3)?,
                    company: row.get(4)?,
                    title: row.get(10)?,
                    circle: text(row, 6)?.parse().map_err(|e| conversion_error(6, e))?,
                    birthday: text_or_null(row, 5)?.and_then(|b| b.parse().ok()),
                    interests: Vec::new(),
                    tags: Vec::new(),
                    notes: row.get(11)?,
                    paused: row.get(7)?,
                    created_on: date_at(row, 8)?,
                    source: text_or_null(row, 9)?.and_then(|s| s.parse().ok()),
                    last_note: None,
                    old_last_note: None,
                    absence_notes: Vec::new(),
                    dated_notes: Vec::new(),
                    anchors: Vec::new(),
                    last_event: None,
                    open_promises: Vec::new(),
                    kept_promises: Vec::new(),
                    actions: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let mut stmt = self.conn.prepare_cached(
            "SELECT contact_id, interest FROM contact_interests ORDER BY contact_id, position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let Some(i) = position(&facts, row.get(0)?) {
                facts[i].interests.push(row.get(1)?);
            }
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let Some(i) = position(&facts, row.get(0)?) {
                facts[i].tags.push(row.get(1)?);
            }
        }

        // The latest interaction of each kind, kept by triggers (migration 3).
        // Those recent enough for suggestions to pick up the thread are
        // candidates for the contact's latest note (older notes are never used,
        // so never read).
        let since = today - chrono::Duration::days(NOTE_READ_DAYS);
        let mut candidates: Vec<NoteCandidate> = Vec::new();
        // The older ones too, for contacts with no recent one: their latest
        // note may still say where the user stands.
        let mut old_candidates: Vec<NoteCandidate> = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT contact_id, kind, date, event_name, interaction_id FROM interaction_latest",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(i) = position(&facts, row.get(0)?) else {
                continue;
            };
            let anchor = Anchor {
                date: date_at(row, 2)?,
                source: AnchorSource::Interaction(kind_at(row, 1)?),
                event: row.get(3)?,
            };
            let candidate = NoteCandidate {
                contact: i,
                anchor: facts[i].anchors.len(),
                date: anchor.date,
                kind: match anchor.source {
                    AnchorSource::Interaction(kind) => kind.as_str(),
                    _ => "",
                },
                interaction: row.get(4)?,
            };
            if anchor.date >= since {
                candidates.push(candidate);
            } else {
                old_candidates.push(candidate);
            }
            facts[i].anchors.push(anchor);
        }
        // Only contacts with no recent interaction at all look further back.
        let mut recent = vec![false; facts.len()];
        for c in &candidates {
            recent[c.contact] = true;
        }
        old_candidates.retain(|c| !recent[c.contact]);
        self.read_latest_notes(&mut facts, candidates, |c| &mut c.last_note)?;
        self.read_latest_notes(&mut facts, old_candidates, |c| &mut c.old_last_note)?;
        self.read_earlier_notes(&mut facts, since, ABSENCE_CUES, |c| &mut c.absence_notes)?;
        let dated_since = today - chrono::Duration::days(DATED_READ_DAYS);
        self.read_earlier_notes(&mut facts, dated_since, DATED_CUE, |c| &mut c.dated_notes)?;

        // Only events recent enough to still need follow-ups.
        let since = (today - chrono::Duration::days(45)).to_string();
        // In date order, so the last one seen for a contact is its latest.
        let mut stmt = self.conn.prepare_cached(
            "SELECT contact_id, id, date, event_name FROM interactions
             WHERE event_name IS NOT NULL AND date >= ?1 ORDER BY date, id",
        )?;
        let mut rows = stmt.query([since])?;
        while let Some(row) = rows.next()? {
            let Some(i) = position(&facts, row.get(0)?) else {
                continue;
            };
            facts[i].last_event = Some(EventFacts {
                interaction_id: row.get(1)?,
                date: date_at(row, 2)?,
                name: row.get(3)?,
            });
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT id, contact_id, text, due_date FROM promises WHERE done_date IS NULL ORDER BY due_date, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(i) = position(&facts, row.get(1)?) else {
                continue;
            };
            facts[i].open_promises.push(PromiseFacts {
                id: row.get(0)?,
                text: row.get(2)?,
                due: date_at(row, 3)?,
            });
        }

        // Promises kept lately: the next ping asks how they landed.
        let since = (today - chrono::Duration::days(KEPT_READ_DAYS)).to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, contact_id, text, done_date FROM promises
             WHERE done_date IS NOT NULL AND done_date >= ?1 ORDER BY done_date, id",
        )?;
        let mut rows = stmt.query([since])?;
        while let Some(row) = rows.next()? {
            let Some(i) = position(&facts, row.get(1)?) else {
                continue;
            };
            facts[i].kept_promises.push(PromiseFacts {
                id: row.get(0)?,
                text: row.get(2)?,
                due: date_at(row, 3)?,
            });
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT ping_id, contact_id, action, acted_on, snoozed_until, planned_date FROM ping_actions ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(i) = position(&facts, row.get(1)?) else {
                continue;
            };
            let action = match text(row, 2)? {
                "done" => PingActionKind::Done,
                "snoozed" => PingActionKind::Snoozed,
                _ => PingActionKind::Skipped,
            };
            let snoozed_until = match text_or_null(row, 4)? {
                Some(d) => Some(parse_date("date", d).map_err(|e| conversion_error(4, e))?),
                None => None,
            };
            facts[i].actions.push(ActionFacts {
                ping_id: row.get(0)?,
                action,
                acted_on: date_at(row, 3)?,
                planned_on: date_at(row, 5)?,
                snoozed_until,
            });
        }
        Ok(Snapshot { contacts: facts })
    }

    /// Each contact's latest note among its candidates: the latest one whose
    /// interaction has a note (on the same day, the kind first by name). Reads
    /// only the notes it may keep, a round per fallback, rather than every
    /// recent note.
    fn read_latest_notes(
        &self,
        facts: &mut [ContactFacts],
        mut candidates: Vec<NoteCandidate>,
        into: fn(&mut ContactFacts) -> &mut Option<NoteFacts>,
    ) -> Result<()> {
        // Rows come by contact already: the stable sort finds one run, and only
        // each contact's few candidates are ordered among themselves.
        candidates.sort_by_key(|c| c.contact);
        for group in candidates.chunk_by_mut(|a, b| a.contact == b.contact) {
            group.sort_unstable_by_key(|c| (std::cmp::Reverse(c.date), c.kind));
        }
        // Each contact's candidates, best first: try the first; when its
        // interaction has no note, the next, in the next round.
        let mut starts: Vec<usize> = (0..candidates.len())
            .filter(|&k| k == 0 || candidates[k - 1].contact != candidates[k].contact)
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.note FROM json_each(?1) AS j CROSS JOIN interactions AS i
             ON i.id = j.value WHERE i.note <> ''",
        )?;
        while !starts.is_empty() {
            let mut ids = String::with_capacity(starts.len() * 8 + 2);
            ids.push('[');
            for (n, &k) in starts.iter().enumerate() {
                if n > 0 {
                    ids.push(',');
                }
                ids.push_str(&candidates[k].interaction.to_string());
            }
            ids.push(']');
            let mut notes: Vec<(i64, String)> = stmt
                .query_map([ids], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            notes.sort_unstable_by_key(|(id, _)| *id);
            let mut next = Vec::new();
            for k in starts {
                let c = &candidates[k];
                match notes.binary_search_by_key(&c.interaction, |(id, _)| *id) {
                    Ok(n) => {
                        let anchor = &facts[c.contact].anchors[c.anchor];
                        let note = NoteFacts {
                            date: anchor.date,
                            kind: match anchor.source {
                                AnchorSource::Interaction(kind) => kind,
                                _ => continue,
                            },
                            text: std::mem::take(&mut notes[n].1),
                            event: anchor.event.clone(),
                        };
                        *into(&mut facts[c.contact]) = Some(note);
                    }
                    Err(_) => {
                        if candidates
                            .get(k + 1)
                            .is_some_and(|d| d.contact == c.contact)
                        {
                            next.push(k + 1);
                        }
                    }
                }
            }
            starts = next;
        }
        Ok(())
    }

    /// Each contact's recent notes, other than the latest, that meet `cue`
    /// (one that may speak of an absence or a no-contact rule, one that may
    /// name a day), into the list `into` picks: through the partial index of
    /// migration 14 or 15, a few rows rather than the whole history.
    fn read_earlier_notes(
        &self,
        facts: &mut [ContactFacts],
        since: NaiveDate,
        cue: &str,
        into: fn(&mut ContactFacts) -> &mut Vec<NoteFacts>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT contact_id, date, kind, note, event_name FROM interactions
             WHERE date >= ?1 AND ({cue}) ORDER BY date, id"
        ))?;
        let mut rows = stmt.query([since.to_string()])?;
        while let Some(row) = rows.next()? {
            let Some(i) = position(facts, row.get(0)?) else {
                continue;
            };
            let note = NoteFacts {
                date: date_at(row, 1)?,
                kind: kind_at(row, 2)?,
                text: row.get(3)?,
                event: row.get(4)?,
            };
            let latest = facts[i].last_note.as_ref();
            if latest.is_none_or(|l| l.date != note.date || l.text != note.text) {
                into(&mut facts[i]).push(note);
            }
        }
        Ok(())
    }

    /// Records what the user did with a planned ping, all in one transaction:
    /// done logs the interaction (and keeps a promise it was for), snooze moves it,
    /// skip drops it.
    pub fn act_on_ping(
        &mut self,
        ping: &Ping,
        action: &PingAction,
        today: NaiveDate,
    ) -> Result<()> {
        if let PingAction::Snooze { until } = action {
            if *until <= ping.date && *until <= today {
                return Err(Error::invalid(
                    "snooze",
                    &until.to_string(),
                    "a snoozed ping must move to a later day",
                ));
            }
        }
        let label = match action {
            PingAction::Done { .. } => format!("Marked the ping for {} done", ping.contact_name),
            PingAction::Snooze { until } => {
                format!("Snoozed the ping for {} to {until}", ping.contact_name)
            }
            PingAction::Skip => format!("Skipped the ping for {}", ping.contact_name),
        };
        self.write(&label, |tx| {
            let (name, snoozed_until) = match action {
                PingAction::Done { kind, note } => {
                    tx.execute(
                        "INSERT INTO interactions (contact_id, kind, date, note) VALUES (?1, ?2, ?3, ?4)",
                        params![ping.contact_id, kind.as_str(), today.to_string(), note.trim()],
                    )?;
                    if let Some(promise) = ping.promise_id {
                        tx.execute(
                            "UPDATE promises SET done_date = coalesce(done_date, ?2) WHERE id = ?1",
                            params![promise, today.to_string()],
                        )?;
                    }
                    (PingActionKind::Done, None)
                }
                PingAction::Snooze { until } => (PingActionKind::Snoozed, Some(until.to_string())),
                PingAction::Skip => (PingActionKind::Skipped, None),
            };
            tx.execute(
                "INSERT INTO ping_actions (ping_id, contact_id, action, planned_date, acted_on, snoozed_until)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    ping.id,
                    ping.contact_id,
                    name.as_str(),
                    ping.date.to_string(),
                    today.to_string(),
                    snoozed_until
                ],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_latest_note_is_the_newest_recent_interaction_that_has_one() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO contacts (uid, display_name, created_on) VALUES ('u-1', 'Ada', '2020-01-01');
                 INSERT INTO contacts (uid, display_name, created_on) VALUES ('u-2', 'Ben', '2020-01-01');
                 INSERT INTO contacts (uid, display_name, created_on) VALUES ('u-3', 'Cy', '2020-01-01');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'call', '2026-11-01', '');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'meeting', '2026-10-01', 'Met at lunch');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'email', '2026-10-01', 'Asked for the deck');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'social', '2026-09-01', 'Liked a post');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (2, 'call', '2025-01-01', 'Too old to use');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (3, 'call', '2026-11-20', '');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (3, 'call', '2026-11-02', 'An earlier call');",
            )
            .unwrap();
        let snapshot = store.snapshot(day("2026-11-30")).unwrap();
        let notes: Vec<Option<(&str, InteractionKind, NaiveDate)>> = snapshot
            .contacts
            .iter()
            .map(|c| {
                c.last_note
                    .as_ref()
                    .map(|n| (n.text.as_str(), n.kind, n.date))
            })
            .collect();
        assert_eq!(
            notes,
            vec![
                // The call after it has no note; on one day, kinds go by name.
                Some((
                    "Asked for the deck",
                    InteractionKind::Email,
                    day("2026-10-01")
                )),
                None,
                // Only the latest call of each kind is kept: its note is empty.
                None,
            ]
        );
        assert_eq!(snapshot.contacts[0].anchors.len(), 4);
        // An old latest note is kept apart, only for where the user stands;
        // a contact with a recent interaction has none.
        let old: Vec<Option<&str>> = snapshot
            .contacts
            .iter()
            .map(|c| c.old_last_note.as_ref().map(|n| n.text.as_str()))
            .collect();
        assert_eq!(old, vec![None, Some("Too old to use"), None]);
    }

    /// How SQLite would run the planner's query for earlier notes that meet `cue`.
    fn query_plan(store: &Store, cue: &str) -> String {
        store
            .conn
            .prepare(&format!(
                "EXPLAIN QUERY PLAN SELECT contact_id FROM interactions WHERE date >= ?1 AND ({cue})"
            ))
            .unwrap()
            .query_map(["2026-01-01"], |row| row.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn earlier_notes_of_an_absence_are_read_through_their_index_and_the_last_note_is_not_repeated()
    {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO contacts (uid, display_name, created_on) VALUES ('u-1', 'Noémie', '2020-01-01');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'message', '2026-10-02', 'Baby born! Maternity leave until March.');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'gift', '2026-10-09', 'Sent a gift, she is on leave.');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'call', '2026-09-01', 'Pricing call.');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'call', '2025-01-01', 'On leave until February, long ago.');",
            )
            .unwrap();
        let snapshot = store.snapshot(day("2026-11-30")).unwrap();
        let c = &snapshot.contacts[0];
        assert_eq!(c.last_note.as_ref().unwrap().date, day("2026-10-09"));
        let read: Vec<NaiveDate> = c.absence_notes.iter().map(|n| n.date).collect();
        assert_eq!(read, vec![day("2026-10-02")]);
        let plan = query_plan(&store, ABSENCE_CUES);
        assert!(plan.contains("interactions_absences"), "{plan}");
    }

    #[test]
    fn earlier_notes_that_may_name_a_day_are_read_through_their_index() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO contacts (uid, display_name, created_on) VALUES ('u-1', 'Dana', '2020-01-01');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'meeting', '2026-11-18', 'POC wrapped. Board mtg 12/17 approves capex.');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'call', '2026-11-10', 'Went well, no dates.');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'email', '2026-11-24', 'Sent the order form on 24 Nov.');
                 INSERT INTO interactions (contact_id, kind, date, note) VALUES (1, 'call', '2026-03-01', 'Renewal 3/30, long ago.');",
            )
            .unwrap();
        let snapshot = store.snapshot(day("2026-11-30")).unwrap();
        let c = &snapshot.contacts[0];
        assert_eq!(c.last_note.as_ref().unwrap().date, day("2026-11-24"));
        let read: Vec<NaiveDate> = c.dated_notes.iter().map(|n| n.date).collect();
        assert_eq!(read, vec![day("2026-11-18")]);
        let plan = query_plan(&store, DATED_CUE);
        assert!(plan.contains("interactions_dated"), "{plan}");
    }
}
