//! Today's screen, worked out while the window and its web view start.
//!
//! On a big database planning Today takes a few hundred milliseconds, and the web
//! view only asks for it about a second after launch, once its page has loaded.
//! Started as soon as the database is open, the work overlaps the web view's start-up; the
//! first `today_screen` then answers at once. The result is used only if nothing
//! has been written to the database since (by this app or another program) and
//! the day has not changed; otherwise Today is planned again as usual.

use std::sync::Mutex;

use chrono::NaiveDate;
use keepwarm::screens::{self, TodayScreen};
use keepwarm::store::ChangeStamp;
use keepwarm::Store;

/// Today's screen as planned ahead, waiting for its first reader.
#[derive(Default)]
pub struct TodayPrefetch(Mutex<Option<Planned>>);

struct Planned {
    day: NaiveDate,
    stamp: ChangeStamp,
    screen: TodayScreen,
}

impl TodayPrefetch {
    /// Plans `day`'s screen now. A failure is left for the real request to
    /// report, so it is not kept.
    pub fn fill(&self, store: &Store, day: NaiveDate) {
        // Stamped before planning, so that a write by another program while
        // Today is planned makes the plan stale rather than slipping past.
        let Ok(stamp) = store.change_stamp() else {
            return;
        };
        let Ok(screen) = screens::today_screen(store, day) else {
            return;
        };
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(Planned { day, stamp, screen });
    }

    /// The screen planned ahead, once, if it still holds for `day` and the
    /// database as `store` sees it now.
    pub fn take(&self, store: &Store, day: NaiveDate) -> Option<TodayScreen> {
        let planned = self.0.lock().unwrap_or_else(|p| p.into_inner()).take()?;
        let current = store.change_stamp().ok()?;
        (planned.day == day && planned.stamp == current).then_some(planned.screen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keepwarm::model::NewContact;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn store_with_one_contact(dir: &std::path::Path) -> Store {
        let mut store = Store::open(&dir.join("prefetch.db")).unwrap();
        let new = NewContact {
            name: "Ada Lovelace".to_owned(),
            ..Default::default()
        };
        let id = store.add_contact(&new, day()).unwrap();
        // Due today, so Today holds a ping.
        store
            .add_promise(id, "Send the pricing sheet", day(), day())
            .unwrap();
        store
    }

    fn names(screen: &TodayScreen) -> Vec<String> {
        screen
            .pings
            .iter()
            .map(|p| p.ping.contact_name.clone())
            .collect()
    }

    #[test]
    fn the_planned_screen_is_the_one_asked_for_and_is_used_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_one_contact(dir.path());
        let prefetch = TodayPrefetch::default();
        prefetch.fill(&store, day());
        let planned = prefetch.take(&store, day()).expect("still current");
        let fresh = screens::today_screen(&store, day()).unwrap();
        assert_eq!(names(&planned), names(&fresh));
        assert_eq!(planned.pings.len(), 1);
        assert!(prefetch.take(&store, day()).is_none(), "used once");
    }

    #[test]
    fn a_write_or_another_day_makes_the_planned_screen_stale() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_one_contact(dir.path());
        let prefetch = TodayPrefetch::default();

        prefetch.fill(&store, day());
        let next_day = day().succ_opt().unwrap();
        assert!(prefetch.take(&store, next_day).is_none(), "another day");

        prefetch.fill(&store, day());
        let grace = NewContact {
            name: "Grace Hopper".to_owned(),
            ..Default::default()
        };
        store.add_contact(&grace, day()).unwrap();
        assert!(prefetch.take(&store, day()).is_none(), "written here since");

        prefetch.fill(&store, day());
        let mut other = Store::open(&dir.path().join("prefetch.db")).unwrap();
        let hedy = NewContact {
            name: "Hedy Lamarr".to_owned(),
            ..Default::default()
        };
        other.add_contact(&hedy, day()).unwrap();
        assert!(
            prefetch.take(&store, day()).is_none(),
            "written by another program"
        );
    }
}
