//! The catalog workbook (rust_xlsxwriter, constant-memory mode): 资源目录, 共享目录, 开放目录,
//! 信息项, plus 机构信息 and 信息系统 so that importing it into an empty workspace gives back
//! exactly the same catalog. Columns in the national guide's order, a styled header, frozen
//! panes, filters, widths that fit, a CJK font, and dates as real dates.

use std::path::Path;

use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::columns::Columns;
use crate::error::{Error, Result};
use crate::model::fields::{self, get, get_agency, get_item};
use crate::model::registry::{registry, Registry, Sheet};
use crate::model::{Catalog, Resource, View};

pub const SHEET_RESOURCES: &str = "资源目录";
pub const SHEET_SHARING: &str = "共享目录";
pub const SHEET_OPEN: &str = "开放目录";
pub const SHEET_ITEMS: &str = "信息项";
pub const SHEET_AGENCY: &str = "机构信息";
pub const SHEET_SYSTEMS: &str = "信息系统";
/// The systems sheet's yes/no column: built with public funds (是否财政资金建设).
pub const FUNDS_HEADER: &str = "是否财政资金建设";

/// The font officers' machines all have, in Excel and in WPS.
pub const FONT: &str = "宋体";

/// The most a spreadsheet cell holds (Excel's and WPS's limit; rust_xlsxwriter refuses more).
pub const CELL_MAX: usize = 32_767;

/// The length of `s` as a spreadsheet counts it (UTF-16 units), when over [`CELL_MAX`]. UTF-8
/// never takes fewer bytes than UTF-16 takes units, so a short text passes on its byte length.
pub fn over_cell(s: &str) -> Option<usize> {
    if s.len() <= CELL_MAX {
        return None;
    }
    let n = s.encode_utf16().count();
    (n > CELL_MAX).then_some(n)
}

/// Every resource field one of the three resource sheets writes, once each.
pub(crate) fn exported_resource_keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<&'static str> = Vec::new();
        let reg = registry();
        let sheets = [Sheet::Resources, Sheet::Sharing, Sheet::Open];
        for k in sheets.into_iter().flat_map(|s| reg.resource_keys(s)) {
            if k != "seq" && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    })
}

/// The data-item fields the items sheet writes.
pub(crate) fn exported_item_keys() -> impl Iterator<Item = &'static str> {
    registry().item_keys(Sheet::Items).into_iter().filter(|k| k.starts_with("item.") && *k != "item.seq")
}

/// A text too long for its cell, named by whose it is and its field: reached only when the
/// catalog is exported despite `field.cell_limit`, and never reported as a write failure.
fn fits(text: &str, whose: impl FnOnce() -> String, field: &str) -> Result<()> {
    match over_cell(text) {
        Some(len) => Err(Error::CellTooLong { resource: whose(), field: field.to_string(), len, max: CELL_MAX }),
        None => Ok(()),
    }
}

/// A resource as a person names it: its name, else its code.
fn whose(r: &Resource) -> String {
    match (r.name.is_empty(), &r.code) {
        (true, Some(c)) => c.clone(),
        _ => r.name.chars().take(100).collect(),
    }
}

pub(crate) struct Styles {
    pub header: Format,
    pub date: Format,
}

/// The CJK font as the workbook's default style, so data cells need no format of their own:
/// looking a format up for each of millions of cells costs more than writing them.
fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(10.5)
}

/// A new workbook whose default style uses the CJK font.
pub(crate) fn workbook() -> Result<Workbook> {
    let mut wb = Workbook::new();
    wb.set_default_format(&base(), 20, 64).map_err(x)?;
    Ok(wb)
}

impl Styles {
    pub fn new() -> Self {
        let base = base();
        Styles {
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border(FormatBorder::Thin),
            date: base.set_num_format("yyyy-mm-dd"),
        }
    }
}

fn x(e: XlsxError) -> Error {
    Error::SheetWrite { reason: e.to_string() }
}

/// Text that must stay text: never a formula, whatever it starts with (`=`, `+`, `-`, `@`).
/// `write_string` stores a string cell, which no spreadsheet evaluates.
pub(crate) fn write_text(ws: &mut Worksheet, row: u32, col: u16, s: &str) -> Result<()> {
    ws.write_string(row, col, s).map_err(x)?;
    Ok(())
}

/// A cell for a field's text: dates as dates, counts as numbers, everything else as text.
fn write_value(ws: &mut Worksheet, row: u32, col: u16, key: &str, s: &str, st: &Styles) -> Result<()> {
    if key == "published_on" {
        if let Some(d) = fields::parse_date(s).filter(|d| d.to_string() == s) {
            use chrono::Datelike;
            let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(x)?;
            ws.write_datetime_with_format(row, col, &dt, &st.date).map_err(x)?;
            return Ok(());
        }
    }
    if matches!(key, "record_count" | "item.length") {
        if let Ok(n) = s.parse::<i64>() {
            if n.to_string() == s && n.unsigned_abs() < (1 << 53) {
                ws.write_number(row, col, n as f64).map_err(x)?;
                return Ok(());
            }
        }
    }
    write_text(ws, row, col, s)
}

/// Writes the header row and sets widths, filter and frozen panes for `rows` data rows.
pub(crate) fn header(ws: &mut Worksheet, titles: &[String], rows: u32, freeze_cols: u16, st: &Styles) -> Result<()> {
    for (c, t) in titles.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, t, &st.header).map_err(x)?;
        let chars = t.chars().map(|ch| if ch.is_ascii() { 1.0 } else { 2.0 }).sum::<f64>();
        let width = match t.as_str() {
            "信息资源摘要" | "共享条件" | "开放条件" | "使用要求" | "备注" | "共享依据" | "定级理由" => {
                36.0
            }
            "信息资源名称" | "信息资源提供方" | "信息项名称" => 24.0,
            "信息资源代码" | "信息资源提供方代码" | "关联资源代码" => 20.0,
            _ => (chars + 2.0).clamp(8.0, 18.0),
        };
        ws.set_column_width(c as u16, width).map_err(x)?;
    }
    ws.set_row_height(0, 30).map_err(x)?;
    ws.set_freeze_panes(1, freeze_cols).map_err(x)?;
    if !titles.is_empty() {
        ws.autofilter(0, 0, rows.max(1), (titles.len() - 1) as u16).map_err(x)?;
    }
    Ok(())
}

fn resource_sheet(
    wb: &mut Workbook,
    cols: &Columns,
    name: &str,
    keys: &[&str],
    rows: &[&Resource],
    st: &Styles,
) -> Result<()> {
    let titles: Vec<String> =
        keys.iter().map(|k| cols.spec(k).map(|s| s.header().to_string()).unwrap_or_default()).collect();
    let ws = wb.add_worksheet_with_constant_memory().map_err(x)?;
    ws.set_name(name).map_err(x)?;
    header(ws, &titles, rows.len() as u32, 4, st)?;
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, key) in keys.iter().enumerate() {
            if *key == "seq" {
                ws.write_number(row, c as u16, row as f64).map_err(x)?;
            } else if let Some(v) = get(r, key) {
                fits(&v, || whose(r), key)?;
                write_value(ws, row, c as u16, key, &v, st)?;
            }
        }
    }
    Ok(())
}

/// Writes the whole catalog workbook to `path` atomically; returns the number of cells written.
pub fn export_catalog(catalog: &Catalog, path: &Path) -> Result<()> {
    export_catalog_created(catalog, path, None)
}

/// [`export_catalog`] with the workbook's creation time (docProps/core.xml) fixed when given, so
/// the same catalog gives the same bytes (the workbook inside a submission package).
pub fn export_catalog_created(catalog: &Catalog, path: &Path, created: Option<&ExcelDateTime>) -> Result<()> {
    export_catalog_with(registry(), catalog, path, created)
}

/// [`export_catalog_created`] with the columns of `reg` (a test's extended registry).
pub fn export_catalog_with(
    reg: &Registry,
    catalog: &Catalog,
    path: &Path,
    created: Option<&ExcelDateTime>,
) -> Result<()> {
    let cols = &*super::columns::columns_of(reg);
    crate::fsutil::atomic_write(path, |tmp| {
        let mut wb = workbook()?;
        if let Some(created) = created {
            wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(created));
        }
        let st = Styles::new();
        let all: Vec<&Resource> = catalog.resources.iter().collect();
        resource_sheet(&mut wb, cols, SHEET_RESOURCES, &reg.resource_keys(Sheet::Resources), &all, &st)?;
        let sharing: Vec<&Resource> = catalog.view(View::Sharing).collect();
        resource_sheet(&mut wb, cols, SHEET_SHARING, &reg.resource_keys(Sheet::Sharing), &sharing, &st)?;
        let open: Vec<&Resource> = catalog.view(View::Open).collect();
        resource_sheet(&mut wb, cols, SHEET_OPEN, &reg.resource_keys(Sheet::Open), &open, &st)?;
        items_sheet(&mut wb, cols, &reg.item_keys(Sheet::Items), catalog, &st)?;
        agency_sheet(&mut wb, &catalog.agency, &st)?;
        systems_sheet(&mut wb, catalog, &st)?;
        wb.save(tmp).map_err(x)?;
        Ok(())
    })
}

fn items_sheet(wb: &mut Workbook, cols: &Columns, keys: &[&str], catalog: &Catalog, st: &Styles) -> Result<()> {
    let titles: Vec<String> =
        keys.iter().map(|k| cols.spec(k).map(|s| s.header().to_string()).unwrap_or_default()).collect();
    let total: usize = catalog.resources.iter().map(|r| r.items.len()).sum();
    let ws = wb.add_worksheet_with_constant_memory().map_err(x)?;
    ws.set_name(SHEET_ITEMS).map_err(x)?;
    header(ws, &titles, total as u32, 2, st)?;
    let mut row = 1u32;
    for r in &catalog.resources {
        for (n, item) in r.items.iter().enumerate() {
            for (c, key) in keys.iter().enumerate() {
                let v = match *key {
                    "code" => r.code.clone(),
                    "name" => Some(r.name.clone()).filter(|s| !s.is_empty()),
                    "item.seq" => {
                        ws.write_number(row, c as u16, (n + 1) as f64).map_err(x)?;
                        None
                    }
                    k => get_item(item, k),
                };
                if let Some(v) = v {
                    let field = match key.strip_prefix("item.") {
                        Some(k) => format!("items[{n}].{k}"),
                        None => key.to_string(),
                    };
                    fits(&v, || whose(r), &field)?;
                    write_value(ws, row, c as u16, key, &v, st)?;
                }
            }
            row += 1;
        }
    }
    Ok(())
}

/// The 机构信息 sheet: one row per profile field, label and value (the template pre-fills it too).
pub(crate) fn agency_sheet(wb: &mut Workbook, agency: &crate::model::Agency, st: &Styles) -> Result<()> {
    let ws = wb.add_worksheet().set_name(SHEET_AGENCY).map_err(x)?;
    header(ws, &["项目".into(), "内容".into()], fields::AGENCY_FIELDS.len() as u32, 1, st)?;
    ws.set_column_width(0, 22).map_err(x)?;
    ws.set_column_width(1, 40).map_err(x)?;
    for (i, f) in fields::AGENCY_FIELDS.iter().enumerate() {
        let row = i as u32 + 1;
        write_text(ws, row, 0, &f.zh)?;
        if let Some(v) = get_agency(agency, &f.key) {
            fits(&v, || SHEET_AGENCY.to_string(), &format!("agency.{}", f.key))?;
            write_text(ws, row, 1, &v)?;
        }
    }
    Ok(())
}

fn systems_sheet(wb: &mut Workbook, catalog: &Catalog, st: &Styles) -> Result<()> {
    let ws = wb.add_worksheet().set_name(SHEET_SYSTEMS).map_err(x)?;
    let titles = ["信息系统名称".to_string(), FUNDS_HEADER.into(), "信息系统说明".into()];
    header(ws, &titles, catalog.systems.len() as u32, 1, st)?;
    for (i, s) in catalog.systems.iter().enumerate() {
        let row = i as u32 + 1;
        fits(&s.name, || SHEET_SYSTEMS.to_string(), &format!("systems[{i}].name"))?;
        write_text(ws, row, 0, &s.name)?;
        write_text(ws, row, 1, if s.public_funds { "是" } else { "否" })?;
        if let Some(d) = &s.description {
            fits(d, || s.name.clone(), &format!("systems[{i}].description"))?;
            write_text(ws, row, 2, d)?;
        }
    }
    Ok(())
}
