//! Merging two contacts that are one person.
//!
//! KEEP stays and OTHER goes: KEEP's empty fields are filled from OTHER, lists are
//! unioned, notes are joined, and every interaction, promise and ping action of
//! OTHER moves to KEEP. Where both have a different value, KEEP's wins and
//! OTHER's is written into the notes, so nothing the user wrote is lost. OTHER's
//! id keeps resolving to KEEP through `contact_redirects`.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::Serialize;

use super::contacts::{phone_digits, PreparedContact};
use super::edit::{append_paragraph, rewrite_contact};
use super::Store;
use crate::error::{Error, Result};
use crate::model::Contact;

/// What a merge did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeReport {
    /// The contact that stays.
    pub keep: i64,
    /// Its name.
    pub keep_name: String,
    /// The contact merged into it (gone afterwards; its id resolves to `keep`).
    pub other: i64,
    /// Its name.
    pub other_name: String,
    /// Fields of KEEP that were empty and were filled from OTHER.
    pub filled: Vec<String>,
    /// Fields where both had a different value: KEEP's stays, OTHER's goes to the notes.
    pub conflicts: Vec<FieldConflict>,
    /// Emails, phones, interests and tags that OTHER adds.
    pub added: Vec<String>,
    /// Interactions moved to KEEP.
    pub interactions_moved: usize,
    /// Promises moved to KEEP.
    pub promises_moved: usize,
    /// Ping actions (done, snoozed, skipped) moved to KEEP.
    pub actions_moved: usize,
    /// Nothing was written.
    pub dry_run: bool,
}

/// A field where the two contacts disagreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldConflict {
    /// The field.
    pub field: String,
    /// KEEP's value, which stays.
    pub kept: String,
    /// OTHER's value, now in the notes.
    pub other: String,
}

impl Store {
    /// Merges contact `other` into contact `keep` (see the module's documentation).
    /// With `dry_run` nothing is written.
    pub fn merge_contacts(
        &mut self,
        keep: i64,
        other: i64,
        dry_run: bool,
        today: NaiveDate,
    ) -> Result<MergeReport> {
        if keep == other {
            return Err(Error::MergeWithItself(keep));
        }
        let kept = self.live_contact(keep)?;
        let gone = self.live_contact(other)?;
        let (merged, mut report) = combine(&kept, &gone, today);
        report.interactions_moved = self.count_rows("interactions", other)?;
        report.promises_moved = self.count_rows("promises", other)?;
        report.actions_moved = self.count_rows("ping_actions", other)?;
        report.dry_run = dry_run;
        if dry_run {
            return Ok(report);
        }
        let earliest = kept.created_on.min(gone.created_on).to_string();
        let paused = kept.paused;
        let label = format!(
            "Merged {} (#{other}) into {} (#{keep})",
            gone.name, kept.name
        );
        self.write(&label, |tx| {
            fold_into(tx, keep, other)?;
            rewrite_contact(tx, keep, &merged)?;
            tx.execute(
                "UPDATE contacts SET created_on = ?2, paused = ?3 WHERE id = ?1",
                params![keep, earliest, paused],
            )?;
            Ok(())
        })?;
        Ok(report)
    }

    fn count_rows(&self, table: &str, contact_id: i64) -> Result<usize> {
        // `table` is one of three fixed names.
        let n: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE contact_id = ?1"),
            [contact_id],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }
}

/// KEEP and OTHER combined, and the report of what changed (counts left at 0).
fn combine(keep: &Contact, other: &Contact, today: NaiveDate) -> (PreparedContact, MergeReport) {
    let mut filled = Vec::new();
    let mut conflicts = Vec::new();
    let mut single =
        |field: &str, mine: &Option<String>, theirs: &Option<String>| match (mine, theirs) {
            (None, Some(t)) => {
                filled.push(field.to_owned());
                Some(t.clone())
            }
            (Some(m), Some(t)) if !m.eq_ignore_ascii_case(t) => {
                conflicts.push(FieldConflict {
                    field: field.to_owned(),
                    kept: m.clone(),
                    other: t.clone(),
                });
                Some(m.clone())
            }
            _ => mine.clone(),
        };
    let name = single("name", &Some(keep.name.clone()), &Some(other.name.clone()))
        .unwrap_or_else(|| keep.name.clone());
    let company = single("company", &keep.company, &other.company);
    let title = single("title", &keep.title, &other.title);
    let birthday = single(
        "birthday",
        &keep.birthday.map(|b| b.to_string()),
        &other.birthday.map(|b| b.to_string()),
    );
    let circle = single(
        "circle",
        &Some(keep.circle.to_string()),
        &Some(other.circle.to_string()),
    );
    // Given and family names follow the name that stays.
    let (given_name, family_name) = if keep.given_name.is_empty() && keep.family_name.is_empty() {
        (other.given_name.clone(), other.family_name.clone())
    } else {
        (keep.given_name.clone(), keep.family_name.clone())
    };

    let mut added = Vec::new();
    let emails = union(
        &keep.emails,
        &other.emails,
        |e| e.to_lowercase(),
        &mut added,
    );
    let phones = union(&keep.phones, &other.phones, phone_digits, &mut added);
    let interests = union(
        &keep.interests,
        &other.interests,
        |i| i.to_lowercase(),
        &mut added,
    );
    let tags = union(&keep.tags, &other.tags, |t| t.to_lowercase(), &mut added);

    let mut notes = keep.notes.clone();
    let theirs = other.notes.trim();
    if !theirs.is_empty() && !notes.contains(theirs) {
        notes = append_paragraph(&notes, theirs);
    }
    if !conflicts.is_empty() {
        let differences = conflicts
            .iter()
            .map(|c| format!("{} {}", c.field, c.other))
            .collect::<Vec<_>>()
            .join("; ");
        notes = append_paragraph(
            &notes,
            &format!(
                "Merged with {} (#{}) on {today}; theirs differed: {differences}.",
                other.name, other.id
            ),
        );
    }
    let merged = PreparedContact {
        name,
        given_name,
        family_name,
        emails,
        phones,
        company,
        title,
        birthday: birthday.and_then(|b| b.parse().ok()),
        circle: circle.and_then(|c| c.parse().ok()).unwrap_or(keep.circle),
        interests,
        tags,
        notes,
        source: keep.source.unwrap_or(crate::model::Source::Manual),
    };
    let report = MergeReport {
        keep: keep.id,
        keep_name: keep.name.clone(),
        other: other.id,
        other_name: other.name.clone(),
        filled,
        conflicts,
        added,
        interactions_moved: 0,
        promises_moved: 0,
        actions_moved: 0,
        dry_run: false,
    };
    (merged, report)
}

fn union(
    mine: &[String],
    theirs: &[String],
    key: impl Fn(&str) -> String,
    added: &mut Vec<String>,
) -> Vec<String> {
    let mut out = mine.to_vec();
    for value in theirs {
        if !out.iter().any(|v| key(v) == key(value)) {
            out.push(value.clone());
            added.push(value.clone());
        }
    }
    out
}

/// Moves `other`'s history (interactions, promises, ping actions) to `keep`,
/// removes `other` and leaves its id behind as a redirect to `keep` (ids that
/// already redirected to `other` now go to `keep`). The card fields are the
/// caller's to merge.
pub(crate) fn fold_into(tx: &Transaction<'_>, keep: i64, other: i64) -> Result<()> {
    for table in ["interactions", "promises", "ping_actions"] {
        // Table names come from this fixed list.
        tx.execute(
            &format!("UPDATE {table} SET contact_id = ?1 WHERE contact_id = ?2"),
            params![keep, other],
        )?;
    }
    tx.execute(
        "UPDATE contact_redirects SET new_id = ?1 WHERE new_id = ?2",
        params![keep, other],
    )?;
    tx.execute("DELETE FROM contacts WHERE id = ?1", [other])?;
    tx.execute(
        "INSERT INTO contact_redirects (old_id, new_id) VALUES (?1, ?2)",
        params![other, keep],
    )?;
    Ok(())
}
