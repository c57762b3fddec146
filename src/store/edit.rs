//! Changing a contact: edit any field, with the same validation as adding one,
//! and the duplicate checks both share.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::contacts::{phone_digits, prepare_new_contact, PreparedContact};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Birthday, Circle, Contact, NewContact};
use crate::validate;

/// What to change in a contact; `None` and empty lists leave a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactEdit {
    /// A new name (given and family names are derived again unless also given).
    pub name: Option<String>,
    /// A new given name.
    pub given_name: Option<String>,
    /// A new family name.
    pub family_name: Option<String>,
    /// A new employer; an empty text clears it.
    pub company: Option<String>,
    /// A new job title; an empty text clears it.
    pub title: Option<String>,
    /// `Some(Some(b))` sets the birthday, `Some(None)` removes it.
    pub birthday: Option<Option<Birthday>>,
    /// A new circle.
    pub circle: Option<Circle>,
    /// Emails to add.
    pub add_emails: Vec<String>,
    /// Emails to remove (any case).
    pub remove_emails: Vec<String>,
    /// Phones to add.
    pub add_phones: Vec<String>,
    /// Phones to remove (matched on their digits).
    pub remove_phones: Vec<String>,
    /// Interests to add.
    pub add_interests: Vec<String>,
    /// Interests to remove (any case).
    pub remove_interests: Vec<String>,
    /// Tags to add.
    pub add_tags: Vec<String>,
    /// Tags to remove (any case).
    pub remove_tags: Vec<String>,
    /// New notes, replacing the old ones.
    pub notes: Option<String>,
    /// A paragraph to add at the end of the notes.
    pub append_note: Option<String>,
    /// Pause or resume the contact.
    pub paused: Option<bool>,
}

impl ContactEdit {
    /// The names of the fields this edit touches, for the journal's label.
    fn fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut mark = |touched: bool, name: &'static str| {
            if touched {
                out.push(name);
            }
        };
        mark(
            self.name.is_some() || self.given_name.is_some() || self.family_name.is_some(),
            "name",
        );
        mark(self.company.is_some(), "company");
        mark(self.title.is_some(), "title");
        mark(self.birthday.is_some(), "birthday");
        mark(self.circle.is_some(), "circle");
        mark(
            !self.add_emails.is_empty() || !self.remove_emails.is_empty(),
            "emails",
        );
        mark(
            !self.add_phones.is_empty() || !self.remove_phones.is_empty(),
            "phones",
        );
        mark(
            !self.add_interests.is_empty() || !self.remove_interests.is_empty(),
            "interests",
        );
        mark(
            !self.add_tags.is_empty() || !self.remove_tags.is_empty(),
            "tags",
        );
        mark(self.notes.is_some() || self.append_note.is_some(), "notes");
        mark(self.paused.is_some(), "paused");
        out
    }
}

impl Store {
    /// Changes a contact's fields and returns it as stored. Values are checked as
    /// for a new contact; an email or phone another contact has is refused (merge
    /// the two instead); removing a value the contact does not have is an error.
    pub fn edit_contact(
        &mut self,
        id: i64,
        edit: &ContactEdit,
        today: NaiveDate,
    ) -> Result<Contact> {
        self.edit_contact_checked(id, edit, today, true)
    }

    /// Like [`Store::edit_contact`], but an email or phone another contact has
    /// is added anyway (a shared office address or switchboard number).
    pub fn edit_contact_anyway(
        &mut self,
        id: i64,
        edit: &ContactEdit,
        today: NaiveDate,
    ) -> Result<Contact> {
        self.edit_contact_checked(id, edit, today, false)
    }

    fn edit_contact_checked(
        &mut self,
        id: i64,
        edit: &ContactEdit,
        today: NaiveDate,
        refuse_duplicates: bool,
    ) -> Result<Contact> {
        let current = self.live_contact(id)?;
        let fields = edit.fields();
        if fields.is_empty() {
            return Err(Error::invalid(
                "edit",
                &current.name,
                "nothing to change (see `keepwarm edit --help` for the fields)",
            ));
        }
        let changed = apply_edit(&current, edit)?;
        let prepared = prepare_new_contact(&changed)?;
        if let Some(birthday) = prepared.birthday {
            validate::birthday("birthday", birthday, today)?;
        }
        if refuse_duplicates {
            self.refuse_duplicates(&edit.add_emails, &edit.add_phones, Some(id))?;
        }
        let paused = edit.paused.unwrap_or(current.paused);
        let label = format!("Edited {} ({})", current.name, fields.join(", "));
        self.write(&label, |tx| {
            rewrite_contact(tx, id, &prepared)?;
            tx.execute(
                "UPDATE contacts SET paused = ?2 WHERE id = ?1",
                params![id, paused],
            )?;
            Ok(())
        })?;
        self.contact(id)
    }

    /// Refuses emails and phones that a contact other than `except` already has.
    pub(crate) fn refuse_duplicates(
        &self,
        emails: &[String],
        phones: &[String],
        except: Option<i64>,
    ) -> Result<()> {
        if let Some(found) = self.contact_with_email_or_phone(emails, phones, except)? {
            return Err(found);
        }
        Ok(())
    }

    /// The first live contact (other than `except`) with one of these emails or phones,
    /// as the [`Error::DuplicateContact`] that names it.
    fn contact_with_email_or_phone(
        &self,
        emails: &[String],
        phones: &[String],
        except: Option<i64>,
    ) -> Result<Option<Error>> {
        let except = except.unwrap_or(-1);
        let mut by_email = self.conn.prepare_cached(
            "SELECT c.id, c.display_name FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
             WHERE e.email = ?1 COLLATE NOCASE AND c.id != ?2 AND c.deleted_on IS NULL
             ORDER BY c.id LIMIT 1",
        )?;
        for email in emails.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
            let hit = by_email
                .query_map(params![email, except], |r| Ok((r.get(0)?, r.get(1)?)))?
                .next()
                .transpose()?;
            if let Some((id, name)) = hit {
                return Ok(Some(Error::DuplicateContact {
                    field: "email".into(),
                    value: email.to_owned(),
                    id,
                    name,
                }));
            }
        }
        let mut by_phone = self.conn.prepare_cached(
            "SELECT c.id, c.display_name FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
             WHERE p.digits = ?1 AND c.id != ?2 AND c.deleted_on IS NULL ORDER BY c.id LIMIT 1",
        )?;
        for phone in phones {
            let digits = phone_digits(phone);
            // Short numbers (extensions, "112") say nothing about who it is.
            if digits.len() < 7 {
                continue;
            }
            let hit = by_phone
                .query_map(params![digits, except], |r| Ok((r.get(0)?, r.get(1)?)))?
                .next()
                .transpose()?;
            if let Some((id, name)) = hit {
                return Ok(Some(Error::DuplicateContact {
                    field: "phone".into(),
                    value: phone.trim().to_owned(),
                    id,
                    name,
                }));
            }
        }
        Ok(None)
    }

    /// Live contacts (other than `except`) with exactly this name, any case.
    pub fn contacts_named(&self, name: &str, except: Option<i64>) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, display_name FROM contacts
             WHERE display_name = ?1 COLLATE NOCASE AND id != ?2 AND deleted_on IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map(params![name.trim(), except.unwrap_or(-1)], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A contact that is not in the trash.
    pub(crate) fn live_contact(&self, id: i64) -> Result<Contact> {
        let contact = self.contact(id)?;
        if let Some(deleted_on) = self.trashed_on(id)? {
            return Err(Error::ContactInTrash {
                id,
                name: contact.name,
                deleted_on: Some(deleted_on),
            });
        }
        Ok(contact)
    }
}

/// The contact as it will be after `edit`, as a [`NewContact`] to validate.
fn apply_edit(current: &Contact, edit: &ContactEdit) -> Result<NewContact> {
    let mut next = NewContact {
        name: current.name.clone(),
        given_name: current.given_name.clone(),
        family_name: current.family_name.clone(),
        emails: current.emails.clone(),
        phones: current.phones.clone(),
        company: current.company.clone(),
        title: current.title.clone(),
        birthday: current.birthday,
        circle: Some(current.circle),
        interests: current.interests.clone(),
        tags: current.tags.clone(),
        notes: current.notes.clone(),
        source: current.source,
    };
    if let Some(name) = &edit.name {
        next.name = name.clone();
        // Derived again from the new name unless given too.
        next.given_name = String::new();
        next.family_name = String::new();
    }
    if let Some(given) = &edit.given_name {
        next.given_name = given.clone();
    }
    if let Some(family) = &edit.family_name {
        next.family_name = family.clone();
    }
    if edit.name.is_none() && (edit.given_name.is_some() || edit.family_name.is_some()) {
        next.name = format!("{} {}", next.given_name.trim(), next.family_name.trim());
    }
    if let Some(company) = &edit.company {
        next.company = Some(company.clone());
    }
    if let Some(title) = &edit.title {
        next.title = Some(title.clone());
    }
    if let Some(birthday) = edit.birthday {
        next.birthday = birthday;
    }
    if let Some(circle) = edit.circle {
        next.circle = Some(circle);
    }
    remove_values(
        &current.name,
        "email",
        &mut next.emails,
        &edit.remove_emails,
        |v| v.trim().to_lowercase(),
    )?;
    remove_values(
        &current.name,
        "phone",
        &mut next.phones,
        &edit.remove_phones,
        phone_digits,
    )?;
    remove_values(
        &current.name,
        "interest",
        &mut next.interests,
        &edit.remove_interests,
        |v| v.trim().to_lowercase(),
    )?;
    remove_values(
        &current.name,
        "tag",
        &mut next.tags,
        &edit.remove_tags,
        |v| v.trim().to_lowercase(),
    )?;
    next.emails.extend(edit.add_emails.iter().cloned());
    next.phones.extend(edit.add_phones.iter().cloned());
    next.interests.extend(edit.add_interests.iter().cloned());
    next.tags.extend(edit.add_tags.iter().cloned());
    if let Some(notes) = &edit.notes {
        next.notes = notes.clone();
    }
    if let Some(extra) = &edit.append_note {
        let extra = validate::note("--append-note", extra)?;
        if !extra.is_empty() {
            next.notes = append_paragraph(&next.notes, &extra);
        }
    }
    Ok(next)
}

/// `notes` with `paragraph` after a blank line (or alone when `notes` is empty).
pub(crate) fn append_paragraph(notes: &str, paragraph: &str) -> String {
    let notes = notes.trim_end();
    if notes.is_empty() {
        paragraph.to_owned()
    } else {
        format!("{notes}\n\n{paragraph}")
    }
}

fn remove_values(
    whose: &str,
    field: &str,
    list: &mut Vec<String>,
    remove: &[String],
    key: impl Fn(&str) -> String,
) -> Result<()> {
    for value in remove {
        let k = key(value);
        let before = list.len();
        list.retain(|v| key(v) != k);
        if list.len() == before {
            return Err(Error::invalid(
                field,
                value,
                format!("is not one of {whose}'s {field}s"),
            ));
        }
    }
    Ok(())
}

/// Writes every field of a prepared contact over contact `id` (lists replaced whole).
pub(crate) fn rewrite_contact(tx: &Transaction<'_>, id: i64, c: &PreparedContact) -> Result<()> {
    tx.execute(
        "UPDATE contacts SET display_name = ?2, given_name = ?3, family_name = ?4, company = ?5,
                title = ?6, birthday = ?7, circle = ?8, notes = ?9 WHERE id = ?1",
        params![
            id,
            c.name,
            c.given_name,
            c.family_name,
            c.company,
            c.title,
            c.birthday.map(|b| b.to_string()),
            c.circle.as_str(),
            c.notes
        ],
    )?;
    // Only lists that changed are rewritten, so an edit of the birthday leaves
    // the rows of the emails (and their change history) alone.
    rewrite_list(tx, id, "contact_emails", "email", &c.emails, None)?;
    rewrite_list(
        tx,
        id,
        "contact_phones",
        "phone",
        &c.phones,
        Some(phone_digits),
    )?;
    rewrite_list(tx, id, "contact_interests", "interest", &c.interests, None)?;
    rewrite_list(tx, id, "contact_tags", "tag", &c.tags, None)?;
    Ok(())
}

fn rewrite_list(
    tx: &Transaction<'_>,
    id: i64,
    table: &str,
    column: &str,
    values: &[String],
    digits: Option<fn(&str) -> String>,
) -> Result<()> {
    // Table and column names come from the fixed list above, never from the user.
    let stored: Vec<String> = tx
        .prepare_cached(&format!(
            "SELECT {column} FROM {table} WHERE contact_id = ?1 ORDER BY position"
        ))?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if stored == values {
        return Ok(());
    }
    tx.execute(&format!("DELETE FROM {table} WHERE contact_id = ?1"), [id])?;
    for (position, value) in values.iter().enumerate() {
        match digits {
            Some(digits_of) => tx.execute(
                &format!(
                    "INSERT INTO {table} (contact_id, position, {column}, digits) VALUES (?1, ?2, ?3, ?4)"
                ),
                params![id, position as i64, value, digits_of(value)],
            )?,
            None => tx.execute(
                &format!("INSERT INTO {table} (contact_id, position, {column}) VALUES (?1, ?2, ?3)"),
                params![id, position as i64, value],
            )?,
        };
    }
    Ok(())
}
