//! Finding the header of a hand-made sheet by its content: title and blank rows above it,
//! `*` markers, hints, line breaks, full-width text, and two-level headers whose group cells
//! (共享属性 over 共享类型 / 共享条件 / 共享方式) were merged across the columns below.

use std::collections::HashSet;

use super::cell::Cell;
use super::columns::columns;
use super::source::Row;

/// A person's corrections to the header mapping: which row is the header, and which field a
/// column holds (by its header text or its letter; `field: null` or `"ignore"` ignores the
/// column, `"note"` keeps its text in 备注 as for an unknown column). Saved as JSON and reused
/// for the next workbook of the same layout.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Mapping {
    /// 1-based header row, when the detection picked the wrong one or found none.
    pub header_row: Option<u32>,
    pub columns: Vec<ColumnRule>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ColumnRule {
    /// The header as shown (`共享属性/共享类型`, `经办人`) or the column letter (`H`).
    pub column: String,
    /// A field key (`notes`, `item.data_type` …), [`IGNORE`] or [`NOTE`]; `null` ignores too.
    pub field: Option<String>,
}

impl Mapping {
    /// Checks every field key names a column Mulu knows.
    pub fn validate(&self) -> crate::Result<()> {
        for r in &self.columns {
            if let Some(f) = r.field.as_deref().filter(|f| *f != IGNORE && *f != NOTE) {
                if columns().spec(f).is_none() {
                    let known: Vec<&str> = columns().specs.iter().map(|s| s.key.as_str()).collect();
                    return Err(crate::Error::invalid("mapping", f, &known.join(", ")));
                }
            }
        }
        Ok(())
    }

    /// Applies the column rules to a detected header. Later rules win: a column named twice
    /// takes its last rule, and a field given to two columns stays with the later choice.
    pub fn apply(&self, h: &mut Header) {
        let rule_of = |c: &HeaderColumn| {
            let letter = super::source::column_letter(c.col);
            let key = super::columns::header_key(&c.text);
            self.columns
                .iter()
                .rposition(|r| r.column.eq_ignore_ascii_case(&letter) || super::columns::header_key(&r.column) == key)
        };
        let ruled: Vec<Option<usize>> = h.columns.iter().map(rule_of).collect();
        for (c, rule) in h.columns.iter_mut().zip(&ruled) {
            let Some(rule) = rule.map(|i| &self.columns[i]) else { continue };
            // Ignoring is a choice, unlike an unknown column (whose text goes to the notes).
            c.key = match rule.field.as_deref() {
                Some(NOTE) => None,
                Some(k) => Some(k.to_string()),
                None => Some(IGNORE.to_string()),
            };
            c.spec = c.key.as_deref().and_then(|k| columns().index(k)).map(|i| i as u8);
        }
        // A field moved onto one column leaves any other column that claimed it: ruled columns
        // first, the latest rule first, then the detected ones in sheet order.
        let mut order: Vec<usize> = (0..h.columns.len()).collect();
        order.sort_by_key(|&i| (ruled[i].is_none(), std::cmp::Reverse(ruled[i])));
        let mut seen = HashSet::new();
        for i in order {
            if let Some(k) = h.columns[i].key.clone() {
                if !seen.insert(k) {
                    h.columns[i].key = None;
                    h.columns[i].spec = None;
                }
            }
        }
    }

    /// The mapping a sheet was read with, from its report, to save and reuse.
    pub fn from_report(r: &super::report::SheetReport) -> Self {
        Mapping {
            header_row: r.header_rows.last().copied(),
            columns: r
                .columns
                .iter()
                .filter(|c| c.field.is_some())
                .map(|c| ColumnRule { column: c.header.clone(), field: c.field.clone().filter(|k| k != IGNORE) })
                .collect(),
        }
    }

    /// The mapping that reproduces a header as read, to save and reuse.
    pub fn from_header(h: &Header) -> Self {
        Mapping {
            header_row: h.rows.last().map(|r| r + 1),
            columns: h
                .columns
                .iter()
                .filter(|c| c.key.is_some())
                .map(|c| ColumnRule { column: c.text.clone(), field: c.key.clone().filter(|k| k != IGNORE) })
                .collect(),
        }
    }
}

/// The key of a column the person chose to ignore.
pub const IGNORE: &str = "ignore";
/// A rule's field for a column whose text the person keeps in 备注, even if Mulu knows its header.
pub const NOTE: &str = "note";

impl Mapping {
    /// Reads a saved mapping (JSON), checked.
    pub fn load(path: &std::path::Path) -> crate::Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| crate::Error::io(path, e))?;
        let m: Mapping = serde_json::from_str(&text)
            .map_err(|_| crate::Error::invalid("mapping", &path.display().to_string(), "JSON"))?;
        m.validate()?;
        Ok(m)
    }

    /// Saves the mapping as JSON, whole or not at all.
    pub fn save(&self, path: &std::path::Path) -> crate::Result<()> {
        let text = serde_json::to_string_pretty(self)?;
        crate::fsutil::atomic_write(path, |tmp| std::fs::write(tmp, &text).map_err(|e| crate::Error::io(path, e)))
    }
}

/// The header at a given 0-based row, mapped by the synonyms.
pub fn at_row(rows: &[Row], row: u32) -> Option<Header> {
    let r = rows.iter().find(|r| r.0 == row)?;
    let t = texts(r);
    Some(Header::new(vec![row], map(&t, None)))
}

/// The header an import reads: the mapping's row; else the one Mulu recognises; else, when the
/// person gave a mapping (they saw the header-mapping screen's guess), the fullest row.
pub fn find(rows: &[Row], mapping: Option<&Mapping>) -> Option<Header> {
    match mapping.and_then(|m| m.header_row) {
        Some(r) => at_row(rows, r.saturating_sub(1)),
        None => detect(rows).or_else(|| mapping.and_then(|_| fullest(rows))),
    }
}

/// The best guess when no row names two fields: the row with the most cells (the first of equals).
pub fn fullest(rows: &[Row]) -> Option<Header> {
    let best = rows.iter().max_by_key(|(r, cells)| (cells.len(), std::cmp::Reverse(*r)))?;
    at_row(rows, best.0)
}

pub use super::limits::SEARCH_ROWS;

/// A sheet's header: its rows (0-based) and, per column, the header text and the field it maps.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub rows: Vec<u32>,
    pub columns: Vec<HeaderColumn>,
    /// Column number → index in `columns`, for a lookup per cell without a search.
    by_col: Vec<Option<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeaderColumn {
    pub col: u32,
    /// As shown to the person: `共享属性/共享类型` for a two-level header.
    pub text: String,
    pub key: Option<String>,
    /// The key's index in `columns().specs`.
    pub spec: Option<u8>,
}

impl Header {
    pub fn new(rows: Vec<u32>, columns: Vec<HeaderColumn>) -> Self {
        let width = columns.iter().map(|c| c.col as usize + 1).max().unwrap_or(0);
        let mut by_col = vec![None; width];
        for (i, c) in columns.iter().enumerate() {
            by_col[c.col as usize] = Some(i);
        }
        Header { rows, columns, by_col }
    }

    /// Index in `columns` of a column number.
    pub fn index_of(&self, col: u32) -> Option<usize> {
        self.by_col.get(col as usize).copied().flatten()
    }

    pub fn column(&self, col: u32) -> Option<&HeaderColumn> {
        self.by_col.get(col as usize).copied().flatten().map(|i| &self.columns[i])
    }

    /// The column mapped to `key`.
    pub fn col_of(&self, key: &str) -> Option<&HeaderColumn> {
        self.columns.iter().find(|c| c.key.as_deref() == Some(key))
    }

    pub fn last_row(&self) -> u32 {
        self.rows.iter().copied().max().unwrap_or(0)
    }
    pub fn key_of(&self, col: u32) -> Option<&str> {
        self.column(col).and_then(|c| c.key.as_deref())
    }
    pub fn has(&self, key: &str) -> bool {
        self.columns.iter().any(|c| c.key.as_deref() == Some(key))
    }
}

fn texts(row: &Row) -> Vec<(u32, String)> {
    row.1
        .iter()
        .filter_map(|(c, v)| match v {
            Cell::Text(s) => Some((*c, s.to_string())),
            Cell::Empty | Cell::Error(_) => None,
            other => Some((*c, other.text().into_owned())),
        })
        .collect()
}

/// Maps one header row, or a pair (group row above, column row below).
fn map(top: &[(u32, String)], bottom: Option<&[(u32, String)]>) -> Vec<HeaderColumn> {
    let cols = columns();
    let mut all: Vec<u32> = top.iter().map(|c| c.0).collect();
    if let Some(b) = bottom {
        all.extend(b.iter().map(|c| c.0));
    }
    all.sort_unstable();
    all.dedup();
    fn get(row: &[(u32, String)], c: u32) -> Option<&str> {
        row.iter().find(|x| x.0 == c).map(|x| x.1.as_str())
    }
    let mut out = Vec::with_capacity(all.len());
    let mut group: Option<&str> = None;
    let mut seen = HashSet::new();
    for c in all {
        let t = get(top, c);
        let b = bottom.and_then(|b| get(b, c));
        // A group label carries right across the empty cells of its merged span.
        match (t, b) {
            (Some(t), _) => group = Some(t),
            (None, None) => group = None,
            (None, Some(_)) => {}
        }
        let (text, spec) = match b {
            Some(b) => {
                let g = group.filter(|g| Some(*g) != Some(b));
                let text = match g {
                    Some(g) => format!("{g}/{b}"),
                    None => b.to_string(),
                };
                (text, cols.find(g, b))
            }
            None => (t.unwrap_or_default().to_string(), t.and_then(|t| cols.find(None, t))),
        };
        // A field is taken by its first column; a repeat is kept as an unknown column (notes).
        let key = spec.map(|s| s.key.clone()).filter(|k| seen.insert(k.clone()));
        let spec = key.as_deref().and_then(|k| cols.index(k)).map(|i| i as u8);
        out.push(HeaderColumn { col: c, text: crate::text::clean_line(&text), key, spec });
    }
    out
}

fn score(cols: &[HeaderColumn]) -> usize {
    cols.iter().filter(|c| c.key.is_some()).count()
}

/// Finds the header among the first rows of a sheet, or `None` when no row names two fields.
pub fn detect(rows: &[Row]) -> Option<Header> {
    let t: Vec<Vec<(u32, String)>> = rows.iter().map(texts).collect();
    let singles: Vec<usize> = t.iter().map(|r| score(&map(r, None))).collect();
    let (best, &best_score) = singles.iter().enumerate().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    let mut choice = (vec![best], map(&t[best], None));
    let mut choice_score = best_score;
    // A two-level header: the best row with the row below it, or with the row above it.
    for (top, bottom) in [(best, best + 1), (best.wrapping_sub(1), best)] {
        if top >= t.len() || bottom >= t.len() || rows[bottom].0 != rows[top].0 + 1 {
            continue;
        }
        let cols = map(&t[top], Some(&t[bottom]));
        let s = score(&cols);
        let has_group = t[top].iter().any(|(_, x)| columns().is_group(x));
        if s > choice_score || (s == choice_score && has_group && s > 0) {
            choice = (vec![top, bottom], cols);
            choice_score = s;
        }
    }
    if choice_score < 2 {
        return None;
    }
    Some(Header::new(choice.0.iter().map(|&i| rows[i].0).collect(), choice.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(r: u32, cells: &[(u32, &str)]) -> Row<'static> {
        (r, cells.iter().map(|(c, s)| (*c, Cell::Text(s.to_string().into()))).collect())
    }

    #[test]
    fn finds_the_header_below_a_title() {
        let rows = vec![
            row(0, &[(0, "青岩镇政务数据资源目录（2025年）")]),
            row(2, &[(0, "序号"), (1, "*信息资源\n名称"), (2, "资源代码（必填）"), (3, "更新频率"), (4, "经办人")]),
            row(3, &[(0, "1"), (1, "户籍人口"), (2, "352111009/000001")]),
        ];
        let h = detect(&rows).unwrap();
        assert_eq!(h.rows, vec![2]);
        let keys: Vec<Option<&str>> = h.columns.iter().map(|c| c.key.as_deref()).collect();
        assert_eq!(keys, [Some("seq"), Some("name"), Some("code"), Some("update_cycle"), None]);
        assert_eq!(h.columns[1].text, "*信息资源名称");
    }

    #[test]
    fn two_level_headers_join_group_and_column() {
        let rows = vec![
            row(0, &[(0, "信息资源名称"), (1, "共享属性"), (4, "开放属性"), (6, "信息项信息")]),
            row(
                1,
                &[
                    (1, "共享类型"),
                    (2, "共享条件"),
                    (3, "共享方式"),
                    (4, "是否向社会开放"),
                    (5, "开放条件"),
                    (6, "名称"),
                    (7, "类型"),
                ],
            ),
            row(2, &[(0, "低保名册"), (1, "有条件")]),
        ];
        let h = detect(&rows).unwrap();
        assert_eq!(h.rows, vec![0, 1]);
        let keys: Vec<Option<&str>> = h.columns.iter().map(|c| c.key.as_deref()).collect();
        assert_eq!(
            keys,
            [
                Some("name"),
                Some("sharing.type"),
                Some("sharing.condition"),
                Some("sharing.method"),
                Some("open.type"),
                Some("open.condition"),
                Some("item.name"),
                Some("item.data_type")
            ]
        );
        assert_eq!(h.columns[1].text, "共享属性/共享类型");
    }

    #[test]
    fn with_a_mapping_an_unrecognised_header_is_read_from_the_fullest_row() {
        let rows = vec![row(0, &[(0, "2025年清单")]), row(2, &[(0, "数据名"), (1, "编码"), (2, "负责人")])];
        assert_eq!(find(&rows, None), None, "without the person's word, no guess");
        let m = Mapping {
            columns: vec![ColumnRule { column: "数据名".into(), field: Some("name".into()) }],
            ..Default::default()
        };
        let mut h = find(&rows, Some(&m)).unwrap();
        assert_eq!(h.rows, [2]);
        m.apply(&mut h);
        assert_eq!(h.col_of("name").map(|c| c.col), Some(0));
        let at_title = Mapping { header_row: Some(1), ..Default::default() };
        assert_eq!(find(&rows, Some(&at_title)).unwrap().columns.len(), 1, "the person's row wins");
    }

    #[test]
    fn no_header_in_a_sheet_of_prose() {
        let rows = vec![row(0, &[(0, "填表说明")]), row(1, &[(0, "1. 每个资源填写一行。")])];
        assert_eq!(detect(&rows), None);
    }
}
