//! The fill-in template (填报模板): the catalog workbook's columns with a dropdown for every value
//! domain, required columns marked `*`, an instructions sheet, and the agency profile filled in.
//! A department fills it in Excel or WPS and sends it back; it imports like any catalog.

use std::path::Path;

use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Formula, Workbook, Worksheet, XlsxError};

use super::export::{agency_sheet, header, write_text, Styles, SHEET_AGENCY, SHEET_ITEMS, SHEET_RESOURCES};
use crate::error::{Error, Result};
use crate::model::domain::{domains, DomainValue};
use crate::model::fields;
use crate::model::registry::{registry, Registry, Sheet};
use crate::model::Agency;

/// Rows that carry dropdowns; enough for any agency's catalog.
const ROWS: u32 = 2000;
const SHEET_LISTS: &str = "值域";
pub const SHEET_HELP: &str = "填表说明";

fn x(e: XlsxError) -> Error {
    Error::SheetWrite { reason: e.to_string() }
}

/// The header a person sees: `*` before required columns.
fn title(reg: &Registry, key: &str, header: &str) -> String {
    if reg.field(key).is_some_and(|d| d.required) {
        format!("*{header}")
    } else {
        header.to_string()
    }
}

/// The lists behind the dropdowns, one column each on a hidden sheet; returns each list's
/// `=值域!$A$2:$A$n` reference (lists longer than 255 characters cannot be inline).
fn lists(wb: &mut Workbook) -> Result<Vec<(&'static str, String)>> {
    let d = domains();
    let labels = |v: &[DomainValue]| v.iter().map(|x| x.zh.clone()).collect::<Vec<_>>();
    let method_types: Vec<String> = d.method_class.iter().flat_map(|c| c.types.clone()).collect();
    let format_types: Vec<String> = d.format_class.iter().flat_map(|c| c.types.clone()).collect();
    let yes_no = vec!["是".to_string(), "否".to_string()];
    let all: Vec<(&'static str, Vec<String>)> = vec![
        ("format.class", labels(&d.format_class)),
        ("format.type", format_types),
        ("sensitivity", labels(&d.sensitivity)),
        ("sharing.type", labels(&d.sharing_type)),
        ("sharing.method.class", labels(&d.method_class)),
        ("sharing.method.type", method_types),
        ("open.type", labels(&d.open_type)),
        ("update_cycle", labels(&d.update_cycle)),
        ("item.data_type", labels(&d.data_type)),
        ("agency.level", labels(&d.agency_level)),
        ("yes_no", yes_no),
    ];
    let ws = wb.add_worksheet().set_name(SHEET_LISTS).map_err(x)?;
    let mut refs = Vec::new();
    for (c, (key, values)) in all.iter().enumerate() {
        let col = c as u16;
        write_text(ws, 0, col, key)?;
        for (r, v) in values.iter().enumerate() {
            write_text(ws, r as u32 + 1, col, v)?;
        }
        let letter = super::source::column_letter(c as u32);
        refs.push((*key, format!("={SHEET_LISTS}!${letter}$2:${letter}${}", values.len() + 1)));
    }
    ws.set_hidden(true);
    Ok(refs)
}

fn dropdown(ws: &mut Worksheet, col: u16, list: &str, strict: bool, title: &str) -> Result<()> {
    let mut dv = DataValidation::new().allow_list_formula(Formula::new(list)).ignore_blank(true);
    dv = dv.set_input_title(title).map_err(x)?.set_input_message("请从下拉列表中选择。").map_err(x)?;
    if strict {
        dv = dv
            .set_error_title("取值不在范围内")
            .map_err(x)?
            .set_error_message("请从下拉列表中选择规定的取值。")
            .map_err(x)?;
    } else {
        // Format and method types beyond the guide's examples are allowed (with a warning on import).
        dv = dv.set_error_style(DataValidationErrorStyle::Information);
    }
    ws.add_data_validation(1, col, ROWS, col, &dv).map_err(x)?;
    Ok(())
}

/// Writes the template for `agency` to `path` atomically.
pub fn export_template(agency: &Agency, path: &Path) -> Result<()> {
    export_template_with(registry(), agency, path)
}

/// [`export_template`] with the columns of `reg` (a test's extended registry).
pub fn export_template_with(reg: &Registry, agency: &Agency, path: &Path) -> Result<()> {
    let cols = &*super::columns::columns_of(reg);
    crate::fsutil::atomic_write(path, |tmp| {
        let mut wb = super::export::workbook()?;
        let st = Styles::new();
        help_sheet(&mut wb, &st)?;
        // The registry leaves out the review columns a department does not fill.
        let keys = reg.resource_keys(Sheet::Template);
        let item_keys = reg.item_keys(Sheet::Template);
        let titles = |ks: &[&str]| -> Vec<String> {
            ks.iter().map(|k| cols.spec(k).map(|s| title(reg, k, s.header())).unwrap_or_default()).collect()
        };
        // Added first so the hidden lists sheet comes last; filled after the data sheets exist.
        let resource_titles = titles(&keys);
        let item_titles = titles(&item_keys);
        {
            let ws = wb.add_worksheet().set_name(SHEET_RESOURCES).map_err(x)?;
            header(ws, &resource_titles, ROWS, 4, &st)?;
        }
        {
            let ws = wb.add_worksheet().set_name(SHEET_ITEMS).map_err(x)?;
            header(ws, &item_titles, ROWS, 2, &st)?;
        }
        agency_sheet(&mut wb, agency, &st)?;
        let refs = lists(&mut wb)?;
        let list = |k: &str| refs.iter().find(|(key, _)| *key == k).map(|(_, r)| r.clone()).unwrap_or_default();
        let yes_no_keys = [
            "open.declassified",
            "grading.state_secret",
            "grading.legal_restriction",
            "grading.personal_or_commercial",
            "grading.already_public",
            "item.is_identifier",
            "item.is_personal",
        ];
        for (sheet, ks, ts) in
            [(SHEET_RESOURCES, &keys[..], &resource_titles), (SHEET_ITEMS, &item_keys[..], &item_titles)]
        {
            let ws = wb.worksheet_from_name(sheet).map_err(x)?;
            for (c, k) in ks.iter().enumerate() {
                let t = ts[c].trim_start_matches('*');
                let col = c as u16;
                match *k {
                    "format.type" | "sharing.method.type" => dropdown(ws, col, &list(k), false, t)?,
                    "grading.suggested" => dropdown(ws, col, &list("sensitivity"), true, t)?,
                    k if yes_no_keys.contains(&k) => dropdown(ws, col, &list("yes_no"), true, t)?,
                    k if refs.iter().any(|(key, _)| *key == k) => dropdown(ws, col, &list(k), true, t)?,
                    "published_on" => {
                        let dv = DataValidation::new()
                            .allow_date(rust_xlsxwriter::DataValidationRule::GreaterThan(
                                rust_xlsxwriter::ExcelDateTime::from_ymd(1949, 10, 1).map_err(x)?,
                            ))
                            .set_error_title("日期无效")
                            .map_err(x)?
                            .set_error_message("请填写日期，如 2026-01-15。")
                            .map_err(x)?;
                        ws.add_data_validation(1, col, ROWS, col, &dv).map_err(x)?;
                        ws.set_column_format(col, &st.date).map_err(x)?;
                    }
                    _ => {}
                }
            }
        }
        let ws = wb.worksheet_from_name(SHEET_AGENCY).map_err(x)?;
        let level_row = fields::AGENCY_FIELDS.iter().position(|f| f.key == "level").unwrap_or(0) as u32 + 1;
        let dv = DataValidation::new().allow_list_formula(Formula::new(list("agency.level")));
        ws.add_data_validation(level_row, 1, level_row, 1, &dv).map_err(x)?;
        wb.save(tmp).map_err(x)?;
        Ok(())
    })
}

const HELP: &[&str] = &[
    "政务数据资源目录填报模板 — 填表说明",
    "",
    "1. 在“资源目录”表中，每个数据资源填写一行；在“信息项”表中，每个信息项（字段）填写一行，并填写它所属资源的代码或名称。",
    "2. 列名前带 * 的为必填项。带下拉箭头的单元格请从列表中选择（敏感程度、共享类型、开放类型、更新周期、数据类型等）。",
    "3. 敏感程度（《贵阳市政府数据资源管理办法》第九条）：公开——无条件共享、向社会开放；内部——无条件共享，不开放或脱敏后有条件开放；涉密——有条件共享或不予共享，须写明依据，不向社会开放。",
    "4. 共享类型为“有条件共享”时须填写共享条件；“有条件共享”和“不予共享”须填写依据（法律、法规、规章或国家、省有关文件）。",
    "5. 信息资源代码形如 352111009/000001（类 项 目 细目/顺序码）；未分配代码的可留空，由目录系统按前段码自动编号。",
    "6. 发布日期填写日期，如 2026-01-15。自然人信息请包含公民身份号码信息项，法人信息请包含统一社会信用代码信息项（第十八条）。",
    "7. “机构信息”表已按本单位信息预填，请核对。填好后保存为 .xlsx 交回，勿修改列名和工作表名。",
];

fn help_sheet(wb: &mut Workbook, st: &Styles) -> Result<()> {
    let ws = wb.add_worksheet().set_name(SHEET_HELP).map_err(x)?;
    ws.set_column_width(0, 120).map_err(x)?;
    ws.write_string_with_format(0, 0, HELP[0], &st.header).map_err(x)?;
    for (i, line) in HELP.iter().enumerate().skip(1) {
        write_text(ws, i as u32, 0, line)?;
    }
    Ok(())
}
