//! Read models that combine the store and the planner, for the shells to show:
//! one call gives a screen's worth (the CLI's `show`, the app's contact page).

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Result;
use crate::model::{Contact, Interaction, Promise};
use crate::schedule::{plan, warmth_of, Ping};
use crate::store::Store;

/// How far ahead a contact's next pings are looked for.
const NEXT_PINGS_DAYS: u32 = 365;

/// Everything about one contact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactView {
    /// Every stored field.
    #[serde(flatten)]
    pub contact: Contact,
    /// Warmth today, 0–100.
    pub warmth: u8,
    /// What happened, newest first.
    pub interactions: Vec<Interaction>,
    /// Promises made, open and kept, by due date.
    pub promises: Vec<Promise>,
    /// The pings planned for the coming year.
    pub next_pings: Vec<Ping>,
}

/// The whole picture of contact `id` as of `today` (a contact in the trash is an error).
pub fn contact_view(store: &Store, id: i64, today: NaiveDate) -> Result<ContactView> {
    let contact = store.live_contact(id)?;
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    let warmth = snapshot
        .contacts
        .iter()
        .find(|c| c.id == id)
        .map(|facts| warmth_of(facts, today, &settings))
        .unwrap_or(0);
    let next_pings = plan(today, &snapshot, &settings, NEXT_PINGS_DAYS)
        .pings
        .into_iter()
        .filter(|p| p.contact_id == id)
        .collect();
    Ok(ContactView {
        warmth,
        interactions: store.interactions_of(id)?,
        promises: store.promises_of(id)?,
        next_pings,
        contact,
    })
}
