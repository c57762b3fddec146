//! The rules every way in (add, edit, log, import, the desktop app) applies to
//! what the user gives, so that a value refused by one is refused by all.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::model::Birthday;

/// The longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest one-line text (company, title, interest, tag, event), in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// The longest note, in characters (a page or two of meeting notes).
pub const MAX_NOTE_CHARS: usize = 20_000;
/// The earliest date keepwarm accepts anywhere.
pub const EARLIEST_YEAR: i32 = 1900;

/// A name: not blank, at most [`MAX_NAME_CHARS`], no control characters.
/// Returns it with runs of spaces collapsed.
pub fn name(field: &str, value: &str) -> Result<String> {
    let collapsed = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        return Err(Error::invalid(field, value, "a contact needs a name"));
    }
    no_control_characters(field, value, false)?;
    at_most(field, &collapsed, MAX_NAME_CHARS)?;
    Ok(collapsed)
}

/// A one-line text (company, title, interest, tag, event): trimmed, at most
/// [`MAX_LINE_CHARS`], no control characters. `None` when blank.
pub fn line(field: &str, value: &str) -> Result<Option<String>> {
    no_control_characters(field, value, false)?;
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    at_most(field, trimmed, MAX_LINE_CHARS)?;
    Ok(Some(trimmed.to_owned()))
}

/// A note: trimmed, at most [`MAX_NOTE_CHARS`]; line breaks and tabs are fine,
/// other control characters are not.
pub fn note(field: &str, value: &str) -> Result<String> {
    no_control_characters(field, value, true)?;
    let trimmed = value.trim();
    at_most(field, trimmed, MAX_NOTE_CHARS)?;
    Ok(trimmed.to_owned())
}

/// A birthday: with a year, not after `today` and not before [`EARLIEST_YEAR`].
pub fn birthday(field: &str, value: Birthday, today: NaiveDate) -> Result<Birthday> {
    if let Some(year) = value.year {
        if year < EARLIEST_YEAR {
            return Err(Error::invalid(
                field,
                &value.to_string(),
                format!("a birthday before {EARLIEST_YEAR} is surely a typo"),
            ));
        }
        let date = value.in_year(year);
        if date > today {
            return Err(Error::invalid(
                field,
                &value.to_string(),
                format!("is after today ({today}); use --MM-DD when the year is unknown"),
            ));
        }
    }
    Ok(value)
}

/// The date of something that happened: not after `today`, not before [`EARLIEST_YEAR`].
pub fn past_date(field: &str, value: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if value > today {
        return Err(Error::invalid(
            field,
            &value.to_string(),
            format!("is after today ({today}); log what has already happened"),
        ));
    }
    any_date(field, value)
}

/// Any date keepwarm stores: not before [`EARLIEST_YEAR`].
pub fn any_date(field: &str, value: NaiveDate) -> Result<NaiveDate> {
    if value.year() < EARLIEST_YEAR {
        return Err(Error::invalid(
            field,
            &value.to_string(),
            format!("is before {EARLIEST_YEAR}; check the year"),
        ));
    }
    Ok(value)
}

fn at_most(field: &str, value: &str, limit: usize) -> Result<()> {
    let count = value.chars().count();
    if count > limit {
        let shown: String = value.chars().take(40).collect();
        return Err(Error::invalid(
            field,
            &format!("{shown}…"),
            format!("is {count} characters long; at most {limit} are allowed"),
        ));
    }
    Ok(())
}

/// Whether `value` may hold a control character (line breaks and tabs aside
/// when `allow_line_breaks`): false when none of the bytes that start one (C0,
/// DEL, and 0xC2 for C1) is there, which a vectorised scan tells at once for
/// the ASCII text most values are.
pub(crate) fn may_have_control(value: &str, allow_line_breaks: bool) -> bool {
    if allow_line_breaks {
        may_have_control_in::<true>(value.as_bytes())
    } else {
        may_have_control_in::<false>(value.as_bytes())
    }
}

/// [`may_have_control`] on bytes: blocks of 32 are tested whole, without
/// stopping at the first byte found, so that the compiler vectorises the test;
/// the bytes past the last block (all of most values) are tested as one more
/// block, padded with spaces.
fn may_have_control_in<const LINE_BREAKS: bool>(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let block_has = |block: &[u8; BLOCK]| {
        block.iter().fold(false, |any, &b| {
            let allowed = LINE_BREAKS & ((b == b'\n') | (b == b'\r') | (b == b'\t'));
            any | ((b < 0x20) & !allowed) | (b == 0x7f) | (b == 0xc2)
        })
    };
    let mut blocks = bytes.chunks_exact(BLOCK);
    for block in blocks.by_ref() {
        if block.try_into().is_ok_and(block_has) {
            return true;
        }
    }
    let rest = blocks.remainder();
    let mut last = [b' '; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    block_has(&last)
}

fn no_control_characters(field: &str, value: &str, allow_line_breaks: bool) -> Result<()> {
    if !may_have_control(value, allow_line_breaks) {
        return Ok(());
    }
    let bad = value
        .chars()
        .find(|&c| c.is_control() && !(allow_line_breaks && matches!(c, '\n' | '\r' | '\t')));
    if let Some(c) = bad {
        return Err(Error::invalid(
            field,
            &escape_control(value),
            format!(
                "contains the control character U+{:04X}; type it without it",
                u32::from(c)
            ),
        ));
    }
    Ok(())
}

/// `value` with control characters shown as `\u{…}` escapes, safe to print on a
/// terminal (escape sequences in a contact's name must not reach it raw).
pub fn escape_control(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The option most like what was typed (a slip of a letter or two, any case),
/// for "did you mean": `meting` → `meeting`; `None` when nothing is close.
pub fn closest<'a>(typed: &str, options: &[&'a str]) -> Option<&'a str> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    options
        .iter()
        .map(|o| (strsim::jaro_winkler(&typed, &o.to_lowercase()), *o))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, o)| o)
}

/// `; did you mean X?` when one of `options` is close to `typed`, else nothing.
pub fn did_you_mean(typed: &str, options: &[&str]) -> String {
    closest(typed, options)
        .map(|o| format!("; did you mean {o}?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_control_character_prefilter_misses_none() {
        let long = "Zoë Müller 山田 +1 555, ".repeat(3);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_control() {
                let line_break = matches!(c, '\n' | '\r' | '\t');
                // In a block of 32 bytes and in what is left after the blocks.
                for at in [0, 5, long.len() - 3, long.len()] {
                    let mut value = long.clone();
                    value.insert(at, c);
                    assert!(may_have_control(&value, false), "U+{:04X}", u32::from(c));
                    assert_eq!(
                        may_have_control(&value, true),
                        !line_break,
                        "U+{:04X}",
                        u32::from(c)
                    );
                }
            }
        }
        assert!(!may_have_control("Zoë Müller 山田 +1 555", false));
        assert!(!may_have_control(&long, false));
        assert!(!may_have_control(&format!("{long}\n{long}\r\n\t"), true));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn names_are_collapsed_bounded_and_clean() {
        assert_eq!(name("name", "  Ada   Lovelace ").unwrap(), "Ada Lovelace");
        assert!(name("name", "   ").is_err());
        assert!(name("name", &"x".repeat(200)).is_ok());
        let long = name("name", &"x".repeat(201)).unwrap_err().to_string();
        assert!(long.contains("201 characters"), "{long}");
        let escape = name("name", "Eve\u{1b}[31m").unwrap_err().to_string();
        assert!(
            escape.contains("U+001B") && !escape.contains('\u{1b}'),
            "{escape}"
        );
    }

    #[test]
    fn notes_keep_line_breaks_but_no_other_controls() {
        assert_eq!(note("notes", " a\nb\tc ").unwrap(), "a\nb\tc");
        assert!(note("notes", "bell\u{7}").is_err());
    }

    #[test]
    fn birthdays_must_have_happened() {
        let today = d(2026, 11, 29);
        let ok: Birthday = "1985-07-04".parse().unwrap();
        assert!(birthday("birthday", ok, today).is_ok());
        let yearless: Birthday = "--12-31".parse().unwrap();
        assert!(birthday("birthday", yearless, today).is_ok());
        let future: Birthday = "2030-01-01".parse().unwrap();
        assert!(birthday("birthday", future, today).is_err());
        let ancient: Birthday = "1850-01-01".parse().unwrap();
        assert!(birthday("birthday", ancient, today).is_err());
    }

    #[test]
    fn dates_of_what_happened() {
        let today = d(2026, 11, 29);
        assert!(past_date("--date", today, today).is_ok());
        assert!(past_date("--date", d(2026, 11, 30), today).is_err());
        assert!(past_date("--date", d(1899, 12, 31), today).is_err());
    }

    #[test]
    fn control_characters_are_escaped_for_terminals() {
        assert_eq!(escape_control("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_control("Léa"), "Léa");
    }
}
