//! A spreadsheet cell's value, independent of the file format, and how it reads as text.

use std::borrow::Cow;

use chrono::NaiveDate;

/// Text borrows from the workbook where it can (shared strings): most cells of a large sheet
/// are read, compared and dropped without a copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A cell formatted as a date (or date-time) in the workbook.
    Date(NaiveDate),
    /// An error value such as `#N/A` or `#REF!`, usually a broken formula.
    Error(String),
}

impl<'a> Cell<'a> {
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => crate::text::is_blank_text(s),
            _ => false,
        }
    }

    /// The cell as text: integers without `.0`, dates as ISO, booleans as 是/否.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty | Cell::Error(_) => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Float(f) => Cow::Owned(number_text(*f)),
            Cell::Bool(b) => Cow::Borrowed(if *b { "是" } else { "否" }),
            Cell::Date(d) => Cow::Owned(d.to_string()),
        }
    }

    /// The same cell owning its text, to keep it past the row it came from.
    pub fn into_owned(self) -> Cell<'static> {
        match self {
            Cell::Empty => Cell::Empty,
            Cell::Text(s) => Cell::Text(Cow::Owned(s.into_owned())),
            Cell::Int(i) => Cell::Int(i),
            Cell::Float(f) => Cell::Float(f),
            Cell::Bool(b) => Cell::Bool(b),
            Cell::Date(d) => Cell::Date(d),
            Cell::Error(e) => Cell::Error(e),
        }
    }

    /// Like [`Cell::text`], moving the string out instead of copying it.
    pub fn into_text(self) -> String {
        match self {
            Cell::Text(s) => s.into_owned(),
            other => other.text().into_owned(),
        }
    }

    /// The cell as a date: a date cell, an Excel serial number, or a date written as text.
    pub fn date(&self, is_1904: bool) -> Option<NaiveDate> {
        match self {
            Cell::Date(d) => Some(*d),
            Cell::Int(i) => serial_date(*i as f64, is_1904),
            Cell::Float(f) => serial_date(*f, is_1904),
            Cell::Text(s) => crate::model::fields::parse_date(s),
            _ => None,
        }
    }
}

/// `18` for 18.0, `3.25` for 3.25; the shortest text that reads back as the same number.
pub fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// An Excel serial day number as a date (1900 system with its phantom 29 Feb 1900, or 1904).
/// Only plausible catalog dates are taken (1949–2199): other numbers are not dates.
pub fn serial_date(serial: f64, is_1904: bool) -> Option<NaiveDate> {
    if !(1.0..=110_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let base = if is_1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else if days >= 61 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    let d = base.checked_add_signed(chrono::Duration::days(days))?;
    (1949..2200).contains(&chrono::Datelike::year(&d)).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_in_both_date_systems() {
        assert_eq!(serial_date(46082.0, false), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(serial_date(44620.0, true), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(serial_date(18.0, false), None, "a small number is not a catalog date");
    }

    #[test]
    fn numbers_read_as_officers_wrote_them() {
        assert_eq!(Cell::Float(18.0).text(), "18");
        assert_eq!(Cell::Float(3.25).text(), "3.25");
        assert_eq!(Cell::Bool(true).text(), "是");
        assert_eq!(Cell::Text("2026年3月1日".into()).date(false), NaiveDate::from_ymd_opt(2026, 3, 1));
    }
}
