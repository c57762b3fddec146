//! The CSV exports of LinkedIn, Google Contacts and Outlook, read with the `csv`
//! crate. Columns are found by their header names, so column order and extra
//! columns do not matter.

use std::path::Path;

use chrono::NaiveDate;

use super::dates::{birthday_or_warning, read_birthday, DateReading};
use super::{fallback_name, join_names, Format, ImportedContact, Importer, ParsedFile, Skipped};
use crate::error::{Error, Result};
use crate::model::{is_email, Circle, NewContact};

/// Google's separator for several values in one cell.
const MULTI: &str = " ::: ";

/// keepwarm's own CSV columns for interests and tags (Google ignores them).
pub(crate) const KEEPWARM_INTERESTS: &str = "keepwarm Interests";
/// See [`KEEPWARM_INTERESTS`].
pub(crate) const KEEPWARM_TAGS: &str = "keepwarm Tags";

/// A CSV file's header and rows, with the line each row starts on.
struct Table {
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    /// Which columns a row was asked for (the rest are reported, not dropped silently).
    read: Vec<std::cell::Cell<bool>>,
}

impl Table {
    /// Reads CSV `text` whose header is on line `first_line` of the file.
    fn read(text: &str, first_line: usize, file: &Path) -> Result<Table> {
        // The csv crate puts a record's start before the `\n` of the CRLF that
        // ends the line above, so every row of a CRLF file (Google's and
        // Outlook's exports) would be named one line short: read LF ends.
        let text: std::borrow::Cow<'_, str> = if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n").into()
        } else {
            text.into()
        };
        let text = text.as_ref();
        check_quotes(text, first_line, file)?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let error = |line: usize, reason: String| Error::Import {
            file: file.to_owned(),
            line,
            field: "row".into(),
            reason,
        };
        let headers: Vec<String> = match records.next() {
            Some(Ok(header)) => header.iter().map(|h| h.trim().to_owned()).collect(),
            Some(Err(e)) => return Err(error(first_line, format!("unreadable header: {e}"))),
            None => return Err(error(first_line, "no header line".into())),
        };
        let mut rows = Vec::new();
        for record in records {
            let record = record.map_err(|e| {
                let line = e
                    .position()
                    .map_or(first_line, |p| p.line() as usize + first_line - 1);
                error(line, format!("unreadable CSV: {e}"))
            })?;
            let line = record
                .position()
                .map_or(first_line, |p| p.line() as usize + first_line - 1);
            let fields: Vec<String> = record.iter().map(str::to_owned).collect();
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            // Extra trailing cells are tolerated when empty; anything else means
            // the columns slipped (an unquoted comma) and values would land wrong.
            if fields.len() > headers.len()
                && fields[headers.len()..].iter().any(|f| !f.trim().is_empty())
            {
                return Err(error(
                    line,
                    format!(
                        "{} fields but the header has {} (an unquoted comma?)",
                        fields.len(),
                        headers.len()
                    ),
                ));
            }
            rows.push((line, fields));
        }
        let read = headers
            .iter()
            .map(|_| std::cell::Cell::new(false))
            .collect();
        Ok(Table {
            headers,
            rows,
            read,
        })
    }

    /// The headers present among `names` and `numbered` (`Website {n} - Value`
    /// for n = 1…20), each with the label its values get in the notes.
    fn note_columns(
        &self,
        names: &[(&str, &'static str)],
        numbered: &[(&str, &'static str)],
    ) -> Vec<(String, &'static str)> {
        let mut found: Vec<(String, &'static str)> = names
            .iter()
            .filter(|(h, _)| self.column(h).is_some())
            .map(|(h, label)| ((*h).to_owned(), *label))
            .collect();
        for (pattern, label) in numbered {
            found.extend(
                (1..=20)
                    .map(|n| pattern.replace("{n}", &n.to_string()))
                    .filter(|h| self.column(h).is_some())
                    .map(|h| (h, *label)),
            );
        }
        found
    }

    /// One warning naming the columns with values that no row read, so that
    /// nothing in the file is left out without a word. A column's label or type
    /// (`E-mail 1 - Label`) goes with its value and is not named; nor are
    /// Outlook's placeholders (`0/0/00`, `Normal`, `Unspecified`, `False`).
    fn warn_unread(&self, file: &Path, warnings: &mut Vec<String>) {
        let read = |header: &str| self.column(header).is_some_and(|i| self.read[i].get());
        let mut unread = Vec::new();
        for (i, header) in self.headers.iter().enumerate() {
            if self.read[i].get() || header.is_empty() {
                continue;
            }
            let describes_read = [" - Label", " - Type"].iter().any(|suffix| {
                header.strip_suffix(suffix).is_some_and(|stem| {
                    read(&format!("{stem} - Value")) || read(&format!("{stem} - Formatted"))
                })
            });
            if describes_read {
                continue;
            }
            // An address's parts (`Address 1 - City`) are in its formatted
            // whole, which is kept: a part counts only in a row without one.
            let formatted = header
                .rsplit_once(" - ")
                .and_then(|(stem, _)| self.column(&format!("{stem} - Formatted")))
                .filter(|&f| self.read[f].get() && f != i);
            let has_value = |fields: &Vec<String>, column: usize| {
                fields
                    .get(column)
                    .map(|v| v.trim())
                    .is_some_and(|v| !v.is_empty() && !is_placeholder(v))
            };
            let with_values: Vec<usize> = self
                .rows
                .iter()
                .filter(|(_, fields)| {
                    has_value(fields, i) && !formatted.is_some_and(|f| has_value(fields, f))
                })
                .map(|(line, _)| *line)
                .collect();
            if let Some(first) = with_values.first() {
                unread.push(format!(
                    "{header} ({} {}, first on line {first})",
                    with_values.len(),
                    if with_values.len() == 1 {
                        "row"
                    } else {
                        "rows"
                    }
                ));
            }
        }
        if !unread.is_empty() {
            warnings.push(format!(
                "{}: {} not imported: {}",
                file.display(),
                if unread.len() == 1 {
                    "column"
                } else {
                    "columns"
                },
                unread.join(", ")
            ));
        }
    }

    /// The index of a column, by case-insensitive header name.
    fn column(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// How to read this file's dates in `column`: in the order its own dates
    /// show, else the user's (see [`DateReading::for_file`]).
    fn date_reading(&self, column: &str, dates: &DateReading) -> DateReading {
        match self.column(column) {
            Some(at) => dates.for_file(
                self.rows
                    .iter()
                    .filter_map(|(_, fields)| fields.get(at).map(String::as_str)),
            ),
            None => dates.clone(),
        }
    }
}

/// Finds quotes the `csv` crate would silently accept but that mean the file is
/// broken: a quoted field that never closes (the rest of the file would become
/// one value), or one that spans lines and then closes with text right after
/// the quote (a stray quote swallowed the lines in between). A quoted field on
/// one line with text after its closing quote (`"Acme" Inc`) is only sloppy and
/// is read as `csv` reads it.
fn check_quotes(text: &str, first_line: usize, file: &Path) -> Result<()> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        /// Inside quotes opened on this line.
        Quoted(usize),
        /// Just after a quote inside quotes opened on this line: `""`, or the end.
        AfterQuote(usize),
    }
    let unterminated = |opened: usize, reason: String| Error::Import {
        file: file.to_owned(),
        line: opened,
        field: "row".into(),
        reason,
    };
    let mut line = first_line;
    let mut state = State::FieldStart;
    for &b in text.as_bytes() {
        state = match (state, b) {
            (State::FieldStart, b'"') => State::Quoted(line),
            (State::FieldStart | State::Unquoted, b',' | b'\r' | b'\n') => State::FieldStart,
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted(opened), b'"') => State::AfterQuote(opened),
            (State::Quoted(opened), _) => State::Quoted(opened),
            (State::AfterQuote(opened), b'"') => State::Quoted(opened),
            (State::AfterQuote(_), b',' | b'\r' | b'\n') => State::FieldStart,
            (State::AfterQuote(opened), _) if opened != line => {
                return Err(unterminated(
                    opened,
                    format!(
                        "unterminated quote: the quoted value that opens on this line runs \
                         to line {line} and a quote there is followed by more text"
                    ),
                ));
            }
            (State::AfterQuote(_), _) => State::Unquoted,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    if let State::Quoted(opened) = state {
        return Err(unterminated(
            opened,
            "unterminated quote: the quoted value that opens on this line never closes".into(),
        ));
    }
    Ok(())
}

/// Looks up cells of one row by column name.
struct Row<'a> {
    table: &'a Table,
    fields: &'a [String],
}

impl Row<'_> {
    fn get(&self, name: &str) -> &str {
        let column = self.table.column(name);
        if let Some(i) = column {
            self.table.read[i].set(true);
        }
        column
            .and_then(|i| self.fields.get(i))
            .map_or("", |s| s.trim())
    }

    /// Adds the values of `columns` to the notes, one `Label: value` line each
    /// (`Nickname: Dan`): kept, searchable, and exported with the notes.
    fn add_to_notes(&self, notes: &mut String, columns: &[(String, &'static str)]) {
        for (header, label) in columns {
            let value = self.get(header);
            if value.is_empty() || is_placeholder(value) {
                continue;
            }
            let line = format!("{label}: {value}");
            // Exported notes already hold the line: importing again adds nothing.
            if notes.lines().any(|l| l.trim() == line) {
                continue;
            }
            if !notes.trim().is_empty() {
                notes.push('\n');
            }
            notes.push_str(&line);
        }
    }

    fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name).to_owned()).filter(|s| !s.is_empty())
    }
}

/// Outlook's values that mean "nothing" (an unset date, the default priority).
fn is_placeholder(value: &str) -> bool {
    ["0/0/00", "0/0/0000", "Normal", "Unspecified", "False"]
        .iter()
        .any(|p| value.eq_ignore_ascii_case(p))
}

/// The line of `text` (0-based index) that is the header starting with `start`.
fn header_line(text: &str, start: &str) -> Option<usize> {
    text.lines().take(50).position(|l| {
        l.trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with(start)
    })
}

/// Finishes a contact: derives the name, or skips a row with nothing in it.
fn finish(mut contact: NewContact, line: usize, extras: Extras, parsed: &mut ParsedFile) {
    if contact.name.trim().is_empty() {
        contact.name = join_names(&[&contact.given_name, &contact.family_name]);
    }
    if contact.name.trim().is_empty() {
        contact.name = fallback_name(&contact);
    }
    if contact.name.trim().is_empty() {
        parsed.skipped.push(Skipped {
            line,
            reason: "row has no name, email, phone or company".into(),
        });
        return;
    }
    parsed.contacts.push(ImportedContact {
        contact,
        uid: extras.uid,
        connected_on: extras.connected_on,
        line,
        paused: extras.paused,
        profile_url: extras.profile_url,
        field_lines: super::FieldLines::default(),
    });
}

#[derive(Default)]
struct Extras {
    uid: Option<String>,
    connected_on: Option<NaiveDate>,
    paused: bool,
    profile_url: Option<String>,
}

/// The cells of a multi-valued column (Google's ` ::: `, Outlook's `;`), trimmed,
/// blanks and Google's system groups left out.
fn labels(cell: &str, separator: &str) -> Vec<String> {
    cell.split(separator)
        .map(str::trim)
        .filter(|g| !g.is_empty() && !super::is_google_system_group(g))
        .map(str::to_owned)
        .collect()
}

/// Adds the cell's emails (several in a Google cell), warning about bad ones.
fn add_emails(contact: &mut NewContact, cell: &str, at: &str, parsed: &mut ParsedFile) {
    for email in cell.split(MULTI).map(str::trim).filter(|e| !e.is_empty()) {
        if is_email(email) {
            contact.emails.push(email.to_owned());
        } else {
            parsed
                .warnings
                .push(format!("{at}: '{email}' is not an email address; left out"));
        }
    }
}

fn add_phones(contact: &mut NewContact, cell: &str) {
    contact.phones.extend(
        cell.split(MULTI)
            .map(str::trim)
            .filter(|p| p.chars().filter(char::is_ascii_digit).count() >= 3)
            .map(str::to_owned),
    );
}

// ---------------------------------------------------------------- LinkedIn

/// Reads LinkedIn's `Connections.csv` (a "Notes:" preamble, then the header).
#[derive(Debug, Clone, Copy)]
pub struct LinkedinImporter;

const LINKEDIN_HEADER: &str = "First Name,Last Name,";

impl Importer for LinkedinImporter {
    fn format(&self) -> Format {
        Format::Linkedin
    }

    fn sniff(&self, text: &str) -> bool {
        header_line(text, LINKEDIN_HEADER).is_some_and(|i| {
            text.lines()
                .nth(i)
                .is_some_and(|l| l.contains("Connected On") || l.contains("Position"))
        })
    }

    /// LinkedIn writes no birthdays, and its dates are `12 Mar 2024`.
    fn parse_dated(&self, text: &str, file: &Path, _: &DateReading) -> Result<ParsedFile> {
        let index = header_line(text, LINKEDIN_HEADER).ok_or_else(|| Error::Import {
            file: file.to_owned(),
            line: 1,
            field: "header".into(),
            reason: "no 'First Name,Last Name,…' header line".into(),
        })?;
        let body: String = text.lines().skip(index).collect::<Vec<_>>().join("\n");
        let table = Table::read(&body, index + 1, file)?;
        let mut parsed = ParsedFile::new(file);
        for (line, fields) in &table.rows {
            let row = Row {
                table: &table,
                fields,
            };
            let at = format!("{}:{line}", file.display());
            let mut contact = NewContact {
                given_name: row.get("First Name").to_owned(),
                family_name: row.get("Last Name").to_owned(),
                company: row.opt("Company"),
                title: row.opt("Position"),
                // LinkedIn connections are loose ties until the user says otherwise.
                circle: Some(Circle::Acquaintance),
                ..NewContact::default()
            };
            add_emails(&mut contact, row.get("Email Address"), &at, &mut parsed);
            let profile_url = row.opt("URL");
            if let Some(url) = &profile_url {
                contact.notes = format!("LinkedIn: {url}");
            }
            let connected = row.get("Connected On");
            let connected_on = if connected.is_empty() {
                None
            } else {
                let date = NaiveDate::parse_from_str(connected, "%d %b %Y").ok();
                if date.is_none() {
                    parsed
                        .warnings
                        .push(format!("{at}: Connected On '{connected}' is not a date like '12 Mar 2024'; left out"));
                }
                date
            };
            finish(
                contact,
                *line,
                Extras {
                    connected_on,
                    profile_url,
                    ..Extras::default()
                },
                &mut parsed,
            );
        }
        table.warn_unread(file, &mut parsed.warnings);
        Ok(parsed)
    }
}

// ---------------------------------------------------------------- Google

/// Reads Google Contacts CSV, current (`First Name,…,E-mail 1 - Value`) and
/// legacy (`Name,Given Name,…`) headers, plus keepwarm's own export.
#[derive(Debug, Clone, Copy)]
pub struct GoogleImporter;

fn is_google_header(line: &str) -> bool {
    let current = line.starts_with("First Name,")
        && (line.contains("E-mail 1 - Value") || line.contains("Phone 1 - Value"));
    let legacy = line.starts_with("Name,Given Name,");
    current || legacy
}

impl Importer for GoogleImporter {
    fn format(&self) -> Format {
        Format::Google
    }

    fn sniff(&self, text: &str) -> bool {
        text.lines()
            .next()
            .is_some_and(|l| is_google_header(l.trim_start_matches('\u{feff}')))
    }

    fn parse_dated(&self, text: &str, file: &Path, dates: &DateReading) -> Result<ParsedFile> {
        let table = Table::read(text.trim_start_matches('\u{feff}'), 1, file)?;
        let dates = &table.date_reading("Birthday", dates);
        let legacy = table.column("Given Name").is_some() && table.column("First Name").is_none();
        let mut parsed = ParsedFile::new(file);
        let numbered = |prefix: &str, suffix: &str| -> Vec<String> {
            (1..=20)
                .map(|n| format!("{prefix} {n} - {suffix}"))
                .filter(|h| table.column(h).is_some())
                .collect()
        };
        let email_columns = numbered("E-mail", "Value");
        let phone_columns = numbered("Phone", "Value");
        let note_columns = if legacy {
            table.note_columns(
                &[
                    ("Nickname", "Nickname"),
                    ("Short Name", "Short name"),
                    ("Maiden Name", "Maiden name"),
                    ("Occupation", "Occupation"),
                    ("Hobby", "Hobby"),
                    ("Location", "Location"),
                ],
                &[
                    ("Organization {n} - Department", "Department"),
                    ("Website {n} - Value", "Website"),
                    ("Address {n} - Formatted", "Address"),
                    ("Relation {n} - Value", "Relation"),
                    ("Event {n} - Value", "Event"),
                ],
            )
        } else {
            table.note_columns(
                &[
                    ("Name Prefix", "Name prefix"),
                    ("Nickname", "Nickname"),
                    ("Organization Department", "Department"),
                ],
                &[
                    ("Website {n} - Value", "Website"),
                    ("Address {n} - Formatted", "Address"),
                    ("Relation {n} - Value", "Relation"),
                    ("Event {n} - Value", "Event"),
                ],
            )
        };
        for (line, fields) in &table.rows {
            let row = Row {
                table: &table,
                fields,
            };
            let at = format!("{}:{line}", file.display());
            let mut contact = if legacy {
                // The full name in `Name` already holds these.
                for part in ["Name Prefix", "Additional Name", "Name Suffix"] {
                    row.get(part);
                }
                NewContact {
                    name: row.get("Name").to_owned(),
                    given_name: row.get("Given Name").to_owned(),
                    family_name: row.get("Family Name").to_owned(),
                    company: row.opt("Organization 1 - Name"),
                    title: row.opt("Organization 1 - Title"),
                    notes: row.get("Notes").to_owned(),
                    ..NewContact::default()
                }
            } else {
                // A prefix (Dr, Mr, Prof) is how one addresses them, not part of
                // the name: kept in the notes, so that the name matches the same
                // person's LinkedIn or phone card and texts say "Priya".
                let full = join_names(&[
                    row.get("First Name"),
                    row.get("Middle Name"),
                    row.get("Last Name"),
                    row.get("Name Suffix"),
                ]);
                NewContact {
                    name: row.opt("keepwarm Name").unwrap_or(full),
                    given_name: row.get("First Name").to_owned(),
                    family_name: row.get("Last Name").to_owned(),
                    company: row.opt("Organization Name"),
                    title: row.opt("Organization Title"),
                    notes: row.get("Notes").to_owned(),
                    ..NewContact::default()
                }
            };
            for column in &email_columns {
                add_emails(&mut contact, row.get(column), &at, &mut parsed);
            }
            for column in &phone_columns {
                add_phones(&mut contact, row.get(column));
            }
            contact.birthday = birthday_cell(row.get("Birthday"), &at, dates, &mut parsed);
            // Labels (current) or Group Membership (legacy) are the user's
            // groups: tags, not interests, and Google's own groups are neither.
            // keepwarm's export keeps interests and tags in columns of its own
            // (its Labels hold both, for Google to show).
            let groups = if legacy {
                row.get("Group Membership")
            } else {
                row.get("Labels")
            };
            match (
                table.column(KEEPWARM_INTERESTS),
                table.column(KEEPWARM_TAGS),
            ) {
                (Some(_), Some(_)) => {
                    contact.interests = labels(row.get(KEEPWARM_INTERESTS), MULTI);
                    contact.tags = labels(row.get(KEEPWARM_TAGS), MULTI);
                }
                _ => contact.tags = labels(groups, MULTI),
            }
            row.add_to_notes(&mut contact.notes, &note_columns);
            contact.circle = row.opt("keepwarm Circle").and_then(|c| c.parse().ok());
            let extras = Extras {
                uid: row.opt("keepwarm UID"),
                paused: row.get("keepwarm Paused").eq_ignore_ascii_case("true"),
                ..Extras::default()
            };
            finish(contact, *line, extras, &mut parsed);
        }
        table.warn_unread(file, &mut parsed.warnings);
        Ok(parsed)
    }
}

// ---------------------------------------------------------------- Outlook

/// Reads Outlook's CSV export (`First Name,Middle Name,Last Name,Title,…`).
/// Its `Title` column is the honorific; `Job Title` is the job.
#[derive(Debug, Clone, Copy)]
pub struct OutlookImporter;

impl Importer for OutlookImporter {
    fn format(&self) -> Format {
        Format::Outlook
    }

    fn sniff(&self, text: &str) -> bool {
        text.lines().next().is_some_and(|l| {
            let l = l.trim_start_matches('\u{feff}');
            let unquoted = l.replace('"', "");
            (unquoted.contains("First Name") || unquoted.contains("Last Name"))
                && unquoted.contains("E-mail Address")
        })
    }

    fn parse_dated(&self, text: &str, file: &Path, dates: &DateReading) -> Result<ParsedFile> {
        let table = Table::read(text.trim_start_matches('\u{feff}'), 1, file)?;
        let dates = &table.date_reading("Birthday", dates);
        let mut parsed = ParsedFile::new(file);
        let note_columns = table.note_columns(
            &[
                // The honorific ("Dr.", "Prof."): how they are addressed,
                // kept beside the name as Google's Name Prefix is.
                ("Title", "Name prefix"),
                ("Nickname", "Nickname"),
                ("Department", "Department"),
                ("Web Page", "Website"),
                ("Personal Web Page", "Website"),
                ("Spouse", "Spouse"),
                ("Children", "Children"),
                ("Hobby", "Hobby"),
                ("Anniversary", "Anniversary"),
                ("Manager's Name", "Manager"),
                ("Assistant's Name", "Assistant"),
            ],
            &[],
        );
        for (line, fields) in &table.rows {
            let row = Row {
                table: &table,
                fields,
            };
            let at = format!("{}:{line}", file.display());
            let mut contact = NewContact {
                given_name: row.get("First Name").to_owned(),
                family_name: row.get("Last Name").to_owned(),
                company: row.opt("Company"),
                title: row.opt("Job Title"),
                notes: row.get("Notes").to_owned(),
                ..NewContact::default()
            };
            contact.name = join_names(&[
                row.get("First Name"),
                row.get("Middle Name"),
                row.get("Last Name"),
                row.get("Suffix"),
            ]);
            for column in ["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"] {
                add_emails(&mut contact, row.get(column), &at, &mut parsed);
            }
            for column in [
                "Primary Phone",
                "Business Phone",
                "Business Phone 2",
                "Mobile Phone",
                "Home Phone",
                "Home Phone 2",
                "Other Phone",
                "Company Main Phone",
            ] {
                add_phones(&mut contact, row.get(column));
            }
            // Outlook writes dates as the system does: 7/4/1985 in the US,
            // 4/07/1985 in Australia.
            contact.birthday = birthday_cell(row.get("Birthday"), &at, dates, &mut parsed);
            // Categories are Outlook's labels (VIP, Key Customer): tags. Outlook
            // separates them with semicolons.
            contact.tags = labels(row.get("Categories"), ";");
            row.add_to_notes(&mut contact.notes, &note_columns);
            // Outlook splits an address over columns; the card keeps each
            // address on one line, as the vCard importer does.
            for (kind, label) in [
                ("Business", "Business address"),
                ("Home", "Home address"),
                ("Other", "Other address"),
            ] {
                let parts: Vec<&str> = [
                    "Street",
                    "Street 2",
                    "Street 3",
                    "City",
                    "State",
                    "Postal Code",
                    "Country/Region",
                ]
                .iter()
                .map(|part| row.get(&format!("{kind} {part}")))
                .filter(|v| !v.is_empty())
                .collect();
                let line = format!("{label}: {}", parts.join(", "));
                if !parts.is_empty() && !contact.notes.lines().any(|l| l.trim() == line) {
                    if !contact.notes.trim().is_empty() {
                        contact.notes.push('\n');
                    }
                    contact.notes.push_str(&line);
                }
            }
            finish(contact, *line, Extras::default(), &mut parsed);
        }
        table.warn_unread(file, &mut parsed.warnings);
        Ok(parsed)
    }
}

/// A Birthday cell (ISO, `--MM-DD`, or numeric in the user's order; Outlook's
/// `0/0/00` is none), with a warning when its order was the user's or it is no
/// date.
fn birthday_cell(
    cell: &str,
    at: &str,
    dates: &DateReading,
    parsed: &mut ParsedFile,
) -> Option<crate::model::Birthday> {
    birthday_or_warning(
        read_birthday(cell, dates),
        cell,
        &format!("{at}: Birthday"),
        &mut parsed.warnings,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlook(birthday: &str, region: &str) -> ParsedFile {
        let text = format!("First Name,Last Name,E-mail Address,Birthday\nAda,Byrne,,{birthday}\n");
        OutlookImporter
            .parse_dated(
                &text,
                Path::new("Contacts.csv"),
                &DateReading::of_region(Some(region)),
            )
            .unwrap()
    }

    fn birthday_of(parsed: &ParsedFile) -> Option<String> {
        parsed.contacts[0].contact.birthday.map(|b| b.to_string())
    }

    #[test]
    fn outlook_dates_are_read_in_the_users_order_and_a_guess_is_said() {
        let us = outlook("7/4/1985", "US");
        assert_eq!(birthday_of(&us).as_deref(), Some("1985-07-04"));
        assert_eq!(
            us.warnings,
            ["Contacts.csv:2: Birthday '7/4/1985' read as 4 July 1985 (month first, as in US); edit the contact if that is wrong"]
        );
        let au = outlook("4/12/1979", "AU-VIC");
        assert_eq!(birthday_of(&au).as_deref(), Some("1979-12-04"));
        assert_eq!(
            au.warnings,
            ["Contacts.csv:2: Birthday '4/12/1979' read as 4 December 1979 (day first, as in AU); edit the contact if that is wrong"]
        );
        for region in ["US", "AU-VIC"] {
            let unambiguous = outlook("20/12/1981", region);
            assert_eq!(birthday_of(&unambiguous).as_deref(), Some("1981-12-20"));
            assert!(
                unambiguous.warnings.is_empty(),
                "{:?}",
                unambiguous.warnings
            );
            let two_digit_year = outlook("12/31/85", region);
            assert_eq!(birthday_of(&two_digit_year).as_deref(), Some("1985-12-31"));
            let unset = outlook("0/0/00", region);
            assert_eq!(birthday_of(&unset), None);
            assert!(unset.warnings.is_empty(), "{:?}", unset.warnings);
            let words = outlook("soon", region);
            assert_eq!(birthday_of(&words), None);
            assert_eq!(
                words.warnings,
                ["Contacts.csv:2: Birthday 'soon' is not a date; left out"]
            );
        }
    }

    /// The file `text`, named `file`, read by `importer` in `region`.
    fn read_in(importer: &dyn Importer, text: &str, file: &str, region: &str) -> ParsedFile {
        importer
            .parse_dated(text, Path::new(file), &DateReading::of_region(Some(region)))
            .unwrap()
    }

    #[test]
    fn google_birthdays_may_be_numeric_too() {
        let text = "First Name,Last Name,E-mail 1 - Value,Birthday\nAda,Byrne,,20/12/1981\nBo,Byrne,,3/12/1988\nCy,Byrne,,1988-03-12\n";
        let parsed = read_in(&GoogleImporter, text, "google.csv", "AU-NSW");
        let birthdays: Vec<Option<String>> = parsed
            .contacts
            .iter()
            .map(|c| c.contact.birthday.map(|b| b.to_string()))
            .collect();
        assert_eq!(
            birthdays,
            [
                Some("1981-12-20".to_owned()),
                Some("1988-12-03".to_owned()),
                Some("1988-03-12".to_owned())
            ]
        );
        assert_eq!(
            parsed.warnings,
            ["google.csv:3: Birthday '3/12/1988' read as 3 December 1988 (day first, as the file writes '20/12/1981'); edit the contact if that is wrong"]
        );
    }

    #[test]
    fn an_outlook_file_that_shows_month_first_is_read_month_first_in_a_day_first_region() {
        let text = "First Name,Last Name,E-mail Address,Birthday\nPetra,Huber,,12/9/1975\nWerner,Gruber,,1/11/1970\nJonas,Maier,,1/27/1966\n";
        let parsed = read_in(&OutlookImporter, text, "outlook.csv", "DE-BY");
        let birthdays: Vec<String> = parsed
            .contacts
            .iter()
            .filter_map(|c| c.contact.birthday.map(|b| b.to_string()))
            .collect();
        assert_eq!(birthdays, ["1975-12-09", "1970-01-11", "1966-01-27"]);
        assert_eq!(
            parsed.warnings,
            [
                "outlook.csv:2: Birthday '12/9/1975' read as 9 December 1975 (month first, as the file writes '1/27/1966'); edit the contact if that is wrong",
                "outlook.csv:3: Birthday '1/11/1970' read as 11 January 1970 (month first, as the file writes '1/27/1966'); edit the contact if that is wrong"
            ]
        );
    }

    #[test]
    fn an_outlook_honorific_and_addresses_are_kept_in_the_notes() {
        let text = "First Name,Last Name,Title,E-mail Address,Business Street,Business City,Business Postal Code,Business Country/Region,Home City\nFrank,Siebert,Dr.,frank@example.de,Werkstr. 5,Augsburg,86150,Germany,\n";
        let parsed = read_in(&OutlookImporter, text, "outlook.csv", "DE-BY");
        assert_eq!(parsed.contacts[0].contact.name, "Frank Siebert");
        assert_eq!(
            parsed.contacts[0].contact.notes,
            "Name prefix: Dr.\nBusiness address: Werkstr. 5, Augsburg, 86150, Germany"
        );
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }
}
