//! What the planner reads (snapshot, settings) and what acting on a ping writes.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::contacts::{conversion_error, load_contacts};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{parse_date, InteractionKind, PingActionKind};
use crate::schedule::settings::{PlannerSettings, SETTING_KEYS};
use crate::schedule::snapshot::{
    ActionFacts, Anchor, AnchorSource, ContactFacts, EventFacts, PromiseFacts, Snapshot,
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
        PlannerSettings::from_pairs(
            pairs
                .iter()
                .filter(|(k, _)| planner_keys.contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str())),
        )
    }

    /// Checks and stores one planner setting; a bad value is refused and nothing changes.
    pub fn set_planner_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let mut settings = self.planner_settings()?;
        settings.apply(key, value)?;
        let canonical = settings
            .to_pairs()
            .remove(key)
            .unwrap_or_else(|| value.to_owned());
        self.set_setting(key, &canonical)
    }

    /// Everything the planner needs, in a handful of queries.
    pub fn snapshot(&self, today: NaiveDate) -> Result<Snapshot> {
        let contacts = load_contacts(&self.conn, None)?;
        let mut facts: Vec<ContactFacts> = contacts
            .into_iter()
            .map(|c| ContactFacts {
                id: c.id,
                uid: c.uid,
                name: c.name,
                given_name: c.given_name,
                company: c.company,
                circle: c.circle,
                birthday: c.birthday,
                interests: c.interests,
                paused: c.paused,
                created_on: c.created_on,
                anchors: Vec::new(),
                last_event: None,
                open_promises: Vec::new(),
                actions: Vec::new(),
            })
            .collect();
        let index: HashMap<i64, usize> = facts.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let date_of = |col: usize, text: String| {
            parse_date("date", &text).map_err(|e| conversion_error(col, e))
        };

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
            facts[i].anchors.push(Anchor {
                date: date_of(2, row.get(2)?)?,
                source: AnchorSource::Interaction(
                    kind.parse().map_err(|e| conversion_error(1, e))?,
                ),
                event: row.get(3)?,
            });
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
