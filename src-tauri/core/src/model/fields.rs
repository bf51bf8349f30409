//! Fields by key: one table that names every editable element, with its labels, and one setter
//! that turns typed text into the stored value. The CLI flags, the app's forms and the
//! spreadsheet importer all go through [`set`], so every path normalises the same way.

use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::domain::{self, Coded, Domain, FormatClass, MethodClass};
use super::registry::{registry, FieldDef, Registry, Stored};
use super::{Agency, Classification, DataItem, Resource, SecrecyReview};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::text::{clean, clean_code, clean_line, match_key, opt};

/// A field as the UI and the labels receive it, from its registry entry (`data/fields.toml`).
#[derive(Debug, Clone, Serialize, TS)]
pub struct FieldSpec {
    pub key: String,
    pub zh: String,
    pub en: String,
    /// Required by the national guide or the Guiyang measures.
    pub required: bool,
    /// Recommended: the rules remind when it is empty.
    pub recommended: bool,
    /// The form's help under the field.
    pub help_zh: String,
    pub help_en: String,
    /// The value domain the form offers (a member of `Domains`), if any.
    pub domain: Option<String>,
}

/// Resource fields in the form's order (the national guide's, then the Guiyang additions).
pub static RESOURCE_FIELDS: LazyLock<Vec<FieldSpec>> = LazyLock::new(|| form_specs(registry()));

/// The resource form's fields of `reg`, as the UI receives them (the `fields` command).
pub fn form_specs(reg: &Registry) -> Vec<FieldSpec> {
    reg.form().into_iter().map(FieldDef::spec).collect()
}

/// The agency profile's fields, in the order of the 机构信息 sheet.
pub static AGENCY_FIELDS: LazyLock<Vec<FieldSpec>> =
    LazyLock::new(|| registry().agency().map(FieldDef::spec).collect());

/// Fields that identify one resource (its name, its code and the classification derived from
/// the code) or hold a table (its items): never set to one value on several resources at once.
const NOT_BULK: &[&str] = &["name", "code", "classification", "items"];

/// The resource fields a bulk edit may set, in the form's order.
pub fn bulk_fields() -> impl Iterator<Item = &'static FieldSpec> {
    RESOURCE_FIELDS.iter().filter(|s| !NOT_BULK.contains(&s.key.as_str()))
}

pub fn spec(key: &str) -> Option<&'static FieldSpec> {
    RESOURCE_FIELDS.iter().find(|s| s.key == key)
}

/// The label of a field: a resource field's key, an agency field's as `agency.<key>`, or one
/// of the other keys a value can carry ([`super::labels::OTHER_FIELDS`]); the key itself only
/// for a key Mulu does not know (a test keeps every known key labelled).
pub fn label(key: &str, lang: Lang) -> &str {
    let found = match key.strip_prefix("agency.") {
        Some(k) => AGENCY_FIELDS.iter().find(|s| s.key == k),
        None => spec(key).or_else(|| super::labels::OTHER_FIELDS.iter().find(|s| s.key == key)),
    };
    match found {
        Some(s) => lang.pick(&s.zh, &s.en),
        None => key,
    }
}

/// Parses the dates officers write: `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`, `20260301`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let t = crate::text::half_width(&clean(s));
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(&t, "%Y%m%d").ok();
    }
    let t = t.trim_end_matches('日');
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).map(str::trim).collect();
    if parts.len() != 3 {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    let (y, m, d) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
    if parts[0].len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// 是 / 否 / Y / N / true / false / 1 / 0.
pub fn parse_bool(s: &str) -> Option<bool> {
    match match_key(s).as_str() {
        "是" | "y" | "yes" | "true" | "1" | "√" | "有" => Some(true),
        "否" | "n" | "no" | "false" | "0" | "×" | "无" | "" => Some(false),
        _ => None,
    }
}

/// Splits a cell of several codes on `;` `；` `,` `，` `、` and line breaks.
pub fn split_codes(s: &str) -> Vec<String> {
    s.split([';', '；', ',', '，', '、', '\n', '\r']).map(clean_code).filter(|c| !c.is_empty()).collect()
}

/// A format cell: `电子表格 xlsx`, `电子表格(xlsx)`, `电子表格/xlsx`, `xlsx` or `数据库`.
pub fn parse_format(s: &str) -> (Option<Coded<FormatClass>>, Option<String>) {
    let c = clean_line(s);
    if c.is_empty() {
        return (None, None);
    }
    let cut = c.find([' ', '(', '（', '/', '／', '-', '：', ':']);
    let (head, tail) = match cut {
        Some(i) => {
            let tail = c[i..].trim_matches(|ch: char| " ()（）/／-：:".contains(ch)).trim();
            (c[..i].trim(), opt(tail))
        }
        None => (c.as_str(), None),
    };
    if let Some(class) = FormatClass::parse(head) {
        return (Some(class.into()), tail);
    }
    // A bare type implies its class.
    if tail.is_none() {
        if let Some(class) = class_of_format_type(head) {
            return (Some(class.into()), Some(canonical_format_type(class, head)));
        }
    }
    (Some(Coded::Raw(c.clone())), None)
}

/// The class whose type list holds `t` (case-insensitive).
pub fn class_of_format_type(t: &str) -> Option<FormatClass> {
    let k = match_key(t);
    FormatClass::ALL.iter().copied().find(|cl| cl.entry().types.iter().any(|x| match_key(x) == k))
}

fn canonical_format_type(class: FormatClass, t: &str) -> String {
    let k = match_key(t);
    class.entry().types.iter().find(|x| match_key(x) == k).cloned().unwrap_or_else(|| t.to_string())
}

/// A sharing-method cell: `共享平台方式/接口`, `接口`, `API`, `共享平台`, `U盘` …
pub fn parse_method(s: &str) -> (Option<Coded<MethodClass>>, Option<String>) {
    let c = clean_line(s);
    if c.is_empty() {
        return (None, None);
    }
    let mut parts = c.splitn(2, ['/', '／', '-', '(', '（', ' ', '：', ':']);
    let head = parts.next().unwrap_or("").trim();
    let tail = parts.next().map(|t| t.trim_matches(|ch: char| " )）".contains(ch)).to_string());
    if let Some(class) = MethodClass::parse(head) {
        let kind = tail.as_deref().and_then(opt).map(|t| domain::method_type(&t).map(str::to_string).unwrap_or(t));
        return (Some(class.into()), kind);
    }
    if let Some(t) = domain::method_type(&c) {
        let class = MethodClass::ALL.iter().copied().find(|cl| cl.entry().types.iter().any(|x| x == t));
        return (class.map(Coded::Known), Some(t.to_string()));
    }
    (Some(Coded::Raw(c)), None)
}

fn parse_classification(s: &str) -> Option<Classification> {
    let c = clean_code(s);
    if c.is_empty() {
        return None;
    }
    let digits: String = c.chars().filter(|ch| ch.is_ascii_digit()).collect();
    if digits.len() >= 6 && c.chars().all(|ch| ch.is_ascii_digit() || "-./".contains(ch)) {
        if let Some(code) = crate::ids::code::ResourceCode::parse(&format!("{digits}/0")) {
            return Some(code.classification());
        }
    }
    Some(Classification { class: Some(clean_line(s)), ..Default::default() })
}

/// Sets one resource field from text. A blank value clears the field. Values outside their
/// domain are kept as written (the rules report them); only an unknown key or a value that
/// cannot be held at all (a bad yes/no) is an error.
pub fn set(r: &mut Resource, key: &str, value: &str) -> Result<()> {
    match key {
        "code" => {
            // A classification derived from the old code follows the new one; one set apart
            // is kept (and the rules report it if it contradicts the code).
            let derived = r.code.as_deref().and_then(crate::ids::code::ResourceCode::parse).map(|c| c.classification());
            if r.classification.is_some() && r.classification == derived {
                r.classification = None;
            }
            r.code = opt(&clean_code(value));
            if r.classification.is_none() {
                r.derive_classification();
            }
        }
        "name" => r.name = clean_line(value),
        "classification" => r.classification = parse_classification(value),
        "provider_name" => r.provider_name = opt(&clean_line(value)),
        "provider_code" => r.provider_code = opt(&clean_code(value).to_uppercase()),
        "abstract" => r.summary = opt(value),
        "format" => (r.format.class, r.format.kind) = parse_format(value),
        "format.class" => r.format.class = Coded::parse(&clean_line(value)),
        "format.type" => r.format.kind = opt(&clean_line(value)),
        "sensitivity" => {
            // A grade set by a person (a form, a flag, a bulk edit) is theirs: confirmed. The
            // importer marks what it read afterwards.
            r.sensitivity = Coded::parse(value);
            r.confirm_grade();
        }
        "sharing.type" => r.sharing.kind = Coded::parse(value),
        "sharing.condition" => r.sharing.condition = opt(value),
        "sharing.basis" => r.sharing.basis = opt(value),
        "sharing.method" => (r.sharing.method.class, r.sharing.method.kind) = parse_method(value),
        "sharing.method.class" => r.sharing.method.class = Coded::parse(value),
        "sharing.method.type" => {
            r.sharing.method.kind = opt(value).map(|t| domain::method_type(&t).map(str::to_string).unwrap_or(t))
        }
        "open.type" => {
            r.open.kind = Coded::parse(value);
            // 脱敏开放 says the data is desensitised: the flag Art. 9 reads (set, never cleared).
            if r.open_type() == Some(domain::OpenType::Conditional) && match_key(value).contains("脱敏") {
                r.open.declassified = true;
            }
        }
        "open.condition" => r.open.condition = opt(value),
        "open.basis" => r.open.basis = opt(value),
        "open.declassified" => {
            r.open.declassified = parse_bool(value).ok_or_else(|| Error::invalid(key, value, "是/否"))?
        }
        "open.method" => r.open.method = Coded::parse(value),
        "open.address" => r.open.address = opt(&clean_line(value)),
        "open.apply" => r.open.apply = opt(value),
        "update_cycle" => r.update_cycle = Coded::parse(value),
        "published_on" => r.published_on = opt(value).map(|v| parse_date(&v).map(|d| d.to_string()).unwrap_or(v)),
        "updated_on" => r.updated_on = opt(value).map(|v| parse_date(&v).map(|d| d.to_string()).unwrap_or(v)),
        "related_codes" => r.related_codes = split_codes(value),
        "source_business" => r.source_business = opt(&clean_line(value)),
        "source_system" => r.source_system = opt(&clean_line(value)),
        "usage_requirements" => r.usage_requirements = opt(value),
        "category" => r.category = opt(&clean_line(value)),
        "record_count" => r.record_count = opt(&clean_code(value)),
        "data_volume_gb" => r.data_volume_gb = opt(&clean_code(value)),
        "notes" => r.notes = opt(value),
        k if k.starts_with("grading.") => set_grading(r, k, value)?,
        "secrecy_review.reviewer" => set_review(r, |s| s.reviewer = clean_line(value)),
        "secrecy_review.at" => set_review(r, |s| s.at = clean(value)),
        k if registry().field(k).is_some_and(|d| d.stored == Stored::Extra) => set_extra(r, k, value),
        _ => return Err(Error::UnknownField { field: key.to_string() }),
    }
    Ok(())
}

/// Sets a registry-only text field (`stored = "extra"`); a blank value removes it.
pub fn set_extra(r: &mut Resource, key: &str, value: &str) {
    match opt(value) {
        Some(v) => r.extra.insert(key.to_string(), v),
        None => r.extra.remove(key),
    };
}

fn set_grading(r: &mut Resource, key: &str, value: &str) -> Result<()> {
    let g = r.grading.get_or_insert_with(Default::default);
    let yes_no = |v: &str| -> Result<Option<bool>> {
        if clean(v).is_empty() {
            return Ok(None);
        }
        parse_bool(v).map(Some).ok_or_else(|| Error::invalid(key, v, "是/否"))
    };
    match key {
        "grading.state_secret" => g.state_secret = yes_no(value)?,
        "grading.legal_restriction" => g.legal_restriction = yes_no(value)?,
        "grading.personal_or_commercial" => g.personal_or_commercial = yes_no(value)?,
        "grading.already_public" => g.already_public = yes_no(value)?,
        "grading.basis" => g.basis = opt(value),
        "grading.suggested" => g.suggested = Coded::parse(value),
        "grading.reason" => g.reason = opt(value),
        _ => return Err(Error::UnknownField { field: key.to_string() }),
    }
    if *g == Default::default() {
        r.grading = None;
    }
    Ok(())
}

fn set_review(r: &mut Resource, f: impl FnOnce(&mut SecrecyReview)) {
    let s = r.secrecy_review.get_or_insert_with(Default::default);
    f(s);
    if s.reviewer.is_empty() && s.at.is_empty() {
        r.secrecy_review = None;
    }
}

fn yes_no(b: bool) -> String {
    if b { "是" } else { "否" }.to_string()
}

/// A resource field as the text a person reads and a spreadsheet holds: domain values by
/// their Chinese label, yes/no as 是/否, lists joined with `；`. `set` reads it back.
pub fn get(r: &Resource, key: &str) -> Option<String> {
    let text = match key {
        "code" => r.code.clone(),
        "name" => Some(r.name.clone()).filter(|n| !n.is_empty()),
        "classification" => r.classification.as_ref().map(|c| {
            let parts = [&c.class, &c.item, &c.category, &c.subcategory];
            let all_digits = parts.iter().all(|p| p.as_deref().is_none_or(|s| s.bytes().all(|b| b.is_ascii_digit())));
            if all_digits && c.item.is_some() {
                parts.iter().filter_map(|p| p.as_deref()).collect::<String>()
            } else {
                c.class.clone().unwrap_or_default()
            }
        }),
        "provider_name" => r.provider_name.clone(),
        "provider_code" => r.provider_code.clone(),
        "abstract" => r.summary.clone(),
        "format.class" => r.format.class.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "format.type" => r.format.kind.clone(),
        "sensitivity" => r.sensitivity.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "sharing.type" => r.sharing.kind.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "sharing.condition" => r.sharing.condition.clone(),
        "sharing.basis" => r.sharing.basis.clone(),
        "sharing.method.class" => r.sharing.method.class.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "sharing.method.type" => r.sharing.method.kind.clone(),
        "open.type" => r.open.kind.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "open.condition" => r.open.condition.clone(),
        "open.basis" => r.open.basis.clone(),
        "open.declassified" => r.open.declassified.then(|| yes_no(true)),
        "open.method" => r.open.method.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "open.address" => r.open.address.clone(),
        "open.apply" => r.open.apply.clone(),
        "update_cycle" => r.update_cycle.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "published_on" => r.published_on.clone(),
        "updated_on" => r.updated_on.clone(),
        "related_codes" => Some(r.related_codes.join("；")).filter(|s| !s.is_empty()),
        "source_business" => r.source_business.clone(),
        "source_system" => r.source_system.clone(),
        "usage_requirements" => r.usage_requirements.clone(),
        "category" => r.category.clone(),
        "record_count" => r.record_count.clone(),
        "data_volume_gb" => r.data_volume_gb.clone(),
        "notes" => r.notes.clone(),
        "grading.state_secret" => r.grading.as_ref().and_then(|g| g.state_secret).map(yes_no),
        "grading.legal_restriction" => r.grading.as_ref().and_then(|g| g.legal_restriction).map(yes_no),
        "grading.personal_or_commercial" => r.grading.as_ref().and_then(|g| g.personal_or_commercial).map(yes_no),
        "grading.already_public" => r.grading.as_ref().and_then(|g| g.already_public).map(yes_no),
        "grading.basis" => r.grading.as_ref().and_then(|g| g.basis.clone()),
        "grading.suggested" => {
            r.grading.as_ref().and_then(|g| g.suggested.as_ref().map(|c| c.label(Lang::Zh).to_string()))
        }
        "grading.reason" => r.grading.as_ref().and_then(|g| g.reason.clone()),
        "secrecy_review.reviewer" => r.secrecy_review.as_ref().map(|s| s.reviewer.clone()),
        "secrecy_review.at" => r.secrecy_review.as_ref().map(|s| s.at.clone()),
        // A registry-only field (`stored = "extra"`).
        k => r.extra.get(k).cloned(),
    };
    text.filter(|t| !t.is_empty())
}

/// A data item's field as text (`item.name`, `item.data_type` …).
pub fn get_item(i: &DataItem, key: &str) -> Option<String> {
    let t = match key {
        "item.name" => Some(i.name.clone()),
        "item.data_type" => i.data_type.as_ref().map(|c| c.label(Lang::Zh).to_string()),
        "item.length" => i.length.clone(),
        "item.is_identifier" => Some(yes_no(i.is_identifier)),
        "item.is_personal" => Some(yes_no(i.is_personal)),
        "item.description" => i.description.clone(),
        _ => None,
    };
    t.filter(|t| !t.is_empty())
}

/// Sets a data item's field from text; a yes/no that is neither is an error (the caller keeps
/// the text elsewhere, never drops it).
pub fn set_item(i: &mut DataItem, key: &str, value: &str) -> Result<()> {
    match key {
        "item.name" => i.name = clean_line(value),
        "item.data_type" => i.data_type = Coded::parse(value),
        "item.length" => i.length = opt(&clean_code(value)),
        "item.is_identifier" => {
            i.is_identifier = parse_bool(value).ok_or_else(|| Error::invalid(key, value, "是/否"))?
        }
        "item.is_personal" => i.is_personal = parse_bool(value).ok_or_else(|| Error::invalid(key, value, "是/否"))?,
        "item.description" => i.description = opt(value),
        _ => return Err(Error::UnknownField { field: key.to_string() }),
    }
    Ok(())
}

/// An agency field as text.
pub fn get_agency(a: &Agency, key: &str) -> Option<String> {
    match key {
        "name" => a.name.clone(),
        "uscc" => a.uscc.clone(),
        "division_code" => a.division_code.clone(),
        "level" => a.level.as_ref().map(|l| l.label(Lang::Zh).to_string()),
        "principal_head" => a.principal_head.clone(),
        "contact_name" => a.contact_name.clone(),
        "contact_phone" => a.contact_phone.clone(),
        "code_prefix" => a.code_prefix.clone(),
        "period" => a.period.clone(),
        _ => None,
    }
}

/// Sets one agency-profile field from text.
pub fn set_agency(a: &mut Agency, key: &str, value: &str) -> Result<()> {
    match key {
        "name" => a.name = opt(&clean_line(value)),
        "uscc" => a.uscc = opt(&clean_code(value).to_uppercase()),
        "division_code" => a.division_code = opt(&clean_code(value)),
        "level" => a.level = Coded::parse(value),
        "principal_head" => a.principal_head = opt(&clean_line(value)),
        "contact_name" => a.contact_name = opt(&clean_line(value)),
        "contact_phone" => a.contact_phone = opt(&clean_code(value)),
        "code_prefix" => a.code_prefix = opt(&clean_code(value)),
        "period" => a.period = opt(&clean_code(value)),
        _ => return Err(Error::UnknownField { field: key.to_string() }),
    }
    Ok(())
}

/// Parses a data item written as `name:type[:length][:flags]`, flags being `id` and/or
/// `personal` joined by `+` (e.g. `公民身份号码:C:18:id+personal`). Without flags, the item
/// name decides them (domain.md §6.3).
pub fn parse_item(spec: &str) -> Result<DataItem> {
    let parts: Vec<&str> = spec.split([':', '：']).collect();
    let name = clean_line(parts[0]);
    if name.is_empty() {
        return Err(Error::invalid("items", spec, "名称:类型[:长度][:id+personal]"));
    }
    let mut item = DataItem {
        name,
        data_type: parts.get(1).and_then(|t| Coded::parse(t)),
        length: parts.get(2).and_then(|l| opt(&clean_code(l))),
        ..Default::default()
    };
    match parts.get(3).map(|f| clean(f)) {
        Some(flags) if !flags.is_empty() => {
            for flag in flags.split(['+', ',']) {
                match match_key(flag).as_str() {
                    "id" | "identifier" | "标识" => item.is_identifier = true,
                    "personal" | "个人" | "个人信息" => item.is_personal = true,
                    "none" | "-" => {}
                    _ => return Err(Error::invalid("items", flag, "id, personal")),
                }
            }
        }
        _ => super::names::detect_item_flags(&mut item),
    }
    if parts.len() > 4 {
        return Err(Error::invalid("items", spec, "名称:类型[:长度][:id+personal]"));
    }
    Ok(item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::domain::{DataType, Sensitivity};

    #[test]
    fn dates_in_officers_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1);
        for s in ["2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", "20260301", " ２０２６-３-１ "] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("26/3/1"), None);
    }

    #[test]
    fn format_cells() {
        assert_eq!(parse_format("电子表格 xlsx"), (Some(FormatClass::Spreadsheet.into()), Some("xlsx".into())));
        assert_eq!(parse_format("电子表格(xlsx)"), (Some(FormatClass::Spreadsheet.into()), Some("xlsx".into())));
        assert_eq!(parse_format("XLSX"), (Some(FormatClass::Spreadsheet.into()), Some("xlsx".into())));
        assert_eq!(parse_format("数据库"), (Some(FormatClass::Database.into()), None));
        assert_eq!(parse_format("纸质档案"), (Some(Coded::Raw("纸质档案".into())), None));
    }

    #[test]
    fn method_cells() {
        assert_eq!(parse_method("共享平台方式/接口"), (Some(MethodClass::Platform.into()), Some("接口".into())));
        assert_eq!(parse_method("API"), (Some(MethodClass::Platform.into()), Some("接口".into())));
        assert_eq!(parse_method("库表交换"), (Some(MethodClass::Platform.into()), Some("数据库".into())));
        assert_eq!(parse_method("U盘"), (Some(MethodClass::Other.into()), Some("拷贝".into())));
        assert_eq!(parse_method("平台"), (Some(MethodClass::Platform.into()), None));
        assert_eq!(parse_method("离线"), (Some(MethodClass::Other.into()), None));
    }

    #[test]
    fn set_normalises_and_keeps_unknown_values() {
        let mut r = Resource::default();
        set(&mut r, "code", " ３５２１１１００９/０００００１ ").unwrap();
        assert_eq!(r.code.as_deref(), Some("352111009/000001"));
        assert_eq!(r.classification.as_ref().and_then(|c| c.item.as_deref()), Some("52"), "derived from the code");
        set(&mut r, "sensitivity", "公开").unwrap();
        assert_eq!(r.sensitivity, Some(Sensitivity::Public.into()));
        set(&mut r, "sensitivity", "机密").unwrap();
        assert_eq!(r.sensitivity, Some(Coded::Raw("机密".into())));
        set(&mut r, "published_on", "2026年1月15日").unwrap();
        assert_eq!(r.published_on.as_deref(), Some("2026-01-15"));
        set(&mut r, "published_on", "去年").unwrap();
        assert_eq!(r.published_on.as_deref(), Some("去年"), "kept as written");
        set(&mut r, "related_codes", "101001/1；201001/2、 301001/3").unwrap();
        assert_eq!(r.related_codes.len(), 3);
        set(&mut r, "notes", "").unwrap();
        assert_eq!(r.notes, None);
        assert!(matches!(set(&mut r, "colour", "red"), Err(Error::UnknownField { .. })));
        assert!(set(&mut r, "open.declassified", "也许").is_err());
    }

    #[test]
    fn item_specs() {
        let i = parse_item("公民身份号码:C:18").unwrap();
        assert_eq!(i.data_type, Some(DataType::C.into()));
        assert!(i.is_identifier && i.is_personal, "detected from the name");
        let j = parse_item("金额:货币:12,2:none").unwrap();
        assert!(!j.is_identifier && !j.is_personal);
        assert_eq!(j.length.as_deref(), Some("12,2"));
        let k = parse_item("备注:文本型").unwrap();
        assert_eq!(k.data_type, Some(Coded::Raw("文本型".into())));
        assert!(parse_item(":C").is_err());
        assert!(parse_item("a:C:1:bogus").is_err());
    }
}
