//! A calendar file (docs/calendar.md): read and checked, every problem named by its file, line
//! and field, since a bureau types these by hand from the State Council's notice.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use toml::Spanned;

use super::YearCalendar;
use crate::error::{Error, Result};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    year: Spanned<i64>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    holiday: Vec<RawHoliday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    #[serde(default)]
    name: String,
    from: Spanned<String>,
    to: Spanned<String>,
    #[serde(default)]
    workdays: Vec<Spanned<String>>,
}

/// Reads the calendar in `text`, the contents of `file` (named in errors).
pub fn parse(text: &str, file: &Path) -> Result<YearCalendar> {
    let line = |span: Range<usize>| text.get(..span.start).map_or(1, |s| s.matches('\n').count() + 1);
    let fail = |span: Range<usize>, field: &str, value: &str, reason: &'static str| Error::CalendarInvalid {
        file: file.into(),
        line: line(span),
        field: field.into(),
        value: value.into(),
        reason,
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        fail(span, "", e.message().trim(), "syntax")
    })?;
    let year = *raw.year.get_ref();
    if !(1949..=2100).contains(&year) {
        return Err(fail(raw.year.span(), "year", &year.to_string(), "year"));
    }
    let year = year as i32;
    let date = |s: &Spanned<String>, field: &str| -> Result<NaiveDate> {
        let v = s.get_ref().trim();
        let d = (v.len() == 10)
            .then(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .flatten()
            .ok_or_else(|| fail(s.span(), field, v, "date"))?;
        if d.year() != year {
            return Err(fail(s.span(), field, v, "outside"));
        }
        Ok(d)
    };
    let mut holidays = BTreeSet::new();
    let mut workdays = Vec::new();
    for (i, h) in raw.holiday.iter().enumerate() {
        let at = |part: &str| match h.name.trim() {
            "" => format!("holiday[{}].{part}", i + 1),
            name => format!("holiday[{}] “{name}”.{part}", i + 1),
        };
        let (from, to) = (date(&h.from, &at("from"))?, date(&h.to, &at("to"))?);
        if to < from {
            return Err(fail(h.to.span(), &at("to"), h.to.get_ref(), "order"));
        }
        holidays.extend(from.iter_days().take_while(|d| *d <= to));
        for w in &h.workdays {
            let d = date(w, &at("workdays"))?;
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(fail(w.span(), &at("workdays"), w.get_ref(), "weekday"));
            }
            workdays.push((d, w, at("workdays")));
        }
    }
    // Checked once every holiday is known: a make-up day may come before its holiday's entry.
    if let Some((_, w, field)) = workdays.iter().find(|(d, _, _)| holidays.contains(d)) {
        return Err(fail(w.span(), field, w.get_ref(), "both"));
    }
    Ok(YearCalendar {
        year,
        source: raw.source.trim().to_string(),
        holidays,
        workdays: workdays.into_iter().map(|(d, _, _)| d).collect(),
    })
}
