//! The calculator against domain.md §9's worked examples and the published 2025 and 2026
//! calendars, and the calendar file's checks.

use std::path::Path;

use super::*;
use crate::error::Error;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn due(start: &str, days: u32) -> Due {
    Calendars::builtin().due(d(start), days)
}

fn fixed(date: &str) -> Due {
    Due { date: d(date), provisional: false }
}

#[test]
fn the_worked_examples_of_domain_md() {
    // Friday before the Mid-Autumn and National Day holidays: a worked Sunday counts.
    assert_eq!(due("2026-09-18", 10), fixed("2026-10-09"));
    // Labour Day: a worked Saturday counts.
    assert_eq!(due("2026-04-30", 5), fixed("2026-05-11"));
    assert_eq!(due("2026-02-11", 2), fixed("2026-02-13"));
    // Across the Spring Festival: the worked Saturday before it, then the day after.
    assert_eq!(due("2026-02-13", 2), fixed("2026-02-24"));
}

#[test]
fn spans_across_the_2025_holidays_and_their_make_up_days() {
    // Spring Festival 2025: Sunday 1/26 worked, 1/28–2/4 off.
    assert_eq!(due("2025-01-24", 2), fixed("2025-01-27"));
    assert_eq!(due("2025-01-24", 5), fixed("2025-02-07"));
    // National Day 2025: Sunday 9/28 and Saturday 10/11 worked, 10/1–10/8 off.
    assert_eq!(due("2025-09-26", 10), fixed("2025-10-16"));
    // A holiday is not a working day even on a weekday; the event day itself never counts.
    assert_eq!(due("2025-10-01", 2), fixed("2025-10-10"));
    assert_eq!(due("2026-10-09", 1), fixed("2026-10-10"), "Saturday 10/10 is worked");
}

#[test]
fn a_span_into_a_year_without_a_calendar_counts_weekends_only_and_is_provisional() {
    // From 2025 into 2026: New Year 1/1–1/3 off, Sunday 1/4 worked.
    assert_eq!(due("2025-12-31", 2), fixed("2026-01-05"));
    // 2027 has no calendar: Friday 1/1 counts as a working day, the date is provisional.
    let p = due("2026-12-30", 5);
    assert_eq!(p, Due { date: d("2027-01-06"), provisional: true });
    // Importing 2027's calendar makes it exact.
    let mut c = Calendars::builtin();
    let y2027 = "year = 2027\n[[holiday]]\nname = \"元旦\"\nfrom = \"2027-01-01\"\nto = \"2027-01-03\"\n";
    c.insert_imported(parse(y2027, Path::new("2027.toml")).unwrap());
    assert_eq!(c.due(d("2026-12-30"), 5), fixed("2027-01-07"));
    // Wholly inside an unknown year: provisional too.
    assert!(Calendars::builtin().due(d("2024-06-03"), 1).provisional);
}

#[test]
fn standing_counts_working_days_left() {
    let c = Calendars::builtin();
    // Due Friday 2026-10-09: on Friday 9/18 eight working days are left.
    assert_eq!(c.working_days_left(d("2026-09-18"), d("2026-10-09")), 10);
    assert_eq!(c.standing(d("2026-09-18"), d("2026-10-09")), Standing::Due);
    // From the first holiday day, two working days (10/8, 10/9) are left: due soon.
    assert_eq!(c.working_days_left(d("2026-10-01"), d("2026-10-09")), 2);
    assert_eq!(c.standing(d("2026-10-01"), d("2026-10-09")), Standing::DueSoon);
    assert_eq!(c.standing(d("2026-10-09"), d("2026-10-09")), Standing::DueSoon);
    assert_eq!(c.standing(d("2026-10-10"), d("2026-10-09")), Standing::Overdue);
    assert_eq!(c.working_days_left(d("2026-10-12"), d("2026-10-09")), -2, "Saturday 10/10 and Monday");
}

#[test]
fn the_shipped_calendars_are_the_published_ones() {
    let c = Calendars::builtin();
    let years: Vec<i32> = c.list().iter().map(|i| i.year).collect();
    assert_eq!(years, [2025, 2026]);
    assert_eq!(c.list()[1].holidays, 3 + 9 + 3 + 5 + 3 + 3 + 7);
    assert_eq!(c.list()[1].workdays, 6);
    assert_eq!(c.list()[0].holidays, 1 + 8 + 3 + 5 + 3 + 8);
    assert_eq!(c.list()[0].workdays, 5);
    for day in ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"] {
        assert!(c.is_working_day(d(day)), "{day} is worked");
    }
    for day in ["2026-01-02", "2026-02-23", "2026-06-19", "2026-09-25", "2026-10-07"] {
        assert!(!c.is_working_day(d(day)), "{day} is off");
    }
}

/// The error a bad calendar file gets: (line, field, reason).
fn refused(text: &str) -> (usize, String, &'static str) {
    match parse(text, Path::new("2027.toml")) {
        Err(Error::CalendarInvalid { line, field, reason, file, .. }) => {
            assert_eq!(file, Path::new("2027.toml"));
            (line, field, reason)
        }
        other => panic!("refused: {other:?}"),
    }
}

#[test]
fn a_bad_calendar_file_is_refused_naming_its_line_and_field() {
    let head = "year = 2027\nsource = \"通知\"\n\n[[holiday]]\nname = \"春节\"\n";
    let spring = |from: &str, to: &str, workdays: &str| {
        format!("{head}from = \"{from}\"\nto = \"{to}\"\nworkdays = [{workdays}]\n")
    };
    let ok = spring("2027-02-06", "2027-02-13", "\"2027-01-31\"");
    assert_eq!(parse(&ok, Path::new("2027.toml")).unwrap().holidays.len(), 8);
    assert_eq!(refused(&spring("2027-02-30", "2027-02-13", "")), (6, "holiday[1] “春节”.from".into(), "date"));
    assert_eq!(refused(&spring("2027/02/06", "2027-02-13", "")).2, "date");
    assert_eq!(refused(&spring("2027-02-06", "2028-02-13", "")), (7, "holiday[1] “春节”.to".into(), "outside"));
    assert_eq!(refused(&spring("2027-02-13", "2027-02-06", "")).2, "order");
    assert_eq!(
        refused(&spring("2027-02-06", "2027-02-13", "\"2027-02-06\"")),
        (8, "holiday[1] “春节”.workdays".into(), "both")
    );
    assert_eq!(refused(&spring("2027-02-06", "2027-02-13", "\"2027-02-15\"")).2, "weekday", "a Monday");
    assert_eq!(refused("year = 2027\n[[holiday]]\nfrom = \"2027-01-01\"\n").2, "syntax", "no `to`");
    assert_eq!(refused("year = 2027\n\nholiday = [\n").0, 3, "the unclosed array's line");
    assert_eq!(refused("year = 1900\n"), (1, "year".into(), "year"));
    // Its message names the file, the line and the field, and what to do.
    let e = parse(&spring("2027-02-30", "2027-02-13", ""), Path::new("2027.toml")).unwrap_err();
    let en = e.message(crate::Lang::En);
    assert!(en.contains("2027.toml, line 6 (holiday[1] “春节”.from)") && en.contains("mulu calendar import"), "{en}");
    assert!(e.message(crate::Lang::Zh).contains("第 6 行"));
}
