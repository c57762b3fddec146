//! Merging imported contacts into the database, all in one transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::contacts::{
    insert_contact, load_contacts, phone_digits, prepare_new_contact, PreparedContact,
};
use super::Store;
use crate::error::Result;
use crate::interop::{Format, ImportedContact, ParsedFile};
use crate::model::Source;

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    /// The format read.
    pub format: Format,
    /// New contacts.
    pub added: usize,
    /// Records merged into an existing contact (or into an earlier record of the file).
    pub merged: usize,
    /// Records with nothing to import (no name, email, phone or company).
    pub skipped: usize,
    /// Problems that stopped the import (empty when it went through).
    pub errors: Vec<String>,
    /// Values left out (an email without `@`, a birthday in words…).
    pub warnings: Vec<String>,
    /// Nothing was written.
    pub dry_run: bool,
}

/// Phones match on their digits only when there are enough of them to be specific.
const MIN_PHONE_DIGITS_TO_MATCH: usize = 7;

/// A contact as the import sees it: already in the database (`id`) or new.
struct Candidate {
    id: Option<i64>,
    uid: String,
    data: PreparedContact,
    paused: bool,
    created_on: NaiveDate,
    /// Emails, phones and interests already stored (for an existing contact).
    stored: (usize, usize, usize),
    /// Added by this import under a UID the file gave: the file says it is a
    /// different person from other records with other UIDs, namesakes or not.
    uid_from_file: bool,
    changed: bool,
}

/// Lookup tables from keys to candidates.
#[derive(Default)]
struct Index {
    uid: HashMap<String, usize>,
    email: HashMap<String, usize>,
    phone: HashMap<String, usize>,
    name: HashMap<String, Vec<usize>>,
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Index {
    fn add(&mut self, i: usize, c: &Candidate) {
        self.uid.entry(c.uid.clone()).or_insert(i);
        for e in &c.data.emails {
            self.email.entry(e.to_lowercase()).or_insert(i);
        }
        for p in &c.data.phones {
            let digits = phone_digits(p);
            if digits.len() >= MIN_PHONE_DIGITS_TO_MATCH {
                self.phone.entry(digits).or_insert(i);
            }
        }
        let names = self.name.entry(name_key(&c.data.name)).or_default();
        if !names.contains(&i) {
            names.push(i);
        }
    }

    /// The candidate a record is the same person as: same UID, same email, same
    /// phone, or same full name with no conflicting email.
    fn find(
        &self,
        uid: Option<&str>,
        data: &PreparedContact,
        candidates: &[Candidate],
    ) -> Option<usize> {
        if let Some(&i) = uid.and_then(|u| self.uid.get(u)) {
            return Some(i);
        }
        if let Some(&i) = data
            .emails
            .iter()
            .find_map(|e| self.email.get(&e.to_lowercase()))
        {
            return Some(i);
        }
        if let Some(&i) = data.phones.iter().find_map(|p| {
            let digits = phone_digits(p);
            (digits.len() >= MIN_PHONE_DIGITS_TO_MATCH)
                .then(|| self.phone.get(&digits))
                .flatten()
        }) {
            return Some(i);
        }
        self.name
            .get(&name_key(&data.name))?
            .iter()
            .copied()
            .find(|&i| {
                let theirs = &candidates[i];
                // Both have addresses and share none: two people with one name.
                let emails_agree = theirs.data.emails.is_empty() || data.emails.is_empty();
                let file_says_distinct =
                    theirs.uid_from_file && uid.is_some_and(|u| u != theirs.uid);
                emails_agree && !file_says_distinct
            })
    }
}

/// Adds the values of `extra` not yet in `list`, comparing by `key`.
fn union(list: &mut Vec<String>, extra: &[String], key: impl Fn(&str) -> String) -> bool {
    let mut changed = false;
    for value in extra {
        let k = key(value);
        if !list.iter().any(|v| key(v) == k) {
            list.push(value.clone());
            changed = true;
        }
    }
    changed
}

/// Fills the empty fields of `into` from `from` and unions the lists.
fn merge(into: &mut PreparedContact, from: &PreparedContact) -> bool {
    let mut changed = false;
    let mut fill = |slot: &mut Option<String>, value: &Option<String>| {
        if slot.is_none() && value.is_some() {
            *slot = value.clone();
            changed = true;
        }
    };
    fill(&mut into.company, &from.company);
    fill(&mut into.title, &from.title);
    if into.birthday.is_none() && from.birthday.is_some() {
        into.birthday = from.birthday;
        changed = true;
    }
    if into.notes.is_empty() && !from.notes.is_empty() {
        into.notes = from.notes.clone();
        changed = true;
    }
    changed |= union(&mut into.emails, &from.emails, str::to_lowercase);
    changed |= union(&mut into.phones, &from.phones, phone_digits);
    changed |= union(&mut into.interests, &from.interests, str::to_lowercase);
    changed
}

impl Store {
    /// Merges a parsed file into the database in one transaction and returns what
    /// happened. With `dry_run` nothing is written. `progress(done, total)` is
    /// called as records are written.
    pub fn import_contacts(
        &mut self,
        format: Format,
        parsed: &ParsedFile,
        today: NaiveDate,
        dry_run: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportSummary> {
        let mut candidates: Vec<Candidate> = load_contacts(&self.conn, None)?
            .into_iter()
            .map(|c| Candidate {
                id: Some(c.id),
                uid: c.uid,
                stored: (c.emails.len(), c.phones.len(), c.interests.len()),
                data: PreparedContact {
                    name: c.name,
                    given_name: c.given_name,
                    family_name: c.family_name,
                    emails: c.emails,
                    phones: c.phones,
                    company: c.company,
                    title: c.title,
                    birthday: c.birthday,
                    circle: c.circle,
                    interests: c.interests,
                    tags: c.tags,
                    notes: c.notes,
                    source: c.source.unwrap_or(Source::Manual),
                },
                paused: c.paused,
                created_on: c.created_on,
                changed: false,
                uid_from_file: false,
            })
            .collect();
        let mut index = Index::default();
        for (i, c) in candidates.iter().enumerate() {
            index.add(i, c);
        }

        let mut summary = ImportSummary {
            format,
            added: 0,
            merged: 0,
            skipped: parsed.skipped.len(),
            errors: Vec::new(),
            warnings: parsed.warnings.clone(),
            dry_run,
        };
        for record in &parsed.contacts {
            let data = match prepare_new_contact(&record.contact) {
                Ok(mut data) => {
                    data.source = format.source();
                    data
                }
                Err(e) => {
                    summary.skipped += 1;
                    summary
                        .warnings
                        .push(format!("line {}: {e}; skipped", record.line));
                    continue;
                }
            };
            match index.find(record.uid.as_deref(), &data, &candidates) {
                Some(i) => {
                    let c = &mut candidates[i];
                    c.changed |= merge(&mut c.data, &data);
                    let c = &candidates[i];
                    index.add(i, c);
                    summary.merged += 1;
                }
                None => {
                    let candidate = new_candidate(record, data, today);
                    index.add(candidates.len(), &candidate);
                    candidates.push(candidate);
                    summary.added += 1;
                }
            }
        }
        if dry_run {
            return Ok(summary);
        }
        let pending: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| c.id.is_none() || c.changed)
            .collect();
        let total = pending.len();
        let label = format!(
            "Imported {} {} file ({} added, {} merged)",
            parsed.contacts.len(),
            format,
            summary.added,
            summary.merged
        );
        self.write(&label, |tx| {
            for (n, c) in pending.iter().enumerate() {
                match c.id {
                    None => {
                        let id = insert_contact(tx, &c.data, &c.uid, c.created_on)?;
                        if c.paused {
                            tx.execute("UPDATE contacts SET paused = 1 WHERE id = ?1", [id])?;
                        }
                    }
                    Some(id) => update_merged(tx, id, c)?,
                }
                if n % 500 == 0 || n + 1 == total {
                    progress(n + 1, total);
                }
            }
            Ok(())
        })?;
        Ok(summary)
    }
}

fn new_candidate(record: &ImportedContact, data: PreparedContact, today: NaiveDate) -> Candidate {
    Candidate {
        id: None,
        uid: record
            .uid
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        data,
        paused: record.paused,
        created_on: record.connected_on.unwrap_or(today),
        stored: (0, 0, 0),
        changed: true,
        uid_from_file: record.uid.is_some(),
    }
}

/// Writes what a merge added to an existing contact: filled fields and new list items.
fn update_merged(tx: &rusqlite::Transaction<'_>, id: i64, c: &Candidate) -> Result<()> {
    let d = &c.data;
    tx.execute(
        "UPDATE contacts SET company = ?2, title = ?3, birthday = ?4, notes = ?5 WHERE id = ?1",
        params![
            id,
            d.company,
            d.title,
            d.birthday.map(|b| b.to_string()),
            d.notes
        ],
    )?;
    let (emails, phones, interests) = c.stored;
    for (position, email) in d.emails.iter().enumerate().skip(emails) {
        tx.prepare_cached(
            "INSERT INTO contact_emails (contact_id, position, email) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, position as i64, email])?;
    }
    for (position, phone) in d.phones.iter().enumerate().skip(phones) {
        tx.prepare_cached("INSERT INTO contact_phones (contact_id, position, phone, digits) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![id, position as i64, phone, phone_digits(phone)])?;
    }
    for (position, interest) in d.interests.iter().enumerate().skip(interests) {
        tx.prepare_cached(
            "INSERT INTO contact_interests (contact_id, position, interest) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, position as i64, interest])?;
    }
    Ok(())
}
