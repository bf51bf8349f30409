//! Working days (工作日) and the deadlines counted in them (G Art. 15, 16, 31; domain.md §9).
//!
//! A year's calendar lists its statutory holidays and the weekend days worked instead (调休上班),
//! as published by the State Council each November; the years Mulu knows ship as data
//! (`data/calendar/*.toml`, format in docs/calendar.md) and a bureau imports a newer one into
//! the workspace. A year without a calendar counts weekends only, and a deadline reaching into
//! it is **provisional**. Dates come in: nothing here reads the clock.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;
use ts_rs::TS;

mod file;

pub use file::parse;

/// The calendars shipped with Mulu, by year.
const BUILTIN: &[(&str, &str)] = &[
    ("data/calendar/2025.toml", include_str!("../../data/calendar/2025.toml")),
    ("data/calendar/2026.toml", include_str!("../../data/calendar/2026.toml")),
];

/// One year's calendar (年度节假日安排): its holidays and its weekend days worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearCalendar {
    pub year: i32,
    /// The notice it comes from.
    pub source: String,
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days officially worked (调休上班).
    pub workdays: BTreeSet<NaiveDate>,
}

/// A calendar as listed (`mulu calendar list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CalendarInfo {
    pub year: i32,
    pub source: String,
    /// Days off, counted one by one.
    pub holidays: usize,
    pub workdays: usize,
    /// Imported into this workspace (it then replaces the shipped one of its year).
    pub imported: bool,
}

impl YearCalendar {
    pub fn info(&self, imported: bool) -> CalendarInfo {
        CalendarInfo {
            year: self.year,
            source: self.source.clone(),
            holidays: self.holidays.len(),
            workdays: self.workdays.len(),
            imported,
        }
    }
}

/// A deadline: the end of its date, and whether a year without a calendar was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Due {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub provisional: bool,
}

/// Every known year's calendar.
#[derive(Debug, Clone, Default)]
pub struct Calendars {
    years: BTreeMap<i32, (YearCalendar, bool)>,
}

impl Calendars {
    /// The calendars shipped with Mulu.
    pub fn builtin() -> Self {
        let mut c = Calendars::default();
        for (name, text) in BUILTIN {
            let year = parse(text, std::path::Path::new(name)).expect("a shipped calendar is valid");
            c.years.insert(year.year, (year, false));
        }
        c
    }

    /// Adds an imported calendar, replacing the one of its year.
    pub fn insert_imported(&mut self, year: YearCalendar) {
        self.years.insert(year.year, (year, true));
    }

    /// The known calendars, by year.
    pub fn list(&self) -> Vec<CalendarInfo> {
        self.years.values().map(|(y, imported)| y.info(*imported)).collect()
    }

    pub fn knows(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// Monday to Friday unless a holiday, and the weekend days worked; weekends only in a year
    /// without a calendar.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        match self.years.get(&d.year()) {
            Some((y, _)) if weekend => y.workdays.contains(&d),
            Some((y, _)) => !y.holidays.contains(&d),
            None => !weekend,
        }
    }

    /// The end of the `days`-th working day after `start` (day 0, whatever it is).
    pub fn due(&self, start: NaiveDate, days: u32) -> Due {
        let mut d = start;
        let mut counted = 0;
        let mut provisional = false;
        while counted < days {
            d += Duration::days(1);
            provisional |= !self.knows(d.year());
            if self.is_working_day(d) {
                counted += 1;
            }
        }
        Due { date: d, provisional }
    }

    /// Working days from `today` to `due`: those after today up to and including the due day;
    /// negative, those after the due day up to today, once it has passed.
    pub fn working_days_left(&self, today: NaiveDate, due: NaiveDate) -> i64 {
        let (from, to, sign) = if today <= due { (today, due, 1) } else { (due, today, -1) };
        let n = from.iter_days().skip(1).take_while(|d| *d <= to).filter(|d| self.is_working_day(*d)).count();
        sign * n as i64
    }
}

/// Where a deadline stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Due,
    /// At most [`SOON`] working days left.
    DueSoon,
    Overdue,
}

/// A deadline this close (in working days) is due soon.
pub const SOON: i64 = 2;

impl Calendars {
    pub fn standing(&self, today: NaiveDate, due: NaiveDate) -> Standing {
        if today > due {
            Standing::Overdue
        } else if self.working_days_left(today, due) <= SOON {
            Standing::DueSoon
        } else {
            Standing::Due
        }
    }
}

#[cfg(test)]
mod tests;
