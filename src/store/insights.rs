//! Counts behind the Insights screen: what was done, day by day.

use chrono::NaiveDate;

use super::contacts::conversion_error;
use super::Store;
use crate::error::Result;
use crate::model::parse_date;

impl Store {
    /// How many pings were marked done on each day since `since` (inclusive), by day.
    pub fn done_pings_by_day(&self, since: NaiveDate) -> Result<Vec<(NaiveDate, u32)>> {
        self.counts_by_day(
            "SELECT acted_on, count(*) FROM ping_actions
             WHERE action = 'done' AND acted_on >= ?1 GROUP BY acted_on ORDER BY acted_on",
            since,
        )
    }

    /// How many interactions were logged for each day since `since` (inclusive), by day.
    pub fn interactions_by_day(&self, since: NaiveDate) -> Result<Vec<(NaiveDate, u32)>> {
        self.counts_by_day(
            "SELECT date, count(*) FROM interactions WHERE date >= ?1 GROUP BY date ORDER BY date",
            since,
        )
    }

    fn counts_by_day(&self, sql: &str, since: NaiveDate) -> Result<Vec<(NaiveDate, u32)>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([since.to_string()], |row| {
            let day: String = row.get(0)?;
            let date = parse_date("date", &day).map_err(|e| conversion_error(0, e))?;
            Ok((date, row.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The names of events met at, most recent first, with the day last met there.
    pub fn recent_events(&self, limit: u32) -> Result<Vec<(String, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT event_name, max(date) AS last FROM interactions
             WHERE event_name IS NOT NULL AND event_name <> ''
             GROUP BY event_name ORDER BY last DESC, event_name LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |row| {
            let day: String = row.get(1)?;
            let date = parse_date("date", &day).map_err(|e| conversion_error(1, e))?;
            Ok((row.get(0)?, date))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{InteractionKind, NewContact};
    use crate::store::NewInteraction;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn interactions_and_events_are_counted_by_day() {
        let mut store = Store::open_in_memory().unwrap();
        let today = day("2026-11-26");
        let id = store
            .add_contact(
                &NewContact {
                    name: "Ada".into(),
                    ..NewContact::default()
                },
                today,
            )
            .unwrap();
        for (date, event) in [
            ("2026-11-01", Some("Web Summit")),
            ("2026-11-01", None),
            ("2026-11-20", Some("SaaStr")),
            ("2025-01-01", Some("Old Expo")),
        ] {
            store
                .log_interaction(
                    &NewInteraction {
                        contact_id: id,
                        kind: InteractionKind::Meeting,
                        date: day(date),
                        note: String::new(),
                        event: event.map(str::to_owned),
                    },
                    today,
                )
                .unwrap();
        }
        assert_eq!(
            store.interactions_by_day(day("2026-06-01")).unwrap(),
            vec![(day("2026-11-01"), 2), (day("2026-11-20"), 1)]
        );
        assert!(store
            .done_pings_by_day(day("2026-06-01"))
            .unwrap()
            .is_empty());
        let events = store.recent_events(2).unwrap();
        assert_eq!(
            events,
            vec![
                ("SaaStr".to_owned(), day("2026-11-20")),
                ("Web Summit".to_owned(), day("2026-11-01"))
            ]
        );
    }
}
