//! Day arithmetic for the planner: days are `i32` offsets from `today`, and working
//! days are looked up in a table built once per plan.

use chrono::{Datelike, Duration, NaiveDate};

use super::numeric_dates::{spell_numeric_dates, DateOrder};
use super::settings::PlannerSettings;

/// Working-day lookups around `today`.
#[derive(Debug, Clone)]
pub struct Calendar<'a> {
    today: NaiveDate,
    settings: &'a PlannerSettings,
    /// `working[i]` is day `i - before`.
    working: Vec<bool>,
    before: i32,
    /// Which number of "12/8" is the month, by the holiday region.
    date_order: DateOrder,
}

impl<'a> Calendar<'a> {
    /// A table covering `before` days back and `after` days forward from `today`.
    pub fn new(today: NaiveDate, settings: &'a PlannerSettings, before: i32, after: i32) -> Self {
        let working = (-before..after)
            .map(|offset| settings.is_working_day(today + Duration::days(i64::from(offset))))
            .collect();
        Calendar {
            today,
            settings,
            working,
            before,
            date_order: DateOrder::of_region(settings.holidays.as_ref().map(|h| h.code())),
        }
    }

    /// The date of a day offset.
    pub fn date(&self, day: i32) -> NaiveDate {
        self.today + Duration::days(i64::from(day))
    }

    /// The day offset of a date (negative in the past).
    pub fn day(&self, date: NaiveDate) -> i32 {
        let days = (date - self.today).num_days();
        days.clamp(i64::from(i32::MIN / 2), i64::from(i32::MAX / 2)) as i32
    }

    /// A note written on `written` with its numeric dates spelled out the way
    /// the user's region writes them (see [`spell_numeric_dates`]).
    pub fn spell_dates<'t>(&self, note: &'t str, written: NaiveDate) -> std::borrow::Cow<'t, str> {
        spell_numeric_dates(note, self.date_order, written)
    }

    /// Whether the user works on this day.
    pub fn is_working(&self, day: i32) -> bool {
        usize::try_from(day + self.before)
            .ok()
            .and_then(|i| self.working.get(i).copied())
            .unwrap_or_else(|| self.settings.is_working_day(self.date(day)))
    }

    /// Whether the day is a public holiday of the user's region.
    pub fn is_holiday(&self, day: i32) -> bool {
        self.settings.is_holiday(self.date(day))
    }

    /// Whether the day falls in the year-end break, 21 December to 1 January:
    /// no time to start a business conversation (an introduction, a check-in),
    /// though what must close before the year's end still can until the
    /// holidays themselves (see [`Calendar::is_holiday_break`]).
    pub fn is_year_break(&self, day: i32) -> bool {
        let date = self.date(day);
        (date.month() == 12 && date.day() >= 21) || (date.month() == 1 && date.day() == 1)
    }

    /// Whether the day falls in the holidays themselves, 24 December to 1
    /// January: not even a deadline's last reminder goes then.
    pub fn is_holiday_break(&self, day: i32) -> bool {
        let date = self.date(day);
        (date.month() == 12 && date.day() >= 24) || (date.month() == 1 && date.day() == 1)
    }

    /// Whether the day falls in the days before the year-end break (11 to 20
    /// December, when buyers close out the year): too close to the holidays
    /// for a cold introduction.
    pub fn is_before_year_break(&self, day: i32) -> bool {
        let date = self.date(day);
        date.month() == 12 && (11..21).contains(&date.day())
    }

    /// The first working day after the year-end break that `day` falls in
    /// (`day` itself when it is not in one).
    pub fn after_year_break(&self, day: i32) -> i32 {
        if !self.is_year_break(day) {
            return day;
        }
        let mut d = day;
        while self.is_year_break(d) {
            d += 1;
        }
        self.next_working(d)
    }

    /// Whether `day` falls in the two weeks after a year-end break.
    pub fn is_soon_after_year_break(&self, day: i32) -> bool {
        !self.is_year_break(day) && (1..=14).any(|n| self.is_year_break(day - n))
    }

    /// The first working day on or after `day` (gives up after two years: no working day at all).
    pub fn next_working(&self, day: i32) -> i32 {
        (day..day + 730)
            .find(|&d| self.is_working(d))
            .unwrap_or(day)
    }

    /// The last working day on or before `day`.
    pub fn prev_working(&self, day: i32) -> i32 {
        (day - 730..=day)
            .rev()
            .find(|&d| self.is_working(d))
            .unwrap_or(day)
    }

    /// The `n`-th working day after `day` (n ≥ 1).
    pub fn add_working_days(&self, day: i32, n: u32) -> i32 {
        let mut d = day;
        for _ in 0..n {
            d = self.next_working(d + 1);
        }
        d
    }

    /// How many working days there are in `[from, to)`.
    pub fn working_days_between(&self, from: i32, to: i32) -> u32 {
        (from..to).filter(|&d| self.is_working(d)).count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekends_are_skipped_both_ways() {
        let settings = PlannerSettings::default();
        // 2026-11-26 is a Thursday.
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let cal = Calendar::new(today, &settings, 10, 30);
        assert!(cal.is_working(0) && cal.is_working(1));
        assert!(!cal.is_working(2) && !cal.is_working(3));
        assert_eq!(cal.next_working(2), 4);
        assert_eq!(cal.prev_working(3), 1);
        assert_eq!(cal.add_working_days(0, 2), 4);
        assert_eq!(cal.working_days_between(0, 7), 5);
        // Beyond the table it still answers.
        assert!(!cal.is_working(cal.day(NaiveDate::from_ymd_opt(2030, 1, 5).unwrap())));
    }
}
