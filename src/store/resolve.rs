//! Name resolution: the one contact a user means by what they typed.
//!
//! Every command that takes a CONTACT goes through [`Store::resolve_contact`].
//! In order, the first rule that finds someone decides:
//!
//! 1. an id (`12` or `#12`); the id of a contact merged into another leads to
//!    that one (`contact_redirects`); a trashed contact's id says so;
//! 2. an email address (any case);
//! 3. a full name (any case, any accents: `lea dubois` is Léa Dubois);
//! 4. name words (`Patel`), then name-word prefixes (`Raj`, `le du`);
//! 5. a nickname kept in the notes (`Nickname: Robbo`, as imports keep them).
//!
//! Several contacts at one rule → [`Error::AmbiguousContact`] listing some;
//! nobody → [`Error::NoContactMatch`] with the closest names, or, when the
//! name is that of a contact in the trash, [`Error::ContactInTrash`] saying so.
//! Name matching uses the search index's `name` column, so it folds case and
//! accents exactly as search does.

use std::fmt;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;

use super::search::prefix_phrases;
use super::Store;
use crate::error::{Error, Result};

/// How many candidates an ambiguity error lists.
pub const CANDIDATES_LISTED: usize = 5;

/// How many names "did you mean" offers.
const SUGGESTIONS: usize = 3;

/// How alike (Jaro–Winkler, 0–1) a name must be to what was typed to be suggested.
const SUGGESTION_THRESHOLD: f64 = 0.8;

/// Merges can chain (A into B, B into C); a cycle cannot happen, but is cut short.
const MAX_REDIRECTS: usize = 32;

/// A contact named in a message: `#12 Léa Dubois (Acme)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRef {
    /// The contact's id.
    pub id: i64,
    /// Their name.
    pub name: String,
    /// Their company, if known.
    pub company: Option<String>,
}

impl fmt::Display for ContactRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{} {}", self.id, self.name)?;
        match &self.company {
            Some(company) => write!(f, " ({company})"),
            None => Ok(()),
        }
    }
}

impl Store {
    /// Finds the one contact a user means: an id (`12`, `#12`; a merged
    /// contact's old id leads to the one it went into), an email, a full name,
    /// then a unique name word, then unique starts of name words — case and
    /// accents aside. Several at one step → [`Error::AmbiguousContact`]; none →
    /// [`Error::NoContactMatch`] with the closest names; a trashed contact's id
    /// → [`Error::ContactInTrash`].
    pub fn resolve_contact(&self, query: &str) -> Result<i64> {
        if let Some(id) = self.resolve_exactly(query)? {
            return Ok(id);
        }
        let q = query.trim();
        let words = prefix_phrases(q);
        if !words.is_empty() {
            let exact: Vec<String> = words
                .iter()
                .map(|w| w.trim_end_matches('*').to_owned())
                .collect();
            for fts in [
                format!("name : ({})", exact.join(" ")),
                format!("name : ({})", words.join(" ")),
            ] {
                let ids: Vec<i64> = self
                    .name_matches(&fts)?
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect();
                if !ids.is_empty() {
                    return self.one_of(query, ids);
                }
            }
        }
        let ids = self.nickname_matches(q)?;
        if !ids.is_empty() {
            return self.one_of(query, ids);
        }
        if let Some(trashed) = self.trashed_match(query)? {
            return Err(trashed);
        }
        let suggestions = self.closest_names(q)?;
        Err(self.no_match(query, suggestions))
    }

    /// The live contacts a new contact named `name` might be confused with: those
    /// with the same name, or whose name has all its words (`Omar` beside Omar
    /// Farouk). At most [`CANDIDATES_LISTED`], by id.
    pub fn namesakes(&self, name: &str) -> Result<Vec<ContactRef>> {
        let words: Vec<String> = prefix_phrases(name)
            .iter()
            .map(|w| w.trim_end_matches('*').to_owned())
            .collect();
        let mut ids: Vec<i64> = if words.is_empty() {
            self.contacts_named(name, None)?
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        } else {
            self.name_matches(&format!("name : ({})", words.join(" ")))?
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        };
        ids.truncate(CANDIDATES_LISTED);
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            found.extend(self.contact_ref(id)?);
        }
        Ok(found)
    }

    /// The contacts in the trash that `query` names (an email, a full name, or
    /// name words and their starts, any case or accents), by id.
    pub fn trashed_matching(&self, query: &str) -> Result<Vec<(ContactRef, NaiveDate)>> {
        let q = query.trim();
        let typed = fold(q);
        let typed_words: Vec<&str> = typed.split_whitespace().collect();
        if typed_words.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.display_name, c.company, c.deleted_on,
                    EXISTS (SELECT 1 FROM contact_emails e
                            WHERE e.contact_id = c.id AND e.email = ?1 COLLATE NOCASE)
             FROM contacts c WHERE c.deleted_on IS NOT NULL ORDER BY c.id",
        )?;
        let rows = stmt
            .query_map([q], |r| {
                Ok((
                    ContactRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        company: r.get(2)?,
                    },
                    r.get::<_, String>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut whole = Vec::new();
        let mut by_words = Vec::new();
        for (contact, deleted_on, email_matches) in rows {
            let Ok(deleted_on) = deleted_on.parse::<NaiveDate>() else {
                continue;
            };
            let name = fold(&contact.name);
            if email_matches || name == typed {
                whole.push((contact, deleted_on));
            } else {
                let name_words: Vec<&str> = name.split_whitespace().collect();
                if typed_words
                    .iter()
                    .all(|t| name_words.iter().any(|n| n.starts_with(t)))
                {
                    by_words.push((contact, deleted_on));
                }
            }
        }
        Ok(if whole.is_empty() { by_words } else { whole })
    }

    /// When `query` names no live contact but names some in the trash: the
    /// error that says so and how to bring them back.
    fn trashed_match(&self, query: &str) -> Result<Option<Error>> {
        let mut found = self.trashed_matching(query)?;
        Ok(match found.len() {
            0 => None,
            1 => {
                let (contact, deleted_on) = found.remove(0);
                Some(Error::ContactInTrash {
                    id: contact.id,
                    name: contact.name,
                    deleted_on: Some(deleted_on),
                })
            }
            count => Some(Error::OnlyInTrash {
                query: query.to_owned(),
                count,
                candidates: found
                    .into_iter()
                    .take(CANDIDATES_LISTED)
                    .map(|(c, _)| c)
                    .collect(),
            }),
        })
    }

    /// The contact in the trash that `query` means, for `restore`: an id (`12`,
    /// `#12`; a live contact's id is [`Error::NotInTrash`]), or an email or a
    /// name of a contact in the trash (several → [`Error::AmbiguousContact`]).
    pub fn resolve_trashed_contact(&self, query: &str) -> Result<i64> {
        let q = query.trim();
        if let Ok(id) = q.strip_prefix('#').unwrap_or(q).parse::<i64>() {
            return Ok(id);
        }
        let mut found = self.trashed_matching(q)?;
        match found.len() {
            0 => {}
            1 => return Ok(found.remove(0).0.id),
            count => {
                return Err(Error::AmbiguousContact {
                    query: query.to_owned(),
                    count,
                    candidates: found
                        .into_iter()
                        .take(CANDIDATES_LISTED)
                        .map(|(c, _)| c)
                        .collect(),
                })
            }
        }
        // Not in the trash: a live contact of that name says so by name.
        if let Ok(id) = self.resolve_contact(q) {
            if let Some(contact) = self.contact_ref(id)? {
                return Err(Error::NotInTrash {
                    id,
                    name: contact.name,
                });
            }
        }
        Err(Error::NothingInTrash(query.to_owned()))
    }

    /// Like [`Store::resolve_contact`] with rules 1–3 only (an id, an email, a
    /// full name): for commands that create the contact when it is not found
    /// (`log --new`), where "Anna Smith" must not turn out to be Anna Smithson.
    pub fn resolve_contact_exactly(&self, query: &str) -> Result<i64> {
        match self.resolve_exactly(query)? {
            Some(id) => Ok(id),
            None => Err(self.no_match(query, Vec::new())),
        }
    }

    /// Rules 1–3: `None` when none of them finds anyone.
    fn resolve_exactly(&self, query: &str) -> Result<Option<i64>> {
        let q = query.trim();
        if q.is_empty() {
            return Ok(None);
        }
        if let Ok(id) = q.strip_prefix('#').unwrap_or(q).parse::<i64>() {
            return self.resolve_id(id, query).map(Some);
        }
        if q.contains('@') {
            let ids = self.ids(
                "SELECT DISTINCT c.id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
                 WHERE e.email = ?1 COLLATE NOCASE AND c.deleted_on IS NULL ORDER BY c.id",
                q,
            )?;
            if !ids.is_empty() {
                return self.one_of(query, ids).map(Some);
            }
        }
        let ids = self.ids(
            "SELECT id FROM contacts WHERE display_name = ?1 COLLATE NOCASE AND deleted_on IS NULL
             ORDER BY id",
            q,
        )?;
        if !ids.is_empty() {
            return self.one_of(query, ids).map(Some);
        }
        if prefix_phrases(q).is_empty() {
            return Ok(None);
        }
        // The full name, folded: the same words in the same order, and no more.
        let phrase = format!("name : \"{}\"", q.replace('"', "\"\""));
        let ids: Vec<i64> = self
            .name_matches(&phrase)?
            .into_iter()
            .filter(|(_, name)| token_count(name) == token_count(q))
            .map(|(id, _)| id)
            .collect();
        if ids.is_empty() {
            Ok(None)
        } else {
            self.one_of(query, ids).map(Some)
        }
    }

    /// A contact by id, following merges; a trashed contact is an error that says so.
    fn resolve_id(&self, id: i64, query: &str) -> Result<i64> {
        let mut id = id;
        for _ in 0..MAX_REDIRECTS {
            let found: Option<Option<String>> = self
                .conn
                .prepare_cached("SELECT deleted_on FROM contacts WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            match found {
                Some(None) => return Ok(id),
                Some(Some(ref found)) => {
                    let contact = self.contact_ref(id)?;
                    return Err(Error::ContactInTrash {
                        id,
                        name: contact.map(|c| c.name).unwrap_or_default(),
                        deleted_on: deleted_on_of(found),
                    });
                }
                None => {}
            }
            let next: Option<i64> = self
                .conn
                .prepare_cached("SELECT new_id FROM contact_redirects WHERE old_id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            match next {
                Some(next) => id = next,
                None => break,
            }
        }
        Err(Error::ContactNotFound(query.to_owned()))
    }

    /// The single id, or an ambiguity error listing the first few.
    fn one_of(&self, query: &str, ids: Vec<i64>) -> Result<i64> {
        if let [id] = ids.as_slice() {
            return Ok(*id);
        }
        let mut candidates = Vec::new();
        for &id in ids.iter().take(CANDIDATES_LISTED) {
            candidates.extend(self.contact_ref(id)?);
        }
        Err(Error::AmbiguousContact {
            query: query.to_owned(),
            count: ids.len(),
            candidates,
        })
    }

    fn ids(&self, sql: &str, value: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let ids = stmt
            .query_map([value], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// Live contacts known by `typed` as a nickname: a `Nickname: Robbo` line in
    /// their notes (where imports keep nicknames), any case and accents.
    fn nickname_matches(&self, typed: &str) -> Result<Vec<i64>> {
        let wanted = fold(typed);
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, notes FROM contacts
             WHERE deleted_on IS NULL AND notes LIKE '%nickname:%' ORDER BY id",
        )?;
        let mut ids = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let notes: String = row.get(1)?;
            let known_as = crate::model::nickname_lines(&notes)
                .any(|values| values.split(',').any(|nick| fold(nick) == wanted));
            if known_as {
                ids.push(row.get(0)?);
            }
        }
        Ok(ids)
    }

    /// Live contacts whose indexed name matches an FTS5 query, by id, with their names.
    fn name_matches(&self, fts: &str) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            // The join keeps out a contact trashed by a write that has not been
            // indexed yet (only writes from outside keepwarm can leave one).
            "SELECT s.rowid, s.name FROM contact_search s
             JOIN contacts c ON c.id = s.rowid AND c.deleted_on IS NULL
             WHERE contact_search MATCH ?1 ORDER BY s.rowid",
        )?;
        let found = stmt
            .query_map([fts], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(found)
    }

    fn contact_ref(&self, id: i64) -> Result<Option<ContactRef>> {
        Ok(self
            .conn
            .prepare_cached("SELECT display_name, company FROM contacts WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(ContactRef {
                    id,
                    name: r.get(0)?,
                    company: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// The live contacts whose names are most like `typed` (whole name or word by word).
    fn closest_names(&self, typed: &str) -> Result<Vec<ContactRef>> {
        let typed = fold(typed);
        let typed_words: Vec<&str> = typed.split_whitespace().collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, display_name, company FROM contacts WHERE deleted_on IS NULL",
        )?;
        let mut scored: Vec<(f64, ContactRef)> = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let name: String = row.get(1)?;
            let score = likeness(&typed, &typed_words, &fold(&name));
            if score >= SUGGESTION_THRESHOLD {
                scored.push((
                    score,
                    ContactRef {
                        id: row.get(0)?,
                        name,
                        company: row.get(2)?,
                    },
                ));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        scored.truncate(SUGGESTIONS);
        Ok(scored.into_iter().map(|(_, c)| c).collect())
    }

    fn no_match(&self, query: &str, suggestions: Vec<ContactRef>) -> Error {
        Error::NoContactMatch {
            query: query.to_owned(),
            suggestions,
        }
    }
}

/// A stored `deleted_on` as a date (`None` if it is not one).
fn deleted_on_of(stored: &str) -> Option<NaiveDate> {
    stored.parse().ok()
}

/// How alike a typed name is to a stored one, both folded: the better of the
/// whole names compared and each typed word against its closest name word.
fn likeness(typed: &str, typed_words: &[&str], name: &str) -> f64 {
    let whole = strsim::jaro_winkler(typed, name);
    if typed_words.is_empty() {
        return whole;
    }
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let by_word = typed_words
        .iter()
        .map(|t| {
            name_words
                .iter()
                .map(|n| strsim::jaro_winkler(t, n))
                .fold(0.0, f64::max)
        })
        .sum::<f64>()
        / typed_words.len() as f64;
    whole.max(by_word)
}

/// Lower case without accents or punctuation, for comparing names: `Léa O'Brien`
/// → `lea o brien`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.push(base);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many words (runs of letters and digits) a name has, as the index counts them.
fn token_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewContact;
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
    }

    fn add(store: &mut Store, name: &str, email: &str, company: Option<&str>) -> i64 {
        store
            .add_contact(
                &NewContact {
                    name: name.into(),
                    emails: vec![email.into()]
                        .into_iter()
                        .filter(|e: &String| !e.is_empty())
                        .collect(),
                    company: company.map(str::to_owned),
                    ..Default::default()
                },
                day(),
            )
            .unwrap()
    }

    #[test]
    fn resolve_by_id_email_and_name() {
        let mut store = Store::open_in_memory().unwrap();
        let a = add(&mut store, "Sam Reed", "sam@a.com", None);
        let b = add(&mut store, "Sam Reed", "sam@b.com", None);
        assert_eq!(store.resolve_contact(&a.to_string()).unwrap(), a);
        assert_eq!(store.resolve_contact(&format!("#{b}")).unwrap(), b);
        assert_eq!(store.resolve_contact("SAM@B.COM").unwrap(), b);
        let err = store.resolve_contact("sam reed").unwrap_err().to_string();
        assert!(err.contains("matches 2 contacts"), "{err}");
        assert!(matches!(
            store.resolve_contact("Nobody"),
            Err(Error::NoContactMatch { .. })
        ));
        assert!(matches!(
            store.resolve_contact("999"),
            Err(Error::ContactNotFound(_))
        ));
    }

    #[test]
    fn a_nickname_kept_in_the_notes_finds_its_contact() {
        let mut store = Store::open_in_memory().unwrap();
        let paul = add(&mut store, "Paul Roberts", "paul@a.com", None);
        let jo = add(&mut store, "Joanne Harper", "jo@a.com", None);
        let notes = |nick: &str| super::super::edit::ContactEdit {
            notes: Some(format!("Met at the expo.\nNickname: {nick}")),
            ..Default::default()
        };
        store.edit_contact(paul, &notes("Robbo"), day()).unwrap();
        store.edit_contact(jo, &notes("Jo, Jojo"), day()).unwrap();
        assert_eq!(store.resolve_contact("robbo").unwrap(), paul);
        assert_eq!(store.resolve_contact("Jojo").unwrap(), jo);
        // A name still wins, and a word inside a note is no nickname.
        assert_eq!(store.resolve_contact("Paul").unwrap(), paul);
        assert!(matches!(
            store.resolve_contact("expo"),
            Err(Error::NoContactMatch { .. })
        ));
    }

    #[test]
    fn names_match_without_case_accents_or_whole_words() {
        let mut store = Store::open_in_memory().unwrap();
        let lea = add(&mut store, "Léa Dubois", "", Some("Acme"));
        let raj = add(&mut store, "Raj Patel", "", None);
        let rajesh = add(&mut store, "Rajesh Kumar", "", None);
        let _leandro = add(&mut store, "Leandro Costa", "", None);
        assert_eq!(store.resolve_contact("lea dubois").unwrap(), lea);
        assert_eq!(store.resolve_contact("LÉA").unwrap(), lea);
        assert_eq!(store.resolve_contact("Patel").unwrap(), raj);
        // A whole word wins over a prefix of a longer name.
        assert_eq!(store.resolve_contact("raj").unwrap(), raj);
        assert_eq!(store.resolve_contact("Rajes").unwrap(), rajesh);
        assert_eq!(store.resolve_contact("le du").unwrap(), lea);
        let err = store.resolve_contact("le").unwrap_err();
        assert!(
            matches!(&err, Error::AmbiguousContact { count: 2, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("#1 Léa Dubois (Acme)"), "{err}");
        // Exactly: full names only.
        assert_eq!(store.resolve_contact_exactly("LEA DUBOIS").unwrap(), lea);
        assert!(matches!(
            store.resolve_contact_exactly("Raj P"),
            Err(Error::NoContactMatch { .. })
        ));
    }

    #[test]
    fn no_match_suggests_the_closest_names() {
        let mut store = Store::open_in_memory().unwrap();
        add(&mut store, "Léa Dubois", "", Some("Acme"));
        add(&mut store, "Raj Patel", "", None);
        let err = store.resolve_contact("Lea Dubios").unwrap_err().to_string();
        assert!(err.contains("did you mean #1 Léa Dubois (Acme)"), "{err}");
        let err = store.resolve_contact("Patle").unwrap_err().to_string();
        assert!(err.contains("#2 Raj Patel"), "{err}");
        let err = store.resolve_contact("Zzyzx").unwrap_err().to_string();
        assert!(!err.contains("did you mean"), "{err}");
    }

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("  Léa  O'Brien-Núñez "), "lea o brien nunez");
        assert_eq!(token_count("Zoë \"Z\" O'Brien"), 4);
    }
}
