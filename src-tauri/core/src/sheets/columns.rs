//! Spreadsheet columns and their header synonyms: the fields of the registry
//! (`data/fields.toml`) that have headers, and the group and instruction words of
//! `data/columns.toml`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

pub use crate::model::registry::Level;
use crate::model::registry::{registry, Registry};

/// A field the importer recognises by its headers.
#[derive(Debug, Clone)]
pub struct ColumnSpec {
    pub key: String,
    pub level: Level,
    /// The first is the header Mulu writes.
    pub headers: Vec<String>,
}

impl ColumnSpec {
    pub fn header(&self) -> &str {
        &self.headers[0]
    }
}

#[derive(Deserialize)]
struct Groups {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Instructions {
    sheet_words: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    groups: Groups,
    instructions: Instructions,
}

#[derive(Clone)]
pub struct Columns {
    pub specs: Vec<ColumnSpec>,
    by_key: HashMap<String, usize>,
    by_header: HashMap<String, usize>,
    groups: Vec<String>,
    instruction_words: Vec<String>,
}

const COLUMNS_TOML: &str = include_str!("../../data/columns.toml");

pub fn columns() -> &'static Columns {
    static C: OnceLock<Columns> = OnceLock::new();
    C.get_or_init(|| Columns::new(registry()))
}

/// The columns of `reg`: the shared ones for Mulu's own registry, built anew for another (a
/// test's extended copy).
pub fn columns_of(reg: &Registry) -> std::borrow::Cow<'static, Columns> {
    if std::ptr::eq(reg, registry()) {
        std::borrow::Cow::Borrowed(columns())
    } else {
        std::borrow::Cow::Owned(Columns::new(reg))
    }
}

impl Columns {
    /// The columns of `reg`'s fields that have headers, in its order.
    pub fn new(reg: &Registry) -> Columns {
        let f: File = toml::from_str(COLUMNS_TOML).expect("data/columns.toml is valid");
        let specs: Vec<ColumnSpec> = reg
            .fields
            .iter()
            .filter(|d| !d.headers.is_empty())
            .map(|d| ColumnSpec { key: d.key.clone(), level: d.level, headers: d.headers.clone() })
            .collect();
        let mut by_header = HashMap::new();
        for (i, c) in specs.iter().enumerate() {
            for h in &c.headers {
                by_header.entry(header_key(h)).or_insert(i);
            }
        }
        let by_key = specs.iter().enumerate().map(|(i, c)| (c.key.clone(), i)).collect();
        Columns {
            by_key,
            specs,
            by_header,
            groups: f.groups.words.iter().map(|w| header_key(w)).collect(),
            instruction_words: f.instructions.sheet_words.iter().map(|w| header_key(w)).collect(),
        }
    }
}

/// A header as compared: NFC, half-width, lower-case, without spaces, line breaks, `*`/`＊`
/// required markers or bracketed hints such as `（必填）` / `(选填)`.
pub fn header_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let half = crate::text::half_width(s);
    let chars: Vec<char> = half.nfc().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '(' | '（' | '[' | '【' => {
                // Only hints are dropped; a bracket that is part of the name — 数据量（条） — stays.
                let close = chars[i + 1..].iter().position(|&x| matches!(x, ')' | '）' | ']' | '】'));
                let inner: String = match close {
                    Some(n) => chars[i + 1..i + 1 + n].iter().collect(),
                    None => String::new(),
                };
                if ["必填", "选填", "可选", "必选", "非必填", "必须", "可不填"].iter().any(|h| inner.contains(h))
                {
                    i += close.map(|n| n + 2).unwrap_or(chars.len());
                    continue;
                }
                out.push('(');
            }
            ')' | '）' | ']' | '】' => out.push(')'),
            '*' | '＊' => {}
            c if c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' => {}
            c => out.extend(c.to_lowercase()),
        }
        i += 1;
    }
    out
}

impl Columns {
    /// The column a header names, trying "group/column" first, then the column alone.
    pub fn find(&self, group: Option<&str>, header: &str) -> Option<&ColumnSpec> {
        let h = header_key(header);
        if h.is_empty() {
            return None;
        }
        if let Some(g) = group.map(header_key).filter(|g| !g.is_empty() && *g != h) {
            if let Some(&i) = self.by_header.get(&format!("{g}/{h}")) {
                return Some(&self.specs[i]);
            }
        }
        self.by_header.get(&h).map(|&i| &self.specs[i])
    }

    pub fn is_group(&self, text: &str) -> bool {
        let k = header_key(text);
        self.groups.contains(&k)
    }

    pub fn is_instruction_sheet(&self, name: &str) -> bool {
        let k = header_key(name);
        self.instruction_words.iter().any(|w| k.contains(w.as_str()))
    }

    /// The index of a field key in `specs`.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn spec(&self, key: &str) -> Option<&ColumnSpec> {
        self.specs.iter().find(|c| c.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_through_markers_hints_and_width() {
        let c = columns();
        for h in ["*信息资源名称", "信息资源\n名称（必填）", "＊资源名称", " 资源 名称 ", "信息资源名称(必填)"]
        {
            assert_eq!(c.find(None, h).map(|s| s.key.as_str()), Some("name"), "{h:?}");
        }
        assert_eq!(c.find(None, "数据量（条）").map(|s| s.key.as_str()), Some("record_count"));
        assert_eq!(c.find(None, "数据量(GB)").map(|s| s.key.as_str()), Some("data_volume_gb"));
        assert_eq!(c.find(Some("共享属性"), "共享类型").map(|s| s.key.as_str()), Some("sharing.type"));
        assert_eq!(
            c.find(Some("共享方式"), "类型").map(|s| s.key.as_str()),
            Some("sharing.method.type"),
            "the group decides"
        );
        assert_eq!(
            c.find(Some("信息项信息"), "类型").map(|s| s.key.as_str()),
            Some("item.data_type"),
            "else the column alone"
        );
        assert!(c.find(None, "经办人签字").is_none());
        assert!(c.is_group("共享属性") && !c.is_group("共享类型"));
        assert!(c.is_instruction_sheet("填表说明") && !c.is_instruction_sheet("资源目录"));
    }

    #[test]
    fn columns_fit_in_a_bitset() {
        assert!(columns().specs.len() <= 64, "Imported::present is a u64 bitset over the columns");
    }

    #[test]
    fn every_header_is_claimed_once() {
        let c = columns();
        for spec in &c.specs {
            for h in &spec.headers {
                assert_eq!(
                    c.find(None, h).map(|s| s.key.as_str()),
                    Some(spec.key.as_str()),
                    "{h} is claimed by another column"
                );
            }
        }
    }
}
