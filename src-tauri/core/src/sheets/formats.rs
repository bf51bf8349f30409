//! The other formats officers send: Excel 97-2003 (.xls, BIFF8) and OpenDocument (.ods), with
//! merged cells and two-level headers, read as well as .xlsx.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::*;
use crate::model::domain::{DataType, OpenType, SharingType, UpdateCycle};
use crate::Lang;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

/// The same checks for every format: the legacy layout reads into one resource with 3 items.
fn check_legacy(imported: &Imported) {
    let c = &imported.catalog;
    assert_eq!(c.resources.len(), 1, "item rows folded into their resource: {:#?}", imported.sheets);
    let r = &c.resources[0];
    assert_eq!(r.name, "农村低保对象名册");
    assert_eq!(r.code.as_deref(), Some("352111009/000001"));
    assert_eq!(r.sharing.kind, Some(SharingType::Conditional.into()));
    assert_eq!(r.sharing.method.kind.as_deref(), Some("数据库"));
    assert_eq!(r.open.kind, Some(OpenType::NotOpened.into()));
    assert_eq!(r.update_cycle, Some(UpdateCycle::Monthly.into()));
    assert_eq!(r.published_on.as_deref(), Some("2024-03-01"));
    let items: Vec<(&str, Option<DataType>)> =
        r.items.iter().map(|i| (i.name.as_str(), i.data_type.as_ref().and_then(|t| t.known()))).collect();
    assert_eq!(
        items,
        [("姓名", Some(DataType::C)), ("公民身份号码", Some(DataType::C)), ("保障金额", Some(DataType::Y))]
    );
    assert!(r.items[1].is_identifier);
}

#[test]
fn an_xls_workbook_with_merged_cells_and_two_level_headers() {
    let imported = read(&fixture("legacy.xls"), &ImportOptions::default(), Lang::Zh).unwrap();
    assert_eq!(imported.sheets[0].skipped.as_deref(), Some("instructions"));
    assert_eq!(imported.sheets[1].header_rows, [2, 3]);
    check_legacy(&imported);
}

/// Writes a minimal OpenDocument spreadsheet: merged cells are spans plus covered cells.
fn write_ods(path: &Path) {
    let cell =
        |v: &str| format!("<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>");
    let down = |v: &str, n: u32| {
        format!("<table:table-cell table:number-rows-spanned=\"{n}\" office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>")
    };
    let covered = "<table:covered-table-cell/>";
    let mut rows = Vec::new();
    rows.push(format!("<table:table-row>{}</table:table-row>", cell("青岩镇政务数据资源目录（2024年）")));
    rows.push(format!(
        "<table:table-row>{}{}{}{}<table:table-cell table:number-columns-spanned=\"3\" office:value-type=\"string\"><text:p>共享属性</text:p></table:table-cell>{covered}{covered}{}{}{}{}{}</table:table-row>",
        cell("序号"), cell("信息资源名称"), cell("信息资源代码"), cell("敏感程度"), cell("开放类型"), cell("更新周期"), cell("发布日期"), cell("信息项名称"), cell("数据类型")
    ));
    rows.push(format!(
        "<table:table-row><table:table-cell table:number-columns-repeated=\"4\"/>{}{}{}<table:table-cell table:number-columns-repeated=\"5\"/></table:table-row>",
        cell("共享类型"), cell("共享条件"), cell("共享方式")
    ));
    let resource = [
        "1",
        "农村低保对象名册",
        "352111009/000001",
        "涉密",
        "有条件共享",
        "依据《社会救助暂行办法》仅限民政部门",
        "库表交换",
        "不予开放",
        "每月",
    ];
    let date = "<table:table-cell table:number-rows-spanned=\"3\" office:value-type=\"date\" office:date-value=\"2024-03-01\"><text:p>2024-03-01</text:p></table:table-cell>";
    for (i, (name, kind)) in [("姓名", "字符型C"), ("公民身份号码", "字符"), ("保障金额", "货币")].iter().enumerate()
    {
        let lead: String = if i == 0 {
            resource.iter().map(|v| down(v, 3)).collect::<String>() + date
        } else {
            covered.repeat(resource.len() + 1)
        };
        rows.push(format!("<table:table-row>{lead}{}{}</table:table-row>", cell(name), cell(kind)));
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>
<table:table table:name="填表说明"><table:table-row>{}</table:table-row></table:table>
<table:table table:name="目录">{}</table:table>
</office:spreadsheet></office:body></office:document-content>"#,
        cell("每个资源一行或多行。"),
        rows.join("")
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    w.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    w.write_all(content.as_bytes()).unwrap();
    w.start_file("META-INF/manifest.xml", zip::write::SimpleFileOptions::default()).unwrap();
    w.write_all(manifest.as_bytes()).unwrap();
    w.finish().unwrap();
}

#[test]
fn an_ods_workbook_with_merged_cells_and_two_level_headers() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("目录.ods");
    write_ods(&p);
    let imported = read(&p, &ImportOptions::default(), Lang::Zh).unwrap();
    assert_eq!(imported.sheets[1].header_rows, [2, 3]);
    check_legacy(&imported);
}

#[test]
fn a_renamed_file_is_read_for_what_it_is() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("其实是xls.xlsx");
    std::fs::copy(fixture("legacy.xls"), &p).unwrap();
    check_legacy(&read(&p, &ImportOptions::default(), Lang::Zh).unwrap());
}
