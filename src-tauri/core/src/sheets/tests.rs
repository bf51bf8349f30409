use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::*;
use crate::model::fields::set;
use crate::model::{Coded, Grading, InfoSystem, SecrecyReview};
use crate::rules::Context;
use crate::store::Workspace;
use crate::{sample, Lang};

fn ctx() -> Context {
    Context { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::Zh }
}

/// A catalog that exercises every field: raw values, grading, reviews, lists, notes, systems.
fn rich_catalog() -> crate::Catalog {
    let mut c = sample::large_catalog(12, 4);
    c.systems = vec![
        InfoSystem {
            name: "低保管理系统".into(),
            public_funds: true,
            funding: Some(crate::model::domain::SystemFunding::PurchasedService.into()),
            description: Some("民政\n低保".into()),
        },
        InfoSystem { name: "财务系统".into(), public_funds: false, ..Default::default() },
    ];
    let r = &mut c.resources[0];
    set(r, "related_codes", "352111000/000002；101001/000001").unwrap();
    set(r, "notes", "第一行\n第二行").unwrap();
    set(r, "source_system", "低保管理系统").unwrap();
    set(r, "record_count", "12000").unwrap();
    set(r, "data_volume_gb", "0.75").unwrap();
    set(r, "category", "民政").unwrap();
    r.items[1].length = Some("18,2".into());
    r.items[2].is_identifier = true;
    r.items[2].description = Some("=SUM(A1:A9)".into());
    r.grading = Some(Grading {
        state_secret: Some(false),
        legal_restriction: Some(true),
        basis: Some("《统计法》".into()),
        suggested: Some(crate::model::domain::Sensitivity::Classified.into()),
        reason: Some("含个人信息".into()),
        ..Default::default()
    });
    r.secrecy_review = Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-11-20T10:00:00.000+08:00".into() });
    let r = &mut c.resources[1];
    r.update_cycle = Some(Coded::Raw("偶尔".into()));
    r.items[0].data_type = Some(Coded::Raw("文本型".into()));
    r.published_on = Some("去年".into());
    r.name = "+cmd|' /C calc'!A0".into();
    let r = &mut c.resources[2];
    r.open.declassified = true;
    r.summary = Some("多行\n摘要".into());
    c
}

fn import_into_new(file: &Path, ws_path: &Path) -> (Workspace, ImportPlan) {
    let mut ws = Workspace::create(ws_path).unwrap();
    let imported = read(file, &ImportOptions::default(), Lang::Zh).unwrap();
    let effect = plan(&ws, imported, &ctx()).unwrap();
    let p = commit(&mut ws, effect).unwrap();
    (ws, p)
}

#[test]
fn export_then_import_is_lossless() {
    let d = tempfile::tempdir().unwrap();
    let original = rich_catalog();
    let file = d.path().join("目录.xlsx");
    export_catalog(&original, &file).unwrap();
    let (ws, p) = import_into_new(&file, &d.path().join("new.mulu"));
    assert_eq!(p.added.len(), original.resources.len());
    assert!(p.agency);
    let back = ws.catalog().unwrap();
    assert_eq!(back.agency, original.agency);
    assert_eq!(back.systems, original.systems);
    // A grade read from a workbook waits for the officer, even from Mulu's own: the sheet
    // cannot say who decided it. Confirmed, the records are the originals.
    let mut back = back;
    for (a, b) in original.resources.iter().zip(&mut back.resources) {
        assert_eq!(b.unconfirmed_grade().is_some(), a.sensitivity.is_some(), "{}", a.name);
        b.confirm_grade();
        assert_eq!(a, b, "resource {} changed in the round trip", a.name);
    }
    assert_eq!(back, original);
}

#[test]
fn the_workbook_has_the_three_catalogs_and_items() {
    let d = tempfile::tempdir().unwrap();
    let mut c = rich_catalog();
    let file = d.path().join("c.xlsx");
    let open_rows = |c: &crate::model::Catalog| {
        export_catalog(c, &file).unwrap();
        let mut book = source::Workbook::open(&file).unwrap();
        assert_eq!(book.sheet_names(), ["资源目录", "共享目录", "开放目录", "信息项", "机构信息", "信息系统"]);
        let mut n = 0;
        book.rows("开放目录", |_| {
            n += 1;
            Ok(true)
        })
        .unwrap();
        n - 1
    };
    for r in &mut c.resources {
        r.secrecy_review = None;
    }
    assert_eq!(open_rows(&c), 0, "not secrecy-reviewed: the open catalog is gated like the DCAT export");
    for r in &mut c.resources {
        r.secrecy_review = Some(crate::model::SecrecyReview { reviewer: "李审查".into(), at: "2026-11-25".into() });
    }
    let open = c.resources.iter().filter(|r| r.in_open_catalog()).count();
    let gate = crate::opening::gate_validated(&c, &Context::now(Lang::Zh));
    assert!(gate.withheld.iter().all(|w| matches!(w.reasons[..], [crate::opening::Withhold::Errors { .. }])));
    assert_eq!((gate.open.len() + gate.withheld.len(), gate.open.len()), (open, open_rows(&c)));
    assert!(gate.open.len() > 1);
}

/// The stored forms written while reading (`Imported::docs`) are those of the records as they
/// stand once every sheet is read: an items sheet that reopens resources, items flagged as
/// personal after the sheet, merged and repeated cells.
#[test]
fn the_stored_forms_written_while_reading_match_the_records_read() {
    let d = tempfile::tempdir().unwrap();
    let (rich, messy, back) = (d.path().join("c.xlsx"), d.path().join("m.xlsx"), d.path().join("b.xlsx"));
    export_catalog(&rich_catalog(), &rich).unwrap();
    messy_workbook(&messy);
    // Items listed out of order: the first resource is reopened last and left open at the end.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("资源目录").unwrap();
    for (r, row) in [["信息资源代码", "信息资源名称"], ["352111000/000001", "甲名册"], ["352111000/000002", "乙名册"]]
        .iter()
        .enumerate()
    {
        ws.write_row(r as u32, 0, *row).unwrap();
    }
    let ws = wb.add_worksheet().set_name("信息项").unwrap();
    for (r, row) in [
        ["信息资源代码", "信息资源名称", "信息项名称", "数据类型"],
        ["352111000/000001", "甲名册", "项目名称", "字符型C"],
        ["352111000/000002", "乙名册", "金额", "数值型N"],
        ["352111000/000001", "甲名册", "年度", "字符型C"],
    ]
    .iter()
    .enumerate()
    {
        ws.write_row(r as u32, 0, *row).unwrap();
    }
    wb.save(&back).unwrap();
    let mut written = 0;
    for file in [&rich, &messy, &back] {
        let imported = read(file, &ImportOptions::default(), Lang::Zh).unwrap();
        assert_eq!(imported.docs.len(), imported.catalog.resources.len());
        for (r, doc) in imported.catalog.resources.iter().zip(&imported.docs) {
            let Some(doc) = doc else { continue };
            let mut r = r.clone();
            r.derive_classification();
            assert_eq!(doc, &crate::store::doc::encode(&r).unwrap(), "{} in {}", r.name, file.display());
            written += 1;
        }
    }
    assert!(written > 0, "some were written while reading");
}

/// A sheet as officers make them: a title, a blank row, a two-level header with merged group
/// cells, one row per data item with the resource cells merged down, spellings of their own,
/// dates as serials and as text, an instruction sheet and a column that is not a field.
fn messy_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let help = wb.add_worksheet().set_name("填表说明").unwrap();
    help.write_string(0, 0, "每个资源填写一行或多行（每个信息项一行）。").unwrap();
    let ws = wb.add_worksheet().set_name("2025年目录").unwrap();
    let m = Format::new();
    ws.merge_range(0, 0, 0, 14, "青岩镇政务数据资源目录（2025 年）", &m).unwrap();
    let top = [
        "序号",
        "*信息资源\n名称",
        "资源代码（必填）",
        "提供单位",
        "资源摘要",
        "格式",
        "信息项信息",
        "",
        "敏感程度",
        "共享属性",
        "",
        "",
        "是否向社会开放",
        "更新频率",
        "发布日期",
        "经办人",
    ];
    let bottom = ["", "", "", "", "", "", "名称", "类型", "", "共享类型", "共享条件", "共享方式", "", "", "", ""];
    for (c, t) in top.iter().enumerate() {
        if !t.is_empty() {
            ws.write_string(2, c as u16, *t).unwrap();
        }
    }
    ws.merge_range(2, 6, 2, 7, "信息项信息", &m).unwrap();
    ws.merge_range(2, 9, 2, 11, "共享属性", &m).unwrap();
    for (c, t) in bottom.iter().enumerate() {
        if !t.is_empty() {
            ws.write_string(3, c as u16, *t).unwrap();
        }
    }
    // Resource 1: three item rows, resource cells merged down.
    let r1 = [
        (0, "1"),
        (1, "低保对象名册"),
        (2, "３５２１１１００９／０００００１"),
        (3, "花溪区青岩镇人民政府"),
        (4, "全镇城乡低保对象的基本信息"),
        (5, "数据库"),
        (8, "涉密"),
        (9, "有条件"),
        (10, "依据《社会救助暂行办法》仅限民政部门使用"),
        (11, "库表交换"),
        (12, "否"),
        (13, "月"),
    ];
    for (c, v) in r1 {
        ws.merge_range(4, c, 6, c, v, &m).unwrap();
    }
    ws.write_number(4, 14, 46082.0).unwrap(); // 2026-03-01 as an unformatted serial
    ws.write_string(4, 15, "王芳").unwrap();
    for (i, (name, ty)) in [("姓名", "字符型C"), ("身份证号", "字符"), ("住址", "文本型")].iter().enumerate()
    {
        ws.write_string(4 + i as u32, 6, *name).unwrap();
        ws.write_string(4 + i as u32, 7, *ty).unwrap();
    }
    // Resource 2: its cells repeated on each item row.
    for (i, (name, ty)) in [("预算年度", "数值"), ("预算金额", "金额")].iter().enumerate() {
        let row = 7 + i as u32;
        for (c, v) in [
            (0u16, "2"),
            (1, "镇级财政预算公开信息"),
            (2, "352111009/000002"),
            (3, "花溪区青岩镇人民政府"),
            (4, "本镇年度一般公共预算收支"),
            (5, "电子表格(xlsx)"),
            (8, "公开"),
            (9, "无条件共享"),
            (11, "文件下载"),
            (12, "是"),
            (13, "年度"),
            (14, "2026年1月15日"),
        ] {
            ws.write_string(row, c, v).unwrap();
        }
        ws.write_string(row, 6, *name).unwrap();
        ws.write_string(row, 7, *ty).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn a_messy_legacy_sheet_imports_with_findings_at_their_cells() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("legacy.xlsx");
    messy_workbook(&file);
    let imported = read(&file, &ImportOptions::default(), Lang::Zh).unwrap();
    let sheets: Vec<(&str, Option<&str>)> =
        imported.sheets.iter().map(|s| (s.sheet.as_str(), s.skipped.as_deref())).collect();
    assert_eq!(sheets, [("填表说明", Some("instructions")), ("2025年目录", None)]);
    assert_eq!(imported.sheets[1].header_rows, [3, 4]);
    let c = &imported.catalog;
    assert_eq!(c.resources.len(), 2, "item rows were folded into their resources");
    let r = &c.resources[0];
    assert_eq!(r.code.as_deref(), Some("352111009/000001"), "full-width code normalised");
    assert_eq!(r.sharing.kind, Some(crate::model::domain::SharingType::Conditional.into()));
    assert_eq!(r.sharing.method.kind.as_deref(), Some("数据库"));
    assert_eq!(r.open.kind, Some(crate::model::domain::OpenType::NotOpened.into()));
    assert_eq!(r.update_cycle, Some(crate::model::domain::UpdateCycle::Monthly.into()));
    assert_eq!(r.published_on.as_deref(), Some("2026-03-01"), "Excel serial");
    assert_eq!(r.items.len(), 3);
    assert!(r.items[1].is_identifier && r.items[1].is_personal, "身份证号 flagged");
    assert_eq!(r.items[2].data_type, Some(Coded::Raw("文本型".into())), "kept as written");
    assert_eq!(r.notes.as_deref(), Some("经办人: 王芳"), "an unknown column is kept in the notes");
    let r2 = &c.resources[1];
    assert_eq!(r2.items.len(), 2, "repeated resource cells");
    assert_eq!(r2.format.kind.as_deref(), Some("xlsx"));
    assert_eq!(r2.published_on.as_deref(), Some("2026-01-15"));
    assert_eq!(r2.items[1].data_type, Some(crate::model::domain::DataType::Y.into()));

    let ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let p = plan(&ws, imported, &ctx()).unwrap().plan;
    let f = p.findings.iter().find(|f| f.rule == "item.data_type.domain").expect("文本型 is reported");
    assert_eq!((f.sheet.as_deref(), f.row, f.column.as_deref()), (Some("2025年目录"), Some(7), Some("H")), "{f:?}");
    let u = p.findings.iter().find(|f| f.rule == "import.unknown_column").unwrap();
    assert_eq!((u.row, u.column.as_deref()), (Some(4), Some("P")));
}

#[test]
fn reimport_shows_added_changed_unchanged_and_keeps_unlisted_fields() {
    let d = tempfile::tempdir().unwrap();
    let c = sample::large_catalog(5, 3);
    let file = d.path().join("c.xlsx");
    export_catalog(&c, &file).unwrap();
    let (mut ws, _) = import_into_new(&file, &d.path().join("w.mulu"));
    // The officer edits one record in the workbook's source and adds one.
    let mut c2 = c.clone();
    set(&mut c2.resources[1], "update_cycle", "每月").unwrap();
    let mut extra = c.resources[0].clone();
    extra.code = Some("352111000/000099".into());
    extra.name = "新增资源".into();
    c2.resources.push(extra);
    export_catalog(&c2, &file).unwrap();
    let imported = read(&file, &ImportOptions::default(), Lang::Zh).unwrap();
    let effect = plan(&ws, imported, &ctx()).unwrap();
    assert_eq!(effect.plan.added.len(), 1);
    assert_eq!(effect.plan.unchanged, 4);
    assert_eq!(effect.plan.changed.len(), 1);
    let ch = &effect.plan.changed[0].fields;
    assert_eq!(ch.len(), 1, "{ch:?}");
    assert_eq!(
        (ch[0].field.as_str(), ch[0].old.as_deref(), ch[0].new.as_deref()),
        ("update_cycle", Some("每年"), Some("每月"))
    );
    assert_eq!(ws.resource_count().unwrap(), 5, "a dry run writes nothing");
    commit(&mut ws, effect).unwrap();
    assert_eq!(ws.resource_count().unwrap(), 6);
}

#[test]
fn structural_failures_name_the_file_and_sheet_and_write_nothing() {
    let d = tempfile::tempdir().unwrap();
    let text = d.path().join("伪装.xlsx");
    std::fs::write(&text, "这不是表格").unwrap();
    let e = read(&text, &ImportOptions::default(), Lang::Zh).unwrap_err();
    assert_eq!(e.code(), "sheet.unreadable");
    assert!(e.message(Lang::Zh).contains("伪装.xlsx"));

    let prose = d.path().join("prose.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("目录").unwrap().write_string(0, 0, "只有一句话").unwrap();
    wb.save(&prose).unwrap();
    let e = read(&prose, &ImportOptions::default(), Lang::Zh).unwrap_err();
    assert_eq!(e.code(), "sheet.no_header");
    assert!(e.message(Lang::Zh).contains("目录"), "{}", e.message(Lang::Zh));

    let noname = d.path().join("noname.xlsx");
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    for (c, h) in ["资源代码", "更新周期", "共享类型"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.write_string(1, 0, "352111009/000001").unwrap();
    wb.save(&noname).unwrap();
    assert_eq!(read(&noname, &ImportOptions::default(), Lang::Zh).unwrap_err().code(), "sheet.no_name_column");
    let e = read(&noname, &ImportOptions { sheet: Some("无此表".into()), ..Default::default() }, Lang::En).unwrap_err();
    assert!(e.message(Lang::En).contains("Sheet1"), "lists the sheets there are: {}", e.message(Lang::En));
}

#[test]
fn the_empty_template_imports_to_nothing_and_a_filled_one_imports_cleanly() {
    let d = tempfile::tempdir().unwrap();
    let t = d.path().join("模板.xlsx");
    template::export_template(&sample::agency(), &t).unwrap();
    let empty = read(&t, &ImportOptions::default(), Lang::Zh).unwrap();
    assert!(empty.catalog.resources.is_empty());
    assert_eq!(empty.catalog.agency, sample::agency(), "the agency sheet is pre-filled");
    let skipped: Vec<_> = empty.sheets.iter().filter(|s| s.skipped.is_some()).map(|s| s.sheet.as_str()).collect();
    assert_eq!(skipped, ["填表说明", "值域"]);

    // What a department sends back: the template's own header rows, then typed text, as WPS saves it.
    let mut book = source::Workbook::open(&t).unwrap();
    let header_of = |book: &mut source::Workbook, sheet: &str| {
        let mut h = Vec::new();
        book.rows(sheet, |(r, cells)| {
            if r == 0 {
                h = cells.into_iter().map(|(c, v)| (c, v.text().into_owned())).collect();
            }
            Ok(false)
        })
        .unwrap();
        h
    };
    let res_header = header_of(&mut book, "资源目录");
    let item_header = header_of(&mut book, "信息项");
    assert!(res_header.iter().any(|(_, h)| h == "*信息资源名称"), "required columns are marked: {res_header:?}");
    let col =
        |h: &[(u32, String)], name: &str| h.iter().find(|(_, t)| t.trim_start_matches('*') == name).unwrap().0 as u16;
    let filled = d.path().join("交回.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("资源目录").unwrap();
    for (c, h) in &res_header {
        ws.write_string(0, *c as u16, h).unwrap();
    }
    for (k, v) in [
        ("信息资源名称", "农村低保家庭名册"),
        ("信息资源代码", "352111009/000007"),
        ("信息资源提供方", "花溪区青岩镇人民政府"),
        ("信息资源提供方代码", "115201110091453295"),
        ("信息资源摘要", "全镇农村低保家庭成员及保障金发放情况"),
        ("格式分类", "数据库"),
        ("格式类型", "达梦 DM"),
        ("敏感程度", "内部"),
        ("共享类型", "无条件共享"),
        ("共享方式分类", "共享平台方式"),
        ("共享方式类型", "接口"),
        ("开放类型", "不予开放"),
        ("更新周期", "每月"),
        ("发布日期", "2026-02-01"),
        ("来源业务", "农村低保审批"),
    ] {
        ws.write_string(1, col(&res_header, k), v).unwrap();
    }
    let ws = wb.add_worksheet().set_name("信息项").unwrap();
    for (c, h) in &item_header {
        ws.write_string(0, *c as u16, h).unwrap();
    }
    for (i, (n, ty)) in
        [("姓名", "字符型 C"), ("公民身份号码", "字符型 C"), ("保障金额", "货币型 Y")].iter().enumerate()
    {
        let r = i as u32 + 1;
        ws.write_string(r, col(&item_header, "信息资源代码"), "352111009/000007").unwrap();
        ws.write_string(r, col(&item_header, "信息项名称"), *n).unwrap();
        ws.write_string(r, col(&item_header, "数据类型"), *ty).unwrap();
    }
    wb.save(&filled).unwrap();
    let imported = read(&filled, &ImportOptions::default(), Lang::Zh).unwrap();
    let ws = Workspace::create(&d.path().join("w.mulu")).unwrap();
    let p = plan(&ws, imported, &ctx()).unwrap().plan;
    assert_eq!(p.added.len(), 1);
    let errors: Vec<_> = p.findings.iter().filter(|f| f.severity == crate::rules::Severity::Error).collect();
    assert!(errors.is_empty(), "a correctly filled template has no errors: {errors:#?}");
}

#[test]
fn a_corrected_mapping_is_applied_and_can_be_saved() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("odd.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("表1").unwrap();
    // Headers nobody's synonym list has: the officer maps them by hand.
    for (c, h) in ["数据名", "编码", "级别", "负责人"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["户籍人口", "352111009/000001", "内部", "王芳"].iter().enumerate() {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    wb.save(&file).unwrap();
    assert_eq!(read(&file, &ImportOptions::default(), Lang::Zh).unwrap_err().code(), "sheet.no_header");
    let m = header::Mapping {
        header_row: Some(1),
        columns: vec![
            header::ColumnRule { column: "数据名".into(), field: Some("name".into()) },
            header::ColumnRule { column: "B".into(), field: Some("code".into()) },
            header::ColumnRule { column: "负责人".into(), field: None },
        ],
    };
    let opts = ImportOptions { mapping: Some(m), ..Default::default() };
    let got = read(&file, &opts, Lang::Zh).unwrap();
    let r = &got.catalog.resources[0];
    assert_eq!((r.name.as_str(), r.code.as_deref()), ("户籍人口", Some("352111009/000001")));
    assert_eq!(
        r.sensitivity,
        Some(crate::model::domain::Sensitivity::Internal.into()),
        "级别 still found by its synonym"
    );
    assert_eq!(r.notes, None, "an ignored column is not kept");
    let bad = header::Mapping {
        columns: vec![header::ColumnRule { column: "A".into(), field: Some("colour".into()) }],
        ..Default::default()
    };
    assert_eq!(
        read(&file, &ImportOptions { mapping: Some(bad), ..Default::default() }, Lang::Zh).unwrap_err().code(),
        "field.invalid"
    );
}

#[test]
fn a_read_reports_its_progress_and_stops_when_told() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("big.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("目录").unwrap();
    for (c, h) in ["信息资源名称", "信息资源代码"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=5000u32 {
        ws.write_string(r, 0, format!("资源{r}")).unwrap();
    }
    wb.save(&file).unwrap();

    let mut seen = Vec::new();
    let got = super::read_with(&file, &ImportOptions::default(), Lang::Zh, &mut |p| {
        seen.push((p.sheet.to_string(), p.rows));
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(got.catalog.resources.len(), 5000);
    let rows: Vec<u64> = seen.iter().map(|s| s.1).collect();
    assert_eq!(rows, [0, 2000, 4000], "at the sheet's start, then every {} rows", super::import::PROGRESS_ROWS);
    assert!(seen.iter().all(|s| s.0 == "目录"));

    let mut calls = 0;
    let stopped = super::read_with(&file, &ImportOptions::default(), Lang::Zh, &mut |_| {
        calls += 1;
        if calls == 2 {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    });
    assert_eq!(stopped.unwrap_err().code(), "cancelled");
    assert_eq!(calls, 2, "no report after the stop: the read ended there");
}
