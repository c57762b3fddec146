//! Birthdays as files write them: the ISO and vCard forms, and numeric dates
//! (`20/12/1981`, `4/12/1979`, `7/4/85`, `20.12.1981`). Which number of a
//! numeric date is the month depends on who wrote it: a date with a number
//! above 12 reads only one way; one that reads both ways is read in the
//! user's order (that of their region, as the planner reads dates in notes)
//! and the import says how it read it, so that nothing is guessed in silence.

use crate::model::Birthday;
use crate::schedule::numeric_dates::DateOrder;

/// How the user writes numeric dates: which number of `4/12/1979` is the day
/// when the date itself does not say. Without a region (or in one that writes
/// both ways, like Canada), the month comes first, as Outlook's US export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateReading {
    order: DateOrder,
    /// The region's country (`AU` for `AU-VIC`), named in warnings.
    country: Option<String>,
    /// A date of the file being read that only reads one way (`1/27/1966`):
    /// the file's own order, which then decides over the region's.
    file_shows: Option<String>,
}

impl Default for DateReading {
    /// No region known: month first.
    fn default() -> Self {
        DateReading::of_region(None)
    }
}

impl DateReading {
    /// The order of a region code (`AU-VIC`, `US`, `de-by`), as the planner reads
    /// dates in notes; `None`: no region known.
    pub fn of_region(code: Option<&str>) -> DateReading {
        let code = code.map(str::trim).filter(|c| !c.is_empty());
        DateReading {
            order: DateOrder::of_region(code),
            country: code
                .and_then(|c| c.split('-').next())
                .map(str::to_ascii_uppercase),
            file_shows: None,
        }
    }

    /// This reading for one file whose dates are `cells`: when the file's
    /// dates that read only one way all put the month first (`1/27/1966`) or
    /// all put the day first (`27/1/1966`), its dates that read both ways are
    /// read in that order too. An English-language Outlook writes month first
    /// wherever its user lives; a file that shows both orders proves nothing.
    pub fn for_file<'c>(&self, cells: impl IntoIterator<Item = &'c str>) -> DateReading {
        let mut shown: Option<(DateOrder, &str)> = None;
        for cell in cells {
            let Some(order) = written_order(cell) else {
                continue;
            };
            match shown {
                None => shown = Some((order, cell.trim())),
                Some((seen, _)) if seen != order => return self.clone(),
                Some(_) => {}
            }
        }
        match shown {
            Some((order, example)) => DateReading {
                order,
                country: self.country.clone(),
                file_shows: Some(example.to_owned()),
            },
            None => self.clone(),
        }
    }

    /// Whether an ambiguous date is read day first.
    fn day_first(&self) -> bool {
        self.order == DateOrder::DayFirst
    }

    /// Why an ambiguous date was read the way it was, for the warning.
    fn why(&self, dotted: bool) -> String {
        match (self.order, &self.country) {
            (order, _) if !dotted && self.file_shows.is_some() => format!(
                "{} first, as the file writes '{}'",
                if order == DateOrder::DayFirst {
                    "day"
                } else {
                    "month"
                },
                super::shown(self.file_shows.as_deref().unwrap_or(""))
            ),
            (DateOrder::DayFirst, Some(country)) => format!("day first, as in {country}"),
            _ if dotted => "day first, as dates with dots are written".into(),
            (DateOrder::MonthFirst, Some(country)) => format!("month first, as in {country}"),
            (_, Some(country)) => format!("month first; {country} writes dates both ways"),
            (_, None) => "month first; no region is set".into(),
        }
    }
}

/// What the text of a birthday holds.
#[derive(Debug, Clone, PartialEq)]
pub enum BirthdayText {
    /// A date that reads only one way.
    Date(Birthday),
    /// A numeric date that reads both ways, read in the user's order; the text
    /// says how (`read as 4 December 1979 (day first, as in AU)`).
    Guessed(Birthday, String),
    /// Outlook's `0/0/00`: no birthday.
    Unset,
    /// No date keepwarm can read.
    NotADate,
}

/// Reads the text of a birthday: the vCard and ISO forms (`1981-12-20`,
/// `19811220`, `--12-20`), else a numeric date in the user's order (see
/// [`numeric_birthday`]).
pub fn read_birthday(text: &str, dates: &DateReading) -> BirthdayText {
    match super::vcard::parse_birthday(text, None) {
        Some(birthday) => BirthdayText::Date(birthday),
        None => numeric_birthday(text, dates),
    }
}

/// A numeric date with the year last (`20/12/1981`, `4/12/79`, `20-12-1981`,
/// `20.12.1981`), first (`1981/12/20`) or left out (`20/12`). A number above 12
/// is the day wherever it stands; when both are 12 or less, the user's order
/// decides and the answer says so (dotted dates are day first everywhere: dots
/// are a day-first habit). Two-digit years of 30 and later are the 1900s
/// (people born, not future).
pub fn numeric_birthday(text: &str, dates: &DateReading) -> BirthdayText {
    let text = text.trim();
    let Some(separator) = ['/', '.', '-'].into_iter().find(|s| text.contains(*s)) else {
        return BirthdayText::NotADate;
    };
    let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return BirthdayText::NotADate;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    let (first, second, year) = match parts.as_slice() {
        // Year first is always year, month, day.
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let (Some(y), Some(m), Some(d)) = (number(y), number(m), number(d)) else {
                return BirthdayText::NotADate;
            };
            return match i32::try_from(y)
                .ok()
                .and_then(|y| Birthday::new(Some(y), m, d))
            {
                Some(birthday) => BirthdayText::Date(birthday),
                None => BirthdayText::NotADate,
            };
        }
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && (y.len() == 2 || y.len() == 4) => {
            let Some(mut year) = number(y).and_then(|y| i32::try_from(y).ok()) else {
                return BirthdayText::NotADate;
            };
            if y.len() == 2 {
                year += if year >= 30 { 1900 } else { 2000 };
            }
            (number(a), number(b), Some(year))
        }
        // A day and a month alone, only with a slash: "4.12" is a decimal.
        [a, b] if separator == '/' && a.len() <= 2 && b.len() <= 2 => (number(a), number(b), None),
        _ => return BirthdayText::NotADate,
    };
    let (Some(first), Some(second)) = (first, second) else {
        return BirthdayText::NotADate;
    };
    if first == 0 && second == 0 {
        return BirthdayText::Unset;
    }
    let month_first = Birthday::new(year, first, second);
    let day_first = Birthday::new(year, second, first);
    match (month_first, day_first) {
        (Some(only), None) | (None, Some(only)) => BirthdayText::Date(only),
        (None, None) => BirthdayText::NotADate,
        // 5/5/1980 reads the same either way.
        (Some(one), Some(_)) if first == second => BirthdayText::Date(one),
        (Some(month_first), Some(day_first)) => {
            let dotted = separator == '.';
            let birthday = if dates.day_first() || dotted {
                day_first
            } else {
                month_first
            };
            let how = format!("read as {} ({})", spelled(&birthday), dates.why(dotted));
            BirthdayText::Guessed(birthday, how)
        }
    }
}

/// The order a numeric date with slashes or dashes shows when it reads only
/// one way: `1/27/1966` month first, `27/1/1966` day first; `None` for any
/// other text (`4/12/1979`, `1966-01-27`, `27.1.1966`).
fn written_order(text: &str) -> Option<DateOrder> {
    let text = text.trim();
    let separator = ['/', '-'].into_iter().find(|s| text.contains(*s))?;
    let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
    let (a, b) = match parts.as_slice() {
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && matches!(y.len(), 2 | 4) => (a, b),
        [a, b] if separator == '/' && a.len() <= 2 && b.len() <= 2 => (a, b),
        _ => return None,
    };
    let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    // Only a real date is evidence: 2/30/1980 shows nothing. A leap year
    // lets 29 February count.
    let real = |month: u32, day: u32| Birthday::new(Some(2000), month, day).is_some();
    match (a, b) {
        (13..=31, 1..=12) if real(b, a) => Some(DateOrder::DayFirst),
        (1..=12, 13..=31) if real(a, b) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

/// The birthday of `read` (what `text` was read as), with a warning when it
/// was read in the user's order (`… read as 4 December 1979 (day first, as in
/// AU); edit the contact if that is wrong`) or is no date (left out). `at`
/// names the file, line and field (`Contacts.csv:3: Birthday`).
pub(crate) fn birthday_or_warning(
    read: BirthdayText,
    text: &str,
    at: &str,
    warnings: &mut Vec<String>,
) -> Option<Birthday> {
    let shown = super::shown(text.trim());
    match read {
        BirthdayText::Date(birthday) => Some(birthday),
        BirthdayText::Guessed(birthday, how) => {
            warnings.push(format!(
                "{at} '{shown}' {how}; edit the contact if that is wrong"
            ));
            Some(birthday)
        }
        BirthdayText::Unset => None,
        BirthdayText::NotADate => {
            if !text.trim().is_empty() {
                warnings.push(format!("{at} '{shown}' is not a date; left out"));
            }
            None
        }
    }
}

/// "4 December 1979", or "4 December" without a year: a date no one misreads.
fn spelled(birthday: &Birthday) -> String {
    let month = u8::try_from(birthday.month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name());
    match birthday.year {
        Some(year) => format!("{} {month} {year}", birthday.day),
        None => format!("{} {month}", birthday.day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn au() -> DateReading {
        DateReading::of_region(Some("AU-VIC"))
    }

    fn us() -> DateReading {
        DateReading::of_region(Some("US"))
    }

    /// The stored form of what `text` reads as, and whether it was a guess.
    fn read(text: &str, dates: &DateReading) -> Option<(String, bool)> {
        match read_birthday(text, dates) {
            BirthdayText::Date(b) => Some((b.to_string(), false)),
            BirthdayText::Guessed(b, _) => Some((b.to_string(), true)),
            BirthdayText::Unset | BirthdayText::NotADate => None,
        }
    }

    fn date(s: &str) -> Option<(String, bool)> {
        Some((s.to_owned(), false))
    }

    fn guess(s: &str) -> Option<(String, bool)> {
        Some((s.to_owned(), true))
    }

    #[test]
    fn a_number_above_twelve_is_the_day_in_every_region() {
        for dates in [au(), us(), DateReading::default()] {
            assert_eq!(read("20/12/1981", &dates), date("1981-12-20"));
            assert_eq!(read("12/20/1981", &dates), date("1981-12-20"));
            assert_eq!(read("31/1/85", &dates), date("1985-01-31"));
            assert_eq!(read("20-12-1981", &dates), date("1981-12-20"));
            assert_eq!(read("20.12.1981", &dates), date("1981-12-20"));
            assert_eq!(read("12/31", &dates), date("--12-31"));
            // The same number twice reads the same either way.
            assert_eq!(read("5/5/1980", &dates), date("1980-05-05"));
        }
    }

    #[test]
    fn a_date_that_reads_both_ways_is_read_in_the_users_order_and_said() {
        assert_eq!(read("12/01/1974", &au()), guess("1974-01-12"));
        assert_eq!(read("4/12/1979", &au()), guess("1979-12-04"));
        assert_eq!(read("9/01/1979", &au()), guess("1979-01-09"));
        assert_eq!(read("3/12/1988", &au()), guess("1988-12-03"));
        assert_eq!(read("12/01/1974", &us()), guess("1974-12-01"));
        assert_eq!(read("4/12/1979", &us()), guess("1979-04-12"));
        assert_eq!(read("7/4/85", &DateReading::default()), guess("1985-07-04"));
        assert_eq!(read("4/12", &au()), guess("--12-04"));
        assert_eq!(
            read_birthday("4/12/1979", &au()),
            BirthdayText::Guessed(
                Birthday::new(Some(1979), 12, 4).unwrap(),
                "read as 4 December 1979 (day first, as in AU)".into()
            )
        );
        let how = |text: &str, dates: &DateReading| match read_birthday(text, dates) {
            BirthdayText::Guessed(_, how) => how,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            how("4/12/1979", &us()),
            "read as 12 April 1979 (month first, as in US)"
        );
        assert_eq!(
            how("4/12/1979", &DateReading::default()),
            "read as 12 April 1979 (month first; no region is set)"
        );
        assert_eq!(
            how("4/12/1979", &DateReading::of_region(Some("CA-ON"))),
            "read as 12 April 1979 (month first; CA writes dates both ways)"
        );
        assert_eq!(
            how("4/12", &au()),
            "read as 4 December (day first, as in AU)"
        );
        // Dots are a day-first habit, wherever the user lives.
        assert_eq!(
            how("4.12.1979", &us()),
            "read as 4 December 1979 (day first, as dates with dots are written)"
        );
        assert_eq!(
            how("4.12.1979", &DateReading::of_region(Some("DE-BY"))),
            "read as 4 December 1979 (day first, as in DE)"
        );
    }

    #[test]
    fn a_files_own_order_decides_over_the_region() {
        let de = DateReading::of_region(Some("DE-BY"));
        // An English-language Outlook in Munich: 1/27/1966 shows month first.
        let file = de.for_file(["1/27/1966", "", "12/9/1975", "0/0/00"]);
        assert_eq!(read("12/9/1975", &file), guess("1975-12-09"));
        assert_eq!(read("1/11/1970", &file), guess("1970-01-11"));
        match read_birthday("12/9/1975", &file) {
            BirthdayText::Guessed(_, how) => assert_eq!(
                how,
                "read as 9 December 1975 (month first, as the file writes '1/27/1966')"
            ),
            other => panic!("{other:?}"),
        }
        // Day first shown in a US user's file.
        let file = us().for_file(["27/1/1966", "4/12/1979"]);
        assert_eq!(read("4/12/1979", &file), guess("1979-12-04"));
        // Both orders shown, or none: the region decides.
        assert_eq!(de.for_file(["1/27/1966", "27/1/1966"]), de);
        assert_eq!(de.for_file(["4/12/1979", "1966-01-27", "27.1.1966"]), de);
        // No such day is no evidence.
        assert_eq!(de.for_file(["2/30/1980"]), de);
        assert_eq!(
            read("4/12/1979", &de.for_file(["4/12/1979"])),
            guess("1979-12-04")
        );
    }

    #[test]
    fn iso_and_vcard_forms_read_as_before() {
        for dates in [au(), us()] {
            assert_eq!(read("1981-12-04", &dates), date("1981-12-04"));
            assert_eq!(read("19811204", &dates), date("1981-12-04"));
            assert_eq!(read("--12-04", &dates), date("--12-04"));
            assert_eq!(read("1981/12/04", &dates), date("1981-12-04"));
        }
    }

    #[test]
    fn outlooks_unset_date_is_no_birthday_and_nonsense_is_no_date() {
        assert_eq!(read_birthday("0/0/00", &au()), BirthdayText::Unset);
        assert_eq!(read_birthday("0/0/0000", &us()), BirthdayText::Unset);
        for text in [
            "",
            "soon",
            "March 3rd",
            "13/13/1980",
            "31/2/1980",
            "29/2/1981",
            "4.12",
            "1/2/3/4",
            "1//1980",
            "/",
            "4/12/198",
            "123/1/1980",
            "99999/1/1",
            "4/12/99999",
            "-1/4/1980",
            "٤/١٢/١٩٧٩",
            "4 / 12 / x",
        ] {
            assert_eq!(read_birthday(text, &au()), BirthdayText::NotADate, "{text}");
        }
        assert_eq!(read("29/2/1980", &au()), date("1980-02-29"));
    }
}
