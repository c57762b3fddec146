//! Numeric dates in notes ("party Sat 12/19", "holding 9/12 2pm"), spelled
//! out as "19 Dec" for the note readers, which read only dates with a
//! month's name. Which number is the month depends on where the user lives:
//! the planner knows that from the holiday region.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

/// Which number of "12/8" is the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// "12/8" is 8 December (the United States, the Philippines, East Asia).
    MonthFirst,
    /// "12/8" is 12 August (most of the world).
    DayFirst,
    /// Either: only a date that reads one way ("12/19", "19/12") is spelled.
    Unknown,
}

/// Countries whose short dates put the month first. Canada writes both ways.
const MONTH_FIRST: [&str; 15] = [
    "US", "AS", "GU", "MP", "PR", "UM", "VI", "PH", "FM", "MH", "PW", "JP", "CN", "KR", "TW",
];
const BOTH_WAYS: [&str; 1] = ["CA"];

impl DateOrder {
    /// The order of a holiday region ("US-IL", "GB-ENG", "DE"); `None` (no
    /// region chosen): unknown.
    pub fn of_region(code: Option<&str>) -> DateOrder {
        let Some(code) = code else {
            return DateOrder::Unknown;
        };
        let country = code.split('-').next().unwrap_or(code).to_ascii_uppercase();
        if MONTH_FIRST.contains(&country.as_str()) {
            DateOrder::MonthFirst
        } else if BOTH_WAYS.contains(&country.as_str()) {
            DateOrder::Unknown
        } else {
            DateOrder::DayFirst
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Words after which "3/4" is a share or a score, not a date.
fn is_share_after(next: &str) -> bool {
    matches!(
        next.to_lowercase()
            .trim_end_matches(['.', ',', ';', ':', ')']),
        "of" | "stars" | "star" | "split" | "odds" | "support" | "coverage"
    )
}

fn is_score_before(previous: &str) -> bool {
    matches!(
        previous.to_lowercase().trim_end_matches([',', ':']),
        "rated" | "rates" | "scored" | "score" | "rating" | "voted" | "odds"
    )
}

/// Words after which a short dotted date ("back 15.1.") is a date.
fn is_date_cue(previous: &str) -> bool {
    matches!(
        previous.to_lowercase().trim_end_matches([',', ':']),
        "on" | "am"
            | "by"
            | "bis"
            | "until"
            | "till"
            | "from"
            | "ab"
            | "due"
            | "back"
            | "since"
            | "before"
            | "after"
            | "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
            | "mo"
            | "di"
            | "mi"
            | "do"
            | "fr"
            | "sa"
            | "so"
    )
}

/// The month and day a token like "12/8", "(12/8", "~1/22," or "12/8/26"
/// names in `order`, or a dotted one like "17.12." or "17.12.2026" (always
/// the day first), with the text before and after the numbers. A year, when
/// written, must leave the date current (`None` otherwise: "signed 3/4/2019"
/// is history, and the readers would take "4 Mar" as the next one). A short
/// dotted number ("2.5.") is a date only after a word like "until" or "on":
/// elsewhere it is a decimal at the end of a sentence.
fn numeric_date(
    token: &str,
    order: DateOrder,
    year_now: i32,
    cue: bool,
) -> Option<(u32, u32, &str, &str)> {
    let start = token.find(|c: char| c.is_ascii_digit())?;
    let (lead, rest) = token.split_at(start);
    if lead.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.'))
        .unwrap_or(rest.len());
    let (numbers, tail) = rest.split_at(end);
    if tail.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    // A dot after the numbers ends the date ("17.12.") or the sentence
    // ("… by 12/8."): it stays in the text unless a comma follows it.
    let core = numbers.trim_end_matches('.');
    let dotted = core.contains('.');
    if dotted && core.contains('/') {
        return None;
    }
    let after = &rest[core.len()..];
    let tail = match after.strip_prefix('.') {
        Some(more) if dotted && !more.is_empty() => more,
        _ => after,
    };
    let numbers = core;
    let parts: Vec<&str> = numbers.split(['/', '.']).collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let first: u32 = parts[0].parse().ok()?;
    let second: u32 = parts[1].parse().ok()?;
    if let Some(year) = parts.get(2) {
        if year.len() != 2 && year.len() != 4 {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let year = if year < 100 { 2000 + year } else { year };
        if !(year_now..=year_now + 1).contains(&year) {
            return None;
        }
    } else if dotted && !(cue || (parts[0].len() == 2 && parts[1].len() == 2)) {
        return None;
    }
    let order = if dotted { DateOrder::DayFirst } else { order };
    let as_month_first = (1..=12).contains(&first) && (1..=31).contains(&second);
    let as_day_first = (1..=12).contains(&second) && (1..=31).contains(&first);
    let (month, day) = match (order, as_month_first, as_day_first) {
        (DateOrder::DayFirst, _, true) if dotted => (second, first),
        _ if dotted => return None,
        (_, true, false) => (first, second),
        (_, false, true) => (second, first),
        (DateOrder::MonthFirst, true, true) => (first, second),
        (DateOrder::DayFirst, true, true) => (second, first),
        _ => return None,
    };
    // 31/4 or 2/30: no such day in any year.
    chrono::NaiveDate::from_ymd_opt(2024, month, day)?;
    Some((month, day, lead, tail))
}

/// "22 Dec": a month and day as the note readers read them.
fn push_day(out: &mut String, month: u32, day: u32) {
    out.push_str(&day.to_string());
    out.push(' ');
    out.push_str(MONTHS[month as usize - 1]);
}

/// Two days a token names as a span, as (month, day) each, with the text
/// before and after it.
struct NumericRange<'t> {
    lead: &'t str,
    from: (u32, u32),
    to: (u32, u32),
    tail: &'t str,
}

/// A span of days written as one token: "12/22-1/2", "11/12–6/1" or
/// "12/21-23" (the second a day of the same month, after the first), spelled
/// "22 Dec to 2 Jan" so that a reader of absences sees its two ends. An ISO
/// date ("2026-12-01") holds no slash or dot before its dash and is no span.
fn numeric_range(
    token: &str,
    order: DateOrder,
    year_now: i32,
    cue: bool,
) -> Option<NumericRange<'_>> {
    let dash = token.find(['-', '\u{2013}'])?;
    let (first, rest) = token.split_at(dash);
    let second = rest.trim_start_matches(['-', '\u{2013}']);
    let (from_month, from_day, lead, between) = numeric_date(first, order, year_now, cue)?;
    if !between.is_empty() {
        return None;
    }
    // "10.12-14" is a version number more often than a span.
    if first.contains('.') {
        return None;
    }
    if let Some((month, day, _, tail)) = numeric_date(second, order, year_now, true) {
        // The end comes after the start, within the next few months
        // ("12/22-1/2"); "12/23-12/21" is a slip of the pen.
        let months_on = (month + 12 - from_month) % 12;
        if (months_on == 0 && day <= from_day) || months_on > 6 {
            return None;
        }
        return Some(NumericRange {
            lead,
            from: (from_month, from_day),
            to: (month, day),
            tail,
        });
    }
    // "12/21-23": the end is a later day of the same month.
    let (day, tail) = short_number(second)?;
    chrono::NaiveDate::from_ymd_opt(2024, from_month, day)?;
    (day > from_day).then_some(NumericRange {
        lead,
        from: (from_month, from_day),
        to: (from_month, day),
        tail,
    })
}

/// A number of one or two digits opening `text`, and what follows it when
/// that is only punctuation ("23),", "51:").
fn short_number(text: &str) -> Option<(u32, &str)> {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, tail) = text.split_at(end);
    if digits.is_empty() || digits.len() > 2 || tail.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some((digits.parse().ok()?, tail))
}

/// The Monday of a calendar week a note names ("KW 51", "CW51", "KW51:"),
/// the first such from two weeks before the note, with what follows the
/// number; `week` is the token after "KW" when the number stands apart.
fn calendar_week<'t>(
    token: &'t str,
    next: &'t str,
    written: NaiveDate,
) -> Option<(NaiveDate, &'t str, bool)> {
    let lower = token.to_ascii_lowercase();
    let (number, took_next) = match lower.strip_prefix("kw").or(lower.strip_prefix("cw")) {
        Some("") => (next, true),
        Some(_) => (&token[2..], false),
        None => return None,
    };
    let (week, tail) = short_number(number)?;
    let from = written - chrono::Duration::days(14);
    [from.iso_week().year(), from.iso_week().year() + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_isoywd_opt(y, week, chrono::Weekday::Mon))
        .find(|monday| *monday >= from)
        .map(|monday| (monday, tail, took_next))
}

/// Whether a note may hold a numeric date or a calendar week: a digit, a
/// slash or a dot, and a digit ("12/8", "17.12."), or "KW"/"CW" with a digit
/// somewhere. A quick look at the bytes before any reading.
pub fn may_hold_numeric_date(note: &str) -> bool {
    let bytes = note.as_bytes();
    bytes
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && (w[1] == b'/' || w[1] == b'.') && w[2].is_ascii_digit())
        || ((note.contains("KW") || note.contains("CW")) && bytes.iter().any(u8::is_ascii_digit))
}

/// `note` with its numeric dates spelled out ("Sat 12/19" → "Sat 19 Dec"
/// where the month comes first, "bis 15.1." → "bis 15 Jan", "KW 51" → "14
/// Dec", its Monday), for the readers of dates; the note as written stays
/// what the user is shown. Shares and scores ("2/3 of the team", "rated it
/// 9/10", "24/7") are left as they are.
pub fn spell_numeric_dates(note: &str, order: DateOrder, written: NaiveDate) -> Cow<'_, str> {
    // Most notes hold no numeric date: a look at their bytes is enough.
    if !may_hold_numeric_date(note) {
        return Cow::Borrowed(note);
    }
    let year_now = written.year();
    let mut out = String::with_capacity(note.len() + 8);
    let mut changed = false;
    // The last three words before the token: "rated the demo 9/10".
    let mut previous: [&str; 3] = [""; 3];
    let mut pieces = note.split_inclusive(char::is_whitespace).peekable();
    while let Some(piece) = pieces.next() {
        let token = piece.trim_end();
        let space = &piece[token.len()..];
        let next = pieces.peek().map_or("", |p| p.trim_end());
        if let Some((monday, tail, took_next)) = calendar_week(token, next, written) {
            changed = true;
            out.push_str(&monday.day().to_string());
            out.push(' ');
            out.push_str(MONTHS[monday.month0() as usize]);
            out.push_str(tail);
            if took_next {
                let skipped = pieces.next().unwrap_or("");
                out.push_str(&skipped[skipped.trim_end().len()..]);
            } else {
                out.push_str(space);
            }
            previous = [previous[1], previous[2], token];
            continue;
        }
        let readable = (token.contains('/') || token.contains('.'))
            && token != "24/7"
            && !is_share_after(next)
            && !previous.iter().any(|w| is_score_before(w));
        let cue = is_date_cue(previous[2]);
        let spelled = readable
            .then(|| numeric_date(token, order, year_now, cue))
            .flatten();
        match spelled {
            Some((month, day, lead, tail)) => {
                changed = true;
                out.push_str(lead);
                push_day(&mut out, month, day);
                // "Lenkungskreis 16.12. decides": the dot is the date's own
                // when the sentence goes on in lower case.
                let own_dot = tail == "."
                    && token.trim_end_matches('.').contains('.')
                    && next.starts_with(char::is_lowercase);
                if !own_dot {
                    out.push_str(tail);
                }
            }
            None => match readable
                .then(|| numeric_range(token, order, year_now, cue))
                .flatten()
            {
                Some(range) => {
                    changed = true;
                    out.push_str(range.lead);
                    push_day(&mut out, range.from.0, range.from.1);
                    out.push_str(" to ");
                    push_day(&mut out, range.to.0, range.to.1);
                    out.push_str(range.tail);
                }
                None => out.push_str(token),
            },
        }
        out.push_str(space);
        if !token.is_empty() {
            previous = [previous[1], previous[2], token];
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(note: &str, order: DateOrder) -> String {
        let written = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        spell_numeric_dates(note, order, written).into_owned()
    }

    #[test]
    fn the_region_decides_which_number_is_the_month() {
        assert_eq!(DateOrder::of_region(Some("US-IL")), DateOrder::MonthFirst);
        assert_eq!(DateOrder::of_region(Some("us")), DateOrder::MonthFirst);
        assert_eq!(DateOrder::of_region(Some("GB-ENG")), DateOrder::DayFirst);
        assert_eq!(DateOrder::of_region(Some("DE-BY")), DateOrder::DayFirst);
        assert_eq!(DateOrder::of_region(Some("CA-ON")), DateOrder::Unknown);
        assert_eq!(DateOrder::of_region(None), DateOrder::Unknown);
        let note = "Mom seeing the ortho about her knee 12/8.";
        assert_eq!(
            spell(note, DateOrder::MonthFirst),
            "Mom seeing the ortho about her knee 8 Dec."
        );
        assert_eq!(
            spell(note, DateOrder::DayFirst),
            "Mom seeing the ortho about her knee 12 Aug."
        );
        // Unknown order: only what reads one way.
        assert_eq!(spell(note, DateOrder::Unknown), note);
        assert_eq!(
            spell("party Sat 12/19, board 19/12", DateOrder::Unknown),
            "party Sat 19 Dec, board 19 Dec"
        );
    }

    #[test]
    fn punctuation_years_and_weekdays_are_kept_around_the_date() {
        assert_eq!(
            spell(
                "Holding 12/9 2pm. Ava (10 on 12/19). Award ~1/22, lock by 1/15/27;",
                DateOrder::MonthFirst
            ),
            "Holding 9 Dec 2pm. Ava (10 on 19 Dec). Award ~22 Jan, lock by 15 Jan;"
        );
        assert_eq!(
            spell("signed 3/4/2019, renews 3/4/2027", DateOrder::MonthFirst),
            "signed 3/4/2019, renews 4 Mar"
        );
    }

    #[test]
    fn a_span_of_two_numeric_days_is_spelled_with_both_ends() {
        assert_eq!(
            spell("OOO 12/22-1/2, Mike covers", DateOrder::MonthFirst),
            "OOO 22 Dec to 2 Jan, Mike covers"
        );
        assert_eq!(
            spell("Nadia off 11/12\u{2013}6/1.", DateOrder::DayFirst),
            "Nadia off 11 Dec to 6 Jan."
        );
        assert_eq!(
            spell("PTO 12/21-23 (kids)", DateOrder::MonthFirst),
            "PTO 21 Dec to 23 Dec (kids)"
        );
        for note in [
            "updated 2026-12-01",
            "ref 12/21-AB",
            "12/23-21",
            "OOO 12/23-12/21",
            "Release 10.12-14 shipped",
            "3/4-5 of the team",
        ] {
            assert_eq!(spell(note, DateOrder::MonthFirst), note, "{note}");
        }
    }

    #[test]
    fn shares_scores_and_other_slashes_are_left_alone() {
        for note in [
            "2/3 of the team are in",
            "rated the demo 9/10",
            "support is 24/7",
            "50/50 on the deal",
            "w/ Greg and c/o Dana",
            "TCV 1.2m/3y",
            "31/4 is no day",
            "a 12/8 split",
            "",
            "//",
            "1/2/3/4",
        ] {
            assert_eq!(spell(note, DateOrder::MonthFirst), note, "{note}");
        }
        assert!(matches!(
            spell_numeric_dates(
                "no dates here",
                DateOrder::DayFirst,
                NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
            ),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn dotted_dates_are_day_first_and_calendar_weeks_are_their_monday() {
        for order in [
            DateOrder::MonthFirst,
            DateOrder::DayFirst,
            DateOrder::Unknown,
        ] {
            assert_eq!(
                spell("FAT am 17.12., SAT 12.01.2027. Back 15.1.", order),
                "FAT am 17 Dec, SAT 12 Jan. Back 15 Jan."
            );
        }
        assert_eq!(
            spell("Delivery KW 51, kickoff KW2.", DateOrder::DayFirst),
            "Delivery 14 Dec, kickoff 11 Jan."
        );
        // A dotted date's own dot, with the sentence going on after it.
        assert_eq!(
            spell(
                "Lenkungskreis 16.12. decides. OP on 14.12. at Isarklinik. Back 15.1.",
                DateOrder::DayFirst
            ),
            "Lenkungskreis 16 Dec decides. OP on 14 Dec at Isarklinik. Back 15 Jan."
        );
        // Decimals, versions and prices stay.
        for note in [
            "Up 2.5. Next year more.",
            "Price 10.50 EUR",
            "Firmware 3.1.2 is out",
            "TIA Portal V18 and S7-1500",
            "KW",
            "kwh 12",
        ] {
            assert_eq!(spell(note, DateOrder::DayFirst), note, "{note}");
        }
    }
}
