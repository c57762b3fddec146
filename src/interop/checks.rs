//! The rules of [`crate::validate`] applied to imported records. A command
//! refuses a bad value; an import cleans or leaves out just that value, with a
//! warning naming the file and line, so that one bad cell never stops a file and
//! nothing is dropped without a word. Only a record whose name cannot be a name
//! is skipped (and listed in `skipped_records`).

use chrono::{Datelike, NaiveDate};

use super::{shown, ImportedContact};
use crate::validate::{self, MAX_LINE_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS};

/// Whether `c` may not stand in a value (`multiline`: notes keep line breaks and tabs).
fn forbidden(c: char, multiline: bool) -> bool {
    c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'))
}

/// What checking one record found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Values cleaned or left out, each naming the file and line.
    pub warnings: Vec<String>,
    /// Why the whole record is skipped, if it is.
    pub skip: Option<String>,
}

/// Cleans `record` in place: control characters removed, over-long values,
/// impossible birthdays and connection dates left out. `file` names the file in
/// the warnings; `today` bounds the dates.
pub fn check_record(record: &mut ImportedContact, file: &str, today: NaiveDate) -> Checked {
    let mut out = Checked::default();
    let lines = &record.field_lines;
    let first_line = record.line;
    // The line of the value itself when the file has it elsewhere (a vCard
    // property), else the record's.
    let at = |field: &str, value: Option<&str>| {
        format!("{file}:{}", lines.line(field, value).unwrap_or(first_line))
    };
    let c = &mut record.contact;

    // Control characters are removed, the rest of the value kept.
    let mut strip = |field: &str, value: &mut String, multiline: bool| {
        if crate::validate::may_have_control(value, multiline)
            && value.chars().any(|ch| forbidden(ch, multiline))
        {
            let before = shown(value);
            let at = at(field, Some(value.as_str()));
            value.retain(|ch| !forbidden(ch, multiline));
            out.warnings.push(format!(
                "{at}: {field} '{before}' has control characters; they were removed"
            ));
        }
    };
    strip("name", &mut c.name, false);
    strip("given name", &mut c.given_name, false);
    strip("family name", &mut c.family_name, false);
    for (field, value) in [("company", &mut c.company), ("title", &mut c.title)] {
        if let Some(v) = value {
            strip(field, v, false);
        }
    }
    for (field, list) in [("interest", &mut c.interests), ("tag", &mut c.tags)] {
        for v in list.iter_mut() {
            strip(field, v, false);
        }
    }
    strip("notes", &mut c.notes, true);
    // An email or phone with a control character in it is not one.
    for (field, list) in [("email", &mut c.emails), ("phone", &mut c.phones)] {
        list.retain(|v| {
            let bad = crate::validate::may_have_control(v, false)
                && v.chars().any(|ch| forbidden(ch, false));
            if bad {
                out.warnings.push(format!(
                    "{}: {field} '{}' has control characters; left out",
                    at(field, Some(v.as_str())),
                    shown(v)
                ));
            }
            !bad
        });
    }

    let name_chars = c.name.trim().chars().count();
    if name_chars > MAX_NAME_CHARS {
        out.skip = Some(format!(
            "the name '{}' is {name_chars} characters long (a name has at most {MAX_NAME_CHARS})",
            shown(c.name.trim())
        ));
        return out;
    }

    // Over-long one-line values and notes are left out, not cut: a cut value
    // would read as if it were whole.
    let mut too_long = |field: &str, value: &str, limit: usize| {
        let n = value.trim().chars().count();
        let long = n > limit;
        if long {
            out.warnings.push(format!(
                "{}: {field} '{}' is {n} characters long (at most {limit}); left out",
                at(field, Some(value)),
                shown(value.trim())
            ));
        }
        long
    };
    for (field, value) in [
        ("given name", &mut c.given_name),
        ("family name", &mut c.family_name),
    ] {
        if too_long(field, value, MAX_LINE_CHARS) {
            value.clear();
        }
    }
    for (field, value) in [("company", &mut c.company), ("title", &mut c.title)] {
        if value
            .as_deref()
            .is_some_and(|v| too_long(field, v, MAX_LINE_CHARS))
        {
            *value = None;
        }
    }
    for (field, list) in [
        ("email", &mut c.emails),
        ("phone", &mut c.phones),
        ("interest", &mut c.interests),
        ("tag", &mut c.tags),
    ] {
        list.retain(|v| !too_long(field, v, MAX_LINE_CHARS));
    }
    if too_long("notes", &c.notes, MAX_NOTE_CHARS) {
        c.notes.clear();
    }

    if let Some(birthday) = c.birthday {
        if validate::birthday("birthday", birthday, today).is_err() {
            out.warnings.push(format!(
                "{}: birthday {birthday} {}; left out",
                at("birthday", None),
                date_reason(birthday.year.unwrap_or_default(), today)
            ));
            c.birthday = None;
        }
    }
    if let Some(date) = record.connected_on {
        if validate::past_date("connected on", date, today).is_err() {
            out.warnings.push(format!(
                "{}: connection date {date} {}; the contact counts as added today",
                at("connection date", None),
                date_reason(date.year(), today)
            ));
            record.connected_on = None;
        }
    }
    out
}

/// Why a date of `year` was refused, in a few words for a warning.
fn date_reason(year: i32, today: NaiveDate) -> String {
    if year < validate::EARLIEST_YEAR {
        format!("is before {}", validate::EARLIEST_YEAR)
    } else {
        format!("is after today ({today})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewContact;

    fn record(contact: NewContact) -> ImportedContact {
        ImportedContact {
            contact,
            line: 7,
            ..ImportedContact::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn impossible_dates_are_left_out_with_the_line() {
        let mut r = record(NewContact {
            name: "Fut Ure".into(),
            birthday: Some("2030-01-01".parse().unwrap()),
            ..NewContact::default()
        });
        r.connected_on = NaiveDate::from_ymd_opt(1899, 5, 1);
        let checked = check_record(&mut r, "f.csv", today());
        assert_eq!(r.contact.birthday, None);
        assert_eq!(r.connected_on, None);
        assert_eq!(checked.skip, None);
        assert!(
            checked.warnings[0].starts_with("f.csv:7: birthday 2030-01-01 is after today"),
            "{:?}",
            checked.warnings
        );
        assert!(
            checked.warnings[1].contains("before 1900"),
            "{:?}",
            checked.warnings
        );

        let mut old = record(NewContact {
            name: "Old Timer".into(),
            birthday: Some("1850-03-04".parse().unwrap()),
            ..NewContact::default()
        });
        let checked = check_record(&mut old, "f.vcf", today());
        assert_eq!(old.contact.birthday, None);
        assert!(checked.warnings[0].contains("1850-03-04 is before 1900"));
        // A birthday without a year is always fine.
        let mut yearless = record(NewContact {
            name: "No Year".into(),
            birthday: Some("--02-29".parse().unwrap()),
            ..NewContact::default()
        });
        assert!(check_record(&mut yearless, "f.vcf", today())
            .warnings
            .is_empty());
    }

    #[test]
    fn control_characters_are_removed_and_long_names_skip_the_record() {
        let mut r = record(NewContact {
            name: "Eve\u{1b}[31m Red".into(),
            notes: "line\nbreaks\tstay\u{7}".into(),
            emails: vec!["a\u{0}@b.c".into(), "ok@b.c".into()],
            ..NewContact::default()
        });
        let checked = check_record(&mut r, "f.vcf", today());
        assert_eq!(r.contact.name, "Eve[31m Red");
        assert_eq!(r.contact.notes, "line\nbreaks\tstay");
        assert_eq!(r.contact.emails, ["ok@b.c"]);
        assert_eq!(checked.warnings.len(), 3, "{:?}", checked.warnings);
        assert!(checked.warnings.iter().all(|w| !w.contains('\u{1b}')));

        let mut long = record(NewContact {
            name: "x".repeat(201),
            ..NewContact::default()
        });
        let checked = check_record(&mut long, "f.vcf", today());
        assert!(checked.skip.unwrap().contains("201 characters"));
        let mut fine = record(NewContact {
            name: "é".repeat(200),
            title: Some("t".repeat(300)),
            ..NewContact::default()
        });
        let checked = check_record(&mut fine, "f.vcf", today());
        assert_eq!(checked.skip, None);
        assert_eq!(fine.contact.title, None);
        assert!(checked.warnings[0].contains("title"));
    }
}
