//! Contacts in and out: vCard 2.1/3.0/4.0, LinkedIn, Google and Outlook CSV.
//!
//! Every importer turns a file's text into [`ImportedContact`]s behind the one
//! [`Importer`] trait; nothing here touches the database. The store merges the
//! result in one transaction (see `Store::import_contacts`), so a file either
//! imports whole or not at all.

pub mod checks;
pub mod csv_formats;
pub mod dates;
pub mod export;
pub mod ics;
pub mod sample;
pub mod vcard;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

pub use dates::DateReading;

use crate::error::{Error, Result};
use crate::model::NewContact;

/// A file format keepwarm imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// vCard 2.1, 3.0 or 4.0.
    Vcard,
    /// LinkedIn's `Connections.csv`.
    Linkedin,
    /// Google Contacts CSV (current and legacy headers).
    Google,
    /// Outlook CSV.
    Outlook,
}

impl Format {
    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Vcard => "vcard",
            Format::Linkedin => "linkedin",
            Format::Google => "google",
            Format::Outlook => "outlook",
        }
    }

    /// What a contact imported from this format records as its source.
    pub fn source(self) -> crate::model::Source {
        use crate::model::Source;
        match self {
            Format::Vcard => Source::Vcard,
            Format::Linkedin => Source::Linkedin,
            Format::Google => Source::Google,
            Format::Outlook => Source::Outlook,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vcard" | "vcf" => Ok(Format::Vcard),
            "linkedin" => Ok(Format::Linkedin),
            "google" => Ok(Format::Google),
            "outlook" => Ok(Format::Outlook),
            _ => Err(Error::invalid(
                "--format",
                s,
                "expected vcard, linkedin, google or outlook",
            )),
        }
    }
}

/// One contact read from a file, before it is merged into the database.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportedContact {
    /// The contact's fields.
    pub contact: NewContact,
    /// A UID from the file (vCard `UID`, keepwarm's own CSV), used to match again.
    pub uid: Option<String>,
    /// The day the user connected with them, when the file says (LinkedIn).
    pub connected_on: Option<NaiveDate>,
    /// The line of the file the contact starts on.
    pub line: usize,
    /// Paused in keepwarm (keepwarm's own exports only).
    pub paused: bool,
    /// The person's LinkedIn profile address (LinkedIn's `URL` column): two
    /// namesakes with different profiles are two people.
    pub profile_url: Option<String>,
    /// The lines of values that stand elsewhere than on [`Self::line`] (a
    /// vCard's properties each have their own), for warnings to name.
    pub field_lines: FieldLines,
}

/// Where a record's values stand in its file: by field (`birthday`), or by
/// field and value for fields with several (`email`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldLines(Vec<(&'static str, Option<String>, usize)>);

impl FieldLines {
    /// Notes that `field` stands on `line` (the first line given for a field counts).
    pub fn set(&mut self, field: &'static str, line: usize) {
        if self.line(field, None).is_none() {
            self.0.push((field, None, line));
        }
    }

    /// Notes that this value of `field` stands on `line`.
    pub fn set_value(&mut self, field: &'static str, value: &str, line: usize) {
        self.0.push((field, Some(value.to_owned()), line));
    }

    /// The line of this value of `field`, else of the field; `None` if not noted.
    pub fn line(&self, field: &str, value: Option<&str>) -> Option<usize> {
        let by_value = value.and_then(|v| {
            self.0
                .iter()
                .find(|(f, stored, _)| *f == field && stored.as_deref() == Some(v))
        });
        by_value
            .or_else(|| self.0.iter().find(|(f, _, _)| *f == field))
            .map(|(_, _, line)| *line)
    }
}

/// A record that was read but carries nothing to import.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// The line it starts on.
    pub line: usize,
    /// Why it was skipped.
    pub reason: String,
}

/// What an importer made of a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedFile {
    /// The file as reports name it (the path as it was given).
    pub file: String,
    /// The contacts, in file order.
    pub contacts: Vec<ImportedContact>,
    /// Records without a name, email, phone or company.
    pub skipped: Vec<Skipped>,
    /// Values that were dropped (an email without `@`, a birthday in words…),
    /// each naming its file and line.
    pub warnings: Vec<String>,
}

impl ParsedFile {
    /// An empty result for `file`, named in reports as it was given.
    pub fn new(file: &Path) -> ParsedFile {
        ParsedFile {
            file: file.display().to_string(),
            ..ParsedFile::default()
        }
    }
}

/// Whether a group or label is one Google makes for every account rather than
/// one the user made: `* myContacts`, `* starred` (any `* …`), the legacy
/// `System Group: …`, and `Imported on 5/12/2020`. These are neither tags nor
/// interests.
pub fn is_google_system_group(label: &str) -> bool {
    let label = label.trim();
    let lower = label.to_lowercase();
    label.starts_with('*')
        || lower.starts_with("system group:")
        || lower == "mycontacts"
        || lower == "starred"
        || lower.strip_prefix("imported on ").is_some()
        || lower
            .strip_prefix("imported ")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// One foreign format.
pub trait Importer {
    /// The format it reads.
    fn format(&self) -> Format;
    /// Whether `text` (already decoded) looks like this format.
    fn sniff(&self, text: &str) -> bool;
    /// Reads every contact of `text`; `file` names the file in errors;
    /// `dates` says which number of a numeric date (`4/12/1979`) is the day
    /// where the date itself does not.
    fn parse_dated(&self, text: &str, file: &Path, dates: &DateReading) -> Result<ParsedFile>;

    /// [`Importer::parse_dated`] for a user whose region is not known:
    /// numeric dates that read both ways are read month first, with a warning.
    fn parse(&self, text: &str, file: &Path) -> Result<ParsedFile> {
        self.parse_dated(text, file, &DateReading::default())
    }
}

/// Every importer, in sniffing order.
pub fn importers() -> [&'static dyn Importer; 4] {
    [
        &vcard::VcardImporter,
        &csv_formats::LinkedinImporter,
        &csv_formats::GoogleImporter,
        &csv_formats::OutlookImporter,
    ]
}

/// The importer of a format.
pub fn importer(format: Format) -> &'static dyn Importer {
    match format {
        Format::Vcard => &vcard::VcardImporter,
        Format::Linkedin => &csv_formats::LinkedinImporter,
        Format::Google => &csv_formats::GoogleImporter,
        Format::Outlook => &csv_formats::OutlookImporter,
    }
}

/// Which format `text` is in, judged by its content (never by the file name).
pub fn sniff(text: &str) -> Option<Format> {
    importers()
        .into_iter()
        .find(|i| i.sniff(text))
        .map(|i| i.format())
}

/// Turns a file's bytes into text: UTF-8 (a BOM is dropped), UTF-16 with a BOM,
/// the charset a vCard names in `CHARSET=` parameters, else Windows-1252 (what
/// classic Outlook and old phones write).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let encoding = declared_charset(bytes).unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// [`decode`] for bytes it may keep: UTF-8 without a BOM (most files) becomes
/// the text without a copy.
fn decode_owned(bytes: Vec<u8>) -> String {
    if encoding_rs::Encoding::for_bom(&bytes).is_some() {
        return decode(&bytes);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| decode(e.as_bytes()))
}

/// The first `CHARSET=` a legacy vCard declares, if encoding_rs knows it.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    const KEY: &[u8] = b"CHARSET=";
    let position = bytes
        .windows(KEY.len())
        .position(|w| w.eq_ignore_ascii_case(KEY))?;
    let rest = &bytes[position + KEY.len()..];
    let end = rest
        .iter()
        .position(|b| matches!(b, b';' | b':' | b'\r' | b'\n'))
        .unwrap_or(rest.len());
    let label = &rest[..end];
    encoding_rs::Encoding::for_label(label).filter(|e| *e != encoding_rs::UTF_8)
}

/// Reads, decodes, sniffs (unless `format` is given) and parses a file, reading
/// numeric dates that could be either way round as the user writes them
/// (`dates`, see [`crate::Store::date_reading`]).
pub fn read_file(
    path: &Path,
    format: Option<Format>,
    dates: &DateReading,
) -> Result<(Format, ParsedFile)> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = decode_owned(bytes);
    let format = match format {
        Some(f) => f,
        None => sniff(&text).ok_or_else(|| Error::UnknownFormat {
            file: path.to_owned(),
            reason: if text.trim().is_empty() {
                "the file is empty".into()
            } else {
                "not a vCard (no BEGIN:VCARD) and not a LinkedIn, Google or Outlook CSV (unknown header)"
                    .into()
            },
        })?,
    };
    let parsed = importer(format).parse_dated(&text, path, dates)?;
    Ok((format, parsed))
}

/// A value as a message shows it: control characters escaped, cut after 40
/// characters.
pub(crate) fn shown(value: &str) -> String {
    const SHOWN_CHARS: usize = 40;
    let mut cut: String = value.chars().take(SHOWN_CHARS).collect();
    if cut.len() < value.len() {
        cut.push('…');
    }
    crate::validate::escape_control(&cut)
}

/// Words joined by single spaces, blanks left out: `["Dr.", "", "Ada"]` → `"Dr. Ada"`.
pub(crate) fn join_names(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name a record without one goes by: its company, else its first email or phone.
pub(crate) fn fallback_name(contact: &NewContact) -> String {
    contact
        .company
        .clone()
        .or_else(|| contact.emails.first().cloned())
        .or_else(|| contact.phones.first().cloned())
        .unwrap_or_default()
}

/// Repairs text that was UTF-8 but got decoded as Latin-1 on the way ("cafÃ©" →
/// "café"), as vCard 2.1 quoted-printable without a CHARSET often is.
pub(crate) fn repair_mojibake(text: String) -> String {
    if text.is_ascii() || text.chars().any(|c| u32::from(c) > 0xFF) {
        return text;
    }
    let bytes: Vec<u8> = text.chars().map(|c| c as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => fixed,
        Err(_) => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_handles_bom_utf16_and_legacy_code_pages() {
        assert_eq!(decode("\u{feff}BEGIN:VCARD".as_bytes()), "BEGIN:VCARD");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16), "Zoë");
        // "Müller" in Windows-1252.
        assert_eq!(decode(b"M\xfcller"), "Müller");
        // Shift_JIS declared by the card.
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("N;CHARSET=SHIFT_JIS:山田");
        assert_eq!(decode(&sjis), "N;CHARSET=SHIFT_JIS:山田");
        let samples: [&[u8]; 5] = [
            "\u{feff}BEGIN:VCARD".as_bytes(),
            &utf16,
            b"M\xfcller",
            &sjis,
            "Zoë".as_bytes(),
        ];
        for bytes in samples {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes));
        }
    }

    #[test]
    fn mojibake_is_repaired_only_when_it_is_mojibake() {
        assert_eq!(repair_mojibake("cafÃ©".into()), "café");
        assert_eq!(repair_mojibake("café".into()), "café");
        assert_eq!(repair_mojibake("Zoë 山".into()), "Zoë 山");
        assert_eq!(repair_mojibake("plain".into()), "plain");
    }

    #[test]
    fn formats_parse_from_their_names() {
        assert_eq!("vCard".parse::<Format>().unwrap(), Format::Vcard);
        assert!("excel".parse::<Format>().is_err());
    }
}
