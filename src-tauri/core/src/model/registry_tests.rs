//! The field registry against the code that reads and writes fields, and a field added by its
//! registry entry alone.

use calamine::{open_workbook, Reader, Xlsx};

use super::fields::{self, form_specs, get, get_agency, get_item, set, set_agency, set_item};
use super::registry::{registry, Level, Registry, Stored};
use crate::error::Error;
use crate::sheets::columns::Columns;

/// Every sheet's header row, by sheet name.
fn headers(path: &std::path::Path) -> Vec<(String, String)> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let row = range.rows().next().map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("|"));
            (n, row.unwrap_or_default())
        })
        .collect()
}

fn sheet<'a>(all: &'a [(String, String)], name: &str) -> &'a str {
    all.iter().find(|(n, _)| n == name).map(|(_, h)| h.as_str()).unwrap_or_else(|| panic!("no sheet {name}"))
}

fn rows(path: &std::path::Path, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

/// "是" is a value every setter keeps and every getter gives back: text as written, a yes/no
/// as yes, a domain value outside its domain as written.
const ANY: &str = "是";

/// Keys written by the sheet itself rather than read from the record: the row numbers.
const COUNTERS: &[&str] = &["seq", "item.seq"];

#[test]
fn every_registry_field_has_a_setter_and_a_getter() {
    for d in &registry().fields {
        if d.stored == Stored::Extra || COUNTERS.contains(&d.key.as_str()) {
            continue;
        }
        let key = d.key.as_str();
        match d.level {
            Level::Agency => {
                let mut a = crate::model::Agency::default();
                set_agency(&mut a, key, ANY).unwrap_or_else(|e| panic!("agency.{key}: no setter ({e:?})"));
                assert!(get_agency(&a, key).is_some(), "agency.{key}: no getter");
            }
            Level::Item => {
                let mut i = crate::model::DataItem::default();
                set_item(&mut i, key, ANY).unwrap_or_else(|e| panic!("{key}: no setter ({e:?})"));
                assert!(get_item(&i, key).is_some(), "{key}: no getter");
            }
            Level::Resource | Level::System if key == "items" => {} // a table: the items editor's
            Level::Resource | Level::System => {
                let mut r = crate::model::Resource::default();
                set(&mut r, key, ANY).unwrap_or_else(|e| panic!("{key}: no setter ({e:?})"));
                // A combined import column (format, sharing.method) is read back through its parts.
                if !d.sheets.is_empty() {
                    assert!(get(&r, key).is_some(), "{key}: no getter, yet a sheet writes it");
                }
            }
        }
    }
}

/// The keys of the match arms of `fn name` in fields.rs.
fn arms(src: &str, name: &str) -> Vec<String> {
    let start = src.find(&format!("fn {name}(")).unwrap_or_else(|| panic!("fields.rs has no fn {name}"));
    let body = &src[start..];
    let body = &body[..body.find("\n}\n").unwrap_or(body.len())];
    body.split('"')
        .enumerate()
        .filter(|(i, s)| i % 2 == 1 && !s.is_empty() && !s.contains(' '))
        .filter(|(i, _)| body.split('"').nth(i + 1).is_some_and(|after| after.trim_start().starts_with("=>")))
        .map(|(_, s)| s.to_string())
        .collect()
}

#[test]
fn every_setter_and_getter_key_is_in_the_registry() {
    let src = include_str!("fields.rs");
    let reg = registry();
    for f in ["set", "set_grading", "get", "set_item", "get_item"] {
        let keys = arms(src, f);
        assert!(keys.len() > 5, "fn {f}: arms not found ({keys:?})");
        for k in keys {
            assert!(reg.field(&k).is_some(), "fn {f} sets or reads {k}, which data/fields.toml does not list");
        }
    }
    for f in ["set_agency", "get_agency"] {
        for k in arms(src, f) {
            assert!(reg.agency().any(|d| d.key == k), "fn {f}: agency field {k} is missing from data/fields.toml");
        }
    }
    let err = set(&mut crate::model::Resource::default(), "colour", "red");
    assert!(matches!(err, Err(Error::UnknownField { .. })), "a key in no registry entry is refused");
}

#[test]
fn every_form_and_agency_field_has_help_in_both_languages() {
    for d in registry().fields.iter().filter(|d| d.form.is_some() || d.level == Level::Agency) {
        assert!(!d.help_zh.trim().is_empty() && !d.help_en.trim().is_empty(), "{}: no help", d.key);
    }
    let domains = serde_json::to_value(crate::model::domain::domains()).unwrap();
    for d in &registry().fields {
        if let Some(name) = &d.domain {
            assert!(domains.get(name).is_some(), "{}: domain {name} is not in data/domains.toml", d.key);
        }
    }
}

#[test]
fn the_registry_keeps_the_workbooks_columns_and_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("c.xlsx");
    crate::sheets::export_catalog(&crate::sample::catalog(), &catalog).unwrap();
    let h = headers(&catalog);
    assert_eq!(sheet(&h, "资源目录"), "序号|信息资源分类|信息资源名称|信息资源代码|信息资源提供方|信息资源提供方代码|信息资源摘要|格式分类|格式类型|敏感程度|共享类型|共享条件|共享依据|共享方式分类|共享方式类型|开放类型|开放条件|开放依据|已解密或脱敏|开放方式|访问或下载地址|申请渠道|更新周期|发布日期|最近更新日期|关联资源代码|来源业务|来源系统|使用要求|类别|数据量（条）|数据量（GB）|定级：是否定密|定级：法律法规限制使用|定级：含个人信息或商业秘密|定级：已公开|定级：限制依据|定级：建议级别|定级理由|保密审查人|保密审查时间|备注");
    assert_eq!(sheet(&h, "共享目录"), "序号|信息资源分类|信息资源名称|信息资源代码|信息资源提供方|信息资源提供方代码|信息资源摘要|格式分类|格式类型|共享类型|共享条件|共享依据|共享方式分类|共享方式类型|更新周期|发布日期|最近更新日期|使用要求");
    assert_eq!(
        sheet(&h, "开放目录"),
        "序号|信息资源分类|信息资源名称|信息资源代码|信息资源提供方|信息资源提供方代码|信息资源摘要|格式分类|格式类型|开放类型|开放条件|开放方式|访问或下载地址|申请渠道|更新周期|发布日期|最近更新日期|使用要求"
    );
    assert_eq!(
        sheet(&h, "信息项"),
        "信息资源代码|信息资源名称|信息项序号|信息项名称|数据类型|数据长度|是否标识|是否个人信息|信息项说明"
    );
    let template = dir.path().join("t.xlsx");
    crate::sheets::template::export_template(&crate::sample::agency(), &template).unwrap();
    let t = headers(&template);
    assert_eq!(sheet(&t, "资源目录"), "序号|*信息资源分类|*信息资源名称|*信息资源代码|*信息资源提供方|*信息资源提供方代码|*信息资源摘要|*格式分类|格式类型|*敏感程度|*共享类型|共享条件|共享依据|共享方式分类|共享方式类型|*开放类型|开放条件|开放依据|已解密或脱敏|开放方式|访问或下载地址|申请渠道|*更新周期|*发布日期|最近更新日期|关联资源代码|来源业务|来源系统|使用要求|类别|数据量（条）|数据量（GB）|定级：是否定密|定级：法律法规限制使用|定级：含个人信息或商业秘密|定级：已公开|定级：限制依据|定级：建议级别|定级理由|备注");
    assert_eq!(
        sheet(&t, "信息项"),
        "*信息资源代码|*信息资源名称|*信息项名称|*数据类型|数据长度|是否标识|是否个人信息|信息项说明"
    );
}

/// A field no code knows: one registry entry, stored in the resource's `extra` map.
const FUNDING: &str = r#"
[[field]]
key = "funding_source"
level = "resource"
zh = "经费来源"
en = "Funding source"
form = 90
sheets = ["resources", "sharing", "template"]
headers = ["经费来源", "资金来源"]
stored = "extra"
help_zh = "建设和维护这份数据的经费来自哪里，如“财政拨款”。"
help_en = "Where the money to build and keep the data comes from, e.g. the budget."
"#;

#[test]
fn a_field_added_to_the_registry_alone_reaches_the_form_the_template_and_the_export() {
    let text = format!("{}{FUNDING}", include_str!("../../data/fields.toml"));
    let reg = Registry::parse(&text).unwrap();

    // The form: what the `fields` command sends the UI.
    let form = form_specs(&reg);
    let spec = form.last().unwrap();
    assert_eq!(
        (spec.key.as_str(), spec.zh.as_str(), spec.en.as_str()),
        ("funding_source", "经费来源", "Funding source")
    );
    assert!(spec.help_zh.contains("财政拨款") && !spec.required);
    assert_eq!(form.len(), fields::RESOURCE_FIELDS.len() + 1, "the shipped fields stay as they are");

    // The importer: its headers, synonyms included.
    let cols = Columns::new(&reg);
    assert_eq!(cols.find(None, "资金来源（选填）").map(|c| c.key.as_str()), Some("funding_source"));

    // The template: a column at the end of 资源目录, not on 信息项.
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.xlsx");
    crate::sheets::template::export_template_with(&reg, &crate::sample::agency(), &template).unwrap();
    let t = headers(&template);
    assert!(sheet(&t, "资源目录").ends_with("|备注|经费来源"), "{}", sheet(&t, "资源目录"));
    assert!(!sheet(&t, "信息项").contains("经费来源"));

    // The export: the value on 资源目录 and 共享目录, which carry the field; not on 开放目录.
    let mut catalog = crate::sample::catalog();
    fields::set_extra(&mut catalog.resources[0], "funding_source", " 财政拨款 ");
    assert_eq!(get(&catalog.resources[0], "funding_source").as_deref(), Some("财政拨款"));
    let path = dir.path().join("c.xlsx");
    crate::sheets::export::export_catalog_with(&reg, &catalog, &crate::opening::OpenCatalog::default(), &path, None)
        .unwrap();
    for name in ["资源目录", "共享目录"] {
        let rows = rows(&path, name);
        let col = rows[0].iter().position(|h| h == "经费来源").unwrap_or_else(|| panic!("{name}: no column"));
        assert_eq!(rows[1][col], "财政拨款", "{name}");
    }
    assert!(!rows(&path, "开放目录")[0].iter().any(|h| h == "经费来源"));

    // A registry that contradicts itself is refused with the field named.
    let twice = format!("{text}{FUNDING}");
    assert!(Registry::parse(&twice).unwrap_err().contains("funding_source"));
}

#[test]
fn an_extra_field_is_left_out_of_the_json_until_set() {
    let r = crate::sample::resource();
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("extra"), "files written before the map read and write the same");
    let back: crate::model::Resource = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}

#[test]
fn the_required_findings_are_the_registrys_required_fields() {
    use crate::rules::{validate, Context};
    let ctx = Context { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: crate::Lang::Zh };
    let catalog = crate::model::Catalog { resources: vec![Default::default()], ..Default::default() };
    let report = validate(&catalog, &ctx);
    let found = |rule: &str| -> Vec<String> {
        let mut v: Vec<String> =
            report.findings.iter().filter(|f| f.rule == rule).filter_map(|f| f.field.clone()).collect();
        v.sort();
        v
    };
    let reg = registry();
    let mut required: Vec<String> = reg
        .fields
        .iter()
        .filter(|d| d.checked_as_required() && d.level == Level::Resource)
        .map(|d| d.key.clone())
        .chain(reg.agency().filter(|d| d.checked_as_required()).map(|d| format!("agency.{}", d.key)))
        .collect();
    required.sort();
    assert_eq!(found("field.required"), required);
    let recommended: Vec<String> = reg.fields.iter().filter(|d| d.recommended).map(|d| d.key.clone()).collect();
    assert_eq!(found("field.recommended"), recommended);
    // Every finding names a field in words, never by its key.
    for f in report.findings.iter().filter(|f| f.rule == "field.required") {
        assert!(!f.message.contains(f.field.as_deref().unwrap_or("?")), "{}", f.message);
    }
}
