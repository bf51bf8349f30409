//! What the header-mapping screen shows: for each data sheet, its first rows (to choose the
//! header row from), the header as an import would read it with the person's mapping applied,
//! and a few values under each column. Only the top of each sheet is read, once; the screen is
//! redrawn from those rows as the mapping changes.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::columns::{columns, header_key, Level};
use super::header::{self, Header, Mapping, NOTE};
use super::roles::{roles, Role};
use super::source::{column_letter, Row, Workbook};
use crate::error::{Error, Result};

/// Values shown under each column.
const SAMPLES: usize = 3;

/// The top rows of one sheet an import reads as data.
pub struct SheetHead {
    pub sheet: String,
    rows: Vec<Row<'static>>,
}

/// Reads the top of every sheet an import would read as data.
pub fn read_heads(path: &Path) -> Result<Vec<SheetHead>> {
    let mut book = Workbook::open(path)?;
    let names = book.sheet_names();
    let mut out = Vec::new();
    for (name, role) in roles(&names, None) {
        if role != Role::Data {
            continue;
        }
        let mut rows: Vec<Row<'static>> = Vec::new();
        book.rows(name, |(r, cells)| {
            rows.push((r, cells.into_iter().map(|(c, v)| (c, v.into_owned())).collect()));
            Ok(rows.len() < header::SEARCH_ROWS + SAMPLES)
        })?;
        out.push(SheetHead { sheet: name.clone(), rows });
    }
    if out.is_empty() {
        return Err(Error::NoHeader { file: path.to_path_buf(), sheet: names.join("、") });
    }
    Ok(out)
}

/// The screen's content: every data sheet's header.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Drafts {
    pub sheets: Vec<HeaderDraft>,
    /// Every field a column can hold, resource fields first, then data-item fields (`item.…`).
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct HeaderDraft {
    pub sheet: String,
    /// 1-based header rows as read (two for a two-level header); empty for an empty sheet.
    pub header_rows: Vec<u32>,
    /// Mulu found the header by its content (else it is the person's row or a best guess).
    pub detected: bool,
    /// Some column holds the resource name: without one, the import cannot tell rows apart.
    pub has_name: bool,
    pub columns: Vec<DraftColumn>,
    /// The sheet's first rows, to choose the header row from.
    pub head: Vec<HeadRow>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DraftColumn {
    /// Column letter: `A`, `B`, …
    pub column: String,
    pub header: String,
    /// What the column holds: a field key, `ignore`, or `note` (its text kept in 备注).
    pub field: String,
    /// How a mapping rule names this column: its header, or its letter when the header repeats.
    pub rule: String,
    /// The first values under the header.
    pub samples: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct HeadRow {
    /// 1-based, as the spreadsheet program numbers it.
    pub row: u32,
    pub cells: Vec<String>,
}

/// The drafts of the sheets read, with `mapping` applied.
pub fn draft(heads: &[SheetHead], mapping: Option<&Mapping>) -> Drafts {
    let sheets = heads.iter().map(|h| draft_sheet(h, mapping));
    let fields = columns().specs.iter().filter(|c| c.level != Level::System).map(|c| c.key.clone()).collect();
    Drafts { sheets: sheets.collect(), fields }
}

fn draft_sheet(head: &SheetHead, mapping: Option<&Mapping>) -> HeaderDraft {
    let top = &head.rows[..head.rows.len().min(header::SEARCH_ROWS)];
    let chosen = mapping.and_then(|m| m.header_row).map(|r| r.saturating_sub(1));
    let detected = chosen.is_none().then(|| header::detect(top)).flatten();
    let is_detected = detected.is_some();
    let found = match chosen {
        Some(r) => Some(header::at_row(&head.rows, r).unwrap_or_else(|| Header::new(vec![r], vec![]))),
        // As the import reads it once the person applies a mapping (`header::find`).
        None => detected.or_else(|| header::fullest(top)),
    };
    let text = |cells: &[(u32, super::cell::Cell)], col: u32| {
        cells.iter().find(|(c, _)| *c == col).map(|(_, v)| crate::text::clean_line(&v.text())).unwrap_or_default()
    };
    let mut columns = Vec::new();
    if let Some(mut h) = found.clone() {
        if let Some(m) = mapping {
            m.apply(&mut h);
        }
        let repeats = |t: &str| h.columns.iter().filter(|c| header_key(&c.text) == header_key(t)).count() > 1;
        for c in &h.columns {
            let letter = column_letter(c.col);
            let samples = head
                .rows
                .iter()
                .filter(|(r, _)| *r > h.last_row())
                .map(|(_, cells)| text(cells, c.col))
                .filter(|v| !v.is_empty())
                .take(SAMPLES)
                .collect();
            columns.push(DraftColumn {
                rule: if c.text.is_empty() || repeats(&c.text) { letter.clone() } else { c.text.clone() },
                column: letter,
                header: c.text.clone(),
                field: c.key.clone().unwrap_or_else(|| NOTE.to_string()),
                samples,
            });
        }
    }
    HeaderDraft {
        sheet: head.sheet.clone(),
        header_rows: found.as_ref().map(|h| h.rows.iter().map(|r| r + 1).collect()).unwrap_or_default(),
        detected: is_detected,
        has_name: columns.iter().any(|c| c.field == "name"),
        columns,
        head: top
            .iter()
            .map(|(r, cells)| HeadRow { row: r + 1, cells: cells.iter().map(|(c, _)| text(cells, *c)).collect() })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheets::header::ColumnRule;
    use crate::sheets::{read, ImportOptions};
    use crate::Lang;

    /// A sheet with a title row and headers no synonym list has; two columns share a header.
    fn odd_workbook(dir: &Path) -> std::path::PathBuf {
        let file = dir.join("odd.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet().set_name("表1").unwrap();
        ws.write_string(0, 0, "2025年数据清单").unwrap();
        for (c, h) in ["数据名", "编码", "级别", "备注说明", "备注说明"].iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for r in 0..4u32 {
            for (c, v) in
                [format!("资源{r}"), format!("352111009/00000{}", r + 1), "内部".into(), "甲".into(), "乙".into()]
                    .iter()
                    .enumerate()
            {
                ws.write_string(3 + r, c as u16, v).unwrap();
            }
        }
        wb.save(&file).unwrap();
        file
    }

    #[test]
    fn without_a_recognised_header_the_fullest_row_is_proposed_with_what_mulu_knows() {
        let d = tempfile::tempdir().unwrap();
        let heads = read_heads(&odd_workbook(d.path())).unwrap();
        let drafts = draft(&heads, None);
        let s = &drafts.sheets[0];
        assert_eq!((s.header_rows.as_slice(), s.detected, s.has_name), (&[3][..], false, false));
        let fields: Vec<(&str, &str, &str)> =
            s.columns.iter().map(|c| (c.header.as_str(), c.field.as_str(), c.rule.as_str())).collect();
        assert_eq!(
            fields,
            [
                ("数据名", "note", "数据名"),
                ("编码", "note", "编码"),
                ("级别", "sensitivity", "级别"),
                ("备注说明", "note", "D"),
                ("备注说明", "note", "E")
            ],
            "a repeated header is named by its letter"
        );
        assert_eq!(s.columns[0].samples, ["资源0", "资源1", "资源2"]);
        assert_eq!(s.head[0].row, 1);
        assert_eq!(s.head[0].cells, ["2025年数据清单"]);
        assert!(drafts.fields.iter().any(|f| f == "name") && drafts.fields.iter().any(|f| f == "item.name"));
    }

    #[test]
    fn the_rules_of_the_screen_are_what_the_import_reads() {
        let d = tempfile::tempdir().unwrap();
        let file = odd_workbook(d.path());
        let heads = read_heads(&file).unwrap();
        // The person's choices, one rule per column as the screen makes them. No header row is
        // given: the import reads the row the screen guessed, as the screen showed it.
        let choose = |rule: &str, field: &str| ColumnRule { column: rule.into(), field: Some(field.into()) };
        let m = Mapping {
            header_row: None,
            columns: vec![
                choose("数据名", "name"),
                choose("编码", "code"),
                choose("级别", "note"),
                choose("E", "ignore"),
            ],
        };
        let s = &draft(&heads, Some(&m)).sheets[0];
        let fields: Vec<&str> = s.columns.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["name", "code", "note", "note", "ignore"]);
        assert!(s.has_name);

        let got = read(&file, &ImportOptions { mapping: Some(m), ..Default::default() }, Lang::Zh).unwrap();
        let r = &got.catalog.resources[0];
        assert_eq!((r.name.as_str(), r.code.as_deref()), ("资源0", Some("352111009/000001")));
        assert_eq!(r.sensitivity, None, "级别 kept as a note, not read as the grade");
        assert_eq!(r.notes.as_deref(), Some("级别: 内部\n备注说明: 甲"), "the ignored column is not kept");
        assert_eq!(got.catalog.resources.len(), 4);
    }

    #[test]
    fn a_chosen_header_row_and_a_field_moved_to_another_column() {
        let d = tempfile::tempdir().unwrap();
        let heads = read_heads(&odd_workbook(d.path())).unwrap();
        let m = Mapping {
            header_row: Some(1),
            columns: vec![ColumnRule { column: "A".into(), field: Some("name".into()) }],
        };
        let s = &draft(&heads, Some(&m)).sheets[0];
        assert_eq!(s.header_rows, [1]);
        assert_eq!(s.columns.len(), 1, "the title row has one cell");
        assert_eq!((s.columns[0].field.as_str(), s.columns[0].samples[0].as_str()), ("name", "数据名"));

        // The name moved from one column to another: the later choice keeps it.
        let m = Mapping {
            header_row: Some(3),
            columns: vec![
                ColumnRule { column: "数据名".into(), field: Some("name".into()) },
                ColumnRule { column: "编码".into(), field: Some("name".into()) },
            ],
        };
        let s = &draft(&heads, Some(&m)).sheets[0];
        let fields: Vec<&str> = s.columns.iter().take(2).map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["note", "name"], "one column per field, the latest choice");
    }
}
