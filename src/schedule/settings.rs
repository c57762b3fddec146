//! The planner's settings: cadence per circle, working days, vacations, daily cap.
//!
//! Stored as text in the `settings` table; parsing and checking live here so the
//! store stays a dumb key/value map and every shell reports the same errors.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::Serialize;

use super::holidays::{known_countries, HolidayRegion};
use crate::error::{Error, Result};
use crate::model::{parse_date, Circle};

/// Fewest pings a year any circle may have.
pub const MIN_PINGS_PER_YEAR: u32 = 3;
/// Most pings a year any circle may have.
pub const MAX_PINGS_PER_YEAR: u32 = 10;

/// A closed range of dates (a vacation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// First day.
    pub first: NaiveDate,
    /// Last day (inclusive).
    pub last: NaiveDate,
}

impl DateRange {
    /// Whether `day` falls inside the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

/// Everything the planner needs to know about the user's preferences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannerSettings {
    /// Pings a year for inner, core, network and acquaintance, each within 3–10.
    pub pings_per_year: [u32; 4],
    /// Which weekdays the user works, Monday first.
    pub working_days: [bool; 7],
    /// Days off: no pings are planned in them.
    pub vacations: Vec<DateRange>,
    /// The most pings the user wants on one day.
    pub daily_cap: u32,
    /// When calendar reminders for pings pop up (local time); `None`: no reminders.
    pub alarm_time: Option<NaiveTime>,
    /// Public holidays kept free of pings, like weekends; `None`: no holidays.
    pub holidays: Option<HolidayRegion>,
}

impl Default for PlannerSettings {
    fn default() -> Self {
        PlannerSettings {
            pings_per_year: Circle::ALL.map(Circle::default_pings_per_year),
            working_days: [true, true, true, true, true, false, false],
            vacations: Vec::new(),
            daily_cap: 5,
            alarm_time: NaiveTime::from_hms_opt(9, 0, 0),
            holidays: None,
        }
    }
}

/// The setting keys, with a line of help each.
pub const SETTING_KEYS: &[(&str, &str)] = &[
    (
        "cadence.inner",
        "pings a year for the inner circle (3–10, default 10)",
    ),
    (
        "cadence.core",
        "pings a year for the core circle (3–10, default 6)",
    ),
    (
        "cadence.network",
        "pings a year for the network circle (3–10, default 4)",
    ),
    (
        "cadence.acquaintance",
        "pings a year for acquaintances (3–10, default 3)",
    ),
    (
        "working_days",
        "days you work, e.g. mon,tue,wed,thu,fri (the default)",
    ),
    (
        "vacations",
        "days off as FIRST..LAST ranges, comma-separated, e.g. 2026-12-24..2027-01-02",
    ),
    ("daily_cap", "most pings on one day (1–100, default 5)"),
    (
        "holidays",
        "public holidays off: a country code such as US or DE-BY, or none (default: the system locale's country)",
    ),
    (
        "alarm_time",
        "when calendar reminders pop up, HH:MM, or off (default 09:00)",
    ),
];

const WEEKDAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl PlannerSettings {
    /// The pings a year for `circle`.
    pub fn pings_per_year(&self, circle: Circle) -> u32 {
        self.pings_per_year[circle_index(circle)]
    }

    /// Whether the user works on `day` (a working weekday outside every vacation
    /// and public holiday).
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.working_days[day.weekday().num_days_from_monday() as usize]
            && !self.vacations.iter().any(|v| v.contains(day))
            && !self.is_holiday(day)
    }

    /// Whether `day` is a public holiday of the chosen region.
    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.holidays.as_ref().is_some_and(|h| h.is_holiday(day))
    }

    /// Builds settings from stored key/value pairs; missing keys keep their defaults.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self> {
        let mut settings = PlannerSettings::default();
        for (key, value) in pairs {
            settings.apply(key, value)?;
        }
        Ok(settings)
    }

    /// Checks and applies one setting. Unknown keys are an error.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<()> {
        let bad = |reason: String| Error::invalid(&format!("setting {key}"), value, reason);
        let v = value.trim();
        if let Some(circle) = key.strip_prefix("cadence.") {
            let circle: Circle = circle.parse().map_err(|_| bad("unknown circle".into()))?;
            let n: u32 = v
                .parse()
                .map_err(|_| bad("expected a whole number".into()))?;
            if !(MIN_PINGS_PER_YEAR..=MAX_PINGS_PER_YEAR).contains(&n) {
                return Err(bad(format!(
                    "must be between {MIN_PINGS_PER_YEAR} and {MAX_PINGS_PER_YEAR} pings a year"
                )));
            }
            self.pings_per_year[circle_index(circle)] = n;
            return Ok(());
        }
        match key {
            "working_days" => {
                let mut days = [false; 7];
                for name in v
                    .split(',')
                    .map(|d| d.trim().to_lowercase())
                    .filter(|d| !d.is_empty())
                {
                    let short = name.get(..3).unwrap_or(&name);
                    let index = WEEKDAY_NAMES
                        .iter()
                        .position(|w| *w == short)
                        .ok_or_else(|| bad(format!("'{name}' is not a weekday (mon … sun)")))?;
                    days[index] = true;
                }
                if !days.contains(&true) {
                    return Err(bad("at least one working day is needed".into()));
                }
                self.working_days = days;
            }
            "vacations" => {
                let mut ranges = Vec::new();
                for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let (first, last) = part.split_once("..").unwrap_or((part, part));
                    // Said with the form that works: FIRST..LAST, ISO dates.
                    let form = |e: crate::Error| {
                        bad(format!(
                            "{e}; write each vacation as FIRST..LAST, as in 2026-12-24..2027-01-01 (several: separated by commas; one day: 2026-12-24)"
                        ))
                    };
                    let first = parse_date("vacation start", first.trim()).map_err(form)?;
                    let last = parse_date("vacation end", last.trim()).map_err(form)?;
                    if last < first {
                        return Err(bad(format!("vacation {part} ends before it starts")));
                    }
                    ranges.push(DateRange { first, last });
                }
                ranges.sort_by_key(|r| r.first);
                self.vacations = ranges;
            }
            "alarm_time" => {
                self.alarm_time = if v.eq_ignore_ascii_case("off") {
                    None
                } else {
                    Some(
                        NaiveTime::parse_from_str(v, "%H:%M")
                            .map_err(|_| bad("expected a time as HH:MM (24-hour) or off".into()))?,
                    )
                };
            }
            "holidays" => {
                self.holidays = if v.is_empty() || v.eq_ignore_ascii_case("none") {
                    None
                } else {
                    Some(HolidayRegion::load(v).ok_or_else(|| {
                        bad(format!(
                            "unknown region; use none, a country code ({}) or a country-subdivision code such as DE-BY",
                            known_countries().join(", ")
                        ))
                    })?)
                };
            }
            "daily_cap" => {
                let n: u32 = v
                    .parse()
                    .map_err(|_| bad("expected a whole number".into()))?;
                if !(1..=100).contains(&n) {
                    return Err(bad("must be between 1 and 100".into()));
                }
                self.daily_cap = n;
            }
            _ => {
                let known: Vec<&str> = SETTING_KEYS.iter().map(|(k, _)| *k).collect();
                return Err(Error::invalid(
                    "setting",
                    key,
                    format!("unknown; known settings: {}", known.join(", ")),
                ));
            }
        }
        Ok(())
    }

    /// The settings as key/value text, in the stored format.
    pub fn to_pairs(&self) -> BTreeMap<&'static str, String> {
        let mut pairs = BTreeMap::new();
        for circle in Circle::ALL {
            let key = match circle {
                Circle::Inner => "cadence.inner",
                Circle::Core => "cadence.core",
                Circle::Network => "cadence.network",
                Circle::Acquaintance => "cadence.acquaintance",
            };
            pairs.insert(key, self.pings_per_year(circle).to_string());
        }
        let days: Vec<&str> = WEEKDAY_NAMES
            .iter()
            .zip(self.working_days)
            .filter(|(_, works)| *works)
            .map(|(name, _)| *name)
            .collect();
        pairs.insert("working_days", days.join(","));
        let vacations: Vec<String> = self
            .vacations
            .iter()
            .map(|r| format!("{}..{}", r.first, r.last))
            .collect();
        pairs.insert("vacations", vacations.join(","));
        pairs.insert("daily_cap", self.daily_cap.to_string());
        pairs.insert(
            "holidays",
            self.holidays
                .as_ref()
                .map_or_else(|| "none".to_owned(), |h| h.code().to_owned()),
        );
        pairs.insert(
            "alarm_time",
            self.alarm_time
                .map_or_else(|| "off".to_owned(), |t| t.format("%H:%M").to_string()),
        );
        pairs
    }
}

/// Index of a circle in per-circle arrays (inner first).
pub fn circle_index(circle: Circle) -> usize {
    match circle {
        Circle::Inner => 0,
        Circle::Core => 1,
        Circle::Network => 2,
        Circle::Acquaintance => 3,
    }
}

/// The weekday's short name, for explanations.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_round_trip() {
        let s = PlannerSettings::default();
        assert_eq!(s.pings_per_year, [10, 6, 4, 3]);
        let pairs = s.to_pairs();
        let back =
            PlannerSettings::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn values_are_checked() {
        let mut s = PlannerSettings::default();
        assert!(s
            .apply("cadence.inner", "12")
            .unwrap_err()
            .to_string()
            .contains("between 3 and 10"));
        assert!(s.apply("cadence.friends", "5").is_err());
        assert!(s.apply("working_days", "mon,funday").is_err());
        assert!(s.apply("working_days", "").is_err());
        assert!(s.apply("vacations", "2026-12-24..2026-12-01").is_err());
        assert!(s.apply("daily_cap", "0").is_err());
        assert!(s.apply("colour", "red").is_err());
        let unknown = s.apply("holidays", "Atlantis").unwrap_err().to_string();
        assert!(
            unknown.contains("US") && unknown.contains("DE"),
            "{unknown}"
        );
        assert_eq!(
            s,
            PlannerSettings::default(),
            "a rejected value changes nothing"
        );

        s.apply("working_days", "Monday, tue,wed").unwrap();
        assert_eq!(
            s.working_days,
            [true, true, true, false, false, false, false]
        );
        s.apply("vacations", "2026-12-24..2027-01-02, 2027-03-01")
            .unwrap();
        assert_eq!(s.vacations.len(), 2);
        assert!(!s.is_working_day(NaiveDate::from_ymd_opt(2026, 12, 29).unwrap()));
        assert!(!s.is_working_day(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()));
        assert!(s.is_working_day(NaiveDate::from_ymd_opt(2027, 3, 2).unwrap()));

        s.apply("holidays", "us").unwrap();
        assert_eq!(s.to_pairs()["holidays"], "US");
        assert!(!s.is_working_day(NaiveDate::from_ymd_opt(2027, 5, 31).unwrap()));
        s.apply("holidays", "none").unwrap();
        assert!(s.holidays.is_none());
    }
}
