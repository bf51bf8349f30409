//! Scanning data files (梳理): each sheet of a workbook, or each CSV file, becomes a proposed
//! resource whose data items come from the header row and whose data types are inferred from a
//! sample of the values. Columns whose values pass the citizen-ID or USCC check, or look like
//! mobile numbers, are flagged and feed a suggested grade. Nothing is added until accepted.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::{citizen_id, uscc};
use crate::model::domain::{Coded, DataType, FormatClass, OpenType, Sensitivity, SharingType};
use crate::model::{DataItem, Grading, Resource};
use crate::sheets::cell::Cell;
use crate::sheets::source::Workbook;
use crate::store::Workspace;

pub mod quality;

/// Data rows read per sheet or file; large files are sampled, not read whole.
pub const SAMPLE_ROWS: usize = 1000;
/// Share of sampled values that must pass a check for a column to count as an identifier.
const THRESHOLD: f64 = 0.9;

/// A resource proposed from a data file, with why it was graded as suggested.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Proposal {
    /// `path` or `path#sheet`.
    pub source: String,
    pub resource: Resource,
    /// Data rows in the source, when known without reading it all.
    #[ts(type = "number | null")]
    pub rows: Option<u64>,
    /// Rows actually sampled to infer types.
    pub sampled: usize,
    /// Data quality per column, over the sampled rows (issue 18).
    pub quality: Vec<quality::ColumnQuality>,
}

impl Proposal {
    /// The quality report's rows as in the file, its header being row `h + 1`.
    fn below_header(mut self, h: usize) -> Self {
        for f in self.quality.iter_mut().flat_map(|q| q.failing.iter_mut()) {
            f.row += h as u64;
        }
        self
    }
}

/// What one column's sampled values say.
#[derive(Default)]
struct ColumnStats {
    seen: usize,
    ints: usize,
    numbers: usize,
    dates: usize,
    datetimes: usize,
    bools: usize,
    max_len: usize,
    citizen_ids: usize,
    usccs: usize,
    mobiles: usize,
}

impl ColumnStats {
    fn add(&mut self, cell: &Cell, today: NaiveDate) {
        let text = cell.text();
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        self.seen += 1;
        self.max_len = self.max_len.max(t.chars().count());
        match cell {
            Cell::Int(_) => self.ints += 1,
            Cell::Float(f) if f.fract() == 0.0 => self.ints += 1,
            Cell::Float(_) => self.numbers += 1,
            Cell::Date(_) => self.dates += 1,
            Cell::Bool(_) => self.bools += 1,
            _ => {
                if t.len() <= 19 && t.parse::<i64>().is_ok() && !t.starts_with('0') {
                    self.ints += 1;
                } else if t.parse::<f64>().is_ok() {
                    self.numbers += 1;
                } else if crate::model::fields::parse_date(t).is_some() {
                    self.dates += 1;
                } else if t.len() >= 16
                    // `get`, not `[..10]`: byte 10 of Chinese text falls inside a character.
                    && t.get(..10).is_some_and(|d| crate::model::fields::parse_date(d).is_some())
                    && t[10..].trim_start().contains(':')
                {
                    self.datetimes += 1;
                }
            }
        }
        let up = t.to_ascii_uppercase();
        if up.len() == 18 && citizen_id::validate(&up, today).is_ok() {
            self.citizen_ids += 1;
        } else if up.len() == 18 && uscc::validate(&up).is_ok() {
            self.usccs += 1;
        } else if t.len() == 11
            && t.starts_with('1')
            && matches!(t.as_bytes()[1], b'3'..=b'9')
            && t.bytes().all(|b| b.is_ascii_digit())
        {
            self.mobiles += 1;
        }
    }

    fn share(&self, n: usize) -> f64 {
        if self.seen == 0 {
            0.0
        } else {
            n as f64 / self.seen as f64
        }
    }

    fn item(&self, name: &str) -> DataItem {
        let all = |n: usize| self.seen > 0 && n == self.seen;
        let (data_type, length) = if self.seen == 0 {
            (DataType::C, None)
        } else if self.share(self.citizen_ids + self.usccs + self.mobiles) >= THRESHOLD {
            // Identifiers and phone numbers are codes, not quantities, even when all digits.
            (DataType::C, Some(self.max_len))
        } else if all(self.ints) {
            (DataType::I, None)
        } else if all(self.ints + self.numbers) {
            (DataType::N, None)
        } else if all(self.dates) {
            (DataType::D, None)
        } else if all(self.datetimes + self.dates) {
            (DataType::T, None)
        } else if all(self.bools) {
            (DataType::L, None)
        } else if self.max_len > 255 {
            (DataType::M, None)
        } else {
            (DataType::C, Some(self.max_len.max(1)))
        };
        let mut item = DataItem {
            name: name.to_string(),
            data_type: Some(data_type.into()),
            length: length.map(|l| l.to_string()),
            ..Default::default()
        };
        crate::rules::identity::detect_item_flags(&mut item);
        if self.share(self.citizen_ids) >= THRESHOLD {
            item.is_identifier = true;
            item.is_personal = true;
        } else if self.share(self.usccs) >= THRESHOLD {
            item.is_identifier = true;
        } else if self.share(self.mobiles) >= THRESHOLD {
            item.is_personal = true;
        }
        item
    }
}

/// Builds the proposal from a header and sampled rows.
fn propose(
    source: String,
    name: &str,
    format_type: &str,
    header: &[String],
    rows: &[Vec<Cell>],
    total: Option<u64>,
    today: NaiveDate,
) -> Proposal {
    let mut stats: Vec<ColumnStats> = header.iter().map(|_| ColumnStats::default()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(stats.len()) {
            stats[i].add(cell, today);
        }
    }
    let items: Vec<DataItem> = header
        .iter()
        .zip(&stats)
        .filter(|(h, _)| !h.trim().is_empty())
        .map(|(h, s)| s.item(&crate::text::clean_line(h)))
        .collect();
    let mut personal: Vec<String> = items.iter().filter(|i| i.is_personal).map(|i| i.name.clone()).collect();
    let mut r = Resource {
        name: crate::text::clean_line(name),
        format: crate::model::Format {
            class: Some(FormatClass::Spreadsheet.into()),
            kind: Some(format_type.to_string()),
        },
        items,
        record_count: total.map(|n| n.to_string()),
        notes: Some(format!("来源文件：{source}")),
        ..Default::default()
    };
    // What `open.personal` reads as personal (health, income …) counts too, so no proposal is
    // one that rule refuses.
    for name in crate::rules::personal::personal_items(&r) {
        if !personal.iter().any(|p| p == name) {
            personal.push(name.to_string());
        }
    }
    // The questionnaire's third question, answered from the data (domain.md §6.2): personal
    // information means at least 内部, shared unconditionally, opened only desensitised.
    let (grade, reason) = if personal.is_empty() {
        (Sensitivity::Public, "未发现个人信息或标识；若已公开或可公开，按第九条定为“公开”。".to_string())
    } else {
        (
            Sensitivity::Internal,
            format!("含个人信息（{}），按第九条至少为“内部”，仅可脱敏后有条件开放。", personal.join("、")),
        )
    };
    r.sensitivity = Some(grade.into());
    r.sharing.kind = Some(SharingType::Unconditional.into());
    r.open.kind = Some(if grade == Sensitivity::Public { OpenType::Unconditional } else { OpenType::NotOpened }.into());
    r.grading = Some(Grading {
        personal_or_commercial: Some(!personal.is_empty()),
        suggested: Some(Coded::Known(grade)),
        reason: Some(reason),
        // A proposal from the data: the officer confirms it in step 4.
        unconfirmed: Some(crate::model::GradeOrigin::Scan),
        ..Default::default()
    });
    // Rows counted as if the header were the first row; the caller moves them below its header.
    let quality = quality::columns(header, rows, 2, today);
    Proposal { source, resource: r, rows: total, sampled: rows.len(), quality }
}

/// The header: among the first rows, the one with the most text cells (title rows above a
/// table have one cell).
fn pick_header(rows: &[Vec<Cell>]) -> usize {
    rows.iter()
        .take(10)
        .enumerate()
        .max_by_key(|(i, r)| (r.iter().filter(|c| matches!(c, Cell::Text(_))).count(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
        .unwrap_or(0)
}

fn scan_workbook(path: &Path, today: NaiveDate, out: &mut Vec<Proposal>) -> Result<()> {
    let mut book = Workbook::open(path)?;
    let names = book.sheet_names();
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    for sheet in &names {
        let mut rows: Vec<Vec<Cell<'static>>> = Vec::new();
        book.rows(sheet, |(_, cells)| {
            let width = cells.iter().map(|(c, _)| *c as usize + 1).max().unwrap_or(0);
            let mut row = vec![Cell::Empty; width];
            for (c, v) in cells {
                row[c as usize] = v.into_owned();
            }
            rows.push(row);
            Ok(rows.len() < SAMPLE_ROWS + 10)
        })?;
        if rows.is_empty() {
            continue;
        }
        let h = pick_header(&rows);
        let header: Vec<String> = rows[h].iter().map(|c| c.text().into_owned()).collect();
        let data = &rows[h + 1..];
        let total = (rows.len() < SAMPLE_ROWS + 10).then_some(data.len() as u64);
        let name = if names.len() == 1 { stem.clone() } else { format!("{stem}（{sheet}）") };
        let p = propose(format!("{}#{sheet}", path.display()), &name, &ext, &header, data, total, today);
        out.push(p.below_header(h));
    }
    Ok(())
}

/// Reads a CSV file's first rows, decoding GB18030 (what Excel saves on Chinese Windows) when
/// the bytes are not UTF-8.
fn scan_csv(path: &Path, today: NaiveDate, out: &mut Vec<Proposal>) -> Result<()> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    // Only the head of a large file is read.
    let mut head = Vec::new();
    f.by_ref().take(4 << 20).read_to_end(&mut head).map_err(|e| Error::io(path, e))?;
    let complete = f.read(&mut [0u8; 1]).map_err(|e| Error::io(path, e))? == 0;
    let text = match std::str::from_utf8(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head)) {
        Ok(t) => t.to_string(),
        Err(e) if e.error_len().is_none() => String::from_utf8_lossy(&head[..e.valid_up_to()]).into_owned(),
        Err(_) => encoding_rs::GB18030.decode(&head).0.into_owned(),
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell<'static>>> = Vec::new();
    let mut all_read = true;
    for rec in reader.records() {
        let Ok(rec) = rec else { break };
        rows.push(
            rec.iter()
                .map(|v| if v.trim().is_empty() { Cell::Empty } else { Cell::Text(v.to_string().into()) })
                .collect(),
        );
        if rows.len() >= SAMPLE_ROWS + 10 {
            all_read = false;
            break;
        }
    }
    if rows.is_empty() {
        return Ok(());
    }
    let h = pick_header(&rows);
    let header: Vec<String> = rows[h].iter().map(|c| c.text().into_owned()).collect();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let total = (complete && all_read).then_some((rows.len() - h - 1) as u64);
    out.push(propose(path.display().to_string(), &stem, "csv", &header, &rows[h + 1..], total, today).below_header(h));
    Ok(())
}

fn is_data_file(p: &Path) -> bool {
    let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "csv")
        && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("~$"))
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path).map_err(|e| Error::io(path, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || is_data_file(&e) {
                collect(&e, files)?;
            }
        }
    } else {
        files.push(path.to_path_buf());
    }
    Ok(())
}

/// What a scan found: the proposals, and the files it could not read with why.
pub type Scanned = (Vec<Proposal>, Vec<(PathBuf, Error)>);

/// Where a scan is: `done` of `total` data files read, `file` the one it reads next.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub file: &'a Path,
}

/// Scans files and folders (recursively). A file that cannot be read is reported in `skipped`
/// with why, and the scan goes on.
pub fn scan(paths: &[PathBuf], today: NaiveDate) -> Result<Scanned> {
    scan_with(paths, today, &mut |_| ControlFlow::Continue(()))
}

/// As [`scan`], telling `progress` before each file; `Break` stops the scan with
/// [`Error::Cancelled`]. Files are sampled, not read whole, so between files is prompt enough.
pub fn scan_with(
    paths: &[PathBuf],
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress<'_>) -> ControlFlow<()>,
) -> Result<Scanned> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let total = files.len();
    for (done, f) in files.into_iter().enumerate() {
        if progress(Progress { done, total, file: &f }).is_break() {
            return Err(Error::Cancelled);
        }
        let ext = f.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        let result = if ext == "csv" { scan_csv(&f, today, &mut out) } else { scan_workbook(&f, today, &mut out) };
        if let Err(e) = result {
            skipped.push((f, e));
        }
    }
    Ok((out, skipped))
}

/// Adds the accepted proposals' resources in one transaction, coded and attributed to the
/// agency as a resource added by hand is; returns them as added, with their codes.
pub fn accept(ws: &mut Workspace, resources: Vec<Resource>) -> Result<Vec<Resource>> {
    Ok(ws.create_resources(resources)?.into_iter().map(|s| s.resource).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_csv_of_people_is_flagged_and_graded_internal() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("低保名单.csv");
        let mut s = String::from("姓名,证件号,联系方式,保障金额,发放日期,备注\n");
        let ids = ["11010519491231002X", "52011119800101001X"];
        for i in 0..40 {
            s += &format!("张{i},{},1380000{:04},{}.50,2026-03-0{},\n", ids[i % 2], i, 300 + i, 1 + i % 9);
        }
        // What Excel saves on a Chinese Windows machine: GB18030.
        std::fs::write(&p, encoding_rs::GB18030.encode(&s).0).unwrap();
        let (props, skipped) = scan(&[d.path().to_path_buf()], today()).unwrap();
        assert!(skipped.is_empty());
        let r = &props[0].resource;
        assert_eq!(r.name, "低保名单");
        let types: Vec<&str> = r.items.iter().map(|i| i.data_type.as_ref().unwrap().as_str()).collect();
        assert_eq!(types, ["C", "C", "C", "N", "D", "C"]);
        assert!(r.items[1].is_identifier && r.items[1].is_personal, "ID numbers found by their check digit");
        assert!(r.items[2].is_personal && !r.items[2].is_identifier, "mobile numbers");
        assert_eq!(r.sensitivity, Some(Sensitivity::Internal.into()));
        assert_eq!(props[0].rows, Some(40));
    }

    #[test]
    fn each_sheet_of_a_workbook_is_a_proposal_and_big_files_are_sampled() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("台账.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let a = wb.add_worksheet().set_name("企业").unwrap();
        a.write_string(0, 0, "企业台账（2026）").unwrap();
        for (c, h) in ["企业名称", "统一社会信用代码", "注册资本"].iter().enumerate() {
            a.write_string(1, c as u16, *h).unwrap();
        }
        for r in 0..3000u32 {
            a.write_string(r + 2, 0, format!("企业{r}")).unwrap();
            a.write_string(r + 2, 1, "91350100M000100Y43").unwrap();
            a.write_number(r + 2, 2, 100.0 + r as f64).unwrap();
        }
        let b = wb.add_worksheet().set_name("空表").unwrap();
        b.write_string(0, 0, "无数据").unwrap();
        wb.save(&p).unwrap();
        let (props, _) = scan(std::slice::from_ref(&p), today()).unwrap();
        assert_eq!(props.len(), 2);
        let r = &props[0].resource;
        assert_eq!(r.name, "台账（企业）");
        assert_eq!(props[0].sampled, SAMPLE_ROWS + 10 - 2);
        assert_eq!(props[0].rows, None, "not read whole, so not counted");
        assert!(r.items[1].is_identifier && !r.items[1].is_personal);
        assert_eq!(r.items[2].data_type, Some(DataType::I.into()));
        assert_eq!(r.sensitivity, Some(Sensitivity::Public.into()));
    }

    #[test]
    fn progress_is_told_per_file_and_a_break_cancels_the_scan() {
        let d = tempfile::tempdir().unwrap();
        for n in ["a.csv", "b.csv", "c.csv"] {
            std::fs::write(d.path().join(n), "名称,数量\n甲,1\n").unwrap();
        }
        let mut seen = Vec::new();
        let (props, _) = scan_with(&[d.path().to_path_buf()], today(), &mut |p| {
            seen.push((p.done, p.total, p.file.file_name().unwrap().to_string_lossy().into_owned()));
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(props.len(), 3);
        assert_eq!(seen, [(0, 3, "a.csv".into()), (1, 3, "b.csv".into()), (2, 3, "c.csv".into())]);

        let mut calls = 0;
        let stopped = scan_with(&[d.path().to_path_buf()], today(), &mut |p| {
            calls += 1;
            if p.done == 1 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!(stopped.unwrap_err().code(), "cancelled");
        assert_eq!(calls, 2, "no file is read after the break");
    }

    #[test]
    fn accepted_proposals_are_added_coded_in_one_change() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("名册.csv"), "姓名,证件号\n张三,11010519491231002X\n").unwrap();
        std::fs::write(d.path().join("台账.csv"), "项目,金额\n修路,12.5\n").unwrap();
        let mut ws = Workspace::open_or_create(&d.path().join("t.mulu")).unwrap();
        ws.set_agency(&crate::sample::agency()).unwrap();
        let (props, _) = scan(&[d.path().to_path_buf()], today()).unwrap();
        let names: Vec<&str> = props.iter().map(|p| p.resource.name.as_str()).collect();
        assert_eq!(names, ["台账", "名册"]);

        let added = accept(&mut ws, vec![props[1].resource.clone()]).unwrap();
        assert!(added[0].code.is_some(), "numbered under the agency's prefix");
        assert_eq!(added[0].provider_name, crate::sample::agency().name);
        let stored = ws.resources().unwrap();
        assert_eq!(stored.len(), 1, "only what was accepted is added");
        assert_eq!(stored[0].resource.name, "名册");
        assert!(stored[0].resource.items[1].is_identifier, "the scan's flags are kept");
        let sets: std::collections::HashSet<i64> =
            ws.history(None, 100).unwrap().iter().filter(|c| c.entity == "resource").map(|c| c.set_id).collect();
        assert_eq!(sets.len(), 1, "one change in the log");
    }

    #[test]
    fn unreadable_files_are_skipped_with_a_reason() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("坏.xlsx"), "not a zip").unwrap();
        std::fs::write(d.path().join("说明.txt"), "ignored").unwrap();
        let (props, skipped) = scan(&[d.path().to_path_buf()], today()).unwrap();
        assert!(props.is_empty());
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].1.code(), "sheet.unreadable");
    }
}
