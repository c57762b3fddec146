//! What the planner reads (snapshot, settings) and what acting on a ping writes.

use std::collections::HashMap;

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
/// `usa-ca` → `US-CA`, `Germany` → `DE`); anything else is refused with the
/// closest countries.
fn holiday_region(value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() || v.eq_ignore_ascii_case("none") || HolidayRegion::load(v).is_some() {
        return Ok(v.to_owned());
    }
    if let Some(code) = crate::countries::country_code(v) {
        return Ok(code.to_owned());
    }
    if let Some((country, subdivision)) = v.split_once(['-', '_']) {
        if let Some(code) = crate::countries::country_code(country) {
            let region = format!("{code}-{}", subdivision.trim().to_ascii_uppercase());
            if HolidayRegion::load(&region).is_some() {
                return Ok(region);
            }
        }
    }
    let near = crate::countries::closest_countries(v);
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
    /// in the trash) with their interests, the latest interaction of each kind,
    /// the latest note, recent events, open promises and ping actions.
    pub fn snapshot(&self, today: NaiveDate) -> Result<Snapshot> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uid, display_name, given_name, company, birthday, circle, paused, created_on, source
             FROM contacts WHERE deleted_on IS NULL ORDER BY id",
        )?;
        let mut facts: Vec<ContactFacts> = stmt
            .query_map([], |row| {
                let birthday: Option<String> = row.get(5)?;
                let circle: String = row.get(6)?;
                let created_on: String = row.get(8)?;
                let source: Option<String> = row.get(9)?;
                Ok(ContactFacts {
                    id: row.get(0)?,
                    uid: row.get(1)?,
                    name: row.get(2)?,
                    given_name: row.get(3)?,
                    company: row.get(4)?,
                    circle: circle.parse().map_err(|e| conversion_error(6, e))?,
                    birthday: birthday.and_then(|b| b.parse().ok()),
                    interests: Vec::new(),
                    paused: row.get(7)?,
                    created_on: parse_date("created_on", &created_on)
                        .map_err(|e| conversion_error(8, e))?,
                    source: source.and_then(|s| s.parse().ok()),
                    last_note: None,
                    anchors: Vec::new(),
                    last_event: None,
                    open_promises: Vec::new(),
                    actions: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let index: HashMap<i64, usize> = facts.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let date_of = |col: usize, text: String| {
            parse_date("date", &text).map_err(|e| conversion_error(col, e))
        };

        let mut stmt = self.conn.prepare_cached(
            "SELECT contact_id, interest FROM contact_interests ORDER BY contact_id, position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let Some(&i) = index.get(&row.get::<_, i64>(0)?) {
                facts[i].interests.push(row.get(1)?);
            }
        }

        // The latest interaction of each kind, kept by triggers (migration 3).
        let mut stmt = self
            .conn
            .prepare_cached("SELECT contact_id, kind, date, event_name FROM interaction_latest")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(&i) = index.get(&row.get::<_, i64>(0)?) else {
                continue;
            };
            let kind: String = row.get(1)?;
            let kind: InteractionKind = kind.parse().map_err(|e| conversion_error(1, e))?;
            let date = date_of(2, row.get(2)?)?;
            facts[i].anchors.push(Anchor {
                date,
                source: AnchorSource::Interaction(kind),
                event: row.get(3)?,
            });
        }

        // The note of the latest of those, when recent enough for suggestions to
        // pick up the thread (older notes are never used, so never read).
        let since = (today - chrono::Duration::days(NOTE_READ_DAYS)).to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.contact_id, l.kind, l.date, l.event_name, i.note
             FROM interaction_latest l JOIN interactions i ON i.id = l.interaction_id
             WHERE l.date >= ?1 AND i.note <> ''",
        )?;
        let mut rows = stmt.query([since])?;
        while let Some(row) = rows.next()? {
            let Some(&i) = index.get(&row.get::<_, i64>(0)?) else {
                continue;
            };
            let kind: String = row.get(1)?;
            let date = date_of(2, row.get(2)?)?;
            let c = &mut facts[i];
            if c.last_note.as_ref().is_none_or(|n| n.date < date) {
                c.last_note = Some(NoteFacts {
                    date,
                    kind: kind.parse().map_err(|e| conversion_error(1, e))?,
                    text: row.get(4)?,
                    event: row.get(3)?,
                });
            }
        }

        // Only events recent enough to still need follow-ups.
        let since = (today - chrono::Duration::days(45)).to_string();
        // In date order, so the last one seen for a contact is its latest.
        let mut stmt = self.conn.prepare_cached(
            "SELECT contact_id, id, date, event_name FROM interactions
             WHERE event_name IS NOT NULL AND date >= ?1 ORDER BY date, id",
        )?;
        let mut rows = stmt.query([since])?;
        while let Some(row) = rows.next()? {
            let Some(&i) = index.get(&row.get::<_, i64>(0)?) else {
                continue;
            };
            facts[i].last_event = Some(EventFacts {
                interaction_id: row.get(1)?,
                date: date_of(2, row.get(2)?)?,
                name: row.get(3)?,
            });
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT id, contact_id, text, due_date FROM promises WHERE done_date IS NULL ORDER BY due_date, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(&i) = index.get(&row.get::<_, i64>(1)?) else {
                continue;
            };
            facts[i].open_promises.push(PromiseFacts {
                id: row.get(0)?,
                text: row.get(2)?,
                due: date_of(3, row.get(3)?)?,
            });
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT ping_id, contact_id, action, acted_on, snoozed_until, planned_date FROM ping_actions ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(&i) = index.get(&row.get::<_, i64>(1)?) else {
                continue;
            };
            let action = match row.get::<_, String>(2)?.as_str() {
                "done" => PingActionKind::Done,
                "snoozed" => PingActionKind::Snoozed,
                _ => PingActionKind::Skipped,
            };
            let snoozed_until: Option<String> = row.get(4)?;
            facts[i].actions.push(ActionFacts {
                ping_id: row.get(0)?,
                action,
                acted_on: date_of(3, row.get(3)?)?,
                planned_on: date_of(5, row.get(5)?)?,
                snoozed_until: snoozed_until.map(|d| date_of(4, d)).transpose()?,
            });
        }
        Ok(Snapshot { contacts: facts })
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
