//! Data quality per column of a scanned file (G Art. 21; Guizhou sharing measures Art. 9): the
//! share of empty cells, and the values failing the check their column is held to — the
//! citizen-ID number, the USCC or a date — with their rows named and the values masked, so the
//! officer can clean the data before cataloguing it.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::ids::{citizen_id, uscc};
use crate::rules::identity::{classify, NameKind};
use crate::sheets::cell::Cell;

/// Failing values shown per column; the rest are counted.
const SHOWN: usize = 5;

/// The check a column's values are held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    CitizenId,
    Uscc,
    Date,
}

/// One value failing its column's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Failing {
    /// The row in the sheet or file (1-based, the header row counted).
    #[ts(type = "number")]
    pub row: u64,
    /// The value masked: its first and last characters only.
    pub value: String,
}

/// What the sampled rows say about one column.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ColumnQuality {
    pub column: String,
    /// Empty cells among the sampled data rows.
    pub empty: usize,
    /// `empty` over the sampled rows, 0–1.
    pub empty_rate: f64,
    /// The check its values are held to (by its name, or because most of its values pass it).
    pub check: Option<Check>,
    /// How many values fail it, and the first few.
    pub failing_count: usize,
    pub failing: Vec<Failing>,
}

/// A value with its middle hidden: `520111199001011234` → `5201**********234`.
pub fn mask(v: &str) -> String {
    let chars: Vec<char> = v.trim().chars().collect();
    let n = chars.len();
    if n <= 2 {
        return "*".repeat(n);
    }
    let head = (n / 4).clamp(1, 4);
    let tail = (n / 6).clamp(1, 3);
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(n - head - tail));
    out.extend(&chars[n - tail..]);
    out
}

fn passes(check: Check, cell: &Cell, text: &str, today: NaiveDate) -> bool {
    match check {
        Check::CitizenId => citizen_id::validate(&text.to_ascii_uppercase(), today).is_ok(),
        Check::Uscc => uscc::validate(&text.to_ascii_uppercase()).is_ok(),
        Check::Date => matches!(cell, Cell::Date(_)) || crate::model::fields::parse_date(text).is_some(),
    }
}

/// The check a column is held to: by its name, else the one most of its values pass.
fn check_of(name: &str, values: &[(&Cell, String)], today: NaiveDate) -> Option<Check> {
    match classify(name) {
        NameKind::PersonId => return Some(Check::CitizenId),
        NameKind::EntityId => return Some(Check::Uscc),
        _ => {}
    }
    if name.contains("日期") {
        return Some(Check::Date);
    }
    [Check::CitizenId, Check::Uscc, Check::Date].into_iter().find(|&c| {
        let ok = values.iter().filter(|(cell, t)| passes(c, cell, t, today)).count();
        !values.is_empty() && ok * 2 > values.len()
    })
}

/// Quality of each named column of `rows` (the data rows below the header; `first_row` is the
/// sheet row of the first).
pub fn columns(header: &[String], rows: &[Vec<Cell>], first_row: u64, today: NaiveDate) -> Vec<ColumnQuality> {
    header
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.trim().is_empty())
        .map(|(c, h)| {
            let name = crate::text::clean_line(h);
            let mut empty = 0;
            let mut values = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let cell = row.get(c).unwrap_or(&Cell::Empty);
                let text = cell.text().trim().to_string();
                if text.is_empty() {
                    empty += 1;
                } else {
                    values.push((i, cell, text));
                }
            }
            let pairs: Vec<(&Cell, String)> = values.iter().map(|(_, c, t)| (*c, t.clone())).collect();
            let check = check_of(&name, &pairs, today);
            let failing: Vec<Failing> = match check {
                None => Vec::new(),
                Some(k) => values
                    .iter()
                    .filter(|(_, cell, t)| !passes(k, cell, t, today))
                    .map(|(i, _, t)| Failing { row: first_row + *i as u64, value: mask(t) })
                    .collect(),
            };
            ColumnQuality {
                column: name,
                empty,
                empty_rate: if rows.is_empty() { 0.0 } else { empty as f64 / rows.len() as f64 },
                check,
                failing_count: failing.len(),
                failing: failing.into_iter().take(SHOWN).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell<'static> {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string().into())
        }
    }

    #[test]
    fn empty_rates_and_failing_values_with_their_rows_masked() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let header: Vec<String> =
            ["姓名", "身份证号", "统一社会信用代码", "登记日期", "备注", "编号"].map(String::from).to_vec();
        let rows: Vec<Vec<Cell>> = [
            ["王一", "11010519491231002X", "91350100M000100Y43", "2026-03-01", "", "11010519491231002X"],
            ["李二", "110105194912310021", "913501001234567890", "2026-13-01", "", "110105194912310021"],
            ["", "", "91350100M000100Y43", "2026年3月2日", "已核", "11010519491231002X"],
            ["赵四", "12345", "", "昨天", "", "11010519491231002X"],
        ]
        .iter()
        .map(|r| r.iter().map(|v| t(v)).collect())
        .collect();
        let q = columns(&header, &rows, 2, today);
        let by = |n: &str| q.iter().find(|c| c.column == n).unwrap();
        assert_eq!((by("姓名").empty, by("姓名").empty_rate, by("姓名").check), (1, 0.25, None));
        let id = by("身份证号");
        assert_eq!((id.check, id.failing_count), (Some(Check::CitizenId), 2));
        assert_eq!(id.failing.iter().map(|f| f.row).collect::<Vec<_>>(), [3, 5], "rows as in the sheet");
        assert_eq!(id.failing[0].value, "1101***********021", "masked");
        assert!(id.failing.iter().all(|f| !f.value.contains("19491231")), "no birth date shown");
        let code = by("统一社会信用代码");
        assert_eq!((code.check, code.failing_count, code.failing[0].row), (Some(Check::Uscc), 1, 3));
        let date = by("登记日期");
        assert_eq!((date.check, date.failing_count), (Some(Check::Date), 2));
        assert_eq!(date.failing.iter().map(|f| f.row).collect::<Vec<_>>(), [3, 5]);
        assert_eq!((by("备注").empty, by("备注").check), (3, None));
        // A column named for nothing, held to the check most of its values pass.
        assert_eq!((by("编号").check, by("编号").failing_count), (Some(Check::CitizenId), 1));
    }

    #[test]
    fn masking_keeps_only_the_ends() {
        assert_eq!(mask("13800000001"), "13********1");
        assert_eq!(mask("昨天"), "**");
        assert_eq!(mask("12345"), "1***5");
    }
}
