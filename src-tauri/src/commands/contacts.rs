//! The Contacts screen: the list, search, a contact's page and its edits.

use chrono::NaiveDate;
use tauri::State;

use keepwarm::model::{Birthday, Circle, InteractionKind, NewContact};
use keepwarm::screens::{self, ContactRow};
use keepwarm::store::{ContactEdit, MergeReport, NewInteraction, TrashedContact};
use keepwarm::views::{self, ContactView};

use super::{today, with_store, CommandResult};
use crate::AppState;

/// Every contact with warmth, circle and next ping, by name.
#[tauri::command]
pub async fn contact_rows(state: State<'_, AppState>) -> CommandResult<Vec<ContactRow>> {
    with_store(&state, |store| screens::contact_rows(store, today()))
}

/// The ids of the contacts matching `query` (full-text over cards and history), best first.
#[tauri::command]
pub async fn search_contacts(
    state: State<'_, AppState>,
    query: String,
    limit: Option<usize>,
) -> CommandResult<Vec<i64>> {
    with_store(&state, |store| {
        store.search_ids(&query, limit.unwrap_or(500))
    })
}

/// Everything the contact page shows.
#[tauri::command]
pub async fn contact_detail(state: State<'_, AppState>, id: i64) -> CommandResult<ContactView> {
    with_store(&state, |store| views::contact_view(store, id, today()))
}

/// One field of a contact, as the page edits it in place.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditField {
    Name,
    Company,
    Title,
    Birthday,
    Circle,
    Notes,
    AddEmail,
    RemoveEmail,
    AddPhone,
    RemovePhone,
    AddInterest,
    RemoveInterest,
    AddTag,
    RemoveTag,
}

/// The library's edit for one field set to `value` (a birthday of `none` or nothing removes it).
fn edit_of(field: EditField, value: String) -> keepwarm::Result<ContactEdit> {
    let mut edit = ContactEdit::default();
    match field {
        EditField::Name => edit.name = Some(value),
        EditField::Company => edit.company = Some(value),
        EditField::Title => edit.title = Some(value),
        EditField::Notes => edit.notes = Some(value),
        EditField::Birthday => {
            let v = value.trim();
            edit.birthday = Some(if v.is_empty() || v.eq_ignore_ascii_case("none") {
                None
            } else {
                Some(v.parse()?)
            });
        }
        EditField::Circle => edit.circle = Some(value.parse()?),
        EditField::AddEmail => edit.add_emails = vec![value],
        EditField::RemoveEmail => edit.remove_emails = vec![value],
        EditField::AddPhone => edit.add_phones = vec![value],
        EditField::RemovePhone => edit.remove_phones = vec![value],
        EditField::AddInterest => edit.add_interests = vec![value],
        EditField::RemoveInterest => edit.remove_interests = vec![value],
        EditField::AddTag => edit.add_tags = vec![value],
        EditField::RemoveTag => edit.remove_tags = vec![value],
    }
    Ok(edit)
}

/// Changes one field of a contact; the library checks the value.
#[tauri::command]
pub async fn edit_contact(
    state: State<'_, AppState>,
    id: i64,
    field: EditField,
    value: String,
) -> CommandResult<()> {
    with_store(&state, |store| {
        store.edit_contact(id, &edit_of(field, value)?, today())?;
        Ok(())
    })
}

/// Merges contact `other` into `keep`: one contact afterwards, with both histories.
#[tauri::command]
pub async fn merge_contacts(
    state: State<'_, AppState>,
    keep: i64,
    other: i64,
) -> CommandResult<MergeReport> {
    with_store(&state, |store| {
        store.merge_contacts(keep, other, false, today())
    })
}

/// Moves a contact, with its history, to the trash.
#[tauri::command]
pub async fn delete_contact(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    with_store(&state, |store| store.delete_contact(id, today()))
}

/// The contacts in the trash.
#[tauri::command]
pub async fn trash(state: State<'_, AppState>) -> CommandResult<Vec<TrashedContact>> {
    with_store(&state, |store| store.trash())
}

/// Brings a contact back from the trash, whole.
#[tauri::command]
pub async fn restore_contact(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    with_store(&state, |store| store.restore_contact(id).map(drop))
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
