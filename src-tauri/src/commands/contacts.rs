//! The Contacts screen: the list, search, a contact's page and its edits.

use chrono::NaiveDate;
use tauri::State;

use keepwarm::model::{Birthday, Circle, InteractionKind, NewContact};
use keepwarm::screens::{self, ContactDetail, ContactRow};
use keepwarm::store::NewInteraction;

use super::{today, with_store, CommandResult};
use crate::AppState;

/// Every contact with warmth, circle and next ping, by name.
#[tauri::command]
pub async fn contact_rows(state: State<'_, AppState>) -> CommandResult<Vec<ContactRow>> {
    with_store(&state, |store| screens::contact_rows(store, today()))
}

/// The ids of the contacts matching `query`, best first.
#[tauri::command]
pub async fn search_contacts(
    state: State<'_, AppState>,
    query: String,
    limit: Option<usize>,
) -> CommandResult<Vec<i64>> {
    with_store(&state, |store| {
        let found = store.search_contacts(&query)?;
        Ok(found
            .into_iter()
            .map(|c| c.id)
            .take(limit.unwrap_or(usize::MAX))
            .collect())
    })
}

/// Everything the contact page shows.
#[tauri::command]
pub async fn contact_detail(state: State<'_, AppState>, id: i64) -> CommandResult<ContactDetail> {
    with_store(&state, |store| screens::contact_detail(store, id, today()))
}

/// The fields of the Add contact form.
#[derive(Debug, serde::Deserialize)]
pub struct ContactForm {
    name: String,
    #[serde(default)]
    company: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    circle: Option<Circle>,
    #[serde(default)]
    birthday: Option<Birthday>,
    #[serde(default)]
    interests: Vec<String>,
}

/// Adds a contact; returns its id.
#[tauri::command]
pub async fn add_contact(state: State<'_, AppState>, form: ContactForm) -> CommandResult<i64> {
    let new = NewContact {
        name: form.name,
        company: Some(form.company).filter(|c| !c.trim().is_empty()),
        emails: Some(form.email)
            .filter(|e| !e.trim().is_empty())
            .into_iter()
            .collect(),
        circle: form.circle,
        birthday: form.birthday,
        interests: form.interests,
        ..NewContact::default()
    };
    with_store(&state, |store| store.add_contact(&new, today()))
}

/// Logs an interaction with a contact; returns its id.
#[tauri::command]
pub async fn log_interaction(
    state: State<'_, AppState>,
    contact_id: i64,
    kind: InteractionKind,
    date: NaiveDate,
    note: String,
    event: Option<String>,
) -> CommandResult<i64> {
    let new = NewInteraction {
        contact_id,
        kind,
        date,
        note,
        event,
    };
    with_store(&state, |store| store.log_interaction(&new, today()))
}

/// Records a promise made to a contact; returns its id.
#[tauri::command]
pub async fn add_promise(
    state: State<'_, AppState>,
    contact_id: i64,
    text: String,
    due: NaiveDate,
) -> CommandResult<i64> {
    with_store(&state, |store| {
        store.add_promise(contact_id, &text, due, today())
    })
}

/// Marks a promise kept today.
#[tauri::command]
pub async fn complete_promise(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    with_store(&state, |store| store.complete_promise(id, today()))
}

/// Pauses a contact (no pings) or resumes it.
#[tauri::command]
pub async fn set_paused(state: State<'_, AppState>, id: i64, paused: bool) -> CommandResult<()> {
    with_store(&state, |store| store.set_paused(id, paused))
}
