//! Dates, spans and warmth in words: "Fri 4 Dec", "three weeks",
//! "about every two months", "cooling (37/100)".

use chrono::{Datelike, NaiveDate};

use super::settings::weekday_name;

/// "Fri 4 Dec", with the year when it is not the year of `relative_to`.
pub(super) fn short_date(date: NaiveDate, relative_to: NaiveDate) -> String {
    // Written piece by piece: a year's plan says hundreds of thousands of dates.
    let mut out = String::with_capacity(16);
    out.push_str(weekday_name(date.weekday()));
    out.push(' ');
    push_day_month(&mut out, date, relative_to);
    out
}

/// "3 Mar", or "3 Mar 2025" in another year than `relative_to`.
pub(super) fn day_month(date: NaiveDate, relative_to: NaiveDate) -> String {
    let mut out = String::with_capacity(12);
    push_day_month(&mut out, date, relative_to);
    out
}

/// Appends "3 Mar", with the year when it is not the year of `relative_to`.
fn push_day_month(out: &mut String, date: NaiveDate, relative_to: NaiveDate) {
    let day = date.day();
    if day >= 10 {
        out.push(char::from(b'0' + (day / 10 % 10) as u8));
    }
    out.push(char::from(b'0' + (day % 10) as u8));
    out.push(' ');
    out.push_str(month_name(date.month()));
    if date.year() != relative_to.year() {
        out.push(' ');
        out.push_str(&date.year().to_string());
    }
}

pub(super) fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES.get(month as usize - 1).copied().unwrap_or("")
}

pub(super) fn full_month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES.get(month as usize - 1).copied().unwrap_or("")
}

/// "Saturday": a weekday in full, for a birthday a few days ahead.
pub(super) fn weekday_in_full(date: NaiveDate) -> &'static str {
    use chrono::Weekday::*;
    match date.weekday() {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

const NUMBERS: [&str; 13] = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// "five weeks", "eight months", "over two years": a span in words.
pub(super) fn span_words(days: i64) -> String {
    let number = |n: i64| {
        usize::try_from(n)
            .ok()
            .and_then(|i| NUMBERS.get(i))
            .map_or_else(|| n.to_string(), |s| (*s).to_owned())
    };
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("one {unit}")
        } else {
            format!("{} {unit}s", number(n))
        }
    };
    match days {
        i64::MIN..=1 => "a day".to_owned(),
        2..=10 => format!("{} days", number(days)),
        11..=55 => plural((days + 3) / 7, "week"),
        56..=350 => plural(((days as f64) / 30.44).round() as i64, "month"),
        351..=540 => "about a year".to_owned(),
        541..=729 => "over a year".to_owned(),
        _ => format!("over {}", plural(days / 365, "year")),
    }
}

/// The rhythm in words: "about every five weeks".
pub(super) fn every(interval: i32) -> String {
    format!("about every {}", span_words(i64::from(interval)))
}

/// Warmth as a word and a number: "cooling (37/100)".
pub fn warmth_words(warmth: u8) -> String {
    let word = match warmth {
        70..=100 => "warm",
        30..=69 => "cooling",
        _ => "cold",
    };
    format!("{word} ({warmth}/100)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_words() {
        assert_eq!(span_words(1), "a day");
        assert_eq!(span_words(4), "four days");
        assert_eq!(span_words(12), "two weeks");
        assert_eq!(span_words(23), "three weeks");
        assert_eq!(span_words(50), "seven weeks");
        assert_eq!(span_words(79), "three months");
        assert_eq!(span_words(365), "about a year");
        assert_eq!(span_words(600), "over a year");
        assert_eq!(span_words(800), "over two years");
    }
}
