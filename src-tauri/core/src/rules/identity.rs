//! Identifiers: the agency's and providers' USCC and division codes, and Art. 18 — natural
//! persons keyed by the citizen ID number, legal entities by the USCC.

use crate::ids::{division, uscc};
use crate::model::domain::{tables, Coded, Domain, AgencyLevel};
use crate::model::fields::label;
use crate::model::{Agency, DataItem, Resource};
use crate::text::match_key;

use super::Sink;

fn names_match(name: &str, list: &[String]) -> bool {
    let k = match_key(name);
    list.iter().any(|n| match_key(n) == k)
}

/// The item names a citizen ID number.
pub fn is_person_id(name: &str) -> bool {
    names_match(name, &tables().identity.person_id)
}

/// The item names a USCC (or the older organisation code).
pub fn is_entity_id(name: &str) -> bool {
    names_match(name, &tables().identity.entity_id)
}

/// The item holds personal information by its name: 姓名, 联系电话, 申请人 …
pub fn is_personal_name(name: &str) -> bool {
    let t = &tables().identity;
    if names_match(name, &t.personal) {
        return true;
    }
    let k = match_key(name);
    let excluded = t.personal_suffix_exclude.iter().any(|e| k.contains(&match_key(e)));
    !excluded && k.chars().count() >= 2 && t.personal_suffix.iter().any(|s| k.ends_with(&match_key(s)))
}

/// The item is about a legal entity: 企业名称, 单位名称, 承租方 …
pub fn is_entity_name(name: &str) -> bool {
    names_match(name, &tables().identity.entity)
}

/// Sets `is_identifier` / `is_personal` from the item's name (never clears a flag the officer set).
pub fn detect_item_flags(item: &mut DataItem) {
    if is_person_id(&item.name) {
        item.is_identifier = true;
        item.is_personal = true;
    } else if is_entity_id(&item.name) {
        item.is_identifier = true;
    } else if is_personal_name(&item.name) {
        item.is_personal = true;
    }
}

pub(super) fn check_agency(a: &Agency, sink: &mut Sink) {
    let lang = sink.lang();
    for (key, value) in [
        ("name", &a.name),
        ("uscc", &a.uscc),
        ("division_code", &a.division_code),
        ("contact_name", &a.contact_name),
        ("contact_phone", &a.contact_phone),
    ] {
        if value.is_none() {
            let field = format!("agency.{key}");
            sink.emit("field.required", Some(&field), &[("label", label(&field, lang))]);
        }
    }
    match &a.level {
        None => sink.emit("field.required", Some("agency.level"), &[("label", label("agency.level", lang))]),
        Some(Coded::Raw(v)) => {
            let allowed = AgencyLevel::allowed(lang);
            sink.emit("field.domain", Some("agency.level"), &[("label", label("agency.level", lang)), ("value", v), ("allowed", &allowed)])
        }
        Some(Coded::Known(_)) => {}
    }
    if let Some(code) = a.uscc.as_deref() {
        if let Err(e) = uscc::validate(code) {
            sink.emit("provider.uscc", Some("agency.uscc"), &[("value", code), ("reason", &e.describe(lang))]);
        }
    }
    if let Some(d) = a.division_code.as_deref() {
        if let Err(e) = division::validate(d) {
            sink.emit("agency.division", Some("agency.division_code"), &[("value", d), ("reason", &e.describe(lang))]);
        }
    }
    if let Some(p) = a.code_prefix.as_deref() {
        if !crate::ids::code::prefix_valid(p) {
            sink.emit("code.format", Some("agency.code_prefix"), &[("value", p)]);
        }
    }
}

pub(super) fn check_resource(r: &Resource, agency: &Agency, sink: &mut Sink) {
    let lang = sink.lang();
    if let Some(code) = r.provider_code.as_deref() {
        match uscc::validate(code) {
            Err(e) => sink.emit("provider.uscc", Some("provider_code"), &[("value", code), ("reason", &e.describe(lang))]),
            Ok(()) => {
                let d = uscc::division(code).unwrap_or_default();
                let what = if division::validate(d).is_err() {
                    Some(format!("{}", lang.pick("提供方代码第 3–8 位“{d}”不是有效的行政区划代码，请核对。", "Positions 3–8 of the provider code, “{d}”, are not a valid division code; check it.")).replace("{d}", d))
                } else {
                    match agency.division_code.as_deref() {
                        Some(home) if division::validate(home).is_ok() && !division::within(d, home) => Some(
                            lang.pick("提供方代码登记地“{d}”不在本机构所在地区“{home}”，请确认提供方是否为本地区单位。", "The provider code was registered in “{d}”, outside this agency's district “{home}”; check that the provider is local.")
                                .replace("{d}", d)
                                .replace("{home}", home),
                        ),
                        _ => None,
                    }
                };
                if let Some(what) = what {
                    sink.emit("provider.division", Some("provider_code"), &[("what", &what)]);
                }
            }
        }
    }

    // Art. 18: natural persons by the citizen ID number, legal entities by the USCC.
    let has_person_id = r.items.iter().any(|i| is_person_id(&i.name) || (i.is_identifier && i.is_personal));
    if !has_person_id {
        let personal: Vec<&str> = r
            .items
            .iter()
            .filter(|i| !i.is_identifier && (i.is_personal || is_personal_name(&i.name)))
            .map(|i| i.name.as_str())
            .take(3)
            .collect();
        if !personal.is_empty() {
            sink.emit("identity.person", Some("items"), &[("items", &personal.join(lang.pick("、", ", ")))]);
        }
    }
    let has_entity_id = r.items.iter().any(|i| is_entity_id(&i.name) || (i.is_identifier && !i.is_personal));
    if !has_entity_id {
        let entity: Vec<&str> = r.items.iter().filter(|i| is_entity_name(&i.name)).map(|i| i.name.as_str()).take(3).collect();
        if !entity.is_empty() {
            sink.emit("identity.entity", Some("items"), &[("items", &entity.join(lang.pick("、", ", ")))]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_flags_from_names() {
        let mut i = DataItem { name: "身份证号码".into(), ..Default::default() };
        detect_item_flags(&mut i);
        assert!(i.is_identifier && i.is_personal);
        let mut j = DataItem { name: "统一社会信用代码".into(), ..Default::default() };
        detect_item_flags(&mut j);
        assert!(j.is_identifier && !j.is_personal);
        let mut k = DataItem { name: "申请人".into(), ..Default::default() };
        detect_item_flags(&mut k);
        assert!(k.is_personal && !k.is_identifier);
        assert!(!is_personal_name("法定代表人"), "a company's representative is entity data");
        assert!(!is_personal_name("人"), "a lone character is not a name");
    }
}
