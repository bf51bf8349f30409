//! `mulu import` and `mulu export catalogs` on real files.

use std::path::Path;

mod common;

use common::{json, mulu, show};
use predicates::str::contains;
use serde_json::Value;

fn filled(dir: &Path) -> std::path::PathBuf {
    let ws = dir.join("src.mulu");
    common::init(&ws);
    mulu(&ws).args(["system", "add", "低保管理系统", "--public-funds"]).assert().success();
    mulu(&ws)
        .args([
            "resource",
            "add",
            "--name",
            "镇级财政预算公开信息",
            "--abstract",
            "本镇年度一般公共预算收支及三公经费预算",
        ])
        .args([
            "--format",
            "电子表格 xlsx",
            "--sensitivity",
            "公开",
            "--sharing-type",
            "无条件共享",
            "--sharing-method",
            "文件",
        ])
        .args([
            "--open-type",
            "无条件开放",
            "--update-cycle",
            "每年",
            "--published-on",
            "2026-01-15",
            "--item",
            "预算年度:N",
            "--item",
            "预算金额:Y:18,2",
        ])
        .assert()
        .success();
    mulu(&ws)
        .args([
            "resource",
            "add",
            "--name",
            "低保对象名册",
            "--format",
            "数据库",
            "--sensitivity",
            "涉密",
            "--sharing-type",
            "不予共享",
        ])
        .args([
            "--sharing-basis",
            "《社会救助暂行办法》",
            "--open-type",
            "不予开放",
            "--source-system",
            "低保管理系统",
            "--notes",
            "=1+1",
        ])
        .args(["--item", "姓名:C", "--item", "身份证号:C:18", "--item", "备注:文本型"])
        .assert()
        .success();
    ws
}

#[test]
fn export_import_round_trip_is_lossless_through_the_cli() {
    let d = tempfile::tempdir().unwrap();
    let src = filled(d.path());
    let book = d.path().join("目录.xlsx");
    mulu(&src).args(["export", "catalogs"]).arg(&book).assert().success();
    let fresh = d.path().join("sub").join("new.mulu");
    std::fs::create_dir(d.path().join("sub")).unwrap();
    // Importing into a workspace that does not exist creates it; the file has findings (exit 1).
    mulu(&fresh).arg("import").arg(&book).assert().code(1).stdout(contains("新增 2"));
    // The grades read from the workbook wait for the officer; confirmed, the catalogs are equal.
    assert_ne!(show(&fresh), show(&src));
    mulu(&fresh).args(["grade", "confirm", "--all"]).assert().success().stdout(contains("已确认 2 个资源的定级"));
    assert_eq!(show(&fresh), show(&src));
}

#[test]
fn dry_run_shows_changes_and_writes_nothing() {
    let d = tempfile::tempdir().unwrap();
    let src = filled(d.path());
    let book = d.path().join("c.xlsx");
    mulu(&src).args(["export", "catalogs"]).arg(&book).assert().success();
    mulu(&src).args(["resource", "edit", "镇级财政预算公开信息", "--update-cycle", "每月"]).assert().success();
    let before = show(&src);
    let out = mulu(&src).arg("import").arg(&book).args(["--dry-run", "--json"]).output().unwrap();
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["committed"], false);
    assert_eq!(plan["unchanged"], 1);
    assert_eq!(
        plan["changed"][0]["fields"][0],
        serde_json::json!({"field": "update_cycle", "old": "每月", "new": "每年"})
    );
    assert_eq!(show(&src), before, "a dry run writes nothing");
    mulu(&d.path().join("none.mulu")).arg("import").arg(&book).arg("--dry-run").assert().code(2);
    assert!(!d.path().join("none.mulu").exists(), "a dry run creates no workspace");
}

#[test]
fn a_non_spreadsheet_is_refused_and_nothing_is_created() {
    let d = tempfile::tempdir().unwrap();
    let fake = d.path().join("报表.xlsx");
    std::fs::write(&fake, "名称,代码\n").unwrap();
    let ws = d.path().join("w.mulu");
    mulu(&ws)
        .arg("import")
        .arg(&fake)
        .assert()
        .code(2)
        .stderr(contains("报表.xlsx"))
        .stderr(contains("未导入任何内容"));
    assert!(!ws.exists(), "no workspace was created for a failed import");
}

#[test]
fn template_and_dcat_exports() {
    let d = tempfile::tempdir().unwrap();
    let src = filled(d.path());
    let t = d.path().join("模板.xlsx");
    mulu(&src).args(["export", "template"]).arg(&t).assert().success().stdout(contains("填报模板"));
    // The empty template imports cleanly into a new workspace: the agency, no resources.
    let fresh = d.path().join("fresh.mulu");
    mulu(&fresh).arg("import").arg(&t).assert().success().stdout(contains("新增 0"));
    assert_eq!(show(&fresh)["agency"], show(&src)["agency"]);

    let j = d.path().join("open.jsonld");
    // Gated like packaging: nothing before the secrecy review (exit 1, each one named), then the opened one.
    mulu(&src)
        .args(["export", "dcat"])
        .arg(&j)
        .assert()
        .code(1)
        .stdout(contains("0 个资源"))
        .stdout(contains("保密审查"));
    mulu(&src).args(["secrecy", "confirm", "--all", "--reviewer", "李审查"]).assert().success();
    mulu(&src).args(["export", "dcat", "--force"]).arg(&j).assert().success().stdout(contains("1 个资源"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&j).unwrap()).unwrap();
    assert_eq!(doc["@type"], "dcat:Catalog");
    assert_eq!(doc["dcat:dataset"].as_array().unwrap().len(), 1, "only the resource opened to society");
}

#[test]
fn scan_proposes_and_accept_adds_numbered_resources() {
    let d = tempfile::tempdir().unwrap();
    let ws = filled(d.path());
    let folder = d.path().join("数据");
    std::fs::create_dir_all(folder.join("子目录")).unwrap();
    std::fs::write(
        folder.join("走访记录.csv"),
        "走访日期,户主姓名,联系电话\n2026-03-01,王一,13800000001\n2026-03-02,李二,13900000002\n",
    )
    .unwrap();
    std::fs::write(folder.join("子目录").join("道路.csv"), "道路名称,长度（米）\n青岩路,1200\n").unwrap();
    let before = show(&ws)["resources"].as_array().unwrap().len();
    let out = mulu(&ws).arg("scan").arg(&folder).arg("--json").assert().success().get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["proposals"].as_array().unwrap().len(), 2);
    assert_eq!(show(&ws)["resources"].as_array().unwrap().len(), before, "nothing added without --accept");
    mulu(&ws).arg("scan").arg(&folder).arg("--accept").assert().success().stdout(contains("已加入目录 2 个资源"));
    let c = show(&ws);
    let rs = c["resources"].as_array().unwrap();
    assert_eq!(rs.len(), before + 2);
    let visit = rs.iter().find(|r| r["name"] == "走访记录").unwrap();
    let road = rs.iter().find(|r| r["name"] == "道路").unwrap();
    // Files are taken in path order (子目录/道路.csv before 走访记录.csv), numbered under the prefix.
    assert_eq!((road["code"].as_str(), visit["code"].as_str()), (Some("352111009/000003"), Some("352111009/000004")));
    assert_eq!(visit["sensitivity"], "内部", "personal data suggests 内部");
    assert_eq!(visit["provider_code"], "115201110091453295");
}

#[test]
fn scan_reports_empty_cells_and_failing_values_per_column_rows_named_values_masked() {
    let d = tempfile::tempdir().unwrap();
    let ws = filled(d.path());
    let file = d.path().join("低保名册.csv");
    std::fs::write(
        &file,
        "姓名,身份证号,登记日期\n王一,11010519491231002X,2026-03-01\n,110105194912310021,2026-13-01\n赵四,11010519491231002X,\n",
    )
    .unwrap();
    let v = json(&mulu(&ws).arg("scan").arg(&file).arg("--json").assert().success().get_output().stdout);
    let q = &v["proposals"][0]["quality"];
    let col = |n: &str| q.as_array().unwrap().iter().find(|c| c["column"] == n).unwrap().clone();
    assert_eq!((col("姓名")["empty"].as_u64(), col("登记日期")["failing"][0]["row"].as_u64()), (Some(1), Some(3)));
    let id = col("身份证号");
    assert_eq!((id["check"].as_str(), id["failing_count"].as_u64()), (Some("citizen_id"), Some(1)));
    assert_eq!(
        (id["failing"][0]["row"].as_u64(), id["failing"][0]["value"].as_str()),
        (Some(3), Some("1101***********021"))
    );
    let text = mulu(&ws).arg("scan").arg(&file).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("数据质量 · 姓名：空值 33%"), "{text}");
    assert!(text.contains("1 个值未通过身份证号码校验（第 3 行 1101***********021）"), "{text}");
    assert!(!text.contains("110105194912310021"), "the value is masked: {text}");
}

#[test]
fn a_header_mapping_can_be_given_saved_and_reused() {
    let d = tempfile::tempdir().unwrap();
    let ws = filled(d.path());
    let csv_like = d.path().join("奇怪表头.xlsx");
    // Built with the CLI's own export, then renamed headers are simulated by mapping them back.
    let src = d.path().join("t.xlsx");
    mulu(&ws).args(["export", "template"]).arg(&src).assert().success();
    std::fs::copy(&src, &csv_like).unwrap();
    let map_file = d.path().join("映射.json");
    mulu(&ws)
        .arg("import")
        .arg(&csv_like)
        .args(["--dry-run", "--map", "备注=", "--save-mapping"])
        .arg(&map_file)
        .assert()
        .success();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&map_file).unwrap()).unwrap();
    assert_eq!(saved["header_row"], 1);
    assert!(
        saved["columns"].as_array().unwrap().iter().any(|c| c["column"] == "备注" && c["field"].is_null()),
        "{saved}"
    );
    mulu(&ws).arg("import").arg(&csv_like).arg("--dry-run").arg("--mapping").arg(&map_file).assert().success();
    mulu(&ws)
        .arg("import")
        .arg(&csv_like)
        .args(["--dry-run", "--map", "备注=colour"])
        .assert()
        .code(2)
        .stderr(contains("colour"));
}

/// What the officer reads of an import at the command line: a field the sheet has no column
/// for is placed on its row alone, and fields are named by their labels, never their keys.
#[test]
fn import_findings_name_the_row_alone_for_a_missing_column_and_fields_by_label() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("w.mulu");
    common::init(&ws);
    let book = d.path().join("目录.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet().set_name("资源目录").unwrap();
    for (r, row) in [
        ["信息资源名称", "信息资源代码", "信息资源格式"],
        ["低保对象名册", "352111009/000001", "电子表格 xlsx"],
        ["低保对象名册", "352111009/000001", "数据库"],
    ]
    .iter()
    .enumerate()
    {
        sheet.write_row(r as u32, 0, *row).unwrap();
    }
    wb.save(&book).unwrap();
    mulu(&ws)
        .arg("import")
        .arg(&book)
        .arg("--dry-run")
        .assert()
        .code(1)
        .stdout(contains("[资源目录 第 2 行] 352111009/000001 低保对象名册 · 来源业务："))
        .stdout(contains("[资源目录 第 3 行 C 列]"))
        .stdout(contains("“信息资源格式”不一致"));
    mulu(&ws)
        .args(["--lang", "en", "import"])
        .arg(&book)
        .arg("--dry-run")
        .assert()
        .code(1)
        .stdout(contains("[资源目录 row 2] 352111009/000001 低保对象名册 · Source business:"))
        .stdout(contains("disagree on “Resource format”"));
}

#[test]
fn text_longer_than_a_cell_fails_validation_at_its_field_and_export_names_it() {
    let d = tempfile::tempdir().unwrap();
    let ws = filled(d.path());
    let long = "长".repeat(32_768);
    mulu(&ws).args(["resource", "edit", "镇级财政预算公开信息", "--abstract", &long]).assert().success();
    let out = mulu(&ws).args(["validate", "--json"]).assert().code(1).get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "field.cell_limit").expect("reported");
    assert_eq!((f["field"].as_str(), f["severity"].as_str()), (Some("abstract"), Some("error")));
    assert_eq!(f["resource"]["name"], "镇级财政预算公开信息");

    let book = d.path().join("目录.xlsx");
    let out = mulu(&ws).args(["export", "catalogs"]).arg(&book).assert().code(2).get_output().stderr.clone();
    let said = String::from_utf8(out).unwrap();
    assert!(said.contains("镇级财政预算公开信息") && said.contains("信息资源摘要"), "{said}");
    assert!(!said.contains("磁盘"), "not a disk problem: {said}");
    assert!(!book.exists());
}
