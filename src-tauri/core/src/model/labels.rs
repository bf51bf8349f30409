//! Labels of the keys that name a value without being a field of the resource form: a combined
//! spreadsheet column, a data item's part, a questionnaire answer, the secrecy review. Every key
//! a finding, an import, an error or the change log can carry has a label in both languages, so
//! no key (`format`, `item.is_personal`) ever reaches the person; the tests below walk them all.

use super::fields::FieldSpec;

const fn f(key: &'static str, zh: &'static str, en: &'static str) -> FieldSpec {
    FieldSpec { key, zh, en, required: false }
}

/// The keys that are not form fields, with their labels.
pub const OTHER_FIELDS: &[FieldSpec] = &[
    f("seq", "序号", "No."),
    f("classification.class", "信息资源分类：类", "Classification: class"),
    f("classification.item", "信息资源分类：项", "Classification: item"),
    f("classification.category", "信息资源分类：目", "Classification: category"),
    f("classification.subcategory", "信息资源分类：细目", "Classification: subcategory"),
    f("format", "信息资源格式", "Resource format"),
    f("sharing", "共享属性", "Sharing attributes"),
    f("open", "开放属性", "Open attributes"),
    f("sharing.method", "共享方式", "Sharing method"),
    f("item.seq", "信息项序号", "Data item No."),
    f("item.name", "信息项名称", "Data item name"),
    f("item.data_type", "信息项数据类型", "Data item type"),
    f("item.length", "信息项长度", "Data item length"),
    f("item.is_identifier", "信息项是否标识", "Data item is an identifier"),
    f("item.is_personal", "信息项是否个人信息", "Data item is personal information"),
    f("item.description", "信息项说明", "Data item description"),
    f("grading", "定级依据", "Grading record"),
    f("grading.state_secret", "定级：是否定密", "Grading: determined a state secret"),
    f("grading.legal_restriction", "定级：法律法规限制使用", "Grading: use restricted by law"),
    f("grading.personal_or_commercial", "定级：含个人信息或商业秘密", "Grading: personal or commercial secrets"),
    f("grading.already_public", "定级：已公开", "Grading: already published"),
    f("grading.basis", "定级：限制依据", "Grading: basis of the restriction"),
    f("grading.suggested", "定级：建议级别", "Grading: suggested grade"),
    f("grading.reason", "定级理由", "Grading: reason"),
    f("grading.unconfirmed", "定级：待确认", "Grading: to confirm"),
    f("secrecy_review", "保密审查", "Secrecy review"),
    f("secrecy_review.reviewer", "保密审查人", "Secrecy reviewer"),
    f("secrecy_review.at", "保密审查时间", "Secrecy review time"),
    f("uscc", "统一社会信用代码", "Unified social credit code"),
    f("rule", "规则编号", "Rule id"),
    f("mapping", "表头对应", "Column mapping"),
];

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
        let mut keys: Vec<String> = RESOURCE_FIELDS.iter().chain(OTHER_FIELDS).map(|s| s.key.to_string()).collect();
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
