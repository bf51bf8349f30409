//! What the officer reads of an import: fields named by their labels in both languages (never
//! by their keys), findings about a field the sheet has no column for placed on the row alone,
//! and grades read from a sheet kept apart from the grades the officer confirmed.

use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::*;
use crate::model::GradeOrigin;
use crate::rules::Context;
use crate::store::Workspace;
use crate::Lang;

fn ctx(lang: Lang) -> Context {
    Context { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang }
}

/// An instructions sheet, then a catalog with no 来源业务 column, whose first resource's two
/// rows disagree on the combined format cell and whose item row has a bad yes/no.
fn workbook(path: &Path, grade: &str) {
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("填表说明").unwrap().write_string(0, 0, "每个资源填写一行").unwrap();
    let ws = wb.add_worksheet().set_name("资源目录").unwrap();
    let rows = [
        ["信息资源名称", "信息资源代码", "信息资源格式", "敏感程度", "信息项名称", "是否个人信息"],
        ["低保对象名册", "352111009/000001", "电子表格 xlsx", grade, "姓名", "是"],
        ["低保对象名册", "352111009/000001", "数据库", grade, "身份证号", "也许"],
    ];
    for (r, row) in rows.iter().enumerate() {
        ws.write_row(r as u32, 0, *row).unwrap();
    }
    wb.save(path).unwrap();
}

fn preview(file: &Path, ws: &Workspace, lang: Lang) -> ImportPlan {
    let imported = read(file, &ImportOptions::default(), lang).unwrap();
    plan(ws, imported, &ctx(lang)).unwrap().plan
}

#[test]
fn import_messages_name_fields_by_their_labels_never_their_keys() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("目录.xlsx");
    workbook(&file, "内部");
    let ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let keys: Vec<String> = columns::columns().specs.iter().map(|c| c.key.clone()).collect();
    for (lang, format, personal) in [
        (Lang::Zh, "“信息资源格式”", "“信息项是否个人信息”"),
        (Lang::En, "“Resource format”", "“Data item is personal information”"),
    ] {
        let p = preview(&file, &ws, lang);
        let conflict = p.findings.iter().find(|f| f.rule == "import.conflict").expect("the format cells disagree");
        assert!(conflict.message.contains(format), "{}", conflict.message);
        let value = p.findings.iter().find(|f| f.rule == "import.value").expect("“也许” is no yes/no");
        assert!(value.message.contains(personal), "{}", value.message);
        for f in &p.findings {
            for k in &keys {
                assert!(!f.message.contains(&format!("“{k}”")), "{k} leaks into: {}", f.message);
            }
        }
        let skipped = p.sheets.iter().find(|s| s.sheet == "填表说明").and_then(|s| s.skipped.as_deref());
        assert_eq!(skipped, Some("instructions"));
        let said = roles::skip_reason(skipped.unwrap(), lang);
        assert_eq!(said, lang.pick("填表说明", "fill-in instructions"));
    }
}

#[test]
fn a_finding_on_a_field_the_sheet_has_no_column_for_points_at_the_row_only() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("目录.xlsx");
    workbook(&file, "内部");
    let ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let p = preview(&file, &ws, Lang::Zh);
    let at = |rule: &str, field: &str| {
        let f = p.findings.iter().find(|f| f.rule == rule && f.field.as_deref() == Some(field));
        let f = f.unwrap_or_else(|| panic!("no {rule} on {field}: {:?}", p.findings));
        (f.sheet.clone(), f.row, f.column.clone())
    };
    let sheet = Some("资源目录".to_string());
    assert_eq!(at("field.recommended", "source_business"), (sheet.clone(), Some(2), None), "no 来源业务 column");
    assert_eq!(at("field.required", "abstract"), (sheet.clone(), Some(2), None), "no 摘要 column");
    assert_eq!(at("import.conflict", "format"), (sheet.clone(), Some(3), Some("C".into())), "a cell read: its column");
    assert_eq!(at("grade.unconfirmed", "sensitivity"), (sheet, Some(2), Some("D".into())), "the grade's own cell");
}

#[test]
fn a_grade_read_from_a_sheet_waits_for_the_officer_and_a_reimport_keeps_a_confirmation() {
    let d = tempfile::tempdir().unwrap();
    let (same, other) = (d.path().join("同.xlsx"), d.path().join("异.xlsx"));
    workbook(&same, "内部");
    workbook(&other, "涉密");
    let mut ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let import = |ws: &mut Workspace, file: &Path| {
        let imported = read(file, &ImportOptions::default(), Lang::Zh).unwrap();
        let effect = plan(ws, imported, &ctx(Lang::Zh)).unwrap();
        commit(ws, effect).unwrap()
    };
    let p = import(&mut ws, &same);
    assert!(p.findings.iter().any(|f| f.rule == "grade.unconfirmed"), "{:?}", p.findings);
    let id = ws.resources().unwrap()[0].id;
    let origin = |ws: &Workspace| ws.resource(id).unwrap().resource.unconfirmed_grade();
    assert_eq!(origin(&ws), Some(GradeOrigin::Import));

    ws.confirm_grades(&[id]).unwrap();
    import(&mut ws, &same);
    assert_eq!(origin(&ws), None, "the sheet says the grade the officer confirmed: it stays confirmed");
    import(&mut ws, &other);
    assert_eq!(origin(&ws), Some(GradeOrigin::Import), "a grade the sheet changes is the sheet's again");
    let r = ws.resource(id).unwrap().resource;
    assert_eq!(r.sensitivity.as_ref().map(|s| s.as_str()), Some("涉密"));
}
