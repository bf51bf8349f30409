//! 信息资源代码: `前段码/后段码` (domain.md §3.2), e.g. `352111009/000017`.

use crate::model::Classification;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceCode<'a> {
    /// 类 (1 digit, 1–3).
    pub class: &'a str,
    /// 项 (2 digits).
    pub item: &'a str,
    /// 目 (3 digits).
    pub category: &'a str,
    /// 细目 (0..n digits).
    pub subcategory: &'a str,
    /// 顺序码.
    pub sequence: &'a str,
}

/// 项 allowed under 类 1 (base) and 2 (thematic); 类 3 items are assigned locally.
pub const BASE_ITEMS: &[&str] = &["01", "02", "03", "04", "05"];
pub const THEME_ITEMS: &[&str] = &["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];

impl<'a> ResourceCode<'a> {
    /// Parses `^[1-3][0-9]{2}[0-9]{3}[0-9]*/[0-9]+$`.
    pub fn parse(s: &'a str) -> Option<Self> {
        let (front, seq) = s.split_once('/')?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if front.len() < 6 || !digits(front) || !digits(seq) || !matches!(&front[..1], "1" | "2" | "3") {
            return None;
        }
        Some(ResourceCode {
            class: &front[..1],
            item: &front[1..3],
            category: &front[3..6],
            subcategory: &front[6..],
            sequence: seq,
        })
    }

    /// For 类 1 and 2 the 项 must be in the national table.
    pub fn item_allowed(&self) -> bool {
        match self.class {
            "1" => BASE_ITEMS.contains(&self.item),
            "2" => THEME_ITEMS.contains(&self.item),
            _ => true,
        }
    }

    pub fn classification(&self) -> Classification {
        Classification {
            class: Some(self.class.into()),
            item: Some(self.item.into()),
            category: Some(self.category.into()),
            subcategory: (!self.subcategory.is_empty()).then(|| self.subcategory.into()),
        }
    }
}

/// Whether a prefix (前段码) is well formed: 类 项 目 and optional 细目, digits only.
pub fn prefix_valid(prefix: &str) -> bool {
    ResourceCode::parse(&format!("{prefix}/0")).is_some()
}

/// The next code under `prefix`: one more than the highest sequence already used there,
/// six digits, zero-padded.
pub fn next_code<'a>(prefix: &str, existing: impl IntoIterator<Item = &'a str>) -> String {
    let max = existing
        .into_iter()
        .filter_map(|c| c.split_once('/'))
        .filter(|(front, _)| *front == prefix)
        .filter_map(|(_, seq)| seq.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}/{:06}", max + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_worked_example() {
        let c = ResourceCode::parse("352111009/000017").unwrap();
        assert_eq!((c.class, c.item, c.category, c.subcategory, c.sequence), ("3", "52", "111", "009", "000017"));
        assert!(ResourceCode::parse("352111/1").is_some(), "细目 is optional");
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in ["452111009/000001", "35211/000001", "352111009000001", "352111009/", "35a111009/1", "/1", ""] {
            assert!(ResourceCode::parse(bad).is_none(), "{bad} must be rejected");
        }
    }

    #[test]
    fn items_of_base_and_thematic_classes_are_checked() {
        assert!(ResourceCode::parse("101001/1").unwrap().item_allowed());
        assert!(!ResourceCode::parse("106001/1").unwrap().item_allowed());
        assert!(ResourceCode::parse("212001/1").unwrap().item_allowed());
        assert!(!ResourceCode::parse("213001/1").unwrap().item_allowed());
        assert!(ResourceCode::parse("399001/1").unwrap().item_allowed());
    }

    #[test]
    fn next_code_follows_the_highest_sequence_under_the_prefix() {
        let existing = ["352111009/000002", "352111009/000017", "352111010/000099", "bad"];
        assert_eq!(next_code("352111009", existing), "352111009/000018");
        assert_eq!(next_code("352111011", existing), "352111011/000001");
    }
}
