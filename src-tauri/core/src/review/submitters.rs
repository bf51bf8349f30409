//! The expected submitters (报送单位): the townships and departments that report to the bureau,
//! added by hand or imported from a spreadsheet — all rows or none, an error naming the file,
//! sheet, row and column of the first cell that cannot be read.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::domain::{AgencyLevel, Coded};
use crate::sheets::source::{column_letter, Workbook};
use crate::store::bureau::Submitter;

/// The headers that mean each column (compared without spaces, case-insensitive).
const NAME: &[&str] = &["单位名称", "名称", "报送单位", "机构名称", "name", "agency"];
const USCC: &[&str] = &["统一社会信用代码", "社会信用代码", "信用代码", "uscc"];
const LEVEL: &[&str] = &["机构层级", "层级", "级别", "level"];
const CONTACT: &[&str] = &["联系人", "联系方式", "联系电话", "联系人及电话", "contact"];

/// Header rows are looked for among the first rows.
const HEADER_SCAN: usize = 10;

/// A submitter from typed values, each checked; `Err` names the value that is wrong
/// (`uscc`, `name`, `level`).
pub fn checked(
    uscc: &str,
    name: &str,
    level: Option<&str>,
    contact: Option<&str>,
) -> std::result::Result<Submitter, &'static str> {
    let uscc = crate::text::clean_code(uscc);
    if crate::ids::uscc::validate(&uscc).is_err() {
        return Err("uscc");
    }
    let name = crate::text::clean_line(name);
    if name.is_empty() {
        return Err("name");
    }
    let level = match level.and_then(Coded::<AgencyLevel>::parse) {
        None => None,
        Some(Coded::Known(l)) => Some(Coded::Known(l).as_str().to_string()),
        Some(Coded::Raw(_)) => return Err("level"),
    };
    let contact = contact.map(crate::text::clean_line).filter(|c| !c.is_empty());
    Ok(Submitter { uscc, name, level, contact, added_at: String::new(), keys: vec![] })
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '*').collect::<String>().to_lowercase()
}

fn column_of(header: &[(u32, String)], words: &[&str]) -> Option<u32> {
    header.iter().find(|(_, h)| words.iter().any(|w| norm(w) == norm(h))).map(|(c, _)| *c)
}

/// Reads the submitters from the first sheet of `file` that has a name and a USCC column.
pub fn read(file: &Path) -> Result<Vec<Submitter>> {
    let mut book = Workbook::open(file)?;
    for sheet in book.sheet_names() {
        let mut rows: Vec<(u32, Vec<(u32, String)>)> = Vec::new();
        book.rows(&sheet, |(r, cells)| {
            rows.push((r, cells.into_iter().map(|(c, v)| (c, v.into_text())).collect()));
            Ok(rows.len() <= 100_000)
        })?;
        let head = rows
            .iter()
            .take(HEADER_SCAN)
            .position(|(_, cells)| column_of(cells, NAME).is_some() && column_of(cells, USCC).is_some());
        let Some(h) = head else { continue };
        let header = &rows[h].1;
        let (name_c, uscc_c) = (column_of(header, NAME).unwrap_or(0), column_of(header, USCC).unwrap_or(0));
        let (level_c, contact_c) = (column_of(header, LEVEL), column_of(header, CONTACT));
        let mut out: Vec<Submitter> = Vec::new();
        for (r, cells) in &rows[h + 1..] {
            let cell = |c: Option<u32>| c.and_then(|c| cells.iter().find(|(k, _)| *k == c)).map(|(_, v)| v.as_str());
            let (name, uscc) = (cell(Some(name_c)).unwrap_or(""), cell(Some(uscc_c)).unwrap_or(""));
            let (level, contact) = (cell(level_c), cell(contact_c));
            if [Some(name), Some(uscc), level, contact].iter().all(|v| v.is_none_or(|v| v.trim().is_empty())) {
                continue;
            }
            let fail = |reason: &'static str, col: u32, value: &str| Error::SubmitterCell {
                file: file.to_path_buf(),
                sheet: sheet.clone(),
                row: r + 1,
                column: column_letter(col),
                reason,
                value: value.to_string(),
            };
            let s = checked(uscc, name, level, contact).map_err(|why| match why {
                "uscc" => fail(why, uscc_c, uscc),
                "name" => fail(why, name_c, name),
                _ => fail(why, level_c.unwrap_or(0), level.unwrap_or("")),
            })?;
            if out.iter().any(|o| o.uscc == s.uscc) {
                return Err(fail("duplicate", uscc_c, uscc));
            }
            out.push(s);
        }
        return Ok(out);
    }
    Err(Error::NoHeader { file: file.to_path_buf(), sheet: book.sheet_names().join(", ") })
}
