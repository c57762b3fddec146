//! Public holidays: days off like weekends, from data generated out of the Python
//! `holidays` package by `scripts/gen-holidays` (`holidays.txt`, embedded).
//!
//! A region is an ISO 3166-1 country code (`US`), optionally with a subdivision
//! (`DE-BY`). The data covers the years its header names (2024–2040 at the last
//! refresh); a year it does not cover has no holidays rather than wrong ones.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

const DATA: &str = include_str!("holidays.txt");

/// The public holidays of one region.
#[derive(Debug, Clone)]
pub struct HolidayRegion {
    code: String,
    days: Arc<HashSet<NaiveDate>>,
    years: Arc<BTreeSet<i32>>,
}

impl PartialEq for HolidayRegion {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Serialize for HolidayRegion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code)
    }
}

impl HolidayRegion {
    /// The region for `code` (`us`, `DE-BY`, `de_by`…), or `None` when the data does not know it.
    pub fn load(code: &str) -> Option<HolidayRegion> {
        let code = code.trim().to_ascii_uppercase().replace('_', "-");
        let (country, subdivision) = match code.split_once('-') {
            Some((c, s)) => (c.to_owned(), Some(s.to_owned())),
            None => (code.clone(), None),
        };
        let national = block(&country)?;
        let mut days = HashSet::new();
        let mut years = BTreeSet::new();
        for line in national {
            let mut parts = line.split_whitespace();
            let Some(year) = parts.next().and_then(|y| y.parse::<i32>().ok()) else {
                continue;
            };
            years.insert(year);
            days.extend(parts.filter_map(|md| month_day(year, md)));
        }
        if let Some(sub) = subdivision {
            for line in block(&format!("{country}-{sub}"))? {
                let mut parts = line.split_whitespace();
                let Some(year) = parts.next().and_then(|y| y.parse::<i32>().ok()) else {
                    continue;
                };
                for change in parts {
                    if let Some(md) = change.strip_prefix('+') {
                        days.extend(month_day(year, md));
                    } else if let Some(day) =
                        change.strip_prefix('-').and_then(|md| month_day(year, md))
                    {
                        days.remove(&day);
                    }
                }
            }
        }
        Some(HolidayRegion {
            code,
            days: Arc::new(days),
            years: Arc::new(years),
        })
    }

    /// The region's code, upper case (`DE-BY`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Whether `day` is a public holiday there.
    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.days.contains(&day)
    }

    /// Whether the data covers `year`.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The last year the data covers.
    pub fn last_year(&self) -> Option<i32> {
        self.years.iter().next_back().copied()
    }
}

/// The lines of a region's block (`CODE` then indented year lines).
fn block(code: &str) -> Option<impl Iterator<Item = &'static str>> {
    let mut lines = DATA.lines();
    lines.by_ref().find(|l| *l == code)?;
    Some(lines.take_while(|l| l.starts_with(' ')).map(str::trim))
}

fn month_day(year: i32, md: &str) -> Option<NaiveDate> {
    let month = md.get(..2)?.parse().ok()?;
    let day = md.get(2..4)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Every region code the data knows, countries and subdivisions, sorted.
pub fn known_regions() -> Vec<&'static str> {
    DATA.lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('#') && !l.is_empty())
        .collect()
}

/// The known country codes only (for error messages: the subdivisions are many).
pub fn known_countries() -> Vec<&'static str> {
    known_regions()
        .into_iter()
        .filter(|c| !c.contains('-'))
        .collect()
}

/// The country a locale names (`en_US.UTF-8` → `US`, `de-AT` → `AT`), when the
/// holiday data knows it; `C`, `POSIX` and language-only locales name none.
pub fn region_from_locale(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next().unwrap_or("");
    let country = base.split(['_', '-']).nth(1)?;
    let country = country.to_ascii_uppercase();
    (country.len() == 2 && known_countries().contains(&country.as_str())).then_some(country)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn us_christmas_and_new_year_are_holidays() {
        let us = HolidayRegion::load("us").unwrap();
        assert_eq!(us.code(), "US");
        assert!(us.is_holiday(d("2026-12-25")));
        assert!(us.is_holiday(d("2027-01-01")));
        assert!(us.is_holiday(d("2026-11-26")), "Thanksgiving");
        assert!(!us.is_holiday(d("2026-12-24")));
        assert!(us.covers(2030) && us.last_year().unwrap() >= 2036);
    }

    #[test]
    fn subdivisions_add_their_own_days() {
        let de = HolidayRegion::load("DE").unwrap();
        let by = HolidayRegion::load("de-by").unwrap();
        // Epiphany is a holiday in Bavaria, not in all of Germany.
        assert!(by.is_holiday(d("2027-01-06")) && !de.is_holiday(d("2027-01-06")));
        assert!(by.is_holiday(d("2026-12-25")) && de.is_holiday(d("2026-12-25")));
        assert!(HolidayRegion::load("DE-XX").is_none());
        assert!(HolidayRegion::load("ZZ").is_none());
    }

    #[test]
    fn locales_name_their_country() {
        assert_eq!(region_from_locale("en_US.UTF-8").as_deref(), Some("US"));
        assert_eq!(region_from_locale("de-AT").as_deref(), Some("AT"));
        assert_eq!(region_from_locale("C.UTF-8"), None);
        assert_eq!(region_from_locale("POSIX"), None);
        assert_eq!(region_from_locale("fr"), None);
        assert!(known_countries().len() > 100);
    }
}
