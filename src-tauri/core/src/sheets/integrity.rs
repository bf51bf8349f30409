//! Integrity of an import: rows fold into one resource only when they are the same resource,
//! and nothing a workbook held ends up only in an import-time finding — a problem with the
//! catalog stays a finding of validation after the commit.

use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::*;
use crate::rules::{self, Context, Finding, Severity};
use crate::store::Workspace;
use crate::Lang;

fn ctx() -> Context {
    Context { today: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), lang: Lang::Zh }
}

/// A sheet from `header` and `rows` (empty strings are left blank, as merged-down cells read).
fn sheet(path: &Path, header: &[&str], rows: &[&[&str]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// Imports `file` into `ws` and commits; then validates what the workspace holds, as
/// `mulu validate` does after the import.
fn import_then_validate(file: &Path, ws: &mut Workspace) -> Vec<Finding> {
    let imported = read(file, &ImportOptions::default(), Lang::Zh).unwrap();
    let effect = plan(ws, imported, &ctx()).unwrap();
    commit(ws, effect).unwrap();
    rules::validate(&ws.catalog().unwrap(), &ctx()).findings
}

const HEADER: &[&str] = &["信息资源名称", "信息资源代码", "信息资源摘要", "更新周期", "信息项名称"];

#[test]
fn a_code_repeated_on_another_resource_keeps_both_and_the_duplicate_stays_an_error() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("乡镇目录.xlsx");
    sheet(
        &file,
        HEADER,
        &[
            &["低保对象名册", "352111009/000001", "全镇低保对象的基本信息", "每月", "姓名"],
            &["", "", "", "", "身份证号"],
            // A copy-paste slip: another resource with the code above.
            &["镇级财政预算公开信息", "352111009/000001", "本镇年度一般公共预算收支", "每年", "预算年度"],
            &["镇级财政预算公开信息", "352111009/000001", "", "", "预算金额"],
            // The first resource again, its name written with other spaces and widths.
            &["低保对象 名册", "３５２１１１００９／０００００１", "", "", "住址"],
        ],
    );
    let got = read(&file, &ImportOptions::default(), Lang::Zh).unwrap();
    let rs = &got.catalog.resources;
    let names: Vec<&str> = rs.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["低保对象名册", "镇级财政预算公开信息"], "two resources, not one");
    let items = |i: usize| rs[i].items.iter().map(|it| it.name.as_str()).collect::<Vec<_>>();
    assert_eq!(items(0), ["姓名", "身份证号", "住址"]);
    assert_eq!(items(1), ["预算年度", "预算金额"], "each resource keeps its own items");
    assert_eq!(rs[1].summary.as_deref(), Some("本镇年度一般公共预算收支"));
    assert_eq!(rs[0].notes, None, "nothing of the second resource went to the first one's notes");

    let mut ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let findings = import_then_validate(&file, &mut ws);
    assert_eq!(ws.resource_count().unwrap(), 2);
    let dup: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "code.duplicate")
        .map(|f| f.resource.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(dup, ["低保对象名册", "镇级财政预算公开信息"], "an error on both, after the commit");
    assert!(findings.iter().any(|f| f.rule == "code.duplicate" && f.severity == Severity::Error));

    // Imported again: each matches its own stored record; none is merged into the other.
    let imported = read(&file, &ImportOptions::default(), Lang::Zh).unwrap();
    let effect = plan(&ws, imported, &ctx()).unwrap();
    assert_eq!((effect.plan.added.len(), effect.plan.changed.len(), effect.plan.unchanged), (0, 0, 2));
    commit(&mut ws, effect).unwrap();
    assert_eq!(ws.resource_count().unwrap(), 2);
}

#[test]
fn a_repeated_code_with_a_blank_name_continues_its_resource() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("a.xlsx");
    sheet(
        &file,
        HEADER,
        &[
            &["户籍人口", "352111009/000001", "户籍人口的基本信息", "每月", "姓名"],
            &["", "352111009/000001", "", "", "身份证号"],
        ],
    );
    let got = read(&file, &ImportOptions::default(), Lang::Zh).unwrap();
    assert_eq!(got.catalog.resources.len(), 1);
    assert_eq!(got.catalog.resources[0].items.len(), 2);
}

#[test]
fn values_kept_in_the_notes_stay_findings_after_the_commit() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("b.xlsx");
    let header = ["信息资源名称", "信息资源代码", "更新周期", "信息项名称", "是否个人信息", "信息项说明"];
    sheet(
        &file,
        &header,
        &[
            &["户籍人口", "352111009/000001", "每月", "姓名", "也许", "公民姓名"],
            // The same resource, a different cycle: the first is kept, this one noted.
            &["户籍人口", "352111009/000001", "每年", "身份证号", "是", ""],
        ],
    );
    let mut ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let findings = import_then_validate(&file, &mut ws);
    let r = &ws.catalog().unwrap().resources[0];
    assert_eq!(r.update_cycle, Some(crate::model::domain::UpdateCycle::Monthly.into()));
    assert!(r.notes.as_deref().unwrap().contains("每年"), "{:?}", r.notes);
    let d0 = r.items[0].description.as_deref().unwrap();
    assert!(d0.contains("公民姓名") && d0.contains("也许"), "a later description column keeps the value: {d0}");
    let find = |rule: &str| findings.iter().find(|f| f.rule == rule).unwrap_or_else(|| panic!("{rule}: {findings:#?}"));
    let unread = find("notes.unread");
    assert_eq!((unread.severity, unread.field.as_deref()), (Severity::Error, Some("items[0].description")));
    assert!(unread.message.contains("也许"), "{}", unread.message);
    let conflict = find("notes.conflict");
    assert_eq!((conflict.severity, conflict.field.as_deref()), (Severity::Warning, Some("notes")));
    assert!(conflict.message.contains("每年"), "{}", conflict.message);

    // Resolved: the officer deletes the lines, and the findings go.
    let mut r = r.clone();
    r.notes = None;
    r.items[0].description = Some("公民姓名".into());
    let left = rules::validate(&crate::Catalog { resources: vec![r], ..Default::default() }, &ctx()).findings;
    assert!(!left.iter().any(|f| f.rule.starts_with("notes.")), "{left:#?}");
}

#[test]
fn text_longer_than_a_cell_is_an_error_at_its_field_and_export_names_it() {
    let d = tempfile::tempdir().unwrap();
    let mut c = crate::Catalog::default();
    let mut r = crate::model::Resource::default();
    crate::model::fields::set(&mut r, "name", "户籍人口").unwrap();
    crate::model::fields::set(&mut r, "code", "352111009/000001").unwrap();
    // 32,767 fits; one character more does not (a character outside the BMP counts two).
    crate::model::fields::set(&mut r, "abstract", &"长".repeat(32_767)).unwrap();
    r.items.push(crate::model::DataItem {
        name: "姓名".into(),
        description: Some("𠀀".repeat(16_384)),
        ..Default::default()
    });
    c.resources.push(r.clone());
    let limit = |c: &crate::Catalog| -> Vec<String> {
        rules::validate(c, &ctx())
            .findings
            .into_iter()
            .filter(|f| f.rule == "field.cell_limit")
            .map(|f| f.field.unwrap())
            .collect()
    };
    assert_eq!(limit(&c), ["items[0].description"]);
    c.resources[0].items.clear();
    export::export_catalog(&c, &d.path().join("ok.xlsx")).expect("32,767 characters fit");

    c.resources[0].summary = Some("长".repeat(32_768));
    assert_eq!(limit(&c), ["abstract"]);
    let f = rules::validate(&c, &ctx()).findings.into_iter().find(|f| f.rule == "field.cell_limit").unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("32768") && f.message.contains("32767"), "{}", f.message);

    let e = export::export_catalog(&c, &d.path().join("no.xlsx")).expect_err("cannot be written");
    assert_eq!((e.code(), e.field()), ("sheet.cell_too_long", Some("abstract")));
    let m = e.message(Lang::Zh);
    assert!(m.contains("户籍人口") && m.contains("信息资源摘要") && !m.contains("磁盘"), "{m}");
    assert!(!d.path().join("no.xlsx").exists());
}

#[test]
fn a_kept_value_reaches_a_stored_record_that_the_import_updates() {
    let d = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let header = ["信息资源名称", "信息资源代码", "更新周期"];
    let clean = d.path().join("clean.xlsx");
    sheet(&clean, &header, &[&["户籍人口", "352111009/000001", "每月"]]);
    import_then_validate(&clean, &mut ws);
    // Updated from a sheet without a notes column whose rows disagree on the cycle.
    let again = d.path().join("again.xlsx");
    sheet(&again, &header, &[&["户籍人口", "352111009/000001", "每年"], &["户籍人口", "352111009/000001", "每季度"]]);
    let findings = import_then_validate(&again, &mut ws);
    assert_eq!(ws.resource_count().unwrap(), 1);
    let r = &ws.catalog().unwrap().resources[0];
    assert!(r.notes.as_deref().is_some_and(|n| n.contains("每季度")), "{:?}", r.notes);
    assert!(findings.iter().any(|f| f.rule == "notes.conflict"), "{findings:#?}");
}

#[test]
fn a_public_funds_answer_neither_yes_nor_no_stays_a_finding_after_the_commit() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("systems.xlsx");
    let mut wb = Workbook::new();
    let data = wb.add_worksheet().set_name("资源").unwrap();
    for (c, (h, v)) in [("信息资源名称", "户籍人口"), ("信息资源代码", "352111009/000001")].into_iter().enumerate()
    {
        data.write_string(0, c as u16, h).unwrap();
        data.write_string(1, c as u16, v).unwrap();
    }
    let systems = wb.add_worksheet().set_name(export::SHEET_SYSTEMS).unwrap();
    let rows = [
        ["信息系统名称", export::FUNDS_HEADER, "信息系统说明"],
        ["低保管理系统", "待定", "民政"],
        ["财务系统", "否", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            systems.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&file).unwrap();
    let mut ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let findings = import_then_validate(&file, &mut ws);
    let kept = ws.catalog().unwrap().systems;
    let desc = kept[0].description.as_deref().unwrap();
    assert!(desc.starts_with("民政") && desc.contains("待定"), "the answer is kept as written: {desc}");
    assert_eq!(kept[1].description, None, "a readable answer leaves nothing behind");
    let unread: Vec<_> = findings.iter().filter(|f| f.rule == "notes.unread").collect();
    assert_eq!(unread.len(), 1, "{findings:#?}");
    assert_eq!((unread[0].severity, unread[0].field.as_deref()), (Severity::Error, Some("systems[0].description")));
    assert!(unread[0].message.contains("待定"), "{}", unread[0].message);
}
