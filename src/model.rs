//! The data keepwarm keeps: contacts, interactions, promises and ping actions.
//!
//! Dates are local calendar dates ([`NaiveDate`]); nothing here is ever shifted
//! through UTC, so "met on the 3rd" stays the 3rd wherever the user travels.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Parses an ISO `YYYY-MM-DD` date, naming the field in the error.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate> {
    let trimmed = value.trim();
    // chrono's %Y also accepts "+2026" or 5-digit years; insist on the plain form.
    let shape_ok = trimmed.len() == 10
        && trimmed.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(Error::invalid(
            field,
            value,
            "expected a date as YYYY-MM-DD",
        ));
    }
    // The shape is checked: read the digits directly (chrono's format parser
    // costs more than the rest of loading a large plan's dates).
    let b = trimmed.as_bytes();
    let number = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))
    };
    i32::try_from(number(0..4))
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)))
        .ok_or_else(|| Error::invalid(field, value, "no such calendar date"))
}

/// What follows `Nickname:` on each such line of a contact's notes (`Nickname:
/// Robbo, Rob`), where importers keep nicknames, or in a sentence of its own
/// within a line ("Amma (Mum). Nickname: Amma. I ring her on Sundays."); any
/// case.
pub fn nickname_lines(notes: &str) -> impl Iterator<Item = &str> {
    // Most notes hold none: skip the line walk.
    let any = notes.contains("ickname");
    notes.lines().filter(move |_| any).filter_map(|line| {
        let line = line.trim();
        if line
            .get(..9)
            .is_some_and(|label| label.eq_ignore_ascii_case("nickname:"))
        {
            return Some(&line[9..]);
        }
        // Byte offsets of the lower-cased line match the line's for ASCII
        // labels; `get` guards the rest.
        let lower = line.to_ascii_lowercase();
        let at = lower
            .match_indices("nickname:")
            .map(|(at, _)| at)
            .find(|&at| line[..at].trim_end().ends_with(['.', ';', '(', ',']))?;
        let rest = line.get(at + 9..)?;
        let end = rest.find(['.', ';', ')']).unwrap_or(rest.len());
        Some(&rest[..end])
    })
}

/// Whether `haystack` contains `needle` (ASCII), in any case, without a
/// lower-case copy of `haystack`.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len().max(1))
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Words that open a family name ("Síle Ní Dhonnchadha", "Juan de la
/// Cruz", "Anna van der Berg"): the given name ends before them.
const SURNAME_PARTICLES: [&str; 30] = [
    "ní", "nic", "ó", "o", "ua", "uí", "mac", "mc", "mhic", "de", "del", "della", "di", "da",
    "das", "dos", "du", "van", "von", "der", "den", "ter", "ten", "le", "la", "bin", "binti",
    "ibn", "al", "el",
];

/// Titles before a name that are no part of the given name ("Dr Fergal
/// Quinn" is Fergal).
const HONORIFICS: [&str; 8] = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir"];

/// Whether a word opens a family name ("Ní", "de", "van").
pub fn is_surname_particle(word: &str) -> bool {
    let lower = word.to_lowercase();
    SURNAME_PARTICLES.contains(&lower.as_str())
}

/// Splits a full name into given and family names when only the full name is
/// known: the family name is the last word, or starts at a particle that
/// opens one ("Síle Ní Dhonnchadha" → "Síle", "Ní Dhonnchadha"); a title
/// before the name is left out of the given name.
pub fn split_name(name: &str) -> (String, String) {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 2
        && HONORIFICS.contains(&words[0].trim_end_matches('.').to_lowercase().as_str())
    {
        words.remove(0);
    }
    match words.len() {
        0 => (String::new(), String::new()),
        1 => (words[0].to_owned(), String::new()),
        n => {
            let family_from = (1..n - 1)
                .find(|&i| is_surname_particle(words[i]))
                .unwrap_or(n - 1);
            (
                words[..family_from].join(" "),
                words[family_from..].join(" "),
            )
        }
    }
}

/// Whether `s` looks like an email address: one `@` with text on both sides, no spaces.
pub fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    let shape = (parts.next(), parts.next(), parts.next());
    matches!(shape, (Some(local), Some(domain), None) if !local.is_empty() && !domain.is_empty())
        && !s.contains(char::is_whitespace)
}

/// How close a contact is; sets how often keepwarm suggests a ping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Circle {
    /// The closest few: about 10 pings a year.
    Inner,
    /// Key customers and partners: about 6 a year.
    Core,
    /// The wider network: about 4 a year.
    Network,
    /// People met once or twice: about 3 a year.
    Acquaintance,
}

impl Circle {
    /// All circles, closest first.
    pub const ALL: [Circle; 4] = [
        Circle::Inner,
        Circle::Core,
        Circle::Network,
        Circle::Acquaintance,
    ];

    /// The name used in the database, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Circle::Inner => "inner",
            Circle::Core => "core",
            Circle::Network => "network",
            Circle::Acquaintance => "acquaintance",
        }
    }

    /// The default number of pings a year for this circle.
    pub fn default_pings_per_year(self) -> u32 {
        match self {
            Circle::Inner => 10,
            Circle::Core => 6,
            Circle::Network => 4,
            Circle::Acquaintance => 3,
        }
    }
}

impl fmt::Display for Circle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Circle {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Circle::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    "circle",
                    s,
                    format!(
                        "expected inner, core, network or acquaintance{}",
                        crate::validate::did_you_mean(s, &Circle::ALL.map(|c| c.as_str()))
                    ),
                )
            })
    }
}

/// What kind of contact an interaction was; stronger kinds keep a relationship warmer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InteractionKind {
    /// Met in person.
    Meeting,
    /// A phone or video call.
    Call,
    /// A personal message (text, chat).
    Message,
    /// An email.
    Email,
    /// A like or comment on social media.
    Social,
    /// A gift or card sent.
    Gift,
    /// Met at an event or conference.
    Event,
}

impl InteractionKind {
    /// All kinds, in the order the CLI lists them.
    pub const ALL: [InteractionKind; 7] = [
        InteractionKind::Meeting,
        InteractionKind::Call,
        InteractionKind::Message,
        InteractionKind::Email,
        InteractionKind::Social,
        InteractionKind::Gift,
        InteractionKind::Event,
    ];

    /// The name used in the database, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            InteractionKind::Meeting => "meeting",
            InteractionKind::Call => "call",
            InteractionKind::Message => "message",
            InteractionKind::Email => "email",
            InteractionKind::Social => "social",
            InteractionKind::Gift => "gift",
            InteractionKind::Event => "event",
        }
    }
}

impl fmt::Display for InteractionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InteractionKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        InteractionKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    "kind",
                    s,
                    format!(
                        "expected meeting, call, message, email, social, gift or event{}",
                        crate::validate::did_you_mean(s, &InteractionKind::ALL.map(|k| k.as_str()))
                    ),
                )
            })
    }
}

/// Where a contact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Typed in by the user.
    Manual,
    /// Captured in conference mode.
    Conference,
    /// Imported from a vCard file.
    Vcard,
    /// Imported from LinkedIn's `Connections.csv`.
    Linkedin,
    /// Imported from Google Contacts.
    Google,
    /// Imported from Outlook.
    Outlook,
    /// Sample data.
    Demo,
}

impl Source {
    /// All sources.
    pub const ALL: [Source; 7] = [
        Source::Manual,
        Source::Conference,
        Source::Vcard,
        Source::Linkedin,
        Source::Google,
        Source::Outlook,
        Source::Demo,
    ];

    /// The name used in the database and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Manual => "manual",
            Source::Conference => "conference",
            Source::Vcard => "vcard",
            Source::Linkedin => "linkedin",
            Source::Google => "google",
            Source::Outlook => "outlook",
            Source::Demo => "demo",
        }
    }

    /// How people call the place, for sentences ("Connected on LinkedIn").
    pub fn label(self) -> &'static str {
        match self {
            Source::Manual => "added by hand",
            Source::Conference => "met at a conference",
            Source::Vcard => "a vCard file",
            Source::Linkedin => "LinkedIn",
            Source::Google => "Google Contacts",
            Source::Outlook => "Outlook",
            Source::Demo => "sample data",
        }
    }
}

impl FromStr for Source {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Source::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::invalid("source", s, "unknown contact source"))
    }
}

/// A birthday, with or without the year (vCard `--MMDD`, Apple's year 1604).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Birthday {
    /// The birth year when known.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31 (29 February is allowed without a year).
    pub day: u32,
}

impl Birthday {
    /// A birthday with a checked month and day. Without a year, 29 February is valid.
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Option<Birthday> {
        // 2000 is a leap year, so it accepts every month/day that exists in some year.
        let check_year = year.unwrap_or(2000);
        NaiveDate::from_ymd_opt(check_year, month, day)?;
        Some(Birthday { year, month, day })
    }

    /// The date of this birthday in `year`; 29 February falls on 28 February in common years.
    pub fn in_year(&self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The first occurrence on or after `from`.
    pub fn next_on_or_after(&self, from: NaiveDate) -> NaiveDate {
        let this_year = self.in_year(from.year());
        if this_year >= from {
            this_year
        } else {
            self.in_year(from.year() + 1)
        }
    }
}

impl fmt::Display for Birthday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

impl FromStr for Birthday {
    type Err = Error;
    /// Accepts `YYYY-MM-DD` and the year-less `--MM-DD`.
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim();
        let bad = |reason: &str| Error::invalid("birthday", s, reason.to_owned());
        if let Some(rest) = t.strip_prefix("--") {
            let (m, d) = rest
                .split_once('-')
                .filter(|(m, d)| m.len() == 2 && d.len() == 2)
                .ok_or_else(|| bad("expected YYYY-MM-DD or --MM-DD"))?;
            let month = m
                .parse()
                .map_err(|_| bad("expected YYYY-MM-DD or --MM-DD"))?;
            let day = d
                .parse()
                .map_err(|_| bad("expected YYYY-MM-DD or --MM-DD"))?;
            return Birthday::new(None, month, day).ok_or_else(|| bad("no such day of the year"));
        }
        let date = parse_date("birthday", t)?;
        Ok(Birthday {
            year: Some(date.year()),
            month: date.month(),
            day: date.day(),
        })
    }
}

impl Serialize for Birthday {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Birthday {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A person keepwarm keeps warm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Database id, stable for the life of the contact.
    pub id: i64,
    /// A globally unique id, kept across export and import.
    pub uid: String,
    /// The name shown everywhere.
    pub name: String,
    /// Given (first) name.
    pub given_name: String,
    /// Family (last) name.
    pub family_name: String,
    /// Email addresses, preferred first.
    pub emails: Vec<String>,
    /// Phone numbers as entered, preferred first.
    pub phones: Vec<String>,
    /// Employer.
    pub company: Option<String>,
    /// Job title.
    pub title: Option<String>,
    /// Birthday, possibly without a year.
    pub birthday: Option<Birthday>,
    /// Closeness, which sets the ping cadence.
    pub circle: Circle,
    /// Interests ("Celtics", "sailing"): what suggestions are made of.
    pub interests: Vec<String>,
    /// Labels and groups ("Clients", "Berlin 2025"): shown and searched, never suggested.
    pub tags: Vec<String>,
    /// Free-form notes.
    pub notes: String,
    /// A paused contact gets no pings.
    pub paused: bool,
    /// The local date the contact was added (for an import, when the source says
    /// you connected, e.g. LinkedIn's "Connected On").
    pub created_on: NaiveDate,
    /// Where the contact came from, when known.
    pub source: Option<Source>,
}

/// The fields of a contact to be created.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewContact {
    /// The name shown everywhere; derived from given/family name when empty.
    pub name: String,
    /// Given (first) name; derived from `name` when both parts are empty.
    pub given_name: String,
    /// Family (last) name.
    pub family_name: String,
    /// Email addresses.
    pub emails: Vec<String>,
    /// Phone numbers.
    pub phones: Vec<String>,
    /// Employer.
    pub company: Option<String>,
    /// Job title.
    pub title: Option<String>,
    /// Birthday.
    pub birthday: Option<Birthday>,
    /// Circle; `network` when not given.
    pub circle: Option<Circle>,
    /// Interests.
    pub interests: Vec<String>,
    /// Labels and groups.
    pub tags: Vec<String>,
    /// Notes.
    pub notes: String,
    /// Where the contact comes from; `manual` when not given.
    pub source: Option<Source>,
}

/// Something that happened between the user and a contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    /// Database id.
    pub id: i64,
    /// The contact it concerns.
    pub contact_id: i64,
    /// What kind of contact it was.
    pub kind: InteractionKind,
    /// The local date it happened (may be in the past when back-dated).
    pub date: NaiveDate,
    /// A note about it.
    pub note: String,
    /// The conference or meeting it happened at, if any.
    pub event: Option<String>,
}

/// A commitment made to a contact ("send the case study by Friday").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// Database id.
    pub id: i64,
    /// Whom it was made to.
    pub contact_id: i64,
    /// What was promised.
    pub text: String,
    /// When it is due.
    pub due: NaiveDate,
    /// When it was kept, if it was.
    pub done_on: Option<NaiveDate>,
}

/// What the user did with a suggested ping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PingActionKind {
    /// The ping was done (an interaction was logged with it).
    Done,
    /// The ping was moved to a later day.
    Snoozed,
    /// The ping was dropped.
    Skipped,
}

impl PingActionKind {
    /// The name used in the database and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PingActionKind::Done => "done",
            PingActionKind::Snoozed => "snoozed",
            PingActionKind::Skipped => "skipped",
        }
    }
}

/// A recorded action on a planned ping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PingAction {
    /// Database id.
    pub id: i64,
    /// The planned ping's id.
    pub ping_id: String,
    /// The contact the ping was for.
    pub contact_id: i64,
    /// What was done.
    pub action: PingActionKind,
    /// The date the ping had been planned for.
    pub planned_date: NaiveDate,
    /// The local date the action was taken.
    pub acted_on: NaiveDate,
    /// For a snooze, the day it moves to.
    pub snoozed_until: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_name_splits_before_a_family_name_s_particle() {
        for (name, given, family) in [
            ("Síle Ní Dhonnchadha", "Síle", "Ní Dhonnchadha"),
            ("Juan de la Cruz", "Juan", "de la Cruz"),
            ("Mary Anne Smith", "Mary Anne", "Smith"),
            ("Dr Fergal Quinn", "Fergal", "Quinn"),
            ("Dr Quinn", "Dr", "Quinn"),
            ("Siobhán O'Leary", "Siobhán", "O'Leary"),
            ("Madonna", "Madonna", ""),
            ("  ", "", ""),
        ] {
            assert_eq!(
                split_name(name),
                (given.to_owned(), family.to_owned()),
                "{name}"
            );
        }
    }

    #[test]
    fn birthday_forms_parse_and_print() {
        let b: Birthday = "1985-07-04".parse().unwrap();
        assert_eq!(
            b,
            Birthday {
                year: Some(1985),
                month: 7,
                day: 4
            }
        );
        assert_eq!(b.to_string(), "1985-07-04");
        let nb: Birthday = "--05-16".parse().unwrap();
        assert_eq!(
            nb,
            Birthday {
                year: None,
                month: 5,
                day: 16
            }
        );
        assert_eq!(nb.to_string(), "--05-16");
        assert!("--02-29".parse::<Birthday>().is_ok());
        assert!("--02-30".parse::<Birthday>().is_err());
        assert!("1985-02-29".parse::<Birthday>().is_err());
        assert!("1985-13-01".parse::<Birthday>().is_err());
        assert!("soon".parse::<Birthday>().is_err());
    }

    #[test]
    fn leap_day_birthday_falls_back_in_common_years() {
        let b: Birthday = "--02-29".parse().unwrap();
        assert_eq!(
            b.in_year(2027),
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
        );
        assert_eq!(
            b.in_year(2028),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
    }

    #[test]
    fn dates_must_be_plain_iso() {
        assert!(parse_date("--date", "2026-02-28").is_ok());
        for bad in ["2026-02-30", "2026-2-3", "+2026-02-03", "yesterday", ""] {
            let err = parse_date("--date", bad).unwrap_err().to_string();
            assert!(err.contains("--date"), "{err}");
        }
    }

    #[test]
    fn dates_read_as_chrono_reads_them() {
        for text in [
            "2024-02-29",
            "2023-02-29",
            "2026-00-10",
            "2026-13-01",
            "2026-04-31",
            "2026-12-00",
            "0000-01-01",
            "9999-12-31",
            " 2026-11-30 ",
        ] {
            let chrono = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
            assert_eq!(parse_date("date", text).ok(), chrono, "{text}");
        }
    }

    #[test]
    fn a_nickname_is_read_on_its_own_line_or_in_a_sentence_of_its_own() {
        fn read(notes: &str) -> Vec<&str> {
            nickname_lines(notes).map(str::trim).collect()
        }
        assert_eq!(
            read("Worked at Acme\nNickname: Robbo, Rob"),
            vec!["Robbo, Rob"]
        );
        assert_eq!(
            read("Amma (Mum). Nickname: Amma. I ring her every Sunday evening."),
            vec!["Amma"]
        );
        assert_eq!(read("Dad (nickname: Schorsch)"), vec!["Schorsch"]);
        assert!(read("Asked for a nickname:free badge").is_empty());
        assert!(read("No nickname here").is_empty());
    }
}
