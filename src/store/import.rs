//! Merging imported contacts into the database, all in one transaction.
//!
//! Each record is matched against the live contacts and the records before it:
//! the same UID, email or phone is the same person; the same full name is the
//! same person only when nothing conflicts (another company, another LinkedIn
//! profile, another UID, or emails that share none). Namesakes that conflict
//! stay two contacts and are reported as possible duplicates, for `merge`. A
//! merge fills empty fields, unions the lists, and appends what would otherwise
//! be lost (the record's notes, its differing values) to the notes with the
//! file's name. Contacts in the trash are never matched; a record that looks
//! like one is added anew with a warning.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::config::DbConfig;
use rusqlite::types::ToSql;
use rusqlite::{params, Connection, Transaction};
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::contacts::{
    load_contacts, next_contact_id, phone_digits, prepare_new_contact, PreparedContact,
};
use super::edit::append_paragraph;
use super::journal::Recorder;
use super::merge::FieldConflict;
use super::Store;
use crate::error::Result;
use crate::interop::checks::check_record;
use crate::interop::{Format, ImportedContact, ParsedFile};
use crate::model::Source;

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    /// The format read.
    pub format: Format,
    /// The file read, as it was named.
    pub file: String,
    /// New contacts.
    pub added: usize,
    /// Records merged into an existing contact (or into an earlier record of the file).
    pub merged: usize,
    /// Records not imported (see `skipped_records`).
    pub skipped: usize,
    /// Problems that stopped the import (empty when it went through).
    pub errors: Vec<String>,
    /// Values left out or cleaned (an email without `@`, a birthday after today…),
    /// records that look like a contact in the trash, and possible duplicates,
    /// each naming the file and line.
    pub warnings: Vec<String>,
    /// Each record that was merged, and into whom.
    pub merges: Vec<ImportMerge>,
    /// Records added beside a contact with the same name because something
    /// conflicts: `keepwarm merge A B` (with the pair in `ids`) joins them if
    /// they are one person.
    pub possible_duplicates: Vec<PossibleDuplicate>,
    /// Each record that was not imported, and why.
    pub skipped_records: Vec<SkippedRecord>,
    /// Nothing was written (ids of new contacts are the ones they would get).
    pub dry_run: bool,
}

/// A record of the file that was merged into a contact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportMerge {
    /// The file.
    pub file: String,
    /// The line the record starts on.
    pub line: usize,
    /// The record for people: `Connections.csv:7 Anna Schmidt`.
    pub record: String,
    /// The record's name.
    pub name: String,
    /// The contact it was merged into.
    pub into_id: i64,
    /// That contact's name.
    pub into_name: String,
    /// Whether that contact is new from this import (an earlier record of the file).
    pub into_new: bool,
    /// What made them one person: `uid`, `email`, `phone` or `name`.
    pub matched_by: MatchedBy,
    /// Fields the record filled or added to: `company`, `emails`, `notes`…
    pub filled: Vec<String>,
    /// Fields where the contact already had another value: it stays, and the
    /// record's value is appended to the notes.
    pub conflicts: Vec<FieldConflict>,
}

/// A record that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedRecord {
    /// The file.
    pub file: String,
    /// The line the record starts on.
    pub line: usize,
    /// The record for people: `Connections.csv:7`.
    pub record: String,
    /// Why it was skipped.
    pub reason: String,
}

/// A record kept apart from a contact with the same name, or with the same
/// phone under another name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PossibleDuplicate {
    /// The two contacts: the one that had the name, and the record's.
    pub ids: [i64; 2],
    /// The file.
    pub file: String,
    /// The line the record starts on.
    pub line: usize,
    /// The record for people: `Connections.csv:7 Anna Schmidt`.
    pub record: String,
    /// The record's name.
    pub name: String,
    /// The contact with the same name or phone (`ids[0]`).
    pub contact_id: i64,
    /// Its name.
    pub contact_name: String,
    /// What tells them apart (`different company (Acme / Globex)`), or that
    /// several contacts have the name and nothing tells which it is.
    pub reason: String,
    /// How many contacts had the name before the record.
    pub namesakes: usize,
}

/// `file:line` for people (the file as given).
fn record_label(file: &str, line: usize, name: &str) -> String {
    if name.is_empty() {
        format!("{file}:{line}")
    } else {
        format!("{file}:{line} {name}")
    }
}

/// What made a record the same person as a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    /// The same UID.
    Uid,
    /// An email in common (any case).
    Email,
    /// A phone number with the same digits.
    Phone,
    /// The same full name, nothing conflicting.
    Name,
}

impl MatchedBy {
    /// In words, for people.
    pub fn describe(self) -> &'static str {
        match self {
            MatchedBy::Uid => "same UID",
            MatchedBy::Email => "same email",
            MatchedBy::Phone => "same phone",
            MatchedBy::Name => "same name",
        }
    }
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
    /// Emails, phones, interests and tags already stored (for an existing contact).
    stored: [usize; 4],
    /// Whether `uid` says who this is: every stored contact's UID does (exports
    /// carry it); a new one's only when the file gave it.
    uid_known: bool,
    /// LinkedIn profile names (`priyasharma` of `linkedin.com/in/priyasharma`).
    profiles: Vec<String>,
    /// The company reduced for comparing (see [`company_key`]).
    company_key: Option<String>,
    changed: bool,
}

/// Lookup tables from keys to candidates (hashed with FxHash: the keys come
/// from the user's own files, and SipHash cost more than the look-ups).
#[derive(Default)]
struct Index {
    uid: FxHashMap<String, usize>,
    email: FxHashMap<String, usize>,
    phone: FxHashMap<String, usize>,
    /// The national forms of numbers written internationally ([`phone_forms`]).
    phone_abroad: FxHashMap<String, usize>,
    name: FxHashMap<String, Vec<usize>>,
}

fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// A company's name reduced for comparing: `Acme, Inc.` and `ACME Inc` agree.
fn company_key(company: &str) -> String {
    company
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The LinkedIn profile names found in `text` (`https://www.linkedin.com/in/anna-schmidt-1/`
/// → `anna-schmidt-1`).
fn linkedin_profiles(text: &str) -> Vec<String> {
    const MARK: &str = "linkedin.com/in/";
    let mut out = Vec::new();
    // Most notes name no profile: a quick look before lowering the whole text.
    if !text.contains("/in/") && !text.contains("/IN/") {
        return out;
    }
    let lower = text.to_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find(MARK) {
        rest = &rest[at + MARK.len()..];
        let end = rest
            .find(|c: char| c == '/' || c == '?' || c == '#' || c.is_whitespace())
            .unwrap_or(rest.len());
        let profile = &rest[..end];
        if !profile.is_empty() && !out.iter().any(|p| p == profile) {
            out.push(profile.to_owned());
        }
    }
    out
}

/// What the index found for a record.
enum Found {
    /// The same person as this candidate.
    Same(usize, MatchedBy),
    /// Nobody. The first namesake it is kept apart from and why, and how many
    /// namesakes there are in all.
    New(Option<(usize, String)>, usize),
}

/// A record ready to be matched.
struct Incoming<'a> {
    record: &'a ImportedContact,
    data: PreparedContact,
    profiles: Vec<String>,
    company_key: Option<String>,
}

impl Index {
    fn add(&mut self, i: usize, c: &Candidate) {
        self.uid.entry(c.uid.clone()).or_insert(i);
        for e in &c.data.emails {
            self.email.entry(e.to_lowercase()).or_insert(i);
        }
        for p in &c.data.phones {
            if let Some((number, national)) = phone_forms(p) {
                self.phone.entry(number).or_insert(i);
                for form in national {
                    self.phone_abroad.entry(form).or_insert(i);
                }
            }
        }
        let names = self.name.entry(name_key(&c.data.name)).or_default();
        if !names.contains(&i) {
            names.push(i);
        }
    }

    /// The candidate a record is the same person as, or the namesakes it is not.
    fn find(&self, incoming: &Incoming<'_>, candidates: &[Candidate]) -> Found {
        let data = &incoming.data;
        if let Some(&i) = incoming.record.uid.as_deref().and_then(|u| self.uid.get(u)) {
            return Found::Same(i, MatchedBy::Uid);
        }
        if let Some(&i) = data
            .emails
            .iter()
            .find_map(|e| self.email.get(&e.to_lowercase()))
        {
            return Found::Same(i, MatchedBy::Email);
        }
        // A phone is shared by a household or an office: it makes one person
        // only when the names could be one person's too. Otherwise the record
        // stays apart and the pair is reported (unless a namesake claims it).
        let mut shares_a_phone = None;
        for p in &data.phones {
            let Some((number, national)) = phone_forms(p) else {
                continue;
            };
            let found = std::iter::once(self.phone.get(&number))
                .chain(std::iter::once(self.phone_abroad.get(&number)))
                .chain(national.iter().map(|form| self.phone.get(form)))
                .flatten();
            for &i in found {
                if names_may_be_one_person(data, &candidates[i].data) {
                    return Found::Same(i, MatchedBy::Phone);
                }
                shares_a_phone.get_or_insert_with(|| {
                    (i, format!("same phone ({}) but another name", p.trim()))
                });
            }
        }
        match self.find_namesake(incoming, candidates) {
            Found::New(None, namesakes) => Found::New(shares_a_phone, namesakes),
            found => found,
        }
    }

    /// The namesake a record is the same person as, or the namesakes it is not.
    fn find_namesake(&self, incoming: &Incoming<'_>, candidates: &[Candidate]) -> Found {
        let data = &incoming.data;
        let Some(namesakes) = self.name.get(&name_key(&data.name)) else {
            return Found::New(None, 0);
        };
        // One namesake that could be this person is; among several, the one that
        // shares the company or the profile is. Otherwise a guess could merge the
        // wrong one, so the record stays apart and is reported.
        let mut compatible = None;
        let mut compatible_count = 0;
        let mut agreeing = None;
        let mut agreeing_count = 0;
        let mut first_conflict = None;
        for &i in namesakes {
            let theirs = &candidates[i];
            match name_conflict(incoming, theirs) {
                None => {
                    compatible_count += 1;
                    compatible.get_or_insert(i);
                    if positively_agrees(incoming, theirs) {
                        agreeing_count += 1;
                        agreeing.get_or_insert(i);
                    }
                }
                Some(conflict) => {
                    first_conflict.get_or_insert((i, conflict));
                }
            }
        }
        match (compatible, agreeing) {
            (Some(i), _) if compatible_count == 1 => Found::Same(i, MatchedBy::Name),
            (_, Some(i)) if agreeing_count == 1 => Found::Same(i, MatchedBy::Name),
            (Some(i), _) => Found::New(
                Some((
                    i,
                    format!(
                        "{compatible_count} contacts have this name and nothing tells which it is"
                    ),
                )),
                namesakes.len(),
            ),
            (None, _) => Found::New(
                first_conflict
                    .map(|(i, c)| (i, describe_conflict(c, &candidates[i], &incoming.data))),
                namesakes.len(),
            ),
        }
    }
}

/// Whether two contacts' names could be one person's: the same name; the same
/// family name with given names one of which starts the other (`Jess` and
/// `Jessica Nguyen`, `J. Nguyen`); or a name that is only the company, email
/// or phone a card without a name is known by. `Mum` and `Margaret Brennan`
/// are not: such a pair is reported, for `merge`, rather than guessed.
fn names_may_be_one_person(a: &PreparedContact, b: &PreparedContact) -> bool {
    let unnamed = |c: &PreparedContact| {
        c.name.trim().is_empty()
            || c.company.as_deref() == Some(c.name.as_str())
            || c.emails.contains(&c.name)
            || c.phones.contains(&c.name)
    };
    if unnamed(a) || unnamed(b) {
        return true;
    }
    let words = |name: &str| -> Vec<String> {
        const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"];
        let mut words: Vec<String> = name_key(name)
            .split(' ')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
            .filter(|w| !w.is_empty())
            .collect();
        while words.len() > 1 && TITLES.contains(&words[0].as_str()) {
            words.remove(0);
        }
        words
    };
    let (a, b) = (words(&a.name), words(&b.name));
    let (Some(given_a), Some(given_b)) = (a.first(), b.first()) else {
        return true;
    };
    let given = given_a.starts_with(given_b.as_str()) || given_b.starts_with(given_a.as_str());
    let family = match (a.len() > 1, b.len() > 1) {
        (true, true) => a.last() == b.last(),
        _ => true,
    };
    given && family
}

/// A phone number as compared: its digits (seven or more, else `None`), and
/// for a number written in international form (`+61 412 555 019`, `0061 …`)
/// the national forms it may also be written in, with a trunk `0`, for a
/// country code of one, two or three digits (`0412555019`).
fn phone_forms(phone: &str) -> Option<(String, Vec<String>)> {
    let digits = phone_digits(phone);
    if digits.len() < MIN_PHONE_DIGITS_TO_MATCH {
        return None;
    }
    let number = if phone.trim_start().starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else {
        let national = north_american_national(&digits).into_iter().collect();
        return Some((digits, national));
    };
    let national = (1..=3)
        .filter_map(|code| number.get(code..))
        .filter(|rest| rest.len() >= MIN_PHONE_DIGITS_TO_MATCH && !rest.starts_with('0'))
        .map(|rest| {
            let mut form = String::with_capacity(1 + rest.len());
            form.push('0');
            form.push_str(rest);
            form
        })
        .chain(north_american_national(&number))
        .collect();
    Some((number, national))
}

/// North American numbers have no trunk `0`: `+1 519 555 0178` and
/// `1-519-555-0178` are written `519-555-0178` at home.
fn north_american_national(digits: &str) -> Option<String> {
    (digits.len() == 11 && digits.starts_with('1')).then(|| digits[1..].to_owned())
}

/// Whether two phone numbers are one number, written the same way or one in
/// international and one in national form (see [`phone_forms`]).
fn same_phone(a: &str, b: &str) -> bool {
    match (phone_forms(a), phone_forms(b)) {
        (Some((a, a_national)), Some((b, b_national))) => {
            a == b || a_national.contains(&b) || b_national.contains(&a)
        }
        _ => phone_digits(a) == phone_digits(b),
    }
}

/// Whether a namesake shares the record's company or LinkedIn profile.
fn positively_agrees(incoming: &Incoming<'_>, theirs: &Candidate) -> bool {
    let same_company = matches!(
        (&theirs.company_key, &incoming.company_key),
        (Some(a), Some(b)) if a == b
    );
    same_company
        || incoming
            .profiles
            .iter()
            .any(|p| theirs.profiles.contains(p))
}

/// Why a record and a namesake are two people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conflict {
    Company,
    Profile,
    Uid,
    Emails,
}

/// Why a record and a namesake are two people, if they are.
fn name_conflict(incoming: &Incoming<'_>, theirs: &Candidate) -> Option<Conflict> {
    if let (Some(a), Some(b)) = (&theirs.company_key, &incoming.company_key) {
        if a != b {
            return Some(Conflict::Company);
        }
    }
    if !theirs.profiles.is_empty()
        && !incoming.profiles.is_empty()
        && !incoming
            .profiles
            .iter()
            .any(|p| theirs.profiles.contains(p))
    {
        return Some(Conflict::Profile);
    }
    if let Some(uid) = incoming.record.uid.as_deref() {
        if theirs.uid_known && theirs.uid != uid {
            return Some(Conflict::Uid);
        }
    }
    // Emails that shared one would have matched already.
    if !theirs.data.emails.is_empty() && !incoming.data.emails.is_empty() {
        return Some(Conflict::Emails);
    }
    None
}

/// A conflict in words, for the warning.
fn describe_conflict(conflict: Conflict, theirs: &Candidate, mine: &PreparedContact) -> String {
    match conflict {
        Conflict::Company => format!(
            "different company ({} / {})",
            theirs.data.company.as_deref().unwrap_or(""),
            mine.company.as_deref().unwrap_or("")
        ),
        Conflict::Profile => "different LinkedIn profile".into(),
        Conflict::Uid => "different UID".into(),
        Conflict::Emails => "different emails".into(),
    }
}

/// What merging a record into a contact changed.
#[derive(Default)]
struct Merged {
    filled: Vec<String>,
    conflicts: Vec<FieldConflict>,
    changed: bool,
}

/// Whether two values of a list are one (an email in another case, a phone
/// written another way).
type SameValue = dyn Fn(&str, &str) -> bool;

/// Adds the values of `extra` not yet in `list`, as `same` compares them.
fn union(list: &mut Vec<String>, extra: &[String], same: impl Fn(&str, &str) -> bool) -> bool {
    let mut changed = false;
    for value in extra {
        if !list.iter().any(|v| same(v, value)) {
            list.push(value.clone());
            changed = true;
        }
    }
    changed
}

/// Fills the empty fields of `into` from `from`, unions the lists, and appends
/// to the notes what `from` says that `into` does not: its notes, and its values
/// where `into` has others (with the name of the file they came from).
fn merge(into: &mut PreparedContact, from: &PreparedContact, file_name: &str) -> Merged {
    let mut out = Merged::default();
    let mut single = |field: &str, slot: &mut Option<String>, value: &Option<String>| match (
        slot.as_deref(),
        value,
    ) {
        (None, Some(v)) => {
            *slot = Some(v.clone());
            out.filled.push(field.to_owned());
        }
        (Some(kept), Some(v)) if company_key(kept) != company_key(v) => {
            out.conflicts.push(FieldConflict {
                field: field.to_owned(),
                kept: kept.to_owned(),
                other: v.clone(),
            });
        }
        _ => {}
    };
    single("company", &mut into.company, &from.company);
    single("title", &mut into.title, &from.title);
    match (into.birthday, from.birthday) {
        (None, Some(b)) => {
            into.birthday = Some(b);
            out.filled.push("birthday".into());
        }
        (Some(kept), Some(b)) if kept != b => out.conflicts.push(FieldConflict {
            field: "birthday".into(),
            kept: kept.to_string(),
            other: b.to_string(),
        }),
        _ => {}
    }
    if name_key(&into.name) != name_key(&from.name) {
        out.conflicts.push(FieldConflict {
            field: "name".into(),
            kept: into.name.clone(),
            other: from.name.clone(),
        });
    }
    let same_text = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let lists: [(&str, &mut Vec<String>, &[String], &SameValue); 4] = [
        ("emails", &mut into.emails, &from.emails, &same_text),
        ("phones", &mut into.phones, &from.phones, &same_phone),
        (
            "interests",
            &mut into.interests,
            &from.interests,
            &same_text,
        ),
        ("tags", &mut into.tags, &from.tags, &same_text),
    ];
    for (field, list, extra, same) in lists {
        if union(list, extra, same) {
            out.filled.push(field.to_owned());
        }
    }
    let theirs = from.notes.trim();
    if !theirs.is_empty() && !into.notes.contains(theirs) {
        if into.notes.trim().is_empty() {
            into.notes = theirs.to_owned();
            out.filled.push("notes".into());
        } else {
            into.notes = append_paragraph(&into.notes, &format!("From {file_name}: {theirs}"));
            out.filled.push("notes (appended)".into());
        }
    }
    if !out.conflicts.is_empty() {
        let differences = out
            .conflicts
            .iter()
            .map(|c| format!("{} {}", c.field, c.other))
            .collect::<Vec<_>>()
            .join("; ");
        let paragraph = format!("From {file_name}, differing: {differences}.");
        if !into.notes.contains(&paragraph) {
            into.notes = append_paragraph(&into.notes, &paragraph);
        }
    }
    out.changed = !out.filled.is_empty() || !out.conflicts.is_empty();
    out
}

/// Keys of the contacts in the trash, to warn when a record looks like one.
#[derive(Default)]
struct Trash {
    uid: HashMap<String, i64>,
    email: HashMap<String, i64>,
    phone: HashMap<String, i64>,
    names: HashMap<i64, String>,
}

impl Trash {
    fn load(conn: &Connection) -> Result<Trash> {
        let mut trash = Trash::default();
        let mut stmt = conn.prepare_cached(
            "SELECT id, uid, display_name FROM contacts WHERE deleted_on IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            trash.uid.insert(row.get(1)?, id);
            trash.names.insert(id, row.get(2)?);
        }
        if trash.names.is_empty() {
            return Ok(trash);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT e.contact_id, e.email FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
             WHERE c.deleted_on IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let email: String = row.get(1)?;
            trash.email.insert(email.to_lowercase(), row.get(0)?);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT p.contact_id, p.digits FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
             WHERE c.deleted_on IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let digits: String = row.get(1)?;
            if digits.len() >= MIN_PHONE_DIGITS_TO_MATCH {
                trash.phone.insert(digits, row.get(0)?);
            }
        }
        Ok(trash)
    }

    /// The trashed contact a record looks like, and what it shares with it.
    fn find(&self, uid: Option<&str>, data: &PreparedContact) -> Option<(i64, &'static str)> {
        if self.names.is_empty() {
            return None;
        }
        if let Some(&id) = uid.and_then(|u| self.uid.get(u)) {
            return Some((id, "same UID"));
        }
        if let Some(&id) = data
            .emails
            .iter()
            .find_map(|e| self.email.get(&e.to_lowercase()))
        {
            return Some((id, "same email"));
        }
        data.phones
            .iter()
            .find_map(|p| self.phone.get(&phone_digits(p)))
            .map(|&id| (id, "same phone"))
    }
}

/// The whole outcome of matching a file, before anything is written.
struct Plan {
    candidates: Vec<Candidate>,
    summary: ImportSummary,
    /// Merges as (record's report, candidate index).
    merges: Vec<(ImportMerge, usize)>,
    /// Possible duplicates as candidate indexes (the earlier one first).
    duplicates: Vec<KeptApart>,
}

/// A record added beside a namesake it conflicts with.
struct KeptApart {
    line: usize,
    /// The earlier candidate and the record's.
    pair: [usize; 2],
    reason: String,
    /// How many contacts had the name before this record.
    namesakes: usize,
}

impl Plan {
    /// The reports with contact ids, new contacts numbered from `first_id` in
    /// file order.
    fn resolve_with_first_id(self, first_id: i64) -> ImportSummary {
        let first_new = self
            .candidates
            .iter()
            .position(|c| c.id.is_none())
            .unwrap_or(self.candidates.len());
        let ids: Vec<i64> = self
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| c.id.unwrap_or_else(|| first_id + (i - first_new) as i64))
            .collect();
        self.resolve(|i| ids[i])
    }

    /// Fills in the contact ids of the reports once new contacts have theirs.
    fn resolve(mut self, id_of: impl Fn(usize) -> i64) -> ImportSummary {
        for (mut merge, i) in self.merges {
            merge.into_id = id_of(i);
            self.summary.merges.push(merge);
        }
        for apart in self.duplicates {
            let [theirs, mine] = apart.pair;
            let (a, b) = (id_of(theirs), id_of(mine));
            let name = self.candidates[mine].data.name.clone();
            self.summary.possible_duplicates.push(PossibleDuplicate {
                ids: [a, b],
                record: record_label(&self.summary.file, apart.line, &name),
                file: self.summary.file.clone(),
                line: apart.line,
                name,
                contact_id: a,
                contact_name: self.candidates[theirs].data.name.clone(),
                reason: apart.reason,
                namesakes: apart.namesakes,
            });
        }
        self.summary
    }
}

/// Matches every record of `parsed` against the live contacts of `conn`.
fn plan(
    conn: &Connection,
    format: Format,
    parsed: &ParsedFile,
    today: NaiveDate,
    dry_run: bool,
) -> Result<Plan> {
    let file = parsed.file.as_str();
    let file_name = Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let stored = load_contacts(conn, None)?;
    let mut candidates: Vec<Candidate> = Vec::with_capacity(stored.len() + parsed.contacts.len());
    for c in stored {
        candidates.push(Candidate {
            id: Some(c.id),
            profiles: linkedin_profiles(&c.notes),
            company_key: c.company.as_deref().map(company_key),
            uid: c.uid,
            stored: [
                c.emails.len(),
                c.phones.len(),
                c.interests.len(),
                c.tags.len(),
            ],
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
            uid_known: true,
        });
    }
    let mut index = Index::default();
    for (i, c) in candidates.iter().enumerate() {
        index.add(i, c);
    }
    let trash = Trash::load(conn)?;

    let mut summary = ImportSummary {
        format,
        file: file.to_owned(),
        added: 0,
        merged: 0,
        skipped: 0,
        errors: Vec::new(),
        warnings: parsed.warnings.clone(),
        merges: Vec::new(),
        possible_duplicates: Vec::new(),
        skipped_records: parsed
            .skipped
            .iter()
            .map(|s| SkippedRecord {
                file: file.to_owned(),
                line: s.line,
                record: record_label(file, s.line, ""),
                reason: s.reason.clone(),
            })
            .collect(),
        dry_run,
    };
    let mut merges = Vec::new();
    let mut duplicates = Vec::new();
    for original in &parsed.contacts {
        let mut record = original.clone();
        let checked = check_record(&mut record, file, today);
        summary.warnings.extend(checked.warnings);
        let prepared = match checked.skip {
            Some(reason) => Err(reason),
            None => prepare_new_contact(&record.contact).map_err(|e| e.to_string()),
        };
        let mut data = match prepared {
            Ok(data) => data,
            Err(reason) => {
                summary.skipped_records.push(SkippedRecord {
                    file: file.to_owned(),
                    line: record.line,
                    record: record_label(file, record.line, ""),
                    reason,
                });
                continue;
            }
        };
        data.source = format.source();
        let mut profiles = record
            .profile_url
            .as_deref()
            .map(linkedin_profiles)
            .unwrap_or_default();
        if profiles.is_empty() {
            profiles = linkedin_profiles(&data.notes);
        }
        let incoming = Incoming {
            record: &record,
            company_key: data.company.as_deref().map(company_key),
            data,
            profiles,
        };
        match index.find(&incoming, &candidates) {
            Found::Same(i, matched_by) => {
                let c = &mut candidates[i];
                let merged = merge(&mut c.data, &incoming.data, &file_name);
                c.changed |= merged.changed;
                if c.company_key.is_none() {
                    c.company_key = incoming.company_key;
                }
                for p in incoming.profiles {
                    if !c.profiles.contains(&p) {
                        c.profiles.push(p);
                    }
                }
                merges.push((
                    ImportMerge {
                        file: file.to_owned(),
                        line: record.line,
                        record: record_label(file, record.line, &incoming.data.name),
                        name: incoming.data.name,
                        into_id: 0,
                        into_name: c.data.name.clone(),
                        into_new: c.id.is_none(),
                        matched_by,
                        filled: merged.filled,
                        conflicts: merged.conflicts,
                    },
                    i,
                ));
                let c = &candidates[i];
                index.add(i, c);
                summary.merged += 1;
            }
            Found::New(kept_apart_from, namesakes) => {
                let me = candidates.len();
                let mut uid_known = record.uid.is_some();
                let mut uid = record.uid.clone();
                if let Some((id, why)) = trash.find(record.uid.as_deref(), &incoming.data) {
                    let name = trash.names.get(&id).map_or("", String::as_str);
                    summary.warnings.push(format!(
                        "{file}:{}: {} looks like #{id} {name} in the trash ({why}); added as a new contact — `keepwarm restore {id}` brings the old one back",
                        record.line, incoming.data.name
                    ));
                    if why == "same UID" {
                        // UIDs are unique: the trashed contact keeps its own.
                        uid = None;
                        uid_known = false;
                    }
                }
                if let Some((other, reason)) = kept_apart_from {
                    duplicates.push(KeptApart {
                        line: record.line,
                        pair: [other, me],
                        reason,
                        namesakes,
                    });
                }
                let candidate = Candidate {
                    id: None,
                    uid: uid.unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
                    data: incoming.data,
                    paused: record.paused,
                    created_on: record.connected_on.unwrap_or(today),
                    stored: [0; 4],
                    uid_known,
                    profiles: incoming.profiles,
                    company_key: incoming.company_key,
                    changed: true,
                };
                index.add(me, &candidate);
                candidates.push(candidate);
                summary.added += 1;
            }
        }
    }
    summary.skipped = summary.skipped_records.len();
    Ok(Plan {
        candidates,
        summary,
        merges,
        duplicates,
    })
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
        if dry_run {
            let plan = plan(&self.conn, format, parsed, today, true)?;
            let first_id = next_contact_id(&self.conn)?;
            return Ok(plan.resolve_with_first_id(first_id));
        }
        let label = format!("Imported {}", parsed.file);
        // A multi-row statement keeps the pages it changes in a statement journal,
        // to undo just itself on an error: in memory rather than in a temporary
        // file (for 10,000 cards, 45 MB written in 22,000 calls).
        let temp_store: i64 = self
            .conn
            .pragma_query_value(None, "temp_store", |r| r.get(0))?;
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        let imported = self.write_recorded(&label, |tx, recorder| {
            let plan = plan(tx, format, parsed, today, false)?;
            let first_id = next_contact_id(tx)?;
            let merged: Vec<&Candidate> = plan
                .candidates
                .iter()
                .filter(|c| c.id.is_some() && c.changed)
                .collect();
            let new: Vec<&Candidate> = plan.candidates.iter().filter(|c| c.id.is_none()).collect();
            let total = merged.len() + new.len();
            for (n, c) in merged.iter().enumerate() {
                if let Some(id) = c.id {
                    update_merged(tx, id, c)?;
                }
                if (n + 1) % 500 == 0 {
                    progress(n + 1, total);
                }
            }
            insert_new(tx, recorder, &new, first_id, &mut |done| {
                progress(merged.len() + done, total)
            })?;
            progress(total, total);
            Ok(plan.resolve_with_first_id(first_id))
        });
        // The import is committed (or rolled back) by now: failing to put the
        // setting back must not report a saved import as failed. Left in
        // memory, statement journals cost memory, not correctness.
        let _ = self.conn.pragma_update(None, "temp_store", temp_store);
        imported
    }
}

/// How many rows one INSERT writes: enough to make the
/// per-statement cost small, few enough that preparing the statement (once,
/// then cached) stays cheap.
const ROWS_PER_STATEMENT: usize = 100;

/// Inserts `rows` rows of `columns` values each into `table`,
/// [`ROWS_PER_STATEMENT`] rows a statement; `values(row, out)` pushes one row's
/// values.
fn insert_rows<'a, T>(
    tx: &Transaction<'_>,
    table: &str,
    columns: &[&str],
    rows: &'a [T],
    values: impl Fn(&'a T, &mut Vec<&'a dyn ToSql>),
    progress: &mut dyn FnMut(usize),
) -> Result<()> {
    let one_row = format!("({})", vec!["?"; columns.len()].join(","));
    let mut params: Vec<&dyn ToSql> = Vec::with_capacity(columns.len() * ROWS_PER_STATEMENT);
    let mut done = 0;
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        // Table and column names are fixed by the callers, never user data.
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {}",
            columns.join(", "),
            vec![one_row.as_str(); chunk.len()].join(",")
        );
        params.clear();
        for row in chunk {
            values(row, &mut params);
        }
        tx.prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(params.iter()))?;
        done += chunk.len();
        progress(done);
    }
    Ok(())
}

/// One value of a list field of a new contact, ready to insert.
struct ListRow<'a> {
    contact_id: i64,
    position: i64,
    value: &'a str,
    digits: String,
}

/// The columns an import fills in `contacts` (the others keep their defaults).
const CONTACT_COLUMNS: &[&str] = &[
    "id",
    "uid",
    "display_name",
    "given_name",
    "family_name",
    "company",
    "title",
    "birthday",
    "circle",
    "notes",
    "paused",
    "created_on",
    "source",
];

/// The triggers that fire when a contact or one of its emails, phones,
/// interests or tags is inserted. With sync off and no merged-away UIDs (the
/// usual case), only the search queue's (migration 7) and the id high-water
/// mark's (migration 11) do anything, and [`insert_new`] does their work with
/// one statement each instead of one per row; otherwise the triggers run.
/// A test holds this list to the schema, so that a new trigger cannot be
/// skipped unnoticed.
#[cfg_attr(not(test), allow(dead_code))]
const INSERT_TRIGGERS: &[&str] = &[
    "contact_search_after_insert",
    "contact_search_email_insert",
    "contact_search_interest_insert",
    "contact_search_tag_insert",
    "contacts_id_high_water",
    "sync_contact_insert",
    "sync_email_insert",
    "sync_interest_insert",
    "sync_merged_contact_back",
    "sync_phone_insert",
    "sync_tag_insert",
];

/// Whether the sync triggers among [`INSERT_TRIGGERS`] would do nothing for
/// new contacts: tracking is off (it is on once sync is set up), and no UID
/// is remembered as merged away (`sync_merged_contact_back` fires on those).
fn sync_triggers_idle(tx: &Transaction<'_>) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT (SELECT tracking FROM sync_control) IS NOT 1
                AND NOT EXISTS (SELECT 1 FROM sync_merged_uids)",
        )?
        .query_row([], |r| r.get(0))?)
}

/// Inserts the new contacts with ids from `first_id` on, then their lists,
/// many rows a statement. The search index only queues them (it is written
/// once, at the commit), so they go straight into their tables.
///
/// A trigger that fires per row costs about as much as writing the row: when
/// the sync triggers would do nothing (see [`INSERT_TRIGGERS`]), triggers are
/// off while the rows are written, and what the others do for every row —
/// queue the contact for the search index, raise the id high-water mark — is
/// done once for all of them.
fn insert_new(
    tx: &Transaction<'_>,
    recorder: &mut Recorder<'_, '_>,
    new: &[&Candidate],
    first_id: i64,
    progress: &mut dyn FnMut(usize),
) -> Result<()> {
    if new.is_empty() {
        return Ok(());
    }
    if !sync_triggers_idle(tx)? {
        return insert_new_rows(tx, recorder, new, first_id, progress);
    }
    let off = TriggersOff::new(tx)?;
    insert_new_rows(tx, recorder, new, first_id, progress)?;
    off.restore()?;
    let last_id = first_id + new.len() as i64 - 1;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO search_queue_contacts (contact_id)
         SELECT id FROM contacts WHERE id BETWEEN ?1 AND ?2",
    )?
    .execute([first_id, last_id])?;
    tx.prepare_cached(
        "UPDATE id_high_water SET last_id = ?1 WHERE name = 'contacts' AND last_id < ?1",
    )?
    .execute([last_id])?;
    Ok(())
}

/// Triggers off on a connection until dropped: they come back on however the
/// writing ends (an error, a panic caught further up), as they are the
/// schema's, not the import's, and the connection lives on.
struct TriggersOff<'c> {
    conn: &'c Connection,
}

impl<'c> TriggersOff<'c> {
    fn new(conn: &'c Connection) -> Result<Self> {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
        Ok(TriggersOff { conn })
    }

    /// Triggers on again, saying if that failed.
    fn restore(self) -> Result<()> {
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
        Ok(())
    }
}

impl Drop for TriggersOff<'_> {
    fn drop(&mut self) {
        // After an error (or after `restore`, again and harmlessly): a failure
        // here has no one left to report it to.
        let _ = self
            .conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true);
    }
}

/// The rows of [`insert_new`].
fn insert_new_rows(
    tx: &Transaction<'_>,
    recorder: &mut Recorder<'_, '_>,
    new: &[&Candidate],
    first_id: i64,
    progress: &mut dyn FnMut(usize),
) -> Result<()> {
    insert_new_contacts(tx, new, first_id, progress)?;
    // The journal records the new contacts' rows: undoing the import deletes
    // them, and their lists go with them (ON DELETE CASCADE), so the lists
    // need no record of their own.
    recorder.pause();
    let lists = insert_new_lists(tx, new, first_id);
    recorder.resume();
    lists
}

/// The `contacts` rows of [`insert_new`].
fn insert_new_contacts(
    tx: &Transaction<'_>,
    new: &[&Candidate],
    first_id: i64,
    progress: &mut dyn FnMut(usize),
) -> Result<()> {
    struct ContactRow<'a> {
        id: i64,
        c: &'a Candidate,
        birthday: Option<String>,
        created_on: String,
        circle: &'static str,
        source: &'static str,
    }
    let rows: Vec<ContactRow<'_>> = new
        .iter()
        .enumerate()
        .map(|(n, c)| ContactRow {
            id: first_id + n as i64,
            c,
            birthday: c.data.birthday.map(|b| b.to_string()),
            created_on: c.created_on.to_string(),
            circle: c.data.circle.as_str(),
            source: c.data.source.as_str(),
        })
        .collect();
    insert_rows(
        tx,
        "contacts",
        CONTACT_COLUMNS,
        &rows,
        |r, out| {
            let d = &r.c.data;
            out.extend([
                &r.id as &dyn ToSql,
                &r.c.uid,
                &d.name,
                &d.given_name,
                &d.family_name,
                &d.company,
                &d.title,
                &r.birthday,
                &r.circle,
                &d.notes,
                &r.c.paused,
                &r.created_on,
                &r.source,
            ])
        },
        progress,
    )
}

/// The emails, phones, interests and tags of [`insert_new`].
fn insert_new_lists(tx: &Transaction<'_>, new: &[&Candidate], first_id: i64) -> Result<()> {
    let id_of = |n: usize| first_id + n as i64;
    let mut no_progress = |_: usize| {};
    for (table, column, pick) in [
        ("contact_emails", "email", 0),
        ("contact_phones", "phone", 1),
        ("contact_interests", "interest", 2),
        ("contact_tags", "tag", 3),
    ] {
        let rows: Vec<ListRow<'_>> = new
            .iter()
            .enumerate()
            .flat_map(|(n, c)| {
                let list = match pick {
                    0 => &c.data.emails,
                    1 => &c.data.phones,
                    2 => &c.data.interests,
                    _ => &c.data.tags,
                };
                list.iter()
                    .enumerate()
                    .map(move |(position, value)| ListRow {
                        contact_id: id_of(n),
                        position: position as i64,
                        value,
                        digits: if pick == 1 {
                            phone_digits(value)
                        } else {
                            String::new()
                        },
                    })
            })
            .collect();
        if pick == 1 {
            insert_rows(
                tx,
                table,
                &["contact_id", "position", column, "digits"],
                &rows,
                |r, out| {
                    out.extend([
                        &r.contact_id as &dyn ToSql,
                        &r.position,
                        &r.value,
                        &r.digits,
                    ])
                },
                &mut no_progress,
            )?;
        } else {
            insert_rows(
                tx,
                table,
                &["contact_id", "position", column],
                &rows,
                |r, out| out.extend([&r.contact_id as &dyn ToSql, &r.position, &r.value]),
                &mut no_progress,
            )?;
        }
    }
    Ok(())
}

/// Writes what a merge added to an existing contact: filled fields, appended
/// notes and new list items (stored items keep their rows).
fn update_merged(tx: &rusqlite::Transaction<'_>, id: i64, c: &Candidate) -> Result<()> {
    let d = &c.data;
    tx.prepare_cached(
        "UPDATE contacts SET company = ?2, title = ?3, birthday = ?4, notes = ?5 WHERE id = ?1",
    )?
    .execute(params![
        id,
        d.company,
        d.title,
        d.birthday.map(|b| b.to_string()),
        d.notes
    ])?;
    let [emails, phones, interests, tags] = c.stored;
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
    for (position, tag) in d.tags.iter().enumerate().skip(tags) {
        tx.prepare_cached(
            "INSERT INTO contact_tags (contact_id, position, tag) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, position as i64, tag])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_profiles_are_read_from_urls_and_notes() {
        assert_eq!(
            linkedin_profiles("LinkedIn: https://www.LinkedIn.com/in/Anna-Schmidt-1/?trk=x"),
            ["anna-schmidt-1"]
        );
        assert_eq!(
            linkedin_profiles("a linkedin.com/in/x and http://linkedin.com/in/y"),
            ["x", "y"]
        );
        assert!(linkedin_profiles("no profile").is_empty());
    }

    #[test]
    fn one_number_written_internationally_and_nationally_is_one_phone() {
        assert!(same_phone("+61 412 555 019", "0412 555 019"));
        assert!(same_phone("0412-555-019", "0061 412 555 019"));
        assert!(same_phone("+44 20 7946 0958", "020 7946 0958"));
        assert!(same_phone("(555) 010-0199", "555.010.0199"));
        assert!(same_phone("+1 519-555-0178", "519-555-0178"));
        assert!(same_phone("519 555 0178", "1-519-555-0178"));
        assert!(!same_phone("+1 519-555-0178", "519-555-0179"));
        // Two numbers written internationally compare by their digits alone.
        assert!(!same_phone("+61 412 555 019", "+1 412 555 019"));
        assert!(!same_phone("+61 412 555 019", "0412 555 018"));
        assert!(!same_phone("+61 412 555 019", "412 555 019"));
    }

    #[test]
    fn every_insert_trigger_on_a_contact_is_known() {
        let store = Store::open_in_memory().unwrap();
        let mut found: Vec<String> = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'
                 AND tbl_name IN ('contacts', 'contact_emails', 'contact_phones',
                                  'contact_interests', 'contact_tags')
                 AND sql LIKE '% INSERT ON %'",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        found.sort();
        assert_eq!(found, INSERT_TRIGGERS);
    }

    fn import_sample(store: &mut Store, cards: usize) -> ImportSummary {
        let text = crate::interop::sample::vcards_3_0(cards, 0, 3);
        let parsed = crate::interop::importer(Format::Vcard)
            .parse(&text, Path::new("sample.vcf"))
            .unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        store
            .import_contacts(Format::Vcard, &parsed, today, false, &mut |_, _| {})
            .unwrap()
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn new_contacts_leave_what_their_triggers_would() {
        // Sync off: the triggers' work is done once for all the new contacts.
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(import_sample(&mut store, 30).added, 30);
        assert_eq!(
            count(
                &store,
                "SELECT last_id FROM id_high_water WHERE name = 'contacts'"
            ),
            count(&store, "SELECT max(id) FROM contacts")
        );
        assert_eq!(count(&store, "SELECT count(*) FROM contact_search"), 30);
        assert_eq!(
            count(&store, "SELECT count(*) FROM search_queue_contacts"),
            0
        );
        // Triggers are on again for what follows.
        assert!(store
            .conn
            .db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER)
            .unwrap());
        // Sync on: the triggers run, and every new contact is marked to send.
        let mut store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute("UPDATE sync_control SET tracking = 1", [])
            .unwrap();
        assert_eq!(import_sample(&mut store, 30).added, 30);
        assert_eq!(
            count(
                &store,
                "SELECT count(*) FROM sync_dirty WHERE entity = 'contact'"
            ),
            30
        );
        assert_eq!(
            count(
                &store,
                "SELECT count(*) FROM sync_field_times WHERE field = 'emails'"
            ),
            30
        );
        assert_eq!(count(&store, "SELECT count(*) FROM contact_search"), 30);
        assert_eq!(
            count(
                &store,
                "SELECT last_id FROM id_high_water WHERE name = 'contacts'"
            ),
            count(&store, "SELECT max(id) FROM contacts")
        );
    }

    #[test]
    fn companies_compare_without_case_and_punctuation() {
        assert_eq!(company_key("Acme, Inc."), company_key("ACME Inc"));
        assert_ne!(company_key("Acme"), company_key("Globex"));
    }
}
