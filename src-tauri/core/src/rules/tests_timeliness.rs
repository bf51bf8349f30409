//! Issue 18: stale entries are flagged against their update cycle, with today passed in; data
//! shared or opened as images or paper is to be digitised.

use chrono::NaiveDate;

use super::tests::with;
use super::*;

fn on(today: &str, edits: &[(&str, &str)]) -> Vec<String> {
    let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    validate(&with(edits), &Context { today, lang: Lang::Zh })
        .findings
        .into_iter()
        .map(|f| f.rule.to_string())
        .collect()
}

#[test]
fn a_resource_older_than_its_update_cycle_allows_is_overdue() {
    // (cycle, last updated, today, overdue?)
    for (cycle, last, today, late) in [
        ("每月", "2026-08-25", "2026-11-25", true),
        ("每月", "2026-10-01", "2026-11-25", false),
        ("每日", "2026-11-20", "2026-11-25", true),
        ("每日", "2026-11-24", "2026-11-25", false),
        ("每周", "2026-10-01", "2026-11-25", true),
        ("每季度", "2026-03-01", "2026-11-25", true),
        ("每季度", "2026-07-01", "2026-11-25", false),
        ("每年", "2024-06-30", "2026-11-25", true),
        ("每年", "2025-06-30", "2026-11-25", false),
        ("不定期", "2010-01-01", "2026-11-25", false),
    ] {
        let rules = on(today, &[("update_cycle", cycle), ("updated_on", last)]);
        assert_eq!(rules.contains(&"update.overdue".to_string()), late, "{cycle} {last} on {today}: {rules:?}");
    }
    // The same record is late or not by the day it is checked on: the clock is passed in.
    let edits = [("update_cycle", "每月"), ("updated_on", "2026年9月1日")];
    assert!(on("2026-10-15", &edits).is_empty());
    assert_eq!(on("2026-11-25", &edits), ["update.overdue"]);
    let f = validate(&with(&edits), &Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::En })
        .findings;
    assert!(f[0].message.contains("2026-09-01") && f[0].message.contains("85 days"), "{}", f[0].message);
}

#[test]
fn a_last_updated_date_is_a_date_not_after_today() {
    assert_eq!(on("2026-11-25", &[("updated_on", "上个月")]), ["field.domain"]);
    assert_eq!(on("2026-11-25", &[("updated_on", "2026-12-01")]), ["date.range"]);
    assert!(on("2026-11-25", &[("updated_on", "")]).is_empty(), "optional");
}

#[test]
fn data_shared_or_opened_as_images_or_paper_is_to_be_digitised() {
    for edits in [
        &[("format.class", "图片"), ("format.type", "jpg")][..],
        &[("format.class", "其他"), ("format.type", "纸质")],
        &[("format.class", "其他"), ("format.type", "纸件")],
    ] {
        assert_eq!(on("2026-11-25", edits), ["data.digitised"], "{edits:?}");
    }
    // Neither shared nor opened: nobody receives it, nothing to say.
    let closed = [
        ("format.class", "图片"),
        ("format.type", "jpg"),
        ("sensitivity", "涉密"),
        ("sharing.type", "不予共享"),
        ("sharing.basis", "《中华人民共和国保守国家秘密法》"),
        ("sharing.method", "介质"),
        ("open.type", "不予开放"),
    ];
    assert!(!on("2026-11-25", &closed).contains(&"data.digitised".to_string()));
    assert!(on("2026-11-25", &[("format.class", "电子表格"), ("format.type", "xlsx")]).is_empty());
}
