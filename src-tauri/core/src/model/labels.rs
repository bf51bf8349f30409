//! Labels of the keys that name a value without being a field of the resource form: a combined
//! spreadsheet column, a data item's part, a questionnaire answer, the secrecy review. Every key
//! a finding, an import, an error or the change log can carry has a label in both languages, so
//! no key (`format`, `item.is_personal`) ever reaches the person; the tests below walk them all.

use std::sync::LazyLock;

use super::fields::FieldSpec;
use super::registry::{registry, Level};

/// Keys that are no field of the registry: parts of a field, groups of fields, and the other
/// keys a finding or a mapping names.
const PARTS: &[(&str, &str, &str)] = &[
    ("classification.class", "信息资源分类：类", "Classification: class"),
    ("classification.item", "信息资源分类：项", "Classification: item"),
    ("classification.category", "信息资源分类：目", "Classification: category"),
    ("classification.subcategory", "信息资源分类：细目", "Classification: subcategory"),
    ("sharing", "共享属性", "Sharing attributes"),
    ("open", "开放属性", "Open attributes"),
    ("grading", "定级依据", "Grading record"),
    ("grading.unconfirmed", "定级：待确认", "Grading: to confirm"),
    ("secrecy_review", "保密审查", "Secrecy review"),
    ("uscc", "统一社会信用代码", "Unified social credit code"),
    ("rule", "规则编号", "Rule id"),
    ("mapping", "表头对应", "Column mapping"),
    ("correction.from", "校核请求人", "Correction requested by"),
    ("correction.text", "校核内容", "Correction requested"),
    ("correction.answer", "校核答复", "Answer to the correction request"),
    ("maintenance.year", "全面维护年度", "Maintenance year"),
    ("maintenance.operator", "确认人", "Confirmed by"),
];

/// The keys that are not form fields, with their labels: the registry's other resource and
/// item fields (a combined column, an item's part, a questionnaire answer…), then [`PARTS`].
pub static OTHER_FIELDS: LazyLock<Vec<FieldSpec>> = LazyLock::new(|| {
    let fields = registry().fields.iter().filter(|d| d.level != Level::Agency && d.form.is_none()).map(|d| d.spec());
    let parts = PARTS.iter().map(|(key, zh, en)| FieldSpec {
        key: key.to_string(),
        zh: zh.to_string(),
        en: en.to_string(),
        required: false,
        recommended: false,
        help_zh: String::new(),
        help_en: String::new(),
        domain: None,
    });
    fields.chain(parts).collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::fields::{label, AGENCY_FIELDS, RESOURCE_FIELDS};
    use crate::sheets::roles::{skip_reason, Role, SKIP_REASONS};

    fn has_chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// A Chinese label holds no English word (a key leaking through); the units GB and No. of
    /// the English side are upper case and never appear in Chinese labels either.
    fn assert_labelled(key: &str, zh: &str, en: &str) {
        assert!(zh != key && has_chinese(zh), "{key}: no Chinese label ({zh})");
        assert!(!zh.chars().any(|c| c.is_ascii_lowercase()), "{key}: English in the Chinese label {zh}");
        assert!(en != key && !en.trim().is_empty() && !has_chinese(en), "{key}: no English label ({en})");
    }

    #[test]
    fn every_field_key_has_a_label_in_both_languages() {
        let mut keys: Vec<String> =
            RESOURCE_FIELDS.iter().chain(OTHER_FIELDS.iter()).map(|s| s.key.to_string()).collect();
        keys.extend(AGENCY_FIELDS.iter().map(|s| format!("agency.{}", s.key)));
        // Every column the importer maps, and every member of a stored resource the change log
        // can name (the JSON of a resource with every part filled in).
        keys.extend(crate::sheets::columns::columns().specs.iter().map(|c| c.key.clone()));
        let mut r = crate::sample::resource();
        r.grading =
            Some(crate::model::Grading { unconfirmed: Some(crate::model::GradeOrigin::Import), ..Default::default() });
        r.secrecy_review = Some(Default::default());
        r.derive_classification();
        assert!(r.classification.is_some());
        let json = serde_json::to_value(&r).unwrap();
        let mut paths = Vec::new();
        walk(&json, "", &mut paths);
        keys.extend(paths);
        for key in &keys {
            assert_labelled(key, label(key, Lang::Zh), label(key, Lang::En));
        }
    }

    /// Dotted paths of the members of `v`, arrays left out (items and related codes are named
    /// by their own labels with a number).
    fn walk(v: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
        if let serde_json::Value::Object(m) = v {
            for (k, child) in m {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                match child {
                    serde_json::Value::Object(_) => {
                        out.push(key.clone());
                        walk(child, &key, out);
                    }
                    _ => out.push(key),
                }
            }
        }
    }

    #[test]
    fn every_sheet_role_and_skip_reason_has_a_label_in_both_languages() {
        for role in Role::ALL {
            let key = format!("{role:?}").to_lowercase();
            assert_labelled(&key, role.label(Lang::Zh), role.label(Lang::En));
        }
        for key in SKIP_REASONS {
            assert_labelled(key, skip_reason(key, Lang::Zh), skip_reason(key, Lang::En));
        }
        let zh: Vec<&str> = Role::ALL.iter().map(|r| r.label(Lang::Zh)).collect();
        assert!(zh.iter().enumerate().all(|(i, l)| !zh[..i].contains(l)), "each role its own label: {zh:?}");
    }
}
