//! vCard 2.1, 3.0 and 4.0.
//!
//! `calcard` does the parsing (folding, quoted-printable, charsets, 2.1 bare
//! parameters, groups, escapes). Around it this module does what it does not:
//! a structural pass that numbers the lines, finds each card's first line and
//! refuses unbalanced BEGIN/END and text between cards, and its own reading of
//! BDAY (calcard loses the day of `--04-12` and of some 4.0 dates). Plain cards
//! (`plain_card`) are read here the way calcard reads them, without its
//! byte-by-byte tokenizer; a test holds the two readers to the same result.

use std::path::Path;

use calcard::vcard::{VCardProperty, VCardValue};
use calcard::{Entry, Parser};

use super::dates::{birthday_or_warning, numeric_birthday, BirthdayText, DateReading};
use super::export::TAG_PROPERTY;
use super::{
    fallback_name, join_names, repair_mojibake, Format, ImportedContact, Importer, ParsedFile,
    Skipped,
};
use crate::error::{Error, Result};
use crate::model::{Birthday, Circle, NewContact};

/// Reads vCard files.
#[derive(Debug, Clone, Copy)]
pub struct VcardImporter;

impl Importer for VcardImporter {
    fn format(&self) -> Format {
        Format::Vcard
    }

    fn sniff(&self, text: &str) -> bool {
        text.split(['\r', '\n'])
            .map(|l| l.trim_start_matches('\u{feff}').trim())
            .find(|l| !l.is_empty())
            .is_some_and(|l| is_boundary(l, "BEGIN"))
    }

    fn parse_dated(&self, text: &str, file: &Path, dates: &DateReading) -> Result<ParsedFile> {
        parse_vcards(text, file, dates)
    }
}

/// What the structural pass learned about one card.
#[derive(Debug, Default)]
struct CardOutline {
    /// Line of `BEGIN:VCARD`, 1-based.
    line: usize,
    /// The raw BDAY value and the `X-APPLE-OMIT-YEAR` year, if any.
    birthday: Option<(String, Option<String>)>,
    /// The line of the BDAY property.
    birthday_line: usize,
    /// The lines of the properties warnings may name ([`LINED_PROPERTIES`]),
    /// in card order: the nth EMAIL read is on the nth EMAIL line.
    property_lines: Vec<(&'static str, usize)>,
    /// The first line where another card begins inside this one.
    nested_at: Option<usize>,
    /// Byte ranges of the card's own content lines (without BEGIN/END and
    /// without cards nested in it), each ending with its newline.
    body: Vec<std::ops::Range<usize>>,
}

impl CardOutline {
    fn push_range(&mut self, range: std::ops::Range<usize>) {
        match self.body.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            _ => self.body.push(range),
        }
    }

    /// The card as calcard reads it: a plain BEGIN, its own lines, a plain END
    /// (into `out`, whose allocation is reused from card to card).
    fn write_text(&self, source: &str, out: &mut String) {
        out.clear();
        out.push_str("BEGIN:VCARD\n");
        for range in &self.body {
            out.push_str(&source[range.clone()]);
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("END:VCARD\n");
    }
}

/// Normalises line ends when the file has lone CRs (old Macs): CRLF, LF and a
/// lone CR all become LF and line numbers keep. CRLF and LF files are read as
/// they are (no copy of a large file).
fn normalise_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n')) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The lines of `text`, each with its `\n` (the last may have none), as
/// `split_inclusive('\n')` gives them but found with a vectorised search: a
/// file's lines are short and many.
struct Lines<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines { text, at: 0 }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.text.get(self.at..).filter(|r| !r.is_empty())?;
        let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        self.at += len;
        rest.get(..len)
    }
}

/// A content line taken apart: `item1.EMAIL;TYPE=work:a@b.c`.
#[derive(Debug, Clone, Copy)]
struct Head<'a> {
    /// The property name without its group (`EMAIL`).
    name: &'a str,
    /// The parameters with their leading `;` (`;TYPE=work`), or empty.
    params: &'a str,
    /// The value, after the first colon outside quotes; `None` without one.
    value: Option<&'a str>,
    /// Whether `[group.]name` is made of letters, digits and dashes.
    well_formed: bool,
}

/// Takes a content line apart in one pass over its head (the value is not scanned).
fn head(line: &str) -> Head<'_> {
    let bytes = line.as_bytes();
    let name_end = bytes
        .iter()
        .position(|&b| b == b':' || b == b';')
        .unwrap_or(bytes.len());
    let full_name = &line[..name_end];
    let (params, value) = match bytes.get(name_end) {
        Some(b':') => ("", Some(&line[name_end + 1..])),
        Some(_) => {
            let mut quoted = false;
            let colon = bytes[name_end..].iter().position(|&b| match b {
                b'"' => {
                    quoted = !quoted;
                    false
                }
                b':' => !quoted,
                _ => false,
            });
            match colon {
                Some(at) => (
                    &line[name_end..name_end + at],
                    Some(&line[name_end + at + 1..]),
                ),
                None => (&line[name_end..], None),
            }
        }
        None => ("", None),
    };
    let part_ok =
        |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let (well_formed, name) = match full_name.bytes().position(|b| b == b'.') {
        Some(dot) => {
            let name = &full_name[dot + 1..];
            (part_ok(&full_name[..dot]) && part_ok(name), name)
        }
        None => (part_ok(full_name), full_name),
    };
    Head {
        name: name.trim(),
        params,
        value,
        well_formed,
    }
}

/// The property name of a content line: `item1.EMAIL;TYPE=x:…` → `EMAIL`.
#[cfg(test)]
fn property_name(line: &str) -> &str {
    head(line).name
}

/// The value of a content line (after the first colon outside quotes).
#[cfg(test)]
fn property_value(line: &str) -> Option<&str> {
    head(line).value
}

/// Whether a line is `BEGIN:VCARD` or `END:VCARD` (any case, any group prefix).
fn is_boundary(line: &str, keyword: &str) -> bool {
    let h = head(line);
    h.name.eq_ignore_ascii_case(keyword)
        && h.value
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("VCARD"))
}

/// The properties [`read_card`] reads; only these go to calcard (with VERSION,
/// which tells it how to read them). Pictures and sounds are most of a phone's
/// export, and tokenising what is never read is most of the work.
fn is_read(name: &str) -> bool {
    const READ: &[&str] = &[
        "VERSION",
        "FN",
        "N",
        "EMAIL",
        "TEL",
        "ORG",
        "TITLE",
        "CATEGORIES",
        "NOTE",
        "UID",
        "URL",
        "NICKNAME",
        "ADR",
        "ROLE",
        "IMPP",
        "X-SOCIALPROFILE",
        "X-KEEPWARM-CIRCLE",
        "X-KEEPWARM-PAUSED",
        TAG_PROPERTY,
    ];
    READ.iter().any(|r| name.eq_ignore_ascii_case(r))
}

/// Whether a property carries a picture or sound, whose 2.1 base64 may come in
/// unindented lines.
fn is_binary(name: &str) -> bool {
    ["PHOTO", "LOGO", "SOUND", "KEY"]
        .iter()
        .any(|p| name.eq_ignore_ascii_case(p))
}

/// Whether a line can be a piece of base64 that a vCard 2.1 writer did not indent.
fn is_bare_base64(line: &str) -> bool {
    !line.is_empty()
        && line
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// What the line before told about the next one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Carry {
    /// Nothing: the next line is a property, a fold or a stray.
    None,
    /// The last property was BDAY: a fold continues its value.
    Birthday,
    /// A quoted-printable value ended with `=`: the next line continues it,
    /// indented or not (and is kept or left out with its property).
    SoftBreak { kept: bool },
    /// Inside a property that is not read: its folds are left out too.
    Unread,
    /// Inside a picture or sound: its folds and 2.1's unindented base64 are
    /// left out too.
    Binary,
}

/// Lines inside a card that are not properties, for one warning per run of them.
struct StrayLines<'f> {
    file: &'f Path,
    run: Option<(usize, usize, String)>,
}

impl StrayLines<'_> {
    fn add(&mut self, number: usize, line: &str) {
        match &mut self.run {
            Some((_, last, _)) if *last + 1 == number => *last = number,
            _ => self.run = Some((number, number, line.trim().chars().take(60).collect())),
        }
    }

    fn flush(&mut self, warnings: &mut Vec<String>) {
        if let Some((first, last, text)) = self.run.take() {
            let file = self.file.display();
            let text = crate::validate::escape_control(&text);
            warnings.push(if first == last {
                format!("{file}:{first}: '{text}' is not a vCard property (no NAME: before it); left out")
            } else {
                format!(
                    "{file}:{first}: lines {first}–{last} ('{text}'…) are not vCard properties; left out"
                )
            });
        }
    }
}

/// The properties whose lines warnings name.
const LINED_PROPERTIES: [&str; 8] = [
    "FN",
    "N",
    "EMAIL",
    "TEL",
    "ORG",
    "TITLE",
    "NOTE",
    "CATEGORIES",
];

/// Finds the cards, checks BEGIN/END balance (nested 2.1 cards included),
/// keeps each card's raw BDAY, and leaves out (with a warning naming the line)
/// lines inside a card that are no property. Cards come out in the order they
/// begin.
fn outline(text: &str, file: &Path, warnings: &mut Vec<String>) -> Result<Vec<CardOutline>> {
    let error = |line: usize, field: &str, reason: String| Error::Import {
        file: file.to_owned(),
        line,
        field: field.to_owned(),
        reason,
    };
    let mut cards: Vec<CardOutline> = Vec::new();
    let mut open: Vec<CardOutline> = Vec::new();
    let mut carry = Carry::None;
    // Whether the current property's value is quoted-printable.
    let mut quoted_printable = false;
    let mut strays = StrayLines { file, run: None };
    let mut unread = UnreadProperties::default();
    let mut offset = 0;
    for (index, raw) in Lines::new(text).enumerate() {
        let number = index + 1;
        let range = offset..offset + raw.len();
        offset += raw.len();
        let mut line = raw.strip_suffix('\n').unwrap_or(raw);
        line = line.strip_suffix('\r').unwrap_or(line);
        if index == 0 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        let Some(card) = open.last_mut() else {
            // Between cards only blank lines may stand (a stray indent is forgiven).
            let trimmed = line.trim_start();
            if is_boundary(trimmed, "BEGIN") {
                open.push(CardOutline {
                    line: number,
                    ..CardOutline::default()
                });
            } else if is_boundary(trimmed, "END") {
                return Err(error(
                    number,
                    "END:VCARD",
                    "END:VCARD without a BEGIN:VCARD".into(),
                ));
            } else if !line.trim().is_empty() {
                let shown = super::shown(line.trim());
                return Err(error(
                    number,
                    "line",
                    format!("text outside a vCard: '{shown}'"),
                ));
            }
            continue;
        };
        let folded = line.starts_with([' ', '\t']);
        match carry {
            Carry::SoftBreak { kept } => {
                if !line.ends_with('=') {
                    carry = Carry::None;
                }
                if kept {
                    card.push_range(range);
                }
                continue;
            }
            Carry::Binary if folded || is_bare_base64(line) => continue,
            Carry::Unread if folded => continue,
            Carry::Birthday if folded => {
                if let Some((value, _)) = card.birthday.as_mut() {
                    value.push_str(&line[1..]);
                }
                continue;
            }
            _ if folded => {
                if quoted_printable && line.ends_with('=') {
                    carry = Carry::SoftBreak { kept: true };
                }
                card.push_range(range);
                continue;
            }
            _ => carry = Carry::None,
        }
        if line.is_empty() {
            continue;
        }
        let h = head(line);
        let boundary = |keyword: &str| {
            h.name.eq_ignore_ascii_case(keyword)
                && h.value
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("VCARD"))
        };
        if boundary("BEGIN") {
            strays.flush(warnings);
            // vCard 2.1 nests cards (AGENT); each becomes a contact of its own.
            card.nested_at.get_or_insert(number);
            open.push(CardOutline {
                line: number,
                ..CardOutline::default()
            });
        } else if boundary("END") {
            strays.flush(warnings);
            if let Some(done) = open.pop() {
                cards.push(done);
            }
        } else if !h.well_formed || h.value.is_none() {
            strays.add(number, line);
        } else {
            strays.flush(warnings);
            quoted_printable = !h.params.is_empty()
                && crate::model::contains_ignore_case(h.params, "QUOTED-PRINTABLE");
            let kept = is_read(h.name);
            if !kept && !h.name.eq_ignore_ascii_case("BDAY") {
                unread.note(h.name, card.line, number);
            }
            if h.name.eq_ignore_ascii_case("BDAY") {
                let omit_year = h
                    .params
                    .split(';')
                    .find_map(|p| {
                        p.split_once('=')
                            .filter(|(k, _)| k.eq_ignore_ascii_case("X-APPLE-OMIT-YEAR"))
                    })
                    .map(|(_, v)| v.trim().to_owned());
                card.birthday = Some((h.value.unwrap_or("").trim().to_owned(), omit_year));
                card.birthday_line = number;
                carry = Carry::Birthday;
            } else if quoted_printable && line.ends_with('=') {
                carry = Carry::SoftBreak { kept };
            } else if is_binary(h.name) {
                carry = Carry::Binary;
            } else if !kept {
                carry = Carry::Unread;
            }
            if kept {
                card.push_range(range);
                if let Some(name) = LINED_PROPERTIES
                    .iter()
                    .find(|p| p.eq_ignore_ascii_case(h.name))
                {
                    card.property_lines.push((*name, number));
                }
            }
        }
    }
    strays.flush(warnings);
    if let Some(card) = open.pop() {
        let reason = match card.nested_at {
            Some(next) => {
                format!("card has no END:VCARD before the next card begins on line {next}")
            }
            None => "card has no END:VCARD (the file ends inside it)".into(),
        };
        return Err(error(card.line, "BEGIN:VCARD", reason));
    }
    if cards.is_empty() {
        return Err(error(1, "BEGIN:VCARD", "no vCard in the file".into()));
    }
    unread.warn(file, warnings);
    cards.sort_by_key(|c| c.line);
    Ok(cards)
}

/// Properties that only a program reads (versions, ids, sort keys, display
/// hints): leaving them out loses nothing the user wrote.
const MACHINE_PROPERTIES: &[&str] = &[
    "PRODID",
    "REV",
    "KIND",
    "CLASS",
    "SOURCE",
    "NAME",
    "MAILER",
    "SORT-STRING",
    "CLIENTPIDMAP",
    "X-ABUID",
    "X-ABLABEL",
    "X-ABSHOWAS",
    "X-ABADR",
    "X-IMAGETYPE",
    "X-IMAGEHASH",
    "X-SHARED-PHOTO-DISPLAY-PREF",
    "X-MS-OL-DESIGN",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
];

/// The properties of a file that keepwarm has no field for and does not keep
/// in the notes (pictures, anniversaries, time zones…), for one warning that
/// names each with the cards it was in and its first line.
#[derive(Default)]
struct UnreadProperties {
    /// Name (upper case), cards it was in, its first line, the last card seen.
    seen: Vec<(String, usize, usize, usize)>,
}

impl UnreadProperties {
    fn note(&mut self, name: &str, card_line: usize, line: usize) {
        if MACHINE_PROPERTIES
            .iter()
            .any(|m| name.eq_ignore_ascii_case(m))
        {
            return;
        }
        match self
            .seen
            .iter_mut()
            .find(|(known, ..)| known.eq_ignore_ascii_case(name))
        {
            Some((_, cards, _, last_card)) => {
                if *last_card != card_line {
                    *cards += 1;
                    *last_card = card_line;
                }
            }
            None => self
                .seen
                .push((name.to_ascii_uppercase(), 1, line, card_line)),
        }
    }

    fn warn(self, file: &Path, warnings: &mut Vec<String>) {
        if self.seen.is_empty() {
            return;
        }
        // A file of odd properties names the first dozen, then counts the rest.
        const LISTED: usize = 12;
        let mut listed: Vec<String> = self
            .seen
            .iter()
            .take(LISTED)
            .map(|(name, cards, line, _)| {
                let shown = super::shown(name);
                match cards {
                    1 => format!("{shown} (1 card, line {line})"),
                    n => format!("{shown} ({n} cards, first on line {line})"),
                }
            })
            .collect();
        if self.seen.len() > LISTED {
            listed.push(format!("and {} more", self.seen.len() - LISTED));
        }
        warnings.push(format!(
            "{}: not kept, keepwarm has no field for them: {}",
            file.display(),
            listed.join(", ")
        ));
    }
}

/// Reads a vCard birthday: `YYYYMMDD`, `YYYY-MM-DD`, `--MMDD`, `--MM-DD`, with an
/// optional time; Apple's year 1604 (or `X-APPLE-OMIT-YEAR`) means no year.
pub fn parse_birthday(raw: &str, omit_year: Option<&str>) -> Option<Birthday> {
    let value = raw.trim();
    let date = value.split(['T', 't']).next().unwrap_or("").trim();
    let (year, rest) = if let Some(rest) = date.strip_prefix("--") {
        (None, rest.to_owned())
    } else {
        let digits: String = date.chars().filter(|c| *c != '-').collect();
        if digits.len() != 8 || !date.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return None;
        }
        (Some(digits[..4].to_owned()), digits[4..].to_owned())
    };
    let rest: String = rest.chars().filter(|c| *c != '-').collect();
    if rest.len() != 4 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month: u32 = rest[..2].parse().ok()?;
    let day: u32 = rest[2..].parse().ok()?;
    let year: Option<i32> = match year {
        Some(y) => {
            let y: i32 = y.parse().ok()?;
            let omitted = omit_year.and_then(|o| o.parse::<i32>().ok()) == Some(y);
            (!omitted && y != 1604 && y != 0).then_some(y)
        }
        None => None,
    };
    Birthday::new(year, month, day)
}

/// The text of a property's values, components flattened.
fn texts(values: Vec<VCardValue>) -> Vec<String> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        match v {
            VCardValue::Text(s) => out.push(repair_mojibake(s)),
            VCardValue::Component(parts) => out.extend(parts.into_iter().map(repair_mojibake)),
            VCardValue::Integer(n) => out.push(n.to_string()),
            _ => {}
        }
    }
    out
}

fn parse_vcards(text: &str, file: &Path, dates: &DateReading) -> Result<ParsedFile> {
    let text = normalise_line_ends(text);
    let mut parsed = ParsedFile::new(file);
    let outlines = outline(&text, file, &mut parsed.warnings)?;
    parsed.contacts.reserve(outlines.len());
    let mut card_text = String::new();
    for (number, outline) in outlines.iter().enumerate() {
        let properties = match plain_card(outline, &text) {
            Some(properties) => properties,
            None => match read_with_calcard(outline, &text, &mut card_text) {
                Some(properties) => properties,
                None => {
                    return Err(Error::Import {
                        file: file.to_owned(),
                        line: outline.line,
                        field: "BEGIN:VCARD".into(),
                        reason: format!("card {} could not be read", number + 1),
                    })
                }
            },
        };
        read_card(properties, outline, number + 1, file, dates, &mut parsed);
    }
    Ok(parsed)
}

/// A property as [`read_card`] reads it: its name and its values as text
/// (structured values flattened, escapes undone).
type Property = (VCardProperty, Vec<String>);

/// Reads a card with calcard: one card at a time, so that each maps to its
/// line and nesting cannot confuse it (`card_text`'s allocation is reused).
fn read_with_calcard(
    outline: &CardOutline,
    text: &str,
    card_text: &mut String,
) -> Option<Vec<Property>> {
    outline.write_text(text, card_text);
    let mut parser = Parser::new(card_text);
    let card = loop {
        match parser.entry() {
            Entry::VCard(card) => break card,
            Entry::Eof => return None,
            _ => {}
        }
    };
    Some(
        card.entries
            .into_iter()
            .map(|entry| (entry.name, texts(entry.values)))
            .collect(),
    )
}

/// How a property's value splits into values (as calcard splits it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Split {
    /// One value.
    None,
    /// At `;` (ORG).
    Semicolon,
    /// At `;` and `,`, flattened (N).
    SemicolonAndComma,
    /// At `,`, each value trimmed of spaces and tabs (CATEGORIES).
    Comma,
}

/// The property a read name stands for, how its value splits, and whether
/// its value may be a URI (a `data:` URI is no text).
fn plain_property(name: &str) -> Option<(VCardProperty, Split, bool)> {
    let known = [
        ("FN", VCardProperty::Fn, Split::None, false),
        ("N", VCardProperty::N, Split::SemicolonAndComma, false),
        ("EMAIL", VCardProperty::Email, Split::None, false),
        ("TEL", VCardProperty::Tel, Split::None, false),
        ("ORG", VCardProperty::Org, Split::Semicolon, false),
        ("TITLE", VCardProperty::Title, Split::None, false),
        ("CATEGORIES", VCardProperty::Categories, Split::Comma, false),
        ("NOTE", VCardProperty::Note, Split::None, false),
        ("UID", VCardProperty::Uid, Split::None, true),
        ("URL", VCardProperty::Url, Split::None, true),
        ("NICKNAME", VCardProperty::Nickname, Split::Comma, false),
        ("ADR", VCardProperty::Adr, Split::SemicolonAndComma, false),
        ("ROLE", VCardProperty::Role, Split::None, false),
        ("IMPP", VCardProperty::Impp, Split::None, true),
        ("VERSION", VCardProperty::Version, Split::None, false),
    ];
    if let Some((_, property, split, uri)) = known
        .into_iter()
        .find(|(known, ..)| name.eq_ignore_ascii_case(known))
    {
        return Some((property, split, uri));
    }
    // The X- properties read; calcard knows none of them.
    let x_prefix = name
        .as_bytes()
        .get(..2)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"X-"));
    (name.len() > 2 && x_prefix && is_read(name))
        .then(|| (VCardProperty::Other(name.to_owned()), Split::None, false))
}

/// Whether parameters change nothing about how the value reads: each is
/// `name=value` without quotes or escapes, and none is ENCODING, CHARSET,
/// VALUE or BASE64 (calcard decodes a value with a `BASE64` parameter), nor
/// says quoted-printable anywhere (the outline then joins soft line breaks,
/// which only calcard reads).
fn plain_parameters(params: &str) -> bool {
    if params
        .as_bytes()
        .windows(16)
        .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"))
    {
        return false;
    }
    params.split(';').skip(1).all(|param| {
        let Some((name, value)) = param.split_once('=') else {
            return false;
        };
        !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !["ENCODING", "CHARSET", "VALUE", "BASE64"]
                .iter()
                .any(|n| name.eq_ignore_ascii_case(n))
            && !value
                .bytes()
                .any(|b| matches!(b, b'"' | b'\\' | b':') || b.is_ascii_control())
    })
}

/// Splits and unescapes a plain value as calcard does (`\n`, `\N`, `\,`, `\;`
/// and `\\`); `None` for any other use of a backslash.
fn plain_values(value: &str, split: Split, folded: bool) -> Option<Vec<String>> {
    if split == Split::Comma {
        // calcard's own whitespace rules differ once a value has escapes or folds.
        if folded || value.contains('\\') {
            return None;
        }
        return Some(
            value
                .split(',')
                .map(|v| repair_mojibake(v.trim_matches([' ', '\t']).to_owned()))
                .collect(),
        );
    }
    let bytes = value.as_bytes();
    if split == Split::None && memchr::memchr(b'\\', bytes).is_none() {
        return Some(vec![repair_mojibake(value.to_owned())]);
    }
    let mut values = Vec::with_capacity(if split == Split::None { 1 } else { 6 });
    let mut current = String::new();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => {
                current.push_str(&value[start..at]);
                current.push(match bytes.get(at + 1) {
                    Some(b'n' | b'N') => '\n',
                    Some(&e @ (b',' | b';' | b'\\')) => char::from(e),
                    _ => return None,
                });
                at += 2;
                start = at;
                continue;
            }
            b';' if split != Split::None => {}
            b',' if split == Split::SemicolonAndComma => {}
            _ => {
                at += 1;
                continue;
            }
        }
        // A separator ends a value.
        current.push_str(&value[start..at]);
        values.push(repair_mojibake(std::mem::take(&mut current)));
        at += 1;
        start = at;
    }
    current.push_str(&value[start..]);
    values.push(repair_mojibake(current));
    Some(values)
}

/// Reads a card whose properties are plain (UTF-8 text, no quoted-printable,
/// no charset or value type, the common escapes only) the way calcard reads
/// them, without calcard: it tokenises byte by byte and allocates per token,
/// and was most of the import's parsing. `None` sends the card to calcard.
fn plain_card(outline: &CardOutline, text: &str) -> Option<Vec<Property>> {
    let mut properties = Vec::with_capacity(12);
    let mut logical: Option<std::borrow::Cow<'_, str>> = None;
    let lines = outline
        .body
        .iter()
        .flat_map(|range| Lines::new(&text[range.clone()]));
    for raw in lines.chain(std::iter::once("")) {
        let end = raw.is_empty();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        // Line ends are normalised: no other CR is left in a line.
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !end && line.starts_with([' ', '\t']) {
            // A fold: the rest of the line continues the property.
            let folded = logical.as_mut()?;
            if folded.ends_with('\\') {
                return None;
            }
            folded.to_mut().push_str(&line[1..]);
            continue;
        }
        if let Some(done) = logical.take() {
            let h = head(&done);
            let value = h.value?;
            if !h.well_formed || !plain_parameters(h.params) {
                return None;
            }
            let (property, split, uri) = plain_property(h.name)?;
            if property != VCardProperty::Version {
                let folded = matches!(done, std::borrow::Cow::Owned(_));
                let values = plain_values(value, split, folded)?;
                let data_uri =
                    |v: &String| v.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:"));
                if uri && values.iter().any(data_uri) {
                    return None;
                }
                properties.push((property, values));
            }
        }
        if !end && !line.is_empty() {
            logical = Some(std::borrow::Cow::Borrowed(line));
        }
    }
    Some(properties)
}

/// What a card says that keepwarm has no field for but the user wrote
/// (a nickname, an address, a website…): kept as `Label: value` lines after the
/// card's notes, as the CSV importers keep such columns — searchable, and
/// exported with the notes.
#[derive(Default)]
struct KeptLines(Vec<String>);

impl KeptLines {
    /// One line for a property's values (the non-empty ones, joined).
    fn add(&mut self, label: &str, values: impl IntoIterator<Item = String>) {
        let parts: Vec<String> = values
            .into_iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if !parts.is_empty() {
            self.0.push(format!("{label}: {}", parts.join(", ")));
        }
    }

    /// Appends the lines the notes do not hold yet (importing keepwarm's own
    /// export, whose notes already carry them, adds nothing).
    fn append_to(self, notes: &mut String) {
        for line in self.0 {
            if notes.lines().any(|l| l.trim() == line) {
                continue;
            }
            if !notes.trim().is_empty() {
                notes.push('\n');
            }
            notes.push_str(&line);
        }
    }
}

/// A URL or social profile: the first LinkedIn profile is the contact's
/// profile (it tells namesakes apart); any other link is kept in the notes.
fn read_link(
    values: Vec<String>,
    label: &str,
    profile_url: &mut Option<String>,
    kept: &mut KeptLines,
) {
    for value in values {
        if profile_url.is_none() && value.to_ascii_lowercase().contains("linkedin.com/in/") {
            *profile_url = Some(value);
        } else {
            kept.add(label, [value]);
        }
    }
}

/// Turns one parsed card into a contact (or a skip), collecting warnings.
fn read_card(
    properties: Vec<Property>,
    outline: &CardOutline,
    number: usize,
    file: &Path,
    dates: &DateReading,
    parsed: &mut ParsedFile,
) {
    let at =
        |field: &str, line: usize| format!("{}:{line} (card {number}) {field}", file.display());
    // The nth property of a name read is on the nth line of that name.
    let mut counts = [0usize; LINED_PROPERTIES.len()];
    let mut line_of = |name: &str| -> usize {
        let Some(i) = LINED_PROPERTIES.iter().position(|p| *p == name) else {
            return outline.line;
        };
        let nth = counts[i];
        counts[i] += 1;
        outline
            .property_lines
            .iter()
            .filter(|(n, _)| *n == name)
            .nth(nth)
            .map_or(outline.line, |(_, line)| *line)
    };
    let mut lines = super::FieldLines::default();
    let mut contact = NewContact::default();
    let mut uid = None;
    let mut paused = false;
    let mut notes = Vec::new();
    let mut formatted_name = String::new();
    let mut n_parts: Vec<String> = Vec::new();
    let mut categories: Vec<String> = Vec::new();
    let mut profile_url = None;
    let mut kept = KeptLines::default();
    for (name, values) in properties {
        match &name {
            VCardProperty::Fn => {
                lines.set("name", line_of("FN"));
                formatted_name = values.join(" ");
            }
            VCardProperty::N => {
                let line = line_of("N");
                lines.set("given name", line);
                lines.set("family name", line);
                n_parts = values;
            }
            VCardProperty::Email => {
                let line = line_of("EMAIL");
                for email in values.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
                    let email = email.strip_prefix("mailto:").unwrap_or(email);
                    if crate::model::is_email(email) {
                        lines.set_value("email", email, line);
                        contact.emails.push(email.to_owned());
                    } else {
                        parsed.warnings.push(format!(
                            "{}: '{email}' is not an email address; left out",
                            at("EMAIL", line)
                        ));
                    }
                }
            }
            VCardProperty::Tel => {
                let line = line_of("TEL");
                for phone in values.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
                    let phone = phone.strip_prefix("tel:").unwrap_or(phone);
                    if phone.chars().filter(char::is_ascii_digit).count() >= 3 {
                        lines.set_value("phone", phone, line);
                        contact.phones.push(phone.to_owned());
                    } else {
                        parsed.warnings.push(format!(
                            "{}: '{phone}' is not a phone number; left out",
                            at("TEL", line)
                        ));
                    }
                }
            }
            VCardProperty::Org => {
                let line = line_of("ORG");
                let mut parts = values
                    .into_iter()
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty());
                if contact.company.is_none() {
                    lines.set("company", line);
                    contact.company = parts.next();
                    kept.add("Department", parts);
                } else {
                    kept.add("Organisation", parts);
                }
            }
            VCardProperty::Title => {
                let line = line_of("TITLE");
                if contact.title.is_none() {
                    lines.set("title", line);
                    contact.title = Some(values.join(" ")).filter(|t| !t.trim().is_empty());
                } else {
                    kept.add("Title", values);
                }
            }
            VCardProperty::Nickname => kept.add("Nickname", values),
            VCardProperty::Adr => kept.add("Address", values),
            VCardProperty::Role => kept.add("Role", values),
            VCardProperty::Impp => kept.add("Messaging", values),
            VCardProperty::Categories => {
                let line = line_of("CATEGORIES");
                lines.set("interest", line);
                lines.set("tag", line);
                categories.extend(values);
            }
            VCardProperty::Other(name) if name.eq_ignore_ascii_case(TAG_PROPERTY) => {
                contact.tags.extend(values)
            }
            VCardProperty::Note => {
                lines.set("notes", line_of("NOTE"));
                notes.extend(values);
            }
            VCardProperty::Uid => {
                uid = values
                    .into_iter()
                    .next()
                    .map(|u| u.trim().trim_start_matches("urn:uuid:").to_owned())
                    .filter(|u| !u.is_empty());
            }
            VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-KEEPWARM-CIRCLE") => {
                contact.circle = values.first().and_then(|c| c.parse::<Circle>().ok());
            }
            VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-KEEPWARM-PAUSED") => {
                paused = values
                    .first()
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
            }
            VCardProperty::Url => read_link(values, "Website", &mut profile_url, &mut kept),
            VCardProperty::Other(name) if name.to_ascii_uppercase().starts_with("X-SOCIAL") => {
                read_link(values, "Profile", &mut profile_url, &mut kept);
            }
            _ => {}
        }
    }
    if let Some((raw, omit)) = &outline.birthday {
        lines.set("birthday", outline.birthday_line);
        // A phone may write BDAY as the user writes dates (`4/12/1979`).
        let read = parse_birthday(raw, omit.as_deref())
            .map_or_else(|| numeric_birthday(raw, dates), BirthdayText::Date);
        contact.birthday = birthday_or_warning(
            read,
            raw,
            &format!("{}:", at("BDAY", outline.birthday_line)),
            &mut parsed.warnings,
        );
    }
    // N is family;given;additional;prefix;suffix.
    let part = |i: usize| {
        n_parts
            .get(i)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    contact.family_name = part(0);
    contact.given_name = part(1);
    contact.name = if formatted_name.trim().is_empty() {
        join_names(&[&part(3), &part(1), &part(2), &part(0), &part(4)])
    } else {
        formatted_name
    };
    if contact.name.trim().is_empty() {
        // No name at all: a company card, or one known only by its address.
        contact.name = fallback_name(&contact);
    }
    contact.notes = notes.join("\n");
    kept.append_to(&mut contact.notes);
    // Google's vCard export puts its labels in CATEGORIES, system groups
    // (myContacts, starred) included: there they are tags, as in its CSV.
    // Elsewhere (Apple, keepwarm's own export) CATEGORIES are interests.
    if categories.iter().any(|c| super::is_google_system_group(c)) {
        contact.tags.extend(
            categories
                .into_iter()
                .filter(|c| !super::is_google_system_group(c)),
        );
    } else {
        contact.interests = categories;
    }
    if contact.name.trim().is_empty() {
        parsed.skipped.push(Skipped {
            line: outline.line,
            reason: format!("card {number} has no name, email, phone or company"),
        });
        return;
    }
    parsed.contacts.push(ImportedContact {
        contact,
        uid,
        connected_on: None,
        line: outline.line,
        paused,
        profile_url,
        field_lines: lines,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birthday_forms() {
        let b = |s: &str| parse_birthday(s, None).map(|b| b.to_string());
        assert_eq!(b("19850704").as_deref(), Some("1985-07-04"));
        assert_eq!(b("1985-07-04").as_deref(), Some("1985-07-04"));
        assert_eq!(b("1985-07-04T10:20:30Z").as_deref(), Some("1985-07-04"));
        assert_eq!(b("--0412").as_deref(), Some("--04-12"));
        assert_eq!(b("--04-12").as_deref(), Some("--04-12"));
        assert_eq!(b("1604-05-16").as_deref(), Some("--05-16"));
        assert_eq!(b("--0229").as_deref(), Some("--02-29"));
        assert_eq!(b("sometime in spring"), None);
        assert_eq!(b("1985-02-30"), None);
        assert_eq!(
            parse_birthday("2000-05-16", Some("2000"))
                .map(|b| b.to_string())
                .as_deref(),
            Some("--05-16")
        );
    }

    #[test]
    fn a_numeric_bday_is_read_in_the_users_order_with_a_warning() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Byrne\nBDAY:4/12/1979\nEND:VCARD\n\
                    BEGIN:VCARD\nVERSION:3.0\nFN:Bo Byrne\nBDAY:20/12/1981\nEND:VCARD\n";
        let parsed = VcardImporter
            .parse_dated(
                text,
                Path::new("phone.vcf"),
                &DateReading::of_region(Some("AU-VIC")),
            )
            .unwrap();
        let birthdays: Vec<Option<String>> = parsed
            .contacts
            .iter()
            .map(|c| c.contact.birthday.map(|b| b.to_string()))
            .collect();
        assert_eq!(
            birthdays,
            [Some("1979-12-04".to_owned()), Some("1981-12-20".to_owned())]
        );
        assert_eq!(
            parsed.warnings,
            ["phone.vcf:4 (card 1) BDAY: '4/12/1979' read as 4 December 1979 (day first, as in AU); edit the contact if that is wrong"]
        );
    }

    fn names(text: &str) -> Vec<String> {
        VcardImporter
            .parse(text, Path::new("t.vcf"))
            .unwrap()
            .contacts
            .into_iter()
            .map(|c| c.contact.name)
            .collect()
    }

    #[test]
    fn nested_grouped_indented_and_cr_only_cards() {
        // vCard 2.1 nesting: the parent and each nested card are contacts.
        let nested = "BEGIN:VCARD\nN:parent\nBEGIN:VCARD\nN:nest1\nEND:VCARD\nTEL:1\nEND:VCARD\n";
        assert_eq!(names(nested), ["parent", "nest1"]);
        // Group prefixes on BEGIN/END, lower case.
        assert!(VcardImporter.sniff("home.begin:vcard\nfn:A\nhome.end:vcard\n"));
        assert_eq!(
            names("home.begin:vcard\nfn:Meister Berger\nhome.end:vcard\n"),
            ["Meister Berger"]
        );
        // A stray indent before the first BEGIN, and old Mac line ends.
        assert_eq!(
            names(" BEGIN:VCARD\r\nFN:John Doe\r\nEND:VCARD\r\n"),
            ["John Doe"]
        );
        assert_eq!(names("BEGIN:VCARD\rFN:Mac Doe\rEND:VCARD\r"), ["Mac Doe"]);
    }

    #[test]
    fn unbalanced_cards_name_their_line() {
        let err = |t: &str| {
            VcardImporter
                .parse(t, Path::new("t.vcf"))
                .unwrap_err()
                .to_string()
        };
        assert!(err("BEGIN:VCARD\nFN:A\n").contains("t.vcf:1"));
        assert!(err("FN:A\nEND:VCARD\n").contains("t.vcf:1"));
        assert!(err("BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n").contains("t.vcf:4"));
        assert!(err("BEGIN:VCARD\nFN:A\nEND:VCARD\n\nstray text\n").contains("t.vcf:5"));
    }

    /// Reads every card of `text` both ways where it is plain: without
    /// calcard and with it. Returns how many cards were plain.
    fn plain_reads_as_calcard(text: &str) -> usize {
        let text = normalise_line_ends(text);
        let mut warnings = Vec::new();
        let Ok(outlines) = outline(&text, Path::new("t.vcf"), &mut warnings) else {
            return 0;
        };
        let mut card_text = String::new();
        let mut plain = 0;
        for card in &outlines {
            let Some(fast) = plain_card(card, &text) else {
                continue;
            };
            let slow: Vec<Property> = read_with_calcard(card, &text, &mut card_text)
                .unwrap_or_default()
                .into_iter()
                .filter(|(name, _)| *name != VCardProperty::Version)
                .collect();
            assert_eq!(fast, slow, "card of line {}:\n{card_text}", card.line);
            plain += 1;
        }
        plain
    }

    #[test]
    fn plain_cards_read_as_calcard_reads_them() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "vcf") {
                plain_reads_as_calcard(&crate::interop::decode(&std::fs::read(&path).unwrap()));
            }
        }
        // The generated cards (escapes, folds, groups, photos) are all plain.
        assert_eq!(
            plain_reads_as_calcard(&super::super::sample::vcards_3_0(300, 10, 3)),
            300
        );
        let tricky = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;John,Jack;;Dr.;\r\nFN: John \r\n  Doe\\, Jr.\r\n\
            ORG:Acme\\; Co;Sales\\nTeam\r\nCATEGORIES: a , b,,c \r\nNOTE:caf\u{c3}\u{a9} \\\\ x\\N\r\n\
            URL:https://linkedin.com/in/x\r\nEMAIL;TYPE=work;PREF=1:a@b.c\r\nEND:VCARD\r\n";
        assert_eq!(plain_reads_as_calcard(tricky), 1);
        // What calcard reads its own way goes to calcard.
        for card in [
            "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9",
            "NOTE;CHARSET=ISO-8859-1:x",
            "TEL;WORK;VOICE:123",
            "URL:data:text/plain,hi",
            "NOTE:a\\tb",
            "CATEGORIES:a\\,b",
            "EMAIL;TYPE=\"a:b\":x@y.z",
            "NOTE;BASE64=1:SGVsbG8=",
            // A soft line break joins the next line, whatever it holds (once a
            // panic: a name cut inside a character).
            "NOTE;TYPE=QUOTED-PRINTABLE:abc=\na\u{5c71}:x",
            "NOTE;X-QUOTED-PRINTABLE=1:abc=\n\u{5c71}\u{5c71}:x",
        ] {
            let text = format!("BEGIN:VCARD\nVERSION:3.0\n{card}\nEND:VCARD\n");
            assert_eq!(plain_reads_as_calcard(&text), 0, "{card}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn random_plain_cards_read_as_calcard_reads_them(
            lines in proptest::collection::vec(
                (
                    0..16usize,
                    0..14usize,
                    proptest::prop_oneof![
                        3 => "([a-zA-Z0-9 ,;:\"=.@\t\u{e9}\u{c3}\u{a9}\u{5c71}-]|\\\\[nN,;\\\\]){0,30}",
                        1 => "[a-zA-Z0-9 ,;:\\\\\"=.@\t\\-\u{e9}\u{c3}\u{a9}\u{5c71}]{0,30}",
                    ],
                    proptest::collection::vec(1..60usize, 0..3),
                ),
                1..6,
            )
        ) {
            const NAMES: [&str; 16] = [
                "FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "CATEGORIES", "NOTE", "UID", "URL",
                "X-SOCIALPROFILE", "X-KEEPWARM-TAG", "item1.EMAIL", "fn", "Org", "X-KEEPWARM-CIRCLE",
            ];
            // Mostly parameters that leave the card plain.
            const PARAMS: [&str; 14] = [
                "", "", "", ";TYPE=work", ";type=INTERNET;type=pref", ";PREF=1", ";LANGUAGE=de",
                ";TYPE=home,work", ";CHARSET=UTF-8", ";ENCODING=b", ";VALUE=uri", ";WORK",
                ";TYPE=\"a,b\"", ";X-A=b=c",
            ];
            let mut text = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
            for (name, param, value, folds) in lines {
                let mut line = format!("{}{}:{value}", NAMES[name], PARAMS[param]);
                let mut folds = folds;
                folds.sort_unstable();
                for at in folds.into_iter().rev() {
                    if at < line.len() && line.is_char_boundary(at) {
                        line.insert_str(at, "\r\n ");
                    }
                }
                text.push_str(&line);
                text.push_str("\r\n");
            }
            text.push_str("END:VCARD\r\n");
            plain_reads_as_calcard(&text);
        }
    }

    #[test]
    fn property_names_drop_groups_and_parameters() {
        assert_eq!(property_name("item1.EMAIL;type=INTERNET:a@b.c"), "EMAIL");
        assert_eq!(property_name("BDAY:--0412"), "BDAY");
        assert_eq!(property_value("X;P=\"a:b\":value"), Some("value"));
    }
}
