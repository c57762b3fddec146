//! Queries on contacts and their emails, phones and interests.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};

use super::Store;
use crate::error::{Error, Result};
use crate::model::{Birthday, Circle, Contact, NewContact, Source};
use crate::validate;

impl Store {
    /// Adds a contact and returns its id. `today` is recorded as the day it was
    /// added. An email or phone that another contact already has is refused with
    /// an error naming that contact (see [`Store::add_contact_anyway`]).
    pub fn add_contact(&mut self, new: &NewContact, today: NaiveDate) -> Result<i64> {
        self.refuse_duplicates(&new.emails, &new.phones, None)?;
        self.add_contact_anyway(new, today)
    }

    /// Adds a contact even when another one has the same email or phone.
    pub fn add_contact_anyway(&mut self, new: &NewContact, today: NaiveDate) -> Result<i64> {
        let prepared = prepare_new_contact(new)?;
        if let Some(birthday) = prepared.birthday {
            validate::birthday("birthday", birthday, today)?;
        }
        let uid = uuid::Uuid::new_v4().to_string();
        let label = format!("Added {}", prepared.name);
        self.write(&label, |tx| insert_contact(tx, &prepared, &uid, today))
    }

    /// Every contact, ordered by id, with emails, phones and interests.
    pub fn contacts(&self) -> Result<Vec<Contact>> {
        load_contacts(&self.conn, None)
    }

    /// One contact by id.
    pub fn contact(&self, id: i64) -> Result<Contact> {
        load_contacts(&self.conn, Some(id))?
            .pop()
            .ok_or_else(|| Error::ContactNotFound(id.to_string()))
    }

    /// Pauses a contact (no pings, but due promises) or resumes it.
    pub fn set_paused(&mut self, id: i64, paused: bool) -> Result<()> {
        let name = self.contact(id)?.name;
        let label = if paused {
            format!("Paused {name}")
        } else {
            format!("Resumed {name}")
        };
        self.write(&label, |tx| {
            let changed = tx.execute(
                "UPDATE contacts SET paused = ?2 WHERE id = ?1",
                params![id, paused],
            )?;
            if changed == 0 {
                return Err(Error::ContactNotFound(id.to_string()));
            }
            Ok(())
        })
    }

    /// How many contacts there are.
    pub fn contact_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?)
    }
}

/// A [`NewContact`] checked and completed: names derived, blanks dropped.
#[derive(Debug, Clone)]
pub(crate) struct PreparedContact {
    pub name: String,
    pub given_name: String,
    pub family_name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub company: Option<String>,
    pub title: Option<String>,
    pub birthday: Option<Birthday>,
    pub circle: Circle,
    pub interests: Vec<String>,
    pub tags: Vec<String>,
    pub notes: String,
    pub source: Source,
}

/// Checks a new contact's fields (see [`crate::validate`]) and fills in what can
/// be derived. Dates relative to today (a birthday not in the future) are the
/// caller's to check, as only the caller knows today.
pub(crate) fn prepare_new_contact(new: &NewContact) -> Result<PreparedContact> {
    let mut given = validate::line("given name", &new.given_name)?.unwrap_or_default();
    let mut family = validate::line("family name", &new.family_name)?.unwrap_or_default();
    let typed = if new.name.trim().is_empty() {
        format!("{given} {family}")
    } else {
        new.name.clone()
    };
    let name = validate::name("name", &typed)?;
    if given.is_empty() && family.is_empty() {
        (given, family) = crate::model::split_name(&name);
    }
    let emails = non_blank_unique(&new.emails, |e| e.to_lowercase());
    for email in &emails {
        if !crate::model::is_email(email) {
            return Err(Error::invalid(
                "email",
                &validate::escape_control(email),
                "expected an address like name@example.com",
            ));
        }
        validate::line("email", email)?;
    }
    let phones = non_blank_unique(&new.phones, phone_digits);
    for phone in &phones {
        validate::line("phone", phone)?;
        if phone_digits(phone).len() < 3 {
            return Err(Error::invalid(
                "phone",
                phone,
                "a phone number needs at least 3 digits",
            ));
        }
    }
    let interests = non_blank_unique(&new.interests, |i| i.to_lowercase());
    for interest in &interests {
        validate::line("interest", interest)?;
    }
    let tags = non_blank_unique(&new.tags, |t| t.to_lowercase());
    for tag in &tags {
        validate::line("tag", tag)?;
    }
    if let Some(birthday) = new.birthday {
        // The year's lower bound needs no today.
        validate::birthday("birthday", birthday, NaiveDate::MAX)?;
    }
    Ok(PreparedContact {
        name,
        given_name: given,
        family_name: family,
        emails,
        phones,
        company: validate::line("company", new.company.as_deref().unwrap_or(""))?,
        title: validate::line("title", new.title.as_deref().unwrap_or(""))?,
        birthday: new.birthday,
        circle: new.circle.unwrap_or(Circle::Network),
        interests,
        tags,
        notes: validate::note("notes", &new.notes)?,
        source: new.source.unwrap_or(Source::Manual),
    })
}

/// The id the next new contact gets: after the highest ever used, so the id of
/// a contact merged away (which still resolves to the contact it joined) or
/// removed never comes back as someone else (migration 0011).
pub(crate) fn next_contact_id(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT last_id + 1 FROM id_high_water WHERE name = 'contacts'")?
        .query_row([], |r| r.get(0))?)
}

/// Inserts a prepared contact inside a transaction; returns its id.
pub(crate) fn insert_contact(
    tx: &Transaction<'_>,
    c: &PreparedContact,
    uid: &str,
    created_on: NaiveDate,
) -> Result<i64> {
    let id = next_contact_id(tx)?;
    tx.prepare_cached(
        "INSERT INTO contacts (id, uid, display_name, given_name, family_name, company, title,
                               birthday, circle, notes, created_on, source)
         VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        uid,
        c.name,
        c.given_name,
        c.family_name,
        c.company,
        c.title,
        c.birthday.map(|b| b.to_string()),
        c.circle.as_str(),
        c.notes,
        created_on.to_string(),
        c.source.as_str(),
        id,
    ])?;
    let mut email_stmt = tx.prepare_cached(
        "INSERT INTO contact_emails (contact_id, position, email) VALUES (?1, ?2, ?3)",
    )?;
    for (position, email) in c.emails.iter().enumerate() {
        email_stmt.execute(params![id, position as i64, email])?;
    }
    let mut phone_stmt = tx.prepare_cached(
        "INSERT INTO contact_phones (contact_id, position, phone, digits) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, phone) in c.phones.iter().enumerate() {
        phone_stmt.execute(params![id, position as i64, phone, phone_digits(phone)])?;
    }
    let mut interest_stmt = tx.prepare_cached(
        "INSERT INTO contact_interests (contact_id, position, interest) VALUES (?1, ?2, ?3)",
    )?;
    for (position, interest) in c.interests.iter().enumerate() {
        interest_stmt.execute(params![id, position as i64, interest])?;
    }
    let mut tag_stmt = tx.prepare_cached(
        "INSERT INTO contact_tags (contact_id, position, tag) VALUES (?1, ?2, ?3)",
    )?;
    for (position, tag) in c.tags.iter().enumerate() {
        tag_stmt.execute(params![id, position as i64, tag])?;
    }
    Ok(id)
}

/// Loads all live contacts (not in the trash), or the one with `only_id` (live or
/// not), in five queries.
pub(crate) fn load_contacts(conn: &Connection, only_id: Option<i64>) -> Result<Vec<Contact>> {
    // `?1 IS NULL` keeps one statement for both cases.
    let mut stmt = conn.prepare_cached(
        "SELECT id, uid, display_name, given_name, family_name, company, title, birthday, circle,
                notes, paused, created_on, source
         FROM contacts WHERE (?1 IS NULL AND deleted_on IS NULL) OR id = ?1 ORDER BY id",
    )?;
    let mut contacts = stmt
        .query_map([only_id], contact_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let index: HashMap<i64, usize> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();

    for (sql, target) in [
        (
            "SELECT contact_id, email FROM contact_emails WHERE ?1 IS NULL OR contact_id = ?1
             ORDER BY contact_id, position",
            ListField::Emails,
        ),
        (
            "SELECT contact_id, phone FROM contact_phones WHERE ?1 IS NULL OR contact_id = ?1
             ORDER BY contact_id, position",
            ListField::Phones,
        ),
        (
            "SELECT contact_id, interest FROM contact_interests WHERE ?1 IS NULL OR contact_id = ?1
             ORDER BY contact_id, position",
            ListField::Interests,
        ),
        (
            "SELECT contact_id, tag FROM contact_tags WHERE ?1 IS NULL OR contact_id = ?1
             ORDER BY contact_id, position",
            ListField::Tags,
        ),
    ] {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([only_id])?;
        while let Some(row) = rows.next()? {
            let contact_id: i64 = row.get(0)?;
            let value: String = row.get(1)?;
            if let Some(&i) = index.get(&contact_id) {
                let c = &mut contacts[i];
                match target {
                    ListField::Emails => c.emails.push(value),
                    ListField::Phones => c.phones.push(value),
                    ListField::Interests => c.interests.push(value),
                    ListField::Tags => c.tags.push(value),
                }
            }
        }
    }
    Ok(contacts)
}

#[derive(Clone, Copy)]
enum ListField {
    Emails,
    Phones,
    Interests,
    Tags,
}

fn contact_from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
    let birthday: Option<String> = row.get(7)?;
    let circle: String = row.get(8)?;
    let created_on: String = row.get(11)?;
    let source: Option<String> = row.get(12)?;
    Ok(Contact {
        id: row.get(0)?,
        uid: row.get(1)?,
        name: row.get(2)?,
        given_name: row.get(3)?,
        family_name: row.get(4)?,
        emails: Vec::new(),
        phones: Vec::new(),
        company: row.get(5)?,
        title: row.get(6)?,
        birthday: birthday.and_then(|b| b.parse().ok()),
        circle: circle.parse().map_err(|e| conversion_error(8, e))?,
        interests: Vec::new(),
        tags: Vec::new(),
        notes: row.get(9)?,
        paused: row.get(10)?,
        created_on: crate::model::parse_date("created_on", &created_on)
            .map_err(|e| conversion_error(11, e))?,
        source: source
            .map(|s| s.parse())
            .transpose()
            .map_err(|e| conversion_error(12, e))?,
    })
}

/// Wraps a bad stored value as a rusqlite conversion error for column `col`.
pub(crate) fn conversion_error(col: usize, e: Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
}

/// The digits of a phone number, for matching numbers written differently.
pub(crate) fn phone_digits(phone: &str) -> String {
    // An ASCII digit is one byte, and no byte of another character is one.
    phone
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(char::from)
        .collect()
}

/// Trimmed, non-empty values in their first order, without repeats under `key`.
fn non_blank_unique(values: &[String], key: impl Fn(&str) -> String) -> Vec<String> {
    if values.len() < 2 {
        // Most lists hold one value or none: nothing to compare.
        return values
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect();
    }
    let mut seen = std::collections::HashSet::new();
    values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty() && seen.insert(key(v)))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn add_and_read_back_every_field() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .add_contact(
                &NewContact {
                    name: "  Ada   Lovelace ".into(),
                    emails: vec![
                        "ada@example.com".into(),
                        "ADA@example.com".into(),
                        " ".into(),
                    ],
                    phones: vec!["+44 20 7946 0000".into()],
                    company: Some("Analytical Engines".into()),
                    title: Some("CTO".into()),
                    birthday: Some("--12-10".parse().unwrap()),
                    circle: Some(Circle::Inner),
                    interests: vec!["math".into(), "poetry".into()],
                    ..Default::default()
                },
                day(),
            )
            .unwrap();
        let c = store.contact(id).unwrap();
        assert_eq!(c.name, "Ada Lovelace");
        assert_eq!(
            (c.given_name.as_str(), c.family_name.as_str()),
            ("Ada", "Lovelace")
        );
        assert_eq!(c.emails, vec!["ada@example.com"]);
        assert_eq!(c.phones, vec!["+44 20 7946 0000"]);
        assert_eq!(c.company.as_deref(), Some("Analytical Engines"));
        assert_eq!(c.birthday.unwrap().to_string(), "--12-10");
        assert_eq!(c.circle, Circle::Inner);
        assert_eq!(c.interests, vec!["math", "poetry"]);
        assert_eq!(c.created_on, day());
    }

    #[test]
    fn bad_fields_are_named() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store
            .add_contact(
                &NewContact {
                    name: "X".into(),
                    emails: vec!["not-an-email".into()],
                    ..Default::default()
                },
                day(),
            )
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("email") && err.contains("not-an-email"),
            "{err}"
        );
        assert!(store.add_contact(&NewContact::default(), day()).is_err());
        assert_eq!(store.contact_count().unwrap(), 0);
    }
}
